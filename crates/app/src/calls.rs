//! Calls to action: joining by e-mail (a request the requester confirms and an editor
//! verifies or rejects), signing in one step as a member of a verified organisation,
//! and saying which initiatives carry a signatory's commitments out.

use crate::credentials::client_key;
use crate::error::{AppError, Result};
use crate::mail::send_message;
use crate::policy::{self, Account};
use crate::App;
use praxis_domain::{CallRecord, FieldError, Lang, SignatureInput, SignatureRequest};
use praxis_store::{Confirmation, NewRequest, RequestStatus, Signatory, StoredCall, StoredRequest};

/// Requests accepted from one client address within an hour.
pub const REQUESTS_PER_HOUR: i64 = 5;

fn invalid(problems: Vec<FieldError>) -> AppError {
    AppError::from_field_errors("invalid_signature", problems)
}

/// A call that visitors may see; drafts are not found.
pub async fn public_call(app: &App, id: &str) -> Result<StoredCall> {
    app.store
        .call(id)
        .await?
        .filter(|c| c.record.status.is_public())
        .ok_or_else(|| AppError::NotFound(format!("no call {id:?}")))
}

/// A call as this viewer may see it: editors preview drafts, everyone else sees public
/// calls only.
pub async fn call_for(app: &App, viewer: Option<&Account>, id: &str) -> Result<StoredCall> {
    match app.store.call(id).await? {
        Some(call) if call.record.status.is_public() || viewer.is_some_and(policy::may_review) => Ok(call),
        _ => Err(AppError::NotFound(format!("no call {id:?}"))),
    }
}

/// The calls visitors may see.
pub async fn public_calls(app: &App) -> Result<Vec<StoredCall>> {
    Ok(app.store.calls(false).await?)
}

/// Every call, drafts too, for the editors' list.
pub async fn all_calls(app: &App, editor: &Account) -> Result<Vec<StoredCall>> {
    if !policy::may_review(editor) {
        return Err(AppError::Forbidden);
    }
    Ok(app.store.calls(true).await?)
}

/// The editors' desk: every call (drafts too) and the confirmed requests waiting for a
/// decision.
pub async fn desk(app: &App, editor: &Account) -> Result<(Vec<StoredCall>, Vec<StoredRequest>)> {
    let calls = all_calls(app, editor).await?;
    let waiting = app.store.requests(RequestStatus::Confirmed).await?;
    Ok((calls, waiting))
}

/// The signatories of a call the viewer was allowed to see ([`call_for`]).
pub async fn signatories(app: &App, call: &StoredCall) -> Result<Vec<Signatory>> {
    Ok(app.store.signatories(&call.record.id).await?)
}

/// Every signatory of every public call, with its call.
pub async fn public_signatories(app: &App) -> Result<Vec<(StoredCall, Signatory)>> {
    let mut out = Vec::new();
    for call in public_calls(app).await? {
        for signatory in app.store.signatories(&call.record.id).await? {
            out.push((call.clone(), signatory));
        }
    }
    Ok(out)
}

/// A public call and its register (signatories in the order they joined).
pub async fn register(app: &App, id: &str) -> Result<(StoredCall, Vec<Signatory>)> {
    let call = public_call(app, id).await?;
    let signatories = app.store.signatories(id).await?;
    Ok((call, signatories))
}

/// A signatory of a public call, with the version of the call it signed (its
/// commitments read in that text).
pub async fn signatory(app: &App, id: &str, slug: &str) -> Result<(StoredCall, Signatory, CallRecord)> {
    let call = public_call(app, id).await?;
    let signatory = app
        .store
        .signatory(id, slug)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("no signatory {slug:?} of call {id:?}")))?;
    let signed =
        app.store.call_version(id, signatory.call_version).await?.unwrap_or_else(|| call.record.clone());
    Ok((call, signatory, signed))
}

/// The request a confirmation link names, if any (to show what is being confirmed).
pub async fn request_to_confirm(app: &App, token: &str) -> Result<Option<StoredRequest>> {
    Ok(app.store.request_by_token(token).await?)
}

/// The requester follows the link sent to their address: the request becomes confirmed
/// (once; again says so) and waits for an editor. `None` for an unknown link.
pub async fn confirm(app: &App, token: &str) -> Result<Option<Confirmation>> {
    Ok(app.store.confirm_request(token).await?)
}

fn today() -> String {
    jiff::Timestamp::now().strftime("%Y-%m-%d").to_string()
}

fn closed() -> AppError {
    AppError::Conflict { code: "call_closed", message: "this call does not take signatures now".into() }
}

/// Someone asks to sign for their institution: the request is stored unconfirmed and a
/// confirmation link goes to the address given, in the requester's language.
/// Throttled per client address (`TooMany`).
pub async fn join(
    app: &App,
    call: &str,
    input: &SignatureInput,
    lang: Lang,
    client: &str,
) -> Result<NewRequest> {
    let stored = public_call(app, call).await?;
    if !stored.record.accepts_signatures(&today()) {
        return Err(closed());
    }
    let request = SignatureRequest::parse(input, &stored.record, lang).map_err(invalid)?;
    let client = client_key("calls-throttle", client);
    let subject = format!("calls-join:{client}");
    if app.store.hits(&subject, 3600).await? >= REQUESTS_PER_HOUR {
        return Err(AppError::TooMany);
    }
    app.store.hit(&subject).await?;
    let new = app.store.request_signature(call, &request, &client).await?;
    let link = format!("{}/{}/calls/confirm/{}", app.public_url, lang.code(), new.token);
    let args = [
        ("name", request.representative_name.clone()),
        ("institution", request.institution.clone()),
        ("call", stored.record.title_in(lang).to_string()),
        ("link", link),
    ];
    // The request is stored; if no mail arrives the person can send the form again.
    send_message(app, lang, &request.email, "calls-mail-confirm-subject", "calls-mail-confirm-text", &args)
        .await;
    Ok(new)
}

/// A verified member signs for their organisation (named by slug): no e-mail round
/// trip, no review.
pub async fn sign_as_member(
    app: &App,
    account: &Account,
    call: &str,
    organisation: &str,
    mut input: SignatureInput,
    lang: Lang,
) -> Result<Signatory> {
    let stored = public_call(app, call).await?;
    let Some(membership) = account.organisations.iter().find(|m| m.slug == organisation) else {
        return Err(AppError::Forbidden);
    };
    if !stored.record.accepts_signatures(&today()) {
        return Err(closed());
    }
    input.institution = membership.name.clone();
    input.representative_name = account.name.clone();
    input.representative_role = "member".into();
    input.email = account.email.clone();
    let request = SignatureRequest::parse(&input, &stored.record, lang).map_err(invalid)?;
    let signatory = app
        .store
        .sign_directly(call, &request, Some(membership.organisation_id), None, &account.email)
        .await?;
    app.catalogue.catch_up(&app.store).await?;
    Ok(signatory)
}

/// Says which published initiatives carry a signatory's commitments out. Ids (or pasted
/// addresses, whose last segment is the id) that name no published initiative are
/// refused, listed in the `initiatives` field's message, and nothing is changed.
pub async fn link_initiatives(
    app: &App,
    account: &Account,
    call: &str,
    slug: &str,
    typed: &str,
) -> Result<Vec<String>> {
    public_call(app, call).await?;
    let signatory = app
        .store
        .signatory(call, slug)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("no signatory {slug:?}")))?;
    if !policy::may_link_initiatives(Some(account), signatory.organisation_id) {
        return Err(AppError::Forbidden);
    }
    let mut wanted: Vec<String> = Vec::new();
    for token in typed.split(|c: char| c.is_whitespace() || c == ',') {
        let token = token.trim().trim_end_matches('/').rsplit('/').next().unwrap_or("").to_string();
        if !token.is_empty() && !wanted.contains(&token) {
            wanted.push(token);
        }
    }
    let found: Vec<String> =
        app.store.published_initiatives(&wanted).await?.into_iter().map(|s| s.record.id).collect();
    let unknown: Vec<&str> = wanted.iter().filter(|w| !found.contains(w)).map(String::as_str).collect();
    if !unknown.is_empty() {
        return Err(AppError::invalid_field("initiatives", "unknown_initiatives", &unknown.join(" ")));
    }
    app.store.set_signatory_initiatives(call, slug, &wanted).await?;
    app.catalogue.catch_up(&app.store).await?;
    Ok(wanted)
}

/// A confirmed request, waiting for an editor.
async fn confirmed_request(app: &App, id: i64) -> Result<StoredRequest> {
    app.store
        .request(id)
        .await?
        .filter(|r| r.status == RequestStatus::Confirmed)
        .ok_or_else(|| AppError::NotFound(format!("no confirmed request {id}")))
}

/// An editor verifies a confirmed request: the institution joins the public register (or
/// its earlier entry gains the working points), and the requester is told.
pub async fn verify(app: &App, editor: &Account, id: i64) -> Result<Signatory> {
    if !policy::may_review(editor) {
        return Err(AppError::Forbidden);
    }
    let request = confirmed_request(app, id).await?;
    let signatory = app.store.verify_request(id, &editor.email).await?;
    app.catalogue.catch_up(&app.store).await?;
    app.store
        .audit(&editor.user, "call.verify", "signature_request", &id.to_string(), &signatory.name)
        .await?;
    let lang = request.request.language;
    let link = format!(
        "{}/{}/calls/{}/signatories/{}",
        app.public_url,
        lang.code(),
        request.call_id,
        signatory.slug
    );
    decision_mail(app, &request, "calls-mail-verified", link, "").await;
    Ok(signatory)
}

/// An editor rejects a confirmed request with a reason the requester is sent.
pub async fn reject(app: &App, editor: &Account, id: i64, reason: &str) -> Result<()> {
    if !policy::may_review(editor) {
        return Err(AppError::Forbidden);
    }
    let request = confirmed_request(app, id).await?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AppError::invalid_field("reason", "reason_required", "say why, for the requester"));
    }
    if reason.chars().count() > praxis_domain::call::REASON_MAX {
        return Err(AppError::invalid_field("reason", "too_long", "the reason is too long"));
    }
    app.store.reject_request(id, &editor.email, reason).await?;
    app.store.audit(&editor.user, "call.reject", "signature_request", &id.to_string(), reason).await?;
    decision_mail(app, &request, "calls-mail-rejected", String::new(), reason).await;
    Ok(())
}

async fn decision_mail(app: &App, r: &StoredRequest, key: &str, link: String, reason: &str) {
    let lang = r.request.language;
    let call_title = match app.store.call(&r.call_id).await {
        Ok(Some(call)) => call.record.title_in(lang).to_string(),
        _ => r.call_id.clone(),
    };
    let args = [
        ("name", r.request.representative_name.clone()),
        ("institution", r.request.institution.clone()),
        ("call", call_title),
        ("link", link),
        ("reason", reason.to_string()),
    ];
    send_message(app, lang, &r.request.email, &format!("{key}-subject"), &format!("{key}-text"), &args).await;
}

/// An editor writes a call (a new version is kept), audited. Every problem is refused
/// by field, with `duplicate` on `id` when a new call takes an id in use.
pub async fn save_call(
    app: &App,
    editor: &Account,
    record: &praxis_domain::CallRecord,
    new: bool,
) -> Result<()> {
    if !policy::may_review(editor) {
        return Err(AppError::Forbidden);
    }
    let mut problems = record.validate();
    if new && problems.iter().all(|e| e.field != "id") && app.store.call(&record.id).await?.is_some() {
        problems.push(FieldError {
            field: "id".into(),
            code: "duplicate",
            message: "a call with this id exists".into(),
        });
    }
    if !problems.is_empty() {
        return Err(invalid(problems));
    }
    app.store.save_call(record, &editor.email).await?;
    app.catalogue.catch_up(&app.store).await?;
    let detail = if new { "created" } else { "updated" };
    app.store.audit(&editor.user, "call.save", "call", &record.id, detail).await?;
    Ok(())
}
