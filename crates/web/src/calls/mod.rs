//! Calls to action: the call and its public register (pages, feeds, badge, open data),
//! the forms to join, confirm and sign, and the editors' desk for calls.

mod forms;
pub(crate) mod register;
pub(crate) mod shared;
mod svg;

use crate::AppState;
use axum::routing::get;
use axum::Router;

pub fn router() -> Router<AppState> {
    register::router().merge(forms::router()).route("/assets/calls/{file}", get(shared::asset))
}
