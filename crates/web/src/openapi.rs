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
async fn openapi() -> Json<Value> {
    Json(document())
}

/// The document as served: what the annotations generate, made exact where they cannot
/// say what the server enforces (the vocabularies a parameter takes, the bounds of a
/// record's fields, every 400 a route can answer).
pub fn document() -> Value {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).expect("the OpenAPI document serialises");
    exact(&mut doc);
    doc
}

use praxis_domain::initiative::{
    BODY_MAX, ID_MAX, LINKS_MAX, NAME_MAX, PARTNERS_MAX, SUMMARY_MAX, THEMES_MAX, TITLE_MAX, TITLE_MIN,
};
use serde_json::{json, Value};

fn component(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

/// The schema a query parameter's values must have, by the parameter's name: the same
/// rules as `SearchParams::parse` and the list routes apply.
fn parameter_schema(name: &str) -> Option<Value> {
    let countries: Vec<&str> = praxis_domain::country::COUNTRY_CODES.to_vec();
    Some(match name {
        "lang" | "language" => component("Lang"),
        "theme" => component("Theme"),
        "aim" => component("Aim"),
        "kind" => component("Kind"),
        "level" => component("Level"),
        "country" => json!({ "type": "string", "enum": countries }),
        "sort" => json!({
            "type": "string",
            "enum": praxis_search::Sort::ALL.iter().map(|s| s.id()).collect::<Vec<_>>()
        }),
        "year" => json!({ "type": "integer", "minimum": 1900, "maximum": 2200 }),
        "when" => json!({ "type": "string", "enum": ["upcoming", "past"] }),
        "format" => json!({ "type": "string", "enum": ["json", "csv"] }),
        "q" => json!({ "type": "string", "maxLength": praxis_app::search::QUERY_MAX_CHARS }),
        _ => return None,
    })
}

/// Characters Rust calls control characters (`char::is_control`): refused in names.
const NO_CONTROL: &str = r"[^\x00-\x1f\x7f-\x9f]";

/// Text of one line: not blank, no control characters, at most `max` characters.
fn line(max: usize) -> Value {
    json!({
        "type": "string",
        "maxLength": max,
        "pattern": format!(r"^{NO_CONTROL}*[^\s\x00-\x1f\x7f-\x9f]{NO_CONTROL}*$"),
    })
}

/// Text in the registry's languages, each at most `max` characters and at least `min`
/// once leading and trailing spaces are set aside; `required`: at least one language.
fn multilingual(min: usize, max: usize, required: bool) -> Value {
    // Two non-space characters `min - 2` or more apart: a trimmed length of `min` or more.
    let pattern = if min <= 1 { r"\S".to_string() } else { format!(r"\S[\s\S]{{{},}}\S", min - 2) };
    json!({
        "type": "object",
        "description": "Text in several languages: the original plus any translations.",
        "propertyNames": component("Lang"),
        "additionalProperties": { "type": "string", "maxLength": max, "pattern": pattern },
        "minProperties": usize::from(required),
    })
}

fn exact(doc: &mut Value) {
    // Query parameters.
    if let Some(paths) = doc["paths"].as_object_mut() {
        for (_, operations) in paths.iter_mut() {
            let Some(operations) = operations.as_object_mut() else { continue };
            for (_, operation) in operations.iter_mut() {
                let mut has_query = false;
                if let Some(parameters) = operation.get_mut("parameters").and_then(Value::as_array_mut) {
                    for parameter in parameters.iter_mut().filter(|p| p["in"] == "query") {
                        has_query = true;
                        let Some(name) = parameter["name"].as_str() else { continue };
                        let Some(schema) = parameter_schema(name) else { continue };
                        if parameter["schema"]["type"] == "array" {
                            parameter["schema"]["items"] = schema;
                        } else {
                            parameter["schema"] = schema;
                        }
                    }
                }
                // A parameter outside its rules is answered 400 with the error body.
                if has_query && operation["responses"].get("400").is_none() {
                    operation["responses"]["400"] = json!({
                        "description": "a parameter is outside its rules",
                        "content": { "application/json": { "schema": component("ErrorBody") } }
                    });
                }
            }
        }
    }
    // The record's fields, as `InitiativeRecord::validate` checks them. What JSON Schema
    // cannot state stays in the description: the title and summary hold the record's own
    // language, `ended` is not before `started`, and the body holds no script.
    let record = &mut doc["components"]["schemas"]["InitiativeRecord"];
    let properties = &mut record["properties"];
    properties["id"] = json!({
        "type": "string",
        "pattern": format!("^[A-Za-z0-9._:-]{{1,{ID_MAX}}}$"),
        "description": "a stable external id"
    });
    properties["title"] = multilingual(TITLE_MIN, TITLE_MAX, true);
    properties["summary"] = multilingual(1, SUMMARY_MAX, true);
    properties["body"] = multilingual(1, BODY_MAX, false);
    properties["city"] = line(NAME_MAX);
    properties["country"] = parameter_schema("country").expect("country has a schema");
    properties["organisation"] = json!({ "oneOf": [{ "type": "null" }, line(NAME_MAX)] });
    properties["themes"] = json!({ "type": "array", "items": component("Theme"), "minItems": 1, "maxItems": THEMES_MAX, "uniqueItems": true });
    properties["aims"] = json!({ "type": "array", "items": component("Aim"), "uniqueItems": true });
    properties["partners"] = json!({ "type": "array", "items": line(NAME_MAX), "maxItems": PARTNERS_MAX });
    properties["links"]["maxItems"] = json!(LINKS_MAX);
    let rules = "\n\nAlso checked, beyond this schema: `title` and `summary` hold the record's own `language`; \
                 `ended` is not before `started` (dates as YYYY, YYYY-MM or YYYY-MM-DD); link addresses are \
                 http(s) URLs; the body's Markdown holds no script or event handler. A record that breaks any \
                 of these is answered 422 with the fields named.";
    if let Some(description) = record["description"].as_str() {
        record["description"] = json!(format!("{description}{rules}"));
    }
}
