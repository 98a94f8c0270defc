//! Every e-mail goes through the one durable queue: a message the mail server refused
//! stays queued with its error and goes out on a later round, once.

use jiff::{SignedDuration, Timestamp};
use praxis_app::{build_catalogue, deliver_due, mail, App};
use praxis_domain::Lang;
use praxis_mail::Mailer;
use praxis_store::{Store, StoreConfig};

fn outbox_files(dir: &std::path::Path) -> Vec<String> {
    match std::fs::read_dir(dir) {
        Ok(entries) => entries.map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect(),
        Err(_) => Vec::new(),
    }
}

#[tokio::test]
async fn a_refused_message_stays_queued_and_goes_out_later_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&StoreConfig::DataFolder(dir.path().join("data"))).await.unwrap();
    let catalogue = build_catalogue(&store, &|_, _| {}).await.unwrap();
    // A mail "server" that cannot take anything: its folder would sit under a file.
    std::fs::write(dir.path().join("not-a-folder"), "").unwrap();
    let mut broken = App::new(store.clone(), catalogue.clone());
    broken.mailer = Mailer::outbox(dir.path().join("not-a-folder").join("outbox"));

    let en = Lang::known("en");
    mail::send(&broken, en, "ana@example.org", "mail-exists", &[("link", "http://x/fr/sign-in".into())])
        .await;

    // Nothing went out, and the job is not due again until the retry delay has passed.
    let now = Timestamp::now();
    assert_eq!(deliver_due(&broken, now).await.unwrap(), 0);

    let mut working = App::new(store.clone(), catalogue);
    let outbox = dir.path().join("outbox");
    working.mailer = Mailer::outbox(&outbox);
    assert_eq!(deliver_due(&working, now).await.unwrap(), 0, "not before the retry delay");
    let later = now.checked_add(SignedDuration::from_mins(6)).unwrap();
    assert_eq!(deliver_due(&working, later).await.unwrap(), 1);
    assert_eq!(deliver_due(&working, later).await.unwrap(), 0, "sent once only");

    let sent = outbox_files(&outbox);
    assert_eq!(sent.len(), 1);
    assert!(sent[0].contains("To: ana@example.org"), "{}", sent[0]);
    let subject = working.i18n.t(en, "mail-exists-subject");
    assert!(sent[0].contains(&format!("Subject: {subject}")), "{}", sent[0]);
}
