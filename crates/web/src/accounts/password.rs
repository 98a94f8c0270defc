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
    let email = match identity::request_reset(&state, lang, &form.email, &client).await {
        Ok(email) => email,
        Err(AppError::Invalid { .. }) => {
            let error = Some(c.t("problem-email"));
            return render(forgot_page(c, &form.email, error));
        }
        Err(AppError::TooMany) => return Err(WebError::TooManyRequests(lang)),
        Err(e) => return Err(e.into()),
    };
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
    match identity::reset_password(&state, &form.token, &form.password).await {
        Ok(()) => {}
        Err(AppError::Invalid { fields, .. }) if fields.contains_key("password") => {
            let error = fields.get("password").map(|p| c.t(&format!("problem-{}", p.code)));
            return render(reset_page(c, &form.token, error));
        }
        Err(AppError::Conflict { code: identity::LINK_SPENT, .. }) => {
            let links = vec![(c.url("/password/forgot"), c.t("forgot-title"))];
            return render(MessagePage {
                heading: c.t("verify-failed-title"),
                paragraphs: vec![c.t("reset-failed")],
                links,
                c,
            });
        }
        Err(e) => return Err(e.into()),
    }
    let links = vec![(c.url("/sign-in"), c.t("nav-sign-in"))];
    let response =
        render(MessagePage { heading: c.t("reset-title"), paragraphs: vec![c.t("reset-done")], links, c })?;
    Ok(without_session_cookie(response))
}
