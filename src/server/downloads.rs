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
