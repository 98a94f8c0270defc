//! The one test application the HTTP suites share: a store in a temporary folder with
//! the bundled demo initiatives, the very router `praxis serve` runs, and helpers to send
//! requests and read the outbox.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use praxis_domain::InitiativeRecord;
use praxis_store::{Store, StoreConfig};
use praxis_web::{router, AppState};
use serde_json::Value;
use tower::ServiceExt;

pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    pub dir: tempfile::TempDir,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// The CSRF value test forms send, as cookie and field.
pub const CSRF: &str = "test-csrf-value-0123456789abcdef0123456789";

/// Every language of the registry.
pub fn langs() -> Vec<&'static str> {
    praxis_domain::Lang::all().iter().map(|l| l.code()).collect()
}

/// The demo initiatives of the languages named (`data/demo/initiatives-CODE.jsonl`).
pub fn demo_records(codes: &[&str]) -> Vec<InitiativeRecord> {
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/demo");
    codes
        .iter()
        .flat_map(|code| {
            let text = std::fs::read_to_string(demo.join(format!("initiatives-{code}.jsonl"))).unwrap();
            text.lines().filter(|l| !l.trim().is_empty()).map(str::to_string).collect::<Vec<_>>()
        })
        .map(|l| InitiativeRecord::from_json(&serde_json::from_str(&l).unwrap()).unwrap().record)
        .collect()
}

impl TestApp {
    /// A site holding the demo initiatives of these languages.
    pub async fn with_demo(codes: &[&str]) -> TestApp {
        TestApp::with_records(&demo_records(codes)).await
    }

    /// A site holding these initiatives.
    pub async fn with_records(records: &[InitiativeRecord]) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&StoreConfig::DataFolder(dir.path().to_path_buf())).await.unwrap();
        store.import(records, "test", &|_| {}).await.unwrap();
        let state = AppState::load(store).await.unwrap().with_data_dir(dir.path().to_path_buf());
        TestApp { router: router(state.clone()), state, dir }
    }

    pub fn store(&self) -> &Store {
        &self.state.store
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Reply { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }

    pub async fn get_with(&self, uri: &str, accept_language: Option<&str>) -> Reply {
        let mut request = Request::get(uri);
        if let Some(al) = accept_language {
            request = request.header(header::ACCEPT_LANGUAGE, al);
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }

    pub async fn get(&self, uri: &str) -> Reply {
        self.get_with(uri, None).await
    }

    /// A page as a signed-in session (or a visitor) sees it.
    pub async fn get_as(&self, uri: &str, session: Option<&str>) -> Reply {
        let mut request = Request::get(uri);
        if let Some(s) = session {
            request = request.header(header::COOKIE, format!("praxis_session={s}"));
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }

    /// A form sent from a page: the CSRF value as cookie and field, and the session.
    pub async fn post_form(&self, uri: &str, fields: &[(&str, &str)], session: Option<&str>) -> Reply {
        let mut form = form_urlencoded::Serializer::new(String::new());
        form.append_pair("csrf", CSRF);
        for (k, v) in fields {
            form.append_pair(k, v);
        }
        let mut cookie = format!("praxis_csrf={CSRF}");
        if let Some(s) = session {
            cookie.push_str(&format!("; praxis_session={s}"));
        }
        let request = Request::post(uri)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, cookie)
            .body(Body::from(form.finish()))
            .unwrap();
        self.send(request).await
    }

    /// A JSON request with a bearer token.
    pub async fn api(&self, method: &str, uri: &str, token: Option<&str>, body: Option<&Value>) -> Reply {
        let mut request = Request::builder().method(method).uri(uri);
        if let Some(t) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        let body = match body {
            Some(b) => {
                request = request.header(header::CONTENT_TYPE, "application/json");
                Body::from(serde_json::to_vec(b).unwrap())
            }
            None => Body::empty(),
        };
        self.send(request.body(body).unwrap()).await
    }

    /// Every message in the outbox, oldest first (file names sort by time).
    pub fn outbox(&self) -> Vec<String> {
        let mut files: Vec<_> = std::fs::read_dir(self.dir.path().join("outbox"))
            .map(|d| d.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default();
        files.sort();
        files.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect()
    }
}

/// Undoes quoted-printable and base64 bodies, so tests can look for words and links.
pub fn decode_mail(raw: &str) -> String {
    let mut out = String::from(raw);
    for part in raw.split("Content-Transfer-Encoding: ").skip(1) {
        let encoding = part.split("\r\n").next().unwrap_or("");
        let body = part.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
        let body = body.split("\r\n--").next().unwrap_or("");
        match encoding.trim() {
            "base64" => {
                let text: String = body.split_whitespace().collect();
                out.push('\n');
                out.push_str(&String::from_utf8_lossy(&base64_decode(&text)));
            }
            "quoted-printable" => {
                out.push('\n');
                out.push_str(&quoted_printable(body));
            }
            _ => {}
        }
    }
    out
}

fn base64_decode(s: &str) -> Vec<u8> {
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::new();
    for c in s.bytes().filter(|c| *c != b'=') {
        let Some(v) = alphabet.iter().position(|a| *a == c) else { continue };
        bits = (bits << 6) | v as u32;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
        }
    }
    out
}

/// Undoes quoted-printable (RFC 2045) text, soft line breaks included.
pub fn quoted_printable(text: &str) -> String {
    let joined = text.replace("=\r\n", "").replace("=\n", "");
    let b = joined.as_bytes();
    let mut bytes = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&joined[i + 1..i + 3], 16) {
                bytes.push(v);
                i += 3;
                continue;
            }
        }
        bytes.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&bytes).into_owned()
}
