//! Outgoing e-mail. A [`Mailer`] either talks SMTP (when an SMTP URL is configured) or
//! writes every message as an RFC 5322 `.eml` file into an outbox folder, which is what a
//! fresh install and the tests use. Both paths build the message the same way, so what
//! the tests read is byte for byte what SMTP would have sent.

use lettre::message::header::ContentType;
use lettre::message::{Attachment as Part, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// One message to one person. `text` is the plain-text body, already translated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub attachments: Vec<Attachment>,
}

impl Email {
    pub fn new(to: impl Into<String>, subject: impl Into<String>, text: impl Into<String>) -> Email {
        Email { to: to.into(), subject: subject.into(), text: text.into(), attachments: Vec::new() }
    }

    pub fn attach(mut self, attachment: Attachment) -> Email {
        self.attachments.push(attachment);
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub filename: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("not a valid e-mail address: {0}")]
    Address(String),
    #[error("cannot build the message: {0}")]
    Build(String),
    #[error("cannot write to the outbox {path}: {source}")]
    Outbox { path: PathBuf, source: std::io::Error },
    #[error("SMTP: {0}")]
    Smtp(String),
    #[error("invalid SMTP URL: {0}")]
    Config(String),
}

#[derive(Clone)]
pub struct Mailer {
    inner: Arc<Inner>,
}

struct Inner {
    from: Mailbox,
    transport: Transport,
}

enum Transport {
    Outbox { dir: PathBuf, sequence: AtomicU64 },
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

/// The sender used when none is configured.
pub const DEFAULT_FROM: &str = "Praxis <no-reply@praxis.localhost>";

impl Mailer {
    /// Writes every message as a file in `dir` (created when needed).
    pub fn outbox(dir: impl Into<PathBuf>) -> Mailer {
        Mailer {
            inner: Arc::new(Inner {
                from: DEFAULT_FROM.parse().expect("valid default sender"),
                transport: Transport::Outbox { dir: dir.into(), sequence: AtomicU64::new(0) },
            }),
        }
    }

    /// Sends through an SMTP server: `smtp://host:port?tls=required` (STARTTLS),
    /// `smtps://host:port` (TLS from the start), credentials as `smtp://user:pass@host`.
    pub fn smtp(url: &str, from: &str) -> Result<Mailer, MailError> {
        let from: Mailbox = from.parse().map_err(|_| MailError::Address(from.to_string()))?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Config(e.to_string()))?
            .build();
        Ok(Mailer { inner: Arc::new(Inner { from, transport: Transport::Smtp(transport) }) })
    }

    /// Where messages go, for logs: the outbox folder or "SMTP".
    pub fn describe(&self) -> String {
        match &self.inner.transport {
            Transport::Outbox { dir, .. } => format!("outbox folder {}", dir.display()),
            Transport::Smtp(_) => "SMTP".to_string(),
        }
    }

    /// The outbox folder, when messages are written to files.
    pub fn outbox_dir(&self) -> Option<&Path> {
        match &self.inner.transport {
            Transport::Outbox { dir, .. } => Some(dir),
            Transport::Smtp(_) => None,
        }
    }

    pub async fn send(&self, email: Email) -> Result<(), MailError> {
        let message = build(&self.inner.from, &email)?;
        match &self.inner.transport {
            Transport::Outbox { dir, sequence } => {
                tokio::fs::create_dir_all(dir)
                    .await
                    .map_err(|source| MailError::Outbox { path: dir.clone(), source })?;
                let stamp = jiff::Timestamp::now().as_nanosecond();
                let n = sequence.fetch_add(1, Ordering::Relaxed);
                let path = dir.join(format!("{stamp:020}-{n:04}.eml"));
                // Written under a temporary name, then renamed: a reader never sees half a message.
                let partial = path.with_extension("part");
                tokio::fs::write(&partial, message.formatted())
                    .await
                    .map_err(|source| MailError::Outbox { path: partial.clone(), source })?;
                tokio::fs::rename(&partial, &path)
                    .await
                    .map_err(|source| MailError::Outbox { path: path.clone(), source })?;
                tracing::info!(to = %email.to, subject = %email.subject, file = %path.display(), "mail written to outbox");
            }
            Transport::Smtp(transport) => {
                transport.send(message).await.map_err(|e| MailError::Smtp(e.to_string()))?;
                tracing::info!(to = %email.to, subject = %email.subject, "mail sent");
            }
        }
        Ok(())
    }
}

fn build(from: &Mailbox, email: &Email) -> Result<lettre::Message, MailError> {
    let to: Mailbox = email.to.parse().map_err(|_| MailError::Address(email.to.clone()))?;
    let builder = lettre::Message::builder().from(from.clone()).to(to).subject(email.subject.clone());
    let text = SinglePart::builder().header(ContentType::TEXT_PLAIN).body(email.text.clone());
    let result = if email.attachments.is_empty() {
        builder.singlepart(text)
    } else {
        let mut multipart = MultiPart::mixed().singlepart(text);
        for attachment in &email.attachments {
            let content_type = ContentType::parse(&attachment.content_type)
                .map_err(|e| MailError::Build(format!("{}: {e}", attachment.content_type)))?;
            multipart = multipart.singlepart(
                Part::new(attachment.filename.clone()).body(attachment.bytes.clone(), content_type),
            );
        }
        builder.multipart(multipart)
    };
    result.map_err(|e| MailError::Build(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn outbox_holds_one_complete_message_per_send() {
        let dir = tempfile::tempdir().unwrap();
        let mailer = Mailer::outbox(dir.path().join("outbox"));
        let email =
            Email::new("ana@example.org", "Confirmez votre adresse", "Bonjour Ana,\nhttps://x/confirm?t=1")
                .attach(Attachment {
                    filename: "event.ics".into(),
                    content_type: "text/calendar; charset=utf-8".into(),
                    bytes: b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".to_vec(),
                });
        mailer.send(email.clone()).await.unwrap();
        mailer.send(Email::new("bo@example.org", "Second", "Two")).await.unwrap();
        let mut files: Vec<_> =
            std::fs::read_dir(dir.path().join("outbox")).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        assert_eq!(files.len(), 2);
        assert!(files.iter().all(|f| f.extension().unwrap() == "eml"));
        let first = std::fs::read_to_string(&files[0]).unwrap();
        assert!(first.contains("To: ana@example.org"), "{first}");
        assert!(first.contains("Subject: =?utf-8?") || first.contains("Subject: Confirmez"), "{first}");
        assert!(first.contains("text/calendar"), "{first}");
        assert!(first.contains("event.ics"), "{first}");
    }

    #[tokio::test]
    async fn a_bad_address_is_refused_and_nothing_written() {
        let dir = tempfile::tempdir().unwrap();
        let mailer = Mailer::outbox(dir.path());
        let err = mailer.send(Email::new("not an address", "x", "y")).await.unwrap_err();
        assert!(matches!(err, MailError::Address(_)));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn smtp_urls_are_checked() {
        assert!(Mailer::smtp("smtp://mail.example.org:587", DEFAULT_FROM).is_ok());
        assert!(matches!(Mailer::smtp("ftp://nope", DEFAULT_FROM), Err(MailError::Config(_))));
    }
}
