//! `praxis user add`, `praxis token create`, and the demo's accounts.

use anyhow::bail;
use praxis_app::{identity, AppError};
use praxis_domain::Role;
use praxis_store::Store;

/// Creates or updates an account and prints a link to choose its password.
pub async fn user_add(
    store: &Store,
    email: &str,
    role: Role,
    organisation: Option<&str>,
    name: Option<&str>,
    public_url: &str,
) -> anyhow::Result<()> {
    let given = email;
    let account = match identity::provision(store, email, role, organisation, name).await {
        Ok(account) => account,
        Err(AppError::Invalid { fields, .. }) if fields.contains_key("email") => {
            bail!("--email {given:?} is not an e-mail address; give one such as name@city.gov")
        }
        Err(AppError::Invalid { fields, .. }) if fields.contains_key("organisation") => bail!(
            "a member belongs to an organisation: add --organisation NAME (or choose --role editor or admin)"
        ),
        Err(e) => return Err(e.into()),
    };
    let email = &account.email;
    let verb = if account.existed { "Updated" } else { "Created" };
    match organisation {
        Some(org) => println!("{verb} {email} as {role} of {org}."),
        None => println!("{verb} {email} as {role}."),
    }
    println!(
        "To choose a password (link valid for 7 days): {}/en/password/reset?token={}",
        public_url.trim_end_matches('/'),
        account.reset_token
    );
    if role.needs_second_factor() {
        println!("As {role}, the account sets up two-step sign-in at its first sign-in.");
    }
    Ok(())
}

/// Prints a new API token and nothing else.
pub async fn token_create(store: &Store, email: &str, label: &str) -> anyhow::Result<()> {
    let token = match identity::token_for(store, email, label).await {
        Ok(token) => token,
        Err(AppError::NotFound(what)) => bail!("{what}; create it first with praxis user add"),
        Err(e) => return Err(e.into()),
    };
    println!("{token}");
    Ok(())
}

/// The demo's accounts: fixed, printed credentials so a first-time user (and the browser
/// tests) can try every role. Never use them outside the demo.
pub struct DemoAccount {
    pub email: &'static str,
    pub name: &'static str,
    pub role: Role,
    pub organisation: Option<&'static str>,
    /// The two-step sign-in key (base32), for roles that need one.
    pub totp: Option<&'static str>,
}

pub const DEMO_PASSWORD: &str = "praxis-demo-2026";

pub const DEMO_ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        email: "admin@praxis.example",
        name: "Demo Admin",
        role: Role::Admin,
        organisation: None,
        totp: Some("PRAXISDEMOADMINKEY234567"),
    },
    DemoAccount {
        email: "editor@praxis.example",
        name: "Demo Editor",
        role: Role::Editor,
        organisation: None,
        totp: Some("PRAXISDEMOEDITORKEY23456"),
    },
    DemoAccount {
        email: "member@praxis.example",
        name: "Demo Member",
        role: Role::Member,
        organisation: Some("City of Amsterdam"),
        totp: None,
    },
];

/// Adds the demo accounts when the store has none of them.
pub async fn seed_demo(store: &Store, hash: impl Fn(&str) -> String) -> anyhow::Result<()> {
    for account in DEMO_ACCOUNTS {
        if store.user_by_email(account.email).await?.is_some() {
            continue;
        }
        let id = store.upsert_user(account.email, account.name, account.role, account.organisation).await?;
        store.set_password(id, &hash(DEMO_PASSWORD)).await?;
        if let Some(secret) = account.totp {
            store.set_totp_secret(id, secret).await?;
            store.enable_totp(id).await?;
        }
    }
    Ok(())
}

pub fn print_demo_sign_in(public_url: &str) {
    println!("Sign in at {}/en/sign-in with password {DEMO_PASSWORD} as:", public_url.trim_end_matches('/'));
    for account in DEMO_ACCOUNTS {
        match account.totp {
            Some(key) => println!(
                "  {:<24} {:<7} two-step key {key} (add it to an authenticator app)",
                account.email, account.role
            ),
            None => println!("  {:<24} {}", account.email, account.role),
        }
    }
}
