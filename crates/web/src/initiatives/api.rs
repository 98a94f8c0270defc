//! Writing initiatives through the API (CONTRACT.md): members submit their
//! organisation's initiatives for review, editors publish, and the revisions of an
//! initiative are open to editors and to the owning organisation's members.

use crate::auth::{EditorOnly, SignedIn};
use crate::error::{api_error, WebError};
use crate::routes::Routes;
use crate::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use praxis_app::initiatives::{self, Decision, Saved};
use praxis_domain::{InitiativeRecord, Status};
use serde::Serialize;
use std::collections::BTreeMap;

pub fn router() -> Routes {
    Routes::new()
        .post("/api/v1/initiatives", create)
        .post("/api/v1/initiatives/{id}/publish", publish)
        .get("/api/v1/initiatives/{id}/revisions", revisions)
        .get("/api/v1/initiatives/{id}/similar", similar)
}

/// The largest record body accepted (1 MiB).
const BODY_LIMIT: usize = 1024 * 1024;

fn invalid(message: &str, fields: BTreeMap<String, String>) -> Response {
    let body = serde_json::json!({"error": {"code": "invalid_record", "message": message, "fields": fields}});
    (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
}

/// Creates or updates an initiative. A member's record is stored as submitted for review
/// for their organisation; an editor's as given.
#[utoipa::path(post, path = "/api/v1/initiatives", request_body = InitiativeRecord,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "created", body = InitiativeRecord,
            headers(("Location" = String, description = "the new initiative's address in the API"))),
        (status = 200, description = "updated (a new revision)", body = InitiativeRecord),
        (status = 401, description = "no valid token", body = crate::error::ErrorBody),
        (status = 403, description = "the role or organisation may not write this record", body = crate::error::ErrorBody),
        (status = 422, description = "invalid record: `fields` maps each field to what is wrong", body = crate::error::ErrorBody),
    ))]
async fn create(
    State(state): State<AppState>,
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
    // The API's contract: a member's record is submitted for review, an editor's stored
    // as given.
    if !account.is_editor() {
        record.status = Status::Submitted;
    }
    let (saved, record) = initiatives::save(&state, &account, record).await?;
    if saved == Saved::Created {
        let location = format!("/api/v1/initiatives/{}", record.id);
        return Ok(
            (StatusCode::CREATED, [(axum::http::header::LOCATION, location)], Json(record)).into_response()
        );
    }
    Ok((StatusCode::OK, Json(record)).into_response())
}

/// Makes a submitted (or draft) initiative public.
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/publish", security(("bearer" = [])),
    params(("id" = String, Path, description = "the initiative's external id")),
    responses(
        (status = 200, description = "published", body = InitiativeRecord),
        (status = 401, body = crate::error::ErrorBody),
        (status = 403, description = "only editors publish", body = crate::error::ErrorBody),
        (status = 404, body = crate::error::ErrorBody),
    ))]
async fn publish(
    State(state): State<AppState>,
    EditorOnly(editor): EditorOnly,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let record = initiatives::decide(&state, &editor, &id, Decision::Publish, "").await?;
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
        (status = 401, body = crate::error::ErrorBody),
        (status = 403, description = "editors and the owning organisation's members only", body = crate::error::ErrorBody),
        (status = 404, body = crate::error::ErrorBody),
    ))]
async fn revisions(
    State(state): State<AppState>,
    SignedIn(account): SignedIn,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let (_, revisions) = initiatives::history(&state, &account, &id).await?;
    let revisions: Vec<RevisionBody> = revisions
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

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // documents the parameters; `similar` parses them
pub(crate) struct SimilarQueryDoc {
    /// The reader's language (a registry code such as en, fr, es, pt); default en. Titles
    /// and reasons are given in it.
    lang: Option<String>,
    /// 1–20, default 5.
    #[param(minimum = 1, maximum = 20)]
    limit: Option<u32>,
}

/// One similar initiative: the fields of a search hit, and why it is similar.
#[derive(Serialize, utoipa::ToSchema)]
pub struct SimilarHitBody {
    id: String,
    /// The title in the reader's language when translated, else the original.
    title: String,
    title_language: praxis_domain::Lang,
    /// The language the initiative was written in.
    language: praxis_domain::Lang,
    city: String,
    country: String,
    score: f32,
    /// The themes, concepts and aims the two share, in the reader's language.
    why: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SimilarResponse {
    hits: Vec<SimilarHitBody>,
    /// `meaning` when the multilingual model found them (with shared themes and
    /// concepts); `concepts` when the site runs without the model and they come from
    /// shared concepts, themes and aims only.
    basis: String,
}

/// Published initiatives like this one, across languages, at most one per place.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/similar",
    params(("id" = String, Path, description = "the initiative's external id"), SimilarQueryDoc),
    responses(
        (status = 200, body = SimilarResponse),
        (status = 400, description = "`lang` or `limit` is invalid", body = crate::error::ErrorBody),
        (status = 404, description = "no published initiative has this id", body = crate::error::ErrorBody),
    ))]
pub(crate) async fn similar(
    State(state): State<AppState>,
    Path(id): Path<String>,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
) -> Result<Response, WebError> {
    let (lang, limit) = crate::api::lang_and_limit(raw.as_deref(), 5, praxis_app::similar::LIMIT_MAX)?;
    let found = praxis_app::similar::similar(&state, &id, lang, limit).await?;
    let hits = found
        .hits
        .into_iter()
        .map(|h| SimilarHitBody {
            id: h.id,
            title: h.title,
            title_language: h.title_language,
            language: h.language,
            city: h.city,
            country: h.country,
            score: h.score,
            why: h.why,
        })
        .collect();
    let basis = if found.by_meaning { "meaning" } else { "concepts" }.to_string();
    Ok(Json(SimilarResponse { hits, basis }).into_response())
}
