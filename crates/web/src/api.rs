//! The JSON API (`/api/v1`), `/healthz`, and the OpenAPI document generated from the
//! handlers and types below.

use crate::error::{api_error, ErrorBody, WebError};
use crate::initiatives::catalogue::SearchParams;
use crate::routes::Routes;
use crate::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use praxis_domain::{InitiativeRecord, Lang};
use praxis_search::{Query, Sort, FACETS};
use serde::Serialize;
use std::collections::BTreeMap;

pub fn router() -> Routes {
    Routes::new()
        .get("/healthz", healthz)
        .get("/healthz/details", healthz_details)
        .get("/api/v1/initiatives/{id}", get_initiative)
        .get("/api/v1/search", search)
        .get("/api/v1/suggest", suggest)
        .get("/api/v1/glossary.ttl", glossary_skos)
}

/// Liveness and readiness: the store answers and the search index is loaded.
#[utoipa::path(get, path = "/healthz", responses(
    (status = 200, description = "`ok`", body = String),
    (status = 503, description = "the store does not answer", body = String)
))]
pub(crate) async fn healthz(State(state): State<AppState>) -> Response {
    match praxis_app::health::store_answers(&state).await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!("health check: {e}");
            (StatusCode::SERVICE_UNAVAILABLE, "store unavailable").into_response()
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SearchLayers {
    lexical: bool,
    concepts: usize,
    /// Whether the multilingual model is loaded; without it search is lexical and
    /// concept-based only.
    semantic: bool,
    semantic_indexed: usize,
    semantic_pending: usize,
    /// Document vectors this node computed since it started; each is kept in the store,
    /// so the deployment computes it once.
    semantic_computed: usize,
    /// Document vectors this node read from the store instead.
    semantic_read_from_store: usize,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct HealthDetails {
    store: String,
    backend: String,
    initiatives_indexed: usize,
    change_feed_position: i64,
    search: SearchLayers,
}

/// What each part of this node is doing: the store, the index and the search layers.
#[utoipa::path(get, path = "/healthz/details", responses(
    (status = 200, body = HealthDetails),
    (status = 503, body = HealthDetails)
))]
pub(crate) async fn healthz_details(State(state): State<AppState>) -> Response {
    let node = praxis_app::health::status(&state).await;
    let store = node.store.clone();
    let details = HealthDetails {
        store: match &store {
            Ok(()) => "ok".into(),
            Err(e) => format!("unavailable: {e}"),
        },
        backend: node.backend.into(),
        initiatives_indexed: node.initiatives_indexed,
        change_feed_position: node.change_feed_position,
        search: SearchLayers {
            lexical: true,
            concepts: praxis_search::concepts::Glossary::embedded().len(),
            semantic: node.semantic.is_some(),
            semantic_indexed: node.semantic.map_or(0, |s| s.indexed),
            semantic_pending: node.semantic.map_or(0, |s| s.pending),
            semantic_computed: node.semantic.map_or(0, |s| s.computed),
            semantic_read_from_store: node.semantic.map_or(0, |s| s.read_from_store),
        },
    };
    let status = if store.is_ok() { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    (status, Json(details)).into_response()
}

/// One published initiative, in the import format.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}",
    params(("id" = String, Path, description = "the initiative's external id")),
    responses(
        (status = 200, body = InitiativeRecord),
        (status = 404, body = ErrorBody)
    ))]
pub(crate) async fn get_initiative(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<InitiativeRecord>, WebError> {
    Ok(Json(praxis_app::initiatives::published_one(&state, &id).await?.record))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SearchHit {
    /// The initiative's external id.
    id: String,
    /// The title in the searcher's language when translated, else the original.
    title: String,
    /// The language the title is given in.
    title_language: Lang,
    /// The language the initiative was written in.
    language: Lang,
    city: String,
    country: String,
    snippet: String,
    score: f32,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SearchResponse {
    total: usize,
    hits: Vec<SearchHit>,
    /// For each facet (theme, aim, kind, country, language, level, year), hits per value.
    facets: BTreeMap<String, BTreeMap<String, usize>>,
}

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // documents the parameters; parsing is SearchParams::parse
pub(crate) struct SearchQueryDoc {
    /// Words to search for (at most 300 characters); empty lists everything, newest first.
    q: Option<String>,
    /// The searcher's language (a registry code such as en, fr, es, pt); default en.
    lang: Option<String>,
    /// 1–100, default 20.
    #[param(minimum = 1, maximum = 100)]
    limit: Option<u32>,
    #[param(minimum = 0, maximum = 100000)]
    offset: Option<u32>,
    /// relevance (default), newest, oldest, title.
    sort: Option<String>,
    /// Repeatable: theme=a&theme=b means a or b; different filters combine with and.
    theme: Option<Vec<String>>,
    aim: Option<Vec<String>>,
    kind: Option<Vec<String>>,
    /// ISO 3166-1 alpha-2.
    country: Option<Vec<String>>,
    /// The language initiatives were written in.
    language: Option<Vec<String>>,
    level: Option<Vec<String>>,
    year: Option<Vec<i32>>,
}

/// Searches published initiatives.
#[utoipa::path(get, path = "/api/v1/search", params(SearchQueryDoc), responses(
    (status = 200, body = SearchResponse),
    (status = 400, description = "a parameter is invalid", body = ErrorBody),
    (status = 429, description = "too many searches from one address without signing in; `Retry-After` says when to try again", body = ErrorBody,
        headers(("Retry-After" = u64, description = "seconds to wait")))
))]
pub(crate) async fn search(
    State(state): State<AppState>,
    viewer: crate::auth::Viewer,
    crate::auth::ClientIp(client): crate::auth::ClientIp,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let params = SearchParams::parse(raw.as_deref());
    if let Some((code, message)) = params.problems.first() {
        return Ok(api_error(StatusCode::BAD_REQUEST, code, message));
    }
    if !params.q.trim().is_empty() {
        praxis_app::search::admit(&state, &client, viewer.account.is_some())
            .map_err(|retry_after| WebError::SearchLimited { page: None, retry_after })?;
    }
    let lang = params.lang.unwrap_or_default();
    let results = praxis_app::search::search(
        &state.catalogue,
        Query {
            lang,
            text: params.q.clone(),
            filters: params.filters.clone(),
            sort: params.sort.unwrap_or(Sort::Relevance),
            offset: params.offset.unwrap_or(0),
            limit: params.limit.unwrap_or(20),
        },
    )
    .await
    .results;
    let ids: Vec<String> = results.hits.iter().map(|h| h.id.clone()).collect();
    let stored = praxis_app::initiatives::published(&state, &ids).await?;
    // The index may briefly list an initiative the store has just unpublished; such hits
    // are dropped rather than mismatched.
    let scores: std::collections::HashMap<&str, f32> =
        results.hits.iter().map(|h| (h.id.as_str(), h.score)).collect();
    let hits = stored
        .iter()
        .map(|s| {
            let r = &s.record;
            let (title_language, title) = r.title_in(lang);
            SearchHit {
                id: r.id.clone(),
                title: title.to_string(),
                title_language,
                language: r.language,
                city: r.city.clone(),
                country: r.country.clone(),
                snippet: snippet(r.summary_in(lang).1, 240),
                score: scores.get(r.id.as_str()).copied().unwrap_or(0.0),
            }
        })
        .collect();
    let facets = FACETS
        .iter()
        .map(|f| (f.id().to_string(), results.facets.get(*f).cloned().unwrap_or_default()))
        .collect();
    Ok(Json(SearchResponse { total: results.total, hits, facets }).into_response())
}

/// The first `max` characters of a text, cut at a word boundary, with an ellipsis when cut.
pub fn snippet(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at_word = cut.rfind(char::is_whitespace).map(|i| &cut[..i]).unwrap_or(&cut);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', '.', ' ']))
}

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // documents the parameters; `suggest` parses them
pub struct SuggestParams {
    /// What has been typed so far (two characters at least; shorter gets no suggestion).
    q: String,
    /// The searcher's language (a registry code such as en, fr, es, pt); default en.
    lang: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Suggestions {
    /// Glossary terms in the searcher's language that start with what was typed.
    suggestions: Vec<String>,
}

/// Search suggestions as one types.
#[utoipa::path(get, path = "/api/v1/suggest", params(SuggestParams), responses(
    (status = 200, body = Suggestions),
    (status = 400, description = "`q` is missing or `lang` is not a registry language", body = ErrorBody)
))]
pub(crate) async fn suggest(RawQuery(raw): RawQuery) -> Response {
    let mut q = None;
    let mut lang = Lang::default();
    for (key, value) in form_urlencoded::parse(raw.as_deref().unwrap_or("").as_bytes()) {
        match key.as_ref() {
            "q" => match praxis_app::search::query_problem(value.trim()) {
                None => q = Some(value.into_owned()),
                Some((code, message)) => return api_error(StatusCode::BAD_REQUEST, code, &message),
            },
            "lang" => match value.parse::<Lang>() {
                Ok(l) => lang = l,
                Err(e) => return api_error(StatusCode::BAD_REQUEST, "invalid_lang", &e.to_string()),
            },
            _ => {}
        }
    }
    // Answered in JSON like every API error (a missing parameter used to get plain text).
    let Some(q) = q else {
        return api_error(StatusCode::BAD_REQUEST, "missing_q", "q: say what has been typed so far");
    };
    let suggestions = praxis_search::concepts::Glossary::embedded()
        .suggest(&q, lang, 8)
        .into_iter()
        .map(str::to_string)
        .collect();
    Json(Suggestions { suggestions }).into_response()
}

/// The concept glossary as SKOS (Turtle), with concept IRIs under the site's configured
/// address (`--public-url`; never the request's `Host`).
#[utoipa::path(get, path = "/api/v1/glossary.ttl", responses((status = 200, description = "text/turtle")))]
pub(crate) async fn glossary_skos(State(state): State<AppState>) -> Response {
    let label = |key: &str, lang: Lang| state.i18n.t(lang, key);
    let turtle = praxis_search::concepts::Glossary::embedded().to_skos(&state.public_url, &label);
    ([(axum::http::header::CONTENT_TYPE, "text/turtle; charset=utf-8")], turtle).into_response()
}

/// The `lang` and `limit` query parameters of a list of hits: a registry language
/// (default English) and 1..=`max` (default `default`). Any other parameter is ignored;
/// a bad value is refused with 400 `invalid_lang` or `invalid_limit`.
pub(crate) fn lang_and_limit(
    raw: Option<&str>,
    default: usize,
    max: usize,
) -> Result<(Lang, usize), WebError> {
    let mut lang = Lang::default();
    let mut limit = default;
    for (key, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        match key.as_ref() {
            "lang" => match value.parse() {
                Ok(l) => lang = l,
                Err(e) => {
                    return Err(WebError::BadRequest { code: "invalid_lang", message: format!("lang: {e}") })
                }
            },
            "limit" => match value.parse::<usize>() {
                Ok(n) if (1..=max).contains(&n) => limit = n,
                _ => {
                    let message = format!("limit: {value:?} is not a number from 1 to {max}");
                    return Err(WebError::BadRequest { code: "invalid_limit", message });
                }
            },
            _ => {}
        }
    }
    Ok((lang, limit))
}
