//! Text normalisation shared by place matching, slugs and search analysis.

use unicode_normalization::UnicodeNormalization;

/// Folds text for comparison: lower case, accents removed, punctuation turned into
/// spaces, runs of whitespace collapsed. "Montréal", "MONTREAL" and "montreal " all fold
/// to "montreal"; "Saint-Étienne" folds to "saint etienne".
pub fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut pending_space = false;
    for c in input.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let expanded: Option<&str> = match c {
            'ß' => Some("ss"),
            'æ' | 'Æ' => Some("ae"),
            'œ' | 'Œ' => Some("oe"),
            'ø' | 'Ø' => Some("o"),
            'ł' | 'Ł' => Some("l"),
            'đ' | 'Đ' => Some("d"),
            'ı' => Some("i"),
            _ => None,
        };
        if let Some(s) = expanded {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push_str(s);
        } else if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

/// Appends `input` escaped for HTML and XML text and attribute values. Characters XML
/// 1.0 does not allow are dropped: control characters other than newline and tab, and
/// the non-characters U+FFFE and U+FFFF.
pub fn escape_markup_into(input: &str, out: &mut String) {
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

/// `input` escaped for HTML and XML (see [`escape_markup_into`]).
pub fn escape_markup(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    escape_markup_into(input, &mut out);
    out
}

/// A URL-friendly slug: the folded text with spaces turned into hyphens.
pub fn slug(input: &str) -> String {
    fold(input).replace(' ', "-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn markup_never_holds_what_xml_forbids() {
        let escaped = escape_markup("a\u{FFFE}b\u{FFFF}c\u{0}d\u{1b}e\u{FFFD}");
        assert_eq!(escaped, "abcde\u{FFFD}");
    }

    #[test]
    fn folds_accents_case_and_punctuation() {
        assert_eq!(fold("Montréal"), "montreal");
        assert_eq!(fold("  SAINT-Étienne  "), "saint etienne");
        assert_eq!(fold("Bogotá, D.C."), "bogota d c");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(slug("Ciudad de México"), "ciudad-de-mexico");
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(escape_markup("a<b>&\"c'\u{7}\n"), "a&lt;b&gt;&amp;&quot;c&#x27;\n");
    }

    proptest! {
        #[test]
        fn fold_is_idempotent(s in "\\PC{0,40}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once.clone());
            prop_assert!(!once.starts_with(' ') && !once.ends_with(' '));
            prop_assert!(!once.contains("  "));
        }
    }
}
