//! Places: the cities and regions initiatives come from, as profiles — their facts, what
//! they published, the calls they signed, the events their people spoke at — and the
//! places like them ("peers"), each with the reason in the reader's language.

use crate::error::{AppError, Result};
use crate::i18n::format_number;
use crate::App;
use praxis_domain::place::region_of;
use praxis_domain::{CallRecord, Lang, Place, Theme, Vocabulary};
use praxis_search::Facet;
use praxis_store::{Counts, PlaceSummary, Signatory, StoredEvent, StoredInitiative};
use std::collections::{BTreeMap, HashMap};

/// The most peers anyone may ask for.
pub const PEERS_MAX: usize = 20;

/// How many peers one country may give, so the list is not one country's.
const PER_COUNTRY: usize = 2;

/// How many published initiatives, places and countries the catalogue holds.
pub async fn counts(app: &App) -> Result<Counts> {
    Ok(app.store.counts().await?)
}

/// The places that have published initiatives, with their count.
pub async fn with_initiatives(app: &App) -> Result<Vec<PlaceSummary>> {
    Ok(app.store.places_with_initiatives().await?)
}

/// A place and its published initiatives.
pub async fn place(app: &App, slug: &str) -> Result<(Place, Vec<StoredInitiative>)> {
    let place =
        app.store.place(slug).await?.ok_or_else(|| AppError::NotFound(format!("no place {slug:?}")))?;
    let initiatives = app.store.place_initiatives(slug).await?;
    Ok((place, initiatives))
}

/// A signature given from this place: the call, who signed, and what they committed to
/// (the working points' text in the version of the call they signed).
pub struct Signed {
    pub call: CallRecord,
    pub signatory: Signatory,
    pub commitments: Vec<String>,
}

/// An event where someone from this place spoke.
pub struct SpokeAt {
    pub event: StoredEvent,
    pub speakers: Vec<String>,
}

/// Everything the place page shows besides its initiatives and peers.
pub struct Profile {
    pub place: Place,
    pub region: Option<&'static str>,
    pub initiatives: Vec<StoredInitiative>,
    /// The levels of government its initiatives come from (ids, most frequent first).
    pub levels: Vec<(String, usize)>,
    /// Its initiatives' themes with their counts, most frequent first.
    pub themes: Vec<(Theme, usize)>,
    pub signed: Vec<Signed>,
    pub spoke_at: Vec<SpokeAt>,
}

/// A place's profile, read in `lang`.
pub async fn profile(app: &App, slug: &str, lang: Lang) -> Result<Profile> {
    let (place, initiatives) = place(app, slug).await?;
    let mut levels: BTreeMap<String, usize> = BTreeMap::new();
    let mut themes: BTreeMap<Theme, usize> = BTreeMap::new();
    for s in &initiatives {
        if let Some(level) = s.record.level {
            *levels.entry(level.id().to_string()).or_default() += 1;
        }
        for t in &s.record.themes {
            *themes.entry(*t).or_default() += 1;
        }
    }
    let signed = signed_from(app, &place, lang).await?;
    let spoke_at = spoke_at(app, &place).await?;
    Ok(Profile {
        region: region_of(&place.country),
        levels: by_count(levels),
        themes: by_count(themes),
        place,
        initiatives,
        signed,
        spoke_at,
    })
}

fn by_count<K: Ord>(counts: BTreeMap<K, usize>) -> Vec<(K, usize)> {
    let mut v: Vec<(K, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

/// Signatories of public calls whose city is this place (matched as the gazetteer
/// matches an initiative's city, so "Ciudad de México" and "Mexico City" meet).
async fn signed_from(app: &App, place: &Place, lang: Lang) -> Result<Vec<Signed>> {
    let mut out = Vec::new();
    for (call, signatory) in crate::calls::public_signatories(app).await? {
        if !signatory.country.eq_ignore_ascii_case(&place.country)
            || Place::resolve(&signatory.city, &signatory.country).slug != place.slug
        {
            continue;
        }
        let signed = app
            .store
            .call_version(&call.record.id, signatory.call_version)
            .await?
            .unwrap_or_else(|| call.record.clone());
        let reading = signed.reading_language(lang);
        let commitments = signatory
            .working_points
            .iter()
            .filter_map(|p| signed.working_point(p).or_else(|| call.record.working_point(p)))
            .map(|w| w.text_in(reading).to_string())
            .collect();
        out.push(Signed { call: call.record, signatory, commitments });
    }
    Ok(out)
}

/// Events with a speaker from this place (their `place` names the city), newest first.
async fn spoke_at(app: &App, place: &Place) -> Result<Vec<SpokeAt>> {
    let city = praxis_domain::text::fold(&place.name);
    let events = crate::events::scanned(app).await?;
    let mut out: Vec<SpokeAt> = events
        .into_iter()
        .filter_map(|event| {
            let speakers: Vec<String> = event
                .record
                .speakers
                .iter()
                .filter(|s| {
                    s.place.as_deref().is_some_and(|p| {
                        // "Montevideo, Uruguay": the city is the first part.
                        let first = p.split(',').next().unwrap_or(p);
                        praxis_domain::text::fold(first) == city
                    })
                })
                .map(|s| s.name.clone())
                .collect();
            (!speakers.is_empty()).then_some(SpokeAt { event, speakers })
        })
        .collect();
    out.sort_by(|a, b| b.event.starts_at.cmp(&a.event.starts_at));
    Ok(out)
}

/// A place like another, with the reason in the reader's language.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Peer {
    pub slug: String,
    pub name: String,
    pub country: String,
    pub population: Option<u64>,
    /// How many published initiatives it has.
    pub initiatives: usize,
    pub score: f32,
    /// Why it is a peer, in the reader's language.
    pub why: String,
}

/// What the catalogue knows of each place: its theme counts and how many initiatives.
#[derive(Default)]
struct Seen {
    themes: HashMap<String, usize>,
    initiatives: usize,
}

/// Closeness of two populations: 1 for the same size, 0 from a factor of ten apart.
fn size_closeness(a: Option<u64>, b: Option<u64>) -> f32 {
    match (a, b) {
        (Some(a), Some(b)) if a > 0 && b > 0 => {
            let ratio = (a as f64 / b as f64).ln().abs() / 10f64.ln();
            (1.0 - ratio).max(0.0) as f32
        }
        _ => 0.0,
    }
}

/// Cosine of two places' theme counts, and the themes they share, most common first.
fn theme_overlap(a: &HashMap<String, usize>, b: &HashMap<String, usize>) -> (f32, Vec<String>) {
    let dot: f64 = a.iter().filter_map(|(t, x)| b.get(t).map(|y| (*x * *y) as f64)).sum();
    let norm = |m: &HashMap<String, usize>| m.values().map(|x| (*x * *x) as f64).sum::<f64>().sqrt();
    let (na, nb) = (norm(a), norm(b));
    if dot == 0.0 || na == 0.0 || nb == 0.0 {
        return (0.0, Vec::new());
    }
    let mut shared: Vec<(&String, usize)> =
        a.iter().filter_map(|(t, x)| b.get(t).map(|y| (t, (*x).min(*y)))).collect();
    shared.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(y.0)));
    ((dot / (na * nb)) as f32, shared.into_iter().map(|(t, _)| t.clone()).collect())
}

/// Weights of the three reasons a place is a peer.
const THEMES_WEIGHT: f32 = 0.5;
const SIZE_WEIGHT: f32 = 0.3;
const REGION_WEIGHT: f32 = 0.2;

/// Up to `limit` places like `slug`: of a similar size, in the same world region, or
/// taking on the same themes (from their published initiatives), best first, at most
/// two from one country. Only places with published initiatives are peers.
pub async fn peers(app: &App, slug: &str, lang: Lang, limit: usize) -> Result<Vec<Peer>> {
    let me = app.store.place(slug).await?.ok_or_else(|| AppError::NotFound(format!("no place {slug:?}")))?;
    let mut seen: HashMap<String, Seen> = HashMap::new();
    {
        let catalogue = app.catalogue.read();
        for slot in catalogue.live_slots() {
            let Some(place) = catalogue.place_of(slot) else { continue };
            let entry = seen.entry(place.to_string()).or_default();
            entry.initiatives += 1;
            for theme in catalogue.values_of(slot, Facet::Theme) {
                *entry.themes.entry(theme.to_string()).or_default() += 1;
            }
        }
    }
    let mine = seen.remove(slug).unwrap_or_default();
    let my_region = region_of(&me.country);
    let mut scored: Vec<(f32, Peer)> = Vec::new();
    for summary in app.store.places_with_initiatives().await? {
        let other = summary.place;
        let Some(theirs) = seen.get(&other.slug) else { continue };
        if other.slug == me.slug {
            continue;
        }
        let (themes, shared) = theme_overlap(&mine.themes, &theirs.themes);
        let size = size_closeness(me.population, other.population);
        let region = my_region.is_some() && region_of(&other.country) == my_region;
        let score = THEMES_WEIGHT * themes + SIZE_WEIGHT * size + if region { REGION_WEIGHT } else { 0.0 };
        if score <= 0.0 {
            continue;
        }
        let why = explain(app, lang, &shared, size, other.population, region.then_some(my_region).flatten());
        scored.push((
            score,
            Peer {
                slug: other.slug.clone(),
                name: other.name.clone(),
                country: other.country.clone(),
                population: other.population,
                initiatives: theirs.initiatives,
                score,
                why,
            },
        ));
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.slug.cmp(&b.1.slug)));
    let mut per_country: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (_, peer) in scored {
        let n = per_country.entry(peer.country.to_ascii_uppercase()).or_default();
        if *n >= PER_COUNTRY {
            continue;
        }
        *n += 1;
        out.push(peer);
        if out.len() == limit.min(PEERS_MAX) {
            break;
        }
    }
    Ok(out)
}

/// Themes named in a reason.
const THEMES_SHOWN: usize = 2;

/// The reason a place is a peer, in `lang`: shared themes, a similar size, the region.
fn explain(
    app: &App,
    lang: Lang,
    shared: &[String],
    size: f32,
    population: Option<u64>,
    region: Option<&str>,
) -> String {
    let mut parts = Vec::new();
    let themes: Vec<String> = shared
        .iter()
        .filter_map(|t| Theme::from_id(t))
        .take(THEMES_SHOWN)
        .map(|t| app.i18n.t(lang, &t.label_key()))
        .collect();
    if !themes.is_empty() {
        parts.push(app.i18n.t_args(lang, "peers-why-themes", &[("themes", themes.join(", ").into())]));
    }
    if let (true, Some(p)) = (size >= 0.5, population) {
        let people = format_number(lang, i64::try_from(p).unwrap_or(i64::MAX));
        parts.push(app.i18n.t_args(lang, "peers-why-size", &[("population", people.into())]));
    }
    if let Some(region) = region {
        let name = app.i18n.t(lang, &format!("region-{region}"));
        parts.push(app.i18n.t_args(lang, "peers-why-region", &[("region", name.into())]));
    }
    parts.join(" · ")
}
