//! Who is asking: sessions (cookie), API tokens (`Authorization: Bearer`), the CSRF
//! check every form goes through, and the extractors handlers use to say who may call
//! them ([`Viewer`], [`SignedIn`], [`EditorOnly`], [`CsrfForm`]).
//!
//! Cookies: `praxis_session` holds the session secret (the store keeps its hash);
//! `praxis_csrf` holds a random value that every form repeats in its hidden `csrf` field
//! (double submit). Both are `HttpOnly; SameSite=Lax`, and `Secure` when the site is
//! served over HTTPS (its public URL starts with `https://`).

use crate::error::{api_error, error_page};
use crate::AppState;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use praxis_app::identity::{self, Bearer};
use praxis_domain::Lang;
use praxis_store::User;
use serde::de::DeserializeOwned;

pub const SESSION_COOKIE: &str = "praxis_session";
pub const CSRF_COOKIE: &str = "praxis_csrf";

pub use praxis_app::{Account, Membership};

impl crate::view::Chrome {
    /// Shows who is signed in and gives forms their CSRF value.
    pub fn with_viewer(mut self, viewer: &Viewer) -> crate::view::Chrome {
        self.csrf = viewer.csrf.clone();
        if let Some(account) = &viewer.account {
            self.account_name = Some(account.name.clone());
            self.is_editor = account.is_editor();
            self.is_admin = account.is_admin();
        }
        self
    }
}

/// Whoever is asking, signed in or not. Never rejects.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub account: Option<Account>,
    /// The CSRF value forms of this page must carry.
    pub csrf: String,
    /// A session that still owes its second factor (sign-in half done).
    pub pending: Option<User>,
}

/// The CSRF value of this request, put there by [`csrf_cookie`].
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// Gives every visitor a CSRF cookie, so the first form they see can already carry it.
pub async fn csrf_cookie(mut request: Request, next: Next) -> Response {
    let existing = cookie(request.headers(), CSRF_COOKIE).filter(|v| v.len() >= 32);
    let (token, fresh) = match existing {
        Some(token) => (token.to_string(), false),
        None => (praxis_store::new_secret(), true),
    };
    request.extensions_mut().insert(CsrfToken(token.clone()));
    let mut response = next.run(request).await;
    // Only pages (and the redirects between them) lead to forms: feeds, calendars, files
    // and the API set no cookie, so that readers and shared caches can keep them.
    let page = response.status().is_redirection()
        || response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
    if fresh && page {
        if let Ok(value) = HeaderValue::from_str(&set_cookie(CSRF_COOKIE, &token, None)) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// A cookie's value from the request.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Whether the site is served over HTTPS, set from the public URL when the state is
/// built (`AppState::with_public_url`); cookies then carry `Secure`.
static SECURE_COOKIES: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn set_secure_cookies(on: bool) {
    SECURE_COOKIES.store(on, std::sync::atomic::Ordering::Relaxed);
}

fn secure_cookies() -> bool {
    SECURE_COOKIES.load(std::sync::atomic::Ordering::Relaxed)
}

/// A `Set-Cookie` value; `max_age` `None` is a cookie for the browser session,
/// `Some(0)` deletes it.
pub fn set_cookie(name: &str, value: &str, max_age: Option<i64>) -> String {
    let mut text = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age {
        text.push_str(&format!("; Max-Age={age}"));
    }
    if secure_cookies() {
        text.push_str("; Secure");
    }
    text
}

/// The client's network address, for throttling. Behind reverse proxies that the
/// configuration trusts (`AppState::trusted_proxies`, `--trusted-proxies`), each proxy
/// appends the address it received from to `X-Forwarded-For`, so the client's is that
/// many entries from the right; otherwise it is the connection's peer. A request with no
/// peer at all (only in-process tests) falls back to the first forwarded entry.
pub fn client_ip(headers: &HeaderMap, extensions: &axum::http::Extensions, trusted_proxies: usize) -> String {
    use axum::extract::ConnectInfo;
    let peer = extensions.get::<ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip().to_string());
    let forwarded: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if trusted_proxies > 0 && peer.is_some() {
        if let Some(ip) = forwarded.len().checked_sub(trusted_proxies).and_then(|i| forwarded.get(i)) {
            return (*ip).to_string();
        }
    }
    peer.or_else(|| forwarded.first().map(|s| (*s).to_string())).unwrap_or_else(|| "unknown".into())
}

/// The client's address as [`client_ip`] finds it; never rejects.
pub struct ClientIp(pub String);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<ClientIp, Self::Rejection> {
        Ok(ClientIp(client_ip(&parts.headers, &parts.extensions, state.trusted_proxies)))
    }
}

/// Percent-encodes a query value.
pub fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// The language of a request's page path (`/fr/…`), English otherwise.
pub fn path_lang(path: &str) -> Lang {
    path.split('/').nth(1).and_then(|s| s.parse::<Lang>().ok()).unwrap_or_default()
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Viewer, Response> {
        if let Some(viewer) = parts.extensions.get::<Viewer>() {
            return Ok(viewer.clone());
        }
        let csrf = parts.extensions.get::<CsrfToken>().map(|t| t.0.clone()).unwrap_or_default();
        let internal = |e: praxis_store::StoreError| crate::WebError::Internal(e.to_string()).into_response();
        let mut viewer = Viewer { account: None, csrf, pending: None };
        let bearer = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim);
        let found = if let Some(token) = bearer {
            identity::by_api_token(state, token).await.map_err(internal)?
        } else if let Some(token) = cookie(&parts.headers, SESSION_COOKIE).filter(|_| {
            // Writes to the API need a token: a browser's cookie is sent with cross-site
            // requests too, and the JSON API has no CSRF field.
            !parts.uri.path().starts_with("/api/") || parts.method == axum::http::Method::GET
        }) {
            identity::by_session(state, token).await.map_err(internal)?
        } else {
            Bearer::Nobody
        };
        match found {
            Bearer::Signed(account) => viewer.account = Some(account),
            Bearer::Pending(user) => viewer.pending = Some(user),
            Bearer::Nobody => {}
        }
        parts.extensions.insert(viewer.clone());
        Ok(viewer)
    }
}

/// A handler only for signed-in people. Visitors get the sign-in page (pages) or `401`
/// (API).
pub struct SignedIn(pub Account);

/// A handler only for editors and admins; members get `403`.
pub struct EditorOnly(pub Account);

/// A handler only for admins.
pub struct AdminOnly(pub Account);

fn refuse_visitor(parts: &Parts) -> Response {
    let path = parts.uri.path();
    if path.starts_with("/api/") {
        let mut response =
            api_error(StatusCode::UNAUTHORIZED, "unauthorized", "sign in: send Authorization: Bearer TOKEN");
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"praxis\""));
        return response;
    }
    let lang = path_lang(path);
    let next = parts.uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    let next: String = form_urlencoded::byte_serialize(next.as_bytes()).collect();
    Redirect::to(&format!("/{}/sign-in?next={next}", lang.code())).into_response()
}

pub fn forbidden(path: &str) -> Response {
    if path.starts_with("/api/") {
        return api_error(StatusCode::FORBIDDEN, "forbidden", "your role may not do this");
    }
    error_page(path_lang(path), StatusCode::FORBIDDEN, "error-forbidden-title", "error-forbidden-text")
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<SignedIn, Response> {
        let viewer = Viewer::from_request_parts(parts, state).await?;
        viewer.account.map(SignedIn).ok_or_else(|| refuse_visitor(parts))
    }
}

impl FromRequestParts<AppState> for EditorOnly {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<EditorOnly, Response> {
        let SignedIn(account) = SignedIn::from_request_parts(parts, state).await?;
        if account.is_editor() {
            Ok(EditorOnly(account))
        } else {
            Err(forbidden(parts.uri.path()))
        }
    }
}

impl FromRequestParts<AppState> for AdminOnly {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<AdminOnly, Response> {
        let SignedIn(account) = SignedIn::from_request_parts(parts, state).await?;
        if account.is_admin() {
            Ok(AdminOnly(account))
        } else {
            Err(forbidden(parts.uri.path()))
        }
    }
}

/// The largest form body accepted (a 1 MB title still arrives, and is refused by
/// validation with a message next to the field).
pub const FORM_LIMIT: usize = 2 * 1024 * 1024;

/// An `application/x-www-form-urlencoded` form whose hidden `csrf` field matches the
/// visitor's CSRF cookie. A mismatch is refused with `403` and nothing happens.
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = Response;

    async fn from_request(request: Request, _state: &AppState) -> Result<CsrfForm<T>, Response> {
        let path = request.uri().path().to_string();
        let expected = cookie(request.headers(), CSRF_COOKIE).map(str::to_string);
        let bytes = match axum::body::to_bytes(request.into_body(), FORM_LIMIT).await {
            Ok(bytes) => bytes,
            Err(_) => return Err(too_large(&path)),
        };
        let given = form_urlencoded::parse(&bytes).find(|(k, _)| k == "csrf").map(|(_, v)| v.into_owned());
        if !csrf_matches(expected.as_deref(), given.as_deref()) {
            return Err(csrf_refused(&path));
        }
        serde_urlencoded_from_bytes(&bytes).map(CsrfForm).map_err(|e| {
            if path.starts_with("/api/") {
                api_error(StatusCode::BAD_REQUEST, "bad_form", &e)
            } else {
                error_page(
                    path_lang(&path),
                    StatusCode::BAD_REQUEST,
                    "error-bad-form-title",
                    "error-bad-form-text",
                )
            }
        })
    }
}

/// Compares the cookie and the form field in constant time.
pub fn csrf_matches(cookie: Option<&str>, field: Option<&str>) -> bool {
    let (Some(a), Some(b)) = (cookie, field) else { return false };
    if a.len() < 32 || a.len() != b.len() {
        return false;
    }
    a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub fn csrf_refused(path: &str) -> Response {
    error_page(path_lang(path), StatusCode::FORBIDDEN, "error-csrf-title", "error-csrf-text")
}

pub fn too_large(path: &str) -> Response {
    if path.starts_with("/api/") {
        return api_error(StatusCode::PAYLOAD_TOO_LARGE, "too_large", "the request body is too large");
    }
    error_page(
        path_lang(path),
        StatusCode::PAYLOAD_TOO_LARGE,
        "error-too-large-title",
        "error-too-large-text",
    )
}

fn serde_urlencoded_from_bytes<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    serde_urlencoded::from_bytes(bytes).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csrf_needs_both_halves_equal_and_long() {
        let t = "a".repeat(43);
        assert!(csrf_matches(Some(&t), Some(&t)));
        assert!(!csrf_matches(Some(&t), Some(&"b".repeat(43))));
        assert!(!csrf_matches(None, Some(&t)));
        assert!(!csrf_matches(Some(&t), None));
        assert!(!csrf_matches(Some("short"), Some("short")));
    }

    #[test]
    fn the_client_address_comes_from_trusted_proxies_only() {
        use axum::extract::ConnectInfo;
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", HeaderValue::from_static("6.6.6.6, 203.0.113.7"));
        let mut extensions = axum::http::Extensions::new();
        extensions.insert(ConnectInfo(std::net::SocketAddr::from(([10, 0, 0, 2], 443))));
        // Not behind a trusted proxy: a client-written header is ignored.
        assert_eq!(client_ip(&headers, &extensions, 0), "10.0.0.2");
        // One proxy: it appended the address it saw; what the client wrote is ignored.
        assert_eq!(client_ip(&headers, &extensions, 1), "203.0.113.7");
        assert_eq!(client_ip(&headers, &extensions, 2), "6.6.6.6");
        assert_eq!(client_ip(&headers, &extensions, 3), "10.0.0.2", "fewer entries than proxies: the peer");
    }

    #[test]
    fn cookies_are_secure_when_the_site_is_https() {
        set_secure_cookies(true);
        assert!(set_cookie("x", "1", None).ends_with("; Secure"));
        set_secure_cookies(false);
        assert!(!set_cookie("x", "1", Some(0)).contains("Secure"));
    }

    #[test]
    fn cookies_are_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("a=1; praxis_csrf=xyz; b=2"));
        assert_eq!(cookie(&headers, "praxis_csrf"), Some("xyz"));
        assert_eq!(cookie(&headers, "praxis_session"), None);
    }
}
