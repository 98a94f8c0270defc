//! Static assets compiled into the binary, served under a content-hashed path so that
//! browsers may cache them for a year.

use crate::routes::Routes;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::hash::{Hash, Hasher};
use std::sync::LazyLock;

pub const CSS: &str = include_str!("../assets/praxis.css");
pub const SUGGEST_JS: &str = include_str!("../assets/suggest.js");
pub const EVENTS_JS: &str = include_str!("../assets/events.js");
pub const CATALOGUE_JS: &str = include_str!("../assets/catalogue.js");

/// `/assets/{name}-{hash}.{ext}`: the path changes whenever the content does.
fn hashed_path(name: &str, ext: &str, content: &str) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    content.hash(&mut hasher);
    format!("/assets/{name}-{:016x}.{ext}", hasher.finish())
}

pub static CSS_PATH: LazyLock<String> = LazyLock::new(|| hashed_path("praxis", "css", CSS));

pub static SUGGEST_PATH: LazyLock<String> = LazyLock::new(|| hashed_path("suggest", "js", SUGGEST_JS));

pub static EVENTS_PATH: LazyLock<String> = LazyLock::new(|| hashed_path("events", "js", EVENTS_JS));

pub static CATALOGUE_PATH: LazyLock<String> = LazyLock::new(|| hashed_path("catalogue", "js", CATALOGUE_JS));

pub fn router() -> Routes {
    Routes::new().get("/assets/{file}", asset)
}

async fn asset(axum::extract::Path(file): axum::extract::Path<String>) -> Response {
    let path = format!("/assets/{file}");
    let (content_type, body) = if path == *CSS_PATH {
        ("text/css; charset=utf-8", CSS)
    } else if path == *SUGGEST_PATH {
        ("text/javascript; charset=utf-8", SUGGEST_JS)
    } else if path == *EVENTS_PATH {
        ("text/javascript; charset=utf-8", EVENTS_JS)
    } else if path == *CATALOGUE_PATH {
        ("text/javascript; charset=utf-8", CATALOGUE_JS)
    } else {
        return StatusCode::NOT_FOUND.into_response();
    };
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        body,
    )
        .into_response()
}
