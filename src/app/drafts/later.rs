//! The parts of the wizard a drafter does not see when it opens: the
//! evidence picker (with the library's source form), the review step, the
//! checks' findings and the answers the rules suggest
//! (which come with the first preview, after the page is interactive), the
//! conflict banner, the rename form and the changes a newer template
//! version would bring. They are one piece of the wizard's bundle, fetched
//! once the wizard is interactive, so the page's first download leaves
//! them out (see `docs/ARCHITECTURE.md`, "Islands, one bundle per first
//! page").
//!
//! None of them shows on the server's page or in the browser's first
//! render, so the two agree whether the piece is in or not. Each shows once
//! both the piece is in and its moment has come.

use leptos::prelude::*;

use super::inputs::Suggestion;
use super::picker::EvidencePicker;
use super::template_update::TemplateChanges;
use super::title::RenameForm;
use super::wizard::{ConflictBanner, Findings, Page, Review};
use crate::compose::Field;

/// The later parts' views, from the piece that holds them.
pub struct LaterParts {
    /// The evidence picker of an evidence-list field.
    pub evidence_picker: fn(Field) -> AnyView,
    /// The review step: the pages, and where "edit" goes.
    pub review: fn(StoredValue<Vec<Page>>, Callback<usize>) -> AnyView,
    pub findings: fn() -> AnyView,
    /// The answer the rules suggest for a field, if any.
    pub suggestion: fn(Field) -> AnyView,
    pub conflict: fn() -> AnyView,
    /// The rename form of draft `id` (see `title.rs`).
    pub rename: fn(i64, RwSignal<String>, RwSignal<bool>) -> AnyView,
    /// The changes moving draft `id` to the newer template would bring.
    pub template_changes: fn(i64) -> AnyView,
}

// The server never shows these parts (see the module comment), so there
// nothing reaches them.
#[cfg_attr(feature = "ssr", allow(dead_code))]
static PARTS: LaterParts = LaterParts {
    evidence_picker: |field| view! { <EvidencePicker field/> }.into_any(),
    review: |pages, go| view! { <Review pages go/> }.into_any(),
    findings: || view! { <Findings/> }.into_any(),
    suggestion: |field| view! { <Suggestion field/> }.into_any(),
    conflict: || view! { <ConflictBanner/> }.into_any(),
    rename: |id, shown, editing| view! { <RenameForm id shown editing/> }.into_any(),
    template_changes: |draft_id| view! { <TemplateChanges draft_id/> }.into_any(),
};

// The split point: the piece holds what `PARTS` reaches and the main
// module does not. It returns a failure to fetch the piece, so the wizard
// keeps working (and saving) and asks for it again (see `app::pieces`).
#[cfg(not(feature = "ssr"))]
#[leptos::wasm_split::wasm_split(
    wizard_later_parts,
    wasm_split_path = ::leptos::wasm_split,
    fallible
)]
fn later_parts() -> Result<&'static LaterParts, leptos::wasm_split::SplitLoaderError> {
    Ok(&PARTS)
}

/// The wizard's handle on its later parts (a context of the wizard).
#[derive(Clone, Copy)]
pub struct Later {
    parts: RwSignal<Option<&'static LaterParts>>,
}

impl Later {
    /// Provides the handle to the wizard's views, and fetches the piece
    /// once the wizard is interactive (see `app::pieces`). Effects run in
    /// the browser only: no later part is on the server's page.
    pub fn provide() -> Later {
        let later = Later {
            parts: RwSignal::new(None),
        };
        provide_context(later);
        Effect::new(move |_| {
            #[cfg(not(feature = "ssr"))]
            crate::app::pieces::fetch_into(later.parts, "the wizard's later parts", later_parts);
        });
        later
    }

    pub fn expect() -> Later {
        expect_context::<Later>()
    }

    /// The parts, once their piece is in (tracked); until then `None`.
    pub fn parts(self) -> Option<&'static LaterParts> {
        self.parts.get()
    }
}
