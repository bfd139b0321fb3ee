//! What the running web server gives whatever handles a request, pages,
//! server functions and plain handlers alike: the shared state (the
//! configuration and the store), CPU work off the async workers under the
//! configured limit ([`blocking`]), failures of ours logged with a
//! reference ([`failure`]), the session cookie ([`session`]) and the
//! request's interface language ([`language`]). Below
//! both `app` and `server`, so neither reaches into the other for these.

pub mod batches;
pub mod blocking;
pub mod failure;
pub mod language;
pub mod session;

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use crate::config::{Config, SiteConfig};
use crate::store::Store;

/// What every request can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub site: Arc<SiteConfig>,
    pub store: Arc<Store>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> LeptosOptions {
        state.site.leptos.clone()
    }
}

impl AppState {
    /// Runs CPU work off the async workers within the configured limit.
    pub async fn off_thread<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, blocking::BlockingError> {
        blocking::run_within(self.config.limits.render_time, work).await
    }
}
