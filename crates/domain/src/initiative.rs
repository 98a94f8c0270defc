//! Initiatives: what a government body did, in the language it wrote it in, plus any
//! translations. [`InitiativeRecord`] is the import/export format (CONTRACT.md, format 1)
//! and the one place where its rules are checked.

use crate::country::is_country_code;
use crate::lang::Lang;
use crate::vocab::{Aim, Kind, Level, Theme, Vocabulary};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

pub const ID_MAX: usize = 100;
pub const TITLE_MIN: usize = 3;
pub const TITLE_MAX: usize = 300;
pub const SUMMARY_MAX: usize = 1_000;
/// Bodies are long-form Markdown, but a limit keeps a pasted book out of the store.
pub const BODY_MAX: usize = 100_000;
pub const NAME_MAX: usize = 300;
pub const THEMES_MAX: usize = 5;
pub const PARTNERS_MAX: usize = 50;
pub const LINKS_MAX: usize = 20;
pub const URL_MAX: usize = 2_000;

/// Text in several languages: the original plus any translations.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(transparent)]
#[schema(value_type = HashMap<String, String>, example = json!({"es": "Subsidio de alquiler", "en": "Rent subsidy"}))]
pub struct Multilingual(pub BTreeMap<Lang, String>);

impl Multilingual {
    pub fn one(lang: Lang, text: impl Into<String>) -> Self {
        Multilingual(BTreeMap::from([(lang, text.into())]))
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn get(&self, lang: Lang) -> Option<&str> {
        self.0.get(&lang).map(String::as_str)
    }
    pub fn languages(&self) -> impl Iterator<Item = Lang> + '_ {
        self.0.keys().copied()
    }
    /// The text in `wanted` if present, else in `original`, else any; with its language.
    pub fn pick(&self, wanted: Lang, original: Lang) -> Option<(Lang, &str)> {
        [wanted, original]
            .into_iter()
            .find_map(|l| self.get(l).map(|t| (l, t)))
            .or_else(|| self.0.iter().next().map(|(l, t)| (*l, t.as_str())))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Published,
    Draft,
    /// Written by a member, waiting for an editor's review; not public.
    Submitted,
    /// Taken down by an editor after a report; not public, kept with its history.
    Hidden,
}

impl Status {
    pub fn id(self) -> &'static str {
        match self {
            Status::Published => "published",
            Status::Draft => "draft",
            Status::Submitted => "submitted",
            Status::Hidden => "hidden",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Link {
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// One initiative as imported, exported and served by the API. Field order here is the
/// order of exported JSON, so that export is byte-stable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct InitiativeRecord {
    pub id: String,
    pub language: Lang,
    pub title: Multilingual,
    pub summary: Multilingual,
    #[serde(default, skip_serializing_if = "Multilingual::is_empty")]
    pub body: Multilingual,
    pub city: String,
    pub country: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    pub themes: Vec<Theme>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aims: Vec<Aim>,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    #[serde(default)]
    pub status: Status,
}

/// A problem with one field. `field` is a path such as `title.fr` or `themes[2]`;
/// `code` is a stable snake_case code that interfaces translate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FieldError {
    pub field: String,
    pub code: &'static str,
    pub message: String,
}

impl FieldError {
    pub(crate) fn new(field: impl Into<String>, code: &'static str, message: impl Into<String>) -> Self {
        FieldError { field: field.into(), code, message: message.into() }
    }
}

/// Every error code that validation can produce, for tests that check translations.
pub const ERROR_CODES: &[&str] = &[
    "required",
    "wrong_type",
    "too_short",
    "too_long",
    "too_many",
    "invalid_format",
    "unknown_value",
    "unknown_language",
    "missing_original_language",
    "duplicate",
    "invalid_date",
    "date_order",
    "invalid_url",
    "invalid_country",
    "unsafe_markup",
];

/// The fields of format 1; anything else is ignored with a warning.
pub const KNOWN_FIELDS: &[&str] = &[
    "id",
    "language",
    "title",
    "summary",
    "body",
    "city",
    "country",
    "organisation",
    "level",
    "partners",
    "themes",
    "aims",
    "kind",
    "started",
    "ended",
    "links",
    "status",
];

/// The outcome of reading one JSON object: the record, and the names of fields that
/// format 1 does not know (ignored).
#[derive(Debug)]
pub struct Parsed {
    pub record: InitiativeRecord,
    pub unknown_fields: Vec<String>,
}

impl InitiativeRecord {
    /// Reads and validates one JSON value, reporting every problem rather than the first.
    pub fn from_json(value: &Value) -> Result<Parsed, Vec<FieldError>> {
        let Some(obj) = value.as_object() else {
            return Err(vec![FieldError::new("", "wrong_type", "expected a JSON object")]);
        };
        let mut r = Reader { obj, errors: Vec::new() };
        let id = r.string("id", true).unwrap_or_default();
        let language = r.vocab_like("language", true, |s| s.parse::<Lang>().ok(), "en, fr, es");
        let title = r.multilingual("title", true);
        let summary = r.multilingual("summary", true);
        let body = r.multilingual("body", false);
        let city = r.string("city", true).unwrap_or_default();
        let country = r.string("country", true).unwrap_or_default();
        let organisation = r.string("organisation", false);
        let level = r.vocab::<Level>("level", false);
        let partners = r.strings("partners");
        let themes = r.vocab_list::<Theme>("themes");
        let aims = r.vocab_list::<Aim>("aims");
        let kind = r.vocab::<Kind>("kind", true);
        let started = r.string("started", false);
        let ended = r.string("ended", false);
        let links = r.links();
        let status = r
            .vocab_like(
                "status",
                false,
                |s| match s {
                    "published" => Some(Status::Published),
                    "draft" => Some(Status::Draft),
                    "submitted" => Some(Status::Submitted),
                    "hidden" => Some(Status::Hidden),
                    _ => None,
                },
                "published, draft, submitted, hidden",
            )
            .unwrap_or_default();
        let mut errors = r.errors;
        let unknown_fields = obj.keys().filter(|k| !KNOWN_FIELDS.contains(&k.as_str())).cloned().collect();
        let (Some(language), Some(kind)) = (language, kind) else {
            // Already reported; the remaining checks need both.
            errors.extend(partial_checks(&id, &title, &summary, &body, &city, &country));
            return Err(errors);
        };
        let record = InitiativeRecord {
            id,
            language,
            title,
            summary,
            body,
            city,
            country,
            organisation,
            level,
            partners,
            themes,
            aims,
            kind,
            started,
            ended,
            links,
            status,
        };
        // Fields that were present but unreadable already have an error; validate() adds the
        // rule checks, skipping fields that already failed so each problem appears once.
        for e in record.validate() {
            if !errors.iter().any(|f| same_field(&f.field, &e.field)) {
                errors.push(e);
            }
        }
        if errors.is_empty() {
            Ok(Parsed { record, unknown_fields })
        } else {
            Err(errors)
        }
    }

    /// Checks the rules of format 1 on a typed record (used by forms and the API).
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors =
            partial_checks(&self.id, &self.title, &self.summary, &self.body, &self.city, &self.country);
        for (field, text) in [("title", &self.title), ("summary", &self.summary)] {
            if !text.0.is_empty() && text.get(self.language).is_none() {
                errors.push(FieldError::new(
                    field,
                    "missing_original_language",
                    format!(
                        "must include the original language \"{}\" (the record's `language`)",
                        self.language
                    ),
                ));
            }
        }
        if let Some(org) = &self.organisation {
            check_name(&mut errors, "organisation", org);
        }
        if self.partners.len() > PARTNERS_MAX {
            errors.push(FieldError::new("partners", "too_many", format!("at most {PARTNERS_MAX} partners")));
        }
        for (i, p) in self.partners.iter().enumerate() {
            check_name(&mut errors, &format!("partners[{i}]"), p);
        }
        if self.themes.is_empty() {
            errors.push(FieldError::new("themes", "required", "give 1 to 5 themes"));
        } else if self.themes.len() > THEMES_MAX {
            errors.push(FieldError::new(
                "themes",
                "too_many",
                format!("give 1 to {THEMES_MAX} themes, not {}", self.themes.len()),
            ));
        }
        check_unique(&mut errors, "themes", &self.themes);
        check_unique(&mut errors, "aims", &self.aims);
        let started = check_date(&mut errors, "started", self.started.as_deref());
        let ended = check_date(&mut errors, "ended", self.ended.as_deref());
        if let (Some(s), Some(e)) = (started, ended) {
            if e < s {
                errors.push(FieldError::new(
                    "ended",
                    "date_order",
                    format!(
                        "{} is before `started` ({})",
                        self.ended.as_deref().unwrap_or(""),
                        self.started.as_deref().unwrap_or("")
                    ),
                ));
            }
        }
        if self.links.len() > LINKS_MAX {
            errors.push(FieldError::new("links", "too_many", format!("at most {LINKS_MAX} links")));
        }
        for (i, link) in self.links.iter().enumerate() {
            if let Some(msg) = url_problem(&link.url) {
                errors.push(FieldError::new(format!("links[{i}].url"), "invalid_url", msg));
            }
            if let Some(t) = &link.title {
                check_name(&mut errors, &format!("links[{i}].title"), t);
            }
        }
        errors
    }

    /// The title in the reader's language when translated, else the original.
    pub fn title_in(&self, lang: Lang) -> (Lang, &str) {
        self.title.pick(lang, self.language).unwrap_or((self.language, ""))
    }

    pub fn summary_in(&self, lang: Lang) -> (Lang, &str) {
        self.summary.pick(lang, self.language).unwrap_or((self.language, ""))
    }

    /// The languages this initiative can be read in (title and summary present).
    pub fn available_languages(&self) -> Vec<Lang> {
        self.title.languages().filter(|l| self.summary.get(*l).is_some()).collect()
    }

    /// The year the initiative started, for the catalogue's year filter.
    pub fn year(&self) -> Option<i32> {
        self.started.as_deref().and_then(|s| s.get(..4)).and_then(|y| y.parse().ok())
    }
}

fn same_field(a: &str, b: &str) -> bool {
    let root = |s: &str| s.split(['.', '[']).next().unwrap_or("").to_string();
    root(a) == root(b)
}

/// Checks shared by typed validation and by the JSON reader when the record is incomplete.
fn partial_checks(
    id: &str,
    title: &Multilingual,
    summary: &Multilingual,
    body: &Multilingual,
    city: &str,
    country: &str,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if id.is_empty() {
        errors.push(FieldError::new("id", "required", "is required"));
    } else if id.chars().count() > ID_MAX {
        errors.push(FieldError::new("id", "too_long", format!("must be at most {ID_MAX} characters")));
    } else if let Some(bad) =
        id.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '-')))
    {
        errors.push(FieldError::new(
            "id",
            "invalid_format",
            format!("contains {bad:?}; use only letters A-Z a-z, digits and . _ : -"),
        ));
    }
    check_text(&mut errors, "title", title, TITLE_MIN, TITLE_MAX, true);
    check_text(&mut errors, "summary", summary, 1, SUMMARY_MAX, true);
    check_text(&mut errors, "body", body, 1, BODY_MAX, false);
    for (lang, text) in &body.0 {
        if let Some(what) = unsafe_markup(text) {
            errors.push(FieldError::new(
                format!("body.{lang}"),
                "unsafe_markup",
                format!(
                    "contains {what}; Markdown may hold formatting and links, not scripts or event handlers"
                ),
            ));
        }
    }
    if city.trim().is_empty() {
        errors.push(FieldError::new("city", "required", "is required"));
    } else {
        check_name(&mut errors, "city", city);
    }
    if country.is_empty() {
        errors.push(FieldError::new("country", "required", "is required"));
    } else if !is_country_code(country) {
        let hint = if is_country_code(&country.to_ascii_uppercase()) {
            format!("write it in capitals: {:?}", country.to_ascii_uppercase())
        } else {
            "use an ISO 3166-1 alpha-2 code such as FR, MX or ZA".to_string()
        };
        errors.push(FieldError::new(
            "country",
            "invalid_country",
            format!("{country:?} is not an ISO 3166-1 alpha-2 country code; {hint}"),
        ));
    }
    errors
}

/// What in a Markdown text could run in a reader's browser if it were not removed: a
/// script, frame or object element, a `javascript:` address, or an `on…=` event handler
/// inside a tag. Such text is refused outright rather than stored and cleaned later.
pub fn unsafe_markup(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    for (needle, what) in [
        ("<script", "a <script> element"),
        ("<iframe", "an <iframe> element"),
        ("<object", "an <object> element"),
        ("<embed", "an <embed> element"),
        ("javascript:", "a javascript: address"),
        ("vbscript:", "a vbscript: address"),
    ] {
        if lower.contains(needle) {
            return Some(what);
        }
    }
    let mut rest = lower.as_str();
    while let Some(open) = rest.find('<') {
        let tag = &rest[open..];
        let end = tag.find('>').unwrap_or(tag.len());
        let inside = &tag[..end];
        let handler = inside.match_indices(" on").any(|(i, _)| {
            let after = &inside[i + 3..];
            let name_len = after.chars().take_while(|c| c.is_ascii_alphabetic()).count();
            name_len > 0 && after[name_len..].trim_start().starts_with('=')
        });
        if handler {
            return Some("an event handler (on…=) in a tag");
        }
        rest = &tag[end.min(tag.len())..];
        if rest.len() == tag.len() {
            rest = &rest[1..];
        }
    }
    None
}

/// Refuses scripts and event handlers in a Markdown field, language by language.
pub(crate) fn check_markup(errors: &mut Vec<FieldError>, field: &str, text: &Multilingual) {
    for (lang, text) in &text.0 {
        if let Some(what) = unsafe_markup(text) {
            errors.push(FieldError::new(
                format!("{field}.{lang}"),
                "unsafe_markup",
                format!(
                    "contains {what}; Markdown may hold formatting and links, not scripts or event handlers"
                ),
            ));
        }
    }
}

pub(crate) fn check_text(
    errors: &mut Vec<FieldError>,
    field: &str,
    text: &Multilingual,
    min: usize,
    max: usize,
    required: bool,
) {
    if required && text.is_empty() {
        errors.push(FieldError::new(field, "required", "is required, in the original language at least"));
    }
    for (lang, value) in &text.0 {
        let n = value.trim().chars().count();
        let path = format!("{field}.{lang}");
        if n < min {
            let code = if n == 0 { "required" } else { "too_short" };
            errors.push(FieldError::new(path, code, format!("must be at least {min} characters")));
        } else if value.chars().count() > max {
            errors.push(FieldError::new(
                path,
                "too_long",
                format!("must be at most {max} characters (has {})", value.chars().count()),
            ));
        }
    }
}

pub(crate) fn check_name(errors: &mut Vec<FieldError>, field: &str, value: &str) {
    if value.trim().is_empty() {
        errors.push(FieldError::new(field, "required", "must not be empty"));
    } else if value.chars().count() > NAME_MAX {
        errors.push(FieldError::new(field, "too_long", format!("must be at most {NAME_MAX} characters")));
    } else if value.chars().any(char::is_control) {
        errors.push(FieldError::new(field, "invalid_format", "must be one line without control characters"));
    }
}

fn check_unique<T: Vocabulary>(errors: &mut Vec<FieldError>, field: &str, values: &[T]) {
    for (i, v) in values.iter().enumerate() {
        if values[..i].contains(v) {
            errors.push(FieldError::new(
                format!("{field}[{i}]"),
                "duplicate",
                format!("{:?} is listed twice", v.id()),
            ));
        }
    }
}

pub(crate) fn check_date(
    errors: &mut Vec<FieldError>,
    field: &str,
    value: Option<&str>,
) -> Option<jiff::civil::Date> {
    let value = value?;
    match jiff::civil::Date::strptime("%Y-%m-%d", value) {
        Ok(d) if value.len() == 10 => Some(d),
        _ => {
            errors.push(FieldError::new(
                field,
                "invalid_date",
                format!("{value:?} is not a date written YYYY-MM-DD"),
            ));
            None
        }
    }
}

/// Why a link is unacceptable, if it is.
pub fn url_problem(url: &str) -> Option<String> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    let Some(rest) = rest else {
        return Some(format!("{url:?} must start with http:// or https://"));
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some(format!("{url:?} is not a valid web address"));
    }
    if url.len() > URL_MAX {
        return Some(format!("must be at most {URL_MAX} characters"));
    }
    None
}

/// Reads fields of a JSON object, collecting errors instead of stopping at the first.
struct Reader<'a> {
    obj: &'a Map<String, Value>,
    errors: Vec<FieldError>,
}

impl Reader<'_> {
    fn present(&self, field: &str) -> Option<&Value> {
        self.obj.get(field).filter(|v| !v.is_null())
    }

    fn missing(&mut self, field: &str, required: bool) {
        if required {
            self.errors.push(FieldError::new(field, "required", "is required"));
        }
    }

    fn wrong_type(&mut self, field: &str, expected: &str, got: &Value) {
        self.errors.push(FieldError::new(
            field,
            "wrong_type",
            format!("expected {expected}, found {}", json_kind(got)),
        ));
    }

    fn string(&mut self, field: &str, required: bool) -> Option<String> {
        match self.present(field) {
            None => {
                self.missing(field, required);
                None
            }
            Some(Value::String(s)) => Some(s.trim().to_string()),
            Some(other) => {
                let other = other.clone();
                self.wrong_type(field, "a string", &other);
                None
            }
        }
    }

    fn vocab_like<T>(
        &mut self,
        field: &str,
        required: bool,
        parse: impl Fn(&str) -> Option<T>,
        expected: &str,
    ) -> Option<T> {
        let s = self.string(field, required)?;
        let parsed = parse(&s);
        if parsed.is_none() {
            self.errors.push(FieldError::new(
                field,
                "unknown_value",
                format!("{s:?} is not one of: {expected}"),
            ));
        }
        parsed
    }

    fn vocab<T: Vocabulary>(&mut self, field: &str, required: bool) -> Option<T> {
        self.vocab_like(field, required, T::from_id, &T::expected())
    }

    fn array(&mut self, field: &str) -> Vec<Value> {
        match self.present(field) {
            None => Vec::new(),
            Some(Value::Array(items)) => items.clone(),
            Some(other) => {
                let other = other.clone();
                self.wrong_type(field, "an array", &other);
                Vec::new()
            }
        }
    }

    fn strings(&mut self, field: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (i, item) in self.array(field).iter().enumerate() {
            match item {
                Value::String(s) => out.push(s.trim().to_string()),
                other => self.wrong_type(&format!("{field}[{i}]"), "a string", other),
            }
        }
        out
    }

    fn vocab_list<T: Vocabulary>(&mut self, field: &str) -> Vec<T> {
        let mut out = Vec::new();
        for (i, item) in self.array(field).iter().enumerate() {
            let path = format!("{field}[{i}]");
            match item.as_str() {
                Some(s) => match T::from_id(s) {
                    Some(v) => out.push(v),
                    None => self.errors.push(FieldError::new(
                        path,
                        "unknown_value",
                        format!("{s:?} is not a {}; expected one of: {}", T::NAME, T::expected()),
                    )),
                },
                None => self.wrong_type(&path, "a string", item),
            }
        }
        out
    }

    fn multilingual(&mut self, field: &str, required: bool) -> Multilingual {
        let mut out = BTreeMap::new();
        match self.present(field).cloned() {
            None => self.missing(field, required),
            Some(Value::Object(map)) => {
                for (key, value) in map {
                    let path = format!("{field}.{key}");
                    let Ok(lang) = key.parse::<Lang>() else {
                        self.errors.push(FieldError::new(
                            path,
                            "unknown_language",
                            format!("{key:?} is not a supported language; use {}", Lang::codes_listed()),
                        ));
                        continue;
                    };
                    match value {
                        Value::String(s) => {
                            out.insert(lang, s.trim().to_string());
                        }
                        other => self.wrong_type(&path, "a string", &other),
                    }
                }
            }
            Some(other) => {
                self.wrong_type(field, "an object of language → text, like {\"fr\": \"…\"}", &other);
            }
        }
        Multilingual(out)
    }

    fn links(&mut self) -> Vec<Link> {
        let mut out = Vec::new();
        for (i, item) in self.array("links").iter().enumerate() {
            let path = format!("links[{i}]");
            let Some(obj) = item.as_object() else {
                self.wrong_type(&path, "an object {\"url\", \"title\"}", item);
                continue;
            };
            let url = match obj.get("url") {
                Some(Value::String(u)) => u.trim().to_string(),
                None | Some(Value::Null) => {
                    self.errors.push(FieldError::new(format!("{path}.url"), "required", "is required"));
                    continue;
                }
                Some(other) => {
                    self.wrong_type(&format!("{path}.url"), "a string", other);
                    continue;
                }
            };
            let title = match obj.get("title") {
                None | Some(Value::Null) => None,
                Some(Value::String(t)) => Some(t.trim().to_string()),
                Some(other) => {
                    self.wrong_type(&format!("{path}.title"), "a string", other);
                    None
                }
            };
            out.push(Link { url, title });
        }
        out
    }
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn valid() -> Value {
        json!({
            "id": "mvd-rent-2021",
            "language": "es",
            "title": {"es": "Subsidio de alquiler", "en": "Rent subsidy"},
            "summary": {"es": "Un subsidio para hogares con ingresos bajos."},
            "city": "Montevideo",
            "country": "UY",
            "themes": ["housing", "social-care"],
            "kind": "program",
            "started": "2021-03-01",
            "ended": "2023-12-31",
            "links": [{"url": "https://montevideo.gub.uy"}]
        })
    }

    fn codes(value: Value) -> Vec<(String, &'static str)> {
        InitiativeRecord::from_json(&value)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    #[test]
    fn scripts_and_handlers_in_markdown_are_found() {
        assert!(unsafe_markup("Hola <script>alert(1)</script>").is_some());
        assert!(unsafe_markup("[x](JavaScript:alert(1))").is_some());
        assert!(unsafe_markup("<img src=x onerror=alert(1)>").is_some());
        assert!(unsafe_markup("<img src=x OnError = \"alert(1)\">").is_some());
        assert_eq!(unsafe_markup("**Bold**, [a link](https://example.org), 3 < 4 and online sessions"), None);
        assert_eq!(unsafe_markup("<b>bold</b> and a <a href=\"https://x.org\">link</a>"), None);
        assert_eq!(unsafe_markup("one <tag"), None);
    }

    #[test]
    fn accepts_a_valid_record_and_round_trips() {
        let parsed = InitiativeRecord::from_json(&valid()).expect("valid");
        assert_eq!(parsed.record.status, Status::Published);
        let again = serde_json::to_value(&parsed.record).unwrap();
        let reparsed = InitiativeRecord::from_json(&again).expect("valid again");
        assert_eq!(reparsed.record, parsed.record);
    }

    #[test]
    fn reports_every_problem_with_its_field() {
        let mut v = valid();
        v["id"] = json!("bad id!");
        v["title"] = json!({"en": "Rent subsidy"});
        v["themes"] = json!(["housing", "castles"]);
        v["country"] = json!("uy");
        v["ended"] = json!("2020-01-01");
        v["links"] = json!([{"url": "ftp://example.org"}]);
        let got = codes(v);
        assert!(got.contains(&("id".into(), "invalid_format")), "{got:?}");
        assert!(got.contains(&("title".into(), "missing_original_language")), "{got:?}");
        assert!(got.contains(&("themes[1]".into(), "unknown_value")), "{got:?}");
        assert!(got.contains(&("country".into(), "invalid_country")), "{got:?}");
        assert!(got.contains(&("ended".into(), "date_order")), "{got:?}");
        assert!(got.contains(&("links[0].url".into(), "invalid_url")), "{got:?}");
    }

    #[test]
    fn missing_required_fields_are_named() {
        let got = codes(json!({}));
        for field in ["id", "language", "title", "summary", "city", "country", "kind"] {
            assert!(got.contains(&(field.to_string(), "required")), "{field}: {got:?}");
        }
        let got = codes(json!([]));
        assert_eq!(got, vec![("".to_string(), "wrong_type")]);
    }

    #[test]
    fn limits_are_enforced_not_truncated() {
        let mut v = valid();
        v["title"]["es"] = json!("x".repeat(TITLE_MAX + 1));
        v["themes"] = json!(["housing", "health", "food", "mobility", "education", "water-sanitation"]);
        v["started"] = json!("2021-02-30");
        let got = codes(v);
        assert!(got.contains(&("title.es".into(), "too_long")), "{got:?}");
        assert!(got.contains(&("themes".into(), "too_many")), "{got:?}");
        assert!(got.contains(&("started".into(), "invalid_date")), "{got:?}");
    }

    #[test]
    fn unknown_fields_are_returned_for_a_warning() {
        let mut v = valid();
        v["colour"] = json!("blue");
        let parsed = InitiativeRecord::from_json(&v).unwrap();
        assert_eq!(parsed.unknown_fields, vec!["colour".to_string()]);
    }

    #[test]
    fn wrong_types_are_reported() {
        let mut v = valid();
        v["title"] = json!("Subsidio");
        v["themes"] = json!("housing");
        v["partners"] = json!([1]);
        let got = codes(v);
        assert!(got.contains(&("title".into(), "wrong_type")), "{got:?}");
        assert!(got.contains(&("themes".into(), "wrong_type")), "{got:?}");
        assert!(got.contains(&("partners[0]".into(), "wrong_type")), "{got:?}");
    }

    #[test]
    fn every_error_code_is_listed() {
        // The translation test relies on ERROR_CODES being complete.
        let src = include_str!("initiative.rs");
        for code in ERROR_CODES {
            assert!(src.matches(&format!("\"{code}\"")).count() >= 2, "{code} unused");
        }
    }

    proptest! {
        #[test]
        fn ids_follow_the_charset_rule(id in "[A-Za-z0-9._:-]{1,100}") {
            let mut v = valid();
            v["id"] = json!(id);
            prop_assert!(InitiativeRecord::from_json(&v).is_ok());
        }

        #[test]
        fn ids_with_other_characters_are_refused(id in "[a-z]{1,5}[ /#?é][a-z]{1,5}") {
            let mut v = valid();
            v["id"] = json!(id);
            let errors = InitiativeRecord::from_json(&v).unwrap_err();
            prop_assert!(errors.iter().any(|e| e.field == "id"));
        }

        #[test]
        fn title_length_rule(n in 0usize..400) {
            let mut v = valid();
            v["title"]["es"] = json!("a".repeat(n));
            let ok = InitiativeRecord::from_json(&v).is_ok();
            prop_assert_eq!(ok, (TITLE_MIN..=TITLE_MAX).contains(&n));
        }

        #[test]
        fn any_json_value_never_panics(s in "\\PC{0,60}") {
            let mut v = valid();
            v["summary"] = json!({"es": s.clone()});
            v["city"] = json!(s);
            let _ = InitiativeRecord::from_json(&v);
        }
    }
}
