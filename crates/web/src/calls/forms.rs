//! The forms of calls to action: joining (visitors, confirmed by e-mail), signing in one
//! step (members of a verified organisation), and the editors' desk (verify or reject
//! requests, write and publish calls). Every form is POST with the CSRF field; a form
//! with errors comes back with everything typed kept and each error by its field.

use super::shared::{t_args, today, CSS_PATH};
use crate::auth::{CsrfForm, EditorOnly, SignedIn, Viewer};
use crate::error::WebError;
use crate::forms::Form;
use crate::page::Page;
use crate::routes::Routes;
use crate::view::Chrome;
use crate::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use praxis_app::calls;
use praxis_app::AppError;
use praxis_domain::call::CallStatus;
use praxis_domain::{CallRecord, Lang, Multilingual, SignatoryType, SignatureInput, WorkingPoint};
use praxis_store::{Confirmation, RequestStatus, StoredCall, StoredRequest};
use std::collections::{BTreeMap, HashMap};

pub fn router() -> Routes {
    Routes::new()
        .get("/{lang}/calls/{call}/join", join_form)
        .post("/{lang}/calls/{call}/join", join)
        .get("/{lang}/calls/{call}/join/sent", sent)
        .post("/{lang}/calls/{call}/sign", member_sign)
        .get("/{lang}/calls/confirm/{token}", confirm_form)
        .post("/{lang}/calls/confirm/{token}", confirm)
        .post("/{lang}/calls/{call}/signatories/{slug}/initiatives", link_initiatives)
        .get("/{lang}/editor/calls", desk)
        .post("/{lang}/editor/calls/requests/{id}/verify", verify)
        .post("/{lang}/editor/calls/requests/{id}/reject", reject)
        .get("/{lang}/editor/calls/new", new_call_form)
        .post("/{lang}/editor/calls/new", create_call)
        .get("/{lang}/editor/calls/{call}/edit", edit_call_form)
        .post("/{lang}/editor/calls/{call}/edit", update_call)
}

/// Form fields as sent: repeated names (checkboxes) are kept.
type Fields = Vec<(String, String)>;

fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("")
}

fn all(fields: &Fields, name: &str) -> Vec<String> {
    fields.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct PointChoice {
    pub id: String,
    pub text: String,
    pub checked: bool,
}

fn type_choices(c: &Chrome, selected: &str) -> Vec<Choice> {
    SignatoryType::ALL
        .iter()
        .map(|t| Choice { value: t.id().into(), label: c.t(&t.label_key()), selected: t.id() == selected })
        .collect()
}

fn country_choices(c: &Chrome, selected: &str) -> Vec<Choice> {
    let mut choices: Vec<Choice> = praxis_domain::country::COUNTRY_CODES
        .iter()
        .map(|code| Choice {
            value: code.to_string(),
            label: c.t(&format!("country-{code}")),
            selected: *code == selected,
        })
        .collect();
    choices.sort_by_cached_key(|ch| praxis_domain::text::fold(&ch.label));
    choices
}

fn point_choices(call: &CallRecord, lang: Lang, checked: &[String]) -> Vec<PointChoice> {
    let lang = call.reading_language(lang);
    call.working_points
        .iter()
        .map(|p| PointChoice {
            id: p.id.clone(),
            text: p.text_in(lang).to_string(),
            checked: checked.contains(&p.id),
        })
        .collect()
}

pub struct MemberForm {
    pub organisations: Vec<Choice>,
    pub types: Vec<Choice>,
    pub countries: Vec<Choice>,
    pub city: String,
    pub points: Vec<PointChoice>,
    pub consent: bool,
    pub errors: Form,
}

#[derive(Template)]
#[template(path = "calls/join.html")]
struct JoinPage {
    c: Chrome,
    call_href: String,
    call_title: String,
    call_lang: Lang,
    accepts: bool,
    throttled: bool,
    input: SignatureInput,
    types: Vec<Choice>,
    countries: Vec<Choice>,
    points: Vec<PointChoice>,
    errors: Form,
    member: Option<MemberForm>,
    css: &'static str,
}

impl JoinPage {
    fn render_with(self, status: StatusCode) -> Result<Response, WebError> {
        Ok((status, Html(self.render()?)).into_response())
    }
}

fn member_form(
    c: &Chrome,
    viewer: &Viewer,
    call: &CallRecord,
    fields: Option<&Fields>,
    errors: Form,
) -> Option<MemberForm> {
    let account = viewer.account.as_ref()?;
    if account.organisations.is_empty() {
        return None;
    }
    let get = |name: &str| fields.map(|f| field(f, name).to_string()).unwrap_or_default();
    let org = get("organisation");
    Some(MemberForm {
        organisations: account
            .organisations
            .iter()
            .map(|m| Choice { value: m.slug.clone(), label: m.name.clone(), selected: m.slug == org })
            .collect(),
        types: type_choices(c, &get("kind")),
        countries: country_choices(c, &get("country")),
        city: get("city"),
        points: point_choices(call, c.lang, &fields.map(|f| all(f, "working_points")).unwrap_or_default()),
        consent: !get("consent").is_empty(),
        errors,
    })
}

fn join_page(
    c: Chrome,
    viewer: &Viewer,
    stored: &StoredCall,
    input: SignatureInput,
    errors: Form,
    member: Option<MemberForm>,
) -> JoinPage {
    let call = &stored.record;
    let member = member.or_else(|| member_form(&c, viewer, call, None, Form::default()));
    JoinPage {
        call_href: c.url(&format!("/calls/{}", call.id)),
        call_title: call.title_in(c.lang).to_string(),
        call_lang: call.reading_language(c.lang),
        accepts: call.accepts_signatures(&today()),
        throttled: false,
        types: type_choices(&c, &input.kind),
        countries: country_choices(&c, &input.country),
        points: point_choices(call, c.lang, &input.working_points),
        input,
        errors,
        member,
        css: CSS_PATH.as_str(),
        c,
    }
}

async fn join_form(
    State(state): State<AppState>,
    page: Page,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let stored = calls::public_call(&state, &id).await?;
    let c = page.chrome_t(&format!("/calls/{id}/join"), "calls-join-title").with_nav("calls");
    join_page(c, &page.viewer, &stored, SignatureInput::default(), Form::default(), None)
        .render_with(StatusCode::OK)
}

async fn join(
    State(state): State<AppState>,
    page: Page,
    Path((_, id)): Path<(String, String)>,
    crate::auth::ClientIp(address): crate::auth::ClientIp,
    CsrfForm(fields): CsrfForm<Fields>,
) -> Result<Response, WebError> {
    let (lang, viewer) = (page.lang, &page.viewer);
    let stored = calls::public_call(&state, &id).await?;
    let c = page.chrome_t(&format!("/calls/{id}/join"), "calls-join-title").with_nav("calls");
    let input = SignatureInput {
        institution: field(&fields, "institution").into(),
        kind: field(&fields, "kind").into(),
        city: field(&fields, "city").into(),
        country: field(&fields, "country").into(),
        representative_name: field(&fields, "representative_name").into(),
        representative_role: field(&fields, "representative_role").into(),
        email: field(&fields, "email").into(),
        working_points: all(&fields, "working_points"),
        consent: !field(&fields, "consent").is_empty(),
    };
    match calls::join(&state, &id, &input, lang, &address).await {
        Ok(_) => {}
        Err(AppError::Conflict { .. }) => {
            return join_page(c, viewer, &stored, input, Form::default(), None)
                .render_with(StatusCode::CONFLICT);
        }
        Err(AppError::Invalid { fields, .. }) => {
            let errors = Form::from_problems(&c, "error-", &fields);
            return join_page(c, viewer, &stored, input, errors, None)
                .render_with(StatusCode::UNPROCESSABLE_ENTITY);
        }
        Err(AppError::TooMany) => {
            let mut throttled = join_page(c, viewer, &stored, input, Form::default(), None);
            throttled.throttled = true;
            return throttled.render_with(StatusCode::TOO_MANY_REQUESTS);
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Redirect::to(&c.url(&format!("/calls/{id}/join/sent"))).into_response())
}

#[derive(Template)]
#[template(path = "calls/message.html")]
struct MessagePage {
    c: Chrome,
    heading: String,
    text: String,
    back_href: String,
    /// A confirmation form: its action and button, when the page asks to confirm.
    confirm_action: Option<String>,
    css: &'static str,
}

async fn sent(
    State(state): State<AppState>,
    page: Page,
    Path((_, id)): Path<(String, String)>,
) -> Result<Html<String>, WebError> {
    calls::public_call(&state, &id).await?;
    let c = page.chrome_t(&format!("/calls/{id}/join/sent"), "calls-sent-title").with_nav("calls");
    let page = MessagePage {
        heading: c.t("calls-sent-title"),
        text: c.t("calls-sent-text"),
        back_href: c.url(&format!("/calls/{id}")),
        confirm_action: None,
        css: CSS_PATH.as_str(),
        c,
    };
    Ok(Html(page.render()?))
}

async fn confirm_form(
    State(state): State<AppState>,
    page: Page,
    Path((_, token)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let path = format!("/calls/confirm/{token}");
    let c = page.chrome_t(&path, "calls-confirm-title").with_nav("calls");
    let Some(request) = calls::request_to_confirm(&state, &token).await? else {
        let page = MessagePage {
            heading: c.t("calls-confirm-title"),
            text: c.t("calls-confirm-unknown"),
            back_href: c.url("/calls"),
            confirm_action: None,
            css: CSS_PATH.as_str(),
            c,
        };
        return Ok((StatusCode::NOT_FOUND, Html(page.render()?)).into_response());
    };
    let already = request.status != RequestStatus::Unconfirmed;
    let page = MessagePage {
        heading: c.t(if already { "calls-confirmed-title" } else { "calls-confirm-title" }),
        text: if already {
            c.t("calls-confirm-already")
        } else {
            t_args(&c, "calls-confirm-text", &[("institution", request.request.institution.clone())])
        },
        back_href: c.url(&format!("/calls/{}", request.call_id)),
        confirm_action: (!already).then(|| c.url(&path)),
        css: CSS_PATH.as_str(),
        c,
    };
    Ok(Html(page.render()?).into_response())
}

async fn confirm(
    State(state): State<AppState>,
    page: Page,
    Path((_, token)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<Fields>,
) -> Result<Response, WebError> {
    let path = format!("/calls/confirm/{token}");
    let c = page.chrome_t(&path, "calls-confirmed-title").with_nav("calls");
    let (status, heading, text, back) = match calls::confirm(&state, &token).await? {
        Some(Confirmation::Confirmed { call_id, .. }) => {
            (StatusCode::OK, "calls-confirmed-title", "calls-confirmed-text", format!("/calls/{call_id}"))
        }
        Some(Confirmation::AlreadyConfirmed { call_id }) => {
            (StatusCode::OK, "calls-confirmed-title", "calls-confirm-already", format!("/calls/{call_id}"))
        }
        None => (StatusCode::NOT_FOUND, "calls-confirm-title", "calls-confirm-unknown", "/calls".to_string()),
    };
    let page = MessagePage {
        heading: c.t(heading),
        text: c.t(text),
        back_href: c.url(&back),
        confirm_action: None,
        css: CSS_PATH.as_str(),
        c,
    };
    Ok((status, Html(page.render()?)).into_response())
}

/// A verified member signs for their organisation: no e-mail round trip, no review.
async fn member_sign(
    State(state): State<AppState>,
    SignedIn(account): SignedIn,
    page: Page,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(fields): CsrfForm<Fields>,
) -> Result<Response, WebError> {
    let (lang, viewer) = (page.lang, &page.viewer);
    let stored = calls::public_call(&state, &id).await?;
    let c = page.chrome_t(&format!("/calls/{id}/join"), "calls-join-title").with_nav("calls");
    let input = SignatureInput {
        kind: field(&fields, "kind").into(),
        city: field(&fields, "city").into(),
        country: field(&fields, "country").into(),
        working_points: all(&fields, "working_points"),
        consent: !field(&fields, "consent").is_empty(),
        ..SignatureInput::default()
    };
    let organisation = field(&fields, "organisation");
    let signatory = match calls::sign_as_member(&state, &account, &id, organisation, input, lang).await {
        Ok(signatory) => signatory,
        Err(e @ (AppError::Invalid { .. } | AppError::Conflict { .. })) => {
            let errors = match &e {
                AppError::Invalid { fields, .. } => Form::from_problems(&c, "error-", fields),
                _ => Form::default(),
            };
            let member = member_form(&c, viewer, &stored.record, Some(&fields), errors);
            return join_page(c, viewer, &stored, SignatureInput::default(), Form::default(), member)
                .render_with(StatusCode::UNPROCESSABLE_ENTITY);
        }
        Err(e) => return Err(e.into()),
    };
    Ok(Redirect::to(&c.url(&format!("/calls/{id}/signatories/{}", signatory.slug))).into_response())
}

/// The initiatives a signatory names as carrying out its commitments: ids of published
/// initiatives, one per line or separated by spaces or commas.
async fn link_initiatives(
    State(state): State<AppState>,
    SignedIn(account): SignedIn,
    page: Page,
    Path((_, id, slug)): Path<(String, String, String)>,
    CsrfForm(fields): CsrfForm<Fields>,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let path = format!("/{lang}/calls/{id}/signatories/{slug}");
    // The boxes ticked, and whatever was pasted: one list for the application.
    let mut wanted = all(&fields, "initiatives");
    wanted.push(field(&fields, "pasted").to_string());
    let wanted = wanted.join("\n");
    match calls::link_initiatives(&state, &account, &id, &slug, &wanted).await {
        Ok(_) => {}
        Err(AppError::Invalid { fields: problems, .. }) => {
            let unknown = problems.get("initiatives").map(|p| p.message.clone()).unwrap_or_default();
            let query: String = form_urlencoded::Serializer::new(String::new())
                .append_pair("unknown", &unknown)
                .append_pair("typed", field(&fields, "pasted"))
                .finish();
            return Ok(Redirect::to(&format!("{path}?{query}#link-initiatives")).into_response());
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Redirect::to(&format!("{path}#carried-out")).into_response())
}

// --- The editors' desk ------------------------------------------------------------------

pub struct QueueItem {
    pub id: i64,
    pub institution: String,
    pub kind: String,
    pub place: String,
    pub representative: String,
    pub email: String,
    pub call_title: String,
    pub points: Vec<String>,
    pub requested: String,
    pub merge: Option<String>,
    pub twins: Option<String>,
    pub verify_action: String,
    pub reject_action: String,
    pub reason: String,
    pub reason_error: Option<String>,
}

pub struct DeskCall {
    pub title: String,
    pub status: String,
    pub href: String,
    pub edit_href: String,
    pub count: usize,
}

#[derive(Template)]
#[template(path = "calls/desk.html")]
struct DeskPage {
    c: Chrome,
    notice: Option<String>,
    queue: Vec<QueueItem>,
    calls: Vec<DeskCall>,
    css: &'static str,
}

#[derive(serde::Deserialize, Default)]
struct DeskQuery {
    #[serde(default)]
    verified: Option<String>,
    #[serde(default)]
    rejected: Option<String>,
    #[serde(default)]
    saved: Option<String>,
}

async fn desk_page(
    state: &AppState,
    editor: &crate::auth::Account,
    c: Chrome,
    notice: Option<String>,
    reason_for: Option<(i64, String, String)>,
) -> Result<DeskPage, WebError> {
    let (calls, waiting) = calls::desk(state, editor).await?;
    let titles: HashMap<String, (CallRecord, Lang)> = calls
        .iter()
        .map(|s| (s.record.id.clone(), (s.record.clone(), s.record.reading_language(c.lang))))
        .collect();
    let queue = waiting.into_iter().map(|r| queue_item(&c, &titles, r, reason_for.as_ref())).collect();
    let calls = calls
        .iter()
        .map(|s| DeskCall {
            title: s.record.title_in(c.lang).to_string(),
            status: c.t(&format!("calls-status-{}", s.record.status.id())),
            href: c.url(&format!("/calls/{}", s.record.id)),
            edit_href: c.url(&format!("/editor/calls/{}/edit", s.record.id)),
            count: usize::try_from(s.signatories).unwrap_or(0),
        })
        .collect();
    Ok(DeskPage { c, notice, queue, calls, css: CSS_PATH.as_str() })
}

fn queue_item(
    c: &Chrome,
    calls: &HashMap<String, (CallRecord, Lang)>,
    r: StoredRequest,
    reason_for: Option<&(i64, String, String)>,
) -> QueueItem {
    let (call_title, points) = match calls.get(&r.call_id) {
        Some((call, lang)) => (
            call.title_in(c.lang).to_string(),
            r.request
                .working_points
                .iter()
                .map(|p| {
                    call.working_point(p).map(|w| w.text_in(*lang).to_string()).unwrap_or_else(|| p.clone())
                })
                .collect(),
        ),
        None => (r.call_id.clone(), r.request.working_points.clone()),
    };
    let (reason, reason_error) = match reason_for {
        Some((id, typed, error)) if *id == r.id => (typed.clone(), Some(error.clone())),
        _ => (String::new(), None),
    };
    QueueItem {
        id: r.id,
        institution: r.request.institution.clone(),
        kind: c.t(&r.request.kind.label_key()),
        place: format!("{}, {}", r.request.city, c.t(&format!("country-{}", r.request.country))),
        representative: format!("{} ({})", r.request.representative_name, r.request.representative_role),
        email: r.request.email.clone(),
        call_title,
        points,
        requested: c.date(r.confirmed_at.as_deref().unwrap_or(&r.created_at).get(..10).unwrap_or("")),
        merge: r
            .existing_signatory
            .as_ref()
            .map(|_| t_args(c, "calls-editor-merge", &[("name", r.request.institution.clone())])),
        twins: (r.same_institution_waiting > 0)
            .then(|| c.n("calls-editor-twins", &usize::try_from(r.same_institution_waiting).unwrap_or(0))),
        verify_action: c.url(&format!("/editor/calls/requests/{}/verify", r.id)),
        reject_action: c.url(&format!("/editor/calls/requests/{}/reject", r.id)),
        reason,
        reason_error,
    }
}

async fn desk(
    State(state): State<AppState>,
    EditorOnly(editor): EditorOnly,
    page: Page,
    Query(q): Query<DeskQuery>,
) -> Result<Html<String>, WebError> {
    let c = page.chrome_t("/editor/calls", "calls-editor-title").with_nav("calls");
    let notice = if let Some(name) = q.verified {
        Some(t_args(&c, "calls-editor-verified", &[("name", name)]))
    } else if q.rejected.is_some() {
        Some(c.t("calls-editor-rejected"))
    } else {
        q.saved.map(|_| c.t("calls-editor-saved"))
    };
    Ok(Html(desk_page(&state, &editor, c, notice, None).await?.render()?))
}

async fn verify(
    State(state): State<AppState>,
    EditorOnly(editor): EditorOnly,
    page: Page,
    Path((_, id)): Path<(String, i64)>,
    CsrfForm(_): CsrfForm<Fields>,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let signatory = calls::verify(&state, &editor, id).await?;
    let name: String = form_urlencoded::byte_serialize(signatory.name.as_bytes()).collect();
    Ok(Redirect::to(&format!("/{}/editor/calls?verified={name}", lang.code())).into_response())
}

async fn reject(
    State(state): State<AppState>,
    EditorOnly(editor): EditorOnly,
    page: Page,
    Path((_, id)): Path<(String, i64)>,
    CsrfForm(fields): CsrfForm<Fields>,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let reason = field(&fields, "reason").trim().to_string();
    match calls::reject(&state, &editor, id, &reason).await {
        Ok(()) => {}
        Err(AppError::Invalid { fields: problems, .. }) => {
            let c = page.chrome_t("/editor/calls", "calls-editor-title").with_nav("calls");
            let code = problems.get("reason").map(|p| p.code.as_str()).unwrap_or("reason_required");
            let error =
                c.t(if code == "reason_required" { "calls-editor-reason-missing" } else { "error-too_long" });
            let page = desk_page(&state, &editor, c, None, Some((id, reason, error))).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response());
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Redirect::to(&format!("/{}/editor/calls?rejected=1", lang.code())).into_response())
}

// --- Writing a call -------------------------------------------------------------------------

pub struct LangText {
    pub code: &'static str,
    pub name: String,
    pub title: String,
    pub text: String,
    pub title_error: Option<String>,
    pub text_error: Option<String>,
}

pub struct PointRow {
    pub n: usize,
    pub id_label: String,
    pub id: String,
    pub id_error: Option<String>,
    pub texts: Vec<PointText>,
}

pub struct PointText {
    pub code: &'static str,
    pub label: String,
    pub value: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "calls/edit.html")]
struct EditPage {
    c: Chrome,
    heading: String,
    action: String,
    existing: bool,
    id: String,
    opens: String,
    closes: String,
    statuses: Vec<Choice>,
    langs: Vec<LangText>,
    rows: Vec<PointRow>,
    errors: Form,
    problem: bool,
    css: &'static str,
}

/// The call as form fields (one row per working point, plus empty rows to add more).
fn edit_page(c: Chrome, existing: Option<&CallRecord>, fields: Option<&Fields>, errors: Form) -> EditPage {
    let from_record = |name: &str| -> String {
        let Some(r) = existing else { return String::new() };
        match name {
            "id" => r.id.clone(),
            "opens" => r.opens.clone(),
            "closes" => r.closes.clone().unwrap_or_default(),
            "status" => r.status.id().to_string(),
            _ => String::new(),
        }
    };
    let value = |name: &str| fields.map(|f| field(f, name).to_string()).unwrap_or_else(|| from_record(name));
    let status = value("status");
    let langs = Lang::all()
        .iter()
        .map(|l| {
            let code = l.code();
            let title = fields
                .map(|f| field(f, &format!("title_{code}")).to_string())
                .unwrap_or_else(|| existing.and_then(|r| r.title.get(*l)).unwrap_or("").to_string());
            let text = fields
                .map(|f| field(f, &format!("text_{code}")).to_string())
                .unwrap_or_else(|| existing.and_then(|r| r.text.get(*l)).unwrap_or("").to_string());
            LangText {
                code,
                name: c.t(&format!("lang-{code}")),
                title,
                text,
                title_error: errors.error(&format!("title_{code}")).map(str::to_string),
                text_error: errors.error(&format!("text_{code}")).map(str::to_string),
            }
        })
        .collect();
    let count = match fields {
        Some(f) => f.iter().filter(|(k, _)| k.starts_with("point_id_")).count(),
        None => existing.map(|r| r.working_points.len() + 3).unwrap_or(7),
    };
    let rows = (0..count)
        .map(|n| {
            let point = existing.and_then(|r| r.working_points.get(n)).filter(|_| fields.is_none());
            PointRow {
                n: n + 1,
                id_label: t_args(&c, "calls-field-point-id", &[("n", (n + 1).to_string())]),
                id: fields
                    .map(|f| field(f, &format!("point_id_{n}")).to_string())
                    .unwrap_or_else(|| point.map(|p| p.id.clone()).unwrap_or_default()),
                id_error: errors.error(&format!("point_id_{n}")).map(str::to_string),
                texts: Lang::all()
                    .iter()
                    .map(|l| PointText {
                        code: l.code(),
                        label: t_args(
                            &c,
                            "calls-field-point-text",
                            &[("n", (n + 1).to_string()), ("language", c.t(&format!("lang-{}", l.code())))],
                        ),
                        value: fields
                            .map(|f| field(f, &format!("point_{}_{n}", l.code())).to_string())
                            .unwrap_or_else(|| point.and_then(|p| p.text.get(*l)).unwrap_or("").to_string()),
                        error: errors.error(&format!("point_{}_{n}", l.code())).map(str::to_string),
                    })
                    .collect(),
            }
        })
        .collect();
    EditPage {
        heading: c.t(if existing.is_some() { "calls-editor-edit-title" } else { "calls-editor-new-title" }),
        action: match existing {
            Some(r) => c.url(&format!("/editor/calls/{}/edit", r.id)),
            None => c.url("/editor/calls/new"),
        },
        existing: existing.is_some(),
        id: value("id"),
        opens: value("opens"),
        closes: value("closes"),
        statuses: CallStatus::ALL
            .iter()
            .map(|s| Choice {
                value: s.id().into(),
                label: c.t(&format!("calls-status-{}", s.id())),
                selected: s.id() == status,
            })
            .collect(),
        langs,
        rows,
        problem: errors.has_errors(),
        errors,
        css: CSS_PATH.as_str(),
        c,
    }
}

/// Reads the call form. Rows with nothing typed are skipped; `rows[i]` is the form row of
/// working point `i`, to put each error back next to its field.
fn read_call(fields: &Fields, fixed_id: Option<&str>) -> (CallRecord, Vec<usize>) {
    let mut title = BTreeMap::new();
    let mut text = BTreeMap::new();
    for &l in Lang::all() {
        let t = field(fields, &format!("title_{}", l.code())).trim().to_string();
        let x = field(fields, &format!("text_{}", l.code())).trim().to_string();
        if !t.is_empty() {
            title.insert(l, t);
        }
        if !x.is_empty() {
            text.insert(l, x);
        }
    }
    let mut points = Vec::new();
    let mut rows = Vec::new();
    let count = fields.iter().filter(|(k, _)| k.starts_with("point_id_")).count();
    for n in 0..count {
        let id = field(fields, &format!("point_id_{n}")).trim().to_string();
        let texts: BTreeMap<Lang, String> = Lang::all()
            .iter()
            .filter_map(|l| {
                let v = field(fields, &format!("point_{}_{n}", l.code())).trim().to_string();
                (!v.is_empty()).then_some((*l, v))
            })
            .collect();
        if id.is_empty() && texts.is_empty() {
            continue;
        }
        points.push(WorkingPoint { id, text: Multilingual(texts) });
        rows.push(n);
    }
    let closes = field(fields, "closes").trim();
    let record = CallRecord {
        id: fixed_id.map(str::to_string).unwrap_or_else(|| field(fields, "id").trim().to_string()),
        title: Multilingual(title),
        text: Multilingual(text),
        working_points: points,
        opens: field(fields, "opens").trim().to_string(),
        closes: (!closes.is_empty()).then(|| closes.to_string()),
        status: CallStatus::from_id(field(fields, "status")).unwrap_or_default(),
    };
    (record, rows)
}

/// A validation path (`working_points[2].text.fr`) as the form field that shows it.
fn form_field(path: &str, rows: &[usize]) -> String {
    if let Some(rest) = path.strip_prefix("working_points[") {
        if let Some((i, tail)) = rest.split_once(']') {
            let n = i.parse::<usize>().ok().and_then(|i| rows.get(i).copied()).unwrap_or(0);
            return match tail {
                ".id" => format!("point_id_{n}"),
                t if t.starts_with(".text.") => format!("point_{}_{n}", &t[6..]),
                _ => format!("point_en_{n}"),
            };
        }
        return "points".into();
    }
    match path.split_once('.') {
        Some((root, lang)) => format!("{root}_{lang}"),
        None if path == "working_points" => "points".into(),
        None => path.to_string(),
    }
}

async fn new_call_form(EditorOnly(_): EditorOnly, page: Page) -> Result<Html<String>, WebError> {
    let c = page.chrome_t("/editor/calls/new", "calls-editor-new-title").with_nav("calls");
    Ok(Html(edit_page(c, None, None, Form::default()).render()?))
}

async fn edit_call_form(
    State(state): State<AppState>,
    EditorOnly(editor): EditorOnly,
    page: Page,
    Path((_, id)): Path<(String, String)>,
) -> Result<Html<String>, WebError> {
    let stored = calls::call_for(&state, Some(&editor), &id).await?;
    let c = page.chrome_t(&format!("/editor/calls/{id}/edit"), "calls-editor-edit-title").with_nav("calls");
    Ok(Html(edit_page(c, Some(&stored.record), None, Form::default()).render()?))
}

async fn save_call(
    state: &AppState,
    page: &Page,
    editor: &crate::auth::Account,
    existing: Option<StoredCall>,
    fields: Fields,
) -> Result<Response, WebError> {
    let lang = page.lang;
    let path = match &existing {
        Some(s) => format!("/editor/calls/{}/edit", s.record.id),
        None => "/editor/calls/new".to_string(),
    };
    let c = page.chrome_t(&path, "calls-editor-title").with_nav("calls");
    let (record, rows) = read_call(&fields, existing.as_ref().map(|s| s.record.id.as_str()));
    match calls::save_call(state, editor, &record, existing.is_none()).await {
        Ok(()) => Ok(Redirect::to(&format!("/{}/editor/calls?saved=1", lang.code())).into_response()),
        Err(AppError::Invalid { fields: problems, .. }) => {
            let mut errors = Form::default();
            for (f, p) in &problems {
                errors.set_error(&form_field(f, &rows), c.t(&format!("error-{}", p.code)));
            }
            let page = edit_page(c, existing.as_ref().map(|s| &s.record), Some(&fields), errors);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

async fn create_call(
    State(state): State<AppState>,
    EditorOnly(editor): EditorOnly,
    page: Page,
    CsrfForm(fields): CsrfForm<Fields>,
) -> Result<Response, WebError> {
    save_call(&state, &page, &editor, None, fields).await
}

async fn update_call(
    State(state): State<AppState>,
    EditorOnly(editor): EditorOnly,
    page: Page,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(fields): CsrfForm<Fields>,
) -> Result<Response, WebError> {
    let stored = calls::call_for(&state, Some(&editor), &id).await?;
    save_call(&state, &page, &editor, Some(stored), fields).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_paths_map_to_form_fields() {
        let rows = [0, 2, 5];
        assert_eq!(form_field("working_points[1].id", &rows), "point_id_2");
        assert_eq!(form_field("working_points[2].text.fr", &rows), "point_fr_5");
        assert_eq!(form_field("title.es", &rows), "title_es");
        assert_eq!(form_field("working_points", &rows), "points");
        assert_eq!(form_field("opens", &rows), "opens");
    }

    #[test]
    fn reads_a_call_form_skipping_empty_rows() {
        let fields: Fields = [
            ("id", "x-call"),
            ("title_en", "A call"),
            ("text_en", "Text"),
            ("opens", "2026-01-01"),
            ("status", "open"),
            ("point_id_0", "one"),
            ("point_en_0", "First point"),
            ("point_id_1", ""),
            ("point_en_1", ""),
            ("point_id_2", "two"),
            ("point_en_2", "Second point"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let (record, rows) = read_call(&fields, None);
        assert_eq!(rows, vec![0, 2]);
        assert_eq!(record.validate(), vec![]);
        assert_eq!(record.status, CallStatus::Open);
    }
}
