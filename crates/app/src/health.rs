//! What this node is doing, for `/healthz`, `/healthz/details` and `/metrics`: whether
//! the store answers, how far the index trails the change feed, the mail queue and the
//! embedding worker. Read here so that front ends never reach the store themselves.

use crate::App;

/// The node at one instant. Parts the store could not tell are `None`.
#[derive(Debug, Clone)]
pub struct NodeStatus {
    /// `Err` with the store's message when it does not answer.
    pub store: Result<(), String>,
    pub backend: &'static str,
    pub initiatives_indexed: usize,
    pub change_feed_position: i64,
    /// Changes in the store this node's index has not applied yet.
    pub index_lag: Option<i64>,
    /// (waiting to be sent, given up after every retry).
    pub mail_queue: Option<(i64, i64)>,
    /// The embedding worker, when the model is loaded.
    pub semantic: Option<SemanticStatus>,
}

#[derive(Debug, Clone, Copy)]
pub struct SemanticStatus {
    /// Initiatives with a vector in this node's index.
    pub indexed: usize,
    /// Initiatives waiting for theirs.
    pub pending: usize,
    /// Vectors this node computed since it started, and vectors it read from the store
    /// (computed by any node, once for the deployment).
    pub computed: usize,
    pub read_from_store: usize,
}

/// Whether the store answers (the liveness check).
pub async fn store_answers(app: &App) -> Result<(), String> {
    app.store.ping().await.map_err(|e| e.to_string())
}

pub async fn status(app: &App) -> NodeStatus {
    let store = store_answers(app).await;
    let position = app.catalogue.seq();
    let index_lag = app.store.last_change_seq().await.ok().map(|last| (last - position).max(0));
    let semantic = app.catalogue.semantic().map(|s| {
        let (computed, read_from_store) = s.computed_and_reused();
        SemanticStatus { indexed: s.indexed(), pending: s.pending(), computed, read_from_store }
    });
    // Read apart: the index's lock is not held across the waits below.
    let initiatives_indexed = app.catalogue.read().len();
    let mail_queue = app.store.mail_queue().await.ok();
    NodeStatus {
        store,
        backend: app.store.backend(),
        initiatives_indexed,
        change_feed_position: position,
        index_lag,
        mail_queue,
        semantic,
    }
}
