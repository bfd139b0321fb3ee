//! The document model: what every back end (HTML, DOCX, PDF) consumes.
//!
//! Plain data, independent of Markdown, HTML or any file format. Footnote
//! references carry the note's number; the notes themselves live in
//! [`Document::footnotes`], numbered from 1 in order of first reference.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub metadata: Metadata,
    pub blocks: Vec<Block>,
    pub footnotes: Vec<Footnote>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: String,
    pub author: Option<String>,
    pub subject: Option<String>,
    /// BCP 47 tag, e.g. `en-US`, `fr`.
    pub language: String,
    /// The ISO day (`YYYY-MM-DD`) the files record as created and modified:
    /// the day the draft version was saved (or `SOURCE_DATE_EPOCH` on the
    /// command line). None when unknown: the files then carry no date, so
    /// the same input always gives the same bytes. Never the clock.
    pub date: Option<String>,
    pub paper: Paper,
}

/// A BCP 47 language tag as documents and their quotations carry it: a
/// lower-case language of two or three letters, then subtags (`fr`,
/// `en-US`, `zh-Hant`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in millimetres.
    pub fn size_mm(self) -> (f64, f64) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::Letter => (215.9, 279.4),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    /// The document's title (at most one, first).
    Title(Vec<Inline>),
    /// Level 1 to 3.
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    List(List),
    /// A quotation; `language` (BCP 47) when it is not in the document's
    /// language, so that readers and screen readers treat it as such.
    Quote {
        blocks: Vec<Block>,
        language: Option<String>,
    },
    PageBreak,
    /// A horizontal rule between sections.
    Rule,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct List {
    /// `Some(first number)` for a numbered list.
    pub start: Option<u64>,
    pub items: Vec<Vec<Block>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Inline {
    Text(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Link {
        url: String,
        content: Vec<Inline>,
    },
    /// A reference to footnote number `n` (1-based).
    NoteRef(usize),
    LineBreak,
    Code(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Footnote {
    pub number: usize,
    pub paragraphs: Vec<Vec<Inline>>,
}

impl Document {
    /// Every run of inline content in the body, in reading order: titles,
    /// headings and paragraphs, including those inside lists and quotes.
    pub fn inline_blocks(&self) -> Vec<&[Inline]> {
        fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a [Inline]>) {
            for block in blocks {
                match block {
                    Block::Title(c) | Block::Paragraph(c) | Block::Heading { content: c, .. } => {
                        out.push(c)
                    }
                    Block::List(list) => list.items.iter().for_each(|item| walk(item, out)),
                    Block::Quote { blocks, .. } => walk(blocks, out),
                    Block::PageBreak | Block::Rule => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.blocks, &mut out);
        out
    }
}

impl Inline {
    /// The text a reader sees, without formatting (note references omitted).
    pub fn plain_text(inlines: &[Inline]) -> String {
        let mut out = String::new();
        fn walk(inlines: &[Inline], out: &mut String) {
            for inline in inlines {
                match inline {
                    Inline::Text(t) | Inline::Code(t) => out.push_str(t),
                    Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => {
                        walk(c, out)
                    }
                    Inline::LineBreak => out.push(' '),
                    Inline::NoteRef(_) => {}
                }
            }
        }
        walk(inlines, &mut out);
        out
    }
}
