//! Interface strings in Fluent files per language (`locales/{lang}/*.ftl`, plus the
//! domain's vocabulary and country names). English is the fallback for a missing key.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use praxis_domain::Lang;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// The process's translations, loaded once.
pub fn shared() -> Arc<I18n> {
    static SHARED: OnceLock<Arc<I18n>> = OnceLock::new();
    SHARED.get_or_init(|| Arc::new(I18n::load())).clone()
}

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// Every Fluent source of a language, in load order: the interface files of
/// `crates/web/locales/{lang}/`, then the domain's vocabulary and country names
/// (collected by `build.rs`).
pub fn sources(lang: Lang) -> Vec<&'static str> {
    LOCALE_FILES
        .iter()
        .filter(|(code, _)| *code == lang.code())
        .flat_map(|(_, files)| files.iter().map(|(_, text)| *text))
        .collect()
}

/// The languages that have Fluent files, registered or not (a test checks that each
/// is in the registry, so no translation is left unused).
pub fn languages_with_files() -> Vec<&'static str> {
    LOCALE_FILES.iter().map(|(code, _)| *code).collect()
}

pub struct I18n {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
}

impl I18n {
    /// Loads the bundled translations. The files are part of the binary and checked by
    /// tests, so a syntax error here is a build defect, not a user error.
    pub fn load() -> I18n {
        let mut bundles = HashMap::new();
        for &lang in Lang::all() {
            let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("valid language id");
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Isolation marks would end up inside attributes and URLs.
            bundle.set_use_isolating(false);
            for source in sources(lang) {
                let resource = FluentResource::try_new(source.to_string())
                    .unwrap_or_else(|(_, errors)| panic!("bad Fluent syntax in {lang}: {errors:?}"));
                bundle
                    .add_resource(resource)
                    .unwrap_or_else(|errors| panic!("duplicate Fluent keys in {lang}: {errors:?}"));
            }
            bundles.insert(lang, bundle);
        }
        I18n { bundles }
    }

    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.bundles.get(&lang).is_some_and(|b| b.has_message(key))
    }

    /// The string for `key` in `lang`, English when the language lacks it, the key itself
    /// when no language has it (visible, and caught by tests).
    pub fn t(&self, lang: Lang, key: &str) -> String {
        self.format(lang, key, None)
    }

    pub fn t_args(&self, lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(lang, key, Some(&fluent_args))
    }

    /// A `YYYY-MM-DD` date written out in the language ("26 March 2026"); anything
    /// else is given back as it is.
    pub fn date(&self, lang: Lang, iso: &str) -> String {
        let mut parts = iso.splitn(3, '-');
        let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next()) else {
            return iso.to_string();
        };
        let (Ok(month), Ok(day)) = (month.parse::<u8>(), day.parse::<u8>()) else {
            return iso.to_string();
        };
        self.t_args(
            lang,
            "date",
            &[
                ("day", day.to_string().into()),
                ("month", self.t(lang, &format!("month-{month}")).into()),
                ("year", year.to_string().into()),
            ],
        )
    }

    fn format(&self, lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
        for candidate in lang.fallbacks() {
            let Some(bundle) = self.bundles.get(&candidate) else { continue };
            let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else { continue };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if errors.is_empty() {
                return text.into_owned();
            }
            tracing::warn!("translation {key} in {candidate}: {errors:?}");
        }
        key.to_string()
    }
}

/// The message ids a Fluent source defines.
#[cfg(test)]
fn message_ids(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|l| !l.starts_with([' ', '#', '-', '\t', '.', '[', '*', '}']) && l.contains('='))
        .filter_map(|l| l.split('=').next())
        .map(|k| k.trim().to_string())
        .filter(|k| !k.is_empty())
        .collect()
}

/// Writes a count the way the language does: 12,345 / 12 345 / 12.345.
pub fn format_number(lang: Lang, n: i64) -> String {
    let info = lang.info();
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) && (info.group_four_digits || digits.len() != 4) {
            out.push_str(&info.digit_group);
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use praxis_domain::{Aim, Kind, Level, Theme, Vocabulary};

    #[test]
    fn every_language_has_every_english_key() {
        let english: Vec<String> = sources(Lang::default()).iter().flat_map(|s| message_ids(s)).collect();
        assert!(english.len() > 100, "parsed {} keys", english.len());
        let i18n = I18n::load();
        for &lang in Lang::all() {
            let missing: Vec<&String> = english.iter().filter(|k| !i18n.has(lang, k)).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            let own: Vec<String> = sources(lang).iter().flat_map(|s| message_ids(s)).collect();
            let extra: Vec<&String> = own.iter().filter(|k| !english.contains(k)).collect();
            assert!(extra.is_empty(), "{lang} has keys English lacks: {extra:?}");
        }
    }

    #[test]
    fn every_vocabulary_value_and_error_code_has_a_label() {
        let i18n = I18n::load();
        let mut keys: Vec<String> = Vec::new();
        keys.extend(Theme::ALL.iter().map(|v| v.label_key()));
        keys.extend(Aim::ALL.iter().map(|v| v.label_key()));
        keys.extend(Kind::ALL.iter().map(|v| v.label_key()));
        keys.extend(Level::ALL.iter().map(|v| v.label_key()));
        keys.extend(praxis_domain::initiative::ERROR_CODES.iter().map(|c| format!("error-{c}")));
        keys.extend(praxis_domain::country::COUNTRY_CODES.iter().map(|c| format!("country-{c}")));
        for &lang in Lang::all() {
            for key in &keys {
                assert!(i18n.has(lang, key), "{lang} lacks {key}");
            }
        }
    }

    #[test]
    fn formats_with_arguments_and_falls_back() {
        let i18n = I18n::load();
        let text = i18n.t_args(
            Lang::known("fr"),
            "catalogue-count",
            &[("count", 3.into()), ("formatted", "3".into())],
        );
        assert_eq!(text, "3 initiatives");
        let one = i18n.t_args(
            Lang::known("fr"),
            "catalogue-count",
            &[("count", 0.into()), ("formatted", "0".into())],
        );
        assert_eq!(one, "0 initiative", "French counts zero as singular");
        assert_eq!(i18n.t(Lang::known("es"), "no-such-key"), "no-such-key");
    }

    #[test]
    fn numbers_are_grouped_per_language() {
        assert_eq!(format_number(Lang::known("en"), 1234567), "1,234,567");
        assert_eq!(format_number(Lang::known("fr"), 12345), "12\u{202f}345");
        assert_eq!(format_number(Lang::known("es"), 1234), "1234");
        assert_eq!(format_number(Lang::known("es"), 12345), "12.345");
        assert_eq!(format_number(Lang::known("en"), 999), "999");
    }

    #[test]
    fn every_translated_language_is_registered() {
        for code in languages_with_files() {
            assert!(code.parse::<Lang>().is_ok(), "locales/{code}/ exists but {code} is not in the registry");
        }
    }
}
