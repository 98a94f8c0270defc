//! Conditional requests: every successful `GET` answer carries a validator (`ETag`, a
//! hash of its body), and a request that already holds that version (`If-None-Match`)
//! gets `304 Not Modified` without the body. Feed readers and calendar subscriptions
//! then download only what changed. Answers to a signed-in person are marked `private`,
//! so no shared cache keeps them; nothing here makes any answer fresh for longer than
//! it was (`no-cache` asks every cache to check first).

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

/// Bodies larger than this (attachments, exports) are passed through untouched.
const HASHED_MAX: usize = 8 * 1024 * 1024;

fn matches(if_none_match: &str, etag: &str) -> bool {
    if_none_match.trim() == "*"
        || if_none_match
            .split(',')
            .map(str::trim)
            .any(|t| t.trim_start_matches("W/") == etag.trim_start_matches("W/"))
}

pub async fn conditional(request: Request, next: Next) -> Response {
    let get = request.method() == Method::GET || request.method() == Method::HEAD;
    let signed_in = crate::auth::cookie(request.headers(), crate::auth::SESSION_COOKIE).is_some()
        || request.headers().contains_key(header::AUTHORIZATION);
    let if_none_match =
        request.headers().get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()).map(str::to_string);
    let public_api = request.uri().path().starts_with("/api/");
    let mut response = next.run(request).await;
    if public_api && get {
        // The read-only API may be called from any site's pages (no credentials go with it).
        response.headers_mut().insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    }
    let headers = response.headers();
    let personal_cookie = headers.contains_key(header::SET_COOKIE);
    let no_store = headers
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("no-store"));
    let too_big = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<usize>().ok())
        .is_some_and(|n| n > HASHED_MAX);
    if !get || response.status() != StatusCode::OK || personal_cookie || no_store || too_big {
        return response;
    }
    if !response.headers().contains_key(header::CACHE_CONTROL) {
        let value = if signed_in { "private, no-cache" } else { "no-cache" };
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, HASHED_MAX).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "the answer could not be read").into_response();
    };
    let digest = Sha256::digest(&bytes);
    let etag = format!("\"{}\"", digest[..12].iter().map(|b| format!("{b:02x}")).collect::<String>());
    if let Ok(value) = HeaderValue::from_str(&etag) {
        parts.headers.insert(header::ETAG, value);
    }
    if if_none_match.as_deref().is_some_and(|inm| matches(inm, &etag)) {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        parts.headers.remove(header::CONTENT_TYPE);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}
