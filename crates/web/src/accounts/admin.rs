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

pub struct ActionOption {
    pub value: &'static str,
    pub label: String,
    pub chosen: bool,
}

pub struct AuditRow {
    /// `YYYY-MM-DD HH:MM` and the machine-readable time.
    pub at: String,
    pub datetime: String,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub subject_href: Option<String>,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "accounts/admin-audit.html")]
pub(super) struct AuditPage {
    c: Chrome,
    rows: Vec<AuditRow>,
    actions: Vec<ActionOption>,
    who: String,
    total: String,
    previous: Option<String>,
    next: Option<String>,
}

#[derive(serde::Deserialize, Default)]
pub(super) struct AuditQuery {
    #[serde(default)]
    action: String,
    #[serde(default)]
    who: String,
    page: Option<i64>,
}

/// The label of an audit action in the page's language.
fn action_label(c: &Chrome, action: &str) -> String {
    c.t(&format!("audit-action-{}", action.replace(['.', '_'], "-")))
}

/// Editors' and admins' actions, newest first, in pages, with filters.
pub(super) async fn audit_log(
    State(state): State<AppState>,
    AdminOnly(admin): AdminOnly,
    page: Page,
    Query(query): Query<AuditQuery>,
) -> Result<Response, WebError> {
    let c = page.chrome_t("/admin/audit", "audit-title").with_nav("admin");
    let number = query.page.unwrap_or(1).max(1);
    let (entries, total) =
        praxis_app::accounts::audit_page(&state, &admin, &query.action, &query.who, number).await?;
    let rows = entries
        .into_iter()
        .map(|e| AuditRow {
            at: format!("{} UTC", e.at.get(..16).unwrap_or(&e.at).replace('T', " ")),
            datetime: e.at.clone(),
            actor: e.actor,
            action: action_label(&c, &e.action),
            subject_href: match e.subject_type.as_str() {
                "initiative" => Some(c.url(&format!("/initiatives/{}", e.subject_id))),
                "call" => Some(c.url(&format!("/calls/{}", e.subject_id))),
                "event" => Some(c.url(&format!("/events/{}", e.subject_id))),
                _ => None,
            },
            // An initiative's saves record the status it was saved with: said in words.
            detail: match (e.subject_type.as_str(), e.detail.as_str()) {
                ("initiative", status @ ("published" | "draft" | "submitted" | "hidden")) => {
                    c.t(&format!("status-{status}"))
                }
                _ => e.detail,
            },
            subject: e.subject_id,
        })
        .collect();
    let link = |n: i64| {
        let mut q = form_urlencoded::Serializer::new(String::new());
        if !query.action.is_empty() {
            q.append_pair("action", &query.action);
        }
        if !query.who.is_empty() {
            q.append_pair("who", &query.who);
        }
        q.append_pair("page", &n.to_string());
        c.url(&format!("/admin/audit?{}", q.finish()))
    };
    let pages = (total + praxis_app::accounts::AUDIT_PAGE - 1) / praxis_app::accounts::AUDIT_PAGE;
    let actions = praxis_app::accounts::AUDIT_ACTIONS
        .iter()
        .map(|a| ActionOption { value: a, label: action_label(&c, a), chosen: *a == query.action })
        .collect();
    render(AuditPage {
        previous: (number > 1).then(|| link(number - 1)),
        next: (number < pages).then(|| link(number + 1)),
        total: c.n("audit-count", &usize::try_from(total).unwrap_or(0)),
        rows,
        actions,
        who: query.who.clone(),
        c,
    })
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
    q: String,
    page: usize,
    total: String,
    previous: Option<String>,
    next: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct OrganisationsQuery {
    #[serde(default)]
    q: String,
    page: Option<usize>,
}

/// Organisations, their kind and the e-mail domains whose owners join without review:
/// searchable, a page at a time.
pub(super) async fn organisations_list(
    State(state): State<AppState>,
    AdminOnly(admin): AdminOnly,
    page: Page,
    Query(query): Query<OrganisationsQuery>,
) -> Result<Response, WebError> {
    use praxis_app::accounts::ORGANISATIONS_PAGE;
    let c = page.chrome_t("/admin/organisations", "organisations-title").with_nav("admin");
    let number = query.page.unwrap_or(1).max(1);
    let (found, total) = praxis_app::accounts::organisations_page(&state, &admin, &query.q, number).await?;
    let organisations = found
        .into_iter()
        .map(|o| OrganisationRow { id: o.id, name: o.name, kind: o.kind, domains: o.email_domains })
        .collect();
    let kinds = ORGANISATION_KINDS.iter().map(|k| (*k, c.t(&format!("organisation-kind-{k}")))).collect();
    let link = |n: usize| {
        let mut q = form_urlencoded::Serializer::new(String::new());
        if !query.q.trim().is_empty() {
            q.append_pair("q", query.q.trim());
        }
        q.append_pair("page", &n.to_string());
        c.url(&format!("/admin/organisations?{}", q.finish()))
    };
    let pages = total.div_ceil(ORGANISATIONS_PAGE);
    render(OrganisationsPage {
        previous: (number > 1).then(|| link(number - 1)),
        next: (number < pages).then(|| link(number + 1)),
        total: c.n("organisations-count", &total),
        q: query.q.trim().to_string(),
        page: number,
        organisations,
        kinds,
        c,
    })
}

#[derive(Deserialize)]
pub(super) struct OrganisationForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    domains: String,
    /// The search and page the admin was on, to return to them.
    #[serde(default)]
    q: String,
    page: Option<usize>,
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
    let mut back = form_urlencoded::Serializer::new(String::new());
    if !form.q.trim().is_empty() {
        back.append_pair("q", form.q.trim());
    }
    if let Some(n) = form.page.filter(|n| *n > 1) {
        back.append_pair("page", &n.to_string());
    }
    let back = back.finish();
    let query = if back.is_empty() { String::new() } else { format!("?{back}") };
    Ok(Redirect::to(&format!("/{}/admin/organisations{query}", lang.code())).into_response())
}
