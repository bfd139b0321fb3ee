//! Packets on the drafts page: the chosen drafts rendered in the
//! background into one ZIP (DOCX and PDF of each, its evidence report, a
//! manifest), with a progress bar that survives a reload, a way to stop,
//! and the download.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos::server_fn::codec::Json;

use super::error_text;
use crate::app::error::AppError;
use crate::app::i18n::use_lang;
use crate::campaigns::jobs::{BatchState, BatchSummary};
use crate::i18n::tr;
use crate::i18n::Lang;

#[cfg(feature = "ssr")]
use crate::accounts::Permission;
#[cfg(feature = "ssr")]
use crate::app::calls::{bad_input, caller, user_error};
use crate::app::loaded::load;

/// Queues a packet of `drafts` in `formats` (`docx`, `pdf`) and starts
/// rendering it on this instance.
#[server(endpoint = "start_packet", input = Json)]
pub async fn start_packet(
    title: String,
    drafts: Vec<i64>,
    formats: Vec<String>,
) -> Result<i64, AppError> {
    let (store, caller) = caller(Permission::Read)?;
    let chosen = crate::campaigns::jobs::packet_formats(&formats).map_err(bad_input)?;
    let id = store
        .create_batch(&caller, &title, &drafts, &chosen)
        .await
        .map_err(user_error)?;
    crate::app::calls::spawn_packet(id)?;
    Ok(id)
}

#[server(endpoint = "list_packets")]
pub async fn list_packets() -> Result<Vec<BatchSummary>, AppError> {
    let (store, caller) = caller(Permission::Read)?;
    store.batches(caller.org).await.map_err(user_error)
}

#[server(endpoint = "stop_packet")]
pub async fn stop_packet(id: i64) -> Result<(), AppError> {
    let (store, caller) = caller(Permission::Read)?;
    store.stop_batch(&caller, id).await.map_err(user_error)
}

/// The packet form and the organisation's recent packets.
#[component]
pub fn Packets(selected: RwSignal<BTreeSet<i64>>) -> impl IntoView {
    let lang = use_lang();
    let start = ServerAction::<StartPacket>::new();
    let stop = ServerAction::<StopPacket>::new();
    let (title, set_title) = signal(String::new());
    let (docx, set_docx) = signal(true);
    let (pdf, set_pdf) = signal(true);
    // Polled once a second while a packet is queued or running.
    let tick = RwSignal::new(0u32);
    let packets = load(
        move || (tick.get(), start.version().get(), stop.version().get()),
        |_| list_packets(),
    );
    Effect::new(move |_| {
        if let Ok(handle) = set_interval_with_handle(
            move || {
                let active = packets.with_untracked(|p| {
                    p.as_ref()
                        .and_then(|r| r.as_ref().ok())
                        .is_some_and(|list| list.iter().any(|b| b.state.is_active()))
                });
                if active {
                    tick.update(|n| *n = n.wrapping_add(1));
                }
            },
            std::time::Duration::from_secs(1),
        ) {
            on_cleanup(move || handle.clear());
        }
    });
    let submit = move |_| {
        let mut formats = Vec::new();
        if docx.get_untracked() {
            formats.push("docx".to_owned());
        }
        if pdf.get_untracked() {
            formats.push("pdf".to_owned());
        }
        start.dispatch(StartPacket {
            title: title.get_untracked(),
            drafts: selected.get_untracked().into_iter().collect(),
            formats,
        });
    };
    view! {
        <section class="packets" aria-labelledby="packets-title">
            <h2 id="packets-title">{tr!(lang, "drafts-packets")}</h2>
            <p class="help">{tr!(lang, "drafts-packets-help")}</p>
            <div class="packet-form">
                <label>
                    <span>{tr!(lang, "drafts-packet-title")}</span>
                    <input type="text" name="packet-title" maxlength="200" placeholder=tr!(lang, "drafts-packet-title-example")
                        prop:value=title on:input=move |ev| set_title.set(event_target_value(&ev))/>
                </label>
                <label class="inline">
                    <input type="checkbox" name="packet-docx" prop:checked=docx on:change=move |ev| set_docx.set(event_target_checked(&ev))/>
                    <span>"DOCX"</span>
                </label>
                <label class="inline">
                    <input type="checkbox" name="packet-pdf" prop:checked=pdf on:change=move |ev| set_pdf.set(event_target_checked(&ev))/>
                    <span>"PDF"</span>
                </label>
                <button type="button" class="start-packet" disabled=move || selected.with(BTreeSet::is_empty) on:click=submit>
                    {move || match selected.with(BTreeSet::len) {
                        0 => tr!(lang, "drafts-packet-tick"),
                        count => tr!(lang, "drafts-packet-render", count = count),
                    }}
                </button>
            </div>
            {move || {
                [start.value().get().and_then(Result::err), stop.value().get().and_then(Result::err)]
                    .into_iter()
                    .flatten()
                    .next()
                    .map(|e| view! { <p class="error" role="alert">{error_text(&e)}</p> })
            }}
            <Transition fallback=move || view! { <p aria-busy="true">{tr!(lang, "drafts-packets-loading")}</p> }>
                {move || Suspend::new(async move {
                    match packets.await {
                        Ok(list) if list.is_empty() => view! { <p class="empty">{tr!(lang, "drafts-packets-none")}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="packet-list">
                                {list.into_iter().map(|b| view! { <PacketRow packet=b stop/> }).collect_view()}
                            </ul>
                        }
                        .into_any(),
                        Err(e) => view! { <p class="error" role="alert">{error_text(&e)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn PacketRow(packet: BatchSummary, stop: ServerAction<StopPacket>) -> impl IntoView {
    let lang = use_lang();
    let id = packet.id;
    let state = state_words(lang, &packet);
    let counts = progress_words(lang, &packet);
    let finished = matches!(packet.state, BatchState::Done | BatchState::Cancelled);
    view! {
        <li class="packet" data-packet=id data-state=packet.state.as_str()>
            <strong>{packet.title.clone()}</strong>
            " — " <span class="packet-state">{state}</span>
            <progress max=packet.total value=packet.done aria-label=tr!(lang, "drafts-packet-progress-of", title = packet.title.as_str())>
                {tr!(lang, "drafts-packet-percent", percent = packet.percent())}
            </progress>
            <span class="packet-counts">{counts}</span>
            {packet.state.is_active().then(|| view! {
                <button type="button" on:click=move |_| { stop.dispatch(StopPacket { id }); }>{tr!(lang, "drafts-packet-stop")}</button>
            })}
            {finished.then(|| view! {
                <a class="button" href=format!("/packets/{id}/zip") download>
                    {tr!(lang, "drafts-packet-download", files = packet.files)}
                </a>
            })}
            {(!packet.failures.is_empty()).then(|| view! {
                <details class="packet-failures" open=true>
                    <summary>{tr!(lang, "drafts-packet-failures", count = packet.failures.len())}</summary>
                    <ul>
                        {packet.failures.iter().map(|f| view! {
                            <li>{tr!(lang, "drafts-packet-failure", origin = f.origin.as_str(), message = f.message.as_str())}</li>
                        }).collect_view()}
                    </ul>
                </details>
            })}
        </li>
    }
}

/// Where a packet is, in words.
fn state_words(lang: Lang, packet: &BatchSummary) -> String {
    match packet.state {
        BatchState::Queued => tr!(lang, "drafts-packet-queued"),
        BatchState::Running if packet.stop_asked => tr!(lang, "drafts-packet-stopping"),
        BatchState::Running => tr!(lang, "drafts-packet-running"),
        BatchState::Done => tr!(lang, "drafts-packet-done"),
        BatchState::Failed => tr!(lang, "drafts-packet-failed"),
        BatchState::Cancelled => tr!(lang, "drafts-packet-stopped"),
    }
}

/// Documents rendered so far, and the time left when it can be told.
fn progress_words(lang: Lang, packet: &BatchSummary) -> String {
    let (done, total) = (packet.done, packet.total);
    match packet.seconds_left {
        Some(seconds) if seconds >= 60 => tr!(
            lang,
            "drafts-packet-progress-minutes",
            done = done,
            total = total,
            minutes = seconds.div_ceil(60),
        ),
        Some(seconds) => tr!(
            lang,
            "drafts-packet-progress-seconds",
            done = done,
            total = total,
            seconds = seconds,
        ),
        None => tr!(lang, "drafts-packet-progress", done = done, total = total),
    }
}
