//! The write API of CONTRACT.md: who may create, publish and read revisions.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use praxis_domain::Role;
use praxis_store::{Store, StoreConfig};
use praxis_web::{router, AppState};
use serde_json::{json, Value};
use tower::ServiceExt;

struct App {
    router: axum::Router,
    store: Store,
    member: String,
    other: String,
    editor: String,
    _dir: tempfile::TempDir,
}

async fn app() -> App {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&StoreConfig::DataFolder(dir.path().to_path_buf())).await.unwrap();
    let state = AppState::load(store.clone()).await.unwrap().with_data_dir(dir.path().to_path_buf());
    let token = |id: i64| {
        let store = store.clone();
        async move { store.create_api_token(id, "test").await.unwrap() }
    };
    let member = token(
        store
            .upsert_user("ana@rosario.gob.ar", "Ana", Role::Member, Some("Municipalidad de Rosario"))
            .await
            .unwrap(),
    )
    .await;
    let other = token(
        store
            .upsert_user("li@wuhan.gov.cn", "Li", Role::Member, Some("Wuhan Municipal Government"))
            .await
            .unwrap(),
    )
    .await;
    let editor = token(store.upsert_user("ed@network.org", "Ed", Role::Editor, None).await.unwrap()).await;
    App { router: router(state), store, member, other, editor, _dir: dir }
}

fn record(id: &str) -> Value {
    json!({
        "id": id,
        "language": "es",
        "title": {"es": "Presupuesto participativo joven en los distritos"},
        "summary": {"es": "Jóvenes de 13 a 18 años deciden una parte del presupuesto de su distrito."},
        "city": "Rosario",
        "country": "AR",
        "organisation": "Municipalidad de Rosario",
        "themes": ["governance-participation"],
        "kind": "program"
    })
}

async fn call(
    app: &App,
    method: &str,
    uri: &str,
    token: Option<&str>,
    body: Option<Vec<u8>>,
) -> (StatusCode, Value) {
    let mut request = Request::builder().method(method).uri(uri);
    if let Some(t) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    let body = match body {
        Some(b) => {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(b)
        }
        None => Body::empty(),
    };
    let response = app.router.clone().oneshot(request.body(body).unwrap()).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

fn bytes(v: &Value) -> Option<Vec<u8>> {
    Some(serde_json::to_vec(v).unwrap())
}

#[tokio::test]
async fn a_member_submits_and_an_editor_publishes() {
    let app = app().await;
    let (status, body) =
        call(&app, "POST", "/api/v1/initiatives", Some(&app.member), bytes(&record("ros-1"))).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["status"], "submitted");

    // Submitted is not public: neither the record nor search shows it.
    let (status, _) = call(&app, "GET", "/api/v1/initiatives/ros-1", None, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, found) = call(&app, "GET", "/api/v1/search?q=presupuesto", None, None).await;
    assert_eq!(found["total"], 0);

    // Only editors publish.
    let (status, _) = call(&app, "POST", "/api/v1/initiatives/ros-1/publish", Some(&app.member), None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = call(&app, "POST", "/api/v1/initiatives/ros-1/publish", None, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, body) =
        call(&app, "POST", "/api/v1/initiatives/ros-1/publish", Some(&app.editor), None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = call(&app, "GET", "/api/v1/initiatives/ros-1", None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "published");
    let (_, found) = call(&app, "GET", "/api/v1/search?q=presupuesto", None, None).await;
    assert_eq!(found["total"], 1, "published initiatives are searchable at once");

    // Revisions: the owning organisation and editors, oldest first, with authors.
    let (status, revisions) =
        call(&app, "GET", "/api/v1/initiatives/ros-1/revisions", Some(&app.member), None).await;
    assert_eq!(status, StatusCode::OK);
    let revisions = revisions.as_array().unwrap();
    assert_eq!(revisions.len(), 2);
    assert_eq!(revisions[0]["author"], "ana@rosario.gob.ar");
    assert_eq!(revisions[1]["author"], "ed@network.org");
    assert_eq!(revisions[0]["record"]["status"], "submitted");
    let (status, _) = call(&app, "GET", "/api/v1/initiatives/ros-1/revisions", Some(&app.other), None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = call(&app, "GET", "/api/v1/initiatives/ros-1/revisions", Some(&app.editor), None).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = call(&app, "GET", "/api/v1/initiatives/ros-1/revisions", None, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let audit = app.store.audit_log(Some(("initiative", "ros-1")), 10).await.unwrap();
    assert_eq!(audit[0].action, "initiative.publish");
    assert_eq!(audit[0].actor, "ed@network.org");
}

#[tokio::test]
async fn members_write_only_for_their_organisation() {
    let app = app().await;
    let (status, _) =
        call(&app, "POST", "/api/v1/initiatives", Some(&app.other), bytes(&record("ros-2"))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = call(&app, "POST", "/api/v1/initiatives", None, bytes(&record("ros-2"))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) =
        call(&app, "POST", "/api/v1/initiatives", Some("praxis_not-a-token"), bytes(&record("ros-2"))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(app.store.initiative("ros-2").await.unwrap().is_none(), "nothing stored");

    // An editor's record is stored as given (published by default); a member of another
    // organisation cannot overwrite it.
    let (status, body) =
        call(&app, "POST", "/api/v1/initiatives", Some(&app.editor), bytes(&record("ros-3"))).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(body["status"], "published");
    let mut changed = record("ros-3");
    changed["organisation"] = json!("Wuhan Municipal Government");
    let (status, _) = call(&app, "POST", "/api/v1/initiatives", Some(&app.other), bytes(&changed)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(app.store.revisions("ros-3").await.unwrap().len(), 1);
}

#[tokio::test]
async fn bad_records_are_refused_with_every_field_and_nothing_stored() {
    let app = app().await;
    let mut bad = record("ros-4");
    bad["title"] = json!({"es": "x".repeat(1_000_000)});
    bad["themes"] = json!(["no-such-theme"]);
    bad["country"] = json!("ZZ");
    let (status, body) = call(&app, "POST", "/api/v1/initiatives", Some(&app.member), bytes(&bad)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["code"], "invalid_record");
    let fields = body["error"]["fields"].as_object().unwrap();
    for field in ["title.es", "themes[0]", "country"] {
        assert!(fields.keys().any(|k| k.starts_with(field)), "{field} missing in {fields:?}");
    }
    let (status, body) =
        call(&app, "POST", "/api/v1/initiatives", Some(&app.member), Some(b"{not json".to_vec())).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, _) =
        call(&app, "POST", "/api/v1/initiatives", Some(&app.member), Some(vec![b' '; 2 * 1024 * 1024])).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(app.store.initiative("ros-4").await.unwrap().is_none());
}

#[tokio::test]
async fn a_revoked_token_stops_working() {
    let app = app().await;
    let user = app.store.user_by_email("ana@rosario.gob.ar").await.unwrap().unwrap();
    let tokens = app.store.api_tokens_of(user.id).await.unwrap();
    app.store.revoke_api_token(user.id, tokens[0].id).await.unwrap();
    let (status, _) =
        call(&app, "POST", "/api/v1/initiatives", Some(&app.member), bytes(&record("ros-5"))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}
