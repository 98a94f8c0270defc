//! Account pages: sign up, e-mail verification, sign in with a second factor, sign out
//! (here or everywhere), password reset, the account page (organisations, API tokens),
//! the editors' membership queue and the admins' account list.

use crate::auth::{set_cookie, AdminOnly, CsrfForm, EditorOnly, SignedIn, Viewer, SESSION_COOKIE};
use crate::error::WebError;
use crate::forms::{Field, FormPage, Input, MessagePage};
use crate::pages::page_lang;
use crate::view::Chrome;
use crate::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use praxis_app::credentials::{
    decoy_hash, hash_password, new_totp_secret, otpauth_uri, totp_matches, verify_password,
};
use praxis_domain::account::{name_problem, normalise_email, password_problem};
use praxis_domain::{Lang, Role};
use praxis_store::{MembershipStatus, SecondFactor, StoreError, User};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/{lang}/sign-in", get(sign_in_form).post(sign_in))
        .route("/{lang}/sign-in/code", get(code_form).post(code))
        .route("/{lang}/sign-out", post(sign_out))
        .route("/{lang}/sign-up", get(sign_up_form).post(sign_up))
        .route("/{lang}/verify", get(verify))
        .route("/{lang}/password/forgot", get(forgot_form).post(forgot))
        .route("/{lang}/password/reset", get(reset_form).post(reset))
        .route("/{lang}/account", get(account_page))
        .route("/{lang}/account/two-factor", get(two_factor_form).post(two_factor))
        .route("/{lang}/account/sign-out-everywhere", post(sign_out_everywhere))
        .route("/{lang}/account/organisations", post(join))
        .route("/{lang}/account/tokens", post(create_token))
        .route("/{lang}/account/tokens/{id}/revoke", post(revoke_token))
        .route("/{lang}/editor/members", get(membership_queue))
        .route("/{lang}/editor/members/{user}/{organisation}", post(decide_membership))
        .route("/{lang}/admin/accounts", get(accounts_list))
        .route("/{lang}/admin/accounts/{id}/role", post(set_role))
        .route("/{lang}/admin/audit", get(audit_log))
        .route("/{lang}/admin/organisations", get(organisations_list))
        .route("/{lang}/admin/organisations/{id}", post(set_organisation))
}

/// Failed sign-ins allowed per account and per address within [`THROTTLE_WINDOW`].
pub const THROTTLE_LIMIT: i64 = 5;
pub const THROTTLE_WINDOW: i64 = 15 * 60;
/// Failed sign-ins allowed per network address: higher, as an office or a proxy puts
/// many people behind one address.
pub const ADDRESS_THROTTLE_LIMIT: i64 = 50;
const VERIFY_SECONDS: i64 = 3 * 86_400;
const RESET_SECONDS: i64 = 3_600;

fn render(page: impl Template) -> Result<Response, WebError> {
    Ok(Html(page.render()?).into_response())
}

fn chrome(state: &AppState, viewer: &Viewer, lang: Lang, path: &str, title_key: &str) -> Chrome {
    Chrome::new(state.i18n.clone(), lang, path, state.i18n.t(lang, title_key)).with_viewer(viewer)
}

/// Only same-site paths are followed after sign-in: a path that starts with one `/`,
/// with no backslash, whitespace or control character (browsers drop tabs and line
/// breaks, which would turn `/\t/evil.example` into `//evil.example`).
fn safe_next(next: &str, lang: Lang) -> String {
    let plain = !next.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\');
    if plain && next.starts_with('/') && !next.starts_with("//") {
        next.to_string()
    } else {
        format!("/{}/account", lang.code())
    }
}

fn with_session_cookie(mut response: Response, token: &str) -> Response {
    let value = set_cookie(SESSION_COOKIE, token, Some(praxis_store::SESSION_DAYS * 86_400));
    if let Ok(v) = HeaderValue::from_str(&value) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    response
}

fn without_session_cookie(mut response: Response) -> Response {
    if let Ok(v) = HeaderValue::from_str(&set_cookie(SESSION_COOKIE, "", Some(0))) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    response
}

/// Messages a network address may cause (sign-ups, reset links) per hour, and messages
/// one recipient receives from those forms per hour: nobody can flood an inbox.
const MAILS_PER_ADDRESS_HOUR: i64 = 20;
const MAILS_PER_RECIPIENT_HOUR: i64 = 3;

/// Whether a form may send one more message to `to` for the client at `address`; counts it.
/// `Err` when the address is over its limit (the form answers 429); `Ok(false)` when only
/// the recipient is (the form answers as usual, without sending).
async fn mail_allowed(state: &AppState, lang: Lang, address: &str, to: &str) -> Result<bool, WebError> {
    let from = format!("mail-from:{address}");
    if state.store.sign_in_failures(&from, 3600).await? >= MAILS_PER_ADDRESS_HOUR {
        return Err(WebError::TooManyRequests(lang));
    }
    state.store.record_sign_in_failure(&from).await?;
    let recipient = format!("mail-to:{to}");
    if state.store.sign_in_failures(&recipient, 3600).await? >= MAILS_PER_RECIPIENT_HOUR {
        return Ok(false);
    }
    state.store.record_sign_in_failure(&recipient).await?;
    Ok(true)
}

// --- Sign in -------------------------------------------------------------------------

#[derive(Deserialize, Default)]
struct NextQuery {
    #[serde(default)]
    next: String,
}

#[derive(Deserialize)]
struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

fn sign_in_page(c: Chrome, email: &str, next: &str, problem: Option<String>) -> FormPage {
    let lang = c.lang;
    let mut page = FormPage::new(c, String::new(), format!("/{}/sign-in", lang.code()), String::new());
    page.heading = page.c.t("sign-in-title");
    page.submit = page.c.t("sign-in-button");
    page.problem = problem;
    page.fields = vec![
        Field::new(&page.c, "email", "field-email", Input::Email).value(email),
        Field::new(&page.c, "password", "field-password", Input::Password),
        Field::new(&page.c, "next", "field-next", Input::Hidden).value(next),
    ];
    page.links = vec![
        (page.c.url("/password/forgot"), page.c.t("sign-in-forgot")),
        (page.c.url("/sign-up"), page.c.t("sign-in-no-account")),
    ];
    page
}

async fn sign_in_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(lang): Path<String>,
    Query(query): Query<NextQuery>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    if viewer.account.is_some() {
        return Ok(Redirect::to(&safe_next(&query.next, lang)).into_response());
    }
    let c = chrome(&state, &viewer, lang, "/sign-in", "sign-in-title");
    render(sign_in_page(c, "", &query.next, None))
}

async fn sign_in(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(lang): Path<String>,
    crate::auth::ClientIp(client): crate::auth::ClientIp,
    CsrfForm(form): CsrfForm<SignInForm>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let c = chrome(&state, &viewer, lang, "/sign-in", "sign-in-title");
    let email = normalise_email(&form.email).unwrap_or_else(|| form.email.trim().to_lowercase());
    let by_account = format!("account:{email}");
    let by_address = format!("address:{client}");
    for (subject, limit) in [(&by_account, THROTTLE_LIMIT), (&by_address, ADDRESS_THROTTLE_LIMIT)] {
        if state.store.sign_in_failures(subject, THROTTLE_WINDOW).await? >= limit {
            let problem = c.t("sign-in-throttled");
            let mut response = render(sign_in_page(c, &form.email, &form.next, Some(problem)))?;
            *response.status_mut() = axum::http::StatusCode::TOO_MANY_REQUESTS;
            return Ok(response);
        }
    }
    let user = state.store.user_by_email(&email).await?;
    let hash = user.as_ref().and_then(|u| u.password_hash.clone());
    let password_ok = verify_password(&form.password, hash.as_deref().unwrap_or(decoy_hash()));
    let Some(user) = user.filter(|_| password_ok && hash.is_some()) else {
        state.store.record_sign_in_failure(&by_account).await?;
        state.store.record_sign_in_failure(&by_address).await?;
        let problem = c.t("sign-in-wrong");
        let mut response = render(sign_in_page(c, &form.email, &form.next, Some(problem)))?;
        *response.status_mut() = axum::http::StatusCode::UNAUTHORIZED;
        return Ok(response);
    };
    if user.email_verified_at.is_none() {
        let problem = c.t("sign-in-unverified");
        return render(sign_in_page(c, &form.email, &form.next, Some(problem)));
    }
    state.store.clear_sign_in_failures(&by_account).await?;
    let factor = if user.totp_enabled() || user.role().needs_second_factor() {
        SecondFactor::Pending
    } else {
        SecondFactor::NotNeeded
    };
    let token = state.store.create_session_with(user.id, factor).await?;
    let next = safe_next(&form.next, lang);
    let to = match factor {
        SecondFactor::Pending if user.totp_enabled() => {
            format!("/{}/sign-in/code?next={}", lang.code(), encode(&next))
        }
        SecondFactor::Pending => format!("/{}/account/two-factor?next={}", lang.code(), encode(&next)),
        _ => next,
    };
    Ok(with_session_cookie(Redirect::to(&to).into_response(), &token))
}

fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[derive(Deserialize)]
struct CodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: String,
}

fn code_page(c: Chrome, next: &str, problem: Option<String>) -> FormPage {
    let action = c.url("/sign-in/code");
    let mut page = FormPage::new(c, String::new(), action, String::new());
    page.heading = page.c.t("code-title");
    page.submit = page.c.t("code-button");
    page.intro = vec![page.c.t("code-intro")];
    page.problem = problem;
    page.fields = vec![
        Field::new(&page.c, "code", "field-code", Input::Code),
        Field::new(&page.c, "next", "field-next", Input::Hidden).value(next),
    ];
    page
}

async fn code_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(lang): Path<String>,
    Query(query): Query<NextQuery>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    if viewer.pending.is_none() {
        return Ok(Redirect::to(&format!("/{}/sign-in", lang.code())).into_response());
    }
    let c = chrome(&state, &viewer, lang, "/sign-in/code", "code-title");
    render(code_page(c, &query.next, None))
}

/// Checks a code against the account's secret, refusing a replayed one.
async fn code_is_valid(state: &AppState, user: &User, code: &str) -> Result<bool, WebError> {
    let Some(secret) = &user.totp_secret else { return Ok(false) };
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    match totp_matches(secret, code, now) {
        Some(step) => Ok(state.store.use_totp_step(user.id, step).await?),
        None => Ok(false),
    }
}

async fn code(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(lang): Path<String>,
    headers: HeaderMap,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let Some(user) = viewer.pending.clone() else {
        return Ok(Redirect::to(&format!("/{}/sign-in", lang.code())).into_response());
    };
    let subject = format!("account:{}", user.email);
    let c = chrome(&state, &viewer, lang, "/sign-in/code", "code-title");
    if state.store.sign_in_failures(&subject, THROTTLE_WINDOW).await? >= THROTTLE_LIMIT {
        let problem = c.t("sign-in-throttled");
        let mut response = render(code_page(c, &form.next, Some(problem)))?;
        *response.status_mut() = axum::http::StatusCode::TOO_MANY_REQUESTS;
        return Ok(response);
    }
    if !code_is_valid(&state, &user, &form.code).await? {
        state.store.record_sign_in_failure(&subject).await?;
        let problem = c.t("code-wrong");
        return render(code_page(c, &form.next, Some(problem)));
    }
    if let Some(token) = crate::auth::cookie(&headers, SESSION_COOKIE) {
        state.store.complete_second_factor(token).await?;
    }
    state.store.clear_sign_in_failures(&subject).await?;
    Ok(Redirect::to(&safe_next(&form.next, lang)).into_response())
}

/// Sets up two-factor sign-in: for an editor finishing their first sign-in, or anyone
/// from their account page.
async fn two_factor_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(lang): Path<String>,
    Query(query): Query<NextQuery>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let Some(user) = viewer.pending.clone().or_else(|| viewer.account.as_ref().map(|a| a.user.clone()))
    else {
        return Ok(Redirect::to(&format!("/{}/sign-in", lang.code())).into_response());
    };
    if user.totp_enabled() {
        // Already on: a pending sign-in owes its code; a signed-in account keeps its
        // authenticator (opening this page must never switch two-step sign-in off).
        let to = if viewer.pending.is_some() {
            format!("/{}/sign-in/code?next={}", lang.code(), encode(&query.next))
        } else {
            format!("/{}/account", lang.code())
        };
        return Ok(Redirect::to(&to).into_response());
    }
    let secret = match (&user.totp_secret, user.totp_enabled()) {
        (Some(secret), false) => secret.clone(),
        _ => {
            let secret = new_totp_secret();
            state.store.set_totp_secret(user.id, &secret).await?;
            secret
        }
    };
    let c = chrome(&state, &viewer, lang, "/account/two-factor", "two-factor-title");
    render(two_factor_page(c, &user, &secret, &query.next, None))
}

fn two_factor_page(c: Chrome, user: &User, secret: &str, next: &str, problem: Option<String>) -> FormPage {
    let action = c.url("/account/two-factor");
    let mut page = FormPage::new(c, String::new(), action, String::new());
    page.heading = page.c.t("two-factor-title");
    page.submit = page.c.t("two-factor-button");
    page.intro = vec![page.c.t("two-factor-intro"), page.c.t("two-factor-secret-label")];
    page.code = Some(format!("{secret}\n{}", otpauth_uri(secret, &user.email)));
    page.problem = problem;
    page.fields = vec![
        Field::new(&page.c, "code", "field-code", Input::Code),
        Field::new(&page.c, "next", "field-next", Input::Hidden).value(next),
    ];
    page
}

async fn two_factor(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(lang): Path<String>,
    headers: HeaderMap,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let Some(user) = viewer.pending.clone().or_else(|| viewer.account.as_ref().map(|a| a.user.clone()))
    else {
        return Ok(Redirect::to(&format!("/{}/sign-in", lang.code())).into_response());
    };
    let user = state.store.user(user.id).await?.ok_or(WebError::PageNotFound(lang))?;
    if user.totp_enabled() {
        let to = if viewer.pending.is_some() { "/sign-in/code" } else { "/account" };
        return Ok(Redirect::to(&format!("/{}{to}", lang.code())).into_response());
    }
    let subject = format!("account:{}", user.email);
    let c = chrome(&state, &viewer, lang, "/account/two-factor", "two-factor-title");
    let secret = user.totp_secret.clone().unwrap_or_default();
    if state.store.sign_in_failures(&subject, THROTTLE_WINDOW).await? >= THROTTLE_LIMIT {
        let problem = c.t("sign-in-throttled");
        let mut response = render(two_factor_page(c, &user, &secret, &form.next, Some(problem)))?;
        *response.status_mut() = axum::http::StatusCode::TOO_MANY_REQUESTS;
        return Ok(response);
    }
    if !code_is_valid(&state, &user, &form.code).await? {
        state.store.record_sign_in_failure(&subject).await?;
        let problem = c.t("code-wrong");
        return render(two_factor_page(c, &user, &secret, &form.next, Some(problem)));
    }
    state.store.clear_sign_in_failures(&subject).await?;
    state.store.enable_totp(user.id).await?;
    if let Some(token) = crate::auth::cookie(&headers, SESSION_COOKIE) {
        state.store.complete_second_factor(token).await?;
    }
    let next = if form.next.is_empty() {
        format!("/{}/account?done=two-factor", lang.code())
    } else {
        safe_next(&form.next, lang)
    };
    Ok(Redirect::to(&next).into_response())
}

#[derive(Deserialize)]
struct EmptyForm {}

async fn sign_out(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    headers: HeaderMap,
    CsrfForm(_): CsrfForm<EmptyForm>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    if let Some(token) = crate::auth::cookie(&headers, SESSION_COOKIE) {
        state.store.delete_session(token).await?;
    }
    Ok(without_session_cookie(Redirect::to(&format!("/{}/", lang.code())).into_response()))
}

async fn sign_out_everywhere(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    SignedIn(account): SignedIn,
    CsrfForm(_): CsrfForm<EmptyForm>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    state.store.delete_sessions_of(account.id).await?;
    Ok(without_session_cookie(Redirect::to(&format!("/{}/", lang.code())).into_response()))
}

// --- Sign up and e-mail verification ------------------------------------------------

#[derive(Deserialize, Default)]
struct SignUpForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

fn sign_up_page(c: Chrome, form: &SignUpForm, errors: [Option<String>; 3]) -> FormPage {
    let action = c.url("/sign-up");
    let mut page = FormPage::new(c, String::new(), action, String::new());
    page.heading = page.c.t("sign-up-title");
    page.submit = page.c.t("sign-up-button");
    page.intro = vec![page.c.t("sign-up-intro")];
    let [name, email, password] = errors;
    page.fields = vec![
        Field::new(&page.c, "name", "field-name", Input::Text).value(&form.name).error(name),
        Field::new(&page.c, "email", "field-email", Input::Email).value(&form.email).error(email),
        Field::new(&page.c, "password", "field-new-password", Input::NewPassword)
            .hint(page.c.t("field-new-password-hint"))
            .error(password),
    ];
    page.links = vec![(page.c.url("/sign-in"), page.c.t("sign-up-have-account"))];
    page
}

async fn sign_up_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(lang): Path<String>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let c = chrome(&state, &viewer, lang, "/sign-up", "sign-up-title");
    render(sign_up_page(c, &SignUpForm::default(), [None, None, None]))
}

async fn sign_up(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(lang): Path<String>,
    crate::auth::ClientIp(client): crate::auth::ClientIp,
    CsrfForm(form): CsrfForm<SignUpForm>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let c = chrome(&state, &viewer, lang, "/sign-up", "sign-up-title");
    let email = normalise_email(&form.email);
    let errors = [
        name_problem(&form.name).map(|code| c.t(&format!("problem-{code}"))),
        email.is_none().then(|| c.t("problem-email")),
        password_problem(&form.password, &form.email).map(|code| c.t(&format!("problem-{code}"))),
    ];
    if errors.iter().any(Option::is_some) {
        let mut response = render(sign_up_page(c, &form, errors))?;
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(response);
    }
    let email = email.unwrap_or_default();
    let address = client;
    if !mail_allowed(&state, lang, &address, &email).await? {
        // Over the recipient's limit: the same answer, without another message.
        let page = MessagePage {
            heading: c.t("sign-up-sent-title"),
            paragraphs: vec![state.i18n.t_args(
                lang,
                "sign-up-sent-text",
                &[("email", email.as_str().into())],
            )],
            links: vec![],
            c,
        };
        return render(page);
    }
    let hash = hash_password(&form.password);
    match state.store.create_user(&email, form.name.trim(), Some(&hash), Role::Member, lang.code()).await {
        Ok(id) => {
            let token = state.store.create_one_time(id, "verify", VERIFY_SECONDS).await?;
            let link = format!("{}/{}/verify?token={token}", state.public_url, lang.code());
            praxis_app::mail::send(
                &state,
                lang,
                &email,
                "mail-verify",
                &[("name", form.name.trim().to_string()), ("link", link)],
            )
            .await;
        }
        // The same answer whether or not the address has an account, so the form does not
        // reveal who is registered; the owner is told by e-mail instead.
        Err(StoreError::Conflict(_)) => {
            let link = format!("{}/{}/password/forgot", state.public_url, lang.code());
            praxis_app::mail::send(&state, lang, &email, "mail-exists", &[("link", link)]).await;
        }
        Err(e) => return Err(e.into()),
    }
    let page = MessagePage {
        heading: c.t("sign-up-sent-title"),
        paragraphs: vec![state.i18n.t_args(lang, "sign-up-sent-text", &[("email", email.as_str().into())])],
        links: vec![],
        c,
    };
    render(page)
}

#[derive(Deserialize)]
struct TokenQuery {
    #[serde(default)]
    token: String,
}

async fn verify(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(lang): Path<String>,
    Query(query): Query<TokenQuery>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let c = chrome(&state, &viewer, lang, "/verify", "verify-title");
    let (heading, text) = match state.store.use_one_time(&query.token, "verify").await? {
        Some(user_id) => {
            state.store.mark_email_verified(user_id).await?;
            (c.t("verify-title"), c.t("verify-done"))
        }
        None => (c.t("verify-failed-title"), c.t("verify-failed")),
    };
    let links = vec![(c.url("/sign-in"), c.t("nav-sign-in"))];
    render(MessagePage { heading, paragraphs: vec![text], links, c })
}

// --- Password reset ------------------------------------------------------------------

#[derive(Deserialize, Default)]
struct ForgotForm {
    #[serde(default)]
    email: String,
}

async fn forgot_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(lang): Path<String>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let c = chrome(&state, &viewer, lang, "/password/forgot", "forgot-title");
    render(forgot_page(c, "", None))
}

fn forgot_page(c: Chrome, email: &str, error: Option<String>) -> FormPage {
    let action = c.url("/password/forgot");
    let mut page = FormPage::new(c, String::new(), action, String::new());
    page.heading = page.c.t("forgot-title");
    page.submit = page.c.t("forgot-button");
    page.intro = vec![page.c.t("forgot-intro")];
    page.fields = vec![Field::new(&page.c, "email", "field-email", Input::Email).value(email).error(error)];
    page
}

async fn forgot(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(lang): Path<String>,
    crate::auth::ClientIp(client): crate::auth::ClientIp,
    CsrfForm(form): CsrfForm<ForgotForm>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let c = chrome(&state, &viewer, lang, "/password/forgot", "forgot-title");
    let Some(email) = normalise_email(&form.email) else {
        let error = Some(c.t("problem-email"));
        return render(forgot_page(c, &form.email, error));
    };
    let address = client;
    let allowed = mail_allowed(&state, lang, &address, &email).await?;
    if let Some(user) = state.store.user_by_email(&email).await?.filter(|_| allowed) {
        let token = state.store.create_one_time(user.id, "reset", RESET_SECONDS).await?;
        let link = format!("{}/{}/password/reset?token={token}", state.public_url, lang.code());
        praxis_app::mail::send(
            &state,
            lang,
            &email,
            "mail-reset",
            &[("name", user.name.clone()), ("link", link)],
        )
        .await;
    }
    let page = MessagePage {
        heading: c.t("forgot-sent-title"),
        paragraphs: vec![state.i18n.t_args(lang, "forgot-sent-text", &[("email", email.as_str().into())])],
        links: vec![],
        c,
    };
    render(page)
}

#[derive(Deserialize, Default)]
struct ResetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
}

fn reset_page(c: Chrome, token: &str, error: Option<String>) -> FormPage {
    let action = c.url("/password/reset");
    let mut page = FormPage::new(c, String::new(), action, String::new());
    page.heading = page.c.t("reset-title");
    page.submit = page.c.t("reset-button");
    page.fields = vec![
        Field::new(&page.c, "password", "field-new-password", Input::NewPassword)
            .hint(page.c.t("field-new-password-hint"))
            .error(error),
        Field::new(&page.c, "token", "field-next", Input::Hidden).value(token),
    ];
    page
}

async fn reset_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(lang): Path<String>,
    Query(query): Query<TokenQuery>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let c = chrome(&state, &viewer, lang, "/password/reset", "reset-title");
    render(reset_page(c, &query.token, None))
}

async fn reset(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(lang): Path<String>,
    CsrfForm(form): CsrfForm<ResetForm>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let c = chrome(&state, &viewer, lang, "/password/reset", "reset-title");
    if let Some(code) = password_problem(&form.password, "") {
        let error = Some(c.t(&format!("problem-{code}")));
        return render(reset_page(c, &form.token, error));
    }
    let Some(user_id) = state.store.use_one_time(&form.token, "reset").await? else {
        let links = vec![(c.url("/password/forgot"), c.t("forgot-title"))];
        return render(MessagePage {
            heading: c.t("verify-failed-title"),
            paragraphs: vec![c.t("reset-failed")],
            links,
            c,
        });
    };
    state.store.set_password(user_id, &hash_password(&form.password)).await?;
    // Whoever knew the old password is signed out; following the link proves the address.
    state.store.delete_sessions_of(user_id).await?;
    state.store.mark_email_verified(user_id).await?;
    let links = vec![(c.url("/sign-in"), c.t("nav-sign-in"))];
    let response =
        render(MessagePage { heading: c.t("reset-title"), paragraphs: vec![c.t("reset-done")], links, c })?;
    Ok(without_session_cookie(response))
}

// --- The account page ----------------------------------------------------------------

pub struct MembershipView {
    pub organisation: String,
    pub status: String,
}

pub struct TokenView {
    pub id: i64,
    pub label: String,
    pub created: String,
    pub revoked: bool,
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    c: Chrome,
    name: String,
    email: String,
    role: String,
    two_factor: bool,
    memberships: Vec<MembershipView>,
    organisations: Vec<(String, String)>,
    tokens: Vec<TokenView>,
    new_token: Option<String>,
    notice: Option<String>,
}

#[derive(Deserialize, Default)]
struct AccountQuery {
    #[serde(default)]
    done: String,
}

async fn account_page(
    State(state): State<AppState>,
    viewer: Viewer,
    SignedIn(account): SignedIn,
    Path(lang): Path<String>,
    Query(query): Query<AccountQuery>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let c = chrome(&state, &viewer, lang, "/account", "account-title").with_nav("account");
    render(account_view(&state, c, &account, None, &query.done).await?)
}

async fn account_view(
    state: &AppState,
    c: Chrome,
    account: &crate::auth::Account,
    new_token: Option<String>,
    done: &str,
) -> Result<AccountPage, WebError> {
    let memberships = state.store.memberships_of(account.id).await?;
    let joined: Vec<i64> = memberships.iter().map(|m| m.organisation.id).collect();
    let organisations = state
        .store
        .organisations()
        .await?
        .into_iter()
        .filter(|o| !joined.contains(&o.id))
        .map(|o| (o.slug, o.name))
        .collect();
    let tokens = state
        .store
        .api_tokens_of(account.id)
        .await?
        .into_iter()
        .map(|t| TokenView {
            id: t.id,
            label: t.label,
            created: t.created_at[..10].to_string(),
            revoked: t.revoked_at.is_some(),
        })
        .collect();
    let notice = match done {
        "two-factor" => Some(c.t("two-factor-done")),
        "joined" => Some(c.t("join-done")),
        "requested" => Some(c.t("join-requested")),
        "revoked" => Some(c.t("token-revoked")),
        _ => None,
    };
    Ok(AccountPage {
        name: account.name.clone(),
        email: account.email.clone(),
        role: c.t(&format!("role-{}", account.role)),
        two_factor: account.user.totp_enabled(),
        memberships: memberships
            .into_iter()
            .map(|m| MembershipView {
                organisation: m.organisation.name,
                status: c.t(&format!("membership-{}", m.status.as_str())),
            })
            .collect(),
        organisations,
        tokens,
        new_token,
        notice,
        c,
    })
}

#[derive(Deserialize)]
struct JoinForm {
    #[serde(default)]
    organisation: String,
}

async fn join(
    State(state): State<AppState>,
    SignedIn(account): SignedIn,
    Path(lang): Path<String>,
    CsrfForm(form): CsrfForm<JoinForm>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let Some(organisation) = state.store.organisation(&form.organisation).await? else {
        return Err(WebError::PageNotFound(lang));
    };
    let status = state.store.request_membership(account.id, organisation.id).await?;
    let done = if status == MembershipStatus::Verified { "joined" } else { "requested" };
    Ok(Redirect::to(&format!("/{}/account?done={done}", lang.code())).into_response())
}

#[derive(Deserialize)]
struct TokenForm {
    #[serde(default)]
    label: String,
}

async fn create_token(
    State(state): State<AppState>,
    viewer: Viewer,
    SignedIn(account): SignedIn,
    Path(lang): Path<String>,
    CsrfForm(form): CsrfForm<TokenForm>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let label: String = form.label.trim().chars().take(100).collect();
    let label = if label.is_empty() { "API".to_string() } else { label };
    let token = state.store.create_api_token(account.id, &label).await?;
    let c = chrome(&state, &viewer, lang, "/account", "account-title").with_nav("account");
    // The token is shown once, on this answer to the POST, and never again.
    render(account_view(&state, c, &account, Some(token), "").await?)
}

async fn revoke_token(
    State(state): State<AppState>,
    SignedIn(account): SignedIn,
    Path((lang, id)): Path<(String, i64)>,
    CsrfForm(_): CsrfForm<EmptyForm>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    match state.store.revoke_api_token(account.id, id).await {
        Ok(()) => Ok(Redirect::to(&format!("/{}/account?done=revoked", lang.code())).into_response()),
        Err(StoreError::NotFound) => Err(WebError::PageNotFound(lang)),
        Err(e) => Err(e.into()),
    }
}

// --- Editors: membership requests ----------------------------------------------------

pub struct RequestView {
    pub user_id: i64,
    pub organisation_id: i64,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub requested: String,
}

#[derive(Template)]
#[template(path = "editor-members.html")]
struct MembershipQueue {
    c: Chrome,
    requests: Vec<RequestView>,
}

async fn membership_queue(
    State(state): State<AppState>,
    viewer: Viewer,
    EditorOnly(_): EditorOnly,
    Path(lang): Path<String>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let c = chrome(&state, &viewer, lang, "/editor/members", "members-title").with_nav("editor");
    let requests = state
        .store
        .pending_memberships()
        .await?
        .into_iter()
        .map(|m| RequestView {
            user_id: m.user_id,
            organisation_id: m.organisation.id,
            name: m.user_name,
            email: m.user_email,
            organisation: m.organisation.name,
            requested: m.requested_at[..10].to_string(),
        })
        .collect();
    render(MembershipQueue { c, requests })
}

#[derive(Deserialize)]
struct DecisionForm {
    #[serde(default)]
    decision: String,
}

async fn decide_membership(
    State(state): State<AppState>,
    EditorOnly(editor): EditorOnly,
    Path((lang, user_id, organisation_id)): Path<(String, i64, i64)>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let verified = form.decision == "verify";
    match state.store.decide_membership(user_id, organisation_id, verified, &editor.user).await {
        Ok(()) => {}
        Err(StoreError::NotFound) => return Err(WebError::PageNotFound(lang)),
        Err(e) => return Err(e.into()),
    }
    if let Some(member) = state.store.user(user_id).await? {
        let member_lang: Lang = member.language.parse().unwrap_or_default();
        let organisation = state
            .store
            .memberships_of(user_id)
            .await?
            .into_iter()
            .find(|m| m.organisation.id == organisation_id)
            .map(|m| m.organisation.name)
            .unwrap_or_default();
        let key = if verified { "mail-membership-verified" } else { "mail-membership-refused" };
        praxis_app::mail::send(
            &state,
            member_lang,
            &member.email,
            key,
            &[("name", member.name.clone()), ("organisation", organisation)],
        )
        .await;
    }
    Ok(Redirect::to(&format!("/{}/editor/members", lang.code())).into_response())
}

// --- Admins: accounts and roles --------------------------------------------------------

pub struct AccountRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: &'static str,
    pub verified: bool,
    pub two_factor: bool,
}

impl AccountRow {
    pub fn has_role(&self, role: &str) -> bool {
        self.role == role
    }
}

#[derive(Template)]
#[template(path = "admin-accounts.html")]
struct AccountsList {
    c: Chrome,
    accounts: Vec<AccountRow>,
    roles: Vec<(&'static str, String)>,
}

async fn accounts_list(
    State(state): State<AppState>,
    viewer: Viewer,
    AdminOnly(_): AdminOnly,
    Path(lang): Path<String>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let c = chrome(&state, &viewer, lang, "/admin/accounts", "accounts-title").with_nav("admin");
    let accounts = state
        .store
        .users()
        .await?
        .into_iter()
        .map(|u| AccountRow {
            id: u.id,
            role: u.role().as_str(),
            verified: u.email_verified_at.is_some(),
            two_factor: u.totp_enabled(),
            name: u.name,
            email: u.email,
        })
        .collect();
    let roles = Role::ALL.iter().map(|r| (r.as_str(), c.t(&format!("role-{r}")))).collect();
    render(AccountsList { c, accounts, roles })
}

#[derive(Deserialize)]
struct RoleForm {
    #[serde(default)]
    role: String,
}

async fn set_role(
    State(state): State<AppState>,
    AdminOnly(admin): AdminOnly,
    Path((lang, id)): Path<(String, i64)>,
    CsrfForm(form): CsrfForm<RoleForm>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let Some(role) = Role::parse(&form.role) else { return Err(WebError::PageNotFound(lang)) };
    let Some(user) = state.store.user(id).await? else { return Err(WebError::PageNotFound(lang)) };
    state.store.set_role(id, role).await?;
    // A new role takes effect at the next sign-in, with two-factor when it needs it.
    state.store.delete_sessions_of(id).await?;
    state
        .store
        .audit(&admin.user, "account.role", "account", &user.email, &format!("{} -> {role}", user.role()))
        .await?;
    Ok(Redirect::to(&format!("/{}/admin/accounts", lang.code())).into_response())
}

#[derive(Template)]
#[template(path = "admin-audit.html")]
struct AuditPage {
    c: Chrome,
    entries: Vec<praxis_store::AuditEntry>,
}

/// The newest 500 editor and admin actions.
async fn audit_log(
    State(state): State<AppState>,
    viewer: Viewer,
    AdminOnly(_): AdminOnly,
    Path(lang): Path<String>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let c = chrome(&state, &viewer, lang, "/admin/audit", "audit-title").with_nav("admin");
    let entries = state.store.audit_log(None, 500).await?;
    render(AuditPage { c, entries })
}

/// Kinds of organisation a member can belong to.
pub const ORGANISATION_KINDS: &[&str] =
    &["local", "metropolitan", "regional", "national", "network", "other"];

pub struct OrganisationRow {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub domains: String,
}

impl OrganisationRow {
    pub fn has_kind(&self, kind: &str) -> bool {
        self.kind == kind
    }
}

#[derive(Template)]
#[template(path = "admin-organisations.html")]
struct OrganisationsPage {
    c: Chrome,
    organisations: Vec<OrganisationRow>,
    kinds: Vec<(&'static str, String)>,
}

/// Organisations, their kind and the e-mail domains whose owners join without review.
async fn organisations_list(
    State(state): State<AppState>,
    viewer: Viewer,
    AdminOnly(_): AdminOnly,
    Path(lang): Path<String>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let c = chrome(&state, &viewer, lang, "/admin/organisations", "organisations-title").with_nav("admin");
    let organisations = state
        .store
        .organisations()
        .await?
        .into_iter()
        .map(|o| OrganisationRow { id: o.id, name: o.name, kind: o.kind, domains: o.email_domains })
        .collect();
    let kinds = ORGANISATION_KINDS.iter().map(|k| (*k, c.t(&format!("organisation-kind-{k}")))).collect();
    render(OrganisationsPage { c, organisations, kinds })
}

#[derive(Deserialize)]
struct OrganisationForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    domains: String,
}

async fn set_organisation(
    State(state): State<AppState>,
    AdminOnly(admin): AdminOnly,
    Path((lang, id)): Path<(String, i64)>,
    CsrfForm(form): CsrfForm<OrganisationForm>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    if !ORGANISATION_KINDS.contains(&form.kind.as_str()) {
        return Err(WebError::PageNotFound(lang));
    }
    // Only plausible domains are kept (a dot, no @, no spaces inside).
    let domains: Vec<String> = form
        .domains
        .split([' ', ',', '\n', '\r'])
        .map(|d| d.trim().trim_start_matches('@').to_lowercase())
        .filter(|d| d.contains('.') && !d.contains('@') && d.len() <= 253)
        .collect();
    let Some(organisation) = state.store.organisations().await?.into_iter().find(|o| o.id == id) else {
        return Err(WebError::PageNotFound(lang));
    };
    state.store.set_organisation_domains(id, &form.kind, &domains.join(" ")).await?;
    let detail = format!("{} {}", form.kind, domains.join(" "));
    state
        .store
        .audit(&admin.user, "organisation.update", "organisation", &organisation.slug, &detail)
        .await?;
    Ok(Redirect::to(&format!("/{}/admin/organisations", lang.code())).into_response())
}
