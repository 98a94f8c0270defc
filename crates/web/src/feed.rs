//! `/{lang}/feed.atom`: the newly published initiatives as an Atom feed (RFC 4287), with
//! titles and summaries in the feed's language when translated, else the original,
//! marked with `xml:lang`.

use crate::error::WebError;
use crate::page::page_lang;
use crate::routes::Routes;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use praxis_domain::text::escape_markup as xml;
use std::fmt::Write as _;

pub fn router() -> Routes {
    Routes::new().get("/{lang}/feed.atom", feed)
}

async fn feed(State(state): State<AppState>, Path(lang): Path<String>) -> Result<Response, WebError> {
    let lang = page_lang(&lang)?;
    // Links are built on the configured address, never on the request's `Host`.
    let base = xml(&state.public_url);
    let latest = praxis_app::initiatives::latest(&state, 50).await?;
    let updated =
        latest.iter().map(|s| s.updated_at.as_str()).max().unwrap_or("1970-01-01T00:00:00Z").to_string();
    let mut out = String::new();
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="utf-8"?>"#);
    let _ = writeln!(out, r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">"#);
    let _ = writeln!(out, "  <title>{}</title>", xml(&state.i18n.t(lang, "feed-title")));
    let _ = writeln!(out, "  <id>{base}/{lang}/feed.atom</id>");
    let _ = writeln!(out, r#"  <link rel="self" href="{base}/{lang}/feed.atom"/>"#);
    let _ = writeln!(out, r#"  <link rel="alternate" type="text/html" href="{base}/{lang}/initiatives"/>"#);
    let _ = writeln!(out, "  <updated>{}</updated>", xml(&updated));
    for stored in &latest {
        let r = &stored.record;
        let (title_lang, title) = r.title_in(lang);
        let (summary_lang, summary) = r.summary_in(lang);
        let href = format!("{base}/{lang}/initiatives/{}", r.id);
        let _ = writeln!(out, "  <entry>");
        let _ = writeln!(out, "    <id>{}</id>", xml(&href));
        let _ = writeln!(out, r#"    <title xml:lang="{title_lang}">{}</title>"#, xml(title));
        let _ = writeln!(out, r#"    <link rel="alternate" type="text/html" href="{}"/>"#, xml(&href));
        let _ = writeln!(out, "    <published>{}</published>", xml(&stored.created_at));
        let _ = writeln!(out, "    <updated>{}</updated>", xml(&stored.updated_at));
        let author = r.organisation.clone().unwrap_or_else(|| stored.place.name.clone());
        let _ = writeln!(out, "    <author><name>{}</name></author>", xml(&author));
        for theme in &r.themes {
            let _ = writeln!(out, r#"    <category term="{}"/>"#, praxis_domain::Vocabulary::id(*theme));
        }
        let _ = writeln!(out, r#"    <summary xml:lang="{summary_lang}">{}</summary>"#, xml(summary));
        let _ = writeln!(out, "  </entry>");
    }
    out.push_str("</feed>\n");
    Ok(([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], out).into_response())
}
