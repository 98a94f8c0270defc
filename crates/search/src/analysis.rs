//! Turning text into index terms.

use praxis_domain::text::fold;
use praxis_domain::Lang;

/// Words too common to help, in any of our languages (folded form).
const STOP_WORDS: &[&str] = &[
    // English
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "of", "on",
    "or", "the", "to", "with", "its", "their", "this", "that", // French
    "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "en", "et", "la", "le", "les", "leur",
    "leurs", "l", "d", "par", "pour", "sur", "un", "une", "qui", "que", // Spanish
    "al", "con", "del", "el", "las", "los", "lo", "para", "por", "su", "sus", "una", "y", "e", "o", "u",
];

/// Reduces folded words to their stems with the language's Snowball stemmer, so that
/// "loyers" and "loyer", "subsidios" and "subsidio" meet.
pub fn stem_tokens(words: &[String], lang: Lang) -> Vec<String> {
    let algorithm = match lang {
        Lang::En => rust_stemmers::Algorithm::English,
        Lang::Fr => rust_stemmers::Algorithm::French,
        Lang::Es => rust_stemmers::Algorithm::Spanish,
    };
    let stemmer = rust_stemmers::Stemmer::create(algorithm);
    // Snowball does not always give a word and its plural the same stem (French "loyer"
    // → "loi" but "loyers" → "loyer"), so plurals are reduced first.
    words.iter().map(|w| stemmer.stem(singular(w, lang)).into_owned()).collect()
}

fn singular(word: &str, lang: Lang) -> &str {
    if word.chars().count() <= 3 || word.chars().any(|c| c.is_ascii_digit()) {
        return word;
    }
    match lang {
        Lang::En if word.ends_with("ss") => word,
        Lang::En | Lang::Es => word.strip_suffix('s').unwrap_or(word),
        Lang::Fr => word.strip_suffix('s').or_else(|| word.strip_suffix('x')).unwrap_or(word),
    }
}

/// The index terms of a text: folded words, minus stop words.
pub fn tokens(text: &str) -> Vec<String> {
    fold(text).split(' ').filter(|t| !t.is_empty() && !STOP_WORDS.contains(t)).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_their_plurals_share_a_stem() {
        for (lang, a, b) in [
            (Lang::Fr, "loyer", "loyers"),
            (Lang::Fr, "réseau", "réseaux"),
            (Lang::Es, "subsidio", "subsidios"),
            (Lang::Es, "inundación", "inundaciones"),
            (Lang::En, "tenant", "tenants"),
            (Lang::En, "policy", "policies"),
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
