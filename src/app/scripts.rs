//! The page's script, and the browser bundle and pieces it names.
//!
//! Only each page's interactive part is hydrated in the browser: it is a
//! Leptos island. Everything around it, the router among it, is rendered by
//! the server alone and never downloaded (see `docs/ARCHITECTURE.md`,
//! "Islands, one bundle per first page").
//!
//! The xtask builds several browser bundles ([`Bundle`]). Each of the pages a
//! drafter opens first (the template list, the drafts list, the wizard) has
//! a bundle of its own, with its island in the main module: one module,
//! optimised whole, is smaller than the same code split into the pieces it
//! shares with other pages. The other pages share one bundle in which each
//! island is lazy (`#[island(lazy)]`), its own piece, split at its loader.
//! A page names its bundle with [`PageScripts`].
//!
//! Leptos's own islands script starts hydrating the islands without waiting
//! for the bundle's `hydrate()`, which loads the page's words first, so the
//! first words an island printed would not be the server's. `islands.js`
//! waits for it.

use std::collections::HashMap;
use std::sync::OnceLock;

use leptos::prelude::*;
use leptos::reactive::owner::ArcStoredValue;
use leptos_meta::{Link, Script};

const SCRIPT: &str = include_str!("islands.js");

/// The split loader's name as the xtask writes it (no content hash in the
/// name: the folder has it).
const SPLIT_LOADER: &str = "__wasm_split.______________________.js";

/// The main module's name in every bundle's folder.
const OUTPUT_NAME: &str = "resolution-studio";

/// A browser bundle, as the xtask builds it (its `*-bundle` feature).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    Templates,
    Drafts,
    Wizard,
    /// The other pages' bundle; `island` is the page's island as its
    /// component is written (`EvidencePage`), a lazy piece of the bundle.
    Others {
        island: &'static str,
    },
}

impl Bundle {
    const COUNT: usize = 4;

    /// The other pages' bundle, for the page whose island is `island`.
    pub fn others(island: &'static str) -> Bundle {
        Bundle::Others { island }
    }

    /// The bundle's folder inside the build's `pkg/<hash>/` (the xtask's
    /// `BUNDLES` writes the same names).
    pub fn folder(self) -> &'static str {
        match self {
            Bundle::Templates => "templates",
            Bundle::Drafts => "drafts",
            Bundle::Wizard => "wizard",
            Bundle::Others { .. } => "others",
        }
    }

    fn index(self) -> usize {
        match self {
            Bundle::Templates => 0,
            Bundle::Drafts => 1,
            Bundle::Wizard => 2,
            Bundle::Others { .. } => 3,
        }
    }
}

/// A bundle's split manifest, in Leptos's form: the bundle's folder, each
/// piece with the files it needs, and the split loader. Kept as long as the
/// server runs, so [`preload_island`] can hand Leptos a piece's name.
type Manifest = (String, HashMap<String, Vec<String>>, String);

/// Read once each: the bundles a server serves do not change while it runs.
static MANIFESTS: [OnceLock<Option<Manifest>>; Bundle::COUNT] =
    [const { OnceLock::new() }; Bundle::COUNT];

/// Called by the shell before the page renders, in the page's owner:
/// the site's options for [`PageScripts`], and the slot of the page's split
/// manifest, which Leptos reads once the page has rendered to name the lazy
/// pieces it used among the preloads. [`PageScripts`] fills it with its
/// bundle's.
pub fn provide_bundle_context(options: LeptosOptions) {
    provide_context(options);
    provide_context(leptos::WasmSplitManifest(ArcStoredValue::new((
        String::new(),
        HashMap::new(),
        SPLIT_LOADER.to_owned(),
    ))));
}

/// The page's bundle: the preloads of its module script and main wasm, the
/// script that starts it and hydrates the page's islands, and, for a lazy
/// island, its piece among the preloads. Rendered by the page's route; the
/// tags go into the `<head>`.
#[component]
pub fn PageScripts(bundle: Bundle) -> impl IntoView {
    // The shell provides them (`provide_bundle_context`) before any route renders.
    let Some(options) = use_context::<LeptosOptions>() else {
        tracing::error!(?bundle, "no site options: the page names no browser bundle");
        return None;
    };
    let folder = format!("/{}/{}", options.site_pkg_dir, bundle.folder());
    let manifest = MANIFESTS[bundle.index()]
        .get_or_init(|| read_manifest(&options, bundle))
        .as_ref();
    if let (Some(manifest), Some(slot)) = (manifest, use_context::<leptos::WasmSplitManifest>()) {
        slot.0.set_value(manifest.clone());
    }
    if let Bundle::Others { island } = bundle {
        preload_island(manifest, island);
    }
    let nonce = leptos::nonce::use_nonce().map(|nonce| nonce.to_string());
    let script = format!("{folder}/{OUTPUT_NAME}.js");
    let wasm = format!("{folder}/{OUTPUT_NAME}_bg.wasm");
    let start = format!("({})({script:?}, {wasm:?});", SCRIPT.trim_end());
    Some(view! {
        <Link rel="modulepreload" href=script crossorigin=""/>
        <Link rel="preload" href=wasm as_="fetch" type_="application/wasm" crossorigin=""/>
        <Script type_="module" nonce=nonce.unwrap_or_default()>{start}</Script>
    })
}

fn read_manifest(options: &LeptosOptions, bundle: Bundle) -> Option<Manifest> {
    let path = std::path::Path::new(options.site_root.as_ref())
        .join(options.site_pkg_dir.as_ref())
        .join(bundle.folder())
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
    Some((
        format!("/{}/{}", options.site_pkg_dir, bundle.folder()),
        pieces,
        SPLIT_LOADER.to_owned(),
    ))
}

/// Names the piece of the lazy island whose component is `island` (as
/// written, `EvidencePage`) among the page's preloads, so the browser
/// fetches it beside the main bundle rather than when the script reaches
/// the island.
fn preload_island(manifest: Option<&'static Manifest>, island: &str) {
    // Leptos names a lazy island's loader `<island in snake case>_loader`,
    // and the split its piece `<loader>_<hash>`.
    let loader = format!("{}_loader_", snake_case(island));
    let piece =
        manifest.and_then(|(_, pieces, _)| pieces.keys().find(|name| name.starts_with(&loader)));
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
