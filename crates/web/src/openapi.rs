//! The OpenAPI 3 document of the whole API, generated from the handlers' annotations.
//! Nothing imports this module: it only gathers what the features declare.

use crate::routes::Routes;
use axum::Json;
use utoipa::OpenApi;

pub fn router() -> Routes {
    Routes::new().get("/api/v1/openapi.json", openapi)
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Praxis API",
        version = "1",
        description = "Initiatives that cities share, searchable across the languages of the registry."
    ),
    paths(
        crate::api::healthz,
        crate::api::healthz_details,
        crate::api::get_initiative,
        crate::api::search,
        crate::api::suggest,
        crate::api::glossary_skos,
        openapi,
        crate::initiatives::api::create,
        crate::initiatives::api::publish,
        crate::initiatives::api::revisions,
        crate::initiatives::api::similar,
        crate::events::api_events,
        crate::calls::register::api_calls,
        crate::calls::register::api_signatories,
        crate::places::api_peers
    ),
    components(schemas(
        praxis_domain::InitiativeRecord,
        crate::api::SearchResponse,
        crate::api::SearchHit,
        crate::error::ErrorBody,
        crate::error::ErrorDetail,
        crate::initiatives::api::RevisionBody,
        crate::initiatives::api::SimilarResponse,
        crate::initiatives::api::SimilarHitBody,
        crate::events::EventSummary,
        crate::calls::register::ApiCall,
        crate::calls::register::ApiWorkingPoint,
        crate::calls::register::ApiSignatory,
        crate::places::PeersResponse,
        crate::places::PeerBody
    )),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

/// Declares the `bearer` security scheme: API tokens from `praxis token create` or the
/// account page.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// This document.
#[utoipa::path(get, path = "/api/v1/openapi.json", responses((status = 200, description = "OpenAPI 3 document")))]
async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
