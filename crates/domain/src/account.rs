//! People and what they may do: roles, e-mail addresses and password rules.

use serde::{Deserialize, Serialize};

/// A signed-in person's role (DESIGN.md). Visitors have no account and no role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Works for one or more organisations: writes and edits their initiatives.
    Member,
    /// Network staff: reviews, publishes, verifies members and signatories, moderates.
    Editor,
    /// Manages accounts and roles; can do everything an editor can.
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Member, Role::Editor, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// Editors and admins review, publish and moderate.
    pub fn is_editor(self) -> bool {
        matches!(self, Role::Editor | Role::Admin)
    }

    /// Editors and admins must sign in with a second factor.
    pub fn needs_second_factor(self) -> bool {
        self.is_editor()
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// An e-mail address as stored: trimmed and lower-cased, so one person has one account.
/// `None` when it is not a plausible address (one `@`, a dot in the domain, no spaces,
/// at most 254 characters).
pub fn normalise_email(text: &str) -> Option<String> {
    let email = text.trim().to_lowercase();
    let (local, domain) = email.split_once('@')?;
    let plausible = !local.is_empty()
        && local.len() <= 64
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && email.len() <= 254
        && !email.chars().any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>' || c == ',');
    plausible.then_some(email)
}

/// The domain of a normalised address.
pub fn email_domain(email: &str) -> &str {
    email.rsplit_once('@').map_or("", |(_, d)| d)
}

pub const PASSWORD_MIN_CHARS: usize = 10;
pub const PASSWORD_MAX_CHARS: usize = 200;

/// Why a new password is refused, as an error code with a translated label.
pub fn password_problem(password: &str, email: &str) -> Option<&'static str> {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        Some("password_too_short")
    } else if chars > PASSWORD_MAX_CHARS {
        Some("password_too_long")
    } else if password.trim().to_lowercase() == email.trim().to_lowercase() {
        Some("password_is_email")
    } else {
        None
    }
}

/// A display name: 1–100 characters after trimming.
pub fn name_problem(name: &str) -> Option<&'static str> {
    let chars = name.trim().chars().count();
    if chars == 0 {
        Some("required")
    } else if chars > 100 {
        Some("too_long")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_or_refused() {
        assert_eq!(
            normalise_email("  Ana.Perez@Montevideo.GUB.uy ").as_deref(),
            Some("ana.perez@montevideo.gub.uy")
        );
        for bad in ["", "ana", "ana@", "@x.org", "ana@localhost", "a b@x.org", "a@b@x.org", "<a@x.org>"] {
            assert_eq!(normalise_email(bad), None, "{bad}");
        }
        assert_eq!(email_domain("ana@montevideo.gub.uy"), "montevideo.gub.uy");
    }

    #[test]
    fn roles_round_trip_and_rank() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert!(!Role::Member.is_editor());
        assert!(Role::Editor.is_editor() && Role::Admin.is_editor());
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn passwords_have_rules() {
        assert_eq!(password_problem("short", "a@x.org"), Some("password_too_short"));
        assert_eq!(password_problem("a@x.org-long", "a@x.org-LONG"), Some("password_is_email"));
        assert_eq!(password_problem("correct horse battery", "a@x.org"), None);
        assert_eq!(password_problem(&"x".repeat(201), "a@x.org"), Some("password_too_long"));
    }
}
