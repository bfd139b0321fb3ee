//! Pieces of a browser bundle a page fetches once it is interactive (the
//! wizard's later parts, the drafts list's packets panel), none of them on
//! the server's page. Their split points are `wasm_split`'s own with
//! `fallible`, not Leptos's `#[lazy]`, whose wrapper stops the page's
//! script when a piece cannot be fetched: here a failed fetch is logged
//! and tried again a few seconds later, and the page keeps working.

use leptos::prelude::*;

/// How long after a failed fetch a piece is asked for again.
const RETRY: std::time::Duration = std::time::Duration::from_secs(5);

/// Fetches a piece with `load` (its split point) into `into` until it is
/// in; `what` names it in the console. A retry that comes after the page
/// has gone does nothing.
pub fn fetch_into<T, Load, Loading>(into: RwSignal<Option<T>>, what: &'static str, load: Load)
where
    T: Send + Sync + 'static,
    Load: Fn() -> Loading + Copy + 'static,
    Loading:
        std::future::Future<Output = Result<T, leptos::wasm_split::SplitLoaderError>> + 'static,
{
    leptos::task::spawn_local(async move {
        let fetched = load().await;
        if into.is_disposed() {
            return;
        }
        match fetched {
            Ok(piece) => into.set(Some(piece)),
            Err(error) => {
                leptos::logging::error!("{what} did not load ({error}); trying again");
                set_timeout(
                    move || {
                        if !into.is_disposed() {
                            fetch_into(into, what, load);
                        }
                    },
                    RETRY,
                );
            }
        }
    });
}
