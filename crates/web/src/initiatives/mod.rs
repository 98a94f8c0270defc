//! Initiatives: the catalogue and each initiative's page, the form members write with,
//! the write API, the history with its differences and the editors' desk, and readers'
//! reports. The rules they share live in `praxis_app::initiatives`.

pub(crate) mod api;
pub(crate) mod catalogue;
mod form;
mod history;
mod moderation;

use crate::routes::Routes;

pub fn router() -> Routes {
    catalogue::router()
        .merge(api::router())
        .merge(history::router())
        .merge(form::router())
        .merge(moderation::router())
}
