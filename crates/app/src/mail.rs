//! E-mail written by the application, each in its recipient's language.

use crate::error::Result;
use crate::App;
use praxis_domain::Lang;
use praxis_mail::Email;

/// Sends the message `key` (`{key}-subject`, `{key}-body` in the Fluent files) to one
/// person in their language. A failure is logged: the action that caused the message
/// has already happened and must not be undone by a mail server's mood.
pub async fn send(app: &App, lang: Lang, to: &str, key: &str, args: &[(&str, String)]) {
    send_message(app, lang, to, &format!("{key}-subject"), &format!("{key}-body"), args).await;
}

/// Sends a message whose subject and text are the Fluent messages `subject` and `text`.
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
    let subject_text = app.i18n.t_args(lang, subject, &fluent);
    let body = app.i18n.t_args(lang, text, &fluent);
    if let Err(e) = app.mailer.send(Email::new(to, subject_text, body)).await {
        tracing::error!("mail {subject} to {to}: {e}");
    }
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
