//! The application: every workflow and permission rule of Praxis, called alike by the
//! web pages, the JSON API and the command line, and the services that run beside
//! serving (the change-feed follower, the embedding worker, e-mail).
//!
//! A front end parses its request, calls one function here, and renders what it gets
//! back; [`AppError`] says what went wrong in terms every front end maps the same way.

pub mod accounts;
pub mod backup;
pub mod calls;
pub mod credentials;
mod error;
pub mod events;
pub mod health;
pub mod i18n;
pub mod identity;
mod index;
pub mod initiatives;
pub mod mail;
pub mod places;
pub mod policy;
pub mod search;
pub mod semantic;
pub mod similar;
pub mod throttle;

pub use credentials::{hash_password, totp_code};
pub use error::{AppError, FieldProblem, FIELD_CODES};
pub use i18n::I18n;
pub use index::{build_catalogue, follow_changes, SharedCatalogue};
pub use mail::{deliver_due, spawn_mail_worker};
pub use policy::{Account, Membership};

use praxis_mail::Mailer;
use praxis_store::Store;
use std::path::PathBuf;
use std::sync::Arc;

/// What every workflow needs: the store, this node's index, the translations for
/// e-mail, the mailer and where the site lives.
#[derive(Clone)]
pub struct App {
    pub store: Store,
    pub catalogue: SharedCatalogue,
    pub i18n: Arc<I18n>,
    pub mailer: Mailer,
    /// The data folder: the mail outbox, uploaded files, caches.
    pub data_dir: PathBuf,
    /// The site's address as people reach it, for links in e-mail (no trailing slash).
    pub public_url: String,
    /// How often one address may search without signing in ([`search::admit`]).
    pub search_budget: Arc<throttle::Budget>,
}

impl App {
    /// An application whose data folder (and so outbox) is a new temporary folder.
    pub fn new(store: Store, catalogue: SharedCatalogue) -> App {
        let data_dir = std::env::temp_dir().join(format!(
            "praxis-{}-{}",
            std::process::id(),
            praxis_store::new_secret()
        ));
        App {
            store,
            catalogue,
            i18n: i18n::shared(),
            mailer: Mailer::outbox(data_dir.join("outbox")),
            data_dir,
            public_url: "http://127.0.0.1:8080".to_string(),
            search_budget: Arc::new(throttle::Budget::new(search::SEARCH_BURST, search::SEARCHES_PER_SECOND)),
        }
    }
}
