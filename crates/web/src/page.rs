//! What every page handler starts from: the [`Page`] extractor reads the language of the
//! path (`/{lang}/…`), refusing an unknown one with the not-found page, and who is
//! asking, and frames the page in its [`Chrome`].

use crate::auth::Viewer;
use crate::error::WebError;
use crate::view::Chrome;
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use praxis_app::i18n::I18n;
use praxis_domain::Lang;
use std::sync::Arc;

/// Parses the language segment of a page URL; anything else is a page that does not exist.
pub fn page_lang(segment: &str) -> Result<Lang, WebError> {
    segment.parse().map_err(|_| WebError::PageNotFound(Lang::default()))
}

/// A page request: its language and its viewer.
pub struct Page {
    pub lang: Lang,
    pub viewer: Viewer,
    i18n: Arc<I18n>,
    /// The query string (filters, a search), secrets left out: the language switcher
    /// keeps it, so changing language keeps what is on screen.
    query: Option<String>,
    /// The site's configured address (`--public-url`), for absolute links in the head.
    base: String,
}

impl Page {
    /// A translated interface string in the page's language.
    pub fn t(&self, key: &str) -> String {
        self.i18n.t(self.lang, key)
    }

    /// The chrome of this page at `path` (without the language prefix), showing who is
    /// signed in. The request's query is kept on `path` unless it carries its own.
    pub fn chrome(&self, path: &str, title: String) -> Chrome {
        let path = match &self.query {
            Some(q) if !path.contains('?') => format!("{path}?{q}"),
            _ => path.to_string(),
        };
        Chrome::new(self.i18n.clone(), self.lang, &path, title)
            .with_base(&self.base)
            .with_viewer(&self.viewer)
    }

    /// [`Page::chrome`] with a translated title.
    pub fn chrome_t(&self, path: &str, title_key: &str) -> Chrome {
        self.chrome(path, self.t(title_key))
    }
}

impl FromRequestParts<AppState> for Page {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Page, Response> {
        let segment = parts.uri.path().split('/').nth(1).unwrap_or("");
        let lang = page_lang(segment).map_err(IntoResponse::into_response)?;
        let viewer = Viewer::from_request_parts(parts, state).await?;
        // One-time secrets (`token`) never go into links.
        let kept: Vec<(String, String)> = form_urlencoded::parse(parts.uri.query().unwrap_or("").as_bytes())
            .filter(|(k, _)| k != "token" && k != "csrf")
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let query = (!kept.is_empty())
            .then(|| form_urlencoded::Serializer::new(String::new()).extend_pairs(kept).finish());
        Ok(Page { lang, viewer, i18n: state.i18n.clone(), query, base: state.public_url.clone() })
    }
}
