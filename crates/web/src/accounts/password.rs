//! Password reset.

use super::*;

#[derive(Deserialize, Default)]
pub(super) struct ForgotForm {
    #[serde(default)]
    email: String,
}

pub(super) async fn forgot_form(page: Page) -> Result<Response, WebError> {
    let c = page.chrome_t("/password/forgot", "forgot-title");
    render(forgot_page(c, "", &Form::default()))
}

pub(super) fn forgot_page(c: Chrome, email: &str, errors: &Form) -> FormPage {
    let action = c.url("/password/forgot");
    let mut page = FormPage::new(c, String::new(), action, String::new());
    page.heading = page.c.t("forgot-title");
    page.submit = page.c.t("forgot-button");
    page.intro = vec![page.c.t("forgot-intro")];
    page.fields = vec![Field::new(&page.c, "email", "field-email", Input::Email).value(email).error(errors)];
    page
}

pub(super) async fn forgot(
    State(state): State<AppState>,
    page: Page,
    crate::auth::ClientIp(client): crate::auth::ClientIp,
    CsrfForm(form): CsrfForm<ForgotForm>,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let c = page.chrome_t("/password/forgot", "forgot-title");
    let email = match identity::request_reset(&state, lang, &form.email, &client).await {
        Ok(email) => email,
        Err(AppError::Invalid { .. }) => {
            let errors = Form::with_error("email", c.t("problem-email"));
            return render(forgot_page(c, &form.email, &errors));
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

pub(super) fn reset_page(c: Chrome, token: &str, errors: &Form) -> FormPage {
    let action = c.url("/password/reset");
    let mut page = FormPage::new(c, String::new(), action, String::new());
    page.heading = page.c.t("reset-title");
    page.submit = page.c.t("reset-button");
    page.fields = vec![
        Field::new(&page.c, "password", "field-new-password", Input::NewPassword)
            .hint(page.c.t("field-new-password-hint"))
            .error(errors),
        Field::new(&page.c, "token", "field-next", Input::Hidden).value(token),
    ];
    page
}

pub(super) async fn reset_form(page: Page, Query(query): Query<TokenQuery>) -> Result<Response, WebError> {
    let c = page.chrome_t("/password/reset", "reset-title");
    render(reset_page(c, &query.token, &Form::default()))
}

pub(super) async fn reset(
    State(state): State<AppState>,
    page: Page,
    CsrfForm(form): CsrfForm<ResetForm>,
) -> Result<Response, WebError> {
    let c = page.chrome_t("/password/reset", "reset-title");
    match identity::reset_password(&state, &form.token, &form.password).await {
        Ok(()) => {}
        Err(AppError::Invalid { fields, .. }) if fields.contains_key("password") => {
            let errors = Form::from_problems(&c, "problem-", &fields);
            return render(reset_page(c, &form.token, &errors));
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
