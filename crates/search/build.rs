//! Collects the glossary: every `data/glossary/*.jsonl` (concepts, with labels in any
//! languages) and then every `data/glossary/{lang}/*.jsonl` (one language's labels), so
//! a language adds its labels as files.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn jsonl(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("glossary folder")
        .map(|e| e.expect("glossary entry").path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    files
}

fn main() {
    let root = Path::new(&std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
        .join("../../data/glossary");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = jsonl(&root);
    let mut langs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("glossary folder")
        .map(|e| e.expect("glossary entry").path())
        .filter(|p| p.is_dir())
        .collect();
    langs.sort();
    for dir in langs {
        println!("cargo:rerun-if-changed={}", dir.display());
        files.extend(jsonl(&dir));
    }
    let mut code =
        String::from("/// Glossary sources: (path under data/glossary, text), concept files first.\n");
    code.push_str("const GLOSSARY_FILES: &[(&str, &str)] = &[\n");
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let name = file.strip_prefix(&root).unwrap_or(&file).display().to_string();
        let _ =
            writeln!(code, "    (\"data/glossary/{name}\", include_str!({:?})),", file.display().to_string());
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("glossary.rs");
    std::fs::write(out, code).expect("write glossary.rs");
}
