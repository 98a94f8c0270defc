//! Q4_0: blocks of 32 weights sharing one scale, each weight a 4-bit code `q` standing
//! for `(q - 8) * scale`. In a block's 16 bytes, byte `j` holds weight `j` in its low
//! nibble and weight `j + 16` in its high nibble.

/// Weights per block.
pub const QK: usize = 32;
/// Bytes per block on disk: an IEEE half-precision scale, then 16 bytes of nibbles.
pub const BLOCK_BYTES: usize = 2 + QK / 2;

/// A row-major matrix of Q4_0 blocks: `rows` rows of `cols / 32` blocks each.
///
/// The scales are widened to f32 once at load time (2 extra bytes per 32 weights), so
/// the hot loop only unpacks nibbles.
#[derive(Clone, Debug)]
pub struct Q4Matrix {
    rows: usize,
    cols: usize,
    scales: Vec<f32>,
    quants: Vec<[u8; 16]>,
}

impl Q4Matrix {
    /// Reads `rows * cols / 32` blocks in the on-disk layout (`f16` scale, 16 bytes).
    pub fn from_bytes(rows: usize, cols: usize, bytes: &[u8]) -> Option<Q4Matrix> {
        let mut m = Q4Matrix::empty(rows, cols)?;
        m.push_blocks(bytes);
        m.is_complete().then_some(m)
    }

    /// A matrix to be filled with [`push_blocks`](Self::push_blocks), so that a large
    /// tensor can be read piecewise.
    pub(crate) fn empty(rows: usize, cols: usize) -> Option<Q4Matrix> {
        if !cols.is_multiple_of(QK) {
            return None;
        }
        let nblocks = rows * cols / QK;
        Some(Q4Matrix {
            rows,
            cols,
            scales: Vec::with_capacity(nblocks),
            quants: Vec::with_capacity(nblocks),
        })
    }

    /// Appends whole on-disk blocks (a trailing partial block is ignored).
    pub(crate) fn push_blocks(&mut self, bytes: &[u8]) {
        for block in bytes.chunks_exact(BLOCK_BYTES) {
            self.scales.push(f16_to_f32(u16::from_le_bytes([block[0], block[1]])));
            let mut q = [0u8; 16];
            q.copy_from_slice(&block[2..]);
            self.quants.push(q);
        }
    }

    pub(crate) fn is_complete(&self) -> bool {
        self.scales.len() == self.rows * self.cols / QK
    }

    /// Quantises a row-major f32 matrix the way ggml's reference Q4_0 quantiser does: the
    /// value of largest magnitude in each block maps to code 0 (`-8 * scale`).
    pub fn quantize(rows: usize, cols: usize, values: &[f32]) -> Option<Q4Matrix> {
        if !cols.is_multiple_of(QK) || values.len() != rows * cols {
            return None;
        }
        let nblocks = rows * cols / QK;
        let mut scales = Vec::with_capacity(nblocks);
        let mut quants = Vec::with_capacity(nblocks);
        for block in values.chunks_exact(QK) {
            let (s, q) = quantize_block(block);
            scales.push(s);
            quants.push(q);
        }
        Some(Q4Matrix { rows, cols, scales, quants })
    }

    /// Concatenates matrices with the same number of columns, one below the other.
    pub fn stack(parts: &[Q4Matrix]) -> Option<Q4Matrix> {
        let cols = parts.first()?.cols;
        if parts.iter().any(|p| p.cols != cols) {
            return None;
        }
        Some(Q4Matrix {
            rows: parts.iter().map(|p| p.rows).sum(),
            cols,
            scales: parts.iter().flat_map(|p| p.scales.iter().copied()).collect(),
            quants: parts.iter().flat_map(|p| p.quants.iter().copied()).collect(),
        })
    }

    pub fn rows(&self) -> usize {
        self.rows
    }

    pub fn cols(&self) -> usize {
        self.cols
    }

    /// Scales and nibbles of rows `r0..r1`.
    pub fn row_blocks(&self, r0: usize, r1: usize) -> (&[f32], &[[u8; 16]]) {
        let bpr = self.cols / QK;
        (&self.scales[r0 * bpr..r1 * bpr], &self.quants[r0 * bpr..r1 * bpr])
    }

    /// Dequantises one row into `out` (length `cols`), plainly.
    pub fn dequantize_row(&self, row: usize, out: &mut [f32]) {
        let (scales, quants) = self.row_blocks(row, row + 1);
        dequantize_plain(scales, quants, out);
    }

    /// Bytes held by the weights.
    pub fn heap_bytes(&self) -> usize {
        self.scales.len() * 4 + self.quants.len() * 16
    }
}

/// Rows per panel group.
pub const GROUP: usize = 16;

/// The same Q4_0 weights re-laid for the matrix kernels: rows in groups of 16, and per
/// group and 32-column block, the 16 scales then, for each of the 32 columns, 8 bytes
/// whose byte `j` holds row `j` (low nibble) and row `j + 8` (high nibble). Unpacking a
/// column then gives one vector across 16 output features, which the kernels multiply
/// by a broadcast activation: no horizontal sums. Rows are padded to a multiple of 16
/// with zero weights. Memory is the same as [`Q4Matrix`].
#[derive(Clone, Debug)]
pub struct Q4Panels {
    rows: usize,
    cols: usize,
    /// `[group][block][16]`.
    scales: Vec<f32>,
    /// `[group][block][column in block]`.
    quants: Vec<[u8; 8]>,
}

impl Q4Panels {
    pub fn from_matrix(m: &Q4Matrix) -> Q4Panels {
        let bpr = m.cols / QK;
        let groups = m.rows.div_ceil(GROUP);
        let mut scales = Vec::with_capacity(groups * bpr * GROUP);
        let mut quants = Vec::with_capacity(groups * bpr * QK);
        let code = |row: usize, b: usize, t: usize| -> u8 {
            if row >= m.rows {
                return 8;
            }
            let q = &m.quants[row * bpr + b];
            if t < 16 {
                q[t] & 0x0f
            } else {
                q[t - 16] >> 4
            }
        };
        for g in 0..groups {
            for b in 0..bpr {
                for lane in 0..GROUP {
                    let row = g * GROUP + lane;
                    scales.push(if row < m.rows { m.scales[row * bpr + b] } else { 0.0 });
                }
                for t in 0..QK {
                    let mut bytes = [0u8; 8];
                    for (j, byte) in bytes.iter_mut().enumerate() {
                        let row = g * GROUP + j;
                        *byte = code(row, b, t) | (code(row + 8, b, t) << 4);
                    }
                    quants.push(bytes);
                }
            }
        }
        Q4Panels { rows: m.rows, cols: m.cols, scales, quants }
    }

    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Rows rounded up to whole groups.
    pub fn padded_rows(&self) -> usize {
        self.rows.div_ceil(GROUP) * GROUP
    }

    pub fn cols(&self) -> usize {
        self.cols
    }

    /// Scales and nibbles of groups `g0..g1` (rows `16 * g0 .. 16 * g1`).
    pub fn groups(&self, g0: usize, g1: usize) -> (&[f32], &[[u8; 8]]) {
        let bpr = self.cols / QK;
        (&self.scales[g0 * bpr * GROUP..g1 * bpr * GROUP], &self.quants[g0 * bpr * QK..g1 * bpr * QK])
    }

    pub fn heap_bytes(&self) -> usize {
        self.scales.len() * 4 + self.quants.len() * 8
    }
}

/// The obvious dequantisation, kept as the definition the fast kernels are tested against.
pub fn dequantize_plain(scales: &[f32], quants: &[[u8; 16]], out: &mut [f32]) {
    for ((o, &d), q) in out.chunks_exact_mut(QK).zip(scales).zip(quants) {
        for j in 0..16 {
            o[j] = f32::from(i16::from(q[j] & 0x0f) - 8) * d;
            o[j + 16] = f32::from(i16::from(q[j] >> 4) - 8) * d;
        }
    }
}

fn quantize_block(block: &[f32]) -> (f32, [u8; 16]) {
    let mut amax = 0.0f32;
    let mut max = 0.0f32;
    for &v in block {
        if v.abs() > amax {
            amax = v.abs();
            max = v;
        }
    }
    let d = max / -8.0;
    let id = if d != 0.0 { 1.0 / d } else { 0.0 };
    let code = |v: f32| -> u8 {
        // Truncation after +8.5 rounds to nearest; the largest value lands exactly on 0.
        let c = (v * id + 8.5).clamp(0.0, 15.0);
        c as u8
    };
    let mut q = [0u8; 16];
    for j in 0..16 {
        q[j] = code(block[j]) | (code(block[j + 16]) << 4);
    }
    // The file stores the scale as f16; keep exactly what a reader of that file would see.
    (f16_to_f32(f32_to_f16(d)), q)
}

/// IEEE 754 half → single precision, including subnormals, infinities and NaN.
pub fn f16_to_f32(h: u16) -> f32 {
    let sign = u32::from(h & 0x8000) << 16;
    let exp = u32::from((h >> 10) & 0x1f);
    let man = u32::from(h & 0x3ff);
    let bits = match (exp, man) {
        (0, 0) => sign,
        (0, _) => {
            // Subnormal: value is man * 2^-24; renormalise.
            let shift = man.leading_zeros() - 21;
            let man = (man << shift) & 0x3ff;
            let exp = 127 - 15 + 1 - shift;
            sign | (exp << 23) | (man << 13)
        }
        (31, _) => sign | 0x7f80_0000 | (man << 13),
        _ => sign | ((exp + 127 - 15) << 23) | (man << 13),
    };
    f32::from_bits(bits)
}

/// Single → half precision, rounding to nearest even.
pub fn f32_to_f16(f: f32) -> u16 {
    let bits = f.to_bits();
    let sign = ((bits >> 16) & 0x8000) as u16;
    let exp = ((bits >> 23) & 0xff) as i32;
    let man = bits & 0x007f_ffff;
    if exp == 255 {
        return sign | 0x7c00 | if man != 0 { 0x200 } else { 0 };
    }
    let e = exp - 127 + 15;
    if e >= 31 {
        return sign | 0x7c00;
    }
    if e <= 0 {
        if e < -10 {
            return sign;
        }
        let man = man | 0x0080_0000;
        let shift = (14 - e) as u32;
        let half = man >> shift;
        let rem = man & ((1 << shift) - 1);
        let halfway = 1 << (shift - 1);
        let round = rem > halfway || (rem == halfway && half & 1 == 1);
        return sign | (half + u32::from(round)) as u16;
    }
    let half = ((e as u32) << 10) | (man >> 13);
    let rem = man & 0x1fff;
    let round = rem > 0x1000 || (rem == 0x1000 && half & 1 == 1);
    // A carry out of the mantissa correctly bumps the exponent (up to infinity).
    sign | (half + u32::from(round)) as u16
}

/// bf16 → f32 (the top half of an f32).
pub fn bf16_to_f32(h: u16) -> f32 {
    f32::from_bits(u32::from(h) << 16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f16_round_trips_every_finite_half() {
        for h in 0..=u16::MAX {
            let f = f16_to_f32(h);
            if f.is_nan() {
                assert!(f32_to_f16(f) & 0x7c00 == 0x7c00);
                continue;
            }
            assert_eq!(f32_to_f16(f), h, "{h:#06x} -> {f}");
        }
    }

    #[test]
    fn f16_known_values() {
        assert_eq!(f16_to_f32(0x3c00), 1.0);
        assert_eq!(f16_to_f32(0xc000), -2.0);
        assert_eq!(f16_to_f32(0x0001), 2f32.powi(-24));
        assert_eq!(f32_to_f16(65520.0), 0x7c00);
        assert_eq!(f32_to_f16(1.0 + 2f32.powi(-11)), 0x3c00);
    }

    #[test]
    fn quantize_is_lossless_on_representable_blocks() {
        let d = 0.03125f32;
        let mut vals: Vec<f32> = (0..64).map(|i| f32::from((i * 7 % 16) as i8 - 8) * d).collect();
        vals[0] = -8.0 * d;
        vals[32] = -8.0 * d;
        let m = Q4Matrix::quantize(2, 32, &vals).unwrap();
        let mut out = vec![0.0; 32];
        for r in 0..2 {
            m.dequantize_row(r, &mut out);
            assert_eq!(&out[..], &vals[r * 32..(r + 1) * 32]);
        }
    }
}
