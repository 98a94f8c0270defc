//! Keeping the catalogue index in step with the store: built at start-up, then updated by
//! following the store's change feed, so every node (one SQLite or many on PostgreSQL)
//! sees new initiatives without coordination.

use crate::semantic::Semantic;
use praxis_search::{Catalogue, Document};
use praxis_store::{Store, StoreError};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// The index with the change-feed position it reflects.
#[derive(Clone)]
pub struct SharedCatalogue {
    inner: Arc<RwLock<Catalogue>>,
    seq: Arc<AtomicI64>,
    /// The semantic layer, when a model is loaded: told of every change too.
    semantic: Arc<RwLock<Option<Arc<Semantic>>>>,
}

impl SharedCatalogue {
    pub fn read(&self) -> std::sync::RwLockReadGuard<'_, Catalogue> {
        self.inner.read().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Catalogue> {
        self.inner.write().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn semantic(&self) -> Option<Arc<Semantic>> {
        self.semantic.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Adds the semantic layer and queues every published initiative for embedding.
    pub async fn attach_semantic(&self, semantic: Arc<Semantic>, store: &Store) -> Result<(), StoreError> {
        *self.semantic.write().unwrap_or_else(|p| p.into_inner()) = Some(semantic.clone());
        let mut after: Option<String> = None;
        loop {
            let batch = store.published_batch(after.as_deref(), 1_000).await?;
            let Some(last) = batch.last() else { break };
            after = Some(last.record.id.clone());
            for stored in &batch {
                semantic.index(&stored.record);
            }
        }
        Ok(())
    }

    /// The last change event applied.
    pub fn seq(&self) -> i64 {
        self.seq.load(Ordering::SeqCst)
    }

    /// What anonymous readers see is a function of this: the change-feed position and
    /// how many initiatives have their vector (search and similar answers move as the
    /// model catches up). Kept answers are dropped when it moves. While the model works
    /// through a backlog the count moves in steps of 256, so kept pages last a while.
    pub fn version(&self) -> (i64, usize) {
        let vectors = self.semantic().map_or(0, |s| match s.pending() {
            0 => s.indexed(),
            _ => s.indexed() / 256 * 256,
        });
        (self.seq(), vectors)
    }

    /// Applies change events after the last one applied; returns how many were applied.
    pub async fn catch_up(&self, store: &Store) -> Result<usize, StoreError> {
        let mut applied = 0;
        loop {
            let changes = store.changes_since(self.seq(), 500).await?;
            let Some(last) = changes.last().map(|c| c.seq) else {
                return Ok(applied);
            };
            for change in changes.iter().filter(|c| c.entity == "initiative") {
                let current = store.initiative(&change.entity_id).await?;
                let semantic = self.semantic();
                let mut catalogue = self.write();
                match current.filter(|s| s.record.status == praxis_domain::Status::Published) {
                    Some(stored) => {
                        catalogue.upsert(Document::from_record(&stored.record, &stored.place.slug));
                        if let Some(s) = &semantic {
                            s.index(&stored.record);
                        }
                    }
                    None => {
                        catalogue.remove(&change.entity_id);
                        if let Some(s) = &semantic {
                            s.remove(&change.entity_id);
                        }
                    }
                }
            }
            applied += changes.len();
            self.seq.store(last, Ordering::SeqCst);
        }
    }
}

/// Builds the index from every published initiative. `progress(done, total)` is called
/// after each batch.
pub async fn build_catalogue(
    store: &Store,
    progress: &(dyn Fn(u64, u64) + Sync),
) -> Result<SharedCatalogue, StoreError> {
    // Read the feed position first: anything written while we build is applied again
    // afterwards, which is harmless because applying a change is idempotent.
    let seq = store.last_change_seq().await?;
    let total = u64::try_from(store.counts().await?.initiatives).unwrap_or(0);
    let mut catalogue = Catalogue::new();
    let mut after: Option<String> = None;
    let mut done = 0u64;
    loop {
        let batch = store.published_batch(after.as_deref(), 1_000).await?;
        let Some(last) = batch.last() else { break };
        after = Some(last.record.id.clone());
        done += batch.len() as u64;
        for stored in batch {
            catalogue.upsert(Document::from_record(&stored.record, &stored.place.slug));
        }
        progress(done, total.max(done));
    }
    let shared = SharedCatalogue {
        inner: Arc::new(RwLock::new(catalogue)),
        seq: Arc::new(AtomicI64::new(seq)),
        semantic: Arc::new(RwLock::new(None)),
    };
    shared.catch_up(store).await?;
    Ok(shared)
}

/// Follows the change feed for as long as the process runs.
pub async fn follow_changes(store: Store, catalogue: SharedCatalogue, every: Duration) {
    let mut ticker = tokio::time::interval(every);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        if let Err(e) = catalogue.catch_up(&store).await {
            tracing::warn!("search index could not follow the change feed: {e}");
        }
    }
}
