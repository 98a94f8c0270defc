//! The write API of CONTRACT.md: who may create, publish and read revisions.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::TestApp;
use http_body_util::BodyExt;
use praxis_domain::Role;
use serde_json::{json, Value};
use tower::ServiceExt;

struct App {
    app: TestApp,
    member: String,
    other: String,
    editor: String,
}

/// The shared test application, with three accounts' API tokens.
impl std::ops::Deref for App {
    type Target = TestApp;
    fn deref(&self) -> &TestApp {
        &self.app
    }
}

async fn app() -> App {
    let app = TestApp::with_demo(&[]).await;
    let store = app.store().clone();
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
    App { app, member, other, editor }
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

    let audit = app.store().audit_log(Some(("initiative", "ros-1")), 10).await.unwrap();
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
    assert!(app.store().initiative("ros-2").await.unwrap().is_none(), "nothing stored");

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
    assert_eq!(app.store().revisions("ros-3").await.unwrap().len(), 1);
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
    assert!(app.store().initiative("ros-4").await.unwrap().is_none());
}

#[tokio::test]
async fn a_revoked_token_stops_working() {
    let app = app().await;
    let user = app.store().user_by_email("ana@rosario.gob.ar").await.unwrap().unwrap();
    let tokens = app.store().api_tokens_of(user.id).await.unwrap();
    app.store().revoke_api_token(user.id, tokens[0].id).await.unwrap();
    let (status, _) =
        call(&app, "POST", "/api/v1/initiatives", Some(&app.member), bytes(&record("ros-5"))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

/// A signed-in browser: session and CSRF cookies for form posts.
async fn session(app: &App, email: &str) -> (String, String) {
    let user = app.store().user_by_email(email).await.unwrap().unwrap();
    let token = app.store().create_session(user.id).await.unwrap();
    let csrf = "c".repeat(43);
    (format!("praxis_session={token}; praxis_csrf={csrf}"), csrf)
}

async fn page(
    app: &App,
    method: &str,
    uri: &str,
    cookie: &str,
    form: Option<String>,
) -> (StatusCode, String, String) {
    let mut request = Request::builder().method(method).uri(uri).header(header::COOKIE, cookie);
    let body = match form {
        Some(f) => {
            request = request.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
            Body::from(f)
        }
        None => Body::empty(),
    };
    let response = app.router.clone().oneshot(request.body(body).unwrap()).await.unwrap();
    let status = response.status();
    let location =
        response.headers().get(header::LOCATION).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned(), location)
}

#[tokio::test]
async fn editors_review_on_their_desk_and_the_history_shows_every_change() {
    let app = app().await;
    let (status, _) =
        call(&app, "POST", "/api/v1/initiatives", Some(&app.member), bytes(&record("ros-6"))).await;
    assert_eq!(status, StatusCode::CREATED);
    let (editor, csrf) = session(&app, "ed@network.org").await;
    let (member, _) = session(&app, "ana@rosario.gob.ar").await;

    let (status, html, _) = page(&app, "GET", "/es/editor", &editor, None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Presupuesto participativo joven"), "the submission waits on the desk");
    let (status, _, _) = page(&app, "GET", "/es/editor", &member, None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Sending back needs a comment; a forged CSRF field changes nothing.
    let (status, _, location) = page(
        &app,
        "POST",
        "/es/editor/initiatives/ros-6/decision",
        &editor,
        Some(format!("csrf={csrf}&decision=return&comment=")),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.contains("missing=ros-6"));
    let (status, _, _) = page(
        &app,
        "POST",
        "/es/editor/initiatives/ros-6/decision",
        &editor,
        Some("csrf=forged-forged-forged-forged-forged-forged&decision=publish".into()),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(app.store().revisions("ros-6").await.unwrap().len(), 1);

    let (status, _, _) = page(
        &app,
        "POST",
        "/es/editor/initiatives/ros-6/decision",
        &editor,
        Some(format!("csrf={csrf}&decision=return&comment=A%C3%B1adan+el+presupuesto+total")),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(app.store().initiative("ros-6").await.unwrap().unwrap().record.status.id(), "draft");

    // The member is told, in their language, with the comment.
    let outbox = app_outbox(&app);
    let mail = outbox.iter().find(|m| m.contains("ana@rosario.gob.ar")).expect("a mail to the author");
    assert!(mail.contains("presupuesto total") || mail.contains("presupuesto=20total"), "{mail}");

    // The member fixes it; the history shows the difference; the editor publishes.
    let mut fixed = record("ros-6");
    fixed["summary"] =
        json!({"es": "Jóvenes de 13 a 18 años deciden el 10 % del presupuesto de su distrito."});
    let (status, _) = call(&app, "POST", "/api/v1/initiatives", Some(&app.member), bytes(&fixed)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, html, _) = page(&app, "GET", "/es/initiatives/ros-6/history", &member, None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<ins>el 10 % del </ins>") || html.contains("<ins>"), "{html}");
    // Named in the reader's words (Spanish here), before and after apart.
    assert!(html.contains("data-field=\"summary.es\">Resumen · Español</dt>"), "{html}");
    let after = html.split("class=\"after\"").nth(1).unwrap_or("");
    let before = html.split("class=\"before\"").nth(1).unwrap_or("");
    assert!(
        after.split("</div>").next().unwrap().contains("<ins>")
            && !after.split("</div>").next().unwrap().contains("<del>")
    );
    assert!(!before.split("</div>").next().unwrap().contains("<ins>"));
    let (other, _) = session(&app, "li@wuhan.gov.cn").await;
    let (status, _, _) = page(&app, "GET", "/es/initiatives/ros-6/history", &other, None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = page(
        &app,
        "POST",
        "/es/editor/initiatives/ros-6/decision",
        &editor,
        Some(format!("csrf={csrf}&decision=publish&comment=")),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _) = call(&app, "GET", "/api/v1/initiatives/ros-6", None, None).await;
    assert_eq!(status, StatusCode::OK);

    // Restoring revision 1 makes a new revision; nothing is lost.
    let (status, _, _) =
        page(&app, "POST", "/es/initiatives/ros-6/history/1/restore", &editor, Some(format!("csrf={csrf}")))
            .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let revisions = app.store().revisions("ros-6").await.unwrap();
    assert_eq!(revisions.len(), 5);
    assert_eq!(revisions[4].record, revisions[0].record);
    let (status, _, _) =
        page(&app, "POST", "/es/initiatives/ros-6/history/1/restore", &member, Some(format!("csrf={csrf}")))
            .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let actions: Vec<String> = app
        .store()
        .audit_log(Some(("initiative", "ros-6")), 10)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(actions, ["initiative.restore", "initiative.publish", "initiative.return"]);
}

fn app_outbox(app: &App) -> Vec<String> {
    app.outbox()
}

/// A multipart body: text fields, then files (name, bytes).
fn multipart(fields: &[(&str, &str)], files: &[(&str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "praxis-test-boundary-7d41";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    for (filename, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn post_multipart(
    app: &App,
    uri: &str,
    cookie: &str,
    content_type: &str,
    body: Vec<u8>,
) -> (StatusCode, String, String) {
    let request = Request::post(uri)
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap();
    let response = app.router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let location =
        response.headers().get(header::LOCATION).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned(), location)
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00";

#[tokio::test]
async fn the_form_keeps_what_was_typed_refuses_bad_input_and_stores_nothing() {
    let app = app().await;
    let (member, csrf) = session(&app, "ana@rosario.gob.ar").await;
    let (status, html, _) = page(&app, "GET", "/es/initiatives/new", &member, None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Municipalidad de Rosario"), "the member writes for their organisation");
    let long_title = "T".repeat(1_000_000);
    let base = [
        ("csrf", csrf.as_str()),
        ("language", "es"),
        ("summary_es", "Jóvenes deciden una parte del presupuesto."),
        ("body_es", "Hola <script>alert('x')</script> **mundo**"),
        ("city", "Rosario"),
        ("country", "AR"),
        ("organisation", "Municipalidad de Rosario"),
        ("kind", "program"),
        ("themes", "governance-participation"),
        ("links", "javascript:alert(1) Mal"),
        ("action", "submit"),
    ];
    let mut fields = base.to_vec();
    fields.push(("title_es", &long_title));
    let (ct, body) = multipart(&fields, &[("informe.pdf", b"<html>not a pdf</html>")]);
    let (status, html, _) = post_multipart(&app, "/es/initiatives/new", &member, &ct, body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("id=\"f-title_es-error\""), "the title's problem is next to it");
    assert!(html.contains("id=\"f-links-error\""));
    assert!(html.contains("id=\"f-body_es-error\""), "a script in the Markdown is refused next to it");
    assert!(html.contains("id=\"f-attachments-error\"") && html.contains("informe.pdf"));
    assert!(html.contains("Jóvenes deciden una parte del presupuesto."), "what was typed is kept");
    assert!(!html.contains("<script>alert"), "typed markup is escaped");
    assert!(app
        .store()
        .organisation_initiatives(&["Municipalidad de Rosario".into()])
        .await
        .unwrap()
        .is_empty());

    // Preview renders the Markdown without the script and saves nothing.
    let mut fields = base.to_vec();
    fields.retain(|(k, _)| *k != "links" && *k != "action" && *k != "body_es");
    fields.push(("body_es", "Hola <b onclick=\"x\">no</b>"));
    let mut refused = fields.clone();
    refused.push(("title_es", "Presupuesto participativo joven"));
    refused.push(("action", "preview"));
    let (ct, body) = multipart(&refused, &[]);
    let (status, html, _) = post_multipart(&app, "/es/initiatives/new", &member, &ct, body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "an event handler is refused, even for a preview");
    assert!(html.contains("Quite el script"));
    fields.retain(|(k, _)| *k != "body_es");
    fields.push(("body_es", "Hola **mundo**"));
    fields.push(("title_es", "Presupuesto participativo joven"));
    let mut preview = fields.clone();
    preview.push(("action", "preview"));
    let (ct, body) = multipart(&preview, &[]);
    let (status, html, _) = post_multipart(&app, "/es/initiatives/new", &member, &ct, body).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<strong>mundo</strong>"));

    // A forged CSRF field is refused.
    let mut forged = fields.clone();
    forged[0] = ("csrf", "forged-forged-forged-forged-forged-forged-xx");
    forged.push(("action", "submit"));
    let (ct, body) = multipart(&forged, &[]);
    let (status, _, _) = post_multipart(&app, "/es/initiatives/new", &member, &ct, body).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(app
        .store()
        .organisation_initiatives(&["Municipalidad de Rosario".into()])
        .await
        .unwrap()
        .is_empty());

    // A valid submission with an image is stored for review; the image is served as stored.
    let mut submit = fields.clone();
    submit.push(("action", "submit"));
    let (ct, body) = multipart(&submit, &[("foto.png", PNG)]);
    let (status, _, location) = post_multipart(&app, "/es/initiatives/new", &member, &ct, body).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{location}");
    let stored = app.store().organisation_initiatives(&["Municipalidad de Rosario".into()]).await.unwrap();
    assert_eq!(stored.len(), 1);
    let record = &stored[0].record;
    assert_eq!(record.status.id(), "submitted");
    let file =
        record.links.iter().find(|l| l.title.as_deref() == Some("foto.png")).expect("the attachment link");
    let path = file.url.split_once("/files/").map(|(_, p)| format!("/files/{p}")).unwrap();
    let response =
        app.router.clone().oneshot(Request::get(&path).body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "image/png");
    assert_eq!(response.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");

    // Another organisation's member may not edit it.
    let (other, _) = session(&app, "li@wuhan.gov.cn").await;
    let (status, _, _) =
        page(&app, "GET", &format!("/es/initiatives/{}/edit", record.id), &other, None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, html, _) = page(&app, "GET", "/es/account/initiatives", &member, None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Presupuesto participativo joven") && html.contains("enviada para revisión"));
}

#[tokio::test]
async fn a_report_reaches_the_editors_and_hiding_removes_the_initiative_at_once() {
    let app = app().await;
    let (status, _) =
        call(&app, "POST", "/api/v1/initiatives", Some(&app.editor), bytes(&record("ros-7"))).await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, found) = call(&app, "GET", "/api/v1/search?q=presupuesto", None, None).await;
    assert_eq!(found["total"], 1);

    // A visitor reports it (with the CSRF cookie every visitor gets).
    let csrf = "v".repeat(43);
    let visitor = format!("praxis_csrf={csrf}");
    let (status, html, _) = page(&app, "GET", "/fr/initiatives/ros-7", &visitor, None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Signaler un problème"));
    let (status, _, location) = page(
        &app,
        "POST",
        "/fr/initiatives/ros-7/report",
        &visitor,
        Some(format!("csrf={csrf}&reason=personal_data&details=Le+t%C3%A9l%C3%A9phone+d%27une+personne")),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.ends_with("?reported=1"));
    assert!(app_outbox(&app).iter().any(|m| m.contains("To: ed@network.org")), "editors are told");

    let (editor, ecsrf) = session(&app, "ed@network.org").await;
    let (_, html, _) = page(&app, "GET", "/en/editor", &editor, None).await;
    assert!(html.contains("1 report to resolve") && html.contains("personal data"), "{html}");
    let report = app.store().open_reports().await.unwrap()[0].id;
    let (status, _, _) = page(
        &app,
        "POST",
        &format!("/en/editor/reports/{report}"),
        &editor,
        Some(format!("csrf={ecsrf}&decision=hide&note=phone")),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    let (status, _) = call(&app, "GET", "/api/v1/initiatives/ros-7", None, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, found) = call(&app, "GET", "/api/v1/search?q=presupuesto", None, None).await;
    assert_eq!(found["total"], 0, "hidden content leaves search at once");
    assert!(app.store().open_reports().await.unwrap().is_empty());
    let revisions = app.store().revisions("ros-7").await.unwrap();
    assert_eq!(revisions.last().unwrap().record.status.id(), "hidden");
    let audit = app.store().audit_log(Some(("initiative", "ros-7")), 5).await.unwrap();
    assert_eq!(audit[0].action, "report.hide");

    // Its authors may correct it, but it stays down, and the editors hear it changed
    // (it used to become an ordinary submission, the take-down forgotten).
    let before = app_outbox(&app).len();
    let mut corrected = record("ros-7");
    corrected["summary"]["es"] = json!("Versión corregida, sin datos personales.");
    corrected["status"] = json!("published");
    let (status, body) =
        call(&app, "POST", "/api/v1/initiatives", Some(&app.member), bytes(&corrected)).await;
    assert!(status.is_success(), "{status} {body}");
    let stored = app.store().initiative("ros-7").await.unwrap().unwrap();
    assert_eq!(stored.record.status.id(), "hidden");
    assert!(stored.record.summary.0.values().any(|s| s.starts_with("Versión corregida")));
    let (status, _) = call(&app, "GET", "/api/v1/initiatives/ros-7", None, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "still out of public view");
    let told: Vec<String> = app_outbox(&app).into_iter().skip(before).collect();
    assert!(
        told.iter().any(|m| m.contains("To: ed@network.org") && m.contains("hidden initiative was changed")),
        "{told:?}"
    );
}

#[tokio::test]
async fn an_oversized_attachment_is_refused_with_the_form_kept() {
    let app = app().await;
    let (member, csrf) = session(&app, "ana@rosario.gob.ar").await;
    let mut big = PNG.to_vec();
    big.resize(10 * 1024 * 1024 + 1, 0);
    let fields = [
        ("csrf", csrf.as_str()),
        ("language", "es"),
        ("title_es", "Presupuesto participativo joven"),
        ("summary_es", "Jóvenes deciden."),
        ("city", "Rosario"),
        ("country", "AR"),
        ("kind", "program"),
        ("themes", "governance-participation"),
        ("action", "submit"),
    ];
    let (ct, body) = multipart(&fields, &[("plano.png", &big)]);
    let (status, html, _) = post_multipart(&app, "/es/initiatives/new", &member, &ct, body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("plano.png") && html.contains("10 MB"), "the file's problem is named");
    assert!(html.contains("Presupuesto participativo joven"));
    assert!(app
        .store()
        .organisation_initiatives(&["Municipalidad de Rosario".into()])
        .await
        .unwrap()
        .is_empty());
    assert!(!app.dir.path().join("files").exists(), "no file was kept");
}

#[tokio::test]
async fn an_editor_unpublishes_with_a_reason_the_author_is_told() {
    let app = app().await;
    let (status, _) =
        call(&app, "POST", "/api/v1/initiatives", Some(&app.member), bytes(&record("ros-8"))).await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) = call(&app, "POST", "/api/v1/initiatives/ros-8/publish", Some(&app.editor), None).await;
    assert_eq!(status, StatusCode::OK);
    let (editor, csrf) = session(&app, "ed@network.org").await;
    let (_, html, _) = page(&app, "GET", "/en/initiatives/ros-8/history", &editor, None).await;
    assert!(html.contains("Unpublish it"));
    let uri = "/en/editor/initiatives/ros-8/decision";
    let (_, _, location) =
        page(&app, "POST", uri, &editor, Some(format!("csrf={csrf}&decision=unpublish&comment="))).await;
    assert!(location.contains("missing=reason"), "a reason is required: {location}");
    let (status, _) = call(&app, "GET", "/api/v1/initiatives/ros-8", None, None).await;
    assert_eq!(status, StatusCode::OK, "still published without a reason");
    let form = format!("csrf={csrf}&decision=unpublish&comment=Outdated+figures");
    let (status, _, _) = page(&app, "POST", uri, &editor, Some(form)).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _) = call(&app, "GET", "/api/v1/initiatives/ros-8", None, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(app_outbox(&app)
        .iter()
        .any(|m| m.contains("ana@rosario.gob.ar") && m.contains("Outdated figures")));
    let audit = app.store().audit_log(Some(("initiative", "ros-8")), 5).await.unwrap();
    assert_eq!(audit[0].action, "initiative.unpublish");
    assert_eq!(audit[0].detail, "Outdated figures");
}

#[tokio::test]
async fn a_members_change_to_a_published_initiative_waits_while_the_published_version_stays() {
    let app = app().await;
    let (status, _) =
        call(&app, "POST", "/api/v1/initiatives", Some(&app.editor), bytes(&record("ros-9"))).await;
    assert_eq!(status, StatusCode::CREATED);
    let mut changed = record("ros-9");
    changed["summary"] = json!({"es": "Ahora participan 4.000 jóvenes de los seis distritos."});
    let (status, body) = call(&app, "POST", "/api/v1/initiatives", Some(&app.member), bytes(&changed)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "submitted");

    // The public version is unchanged and still searchable.
    let (status, public) = call(&app, "GET", "/api/v1/initiatives/ros-9", None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(public["summary"]["es"].as_str().unwrap().starts_with("Jóvenes de 13 a 18"));
    let (_, found) = call(&app, "GET", "/api/v1/search?q=presupuesto", None, None).await;
    assert_eq!(found["total"], 1);

    // The member's edit form continues from the proposal; the desk shows the change.
    let (member, _) = session(&app, "ana@rosario.gob.ar").await;
    let (_, html, _) = page(&app, "GET", "/es/initiatives/ros-9/edit", &member, None).await;
    assert!(html.contains("4.000 jóvenes"));
    let (editor, csrf) = session(&app, "ed@network.org").await;
    let (_, html, _) = page(&app, "GET", "/en/editor", &editor, None).await;
    assert!(html.contains("A change to a published initiative"), "{html}");

    // Sent back: the published version stays, the proposal stays in the history.
    let uri = "/en/editor/initiatives/ros-9/decision";
    page(&app, "POST", uri, &editor, Some(format!("csrf={csrf}&decision=return&comment=Source%3F"))).await;
    let (_, public) = call(&app, "GET", "/api/v1/initiatives/ros-9", None, None).await;
    assert_eq!(public["status"], "published");
    assert!(app.store().proposal("ros-9").await.unwrap().is_none());
    assert_eq!(app.store().revisions("ros-9").await.unwrap().len(), 2);

    // Proposed again and published: the change is now public.
    let (status, _) = call(&app, "POST", "/api/v1/initiatives", Some(&app.member), bytes(&changed)).await;
    assert_eq!(status, StatusCode::OK);
    page(&app, "POST", uri, &editor, Some(format!("csrf={csrf}&decision=publish&comment="))).await;
    let (_, public) = call(&app, "GET", "/api/v1/initiatives/ros-9", None, None).await;
    assert_eq!(public["status"], "published");
    assert!(public["summary"]["es"].as_str().unwrap().contains("4.000 jóvenes"));
    let revisions = app.store().revisions("ros-9").await.unwrap();
    assert_eq!(revisions.len(), 4);
    assert_eq!(revisions[3].author, "ed@network.org");
}

#[tokio::test]
async fn api_writes_need_a_token_not_a_browser_cookie() {
    let app = app().await;
    let (editor, _) = session(&app, "ed@network.org").await;
    let request = Request::post("/api/v1/initiatives")
        .header(header::COOKIE, &editor)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(serde_json::to_vec(&record("ros-10")).unwrap()))
        .unwrap();
    let response = app.router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "a cross-site form or fetch cannot write");
    assert!(app.store().initiative("ros-10").await.unwrap().is_none());
    // Reading with the cookie still works (the revisions of an initiative, say).
    call(&app, "POST", "/api/v1/initiatives", Some(&app.editor), bytes(&record("ros-10"))).await;
    let request = Request::get("/api/v1/initiatives/ros-10/revisions")
        .header(header::COOKIE, &editor)
        .body(Body::empty())
        .unwrap();
    assert_eq!(app.router.clone().oneshot(request).await.unwrap().status(), StatusCode::OK);
}

#[tokio::test]
async fn a_member_promoted_to_editor_owes_the_second_step_on_an_old_session() {
    let app = app().await;
    let user = app.store().user_by_email("ana@rosario.gob.ar").await.unwrap().unwrap();
    let token =
        app.store().create_session_with(user.id, praxis_store::SecondFactor::NotNeeded).await.unwrap();
    let cookie = format!("praxis_session={token}");
    let (status, _, _) = page(&app, "GET", "/en/account", &cookie, None).await;
    assert_eq!(status, StatusCode::OK);
    app.store().upsert_user("ana@rosario.gob.ar", "Ana", Role::Editor, None).await.unwrap();
    let (status, _, location) = page(&app, "GET", "/en/editor", &cookie, None).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.starts_with("/en/sign-in"), "{location}");
}

#[tokio::test]
async fn sign_up_and_reset_forms_cannot_flood_an_inbox() {
    let app = app().await;
    let csrf = "f".repeat(43);
    let cookie = format!("praxis_csrf={csrf}");
    for _ in 0..6 {
        let form = format!("csrf={csrf}&email=ana%40rosario.gob.ar");
        let (status, _, _) = page(&app, "POST", "/en/password/forgot", &cookie, Some(form)).await;
        assert_eq!(status, StatusCode::OK, "the same answer every time");
    }
    let to_ana = app_outbox(&app).iter().filter(|m| m.contains("To: ana@rosario.gob.ar")).count();
    assert_eq!(to_ana, 3, "at most three messages an hour to one recipient");
    for i in 0..20 {
        let form = format!("csrf={csrf}&email=someone{i}%40example.org");
        page(&app, "POST", "/en/password/forgot", &cookie, Some(form)).await;
    }
    let (status, html, _) = page(
        &app,
        "POST",
        "/en/password/forgot",
        &cookie,
        Some(format!("csrf={csrf}&email=x%40example.org")),
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(html.contains("Too many requests"));
}

#[tokio::test]
async fn an_accepted_file_stays_attached_while_the_form_is_corrected() {
    let app = app().await;
    let (member, csrf) = session(&app, "ana@rosario.gob.ar").await;
    let mut fields = vec![
        ("csrf", csrf.as_str()),
        ("language", "es"),
        ("title_es", "Presupuesto participativo joven"),
        ("summary_es", "Jóvenes deciden."),
        ("city", "Rosario"),
        ("country", "AR"),
        ("kind", "program"),
        ("action", "submit"),
    ];
    // No theme: refused, but the plan (a real PNG) is kept and listed.
    let (ct, body) = multipart(&fields, &[("plano.png", PNG)]);
    let (status, html, _) = post_multipart(&app, "/es/initiatives/new", &member, &ct, body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("Ya adjuntos") && html.contains("plano.png"), "{html}");
    let kept =
        html.split("name=\"kept_file\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    // Nothing is public before the initiative is saved (it used to be served at once).
    let served = format!("/files/{}", kept.split('|').next().unwrap());
    let get = |uri: String| Request::get(uri).body(Body::empty()).unwrap();
    let response = app.router.clone().oneshot(get(served.clone())).await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND, "an unsaved upload is not served");
    // Corrected without sending the file again: it is attached to the initiative.
    fields.push(("themes", "governance-participation"));
    fields.push(("kept_file", &kept));
    let (ct, body) = multipart(&fields, &[]);
    let (status, _, _) = post_multipart(&app, "/es/initiatives/new", &member, &ct, body).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let stored = app.store().organisation_initiatives(&["Municipalidad de Rosario".into()]).await.unwrap();
    assert!(stored[0]
        .record
        .links
        .iter()
        .any(|l| l.title.as_deref() == Some("plano.png") && l.url.contains("/files/")));
    let response = app.router.clone().oneshot(get(served)).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "saved, the file is served");
    // A forged name (another path, an unknown type) is ignored.
    let mut forged = fields.clone();
    forged.retain(|(k, _)| *k != "kept_file");
    forged.push(("kept_file", "../../etc/passwd|x"));
    forged[2] = ("title_es", "Otra iniciativa de presupuesto");
    let (ct, body) = multipart(&forged, &[]);
    post_multipart(&app, "/es/initiatives/new", &member, &ct, body).await;
    let all = app.store().organisation_initiatives(&["Municipalidad de Rosario".into()]).await.unwrap();
    assert!(all.iter().all(|s| s.record.links.iter().all(|l| !l.url.contains("passwd"))));
}

/// One rule, two front ends: publishing through the API and from the editors' desk
/// write the same audit entry and send the author the same e-mail.
#[tokio::test]
async fn publishing_through_the_api_and_the_desk_does_the_same() {
    let app = app().await;
    for id in ["ros-api", "ros-desk"] {
        let (status, body) =
            call(&app, "POST", "/api/v1/initiatives", Some(&app.member), bytes(&record(id))).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let to_author = |app: &App| {
        app_outbox(app).into_iter().filter(|m| m.contains("ana@rosario.gob.ar")).collect::<Vec<_>>()
    };
    let before = to_author(&app).len();

    let (status, body) =
        call(&app, "POST", "/api/v1/initiatives/ros-api/publish", Some(&app.editor), None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let after_api = to_author(&app);
    assert_eq!(after_api.len(), before + 1, "the API's publication tells the author");

    let (editor, csrf) = session(&app, "ed@network.org").await;
    let (status, _, location) = page(
        &app,
        "POST",
        "/en/editor/initiatives/ros-desk/decision",
        &editor,
        Some(format!("csrf={csrf}&decision=publish&comment=")),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{location}");
    let after_desk = to_author(&app);
    assert_eq!(after_desk.len(), before + 2, "the desk's publication tells the author too");
    let subject = |m: &str| m.lines().find(|l| l.starts_with("Subject:")).map(str::to_string);
    assert_eq!(subject(&after_api[before]), subject(&after_desk[before + 1]), "the same message");

    for id in ["ros-api", "ros-desk"] {
        let audit = app.store().audit_log(Some(("initiative", id)), 10).await.unwrap();
        let actions: Vec<(&str, &str)> =
            audit.iter().map(|a| (a.action.as_str(), a.actor.as_str())).collect();
        assert_eq!(actions, [("initiative.publish", "ed@network.org")], "{id}");
    }
    // Publishing again changes nothing and tells nobody.
    let (status, _) =
        call(&app, "POST", "/api/v1/initiatives/ros-api/publish", Some(&app.editor), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(to_author(&app).len(), before + 2);
}
