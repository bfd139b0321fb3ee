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
    let Some(entry) = state.catalog.get(&id) else {
        return (StatusCode::NOT_FOUND, format!("no template `{id}`")).into_response();
    };
    let Some(answers) = &entry.sample else {
        return (
            StatusCode::NOT_FOUND,
            format!("template `{id}` has no sample answers"),
        )
            .into_response();
    };
    let rendered = CitationStyle::by_name(DEFAULT_STYLE)
        .map_err(crate::render::RenderError::from)
        .and_then(|style| {
            crate::render::render(&entry.template, answers, &state.library, &style, format)
        });
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
