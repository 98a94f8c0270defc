//! Places: the list of places with initiatives, one profile page per place (facts,
//! initiatives, calls signed, events its people spoke at, peers), and its peers in the
//! API.

use crate::error::WebError;
use crate::page::Page;
use crate::routes::Routes;
use crate::view::{Card, Chrome};
use crate::AppState;
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use praxis_app::i18n::format_number;
use praxis_app::places::{self, Peer};
use praxis_domain::{Level, Place, Vocabulary};
use serde::Serialize;

pub fn router() -> Routes {
    Routes::new()
        .get("/{lang}/places", places)
        .get("/{lang}/places/{slug}", place)
        .get("/api/v1/places/{slug}/peers", api_peers)
}

pub struct PlaceRow {
    pub name: String,
    pub href: String,
    pub country: String,
    pub initiatives: String,
    pub population: String,
}

#[derive(Template)]
#[template(path = "places/places.html")]
struct PlacesPage {
    c: Chrome,
    rows: Vec<PlaceRow>,
}

async fn places(State(state): State<AppState>, page: Page) -> Result<Html<String>, WebError> {
    let lang = page.lang;
    let c = page.chrome_t("/places", "places-title").with_nav("places");
    let mut rows: Vec<PlaceRow> = praxis_app::places::with_initiatives(&state)
        .await?
        .into_iter()
        .map(|s| PlaceRow {
            href: c.url(&format!("/places/{}", s.place.slug)),
            country: c.t(&format!("country-{}", s.place.country)),
            initiatives: format_number(lang, s.initiatives),
            population: s
                .place
                .population
                .map(|p| format_number(lang, i64::try_from(p).unwrap_or(i64::MAX)))
                .unwrap_or_default(),
            name: s.place.name,
        })
        .collect();
    rows.sort_by_cached_key(|r| (praxis_domain::text::fold(&r.country), praxis_domain::text::fold(&r.name)));
    Ok(Html(PlacesPage { c, rows }.render()?))
}

/// A signature given from the place, as the page shows it.
pub struct SignedView {
    pub call_title: String,
    pub call_href: String,
    pub name: String,
    pub href: String,
    pub joined: String,
    pub commitments: Vec<String>,
}

/// An event where someone from the place spoke.
pub struct SpokeView {
    pub title: String,
    pub href: String,
    pub date: String,
    pub speakers: String,
}

pub struct PeerView {
    pub name: String,
    pub href: String,
    pub country: String,
    pub why: String,
}

pub struct ThemeView {
    pub label: String,
    pub href: String,
    pub count: usize,
}

#[derive(Template)]
#[template(path = "places/place.html")]
struct PlacePage {
    c: Chrome,
    place: Place,
    kind: String,
    country: String,
    region: Option<String>,
    levels: Vec<String>,
    themes: Vec<ThemeView>,
    population: Option<String>,
    coordinates: Option<String>,
    count: usize,
    cards: Vec<Card>,
    signed: Vec<SignedView>,
    spoke: Vec<SpokeView>,
    peers: Vec<PeerView>,
}

/// Peers shown on a place page.
const PEERS_SHOWN: usize = 6;

async fn place(
    State(state): State<AppState>,
    page: Page,
    Path((_, slug)): Path<(String, String)>,
) -> Result<Html<String>, WebError> {
    let lang = page.lang;
    let profile = places::profile(&state, &slug, lang).await?;
    let peers = places::peers(&state, &slug, lang, PEERS_SHOWN).await?;
    let place = profile.place;
    let c = page.chrome(&format!("/places/{slug}"), place.name.clone()).with_nav("places");
    let summary = c.i18n().t_args(
        lang,
        "place-meta",
        &[
            ("place", place.name.clone().into()),
            ("country", c.t(&format!("country-{}", place.country)).into()),
            ("count", profile.initiatives.len().into()),
        ],
    );
    let c = c.with_description(&summary);
    let cards: Vec<Card> = profile.initiatives.iter().map(|s| Card::new(&c, s)).collect();
    let coordinates = match (place.latitude, place.longitude) {
        (Some(lat), Some(lon)) => Some(format!(
            "{:.4}° {}, {:.4}° {}",
            lat.abs(),
            if lat >= 0.0 { "N" } else { "S" },
            lon.abs(),
            if lon >= 0.0 { "E" } else { "W" },
        )),
        _ => None,
    };
    let signed = profile
        .signed
        .into_iter()
        .map(|s| SignedView {
            call_title: s.call.title_in(lang).to_string(),
            call_href: c.url(&format!("/calls/{}", s.call.id)),
            href: c.url(&format!("/calls/{}/signatories/{}", s.call.id, s.signatory.slug)),
            name: s.signatory.name,
            joined: c.date(&s.signatory.joined),
            commitments: s.commitments,
        })
        .collect();
    let spoke = profile
        .spoke_at
        .into_iter()
        .map(|e| SpokeView {
            title: e.event.record.title_in(lang).1.to_string(),
            href: c.url(&format!("/events/{}", e.event.record.id)),
            date: c.date(e.event.record.start.get(..10).unwrap_or("")),
            speakers: e.speakers.join(", "),
        })
        .collect();
    let peers = peers
        .into_iter()
        .map(|p| PeerView {
            href: c.url(&format!("/places/{}", p.slug)),
            country: c.t(&format!("country-{}", p.country)),
            name: p.name,
            why: p.why,
        })
        .collect();
    let themes = profile
        .themes
        .iter()
        .map(|(t, n)| ThemeView {
            label: c.t(&t.label_key()),
            href: c.url(&format!("/initiatives?theme={}&country={}", t.id(), place.country)),
            count: *n,
        })
        .collect();
    let levels =
        profile.levels.iter().filter_map(|(l, _)| Level::from_id(l)).map(|l| c.t(&l.label_key())).collect();
    let page = PlacePage {
        kind: c.t(&format!("place-kind-{}", place.kind.id())),
        country: c.t(&format!("country-{}", place.country)),
        region: profile.region.map(|r| c.t(&format!("region-{r}"))),
        levels,
        themes,
        population: place.population.map(|p| format_number(lang, i64::try_from(p).unwrap_or(i64::MAX))),
        coordinates,
        count: cards.len(),
        cards,
        signed,
        spoke,
        peers,
        place,
        c,
    };
    Ok(Html(page.render()?))
}

/// One peer of a place in `/api/v1/places/{slug}/peers`.
#[derive(Serialize, utoipa::ToSchema)]
pub struct PeerBody {
    slug: String,
    name: String,
    /// ISO 3166-1 alpha-2.
    country: String,
    population: Option<u64>,
    /// Its published initiatives.
    initiatives: usize,
    score: f32,
    /// Why it is a peer (shared themes, a similar size, the same world region), in the
    /// reader's language.
    why: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PeersResponse {
    peers: Vec<PeerBody>,
}

#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub(crate) struct PeersQueryDoc {
    /// The reader's language (a registry code such as en, fr, es, pt); default en.
    lang: Option<String>,
    /// 1–20, default 6.
    #[param(minimum = 1, maximum = 20)]
    limit: Option<u32>,
}

/// Places like this one — a similar size, the same world region, the same themes — each
/// with the reason; at most two from one country.
#[utoipa::path(get, path = "/api/v1/places/{slug}/peers", tag = "places",
    params(("slug" = String, Path, description = "the place's slug, e.g. uy-montevideo"), PeersQueryDoc),
    responses(
        (status = 200, body = PeersResponse),
        (status = 400, description = "`lang` or `limit` is invalid", body = crate::error::ErrorBody),
        (status = 404, description = "no place has this slug", body = crate::error::ErrorBody),
    ))]
pub(crate) async fn api_peers(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let (lang, limit) = crate::api::lang_and_limit(raw.as_deref(), PEERS_SHOWN, places::PEERS_MAX)?;
    let peers = places::peers(&state, &slug, lang, limit)
        .await?
        .into_iter()
        .map(|p: Peer| PeerBody {
            slug: p.slug,
            name: p.name,
            country: p.country,
            population: p.population,
            initiatives: p.initiatives,
            score: p.score,
            why: p.why,
        })
        .collect();
    Ok(Json(PeersResponse { peers }).into_response())
}
