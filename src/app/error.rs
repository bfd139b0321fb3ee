//! The one error every server function returns, typed across the wire: the
//! user's to fix (shown as it is, with its HTTP status), ours (only a
//! reference; the details are in the server's log), or the connection's.
//! Shared by the server and the browser.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::i18n::tr;
use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Something the user can change: a wrong answer, a missing right, a
    /// thing that does not exist for them. `status` is the HTTP status.
    #[error("{message}")]
    Refused { status: u16, message: String },
    /// A failure of ours, logged under `reference`.
    #[error("something went wrong on our side (reference {reference}); try again, and if it keeps failing give the reference to whoever runs this server")]
    Ours { reference: String },
    /// The request did not reach the server.
    #[error("the server could not be reached; check the connection and try again")]
    Unreachable,
    /// The server's answer could not be read.
    #[error("{0}")]
    Transport(String),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(error: ServerFnErrorErr) -> Self {
        match error {
            ServerFnErrorErr::Request(_) => AppError::Unreachable,
            other => AppError::Transport(other.to_string()),
        }
    }
}

impl AppError {
    /// The message as the page shows it, in its language. A refusal is
    /// already worded by the server in the request's language.
    pub fn words(&self, lang: Lang) -> String {
        match self {
            AppError::Refused { message, .. } => message.clone(),
            AppError::Ours { reference } => {
                tr!(lang, "error-ours", reference = reference.as_str())
            }
            AppError::Unreachable => tr!(lang, "error-unreachable"),
            AppError::Transport(detail) => {
                tr!(lang, "error-unreadable", detail = detail.as_str())
            }
        }
    }

    /// The JSON body of a refusal, as server functions write their errors
    /// (the guard writes its refusals this way too).
    pub fn refused_body(status: u16, message: &str) -> String {
        serde_json::to_string(&AppError::Refused {
            status,
            message: message.to_owned(),
        })
        .unwrap_or_default()
    }
}
