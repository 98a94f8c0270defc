//! Places as profiles: the page (facts, initiatives, calls signed with their commitments,
//! events its people spoke at, peers with reasons) and its peers in the API; and the
//! initiative page's links to the events that discussed it and the signatories whose
//! commitments it carries out.

mod common;

use common::{langs, TestApp};
use praxis_domain::{CallsFile, EventRecord, Lang};
use serde_json::{json, Value};
use std::collections::HashMap;

async fn app() -> TestApp {
    let app = TestApp::with_demo(&langs()).await;
    let calls: CallsFile = serde_json::from_str(include_str!("../../../data/demo/calls.json")).unwrap();
    app.store().load_calls(&calls, "test").await.unwrap();
    let event: EventRecord = serde_json::from_value(json!({
        "id": "metro-forum",
        "language": "fr",
        "title": {"fr": "Forum des métropoles"},
        "description": {"fr": "Bus, vélos et rues pour les enfants."},
        "format": "webinar",
        "start": "2030-01-18T15:00",
        "end": "2030-01-18T16:30",
        "time_zone": "Europe/Paris",
        "languages": ["fr"],
        "themes": ["mobility"],
        "initiatives": ["demo-fr-004"],
        "online_link": "https://meet.example.org/metro-forum",
        "speakers": [
            {"name": "Hélène Brun", "place": "Lyon, France"},
            {"name": "Someone Else", "place": "Lyons Falls, United States"}
        ]
    }))
    .unwrap();
    app.store().save_event(&event, "test").await.unwrap();
    app
}

#[tokio::test]
async fn a_place_page_shows_its_facts_signatures_events_and_peers() {
    let app = app().await;
    for &lang in Lang::all() {
        let code = lang.code();
        let reply = app.get(&format!("/{code}/places/fr-lyon")).await;
        assert_eq!(reply.status, 200, "{code}");
        let html = &reply.body;
        // As the page writes it: escaped for HTML.
        let t = |key: &str| {
            app.state.i18n.t(lang, key).replace('&', "&amp;").replace('\'', "&#x27;").replace('"', "&quot;")
        };
        for key in ["place-region", "place-signed-title", "place-events-title", "place-peers-title"] {
            assert!(html.contains(&t(key)), "{code}: {key} is shown");
        }
        assert!(html.contains(&t("region-europe")), "{code}: Lyon is in Europe");
        // The demo register: the Métropole de Lyon signed, with its commitments.
        assert!(html.contains("Métropole de Lyon"), "{code}: its signature");
        assert!(html.contains("/calls/metropolitan-communities-2030/signatories/"), "{code}: linked");
        assert!(html.contains(&t("place-committed-to")), "{code}: what it committed to");
        // Its speaker, and not the one from a town whose name only begins the same.
        assert!(html.contains("Hélène Brun") && html.contains("/events/metro-forum"), "{code}");
        assert!(!html.contains("Someone Else"), "{code}: Lyons Falls is not Lyon");
        assert!(html.contains(&format!("href=\"/{code}/places/")), "{code}: peers link to places");
    }
    // A place with no signature and no speaker says so instead of an empty heading.
    let reply = app.get("/en/places/br-recife").await;
    assert_eq!(reply.status, 200);
    let en = Lang::known("en");
    assert!(reply.body.contains(&app.state.i18n.t(en, "place-signed-none")));
    assert!(reply.body.contains(&app.state.i18n.t(en, "place-events-none")));
    assert_eq!(app.get("/en/places/xx-nowhere").await.status, 404);
}

#[tokio::test]
async fn peers_are_alike_in_size_region_or_themes_and_say_why_in_the_readers_language() {
    let app = app().await;
    let reply = app.get("/api/v1/places/uy-montevideo/peers?lang=es&limit=6").await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let body = reply.json();
    let peers = body["peers"].as_array().unwrap();
    assert!(!peers.is_empty() && peers.len() <= 6, "{body}");
    let mut per_country: HashMap<&str, usize> = HashMap::new();
    let mut last = f64::INFINITY;
    for peer in peers {
        for field in ["slug", "name", "country", "why"] {
            assert!(peer[field].as_str().is_some_and(|v| !v.is_empty()), "{field} in {peer}");
        }
        assert_ne!(peer["slug"], "uy-montevideo", "not itself");
        let score = peer["score"].as_f64().unwrap();
        assert!(score > 0.0 && score <= last, "best first: {body}");
        last = score;
        *per_country.entry(peer["country"].as_str().unwrap()).or_default() += 1;
    }
    assert!(per_country.values().all(|n| *n <= 2), "at most two from one country: {body}");
    // Montevideo's region is Latin America; the reasons say so in Spanish.
    let region = app.state.i18n.t(Lang::known("es"), "region-latin-america-caribbean");
    assert!(peers.iter().any(|p| p["why"].as_str().unwrap().contains(&region)), "{body}");
    // The same peers, in the same order, on the page.
    let page = app.get("/es/places/uy-montevideo").await.body;
    let first = peers[0]["slug"].as_str().unwrap();
    assert!(page.contains(&format!("href=\"/es/places/{first}\"")), "the page lists the best peer");
}

#[tokio::test]
async fn bad_peer_requests_get_a_clear_refusal() {
    let app = TestApp::with_demo(&["es"]).await;
    for (uri, status, code) in [
        ("/api/v1/places/uy-montevideo/peers?limit=0", 400, "invalid_limit"),
        ("/api/v1/places/uy-montevideo/peers?limit=21", 400, "invalid_limit"),
        ("/api/v1/places/uy-montevideo/peers?lang=xx", 400, "invalid_lang"),
        ("/api/v1/places/xx-nowhere/peers", 404, "not_found"),
    ] {
        let reply = app.get(uri).await;
        assert_eq!(reply.status, status, "{uri}: {}", reply.body);
        let body: Value = reply.json();
        assert_eq!(body["error"]["code"], code, "{uri}: {body}");
    }
}

#[tokio::test]
async fn an_initiative_page_links_the_events_and_the_signatories_it_connects_to() {
    let app = app().await;
    let reply = app.get("/es/initiatives/demo-fr-004").await;
    assert_eq!(reply.status, 200);
    let html = &reply.body;
    let es = Lang::known("es");
    // The demo register: the Métropole de Lyon names demo-fr-004 among its initiatives.
    assert!(html.contains(&app.state.i18n.t(es, "initiative-commitments-title")), "{html}");
    assert!(html.contains("href=\"/es/calls/metropolitan-communities-2030/signatories/"));
    assert!(html.contains(&app.state.i18n.t(es, "initiative-events-title")));
    assert!(html.contains("href=\"/es/events/metro-forum\""), "the event that discussed it");
    assert!(html.contains(&app.state.i18n.t(es, "field-updated")), "when it last changed");
    // An initiative nobody names shows neither section.
    let other = app.get("/es/initiatives/demo-es-003").await.body;
    assert!(!other.contains(&app.state.i18n.t(es, "initiative-commitments-title")));
    assert!(!other.contains(&app.state.i18n.t(es, "initiative-events-title")));
}
