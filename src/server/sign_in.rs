//! Sign-in, sign-out, first-start setup and accepting an invitation: plain
//! HTML forms that POST and get a redirect, so they work before (and
//! without) the browser bundle.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use serde::Deserialize;

use super::guard::ClientAddress;
use super::AppState;
use crate::accounts::{Caller, OrgKind};
use crate::export::html::escape;
use crate::runtime::session::{cleared_cookie, session_cookie, session_token};
use crate::store::accounts::{Attempt, NewAccount, NewSession, SignInError, SignInRefusal};
use crate::store::StoreError;

/// The one message for an unknown email and a wrong password.
pub const WRONG: &str = "email or password is wrong";

#[derive(Debug, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    email: String,
    password: String,
    #[serde(default)]
    next: String,
}

pub async fn login_page(
    State(state): State<AppState>,
    caller: Option<Extension<Caller>>,
    Query(query): Query<NextQuery>,
) -> Response {
    let next = safe_next(query.next.as_deref().unwrap_or("/"));
    if caller.is_some() {
        return see_other(&next, None);
    }
    page(
        &state,
        StatusCode::OK,
        "Sign in",
        &login_form("", &next, None),
    )
}

pub async fn login(
    State(state): State<AppState>,
    Extension(address): Extension<ClientAddress>,
    Form(form): Form<LoginForm>,
) -> Response {
    let next = safe_next(&form.next);
    let attempt = Attempt {
        email: &form.email,
        password: &form.password,
        address: &address.0,
    };
    match state.store.sign_in(&attempt).await {
        Ok(session) => signed_in(&state, session, &next),
        Err(SignInError::Refused(SignInRefusal::Wrong)) => page(
            &state,
            StatusCode::UNAUTHORIZED,
            "Sign in",
            &login_form(&form.email, &next, Some(WRONG)),
        ),
        Err(SignInError::Refused(SignInRefusal::SlowDown { retry_after })) => {
            let minutes = retry_after.div_ceil(60);
            let message = format!(
                "too many failed sign-ins for this account or from this address: try again in {minutes} minute{}",
                if minutes == 1 { "" } else { "s" }
            );
            let mut response = page(
                &state,
                StatusCode::TOO_MANY_REQUESTS,
                "Sign in",
                &login_form(&form.email, &next, Some(&message)),
            );
            if let Ok(value) = retry_after.to_string().parse() {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            response
        }
        Err(SignInError::Store(error)) => ours(&state, error),
    }
}

pub async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(token) = session_token(&headers) {
        if let Err(error) = state.store.end_session(&token).await {
            return ours(&state, error);
        }
    }
    see_other("/login", Some(cleared_cookie(state.config.web.https)))
}

#[derive(Debug, Deserialize)]
pub struct SetupQuery {
    #[serde(default)]
    token: String,
}

#[derive(Debug, Deserialize)]
pub struct SetupForm {
    token: String,
    org_name: String,
    org_kind: String,
    email: String,
    password: String,
}

pub async fn setup_page(
    State(state): State<AppState>,
    Query(query): Query<SetupQuery>,
) -> Response {
    match state.store.setup_token_valid(&query.token).await {
        Ok(true) => page(
            &state,
            StatusCode::OK,
            "Set up Resolution Studio",
            &setup_form(&query.token, None, None),
        ),
        Ok(false) => page(
            &state,
            StatusCode::NOT_FOUND,
            "Set up Resolution Studio",
            "<p class=\"error\" role=\"alert\">This setup address is not valid: it has been used, or the server printed a newer one on its console. Once someone can sign in, admins invite everyone else.</p><p><a href=\"/login\">Sign in</a></p>",
        ),
        Err(error) => ours(&state, error),
    }
}

pub async fn setup(State(state): State<AppState>, Form(form): Form<SetupForm>) -> Response {
    let kind = match OrgKind::parse(&form.org_kind) {
        Ok(kind) => kind,
        Err(message) => {
            return page(
                &state,
                StatusCode::BAD_REQUEST,
                "Set up Resolution Studio",
                &setup_form(&form.token, Some(&form), Some(&message)),
            )
        }
    };
    let account = NewAccount {
        org_name: &form.org_name,
        org_kind: kind,
        email: &form.email,
        password: &form.password,
    };
    match state.store.complete_setup(&form.token, &account).await {
        Ok(session) => signed_in(&state, session, "/"),
        Err(StoreError::Invalid(message)) | Err(StoreError::NotFound(message)) => page(
            &state,
            StatusCode::BAD_REQUEST,
            "Set up Resolution Studio",
            &setup_form(&form.token, Some(&form), Some(&message)),
        ),
        Err(error) => ours(&state, error),
    }
}

#[derive(Debug, Deserialize)]
pub struct InvitationForm {
    password: String,
}

pub async fn invitation_page(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    match state.store.invitation(&token).await {
        Ok((org, email, role)) => page(
            &state,
            StatusCode::OK,
            "Join Resolution Studio",
            &invitation_form(&org, &email, role.as_str(), None),
        ),
        Err(StoreError::NotFound(message)) => page(
            &state,
            StatusCode::NOT_FOUND,
            "Join Resolution Studio",
            &format!("<p class=\"error\" role=\"alert\">{}</p>", escape(&message)),
        ),
        Err(error) => ours(&state, error),
    }
}

pub async fn accept_invitation(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Form(form): Form<InvitationForm>,
) -> Response {
    match state.store.accept_invitation(&token, &form.password).await {
        Ok(session) => signed_in(&state, session, "/"),
        Err(StoreError::Invalid(message)) => match state.store.invitation(&token).await {
            Ok((org, email, role)) => page(
                &state,
                StatusCode::BAD_REQUEST,
                "Join Resolution Studio",
                &invitation_form(&org, &email, role.as_str(), Some(&message)),
            ),
            Err(error) => ours(&state, error),
        },
        Err(StoreError::NotFound(message)) => page(
            &state,
            StatusCode::NOT_FOUND,
            "Join Resolution Studio",
            &format!("<p class=\"error\" role=\"alert\">{}</p>", escape(&message)),
        ),
        Err(error) => ours(&state, error),
    }
}

fn signed_in(state: &AppState, session: NewSession, next: &str) -> Response {
    see_other(
        next,
        Some(session_cookie(&session.token, state.config.web.https)),
    )
}

/// A redirect that makes the browser GET `to`, with a cookie to set.
pub(super) fn see_other(to: &str, cookie: Option<String>) -> Response {
    let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_owned())]).into_response();
    if let Some(value) = cookie.and_then(|c| c.parse().ok()) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// Where to go after signing in: a path of ours, never another site
/// (`//evil.example` and `/\evil.example` are other sites to a browser).
pub(super) fn safe_next(next: &str) -> String {
    let ours = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control());
    if ours {
        next.to_owned()
    } else {
        "/".to_owned()
    }
}

pub(super) fn ours(state: &AppState, error: StoreError) -> Response {
    let context = super::failure::Context {
        route: "sign-in pages",
        caller: None,
    };
    let message = super::failure::report("a sign-in page failed", &error, &context);
    page(
        state,
        StatusCode::INTERNAL_SERVER_ERROR,
        "Something went wrong",
        &format!("<p class=\"error\" role=\"alert\">{}</p>", escape(&message)),
    )
}

/// A small page of our own around a form, with the app's style sheet.
pub(super) fn page(state: &AppState, status: StatusCode, title: &str, body: &str) -> Response {
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <title>{title} · Resolution Studio</title>\n\
         <link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">\n\
         <link rel=\"stylesheet\" href=\"/{bundle}/resolution-studio.css\">\n</head>\n<body>\n\
         <header class=\"site-header\"><span class=\"brand\">Resolution Studio</span></header>\n\
         <main id=\"main\" class=\"sign-in\">\n<h1>{title}</h1>\n{body}\n</main>\n</body>\n</html>\n",
        title = escape(title),
        bundle = escape(&state.config.leptos.site_pkg_dir),
    );
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        html,
    )
        .into_response()
}

fn alert(message: Option<&str>) -> String {
    message
        .map(|m| format!("<p class=\"error\" role=\"alert\">{}</p>\n", escape(m)))
        .unwrap_or_default()
}

fn login_form(email: &str, next: &str, message: Option<&str>) -> String {
    format!(
        "{alert}<form method=\"post\" action=\"/login\" class=\"sign-in-form\">\n\
         <input type=\"hidden\" name=\"next\" value=\"{next}\">\n\
         <label>Email <input type=\"email\" name=\"email\" autocomplete=\"username\" required value=\"{email}\"></label>\n\
         <label>Password <input type=\"password\" name=\"password\" autocomplete=\"current-password\" required></label>\n\
         <button type=\"submit\">Sign in</button>\n</form>\n\
         <p class=\"hint\">No account? Ask your organisation's admin for an invitation.</p>",
        alert = alert(message),
        next = escape(next),
        email = escape(email),
    )
}

fn setup_form(token: &str, filled: Option<&SetupForm>, message: Option<&str>) -> String {
    let value = |f: fn(&SetupForm) -> &str| filled.map(f).map(escape).unwrap_or_default();
    let advocacy = filled.is_some_and(|f| f.org_kind == "advocacy");
    format!(
        "{alert}<p class=\"lead\">Nobody can sign in yet. Create your organisation and its first administrator; \
         the administrator then invites everyone else.</p>\n\
         <form method=\"post\" action=\"/setup\" class=\"sign-in-form\">\n\
         <input type=\"hidden\" name=\"token\" value=\"{token}\">\n\
         <label>Organisation <input name=\"org_name\" required value=\"{org}\"></label>\n\
         <label>Kind <select name=\"org_kind\"><option value=\"investor\">investor</option>\
         <option value=\"advocacy\"{selected}>advocacy group</option></select></label>\n\
         <label>Your email <input type=\"email\" name=\"email\" autocomplete=\"username\" required value=\"{email}\"></label>\n\
         <label>Password (at least {min} characters) <input type=\"password\" name=\"password\" autocomplete=\"new-password\" required></label>\n\
         <button type=\"submit\">Create and sign in</button>\n</form>",
        alert = alert(message),
        token = escape(token),
        org = value(|f| &f.org_name),
        email = value(|f| &f.email),
        selected = if advocacy { " selected" } else { "" },
        min = crate::accounts::password::MIN_CHARS,
    )
}

fn invitation_form(org: &str, email: &str, role: &str, message: Option<&str>) -> String {
    format!(
        "{alert}<p class=\"lead\">You are invited to join {org} as {role}, with the email {email}. \
         Choose a password to accept.</p>\n\
         <form method=\"post\" class=\"sign-in-form\">\n\
         <label>Password (at least {min} characters) <input type=\"password\" name=\"password\" autocomplete=\"new-password\" required></label>\n\
         <button type=\"submit\">Join and sign in</button>\n</form>",
        alert = alert(message),
        org = escape(org),
        role = escape(role),
        email = escape(email),
        min = crate::accounts::password::MIN_CHARS,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next("/drafts/3"), "/drafts/3");
        assert_eq!(safe_next("//evil.example/x"), "/");
        assert_eq!(safe_next("/\\evil.example"), "/");
        assert_eq!(safe_next("https://evil.example"), "/");
        assert_eq!(safe_next(""), "/");
    }
}
