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
    /// The id of a form on the page that the header's search box belongs to (the
    /// catalogue's: one search field, sent with the filters on screen).
    pub search_form: Option<&'static str>,
    /// The value every form repeats in its hidden `csrf` field.
    pub csrf: String,
    /// The signed-in person's name, for the header.
    pub account_name: Option<String>,
    pub is_editor: bool,
    pub is_admin: bool,
    /// The site's address without a trailing slash (empty: links stay relative).
    pub base: String,
    /// What the page is about, for search engines and link previews.
    pub description: String,
    /// `website`, or `article` for one initiative, call or event.
    pub og_type: &'static str,
    /// schema.org JSON-LD about the page's subject, already serialised.
    json_ld: Option<String>,
    /// Pages that should not be indexed (forms, personal pages).
    pub noindex: bool,
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
            search_form: None,
            csrf: String::new(),
            account_name: None,
            is_editor: false,
            is_admin: false,
            base: String::new(),
            description: String::new(),
            og_type: "website",
            json_ld: None,
            // Forms and one-time links are nobody's search result (robots.txt says so too).
            noindex: ["/sign-in", "/sign-up", "/password", "/registrations", "/calls/confirm"]
                .iter()
                .any(|p| path.starts_with(p)),
        }
    }

    /// Absolute links in the head start from the site's configured address.
    pub fn with_base(mut self, base: &str) -> Chrome {
        self.base = base.trim_end_matches('/').to_string();
        self
    }

    /// The page's description for search engines and link previews (one line, cut at a
    /// word near 200 characters with an ellipsis: it is a preview, the page has it all).
    pub fn with_description(mut self, text: &str) -> Chrome {
        self.description = preview(text, 200);
        self
    }

    /// The page is about one thing (an initiative, a call, an event), described for
    /// machines by this schema.org object.
    pub fn with_subject(mut self, json_ld: serde_json::Value) -> Chrome {
        self.og_type = "article";
        // `<` never appears raw, so the data block cannot close its element.
        self.json_ld = Some(json_ld.to_string().replace('<', "\\u003c"));
        self
    }

    pub fn json_ld(&self) -> Option<&str> {
        self.json_ld.as_deref()
    }

    /// The page in every language, as absolute addresses (`hreflang` links in the head).
    pub fn alternates(&self) -> Vec<(&'static str, String)> {
        Lang::all().iter().map(|l| (l.code(), format!("{}/{}{}", self.base, l.code(), self.path))).collect()
    }

    /// This page's absolute address.
    pub fn canonical(&self) -> String {
        format!("{}/{}{}", self.base, self.lang.code(), self.path)
    }

    /// The address of this page in the default language, for `hreflang="x-default"`.
    pub fn default_href(&self) -> String {
        format!("{}/{}{}", self.base, Lang::default().code(), self.path)
    }

    /// The page's description, or the site's when it has none of its own.
    pub fn meta_description(&self) -> String {
        if self.description.is_empty() {
            self.t("meta-description")
        } else {
            self.description.clone()
        }
    }

    pub fn with_nav(mut self, nav: &'static str) -> Chrome {
        self.nav = nav;
        // Personal pages and the staff's desks are nobody's search result.
        self.noindex |= matches!(nav, "account" | "editor" | "admin");
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

/// A text as one line of at most about `max` characters, cut at a word with an ellipsis.
pub fn preview(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        return line;
    }
    let cut: String = line.chars().take(max).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', '.']))
}
