//! `praxis eval-similar`: how well "similar initiatives" works on a labelled set. For
//! every initiative with a `topic` label, the share of its top 5 neighbours with the same
//! label (precision@5) and the share written in another language (counted where its
//! topic has initiatives in other languages).

use crate::eval::{embed_cached, query_means};
use anyhow::{bail, Context};
use praxis_app::semantic::{model_id, passage};
use praxis_domain::text::slug;
use praxis_domain::Lang;
use praxis_search::cache::VectorCache;
use praxis_search::concepts::Glossary;
use praxis_search::semantic::VectorIndex;
use praxis_search::similar::{about, similar, Basis, Weights};
use praxis_search::{Catalogue, Document};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct EvalSimilarArgs {
    /// Initiatives (JSON Lines, format 1) with a `topic` label each ("none" for none).
    #[arg(long, value_name = "FILE")]
    initiatives: PathBuf,
    /// The e5-small model file; without it neighbours come from concepts and themes.
    #[arg(long, env = "PRAXIS_E5_MODEL", value_name = "FILE")]
    model: Option<PathBuf>,
    /// Where embeddings are kept between runs.
    #[arg(long, value_name = "DIR", default_value_os_t = crate::eval::default_cache())]
    cache: PathBuf,
    /// How many neighbours are judged.
    #[arg(long, default_value_t = 5)]
    top: usize,
    /// Weight of each shared concept (for experiments; the default is what Praxis uses).
    #[arg(long, default_value_t = Weights::default().concept)]
    concept_weight: f32,
    /// Weight of the themes' overlap.
    #[arg(long, default_value_t = Weights::default().themes)]
    theme_weight: f32,
    /// Weight of the aims' overlap.
    #[arg(long, default_value_t = Weights::default().aims)]
    aim_weight: f32,
    /// Print each initiative's figures.
    #[arg(long)]
    per_item: bool,
}

/// Reads each line's `topic` (the parser of records ignores it).
fn topics(bytes: &[u8], path: &str) -> anyhow::Result<HashMap<String, String>> {
    let text = std::str::from_utf8(bytes).with_context(|| format!("{path}: not UTF-8"))?;
    let mut out = HashMap::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let v: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("{path}:{}: not JSON", i + 1))?;
        if let (Some(id), Some(topic)) = (v["id"].as_str(), v["topic"].as_str()) {
            out.insert(id.to_string(), topic.to_string());
        }
    }
    Ok(out)
}

#[derive(Default)]
struct Tally {
    items: usize,
    precision: f64,
    other_language: f64,
    other_language_items: usize,
}

impl Tally {
    fn add(&mut self, precision: f64, other: Option<f64>) {
        self.items += 1;
        self.precision += precision;
        if let Some(o) = other {
            self.other_language += o;
            self.other_language_items += 1;
        }
    }

    fn row(&self, name: &str) -> String {
        let p = self.precision / self.items.max(1) as f64;
        let o = self.other_language / self.other_language_items.max(1) as f64;
        format!("| {name} | {} | {p:.3} | {o:.3} |", self.items)
    }
}

pub async fn run(args: EvalSimilarArgs) -> anyhow::Result<()> {
    let path = args.initiatives.display().to_string();
    let bytes = std::fs::read(&args.initiatives).with_context(|| format!("{path}: cannot read"))?;
    let topic = topics(&bytes, &path)?;
    let records = crate::eval::read_records(&args.initiatives, bytes)?;
    let labelled = records.iter().filter(|r| topic.get(&r.id).is_some_and(|t| t != "none")).count();
    if labelled == 0 {
        bail!("{path}: no initiative has a topic label");
    }
    let catalogue = Catalogue::from_documents(
        records.iter().map(|r| Document::from_record(r, &slug(&format!("{} {}", r.country, r.city)))),
    );
    let index = match &args.model {
        Some(model_path) => {
            let model = praxis_embed::Model::load(model_path)
                .with_context(|| format!("{}: cannot load the model", model_path.display()))?;
            let id = model_id(model_path);
            let mut cache = VectorCache::open(&args.cache.join("embeddings.bin"), model.dim())?;
            let means = query_means(&model, &mut cache, &id)?;
            let passages: Vec<String> = records.iter().map(passage).collect();
            let refs: Vec<&str> = passages.iter().map(String::as_str).collect();
            let vectors = embed_cached(&model, &mut cache, &id, "passage", &refs)?;
            let mut index = VectorIndex::new(model.dim(), means);
            for (r, v) in records.iter().zip(&vectors) {
                index.upsert(&r.id, r.language, v);
            }
            index.refresh();
            Some(index)
        }
        None => {
            eprintln!(
                "No model given (--model or PRAXIS_E5_MODEL): neighbours come from concepts and themes."
            );
            None
        }
    };
    let weights = Weights {
        concept: args.concept_weight,
        themes: args.theme_weight,
        aims: args.aim_weight,
        ..Weights::default()
    };
    let language: HashMap<&str, Lang> = records.iter().map(|r| (r.id.as_str(), r.language)).collect();
    let glossary = Glossary::embedded();
    let mut overall = Tally::default();
    let mut by_lang: BTreeMap<usize, Tally> = BTreeMap::new();
    let mut basis = Basis::Concepts;
    for r in &records {
        let Some(t) = topic.get(&r.id).filter(|t| *t != "none") else { continue };
        let Some((neighbours, b)) =
            similar(&catalogue, glossary, index.as_ref(), &r.id, &about(r), args.top, weights)
        else {
            continue;
        };
        basis = b;
        let same = neighbours.iter().filter(|n| topic.get(&n.id) == Some(t)).count();
        let precision = same as f64 / args.top as f64;
        let elsewhere =
            records.iter().any(|o| o.id != r.id && topic.get(&o.id) == Some(t) && o.language != r.language);
        let other = elsewhere.then(|| {
            let n = neighbours.iter().filter(|n| language.get(n.id.as_str()) != Some(&r.language)).count();
            n as f64 / args.top as f64
        });
        overall.add(precision, other);
        by_lang.entry(r.language.index()).or_default().add(precision, other);
        if args.per_item {
            let ids: Vec<String> = neighbours
                .iter()
                .map(|n| {
                    let mark = if topic.get(&n.id) == Some(t) { "" } else { "✗" };
                    format!("{}{mark}", n.id)
                })
                .collect();
            println!("  {} [{}] {t}: p@{} {precision:.2} — {}", r.id, r.language, args.top, ids.join(" "));
        }
    }
    let by = match basis {
        Basis::Meaning => "meaning (embeddings), concepts and themes",
        Basis::Concepts => "concepts and themes (no model)",
    };
    println!("{} initiatives, {labelled} labelled; neighbours by {by}\n", records.len());
    println!("| initiatives in | items | precision@{0} | other language in top {0} |", args.top);
    println!("|---|---|---|---|");
    for (l, tally) in &by_lang {
        println!("{}", tally.row(Lang::all()[*l].code()));
    }
    println!("{}", overall.row("all"));
    Ok(())
}
