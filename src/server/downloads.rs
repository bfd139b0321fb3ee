//! File downloads: a built-in template's sample rendering.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use super::AppState;
use crate::evidence::{CitationStyle, DEFAULT_STYLE};
use crate::export::Format;

pub async fn sample(
    State(state): State<AppState>,
    Path((id, format)): Path<(String, String)>,
) -> Response {
    let Some(format) = Format::from_extension(&format) else {
        return (
            StatusCode::NOT_FOUND,
            format!("no format `{format}`: use docx, pdf or html"),
        )
            .into_response();
    };
    let stored = match state.store.latest_template(&id).await {
        Ok(stored) => stored,
        Err(error) => return (StatusCode::NOT_FOUND, error.to_string()).into_response(),
    };
    let Some(answers) = stored.sample.clone() else {
        return (
            StatusCode::NOT_FOUND,
            format!("template `{id}` has no sample answers"),
        )
            .into_response();
    };
    // Typesetting is CPU work of several milliseconds: keep it off the async workers.
    let library = state.store.library();
    let template = stored.template;
    let rendered = tokio::task::spawn_blocking(move || {
        let style = CitationStyle::by_name(DEFAULT_STYLE)?;
        crate::render::render(&template, &answers, &library, &style, format)
    })
    .await;
    let rendered = match rendered {
        Ok(result) => result,
        Err(join) => {
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("rendering stopped: {join}"),
            )
                .into_response()
        }
    };
    match rendered {
        Ok(bytes) => {
            let disposition = match format {
                Format::Html => "inline".to_owned(),
                Format::Docx | Format::Pdf => format!(
                    "attachment; filename=\"{id}-sample.{}\"",
                    format.extension()
                ),
            };
            (
                [
                    (header::CONTENT_TYPE, format.media_type().to_owned()),
                    (header::CONTENT_DISPOSITION, disposition),
                ],
                bytes,
            )
                .into_response()
        }
        // A built-in sample that fails to render is our bug, not the reader's.
        Err(error) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("the sample could not be rendered: {error}"),
        )
            .into_response(),
    }
}

/// A draft's latest version as DOCX, PDF or HTML, named after its company,
/// kind and the day it was saved. An unfinished draft is refused with the
/// list of what is missing: a download is the finished document.
pub async fn draft(
    State(state): State<AppState>,
    Path((id, format)): Path<(i64, String)>,
) -> Response {
    let Some(format) = Format::from_extension(&format) else {
        return (
            StatusCode::NOT_FOUND,
            format!("no format `{format}`: use docx, pdf or html"),
        )
            .into_response();
    };
    let (summary, version) = match state.store.draft(id).await {
        Ok(found) => found,
        Err(error) => return (StatusCode::NOT_FOUND, error.to_string()).into_response(),
    };
    let template = match state
        .store
        .template(&summary.template_id, summary.template_version)
        .await
    {
        Ok(template) => template,
        Err(error) => {
            return (StatusCode::INTERNAL_SERVER_ERROR, error.to_string()).into_response()
        }
    };
    let library = state.store.library();
    let answers = serde_json::Value::Object(version.answers);
    let kind = template.front.kind.as_str();
    let date = version.saved_at.get(..10).unwrap_or_default().to_owned();
    let name = crate::drafts::file_name(&summary.company, kind, &date, format.extension());
    let rendered = tokio::task::spawn_blocking(move || {
        let style = CitationStyle::by_name(DEFAULT_STYLE)?;
        crate::render::render(&template, &answers, &library, &style, format)
    })
    .await;
    match rendered {
        Ok(Ok(bytes)) => {
            let disposition = match format {
                Format::Html => format!("inline; filename=\"{name}\""),
                Format::Docx | Format::Pdf => format!("attachment; filename=\"{name}\""),
            };
            (
                [
                    (header::CONTENT_TYPE, format.media_type().to_owned()),
                    (header::CONTENT_DISPOSITION, disposition),
                ],
                bytes,
            )
                .into_response()
        }
        // The draft is not finished, or its template cannot render it: the
        // message says which answer or which template line.
        Ok(Err(error)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("draft {id} cannot be downloaded yet:\n{error}"),
        )
            .into_response(),
        Err(join) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("rendering stopped: {join}"),
        )
            .into_response(),
    }
}
