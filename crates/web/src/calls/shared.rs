//! What the register and the forms of calls share: assets, the public call, dates and
//! translated strings with arguments.

use super::svg;
use crate::view::Chrome;
use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::hash::{Hash, Hasher};
use std::sync::LazyLock;

pub const CALLS_CSS: &str = include_str!("../../assets/calls.css");

fn hashed(name: &str, ext: &str, content: &str) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    content.hash(&mut hasher);
    format!("/assets/calls/{name}-{:016x}.{ext}", hasher.finish())
}

pub static CSS_PATH: LazyLock<String> = LazyLock::new(|| hashed("calls", "css", CALLS_CSS));
pub static WORLD_PATH: LazyLock<String> = LazyLock::new(|| hashed("world", "svg", svg::WORLD_SVG));

pub(super) async fn asset(Path(file): Path<String>) -> Response {
    let path = format!("/assets/calls/{file}");
    let (content_type, body) = if path == *CSS_PATH {
        ("text/css; charset=utf-8", CALLS_CSS)
    } else if path == *WORLD_PATH {
        ("image/svg+xml", svg::WORLD_SVG)
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

/// Today as `YYYY-MM-DD` (UTC).
pub(crate) fn today() -> String {
    jiff::Timestamp::now().strftime("%Y-%m-%d").to_string()
}

/// A translated string with text arguments.
pub(crate) fn t_args(c: &Chrome, key: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, fluent_bundle::FluentValue<'_>)> =
        args.iter().map(|(k, v)| (*k, fluent_bundle::FluentValue::from(v.as_str()))).collect();
    praxis_app::i18n::shared().t_args(c.lang, key, &args)
}
