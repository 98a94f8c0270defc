//! The catalogue (`/{lang}/initiatives`) and the initiative page.

use crate::error::WebError;
use crate::markdown;
use crate::page::Page;
use crate::routes::Routes;
use crate::view::{Card, Chrome};
use crate::AppState;
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::response::Html;
use praxis_domain::country::is_country_code;
use praxis_domain::{Aim, Kind, Lang, Level, Link, Theme, Vocabulary};
use praxis_search::{Facet, FacetCounts, Filters, Query, Sort, FACETS};

pub const PAGE_SIZE: usize = 20;

pub fn router() -> Routes {
    Routes::new().get("/{lang}/initiatives", catalogue).get("/{lang}/initiatives/{id}", initiative)
}

/// The deepest a list of hits can be paged into.
pub const OFFSET_MAX: usize = 100_000;

/// Search and filter parameters, as the catalogue page and `/api/v1/search` take them.
#[derive(Debug, Default)]
pub struct SearchParams {
    pub q: String,
    pub lang: Option<Lang>,
    pub filters: Filters,
    pub sort: Option<Sort>,
    pub limit: Option<usize>,
    pub offset: Option<usize>,
    pub page: Option<usize>,
    /// Problems found: (snake_case code, message). Pages ignore bad values; the API refuses them.
    pub problems: Vec<(&'static str, String)>,
}

impl SearchParams {
    pub fn parse(raw: Option<&str>) -> SearchParams {
        let mut p = SearchParams::default();
        for (key, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
            let value = value.trim();
            match key.as_ref() {
                "q" => match praxis_app::search::query_problem(value) {
                    None => p.q = value.to_string(),
                    Some(problem) => p.problems.push(problem),
                },
                "lang" => match value.parse() {
                    Ok(l) => p.lang = Some(l),
                    Err(_) => p
                        .problems
                        .push(("invalid_lang", format!("lang={value:?}: use {}", Lang::codes_listed()))),
                },
                "sort" => match Sort::from_id(value) {
                    Some(s) => p.sort = Some(s),
                    None => p.problems.push((
                        "invalid_sort",
                        format!("sort={value:?}: use relevance, newest, oldest or title"),
                    )),
                },
                "limit" => match value.parse::<usize>() {
                    Ok(n) if (1..=100).contains(&n) => p.limit = Some(n),
                    _ => p.problems.push((
                        "invalid_limit",
                        format!("limit={value:?}: use a whole number from 1 to 100"),
                    )),
                },
                "offset" => match value.parse::<usize>() {
                    Ok(n) if n <= OFFSET_MAX => p.offset = Some(n),
                    _ => p.problems.push((
                        "invalid_offset",
                        format!("offset={value:?}: use a whole number from 0 to {OFFSET_MAX}"),
                    )),
                },
                "page" => match value.parse::<usize>() {
                    Ok(n) if n >= 1 => p.page = Some(n),
                    _ => p
                        .problems
                        .push(("invalid_page", format!("page={value:?}: use a whole number from 1"))),
                },
                "theme" => push_vocab(&mut p.filters.themes, &mut p.problems, "theme", value),
                "aim" => push_vocab(&mut p.filters.aims, &mut p.problems, "aim", value),
                "kind" => push_vocab(&mut p.filters.kinds, &mut p.problems, "kind", value),
                "level" => push_vocab(&mut p.filters.levels, &mut p.problems, "level", value),
                "country" => {
                    let code = value.to_ascii_uppercase();
                    if is_country_code(&code) {
                        if !p.filters.countries.contains(&code) {
                            p.filters.countries.push(code);
                        }
                    } else {
                        p.problems.push((
                            "invalid_filter",
                            format!("country={value:?}: use an ISO 3166-1 alpha-2 code such as FR"),
                        ));
                    }
                }
                "language" => match value.parse::<Lang>() {
                    Ok(l) if !p.filters.languages.contains(&l) => p.filters.languages.push(l),
                    Ok(_) => {}
                    Err(_) => p.problems.push((
                        "invalid_filter",
                        format!("language={value:?}: use {}", Lang::codes_listed()),
                    )),
                },
                "year" => match value.parse::<i32>() {
                    Ok(y) if (1900..=2200).contains(&y) => {
                        if !p.filters.years.contains(&y) {
                            p.filters.years.push(y)
                        }
                    }
                    _ => p
                        .problems
                        .push(("invalid_filter", format!("year={value:?}: use a year such as 2021"))),
                },
                _ => {}
            }
        }
        p
    }
}

fn push_vocab<T: Vocabulary>(
    into: &mut Vec<T>,
    problems: &mut Vec<(&'static str, String)>,
    name: &str,
    value: &str,
) {
    match T::from_id(value) {
        Some(v) if !into.contains(&v) => into.push(v),
        Some(_) => {}
        None => problems
            .push(("invalid_filter", format!("{name}={value:?} is unknown; use one of: {}", T::expected()))),
    }
}

pub struct FacetOption {
    pub value: String,
    pub label: String,
    pub count: usize,
    pub checked: bool,
}

pub struct FacetGroup {
    pub id: &'static str,
    pub legend: String,
    pub options: Vec<FacetOption>,
}

pub struct SortOption {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

/// A filter (or the words) in force, shown above the results with a link that removes it.
pub struct Chip {
    pub label: String,
    /// The same search without it.
    pub href: String,
    /// "Remove: …", for assistive technology.
    pub remove: String,
}

pub struct PageLink {
    pub label: String,
    pub href: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "initiatives/catalogue.html")]
struct CataloguePage {
    c: Chrome,
    /// Said when words were searched without the semantic layer.
    search_note: Option<String>,
    heading: String,
    total: usize,
    active: usize,
    chips: Vec<Chip>,
    script: &'static str,
    sorts: Vec<SortOption>,
    groups: Vec<FacetGroup>,
    cards: Vec<Card>,
    pages: Vec<PageLink>,
    prev: Option<String>,
    next: Option<String>,
}

fn facet_groups(c: &Chrome, facets: &FacetCounts, filters: &Filters) -> Vec<FacetGroup> {
    FACETS
        .iter()
        .map(|facet| {
            let counts = facets.get(*facet).cloned().unwrap_or_default();
            let checked = |v: &str| match facet {
                Facet::Theme => filters.themes.iter().any(|t| t.id() == v),
                Facet::Aim => filters.aims.iter().any(|t| t.id() == v),
                Facet::Kind => filters.kinds.iter().any(|t| t.id() == v),
                Facet::Level => filters.levels.iter().any(|t| t.id() == v),
                Facet::Country => filters.countries.iter().any(|t| t == v),
                Facet::Language => filters.languages.iter().any(|t| t.code() == v),
                Facet::Year => filters.years.iter().any(|t| t.to_string() == v),
            };
            let label = |v: &str| match facet {
                Facet::Theme => c.t(&format!("theme-{v}")),
                Facet::Aim => c.t(&format!("aim-{v}")),
                Facet::Kind => c.t(&format!("kind-{v}")),
                Facet::Level => c.t(&format!("level-{v}")),
                Facet::Country => c.t(&format!("country-{v}")),
                Facet::Language => c.t(&format!("lang-{v}")),
                Facet::Year => v.to_string(),
            };
            // Vocabularies keep their defined order; countries go alphabetically by their
            // name in the page's language; years newest first.
            let order: Vec<String> = match facet {
                Facet::Theme => Theme::ALL.iter().map(|v| v.id().to_string()).collect(),
                Facet::Aim => Aim::ALL.iter().map(|v| v.id().to_string()).collect(),
                Facet::Kind => Kind::ALL.iter().map(|v| v.id().to_string()).collect(),
                Facet::Level => Level::ALL.iter().map(|v| v.id().to_string()).collect(),
                Facet::Language => Lang::all().iter().map(|v| v.code().to_string()).collect(),
                Facet::Country => {
                    let mut codes: Vec<String> = counts.keys().cloned().collect();
                    codes.extend(filters.countries.iter().cloned());
                    codes.sort_by_cached_key(|code| praxis_domain::text::fold(&label(code)));
                    codes.dedup();
                    codes
                }
                Facet::Year => {
                    let mut years: Vec<String> = counts.keys().cloned().collect();
                    years.extend(filters.years.iter().map(|y| y.to_string()));
                    years.sort_by(|a, b| b.cmp(a));
                    years.dedup();
                    years
                }
            };
            let options = order
                .into_iter()
                .filter_map(|value| {
                    let count = counts.get(&value).copied().unwrap_or(0);
                    let is_checked = checked(&value);
                    // A value nobody has is noise, unless it is chosen (so it can be unchosen).
                    (count > 0 || is_checked).then(|| FacetOption {
                        label: label(&value),
                        count,
                        checked: is_checked,
                        value,
                    })
                })
                .collect();
            FacetGroup { id: facet.id(), legend: c.t(&format!("facet-{}", facet.id())), options }
        })
        .filter(|g| !g.options.is_empty())
        .collect()
}

/// The current search's address without one `key=value` pair (and back on page one).
fn without_href(c: &Chrome, raw: Option<&str>, key: &str, value: &str) -> String {
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    for (k, v) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        let removed = k == key && v.trim().eq_ignore_ascii_case(value);
        if k != "page" && !v.is_empty() && !removed {
            serializer.append_pair(&k, &v);
        }
    }
    let query = serializer.finish();
    if query.is_empty() {
        c.url("/initiatives")
    } else {
        c.url(&format!("/initiatives?{query}"))
    }
}

/// One chip per word search and per ticked filter, in the order of the filter groups.
fn chips(
    c: &Chrome,
    i18n: &praxis_app::i18n::I18n,
    raw: Option<&str>,
    q: &str,
    groups: &[FacetGroup],
) -> Vec<Chip> {
    let chip = |label: String, key: &str, value: &str| Chip {
        remove: i18n.t_args(c.lang, "filters-remove", &[("filter", label.clone().into())]),
        href: without_href(c, raw, key, value),
        label,
    };
    let mut chips = Vec::new();
    if !q.trim().is_empty() {
        chips.push(chip(i18n.t_args(c.lang, "quoted", &[("text", q.to_string().into())]), "q", q));
    }
    for group in groups {
        for option in group.options.iter().filter(|o| o.checked) {
            let label = i18n.t_args(
                c.lang,
                "filters-chip",
                &[("facet", group.legend.clone().into()), ("value", option.label.clone().into())],
            );
            chips.push(chip(label, group.id, &option.value));
        }
    }
    chips
}

/// The query string of the current search with `page` replaced.
fn page_href(c: &Chrome, raw: Option<&str>, page: usize) -> String {
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    for (k, v) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        if k != "page" && !v.is_empty() {
            serializer.append_pair(&k, &v);
        }
    }
    if page > 1 {
        serializer.append_pair("page", &page.to_string());
    }
    let query = serializer.finish();
    if query.is_empty() {
        c.url("/initiatives")
    } else {
        c.url(&format!("/initiatives?{query}"))
    }
}

fn page_links(c: &Chrome, raw: Option<&str>, current: usize, last: usize) -> Vec<PageLink> {
    let mut links = Vec::new();
    let mut gap = false;
    for n in 1..=last {
        if n == 1 || n == last || n.abs_diff(current) <= 2 {
            links.push(PageLink { label: n.to_string(), href: page_href(c, raw, n), current: n == current });
            gap = false;
        } else if !gap {
            links.push(PageLink { label: "…".into(), href: String::new(), current: false });
            gap = true;
        }
    }
    links
}

async fn catalogue(
    State(state): State<AppState>,
    page: Page,
    crate::auth::ClientIp(client): crate::auth::ClientIp,
    RawQuery(raw): RawQuery,
) -> Result<Html<String>, WebError> {
    let lang = page.lang;
    let params = SearchParams::parse(raw.as_deref());
    if !params.q.trim().is_empty() {
        praxis_app::search::admit(&state, &client, page.viewer.account.is_some())
            .map_err(|retry_after| WebError::SearchLimited { page: Some(lang), retry_after })?;
    }
    let path = match &raw {
        Some(q) if !q.is_empty() => format!("/initiatives?{q}"),
        _ => "/initiatives".to_string(),
    };
    let mut c = page.chrome_t(&path, "catalogue-title").with_nav("initiatives");
    c.q = params.q.clone();
    c.search_form = Some("catalogue");
    // Without words to match, "best match" means newest first: say so in the sort menu.
    let sort = match params.sort.unwrap_or_default() {
        Sort::Relevance if params.q.trim().is_empty() => Sort::Newest,
        sort => sort,
    };
    let page = params.page.unwrap_or(1);
    let found = praxis_app::search::search(
        &state.catalogue,
        Query {
            lang,
            text: params.q.clone(),
            filters: params.filters.clone(),
            sort,
            offset: (page - 1) * PAGE_SIZE,
            limit: PAGE_SIZE,
        },
    )
    .await;
    let results = found.results;
    let semantic_on = state.catalogue.semantic().is_some();
    let searched = !params.q.trim().is_empty();
    let glossary = praxis_search::concepts::Glossary::embedded();
    let concepts: Vec<String> = found
        .concepts
        .iter()
        .map(|m| {
            let label = glossary.concept(m.concept).labels(lang).first().cloned().unwrap_or_default();
            state.i18n.t_args(lang, "quoted", &[("text", label.into())])
        })
        .collect();
    let ids: Vec<String> = results.hits.iter().map(|h| h.id.clone()).collect();
    let cards = praxis_app::initiatives::published(&state, &ids)
        .await?
        .iter()
        .map(|s| {
            let mut card = Card::new(&c, s);
            if searched {
                card.summary_html =
                    Some(praxis_search::engine::highlight(&card.summary, card.summary_lang, &found.stems));
            }
            // Say why a result written in another language answers the search.
            if searched && card.language != lang {
                card.why = if !concepts.is_empty() {
                    Some(state.i18n.t_args(lang, "why-concepts", &[("concepts", concepts.join(", ").into())]))
                } else if semantic_on {
                    Some(c.t("why-meaning"))
                } else {
                    None
                };
            }
            card
        })
        .collect();
    let too_long = params.problems.iter().any(|(code, _)| *code == "query_too_long");
    let search_note = if too_long {
        Some(state.i18n.t_args(
            lang,
            "search-too-long",
            &[("max", (praxis_app::search::QUERY_MAX_CHARS as f64).into())],
        ))
    } else {
        (searched && !semantic_on).then(|| c.t("search-lexical-only"))
    };
    let last = results.total.div_ceil(PAGE_SIZE).max(1);
    let f = &params.filters;
    let active = f.themes.len()
        + f.aims.len()
        + f.kinds.len()
        + f.countries.len()
        + f.languages.len()
        + f.levels.len()
        + f.years.len();
    let heading = if params.q.is_empty() {
        c.t("catalogue-title")
    } else {
        state.i18n.t_args(lang, "catalogue-results-for", &[("query", params.q.clone().into())])
    };
    if page > 1 || !params.q.is_empty() || active > 0 {
        c.title = format!(
            "{heading} ({})",
            state.i18n.t_args(lang, "pagination-page", &[("page", page.into()), ("pages", last.into())])
        );
    }
    let sorts = Sort::ALL
        .iter()
        .map(|s| SortOption { value: s.id(), label: c.t(&format!("sort-{}", s.id())), selected: *s == sort })
        .collect();
    let groups = facet_groups(&c, &results.facets, &params.filters);
    let page_view = CataloguePage {
        search_note,
        heading,
        total: results.total,
        active,
        chips: chips(&c, &state.i18n, raw.as_deref(), &params.q, &groups),
        script: crate::assets::CATALOGUE_PATH.as_str(),
        sorts,
        groups,
        cards,
        pages: page_links(&c, raw.as_deref(), page, last),
        prev: (page > 1).then(|| page_href(&c, raw.as_deref(), page - 1)),
        next: (page < last).then(|| page_href(&c, raw.as_deref(), page + 1)),
        c,
    };
    Ok(Html(page_view.render()?))
}

pub struct VersionLink {
    pub code: &'static str,
    pub name: String,
    pub href: String,
    pub current: bool,
}

pub struct Tag {
    pub label: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "initiatives/initiative.html")]
struct InitiativePage {
    c: Chrome,
    id: String,
    title: String,
    summary: String,
    text_lang: Lang,
    body_html: String,
    body_lang: Lang,
    is_original: bool,
    original_href: String,
    language_name: String,
    versions: Vec<VersionLink>,
    place_name: String,
    place_href: String,
    country: String,
    organisation: Option<String>,
    level: Option<String>,
    kind: String,
    themes: Vec<Tag>,
    aims: Vec<Tag>,
    started: Option<String>,
    ended: Option<String>,
    partners: Vec<String>,
    links: Vec<Link>,
    /// The signed-in reader may edit it (an editor or a member of its organisation).
    can_edit: bool,
    reasons: Vec<(&'static str, String)>,
    reported: bool,
    /// Initiatives like this one, with why.
    similar: Vec<SimilarCard>,
    /// They were found without the model (shared concepts and themes only).
    similar_by_concepts: bool,
    /// The catalogue's initiatives by the same organisation.
    organisation_href: Option<String>,
    /// `YYYY-MM-DD` of the last published change.
    updated: String,
    /// Events that discussed it.
    events: Vec<LinkLine>,
    /// Signatories whose commitments it carries out.
    signatories: Vec<LinkLine>,
}

/// A link with a line of context after it.
struct LinkLine {
    href: String,
    text: String,
    context: String,
}

struct SimilarCard {
    href: String,
    title: String,
    title_lang: Lang,
    place: String,
    /// "Written in Spanish", when not in the reader's language.
    written_in: Option<String>,
    why: String,
}

async fn initiative(
    State(state): State<AppState>,
    page: Page,
    Path((_, id)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
) -> Result<Html<String>, WebError> {
    let lang = page.lang;
    let stored = praxis_app::initiatives::published_one(&state, &id).await?;
    let r = &stored.record;
    let available = r.available_languages();
    // Which version to show: the one asked for, else the reader's language, else the original.
    let asked = form_urlencoded::parse(raw.as_deref().unwrap_or("").as_bytes())
        .find(|(k, _)| k == "text")
        .and_then(|(_, v)| v.parse::<Lang>().ok());
    let text_lang = [asked, Some(lang), Some(r.language)]
        .into_iter()
        .flatten()
        .find(|l| available.contains(l))
        .unwrap_or(r.language);
    let title = r.title.get(text_lang).unwrap_or_default().to_string();
    let summary = r.summary.get(text_lang).unwrap_or_default().to_string();
    let (body_lang, body) = r.body.pick(text_lang, r.language).unwrap_or((text_lang, ""));
    let base = format!("/initiatives/{}", r.id);
    let path = match asked {
        Some(l) => format!("{base}?text={l}"),
        None => base.clone(),
    };
    let c = page.chrome(&path, title.clone()).with_nav("initiatives");
    let author = match &r.organisation {
        Some(name) => serde_json::json!({"@type": "Organization", "name": name,
            "address": {"@type": "PostalAddress", "addressLocality": stored.place.name, "addressCountry": r.country}}),
        None => serde_json::json!({"@type": "Place", "name": stored.place.name}),
    };
    let subject = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": title,
        "description": summary,
        "inLanguage": text_lang.code(),
        "url": c.canonical(),
        "dateModified": stored.updated_at,
        "author": author,
        "spatialCoverage": {"@type": "Place", "name": format!("{}, {}", stored.place.name, r.country)},
        "keywords": r.themes.iter().map(|t| c.t(&t.label_key())).collect::<Vec<_>>().join(", "),
    });
    let c = c.with_description(&summary).with_subject(subject);
    let can_edit = page.viewer.account.as_ref().is_some_and(|a| praxis_app::policy::may_write(a, r));
    // A neighbour list that cannot be made (the index not yet caught up) leaves the
    // section out rather than the page.
    let found = praxis_app::similar::similar(&state, &r.id, lang, 5).await.ok();
    let similar_by_concepts = found.as_ref().is_some_and(|f| !f.by_meaning);
    let similar = found
        .map(|f| f.hits)
        .unwrap_or_default()
        .into_iter()
        .map(|h| SimilarCard {
            href: c.url(&format!("/initiatives/{}", h.id)),
            title: h.title,
            title_lang: h.title_language,
            place: format!("{}, {}", h.city, c.t(&format!("country-{}", h.country))),
            written_in: (h.language != lang).then(|| {
                let language = c.t(&format!("lang-{}", h.language));
                c.i18n().t_args(lang, "similar-written-in", &[("language", language.into())])
            }),
            why: h.why,
        })
        .collect();
    let connections = praxis_app::initiatives::connections(&state, &r.id).await?;
    let events = connections
        .events
        .iter()
        .map(|e| LinkLine {
            href: c.url(&format!("/events/{}", e.record.id)),
            text: e.record.title_in(lang).1.to_string(),
            context: c.date(e.record.start.get(..10).unwrap_or("")),
        })
        .collect();
    let signatories = connections
        .signatories
        .iter()
        .map(|(call, s)| LinkLine {
            href: c.url(&format!("/calls/{}/signatories/{}", call.id, s.slug)),
            text: s.name.clone(),
            context: call.title_in(lang).to_string(),
        })
        .collect();
    let organisation_href = r.organisation.as_ref().map(|o| {
        let q: String = form_urlencoded::byte_serialize(o.as_bytes()).collect();
        c.url(&format!("/initiatives?q={q}"))
    });
    let reported =
        form_urlencoded::parse(raw.as_deref().unwrap_or("").as_bytes()).any(|(k, _)| k == "reported");
    let reasons =
        praxis_store::REPORT_REASONS.iter().map(|r| (*r, c.t(&format!("report-reason-{r}")))).collect();
    let versions = available
        .iter()
        .map(|l| VersionLink {
            code: l.code(),
            name: c.t(&format!("lang-{l}")),
            href: c.url(&format!("{base}?text={l}")),
            current: *l == text_lang,
        })
        .collect();
    let tag = |facet: &str, id: &str, key: String| Tag {
        label: c.t(&key),
        href: c.url(&format!("/initiatives?{facet}={id}")),
    };
    let page = InitiativePage {
        id: r.id.clone(),
        title,
        summary,
        text_lang,
        body_html: markdown::render(body),
        body_lang,
        is_original: text_lang == r.language,
        original_href: c.url(&format!("{base}?text={}", r.language)),
        language_name: c.t(&format!("lang-{}", r.language)),
        versions,
        place_name: stored.place.name.clone(),
        place_href: c.url(&format!("/places/{}", stored.place.slug)),
        country: c.t(&format!("country-{}", r.country)),
        organisation: r.organisation.clone(),
        level: r.level.map(|l| c.t(&l.label_key())),
        kind: c.t(&r.kind.label_key()),
        themes: r.themes.iter().map(|t| tag("theme", t.id(), t.label_key())).collect(),
        aims: r.aims.iter().map(|a| tag("aim", a.id(), a.label_key())).collect(),
        started: r.started.clone(),
        ended: r.ended.clone(),
        partners: r.partners.clone(),
        links: r.links.clone(),
        can_edit,
        reasons,
        reported,
        similar,
        similar_by_concepts,
        organisation_href,
        updated: stored.updated_at.get(..10).unwrap_or("").to_string(),
        events,
        signatories,
        c,
    };
    Ok(Html(page.render()?))
}
