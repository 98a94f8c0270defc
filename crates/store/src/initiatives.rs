//! Initiatives: writes with revisions and change events, and the reads the site needs.

use crate::places::{PlaceRow, PLACE_COLUMNS};
use crate::{now, with_pool, Result, Store, StoreError};
use praxis_domain::text::slug;
use praxis_domain::{InitiativeRecord, Place, Vocabulary};
use std::collections::{BTreeSet, HashMap};

/// An editor's or admin's action to record with a write, in the same transaction.
pub struct AuditNote<'a> {
    pub actor: &'a crate::User,
    pub action: &'a str,
    pub detail: &'a str,
    /// The e-mails the decision sends, queued in the same transaction as the change
    /// and its audit entry: all of it happens, or none.
    pub letters: &'a [crate::Letter],
}

/// Writes an editor's decision inside the caller's transaction: its audit entry about
/// the initiative `id`, and the e-mails it sends.
macro_rules! record_decision {
    ($tx:expr, $note:expr, $id:expr) => {
        sqlx::query(
            "INSERT INTO audit_log (at, actor_id, actor, action, subject_type, subject_id, detail) \
             VALUES ($1, $2, $3, $4, 'initiative', $5, $6)",
        )
        .bind(now())
        .bind($note.actor.id)
        .bind(&$note.actor.email)
        .bind($note.action)
        .bind($id)
        .bind($note.detail)
        .execute(&mut *$tx)
        .await?;
        for letter in $note.letters {
            crate::mail::queue_letter!($tx, letter)?;
        }
    };
}

/// An initiative as stored, with the place it was matched to.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredInitiative {
    pub record: InitiativeRecord,
    pub place: Place,
    /// The newest revision's number (a proposal included).
    pub revision: i64,
    /// A member's change to this published initiative that waits for review.
    pub proposed_revision: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    pub revision: i64,
    pub author: String,
    pub created_at: String,
    pub record: InitiativeRecord,
}

/// One event of the change feed: `entity` changed (`op` is `upsert` or `delete`).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Change {
    pub seq: i64,
    pub entity: String,
    pub entity_id: String,
    pub op: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteOutcome {
    Created,
    Updated,
    /// Identical to the stored record: no new revision, no change event.
    Unchanged,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Cities (as written, with their country) that the gazetteer does not know; they are
    /// kept as places without facts.
    pub unmatched_places: BTreeSet<(String, String)>,
}

#[derive(sqlx::FromRow)]
struct InitiativeRow {
    record: String,
    revision: i64,
    proposed_revision: Option<i64>,
    created_at: String,
    updated_at: String,
    #[sqlx(flatten)]
    place: PlaceRow,
}

impl InitiativeRow {
    fn into_stored(self) -> Result<StoredInitiative> {
        Ok(StoredInitiative {
            record: parse_record(&self.record)?,
            place: self.place.into_place()?,
            revision: self.revision,
            proposed_revision: self.proposed_revision,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

fn parse_record(json: &str) -> Result<InitiativeRecord> {
    serde_json::from_str(json).map_err(|e| StoreError::Corrupt(format!("stored record: {e}")))
}

fn select_initiatives(condition: &str) -> String {
    format!(
        "SELECT i.record, i.revision, i.proposed_revision, i.created_at, i.updated_at, {PLACE_COLUMNS} \
         FROM initiatives i JOIN places p ON p.id = i.place_id WHERE {condition}"
    )
}

impl Store {
    /// Writes records in one transaction: all of them or, on any error, none.
    /// `progress` is called with the number of records written so far.
    pub async fn import(
        &self,
        records: &[InitiativeRecord],
        author: &str,
        progress: &(dyn Fn(usize) + Sync),
    ) -> Result<(ImportReport, Vec<WriteOutcome>)> {
        self.write_initiatives(records, author, progress, None).await
    }

    /// Saves one initiative and records an editor's action about it in the audit log,
    /// in the same transaction: both happen, or neither.
    pub async fn save_initiative_audited(
        &self,
        record: &InitiativeRecord,
        author: &str,
        note: &AuditNote<'_>,
    ) -> Result<WriteOutcome> {
        let (_, outcomes) =
            self.write_initiatives(std::slice::from_ref(record), author, &|_| {}, Some(note)).await?;
        Ok(outcomes[0])
    }

    async fn write_initiatives(
        &self,
        records: &[InitiativeRecord],
        author: &str,
        progress: &(dyn Fn(usize) + Sync),
        audit: Option<&AuditNote<'_>>,
    ) -> Result<(ImportReport, Vec<WriteOutcome>)> {
        for record in records {
            if let Some(e) = record.validate().into_iter().next() {
                return Err(StoreError::Invalid {
                    id: record.id.clone(),
                    message: format!("{}: {}", e.field, e.message),
                });
            }
        }
        let mut report = ImportReport::default();
        let mut outcomes = Vec::with_capacity(records.len());
        let mut place_ids: HashMap<String, i64> = HashMap::new();
        let mut organisation_ids: HashMap<String, i64> = HashMap::new();
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            for (n, record) in records.iter().enumerate() {
                let place = Place::resolve(&record.city, &record.country);
                if place.geoname_id.is_none() {
                    report.unmatched_places.insert((record.city.clone(), record.country.clone()));
                }
                let place_id = match place_ids.get(&place.slug) {
                    Some(id) => *id,
                    None => {
                        let id: i64 = sqlx::query_scalar(
                            "INSERT INTO places (slug, name, country, kind, geoname_id, latitude, longitude, population, time_zone) \
                             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                             ON CONFLICT (slug) DO UPDATE SET slug = excluded.slug RETURNING id",
                        )
                        .bind(&place.slug)
                        .bind(&place.name)
                        .bind(&place.country)
                        .bind(place.kind.id())
                        .bind(place.geoname_id.map(i64::from))
                        .bind(place.latitude)
                        .bind(place.longitude)
                        .bind(place.population.and_then(|p| i64::try_from(p).ok()))
                        .bind(&place.time_zone)
                        .fetch_one(&mut *tx)
                        .await?;
                        place_ids.insert(place.slug.clone(), id);
                        id
                    }
                };
                let organisation_id = match &record.organisation {
                    None => None,
                    Some(name) => {
                        let key = format!("{}-{}", slug(name), record.country.to_ascii_lowercase());
                        match organisation_ids.get(&key) {
                            Some(id) => Some(*id),
                            None => {
                                let same_name: Option<i64> = sqlx::query_scalar(
                                    // An organisation made by `praxis user add` has no country in its slug.
                                    "SELECT id FROM organisations WHERE slug = $1 OR slug = $2 ORDER BY id LIMIT 1",
                                )
                                .bind(&key)
                                .bind(slug(name))
                                .fetch_optional(&mut *tx)
                                .await?;
                                let id: i64 = if let Some(id) = same_name { id } else { sqlx::query_scalar(
                                    "INSERT INTO organisations (slug, name, place_id) VALUES ($1, $2, $3) \
                                     ON CONFLICT (slug) DO UPDATE SET slug = excluded.slug RETURNING id",
                                )
                                .bind(&key)
                                .bind(name)
                                .bind(place_id)
                                .fetch_one(&mut *tx)
                                .await? };
                                organisation_ids.insert(key, id);
                                Some(id)
                            }
                        }
                    }
                };
                let json = serde_json::to_string(record)
                    .map_err(|e| StoreError::Corrupt(format!("cannot serialise {}: {e}", record.id)))?;
                let existing: Option<(i64, String, i64)> =
                    sqlx::query_as("SELECT id, record, revision FROM initiatives WHERE external_id = $1")
                        .bind(&record.id)
                        .fetch_optional(&mut *tx)
                        .await?;
                let at = now();
                let (initiative_id, revision, outcome) = match existing {
                    Some((_, stored, _)) if stored == json => {
                        report.unchanged += 1;
                        outcomes.push(WriteOutcome::Unchanged);
                        progress(n + 1);
                        continue;
                    }
                    Some((id, _, revision)) => {
                        sqlx::query(
                            "UPDATE initiatives SET status = $1, language = $2, country = $3, place_id = $4, \
                             organisation_id = $5, kind = $6, level = $7, started = $8, record = $9, \
                             revision = $10, updated_at = $11, proposed_revision = NULL WHERE id = $12",
                        )
                        .bind(record.status.id())
                        .bind(record.language.code())
                        .bind(&record.country)
                        .bind(place_id)
                        .bind(organisation_id)
                        .bind(record.kind.id())
                        .bind(record.level.map(|l| l.id()))
                        .bind(&record.started)
                        .bind(&json)
                        .bind(revision + 1)
                        .bind(&at)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                        sqlx::query("DELETE FROM initiative_themes WHERE initiative_id = $1").bind(id).execute(&mut *tx).await?;
                        sqlx::query("DELETE FROM initiative_aims WHERE initiative_id = $1").bind(id).execute(&mut *tx).await?;
                        report.updated += 1;
                        (id, revision + 1, WriteOutcome::Updated)
                    }
                    None => {
                        let id: i64 = sqlx::query_scalar(
                            "INSERT INTO initiatives (external_id, status, language, country, place_id, organisation_id, \
                             kind, level, started, record, revision, created_at, updated_at) \
                             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $11) RETURNING id",
                        )
                        .bind(&record.id)
                        .bind(record.status.id())
                        .bind(record.language.code())
                        .bind(&record.country)
                        .bind(place_id)
                        .bind(organisation_id)
                        .bind(record.kind.id())
                        .bind(record.level.map(|l| l.id()))
                        .bind(&record.started)
                        .bind(&json)
                        .bind(&at)
                        .fetch_one(&mut *tx)
                        .await?;
                        report.created += 1;
                        (id, 1, WriteOutcome::Created)
                    }
                };
                for theme in &record.themes {
                    sqlx::query("INSERT INTO initiative_themes (initiative_id, theme) VALUES ($1, $2)")
                        .bind(initiative_id).bind(theme.id()).execute(&mut *tx).await?;
                }
                for aim in &record.aims {
                    sqlx::query("INSERT INTO initiative_aims (initiative_id, aim) VALUES ($1, $2)")
                        .bind(initiative_id).bind(aim.id()).execute(&mut *tx).await?;
                }
                crate::numbered_revision!(tx, "initiative", &record.id, revision, &json, author, &at)?;
                sqlx::query("INSERT INTO changes (entity, entity_id, op, created_at) VALUES ('initiative', $1, 'upsert', $2)")
                    .bind(&record.id).bind(&at).execute(&mut *tx).await?;
                outcomes.push(outcome);
                progress(n + 1);
            }
            if let Some(note) = audit {
                record_decision!(tx, note, records.first().map_or("", |r| r.id.as_str()));
            }
            tx.commit().await?;
        });
        Ok((report, outcomes))
    }

    /// Creates or updates one initiative (a new revision when it changed).
    pub async fn save_initiative(&self, record: &InitiativeRecord, author: &str) -> Result<WriteOutcome> {
        let (_, outcomes) = self.import(std::slice::from_ref(record), author, &|_| {}).await?;
        Ok(outcomes[0])
    }

    /// One initiative by its external id, whatever its status.
    pub async fn initiative(&self, external_id: &str) -> Result<Option<StoredInitiative>> {
        let sql = select_initiatives("i.external_id = $1");
        let row: Option<InitiativeRow> = with_pool!(self, pool => {
            sqlx::query_as(&sql).bind(external_id).fetch_optional(pool).await?
        });
        row.map(InitiativeRow::into_stored).transpose()
    }

    /// Published initiatives by external id, in the order asked; unknown ids are skipped.
    pub async fn published_initiatives(&self, external_ids: &[String]) -> Result<Vec<StoredInitiative>> {
        if external_ids.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders: Vec<String> = (1..=external_ids.len()).map(|n| format!("${n}")).collect();
        let sql = select_initiatives(&format!(
            "i.status = 'published' AND i.external_id IN ({})",
            placeholders.join(", ")
        ));
        let rows: Vec<InitiativeRow> = with_pool!(self, pool => {
            let mut query = sqlx::query_as(&sql);
            for id in external_ids {
                query = query.bind(id);
            }
            query.fetch_all(pool).await?
        });
        let mut by_id: HashMap<String, StoredInitiative> = HashMap::with_capacity(rows.len());
        for row in rows {
            let stored = row.into_stored()?;
            by_id.insert(stored.record.id.clone(), stored);
        }
        Ok(external_ids.iter().filter_map(|id| by_id.remove(id)).collect())
    }

    /// A page of published initiatives in external-id order, after `after` (keyset
    /// pagination, so export and indexing stream any number of records).
    pub async fn published_batch(&self, after: Option<&str>, limit: i64) -> Result<Vec<StoredInitiative>> {
        let sql = select_initiatives(
            "i.status = 'published' AND i.external_id > $1 ORDER BY i.external_id LIMIT $2",
        );
        let rows: Vec<InitiativeRow> = with_pool!(self, pool => {
            sqlx::query_as(&sql).bind(after.unwrap_or("")).bind(limit).fetch_all(pool).await?
        });
        rows.into_iter().map(InitiativeRow::into_stored).collect()
    }

    /// The most recently created published initiatives, newest first (for feeds).
    pub async fn latest_published(&self, limit: i64) -> Result<Vec<StoredInitiative>> {
        let sql = select_initiatives(
            "i.status = 'published' ORDER BY i.created_at DESC, i.external_id DESC LIMIT $1",
        );
        let rows: Vec<InitiativeRow> = with_pool!(self, pool => {
            sqlx::query_as(&sql).bind(limit).fetch_all(pool).await?
        });
        rows.into_iter().map(InitiativeRow::into_stored).collect()
    }

    /// Published initiatives of one place, most recently started first.
    pub async fn place_initiatives(&self, place_slug: &str) -> Result<Vec<StoredInitiative>> {
        let sql = select_initiatives(
            "i.status = 'published' AND p.slug = $1 ORDER BY i.started DESC, i.external_id",
        );
        let rows: Vec<InitiativeRow> = with_pool!(self, pool => {
            sqlx::query_as(&sql).bind(place_slug).fetch_all(pool).await?
        });
        rows.into_iter().map(InitiativeRow::into_stored).collect()
    }

    /// Initiatives with this status (e.g. `submitted`: the editors' queue), oldest change first.
    pub async fn initiatives_with_status(&self, status: &str, limit: i64) -> Result<Vec<StoredInitiative>> {
        let sql = select_initiatives("i.status = $1 ORDER BY i.updated_at, i.external_id LIMIT $2");
        let rows: Vec<InitiativeRow> = with_pool!(self, pool => {
            sqlx::query_as(&sql).bind(status).bind(limit).fetch_all(pool).await?
        });
        rows.into_iter().map(InitiativeRow::into_stored).collect()
    }

    /// Every initiative (any status) of the organisations with these names (compared as
    /// slugs: without case, accents or punctuation), newest change first.
    pub async fn organisation_initiatives(&self, names: &[String]) -> Result<Vec<StoredInitiative>> {
        let wanted: Vec<String> = names.iter().map(|n| slug(n)).collect();
        let all: Vec<(i64, String)> = with_pool!(self, pool => {
            sqlx::query_as("SELECT id, name FROM organisations").fetch_all(pool).await?
        });
        let ids: Vec<i64> =
            all.into_iter().filter(|(_, name)| wanted.contains(&slug(name))).map(|(id, _)| id).collect();
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
        let sql = select_initiatives(&format!(
            "i.organisation_id IN ({}) ORDER BY i.updated_at DESC",
            placeholders.join(", ")
        ));
        let rows: Vec<InitiativeRow> = with_pool!(self, pool => {
            let mut query = sqlx::query_as(&sql);
            for id in &ids {
                query = query.bind(id);
            }
            query.fetch_all(pool).await?
        });
        rows.into_iter().map(InitiativeRow::into_stored).collect()
    }

    /// Stores a member's change to a published initiative as a proposed revision: kept in
    /// the history, waiting for an editor, while the published version stays public.
    /// Returns the proposal's revision number.
    pub async fn propose_initiative(&self, record: &InitiativeRecord, author: &str) -> Result<i64> {
        if let Some(e) = record.validate().into_iter().next() {
            return Err(StoreError::Invalid {
                id: record.id.clone(),
                message: format!("{}: {}", e.field, e.message),
            });
        }
        let json = serde_json::to_string(record)
            .map_err(|e| StoreError::Corrupt(format!("cannot serialise {}: {e}", record.id)))?;
        let at = now();
        Ok(with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let (id, revision): (i64, i64) =
                sqlx::query_as("SELECT id, revision FROM initiatives WHERE external_id = $1")
                    .bind(&record.id)
                    .fetch_optional(&mut *tx)
                    .await?
                    .ok_or(StoreError::NotFound)?;
            let next = revision + 1;
            crate::numbered_revision!(tx, "initiative", &record.id, next, &json, author, &at)?;
            sqlx::query("UPDATE initiatives SET revision = $1, proposed_revision = $1, updated_at = $2 WHERE id = $3")
                .bind(next).bind(&at).bind(id)
                .execute(&mut *tx).await?;
            tx.commit().await?;
            next
        }))
    }

    /// The proposed change of an initiative, when one waits.
    pub async fn proposal(&self, external_id: &str) -> Result<Option<Revision>> {
        let Some(stored) = self.initiative(external_id).await? else { return Ok(None) };
        let Some(n) = stored.proposed_revision else { return Ok(None) };
        Ok(self.revisions(external_id).await?.into_iter().find(|r| r.revision == n))
    }

    /// An editor sends a proposal back: the proposal is withdrawn, the decision audited
    /// and its e-mails queued, in one transaction.
    pub async fn withdraw_proposal_audited(&self, external_id: &str, note: &AuditNote<'_>) -> Result<()> {
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("UPDATE initiatives SET proposed_revision = NULL WHERE external_id = $1")
                .bind(external_id).execute(&mut *tx).await?;
            record_decision!(tx, note, external_id);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Published initiatives with a proposed change waiting, oldest first.
    pub async fn initiatives_with_proposals(&self, limit: i64) -> Result<Vec<StoredInitiative>> {
        let sql = select_initiatives(
            "i.proposed_revision IS NOT NULL ORDER BY i.updated_at, i.external_id LIMIT $1",
        );
        let rows: Vec<InitiativeRow> = with_pool!(self, pool => {
            sqlx::query_as(&sql).bind(limit).fetch_all(pool).await?
        });
        rows.into_iter().map(InitiativeRow::into_stored).collect()
    }

    /// Every revision of an initiative, oldest first.
    pub async fn revisions(&self, external_id: &str) -> Result<Vec<Revision>> {
        let sql = "SELECT revision, author, created_at, record FROM record_revisions \
                   WHERE entity = 'initiative' AND entity_id = $1 ORDER BY revision";
        let rows: Vec<(i64, String, String, String)> = with_pool!(self, pool => {
            sqlx::query_as(sql).bind(external_id).fetch_all(pool).await?
        });
        rows.into_iter()
            .map(|(revision, author, created_at, record)| {
                Ok(Revision { revision, author, created_at, record: parse_record(&record)? })
            })
            .collect()
    }

    /// Change events after `seq`, oldest first.
    pub async fn changes_since(&self, seq: i64, limit: i64) -> Result<Vec<Change>> {
        let sql =
            "SELECT seq, entity, entity_id, op, created_at FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2";
        Ok(with_pool!(self, pool => {
            sqlx::query_as(sql).bind(seq).bind(limit).fetch_all(pool).await?
        }))
    }

    /// The newest change event's number (0 when there is none).
    pub async fn last_change_seq(&self) -> Result<i64> {
        let seq: Option<i64> = with_pool!(self, pool => {
            sqlx::query_scalar("SELECT MAX(seq) FROM changes").fetch_one(pool).await?
        });
        Ok(seq.unwrap_or(0))
    }

    /// Whether the store holds no initiative at all (used by `praxis demo`).
    pub async fn is_empty(&self) -> Result<bool> {
        let n: i64 = with_pool!(self, pool => {
            sqlx::query_scalar("SELECT COUNT(*) FROM initiatives").fetch_one(pool).await?
        });
        Ok(n == 0)
    }
}
