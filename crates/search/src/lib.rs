//! The catalogue index: which published initiatives match a text and a set of filters,
//! in what order, and how many match each filter value (facets).
//!
//! It is derived data: built from the store's records and kept current by following the
//! store's change feed, and rebuildable at any time. It knows no HTTP and no SQL.
//! Text matching here is deliberately simple (folded tokens, prefixes, field weights);
//! the cross-lingual search replaces it.

mod analysis;
pub mod cache;
mod catalogue;
pub mod concepts;
pub mod engine;
pub mod eval;
pub mod semantic;

pub use analysis::tokens;
pub use catalogue::{
    query_terms, Catalogue, Document, Facet, FacetCounts, Field, Filters, Hit, Query, Results, Sort, FACETS,
};
