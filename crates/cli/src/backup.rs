//! `praxis backup` and `praxis restore`: the whole installation into one archive and
//! back (the archive itself is the application layer's; this shows progress and says
//! what happened).

use crate::config::StoreArgs;
use crate::import::progress_bar;
use anyhow::Context;
use praxis_app::backup::{self, Progress};
use praxis_store::Store;
use std::path::Path;

pub async fn run_backup(store_args: &StoreArgs, out: &Path) -> anyhow::Result<()> {
    let store = store_args.open().await?;
    let bar = progress_bar(0, "Backing up");
    let mut show = |p: Progress| {
        bar.set_length(p.total);
        bar.set_position(p.done);
    };
    let manifest = backup::backup(&store, &store_args.data, out, &mut show)
        .await
        .with_context(|| format!("the backup to {} failed; nothing was written there", out.display()))?;
    bar.finish_and_clear();
    let rows: u64 = manifest.tables.iter().map(|t| t.rows).sum();
    let size = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "Backed up {rows} rows in {} tables and {} attachments from {} (schema {}) to {} ({:.1} MB).",
        manifest.tables.len(),
        manifest.files.len(),
        store_args.config().describe(),
        manifest.schema_version,
        out.display(),
        size as f64 / 1e6
    );
    store.close().await;
    Ok(())
}

pub async fn run_restore(store_args: &StoreArgs, archive: &Path) -> anyhow::Result<()> {
    // Not `open`: the restore migrates the store only as far as the backup's schema,
    // fills it, then brings it up to date.
    let config = store_args.config();
    let store = Store::connect(&config).await.with_context(|| {
        format!("cannot open the store ({}); check --data or --database-url", config.describe())
    })?;
    let bar = progress_bar(0, "Restoring");
    let mut show = |p: Progress| {
        bar.set_length(p.total);
        bar.set_position(p.done);
    };
    let outcome = backup::restore(&store, &store_args.data, archive, &mut show).await;
    bar.finish_and_clear();
    let restored = outcome.with_context(|| format!("nothing was restored from {}", archive.display()))?;
    eprintln!(
        "Restored {} rows in {} tables and {} attachments, taken {} from {} (schema {}), into {}.",
        restored.rows,
        restored.manifest.tables.len(),
        restored.files,
        restored.manifest.created_at,
        restored.manifest.backend,
        restored.manifest.schema_version,
        config.describe()
    );
    store.close().await;
    Ok(())
}
