//! Resolution Studio: drafting shareholder resolutions and engagement letters.
//!
//! The document pipeline (no Leptos in it, usable on its own):
//! [`compose`] (template + answers + evidence → Markdown) → [`document`]
//! (the document model) → [`export`] (HTML, DOCX). [`render`] runs the
//! whole pipeline. The web app lives in [`app`] (UI) and `server` (axum).

// Leptos views are deeply nested types; the wasm build of the wizard needs more room.
#![recursion_limit = "256"]

pub mod accounts;
pub mod app;

pub mod campaigns;
#[cfg(feature = "ssr")]
pub mod cli;
pub mod compose;
#[cfg(feature = "ssr")]
pub mod config;
#[cfg(feature = "ssr")]
pub mod document;
pub mod drafts;
pub mod evidence;
#[cfg(feature = "ssr")]
pub mod export;
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod render;
#[cfg(feature = "ssr")]
pub mod rules;
#[cfg(feature = "ssr")]
pub mod runtime;
#[cfg(feature = "ssr")]
pub mod server;
#[cfg(feature = "ssr")]
pub mod store;
pub mod templates;
pub mod text;

/// Entry point of the browser bundle, called by the page's script
/// (`app::scripts`) before it hydrates the page's islands: loads the page's
/// words, which `tr!` needs to print what the server printed, and makes the
/// reactive root the islands hydrate under.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub async fn hydrate() {
    console_error_panic_hook::set_once();
    // No router runs in the browser: a server function's redirect (a new
    // draft opens its wizard) loads the page it names.
    let _ = leptos::server_fn::redirect::set_redirect_hook(|location: &str| {
        let _ = leptos::prelude::window().location().set_href(location);
    });
    app::i18n::load_words(app::i18n::request_lang()).await;
    leptos::mount::hydrate_islands();
}
