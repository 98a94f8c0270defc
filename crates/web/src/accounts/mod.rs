//! Account pages: sign up, e-mail verification, sign in with a second factor, sign out
//! (here or everywhere), password reset, the account page (organisations, API tokens),
//! the editors' membership queue and the admins' account list.

mod account;
mod admin;
mod members;
mod password;
mod sign_in;
mod sign_up;

use crate::auth::{set_cookie, AdminOnly, CsrfForm, EditorOnly, SignedIn, SESSION_COOKIE};
use crate::error::WebError;
use crate::forms::{Field, Form, FormPage, Input, MessagePage};
use crate::page::Page;
use crate::routes::Routes;
use crate::view::Chrome;
use crate::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{Html, IntoResponse, Redirect, Response};
use praxis_app::credentials::otpauth_uri;
use praxis_app::identity::{self, Step};
use praxis_app::AppError;
use praxis_domain::Lang;
use praxis_store::{MembershipStatus, User};
use serde::Deserialize;

pub fn router() -> Routes {
    Routes::new()
        .get("/{lang}/sign-in", sign_in::sign_in_form)
        .post("/{lang}/sign-in", sign_in::sign_in)
        .get("/{lang}/sign-in/code", sign_in::code_form)
        .post("/{lang}/sign-in/code", sign_in::code)
        .post("/{lang}/sign-out", sign_in::sign_out)
        .get("/{lang}/sign-up", sign_up::sign_up_form)
        .post("/{lang}/sign-up", sign_up::sign_up)
        .get("/{lang}/verify", sign_up::verify)
        .get("/{lang}/password/forgot", password::forgot_form)
        .post("/{lang}/password/forgot", password::forgot)
        .get("/{lang}/password/reset", password::reset_form)
        .post("/{lang}/password/reset", password::reset)
        .get("/{lang}/account", account::account_page)
        .get("/{lang}/account/two-factor", sign_in::two_factor_form)
        .post("/{lang}/account/two-factor", sign_in::two_factor)
        .post("/{lang}/account/sign-out-everywhere", sign_in::sign_out_everywhere)
        .post("/{lang}/account/organisations", account::join)
        .post("/{lang}/account/tokens", account::create_token)
        .post("/{lang}/account/tokens/{id}/revoke", account::revoke_token)
        .get("/{lang}/editor/members", members::membership_queue)
        .post("/{lang}/editor/members/{user}/{organisation}", members::decide_membership)
        .get("/{lang}/admin/accounts", admin::accounts_list)
        .post("/{lang}/admin/accounts/{id}/role", admin::set_role)
        .get("/{lang}/admin/audit", admin::audit_log)
        .get("/{lang}/admin/organisations", admin::organisations_list)
        .post("/{lang}/admin/organisations/{id}", admin::set_organisation)
}

pub(super) fn render(page: impl Template) -> Result<Response, WebError> {
    Ok(Html(page.render()?).into_response())
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
