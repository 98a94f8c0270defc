//! The one error type of the web layer, and the one place where an application error
//! becomes an HTTP answer: pages get a translated HTML page in the language of their
//! path, the API gets `{"error": {"code", "message", "fields"?}}` (the OpenAPI
//! `ErrorBody`). Internal errors are logged and answered generically.

use crate::view::{Chrome, ErrorPage};
use axum::extract::Request;
use axum::http::{StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use praxis_app::AppError;
use praxis_domain::Lang;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// A page that does not exist, shown in this language.
    #[error("page not found")]
    PageNotFound(Lang),
    #[error("{message}")]
    ApiNotFound { message: String },
    /// Bad query parameters on the API.
    #[error("{message}")]
    BadRequest { code: &'static str, message: String },
    #[error("internal error: {0}")]
    Internal(String),
    /// A form sent too often from one network address.
    #[error("too many requests")]
    TooManyRequests(Lang),
    /// Searches sent too often from one address without signing in: a page in this
    /// language (or JSON for the API, `None`), with `Retry-After` in seconds.
    #[error("too many searches")]
    SearchLimited { page: Option<Lang>, retry_after: u64 },
    /// A refusal from the application; rendered as a page or as JSON by
    /// [`render_failures`], which knows the request's path.
    #[error("{0}")]
    App(AppError),
}

impl From<AppError> for WebError {
    fn from(e: AppError) -> Self {
        WebError::App(e)
    }
}

impl From<praxis_store::StoreError> for WebError {
    fn from(e: praxis_store::StoreError) -> Self {
        WebError::App(e.into())
    }
}

impl From<askama::Error> for WebError {
    fn from(e: askama::Error) -> Self {
        WebError::Internal(format!("template: {e}"))
    }
}

/// The HTTP status of each kind of application error; the one mapping.
pub fn status_of(e: &AppError) -> StatusCode {
    match e {
        AppError::NotFound(_) => StatusCode::NOT_FOUND,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::Conflict { .. } => StatusCode::CONFLICT,
        AppError::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::TooMany => StatusCode::TOO_MANY_REQUESTS,
        AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// An application error waiting to be rendered for its request.
#[derive(Clone)]
struct Failure(std::sync::Arc<AppError>);

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        match self {
            WebError::PageNotFound(lang) => {
                // The page needs the translations; they are compiled in, so load a
                // shared copy rather than threading state through every error.
                error_page(lang, StatusCode::NOT_FOUND, "error-not-found-title", "error-not-found-text")
            }
            WebError::ApiNotFound { message } => api_error(StatusCode::NOT_FOUND, "not_found", &message),
            WebError::BadRequest { code, message } => api_error(StatusCode::BAD_REQUEST, code, &message),
            WebError::TooManyRequests(lang) => {
                error_page(lang, StatusCode::TOO_MANY_REQUESTS, "error-too-many-title", "error-too-many-text")
            }
            WebError::SearchLimited { page, retry_after } => {
                let mut response = match page {
                    Some(lang) => error_page(
                        lang,
                        StatusCode::TOO_MANY_REQUESTS,
                        "error-too-many-title",
                        "error-too-many-searches",
                    ),
                    None => api_error(
                        StatusCode::TOO_MANY_REQUESTS,
                        "too_many_requests",
                        &format!(
                            "too many searches from this address; try again in {retry_after} s, or sign in"
                        ),
                    ),
                };
                response.headers_mut().insert(axum::http::header::RETRY_AFTER, retry_after.into());
                response
            }
            WebError::Internal(detail) => WebError::App(AppError::Internal(detail)).into_response(),
            WebError::App(e) => {
                if let AppError::Internal(detail) = &e {
                    tracing::error!("{detail}");
                }
                let mut response = status_of(&e).into_response();
                response.extensions_mut().insert(Failure(std::sync::Arc::new(e)));
                response
            }
        }
    }
}

/// Renders every application error for the request it answers: JSON under `/api/`, a
/// page in the path's language elsewhere.
pub async fn render_failures(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    let Some(Failure(e)) = response.extensions().get::<Failure>().cloned() else { return response };
    let status = response.status();
    if path.starts_with("/api/") || !path.starts_with('/') || path_lang(&path).is_none() {
        let message = match e.as_ref() {
            AppError::Internal(_) => "something went wrong on our side; please try again".to_string(),
            other => other.to_string(),
        };
        let mut error = serde_json::json!({"code": e.code(), "message": message});
        if let AppError::Invalid { fields, .. } = e.as_ref() {
            if !fields.is_empty() {
                let fields: serde_json::Map<String, serde_json::Value> = fields
                    .iter()
                    .map(|(k, p)| {
                        (k.clone(), serde_json::Value::String(format!("{} ({})", p.message, p.code)))
                    })
                    .collect();
                error["fields"] = serde_json::Value::Object(fields);
            }
        }
        return (status, Json(serde_json::json!({ "error": error }))).into_response();
    }
    let lang = path_lang(&path).unwrap_or_default();
    let (title, text) = match e.as_ref() {
        AppError::NotFound(_) => ("error-not-found-title", "error-not-found-text"),
        AppError::Forbidden => ("error-forbidden-title", "error-forbidden-text"),
        AppError::Conflict { .. } => ("error-conflict-title", "error-conflict-text"),
        AppError::Invalid { .. } => ("error-invalid-title", "error-invalid-text"),
        AppError::TooMany => ("error-too-many-title", "error-too-many-text"),
        AppError::Internal(_) => ("error-internal-title", "error-internal-text"),
    };
    error_page(lang, status, title, text)
}

fn path_lang(path: &str) -> Option<Lang> {
    path.split('/').nth(1).and_then(|s| s.parse::<Lang>().ok())
}

pub fn api_error(status: StatusCode, code: &str, message: &str) -> Response {
    let body = serde_json::json!({"error": {"code": code, "message": message}});
    (status, Json(body)).into_response()
}

pub fn error_page(lang: Lang, status: StatusCode, title: &str, text: &str) -> Response {
    let i18n = praxis_app::i18n::shared();
    let chrome = Chrome::new(i18n.clone(), lang, "/", i18n.t(lang, title));
    let page = ErrorPage { title: chrome.t(title), text: chrome.t(text), c: chrome };
    match askama::Template::render(&page) {
        Ok(html) => (status, axum::response::Html(html)).into_response(),
        Err(e) => {
            tracing::error!("error page: {e}");
            status.into_response()
        }
    }
}

/// Unknown paths: a page in the language of the path when it has one, JSON under /api.
pub async fn not_found(uri: Uri) -> Response {
    let path = uri.path();
    if path.starts_with("/api/") {
        return api_error(StatusCode::NOT_FOUND, "not_found", &format!("no API route {path}"));
    }
    // `/en/initiatives/` is `/en/initiatives`: a trailing slash people type or paste is
    // followed to the page without it (the home page, `/en/`, has its own route).
    // (Never to `//host…`, which a browser would read as another site.)
    let same_site = |p: &&str| p.len() > 1 && !p.ends_with('/') && !p.starts_with("//") && !p.contains('\\');
    if let Some(bare) = path.strip_suffix('/').filter(same_site) {
        let to = match uri.query() {
            Some(q) => format!("{bare}?{q}"),
            None => bare.to_string(),
        };
        return axum::response::Redirect::permanent(&to).into_response();
    }
    WebError::PageNotFound(path_lang(path).unwrap_or_default()).into_response()
}

/// The body of every API error, as sent.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// A stable snake_case code.
    code: String,
    /// What is wrong, in English, and what to do.
    message: String,
    /// For invalid input: each field that is wrong, with what is wrong with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    fields: Option<BTreeMap<String, String>>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    error: ErrorDetail,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of application error has its page, translated in every language, and
    /// every field code the application gives is translated too.
    #[test]
    fn every_error_is_translated_in_every_language() {
        let i18n = praxis_app::i18n::shared();
        let kinds = [
            AppError::NotFound(String::new()),
            AppError::Forbidden,
            AppError::Conflict { code: "conflict", message: String::new() },
            AppError::invalid_field("comment", "reason_required", ""),
            AppError::TooMany,
            AppError::Internal(String::new()),
        ];
        let stem = |e: &AppError| match e {
            AppError::NotFound(_) => "not-found",
            AppError::Forbidden => "forbidden",
            AppError::Conflict { .. } => "conflict",
            AppError::Invalid { .. } => "invalid",
            AppError::TooMany => "too-many",
            AppError::Internal(_) => "internal",
        };
        for &lang in Lang::all() {
            for e in &kinds {
                for part in ["title", "text"] {
                    let key = format!("error-{}-{part}", stem(e));
                    assert!(i18n.has(lang, &key), "{lang} lacks {key}");
                }
            }
            for code in praxis_app::FIELD_CODES {
                assert!(i18n.has(lang, &format!("error-{code}")), "{lang} lacks error-{code}");
            }
        }
    }
}
