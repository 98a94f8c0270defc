//! The semantic layer at run time: the e5-small model, the document vectors and a
//! background task that embeds new and changed initiatives without holding up writes or
//! searches. Vectors are kept in the store with the records (one byte a dimension), so a
//! deployment embeds each text once: a node reads what another computed, and a missing
//! vector is claimed through the store so that one node computes it while others wait.

use praxis_domain::{InitiativeRecord, Lang};
use praxis_search::cache::key;
use praxis_search::semantic::{from_int8, to_int8, VectorIndex};
use praxis_store::Store;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;
use tokio::sync::mpsc;

/// A claim on a vector older than this is taken over (its node stopped, say): a node
/// claims a vector just before computing it, which takes well under a second.
const STALE_CLAIM_SECONDS: i64 = 60;
/// How long a job whose vector another node is computing waits before looking again.
const WAIT_FOR_OTHER_NODE: Duration = Duration::from_secs(2);
/// Jobs taken together: one store read for their vectors, one re-centring of the index.
const BATCH: usize = 256;
/// While computing, the index is re-centred after this many new vectors.
const REFRESH_EVERY: usize = 16;

/// Per-language query means for centring, derived once from the glossary's labels
/// (`praxis derive-query-means`) and shipped with the code.
const QUERY_MEANS: &str = include_str!("../../../data/models/e5-small-query-means.json");

pub struct Semantic {
    model: praxis_embed::Model,
    model_id: String,
    index: RwLock<VectorIndex>,
    store: Store,
    queue: mpsc::UnboundedSender<Job>,
    pending: AtomicUsize,
    /// For each initiative, the passage its vector must be of now: a job overtaken by a
    /// later edit (or by unpublishing) is dropped.
    wanted: Mutex<HashMap<String, u64>>,
    /// Vectors this node computed, and vectors it read from the store.
    computed: AtomicUsize,
    reused: AtomicUsize,
    /// Query embeddings run on their own threads, half the cores (at least one), so that
    /// searches under load leave the other half to page requests.
    query_pool: rayon::ThreadPool,
    /// Recent query embeddings: people search for the same words again and again.
    queries: Mutex<QueryVectors>,
}

/// Query vectors kept, by query text (the embedding does not depend on the language;
/// centring does, and happens after).
const QUERY_VECTORS_KEPT: usize = 4_096;

/// A bounded map of recent query vectors; the oldest entry leaves first.
#[derive(Default)]
struct QueryVectors {
    vectors: std::collections::HashMap<String, Vec<f32>>,
    order: std::collections::VecDeque<String>,
}

impl QueryVectors {
    fn get(&self, text: &str) -> Option<Vec<f32>> {
        self.vectors.get(text).cloned()
    }

    fn put(&mut self, text: &str, vector: Vec<f32>) {
        if self.vectors.insert(text.to_string(), vector).is_none() {
            self.order.push_back(text.to_string());
            if self.order.len() > QUERY_VECTORS_KEPT {
                if let Some(oldest) = self.order.pop_front() {
                    self.vectors.remove(&oldest);
                }
            }
        }
    }
}

enum Job {
    Embed { id: String, lang: Lang, key: u64, passage: String },
    Remove { id: String },
}

#[derive(Debug, thiserror::Error)]
pub enum SemanticError {
    #[error("cannot load the model {path}: {message}")]
    Model { path: PathBuf, message: String },
    #[error("the bundled query means are unreadable: {0}")]
    Means(String),
    #[error("cannot start the query threads: {0}")]
    Threads(String),
}

/// The text a document is embedded from: its original title, summary and body.
pub fn passage(record: &InitiativeRecord) -> String {
    let l = record.language;
    let mut text =
        format!("{}. {}", record.title.get(l).unwrap_or_default(), record.summary.get(l).unwrap_or_default());
    if let Some(body) = record.body.get(l) {
        text.push('\n');
        text.push_str(body);
    }
    text
}

/// An identifier of a model file, so that vectors of another model are never reused.
pub fn model_id(path: &Path) -> String {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    format!("{}:{size}", path.file_name().and_then(|n| n.to_str()).unwrap_or("model"))
}

/// The bundled per-language query means, indexed like `Lang::all()`. A language the
/// file does not have yet gets none (its queries are not centred) rather than failing.
fn bundled_query_means(dim: usize) -> Result<Vec<Vec<f32>>, SemanticError> {
    let v: serde_json::Value =
        serde_json::from_str(QUERY_MEANS).map_err(|e| SemanticError::Means(e.to_string()))?;
    let mut means = Vec::new();
    for lang in Lang::all() {
        let Some(values) = v[lang.code()].as_array() else {
            tracing::warn!(
                "no query mean for {lang}: its queries are not centred (praxis derive-query-means)"
            );
            means.push(Vec::new());
            continue;
        };
        let values: Vec<f32> = values.iter().map(|x| x.as_f64().unwrap_or(0.0) as f32).collect();
        if values.len() != dim {
            return Err(SemanticError::Means(format!("{lang} has {} values, the model {dim}", values.len())));
        }
        means.push(values);
    }
    Ok(means)
}

/// The threads query embeddings run on: half the cores, at least one.
fn query_pool() -> Result<rayon::ThreadPool, SemanticError> {
    let cores = std::thread::available_parallelism().map_or(2, usize::from);
    rayon::ThreadPoolBuilder::new()
        .num_threads((cores / 2).max(1))
        .thread_name(|i| format!("praxis-query-{i}"))
        .build()
        .map_err(|e| SemanticError::Threads(e.to_string()))
}

impl Semantic {
    /// Loads the model and starts the embedding task, which keeps vectors in `store`.
    pub fn start(model_path: &Path, store: Store) -> Result<Arc<Semantic>, SemanticError> {
        let model = praxis_embed::Model::load(model_path)
            .map_err(|e| SemanticError::Model { path: model_path.to_path_buf(), message: e.to_string() })?;
        let means = bundled_query_means(model.dim())?;
        let (queue, mut jobs) = mpsc::unbounded_channel();
        let semantic = Arc::new(Semantic {
            index: RwLock::new(VectorIndex::new(model.dim(), means)),
            model_id: model_id(model_path),
            model,
            store,
            queue,
            pending: AtomicUsize::new(0),
            wanted: Mutex::new(HashMap::new()),
            computed: AtomicUsize::new(0),
            reused: AtomicUsize::new(0),
            query_pool: query_pool()?,
            queries: Mutex::new(QueryVectors::default()),
        });
        let worker = semantic.clone();
        tokio::spawn(async move {
            let mut batch = Vec::with_capacity(BATCH);
            while jobs.recv_many(&mut batch, BATCH).await > 0 {
                worker.work(std::mem::take(&mut batch)).await;
            }
        });
        Ok(semantic)
    }

    fn index_mut(&self) -> std::sync::RwLockWriteGuard<'_, VectorIndex> {
        self.index.write().unwrap_or_else(|p| p.into_inner())
    }

    fn wanted(&self) -> std::sync::MutexGuard<'_, HashMap<String, u64>> {
        self.wanted.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn finished(&self, jobs: usize) {
        self.pending.fetch_sub(jobs, Ordering::SeqCst);
    }

    /// Sends a job back to the queue after a while (still pending meanwhile).
    fn later(&self, job: Job) {
        let queue = self.queue.clone();
        tokio::spawn(async move {
            tokio::time::sleep(WAIT_FOR_OTHER_NODE).await;
            let _ = queue.send(job);
        });
    }

    /// One batch: vectors the store has are applied at once; the missing ones are
    /// claimed and computed here, or left to the node computing them.
    async fn work(self: &Arc<Self>, batch: Vec<Job>) {
        let keys: Vec<String> = batch
            .iter()
            .filter_map(|job| match job {
                Job::Embed { key, .. } => Some(format!("{key:016x}")),
                Job::Remove { .. } => None,
            })
            .collect();
        let stored = self.store.passage_vectors(&keys).await.unwrap_or_else(|e| {
            tracing::warn!("cannot read document vectors: {e}");
            HashMap::new()
        });
        let dim = self.model.dim();
        let mut missing = Vec::new();
        {
            let mut index = self.index_mut();
            for job in batch {
                match job {
                    Job::Remove { id } => {
                        // Published again since: the embedding queued after brings it back.
                        if !self.wanted().contains_key(&id) {
                            index.remove(&id);
                        }
                        self.finished(1);
                    }
                    Job::Embed { ref id, key, .. } if self.wanted().get(id) != Some(&key) => self.finished(1),
                    Job::Embed { id, lang, key, passage } => {
                        let found = stored.get(&format!("{key:016x}")).and_then(|text| decode(text, dim));
                        match found {
                            Some(vector) => {
                                index.upsert(&id, lang, &vector);
                                self.reused.fetch_add(1, Ordering::Relaxed);
                                self.finished(1);
                            }
                            None => missing.push(Job::Embed { id, lang, key, passage }),
                        }
                    }
                }
            }
            index.refresh();
        }
        let mut fresh = 0;
        for job in missing {
            let Job::Embed { id, lang, key, passage } = job else { continue };
            let hex = format!("{key:016x}");
            match self.store.claim_passage(&hex, STALE_CLAIM_SECONDS).await {
                Ok(true) => {}
                Ok(false) => {
                    // Another node computes it (or just has): look again in a moment.
                    self.later(Job::Embed { id, lang, key, passage });
                    continue;
                }
                Err(e) => {
                    tracing::warn!("cannot claim a document vector: {e}");
                    self.later(Job::Embed { id, lang, key, passage });
                    continue;
                }
            }
            let me = self.clone();
            let computed =
                tokio::task::spawn_blocking(move || to_int8(&me.model.embed_passage(&passage))).await;
            let Ok(bytes) = computed else {
                self.finished(1);
                continue;
            };
            if let Err(e) = self.store.put_passage_vector(&hex, &encode(&bytes)).await {
                tracing::warn!("cannot keep a document vector: {e}");
            }
            self.computed.fetch_add(1, Ordering::Relaxed);
            // What every node reads back from the store, so all rank alike.
            if let Some(vector) = from_int8(&bytes, dim) {
                if self.wanted().get(&id) == Some(&key) {
                    let mut index = self.index_mut();
                    index.upsert(&id, lang, &vector);
                    fresh += 1;
                    if fresh % REFRESH_EVERY == 0 {
                        index.refresh();
                    }
                }
            }
            self.finished(1);
        }
        if fresh % REFRESH_EVERY != 0 {
            self.index_mut().refresh();
        }
    }

    /// Queues a published initiative for embedding (cheap when the store has its vector).
    pub fn index(&self, record: &InitiativeRecord) {
        let passage = passage(record);
        let key = key(&[&self.model_id, "passage", &passage]);
        self.wanted().insert(record.id.clone(), key);
        self.pending.fetch_add(1, Ordering::SeqCst);
        let job = Job::Embed { id: record.id.clone(), lang: record.language, key, passage };
        if self.queue.send(job).is_err() {
            self.finished(1);
        }
    }

    pub fn remove(&self, id: &str) {
        self.wanted().remove(id);
        self.pending.fetch_add(1, Ordering::SeqCst);
        if self.queue.send(Job::Remove { id: id.to_string() }).is_err() {
            self.finished(1);
        }
    }

    /// Vectors this node computed since it started, and vectors it read from the store.
    pub fn computed_and_reused(&self) -> (usize, usize) {
        (self.computed.load(Ordering::Relaxed), self.reused.load(Ordering::Relaxed))
    }

    /// Documents waiting to be embedded.
    pub fn pending(&self) -> usize {
        self.pending.load(Ordering::SeqCst)
    }

    pub fn indexed(&self) -> usize {
        self.index.read().unwrap_or_else(|p| p.into_inner()).len()
    }

    /// The query's embedding (blocking: call from `spawn_blocking`), from the recent
    /// ones when the same text was searched lately, else computed on the query threads.
    pub fn embed_query(&self, text: &str) -> Vec<f32> {
        if let Some(v) = self.queries.lock().unwrap_or_else(|p| p.into_inner()).get(text) {
            return v;
        }
        let v = self.query_pool.install(|| self.model.embed_query(text));
        self.queries.lock().unwrap_or_else(|p| p.into_inner()).put(text, v.clone());
        v
    }

    pub fn with_index<T>(&self, f: impl FnOnce(&VectorIndex) -> T) -> T {
        f(&self.index.read().unwrap_or_else(|p| p.into_inner()))
    }
}

fn encode(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn decode(text: &str, dim: usize) -> Option<Vec<f32>> {
    use base64::Engine;
    from_int8(&base64::engine::general_purpose::STANDARD.decode(text).ok()?, dim)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_query_vectors_are_kept_up_to_a_bound_oldest_out_first() {
        let mut kept = QueryVectors::default();
        for i in 0..QUERY_VECTORS_KEPT + 2 {
            kept.put(&format!("query {i}"), vec![i as f32]);
        }
        assert_eq!(kept.vectors.len(), QUERY_VECTORS_KEPT);
        assert_eq!(kept.get("query 0"), None, "the oldest left first");
        assert_eq!(kept.get("query 1"), None);
        assert_eq!(kept.get("query 2"), Some(vec![2.0]));
        // The same text again neither duplicates nor evicts.
        kept.put("query 2", vec![2.0]);
        assert_eq!(kept.order.len(), QUERY_VECTORS_KEPT);
    }
}
