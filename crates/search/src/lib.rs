//! Search: which published initiatives answer a query, in any of our languages, in
//! what order, and how many match each filter value (facets).
//!
//! The catalogue index (BM25 over per-language stems, facets, sorting), the concept
//! glossary, the semantic vector index and their fusion (`engine`), with the quality
//! measures that keep them honest (`eval`). All of it is derived data: built from the
//! store's records, kept current by following the change feed, rebuildable at any time.
//! It knows no HTTP and no SQL.

mod analysis;
pub mod cache;
mod catalogue;
pub mod concepts;
pub mod engine;
pub mod eval;
pub mod semantic;
pub mod similar;

pub use analysis::tokens;
pub use catalogue::{
    label_terms, query_terms, Catalogue, Document, Facet, FacetCounts, Field, Filters, Hit, Query, Results,
    Sort, FACETS,
};
