//! The page's script, and the pieces of the browser bundle it names.
//!
//! Only each page's interactive part is hydrated in the browser: it is a
//! Leptos island (`#[island(lazy)]`), its own piece of the bundle, split at
//! its loader by the xtask. Everything around it, the router among it, is
//! rendered by the server alone and never downloaded (see
//! `docs/ARCHITECTURE.md`, "Islands, split by page").
//!
//! Leptos's own islands script starts hydrating the islands without waiting
//! for the bundle's `hydrate()`, which loads the page's words first, so the
//! first words an island printed would not be the server's. `islands.js`
//! waits for it.

use std::collections::HashMap;
use std::sync::OnceLock;

use leptos::prelude::*;
use leptos::reactive::owner::ArcStoredValue;

const SCRIPT: &str = include_str!("islands.js");

/// The split loader's name as the xtask writes it (no content hash in the
/// name: the folder has it).
const SPLIT_LOADER: &str = "__wasm_split.______________________.js";

/// The bundle's split manifest.
struct Manifest {
    /// The pieces' names, for [`preload_island`], which must hand Leptos a
    /// name that lives as long as the server.
    pieces: Vec<String>,
    /// Leptos's form of it (each piece with the files it needs), from which
    /// Leptos names a page's lazy pieces among its preloads.
    leptos: leptos::WasmSplitManifest,
}

/// Read once: the bundle a server serves does not change while it runs.
static MANIFEST: OnceLock<Option<Manifest>> = OnceLock::new();

/// The module script that starts the bundle and hydrates the page's
/// islands, with the preloads of its two files. Stands in the `<head>`.
#[component]
pub fn BundleScripts(options: LeptosOptions) -> impl IntoView {
    if let Some(manifest) = MANIFEST.get_or_init(|| read_manifest(&options)) {
        provide_context(manifest.leptos.clone());
    }
    let nonce = leptos::nonce::use_nonce();
    let folder = format!("/{}", options.site_pkg_dir);
    let script = format!("{folder}/{}.js", options.output_name);
    let wasm = format!("{folder}/{}_bg.wasm", options.output_name);
    let start = format!("({})({script:?}, {wasm:?});", SCRIPT.trim_end());
    view! {
        <link rel="modulepreload" href=script crossorigin=""/>
        <link rel="preload" href=wasm r#as="fetch" r#type="application/wasm" crossorigin=""/>
        <script type="module" nonce=nonce>{start}</script>
    }
}

fn read_manifest(options: &LeptosOptions) -> Option<Manifest> {
    let path = std::path::Path::new(options.site_root.as_ref())
        .join(options.site_pkg_dir.as_ref())
        .join("__wasm_split_manifest.json");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            tracing::warn!(path = %path.display(), error = %e, "no split manifest: pages name no piece of the bundle among their preloads");
            return None;
        }
    };
    let pieces: HashMap<String, Vec<String>> = match serde_json::from_str(&text) {
        Ok(pieces) => pieces,
        Err(e) => {
            tracing::error!(path = %path.display(), error = %e, "the split manifest cannot be read");
            return None;
        }
    };
    let names = pieces.keys().cloned().collect();
    let leptos = leptos::WasmSplitManifest(ArcStoredValue::new((
        format!("/{}", options.site_pkg_dir),
        pieces,
        SPLIT_LOADER.to_owned(),
    )));
    Some(Manifest {
        pieces: names,
        leptos,
    })
}

/// Names the piece of the island whose component is `island` (as written,
/// `WizardPage`) among the page's preloads, so the browser fetches it
/// beside the main bundle rather than when the script reaches the island.
pub fn preload_island(island: &str) {
    // Leptos names a lazy island's loader `<island in snake case>_loader`,
    // and the split its piece `<loader>_<hash>`.
    let loader = format!("{}_loader_", snake_case(island));
    let piece = MANIFEST
        .get()
        .and_then(Option::as_ref)
        .and_then(|manifest| {
            manifest
                .pieces
                .iter()
                .find(|name| name.starts_with(&loader))
        });
    match piece {
        Some(piece) => leptos::prefetch_lazy_fn_on_server(piece),
        None => tracing::warn!(island, "the bundle has no piece for this island"),
    }
}

fn snake_case(name: &str) -> String {
    let mut snake = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            snake.push('_');
        }
        snake.push(c.to_ascii_lowercase());
    }
    snake
}

#[cfg(test)]
mod tests {
    use super::snake_case;

    #[test]
    fn island_names_become_their_loaders_names() {
        assert_eq!(snake_case("WizardPage"), "wizard_page");
        assert_eq!(snake_case("EvidencePage"), "evidence_page");
        assert_eq!(snake_case("Campaigns"), "campaigns");
    }
}
