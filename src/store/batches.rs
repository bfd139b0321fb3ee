//! Packets rendered in the background: one row per job holds its state,
//! its progress, a request to stop, what failed and the finished ZIP, so
//! that every instance can show it and serve it.

use super::{now, Store, StoreError};
use crate::accounts::{Caller, OrgId};
use crate::campaigns::jobs::{seconds_left, BatchState, BatchSummary, Failure};
use crate::i18n::msg;

/// How many packets of one organisation may be rendering at once: a
/// packet uses every core, so more would only wait (and a careless or
/// hostile caller cannot queue hundreds).
pub const ACTIVE_PER_ORG: i64 = 2;

/// A job as its runner needs it.
#[derive(Debug, Clone)]
pub struct BatchJob {
    pub id: i64,
    pub org: OrgId,
    pub drafts: Vec<i64>,
    pub formats: Vec<String>,
}

type SummaryRow = (
    i64,
    String,
    String,
    String,
    i64,
    i64,
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    i64,
);

const SUMMARY_COLUMNS: &str = "id, title, created_by, state, total, done, files, failures, \
     created_at, started_at, finished_at, stop_asked";

fn summary(row: SummaryRow) -> Result<BatchSummary, StoreError> {
    let (
        id,
        title,
        created_by,
        state,
        total,
        done,
        files,
        failures,
        created_at,
        started_at,
        finished_at,
        stop_asked,
    ) = row;
    let state = BatchState::parse(&state).map_err(StoreError::Corrupt)?;
    let failures: Vec<Failure> =
        serde_json::from_str(&failures).map_err(|e| super::corrupt("packet failures", e))?;
    let elapsed = started_at
        .as_deref()
        .and_then(parse_time)
        .map(|start| (time::OffsetDateTime::now_utc() - start).as_seconds_f64());
    Ok(BatchSummary {
        id,
        title,
        created_by,
        state,
        total,
        done,
        files,
        failures,
        created_at,
        started_at,
        finished_at,
        stop_asked: stop_asked != 0,
        seconds_left: match (state, elapsed) {
            (BatchState::Running, Some(elapsed)) => seconds_left(done, total, elapsed),
            _ => None,
        },
    })
}

fn parse_time(text: &str) -> Option<time::OffsetDateTime> {
    time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339).ok()
}

/// The size of the parts a packet's ZIP is stored and sent in.
pub const PART_BYTES: usize = 1024 * 1024;

/// The ZIP columns of a job: whole (before parts), digest, size.
type PacketRow = (Option<Vec<u8>>, Option<String>, Option<i64>);

/// A finished packet's ZIP, found: see [`Store::batch_packet`].
pub struct StoredPacket {
    pub sha256: String,
    pub size: u64,
    /// The whole ZIP, for one stored before parts existed.
    pub whole: Option<Vec<u8>>,
}

pub use crate::campaigns::packet::PacketFile;

impl Store {
    /// Queues a packet of `drafts` (each checked to be the caller's) in
    /// `formats`; refused while the organisation has
    /// [`ACTIVE_PER_ORG`] packets queued or rendering.
    pub async fn create_batch(
        &self,
        caller: &Caller,
        title: &str,
        drafts: &[i64],
        formats: &[String],
    ) -> Result<i64, StoreError> {
        if drafts.is_empty() {
            return Err(StoreError::Invalid(msg!("store-packet-empty")));
        }
        if drafts.len() > 5_000 {
            return Err(StoreError::Invalid(msg!(
                "store-packet-too-large",
                count = drafts.len()
            )));
        }
        for id in drafts {
            // Another organisation's draft is "not found", as everywhere.
            self.draft_summary(caller.org, *id).await?;
        }
        let title = title.trim();
        let title = if title.is_empty() { "Packet" } else { title };
        if let Some(problem) = crate::text::refusal(title) {
            return Err(StoreError::Invalid(msg!(
                "store-packet-title-refused",
                problem = problem
            )));
        }
        // A job whose instance went away must not hold a place: failed first.
        self.fail_abandoned_batches().await?;
        let mut tx = self.write().await?;
        let active: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM batch_jobs WHERE org_id = $1 AND state IN ('queued', 'running')",
        )
        .bind(caller.org.0)
        .fetch_one(&mut *tx)
        .await?;
        if active >= ACTIVE_PER_ORG {
            return Err(StoreError::Invalid(msg!(
                "store-packets-busy",
                count = active
            )));
        }
        let drafts_json = serde_json::to_string(drafts).map_err(StoreError::invalid_as_given)?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO batch_jobs (org_id, created_by, title, drafts, formats, total, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(caller.org.0)
        .bind(&caller.email)
        .bind(title.chars().take(200).collect::<String>())
        .bind(drafts_json)
        .bind(formats.join(","))
        .bind(drafts.len() as i64)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        super::accounts::insert_audit(
            &mut tx,
            Some(caller.org),
            &caller.email,
            "start packet",
            &format!("packet {id}"),
            &format!("{} drafts", drafts.len()),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The organisation's packets, newest first (the last 20).
    pub async fn batches(&self, org: OrgId) -> Result<Vec<BatchSummary>, StoreError> {
        let rows: Vec<SummaryRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {SUMMARY_COLUMNS} FROM batch_jobs WHERE org_id = $1 ORDER BY id DESC LIMIT 20"
        )))
        .bind(org.0)
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(summary).collect()
    }

    pub async fn batch(&self, org: OrgId, id: i64) -> Result<BatchSummary, StoreError> {
        let row: Option<SummaryRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {SUMMARY_COLUMNS} FROM batch_jobs WHERE id = $1 AND org_id = $2"
        )))
        .bind(id)
        .bind(org.0)
        .fetch_optional(self.pool())
        .await?;
        summary(row.ok_or_else(|| no_packet(id))?)
    }

    /// Marks a queued job running; None when it is not queued any more
    /// (another instance took it, or it was stopped first).
    pub async fn take_batch(&self, id: i64) -> Result<Option<BatchJob>, StoreError> {
        let at = now();
        let taken = sqlx::query(
            "UPDATE batch_jobs SET state = 'running', started_at = $1, heartbeat_at = $1
             WHERE id = $2 AND state = 'queued' AND stop_asked = 0",
        )
        .bind(&at)
        .bind(id)
        .execute(self.pool())
        .await?;
        if taken.rows_affected() != 1 {
            return Ok(None);
        }
        let (org, drafts, formats): (i64, String, String) =
            sqlx::query_as("SELECT org_id, drafts, formats FROM batch_jobs WHERE id = $1")
                .bind(id)
                .fetch_one(self.pool())
                .await?;
        Ok(Some(BatchJob {
            id,
            org: OrgId(org),
            drafts: serde_json::from_str(&drafts)
                .map_err(|e| super::corrupt("packet drafts", e))?,
            formats: formats.split(',').map(str::to_owned).collect(),
        }))
    }

    /// Records progress and that the runner is alive; whether someone asked
    /// the job to stop.
    pub async fn batch_progress(&self, id: i64, done: i64, files: i64) -> Result<bool, StoreError> {
        sqlx::query("UPDATE batch_jobs SET done = $1, files = $2, heartbeat_at = $3 WHERE id = $4")
            .bind(done)
            .bind(files)
            .bind(now())
            .bind(id)
            .execute(self.pool())
            .await?;
        let stop: i64 = sqlx::query_scalar("SELECT stop_asked FROM batch_jobs WHERE id = $1")
            .bind(id)
            .fetch_one(self.pool())
            .await?;
        Ok(stop != 0)
    }

    /// Stores the outcome: the ZIP (kept also when stopped: it holds what
    /// was done) in parts of [`PART_BYTES`], the failures, and the final
    /// state. The parts are written before the state says the ZIP is
    /// there, each as its own statement, so other writers are not held up.
    pub async fn finish_batch(
        &self,
        id: i64,
        state: BatchState,
        done: i64,
        files: i64,
        failures: &[Failure],
        packet: Option<PacketFile>,
    ) -> Result<(), StoreError> {
        let (digest, size) = match packet {
            Some(PacketFile {
                mut file,
                sha256,
                size,
            }) => {
                use std::io::Read;
                sqlx::query("DELETE FROM batch_packet_parts WHERE job_id = $1")
                    .bind(id)
                    .execute(self.pool())
                    .await?;
                let mut part = 0i64;
                loop {
                    let mut bytes = Vec::with_capacity(PART_BYTES);
                    (&mut file)
                        .take(PART_BYTES as u64)
                        .read_to_end(&mut bytes)
                        .map_err(|e| {
                            StoreError::Invalid(msg!(
                                "store-packet-unreadable",
                                detail = e.to_string()
                            ))
                        })?;
                    if bytes.is_empty() {
                        break;
                    }
                    sqlx::query(
                        "INSERT INTO batch_packet_parts (job_id, part, bytes) VALUES ($1, $2, $3)",
                    )
                    .bind(id)
                    .bind(part)
                    .bind(bytes)
                    .execute(self.pool())
                    .await?;
                    part += 1;
                }
                (Some(sha256), Some(size as i64))
            }
            None => (None, None),
        };
        sqlx::query(
            "UPDATE batch_jobs SET state = $1, done = $2, files = $3, failures = $4,
                    packet_sha256 = $5, packet_size = $6, finished_at = $7, heartbeat_at = $7
             WHERE id = $8",
        )
        .bind(state.as_str())
        .bind(done)
        .bind(files)
        .bind(serde_json::to_string(failures).map_err(StoreError::invalid_as_given)?)
        .bind(digest)
        .bind(size)
        .bind(now())
        .bind(id)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Asks a packet to stop: a queued one stops at once, a running one
    /// after the documents it is rendering.
    pub async fn stop_batch(&self, caller: &Caller, id: i64) -> Result<(), StoreError> {
        // One conditional update: a job that finishes meanwhile is left as it is.
        let asked = sqlx::query(
            "UPDATE batch_jobs SET stop_asked = 1,
                    state = CASE WHEN state = 'queued' THEN 'cancelled' ELSE state END,
                    finished_at = CASE WHEN state = 'queued' THEN $1 ELSE finished_at END
             WHERE id = $2 AND org_id = $3 AND state IN ('queued', 'running')",
        )
        .bind(now())
        .bind(id)
        .bind(caller.org.0)
        .execute(self.pool())
        .await?;
        if asked.rows_affected() != 1 {
            // Not found for another organisation; otherwise it has finished.
            let summary = self.batch(caller.org, id).await?;
            return Err(StoreError::Invalid(msg!(
                "store-packet-finished",
                id = id,
                state = summary.state.as_str()
            )));
        }
        self.audit(
            Some(caller.org),
            &caller.email,
            "stop packet",
            &format!("packet {id}"),
            "",
        )
        .await
    }

    /// A finished packet's ZIP as it is stored: its SHA-256, its size, and
    /// how to read it (in parts, or whole for a ZIP stored before parts).
    pub async fn batch_packet(&self, org: OrgId, id: i64) -> Result<StoredPacket, StoreError> {
        let row: Option<PacketRow> = sqlx::query_as(
            "SELECT packet, packet_sha256, packet_size FROM batch_jobs WHERE id = $1 AND org_id = $2",
        )
        .bind(id)
        .bind(org.0)
        .fetch_optional(self.pool())
        .await?;
        match row {
            None => Err(no_packet(id)),
            Some((Some(bytes), Some(sha256), _)) => Ok(StoredPacket {
                size: bytes.len() as u64,
                sha256,
                whole: Some(bytes),
            }),
            Some((None, Some(sha256), Some(size))) => Ok(StoredPacket {
                size: size as u64,
                sha256,
                whole: None,
            }),
            Some(_) => Err(StoreError::NotFound(msg!(
                "store-packet-not-ready",
                id = id
            ))),
        }
    }

    /// Part `part` of packet `id`'s ZIP (from 0), or `None` after the last.
    /// The caller has found the packet with [`Store::batch_packet`].
    pub async fn batch_packet_part(
        &self,
        id: i64,
        part: i64,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT bytes FROM batch_packet_parts WHERE job_id = $1 AND part = $2",
        )
        .bind(id)
        .bind(part)
        .fetch_optional(self.pool())
        .await?)
    }

    /// Jobs whose runner stopped answering (its instance went away), and
    /// jobs queued but never taken, are marked failed, with what to do;
    /// runs at start-up and before a new packet is queued. A runner records
    /// a heartbeat every half second, so two minutes of silence is no pause.
    pub async fn fail_abandoned_batches(&self) -> Result<(), StoreError> {
        let stale = super::time_text(time::OffsetDateTime::now_utc() - time::Duration::minutes(2));
        let failure = serde_json::json!([{
            "origin": "server",
            "stem": "",
            "message": "the server rendering this packet stopped before it finished: start the packet again"
        }])
        .to_string();
        sqlx::query(
            "UPDATE batch_jobs SET state = 'failed', failures = $1, finished_at = $2
             WHERE (state = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < $3))
                OR (state = 'queued' AND created_at < $3)",
        )
        .bind(failure)
        .bind(now())
        .bind(stale)
        .execute(self.pool())
        .await?;
        Ok(())
    }
}

fn no_packet(id: i64) -> StoreError {
    StoreError::NotFound(msg!("store-no-packet", id = id))
}
