//! For search engines: `robots.txt` (what to crawl and where the sitemap is) and the
//! sitemap of every public page in every language, with absolute addresses from the
//! configured public URL. Pages add their own description, canonical address, `hreflang`
//! alternates, Open Graph and schema.org data in the head (`base.html`, `view::Chrome`).

use crate::error::WebError;
use crate::routes::Routes;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use praxis_domain::text::escape_markup as xml;
use praxis_domain::Lang;
use std::fmt::Write as _;

/// Addresses per sitemap file (the protocol allows 50,000).
const URLS_PER_FILE: usize = 40_000;

pub fn router() -> Routes {
    Routes::new().get("/robots.txt", robots).get("/sitemap.xml", index).get("/sitemaps/{file}", sitemap)
}

async fn robots(State(state): State<AppState>) -> Response {
    let mut out = String::from("User-agent: *\n");
    // Personal pages, the staff's desks, forms and one-time links.
    for path in
        ["account", "editor", "admin", "sign-in", "sign-up", "password", "registrations", "calls/confirm"]
    {
        for lang in Lang::all() {
            let _ = writeln!(out, "Disallow: /{lang}/{path}");
        }
    }
    let _ = writeln!(out, "Disallow: /api/v1/initiatives/*/revisions");
    let _ = writeln!(out, "\nSitemap: {}/sitemap.xml", state.public_url.trim_end_matches('/'));
    text(out, "text/plain; charset=utf-8")
}

/// Every public page's path without the language prefix; each is listed in every
/// language.
async fn public_paths(state: &AppState) -> Result<Vec<String>, WebError> {
    let mut paths: Vec<String> = ["", "/initiatives", "/calls", "/places", "/events", "/about"]
        .iter()
        .map(|p| p.to_string())
        .collect();
    {
        let catalogue = state.catalogue.read();
        let mut ids: Vec<String> = catalogue
            .live_slots()
            .filter_map(|slot| catalogue.id_of(slot).map(|id| format!("/initiatives/{id}")))
            .collect();
        ids.sort();
        paths.extend(ids);
    }
    for place in praxis_app::places::with_initiatives(state).await? {
        paths.push(format!("/places/{}", place.place.slug));
    }
    for (call, signatory) in praxis_app::calls::public_signatories(state).await? {
        paths.push(format!("/calls/{}/signatories/{}", call.record.id, signatory.slug));
    }
    for call in praxis_app::calls::public_calls(state).await? {
        paths.push(format!("/calls/{}", call.record.id));
        paths.push(format!("/calls/{}/signatories", call.record.id));
    }
    for event in praxis_app::events::scanned(state).await? {
        paths.push(format!("/events/{}", event.record.id));
    }
    Ok(paths)
}

/// `/sitemap.xml`: the index of the sitemap files.
async fn index(State(state): State<AppState>) -> Result<Response, WebError> {
    let base = state.public_url.trim_end_matches('/').to_string();
    let urls = public_paths(&state).await?.len() * Lang::all().len();
    let files = urls.div_ceil(URLS_PER_FILE).max(1);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for n in 1..=files {
        let _ = writeln!(out, "  <sitemap><loc>{}/sitemaps/{n}.xml</loc></sitemap>", xml(&base));
    }
    out.push_str("</sitemapindex>\n");
    Ok(text(out, "application/xml; charset=utf-8"))
}

/// `/sitemaps/{n}.xml`: the n-th run of addresses, each page with its other languages.
async fn sitemap(State(state): State<AppState>, Path(file): Path<String>) -> Result<Response, WebError> {
    let not_found = || WebError::ApiNotFound { message: format!("no sitemap {file}") };
    let n: usize =
        file.strip_suffix(".xml").and_then(|n| n.parse().ok()).filter(|n| *n >= 1).ok_or_else(not_found)?;
    let base = state.public_url.trim_end_matches('/').to_string();
    let paths = public_paths(&state).await?;
    let langs = Lang::all();
    let per_file = URLS_PER_FILE / langs.len();
    let chunk = paths.chunks(per_file).nth(n - 1).ok_or_else(not_found)?;
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for path in chunk {
        for lang in langs {
            let _ = writeln!(out, "  <url><loc>{}</loc>", xml(&format!("{base}/{lang}{path}")));
            for other in langs {
                let _ = writeln!(
                    out,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{other}\" href=\"{}\"/>",
                    xml(&format!("{base}/{other}{path}"))
                );
            }
            out.push_str("  </url>\n");
        }
    }
    out.push_str("</urlset>\n");
    Ok(text(out, "application/xml; charset=utf-8"))
}

fn text(body: String, content_type: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "public, max-age=3600")], body)
        .into_response()
}
