//! Turning text into index terms.

use praxis_domain::text::fold;
use praxis_domain::Lang;

/// Words too common to help, in any of the registry's languages (folded form).
fn stop_words() -> &'static std::collections::HashSet<String> {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        Lang::all().iter().flat_map(|l| l.info().stop_words.iter().map(|w| fold(w))).collect()
    })
}

/// The Snowball stemmers, by the name a registry entry gives.
fn algorithm(name: &str) -> Option<rust_stemmers::Algorithm> {
    use rust_stemmers::Algorithm::*;
    Some(match name {
        "arabic" => Arabic,
        "danish" => Danish,
        "dutch" => Dutch,
        "english" => English,
        "finnish" => Finnish,
        "french" => French,
        "german" => German,
        "greek" => Greek,
        "hungarian" => Hungarian,
        "italian" => Italian,
        "norwegian" => Norwegian,
        "portuguese" => Portuguese,
        "romanian" => Romanian,
        "russian" => Russian,
        "spanish" => Spanish,
        "swedish" => Swedish,
        "tamil" => Tamil,
        "turkish" => Turkish,
        _ => return None,
    })
}

/// Reduces folded words to their stems with the language's Snowball stemmer, so that
/// "loyers" and "loyer", "subsidios" and "subsidio" meet. A language whose stemmer is
/// unknown keeps its words as they are (after plural reduction).
pub fn stem_tokens(words: &[String], lang: Lang) -> Vec<String> {
    let stemmer = algorithm(&lang.info().stemmer).map(rust_stemmers::Stemmer::create);
    // Snowball does not always give a word and its plural the same stem (French "loyer"
    // → "loi" but "loyers" → "loyer"), so plurals are reduced first.
    words
        .iter()
        .map(|w| {
            let w = singular(w, lang);
            stemmer.as_ref().map_or_else(|| w.to_string(), |s| s.stem(w).into_owned())
        })
        .collect()
}

fn singular(word: &str, lang: Lang) -> &str {
    if word.chars().count() <= 3 || word.chars().any(|c| c.is_ascii_digit()) {
        return word;
    }
    let info = lang.info();
    if info.singular_endings.iter().any(|e| word.ends_with(e.as_str())) {
        return word;
    }
    info.plural_suffixes.iter().find_map(|s| word.strip_suffix(s.as_str())).unwrap_or(word)
}

/// The index terms of a text: folded words, minus stop words.
pub fn tokens(text: &str) -> Vec<String> {
    let stop = stop_words();
    fold(text).split(' ').filter(|t| !t.is_empty() && !stop.contains(*t)).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_their_plurals_share_a_stem() {
        for (lang, a, b) in [
            (Lang::known("fr"), "loyer", "loyers"),
            (Lang::known("fr"), "réseau", "réseaux"),
            (Lang::known("es"), "subsidio", "subsidios"),
            (Lang::known("es"), "inundación", "inundaciones"),
            (Lang::known("en"), "tenant", "tenants"),
            (Lang::known("en"), "policy", "policies"),
        ] {
            let stems = stem_tokens(&tokens(&format!("{a} {b}")), lang);
            assert_eq!(stems[0], stems[1], "{a} / {b}");
        }
    }

    #[test]
    fn folds_and_drops_stop_words() {
        assert_eq!(tokens("L'aide au loyer de Montréal"), vec!["aide", "loyer", "montreal"]);
        assert_eq!(
            tokens("Subsidio de alquiler para las familias"),
            vec!["subsidio", "alquiler", "familias"]
        );
        assert!(tokens("the of and").is_empty());
    }
}
