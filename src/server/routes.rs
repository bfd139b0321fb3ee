//! Every address the server answers, in one place: the routes of our own
//! handlers (files, sign-in, readers' pages) with who may reach them, the
//! Leptos pages and the server functions. The router is built from this
//! list and `resolution-studio routes` prints it, so the access tests walk
//! exactly what the server serves.

use axum::routing::{get, post, MethodRouter};

use super::{api_v1, downloads, language, public, sign_in, uploads, AppState};

/// Who may reach a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone: sign-in, readers' pages, the browser bundle.
    Public,
    /// A signed-in person; anonymous callers get a redirect to `/login`
    /// (pages) or 401 (server functions, downloads, other methods).
    SignedIn,
    /// An API token (`Authorization: Bearer`), never a session: 401 without one.
    Token,
}

/// What a route serves, which decides how an anonymous caller is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Page,
    File,
    ServerFn,
    Form,
    /// The HTTP API for other systems.
    Api,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Page => "page",
            Kind::File => "file",
            Kind::ServerFn => "server-fn",
            Kind::Form => "form",
            Kind::Api => "api",
        }
    }
}

/// One of our own handlers' routes.
pub struct Route {
    pub path: &'static str,
    pub methods: &'static [&'static str],
    pub kind: Kind,
    pub access: Access,
    pub handler: MethodRouter<AppState>,
}

/// The routes of our own handlers (Leptos adds the pages and server functions).
pub fn own_routes() -> Vec<Route> {
    use Access::{Public, SignedIn, Token};
    let route = |path, methods, kind, access, handler| Route {
        path,
        methods,
        kind,
        access,
        handler,
    };
    vec![
        route("/health", &["GET"], Kind::File, Public, get(super::health)),
        route(
            "/login",
            &["GET", "POST"],
            Kind::Form,
            Public,
            get(sign_in::login_page).post(sign_in::login),
        ),
        route(
            "/logout",
            &["POST"],
            Kind::Form,
            Public,
            post(sign_in::logout),
        ),
        route(
            "/language",
            &["POST"],
            Kind::Form,
            Public,
            post(language::choose),
        ),
        route(
            "/setup",
            &["GET", "POST"],
            Kind::Form,
            Public,
            get(sign_in::setup_page).post(sign_in::setup),
        ),
        route(
            "/invite/{token}",
            &["GET", "POST"],
            Kind::Form,
            Public,
            get(sign_in::invitation_page).post(sign_in::accept_invitation),
        ),
        route(
            "/p/{token}",
            &["GET"],
            Kind::Page,
            Public,
            get(public::page),
        ),
        route(
            "/p/{token}/download/{format}",
            &["GET"],
            Kind::File,
            Public,
            get(public::download),
        ),
        route(
            "/templates/{id}/sample/{format}",
            &["GET"],
            Kind::File,
            SignedIn,
            get(downloads::sample),
        ),
        route(
            "/templates/{id}/versions/{version}/export",
            &["GET"],
            Kind::File,
            SignedIn,
            get(downloads::template_file),
        ),
        route(
            "/drafts/{id}/download/{format}",
            &["GET"],
            Kind::File,
            SignedIn,
            get(downloads::draft),
        ),
        route(
            "/drafts/{id}/evidence-report/{format}",
            &["GET"],
            Kind::File,
            SignedIn,
            get(downloads::evidence_report),
        ),
        route(
            "/packets/{id}/zip",
            &["GET"],
            Kind::File,
            SignedIn,
            get(downloads::packet),
        ),
        route(
            "/api/v1/openapi.json",
            &["GET"],
            Kind::Api,
            Public,
            get(api_v1::openapi),
        ),
        route(
            "/api/v1/templates",
            &["GET"],
            Kind::Api,
            Token,
            get(api_v1::list_templates),
        ),
        route(
            "/api/v1/render",
            &["POST"],
            Kind::Api,
            Token,
            post(api_v1::render),
        ),
        route(
            "/api/v1/drafts",
            &["POST"],
            Kind::Api,
            Token,
            post(api_v1::create_draft),
        ),
        route(
            "/api/v1/drafts/{id}",
            &["GET", "PUT"],
            Kind::Api,
            Token,
            get(api_v1::read_draft).put(api_v1::update_draft),
        ),
        route(
            "/campaigns/{id}/import",
            &["POST"],
            Kind::Form,
            SignedIn,
            post(uploads::cofiler_list),
        ),
        route(
            "/api/v1/batches",
            &["POST"],
            Kind::Api,
            Token,
            post(api_v1::start_batch),
        ),
        route(
            "/api/v1/batches/{id}",
            &["GET"],
            Kind::Api,
            Token,
            get(api_v1::read_batch),
        ),
        route(
            "/api/v1/batches/{id}/zip",
            &["GET"],
            Kind::Api,
            Token,
            get(api_v1::batch_zip),
        ),
    ]
}

/// Paths anyone may reach: our public routes, and the files the browser
/// needs to show the sign-in page (bundle, styles, icon).
pub fn access(path: &str) -> Access {
    if path == "/api/v1/openapi.json" {
        return Access::Public;
    }
    if path.starts_with("/api/v1/") {
        return Access::Token;
    }
    let public_prefixes = ["/pkg/", "/invite/", "/p/"];
    let public_paths = [
        "/health",
        "/login",
        "/logout",
        "/language",
        "/setup",
        "/favicon.svg",
    ];
    if public_paths.contains(&path) || public_prefixes.iter().any(|p| path.starts_with(p)) {
        Access::Public
    } else {
        Access::SignedIn
    }
}

/// What an address serves, for answering an anonymous caller.
pub fn kind(path: &str) -> Kind {
    if path.starts_with("/api/v1/") {
        Kind::Api
    } else if path.starts_with("/api/") {
        Kind::ServerFn
    } else if path.contains("/download/")
        || path.contains("/evidence-report/")
        || path.starts_with("/packets/")
        || path.contains("/sample/")
        || path.ends_with("/export")
    {
        Kind::File
    } else {
        Kind::Page
    }
}

/// Every route as `METHOD PATH KIND ACCESS`, one per line: our own, the
/// Leptos pages, and the server functions.
pub fn inventory() -> Vec<String> {
    let mut lines = Vec::new();
    for route in own_routes() {
        for method in route.methods {
            let (path, kind) = (route.path, route.kind.as_str());
            lines.push(format!("{method} {path} {kind} {}", describe(route.access)));
        }
    }
    for listing in leptos_axum::generate_route_list(crate::app::App) {
        let path = listing.path().to_owned();
        let access = describe(access(&path));
        lines.push(format!("GET {path} page {access}"));
    }
    for (path, method) in leptos::server_fn::axum::server_fn_paths() {
        let access = describe(access(path));
        lines.push(format!("{method} {path} server-fn {access}"));
    }
    lines.sort();
    lines.dedup();
    lines
}

fn describe(access: Access) -> &'static str {
    match access {
        Access::Public => "public",
        Access::SignedIn => "signed-in",
        Access::Token => "token",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The list's access column is what `resolution-studio routes` prints
    /// and the tests expect; the guard decides by `access(path)`. They must
    /// agree for every route of ours.
    #[test]
    fn own_routes_declare_the_access_the_guard_enforces() {
        for route in own_routes() {
            assert_eq!(route.access, access(route.path), "{}", route.path);
        }
        assert_eq!(kind("/api/save_draft"), Kind::ServerFn);
        assert_eq!(kind("/drafts/3/download/pdf"), Kind::File);
        assert_eq!(kind("/drafts/3/evidence-report/pdf"), Kind::File);
        assert_eq!(kind("/packets/3/zip"), Kind::File);
        assert_eq!(kind("/drafts/3"), Kind::Page);
    }
}
