//! The web app's UI (Leptos): the HTML shell, routes and pages. Rendered on
//! the server; in the browser, the `hydrate` bundle hydrates each page's
//! interactive part, an island (see `scripts`).

pub mod account;
pub mod api_tokens;
#[cfg(feature = "ssr")]
pub mod calls;
pub mod campaigns;
pub mod drafts;
pub mod error;
pub mod evidence;
pub mod forms;
pub mod i18n;
pub mod loaded;
// Only the browser fetches pieces of the bundle.
#[cfg(not(feature = "ssr"))]
pub mod pieces;
#[cfg(feature = "ssr")]
mod routes;
#[cfg(feature = "ssr")]
pub mod scripts;
#[cfg(feature = "ssr")]
mod shell;
pub mod templates;

#[cfg(feature = "ssr")]
pub use shell::{shell, App};

pub use crate::templates::summary::TemplateSummary;
