//! A file of embeddings keyed by a hash of (model, prefix, text), so that a document or
//! a fixed query is embedded once per machine, not at every start. Append-only; a torn
//! last record (a crash mid-write) is ignored on load.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"PRXVEC01";

pub struct VectorCache {
    path: PathBuf,
    dim: usize,
    vectors: HashMap<u64, Vec<f32>>,
    writer: Option<BufWriter<File>>,
}

/// FNV-1a: stable across Rust versions and machines, unlike the standard hasher.
pub fn key(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0xff)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

impl VectorCache {
    /// Opens (or creates) the cache file. A file written for another dimension is
    /// started afresh.
    pub fn open(path: &Path, dim: usize) -> io::Result<VectorCache> {
        let mut vectors = HashMap::new();
        let mut fresh = true;
        if let Ok(mut file) = File::open(path) {
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes)?;
            let header = MAGIC.len() + 4;
            if bytes.len() >= header
                && &bytes[..MAGIC.len()] == MAGIC
                && u32::from_le_bytes(bytes[8..12].try_into().unwrap_or_default()) as usize == dim
            {
                fresh = false;
                let record = 8 + 4 * dim;
                for chunk in bytes[header..].chunks_exact(record) {
                    let k = u64::from_le_bytes(chunk[..8].try_into().unwrap_or_default());
                    let v = chunk[8..]
                        .chunks_exact(4)
                        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                        .collect();
                    vectors.insert(k, v);
                }
            }
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut file = if fresh {
            let mut f = File::create(path)?;
            f.write_all(MAGIC)?;
            f.write_all(&(dim as u32).to_le_bytes())?;
            f
        } else {
            // Drop a torn tail so that appends stay aligned.
            let f = OpenOptions::new().read(true).write(true).open(path)?;
            let len = (MAGIC.len() + 4 + vectors.len() * (8 + 4 * dim)) as u64;
            f.set_len(len)?;
            f
        };
        use std::io::Seek;
        file.seek(io::SeekFrom::End(0))?;
        Ok(VectorCache { path: path.to_path_buf(), dim, vectors, writer: Some(BufWriter::new(file)) })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn len(&self) -> usize {
        self.vectors.len()
    }

    pub fn is_empty(&self) -> bool {
        self.vectors.is_empty()
    }

    pub fn get(&self, key: u64) -> Option<&[f32]> {
        self.vectors.get(&key).map(Vec::as_slice)
    }

    pub fn put(&mut self, key: u64, vector: &[f32]) -> io::Result<()> {
        assert_eq!(vector.len(), self.dim, "vector dimension");
        if self.vectors.contains_key(&key) {
            return Ok(());
        }
        if let Some(w) = self.writer.as_mut() {
            w.write_all(&key.to_le_bytes())?;
            for x in vector {
                w.write_all(&x.to_le_bytes())?;
            }
        }
        self.vectors.insert(key, vector.to_vec());
        Ok(())
    }

    pub fn flush(&mut self) -> io::Result<()> {
        match self.writer.as_mut() {
            Some(w) => w.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for VectorCache {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn survives_reopening_and_a_torn_tail() {
        let dir = std::env::temp_dir().join(format!("praxis-cache-test-{}", std::process::id()));
        let path = dir.join("v.bin");
        let _ = std::fs::remove_file(&path);
        {
            let mut c = VectorCache::open(&path, 3).unwrap();
            c.put(key(&["m", "a"]), &[1.0, 2.0, 3.0]).unwrap();
            c.put(key(&["m", "b"]), &[4.0, 5.0, 6.0]).unwrap();
        }
        // A crash in the middle of the next record.
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(&[1, 2, 3, 4, 5]).unwrap();
        drop(f);
        let mut c = VectorCache::open(&path, 3).unwrap();
        assert_eq!(c.len(), 2);
        assert_eq!(c.get(key(&["m", "b"])), Some(&[4.0, 5.0, 6.0][..]));
        c.put(key(&["m", "c"]), &[7.0, 8.0, 9.0]).unwrap();
        drop(c);
        let c = VectorCache::open(&path, 3).unwrap();
        assert_eq!(c.len(), 3);
        assert_ne!(key(&["ab", "c"]), key(&["a", "bc"]));
        let other = VectorCache::open(&path, 4).unwrap();
        assert!(other.is_empty(), "another dimension starts afresh");
        let _ = std::fs::remove_dir_all(dir);
    }
}
