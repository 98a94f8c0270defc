//! The numeric kernels, written once as portable code that LLVM vectorises.
//!
//! Every function here is `#[inline(always)]` and generic over the tile shape, the
//! vector type the tiles accumulate in ([`Lanes`]) and whether fused multiply-add is
//! available. `simd.rs` instantiates them inside functions compiled for a given
//! instruction set, so the same source becomes SSE2, AVX2+FMA or AVX-512 code.

use crate::quant::{GROUP, QK};

#[inline(always)]
fn madd<const FMA: bool>(a: f32, b: f32, c: f32) -> f32 {
    // Rust never contracts `a * b + c` on its own; `mul_add` is one instruction only
    // where FMA exists (elsewhere it is a slow libm call), hence the switch.
    if FMA {
        a.mul_add(b, c)
    } else {
        a * b + c
    }
}

/// A vector of `N` f32 lanes: what the matrix tiles accumulate in. Implemented with
/// plain arrays here (for any CPU) and with AVX2 / AVX-512 registers in `simd.rs`.
pub trait Lanes: Copy {
    const N: usize;
    fn zero() -> Self;
    /// The first `N` values of `s`.
    fn load(s: &[f32]) -> Self;
    /// All lanes set to `v`.
    fn splat(v: f32) -> Self;
    /// `self * b + acc`.
    fn mul_add(self, b: Self, acc: Self) -> Self;
    /// Writes the lanes to the first `N` values of `out`.
    fn store(self, out: &mut [f32]);
    /// Unpacks one panel block (see [`crate::quant::Q4Panels`]): column `t` of the 16
    /// rows goes to `out[t * ld..][..16]`.
    #[inline(always)]
    fn dequantize_group(scales: &[f32], q: &[[u8; 8]], out: &mut [f32], ld: usize) {
        let scales = &scales[..16];
        for (t, bytes) in q[..32].iter().enumerate() {
            let o = &mut out[t * ld..][..16];
            for j in 0..8 {
                o[j] = (f32::from(bytes[j] & 0x0f) - 8.0) * scales[j];
                o[j + 8] = (f32::from(bytes[j] >> 4) - 8.0) * scales[j + 8];
            }
        }
    }
}

/// Four lanes in a plain array, which LLVM maps to SSE/NEON registers.
#[derive(Clone, Copy)]
pub struct Portable4([f32; 4]);

impl Lanes for Portable4 {
    const N: usize = 4;

    #[inline(always)]
    fn zero() -> Self {
        Portable4([0.0; 4])
    }

    #[inline(always)]
    fn load(s: &[f32]) -> Self {
        Portable4([s[0], s[1], s[2], s[3]])
    }

    #[inline(always)]
    fn splat(v: f32) -> Self {
        Portable4([v; 4])
    }

    #[inline(always)]
    fn store(self, out: &mut [f32]) {
        out[..4].copy_from_slice(&self.0);
    }

    #[inline(always)]
    fn mul_add(self, b: Self, acc: Self) -> Self {
        const FMA: bool = cfg!(target_arch = "aarch64");
        let (a, b, c) = (self.0, b.0, acc.0);
        Portable4([
            madd::<FMA>(a[0], b[0], c[0]),
            madd::<FMA>(a[1], b[1], c[1]),
            madd::<FMA>(a[2], b[2], c[2]),
            madd::<FMA>(a[3], b[3], c[3]),
        ])
    }
}

/// `C = A·B` for row-major `A` (`m × k`, row stride `lda`) and `B` (`k × n`, row stride
/// `ldb`), into `c` (row stride `ldc`). Each step broadcasts one value of `A` against
/// vectors of a row of `B`, so outputs accumulate along rows with no horizontal sums:
/// the better form when `k` is short (attention scores) or `B` is naturally `k × n`.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
pub fn gemm_nn<V: Lanes, const MR: usize, const NV: usize>(
    (m, n, k): (usize, usize, usize),
    a: &[f32],
    lda: usize,
    b: &[f32],
    ldb: usize,
    c: &mut [f32],
    ldc: usize,
) {
    let mut i = 0;
    while i + MR <= m {
        band_nn::<V, MR, NV>(i, (n, k), a, lda, b, ldb, c, ldc);
        i += MR;
    }
    while i < m {
        band_nn::<V, 1, NV>(i, (n, k), a, lda, b, ldb, c, ldc);
        i += 1;
    }
}

#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn band_nn<V: Lanes, const MR: usize, const NV: usize>(
    i: usize,
    (n, k): (usize, usize),
    a: &[f32],
    lda: usize,
    b: &[f32],
    ldb: usize,
    c: &mut [f32],
    ldc: usize,
) {
    let mut j = 0;
    while j + NV * V::N <= n {
        tile_nn::<V, MR, NV>(i, j, k, a, lda, b, ldb, c, ldc);
        j += NV * V::N;
    }
    while j + V::N <= n {
        tile_nn::<V, MR, 1>(i, j, k, a, lda, b, ldb, c, ldc);
        j += V::N;
    }
    for jj in j..n {
        for r in 0..MR {
            let mut t = 0.0;
            for p in 0..k {
                t += a[(i + r) * lda + p] * b[p * ldb + jj];
            }
            c[(i + r) * ldc + jj] = t;
        }
    }
}

#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn tile_nn<V: Lanes, const MR: usize, const NV: usize>(
    i: usize,
    j: usize,
    k: usize,
    a: &[f32],
    lda: usize,
    b: &[f32],
    ldb: usize,
    c: &mut [f32],
    ldc: usize,
) {
    let rows: [&[f32]; MR] = std::array::from_fn(|r| &a[(i + r) * lda..][..k]);
    let mut acc = [[V::zero(); NV]; MR];
    for p in 0..k {
        let brow = &b[p * ldb + j..][..NV * V::N];
        let mut bv = [V::zero(); NV];
        for v in 0..NV {
            bv[v] = V::load(&brow[v * V::N..]);
        }
        for r in 0..MR {
            let av = V::splat(rows[r][p]);
            for v in 0..NV {
                acc[r][v] = av.mul_add(bv[v], acc[r][v]);
            }
        }
    }
    for r in 0..MR {
        let out = &mut c[(i + r) * ldc + j..][..NV * V::N];
        for v in 0..NV {
            acc[r][v].store(&mut out[v * V::N..]);
        }
    }
}

/// `C = X·Wᵀ` for panel-laid Q4_0 weights (`scales`/`quants` of whole groups, see
/// [`crate::quant::Q4Panels`]): `chunk` groups at a time are unpacked into `panel`
/// (`k × 16·chunk`, reused by every activation row) and multiplied with [`gemm_nn`].
/// Output row `i` goes to `c[i * ldc..]`, one value per padded weight row.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
pub fn q4_matmul<V: Lanes, const MR: usize, const NV: usize>(
    x: &[f32],
    m: usize,
    k: usize,
    (scales, quants): (&[f32], &[[u8; 8]]),
    chunk: usize,
    panel: &mut [f32],
    c: &mut [f32],
    ldc: usize,
) {
    let bpr = k / QK;
    let groups = scales.len() / (bpr * GROUP);
    let mut g0 = 0;
    while g0 < groups {
        let g1 = (g0 + chunk).min(groups);
        let np = (g1 - g0) * GROUP;
        for g in g0..g1 {
            for b in 0..bpr {
                let i = g * bpr + b;
                let out = &mut panel[b * QK * np + (g - g0) * GROUP..];
                V::dequantize_group(&scales[i * GROUP..][..GROUP], &quants[i * QK..][..QK], out, np);
            }
        }
        gemm_nn::<V, MR, NV>((m, np, k), x, k, &panel[..k * np], np, &mut c[g0 * GROUP..], ldc);
        g0 = g1;
    }
}

/// e^x for x in about [-87, 88], within a few ulp, written so that it vectorises (no
/// libm call, no branch).
#[inline(always)]
pub fn exp<const FMA: bool>(x: f32) -> f32 {
    const LOG2E: f32 = std::f32::consts::LOG2_E;
    const LN2_HI: f32 = 0.693_145_75;
    const LN2_LO: f32 = 1.428_606_8e-6;
    // Adding 1.5 * 2^23 rounds to an integer held in the low mantissa bits.
    const SHIFTER: f32 = 12_582_912.0;
    let x = x.clamp(-87.0, 88.0);
    let t = madd::<FMA>(x, LOG2E, SHIFTER);
    let n = t - SHIFTER;
    let r = madd::<FMA>(n, -LN2_HI, x);
    let r = madd::<FMA>(n, -LN2_LO, r);
    let mut p = 1.0 / 5040.0;
    p = madd::<FMA>(p, r, 1.0 / 720.0);
    p = madd::<FMA>(p, r, 1.0 / 120.0);
    p = madd::<FMA>(p, r, 1.0 / 24.0);
    p = madd::<FMA>(p, r, 1.0 / 6.0);
    p = madd::<FMA>(p, r, 0.5);
    p = madd::<FMA>(p, r, 1.0);
    p = madd::<FMA>(p, r, 1.0);
    let ni = (t.to_bits() as i32).wrapping_sub(0x4b40_0000);
    p * f32::from_bits((ni.wrapping_add(127) << 23) as u32)
}

/// The error function, Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7).
#[inline(always)]
pub fn erf<const FMA: bool>(x: f32) -> f32 {
    let a = x.abs();
    let t = 1.0 / madd::<FMA>(0.327_591_1, a, 1.0);
    let mut p = 1.061_405_4;
    p = madd::<FMA>(p, t, -1.453_152_1);
    p = madd::<FMA>(p, t, 1.421_413_8);
    p = madd::<FMA>(p, t, -0.284_496_74);
    p = madd::<FMA>(p, t, 0.254_829_6);
    let y = 1.0 - p * t * exp::<FMA>(-a * a);
    y.copysign(x)
}

/// The exact (erf) GELU of BERT, in place.
#[inline(always)]
pub fn gelu<const FMA: bool>(v: &mut [f32]) {
    for x in v {
        *x = 0.5 * *x * (1.0 + erf::<FMA>(*x * std::f32::consts::FRAC_1_SQRT_2));
    }
}

/// Softmax of the first `n` values of each row (rows `ld` apart), logits scaled by
/// `scale` (> 0) first. Maximum and sum run over 16 partial lanes so that every loop
/// vectorises (a single running float sum would not: addition order is fixed).
#[inline(always)]
pub fn softmax_rows<const FMA: bool>(s: &mut [f32], n: usize, ld: usize, scale: f32) {
    const L: usize = 16;
    for row in s.chunks_mut(ld) {
        let row = &mut row[..n];
        let mut lanes = [f32::NEG_INFINITY; L];
        let mut chunks = row.chunks_exact(L);
        for c in &mut chunks {
            for l in 0..L {
                lanes[l] = lanes[l].max(c[l]);
            }
        }
        let mx = chunks.remainder().iter().chain(&lanes).fold(f32::NEG_INFINITY, |m, &v| m.max(v));
        for v in row.iter_mut() {
            *v = exp::<FMA>((*v - mx) * scale);
        }
        let mut lanes = [0.0f32; L];
        let mut chunks = row.chunks_exact(L);
        for c in &mut chunks {
            for l in 0..L {
                lanes[l] += c[l];
            }
        }
        let sum: f32 = lanes.iter().sum::<f32>() + chunks.remainder().iter().sum::<f32>();
        let inv = 1.0 / sum;
        for v in row.iter_mut() {
            *v *= inv;
        }
    }
}

/// Columns of the transposed keys are padded to a multiple of this, so that the score
/// rows are whole vectors for every lane width used.
pub const KEY_PAD: usize = 16;

/// Scaled dot-product attention of one head over one segment of `l` tokens.
///
/// `qkv` holds the segment's fused projections, row stride `ld`; the head's query, key
/// and value start at columns `qo`, `ko`, `vo`. Scratch: `scores` holds `l × lp` and `kt`
/// `hd × lp` values, `lp` being `l` rounded up to [`KEY_PAD`]. Writes the `l × hd`
/// context to `out`.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
pub fn attention_head<V: Lanes, const MR: usize, const NV: usize, const FMA: bool>(
    qkv: &[f32],
    ld: usize,
    l: usize,
    hd: usize,
    (qo, ko, vo): (usize, usize, usize),
    scores: &mut [f32],
    kt: &mut [f32],
    out: &mut [f32],
) {
    let lp = l.div_ceil(KEY_PAD) * KEY_PAD;
    for s in 0..l {
        let row = &qkv[s * ld + ko..][..hd];
        for (e, &v) in row.iter().enumerate() {
            kt[e * lp + s] = v;
        }
    }
    for e in 0..hd {
        kt[e * lp + l..(e + 1) * lp].fill(0.0);
    }
    gemm_nn::<V, MR, NV>((l, lp, hd), &qkv[qo..], ld, kt, lp, scores, lp);
    softmax_rows::<FMA>(&mut scores[..l * lp], l, lp, 1.0 / (hd as f32).sqrt());
    gemm_nn::<V, MR, NV>((l, hd, l), scores, lp, &qkv[vo..], ld, out, hd);
}

/// `x = LayerNorm(x + y)` row by row (`y` may be empty for a plain LayerNorm).
#[inline(always)]
pub fn add_layernorm(x: &mut [f32], y: &[f32], w: &[f32], b: &[f32], eps: f32) {
    let h = w.len();
    for (t, row) in x.chunks_exact_mut(h).enumerate() {
        if !y.is_empty() {
            for (r, &v) in row.iter_mut().zip(&y[t * h..(t + 1) * h]) {
                *r += v;
            }
        }
        let mean = row.iter().sum::<f32>() / h as f32;
        let var = row.iter().map(|&v| (v - mean) * (v - mean)).sum::<f32>() / h as f32;
        let inv = 1.0 / (var + eps).sqrt();
        for ((r, &wi), &bi) in row.iter_mut().zip(w).zip(b) {
            *r = (*r - mean) * inv * wi + bi;
        }
    }
}
