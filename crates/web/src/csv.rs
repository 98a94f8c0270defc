//! The one CSV writer of Praxis (RFC 4180 through the `csv` crate, CRLF line ends), with
//! one formula-safe rule for every export: a cell starting with `=`, `+`, `-` or `@` is
//! prefixed with an apostrophe, so that a spreadsheet shows it instead of running it.
//! Every table starts with a UTF-8 byte-order mark: without it Excel reads UTF-8 as a
//! legacy code page and shows "MÃ©tropole" (CSV readers such as Python's `utf-8-sig`
//! codec skip it).

/// A cell as written: defused when it could start a formula.
pub fn defuse(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_string()
    }
}

/// A whole table: the header, then each row, every cell defused and quoted as needed.
pub fn table<R, C>(header: &[&str], rows: R) -> String
where
    R: IntoIterator<Item = Vec<C>>,
    C: AsRef<str>,
{
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    // Writing to memory cannot fail; a row of the wrong length is a bug caught by tests.
    let _ = writer.write_record(header);
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| defuse(c.as_ref())).collect();
        let _ = writer.write_record(&cells);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8(bytes).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_defused() {
        let out = table(
            &["name", "note"],
            vec![
                vec!["Ana", "plain"],
                vec!["Pérez, Ana", "say \"hi\""],
                vec!["=HYPERLINK(\"x\")", "-1"],
                vec!["line\nbreak", "@sum"],
            ],
        );
        assert_eq!(
            out,
            "\u{feff}name,note\r\nAna,plain\r\n\"Pérez, Ana\",\"say \"\"hi\"\"\"\r\n\"'=HYPERLINK(\"\"x\"\")\",'-1\r\n\"line\nbreak\",'@sum\r\n"
        );
    }
}
