//! DOCX back end (docx-rs). Named styles rather than direct formatting, so
//! a lawyer can restyle the document in Word; real footnotes, real list
//! numbering, a "Page X of Y" footer. What docx-rs cannot write (document
//! properties, the number inside each footnote, the language) is added to
//! the package afterwards by [`package`].

pub mod order;
mod package;
mod styles;

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, BuildXML, Docx, Footer, Footnote, Hyperlink,
    HyperlinkData, HyperlinkType, IndentLevel, Level, LevelJc, LevelOverride, LevelText, NumPages,
    NumberFormat, Numbering, NumberingId, PageMargin, PageNum, Paragraph, Run, SpecialIndentType,
    Start,
};

use super::direction;
use super::ExportError;
use crate::document::{
    is_language_tag, Block, Document, Footnote as NoteModel, Inline, List, Metadata,
};

/// Twentieths of a point per millimetre.
const TWIPS_PER_MM: f64 = 1440.0 / 25.4;
/// Numbering ids above the ones docx-rs writes by default (abstract 1, instance 1).
const BULLET_NUMBERING: usize = 100;
const DECIMAL_NUMBERING: usize = 101;
const FIRST_LIST_INSTANCE: usize = 100;
/// Indentation of each list level, in twips (0.25 inch).
const LIST_INDENT: i32 = 360;

pub fn write(document: &Document) -> Result<Vec<u8>, ExportError> {
    let written = Writer::new(document, base(document)).write_package()?;
    package::finish(written.package, &document.metadata, &written.note_links)
}

/// A document's package written from its body before its notes were
/// formatted (on another thread, while they are): finished but for the
/// notes part, which [`write_ahead`] fills in.
#[derive(Debug)]
pub struct WrittenAhead {
    package: Vec<u8>,
    /// What it was written from, to tell whether it fits a document.
    blocks: Vec<Block>,
    metadata: Metadata,
    note_count: usize,
    /// The notes in the order the body refers to them: the order docx-rs
    /// lists them in the notes part.
    notes_in_order: Vec<usize>,
}

impl WrittenAhead {
    /// Whether this was written from `document`'s body: the same blocks,
    /// properties and number of notes.
    pub fn fits(&self, document: &Document) -> bool {
        self.blocks == document.blocks
            && self.metadata == document.metadata
            && self.note_count == document.footnotes.len()
    }
}

/// Writes the package of `body` (a document whose notes are not yet
/// formatted) for [`write_ahead`] of the finished document.
pub fn write_body(body: &Document) -> Result<WrittenAhead, ExportError> {
    let written = Writer::new(body, base(body)).write_package()?;
    // The notes' links are the finished notes' to add (`package::with_notes`).
    let package = package::finish(written.package, &body.metadata, &[])?;
    Ok(WrittenAhead {
        package,
        blocks: body.blocks.clone(),
        metadata: body.metadata.clone(),
        note_count: body.footnotes.len(),
        notes_in_order: written.notes_in_order,
    })
}

/// [`write`], with the package [`write_body`] wrote from this document's
/// body: only the notes are written here. The file is the one [`write`]
/// writes; without a package, or with one written from another body, this
/// is [`write`].
pub fn write_ahead(
    document: &Document,
    ahead: Option<WrittenAhead>,
) -> Result<Vec<u8>, ExportError> {
    let Some(ahead) = ahead.filter(|ahead| ahead.fits(document)) else {
        return write(document);
    };
    if ahead.notes_in_order.is_empty() {
        // No note is referred to: the notes part docx-rs wrote for the body
        // is the finished document's too, empty.
        return Ok(ahead.package);
    }
    // The notes as the body's references would carry them, in that order,
    // collected by docx-rs as it collects them from the whole document.
    let mut writer = Writer::new(document, Docx::new());
    let references = ahead
        .notes_in_order
        .iter()
        .filter_map(|number| document.footnotes.get(number - 1))
        .fold(Paragraph::new(), |paragraph, note| {
            let note = writer.footnote(note);
            paragraph.add_run(Run::new().add_footnote_reference(note))
        });
    writer.add(references);
    writer.docx.collect_footnotes();
    let notes = String::from_utf8(writer.docx.footnotes.build())
        .map_err(|e| ExportError::Docx(format!("the notes part is not UTF-8 text: {e}")))?;
    package::with_notes(
        ahead.package,
        &notes,
        &document.metadata,
        &writer.links.notes,
    )
}

/// A package as docx-rs writes it, before [`package`] completes it.
struct Written {
    package: Vec<u8>,
    note_links: Vec<(String, String)>,
    notes_in_order: Vec<usize>,
}

fn base(document: &Document) -> Docx {
    let (width, height) = document.metadata.paper.size_mm();
    let margin = (25.4 * TWIPS_PER_MM).round() as i32;
    let mut docx = Docx::new()
        .page_size(
            (width * TWIPS_PER_MM).round() as u32,
            (height * TWIPS_PER_MM).round() as u32,
        )
        .page_margin(
            PageMargin::new()
                .top(margin)
                .bottom(margin)
                .left(margin)
                .right(margin),
        )
        .footer(footer(&document.metadata.language))
        .add_abstract_numbering(list_levels(BULLET_NUMBERING, false))
        .add_abstract_numbering(list_levels(DECIMAL_NUMBERING, true));
    docx = styles::add(docx);
    docx
}

/// "Page X of Y" in the document's language, from PAGE and NUMPAGES fields.
fn footer(language: &str) -> Footer {
    let (page, of) = match language.split('-').next() {
        Some("fr") => ("Page ", " sur "),
        _ => ("Page ", " of "),
    };
    Footer::new().add_paragraph(
        Paragraph::new()
            .style(styles::FOOTER)
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(page))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(of))
            .add_num_pages(NumPages::new()),
    )
}

fn list_levels(id: usize, numbered: bool) -> AbstractNumbering {
    let mut numbering = AbstractNumbering::new(id);
    for level in 0..9 {
        let (format, text) = if numbered {
            let formats = ["decimal", "lowerLetter", "lowerRoman"];
            (formats[level % 3], format!("%{}.", level + 1))
        } else {
            let bullets = ["•", "◦", "▪"];
            ("bullet", bullets[level % 3].to_owned())
        };
        let indent = LIST_INDENT * (level as i32 + 1);
        numbering = numbering.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new(format),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .indent(
                Some(indent),
                Some(SpecialIndentType::Hanging(LIST_INDENT)),
                None,
                None,
            ),
        );
    }
    numbering
}

struct Writer<'a> {
    document: &'a Document,
    docx: Docx,
    next_numbering: usize,
    links: Links,
    /// The language of the quotation being written, when not the document's.
    quote_language: Option<String>,
    /// The quotation styles used, one per language (see `styles::quote_in_language`).
    quote_styles: std::collections::BTreeSet<String>,
    /// The numbers of the notes written, in order.
    notes_in_order: Vec<usize>,
}

/// Relationship ids of hyperlinks. We name them ourselves: docx-rs registers
/// the body's links under whatever id a link carries, but writes no
/// relationships for links inside footnotes, so [`package`] writes those.
#[derive(Default)]
struct Links {
    body: usize,
    notes: Vec<(String, String)>,
}

impl Links {
    fn hyperlink(&mut self, url: &str, in_note: bool) -> Hyperlink {
        let rid = if in_note {
            let rid = format!("rIdNoteLink{}", self.notes.len() + 1);
            self.notes.push((rid.clone(), url.to_owned()));
            rid
        } else {
            self.body += 1;
            format!("rIdLink{}", self.body)
        };
        let mut link = Hyperlink::new(url, HyperlinkType::External);
        // docx-rs copies the path into the relationship's `Target`
        // attribute as it is, so it must be escaped here (an `&` in a
        // query string would otherwise make the package unreadable), as
        // `package` escapes the notes' links.
        link.link = HyperlinkData::External {
            rid,
            path: crate::export::html::escape(url),
        };
        link
    }
}

impl<'a> Writer<'a> {
    /// A writer adding `document` to `docx`.
    fn new(document: &'a Document, docx: Docx) -> Writer<'a> {
        Writer {
            document,
            docx,
            next_numbering: FIRST_LIST_INSTANCE,
            links: Links::default(),
            quote_language: None,
            quote_styles: std::collections::BTreeSet::new(),
            notes_in_order: Vec::new(),
        }
    }

    /// Writes the whole document with docx-rs.
    fn write_package(mut self) -> Result<Written, ExportError> {
        for block in &self.document.blocks {
            self.block(block, 0, None);
        }
        for id in std::mem::take(&mut self.quote_styles) {
            let docx = std::mem::take(&mut self.docx);
            self.docx = docx.add_style(styles::quote_in_language(&id));
        }
        let mut bytes = std::io::Cursor::new(Vec::new());
        self.docx
            .build()
            .pack(&mut bytes)
            .map_err(|e| ExportError::Docx(e.to_string()))?;
        Ok(Written {
            package: bytes.into_inner(),
            note_links: self.links.notes,
            notes_in_order: self.notes_in_order,
        })
    }

    fn add(&mut self, paragraph: Paragraph) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_paragraph(paragraph);
    }

    /// `quoted` is the block-quote depth; `list` the numbering instance and
    /// level of the list item being written.
    fn block(&mut self, block: &Block, quoted: usize, list: Option<(usize, usize)>) {
        match block {
            Block::Title(content) => {
                let p = self.inlines(
                    Paragraph::new().style(styles::TITLE).keep_next(true),
                    content,
                    false,
                );
                self.add(p);
            }
            Block::Heading { level, content } => {
                let style = styles::HEADINGS[usize::from(*level).clamp(1, 3) - 1];
                let p = self.inlines(
                    Paragraph::new().style(style).keep_next(true),
                    content,
                    false,
                );
                self.add(p);
            }
            Block::Paragraph(content) => {
                let p = match list {
                    Some((numbering, level)) => Paragraph::new()
                        .style(styles::LIST)
                        .numbering(NumberingId::new(numbering), IndentLevel::new(level)),
                    None if quoted > 0 => {
                        let style = match &self.quote_language {
                            Some(language) => {
                                let id = styles::quote_style_id(language);
                                self.quote_styles.insert(id.clone());
                                id
                            }
                            None => styles::QUOTE.to_owned(),
                        };
                        Paragraph::new().style(&style)
                    }
                    None => Paragraph::new().style(styles::BODY),
                };
                let p = self.inlines(p, content, false);
                self.add(p);
            }
            Block::List(list_block) => {
                self.list(list_block, quoted, list.map_or(0, |(_, level)| level + 1))
            }
            // A quotation in another language gets a quotation style of
            // that language (docx-rs sets no language on runs).
            Block::Quote { blocks, language } => {
                let outer = self.quote_language.clone();
                // A quotation's language may come from an imported library:
                // only a well-formed tag names a style.
                if let Some(language) = language.as_deref().filter(|l| is_language_tag(l)) {
                    self.quote_language = Some(language.to_owned());
                }
                for block in blocks {
                    self.block(block, quoted + 1, None);
                }
                self.quote_language = outer;
            }
            Block::PageBreak => {
                self.add(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)))
            }
            Block::Rule => self.add(Paragraph::new().style(styles::RULE)),
        }
    }

    /// Each list gets its own numbering instance, so numbered lists restart
    /// and a bulleted list inside a numbered one keeps its bullets.
    fn list(&mut self, list: &List, quoted: usize, level: usize) {
        let id = self.next_numbering;
        self.next_numbering += 1;
        let abstract_id = if list.start.is_some() {
            DECIMAL_NUMBERING
        } else {
            BULLET_NUMBERING
        };
        let start = list.start.unwrap_or(1) as usize;
        let level = level.min(8);
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_numbering(
            Numbering::new(id, abstract_id).add_override(LevelOverride::new(level).start(start)),
        );
        for item in &list.items {
            for (index, block) in item.iter().enumerate() {
                match block {
                    Block::Paragraph(_) if index == 0 => {
                        self.block(block, quoted, Some((id, level)))
                    }
                    // Later paragraphs of an item continue it without a number.
                    Block::Paragraph(content) => {
                        let indent = LIST_INDENT * (level as i32 + 1);
                        let p = Paragraph::new().style(styles::LIST).indent(
                            Some(indent),
                            None,
                            None,
                            None,
                        );
                        let p = self.inlines(p, content, false);
                        self.add(p);
                    }
                    other => self.block(other, quoted, Some((id, level))),
                }
            }
        }
    }

    fn inlines(
        &mut self,
        mut paragraph: Paragraph,
        content: &[Inline],
        in_note: bool,
    ) -> Paragraph {
        // A paragraph whose letters are mostly right to left is set right
        // to left (`w:bidi`), as the PDF sets it; its runs of Hebrew or
        // Arabic are marked in `package`.
        if direction::mainly_rtl(&Inline::plain_text(content)) {
            paragraph.property = paragraph.property.bidi(true);
        }
        content.iter().fold(paragraph, |p, inline| {
            self.inline(p, inline, Format::default(), in_note)
        })
    }

    fn inline(
        &mut self,
        paragraph: Paragraph,
        inline: &Inline,
        format: Format,
        in_note: bool,
    ) -> Paragraph {
        match inline {
            // Right-to-left text gets runs of its own (see `package`).
            Inline::Text(text) | Inline::Code(text) => direction::rtl_segments(text)
                .into_iter()
                .fold(paragraph, |p, (segment, _)| p.add_run(format.run(segment))),
            Inline::Emphasis(content) => content.iter().fold(paragraph, |p, i| {
                self.inline(
                    p,
                    i,
                    Format {
                        italic: true,
                        ..format
                    },
                    in_note,
                )
            }),
            Inline::Strong(content) => content.iter().fold(paragraph, |p, i| {
                self.inline(
                    p,
                    i,
                    Format {
                        bold: true,
                        ..format
                    },
                    in_note,
                )
            }),
            Inline::Link { url, content } => {
                let text = Inline::plain_text(content);
                let link = direction::rtl_segments(&text)
                    .into_iter()
                    .fold(self.links.hyperlink(url, in_note), |link, (segment, _)| {
                        link.add_run(format.run(segment).style(styles::HYPERLINK))
                    });
                paragraph.add_hyperlink(link)
            }
            // Notes have no notes of their own.
            Inline::NoteRef(_) if in_note => paragraph,
            Inline::NoteRef(number) => match self.document.footnotes.get(number - 1) {
                Some(note) => {
                    self.notes_in_order.push(*number);
                    let note = self.footnote(note);
                    paragraph.add_run(Run::new().add_footnote_reference(note))
                }
                None => paragraph,
            },
            Inline::LineBreak => paragraph.add_run(Run::new().add_break(BreakType::TextWrapping)),
        }
    }

    fn footnote(&mut self, note: &NoteModel) -> Footnote {
        let mut content: Vec<Paragraph> = note
            .paragraphs
            .iter()
            .map(|paragraph| {
                self.inlines(
                    Paragraph::new().style(styles::FOOTNOTE_TEXT),
                    paragraph,
                    true,
                )
            })
            .collect();
        // A note with no text yet (a body written ahead of its notes) still
        // has its paragraph; docx-rs would add one, and print the note.
        if content.is_empty() {
            content.push(Paragraph::new().style(styles::FOOTNOTE_TEXT));
        }
        // Ids are the note numbers, so the package is the same on every render
        // (docx-rs's own ids come from a process-wide counter).
        Footnote {
            id: note.number,
            content,
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Format {
    bold: bool,
    italic: bool,
}

impl Format {
    fn run(self, text: &str) -> Run {
        // docx-rs escapes markup but writes any character; refused ones
        // never reach here from stored data, and are replaced if they do.
        let mut run = Run::new().add_text(crate::text::printable(text));
        if self.bold {
            run = run.bold();
        }
        if self.italic {
            run = run.italic();
        }
        run
    }
}
