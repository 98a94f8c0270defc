//! Several app nodes on one database: an initiative imported through one process appears
//! in the search index of every running `praxis serve` within two seconds, because each
//! follows the store's change feed. Runs on PostgreSQL when `PRAXIS_TEST_DATABASE_URL`
//! is set (as in CI), else on one shared SQLite file.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn get(port: u16, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n").ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    response.split_once("\r\n\r\n").map(|(_, body)| body.to_string())
}

fn database_args(dir: &std::path::Path, test: &str) -> (Vec<String>, Option<String>) {
    match std::env::var("PRAXIS_TEST_DATABASE_URL") {
        Ok(admin) => {
            // A database of its own on the server.
            let name = format!("praxis_{test}_{}", std::process::id());
            let (base, _) = admin.rsplit_once('/').unwrap();
            let status =
                Command::new("psql").args([&admin, "-qc", &format!("CREATE DATABASE {name}")]).status();
            assert!(status.map(|s| s.success()).unwrap_or(false), "psql could not create {name}");
            (vec!["--database-url".into(), format!("{base}/{name}")], Some(name))
        }
        Err(_) => (vec!["--data".into(), dir.display().to_string()], None),
    }
}

fn serve(args: &[String], port: u16, data: &std::path::Path) -> Server {
    serve_with(args, port, data, None)
}

/// `praxis serve` with the model at `model` (none: lexical and concept search only).
fn serve_with(args: &[String], port: u16, data: &std::path::Path, model: Option<&str>) -> Server {
    let child = Command::new(env!("CARGO_BIN_EXE_praxis"))
        .arg("serve")
        .args(args)
        .args(model.map(|m| vec!["--model", m]).unwrap_or_default())
        .args(["--addr", &format!("127.0.0.1:{port}")])
        .env("PRAXIS_DATA", data)
        .env_remove("PRAXIS_E5_MODEL")
        .env("HOME", data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("praxis serve starts");
    // Owned by the guard from here on, so it is killed and reaped on every path.
    let mut server = Server(child);
    let stdout = server.0.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        match lines.next() {
            Some(Ok(line)) if line.contains("is running at") => {
                // Keep reading, so that the server never writes into a closed pipe.
                std::thread::spawn(move || lines.for_each(drop));
                return server;
            }
            Some(Ok(_)) => continue,
            _ => break,
        }
    }
    panic!("praxis serve did not start on port {port}");
}

#[test]
fn a_new_initiative_reaches_every_node_within_two_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let (db, created) = database_args(dir.path(), "nodes");
    let migrate = Command::new(env!("CARGO_BIN_EXE_praxis")).arg("migrate").args(&db).output().unwrap();
    assert!(migrate.status.success(), "{}", String::from_utf8_lossy(&migrate.stderr));

    let (a, b) = (free_port(), free_port());
    let node_a = serve(&db, a, &dir.path().join("node-a"));
    let node_b = serve(&db, b, &dir.path().join("node-b"));

    let file = dir.path().join("new.jsonl");
    std::fs::write(
        &file,
        r#"{"id":"nodes-1","language":"es","title":{"es":"Huertas comunitarias en azoteas de Valparaíso"},"summary":{"es":"Azoteas municipales convertidas en huertas."},"city":"Valparaíso","country":"CL","themes":["food"],"kind":"project"}"#,
    )
    .unwrap();
    let written = Instant::now();
    let import =
        Command::new(env!("CARGO_BIN_EXE_praxis")).arg("import").args(&db).arg(&file).output().unwrap();
    assert!(import.status.success(), "{}", String::from_utf8_lossy(&import.stderr));

    for port in [a, b] {
        loop {
            let body = get(port, "/api/v1/search?q=azoteas&lang=es").unwrap_or_default();
            if body.contains("nodes-1") {
                break;
            }
            assert!(
                written.elapsed() < Duration::from_secs(2),
                "node on port {port} does not see the new initiative after 2 s: {body}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    drop((node_a, node_b));
    drop_database(created);
}

fn drop_database(created: Option<String>) {
    if let (Some(name), Ok(admin)) = (created, std::env::var("PRAXIS_TEST_DATABASE_URL")) {
        let _ = Command::new("psql")
            .args([&admin, "-qc", &format!("DROP DATABASE {name} WITH (FORCE)")])
            .status();
    }
}

/// The node's embedding figures: (indexed, pending, computed here, read from the store).
fn semantic(port: u16) -> Option<(u64, u64, u64, u64)> {
    let body = get(port, "/healthz/details")?;
    let v: serde_json::Value = serde_json::from_str(&body).ok()?;
    let s = &v["search"];
    Some((
        s["semantic_indexed"].as_u64()?,
        s["semantic_pending"].as_u64()?,
        s["semantic_computed"].as_u64()?,
        s["semantic_read_from_store"].as_u64()?,
    ))
}

/// Waits until the node has a vector for `n` initiatives and nothing pending.
fn embedded(port: u16, n: u64) -> (u64, u64, u64, u64) {
    let deadline = Instant::now() + Duration::from_secs(180);
    loop {
        let figures = semantic(port);
        if let Some(f @ (indexed, 0, _, _)) = figures {
            if indexed == n {
                return f;
            }
        }
        assert!(
            Instant::now() < deadline,
            "node on port {port} has not embedded {n} initiatives: {figures:?}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn a_node_joining_a_store_whose_vectors_are_complete_computes_none() {
    let Ok(model) = std::env::var("PRAXIS_E5_MODEL") else {
        assert!(std::env::var("CI").is_err(), "CI runs this test with the model (PRAXIS_E5_MODEL)");
        eprintln!("skipped: PRAXIS_E5_MODEL is not set");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (db, created) = database_args(dir.path(), "vectors");
    let file = dir.path().join("initiatives.jsonl");
    let places = [("Valparaíso", "CL", "es"), ("Lyon", "FR", "fr"), ("Leeds", "GB", "en")];
    let lines = |range: std::ops::Range<usize>| -> Vec<String> {
        range
        .map(|n| {
            let (city, country, lang) = places[n % 3];
            format!(
                r#"{{"id":"vec-{n}","language":"{lang}","title":{{"{lang}":"Initiative {n} à {city}"}},"summary":{{"{lang}":"Texte {n} sur l'eau, le logement et les transports."}},"city":"{city}","country":"{country}","themes":["housing"],"kind":"project"}}"#
            )
        })
        .collect()
    };
    let import = |records: Vec<String>| {
        std::fs::write(&file, records.join("\n")).unwrap();
        let import =
            Command::new(env!("CARGO_BIN_EXE_praxis")).arg("import").args(&db).arg(&file).output().unwrap();
        assert!(import.status.success(), "{}", String::from_utf8_lossy(&import.stderr));
    };
    import(lines(0..12));

    let a = free_port();
    let node_a = serve_with(&db, a, &dir.path().join("node-a"), Some(&model));
    let (_, _, computed, _) = embedded(a, 12);
    assert_eq!(computed, 12, "the first node computes every vector, once");

    // A new node on the same store reads them all and computes none.
    let b = free_port();
    let node_b = serve_with(&db, b, &dir.path().join("node-b"), Some(&model));
    let (_, _, computed, read) = embedded(b, 12);
    assert_eq!((computed, read), (0, 12), "the second node reads every vector from the store");
    let hits = get(b, "/api/v1/search?q=housing&lang=en&limit=12").unwrap_or_default();
    assert!(hits.contains("vec-1"), "the second node searches at once: {hits}");

    // New initiatives reach both nodes at once; each vector is computed by one of them.
    import(lines(12..24));
    let (_, _, computed_a, _) = embedded(a, 24);
    let (_, _, computed_b, _) = embedded(b, 24);
    assert_eq!(computed_a + computed_b, 24, "each new vector computed once ({computed_a} + {computed_b})");
    drop((node_a, node_b));
    drop_database(created);
}
