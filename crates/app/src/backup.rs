//! `praxis backup` and `praxis restore`: the whole installation in one archive, and
//! back. Unlike the open-data export (published initiatives only), a backup carries
//! every table (accounts with their two-step keys, drafts, revisions, calls,
//! signatories, events, registrations, the mail queue, the audit log) and the published
//! attachments, taken as one consistent snapshot while the site keeps serving.
//!
//! The archive is a gzipped tar:
//!
//! ```text
//! manifest.json           format, Praxis and schema versions, and for every table and
//!                         file its size, row count and SHA-256
//! tables/NAME.jsonl       one JSON array per row, values in the manifest's column order
//! files/NAME              the attachments served at /files/NAME
//! ```
//!
//! A restore goes into an empty store on either backend, checks every checksum and
//! writes all rows in one transaction: it keeps everything or nothing.

use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use praxis_store::{SnapshotItem, Store, StoreError};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

/// What the manifest's `format` field says.
pub const FORMAT: &str = "praxis-backup";
/// The archive layout's version; a restore refuses one it does not know.
pub const FORMAT_VERSION: u32 = 1;
const MANIFEST: &str = "manifest.json";
/// Rows sent to the store at a time during a restore.
const ROWS_PER_BATCH: usize = 2_000;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    /// The archive is not one a restore can use; the message names the entry and line.
    #[error("{0}")]
    Archive(String),
    /// The target store cannot take the backup (not empty, newer schema).
    #[error("{0}")]
    Refused(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BackupError + '_ {
    move |source| BackupError::Io { path: path.to_path_buf(), source }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    pub praxis_version: String,
    pub created_at: String,
    /// The backend the backup was taken from ("sqlite" or "postgres").
    pub backend: String,
    /// The latest migration the source had applied.
    pub schema_version: i64,
    pub tables: Vec<TableEntry>,
    pub files: Vec<FileEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TableEntry {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: u64,
    pub bytes: u64,
    pub sha256: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FileEntry {
    pub name: String,
    pub bytes: u64,
    pub sha256: String,
}

/// How far a backup or restore has got, for a progress bar: rows and files done out of
/// the total expected.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
}

/// A writer that counts and hashes what passes through it.
struct Hashing<W> {
    inner: W,
    hash: Sha256,
    bytes: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// A reader that counts and hashes what passes through it.
struct HashingReader<R> {
    inner: R,
    hash: Sha256,
    bytes: u64,
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

fn hex(hash: Sha256) -> String {
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The attachments folder of a data folder.
pub fn files_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("files")
}

/// A name an attachment may have: what the upload code gives it (a digest and an
/// extension), never a path.
fn is_attachment_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name.len() <= 200
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'_')
}

/// Writes a backup of `store` and of the attachments under `data_dir` to `out`. The
/// archive appears under its name only when complete; until then it is `out` with
/// `.partial` appended.
pub async fn backup(
    store: &Store,
    data_dir: &Path,
    out: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<Manifest, BackupError> {
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let work = tempfile::Builder::new().prefix(".praxis-backup-").tempdir_in(parent).map_err(io(parent))?;

    // Rows now, attachments counted when they are listed (after the snapshot).
    let total = store.row_count().await?;
    let mut done = 0;
    progress(Progress { done, total });

    // Every table into its own file, from one snapshot.
    let mut tables: Vec<TableEntry> = Vec::new();
    let mut current: Option<(TableEntry, Hashing<BufWriter<File>>, PathBuf)> = None;
    let finish = |current: &mut Option<(TableEntry, Hashing<BufWriter<File>>, PathBuf)>,
                  tables: &mut Vec<TableEntry>|
     -> Result<(), BackupError> {
        if let Some((mut entry, mut writer, path)) = current.take() {
            writer.flush().map_err(io(&path))?;
            entry.bytes = writer.bytes;
            entry.sha256 = hex(writer.hash);
            tables.push(entry);
        }
        Ok(())
    };
    let tables_dir = work.path().join("tables");
    std::fs::create_dir_all(&tables_dir).map_err(io(&tables_dir))?;
    let outcome = store
        .snapshot(|item| -> Result<(), BackupError> {
            match item {
                SnapshotItem::Table { name, columns, rows: _ } => {
                    finish(&mut current, &mut tables)?;
                    let path = tables_dir.join(format!("{name}.jsonl"));
                    let file = File::create(&path).map_err(io(&path))?;
                    let writer = Hashing { inner: BufWriter::new(file), hash: Sha256::new(), bytes: 0 };
                    let entry = TableEntry {
                        name: name.to_string(),
                        columns: columns.to_vec(),
                        rows: 0,
                        bytes: 0,
                        sha256: String::new(),
                    };
                    current = Some((entry, writer, path));
                }
                SnapshotItem::Row(values) => {
                    let (entry, writer, path) = current.as_mut().expect("a table comes before its rows");
                    serde_json::to_writer(&mut *writer, values)
                        .map_err(|e| BackupError::Io { path: path.clone(), source: e.into() })?;
                    writer.write_all(b"\n").map_err(io(path))?;
                    entry.rows += 1;
                    done += 1;
                    if done % 1_000 == 0 {
                        progress(Progress { done, total: total.max(done) });
                    }
                }
            }
            Ok(())
        })
        .await?;
    outcome?;
    finish(&mut current, &mut tables)?;

    // The attachments, listed after the snapshot: a record saved before the snapshot has
    // its files in place by now (they move into `files/` when the save commits), and a
    // file is named by its content, so one listed now is the same file when copied.
    let files_dir = files_dir(data_dir);
    let mut attachments = Vec::new();
    match std::fs::read_dir(&files_dir) {
        Ok(entries) => {
            for entry in entries {
                let entry = entry.map_err(io(&files_dir))?;
                let name = entry.file_name().to_string_lossy().into_owned();
                if entry.file_type().map_err(io(&entry.path()))?.is_file() && is_attachment_name(&name) {
                    attachments.push(name);
                }
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(BackupError::Io { path: files_dir, source: e }),
    }
    attachments.sort();

    let total = total.max(done) + attachments.len() as u64;
    let mut files = Vec::with_capacity(attachments.len());
    for name in &attachments {
        let path = files_dir.join(name);
        let mut reader =
            HashingReader { inner: File::open(&path).map_err(io(&path))?, hash: Sha256::new(), bytes: 0 };
        std::io::copy(&mut reader, &mut std::io::sink()).map_err(io(&path))?;
        files.push(FileEntry { name: name.clone(), bytes: reader.bytes, sha256: hex(reader.hash) });
    }

    let manifest = Manifest {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        praxis_version: env!("CARGO_PKG_VERSION").into(),
        created_at: praxis_domain::stamp::stamp(jiff::Timestamp::now()),
        backend: store.backend().into(),
        schema_version: store.schema_version().await?,
        tables,
        files,
    };

    // The archive: the manifest first, so a restore knows what to expect as it reads.
    let partial = PathBuf::from(format!("{}.partial", out.display()));
    let file = File::create(&partial).map_err(io(&partial))?;
    let mut tar = tar::Builder::new(GzEncoder::new(BufWriter::new(file), flate2::Compression::default()));
    tar.mode(tar::HeaderMode::Deterministic);
    let manifest_json = serde_json::to_vec_pretty(&manifest).expect("a manifest always serialises");
    append(&mut tar, MANIFEST, &mut manifest_json.as_slice(), manifest_json.len() as u64, &partial)?;
    for table in &manifest.tables {
        let path = tables_dir.join(format!("{}.jsonl", table.name));
        let mut file = File::open(&path).map_err(io(&path))?;
        append(&mut tar, &format!("tables/{}.jsonl", table.name), &mut file, table.bytes, &partial)?;
    }
    for entry in &manifest.files {
        let path = files_dir.join(&entry.name);
        let mut file = File::open(&path).map_err(io(&path))?;
        append(&mut tar, &format!("files/{}", entry.name), &mut file, entry.bytes, &partial)?;
        done += 1;
        progress(Progress { done, total: total.max(done) });
    }
    let encoder = tar.into_inner().map_err(io(&partial))?;
    let writer = encoder.finish().map_err(io(&partial))?;
    let file =
        writer.into_inner().map_err(|e| BackupError::Io { path: partial.clone(), source: e.into_error() })?;
    file.sync_all().map_err(io(&partial))?;
    drop(file);
    std::fs::rename(&partial, out).map_err(io(out))?;
    progress(Progress { done: total.max(done), total: total.max(done) });
    Ok(manifest)
}

fn append<W: Write>(
    tar: &mut tar::Builder<W>,
    name: &str,
    data: &mut dyn Read,
    size: u64,
    archive: &Path,
) -> Result<(), BackupError> {
    let mut header = tar::Header::new_gnu();
    header.set_size(size);
    header.set_mode(0o644);
    header.set_entry_type(tar::EntryType::Regular);
    // A file that changed size since it was measured would make a broken archive.
    let mut exact = data.take(size);
    tar.append_data(&mut header, name, &mut exact).map_err(io(archive))
}

/// What a restore brought back.
#[derive(Debug, Clone)]
pub struct Restored {
    pub manifest: Manifest,
    pub rows: u64,
    pub files: usize,
}

/// Reads the manifest of an archive without restoring anything.
pub fn read_manifest(archive: &Path) -> Result<Manifest, BackupError> {
    let file = File::open(archive).map_err(io(archive))?;
    let mut tar = tar::Archive::new(GzDecoder::new(BufReader::new(file)));
    let mut entries = tar.entries().map_err(|e| not_an_archive(archive, e))?;
    let first = entries
        .next()
        .ok_or_else(|| BackupError::Archive(format!("{}: the archive is empty", archive.display())))?
        .map_err(|e| not_an_archive(archive, e))?;
    manifest_of(archive, first)
}

fn not_an_archive(archive: &Path, e: std::io::Error) -> BackupError {
    BackupError::Archive(format!("{}: not a Praxis backup (a gzipped tar archive): {e}", archive.display()))
}

fn manifest_of<R: Read>(archive: &Path, mut entry: tar::Entry<'_, R>) -> Result<Manifest, BackupError> {
    let name = entry.path().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    if name != MANIFEST {
        return Err(BackupError::Archive(format!(
            "{}: the archive starts with {name:?}, not {MANIFEST}: it is not a Praxis backup",
            archive.display()
        )));
    }
    let mut text = Vec::new();
    entry.by_ref().take(16 << 20).read_to_end(&mut text).map_err(|e| not_an_archive(archive, e))?;
    let manifest: Manifest = serde_json::from_slice(&text).map_err(|e| {
        BackupError::Archive(format!("{}: {MANIFEST} line {}: {e}", archive.display(), e.line()))
    })?;
    if manifest.format != FORMAT {
        return Err(BackupError::Archive(format!(
            "{}: {MANIFEST}: format is {:?}, not {FORMAT:?}",
            archive.display(),
            manifest.format
        )));
    }
    if manifest.format_version != FORMAT_VERSION {
        return Err(BackupError::Archive(format!(
            "{}: {MANIFEST}: archive format version {} is not one this Praxis reads ({FORMAT_VERSION})",
            archive.display(),
            manifest.format_version
        )));
    }
    Ok(manifest)
}

/// Restores `archive` into `store`, which must be empty (new, or only migrated), and its
/// attachments under `data_dir`. Every checksum is verified and all rows go in one
/// transaction: on any problem nothing is kept. The store ends migrated to this build's
/// schema (a backup from an older Praxis is upgraded as it comes in).
pub async fn restore(
    store: &Store,
    data_dir: &Path,
    archive: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<Restored, BackupError> {
    let manifest = read_manifest(archive)?;
    let latest = store.latest_schema_version();
    if manifest.schema_version > latest {
        return Err(BackupError::Refused(format!(
            "{}: the backup was taken by a newer Praxis (schema {}); this one knows schema {latest}: \
             restore it with Praxis {} or later",
            archive.display(),
            manifest.schema_version,
            manifest.praxis_version
        )));
    }
    let current = store.schema_version().await?;
    if current > manifest.schema_version {
        return Err(BackupError::Refused(format!(
            "the store is already at schema {current}, newer than the backup's {}: restore into a new, \
             empty database (or data folder)",
            manifest.schema_version
        )));
    }
    store.migrate_before(manifest.schema_version + 1).await?;
    if let Some(table) = store.first_filled_table().await? {
        return Err(BackupError::Refused(format!(
            "the store already holds data (table {table}): a backup is restored only into an empty store"
        )));
    }

    let files_dir = files_dir(data_dir);
    std::fs::create_dir_all(&files_dir).map_err(io(&files_dir))?;
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    let outcome = restore_entries(store, archive, &manifest, &files_dir, &mut staged, progress).await;
    let rows = match outcome {
        Ok(rows) => rows,
        Err(e) => {
            for (staging, _) in &staged {
                let _ = std::fs::remove_file(staging);
            }
            return Err(e);
        }
    };
    for (staging, target) in &staged {
        std::fs::rename(staging, target).map_err(io(target))?;
    }
    store.migrate().await?;
    Ok(Restored { files: manifest.files.len(), manifest, rows })
}

async fn restore_entries(
    store: &Store,
    archive: &Path,
    manifest: &Manifest,
    files_dir: &Path,
    staged: &mut Vec<(PathBuf, PathBuf)>,
    progress: &mut dyn FnMut(Progress),
) -> Result<u64, BackupError> {
    let tables: BTreeMap<String, (usize, &TableEntry)> = manifest
        .tables
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("tables/{}.jsonl", t.name), (i, t)))
        .collect();
    let mut tables_seen = 0;
    let files: BTreeMap<String, &FileEntry> =
        manifest.files.iter().map(|f| (format!("files/{}", f.name), f)).collect();
    for entry in &manifest.files {
        if !is_attachment_name(&entry.name) {
            return Err(BackupError::Archive(format!(
                "{}: {MANIFEST} names the file {:?}, which is not an attachment name",
                archive.display(),
                entry.name
            )));
        }
    }
    let total = manifest.tables.iter().map(|t| t.rows).sum::<u64>() + manifest.files.len() as u64;
    let mut done = 0;
    progress(Progress { done, total });

    let file = File::open(archive).map_err(io(archive))?;
    let mut tar = tar::Archive::new(GzDecoder::new(BufReader::new(file)));
    let mut entries = tar.entries().map_err(|e| not_an_archive(archive, e))?;
    // The manifest was read already.
    entries.next();
    let mut restore = store.begin_restore().await?;
    let mut seen = std::collections::BTreeSet::new();
    for entry in entries {
        let entry = entry.map_err(|e| not_an_archive(archive, e))?;
        let name = entry.path().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
        let at = |what: &str| format!("{}: {name}{what}", archive.display());
        if !seen.insert(name.clone()) {
            return Err(BackupError::Archive(at(": appears twice in the archive")));
        }
        if let Some(&(position, table)) = tables.get(&name) {
            // Rows go in as they come, so tables must come in the manifest's order (one
            // that no reference breaks).
            if position != tables_seen {
                return Err(BackupError::Archive(at(&format!(
                    ": comes where {MANIFEST} lists tables/{}.jsonl; tables must follow {MANIFEST}'s order",
                    manifest.tables[tables_seen.min(manifest.tables.len() - 1)].name
                ))));
            }
            tables_seen += 1;
            // One buffered reader over the hashing one: everything it reads ahead is
            // hashed, and by the end of the entry all of it has been.
            let mut lines = BufReader::new(HashingReader { inner: entry, hash: Sha256::new(), bytes: 0 });
            let mut batch: Vec<Vec<Value>> = Vec::with_capacity(ROWS_PER_BATCH);
            let mut line = String::new();
            let mut line_no = 0u64;
            let mut first_in_batch = 1u64;
            loop {
                line.clear();
                let read = read_line(&mut lines, &mut line);
                let read =
                    read.map_err(|e| BackupError::Archive(at(&format!(" line {}: {e}", line_no + 1))))?;
                if read == 0 {
                    break;
                }
                line_no += 1;
                let row: Vec<Value> = serde_json::from_str(line.trim_end_matches('\n'))
                    .map_err(|e| BackupError::Archive(at(&format!(" line {line_no}: {e}"))))?;
                batch.push(row);
                if batch.len() == ROWS_PER_BATCH {
                    insert(&mut restore, table, &batch, first_in_batch, &at).await?;
                    done += batch.len() as u64;
                    progress(Progress { done, total });
                    first_in_batch = line_no + 1;
                    batch.clear();
                }
            }
            insert(&mut restore, table, &batch, first_in_batch, &at).await?;
            done += batch.len() as u64;
            progress(Progress { done, total });
            let reader = lines.into_inner();
            if line_no != table.rows || reader.bytes != table.bytes || hex(reader.hash) != table.sha256 {
                return Err(BackupError::Archive(at(&format!(
                    ": does not match its checksum in {MANIFEST} ({line_no} rows of {} expected): \
                     the archive is damaged",
                    table.rows
                ))));
            }
        } else if let Some(expected) = files.get(&name) {
            let target = files_dir.join(&expected.name);
            let staging = files_dir.join(format!(".restoring-{}", expected.name));
            let mut reader = HashingReader { inner: entry, hash: Sha256::new(), bytes: 0 };
            let mut out = File::create(&staging).map_err(io(&staging))?;
            staged.push((staging.clone(), target));
            std::io::copy(&mut reader, &mut out).map_err(io(&staging))?;
            if reader.bytes != expected.bytes || hex(reader.hash) != expected.sha256 {
                return Err(BackupError::Archive(at(&format!(
                    ": does not match its checksum in {MANIFEST}: the archive is damaged"
                ))));
            }
            done += 1;
            progress(Progress { done, total });
        } else {
            return Err(BackupError::Archive(at(&format!(": not listed in {MANIFEST}"))));
        }
    }
    if let Some(missing) = tables.keys().chain(files.keys()).find(|name| !seen.contains(*name)) {
        return Err(BackupError::Archive(format!(
            "{}: {missing} is listed in {MANIFEST} but missing from the archive: it is incomplete",
            archive.display()
        )));
    }
    restore.commit().await?;
    Ok(done - manifest.files.len() as u64)
}

/// Reads one line, refusing lines longer than any row Praxis writes (64 MiB), so a
/// damaged archive cannot make a restore hold unbounded memory.
fn read_line(reader: &mut impl BufRead, line: &mut String) -> std::io::Result<usize> {
    const LONGEST: u64 = 64 << 20;
    let read = reader.take(LONGEST).read_line(line)?;
    if read as u64 == LONGEST && !line.ends_with('\n') {
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, "a line longer than 64 MiB"));
    }
    Ok(read)
}

async fn insert(
    restore: &mut praxis_store::Restore,
    table: &TableEntry,
    batch: &[Vec<Value>],
    first_row: u64,
    at: &dyn Fn(&str) -> String,
) -> Result<(), BackupError> {
    restore.insert(&table.name, &table.columns, batch, first_row).await.map_err(|e| match e {
        StoreError::Invalid { id, message } => BackupError::Archive(at(&format!(": {id}: {message}"))),
        other => BackupError::Store(other),
    })
}
