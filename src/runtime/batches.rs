//! Runs packets in the background: the instance that queued a packet takes
//! it, renders its drafts' latest saved versions on a blocking thread (on
//! every core, see `campaigns::packet`), and every half second records the
//! progress and reads whether someone asked it to stop (through the
//! database, so the request may come to any instance). The ZIP is written
//! to a temporary file and stored in parts when it is done.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

use super::failure::{log, Context};
use super::AppState;
use crate::campaigns::jobs::{BatchState, Failure};
use crate::campaigns::packet::{self, Inputs, Item, PacketFile};
use crate::compose::Template;
use crate::evidence::{CitationStyle, DEFAULT_STYLE};
use crate::export::Format;
use crate::store::StoreError;

/// How often progress is recorded and a stop request read.
const HEARTBEAT: Duration = Duration::from_millis(500);

/// Renders packet `id` in the background.
pub fn spawn(state: AppState, id: i64) {
    tokio::spawn(async move {
        if let Err(error) = run(&state, id).await {
            let context = Context {
                route: "packet",
                caller: None,
            };
            let reference = log(&format!("packet {id} failed"), &error, &context);
            let failure = Failure {
                origin: "server".into(),
                stem: String::new(),
                message: format!(
                    "the packet could not be finished (reference {reference}): start it again"
                ),
            };
            let _ = state
                .store
                .finish_batch(id, BatchState::Failed, 0, 0, &[failure], None)
                .await;
        }
    });
}

/// One draft, read and ready to render.
struct Prepared {
    template: Arc<Template>,
    template_version: i64,
    answers: Value,
    date: String,
    draft: i64,
    draft_version: i64,
    company: String,
    number: usize,
}

#[derive(Debug, thiserror::Error)]
enum RunError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the citation style could not be read: {0}")]
    Style(String),
    #[error(transparent)]
    Packet(#[from] packet::PacketError),
    #[error("the rendering thread stopped: {0}")]
    Thread(String),
}

async fn run(state: &AppState, id: i64) -> Result<(), RunError> {
    let store = &state.store;
    let Some(job) = store.take_batch(id).await? else {
        return Ok(());
    };
    let mut failures = Vec::new();
    let mut prepared = Vec::with_capacity(job.drafts.len());
    for (index, draft) in job.drafts.iter().copied().enumerate() {
        let found = async {
            let summary = store.draft_summary(job.org, draft).await?;
            let version = store.draft_version(job.org, draft, summary.head).await?;
            let template = store
                .template(&summary.template_id, version.template_version)
                .await?;
            Ok::<_, StoreError>((summary, template, version))
        }
        .await;
        match found {
            Ok((summary, template, version)) => prepared.push(Prepared {
                template_version: version.template_version,
                template,
                company: summary.company,
                date: version.saved_at.get(..10).unwrap_or_default().to_owned(),
                answers: Value::Object(version.answers),
                draft,
                draft_version: version.number,
                number: index + 1,
            }),
            // Deleted or moved since the packet was queued: reported, the rest go on.
            Err(StoreError::NotFound(message)) => failures.push(Failure {
                origin: format!("draft {draft}"),
                stem: String::new(),
                message: message.to_string(),
            }),
            Err(error) => return Err(error.into()),
        }
    }
    // Drafts that could not be read count as done: they are reported.
    let unreadable = failures.len();
    let library = store.library_for(job.org).await?;
    let library_version = store.evidence_version().await?.to_string();
    let formats: Vec<Format> = job
        .formats
        .iter()
        .filter_map(|f| Format::from_extension(f))
        .collect();
    let done = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let mut rendering = tokio::task::spawn_blocking({
        let (done, stop) = (done.clone(), stop.clone());
        move || -> Result<(packet::Report, PacketFile), RunError> {
            let style = CitationStyle::by_name(DEFAULT_STYLE)
                .map_err(|e| RunError::Style(e.to_string()))?;
            let items: Vec<Item<'_>> = prepared
                .iter()
                .map(|p| Item {
                    stem: crate::campaigns::item_prefix(&p.template, p.number),
                    company: p.company.clone(),
                    template: &p.template,
                    template_version: p.template_version.to_string(),
                    answers: p.answers.clone(),
                    date: Some(p.date.clone()),
                    origin: format!("draft {}", p.draft),
                    draft_version: Some(p.draft_version),
                })
                .collect();
            let inputs = Inputs {
                library: &library,
                library_version,
                style: &style,
                formats: &formats,
                evidence_reports: true,
            };
            // On disk, not in memory: a packet of a thousand documents is
            // tens of megabytes.
            let file = tempfile::tempfile().map_err(packet::PacketError::from)?;
            let mut zip = std::io::BufWriter::new(file);
            let report = packet::write(
                &mut zip,
                &items,
                &inputs,
                &|n, _| {
                    done.store(n, Ordering::Relaxed);
                },
                &|| stop.load(Ordering::Relaxed),
            )?;
            let file = zip
                .into_inner()
                .map_err(|e| packet::PacketError::from(e.into_error()))?;
            Ok((report, packet::digest_file(file)?))
        }
    });
    let outcome = loop {
        tokio::select! {
            finished = &mut rendering => break finished,
            _ = tokio::time::sleep(HEARTBEAT) => {
                let n = done.load(Ordering::Relaxed) as i64;
                if store.batch_progress(id, n + unreadable as i64, 0).await? {
                    stop.store(true, Ordering::Relaxed);
                }
            }
        }
    };
    let (report, zip) = outcome.map_err(|e| RunError::Thread(e.to_string()))??;
    let done = done.load(Ordering::Relaxed) + unreadable;
    failures.extend(report.failures);
    let finished = if report.cancelled {
        BatchState::Cancelled
    } else {
        BatchState::Done
    };
    store
        .finish_batch(
            id,
            finished,
            done as i64,
            report.files as i64,
            &failures,
            Some(zip),
        )
        .await?;
    Ok(())
}
