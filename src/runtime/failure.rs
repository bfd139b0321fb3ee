//! Failures of ours, as opposed to the user's mistakes: the details go to
//! the log with a short reference, the route and the caller; the person
//! sees the reference and what to do, never a database message. (The
//! page or response that shows it is the caller's: `server::failure`,
//! `app::calls`.)

use crate::accounts::Caller;

/// Where and for whom a failure happened.
pub struct Context<'a> {
    pub route: &'a str,
    pub caller: Option<&'a Caller>,
}

/// Logs `error` with a new reference, the route and the caller; returns
/// the reference.
pub fn log(what: &str, error: &dyn std::fmt::Display, context: &Context<'_>) -> String {
    let reference = crate::accounts::token::random_bytes::<4>()
        .map(|b| b.iter().map(|x| format!("{x:02x}")).collect::<String>())
        .unwrap_or_else(|_| "unknown".to_owned());
    tracing::error!(
        reference = %reference,
        route = %context.route,
        caller = %context.caller.map_or("anonymous", |c| c.email.as_str()),
        org = %context.caller.map_or("", |c| c.org_slug.as_str()),
        error = %error,
        "{what}"
    );
    reference
}
