//! Calls to action: the call and its public register (pages, feeds, badge, open data),
//! the forms to join, confirm and sign, and the editors' desk for calls.

mod forms;
pub(crate) mod register;
pub(crate) mod shared;
mod svg;

use crate::routes::Routes;

pub fn router() -> Routes {
    register::router().merge(forms::router()).get("/assets/calls/{file}", shared::asset)
}
