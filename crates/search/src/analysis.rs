//! Turning text into index terms.

use praxis_domain::text::fold;

/// Words too common to help, in any of our languages (folded form).
const STOP_WORDS: &[&str] = &[
    // English
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "of", "on",
    "or", "the", "to", "with", "its", "their", "this", "that", // French
    "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "en", "et", "la", "le", "les", "leur",
    "leurs", "l", "d", "par", "pour", "sur", "un", "une", "qui", "que", // Spanish
    "al", "con", "del", "el", "las", "los", "lo", "para", "por", "su", "sus", "una", "y", "e", "o", "u",
];

/// The index terms of a text: folded words, minus stop words.
pub fn tokens(text: &str) -> Vec<String> {
    fold(text).split(' ').filter(|t| !t.is_empty() && !STOP_WORDS.contains(t)).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
