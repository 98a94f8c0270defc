//! Events, registrations with a waiting list, and the e-mail jobs about them.
//!
//! Every booking change (register, cancel, an editor changing the capacity) is one
//! transaction whose first statement bumps the event's `bookings` counter. That write
//! takes the event's row lock on PostgreSQL and the write lock on SQLite, so concurrent
//! bookings for one event run one after the other and the seat count they read is the
//! truth: nobody is over-booked, and a cancellation promotes the next person on the
//! waiting list in the same transaction.
//!
//! E-mails are jobs in the one mail queue (`mail_outbox`, see `mail.rs`) written in the same transaction as the change they
//! announce. A sender claims a job (one `UPDATE … WHERE claimed_at IS NULL`, so only one
//! sender wins), sends it, then marks it sent. A job whose sender died between claiming
//! and marking stays claimed and is never sent again: a missing reminder is better than
//! two.

use crate::mail::MailKind;
use crate::{now, with_pool, Result, Store, StoreError, WriteOutcome};
use jiff::{SignedDuration, Timestamp};
use praxis_domain::event::stored_utc;
use praxis_domain::{EventRecord, Lang, Theme, Vocabulary};

/// How long before the start the reminder goes out.
pub const REMINDER_BEFORE: SignedDuration = SignedDuration::from_hours(24);

/// An event as stored, with its seat counts.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEvent {
    pub record: EventRecord,
    /// RFC 3339 UTC, as stored.
    pub starts_at: String,
    pub ends_at: String,
    pub confirmed: i64,
    pub waiting: i64,
    pub created_at: String,
    pub updated_at: String,
}

impl StoredEvent {
    /// Seats left; `None` when the event has no limit.
    pub fn seats_left(&self) -> Option<i64> {
        self.record.capacity.map(|c| (i64::from(c) - self.confirmed).max(0))
    }

    pub fn is_full(&self) -> bool {
        self.seats_left() == Some(0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationStatus {
    Confirmed,
    Waiting,
    Cancelled,
}

impl RegistrationStatus {
    pub fn id(self) -> &'static str {
        match self {
            RegistrationStatus::Confirmed => "confirmed",
            RegistrationStatus::Waiting => "waiting",
            RegistrationStatus::Cancelled => "cancelled",
        }
    }

    fn parse(s: &str) -> Result<Self> {
        match s {
            "confirmed" => Ok(RegistrationStatus::Confirmed),
            "waiting" => Ok(RegistrationStatus::Waiting),
            "cancelled" => Ok(RegistrationStatus::Cancelled),
            other => Err(StoreError::Corrupt(format!("registration status {other:?}"))),
        }
    }
}

/// One person's registration for one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    pub id: i64,
    /// The event's external id.
    pub event: String,
    pub name: String,
    pub email: String,
    pub organisation: Option<String>,
    pub account_id: Option<i64>,
    pub language: Lang,
    pub status: RegistrationStatus,
    /// The secret of the cancel link.
    pub token: String,
    pub created_at: String,
    pub updated_at: String,
}

/// Who registers: anyone with a name and an address, or a member (`account_id`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRegistration {
    pub name: String,
    pub email: String,
    pub organisation: Option<String>,
    pub account_id: Option<i64>,
    pub language: Lang,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Booking {
    /// A new registration, confirmed or on the waiting list.
    Registered(Registration),
    /// This address already holds a live registration for the event: it is returned as is.
    AlreadyRegistered(Registration),
    /// The event has started or is over.
    Closed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cancellation {
    pub registration: Registration,
    /// Whether it was already cancelled before (a second click on the link).
    pub already: bool,
    /// The people moved from the waiting list into the freed seats.
    pub promoted: Vec<Registration>,
}

/// Which events to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Not yet over (those under way included), soonest first.
    Upcoming,
    /// Over, most recent first.
    Past,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    pub themes: Vec<Theme>,
    /// Events a speaker of one of these can follow (spoken or interpreted).
    pub languages: Vec<Lang>,
}

#[derive(sqlx::FromRow)]
struct EventRow {
    record: String,
    starts_at: String,
    ends_at: String,
    confirmed: i64,
    waiting: i64,
    created_at: String,
    updated_at: String,
}

impl EventRow {
    fn into_stored(self) -> Result<StoredEvent> {
        Ok(StoredEvent {
            record: serde_json::from_str(&self.record)
                .map_err(|e| StoreError::Corrupt(format!("stored event: {e}")))?,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            confirmed: self.confirmed,
            waiting: self.waiting,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

const EVENT_COLUMNS: &str = "e.record, e.starts_at, e.ends_at, e.created_at, e.updated_at, \
     (SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'confirmed') AS confirmed, \
     (SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'waiting') AS waiting";

#[derive(sqlx::FromRow)]
struct RegistrationRow {
    id: i64,
    event: String,
    name: String,
    email: String,
    organisation: Option<String>,
    account_id: Option<i64>,
    language: String,
    status: String,
    token: String,
    created_at: String,
    updated_at: String,
}

impl RegistrationRow {
    fn into_registration(self) -> Result<Registration> {
        Ok(Registration {
            id: self.id,
            event: self.event,
            name: self.name,
            email: self.email,
            organisation: self.organisation,
            account_id: self.account_id,
            language: self
                .language
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("registration language {:?}", self.language)))?,
            status: RegistrationStatus::parse(&self.status)?,
            token: self.token,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

const REGISTRATION_COLUMNS: &str = "r.id, e.external_id AS event, r.name, r.email, r.organisation, \
     r.account_id, r.language, r.status, r.token, r.created_at, r.updated_at";

fn select_registrations(condition: &str) -> String {
    format!(
        "SELECT {REGISTRATION_COLUMNS} FROM registrations r JOIN events e ON e.id = r.event_id WHERE {condition}"
    )
}

fn parse_instant(stored: &str) -> Result<Timestamp> {
    stored.parse().map_err(|e| StoreError::Corrupt(format!("stored time {stored:?}: {e}")))
}

/// When the reminder for an event starting at `starts_at` is due, if it is still ahead.
fn reminder_due(starts_at: Timestamp, now: Timestamp) -> Option<String> {
    let due = starts_at.checked_sub(REMINDER_BEFORE).ok()?;
    (due > now).then(|| stored_utc(due))
}

/// Moves people from the waiting list into free seats, oldest registration first, and
/// queues their e-mails. Runs inside the caller's booking transaction.
macro_rules! fill_from_waiting_list {
    ($tx:expr, $event_id:expr, $capacity:expr, $starts_at:expr, $now:expr) => {{
        let confirmed: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM registrations WHERE event_id = $1 AND status = 'confirmed'",
        )
        .bind($event_id)
        .fetch_one(&mut *$tx)
        .await?;
        let room: i64 = match $capacity {
            Some(capacity) => (capacity - confirmed).max(0),
            None => i64::MAX,
        };
        let mut promoted: Vec<i64> = Vec::new();
        if room > 0 {
            promoted = sqlx::query_scalar(
                "SELECT id FROM registrations WHERE event_id = $1 AND status = 'waiting' ORDER BY id LIMIT $2",
            )
            .bind($event_id)
            .bind(room)
            .fetch_all(&mut *$tx)
            .await?;
        }
        let at = stored_utc($now);
        for id in &promoted {
            sqlx::query("UPDATE registrations SET status = 'confirmed', updated_at = $1 WHERE id = $2")
                .bind(&at)
                .bind(id)
                .execute(&mut *$tx)
                .await?;
            // A waiting-list notice still unsent would now be wrong.
            sqlx::query(
                "DELETE FROM mail_outbox WHERE registration_id = $1 AND kind = 'waiting' \
                 AND sent_at IS NULL AND claimed_at IS NULL",
            )
            .bind(id)
            .execute(&mut *$tx)
            .await?;
            queue_mail!($tx, *id, MailKind::Promoted, &at);
            if let Some(due) = reminder_due($starts_at, $now) {
                queue_mail!($tx, *id, MailKind::Reminder, &due);
            }
        }
        promoted
    }};
}

macro_rules! queue_mail {
    ($tx:expr, $registration_id:expr, $kind:expr, $due:expr) => {
        sqlx::query(
            "INSERT INTO mail_outbox (registration_id, kind, due_at, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (registration_id, kind) DO NOTHING",
        )
        .bind($registration_id)
        .bind($kind.id())
        .bind($due)
        .bind(now())
        .execute(&mut *$tx)
        .await?
    };
}

/// A change event for an event's public page (its details, or its seats left): nodes
/// following the feed drop what they kept of it.
macro_rules! event_changed {
    ($tx:ident, $id:expr, $at:expr) => {
        sqlx::query(
            "INSERT INTO changes (entity, entity_id, op, created_at) VALUES ('event', $1, 'upsert', $2)",
        )
        .bind($id)
        .bind($at)
        .execute(&mut *$tx)
        .await?
    };
}

impl Store {
    /// Creates or updates an event; every change keeps a revision (`record_revisions`).
    /// When the start moves, reminders not yet sent move with it; when seats are added,
    /// the waiting list moves into them.
    pub async fn save_event(&self, record: &EventRecord, author: &str) -> Result<WriteOutcome> {
        if let Some(e) = record.validate().into_iter().next() {
            return Err(StoreError::Invalid {
                id: record.id.clone(),
                message: format!("{}: {}", e.field, e.message),
            });
        }
        let span = record
            .span()
            .ok_or_else(|| StoreError::Invalid { id: record.id.clone(), message: "start or end".into() })?;
        let json = serde_json::to_string(record)
            .map_err(|e| StoreError::Corrupt(format!("cannot serialise event {}: {e}", record.id)))?;
        let (starts_at, ends_at) = (stored_utc(span.start), stored_utc(span.end));
        let capacity = record.capacity.map(i64::from);
        let now_ts = Timestamp::now();
        let at = now();
        let outcome = with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let existing: Option<(i64, String)> = sqlx::query_as(
                "UPDATE events SET bookings = bookings + 1 WHERE external_id = $1 RETURNING id, record",
            )
            .bind(&record.id)
            .fetch_optional(&mut *tx)
            .await?;
            let (event_id, outcome) = match existing {
                Some((_, stored)) if stored == json => {
                    tx.rollback().await?;
                    return Ok(WriteOutcome::Unchanged);
                }
                Some((id, _)) => {
                    sqlx::query(
                        "UPDATE events SET starts_at = $1, ends_at = $2, capacity = $3, record = $4, updated_at = $5 \
                         WHERE id = $6",
                    )
                    .bind(&starts_at).bind(&ends_at).bind(capacity).bind(&json).bind(&at).bind(id)
                    .execute(&mut *tx).await?;
                    sqlx::query("DELETE FROM event_themes WHERE event_id = $1").bind(id).execute(&mut *tx).await?;
                    sqlx::query("DELETE FROM event_languages WHERE event_id = $1").bind(id).execute(&mut *tx).await?;
                    (id, WriteOutcome::Updated)
                }
                None => {
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO events (external_id, starts_at, ends_at, capacity, record, created_at, updated_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
                    )
                    .bind(&record.id).bind(&starts_at).bind(&ends_at).bind(capacity).bind(&json).bind(&at)
                    .fetch_one(&mut *tx).await?;
                    (id, WriteOutcome::Created)
                }
            };
            crate::keep_revision!(tx, "event", &record.id, None::<i64>, &json, author, &at)?;
            event_changed!(tx, &record.id, &at);
            for theme in &record.themes {
                sqlx::query("INSERT INTO event_themes (event_id, theme) VALUES ($1, $2)")
                    .bind(event_id).bind(theme.id()).execute(&mut *tx).await?;
            }
            let mut followable: Vec<Lang> = record.languages.iter().chain(&record.interpretation).copied().collect();
            followable.sort();
            followable.dedup();
            for lang in followable {
                sqlx::query("INSERT INTO event_languages (event_id, language) VALUES ($1, $2)")
                    .bind(event_id).bind(lang.code()).execute(&mut *tx).await?;
            }
            if outcome == WriteOutcome::Updated {
                let due = span.start.checked_sub(REMINDER_BEFORE).map(stored_utc).unwrap_or_default();
                sqlx::query(
                    "UPDATE mail_outbox SET due_at = $1 WHERE kind = 'reminder' AND sent_at IS NULL \
                     AND claimed_at IS NULL AND registration_id IN (SELECT id FROM registrations WHERE event_id = $2)",
                )
                .bind(&due).bind(event_id).execute(&mut *tx).await?;
                if span.start > now_ts {
                    let _ = fill_from_waiting_list!(tx, event_id, capacity, span.start, now_ts);
                }
            }
            tx.commit().await?;
            outcome
        });
        Ok(outcome)
    }

    /// One event by its external id.
    pub async fn event(&self, external_id: &str) -> Result<Option<StoredEvent>> {
        let sql = format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.external_id = $1");
        let row: Option<EventRow> = with_pool!(self, pool => {
            sqlx::query_as(&sql).bind(external_id).fetch_optional(pool).await?
        });
        row.map(EventRow::into_stored).transpose()
    }

    /// Upcoming or past events at `now`, filtered, at most `limit`.
    pub async fn events(
        &self,
        when: When,
        now: Timestamp,
        filter: &EventFilter,
        limit: i64,
    ) -> Result<Vec<StoredEvent>> {
        let mut conditions = vec![match when {
            When::Upcoming => "e.ends_at > $1".to_string(),
            When::Past => "e.ends_at <= $1".to_string(),
        }];
        let mut binds: Vec<String> = vec![stored_utc(now)];
        for (table, column, values) in [
            ("event_themes", "theme", filter.themes.iter().map(|t| t.id().to_string()).collect::<Vec<_>>()),
            ("event_languages", "language", filter.languages.iter().map(|l| l.code().to_string()).collect()),
        ] {
            if values.is_empty() {
                continue;
            }
            let placeholders: Vec<String> =
                values.iter().enumerate().map(|(i, _)| format!("${}", binds.len() + i + 1)).collect();
            conditions.push(format!(
                "EXISTS (SELECT 1 FROM {table} x WHERE x.event_id = e.id AND x.{column} IN ({}))",
                placeholders.join(", ")
            ));
            binds.extend(values);
        }
        let order = match when {
            When::Upcoming => "e.starts_at, e.external_id",
            When::Past => "e.starts_at DESC, e.external_id",
        };
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e WHERE {} ORDER BY {order} LIMIT ${}",
            conditions.join(" AND "),
            binds.len() + 1
        );
        let rows: Vec<EventRow> = with_pool!(self, pool => {
            let mut query = sqlx::query_as(&sql);
            for b in &binds {
                query = query.bind(b);
            }
            query.bind(limit).fetch_all(pool).await?
        });
        rows.into_iter().map(EventRow::into_stored).collect()
    }

    /// Whether no event is stored (used by `praxis demo`).
    pub async fn has_no_events(&self) -> Result<bool> {
        let n: i64 = with_pool!(self, pool => {
            sqlx::query_scalar("SELECT COUNT(*) FROM events").fetch_one(pool).await?
        });
        Ok(n == 0)
    }

    /// Registers someone: a seat when one is left, else a place on the waiting list.
    /// Queues the confirmation (or waiting-list) e-mail and the reminder.
    pub async fn register(&self, event: &str, who: &NewRegistration, now_ts: Timestamp) -> Result<Booking> {
        let email = who.email.trim().to_lowercase();
        let at = stored_utc(now_ts);
        // The cancel-link secret: 256 random bits, URL-safe.
        let token = crate::new_secret();
        let booking = with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let Some((event_id, capacity, starts_at)): Option<(i64, Option<i64>, String)> = sqlx::query_as(
                "UPDATE events SET bookings = bookings + 1 WHERE external_id = $1 RETURNING id, capacity, starts_at",
            )
            .bind(event)
            .fetch_optional(&mut *tx)
            .await?
            else {
                return Err(StoreError::NotFound);
            };
            let starts = parse_instant(&starts_at)?;
            if starts <= now_ts {
                tx.rollback().await?;
                return Ok(Booking::Closed);
            }
            let existing: Option<RegistrationRow> = sqlx::query_as(&select_registrations(
                "r.event_id = $1 AND r.email = $2 AND r.status <> 'cancelled'",
            ))
            .bind(event_id)
            .bind(&email)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(row) = existing {
                tx.rollback().await?;
                return Ok(Booking::AlreadyRegistered(row.into_registration()?));
            }
            let confirmed: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM registrations WHERE event_id = $1 AND status = 'confirmed'",
            )
            .bind(event_id)
            .fetch_one(&mut *tx)
            .await?;
            // Someone already waiting keeps their turn even if a seat shows up now.
            let waiting: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM registrations WHERE event_id = $1 AND status = 'waiting'",
            )
            .bind(event_id)
            .fetch_one(&mut *tx)
            .await?;
            let has_seat = capacity.is_none_or(|c| confirmed < c && waiting == 0);
            let status = if has_seat { RegistrationStatus::Confirmed } else { RegistrationStatus::Waiting };
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO registrations (event_id, name, email, organisation, account_id, language, status, token, \
                 created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
            )
            .bind(event_id)
            .bind(who.name.trim())
            .bind(&email)
            .bind(who.organisation.as_deref().map(str::trim).filter(|o| !o.is_empty()))
            .bind(who.account_id)
            .bind(who.language.code())
            .bind(status.id())
            .bind(&token)
            .bind(&at)
            .fetch_one(&mut *tx)
            .await?;
            if has_seat {
                queue_mail!(tx, id, MailKind::Confirmation, &at);
                if let Some(due) = reminder_due(starts, now_ts) {
                    queue_mail!(tx, id, MailKind::Reminder, &due);
                }
            } else {
                queue_mail!(tx, id, MailKind::Waiting, &at);
            }
            let row: RegistrationRow = sqlx::query_as(&select_registrations("r.id = $1"))
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
            event_changed!(tx, event, &at);
            tx.commit().await?;
            Booking::Registered(row.into_registration()?)
        });
        Ok(booking)
    }

    /// The registration a cancel link points to.
    pub async fn registration_by_token(&self, token: &str) -> Result<Option<Registration>> {
        let sql = select_registrations("r.token = $1");
        let row: Option<RegistrationRow> = with_pool!(self, pool => {
            sqlx::query_as(&sql).bind(token).fetch_optional(pool).await?
        });
        row.map(RegistrationRow::into_registration).transpose()
    }

    /// A registration by its number.
    pub async fn registration(&self, id: i64) -> Result<Option<Registration>> {
        let sql = select_registrations("r.id = $1");
        let row: Option<RegistrationRow> = with_pool!(self, pool => {
            sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?
        });
        row.map(RegistrationRow::into_registration).transpose()
    }

    /// Every registration for an event (cancelled ones included), in registration order.
    pub async fn registrations(&self, event: &str) -> Result<Vec<Registration>> {
        let sql = select_registrations("e.external_id = $1 ORDER BY r.id");
        let rows: Vec<RegistrationRow> = with_pool!(self, pool => {
            sqlx::query_as(&sql).bind(event).fetch_all(pool).await?
        });
        rows.into_iter().map(RegistrationRow::into_registration).collect()
    }

    /// Cancels the registration of this cancel link and, in the same transaction, gives
    /// its seat to the next person waiting (whose e-mail is queued). `None` for an
    /// unknown token.
    pub async fn cancel_registration(&self, token: &str, now_ts: Timestamp) -> Result<Option<Cancellation>> {
        let at = stored_utc(now_ts);
        let outcome = with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let Some((event_id, external_id, capacity, starts_at)): Option<(i64, String, Option<i64>, String)> =
                sqlx::query_as(
                "UPDATE events SET bookings = bookings + 1 \
                 WHERE id = (SELECT event_id FROM registrations WHERE token = $1) \
                 RETURNING id, external_id, capacity, starts_at",
            )
            .bind(token)
            .fetch_optional(&mut *tx)
            .await?
            else {
                return Ok(None);
            };
            let row: RegistrationRow = sqlx::query_as(&select_registrations("r.token = $1"))
                .bind(token)
                .fetch_one(&mut *tx)
                .await?;
            let registration = row.into_registration()?;
            if registration.status == RegistrationStatus::Cancelled {
                tx.rollback().await?;
                return Ok(Some(Cancellation { registration, already: true, promoted: Vec::new() }));
            }
            sqlx::query("UPDATE registrations SET status = 'cancelled', updated_at = $1 WHERE id = $2")
                .bind(&at)
                .bind(registration.id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM mail_outbox WHERE registration_id = $1 AND sent_at IS NULL AND claimed_at IS NULL")
                .bind(registration.id)
                .execute(&mut *tx)
                .await?;
            queue_mail!(tx, registration.id, MailKind::Cancelled, &at);
            let starts = parse_instant(&starts_at)?;
            let promoted_ids = if registration.status == RegistrationStatus::Confirmed && starts > now_ts {
                fill_from_waiting_list!(tx, event_id, capacity, starts, now_ts)
            } else {
                Vec::new()
            };
            let mut promoted = Vec::with_capacity(promoted_ids.len());
            for id in promoted_ids {
                let row: RegistrationRow =
                    sqlx::query_as(&select_registrations("r.id = $1")).bind(id).fetch_one(&mut *tx).await?;
                promoted.push(row.into_registration()?);
            }
            let row: RegistrationRow = sqlx::query_as(&select_registrations("r.id = $1"))
                .bind(registration.id)
                .fetch_one(&mut *tx)
                .await?;
            event_changed!(tx, &external_id, &at);
            tx.commit().await?;
            Some(Cancellation { registration: row.into_registration()?, already: false, promoted })
        });
        Ok(outcome)
    }
}
