//! Praxis storage. One [`Store`] with two backends chosen once from the configuration:
//! SQLite in the data folder (the embedded default) and PostgreSQL (shared by several
//! app nodes). Both run the same SQL text (`$n` placeholders work in both), so each
//! method is written once and expanded for each backend by [`with_pool!`]; each backend
//! keeps its own migrations.
//!
//! Every write happens inside one transaction that also stores the new revision and a
//! change event, which the search index follows.

mod accounts;
mod backup;
mod calls;
mod events;
mod initiatives;
mod mail;
mod moderation;
mod places;
mod vectors;

pub use accounts::{
    new_secret, secret_hash, ApiToken, AuditEntry, MembershipRow, MembershipStatus, Organisation, RoleColumn,
    SecondFactor, User, SESSION_DAYS,
};
pub use backup::{Restore, SnapshotItem, TABLES};
pub use calls::{Confirmation, NewRequest, RequestStatus, Signatory, StoredCall, StoredRequest};
pub use events::{
    Booking, Cancellation, EventFilter, NewRegistration, Registration, RegistrationStatus, StoredEvent, When,
    REMINDER_BEFORE,
};
pub use initiatives::{AuditNote, Change, ImportReport, Revision, StoredInitiative, WriteOutcome};
pub use mail::{Letter, MailContent, MailJob, MailKind, MAIL_ATTEMPTS_MAX};
pub use moderation::{Report, REPORT_REASONS};
pub use places::{Counts, PlaceSummary};

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    Conflict(String),
    #[error("invalid record {id}: {message}")]
    Invalid { id: String, message: String },
    #[error("cannot use the data folder {path}: {source}")]
    DataFolder { path: PathBuf, source: std::io::Error },
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Where the data lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreConfig {
    /// SQLite database file `praxis.db` inside this folder.
    DataFolder(PathBuf),
    /// `sqlite://path/to/file.db` or `postgres://…`.
    Url(String),
}

impl StoreConfig {
    /// A description safe to print: no password.
    pub fn describe(&self) -> String {
        match self {
            StoreConfig::DataFolder(dir) => format!("SQLite in {}", dir.join(DB_FILE).display()),
            StoreConfig::Url(url) => redact(url),
        }
    }
}

const DB_FILE: &str = "praxis.db";

/// Hides the password of a database URL.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((credentials, host)) => {
            let user = credentials.split(':').next().unwrap_or("");
            format!("{scheme}://{user}:***@{host}")
        }
        None => url.to_string(),
    }
}

/// The database, on whichever backend the configuration names. Which one it is stays
/// inside this crate: every method is written once, with SQL both backends run.
#[derive(Clone, Debug)]
pub struct Store {
    pool: Pool,
}

#[derive(Clone, Debug)]
enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs the same body for whichever backend the store has. The body is expanded once per
/// backend, so it type-checks against each driver.
macro_rules! with_pool {
    ($store:expr, $pool:ident => $body:expr) => {
        match &$store.pool {
            $crate::Pool::Sqlite($pool) => $body,
            $crate::Pool::Postgres($pool) => $body,
        }
    };
}
pub(crate) use with_pool;

impl Store {
    /// Opens the store and applies pending migrations.
    pub async fn open(config: &StoreConfig) -> Result<Store> {
        let store = Store::connect(config).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Opens the store without migrating.
    pub async fn connect(config: &StoreConfig) -> Result<Store> {
        match config {
            StoreConfig::DataFolder(dir) => {
                std::fs::create_dir_all(dir)
                    .map_err(|source| StoreError::DataFolder { path: dir.clone(), source })?;
                Store::open_sqlite(&dir.join(DB_FILE)).await
            }
            StoreConfig::Url(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                let pool = PgPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect(url)
                    .await?;
                Ok(Store { pool: Pool::Postgres(pool) })
            }
            StoreConfig::Url(url) => match url.strip_prefix("sqlite://") {
                Some(path) => Store::open_sqlite(Path::new(path)).await,
                None => Err(StoreError::Database(sqlx::Error::Configuration(
                    format!("unsupported database URL {}: use sqlite://FILE or postgres://…", redact(url))
                        .into(),
                ))),
            },
        }
    }

    async fn open_sqlite(path: &Path) -> Result<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|source| StoreError::DataFolder { path: parent.to_path_buf(), source })?;
        }
        let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", path.display()))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            .synchronous(sqlx::sqlite::SqliteSynchronous::Normal)
            // Reads go through the OS page cache shared by all connections instead of
            // being copied into each connection's small private cache.
            .pragma("mmap_size", "1073741824")
            .pragma("cache_size", "-16000");
        let pool = SqlitePoolOptions::new().max_connections(8).connect_with(options).await?;
        Ok(Store { pool: Pool::Sqlite(pool) })
    }

    pub async fn migrate(&self) -> Result<()> {
        match &self.pool {
            Pool::Sqlite(pool) => sqlx::migrate!("./migrations/sqlite").run(pool).await?,
            Pool::Postgres(pool) => sqlx::migrate!("./migrations/postgres").run(pool).await?,
        }
        Ok(())
    }

    /// Applies the pending migrations numbered below `version` only: a database as the
    /// version before left it, for migration tests and for staged upgrades.
    pub async fn migrate_before(&self, version: i64) -> Result<()> {
        fn only_before(mut m: sqlx::migrate::Migrator, version: i64) -> sqlx::migrate::Migrator {
            m.migrations = std::borrow::Cow::Owned(
                m.migrations.iter().filter(|x| x.version < version).cloned().collect(),
            );
            m
        }
        match &self.pool {
            Pool::Sqlite(pool) => {
                only_before(sqlx::migrate!("./migrations/sqlite"), version).run(pool).await?
            }
            Pool::Postgres(pool) => {
                only_before(sqlx::migrate!("./migrations/postgres"), version).run(pool).await?
            }
        }
        Ok(())
    }

    /// Runs one SQL statement as given, for maintenance and for tests that must set up
    /// what no method writes (rows from an older version, a dated row, a database).
    /// Answers how many rows it touched.
    pub async fn run_sql(&self, sql: &str) -> Result<u64> {
        Ok(with_pool!(self, pool => sqlx::query(sql).execute(pool).await?.rows_affected()))
    }

    /// The first column of every row a query answers, as text: for maintenance checks
    /// (and tests) that look at what is stored.
    pub async fn texts(&self, sql: &str) -> Result<Vec<String>> {
        let rows: Vec<(String,)> = with_pool!(self, pool => sqlx::query_as(sql).fetch_all(pool).await?);
        Ok(rows.into_iter().map(|(text,)| text).collect())
    }

    pub fn backend(&self) -> &'static str {
        match &self.pool {
            Pool::Sqlite(_) => "sqlite",
            Pool::Postgres(_) => "postgres",
        }
    }

    /// Answers when the database does.
    pub async fn ping(&self) -> Result<()> {
        with_pool!(self, pool => {
            sqlx::query("SELECT 1").execute(pool).await?;
        });
        Ok(())
    }

    pub async fn close(&self) {
        with_pool!(self, pool => pool.close().await)
    }
}

/// One saved version of an initiative, a call or an event.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RecordRevision {
    pub revision: i64,
    pub author: String,
    pub created_at: String,
    /// The record as JSON, as it was saved.
    pub record: String,
}

/// Keeps a version of a record inside the caller's transaction (`entity`: "call", "event").
macro_rules! keep_revision {
    ($tx:expr, $entity:expr, $id:expr, $version:expr, $json:expr, $author:expr, $at:expr) => {
        sqlx::query(
            "INSERT INTO record_revisions (entity, entity_id, revision, record, author, created_at, version) \
             SELECT $1, $2, COALESCE(MAX(revision), 0) + 1, $3, $4, $5, $6 FROM record_revisions \
             WHERE entity = $1 AND entity_id = $2",
        )
        .bind($entity)
        .bind($id)
        .bind($json)
        .bind($author)
        .bind($at)
        .bind($version)
        .execute(&mut *$tx)
        .await
    };
}
pub(crate) use keep_revision;

/// Keeps a revision whose number the entity's row already counts (initiatives: a
/// proposed change names its revision).
macro_rules! numbered_revision {
    ($tx:expr, $entity:expr, $id:expr, $revision:expr, $json:expr, $author:expr, $at:expr) => {
        sqlx::query(
            "INSERT INTO record_revisions (entity, entity_id, revision, record, author, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind($entity)
        .bind($id)
        .bind($revision)
        .bind($json)
        .bind($author)
        .bind($at)
        .execute(&mut *$tx)
        .await
    };
}
pub(crate) use numbered_revision;

impl Store {
    /// Every saved version of an initiative, a call or an event, oldest first.
    pub async fn record_revisions(&self, entity: &str, id: &str) -> Result<Vec<RecordRevision>> {
        Ok(with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT revision, author, created_at, record FROM record_revisions \
                 WHERE entity = $1 AND entity_id = $2 ORDER BY revision",
            )
            .bind(entity).bind(id).fetch_all(pool).await?
        }))
    }
}

/// The current time as stored: RFC 3339 in UTC with fixed width, so text order is time order.
pub(crate) fn now() -> String {
    praxis_domain::stamp::stamp(jiff::Timestamp::now())
}
