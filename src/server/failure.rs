//! Failures of ours, as opposed to the user's mistakes: the details go to
//! the log with a short reference, the route and the caller; the person
//! sees the reference and what to do, never a database message.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

pub use crate::runtime::failure::{log, Context};

/// Logs `error` and returns the message to show, with its reference.
pub fn report(what: &str, error: &dyn std::fmt::Display, context: &Context<'_>) -> String {
    crate::app::error::AppError::Ours {
        reference: log(what, error, context),
    }
    .to_string()
}

/// A 500 response for a failure of ours.
pub fn response(what: &str, error: &dyn std::fmt::Display, context: &Context<'_>) -> Response {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        report(what, error, context),
    )
        .into_response()
}
