//! Initiatives like this one, for the initiative page and the API, each with a short
//! reason in the reader's language ("Shared themes: Housing · Concepts: rent control").

use crate::error::{AppError, Result};
use crate::App;
use praxis_domain::{Aim, Lang, Status, Theme, Vocabulary};
use praxis_search::concepts::Glossary;
use praxis_search::similar::{about, similar as neighbours, Basis, Weights, Why};

/// How many shared concepts a reason names.
const CONCEPTS_SHOWN: usize = 3;

/// The most neighbours anyone may ask for.
pub const LIMIT_MAX: usize = 20;

/// One similar initiative, with the same fields as a search hit.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SimilarHit {
    pub id: String,
    /// The title in the reader's language when translated, else the original.
    pub title: String,
    pub title_language: Lang,
    /// The language the initiative was written in.
    pub language: Lang,
    pub city: String,
    pub country: String,
    pub score: f32,
    /// Why it is similar, in the reader's language.
    pub why: String,
}

/// The neighbours, and whether they were found by meaning (a model is loaded) or by
/// concepts and themes only.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Similar {
    pub hits: Vec<SimilarHit>,
    pub by_meaning: bool,
}

/// The reason a neighbour is there, in `lang`.
pub fn explain(app: &App, lang: Lang, why: &Why) -> String {
    let mut parts = Vec::new();
    let themes: Vec<String> = why
        .themes
        .iter()
        .filter_map(|t| Theme::from_id(t))
        .map(|t| app.i18n.t(lang, &t.label_key()))
        .collect();
    if !themes.is_empty() {
        parts.push(app.i18n.t_args(lang, "similar-why-themes", &[("themes", themes.join(", ").into())]));
    }
    let glossary = Glossary::embedded();
    // The first few, each label once (two concepts may share a label in a language).
    let mut concepts: Vec<String> = Vec::new();
    for label in why.concepts.iter().filter_map(|c| glossary.concept(*c).labels(lang).first()) {
        if concepts.len() < CONCEPTS_SHOWN && !concepts.contains(label) {
            concepts.push(label.clone());
        }
    }
    if !concepts.is_empty() {
        let quoted: Vec<String> = concepts
            .iter()
            .map(|c| app.i18n.t_args(lang, "quoted", &[("text", c.as_str().into())]))
            .collect();
        parts.push(app.i18n.t_args(lang, "similar-why-concepts", &[("concepts", quoted.join(", ").into())]));
    }
    let aims: Vec<String> =
        why.aims.iter().filter_map(|a| Aim::from_id(a)).map(|a| app.i18n.t(lang, &a.label_key())).collect();
    if !aims.is_empty() {
        parts.push(app.i18n.t_args(lang, "similar-why-aims", &[("aims", aims.join(", ").into())]));
    }
    if parts.is_empty() {
        app.i18n.t(lang, "similar-why-meaning")
    } else {
        parts.join(" · ")
    }
}

/// Up to `limit` published initiatives like the published initiative `id`.
pub async fn similar(app: &App, id: &str, lang: Lang, limit: usize) -> Result<Similar> {
    if limit == 0 || limit > LIMIT_MAX {
        return Err(AppError::invalid_field("limit", "out_of_range", "limit must be between 1 and 20"));
    }
    let Some(stored) = app.store.initiative(id).await?.filter(|s| s.record.status == Status::Published)
    else {
        return Err(AppError::NotFound(format!("no published initiative {id:?}")));
    };
    let text = about(&stored.record);
    let found = {
        let semantic = app.catalogue.semantic();
        let catalogue = app.catalogue.read();
        let glossary = Glossary::embedded();
        match &semantic {
            Some(s) => s.with_index(|index| {
                neighbours(&catalogue, glossary, Some(index), id, &text, limit, Weights::default())
            }),
            None => neighbours(&catalogue, glossary, None, id, &text, limit, Weights::default()),
        }
    };
    let Some((found, basis)) = found else {
        return Err(AppError::NotFound(format!("{id:?} is not in the index yet")));
    };
    let ids: Vec<String> = found.iter().map(|n| n.id.clone()).collect();
    let stored = app.store.published_initiatives(&ids).await?;
    let mut hits = Vec::new();
    // The index may briefly hold an initiative just unpublished: it is left out.
    for n in found {
        let Some(other) = stored.iter().find(|s| s.record.id == n.id) else { continue };
        let r = &other.record;
        let (title_language, title) = r.title_in(lang);
        hits.push(SimilarHit {
            id: r.id.clone(),
            title: title.to_string(),
            title_language,
            language: r.language,
            city: r.city.clone(),
            country: r.country.clone(),
            score: (n.score * 1000.0).round() / 1000.0,
            why: explain(app, lang, &n.why),
        });
    }
    Ok(Similar { hits, by_meaning: basis == Basis::Meaning })
}
