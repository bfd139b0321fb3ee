//! The web server (axum + Leptos SSR). Handlers are thin: they resolve the
//! request, call the domain code, and turn its errors into responses.

pub mod blocking;
mod downloads;

use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::FromRef;
use axum::routing::get;
use axum::Router;
use leptos::config::LeptosOptions;
use leptos_axum::{generate_route_list, LeptosRoutes};

use crate::app::{shell, App};
use crate::evidence::CitationStyle;
use crate::store::{Store, StoreError};
use crate::templates::{data_root, default_library_path, Catalog, CatalogError};

/// What every request can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub store: Arc<Store>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> LeptosOptions {
        state.leptos_options.clone()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("the web app's settings are invalid: {0}")]
    Config(String),
    #[error("a built-in template is invalid, so the server did not start:\n{0}")]
    Catalog(#[from] CatalogError),
    #[error("the server did not start: {0}")]
    Store(#[from] StoreError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: String,
        source: std::io::Error,
    },
    #[error("the server stopped: {0}")]
    Serve(std::io::Error),
}

impl AppState {
    /// Opens the database (`DATABASE_URL`, else `./data/`), brings it up to
    /// date, and stores the built-in templates and, on first start, the
    /// sample evidence.
    pub async fn load(leptos_options: LeptosOptions) -> Result<AppState, ServerError> {
        CitationStyle::warm_up();
        let store = Store::open(&Store::database_url()).await?;
        store.sync_builtin_templates(&Catalog::builtin()?).await?;
        store.seed_evidence(&default_library_path()).await?;
        Ok(AppState {
            leptos_options,
            store: Arc::new(store),
        })
    }
}

/// The Leptos settings: from `LEPTOS_*` variables when set (as cargo-leptos
/// and the xtask do), else from `[package.metadata.leptos]` in Cargo.toml.
pub fn leptos_options() -> Result<LeptosOptions, ServerError> {
    let file = data_root().join("Cargo.toml");
    let path = if std::env::var_os("LEPTOS_OUTPUT_NAME").is_some() {
        None
    } else {
        file.to_str()
    };
    let mut options = leptos::config::get_configuration(path)
        .map_err(|e| ServerError::Config(e.to_string()))?
        .leptos_options;
    if path.is_some() && std::env::var_os("LEPTOS_SITE_ROOT").is_none() {
        // Relative to where the built site is, not to the current directory.
        let root: PathBuf = data_root().join(options.site_root.as_ref());
        options.site_root = root.to_string_lossy().into_owned().into();
    }
    Ok(options)
}

pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    Router::new()
        .route("/templates/{id}/sample/{format}", get(downloads::sample))
        .route(
            "/templates/{id}/versions/{version}/export",
            get(downloads::template_file),
        )
        .route("/drafts/{id}/download/{format}", get(downloads::draft))
        .route("/health", get(|| async { "ok" }))
        .leptos_routes(&state, routes, {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .with_state(state)
}

/// Starts the web app and serves until interrupted.
pub fn run() -> Result<(), ServerError> {
    let options = leptos_options()?;
    let addr = options.site_addr;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(ServerError::Serve)?;
    runtime.block_on(async move {
        let state = AppState::load(options).await?;
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServerError::Bind {
                addr: addr.to_string(),
                source,
            })?;
        println!("Resolution Studio is running at http://{addr}");
        axum::serve(listener, router(state).into_make_service())
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(ServerError::Serve)
    })
}
