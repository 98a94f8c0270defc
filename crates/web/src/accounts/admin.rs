//! Admins: accounts and roles.

use super::*;
use praxis_domain::Role;

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
#[template(path = "accounts/admin-accounts.html")]
pub(super) struct AccountsList {
    c: Chrome,
    accounts: Vec<AccountRow>,
    roles: Vec<(&'static str, String)>,
}

pub(super) async fn accounts_list(
    State(state): State<AppState>,
    AdminOnly(admin): AdminOnly,
    page: Page,
) -> Result<Response, WebError> {
    let c = page.chrome_t("/admin/accounts", "accounts-title").with_nav("admin");
    let accounts = praxis_app::accounts::users(&state, &admin)
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
pub(super) struct RoleForm {
    #[serde(default)]
    role: String,
}

pub(super) async fn set_role(
    State(state): State<AppState>,
    AdminOnly(admin): AdminOnly,
    page: Page,
    Path((_, id)): Path<(String, i64)>,
    CsrfForm(form): CsrfForm<RoleForm>,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let Some(role) = Role::parse(&form.role) else { return Err(WebError::PageNotFound(lang)) };
    praxis_app::accounts::set_role(&state, &admin, id, role).await?;
    Ok(Redirect::to(&format!("/{}/admin/accounts", lang.code())).into_response())
}

#[derive(Template)]
#[template(path = "accounts/admin-audit.html")]
pub(super) struct AuditPage {
    c: Chrome,
    entries: Vec<praxis_store::AuditEntry>,
}

/// The newest 500 editor and admin actions.
pub(super) async fn audit_log(
    State(state): State<AppState>,
    AdminOnly(admin): AdminOnly,
    page: Page,
) -> Result<Response, WebError> {
    let c = page.chrome_t("/admin/audit", "audit-title").with_nav("admin");
    let entries = praxis_app::accounts::audit_log(&state, &admin, 500).await?;
    render(AuditPage { c, entries })
}

use praxis_app::accounts::ORGANISATION_KINDS;

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
#[template(path = "accounts/admin-organisations.html")]
pub(super) struct OrganisationsPage {
    c: Chrome,
    organisations: Vec<OrganisationRow>,
    kinds: Vec<(&'static str, String)>,
}

/// Organisations, their kind and the e-mail domains whose owners join without review.
pub(super) async fn organisations_list(
    State(state): State<AppState>,
    AdminOnly(admin): AdminOnly,
    page: Page,
) -> Result<Response, WebError> {
    let c = page.chrome_t("/admin/organisations", "organisations-title").with_nav("admin");
    let organisations = praxis_app::accounts::organisations(&state, &admin)
        .await?
        .into_iter()
        .map(|o| OrganisationRow { id: o.id, name: o.name, kind: o.kind, domains: o.email_domains })
        .collect();
    let kinds = ORGANISATION_KINDS.iter().map(|k| (*k, c.t(&format!("organisation-kind-{k}")))).collect();
    render(OrganisationsPage { c, organisations, kinds })
}

#[derive(Deserialize)]
pub(super) struct OrganisationForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    domains: String,
}

pub(super) async fn set_organisation(
    State(state): State<AppState>,
    AdminOnly(admin): AdminOnly,
    page: Page,
    Path((_, id)): Path<(String, i64)>,
    CsrfForm(form): CsrfForm<OrganisationForm>,
) -> Result<Response, WebError> {
    let lang = page.lang;
    match praxis_app::accounts::set_organisation(&state, &admin, id, &form.kind, &form.domains).await {
        Ok(()) => {}
        // Only a forged form names another kind: nothing to show it.
        Err(praxis_app::AppError::Invalid { .. }) => return Err(WebError::PageNotFound(lang)),
        Err(e) => return Err(e.into()),
    }
    Ok(Redirect::to(&format!("/{}/admin/organisations", lang.code())).into_response())
}
