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

pub(super) fn sign_up_page(c: Chrome, form: &SignUpForm, errors: [Option<String>; 3]) -> FormPage {
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

pub(super) async fn sign_up_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(lang): Path<String>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let c = chrome(&state, &viewer, lang, "/sign-up", "sign-up-title");
    render(sign_up_page(c, &SignUpForm::default(), [None, None, None]))
}

pub(super) async fn sign_up(
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

pub(super) async fn verify(
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
