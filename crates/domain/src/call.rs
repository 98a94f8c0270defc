//! Calls to action: a text in several languages with working points (short commitments
//! with stable ids) that governments and institutions sign, and the requests to sign.
//!
//! A call's signed content (title, text, working points) is versioned by the store; each
//! signatory records the version it signed. Validation reports every problem with its
//! field path and a snake_case code, like [`crate::InitiativeRecord::from_json`].

use crate::country::is_country_code;
use crate::initiative::{check_date, check_markup, check_name, check_text, FieldError, Multilingual};
use crate::lang::Lang;
use crate::text::fold;
use serde::{Deserialize, Serialize};

pub const CALL_ID_MAX: usize = 100;
pub const CALL_TITLE_MAX: usize = 300;
pub const CALL_TEXT_MAX: usize = 50_000;
pub const WORKING_POINTS_MAX: usize = 30;
pub const WORKING_POINT_ID_MAX: usize = 40;
pub const WORKING_POINT_TEXT_MAX: usize = 600;
pub const EMAIL_MAX: usize = 254;
pub const REASON_MAX: usize = 1_000;

/// Error codes that only calls produce (the others are shared with initiatives).
pub const ERROR_CODES: &[&str] = &["invalid_email", "consent_required", "missing_translation"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum CallStatus {
    /// Being written: visible to editors only.
    #[default]
    Draft,
    /// Published and accepting signatures between its opening and closing dates.
    Open,
    /// Published, no longer accepting signatures; the register stays public.
    Closed,
}

impl CallStatus {
    pub const ALL: [CallStatus; 3] = [CallStatus::Draft, CallStatus::Open, CallStatus::Closed];

    pub fn id(self) -> &'static str {
        match self {
            CallStatus::Draft => "draft",
            CallStatus::Open => "open",
            CallStatus::Closed => "closed",
        }
    }

    pub fn from_id(id: &str) -> Option<CallStatus> {
        CallStatus::ALL.into_iter().find(|s| s.id() == id)
    }

    pub fn is_public(self) -> bool {
        self != CallStatus::Draft
    }
}

/// One short commitment of a call. Its `id` never changes once signatories use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct WorkingPoint {
    pub id: String,
    pub text: Multilingual,
}

/// A call to action as stored, edited and served.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CallRecord {
    /// Stable id used in URLs: lower-case letters, digits and hyphens.
    pub id: String,
    pub title: Multilingual,
    /// Markdown, one per language of the title.
    pub text: Multilingual,
    pub working_points: Vec<WorkingPoint>,
    /// `YYYY-MM-DD`.
    pub opens: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes: Option<String>,
    #[serde(default)]
    pub status: CallStatus,
}

fn slug_problem(value: &str, max: usize) -> Option<(&'static str, String)> {
    if value.is_empty() {
        Some(("required", "is required".into()))
    } else if value.chars().count() > max {
        Some(("too_long", format!("must be at most {max} characters")))
    } else if !value.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        Some(("invalid_format", "use only lower-case letters a-z, digits and hyphens".into()))
    } else {
        None
    }
}

impl CallRecord {
    /// Checks every rule, reporting all problems.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if let Some((code, message)) = slug_problem(&self.id, CALL_ID_MAX) {
            errors.push(FieldError::new("id", code, message));
        }
        check_text(&mut errors, "title", &self.title, 3, CALL_TITLE_MAX, true);
        check_text(&mut errors, "text", &self.text, 1, CALL_TEXT_MAX, true);
        check_markup(&mut errors, "text", &self.text);
        for lang in self.languages() {
            if self.text.get(lang).is_none() {
                errors.push(FieldError::new(
                    format!("text.{lang}"),
                    "missing_translation",
                    format!("the title is given in {lang}, so the text must be too"),
                ));
            }
        }
        for lang in self.text.languages() {
            if self.title.get(lang).is_none() {
                errors.push(FieldError::new(
                    format!("title.{lang}"),
                    "missing_translation",
                    format!("the text is given in {lang}, so the title must be too"),
                ));
            }
        }
        if self.working_points.is_empty() {
            errors.push(FieldError::new("working_points", "required", "give at least one working point"));
        } else if self.working_points.len() > WORKING_POINTS_MAX {
            errors.push(FieldError::new(
                "working_points",
                "too_many",
                format!("at most {WORKING_POINTS_MAX} working points"),
            ));
        }
        for (i, point) in self.working_points.iter().enumerate() {
            let path = format!("working_points[{i}]");
            if let Some((code, message)) = slug_problem(&point.id, WORKING_POINT_ID_MAX) {
                errors.push(FieldError::new(format!("{path}.id"), code, message));
            } else if self.working_points[..i].iter().any(|p| p.id == point.id) {
                errors.push(FieldError::new(
                    format!("{path}.id"),
                    "duplicate",
                    format!("{:?} is used twice", point.id),
                ));
            }
            check_text(&mut errors, &format!("{path}.text"), &point.text, 3, WORKING_POINT_TEXT_MAX, true);
            for lang in self.languages() {
                if point.text.get(lang).is_none() {
                    errors.push(FieldError::new(
                        format!("{path}.text.{lang}"),
                        "missing_translation",
                        format!("the call is written in {lang}, so each working point must be too"),
                    ));
                }
            }
        }
        if self.opens.is_empty() {
            errors.push(FieldError::new("opens", "required", "is required"));
        }
        let opens = check_date(&mut errors, "opens", Some(self.opens.as_str()).filter(|s| !s.is_empty()));
        let closes = check_date(&mut errors, "closes", self.closes.as_deref());
        if let (Some(o), Some(c)) = (opens, closes) {
            if c < o {
                errors.push(FieldError::new("closes", "date_order", "is before the opening date"));
            }
        }
        errors
    }

    /// The languages the call is written in (those of its title).
    pub fn languages(&self) -> Vec<Lang> {
        self.title.languages().collect()
    }

    /// The language to show the call in for a reader of `lang`.
    pub fn reading_language(&self, lang: Lang) -> Lang {
        if self.title.get(lang).is_some() {
            lang
        } else {
            self.languages().first().copied().unwrap_or(lang)
        }
    }

    pub fn title_in(&self, lang: Lang) -> &str {
        self.title.get(self.reading_language(lang)).unwrap_or("")
    }

    pub fn text_in(&self, lang: Lang) -> &str {
        self.text.get(self.reading_language(lang)).unwrap_or("")
    }

    pub fn working_point(&self, id: &str) -> Option<&WorkingPoint> {
        self.working_points.iter().find(|p| p.id == id)
    }

    /// Whether the call takes signatures on `today` (`YYYY-MM-DD`).
    pub fn accepts_signatures(&self, today: &str) -> bool {
        self.status == CallStatus::Open
            && self.opens.as_str() <= today
            && self.closes.as_deref().is_none_or(|c| today <= c)
    }

    /// Whether `other` differs in what a signatory signs (title, text, working points);
    /// a change of status or dates is not a new version.
    pub fn signed_content_differs(&self, other: &CallRecord) -> bool {
        self.title != other.title || self.text != other.text || self.working_points != other.working_points
    }
}

impl WorkingPoint {
    pub fn text_in(&self, lang: Lang) -> &str {
        self.text.pick(lang, Lang::default()).map(|(_, t)| t).unwrap_or("")
    }
}

/// What kind of body signs a call.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum SignatoryType {
    LocalGovernment,
    MetropolitanGovernment,
    RegionalGovernment,
    PublicInstitution,
    Organisation,
    Network,
}

impl SignatoryType {
    pub const ALL: [SignatoryType; 6] = [
        SignatoryType::LocalGovernment,
        SignatoryType::MetropolitanGovernment,
        SignatoryType::RegionalGovernment,
        SignatoryType::PublicInstitution,
        SignatoryType::Organisation,
        SignatoryType::Network,
    ];

    pub fn id(self) -> &'static str {
        match self {
            SignatoryType::LocalGovernment => "local-government",
            SignatoryType::MetropolitanGovernment => "metropolitan-government",
            SignatoryType::RegionalGovernment => "regional-government",
            SignatoryType::PublicInstitution => "public-institution",
            SignatoryType::Organisation => "organisation",
            SignatoryType::Network => "network",
        }
    }

    pub fn from_id(id: &str) -> Option<SignatoryType> {
        SignatoryType::ALL.into_iter().find(|t| t.id() == id)
    }

    /// The translation key of its label.
    pub fn label_key(self) -> String {
        format!("signatory-type-{}", self.id())
    }
}

/// A request to sign, as typed into the join form (everything as text, so that a form
/// with errors can be shown again exactly as it was typed).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignatureInput {
    pub institution: String,
    pub kind: String,
    pub city: String,
    pub country: String,
    pub representative_name: String,
    pub representative_role: String,
    pub email: String,
    pub working_points: Vec<String>,
    pub consent: bool,
}

/// A valid request to sign a call. The e-mail and the representative are personal data:
/// they are kept for editors and never shown publicly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignatureRequest {
    pub institution: String,
    pub kind: SignatoryType,
    pub city: String,
    pub country: String,
    pub representative_name: String,
    pub representative_role: String,
    pub email: String,
    pub working_points: Vec<String>,
    /// The language the requester used, for the e-mails they receive.
    pub language: Lang,
}

impl SignatureRequest {
    /// Validates a typed request against the call it signs.
    pub fn parse(input: &SignatureInput, call: &CallRecord, language: Lang) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let institution = input.institution.trim().to_string();
        if institution.is_empty() {
            errors.push(FieldError::new("institution", "required", "is required"));
        } else {
            check_name(&mut errors, "institution", &institution);
        }
        let kind = SignatoryType::from_id(input.kind.trim());
        if input.kind.trim().is_empty() {
            errors.push(FieldError::new("kind", "required", "choose a type"));
        } else if kind.is_none() {
            errors.push(FieldError::new("kind", "unknown_value", "choose one of the listed types"));
        }
        let city = input.city.trim().to_string();
        if city.is_empty() {
            errors.push(FieldError::new("city", "required", "is required"));
        } else {
            check_name(&mut errors, "city", &city);
        }
        let country = input.country.trim().to_string();
        if country.is_empty() {
            errors.push(FieldError::new("country", "required", "is required"));
        } else if !is_country_code(&country) {
            errors.push(FieldError::new("country", "invalid_country", "choose a country"));
        }
        let representative_name = input.representative_name.trim().to_string();
        let representative_role = input.representative_role.trim().to_string();
        for (field, value) in
            [("representative_name", &representative_name), ("representative_role", &representative_role)]
        {
            if value.is_empty() {
                errors.push(FieldError::new(field, "required", "is required"));
            } else {
                check_name(&mut errors, field, value);
            }
        }
        let email = input.email.trim().to_string();
        if email.is_empty() {
            errors.push(FieldError::new("email", "required", "is required"));
        } else if !is_email(&email) {
            errors.push(FieldError::new("email", "invalid_email", "is not an e-mail address"));
        }
        let mut working_points: Vec<String> = Vec::new();
        for id in &input.working_points {
            if call.working_point(id).is_none() {
                errors.push(FieldError::new(
                    "working_points",
                    "unknown_value",
                    format!("{id:?} is not in this call"),
                ));
            } else if !working_points.contains(id) {
                working_points.push(id.clone());
            }
        }
        if input.working_points.is_empty() {
            errors.push(FieldError::new(
                "working_points",
                "required",
                "commit to at least one working point",
            ));
        }
        // Keep the call's order, so that the same commitments always read the same.
        working_points.sort_by_key(|id| call.working_points.iter().position(|p| &p.id == id));
        if !input.consent {
            errors.push(FieldError::new("consent", "consent_required", "publication must be agreed to"));
        }
        match (errors.is_empty(), kind) {
            (true, Some(kind)) => Ok(SignatureRequest {
                institution,
                kind,
                city,
                country,
                representative_name,
                representative_role,
                email,
                working_points,
                language,
            }),
            _ => Err(errors),
        }
    }

    pub fn institution_key(&self) -> String {
        institution_key(&self.institution, &self.city, &self.country)
    }
}

/// How two requests are recognised as the same institution: the name folded (case,
/// accents and punctuation ignored), and the place folded, and the country.
pub fn institution_key(name: &str, city: &str, country: &str) -> String {
    format!("{}|{}|{}", fold(name), fold(city), country.trim().to_ascii_uppercase())
}

/// A plausible e-mail address: something@domain.tld, one line, no spaces. Whether it
/// really reaches someone is what the confirmation link finds out.
pub fn is_email(value: &str) -> bool {
    if value.len() > EMAIL_MAX || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((local, domain)) = value.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && !local.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// A file of calls and their signatories (the bundled demo data, `data/demo/calls.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallsFile {
    pub calls: Vec<CallRecord>,
    #[serde(default)]
    pub signatories: Vec<SignatoryEntry>,
}

/// A signatory as written in a [`CallsFile`]: public data only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignatoryEntry {
    pub call: String,
    pub institution: String,
    #[serde(rename = "type")]
    pub kind: SignatoryType,
    pub city: String,
    pub country: String,
    /// `YYYY-MM-DD`.
    pub joined: String,
    pub working_points: Vec<String>,
    #[serde(default)]
    pub initiatives: Vec<String>,
}

impl SignatoryEntry {
    /// The entry as a request, with placeholder contact details (a file holds no
    /// personal data).
    pub fn as_request(&self) -> SignatureRequest {
        SignatureRequest {
            institution: self.institution.clone(),
            kind: self.kind,
            city: self.city.clone(),
            country: self.country.clone(),
            representative_name: String::new(),
            representative_role: String::new(),
            email: String::new(),
            working_points: self.working_points.clone(),
            language: Lang::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn ml(pairs: &[(Lang, &str)]) -> Multilingual {
        Multilingual(pairs.iter().map(|(l, t)| (*l, t.to_string())).collect::<BTreeMap<_, _>>())
    }

    fn call() -> CallRecord {
        CallRecord {
            id: "green-cities".into(),
            title: ml(&[(Lang::known("en"), "Green cities"), (Lang::known("fr"), "Villes vertes")]),
            text: ml(&[(Lang::known("en"), "We commit."), (Lang::known("fr"), "Nous nous engageons.")]),
            working_points: vec![
                WorkingPoint {
                    id: "trees".into(),
                    text: ml(&[(Lang::known("en"), "Plant trees"), (Lang::known("fr"), "Planter")]),
                },
                WorkingPoint {
                    id: "buses".into(),
                    text: ml(&[(Lang::known("en"), "Clean buses"), (Lang::known("fr"), "Bus")]),
                },
            ],
            opens: "2026-01-01".into(),
            closes: None,
            status: CallStatus::Open,
        }
    }

    fn fields(errors: &[FieldError]) -> Vec<(String, &'static str)> {
        errors.iter().map(|e| (e.field.clone(), e.code)).collect()
    }

    #[test]
    fn a_good_call_is_valid() {
        assert_eq!(call().validate(), vec![]);
        assert!(call().accepts_signatures("2026-03-01"));
        assert!(!call().accepts_signatures("2025-12-31"));
    }

    #[test]
    fn reports_every_problem_of_a_call() {
        let mut c = call();
        c.id = "Green Cities".into();
        c.text = ml(&[(Lang::known("en"), "We commit.")]);
        c.working_points[1].id = "trees".into();
        c.working_points[0].text = ml(&[(Lang::known("en"), "Plant trees")]);
        c.closes = Some("2025-01-01".into());
        let got = fields(&c.validate());
        for expected in [
            ("id".to_string(), "invalid_format"),
            ("text.fr".to_string(), "missing_translation"),
            ("working_points[1].id".to_string(), "duplicate"),
            ("working_points[0].text.fr".to_string(), "missing_translation"),
            ("closes".to_string(), "date_order"),
        ] {
            assert!(got.contains(&expected), "{expected:?} not in {got:?}");
        }
    }

    #[test]
    fn versions_change_only_with_signed_content() {
        let a = call();
        let mut b = a.clone();
        b.status = CallStatus::Closed;
        b.closes = Some("2027-01-01".into());
        assert!(!a.signed_content_differs(&b));
        b.working_points[0].text =
            ml(&[(Lang::known("en"), "Plant many trees"), (Lang::known("fr"), "Planter")]);
        assert!(a.signed_content_differs(&b));
    }

    #[test]
    fn validates_a_request_and_keeps_the_call_order() {
        let input = SignatureInput {
            institution: "Área Metropolitana de Sevilla".into(),
            kind: "metropolitan-government".into(),
            city: "Sevilla".into(),
            country: "ES".into(),
            representative_name: "Lucía Ortega".into(),
            representative_role: "Directora".into(),
            email: "lucia@example.org".into(),
            working_points: vec!["buses".into(), "trees".into(), "buses".into()],
            consent: true,
        };
        let request = SignatureRequest::parse(&input, &call(), Lang::known("es")).unwrap();
        assert_eq!(request.working_points, vec!["trees", "buses"]);
        assert_eq!(request.kind, SignatoryType::MetropolitanGovernment);
    }

    #[test]
    fn reports_every_problem_of_a_request() {
        let input = SignatureInput {
            kind: "city".into(),
            country: "Spain".into(),
            email: "not an address".into(),
            working_points: vec!["moon".into()],
            ..SignatureInput::default()
        };
        let got = fields(&SignatureRequest::parse(&input, &call(), Lang::known("en")).unwrap_err());
        for expected in [
            ("institution", "required"),
            ("kind", "unknown_value"),
            ("city", "required"),
            ("country", "invalid_country"),
            ("representative_name", "required"),
            ("representative_role", "required"),
            ("email", "invalid_email"),
            ("working_points", "unknown_value"),
            ("consent", "consent_required"),
        ] {
            assert!(got.contains(&(expected.0.to_string(), expected.1)), "{expected:?} not in {got:?}");
        }
    }

    #[test]
    fn recognises_the_same_institution() {
        assert_eq!(
            institution_key("Área Metropolitana de Sevilla", "Sevilla", "ES"),
            institution_key("AREA METROPOLITANA DE SEVILLA.", " sevilla", "es")
        );
        assert_ne!(
            institution_key("City Council", "Springfield", "US"),
            institution_key("City Council", "Shelbyville", "US")
        );
    }

    #[test]
    fn the_demo_calls_are_valid() {
        let file: CallsFile = serde_json::from_str(include_str!("../../../data/demo/calls.json")).unwrap();
        for call in &file.calls {
            assert_eq!(call.validate(), vec![], "{}", call.id);
            assert!(call.working_points.len() >= 6);
            assert_eq!(call.languages(), Lang::all(), "the demo call speaks every language of the registry");
        }
        assert!(file.signatories.len() >= 12);
        for s in &file.signatories {
            let call = file.calls.iter().find(|c| c.id == s.call).expect("known call");
            assert!(s.working_points.iter().all(|p| call.working_point(p).is_some()), "{}", s.institution);
            assert!(is_country_code(&s.country));
        }
    }

    #[test]
    fn recognises_email_addresses() {
        assert!(is_email("a.b@example.org"));
        for bad in ["", "a@b", "a b@example.org", "@example.org", "a@.org", "a@example..org"] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
