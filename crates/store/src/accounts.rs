//! Accounts and everything that proves who someone is: organisation membership,
//! sessions, API tokens, one-time links (e-mail verification, password reset),
//! sign-in throttling and the audit log.
//!
//! Secrets (session cookies, API tokens, one-time links) are random 256-bit values that
//! the person holds; the store keeps only their SHA-256, so a copy of the database does
//! not let anyone sign in.

use crate::{now, with_pool, Result, Store, StoreError};
use base64::Engine as _;
use praxis_domain::text::slug;
use praxis_domain::Role;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// How long a session lasts without signing in again.
pub const SESSION_DAYS: i64 = 30;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub password_hash: Option<String>,
    #[sqlx(try_from = "String")]
    pub role: RoleColumn,
    pub language: String,
    pub email_verified_at: Option<String>,
    pub totp_secret: Option<String>,
    pub totp_enabled_at: Option<String>,
    pub created_at: String,
}

/// A role as read from its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleColumn(pub Role);

impl TryFrom<String> for RoleColumn {
    type Error = StoreError;
    fn try_from(text: String) -> Result<RoleColumn> {
        Role::parse(&text).map(RoleColumn).ok_or_else(|| StoreError::Corrupt(format!("unknown role {text}")))
    }
}

impl User {
    pub fn role(&self) -> Role {
        self.role.0
    }

    pub fn totp_enabled(&self) -> bool {
        self.totp_enabled_at.is_some() && self.totp_secret.is_some()
    }
}

const USER_COLUMNS: &str = "id, email, name, password_hash, role, language, email_verified_at, \
                            totp_secret, totp_enabled_at, created_at";

/// Where a session stands with the second factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecondFactor {
    /// The account needs none (members without two-factor sign-in).
    NotNeeded,
    /// Password given; the code (or the two-factor set-up) is still owed.
    Pending,
    Done,
}

impl SecondFactor {
    fn as_str(self) -> &'static str {
        match self {
            SecondFactor::NotNeeded => "not_needed",
            SecondFactor::Pending => "pending",
            SecondFactor::Done => "done",
        }
    }

    fn parse(text: &str) -> SecondFactor {
        match text {
            "done" => SecondFactor::Done,
            "not_needed" => SecondFactor::NotNeeded,
            _ => SecondFactor::Pending,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Organisation {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub email_domains: String,
}

impl Organisation {
    pub fn domains(&self) -> impl Iterator<Item = &str> {
        self.email_domains.split_whitespace()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MembershipStatus {
    Pending,
    Verified,
    Refused,
}

impl MembershipStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MembershipStatus::Pending => "pending",
            MembershipStatus::Verified => "verified",
            MembershipStatus::Refused => "refused",
        }
    }

    fn parse(text: &str) -> MembershipStatus {
        match text {
            "verified" => MembershipStatus::Verified,
            "refused" => MembershipStatus::Refused,
            _ => MembershipStatus::Pending,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembershipRow {
    pub user_id: i64,
    pub user_email: String,
    pub user_name: String,
    pub organisation: Organisation,
    pub status: MembershipStatus,
    pub requested_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ApiToken {
    pub id: i64,
    pub label: String,
    pub created_at: String,
    pub revoked_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub subject_type: String,
    pub subject_id: String,
    pub detail: String,
}

/// A new random secret for a person to hold (43 URL-safe characters).
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What the store keeps of a secret.
pub fn secret_hash(secret: &str) -> String {
    let digest = Sha256::digest(secret.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn later(seconds: i64) -> String {
    let now = jiff::Timestamp::now();
    praxis_domain::stamp::stamp(now.checked_add(jiff::SignedDuration::from_secs(seconds)).unwrap_or(now))
}

impl Store {
    // --- Users -----------------------------------------------------------------------

    /// Creates an account; `Conflict` when the e-mail address already has one.
    pub async fn create_user(
        &self,
        email: &str,
        name: &str,
        password_hash: Option<&str>,
        role: Role,
        language: &str,
    ) -> Result<i64> {
        let created = now();
        let id: Option<i64> = with_pool!(self, pool => {
            sqlx::query_scalar(
                "INSERT INTO users (email, name, password_hash, role, language, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING RETURNING id",
            )
            .bind(email)
            .bind(name)
            .bind(password_hash)
            .bind(role.as_str())
            .bind(language)
            .bind(&created)
            .fetch_optional(pool)
            .await?
        });
        id.ok_or_else(|| StoreError::Conflict(format!("an account exists for {email}")))
    }

    /// Creates or updates an account with this role (the `praxis user add` command), and
    /// when `organisation` is given makes it a verified member of it (created if new).
    /// New accounts made here count as verified addresses: an administrator vouched.
    pub async fn upsert_user(
        &self,
        email: &str,
        name: &str,
        role: Role,
        organisation: Option<&str>,
    ) -> Result<i64> {
        let at = now();
        let id: i64 = with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO users (email, name, role, language, email_verified_at, created_at) \
                 VALUES ($1, $2, $3, 'en', $4, $4) \
                 ON CONFLICT (email) DO UPDATE SET role = excluded.role RETURNING id",
            )
            .bind(email)
            .bind(name)
            .bind(role.as_str())
            .bind(&at)
            .fetch_one(&mut *tx)
            .await?;
            if let Some(organisation) = organisation {
                // The organisation as imported with initiatives when there is one by that name
                // (compared as slugs: without case, accents or punctuation, on both backends).
                let wanted = slug(organisation);
                let all: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM organisations ORDER BY id")
                    .fetch_all(&mut *tx)
                    .await?;
                let known = all.into_iter().find(|(_, name)| slug(name) == wanted).map(|(id, _)| id);
                let org_id: i64 = if let Some(id) = known { id } else { sqlx::query_scalar(
                    "INSERT INTO organisations (slug, name) VALUES ($1, $2) \
                     ON CONFLICT (slug) DO UPDATE SET name = organisations.name RETURNING id",
                )
                .bind(slug(organisation))
                .bind(organisation)
                .fetch_one(&mut *tx)
                .await? };
                sqlx::query(
                    "INSERT INTO memberships (user_id, organisation_id, status, requested_at, decided_at) \
                     VALUES ($1, $2, 'verified', $3, $3) \
                     ON CONFLICT (user_id, organisation_id) DO UPDATE SET status = 'verified', decided_at = $3",
                )
                .bind(id)
                .bind(org_id)
                .bind(&at)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    pub async fn user(&self, id: i64) -> Result<Option<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
        Ok(with_pool!(self, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
    }

    pub async fn user_by_email(&self, email: &str) -> Result<Option<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1");
        Ok(with_pool!(self, pool => sqlx::query_as(&sql).bind(email).fetch_optional(pool).await?))
    }

    /// Every account, by e-mail address (the admin's list).
    pub async fn users(&self) -> Result<Vec<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users ORDER BY email");
        Ok(with_pool!(self, pool => sqlx::query_as(&sql).fetch_all(pool).await?))
    }

    pub async fn set_role(&self, user_id: i64, role: Role) -> Result<()> {
        self.update_user(user_id, "role = $2", role.as_str()).await
    }

    pub async fn set_password(&self, user_id: i64, password_hash: &str) -> Result<()> {
        self.update_user(user_id, "password_hash = $2", password_hash).await
    }

    pub async fn set_language(&self, user_id: i64, language: &str) -> Result<()> {
        self.update_user(user_id, "language = $2", language).await
    }

    pub async fn mark_email_verified(&self, user_id: i64) -> Result<()> {
        self.update_user(user_id, "email_verified_at = COALESCE(email_verified_at, $2)", &now()).await
    }

    /// Stores a new two-factor secret, not yet enabled (the person still has to prove
    /// their authenticator shows the right code).
    pub async fn set_totp_secret(&self, user_id: i64, secret: &str) -> Result<()> {
        with_pool!(self, pool => {
            sqlx::query("UPDATE users SET totp_secret = $2, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = $1")
                .bind(user_id).bind(secret).execute(pool).await?;
        });
        Ok(())
    }

    pub async fn enable_totp(&self, user_id: i64) -> Result<()> {
        self.update_user(user_id, "totp_enabled_at = $2", &now()).await
    }

    /// Records that the code of time step `step` was used; `false` when it (or a later
    /// one) already was, so a code cannot be replayed.
    pub async fn use_totp_step(&self, user_id: i64, step: i64) -> Result<bool> {
        let updated = with_pool!(self, pool => {
            sqlx::query("UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)")
                .bind(user_id).bind(step).execute(pool).await?.rows_affected()
        });
        Ok(updated == 1)
    }

    async fn update_user(&self, user_id: i64, assignment: &str, value: &str) -> Result<()> {
        let sql = format!("UPDATE users SET {assignment} WHERE id = $1");
        let n = with_pool!(self, pool => {
            sqlx::query(&sql).bind(user_id).bind(value).execute(pool).await?.rows_affected()
        });
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    // --- Sessions --------------------------------------------------------------------

    /// A new signed-in session with the second factor settled; returns the cookie value.
    pub async fn create_session(&self, user_id: i64) -> Result<String> {
        self.create_session_with(user_id, SecondFactor::Done).await
    }

    pub async fn create_session_with(&self, user_id: i64, second_factor: SecondFactor) -> Result<String> {
        let token = new_secret();
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO sessions (token_hash, user_id, second_factor, created_at, expires_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(secret_hash(&token))
            .bind(user_id)
            .bind(second_factor.as_str())
            .bind(now())
            .bind(later(SESSION_DAYS * 86_400))
            .execute(pool)
            .await?;
        });
        Ok(token)
    }

    /// The account behind a session cookie, while the session lasts.
    pub async fn session_user(&self, token: &str) -> Result<Option<(User, SecondFactor)>> {
        let row: Option<(i64, String)> = with_pool!(self, pool => {
            sqlx::query_as("SELECT user_id, second_factor FROM sessions WHERE token_hash = $1 AND expires_at > $2")
                .bind(secret_hash(token))
                .bind(now())
                .fetch_optional(pool)
                .await?
        });
        let Some((user_id, factor)) = row else { return Ok(None) };
        Ok(self.user(user_id).await?.map(|user| (user, SecondFactor::parse(&factor))))
    }

    pub async fn complete_second_factor(&self, token: &str) -> Result<()> {
        with_pool!(self, pool => {
            sqlx::query("UPDATE sessions SET second_factor = 'done' WHERE token_hash = $1")
                .bind(secret_hash(token)).execute(pool).await?;
        });
        Ok(())
    }

    pub async fn delete_session(&self, token: &str) -> Result<()> {
        with_pool!(self, pool => {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(secret_hash(token)).execute(pool).await?;
        });
        Ok(())
    }

    /// Signs the account out everywhere; returns how many sessions ended.
    pub async fn delete_sessions_of(&self, user_id: i64) -> Result<u64> {
        Ok(with_pool!(self, pool => {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(pool).await?.rows_affected()
        }))
    }

    // --- API tokens ------------------------------------------------------------------

    /// A new API token for the account; only its hash is kept.
    pub async fn create_api_token(&self, user_id: i64, label: &str) -> Result<String> {
        let token = format!("praxis_{}", new_secret());
        with_pool!(self, pool => {
            sqlx::query("INSERT INTO api_tokens (user_id, token_hash, label, created_at) VALUES ($1, $2, $3, $4)")
                .bind(user_id)
                .bind(secret_hash(&token))
                .bind(label)
                .bind(now())
                .execute(pool)
                .await?;
        });
        Ok(token)
    }

    /// The account behind an API token that has not been revoked.
    pub async fn api_token_user(&self, token: &str) -> Result<Option<User>> {
        let sql = format!(
            "SELECT {} FROM api_tokens t JOIN users u ON u.id = t.user_id \
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL",
            USER_COLUMNS.split(", ").map(|c| format!("u.{c}")).collect::<Vec<_>>().join(", ")
        );
        Ok(with_pool!(self, pool => {
            sqlx::query_as(&sql).bind(secret_hash(token)).fetch_optional(pool).await?
        }))
    }

    pub async fn api_tokens_of(&self, user_id: i64) -> Result<Vec<ApiToken>> {
        Ok(with_pool!(self, pool => {
            sqlx::query_as("SELECT id, label, created_at, revoked_at FROM api_tokens WHERE user_id = $1 ORDER BY id")
                .bind(user_id).fetch_all(pool).await?
        }))
    }

    /// Revokes one of the account's tokens; `NotFound` when it has no such token.
    pub async fn revoke_api_token(&self, user_id: i64, token_id: i64) -> Result<()> {
        let n = with_pool!(self, pool => {
            sqlx::query("UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $3) WHERE id = $1 AND user_id = $2")
                .bind(token_id).bind(user_id).bind(now()).execute(pool).await?.rows_affected()
        });
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    // --- One-time links --------------------------------------------------------------

    /// A link secret for `purpose` ("verify", "reset") valid for `seconds`.
    pub async fn create_one_time(&self, user_id: i64, purpose: &str, seconds: i64) -> Result<String> {
        let token = new_secret();
        with_pool!(self, pool => {
            sqlx::query("INSERT INTO one_time_tokens (token_hash, user_id, purpose, expires_at) VALUES ($1, $2, $3, $4)")
                .bind(secret_hash(&token)).bind(user_id).bind(purpose).bind(later(seconds)).execute(pool).await?;
        });
        Ok(token)
    }

    /// Uses a link secret once: the account it belongs to, or `None` when it is unknown,
    /// expired, already used or for another purpose.
    pub async fn use_one_time(&self, token: &str, purpose: &str) -> Result<Option<i64>> {
        let at = now();
        Ok(with_pool!(self, pool => {
            sqlx::query_scalar(
                "UPDATE one_time_tokens SET used_at = $3 \
                 WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 RETURNING user_id",
            )
            .bind(secret_hash(token)).bind(purpose).bind(&at).fetch_optional(pool).await?
        }))
    }

    /// Sets a new password through a reset link, in one transaction: uses the link, sets
    /// the password, spends every other reset link of the account (an older e-mail in
    /// someone else's hands opens nothing), ends every session (whoever knew the old
    /// password is out) and marks the address confirmed (following the link proved it).
    /// The account, or `None` when the link is unknown, expired or used.
    pub async fn reset_password(&self, token: &str, password_hash: &str) -> Result<Option<i64>> {
        let at = now();
        Ok(with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let user: Option<i64> = sqlx::query_scalar(
                "UPDATE one_time_tokens SET used_at = $3 \
                 WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 RETURNING user_id",
            )
            .bind(secret_hash(token)).bind("reset").bind(&at).fetch_optional(&mut *tx).await?;
            if let Some(user) = user {
                sqlx::query("UPDATE one_time_tokens SET used_at = $1 WHERE user_id = $2 AND purpose = 'reset' AND used_at IS NULL")
                    .bind(&at).bind(user).execute(&mut *tx).await?;
                sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                    .bind(password_hash).bind(user).execute(&mut *tx).await?;
                sqlx::query("UPDATE users SET email_verified_at = COALESCE(email_verified_at, $1) WHERE id = $2")
                    .bind(&at).bind(user).execute(&mut *tx).await?;
                sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            user
        }))
    }

    // --- Rate limits ------------------------------------------------------------------
    // One table counts everything Praxis throttles, shared by every node: failed sign-ins
    // per account and per address, reports, mail sent on a visitor's request, requests
    // to sign a call. A subject is `purpose:key`.

    /// Counts one hit of `subject` now.
    pub async fn hit(&self, subject: &str) -> Result<()> {
        with_pool!(self, pool => {
            sqlx::query("INSERT INTO rate_limit_hits (subject, at) VALUES ($1, $2)")
                .bind(subject).bind(now()).execute(pool).await?;
        });
        Ok(())
    }

    /// Hits of `subject` within the last `seconds`.
    pub async fn hits(&self, subject: &str, seconds: i64) -> Result<i64> {
        Ok(with_pool!(self, pool => {
            sqlx::query_scalar("SELECT COUNT(*) FROM rate_limit_hits WHERE subject = $1 AND at > $2")
                .bind(subject).bind(later(-seconds)).fetch_one(pool).await?
        }))
    }

    /// Forgets hits older than a day (every window is an hour or less); returns how many
    /// rows went.
    pub async fn prune_hits(&self) -> Result<u64> {
        Ok(with_pool!(self, pool => {
            sqlx::query("DELETE FROM rate_limit_hits WHERE at < $1")
                .bind(later(-86_400)).execute(pool).await?.rows_affected()
        }))
    }

    /// Forgets every hit of `subject` (a right password clears the account's failures).
    pub async fn clear_hits(&self, subject: &str) -> Result<()> {
        with_pool!(self, pool => {
            sqlx::query("DELETE FROM rate_limit_hits WHERE subject = $1").bind(subject).execute(pool).await?;
        });
        Ok(())
    }

    // --- Organisations and membership ------------------------------------------------

    pub async fn organisations(&self) -> Result<Vec<Organisation>> {
        Ok(with_pool!(self, pool => {
            sqlx::query_as("SELECT id, slug, name, kind, email_domains FROM organisations ORDER BY name")
                .fetch_all(pool).await?
        }))
    }

    pub async fn organisation(&self, slug: &str) -> Result<Option<Organisation>> {
        Ok(with_pool!(self, pool => {
            sqlx::query_as("SELECT id, slug, name, kind, email_domains FROM organisations WHERE slug = $1")
                .bind(slug).fetch_optional(pool).await?
        }))
    }

    /// Sets the organisation's kind and the e-mail domains whose owners join it directly.
    pub async fn set_organisation_domains(
        &self,
        organisation_id: i64,
        kind: &str,
        domains: &str,
    ) -> Result<()> {
        let domains: Vec<String> =
            domains.split([' ', ',', '\n']).filter(|d| !d.is_empty()).map(str::to_lowercase).collect();
        with_pool!(self, pool => {
            sqlx::query("UPDATE organisations SET kind = $2, email_domains = $3 WHERE id = $1")
                .bind(organisation_id).bind(kind).bind(domains.join(" ")).execute(pool).await?;
        });
        Ok(())
    }

    /// Asks to join an organisation. Joins at once when the account's verified e-mail
    /// address is at one of the organisation's domains; otherwise waits for an editor.
    pub async fn request_membership(&self, user_id: i64, organisation_id: i64) -> Result<MembershipStatus> {
        let user = self.user(user_id).await?.ok_or(StoreError::NotFound)?;
        let organisation: Organisation = with_pool!(self, pool => {
            sqlx::query_as("SELECT id, slug, name, kind, email_domains FROM organisations WHERE id = $1")
                .bind(organisation_id).fetch_optional(pool).await?
        })
        .ok_or(StoreError::NotFound)?;
        let domain = praxis_domain::account::email_domain(&user.email);
        let automatic = user.email_verified_at.is_some() && organisation.domains().any(|d| d == domain);
        let status = if automatic { MembershipStatus::Verified } else { MembershipStatus::Pending };
        let at = now();
        let stored: String = with_pool!(self, pool => {
            sqlx::query_scalar(
                "INSERT INTO memberships (user_id, organisation_id, status, requested_at, decided_at) \
                 VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (user_id, organisation_id) DO UPDATE SET status = \
                   CASE WHEN memberships.status = 'verified' THEN 'verified' ELSE excluded.status END, \
                   requested_at = excluded.requested_at \
                 RETURNING status",
            )
            .bind(user_id)
            .bind(organisation_id)
            .bind(status.as_str())
            .bind(&at)
            .bind(automatic.then_some(&at))
            .fetch_one(pool)
            .await?
        });
        Ok(MembershipStatus::parse(&stored))
    }

    /// An editor's decision on a membership request, recorded in the audit log.
    pub async fn decide_membership(
        &self,
        user_id: i64,
        organisation_id: i64,
        verified: bool,
        editor: &User,
    ) -> Result<()> {
        let status = if verified { MembershipStatus::Verified } else { MembershipStatus::Refused };
        let at = now();
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let n = sqlx::query(
                "UPDATE memberships SET status = $3, decided_at = $4, decided_by = $5 \
                 WHERE user_id = $1 AND organisation_id = $2",
            )
            .bind(user_id)
            .bind(organisation_id)
            .bind(status.as_str())
            .bind(&at)
            .bind(editor.id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            sqlx::query(
                "INSERT INTO audit_log (at, actor_id, actor, action, subject_type, subject_id, detail) \
                 VALUES ($1, $2, $3, $4, 'membership', $5, '')",
            )
            .bind(&at)
            .bind(editor.id)
            .bind(&editor.email)
            .bind(if verified { "membership.verify" } else { "membership.refuse" })
            .bind(format!("{user_id}/{organisation_id}"))
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// The memberships of one account (any status).
    pub async fn memberships_of(&self, user_id: i64) -> Result<Vec<MembershipRow>> {
        self.memberships_where("m.user_id = $1", Some(user_id)).await
    }

    /// Requests waiting for an editor, oldest first.
    pub async fn pending_memberships(&self) -> Result<Vec<MembershipRow>> {
        self.memberships_where("m.status = 'pending'", None).await
    }

    async fn memberships_where(&self, condition: &str, user_id: Option<i64>) -> Result<Vec<MembershipRow>> {
        let sql = format!(
            "SELECT m.user_id, u.email, u.name, m.status, m.requested_at, \
                    o.id, o.slug, o.name, o.kind, o.email_domains \
             FROM memberships m JOIN users u ON u.id = m.user_id JOIN organisations o ON o.id = m.organisation_id \
             WHERE {condition} ORDER BY m.requested_at, o.name"
        );
        type Row = (i64, String, String, String, String, i64, String, String, String, String);
        let rows: Vec<Row> = with_pool!(self, pool => {
            let mut query = sqlx::query_as(&sql);
            if let Some(id) = user_id {
                query = query.bind(id);
            }
            query.fetch_all(pool).await?
        });
        Ok(rows
            .into_iter()
            .map(
                |(
                    user_id,
                    user_email,
                    user_name,
                    status,
                    requested_at,
                    id,
                    slug,
                    name,
                    kind,
                    email_domains,
                )| {
                    MembershipRow {
                        user_id,
                        user_email,
                        user_name,
                        organisation: Organisation { id, slug, name, kind, email_domains },
                        status: MembershipStatus::parse(&status),
                        requested_at,
                    }
                },
            )
            .collect())
    }

    // --- Audit log -------------------------------------------------------------------

    /// Records an editor's or admin's action.
    pub async fn audit(
        &self,
        actor: &User,
        action: &str,
        subject_type: &str,
        subject_id: &str,
        detail: &str,
    ) -> Result<()> {
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO audit_log (at, actor_id, actor, action, subject_type, subject_id, detail) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(now()).bind(actor.id).bind(&actor.email).bind(action).bind(subject_type).bind(subject_id).bind(detail)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// One page of the audit log, newest first, and how many entries match in all: only
    /// the entries with this action (when not empty) and whose actor or subject contains
    /// `who` (any case; when not empty).
    pub async fn audit_page(
        &self,
        action: &str,
        who: &str,
        offset: i64,
        limit: i64,
    ) -> Result<(Vec<AuditEntry>, i64)> {
        let columns = "id, at, actor, action, subject_type, subject_id, detail";
        // `who` is matched as written: its `%`, `_` and `\` are not wildcards.
        let escaped: String = who
            .to_lowercase()
            .chars()
            .flat_map(|c| if matches!(c, '%' | '_' | '\\') { vec!['\\', c] } else { vec![c] })
            .collect();
        let pattern = format!("%{escaped}%");
        let filter = "($1 = '' OR action = $1) AND ($2 = '%%' \
                      OR LOWER(actor) LIKE $2 ESCAPE '\\' OR LOWER(subject_id) LIKE $2 ESCAPE '\\')";
        let (entries, total): (Vec<AuditEntry>, i64) = with_pool!(self, pool => {
            let entries = sqlx::query_as(&format!(
                "SELECT {columns} FROM audit_log WHERE {filter} ORDER BY id DESC LIMIT $3 OFFSET $4"
            ))
            .bind(action).bind(&pattern).bind(limit).bind(offset).fetch_all(pool).await?;
            let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM audit_log WHERE {filter}"))
                .bind(action).bind(&pattern).fetch_one(pool).await?;
            (entries, total)
        });
        Ok((entries, total))
    }

    /// The newest audit entries first; only those about one subject when given.
    pub async fn audit_log(&self, subject: Option<(&str, &str)>, limit: i64) -> Result<Vec<AuditEntry>> {
        let columns = "id, at, actor, action, subject_type, subject_id, detail";
        Ok(with_pool!(self, pool => {
            match subject {
                Some((kind, id)) => sqlx::query_as(&format!(
                    "SELECT {columns} FROM audit_log WHERE subject_type = $1 AND subject_id = $2 ORDER BY id DESC LIMIT $3"
                ))
                .bind(kind).bind(id).bind(limit).fetch_all(pool).await?,
                None => sqlx::query_as(&format!("SELECT {columns} FROM audit_log ORDER BY id DESC LIMIT $1"))
                    .bind(limit).fetch_all(pool).await?,
            }
        }))
    }
}
