//! The history of an initiative: every revision (who, when), a readable difference
//! between any two, and — for editors — restoring an earlier one as a new revision.

use crate::auth::{forbidden, CsrfForm, EditorOnly, SignedIn};
use crate::error::WebError;
use crate::page::Page;
use crate::routes::Routes;
use crate::view::Chrome;
use crate::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::Uri;
use axum::response::{Html, IntoResponse, Redirect, Response};
use praxis_app::initiatives::{self, Decision};
use praxis_app::AppError;
use praxis_domain::text::escape_markup;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

pub fn router() -> Routes {
    Routes::new()
        .get("/{lang}/editor", queue)
        .post("/{lang}/editor/initiatives/{id}/decision", decide)
        .get("/{lang}/initiatives/{id}/history", history)
        .get("/{lang}/editor/history/{entity}/{id}", record_history)
        .post("/{lang}/initiatives/{id}/history/{revision}/restore", restore)
}

pub struct RevisionRow {
    pub revision: i64,
    pub author: String,
    pub at: String,
    pub status: String,
}

pub struct FieldChange {
    /// The field's path in the record (`title.fr`, `links[0].url`).
    pub field: String,
    /// What a reader calls it: the field's name in their language, and the text's
    /// language or the item's number (`Title · Français`).
    pub label: String,
    /// The old text, escaped, with `<del>` on what went; empty when there was none.
    pub old_html: String,
    /// The new text, escaped, with `<ins>` on what came; empty when it was removed.
    pub new_html: String,
}

/// Names a field path for a reader: `title.fr` → "Title · Français", `links[1].url` →
/// "Links 2 · url". A field without a translated name keeps its own.
pub fn field_label(i18n: &praxis_app::I18n, lang: praxis_domain::Lang, path: &str) -> String {
    let split = path.find(['.', '[']).unwrap_or(path.len());
    let (top, rest) = path.split_at(split);
    let key = format!("history-field-{}", top.replace('_', "-"));
    let mut label = if i18n.has(lang, &key) { i18n.t(lang, &key) } else { top.to_string() };
    for part in rest.split('.').filter(|p| !p.is_empty()) {
        let part = part.trim_start_matches('[');
        let (name, index) = match part.split_once('[') {
            Some((name, index)) => (name, Some(index)),
            None if part.ends_with(']') => ("", Some(part)),
            None => (part, None),
        };
        if !name.is_empty() {
            let shown = match name.parse::<praxis_domain::Lang>() {
                Ok(lang) => lang.native_name().to_string(),
                Err(_) => name.replace('_', " "),
            };
            label.push_str(&format!(" · {shown}"));
        }
        if let Some(n) = index.and_then(|i| i.trim_end_matches(']').parse::<usize>().ok()) {
            label.push_str(&format!(" {}", n + 1));
        }
    }
    label
}

#[derive(Template)]
#[template(path = "initiatives/history.html")]
struct HistoryPage {
    c: Chrome,
    id: String,
    title: String,
    revisions: Vec<RevisionRow>,
    from: i64,
    to: i64,
    changes: Vec<FieldChange>,
    can_restore: bool,
    /// Published, and the reader is an editor: the page offers to unpublish it.
    can_unpublish: bool,
    reason_missing: bool,
}

#[derive(Deserialize, Default)]
struct Compare {
    from: Option<i64>,
    to: Option<i64>,
    #[serde(default)]
    missing: String,
}

async fn history(
    State(state): State<AppState>,
    uri: Uri,
    SignedIn(account): SignedIn,
    page: Page,
    Path((_, id)): Path<(String, String)>,
    Query(compare): Query<Compare>,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let (stored, revisions) = match initiatives::history(&state, &account, &id).await {
        Ok(found) => found,
        Err(AppError::Forbidden) => return Ok(forbidden(uri.path())),
        Err(e) => return Err(e.into()),
    };
    let last = revisions.last().map_or(1, |r| r.revision);
    let to = compare.to.filter(|n| revisions.iter().any(|r| r.revision == *n)).unwrap_or(last);
    let from = compare.from.filter(|n| revisions.iter().any(|r| r.revision == *n)).unwrap_or((to - 1).max(1));
    let record_of = |n: i64| revisions.iter().find(|r| r.revision == n).map(|r| &r.record);
    let changes = match (record_of(from), record_of(to)) {
        (Some(a), Some(b)) => diff_records(
            &state.i18n,
            lang,
            &serde_json::to_value(a).unwrap_or_default(),
            &serde_json::to_value(b).unwrap_or_default(),
        ),
        _ => Vec::new(),
    };
    let (_, title) = stored.record.title_in(lang);
    let c = page.chrome_t(&format!("/initiatives/{id}/history"), "history-title");
    let rows = revisions
        .iter()
        .rev()
        .map(|r| RevisionRow {
            revision: r.revision,
            author: r.author.clone(),
            at: r.created_at.get(..16).unwrap_or(&r.created_at).replace('T', " "),
            status: c.t(&format!("status-{}", r.record.status.id())),
        })
        .collect();
    let page = HistoryPage {
        id: id.clone(),
        title: title.to_string(),
        revisions: rows,
        from,
        to,
        changes,
        can_restore: account.is_editor(),
        can_unpublish: account.is_editor() && stored.record.status == praxis_domain::Status::Published,
        reason_missing: compare.missing == "reason",
        c,
    };
    Ok(Html(page.render()?).into_response())
}

#[derive(Deserialize)]
struct RestoreForm {}

async fn restore(
    State(state): State<AppState>,
    EditorOnly(editor): EditorOnly,
    page: Page,
    Path((_, id, revision)): Path<(String, String, i64)>,
    CsrfForm(_): CsrfForm<RestoreForm>,
) -> Result<Response, WebError> {
    initiatives::restore(&state, &editor, &id, revision).await?;
    Ok(Redirect::to(&format!("/{}/initiatives/{id}/history", page.lang.code())).into_response())
}

pub struct ReportItem {
    pub id: i64,
    pub initiative: String,
    pub title: String,
    pub reason: String,
    pub details: String,
    pub at: String,
}

pub struct QueueItem {
    /// A proposed change to a published initiative (the published version stays public).
    pub change: bool,
    pub id: String,
    pub title: String,
    pub title_lang: String,
    pub organisation: String,
    pub place: String,
    pub submitted: String,
}

#[derive(Template)]
#[template(path = "initiatives/editor.html")]
struct QueuePage {
    c: Chrome,
    submitted: Vec<QueueItem>,
    count: usize,
    memberships: usize,
    reports: Vec<ReportItem>,
    report_count: usize,
    /// The initiative whose "send back" lacked a comment.
    missing: String,
}

#[derive(Deserialize, Default)]
struct QueueQuery {
    #[serde(default)]
    missing: String,
}

/// The editors' desk: initiatives waiting for review and the membership requests.
async fn queue(
    State(state): State<AppState>,
    EditorOnly(editor): EditorOnly,
    page: Page,
    Query(query): Query<QueueQuery>,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let c = page.chrome_t("/editor", "editor-title").with_nav("editor");
    let desk = initiatives::desk(&state, &editor, 500).await?;
    let submitted = desk
        .waiting
        .into_iter()
        .map(|s| {
            let (title_lang, title) = s.record.title_in(lang);
            QueueItem {
                id: s.record.id.clone(),
                title: title.to_string(),
                title_lang: title_lang.code().to_string(),
                organisation: s.record.organisation.clone().unwrap_or_default(),
                place: s.place.name.clone(),
                submitted: s.updated_at.get(..10).unwrap_or("").to_string(),
                change: s.proposed_revision.is_some(),
            }
        })
        .collect::<Vec<_>>();
    let memberships = desk.memberships;
    let mut reports = Vec::new();
    for (r, initiative) in desk.reports {
        let title = match initiative {
            Some(s) => s.record.title_in(lang).1.to_string(),
            None => r.initiative_id.clone(),
        };
        reports.push(ReportItem {
            id: r.id,
            title,
            reason: c.t(&format!("report-reason-{}", r.reason)),
            details: r.details,
            at: r.created_at.get(..10).unwrap_or("").to_string(),
            initiative: r.initiative_id,
        });
    }
    let page = QueuePage {
        c,
        count: submitted.len(),
        submitted,
        memberships,
        report_count: reports.len(),
        reports,
        missing: query.missing,
    };
    Ok(Html(page.render()?).into_response())
}

#[derive(Deserialize)]
struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    comment: String,
}

/// Publishes a submitted initiative, or sends it back to its author with a comment.
async fn decide(
    State(state): State<AppState>,
    EditorOnly(editor): EditorOnly,
    page: Page,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let Some(decision) = Decision::parse(&form.decision) else { return Err(WebError::PageNotFound(lang)) };
    match initiatives::decide(&state, &editor, &id, decision, &form.comment).await {
        Ok(_) => Ok(Redirect::to(&format!("/{}/editor", lang.code())).into_response()),
        // The reason is missing: back to the field that asks for it.
        Err(AppError::Invalid { .. }) => {
            let to = if decision == Decision::Unpublish {
                format!("/{}/initiatives/{id}/history?missing=reason#reason", lang.code())
            } else {
                format!("/{}/editor?missing={}#comment-{id}", lang.code(), crate::auth::encode(&id))
            };
            Ok(Redirect::to(&to).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub struct VersionRow {
    pub revision: i64,
    pub author: String,
    pub at: String,
    /// What changed from the version before (empty for the first).
    pub changes: Vec<FieldChange>,
}

#[derive(Template)]
#[template(path = "initiatives/record-history.html")]
struct RecordHistoryPage {
    c: Chrome,
    heading: String,
    back: String,
    versions: Vec<VersionRow>,
}

/// Every saved version of a call or an event, newest first, each with what changed.
async fn record_history(
    State(state): State<AppState>,
    EditorOnly(editor): EditorOnly,
    page: Page,
    Path((_, entity, id)): Path<(String, String, String)>,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let revisions = initiatives::record_history(&state, &editor, &entity, &id).await?;
    let back = match entity.as_str() {
        "call" => format!("/{}/calls/{id}", lang.code()),
        _ => format!("/{}/events/{id}", lang.code()),
    };
    let path = format!("/editor/history/{entity}/{id}");
    let c = page.chrome_t(&path, "history-title").with_nav("editor");
    let parse = |json: &str| serde_json::from_str::<Value>(json).unwrap_or_default();
    let mut versions: Vec<VersionRow> = Vec::with_capacity(revisions.len());
    for (i, r) in revisions.iter().enumerate() {
        let changes = match i.checked_sub(1).map(|p| &revisions[p]) {
            Some(before) => diff_records(&state.i18n, lang, &parse(&before.record), &parse(&r.record)),
            None => Vec::new(),
        };
        versions.push(VersionRow {
            revision: r.revision,
            author: r.author.clone(),
            at: r.created_at.get(..16).unwrap_or(&r.created_at).replace('T', " "),
            changes,
        });
    }
    versions.reverse();
    let page = RecordHistoryPage { heading: format!("{} · {id}", c.t("history-title")), back, versions, c };
    Ok(Html(page.render()?).into_response())
}

/// Flattens a record into `field path → text`, so two revisions compare field by field.
fn flatten(value: &Value, path: String, out: &mut BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                flatten(v, p, out);
            }
        }
        Value::Array(items) if items.iter().all(|v| v.is_string()) => {
            out.insert(path, items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", "));
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                flatten(v, format!("{path}[{i}]"), out);
            }
        }
        Value::String(s) => {
            out.insert(path, s.clone());
        }
        Value::Null => {}
        other => {
            out.insert(path, other.to_string());
        }
    }
}

pub fn diff_records(
    i18n: &praxis_app::I18n,
    lang: praxis_domain::Lang,
    before: &Value,
    after: &Value,
) -> Vec<FieldChange> {
    let (mut a, mut b) = (BTreeMap::new(), BTreeMap::new());
    flatten(before, String::new(), &mut a);
    flatten(after, String::new(), &mut b);
    let fields: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    fields
        .into_iter()
        .filter_map(|field| {
            let old = a.get(field).map(String::as_str).unwrap_or("");
            let new = b.get(field).map(String::as_str).unwrap_or("");
            (old != new).then(|| {
                let (old_html, new_html) = word_diff_sides(old, new);
                FieldChange {
                    field: field.clone(),
                    label: field_label(i18n, lang, field),
                    old_html,
                    new_html,
                }
            })
        })
        .collect()
}

/// The old text with `<del>` on the words that went, and the new text with `<ins>` on
/// the words that came, each escaped, to show side by side.
pub fn word_diff_sides(old: &str, new: &str) -> (String, String) {
    let marked = word_diff(old, new);
    let strip = |html: &str, drop: &str| {
        let mut out = String::new();
        let mut rest = html;
        let open = format!("<{drop}>");
        let close = format!("</{drop}>");
        while let Some(start) = rest.find(&open) {
            out.push_str(&rest[..start]);
            let after = &rest[start + open.len()..];
            let end = after.find(&close).unwrap_or(after.len());
            rest = after.get(end + close.len()..).unwrap_or("");
        }
        out.push_str(rest);
        out
    };
    (strip(&marked, "ins"), strip(&marked, "del"))
}

/// Marks removed words with `<del>` and added words with `<ins>` (longest common
/// subsequence of words; very long texts fall back to old-then-new).
pub fn word_diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.split_inclusive(char::is_whitespace).collect();
    let b: Vec<&str> = new.split_inclusive(char::is_whitespace).collect();
    let mut out = String::new();
    if a.len() * b.len() > 4_000_000 {
        if !old.is_empty() {
            out.push_str(&format!("<del>{}</del>", escape_markup(old)));
        }
        if !new.is_empty() {
            out.push_str(&format!("<ins>{}</ins>", escape_markup(new)));
        }
        return out;
    }
    // lcs[i][j]: common length of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut push = |tag: &str, word: &str| {
        let text = escape_markup(word);
        if tag.is_empty() {
            out.push_str(&text);
        } else {
            out.push_str(&format!("<{tag}>{text}</{tag}>"));
        }
    };
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            push("", a[i]);
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            push("ins", b[j]);
            j += 1;
        } else {
            push("del", a[i]);
            i += 1;
        }
    }
    out.replace("</del><del>", "").replace("</ins><ins>", "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn word_diff_marks_only_what_changed_and_escapes() {
        assert_eq!(word_diff("one two three", "one 2 three"), "one <ins>2 </ins><del>two </del>three");
        assert_eq!(word_diff("", "<b>x</b>"), "<ins>&lt;b&gt;x&lt;/b&gt;</ins>");
        assert_eq!(word_diff("same", "same"), "same");
    }

    #[test]
    fn records_differ_field_by_field() {
        let a = json!({"title": {"fr": "Vélo"}, "themes": ["mobility"], "links": [{"url": "https://a"}]});
        let b =
            json!({"title": {"fr": "Vélo", "es": "Bici"}, "themes": ["mobility", "housing"], "links": []});
        let i18n = praxis_app::i18n::shared();
        let changes = diff_records(&i18n, praxis_domain::Lang::known("fr"), &a, &b);
        let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["links[0].url", "themes", "title.es"]);
        let labels: Vec<&str> = changes.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["Liens 1 · url", "Thèmes", "Titre · Español"]);
    }

    #[test]
    fn each_side_marks_only_its_own_changes() {
        let (old, new) = word_diff_sides("one two three", "one 2 three");
        assert_eq!(old, "one <del>two </del>three");
        assert_eq!(new, "one <ins>2 </ins>three");
        assert_eq!(word_diff_sides("", "<b>"), (String::new(), "<ins>&lt;b&gt;</ins>".to_string()));
    }
}
