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

pub(super) async fn sign_in_form(
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

pub(super) async fn sign_in(
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
        if state.store.hits(subject, THROTTLE_WINDOW).await? >= limit {
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
        state.store.hit(&by_account).await?;
        state.store.hit(&by_address).await?;
        let problem = c.t("sign-in-wrong");
        let mut response = render(sign_in_page(c, &form.email, &form.next, Some(problem)))?;
        *response.status_mut() = axum::http::StatusCode::UNAUTHORIZED;
        return Ok(response);
    };
    if user.email_verified_at.is_none() {
        let problem = c.t("sign-in-unverified");
        return render(sign_in_page(c, &form.email, &form.next, Some(problem)));
    }
    state.store.clear_hits(&by_account).await?;
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

pub(super) async fn code_form(
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
pub(super) async fn code_is_valid(state: &AppState, user: &User, code: &str) -> Result<bool, WebError> {
    let Some(secret) = &user.totp_secret else { return Ok(false) };
    let now = jiff::Timestamp::now().as_second();
    match totp_matches(secret, code, now) {
        Some(step) => Ok(state.store.use_totp_step(user.id, step).await?),
        None => Ok(false),
    }
}

pub(super) async fn code(
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
    if state.store.hits(&subject, THROTTLE_WINDOW).await? >= THROTTLE_LIMIT {
        let problem = c.t("sign-in-throttled");
        let mut response = render(code_page(c, &form.next, Some(problem)))?;
        *response.status_mut() = axum::http::StatusCode::TOO_MANY_REQUESTS;
        return Ok(response);
    }
    if !code_is_valid(&state, &user, &form.code).await? {
        state.store.hit(&subject).await?;
        let problem = c.t("code-wrong");
        return render(code_page(c, &form.next, Some(problem)));
    }
    if let Some(token) = crate::auth::cookie(&headers, SESSION_COOKIE) {
        state.store.complete_second_factor(token).await?;
    }
    state.store.clear_hits(&subject).await?;
    Ok(Redirect::to(&safe_next(&form.next, lang)).into_response())
}

/// Sets up two-factor sign-in: for an editor finishing their first sign-in, or anyone
/// from their account page.
pub(super) async fn two_factor_form(
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
    if state.store.hits(&subject, THROTTLE_WINDOW).await? >= THROTTLE_LIMIT {
        let problem = c.t("sign-in-throttled");
        let mut response = render(two_factor_page(c, &user, &secret, &form.next, Some(problem)))?;
        *response.status_mut() = axum::http::StatusCode::TOO_MANY_REQUESTS;
        return Ok(response);
    }
    if !code_is_valid(&state, &user, &form.code).await? {
        state.store.hit(&subject).await?;
        let problem = c.t("code-wrong");
        return render(two_factor_page(c, &user, &secret, &form.next, Some(problem)));
    }
    state.store.clear_hits(&subject).await?;
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

pub(super) async fn sign_out_everywhere(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    SignedIn(account): SignedIn,
    CsrfForm(_): CsrfForm<EmptyForm>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    state.store.delete_sessions_of(account.id).await?;
    Ok(without_session_cookie(Redirect::to(&format!("/{}/", lang.code())).into_response()))
}

pub(super) async fn sign_out(
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
