//! The drafts feature in the web app: the drafts page (list, search,
//! create, duplicate, archive), the wizard that fills a draft in, and its
//! history. Server functions are in [`api`].

pub mod api;
mod autosave;
mod history;
mod inputs;
pub mod packets;
mod picker;
mod publish;
mod template_update;
mod title;
mod wizard;

pub use history::HistoryPage;
pub use wizard::WizardPage;

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::app::templates::list_templates;
use crate::drafts::{DraftStatus, DraftSummary};
use api::{ArchiveDraft, CreateDraft, DuplicateDraft, SetDraftStatus};

#[component]
pub fn DraftsPage() -> impl IntoView {
    let (text, set_text) = signal(String::new());
    let (status, set_status) = signal(String::from("any"));
    let (archived, set_archived) = signal(false);
    let duplicate = ServerAction::<DuplicateDraft>::new();
    let archive = ServerAction::<ArchiveDraft>::new();
    let set_draft_status = ServerAction::<SetDraftStatus>::new();
    // Drafts ticked for a packet.
    let selected = RwSignal::new(BTreeSet::<i64>::new());
    let drafts = Resource::new(
        move || {
            (
                text.get(),
                status.get(),
                archived.get(),
                duplicate.version().get(),
                archive.version().get(),
                set_draft_status.version().get(),
            )
        },
        |(text, status, archived, ..)| api::list_drafts(text, status, archived),
    );
    let action_error = move || {
        [
            duplicate.value().get().and_then(Result::err),
            archive.value().get().and_then(Result::err),
            set_draft_status.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .map(|e| error_text(&e))
        .next()
    };
    view! {
        <section class="drafts">
            <h1>"Drafts"</h1>
            <NewDraftForm/>
            <div class="toolbar" role="search">
                <label>
                    <span>"Search title, company or template"</span>
                    <input
                        type="search"
                        name="q"
                        prop:value=text
                        on:input=move |ev| set_text.set(event_target_value(&ev))
                    />
                </label>
                <label>
                    <span>"Status"</span>
                    <select name="status" on:change=move |ev| set_status.set(event_target_value(&ev))>
                        <option value="any">"Any"</option>
                        {DraftStatus::ALL
                            .into_iter()
                            .map(|s| view! { <option value=s.as_str()>{s.label()}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label class="inline">
                    <input
                        type="checkbox"
                        name="archived"
                        on:change=move |ev| set_archived.set(event_target_checked(&ev))
                    />
                    <span>"Show archived drafts"</span>
                </label>
            </div>
            {move || action_error().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <Transition fallback=|| view! { <p aria-busy="true">"Loading drafts…"</p> }>
                {move || Suspend::new(async move {
                    match drafts.await {
                        Ok(list) if list.is_empty() => {
                            view! { <p class="empty">"No drafts match. Start one from a template above."</p> }
                                .into_any()
                        }
                        Ok(list) => {
                            view! { <DraftTable drafts=list duplicate archive set_draft_status selected/> }
                                .into_any()
                        }
                        Err(e) => {
                            view! { <p class="error" role="alert">{error_text(&e)}</p> }.into_any()
                        }
                    }
                })}
            </Transition>
            <LazyPackets selected/>
        </section>
    }
}

/// The packets panel in its own piece of the bundle, so the drafts list a
/// drafter opens first does not wait for it: shown once that piece has
/// loaded (never in the server's HTML, so the first render agrees with
/// the browser's).
#[component]
fn LazyPackets(selected: RwSignal<BTreeSet<i64>>) -> impl IntoView {
    let loaded = leptos::prelude::lazy_preload!(packets_panel);
    move || {
        loaded.get().then(|| {
            view! {
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move { packets_panel(selected).await })}
                </Suspense>
            }
        })
    }
}

#[leptos::lazy]
fn packets_panel(selected: RwSignal<BTreeSet<i64>>) -> AnyView {
    view! { <packets::Packets selected/> }.into_any()
}

#[component]
fn NewDraftForm() -> impl IntoView {
    let create = ServerAction::<CreateDraft>::new();
    let templates = Resource::new(|| (), |_| list_templates());
    view! {
        <ActionForm action=create attr:class="new-draft">
            <h2>"Start a draft"</h2>
            <label>
                <span>"Template"</span>
                <Suspense fallback=|| view! { <select name="template_id" disabled=true></select> }>
                    {move || Suspend::new(async move {
                        let list = templates.await.unwrap_or_default();
                        view! {
                            <select name="template_id" required=true>
                                {list
                                    .into_iter()
                                    .map(|t| view! { <option value=t.id.clone()>{t.title.clone()}</option> })
                                    .collect_view()}
                            </select>
                        }
                    })}
                </Suspense>
            </label>
            <label>
                <span>"Title (optional)"</span>
                <input type="text" name="title" maxlength="200" placeholder="e.g. Proposal to Example Corp, 2027"/>
            </label>
            <button type="submit">"Start draft"</button>
            {move || {
                create
                    .value()
                    .get()
                    .and_then(Result::err)
                    .map(|e| view! { <p class="error" role="alert">{error_text(&e)}</p> })
            }}
        </ActionForm>
    }
}

#[component]
fn DraftTable(
    drafts: Vec<DraftSummary>,
    duplicate: ServerAction<DuplicateDraft>,
    archive: ServerAction<ArchiveDraft>,
    set_draft_status: ServerAction<SetDraftStatus>,
    selected: RwSignal<BTreeSet<i64>>,
) -> impl IntoView {
    view! {
        <table class="draft-list">
            <thead>
                <tr>
                    <th scope="col"><span class="visually-hidden">"In packet"</span></th>
                    <th scope="col">"Title"</th>
                    <th scope="col">"Template"</th>
                    <th scope="col">"Company"</th>
                    <th scope="col">"Status"</th>
                    <th scope="col">"Last change"</th>
                    <th scope="col">"Actions"</th>
                </tr>
            </thead>
            <tbody>
                {drafts
                    .into_iter()
                    .map(|draft| {
                        let id = draft.id;
                        let current = draft.status;
                        view! {
                            <tr data-draft=id class:archived=draft.archived>
                                <td>
                                    <input
                                        type="checkbox"
                                        class="packet-pick"
                                        aria-label=format!("Put {} in a packet", draft.title)
                                        prop:checked=move || selected.with(|s| s.contains(&id))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            selected.update(|s| {
                                                if on { s.insert(id); } else { s.remove(&id); }
                                            });
                                        }
                                    />
                                </td>
                                <td>
                                    <a href=format!("/drafts/{id}")>{draft.title.clone()}</a>
                                    {draft.archived.then(|| view! { <span class="tag">" archived"</span> })}
                                </td>
                                <td>{draft.template_title.clone()}</td>
                                <td>{draft.company.clone()}</td>
                                <td>
                                    <select
                                        aria-label=format!("Status of {}", draft.title)
                                        on:change=move |ev| {
                                            set_draft_status.dispatch(SetDraftStatus { id, status: event_target_value(&ev) });
                                        }
                                    >
                                        {DraftStatus::ALL
                                            .into_iter()
                                            .map(|s| {
                                                view! { <option value=s.as_str() selected=s == current>{s.label()}</option> }
                                            })
                                            .collect_view()}
                                    </select>
                                </td>
                                <td><time datetime=draft.updated_at.clone()>{short_time(&draft.updated_at)}</time></td>
                                <td class="actions">
                                    <a href=format!("/drafts/{id}/history")>"History"</a>
                                    <button type="button" on:click=move |_| { duplicate.dispatch(DuplicateDraft { id }); }>
                                        "Duplicate"
                                    </button>
                                    <button
                                        type="button"
                                        on:click=move |_| { archive.dispatch(ArchiveDraft { id, archived: !draft.archived }); }
                                    >
                                        {if draft.archived { "Unarchive" } else { "Archive" }}
                                    </button>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// `2026-11-30 12:04` from a stored RFC 3339 time (UTC).
pub(crate) fn short_time(stored: &str) -> String {
    match (stored.get(..10), stored.get(11..16)) {
        (Some(day), Some(time)) => format!("{day} {time} UTC"),
        _ => stored.to_owned(),
    }
}

/// A server function's error as the user should read it.
pub(crate) fn error_text(error: &crate::app::error::AppError) -> String {
    error.to_string()
}
