//! The BERT encoder of multilingual-e5-small: embeddings, 12 post-LayerNorm layers,
//! mean pooling. Several token sequences ("segments") go through one pass together: the
//! token-wise matrix products see all their tokens at once (each weight is unpacked once
//! per pass), while attention stays within each segment.

use rayon::prelude::*;

use crate::kernels::KEY_PAD;
use crate::quant::{Q4Matrix, Q4Panels, GROUP};
use crate::simd::{self, Isa};

/// One transformer layer. Query, key and value projections are stacked into one matrix
/// (rows: all of Q, then K, then V) so that they are a single product.
pub(crate) struct Layer {
    pub qkv: Q4Panels,
    pub qkv_b: Vec<f32>,
    pub ao: Q4Panels,
    pub ao_b: Vec<f32>,
    pub aln_w: Vec<f32>,
    pub aln_b: Vec<f32>,
    pub fi: Q4Panels,
    pub fi_b: Vec<f32>,
    pub fo: Q4Panels,
    pub fo_b: Vec<f32>,
    pub oln_w: Vec<f32>,
    pub oln_b: Vec<f32>,
}

pub(crate) struct Encoder {
    pub hidden: usize,
    pub heads: usize,
    pub eps: f32,
    pub word: Q4Matrix,
    /// Position embeddings, row 0 being the position of `<s>` (any checkpoint offset,
    /// as in RoBERTa, is applied when loading).
    pub pos: Vec<f32>,
    /// Token-type embedding 0 (e5 never uses another type).
    pub type0: Vec<f32>,
    pub eln_w: Vec<f32>,
    pub eln_b: Vec<f32>,
    pub layers: Vec<Layer>,
}

/// Row groups (of 16 weight rows) unpacked at a time: 64 rows × 1536 columns of f32
/// (384 KB) stay in L2 while every activation row meets them.
const CHUNK_GROUPS: usize = 4;

impl Encoder {
    /// Longest sequence (with `<s>` and `</s>`) the position table allows.
    pub fn max_tokens(&self) -> usize {
        self.pos.len() / self.hidden
    }

    pub fn weight_bytes(&self) -> usize {
        let f = |v: &Vec<f32>| v.len() * 4;
        self.word.heap_bytes()
            + f(&self.pos)
            + self
                .layers
                .iter()
                .map(|l| l.qkv.heap_bytes() + l.ao.heap_bytes() + l.fi.heap_bytes() + l.fo.heap_bytes())
                .sum::<usize>()
    }

    /// Mean-pooled (not normalised) last hidden states of each segment, `H` floats each.
    pub fn forward_mean(&self, isa: Isa, segments: &[&[u32]]) -> Vec<Vec<f32>> {
        let h = self.hidden;
        let hidden = self.forward(isa, segments);
        let mut start = 0;
        segments
            .iter()
            .map(|seg| {
                let mut mean = vec![0.0f32; h];
                for row in hidden[start * h..(start + seg.len()) * h].chunks_exact(h) {
                    for (m, v) in mean.iter_mut().zip(row) {
                        *m += v;
                    }
                }
                let inv = 1.0 / seg.len().max(1) as f32;
                mean.iter_mut().for_each(|m| *m *= inv);
                start += seg.len();
                mean
            })
            .collect()
    }

    /// Last hidden states of all tokens of all segments, concatenated (`T × H`).
    pub fn forward(&self, isa: Isa, segments: &[&[u32]]) -> Vec<f32> {
        let h = self.hidden;
        let hd = h / self.heads;
        let bounds: Vec<(usize, usize)> = segments
            .iter()
            .scan(0, |start, s| {
                let b = (*start, *start + s.len());
                *start += s.len();
                Some(b)
            })
            .collect();
        let t = bounds.last().map_or(0, |b| b.1);
        if t == 0 {
            return Vec::new();
        }

        let mut x = vec![0.0f32; t * h];
        let mut row = 0;
        for seg in segments {
            for (p, &id) in seg.iter().enumerate() {
                let out = &mut x[row * h..(row + 1) * h];
                let id = (id as usize).min(self.word.rows() - 1);
                self.word.dequantize_row(id, out);
                let pos = &self.pos[p.min(self.max_tokens() - 1) * h..][..h];
                for ((o, &pv), &tv) in out.iter_mut().zip(pos).zip(&self.type0) {
                    *o += pv + tv;
                }
                row += 1;
            }
        }
        layernorm(isa, &mut x, &[], &self.eln_w, &self.eln_b, self.eps, h);

        // Activations are allocated once per pass and reused by every layer: fresh
        // multi-megabyte buffers each time cost more in page faults than in arithmetic.
        let ff = self.layers.first().map_or(0, |l| l.fi.rows());
        let mut ws = Workspace {
            qkv: vec![0.0; t * 3 * h],
            ctx: vec![0.0; t * h],
            heads: vec![0.0; t * h],
            out: vec![0.0; t * h],
            mid: vec![0.0; t * ff],
            parts: Vec::new(),
        };
        for layer in &self.layers {
            linear(isa, &x, t, &layer.qkv, &layer.qkv_b, &mut ws.qkv, &mut ws.parts);
            attention(isa, &ws.qkv, &bounds, (h, self.heads, hd), &mut ws.heads, &mut ws.ctx);
            linear(isa, &ws.ctx, t, &layer.ao, &layer.ao_b, &mut ws.out, &mut ws.parts);
            layernorm(isa, &mut x, &ws.out, &layer.aln_w, &layer.aln_b, self.eps, h);
            linear(isa, &x, t, &layer.fi, &layer.fi_b, &mut ws.mid, &mut ws.parts);
            ws.mid.par_chunks_mut(8192).for_each(|c| simd::gelu(isa, c));
            linear(isa, &ws.mid, t, &layer.fo, &layer.fo_b, &mut ws.out, &mut ws.parts);
            layernorm(isa, &mut x, &ws.out, &layer.oln_w, &layer.oln_b, self.eps, h);
        }
        x
    }
}

/// Buffers of one encoder pass (`t` tokens).
struct Workspace {
    /// `t × 3H`: queries, keys, values.
    qkv: Vec<f32>,
    /// `t × H`: attention output, heads side by side.
    ctx: Vec<f32>,
    /// `H/heads` blocks of `t × head_dim`: attention output, head by head.
    heads: Vec<f32>,
    /// `t × H`: output of the attention and feed-forward projections.
    out: Vec<f32>,
    /// `t × FFN`.
    mid: Vec<f32>,
    /// See [`linear`].
    parts: Vec<f32>,
}

fn layernorm(isa: Isa, x: &mut [f32], y: &[f32], w: &[f32], b: &[f32], eps: f32, h: usize) {
    const ROWS: usize = 32;
    if y.is_empty() {
        x.par_chunks_mut(ROWS * h).for_each(|xc| simd::add_layernorm(isa, xc, &[], w, b, eps));
    } else {
        x.par_chunks_mut(ROWS * h)
            .zip(y.par_chunks(ROWS * h))
            .for_each(|(xc, yc)| simd::add_layernorm(isa, xc, yc, w, b, eps));
    }
}

/// Runs `f` with a per-thread buffer of at least `len` floats (contents unspecified),
/// for the unpacked weights and the attention scores: allocating them per task cost
/// page faults.
fn with_scratch<R>(len: usize, f: impl FnOnce(&mut [f32]) -> R) -> R {
    thread_local! {
        static SCRATCH: std::cell::RefCell<Vec<f32>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    SCRATCH.with(|cell| {
        let mut buf = cell.borrow_mut();
        if buf.len() < len {
            buf.resize(len, 0.0);
        }
        f(&mut buf[..len])
    })
}

/// `y (t × rows(W)) = x (t × k) · Wᵀ + b`.
///
/// Threads share the work by weight rows: each unpacks its own chunks of 64 rows once
/// and meets them with every token, into its own part of `parts` (`t × 64` per chunk),
/// from which the rows of `y` are then assembled.
#[allow(clippy::too_many_arguments)]
pub(crate) fn linear(
    isa: Isa,
    x: &[f32],
    t: usize,
    w: &Q4Panels,
    bias: &[f32],
    y: &mut [f32],
    parts: &mut Vec<f32>,
) {
    let (n, np, k) = (w.rows(), w.padded_rows(), w.cols());
    let groups = np / GROUP;
    let cols = CHUNK_GROUPS * GROUP;
    let len = groups.div_ceil(CHUNK_GROUPS) * t * cols;
    if parts.len() < len {
        parts.resize(len, 0.0);
    }
    parts[..len].par_chunks_mut(t * cols).enumerate().for_each(|(ci, c)| {
        let (g0, g1) = (ci * CHUNK_GROUPS, ((ci + 1) * CHUNK_GROUPS).min(groups));
        with_scratch(k * cols, |panel| {
            simd::q4_matmul(isa, x, t, k, w.groups(g0, g1), CHUNK_GROUPS, panel, c, cols)
        });
    });
    let y = &mut y[..t * n];
    for (ci, part) in parts[..len].chunks_exact(t * cols).enumerate() {
        let j0 = ci * cols;
        let width = cols.min(n - j0.min(n));
        for (row, src) in y.chunks_exact_mut(n).zip(part.chunks_exact(cols)) {
            for ((v, s), b) in row[j0..j0 + width].iter_mut().zip(src).zip(&bias[j0..]) {
                *v = s + b;
            }
        }
    }
}

/// Multi-head self-attention within each segment: `qkv` is `t × 3H`; writes `t × H` to
/// `ctx`, going through `heads` (one `t × head_dim` block per head, filled in parallel).
fn attention(
    isa: Isa,
    qkv: &[f32],
    bounds: &[(usize, usize)],
    (h, heads, hd): (usize, usize, usize),
    per_head: &mut [f32],
    ctx: &mut [f32],
) {
    let ld = 3 * h;
    let t = bounds.last().map_or(0, |b| b.1);
    per_head[..heads * t * hd].par_chunks_mut(t * hd).enumerate().for_each(|(head, out)| {
        let offsets = (head * hd, h + head * hd, 2 * h + head * hd);
        for &(a, b) in bounds {
            let l = b - a;
            let lp = l.div_ceil(KEY_PAD) * KEY_PAD;
            with_scratch(l * lp + hd * lp, |scratch| {
                let (scores, kt) = scratch.split_at_mut(l * lp);
                let rows = &qkv[a * ld..b * ld];
                simd::attention_head(isa, rows, ld, l, hd, offsets, scores, kt, &mut out[a * hd..b * hd]);
            });
        }
    });
    for (head, block) in per_head[..heads * t * hd].chunks_exact(t * hd).enumerate() {
        for (row, src) in ctx.chunks_exact_mut(h).zip(block.chunks_exact(hd)) {
            row[head * hd..(head + 1) * hd].copy_from_slice(src);
        }
    }
}
