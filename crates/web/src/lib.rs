//! The Praxis website and JSON API. [`router`] builds the whole application from an
//! [`AppState`], so tests drive exactly what `praxis serve` runs.

mod accounts;
mod api;
mod assets;
pub mod auth;
mod caching;
mod calls;
mod csv;

mod discovery;
mod error;
mod events;
mod feed;
mod forms;
mod initiatives;
mod markdown;
mod metrics;
mod openapi;
mod page;
mod page_cache;
mod pages;
mod places;
mod routes;
mod view;

pub use error::WebError;
pub use praxis_app::{build_catalogue, App, SharedCatalogue};

use axum::Router;
use praxis_mail::Mailer;
use praxis_store::Store;
use std::path::PathBuf;

/// Everything a request handler may need: the application, and what only HTTP knows.
/// It dereferences to [`App`] (through [`StateParts`]), so handlers reach the store,
/// index and mailer directly. It is one pointer: the router clones it for every request.
#[derive(Clone)]
pub struct AppState {
    parts: std::sync::Arc<StateParts>,
}

#[derive(Clone)]
pub struct StateParts {
    pub app: App,
    /// How many reverse proxies in front of Praxis append to `X-Forwarded-For`; 0 means
    /// the connection's peer is the client.
    pub trusted_proxies: usize,
    /// A secret a metrics scraper sends as `Authorization: Bearer` to read `/metrics`
    /// from another machine (`--metrics-token`).
    pub metrics_token: Option<String>,
    /// Anonymous answers kept until the published data moves.
    pages: page_cache::PageCache,
}

impl std::ops::Deref for AppState {
    type Target = StateParts;
    fn deref(&self) -> &StateParts {
        &self.parts
    }
}

impl std::ops::Deref for StateParts {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

impl AppState {
    /// A state whose data folder (and so outbox) is a new temporary folder; use
    /// [`AppState::with_data_dir`] to choose it.
    pub fn new(store: Store, catalogue: SharedCatalogue) -> AppState {
        AppState {
            parts: std::sync::Arc::new(StateParts {
                app: App::new(store, catalogue),
                trusted_proxies: 0,
                metrics_token: None,
                pages: page_cache::PageCache::default(),
            }),
        }
    }

    /// The parts, to change while the state is being built.
    fn parts_mut(&mut self) -> &mut StateParts {
        std::sync::Arc::make_mut(&mut self.parts)
    }

    /// The application, to change while the state is being built.
    pub fn app_mut(&mut self) -> &mut App {
        &mut self.parts_mut().app
    }

    /// Keeps files in `dir` and writes e-mail to `dir/outbox` (unless a mailer is set after).
    pub fn with_data_dir(mut self, dir: PathBuf) -> AppState {
        let app = self.app_mut();
        app.mailer = Mailer::outbox(dir.join("outbox"));
        app.data_dir = dir;
        self
    }

    pub fn with_mailer(mut self, mailer: Mailer) -> AppState {
        self.app_mut().mailer = mailer;
        self
    }

    pub fn with_trusted_proxies(mut self, n: usize) -> AppState {
        self.parts_mut().trusted_proxies = n;
        self
    }

    pub fn with_metrics_token(mut self, token: Option<String>) -> AppState {
        self.parts_mut().metrics_token = token.filter(|t| !t.trim().is_empty());
        self
    }

    pub fn with_public_url(mut self, url: &str) -> AppState {
        self.app_mut().public_url = url.trim_end_matches('/').to_string();
        auth::set_secure_cookies(self.app.public_url.starts_with("https://"));
        self
    }

    /// The state with an index built from the store's published initiatives.
    pub async fn load(store: Store) -> Result<AppState, praxis_store::StoreError> {
        let catalogue = build_catalogue(&store, &|_, _| {}).await?;
        Ok(AppState::new(store, catalogue))
    }
}

/// Every feature's routes, in one table.
fn routes() -> routes::Routes {
    pages::router()
        .merge(initiatives::router())
        .merge(places::router())
        .merge(discovery::router())
        .merge(feed::router())
        .merge(events::router())
        .merge(api::router())
        .merge(assets::router())
        .merge(calls::router())
        .merge(accounts::router())
        .merge(openapi::router())
        .merge(metrics::router())
}

/// Every route the site answers, as (method, path pattern): what [`router`] serves.
pub fn route_table() -> Vec<(String, String)> {
    routes().table().iter().map(|(method, path)| (method.to_string(), path.to_string())).collect()
}

/// What every answer says about itself unless its handler said otherwise: only our own
/// scripts, styles and images run (none inline), no other site may frame a page, types
/// are not guessed, addresses are not sent to other sites in full, and, when the site
/// is served over HTTPS, browsers keep to HTTPS.
fn security_headers(router: Router<AppState>, https: bool) -> Router<AppState> {
    use axum::http::{header, HeaderValue};
    use tower_http::set_header::SetResponseHeaderLayer;
    const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
                       object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    let mut router = router
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ));
    if https {
        router = router.layer(SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        ));
    }
    router
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    let https = state.public_url.starts_with("https://");
    metrics::handle();
    let site = routes()
        .into_router()
        .route_layer(axum::middleware::from_fn_with_state(
            page_cache::KeptState { pages: state.pages.clone(), catalogue: state.catalogue.clone() },
            page_cache::serve,
        ))
        .route_layer(axum::middleware::from_fn(metrics::note_route))
        .fallback(error::not_found)
        .layer(axum::middleware::from_fn(error::render_failures))
        .layer(axum::middleware::from_fn(auth::csrf_cookie));
    security_headers(site, https)
        .layer(axum::middleware::from_fn(caching::conditional))
        .layer(tower_http::compression::CompressionLayer::new())
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .layer(axum::middleware::from_fn(metrics::count))
        .with_state(state)
}
