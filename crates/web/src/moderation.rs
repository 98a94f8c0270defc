//! Reports from readers and their resolution by editors.

use crate::auth::{cookie, CsrfForm, EditorOnly, Viewer};
use crate::error::WebError;
use crate::pages::page_lang;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;
use praxis_store::{StoreError, REPORT_REASONS};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/{lang}/initiatives/{id}/report", post(report))
        .route("/{lang}/editor/reports/{id}", post(resolve))
}

/// Reports accepted per address (or per browser) within an hour.
const REPORTS_PER_HOUR: i64 = 10;

#[derive(Deserialize)]
struct ReportForm {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    details: String,
}

async fn report(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    crate::auth::ClientIp(address): crate::auth::ClientIp,
    Path((lang, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<ReportForm>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let published = state
        .store
        .initiative(&id)
        .await?
        .is_some_and(|s| s.record.status == praxis_domain::Status::Published);
    if !published || !REPORT_REASONS.contains(&form.reason.as_str()) {
        return Err(WebError::PageNotFound(lang));
    }
    let browser = cookie(&headers, crate::auth::CSRF_COOKIE).unwrap_or("");
    for subject in [format!("report:{address}"), format!("report:{browser}")] {
        if state.store.sign_in_failures(&subject, 3600).await? >= REPORTS_PER_HOUR {
            return Err(WebError::TooManyRequests(lang));
        }
        state.store.record_sign_in_failure(&subject).await?;
    }
    let details: String = form.details.trim().chars().take(2_000).collect();
    let reporter = viewer.account.as_ref().map(|a| a.id);
    state.store.report(&id, &form.reason, &details, reporter).await?;
    notify_editors(&state, "mail-report", &[("id", id.clone())]).await?;
    Ok(Redirect::to(&format!("/{}/initiatives/{id}?reported=1", lang.code())).into_response())
}

/// Tells every editor and admin, each in their language.
pub async fn notify_editors(state: &AppState, key: &str, args: &[(&str, String)]) -> Result<(), WebError> {
    for user in state.store.users().await?.into_iter().filter(|u| u.role().is_editor()) {
        let lang: praxis_domain::Lang = user.language.parse().unwrap_or_default();
        let mut args = args.to_vec();
        args.push(("link", format!("{}/{}/editor", state.public_url, lang.code())));
        crate::accounts::send_mail(state, lang, &user.email, key, &args).await;
    }
    Ok(())
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
    Path((lang, id)): Path<(String, i64)>,
    CsrfForm(form): CsrfForm<ResolveForm>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let hide = match form.decision.as_str() {
        "hide" => true,
        "dismiss" => false,
        _ => return Err(WebError::PageNotFound(lang)),
    };
    let note: String = form.note.trim().chars().take(2_000).collect();
    match state.store.resolve_report(id, hide, &note, &editor.user).await {
        Ok(_) => {}
        Err(StoreError::NotFound) => return Err(WebError::PageNotFound(lang)),
        Err(e) => return Err(e.into()),
    }
    state.catalogue.catch_up(&state.store).await?;
    Ok(Redirect::to(&format!("/{}/editor", lang.code())).into_response())
}
