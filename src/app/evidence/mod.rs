//! The evidence feature in the web app: the library page (browse, add,
//! edit, delete, import) and the source form the wizard also uses.

pub mod api;
mod form;

pub use form::SourceForm;

use leptos::prelude::*;

use crate::app::drafts::error_text;
use crate::app::loaded::load;
use crate::i18n::tr;
use crate::i18n::Lang;
use api::{DeleteSource, ImportOutcome, ImportSources, RetireSource, ShareSource};

#[cfg_attr(any(feature = "ssr", feature = "others-bundle"), island(lazy))]
#[cfg_attr(not(any(feature = "ssr", feature = "others-bundle")), component)]
pub fn EvidencePage() -> impl IntoView {
    let lang = crate::app::i18n::use_lang();
    let refresh = RwSignal::new(0u32);
    let delete = ServerAction::<DeleteSource>::new();
    let import = ServerAction::<ImportSources>::new();
    let retire = ServerAction::<RetireSource>::new();
    let share = ServerAction::<ShareSource>::new();
    let sources = load(
        move || {
            (
                share.version().get(),
                refresh.get(),
                delete.version().get(),
                import.version().get(),
                retire.version().get(),
            )
        },
        |_| api::list_sources(),
    );
    let editing = RwSignal::new(None::<String>);
    let adding = RwSignal::new(false);
    let (query, set_query) = signal(String::new());
    let import_text = RwSignal::new(String::new());
    let delete_message = move || {
        [
            delete.value().get().and_then(Result::err),
            retire.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .map(|e| view! { <p class="error" role="alert">{error_text(&e)}</p> })
        .collect_view()
    };
    let import_message = move || {
        import.value().get().map(|result| match result {
            Ok(outcome) => view! {
                <p class="note" role="status">{import_summary(lang, &outcome)}</p>
            }
            .into_any(),
            Err(e) => view! { <p class="error" role="alert">{error_text(&e)}</p> }.into_any(),
        })
    };
    view! {
        <section class="evidence">
            <h1>{tr!(lang, "evidence-heading")}</h1>
            <p class="lead">{tr!(lang, "evidence-lead")}</p>
            <div class="toolbar">
                <label>
                    <span>{tr!(lang, "evidence-search")}</span>
                    <input type="search" prop:value=query on:input=move |ev| set_query.set(event_target_value(&ev))/>
                </label>
                <button type="button" on:click=move |_| adding.update(|a| *a = !*a) aria-expanded=move || adding.get().to_string()>
                    {tr!(lang, "evidence-add-source")}
                </button>
            </div>
            <Show when=move || adding.get()>
                <SourceForm initial=None on_saved=Callback::new(move |_| { adding.set(false); refresh.update(|n| *n += 1); })/>
            </Show>
            <details class="import">
                <summary>{tr!(lang, "evidence-import-heading")}</summary>
                <label for="import-text">{tr!(lang, "evidence-import-label")}</label>
                <textarea id="import-text" rows="8" prop:value=import_text on:input=move |ev| import_text.set(event_target_value(&ev))></textarea>
                <button type="button" on:click=move |_| { import.dispatch(ImportSources { text: import_text.get_untracked() }); }>
                    {tr!(lang, "evidence-import")}
                </button>
                {import_message}
            </details>
            {delete_message}
            <Transition fallback=move || view! { <p aria-busy="true">{tr!(lang, "evidence-loading")}</p> }>
                {move || Suspend::new(async move {
                    let list = match sources.await {
                        Ok(list) => list,
                        Err(e) => return view! { <p class="error" role="alert">{error_text(&e)}</p> }.into_any(),
                    };
                    view! {
                        <ul class="library">
                            {move || {
                                let q = query.get().to_lowercase();
                                list.iter()
                                    .filter(|v| q.is_empty() || v.citation.to_lowercase().contains(&q) || v.source.id.contains(&q))
                                    .map(|view| {
                                        let view = view.clone();
                                        let id = view.source.id.clone();
                                        let edit_id = id.clone();
                                        let is_editing = {
                                            let id = id.clone();
                                            move || editing.get().as_deref() == Some(id.as_str())
                                        };
                                        let source = view.source.clone();
                                        view! {
                                            <li class="source" data-source=id.clone()>
                                                <p class="citation">{view.citation.clone()}</p>
                                                <p class="meta">
                                                    <code>{format!("[@{}]", id)}</code>
                                                    {format!(" · {}", tr!(lang, "evidence-claim-count", count = view.source.claims.len()))}
                                                    {view.source.provenance.clone().map(|p| format!(" · {p}"))}
                                                    {(!view.owned).then(|| format!(" · {}", tr!(lang, "evidence-from-owner", owner = view.owner.clone())))}
                                                    {view.shared.then(|| format!(" · {}", tr!(lang, "evidence-shared")))}
                                                    {view.retired.then(|| format!(" · {}", tr!(lang, "evidence-retired")))}
                                                </p>
                                                {view.owned.then(|| {
                                                    let (delete_id, retire_id, retired) = (id.clone(), id.clone(), view.retired);
                                                    let (share_id, shared) = (id.clone(), view.shared);
                                                    view! {
                                                        <button type="button" on:click=move |_| editing.set(Some(edit_id.clone()))>{tr!(lang, "evidence-edit")}</button>
                                                        <button type="button" class="retire" on:click=move |_| {
                                                            retire.dispatch(RetireSource { id: retire_id.clone(), retired: !retired });
                                                        }>{if retired { tr!(lang, "evidence-bring-back") } else { tr!(lang, "evidence-retire") }}</button>
                                                        {(!shared).then(|| view! {
                                                            <button type="button" class="share" on:click=move |_| {
                                                                share.dispatch(ShareSource { id: share_id.clone() });
                                                            }>{tr!(lang, "evidence-share")}</button>
                                                        })}
                                                        <button type="button" on:click=move |_| {
                                                            delete.dispatch(DeleteSource { id: delete_id.clone() });
                                                        }>{tr!(lang, "evidence-delete")}</button>
                                                    }
                                                })}
                                                <Show when=is_editing.clone()>
                                                    <SourceForm
                                                        initial=Some(source.clone())
                                                        on_saved=Callback::new(move |_| { editing.set(None); refresh.update(|n| *n += 1); })
                                                    />
                                                </Show>
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </ul>
                    }
                    .into_any()
                })}
            </Transition>
        </section>
    }
}

/// What an import did: how many sources it added (with their ids) and the
/// ids it left alone because the library already had them.
fn import_summary(lang: Lang, outcome: &ImportOutcome) -> String {
    let mut summary = tr!(
        lang,
        "evidence-imported",
        format = outcome.format.clone(),
        count = outcome.added.len()
    );
    if !outcome.added.is_empty() {
        summary.push_str(&format!(" ({})", outcome.added.join(", ")));
    }
    if !outcome.skipped.is_empty() {
        summary.push_str(&tr!(
            lang,
            "evidence-import-skipped",
            ids = outcome.skipped.join(", ")
        ));
    }
    summary
}
