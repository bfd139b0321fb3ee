//! The offer to move a draft to a newer version of its template: what
//! would change (questions added, removed or changed, answers dropped, the
//! text's lines), then the move itself, saved as a new draft version.

use leptos::prelude::*;

use super::api::{self, MoveDraftTemplate};
use super::autosave::Form;
use super::error_text;
use super::later::Later;
use crate::app::i18n::use_lang;
use crate::app::loaded::load;
use crate::drafts::SaveOutcome;
use crate::i18n::tr;

/// The note that a newer version exists, and the button that opens what
/// it would change. What it would change is one of the wizard's later
/// parts (`later.rs`): it shows only once asked for.
#[component]
pub fn TemplateUpdate(draft_id: i64, current: i64, newer: i64) -> impl IntoView {
    let lang = use_lang();
    let later = Later::expect();
    let open = RwSignal::new(false);
    view! {
        <section class="template-update" aria-label=tr!(lang, "drafts-template-newer")>
            <p class="note">
                {tr!(lang, "drafts-template-newer-note", current = current, newer = newer)}
                <button type="button" class="link" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                    {tr!(lang, "drafts-template-what-changes")}
                </button>
            </p>
            <Show when=move || open.get()>
                {move || match later.parts() {
                    Some(parts) => (parts.template_changes)(draft_id),
                    None => view! { <p aria-busy="true">{tr!(lang, "drafts-template-comparing")}</p> }.into_any(),
                }}
            </Show>
        </section>
    }
}

/// What moving draft `draft_id` to the newer version would change, and the
/// button that moves it; fetched each time it is opened.
#[component]
pub(super) fn TemplateChanges(draft_id: i64) -> impl IntoView {
    let lang = use_lang();
    let form = expect_context::<Form>();
    let changes = load(|| (), move |()| api::preview_template_move(draft_id));
    let move_draft = ServerAction::<MoveDraftTemplate>::new();
    // The draft's questions come from the template: after the move the page
    // loads again, with the new version's steps and fields.
    Effect::new(move |_| {
        if let Some(Ok(SaveOutcome::Saved { .. })) = move_draft.value().get() {
            let _ = window().location().reload();
        }
    });
    let outcome = move || {
        move_draft.value().get().and_then(|result| match result {
            Ok(SaveOutcome::Saved { .. }) => None,
            Ok(SaveOutcome::Conflict { current }) => Some(tr!(
                lang,
                "drafts-template-move-conflict",
                current = current.number
            )),
            Ok(SaveOutcome::Unchanged { .. }) => None,
            Err(error) => Some(error_text(&error)),
        })
    };
    view! {
        <Suspense fallback=move || view! { <p aria-busy="true">{tr!(lang, "drafts-template-comparing")}</p> }>
            {move || Suspend::new(async move {
                match changes.await {
                    Ok(found) => {
                        let c = found.changes;
                        let list = |title: String, items: Vec<String>| {
                            (!items.is_empty()).then(|| view! {
                                <h3>{title}</h3>
                                <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                            })
                        };
                        let lines = tr!(
                            lang,
                            "drafts-template-lines",
                            added = c.lines_added,
                            removed = c.lines_removed,
                        );
                        view! {
                            <div class="changes" data-template-changes="true">
                                {list(tr!(lang, "drafts-template-added"), c.added)}
                                {list(tr!(lang, "drafts-template-removed"), c.removed)}
                                {list(tr!(lang, "drafts-template-changed"), c.changed)}
                                {list(tr!(lang, "drafts-template-dropped"), found.dropped_answers)}
                                <p>{lines}</p>
                                {(!c.line_changes.is_empty()).then(|| view! {
                                    <pre class="line-changes">{c.line_changes.join("\n")}</pre>
                                })}
                                <button
                                    type="button"
                                    class="primary"
                                    disabled=move || form.saved_version().is_none() || move_draft.pending().get()
                                    on:click=move |_| {
                                        if let Some(base_version) = form.saved_version() {
                                            move_draft.dispatch(MoveDraftTemplate { id: draft_id, base_version, to_version: found.to });
                                        }
                                    }
                                >
                                    {tr!(lang, "drafts-template-move", version = found.to)}
                                </button>
                            </div>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <p class="error" role="alert">{error_text(&error)}</p> }.into_any(),
                }
            })}
        </Suspense>
        {move || outcome().map(|message| view! { <p class="error" role="alert">{message}</p> })}
    }
}
