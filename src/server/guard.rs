//! The one layer every request passes through, before any handler:
//!
//! 1. the `Host` must be one the server is configured for;
//! 2. a state-changing request (any method but GET and HEAD) must come from
//!    the app itself: its `Origin`, or without one its `Sec-Fetch-Site`,
//!    says so, else 403;
//! 3. the caller is resolved from the session cookie, once, and put in the
//!    request for handlers and server functions (`app::calls`), with the
//!    language its pages are in (`runtime::language`);
//! 4. an anonymous caller of a signed-in route is sent to `/login` (pages)
//!    or answered 401;
//! 5. every response gets the security headers, with a fresh nonce for
//!    Leptos's hydration script in the Content-Security-Policy.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use leptos::nonce::Nonce;

use super::routes::{access, kind, Access, Kind};
use super::AppState;
use crate::accounts::Caller;
use crate::i18n::{tr, Lang};
use crate::runtime::language::request_language;
use crate::runtime::session::session_token;

/// The client's address as the server sees it (for the sign-in slow-down).
#[derive(Debug, Clone)]
pub struct ClientAddress(pub String);

/// This response's script nonce.
#[derive(Debug, Clone)]
pub struct CspNonce(pub Nonce);

pub async fn guard(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let headers = request.headers();
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    let path = request.uri().path().to_owned();
    // Until the caller is known, refusals are in the browser's language.
    let browser_lang = request_language(headers, None);
    if !state.site.web.host_allowed(host) {
        return refusal(
            &path,
            StatusCode::BAD_REQUEST,
            tr!(browser_lang, "error-unknown-host", host = host),
        );
    }
    if path.starts_with("/api/v1/") {
        return api_request(state, request, next, &path).await;
    }
    let method = request.method().clone();
    if method != Method::GET && method != Method::HEAD && !same_origin(headers, &state) {
        return refusal(
            &path,
            StatusCode::FORBIDDEN,
            tr!(browser_lang, "error-cross-site"),
        );
    }
    let caller = match session_token(headers) {
        Some(token) => match state.store.session_caller(&token).await {
            Ok(caller) => caller,
            Err(error) => {
                let route = request.uri().path().to_owned();
                let context = super::failure::Context {
                    route: &route,
                    caller: None,
                };
                return super::failure::response("reading a session failed", &error, &context);
            }
        },
        None => None,
    };
    if caller.is_none() && access(&path) == Access::SignedIn {
        return anonymous(&method, &path, request.uri().query(), browser_lang);
    }
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    let forwarded_for = request
        .headers()
        .get("x-forwarded-for")
        .and_then(|v| v.to_str().ok());
    let address = state.site.web.client_address(peer, forwarded_for);
    let nonce = Nonce::new();
    let language = request_language(request.headers(), caller.as_ref().and_then(|c| c.language));
    let extensions = request.extensions_mut();
    extensions.insert(language);
    extensions.insert(ClientAddress(address));
    extensions.insert(CspNonce(nonce.clone()));
    if let Some(caller) = caller {
        extensions.insert::<Caller>(caller);
    }
    let mut response = next.run(request).await;
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE {
        response = refusal(
            &path,
            StatusCode::PAYLOAD_TOO_LARGE,
            tr!(
                language,
                "error-too-large",
                mib = state.config.limits.request_bytes / (1024 * 1024)
            ),
        );
    }
    security_headers(response.headers_mut(), &nonce);
    // Pages and messages are in the language the cookies or the browser
    // chose: a shared cache must not give one reader's language to another.
    // The bundle's files are the same for everyone.
    if !path.starts_with("/pkg/") {
        response.headers_mut().append(
            header::VARY,
            HeaderValue::from_static("accept-language, cookie"),
        );
    }
    response
}

/// A request to the HTTP API: a bearer token, never the session cookie
/// (so another site cannot use a visitor's session through it, and a page
/// of another site sending a token is refused by its `Origin`), counted
/// against the token's limit.
async fn api_request(state: AppState, mut request: Request, next: Next, path: &str) -> Response {
    use super::api_v1::{failure, over_limit, ApiCaller};
    let headers = request.headers();
    let origin_foreign = headers.get(header::ORIGIN).is_some() && !same_origin(headers, &state);
    if origin_foreign {
        return failure(
            StatusCode::FORBIDDEN,
            "cross_site",
            "refused: the API is for other systems, not for pages of other sites",
            None,
        )
        .into_response();
    }
    if access(path) == Access::Public {
        let mut response = next.run(request).await;
        security_headers(response.headers_mut(), &Nonce::new());
        return response;
    }
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned);
    let Some(token) = token else {
        return failure(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "send an API token as `Authorization: Bearer TOKEN`; an admin creates one on the Account page",
            None,
        )
        .into_response();
    };
    let found = match state.store.api_caller(&token).await {
        Ok(found) => found,
        Err(error) => {
            let context = super::failure::Context {
                route: path,
                caller: None,
            };
            return super::failure::response("reading an API token failed", &error, &context);
        }
    };
    let Some((caller, token_id, scope)) = found else {
        return failure(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "this API token is unknown or has been revoked",
            None,
        )
        .into_response();
    };
    if let Some(wait) = over_limit(token_id) {
        let mut response = failure(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            format!(
                "this token made more than {} requests this minute: wait {wait} s",
                super::api_v1::REQUESTS_PER_MINUTE
            ),
            None,
        )
        .into_response();
        if let Ok(value) = HeaderValue::from_str(&wait.to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        return response;
    }
    request.extensions_mut().insert(ApiCaller {
        caller,
        token: token_id,
        scope,
    });
    let mut response = next.run(request).await;
    security_headers(response.headers_mut(), &Nonce::new());
    response
}

/// Whether a state-changing request comes from our own pages.
fn same_origin(headers: &HeaderMap, state: &AppState) -> bool {
    if let Some(origin) = headers.get(header::ORIGIN) {
        return origin
            .to_str()
            .is_ok_and(|origin| state.site.web.origin_allowed(origin));
    }
    // Browsers that send no Origin send Sec-Fetch-Site; a request with
    // neither is refused (command-line clients use the API tokens to come).
    headers
        .get("sec-fetch-site")
        .is_some_and(|site| site.as_bytes() == b"same-origin")
}

/// An anonymous caller of a signed-in route.
fn anonymous(method: &Method, path: &str, query: Option<&str>, lang: Lang) -> Response {
    if *method == Method::GET && kind(path) == Kind::Page {
        let target = match query {
            Some(query) => format!("{path}?{query}"),
            None => path.to_owned(),
        };
        let next: String = url_encode(&target);
        return Redirect::to(&format!("/login?next={next}")).into_response();
    }
    refusal(
        path,
        StatusCode::UNAUTHORIZED,
        tr!(lang, "error-session-ended"),
    )
}

/// A refusal by the guard. To a server function it is written the way
/// server functions write their own errors (an `AppError` as JSON), so the
/// page shows the message, not a decoding failure.
fn refusal(path: &str, status: StatusCode, message: String) -> Response {
    if kind(path) == Kind::ServerFn {
        let body = crate::app::error::AppError::refused_body(status.as_u16(), &message);
        (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
    } else {
        (status, message).into_response()
    }
}

/// `text` as a value in a URL's query: RFC 3986 unreserved characters
/// and `/` (allowed in a query, and keeps paths readable) kept.
pub(super) fn url_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// The headers every response carries. A response that set its own
/// Content-Security-Policy (the sandboxed HTML download) or Cache-Control
/// (the bundle's files) keeps it.
fn security_headers(headers: &mut HeaderMap, nonce: &Nonce) {
    // Pages and downloads are a person's or an organisation's, or a
    // publication that can be withdrawn: no shared cache may keep them,
    // and a browser asks again (an ETag makes that cheap).
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-cache"),
        );
    }
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        let policy = format!(
            "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
             style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
             object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        );
        if let Ok(value) = HeaderValue::from_str(&policy) {
            headers.insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
}
