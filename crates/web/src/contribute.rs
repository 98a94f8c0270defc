//! Writing initiatives through the API (CONTRACT.md): members submit their
//! organisation's initiatives for review, editors publish, and the revisions of an
//! initiative are open to editors and to the owning organisation's members.

use crate::auth::{forbidden, Account, EditorOnly, SignedIn};
use crate::error::{api_error, WebError};
use crate::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use praxis_domain::{InitiativeRecord, Status};
use serde::Serialize;
use std::collections::BTreeMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/initiatives", post(create))
        .route("/api/v1/initiatives/{id}/publish", post(publish))
        .route("/api/v1/initiatives/{id}/revisions", get(revisions))
}

/// The largest record body accepted (1 MiB).
const BODY_LIMIT: usize = 1024 * 1024;

/// Whether the account belongs to the organisation named in the record.
fn owns(account: &Account, record: &InitiativeRecord) -> bool {
    record.organisation.as_deref().is_some_and(|name| account.member_of(name))
}

fn invalid(message: &str, fields: BTreeMap<String, String>) -> Response {
    let body = serde_json::json!({"error": {"code": "invalid_record", "message": message, "fields": fields}});
    (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
}

/// Creates or updates an initiative. A member's record is stored as submitted for review
/// for their organisation; an editor's as given.
#[utoipa::path(post, path = "/api/v1/initiatives", request_body = InitiativeRecord,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "created", body = InitiativeRecord),
        (status = 200, description = "updated (a new revision)", body = InitiativeRecord),
        (status = 401, description = "no valid token", body = crate::api::ErrorBody),
        (status = 403, description = "the role or organisation may not write this record", body = crate::api::ErrorBody),
        (status = 422, description = "invalid record: `fields` maps each field to what is wrong", body = crate::api::ErrorBody),
    ))]
async fn create(
    State(state): State<AppState>,
    uri: Uri,
    SignedIn(account): SignedIn,
    body: Bytes,
) -> Result<Response, WebError> {
    if body.len() > BODY_LIMIT {
        return Ok(api_error(StatusCode::PAYLOAD_TOO_LARGE, "too_large", "a record may be at most 1 MiB"));
    }
    let value: serde_json::Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => return Ok(invalid(&format!("the body is not JSON: {e}"), BTreeMap::new())),
    };
    let parsed = match InitiativeRecord::from_json(&value) {
        Ok(parsed) => parsed,
        Err(errors) => {
            let fields: BTreeMap<String, String> =
                errors.iter().map(|e| (e.field.clone(), format!("{} ({})", e.message, e.code))).collect();
            return Ok(invalid("the record is not valid; see fields", fields));
        }
    };
    let mut record = parsed.record;
    let existing = state.store.initiative(&record.id).await?;
    if !account.is_editor() {
        // A member writes for one of their organisations, and only submits.
        if record.organisation.is_none() {
            if let [only] = account.organisations.as_slice() {
                record.organisation = Some(only.name.clone());
            }
        }
        if !owns(&account, &record) {
            return Ok(forbidden(uri.path()));
        }
        if let Some(stored) = &existing {
            if !owns(&account, &stored.record) {
                return Ok(forbidden(uri.path()));
            }
        }
        record.status = Status::Submitted;
        if existing.as_ref().is_some_and(|s| s.record.status == Status::Published) {
            // The published version stays public until an editor accepts the change.
            state.store.propose_initiative(&record, &account.email).await?;
            let title = record.title_in(record.language).1.to_string();
            crate::moderation::notify_editors(&state, "mail-submitted", &[("title", title)]).await?;
            return Ok((StatusCode::OK, Json(record)).into_response());
        }
    }
    if account.is_editor() {
        let note = praxis_store::AuditNote {
            actor: &account.user,
            action: "initiative.save",
            detail: record.status.id(),
        };
        state.store.save_initiative_audited(&record, &account.email, &note).await?;
    } else {
        state.store.save_initiative(&record, &account.email).await?;
    }
    state.catalogue.catch_up(&state.store).await?;
    if record.status == Status::Submitted {
        let title = record.title_in(record.language).1.to_string();
        crate::moderation::notify_editors(&state, "mail-submitted", &[("title", title)]).await?;
    }
    let status = if existing.is_some() { StatusCode::OK } else { StatusCode::CREATED };
    Ok((status, Json(record)).into_response())
}

/// Makes a submitted (or draft) initiative public.
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/publish", security(("bearer" = [])),
    params(("id" = String, Path, description = "the initiative's external id")),
    responses(
        (status = 200, description = "published", body = InitiativeRecord),
        (status = 401, body = crate::api::ErrorBody),
        (status = 403, description = "only editors publish", body = crate::api::ErrorBody),
        (status = 404, body = crate::api::ErrorBody),
    ))]
async fn publish(
    State(state): State<AppState>,
    EditorOnly(editor): EditorOnly,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let Some(stored) = state.store.initiative(&id).await? else {
        return Err(WebError::ApiNotFound { message: format!("no initiative with id {id:?}") });
    };
    // A change a member proposed to the published version is what gets published.
    let proposal = if stored.proposed_revision.is_some() { state.store.proposal(&id).await? } else { None };
    let pending = proposal.is_some();
    let mut record = proposal.map_or(stored.record, |p| p.record);
    if record.status != Status::Published || pending {
        record.status = Status::Published;
        let note = praxis_store::AuditNote { actor: &editor.user, action: "initiative.publish", detail: "" };
        state.store.save_initiative_audited(&record, &editor.email, &note).await?;
        state.catalogue.catch_up(&state.store).await?;
    }
    Ok(Json(record).into_response())
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RevisionBody {
    revision: i64,
    /// RFC 3339, UTC.
    time: String,
    author: String,
    record: InitiativeRecord,
}

/// The revisions of an initiative, oldest first.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/revisions", security(("bearer" = [])),
    params(("id" = String, Path, description = "the initiative's external id")),
    responses(
        (status = 200, body = [RevisionBody]),
        (status = 401, body = crate::api::ErrorBody),
        (status = 403, description = "editors and the owning organisation's members only", body = crate::api::ErrorBody),
        (status = 404, body = crate::api::ErrorBody),
    ))]
async fn revisions(
    State(state): State<AppState>,
    uri: Uri,
    SignedIn(account): SignedIn,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let Some(stored) = state.store.initiative(&id).await? else {
        return Err(WebError::ApiNotFound { message: format!("no initiative with id {id:?}") });
    };
    if !account.is_editor() && !owns(&account, &stored.record) {
        return Ok(forbidden(uri.path()));
    }
    let revisions: Vec<RevisionBody> = state
        .store
        .revisions(&id)
        .await?
        .into_iter()
        .map(|r| RevisionBody {
            revision: r.revision,
            time: r.created_at,
            author: r.author,
            record: r.record,
        })
        .collect();
    Ok(Json(revisions).into_response())
}
