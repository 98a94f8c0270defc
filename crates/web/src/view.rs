//! What every page shares (the chrome: language, navigation, translations) and the
//! template structs. Templates live in `templates/`, a folder per feature (`initiatives/`,
//! `calls/`, `events/`, `accounts/`, `places/`, `pages/`) beside the shared frame (`base.html`,
//! `card.html`, `form.html`, `message.html`, `error.html`), and are compiled into the binary.

use askama::Template;
use praxis_app::i18n::{format_number, I18n};
use praxis_domain::Lang;
use std::sync::Arc;

/// The frame around every page.
pub struct Chrome {
    pub lang: Lang,
    i18n: Arc<I18n>,
    /// The current path and query without the language prefix, for the language switcher.
    pub path: String,
    pub title: String,
    /// Which main navigation entry is current.
    pub nav: &'static str,
    /// The text in the header's search box.
    pub q: String,
    /// The value every form repeats in its hidden `csrf` field.
    pub csrf: String,
    /// The signed-in person's name, for the header.
    pub account_name: Option<String>,
    pub is_editor: bool,
    pub is_admin: bool,
}

pub struct LanguageLink {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

impl Chrome {
    pub fn new(i18n: Arc<I18n>, lang: Lang, path: &str, title: String) -> Chrome {
        Chrome {
            lang,
            i18n,
            path: path.to_string(),
            title,
            nav: "",
            q: String::new(),
            csrf: String::new(),
            account_name: None,
            is_editor: false,
            is_admin: false,
        }
    }

    pub fn with_nav(mut self, nav: &'static str) -> Chrome {
        self.nav = nav;
        self
    }

    /// A translated interface string.
    pub fn t(&self, key: &str) -> String {
        self.i18n.t(self.lang, key)
    }

    /// A translated string with a `count` argument (plurals are chosen by Fluent).
    pub fn n(&self, key: &str, count: &usize) -> String {
        self.i18n.t_args(
            self.lang,
            key,
            &[("count", (*count as f64).into()), ("formatted", self.number(count).into())],
        )
    }

    pub fn number(&self, n: &usize) -> String {
        format_number(self.lang, i64::try_from(*n).unwrap_or(i64::MAX))
    }

    /// A site path in the page's language.
    pub fn url(&self, path: &str) -> String {
        format!("/{}{}", self.lang.code(), path)
    }

    pub fn languages(&self) -> Vec<LanguageLink> {
        Lang::all()
            .iter()
            .map(|l| LanguageLink {
                code: l.code(),
                name: l.native_name(),
                href: format!("/{}{}", l.code(), self.path),
                current: *l == self.lang,
            })
            .collect()
    }

    /// A `YYYY-MM-DD` date written out in the page's language.
    pub fn date(&self, iso: &str) -> String {
        self.i18n.date(self.lang, iso)
    }

    /// The translations behind this page.
    pub fn i18n(&self) -> &I18n {
        &self.i18n
    }

    pub fn css(&self) -> &'static str {
        crate::assets::CSS_PATH.as_str()
    }

    pub fn suggest_js(&self) -> &'static str {
        crate::assets::SUGGEST_PATH.as_str()
    }

    /// `lang="xx"` is needed on content whose language differs from the page's.
    pub fn lang_attr(&self, lang: &Lang) -> String {
        if *lang == self.lang {
            String::new()
        } else {
            format!(" lang=\"{}\"", lang.code())
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub c: Chrome,
    pub title: String,
    pub text: String,
}

/// An initiative as a card in lists.
pub struct Card {
    pub href: String,
    pub title: String,
    pub title_lang: Lang,
    pub summary: String,
    pub summary_lang: Lang,
    pub place: String,
    pub country: String,
    pub kind: String,
    pub themes: Vec<String>,
    pub year: Option<i32>,
    pub language: Lang,
    pub language_name: String,
    pub available: Vec<Lang>,
    /// For search results in another language than the reader's: why they matched.
    pub why: Option<String>,
    /// The summary with the words that matched a search marked (escaped HTML).
    pub summary_html: Option<String>,
}

impl Card {
    pub fn new(c: &Chrome, stored: &praxis_store::StoredInitiative) -> Card {
        use praxis_domain::Vocabulary;
        let r = &stored.record;
        let (title_lang, title) = r.title_in(c.lang);
        let (summary_lang, summary) = r.summary_in(c.lang);
        Card {
            href: c.url(&format!("/initiatives/{}", r.id)),
            title: title.to_string(),
            title_lang,
            summary: summary.to_string(),
            summary_lang,
            place: stored.place.name.clone(),
            country: c.t(&format!("country-{}", r.country)),
            kind: c.t(&r.kind.label_key()),
            themes: r.themes.iter().map(|t| c.t(&t.label_key())).collect(),
            year: r.year(),
            language: r.language,
            language_name: c.t(&format!("lang-{}", r.language)),
            available: r.available_languages(),
            why: None,
            summary_html: None,
        }
    }
}
