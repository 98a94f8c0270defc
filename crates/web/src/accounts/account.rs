//! The account page.

use super::*;

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
#[template(path = "accounts/account.html")]
pub(super) struct AccountPage {
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
pub(super) struct AccountQuery {
    #[serde(default)]
    done: String,
}

pub(super) async fn account_page(
    State(state): State<AppState>,
    SignedIn(account): SignedIn,
    page: Page,
    Query(query): Query<AccountQuery>,
) -> Result<Response, WebError> {
    let c = page.chrome_t("/account", "account-title").with_nav("account");
    render(account_view(&state, c, &account, None, &query.done).await?)
}

pub(super) async fn account_view(
    state: &AppState,
    c: Chrome,
    account: &crate::auth::Account,
    new_token: Option<String>,
    done: &str,
) -> Result<AccountPage, WebError> {
    let overview = praxis_app::accounts::overview(state, account).await?;
    let memberships = overview.memberships;
    let organisations = overview.others.into_iter().map(|o| (o.slug, o.name)).collect();
    let tokens = overview
        .tokens
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
pub(super) struct JoinForm {
    #[serde(default)]
    organisation: String,
}

pub(super) async fn join(
    State(state): State<AppState>,
    SignedIn(account): SignedIn,
    page: Page,
    CsrfForm(form): CsrfForm<JoinForm>,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let status = praxis_app::accounts::request_membership(&state, &account, &form.organisation).await?;
    let done = if status == MembershipStatus::Verified { "joined" } else { "requested" };
    Ok(Redirect::to(&format!("/{}/account?done={done}", lang.code())).into_response())
}

#[derive(Deserialize)]
pub(super) struct TokenForm {
    #[serde(default)]
    label: String,
}

pub(super) async fn create_token(
    State(state): State<AppState>,
    SignedIn(account): SignedIn,
    page: Page,
    CsrfForm(form): CsrfForm<TokenForm>,
) -> Result<Response, WebError> {
    let token = identity::create_token(&state, &account, &form.label).await?;
    let c = page.chrome_t("/account", "account-title").with_nav("account");
    // The token is shown once, on this answer to the POST, and never again.
    render(account_view(&state, c, &account, Some(token), "").await?)
}

pub(super) async fn revoke_token(
    State(state): State<AppState>,
    SignedIn(account): SignedIn,
    page: Page,
    Path((_, id)): Path<(String, i64)>,
    CsrfForm(_): CsrfForm<EmptyForm>,
) -> Result<Response, WebError> {
    identity::revoke_token(&state, &account, id).await?;
    Ok(Redirect::to(&format!("/{}/account?done=revoked", page.lang.code())).into_response())
}
