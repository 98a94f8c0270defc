//! Migrations that move data keep it: a database at the version before is filled, the
//! pending migrations run, and what was there is found in its new home. On SQLite, and
//! on PostgreSQL when `PRAXIS_TEST_DATABASE_URL` names a server.

use praxis_store::{Store, StoreConfig};

async fn migrate_until(store: &Store, before: i64) {
    store.migrate_before(before).await.unwrap();
}

async fn execute(store: &Store, sql: &str) {
    store.run_sql(sql).await.unwrap();
}

/// 0008 moves failed sign-ins into the one rate-limit table.
async fn rate_limits_keep_the_counts(store: Store) {
    migrate_until(&store, 8).await;
    let now = praxis_domain::stamp::stamp(jiff::Timestamp::now());
    for subject in ["account:ana@example.org", "account:ana@example.org", "address:203.0.113.7"] {
        execute(&store, &format!("INSERT INTO sign_in_failures (subject, at) VALUES ('{subject}', '{now}')"))
            .await;
    }
    store.migrate().await.unwrap();
    assert_eq!(store.hits("account:ana@example.org", 3600).await.unwrap(), 2);
    assert_eq!(store.hits("address:203.0.113.7", 3600).await.unwrap(), 1);
}

/// 0009 moves the event e-mail jobs into the one mail queue: a job not yet sent is
/// sent after the move, one already sent is not sent again.
async fn event_mail_moves_into_the_one_queue(store: Store) {
    migrate_until(&store, 9).await;
    let at = "2026-03-01T10:00:00.000000Z";
    for sql in [
        format!("INSERT INTO events (external_id, starts_at, ends_at, record, created_at, updated_at) \
                 VALUES ('e-old', '2026-04-01T10:00:00.000000Z', '2026-04-01T11:00:00.000000Z', '{{}}', '{at}', '{at}')"),
        format!("INSERT INTO registrations (event_id, name, email, language, status, token, created_at, updated_at) \
                 SELECT id, 'Ana', 'ana@example.org', 'fr', 'confirmed', 'tok-1', '{at}', '{at}' FROM events"),
        format!("INSERT INTO event_mail (registration_id, kind, due_at, sent_at) \
                 SELECT id, 'confirmation', '{at}', '{at}' FROM registrations"),
        "INSERT INTO event_mail (registration_id, kind, due_at) \
                 SELECT id, 'reminder', '2026-03-31T10:00:00.000000Z' FROM registrations".to_string(),
    ] {
        execute(&store, &sql).await;
    }
    store.migrate().await.unwrap();
    let registration = store.registration_by_token("tok-1").await.unwrap().unwrap();
    let jobs = store.mail_jobs(registration.id).await.unwrap();
    assert_eq!(jobs.iter().map(|j| j.0.as_str()).collect::<Vec<_>>(), ["confirmation", "reminder"]);
    let due = "2026-03-31T10:00:00Z".parse().unwrap();
    let claimed = store.claim_due_mail(due, "test", 10).await.unwrap();
    assert_eq!(claimed.len(), 1);
    assert_eq!(claimed[0].registration_kind(), Some(praxis_store::MailKind::Reminder));
}

async fn version_title(store: &Store, version: i64) -> String {
    store.call_version("c-old", version).await.unwrap().unwrap().title.0.values().next().unwrap().clone()
}

/// 0010 moves initiative revisions and call versions into the one revision table: every
/// initiative keeps its numbered revisions; a call keeps its versions from before
/// revisions were kept (0007) and after, in time order, each text readable by version.
async fn revisions_move_into_one_table(store: Store) {
    migrate_until(&store, 10).await;
    let record = |title: &str| {
        serde_json::json!({
            "id": "ini-old", "language": "en", "title": {"en": title}, "summary": {"en": "A summary."},
            "city": "Lyon", "country": "FR", "themes": ["housing"], "kind": "program", "status": "published"
        })
        .to_string()
    };
    let call = |title: &str| {
        serde_json::json!({
            "id": "c-old", "title": {"en": title}, "text": {"en": "We commit."},
            "working_points": [{"id": "trees", "text": {"en": "Plant trees"}}],
            "opens": "2026-01-15", "status": "open"
        })
        .to_string()
    };
    let t = |n: u32| format!("2026-0{n}-01T10:00:00.000000Z");
    for sql in [
        "INSERT INTO places (slug, name, country, kind) VALUES ('fr-lyon', 'Lyon', 'FR', 'city')".to_string(),
        format!(
            "INSERT INTO initiatives (external_id, status, language, country, place_id, kind, record, revision, \
             created_at, updated_at) SELECT 'ini-old', 'published', 'en', 'FR', id, 'program', '{}', 2, '{}', '{}' \
             FROM places",
            record("Second"),
            t(1),
            t(2)
        ),
        format!(
            "INSERT INTO initiative_revisions (initiative_id, revision, record, author, created_at) \
             SELECT id, 1, '{}', 'ana', '{}' FROM initiatives",
            record("First"),
            t(1)
        ),
        format!(
            "INSERT INTO initiative_revisions (initiative_id, revision, record, author, created_at) \
             SELECT id, 2, '{}', 'eda', '{}' FROM initiatives",
            record("Second"),
            t(2)
        ),
        // A call written before 0007 (version 1 only in call_versions), then changed
        // twice after it (version 2, saved at 3 and again at 4).
        format!(
            "INSERT INTO calls (slug, status, opens, record, version, created_at, updated_at) \
             VALUES ('c-old', 'open', '2026-01-15', '{}', 2, '{}', '{}')",
            call("Two, again"),
            t(1),
            t(4)
        ),
        format!(
            "INSERT INTO call_versions (call_id, version, record, author, created_at) \
             SELECT id, 1, '{}', 'eda', '{}' FROM calls",
            call("One"),
            t(1)
        ),
        format!(
            "INSERT INTO call_versions (call_id, version, record, author, created_at) \
             SELECT id, 2, '{}', 'eda', '{}' FROM calls",
            call("Two, again"),
            t(4)
        ),
        format!(
            "INSERT INTO record_revisions (entity, entity_id, revision, record, author, created_at) \
             VALUES ('call', 'c-old', 1, '{}', 'eda', '{}')",
            call("Two"),
            t(3)
        ),
        format!(
            "INSERT INTO record_revisions (entity, entity_id, revision, record, author, created_at) \
             VALUES ('call', 'c-old', 2, '{}', 'eda', '{}')",
            call("Two, again"),
            t(4)
        ),
    ] {
        execute(&store, &sql).await;
    }
    store.migrate().await.unwrap();

    let revisions = store.revisions("ini-old").await.unwrap();
    let titles: Vec<_> =
        revisions.iter().map(|r| (r.revision, r.record.title.0.values().next().unwrap().clone())).collect();
    assert_eq!(titles, [(1, "First".to_string()), (2, "Second".to_string())]);

    let history = store.record_revisions("call", "c-old").await.unwrap();
    let moved: Vec<_> = history.iter().map(|r| (r.revision, r.created_at.clone())).collect();
    assert_eq!(moved, [(1, t(1)), (2, t(3)), (3, t(4))], "every version, in time order");
    assert_eq!(version_title(&store, 1).await, "One");
    assert_eq!(version_title(&store, 2).await, "Two, again", "a version reads as its last save");
    // Saving goes on from there.
    let mut next: praxis_domain::CallRecord = serde_json::from_str(&call("Three")).unwrap();
    next.text.0.insert(praxis_domain::Lang::known("en"), "We commit more.".into());
    store.save_call(&next, "eda").await.unwrap();
    assert_eq!(store.record_revisions("call", "c-old").await.unwrap().len(), 4);
    assert_eq!(version_title(&store, 3).await, "Three");
}

#[tokio::test]
async fn moving_migrations_keep_existing_data() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::connect(&StoreConfig::DataFolder(dir.path().to_path_buf())).await.unwrap();
    rate_limits_keep_the_counts(store.clone()).await;
    store.close().await;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::connect(&StoreConfig::DataFolder(dir.path().to_path_buf())).await.unwrap();
    event_mail_moves_into_the_one_queue(store.clone()).await;
    store.close().await;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::connect(&StoreConfig::DataFolder(dir.path().to_path_buf())).await.unwrap();
    revisions_move_into_one_table(store.clone()).await;
    store.close().await;

    if let Ok(url) = std::env::var("PRAXIS_TEST_DATABASE_URL") {
        let admin = Store::connect(&StoreConfig::Url(url.clone())).await.unwrap();
        let name = format!("praxis_migrations_{}", std::process::id());
        execute(&admin, &format!("CREATE DATABASE {name}")).await;
        let (base, _) = url.rsplit_once('/').expect("database URL ends with /DBNAME");
        let store = Store::connect(&StoreConfig::Url(format!("{base}/{name}"))).await.unwrap();
        rate_limits_keep_the_counts(store.clone()).await;
        store.close().await;
        execute(&admin, &format!("DROP DATABASE {name} WITH (FORCE)")).await;
        execute(&admin, &format!("CREATE DATABASE {name}")).await;
        let store = Store::connect(&StoreConfig::Url(format!("{base}/{name}"))).await.unwrap();
        event_mail_moves_into_the_one_queue(store.clone()).await;
        store.close().await;
        execute(&admin, &format!("DROP DATABASE {name} WITH (FORCE)")).await;
        execute(&admin, &format!("CREATE DATABASE {name}")).await;
        let store = Store::connect(&StoreConfig::Url(format!("{base}/{name}"))).await.unwrap();
        revisions_move_into_one_table(store.clone()).await;
        store.close().await;
        execute(&admin, &format!("DROP DATABASE {name} WITH (FORCE)")).await;
    }
}
