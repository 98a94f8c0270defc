//! Moderation: anyone may report an initiative; editors resolve each report by hiding
//! the initiative (a new revision with status `hidden`, which leaves search and the API
//! at once) or by dismissing the report.

use crate::{now, with_pool, Result, Store, StoreError, User};
use praxis_domain::Status;

/// Why a reader reports an initiative.
pub const REPORT_REASONS: &[&str] =
    &["incorrect", "offensive", "personal_data", "copyright", "spam", "other"];

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Report {
    pub id: i64,
    pub initiative_id: String,
    pub reason: String,
    pub details: String,
    pub created_at: String,
    pub resolution: Option<String>,
    pub note: String,
}

impl Store {
    pub async fn report(
        &self,
        initiative_id: &str,
        reason: &str,
        details: &str,
        reporter: Option<i64>,
    ) -> Result<i64> {
        if !REPORT_REASONS.contains(&reason) {
            return Err(StoreError::Invalid {
                id: initiative_id.to_string(),
                message: format!("unknown reason {reason}"),
            });
        }
        Ok(with_pool!(self, pool => {
            sqlx::query_scalar(
                "INSERT INTO reports (initiative_id, reason, details, reporter_id, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(initiative_id).bind(reason).bind(details).bind(reporter).bind(now())
            .fetch_one(pool).await?
        }))
    }

    /// Reports that wait for an editor, oldest first.
    pub async fn open_reports(&self) -> Result<Vec<Report>> {
        Ok(with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, initiative_id, reason, details, created_at, resolution, note FROM reports \
                 WHERE resolution IS NULL ORDER BY created_at, id",
            )
            .fetch_all(pool).await?
        }))
    }

    pub async fn reports_about(&self, initiative_id: &str) -> Result<Vec<Report>> {
        Ok(with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, initiative_id, reason, details, created_at, resolution, note FROM reports \
                 WHERE initiative_id = $1 ORDER BY id",
            )
            .bind(initiative_id).fetch_all(pool).await?
        }))
    }

    /// Resolves a report. Hiding also resolves every other open report about the same
    /// initiative, stores the hidden revision and writes the audit entry.
    pub async fn resolve_report(
        &self,
        report_id: i64,
        hide: bool,
        note: &str,
        editor: &User,
    ) -> Result<Report> {
        let report: Report = with_pool!(self, pool => {
            sqlx::query_as("SELECT id, initiative_id, reason, details, created_at, resolution, note FROM reports WHERE id = $1")
                .bind(report_id).fetch_optional(pool).await?
        })
        .ok_or(StoreError::NotFound)?;
        let detail = format!("report {report_id}: {note}");
        let action = if hide { "report.hide" } else { "report.dismiss" };
        let mut audited = false;
        if hide {
            if let Some(stored) = self.initiative(&report.initiative_id).await? {
                let mut record = stored.record;
                if record.status != Status::Hidden {
                    // The hidden revision and its audit entry: one transaction.
                    record.status = Status::Hidden;
                    let note = crate::AuditNote { actor: editor, action, detail: &detail, letters: &[] };
                    self.save_initiative_audited(&record, &editor.email, &note).await?;
                    audited = true;
                }
            }
        }
        let resolution = if hide { "hidden" } else { "dismissed" };
        let at = now();
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let condition = if hide { "initiative_id = $5 AND resolution IS NULL" } else { "id = $6" };
            sqlx::query(&format!(
                "UPDATE reports SET resolution = $1, resolved_by = $2, resolved_at = $3, note = $4 WHERE {condition}"
            ))
            .bind(resolution).bind(editor.id).bind(&at).bind(note).bind(&report.initiative_id).bind(report_id)
            .execute(&mut *tx).await?;
            if !audited {
                sqlx::query(
                    "INSERT INTO audit_log (at, actor_id, actor, action, subject_type, subject_id, detail) \
                     VALUES ($1, $2, $3, $4, 'initiative', $5, $6)",
                )
                .bind(&at).bind(editor.id).bind(&editor.email).bind(action)
                .bind(&report.initiative_id).bind(&detail)
                .execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        Ok(Report { resolution: Some(resolution.to_string()), note: note.to_string(), ..report })
    }
}
