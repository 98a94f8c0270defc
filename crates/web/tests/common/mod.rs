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
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&StoreConfig::DataFolder(dir.path().to_path_buf())).await.unwrap();
        store.import(&demo_records(codes), "test", &|_| {}).await.unwrap();
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
