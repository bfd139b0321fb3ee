//! Sign-in, sign-out, first-start setup and accepting an invitation: plain
//! HTML forms that POST and get a redirect, so they work before (and
//! without) the browser bundle.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use serde::Deserialize;

use super::guard::{url_encode, ClientAddress};
use super::AppState;
use crate::accounts::{Caller, OrgKind};
use crate::export::html::escape;
use crate::i18n::tr;
use crate::i18n::{Lang, Message};
use crate::runtime::session::{cleared_cookie, session_cookie, session_token};
use crate::store::accounts::{Attempt, NewAccount, NewSession, SignInError, SignInRefusal};
use crate::store::StoreError;

/// What a page of ours takes from its request: the language it is written
/// in, and the address its language switch comes back to.
#[derive(Debug, Clone, Copy)]
pub(super) struct Frame<'a> {
    pub lang: Lang,
    pub back: &'a str,
}

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
    Extension(lang): Extension<Lang>,
    caller: Option<Extension<Caller>>,
    uri: Uri,
    Query(query): Query<NextQuery>,
) -> Response {
    let next = safe_next(query.next.as_deref().unwrap_or("/"));
    if caller.is_some() {
        return see_other(&next, None);
    }
    let back = path_and_query(&uri);
    page(
        &state,
        Frame { lang, back: &back },
        StatusCode::OK,
        &tr!(lang, "sign-in-title"),
        &login_form(lang, "", &next, None),
    )
}

pub async fn login(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    Extension(address): Extension<ClientAddress>,
    Form(form): Form<LoginForm>,
) -> Response {
    let next = safe_next(&form.next);
    // A refused sign-in shows the form again; its language switch comes
    // back to the sign-in page, not to this POST.
    let back = login_address(&next);
    let frame = Frame { lang, back: &back };
    let refused = |status: StatusCode, message: &str| {
        page(
            &state,
            frame,
            status,
            &tr!(lang, "sign-in-title"),
            &login_form(lang, &form.email, &next, Some(message)),
        )
    };
    let attempt = Attempt {
        email: &form.email,
        password: &form.password,
        address: &address.0,
    };
    match state.store.sign_in(&attempt).await {
        Ok(session) => signed_in(&state, session, &next),
        Err(SignInError::Refused(SignInRefusal::Wrong)) => {
            refused(StatusCode::UNAUTHORIZED, &tr!(lang, "sign-in-wrong"))
        }
        Err(SignInError::Refused(SignInRefusal::SlowDown { retry_after })) => {
            let minutes = retry_after.div_ceil(60);
            let message = tr!(lang, "sign-in-slow-down", minutes = minutes);
            let mut response = refused(StatusCode::TOO_MANY_REQUESTS, &message);
            if let Ok(value) = retry_after.to_string().parse() {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            response
        }
        Err(SignInError::Store(error)) => ours(&state, frame, error),
    }
}

pub async fn logout(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
) -> Response {
    if let Some(token) = session_token(&headers) {
        if let Err(error) = state.store.end_session(&token).await {
            return ours(&state, Frame { lang, back: "/" }, error);
        }
    }
    see_other("/login", Some(cleared_cookie(state.site.web.https)))
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
    Extension(lang): Extension<Lang>,
    uri: Uri,
    Query(query): Query<SetupQuery>,
) -> Response {
    let back = path_and_query(&uri);
    let frame = Frame { lang, back: &back };
    let title = tr!(lang, "sign-in-setup-title");
    match state.store.setup_token_valid(&query.token).await {
        Ok(true) => page(
            &state,
            frame,
            StatusCode::OK,
            &title,
            &setup_form(lang, &query.token, None, None),
        ),
        Ok(false) => page(
            &state,
            frame,
            StatusCode::NOT_FOUND,
            &title,
            &format!(
                "{}<p><a href=\"/login\">{}</a></p>",
                alert(Some(&tr!(lang, "sign-in-setup-used"))),
                escape(&tr!(lang, "sign-in-submit")),
            ),
        ),
        Err(error) => ours(&state, frame, error),
    }
}

pub async fn setup(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    Form(form): Form<SetupForm>,
) -> Response {
    let back = format!("/setup?token={}", url_encode(&form.token));
    let frame = Frame { lang, back: &back };
    let refused = |message: &str| {
        page(
            &state,
            frame,
            StatusCode::BAD_REQUEST,
            &tr!(lang, "sign-in-setup-title"),
            &setup_form(lang, &form.token, Some(&form), Some(message)),
        )
    };
    let kind = match OrgKind::parse(&form.org_kind) {
        Ok(kind) => kind,
        Err(message) => return refused(&message),
    };
    let account = NewAccount {
        org_name: &form.org_name,
        org_kind: kind,
        email: &form.email,
        password: &form.password,
    };
    match state.store.complete_setup(&form.token, &account).await {
        Ok(session) => signed_in(&state, session, "/"),
        Err(StoreError::Invalid(message)) | Err(StoreError::NotFound(message)) => {
            refused(&message.words(lang))
        }
        Err(error) => ours(&state, frame, error),
    }
}

#[derive(Debug, Deserialize)]
pub struct InvitationForm {
    password: String,
}

pub async fn invitation_page(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    Path(token): Path<String>,
) -> Response {
    invitation(
        &state,
        Frame {
            lang,
            back: uri.path(),
        },
        &token,
        None,
    )
    .await
}

pub async fn accept_invitation(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    uri: Uri,
    Path(token): Path<String>,
    Form(form): Form<InvitationForm>,
) -> Response {
    let frame = Frame {
        lang,
        back: uri.path(),
    };
    match state.store.accept_invitation(&token, &form.password).await {
        Ok(session) => signed_in(&state, session, "/"),
        Err(StoreError::Invalid(message)) => {
            invitation(&state, frame, &token, Some(&message.words(lang))).await
        }
        Err(StoreError::NotFound(message)) => invitation_gone(&state, frame, &message),
        Err(error) => ours(&state, frame, error),
    }
}

/// The invitation's page: its form, with `message` when the last try was
/// refused (400), or why it cannot be accepted.
async fn invitation(
    state: &AppState,
    frame: Frame<'_>,
    token: &str,
    message: Option<&str>,
) -> Response {
    let status = match message {
        Some(_) => StatusCode::BAD_REQUEST,
        None => StatusCode::OK,
    };
    match state.store.invitation(token).await {
        Ok((org, email, role)) => page(
            state,
            frame,
            status,
            &tr!(frame.lang, "sign-in-join-title"),
            &invitation_form(frame.lang, &org, &email, role, message),
        ),
        Err(StoreError::NotFound(message)) => invitation_gone(state, frame, &message),
        Err(error) => ours(state, frame, error),
    }
}

fn invitation_gone(state: &AppState, frame: Frame<'_>, message: &Message) -> Response {
    page(
        state,
        frame,
        StatusCode::NOT_FOUND,
        &tr!(frame.lang, "sign-in-join-title"),
        &alert(Some(&message.words(frame.lang))),
    )
}

fn signed_in(state: &AppState, session: NewSession, next: &str) -> Response {
    see_other(
        next,
        Some(session_cookie(&session.token, state.site.web.https)),
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

/// The request's path and query, for the language switch to come back to.
fn path_and_query(uri: &Uri) -> String {
    uri.path_and_query()
        .map_or_else(|| uri.path().to_owned(), |p| p.as_str().to_owned())
}

/// The sign-in page that comes back to `next`.
fn login_address(next: &str) -> String {
    if next == "/" {
        "/login".to_owned()
    } else {
        format!("/login?next={}", url_encode(next))
    }
}

/// A failure of ours: logged, and a page with its reference.
pub(super) fn ours(state: &AppState, frame: Frame<'_>, error: StoreError) -> Response {
    let context = super::failure::Context {
        route: "sign-in pages",
        caller: None,
    };
    let reference = super::failure::log("a sign-in page failed", &error, &context);
    let message = crate::app::error::AppError::Ours { reference }.words(frame.lang);
    page(
        state,
        frame,
        StatusCode::INTERNAL_SERVER_ERROR,
        &tr!(frame.lang, "sign-in-failed-title"),
        &alert(Some(&message)),
    )
}

/// A small page of ours around a form, with the app's style sheet and the
/// header's language switch.
pub(super) fn page(
    state: &AppState,
    frame: Frame<'_>,
    status: StatusCode,
    title: &str,
    body: &str,
) -> Response {
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <title>{title} · Resolution Studio</title>\n\
         <link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">\n\
         <link rel=\"stylesheet\" href=\"/{bundle}/resolution-studio.css\">\n</head>\n<body>\n\
         <header class=\"site-header\"><span class=\"brand\">Resolution Studio</span>\n{switch}</header>\n\
         <main id=\"main\" class=\"sign-in\">\n<h1>{title}</h1>\n{body}\n</main>\n</body>\n</html>\n",
        lang = frame.lang.code(),
        title = escape(title),
        bundle = escape(&state.site.leptos.site_pkg_dir),
        switch = language_switch(frame),
    );
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        html,
    )
        .into_response()
}

/// The header's language switch, as `app::i18n::LanguageSwitch` writes it:
/// a plain form that comes back to `frame.back`.
fn language_switch(frame: Frame<'_>) -> String {
    let buttons: String = Lang::ALL
        .into_iter()
        .map(|choice| {
            let current = choice == frame.lang;
            format!(
                "<button type=\"submit\" name=\"lang\" value=\"{code}\" lang=\"{code}\"{disabled} aria-pressed=\"{current}\">{name}</button>\n",
                code = choice.code(),
                disabled = if current { " disabled" } else { "" },
                name = escape(choice.own_name()),
            )
        })
        .collect();
    format!(
        "<form method=\"post\" action=\"/language\" class=\"language-switch\" aria-label=\"{label}\">\n\
         <input type=\"hidden\" name=\"back\" value=\"{back}\">\n{buttons}</form>\n",
        label = escape(&tr!(frame.lang, "language-switch")),
        back = escape(frame.back),
    )
}

fn alert(message: Option<&str>) -> String {
    message
        .map(|m| format!("<p class=\"error\" role=\"alert\">{}</p>\n", escape(m)))
        .unwrap_or_default()
}

/// A label around an input: the words, then the field.
fn labelled(words: &str, input: &str) -> String {
    format!("<label>{} {input}</label>\n", escape(words))
}

fn login_form(lang: Lang, email: &str, next: &str, message: Option<&str>) -> String {
    format!(
        "{alert}<form method=\"post\" action=\"/login\" class=\"sign-in-form\">\n\
         <input type=\"hidden\" name=\"next\" value=\"{next}\">\n\
         {email}{password}\
         <button type=\"submit\">{submit}</button>\n</form>\n\
         <p class=\"hint\">{hint}</p>",
        alert = alert(message),
        next = escape(next),
        email = labelled(
            &tr!(lang, "sign-in-email"),
            &format!(
                "<input type=\"email\" name=\"email\" autocomplete=\"username\" required value=\"{}\">",
                escape(email)
            ),
        ),
        password = labelled(
            &tr!(lang, "sign-in-password"),
            "<input type=\"password\" name=\"password\" autocomplete=\"current-password\" required>",
        ),
        submit = escape(&tr!(lang, "sign-in-submit")),
        hint = escape(&tr!(lang, "sign-in-no-account")),
    )
}

/// The password field of the setup and invitation forms.
fn new_password(lang: Lang) -> String {
    labelled(
        &tr!(
            lang,
            "sign-in-new-password",
            min = crate::accounts::password::MIN_CHARS
        ),
        "<input type=\"password\" name=\"password\" autocomplete=\"new-password\" required>",
    )
}

fn setup_form(
    lang: Lang,
    token: &str,
    filled: Option<&SetupForm>,
    message: Option<&str>,
) -> String {
    let value = |f: fn(&SetupForm) -> &str| filled.map(f).map(escape).unwrap_or_default();
    let advocacy = filled.is_some_and(|f| f.org_kind == "advocacy");
    // The options send the stored kinds; their text is the reader's.
    let kinds = format!(
        "<select name=\"org_kind\"><option value=\"investor\">{investor}</option>\
         <option value=\"advocacy\"{selected}>{advocacy}</option></select>",
        investor = escape(&tr!(lang, "account-org-kind-investor")),
        advocacy = escape(&tr!(lang, "sign-in-kind-advocacy")),
        selected = if advocacy { " selected" } else { "" },
    );
    format!(
        "{alert}<p class=\"lead\">{lead}</p>\n\
         <form method=\"post\" action=\"/setup\" class=\"sign-in-form\">\n\
         <input type=\"hidden\" name=\"token\" value=\"{token}\">\n\
         {org}{kind}{email}{password}\
         <button type=\"submit\">{submit}</button>\n</form>",
        alert = alert(message),
        lead = escape(&tr!(lang, "sign-in-setup-lead")),
        token = escape(token),
        org = labelled(
            &tr!(lang, "sign-in-organisation"),
            &format!(
                "<input name=\"org_name\" required value=\"{}\">",
                value(|f| &f.org_name)
            ),
        ),
        kind = labelled(&tr!(lang, "sign-in-kind"), &kinds),
        email = labelled(
            &tr!(lang, "sign-in-your-email"),
            &format!(
                "<input type=\"email\" name=\"email\" autocomplete=\"username\" required value=\"{}\">",
                value(|f| &f.email)
            ),
        ),
        password = new_password(lang),
        submit = escape(&tr!(lang, "sign-in-setup-submit")),
    )
}

fn invitation_form(
    lang: Lang,
    org: &str,
    email: &str,
    role: crate::accounts::Role,
    message: Option<&str>,
) -> String {
    let role = crate::app::i18n::role_name(lang, role);
    format!(
        "{alert}<p class=\"lead\">{lead}</p>\n\
         <form method=\"post\" class=\"sign-in-form\">\n\
         {password}\
         <button type=\"submit\">{submit}</button>\n</form>",
        alert = alert(message),
        lead = escape(&tr!(
            lang,
            "sign-in-invited",
            org = org,
            role = role,
            email = email
        )),
        password = new_password(lang),
        submit = escape(&tr!(lang, "sign-in-join-submit")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_way_back_keeps_where_to_go_after_signing_in() {
        assert_eq!(login_address("/"), "/login");
        assert_eq!(
            login_address("/drafts/3?tab=checks"),
            "/login?next=/drafts/3%3Ftab%3Dchecks"
        );
    }

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next("/drafts/3"), "/drafts/3");
        assert_eq!(safe_next("//evil.example/x"), "/");
        assert_eq!(safe_next("/\\evil.example"), "/");
        assert_eq!(safe_next("https://evil.example"), "/");
        assert_eq!(safe_next(""), "/");
    }
}
