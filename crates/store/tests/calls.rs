//! The store suite for calls to action, on SQLite and (with `PRAXIS_TEST_DATABASE_URL`)
//! on PostgreSQL.

mod common;
use common::on_every_backend;

use praxis_domain::{CallRecord, CallStatus, Lang, SignatureInput, SignatureRequest};
use praxis_store::{Confirmation, RequestStatus, StoreError, WriteOutcome};
use serde_json::json;

fn call() -> CallRecord {
    serde_json::from_value(json!({
        "id": "green-metropolises",
        "title": {"en": "Green metropolises", "fr": "Métropoles vertes", "es": "Metrópolis verdes"},
        "text": {"en": "We **commit**.", "fr": "Nous nous **engageons**.", "es": "Nos **comprometemos**."},
        "working_points": [
            {"id": "trees", "text": {"en": "Plant trees", "fr": "Planter des arbres", "es": "Plantar árboles"}},
            {"id": "transit", "text": {"en": "Clean transit", "fr": "Transports propres", "es": "Transporte limpio"}},
            {"id": "housing", "text": {"en": "Fair housing", "fr": "Logement juste", "es": "Vivienda justa"}}
        ],
        "opens": "2026-01-15",
        "status": "open"
    }))
    .unwrap()
}

fn request(institution: &str, city: &str, country: &str, points: &[&str]) -> SignatureRequest {
    let input = SignatureInput {
        institution: institution.into(),
        kind: "metropolitan-government".into(),
        city: city.into(),
        country: country.into(),
        representative_name: "Ana Pérez".into(),
        representative_role: "Coordinadora".into(),
        email: "ana@example.org".into(),
        working_points: points.iter().map(|p| p.to_string()).collect(),
        consent: true,
    };
    SignatureRequest::parse(&input, &call(), Lang::known("es")).unwrap()
}

#[tokio::test]
async fn calls_are_versioned_by_their_signed_content() {
    on_every_backend(|store| async move {
        assert!(!store.has_calls().await.unwrap());
        let mut record = call();
        record.status = CallStatus::Draft;
        assert_eq!(store.save_call(&record, "editor").await.unwrap(), WriteOutcome::Created);
        assert_eq!(store.save_call(&record, "editor").await.unwrap(), WriteOutcome::Unchanged);
        assert!(store.calls(false).await.unwrap().is_empty(), "a draft is not public");
        assert_eq!(store.calls(true).await.unwrap().len(), 1);

        record.status = CallStatus::Open;
        assert_eq!(store.save_call(&record, "editor").await.unwrap(), WriteOutcome::Updated);
        assert_eq!(
            store.call("green-metropolises").await.unwrap().unwrap().version,
            1,
            "publishing is not a new text"
        );

        let first = store
            .sign_directly(
                "green-metropolises",
                &request("Metro A", "Lima", "PE", &["trees"]),
                None,
                None,
                "m",
            )
            .await
            .unwrap();
        assert_eq!(first.call_version, 1);

        record.working_points[0].text.0.insert(Lang::known("en"), "Plant many trees".into());
        store.save_call(&record, "editor").await.unwrap();
        let stored = store.call("green-metropolises").await.unwrap().unwrap();
        assert_eq!(stored.version, 2);
        assert_eq!(stored.signatories, 1);
        let old = store.call_version("green-metropolises", 1).await.unwrap().unwrap();
        assert_eq!(old.working_points[0].text.get(Lang::known("en")), Some("Plant trees"));

        let second = store
            .sign_directly(
                "green-metropolises",
                &request("Metro B", "Quito", "EC", &["transit"]),
                None,
                None,
                "m",
            )
            .await
            .unwrap();
        assert_eq!(second.call_version, 2);
        assert_eq!(
            store.signatory("green-metropolises", &first.slug).await.unwrap().unwrap().call_version,
            1,
            "each keeps the version it signed"
        );

        let mut bad = call();
        bad.id = "Bad Id".into();
        assert!(matches!(store.save_call(&bad, "editor").await, Err(StoreError::Invalid { .. })));
    })
    .await;
}

#[tokio::test]
async fn a_request_is_confirmed_then_verified_into_the_register() {
    on_every_backend(|store| async move {
        store.save_call(&call(), "editor").await.unwrap();
        let asked = request("Área Metropolitana de Sevilla", "Sevilla", "ES", &["housing", "trees"]);
        let new = store.request_signature("green-metropolises", &asked, "client-1").await.unwrap();
        assert_eq!(new.existing_signatory, None);
        assert!(
            store.signatories("green-metropolises").await.unwrap().is_empty(),
            "nothing public before review"
        );
        assert!(
            store.requests(RequestStatus::Confirmed).await.unwrap().is_empty(),
            "editors see confirmed requests only"
        );

        assert_eq!(store.confirm_request("no-such-token").await.unwrap(), None);
        let confirmed = store.confirm_request(&new.token).await.unwrap().unwrap();
        assert_eq!(
            confirmed,
            Confirmation::Confirmed { request_id: new.id, call_id: "green-metropolises".into() }
        );
        assert!(matches!(
            store.confirm_request(&new.token).await.unwrap(),
            Some(Confirmation::AlreadyConfirmed { .. })
        ));

        let queue = store.requests(RequestStatus::Confirmed).await.unwrap();
        assert_eq!(queue.len(), 1);
        assert_eq!(queue[0].request.email, "ana@example.org");
        assert!(
            store.signatories("green-metropolises").await.unwrap().is_empty(),
            "confirmed is not yet verified"
        );

        let signatory = store.verify_request(new.id, "editor@praxis.example").await.unwrap();
        assert_eq!(signatory.slug, "area-metropolitana-de-sevilla");
        assert_eq!(signatory.working_points, vec!["trees", "housing"], "in the call's order");
        assert!(signatory.latitude.is_some(), "Sevilla is in the gazetteer");
        let register = store.signatories("green-metropolises").await.unwrap();
        assert_eq!(register.len(), 1);
        assert_eq!(store.call("green-metropolises").await.unwrap().unwrap().signatories, 1);
        assert_eq!(store.request(new.id).await.unwrap().unwrap().status, RequestStatus::Verified);
        assert!(
            matches!(store.verify_request(new.id, "editor").await, Err(StoreError::Invalid { .. })),
            "twice is refused"
        );
    })
    .await;
}

#[tokio::test]
async fn a_second_request_for_the_same_institution_is_merged() {
    on_every_backend(|store| async move {
        store.save_call(&call(), "editor").await.unwrap();
        let first = store
            .request_signature(
                "green-metropolises",
                &request("Área Metropolitana de Sevilla", "Sevilla", "ES", &["trees"]),
                "c1",
            )
            .await
            .unwrap();
        store.confirm_request(&first.token).await.unwrap();
        store.verify_request(first.id, "editor").await.unwrap();

        let again = request("AREA METROPOLITANA DE SEVILLA.", "sevilla", "ES", &["transit"]);
        let second = store.request_signature("green-metropolises", &again, "c2").await.unwrap();
        assert_eq!(second.existing_signatory.as_deref(), Some("area-metropolitana-de-sevilla"));
        store.confirm_request(&second.token).await.unwrap();
        let queued = store.request(second.id).await.unwrap().unwrap();
        assert_eq!(queued.existing_signatory.as_deref(), Some("area-metropolitana-de-sevilla"));
        let merged = store.verify_request(second.id, "editor").await.unwrap();
        assert_eq!(merged.working_points, vec!["trees", "transit"]);
        assert_eq!(merged.name, "Área Metropolitana de Sevilla", "the first name is kept");
        assert_eq!(store.signatories("green-metropolises").await.unwrap().len(), 1);

        // Same name elsewhere is another institution, with a slug of its own.
        let other = store
            .sign_directly(
                "green-metropolises",
                &request("Área Metropolitana de Sevilla", "Sevilla", "CO", &["trees"]),
                None,
                Some("2026-02-01"),
                "m",
            )
            .await
            .unwrap();
        assert_eq!(other.slug, "area-metropolitana-de-sevilla-2");
        assert_eq!(other.joined, "2026-02-01");
        assert_eq!(store.signatories("green-metropolises").await.unwrap().len(), 2);
    })
    .await;
}

#[tokio::test]
async fn rejected_requests_never_reach_the_register_and_requests_are_counted_per_client() {
    on_every_backend(|store| async move {
        store.save_call(&call(), "editor").await.unwrap();
        let new = store
            .request_signature("green-metropolises", &request("Spam Inc", "Lima", "PE", &["trees"]), "c9")
            .await
            .unwrap();
        store
            .request_signature("green-metropolises", &request("Spam Two", "Lima", "PE", &["trees"]), "c9")
            .await
            .unwrap();
        store
            .request_signature("green-metropolises", &request("Other", "Lima", "PE", &["trees"]), "c8")
            .await
            .unwrap();
        store.confirm_request(&new.token).await.unwrap();
        store.reject_request(new.id, "editor", "Not a public institution.").await.unwrap();
        let rejected = store.request(new.id).await.unwrap().unwrap();
        assert_eq!(rejected.status, RequestStatus::Rejected);
        assert_eq!(rejected.reason.as_deref(), Some("Not a public institution."));
        assert!(store.verify_request(new.id, "editor").await.is_err());
        assert!(store.signatories("green-metropolises").await.unwrap().is_empty());
        assert!(matches!(
            store.request_signature("no-such-call", &request("X", "Lima", "PE", &["trees"]), "c").await,
            Err(StoreError::NotFound)
        ));
    })
    .await;
}

#[tokio::test]
async fn signatories_link_initiatives() {
    on_every_backend(|store| async move {
        store.save_call(&call(), "editor").await.unwrap();
        let s = store
            .sign_directly(
                "green-metropolises",
                &request("Metro A", "Lima", "PE", &["trees"]),
                None,
                None,
                "m",
            )
            .await
            .unwrap();
        store
            .set_signatory_initiatives("green-metropolises", &s.slug, &["b-2".into(), "a-1".into()])
            .await
            .unwrap();
        let got = store.signatory("green-metropolises", &s.slug).await.unwrap().unwrap();
        assert_eq!(got.initiatives, vec!["a-1", "b-2"]);
        store.set_signatory_initiatives("green-metropolises", &s.slug, &[]).await.unwrap();
        assert!(store
            .signatory("green-metropolises", &s.slug)
            .await
            .unwrap()
            .unwrap()
            .initiatives
            .is_empty());
        assert!(store.signatory("green-metropolises", "nobody").await.unwrap().is_none());
    })
    .await;
}

#[tokio::test]
async fn two_pending_requests_for_one_institution_make_one_signatory() {
    on_every_backend(|store| async move {
        store.save_call(&call(), "editor").await.unwrap();
        let a = store
            .request_signature(
                "green-metropolises",
                &request("Metrópoli Sur", "Lima", "PE", &["trees"]),
                "c1",
            )
            .await
            .unwrap();
        let b = store
            .request_signature(
                "green-metropolises",
                &request("metropoli sur", "LIMA", "PE", &["housing"]),
                "c2",
            )
            .await
            .unwrap();
        assert_eq!((a.existing_signatory.clone(), b.existing_signatory.clone()), (None, None));
        store.confirm_request(&a.token).await.unwrap();
        store.confirm_request(&b.token).await.unwrap();
        assert_eq!(store.request(a.id).await.unwrap().unwrap().same_institution_waiting, 1);
        store.verify_request(b.id, "editor").await.unwrap();
        assert_eq!(
            store.request(a.id).await.unwrap().unwrap().existing_signatory.as_deref(),
            Some("metropoli-sur")
        );
        let merged = store.verify_request(a.id, "editor").await.unwrap();
        assert_eq!(merged.working_points, vec!["trees", "housing"]);
        assert_eq!(store.signatories("green-metropolises").await.unwrap().len(), 1);
    })
    .await;
}

#[tokio::test]
async fn a_confirmation_link_expires_after_two_weeks() {
    on_every_backend(|store| async move {
        store.save_call(&call(), "editor").await.unwrap();
        let asked = request("Ville de Dakar", "Dakar", "SN", &["housing"]);
        let new = store.request_signature("green-metropolises", &asked, "client-1").await.unwrap();
        store
            .run_sql("UPDATE signature_requests SET created_at = '2020-01-01T00:00:00.000000Z'")
            .await
            .unwrap();
        assert!(store.request_by_token(&new.token).await.unwrap().is_none());
        assert_eq!(store.confirm_request(&new.token).await.unwrap(), None, "an old link confirms nothing");
        assert!(store.requests(RequestStatus::Confirmed).await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn every_edit_of_a_call_keeps_the_version_before_it() {
    on_every_backend(|store| async move {
        let first = call();
        store.save_call(&first, "editor@network.org").await.unwrap();
        let mut closed = first.clone();
        closed.closes = Some("2027-12-31".into());
        store.save_call(&closed, "admin@network.org").await.unwrap();
        assert_eq!(store.save_call(&closed, "admin@network.org").await.unwrap(), WriteOutcome::Unchanged);
        let revisions = store.record_revisions("call", &first.id).await.unwrap();
        assert_eq!(revisions.len(), 2, "a date change is kept too, an unchanged save is not");
        assert_eq!(revisions[0].author, "editor@network.org");
        assert_eq!(serde_json::from_str::<CallRecord>(&revisions[0].record).unwrap(), first);
        assert_eq!(revisions[1].author, "admin@network.org");
    })
    .await;
}
