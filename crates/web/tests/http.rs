//! The website and API, exercised in-process through the same router `praxis serve` runs.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{langs, Reply, TestApp as App};
use praxis_domain::{InitiativeRecord, Lang};
use serde_json::json;

async fn app() -> App {
    App::with_demo(&["en", "fr", "es"]).await
}

async fn get_with(app: &App, uri: &str, accept_language: Option<&str>) -> Reply {
    app.get_with(uri, accept_language).await
}

async fn get(app: &App, uri: &str) -> Reply {
    app.get(uri).await
}

/// Interface keys that leaked through untranslated show up as `word-word` text; none of
/// the English file's keys may appear as visible text.
fn assert_translated(page: &str, uri: &str) {
    let keys: Vec<&str> = include_str!("../locales/en/main.ftl")
        .lines()
        .filter(|l| !l.starts_with([' ', '#']) && l.contains(" ="))
        .filter_map(|l| l.split(" =").next())
        .collect();
    for key in keys {
        assert!(!page.contains(&format!(">{key}<")), "{uri} shows the raw key {key}");
        assert!(!page.contains(&format!("\"{key}\"")), "{uri} has the raw key {key} in an attribute");
    }
}

#[tokio::test]
async fn root_redirects_by_accept_language() {
    let app = app().await;
    for (header, expected) in [
        (Some("fr-CA,fr;q=0.9,en;q=0.8"), "/fr/"),
        (Some("es-UY"), "/es/"),
        (Some("de-DE"), "/en/"),
        (None, "/en/"),
    ] {
        let reply = get_with(&app, "/", header).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        assert_eq!(reply.headers[header::LOCATION], expected);
        assert_eq!(reply.headers[header::VARY], "accept-language");
    }
}

#[tokio::test]
async fn every_page_answers_in_every_language() {
    let app = app().await;
    let place = app.state.store.initiative("demo-es-011").await.unwrap().unwrap().place.slug;
    for lang in langs() {
        for path in [
            "/".to_string(),
            "/initiatives".to_string(),
            "/initiatives?theme=housing&aim=inclusive&kind=program&country=UY&language=es&level=local&sort=title".to_string(),
            "/initiatives?q=alquiler".to_string(),
            "/initiatives?page=2".to_string(),
            "/initiatives/demo-es-011".to_string(),
            "/initiatives/demo-fr-003?text=fr".to_string(),
            "/places".to_string(),
            format!("/places/{place}"),
            "/about".to_string(),
        ] {
            let uri = format!("/{lang}{path}");
            let reply = get(&app, &uri).await;
            assert_eq!(reply.status, StatusCode::OK, "{uri}");
            assert!(reply.body.contains(&format!("<html lang=\"{lang}\">")), "{uri}");
            assert!(reply.body.contains("<main id=\"main\""), "{uri}");
            assert!(reply.body.matches("<h1").count() == 1, "{uri} has one h1");
            assert_translated(&reply.body, &uri);
        }
    }
}

#[tokio::test]
async fn unknown_pages_are_404_in_the_right_language() {
    let app = app().await;
    let reply = get(&app, "/fr/initiatives/nope").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(reply.body.contains("<html lang=\"fr\">"));
    assert!(reply.body.contains("<title>Page introuvable · Praxis</title>"), "{}", reply.body);
    assert_eq!(get(&app, "/de/initiatives").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, "/es/places/nowhere").await.status, StatusCode::NOT_FOUND);
    let api = get(&app, "/api/v1/nothing").await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(api.json()["error"]["code"], "not_found");
}

#[tokio::test]
async fn the_catalogue_filters_and_counts() {
    let app = app().await;
    let all = get(&app, "/en/initiatives").await.body;
    assert!(all.contains("96 initiatives"), "count line");
    let housing = get(&app, "/en/initiatives?theme=housing").await.body;
    let n = app.state.catalogue.read().search(&praxis_search::Query {
        filters: praxis_search::Filters { themes: vec![praxis_domain::Theme::Housing], ..Default::default() },
        limit: 100,
        ..Default::default()
    });
    assert!(housing.contains(&format!("{} initiatives", n.total)), "filtered count");
    assert!(housing.contains("name=\"theme\" value=\"housing\" checked"), "the chosen filter stays ticked");
    // Twenty to a page, with links to the others.
    assert_eq!(all.matches("class=\"card\"").count(), 20);
    assert!(all.contains("href=\"/en/initiatives?page=2\""));
    let last = get(&app, "/en/initiatives?page=5").await.body;
    assert_eq!(last.matches("class=\"card\"").count(), 16);
    assert!(last.contains("rel=\"prev\""));
}

#[tokio::test]
async fn pages_stay_light() {
    let app = app().await;
    let html = get(&app, "/fr/initiatives").await.body;
    let css_path =
        html.split("rel=\"stylesheet\" href=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    let css = get(&app, &css_path).await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.headers[header::CACHE_CONTROL].to_str().unwrap().contains("immutable"));
    let total = html.len() + css.body.len();
    assert!(total < 60 * 1024, "catalogue HTML + CSS is {total} bytes");
}

#[tokio::test]
async fn an_initiative_shows_its_versions_and_marks_languages() {
    let app = app().await;
    // demo-es-011 is written in Spanish with an English translation.
    let record = app.state.store.initiative("demo-es-011").await.unwrap().unwrap().record;
    assert!(record.title.get(Lang::known("en")).is_some());
    let en = get(&app, "/en/initiatives/demo-es-011").await.body;
    assert!(en.contains(record.title.get(Lang::known("en")).unwrap()), "English readers get the translation");
    assert!(en.contains("Translation"));
    let original = get(&app, "/en/initiatives/demo-es-011?text=es").await.body;
    assert!(original.contains(&format!(
        "<h1 lang=\"es\">{}",
        askama_escape(record.title.get(Lang::known("es")).unwrap())
    )));
    assert!(original.contains("Original text"));
    // A French reader sees the Spanish original (no French version), marked as Spanish.
    let fr = get(&app, "/fr/initiatives/demo-es-011").await.body;
    assert!(fr.contains("<h1 lang=\"es\">"), "content in another language carries lang");
    assert!(fr.contains("hreflang=\"en\""));
}

fn askama_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
}

#[tokio::test]
async fn markdown_is_sanitized() {
    let app = app().await;
    let mut record = common::demo_records(&["en"]).into_iter().next().unwrap();
    record.id = "xss-test".into();
    record.body = praxis_domain::Multilingual::one(
        record.language,
        "Hello <script>alert('x')</script> <img src=x onerror=\"alert(1)\"> [link](javascript:alert(1)) **bold**",
    );
    // Scripts are refused when written (the renderer also removes them: see
    // `markdown.rs`, for anything stored before this rule).
    let refused = app.state.store.save_initiative(&record, "test").await.unwrap_err();
    assert!(matches!(refused, praxis_store::StoreError::Invalid { .. }), "{refused}");
    assert_eq!(get(&app, "/en/initiatives/xss-test").await.status, StatusCode::NOT_FOUND);
    record.body = praxis_domain::Multilingual::one(
        record.language,
        "Hello <b>there</b> **bold** [link](https://example.org)",
    );
    app.state.store.save_initiative(&record, "test").await.unwrap();
    app.state.catalogue.catch_up(&app.state.store).await.unwrap();
    let page = get(&app, "/en/initiatives/xss-test").await.body;
    assert!(page.contains("<strong>bold</strong>") && page.contains("<b>there</b>"));
    assert!(page.contains("rel=\"noopener noreferrer nofollow\""));
}

#[tokio::test]
async fn the_api_serves_initiatives_as_imported() {
    let app = app().await;
    let reply = get(&app, "/api/v1/initiatives/demo-fr-007").await;
    assert_eq!(reply.status, StatusCode::OK);
    let stored = app.state.store.initiative("demo-fr-007").await.unwrap().unwrap().record;
    assert_eq!(reply.json(), serde_json::to_value(&stored).unwrap());
    let missing = get(&app, "/api/v1/initiatives/missing").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.json()["error"]["code"], "not_found");
}

#[tokio::test]
async fn api_search_answers_as_the_contract_says() {
    let app = app().await;
    let all = get(&app, "/api/v1/search").await.json();
    assert_eq!(all["total"], 96);
    assert_eq!(all["hits"].as_array().unwrap().len(), 20);
    for facet in ["theme", "aim", "kind", "country", "language"] {
        assert!(all["facets"][facet].is_object(), "{facet}");
    }
    let hit = &all["hits"][0];
    for field in ["id", "title", "language", "city", "country", "snippet", "score"] {
        assert!(!hit[field].is_null(), "{field}");
    }

    let rent = get(&app, "/api/v1/search?q=alquiler&lang=es&limit=5").await.json();
    assert!(rent["total"].as_u64().unwrap() >= 1);
    assert!(rent["hits"].as_array().unwrap().iter().any(|h| h["id"] == "demo-es-011"), "{rent}");

    let filtered =
        get(&app, "/api/v1/search?theme=housing&theme=water-sanitation&country=UY&limit=100").await.json();
    for hit in filtered["hits"].as_array().unwrap() {
        assert_eq!(hit["country"], "UY");
    }
    let uy_housing = filtered["facets"]["theme"]["housing"].as_u64().unwrap_or(0);
    let uy_water = filtered["facets"]["theme"]["water-sanitation"].as_u64().unwrap_or(0);
    assert!(filtered["total"].as_u64().unwrap() <= uy_housing + uy_water);

    let paged = get(&app, "/api/v1/search?limit=10&offset=90").await.json();
    assert_eq!(paged["hits"].as_array().unwrap().len(), 6);

    for (uri, code) in [
        ("/api/v1/search?limit=0", "invalid_limit"),
        ("/api/v1/search?limit=101", "invalid_limit"),
        ("/api/v1/search?offset=-1", "invalid_offset"),
        ("/api/v1/search?lang=de", "invalid_lang"),
        ("/api/v1/search?theme=castles", "invalid_filter"),
        ("/api/v1/search?country=France", "invalid_filter"),
    ] {
        let reply = get(&app, uri).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(reply.json()["error"]["code"], code, "{uri}");
        assert!(reply.json()["error"]["message"].as_str().unwrap().len() > 10);
    }
}

#[tokio::test]
async fn openapi_documents_every_api_route() {
    let app = app().await;
    let doc = get(&app, "/api/v1/openapi.json").await.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/healthz",
        "/healthz/details",
        "/api/v1/initiatives/{id}",
        "/api/v1/search",
        "/api/v1/suggest",
        "/api/v1/glossary.ttl",
        "/api/v1/openapi.json",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} missing from OpenAPI");
    }
    assert!(doc["components"]["schemas"]["InitiativeRecord"].is_object());
}

#[tokio::test]
async fn the_openapi_document_states_what_the_server_enforces() {
    let app = app().await;
    let doc = get(&app, "/api/v1/openapi.json").await.json();
    let parameter = |path: &str, name: &str| -> serde_json::Value {
        doc["paths"][path]["get"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("{path} has no {name}"))["schema"]
            .clone()
    };
    // Vocabularies, not free strings; the same enumerations the server parses.
    assert_eq!(parameter("/api/v1/search", "lang")["$ref"], "#/components/schemas/Lang");
    assert_eq!(parameter("/api/v1/search", "theme")["items"]["$ref"], "#/components/schemas/Theme");
    assert_eq!(
        parameter("/api/v1/search", "sort")["enum"],
        json!(["relevance", "newest", "oldest", "title"])
    );
    assert_eq!(parameter("/api/v1/search", "offset")["maximum"], json!(100_000));
    assert_eq!(parameter("/api/v1/search", "q")["maxLength"], json!(praxis_app::search::QUERY_MAX_CHARS));
    assert_eq!(parameter("/api/v1/suggest", "lang")["$ref"], "#/components/schemas/Lang");
    assert_eq!(parameter("/api/v1/calls/{id}/signatories", "format")["enum"], json!(["json", "csv"]));
    assert_eq!(parameter("/api/v1/events", "when")["enum"], json!(["upcoming", "past"]));
    let langs: Vec<String> = langs().iter().map(|l| l.to_string()).collect();
    assert_eq!(doc["components"]["schemas"]["Lang"]["enum"], json!(langs));
    // Every route with query parameters documents its 400, and the CSV it can send.
    for (path, operations) in doc["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            let has_query =
                operation["parameters"].as_array().is_some_and(|ps| ps.iter().any(|p| p["in"] == "query"));
            if has_query {
                assert!(
                    operation["responses"]["400"].is_object(),
                    "{method} {path} does not document its 400"
                );
            }
            assert!(!operation.as_object().unwrap().get("parameters").is_some_and(|p| p.is_null()), "{path}");
        }
    }
    assert!(doc["paths"]["/api/v1/calls/{id}/signatories"]["get"]["responses"]["200"]["content"]["text/csv"]
        .is_object());
    let record = &doc["components"]["schemas"]["InitiativeRecord"]["properties"];
    assert_eq!(record["themes"]["maxItems"], json!(praxis_domain::initiative::THEMES_MAX));
    assert_eq!(record["id"]["pattern"], json!("^[A-Za-z0-9._:-]{1,100}$"));

    // The server keeps to it: answers outside the rules are JSON 400s.
    let refused =
        ["/api/v1/search?offset=100001", "/api/v1/search?lang=", "/api/v1/calls/none/signatories?format=xml"];
    let long = format!("/api/v1/suggest?lang=en&q={}", "a".repeat(301));
    for uri in refused.iter().copied().chain([long.as_str()]) {
        let reply = get(&app, uri).await;
        assert!(reply.status == 400 || reply.status == 404, "{uri}: {}", reply.status);
        assert!(reply.json()["error"]["code"].is_string(), "{uri}: {}", reply.body);
    }
    let message =
        get(&app, "/api/v1/search?lang=xx").await.json()["error"]["message"].as_str().unwrap().to_string();
    assert!(
        langs.iter().all(|l| message.contains(l.as_str())),
        "every registry language is named: {message}"
    );
}

#[tokio::test]
async fn searching_words_crosses_languages_through_the_glossary() {
    let app = app().await;
    // Without the model, words and the glossary still carry a French query to the
    // Spanish and English rent-support initiatives, and the page says why.
    let page = get(&app, "/fr/initiatives?q=aide+au+loyer").await.body;
    assert!(page.contains("demo-es-011"), "the Spanish rent subsidy is found");
    assert!(page.contains("demo-en-007"), "the Berlin rent relief is found");
    assert!(page.contains("grâce au concept"), "a Spanish or English result says why it matched");
    assert!(page.contains("<mark>alquiler</mark>"), "matching words are marked, in the other language too");
    assert!(page.contains("class=\"note\""), "the page says meaning search is off");
    let api = get(&app, "/api/v1/search?q=subsidio+de+alquiler&lang=es&limit=10").await.json();
    let ids: Vec<&str> = api["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"demo-es-011"), "{ids:?}");
    assert!(ids.iter().any(|id| id.starts_with("demo-fr") || id.starts_with("demo-en")), "{ids:?}");
}

#[tokio::test]
async fn a_place_name_ranks_that_places_initiatives_first() {
    let app = app().await;
    let api = get(&app, "/api/v1/search?q=Montevideo&lang=fr&limit=5").await.json();
    let hits = api["hits"].as_array().unwrap();
    assert!(hits.len() >= 2);
    assert_eq!(hits[0]["city"], "Montevideo");
    assert_eq!(hits[1]["city"], "Montevideo");
}

#[tokio::test]
async fn suggestions_and_the_glossary_as_skos() {
    let app = app().await;
    let s = get(&app, "/api/v1/suggest?q=alqu&lang=es").await.json();
    let list = s["suggestions"].as_array().unwrap();
    assert!(!list.is_empty());
    assert!(list.iter().all(|x| x.as_str().unwrap().contains("alqu")), "{s}");
    assert_eq!(get(&app, "/api/v1/suggest?q=x&lang=de").await.status, StatusCode::BAD_REQUEST);
    let missing = get(&app, "/api/v1/suggest?lang=es").await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    assert_eq!(missing.json()["error"]["code"], "missing_q", "a JSON error, not plain text");
    let ttl = get(&app, "/api/v1/glossary.ttl").await;
    assert_eq!(ttl.status, StatusCode::OK);
    assert!(ttl.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/turtle"));
    assert!(ttl.body.contains("skos:prefLabel"));
}

#[tokio::test]
async fn the_atom_feed_lists_new_initiatives_in_each_language() {
    let app = app().await;
    for lang in langs() {
        let reply = get(&app, &format!("/{lang}/feed.atom")).await;
        assert_eq!(reply.status, StatusCode::OK);
        assert!(reply.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("application/atom+xml"));
        assert!(reply.body.starts_with("<?xml"));
        assert!(reply.body.contains(&format!("xml:lang=\"{lang}\"")));
        assert_eq!(reply.body.matches("<entry>").count(), 50);
        assert_eq!(reply.body.matches("<entry>").count(), reply.body.matches("</entry>").count());
        assert!(!reply.body.contains("<script"), "text is escaped");
    }
    assert_eq!(get(&app, "/de/feed.atom").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn health_details_describe_the_search_layers() {
    let app = app().await;
    let details = get(&app, "/healthz/details").await.json();
    assert_eq!(details["store"], "ok");
    assert_eq!(details["initiatives_indexed"], 96);
    assert_eq!(details["search"]["semantic"], false, "no model in these tests");
    assert!(details["search"]["concepts"].as_u64().unwrap() >= 600);
}

#[tokio::test]
async fn health_and_fresh_results() {
    let app = app().await;
    let health = get(&app, "/healthz").await;
    assert_eq!((health.status, health.body.as_str()), (StatusCode::OK, "ok"));

    let record = InitiativeRecord::from_json(&json!({
        "id": "fresh-1", "language": "en", "title": {"en": "Zanzibar seaweed cooperatives"},
        "summary": {"en": "Seaweed farming cooperatives run by women."}, "city": "Zanzibar", "country": "TZ",
        "themes": ["economy-jobs", "gender-equality"], "kind": "program"
    }))
    .unwrap()
    .record;
    app.state.store.save_initiative(&record, "test").await.unwrap();
    assert_eq!(get(&app, "/api/v1/search?q=seaweed").await.json()["total"], 0, "not yet followed");
    app.state.catalogue.catch_up(&app.state.store).await.unwrap();
    assert_eq!(
        get(&app, "/api/v1/search?q=seaweed").await.json()["total"],
        1,
        "the index follows the change feed"
    );
}

#[tokio::test]
async fn a_search_too_long_to_be_cheap_is_refused_with_a_reason() {
    let app = App::with_demo(&["en"]).await;
    let words = "affordable housing ".repeat(1_500);
    let q: String = form_urlencoded::byte_serialize(words.as_bytes()).collect();
    let reply = app.get(&format!("/api/v1/search?q={q}")).await;
    assert_eq!(reply.status, 400, "{}", reply.body);
    assert_eq!(reply.json()["error"]["code"], "query_too_long");
    let page = app.get(&format!("/fr/initiatives?q={q}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Cette recherche est trop longue"), "the page says why, in French");
    // A question of ordinary length is searched as before.
    let reply = app.get("/api/v1/search?q=affordable+housing").await;
    assert_eq!(reply.status, 200);
}

#[tokio::test]
async fn every_answer_carries_the_security_headers_and_https_adds_hsts() {
    let app = App::with_demo(&["en"]).await;
    for uri in ["/en/", "/en/initiatives", "/api/v1/search?q=water", "/en/no-such-page", "/en/feed.atom"] {
        let reply = app.get(uri).await;
        let h = |name: &str| reply.headers.get(name).map(|v| v.to_str().unwrap().to_string());
        let csp = h("content-security-policy").unwrap_or_else(|| panic!("{uri}: no CSP"));
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), "{uri}: {csp}");
        assert_eq!(h("x-frame-options").as_deref(), Some("DENY"), "{uri}");
        assert_eq!(h("x-content-type-options").as_deref(), Some("nosniff"), "{uri}");
        assert!(h("referrer-policy").is_some(), "{uri}");
        assert!(h("strict-transport-security").is_none(), "{uri}: no HSTS over plain HTTP");
    }
    // The public address set directly: `with_public_url` would also switch on Secure
    // cookies for the whole process, under the other tests' feet.
    let mut state = app.state.clone();
    state.app_mut().public_url = "https://praxis.example.org".into();
    let secure = praxis_web::router(state);
    let response =
        tower::ServiceExt::oneshot(secure, Request::get("/en/").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(response.headers()["strict-transport-security"], "max-age=31536000");
}

#[tokio::test]
async fn feeds_and_the_glossary_link_to_the_configured_address_never_the_host_header() {
    let app = App::with_demo(&["en"]).await;
    for uri in ["/en/feed.atom", "/api/v1/glossary.ttl"] {
        let request =
            Request::get(uri).header(header::HOST, "evil.example\"><x").body(Body::empty()).unwrap();
        let reply = app.send(request).await;
        assert_eq!(reply.status, StatusCode::OK, "{uri}");
        assert!(!reply.body.contains("evil.example"), "{uri} reflects the Host header");
        assert!(reply.body.contains("http://127.0.0.1:8080/"), "{uri} uses the public address");
    }
}

#[tokio::test]
async fn characters_xml_forbids_never_reach_a_feed() {
    let mut records = common::demo_records(&["en"]);
    records[0].title.0.insert(praxis_domain::Lang::known("en"), "Water\u{FFFE} for all\u{FFFF}".into());
    let app = App::with_records(&records).await;
    let feed = app.get("/en/feed.atom").await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(feed.body.contains("Water for all"), "the title stays, without what XML forbids");
    assert!(!feed.body.contains('\u{FFFE}') && !feed.body.contains('\u{FFFF}'));
}

#[tokio::test]
async fn http_conventions_validators_cookies_locations_and_slashes() {
    let app = App::with_demo(&["en"]).await;
    // A validator on every public read; the same version again is 304 without a body.
    // (A page answered to a first visit sets the CSRF cookie: it is that visitor's; the
    // visitor who holds one gets the validator.)
    let csrf = format!("praxis_csrf={}", "k".repeat(43));
    for uri in ["/en/feed.atom", "/api/v1/search?q=water", "/calendar.ics", "/en/initiatives"] {
        let get = || Request::get(uri).header(header::COOKIE, &csrf);
        let first = app.send(get().body(Body::empty()).unwrap()).await;
        assert_eq!(first.status, StatusCode::OK, "{uri}");
        let etag = first.headers.get(header::ETAG).unwrap_or_else(|| panic!("{uri}: no ETag")).clone();
        let again = app.send(get().header(header::IF_NONE_MATCH, etag).body(Body::empty()).unwrap()).await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{uri}");
        assert!(again.body.is_empty());
    }
    // Only pages set the CSRF cookie; feeds, calendars and the API set none.
    assert!(app.get("/en/initiatives").await.headers.contains_key(header::SET_COOKIE));
    for uri in ["/en/feed.atom", "/api/v1/search?q=water", "/calendar.ics"] {
        assert!(!app.get(uri).await.headers.contains_key(header::SET_COOKIE), "{uri} sets a cookie");
    }
    // The read-only API may be called from other sites.
    assert_eq!(app.get("/api/v1/search?q=water").await.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], "*");
    // 401 says how to authenticate.
    let reply = app.send(Request::post("/api/v1/initiatives").body(Body::from("{}")).unwrap()).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert!(reply.headers[header::WWW_AUTHENTICATE].to_str().unwrap().starts_with("Bearer"));
    // A trailing slash leads to the page; never to another site.
    let reply = app.get("/en/initiatives/?q=water").await;
    assert_eq!(reply.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(reply.headers[header::LOCATION], "/en/initiatives?q=water");
    let reply = app.get("//evil.example/").await;
    assert!(!reply.headers.get(header::LOCATION).is_some_and(|l| l.to_str().unwrap().starts_with("//")));
}

#[tokio::test]
async fn a_signed_in_person_is_recognised_on_every_page() {
    let app = App::with_demo(&["en"]).await;
    let id = app
        .store()
        .upsert_user("eda@network.org", "Eda Editor", praxis_domain::Role::Editor, None)
        .await
        .unwrap();
    let session = app.store().create_session(id).await.unwrap();
    for uri in ["/en/", "/en/initiatives", "/en/places", "/en/about", "/en/events"] {
        let reply = app.get_as(uri, Some(&session)).await;
        assert_eq!(reply.status, StatusCode::OK, "{uri}");
        assert!(reply.body.contains("Eda Editor"), "{uri} shows a visitor's header to a signed-in person");
    }
}

#[tokio::test]
async fn switching_language_keeps_what_is_on_screen_but_never_a_secret() {
    let app = App::with_demo(&["en"]).await;
    let events = app.get("/en/events?theme=housing&language=fr").await;
    assert_eq!(events.status, StatusCode::OK);
    assert!(events.body.contains("href=\"/fr/events?theme=housing&amp;language=fr\""), "the filters stay");
    let reset = app.get("/en/password/reset?token=secret-link-value").await;
    assert_eq!(reset.status, StatusCode::OK);
    assert!(reset.body.contains("href=\"/fr/password/reset\""), "the language links lead to the page");
    assert_eq!(reset.body.matches("secret-link-value").count(), 1, "only in the form's own hidden field");
}

/// A search sent from `address` (as a proxy-less peer would show it).
async fn search_from(app: &App, uri: &str, address: &str) -> Reply {
    let request = Request::get(uri).header("x-forwarded-for", address).body(Body::empty()).unwrap();
    app.send(request).await
}

#[tokio::test]
async fn anonymous_searches_are_limited_per_address_with_retry_after() {
    let app = App::with_demo(&["en"]).await;
    let burst = praxis_app::search::SEARCH_BURST as usize;
    // Searches no one has made before (a repeated one is answered from what the node kept,
    // at no cost, and is not counted).
    for n in 0..burst {
        let uri = if n % 2 == 0 {
            format!("/api/v1/search?q=water+{n}")
        } else {
            format!("/en/initiatives?q=water+{n}")
        };
        assert_eq!(
            search_from(&app, &uri, "203.0.113.7").await.status,
            200,
            "search {n} is within the burst"
        );
    }
    let api = search_from(&app, "/api/v1/search?q=water+again", "203.0.113.7").await;
    assert_eq!(api.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(api.json()["error"]["code"], "too_many_requests");
    let wait: u64 = api.headers[header::RETRY_AFTER].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    let page = search_from(&app, "/en/initiatives?q=water+again", "203.0.113.7").await;
    assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(page.headers.contains_key(header::RETRY_AFTER));
    let en = Lang::known("en");
    assert!(page.body.contains(&app.state.i18n.t(en, "error-too-many-searches").replace('\'', "&#x27;")));
    // Browsing without words is not a search; another address has its own allowance;
    // the machine itself is not limited.
    assert_eq!(search_from(&app, "/en/initiatives?theme=water-sanitation", "203.0.113.7").await.status, 200);
    assert_eq!(search_from(&app, "/api/v1/search?q=water", "198.51.100.9").await.status, 200);
    assert_eq!(search_from(&app, "/api/v1/search?q=water", "127.0.0.1").await.status, 200);
}

#[tokio::test]
async fn metrics_count_answers_by_route_for_the_machine_itself_and_a_scraper_with_the_token() {
    let mut app = App::with_demo(&["en"]).await;
    app.state = app.state.clone().with_metrics_token(Some("scrape-secret".into()));
    app.router = praxis_web::router(app.state.clone());
    assert_eq!(search_from(&app, "/api/v1/search?q=water", "127.0.0.1").await.status, 200);
    assert_eq!(search_from(&app, "/en/nothing-here", "127.0.0.1").await.status, 404);

    // A visitor is told nothing exists there.
    assert_eq!(search_from(&app, "/metrics", "203.0.113.7").await.status, 404);
    let wrong = Request::get("/metrics")
        .header("x-forwarded-for", "203.0.113.7")
        .header(header::AUTHORIZATION, "Bearer guess")
        .body(Body::empty())
        .unwrap();
    assert_eq!(app.send(wrong).await.status, 404);

    let local = search_from(&app, "/metrics", "127.0.0.1").await;
    assert_eq!(local.status, 200);
    assert!(local.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/plain; version=0.0.4"));
    let text = &local.body;
    let search_count = text
        .lines()
        .find(|l| {
            l.starts_with("praxis_http_requests_total{")
                && l.contains("route=\"/api/v1/search\"")
                && l.contains("status=\"200\"")
                && l.contains("method=\"GET\"")
        })
        .unwrap_or_else(|| panic!("no search count in\n{text}"));
    let n: f64 = search_count.rsplit(' ').next().unwrap().parse().unwrap();
    assert!(n >= 1.0, "{search_count}");
    assert!(text.contains("route=\"unmatched\""), "a 404 is counted without its raw path");
    assert!(!text.contains("nothing-here"), "raw paths never become labels");
    assert!(text.contains("praxis_http_request_duration_seconds_bucket{"), "{text}");
    for gauge in [
        "praxis_index_lag_changes 0",
        "praxis_mail_queue_waiting ",
        "praxis_store_up 1",
        "praxis_index_initiatives ",
    ] {
        assert!(text.contains(gauge), "{gauge} missing from\n{text}");
    }
    // Every line is a comment or `name{labels} value`, as Prometheus parses it.
    for line in text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let value = line.rsplit(' ').next().unwrap();
        assert!(value.parse::<f64>().is_ok() || value == "+Inf", "{line}");
        assert!(line.starts_with("praxis_"), "{line}");
    }

    let scraper = Request::get("/metrics")
        .header("x-forwarded-for", "203.0.113.7")
        .header(header::AUTHORIZATION, "Bearer scrape-secret")
        .body(Body::empty())
        .unwrap();
    assert_eq!(app.send(scraper).await.status, 200);
}

#[tokio::test]
async fn pages_are_compressed_with_brotli_or_gzip_as_the_client_asks() {
    let app = App::with_demo(&["en"]).await;
    for (asked, given) in [("br", "br"), ("gzip", "gzip"), ("gzip, deflate, br", "br"), ("identity", "")] {
        let request = Request::get("/en/initiatives")
            .header(header::ACCEPT_ENCODING, asked)
            .body(Body::empty())
            .unwrap();
        let reply = app.send(request).await;
        assert_eq!(reply.status, 200);
        let encoding = reply.headers.get(header::CONTENT_ENCODING).map(|v| v.to_str().unwrap()).unwrap_or("");
        assert_eq!(encoding, given, "Accept-Encoding: {asked}");
        assert!(reply.headers[header::VARY]
            .to_str()
            .unwrap()
            .to_ascii_lowercase()
            .contains("accept-encoding"));
    }
}
