//! Who someone is: signing up and confirming the address, signing in (the password,
//! then a code from an authenticator for the roles that need one), setting up two-step
//! sign-in, resetting a forgotten password, signing out, and API tokens.
//!
//! Every guess is counted in the store's one rate-limit table, which all nodes share:
//! - wrong passwords per account (`account:EMAIL`) and per network address
//!   (`address:IP`); a right password clears the account's password count only;
//! - wrong codes per account (`code:EMAIL`) and per network address; only a right code
//!   clears the account's code count, so knowing the password never buys more guesses
//!   at the code;
//! - e-mails a form may cause per network address and per recipient, so nobody can
//!   flood an inbox.

use crate::credentials::{decoy_hash, hash_password, new_totp_secret, totp_matches, verify_password};
use crate::error::{AppError, Result};
use crate::mail::send;
use crate::policy::Account;
use crate::App;
use praxis_domain::account::{name_problem, normalise_email, password_problem};
use praxis_domain::{Lang, Role};
use praxis_store::{SecondFactor, StoreError, User};
use std::collections::BTreeMap;

/// Wrong passwords (or codes) allowed per account within [`THROTTLE_WINDOW`] seconds.
pub const THROTTLE_LIMIT: i64 = 5;
pub const THROTTLE_WINDOW: i64 = 15 * 60;
/// Wrong passwords and codes allowed per network address: higher, as an office or a
/// proxy puts many people behind one address.
pub const ADDRESS_THROTTLE_LIMIT: i64 = 50;
/// How long the link that confirms an address, and the one that resets a password, work.
pub const VERIFY_SECONDS: i64 = 3 * 86_400;
pub const RESET_SECONDS: i64 = 3_600;
/// Messages a network address may cause (sign-ups, reset links) per hour, and messages
/// one recipient receives from those forms per hour.
pub const MAILS_PER_ADDRESS_HOUR: i64 = 20;
pub const MAILS_PER_RECIPIENT_HOUR: i64 = 3;

/// The code of a refused password (with an unknown address, the same answer).
pub const WRONG_CREDENTIALS: &str = "wrong_credentials";
/// The code of an account whose address is not confirmed yet.
pub const ADDRESS_UNCONFIRMED: &str = "address_unconfirmed";
/// The code of a wrong, reused or expired authenticator code.
pub const WRONG_CODE: &str = "wrong_code";
/// The code of a reset or confirmation link that is unknown, expired or used.
pub const LINK_SPENT: &str = "link_spent";

/// What a right password leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Signed in.
    Done,
    /// The session waits for a code from the account's authenticator.
    Code,
    /// The role needs two-step sign-in and the account has none yet: set it up first.
    SetUpTwoFactor,
}

/// A session that a right password opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// The session secret, for the cookie.
    pub session: String,
    pub step: Step,
}

fn account_subject(email: &str) -> String {
    format!("account:{email}")
}
fn code_subject(email: &str) -> String {
    format!("code:{email}")
}
fn address_subject(client: &str) -> String {
    format!("address:{client}")
}

/// Refuses when any subject is at its limit.
async fn check_limits(app: &App, limits: &[(&str, i64)]) -> Result<()> {
    for (subject, limit) in limits {
        if app.store.hits(subject, THROTTLE_WINDOW).await? >= *limit {
            return Err(AppError::TooMany);
        }
    }
    Ok(())
}

async fn count(app: &App, subjects: &[&str]) -> Result<()> {
    for subject in subjects {
        app.store.hit(subject).await?;
    }
    Ok(())
}

/// Signs in with an address and a password from the network address `client`.
pub async fn sign_in(app: &App, email: &str, password: &str, client: &str) -> Result<Opened> {
    let email = normalise_email(email).unwrap_or_else(|| email.trim().to_lowercase());
    let by_account = account_subject(&email);
    let by_address = address_subject(client);
    check_limits(app, &[(&by_account, THROTTLE_LIMIT), (&by_address, ADDRESS_THROTTLE_LIMIT)]).await?;
    let user = app.store.user_by_email(&email).await?;
    let hash = user.as_ref().and_then(|u| u.password_hash.clone());
    // The same work whether or not the account exists, so time tells nothing either.
    let password_ok = verify_password(password, hash.as_deref().unwrap_or(decoy_hash()));
    let Some(user) = user.filter(|_| password_ok && hash.is_some()) else {
        count(app, &[&by_account, &by_address]).await?;
        return Err(AppError::Invalid {
            code: WRONG_CREDENTIALS,
            message: "wrong e-mail address or password".into(),
            fields: BTreeMap::new(),
        });
    };
    if user.email_verified_at.is_none() {
        return Err(AppError::Conflict {
            code: ADDRESS_UNCONFIRMED,
            message: "confirm your e-mail address first".into(),
        });
    }
    app.store.clear_hits(&by_account).await?;
    let step = if user.totp_enabled() {
        Step::Code
    } else if user.role().needs_second_factor() {
        Step::SetUpTwoFactor
    } else {
        Step::Done
    };
    let factor = if step == Step::Done { SecondFactor::NotNeeded } else { SecondFactor::Pending };
    let session = app.store.create_session_with(user.id, factor).await?;
    Ok(Opened { session, step })
}

/// Checks a code against the account's secret, refusing a replayed one, and counts a
/// wrong one against the account and the network address.
async fn check_code(app: &App, user: &User, code: &str, client: &str) -> Result<()> {
    let by_account = code_subject(&user.email);
    let by_address = address_subject(client);
    check_limits(app, &[(&by_account, THROTTLE_LIMIT), (&by_address, ADDRESS_THROTTLE_LIMIT)]).await?;
    let now = jiff::Timestamp::now().as_second();
    let valid =
        match (&user.totp_secret, user.totp_secret.as_deref().and_then(|s| totp_matches(s, code, now))) {
            (Some(_), Some(step)) => app.store.use_totp_step(user.id, step).await?,
            _ => false,
        };
    if !valid {
        count(app, &[&by_account, &by_address]).await?;
        return Err(AppError::Invalid {
            code: WRONG_CODE,
            message: "wrong or expired code".into(),
            fields: BTreeMap::new(),
        });
    }
    app.store.clear_hits(&by_account).await?;
    Ok(())
}

/// The second step: a code from the authenticator completes the pending `session`.
pub async fn second_factor(
    app: &App,
    user: &User,
    session: Option<&str>,
    code: &str,
    client: &str,
) -> Result<()> {
    check_code(app, user, code, client).await?;
    if let Some(session) = session {
        app.store.complete_second_factor(session).await?;
    }
    Ok(())
}

/// The secret to show someone setting up two-step sign-in: the one not yet confirmed,
/// or a new one. `None` when two-step sign-in is already on (it is never reset here).
pub async fn two_factor_secret(app: &App, user: &User) -> Result<Option<String>> {
    if user.totp_enabled() {
        return Ok(None);
    }
    if let Some(secret) = &user.totp_secret {
        return Ok(Some(secret.clone()));
    }
    let secret = new_totp_secret();
    app.store.set_totp_secret(user.id, &secret).await?;
    Ok(Some(secret))
}

/// Turns two-step sign-in on once the authenticator shows a right code; a pending
/// `session` is completed by it.
pub async fn enable_two_factor(
    app: &App,
    user_id: i64,
    session: Option<&str>,
    code: &str,
    client: &str,
) -> Result<()> {
    let user = app.store.user(user_id).await?.ok_or_else(|| AppError::NotFound("no such account".into()))?;
    if user.totp_enabled() {
        return Err(AppError::Conflict {
            code: "two_factor_on",
            message: "two-step sign-in is already on".into(),
        });
    }
    check_code(app, &user, code, client).await?;
    app.store.enable_totp(user.id).await?;
    if let Some(session) = session {
        app.store.complete_second_factor(session).await?;
    }
    Ok(())
}

/// Whether a form may send one more message to `to` for the client at `client`, and
/// counts it. `TooMany` when the network address is over its limit; `Ok(false)` when
/// only the recipient is (the form answers as usual, without sending).
pub async fn mail_allowed(app: &App, client: &str, to: &str) -> Result<bool> {
    let from = format!("mail-from:{client}");
    if app.store.hits(&from, 3600).await? >= MAILS_PER_ADDRESS_HOUR {
        return Err(AppError::TooMany);
    }
    app.store.hit(&from).await?;
    let recipient = format!("mail-to:{to}");
    if app.store.hits(&recipient, 3600).await? >= MAILS_PER_RECIPIENT_HOUR {
        return Ok(false);
    }
    app.store.hit(&recipient).await?;
    Ok(true)
}

/// A new member's account, written in `lang`. Answers the normalised address. The
/// answer is the same whether or not the address already has an account, so the form
/// reveals nobody; the owner of an existing account is told by e-mail instead.
pub async fn sign_up(
    app: &App,
    lang: Lang,
    name: &str,
    email: &str,
    password: &str,
    client: &str,
) -> Result<String> {
    let normalised = normalise_email(email);
    let mut fields = BTreeMap::new();
    let mut problem = |field: &str, code: &str| {
        fields.insert(
            field.to_string(),
            crate::FieldProblem { code: code.to_string(), message: format!("{field}: {code}") },
        );
    };
    if let Some(code) = name_problem(name) {
        problem("name", code);
    }
    if normalised.is_none() {
        problem("email", "email");
    }
    if let Some(code) = password_problem(password, email) {
        problem("password", code);
    }
    if !fields.is_empty() {
        return Err(AppError::Invalid {
            code: "invalid_input",
            message: "the form has problems".into(),
            fields,
        });
    }
    let email = normalised.unwrap_or_default();
    if !mail_allowed(app, client, &email).await? {
        return Ok(email);
    }
    let hash = hash_password(password);
    match app.store.create_user(&email, name.trim(), Some(&hash), Role::Member, lang.code()).await {
        Ok(id) => {
            let token = app.store.create_one_time(id, "verify", VERIFY_SECONDS).await?;
            let link = format!("{}/{}/verify?token={token}", app.public_url, lang.code());
            send(app, lang, &email, "mail-verify", &[("name", name.trim().to_string()), ("link", link)])
                .await;
        }
        Err(StoreError::Conflict(_)) => {
            let link = format!("{}/{}/password/forgot", app.public_url, lang.code());
            send(app, lang, &email, "mail-exists", &[("link", link)]).await;
        }
        Err(e) => return Err(e.into()),
    }
    Ok(email)
}

/// Confirms an address from the link in its e-mail.
pub async fn confirm_address(app: &App, token: &str) -> Result<()> {
    let Some(user) = app.store.use_one_time(token, "verify").await? else {
        return Err(AppError::Conflict {
            code: LINK_SPENT,
            message: "this link is unknown, expired or used".into(),
        });
    };
    app.store.mark_email_verified(user).await?;
    Ok(())
}

/// Sends a reset link to the address, when it has an account (the answer is the same
/// when it has none). Answers the normalised address.
pub async fn request_reset(app: &App, lang: Lang, email: &str, client: &str) -> Result<String> {
    let Some(email) = normalise_email(email) else {
        return Err(AppError::invalid_field("email", "email", "not an e-mail address"));
    };
    let allowed = mail_allowed(app, client, &email).await?;
    if let Some(user) = app.store.user_by_email(&email).await?.filter(|_| allowed) {
        let token = app.store.create_one_time(user.id, "reset", RESET_SECONDS).await?;
        let link = format!("{}/{}/password/reset?token={token}", app.public_url, lang.code());
        send(app, lang, &email, "mail-reset", &[("name", user.name.clone()), ("link", link)]).await;
    }
    Ok(email)
}

/// Sets a new password through a reset link. The account's other reset links stop
/// working and all its sessions end.
pub async fn reset_password(app: &App, token: &str, password: &str) -> Result<()> {
    if let Some(code) = password_problem(password, "") {
        return Err(AppError::invalid_field("password", code, "the password is not acceptable"));
    }
    match app.store.reset_password(token, &hash_password(password)).await? {
        Some(_) => Ok(()),
        None => Err(AppError::Conflict {
            code: LINK_SPENT,
            message: "this link is unknown, expired or used".into(),
        }),
    }
}

/// Ends one session.
pub async fn sign_out(app: &App, session: &str) -> Result<()> {
    Ok(app.store.delete_session(session).await?)
}

/// Ends every session of the account.
pub async fn sign_out_everywhere(app: &App, account: &Account) -> Result<u64> {
    Ok(app.store.delete_sessions_of(account.id).await?)
}

/// The longest label an API token may have.
pub const TOKEN_LABEL_MAX: usize = 100;

/// A new API token for the account, with a label saying what it is for ("API" when
/// none is given). Only its hash is kept: the caller shows the token once.
pub async fn create_token(app: &App, account: &Account, label: &str) -> Result<String> {
    let label = label.trim();
    if label.chars().count() > TOKEN_LABEL_MAX {
        return Err(AppError::invalid_field("label", "too_long", "the label is longer than 100 characters"));
    }
    let label = if label.is_empty() { "API" } else { label };
    Ok(app.store.create_api_token(account.id, label).await?)
}

/// The account behind a user, with the organisations it is a verified member of.
pub async fn account_of(app: &App, user: User) -> Result<Account, StoreError> {
    let organisations = app
        .store
        .memberships_of(user.id)
        .await?
        .into_iter()
        .filter(|m| m.status == praxis_store::MembershipStatus::Verified)
        .map(|m| crate::Membership {
            organisation_id: m.organisation.id,
            slug: m.organisation.slug,
            name: m.organisation.name,
        })
        .collect();
    Ok(Account {
        id: user.id,
        email: user.email.clone(),
        name: user.name.clone(),
        role: user.role(),
        language: user.language.parse().unwrap_or_default(),
        organisations,
        user,
    })
}

/// Who a request's credentials stand for.
pub enum Bearer {
    /// Nobody: no credentials, or spent ones.
    Nobody,
    /// A signed-in account.
    Signed(Account),
    /// Someone who gave their password and still owes the second step.
    Pending(User),
}

/// The account an API token belongs to, if the token is live.
pub async fn by_api_token(app: &App, token: &str) -> Result<Bearer, StoreError> {
    match app.store.api_token_user(token).await? {
        Some(user) => Ok(Bearer::Signed(account_of(app, user).await?)),
        None => Ok(Bearer::Nobody),
    }
}

/// Who a session cookie stands for. A session that began without the second step
/// still owes it once the account's role needs one (a member promoted to editor, say).
pub async fn by_session(app: &App, session: &str) -> Result<Bearer, StoreError> {
    Ok(match app.store.session_user(session).await? {
        None => Bearer::Nobody,
        Some((user, SecondFactor::Pending)) => Bearer::Pending(user),
        Some((user, SecondFactor::NotNeeded)) if user.role().needs_second_factor() => Bearer::Pending(user),
        Some((user, _)) => Bearer::Signed(account_of(app, user).await?),
    })
}

/// A user as stored now (after a change the request did not see).
pub async fn user(app: &App, id: i64) -> Result<Option<User>> {
    Ok(app.store.user(id).await?)
}

/// Revokes one of the account's own tokens.
pub async fn revoke_token(app: &App, account: &Account, token: i64) -> Result<()> {
    Ok(app.store.revoke_api_token(account.id, token).await?)
}

/// How long the link that `praxis user add` prints works.
pub const PROVISION_SECONDS: i64 = 7 * 86_400;

/// An account an operator created or updated, with the link to choose its password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provisioned {
    pub email: String,
    pub existed: bool,
    /// The secret of a password link valid for [`PROVISION_SECONDS`].
    pub reset_token: String,
}

/// Creates or updates an account from the command line: a member belongs to an
/// organisation; the name defaults to the address's local part.
pub async fn provision(
    store: &praxis_store::Store,
    email: &str,
    role: Role,
    organisation: Option<&str>,
    name: Option<&str>,
) -> Result<Provisioned> {
    let Some(email) = normalise_email(email) else {
        return Err(AppError::invalid_field("email", "email", "not an e-mail address"));
    };
    if role == Role::Member && organisation.is_none() {
        return Err(AppError::invalid_field(
            "organisation",
            "organisation_required",
            "a member belongs to an organisation",
        ));
    }
    let name = name.map(str::to_string).unwrap_or_else(|| email.split('@').next().unwrap_or("").to_string());
    let existed = store.user_by_email(&email).await?.is_some();
    let id = store.upsert_user(&email, &name, role, organisation).await?;
    let reset_token = store.create_one_time(id, "reset", PROVISION_SECONDS).await?;
    Ok(Provisioned { email, existed, reset_token })
}

/// A new API token for the account with this address, from the command line.
pub async fn token_for(store: &praxis_store::Store, email: &str, label: &str) -> Result<String> {
    let email = normalise_email(email).unwrap_or_else(|| email.to_string());
    let Some(user) = store.user_by_email(&email).await? else {
        return Err(AppError::NotFound(format!("no account for {email}")));
    };
    Ok(store.create_api_token(user.id, label).await?)
}
