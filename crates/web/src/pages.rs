//! The front door: language negotiation, the home page and the about page.

use crate::error::WebError;
use crate::page::Page;
use crate::routes::Routes;
use crate::view::{Card, Chrome};
use crate::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{Html, IntoResponse, Redirect, Response};
use praxis_domain::{Lang, Theme, Vocabulary};
use praxis_search::{Facet, Filters, Query, Sort};

pub fn router() -> Routes {
    Routes::new().get("/", root).get("/{lang}", home).get("/{lang}/", home).get("/{lang}/about", about)
}

/// `/` sends each visitor to the site in the language their browser prefers.
async fn root(headers: HeaderMap) -> Response {
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let lang = Lang::negotiate(accept);
    let mut response = Redirect::to(&format!("/{}/", lang.code())).into_response();
    response.headers_mut().insert(header::VARY, HeaderValue::from_static("accept-language"));
    response
}

pub struct ThemeLink {
    pub label: String,
    pub href: String,
    pub count: usize,
}

#[derive(Template)]
#[template(path = "pages/home.html")]
struct HomePage {
    c: Chrome,
    initiatives: usize,
    cities: usize,
    countries: usize,
    latest: Vec<Card>,
    themes: Vec<ThemeLink>,
}

async fn home(State(state): State<AppState>, page: Page) -> Result<Html<String>, WebError> {
    let c = page.chrome_t("/", "home-page-title");
    let counts = praxis_app::places::counts(&state).await?;
    let results = state.catalogue.read().search(&Query {
        sort: Sort::Newest,
        limit: 6,
        filters: Filters::default(),
        ..Query::default()
    });
    let ids: Vec<String> = results.hits.into_iter().map(|h| h.id).collect();
    let latest =
        praxis_app::initiatives::published(&state, &ids).await?.iter().map(|s| Card::new(&c, s)).collect();
    let themes = Theme::ALL
        .iter()
        .map(|t| ThemeLink {
            label: c.t(&t.label_key()),
            href: c.url(&format!("/initiatives?theme={}", t.id())),
            count: results.facets.count(Facet::Theme, t.id()),
        })
        .collect();
    let to_usize = |n: i64| usize::try_from(n).unwrap_or(0);
    let page = HomePage {
        initiatives: to_usize(counts.initiatives),
        cities: to_usize(counts.cities),
        countries: to_usize(counts.countries),
        latest,
        themes,
        c,
    };
    Ok(Html(page.render()?))
}

#[derive(Template)]
#[template(path = "pages/about.html")]
struct AboutPage {
    c: Chrome,
}

async fn about(page: Page) -> Result<Html<String>, WebError> {
    let c = page.chrome_t("/about", "about-title").with_nav("about");
    Ok(Html(AboutPage { c }.render()?))
}
