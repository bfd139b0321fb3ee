//! Packets on the drafts page: the chosen drafts rendered in the
//! background into one ZIP (DOCX and PDF of each, its evidence report, a
//! manifest), with a progress bar that survives a reload, a way to stop,
//! and the download.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos::server_fn::codec::Json;

use super::error_text;
use crate::app::error::AppError;
use crate::campaigns::jobs::{BatchState, BatchSummary};

#[cfg(feature = "ssr")]
use crate::accounts::Permission;
#[cfg(feature = "ssr")]
use crate::app::calls::{bad_input, caller, user_error};

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
    let start = ServerAction::<StartPacket>::new();
    let stop = ServerAction::<StopPacket>::new();
    let (title, set_title) = signal(String::new());
    let (docx, set_docx) = signal(true);
    let (pdf, set_pdf) = signal(true);
    // Polled once a second while a packet is queued or running.
    let tick = RwSignal::new(0u32);
    let packets = Resource::new(
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
            <h2 id="packets-title">"Packets"</h2>
            <p class="help">
                "Tick drafts in the list to render them together: the latest saved version of each as DOCX and PDF, "
                "with its evidence report and a manifest of every file's SHA-256, in one ZIP."
            </p>
            <div class="packet-form">
                <label>
                    <span>"Packet title"</span>
                    <input type="text" name="packet-title" maxlength="200" placeholder="e.g. Co-filer letters, 2027"
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
                        0 => "Tick drafts to make a packet".to_owned(),
                        1 => "Render 1 draft as a packet".to_owned(),
                        n => format!("Render {n} drafts as a packet"),
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
            <Transition fallback=|| view! { <p aria-busy="true">"Loading packets…"</p> }>
                {move || Suspend::new(async move {
                    match packets.await {
                        Ok(list) if list.is_empty() => view! { <p class="empty">"No packet yet."</p> }.into_any(),
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
    let id = packet.id;
    let state = match packet.state {
        BatchState::Queued => "waiting to start".to_owned(),
        BatchState::Running if packet.stop_asked => "stopping".to_owned(),
        BatchState::Running => "rendering".to_owned(),
        BatchState::Done => "done".to_owned(),
        BatchState::Failed => "failed".to_owned(),
        BatchState::Cancelled => "stopped".to_owned(),
    };
    let counts = format!(
        "{} of {} documents{}",
        packet.done,
        packet.total,
        match packet.seconds_left {
            Some(s) if s >= 60 => format!(", about {} min left", s.div_ceil(60)),
            Some(s) => format!(", about {s} s left"),
            None => String::new(),
        }
    );
    let finished = matches!(packet.state, BatchState::Done | BatchState::Cancelled);
    view! {
        <li class="packet" data-packet=id data-state=packet.state.as_str()>
            <strong>{packet.title.clone()}</strong>
            " — " <span class="packet-state">{state}</span>
            <progress max=packet.total value=packet.done aria-label=format!("Progress of {}", packet.title)>
                {format!("{}%", packet.percent())}
            </progress>
            <span class="packet-counts">{counts}</span>
            {packet.state.is_active().then(|| view! {
                <button type="button" on:click=move |_| { stop.dispatch(StopPacket { id }); }>"Stop"</button>
            })}
            {finished.then(|| view! {
                <a class="button" href=format!("/packets/{id}/zip") download>
                    {format!("Download ZIP ({} files)", packet.files)}
                </a>
            })}
            {(!packet.failures.is_empty()).then(|| view! {
                <details class="packet-failures" open=true>
                    <summary>{format!("{} could not be rendered", packet.failures.len())}</summary>
                    <ul>
                        {packet.failures.iter().map(|f| view! { <li>{format!("{}: {}", f.origin, f.message)}</li> }).collect_view()}
                    </ul>
                </details>
            })}
        </li>
    }
}
