//! Places: the list of places with initiatives, and one page per place.

use crate::error::WebError;
use crate::page::Page;
use crate::routes::Routes;
use crate::view::{Card, Chrome};
use crate::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;
use praxis_app::i18n::format_number;
use praxis_domain::Place;

pub fn router() -> Routes {
    Routes::new().get("/{lang}/places", places).get("/{lang}/places/{slug}", place)
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
    let mut rows: Vec<PlaceRow> = state
        .store
        .places_with_initiatives()
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

#[derive(Template)]
#[template(path = "places/place.html")]
struct PlacePage {
    c: Chrome,
    place: Place,
    kind: String,
    country: String,
    population: Option<String>,
    coordinates: Option<String>,
    count: usize,
    cards: Vec<Card>,
}

async fn place(
    State(state): State<AppState>,
    page: Page,
    Path((_, slug)): Path<(String, String)>,
) -> Result<Html<String>, WebError> {
    let lang = page.lang;
    let place = state.store.place(&slug).await?.ok_or(WebError::PageNotFound(lang))?;
    let c = page.chrome(&format!("/places/{slug}"), place.name.clone()).with_nav("places");
    let cards: Vec<Card> =
        state.store.place_initiatives(&slug).await?.iter().map(|s| Card::new(&c, s)).collect();
    let coordinates = match (place.latitude, place.longitude) {
        (Some(lat), Some(lon)) => Some(format!(
            "{:.4}° {}, {:.4}° {}",
            lat.abs(),
            if lat >= 0.0 { "N" } else { "S" },
            lon.abs(),
            if lon >= 0.0 { "E" } else { "W" }
        )),
        _ => None,
    };
    let page = PlacePage {
        kind: c.t(&format!("place-kind-{}", place.kind.id())),
        country: c.t(&format!("country-{}", place.country)),
        population: place.population.map(|p| format_number(lang, i64::try_from(p).unwrap_or(i64::MAX))),
        coordinates,
        count: cards.len(),
        cards,
        place,
        c,
    };
    Ok(Html(page.render()?))
}
