//! The e-mails about registrations: confirmation (with the event's `.ics`), waiting
//! list, promotion (with the `.ics`), cancellation, and the reminder a day before. The
//! store queues them with the booking change that causes them; they are composed when
//! sent (by `crate::mail`), in the language the person registered in, from the event as
//! it is then.

use super::{calendar_event, ics, times};
use crate::App;
use jiff::Timestamp;
use praxis_mail::{Attachment, Email};
use praxis_store::{MailKind, Registration, StoreError};

/// The e-mail about a registration, from its event as it is now; `None` when the event
/// is gone.
pub(crate) async fn compose(
    app: &App,
    kind: MailKind,
    r: &Registration,
) -> Result<Option<Email>, StoreError> {
    let Some(stored) = app.store.event(&r.event).await? else { return Ok(None) };
    let lang = r.language;
    let c = |key: &str| app.i18n.t(lang, key);
    let (_, title) = stored.record.title_in(lang);
    let t =
        |key: &str| app.i18n.t_args(lang, key, &[("title", title.into()), ("name", r.name.clone().into())]);
    let kind_id = kind.id();
    let subject = t(&format!("events-mail-{kind_id}-subject"));
    let mut text = format!("{}\n\n{}\n\n", t("events-mail-hello"), t(&format!("events-mail-{kind_id}-text")));
    if let Some(when) = times(&app.i18n, lang, &stored.record) {
        text.push_str(&format!("{title}\n{}: {} ({})\n", c("events-when"), when.local, when.zone));
        text.push_str(&format!("{}: {}\n", c("events-utc"), when.utc));
    }
    let seat = matches!(kind, MailKind::Confirmation | MailKind::Promoted | MailKind::Reminder);
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
    if kind != MailKind::Cancelled {
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
    if matches!(kind, MailKind::Confirmation | MailKind::Promoted) {
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
