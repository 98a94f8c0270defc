//! Live learning: upcoming events, the event page with its registration form, the
//! registration page behind each cancel link, the "knowledge hub" of past sessions,
//! calendars (`/calendar.ics`, `/events/{id}.ics`), `/api/v1/events`, and the editors'
//! pages (`editor.rs`). E-mails about registrations are jobs the store queues and
//! `mail.rs` sends.
//!
//! Times: every page shows the event's own zone and UTC in its HTML; a small script
//! (`assets/events.js`) adds the visitor's zone where JavaScript runs.
//!
//! Privacy: the online link appears only on a confirmed registrant's registration page
//! and in their e-mails; registrants' data only on editors' pages.

mod editor;

use crate::auth::{CsrfForm, Viewer};
use crate::error::{api_error, WebError};
use crate::forms::Form;
use crate::markdown;
use crate::page::Page;
use crate::routes::Routes;
use crate::view::Chrome;
use crate::AppState;
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Json;

use jiff::Timestamp;
use praxis_domain::event::{local_time, zone};
use praxis_domain::{Lang, RegistrationForm, Theme, Vocabulary};
use praxis_store::{EventFilter, RegistrationStatus, StoredEvent, When};
use serde::Serialize;

use praxis_app::events::{self, calendar_event, ics, times, Registered, Registrant, Times};
use praxis_app::AppError;

pub fn router() -> Routes {
    Routes::new()
        .get("/{lang}/events", upcoming)
        .get("/{lang}/events/past", hub)
        .get("/{lang}/events/{id}", event_page)
        .post("/{lang}/events/{id}/register", register)
        .get("/{lang}/registrations/{token}", registration_page)
        .post("/{lang}/registrations/{token}/cancel", cancel)
        .get("/calendar.ics", calendar)
        .get("/events/{file}", event_ics)
        .get("/api/v1/events", api_events)
        .merge(editor::router())
}

/// How many events a list or calendar holds at most.
const LIST_LIMIT: i64 = 200;

pub struct Link {
    pub label: String,
    pub href: String,
}

pub struct SpeakerView {
    pub name: String,
    pub details: String,
}

/// An event as lists and its page show it.
pub struct EventView {
    pub id: String,
    pub href: String,
    pub title: String,
    pub title_lang: Lang,
    pub description: String,
    pub description_lang: Lang,
    pub format: String,
    pub times: Option<Times>,
    pub languages: String,
    pub interpretation: String,
    pub themes: Vec<Link>,
    pub speakers: Vec<SpeakerView>,
    pub online: bool,
    pub venue: Option<String>,
    pub seats: Option<String>,
    pub full: bool,
    pub recording: Option<String>,
    pub briefing_html: String,
    pub briefing_lang: Lang,
}

fn lang_names(c: &Chrome, langs: &[Lang]) -> String {
    langs.iter().map(|l| c.t(&format!("lang-{l}"))).collect::<Vec<_>>().join(", ")
}

impl EventView {
    pub fn new(c: &Chrome, stored: &StoredEvent) -> EventView {
        let r = &stored.record;
        let (title_lang, title) = r.title_in(c.lang);
        let (description_lang, description) = r.description_in(c.lang);
        let (briefing_lang, briefing) = r.briefing.pick(c.lang, r.language).unwrap_or((c.lang, ""));
        let seats = stored.seats_left().map(|left| {
            if left == 0 {
                c.t("events-full")
            } else {
                c.n("events-seats-left", &usize::try_from(left).unwrap_or(0))
            }
        });
        EventView {
            id: r.id.clone(),
            href: c.url(&format!("/events/{}", r.id)),
            title: title.to_string(),
            title_lang,
            description: description.to_string(),
            description_lang,
            format: c.t(&format!("events-format-{}", r.format.id())),
            times: times(c.i18n(), c.lang, r),
            languages: lang_names(c, &r.languages),
            interpretation: lang_names(c, &r.interpretation),
            themes: r
                .themes
                .iter()
                .map(|t| Link {
                    label: c.t(&t.label_key()),
                    href: c.url(&format!("/events?theme={}", t.id())),
                })
                .collect(),
            speakers: r
                .speakers
                .iter()
                .map(|s| SpeakerView {
                    name: s.name.clone(),
                    details: [&s.role, &s.organisation, &s.place]
                        .into_iter()
                        .flatten()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", "),
                })
                .collect(),
            online: r.online_link.is_some(),
            venue: r.venue.clone(),
            seats,
            full: stored.is_full(),
            recording: r.recording.clone(),
            briefing_html: markdown::render(briefing),
            briefing_lang,
        }
    }
}

/// What a list, calendar or API query asks for: the filters, `when`, and `lang` (the
/// language calendar entries are written in).
type ListQuery = (EventFilter, Option<When>, Option<Lang>);

/// Filters of lists, calendars and the API: `theme=…&language=…` (repeatable).
fn parse_filter(raw: Option<&str>) -> Result<ListQuery, (&'static str, String)> {
    let mut filter = EventFilter::default();
    let mut when = None;
    let mut lang = None;
    for (key, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match key.as_ref() {
            "theme" => match Theme::from_id(value) {
                Some(t) => filter.themes.push(t),
                None => {
                    return Err((
                        "invalid_filter",
                        format!("theme={value:?} is unknown; use one of: {}", Theme::expected()),
                    ))
                }
            },
            "language" => match value.parse::<Lang>() {
                Ok(l) => filter.languages.push(l),
                Err(_) => {
                    return Err((
                        "invalid_filter",
                        format!("language={value:?}: use {}", Lang::codes_listed()),
                    ))
                }
            },
            "when" => {
                when = Some(match value {
                    "upcoming" => When::Upcoming,
                    "past" => When::Past,
                    _ => return Err(("invalid_when", format!("when={value:?}: use upcoming or past"))),
                })
            }
            "lang" => match value.parse::<Lang>() {
                Ok(l) => lang = Some(l),
                Err(_) => {
                    return Err(("invalid_lang", format!("lang={value:?}: use {}", Lang::codes_listed())))
                }
            },
            _ => {}
        }
    }
    Ok((filter, when, lang))
}

pub struct FilterOption {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "events/list.html")]
struct ListPage {
    c: Chrome,
    events: Vec<EventView>,
    themes: Vec<FilterOption>,
    languages: Vec<FilterOption>,
    filtered: bool,
    calendar_href: String,
    script: &'static str,
}

/// The theme and language menus of an events filter, with what is chosen.
fn filter_options(c: &Chrome, filter: &EventFilter) -> (Vec<FilterOption>, Vec<FilterOption>) {
    let themes = Theme::ALL
        .iter()
        .map(|t| FilterOption {
            value: t.id().to_string(),
            label: c.t(&t.label_key()),
            selected: filter.themes.contains(t),
        })
        .collect();
    let languages = Lang::all()
        .iter()
        .map(|l| FilterOption {
            value: l.code().to_string(),
            label: c.t(&format!("lang-{l}")),
            selected: filter.languages.contains(l),
        })
        .collect();
    (themes, languages)
}

async fn upcoming(
    State(state): State<AppState>,
    page: Page,
    RawQuery(raw): RawQuery,
) -> Result<Html<String>, WebError> {
    let lang = page.lang;
    // A page ignores a bad filter rather than failing.
    let (filter, _, _) = parse_filter(raw.as_deref()).unwrap_or_default();
    let path = match raw.as_deref() {
        Some(q) if !q.is_empty() => format!("/events?{q}"),
        _ => "/events".to_string(),
    };
    let c = page.chrome_t(&path, "events-title").with_nav("events");
    let stored = events::list(&state, When::Upcoming, &filter, LIST_LIMIT).await?;
    let events = stored.iter().map(|s| EventView::new(&c, s)).collect();
    let (themes, languages) = filter_options(&c, &filter);
    let mut calendar_href = format!("/calendar.ics?lang={lang}");
    for t in &filter.themes {
        calendar_href.push_str(&format!("&theme={}", t.id()));
    }
    for l in &filter.languages {
        calendar_href.push_str(&format!("&language={l}"));
    }
    let page = ListPage {
        events,
        themes,
        languages,
        filtered: !filter.themes.is_empty() || !filter.languages.is_empty(),
        calendar_href,
        script: crate::assets::EVENTS_PATH.as_str(),
        c,
    };
    Ok(Html(page.render()?))
}

pub struct InitiativeLink {
    pub title: String,
    pub lang: Lang,
    pub href: String,
}

pub struct ThemeGroup {
    pub id: String,
    pub label: String,
    /// Each session with the initiatives discussed.
    pub sessions: Vec<(EventView, Vec<InitiativeLink>)>,
}

#[derive(Template)]
#[template(path = "events/hub.html")]
struct HubPage {
    c: Chrome,
    groups: Vec<ThemeGroup>,
    themes: Vec<FilterOption>,
    languages: Vec<FilterOption>,
    /// The words searched for.
    q: String,
    filtered: bool,
    /// Why the words could not be searched (too long).
    problem: Option<String>,
    script: &'static str,
}

async fn initiative_links(
    state: &AppState,
    c: &Chrome,
    ids: &[String],
) -> Result<Vec<InitiativeLink>, WebError> {
    Ok(praxis_app::initiatives::published(state, ids)
        .await?
        .iter()
        .map(|s| {
            let (lang, title) = s.record.title_in(c.lang);
            InitiativeLink {
                title: title.to_string(),
                lang,
                href: c.url(&format!("/initiatives/{}", s.record.id)),
            }
        })
        .collect())
}

/// The knowledge hub: past sessions grouped by theme (a session with two themes is
/// under both), each with its recording, briefing note and the initiatives discussed.
async fn hub(
    State(state): State<AppState>,
    page: Page,
    RawQuery(raw): RawQuery,
) -> Result<Html<String>, WebError> {
    let (filter, _, _) = parse_filter(raw.as_deref()).unwrap_or_default();
    let q = form_urlencoded::parse(raw.as_deref().unwrap_or("").as_bytes())
        .find(|(k, _)| k == "q")
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_default();
    let path = match raw.as_deref() {
        Some(query) if !query.is_empty() => format!("/events/past?{query}"),
        _ => "/events/past".to_string(),
    };
    let c = page.chrome_t(&path, "events-hub-title").with_nav("events");
    let (stored, problem) = match events::past_sessions(&state, &filter, &q, LIST_LIMIT).await {
        Ok(stored) => (stored, None),
        Err(praxis_app::AppError::Invalid { .. }) => (
            Vec::new(),
            Some(state.i18n.t_args(
                page.lang,
                "search-too-long",
                &[("max", (praxis_app::search::QUERY_MAX_CHARS as f64).into())],
            )),
        ),
        Err(e) => return Err(e.into()),
    };
    // Each session is listed once, under its first theme (or the first of the themes
    // asked for): listing it under every theme it has made the hub look fuller than it is.
    let home = |themes: &[Theme]| -> Option<Theme> {
        themes.iter().copied().find(|t| filter.themes.contains(t)).or_else(|| themes.first().copied())
    };
    let mut groups = Vec::new();
    for theme in Theme::ALL {
        let mut sessions = Vec::new();
        for s in stored.iter().filter(|s| home(&s.record.themes) == Some(*theme)) {
            sessions
                .push((EventView::new(&c, s), initiative_links(&state, &c, &s.record.initiatives).await?));
        }
        if !sessions.is_empty() {
            groups.push(ThemeGroup { id: theme.id().to_string(), label: c.t(&theme.label_key()), sessions });
        }
    }
    let (themes, languages) = filter_options(&c, &filter);
    let page = HubPage {
        groups,
        themes,
        languages,
        filtered: !filter.themes.is_empty() || !filter.languages.is_empty() || !q.is_empty(),
        q,
        problem,
        script: crate::assets::EVENTS_PATH.as_str(),
        c,
    };
    Ok(Html(page.render()?))
}

/// The registration form as typed, with its problems.
#[derive(Default)]
pub struct FormState {
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub consent: bool,
    pub errors: Form,
    /// Said above the form (not a problem with what was typed).
    pub notice: Option<String>,
}

impl FormState {
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors.error(field)
    }
}

#[derive(Template)]
#[template(path = "events/event.html")]
struct EventPage {
    c: Chrome,
    e: EventView,
    upcoming: bool,
    member: Option<(String, String)>,
    form: FormState,
    initiatives: Vec<InitiativeLink>,
    ics_href: String,
    register_action: String,
    script: &'static str,
}

async fn render_event(
    state: &AppState,
    c: Chrome,
    stored: &StoredEvent,
    viewer: &Viewer,
    form: FormState,
) -> Result<Response, WebError> {
    let status = if form.errors.has_errors() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let upcoming = stored.record.span().is_some_and(|s| s.start > Timestamp::now());
    let page = EventPage {
        e: EventView::new(&c, stored),
        upcoming,
        member: viewer.account.as_ref().map(|a| (a.name.clone(), a.email.clone())),
        form,
        initiatives: initiative_links(state, &c, &stored.record.initiatives).await?,
        ics_href: format!("/events/{}.ics?lang={}", stored.record.id, c.lang),
        register_action: c.url(&format!("/events/{}/register", stored.record.id)),
        script: crate::assets::EVENTS_PATH.as_str(),
        c,
    };
    Ok((status, Html(page.render()?)).into_response())
}

fn event_chrome(page: &Page, stored: &StoredEvent) -> Chrome {
    let r = &stored.record;
    let (_, title) = r.title_in(page.lang);
    let description = r.description.pick(page.lang, r.language).map(|(_, d)| d).unwrap_or_default();
    let c = page.chrome(&format!("/events/{}", r.id), title.to_string()).with_nav("events");
    // The online link is for registrants only: the page's own address stands for it.
    let online = serde_json::json!({"@type": "VirtualLocation", "url": c.canonical()});
    let (mode, location) = match &r.venue {
        Some(venue) if r.online_link.is_some() => (
            "MixedEventAttendanceMode",
            serde_json::json!([{"@type": "Place", "name": venue, "address": venue}, online]),
        ),
        Some(venue) => (
            "OfflineEventAttendanceMode",
            serde_json::json!({"@type": "Place", "name": venue, "address": venue}),
        ),
        None => ("OnlineEventAttendanceMode", online),
    };
    let subject = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": title,
        "description": crate::view::preview(description, 500),
        "startDate": stored.starts_at,
        "endDate": stored.ends_at,
        "eventAttendanceMode": format!("https://schema.org/{mode}"),
        "eventStatus": "https://schema.org/EventScheduled",
        "location": location,
        "inLanguage": r.languages.iter().map(|l| l.code()).collect::<Vec<_>>(),
        "url": c.canonical(),
        "organizer": {"@type": "Organization", "name": "Praxis", "url": c.base.clone() + "/"},
    });
    c.with_description(description).with_subject(subject)
}

async fn event_page(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    page: Page,
) -> Result<Response, WebError> {
    let stored = events::event(&state, &id).await?;
    let c = event_chrome(&page, &stored);
    render_event(&state, c, &stored, &page.viewer, FormState::default()).await
}

/// Registers the visitor (the form) or the signed-in member (their account, one click),
/// then shows the registration page, where the cancel button and, once confirmed, the
/// online link are.
async fn register(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    page: Page,
    crate::auth::ClientIp(client): crate::auth::ClientIp,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (lang, viewer) = (page.lang, &page.viewer);
    let stored = events::event(&state, &id).await?;
    let field = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim().to_string());
    let form = RegistrationForm {
        name: field("name").unwrap_or_default(),
        email: field("email").unwrap_or_default(),
        organisation: field("organisation").unwrap_or_default(),
        consent: field("consent").is_some(),
    };
    let registrant = match &viewer.account {
        Some(account) if field("as_member").is_some() => Registrant::Member(account),
        _ => Registrant::Visitor(form.clone()),
    };
    let outcome = match events::register(&state, &id, registrant, lang, &client).await {
        Ok(outcome) => outcome,
        Err(AppError::Invalid { fields, .. }) => {
            let c = event_chrome(&page, &stored);
            let errors = Form::from_problems(&c, "events-error-", &fields);
            let typed = FormState {
                name: form.name,
                email: form.email,
                organisation: form.organisation,
                consent: form.consent,
                errors,
                notice: None,
            };
            return render_event(&state, c, &stored, viewer, typed).await;
        }
        Err(e) => return Err(e.into()),
    };
    let status = match outcome {
        // A member registered with their own (confirmed) address: their page is theirs.
        Registered::Member(r) => {
            return Ok(Redirect::to(&format!("/{lang}/registrations/{}", r.token)).into_response());
        }
        Registered::Visitor { status } => status,
        Registered::Closed => {
            let c = event_chrome(&page, &stored);
            let errors = Form::with_error("form", c.t("events-closed"));
            let form = FormState { errors, ..FormState::default() };
            return render_event(&state, c, &stored, viewer, form).await;
        }
    };
    // Anyone may have typed someone else's address: the answer is the same whether or
    // not it was registered already, and the registration page, with the online link
    // and the cancel button, goes only to the mailbox.
    let (_, title) = stored.record.title_in(lang);
    let c = page.chrome(&format!("/events/{id}"), title.to_string()).with_nav("events");
    let page = RegistrationPage {
        e: EventView::new(&c, &stored),
        name: form.name.clone(),
        status: status.id(),
        online_link: None,
        cancel_action: String::new(),
        ics_href: format!("/events/{}.ics?lang={lang}", stored.record.id),
        script: crate::assets::EVENTS_PATH.as_str(),
        c,
    };
    Ok(private(page.render()?))
}

#[derive(Template)]
#[template(path = "events/registration.html")]
struct RegistrationPage {
    c: Chrome,
    e: EventView,
    name: String,
    status: &'static str,
    online_link: Option<String>,
    cancel_action: String,
    ics_href: String,
    script: &'static str,
}

/// Pages behind a secret link: never cached, never indexed, and no `Referer` that would
/// carry the secret to the online meeting's site.
fn private(html: String) -> Response {
    (
        [
            (header::CACHE_CONTROL, "no-store"),
            (header::REFERRER_POLICY, "no-referrer"),
            (header::HeaderName::from_static("x-robots-tag"), "noindex"),
        ],
        Html(html),
    )
        .into_response()
}

async fn registration_page(
    State(state): State<AppState>,
    Path((_, token)): Path<(String, String)>,
    page: Page,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let (registration, stored) = events::registration(&state, &token).await?;
    let (_, title) = stored.record.title_in(lang);
    let c = page.chrome(&format!("/registrations/{token}"), title.to_string()).with_nav("events");
    let confirmed = registration.status == RegistrationStatus::Confirmed;
    let page = RegistrationPage {
        e: EventView::new(&c, &stored),
        name: registration.name.clone(),
        status: registration.status.id(),
        online_link: stored.record.online_link.clone().filter(|_| confirmed),
        cancel_action: c.url(&format!("/registrations/{token}/cancel")),
        ics_href: format!("/events/{}.ics?lang={lang}", stored.record.id),
        script: crate::assets::EVENTS_PATH.as_str(),
        c,
    };
    Ok(private(page.render()?))
}

async fn cancel(
    State(state): State<AppState>,
    page: Page,
    Path((_, token)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    events::cancel(&state, &token).await?;
    Ok(Redirect::to(&format!("/{}/registrations/{token}", page.lang)).into_response())
}

/// The site's address for links in feeds and calendars: the configured public URL
/// (never the request's `Host`, which a client chooses).
fn base_url(state: &AppState, _headers: &HeaderMap) -> String {
    state.public_url.clone()
}

fn ics_response(body: String, filename: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, format!("inline; filename=\"{filename}\"")),
        ],
        body,
    )
        .into_response()
}

/// `/calendar.ics?theme=…&language=…&lang=…`: the upcoming events.
async fn calendar(State(state): State<AppState>, headers: HeaderMap, RawQuery(raw): RawQuery) -> Response {
    let (filter, _, lang) = match parse_filter(raw.as_deref()) {
        Ok(parsed) => parsed,
        Err((code, message)) => {
            return (StatusCode::BAD_REQUEST, format!("{code}: {message}\n")).into_response()
        }
    };
    let lang = lang.unwrap_or_default();
    let stored = match events::list(&state, When::Upcoming, &filter, LIST_LIMIT).await {
        Ok(s) => s,
        Err(e) => return WebError::from(e).into_response(),
    };
    let base = base_url(&state, &headers);
    let events: Vec<_> = stored.iter().filter_map(|s| calendar_event(&state.app, &base, lang, s)).collect();
    let name = state.i18n.t(lang, "events-calendar-name");
    ics_response(ics::calendar(&name, &events, Timestamp::now()), "praxis-events.ics")
}

/// `/events/{id}.ics`: one event, past or upcoming.
async fn event_ics(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let not_found = || WebError::ApiNotFound { message: format!("no event calendar /events/{file}") };
    let id = file.strip_suffix(".ics").ok_or_else(not_found)?;
    let lang = parse_filter(raw.as_deref()).ok().and_then(|(_, _, l)| l).unwrap_or_default();
    let stored = match events::event(&state, id).await {
        Ok(stored) => stored,
        Err(AppError::NotFound(_)) => return Err(not_found()),
        Err(e) => return Err(e.into()),
    };
    let base = base_url(&state, &headers);
    let event = calendar_event(&state.app, &base, lang, &stored).ok_or_else(not_found)?;
    let (_, title) = stored.record.title_in(lang);
    Ok(ics_response(ics::calendar(title, &[event], Timestamp::now()), &format!("{id}.ics")))
}

/// One event in `/api/v1/events` (CONTRACT.md).
#[derive(Serialize, utoipa::ToSchema)]
pub struct EventSummary {
    id: String,
    title: praxis_domain::Multilingual,
    /// RFC 3339 with the event zone's offset.
    start: String,
    end: String,
    /// IANA time zone name.
    time_zone: String,
    /// Languages spoken.
    languages: Vec<Lang>,
    themes: Vec<Theme>,
    /// webinar, peer-exchange, workshop or conference.
    format: String,
    /// Languages into which interpretation is offered.
    interpretation: Vec<Lang>,
}

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // documents the parameters; parsing is parse_filter
struct EventsQueryDoc {
    /// upcoming (default: not yet over, soonest first) or past (most recent first).
    when: Option<String>,
    /// Repeatable theme ids.
    theme: Option<Vec<String>>,
    /// Repeatable: events spoken in, or interpreted into, these languages.
    language: Option<Vec<String>>,
}

/// Events, upcoming or past. Never includes the online link or registrants.
#[utoipa::path(get, path = "/api/v1/events", params(EventsQueryDoc), responses(
    (status = 200, body = Vec<EventSummary>),
    (status = 400, description = "a parameter is invalid", body = crate::error::ErrorBody)
))]
pub async fn api_events(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let (filter, when, _) = match parse_filter(raw.as_deref()) {
        Ok(parsed) => parsed,
        Err((code, message)) => return Ok(api_error(StatusCode::BAD_REQUEST, code, &message)),
    };
    let stored = events::list(&state, when.unwrap_or(When::Upcoming), &filter, LIST_LIMIT).await?;
    let events: Vec<EventSummary> = stored
        .iter()
        .filter_map(|s| {
            let r = &s.record;
            let span = r.span()?;
            let tz = zone(&r.time_zone)?;
            Some(EventSummary {
                id: r.id.clone(),
                title: r.title.clone(),
                start: local_time(span.start, &tz).rfc3339,
                end: local_time(span.end, &tz).rfc3339,
                time_zone: r.time_zone.clone(),
                languages: r.languages.clone(),
                themes: r.themes.clone(),
                format: r.format.id().to_string(),
                interpretation: r.interpretation.clone(),
            })
        })
        .collect();
    Ok(Json(events).into_response())
}
