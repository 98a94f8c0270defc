//! Live learning beside serving: an event's times as people read them, the calendar
//! entry of an event, and the e-mail the store queues about registrations.

pub mod ics;
pub(crate) mod mail;

use crate::i18n::I18n;
use crate::App;
use jiff::tz::TimeZone;
use praxis_domain::event::{local_time, zone, LocalTime};
use praxis_domain::{EventRecord, Lang, Vocabulary};
use praxis_store::StoredEvent;

/// An event's times as a page shows them.
pub struct Times {
    /// In the event's own zone: "26 March 2026, 10:00–11:30".
    pub local: String,
    /// "America/Montevideo, UTC-03:00".
    pub zone: String,
    /// "26 March 2026, 13:00–14:30 UTC".
    pub utc: String,
    /// RFC 3339 in UTC, for `<time datetime>` and the script.
    pub start_iso: String,
    pub end_iso: String,
}

fn range(i18n: &I18n, lang: Lang, start: &LocalTime, end: &LocalTime) -> String {
    if start.date == end.date {
        format!("{}, {}–{}", i18n.date(lang, &start.date), start.time, end.time)
    } else {
        format!(
            "{}, {} – {}, {}",
            i18n.date(lang, &start.date),
            start.time,
            i18n.date(lang, &end.date),
            end.time
        )
    }
}

/// An event's times in `lang`: its own zone, and UTC.
pub fn times(i18n: &I18n, lang: Lang, record: &EventRecord) -> Option<Times> {
    let span = record.span()?;
    let tz = zone(&record.time_zone)?;
    let (start, end) = (local_time(span.start, &tz), local_time(span.end, &tz));
    let (ustart, uend) = (local_time(span.start, &TimeZone::UTC), local_time(span.end, &TimeZone::UTC));
    let offset = if start.offset == end.offset {
        format!("UTC{}", start.offset)
    } else {
        format!("UTC{} / UTC{}", start.offset, end.offset)
    };
    Some(Times {
        local: range(i18n, lang, &start, &end),
        zone: format!("{}, {offset}", record.time_zone),
        utc: format!("{} UTC", range(i18n, lang, &ustart, &uend)),
        start_iso: span.start.to_string(),
        end_iso: span.end.to_string(),
    })
}

/// One event as a calendar entry, in `lang` when translated.
pub fn calendar_event<'a>(
    app: &App,
    base: &str,
    lang: Lang,
    stored: &'a StoredEvent,
) -> Option<ics::CalendarEvent<'a>> {
    let r = &stored.record;
    let span = r.span()?;
    let (text_lang, title) = r.title_in(lang);
    let (_, description) = r.description.pick(text_lang, r.language).unwrap_or((text_lang, ""));
    let url = format!("{base}/{lang}/events/{}", r.id);
    // The UID names the site by its public address, whichever address was asked, so a
    // calendar subscribed through two names does not hold the event twice.
    let host = app.public_url.split("://").nth(1).unwrap_or("praxis");
    // Where, but never the online link itself: calendars are public.
    let location = match (&r.venue, r.online_link.is_some()) {
        (Some(v), _) => Some(v.clone()),
        (None, true) => Some(app.i18n.t(text_lang, "events-online")),
        (None, false) => None,
    };
    Some(ics::CalendarEvent {
        uid: format!("event-{}@{host}", r.id),
        start: span.start,
        end: span.end,
        modified: stored.updated_at.parse().unwrap_or(span.start),
        summary: title,
        language: text_lang.code(),
        description: format!("{description}\n\n{url}"),
        location,
        url,
        categories: r.themes.iter().map(|t| t.id()).collect(),
    })
}

/// Who registers: a signed-in member in one step, with their own (confirmed) address,
/// or anyone through the form.
pub enum Registrant<'a> {
    Member(&'a crate::Account),
    Visitor(praxis_domain::RegistrationForm),
}

/// What a registration request leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Registered {
    /// A signed-in member's own registration (new, or the one they had): their
    /// registration page is theirs to see.
    Member(praxis_store::Registration),
    /// A visitor's form. The answer must not tell whether the address was registered
    /// already (whoever typed it may not own it), so it says only what a registration
    /// gets now — a seat or a place on the waiting list — and everything else goes to
    /// the mailbox: the confirmation for a new registration, or the link to the existing
    /// one.
    Visitor { status: praxis_store::RegistrationStatus },
    /// The event has started or is over.
    Closed,
}

/// Registers for an event, queues the e-mail the booking calls for and sends it. A
/// form with problems is refused with each problem by field (codes translated as
/// `events-error-{code}`), storing nothing. `client` is the network address the form
/// came from: the e-mail a repeated visitor registration causes is throttled by it and
/// by recipient, like every e-mail a visitor can cause.
pub async fn register(
    app: &App,
    event: &str,
    registrant: Registrant<'_>,
    lang: Lang,
    client: &str,
) -> crate::error::Result<Registered> {
    use praxis_store::{Booking, NewRegistration, RegistrationStatus};
    let Some(stored) = app.store.event(event).await? else {
        return Err(crate::AppError::NotFound(format!("no event {event:?}")));
    };
    let member = matches!(registrant, Registrant::Member(_));
    let who = match registrant {
        Registrant::Member(account) => NewRegistration {
            name: account.name.clone(),
            email: account.email.clone(),
            organisation: account.organisations.first().map(|m| m.name.clone()),
            account_id: Some(account.id),
            language: lang,
        },
        Registrant::Visitor(form) => {
            let problems = form.validate();
            if !problems.is_empty() {
                return Err(crate::AppError::from_field_errors("invalid_registration", problems));
            }
            NewRegistration {
                name: form.name,
                email: form.email,
                organisation: Some(form.organisation).filter(|o| !o.is_empty()),
                account_id: None,
                language: lang,
            }
        }
    };
    let booking = app.store.register(event, &who, jiff::Timestamp::now()).await?;
    app.catalogue.catch_up(&app.store).await?;
    crate::mail::deliver_now(app).await;
    Ok(match booking {
        Booking::Closed => Registered::Closed,
        Booking::Registered(r) | Booking::AlreadyRegistered(r) if member => Registered::Member(r),
        Booking::Registered(r) => Registered::Visitor { status: r.status },
        Booking::AlreadyRegistered(r) => {
            // The owner of the address gets the link to the registration they have; the
            // page says what a new registration would get now.
            if crate::identity::mail_allowed(app, client, &r.email).await? {
                let (_, title) = stored.record.title_in(r.language);
                let link = format!("{}/{}/registrations/{}", app.public_url, r.language.code(), r.token);
                let args = [("title", title.to_string()), ("name", r.name.clone()), ("link", link)];
                crate::mail::send(app, r.language, &r.email, "events-mail-already", &args).await;
            }
            let status =
                if stored.is_full() { RegistrationStatus::Waiting } else { RegistrationStatus::Confirmed };
            Registered::Visitor { status }
        }
    })
}

/// Cancels the registration behind a cancel link; the next person on the waiting list
/// gets the seat, and both are told.
pub async fn cancel(app: &App, token: &str) -> crate::error::Result<()> {
    app.store
        .cancel_registration(token, jiff::Timestamp::now())
        .await?
        .ok_or_else(|| crate::AppError::NotFound("no registration behind this link".into()))?;
    app.catalogue.catch_up(&app.store).await?;
    crate::mail::deliver_now(app).await;
    Ok(())
}

/// An editor saves an event (a new version kept), audited; seats added may promote
/// people from the waiting list, who are told at once. `new` refuses an id in use.
pub async fn save(
    app: &App,
    editor: &crate::Account,
    record: &EventRecord,
    new: bool,
) -> crate::error::Result<()> {
    if !crate::policy::may_review(editor) {
        return Err(crate::AppError::Forbidden);
    }
    if new && app.store.event(&record.id).await?.is_some() {
        return Err(crate::AppError::invalid_field("id", "id_taken", "an event already has this id"));
    }
    app.store.save_event(record, &editor.email).await?;
    app.catalogue.catch_up(&app.store).await?;
    app.store.audit(&editor.user, "event.save", "event", &record.id, "").await?;
    crate::mail::deliver_now(app).await;
    Ok(())
}

/// Upcoming or past events now, filtered, at most `limit` (events are public once saved).
pub async fn list(
    app: &App,
    when: praxis_store::When,
    filter: &praxis_store::EventFilter,
    limit: i64,
) -> crate::error::Result<Vec<StoredEvent>> {
    Ok(app.store.events(when, jiff::Timestamp::now(), filter, limit).await?)
}

/// The knowledge hub: past sessions, filtered, and holding every word of `words` (in a
/// title, description or briefing in any language, a speaker, the venue), accents and
/// case aside. Words over [`crate::search::QUERY_MAX_CHARS`] are refused.
pub async fn past_sessions(
    app: &App,
    filter: &praxis_store::EventFilter,
    words: &str,
    limit: i64,
) -> crate::error::Result<Vec<StoredEvent>> {
    if let Some((code, message)) = crate::search::query_problem(words) {
        return Err(crate::AppError::invalid_field("q", code, &message));
    }
    let wanted: Vec<String> = praxis_domain::text::fold(words)
        .split_whitespace()
        .filter(|w| w.chars().count() > 1)
        .map(String::from)
        .collect();
    let past = app.store.events(praxis_store::When::Past, jiff::Timestamp::now(), filter, limit).await?;
    Ok(past.into_iter().filter(|s| wanted.is_empty() || holds_every(&s.record, &wanted)).collect())
}

/// Whether an event's texts hold every one of these folded words.
fn holds_every(record: &EventRecord, words: &[String]) -> bool {
    let mut text = String::new();
    for part in [&record.title, &record.description, &record.briefing] {
        for value in part.0.values() {
            text.push_str(value);
            text.push('\n');
        }
    }
    for speaker in &record.speakers {
        for part in
            [Some(&speaker.name), speaker.role.as_ref(), speaker.organisation.as_ref()].into_iter().flatten()
        {
            text.push_str(part);
            text.push('\n');
        }
    }
    if let Some(venue) = &record.venue {
        text.push_str(venue);
    }
    let text = praxis_domain::text::fold(&text);
    words.iter().all(|w| text.contains(w.as_str()))
}

/// One event, past or upcoming.
pub async fn event(app: &App, id: &str) -> crate::error::Result<StoredEvent> {
    app.store.event(id).await?.ok_or_else(|| crate::AppError::NotFound(format!("no event {id:?}")))
}

/// The registration a private link names, with its event.
pub async fn registration(
    app: &App,
    token: &str,
) -> crate::error::Result<(praxis_store::Registration, StoredEvent)> {
    let not_found = || crate::AppError::NotFound("no registration with this link".to_string());
    let registration = app.store.registration_by_token(token).await?.ok_or_else(not_found)?;
    let event = app.store.event(&registration.event).await?.ok_or_else(not_found)?;
    Ok((registration, event))
}

/// An event and who registered for it, for editors. `export` says the list leaves
/// Praxis (a download): the audit log then records who took the registrants' data.
pub async fn registrants(
    app: &App,
    editor: &crate::policy::Account,
    id: &str,
    export: bool,
) -> crate::error::Result<(StoredEvent, Vec<praxis_store::Registration>)> {
    if !crate::policy::may_review(editor) {
        return Err(crate::AppError::Forbidden);
    }
    let stored = event(app, id).await?;
    if export {
        app.store.audit(&editor.user, "event.registrants_export", "event", id, "").await?;
    }
    let registrations = app.store.registrations(id).await?;
    Ok((stored, registrations))
}

/// Events looked through when a page asks which events name something (upcoming and
/// past, each).
const EVENTS_SCANNED: i64 = 500;

/// The latest upcoming and past events (at most [`EVENTS_SCANNED`] of each), for pages
/// that look for the events naming an initiative or a place's speakers.
pub async fn scanned(app: &App) -> crate::error::Result<Vec<StoredEvent>> {
    let now = jiff::Timestamp::now();
    let filter = praxis_store::EventFilter::default();
    let mut events = app.store.events(praxis_store::When::Upcoming, now, &filter, EVENTS_SCANNED).await?;
    events.extend(app.store.events(praxis_store::When::Past, now, &filter, EVENTS_SCANNED).await?);
    Ok(events)
}
