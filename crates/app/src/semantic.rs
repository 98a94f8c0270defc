//! The semantic layer at run time: the e5-small model, the document vectors (kept in the
//! data folder so a restart does not embed again), and a background task that embeds
//! new and changed initiatives without holding up writes or searches.

use praxis_domain::{InitiativeRecord, Lang};
use praxis_search::cache::{key, VectorCache};
use praxis_search::semantic::VectorIndex;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use tokio::sync::mpsc;

/// Per-language query means for centring, derived once from the glossary's labels
/// (`praxis derive-query-means`) and shipped with the code.
const QUERY_MEANS: &str = include_str!("../../../data/models/e5-small-query-means.json");

pub struct Semantic {
    model: praxis_embed::Model,
    model_id: String,
    index: RwLock<VectorIndex>,
    cache: Mutex<VectorCache>,
    queue: mpsc::UnboundedSender<Job>,
    pending: std::sync::atomic::AtomicUsize,
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
    Embed { id: String, lang: Lang, passage: String },
    Remove { id: String },
}

#[derive(Debug, thiserror::Error)]
pub enum SemanticError {
    #[error("cannot load the model {path}: {message}")]
    Model { path: PathBuf, message: String },
    #[error("cannot open the vector cache: {0}")]
    Cache(#[from] std::io::Error),
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
    /// Loads the model and the vectors already computed, and starts the embedding task.
    pub fn start(model_path: &Path, data_dir: &Path) -> Result<Arc<Semantic>, SemanticError> {
        let model = praxis_embed::Model::load(model_path)
            .map_err(|e| SemanticError::Model { path: model_path.to_path_buf(), message: e.to_string() })?;
        let means = bundled_query_means(model.dim())?;
        let cache = VectorCache::open(&data_dir.join("vectors").join("e5-small.bin"), model.dim())?;
        let (queue, mut jobs) = mpsc::unbounded_channel();
        let semantic = Arc::new(Semantic {
            index: RwLock::new(VectorIndex::new(model.dim(), means)),
            model_id: model_id(model_path),
            model,
            cache: Mutex::new(cache),
            queue,
            pending: std::sync::atomic::AtomicUsize::new(0),
            query_pool: query_pool()?,
            queries: Mutex::new(QueryVectors::default()),
        });
        let worker = semantic.clone();
        tokio::spawn(async move {
            while let Some(job) = jobs.recv().await {
                let w = worker.clone();
                let _ = tokio::task::spawn_blocking(move || w.run(job)).await;
                worker.pending.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
            }
        });
        Ok(semantic)
    }

    fn run(&self, job: Job) {
        match job {
            Job::Embed { id, lang, passage } => {
                let k = key(&[&self.model_id, "passage", &passage]);
                let cached = self.cache.lock().unwrap_or_else(|p| p.into_inner()).get(k).map(<[f32]>::to_vec);
                let vector = cached.unwrap_or_else(|| {
                    let v = self.model.embed_passage(&passage);
                    let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
                    if let Err(e) = cache.put(k, &v).and_then(|()| cache.flush()) {
                        tracing::warn!("vector cache: {e}");
                    }
                    v
                });
                let mut index = self.index.write().unwrap_or_else(|p| p.into_inner());
                index.upsert(&id, lang, &vector);
                index.refresh();
            }
            Job::Remove { id } => {
                let mut index = self.index.write().unwrap_or_else(|p| p.into_inner());
                index.remove(&id);
                index.refresh();
            }
        }
    }

    /// Queues a published initiative for embedding (cheap when its text is cached).
    pub fn index(&self, record: &InitiativeRecord) {
        self.pending.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let job = Job::Embed { id: record.id.clone(), lang: record.language, passage: passage(record) };
        if self.queue.send(job).is_err() {
            self.pending.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
        }
    }

    pub fn remove(&self, id: &str) {
        self.pending.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        if self.queue.send(Job::Remove { id: id.to_string() }).is_err() {
            self.pending.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
        }
    }

    /// Documents waiting to be embedded.
    pub fn pending(&self) -> usize {
        self.pending.load(std::sync::atomic::Ordering::SeqCst)
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
