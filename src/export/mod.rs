//! Stage 3 of the pipeline: back ends that take only the document model.

pub mod direction;
pub mod docx;
pub mod html;
pub mod pdf;

use crate::document::Document;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Docx,
    Pdf,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Format::Html => "text/html; charset=utf-8",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Pdf => "application/pdf",
        }
    }

    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext {
            "html" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("could not write the DOCX package: {0}")]
    Docx(String),
    #[error("could not write the PDF: {0}")]
    Pdf(String),
    #[error("no font has a glyph for {character:?} (U+{:04X}, {script} script) in {place}: “{context}”; install the Debian package {package} to add a font for it, or replace the character", *.character as u32)]
    MissingGlyph {
        character: char,
        script: &'static str,
        package: &'static str,
        place: String,
        context: String,
    },
}

pub fn write(document: &Document, format: Format) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Html => Ok(html::standalone(document).into_bytes()),
        Format::Docx => docx::write(document),
        Format::Pdf => pdf::write(document),
    }
}
