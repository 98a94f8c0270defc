//! Reader for the safetensors format: a little-endian u64 `n`, `n` bytes of JSON naming
//! each tensor's `dtype`, `shape` and `data_offsets` (`[begin, end)`, relative to the end
//! of the header), then the raw little-endian data. Tensors are read one at a time, so a
//! large file is never held in memory whole.

use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use crate::error::{EmbedError, Result};
use crate::quant::{bf16_to_f32, f16_to_f32};

/// Largest header accepted (real ones are a few tens of kilobytes).
const MAX_HEADER: u64 = 64 << 20;

#[derive(Clone, Debug)]
struct Info {
    dtype: String,
    shape: Vec<usize>,
    begin: u64,
    end: u64,
}

pub(crate) struct SafeTensors {
    file: File,
    path: PathBuf,
    data_start: u64,
    tensors: HashMap<String, Info>,
}

impl SafeTensors {
    pub fn open(path: &Path) -> Result<SafeTensors> {
        let mut file = File::open(path).map_err(|e| EmbedError::io(path, e))?;
        let size = file.metadata().map_err(|e| EmbedError::io(path, e))?.len();
        let bad = |msg: String| EmbedError::format(format!("{}: {msg}", path.display()));
        let mut len = [0u8; 8];
        file.read_exact(&mut len).map_err(|_| bad("too short for a safetensors header".into()))?;
        let n = u64::from_le_bytes(len);
        if n > MAX_HEADER || 8 + n > size {
            return Err(bad(format!("header length {n} does not fit the file")));
        }
        let mut header = vec![0u8; n as usize];
        file.read_exact(&mut header).map_err(|e| EmbedError::io(path, e))?;
        let json: serde_json::Value =
            serde_json::from_slice(&header).map_err(|e| bad(format!("header is not JSON: {e}")))?;
        let obj = json.as_object().ok_or_else(|| bad("header is not a JSON object".into()))?;
        let data_start = 8 + n;
        let mut tensors = HashMap::new();
        for (name, v) in obj {
            if name == "__metadata__" {
                continue;
            }
            let dtype = v["dtype"].as_str().ok_or_else(|| bad(format!("{name}: no dtype")))?.to_owned();
            let shape = v["shape"]
                .as_array()
                .and_then(|a| a.iter().map(|d| d.as_u64().map(|d| d as usize)).collect::<Option<Vec<_>>>())
                .ok_or_else(|| bad(format!("{name}: bad shape")))?;
            let offsets = v["data_offsets"]
                .as_array()
                .and_then(|a| a.iter().map(|d| d.as_u64()).collect::<Option<Vec<_>>>())
                .filter(|o| o.len() == 2)
                .ok_or_else(|| bad(format!("{name}: bad data_offsets")))?;
            let (begin, end) = (offsets[0], offsets[1]);
            let numel: u64 = shape.iter().map(|&d| d as u64).product();
            if begin > end || data_start + end > size {
                return Err(bad(format!("{name}: data [{begin}, {end}) outside the file")));
            }
            if let Some(width) = dtype_width(&dtype) {
                if end - begin != numel * width {
                    return Err(bad(format!("{name}: {} bytes for {numel} values of {dtype}", end - begin)));
                }
            }
            tensors.insert(name.clone(), Info { dtype, shape, begin, end });
        }
        Ok(SafeTensors { file, path: path.to_owned(), data_start, tensors })
    }

    pub fn contains(&self, name: &str) -> bool {
        self.tensors.contains_key(name)
    }

    /// The tensor's shape and values widened to f32.
    pub fn read_f32(&mut self, name: &str) -> Result<(Vec<usize>, Vec<f32>)> {
        let info = self.tensors.get(name).ok_or_else(|| EmbedError::MissingTensor(name.into()))?.clone();
        let mut raw = vec![0u8; (info.end - info.begin) as usize];
        self.file
            .seek(SeekFrom::Start(self.data_start + info.begin))
            .map_err(|e| EmbedError::io(&self.path, e))?;
        self.file.read_exact(&mut raw).map_err(|e| EmbedError::io(&self.path, e))?;
        let values = match info.dtype.as_str() {
            "F32" => raw.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect(),
            "F16" => raw.chunks_exact(2).map(|c| f16_to_f32(u16::from_le_bytes([c[0], c[1]]))).collect(),
            "BF16" => raw.chunks_exact(2).map(|c| bf16_to_f32(u16::from_le_bytes([c[0], c[1]]))).collect(),
            other => return Err(EmbedError::Unsupported(format!("tensor {name} has dtype {other}"))),
        };
        Ok((info.shape, values))
    }
}

fn dtype_width(dtype: &str) -> Option<u64> {
    Some(match dtype {
        "F64" | "I64" | "U64" => 8,
        "F32" | "I32" | "U32" => 4,
        "F16" | "BF16" | "I16" | "U16" => 2,
        "I8" | "U8" | "BOOL" => 1,
        _ => return None,
    })
}
