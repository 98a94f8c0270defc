//! Collects the demo initiatives, every `data/demo/initiatives-*.jsonl`, so a language
//! adds its demo initiatives as a file.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(&std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
        .join("../../data/demo");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .expect("demo folder")
        .map(|e| e.expect("demo entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("initiatives-") && n.ends_with(".jsonl"))
        })
        .collect();
    files.sort();
    let mut code = String::from("/// The demo initiatives: (name, JSON Lines).\n");
    code.push_str("const DEMO_INITIATIVES: &[(&str, &str)] = &[\n");
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        let _ = writeln!(code, "    (\"demo/{name}\", include_str!({:?})),", file.display().to_string());
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("demo.rs");
    std::fs::write(out, code).expect("write demo.rs");
}
