//! Packets rendered in the background, as the pages see them: state,
//! progress with time left, and what failed. Shared with the browser.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BatchState {
    Queued,
    Running,
    Done,
    /// Stopped by a failure of ours (the server went away, the ZIP could
    /// not be written); documents that fail to render do not fail the job.
    Failed,
    Cancelled,
}

impl BatchState {
    pub fn as_str(self) -> &'static str {
        match self {
            BatchState::Queued => "queued",
            BatchState::Running => "running",
            BatchState::Done => "done",
            BatchState::Failed => "failed",
            BatchState::Cancelled => "cancelled",
        }
    }

    pub fn parse(text: &str) -> Result<BatchState, String> {
        Ok(match text {
            "queued" => BatchState::Queued,
            "running" => BatchState::Running,
            "done" => BatchState::Done,
            "failed" => BatchState::Failed,
            "cancelled" => BatchState::Cancelled,
            other => return Err(format!("unknown batch state `{other}`")),
        })
    }

    /// Whether the job may still change.
    pub fn is_active(self) -> bool {
        matches!(self, BatchState::Queued | BatchState::Running)
    }
}

/// A document that could not be rendered; the others are in the packet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Failure {
    /// What it was made from: `draft 12`, `row 3 (line 4)`.
    pub origin: String,
    /// The start of its path in the ZIP.
    pub stem: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BatchSummary {
    pub id: i64,
    pub title: String,
    pub created_by: String,
    pub state: BatchState,
    /// Documents in the packet, and how many are rendered (or failed).
    pub total: i64,
    pub done: i64,
    /// Files in the ZIP so far.
    pub files: i64,
    pub failures: Vec<Failure>,
    pub created_at: String,
    pub started_at: Option<String>,
    pub finished_at: Option<String>,
    /// Whether someone asked it to stop.
    pub stop_asked: bool,
    /// Seconds left at the pace so far, while running.
    pub seconds_left: Option<u64>,
}

impl BatchSummary {
    /// Percent done, 0 to 100.
    pub fn percent(&self) -> u32 {
        if self.total <= 0 {
            return 100;
        }
        ((self.done.clamp(0, self.total) * 100) / self.total) as u32
    }
}

/// The formats a packet is asked for, each once, in the order given: only
/// `docx` and `pdf`, at least one.
pub fn packet_formats(formats: &[String]) -> Result<Vec<String>, String> {
    let mut chosen: Vec<String> = Vec::new();
    for format in formats {
        match format.as_str() {
            "docx" | "pdf" if !chosen.contains(format) => chosen.push(format.clone()),
            "docx" | "pdf" => {}
            other => return Err(format!("no format `{other}`: use docx or pdf")),
        }
    }
    if chosen.is_empty() {
        return Err("choose DOCX, PDF or both".into());
    }
    Ok(chosen)
}

/// Seconds left when `done` of `total` took `elapsed` seconds.
pub fn seconds_left(done: i64, total: i64, elapsed: f64) -> Option<u64> {
    (done > 0 && total > done && elapsed >= 0.0)
        .then(|| ((total - done) as f64 * elapsed / done as f64).ceil() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_left_follows_the_pace_so_far() {
        assert_eq!(seconds_left(10, 40, 5.0), Some(15));
        assert_eq!(seconds_left(0, 40, 5.0), None);
        assert_eq!(seconds_left(40, 40, 5.0), None);
        assert_eq!(BatchState::parse("running").unwrap(), BatchState::Running);
        assert!(BatchState::parse("sleeping").is_err());
        let formats =
            |list: &[&str]| packet_formats(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(formats(&["pdf", "docx", "pdf"]).unwrap(), ["pdf", "docx"]);
        assert!(formats(&[]).is_err());
        assert!(formats(&["html"]).unwrap_err().contains("`html`"));
    }
}
