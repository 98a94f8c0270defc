//! One search for the catalogue page and the API: with words, every layer ranks and
//! fuses (lexical, concepts, and semantic when the model is loaded); the catalogue then
//! filters, counts facets and pages.

use crate::SharedCatalogue;
use praxis_search::concepts::{Glossary, Match};
use praxis_search::engine::{rank, Layer, Weights};
use praxis_search::{Query, Results};

/// Results, and the glossary concepts the query named (to say why a result in another
/// language matched).
pub struct Found {
    pub results: Results,
    pub concepts: Vec<Match>,
    /// Stems of words that match the query, for highlighting.
    pub stems: std::collections::HashSet<String>,
}

/// The longest query searched, in characters. Searching costs in proportion to the
/// words of a query (each is stemmed in every language, matched against the glossary
/// and the index, and embedded); anyone may send one, so its cost is bounded. A question
/// people type is far shorter.
pub const QUERY_MAX_CHARS: usize = 300;

/// Why a query will not be searched, as a stable code and an English message.
pub fn query_problem(text: &str) -> Option<(&'static str, String)> {
    let n = text.chars().count();
    (n > QUERY_MAX_CHARS).then(|| {
        ("query_too_long", format!("q is {n} characters long; a search may be at most {QUERY_MAX_CHARS}"))
    })
}

/// Searches one address may make at once without signing in, and how fast the
/// allowance comes back: far above what a person types, far below what a script sends.
pub const SEARCH_BURST: u32 = 60;
pub const SEARCHES_PER_SECOND: f64 = 1.0;

/// Whether a visitor at `address` may search now: anonymous searches are limited per
/// address (signed-in members are not). The machine's own address is not limited (the
/// operator's scripts and benchmarks; behind a proxy, `--trusted-proxies` makes the
/// client's address the one counted), nor a request whose address is unknown.
/// `Err(seconds)`: how long to wait.
pub fn admit(app: &crate::App, address: &str, signed_in: bool) -> Result<(), u64> {
    let local = address.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback());
    if signed_in || local || address == "unknown" {
        return Ok(());
    }
    app.search_budget.take(address).map_err(|wait| wait.as_secs().max(1))
}

/// Searches. A query longer than [`QUERY_MAX_CHARS`] finds nothing (front ends refuse
/// it first, with [`query_problem`]).
pub async fn search(catalogue: &SharedCatalogue, query: Query) -> Found {
    if query_problem(&query.text).is_some() {
        return Found { results: Results::default(), concepts: Vec::new(), stems: Default::default() };
    }
    if query.text.trim().is_empty() {
        return Found {
            results: catalogue.read().search(&query),
            concepts: Vec::new(),
            stems: Default::default(),
        };
    }
    let semantic = catalogue.semantic();
    let vector = match &semantic {
        Some(s) => {
            let s = s.clone();
            let text = query.text.clone();
            tokio::task::spawn_blocking(move || s.embed_query(&text)).await.ok()
        }
        None => None,
    };
    let glossary = Glossary::embedded();
    let catalogue = catalogue.read();
    let ranking = match (&semantic, &vector) {
        (Some(s), Some(v)) => s.with_index(|index| {
            rank(
                &catalogue,
                glossary,
                Some((index, v)),
                &query.text,
                query.lang,
                Layer::Fused,
                Weights::default(),
            )
        }),
        _ => rank(&catalogue, glossary, None, &query.text, query.lang, Layer::Fused, Weights::default()),
    };
    let results = catalogue.search_scored(&query, Some(ranking.scores));
    let stems = praxis_search::engine::match_stems(glossary, &query.text, query.lang, &ranking.concepts);
    Found { results, concepts: ranking.concepts, stems }
}
