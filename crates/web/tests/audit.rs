//! The audit log as an admin reads it: human wording in their language, minutes not
//! microseconds, a filter by action and by person or subject, and pages.

mod common;

use common::TestApp;
use praxis_app::accounts::{AUDIT_ACTIONS, AUDIT_PAGE};
use praxis_domain::{Lang, Role};

#[tokio::test]
async fn the_audit_log_reads_as_sentences_filters_and_pages() {
    let app = TestApp::with_demo(&["en"]).await;
    let store = app.store();
    let admin_id = store.upsert_user("admin@network.org", "Ada Admin", Role::Admin, None).await.unwrap();
    let session = store.create_session(admin_id).await.unwrap();
    let admin = store.user(admin_id).await.unwrap().unwrap();
    let n = usize::try_from(AUDIT_PAGE).unwrap() + 5;
    for i in 0..n {
        let action = if i % 5 == 0 { "event.save" } else { "initiative.publish" };
        store.audit(&admin, action, "initiative", &format!("demo-en-{:03}", i % 30 + 1), "").await.unwrap();
    }
    let en = Lang::known("en");
    let t = |key: &str| app.state.i18n.t(en, key);
    let page = app.get_as("/en/admin/audit", Some(&session)).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains(&t("audit-action-initiative-publish")), "human wording");
    assert!(!page.body.contains("<code>initiative.publish</code>"), "not the code");
    assert!(page.body.contains(" UTC</time>") && !page.body.contains(".0000"), "minutes, not microseconds");
    assert!(page.body.contains(&format!("{n} entries")));
    assert_eq!(
        page.body.matches("<tr><td data-label=").count(),
        usize::try_from(AUDIT_PAGE).unwrap(),
        "one page"
    );
    assert!(page.body.contains("href=\"/en/admin/audit?page=2\""), "a link to the older entries");
    assert!(page.body.contains("href=\"/en/initiatives/demo-en-"), "subjects link to what they name");
    let older = app.get_as("/en/admin/audit?page=2", Some(&session)).await.body;
    assert_eq!(older.matches("<tr><td data-label=").count(), 5);
    let saved = app.get_as("/en/admin/audit?action=event.save", Some(&session)).await.body;
    assert_eq!(saved.matches("<tr><td data-label=").count(), n.div_ceil(5));
    assert!(
        !saved.contains(&format!("\">{}</td>", t("audit-action-initiative-publish"))),
        "only that action"
    );
    let one = app.get_as("/en/admin/audit?who=demo-en-007", Some(&session)).await.body;
    assert!(
        one.matches("<tr><td data-label=").count() >= 1 && one.matches("<tr><td data-label=").count() <= 3
    );
    // What a save recorded (the status) is said in words too.
    store.audit(&admin, "initiative.save", "initiative", "demo-en-001", "published").await.unwrap();
    let saves = app.get_as("/en/admin/audit?action=initiative.save", Some(&session)).await.body;
    assert!(saves.contains(&format!(">{}</td>", t("status-published"))), "{saves}");
    let fr = app.get_as("/fr/admin/audit?action=initiative.save", Some(&session)).await.body;
    let publiee = app.state.i18n.t(Lang::known("fr"), "status-published");
    assert!(fr.contains(&format!(">{publiee}</td>")) && !fr.contains(">published</td>"), "{fr}");
    let long = format!("/en/admin/audit?who={}", "x".repeat(101));
    assert_eq!(app.get_as(&long, Some(&session)).await.status, 422, "a filter too long is refused");
}

#[test]
fn every_audit_action_is_worded_in_every_language() {
    let i18n = praxis_app::i18n::shared();
    for &lang in Lang::all() {
        for action in AUDIT_ACTIONS {
            let key = format!("audit-action-{}", action.replace(['.', '_'], "-"));
            let text = i18n.t(lang, &key);
            assert!(!text.is_empty() && text != key, "{lang}: {key}");
        }
    }
}

#[tokio::test]
async fn organisations_are_searched_and_paged() {
    use praxis_app::accounts::ORGANISATIONS_PAGE;
    let app = TestApp::with_demo(&["en"]).await;
    let store = app.store();
    let admin_id = store.upsert_user("admin@network.org", "Ada Admin", Role::Admin, None).await.unwrap();
    let session = store.create_session(admin_id).await.unwrap();
    for i in 0..ORGANISATIONS_PAGE + 5 {
        let email = format!("m{i}@example.org");
        store
            .upsert_user(&email, "Member", Role::Member, Some(&format!("Zeta Council {i:02}")))
            .await
            .unwrap();
    }
    let all = store.organisations().await.unwrap().len();
    let forms = |html: &str| html.matches("name=\"domains\"").count();
    let first = app.get_as("/en/admin/organisations", Some(&session)).await;
    assert_eq!(first.status, 200);
    assert_eq!(forms(&first.body), ORGANISATIONS_PAGE, "one page, not every organisation");
    assert!(first.body.contains(&format!("{all} organisations")));
    assert!(first.body.contains("href=\"/en/admin/organisations?page=2\""));
    let zeta = app.get_as("/en/admin/organisations?q=zeta+council", Some(&session)).await.body;
    assert!(
        zeta.contains(&format!("{} organisations", ORGANISATIONS_PAGE + 5)),
        "found without regard to case"
    );
    let second = app.get_as("/en/admin/organisations?q=zeta+council&page=2", Some(&session)).await.body;
    assert_eq!(forms(&second), 5);
    assert!(second.contains("rel=\"prev\""), "a way back");
    let one = app.get_as("/en/admin/organisations?q=Council+07", Some(&session)).await.body;
    assert_eq!(forms(&one), 1);
    assert!(one.contains("One organisation"));
    // Saving one returns to the search and page the admin was on.
    let id =
        store.organisations().await.unwrap().into_iter().find(|o| o.name == "Zeta Council 33").unwrap().id;
    let saved = app
        .post_form(
            &format!("/en/admin/organisations/{id}"),
            &[("kind", "local"), ("domains", "zeta.example"), ("q", "zeta council"), ("page", "2")],
            Some(&session),
        )
        .await;
    assert_eq!(saved.status, 303);
    assert_eq!(saved.headers["location"], "/en/admin/organisations?q=zeta+council&page=2");
    let long = format!("/en/admin/organisations?q={}", "x".repeat(101));
    assert_eq!(app.get_as(&long, Some(&session)).await.status, 422);
}
