//! `praxis eval-search`: retrieval quality of each search layer alone and fused, on a
//! judged set (the same definitions as `shared/tools/xling_eval.py`).

use crate::import::parse_sources;
use anyhow::{bail, Context};
use praxis_app::semantic::{model_id, passage};
use praxis_domain::Lang;
use praxis_search::cache::{key, VectorCache};
use praxis_search::concepts::Glossary;
use praxis_search::engine::{rank, Layer, Weights};
use praxis_search::eval::{report, Judged};
use praxis_search::semantic::{mean_vector, VectorIndex};
use praxis_search::{Catalogue, Document};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// Initiatives (JSON Lines, format 1).
    #[arg(long, value_name = "FILE")]
    initiatives: PathBuf,
    /// Judged queries: {"id", "language", "query", "relevant": {id: grade}} per line.
    #[arg(long, value_name = "FILE")]
    queries: PathBuf,
    /// The e5-small model file (e5-small-q4.bin); without it the semantic layer is skipped.
    #[arg(long, env = "PRAXIS_E5_MODEL", value_name = "FILE")]
    model: Option<PathBuf>,
    /// Where embeddings are kept between runs.
    #[arg(long, value_name = "DIR", default_value_os_t = default_cache())]
    cache: PathBuf,
    /// Print each query's nDCG@10 for the fused layer.
    #[arg(long)]
    per_query: bool,
    /// Fusion weight of the lexical layer (for experiments; the default is what Praxis uses).
    #[arg(long, default_value_t = Weights::default().lexical)]
    lexical_weight: f32,
    /// Fusion weight of the concept layer.
    #[arg(long, default_value_t = Weights::default().concepts)]
    concept_weight: f32,
    /// Bonus when the query names an initiative's place or organisation.
    #[arg(long, default_value_t = Weights::default().name)]
    name_weight: f32,
    /// Semantic candidates below this share of the best similarity are left out.
    #[arg(long, default_value_t = Weights::default().cutoff)]
    cutoff: f32,
}

pub fn default_cache() -> PathBuf {
    std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(std::env::temp_dir).join(".cache/praxis")
}

fn read_queries(path: &Path) -> anyhow::Result<Vec<Judged>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let where_ = || format!("{}:{}", path.display(), i + 1);
        let v: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("{}: not JSON", where_()))?;
        let field = |name: &str| -> anyhow::Result<String> {
            v[name]
                .as_str()
                .map(str::to_string)
                .with_context(|| format!("{}: {name}: expected a string", where_()))
        };
        let language: Lang =
            field("language")?.parse().map_err(|e| anyhow::anyhow!("{}: language: {e}", where_()))?;
        let relevant = v["relevant"]
            .as_object()
            .with_context(|| format!("{}: relevant: expected an object", where_()))?
            .iter()
            .map(|(d, g)| (d.clone(), g.as_u64().unwrap_or(0).min(255) as u8))
            .collect();
        out.push(Judged { id: field("id")?, language, text: field("query")?, relevant });
    }
    Ok(out)
}

/// Per-language query means, estimated once from the glossary's preferred labels
/// written as queries: text that has nothing to do with any judged query.
pub fn query_means(
    model: &praxis_embed::Model,
    cache: &mut VectorCache,
    model_id: &str,
) -> anyhow::Result<Vec<Vec<f32>>> {
    let glossary = Glossary::embedded();
    let mut means = Vec::new();
    for lang in Lang::all() {
        let labels: Vec<&str> = glossary.concepts().iter().map(|c| c.labels(*lang)[0].as_str()).collect();
        let vectors = embed_cached(model, cache, model_id, "query", &labels)?;
        means.push(mean_vector(&vectors, model.dim()));
    }
    Ok(means)
}

/// Embeds texts, taking what the cache already has.
pub fn embed_cached(
    model: &praxis_embed::Model,
    cache: &mut VectorCache,
    model_id: &str,
    prefix: &str,
    texts: &[&str],
) -> anyhow::Result<Vec<Vec<f32>>> {
    let keys: Vec<u64> = texts.iter().map(|t| key(&[model_id, prefix, t])).collect();
    let missing: Vec<usize> = (0..texts.len()).filter(|i| cache.get(keys[*i]).is_none()).collect();
    if !missing.is_empty() {
        let bar = crate::import::progress_bar(missing.len() as u64, &format!("Embedding ({prefix})"));
        for chunk in missing.chunks(8) {
            let batch: Vec<&str> = chunk.iter().map(|i| texts[*i]).collect();
            let vectors =
                if prefix == "query" { model.embed_queries(&batch) } else { model.embed_passages(&batch) };
            for (i, v) in chunk.iter().zip(vectors) {
                cache.put(keys[*i], &v)?;
            }
            bar.inc(chunk.len() as u64);
        }
        bar.finish_and_clear();
        cache.flush()?;
    }
    Ok(keys.iter().map(|k| cache.get(*k).map(<[f32]>::to_vec).unwrap_or_default()).collect())
}

pub fn derive_query_means(model_path: &Path, out: &Path) -> anyhow::Result<()> {
    let model = praxis_embed::Model::load(model_path)
        .with_context(|| format!("{}: cannot load the model", model_path.display()))?;
    let mut cache = VectorCache::open(&default_cache().join("embeddings.bin"), model.dim())?;
    let means = query_means(&model, &mut cache, &model_id(model_path))?;
    let round = |v: &Vec<f32>| v.iter().map(|x| (f64::from(*x) * 1e6).round() / 1e6).collect::<Vec<f64>>();
    let mut json = serde_json::json!({
        "about": "Mean query vector per language, from the glossary's preferred labels embedded as queries; see `praxis derive-query-means`.",
        "model": model_id(model_path),
    });
    for (lang, mean) in Lang::all().iter().zip(&means) {
        json[lang.code()] = serde_json::json!(round(mean));
    }
    std::fs::write(out, serde_json::to_string(&json)? + "\n")
        .with_context(|| format!("{}: cannot write", out.display()))?;
    println!("Wrote {}.", out.display());
    Ok(())
}

/// The initiatives of an evaluation file, each problem printed with its line.
pub fn read_records(path: &Path, bytes: Vec<u8>) -> anyhow::Result<Vec<praxis_domain::InitiativeRecord>> {
    match parse_sources(&[(path.display().to_string(), bytes)]) {
        Ok(input) => Ok(input.records),
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            bail!("the initiatives file has {} problems", problems.len());
        }
    }
}

pub async fn run(args: EvalArgs) -> anyhow::Result<()> {
    let bytes = std::fs::read(&args.initiatives)
        .with_context(|| format!("{}: cannot read", args.initiatives.display()))?;
    let records = read_records(&args.initiatives, bytes)?;
    let queries = read_queries(&args.queries)?;
    let catalogue = Catalogue::from_documents(records.iter().map(|r| Document::from_record(r, "")));
    let doc_lang: HashMap<String, Lang> = records.iter().map(|r| (r.id.clone(), r.language)).collect();
    let glossary = Glossary::embedded();

    let mut semantic: Option<(VectorIndex, Vec<Vec<f32>>)> = None;
    match &args.model {
        Some(path) => {
            let started = Instant::now();
            let model = praxis_embed::Model::load(path)
                .with_context(|| format!("{}: cannot load the model", path.display()))?;
            let id = model_id(path);
            let mut cache = VectorCache::open(&args.cache.join("embeddings.bin"), model.dim())?;
            let means = query_means(&model, &mut cache, &id)?;
            let passages: Vec<String> = records.iter().map(passage).collect();
            let refs: Vec<&str> = passages.iter().map(String::as_str).collect();
            let doc_vectors = embed_cached(&model, &mut cache, &id, "passage", &refs)?;
            let texts: Vec<&str> = queries.iter().map(|q| q.text.as_str()).collect();
            let query_vectors = embed_cached(&model, &mut cache, &id, "query", &texts)?;
            let mut index = VectorIndex::new(model.dim(), means);
            for (r, v) in records.iter().zip(&doc_vectors) {
                index.upsert(&r.id, r.language, v);
            }
            index.refresh();
            eprintln!(
                "Semantic layer ready in {:.1} s ({} documents).",
                started.elapsed().as_secs_f64(),
                index.len()
            );
            semantic = Some((index, query_vectors));
        }
        None => eprintln!("No model given (--model or PRAXIS_E5_MODEL): the semantic layer is skipped."),
    }

    println!(
        "{} initiatives, {} queries, glossary of {} concepts\n",
        records.len(),
        queries.len(),
        glossary.len()
    );
    // One column per query language present in the judged set, in registry order.
    let query_langs: Vec<Lang> =
        Lang::all().iter().copied().filter(|l| queries.iter().any(|q| q.language == *l)).collect();
    let columns: String = query_langs.iter().map(|l| format!(" {l}→ |")).collect();
    println!("| layer | nDCG@10 | xNDCG@10 | recall@10 | MRR@10 |{columns}");
    println!("|---|---|---|---|---|{}", "---|".repeat(query_langs.len()));
    for layer in Layer::ALL {
        if layer == Layer::Semantic && semantic.is_none() {
            continue;
        }
        let rankings: Vec<Vec<String>> = queries
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let vectors = semantic.as_ref().map(|(index, qv)| (index, qv[i].as_slice()));
                let weights = Weights {
                    lexical: args.lexical_weight,
                    concepts: args.concept_weight,
                    name: args.name_weight,
                    cutoff: args.cutoff,
                    ..Weights::default()
                };
                let ranking = rank(&catalogue, glossary, vectors, &q.text, q.language, layer, weights);
                ranking.ordered(&catalogue).into_iter().take(50).map(|(id, _)| id).collect()
            })
            .collect();
        let (overall, pairs) = report(&queries, &rankings, &doc_lang);
        let by_query_lang = |l: Lang| {
            let subset: Vec<usize> = (0..queries.len()).filter(|i| queries[*i].language == l).collect();
            let qs: Vec<Judged> = subset.iter().map(|i| queries[*i].clone()).collect();
            let rs: Vec<Vec<String>> = subset.iter().map(|i| rankings[*i].clone()).collect();
            report(&qs, &rs, &doc_lang).0.ndcg
        };
        let per_lang: String = query_langs.iter().map(|l| format!(" {:.3} |", by_query_lang(*l))).collect();
        println!(
            "| {} | {:.3} | {:.3} | {:.3} | {:.3} |{per_lang}",
            layer.id(),
            overall.ndcg,
            overall.xndcg,
            overall.recall,
            overall.mrr,
        );
        if layer == Layer::Fused || (layer == Layer::Lexical && semantic.is_none()) {
            println!("\n  {} by pair (query → documents): nDCG@10 / recall@10 / MRR@10", layer.id());
            for ((q, d), s) in &pairs {
                println!(
                    "    {q}→{d}: {:.3} / {:.3} / {:.3} ({} queries)",
                    s.ndcg, s.recall, s.mrr, s.queries
                );
            }
            println!();
        }
        if args.per_query && layer == Layer::Fused {
            for (q, r) in queries.iter().zip(&rankings) {
                let s = praxis_search::eval::score(r, q, &doc_lang);
                println!("    {} [{}] {:.3} {:?}", q.id, q.language, s.ndcg.unwrap_or(0.0), q.text);
            }
        }
    }
    Ok(())
}
