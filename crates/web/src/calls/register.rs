//! Calls to action: the call in each language, the join form and its e-mail
//! confirmation, the public register (count, filters, map, chart, list), a page and a
//! badge per signatory, open data (JSON, CSV, Atom) and the editors' pages.
//!
//! Every public view of the register is derived from one read, [`Store::signatories`],
//! filtered in one place ([`RegisterFilter::apply`]), so the count, list, map, CSV and
//! feed cannot disagree.

use super::shared::{t_args, today, CSS_PATH, WORLD_PATH};
use super::svg::{self as calls_svg, Bar, Dot};
use crate::error::{api_error, WebError};
use crate::page::{page_lang, Page};
use crate::routes::Routes;
use crate::view::{Card, Chrome};
use crate::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use praxis_app::{calls, initiatives};
use praxis_domain::text::escape_markup as xml;
use praxis_domain::{CallRecord, Lang, Multilingual, SignatoryType};
use praxis_store::{Signatory, StoredCall};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

pub fn router() -> Routes {
    Routes::new()
        .get("/{lang}/calls", list)
        .get("/{lang}/calls/{call}", call_page)
        .get("/{lang}/calls/{call}/signatories", register)
        .get("/{lang}/calls/{call}/signatories/{slug}", signatory_page)
        .get("/{lang}/calls/{call}/signatories/{slug}/badge.svg", badge)
        .get("/{lang}/calls/{call}/feed.atom", feed)
        .get("/api/v1/calls", api_calls)
        .get("/api/v1/calls/{id}/signatories", api_signatories)
}

/// What a call shows in lists and headings, in the reader's language.
pub struct CallView {
    pub href: String,
    pub title: String,
    pub lang: Lang,
    pub status: String,
    pub dates: String,
    pub count: usize,
    pub accepts: bool,
}

impl CallView {
    fn new(c: &Chrome, stored: &StoredCall) -> CallView {
        let r = &stored.record;
        let dates = match &r.closes {
            Some(closes) => {
                t_args(c, "calls-dates-closing", &[("opens", c.date(&r.opens)), ("closes", c.date(closes))])
            }
            None => t_args(c, "calls-dates-open", &[("opens", c.date(&r.opens))]),
        };
        CallView {
            href: c.url(&format!("/calls/{}", r.id)),
            title: r.title_in(c.lang).to_string(),
            lang: r.reading_language(c.lang),
            status: c.t(&format!("calls-status-{}", r.status.id())),
            dates,
            count: usize::try_from(stored.signatories).unwrap_or(0),
            accepts: r.accepts_signatures(&today()),
        }
    }
}

#[derive(Template)]
#[template(path = "calls/list.html")]
struct ListPage {
    c: Chrome,
    calls: Vec<CallView>,
}

async fn list(State(state): State<AppState>, page: Page) -> Result<Html<String>, WebError> {
    let c = page.chrome_t("/calls", "calls-title").with_nav("calls");
    let calls = calls::public_calls(&state).await?.iter().map(|s| CallView::new(&c, s)).collect();
    Ok(Html(ListPage { c, calls }.render()?))
}

pub struct PointView {
    pub id: String,
    pub text: String,
    pub lang: Lang,
    /// Signatories committed to it.
    pub count: usize,
}

fn points(c: &Chrome, call: &CallRecord, signatories: &[Signatory]) -> Vec<PointView> {
    let lang = call.reading_language(c.lang);
    call.working_points
        .iter()
        .map(|p| PointView {
            id: p.id.clone(),
            text: p.text.get(lang).unwrap_or_else(|| p.text_in(lang)).to_string(),
            lang,
            count: signatories.iter().filter(|s| s.working_points.contains(&p.id)).count(),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "calls/call.html")]
struct CallPage {
    c: Chrome,
    call: CallView,
    text_html: String,
    points: Vec<PointView>,
    latest: Vec<SignatoryView>,
    version: i64,
    css: &'static str,
}

async fn call_page(
    State(state): State<AppState>,
    page: Page,
    Path((_, id)): Path<(String, String)>,
) -> Result<Html<String>, WebError> {
    let (lang, viewer) = (page.lang, &page.viewer);
    // Editors preview drafts here before publishing them.
    let stored = calls::call_for(&state, viewer.account.as_ref(), &id).await?;
    let c = page
        .chrome(&format!("/calls/{id}"), stored.record.title_in(lang).to_string())
        .with_nav("calls")
        .with_description(stored.record.text_in(lang));
    let signatories = calls::signatories(&state, &stored).await?;
    let call = CallView::new(&c, &stored);
    let page = CallPage {
        text_html: crate::markdown::render(stored.record.text_in(lang)),
        points: points(&c, &stored.record, &signatories),
        latest: signatories.iter().rev().take(6).map(|s| SignatoryView::new(&c, &stored.record, s)).collect(),
        version: stored.version,
        call,
        c,
        css: CSS_PATH.as_str(),
    };
    Ok(Html(page.render()?))
}

/// The register's filters, from the query string. Unknown values match nothing rather
/// than being ignored, so a shared link never shows more than it says.
#[derive(Debug, Default, Deserialize)]
pub struct RegisterFilter {
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub point: Option<String>,
}

impl RegisterFilter {
    fn norm(value: &Option<String>) -> Option<&str> {
        value.as_deref().map(str::trim).filter(|v| !v.is_empty())
    }

    pub fn apply<'a>(&self, all: &'a [Signatory]) -> Vec<&'a Signatory> {
        all.iter()
            .filter(|s| Self::norm(&self.kind).is_none_or(|k| s.kind.id() == k))
            .filter(|s| Self::norm(&self.country).is_none_or(|k| s.country == k))
            .filter(|s| Self::norm(&self.point).is_none_or(|p| s.working_points.iter().any(|w| w == p)))
            .collect()
    }

    fn active(&self) -> bool {
        Self::norm(&self.kind).is_some()
            || Self::norm(&self.country).is_some()
            || Self::norm(&self.point).is_some()
    }
}

pub struct SignatoryView {
    pub href: String,
    pub name: String,
    pub kind: String,
    pub city: String,
    pub country: String,
    pub joined: String,
    pub joined_iso: String,
    pub points: Vec<String>,
}

impl SignatoryView {
    fn new(c: &Chrome, call: &CallRecord, s: &Signatory) -> SignatoryView {
        let lang = call.reading_language(c.lang);
        SignatoryView {
            href: c.url(&format!("/calls/{}/signatories/{}", call.id, s.slug)),
            name: s.name.clone(),
            kind: c.t(&s.kind.label_key()),
            city: s.city.clone(),
            country: c.t(&format!("country-{}", s.country)),
            joined: c.date(&s.joined),
            joined_iso: s.joined.clone(),
            points: s
                .working_points
                .iter()
                .map(|p| call.working_point(p).map(|w| short(w.text_in(lang))).unwrap_or_else(|| p.clone()))
                .collect(),
        }
    }
}

/// The part of a working point's text before its colon ("Green: cut…" → "Green").
fn short(text: &str) -> String {
    match text.split_once(':') {
        Some((head, _)) if head.chars().count() <= 40 => head.trim().to_string(),
        _ => text.to_string(),
    }
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct ChartRow {
    pub period: String,
    pub added: usize,
    pub total: usize,
}

#[derive(Template)]
#[template(path = "calls/register.html")]
struct RegisterPage {
    c: Chrome,
    call: CallView,
    total: usize,
    shown: usize,
    filtered: bool,
    types: Vec<Choice>,
    countries: Vec<Choice>,
    points: Vec<Choice>,
    map_svg: String,
    chart_svg: String,
    chart_rows: Vec<ChartRow>,
    rows: Vec<SignatoryView>,
    csv_href: String,
    json_href: String,
    feed_href: String,
    css: &'static str,
}

/// Signatures per month from the first to the last, with running totals.
fn per_month(signatories: &[&Signatory]) -> Vec<ChartRow> {
    let mut months: BTreeMap<String, usize> = BTreeMap::new();
    for s in signatories {
        *months.entry(s.joined.get(..7).unwrap_or("").to_string()).or_default() += 1;
    }
    let (Some(first), Some(last)) = (months.keys().next().cloned(), months.keys().last().cloned()) else {
        return Vec::new();
    };
    let parse =
        |m: &str| -> Option<(i32, u32)> { Some((m.get(..4)?.parse().ok()?, m.get(5..7)?.parse().ok()?)) };
    let (Some((mut y, mut m)), Some(end)) = (parse(&first), parse(&last)) else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    let mut total = 0;
    while (y, m) <= end && rows.len() < 240 {
        let key = format!("{y:04}-{m:02}");
        let added = months.get(&key).copied().unwrap_or(0);
        total += added;
        rows.push(ChartRow { period: key, added, total });
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    rows
}

async fn register(
    State(state): State<AppState>,
    page: Page,
    Path((_, id)): Path<(String, String)>,
    Query(filter): Query<RegisterFilter>,
) -> Result<Html<String>, WebError> {
    let lang = page.lang;
    let (stored, all) = calls::register(&state, &id).await?;
    let title = state.i18n.t_args(
        lang,
        "calls-register-title",
        &[("call", stored.record.title_in(lang).to_string().into())],
    );
    let c = page.chrome(&format!("/calls/{id}/signatories"), title).with_nav("calls");
    let shown = filter.apply(&all);
    let call_lang = stored.record.reading_language(lang);

    let mut types: Vec<Choice> = SignatoryType::ALL
        .iter()
        .filter(|t| all.iter().any(|s| s.kind == **t))
        .map(|t| Choice {
            value: t.id().to_string(),
            label: c.t(&t.label_key()),
            selected: filter.kind.as_deref() == Some(t.id()),
        })
        .collect();
    types.insert(0, Choice { value: String::new(), label: c.t("calls-filter-any"), selected: false });
    let present: BTreeSet<&str> = all.iter().map(|s| s.country.as_str()).collect();
    let mut countries: Vec<Choice> = present
        .iter()
        .map(|code| Choice {
            value: code.to_string(),
            label: c.t(&format!("country-{code}")),
            selected: filter.country.as_deref() == Some(*code),
        })
        .collect();
    countries.sort_by_cached_key(|ch| praxis_domain::text::fold(&ch.label));
    countries.insert(0, Choice { value: String::new(), label: c.t("calls-filter-any"), selected: false });
    let mut point_choices: Vec<Choice> = stored
        .record
        .working_points
        .iter()
        .map(|p| Choice {
            value: p.id.clone(),
            label: short(p.text_in(call_lang)),
            selected: filter.point.as_deref() == Some(p.id.as_str()),
        })
        .collect();
    point_choices.insert(0, Choice { value: String::new(), label: c.t("calls-filter-any"), selected: false });

    let dots: Vec<Dot> = shown
        .iter()
        .filter_map(|s| {
            Some(Dot {
                lon: s.longitude?,
                lat: s.latitude?,
                label: format!("{} — {}, {}", s.name, s.city, c.t(&format!("country-{}", s.country))),
            })
        })
        .collect();
    let on_map = dots.len();
    let map_svg = calls_svg::map(
        WORLD_PATH.as_str(),
        &dots,
        &c.t("calls-map-title"),
        &state.i18n.t_args(
            lang,
            "calls-map-description",
            &[("count", (on_map as f64).into()), ("total", (shown.len() as f64).into())],
        ),
    );
    let chart_rows = per_month(&shown);
    let bars: Vec<Bar> = chart_rows.iter().map(|r| Bar { label: r.period.clone(), total: r.total }).collect();
    let chart_svg = calls_svg::chart(&bars, &c.t("calls-chart-title"));
    let page = RegisterPage {
        call: CallView::new(&c, &stored),
        total: all.len(),
        shown: shown.len(),
        filtered: filter.active(),
        types,
        countries,
        points: point_choices,
        map_svg,
        chart_svg,
        chart_rows,
        rows: shown.iter().map(|s| SignatoryView::new(&c, &stored.record, s)).collect(),
        csv_href: format!("/api/v1/calls/{id}/signatories?format=csv"),
        json_href: format!("/api/v1/calls/{id}/signatories"),
        feed_href: c.url(&format!("/calls/{id}/feed.atom")),
        css: CSS_PATH.as_str(),
        c,
    };
    Ok(Html(page.render()?))
}

pub struct Commitment {
    pub text: String,
    pub lang: Lang,
}

#[derive(Template)]
#[template(path = "calls/signatory.html")]
struct SignatoryPage {
    c: Chrome,
    call: CallView,
    s: SignatoryView,
    place: String,
    commitments: Vec<Commitment>,
    version: i64,
    current_version: i64,
    cards: Vec<Card>,
    badge_href: String,
    badge_snippet: String,
    /// The linking form, for editors and members of the signing organisation.
    link_form: Option<LinkForm>,
    css: &'static str,
}

pub struct LinkForm {
    pub action: String,
    /// The signatory's page, where the search for initiatives to link goes.
    pub page: String,
    /// The words searched for.
    pub find: String,
    /// The initiatives linked now (ticked), then those the search found (not ticked).
    pub options: Vec<LinkOption>,
    /// A search was made and found nothing not linked already.
    pub found_none: bool,
    /// Addresses or identifiers pasted (kept when some were unknown).
    pub pasted: String,
    pub error: Option<String>,
}

pub struct LinkOption {
    pub id: String,
    pub title: String,
    pub lang: Lang,
    pub place: String,
    pub checked: bool,
}

/// What the linking form offers: the initiatives linked now, then up to ten published
/// initiatives matching `find` in the reader's language.
async fn link_options(
    state: &AppState,
    c: &Chrome,
    linked: &[String],
    find: &str,
) -> Result<(Vec<LinkOption>, bool), WebError> {
    let option = |s: &praxis_store::StoredInitiative, checked: bool| {
        let (lang, title) = s.record.title_in(c.lang);
        LinkOption {
            id: s.record.id.clone(),
            title: title.to_string(),
            lang,
            place: format!("{}, {}", s.record.city, c.t(&format!("country-{}", s.record.country))),
            checked,
        }
    };
    let mut options: Vec<LinkOption> =
        initiatives::published(state, linked).await?.iter().map(|s| option(s, true)).collect();
    if find.trim().is_empty() || praxis_app::search::query_problem(find).is_some() {
        return Ok((options, false));
    }
    let query = praxis_search::Query {
        lang: c.lang,
        text: find.to_string(),
        filters: Default::default(),
        sort: praxis_search::Sort::Relevance,
        offset: 0,
        limit: 10,
    };
    let found = praxis_app::search::search(&state.catalogue, query).await;
    let ids: Vec<String> =
        found.results.hits.iter().map(|h| h.id.clone()).filter(|id| !linked.contains(id)).collect();
    let more: Vec<LinkOption> =
        initiatives::published(state, &ids).await?.iter().map(|s| option(s, false)).collect();
    let none = more.is_empty();
    options.extend(more);
    Ok((options, none))
}

#[derive(Debug, Default, Deserialize)]
pub struct LinkQuery {
    #[serde(default)]
    unknown: Option<String>,
    #[serde(default)]
    typed: Option<String>,
    /// Words to find initiatives to link.
    #[serde(default)]
    find: Option<String>,
}

async fn signatory_page(
    State(state): State<AppState>,
    page: Page,
    Path((_, id, slug)): Path<(String, String, String)>,
    Query(link): Query<LinkQuery>,
) -> Result<Html<String>, WebError> {
    let (lang, viewer) = (page.lang, &page.viewer);
    let (stored, signatory, signed) = calls::signatory(&state, &id, &slug).await?;
    let c = page.chrome(&format!("/calls/{id}/signatories/{slug}"), signatory.name.clone()).with_nav("calls");
    // Commitments read in the version of the call that the signatory signed.
    let signed_lang = signed.reading_language(lang);
    let commitments = signatory
        .working_points
        .iter()
        .filter_map(|p| signed.working_point(p).or_else(|| stored.record.working_point(p)))
        .map(|w| Commitment { text: w.text_in(signed_lang).to_string(), lang: signed_lang })
        .collect();
    let cards = initiatives::published(&state, &signatory.initiatives)
        .await?
        .iter()
        .map(|s| Card::new(&c, s))
        .collect();
    let badge_href = c.url(&format!("/calls/{id}/signatories/{slug}/badge.svg"));
    let base = base_url(&state);
    let badge_snippet = format!(
        r#"<a href="{base}{page}"><img src="{base}{badge_href}" width="320" height="64" alt="{alt}"></a>"#,
        page = c.url(&format!("/calls/{id}/signatories/{slug}")),
        alt = xml(&format!("{}: {}", c.t("calls-badge-heading"), signatory.name)),
    );
    let link_form =
        if praxis_app::policy::may_link_initiatives(viewer.account.as_ref(), signatory.organisation_id) {
            let find = link.find.clone().unwrap_or_default();
            let (options, found_none) = link_options(&state, &c, &signatory.initiatives, &find).await?;
            Some(LinkForm {
                action: c.url(&format!("/calls/{id}/signatories/{slug}/initiatives")),
                page: c.url(&format!("/calls/{id}/signatories/{slug}")),
                find,
                options,
                found_none,
                pasted: link.typed.clone().unwrap_or_default(),
                error: link.unknown.as_ref().map(|u| t_args(&c, "calls-link-unknown", &[("ids", u.clone())])),
            })
        } else {
            None
        };
    let page = SignatoryPage {
        link_form,
        call: CallView::new(&c, &stored),
        s: SignatoryView::new(&c, &stored.record, &signatory),
        place: format!("{}, {}", signatory.city, c.t(&format!("country-{}", signatory.country))),
        commitments,
        version: signatory.call_version,
        current_version: stored.version,
        cards,
        badge_href,
        badge_snippet,
        css: CSS_PATH.as_str(),
        c,
    };
    Ok(Html(page.render()?))
}

async fn badge(
    State(state): State<AppState>,
    Path((lang, id, slug)): Path<(String, String, String)>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let (_, signatory, _) = calls::signatory(&state, &id, &slug).await?;
    let svg = calls_svg::badge(&state.i18n.t(lang, "calls-badge-heading"), &signatory.name, lang.code());
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        ],
        svg,
    )
        .into_response())
}

/// The site's address for links in feeds and embed snippets: the configured public
/// URL (never the request's `Host`, which a client chooses).
fn base_url(state: &AppState) -> String {
    state.public_url.clone()
}

/// New signatories of a call, newest first, as Atom.
async fn feed(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    let (stored, mut signatories) = calls::register(&state, &id).await?;
    signatories.reverse();
    let base = base_url(&state);
    let call_lang = stored.record.reading_language(lang);
    let title = state.i18n.t_args(
        lang,
        "calls-feed-title",
        &[("call", stored.record.title_in(lang).to_string().into())],
    );
    let updated =
        signatories.iter().map(|s| s.updated_at.as_str()).max().unwrap_or(&stored.updated_at).to_string();
    let mut out = String::new();
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="utf-8"?>"#);
    let _ = writeln!(out, r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">"#);
    let _ = writeln!(out, r#"  <title xml:lang="{call_lang}">{}</title>"#, xml(&title));
    let _ = writeln!(out, "  <id>{base}/{lang}/calls/{id}/feed.atom</id>");
    let _ = writeln!(out, r#"  <link rel="self" href="{base}/{lang}/calls/{id}/feed.atom"/>"#);
    let _ = writeln!(
        out,
        r#"  <link rel="alternate" type="text/html" href="{base}/{lang}/calls/{id}/signatories"/>"#
    );
    let _ = writeln!(out, "  <updated>{}</updated>", xml(&updated));
    for s in &signatories {
        let href = format!("{base}/{lang}/calls/{id}/signatories/{}", s.slug);
        let summary = state.i18n.t_args(
            lang,
            "calls-feed-entry",
            &[
                ("name", s.name.clone().into()),
                ("type", state.i18n.t(lang, &s.kind.label_key()).into()),
                (
                    "place",
                    format!("{}, {}", s.city, state.i18n.t(lang, &format!("country-{}", s.country))).into(),
                ),
            ],
        );
        let _ = writeln!(out, "  <entry>");
        let _ = writeln!(out, "    <id>{}</id>", xml(&href));
        let _ = writeln!(out, "    <title>{}</title>", xml(&s.name));
        let _ = writeln!(out, r#"    <link rel="alternate" type="text/html" href="{}"/>"#, xml(&href));
        let _ = writeln!(out, "    <published>{}T00:00:00Z</published>", xml(&s.joined));
        let _ = writeln!(out, "    <updated>{}</updated>", xml(&s.updated_at));
        let _ = writeln!(out, "    <author><name>{}</name></author>", xml(&s.name));
        for p in &s.working_points {
            let _ = writeln!(out, r#"    <category term="{}"/>"#, xml(p));
        }
        let _ = writeln!(out, "    <summary>{}</summary>", xml(&summary));
        let _ = writeln!(out, "  </entry>");
    }
    out.push_str("</feed>\n");
    Ok(([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], out).into_response())
}

// --- Open data ------------------------------------------------------------------------

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiWorkingPoint {
    id: String,
    text: Multilingual,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiCall {
    /// The call's stable id, as in its URL.
    id: String,
    title: Multilingual,
    working_points: Vec<ApiWorkingPoint>,
    /// Verified signatories.
    signatories: usize,
}

/// The public calls to action.
#[utoipa::path(get, path = "/api/v1/calls", tag = "calls", responses((status = 200, body = Vec<ApiCall>)))]
pub async fn api_calls(State(state): State<AppState>) -> Result<Json<Vec<ApiCall>>, WebError> {
    let calls = calls::public_calls(&state).await?;
    Ok(Json(
        calls
            .into_iter()
            .map(|c| ApiCall {
                id: c.record.id,
                title: c.record.title,
                working_points: c
                    .record
                    .working_points
                    .into_iter()
                    .map(|p| ApiWorkingPoint { id: p.id, text: p.text })
                    .collect(),
                signatories: usize::try_from(c.signatories).unwrap_or(0),
            })
            .collect(),
    ))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiSignatory {
    name: String,
    /// local-government, metropolitan-government, regional-government, public-institution, organisation, network
    #[serde(rename = "type")]
    kind: String,
    city: String,
    /// ISO 3166-1 alpha-2.
    country: String,
    /// `YYYY-MM-DD`, the day the signature was verified.
    joined: String,
    /// Ids of the working points it committed to.
    working_points: Vec<String>,
}

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // documents the parameter; the handler reads the raw query
pub struct SignatoriesParams {
    /// `csv` for CSV; JSON otherwise.
    format: Option<String>,
}

/// The public register of one call: verified signatories in the order they joined.
#[utoipa::path(get, path = "/api/v1/calls/{id}/signatories", tag = "calls",
    params(("id" = String, Path, description = "the call's id"), SignatoriesParams),
    responses(
        (status = 200, description = "JSON, or CSV with `?format=csv`", content(
            (Vec<ApiSignatory> = "application/json"),
            (String = "text/csv")
        )),
        (status = 400, body = crate::error::ErrorBody, description = "`format` is neither json nor csv"),
        (status = 404, body = crate::error::ErrorBody)
    ))]
pub async fn api_signatories(
    State(state): State<AppState>,
    Path(id): Path<String>,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
) -> Result<Response, WebError> {
    // Read by hand, so that a repeated or odd parameter gets the API's JSON error.
    let mut format = None;
    for (key, value) in form_urlencoded::parse(raw.as_deref().unwrap_or("").as_bytes()) {
        if key == "format" {
            format = Some(value.into_owned());
        }
    }
    let (_, signatories) = calls::register(&state, &id).await?;
    let rows: Vec<ApiSignatory> = signatories
        .into_iter()
        .map(|s| ApiSignatory {
            name: s.name,
            kind: s.kind.id().to_string(),
            city: s.city,
            country: s.country,
            joined: s.joined,
            working_points: s.working_points,
        })
        .collect();
    match format.as_deref() {
        None | Some("json") => Ok(Json(rows).into_response()),
        Some("csv") => {
            let out = crate::csv::table(
                &["name", "type", "city", "country", "joined", "working_points"],
                rows.iter().map(|r| {
                    vec![
                        r.name.clone(),
                        r.kind.clone(),
                        r.city.clone(),
                        r.country.clone(),
                        r.joined.clone(),
                        r.working_points.join(" "),
                    ]
                }),
            );
            Ok((
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                    (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{id}-signatories.csv\"")),
                ],
                out,
            )
                .into_response())
        }
        Some(other) => Ok(api_error(
            StatusCode::BAD_REQUEST,
            "invalid_format",
            &format!("unknown format {other:?}: use csv or json"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_call_code_and_type_is_translated() {
        let i18n = praxis_app::i18n::I18n::load();
        let mut keys: Vec<String> =
            praxis_domain::call::ERROR_CODES.iter().map(|c| format!("error-{c}")).collect();
        keys.extend(SignatoryType::ALL.iter().map(|t| t.label_key()));
        keys.extend(praxis_domain::CallStatus::ALL.iter().map(|s| format!("calls-status-{}", s.id())));
        for &lang in Lang::all() {
            for key in &keys {
                assert!(i18n.has(lang, key), "{lang} lacks {key}");
            }
        }
    }

    #[test]
    fn short_labels_stop_at_the_colon() {
        assert_eq!(short("Green: cut emissions"), "Green");
        assert_eq!(short("No colon here"), "No colon here");
    }
}
