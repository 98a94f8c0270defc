//! Retrieval quality measures, defined exactly as `shared/tools/xling_eval.py` defines
//! them: linear gains (the grades 2 and 1), log2 discount, cut at 10.

use praxis_domain::Lang;
use std::collections::{BTreeMap, HashMap};

/// One judged query.
#[derive(Debug, Clone)]
pub struct Judged {
    pub id: String,
    pub language: Lang,
    pub text: String,
    /// Document id → grade (2 squarely relevant, 1 partly; absent means 0).
    pub relevant: HashMap<String, u8>,
}

/// nDCG@10 of a ranking; `None` when nothing is relevant.
pub fn ndcg_at_10(ranked: &[String], relevant: &HashMap<String, u8>) -> Option<f64> {
    let mut ideal: Vec<u8> = relevant.values().copied().filter(|g| *g > 0).collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let discount = |i: usize| ((i + 2) as f64).log2();
    let idcg: f64 = ideal.iter().take(10).enumerate().map(|(i, g)| f64::from(*g) / discount(i)).sum();
    if idcg <= 0.0 {
        return None;
    }
    let dcg: f64 = ranked
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, d)| f64::from(relevant.get(d).copied().unwrap_or(0)) / discount(i))
        .sum();
    Some(dcg / idcg)
}

/// Share of the relevant documents (grade ≥ 1) found in the top 10.
pub fn recall_at_10(ranked: &[String], relevant: &HashMap<String, u8>) -> Option<f64> {
    let wanted: Vec<&String> = relevant.iter().filter(|(_, g)| **g >= 1).map(|(d, _)| d).collect();
    if wanted.is_empty() {
        return None;
    }
    let top: Vec<&String> = ranked.iter().take(10).collect();
    Some(wanted.iter().filter(|d| top.contains(d)).count() as f64 / wanted.len() as f64)
}

/// Reciprocal rank of the first relevant document in the top 10 (0 when none).
pub fn mrr_at_10(ranked: &[String], relevant: &HashMap<String, u8>) -> Option<f64> {
    if !relevant.values().any(|g| *g >= 1) {
        return None;
    }
    Some(
        ranked
            .iter()
            .take(10)
            .position(|d| relevant.get(d).copied().unwrap_or(0) >= 1)
            .map(|i| 1.0 / (i + 1) as f64)
            .unwrap_or(0.0),
    )
}

/// The cross-lingual view: relevant documents written in the query's language leave
/// both the ranking and the judgments; every other document stays and competes.
pub fn cross_view(
    ranked: &[String],
    relevant: &HashMap<String, u8>,
    query_lang: Lang,
    doc_lang: &HashMap<String, Lang>,
) -> (Vec<String>, HashMap<String, u8>) {
    let same: Vec<&String> = relevant
        .iter()
        .filter(|(d, g)| **g >= 1 && doc_lang.get(*d) == Some(&query_lang))
        .map(|(d, _)| d)
        .collect();
    let ranking = ranked.iter().filter(|d| !same.contains(d)).cloned().collect();
    let judgments = relevant
        .iter()
        .filter(|(d, g)| **g >= 1 && !same.contains(d))
        .map(|(d, g)| (d.clone(), *g))
        .collect();
    (ranking, judgments)
}

/// The four measures of one query.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub ndcg: Option<f64>,
    pub xndcg: Option<f64>,
    pub recall: Option<f64>,
    pub mrr: Option<f64>,
}

pub fn score(ranked: &[String], query: &Judged, doc_lang: &HashMap<String, Lang>) -> Scores {
    let (x_ranked, x_relevant) = cross_view(ranked, &query.relevant, query.language, doc_lang);
    Scores {
        ndcg: ndcg_at_10(ranked, &query.relevant),
        xndcg: if x_relevant.is_empty() { None } else { ndcg_at_10(&x_ranked, &x_relevant) },
        recall: recall_at_10(ranked, &query.relevant),
        mrr: mrr_at_10(ranked, &query.relevant),
    }
}

/// Means over queries (queries where a measure is undefined are left out of its mean).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Summary {
    pub ndcg: f64,
    pub xndcg: f64,
    pub recall: f64,
    pub mrr: f64,
    pub queries: usize,
}

pub fn summarise(all: &[Scores]) -> Summary {
    fn mean(values: impl Iterator<Item = Option<f64>>) -> f64 {
        let v: Vec<f64> = values.flatten().collect();
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    }
    Summary {
        ndcg: mean(all.iter().map(|s| s.ndcg)),
        xndcg: mean(all.iter().map(|s| s.xndcg)),
        recall: mean(all.iter().map(|s| s.recall)),
        mrr: mean(all.iter().map(|s| s.mrr)),
        queries: all.len(),
    }
}

/// Quality for one pair (query language → document language): the ranking and the
/// judgments both restricted to documents written in `doc`.
pub fn pair_scores(
    ranked: &[String],
    query: &Judged,
    doc: Lang,
    doc_lang: &HashMap<String, Lang>,
) -> Option<Scores> {
    let in_doc_lang = |d: &String| doc_lang.get(d) == Some(&doc);
    let relevant: HashMap<String, u8> = query
        .relevant
        .iter()
        .filter(|(d, g)| **g >= 1 && in_doc_lang(d))
        .map(|(d, g)| (d.clone(), *g))
        .collect();
    if relevant.is_empty() {
        return None;
    }
    let ranking: Vec<String> = ranked.iter().filter(|d| in_doc_lang(d)).cloned().collect();
    Some(Scores {
        ndcg: ndcg_at_10(&ranking, &relevant),
        xndcg: None,
        recall: recall_at_10(&ranking, &relevant),
        mrr: mrr_at_10(&ranking, &relevant),
    })
}

/// Overall and per-pair summaries of a run: `rankings[i]` answers `queries[i]`.
pub fn report(
    queries: &[Judged],
    rankings: &[Vec<String>],
    doc_lang: &HashMap<String, Lang>,
) -> (Summary, BTreeMap<(Lang, Lang), Summary>) {
    let overall: Vec<Scores> = queries.iter().zip(rankings).map(|(q, r)| score(r, q, doc_lang)).collect();
    let mut pairs: BTreeMap<(Lang, Lang), Vec<Scores>> = BTreeMap::new();
    for (q, r) in queries.iter().zip(rankings) {
        for &doc in Lang::all() {
            if let Some(s) = pair_scores(r, q, doc, doc_lang) {
                pairs.entry((q.language, doc)).or_default().push(s);
            }
        }
    }
    (summarise(&overall), pairs.into_iter().map(|(k, v)| (k, summarise(&v))).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn rel(v: &[(&str, u8)]) -> HashMap<String, u8> {
        v.iter().map(|(d, g)| (d.to_string(), *g)).collect()
    }

    #[test]
    fn ndcg_matches_the_reference_definition() {
        let r = rel(&[("a", 2), ("b", 1)]);
        assert_eq!(ndcg_at_10(&ids(&["a", "b"]), &r), Some(1.0));
        // b first then a: (1/1 + 2/log2 3) / (2/1 + 1/log2 3)
        let expected = (1.0 + 2.0 / 3f64.log2()) / (2.0 + 1.0 / 3f64.log2());
        assert!((ndcg_at_10(&ids(&["b", "a"]), &r).unwrap() - expected).abs() < 1e-12);
        assert_eq!(ndcg_at_10(&ids(&["x"]), &r), Some(0.0));
        assert_eq!(ndcg_at_10(&ids(&["x"]), &rel(&[])), None);
    }

    #[test]
    fn cross_view_removes_same_language_relevant_documents_only() {
        let langs: HashMap<String, Lang> =
            [("fr1", Lang::known("fr")), ("fr2", Lang::known("fr")), ("es1", Lang::known("es"))]
                .iter()
                .map(|(d, l)| (d.to_string(), *l))
                .collect();
        let r = rel(&[("fr1", 2), ("es1", 2)]);
        let (ranking, judged) = cross_view(&ids(&["fr1", "fr2", "es1"]), &r, Lang::known("fr"), &langs);
        assert_eq!(ranking, ids(&["fr2", "es1"]), "an irrelevant French document stays and competes");
        assert_eq!(judged, rel(&[("es1", 2)]));
        let q = Judged { id: "q".into(), language: Lang::known("fr"), text: String::new(), relevant: r };
        let s = score(&ids(&["fr1", "fr2", "es1"]), &q, &langs);
        assert!((s.xndcg.unwrap() - 1.0 / 3f64.log2()).abs() < 1e-12);
        assert_eq!(s.mrr, Some(1.0));
        assert_eq!(s.recall, Some(1.0));
    }
}
