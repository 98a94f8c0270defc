//! What anonymous readers are sent is kept until the published data moves: kept answers
//! are the same as rendered ones, each reader's forms carry their own CSRF token, nothing
//! signed in is kept, and a change to the data is seen at once.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{Reply, TestApp as App};

async fn get_with_cookie(app: &App, uri: &str, cookie: &str) -> Reply {
    app.send(Request::get(uri).header(header::COOKIE, cookie).body(Body::empty()).unwrap()).await
}

fn cache(reply: &Reply) -> Option<&str> {
    reply.headers.get("x-cache").map(|v| v.to_str().unwrap())
}

#[tokio::test]
async fn a_public_page_is_rendered_once_and_answered_again_from_memory() {
    let app = App::with_demo(&["en", "fr"]).await;
    let csrf = format!("praxis_csrf={}", "c".repeat(40));
    let first = get_with_cookie(&app, "/en/initiatives?q=housing", &csrf).await;
    let again = get_with_cookie(&app, "/en/initiatives?q=housing", &csrf).await;
    assert_eq!((first.status, cache(&first)), (StatusCode::OK, Some("miss")));
    assert_eq!(cache(&again), Some("hit"));
    assert_eq!(first.body, again.body);
    assert_eq!(first.headers[header::CONTENT_TYPE], again.headers[header::CONTENT_TYPE]);
    assert_eq!(first.headers[header::ETAG], again.headers[header::ETAG], "the same page, the same validator");
    let revalidated = app
        .send(
            Request::get("/en/initiatives?q=housing")
                .header(header::COOKIE, &csrf)
                .header(header::IF_NONE_MATCH, first.headers[header::ETAG].clone())
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!((revalidated.status, revalidated.body.as_str()), (StatusCode::NOT_MODIFIED, ""));
    assert_eq!(
        cache(&app.get("/en/initiatives?q=water").await),
        Some("miss"),
        "another query is another page"
    );
    assert_eq!(cache(&app.get("/fr/initiatives?q=housing").await), Some("miss"), "another language too");
    let api = app.get("/api/v1/search?q=logement&lang=fr").await;
    assert_eq!(cache(&api), Some("miss"));
    let api_again = app.get("/api/v1/search?q=logement&lang=fr").await;
    assert_eq!((cache(&api_again), api_again.body == api.body), (Some("hit"), true));
}

#[tokio::test]
async fn every_reader_gets_their_own_csrf_token_in_a_kept_page() {
    let app = App::with_demo(&["en"]).await;
    let (a, b) = ("a".repeat(40), "b".repeat(40));
    let id = app.get("/api/v1/search?q=&limit=1").await.json()["hits"][0]["id"].as_str().unwrap().to_string();
    let uri = format!("/en/initiatives/{id}");
    let first = get_with_cookie(&app, &uri, &format!("praxis_csrf={a}")).await;
    assert_eq!(cache(&first), Some("miss"));
    assert!(first.body.contains(&a), "the page's forms carry the reader's token");
    let second = get_with_cookie(&app, &uri, &format!("praxis_csrf={b}")).await;
    assert_eq!(cache(&second), Some("hit"));
    assert!(second.body.contains(&b) && !second.body.contains(&a), "never another reader's token");
    assert_eq!(second.body.matches(&b).count(), first.body.matches(&a).count());
    // A first visit gets a new token, in the cookie and in the page alike.
    let fresh = app.get(&uri).await;
    assert_eq!(cache(&fresh), Some("hit"));
    let set = fresh.headers[header::SET_COOKIE].to_str().unwrap();
    let token = set.trim_start_matches("praxis_csrf=").split(';').next().unwrap();
    assert!(token.len() >= 32 && fresh.body.contains(token) && !fresh.body.contains(&a));
}

#[tokio::test]
async fn nothing_signed_in_or_personal_is_kept() {
    let app = App::with_demo(&["en"]).await;
    app.get("/en/initiatives").await;
    // A session cookie (even one that has expired) or a token: rendered every time.
    let signed = get_with_cookie(&app, "/en/initiatives", "praxis_session=whatever").await;
    assert_eq!(cache(&signed), None);
    let with_token = app.api("GET", "/api/v1/search?q=water", Some("some-token"), None).await;
    assert_eq!(cache(&with_token), None);
    // Pages that are not public (a sign-in form, a reset link) are never kept.
    app.get("/en/sign-in").await;
    assert_eq!(cache(&app.get("/en/sign-in").await), None);
    app.get("/en/password/reset?token=secret-link-value").await;
    assert_eq!(cache(&app.get("/en/password/reset?token=secret-link-value").await), None);
    // Nor are errors.
    app.get("/en/initiatives/no-such-thing").await;
    assert_eq!(cache(&app.get("/en/initiatives/no-such-thing").await), None);
}

#[tokio::test]
async fn a_change_in_the_feed_is_seen_at_once() {
    let app = App::with_demo(&["en"]).await;
    let mut record = common::demo_records(&["en"]).remove(0);
    let before = app.get(&format!("/en/initiatives/{}", record.id)).await;
    assert_eq!(cache(&app.get(&format!("/en/initiatives/{}", record.id)).await), Some("hit"));
    record.title.0.insert(praxis_domain::Lang::known("en"), "A title changed a moment ago".into());
    app.store().import(&[record.clone()], "test", &|_| {}).await.unwrap();
    // Another node wrote it; this node sees it when it follows the feed.
    app.state.catalogue.catch_up(app.store()).await.unwrap();
    let after = app.get(&format!("/en/initiatives/{}", record.id)).await;
    assert_eq!(cache(&after), Some("miss"));
    assert!(after.body.contains("A title changed a moment ago") && !before.body.contains("changed a moment"));
}
