//! A draft's history: every version, one version's answers, what changed
//! between two versions, and restoring an old version as a new one.

use leptos::prelude::*;

use super::api::{self, RestoreVersion};
use super::{error_text, short_time_in};
use crate::app::i18n::use_lang;
use crate::app::loaded::load;
use crate::drafts::SaveOutcome;
use crate::i18n::tr;

/// The history of draft `id`.
#[cfg_attr(any(feature = "ssr", feature = "others-bundle"), island(lazy))]
#[cfg_attr(not(any(feature = "ssr", feature = "others-bundle")), component)]
pub fn HistoryPage(id: i64) -> impl IntoView {
    let lang = use_lang();
    let restore = ServerAction::<RestoreVersion>::new();
    let history = load(
        move || (id, restore.version().get()),
        |(id, _)| api::draft_history(id),
    );
    let (shown, set_shown) = signal(None::<i64>);
    let (before, set_before) = signal(None::<i64>);
    let (after, set_after) = signal(None::<i64>);
    let version = load(
        move || (id, shown.get()),
        |(id, shown)| async move {
            match shown {
                Some(number) => api::view_version(id, number).await.map(Some),
                None => Ok(None),
            }
        },
    );
    let changes = load(
        move || (id, before.get(), after.get()),
        |(id, before, after)| async move {
            match (before, after) {
                (Some(b), Some(a)) => api::compare_versions(id, b, a).await.map(Some),
                _ => Ok(None),
            }
        },
    );
    let restore_message = move || {
        restore.value().get().map(|result| match result {
            Ok(SaveOutcome::Saved { version, .. }) => {
                tr!(lang, "drafts-restored", version = version)
            }
            Ok(SaveOutcome::Conflict { current }) => {
                tr!(lang, "drafts-restore-conflict", current = current.number)
            }
            Ok(SaveOutcome::Unchanged { .. }) => tr!(lang, "drafts-restore-unchanged"),
            Err(e) => error_text(&e),
        })
    };

    view! {
        <section class="history">
            <Transition fallback=move || view! { <p aria-busy="true">{tr!(lang, "drafts-history-loading")}</p> }>
                {move || Suspend::new(async move {
                    let (draft, versions) = match history.await {
                        Ok(found) => found,
                        Err(e) => return view! { <p class="error" role="alert">{error_text(&e)}</p> }.into_any(),
                    };
                    let head = draft.head;
                    let draft_id = draft.id;
                    view! {
                        <h1>{tr!(lang, "drafts-history-title", title = draft.title.as_str())}</h1>
                        <p><a href=format!("/drafts/{draft_id}")>{tr!(lang, "drafts-history-back")}</a></p>
                        <p class="note" role="status">{restore_message}</p>
                        <table class="versions">
                            <thead>
                                <tr>
                                    <th scope="col">{tr!(lang, "drafts-history-version")}</th>
                                    <th scope="col">{tr!(lang, "drafts-history-saved")}</th>
                                    <th scope="col">{tr!(lang, "drafts-history-note")}</th>
                                    <th scope="col">{tr!(lang, "drafts-history-compare")}</th>
                                    <th scope="col">{tr!(lang, "drafts-column-actions")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {versions
                                    .into_iter()
                                    .map(|v| {
                                        let number = v.number;
                                        view! {
                                            <tr data-version=number>
                                                <td>{number}{(number == head).then(|| tr!(lang, "drafts-history-latest"))}</td>
                                                <td>{short_time_in(lang, &v.saved_at)}</td>
                                                <td>{v.note.clone()}</td>
                                                <td>
                                                    <label class="inline">
                                                        <input type="radio" name="before" on:change=move |_| set_before.set(Some(number))/>
                                                        {tr!(lang, "drafts-history-from")}
                                                    </label>
                                                    <label class="inline">
                                                        <input type="radio" name="after" on:change=move |_| set_after.set(Some(number))/>
                                                        {tr!(lang, "drafts-history-to")}
                                                    </label>
                                                </td>
                                                <td class="actions">
                                                    <button type="button" on:click=move |_| set_shown.set(Some(number))>{tr!(lang, "drafts-history-view")}</button>
                                                    {(number != head).then(|| view! {
                                                        <button type="button" on:click=move |_| {
                                                            restore.dispatch(RestoreVersion { id: draft_id, number, base_version: head });
                                                        }>{tr!(lang, "drafts-history-restore")}</button>
                                                    })}
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                    .into_any()
                })}
            </Transition>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match changes.await {
                        Ok(Some(list)) => view! {
                            <section class="changes" aria-label=tr!(lang, "drafts-changes")>
                                <h2>{tr!(
                                    lang,
                                    "drafts-changes-title",
                                    before = before.get_untracked().unwrap_or(0),
                                    after = after.get_untracked().unwrap_or(0),
                                )}</h2>
                                {list.is_empty().then(|| view! { <p>{tr!(lang, "drafts-changes-none")}</p> })}
                                <dl>
                                    {list.into_iter().map(|c| view! {
                                        <dt>{c.label}</dt>
                                        <dd><del>{c.before}</del><ins>{c.after}</ins></dd>
                                    }).collect_view()}
                                </dl>
                            </section>
                        }.into_any(),
                        Ok(None) => view! { <p class="note">{tr!(lang, "drafts-changes-choose")}</p> }.into_any(),
                        Err(e) => view! { <p class="error" role="alert">{error_text(&e)}</p> }.into_any(),
                    }
                })}
            </Transition>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match version.await {
                        Ok(Some(view)) => view! {
                            <section class="version" aria-label=tr!(lang, "drafts-history-version")>
                                <h2>{tr!(
                                    lang,
                                    "drafts-version-title",
                                    number = view.version.number,
                                    saved = short_time_in(lang, &view.version.saved_at),
                                )}</h2>
                                <dl>
                                    {view.answers.into_iter().map(|(label, answer)| view! {
                                        <dt>{label}</dt>
                                        <dd>{if answer.is_empty() { "—".to_owned() } else { answer }}</dd>
                                    }).collect_view()}
                                </dl>
                            </section>
                        }.into_any(),
                        Ok(None) => ().into_any(),
                        Err(e) => view! { <p class="error" role="alert">{error_text(&e)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
