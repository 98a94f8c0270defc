//! Password reset.

use super::*;

#[derive(Deserialize, Default)]
pub(super) struct ForgotForm {
    #[serde(default)]
    email: String,
}

pub(super) async fn forgot_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(lang): Path<String>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let c = chrome(&state, &viewer, lang, "/password/forgot", "forgot-title");
    render(forgot_page(c, "", None))
}

pub(super) fn forgot_page(c: Chrome, email: &str, error: Option<String>) -> FormPage {
    let action = c.url("/password/forgot");
    let mut page = FormPage::new(c, String::new(), action, String::new());
    page.heading = page.c.t("forgot-title");
    page.submit = page.c.t("forgot-button");
    page.intro = vec![page.c.t("forgot-intro")];
    page.fields = vec![Field::new(&page.c, "email", "field-email", Input::Email).value(email).error(error)];
    page
}

pub(super) async fn forgot(
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
pub(super) struct ResetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
}

pub(super) fn reset_page(c: Chrome, token: &str, error: Option<String>) -> FormPage {
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

pub(super) async fn reset_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(lang): Path<String>,
    Query(query): Query<TokenQuery>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let c = chrome(&state, &viewer, lang, "/password/reset", "reset-title");
    render(reset_page(c, &query.token, None))
}

pub(super) async fn reset(
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
