//! Events over HTTP, in-process: pages in every language, times in the event's zone and
//! UTC, registration with a waiting list and e-mails in the outbox, calendars checked by
//! a real iCalendar parser, the API as CONTRACT.md says, and the editors' pages.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use jiff::{SignedDuration, Timestamp};
use praxis_domain::event::{local_time, zone};
use praxis_domain::{EventRecord, Role};
use serde_json::{json, Value};
use std::path::PathBuf;

use common::{langs, Reply, TestApp as App};
const SECRET_LINK: &str = "https://meet.example.org/praxis-secret-room";

/// A local date-time `days` from now, in `zone_name`, at `hour`.
fn local_in(days: i64, hour: i8, zone_name: &str) -> String {
    let tz = zone(zone_name).unwrap();
    let day = Timestamp::now().checked_add(SignedDuration::from_hours(24 * days)).unwrap();
    let date = local_time(day, &tz).date;
    format!("{date}T{hour:02}:00")
}

fn event(id: &str, days: i64, capacity: Option<u32>) -> EventRecord {
    let mut v = json!({
        "id": id,
        "language": "es",
        "title": {"es": format!("Agua para todos {id}"), "en": format!("Water for everyone {id}")},
        "description": {"es": "Montevideo cuenta cómo llevó el saneamiento a cada barrio.", "en": "Montevideo tells how it brought sanitation to every neighbourhood."},
        "format": "webinar",
        "start": local_in(days, 10, "America/Montevideo"),
        "end": local_in(days, 11, "America/Montevideo"),
        "time_zone": "America/Montevideo",
        "languages": ["es"],
        "interpretation": ["en", "fr"],
        "themes": ["water-sanitation"],
        "speakers": [{"name": "Lucía Pérez", "role": "Directora de Saneamiento", "organisation": "Intendencia de Montevideo", "place": "Montevideo"}],
        "online_link": SECRET_LINK,
        "venue": "Edificio Sede, Av. 18 de Julio 1360, Montevideo"
    });
    if let Some(c) = capacity {
        v["capacity"] = json!(c);
    }
    if days < 0 {
        // A past session about two themes: the hub lists it once.
        v["themes"] = json!(["water-sanitation", "health"]);
        v["recording"] = json!("https://video.example.org/agua");
        v["briefing"] = json!({"es": "## Lo principal\n\n- **40 000** hogares conectados", "en": "## Key points\n\n- **40,000** homes connected"});
    }
    EventRecord::from_json(&v).unwrap()
}

async fn app() -> App {
    let app = App::with_demo(&[]).await;
    for e in [event("up", 10, None), event("small", 12, Some(1)), event("past", -30, None)] {
        app.store().save_event(&e, "test").await.unwrap();
    }
    app
}

async fn get(app: &App, uri: &str) -> Reply {
    app.get(uri).await
}

async fn get_as(app: &App, uri: &str, session: Option<&str>) -> Reply {
    app.get_as(uri, session).await
}

async fn post(app: &App, uri: &str, fields: &[(&str, &str)], session: Option<&str>) -> Reply {
    app.post_form(uri, fields, session).await
}

/// The outbox's messages, oldest first, decoded enough to read.
fn outbox(app: &App) -> Vec<String> {
    app.outbox().iter().map(|m| common::decode_mail(m)).collect()
}

/// The registration page's path, from the link in an e-mail.
fn registration_link(mail: &str) -> String {
    // The decoded text follows the raw message: take the last occurrence.
    let at = mail.rfind("/es/registrations/").expect("a registration link");
    mail[at..].split(|c: char| c.is_whitespace()).next().unwrap().to_string()
}

fn location(reply: &Reply) -> String {
    reply.headers[header::LOCATION].to_str().unwrap().to_string()
}

/// Keys of events.ftl must never show as raw text.
fn assert_translated(page: &str, uri: &str) {
    for line in include_str!("../locales/en/events.ftl").lines() {
        let Some((key, _)) = line.split_once(" =") else { continue };
        if key.starts_with([' ', '#']) {
            continue;
        }
        assert!(!page.contains(&format!(">{key}<")), "{uri} shows the raw key {key}");
        assert!(!page.contains(&format!("\"{key}\"")), "{uri} has the raw key {key} in an attribute");
    }
}

#[tokio::test]
async fn every_events_page_answers_in_every_language() {
    let app = app().await;
    for lang in langs() {
        for path in [
            "/events",
            "/events?theme=water-sanitation&language=fr",
            "/events/past",
            "/events/up",
            "/events/past",
        ] {
            let uri = format!("/{lang}{path}");
            let reply = get(&app, &uri).await;
            assert_eq!(reply.status, StatusCode::OK, "{uri}");
            assert!(reply.body.contains(&format!("<html lang=\"{lang}\">")), "{uri}");
            assert_eq!(reply.body.matches("<h1").count(), 1, "{uri} has one h1");
            assert_translated(&reply.body, &uri);
            assert!(!reply.body.contains(SECRET_LINK), "{uri} shows the private online link");
        }
    }
    assert_eq!(get(&app, "/en/events/nope").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, "/de/events").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_event_page_shows_its_zone_utc_and_everything_about_it() {
    let app = app().await;
    let stored = app.state.store.event("up").await.unwrap().unwrap();
    let span = stored.record.span().unwrap();
    let utc = local_time(span.start, &jiff::tz::TimeZone::UTC);
    let page = get(&app, "/es/events/up").await.body;
    assert!(page.contains("America/Montevideo, UTC-03:00"), "{page}");
    assert!(page.contains(">10:00–11:00<") || page.contains(", 10:00–11:00"), "local time");
    assert!(page.contains(&format!("{}–", utc.time)), "UTC time {}", utc.time);
    assert!(page.contains(&format!("datetime=\"{}\"", span.start)), "machine-readable start");
    assert!(page.contains("data-start="), "hook for the visitor's zone");
    assert!(page.contains("Lucía Pérez") && page.contains("Directora de Saneamiento"));
    assert!(page.contains("Interpretación al") && page.contains("inglés"), "interpretation in Spanish");
    assert!(page.contains("Edificio Sede"));
    assert!(page.contains("name=\"consent\""));
    assert!(!page.contains(SECRET_LINK));
    // In English the Spanish title is shown with its language marked when no translation…
    let en = get(&app, "/en/events/up").await.body;
    assert!(en.contains("Water for everyone up"));
    assert!(en.contains("Webinar"));
    let fr = get(&app, "/fr/events/up").await.body;
    assert!(fr.contains("lang=\"es\">Agua para todos up"), "French page marks the Spanish title");
    // A past event has its recording and briefing note, and no registration form.
    let past = get(&app, "/en/events/past").await.body;
    assert!(past.contains("https://video.example.org/agua"));
    assert!(past.contains("<strong>40,000</strong>"));
    assert!(!past.contains("name=\"consent\""));
    let hub = get(&app, "/fr/events/past").await.body;
    assert!(hub.contains("Eau et assainissement") || hub.contains("theme-water-sanitation"), "{hub}");
    assert!(hub.contains("https://video.example.org/agua"));
    assert_eq!(hub.matches("https://video.example.org/agua").count(), 1, "each session is listed once");
}

#[tokio::test]
async fn registration_waiting_list_cancel_and_promotion() {
    let app = app().await;
    // Bad input: every problem next to its field, what was typed kept, nothing stored.
    let bad = post(
        &app,
        "/es/events/small/register",
        &[("name", "Ana <b>"), ("email", "ana@"), ("organisation", "Intendencia")],
        None,
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("id=\"reg-email-error\""), "{}", bad.body);
    assert!(bad.body.contains("id=\"reg-consent-error\""));
    assert!(
        bad.body.contains("value=\"Ana &lt;b&gt;\"") || bad.body.contains("value=\"Ana &#60;b&#62;\""),
        "typed name kept"
    );
    assert!(bad.body.contains("value=\"Intendencia\""));
    assert!(bad.body.contains("Marque esta casilla"), "error in Spanish");
    assert!(app.state.store.registrations("small").await.unwrap().is_empty());

    // The first person gets the one seat, and a confirmation with the .ics.
    let first = post(
        &app,
        "/es/events/small/register",
        &[
            ("name", "Ana Rodríguez"),
            ("email", "ana@example.org"),
            ("organisation", "Intendencia de Canelones"),
            ("consent", "yes"),
        ],
        None,
    )
    .await;
    // The answer confirms the seat but holds neither the online link nor the cancel
    // button: whoever typed the address may not own it. Those go to the mailbox.
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert!(first.body.contains("Está inscrito"));
    assert!(!first.body.contains(SECRET_LINK) && !first.body.contains("/registrations/"));
    let first_page_uri = registration_link(&outbox(&app)[0]);
    assert!(first_page_uri.starts_with("/es/registrations/"));
    let page = get(&app, &first_page_uri).await;
    assert_eq!(page.headers[header::CACHE_CONTROL], "no-store");
    assert_eq!(page.headers[header::REFERRER_POLICY], "no-referrer");
    assert!(page.body.contains("Está inscrito"));
    assert!(page.body.contains(SECRET_LINK), "a confirmed registrant sees the online link");
    let mails = outbox(&app);
    assert_eq!(mails.len(), 1);
    assert!(mails[0].contains("To: ana@example.org"));
    assert!(mails[0].contains("text/calendar") && mails[0].contains("small.ics"));
    assert!(mails[0].contains("BEGIN:VCALENDAR"), "{}", mails[0]);
    assert!(mails[0].contains(&first_page_uri), "the cancel link is in the e-mail");
    assert!(mails[0].contains("Su plaza est"), "written in Spanish");
    let ics_part = &mails[0][mails[0].find("BEGIN:VCALENDAR").unwrap()..];
    assert!(
        !ics_part[..ics_part.find("END:VCALENDAR").unwrap()].contains(SECRET_LINK),
        "no link in calendars"
    );

    // The same address again learns nothing: the answer is the one a new address would
    // get now (the event is full: the waiting list), with no link; the mailbox gets the
    // link to the registration it has. (This used to say "already registered", which
    // told anyone who typed an address that it was registered.)
    let again = post(
        &app,
        "/es/events/small/register",
        &[("name", "Someone"), ("email", "ANA@example.org"), ("consent", "yes")],
        None,
    )
    .await;
    assert_eq!(again.status, StatusCode::OK);
    assert!(!again.body.contains("ya está inscrita"));
    assert!(!again.body.contains(&first_page_uri) && !again.body.contains(SECRET_LINK));
    assert_eq!(app.state.store.registrations("small").await.unwrap().len(), 1);
    let told = outbox(&app);
    let reminder =
        told.iter().find(|m| m.contains("To: ana@example.org") && m.contains("Su inscrip")).unwrap();
    assert!(reminder.contains(&first_page_uri), "the owner of the address gets the link");

    // The event is full now; the second person is wait-listed.
    let full = get(&app, "/es/events/small").await.body;
    assert!(full.contains("Entrar en la lista de espera"));
    let second = post(
        &app,
        "/es/events/small/register",
        &[("name", "Bruno Silva"), ("email", "bruno@example.org"), ("consent", "yes")],
        None,
    )
    .await;
    assert_eq!(second.status, StatusCode::OK);
    assert!(second.body.contains("Está en la lista de espera"));
    let second_uri =
        registration_link(outbox(&app).iter().find(|m| m.contains("To: bruno@example.org")).unwrap());
    let page = get(&app, &second_uri).await.body;
    assert!(page.contains("Está en la lista de espera"));
    assert!(!page.contains(SECRET_LINK), "no link for the waiting list");
    assert_eq!(outbox(&app).len(), 3, "two confirmations and the link sent to Ana again");

    // The first cancels through the link; the second is promoted and told.
    let cancelled = post(&app, &format!("{first_page_uri}/cancel"), &[], None).await;
    assert_eq!(cancelled.status, StatusCode::SEE_OTHER);
    assert!(get(&app, &first_page_uri).await.body.contains("Su inscripción está cancelada"));
    let page = get(&app, &second_uri).await.body;
    assert!(page.contains("Está inscrito") && page.contains(SECRET_LINK));
    let mails = outbox(&app);
    assert_eq!(mails.len(), 5, "cancellation notice and promotion");
    let promoted = mails
        .iter()
        .find(|m| m.contains("To: bruno@example.org") && m.contains("BEGIN:VCALENDAR"))
        .expect("promotion e-mail with the .ics");
    assert!(promoted.contains("se liber"), "{promoted}");

    // A cancel without the CSRF pair is refused.
    let request = Request::post(format!("{second_uri}/cancel"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("csrf=x"))
        .unwrap();
    assert_eq!(app.send(request).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_member_registers_in_one_step() {
    let app = app().await;
    let id = app
        .state
        .store
        .upsert_user("marta@example.org", "Marta Gómez", Role::Member, Some("Ciudad de Rosario"))
        .await
        .unwrap();
    let session = app.state.store.create_session(id).await.unwrap();
    let page = get_as(&app, "/en/events/up", Some(&session)).await.body;
    assert!(page.contains("Marta Gómez") && page.contains("name=\"as_member\""));
    let reply = post(&app, "/en/events/up/register", &[("as_member", "yes")], Some(&session)).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let regs = app.state.store.registrations("up").await.unwrap();
    assert_eq!(regs.len(), 1);
    assert_eq!((regs[0].email.as_str(), regs[0].account_id), ("marta@example.org", Some(id)));
}

#[tokio::test]
async fn reminders_go_out_a_day_before_once() {
    let app = app().await;
    post(
        &app,
        "/en/events/small/register",
        &[("name", "Ana"), ("email", "ana@example.org"), ("consent", "yes")],
        None,
    )
    .await;
    assert_eq!(outbox(&app).len(), 1);
    let start = app.state.store.event("small").await.unwrap().unwrap().record.span().unwrap().start;
    let day_before = start.checked_sub(SignedDuration::from_hours(24)).unwrap();
    let early = day_before.checked_sub(SignedDuration::from_mins(1)).unwrap();
    assert_eq!(praxis_app::deliver_due(&app.state, early).await.unwrap(), 0);
    assert_eq!(praxis_app::deliver_due(&app.state, day_before).await.unwrap(), 1);
    assert_eq!(praxis_app::deliver_due(&app.state, day_before).await.unwrap(), 0);
    let mails = outbox(&app);
    assert_eq!(mails.len(), 2);
    assert!(mails[1].contains("Tomorrow") && mails[1].contains(SECRET_LINK));
}

/// Parses calendars with Python's `icalendar`. Outside CI a machine without it skips
/// this check (scripts/test.sh installs it).
fn parse_with_icalendar(files: &[PathBuf]) -> Option<Vec<Value>> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/check_ics.py");
    let have = std::process::Command::new("python3").args(["-c", "import icalendar"]).status();
    if !have.is_ok_and(|s| s.success()) {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "CI needs Python's icalendar (pip install icalendar)"
        );
        eprintln!("skipping the icalendar check: python3 -m pip install icalendar");
        return None;
    }
    let output = std::process::Command::new("python3").arg(script).args(files).output().unwrap();
    assert!(output.status.success(), "icalendar refused it: {}", String::from_utf8_lossy(&output.stderr));
    Some(
        String::from_utf8(output.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect(),
    )
}

#[tokio::test]
async fn calendars_are_valid_icalendar_without_the_online_link() {
    let app = app().await;
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for uri in [
        "/calendar.ics",
        "/calendar.ics?theme=water-sanitation&language=fr&lang=fr",
        "/events/up.ics?lang=es",
        "/events/past.ics",
        "/calendar.ics?theme=mobility",
    ] {
        let reply = get(&app, uri).await;
        assert_eq!(reply.status, StatusCode::OK, "{uri}");
        assert!(reply.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/calendar"));
        assert!(reply.body.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(!reply.body.contains(SECRET_LINK), "{uri} holds the private link");
        let path = dir.path().join(format!("{}.ics", files.len()));
        std::fs::write(&path, &reply.body).unwrap();
        files.push(path);
    }
    assert_eq!(get(&app, "/events/nope.ics").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, "/events/up").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, "/calendar.ics?theme=nonsense").await.status, StatusCode::BAD_REQUEST);
    let Some(parsed) = parse_with_icalendar(&files) else { return };
    let count = |i: usize| parsed[i]["events"].as_array().unwrap().len();
    assert_eq!((count(0), count(1), count(2), count(3), count(4)), (2, 2, 1, 1, 0));
    let one = &parsed[2]["events"][0];
    let span = app.state.store.event("up").await.unwrap().unwrap().record.span().unwrap();
    let expected = local_time(span.start, &jiff::tz::TimeZone::UTC).rfc3339;
    assert_eq!(one["start"], json!(expected), "the parser reads the same instant");
    assert_eq!(one["summary"], json!("Agua para todos up"));
    assert!(one["location"].as_str().unwrap().contains("Edificio Sede, Av. 18 de Julio"));
    assert!(one["description"].as_str().unwrap().contains("/es/events/up"));
    assert!(
        parsed[1]["events"][0]["summary"].as_str().unwrap().starts_with("Agua para todos"),
        "no French title: the original"
    );
}

#[tokio::test]
async fn the_api_lists_events_as_the_contract_says() {
    let app = app().await;
    let upcoming = get(&app, "/api/v1/events?when=upcoming").await;
    assert_eq!(upcoming.status, StatusCode::OK);
    let list: Value = serde_json::from_str(&upcoming.body).unwrap();
    let ids: Vec<&str> = list.as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["up", "small"]);
    let e = &list[0];
    for field in ["id", "title", "start", "end", "time_zone", "languages", "themes"] {
        assert!(e.get(field).is_some(), "{field} missing");
    }
    assert_eq!(e["time_zone"], "America/Montevideo");
    assert!(e["start"].as_str().unwrap().ends_with("T10:00:00-03:00"), "{}", e["start"]);
    assert_eq!(e["title"]["es"], "Agua para todos up");
    assert_eq!(e["languages"], json!(["es"]));
    assert_eq!(e["themes"], json!(["water-sanitation"]));
    assert!(!upcoming.body.contains(SECRET_LINK));
    let past: Value = serde_json::from_str(&get(&app, "/api/v1/events?when=past").await.body).unwrap();
    assert_eq!(past.as_array().unwrap().len(), 1);
    let default: Value = serde_json::from_str(&get(&app, "/api/v1/events").await.body).unwrap();
    assert_eq!(default.as_array().unwrap().len(), 2);
    let bad = get(&app, "/api/v1/events?when=soon").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(serde_json::from_str::<Value>(&bad.body).unwrap()["error"]["code"], "invalid_when");
    let doc = get(&app, "/api/v1/openapi.json").await.body;
    assert!(doc.contains("/api/v1/events") && doc.contains("EventSummary"));
}

#[tokio::test]
async fn editors_create_and_edit_events_and_see_registrants() {
    let app = app().await;
    let editor = app.state.store.upsert_user("ed@example.org", "Edna", Role::Editor, None).await.unwrap();
    let member = app
        .state
        .store
        .upsert_user("m@example.org", "Mo", Role::Member, Some("Ville de Lyon"))
        .await
        .unwrap();
    let editor = app.state.store.create_session(editor).await.unwrap();
    let member = app.state.store.create_session(member).await.unwrap();
    post(
        &app,
        "/en/events/up/register",
        &[
            ("name", "Ana"),
            ("email", "ana@example.org"),
            ("organisation", "=cmd|' /C calc'!A0"),
            ("consent", "yes"),
        ],
        None,
    )
    .await;

    for path in [
        "/en/events/new",
        "/en/events/up/edit",
        "/en/events/up/registrations",
        "/en/events/up/registrations.csv",
    ] {
        let visitor = get(&app, path).await;
        assert_eq!(visitor.status, StatusCode::SEE_OTHER, "{path}");
        assert!(location(&visitor).starts_with("/en/sign-in"), "{path}");
        assert_eq!(get_as(&app, path, Some(&member)).await.status, StatusCode::FORBIDDEN, "{path}");
        assert_eq!(get_as(&app, path, Some(&editor)).await.status, StatusCode::OK, "{path}");
    }
    let list = get_as(&app, "/en/events/up/registrations", Some(&editor)).await.body;
    assert!(list.contains("ana@example.org"));
    let csv = get_as(&app, "/en/events/up/registrations.csv", Some(&editor)).await;
    assert!(csv.headers[header::CONTENT_DISPOSITION].to_str().unwrap().contains("attachment"));
    assert!(csv.body.starts_with("\u{feff}name,email,organisation,member,status,language,registered_at\r\n"));
    assert!(csv.body.contains("Ana,ana@example.org,'=cmd|' /C calc'!A0,no,confirmed,en,"), "{}", csv.body);
    let audit = app.state.store.audit_log(Some(("event", "up")), 5).await.unwrap();
    assert_eq!(audit[0].action, "event.registrants_export", "who took the personal data is recorded");
    // Personal data stays off public pages.
    for uri in ["/en/events/up", "/en/events", "/api/v1/events", "/calendar.ics"] {
        assert!(!get(&app, uri).await.body.contains("ana@example.org"), "{uri}");
    }

    // A new event: mistakes are shown next to their fields, nothing is stored.
    let start = local_in(20, 2, "Europe/Berlin");
    let bad = post(
        &app,
        "/en/events/new",
        &[
            ("language", "fr"),
            ("title_fr", "Le vélo à Lyon"),
            ("description_fr", "Trois ans de pistes cyclables."),
            ("format", "workshop"),
            ("start", &start),
            ("end", "nope"),
            ("time_zone", "Europe/Lyon"),
            ("languages", "fr"),
            ("themes", "mobility"),
            ("venue", "Hôtel de Ville"),
        ],
        Some(&editor),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("id=\"ev-time_zone-error\""), "{}", bad.body);
    assert!(bad.body.contains("id=\"ev-end-error\""));
    assert!(bad.body.contains("value=\"Le vélo à Lyon\""), "typed title kept");
    assert!(bad.body.contains("value=\"mobility\" checked"), "ticked theme kept");
    assert!(app.state.store.event(&format!("{}-le-velo-a-lyon", &start[..10])).await.unwrap().is_none());
    let end = local_in(20, 4, "Europe/Paris");
    let good = post(
        &app,
        "/en/events/new",
        &[
            ("id", "lyon-velo"),
            ("language", "fr"),
            ("title_fr", "Le vélo à Lyon"),
            ("title_en", "Cycling in Lyon"),
            ("description_fr", "Trois ans de pistes cyclables."),
            ("format", "workshop"),
            ("start", &start.replace("T02", "T03")),
            ("end", &end),
            // A city stands for its zone.
            ("time_zone", "Lyon"),
            ("languages", "fr"),
            ("interpretation", "en"),
            ("themes", "mobility"),
            ("venue", "Hôtel de Ville"),
            ("capacity", "30"),
            ("speakers", "Jean Martin | Vice-président | Métropole de Lyon | Lyon"),
        ],
        Some(&editor),
    )
    .await;
    assert_eq!(good.status, StatusCode::SEE_OTHER, "{}", good.body);
    assert_eq!(location(&good), "/en/events/lyon-velo");
    let saved = app.state.store.event("lyon-velo").await.unwrap().unwrap().record;
    assert_eq!(saved.speakers[0].organisation.as_deref(), Some("Métropole de Lyon"));
    assert_eq!(saved.capacity, Some(30));
    assert_eq!(saved.time_zone, "Europe/Paris");
    // Editing keeps the id and updates the rest.
    let form = get_as(&app, "/en/events/lyon-velo/edit", Some(&editor)).await.body;
    assert!(form.contains("value=\"Cycling in Lyon\""));
    assert!(
        form.contains("<option value=\"Europe/Paris\">Europe/Paris (Paris, "),
        "zones are listed with their cities"
    );
    let edited = post(
        &app,
        "/en/events/lyon-velo/edit",
        &[
            ("language", "fr"),
            ("title_fr", "Le vélo à Lyon"),
            ("description_fr", "Trois ans de pistes cyclables."),
            ("format", "workshop"),
            ("start", &saved.start),
            ("end", &saved.end),
            ("time_zone", "Europe/Paris"),
            ("languages", "fr"),
            ("themes", "mobility"),
            ("venue", "Hôtel de Ville"),
            ("recording", "https://video.example.org/velo"),
        ],
        Some(&editor),
    )
    .await;
    assert_eq!(edited.status, StatusCode::SEE_OTHER, "{}", edited.body);
    let saved = app.state.store.event("lyon-velo").await.unwrap().unwrap().record;
    assert_eq!((saved.recording.as_deref(), saved.capacity), (Some("https://video.example.org/velo"), None));
    // Nothing lost: the version before the edit is kept, with who made each one.
    let history = get_as(&app, "/en/editor/history/event/lyon-velo", Some(&editor)).await;
    assert_eq!(history.status, StatusCode::OK);
    assert!(history.body.contains("ed@example.org"));
    assert!(history.body.contains("<del>Cycling in Lyon</del>"), "the removed English title is shown");
    assert!(history.body.contains("video.example.org/velo"), "the recording added by the edit");
    assert_eq!(app.state.store.record_revisions("event", "lyon-velo").await.unwrap().len(), 2);
    assert_eq!(get(&app, "/en/editor/history/event/lyon-velo").await.status, StatusCode::SEE_OTHER);
}

/// The same instant read in three zones, around Berlin's switch to summer time.
#[test]
fn montevideo_event_from_berlin_and_shanghai() {
    let mvd = zone("America/Montevideo").unwrap();
    let before = praxis_domain::event::to_instant("2026-03-27T10:00".parse().unwrap(), &mvd).unwrap();
    let after = praxis_domain::event::to_instant("2026-03-30T10:00".parse().unwrap(), &mvd).unwrap();
    let read = |t, z: &str| local_time(t, &zone(z).unwrap()).time;
    assert_eq!(
        (read(before, "Europe/Berlin"), read(after, "Europe/Berlin")),
        ("14:00".to_string(), "15:00".to_string())
    );
    assert_eq!(
        (read(before, "Asia/Shanghai"), read(after, "Asia/Shanghai")),
        ("21:00".to_string(), "21:00".to_string())
    );
}

#[tokio::test]
async fn registering_an_address_again_looks_the_same_as_a_new_one() {
    let app = app().await;
    let register = |email: &'static str| {
        let app = &app;
        async move {
            post(
                app,
                "/es/events/small/register",
                &[("name", "Someone"), ("email", email), ("consent", "yes")],
                None,
            )
            .await
        }
    };
    assert_eq!(register("ana@example.org").await.status, StatusCode::OK);
    // The event is full now: a repeated address and a new one get the same page.
    let again = register("ana@example.org").await;
    let new = register("bea@example.org").await;
    assert_eq!(again.status, new.status);
    assert_eq!(again.body, new.body, "nothing tells whether the address was registered");
    assert_eq!(app.state.store.registrations("small").await.unwrap().len(), 2);
    // Flooding an address with repeats sends it a few messages an hour, not one each.
    for _ in 0..5 {
        register("ana@example.org").await;
    }
    let to_ana = outbox(&app).iter().filter(|m| m.contains("To: ana@example.org")).count();
    assert!(to_ana <= 1 + 3, "the confirmation and at most three reminders: {to_ana}");
}

#[tokio::test]
async fn the_event_page_kept_for_visitors_moves_with_every_registration() {
    let app = app().await;
    let open = get(&app, "/es/events/small").await;
    assert_eq!(get(&app, "/es/events/small").await.headers["x-cache"], "hit");
    assert!(!open.body.contains("Entrar en la lista de espera"));
    let fields = [
        ("name", "Ana Rodríguez"),
        ("email", "ana@example.org"),
        ("organisation", "Canelones"),
        ("consent", "yes"),
    ];
    assert_eq!(post(&app, "/es/events/small/register", &fields, None).await.status, StatusCode::OK);
    // The one seat is taken: the next visitor is offered the waiting list at once.
    let full = get(&app, "/es/events/small").await;
    assert_eq!(full.headers["x-cache"], "miss");
    assert!(full.body.contains("Entrar en la lista de espera"), "{}", full.body);
}

#[tokio::test]
async fn the_knowledge_hub_is_searched_by_words_theme_and_language() {
    let app = app().await;
    // Words from the briefing, in another case and without the accent.
    let found = get(&app, "/es/events/past?q=HOGARES+conectados").await;
    assert_eq!(found.status, StatusCode::OK);
    assert!(found.body.contains("Agua para todos past"), "{}", found.body);
    assert!(found.body.contains("value=\"HOGARES conectados\""), "the words stay in the field");
    assert_eq!(found.body.matches("class=\"event-card\"").count(), 1, "listed once");
    let none = get(&app, "/es/events/past?q=teleférico").await;
    assert!(!none.body.contains("Agua para todos past"));
    assert!(none.body.contains("Ninguna sesión pasada coincide"));
    // A theme it has, and one it has not.
    assert!(get(&app, "/en/events/past?theme=health").await.body.contains("Water for everyone past"));
    assert!(!get(&app, "/en/events/past?theme=housing").await.body.contains("Water for everyone past"));
    // Words past the limit are refused with a note, not an error page.
    let long = get(&app, &format!("/en/events/past?q={}", "a".repeat(301))).await;
    assert_eq!(long.status, StatusCode::OK);
    assert!(long.body.contains("class=\"note\""));
    assert!(!long.body.contains("Water for everyone past"));
    // Switching language keeps the search.
    assert!(
        found.body.contains("href=\"/en/events/past?q=HOGARES+conectados\""),
        "the language links keep it"
    );
}
