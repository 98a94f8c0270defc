//! Sign up and e-mail verification.

use super::*;

#[derive(Deserialize, Default)]
pub(super) struct SignUpForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

pub(super) fn sign_up_page(c: Chrome, form: &SignUpForm, errors: &Form) -> FormPage {
    let action = c.url("/sign-up");
    let mut page = FormPage::new(c, String::new(), action, String::new());
    page.heading = page.c.t("sign-up-title");
    page.submit = page.c.t("sign-up-button");
    page.intro = vec![page.c.t("sign-up-intro")];
    page.fields = vec![
        Field::new(&page.c, "name", "field-name", Input::Text).value(&form.name).error(errors),
        Field::new(&page.c, "email", "field-email", Input::Email).value(&form.email).error(errors),
        Field::new(&page.c, "password", "field-new-password", Input::NewPassword)
            .hint(page.c.t("field-new-password-hint"))
            .error(errors),
    ];
    page.links = vec![(page.c.url("/sign-in"), page.c.t("sign-up-have-account"))];
    page
}

pub(super) async fn sign_up_form(page: Page) -> Result<Response, WebError> {
    let c = page.chrome_t("/sign-up", "sign-up-title");
    render(sign_up_page(c, &SignUpForm::default(), &Form::default()))
}

pub(super) async fn sign_up(
    State(state): State<AppState>,
    page: Page,
    crate::auth::ClientIp(client): crate::auth::ClientIp,
    CsrfForm(form): CsrfForm<SignUpForm>,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let c = page.chrome_t("/sign-up", "sign-up-title");
    let email = match identity::sign_up(&state, lang, &form.name, &form.email, &form.password, &client).await
    {
        Ok(email) => email,
        Err(AppError::Invalid { fields, .. }) if !fields.is_empty() => {
            let errors = Form::from_problems(&c, "problem-", &fields);
            let mut response = render(sign_up_page(c, &form, &errors))?;
            *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(response);
        }
        Err(AppError::TooMany) => return Err(WebError::TooManyRequests(lang)),
        Err(e) => return Err(e.into()),
    };
    let page = MessagePage {
        heading: c.t("sign-up-sent-title"),
        paragraphs: vec![state.i18n.t_args(lang, "sign-up-sent-text", &[("email", email.as_str().into())])],
        links: vec![],
        c,
    };
    render(page)
}

pub(super) async fn verify(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<TokenQuery>,
) -> Result<Response, WebError> {
    let c = page.chrome_t("/verify", "verify-title");
    let (heading, text) = match identity::confirm_address(&state, &query.token).await {
        Ok(()) => (c.t("verify-title"), c.t("verify-done")),
        Err(AppError::Conflict { code: identity::LINK_SPENT, .. }) => {
            (c.t("verify-failed-title"), c.t("verify-failed"))
        }
        Err(e) => return Err(e.into()),
    };
    let links = vec![(c.url("/sign-in"), c.t("nav-sign-in"))];
    render(MessagePage { heading, paragraphs: vec![text], links, c })
}
