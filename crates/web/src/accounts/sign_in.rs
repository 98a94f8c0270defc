//! Sign in.

use super::*;

#[derive(Deserialize, Default)]
pub(super) struct NextQuery {
    #[serde(default)]
    next: String,
}

#[derive(Deserialize)]
pub(super) struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

pub(super) fn sign_in_page(c: Chrome, email: &str, next: &str, problem: Option<String>) -> FormPage {
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

pub(super) async fn sign_in_form(page: Page, Query(query): Query<NextQuery>) -> Result<Response, WebError> {
    if page.viewer.account.is_some() {
        return Ok(Redirect::to(&safe_next(&query.next, page.lang)).into_response());
    }
    let c = page.chrome_t("/sign-in", "sign-in-title");
    render(sign_in_page(c, "", &query.next, None))
}

pub(super) async fn sign_in(
    State(state): State<AppState>,
    page: Page,
    crate::auth::ClientIp(client): crate::auth::ClientIp,
    CsrfForm(form): CsrfForm<SignInForm>,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let c = page.chrome_t("/sign-in", "sign-in-title");
    let opened = match identity::sign_in(&state, &form.email, &form.password, &client).await {
        Ok(opened) => opened,
        Err(e) => {
            let (key, status) = match &e {
                AppError::TooMany => ("sign-in-throttled", StatusCode::TOO_MANY_REQUESTS),
                AppError::Invalid { code: identity::WRONG_CREDENTIALS, .. } => {
                    ("sign-in-wrong", StatusCode::UNAUTHORIZED)
                }
                AppError::Conflict { code: identity::ADDRESS_UNCONFIRMED, .. } => {
                    ("sign-in-unverified", StatusCode::OK)
                }
                _ => return Err(e.into()),
            };
            let problem = c.t(key);
            return with_status(render(sign_in_page(c, &form.email, &form.next, Some(problem))), status);
        }
    };
    let next = safe_next(&form.next, lang);
    let to = match opened.step {
        Step::Code => format!("/{}/sign-in/code?next={}", lang.code(), encode(&next)),
        Step::SetUpTwoFactor => format!("/{}/account/two-factor?next={}", lang.code(), encode(&next)),
        Step::Done => next,
    };
    Ok(with_session_cookie(Redirect::to(&to).into_response(), &opened.session))
}

/// The page for a refused code: throttled (429) or wrong (200, the form again).
fn code_refused(
    e: AppError,
    c: Chrome,
    page: impl FnOnce(Chrome, String) -> FormPage,
) -> Result<Response, WebError> {
    let (key, status) = match &e {
        AppError::TooMany => ("sign-in-throttled", StatusCode::TOO_MANY_REQUESTS),
        AppError::Invalid { code: identity::WRONG_CODE, .. } => ("code-wrong", StatusCode::OK),
        _ => return Err(e.into()),
    };
    let problem = c.t(key);
    with_status(render(page(c, problem)), status)
}

fn with_status(response: Result<Response, WebError>, status: StatusCode) -> Result<Response, WebError> {
    let mut response = response?;
    *response.status_mut() = status;
    Ok(response)
}

pub(super) fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[derive(Deserialize)]
pub(super) struct CodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: String,
}

pub(super) fn code_page(c: Chrome, next: &str, problem: Option<String>) -> FormPage {
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

pub(super) async fn code_form(page: Page, Query(query): Query<NextQuery>) -> Result<Response, WebError> {
    if page.viewer.pending.is_none() {
        return Ok(Redirect::to(&format!("/{}/sign-in", page.lang.code())).into_response());
    }
    let c = page.chrome_t("/sign-in/code", "code-title");
    render(code_page(c, &query.next, None))
}

pub(super) async fn code(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    crate::auth::ClientIp(client): crate::auth::ClientIp,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let Some(user) = page.viewer.pending.clone() else {
        return Ok(Redirect::to(&format!("/{}/sign-in", lang.code())).into_response());
    };
    let c = page.chrome_t("/sign-in/code", "code-title");
    let session = crate::auth::cookie(&headers, SESSION_COOKIE);
    if let Err(e) = identity::second_factor(&state, &user, session, &form.code, &client).await {
        return code_refused(e, c, |c, problem| code_page(c, &form.next, Some(problem)));
    }
    Ok(Redirect::to(&safe_next(&form.next, lang)).into_response())
}

/// Sets up two-factor sign-in: for an editor finishing their first sign-in, or anyone
/// from their account page.
pub(super) async fn two_factor_form(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<NextQuery>,
) -> Result<Response, WebError> {
    let (lang, viewer) = (page.lang, &page.viewer);
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
    let secret = identity::two_factor_secret(&state, &user).await?.unwrap_or_default();
    let c = page.chrome_t("/account/two-factor", "two-factor-title");
    render(two_factor_page(c, &user, &secret, &query.next, None))
}

pub(super) fn two_factor_page(
    c: Chrome,
    user: &User,
    secret: &str,
    next: &str,
    problem: Option<String>,
) -> FormPage {
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

pub(super) async fn two_factor(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    crate::auth::ClientIp(client): crate::auth::ClientIp,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<Response, WebError> {
    let (lang, viewer) = (page.lang, &page.viewer);
    let Some(user) = viewer.pending.clone().or_else(|| viewer.account.as_ref().map(|a| a.user.clone()))
    else {
        return Ok(Redirect::to(&format!("/{}/sign-in", lang.code())).into_response());
    };
    let c = page.chrome_t("/account/two-factor", "two-factor-title");
    let session = crate::auth::cookie(&headers, SESSION_COOKIE);
    match identity::enable_two_factor(&state, user.id, session, &form.code, &client).await {
        Ok(()) => {}
        Err(AppError::Conflict { code: "two_factor_on", .. }) => {
            let to = if viewer.pending.is_some() { "/sign-in/code" } else { "/account" };
            return Ok(Redirect::to(&format!("/{}{to}", lang.code())).into_response());
        }
        Err(e) => {
            let user = identity::user(&state, user.id).await?.unwrap_or(user);
            let secret = user.totp_secret.clone().unwrap_or_default();
            return code_refused(e, c, |c, problem| {
                two_factor_page(c, &user, &secret, &form.next, Some(problem))
            });
        }
    }
    let next = if form.next.is_empty() {
        format!("/{}/account?done=two-factor", lang.code())
    } else {
        safe_next(&form.next, lang)
    };
    Ok(Redirect::to(&next).into_response())
}

pub(super) async fn sign_out_everywhere(
    State(state): State<AppState>,
    SignedIn(account): SignedIn,
    page: Page,
    CsrfForm(_): CsrfForm<EmptyForm>,
) -> Result<Response, WebError> {
    identity::sign_out_everywhere(&state, &account).await?;
    Ok(without_session_cookie(Redirect::to(&format!("/{}/", page.lang.code())).into_response()))
}

pub(super) async fn sign_out(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    CsrfForm(_): CsrfForm<EmptyForm>,
) -> Result<Response, WebError> {
    let lang = page.lang;
    if let Some(token) = crate::auth::cookie(&headers, SESSION_COOKIE) {
        identity::sign_out(&state, token).await?;
    }
    Ok(without_session_cookie(Redirect::to(&format!("/{}/", lang.code())).into_response()))
}
