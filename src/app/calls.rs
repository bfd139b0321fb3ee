//! What every server function does first: find the store, take the caller
//! that `server::guard` resolved from the session for this request, check
//! the caller's role, and turn store errors into an HTTP status and a
//! message the user can act on. Server-only.

use std::sync::Arc;

use axum::http::StatusCode;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

use crate::accounts::{Caller, Permission, Role};
use crate::server::AppState;
use crate::store::{Store, StoreError};

pub fn store() -> Result<Arc<Store>, ServerFnError> {
    use_context::<AppState>()
        .map(|state| state.store)
        .ok_or_else(|| ServerFnError::new("the server's state is missing"))
}

/// Sets the response's status; the message goes in the body.
pub fn refuse(status: StatusCode, message: impl Into<String>) -> ServerFnError {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.set_status(status);
    }
    ServerFnError::new(message.into())
}

/// The signed-in caller, if the request has one.
pub fn signed_in() -> Option<Caller> {
    use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Caller>().cloned())
}

/// The store and the signed-in caller, who must be allowed `permission`:
/// 401 without a session, 403 when the role is too low.
pub fn caller(permission: Permission) -> Result<(Arc<Store>, Caller), ServerFnError> {
    let caller = signed_in().ok_or_else(|| refuse(StatusCode::UNAUTHORIZED, "sign in first"))?;
    if !caller.may(permission) {
        return Err(refuse(
            StatusCode::FORBIDDEN,
            format!(
                "your role ({}) may not do this: it needs {} or above",
                caller.role.as_str(),
                Role::least_for(permission).as_str()
            ),
        ));
    }
    Ok((store()?, caller))
}

/// A store error as the user reads it, with its status. Failures of ours
/// are also logged for whoever runs the server.
pub fn user_error(error: StoreError) -> ServerFnError {
    let status = match &error {
        StoreError::NotFound(_) => StatusCode::NOT_FOUND,
        StoreError::Invalid(_) => StatusCode::BAD_REQUEST,
        StoreError::Forbidden(_) => StatusCode::FORBIDDEN,
        StoreError::SourceInUse { .. } => StatusCode::CONFLICT,
        StoreError::Open { .. }
        | StoreError::Migrate(_)
        | StoreError::Database(_)
        | StoreError::Corrupt(_) => {
            let route = use_context::<axum::http::request::Parts>()
                .map(|parts| parts.uri.path().to_owned())
                .unwrap_or_default();
            let caller = signed_in();
            let context = crate::server::failure::Context {
                route: &route,
                caller: caller.as_ref(),
            };
            let message =
                crate::server::failure::report("a server function failed", &error, &context);
            return refuse(StatusCode::INTERNAL_SERVER_ERROR, message);
        }
    };
    refuse(status, error.to_string())
}

/// A message about the request's own input (400).
pub fn bad_input(message: impl Into<String>) -> ServerFnError {
    refuse(StatusCode::BAD_REQUEST, message)
}
