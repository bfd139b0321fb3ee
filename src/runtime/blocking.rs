//! CPU work (typesetting, rule checks, citation formatting) runs on tokio's
//! blocking pool so the async workers keep serving, and under a wall-clock
//! limit (`config::Limits::render_time`): templates are untrusted. Fuel already bounds a render's work (see
//! `compose::engine`); the limit is the backstop that keeps a request from
//! waiting without end whatever the cause.

use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum BlockingError {
    #[error("rendering took longer than {:.1} s and was abandoned; the template may loop or build very large text", .0.as_secs_f64())]
    TimedOut(Duration),
    #[error("rendering stopped unexpectedly: {0}")]
    Stopped(String),
}

/// Runs `work` off the async workers, giving up after `limit`. A timed-out
/// thread is left to finish (threads cannot be killed safely); fuel ends it.
pub async fn run_within<T: Send + 'static>(
    limit: Duration,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, BlockingError> {
    match tokio::time::timeout(limit, tokio::task::spawn_blocking(work)).await {
        Err(_) => Err(BlockingError::TimedOut(limit)),
        Ok(Err(join)) => Err(BlockingError::Stopped(join.to_string())),
        Ok(Ok(value)) => Ok(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn slow_work_is_abandoned_at_the_limit() {
        let limit = Duration::from_millis(100);
        let slow = run_within(limit, || std::thread::sleep(Duration::from_millis(400))).await;
        assert!(matches!(slow, Err(BlockingError::TimedOut(l)) if l == limit));
        assert_eq!(run_within(limit, || 42).await.unwrap(), 42);
        let message = slow.unwrap_err().to_string();
        assert!(
            message.contains("longer than 0 s") || message.contains("abandoned"),
            "{message}"
        );
    }
}
