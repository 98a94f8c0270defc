//! Collects every Fluent file under `locales/{lang}/` so a feature adds its strings as a
//! new file (`locales/fr/events.ftl`) without editing a shared list.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut code = String::from("/// Fluent sources per language code, in file-name order.\n");
    code.push_str("pub static LOCALE_FILES: &[(&str, &[&str])] = &[\n");
    let mut langs: Vec<_> = std::fs::read_dir(&root)
        .expect("locales folder")
        .map(|e| e.expect("locales entry").path())
        .filter(|p| p.is_dir())
        .collect();
    langs.sort();
    for dir in langs {
        println!("cargo:rerun-if-changed={}", dir.display());
        let code_name = dir.file_name().and_then(|n| n.to_str()).expect("utf-8 folder name").to_string();
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("language folder")
            .map(|e| e.expect("language entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        let _ = write!(code, "    ({code_name:?}, &[");
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            let _ = write!(code, "include_str!({:?}), ", file.display().to_string());
        }
        code.push_str("]),\n");
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("locales.rs");
    std::fs::write(out, code).expect("write locales.rs");
}
