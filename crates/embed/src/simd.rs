//! Picks, once, the instruction set the kernels run with, and calls them.
//!
//! Why `unsafe` is allowed here (and only here): the portable kernels of `kernels.rs` are
//! compiled a second and third time inside functions marked `#[target_feature]` (AVX2+FMA,
//! AVX-512), which lets LLVM use 256/512-bit vectors and fused multiply-add without
//! building the whole program for a newer CPU. Calling such a function is `unsafe` because
//! running it on a CPU without those features is undefined behaviour. The only `unsafe`
//! blocks below are those calls, and each is reached only through an [`Isa`] value, which
//! [`Isa::detect`] creates only after the CPU reported the features at run time.
//!
//! The matrix tiles also need their accumulators to live in vector registers, which LLVM
//! does not reliably arrange from plain arrays of 8 or 16 floats; so the two x86 vector
//! types below wrap `std::arch` registers. Their `unsafe` is of the same kind: each
//! intrinsic needs its CPU feature, and these private types are only used inside the
//! feature-gated functions. Loads take a slice whose length is checked first.
#![allow(unsafe_code)]

use crate::kernels::{self, Portable4};

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::*;

    use crate::kernels::Lanes;

    /// Eight lanes in an AVX register; used only by functions enabling "avx2,fma".
    #[derive(Clone, Copy)]
    pub struct Avx2(__m256);

    impl Lanes for Avx2 {
        const N: usize = 8;

        #[inline(always)]
        fn zero() -> Self {
            // SAFETY: only used where AVX is enabled (see the module comment).
            Avx2(unsafe { _mm256_setzero_ps() })
        }

        #[inline(always)]
        fn load(s: &[f32]) -> Self {
            let s = &s[..8];
            // SAFETY: `s` holds 8 floats; AVX is enabled where this is used.
            Avx2(unsafe { _mm256_loadu_ps(s.as_ptr()) })
        }

        #[inline(always)]
        fn splat(v: f32) -> Self {
            // SAFETY: only used where AVX is enabled.
            Avx2(unsafe { _mm256_set1_ps(v) })
        }

        #[inline(always)]
        fn mul_add(self, b: Self, acc: Self) -> Self {
            // SAFETY: only used where FMA is enabled.
            Avx2(unsafe { _mm256_fmadd_ps(self.0, b.0, acc.0) })
        }

        #[inline(always)]
        fn store(self, out: &mut [f32]) {
            let out = &mut out[..8];
            // SAFETY: `out` has room for 8 floats; AVX is enabled where this is used.
            unsafe { _mm256_storeu_ps(out.as_mut_ptr(), self.0) }
        }

        #[inline(always)]
        fn dequantize_group(scales: &[f32], q: &[[u8; 8]], out: &mut [f32], ld: usize) {
            let (scales, q) = (&scales[..16], &q[..32]);
            // SAFETY: reads 16 scales and 32 × 8 nibble bytes within the slices above,
            // writes 16 floats within each checked `out` row; AVX2 and FMA are enabled
            // where this is used.
            unsafe {
                let s0 = _mm256_loadu_ps(scales.as_ptr());
                let s1 = _mm256_loadu_ps(scales[8..].as_ptr());
                let (o0, o1) =
                    (_mm256_mul_ps(s0, _mm256_set1_ps(-8.0)), _mm256_mul_ps(s1, _mm256_set1_ps(-8.0)));
                let mask = _mm_set1_epi8(0x0f);
                for (t, bytes) in q.iter().enumerate() {
                    let row = &mut out[t * ld..][..16];
                    let b = _mm_loadl_epi64(bytes.as_ptr().cast());
                    let lo = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_and_si128(b, mask)));
                    let hi =
                        _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_and_si128(_mm_srli_epi16(b, 4), mask)));
                    _mm256_storeu_ps(row.as_mut_ptr(), _mm256_fmadd_ps(lo, s0, o0));
                    _mm256_storeu_ps(row[8..].as_mut_ptr(), _mm256_fmadd_ps(hi, s1, o1));
                }
            }
        }
    }

    /// Sixteen lanes in an AVX-512 register; used only by functions enabling "avx512f".
    #[derive(Clone, Copy)]
    pub struct Avx512(__m512);

    impl Lanes for Avx512 {
        const N: usize = 16;

        #[inline(always)]
        fn zero() -> Self {
            // SAFETY: only used where AVX-512F is enabled.
            Avx512(unsafe { _mm512_setzero_ps() })
        }

        #[inline(always)]
        fn load(s: &[f32]) -> Self {
            let s = &s[..16];
            // SAFETY: `s` holds 16 floats; AVX-512F is enabled where this is used.
            Avx512(unsafe { _mm512_loadu_ps(s.as_ptr()) })
        }

        #[inline(always)]
        fn splat(v: f32) -> Self {
            // SAFETY: only used where AVX-512F is enabled.
            Avx512(unsafe { _mm512_set1_ps(v) })
        }

        #[inline(always)]
        fn mul_add(self, b: Self, acc: Self) -> Self {
            // SAFETY: only used where AVX-512F is enabled.
            Avx512(unsafe { _mm512_fmadd_ps(self.0, b.0, acc.0) })
        }

        #[inline(always)]
        fn store(self, out: &mut [f32]) {
            let out = &mut out[..16];
            // SAFETY: `out` has room for 16 floats; AVX-512F is enabled where this is used.
            unsafe { _mm512_storeu_ps(out.as_mut_ptr(), self.0) }
        }

        #[inline(always)]
        fn dequantize_group(scales: &[f32], q: &[[u8; 8]], out: &mut [f32], ld: usize) {
            let (scales, q) = (&scales[..16], &q[..32]);
            // SAFETY: reads 16 scales and 32 × 8 nibble bytes within the slices above,
            // writes 16 floats within each checked `out` row; AVX-512F is enabled where
            // this is used (AVX2 too, for the 128-bit integer steps).
            unsafe {
                let s = _mm512_loadu_ps(scales.as_ptr());
                let offset = _mm512_mul_ps(s, _mm512_set1_ps(-8.0));
                let mask = _mm_set1_epi8(0x0f);
                for (t, bytes) in q.iter().enumerate() {
                    let row = &mut out[t * ld..][..16];
                    let b = _mm_loadl_epi64(bytes.as_ptr().cast());
                    // Low nibbles (rows 0..8) then high nibbles (rows 8..16), as 16 bytes.
                    let nibbles =
                        _mm_unpacklo_epi64(_mm_and_si128(b, mask), _mm_and_si128(_mm_srli_epi16(b, 4), mask));
                    let v = _mm512_cvtepi32_ps(_mm512_cvtepu8_epi32(nibbles));
                    _mm512_storeu_ps(row.as_mut_ptr(), _mm512_fmadd_ps(v, s, offset));
                }
            }
        }
    }
}

/// The instruction set the kernels use. Obtain it from [`Isa::detect`] (or
/// [`Isa::portable`]); it cannot be made up, which is what keeps the dispatch sound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Isa(Level);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Level {
    Portable,
    #[cfg(target_arch = "x86_64")]
    Avx2,
    #[cfg(target_arch = "x86_64")]
    Avx512,
}

impl Isa {
    /// The best level this CPU supports. `PRAXIS_EMBED_ISA=portable|avx2` caps it (for
    /// benchmarks and for checking that every path gives the same answers).
    pub fn detect() -> Isa {
        let cap = std::env::var("PRAXIS_EMBED_ISA").unwrap_or_default();
        if cap == "portable" {
            return Isa(Level::Portable);
        }
        #[cfg(target_arch = "x86_64")]
        {
            let avx2 =
                std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma");
            if avx2 && cap != "avx2" && std::arch::is_x86_feature_detected!("avx512f") {
                return Isa(Level::Avx512);
            }
            if avx2 {
                return Isa(Level::Avx2);
            }
        }
        Isa(Level::Portable)
    }

    /// Plain code for the baseline of the target, on any CPU.
    pub fn portable() -> Isa {
        Isa(Level::Portable)
    }

    pub fn name(self) -> &'static str {
        match self.0 {
            Level::Portable => "portable",
            #[cfg(target_arch = "x86_64")]
            Level::Avx2 => "avx2+fma",
            #[cfg(target_arch = "x86_64")]
            Level::Avx512 => "avx512",
        }
    }
}

/// One set of instantiations of the kernels: `$v` the vector type, `$mrn × $nv` the tile
/// in rows × vectors (sized so accumulators and operands fit the register file), `$fma`
/// whether scalar `mul_add` is a single instruction there.
macro_rules! instantiate {
    ($module:ident, [$($feature:literal)?], $v:ty, $mrn:literal, $nv:literal, $fma:literal) => {
        mod $module {
            use super::*;

            $(#[target_feature(enable = $feature)])?
            #[allow(clippy::too_many_arguments)]
            pub(super) fn q4_matmul(
                x: &[f32],
                m: usize,
                k: usize,
                weights: (&[f32], &[[u8; 8]]),
                chunk: usize,
                panel: &mut [f32],
                c: &mut [f32],
                ldc: usize,
            ) {
                kernels::q4_matmul::<$v, $mrn, $nv>(x, m, k, weights, chunk, panel, c, ldc)
            }

            $(#[target_feature(enable = $feature)])?
            #[allow(clippy::too_many_arguments)]
            pub(super) fn attention_head(
                qkv: &[f32],
                ld: usize,
                l: usize,
                hd: usize,
                offsets: (usize, usize, usize),
                scores: &mut [f32],
                kt: &mut [f32],
                out: &mut [f32],
            ) {
                kernels::attention_head::<$v, $mrn, $nv, $fma>(qkv, ld, l, hd, offsets, scores, kt, out)
            }

            $(#[target_feature(enable = $feature)])?
            pub(super) fn gelu(v: &mut [f32]) {
                kernels::gelu::<$fma>(v)
            }

            $(#[target_feature(enable = $feature)])?
            pub(super) fn add_layernorm(x: &mut [f32], y: &[f32], w: &[f32], b: &[f32], eps: f32) {
                kernels::add_layernorm(x, y, w, b, eps)
            }
        }
    };
}

#[cfg(target_arch = "aarch64")]
instantiate!(portable, [], Portable4, 4, 4, true);
#[cfg(not(target_arch = "aarch64"))]
instantiate!(portable, [], Portable4, 3, 3, false);
#[cfg(target_arch = "x86_64")]
instantiate!(avx2, ["avx2,fma"], x86::Avx2, 6, 2, true);
#[cfg(target_arch = "x86_64")]
instantiate!(avx512, ["avx512f,avx2,fma"], x86::Avx512, 6, 4, true);

/// Expands to a call of `$f` in the module of the detected level.
macro_rules! dispatch {
    ($isa:expr, $f:ident($($arg:expr),* $(,)?)) => {
        match $isa.0 {
            Level::Portable => portable::$f($($arg),*),
            // SAFETY: `Level::Avx2` is only created by `Isa::detect` after
            // `is_x86_feature_detected!` confirmed "avx2" and "fma".
            #[cfg(target_arch = "x86_64")]
            Level::Avx2 => unsafe { avx2::$f($($arg),*) },
            // SAFETY: `Level::Avx512` is only created by `Isa::detect` after
            // `is_x86_feature_detected!` confirmed "avx512f", "avx2" and "fma".
            #[cfg(target_arch = "x86_64")]
            Level::Avx512 => unsafe { avx512::$f($($arg),*) },
        }
    };
}

/// See [`kernels::q4_matmul`].
#[allow(clippy::too_many_arguments)]
pub fn q4_matmul(
    isa: Isa,
    x: &[f32],
    m: usize,
    k: usize,
    weights: (&[f32], &[[u8; 8]]),
    chunk: usize,
    panel: &mut [f32],
    c: &mut [f32],
    ldc: usize,
) {
    dispatch!(isa, q4_matmul(x, m, k, weights, chunk, panel, c, ldc))
}

/// See [`kernels::attention_head`].
#[allow(clippy::too_many_arguments)]
pub fn attention_head(
    isa: Isa,
    qkv: &[f32],
    ld: usize,
    l: usize,
    hd: usize,
    offsets: (usize, usize, usize),
    scores: &mut [f32],
    kt: &mut [f32],
    out: &mut [f32],
) {
    dispatch!(isa, attention_head(qkv, ld, l, hd, offsets, scores, kt, out))
}

pub fn gelu(isa: Isa, v: &mut [f32]) {
    dispatch!(isa, gelu(v))
}

pub fn add_layernorm(isa: Isa, x: &mut [f32], y: &[f32], w: &[f32], b: &[f32], eps: f32) {
    dispatch!(isa, add_layernorm(x, y, w, b, eps))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::quant::{dequantize_plain, Q4Matrix, Q4Panels, GROUP, QK};

    /// Every level this CPU can run, portable first.
    fn levels() -> Vec<Isa> {
        let mut v = vec![Isa::portable()];
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma") {
                v.push(Isa(Level::Avx2));
            }
            if std::arch::is_x86_feature_detected!("avx512f") && v.len() == 2 {
                v.push(Isa(Level::Avx512));
            }
        }
        v
    }

    fn close(a: f32, b: f64, scale: f64) -> bool {
        (f64::from(a) - b).abs() <= 1e-4 * scale.max(1.0)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Y = X·Wᵀ with W in Q4_0 (laid out in panels) equals the dot products with the
        /// plainly dequantised rows, whatever the shapes (tile, group and chunk edges)
        /// and kernel level; padding rows come out as zeros.
        #[test]
        fn q4_matmul_matches_dequantised_dot_products(
            m in 1usize..19,
            n in 1usize..70,
            blocks in 1usize..6,
            chunk in 1usize..5,
            seed in any::<u64>(),
        ) {
            let k = blocks * QK;
            let mut s = seed | 1;
            let mut rnd = move || { s ^= s << 13; s ^= s >> 7; s ^= s << 17; (s % 2001) as f32 / 1000.0 - 1.0 };
            let w: Vec<f32> = (0..n * k).map(|_| rnd()).collect();
            let x: Vec<f32> = (0..m * k).map(|_| rnd()).collect();
            let q = Q4Matrix::quantize(n, k, &w).unwrap();
            let mut deq = vec![0.0; n * k];
            let (scales, quants) = q.row_blocks(0, n);
            dequantize_plain(scales, quants, &mut deq);
            let panels = Q4Panels::from_matrix(&q);
            let np = panels.padded_rows();
            for isa in levels() {
                let mut y = vec![f32::NAN; m * np];
                let mut panel = vec![0.0; k * chunk * GROUP];
                q4_matmul(isa, &x, m, k, panels.groups(0, np / GROUP), chunk, &mut panel, &mut y, np);
                for i in 0..m {
                    for j in 0..np {
                        let exact: f64 = if j < n {
                            (0..k).map(|p| f64::from(x[i * k + p]) * f64::from(deq[j * k + p])).sum()
                        } else {
                            0.0
                        };
                        let got = y[i * np + j];
                        prop_assert!(close(got, exact, k as f64), "{} ({i},{j}): {got} vs {exact}", isa.name());
                    }
                }
            }
        }

        /// Attention of one head equals softmax(q·kᵀ/√d)·v computed plainly.
        #[test]
        fn attention_matches_the_definition(l in 1usize..40, seed in any::<u64>()) {
            let (h, hd) = (64usize, 32usize);
            let ld = 3 * h;
            let mut s = seed | 1;
            let mut rnd = move || { s ^= s << 13; s ^= s >> 7; s ^= s << 17; (s % 2001) as f32 / 500.0 - 2.0 };
            let qkv: Vec<f32> = (0..l * ld).map(|_| rnd()).collect();
            let offsets = (hd, h + hd, 2 * h + hd);
            let lp = l.div_ceil(kernels::KEY_PAD) * kernels::KEY_PAD;
            for isa in levels() {
                let (mut scores, mut kt, mut out) = (vec![0.0; l * lp], vec![f32::NAN; hd * lp], vec![f32::NAN; l * hd]);
                attention_head(isa, &qkv, ld, l, hd, offsets, &mut scores, &mut kt, &mut out);
                for i in 0..l {
                    let logits: Vec<f64> = (0..l).map(|j| (0..hd).map(|e| {
                        f64::from(qkv[i * ld + offsets.0 + e]) * f64::from(qkv[j * ld + offsets.1 + e])
                    }).sum::<f64>() / (hd as f64).sqrt()).collect();
                    let mx = logits.iter().cloned().fold(f64::MIN, f64::max);
                    let total: f64 = logits.iter().map(|v| (v - mx).exp()).sum();
                    for e in 0..hd {
                        let exact: f64 = (0..l).map(|j| (logits[j] - mx).exp() / total * f64::from(qkv[j * ld + offsets.2 + e])).sum();
                        prop_assert!(close(out[i * hd + e], exact, 1.0), "{} ({i},{e}): {} vs {exact}", isa.name(), out[i * hd + e]);
                    }
                }
            }
        }
    }

    #[test]
    fn gelu_and_exp_are_accurate() {
        for isa in levels() {
            // Within ±5 the f64 series below is exact to ~1e-11.
            let xs: Vec<f32> = (-5000..5000).map(|i| i as f32 / 1000.0).collect();
            let mut g = xs.clone();
            gelu(isa, &mut g);
            for (&x, &y) in xs.iter().zip(&g) {
                // erf from its Maclaurin series in f64.
                let xf = f64::from(x) / std::f64::consts::SQRT_2;
                let (mut sum, mut term, mut n) = (xf, xf, 0.0);
                while term.abs() > 1e-17 {
                    n += 1.0;
                    term *= -xf * xf / n;
                    sum += term / (2.0 * n + 1.0);
                }
                let erf = sum * 2.0 / std::f64::consts::PI.sqrt();
                let exact = 0.5 * f64::from(x) * (1.0 + erf);
                assert!(
                    (f64::from(y) - exact).abs() < 2e-6 * (1.0 + exact.abs()),
                    "{}: gelu({x}) = {y}, not {exact}",
                    isa.name()
                );
            }
        }
        for i in -8700..8800 {
            let x = i as f32 / 100.0;
            let (got, exact) = (kernels::exp::<false>(x), f64::from(x).exp());
            assert!((f64::from(got) / exact - 1.0).abs() < 1e-6, "exp({x}) = {got}, not {exact}");
        }
    }

    #[test]
    fn detect_names_a_level() {
        assert!(["portable", "avx2+fma", "avx512"].contains(&Isa::detect().name()));
    }
}
