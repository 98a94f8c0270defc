//! Reports from readers and their resolution by editors.

use crate::auth::{cookie, CsrfForm, EditorOnly};
use crate::error::WebError;
use crate::page::Page;
use crate::routes::Routes;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::initiatives;
use praxis_app::AppError;
use serde::Deserialize;

pub fn router() -> Routes {
    Routes::new().post("/{lang}/initiatives/{id}/report", report).post("/{lang}/editor/reports/{id}", resolve)
}

#[derive(Deserialize)]
struct ReportForm {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    details: String,
}

async fn report(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    crate::auth::ClientIp(address): crate::auth::ClientIp,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<ReportForm>,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let browser = cookie(&headers, crate::auth::CSRF_COOKIE).unwrap_or("").to_string();
    let reporter = page.viewer.account.as_ref().map(|a| a.id);
    match initiatives::report(&state, &id, &form.reason, &form.details, reporter, &[address, browser]).await {
        Ok(()) => Ok(Redirect::to(&format!("/{}/initiatives/{id}?reported=1", lang.code())).into_response()),
        Err(AppError::Invalid { .. }) => Err(WebError::PageNotFound(lang)),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct ResolveForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    note: String,
}

async fn resolve(
    State(state): State<AppState>,
    EditorOnly(editor): EditorOnly,
    page: Page,
    Path((_, id)): Path<(String, i64)>,
    CsrfForm(form): CsrfForm<ResolveForm>,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let hide = match form.decision.as_str() {
        "hide" => true,
        "dismiss" => false,
        _ => return Err(WebError::PageNotFound(lang)),
    };
    initiatives::resolve_report(&state, &editor, id, hide, &form.note).await?;
    Ok(Redirect::to(&format!("/{}/editor", lang.code())).into_response())
}
