//! Accounts and memberships: a member asks to join an organisation, an editor verifies or
//! refuses, an admin gives roles and sets what an organisation is and which e-mail
//! domains join it at once. Each decision is audited and told to whom it concerns.

use crate::error::{AppError, Result};
use crate::mail::send;
use crate::policy::{self, Account};
use crate::App;
use praxis_domain::{Lang, Role};
use praxis_store::{ApiToken, AuditEntry, MembershipRow, MembershipStatus, Organisation, User};

/// A member asks to join an organisation (by slug); joining is immediate when their
/// confirmed address is at one of the organisation's domains.
pub async fn request_membership(
    app: &App,
    account: &Account,
    organisation: &str,
) -> Result<MembershipStatus> {
    let Some(organisation) = app.store.organisation(organisation).await? else {
        return Err(AppError::NotFound(format!("no organisation {organisation:?}")));
    };
    Ok(app.store.request_membership(account.id, organisation.id).await?)
}

/// An editor verifies (or refuses) a membership request; the member is told, in their
/// language.
pub async fn decide_membership(
    app: &App,
    editor: &Account,
    user: i64,
    organisation: i64,
    verified: bool,
) -> Result<()> {
    if !policy::may_review(editor) {
        return Err(AppError::Forbidden);
    }
    app.store.decide_membership(user, organisation, verified, &editor.user).await?;
    if let Some(member) = app.store.user(user).await? {
        let lang: Lang = member.language.parse().unwrap_or_default();
        let name = app
            .store
            .memberships_of(user)
            .await?
            .into_iter()
            .find(|m| m.organisation.id == organisation)
            .map(|m| m.organisation.name)
            .unwrap_or_default();
        let key = if verified { "mail-membership-verified" } else { "mail-membership-refused" };
        send(app, lang, &member.email, key, &[("name", member.name.clone()), ("organisation", name)]).await;
    }
    Ok(())
}

/// An admin gives an account a role. The account's sessions end, so that the new role
/// (and the second sign-in step it may need) takes effect at its next sign-in.
pub async fn set_role(app: &App, admin: &Account, user: i64, role: Role) -> Result<()> {
    if !policy::may_administer(admin) {
        return Err(AppError::Forbidden);
    }
    let Some(target) = app.store.user(user).await? else {
        return Err(AppError::NotFound(format!("no account {user}")));
    };
    app.store.set_role(user, role).await?;
    app.store.delete_sessions_of(user).await?;
    let detail = format!("{} -> {role}", target.role());
    app.store.audit(&admin.user, "account.role", "account", &target.email, &detail).await?;
    Ok(())
}

/// The kinds of organisation an admin may choose.
pub const ORGANISATION_KINDS: &[&str] =
    &["local", "metropolitan", "regional", "national", "network", "other"];

/// An admin sets an organisation's kind and the e-mail domains whose confirmed
/// addresses join it at once. Only plausible domains are kept (a dot, no @, no spaces).
pub async fn set_organisation(app: &App, admin: &Account, id: i64, kind: &str, domains: &str) -> Result<()> {
    if !policy::may_administer(admin) {
        return Err(AppError::Forbidden);
    }
    if !ORGANISATION_KINDS.contains(&kind) {
        return Err(AppError::invalid_field("kind", "invalid_kind", "choose one of the kinds offered"));
    }
    let domains: Vec<String> = domains
        .split([' ', ',', '\n', '\r'])
        .map(|d| d.trim().trim_start_matches('@').to_lowercase())
        .filter(|d| d.contains('.') && !d.contains('@') && d.len() <= 253)
        .collect();
    let Some(organisation) = app.store.organisations().await?.into_iter().find(|o| o.id == id) else {
        return Err(AppError::NotFound(format!("no organisation {id}")));
    };
    app.store.set_organisation_domains(id, kind, &domains.join(" ")).await?;
    let detail = format!("{kind} {}", domains.join(" "));
    app.store.audit(&admin.user, "organisation.update", "organisation", &organisation.slug, &detail).await?;
    Ok(())
}

/// What a member sees of their own account: their memberships (any status), the
/// organisations they could still ask to join, and their API tokens.
pub struct Overview {
    pub memberships: Vec<MembershipRow>,
    pub others: Vec<Organisation>,
    pub tokens: Vec<ApiToken>,
}

pub async fn overview(app: &App, account: &Account) -> Result<Overview> {
    let memberships = app.store.memberships_of(account.id).await?;
    let others = app
        .store
        .organisations()
        .await?
        .into_iter()
        .filter(|o| !memberships.iter().any(|m| m.organisation.id == o.id))
        .collect();
    let tokens = app.store.api_tokens_of(account.id).await?;
    Ok(Overview { memberships, others, tokens })
}

/// Membership requests waiting for an editor.
pub async fn pending_memberships(app: &App, editor: &Account) -> Result<Vec<MembershipRow>> {
    if !policy::may_review(editor) {
        return Err(AppError::Forbidden);
    }
    Ok(app.store.pending_memberships().await?)
}

/// Every account, for the admins.
pub async fn users(app: &App, admin: &Account) -> Result<Vec<User>> {
    if !policy::may_administer(admin) {
        return Err(AppError::Forbidden);
    }
    Ok(app.store.users().await?)
}

/// Every organisation, for the admins.
pub async fn organisations(app: &App, admin: &Account) -> Result<Vec<Organisation>> {
    if !policy::may_administer(admin) {
        return Err(AppError::Forbidden);
    }
    Ok(app.store.organisations().await?)
}

/// Organisations on one page of the admins' list.
pub const ORGANISATIONS_PAGE: usize = 30;

/// One page of the organisations whose name, short name or e-mail domains hold `q`
/// (without regard to case), in name order, and how many match in all.
pub async fn organisations_page(
    app: &App,
    admin: &Account,
    q: &str,
    page: usize,
) -> Result<(Vec<Organisation>, usize)> {
    if !policy::may_administer(admin) {
        return Err(AppError::Forbidden);
    }
    let q = q.trim().to_lowercase();
    if q.chars().count() > 100 {
        return Err(AppError::invalid_field("q", "too_long", "at most 100 characters"));
    }
    let matching: Vec<Organisation> = app
        .store
        .organisations()
        .await?
        .into_iter()
        .filter(|o| {
            q.is_empty()
                || o.name.to_lowercase().contains(&q)
                || o.slug.contains(&q)
                || o.email_domains.to_lowercase().contains(&q)
        })
        .collect();
    let total = matching.len();
    let skip = (page.max(1) - 1) * ORGANISATIONS_PAGE;
    Ok((matching.into_iter().skip(skip).take(ORGANISATIONS_PAGE).collect(), total))
}

/// Every action the audit log records (translated as `audit-action-{action}` with dots
/// and underscores as dashes).
pub const AUDIT_ACTIONS: &[&str] = &[
    "initiative.save",
    "initiative.publish",
    "initiative.return",
    "initiative.unpublish",
    "initiative.restore",
    "report.hide",
    "report.dismiss",
    "membership.verify",
    "membership.refuse",
    "account.role",
    "organisation.update",
    "call.save",
    "call.verify",
    "call.reject",
    "event.save",
    "event.registrants_export",
];

/// Entries per page of the audit log.
pub const AUDIT_PAGE: i64 = 50;

/// One page (from 1) of the audit log for the admins, newest first, filtered by action
/// (one of [`AUDIT_ACTIONS`], or empty for all) and by a name or id in the actor or
/// subject; with the number of matching entries.
pub async fn audit_page(
    app: &App,
    admin: &Account,
    action: &str,
    who: &str,
    page: i64,
) -> Result<(Vec<AuditEntry>, i64)> {
    if !policy::may_administer(admin) {
        return Err(AppError::Forbidden);
    }
    let action = if AUDIT_ACTIONS.contains(&action) { action } else { "" };
    let who = who.trim();
    if who.chars().count() > 100 {
        return Err(AppError::invalid_field("who", "too_long", "at most 100 characters"));
    }
    Ok(app.store.audit_page(action, who, (page.max(1) - 1) * AUDIT_PAGE, AUDIT_PAGE).await?)
}

/// The latest audit entries, newest first, for the admins.
pub async fn audit_log(app: &App, admin: &Account, limit: i64) -> Result<Vec<AuditEntry>> {
    if !policy::may_administer(admin) {
        return Err(AppError::Forbidden);
    }
    Ok(app.store.audit_log(None, limit).await?)
}
