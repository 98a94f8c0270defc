//! Calls to action: the calls with their versions, the requests to sign them, and the
//! public register of verified signatories.
//!
//! A request goes unconfirmed → confirmed (the e-mail link) → verified or rejected (an
//! editor). Verifying writes the signatory; a second request for the same institution
//! (same [`praxis_domain::call::institution_key`]) merges into the existing signatory,
//! adding its working points, rather than listing the institution twice.

use crate::initiatives::WriteOutcome;
use crate::{now, with_pool, Result, Store, StoreError};
use praxis_domain::call::institution_key;
use praxis_domain::text::slug;
use praxis_domain::{CallRecord, CallStatus, CallsFile, Place, SignatoryType, SignatureRequest};
use std::collections::HashMap;

/// A call as stored, with its current version and how many have signed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCall {
    pub record: CallRecord,
    /// The version of the signed content (title, text, working points), from 1.
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
    /// Verified signatories.
    pub signatories: i64,
}

/// A verified signatory: public data only.
#[derive(Debug, Clone, PartialEq)]
pub struct Signatory {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub kind: SignatoryType,
    pub city: String,
    pub country: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub organisation_id: Option<i64>,
    /// The version of the call it signed (the latest, when it signed again).
    pub call_version: i64,
    /// `YYYY-MM-DD`, the day it was verified.
    pub joined: String,
    pub created_at: String,
    pub updated_at: String,
    pub working_points: Vec<String>,
    /// External ids of initiatives it names as carrying out its commitments.
    pub initiatives: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestStatus {
    Unconfirmed,
    Confirmed,
    Verified,
    Rejected,
}

impl RequestStatus {
    pub fn id(self) -> &'static str {
        match self {
            RequestStatus::Unconfirmed => "unconfirmed",
            RequestStatus::Confirmed => "confirmed",
            RequestStatus::Verified => "verified",
            RequestStatus::Rejected => "rejected",
        }
    }

    fn from_id(id: &str) -> Result<RequestStatus> {
        [
            RequestStatus::Unconfirmed,
            RequestStatus::Confirmed,
            RequestStatus::Verified,
            RequestStatus::Rejected,
        ]
        .into_iter()
        .find(|s| s.id() == id)
        .ok_or_else(|| StoreError::Corrupt(format!("request status {id:?}")))
    }
}

/// A request to sign, for editors (it holds personal data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRequest {
    pub id: i64,
    pub call_id: String,
    pub call_version: i64,
    pub request: SignatureRequest,
    pub status: RequestStatus,
    pub reason: Option<String>,
    pub created_at: String,
    pub confirmed_at: Option<String>,
    /// The slug of the signatory this request is (or would be) merged into, when the
    /// register already lists the same institution.
    pub existing_signatory: Option<String>,
    /// Other confirmed requests for the same institution waiting for an editor: verifying
    /// them all makes one entry.
    pub same_institution_waiting: i64,
}

/// What a new request needs next: the token for the confirmation link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRequest {
    pub id: i64,
    pub token: String,
    /// The register already lists this institution: verifying will merge into it.
    pub existing_signatory: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirmation {
    /// Now waiting for an editor.
    Confirmed { request_id: i64, call_id: String },
    /// The link was used before; nothing changed.
    AlreadyConfirmed { call_id: String },
}

#[derive(sqlx::FromRow)]
struct CallRow {
    record: String,
    version: i64,
    created_at: String,
    updated_at: String,
    signatories: i64,
}

impl CallRow {
    fn into_call(self) -> Result<StoredCall> {
        Ok(StoredCall {
            record: parse_json(&self.record, "call")?,
            version: self.version,
            created_at: self.created_at,
            updated_at: self.updated_at,
            signatories: self.signatories,
        })
    }
}

#[derive(sqlx::FromRow)]
struct SignatoryRow {
    id: i64,
    slug: String,
    name: String,
    #[sqlx(rename = "type")]
    kind: String,
    city: String,
    country: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    organisation_id: Option<i64>,
    call_version: i64,
    joined: String,
    created_at: String,
    updated_at: String,
}

#[derive(sqlx::FromRow)]
struct RequestRow {
    id: i64,
    call_slug: String,
    call_version: i64,
    request: String,
    status: String,
    reason: Option<String>,
    created_at: String,
    confirmed_at: Option<String>,
    existing: Option<String>,
    twins: i64,
}

impl RequestRow {
    fn into_request(self) -> Result<StoredRequest> {
        Ok(StoredRequest {
            id: self.id,
            call_id: self.call_slug,
            call_version: self.call_version,
            request: parse_json(&self.request, "signature request")?,
            status: RequestStatus::from_id(&self.status)?,
            reason: self.reason,
            created_at: self.created_at,
            confirmed_at: self.confirmed_at,
            existing_signatory: self.existing,
            same_institution_waiting: self.twins,
        })
    }
}

/// A signatory id with one of its working points or initiatives.
type IdText = (i64, String);

fn parse_json<T: serde::de::DeserializeOwned>(json: &str, what: &str) -> Result<T> {
    serde_json::from_str(json).map_err(|e| StoreError::Corrupt(format!("stored {what}: {e}")))
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(format!("cannot serialise: {e}")))
}

const CALL_SELECT: &str = "SELECT c.record, c.version, c.created_at, c.updated_at, \
     (SELECT COUNT(*) FROM signatories s WHERE s.call_id = c.id) AS signatories FROM calls c";

const SIGNATORY_COLUMNS: &str = "s.id, s.slug, s.name, s.type, s.city, s.country, s.latitude, s.longitude, \
     s.organisation_id, s.call_version, s.joined, s.created_at, s.updated_at";

const REQUEST_SELECT: &str = "SELECT r.id, c.slug AS call_slug, r.call_version, r.request, r.status, r.reason, \
     r.created_at, r.confirmed_at, \
     (SELECT s.slug FROM signatories s WHERE s.call_id = r.call_id AND s.institution_key = r.institution_key) AS existing, \
     (SELECT COUNT(*) FROM signature_requests o WHERE o.call_id = r.call_id AND o.institution_key = r.institution_key \
      AND o.id <> r.id AND o.status = 'confirmed') AS twins \
     FROM signature_requests r JOIN calls c ON c.id = r.call_id";

/// A confirmation token: 128 random bits, hex, from the one randomness source
/// (the operating system's, as for every secret).
fn new_token() -> Result<String> {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng
        .try_fill_bytes(&mut bytes)
        .map_err(|e| StoreError::Corrupt(format!("no randomness: {e}")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The signatory's fields a write needs, from a request or from demo data.
struct NewSignatory<'a> {
    request: &'a SignatureRequest,
    call_version: i64,
    joined: &'a str,
    organisation_id: Option<i64>,
}

/// Writes a signatory inside the caller's transaction, merging into the existing entry
/// for the same institution. A macro rather than a function so that it is expanded
/// for each backend's transaction type, like [`with_pool!`].
macro_rules! upsert_signatory {
    ($tx:expr, $call:expr, $new:expr, $at:expr) => {{
        let new: &NewSignatory = $new;
        let request = new.request;
        let key = institution_key(&request.institution, &request.city, &request.country);
        let existing: Option<(i64, String, i64)> = sqlx::query_as(
            "SELECT id, slug, call_version FROM signatories WHERE call_id = $1 AND institution_key = $2",
        )
        .bind($call)
        .bind(&key)
        .fetch_optional(&mut **$tx)
        .await?;
        let (signatory_id, slug) = match existing {
            Some((id, slug, version)) => {
                sqlx::query(
                    "UPDATE signatories SET call_version = $1, updated_at = $2, \
                     organisation_id = COALESCE(organisation_id, $3) WHERE id = $4",
                )
                .bind(version.max(new.call_version))
                .bind($at)
                .bind(new.organisation_id)
                .bind(id)
                .execute(&mut **$tx)
                .await?;
                (id, slug)
            }
            None => {
                let base = slug(&request.institution);
                let base = if base.is_empty() { "signatory".to_string() } else { base };
                let mut candidate = base.clone();
                let mut n = 1;
                loop {
                    let taken: Option<i64> =
                        sqlx::query_scalar("SELECT id FROM signatories WHERE call_id = $1 AND slug = $2")
                            .bind($call)
                            .bind(&candidate)
                            .fetch_optional(&mut **$tx)
                            .await?;
                    if taken.is_none() {
                        break;
                    }
                    n += 1;
                    candidate = format!("{base}-{n}");
                }
                let place = Place::resolve(&request.city, &request.country);
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO signatories (call_id, slug, institution_key, name, type, city, country, latitude, \
                     longitude, organisation_id, call_version, joined, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id",
                )
                .bind($call)
                .bind(&candidate)
                .bind(&key)
                .bind(&request.institution)
                .bind(request.kind.id())
                .bind(&request.city)
                .bind(&request.country)
                .bind(place.latitude)
                .bind(place.longitude)
                .bind(new.organisation_id)
                .bind(new.call_version)
                .bind(new.joined)
                .bind($at)
                .fetch_one(&mut **$tx)
                .await?;
                (id, candidate)
            }
        };
        for point in &request.working_points {
            sqlx::query(
                "INSERT INTO signatory_working_points (signatory_id, working_point) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            )
            .bind(signatory_id)
            .bind(point)
            .execute(&mut **$tx)
            .await?;
        }
        sqlx::query("INSERT INTO changes (entity, entity_id, op, created_at) VALUES ('signatory', $1, 'upsert', $2)")
            .bind(signatory_id.to_string())
            .bind($at)
            .execute(&mut **$tx)
            .await?;
        (signatory_id, slug)
    }};
}

/// How long a confirmation link works: a request not confirmed by then is never shown.
pub const CONFIRM_DAYS: i64 = 14;

impl Store {
    /// Creates or updates a call. A change to its signed content (title, text, working
    /// points) makes a new version; signatories keep the version they signed.
    pub async fn save_call(&self, record: &CallRecord, author: &str) -> Result<WriteOutcome> {
        if let Some(e) = record.validate().into_iter().next() {
            return Err(StoreError::Invalid {
                id: record.id.clone(),
                message: format!("{}: {}", e.field, e.message),
            });
        }
        let json = to_json(record)?;
        let at = now();
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let existing: Option<(i64, String, i64)> =
                sqlx::query_as("SELECT id, record, version FROM calls WHERE slug = $1")
                    .bind(&record.id)
                    .fetch_optional(&mut *tx)
                    .await?;
            let (outcome, version) = match existing {
                Some((_, stored, _)) if stored == json => return Ok(WriteOutcome::Unchanged),
                Some((id, stored, version)) => {
                    let before: CallRecord = parse_json(&stored, "call")?;
                    let version = if before.signed_content_differs(record) { version + 1 } else { version };
                    sqlx::query(
                        "UPDATE calls SET status = $1, opens = $2, closes = $3, record = $4, version = $5, \
                         updated_at = $6 WHERE id = $7",
                    )
                    .bind(record.status.id())
                    .bind(&record.opens)
                    .bind(&record.closes)
                    .bind(&json)
                    .bind(version)
                    .bind(&at)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                    (WriteOutcome::Updated, version)
                }
                None => {
                    sqlx::query(
                        "INSERT INTO calls (slug, status, opens, closes, record, version, created_at, updated_at) \
                         VALUES ($1, $2, $3, $4, $5, 1, $6, $6)",
                    )
                    .bind(&record.id)
                    .bind(record.status.id())
                    .bind(&record.opens)
                    .bind(&record.closes)
                    .bind(&json)
                    .bind(&at)
                    .execute(&mut *tx)
                    .await?;
                    (WriteOutcome::Created, 1)
                }
            };
            crate::keep_revision!(tx, "call", &record.id, Some(version), &json, author, &at)?;
            sqlx::query("INSERT INTO changes (entity, entity_id, op, created_at) VALUES ('call', $1, 'upsert', $2)")
                .bind(&record.id)
                .bind(&at)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(outcome)
        })
    }

    /// One call, public or not (callers decide who may see a draft).
    pub async fn call(&self, id: &str) -> Result<Option<StoredCall>> {
        let sql = format!("{CALL_SELECT} WHERE c.slug = $1");
        let row: Option<CallRow> = with_pool!(self, pool => {
            sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?
        });
        row.map(CallRow::into_call).transpose()
    }

    /// Calls, newest opening first; drafts only when `with_drafts`.
    pub async fn calls(&self, with_drafts: bool) -> Result<Vec<StoredCall>> {
        let sql = format!("{CALL_SELECT} WHERE c.status <> $1 ORDER BY c.opens DESC, c.slug");
        let hidden = if with_drafts { "" } else { CallStatus::Draft.id() };
        let rows: Vec<CallRow> = with_pool!(self, pool => {
            sqlx::query_as(&sql).bind(hidden).fetch_all(pool).await?
        });
        rows.into_iter().map(CallRow::into_call).collect()
    }

    /// The signed content of a call as it was at `version`.
    pub async fn call_version(&self, id: &str, version: i64) -> Result<Option<CallRecord>> {
        let json: Option<String> = with_pool!(self, pool => {
            sqlx::query_scalar(
                "SELECT record FROM record_revisions WHERE entity = 'call' AND entity_id = $1 AND version = $2 \
                 ORDER BY revision DESC LIMIT 1",
            )
            .bind(id)
            .bind(version)
            .fetch_optional(pool)
            .await?
        });
        json.map(|j| parse_json(&j, "call version")).transpose()
    }

    pub async fn has_calls(&self) -> Result<bool> {
        let n: i64 = with_pool!(self, pool => {
            sqlx::query_scalar("SELECT COUNT(*) FROM calls").fetch_one(pool).await?
        });
        Ok(n > 0)
    }

    /// Stores a request to sign, waiting for its e-mail confirmation. `client` identifies
    /// the sender for throttling (a hash of the address, not the address itself).
    pub async fn request_signature(
        &self,
        call_id: &str,
        request: &SignatureRequest,
        client: &str,
    ) -> Result<NewRequest> {
        let token = new_token()?;
        let key = request.institution_key();
        let json = to_json(request)?;
        let at = now();
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let (call, version): (i64, i64) = sqlx::query_as("SELECT id, version FROM calls WHERE slug = $1")
                .bind(call_id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(StoreError::NotFound)?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO signature_requests (call_id, call_version, institution_key, request, status, token, client, created_at) \
                 VALUES ($1, $2, $3, $4, 'unconfirmed', $5, $6, $7) RETURNING id",
            )
            .bind(call)
            .bind(version)
            .bind(&key)
            .bind(&json)
            .bind(&token)
            .bind(client)
            .bind(&at)
            .fetch_one(&mut *tx)
            .await?;
            let existing: Option<String> =
                sqlx::query_scalar("SELECT slug FROM signatories WHERE call_id = $1 AND institution_key = $2")
                    .bind(call)
                    .bind(&key)
                    .fetch_optional(&mut *tx)
                    .await?;
            tx.commit().await?;
            Ok(NewRequest { id, token, existing_signatory: existing })
        })
    }

    /// Confirms the request that `token` belongs to; `None` for an unknown token, or for
    /// a request left unconfirmed longer than [`CONFIRM_DAYS`] (its link has expired).
    pub async fn confirm_request(&self, token: &str) -> Result<Option<Confirmation>> {
        let at = now();
        let oldest = crate::accounts::later(-CONFIRM_DAYS * 86_400);
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let found: Option<(i64, String, String, String)> = sqlx::query_as(
                "SELECT r.id, r.status, c.slug, r.created_at FROM signature_requests r JOIN calls c ON c.id = r.call_id WHERE r.token = $1",
            )
            .bind(token)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((id, status, call_id, created_at)) = found else { return Ok(None) };
            if status == RequestStatus::Unconfirmed.id() && created_at < oldest {
                return Ok(None);
            }
            if status != RequestStatus::Unconfirmed.id() {
                return Ok(Some(Confirmation::AlreadyConfirmed { call_id }));
            }
            sqlx::query("UPDATE signature_requests SET status = 'confirmed', confirmed_at = $1 WHERE id = $2")
                .bind(&at)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(Some(Confirmation::Confirmed { request_id: id, call_id }))
        })
    }

    /// The request a confirmation link belongs to, without confirming it (`None` when the
    /// link has expired, as for [`Store::confirm_request`]).
    pub async fn request_by_token(&self, token: &str) -> Result<Option<StoredRequest>> {
        let sql = format!(
            "{REQUEST_SELECT} WHERE r.token = $1 AND (r.status <> 'unconfirmed' OR r.created_at >= $2)"
        );
        let oldest = crate::accounts::later(-CONFIRM_DAYS * 86_400);
        let row: Option<RequestRow> = with_pool!(self, pool => {
            sqlx::query_as(&sql).bind(token).bind(&oldest).fetch_optional(pool).await?
        });
        row.map(RequestRow::into_request).transpose()
    }

    /// Requests in one state, oldest first (the editors' queue is `Confirmed`).
    pub async fn requests(&self, status: RequestStatus) -> Result<Vec<StoredRequest>> {
        let sql = format!("{REQUEST_SELECT} WHERE r.status = $1 ORDER BY r.created_at, r.id");
        let rows: Vec<RequestRow> = with_pool!(self, pool => {
            sqlx::query_as(&sql).bind(status.id()).fetch_all(pool).await?
        });
        rows.into_iter().map(RequestRow::into_request).collect()
    }

    pub async fn request(&self, id: i64) -> Result<Option<StoredRequest>> {
        let sql = format!("{REQUEST_SELECT} WHERE r.id = $1");
        let row: Option<RequestRow> = with_pool!(self, pool => {
            sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?
        });
        row.map(RequestRow::into_request).transpose()
    }

    /// An editor verifies a confirmed request: the institution enters the register, or,
    /// when it is already there, its entry gains the request's working points.
    pub async fn verify_request(&self, id: i64, editor: &str) -> Result<Signatory> {
        let at = now();
        let slug = with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let row: Option<(i64, i64, String, String)> = sqlx::query_as(
                "SELECT call_id, call_version, request, status FROM signature_requests WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((call, call_version, json, status)) = row else { return Err(StoreError::NotFound) };
            if status != RequestStatus::Confirmed.id() {
                return Err(StoreError::Invalid {
                    id: id.to_string(),
                    message: format!("only a confirmed request can be verified; this one is {status}"),
                });
            }
            let request: SignatureRequest = parse_json(&json, "signature request")?;
            let new = NewSignatory { request: &request, call_version, joined: &at[..10], organisation_id: None };
            let (signatory_id, slug) = upsert_signatory!(&mut tx, call, &new, &at);
            sqlx::query(
                "UPDATE signature_requests SET status = 'verified', signatory_id = $1, decided_by = $2, decided_at = $3 \
                 WHERE id = $4",
            )
            .bind(signatory_id)
            .bind(editor)
            .bind(&at)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            slug
        });
        let call_id = self.request(id).await?.map(|r| r.call_id).ok_or(StoreError::NotFound)?;
        self.signatory(&call_id, &slug).await?.ok_or(StoreError::NotFound)
    }

    /// An editor rejects a request, with a reason the requester is told.
    pub async fn reject_request(&self, id: i64, editor: &str, reason: &str) -> Result<()> {
        let at = now();
        let changed = with_pool!(self, pool => {
            sqlx::query(
                "UPDATE signature_requests SET status = 'rejected', reason = $1, decided_by = $2, decided_at = $3 \
                 WHERE id = $4 AND status IN ('unconfirmed', 'confirmed')",
            )
            .bind(reason)
            .bind(editor)
            .bind(&at)
            .bind(id)
            .execute(pool)
            .await?
            .rows_affected()
        });
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Signs in one step, without e-mail confirmation or review: for a member of a
    /// verified organisation signing on its behalf, and for loading demo data. `joined`
    /// is `YYYY-MM-DD` (today when `None`).
    pub async fn sign_directly(
        &self,
        call_id: &str,
        request: &SignatureRequest,
        organisation_id: Option<i64>,
        joined: Option<&str>,
        author: &str,
    ) -> Result<Signatory> {
        let at = now();
        let joined = joined.unwrap_or(&at[..10]).to_string();
        let json = to_json(request)?;
        let slug = with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let (call, version): (i64, i64) = sqlx::query_as("SELECT id, version FROM calls WHERE slug = $1")
                .bind(call_id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(StoreError::NotFound)?;
            let new = NewSignatory { request, call_version: version, joined: &joined, organisation_id };
            let (signatory_id, slug) = upsert_signatory!(&mut tx, call, &new, &at);
            sqlx::query(
                "INSERT INTO signature_requests (call_id, call_version, institution_key, request, status, token, client, \
                 signatory_id, decided_by, created_at, confirmed_at, decided_at) \
                 VALUES ($1, $2, $3, $4, 'verified', $5, 'member', $6, $7, $8, $8, $8)",
            )
            .bind(call)
            .bind(version)
            .bind(request.institution_key())
            .bind(&json)
            .bind(new_token()?)
            .bind(signatory_id)
            .bind(author)
            .bind(&at)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            slug
        });
        self.signatory(call_id, &slug).await?.ok_or(StoreError::NotFound)
    }

    /// Loads calls and their signatories (the demo data) in one go: each call is saved,
    /// each signatory signed directly on its `joined` day with its initiatives linked.
    pub async fn load_calls(&self, file: &CallsFile, author: &str) -> Result<usize> {
        for call in &file.calls {
            self.save_call(call, author).await?;
        }
        for entry in &file.signatories {
            let signatory = self
                .sign_directly(&entry.call, &entry.as_request(), None, Some(&entry.joined), author)
                .await?;
            if !entry.initiatives.is_empty() {
                self.set_signatory_initiatives(&entry.call, &signatory.slug, &entry.initiatives).await?;
            }
        }
        Ok(file.signatories.len())
    }

    /// The public register of a call: verified signatories, in the order they joined.
    pub async fn signatories(&self, call_id: &str) -> Result<Vec<Signatory>> {
        self.load_signatories(call_id, None).await
    }

    pub async fn signatory(&self, call_id: &str, slug: &str) -> Result<Option<Signatory>> {
        Ok(self.load_signatories(call_id, Some(slug)).await?.into_iter().next())
    }

    /// The signatories that an organisation signed for, across calls (call id, signatory).
    pub async fn organisation_signatures(&self, organisation_id: i64) -> Result<Vec<(String, String)>> {
        Ok(with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT c.slug, s.slug FROM signatories s JOIN calls c ON c.id = s.call_id \
                 WHERE s.organisation_id = $1 ORDER BY c.slug",
            )
            .bind(organisation_id)
            .fetch_all(pool)
            .await?
        }))
    }

    async fn load_signatories(&self, call_id: &str, slug: Option<&str>) -> Result<Vec<Signatory>> {
        let only = slug.unwrap_or("");
        let sql = format!(
            "SELECT {SIGNATORY_COLUMNS} FROM signatories s JOIN calls c ON c.id = s.call_id \
             WHERE c.slug = $1 AND ($2 = '' OR s.slug = $2) ORDER BY s.joined, s.id"
        );
        let (rows, points, initiatives): (Vec<SignatoryRow>, Vec<IdText>, Vec<IdText>) = with_pool!(self, pool => {
            let rows = sqlx::query_as(&sql).bind(call_id).bind(only).fetch_all(pool).await?;
            let points = sqlx::query_as(
                "SELECT w.signatory_id, w.working_point FROM signatory_working_points w \
                 JOIN signatories s ON s.id = w.signatory_id JOIN calls c ON c.id = s.call_id \
                 WHERE c.slug = $1 AND ($2 = '' OR s.slug = $2)",
            )
            .bind(call_id)
            .bind(only)
            .fetch_all(pool)
            .await?;
            let initiatives = sqlx::query_as(
                "SELECT l.signatory_id, l.initiative_id FROM signatory_initiatives l \
                 JOIN signatories s ON s.id = l.signatory_id JOIN calls c ON c.id = s.call_id \
                 WHERE c.slug = $1 AND ($2 = '' OR s.slug = $2) ORDER BY l.initiative_id",
            )
            .bind(call_id)
            .bind(only)
            .fetch_all(pool)
            .await?;
            (rows, points, initiatives)
        });
        let order: Vec<String> = match self.call(call_id).await? {
            Some(call) => call.record.working_points.into_iter().map(|p| p.id).collect(),
            None => return Ok(Vec::new()),
        };
        let mut points_by: HashMap<i64, Vec<String>> = HashMap::new();
        for (id, point) in points {
            points_by.entry(id).or_default().push(point);
        }
        let mut initiatives_by: HashMap<i64, Vec<String>> = HashMap::new();
        for (id, initiative) in initiatives {
            initiatives_by.entry(id).or_default().push(initiative);
        }
        rows.into_iter()
            .map(|r| {
                let mut working_points = points_by.remove(&r.id).unwrap_or_default();
                working_points.sort_by_key(|p| order.iter().position(|o| o == p).unwrap_or(usize::MAX));
                Ok(Signatory {
                    kind: SignatoryType::from_id(&r.kind)
                        .ok_or_else(|| StoreError::Corrupt(format!("signatory type {:?}", r.kind)))?,
                    working_points,
                    initiatives: initiatives_by.remove(&r.id).unwrap_or_default(),
                    id: r.id,
                    slug: r.slug,
                    name: r.name,
                    city: r.city,
                    country: r.country,
                    latitude: r.latitude,
                    longitude: r.longitude,
                    organisation_id: r.organisation_id,
                    call_version: r.call_version,
                    joined: r.joined,
                    created_at: r.created_at,
                    updated_at: r.updated_at,
                })
            })
            .collect()
    }

    /// Replaces the initiatives a signatory names as carrying out its commitments.
    pub async fn set_signatory_initiatives(
        &self,
        call_id: &str,
        slug: &str,
        initiatives: &[String],
    ) -> Result<()> {
        let at = now();
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "SELECT s.id FROM signatories s JOIN calls c ON c.id = s.call_id WHERE c.slug = $1 AND s.slug = $2",
            )
            .bind(call_id)
            .bind(slug)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
            sqlx::query("DELETE FROM signatory_initiatives WHERE signatory_id = $1").bind(id).execute(&mut *tx).await?;
            for initiative in initiatives {
                sqlx::query(
                    "INSERT INTO signatory_initiatives (signatory_id, initiative_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                )
                .bind(id)
                .bind(initiative)
                .execute(&mut *tx)
                .await?;
            }
            sqlx::query("UPDATE signatories SET updated_at = $1 WHERE id = $2").bind(&at).bind(id).execute(&mut *tx).await?;
            sqlx::query("INSERT INTO changes (entity, entity_id, op, created_at) VALUES ('signatory', $1, 'upsert', $2)")
                .bind(format!("{call_id}/{slug}"))
                .bind(&at)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(())
        })
    }
}
