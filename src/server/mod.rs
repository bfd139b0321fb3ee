//! The web server (axum + Leptos SSR). Handlers are thin: they resolve the
//! request, call the domain code, and turn its errors into responses.

pub mod api_v1;
mod downloads;
pub mod failure;
pub mod guard;
mod language;
mod preloads;
mod public;
pub mod routes;
mod sign_in;
mod uploads;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use leptos_axum::{generate_route_list, LeptosRoutes};

use crate::app::{shell, App};
use crate::config::{Config, Engine, SiteConfig};
use crate::evidence::CitationStyle;
pub use crate::runtime::AppState;
use crate::store::{Store, StoreError};
use crate::templates::{Catalog, CatalogError};

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
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

/// Opens the database, brings it up to date, and stores the built-in
/// templates and, on first start, the sample evidence.
pub async fn load_state(config: Config, site: SiteConfig) -> Result<AppState, ServerError> {
    CitationStyle::warm_up();
    let store = Store::open(&config.database).await?;
    store
        .start_up(
            &Catalog::load(&config.templates_dir())?,
            &config.sample_library(),
        )
        .await?;
    Ok(AppState {
        config: Arc::new(config),
        site: Arc::new(site),
        store: Arc::new(store),
    })
}

/// Every route (see `routes`), behind the guard (see `guard`).
pub fn router(state: AppState) -> Router {
    let mut router = Router::new();
    for route in routes::own_routes() {
        router = router.route(route.path, route.handler);
    }
    router
        .leptos_routes_with_context(&state, generate_route_list(App), request_context, {
            let options = state.site.leptos.clone();
            move || shell(options.clone())
        })
        .nest_service("/pkg", bundle_files(&state))
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            state.config.limits.request_bytes,
        ))
        .layer(axum::middleware::from_fn(preloads::request_owner))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            guard::guard,
        ))
        .layer(request_log())
        .with_state(state)
}

/// The browser bundle (`/pkg/<content hash>/…`): served precompressed
/// (brotli, else gzip, as the browser accepts) and kept by browsers for a
/// year, since a new build has a new address.
fn bundle_files(state: &AppState) -> axum::routing::MethodRouter {
    use axum::http::{header, HeaderValue};
    let folder = std::path::Path::new(state.site.leptos.site_root.as_ref()).join("pkg");
    let files = tower_http::services::ServeDir::new(folder)
        .precompressed_br()
        .precompressed_gzip();
    let cached = tower_http::set_header::SetResponseHeaderLayer::overriding(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    axum::routing::get_service(files).layer(cached)
}

/// `ok` when the database answers, else 503: what a load balancer or a
/// monitor polls.
async fn health(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    match state.store.ping().await {
        Ok(()) => "ok".into_response(),
        Err(error) => {
            tracing::error!(error = %error, "health check: the database does not answer");
            (
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                "the database does not answer",
            )
                .into_response()
        }
    }
}

/// One log line per request at `info`: method, path, status, latency.
fn request_log() -> tower_http::trace::TraceLayer<
    tower_http::classify::SharedClassifier<tower_http::classify::ServerErrorsAsFailures>,
> {
    use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
    use tracing::Level;
    TraceLayer::new_for_http()
        .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
        .on_response(DefaultOnResponse::new().level(Level::INFO))
}

/// Logs to standard error, filtered by `RUST_LOG` (default: `info`, with
/// the database driver's own statements at `warn`).
pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // Colours for a person at a terminal, plain text for log files.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
}

/// Until Ctrl-C or SIGTERM; then the server stops taking connections and
/// lets the requests in flight (saves among them) finish.
async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing the requests in flight");
}

/// What pages and server functions read from the request the guard let
/// through: the script nonce, so Leptos's hydration script carries the
/// nonce the Content-Security-Policy names. (The caller is read from the
/// request by `app::calls`.) Also keeps the page's reactive owner, so that
/// Leptos finds the page's preloads whichever thread resumes the request
/// (see `preloads`).
fn request_context() {
    use leptos::prelude::{provide_context, use_context};
    if let Some(parts) = use_context::<axum::http::request::Parts>() {
        if let Some(nonce) = parts.extensions.get::<guard::CspNonce>() {
            provide_context(nonce.0.clone());
        }
        if let Some(page_owner) = parts.extensions.get::<preloads::PageOwner>() {
            preloads::keep_page_owner(page_owner);
        }
    }
}

/// Starts the web app and serves until interrupted.
pub fn run(config: Config, site: SiteConfig) -> Result<(), ServerError> {
    let addr = site.leptos.site_addr;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(ServerError::Serve)?;
    runtime.block_on(async move {
        let state = load_state(config, site).await?;
        // Held while serving: `restore` refuses to replace an open SQLite
        // file. (PostgreSQL is restored with its own tools.)
        let _lock = match state.config.database.engine {
            Engine::Sqlite => Some(crate::store::backup::lock_for_server(
                &state.config.database.url,
            )?),
            Engine::Postgres => None,
        };
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServerError::Bind {
                addr: addr.to_string(),
                source,
            })?;
        println!("Resolution Studio is running at http://{addr}");
        if let Some(token) = state.store.setup_token().await? {
            println!(
                "Nobody can sign in yet. To create the first organisation and its admin, open\n  \
                 http://{addr}/setup?token={token}\n(this address works once), or use the command \
                 line: `resolution-studio org add` and `resolution-studio user add`."
            );
        }
        let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown_signal())
            .await
            .map_err(ServerError::Serve)
    })
}
