//! The life of an initiative: saved as a draft, submitted for review, published or sent
//! back, changed while published (a proposal that waits for review), unpublished,
//! restored to an earlier revision, reported and hidden. The form, the desk and the API
//! all come here, so a decision writes the same revision, audit entry and e-mails
//! whichever way it was taken. (`praxis import` is the bulk path: an admin's tool that
//! writes through the store's one all-or-nothing transaction.)

use crate::error::{AppError, Result};
use crate::mail::notify_editors;
use crate::policy::{self, Account};
use crate::App;
use praxis_domain::{InitiativeRecord, Lang, Status};
use praxis_store::{AuditNote, Letter, RecordRevision, Report, Revision, StoredInitiative, REPORT_REASONS};

/// The longest report details or moderation note, in characters.
pub const NOTE_LIMIT: usize = 2_000;

/// What saving did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// A new initiative.
    Created,
    /// A new revision of an existing one.
    Updated,
    /// A member's change to a published initiative, waiting for review; the published
    /// version stays public meanwhile.
    Proposed,
}

/// Saves an initiative as `account` writes it. A member writes for their own
/// organisation (when the record names none and they belong to one, that one) and
/// cannot publish: asking to is a submission. Editors are told of every submission.
/// The record's status is what the writer asked for; the saved record is returned.
pub async fn save(
    app: &App,
    account: &Account,
    mut record: InitiativeRecord,
) -> Result<(Saved, InitiativeRecord)> {
    let existing = app.store.initiative(&record.id).await?;
    if !account.is_editor() {
        if record.organisation.as_deref().is_none_or(|o| o.trim().is_empty()) {
            record.organisation = account.organisations.first().map(|m| m.name.clone());
        }
        if !policy::may_write(account, &record) {
            return Err(AppError::Forbidden);
        }
        if let Some(stored) = &existing {
            if !policy::may_write(account, &stored.record) {
                return Err(AppError::Forbidden);
            }
        }
    }
    record.status = policy::status_allowed(account, record.status);
    if !account.is_editor() && existing.as_ref().is_some_and(|s| s.record.status == Status::Hidden) {
        // Editors took it down: the authors may correct it, but it stays down until an
        // editor looks again, and the editors are told it changed.
        record.status = Status::Hidden;
        app.store.save_initiative(&record, &account.email).await?;
        let title = record.title_in(record.language).1.to_string();
        notify_editors(app, "mail-hidden-changed", &[("title", title), ("id", record.id.clone())]).await?;
        return Ok((Saved::Updated, record));
    }
    if !account.is_editor() && existing.as_ref().is_some_and(|s| s.record.status == Status::Published) {
        record.status = Status::Submitted;
        app.store.propose_initiative(&record, &account.email).await?;
        tell_editors_of_submission(app, &record).await?;
        return Ok((Saved::Proposed, record));
    }
    if account.is_editor() {
        let note = AuditNote {
            actor: &account.user,
            action: "initiative.save",
            detail: record.status.id(),
            letters: &[],
        };
        app.store.save_initiative_audited(&record, &account.email, &note).await?;
    } else {
        app.store.save_initiative(&record, &account.email).await?;
    }
    app.catalogue.catch_up(&app.store).await?;
    if record.status == Status::Submitted {
        tell_editors_of_submission(app, &record).await?;
    }
    Ok((if existing.is_some() { Saved::Updated } else { Saved::Created }, record))
}

async fn tell_editors_of_submission(app: &App, record: &InitiativeRecord) -> Result<()> {
    let title = record.title_in(record.language).1.to_string();
    notify_editors(app, "mail-submitted", &[("title", title)]).await
}

/// An editor's decision on an initiative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Make it public (with the change a member proposed, if one waits).
    Publish,
    /// Back to its author as a draft, with a reason (a waiting proposal is dropped and
    /// the published version stays).
    SendBack,
    /// Take a published initiative out of public view, with a reason.
    Unpublish,
}

impl Decision {
    /// The decision named by a form or an API route.
    pub fn parse(name: &str) -> Option<Decision> {
        match name {
            "publish" => Some(Decision::Publish),
            "return" => Some(Decision::SendBack),
            "unpublish" => Some(Decision::Unpublish),
            _ => None,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Decision::Publish => "publish",
            Decision::SendBack => "return",
            Decision::Unpublish => "unpublish",
        }
    }

    fn mail_key(self) -> &'static str {
        match self {
            Decision::Publish => "mail-published",
            Decision::SendBack => "mail-returned",
            Decision::Unpublish => "mail-unpublished",
        }
    }
}

/// The longest reason kept with a decision.
const COMMENT_MAX: usize = 5_000;

/// Takes an editor's decision: the revision and its audit entry in one transaction, the
/// index caught up, and the author told in their language.
pub async fn decide(
    app: &App,
    editor: &Account,
    id: &str,
    decision: Decision,
    comment: &str,
) -> Result<InitiativeRecord> {
    if !policy::may_review(editor) {
        return Err(AppError::Forbidden);
    }
    let Some(stored) = app.store.initiative(id).await? else {
        return Err(AppError::NotFound(format!("no initiative with id {id:?}")));
    };
    let comment = comment.trim();
    if comment.chars().count() > COMMENT_MAX {
        return Err(AppError::invalid_field(
            "comment",
            "too_long",
            "the reason is longer than 5,000 characters",
        ));
    }
    if decision != Decision::Publish && comment.is_empty() {
        return Err(AppError::invalid_field(
            "comment",
            "reason_required",
            "say why, for the author: sending back and unpublishing need a reason",
        ));
    }
    let proposal = if stored.proposed_revision.is_some() { app.store.proposal(id).await? } else { None };
    if decision == Decision::Publish && stored.record.status == Status::Published && proposal.is_none() {
        // Already public and nothing waits: nothing to do, nobody to tell.
        return Ok(stored.record);
    }
    let action = format!("initiative.{}", decision.id());
    let mut record = stored.record;
    match (decision, proposal) {
        (Decision::SendBack, Some(_)) => {
            // The proposal is dropped; the published version and its row stay as they are.
            let letters: Vec<Letter> = author_letter(app, editor, &record, decision.mail_key(), comment)
                .await?
                .into_iter()
                .collect();
            let note = AuditNote { actor: &editor.user, action: &action, detail: comment, letters: &letters };
            app.store.withdraw_proposal_audited(id, &note).await?;
        }
        (decision, proposal) => {
            // Publishing makes the waiting proposal the public version.
            if let (Decision::Publish, Some(proposed)) = (decision, proposal) {
                record = proposed.record;
            }
            record.status = if decision == Decision::Publish { Status::Published } else { Status::Draft };
            let letters: Vec<Letter> = author_letter(app, editor, &record, decision.mail_key(), comment)
                .await?
                .into_iter()
                .collect();
            let note = AuditNote { actor: &editor.user, action: &action, detail: comment, letters: &letters };
            app.store.save_initiative_audited(&record, &editor.email, &note).await?;
        }
    }
    app.catalogue.catch_up(&app.store).await?;
    crate::mail::deliver_now(app).await;
    Ok(record)
}

/// The e-mail telling whoever last wrote the initiative (other than the editor) of a
/// decision, in their language; `None` when nobody else wrote it.
async fn author_letter(
    app: &App,
    editor: &Account,
    record: &InitiativeRecord,
    key: &str,
    comment: &str,
) -> Result<Option<Letter>> {
    let revisions = app.store.revisions(&record.id).await?;
    let Some(author) = revisions.into_iter().rev().find(|r| r.author != editor.email).map(|r| r.author)
    else {
        return Ok(None);
    };
    let Some(user) = app.store.user_by_email(&author).await? else { return Ok(None) };
    let lang: Lang = user.language.parse().unwrap_or_default();
    let (_, title) = record.title_in(lang);
    let link = format!("{}/{}/initiatives/{}/history", app.public_url, lang.code(), record.id);
    let args = [
        ("name", user.name.clone()),
        ("title", title.to_string()),
        ("comment", comment.to_string()),
        ("link", link),
    ];
    Ok(Some(crate::mail::letter(app, lang, &user.email, key, &args)))
}

/// Brings back an earlier revision as the newest one (history is never rewritten).
pub async fn restore(app: &App, editor: &Account, id: &str, revision: i64) -> Result<InitiativeRecord> {
    if !policy::may_review(editor) {
        return Err(AppError::Forbidden);
    }
    let revisions = app.store.revisions(id).await?;
    let Some(old) = revisions.into_iter().find(|r| r.revision == revision) else {
        return Err(AppError::NotFound(format!("initiative {id:?} has no revision {revision}")));
    };
    let detail = format!("revision {revision}");
    let note = AuditNote { actor: &editor.user, action: "initiative.restore", detail: &detail, letters: &[] };
    app.store.save_initiative_audited(&old.record, &editor.email, &note).await?;
    app.catalogue.catch_up(&app.store).await?;
    Ok(old.record)
}

/// Reports accepted per address (or per browser) within an hour.
const REPORTS_PER_HOUR: i64 = 10;

/// A reader reports a published initiative. `senders` are the keys the report is
/// counted under (the client's address, its browser), each limited per hour.
pub async fn report(
    app: &App,
    id: &str,
    reason: &str,
    details: &str,
    reporter: Option<i64>,
    senders: &[String],
) -> Result<()> {
    let published = app.store.initiative(id).await?.is_some_and(|s| s.record.status == Status::Published);
    if !published {
        return Err(AppError::NotFound(format!("no published initiative with id {id:?}")));
    }
    if !REPORT_REASONS.contains(&reason) {
        return Err(AppError::invalid_field("reason", "unknown_reason", "choose one of the reasons offered"));
    }
    for sender in senders {
        let subject = format!("report:{sender}");
        if app.store.hits(&subject, 3600).await? >= REPORTS_PER_HOUR {
            return Err(AppError::TooMany);
        }
        app.store.hit(&subject).await?;
    }
    let details = details.trim();
    if details.chars().count() > NOTE_LIMIT {
        return Err(AppError::invalid_field("details", "too_long", "at most 2,000 characters"));
    }
    app.store.report(id, reason, details, reporter).await?;
    notify_editors(app, "mail-report", &[("id", id.to_string())]).await
}

/// An editor resolves a report: hiding the initiative takes it out of search and the API
/// at once and resolves every open report about it; dismissing resolves this one.
pub async fn resolve_report(app: &App, editor: &Account, report: i64, hide: bool, note: &str) -> Result<()> {
    if !policy::may_review(editor) {
        return Err(AppError::Forbidden);
    }
    let note = note.trim();
    if note.chars().count() > NOTE_LIMIT {
        return Err(AppError::invalid_field("note", "too_long", "at most 2,000 characters"));
    }
    app.store.resolve_report(report, hide, note, &editor.user).await?;
    app.catalogue.catch_up(&app.store).await?;
    Ok(())
}

/// A published initiative; any other status is not found (visitors never see drafts,
/// submissions or hidden ones here, editors and authors use the history).
pub async fn published_one(app: &App, id: &str) -> Result<StoredInitiative> {
    app.store
        .initiative(id)
        .await?
        .filter(|s| s.record.status == Status::Published)
        .ok_or_else(|| AppError::NotFound(format!("no published initiative with id {id:?}")))
}

/// The latest published initiatives, newest first (for the feed).
pub async fn latest(app: &App, limit: i64) -> Result<Vec<StoredInitiative>> {
    Ok(app.store.latest_published(limit).await?)
}

/// Published initiatives among these ids (others are left out), for cards.
pub async fn published(app: &App, ids: &[String]) -> Result<Vec<StoredInitiative>> {
    Ok(app.store.published_initiatives(ids).await?)
}

/// An initiative as `account` may change it, and the record its form starts from: the
/// change that waits for review when there is one, else the saved record.
pub async fn for_editing(
    app: &App,
    account: &Account,
    id: &str,
) -> Result<(StoredInitiative, InitiativeRecord)> {
    let stored =
        app.store.initiative(id).await?.ok_or_else(|| AppError::NotFound(format!("no initiative {id:?}")))?;
    if !policy::may_write(account, &stored.record) {
        return Err(AppError::Forbidden);
    }
    let current = match app.store.proposal(id).await? {
        Some(proposed) => proposed.record,
        None => stored.record.clone(),
    };
    Ok((stored, current))
}

/// A new external id for an initiative, from its organisation and title, unique in the
/// store (`-2`, `-3`… when taken).
pub async fn new_id(app: &App, organisation: &str, title: &str) -> Result<String> {
    let base: String =
        praxis_domain::text::slug(&format!("{organisation} {title}")).chars().take(80).collect();
    let base = match base.trim_matches('-') {
        "" => "initiative".to_string(),
        trimmed => trimmed.to_string(),
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while app.store.initiative(&candidate).await?.is_some() {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    Ok(candidate)
}

/// Every revision of an initiative, oldest first, for those who may see its history.
pub async fn history(app: &App, account: &Account, id: &str) -> Result<(StoredInitiative, Vec<Revision>)> {
    let stored =
        app.store.initiative(id).await?.ok_or_else(|| AppError::NotFound(format!("no initiative {id:?}")))?;
    if !policy::may_see_history(account, &stored.record) {
        return Err(AppError::Forbidden);
    }
    let revisions = app.store.revisions(id).await?;
    Ok((stored, revisions))
}

/// The revisions of a call or an event, oldest first, for editors.
pub async fn record_history(
    app: &App,
    editor: &Account,
    entity: &str,
    id: &str,
) -> Result<Vec<RecordRevision>> {
    if !policy::may_review(editor) {
        return Err(AppError::Forbidden);
    }
    if !matches!(entity, "call" | "event") {
        return Err(AppError::NotFound(format!("no history of {entity:?}")));
    }
    let revisions = app.store.record_revisions(entity, id).await?;
    if revisions.is_empty() {
        return Err(AppError::NotFound(format!("no {entity} {id:?}")));
    }
    Ok(revisions)
}

/// The initiatives of the organisations `account` belongs to, for their own list.
pub async fn of_account(app: &App, account: &Account) -> Result<Vec<StoredInitiative>> {
    let names: Vec<String> = account.organisations.iter().map(|m| m.name.clone()).collect();
    Ok(app.store.organisation_initiatives(&names).await?)
}

/// What waits for the editors: submissions and proposed changes, membership requests,
/// and open reports (each with the initiative it is about, when it still exists).
pub struct Desk {
    pub waiting: Vec<StoredInitiative>,
    pub memberships: usize,
    pub reports: Vec<(Report, Option<StoredInitiative>)>,
}

/// The editors' desk: at most `limit` submissions and as many proposed changes.
pub async fn desk(app: &App, editor: &Account, limit: i64) -> Result<Desk> {
    if !policy::may_review(editor) {
        return Err(AppError::Forbidden);
    }
    let mut waiting = app.store.initiatives_with_status("submitted", limit).await?;
    waiting.extend(app.store.initiatives_with_proposals(limit).await?);
    let memberships = app.store.pending_memberships().await?.len();
    let mut reports = Vec::new();
    for report in app.store.open_reports().await? {
        let initiative = app.store.initiative(&report.initiative_id).await?;
        reports.push((report, initiative));
    }
    Ok(Desk { waiting, memberships, reports })
}

/// What an initiative is connected to beyond its own record: the live-learning events
/// that discussed it (newest first) and the signatories of public calls that name it as
/// carrying out their commitments.
pub struct Connections {
    pub events: Vec<praxis_store::StoredEvent>,
    pub signatories: Vec<(praxis_domain::CallRecord, praxis_store::Signatory)>,
}

pub async fn connections(app: &App, id: &str) -> Result<Connections> {
    let mut events = crate::events::scanned(app).await?;
    events.retain(|e| e.record.initiatives.iter().any(|i| i == id));
    events.sort_by(|a, b| b.starts_at.cmp(&a.starts_at));
    let signatories = crate::calls::public_signatories(app)
        .await?
        .into_iter()
        .filter(|(_, s)| s.initiatives.iter().any(|i| i == id))
        .map(|(call, s)| (call.record, s))
        .collect();
    Ok(Connections { events, signatories })
}
