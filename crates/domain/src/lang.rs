//! The languages Praxis speaks, for its interface and for content. They are data: the
//! registry `data/languages/registry.json` names each one (code, name, text direction,
//! stemmer, fallback, and the few facts analysis and number formatting need), and a
//! [`Lang`] is a position in it. Adding a language is adding an entry there and its
//! files; no code names a language.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

const REGISTRY: &str = include_str!("../../../data/languages/registry.json");

/// What the registry says of one language.
#[derive(Debug, Clone, Deserialize)]
pub struct LanguageInfo {
    /// ISO 639-1.
    pub code: String,
    /// The language's name in that language, for language pickers.
    pub name: String,
    /// `ltr` or `rtl`.
    pub direction: String,
    /// The Snowball stemmer's name (`english`, `portuguese`, …).
    pub stemmer: String,
    /// Where a missing translation is looked for next (the default language last).
    pub fallback: Option<String>,
    /// Endings dropped to reduce a plural to its singular before stemming.
    #[serde(default)]
    pub plural_suffixes: Vec<String>,
    /// Endings that look plural but are not (English "-ss").
    #[serde(default)]
    pub singular_endings: Vec<String>,
    /// Words too common to help a search.
    #[serde(default)]
    pub stop_words: Vec<String>,
    /// Groups thousands in numbers.
    pub digit_group: String,
    /// Whether four-digit numbers are grouped too (Spanish writes 1234, but 12.345).
    #[serde(default)]
    pub group_four_digits: bool,
}

#[derive(Deserialize)]
struct RegistryFile {
    languages: Vec<LanguageInfo>,
}

struct Registry {
    languages: Vec<LanguageInfo>,
    all: Vec<Lang>,
}

fn registry() -> &'static Registry {
    static REG: OnceLock<Registry> = OnceLock::new();
    REG.get_or_init(|| {
        let file: RegistryFile = serde_json::from_str(REGISTRY)
            .unwrap_or_else(|e| panic!("data/languages/registry.json is invalid: {e}"));
        let languages = file.languages;
        assert!(!languages.is_empty(), "data/languages/registry.json names no language");
        assert!(languages.len() < usize::from(u8::MAX), "too many languages for the registry");
        for (i, l) in languages.iter().enumerate() {
            assert!(
                l.code.len() == 2 && l.code.bytes().all(|b| b.is_ascii_lowercase()),
                "registry: {:?} is not an ISO 639-1 code",
                l.code
            );
            assert!(!languages[..i].iter().any(|o| o.code == l.code), "registry: {} is listed twice", l.code);
            if let Some(f) = &l.fallback {
                assert!(
                    languages.iter().any(|o| &o.code == f),
                    "registry: {}'s fallback {f} is unknown",
                    l.code
                );
            }
        }
        let all = (0..languages.len()).map(|i| Lang(i as u8)).collect();
        Registry { languages, all }
    })
}

/// A language of the registry. Ordered as the registry lists them; the first is the
/// default.
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang(u8);

impl Lang {
    /// Every language, in registry order.
    pub fn all() -> &'static [Lang] {
        &registry().all
    }

    /// The language of a code that must be in the registry: for bundled data and tests.
    /// Panics on an unknown code.
    pub fn known(code: &str) -> Lang {
        code.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    /// Its position in the registry, for tables indexed by language.
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    pub fn info(self) -> &'static LanguageInfo {
        &registry().languages[self.index()]
    }

    pub fn code(self) -> &'static str {
        &self.info().code
    }

    /// The language's name in that language, for language pickers.
    pub fn native_name(self) -> &'static str {
        &self.info().name
    }

    pub fn is_rtl(self) -> bool {
        self.info().direction == "rtl"
    }

    /// Where to look for a missing translation, this language first, the default last.
    pub fn fallbacks(self) -> Vec<Lang> {
        let mut chain = vec![self];
        let mut at = self;
        while let Some(next) = at.info().fallback.as_deref().and_then(|c| c.parse::<Lang>().ok()) {
            if chain.contains(&next) {
                break;
            }
            chain.push(next);
            at = next;
        }
        if !chain.contains(&Lang::default()) {
            chain.push(Lang::default());
        }
        chain
    }

    /// Picks the best supported language from an `Accept-Language` header value,
    /// honouring quality values; the default language when nothing matches.
    pub fn negotiate(accept_language: &str) -> Lang {
        let mut best: Option<(f32, usize, Lang)> = None;
        for (position, part) in accept_language.split(',').enumerate() {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let quality = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
            let Ok(lang) = primary.parse::<Lang>() else {
                continue;
            };
            if quality <= 0.0 {
                continue;
            }
            let better = match best {
                None => true,
                Some((q, pos, _)) => quality > q || (quality == q && position < pos),
            };
            if better {
                best = Some((quality, position, lang));
            }
        }
        best.map(|(_, _, lang)| lang).unwrap_or_default()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {0:?}: use {codes}", codes = codes())]
pub struct UnknownLang(pub String);

impl Lang {
    /// The registry's codes for a message: "en, fr, es or pt".
    pub fn codes_listed() -> String {
        codes()
    }
}

fn codes() -> String {
    let all: Vec<&str> = Lang::all().iter().map(|l| l.code()).collect();
    match all.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

impl FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        registry()
            .languages
            .iter()
            .position(|l| l.code == s)
            .map(|i| Lang(i as u8))
            .ok_or_else(|| UnknownLang(s.to_string()))
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        code.parse().map_err(serde::de::Error::custom)
    }
}

impl utoipa::PartialSchema for Lang {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        let codes: Vec<&str> = Lang::all().iter().map(|l| l.code()).collect();
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(codes))
            .description(Some("a language code of the registry (ISO 639-1)"))
            .into()
    }
}

impl utoipa::ToSchema for Lang {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_accept_language() {
        let (en, fr, es) = (Lang::known("en"), Lang::known("fr"), Lang::known("es"));
        assert_eq!(Lang::negotiate("fr-CA,fr;q=0.9,en;q=0.8"), fr);
        assert_eq!(Lang::negotiate("de-DE,es;q=0.5,en;q=0.4"), es);
        assert_eq!(Lang::negotiate("de"), en);
        assert_eq!(Lang::negotiate(""), en);
        assert_eq!(Lang::negotiate("en;q=0.2, fr;q=0.9"), fr);
        assert_eq!(Lang::negotiate("es;q=0, fr"), fr);
    }

    #[test]
    fn every_language_falls_back_to_the_default() {
        for lang in Lang::all() {
            let chain = lang.fallbacks();
            assert_eq!(chain[0], *lang);
            assert_eq!(chain.last(), Some(&Lang::default()));
        }
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::all() {
            assert_eq!(lang.code().parse::<Lang>().unwrap(), *lang);
            assert_eq!(serde_json::to_string(lang).unwrap(), format!("\"{}\"", lang.code()));
        }
        assert!("xx".parse::<Lang>().is_err());
    }
}
