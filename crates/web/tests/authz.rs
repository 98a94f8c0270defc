//! The authorization matrix: every route of the web crate, tried as a visitor, a member
//! of the owning organisation, a member of another organisation, an editor and an admin,
//! each answer checked as allowed or refused.
//!
//! The routes are read from the router's own table (`praxis_web::route_table`, built by
//! the same declarations that build the router), so a new route without a row here fails
//! the test.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::TestApp;
use http_body_util::BodyExt;
use praxis_app::{policy, Account, Membership};
use praxis_domain::{InitiativeRecord, Lang, Role};
use praxis_store::User;
use serde_json::json;
use std::collections::BTreeSet;
use tower::ServiceExt;

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    /// Everyone, visitors included.
    Anyone,
    /// Any signed-in account.
    SignedIn,
    /// Editors, admins and members of the organisation that owns the initiative.
    Owner,
    /// Editors and admins.
    Editor,
    /// Admins only.
    Admin,
    /// Members of the owning organisation only (signing a call for it).
    OwningMember,
    /// Only a sign-in that is half done (password given, code owed): every completed
    /// session and every visitor is sent back.
    PendingOnly,
    /// No account, however high: only the machine itself or a scraper holding the
    /// metrics token, and to everyone else the route does not exist (404).
    Operator,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum As {
    Visitor,
    Owner,
    OtherMember,
    Editor,
    Admin,
}

const EVERYONE: [As; 5] = [As::Visitor, As::OtherMember, As::Owner, As::Editor, As::Admin];

/// The account each column of the matrix signs in as, as the policy sees it.
fn account(who: As) -> Option<Account> {
    let (role, organisation) = match who {
        As::Visitor => return None,
        As::Owner => (Role::Member, Some((OWNING_ORGANISATION, "Municipalidad de Rosario"))),
        As::OtherMember => (Role::Member, Some((OWNING_ORGANISATION + 1, "Ville de Lyon"))),
        As::Editor => (Role::Editor, None),
        As::Admin => (Role::Admin, None),
    };
    let user = User {
        id: 0,
        email: String::new(),
        name: String::new(),
        password_hash: None,
        role: praxis_store::RoleColumn(role),
        language: "en".into(),
        email_verified_at: None,
        totp_secret: None,
        totp_enabled_at: None,
        created_at: String::new(),
    };
    let organisations = organisation
        .map(|(id, name)| Membership {
            organisation_id: id,
            slug: praxis_domain::text::slug(name),
            name: name.into(),
        })
        .into_iter()
        .collect();
    Some(Account {
        id: 0,
        email: String::new(),
        name: String::new(),
        role,
        language: Lang::known("en"),
        organisations,
        user,
    })
}

/// The organisation that owns the matrix's initiative and signed its call (as the
/// policy compares memberships by id, the fixture's is mapped onto this one).
const OWNING_ORGANISATION: i64 = 1;

impl Who {
    /// What the application's policy module says of this kind of route for `who`: the
    /// matrix states which rule guards a route, the policy decides who passes it.
    fn allows(self, who: As) -> bool {
        let account = account(who);
        let owned = InitiativeRecord::from_json(&owned_record()).unwrap().record;
        match self {
            Who::Anyone => true,
            Who::SignedIn => account.is_some(),
            Who::Owner => account.as_ref().is_some_and(|a| policy::may_write(a, &owned)),
            Who::Editor => account.as_ref().is_some_and(policy::may_review),
            Who::Admin => account.as_ref().is_some_and(policy::may_administer),
            Who::OwningMember => {
                // Signing for an organisation: its members only, editors not included.
                account.as_ref().is_some_and(|a| {
                    !a.is_editor() && policy::may_link_initiatives(Some(a), Some(OWNING_ORGANISATION))
                })
            }
            Who::PendingOnly | Who::Operator => false,
        }
    }
}

/// How to call a route: the method, the pattern as in the source, a concrete URI, the
/// body (`Form` fields get the CSRF field added; `Json`; `Multipart` fields).
enum Send {
    Nothing,
    Form(&'static [(&'static str, &'static str)]),
    Json(fn() -> serde_json::Value),
    Multipart(&'static [(&'static str, &'static str)]),
}

struct Row {
    method: &'static str,
    pattern: &'static str,
    uri: &'static str,
    send: Send,
    who: Who,
}

const fn row(method: &'static str, pattern: &'static str, uri: &'static str, send: Send, who: Who) -> Row {
    Row { method, pattern, uri, send, who }
}

fn owned_record() -> serde_json::Value {
    json!({
        "id": "own-1", "language": "es",
        "title": {"es": "Mesas barriales de presupuesto"},
        "summary": {"es": "Vecinos priorizan obras con el municipio."},
        "city": "Rosario", "country": "AR", "organisation": "Municipalidad de Rosario",
        "themes": ["governance-participation"], "kind": "program"
    })
}

const JOIN_FORM: &[(&str, &str)] = &[
    ("institution", "Municipalidad de Prueba"),
    ("kind", "local-government"),
    ("city", "Rosario"),
    ("country", "AR"),
    ("representative_name", "Ana"),
    ("representative_role", "Intendenta"),
    ("email", "ana@example.org"),
    ("working_points", "green"),
    ("consent", "yes"),
];

const SIGN_FORM: &[(&str, &str)] = &[
    ("organisation", "municipalidad-de-rosario-ar"),
    ("kind", "local-government"),
    ("city", "Rosario"),
    ("country", "AR"),
    ("working_points", "green"),
    ("consent", "yes"),
];

const CALL_FORM: &[(&str, &str)] = &[("id", "new-call"), ("title_en", "A call"), ("opens", "2026-01-01")];

const INITIATIVE_FORM: &[(&str, &str)] = &[
    ("language", "es"),
    ("title_es", "Mesas barriales de presupuesto"),
    ("summary_es", "Vecinos priorizan obras con el municipio."),
    ("city", "Rosario"),
    ("country", "AR"),
    ("organisation", "Municipalidad de Rosario"),
    ("kind", "program"),
    ("themes", "governance-participation"),
    ("action", "draft"),
];

fn matrix() -> Vec<Row> {
    use Send::*;
    use Who::*;
    vec![
        // The public site and API.
        row("GET", "/", "/", Nothing, Anyone),
        row("GET", "/{lang}", "/en", Nothing, Anyone),
        row("GET", "/{lang}/", "/en/", Nothing, Anyone),
        row("GET", "/{lang}/about", "/fr/about", Nothing, Anyone),
        row("GET", "/{lang}/initiatives", "/es/initiatives?q=agua", Nothing, Anyone),
        row("GET", "/{lang}/initiatives/{id}", "/en/initiatives/pub-1", Nothing, Anyone),
        row("GET", "/{lang}/places", "/en/places", Nothing, Anyone),
        row("GET", "/{lang}/places/{slug}", "/en/places/ar-rosario", Nothing, Anyone),
        row("GET", "/api/v1/places/{slug}/peers", "/api/v1/places/ar-rosario/peers", Nothing, Anyone),
        row("GET", "/robots.txt", "/robots.txt", Nothing, Anyone),
        row("GET", "/sitemap.xml", "/sitemap.xml", Nothing, Anyone),
        row("GET", "/sitemaps/{file}", "/sitemaps/1.xml", Nothing, Anyone),
        row("GET", "/{lang}/feed.atom", "/fr/feed.atom", Nothing, Anyone),
        row("GET", "/assets/{file}", "/assets/none.css", Nothing, Anyone),
        row("GET", "/files/{name}", "/files/none.pdf", Nothing, Anyone),
        row("GET", "/healthz", "/healthz", Nothing, Anyone),
        row("GET", "/healthz/details", "/healthz/details", Nothing, Anyone),
        row("GET", "/metrics", "/metrics", Nothing, Operator),
        row("GET", "/api/v1/initiatives/{id}", "/api/v1/initiatives/pub-1", Nothing, Anyone),
        row("GET", "/api/v1/initiatives/{id}/similar", "/api/v1/initiatives/pub-1/similar", Nothing, Anyone),
        row("GET", "/api/v1/search", "/api/v1/search?q=water", Nothing, Anyone),
        row("GET", "/api/v1/openapi.json", "/api/v1/openapi.json", Nothing, Anyone),
        row("GET", "/api/v1/suggest", "/api/v1/suggest?q=wat&lang=en", Nothing, Anyone),
        row("GET", "/api/v1/glossary.ttl", "/api/v1/glossary.ttl", Nothing, Anyone),
        row(
            "POST",
            "/{lang}/initiatives/{id}/report",
            "/en/initiatives/pub-1/report",
            Form(&[("reason", "spam")]),
            Anyone,
        ),
        // Signing in and out.
        row("GET", "/{lang}/sign-in", "/en/sign-in", Nothing, Anyone),
        row(
            "POST",
            "/{lang}/sign-in",
            "/en/sign-in",
            Form(&[("email", "x@y.org"), ("password", "nope")]),
            Anyone,
        ),
        row("GET", "/{lang}/sign-in/code", "/en/sign-in/code", Nothing, PendingOnly),
        row("POST", "/{lang}/sign-in/code", "/en/sign-in/code", Form(&[("code", "000000")]), PendingOnly),
        row("POST", "/{lang}/sign-out", "/en/sign-out", Form(&[]), Anyone),
        row("GET", "/{lang}/sign-up", "/en/sign-up", Nothing, Anyone),
        row("POST", "/{lang}/sign-up", "/en/sign-up", Form(&[("name", "")]), Anyone),
        row("GET", "/{lang}/verify", "/en/verify?token=x", Nothing, Anyone),
        row("GET", "/{lang}/password/forgot", "/en/password/forgot", Nothing, Anyone),
        row("POST", "/{lang}/password/forgot", "/en/password/forgot", Form(&[("email", "x@y.org")]), Anyone),
        row("GET", "/{lang}/password/reset", "/en/password/reset?token=x", Nothing, Anyone),
        row(
            "POST",
            "/{lang}/password/reset",
            "/en/password/reset",
            Form(&[("token", "x"), ("password", "long enough pw")]),
            Anyone,
        ),
        // The account.
        row("GET", "/{lang}/account", "/en/account", Nothing, SignedIn),
        row("GET", "/{lang}/account/two-factor", "/en/account/two-factor", Nothing, SignedIn),
        row(
            "POST",
            "/{lang}/account/two-factor",
            "/en/account/two-factor",
            Form(&[("code", "000000")]),
            SignedIn,
        ),
        row(
            "POST",
            "/{lang}/account/sign-out-everywhere",
            "/en/account/sign-out-everywhere",
            Form(&[]),
            SignedIn,
        ),
        row(
            "POST",
            "/{lang}/account/organisations",
            "/en/account/organisations",
            Form(&[("organisation", "none")]),
            SignedIn,
        ),
        row("POST", "/{lang}/account/tokens", "/en/account/tokens", Form(&[("label", "ci")]), SignedIn),
        row(
            "POST",
            "/{lang}/account/tokens/{id}/revoke",
            "/en/account/tokens/999/revoke",
            Form(&[]),
            SignedIn,
        ),
        row("GET", "/{lang}/account/initiatives", "/en/account/initiatives", Nothing, SignedIn),
        // Writing initiatives.
        row("GET", "/{lang}/initiatives/new", "/es/initiatives/new", Nothing, SignedIn),
        row("POST", "/{lang}/initiatives/new", "/es/initiatives/new", Multipart(INITIATIVE_FORM), SignedIn),
        row("GET", "/{lang}/initiatives/{id}/edit", "/es/initiatives/own-1/edit", Nothing, Owner),
        row(
            "POST",
            "/{lang}/initiatives/{id}/edit",
            "/es/initiatives/own-1/edit",
            Multipart(INITIATIVE_FORM),
            Owner,
        ),
        row("GET", "/{lang}/initiatives/{id}/history", "/es/initiatives/own-1/history", Nothing, Owner),
        row(
            "POST",
            "/{lang}/initiatives/{id}/history/{revision}/restore",
            "/es/initiatives/own-1/history/1/restore",
            Form(&[]),
            Editor,
        ),
        row("POST", "/api/v1/initiatives", "/api/v1/initiatives", Json(owned_record), Owner),
        row("POST", "/api/v1/initiatives/{id}/publish", "/api/v1/initiatives/own-1/publish", Nothing, Editor),
        row(
            "GET",
            "/api/v1/initiatives/{id}/revisions",
            "/api/v1/initiatives/own-1/revisions",
            Nothing,
            Owner,
        ),
        // Editors and admins.
        row("GET", "/{lang}/editor", "/en/editor", Nothing, Editor),
        row(
            "GET",
            "/{lang}/editor/history/{entity}/{id}",
            "/en/editor/history/call/matrix-call",
            Nothing,
            Editor,
        ),
        row(
            "POST",
            "/{lang}/editor/initiatives/{id}/decision",
            "/en/editor/initiatives/own-1/decision",
            Form(&[("decision", "publish")]),
            Editor,
        ),
        row(
            "POST",
            "/{lang}/editor/reports/{id}",
            "/en/editor/reports/999",
            Form(&[("decision", "dismiss")]),
            Editor,
        ),
        row("GET", "/{lang}/editor/members", "/en/editor/members", Nothing, Editor),
        row(
            "POST",
            "/{lang}/editor/members/{user}/{organisation}",
            "/en/editor/members/999/999",
            Form(&[("decision", "verify")]),
            Editor,
        ),
        row("GET", "/{lang}/admin/accounts", "/en/admin/accounts", Nothing, Admin),
        row(
            "POST",
            "/{lang}/admin/accounts/{id}/role",
            "/en/admin/accounts/999/role",
            Form(&[("role", "member")]),
            Admin,
        ),
        row("GET", "/{lang}/admin/audit", "/en/admin/audit", Nothing, Admin),
        row("GET", "/{lang}/admin/organisations", "/en/admin/organisations", Nothing, Admin),
        row(
            "POST",
            "/{lang}/admin/organisations/{id}",
            "/en/admin/organisations/1",
            Form(&[("kind", "local"), ("domains", "rosario.gob.ar")]),
            Admin,
        ),
        // Events: public pages, registration by anyone (the cancel link's secret is the
        // key to a registration), calendars and the API; editors manage and see registrants.
        row("GET", "/{lang}/events", "/es/events?theme=housing", Nothing, Anyone),
        row("GET", "/{lang}/events/past", "/en/events/past", Nothing, Anyone),
        row("GET", "/{lang}/events/{id}", "/en/events/none", Nothing, Anyone),
        row(
            "POST",
            "/{lang}/events/{id}/register",
            "/en/events/none/register",
            Form(&[("name", "Ana"), ("email", "ana@example.org"), ("consent", "yes")]),
            Anyone,
        ),
        row("GET", "/{lang}/registrations/{token}", "/en/registrations/none", Nothing, Anyone),
        row(
            "POST",
            "/{lang}/registrations/{token}/cancel",
            "/en/registrations/none/cancel",
            Form(&[]),
            Anyone,
        ),
        row("GET", "/calendar.ics", "/calendar.ics?language=es", Nothing, Anyone),
        row("GET", "/events/{file}", "/events/none.ics", Nothing, Anyone),
        row("GET", "/api/v1/events", "/api/v1/events?when=past", Nothing, Anyone),
        row("GET", "/{lang}/events/new", "/en/events/new", Nothing, Editor),
        row("POST", "/{lang}/events/new", "/en/events/new", Form(&[("title_en", "Draft")]), Editor),
        row("GET", "/{lang}/events/{id}/edit", "/en/events/none/edit", Nothing, Editor),
        row(
            "POST",
            "/{lang}/events/{id}/edit",
            "/en/events/none/edit",
            Form(&[("title_en", "Draft")]),
            Editor,
        ),
        row("GET", "/{lang}/events/{id}/registrations", "/en/events/none/registrations", Nothing, Editor),
        row(
            "GET",
            "/{lang}/events/{id}/registrations.csv",
            "/en/events/none/registrations.csv",
            Nothing,
            Editor,
        ),
        // Calls to action: reading, joining, signing, the editors' desk.
        row("GET", "/{lang}/calls", "/fr/calls", Nothing, Anyone),
        row("GET", "/{lang}/calls/{call}", "/fr/calls/matrix-call", Nothing, Anyone),
        row("GET", "/{lang}/calls/{call}/signatories", "/es/calls/matrix-call/signatories", Nothing, Anyone),
        row(
            "GET",
            "/{lang}/calls/{call}/signatories/{slug}",
            "/es/calls/matrix-call/signatories/municipalidad-de-rosario",
            Nothing,
            Anyone,
        ),
        row(
            "GET",
            "/{lang}/calls/{call}/signatories/{slug}/badge.svg",
            "/es/calls/matrix-call/signatories/municipalidad-de-rosario/badge.svg",
            Nothing,
            Anyone,
        ),
        row("GET", "/{lang}/calls/{call}/feed.atom", "/en/calls/matrix-call/feed.atom", Nothing, Anyone),
        row("GET", "/api/v1/calls", "/api/v1/calls", Nothing, Anyone),
        row(
            "GET",
            "/api/v1/calls/{id}/signatories",
            "/api/v1/calls/matrix-call/signatories?format=csv",
            Nothing,
            Anyone,
        ),
        row("GET", "/assets/calls/{file}", "/assets/calls/none.css", Nothing, Anyone),
        row("GET", "/{lang}/calls/{call}/join", "/es/calls/matrix-call/join", Nothing, Anyone),
        row("POST", "/{lang}/calls/{call}/join", "/es/calls/matrix-call/join", Form(JOIN_FORM), Anyone),
        row("GET", "/{lang}/calls/{call}/join/sent", "/es/calls/matrix-call/join/sent", Nothing, Anyone),
        row("GET", "/{lang}/calls/confirm/{token}", "/es/calls/confirm/0000", Nothing, Anyone),
        row("POST", "/{lang}/calls/confirm/{token}", "/es/calls/confirm/0000", Form(&[]), Anyone),
        row("POST", "/{lang}/calls/{call}/sign", "/es/calls/matrix-call/sign", Form(SIGN_FORM), OwningMember),
        row(
            "POST",
            "/{lang}/calls/{call}/signatories/{slug}/initiatives",
            "/es/calls/matrix-call/signatories/municipalidad-de-rosario/initiatives",
            Form(&[("initiatives", "pub-1")]),
            Owner,
        ),
        row("GET", "/{lang}/editor/calls", "/en/editor/calls", Nothing, Editor),
        row(
            "POST",
            "/{lang}/editor/calls/requests/{id}/verify",
            "/en/editor/calls/requests/999/verify",
            Form(&[]),
            Editor,
        ),
        row(
            "POST",
            "/{lang}/editor/calls/requests/{id}/reject",
            "/en/editor/calls/requests/999/reject",
            Form(&[("reason", "not a public body")]),
            Editor,
        ),
        row("GET", "/{lang}/editor/calls/new", "/en/editor/calls/new", Nothing, Editor),
        row("POST", "/{lang}/editor/calls/new", "/en/editor/calls/new", Form(CALL_FORM), Editor),
        row("GET", "/{lang}/editor/calls/{call}/edit", "/en/editor/calls/matrix-call/edit", Nothing, Editor),
        row(
            "POST",
            "/{lang}/editor/calls/{call}/edit",
            "/en/editor/calls/matrix-call/edit",
            Form(CALL_FORM),
            Editor,
        ),
    ]
}

/// Every (method, route) the web crate declares.
/// The routes the router serves, from the router's own table.
fn declared_routes() -> BTreeSet<(String, String)> {
    praxis_web::route_table().into_iter().collect()
}

#[test]
fn every_route_has_a_row_and_every_row_a_route() {
    let declared = declared_routes();
    assert!(declared.len() > 40, "found only {} routes", declared.len());
    let rows: BTreeSet<(String, String)> =
        matrix().iter().map(|r| (r.method.to_string(), r.pattern.to_string())).collect();
    let missing: Vec<_> = declared.difference(&rows).collect();
    assert!(missing.is_empty(), "routes without a row in the authorization matrix: {missing:?}");
    let stale: Vec<_> = rows.difference(&declared).collect();
    assert!(stale.is_empty(), "rows for routes that do not exist: {stale:?}");
}

struct Fixture {
    app: TestApp,
    cookies: Vec<(As, String)>,
    tokens: Vec<(As, String)>,
}

const CSRF: &str = "matrixmatrixmatrixmatrixmatrixmatrixmatrix";

async fn fixture() -> Fixture {
    let mut published = owned_record();
    published["id"] = json!("pub-1");
    let mut owned = owned_record();
    owned["status"] = json!("submitted");
    let records: Vec<InitiativeRecord> =
        [published, owned].iter().map(|v| InitiativeRecord::from_json(v).unwrap().record).collect();
    let app = TestApp::with_records(&records).await;
    let store = app.store().clone();
    let users = [
        (As::Owner, "own@rosario.gob.ar", Role::Member, Some("Municipalidad de Rosario")),
        (As::OtherMember, "other@lyon.fr", Role::Member, Some("Ville de Lyon")),
        (As::Editor, "editor@network.org", Role::Editor, None),
        (As::Admin, "admin@network.org", Role::Admin, None),
    ];
    let mut cookies = vec![(As::Visitor, format!("praxis_csrf={CSRF}"))];
    let mut tokens = Vec::new();
    for (who, email, role, organisation) in users {
        let id = store.upsert_user(email, email, role, organisation).await.unwrap();
        let session = store.create_session(id).await.unwrap();
        cookies.push((who, format!("praxis_session={session}; praxis_csrf={CSRF}")));
        tokens.push((who, store.create_api_token(id, "matrix").await.unwrap()));
    }
    // A call signed by the owner's organisation.
    let mut calls: praxis_domain::CallsFile =
        serde_json::from_str(include_str!("../../../data/demo/calls.json")).unwrap();
    calls.calls[0].id = "matrix-call".into();
    calls.signatories.clear();
    store.load_calls(&calls, "test").await.unwrap();
    let rosario = store
        .organisations()
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.name == "Municipalidad de Rosario")
        .expect("the owner's organisation");
    let input = praxis_domain::SignatureInput {
        institution: "Municipalidad de Rosario".into(),
        kind: "local-government".into(),
        city: "Rosario".into(),
        country: "AR".into(),
        representative_name: "Owner".into(),
        representative_role: "member".into(),
        email: "own@rosario.gob.ar".into(),
        working_points: vec!["green".into()],
        consent: true,
    };
    let request =
        praxis_domain::SignatureRequest::parse(&input, &calls.calls[0], praxis_domain::Lang::known("es"))
            .unwrap();
    store.sign_directly("matrix-call", &request, Some(rosario.id), None, "test").await.unwrap();
    Fixture { app, cookies, tokens }
}

fn multipart(fields: &[(&str, &str)]) -> (String, Vec<u8>) {
    let boundary = "matrix-boundary";
    let mut body = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{CSRF}\r\n");
    for (k, v) in fields {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
        ));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    (format!("multipart/form-data; boundary={boundary}"), body.into_bytes())
}

/// Whether an answer is a refusal: 403; 401 from the API (a page answers a wrong
/// password with 401 too, which is not a refusal of the route); or a redirect to sign in.
fn refused(status: StatusCode, location: &str, api: bool) -> bool {
    status == StatusCode::FORBIDDEN
        || (api && status == StatusCode::UNAUTHORIZED)
        || (status.is_redirection() && location.contains("/sign-in"))
}

#[tokio::test]
async fn every_route_answers_each_role_as_the_matrix_says() {
    let mut failures = Vec::new();
    for row in matrix() {
        // Each route gets a fresh site: what one role's allowed call changes cannot
        // decide another role's answer.
        let f = fixture().await;
        for who in EVERYONE {
            let cookie = f.cookies.iter().find(|(w, _)| *w == who).map(|(_, c)| c.clone()).unwrap();
            let mut request = Request::builder().method(row.method).uri(row.uri);
            let is_api = row.uri.starts_with("/api/");
            if is_api {
                if let Some((_, token)) = f.tokens.iter().find(|(w, _)| *w == who) {
                    request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
                }
            } else {
                request = request.header(header::COOKIE, cookie);
            }
            let body = match &row.send {
                Send::Nothing => Body::empty(),
                Send::Form(fields) => {
                    let mut form = form_urlencoded::Serializer::new(String::new());
                    form.append_pair("csrf", CSRF);
                    for (k, v) in *fields {
                        form.append_pair(k, v);
                    }
                    request = request.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
                    Body::from(form.finish())
                }
                Send::Json(make) => {
                    request = request.header(header::CONTENT_TYPE, "application/json");
                    Body::from(serde_json::to_vec(&make()).unwrap())
                }
                Send::Multipart(fields) => {
                    let (content_type, bytes) = multipart(fields);
                    request = request.header(header::CONTENT_TYPE, content_type);
                    Body::from(bytes)
                }
            };
            let response = f.app.router.clone().oneshot(request.body(body).unwrap()).await.unwrap();
            let status = response.status();
            let location = response
                .headers()
                .get(header::LOCATION)
                .map(|v| v.to_str().unwrap_or("").to_string())
                .unwrap_or_default();
            let _ = response.into_body().collect().await;
            let was_refused = refused(status, &location, is_api)
                || (matches!(row.who, Who::Operator) && status == StatusCode::NOT_FOUND);
            if status.is_server_error() {
                failures.push(format!("{} {} as {who:?}: {status}", row.method, row.uri));
            } else if row.who.allows(who) == was_refused {
                let expected = if row.who.allows(who) { "allowed" } else { "refused" };
                failures.push(format!(
                    "{} {} as {who:?}: expected {expected}, got {status} {location}",
                    row.method, row.uri
                ));
            }
        }
    }
    assert!(failures.is_empty(), "authorization matrix:\n{}", failures.join("\n"));
}
