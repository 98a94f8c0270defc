//! What every store suite shares: run a case on SQLite, and on a fresh PostgreSQL
//! database too when `PRAXIS_TEST_DATABASE_URL` names a server.

use praxis_store::{Store, StoreConfig};
use std::future::Future;

/// Runs `case` on a new SQLite store, then on a new PostgreSQL database when configured
/// (dropped afterwards).
pub async fn on_every_backend<F, Fut>(case: F)
where
    F: Fn(Store) -> Fut,
    Fut: Future<Output = ()>,
{
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&StoreConfig::DataFolder(dir.path().to_path_buf())).await.unwrap();
    case(store.clone()).await;
    store.close().await;

    if let Ok(url) = std::env::var("PRAXIS_TEST_DATABASE_URL") {
        let (store, admin, name) = fresh_postgres(&url).await;
        case(store.clone()).await;
        store.close().await;
        admin.run_sql(&format!("DROP DATABASE {name} WITH (FORCE)")).await.unwrap();
    }
}

/// Creates an empty database on the server for one case.
pub async fn fresh_postgres(url: &str) -> (Store, Store, String) {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let admin = Store::connect(&StoreConfig::Url(url.to_string())).await.unwrap();
    let name = format!(
        "praxis_test_{}_{}_{}",
        std::process::id(),
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos(),
        COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    admin.run_sql(&format!("CREATE DATABASE {name}")).await.unwrap();
    let (base, _) = url.rsplit_once('/').expect("database URL ends with /DBNAME");
    let store = Store::open(&StoreConfig::Url(format!("{base}/{name}"))).await.unwrap();
    (store, admin, name)
}
