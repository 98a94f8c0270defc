//! Found by search engines and previewed by link unfurlers: robots.txt, the sitemap, and
//! each page's head (description, canonical address, hreflang alternates with x-default,
//! Open Graph, schema.org JSON-LD), every address absolute from the public URL.

mod common;

use common::{langs, TestApp};
use praxis_domain::{EventRecord, Lang};
use serde_json::{json, Value};

const BASE: &str = "http://127.0.0.1:8080";

/// The content of `<meta property|name="KEY" content="…">`.
fn meta<'a>(html: &'a str, key: &str) -> Option<&'a str> {
    let at = html.find(&format!("=\"{key}\" content=\""))?;
    let rest = &html[at + key.len() + 13..];
    rest.split('"').next()
}

fn json_ld(html: &str) -> Value {
    let start = html.find("<script type=\"application/ld+json\">").expect("a JSON-LD block") + 35;
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).expect("JSON-LD is JSON")
}

#[tokio::test]
async fn robots_and_the_sitemap_list_every_public_page_in_every_language() {
    let app = TestApp::with_demo(&langs()).await;
    let robots = app.get("/robots.txt").await;
    assert_eq!(robots.status, 200);
    assert!(robots.body.contains(&format!("Sitemap: {BASE}/sitemap.xml")), "{}", robots.body);
    assert!(robots.body.contains("Disallow: /en/account") && robots.body.contains("Disallow: /pt/editor"));
    let index = app.get("/sitemap.xml").await;
    assert_eq!(index.status, 200);
    assert!(index.body.contains(&format!("<loc>{BASE}/sitemaps/1.xml</loc>")), "{}", index.body);
    let map = app.get("/sitemaps/1.xml").await;
    assert_eq!(map.status, 200);
    for &lang in Lang::all() {
        assert!(map.body.contains(&format!("<loc>{BASE}/{lang}/initiatives/demo-fr-001</loc>")), "{lang}");
        assert!(map.body.contains(&format!("hreflang=\"{lang}\" href=\"{BASE}/{lang}/places/")), "{lang}");
    }
    let locs = map.body.matches("<loc>").count();
    assert_eq!(locs % Lang::all().len(), 0, "each page in every language");
    for uri in ["/sitemaps/2.xml", "/sitemaps/0.xml", "/sitemaps/one.xml"] {
        assert_eq!(app.get(uri).await.status, 404, "{uri}");
    }
}

#[tokio::test]
async fn an_initiative_page_describes_itself_for_previews_and_search_engines() {
    let app = TestApp::with_demo(&langs()).await;
    let html = app.get("/fr/initiatives/demo-fr-004").await.body;
    let record = app.state.store.initiative("demo-fr-004").await.unwrap().unwrap().record;
    let summary = record.summary.get(Lang::known("fr")).unwrap();
    let description = meta(&html, "description").unwrap();
    let first_words: Vec<&str> = summary.split_whitespace().take(4).collect();
    assert!(description.starts_with(&first_words.join(" ")), "{description:?} is the summary {summary:?}");
    assert_eq!(meta(&html, "og:type"), Some("article"));
    assert_eq!(meta(&html, "og:url"), Some(format!("{BASE}/fr/initiatives/demo-fr-004").as_str()));
    assert!(html.contains(&format!("<link rel=\"canonical\" href=\"{BASE}/fr/initiatives/demo-fr-004\">")));
    for &lang in Lang::all() {
        assert!(html.contains(&format!("hreflang=\"{lang}\" href=\"{BASE}/{lang}/initiatives/demo-fr-004\"")));
    }
    assert!(html.contains(&format!("hreflang=\"x-default\" href=\"{BASE}/en/initiatives/demo-fr-004\"")));
    let data = json_ld(&html);
    assert_eq!(data["@type"], "CreativeWork");
    assert_eq!(data["author"]["@type"], "Organization");
    assert_eq!(data["author"]["name"], record.organisation.clone().unwrap());
    assert_eq!(data["url"], format!("{BASE}/fr/initiatives/demo-fr-004"));
    // The catalogue and the home describe the site; sign-in is not for indexing.
    let home = app.get("/es/").await.body;
    assert!(meta(&home, "description").is_some_and(|d| d.len() > 20), "the site describes itself");
    assert!(!home.contains("noindex"));
    assert!(app.get("/en/sign-in").await.body.contains("<meta name=\"robots\" content=\"noindex\">"));
}

#[tokio::test]
async fn an_event_page_carries_schema_org_event_data_without_the_private_link() {
    let app = TestApp::with_demo(&["en"]).await;
    let event: EventRecord = serde_json::from_value(json!({
        "id": "forum", "language": "en",
        "title": {"en": "Forum </script><script>alert(1)</script>"},
        "description": {"en": "Buses, bikes and streets for children."},
        "format": "webinar", "start": "2030-01-18T15:00", "end": "2030-01-18T16:30",
        "time_zone": "Europe/Paris", "languages": ["en", "fr"], "themes": ["mobility"],
        "online_link": "https://meet.example.org/secret-room"
    }))
    .unwrap();
    app.store().save_event(&event, "test").await.unwrap();
    let html = app.get("/en/events/forum").await.body;
    assert!(!html.contains("secret-room"), "the online link is for registrants only");
    assert!(!html.contains("</script><script>alert(1)"), "a title cannot close the data block");
    let data = json_ld(&html);
    assert_eq!(data["@type"], "Event");
    assert_eq!(data["name"], "Forum </script><script>alert(1)</script>");
    assert_eq!(data["startDate"].as_str().unwrap().get(..16), Some("2030-01-18T14:00"));
    assert_eq!(data["eventAttendanceMode"], "https://schema.org/OnlineEventAttendanceMode");
    assert_eq!(data["location"]["url"], format!("{BASE}/en/events/forum"));
}
