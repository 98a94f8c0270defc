//! `praxis import` and `praxis export`: JSON Lines in format 1 (CONTRACT.md).

use anyhow::{bail, Context};
use indicatif::{ProgressBar, ProgressStyle};
use praxis_domain::InitiativeRecord;
use praxis_store::Store;
use std::collections::HashMap;
use std::fmt;
use std::io::Write;
use std::path::Path;

/// One problem in the input, printed as `FILE:LINE: field: what is wrong`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}: {}", self.file, self.line, self.field, self.message)
    }
}

/// Records read from all inputs, and warnings about ignored fields.
#[derive(Debug, Default)]
pub struct Input {
    pub records: Vec<InitiativeRecord>,
    pub warnings: Vec<String>,
}

/// Reads and validates JSON Lines from named sources. Every problem in every source is
/// reported; the records are returned only when there is none.
pub fn parse_sources(sources: &[(String, Vec<u8>)]) -> Result<Input, Vec<Problem>> {
    let mut input = Input::default();
    let mut problems = Vec::new();
    let mut first_seen: HashMap<String, (String, usize)> = HashMap::new();
    for (file, bytes) in sources {
        let mut unknown_reported: HashMap<String, usize> = HashMap::new();
        // Spreadsheet programs and some editors start UTF-8 files with a byte-order
        // mark: it is not part of the first record.
        let bytes = bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(bytes);
        for (index, raw) in bytes.split(|b| *b == b'\n').enumerate() {
            let line = index + 1;
            let problem = |field: &str, message: String| Problem {
                file: file.clone(),
                line,
                field: field.to_string(),
                message,
            };
            let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
            let Ok(text) = std::str::from_utf8(raw) else {
                problems.push(problem("json", "the line is not valid UTF-8".into()));
                continue;
            };
            if text.trim().is_empty() {
                continue;
            }
            let value: serde_json::Value = match serde_json::from_str(text) {
                Ok(v) => v,
                Err(e) => {
                    problems.push(problem(
                        "json",
                        format!("not valid JSON at column {}: {}", e.column(), json_reason(&e)),
                    ));
                    continue;
                }
            };
            match InitiativeRecord::from_json(&value) {
                Ok(parsed) => {
                    for field in parsed.unknown_fields {
                        unknown_reported.entry(field).or_insert(line);
                    }
                    if let Some((other_file, other_line)) = first_seen.get(&parsed.record.id) {
                        problems.push(problem(
                            "id",
                            format!("{:?} appears again (first at {other_file}:{other_line}); give each initiative once per import", parsed.record.id),
                        ));
                        continue;
                    }
                    first_seen.insert(parsed.record.id.clone(), (file.clone(), line));
                    input.records.push(parsed.record);
                }
                Err(errors) => {
                    for e in errors {
                        let field = if e.field.is_empty() { "record".to_string() } else { e.field };
                        problems.push(problem(&field, e.message));
                    }
                }
            }
        }
        let mut unknown: Vec<(String, usize)> = unknown_reported.into_iter().collect();
        unknown.sort_by_key(|(_, line)| *line);
        for (field, line) in unknown {
            input.warnings.push(format!(
                "{file}:{line}: {field}: not a field of format 1; ignored (on this line and any other)"
            ));
        }
    }
    if problems.is_empty() {
        Ok(input)
    } else {
        Err(problems)
    }
}

/// serde_json's message without its own "at line 1 column N" suffix, which we already give.
fn json_reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

pub fn progress_bar(total: u64, what: &str) -> ProgressBar {
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} ({per_sec}, {eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message(what.to_string());
    bar
}

/// Imports already-read sources into the store, printing a summary.
pub async fn import_sources(
    store: &Store,
    sources: &[(String, Vec<u8>)],
    author: &str,
) -> anyhow::Result<()> {
    let input = match parse_sources(sources) {
        Ok(input) => input,
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            bail!(
                "{} problem{} found; nothing was imported. Fix the lines above and run the import again.",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            );
        }
    };
    for w in &input.warnings {
        eprintln!("warning: {w}");
    }
    let bar = progress_bar(input.records.len() as u64, "Importing");
    let (report, _) = store
        .import(&input.records, author, &|n| bar.set_position(n as u64))
        .await
        .context("the import failed and nothing was written")?;
    bar.finish_and_clear();
    println!(
        "Imported {} initiative{}: {} new, {} updated, {} unchanged.",
        input.records.len(),
        if input.records.len() == 1 { "" } else { "s" },
        report.created,
        report.updated,
        report.unchanged
    );
    if !report.unmatched_places.is_empty() {
        let list: Vec<String> =
            report.unmatched_places.iter().map(|(city, country)| format!("{city} ({country})")).collect();
        eprintln!(
            "warning: {} place{} not found in the gazetteer, kept without population, coordinates or time zone: {}",
            list.len(),
            if list.len() == 1 { " was" } else { "s were" },
            list.join(", ")
        );
    }
    Ok(())
}

pub async fn run(store: &Store, files: &[std::path::PathBuf]) -> anyhow::Result<()> {
    let mut sources = Vec::with_capacity(files.len());
    for file in files {
        let bytes =
            std::fs::read(file).with_context(|| format!("{}: cannot read the file", file.display()))?;
        sources.push((file.display().to_string(), bytes));
    }
    import_sources(store, &sources, "import").await
}

/// Writes published initiatives in id order, one per line, byte-stable across
/// export → import → export.
pub async fn export(store: &Store, out: Option<&Path>) -> anyhow::Result<()> {
    match out {
        None => {
            let stdout = std::io::stdout();
            let mut writer = std::io::BufWriter::new(stdout.lock());
            write_all(store, &mut writer).await?;
            writer.flush()?;
        }
        Some(path) => {
            // Write beside the target and rename, so a failed export never leaves half a file.
            let partial = path.with_extension("partial");
            let file = std::fs::File::create(&partial)
                .with_context(|| format!("{}: cannot create", partial.display()))?;
            let mut writer = std::io::BufWriter::new(file);
            let count = write_all(store, &mut writer).await?;
            writer.flush()?;
            drop(writer);
            std::fs::rename(&partial, path).with_context(|| format!("{}: cannot write", path.display()))?;
            eprintln!("Exported {count} initiatives to {}.", path.display());
        }
    }
    Ok(())
}

async fn write_all(store: &Store, writer: &mut impl Write) -> anyhow::Result<usize> {
    let mut after: Option<String> = None;
    let mut count = 0;
    loop {
        let batch = store.published_batch(after.as_deref(), 1_000).await?;
        let Some(last) = batch.last() else { break };
        after = Some(last.record.id.clone());
        for stored in &batch {
            serde_json::to_writer(&mut *writer, &stored.record)?;
            writer.write_all(b"\n")?;
        }
        count += batch.len();
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(name: &str, text: &str) -> (String, Vec<u8>) {
        (name.to_string(), text.as_bytes().to_vec())
    }

    const GOOD: &str = r#"{"id":"a","language":"en","title":{"en":"Rent relief"},"summary":{"en":"Help."},"city":"Berlin","country":"DE","themes":["housing"],"kind":"program"}"#;

    #[test]
    fn reports_every_problem_with_file_line_and_field() {
        let bad_json = "{\"id\": \"b\",";
        let bad_theme = GOOD.replace("\"a\"", "\"c\"").replace("housing", "castles");
        let text = format!("{GOOD}\n\n{bad_json}\n{bad_theme}\n{GOOD}\n");
        let problems = parse_sources(&[source("in.jsonl", &text)]).unwrap_err();
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(lines[0].starts_with("in.jsonl:3: json: not valid JSON at column"), "{lines:?}");
        assert!(lines[1].starts_with("in.jsonl:4: themes[0]: \"castles\" is not a theme"), "{lines:?}");
        assert_eq!(
            lines[2],
            "in.jsonl:5: id: \"a\" appears again (first at in.jsonl:1); give each initiative once per import"
        );
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn a_byte_order_mark_before_the_first_record_is_not_an_error() {
        let input = parse_sources(&[source("bom.jsonl", &format!("\u{FEFF}{GOOD}\n"))]).unwrap();
        assert_eq!(input.records.len(), 1);
        assert_eq!(input.records[0].id, "a");
    }

    #[test]
    fn warns_once_per_unknown_field() {
        let extra = GOOD.replacen('{', "{\"colour\":\"red\",", 1);
        let second = extra.replace("\"a\"", "\"b\"");
        let input = parse_sources(&[source("x.jsonl", &format!("{extra}\n{second}"))]).unwrap();
        assert_eq!(input.records.len(), 2);
        assert_eq!(
            input.warnings,
            vec!["x.jsonl:1: colour: not a field of format 1; ignored (on this line and any other)"]
        );
    }

    #[test]
    fn invalid_utf8_and_non_objects_are_reported() {
        let mut bytes = b"[1,2]\n".to_vec();
        bytes.extend([0xff, 0xfe, b'\n']);
        let problems = parse_sources(&[("b.jsonl".into(), bytes)]).unwrap_err();
        assert_eq!(problems[0].to_string(), "b.jsonl:1: record: expected a JSON object");
        assert_eq!(problems[1].to_string(), "b.jsonl:2: json: the line is not valid UTF-8");
    }

    #[test]
    fn the_demo_data_is_valid_and_rich_enough() {
        let input = parse_sources(&crate::demo::sources()).expect("demo data is valid");
        assert!(input.warnings.is_empty(), "{:?}", input.warnings);
        let records = &input.records;
        assert!(records.len() >= 90, "{} initiatives", records.len());
        for &lang in praxis_domain::Lang::all() {
            let n = records.iter().filter(|r| r.language == lang).count();
            assert!(n >= 16, "{lang}: only {n} demo initiatives");
        }
        for theme in <praxis_domain::Theme as praxis_domain::Vocabulary>::ALL {
            let n = records.iter().filter(|r| r.themes.contains(theme)).count();
            assert!(n >= 3, "{theme}: {n}");
        }
        let places: std::collections::BTreeSet<_> =
            records.iter().map(|r| (r.city.clone(), r.country.clone())).collect();
        assert!(places.len() >= 30, "{} places", places.len());
        assert!(records.iter().filter(|r| r.title.0.len() > 1).count() >= 10, "some have translations");
    }
}
