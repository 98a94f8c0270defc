//! Ranking a text query with every layer: lexical (BM25 in the query's language),
//! concepts (the glossary carries the query into the other languages), semantic
//! (language-centred sentence embeddings), and their fusion.
//!
//! Fusion is calibrated per document language and only ever adds: lexical evidence is
//! normalised within each document language (so that the query's own language, where
//! nearly all lexical hits are, does not crowd out the others) and added to the semantic
//! similarity as a bonus for exact words, names and concepts that embeddings blur.

use crate::catalogue::{label_terms, query_terms, Catalogue, QueryTerm};
use crate::concepts::{Glossary, Match};
use crate::semantic::VectorIndex;
use praxis_domain::text::fold;
use praxis_domain::Lang;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    Lexical,
    Concepts,
    Semantic,
    Fused,
}

impl Layer {
    pub const ALL: [Layer; 4] = [Layer::Lexical, Layer::Concepts, Layer::Semantic, Layer::Fused];
    pub fn id(self) -> &'static str {
        match self {
            Layer::Lexical => "lexical",
            Layer::Concepts => "concepts",
            Layer::Semantic => "semantic",
            Layer::Fused => "fused",
        }
    }
}

/// How much the lexical and concept layers add to the semantic similarity (which lies
/// in −1…1 and, centred, mostly in 0…0.6).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    pub lexical: f32,
    pub concepts: f32,
    /// Added when the whole query names the initiative's place or organisation.
    pub name: f32,
    /// How many semantic neighbours are candidates (lexical and concept hits always are).
    pub neighbours: usize,
    /// Semantic neighbours below this share of the best similarity are not candidates,
    /// so that a search lists what is close in meaning rather than the whole catalogue.
    pub cutoff: f32,
}

impl Default for Weights {
    fn default() -> Self {
        // Chosen on xling-dev with a coarse grid (lexical 0–0.2, concepts 0–0.1): results
        // plateau around these values; larger lexical weights pull every query back
        // towards its own language (`praxis eval-search` prints the figures).
        Weights { lexical: 0.01, concepts: 0.05, name: 1.0, neighbours: 100, cutoff: 0.3 }
    }
}

/// The scored candidates of a query, and the concepts it named (to explain matches).
#[derive(Debug, Clone, Default)]
pub struct Ranking {
    pub scores: HashMap<u32, f32>,
    pub concepts: Vec<Match>,
}

impl Ranking {
    /// Entry ids, best first.
    pub fn ordered(&self, catalogue: &Catalogue) -> Vec<(String, f32)> {
        let mut v: Vec<(String, f32)> = self
            .scores
            .iter()
            .filter_map(|(slot, s)| catalogue.id_of(*slot).map(|id| (id.to_string(), *s)))
            .collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v
    }
}

/// The glossary's labels, in every language, of the concepts a text names.
pub fn concept_terms(glossary: &Glossary, matches: &[Match]) -> Vec<QueryTerm> {
    let mut terms: Vec<QueryTerm> = Vec::new();
    for m in matches {
        let concept = glossary.concept(m.concept);
        for &lang in Lang::all() {
            for label in concept.labels(lang) {
                for t in label_terms(label, lang, 1.0) {
                    if !terms.iter().any(|x| x.forms == t.forms) {
                        terms.push(t);
                    }
                }
            }
        }
    }
    terms
}

/// The `k` best-scored entries: fusion only needs the head of each layer, and a common
/// word can match most of a large catalogue.
fn top_k(scores: HashMap<u32, f32>, k: usize) -> HashMap<u32, f32> {
    if scores.len() <= k {
        return scores;
    }
    let mut v: Vec<(u32, f32)> = scores.into_iter().collect();
    v.select_nth_unstable_by(k - 1, |a, b| b.1.total_cmp(&a.1));
    v.truncate(k);
    v.into_iter().collect()
}

/// Divides each score by the best score among entries of the same language.
fn per_language(catalogue: &Catalogue, scores: HashMap<u32, f32>) -> HashMap<u32, f32> {
    let mut best: HashMap<Lang, f32> = HashMap::new();
    for (slot, s) in &scores {
        if let Some(l) = catalogue.language_of(*slot) {
            let b = best.entry(l).or_default();
            *b = b.max(*s);
        }
    }
    scores
        .into_iter()
        .filter_map(|(slot, s)| {
            let b = best.get(&catalogue.language_of(slot)?)?;
            (*b > 0.0).then(|| (slot, s / b))
        })
        .collect()
}

/// Ranks the catalogue's entries for `text` with one layer or all of them.
/// `query_vector` is the query's embedding (with the `query: ` prefix) when a model is
/// loaded; without it the semantic layer is empty and fusion uses the other two.
pub fn rank(
    catalogue: &Catalogue,
    glossary: &Glossary,
    vectors: Option<(&VectorIndex, &[f32])>,
    text: &str,
    lang: Lang,
    layer: Layer,
    weights: Weights,
) -> Ranking {
    let matches = glossary.find(text);
    let lexical = || {
        let mut terms = query_terms(text, lang);
        catalogue.tolerate_typos(&mut terms);
        catalogue.bm25(&terms)
    };
    let concepts = || catalogue.bm25(&concept_terms(glossary, &matches));
    let semantic = |limit: usize| -> HashMap<u32, f32> {
        match vectors {
            Some((index, q)) => index
                .search(q, lang, limit)
                .into_iter()
                .filter_map(|(id, s)| catalogue.slot_of(&id).map(|slot| (slot, s)))
                .collect(),
            None => HashMap::new(),
        }
    };
    let scores = match layer {
        Layer::Lexical => lexical(),
        Layer::Concepts => concepts(),
        // Deeper than any page anyone reads; exact search still scores every document.
        Layer::Semantic => semantic(1_000),
        Layer::Fused => {
            let lex = per_language(catalogue, top_k(lexical(), weights.neighbours * 3));
            let con = per_language(catalogue, top_k(concepts(), weights.neighbours * 3));
            let mut fused = semantic(weights.neighbours);
            let best = fused.values().copied().fold(0.0f32, f32::max);
            fused.retain(|_, s| *s >= weights.cutoff * best);
            // Lexical-only candidates start from the semantic similarity they have, when
            // the index knows them, so that adding evidence never lowers a rank.
            let centred = vectors.map(|(index, q)| (index, index.centre_query(q, lang)));
            for slot in lex.keys().chain(con.keys()) {
                fused.entry(*slot).or_insert_with(|| {
                    centred
                        .as_ref()
                        .and_then(|(index, q)| index.similarity(q, catalogue.id_of(*slot)?))
                        .unwrap_or(0.0)
                });
            }
            for (slot, score) in fused.iter_mut() {
                *score += weights.lexical * lex.get(slot).copied().unwrap_or(0.0)
                    + weights.concepts * con.get(slot).copied().unwrap_or(0.0);
            }
            for slot in names_matching(catalogue, text) {
                if let Some(score) = fused.get_mut(&slot) {
                    *score += weights.name;
                }
            }
            fused
        }
    };
    Ranking { scores, concepts: matches }
}

/// Entries whose place or organisation the whole query names ("Montevideo",
/// "CCAS de Nantes"): every word of the query is one of the entry's name words.
fn names_matching(catalogue: &Catalogue, text: &str) -> Vec<u32> {
    let words: Vec<String> = crate::analysis::tokens(&fold(text));
    if words.is_empty() || words.len() > 6 {
        return Vec::new();
    }
    catalogue.entries_naming(&words)
}

/// The stems a text's words must have to count as matching the query: the query's own
/// words (stemmed as any language would) and the labels of the concepts it named.
pub fn match_stems(
    glossary: &Glossary,
    text: &str,
    lang: Lang,
    matches: &[Match],
) -> std::collections::HashSet<String> {
    let mut stems: std::collections::HashSet<String> =
        query_terms(text, lang).into_iter().flat_map(|t| t.forms).filter(|f| !f.starts_with('@')).collect();
    stems.extend(concept_terms(glossary, matches).into_iter().flat_map(|t| t.forms));
    stems
}

/// Escapes a text for HTML and wraps in `<mark>` each word whose stem (in the text's
/// language) is one of `stems`.
pub fn highlight(text: &str, lang: Lang, stems: &std::collections::HashSet<String>) -> String {
    use praxis_domain::text::escape_markup_into as escape;
    let mut out = String::with_capacity(text.len() + 32);
    let mut word_start: Option<usize> = None;
    let flush = |start: usize, end: usize, out: &mut String| {
        let word = &text[start..end];
        let folded = crate::analysis::tokens(word);
        let hit = folded.len() == 1
            && crate::analysis::stem_tokens(&folded, lang).iter().any(|s| stems.contains(s));
        if hit {
            out.push_str("<mark>");
            escape(word, out);
            out.push_str("</mark>");
        } else {
            escape(word, out);
        }
    };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            word_start.get_or_insert(i);
        } else {
            if let Some(start) = word_start.take() {
                flush(start, i, &mut out);
            }
            let mut buf = [0u8; 4];
            escape(c.encode_utf8(&mut buf), &mut out);
        }
    }
    if let Some(start) = word_start {
        flush(start, text.len(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_matching_words_and_escapes_the_rest() {
        let glossary = Glossary::embedded();
        let matches = glossary.find("aide au loyer");
        let stems = match_stems(glossary, "aide au loyer", Lang::known("fr"), &matches);
        let html = highlight("Une aide aux loyers <b>élevés</b> & des subsidios", Lang::known("fr"), &stems);
        assert!(html.contains("<mark>aide</mark>"), "{html}");
        assert!(html.contains("<mark>loyers</mark>"), "{html}");
        assert!(html.contains("&lt;b&gt;"), "{html}");
        assert!(html.contains("&amp;"), "{html}");
        let es = highlight("Un subsidio de alquiler", Lang::known("es"), &stems);
        assert!(es.contains("<mark>alquiler</mark>"), "the concept carries the query into Spanish: {es}");
    }
}
