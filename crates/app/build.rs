//! Collects every Fluent file under `crates/web/locales/{lang}/` (interface and e-mail
//! strings) and `crates/domain/locales/{lang}/` (vocabulary and country names), so a
//! feature adds its strings as a new file and a language as a new folder, without
//! editing a shared list.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let crates =
        Path::new(&std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("..");
    let mut by_lang: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for root in [crates.join("web/locales"), crates.join("domain/locales")] {
        println!("cargo:rerun-if-changed={}", root.display());
        let mut langs: Vec<_> = std::fs::read_dir(&root)
            .expect("locales folder")
            .map(|e| e.expect("locales entry").path())
            .filter(|p| p.is_dir())
            .collect();
        langs.sort();
        for dir in langs {
            println!("cargo:rerun-if-changed={}", dir.display());
            let code = dir.file_name().and_then(|n| n.to_str()).expect("utf-8 folder name").to_string();
            let mut files: Vec<_> = std::fs::read_dir(&dir)
                .expect("language folder")
                .map(|e| e.expect("language entry").path())
                .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
                .collect();
            files.sort();
            for file in &files {
                println!("cargo:rerun-if-changed={}", file.display());
            }
            by_lang.entry(code).or_default().extend(files);
        }
    }
    let mut code =
        String::from("/// Fluent sources per language code: the interface's files, then the domain's.\n");
    code.push_str("pub static LOCALE_FILES: &[(&str, &[(&str, &str)])] = &[\n");
    for (lang, files) in by_lang {
        let _ = write!(code, "    ({lang:?}, &[");
        for file in files {
            let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
            let _ = write!(code, "({name:?}, include_str!({:?})), ", file.display().to_string());
        }
        code.push_str("]),\n");
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("locales.rs");
    std::fs::write(out, code).expect("write locales.rs");
}
