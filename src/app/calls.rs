//! What every server function does first: find the store, take the caller
//! that `server::guard` resolved from the session for this request, check
//! the caller's role, and turn store errors into an [`AppError`] with its
//! HTTP status. Server-only.

use std::sync::Arc;

use axum::http::StatusCode;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

use crate::accounts::{Caller, Permission, Role};
use crate::app::error::AppError;
use crate::app::i18n::role_name;
use crate::i18n::tr;
use crate::runtime::blocking::BlockingError;
use crate::runtime::AppState;
use crate::store::{Store, StoreError};

pub fn store() -> Result<Arc<Store>, AppError> {
    state().map(|state| state.store)
}

/// What the server gives every request (see `runtime`).
fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        ours(
            "the server's state is missing from the request",
            &"no AppState",
        )
    })
}

/// The user's to fix: sets the response's status, the message is shown.
/// Renders packet `id` in the background on this instance (see
/// `runtime::batches`).
pub fn spawn_packet(id: i64) -> Result<(), AppError> {
    crate::runtime::batches::spawn(state()?, id);
    Ok(())
}

pub fn refuse(status: StatusCode, message: impl Into<String>) -> AppError {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.set_status(status);
    }
    AppError::Refused {
        status: status.as_u16(),
        message: message.into(),
    }
}

/// A failure of ours: logged with the route and the caller, answered 500
/// with the log's reference only.
pub fn ours(what: &str, error: &dyn std::fmt::Display) -> AppError {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.set_status(StatusCode::INTERNAL_SERVER_ERROR);
    }
    let route = use_context::<axum::http::request::Parts>()
        .map(|parts| parts.uri.path().to_owned())
        .unwrap_or_default();
    let caller = signed_in();
    let context = crate::runtime::failure::Context {
        route: &route,
        caller: caller.as_ref(),
    };
    AppError::Ours {
        reference: crate::runtime::failure::log(what, error, &context),
    }
}

/// The language the request's pages are in (`runtime::language`); server
/// functions word their messages and check findings in it.
pub fn language() -> crate::i18n::Lang {
    use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<crate::i18n::Lang>().copied())
        .unwrap_or_default()
}

/// The signed-in caller, if the request has one.
pub fn signed_in() -> Option<Caller> {
    use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Caller>().cloned())
}

/// The store and the signed-in caller, who must be allowed `permission`:
/// 401 without a session, 403 when the role is too low.
pub fn caller(permission: Permission) -> Result<(Arc<Store>, Caller), AppError> {
    let lang = language();
    let caller = signed_in()
        .ok_or_else(|| refuse(StatusCode::UNAUTHORIZED, tr!(lang, "error-sign-in-first")))?;
    if !caller.may(permission) {
        return Err(refuse(
            StatusCode::FORBIDDEN,
            tr!(
                lang,
                "error-role-too-low",
                role = role_name(lang, caller.role),
                needed = role_name(lang, Role::least_for(permission)),
            ),
        ));
    }
    Ok((store()?, caller))
}

/// A store error as the user reads it, in the request's language, with its
/// status; failures of ours are logged and shown by reference only.
pub fn user_error(error: StoreError) -> AppError {
    let status = match &error {
        StoreError::NotFound(_) => StatusCode::NOT_FOUND,
        StoreError::Invalid(_) => StatusCode::BAD_REQUEST,
        StoreError::Forbidden(_) => StatusCode::FORBIDDEN,
        StoreError::SourceInUse { .. } => StatusCode::CONFLICT,
        StoreError::Open { .. }
        | StoreError::Migrate(_)
        | StoreError::Database(_)
        | StoreError::Corrupt(_) => return ours("a server function failed", &error),
    };
    refuse(status, error.words(language()))
}

/// A domain message about the request's own input (400), in the
/// request's language.
pub fn bad_message(message: crate::i18n::Message) -> AppError {
    bad_input(message.words(language()))
}

/// A message about the request's own input (400).
pub fn bad_input(message: impl Into<String>) -> AppError {
    refuse(StatusCode::BAD_REQUEST, message)
}

/// Runs CPU work (a render, a check) off the async workers within the
/// configured time limit. The work runs without the request's context:
/// read the caller, the language and the like before, and log failures
/// after (with [`ours`]), not inside. Work that timed out is the template's doing (the
/// user's to fix); anything else that stopped it is ours.
pub async fn off_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    state()?
        .off_thread(work)
        .await
        .map_err(|error| match error {
            BlockingError::TimedOut(_) => {
                refuse(StatusCode::UNPROCESSABLE_ENTITY, error.to_string())
            }
            BlockingError::Stopped(_) => ours("background work stopped", &error),
        })
}
