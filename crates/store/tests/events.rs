//! The events store suite: every case on SQLite, and on PostgreSQL too when
//! `PRAXIS_TEST_DATABASE_URL` names a server (a fresh database per case).

use jiff::{SignedDuration, Timestamp};
use praxis_domain::{EventRecord, Lang, Theme};
use praxis_store::{
    Booking, EventFilter, MailKind, NewRegistration, RegistrationStatus, Store, StoreConfig, When,
    WriteOutcome,
};
use serde_json::json;
use std::future::Future;

/// Runs `case` with a store and the configuration that opens it again (a restart).
async fn on_every_backend<F, Fut>(case: F)
where
    F: Fn(Store, StoreConfig) -> Fut,
    Fut: Future<Output = ()>,
{
    let dir = tempfile::tempdir().unwrap();
    let config = StoreConfig::DataFolder(dir.path().to_path_buf());
    let store = Store::open(&config).await.unwrap();
    case(store.clone(), config).await;
    store.close().await;

    if let Ok(url) = std::env::var("PRAXIS_TEST_DATABASE_URL") {
        let (store, config, admin, name) = fresh_postgres(&url).await;
        case(store.clone(), config).await;
        store.close().await;
        admin.run_sql(&format!("DROP DATABASE {name} WITH (FORCE)")).await.unwrap();
    }
}

async fn fresh_postgres(url: &str) -> (Store, StoreConfig, Store, String) {
    let admin = Store::connect(&StoreConfig::Url(url.to_string())).await.unwrap();
    let name = format!(
        "praxis_events_{}_{}",
        std::process::id(),
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos()
    );
    admin.run_sql(&format!("CREATE DATABASE {name}")).await.unwrap();
    let (base, _) = url.rsplit_once('/').expect("database URL ends with /DBNAME");
    let config = StoreConfig::Url(format!("{base}/{name}"));
    let store = Store::open(&config).await.unwrap();
    (store, config, admin, name)
}

#[test]
fn ci_runs_the_suite_on_postgres_too() {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        assert!(
            std::env::var("PRAXIS_TEST_DATABASE_URL").is_ok(),
            "CI=true but PRAXIS_TEST_DATABASE_URL is not set"
        );
    }
}

fn event(id: &str, start: &str, end: &str, zone: &str, capacity: Option<u32>) -> EventRecord {
    let mut v = json!({
        "id": id,
        "language": "es",
        "title": {"es": format!("Sesión {id}"), "en": format!("Session {id}")},
        "description": {"es": "Una sesión de prueba."},
        "format": "peer-exchange",
        "start": start,
        "end": end,
        "time_zone": zone,
        "languages": ["es"],
        "interpretation": ["fr"],
        "themes": ["housing"],
        "online_link": "https://meet.example.org/secret"
    });
    if let Some(c) = capacity {
        v["capacity"] = json!(c);
    }
    EventRecord::from_json(&v).expect("valid fixture")
}

fn person(n: usize) -> NewRegistration {
    NewRegistration {
        name: format!("Person {n}"),
        email: format!("Person{n}@Example.org"),
        organisation: Some("Intendencia".into()),
        account_id: None,
        language: Lang::known("es"),
    }
}

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn registered(b: Booking) -> praxis_store::Registration {
    match b {
        Booking::Registered(r) => r,
        other => panic!("expected a new registration, got {other:?}"),
    }
}

const NOW: &str = "2026-03-01T12:00:00Z";

#[tokio::test]
async fn events_are_saved_updated_and_listed() {
    on_every_backend(|store, _| async move {
        assert!(store.has_no_events().await.unwrap());
        let upcoming = event("e-up", "2026-03-26T10:00", "2026-03-26T11:30", "America/Montevideo", None);
        let past = event("e-past", "2026-02-10T09:00", "2026-02-10T10:00", "Europe/Paris", None);
        let mut other = event("e-other", "2026-03-20T09:00", "2026-03-20T10:00", "Asia/Shanghai", None);
        other.themes = vec![Theme::Mobility];
        other.languages = vec![Lang::known("en")];
        other.interpretation = vec![];
        for e in [&upcoming, &past, &other] {
            assert_eq!(store.save_event(e, "test").await.unwrap(), WriteOutcome::Created);
        }
        assert_eq!(store.save_event(&upcoming, "test").await.unwrap(), WriteOutcome::Unchanged);
        let stored = store.event("e-up").await.unwrap().unwrap();
        assert_eq!(stored.record, upcoming);
        assert_eq!(stored.starts_at, "2026-03-26T13:00:00.000000Z");

        let now = ts(NOW);
        let ids = |events: Vec<praxis_store::StoredEvent>| -> Vec<String> {
            events.into_iter().map(|e| e.record.id).collect()
        };
        let all = EventFilter::default();
        assert_eq!(ids(store.events(When::Upcoming, now, &all, 50).await.unwrap()), ["e-other", "e-up"]);
        assert_eq!(ids(store.events(When::Past, now, &all, 50).await.unwrap()), ["e-past"]);
        let housing = EventFilter { themes: vec![Theme::Housing], languages: vec![] };
        assert_eq!(ids(store.events(When::Upcoming, now, &housing, 50).await.unwrap()), ["e-up"]);
        // French speakers can follow e-up through interpretation.
        let french = EventFilter { themes: vec![], languages: vec![Lang::known("fr")] };
        assert_eq!(ids(store.events(When::Upcoming, now, &french, 50).await.unwrap()), ["e-up"]);
        let english = EventFilter { themes: vec![], languages: vec![Lang::known("en"), Lang::known("fr")] };
        assert_eq!(ids(store.events(When::Upcoming, now, &english, 50).await.unwrap()), ["e-other", "e-up"]);

        let mut moved = upcoming.clone();
        moved.start = "2026-03-27T10:00".into();
        moved.end = "2026-03-27T11:00".into();
        assert_eq!(store.save_event(&moved, "test").await.unwrap(), WriteOutcome::Updated);
        let revisions = store.record_revisions("event", "e-up").await.unwrap();
        assert_eq!(revisions.len(), 2, "the edit kept the version before it");
        assert_eq!(serde_json::from_str::<EventRecord>(&revisions[0].record).unwrap(), upcoming);
        assert_eq!(store.event("e-up").await.unwrap().unwrap().starts_at, "2026-03-27T13:00:00.000000Z");
        assert!(!store.has_no_events().await.unwrap());
    })
    .await;
}

#[tokio::test]
async fn a_full_event_waitlists_and_a_cancellation_promotes() {
    on_every_backend(|store, _| async move {
        store
            .save_event(
                &event("small", "2026-03-26T10:00", "2026-03-26T11:00", "America/Montevideo", Some(1)),
                "test",
            )
            .await
            .unwrap();
        let now = ts(NOW);
        let first = registered(store.register("small", &person(1), now).await.unwrap());
        assert_eq!(first.status, RegistrationStatus::Confirmed);
        assert_eq!(first.email, "person1@example.org");
        assert!(first.token.len() >= 32);
        let second = registered(store.register("small", &person(2), now).await.unwrap());
        assert_eq!(second.status, RegistrationStatus::Waiting);
        // The same address again gets its registration back, not a second one.
        match store.register("small", &person(2), now).await.unwrap() {
            Booking::AlreadyRegistered(r) => assert_eq!(r.id, second.id),
            other => panic!("{other:?}"),
        }
        let stored = store.event("small").await.unwrap().unwrap();
        assert_eq!((stored.confirmed, stored.waiting, stored.is_full()), (1, 1, true));
        let kinds =
            |jobs: Vec<(String, String, Option<String>)>| jobs.into_iter().map(|j| j.0).collect::<Vec<_>>();
        assert_eq!(kinds(store.mail_jobs(first.id).await.unwrap()), ["confirmation", "reminder"]);
        assert_eq!(kinds(store.mail_jobs(second.id).await.unwrap()), ["waiting"]);
        // The reminder is due a day before the start (13:00 UTC).
        assert_eq!(store.mail_jobs(first.id).await.unwrap()[1].1, "2026-03-25T13:00:00.000000Z");

        let later = now.checked_add(SignedDuration::from_hours(1)).unwrap();
        let cancelled = store.cancel_registration(&first.token, later).await.unwrap().unwrap();
        assert!(!cancelled.already);
        assert_eq!(cancelled.registration.status, RegistrationStatus::Cancelled);
        assert_eq!(cancelled.promoted.len(), 1);
        assert_eq!(cancelled.promoted[0].id, second.id);
        assert_eq!(cancelled.promoted[0].status, RegistrationStatus::Confirmed);
        // The cancelled person's unsent e-mails are gone (here even the confirmation, never
        // sent); the promoted person gets theirs.
        assert_eq!(kinds(store.mail_jobs(first.id).await.unwrap()), ["cancelled"]);
        assert_eq!(kinds(store.mail_jobs(second.id).await.unwrap()), ["promoted", "reminder"]);
        let again = store.cancel_registration(&first.token, later).await.unwrap().unwrap();
        assert!(again.already && again.promoted.is_empty());
        assert!(store.cancel_registration("no-such-token", later).await.unwrap().is_none());
        // The address that cancelled may register again: it joins the waiting list.
        let back = registered(store.register("small", &person(1), later).await.unwrap());
        assert_eq!(back.status, RegistrationStatus::Waiting);
        assert_eq!(store.registrations("small").await.unwrap().len(), 3);
        // Registration closes when the event starts.
        assert_eq!(
            store.register("small", &person(9), ts("2026-03-26T13:00:00Z")).await.unwrap(),
            Booking::Closed
        );
        assert!(matches!(
            store.register("nope", &person(9), now).await,
            Err(praxis_store::StoreError::NotFound)
        ));
    })
    .await;
}

#[tokio::test]
async fn more_seats_move_the_waiting_list_in() {
    on_every_backend(|store, _| async move {
        let mut e = event("grow", "2026-03-26T10:00", "2026-03-26T11:00", "Europe/Berlin", Some(1));
        store.save_event(&e, "test").await.unwrap();
        let now = Timestamp::now();
        // This test uses the real clock for promotion, so the event must lie ahead of it.
        e.start = "2099-03-26T10:00".into();
        e.end = "2099-03-26T11:00".into();
        store.save_event(&e, "test").await.unwrap();
        for n in 0..4 {
            store.register("grow", &person(n), now).await.unwrap();
        }
        e.capacity = Some(3);
        assert_eq!(store.save_event(&e, "test").await.unwrap(), WriteOutcome::Updated);
        let stored = store.event("grow").await.unwrap().unwrap();
        assert_eq!((stored.confirmed, stored.waiting), (3, 1));
        let regs = store.registrations("grow").await.unwrap();
        let statuses: Vec<_> = regs.iter().map(|r| r.status).collect();
        use RegistrationStatus::*;
        assert_eq!(statuses, [Confirmed, Confirmed, Confirmed, Waiting], "promoted in registration order");
        // Moving the event moves the reminders not yet sent.
        e.start = "2099-03-27T10:00".into();
        e.end = "2099-03-27T11:00".into();
        store.save_event(&e, "test").await.unwrap();
        let reminder =
            store.mail_jobs(regs[0].id).await.unwrap().into_iter().find(|j| j.0 == "reminder").unwrap();
        assert_eq!(reminder.1, "2099-03-26T09:00:00.000000Z");
    })
    .await;
}

/// Many people register for the last seats at the same moment, then several cancel at
/// once: the seats are never over-booked and each freed seat goes to one person.
#[tokio::test]
async fn concurrent_bookings_never_overbook() {
    on_every_backend(|store, _| async move {
        store
            .save_event(
                &event("rush", "2026-03-26T10:00", "2026-03-26T11:00", "America/Montevideo", Some(3)),
                "test",
            )
            .await
            .unwrap();
        let now = ts(NOW);
        let mut tasks = Vec::new();
        for n in 0..16 {
            let store = store.clone();
            tasks.push(tokio::spawn(async move { store.register("rush", &person(n), now).await }));
        }
        let mut regs = Vec::new();
        for t in tasks {
            regs.push(registered(t.await.unwrap().unwrap()));
        }
        let confirmed: Vec<_> = regs.iter().filter(|r| r.status == RegistrationStatus::Confirmed).collect();
        assert_eq!(confirmed.len(), 3, "exactly the capacity is confirmed");
        let stored = store.event("rush").await.unwrap().unwrap();
        assert_eq!((stored.confirmed, stored.waiting), (3, 13));

        let mut tasks = Vec::new();
        for r in confirmed {
            let store = store.clone();
            let token = r.token.clone();
            tasks.push(tokio::spawn(async move { store.cancel_registration(&token, now).await }));
        }
        let mut promoted = Vec::new();
        for t in tasks {
            promoted.extend(t.await.unwrap().unwrap().unwrap().promoted.into_iter().map(|r| r.id));
        }
        promoted.sort();
        promoted.dedup();
        assert_eq!(promoted.len(), 3, "each freed seat went to a different person");
        let stored = store.event("rush").await.unwrap().unwrap();
        assert_eq!((stored.confirmed, stored.waiting), (3, 10));
    })
    .await;
}

/// Reminders are due a day before; a job is claimed by one sender only, is not sent
/// again once marked, and survives a restart (it lives in the database).
#[tokio::test]
async fn reminders_are_sent_once_and_survive_restarts() {
    on_every_backend(|store, config| async move {
        store
            .save_event(
                &event("soon", "2026-03-26T10:00", "2026-03-26T11:00", "America/Montevideo", None),
                "test",
            )
            .await
            .unwrap();
        let now = ts(NOW);
        let r = registered(store.register("soon", &person(1), now).await.unwrap());
        // Now: the confirmation only.
        let jobs = store.claim_due_mail(now, "node-a", 10).await.unwrap();
        assert_eq!(jobs.iter().map(|j| j.registration_kind()).collect::<Vec<_>>(), [Some(MailKind::Confirmation)]);
        assert!(matches!(&jobs[0].content, praxis_store::MailContent::Registration { registration, .. } if registration.id == r.id));
        store.mail_sent(jobs[0].id, now).await.unwrap();
        assert!(store.claim_due_mail(now, "node-a", 10).await.unwrap().is_empty());

        // The server restarts before the reminder is due.
        store.close().await;
        let store = Store::open(&config).await.unwrap();
        let day_before = ts("2026-03-25T13:00:00Z");
        assert!(store.claim_due_mail(ts("2026-03-25T12:59:00Z"), "node-b", 10).await.unwrap().is_empty());
        // Two senders ask at once: one gets the reminder.
        let (a, b) = tokio::join!(
            store.claim_due_mail(day_before, "node-b", 10),
            store.claim_due_mail(day_before, "node-c", 10)
        );
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(a.len() + b.len(), 1, "claimed once: {a:?} {b:?}");
        let job = a.into_iter().chain(b).next().unwrap();
        assert_eq!(job.registration_kind(), Some(MailKind::Reminder));
        // A failure the sender is sure of gives the job back, to be tried later.
        let retry = day_before.checked_add(SignedDuration::from_mins(1)).unwrap();
        store.mail_failed(job.id, "smtp: connection refused", retry).await.unwrap();
        assert!(store.claim_due_mail(day_before, "node-b", 10).await.unwrap().is_empty());
        let again = store.claim_due_mail(retry, "node-b", 10).await.unwrap();
        assert_eq!(again.len(), 1);
        store.mail_sent(again[0].id, retry).await.unwrap();
        // Sent: never again, even after another restart.
        store.close().await;
        let store = Store::open(&config).await.unwrap();
        assert!(store.claim_due_mail(ts("2026-03-27T00:00:00Z"), "node-b", 10).await.unwrap().is_empty());
        let sent: Vec<_> = store.mail_jobs(r.id).await.unwrap();
        assert!(sent.iter().all(|j| j.2.is_some()), "{sent:?}");
        store.close().await;
    })
    .await;
}
