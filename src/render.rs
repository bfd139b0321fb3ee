//! The whole pipeline in one call: compose → document model → a file format.

use serde_json::{Map, Value};

use crate::compose::{self, AnswerProblem, ComposeError, Composed, Template};
use crate::document::{parse::parse, Document, Inline};
use crate::evidence::{format_notes, CitationError, CitationStyle, Library};
use crate::export::{self, ExportError, Format};

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Compose(#[from] ComposeError),
    #[error(transparent)]
    Citation(#[from] CitationError),
    #[error(transparent)]
    Export(#[from] ExportError),
}

/// Builds the document model of a template filled with answers.
pub fn document(
    template: &Template,
    answers: &Value,
    library: &Library,
    style: &CitationStyle,
) -> Result<Document, RenderError> {
    let composed = compose::compose(template, answers, library)?;
    build(template, composed, library, style)
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
        document: build(template, preview.composed, library, style)?,
        problems: preview.problems,
        answers: preview.answers,
    })
}

/// Parses composed Markdown and fills its citation notes.
fn build(
    template: &Template,
    composed: Composed,
    library: &Library,
    style: &CitationStyle,
) -> Result<Document, RenderError> {
    let mut metadata = composed.metadata;
    let mut parsed = parse(&composed.markdown, metadata.clone());
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
    let notes = format_notes(&citations, library, style, &template.front.language)?;
    for ((number, _), content) in citations.iter().zip(notes) {
        if let Some(note) = parsed.document.footnotes.get_mut(number - 1) {
            note.paragraphs = vec![content];
        }
    }
    Ok(parsed.document)
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
