//! Accounts through HTTP, in-process through the same router `praxis serve` runs: sign up
//! and e-mail verification, sign-in with throttling and a second factor, CSRF, roles,
//! password reset, API tokens and organisation membership. Mail is read from the outbox.

mod common;

use axum::body::Body;
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::Router;
use common::TestApp;
use http_body_util::BodyExt;
use praxis_app::{hash_password, totp_code};
use praxis_domain::{Lang, Role};
use praxis_store::MembershipStatus;
use std::collections::BTreeMap;
use tower::ServiceExt;

/// Base32 secret of RFC 6238's test key.
const SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

/// The shared test application, with what these tests add: browsers that keep cookies,
/// the outbox read as mails, accounts with passwords and second factors.
struct App {
    app: TestApp,
}

impl std::ops::Deref for App {
    type Target = TestApp;
    fn deref(&self) -> &TestApp {
        &self.app
    }
}

async fn app() -> App {
    App { app: TestApp::with_demo(&[]).await }
}

impl App {
    fn t(&self, lang: Lang, key: &str) -> String {
        self.state.i18n.t(lang, key)
    }

    fn client(&self) -> Client {
        Client { router: self.router.clone(), cookies: BTreeMap::new() }
    }

    /// Every message in the outbox, oldest first.
    fn mails(&self) -> Vec<Mail> {
        let Ok(entries) = std::fs::read_dir(self.dir.path().join("outbox")) else { return Vec::new() };
        let mut files: Vec<_> = entries
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "eml"))
            .collect();
        files.sort();
        files.iter().map(|f| Mail::parse(&std::fs::read_to_string(f).unwrap())).collect()
    }

    /// A member, editor or admin with a password (and a verified address), made the way
    /// `praxis user add` does plus a chosen password.
    async fn account(&self, email: &str, name: &str, role: Role, password: &str) -> i64 {
        let id = self.store().upsert_user(email, name, role, None).await.unwrap();
        self.store().set_password(id, &hash_password(password)).await.unwrap();
        id
    }

    async fn account_with_totp(&self, email: &str, name: &str, role: Role, password: &str) -> i64 {
        let id = self.account(email, name, role, password).await;
        self.store().set_totp_secret(id, SECRET).await.unwrap();
        self.store().enable_totp(id).await.unwrap();
        id
    }

    /// A client already signed in (second factor done), without going through the form.
    async fn signed_in(&self, user_id: i64) -> Client {
        let mut client = self.client();
        let token = self.store().create_session(user_id).await.unwrap();
        client.cookies.insert("praxis_session".into(), token);
        client
    }
}

fn current_code() -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    totp_code(SECRET, (now / 30) as i64).unwrap()
}

fn wrong_code(right: &str) -> String {
    let n: u32 = right.parse().unwrap();
    format!("{:06}", (n + 500_000) % 1_000_000)
}

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Reply {
    fn location(&self) -> &str {
        self.headers.get(header::LOCATION).map_or("", |v| v.to_str().unwrap())
    }

    fn set_cookies(&self) -> Vec<&str> {
        self.headers.get_all(header::SET_COOKIE).iter().map(|v| v.to_str().unwrap()).collect()
    }

    /// Whether the answer sets a (non-empty) session cookie.
    fn signs_in(&self) -> bool {
        self.set_cookies()
            .iter()
            .any(|c| c.starts_with("praxis_session=") && !c.starts_with("praxis_session=;"))
    }

    /// The page's text with HTML escapes undone, to compare with translations.
    fn text(&self) -> String {
        unescape(&self.body)
    }

    /// The value of the first hidden `csrf` field.
    fn csrf_field(&self) -> Option<String> {
        hidden(&self.body, "csrf")
    }

    /// The message shown next to a field of a form, when there is one.
    fn field_error(&self, name: &str) -> Option<String> {
        let start = format!("<p class=\"error\" id=\"f-{name}-error\">");
        let at = self.body.find(&start)? + start.len();
        let end = self.body[at..].find("</p>")?;
        Some(unescape(&self.body[at..at + end]))
    }

    /// The `<input …>` tag of a field.
    fn input(&self, name: &str) -> String {
        let start = format!("<input id=\"f-{name}\"");
        let at = self.body.find(&start).unwrap_or_else(|| panic!("no field {name}: {}", self.body));
        let end = self.body[at..].find('>').unwrap();
        self.body[at..=at + end].to_string()
    }
}

fn hidden(body: &str, name: &str) -> Option<String> {
    let start = format!("name=\"{name}\" value=\"");
    let at = body.find(&start)? + start.len();
    let end = body[at..].find('"')?;
    Some(unescape(&body[at..at + end]))
}

fn unescape(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
}

/// One browser: a cookie jar in front of the router.
struct Client {
    router: Router,
    cookies: BTreeMap<String, String>,
}

impl Client {
    async fn send(&mut self, mut request: axum::http::request::Builder, body: Body) -> Reply {
        if !self.cookies.is_empty() {
            let jar: Vec<String> = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
            request = request.header(header::COOKIE, jar.join("; "));
        }
        let response = self.router.clone().oneshot(request.body(body).unwrap()).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let reply = Reply { status, headers, body: String::from_utf8(bytes.to_vec()).unwrap() };
        for cookie in reply.set_cookies() {
            let pair = cookie.split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            if value.is_empty() || cookie.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_string(), value.to_string());
            }
        }
        reply
    }

    async fn get(&mut self, uri: &str) -> Reply {
        self.send(Request::get(uri), Body::empty()).await
    }

    async fn get_bearer(&mut self, uri: &str, token: &str) -> Reply {
        self.send(Request::get(uri).header(header::AUTHORIZATION, format!("Bearer {token}")), Body::empty())
            .await
    }

    /// Posts a form as a browser would, with the CSRF value the site gave this browser
    /// (fetching a page first when it has none yet).
    async fn post(&mut self, uri: &str, fields: &[(&str, &str)]) -> Reply {
        if !self.cookies.contains_key("praxis_csrf") {
            self.get("/en/sign-in").await;
        }
        let csrf = self.cookies["praxis_csrf"].clone();
        let mut all = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(uri, &encode(&all)).await
    }

    async fn post_raw(&mut self, uri: &str, body: &str) -> Reply {
        let request = Request::post(uri).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        self.send(request, Body::from(body.to_string())).await
    }

    /// Signs in through the form; the reply of the password step.
    async fn sign_in(&mut self, lang: &str, email: &str, password: &str, next: &str) -> Reply {
        self.get(&format!("/{lang}/sign-in")).await;
        self.post(&format!("/{lang}/sign-in"), &[("email", email), ("password", password), ("next", next)])
            .await
    }
}

fn encode(fields: &[(&str, &str)]) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in fields {
        out.append_pair(k, v);
    }
    out.finish()
}

/// One message from the outbox, decoded.
#[derive(Debug)]
struct Mail {
    to: String,
    subject: String,
    body: String,
}

impl Mail {
    fn parse(raw: &str) -> Mail {
        let raw = raw.replace("\r\n", "\n");
        let (head, body) = raw.split_once("\n\n").expect("headers, a blank line, the body");
        // Unfold continued header lines.
        let mut headers: Vec<(String, String)> = Vec::new();
        for line in head.lines() {
            if line.starts_with([' ', '\t']) {
                headers.last_mut().unwrap().1.push_str(line);
            } else if let Some((k, v)) = line.split_once(':') {
                headers.push((k.to_ascii_lowercase(), v.trim().to_string()));
            }
        }
        let header =
            |name: &str| headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
        let body = match header("content-transfer-encoding").to_ascii_lowercase().as_str() {
            "base64" => String::from_utf8(base64_decode(body)).unwrap(),
            "quoted-printable" => String::from_utf8(quoted_printable_decode(body)).unwrap(),
            _ => body.to_string(),
        };
        Mail { to: header("to"), subject: decode_words(&header("subject")), body }
    }

    /// The first link in the body under `path` (e.g. `/fr/verify`), as a path and query.
    fn link(&self, path: &str) -> String {
        let at = self.body.find(path).unwrap_or_else(|| panic!("no {path} link in {}", self.body));
        let end = self.body[at..].find(char::is_whitespace).map_or(self.body.len(), |n| at + n);
        self.body[at..end].to_string()
    }
}

fn base64_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0);
    for c in text.bytes().filter(|c| !c.is_ascii_whitespace() && *c != b'=') {
        let value = ALPHABET.iter().position(|&a| a == c).expect("base64") as u32;
        buffer = (buffer << 6) | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    out
}

fn quoted_printable_decode(text: &str) -> Vec<u8> {
    let text = text.replace("=\n", "");
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
            if let Ok(b) = u8::from_str_radix(hex, 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// Decodes RFC 2047 encoded words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`) in a header.
fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(start) = rest.find("=?") {
        let before = &rest[..start];
        if !before.trim().is_empty() || out.is_empty() {
            out.push_str(before);
        }
        let word = &rest[start + 2..];
        let mut parts = word.splitn(3, '?');
        let (_charset, encoding, tail) =
            (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap());
        let end = tail.find("?=").unwrap();
        let encoded = &tail[..end];
        let bytes = if encoding.eq_ignore_ascii_case("b") {
            base64_decode(encoded)
        } else {
            quoted_printable_decode(&encoded.replace('_', " "))
        };
        out.push_str(&String::from_utf8(bytes).unwrap());
        rest = &tail[end + 2..];
    }
    out.push_str(rest);
    out
}

// --- Sign up ---------------------------------------------------------------------------

#[tokio::test]
async fn sign_up_in_french_verify_then_sign_in() {
    let app = app().await;
    let mut browser = app.client();

    let form = browser.get("/fr/sign-up").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("<html lang=\"fr\">"));
    let cookie = browser.cookies.get("praxis_csrf").cloned().expect("a CSRF cookie on the first page");
    assert!(cookie.len() >= 32);
    assert_eq!(form.csrf_field().as_deref(), Some(cookie.as_str()), "the form repeats the cookie");
    assert!(form.set_cookies().iter().any(|c| c.starts_with("praxis_csrf=") && c.contains("HttpOnly")));

    let password = "un mot de passe bien long";
    let sent = browser
        .post(
            "/fr/sign-up",
            &[("name", "Amélie Durand"), ("email", " Amelie.Durand@Example.ORG "), ("password", password)],
        )
        .await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    assert!(sent.text().contains(&app.t(Lang::known("fr"), "sign-up-sent-title")));
    assert!(sent.text().contains("amelie.durand@example.org"));
    assert!(!sent.signs_in());

    let user =
        app.store().user_by_email("amelie.durand@example.org").await.unwrap().expect("stored, normalised");
    assert_eq!(user.name, "Amélie Durand");
    assert_eq!(user.language, "fr");
    assert_eq!(user.role(), Role::Member);
    assert!(user.email_verified_at.is_none());
    assert!(user
        .password_hash
        .as_deref()
        .is_some_and(|h| h.starts_with("$argon2id$") && !h.contains(password)));

    let mails = app.mails();
    assert_eq!(mails.len(), 1, "{mails:?}");
    let mail = &mails[0];
    assert_eq!(mail.to, "amelie.durand@example.org");
    assert_eq!(mail.subject, app.t(Lang::known("fr"), "mail-verify-subject"));
    assert!(mail.body.contains("Bonjour Amélie Durand,"), "{}", mail.body);
    assert!(mail.body.contains("Veuillez confirmer votre adresse e-mail"), "{}", mail.body);
    assert!(mail.body.contains("http://127.0.0.1:8080/fr/verify?token="), "{}", mail.body);
    let link = mail.link("/fr/verify?token=");

    // Not before the address is confirmed.
    let early = browser.sign_in("fr", "amelie.durand@example.org", password, "").await;
    assert!(!early.signs_in(), "no session before verification");
    assert!(early.text().contains(&app.t(Lang::known("fr"), "sign-in-unverified")));
    let account = browser.get("/fr/account").await;
    assert_eq!(account.status, StatusCode::SEE_OTHER);
    assert_eq!(account.location(), "/fr/sign-in?next=%2Ffr%2Faccount");

    let verified = browser.get(&link).await;
    assert_eq!(verified.status, StatusCode::OK);
    assert!(verified.text().contains(&app.t(Lang::known("fr"), "verify-done")), "{}", verified.body);
    assert!(app.store().user(user.id).await.unwrap().unwrap().email_verified_at.is_some());
    let again = browser.get(&link).await;
    assert!(again.text().contains(&app.t(Lang::known("fr"), "verify-failed")), "a link works once");

    let signed = browser.sign_in("fr", "Amelie.Durand@example.org", password, "").await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    assert_eq!(signed.location(), "/fr/account");
    assert!(signed.signs_in());
    let session = signed.set_cookies().into_iter().find(|c| c.starts_with("praxis_session=")).unwrap();
    assert!(session.contains("HttpOnly") && session.contains("SameSite=Lax"), "{session}");

    let page = browser.get("/fr/account").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains(&app.t(Lang::known("fr"), "account-title")));
    assert!(page.text().contains("Amélie Durand"));
    assert!(page.text().contains("amelie.durand@example.org"));

    // Signing up again with the address tells its owner by mail, and the page says the same.
    let mut other = app.client();
    let twice = other
        .post(
            "/fr/sign-up",
            &[
                ("name", "Mallory"),
                ("email", "amelie.durand@example.org"),
                ("password", "another long password"),
            ],
        )
        .await;
    assert_eq!(twice.status, StatusCode::OK);
    assert!(twice.text().contains(&app.t(Lang::known("fr"), "sign-up-sent-title")));
    assert_eq!(app.store().user(user.id).await.unwrap().unwrap().name, "Amélie Durand", "nothing changed");
    let mails = app.mails();
    assert_eq!(mails.len(), 2);
    assert_eq!(mails[1].subject, app.t(Lang::known("fr"), "mail-exists-subject"));
    assert!(!mails[1].body.contains("/verify"));
}

#[tokio::test]
async fn sign_up_errors_keep_what_was_typed_and_store_nothing() {
    let app = app().await;
    let mut browser = app.client();
    browser.get("/en/sign-up").await;

    let reply = browser
        .post("/en/sign-up", &[("name", "Bo <Tester>"), ("email", "bo at example"), ("password", "short")])
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.input("name").contains("value=\"Bo &lt;Tester&gt;\""), "{}", reply.input("name"));
    assert!(reply.input("email").contains("value=\"bo at example\""), "{}", reply.input("email"));
    assert!(reply.input("password").contains("value=\"\""), "a password is never sent back");
    assert!(!reply.body.contains("short\""));
    assert_eq!(reply.field_error("name"), None);
    assert_eq!(reply.field_error("email"), Some(app.t(Lang::known("en"), "problem-email")));
    assert_eq!(reply.field_error("password"), Some(app.t(Lang::known("en"), "problem-password_too_short")));
    assert!(reply.input("email").contains("aria-invalid=\"true\""));
    assert!(reply.input("email").contains("aria-describedby=\"f-email-error\""));
    assert!(!reply.input("name").contains("aria-invalid"));
    // Each message sits in its own field's block, before the input it is about.
    for name in ["email", "password"] {
        let error = reply.body.find(&format!("id=\"f-{name}-error\"")).unwrap();
        let input = reply.body.find(&format!("<input id=\"f-{name}\"")).unwrap();
        assert!(error < input && !reply.body[error..input].contains("class=\"field"), "{name}");
    }
    assert!(reply.body.contains("href=\"#f-email\""), "the summary links to the field");

    let reply = browser
        .post("/en/sign-up", &[("name", "  "), ("email", "bo@example.org"), ("password", "BO@example.org")])
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.field_error("name"), Some(app.t(Lang::known("en"), "problem-required")));
    assert_eq!(reply.field_error("email"), None);
    assert_eq!(reply.field_error("password"), Some(app.t(Lang::known("en"), "problem-password_is_email")));
    assert!(reply.input("email").contains("value=\"bo@example.org\""));

    let long_name = "n".repeat(101);
    let reply = browser
        .post(
            "/en/sign-up",
            &[("name", &long_name), ("email", "bo@example.org"), ("password", "a long enough password")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.field_error("name"), Some(app.t(Lang::known("en"), "problem-too_long")));

    assert!(app.store().users().await.unwrap().is_empty(), "nothing stored");
    assert!(app.mails().is_empty(), "nothing sent");
}

#[tokio::test]
async fn a_forged_csrf_field_is_refused_and_nothing_happens() {
    let app = app().await;
    let mut browser = app.client();
    browser.get("/en/sign-up").await;
    let fields = [("name", "Eve"), ("email", "eve@example.org"), ("password", "a long enough password")];

    let fake = "A".repeat(43);
    let mut forged = vec![("csrf", fake.as_str())];
    forged.extend_from_slice(&fields);
    let reply = browser.post_raw("/en/sign-up", &encode(&forged)).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(reply.text().contains(&app.t(Lang::known("en"), "error-csrf-title")));

    // No field at all, and a field without the cookie, are refused too.
    let reply = browser.post_raw("/en/sign-up", &encode(&fields)).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let csrf = browser.cookies["praxis_csrf"].clone();
    let mut stranger = app.client();
    let mut with_field = vec![("csrf", csrf.as_str())];
    with_field.extend_from_slice(&fields);
    let reply = stranger.post_raw("/fr/sign-up", &encode(&with_field)).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(reply.text().contains(&app.t(Lang::known("fr"), "error-csrf-title")), "in the page's language");

    assert!(app.store().users().await.unwrap().is_empty(), "nothing stored");
    assert!(app.mails().is_empty(), "nothing sent");

    // A signed-in person's forms are protected the same way.
    let id = app.account("ana@lyon.fr", "Ana", Role::Member, "a long enough password").await;
    let mut ana = app.signed_in(id).await;
    ana.get("/en/account").await;
    let reply =
        ana.post_raw("/en/account/tokens", &encode(&[("csrf", &"B".repeat(43)), ("label", "x")])).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(app.store().api_tokens_of(id).await.unwrap().is_empty());
    let reply = ana.post("/en/account/tokens", &[("label", "x")]).await;
    assert_eq!(reply.status, StatusCode::OK, "the real value works");
    assert_eq!(app.store().api_tokens_of(id).await.unwrap().len(), 1);
}

// --- Sign in ---------------------------------------------------------------------------

#[tokio::test]
async fn the_sixth_attempt_is_throttled_even_with_the_right_password() {
    let app = app().await;
    let password = "the right password";
    app.account("ana@lyon.fr", "Ana", Role::Member, password).await;
    let mut browser = app.client();
    for attempt in 1..=5 {
        let reply = browser.sign_in("en", "ana@lyon.fr", &format!("wrong password {attempt}"), "").await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "attempt {attempt}");
        assert!(reply.text().contains(&app.t(Lang::known("en"), "sign-in-wrong")));
        assert!(reply.input("email").contains("value=\"ana@lyon.fr\""), "the address is kept");
        assert!(!reply.signs_in());
    }
    let reply = browser.sign_in("en", "ana@lyon.fr", password, "").await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(reply.text().contains(&app.t(Lang::known("en"), "sign-in-throttled")));
    assert!(!reply.signs_in());
    assert_eq!(browser.get("/en/account").await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.store().hits("account:ana@lyon.fr", 900).await.unwrap(), 5);
}

#[tokio::test]
async fn editors_sign_in_with_a_code_and_a_pending_session_is_not_signed_in() {
    let app = app().await;
    let password = "editor password 1";
    let id = app.account_with_totp("eda@network.example", "Eda Editor", Role::Editor, password).await;
    let mut browser = app.client();

    let reply = browser.sign_in("en", "eda@network.example", password, "/en/editor/members").await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.location(), "/en/sign-in/code?next=%2Fen%2Feditor%2Fmembers");
    assert!(reply.signs_in(), "a session, still owing its code");

    // Half signed in is not signed in.
    for path in ["/en/editor/members", "/en/account", "/en/admin/accounts"] {
        let reply = browser.get(path).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{path}");
        assert!(reply.location().starts_with("/en/sign-in?next="), "{path}: {}", reply.location());
    }
    assert_eq!(app.store().user(id).await.unwrap().unwrap().role(), Role::Editor);

    let form = browser.get("/en/sign-in/code?next=%2Fen%2Feditor%2Fmembers").await;
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(hidden(&form.body, "next").as_deref(), Some("/en/editor/members"));

    let code = current_code();
    let wrong = browser
        .post("/en/sign-in/code", &[("code", &wrong_code(&code)), ("next", "/en/editor/members")])
        .await;
    assert_eq!(wrong.status, StatusCode::OK);
    assert!(wrong.text().contains(&app.t(Lang::known("en"), "code-wrong")));
    assert_eq!(browser.get("/en/editor/members").await.status, StatusCode::SEE_OTHER);

    let right = browser.post("/en/sign-in/code", &[("code", &code), ("next", "/en/editor/members")]).await;
    assert_eq!(right.status, StatusCode::SEE_OTHER, "{}", right.body);
    assert_eq!(right.location(), "/en/editor/members");
    let queue = browser.get("/en/editor/members").await;
    assert_eq!(queue.status, StatusCode::OK);
    assert!(queue.text().contains(&app.t(Lang::known("en"), "members-title")));
    assert_eq!(
        browser.get("/en/admin/accounts").await.status,
        StatusCode::FORBIDDEN,
        "an editor is no admin"
    );

    // The same code cannot sign in a second time (someone who saw it over a shoulder).
    let mut thief = app.client();
    let reply = thief.sign_in("en", "eda@network.example", password, "").await;
    assert_eq!(reply.location(), "/en/sign-in/code?next=%2Fen%2Faccount");
    let replay = thief.post("/en/sign-in/code", &[("code", &code), ("next", "")]).await;
    assert_eq!(replay.status, StatusCode::OK);
    assert!(replay.text().contains(&app.t(Lang::known("en"), "code-wrong")), "a used code is refused");
    assert_eq!(thief.get("/en/account").await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn an_editor_without_two_factor_sets_it_up_at_first_sign_in() {
    let app = app().await;
    let password = "editor password 2";
    let id = app.account("new@network.example", "New Editor", Role::Editor, password).await;
    let mut browser = app.client();
    let reply = browser.sign_in("en", "new@network.example", password, "/en/editor/members").await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.location(), "/en/account/two-factor?next=%2Fen%2Feditor%2Fmembers");
    assert_eq!(browser.get("/en/editor/members").await.status, StatusCode::SEE_OTHER);

    let setup = browser.get(reply.location()).await;
    assert_eq!(setup.status, StatusCode::OK);
    let secret = app.store().user(id).await.unwrap().unwrap().totp_secret.expect("a secret to set up");
    assert!(setup.body.contains(&secret), "the secret is shown to type in");
    assert!(setup.body.contains("otpauth://totp/"));
    assert!(!app.store().user(id).await.unwrap().unwrap().totp_enabled());
    // Reloading the page keeps the same secret.
    browser.get(reply.location()).await;
    assert_eq!(app.store().user(id).await.unwrap().unwrap().totp_secret.as_deref(), Some(secret.as_str()));

    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let code = totp_code(&secret, (now / 30) as i64).unwrap();
    let done =
        browser.post("/en/account/two-factor", &[("code", &code), ("next", "/en/editor/members")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location(), "/en/editor/members");
    assert!(app.store().user(id).await.unwrap().unwrap().totp_enabled());
    assert_eq!(browser.get("/en/editor/members").await.status, StatusCode::OK);
}

#[tokio::test]
async fn visiting_the_two_factor_page_does_not_turn_two_factor_off() {
    let app = app().await;
    let password = "member password 1";
    let id = app.account_with_totp("ana@lyon.fr", "Ana", Role::Member, password).await;
    let mut ana = app.signed_in(id).await;
    // A plain GET, which a link on another site can make (SameSite=Lax sends the cookie).
    let page = ana.get("/en/account/two-factor").await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "two-step sign-in is on: back to the account page");
    assert_eq!(page.location(), "/en/account");
    // Whoever knows only the password must still be asked for the code.
    let mut thief = app.client();
    let reply = thief.sign_in("en", "ana@lyon.fr", password, "").await;
    assert_eq!(
        reply.location(),
        "/en/sign-in/code?next=%2Fen%2Faccount",
        "the password alone signed in: opening the page switched two-factor off"
    );
    let user = app.store().user(id).await.unwrap().unwrap();
    assert!(user.totp_enabled());
    assert_eq!(user.totp_secret.as_deref(), Some(SECRET));
}

#[tokio::test]
async fn sign_in_only_sends_people_on_within_the_site() {
    let app = app().await;
    let password = "member password 2";
    app.account("ana@lyon.fr", "Ana", Role::Member, password).await;
    // What a browser makes of a Location: tabs and line breaks are removed before parsing.
    let as_browser =
        |location: &str| location.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect::<String>();
    for next in ["//evil.example", "https://evil.example", "/\\evil.example", "/\t/evil.example"] {
        let mut browser = app.client();
        let reply = browser.sign_in("en", "ana@lyon.fr", password, next).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{next:?}");
        let target = as_browser(reply.location());
        assert!(
            target.starts_with('/') && !target.starts_with("//"),
            "{next:?} sent the browser to {target:?}"
        );
        let again = browser.get(&format!("/en/sign-in?next={}", encode_component(next))).await;
        let target = as_browser(again.location());
        assert!(
            target.starts_with('/') && !target.starts_with("//"),
            "{next:?} sent the browser to {target:?}"
        );
    }
}

fn encode_component(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[tokio::test]
async fn the_code_step_cannot_be_guessed_through_the_two_factor_form() {
    let app = app().await;
    let password = "editor password 3";
    let id = app.account_with_totp("eda@network.example", "Eda Editor", Role::Editor, password).await;
    let mut thief = app.client();
    thief.sign_in("en", "eda@network.example", password, "").await;
    let code = current_code();
    for _ in 0..5 {
        thief.post("/en/sign-in/code", &[("code", &wrong_code(&code)), ("next", "")]).await;
    }
    let locked = thief.post("/en/sign-in/code", &[("code", &code), ("next", "")]).await;
    assert!(locked.text().contains(&app.t(Lang::known("en"), "sign-in-throttled")), "the code form locks");
    assert_eq!(thief.get("/en/account").await.status, StatusCode::SEE_OTHER);

    // The set-up form is no way around the lock: with two-step sign-in on it only sends
    // the pending session back to the code step.
    let reply = thief.post("/en/account/two-factor", &[("code", &code), ("next", "")]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.location(), "/en/sign-in/code", "the locked-out session completed its second factor");
    assert_eq!(thief.get("/en/account").await.status, StatusCode::SEE_OTHER);
    assert!(app.store().hits("code:eda@network.example", 900).await.unwrap() >= 5);
    let _ = id;
}

#[tokio::test]
async fn a_right_password_buys_no_more_guesses_at_the_code() {
    let app = app().await;
    let password = "editor password 4";
    app.account_with_totp("eda@network.example", "Eda Editor", Role::Editor, password).await;
    let code = current_code();
    // Four wrong codes, then the password again (which used to clear the count), and
    // again: the code count only grows, and the sixth guess is refused whatever it is.
    let mut thief = app.client();
    let mut statuses = Vec::new();
    for _ in 0..3 {
        assert_eq!(
            thief.sign_in("en", "eda@network.example", password, "").await.status,
            StatusCode::SEE_OTHER
        );
        for _ in 0..2 {
            statuses.push(
                thief.post("/en/sign-in/code", &[("code", &wrong_code(&code)), ("next", "")]).await.status,
            );
        }
    }
    assert_eq!(statuses[..5], [StatusCode::OK; 5], "five wrong codes are answered as wrong");
    assert_eq!(statuses[5], StatusCode::TOO_MANY_REQUESTS, "the password did not reset the count");
    let locked = thief.post("/en/sign-in/code", &[("code", &code), ("next", "")]).await;
    assert_eq!(
        locked.status,
        StatusCode::TOO_MANY_REQUESTS,
        "the right code is refused once the count is full"
    );
    // Wrong codes count against the network address too (these requests carry none).
    assert_eq!(app.store().hits("address:unknown", 900).await.unwrap(), 5);
}

// --- Roles -----------------------------------------------------------------------------

#[tokio::test]
async fn members_are_forbidden_editor_and_admin_pages_and_visitors_are_sent_to_sign_in() {
    let app = app().await;
    let member =
        app.store().upsert_user("ana@lyon.fr", "Ana", Role::Member, Some("Ville de Lyon")).await.unwrap();
    let mut ana = app.signed_in(member).await;
    assert_eq!(ana.get("/en/account").await.status, StatusCode::OK);
    for path in ["/en/editor/members", "/en/admin/accounts", "/fr/editor/members"] {
        let reply = ana.get(path).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path}");
        assert!(reply.text().contains(&app.t(praxis_web::auth::path_lang(path), "error-forbidden-title")));
    }
    // Nor can a member decide a request or change a role.
    let reply = ana.post(&format!("/en/editor/members/{member}/1"), &[("decision", "verify")]).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let reply = ana.post(&format!("/en/admin/accounts/{member}/role"), &[("role", "admin")]).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(app.store().user(member).await.unwrap().unwrap().role(), Role::Member);

    let mut visitor = app.client();
    for (path, next) in [
        ("/en/editor/members", "%2Fen%2Feditor%2Fmembers"),
        ("/en/admin/accounts", "%2Fen%2Fadmin%2Faccounts"),
        ("/en/account", "%2Fen%2Faccount"),
        ("/es/account?done=joined", "%2Fes%2Faccount%3Fdone%3Djoined"),
    ] {
        let reply = visitor.get(path).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{path}");
        let lang = &path[1..3];
        assert_eq!(reply.location(), format!("/{lang}/sign-in?next={next}"), "{path}");
    }

    let admin = app.store().upsert_user("root@network.example", "Root", Role::Admin, None).await.unwrap();
    let mut root = app.signed_in(admin).await;
    assert_eq!(root.get("/en/admin/accounts").await.status, StatusCode::OK);
    assert_eq!(root.get("/en/editor/members").await.status, StatusCode::OK, "admins do what editors do");
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server() {
    let app = app().await;
    let password = "member password 3";
    let id = app.account("ana@lyon.fr", "Ana", Role::Member, password).await;
    let mut laptop = app.client();
    assert!(laptop.sign_in("en", "ana@lyon.fr", password, "").await.signs_in());
    let copied = laptop.cookies["praxis_session"].clone();
    let mut phone = app.client();
    assert!(phone.sign_in("en", "ana@lyon.fr", password, "").await.signs_in());

    let out = laptop.post("/en/sign-out", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(out.location(), "/en/");
    assert!(!laptop.cookies.contains_key("praxis_session"), "the cookie is deleted");
    // A copy of the cookie is worth nothing now.
    let mut replay = app.client();
    replay.cookies.insert("praxis_session".into(), copied);
    assert_eq!(replay.get("/en/account").await.status, StatusCode::SEE_OTHER);
    assert_eq!(phone.get("/en/account").await.status, StatusCode::OK, "other sessions stay");

    let everywhere = phone.post("/en/account/sign-out-everywhere", &[]).await;
    assert_eq!(everywhere.status, StatusCode::SEE_OTHER);
    assert_eq!(everywhere.location(), "/en/");
    assert_eq!(phone.get("/en/account").await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.store().delete_sessions_of(id).await.unwrap(), 0, "no session left");
}

#[tokio::test]
async fn an_admin_changes_a_role_which_signs_the_account_out_and_is_audited() {
    let app = app().await;
    let root = app.store().upsert_user("root@network.example", "Root", Role::Admin, None).await.unwrap();
    let password = "member password 4";
    let ana = app.account("ana@lyon.fr", "Ana <Lyon>", Role::Member, password).await;
    let mut ana_browser = app.signed_in(ana).await;
    let mut admin = app.signed_in(root).await;

    let list = admin.get("/en/admin/accounts").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.text().contains("ana@lyon.fr"));
    assert!(
        list.body.contains("Ana &lt;Lyon&gt;") || list.body.contains("Ana &#60;Lyon&#62;"),
        "names are escaped"
    );
    assert!(!list.body.contains("Ana <Lyon>"));

    let bad = admin.post(&format!("/en/admin/accounts/{ana}/role"), &[("role", "emperor")]).await;
    assert_eq!(bad.status, StatusCode::NOT_FOUND);
    let changed = admin.post(&format!("/en/admin/accounts/{ana}/role"), &[("role", "editor")]).await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER);
    assert_eq!(changed.location(), "/en/admin/accounts");
    assert_eq!(app.store().user(ana).await.unwrap().unwrap().role(), Role::Editor);

    let audit = app.store().audit_log(Some(("account", "ana@lyon.fr")), 10).await.unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].action, "account.role");
    assert_eq!(audit[0].actor, "root@network.example");
    assert_eq!(audit[0].detail, "member -> editor");

    // The new role starts at the next sign-in, which now asks for two-step sign-in.
    assert_eq!(ana_browser.get("/en/account").await.status, StatusCode::SEE_OTHER);
    let reply = ana_browser.sign_in("en", "ana@lyon.fr", password, "").await;
    assert_eq!(reply.location(), "/en/account/two-factor?next=%2Fen%2Faccount");
    assert_eq!(ana_browser.get("/en/editor/members").await.status, StatusCode::SEE_OTHER);
}

// --- Password reset --------------------------------------------------------------------

#[tokio::test]
async fn a_password_reset_signs_out_every_old_session() {
    let app = app().await;
    let old = "the old password";
    let id = app.account("ana@lyon.fr", "Ana", Role::Member, old).await;
    let mut laptop = app.client();
    assert!(laptop.sign_in("en", "ana@lyon.fr", old, "").await.signs_in());
    assert_eq!(laptop.get("/en/account").await.status, StatusCode::OK);

    let mut phone = app.client();
    phone.get("/en/password/forgot").await;
    let unknown = phone.post("/en/password/forgot", &[("email", "nobody@lyon.fr")]).await;
    assert_eq!(unknown.status, StatusCode::OK);
    assert!(app.mails().is_empty(), "no mail for an address without an account");
    let asked = phone.post("/en/password/forgot", &[("email", "Ana@Lyon.fr")]).await;
    assert_eq!(asked.status, StatusCode::OK);
    assert_eq!(
        asked.text().replace("ana@lyon.fr", "X"),
        unknown.text().replace("nobody@lyon.fr", "X"),
        "the same answer whether or not the address has an account"
    );
    let mails = app.mails();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, "ana@lyon.fr");
    assert_eq!(mails[0].subject, app.t(Lang::known("en"), "mail-reset-subject"));
    let link = mails[0].link("/en/password/reset?token=");

    let form = phone.get(&link).await;
    assert_eq!(form.status, StatusCode::OK);
    let token = hidden(&form.body, "token").expect("the token travels in the form");
    assert!(link.ends_with(&token));
    let short = phone.post("/en/password/reset", &[("token", &token), ("password", "short")]).await;
    assert_eq!(short.field_error("password"), Some(app.t(Lang::known("en"), "problem-password_too_short")));

    let new = "a brand new password";
    let done = phone.post("/en/password/reset", &[("token", &token), ("password", new)]).await;
    assert_eq!(done.status, StatusCode::OK);
    assert!(done.text().contains(&app.t(Lang::known("en"), "reset-done")));

    let reply = laptop.get("/en/account").await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "the old session ended");
    assert!(reply.location().starts_with("/en/sign-in"));
    let again =
        phone.post("/en/password/reset", &[("token", &token), ("password", "yet another password")]).await;
    assert!(again.text().contains(&app.t(Lang::known("en"), "reset-failed")), "the link works once");

    assert_eq!(laptop.sign_in("en", "ana@lyon.fr", old, "").await.status, StatusCode::UNAUTHORIZED);
    let reply = laptop.sign_in("en", "ana@lyon.fr", new, "").await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let _ = id;
}

#[tokio::test]
async fn a_password_reset_spends_every_other_reset_link() {
    let app = app().await;
    let id = app.account("ana@lyon.fr", "Ana", Role::Member, "the old password").await;
    let mut phone = app.client();
    phone.get("/en/password/forgot").await;
    for _ in 0..2 {
        phone.post("/en/password/forgot", &[("email", "ana@lyon.fr")]).await;
    }
    let links: Vec<String> = app.mails().iter().map(|m| m.link("/en/password/reset?token=")).collect();
    assert_eq!(links.len(), 2);
    let token = |link: &str| link.rsplit_once("token=").unwrap().1.to_string();
    let done = phone
        .post("/en/password/reset", &[("token", &token(&links[1])), ("password", "a brand new password")])
        .await;
    assert!(done.text().contains(&app.t(Lang::known("en"), "reset-done")));
    let older = phone
        .post("/en/password/reset", &[("token", &token(&links[0])), ("password", "the thief's password")])
        .await;
    assert!(older.text().contains(&app.t(Lang::known("en"), "reset-failed")), "the older link is spent too");
    let mut laptop = app.client();
    assert_eq!(
        laptop.sign_in("en", "ana@lyon.fr", "the thief's password", "").await.status,
        StatusCode::UNAUTHORIZED
    );
    let reply = laptop.sign_in("en", "ana@lyon.fr", "a brand new password", "").await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(reply.signs_in());
    assert_eq!(laptop.get("/en/account").await.status, StatusCode::OK);
    let _ = id;
}

// --- API tokens ------------------------------------------------------------------------

#[tokio::test]
async fn an_api_token_made_on_the_account_page_works_until_revoked() {
    let app = app().await;
    let id = app.account("ana@lyon.fr", "Ana Pérez", Role::Member, "a long enough password").await;
    let mut ana = app.signed_in(id).await;
    let page = ana.get("/en/account").await;
    assert_eq!(page.status, StatusCode::OK);

    let made = ana.post("/en/account/tokens", &[("label", "Import script")]).await;
    assert_eq!(made.status, StatusCode::OK);
    let start = made.body.find("<pre class=\"secret\">").expect("the new token is shown") + 20;
    let token = made.body[start..].split('<').next().unwrap().to_string();
    assert!(token.starts_with("praxis_"), "{token}");
    assert!(made.text().contains("Import script"));
    assert!(!ana.get("/en/account").await.body.contains(&token), "shown once only");

    // The token alone, with no cookie, is the account.
    let mut script = app.client();
    let reply = script.get_bearer("/en/account", &token).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.text().contains("Ana Pérez"));
    assert_eq!(app.store().api_token_user(&token).await.unwrap().map(|u| u.id), Some(id));
    // The API's signed-in routes take it: past authentication to "no such initiative".
    let api = script.get_bearer("/api/v1/initiatives/none/revisions", &token).await;
    assert_eq!(api.status, StatusCode::NOT_FOUND, "{}", api.body);
    let anonymous = script.get("/api/v1/initiatives/none/revisions").await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let reply = script.get_bearer("/en/account", "praxis_not-a-token").await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "an unknown token is nobody");

    // Someone else cannot revoke it.
    let tokens = app.store().api_tokens_of(id).await.unwrap();
    let token_id = tokens[0].id;
    assert!(made.body.contains(&format!("/en/account/tokens/{token_id}/revoke")));
    let bo = app.account("bo@lyon.fr", "Bo", Role::Member, "a long enough password").await;
    let mut bob = app.signed_in(bo).await;
    let reply = bob.post(&format!("/en/account/tokens/{token_id}/revoke"), &[]).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(script.get_bearer("/en/account", &token).await.status, StatusCode::OK);

    let revoked = ana.post(&format!("/en/account/tokens/{token_id}/revoke"), &[]).await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    assert_eq!(revoked.location(), "/en/account?done=revoked");
    let reply = script.get_bearer("/en/account", &token).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "a revoked token is nobody");
    let api = script.get_bearer("/api/v1/initiatives/none/revisions", &token).await;
    assert_eq!(api.status, StatusCode::UNAUTHORIZED, "{}", api.body);
    assert!(api.body.contains("\"unauthorized\""), "{}", api.body);
    assert!(app.store().api_token_user(&token).await.unwrap().is_none());
    let page = ana.get("/en/account?done=revoked").await;
    assert!(page.text().contains(&app.t(Lang::known("en"), "token-is-revoked")));
    assert!(page.text().contains(&app.t(Lang::known("en"), "token-revoked")));
}

// --- Organisations ---------------------------------------------------------------------

#[tokio::test]
async fn joining_is_immediate_at_the_organisations_domain_else_an_editor_decides() {
    let app = app().await;
    let editor_id = app.store().upsert_user("eda@network.example", "Eda", Role::Editor, None).await.unwrap();
    // The organisation, as `praxis user add --organisation` makes it.
    app.store().upsert_user("clerk@lyon.fr", "Clerk", Role::Member, Some("Ville de Lyon")).await.unwrap();
    let lyon = app.store().organisation("ville-de-lyon").await.unwrap().unwrap();
    app.store().set_organisation_domains(lyon.id, "city", "lyon.fr").await.unwrap();

    // A verified address at the domain: a member at once.
    let ana = app.account("ana@lyon.fr", "Ana", Role::Member, "a long enough password").await;
    let mut ana_browser = app.signed_in(ana).await;
    let page = ana_browser.get("/en/account").await;
    assert!(page.body.contains("<option value=\"ville-de-lyon\">Ville de Lyon</option>"), "offered");
    let joined = ana_browser.post("/en/account/organisations", &[("organisation", "ville-de-lyon")]).await;
    assert_eq!(joined.status, StatusCode::SEE_OTHER);
    assert_eq!(joined.location(), "/en/account?done=joined");
    assert_eq!(app.store().memberships_of(ana).await.unwrap()[0].status, MembershipStatus::Verified);
    let page = ana_browser.get("/en/account?done=joined").await;
    assert!(page.text().contains(&app.t(Lang::known("en"), "join-done")));
    assert!(page
        .text()
        .contains(&format!("Ville de Lyon — {}", app.t(Lang::known("en"), "membership-verified"))));

    // Anyone else asks, and waits.
    let bo = app
        .store()
        .create_user("bo@gmail.com", "Bo Martin", Some(&hash_password("x")), Role::Member, "fr")
        .await
        .unwrap();
    app.store().mark_email_verified(bo).await.unwrap();
    let mut bo_browser = app.signed_in(bo).await;
    let asked = bo_browser.post("/fr/account/organisations", &[("organisation", "ville-de-lyon")]).await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER);
    assert_eq!(asked.location(), "/fr/account?done=requested");
    assert_eq!(app.store().memberships_of(bo).await.unwrap()[0].status, MembershipStatus::Pending);
    let page = bo_browser.get("/fr/account?done=requested").await;
    assert!(page.text().contains(&app.t(Lang::known("fr"), "join-requested")));
    assert!(page
        .text()
        .contains(&format!("Ville de Lyon — {}", app.t(Lang::known("fr"), "membership-pending"))));
    let missing = bo_browser.post("/fr/account/organisations", &[("organisation", "nowhere")]).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);

    let cy = app
        .account("cy@gmail.com", "<script>alert(1)</script>", Role::Member, "a long enough password")
        .await;
    let mut cy_browser = app.signed_in(cy).await;
    cy_browser.post("/en/account/organisations", &[("organisation", "ville-de-lyon")]).await;

    let mut editor = app.signed_in(editor_id).await;
    let queue = editor.get("/en/editor/members").await;
    assert!(
        queue.text().contains("<script>alert(1)</script>") && !queue.body.contains("<script>alert"),
        "escaped"
    );
    assert_eq!(queue.status, StatusCode::OK);
    assert!(queue.text().contains("bo@gmail.com") && queue.text().contains("Bo Martin"));
    assert!(!queue.text().contains("ana@lyon.fr"), "an automatic member is not in the queue");
    let action = format!("/en/editor/members/{bo}/{}", lyon.id);
    assert!(queue.body.contains(&format!("action=\"{action}\"")));
    assert!(app.mails().is_empty());

    let decided = editor.post(&action, &[("decision", "verify")]).await;
    assert_eq!(decided.status, StatusCode::SEE_OTHER);
    assert_eq!(decided.location(), "/en/editor/members");
    assert_eq!(app.store().memberships_of(bo).await.unwrap()[0].status, MembershipStatus::Verified);
    let audit = app.store().audit_log(Some(("membership", &format!("{bo}/{}", lyon.id))), 10).await.unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(
        (audit[0].action.as_str(), audit[0].actor.as_str()),
        ("membership.verify", "eda@network.example")
    );

    let mails = app.mails();
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert_eq!(mails[0].to, "bo@gmail.com");
    assert_eq!(mails[0].subject, "Vous êtes membre de Ville de Lyon sur Praxis", "in the member's language");
    assert!(mails[0].body.contains("Bonjour Bo Martin,"), "{}", mails[0].body);

    let refused =
        editor.post(&format!("/en/editor/members/{cy}/{}", lyon.id), &[("decision", "refuse")]).await;
    assert_eq!(refused.status, StatusCode::SEE_OTHER);
    assert_eq!(app.store().memberships_of(cy).await.unwrap()[0].status, MembershipStatus::Refused);
    let mails = app.mails();
    assert_eq!(mails.len(), 2);
    assert_eq!(mails[1].to, "cy@gmail.com");
    assert_eq!(mails[1].subject, "Your request to join Ville de Lyon");

    let queue = editor.get("/en/editor/members").await;
    assert!(!queue.text().contains("bo@gmail.com"), "decided requests leave the queue");
    assert!(queue.text().contains(&app.t(Lang::known("en"), "members-none")));
    // A decision on no request is a 404.
    let none =
        editor.post(&format!("/en/editor/members/{ana}/{}", lyon.id + 1000), &[("decision", "verify")]).await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);
}
