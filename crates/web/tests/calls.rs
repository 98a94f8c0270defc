//! Calls to action over HTTP, in-process: the pages in every language, the register's
//! views agreeing with each other, open data, drafts and personal data kept private.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use praxis_domain::{CallsFile, Lang, SignatureInput, SignatureRequest};

use common::{Reply, TestApp as App};

const CALL: &str = "metropolitan-communities-2030";

fn demo_calls() -> CallsFile {
    serde_json::from_str(include_str!("../../../data/demo/calls.json")).unwrap()
}

async fn app() -> App {
    let app = App::with_demo(&[]).await;
    app.store().load_calls(&demo_calls(), "test").await.unwrap();
    app
}

async fn get(app: &App, uri: &str) -> Reply {
    app.get(uri).await
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
    for &lang in Lang::all() {
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
    let request = SignatureRequest::parse(&input, &call, Lang::known("es")).unwrap();
    let new = app.state.store.request_signature(CALL, &request, "test").await.unwrap();
    assert_eq!(views(&app, "").await.0, total, "an unconfirmed request is not public");
    app.state.store.confirm_request(&new.token).await.unwrap();
    assert_eq!(views(&app, "").await.2, total, "a confirmed request is not public either");
    app.state.store.verify_request(new.id, "editor").await.unwrap();
    // Written behind the application's back: the node sees it when it follows the feed.
    app.state.catalogue.catch_up(&app.state.store).await.unwrap();
    let (list, dots, csv, json, feed) = views(&app, "").await;
    assert_eq!((list, dots, csv, json, feed), (total + 1, total + 1, total + 1, total + 1, total + 1));
    let csv = get(&app, &format!("/api/v1/calls/{CALL}/signatories?format=csv")).await;
    assert_eq!(csv.headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert!(csv.body.contains("Área Metropolitana del Valle de Aburrá,metropolitan-government,Medellín,CO,"));
    // A byte-order mark first, so that Excel reads the accents right.
    assert!(csv.body.starts_with("\u{feff}name,type,city,country,joined,working_points\r\n"));

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
    let editor = session(&app, "e@example.org", praxis_domain::Role::Editor, None).await;
    assert_eq!(
        get_as(&app, "/en/calls/draft-call", &editor).await.status,
        StatusCode::OK,
        "editors preview drafts"
    );
    let member = session(&app, "m@example.org", praxis_domain::Role::Member, Some("X")).await;
    assert_eq!(get_as(&app, "/en/calls/draft-call", &member).await.status, StatusCode::NOT_FOUND);
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

// --- Forms ------------------------------------------------------------------------------

const CSRF: &str = "calls-test-csrf-0123456789abcdef0123";

fn form_body(fields: &[(&str, &str)]) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    s.append_pair("csrf", CSRF);
    for (k, v) in fields {
        s.append_pair(k, v);
    }
    s.finish()
}

async fn post(app: &App, uri: &str, session: Option<&str>, fields: &[(&str, &str)], csrf: bool) -> Reply {
    let mut cookie = if csrf { format!("praxis_csrf={CSRF}") } else { String::new() };
    if let Some(token) = session {
        cookie.push_str(&format!("; praxis_session={token}"));
    }
    let request = Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, cookie)
        .header("x-forwarded-for", "203.0.113.7")
        .body(Body::from(form_body(fields)))
        .unwrap();
    app.send(request).await
}

async fn get_as(app: &App, uri: &str, session: &str) -> Reply {
    let request = Request::get(uri)
        .header(header::COOKIE, format!("praxis_session={session}"))
        .body(Body::empty())
        .unwrap();
    app.send(request).await
}

async fn session(app: &App, email: &str, role: praxis_domain::Role, organisation: Option<&str>) -> String {
    let id = app.state.store.upsert_user(email, "Test Person", role, organisation).await.unwrap();
    app.state.store.create_session(id).await.unwrap()
}

/// The mail in the outbox, decoded enough to read (quoted-printable soft breaks joined).
fn outbox(app: &App) -> Vec<String> {
    let dir = app.state.data_dir.join("outbox");
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).map(|d| d.map(|e| e.unwrap().path()).collect()).unwrap_or_default();
    files.sort();
    files
        .iter()
        .map(|p| {
            std::fs::read_to_string(p).unwrap().replace("=\r\n", "").replace("=\n", "").replace("=3D", "=")
        })
        .collect()
}

fn confirmation_path(mail: &str) -> String {
    let at = mail.find("/calls/confirm/").expect("a confirmation link");
    let lang = &mail[at - 3..at];
    let token: String =
        mail[at + "/calls/confirm/".len()..].chars().take_while(|c| c.is_ascii_hexdigit()).collect();
    format!("{lang}/calls/confirm/{token}")
}

fn join_fields<'a>(institution: &'a str, email: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("institution", institution),
        ("kind", "metropolitan-government"),
        ("city", "Medellín"),
        ("country", "CO"),
        ("representative_name", "Laura Gómez"),
        ("representative_role", "Directora de Planeación"),
        ("email", email),
        ("working_points", "green"),
        ("working_points", "participation"),
        ("consent", "yes"),
    ]
}

#[tokio::test]
async fn a_bad_join_form_keeps_what_was_typed_and_stores_nothing() {
    let app = app().await;
    let uri = format!("/es/calls/{CALL}/join");
    let reply = post(
        &app,
        &uri,
        None,
        &[
            ("institution", "Área Metropolitana <Valle>"),
            ("kind", "metropolitan-government"),
            ("email", "no es correo"),
        ],
        true,
    )
    .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("value=\"Área Metropolitana &lt;Valle&gt;\""), "the name is kept, escaped");
    assert!(reply.body.contains("value=\"no es correo\""));
    assert!(reply.body.contains("Indique una dirección de correo electrónico"), "the error in Spanish");
    assert!(reply.body.contains("acepte la publicación"));
    assert!(reply.body.contains("aria-invalid=\"true\""));
    assert!(app.state.store.requests(praxis_store::RequestStatus::Unconfirmed).await.unwrap().is_empty());
    assert!(outbox(&app).is_empty());

    let forged = post(&app, &uri, None, &join_fields("X", "x@example.org"), false).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN, "no CSRF cookie, no request");
    assert!(app.state.store.requests(praxis_store::RequestStatus::Unconfirmed).await.unwrap().is_empty());

    let form = get(&app, &uri).await;
    assert_eq!(form.status, StatusCode::OK);
    for label in [
        "Nombre de la institución",
        "Tipo de institución",
        "Correo electrónico",
        "Ejes de trabajo",
        "Gobierno metropolitano",
    ] {
        assert!(form.body.contains(label), "the form has {label}");
    }
    assert!(form.body.contains("name=\"csrf\""));
}

#[tokio::test]
async fn join_confirm_verify_and_the_register_shows_it() {
    let app = app().await;
    let total = demo_calls().signatories.len();
    let reply = post(
        &app,
        &format!("/es/calls/{CALL}/join"),
        None,
        &join_fields("Área Metropolitana del Valle de Aburrá", "laura@example.org"),
        true,
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.headers[header::LOCATION], format!("/es/calls/{CALL}/join/sent"));
    assert_eq!(get(&app, &format!("/es/calls/{CALL}/join/sent")).await.status, StatusCode::OK);
    let mail = outbox(&app);
    assert_eq!(mail.len(), 1);
    assert!(mail[0].contains("laura@example.org"));
    assert!(mail[0].contains("Hola, Laura"), "the mail is in Spanish");
    let link = confirmation_path(&mail[0]);
    assert!(link.starts_with("/es/calls/confirm/"), "{link}");

    let page = get(&app, &link).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Confirmar la solicitud"));
    assert_eq!(views(&app, "").await.0, total, "a request is not public before review");
    let confirmed = post(&app, &link, None, &[], true).await;
    assert_eq!(confirmed.status, StatusCode::OK);
    assert!(confirmed.body.contains("Solicitud confirmada"));
    assert_eq!(get(&app, "/es/calls/confirm/0000").await.status, StatusCode::NOT_FOUND);

    // Only editors reach the desk.
    assert_eq!(get(&app, "/en/editor/calls").await.status, StatusCode::SEE_OTHER);
    let member = session(&app, "m@example.org", praxis_domain::Role::Member, Some("City of Testing")).await;
    assert_eq!(get_as(&app, "/en/editor/calls", &member).await.status, StatusCode::FORBIDDEN);
    let editor = session(&app, "e@example.org", praxis_domain::Role::Editor, None).await;
    let desk = get_as(&app, "/en/editor/calls", &editor).await;
    assert_eq!(desk.status, StatusCode::OK);
    assert!(
        desk.body.contains("Área Metropolitana del Valle de Aburrá")
            && desk.body.contains("laura@example.org")
    );
    let id = app.state.store.requests(praxis_store::RequestStatus::Confirmed).await.unwrap()[0].id;
    let denied =
        post(&app, &format!("/en/editor/calls/requests/{id}/verify"), Some(&member), &[], true).await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    let verified =
        post(&app, &format!("/en/editor/calls/requests/{id}/verify"), Some(&editor), &[], true).await;
    assert_eq!(verified.status, StatusCode::SEE_OTHER);
    let audit = app.state.store.audit_log(Some(("signature_request", &id.to_string())), 5).await.unwrap();
    assert_eq!(audit[0].action, "call.verify");
    let (list, dots, csv, json, feed) = views(&app, "").await;
    assert_eq!((list, dots, csv, json, feed), (total + 1, total + 1, total + 1, total + 1, total + 1));
    let register = get(&app, &format!("/fr/calls/{CALL}/signatories?country=CO")).await;
    assert!(register.body.contains("Área Metropolitana del Valle de Aburrá"));
    assert!(!register.body.contains("laura@example.org"));
    let mail = outbox(&app);
    assert_eq!(mail.len(), 2);
    assert!(mail[1].contains(
        "/es/calls/metropolitan-communities-2030/signatories/area-metropolitana-del-valle-de-aburra"
    ));

    // The same institution again is merged into its entry.
    post(
        &app,
        &format!("/en/calls/{CALL}/join"),
        None,
        &[
            ("institution", "AREA METROPOLITANA DEL VALLE DE ABURRA"),
            ("kind", "metropolitan-government"),
            ("city", "Medellin"),
            ("country", "CO"),
            ("representative_name", "Otra Persona"),
            ("representative_role", "Asesora"),
            ("email", "otra@example.org"),
            ("working_points", "safe"),
            ("consent", "yes"),
        ],
        true,
    )
    .await;
    let link = confirmation_path(outbox(&app).last().unwrap());
    post(&app, &link, None, &[], true).await;
    let desk = get_as(&app, "/en/editor/calls", &editor).await;
    assert!(desk.body.contains("Already in the register"));
    let id = app.state.store.requests(praxis_store::RequestStatus::Confirmed).await.unwrap()[0].id;
    post(&app, &format!("/en/editor/calls/requests/{id}/verify"), Some(&editor), &[], true).await;
    assert_eq!(views(&app, "").await.2, total + 1, "merged, not duplicated");
    let entry =
        app.state.store.signatory(CALL, "area-metropolitana-del-valle-de-aburra").await.unwrap().unwrap();
    assert_eq!(entry.working_points, vec!["green", "safe", "participation"]);
}

#[tokio::test]
async fn editors_reject_with_a_reason() {
    let app = app().await;
    post(&app, &format!("/fr/calls/{CALL}/join"), None, &join_fields("Spam Corp", "spam@example.org"), true)
        .await;
    let link = confirmation_path(outbox(&app).last().unwrap());
    assert!(link.starts_with("/fr/"), "the link is in the requester's language: {link}");
    post(&app, &link, None, &[], true).await;
    let editor = session(&app, "e@example.org", praxis_domain::Role::Editor, None).await;
    let id = app.state.store.requests(praxis_store::RequestStatus::Confirmed).await.unwrap()[0].id;
    let uri = format!("/fr/editor/calls/requests/{id}/reject");
    let missing = post(&app, &uri, Some(&editor), &[("reason", "  ")], true).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.body.contains("Indiquez un motif"));
    let done =
        post(&app, &uri, Some(&editor), &[("reason", "Ce n'est pas une institution publique.")], true).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let mail = outbox(&app);
    assert!(mail.last().unwrap().contains("institution publique"), "the reason is sent");
    assert!(app.state.store.signatory(CALL, "spam-corp").await.unwrap().is_none());
}

#[tokio::test]
async fn join_requests_are_throttled_per_address() {
    let app = app().await;
    for n in 0..5 {
        let name = format!("Institution {n}");
        let reply =
            post(&app, &format!("/en/calls/{CALL}/join"), None, &join_fields(&name, "a@example.org"), true)
                .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
    }
    let reply = post(
        &app,
        &format!("/en/calls/{CALL}/join"),
        None,
        &join_fields("One too many", "a@example.org"),
        true,
    )
    .await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(reply.body.contains("try again in an hour"));
    assert!(reply.body.contains("value=\"One too many\""), "the form is kept");
    assert_eq!(outbox(&app).len(), 5);
}

#[tokio::test]
async fn a_member_signs_for_their_organisation_in_one_step() {
    let app = app().await;
    let member = session(&app, "m@example.org", praxis_domain::Role::Member, Some("Ciudad de Prueba")).await;
    let page = get_as(&app, &format!("/es/calls/{CALL}/join"), &member).await;
    assert!(page.body.contains("Firmar en nombre de su organización"));
    let fields = [
        ("organisation", "ciudad-de-prueba"),
        ("kind", "local-government"),
        ("city", "Quito"),
        ("country", "EC"),
        ("working_points", "inclusive"),
        ("consent", "yes"),
    ];
    let visitor = post(&app, &format!("/es/calls/{CALL}/sign"), None, &fields, true).await;
    assert_eq!(visitor.status, StatusCode::SEE_OTHER);
    assert!(visitor.headers[header::LOCATION].to_str().unwrap().contains("/sign-in"));
    let other = post(
        &app,
        &format!("/es/calls/{CALL}/sign"),
        Some(&member),
        &[("organisation", "someone-else")],
        true,
    )
    .await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);
    let no_consent = post(&app, &format!("/es/calls/{CALL}/sign"), Some(&member), &fields[..5], true).await;
    assert_eq!(no_consent.status, StatusCode::UNPROCESSABLE_ENTITY);
    let signed = post(&app, &format!("/es/calls/{CALL}/sign"), Some(&member), &fields, true).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER);
    assert_eq!(signed.headers[header::LOCATION], format!("/es/calls/{CALL}/signatories/ciudad-de-prueba"));
    let s = app.state.store.signatory(CALL, "ciudad-de-prueba").await.unwrap().unwrap();
    assert!(s.organisation_id.is_some());
    assert_eq!(views(&app, "").await.3, demo_calls().signatories.len() + 1);

    // The member links the initiatives that carry the commitments out.
    let record = praxis_domain::InitiativeRecord::from_json(&serde_json::json!({
        "id": "quito-parks", "language": "es", "title": {"es": "Parques de barrio en Quito"},
        "summary": {"es": "Un programa de parques."}, "city": "Quito", "country": "EC",
        "themes": ["public-space"], "kind": "program"
    }))
    .unwrap()
    .record;
    app.state.store.import(&[record], "test", &|_| {}).await.unwrap();
    app.state.catalogue.catch_up(&app.state.store).await.unwrap();
    let page_uri = format!("/es/calls/{CALL}/signatories/ciudad-de-prueba");
    assert!(!get(&app, &page_uri).await.body.contains("name=\"initiatives\""), "visitors get no form");
    assert!(get_as(&app, &page_uri, &member).await.body.contains("id=\"link-initiatives\""));
    // Found by searching, offered unticked.
    let found = get_as(&app, &format!("{page_uri}?find=parques+Quito"), &member).await.body;
    assert!(
        found.contains("name=\"initiatives\" value=\"quito-parks\">"),
        "the search offers the initiative to tick: {found}"
    );
    let link_uri = format!("{page_uri}/initiatives");
    let unknown =
        post(&app, &link_uri, Some(&member), &[("initiatives", "quito-parks\nno-such-thing")], true).await;
    assert_eq!(unknown.status, StatusCode::SEE_OTHER);
    let shown = get_as(&app, unknown.headers[header::LOCATION].to_str().unwrap(), &member).await;
    assert!(shown.body.contains("no-such-thing") && shown.body.contains("aria-invalid=\"true\""));
    assert!(app
        .state
        .store
        .signatory(CALL, "ciudad-de-prueba")
        .await
        .unwrap()
        .unwrap()
        .initiatives
        .is_empty());
    let linked =
        post(&app, &link_uri, Some(&member), &[("pasted", "http://x/es/initiatives/quito-parks")], true)
            .await;
    assert_eq!(linked.status, StatusCode::SEE_OTHER);
    assert!(get(&app, &page_uri).await.body.contains("Parques de barrio en Quito"));
    // Linked ones come ticked; unticking one and saving takes it away.
    let form = get_as(&app, &page_uri, &member).await.body;
    assert!(form.contains("name=\"initiatives\" value=\"quito-parks\" checked"));
    assert_eq!(
        post(&app, &link_uri, Some(&member), &[("pasted", "")], true).await.status,
        StatusCode::SEE_OTHER
    );
    assert!(!get(&app, &page_uri).await.body.contains("Parques de barrio en Quito"));
    post(&app, &link_uri, Some(&member), &[("initiatives", "quito-parks")], true).await;
    assert!(get(&app, &page_uri).await.body.contains("Parques de barrio en Quito"));
    let stranger = session(&app, "s@example.org", praxis_domain::Role::Member, Some("Otra Ciudad")).await;
    let refused = post(&app, &link_uri, Some(&stranger), &[("initiatives", "")], true).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn editors_write_and_publish_a_call() {
    let app = app().await;
    let editor = session(&app, "e@example.org", praxis_domain::Role::Editor, None).await;
    assert_eq!(get_as(&app, "/en/editor/calls/new", &editor).await.status, StatusCode::OK);
    let bad = post(
        &app,
        "/en/editor/calls/new",
        Some(&editor),
        &[
            ("id", "Water Call"),
            ("status", "open"),
            ("opens", "2026-13-01"),
            ("title_en", "Water for all"),
            ("text_en", "We commit."),
            ("title_fr", "L'eau pour tous"),
            ("point_id_0", "taps"),
            ("point_en_0", "Public taps"),
            ("point_fr_0", ""),
            ("point_id_1", ""),
            ("point_en_1", ""),
        ],
        true,
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("value=\"Water Call\""));
    assert!(bad.body.contains("id=\"id-error\""));
    assert!(bad.body.contains("id=\"opens-error\""));
    assert!(bad.body.contains("id=\"text_fr-error\""), "the French text is missing");
    assert!(
        !app.state.store.has_calls().await.unwrap()
            || app.state.store.call("water-call").await.unwrap().is_none()
    );
    let good = post(
        &app,
        "/en/editor/calls/new",
        Some(&editor),
        &[
            ("id", "water-call"),
            ("status", "open"),
            ("opens", "2026-01-01"),
            ("title_en", "Water for all"),
            ("text_en", "We commit."),
            ("point_id_0", "taps"),
            ("point_en_0", "Public taps"),
        ],
        true,
    )
    .await;
    assert_eq!(good.status, StatusCode::SEE_OTHER, "{}", good.body);
    assert_eq!(get(&app, "/en/calls/water-call").await.status, StatusCode::OK);
    let api = get(&app, "/api/v1/calls").await.json();
    assert!(api.as_array().unwrap().iter().any(|c| c["id"] == "water-call"));
    let edit = get_as(&app, "/en/editor/calls/water-call/edit", &editor).await;
    assert!(edit.body.contains("Public taps"));
    let member = session(&app, "m@example.org", praxis_domain::Role::Member, Some("X")).await;
    assert_eq!(get_as(&app, "/en/editor/calls/new", &member).await.status, StatusCode::FORBIDDEN);
}
