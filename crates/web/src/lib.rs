//! The Praxis website and JSON API. [`router`] builds the whole application from an
//! [`AppState`], so tests drive exactly what `praxis serve` runs.

mod accounts;
mod api;
mod assets;
pub mod auth;
mod calls;
mod calls_forms;
mod calls_svg;
mod contribute;
mod credentials;
mod editing;
mod error;
mod events;
mod feed;
mod forms;
mod history;
mod i18n;
mod index;
mod initiatives;
mod markdown;
mod moderation;
mod pages;
mod places;
mod search;
pub mod semantic;
mod view;

pub use credentials::{hash_password, totp_code};
pub use error::WebError;
pub use events::{deliver_due, spawn_mail_worker};
pub use i18n::I18n;
pub use index::{build_catalogue, follow_changes, SharedCatalogue};

use axum::Router;
use praxis_mail::Mailer;
use praxis_store::Store;
use std::path::PathBuf;
use std::sync::Arc;

/// Everything a request handler may need.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub catalogue: SharedCatalogue,
    pub i18n: Arc<I18n>,
    pub mailer: Mailer,
    /// The data folder: the mail outbox, uploaded files, caches.
    pub data_dir: PathBuf,
    /// The site's address as people reach it, for links in e-mail (no trailing slash).
    pub public_url: String,
    /// How many reverse proxies in front of Praxis append to `X-Forwarded-For`; 0 means
    /// the connection's peer is the client.
    pub trusted_proxies: usize,
}

impl AppState {
    /// A state whose data folder (and so outbox) is a new temporary folder; use
    /// [`AppState::with_data_dir`] to choose it.
    pub fn new(store: Store, catalogue: SharedCatalogue) -> AppState {
        let data_dir = std::env::temp_dir().join(format!(
            "praxis-{}-{}",
            std::process::id(),
            praxis_store::new_secret()
        ));
        AppState {
            store,
            catalogue,
            i18n: i18n::shared(),
            mailer: Mailer::outbox(data_dir.join("outbox")),
            data_dir,
            public_url: "http://127.0.0.1:8080".to_string(),
            trusted_proxies: 0,
        }
    }

    /// Keeps files in `dir` and writes e-mail to `dir/outbox` (unless a mailer is set after).
    pub fn with_data_dir(mut self, dir: PathBuf) -> AppState {
        self.mailer = Mailer::outbox(dir.join("outbox"));
        self.data_dir = dir;
        self
    }

    pub fn with_mailer(mut self, mailer: Mailer) -> AppState {
        self.mailer = mailer;
        self
    }

    pub fn with_trusted_proxies(mut self, n: usize) -> AppState {
        self.trusted_proxies = n;
        self
    }

    pub fn with_public_url(mut self, url: &str) -> AppState {
        self.public_url = url.trim_end_matches('/').to_string();
        auth::set_secure_cookies(self.public_url.starts_with("https://"));
        self
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
        .merge(events::router())
        .merge(api::router())
        .merge(assets::router())
        .merge(calls::router())
        .merge(accounts::router())
        .merge(contribute::router())
        .merge(history::router())
        .merge(editing::router())
        .merge(moderation::router())
        .fallback(error::not_found)
        .layer(axum::middleware::from_fn(auth::csrf_cookie))
        .layer(tower_http::compression::CompressionLayer::new())
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(state)
}
