//! The one error type of the application. Each variant is a kind of refusal that every
//! front end maps the same way (pages, API, command line); `code` is the stable
//! snake_case id people see translated as `error-{code}`.

use std::collections::BTreeMap;

/// What is wrong with one field, as a stable code and an English message (the
/// interface shows the translation of `error-{code}`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldProblem {
    pub code: String,
    pub message: String,
}

/// Every field code the application's workflows give (`AppError::invalid_field`), so
/// tests can check that each is given somewhere and translated as `error-{code}` in every
/// language. (Sign-up and password codes are the domain's account problems, translated
/// as `problem-{code}` and checked with the domain.)
pub const FIELD_CODES: &[&str] = &[
    "reason_required",
    "unknown_reason",
    "unknown_initiatives",
    "too_long",
    "invalid_kind",
    "id_taken",
    "out_of_range",
];

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Nothing by that name, or nothing the asker may know exists.
    #[error("{0}")]
    NotFound(String),
    /// The asker's role or organisation may not do this.
    #[error("your role may not do this")]
    Forbidden,
    /// The request contradicts the current state (e.g. a decision on a record that
    /// changed meanwhile).
    #[error("{message}")]
    Conflict { code: &'static str, message: String },
    /// Invalid input: every problem, field by field.
    #[error("{message}")]
    Invalid { code: &'static str, message: String, fields: BTreeMap<String, FieldProblem> },
    /// Asked too often; try again later.
    #[error("too many requests; try again later")]
    TooMany,
    /// Our fault: logged, answered generically.
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    /// The stable code front ends send and translate.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound(_) => "not_found",
            AppError::Forbidden => "forbidden",
            AppError::Conflict { code, .. } => code,
            AppError::Invalid { code, .. } => code,
            AppError::TooMany => "too_many_requests",
            AppError::Internal(_) => "internal",
        }
    }

    /// An invalid request from the domain's validation: the first problem of each field.
    pub fn from_field_errors(code: &'static str, problems: Vec<praxis_domain::FieldError>) -> AppError {
        let mut fields = BTreeMap::new();
        for p in problems {
            fields.entry(p.field).or_insert(FieldProblem { code: p.code.to_string(), message: p.message });
        }
        AppError::Invalid { code, message: "the input is not valid; see fields".into(), fields }
    }

    /// An invalid request with one problem on one field.
    pub fn invalid_field(field: &str, code: &str, message: &str) -> AppError {
        let mut fields = BTreeMap::new();
        fields
            .insert(field.to_string(), FieldProblem { code: code.to_string(), message: message.to_string() });
        AppError::Invalid { code: "invalid_input", message: message.to_string(), fields }
    }
}

impl From<praxis_store::StoreError> for AppError {
    fn from(e: praxis_store::StoreError) -> Self {
        use praxis_store::StoreError;
        match e {
            StoreError::NotFound => AppError::NotFound("not found".to_string()),
            StoreError::Conflict(message) => AppError::Conflict { code: "conflict", message },
            StoreError::Invalid { id, message } => AppError::Invalid {
                code: "invalid_record",
                message: format!("invalid record {id}: {message}"),
                fields: BTreeMap::new(),
            },
            other => AppError::Internal(other.to_string()),
        }
    }
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::FIELD_CODES;

    /// Every listed field code is given by some workflow (the list holds no code that
    /// nothing gives); that each is translated is checked where the translations live.
    #[test]
    fn every_field_code_is_used() {
        fn sources(dir: &std::path::Path, out: &mut String) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    sources(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("error.rs") {
                    out.push_str(&std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        let mut text = String::new();
        sources(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut text);
        for code in FIELD_CODES {
            assert!(
                text.contains(&format!("\"{code}\"")),
                "the field code {code:?} is listed but never given"
            );
        }
    }
}
