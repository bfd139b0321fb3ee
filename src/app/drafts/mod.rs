//! The drafts feature in the web app: the drafts page (list, search,
//! create, duplicate, archive), the wizard that fills a draft in, and its
//! history. Server functions are in [`api`].

pub mod api;
mod autosave;
mod history;
mod inputs;
mod later;
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

use crate::app::forms::CallForm;
use crate::app::i18n::use_lang;
use crate::app::loaded::load;
use crate::app::templates::list_templates;
use crate::drafts::{DraftStatus, DraftSummary};
use crate::i18n::tr;
use crate::i18n::Lang;
use api::{ArchiveDraft, CreateDraft, DuplicateDraft, SetDraftStatus};

#[cfg_attr(any(feature = "ssr", feature = "drafts-bundle"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "drafts-bundle")), component)]
pub fn DraftsPage() -> impl IntoView {
    let lang = use_lang();
    let (text, set_text) = signal(String::new());
    let (status, set_status) = signal(String::from("any"));
    let (archived, set_archived) = signal(false);
    let duplicate = ServerAction::<DuplicateDraft>::new();
    let archive = ServerAction::<ArchiveDraft>::new();
    let set_draft_status = ServerAction::<SetDraftStatus>::new();
    // Drafts ticked for a packet.
    let selected = RwSignal::new(BTreeSet::<i64>::new());
    let drafts = load(
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
            <h1>{tr!(lang, "drafts-title")}</h1>
            <NewDraftForm/>
            <div class="toolbar" role="search">
                <label>
                    <span>{tr!(lang, "drafts-search")}</span>
                    <input
                        type="search"
                        name="q"
                        prop:value=text
                        on:input=move |ev| set_text.set(event_target_value(&ev))
                    />
                </label>
                <label>
                    <span>{tr!(lang, "drafts-status")}</span>
                    <select name="status" on:change=move |ev| set_status.set(event_target_value(&ev))>
                        <option value="any">{tr!(lang, "drafts-status-any")}</option>
                        {DraftStatus::ALL
                            .into_iter()
                            .map(|s| view! { <option value=s.as_str()>{status_label(lang, s)}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label class="inline">
                    <input
                        type="checkbox"
                        name="archived"
                        on:change=move |ev| set_archived.set(event_target_checked(&ev))
                    />
                    <span>{tr!(lang, "drafts-show-archived")}</span>
                </label>
            </div>
            {move || action_error().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <Transition fallback=move || view! { <p aria-busy="true">{tr!(lang, "drafts-loading")}</p> }>
                {move || Suspend::new(async move {
                    match drafts.await {
                        Ok(list) if list.is_empty() => {
                            view! { <p class="empty">{tr!(lang, "drafts-none-match")}</p> }
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
    let panel = RwSignal::new(None::<PacketsView>);
    // Effects run in the browser only, once the page is interactive.
    Effect::new(move |_| {
        #[cfg(not(feature = "ssr"))]
        crate::app::pieces::fetch_into(panel, "the packets panel", packets_panel);
    });
    move || panel.get().map(|view| view(selected))
}

type PacketsView = fn(RwSignal<BTreeSet<i64>>) -> AnyView;

// The server never shows the panel (see `LazyPackets`), so there nothing
// reaches it.
#[cfg_attr(feature = "ssr", allow(dead_code))]
static PACKETS: PacketsView = |selected| {
    view! {
        <Suspense fallback=|| ()>
            <packets::Packets selected/>
        </Suspense>
    }
    .into_any()
};

// The split point (see `app::pieces`).
#[cfg(not(feature = "ssr"))]
#[leptos::wasm_split::wasm_split(
    drafts_packets_panel,
    wasm_split_path = ::leptos::wasm_split,
    fallible
)]
fn packets_panel() -> Result<PacketsView, leptos::wasm_split::SplitLoaderError> {
    Ok(PACKETS)
}

#[component]
fn NewDraftForm() -> impl IntoView {
    let lang = use_lang();
    let create = ServerAction::<CreateDraft>::new();
    let templates = load(|| (), |_| list_templates());
    let (template, title) = (
        NodeRef::<leptos::html::Select>::new(),
        NodeRef::<leptos::html::Input>::new(),
    );
    // No template until the list has arrived: nothing to start from yet.
    let start = move || {
        Some(CreateDraft {
            template_id: template.get_untracked()?.value(),
            title: title.get_untracked().map(|t| t.value()).unwrap_or_default(),
        })
    };
    view! {
        <CallForm action=create input=start class="new-draft">
            <h2>{tr!(lang, "drafts-new-heading")}</h2>
            <label>
                <span>{tr!(lang, "drafts-template")}</span>
                <Suspense fallback=|| view! { <select name="template_id" disabled=true></select> }>
                    {move || Suspend::new(async move {
                        let list = templates.await.unwrap_or_default();
                        view! {
                            <select name="template_id" required=true node_ref=template>
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
                <span>{tr!(lang, "drafts-new-title")}</span>
                <input type="text" name="title" maxlength="200" placeholder=tr!(lang, "drafts-new-title-example") node_ref=title/>
            </label>
            <button type="submit">{tr!(lang, "drafts-new-start")}</button>
            {move || {
                create
                    .value()
                    .get()
                    .and_then(Result::err)
                    .map(|e| view! { <p class="error" role="alert">{error_text(&e)}</p> })
            }}
        </CallForm>
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
    let lang = use_lang();
    // The packet boxes are live once the page has hydrated: a box ticked
    // before would be unticked by hydration and its click lost.
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));
    view! {
        <table class="draft-list">
            <thead>
                <tr>
                    <th scope="col"><span class="visually-hidden">{tr!(lang, "drafts-column-packet")}</span></th>
                    <th scope="col">{tr!(lang, "drafts-column-title")}</th>
                    <th scope="col">{tr!(lang, "drafts-template")}</th>
                    <th scope="col">{tr!(lang, "drafts-column-company")}</th>
                    <th scope="col">{tr!(lang, "drafts-status")}</th>
                    <th scope="col">{tr!(lang, "drafts-column-changed")}</th>
                    <th scope="col">{tr!(lang, "drafts-column-actions")}</th>
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
                                        disabled=move || !hydrated.get()
                                        aria-label=tr!(lang, "drafts-pick-for-packet", title = draft.title.as_str())
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
                                    {draft.archived.then(|| view! { <span class="tag">{tr!(lang, "drafts-archived-tag")}</span> })}
                                </td>
                                <td>{draft.template_title.clone()}</td>
                                <td>{draft.company.clone()}</td>
                                <td>
                                    <select
                                        aria-label=tr!(lang, "drafts-status-of", title = draft.title.as_str())
                                        on:change=move |ev| {
                                            set_draft_status.dispatch(SetDraftStatus { id, status: event_target_value(&ev) });
                                        }
                                    >
                                        {DraftStatus::ALL
                                            .into_iter()
                                            .map(|s| {
                                                view! { <option value=s.as_str() selected=s == current>{status_label(lang, s)}</option> }
                                            })
                                            .collect_view()}
                                    </select>
                                </td>
                                <td><time datetime=draft.updated_at.clone()>{short_time_in(lang, &draft.updated_at)}</time></td>
                                <td class="actions">
                                    <a href=format!("/drafts/{id}/history")>{tr!(lang, "drafts-history")}</a>
                                    <button type="button" on:click=move |_| { duplicate.dispatch(DuplicateDraft { id }); }>
                                        {tr!(lang, "drafts-duplicate")}
                                    </button>
                                    <button
                                        type="button"
                                        on:click=move |_| { archive.dispatch(ArchiveDraft { id, archived: !draft.archived }); }
                                    >
                                        {if draft.archived { tr!(lang, "drafts-unarchive") } else { tr!(lang, "drafts-archive") }}
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

/// A stored RFC 3339 time (UTC) in the page's language; see
/// [`short_time_in`].
pub(crate) fn short_time(stored: &str) -> String {
    short_time_in(use_lang(), stored)
}

/// A stored RFC 3339 time (UTC) to the minute: `2026-11-30 12:04 UTC`, in
/// French `30 novembre 2026, 12 h 04 UTC`. A time it cannot read is shown
/// as stored.
pub(crate) fn short_time_in(lang: Lang, stored: &str) -> String {
    let day = stored.get(..10);
    let shown = match lang {
        Lang::En => day
            .zip(stored.get(11..16))
            .map(|(day, time)| format!("{day} {time} UTC")),
        Lang::Fr => day.and_then(crate::text::parse_date).and_then(|date| {
            let hour = stored.get(11..13)?.parse::<u8>().ok()?;
            let minute = stored.get(14..16)?;
            Some(format!(
                "{}, {hour} h {minute} UTC",
                crate::i18n::date(lang, date)
            ))
        }),
    };
    shown.unwrap_or_else(|| stored.to_owned())
}

/// A draft's status as the interface names it.
pub(crate) fn status_label(lang: Lang, status: DraftStatus) -> String {
    match status {
        DraftStatus::Draft => tr!(lang, "drafts-status-draft"),
        DraftStatus::InReview => tr!(lang, "drafts-status-in-review"),
        DraftStatus::Final => tr!(lang, "drafts-status-final"),
    }
}

/// A server function's error as the user should read it, in the page's
/// language.
pub(crate) fn error_text(error: &crate::app::error::AppError) -> String {
    error.words(use_lang())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_as_each_language_writes_them() {
        let stored = "2026-02-16T09:05:41.123456Z";
        assert_eq!(short_time_in(Lang::En, stored), "2026-02-16 09:05 UTC");
        assert_eq!(
            short_time_in(Lang::Fr, stored),
            "16 février 2026, 9 h 05 UTC"
        );
        assert_eq!(short_time_in(Lang::Fr, "not a time"), "not a time");
    }
}
