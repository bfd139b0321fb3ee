//! Files sent from a page's form: a campaign's co-filer list. A plain
//! multipart form that answers with a redirect, so it works before (and
//! without) the browser bundle: to the mapping page when the file reads as
//! a table; a page saying why, with the way back, when it does not.

use axum::extract::{Multipart, Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;

use super::sign_in::Frame;
use super::AppState;
use crate::accounts::{Caller, Permission};
use crate::campaigns::import::{Table, MAX_FILE_BYTES};
use crate::export::html::escape;
use crate::i18n::{tr, Lang};
use crate::store::StoreError;

/// `POST /campaigns/{id}/import` with a `file` part (CSV or XLSX).
pub async fn cofiler_list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(lang): Extension<Lang>,
    Path(campaign): Path<i64>,
    multipart: Multipart,
) -> Response {
    if !caller.may(Permission::Draft) {
        return (
            StatusCode::FORBIDDEN,
            tr!(lang, "campaigns-upload-forbidden"),
        )
            .into_response();
    }
    // Another organisation's campaign is not found before the file is read.
    if let Err(error) = state.store.campaign(caller.org, campaign).await {
        return store_failure(&error, &caller, lang);
    }
    let back = |message: &str| {
        let body = format!(
            "<p class=\"error\" role=\"alert\">{}</p>\n<p><a href=\"/campaigns/{campaign}\">{}</a>{}</p>",
            escape(message),
            escape(&tr!(lang, "campaigns-upload-back")),
            escape(&tr!(lang, "campaigns-upload-back-why")),
        );
        let back = format!("/campaigns/{campaign}");
        super::sign_in::page(
            &state,
            Frame { lang, back: &back },
            StatusCode::UNPROCESSABLE_ENTITY,
            &tr!(lang, "campaigns-upload-failed"),
            &body,
        )
    };
    let (file_name, bytes) = match read_file(multipart, lang).await {
        Ok(file) => file,
        Err(message) => return back(&message),
    };
    let table = match Table::read(&file_name, &bytes) {
        Ok(table) => table,
        Err(error) => return back(&error.words(lang)),
    };
    match state
        .store
        .save_campaign_import(&caller, campaign, &file_name, &table)
        .await
    {
        Ok(import) => see_other(&format!("/campaigns/{campaign}/import/{import}")),
        Err(error) => store_failure(&error, &caller, lang),
    }
}

/// The `file` part's name and bytes, at most [`MAX_FILE_BYTES`].
async fn read_file(mut multipart: Multipart, lang: Lang) -> Result<(String, Vec<u8>), String> {
    let unreadable = |e: axum::extract::multipart::MultipartError| {
        tr!(lang, "campaigns-upload-unreadable", detail = e.to_string())
    };
    while let Some(mut field) = multipart.next_field().await.map_err(unreadable)? {
        if field.name() != Some("file") {
            continue;
        }
        let name = field
            .file_name()
            .map(|n| n.rsplit(['/', '\\']).next().unwrap_or(n).to_owned())
            .filter(|n| !n.trim().is_empty())
            .ok_or_else(|| tr!(lang, "campaigns-upload-choose"))?;
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
            bytes.extend_from_slice(&chunk);
            if bytes.len() > MAX_FILE_BYTES {
                return Err(tr!(
                    lang,
                    "campaigns-upload-too-large",
                    name = name.as_str(),
                    kib = MAX_FILE_BYTES / 1024,
                ));
            }
        }
        if bytes.is_empty() {
            return Err(tr!(lang, "campaigns-upload-empty", name = name.as_str()));
        }
        return Ok((name, bytes));
    }
    Err(tr!(lang, "campaigns-upload-choose"))
}

fn see_other(to: &str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_owned())]).into_response()
}

fn store_failure(error: &StoreError, caller: &Caller, lang: Lang) -> Response {
    match error {
        StoreError::NotFound(message) => {
            (StatusCode::NOT_FOUND, message.words(lang)).into_response()
        }
        StoreError::Invalid(message) => {
            (StatusCode::BAD_REQUEST, message.words(lang)).into_response()
        }
        other => super::failure::response(
            "a co-filer list could not be stored",
            other,
            &super::failure::Context {
                route: "/campaigns/{id}/import",
                caller: Some(caller),
            },
        ),
    }
}
