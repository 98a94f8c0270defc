//! Account pages: sign up, e-mail verification, sign in with a second factor, sign out
//! (here or everywhere), password reset, the account page (organisations, API tokens),
//! the editors' membership queue and the admins' account list.

mod account;
mod admin;
mod members;
mod password;
mod sign_in;
mod sign_up;

use crate::auth::{set_cookie, AdminOnly, CsrfForm, EditorOnly, SignedIn, Viewer, SESSION_COOKIE};
use crate::error::WebError;
use crate::forms::{Field, FormPage, Input, MessagePage};
use crate::pages::page_lang;
use crate::view::Chrome;
use crate::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use praxis_app::credentials::otpauth_uri;
use praxis_app::identity::{self, Step};
use praxis_app::AppError;
use praxis_domain::Lang;
use praxis_store::{MembershipStatus, User};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/{lang}/sign-in", get(sign_in::sign_in_form).post(sign_in::sign_in))
        .route("/{lang}/sign-in/code", get(sign_in::code_form).post(sign_in::code))
        .route("/{lang}/sign-out", post(sign_in::sign_out))
        .route("/{lang}/sign-up", get(sign_up::sign_up_form).post(sign_up::sign_up))
        .route("/{lang}/verify", get(sign_up::verify))
        .route("/{lang}/password/forgot", get(password::forgot_form).post(password::forgot))
        .route("/{lang}/password/reset", get(password::reset_form).post(password::reset))
        .route("/{lang}/account", get(account::account_page))
        .route("/{lang}/account/two-factor", get(sign_in::two_factor_form).post(sign_in::two_factor))
        .route("/{lang}/account/sign-out-everywhere", post(sign_in::sign_out_everywhere))
        .route("/{lang}/account/organisations", post(account::join))
        .route("/{lang}/account/tokens", post(account::create_token))
        .route("/{lang}/account/tokens/{id}/revoke", post(account::revoke_token))
        .route("/{lang}/editor/members", get(members::membership_queue))
        .route("/{lang}/editor/members/{user}/{organisation}", post(members::decide_membership))
        .route("/{lang}/admin/accounts", get(admin::accounts_list))
        .route("/{lang}/admin/accounts/{id}/role", post(admin::set_role))
        .route("/{lang}/admin/audit", get(admin::audit_log))
        .route("/{lang}/admin/organisations", get(admin::organisations_list))
        .route("/{lang}/admin/organisations/{id}", post(admin::set_organisation))
}

pub(super) fn render(page: impl Template) -> Result<Response, WebError> {
    Ok(Html(page.render()?).into_response())
}

pub(super) fn chrome(state: &AppState, viewer: &Viewer, lang: Lang, path: &str, title_key: &str) -> Chrome {
    Chrome::new(state.i18n.clone(), lang, path, state.i18n.t(lang, title_key)).with_viewer(viewer)
}

/// Only same-site paths are followed after sign-in: a path that starts with one `/`,
/// with no backslash, whitespace or control character (browsers drop tabs and line
/// breaks, which would turn `/\t/evil.example` into `//evil.example`).
pub(super) fn safe_next(next: &str, lang: Lang) -> String {
    let plain = !next.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\');
    if plain && next.starts_with('/') && !next.starts_with("//") {
        next.to_string()
    } else {
        format!("/{}/account", lang.code())
    }
}

pub(super) fn with_session_cookie(mut response: Response, token: &str) -> Response {
    let value = set_cookie(SESSION_COOKIE, token, Some(praxis_store::SESSION_DAYS * 86_400));
    if let Ok(v) = HeaderValue::from_str(&value) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    response
}

pub(super) fn without_session_cookie(mut response: Response) -> Response {
    if let Ok(v) = HeaderValue::from_str(&set_cookie(SESSION_COOKIE, "", Some(0))) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    response
}

#[derive(Deserialize)]
struct EmptyForm {}

#[derive(Deserialize)]
struct TokenQuery {
    #[serde(default)]
    token: String,
}
