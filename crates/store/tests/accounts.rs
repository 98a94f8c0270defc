//! The accounts half of the store: users, memberships, sessions, API tokens, one-time
//! links, two-factor replay protection, sign-in throttling and the audit log. Every case
//! runs on SQLite, and on PostgreSQL too when `PRAXIS_TEST_DATABASE_URL` names a server
//! (each case then gets a database of its own).

mod common;
use common::on_every_backend;

use praxis_domain::Role;
use praxis_store::{secret_hash, MembershipStatus, SecondFactor, Store, StoreError};

/// Every text cell of a table, whatever the backend, to look for secrets in it.
async fn text_cells(store: &Store, table: &str, columns: &str) -> Vec<String> {
    let sql = format!("SELECT {columns} FROM {table}");
    store.texts(&sql).await.unwrap()
}

async fn member(store: &Store, email: &str) -> i64 {
    store.create_user(email, "Someone", None, Role::Member, "en").await.unwrap()
}

/// An organisation, made the way `praxis user add --organisation` makes one.
async fn organisation(store: &Store, name: &str) -> (i64, praxis_store::User) {
    let slug = praxis_domain::text::slug(name);
    let editor_id = store
        .upsert_user(&format!("editor@{slug}.example"), "Eda Editor", Role::Editor, Some(name))
        .await
        .unwrap();
    let editor = store.user(editor_id).await.unwrap().unwrap();
    let org = store.organisation(&slug).await.unwrap().expect("organisation created by upsert_user");
    (org.id, editor)
}

#[tokio::test]
async fn one_address_has_one_account() {
    on_every_backend(|store| async move {
        let id =
            store.create_user("ana@lyon.fr", "Ana", Some("$argon2id$x"), Role::Member, "fr").await.unwrap();
        let err = store.create_user("ana@lyon.fr", "Another Ana", None, Role::Admin, "en").await.unwrap_err();
        assert!(matches!(err, StoreError::Conflict(_)), "{err}");

        let user = store.user_by_email("ana@lyon.fr").await.unwrap().expect("stored");
        assert_eq!(user.id, id);
        assert_eq!(user.name, "Ana", "the second attempt changed nothing");
        assert_eq!(user.role(), Role::Member);
        assert_eq!(user.language, "fr");
        assert_eq!(user.password_hash.as_deref(), Some("$argon2id$x"));
        assert_eq!(user.email_verified_at, None, "a new address is not verified");
        assert!(!user.totp_enabled());
        assert_eq!(store.users().await.unwrap().len(), 1);

        store.mark_email_verified(id).await.unwrap();
        let first = store.user(id).await.unwrap().unwrap().email_verified_at.expect("verified");
        store.mark_email_verified(id).await.unwrap();
        assert_eq!(
            store.user(id).await.unwrap().unwrap().email_verified_at,
            Some(first),
            "the first time is kept"
        );
        assert!(matches!(store.set_password(id + 1000, "h").await, Err(StoreError::NotFound)));
    })
    .await;
}

#[tokio::test]
async fn upsert_user_makes_a_verified_member_and_is_idempotent() {
    on_every_backend(|store| async move {
        let id = store
            .upsert_user("bo@montevideo.gub.uy", "Bo", Role::Member, Some("Intendencia de Montevideo"))
            .await
            .unwrap();
        let user = store.user(id).await.unwrap().unwrap();
        assert!(user.email_verified_at.is_some(), "an administrator vouched for the address");
        assert_eq!(user.role(), Role::Member);
        let memberships = store.memberships_of(id).await.unwrap();
        assert_eq!(memberships.len(), 1);
        assert_eq!(memberships[0].status, MembershipStatus::Verified);
        assert_eq!(memberships[0].organisation.slug, "intendencia-de-montevideo");
        assert_eq!(memberships[0].organisation.name, "Intendencia de Montevideo");
        assert_eq!(memberships[0].user_email, "bo@montevideo.gub.uy");

        // Again, now as an editor: the same account, the same single membership.
        let again = store
            .upsert_user("bo@montevideo.gub.uy", "Bo", Role::Editor, Some("Intendencia de Montevideo"))
            .await
            .unwrap();
        assert_eq!(again, id);
        assert_eq!(store.user(id).await.unwrap().unwrap().role(), Role::Editor, "the role is updated");
        let memberships = store.memberships_of(id).await.unwrap();
        assert_eq!(memberships.len(), 1);
        assert_eq!(memberships[0].status, MembershipStatus::Verified);
        assert_eq!(store.organisations().await.unwrap().len(), 1, "no second organisation");
        assert_eq!(store.users().await.unwrap().len(), 1);
        assert!(store.pending_memberships().await.unwrap().is_empty());

        // Without an organisation: an account and no membership.
        let admin = store.upsert_user("root@network.example", "Root", Role::Admin, None).await.unwrap();
        assert!(store.memberships_of(admin).await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn sessions_know_their_account_and_second_factor() {
    on_every_backend(|store| async move {
        let ana = member(&store, "ana@lyon.fr").await;
        let bo = member(&store, "bo@lyon.fr").await;

        let done = store.create_session(ana).await.unwrap();
        let (user, factor) = store.session_user(&done).await.unwrap().expect("a live session");
        assert_eq!((user.id, factor), (ana, SecondFactor::Done));

        let pending = store.create_session_with(ana, SecondFactor::Pending).await.unwrap();
        assert_ne!(pending, done);
        assert_eq!(store.session_user(&pending).await.unwrap().unwrap().1, SecondFactor::Pending);
        store.complete_second_factor(&pending).await.unwrap();
        assert_eq!(store.session_user(&pending).await.unwrap().unwrap().1, SecondFactor::Done);

        let not_needed = store.create_session_with(ana, SecondFactor::NotNeeded).await.unwrap();
        assert_eq!(store.session_user(&not_needed).await.unwrap().unwrap().1, SecondFactor::NotNeeded);
        let bos = store.create_session(bo).await.unwrap();

        assert!(store.session_user("not-a-session").await.unwrap().is_none());
        assert!(store.session_user("").await.unwrap().is_none());

        // Only hashes are kept: no cell of the table holds a token.
        let tokens = [&done, &pending, &not_needed, &bos];
        let hashes = text_cells(&store, "sessions", "token_hash").await;
        assert_eq!(hashes.len(), 4);
        for token in tokens {
            assert_eq!(token.len(), 43, "256 bits, URL-safe base64");
            assert!(hashes.contains(&secret_hash(token)));
        }
        for column in ["token_hash", "second_factor", "created_at", "expires_at"] {
            for cell in text_cells(&store, "sessions", column).await {
                for token in tokens {
                    assert!(!cell.contains(token.as_str()), "sessions.{column} holds a session token");
                }
            }
        }

        store.delete_session(&done).await.unwrap();
        assert!(store.session_user(&done).await.unwrap().is_none());
        assert!(store.session_user(&pending).await.unwrap().is_some(), "other sessions stay");

        assert_eq!(store.delete_sessions_of(ana).await.unwrap(), 2);
        assert!(store.session_user(&pending).await.unwrap().is_none());
        assert!(store.session_user(&not_needed).await.unwrap().is_none());
        assert!(store.session_user(&bos).await.unwrap().is_some(), "another account stays signed in");
        assert_eq!(store.delete_sessions_of(ana).await.unwrap(), 0);
    })
    .await;
}

#[tokio::test]
async fn api_tokens_work_until_revoked_by_their_owner() {
    on_every_backend(|store| async move {
        let ana = member(&store, "ana@lyon.fr").await;
        let bo = member(&store, "bo@lyon.fr").await;
        let token = store.create_api_token(ana, "Import script").await.unwrap();
        assert!(token.starts_with("praxis_"), "{token}");
        let other = store.create_api_token(ana, "Second").await.unwrap();
        assert_ne!(token, other);

        assert_eq!(store.api_token_user(&token).await.unwrap().expect("valid token").id, ana);
        assert!(store.api_token_user("praxis_nope").await.unwrap().is_none());
        let listed = store.api_tokens_of(ana).await.unwrap();
        assert_eq!(listed.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(), ["Import script", "Second"]);
        assert!(listed.iter().all(|t| t.revoked_at.is_none()));
        assert!(store.api_tokens_of(bo).await.unwrap().is_empty());
        let id = listed[0].id;

        for cell in text_cells(&store, "api_tokens", "token_hash")
            .await
            .into_iter()
            .chain(text_cells(&store, "api_tokens", "label").await)
        {
            assert!(!cell.contains(&token) && !cell.contains(&other), "a token is stored in clear");
        }

        // Someone else cannot revoke it, nor can anyone revoke a token that does not exist.
        assert!(matches!(store.revoke_api_token(bo, id).await, Err(StoreError::NotFound)));
        assert!(matches!(store.revoke_api_token(ana, id + 1000).await, Err(StoreError::NotFound)));
        assert!(store.api_token_user(&token).await.unwrap().is_some(), "still valid");

        store.revoke_api_token(ana, id).await.unwrap();
        assert!(store.api_token_user(&token).await.unwrap().is_none(), "a revoked token is refused");
        assert_eq!(store.api_token_user(&other).await.unwrap().unwrap().id, ana, "the other token stays");
        let listed = store.api_tokens_of(ana).await.unwrap();
        let revoked_at = listed[0].revoked_at.clone().expect("revocation recorded");
        assert!(listed[1].revoked_at.is_none());

        // Revoking again is harmless and keeps the first time.
        store.revoke_api_token(ana, id).await.unwrap();
        assert_eq!(store.api_tokens_of(ana).await.unwrap()[0].revoked_at, Some(revoked_at));
    })
    .await;
}

#[tokio::test]
async fn one_time_links_work_once_for_their_purpose_until_they_expire() {
    on_every_backend(|store| async move {
        let ana = member(&store, "ana@lyon.fr").await;
        let verify = store.create_one_time(ana, "verify", 3600).await.unwrap();
        assert_eq!(store.use_one_time(&verify, "reset").await.unwrap(), None, "another purpose");
        assert_eq!(
            store.use_one_time(&verify, "verify").await.unwrap(),
            Some(ana),
            "the wrong purpose did not use it"
        );
        assert_eq!(store.use_one_time(&verify, "verify").await.unwrap(), None, "used once");

        let expired = store.create_one_time(ana, "reset", -1).await.unwrap();
        assert_eq!(store.use_one_time(&expired, "reset").await.unwrap(), None, "expired");
        assert_eq!(store.use_one_time("unknown", "reset").await.unwrap(), None);
        assert_eq!(store.use_one_time("", "reset").await.unwrap(), None);

        let reset = store.create_one_time(ana, "reset", 3600).await.unwrap();
        assert_ne!(reset, verify);
        for cell in text_cells(&store, "one_time_tokens", "token_hash").await {
            assert!(!cell.contains(&reset) && !cell.contains(&verify), "a link secret is stored in clear");
        }
        assert_eq!(store.use_one_time(&reset, "reset").await.unwrap(), Some(ana));
    })
    .await;
}

#[tokio::test]
async fn two_factor_codes_cannot_be_replayed() {
    on_every_backend(|store| async move {
        let ana = member(&store, "ana@lyon.fr").await;
        let bo = member(&store, "bo@lyon.fr").await;
        store.set_totp_secret(ana, "JBSWY3DPEHPK3PXP").await.unwrap();
        let user = store.user(ana).await.unwrap().unwrap();
        assert_eq!(user.totp_secret.as_deref(), Some("JBSWY3DPEHPK3PXP"));
        assert!(!user.totp_enabled(), "a new secret is not enabled until proven");
        store.enable_totp(ana).await.unwrap();
        assert!(store.user(ana).await.unwrap().unwrap().totp_enabled());

        assert!(store.use_totp_step(ana, 1000).await.unwrap());
        assert!(!store.use_totp_step(ana, 1000).await.unwrap(), "the same step again");
        assert!(!store.use_totp_step(ana, 999).await.unwrap(), "an earlier step");
        assert!(store.use_totp_step(ana, 1001).await.unwrap(), "the next step");
        assert!(store.use_totp_step(bo, 1000).await.unwrap(), "steps are per account");

        // A new secret starts over (and is off until proven again).
        store.set_totp_secret(ana, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").await.unwrap();
        assert!(!store.user(ana).await.unwrap().unwrap().totp_enabled());
        assert!(store.use_totp_step(ana, 500).await.unwrap());
    })
    .await;
}

#[tokio::test]
async fn the_audit_log_pages_and_filters_with_names_matched_as_written() {
    on_every_backend(|store| async move {
        let id = member(&store, "ada@network.org").await;
        let ada = store.user(id).await.unwrap().unwrap();
        for (action, subject) in [
            ("initiative.publish", "a_b"),
            ("initiative.publish", "axb"),
            ("event.save", "100%-green"),
            ("event.save", "x"),
        ] {
            store.audit(&ada, action, "initiative", subject, "").await.unwrap();
        }
        let (all, total) = store.audit_page("", "", 0, 3).await.unwrap();
        assert_eq!((all.len(), total), (3, 4), "a page of three out of four");
        assert_eq!(all[0].subject_id, "x", "newest first");
        let (rest, _) = store.audit_page("", "", 3, 3).await.unwrap();
        assert_eq!(rest.len(), 1);
        let (saved, total) = store.audit_page("event.save", "", 0, 10).await.unwrap();
        assert_eq!((saved.len(), total), (2, 2));
        // `_` and `%` are characters here, not wildcards; names match in any case.
        let (one, _) = store.audit_page("", "A_B", 0, 10).await.unwrap();
        assert_eq!(one.iter().map(|e| e.subject_id.as_str()).collect::<Vec<_>>(), ["a_b"]);
        let (green, _) = store.audit_page("", "100%", 0, 10).await.unwrap();
        assert_eq!(green.len(), 1);
        let (by_actor, total) = store.audit_page("initiative.publish", "ADA", 0, 10).await.unwrap();
        assert_eq!((by_actor.len(), total), (2, 2));
    })
    .await;
}

#[tokio::test]
async fn rate_limit_hits_are_counted_per_subject_and_cleared() {
    on_every_backend(|store| async move {
        for _ in 0..3 {
            store.hit("account:ana@lyon.fr").await.unwrap();
        }
        store.hit("address:192.0.2.1").await.unwrap();
        assert_eq!(store.hits("account:ana@lyon.fr", 900).await.unwrap(), 3);
        assert_eq!(store.hits("address:192.0.2.1", 900).await.unwrap(), 1);
        assert_eq!(store.hits("account:bo@lyon.fr", 900).await.unwrap(), 0);

        // Outside the window they no longer count.
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        assert_eq!(store.hits("account:ana@lyon.fr", 0).await.unwrap(), 0);

        store.clear_hits("account:ana@lyon.fr").await.unwrap();
        assert_eq!(store.hits("account:ana@lyon.fr", 900).await.unwrap(), 0);
        assert_eq!(store.hits("address:192.0.2.1", 900).await.unwrap(), 1, "only that subject");
    })
    .await;
}

#[tokio::test]
async fn membership_is_automatic_only_for_verified_addresses_at_the_organisations_domains() {
    on_every_backend(|store| async move {
        let (lyon, _) = organisation(&store, "Ville de Lyon").await;
        store.set_organisation_domains(lyon, "city", "Lyon.FR, grandlyon.com\nmairie-lyon.fr").await.unwrap();
        let org = store.organisation("ville-de-lyon").await.unwrap().unwrap();
        assert_eq!(org.kind, "city");
        assert_eq!(org.email_domains, "lyon.fr grandlyon.com mairie-lyon.fr");
        assert_eq!(org.domains().collect::<Vec<_>>(), ["lyon.fr", "grandlyon.com", "mairie-lyon.fr"]);

        // A verified address at one of the domains joins at once.
        let ana = member(&store, "ana@grandlyon.com").await;
        store.mark_email_verified(ana).await.unwrap();
        assert_eq!(store.request_membership(ana, lyon).await.unwrap(), MembershipStatus::Verified);
        assert_eq!(store.memberships_of(ana).await.unwrap()[0].status, MembershipStatus::Verified);

        // The right domain but not yet verified: an editor decides.
        let bo = member(&store, "bo@lyon.fr").await;
        assert_eq!(store.request_membership(bo, lyon).await.unwrap(), MembershipStatus::Pending);
        assert_eq!(store.memberships_of(bo).await.unwrap()[0].status, MembershipStatus::Pending);
        // Once verified, asking again is enough.
        store.mark_email_verified(bo).await.unwrap();
        assert_eq!(store.request_membership(bo, lyon).await.unwrap(), MembershipStatus::Verified);
        assert_eq!(store.memberships_of(bo).await.unwrap().len(), 1);
        assert_eq!(store.memberships_of(bo).await.unwrap()[0].status, MembershipStatus::Verified);

        // Verified addresses elsewhere, or at look-alike domains, wait for an editor.
        let mut waiting = Vec::new();
        for email in ["cy@gmail.com", "di@sub.lyon.fr", "ed@lyon.fr.example.com", "fa@notlyon.fr"] {
            let id = member(&store, email).await;
            store.mark_email_verified(id).await.unwrap();
            assert_eq!(
                store.request_membership(id, lyon).await.unwrap(),
                MembershipStatus::Pending,
                "{email}"
            );
            waiting.push(email);
        }
        let pending = store.pending_memberships().await.unwrap();
        assert_eq!(pending.iter().map(|m| m.user_email.as_str()).collect::<Vec<_>>(), waiting);
        assert!(pending.iter().all(|m| m.organisation.id == lyon && m.status == MembershipStatus::Pending));

        // An organisation with no domains never joins anyone automatically.
        let (other, _) = organisation(&store, "Commune de Test").await;
        assert_eq!(store.request_membership(ana, other).await.unwrap(), MembershipStatus::Pending);

        assert!(matches!(store.request_membership(ana, other + 1000).await, Err(StoreError::NotFound)));
        assert!(matches!(store.request_membership(ana + 1000, lyon).await, Err(StoreError::NotFound)));
    })
    .await;
}

#[tokio::test]
async fn membership_decisions_are_audited() {
    on_every_backend(|store| async move {
        let (lyon, editor) = organisation(&store, "Ville de Lyon").await;
        let bo = member(&store, "bo@gmail.com").await;
        let cy = member(&store, "cy@gmail.com").await;
        store.request_membership(bo, lyon).await.unwrap();
        store.request_membership(cy, lyon).await.unwrap();
        assert_eq!(store.pending_memberships().await.unwrap().len(), 2);

        store.decide_membership(bo, lyon, true, &editor).await.unwrap();
        store.decide_membership(cy, lyon, false, &editor).await.unwrap();
        assert_eq!(store.memberships_of(bo).await.unwrap()[0].status, MembershipStatus::Verified);
        assert_eq!(store.memberships_of(cy).await.unwrap()[0].status, MembershipStatus::Refused);
        assert!(store.pending_memberships().await.unwrap().is_empty());

        let bo_subject = format!("{bo}/{lyon}");
        let entries = store.audit_log(Some(("membership", &bo_subject)), 10).await.unwrap();
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].action, "membership.verify");
        assert_eq!(entries[0].actor, editor.email);
        assert_eq!(entries[0].subject_type, "membership");
        assert_eq!(entries[0].subject_id, bo_subject);
        let cy_subject = format!("{cy}/{lyon}");
        let entries = store.audit_log(Some(("membership", &cy_subject)), 10).await.unwrap();
        assert_eq!(entries.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["membership.refuse"]);

        // No request, no decision, no audit entry.
        let di = member(&store, "di@gmail.com").await;
        assert!(matches!(store.decide_membership(di, lyon, true, &editor).await, Err(StoreError::NotFound)));
        assert!(store.memberships_of(di).await.unwrap().is_empty());
        assert!(store.audit_log(Some(("membership", &format!("{di}/{lyon}"))), 10).await.unwrap().is_empty());
        assert_eq!(store.audit_log(None, 10).await.unwrap().len(), 2);
    })
    .await;
}

#[tokio::test]
async fn the_audit_log_is_newest_first_and_filters_by_subject() {
    on_every_backend(|store| async move {
        let admin_id = store.upsert_user("root@network.example", "Root", Role::Admin, None).await.unwrap();
        let admin = store.user(admin_id).await.unwrap().unwrap();
        store.audit(&admin, "account.role", "account", "ana@lyon.fr", "member -> editor").await.unwrap();
        store.audit(&admin, "account.role", "account", "bo@lyon.fr", "member -> admin").await.unwrap();
        store.audit(&admin, "account.role", "account", "ana@lyon.fr", "editor -> member").await.unwrap();
        store.audit(&admin, "initiative.publish", "initiative", "ana@lyon.fr", "").await.unwrap();

        let ana = store.audit_log(Some(("account", "ana@lyon.fr")), 10).await.unwrap();
        assert_eq!(
            ana.iter().map(|e| e.detail.as_str()).collect::<Vec<_>>(),
            ["editor -> member", "member -> editor"]
        );
        assert!(ana[0].id > ana[1].id && ana[0].at >= ana[1].at, "newest first");
        assert!(ana.iter().all(|e| e.actor == "root@network.example" && e.action == "account.role"));
        assert_eq!(store.audit_log(Some(("account", "bo@lyon.fr")), 10).await.unwrap().len(), 1);
        assert_eq!(
            store.audit_log(Some(("initiative", "ana@lyon.fr")), 10).await.unwrap().len(),
            1,
            "the type counts too"
        );
        assert!(store.audit_log(Some(("account", "nobody")), 10).await.unwrap().is_empty());

        let all = store.audit_log(None, 10).await.unwrap();
        assert_eq!(all.len(), 4);
        assert_eq!(all[0].action, "initiative.publish");
        assert!(all.windows(2).all(|w| w[0].id > w[1].id));
        assert_eq!(store.audit_log(None, 2).await.unwrap().len(), 2, "the limit holds");
        assert_eq!(
            store.audit_log(Some(("account", "ana@lyon.fr")), 1).await.unwrap()[0].detail,
            "editor -> member"
        );
    })
    .await;
}

#[tokio::test]
async fn asking_again_keeps_and_reports_a_verified_membership() {
    on_every_backend(|store| async move {
        let (lyon, editor) = organisation(&store, "Ville de Lyon").await;
        let bo = member(&store, "bo@gmail.com").await;
        store.request_membership(bo, lyon).await.unwrap();
        store.decide_membership(bo, lyon, true, &editor).await.unwrap();
        let answer = store.request_membership(bo, lyon).await.unwrap();
        assert_eq!(store.memberships_of(bo).await.unwrap()[0].status, MembershipStatus::Verified, "kept");
        assert!(store.pending_memberships().await.unwrap().is_empty());
        assert_eq!(answer, MembershipStatus::Verified, "the answer says what is stored");
    })
    .await;
}

fn initiative(id: &str, organisation: &str, status: &str) -> praxis_domain::InitiativeRecord {
    praxis_domain::InitiativeRecord::from_json(&serde_json::json!({
        "id": id, "language": "fr",
        "title": {"fr": format!("Initiative {id}")}, "summary": {"fr": "Résumé."},
        "city": "Lyon", "country": "FR", "organisation": organisation,
        "themes": ["housing"], "kind": "program", "status": status
    }))
    .unwrap()
    .record
}

#[tokio::test]
async fn review_queues_and_organisation_lists_see_every_status() {
    on_every_backend(|store| async move {
        store.upsert_user("ana@lyon.fr", "Ana", Role::Member, Some("Ville de Lyon")).await.unwrap();
        let records = [
            initiative("a", "Ville de Lyon", "submitted"),
            initiative("b", "VILLE DE LYON", "draft"),
            initiative("c", "Métropole de Lyon", "published"),
        ];
        store.import(&records, "test", &|_| {}).await.unwrap();
        let queue = store.initiatives_with_status("submitted", 10).await.unwrap();
        assert_eq!(queue.iter().map(|s| s.record.id.as_str()).collect::<Vec<_>>(), ["a"]);
        let mut mine: Vec<String> = store
            .organisation_initiatives(&["ville de lyon".to_string()])
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.record.id)
            .collect();
        mine.sort();
        assert_eq!(
            mine,
            ["a", "b"],
            "names compare without case; the account's organisation is the imported one"
        );
        assert_eq!(
            store.organisations().await.unwrap().len(),
            2,
            "user add and import share one organisation"
        );
    })
    .await;
}

#[tokio::test]
async fn hiding_after_a_report_keeps_a_revision_and_resolves_every_open_report() {
    on_every_backend(|store| async move {
        let (_, editor) = organisation(&store, "Network").await;
        store.import(&[initiative("x", "Ville de Lyon", "published")], "test", &|_| {}).await.unwrap();
        let first = store.report("x", "personal_data", "a phone number", None).await.unwrap();
        store.report("x", "spam", "", None).await.unwrap();
        assert!(matches!(store.report("x", "boring", "", None).await, Err(StoreError::Invalid { .. })));
        assert_eq!(store.open_reports().await.unwrap().len(), 2);

        let resolved = store.resolve_report(first, true, "removed", &editor).await.unwrap();
        assert_eq!(resolved.resolution.as_deref(), Some("hidden"));
        assert!(store.open_reports().await.unwrap().is_empty(), "hiding resolves every report about it");
        let revisions = store.revisions("x").await.unwrap();
        assert_eq!(revisions.len(), 2, "the hidden state is a new revision; the old one is kept");
        assert_eq!(revisions[1].record.status.id(), "hidden");
        assert_eq!(revisions[1].author, editor.email);
        assert!(store.published_initiatives(&["x".to_string()]).await.unwrap().is_empty());
        let audit = store.audit_log(Some(("initiative", "x")), 5).await.unwrap();
        assert_eq!(audit[0].action, "report.hide");
        assert!(matches!(store.resolve_report(9999, false, "", &editor).await, Err(StoreError::NotFound)));
    })
    .await;
}

#[tokio::test]
async fn a_proposal_waits_beside_the_published_version() {
    on_every_backend(|store| async move {
        store.import(&[initiative("p", "Ville de Lyon", "published")], "editor", &|_| {}).await.unwrap();
        let mut change = initiative("p", "Ville de Lyon", "submitted");
        change.summary =
            praxis_domain::Multilingual::one(praxis_domain::Lang::known("fr"), "Nouveau résumé.");
        let n = store.propose_initiative(&change, "ana@lyon.fr").await.unwrap();
        assert_eq!(n, 2);
        let stored = store.initiative("p").await.unwrap().unwrap();
        assert_eq!(stored.record.status.id(), "published", "the public version stays");
        assert_eq!(stored.proposed_revision, Some(2));
        assert_eq!(store.proposal("p").await.unwrap().unwrap().record, change);
        assert_eq!(store.initiatives_with_proposals(10).await.unwrap().len(), 1);
        assert_eq!(store.published_initiatives(&["p".to_string()]).await.unwrap().len(), 1);

        // Saving a record (the editor accepting it) clears the proposal and numbers on.
        let mut accepted = change.clone();
        accepted.status = praxis_domain::Status::Published;
        store.save_initiative(&accepted, "editor").await.unwrap();
        let stored = store.initiative("p").await.unwrap().unwrap();
        assert_eq!((stored.revision, stored.proposed_revision), (3, None));
        assert!(store.initiatives_with_proposals(10).await.unwrap().is_empty());
        assert!(matches!(
            store.propose_initiative(&initiative("nope", "X", "submitted"), "a").await,
            Err(StoreError::NotFound)
        ));
    })
    .await;
}

#[tokio::test]
async fn an_audited_save_writes_the_revision_and_the_entry_together() {
    on_every_backend(|store| async move {
        let (_, editor) = organisation(&store, "Network").await;
        let before = store.audit_log(None, 100).await.unwrap().len();
        // The decision's e-mail is queued in the same transaction.
        let letters = [praxis_store::Letter {
            kind: "mail-published".into(),
            to: "ana@lyon.fr".into(),
            subject: "Published".into(),
            body: "Your initiative is public.".into(),
        }];
        let note = praxis_store::AuditNote {
            actor: &editor,
            action: "initiative.publish",
            detail: "ok",
            letters: &letters,
        };
        store
            .save_initiative_audited(&initiative("q", "Ville de Lyon", "published"), &editor.email, &note)
            .await
            .unwrap();
        let entries = store.audit_log(Some(("initiative", "q")), 5).await.unwrap();
        assert_eq!((entries.len(), entries[0].action.as_str()), (1, "initiative.publish"));
        // A record the store refuses leaves no audit entry either.
        let mut bad = initiative("r", "Ville de Lyon", "published");
        bad.themes.clear();
        assert!(store.save_initiative_audited(&bad, &editor.email, &note).await.is_err());
        assert_eq!(store.audit_log(None, 100).await.unwrap().len(), before + 1);
        // One letter queued (for the save that happened), none for the refused one.
        let queued =
            store.texts("SELECT recipient FROM mail_outbox WHERE kind = 'mail-published'").await.unwrap();
        assert_eq!(queued, ["ana@lyon.fr"]);
        assert!(store.initiative("r").await.unwrap().is_none());
    })
    .await;
}

#[tokio::test]
async fn old_throttling_counts_are_pruned() {
    on_every_backend(|store| async move {
        store.hit("address:203.0.113.7").await.unwrap();
        let sql =
            "INSERT INTO rate_limit_hits (subject, at) VALUES ('address:old', '2020-01-01T00:00:00.000000Z')";
        store.run_sql(sql).await.unwrap();
        assert_eq!(store.prune_hits().await.unwrap(), 1);
        assert_eq!(store.hits("address:203.0.113.7", 900).await.unwrap(), 1, "recent counts stay");
    })
    .await;
}
