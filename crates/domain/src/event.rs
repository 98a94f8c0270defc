//! Events: live sessions (webinars, peer exchanges, workshops, conferences) with speakers
//! from member cities, and what is kept afterwards (recording, briefing note, initiatives
//! discussed). [`EventRecord`] is the one shape for the demo file, editor forms and the
//! store, and [`EventRecord::validate`] is the one place its rules are checked.
//!
//! Times are written as the organisers think of them — a local date-time in the event's
//! IANA time zone — and turned into instants with the IANA database compiled into the
//! binary (`jiff`), so a session keeps its local hour across daylight-saving changes and
//! across zones that have changed their rules.

use crate::initiative::{url_problem, FieldError, Multilingual};
use crate::lang::Lang;
use crate::vocab::{Theme, Vocabulary};
use jiff::civil::DateTime;
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::Timestamp;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

pub const ID_MAX: usize = 100;
pub const TITLE_MIN: usize = 3;
pub const TITLE_MAX: usize = 300;
pub const DESCRIPTION_MAX: usize = 5_000;
pub const BRIEFING_MAX: usize = 100_000;
pub const NAME_MAX: usize = 300;
pub const THEMES_MAX: usize = 5;
pub const SPEAKERS_MAX: usize = 30;
pub const INITIATIVES_MAX: usize = 30;
pub const CAPACITY_MAX: u32 = 100_000;
/// A session longer than this is surely a typo (a conference fits in it).
pub const DURATION_MAX_HOURS: i64 = 24 * 14;

/// What kind of session an event is. Ids are stable; labels are `format-{id}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Webinar,
    PeerExchange,
    Workshop,
    Conference,
}

impl Vocabulary for Format {
    const NAME: &'static str = "format";
    const ALL: &'static [Self] =
        &[Format::Webinar, Format::PeerExchange, Format::Workshop, Format::Conference];
    fn id(self) -> &'static str {
        match self {
            Format::Webinar => "webinar",
            Format::PeerExchange => "peer-exchange",
            Format::Workshop => "workshop",
            Format::Conference => "conference",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Format {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Format {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Format::from_id(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("unknown format {s:?}; expected one of: {}", Format::expected()))
        })
    }
}

/// Someone who speaks at an event.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    /// Their job, e.g. "Director of Housing".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Where they come from, e.g. "Montevideo, Uruguay".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// One event. Field order is the order of stored JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRecord {
    /// Stable external id, 1–100 chars of `A-Za-z0-9._:-`.
    pub id: String,
    /// The language the event was described in (its title and description hold it).
    pub language: Lang,
    pub title: Multilingual,
    pub description: Multilingual,
    pub format: Format,
    /// Local date-time `YYYY-MM-DDTHH:MM` in `time_zone`.
    pub start: String,
    pub end: String,
    /// IANA time zone name, e.g. `America/Montevideo`.
    pub time_zone: String,
    /// The languages spoken.
    pub languages: Vec<Lang>,
    /// Languages into which interpretation is offered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interpretation: Vec<Lang>,
    pub themes: Vec<Theme>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<Speaker>,
    /// Where to join online. Private: shown to registrants only, never in public pages,
    /// feeds, calendars or the API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_link: Option<String>,
    /// Where it takes place in person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    /// Seats; none means unlimited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
    /// After the event: where to watch it again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recording: Option<String>,
    /// After the event: what was said, in Markdown, per language.
    #[serde(default, skip_serializing_if = "Multilingual::is_empty")]
    pub briefing: Multilingual,
    /// External ids of the initiatives discussed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub initiatives: Vec<String>,
}

/// Every error code that event validation can produce (beyond the initiative ones).
pub const EVENT_ERROR_CODES: &[&str] = &[
    "unsafe_markup",
    "required",
    "wrong_type",
    "too_short",
    "too_long",
    "too_many",
    "invalid_format",
    "unknown_value",
    "missing_original_language",
    "duplicate",
    "invalid_url",
    "invalid_datetime",
    "unknown_time_zone",
    "nonexistent_time",
    "date_order",
    "too_long_duration",
    "invalid_capacity",
    "online_or_venue",
];

fn err(field: impl Into<String>, code: &'static str, message: impl Into<String>) -> FieldError {
    FieldError { field: field.into(), code, message: message.into() }
}

/// The start and end of an event as instants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: Timestamp,
    pub end: Timestamp,
}

/// Parses `YYYY-MM-DDTHH:MM` (seconds allowed, no offset: the zone says where).
pub fn parse_local(value: &str) -> Option<DateTime> {
    let value = value.trim();
    // A bare date or anything with an offset is not what the field holds.
    if value.len() < 16
        || value.contains(['Z', 'z', '+'])
        || value.get(10..).is_none_or(|rest| rest.contains('-'))
    {
        return None;
    }
    value.replace(' ', "T").parse::<DateTime>().ok()
}

/// Turns a local date-time in a zone into an instant. A time that does not exist there
/// (skipped by a daylight-saving change) is refused; a time that happens twice (clocks
/// turned back) is the first of the two, as calendar programs do.
pub fn to_instant(local: DateTime, zone: &TimeZone) -> Result<Timestamp, &'static str> {
    let ambiguous = zone.to_ambiguous_timestamp(local);
    match ambiguous.offset() {
        AmbiguousOffset::Gap { .. } => Err("nonexistent_time"),
        _ => ambiguous.earlier().map_err(|_| "invalid_datetime"),
    }
}

/// The IANA zone of this name, from the database compiled into the binary.
pub fn zone(name: &str) -> Option<TimeZone> {
    if name.is_empty() || name.contains(char::is_whitespace) {
        return None;
    }
    TimeZone::get(name).ok()
}

/// The IANA zone names people pick from (`Area/City`), sorted; the legacy aliases and
/// `Etc/` offsets are left out of the list but still accepted.
/// Every zone of [`zone_names`] with the largest cities in it (from the gazetteer), so a
/// zone can be found by a city: ("Europe/Paris", "Paris, Marseille, Lyon").
pub fn zone_choices() -> &'static [(String, String)] {
    static CHOICES: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    CHOICES.get_or_init(|| {
        let gazetteer = crate::gazetteer::Gazetteer::embedded();
        let cities = gazetteer.cities_by_zone(3);
        zone_names()
            .into_iter()
            .map(|zone| {
                let names: Vec<&str> =
                    cities.get(zone.as_str()).into_iter().flatten().map(|p| p.name.as_str()).collect();
                let label = names.join(", ");
                (zone, label)
            })
            .collect()
    })
}

/// The zone meant by what was typed in a time-zone field: an IANA name as it is, or a
/// city's name (the most populous city so called), e.g. "Lyon" → "Europe/Paris".
pub fn zone_for(typed: &str) -> Option<String> {
    let typed = typed.trim();
    if zone(typed).is_some() {
        return Some(typed.to_string());
    }
    // A choice as the list shows it: "Europe/Paris (Paris, Marseille, Lyon)".
    if let Some((name, _)) = typed.split_once(" (") {
        if zone(name).is_some() {
            return Some(name.to_string());
        }
    }
    let place = crate::gazetteer::Gazetteer::embedded().find_anywhere(typed)?;
    zone(&place.time_zone).is_some().then(|| place.time_zone.clone())
}

pub fn zone_names() -> Vec<String> {
    let mut names: Vec<String> = jiff::tz::db()
        .available()
        .map(|n| n.to_string())
        .filter(|n| {
            n.contains('/') && !n.starts_with("Etc/") && n.chars().next().is_some_and(char::is_uppercase)
        })
        .filter(|n| !n.starts_with("US/") && !n.starts_with("SystemV/"))
        .collect();
    names.sort();
    names.dedup();
    names
}

impl EventRecord {
    /// Reads and validates a JSON value (the demo file, the editor API).
    pub fn from_json(value: &serde_json::Value) -> Result<EventRecord, Vec<FieldError>> {
        let record: EventRecord = serde_json::from_value(value.clone()).map_err(|e| {
            // serde stops at the first problem; say where it is when it can.
            let message = e.to_string();
            let field = message
                .split('`')
                .nth(1)
                .filter(|_| message.starts_with("missing field"))
                .unwrap_or("")
                .to_string();
            let code = if message.starts_with("missing field") { "required" } else { "wrong_type" };
            vec![err(field, code, message)]
        })?;
        let errors = record.validate();
        if errors.is_empty() {
            Ok(record)
        } else {
            Err(errors)
        }
    }

    /// Checks every rule, reporting every problem with its field.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.id.is_empty() {
            errors.push(err("id", "required", "is required"));
        } else if self.id.chars().count() > ID_MAX {
            errors.push(err("id", "too_long", format!("must be at most {ID_MAX} characters")));
        } else if let Some(bad) =
            self.id.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '-')))
        {
            errors.push(err(
                "id",
                "invalid_format",
                format!("contains {bad:?}; use only letters A-Z a-z, digits and . _ : -"),
            ));
        }
        check_text(&mut errors, "title", &self.title, TITLE_MIN, TITLE_MAX, true);
        check_text(&mut errors, "description", &self.description, 1, DESCRIPTION_MAX, true);
        check_text(&mut errors, "briefing", &self.briefing, 1, BRIEFING_MAX, false);
        crate::initiative::check_markup(&mut errors, "description", &self.description);
        crate::initiative::check_markup(&mut errors, "briefing", &self.briefing);
        for (field, text) in [("title", &self.title), ("description", &self.description)] {
            if !text.is_empty() && text.get(self.language).is_none() {
                errors.push(err(
                    field,
                    "missing_original_language",
                    format!("must include the event's language \"{}\"", self.language),
                ));
            }
        }
        let zone = if self.time_zone.trim().is_empty() {
            errors.push(err("time_zone", "required", "is required, e.g. America/Montevideo"));
            None
        } else {
            let found = zone(&self.time_zone);
            if found.is_none() {
                errors.push(err(
                    "time_zone",
                    "unknown_time_zone",
                    format!("{:?} is not an IANA time zone such as Europe/Paris", self.time_zone),
                ));
            }
            found
        };
        let start = self.instant(&mut errors, "start", &self.start, zone.as_ref());
        let end = self.instant(&mut errors, "end", &self.end, zone.as_ref());
        if let (Some(start), Some(end)) = (start, end) {
            if end <= start {
                errors.push(err("end", "date_order", "must be after the start"));
            } else if end.duration_since(start).as_hours() > DURATION_MAX_HOURS {
                errors.push(err("end", "too_long_duration", "an event lasts at most two weeks"));
            }
        }
        if self.languages.is_empty() {
            errors.push(err("languages", "required", "give the languages spoken"));
        }
        check_unique(&mut errors, "languages", &self.languages, |l| l.code());
        check_unique(&mut errors, "interpretation", &self.interpretation, |l| l.code());
        if self.themes.is_empty() {
            errors.push(err("themes", "required", "give 1 to 5 themes"));
        } else if self.themes.len() > THEMES_MAX {
            errors.push(err("themes", "too_many", format!("give 1 to {THEMES_MAX} themes")));
        }
        check_unique(&mut errors, "themes", &self.themes, |t| t.id());
        if self.speakers.len() > SPEAKERS_MAX {
            errors.push(err("speakers", "too_many", format!("at most {SPEAKERS_MAX} speakers")));
        }
        for (i, s) in self.speakers.iter().enumerate() {
            check_name(&mut errors, &format!("speakers[{i}].name"), &s.name, true);
            for (field, value) in [("role", &s.role), ("organisation", &s.organisation), ("place", &s.place)]
            {
                if let Some(v) = value {
                    check_name(&mut errors, &format!("speakers[{i}].{field}"), v, false);
                }
            }
        }
        for (field, value) in [("online_link", &self.online_link), ("recording", &self.recording)] {
            if let Some(msg) = value.as_deref().and_then(url_problem) {
                errors.push(err(field, "invalid_url", msg));
            }
        }
        if let Some(venue) = &self.venue {
            check_name(&mut errors, "venue", venue, true);
        }
        if self.online_link.is_none() && self.venue.is_none() {
            errors.push(err("venue", "online_or_venue", "give an online link, a venue, or both"));
        }
        if let Some(capacity) = self.capacity {
            if capacity == 0 || capacity > CAPACITY_MAX {
                errors.push(err(
                    "capacity",
                    "invalid_capacity",
                    format!("give a number of seats from 1 to {CAPACITY_MAX}, or none for no limit"),
                ));
            }
        }
        if self.initiatives.len() > INITIATIVES_MAX {
            errors.push(err("initiatives", "too_many", format!("at most {INITIATIVES_MAX} initiatives")));
        }
        for (i, id) in self.initiatives.iter().enumerate() {
            if id.is_empty() || id.len() > ID_MAX || id.contains(char::is_whitespace) {
                errors.push(err(format!("initiatives[{i}]"), "invalid_format", "is not an initiative id"));
            }
        }
        check_unique(&mut errors, "initiatives", &self.initiatives, |s| s.as_str());
        errors
    }

    fn instant(
        &self,
        errors: &mut Vec<FieldError>,
        field: &str,
        value: &str,
        zone: Option<&TimeZone>,
    ) -> Option<Timestamp> {
        if value.trim().is_empty() {
            errors.push(err(field, "required", "is required"));
            return None;
        }
        let Some(local) = parse_local(value) else {
            errors.push(err(
                field,
                "invalid_datetime",
                format!("{value:?} is not a date and time YYYY-MM-DDTHH:MM"),
            ));
            return None;
        };
        match to_instant(local, zone?) {
            Ok(ts) => Some(ts),
            Err(code) => {
                errors.push(err(
                    field,
                    code,
                    format!("{value} does not exist in {}: the clocks skip it", self.time_zone),
                ));
                None
            }
        }
    }

    /// When the event starts and ends, as instants; `None` for an invalid record.
    pub fn span(&self) -> Option<Span> {
        let zone = zone(&self.time_zone)?;
        let start = to_instant(parse_local(&self.start)?, &zone).ok()?;
        let end = to_instant(parse_local(&self.end)?, &zone).ok()?;
        Some(Span { start, end })
    }

    pub fn title_in(&self, lang: Lang) -> (Lang, &str) {
        self.title.pick(lang, self.language).unwrap_or((self.language, ""))
    }

    pub fn description_in(&self, lang: Lang) -> (Lang, &str) {
        self.description.pick(lang, self.language).unwrap_or((self.language, ""))
    }

    /// Whether a person who reads `lang` can follow: spoken, or interpreted into it.
    pub fn accessible_in(&self, lang: Lang) -> bool {
        self.languages.contains(&lang) || self.interpretation.contains(&lang)
    }
}

/// How an instant reads in one zone: local date-time, offset and abbreviation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalTime {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`, 24-hour clock.
    pub time: String,
    /// `+02:00`, `-03:00`, `+00:00`.
    pub offset: String,
    /// What the zone calls it (`CEST`, `-03`, `UTC`).
    pub abbreviation: String,
    /// RFC 3339 with the offset, for `<time datetime>` and the API.
    pub rfc3339: String,
}

/// `instant` as read on a clock in `zone`.
pub fn local_time(instant: Timestamp, zone: &TimeZone) -> LocalTime {
    let zoned = instant.to_zoned_datetime(zone.clone());
    let info = zone.to_offset_info(instant);
    LocalTime {
        date: zoned.strftime("%Y-%m-%d").to_string(),
        time: zoned.strftime("%H:%M").to_string(),
        offset: zoned.strftime("%:z").to_string(),
        abbreviation: info.abbreviation().to_string(),
        rfc3339: zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
    }
}

/// An instant as stored: RFC 3339 in UTC with fixed width, so text order is time order
/// (the same shape as every other timestamp in the store).
pub fn stored_utc(instant: Timestamp) -> String {
    instant.strftime("%Y-%m-%dT%H:%M:%S.%6fZ").to_string()
}

fn check_text(
    errors: &mut Vec<FieldError>,
    field: &str,
    text: &Multilingual,
    min: usize,
    max: usize,
    required: bool,
) {
    if required && text.is_empty() {
        errors.push(err(field, "required", "is required, in the event's language at least"));
    }
    for (lang, value) in &text.0 {
        let n = value.trim().chars().count();
        let path = format!("{field}.{lang}");
        if n < min {
            let code = if n == 0 { "required" } else { "too_short" };
            errors.push(err(path, code, format!("must be at least {min} characters")));
        } else if value.chars().count() > max {
            errors.push(err(path, "too_long", format!("must be at most {max} characters")));
        }
    }
}

fn check_name(errors: &mut Vec<FieldError>, field: &str, value: &str, required: bool) {
    if value.trim().is_empty() {
        if required {
            errors.push(err(field, "required", "must not be empty"));
        }
    } else if value.chars().count() > NAME_MAX {
        errors.push(err(field, "too_long", format!("must be at most {NAME_MAX} characters")));
    } else if value.chars().any(char::is_control) {
        errors.push(err(field, "invalid_format", "must be one line without control characters"));
    }
}

fn check_unique<T: PartialEq>(
    errors: &mut Vec<FieldError>,
    field: &str,
    values: &[T],
    id: impl Fn(&T) -> &str,
) {
    for (i, v) in values.iter().enumerate() {
        if values[..i].contains(v) {
            errors.push(err(format!("{field}[{i}]"), "duplicate", format!("{:?} is listed twice", id(v))));
        }
    }
}

/// A registration as a person fills it in (anyone, or a member whose account fills it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegistrationForm {
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub consent: bool,
}

pub const REGISTRATION_ERROR_CODES: &[&str] = &["required", "too_long", "invalid_email", "consent_required"];

impl RegistrationForm {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        check_name(&mut errors, "name", &self.name, true);
        let email = self.email.trim();
        if email.is_empty() {
            errors.push(err("email", "required", "is required"));
        } else if !is_email(email) {
            errors.push(err("email", "invalid_email", format!("{email:?} is not an e-mail address")));
        }
        check_name(&mut errors, "organisation", &self.organisation, false);
        if !self.consent {
            errors.push(err("consent", "consent_required", "tick the box to agree"));
        }
        errors
    }
}

/// A plausible address: one `@`, a dot in the domain, no spaces. The confirmation
/// e-mail is the real check.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && s.len() <= 254
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';' | '"'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_zone_is_found_by_its_name_or_a_city_in_it() {
        assert_eq!(zone_for("America/Montevideo").as_deref(), Some("America/Montevideo"));
        assert_eq!(zone_for(" Lyon ").as_deref(), Some("Europe/Paris"));
        assert_eq!(zone_for("montevideo").as_deref(), Some("America/Montevideo"));
        assert_eq!(zone_for("Europe/Paris (Paris, Marseille, Lyon)").as_deref(), Some("Europe/Paris"));
        assert_eq!(zone_for("Europe/Lyon"), None);
        assert_eq!(zone_for("Nowhere at all"), None);
        let paris = zone_choices().iter().find(|(z, _)| z == "Europe/Paris").unwrap();
        assert!(paris.1.starts_with("Paris, "), "{}", paris.1);
    }
    use serde_json::json;

    fn sample() -> serde_json::Value {
        json!({
            "id": "mvd-water-2026",
            "language": "es",
            "title": {"es": "Agua para todos", "en": "Water for everyone"},
            "description": {"es": "Montevideo cuenta su plan de agua."},
            "format": "webinar",
            "start": "2026-03-26T10:00",
            "end": "2026-03-26T11:30",
            "time_zone": "America/Montevideo",
            "languages": ["es"],
            "interpretation": ["en"],
            "themes": ["water-sanitation"],
            "speakers": [{"name": "Lucía Pérez", "role": "Directora", "place": "Montevideo"}],
            "online_link": "https://meet.example.org/abc",
            "capacity": 2
        })
    }

    fn utc(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn read(zone_name: &str, ts: Timestamp) -> String {
        let l = local_time(ts, &zone(zone_name).unwrap());
        format!("{} {} {}", l.date, l.time, l.offset)
    }

    #[test]
    fn local_times_with_odd_characters_are_refused_not_panicked_on() {
        assert_eq!(parse_local("2026-03-0éT10:00"), None);
        assert_eq!(parse_local("ééééééééééééééééé"), None);
    }

    #[test]
    fn a_valid_event_reads() {
        let e = EventRecord::from_json(&sample()).unwrap();
        assert_eq!(e.format, Format::Webinar);
        assert_eq!(e.span().unwrap().start, utc("2026-03-26T13:00:00Z"));
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let mut v = sample();
        v["title"] = json!({"en": "x"});
        v["start"] = json!("2026-03-26");
        v["end"] = json!("2026-03-26T09:00");
        v["time_zone"] = json!("Mars/Olympus");
        v["themes"] = json!([]);
        v["languages"] = json!([]);
        v["capacity"] = json!(0);
        v["online_link"] = json!("ftp://x");
        let errors = EventRecord::from_json(&v).unwrap_err();
        let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        for expected in [
            ("title.en", "too_short"),
            ("title", "missing_original_language"),
            ("start", "invalid_datetime"),
            ("time_zone", "unknown_time_zone"),
            ("themes", "required"),
            ("languages", "required"),
            ("capacity", "invalid_capacity"),
            ("online_link", "invalid_url"),
        ] {
            assert!(found.contains(&expected), "{expected:?} missing from {found:?}");
        }
        for e in &errors {
            assert!(EVENT_ERROR_CODES.contains(&e.code), "{} is not listed", e.code);
        }
    }

    #[test]
    fn end_before_start_and_missing_place_are_refused() {
        let mut v = sample();
        v["end"] = json!("2026-03-26T09:00");
        v.as_object_mut().unwrap().remove("online_link");
        let errors = EventRecord::from_json(&v).unwrap_err();
        let codes: Vec<&str> = errors.iter().map(|e| e.code).collect();
        assert!(codes.contains(&"date_order"), "{codes:?}");
        assert!(codes.contains(&"online_or_venue"), "{codes:?}");
    }

    /// Montevideo keeps UTC−3 all year (Uruguay stopped daylight saving in 2015); Berlin
    /// moves its clocks on 29 March 2026; Shanghai never does. The same 10:00 session in
    /// Montevideo is 14:00 in Berlin before the switch and 15:00 after it.
    #[test]
    fn montevideo_seen_from_berlin_and_shanghai_across_the_switch() {
        let mvd = zone("America/Montevideo").unwrap();
        let before = to_instant(parse_local("2026-03-26T10:00").unwrap(), &mvd).unwrap();
        let after = to_instant(parse_local("2026-04-02T10:00").unwrap(), &mvd).unwrap();
        assert_eq!(before, utc("2026-03-26T13:00:00Z"));
        assert_eq!(after, utc("2026-04-02T13:00:00Z"));
        assert_eq!(read("Europe/Berlin", before), "2026-03-26 14:00 +01:00");
        assert_eq!(read("Europe/Berlin", after), "2026-04-02 15:00 +02:00");
        assert_eq!(read("Asia/Shanghai", before), "2026-03-26 21:00 +08:00");
        assert_eq!(read("Asia/Shanghai", after), "2026-04-02 21:00 +08:00");
        // And back in October: Berlin returns to +01:00 on the 25th.
        let oct = to_instant(parse_local("2026-10-26T18:00").unwrap(), &mvd).unwrap();
        assert_eq!(read("Europe/Berlin", oct), "2026-10-26 22:00 +01:00");
        assert_eq!(read("Asia/Shanghai", oct), "2026-10-27 05:00 +08:00");
        assert_eq!(local_time(oct, &TimeZone::UTC).rfc3339, "2026-10-26T21:00:00+00:00");
    }

    /// Zones that changed their rules: Montevideo had summer time until March 2015;
    /// Istanbul left EET for permanent +03 in 2016; Samoa skipped 30 December 2011.
    #[test]
    fn zones_that_changed_their_rules() {
        let mvd = zone("America/Montevideo").unwrap();
        let summer_2014 = to_instant(parse_local("2014-12-10T10:00").unwrap(), &mvd).unwrap();
        assert_eq!(summer_2014, utc("2014-12-10T12:00:00Z"));
        let summer_2025 = to_instant(parse_local("2025-12-10T10:00").unwrap(), &mvd).unwrap();
        assert_eq!(summer_2025, utc("2025-12-10T13:00:00Z"));
        let ist = zone("Europe/Istanbul").unwrap();
        assert_eq!(read("Europe/Istanbul", utc("2015-01-15T12:00:00Z")), "2015-01-15 14:00 +02:00");
        assert_eq!(read("Europe/Istanbul", utc("2017-01-15T12:00:00Z")), "2017-01-15 15:00 +03:00");
        assert!(to_instant(parse_local("2017-01-15T15:00").unwrap(), &ist).is_ok());
        let apia = zone("Pacific/Apia").unwrap();
        assert_eq!(to_instant(parse_local("2011-12-30T12:00").unwrap(), &apia), Err("nonexistent_time"));
    }

    #[test]
    fn skipped_times_are_refused_and_repeated_times_take_the_first() {
        let berlin = zone("Europe/Berlin").unwrap();
        assert_eq!(to_instant(parse_local("2026-03-29T02:30").unwrap(), &berlin), Err("nonexistent_time"));
        let twice = to_instant(parse_local("2026-10-25T02:30").unwrap(), &berlin).unwrap();
        assert_eq!(twice, utc("2026-10-25T00:30:00Z"));
        let mut v = sample();
        v["time_zone"] = json!("Europe/Berlin");
        v["start"] = json!("2026-03-29T02:30");
        v["end"] = json!("2026-03-29T04:00");
        let errors = EventRecord::from_json(&v).unwrap_err();
        assert_eq!(errors[0].field, "start");
        assert_eq!(errors[0].code, "nonexistent_time");
    }

    #[test]
    fn zone_names_come_from_the_compiled_database() {
        let names = zone_names();
        assert!(names.len() > 300, "{}", names.len());
        for n in ["America/Montevideo", "Europe/Berlin", "Asia/Shanghai", "Africa/Abidjan"] {
            assert!(names.iter().any(|z| z == n), "{n}");
        }
        assert!(names.iter().all(|n| zone(n).is_some()));
    }

    #[test]
    fn stored_times_sort_as_text() {
        assert_eq!(stored_utc(utc("2026-03-26T13:00:00Z")), "2026-03-26T13:00:00.000000Z");
    }

    #[test]
    fn registration_form_rules() {
        let ok = RegistrationForm {
            name: "Ana".into(),
            email: "ana@example.org".into(),
            organisation: String::new(),
            consent: true,
        };
        assert!(ok.validate().is_empty());
        let bad = RegistrationForm {
            name: " ".into(),
            email: "ana@".into(),
            organisation: String::new(),
            consent: false,
        };
        let errors = bad.validate();
        let codes: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            codes,
            vec![("name", "required"), ("email", "invalid_email"), ("consent", "consent_required")]
        );
    }
}
