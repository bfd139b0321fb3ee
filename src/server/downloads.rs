//! File downloads for signed-in people: a template's sample rendering, a
//! template version's file, and a draft's latest saved version, each only
//! from what the caller's organisation sees.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use serde_json::Value;

use super::AppState;
use crate::accounts::Caller;
use crate::compose::Template;
use crate::evidence::{CitationStyle, Library, DEFAULT_STYLE};
use crate::export::Format;
use crate::i18n::Lang;

pub async fn sample(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(lang): Extension<Lang>,
    Path((id, format)): Path<(String, String)>,
) -> Response {
    let Some(format) = Format::from_extension(&format) else {
        return unknown_format(&format);
    };
    let stored = match state.store.latest_template(caller.org, &id).await {
        Ok(stored) => stored,
        Err(error) => return (StatusCode::NOT_FOUND, error.words(lang)).into_response(),
    };
    let Some(answers) = stored.sample else {
        return (
            StatusCode::NOT_FOUND,
            format!("template `{id}` has no sample answers"),
        )
            .into_response();
    };
    let name = format!("{id}-sample.{}", format.extension());
    let library = match state.store.library_for(caller.org).await {
        Ok(library) => library,
        Err(error) => return library_failure(&error, "/templates/{id}/sample/{format}", &caller),
    };
    match render(
        &state,
        stored.template,
        answers,
        library,
        (format, Output::Document),
        None,
    )
    .await
    {
        Ok(bytes) => file(format, &name, bytes),
        // A sample that fails to render is a bug of the template's, not the reader's.
        Err(message) => super::failure::response(
            "a template's sample failed to render",
            &message,
            &super::failure::Context {
                route: "/templates/{id}/sample/{format}",
                caller: Some(&caller),
            },
        ),
    }
}

/// A draft's latest version as DOCX, PDF or HTML, named after its company,
/// kind and the day it was saved. An unfinished draft is refused with the
/// list of what is missing: a download is the finished document.
pub async fn draft(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(lang): Extension<Lang>,
    Path((id, format)): Path<(i64, String)>,
) -> Response {
    let Some(format) = Format::from_extension(&format) else {
        return unknown_format(&format);
    };
    draft_file(state, caller, lang, id, format, Output::Document).await
}

/// The evidence report of a draft's latest version, as HTML or PDF: for
/// reviewers and co-filers, beside the document's own downloads.
pub async fn evidence_report(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(lang): Extension<Lang>,
    Path((id, format)): Path<(i64, String)>,
) -> Response {
    let format = match Format::from_extension(&format) {
        Some(format @ (Format::Html | Format::Pdf)) => format,
        _ => {
            return (
                StatusCode::NOT_FOUND,
                crate::i18n::tr!(lang, "store-no-report-format", format = format.as_str()),
            )
                .into_response()
        }
    };
    draft_file(state, caller, lang, id, format, Output::EvidenceReport).await
}

/// A finished packet's ZIP (`/packets/{id}/zip`), from whichever instance
/// rendered it; its SHA-256 in the `ETag`.
pub async fn packet(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(lang): Extension<Lang>,
    Path(id): Path<i64>,
) -> Response {
    match state.store.batch_packet(caller.org, id).await {
        Ok(stored) => zip_response(
            state.store.clone(),
            id,
            stored,
            Some(format!("packet-{id}.zip")),
        ),
        Err(crate::store::StoreError::NotFound(message)) => {
            (StatusCode::NOT_FOUND, message.words(lang)).into_response()
        }
        Err(error) => super::failure::response(
            "a packet could not be read",
            &error,
            &super::failure::Context {
                route: "/packets/{id}/zip",
                caller: Some(&caller),
            },
        ),
    }
}

/// A stored packet's ZIP as a response, sent one stored part at a time
/// (never whole in memory), with its size and its SHA-256 as the `ETag`.
pub(super) fn zip_response(
    store: Arc<crate::store::Store>,
    id: i64,
    stored: crate::store::batches::StoredPacket,
    attachment: Option<String>,
) -> Response {
    let mut headers = vec![
        (header::CONTENT_TYPE, "application/zip".to_owned()),
        (header::CONTENT_LENGTH, stored.size.to_string()),
        (header::ETAG, format!("\"{}\"", stored.sha256)),
    ];
    if let Some(name) = attachment {
        headers.push((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ));
    }
    let body = match stored.whole {
        Some(bytes) => axum::body::Body::from(bytes),
        None => {
            axum::body::Body::from_stream(futures_util::stream::try_unfold(0i64, move |part| {
                let store = store.clone();
                async move {
                    Ok::<_, crate::store::StoreError>(
                        store
                            .batch_packet_part(id, part)
                            .await?
                            .map(|bytes| (axum::body::Bytes::from(bytes), part + 1)),
                    )
                }
            }))
        }
    };
    let mut response = body.into_response();
    for (name, value) in headers {
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().insert(name, value);
        }
    }
    response
}

/// Which file of a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Output {
    Document,
    EvidenceReport,
}

async fn draft_file(
    state: AppState,
    caller: Caller,
    lang: Lang,
    id: i64,
    format: Format,
    output: Output,
) -> Response {
    let (summary, template) = match state.store.draft_template(caller.org, id).await {
        Ok(found) => found,
        Err(error) => return (StatusCode::NOT_FOUND, error.words(lang)).into_response(),
    };
    let version = match state
        .store
        .draft_version(caller.org, id, summary.head)
        .await
    {
        Ok(version) => version,
        Err(error) => {
            return super::failure::response(
                "a draft's latest version could not be read",
                &error,
                &super::failure::Context {
                    route: "/drafts/{id}/download/{format}",
                    caller: Some(&caller),
                },
            )
        }
    };
    let date = version.saved_at.get(..10).unwrap_or_default();
    let kind = match output {
        Output::Document => template.front.kind.as_str().to_owned(),
        Output::EvidenceReport => format!("{}-evidence-report", template.front.kind.as_str()),
    };
    let name = crate::drafts::file_name(&summary.company, &kind, date, format.extension());
    let answers = Value::Object(version.answers);
    let library = match state.store.library_for(caller.org).await {
        Ok(library) => library,
        Err(error) => return library_failure(&error, "/drafts/{id}/download/{format}", &caller),
    };
    match render(
        &state,
        template,
        answers,
        library,
        (format, output),
        Some(date.to_owned()),
    )
    .await
    {
        Ok(bytes) => file(format, &name, bytes),
        // The draft is not finished, or its template cannot render it: the
        // message says which answer or which template line.
        Err(message) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("draft {id} cannot be downloaded yet:\n{message}"),
        )
            .into_response(),
    }
}

/// The evidence library could not be read: ours to fix, logged with a reference.
fn library_failure(
    error: &crate::store::StoreError,
    route: &'static str,
    caller: &Caller,
) -> Response {
    super::failure::response(
        "the evidence library could not be read",
        error,
        &super::failure::Context {
            route,
            caller: Some(caller),
        },
    )
}

pub(super) fn unknown_format(extension: &str) -> Response {
    (
        StatusCode::NOT_FOUND,
        format!("no format `{extension}`: use docx, pdf or html"),
    )
        .into_response()
}

/// One version of a template as a file to share: front matter and body,
/// UTF-8, named `ID-vN.md`; `import_template` takes it back.
pub async fn template_file(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Extension(lang): Extension<Lang>,
    Path((id, version)): Path<(String, i64)>,
) -> Response {
    match state.store.template_source(caller.org, &id, version).await {
        Ok(source) => (
            [
                (
                    header::CONTENT_TYPE,
                    "text/markdown; charset=utf-8".to_owned(),
                ),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{id}-v{version}.md\""),
                ),
            ],
            source,
        )
            .into_response(),
        Err(error) => (StatusCode::NOT_FOUND, error.words(lang)).into_response(),
    }
}

/// Runs the pipeline off the async workers, within the time limit:
/// typesetting is CPU work of several milliseconds. `date` is the day the
/// files record (the draft version's), if any.
pub(super) async fn render(
    state: &AppState,
    template: Arc<Template>,
    answers: Value,
    library: Arc<Library>,
    (format, output): (Format, Output),
    date: Option<String>,
) -> Result<Vec<u8>, String> {
    state
        .off_thread(move || {
            let style = CitationStyle::by_name(DEFAULT_STYLE).map_err(|e| e.to_string())?;
            let date = date.as_deref();
            let rendered = match output {
                Output::Document => {
                    crate::render::render_dated(&template, &answers, &library, &style, format, date)
                }
                Output::EvidenceReport => crate::render::render_evidence_report(
                    &template, &answers, &library, &style, format, date,
                ),
            };
            rendered.map_err(|e| e.to_string())
        })
        .await
        .map_err(|e| e.to_string())?
}

/// The file as a download. HTML is shown in the browser, sandboxed: a
/// document's text is never allowed to run anything or reach our cookies.
pub(super) fn file(format: Format, name: &str, bytes: Vec<u8>) -> Response {
    let disposition = match format {
        Format::Html => format!("inline; filename=\"{name}\""),
        Format::Docx | Format::Pdf => format!("attachment; filename=\"{name}\""),
    };
    let mut response = (
        [
            (header::CONTENT_TYPE, format.media_type().to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response();
    if format == Format::Html {
        response.headers_mut().insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("sandbox"),
        );
    }
    response
}
