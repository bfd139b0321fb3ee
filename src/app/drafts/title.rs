//! A draft's title in the wizard's header, with an in-place rename. The
//! title is the draft's name in lists; it is not part of the document.

use leptos::prelude::*;

use super::api::RenameDraft;
use super::error_text;
use super::later::Later;
use crate::app::i18n::use_lang;
use crate::i18n::tr;

/// The title, and the button that opens its rename form, one of the
/// wizard's later parts (`later.rs`).
#[component]
pub fn DraftTitle(id: i64, title: String) -> impl IntoView {
    let lang = use_lang();
    let later = Later::expect();
    let shown = RwSignal::new(title);
    let editing = RwSignal::new(false);
    view! {
        <Show
            when=move || editing.get()
            fallback=move || view! {
                <div class="draft-title">
                    <h1>{move || shown.get()}</h1>
                    <button type="button" class="link" on:click=move |_| editing.set(true)>{tr!(lang, "drafts-rename")}</button>
                </div>
            }
        >
            {move || match later.parts() {
                Some(parts) => (parts.rename)(id, shown, editing),
                None => view! { <p aria-busy="true">{tr!(lang, "wizard-part-loading")}</p> }.into_any(),
            }}
        </Show>
    }
}

/// The rename form of draft `id`, open while `editing`: `shown` changes
/// only once the server has stored the new title.
#[component]
pub(super) fn RenameForm(
    id: i64,
    shown: RwSignal<String>,
    editing: RwSignal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    let typed = RwSignal::new(shown.get_untracked());
    let rename = ServerAction::<RenameDraft>::new();
    let input = NodeRef::<leptos::html::Input>::new();
    // The title as sent: what the server stored, whatever is typed meanwhile.
    let sent = StoredValue::new(String::new());
    Effect::new(move |_| {
        if let Some(Ok(())) = rename.value().get() {
            shown.set(sent.get_value());
            editing.set(false);
        }
    });
    request_animation_frame(move || {
        if let Some(input) = input.get_untracked() {
            let _ = input.focus();
            input.select();
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let title = typed.get_untracked();
        sent.set_value(title.trim().to_owned());
        rename.dispatch(RenameDraft { id, title });
    };
    let cancel = move || editing.set(false);
    view! {
        <form class="draft-title rename" on:submit=save>
            <label for="draft-title-input" class="visually-hidden">{tr!(lang, "drafts-rename-label")}</label>
            <input
                id="draft-title-input"
                type="text"
                maxlength="200"
                node_ref=input
                prop:value=move || typed.get()
                on:input=move |ev| typed.set(event_target_value(&ev))
                on:keydown=move |ev| if ev.key() == "Escape" { cancel() }
                aria-describedby="draft-title-error"
            />
            <button type="submit" class="primary" disabled=move || rename.pending().get()>{tr!(lang, "drafts-rename-save")}</button>
            <button type="button" on:click=move |_| cancel()>{tr!(lang, "drafts-rename-cancel")}</button>
            <p id="draft-title-error" class="field-error" role="alert">
                {move || rename.value().get().and_then(Result::err).map(|e| error_text(&e))}
            </p>
        </form>
    }
}
