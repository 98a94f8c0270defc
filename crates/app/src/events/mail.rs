//! Sends the e-mails the store queued about registrations: confirmation (with the
//! event's `.ics`), waiting list, promotion (with the `.ics`), cancellation, and the
//! reminder a day before. Each is written in the language the person registered in.
//!
//! Requests that queue mail send it at once ([`deliver_now`]); a background task
//! ([`spawn_mail_worker`]) sends whatever is due later (reminders) or was missed (a
//! restart, a failed send). Both claim jobs in the store first, so no job goes out twice.

use super::{calendar_event, ics, times};
use crate::App;
use jiff::{SignedDuration, Timestamp};
use praxis_mail::{Attachment, Email};
use praxis_store::{MailJob, MailKind, StoreError};
use std::time::Duration;

/// Jobs claimed at a time. One: a sender that dies between claiming and marking leaves
/// that job in doubt (never sent again, rather than maybe twice), so it claims no more
/// than it is about to send.
const BATCH: i64 = 1;

/// Who this sender is, as recorded on the jobs it claims.
fn sender() -> String {
    format!("web-{}", std::process::id())
}

/// Sends every job due at `now`; answers how many went out.
pub async fn deliver_due(app: &App, now: Timestamp) -> Result<usize, StoreError> {
    let mut sent = 0;
    loop {
        let jobs = app.store.claim_due_mail(now, &sender(), BATCH).await?;
        if jobs.is_empty() {
            return Ok(sent);
        }
        for job in jobs {
            match compose(app, &job).await {
                Ok(Some(email)) => match app.mailer.send(email).await {
                    Ok(()) => {
                        app.store.mail_sent(job.id, Timestamp::now()).await?;
                        sent += 1;
                    }
                    Err(e) => {
                        tracing::warn!("event e-mail {} ({}) not sent: {e}", job.id, job.kind.id());
                        let retry = Timestamp::now().checked_add(SignedDuration::from_mins(5)).unwrap_or(now);
                        app.store.mail_failed(job.id, &e.to_string(), retry).await?;
                    }
                },
                // The event is gone: nothing to say; the job is done.
                Ok(None) => app.store.mail_sent(job.id, Timestamp::now()).await?,
                Err(e) => return Err(e),
            }
        }
    }
}

/// Sends what a request has just queued; failures are logged and left to the worker.
pub async fn deliver_now(app: &App) {
    if let Err(e) = deliver_due(app, Timestamp::now()).await {
        tracing::error!("event e-mail: {e}");
    }
}

/// Sends due e-mail every `every`, for as long as the server runs.
pub fn spawn_mail_worker(app: App, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(every);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            if let Err(e) = deliver_due(&app, Timestamp::now()).await {
                tracing::error!("event e-mail worker: {e}");
            }
        }
    })
}

async fn compose(app: &App, job: &MailJob) -> Result<Option<Email>, StoreError> {
    let r = &job.registration;
    let Some(stored) = app.store.event(&r.event).await? else { return Ok(None) };
    let lang = r.language;
    let c = |key: &str| app.i18n.t(lang, key);
    let (_, title) = stored.record.title_in(lang);
    let t =
        |key: &str| app.i18n.t_args(lang, key, &[("title", title.into()), ("name", r.name.clone().into())]);
    let kind = job.kind.id();
    let subject = t(&format!("events-mail-{kind}-subject"));
    let mut text = format!("{}\n\n{}\n\n", t("events-mail-hello"), t(&format!("events-mail-{kind}-text")));
    if let Some(when) = times(&app.i18n, lang, &stored.record) {
        text.push_str(&format!("{title}\n{}: {} ({})\n", c("events-when"), when.local, when.zone));
        text.push_str(&format!("{}: {}\n", c("events-utc"), when.utc));
    }
    let seat = matches!(job.kind, MailKind::Confirmation | MailKind::Promoted | MailKind::Reminder);
    if seat {
        // The e-mail goes to the registrant alone: the one place besides their
        // registration page where the online link appears.
        if let Some(link) = &stored.record.online_link {
            text.push_str(&format!("{}: {link}\n", c("events-join-online")));
        }
        if let Some(venue) = &stored.record.venue {
            text.push_str(&format!("{}: {venue}\n", c("events-venue")));
        }
    }
    let page = format!("{}/{lang}/registrations/{}", app.public_url, r.token);
    if job.kind != MailKind::Cancelled {
        text.push_str(&format!("\n{}\n{page}\n", t("events-mail-cancel")));
    } else {
        text.push_str(&format!(
            "\n{}\n{}/{lang}/events/{}\n",
            t("events-mail-again"),
            app.public_url,
            r.event
        ));
    }
    text.push_str(&format!("\n-- \n{}\n", c("events-mail-signature")));
    let mut email = Email { to: r.email.clone(), subject, text, attachments: Vec::new() };
    if matches!(job.kind, MailKind::Confirmation | MailKind::Promoted) {
        if let Some(event) = calendar_event(app, &app.public_url, lang, &stored) {
            let body = ics::calendar(title, &[event], Timestamp::now());
            email.attachments.push(Attachment {
                filename: format!("{}.ics", r.event),
                content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
                bytes: body.into_bytes(),
            });
        }
    }
    Ok(Some(email))
}
