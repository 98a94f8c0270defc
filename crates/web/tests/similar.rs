//! Similar initiatives: the API answer and the section of the initiative page, on the
//! demo initiatives of every registry language (these suites run without the model, so
//! neighbours come from shared concepts and themes, and say so).

mod common;

use common::{langs, TestApp};
use serde_json::Value;
use std::collections::HashSet;

#[tokio::test]
async fn the_api_lists_neighbours_in_several_languages_one_per_place_each_with_a_reason() {
    let app = TestApp::with_demo(&langs()).await;
    let reply = app.get("/api/v1/initiatives/demo-fr-001/similar?lang=es&limit=5").await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let body = reply.json();
    assert_eq!(body["basis"], "concepts", "without the model the answer says how it was found");
    let hits = body["hits"].as_array().unwrap();
    assert!(!hits.is_empty() && hits.len() <= 5, "{body}");
    let mut places = HashSet::new();
    for hit in hits {
        for field in ["id", "title", "language", "city", "country", "why"] {
            assert!(hit[field].as_str().is_some_and(|v| !v.is_empty()), "{field} in {hit}");
        }
        assert!(hit["score"].is_number());
        assert_ne!(hit["id"], "demo-fr-001", "not itself");
        assert_ne!(hit["city"], "Paris", "not its own city");
        assert!(places.insert(format!("{}-{}", hit["city"], hit["country"])), "one per place: {body}");
    }
    let languages: HashSet<&str> = hits.iter().filter_map(|h| h["language"].as_str()).collect();
    assert!(languages.iter().any(|l| *l != "fr"), "neighbours cross languages: {body}");
    // Reasons are written in the reader's language: the Spanish label of a theme the
    // two share (demo-fr-001 is about climate).
    let climate = app.state.i18n.t(praxis_domain::Lang::known("es"), "theme-environment-climate");
    assert!(
        hits.iter().any(|h| h["why"].as_str().unwrap().contains(&climate)),
        "a reason names shared themes in Spanish: {body}"
    );
}

#[tokio::test]
async fn bad_requests_get_a_clear_refusal() {
    let app = TestApp::with_demo(&["fr"]).await;
    for (uri, status, code) in [
        ("/api/v1/initiatives/demo-fr-001/similar?limit=0", 400, "invalid_limit"),
        ("/api/v1/initiatives/demo-fr-001/similar?limit=21", 400, "invalid_limit"),
        ("/api/v1/initiatives/demo-fr-001/similar?limit=lots", 400, "invalid_limit"),
        ("/api/v1/initiatives/demo-fr-001/similar?lang=xx", 400, "invalid_lang"),
        ("/api/v1/initiatives/no-such-thing/similar", 404, "not_found"),
    ] {
        let reply = app.get(uri).await;
        assert_eq!(reply.status, status, "{uri}: {}", reply.body);
        let body: Value = reply.json();
        assert_eq!(body["error"]["code"], code, "{uri}: {body}");
    }
}

#[tokio::test]
async fn the_initiative_page_shows_similar_initiatives_with_why() {
    let app = TestApp::with_demo(&langs()).await;
    let reply = app.get("/en/initiatives/demo-fr-001").await;
    assert_eq!(reply.status, 200);
    let html = &reply.body;
    let en = praxis_domain::Lang::known("en");
    assert!(html.contains(&app.state.i18n.t(en, "similar-title")), "the section is there");
    assert!(html.contains("class=\"similar-list\""), "with a list");
    assert!(html.contains("href=\"/en/initiatives/demo-"), "of links to other initiatives");
    assert!(html.contains(&app.state.i18n.t(en, "similar-by-concepts")), "saying how they were found");
}
