//! The store conformance suite: every case runs on SQLite, and on PostgreSQL too when
//! `PRAXIS_TEST_DATABASE_URL` names a server (each case then gets a database of its own).

mod common;
use common::on_every_backend;

use praxis_domain::{InitiativeRecord, Status};
use praxis_store::{StoreError, WriteOutcome};
use serde_json::json;

/// CI must exercise both backends: a missing PostgreSQL URL there is a failure, not a skip.
#[test]
fn ci_runs_the_suite_on_postgres_too() {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        assert!(
            std::env::var("PRAXIS_TEST_DATABASE_URL").is_ok(),
            "CI=true but PRAXIS_TEST_DATABASE_URL is not set: the PostgreSQL half of the store suite would not run"
        );
    }
}

fn record(id: &str, city: &str, country: &str) -> InitiativeRecord {
    InitiativeRecord::from_json(&json!({
        "id": id,
        "language": "fr",
        "title": {"fr": format!("Initiative {id}")},
        "summary": {"fr": "Un résumé."},
        "city": city,
        "country": country,
        "organisation": "Ville de test",
        "themes": ["housing", "health"],
        "aims": ["inclusive"],
        "kind": "program",
        "started": "2021-05-01"
    }))
    .expect("valid fixture")
    .record
}

#[tokio::test]
async fn import_creates_then_updates_with_revisions() {
    on_every_backend(|store| async move {
        assert!(store.is_empty().await.unwrap());
        let first = record("t-1", "Montréal", "CA");
        let (report, outcomes) =
            store.import(std::slice::from_ref(&first), "importer", &|_| {}).await.unwrap();
        assert_eq!((report.created, report.updated, report.unchanged), (1, 0, 0));
        assert_eq!(outcomes, vec![WriteOutcome::Created]);

        let mut second = first.clone();
        second.summary =
            praxis_domain::Multilingual::one(praxis_domain::Lang::known("fr"), "Un résumé revu.");
        assert_eq!(
            store.save_initiative(&second, "editor@example.org").await.unwrap(),
            WriteOutcome::Updated
        );
        // The same record again is not a new revision.
        assert_eq!(
            store.save_initiative(&second, "editor@example.org").await.unwrap(),
            WriteOutcome::Unchanged
        );

        let stored = store.initiative("t-1").await.unwrap().expect("stored");
        assert_eq!(stored.record, second);
        assert_eq!(stored.revision, 2);

        let revisions = store.revisions("t-1").await.unwrap();
        assert_eq!(revisions.len(), 2);
        assert_eq!(revisions[0].record, first, "the previous revision is kept as it was");
        assert_eq!(revisions[0].author, "importer");
        assert_eq!(revisions[1].record, second);
        assert_eq!(revisions[1].author, "editor@example.org");
        assert!(revisions[0].created_at <= revisions[1].created_at);
        assert_eq!(store.counts().await.unwrap().initiatives, 1, "an update never duplicates");
    })
    .await;
}

#[tokio::test]
async fn import_is_all_or_nothing() {
    on_every_backend(|store| async move {
        let good = record("t-good", "Lyon", "FR");
        let mut bad = record("t-bad", "Lyon", "FR");
        bad.themes.clear();
        let err = store.import(&[good, bad], "importer", &|_| {}).await.unwrap_err();
        assert!(matches!(err, StoreError::Invalid { ref id, .. } if id == "t-bad"), "{err}");
        assert!(store.is_empty().await.unwrap(), "nothing is written when one record is bad");
        assert_eq!(store.last_change_seq().await.unwrap(), 0);
    })
    .await;
}

#[tokio::test]
async fn places_are_matched_to_the_gazetteer_or_reported() {
    on_every_backend(|store| async move {
        let records = [
            record("p-1", "MONTREAL", "CA"),
            record("p-2", "Montréal", "CA"),
            record("p-3", "Villeneuve-sur-Imaginaire", "FR"),
        ];
        let (report, _) = store.import(&records, "importer", &|_| {}).await.unwrap();
        assert_eq!(
            report.unmatched_places.into_iter().collect::<Vec<_>>(),
            vec![("Villeneuve-sur-Imaginaire".to_string(), "FR".to_string())]
        );
        let a = store.initiative("p-1").await.unwrap().unwrap().place;
        let b = store.initiative("p-2").await.unwrap().unwrap().place;
        assert_eq!(a.slug, b.slug, "accent and case variants are one place");
        assert!(a.population.unwrap() > 1_000_000);
        assert_eq!(a.time_zone.as_deref(), Some("America/Toronto"));
        assert!((a.latitude.unwrap() - 45.5).abs() < 0.3);

        let unknown = store.initiative("p-3").await.unwrap().unwrap().place;
        assert_eq!(unknown.geoname_id, None);
        assert_eq!(unknown.name, "Villeneuve-sur-Imaginaire");

        let place = store.place(&a.slug).await.unwrap().expect("place page");
        assert_eq!(place.country, "CA");
        assert_eq!(store.place_initiatives(&a.slug).await.unwrap().len(), 2);
        let places = store.places_with_initiatives().await.unwrap();
        assert_eq!(places[0].initiatives, 2);
        let counts = store.counts().await.unwrap();
        assert_eq!((counts.initiatives, counts.cities, counts.countries), (3, 2, 2));
    })
    .await;
}

#[tokio::test]
async fn drafts_stay_out_of_public_reads() {
    on_every_backend(|store| async move {
        let mut draft = record("d-1", "Nantes", "FR");
        draft.status = Status::Draft;
        let published = record("d-2", "Nantes", "FR");
        store.import(&[draft, published], "importer", &|_| {}).await.unwrap();
        let batch = store.published_batch(None, 10).await.unwrap();
        assert_eq!(batch.iter().map(|s| s.record.id.as_str()).collect::<Vec<_>>(), vec!["d-2"]);
        let asked = store.published_initiatives(&["d-1".into(), "d-2".into()]).await.unwrap();
        assert_eq!(asked.len(), 1);
        assert!(store.initiative("d-1").await.unwrap().is_some(), "drafts exist for their owners");
        assert_eq!(store.counts().await.unwrap().initiatives, 1);
    })
    .await;
}

#[tokio::test]
async fn batches_page_through_everything_in_id_order() {
    on_every_backend(|store| async move {
        let records: Vec<_> = (0..25).map(|n| record(&format!("b-{n:03}"), "Dakar", "SN")).collect();
        let seen = std::sync::Mutex::new(0);
        store.import(&records, "importer", &|n| *seen.lock().unwrap() = n).await.unwrap();
        assert_eq!(*seen.lock().unwrap(), 25, "progress reaches the end");
        let mut after: Option<String> = None;
        let mut ids = Vec::new();
        loop {
            let batch = store.published_batch(after.as_deref(), 10).await.unwrap();
            if batch.is_empty() {
                break;
            }
            after = batch.last().map(|s| s.record.id.clone());
            ids.extend(batch.into_iter().map(|s| s.record.id));
        }
        assert_eq!(ids, records.iter().map(|r| r.id.clone()).collect::<Vec<_>>());
        let asked = store.published_initiatives(&["b-010".into(), "b-002".into()]).await.unwrap();
        assert_eq!(asked[0].record.id, "b-010", "asked order is kept");
    })
    .await;
}

#[tokio::test]
async fn latest_published_come_newest_first() {
    on_every_backend(|store| async move {
        store.save_initiative(&record("l-1", "Lima", "PE"), "a").await.unwrap();
        let mut draft = record("l-2", "Lima", "PE");
        draft.status = Status::Draft;
        store.save_initiative(&draft, "a").await.unwrap();
        store.save_initiative(&record("l-3", "Lima", "PE"), "a").await.unwrap();
        let latest = store.latest_published(10).await.unwrap();
        assert_eq!(latest.iter().map(|s| s.record.id.as_str()).collect::<Vec<_>>(), vec!["l-3", "l-1"]);
        assert_eq!(store.latest_published(1).await.unwrap().len(), 1);
    })
    .await;
}

#[tokio::test]
async fn the_change_feed_follows_every_write() {
    on_every_backend(|store| async move {
        store.save_initiative(&record("c-1", "Tunis", "TN"), "a").await.unwrap();
        let mark = store.last_change_seq().await.unwrap();
        assert!(mark > 0);
        store.save_initiative(&record("c-2", "Tunis", "TN"), "a").await.unwrap();
        let mut changed = record("c-1", "Tunis", "TN");
        changed.kind = praxis_domain::Kind::Service;
        store.save_initiative(&changed, "a").await.unwrap();
        let changes = store.changes_since(mark, 100).await.unwrap();
        assert_eq!(changes.iter().map(|c| c.entity_id.as_str()).collect::<Vec<_>>(), vec!["c-2", "c-1"]);
        assert!(changes.iter().all(|c| c.entity == "initiative" && c.op == "upsert"));
        assert!(changes[0].seq < changes[1].seq);
        assert!(store.changes_since(changes[1].seq, 100).await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn migrations_are_idempotent_and_ping_answers() {
    on_every_backend(|store| async move {
        store.migrate().await.unwrap();
        store.ping().await.unwrap();
    })
    .await;
}

#[tokio::test]
async fn a_missing_vector_is_claimed_by_one_node_and_then_read_by_all() {
    on_every_backend(|store| async move {
        let keys = vec!["00aa".to_string(), "00bb".to_string()];
        assert!(store.passage_vectors(&keys).await.unwrap().is_empty());
        assert!(store.claim_passage("00aa", 600).await.unwrap(), "the first node claims it");
        assert!(!store.claim_passage("00aa", 600).await.unwrap(), "another node waits for it");
        assert!(store.passage_vectors(&keys).await.unwrap().is_empty(), "a claim is not a vector");
        // A claim older than the stale period (here: any) is taken over.
        assert!(store.claim_passage("00aa", -1).await.unwrap());
        store.put_passage_vector("00aa", "AAAAAA==").await.unwrap();
        assert!(!store.claim_passage("00aa", -1).await.unwrap(), "a computed vector is never claimed again");
        let found = store.passage_vectors(&keys).await.unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found["00aa"], "AAAAAA==");
        // Many keys at once, past one statement's worth.
        let many: Vec<String> = (0..1_200).map(|n| format!("k{n}")).collect();
        for key in many.iter().step_by(100) {
            store.put_passage_vector(key, "AQ==").await.unwrap();
        }
        assert_eq!(store.passage_vectors(&many).await.unwrap().len(), 12);
    })
    .await;
}
