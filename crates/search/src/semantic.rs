//! The semantic layer: exact nearest-neighbour search over sentence embeddings, with each
//! language's bias taken out.
//!
//! Multilingual encoders place texts of one language near each other whatever they say,
//! so a French query prefers French documents. Subtracting each language's mean document
//! vector from its documents (and a per-language query mean, estimated once from text
//! that is not being judged) leaves what the texts are about, and lets a French question
//! find the Spanish answer.

use praxis_domain::Lang;
use std::collections::HashMap;

fn lang_index(lang: Lang) -> usize {
    lang.index()
}

fn normalise(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    // Chunks of 8 let the compiler vectorise without unsafe code.
    let mut acc = [0f32; 8];
    let (ac, ar) = a.split_at(a.len() - a.len() % 8);
    let (bc, br) = b.split_at(b.len() - b.len() % 8);
    for (x, y) in ac.chunks_exact(8).zip(bc.chunks_exact(8)) {
        for i in 0..8 {
            acc[i] += x[i] * y[i];
        }
    }
    acc.iter().sum::<f32>() + ar.iter().zip(br).map(|(x, y)| x * y).sum::<f32>()
}

/// A vector in one byte a dimension: a little-endian `f32` scale (the largest magnitude
/// over 127), then each component divided by it and rounded. Cosine rankings move by
/// about a thousandth; a fourth of the room.
pub fn to_int8(v: &[f32]) -> Vec<u8> {
    let largest = v.iter().fold(0f32, |m, x| m.max(x.abs()));
    let scale = if largest > 0.0 { largest / 127.0 } else { 1.0 };
    let mut bytes = Vec::with_capacity(4 + v.len());
    bytes.extend_from_slice(&scale.to_le_bytes());
    bytes.extend(v.iter().map(|x| ((x / scale).round().clamp(-127.0, 127.0) as i8) as u8));
    bytes
}

/// The vector [`to_int8`] wrote, if `bytes` hold one of `dim` dimensions.
pub fn from_int8(bytes: &[u8], dim: usize) -> Option<Vec<f32>> {
    if bytes.len() != 4 + dim {
        return None;
    }
    let scale = f32::from_le_bytes(bytes[..4].try_into().ok()?);
    if !scale.is_finite() || scale <= 0.0 {
        return None;
    }
    Some(bytes[4..].iter().map(|b| f32::from(*b as i8) * scale).collect())
}

/// Document vectors by id, and the language means used to centre them.
pub struct VectorIndex {
    dim: usize,
    slots: HashMap<String, usize>,
    ids: Vec<Option<String>>,
    langs: Vec<Lang>,
    /// Row-major, `dim` floats a document: the centred, re-normalised vectors.
    centred: Vec<f32>,
    /// The vectors as the encoder gave them (kept to re-centre when the means move).
    raw: Vec<f32>,
    /// Per language (indexed like `Lang::all()`): the sum and count of its documents.
    sums: Vec<Vec<f64>>,
    counts: Vec<usize>,
    query_means: Vec<Vec<f32>>,
    dirty: bool,
}

impl VectorIndex {
    /// `query_means[l]` is the mean of query vectors in language `l` (indexed like
    /// `Lang::all()`; empty or missing to skip query centring for that language).
    pub fn new(dim: usize, query_means: Vec<Vec<f32>>) -> VectorIndex {
        let langs = Lang::all().len();
        VectorIndex {
            dim,
            slots: HashMap::new(),
            ids: Vec::new(),
            langs: Vec::new(),
            centred: Vec::new(),
            raw: Vec::new(),
            sums: vec![vec![0.0; dim]; langs],
            counts: vec![0; langs],
            query_means,
            dirty: false,
        }
    }

    pub fn dim(&self) -> usize {
        self.dim
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.slots.contains_key(id)
    }

    /// Adds or replaces a document's vector.
    pub fn upsert(&mut self, id: &str, lang: Lang, vector: &[f32]) {
        assert_eq!(vector.len(), self.dim, "vector dimension");
        self.remove(id);
        let slot = self.ids.len();
        self.ids.push(Some(id.to_string()));
        self.langs.push(lang);
        self.raw.extend_from_slice(vector);
        self.centred.extend_from_slice(vector);
        let l = lang_index(lang);
        for (s, x) in self.sums[l].iter_mut().zip(vector) {
            *s += f64::from(*x);
        }
        self.counts[l] += 1;
        self.slots.insert(id.to_string(), slot);
        self.dirty = true;
    }

    pub fn remove(&mut self, id: &str) {
        if let Some(slot) = self.slots.remove(id) {
            let l = lang_index(self.langs[slot]);
            let row = &self.raw[slot * self.dim..(slot + 1) * self.dim];
            for (s, x) in self.sums[l].iter_mut().zip(row) {
                *s -= f64::from(*x);
            }
            self.counts[l] -= 1;
            self.ids[slot] = None;
            self.dirty = true;
        }
    }

    /// Recomputes the centred vectors after the language means moved.
    pub fn refresh(&mut self) {
        if !self.dirty {
            return;
        }
        let means: Vec<Vec<f32>> = (0..self.counts.len())
            .map(|l| {
                let n = self.counts[l].max(1) as f64;
                self.sums[l].iter().map(|s| (s / n) as f32).collect()
            })
            .collect();
        for slot in 0..self.ids.len() {
            let mean = &means[lang_index(self.langs[slot])];
            let range = slot * self.dim..(slot + 1) * self.dim;
            let row = &mut self.centred[range.clone()];
            for ((c, r), m) in row.iter_mut().zip(&self.raw[range]).zip(mean) {
                *c = r - m;
            }
            normalise(row);
        }
        self.dirty = false;
    }

    /// Centres and normalises a query vector of the given language.
    pub fn centre_query(&self, query: &[f32], lang: Lang) -> Vec<f32> {
        let mean: &[f32] = self.query_means.get(lang_index(lang)).map_or(&[], |m| m.as_slice());
        let mut q: Vec<f32> =
            query.iter().zip(mean.iter().chain(std::iter::repeat(&0.0))).map(|(a, m)| a - m).collect();
        normalise(&mut q);
        q
    }

    /// Similarity of an already centred query with one document.
    pub fn similarity(&self, centred_query: &[f32], id: &str) -> Option<f32> {
        let slot = *self.slots.get(id)?;
        Some(dot(centred_query, &self.centred[slot * self.dim..(slot + 1) * self.dim]))
    }

    /// Cosine similarity of the (centred) query with every document, best first.
    /// Call [`VectorIndex::refresh`] after changes.
    pub fn search(&self, query: &[f32], lang: Lang, limit: usize) -> Vec<(String, f32)> {
        let q = self.centre_query(query, lang);
        self.nearest(&q, None, limit)
    }

    /// The documents nearest one in the index, by the cosine of their centred vectors
    /// (so a French document finds its Spanish neighbours), best first, itself left out.
    /// Empty when the document has no vector yet.
    pub fn neighbours(&self, id: &str, limit: usize) -> Vec<(String, f32)> {
        let Some(&slot) = self.slots.get(id) else { return Vec::new() };
        let own = self.centred[slot * self.dim..(slot + 1) * self.dim].to_vec();
        self.nearest(&own, Some(slot), limit)
    }

    /// The `limit` documents most similar to a centred vector, best first, `skip` left out.
    fn nearest(&self, centred: &[f32], skip: Option<usize>, limit: usize) -> Vec<(String, f32)> {
        let mut scored: Vec<(usize, f32)> = self
            .ids
            .iter()
            .enumerate()
            .filter(|(slot, id)| id.is_some() && Some(*slot) != skip)
            .map(|(slot, _)| (slot, dot(centred, &self.centred[slot * self.dim..(slot + 1) * self.dim])))
            .collect();
        let limit = limit.min(scored.len());
        if limit > 0 && limit < scored.len() {
            scored.select_nth_unstable_by(limit - 1, |a, b| b.1.total_cmp(&a.1));
        }
        scored.truncate(limit);
        scored.sort_by(|a, b| b.1.total_cmp(&a.1));
        scored.into_iter().filter_map(|(slot, s)| self.ids[slot].clone().map(|id| (id, s))).collect()
    }
}

/// The mean of some vectors (for estimating a language's query mean once).
pub fn mean_vector(vectors: &[Vec<f32>], dim: usize) -> Vec<f32> {
    let mut mean = vec![0f32; dim];
    for v in vectors {
        for (m, x) in mean.iter_mut().zip(v) {
            *m += x;
        }
    }
    let n = vectors.len().max(1) as f32;
    mean.iter_mut().for_each(|m| *m /= n);
    mean
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int8_vectors_come_back_within_half_a_step() {
        let v: Vec<f32> = (0..384).map(|i| ((i as f32) * 0.37).sin() * 0.08).collect();
        let bytes = to_int8(&v);
        assert_eq!(bytes.len(), 388);
        let back = from_int8(&bytes, 384).unwrap();
        let step = v.iter().fold(0f32, |m, x| m.max(x.abs())) / 127.0;
        assert!(v.iter().zip(&back).all(|(a, b)| (a - b).abs() <= step / 2.0 + 1e-7));
        assert!(dot(&v, &back) / dot(&v, &v) > 0.999);
        assert_eq!(from_int8(&bytes, 383), None, "another dimension is refused");
        assert_eq!(from_int8(&to_int8(&[0.0; 4]), 4), Some(vec![0.0; 4]));
    }

    fn unit(v: &[f32]) -> Vec<f32> {
        let mut v = v.to_vec();
        normalise(&mut v);
        v
    }

    #[test]
    fn centring_removes_a_language_bias() {
        // Every French vector shares a large "French" component (axis 0); topics are on
        // axes 1 and 2. Without centring, the French query prefers the off-topic French
        // document; with centring it finds the Spanish one on its topic.
        let fr_query_bias = vec![0.9, 0.0, 0.0];
        let mut index = VectorIndex::new(3, vec![vec![0.0; 3], fr_query_bias.clone(), vec![0.0; 3]]);
        index.upsert("fr-housing", Lang::known("fr"), &unit(&[0.9, 0.1, 0.4]));
        index.upsert("fr-water", Lang::known("fr"), &unit(&[0.9, 0.4, 0.1]));
        index.upsert("es-housing", Lang::known("es"), &unit(&[0.0, 0.2, 0.9]));
        index.upsert("es-water", Lang::known("es"), &unit(&[0.0, 0.9, 0.2]));
        index.refresh();
        let query = unit(&[0.9, 0.05, 0.3]); // French, about housing
        let hits = index.search(&query, Lang::known("fr"), 4);
        assert_eq!(hits[0].0, "fr-housing");
        let top_spanish = hits.iter().find(|(id, _)| id.starts_with("es")).unwrap();
        assert_eq!(top_spanish.0, "es-housing");
        assert!(
            hits.iter().position(|(id, _)| id == "es-housing")
                < hits.iter().position(|(id, _)| id == "fr-water")
        );
    }

    #[test]
    fn upsert_and_remove_keep_the_means_right() {
        let mut index = VectorIndex::new(2, vec![vec![0.0; 2]; 3]);
        index.upsert("a", Lang::known("en"), &[1.0, 0.0]);
        index.upsert("b", Lang::known("en"), &[0.0, 1.0]);
        index.upsert("a", Lang::known("en"), &[0.6, 0.8]);
        index.remove("b");
        index.refresh();
        assert_eq!(index.len(), 1);
        assert_eq!(index.search(&[1.0, 0.0], Lang::known("en"), 5).len(), 1);
        assert!((dot(&[1.0; 13], &[2.0; 13]) - 26.0).abs() < 1e-6);
    }
}
