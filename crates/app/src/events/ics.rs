//! iCalendar (RFC 5545), written by hand: CRLF line ends, lines folded at 75 octets
//! (never inside a UTF-8 character), TEXT values escaped, times in UTC (so no VTIMEZONE
//! is needed and every client agrees on the instant). The online link is never written:
//! calendars are public, and the link is for registrants only.

use jiff::Timestamp;

/// One event as a calendar entry.
pub struct CalendarEvent<'a> {
    /// Globally unique and stable: the event's id at this site.
    pub uid: String,
    pub start: Timestamp,
    pub end: Timestamp,
    /// When the event last changed.
    pub modified: Timestamp,
    pub summary: &'a str,
    /// The language of `summary` and `description`.
    pub language: &'a str,
    pub description: String,
    pub location: Option<String>,
    pub url: String,
    pub categories: Vec<&'a str>,
}

/// A whole calendar with these events; `stamp` is when it was written.
pub fn calendar(name: &str, events: &[CalendarEvent<'_>], stamp: Timestamp) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Praxis//Events 1.0//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", text(name)));
    for e in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", text(&e.uid)));
        line(&mut out, &format!("DTSTAMP:{}", utc(stamp)));
        line(&mut out, &format!("LAST-MODIFIED:{}", utc(e.modified)));
        line(&mut out, &format!("DTSTART:{}", utc(e.start)));
        line(&mut out, &format!("DTEND:{}", utc(e.end)));
        line(&mut out, &format!("SUMMARY;LANGUAGE={}:{}", e.language, text(e.summary)));
        line(&mut out, &format!("DESCRIPTION;LANGUAGE={}:{}", e.language, text(&e.description)));
        if let Some(location) = &e.location {
            line(&mut out, &format!("LOCATION:{}", text(location)));
        }
        line(&mut out, &format!("URL:{}", e.url));
        if !e.categories.is_empty() {
            let list: Vec<String> = e.categories.iter().map(|c| text(c)).collect();
            line(&mut out, &format!("CATEGORIES:{}", list.join(",")));
        }
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// `20260326T130000Z`.
fn utc(t: Timestamp) -> String {
    t.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes a TEXT value (RFC 5545 3.3.11).
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded so no physical line exceeds 75 octets.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        // Continuation lines start with a space, which counts towards their 75.
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(summary: &str) -> String {
        let event = CalendarEvent {
            uid: "mvd-water@praxis.test".into(),
            start: "2026-03-26T13:00:00Z".parse().unwrap(),
            end: "2026-03-26T14:30:00Z".parse().unwrap(),
            modified: "2026-03-01T00:00:00Z".parse().unwrap(),
            summary,
            language: "es",
            description: "Línea uno\nLínea dos; con, signos \\ raros".into(),
            location: Some("Sala 1, Intendencia".into()),
            url: "http://praxis.test/es/events/mvd-water".into(),
            categories: vec!["water-sanitation", "housing"],
        };
        calendar("Praxis", &[event], "2026-03-02T00:00:00Z".parse().unwrap())
    }

    #[test]
    fn lines_end_in_crlf_and_fold_at_75_octets() {
        let long = "Agua para todos: cómo Montevideo llevó el saneamiento a cada barrio ".repeat(4);
        let ics = sample(&long);
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        for physical in ics.split("\r\n") {
            assert!(physical.len() <= 75, "{} octets: {physical:?}", physical.len());
            assert!(!physical.contains('\n'));
        }
        // Unfolding gives back the summary whole.
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY;LANGUAGE=es:{}", text(&long))));
    }

    #[test]
    fn text_is_escaped_and_times_are_utc() {
        let ics = sample("Agua");
        let unfolded = ics.replace("\r\n ", "");
        assert!(
            unfolded.contains("DESCRIPTION;LANGUAGE=es:Línea uno\\nLínea dos\\; con\\, signos \\\\ raros")
        );
        assert!(unfolded.contains("LOCATION:Sala 1\\, Intendencia"));
        assert!(unfolded.contains("DTSTART:20260326T130000Z\r\nDTEND:20260326T143000Z"));
        assert!(unfolded.contains("DTSTAMP:20260302T000000Z"));
        assert!(unfolded.contains("UID:mvd-water@praxis.test"));
    }

    proptest::proptest! {
        /// Any text, folded and unfolded, comes back whole; no physical line exceeds 75
        /// octets, none is broken inside a character, and no bare line break survives.
        #[test]
        fn folding_round_trips(value in "\\PC{0,300}") {
            let mut out = String::new();
            line(&mut out, &format!("SUMMARY:{}", text(&value)));
            for physical in out.trim_end_matches("\r\n").split("\r\n") {
                proptest::prop_assert!(physical.len() <= 75);
                proptest::prop_assert!(!physical.contains('\n') && !physical.contains('\r'));
            }
            let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
            proptest::prop_assert_eq!(unfolded, format!("SUMMARY:{}", text(&value)));
        }
    }
}
