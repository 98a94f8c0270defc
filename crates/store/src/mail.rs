//! The one mail queue (`mail_outbox`). Every e-mail Praxis sends is a job here before it
//! is a message on the wire: one written in full when queued (a confirmation link, a
//! decision, a notice to editors), or one about an event registration, composed when it
//! is sent so that it tells the event as it is then.
//!
//! A sender claims a job (one `UPDATE … WHERE claimed_at IS NULL`, so only one sender
//! wins), sends it, then marks it sent. A job whose sender died between claiming and
//! marking stays claimed and is never sent again: a missing message is better than two.
//! A send that failed for certain is given back and tried later, up to
//! [`MAIL_ATTEMPTS_MAX`] times.

use crate::{now, with_pool, Registration, Result, Store, StoreError};
use jiff::Timestamp;
use praxis_domain::event::stored_utc;

/// A job that failed this many times is left alone (with its last error) for a person.
pub const MAIL_ATTEMPTS_MAX: i64 = 5;

/// What an e-mail about a registration says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailKind {
    Confirmation,
    Waiting,
    Promoted,
    Reminder,
    Cancelled,
}

impl MailKind {
    pub fn id(self) -> &'static str {
        match self {
            MailKind::Confirmation => "confirmation",
            MailKind::Waiting => "waiting",
            MailKind::Promoted => "promoted",
            MailKind::Reminder => "reminder",
            MailKind::Cancelled => "cancelled",
        }
    }

    fn parse(s: &str) -> Result<Self> {
        Ok(match s {
            "confirmation" => MailKind::Confirmation,
            "waiting" => MailKind::Waiting,
            "promoted" => MailKind::Promoted,
            "reminder" => MailKind::Reminder,
            "cancelled" => MailKind::Cancelled,
            other => return Err(StoreError::Corrupt(format!("mail kind {other:?}"))),
        })
    }
}

/// A message written in full when it was queued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    /// What it is about (the Fluent key it was written from), for logs and tests.
    pub kind: String,
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// What a claimed job is to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailContent {
    Letter(Letter),
    Registration { kind: MailKind, registration: Registration },
}

/// An e-mail job this sender has claimed and must now send, then mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailJob {
    pub id: i64,
    pub content: MailContent,
}

impl MailJob {
    /// What kind of registration e-mail this is; `None` for a written letter.
    pub fn registration_kind(&self) -> Option<MailKind> {
        match &self.content {
            MailContent::Registration { kind, .. } => Some(*kind),
            MailContent::Letter(_) => None,
        }
    }
}

type DueRow = (i64, String, Option<String>, Option<String>, Option<String>, Option<i64>);

/// Queues a letter, due at once, inside the caller's transaction.
macro_rules! queue_letter {
    ($tx:expr, $letter:expr) => {
        sqlx::query(
            "INSERT INTO mail_outbox (kind, recipient, subject, body, due_at, created_at) \
             VALUES ($1, $2, $3, $4, $5, $5)",
        )
        .bind(&$letter.kind)
        .bind(&$letter.to)
        .bind(&$letter.subject)
        .bind(&$letter.body)
        .bind(crate::now())
        .execute(&mut *$tx)
        .await
    };
}
pub(crate) use queue_letter;

impl Store {
    /// Queues a written message, due at once. The caller sends what is due next
    /// (or leaves it to the background sender).
    pub async fn queue_letter(&self, letter: &Letter) -> Result<i64> {
        let at = now();
        Ok(with_pool!(self, pool => {
            sqlx::query_scalar(
                "INSERT INTO mail_outbox (kind, recipient, subject, body, due_at, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
            )
            .bind(&letter.kind)
            .bind(&letter.to)
            .bind(&letter.subject)
            .bind(&letter.body)
            .bind(&at)
            .fetch_one(pool)
            .await?
        }))
    }

    /// Claims up to `limit` e-mail jobs due at `now` for this sender. A job goes to one
    /// sender only, however many run at once.
    pub async fn claim_due_mail(&self, now_ts: Timestamp, sender: &str, limit: i64) -> Result<Vec<MailJob>> {
        let at = stored_utc(now_ts);
        let due: Vec<DueRow> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, kind, recipient, subject, body, registration_id FROM mail_outbox \
                 WHERE sent_at IS NULL AND claimed_at IS NULL AND due_at <= $1 ORDER BY due_at, id LIMIT $2",
            )
            .bind(&at)
            .bind(limit)
            .fetch_all(pool)
            .await?
        });
        let mut jobs = Vec::new();
        for (id, kind, recipient, subject, body, registration_id) in due {
            let claimed = with_pool!(self, pool => {
                sqlx::query(
                    "UPDATE mail_outbox SET claimed_at = $1, claimed_by = $2, attempts = attempts + 1 \
                     WHERE id = $3 AND claimed_at IS NULL AND sent_at IS NULL",
                )
                .bind(&at)
                .bind(sender)
                .bind(id)
                .execute(pool)
                .await?
                .rows_affected()
            });
            if claimed != 1 {
                continue;
            }
            let content = match (registration_id, recipient, subject, body) {
                (Some(registration_id), ..) => {
                    let Some(registration) = self.registration(registration_id).await? else { continue };
                    MailContent::Registration { kind: MailKind::parse(&kind)?, registration }
                }
                (None, Some(to), Some(subject), Some(body)) => {
                    MailContent::Letter(Letter { kind, to, subject, body })
                }
                _ => {
                    return Err(StoreError::Corrupt(format!(
                        "mail job {id} has neither a letter nor a registration"
                    )))
                }
            };
            jobs.push(MailJob { id, content });
        }
        Ok(jobs)
    }

    /// Marks a claimed job as sent.
    pub async fn mail_sent(&self, job: i64, now_ts: Timestamp) -> Result<()> {
        with_pool!(self, pool => {
            sqlx::query("UPDATE mail_outbox SET sent_at = $1, last_error = NULL WHERE id = $2")
                .bind(stored_utc(now_ts))
                .bind(job)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Gives a claimed job back after a failure the sender is sure of (nothing went
    /// out), to be tried again at `retry_at`; after [`MAIL_ATTEMPTS_MAX`] tries it is
    /// kept claimed with its error, for a person to look at.
    pub async fn mail_failed(&self, job: i64, error: &str, retry_at: Timestamp) -> Result<()> {
        with_pool!(self, pool => {
            sqlx::query(
                "UPDATE mail_outbox SET last_error = $1, due_at = $2, \
                 claimed_at = CASE WHEN attempts >= $3 THEN claimed_at ELSE NULL END, \
                 claimed_by = CASE WHEN attempts >= $3 THEN claimed_by ELSE NULL END WHERE id = $4",
            )
            .bind(error)
            .bind(stored_utc(retry_at))
            .bind(MAIL_ATTEMPTS_MAX)
            .bind(job)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// The mail queue at a glance: (waiting to be sent, given up after
    /// [`MAIL_ATTEMPTS_MAX`] tries), for monitoring.
    pub async fn mail_queue(&self) -> Result<(i64, i64)> {
        let (waiting, failed): (i64, i64) = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT COUNT(CASE WHEN attempts < $1 OR claimed_at IS NULL THEN 1 END), \
                 COUNT(CASE WHEN attempts >= $1 AND claimed_at IS NOT NULL THEN 1 END) \
                 FROM mail_outbox WHERE sent_at IS NULL",
            )
            .bind(MAIL_ATTEMPTS_MAX)
            .fetch_one(pool)
            .await?
        });
        Ok((waiting, failed))
    }

    /// The e-mail jobs of a registration: (kind, due_at, sent_at), for tests and editors.
    pub async fn mail_jobs(&self, registration_id: i64) -> Result<Vec<(String, String, Option<String>)>> {
        Ok(with_pool!(self, pool => {
            sqlx::query_as("SELECT kind, due_at, sent_at FROM mail_outbox WHERE registration_id = $1 ORDER BY id")
                .bind(registration_id)
                .fetch_all(pool)
                .await?
        }))
    }
}
