//! Readers' pages: a published draft at `/p/TOKEN` as a web page with its
//! DOCX and PDF, and nothing else of the organisation. A withdrawn address
//! answers 410; pages ask search engines not to index them unless the
//! publisher chose otherwise. The few words around the document are in the
//! reader's language; the document keeps its template's.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use serde_json::Value;

use super::downloads::{file, render};
use super::AppState;
use crate::export::html::escape;
use crate::export::Format;
use crate::i18n::tr;
use crate::i18n::Lang;
use crate::store::publications::{PublicDocument, PublicError};

pub async fn page(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    Path(token): Path<String>,
) -> Response {
    let document = match state.store.public_document(&token).await {
        Ok(document) => document,
        Err(error) => return refusal(lang, error),
    };
    let indexable = document.indexable;
    let html = match rendered(&state, document, Format::Html).await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(response) => return response,
    };
    let downloads = format!(
        "<nav class=\"reader-downloads\" aria-label=\"{label}\"><a href=\"/p/{t}/download/docx\" download>DOCX</a> \
         <a href=\"/p/{t}/download/pdf\" download>PDF</a></nav>\n",
        label = escape(&tr!(lang, "drafts-reader-downloads")),
        t = escape(&token)
    );
    let robots = if indexable {
        ""
    } else {
        "<meta name=\"robots\" content=\"noindex, nofollow\">\n"
    };
    let html = in_reader_language(html, lang)
        .replacen("<head>\n", &format!("<head>\n{robots}"), 1)
        .replacen("<body>\n", &format!("<body>\n{downloads}"), 1);
    let mut response = ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response();
    robots_header(&mut response, indexable);
    response
}

pub async fn download(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    Path((token, format)): Path<(String, String)>,
) -> Response {
    let Some(format) = Format::from_extension(&format) else {
        return super::downloads::unknown_format(&format);
    };
    let document = match state.store.public_document(&token).await {
        Ok(document) => document,
        Err(error) => return refusal(lang, error),
    };
    let indexable = document.indexable;
    let name = crate::drafts::file_name(
        &document.company,
        document.template.front.kind.as_str(),
        document.saved_at.get(..10).unwrap_or_default(),
        format.extension(),
    );
    let mut response = match rendered(&state, document, format).await {
        Ok(bytes) => file(format, &name, bytes),
        Err(response) => response,
    };
    robots_header(&mut response, indexable);
    response
}

async fn rendered(
    state: &AppState,
    document: PublicDocument,
    format: Format,
) -> Result<Vec<u8>, Response> {
    let library = match state.store.library_for(document.org).await {
        Ok(library) => library,
        Err(error) => {
            return Err(super::failure::response(
                "the evidence library could not be read",
                &error,
                &super::failure::Context {
                    route: "/p/{token}/download/{format}",
                    caller: None,
                },
            ))
        }
    };
    // Dated the day the published version was saved.
    let day = document.saved_at.get(..10).map(str::to_owned);
    render(
        state,
        document.template,
        Value::Object(document.answers),
        library,
        (format, super::downloads::Output::Document),
        day,
    )
    .await
    .map_err(|message| {
        let context = super::failure::Context {
            route: "/p/{token}",
            caller: None,
        };
        super::failure::response("a published document failed to render", &message, &context)
    })
}

/// The page's `<html lang>` becomes the reader's, for the words around the
/// document; the document's `<article>` keeps the language it is written in.
fn in_reader_language(html: String, reader: Lang) -> String {
    const OPEN: &str = "<html lang=\"";
    let Some(start) = html.find(OPEN).map(|at| at + OPEN.len()) else {
        return html;
    };
    let Some(length) = html[start..].find('"') else {
        return html;
    };
    let written_in = html[start..start + length].to_owned();
    let mut html = html;
    html.replace_range(start..start + length, reader.code());
    html.replacen(
        "<article class=\"document\">",
        &format!("<article class=\"document\" lang=\"{written_in}\">"),
        1,
    )
}

fn refusal(lang: Lang, error: PublicError) -> Response {
    let (status, message) = match &error {
        PublicError::NotFound => (StatusCode::NOT_FOUND, tr!(lang, "drafts-reader-not-found")),
        PublicError::Withdrawn => (StatusCode::GONE, tr!(lang, "drafts-reader-withdrawn")),
        PublicError::Store(inner) => {
            let context = super::failure::Context {
                route: "/p/{token}",
                caller: None,
            };
            return super::failure::response("a reader's page failed", inner, &context);
        }
    };
    let mut response = (status, message).into_response();
    robots_header(&mut response, false);
    response
}

fn robots_header(response: &mut Response, indexable: bool) {
    if !indexable {
        response.headers_mut().insert(
            "x-robots-tag",
            HeaderValue::from_static("noindex, nofollow"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_in_the_readers_language_around_a_document_in_its_own() {
        let page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n</head>\n<body>\n<article class=\"document\">\n<p>RESOLVED</p>\n</article>\n</body>\n</html>\n";
        let html = in_reader_language(page.to_owned(), Lang::Fr);
        assert!(html.contains("<html lang=\"fr\">"), "{html}");
        assert!(
            html.contains("<article class=\"document\" lang=\"en\">"),
            "{html}"
        );
    }
}
