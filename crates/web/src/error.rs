//! The one error type of the web layer. Pages get a translated HTML page; the API gets
//! `{"error": {"code", "message"}}`. Internal errors are logged and answered generically.

use crate::view::{Chrome, ErrorPage};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use praxis_domain::Lang;

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
}

impl From<praxis_store::StoreError> for WebError {
    fn from(e: praxis_store::StoreError) -> Self {
        WebError::Internal(e.to_string())
    }
}

impl From<askama::Error> for WebError {
    fn from(e: askama::Error) -> Self {
        WebError::Internal(format!("template: {e}"))
    }
}

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
            WebError::Internal(detail) => {
                tracing::error!("{detail}");
                api_error(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "something went wrong on our side; please try again",
                )
            }
        }
    }
}

pub fn api_error(status: StatusCode, code: &str, message: &str) -> Response {
    let body = serde_json::json!({"error": {"code": code, "message": message}});
    (status, Json(body)).into_response()
}

pub fn error_page(lang: Lang, status: StatusCode, title: &str, text: &str) -> Response {
    let i18n = crate::i18n::shared();
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
    let lang = path.split('/').nth(1).and_then(|s| s.parse::<Lang>().ok()).unwrap_or(Lang::En);
    WebError::PageNotFound(lang).into_response()
}
