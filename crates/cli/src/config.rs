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
}
