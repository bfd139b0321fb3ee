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

/// Entry point of the browser bundle: attaches to the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // The page's words and its lazy route (app::lazy) are loaded before it
    // hydrates; both were preloaded beside the main bundle.
    let lang = app::i18n::request_lang();
    wasm_bindgen_futures::spawn_local(async move {
        app::i18n::load_words(lang).await;
        leptos::mount::hydrate_lazy(app::App);
    });
}
