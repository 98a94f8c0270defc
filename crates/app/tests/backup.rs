//! `praxis backup` and `praxis restore`: a store holding every kind of record, backed up,
//! restored into the other backend (PostgreSQL when `PRAXIS_TEST_DATABASE_URL` names a
//! server, else a second SQLite store), compares table by table and file by file; and a
//! restore that cannot be done whole keeps nothing.

use praxis_app::backup::{self, BackupError, Progress};
use praxis_domain::{
    CallRecord, EventRecord, InitiativeRecord, Lang, Role, SignatureInput, SignatureRequest, Status,
};
use praxis_store::{Letter, NewRegistration, SecondFactor, SnapshotItem, Store, StoreConfig, TABLES};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::Path;

fn demo_records(code: &str, take: usize) -> Vec<InitiativeRecord> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../data/demo/initiatives-{code}.jsonl"));
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(take)
        .map(|l| InitiativeRecord::from_json(&serde_json::from_str(l).unwrap()).unwrap().record)
        .collect()
}

fn call() -> CallRecord {
    serde_json::from_value(json!({
        "id": "green-metropolises",
        "title": {"en": "Green metropolises", "fr": "Métropoles vertes"},
        "text": {"en": "We **commit**.", "fr": "Nous nous **engageons**."},
        "working_points": [
            {"id": "trees", "text": {"en": "Plant trees", "fr": "Planter des arbres"}},
            {"id": "transit", "text": {"en": "Clean transit", "fr": "Transports propres"}}
        ],
        "opens": "2026-01-15",
        "status": "open"
    }))
    .unwrap()
}

fn signature(institution: &str, city: &str) -> SignatureRequest {
    let input = SignatureInput {
        institution: institution.into(),
        kind: "metropolitan-government".into(),
        city: city.into(),
        country: "ES".into(),
        representative_name: "Ana Pérez".into(),
        representative_role: "Coordinadora".into(),
        email: "ana@example.org".into(),
        working_points: vec!["trees".into(), "transit".into()],
        consent: true,
    };
    SignatureRequest::parse(&input, &call(), Lang::known("es")).unwrap()
}

fn event() -> EventRecord {
    EventRecord::from_json(&json!({
        "id": "peer-exchange-housing",
        "language": "es",
        "title": {"es": "Intercambio sobre vivienda", "en": "Housing exchange"},
        "description": {"es": "Una sesión entre pares."},
        "format": "peer-exchange",
        "start": "2027-03-10T15:00",
        "end": "2027-03-10T16:30",
        "time_zone": "Europe/Madrid",
        "languages": ["es", "en"],
        "interpretation": ["fr"],
        "themes": ["housing"],
        "capacity": 1,
        "online_link": "https://meet.example.org/secret"
    }))
    .expect("valid fixture")
}

/// Fills a store with at least one row in every table, through the store's own writes
/// wherever one exists, and keeps an attachment in the data folder.
async fn fill(store: &Store, data_dir: &Path) {
    let mut records = demo_records("fr", 4);
    records.extend(demo_records("es", 3));
    store.import(&records, "import", &|_| {}).await.unwrap();
    // A revision, a draft and a proposed change.
    let mut changed = records[0].clone();
    changed.summary.0.insert(Lang::known("fr"), "Un résumé revu, « avec guillemets » et\nune ligne.".into());
    store.save_initiative(&changed, "editor@example.org").await.unwrap();
    let mut draft = records[1].clone();
    draft.id = "draft-one".into();
    draft.status = Status::Draft;
    store.save_initiative(&draft, "member@example.org").await.unwrap();
    let mut proposal = records[2].clone();
    proposal.summary.0.insert(Lang::known("fr"), "Changement proposé".into());
    store.propose_initiative(&proposal, "member@example.org").await.unwrap();

    // Accounts: an admin with a two-step key, a member of an organisation, sessions,
    // tokens, a one-time link, an audit entry, a membership decision.
    let admin_id = store
        .create_user("admin@example.org", "Ada Admin", Some("$argon2id$hash"), Role::Admin, "fr")
        .await
        .unwrap();
    store.set_totp_secret(admin_id, "JBSWY3DPEHPK3PXP").await.unwrap();
    store.enable_totp(admin_id).await.unwrap();
    store.use_totp_step(admin_id, 59_000_001).await.unwrap();
    let member_id = store
        .upsert_user("member@lyon.fr", "Marie Membre", Role::Member, Some("Métropole de Lyon"))
        .await
        .unwrap();
    store.create_session_with(admin_id, SecondFactor::Pending).await.unwrap();
    store.create_session(member_id).await.unwrap();
    store.create_api_token(admin_id, "nightly import").await.unwrap();
    store.create_one_time(member_id, "password", 3_600).await.unwrap();
    store.hit("sign-in:member@lyon.fr").await.unwrap();
    // A document vector computed, and one a node has claimed and is computing.
    store.put_passage_vector("0123456789abcdef", "AACAPwF/gQ==").await.unwrap();
    assert!(store.claim_passage("fedcba9876543210", 600).await.unwrap());
    let admin = store.user(admin_id).await.unwrap().unwrap();
    let organisation = store.memberships_of(member_id).await.unwrap().remove(0).organisation;
    store.decide_membership(member_id, organisation.id, true, &admin).await.unwrap();
    store.audit(&admin, "user.role", "user", "member@lyon.fr", "member").await.unwrap();

    // A call, a verified signatory with its commitments and initiatives, a request.
    store.save_call(&call(), "editor@example.org").await.unwrap();
    let first = store
        .request_signature(
            "green-metropolises",
            &signature("Ayuntamiento de Bilbao", "Bilbao"),
            "198.51.100.7",
        )
        .await
        .unwrap();
    store.confirm_request(&first.token).await.unwrap();
    let signatory = store.verify_request(first.id, "editor@example.org").await.unwrap();
    store
        .set_signatory_initiatives("green-metropolises", &signatory.slug, &[records[3].id.clone()])
        .await
        .unwrap();
    store
        .request_signature("green-metropolises", &signature("Ayuntamiento de Vigo", "Vigo"), "198.51.100.8")
        .await
        .unwrap();

    // An event with a confirmed registration and one on the waiting list.
    store.save_event(&event(), "editor@example.org").await.unwrap();
    let now = "2027-01-05T10:00:00Z".parse().unwrap();
    for n in 1..=2 {
        let who = NewRegistration {
            name: format!("Persona {n}"),
            email: format!("persona{n}@example.org"),
            organisation: Some("Intendencia".into()),
            account_id: None,
            language: Lang::known("es"),
        };
        store.register("peer-exchange-housing", &who, now).await.unwrap();
    }

    // A report, a written letter in the queue.
    store.report(&records[4].id, "spam", "Répété trois fois.", Some(member_id)).await.unwrap();
    let letter = Letter {
        kind: "mail-test".into(),
        to: "someone@example.org".into(),
        subject: "Sujet".into(),
        body: "Corps ✓".into(),
    };
    store.queue_letter(&letter).await.unwrap();

    // Tables only older versions wrote, kept until their contract migration.
    for sql in [
        "INSERT INTO sign_in_failures (subject, at) VALUES ('old@example.org', '2026-01-01T00:00:00.000000Z')",
        "INSERT INTO initiative_revisions (initiative_id, revision, record, author, created_at) \
         SELECT id, 99, record, 'old', created_at FROM initiatives WHERE external_id = 'draft-one'",
        "INSERT INTO call_versions (call_id, version, record, author, created_at) \
         SELECT id, 99, record, 'old', created_at FROM calls",
        "INSERT INTO event_mail (registration_id, kind, due_at) \
         SELECT id, 'legacy', '2027-01-01T00:00:00.000000Z' FROM registrations",
    ] {
        store.run_sql(sql).await.unwrap();
    }

    let files = backup::files_dir(data_dir);
    std::fs::create_dir_all(&files).unwrap();
    let pdf = b"%PDF-1.4 a tiny report\n%%EOF\n";
    std::fs::write(files.join(format!("{}.pdf", "a".repeat(64))), pdf).unwrap();
    std::fs::write(files.join(format!("{}.png", "b".repeat(64))), [0x89, b'P', b'N', b'G', 0, 1, 2, 255])
        .unwrap();
}

/// Every table as its columns and its rows (as JSON text, sorted: the backends may order
/// text keys differently).
async fn tables(store: &Store) -> BTreeMap<String, (Vec<String>, Vec<String>)> {
    let mut out: BTreeMap<String, (Vec<String>, Vec<String>)> = BTreeMap::new();
    let mut current = String::new();
    store
        .snapshot(|item| -> Result<(), ()> {
            match item {
                SnapshotItem::Table { name, columns, .. } => {
                    current = name.to_string();
                    out.insert(current.clone(), (columns.to_vec(), Vec::new()));
                }
                SnapshotItem::Row(values) => {
                    out.get_mut(&current).unwrap().1.push(serde_json::to_string(values).unwrap());
                }
            }
            Ok(())
        })
        .await
        .unwrap()
        .unwrap();
    for (_, rows) in out.values_mut() {
        rows.sort();
    }
    out
}

fn files(data_dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(backup::files_dir(data_dir)) else { return BTreeMap::new() };
    entries
        .map(|e| e.unwrap())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// A new, empty store of the other kind: PostgreSQL when configured, else SQLite.
async fn other_backend() -> (Store, Option<(Store, String)>) {
    match std::env::var("PRAXIS_TEST_DATABASE_URL") {
        Ok(url) => {
            static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
            let admin = Store::connect(&StoreConfig::Url(url.clone())).await.unwrap();
            let name = format!(
                "praxis_backup_{}_{}",
                std::process::id(),
                COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            );
            admin.run_sql(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await.unwrap();
            admin.run_sql(&format!("CREATE DATABASE {name}")).await.unwrap();
            let (base, _) = url.rsplit_once('/').unwrap();
            let store = Store::connect(&StoreConfig::Url(format!("{base}/{name}"))).await.unwrap();
            (store, Some((admin, name)))
        }
        Err(_) => {
            let dir = tempfile::tempdir().unwrap().keep();
            (Store::connect(&StoreConfig::DataFolder(dir)).await.unwrap(), None)
        }
    }
}

async fn drop_other((store, admin): (Store, Option<(Store, String)>)) {
    store.close().await;
    if let Some((admin, name)) = admin {
        admin.run_sql(&format!("DROP DATABASE {name} WITH (FORCE)")).await.unwrap();
    }
}

fn quiet() -> impl FnMut(Progress) {
    |_| {}
}

#[tokio::test]
async fn the_backup_lists_every_table_of_both_schemas() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&StoreConfig::DataFolder(dir.path().to_path_buf())).await.unwrap();
    let mut listed: Vec<String> = TABLES.iter().map(|(t, _)| t.to_string()).collect();
    listed.sort();
    assert_eq!(store.table_names().await.unwrap(), listed, "a table the backup does not carry");
    let (other, admin) = other_backend().await;
    other.migrate().await.unwrap();
    assert_eq!(other.table_names().await.unwrap(), listed);
    drop_other((other, admin)).await;
}

#[tokio::test]
async fn a_full_store_moves_to_the_other_backend_and_back_unchanged() {
    let source_dir = tempfile::tempdir().unwrap();
    let source = Store::open(&StoreConfig::DataFolder(source_dir.path().to_path_buf())).await.unwrap();
    fill(&source, source_dir.path()).await;
    let before = tables(&source).await;
    for (table, (_, rows)) in &before {
        assert!(!rows.is_empty(), "the fixture leaves {table} empty, so the round trip would not check it");
    }

    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("praxis.tar.gz");
    let mut seen = Vec::new();
    let manifest = backup::backup(&source, source_dir.path(), &archive, &mut |p| seen.push(p)).await.unwrap();
    assert_eq!(manifest.tables.len(), TABLES.len());
    assert_eq!(manifest.files.len(), 2);
    assert_eq!(manifest.schema_version, source.latest_schema_version());
    let last = seen.last().unwrap();
    assert_eq!(last.done, last.total, "the progress ends full");
    assert!(!work.path().join("praxis.tar.gz.partial").exists());

    // Into the other backend.
    let (target, admin) = other_backend().await;
    let target_dir = tempfile::tempdir().unwrap();
    let restored = backup::restore(&target, target_dir.path(), &archive, &mut quiet()).await.unwrap();
    assert_eq!(restored.rows, before.values().map(|(_, r)| r.len() as u64).sum::<u64>());
    // Every table comes back as it was, but for the old site's claims on vectors it had
    // not computed yet: the new site's nodes compute those.
    let mut before = before;
    before.get_mut("passage_vectors").unwrap().1.retain(|row| !row.contains("null"));
    assert_eq!(before["passage_vectors"].1.len(), 1, "the computed vector stays");
    assert_eq!(tables(&target).await, before, "every table comes back as it was");
    assert_eq!(files(target_dir.path()), files(source_dir.path()), "every attachment comes back");
    assert_eq!(target.schema_version().await.unwrap(), target.latest_schema_version());

    // What people see is the same: the published initiatives, the register, the event.
    let published = |s: Store| async move { s.published_batch(None, 1_000).await.unwrap() };
    assert_eq!(published(target.clone()).await, published(source.clone()).await);
    assert_eq!(
        target.signatories("green-metropolises").await.unwrap(),
        source.signatories("green-metropolises").await.unwrap()
    );
    assert_eq!(
        target.registrations("peer-exchange-housing").await.unwrap(),
        source.registrations("peer-exchange-housing").await.unwrap()
    );

    // New records after a restore get new ids (PostgreSQL's counters moved on).
    let id = target.create_user("new@example.org", "New", None, Role::Member, "en").await.unwrap();
    assert!(source.user_by_email("new@example.org").await.unwrap().is_none());
    let users: Vec<String> = target.texts("SELECT email FROM users ORDER BY id").await.unwrap();
    assert_eq!(
        users.last().map(String::as_str),
        Some("new@example.org"),
        "id {id} follows the restored ones"
    );

    // And back: a backup of the restored store restores into SQLite as the original.
    let again = work.path().join("again.tar.gz");
    let target_without_new = {
        target.run_sql("DELETE FROM users WHERE email = 'new@example.org'").await.unwrap();
        target
    };
    backup::backup(&target_without_new, target_dir.path(), &again, &mut quiet()).await.unwrap();
    let home_dir = tempfile::tempdir().unwrap();
    let home = Store::connect(&StoreConfig::DataFolder(home_dir.path().to_path_buf())).await.unwrap();
    backup::restore(&home, home_dir.path(), &again, &mut quiet()).await.unwrap();
    assert_eq!(tables(&home).await, before);
    assert_eq!(files(home_dir.path()), files(source_dir.path()));
    drop_other((target_without_new, admin)).await;
}

#[tokio::test]
async fn a_restore_goes_only_into_an_empty_store_and_keeps_nothing_of_a_damaged_archive() {
    let source_dir = tempfile::tempdir().unwrap();
    let source = Store::open(&StoreConfig::DataFolder(source_dir.path().to_path_buf())).await.unwrap();
    fill(&source, source_dir.path()).await;
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("praxis.tar.gz");
    backup::backup(&source, source_dir.path(), &archive, &mut quiet()).await.unwrap();

    // Not into a store that holds data.
    let e = backup::restore(&source, source_dir.path(), &archive, &mut quiet()).await.unwrap_err();
    assert!(matches!(e, BackupError::Refused(_)), "{e}");
    assert!(e.to_string().contains("already holds data (table places)"), "{e}");

    // An archive whose rows were altered: the checksum catches it and nothing is kept.
    let unpacked = work.path().join("unpacked");
    let mut tar = tar::Archive::new(flate2::read::GzDecoder::new(std::fs::File::open(&archive).unwrap()));
    tar.unpack(&unpacked).unwrap();
    let users = unpacked.join("tables/users.jsonl");
    let text = std::fs::read_to_string(&users).unwrap();
    std::fs::write(&users, text.replace("Ada Admin", "Eve Admin")).unwrap();
    let damaged = work.path().join("damaged.tar.gz");
    repack(&unpacked, &damaged, false);
    let (target, admin) = other_backend().await;
    let target_dir = tempfile::tempdir().unwrap();
    let e = backup::restore(&target, target_dir.path(), &damaged, &mut quiet()).await.unwrap_err();
    assert!(e.to_string().contains("tables/users.jsonl: does not match its checksum"), "{e}");
    assert_eq!(target.first_filled_table().await.unwrap(), None, "nothing was kept");
    assert!(files(target_dir.path()).is_empty(), "no attachment was left behind");

    // A row that does not fit its column is named by table, line and column; with the
    // manifest made to agree, only the content is wrong.
    std::fs::write(&users, text.replacen("\"Ada Admin\"", "17", 1)).unwrap();
    let line = text.lines().position(|l| l.contains("Ada Admin")).unwrap() + 1;
    let manifest_path = unpacked.join("manifest.json");
    let mut manifest: Value = serde_json::from_slice(&std::fs::read(&manifest_path).unwrap()).unwrap();
    let bytes = std::fs::read(&users).unwrap();
    for table in manifest["tables"].as_array_mut().unwrap() {
        if table["name"] == "users" {
            table["bytes"] = json!(bytes.len());
            table["sha256"] = json!(sha256(&bytes));
        }
    }
    std::fs::write(&manifest_path, serde_json::to_vec(&manifest).unwrap()).unwrap();
    repack(&unpacked, &damaged, false);
    let e = backup::restore(&target, target_dir.path(), &damaged, &mut quiet()).await.unwrap_err();
    assert!(
        e.to_string().contains(&format!(
            "tables/users.jsonl: users row {line}: column name holds 17, where text belongs"
        )),
        "{e}"
    );
    assert_eq!(target.first_filled_table().await.unwrap(), None);

    // Tables out of the manifest's order would break references: refused by name.
    std::fs::write(&users, &text).unwrap();
    repack(&unpacked, &damaged, true);
    let e = backup::restore(&target, target_dir.path(), &damaged, &mut quiet()).await.unwrap_err();
    assert!(e.to_string().contains("tables must follow manifest.json's order"), "{e}");
    assert_eq!(target.first_filled_table().await.unwrap(), None);

    // Something that is not a backup at all.
    let e = backup::restore(&target, target_dir.path(), &users, &mut quiet()).await.unwrap_err();
    assert!(e.to_string().contains("not a Praxis backup"), "{e}");
    drop_other((target, admin)).await;
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Packs an unpacked archive again: the manifest, then the entries in its order (or, with
/// `sorted`, by name).
fn repack(dir: &Path, out: &Path, sorted: bool) {
    let manifest: Value = serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    let mut names: Vec<String> = manifest["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| format!("tables/{}.jsonl", t["name"].as_str().unwrap()))
        .chain(
            manifest["files"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| format!("files/{}", f["name"].as_str().unwrap())),
        )
        .collect();
    if sorted {
        names.sort();
    }
    let file = std::fs::File::create(out).unwrap();
    let mut tar = tar::Builder::new(flate2::write::GzEncoder::new(file, flate2::Compression::fast()));
    tar.append_path_with_name(dir.join("manifest.json"), "manifest.json").unwrap();
    for name in names {
        tar.append_path_with_name(dir.join(&name), &name).unwrap();
    }
    tar.into_inner().unwrap().finish().unwrap();
}
