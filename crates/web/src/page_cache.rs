//! What anonymous readers are sent, kept: published data changes rarely, so a public page
//! or API answer rendered once is answered again from memory until the data behind it
//! moves. An answer is kept by path and query (the language is in the path) together
//! with the version of the published data it was rendered from
//! ([`praxis_app::SharedCatalogue::version`]: the change-feed position, which every node
//! follows, and the vectors held); a newer version drops everything kept. Answers are also
//! dropped after [`FRESH_FOR`], since some depend on the clock (an event starting, a call
//! closing).
//!
//! Only the routes in [`KEPT`] are kept, only for `GET`, only with status 200, and never
//! for a request that is signed in (a session cookie or an `Authorization` header) or an
//! answer that sets a cookie or says `private`/`no-store`. A page's forms carry the
//! visitor's CSRF token; the page is kept cut where it goes, and each reader gets their own.
//! The memory held is bounded ([`BYTES_MAX`]): the oldest answers go first.

use crate::auth::CsrfToken;
use axum::body::{to_bytes, Body, Bytes, HttpBody as _};
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The routes whose anonymous answers are the same for every reader.
const KEPT: &[&str] = &[
    "/{lang}",
    "/{lang}/",
    "/{lang}/about",
    "/{lang}/initiatives",
    "/{lang}/initiatives/{id}",
    "/{lang}/places",
    "/{lang}/places/{slug}",
    "/{lang}/calls",
    "/{lang}/calls/{call}",
    "/{lang}/calls/{call}/signatories",
    "/{lang}/calls/{call}/signatories/{slug}",
    "/{lang}/calls/{call}/feed.atom",
    "/{lang}/events",
    "/{lang}/events/past",
    "/{lang}/events/{id}",
    "/{lang}/feed.atom",
    "/api/v1/search",
    "/api/v1/suggest",
    "/api/v1/initiatives/{id}",
    "/api/v1/initiatives/{id}/similar",
    "/api/v1/places/{slug}/peers",
    "/api/v1/calls",
    "/api/v1/calls/{id}/signatories",
    "/api/v1/events",
    "/calendar.ics",
    "/events/{file}",
    "/sitemap.xml",
    "/sitemaps/{file}",
];

/// How long a kept answer may be sent without the data moving.
pub const FRESH_FOR: Duration = Duration::from_secs(30);
/// Answers larger than this are not kept.
const BODY_MAX: usize = 1024 * 1024;
/// The most memory the kept bodies may hold together.
const BYTES_MAX: usize = 64 * 1024 * 1024;
/// Says whether an answer came from memory (`hit`) or was rendered (`miss`).
pub const X_CACHE: &str = "x-cache";

struct Kept {
    headers: HeaderMap,
    /// The body, cut where the reader's CSRF token goes (one piece when it has none).
    pieces: Vec<Bytes>,
}

impl Kept {
    fn len(&self) -> usize {
        self.pieces.iter().map(Bytes::len).sum()
    }

    /// The body with `token` put back between the pieces.
    fn body(&self, token: &str) -> Body {
        match self.pieces.as_slice() {
            [one] => Body::from(one.clone()),
            pieces => {
                let mut body = Vec::with_capacity(self.len() + token.len() * (pieces.len() - 1));
                for (n, piece) in pieces.iter().enumerate() {
                    if n > 0 {
                        body.extend_from_slice(token.as_bytes());
                    }
                    body.extend_from_slice(piece);
                }
                Body::from(body)
            }
        }
    }
}

/// `body` cut at every occurrence of `token`.
fn cut(body: &Bytes, token: &str) -> Vec<Bytes> {
    let mut pieces = Vec::new();
    let mut rest = 0;
    let needle = token.as_bytes();
    let mut at = 0;
    while let Some(found) = body[at..].windows(needle.len()).position(|w| w == needle) {
        let start = at + found;
        pieces.push(body.slice(rest..start));
        rest = start + needle.len();
        at = rest;
    }
    pieces.push(body.slice(rest..));
    pieces
}

#[derive(Default)]
struct Inner {
    version: (i64, usize),
    /// Each answer with when it was rendered (or last found stale).
    answers: HashMap<String, (Instant, Arc<Kept>)>,
    /// Keys, oldest first, to drop when memory runs out.
    order: VecDeque<String>,
    bytes: usize,
    /// Answers being rendered now, with the readers waiting for them.
    rendering: HashMap<String, Arc<tokio::sync::Notify>>,
}

impl Inner {
    fn at_version(&mut self, version: (i64, usize)) {
        if self.version != version {
            self.version = version;
            self.answers.clear();
            self.order.clear();
            self.bytes = 0;
        }
    }

    fn insert(&mut self, key: String, kept: Kept, bytes_max: usize) {
        self.bytes += kept.len();
        if let Some((_, old)) = self.answers.insert(key.clone(), (Instant::now(), Arc::new(kept))) {
            self.bytes -= old.len();
        } else {
            self.order.push_back(key);
        }
        while self.bytes > bytes_max {
            let Some(oldest) = self.order.pop_front() else { break };
            if let Some((_, old)) = self.answers.remove(&oldest) {
                self.bytes -= old.len();
            }
        }
    }
}

/// A node's kept answers (one per process, shared by its threads).
#[derive(Clone)]
pub struct PageCache {
    inner: Arc<Mutex<Inner>>,
    fresh_for: Duration,
    bytes_max: usize,
}

impl Default for PageCache {
    fn default() -> PageCache {
        PageCache { inner: Arc::default(), fresh_for: FRESH_FOR, bytes_max: BYTES_MAX }
    }
}

impl PageCache {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The kept answer, or who renders it. Many readers of one page never render it at
    /// once: while one renders a page nobody has, the others wait for it; when a kept
    /// answer is older than [`FRESH_FOR`], one reader renders it again while the others
    /// are still sent the kept one (marked fresh for another period).
    fn lookup(&self, key: &str, version: (i64, usize)) -> Lookup {
        let mut inner = self.lock();
        inner.at_version(version);
        if let Some((at, kept)) = inner.answers.get_mut(key) {
            if at.elapsed() < self.fresh_for {
                return Lookup::Hit(kept.clone());
            }
            *at = Instant::now();
            return Lookup::Render(None);
        }
        if let Some(notify) = inner.rendering.get(key) {
            // Created under the lock, so the renderer's wake-up cannot be missed.
            return Lookup::Wait(notify.clone().notified_owned());
        }
        inner.rendering.insert(key.to_string(), Arc::new(tokio::sync::Notify::new()));
        Lookup::Render(Some(Rendering { cache: self.clone(), key: key.to_string() }))
    }

    #[cfg(test)]
    fn get(&self, key: &str, version: (i64, usize)) -> Option<Arc<Kept>> {
        match self.lookup(key, version) {
            Lookup::Hit(kept) => Some(kept),
            _ => None,
        }
    }

    /// Keeps an answer rendered at `version`, unless the data has moved since.
    fn put(&self, key: String, version: (i64, usize), kept: Kept) {
        let mut inner = self.lock();
        if inner.version == version {
            inner.insert(key, kept, self.bytes_max);
        }
    }
}

enum Lookup {
    Hit(Arc<Kept>),
    /// This reader renders the answer (and, with a guard, wakes those waiting for it).
    Render(Option<Rendering>),
    Wait(tokio::sync::futures::OwnedNotified),
}

/// Held while a reader renders an answer others wait for; dropped, it wakes them.
struct Rendering {
    cache: PageCache,
    key: String,
}

impl Drop for Rendering {
    fn drop(&mut self) {
        if let Some(notify) = self.cache.lock().rendering.remove(&self.key) {
            notify.notify_waiters();
        }
    }
}

/// The longest a reader waits for another to render the page it asked for.
const WAIT_MAX: Duration = Duration::from_secs(5);

fn anonymous(headers: &HeaderMap) -> bool {
    crate::auth::cookie(headers, crate::auth::SESSION_COOKIE).is_none()
        && !headers.contains_key(header::AUTHORIZATION)
}

fn keepable(response: &Response) -> bool {
    let headers = response.headers();
    let cache_control = headers.get(header::CACHE_CONTROL).and_then(|v| v.to_str().ok()).unwrap_or("");
    response.status() == StatusCode::OK
        && !headers.contains_key(header::SET_COOKIE)
        && !cache_control.contains("no-store")
        && !cache_control.contains("private")
        && response.body().size_hint().exact().is_some_and(|n| n as usize <= BODY_MAX)
}

fn answer(kept: &Kept, token: &str) -> Response {
    let mut response = Response::new(kept.body(token));
    *response.headers_mut() = kept.headers.clone();
    response.headers_mut().insert(HeaderName::from_static(X_CACHE), HeaderValue::from_static("hit"));
    response
}

/// What the page cache needs of the application: cheap to clone for every request.
#[derive(Clone)]
pub struct KeptState {
    pub pages: PageCache,
    pub catalogue: praxis_app::SharedCatalogue,
}

/// Route layer: answers a kept route from memory when it can, and keeps what it renders.
pub async fn serve(State(state): State<KeptState>, request: Request, next: Next) -> Response {
    let kept_route = request.extensions().get::<MatchedPath>().is_some_and(|p| KEPT.contains(&p.as_str()));
    if request.method() != Method::GET || !kept_route || !anonymous(request.headers()) {
        return next.run(request).await;
    }
    let key =
        request.uri().path_and_query().map_or_else(|| request.uri().path().to_string(), |pq| pq.to_string());
    // Every page request has one (`auth::csrf_cookie` runs first); only pages have forms.
    let token = request.extensions().get::<CsrfToken>().map(|t| t.0.clone()).unwrap_or_default();
    let version = state.catalogue.version();
    let mut lookup = state.pages.lookup(&key, version);
    if let Lookup::Wait(rendered) = lookup {
        let _ = tokio::time::timeout(WAIT_MAX, rendered).await;
        lookup = match state.pages.lookup(&key, version) {
            // Not kept after all (an error, say): render it here rather than wait again.
            Lookup::Wait(_) => Lookup::Render(None),
            again => again,
        };
    }
    let _rendering = match lookup {
        Lookup::Hit(kept) => {
            metrics::counter!(crate::metrics::KEPT_PAGES, "result" => "hit").increment(1);
            return answer(&kept, &token);
        }
        Lookup::Render(guard) => guard,
        Lookup::Wait(_) => None,
    };
    let response = next.run(request).await;
    if !keepable(&response) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, BODY_MAX).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "the answer could not be read").into_response();
    };
    let html = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    // A token is long and random: it cannot occur in a page by chance.
    let pieces = if html && token.len() >= 32 { cut(&bytes, &token) } else { vec![bytes.clone()] };
    metrics::counter!(crate::metrics::KEPT_PAGES, "result" => "miss").increment(1);
    state.pages.put(key, version, Kept { headers: parts.headers.clone(), pieces });
    parts.headers.insert(HeaderName::from_static(X_CACHE), HeaderValue::from_static("miss"));
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    fn kept(text: &'static str) -> Kept {
        Kept { headers: HeaderMap::new(), pieces: vec![Bytes::from_static(text.as_bytes())] }
    }

    /// As a reader does: looks first (which settles the version), then keeps what it rendered.
    fn keep(cache: &PageCache, key: &str, version: (i64, usize), text: &'static str) {
        let _rendering = cache.lookup(key, version);
        cache.put(key.to_string(), version, kept(text));
    }

    async fn text(body: Body) -> String {
        String::from_utf8(body.collect().await.unwrap().to_bytes().to_vec()).unwrap()
    }

    #[tokio::test]
    async fn the_token_goes_back_wherever_it_was() {
        let token = "t".repeat(40);
        let page = Bytes::from(format!("<input value=\"{token}\"><p>x</p><input value=\"{token}\">"));
        let pieces = cut(&page, &token);
        assert_eq!(pieces.len(), 3);
        let kept = Kept { headers: HeaderMap::new(), pieces };
        let other = "o".repeat(40);
        assert_eq!(
            text(kept.body(&other)).await,
            format!("<input value=\"{other}\"><p>x</p><input value=\"{other}\">")
        );
        assert_eq!(cut(&Bytes::from_static(b"no token"), &token).len(), 1);
    }

    #[test]
    fn a_new_version_drops_everything_kept() {
        let cache = PageCache::default();
        keep(&cache, "/en/initiatives", (1, 0), "one");
        assert!(cache.get("/en/initiatives", (1, 0)).is_some());
        assert!(cache.get("/en/initiatives", (2, 0)).is_none());
        assert!(cache.get("/en/initiatives", (1, 0)).is_none(), "not brought back by an older version");
    }

    #[test]
    fn a_stale_answer_is_rendered_again_by_one_reader_while_the_others_get_it() {
        let cache = PageCache { fresh_for: Duration::from_millis(20), ..PageCache::default() };
        keep(&cache, "/p", (1, 0), "page");
        std::thread::sleep(Duration::from_millis(30));
        assert!(cache.get("/p", (1, 0)).is_none(), "the first to find it stale renders it");
        assert!(cache.get("/p", (1, 0)).is_some(), "the others are still answered");
    }

    #[tokio::test]
    async fn readers_of_a_page_being_rendered_wait_for_it_instead_of_rendering_it_too() {
        let cache = PageCache::default();
        let Lookup::Render(Some(rendering)) = cache.lookup("/p", (1, 0)) else { panic!("the first renders") };
        let Lookup::Wait(waiting) = cache.lookup("/p", (1, 0)) else { panic!("the second waits") };
        let reader = tokio::spawn(async move {
            waiting.await;
        });
        cache.put("/p".into(), (1, 0), kept("page"));
        drop(rendering);
        tokio::time::timeout(Duration::from_secs(1), reader).await.unwrap().unwrap();
        assert!(cache.get("/p", (1, 0)).is_some(), "the waiting reader finds it kept");
        // An answer rendered for data that has moved since is not kept.
        let _ = cache.lookup("/q", (2, 0));
        cache.put("/q".into(), (1, 0), kept("old"));
        assert!(cache.get("/q", (2, 0)).is_none());
    }

    #[test]
    fn memory_is_bounded_and_the_oldest_go_first() {
        let cache = PageCache { bytes_max: 10, ..PageCache::default() };
        keep(&cache, "/a", (1, 0), "aaaa");
        keep(&cache, "/b", (1, 0), "bbbb");
        keep(&cache, "/c", (1, 0), "cccc");
        assert!(cache.get("/a", (1, 0)).is_none());
        assert!(cache.get("/b", (1, 0)).is_some() && cache.get("/c", (1, 0)).is_some());
        assert!(cache.lock().bytes <= 10);
    }
}
