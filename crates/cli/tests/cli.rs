//! The `praxis` binary as scripts use it: import, export and their error reports.

use std::path::Path;
use std::process::{Command, Output};

fn praxis(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_praxis"))
        .args(args)
        .arg("--data")
        .arg(data)
        .env_remove("PRAXIS_DATABASE_URL")
        .env_remove("PRAXIS_DATA")
        .output()
        .expect("praxis runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn demo_file(lang: &str) -> String {
    format!("{}/../../data/demo/initiatives-{lang}.jsonl", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn export_import_export_gives_identical_bytes() {
    let first = tempfile::tempdir().unwrap();
    let files = [demo_file("en"), demo_file("fr"), demo_file("es")];
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    let out = praxis(first.path(), &args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("96 new"), "{}", text(&out.stdout));

    let exported = praxis(first.path(), &["export"]);
    assert!(exported.status.success());
    assert_eq!(text(&exported.stdout).lines().count(), 96);

    let dump = first.path().join("dump.jsonl");
    std::fs::write(&dump, &exported.stdout).unwrap();
    let second = tempfile::tempdir().unwrap();
    let out = praxis(second.path(), &["import", dump.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out_file = second.path().join("again.jsonl");
    let again = praxis(second.path(), &["export", "--out", out_file.to_str().unwrap()]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert_eq!(std::fs::read(out_file).unwrap(), exported.stdout, "byte-identical");
}

#[test]
fn bad_input_reports_every_problem_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = r#"{"id":"ok-1","language":"es","title":{"es":"Huertos urbanos"},"summary":{"es":"Huertos en azoteas."},"city":"Rosario","country":"AR","themes":["food"],"kind":"project"}"#;
    let bad = [
        good.to_string(),
        good.replace("ok-1", "bad-2").replace("\"food\"", "\"farming\""),
        good.replace("ok-1", "bad-3").replace("\"AR\"", "\"Argentina\""),
        "{not json".to_string(),
        good.replace("ok-1", "bad-5")
            .replace("\"title\":{\"es\":\"Huertos urbanos\"}", "\"title\":{\"en\":\"Urban gardens\"}"),
    ]
    .join("\n");
    let file = dir.path().join("bad.jsonl");
    std::fs::write(&file, bad).unwrap();
    let name = file.display().to_string();
    let out = praxis(&dir.path().join("data"), &["import", &name]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains(&format!("{name}:2: themes[0]: \"farming\" is not a theme")), "{stderr}");
    assert!(
        stderr
            .contains(&format!("{name}:3: country: \"Argentina\" is not an ISO 3166-1 alpha-2 country code")),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("{name}:4: json: not valid JSON at column")), "{stderr}");
    assert!(
        stderr.contains(&format!("{name}:5: title: must include the original language \"es\"")),
        "{stderr}"
    );
    assert!(stderr.contains("4 problems found; nothing was imported"), "{stderr}");

    let exported = praxis(&dir.path().join("data"), &["export"]);
    assert!(exported.status.success());
    assert!(exported.stdout.is_empty(), "the good line was not written either");
}

#[test]
fn the_same_id_again_updates_instead_of_duplicating() {
    let dir = tempfile::tempdir().unwrap();
    let v1 = r#"{"id":"same","language":"fr","title":{"fr":"Budget participatif"},"summary":{"fr":"Première version."},"city":"Paris","country":"FR","themes":["governance-participation"],"kind":"program","colour":"blue"}"#;
    let file = dir.path().join("v1.jsonl");
    std::fs::write(&file, v1).unwrap();
    let out = praxis(&dir.path().join("data"), &["import", file.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(
        text(&out.stderr).contains(":1: colour: not a field of format 1; ignored"),
        "{}",
        text(&out.stderr)
    );
    std::fs::write(&file, v1.replace("Première version.", "Deuxième version.")).unwrap();
    let out = praxis(&dir.path().join("data"), &["import", file.to_str().unwrap()]);
    assert!(text(&out.stdout).contains("0 new, 1 updated"), "{}", text(&out.stdout));
    let exported = text(&praxis(&dir.path().join("data"), &["export"]).stdout);
    assert_eq!(exported.lines().count(), 1);
    assert!(exported.contains("Deuxième version."));
}

#[test]
fn missing_files_and_bad_usage_have_distinct_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let out = praxis(dir.path(), &["import", "/nonexistent/file.jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("/nonexistent/file.jsonl: cannot read the file"));
    let usage = Command::new(env!("CARGO_BIN_EXE_praxis")).arg("frobnicate").output().unwrap();
    assert_eq!(usage.status.code(), Some(2));
    for command in ["demo", "serve", "migrate", "import", "export", "reindex", "bench"] {
        let help = Command::new(env!("CARGO_BIN_EXE_praxis")).args([command, "--help"]).output().unwrap();
        assert!(help.status.success(), "{command} --help");
    }
    let migrate = praxis(dir.path(), &["migrate"]);
    assert!(migrate.status.success(), "{}", text(&migrate.stderr));
    let reindex = praxis(dir.path(), &["reindex"]);
    assert!(text(&reindex.stdout).contains("Indexed 0 published initiatives"));
}

#[test]
fn user_add_and_token_create_follow_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    // A member needs an organisation; a bad address or role is refused.
    let out = praxis(data, &["user", "add", "--email", "ana@rosario.gob.ar", "--role", "member"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("--organisation"));
    let out = praxis(data, &["user", "add", "--email", "not-an-address", "--role", "editor"]);
    assert_eq!(out.status.code(), Some(1));
    let out = praxis(data, &["user", "add", "--email", "x@y.org", "--role", "root"]);
    assert_eq!(out.status.code(), Some(2), "an unknown role is a usage error");

    let out = praxis(
        data,
        &[
            "user",
            "add",
            "--email",
            "Ana@Rosario.gob.ar",
            "--role",
            "member",
            "--organisation",
            "Municipalidad de Rosario",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("ana@rosario.gob.ar as member of Municipalidad de Rosario"), "{stdout}");
    assert!(stdout.contains("/en/password/reset?token="), "a link to choose the password: {stdout}");
    let out = praxis(data, &["user", "add", "--email", "ana@rosario.gob.ar", "--role", "editor"]);
    assert!(text(&out.stdout).starts_with("Updated"), "the same address updates the account");

    // token create prints the token and nothing else.
    let out = praxis(data, &["token", "create", "--email", "ana@rosario.gob.ar"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let token = text(&out.stdout);
    assert_eq!(token.lines().count(), 1);
    assert!(token.trim().starts_with("praxis_") && token.trim().len() > 40, "{token}");
    let out = praxis(data, &["token", "create", "--email", "nobody@example.org"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("praxis user add"));
}

#[test]
fn backup_and_restore_move_an_installation_and_refuse_a_filled_store() {
    let first = tempfile::tempdir().unwrap();
    let out = praxis(first.path(), &["import", &demo_file("fr")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let add = praxis(first.path(), &["user", "add", "--email", "ed@example.org", "--role", "editor"]);
    assert!(add.status.success(), "{}", text(&add.stderr));

    let archive = first.path().join("backup.tar.gz");
    let backed = praxis(first.path(), &["backup", "--out", archive.to_str().unwrap()]);
    assert!(backed.status.success(), "{}", text(&backed.stderr));
    assert!(text(&backed.stderr).contains("Backed up"), "{}", text(&backed.stderr));

    let second = tempfile::tempdir().unwrap();
    let restored = praxis(second.path(), &["restore", archive.to_str().unwrap()]);
    assert!(restored.status.success(), "{}", text(&restored.stderr));
    assert!(text(&restored.stderr).contains("from sqlite (schema"), "{}", text(&restored.stderr));
    assert_eq!(praxis(second.path(), &["export"]).stdout, praxis(first.path(), &["export"]).stdout);

    // Again into the same store: refused, exit 1, and the store is as it was.
    let again = praxis(second.path(), &["restore", archive.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("already holds data"), "{}", text(&again.stderr));
    assert_eq!(praxis(second.path(), &["export"]).stdout, praxis(first.path(), &["export"]).stdout);

    let missing = praxis(second.path(), &["restore", "/nonexistent/backup.tar.gz"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("/nonexistent/backup.tar.gz"), "{}", text(&missing.stderr));
}
