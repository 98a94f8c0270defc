//! The Praxis website and JSON API. [`router`] builds the whole application from an
//! [`AppState`], so tests drive exactly what `praxis serve` runs.

mod api;
mod assets;
mod calls;
mod calls_svg;
mod error;
mod feed;
mod i18n;
mod index;
mod initiatives;
mod markdown;
mod pages;
mod places;
mod search;
pub mod semantic;
mod view;

pub use error::WebError;
pub use i18n::I18n;
pub use index::{build_catalogue, follow_changes, SharedCatalogue};

use axum::Router;
use praxis_store::Store;
use std::sync::Arc;

/// Everything a request handler may need.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub catalogue: SharedCatalogue,
    pub i18n: Arc<I18n>,
}

impl AppState {
    pub fn new(store: Store, catalogue: SharedCatalogue) -> AppState {
        AppState { store, catalogue, i18n: i18n::shared() }
    }

    /// The state with an index built from the store's published initiatives.
    pub async fn load(store: Store) -> Result<AppState, praxis_store::StoreError> {
        let catalogue = build_catalogue(&store, &|_, _| {}).await?;
        Ok(AppState::new(store, catalogue))
    }
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(pages::router())
        .merge(initiatives::router())
        .merge(places::router())
        .merge(feed::router())
        .merge(api::router())
        .merge(assets::router())
        .merge(calls::router())
        .fallback(error::not_found)
        .layer(tower_http::compression::CompressionLayer::new())
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(state)
}
