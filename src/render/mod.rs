//! The whole pipeline in one call: compose → document model → a file
//! format; and the evidence report that goes beside a document (`report.rs`).

mod report;

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::compose::{self, AnswerProblem, ComposeError, Composed, Template};
use crate::document::{parse::parse, Document, Inline};
use crate::evidence::{format_notes, Citation, CitationError, CitationStyle, Library};
use crate::export::{self, ExportError, Format};
use crate::i18n::{msg, Message};

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Compose(#[from] ComposeError),
    #[error(transparent)]
    Citation(#[from] CitationError),
    #[error(transparent)]
    Export(#[from] ExportError),
}

impl RenderError {
    /// What went wrong, for the person who asked: a template's problem
    /// with its place, in their language. The citation processor's and
    /// the writers' failures keep their own (English) words.
    pub fn message(&self) -> Message {
        match self {
            RenderError::Compose(error) => error.message(),
            RenderError::Citation(error) => msg!("render-failed", detail = error.to_string()),
            RenderError::Export(error) => msg!("render-failed", detail = error.to_string()),
        }
    }
}

/// Builds the document model of a template filled with answers.
pub fn document(
    template: &Template,
    answers: &Value,
    library: &Library,
    style: &CitationStyle,
) -> Result<Document, RenderError> {
    let composed = compose::compose(template, answers, library)?;
    Ok(build(template, composed, library, style, None)?.0)
}

/// A document before its citation notes are formatted, handed to
/// [`render_ahead`]'s caller so that another thread can start on it.
pub struct Body {
    document: Document,
    typography: bool,
}

impl Body {
    /// The body as the finished document will have it: typographic
    /// punctuation set, the notes still empty.
    pub fn finish(mut self) -> Document {
        if self.typography {
            crate::document::typography::apply(&mut self.document);
        }
        self.document
    }
}

/// [`render_dated`] for a one-document process with a thread to spare:
/// `body` is handed the document before its notes are formatted, so that
/// thread can start on its file (lines broken for a PDF,
/// [`export::pdf::break_ahead`]; the package written for a DOCX,
/// [`export::docx::write_body`]), and `write` writes the finished document
/// with what that thread made. The file must be [`render_dated`]'s.
pub fn render_ahead(
    template: &Template,
    answers: &Value,
    library: &Library,
    style: &CitationStyle,
    date: Option<&str>,
    body: impl FnOnce(Body),
    write: impl FnOnce(&Document) -> Result<Vec<u8>, ExportError>,
) -> Result<Vec<u8>, RenderError> {
    let mut composed = compose::compose(template, answers, library)?;
    // Dated before the body is handed over: a DOCX's properties carry the date.
    composed.metadata.date = date.map(str::to_owned);
    let document = build(template, composed, library, style, Some(Box::new(body)))?.0;
    Ok(write(&document)?)
}

/// The evidence report of a template filled with answers (see [`report`]):
/// what a reviewer checks the document's citations against.
pub fn evidence_report(
    template: &Template,
    answers: &Value,
    library: &Library,
    style: &CitationStyle,
) -> Result<Document, RenderError> {
    let composed = compose::compose(template, answers, library)?;
    let (document, citations) = build(template, composed, library, style, None)?;
    let empty = Map::new();
    let answers = answers.as_object().unwrap_or(&empty);
    Ok(report::build(
        template, answers, &document, &citations, library, style,
    ))
}

/// [`evidence_report`] written as `format`, dated `date` as [`render_dated`] does.
pub fn render_evidence_report(
    template: &Template,
    answers: &Value,
    library: &Library,
    style: &CitationStyle,
    format: Format,
    date: Option<&str>,
) -> Result<Vec<u8>, RenderError> {
    let mut report = evidence_report(template, answers, library, style)?;
    report.metadata.date = date.map(str::to_owned);
    Ok(export::write(&report, format)?)
}

/// An unfinished draft's document, for its live preview.
pub struct DraftPreview {
    pub document: Document,
    /// What is still wrong with the answers.
    pub problems: Vec<AnswerProblem>,
    /// The checked answers (placeholders included), as the rule checks read them.
    pub answers: Map<String, Value>,
}

/// The document model of an unfinished draft (see [`compose::compose_preview`]).
pub fn preview(
    template: &Template,
    answers: &Value,
    library: &Library,
    style: &CitationStyle,
    today: &str,
) -> Result<DraftPreview, RenderError> {
    let preview = compose::compose_preview(template, answers, library, today)?;
    Ok(DraftPreview {
        document: build(template, preview.composed, library, style, None)?.0,
        problems: preview.problems,
        answers: preview.answers,
    })
}

/// Each citation note's number with the citations it holds.
type NoteCitations = HashMap<usize, Vec<Citation>>;

/// Parses composed Markdown and fills its citation notes; the document and
/// what each note cites. `body`, if given, is handed a copy of the document
/// before the notes are formatted.
fn build(
    template: &Template,
    composed: Composed,
    library: &Library,
    style: &CitationStyle,
    body: Option<Box<dyn FnOnce(Body) + '_>>,
) -> Result<(Document, NoteCitations), RenderError> {
    let mut metadata = composed.metadata;
    let mut parsed = parse(&composed.markdown, metadata.clone());
    let typography = template.front.document.typography;
    if metadata.title.is_empty() {
        metadata.title = match parsed.document.blocks.first() {
            Some(crate::document::Block::Title(title)) => Inline::plain_text(title),
            _ => template.front.title.clone(),
        };
        parsed.document.metadata = metadata;
    }
    let citations: Vec<_> = parsed
        .citation_notes
        .iter()
        .filter_map(|(number, call)| composed.citations.get(*call).map(|c| (*number, c)))
        .collect();
    if let Some(body) = body {
        body(Body {
            document: parsed.document.clone(),
            typography,
        });
    }
    let notes = format_notes(&citations, library, style, &template.front.language)?;
    for ((number, _), content) in citations.iter().zip(notes) {
        if let Some(note) = parsed.document.footnotes.get_mut(number - 1) {
            note.paragraphs = vec![content];
        }
    }
    if typography {
        crate::document::typography::apply(&mut parsed.document);
    }
    let mut by_note = NoteCitations::new();
    for (number, citation) in citations {
        by_note.entry(number).or_default().push(citation.clone());
    }
    Ok((parsed.document, by_note))
}

/// Renders a template filled with answers into `format`.
pub fn render(
    template: &Template,
    answers: &Value,
    library: &Library,
    style: &CitationStyle,
    format: Format,
) -> Result<Vec<u8>, RenderError> {
    render_dated(template, answers, library, style, format, None)
}

/// [`render`], with the files dated `date` (`YYYY-MM-DD`, see
/// [`crate::document::Metadata::date`]).
pub fn render_dated(
    template: &Template,
    answers: &Value,
    library: &Library,
    style: &CitationStyle,
    format: Format,
    date: Option<&str>,
) -> Result<Vec<u8>, RenderError> {
    let mut document = document(template, answers, library, style)?;
    document.metadata.date = date.map(str::to_owned);
    Ok(export::write(&document, format)?)
}
