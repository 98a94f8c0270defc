//! Who may do what. Every permission rule of Praxis is a function here, called by the
//! workflows of this crate; front ends only ask who is signed in.

use praxis_domain::{InitiativeRecord, Lang, Role, Status};
use praxis_store::User;

/// A signed-in person, with the organisations they are a verified member of.
#[derive(Debug, Clone)]
pub struct Account {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub language: Lang,
    pub organisations: Vec<Membership>,
    /// The stored account, for store calls that record who acted.
    pub user: User,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub organisation_id: i64,
    pub slug: String,
    pub name: String,
}

impl Account {
    pub fn is_editor(&self) -> bool {
        self.role.is_editor()
    }

    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }

    /// Whether the account is a verified member of the organisation with this slug or
    /// name (names compare without case, accents or punctuation, as initiatives name
    /// their organisation in free text).
    pub fn member_of(&self, organisation: &str) -> bool {
        let wanted = praxis_domain::text::slug(organisation);
        self.organisations
            .iter()
            .any(|m| m.slug == organisation || praxis_domain::text::slug(&m.name) == wanted)
    }
}

/// Whether the account belongs to the organisation that owns the initiative.
pub fn owns(account: &Account, record: &InitiativeRecord) -> bool {
    record.organisation.as_deref().is_some_and(|name| account.member_of(name))
}

/// Who may start a new initiative: editors, and members of a verified organisation
/// (they write for it).
pub fn may_create(account: &Account) -> bool {
    account.is_editor() || !account.organisations.is_empty()
}

/// Editors write any initiative; a member writes their own organisation's.
pub fn may_write(account: &Account, record: &InitiativeRecord) -> bool {
    account.is_editor() || owns(account, record)
}

/// The status an account may give a record it saves: only editors publish (or hide);
/// a member's request to publish is a submission for review.
pub fn status_allowed(account: &Account, wanted: Status) -> Status {
    match wanted {
        Status::Published | Status::Hidden if !account.is_editor() => Status::Submitted,
        other => other,
    }
}

/// Publishing, sending back, unpublishing, restoring and moderating are editors' work.
pub fn may_review(account: &Account) -> bool {
    account.is_editor()
}

/// The history of an initiative (every revision) is open to editors and to the owning
/// organisation's members; the public sees the published version only.
pub fn may_see_history(account: &Account, record: &InitiativeRecord) -> bool {
    account.is_editor() || owns(account, record)
}

/// Accounts, roles, organisations and settings are the admins'.
pub fn may_administer(account: &Account) -> bool {
    account.is_admin()
}

/// Editors, and members of the signatory's own organisation, say which initiatives
/// carry out its commitments.
pub fn may_link_initiatives(account: Option<&Account>, signatory_organisation: Option<i64>) -> bool {
    account.is_some_and(|a| {
        a.is_editor()
            || signatory_organisation.is_some_and(|o| a.organisations.iter().any(|m| m.organisation_id == o))
    })
}
