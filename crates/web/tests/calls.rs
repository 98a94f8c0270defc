//! Calls to action over HTTP, in-process: the pages in every language, the register's
//! views agreeing with each other, open data, drafts and personal data kept private.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use praxis_domain::{CallsFile, Lang, SignatureInput, SignatureRequest};
use praxis_store::{Store, StoreConfig};
use praxis_web::{router, AppState};
use serde_json::Value;
use tower::ServiceExt;

const CALL: &str = "metropolitan-communities-2030";

struct App {
    router: Router,
    state: AppState,
    _dir: tempfile::TempDir,
}

fn demo_calls() -> CallsFile {
    serde_json::from_str(include_str!("../../../data/demo/calls.json")).unwrap()
}

async fn app() -> App {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&StoreConfig::DataFolder(dir.path().to_path_buf())).await.unwrap();
    store.load_calls(&demo_calls(), "test").await.unwrap();
    let state = AppState::load(store).await.unwrap();
    App { router: router(state.clone()), state, _dir: dir }
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

async fn send(app: &App, request: Request<Body>) -> Reply {
    let response = app.router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Reply { status, headers, body: String::from_utf8(bytes.to_vec()).unwrap() }
}

async fn get(app: &App, uri: &str) -> Reply {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

/// No key of the calls' Fluent file may show as visible text or an attribute.
fn assert_translated(page: &str, uri: &str) {
    for line in include_str!("../locales/en/calls.ftl").lines() {
        if line.starts_with([' ', '#']) || !line.contains(" =") {
            continue;
        }
        let key = line.split(" =").next().unwrap();
        assert!(!page.contains(&format!(">{key}<")), "{uri} shows the raw key {key}");
        assert!(!page.contains(&format!("\"{key}\"")), "{uri} has the raw key {key} in an attribute");
    }
}

/// Counts of the register as each view reports it.
async fn views(app: &App, query: &str) -> (usize, usize, usize, usize, usize) {
    let page = get(app, &format!("/en/calls/{CALL}/signatories{query}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let list = page.body.matches(r#"<li class="signatory">"#).count();
    let dots = page.body.matches(r#"<circle class="dot""#).count();
    let csv = get(app, &format!("/api/v1/calls/{CALL}/signatories?format=csv")).await;
    let csv_rows = csv.body.lines().count() - 1;
    let json = get(app, &format!("/api/v1/calls/{CALL}/signatories")).await.json();
    let feed = get(app, &format!("/en/calls/{CALL}/feed.atom")).await;
    let entries = feed.body.matches("<entry>").count();
    (list, dots, csv_rows, json.as_array().unwrap().len(), entries)
}

#[tokio::test]
async fn the_call_and_its_register_read_in_every_language() {
    let app = app().await;
    let file = demo_calls();
    let call = &file.calls[0];
    for lang in Lang::ALL {
        let code = lang.code();
        for uri in [
            format!("/{code}/calls"),
            format!("/{code}/calls/{CALL}"),
            format!("/{code}/calls/{CALL}/signatories"),
            format!("/{code}/calls/{CALL}/signatories?type=metropolitan-government&point=green"),
            format!("/{code}/calls/{CALL}/signatories/metropole-de-lyon"),
        ] {
            let page = get(&app, &uri).await;
            assert_eq!(page.status, StatusCode::OK, "{uri}: {}", page.body);
            assert!(page.body.contains(&format!("<html lang=\"{code}\">")), "{uri}");
            assert_translated(&page.body, &uri);
        }
        let page = get(&app, &format!("/{code}/calls/{CALL}")).await;
        let title = call.title.get(lang).unwrap();
        assert!(page.body.contains(title), "{code}: the title in its own language");
        for point in &call.working_points {
            let text = praxis_domain::text::escape_markup(point.text.get(lang).unwrap());
            assert!(page.body.contains(&text), "{code}: working point {}", point.id);
        }
    }
    let fr = get(&app, &format!("/fr/calls/{CALL}")).await;
    assert!(fr.body.contains("Rejoindre l'appel") || fr.body.contains("Rejoindre l&#x27;appel"));
    let lyon = get(&app, &format!("/en/calls/{CALL}/signatories/metropole-de-lyon")).await;
    assert!(lyon.body.contains("/en/initiatives/demo-fr-004") || lyon.body.contains("Commitments"));
    assert!(lyon.body.contains("badge.svg"));
}

#[tokio::test]
async fn count_list_map_csv_json_and_feed_agree() {
    let app = app().await;
    let total = demo_calls().signatories.len();
    let (list, dots, csv, json, feed) = views(&app, "").await;
    assert_eq!((list, csv, json, feed), (total, total, total, total));
    assert_eq!(dots, total, "every demo signatory is placed on the map");
    let page = get(&app, &format!("/en/calls/{CALL}/signatories")).await;
    assert!(page.body.contains(&format!("{total} signatories")), "the count says {total}");
    let api = get(&app, "/api/v1/calls").await.json();
    assert_eq!(api[0]["signatories"], total);
    assert_eq!(api[0]["id"], CALL);
    assert!(api[0]["working_points"].as_array().unwrap().len() >= 6);
    assert!(api[0]["title"]["fr"].is_string());

    // A filter narrows list and map alike.
    let filtered = get(&app, &format!("/en/calls/{CALL}/signatories?type=regional-government")).await;
    let expected = demo_calls().signatories.iter().filter(|s| s.kind.id() == "regional-government").count();
    assert_eq!(filtered.body.matches(r#"<li class="signatory">"#).count(), expected);
    assert_eq!(filtered.body.matches(r#"<circle class="dot""#).count(), expected);
    assert!(filtered.body.contains(&format!("{expected} shown")));

    // A new signatory shows everywhere at once.
    let input = SignatureInput {
        institution: "Área Metropolitana del Valle de Aburrá".into(),
        kind: "metropolitan-government".into(),
        city: "Medellín".into(),
        country: "CO".into(),
        representative_name: "Secret Person".into(),
        representative_role: "Directora".into(),
        email: "secret.person@example.org".into(),
        working_points: vec!["green".into(), "safe".into()],
        consent: true,
    };
    let call = app.state.store.call(CALL).await.unwrap().unwrap().record;
    let request = SignatureRequest::parse(&input, &call, Lang::Es).unwrap();
    let new = app.state.store.request_signature(CALL, &request, "test").await.unwrap();
    assert_eq!(views(&app, "").await.0, total, "an unconfirmed request is not public");
    app.state.store.confirm_request(&new.token).await.unwrap();
    assert_eq!(views(&app, "").await.2, total, "a confirmed request is not public either");
    app.state.store.verify_request(new.id, "editor").await.unwrap();
    let (list, dots, csv, json, feed) = views(&app, "").await;
    assert_eq!((list, dots, csv, json, feed), (total + 1, total + 1, total + 1, total + 1, total + 1));
    let csv = get(&app, &format!("/api/v1/calls/{CALL}/signatories?format=csv")).await;
    assert_eq!(csv.headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert!(csv.body.contains("Área Metropolitana del Valle de Aburrá,metropolitan-government,Medellín,CO,"));
    assert!(csv.body.starts_with("name,type,city,country,joined,working_points\r\n"));

    // Personal data is never public.
    for uri in [
        format!("/en/calls/{CALL}/signatories"),
        format!("/es/calls/{CALL}/signatories/area-metropolitana-del-valle-de-abura"),
        format!("/es/calls/{CALL}/signatories/area-metropolitana-del-valle-de-aburra"),
        format!("/en/calls/{CALL}/feed.atom"),
        format!("/api/v1/calls/{CALL}/signatories"),
        format!("/api/v1/calls/{CALL}/signatories?format=csv"),
        "/api/v1/calls".to_string(),
    ] {
        let reply = get(&app, &uri).await;
        assert!(
            !reply.body.contains("secret.person") && !reply.body.contains("Secret Person"),
            "{uri} leaks"
        );
    }
}

#[tokio::test]
async fn the_register_json_follows_the_contract() {
    let app = app().await;
    let json = get(&app, &format!("/api/v1/calls/{CALL}/signatories")).await.json();
    let first = &json[0];
    let mut keys: Vec<&str> = first.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["city", "country", "joined", "name", "type", "working_points"]);
    assert_eq!(first["name"], "Métropole de Lyon");
    assert_eq!(first["joined"], "2026-02-03");
    assert_eq!(first["type"], "metropolitan-government");
    let missing = get(&app, "/api/v1/calls/no-such-call/signatories").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.json()["error"]["code"], "not_found");
    let bad = get(&app, &format!("/api/v1/calls/{CALL}/signatories?format=xml")).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let openapi = get(&app, "/api/v1/openapi.json").await.json();
    assert!(openapi["paths"]["/api/v1/calls"].is_object());
    assert!(openapi["paths"]["/api/v1/calls/{id}/signatories"].is_object());
}

#[tokio::test]
async fn drafts_are_not_public() {
    let app = app().await;
    let mut draft = demo_calls().calls[0].clone();
    draft.id = "draft-call".into();
    draft.status = praxis_domain::CallStatus::Draft;
    app.state.store.save_call(&draft, "editor").await.unwrap();
    assert_eq!(get(&app, "/en/calls/draft-call").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, "/en/calls/draft-call/signatories").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, "/api/v1/calls/draft-call/signatories").await.status, StatusCode::NOT_FOUND);
    let api = get(&app, "/api/v1/calls").await.json();
    assert_eq!(api.as_array().unwrap().len(), 1);
    assert!(!get(&app, "/en/calls").await.body.contains("draft-call"));
}

#[tokio::test]
async fn badges_feeds_and_assets() {
    let app = app().await;
    let badge = get(&app, &format!("/fr/calls/{CALL}/signatories/metropole-de-lyon/badge.svg")).await;
    assert_eq!(badge.status, StatusCode::OK);
    assert_eq!(badge.headers[header::CONTENT_TYPE], "image/svg+xml; charset=utf-8");
    assert!(badge.body.contains("Signataire de l&#x27;appel") && badge.body.contains("Métropole de Lyon"));
    let feed = get(&app, &format!("/es/calls/{CALL}/feed.atom")).await;
    assert_eq!(feed.headers[header::CONTENT_TYPE], "application/atom+xml; charset=utf-8");
    assert!(feed.body.contains("se ha sumado al llamado"));
    let page = get(&app, &format!("/en/calls/{CALL}/signatories")).await;
    let world = page.body.split("<image href=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    let map = get(&app, &world).await;
    assert_eq!(map.status, StatusCode::OK);
    assert!(map.body.contains("Natural Earth"));
    let css = page.body.split("href=\"/assets/calls/calls-").nth(1).unwrap().split('"').next().unwrap();
    assert_eq!(get(&app, &format!("/assets/calls/calls-{css}")).await.status, StatusCode::OK);
}
