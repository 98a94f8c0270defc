//! Editors' pages: create and edit events, see who registered, export them as CSV.
//! Registrants' data appears nowhere else.

use crate::auth::{CsrfForm, EditorOnly};
use crate::error::WebError;
use crate::forms::Form;
use crate::page::Page;
use crate::routes::Routes;
use crate::view::Chrome;
use crate::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use praxis_domain::{EventRecord, Format, Lang, Multilingual, Speaker, Theme, Vocabulary};
use praxis_store::StoredEvent;

pub fn router() -> Routes {
    Routes::new()
        .get("/{lang}/events/new", new_form)
        .post("/{lang}/events/new", create)
        .get("/{lang}/events/{id}/edit", edit_form)
        .post("/{lang}/events/{id}/edit", update)
        .get("/{lang}/events/{id}/registrations", registrants)
        .get("/{lang}/events/{id}/registrations.csv", registrants_csv)
}

pub struct Choice {
    pub value: String,
    pub label: String,
}

/// The event as form fields.
fn event_form(r: &EventRecord) -> Form {
    let mut form = Form::default();
    let mut set = |k: &str, v: String| form.set(k, v);
    set("id", r.id.clone());
    set("language", r.language.code().to_string());
    for &lang in Lang::all() {
        set(&format!("title_{lang}"), r.title.get(lang).unwrap_or("").to_string());
        set(&format!("description_{lang}"), r.description.get(lang).unwrap_or("").to_string());
        set(&format!("briefing_{lang}"), r.briefing.get(lang).unwrap_or("").to_string());
    }
    set("format", r.format.id().to_string());
    set("start", r.start.clone());
    set("end", r.end.clone());
    set("time_zone", r.time_zone.clone());
    let speakers = r
        .speakers
        .iter()
        .map(|s| {
            [Some(&s.name), s.role.as_ref(), s.organisation.as_ref(), s.place.as_ref()]
                .iter()
                .map(|v| v.map(String::as_str).unwrap_or(""))
                .collect::<Vec<_>>()
                .join(" | ")
                .trim_end_matches([' ', '|'])
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n");
    set("speakers", speakers);
    set("online_link", r.online_link.clone().unwrap_or_default());
    set("venue", r.venue.clone().unwrap_or_default());
    set("capacity", r.capacity.map(|c| c.to_string()).unwrap_or_default());
    set("recording", r.recording.clone().unwrap_or_default());
    set("initiatives", r.initiatives.join("\n"));
    form.set_all("languages", r.languages.iter().map(|l| l.code().to_string()).collect());
    form.set_all("interpretation", r.interpretation.iter().map(|l| l.code().to_string()).collect());
    form.set_all("themes", r.themes.iter().map(|t| t.id().to_string()).collect());
    form
}

/// The record the form describes, or the form with its problems.
fn read_record(form: &mut Form, c: &Chrome, fixed_id: Option<&str>) -> Option<EventRecord> {
    let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    let language = form.v("language").parse::<Lang>().unwrap_or_default();
    let multilingual = |prefix: &str| {
        Multilingual(
            Lang::all()
                .iter()
                .filter_map(|l| text(form.v(&format!("{prefix}_{l}"))).map(|t| (*l, t)))
                .collect(),
        )
    };
    let langs = |list: &str| -> Vec<Lang> { form.all(list).iter().filter_map(|v| v.parse().ok()).collect() };
    let mut errors: Vec<(String, String)> = Vec::new();
    let format = Format::from_id(form.v("format"));
    if format.is_none() {
        errors.push(("format".into(), c.t("events-error-unknown_value")));
    }
    let capacity = match text(form.v("capacity")) {
        None => None,
        Some(n) => match n.parse::<u32>() {
            Ok(n) => Some(n),
            Err(_) => {
                errors.push(("capacity".into(), c.t("events-error-invalid_capacity")));
                None
            }
        },
    };
    let speakers = form
        .v("speakers")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut parts = l.split('|').map(|p| p.trim().to_string());
            let name = parts.next().unwrap_or_default();
            let mut next = || parts.next().filter(|p| !p.is_empty());
            Speaker { name, role: next(), organisation: next(), place: next() }
        })
        .collect();
    let id = match fixed_id {
        Some(id) => id.to_string(),
        None => match text(form.v("id")) {
            Some(id) => id,
            None => {
                let title = multilingual("title");
                let date = form.v("start").get(..10).unwrap_or("").to_string();
                let base = praxis_domain::text::slug(title.get(language).unwrap_or(""));
                let base: String = base.chars().take(60).collect();
                if base.is_empty() {
                    String::new()
                } else {
                    format!("{date}-{base}").trim_matches('-').to_string()
                }
            }
        },
    };
    let record = EventRecord {
        id,
        language,
        title: multilingual("title"),
        description: multilingual("description"),
        format: format.unwrap_or(Format::Webinar),
        start: form.v("start").trim().to_string(),
        end: form.v("end").trim().to_string(),
        // A city's name (or a choice from the list) stands for its zone.
        time_zone: praxis_domain::event::zone_for(form.v("time_zone"))
            .unwrap_or_else(|| form.v("time_zone").trim().to_string()),
        languages: langs("languages"),
        interpretation: langs("interpretation"),
        themes: form.all("themes").iter().filter_map(|v| Theme::from_id(v)).collect(),
        speakers,
        online_link: text(form.v("online_link")),
        venue: text(form.v("venue")),
        capacity,
        recording: text(form.v("recording")),
        briefing: multilingual("briefing"),
        initiatives: form
            .v("initiatives")
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
    };
    for e in record.validate() {
        let root = e.field.split(['.', '[']).next().unwrap_or("").to_string();
        let name = match root.as_str() {
            "title" | "description" | "briefing" => match e.field.split_once('.') {
                Some((_, lang)) => format!("{root}_{lang}"),
                None => format!("{root}_{language}"),
            },
            _ => root,
        };
        // Ids are made from the title when left empty: a problem there is the title's.
        let name = if name == "id" && fixed_id.is_none() && form.v("id").trim().is_empty() {
            format!("title_{language}")
        } else {
            name
        };
        errors.push((name, c.t(&format!("events-error-{}", e.code))));
    }
    if matches!(record.id.as_str(), "new" | "past") {
        errors.push(("id".into(), c.t("events-error-invalid_format")));
    }
    for (name, message) in errors {
        form.add_error(&name, message);
    }
    (!form.has_errors()).then_some(record)
}

#[derive(Template)]
#[template(path = "events/edit.html")]
struct EditPage {
    c: Chrome,
    heading: String,
    action: String,
    is_new: bool,
    form: Form,
    formats: Vec<Choice>,
    langs: Vec<Choice>,
    themes: Vec<Choice>,
    /// Suggestions for the time zone field: each zone with its largest cities.
    zones: &'static [(String, String)],
}

fn edit_page(
    c: Chrome,
    heading: String,
    action: String,
    is_new: bool,
    form: Form,
) -> Result<Response, WebError> {
    let status = if form.has_errors() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let choice = |value: &str, key: String| Choice { value: value.to_string(), label: c.t(&key) };
    let page = EditPage {
        formats: Format::ALL.iter().map(|f| choice(f.id(), format!("events-format-{}", f.id()))).collect(),
        langs: Lang::all().iter().map(|l| choice(l.code(), format!("lang-{l}"))).collect(),
        themes: Theme::ALL.iter().map(|t| choice(t.id(), t.label_key())).collect(),
        zones: praxis_domain::event::zone_choices(),
        heading,
        action,
        is_new,
        form,
        c,
    };
    Ok((status, Html(page.render()?)).into_response())
}

async fn new_form(EditorOnly(_): EditorOnly, page: Page) -> Result<Response, WebError> {
    let lang = page.lang;
    let heading = page.t("events-new-title");
    let c = page.chrome("/events/new", heading.clone()).with_nav("events");
    let mut form = Form::default();
    form.set("language", lang.code().into());
    form.set("format", "webinar".into());
    form.set_all("languages", vec![lang.code().into()]);
    let action = c.url("/events/new");
    edit_page(c, heading, action, true, form)
}

async fn create(
    State(state): State<AppState>,
    EditorOnly(editor): EditorOnly,
    page: Page,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let heading = page.t("events-new-title");
    let c = page.chrome("/events/new", heading.clone()).with_nav("events");
    let mut form = Form::typed(&fields);
    let Some(record) = read_record(&mut form, &c, None) else {
        let action = c.url("/events/new");
        return edit_page(c, heading, action, true, form);
    };
    match praxis_app::events::save(&state, &editor, &record, true).await {
        Ok(()) => {}
        Err(praxis_app::AppError::Invalid { .. }) => {
            form.set_error("id", c.t("events-error-duplicate"));
            let action = c.url("/events/new");
            return edit_page(c, heading, action, true, form);
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Redirect::to(&format!("/{lang}/events/{}", record.id)).into_response())
}

async fn load(state: &AppState, id: &str) -> Result<StoredEvent, WebError> {
    Ok(praxis_app::events::event(state, id).await?)
}

async fn edit_form(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    EditorOnly(_): EditorOnly,
    page: Page,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let stored = load(&state, &id).await?;
    let heading =
        state.i18n.t_args(lang, "events-edit-title", &[("title", stored.record.title_in(lang).1.into())]);
    let c = page.chrome(&format!("/events/{id}/edit"), heading.clone()).with_nav("events");
    let action = c.url(&format!("/events/{id}/edit"));
    edit_page(c, heading, action, false, event_form(&stored.record))
}

async fn update(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    EditorOnly(editor): EditorOnly,
    page: Page,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let stored = load(&state, &id).await?;
    let heading =
        state.i18n.t_args(lang, "events-edit-title", &[("title", stored.record.title_in(lang).1.into())]);
    let c = page.chrome(&format!("/events/{id}/edit"), heading.clone()).with_nav("events");
    let mut form = Form::typed(&fields);
    let Some(record) = read_record(&mut form, &c, Some(&id)) else {
        let action = c.url(&format!("/events/{id}/edit"));
        return edit_page(c, heading, action, false, form);
    };
    praxis_app::events::save(&state, &editor, &record, false).await?;
    Ok(Redirect::to(&format!("/{lang}/events/{id}")).into_response())
}

pub struct RegistrantRow {
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub member: bool,
    pub status: String,
    pub registered: String,
}

#[derive(Template)]
#[template(path = "events/registrants.html")]
struct RegistrantsPage {
    c: Chrome,
    title: String,
    event_href: String,
    csv_href: String,
    confirmed: i64,
    waiting: i64,
    capacity: Option<u32>,
    rows: Vec<RegistrantRow>,
}

async fn registrants(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    EditorOnly(editor): EditorOnly,
    page: Page,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let (stored, registrations) = praxis_app::events::registrants(&state, &editor, &id, false).await?;
    let title = stored.record.title_in(lang).1.to_string();
    let heading = state.i18n.t_args(lang, "events-registrants-title", &[("title", title.clone().into())]);
    let c = page.chrome(&format!("/events/{id}/registrations"), heading).with_nav("events");
    let rows = registrations
        .into_iter()
        .map(|r| RegistrantRow {
            name: r.name,
            email: r.email,
            organisation: r.organisation.unwrap_or_default(),
            member: r.account_id.is_some(),
            status: c.t(&format!("events-status-{}", r.status.id())),
            registered: r.created_at.get(..16).unwrap_or("").replace('T', " "),
        })
        .collect();
    let page = RegistrantsPage {
        title,
        event_href: c.url(&format!("/events/{id}")),
        csv_href: c.url(&format!("/events/{id}/registrations.csv")),
        confirmed: stored.confirmed,
        waiting: stored.waiting,
        capacity: stored.record.capacity,
        rows,
        c,
    };
    Ok(([(header::CACHE_CONTROL, "no-store")], Html(page.render()?)).into_response())
}

async fn registrants_csv(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    EditorOnly(editor): EditorOnly,
    _page: Page,
) -> Result<Response, WebError> {
    // Registrants' personal data leaves Praxis here: the audit log says who took it.
    let (_, registrations) = praxis_app::events::registrants(&state, &editor, &id, true).await?;
    let out = crate::csv::table(
        &["name", "email", "organisation", "member", "status", "language", "registered_at"],
        registrations.iter().map(|r| {
            vec![
                r.name.clone(),
                r.email.clone(),
                r.organisation.clone().unwrap_or_default(),
                (if r.account_id.is_some() { "yes" } else { "no" }).to_string(),
                r.status.id().to_string(),
                r.language.code().to_string(),
                r.created_at.clone(),
            ]
        }),
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{id}-registrations.csv\"")),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        out,
    )
        .into_response())
}
