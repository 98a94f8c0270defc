//! E-mail, each message in its recipient's language, all through one durable queue
//! (the store's `mail_outbox`).
//!
//! A workflow queues what it has to say and sends it at once ([`deliver_now`]); the
//! background sender ([`spawn_mail_worker`]) sends whatever is due later (event
//! reminders) or was missed (a restart, a mail server that said no). Both claim a job
//! in the store before sending it, so no job goes out twice, and a failure never undoes
//! the action that caused the message.

use crate::error::Result;
use crate::App;
use jiff::{SignedDuration, Timestamp};
use praxis_domain::Lang;
use praxis_mail::Email;
use praxis_store::{Letter, MailContent, StoreError};
use std::time::Duration;

/// Jobs claimed at a time. One: a sender that dies between claiming and marking leaves
/// that job in doubt (never sent again, rather than maybe twice), so it claims no more
/// than it is about to send.
const BATCH: i64 = 1;

/// How long a job waits after a failed send before it is tried again.
const RETRY_AFTER: SignedDuration = SignedDuration::from_mins(5);

/// Queues the message `key` (`{key}-subject`, `{key}-body` in the Fluent files) to one
/// person in their language, and sends it.
pub async fn send(app: &App, lang: Lang, to: &str, key: &str, args: &[(&str, String)]) {
    send_message(app, lang, to, &format!("{key}-subject"), &format!("{key}-body"), args).await;
}

/// The message `key` (`{key}-subject`, `{key}-body`) to one person, written in their
/// language, for a workflow to queue with the change that causes it.
pub fn letter(app: &App, lang: Lang, to: &str, key: &str, args: &[(&str, String)]) -> Letter {
    let fluent: Vec<(&str, fluent_bundle::FluentValue<'_>)> =
        args.iter().map(|(k, v)| (*k, v.as_str().into())).collect();
    Letter {
        kind: key.to_string(),
        to: to.to_string(),
        subject: app.i18n.t_args(lang, &format!("{key}-subject"), &fluent),
        body: app.i18n.t_args(lang, &format!("{key}-body"), &fluent),
    }
}

/// Queues a message whose subject and text are the Fluent messages `subject` and
/// `text`, and sends it. A failure is logged: the action that caused the message has
/// already happened, and a queued message is tried again by the background sender.
pub async fn send_message(
    app: &App,
    lang: Lang,
    to: &str,
    subject: &str,
    text: &str,
    args: &[(&str, String)],
) {
    let fluent: Vec<(&str, fluent_bundle::FluentValue<'_>)> =
        args.iter().map(|(k, v)| (*k, v.as_str().into())).collect();
    let letter = Letter {
        kind: subject.trim_end_matches("-subject").to_string(),
        to: to.to_string(),
        subject: app.i18n.t_args(lang, subject, &fluent),
        body: app.i18n.t_args(lang, text, &fluent),
    };
    if let Err(e) = app.store.queue_letter(&letter).await {
        tracing::error!("mail {} to {to} not queued: {e}", letter.kind);
        return;
    }
    deliver_now(app).await;
}

/// Tells every editor, each in their language, with a link to the editors' desk.
pub async fn notify_editors(app: &App, key: &str, args: &[(&str, String)]) -> Result<()> {
    for user in app.store.users().await?.into_iter().filter(|u| u.role().is_editor()) {
        let lang: Lang = user.language.parse().unwrap_or_default();
        let mut args = args.to_vec();
        args.push(("link", format!("{}/{}/editor", app.public_url, lang.code())));
        send(app, lang, &user.email, key, &args).await;
    }
    Ok(())
}

/// Who this sender is, as recorded on the jobs it claims.
fn sender() -> String {
    format!("web-{}", std::process::id())
}

/// Sends every job due at `now`; answers how many went out.
pub async fn deliver_due(app: &App, now: Timestamp) -> std::result::Result<usize, StoreError> {
    let mut sent = 0;
    loop {
        let jobs = app.store.claim_due_mail(now, &sender(), BATCH).await?;
        if jobs.is_empty() {
            return Ok(sent);
        }
        for job in jobs {
            let email = match job.content {
                MailContent::Letter(letter) => Some(Email::new(letter.to, letter.subject, letter.body)),
                MailContent::Registration { kind, registration } => {
                    crate::events::mail::compose(app, kind, &registration).await?
                }
            };
            let Some(email) = email else {
                // What it was about is gone: nothing to say; the job is done.
                app.store.mail_sent(job.id, Timestamp::now()).await?;
                continue;
            };
            match app.mailer.send(email).await {
                Ok(()) => {
                    app.store.mail_sent(job.id, Timestamp::now()).await?;
                    sent += 1;
                }
                Err(e) => {
                    tracing::warn!("e-mail {} not sent: {e}", job.id);
                    let retry = Timestamp::now().checked_add(RETRY_AFTER).unwrap_or(now);
                    app.store.mail_failed(job.id, &e.to_string(), retry).await?;
                }
            }
        }
    }
}

/// Sends what a request has just queued; failures are logged and left to the worker.
pub async fn deliver_now(app: &App) {
    if let Err(e) = deliver_due(app, Timestamp::now()).await {
        tracing::error!("e-mail: {e}");
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
                tracing::error!("e-mail worker: {e}");
            }
        }
    })
}
