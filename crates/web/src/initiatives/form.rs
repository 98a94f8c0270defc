//! Writing an initiative on the website: one form, in the member's language, for the
//! original text and any translations, with a Markdown preview, links and attachments.
//! It works without JavaScript. On a problem the form comes back with everything typed
//! kept and each message next to its field; nothing is stored until it is valid.
//!
//! Members save drafts or submit their organisation's initiatives for review; editors
//! may also publish directly.

use crate::auth::{cookie, csrf_matches, csrf_refused, forbidden, too_large, Account, SignedIn, CSRF_COOKIE};
use crate::error::WebError;
use crate::forms::Form;
use crate::page::Page;
use crate::routes::Routes;
use crate::view::Chrome;
use crate::AppState;
use askama::Template;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{Html, IntoResponse, Redirect, Response};
use praxis_app::initiatives::{self, Saved};
use praxis_app::{policy, AppError};
use praxis_domain::{Aim, InitiativeRecord, Kind, Lang, Level, Status, Theme, Vocabulary};
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// Each attachment may be at most this large.
pub const ATTACHMENT_LIMIT: usize = 10 * 1024 * 1024;
/// At most this many attachments per initiative.
pub const ATTACHMENTS_MAX: usize = 5;
const REQUEST_LIMIT: usize = ATTACHMENTS_MAX * ATTACHMENT_LIMIT + 2 * 1024 * 1024;

pub fn router() -> Routes {
    Routes::new()
        .get("/{lang}/initiatives/new", new_form)
        .post("/{lang}/initiatives/new", save_new)
        .get("/{lang}/initiatives/{id}/edit", edit_form)
        .post("/{lang}/initiatives/{id}/edit", save_edit)
        .get("/{lang}/account/initiatives", mine)
        .get("/files/{name}", file)
        .layer(DefaultBodyLimit::max(REQUEST_LIMIT))
}

/// What the form holds: every field as typed.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub id: String,
    pub language: String,
    pub title: BTreeMap<String, String>,
    pub summary: BTreeMap<String, String>,
    pub body: BTreeMap<String, String>,
    pub city: String,
    pub country: String,
    pub organisation: String,
    pub level: String,
    pub partners: String,
    pub themes: Vec<String>,
    pub aims: Vec<String>,
    pub kind: String,
    pub started: String,
    pub ended: String,
    /// One link per line: the address, then optionally a space and a title.
    pub links: String,
    /// Attachments already received (stored by content): (file name, title). A form that
    /// comes back with errors keeps them, so nobody uploads a file twice.
    pub files: Vec<(String, String)>,
}

impl Draft {
    fn from_record(r: &InitiativeRecord) -> Draft {
        let texts = |m: &praxis_domain::Multilingual| {
            m.0.iter().map(|(l, t)| (l.code().to_string(), t.clone())).collect()
        };
        Draft {
            id: r.id.clone(),
            language: r.language.code().to_string(),
            title: texts(&r.title),
            summary: texts(&r.summary),
            body: texts(&r.body),
            city: r.city.clone(),
            country: r.country.clone(),
            organisation: r.organisation.clone().unwrap_or_default(),
            level: r.level.map(|l| l.id().to_string()).unwrap_or_default(),
            partners: r.partners.join("\n"),
            themes: r.themes.iter().map(|t| t.id().to_string()).collect(),
            aims: r.aims.iter().map(|a| a.id().to_string()).collect(),
            kind: r.kind.id().to_string(),
            started: r.started.clone().unwrap_or_default(),
            ended: r.ended.clone().unwrap_or_default(),
            links: r
                .links
                .iter()
                .map(|l| match &l.title {
                    Some(t) => format!("{} {t}", l.url),
                    None => l.url.clone(),
                })
                .collect::<Vec<_>>()
                .join("\n"),
            files: Vec::new(),
        }
    }

    /// The record as JSON in format 1, for the shared validation.
    fn to_json(&self, status: Status) -> Value {
        let texts = |m: &BTreeMap<String, String>| {
            let map: Map<String, Value> = m
                .iter()
                .filter(|(_, t)| !t.trim().is_empty())
                .map(|(l, t)| (l.clone(), Value::String(t.trim().to_string())))
                .collect();
            Value::Object(map)
        };
        let mut o = Map::new();
        o.insert("id".into(), json!(self.id));
        o.insert("language".into(), json!(self.language));
        o.insert("title".into(), texts(&self.title));
        o.insert("summary".into(), texts(&self.summary));
        let body = texts(&self.body);
        if body.as_object().is_some_and(|b| !b.is_empty()) {
            o.insert("body".into(), body);
        }
        o.insert("city".into(), json!(self.city.trim()));
        o.insert("country".into(), json!(self.country));
        if !self.organisation.trim().is_empty() {
            o.insert("organisation".into(), json!(self.organisation.trim()));
        }
        if !self.level.is_empty() {
            o.insert("level".into(), json!(self.level));
        }
        let partners: Vec<&str> = self.partners.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        if !partners.is_empty() {
            o.insert("partners".into(), json!(partners));
        }
        o.insert("themes".into(), json!(self.themes));
        if !self.aims.is_empty() {
            o.insert("aims".into(), json!(self.aims));
        }
        o.insert("kind".into(), json!(self.kind));
        if !self.started.trim().is_empty() {
            o.insert("started".into(), json!(self.started.trim()));
        }
        if !self.ended.trim().is_empty() {
            o.insert("ended".into(), json!(self.ended.trim()));
        }
        let links: Vec<Value> = self
            .links
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| match l.split_once(char::is_whitespace) {
                Some((url, title)) => json!({"url": url, "title": title.trim()}),
                None => json!({"url": l}),
            })
            .collect();
        if !links.is_empty() {
            o.insert("links".into(), Value::Array(links));
        }
        o.insert("status".into(), json!(status.id()));
        Value::Object(o)
    }
}

/// The form field a validation path belongs to (`title.fr` → `title_fr`).
fn form_key(path: &str) -> String {
    let head = path.split(['[', '.']).next().unwrap_or(path);
    match head {
        "title" | "summary" | "body" => {
            path.replacen('.', "_", 1).split('[').next().unwrap_or(path).to_string()
        }
        "id" => "title".to_string(),
        other => other.to_string(),
    }
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

pub struct LanguageBlock {
    pub code: &'static str,
    pub name: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub title_error: Option<String>,
    pub summary_error: Option<String>,
    pub body_error: Option<String>,
}

#[derive(Template)]
#[template(path = "initiatives/form.html")]
struct FormPage {
    c: Chrome,
    heading: String,
    action: String,
    editing: bool,
    is_editor: bool,
    languages: Vec<Choice>,
    blocks: Vec<LanguageBlock>,
    draft: Draft,
    countries: Vec<Choice>,
    organisations: Vec<Choice>,
    free_organisation: bool,
    levels: Vec<Choice>,
    kinds: Vec<Choice>,
    themes: Vec<Choice>,
    aims: Vec<Choice>,
    errors: Form,
    /// Sanitised HTML of the body, per language, when previewing.
    preview: Vec<(String, String, String)>,
    notice: Option<String>,
}

impl FormPage {
    fn error(&self, key: &str) -> Option<&str> {
        self.errors.error(key)
    }

    fn error_list(&self) -> Vec<(&str, &str)> {
        self.errors.errors().collect()
    }
}

fn choices<V: Vocabulary + Copy>(c: &Chrome, all: &[V], selected: &[String]) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            value: v.id().to_string(),
            label: c.t(&v.label_key()),
            checked: selected.iter().any(|s| s == v.id()),
        })
        .collect()
}

fn form_page(c: Chrome, account: &Account, draft: Draft, errors: Form, editing: bool) -> FormPage {
    let lang = c.lang;
    let mut countries: Vec<Choice> = praxis_domain::country::COUNTRY_CODES
        .iter()
        .map(|code| Choice {
            value: code.to_string(),
            label: c.t(&format!("country-{code}")),
            checked: draft.country == *code,
        })
        .collect();
    countries.sort_by_key(|a| praxis_domain::text::fold(&a.label));
    let organisations = account
        .organisations
        .iter()
        .map(|m| Choice {
            value: m.name.clone(),
            label: m.name.clone(),
            checked: draft.organisation == m.name,
        })
        .collect();
    // The reader's own language first: most people write the original in it.
    let mut order: Vec<Lang> = vec![lang];
    order.extend(Lang::all().iter().copied().filter(|l| *l != lang));
    let blocks = order
        .iter()
        .map(|l| {
            let code = l.code();
            let get = |m: &BTreeMap<String, String>| m.get(code).cloned().unwrap_or_default();
            LanguageBlock {
                code,
                name: c.t(&format!("lang-{code}")),
                title: get(&draft.title),
                summary: get(&draft.summary),
                body: get(&draft.body),
                title_error: errors.error(&format!("title_{code}")).map(str::to_string),
                summary_error: errors.error(&format!("summary_{code}")).map(str::to_string),
                body_error: errors.error(&format!("body_{code}")).map(str::to_string),
            }
        })
        .collect();
    let languages = Lang::all()
        .iter()
        .map(|l| Choice {
            value: l.code().to_string(),
            label: c.t(&format!("lang-{}", l.code())),
            checked: draft.language == l.code(),
        })
        .collect();
    let path =
        if editing { format!("/initiatives/{}/edit", draft.id) } else { "/initiatives/new".to_string() };
    FormPage {
        heading: c.t(if editing { "edit-title" } else { "new-title" }),
        action: format!("/{}{path}", lang.code()),
        editing,
        is_editor: account.is_editor(),
        languages,
        blocks,
        countries,
        organisations,
        free_organisation: account.is_editor(),
        levels: choices(&c, Level::ALL, std::slice::from_ref(&draft.level)),
        kinds: choices(&c, Kind::ALL, std::slice::from_ref(&draft.kind)),
        themes: choices(&c, Theme::ALL, &draft.themes),
        aims: choices(&c, Aim::ALL, &draft.aims),
        errors,
        preview: Vec::new(),
        notice: None,
        draft,
        c,
    }
}

async fn new_form(uri: Uri, SignedIn(account): SignedIn, page: Page) -> Result<Response, WebError> {
    if !policy::may_create(&account) {
        return Ok(forbidden(uri.path()));
    }
    let c = page.chrome_t("/initiatives/new", "new-title").with_nav("initiatives");
    let draft = Draft {
        language: page.lang.code().to_string(),
        organisation: account.organisations.first().map(|m| m.name.clone()).unwrap_or_default(),
        ..Draft::default()
    };
    Ok(Html(form_page(c, &account, draft, Form::default(), false).render()?).into_response())
}

async fn edit_form(
    State(state): State<AppState>,
    uri: Uri,
    SignedIn(account): SignedIn,
    page: Page,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    // Editing continues from a change that waits for review, when there is one.
    let current = match initiatives::for_editing(&state, &account, &id).await {
        Ok((_, current)) => current,
        Err(AppError::Forbidden) => return Ok(forbidden(uri.path())),
        Err(e) => return Err(e.into()),
    };
    let c = page.chrome_t(&format!("/initiatives/{id}/edit"), "edit-title").with_nav("initiatives");
    let draft = Draft::from_record(&current);
    Ok(Html(form_page(c, &account, draft, Form::default(), true).render()?).into_response())
}

/// A file received with the form.
struct Upload {
    filename: String,
    bytes: Vec<u8>,
}

/// The kind of file, recognised from its first bytes (never from its name or the
/// browser's claim): PDF, PNG, JPEG, GIF or WebP.
pub fn sniff(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.starts_with(b"%PDF-") {
        Some(("pdf", "application/pdf"))
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(("png", "image/png"))
    } else if bytes.starts_with(b"\xff\xd8\xff") {
        Some(("jpg", "image/jpeg"))
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some(("gif", "image/gif"))
    } else if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(("webp", "image/webp"))
    } else {
        None
    }
}

/// Reads the multipart form: text fields, and files within the limits.
async fn read_form(
    mut multipart: Multipart,
    path: &str,
) -> Result<(Vec<(String, String)>, Vec<Upload>, Vec<String>), Response> {
    let mut fields = Vec::new();
    let mut uploads = Vec::new();
    let mut file_problems = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_large(path)),
            Err(_) => return Err(too_large(path)),
        };
        let name = field.name().unwrap_or("").to_string();
        match field.file_name().map(str::to_string) {
            Some(filename) if name == "attachments" => {
                let bytes = field.bytes().await.map_err(|_| too_large(path))?;
                if filename.is_empty() && bytes.is_empty() {
                    continue;
                }
                if bytes.len() > ATTACHMENT_LIMIT {
                    file_problems.push(format!("too_large:{filename}"));
                } else if sniff(&bytes).is_none() {
                    file_problems.push(format!("wrong_type:{filename}"));
                } else {
                    uploads.push(Upload { filename, bytes: bytes.to_vec() });
                }
            }
            _ => {
                let text = field.text().await.map_err(|_| too_large(path))?;
                fields.push((name, text));
            }
        }
    }
    Ok((fields, uploads, file_problems))
}

fn draft_from(fields: &[(String, String)]) -> (Draft, String) {
    let mut d = Draft::default();
    let mut action = String::new();
    for (k, v) in fields {
        match k.as_str() {
            "language" => d.language = v.clone(),
            "city" => d.city = v.clone(),
            "country" => d.country = v.clone(),
            "organisation" => d.organisation = v.clone(),
            "level" => d.level = v.clone(),
            "partners" => d.partners = v.clone(),
            "themes" => d.themes.push(v.clone()),
            "aims" => d.aims.push(v.clone()),
            "kind" => d.kind = v.clone(),
            "started" => d.started = v.clone(),
            "ended" => d.ended = v.clone(),
            "links" => d.links = v.clone(),
            "kept_file" => {
                if let Some((name, title)) = v.split_once('|') {
                    if is_stored_name(name) {
                        d.files.push((name.to_string(), title.chars().take(200).collect()));
                    }
                }
            }
            "action" => action = v.clone(),
            key => {
                for (prefix, map) in
                    [("title_", &mut d.title), ("summary_", &mut d.summary), ("body_", &mut d.body)]
                {
                    if let Some(code) = key.strip_prefix(prefix) {
                        if code.parse::<Lang>().is_ok() {
                            map.insert(code.to_string(), v.clone());
                        }
                    }
                }
            }
        }
    }
    (d, action)
}

async fn save_new(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    SignedIn(account): SignedIn,
    page: Page,
    multipart: Multipart,
) -> Result<Response, WebError> {
    if !policy::may_create(&account) {
        return Ok(forbidden(uri.path()));
    }
    save(state, page, uri, headers, account, None, multipart).await
}

async fn save_edit(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    SignedIn(account): SignedIn,
    page: Page,
    Path((_, id)): Path<(String, String)>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let stored = match initiatives::for_editing(&state, &account, &id).await {
        Ok((stored, _)) => stored,
        Err(AppError::Forbidden) => return Ok(forbidden(uri.path())),
        Err(e) => return Err(e.into()),
    };
    save(state, page, uri, headers, account, Some(stored.record), multipart).await
}

async fn save(
    state: AppState,
    page: Page,
    uri: Uri,
    headers: HeaderMap,
    account: Account,
    existing: Option<InitiativeRecord>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let (fields, uploads, file_problems) = match read_form(multipart, uri.path()).await {
        Ok(parts) => parts,
        Err(response) => return Ok(response),
    };
    let given = fields.iter().find(|(k, _)| k == "csrf").map(|(_, v)| v.as_str());
    if !csrf_matches(cookie(&headers, CSRF_COOKIE), given) {
        return Ok(csrf_refused(uri.path()));
    }
    let (mut draft, action) = draft_from(&fields);
    // Accepted files are kept at once (by content, so nothing is stored twice): if the
    // form comes back with errors, they stay attached.
    for upload in &uploads {
        let kept = store_upload(&state, upload).await?;
        if !draft.files.iter().any(|(name, _)| *name == kept.0) {
            draft.files.push(kept);
        }
    }
    let editing = existing.is_some();
    let key = if editing { "edit-title" } else { "new-title" };
    let c = page
        .chrome_t(uri.path().trim_start_matches(&format!("/{}", lang.code())), key)
        .with_nav("initiatives");
    // Members write for one of their own organisations.
    if !account.is_editor() && !account.member_of(&draft.organisation) {
        draft.organisation = account.organisations.first().map(|m| m.name.clone()).unwrap_or_default();
    }
    let status = match (action.as_str(), account.is_editor()) {
        ("publish", true) => Status::Published,
        ("submit", _) => Status::Submitted,
        _ => Status::Draft,
    };
    draft.id = match &existing {
        Some(record) => record.id.clone(),
        None => {
            let title = draft.title.get(&draft.language).map(String::as_str).unwrap_or("");
            initiatives::new_id(&state, &draft.organisation, title).await?
        }
    };
    let mut errors = Form::default();
    let stored_links =
        existing.as_ref().map_or(0, |r| r.links.iter().filter(|l| l.url.contains("/files/")).count());
    if draft.files.len() + stored_links > ATTACHMENTS_MAX {
        errors.set_error("attachments", c.t("attachment-too-many"));
    }
    for problem in &file_problems {
        let (code, name) = problem.split_once(':').unwrap_or((problem, ""));
        let message = state.i18n.t_args(lang, &format!("attachment-{code}"), &[("name", name.into())]);
        let joined = match errors.error("attachments") {
            Some(before) => format!("{before} {message}"),
            None => message,
        };
        errors.set_error("attachments", joined);
    }
    let value = draft.to_json(status);
    let parsed = InitiativeRecord::from_json(&value);
    if let Err(problems) = &parsed {
        for p in problems {
            let key = form_key(&p.field);
            errors.add_error(&key, c.t(&format!("error-{}", p.code)));
        }
    }
    let preview = action == "preview";
    if errors.has_errors() || preview {
        let invalid = errors.has_errors();
        let mut page = form_page(c, &account, draft.clone(), errors, editing);
        if preview && !invalid {
            page.notice = Some(page.c.t("form-preview-notice"));
        }
        if preview {
            page.preview = Lang::all()
                .iter()
                .filter_map(|l| {
                    let title = draft.title.get(l.code()).filter(|t| !t.trim().is_empty())?;
                    let body = draft.body.get(l.code()).cloned().unwrap_or_default();
                    Some((l.code().to_string(), title.clone(), crate::markdown::render(&body)))
                })
                .collect();
        }
        let status = if invalid { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
        return Ok((status, Html(page.render()?)).into_response());
    }
    let Ok(parsed) = parsed else { unreachable!("errors were returned above") };
    let mut record = parsed.record;
    // Attachments already on the initiative stay; new files are stored by content.
    if let Some(old) = &existing {
        for link in old.links.iter().filter(|l| l.url.contains("/files/")) {
            if !record.links.iter().any(|l| l.url == link.url) {
                record.links.push(link.clone());
            }
        }
    }
    for (name, title) in &draft.files {
        let url = format!("{}/files/{name}", state.public_url);
        if !record.links.iter().any(|l| l.url == url) {
            record.links.push(praxis_domain::Link { url, title: Some(title.clone()) });
        }
    }
    let (saved, record) = initiatives::save(&state, &account, record).await?;
    // Saved: the files it names leave the private staging folder for `/files/`.
    for (name, _) in &draft.files {
        publish_upload(&state, name).await?;
    }
    let to = if saved != Saved::Proposed && record.status == Status::Published {
        format!("/{}/initiatives/{}", lang.code(), record.id)
    } else {
        format!("/{}/account/initiatives?saved={}", lang.code(), crate::auth::encode(&record.id))
    };
    Ok(Redirect::to(&to).into_response())
}

pub struct MineRow {
    pub id: String,
    pub title: String,
    pub title_lang: String,
    pub status: String,
    pub published: bool,
    pub updated: String,
}

#[derive(Template)]
#[template(path = "initiatives/mine.html")]
struct MinePage {
    c: Chrome,
    rows: Vec<MineRow>,
    saved: Option<String>,
    can_write: bool,
}

#[derive(serde::Deserialize, Default)]
struct MineQuery {
    #[serde(default)]
    saved: String,
}

/// The initiatives of the account's organisations, whatever their state.
async fn mine(
    State(state): State<AppState>,
    SignedIn(account): SignedIn,
    page: Page,
    axum::extract::Query(query): axum::extract::Query<MineQuery>,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let c = page.chrome_t("/account/initiatives", "mine-title").with_nav("account");
    let rows = initiatives::of_account(&state, &account)
        .await?
        .into_iter()
        .map(|s| {
            let (title_lang, title) = s.record.title_in(lang);
            MineRow {
                id: s.record.id.clone(),
                title: title.to_string(),
                title_lang: title_lang.code().to_string(),
                status: if s.proposed_revision.is_some() {
                    c.t("status-change-waiting")
                } else {
                    c.t(&format!("status-{}", s.record.status.id()))
                },
                published: s.record.status == Status::Published,
                updated: s.updated_at.get(..10).unwrap_or("").to_string(),
            }
        })
        .collect();
    let saved = (!query.saved.is_empty()).then(|| c.t("mine-saved"));
    let page = MinePage { c, rows, saved, can_write: policy::may_create(&account) };
    Ok(Html(page.render()?).into_response())
}

/// Whether `name` is a stored attachment's name: a SHA-256 in hex and a known extension.
fn is_stored_name(name: &str) -> bool {
    let Some((digest, ext)) = name.split_once('.') else { return false };
    digest.len() == 64
        && digest.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        && matches!(ext, "pdf" | "png" | "jpg" | "gif" | "webp")
}

/// Stores an accepted upload under its content's hash (once, atomically); returns its
/// file name and a title from the name it was sent with.
/// How long an uploaded file waits in the staging folder for the form to be saved.
const STAGED_FOR: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// Keeps an uploaded file in the private staging folder (`DATA/uploads`), by content:
/// nothing is served until the initiative that names it is saved ([`publish_upload`]).
/// Files left there longer than a day (a preview never saved) are removed.
async fn store_upload(state: &AppState, upload: &Upload) -> Result<(String, String), WebError> {
    let (ext, _) = sniff(&upload.bytes).expect("checked when read");
    let digest: String = Sha256::digest(&upload.bytes).iter().map(|b| format!("{b:02x}")).collect();
    let name = format!("{digest}.{ext}");
    let dir = state.data_dir.join("uploads");
    tokio::fs::create_dir_all(&dir).await.map_err(|e| WebError::Internal(format!("uploads folder: {e}")))?;
    remove_stale_uploads(&dir).await;
    let path = dir.join(&name);
    if !path.exists() {
        let partial = dir.join(format!("{name}.part"));
        tokio::fs::write(&partial, &upload.bytes)
            .await
            .map_err(|e| WebError::Internal(format!("file: {e}")))?;
        tokio::fs::rename(&partial, &path).await.map_err(|e| WebError::Internal(format!("file: {e}")))?;
    }
    let title: String = upload.filename.chars().filter(|c| !c.is_control() && *c != '|').take(200).collect();
    Ok((name, title))
}

/// Removes staged uploads older than [`STAGED_FOR`]; a failure is only logged.
async fn remove_stale_uploads(dir: &std::path::Path) {
    let Ok(mut entries) = tokio::fs::read_dir(dir).await else { return };
    while let Ok(Some(entry)) = entries.next_entry().await {
        let old = entry
            .metadata()
            .await
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STAGED_FOR);
        if old {
            if let Err(e) = tokio::fs::remove_file(entry.path()).await {
                tracing::warn!("stale upload {}: {e}", entry.path().display());
            }
        }
    }
}

/// Moves a staged upload into the public `files` folder (a file already there, or
/// already moved by an earlier save, is left as it is).
async fn publish_upload(state: &AppState, name: &str) -> Result<(), WebError> {
    let public = state.data_dir.join("files");
    let target = public.join(name);
    if target.exists() {
        return Ok(());
    }
    let staged = state.data_dir.join("uploads").join(name);
    if !staged.exists() {
        return Ok(());
    }
    tokio::fs::create_dir_all(&public).await.map_err(|e| WebError::Internal(format!("files folder: {e}")))?;
    let partial = public.join(format!("{name}.part"));
    tokio::fs::copy(&staged, &partial).await.map_err(|e| WebError::Internal(format!("file: {e}")))?;
    tokio::fs::rename(&partial, &target).await.map_err(|e| WebError::Internal(format!("file: {e}")))?;
    let _ = tokio::fs::remove_file(&staged).await;
    Ok(())
}

/// An attachment, served with the type it was recognised as and never sniffed again.
async fn file(State(state): State<AppState>, Path(name): Path<String>) -> Response {
    let Some((digest, ext)) = name.split_once('.') else { return StatusCode::NOT_FOUND.into_response() };
    let content_type = match ext {
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    if digest.len() != 64 || !digest.bytes().all(|b| b.is_ascii_hexdigit()) {
        return StatusCode::NOT_FOUND.into_response();
    }
    match tokio::fs::read(state.data_dir.join("files").join(&name)).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, content_type),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
                (
                    header::CONTENT_SECURITY_POLICY,
                    "default-src 'none'; img-src 'self'; plugin-types application/pdf",
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_recognised_by_content() {
        assert_eq!(sniff(b"%PDF-1.7\n...").unwrap().0, "pdf");
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n....").unwrap().0, "png");
        assert_eq!(sniff(b"<script>alert(1)</script>"), None);
        assert_eq!(sniff(b"MZ\x90\x00"), None);
    }

    #[test]
    fn validation_paths_map_to_form_fields() {
        assert_eq!(form_key("title.fr"), "title_fr");
        assert_eq!(form_key("themes[2]"), "themes");
        assert_eq!(form_key("links[0].url"), "links");
        assert_eq!(form_key("id"), "title");
        assert_eq!(form_key("country"), "country");
    }
}
