//! DOCX back end (docx-rs). Named styles rather than direct formatting, so
//! a lawyer can restyle the document in Word; real footnotes, real list
//! numbering, a "Page X of Y" footer. What docx-rs cannot write (document
//! properties, the number inside each footnote, the language) is added to
//! the package afterwards by [`package`].

mod package;
mod styles;

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, Footer, Footnote, Hyperlink, HyperlinkData,
    HyperlinkType, IndentLevel, Level, LevelJc, LevelOverride, LevelText, NumPages, NumberFormat,
    Numbering, NumberingId, PageMargin, PageNum, Paragraph, Run, SpecialIndentType, Start,
};

use super::ExportError;
use crate::document::{Block, Document, Footnote as NoteModel, Inline, List};

/// Twentieths of a point per millimetre.
const TWIPS_PER_MM: f64 = 1440.0 / 25.4;
const BULLET_NUMBERING: usize = 1;
const DECIMAL_NUMBERING: usize = 2;
/// Indentation of each list level, in twips (0.25 inch).
const LIST_INDENT: i32 = 360;

pub fn write(document: &Document) -> Result<Vec<u8>, ExportError> {
    let mut writer = Writer {
        document,
        docx: base(document),
        next_numbering: 1,
        note_links: Vec::new(),
    };
    for block in &document.blocks {
        writer.block(block, 0, None);
    }
    let note_links = std::mem::take(&mut writer.note_links);
    let mut bytes = std::io::Cursor::new(Vec::new());
    writer
        .docx
        .build()
        .pack(&mut bytes)
        .map_err(|e| ExportError::Docx(e.to_string()))?;
    package::finish(bytes.into_inner(), &document.metadata, &note_links)
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
    /// Hyperlinks inside footnotes, `(relationship id, url)`: docx-rs only
    /// registers the body's links, so [`package`] writes these.
    note_links: Vec<(String, String)>,
}

impl Writer<'_> {
    fn add(&mut self, paragraph: Paragraph) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_paragraph(paragraph);
    }

    /// `depth` is the list nesting; `list` the numbering id of the list being written.
    fn block(&mut self, block: &Block, depth: usize, list: Option<(usize, usize)>) {
        match block {
            Block::Title(content) => {
                let p = self.inlines(
                    Paragraph::new().style(styles::TITLE).keep_next(true),
                    content,
                );
                self.add(p);
            }
            Block::Heading { level, content } => {
                let style = styles::HEADINGS[usize::from(*level).clamp(1, 3) - 1];
                let p = self.inlines(Paragraph::new().style(style).keep_next(true), content);
                self.add(p);
            }
            Block::Paragraph(content) => {
                let mut p = Paragraph::new();
                p = match list {
                    Some((numbering, level)) => p
                        .style(styles::LIST)
                        .numbering(NumberingId::new(numbering), IndentLevel::new(level)),
                    None if depth > 0 => p.style(styles::QUOTE),
                    None => p.style(styles::BODY),
                };
                let p = self.inlines(p, content);
                self.add(p);
            }
            Block::List(list_block) => self.list(list_block, depth),
            Block::Quote(blocks) => {
                for block in blocks {
                    self.block(block, depth + 1, None);
                }
            }
            Block::PageBreak => {
                self.add(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)))
            }
            Block::Rule => self.add(Paragraph::new().style(styles::RULE)),
        }
    }

    fn list(&mut self, list: &List, depth: usize) {
        // Each list gets its own numbering instance so that numbered lists restart.
        let id = self.next_numbering;
        self.next_numbering += 1;
        let abstract_id = if list.start.is_some() {
            DECIMAL_NUMBERING
        } else {
            BULLET_NUMBERING
        };
        let start = list.start.unwrap_or(1) as usize;
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_numbering(
            Numbering::new(id, abstract_id).add_override(LevelOverride::new(0).start(start)),
        );
        for item in &list.items {
            let mut first = true;
            for block in item {
                match block {
                    Block::Paragraph(_) if first => self.block(block, depth, Some((id, 0))),
                    // Later paragraphs of an item continue it without a new number.
                    Block::Paragraph(content) => {
                        let indent = LIST_INDENT * (depth as i32 + 1);
                        let p = self.inlines(
                            Paragraph::new().style(styles::LIST).indent(
                                Some(indent),
                                None,
                                None,
                                None,
                            ),
                            content,
                        );
                        self.add(p);
                    }
                    Block::List(nested) => self.nested_list(nested, id, depth + 1),
                    other => self.block(other, depth, None),
                }
                first = false;
            }
        }
    }

    /// Nested lists continue their parent's numbering instance one level down.
    fn nested_list(&mut self, list: &List, parent: usize, level: usize) {
        for item in &list.items {
            for block in item {
                match block {
                    Block::Paragraph(_) => self.block(block, level, Some((parent, level.min(8)))),
                    Block::List(nested) => self.nested_list(nested, parent, level + 1),
                    other => self.block(other, level, None),
                }
            }
        }
    }

    fn inlines(&mut self, mut paragraph: Paragraph, content: &[Inline]) -> Paragraph {
        for inline in content {
            paragraph = self.inline(paragraph, inline, Format::default());
        }
        paragraph
    }

    fn inline(&mut self, paragraph: Paragraph, inline: &Inline, format: Format) -> Paragraph {
        match inline {
            Inline::Text(text) | Inline::Code(text) => paragraph.add_run(format.run(text)),
            Inline::Emphasis(content) => content.iter().fold(paragraph, |p, i| {
                self.inline(
                    p,
                    i,
                    Format {
                        italic: true,
                        ..format
                    },
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
                )
            }),
            Inline::Link { url, content } => {
                let text = Inline::plain_text(content);
                let run = format.run(&text).style(styles::HYPERLINK);
                paragraph.add_hyperlink(Hyperlink::new(url, HyperlinkType::External).add_run(run))
            }
            Inline::NoteRef(number) => match self.document.footnotes.get(number - 1) {
                Some(note) => {
                    let note = footnote(note, &mut self.note_links);
                    paragraph.add_run(Run::new().add_footnote_reference(note))
                }
                None => paragraph,
            },
            Inline::LineBreak => paragraph.add_run(Run::new().add_break(BreakType::TextWrapping)),
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
        let mut run = Run::new().add_text(text);
        if self.bold {
            run = run.bold();
        }
        if self.italic {
            run = run.italic();
        }
        run
    }
}

fn footnote(note: &NoteModel, links: &mut Vec<(String, String)>) -> Footnote {
    // Ids are the note numbers, so the package is the same on every render
    // (docx-rs's own ids come from a process-wide counter).
    let content = note
        .paragraphs
        .iter()
        .map(|paragraph| {
            let mut p = Paragraph::new().style(styles::FOOTNOTE_TEXT);
            for inline in paragraph {
                p = footnote_inline(p, inline, Format::default(), links);
            }
            p
        })
        .collect();
    Footnote {
        id: note.number,
        content,
    }
}

/// Footnote text has no notes of its own; otherwise as in the body.
fn footnote_inline(
    paragraph: Paragraph,
    inline: &Inline,
    format: Format,
    links: &mut Vec<(String, String)>,
) -> Paragraph {
    match inline {
        Inline::Text(text) | Inline::Code(text) => paragraph.add_run(format.run(text)),
        Inline::Emphasis(c) => c.iter().fold(paragraph, |p, i| {
            footnote_inline(
                p,
                i,
                Format {
                    italic: true,
                    ..format
                },
                links,
            )
        }),
        Inline::Strong(c) => c.iter().fold(paragraph, |p, i| {
            footnote_inline(
                p,
                i,
                Format {
                    bold: true,
                    ..format
                },
                links,
            )
        }),
        Inline::Link { url, content } => {
            let rid = format!("rIdNoteLink{}", links.len() + 1);
            links.push((rid.clone(), url.clone()));
            let mut link = Hyperlink::new(url, HyperlinkType::External);
            link.link = HyperlinkData::External {
                rid,
                path: url.clone(),
            };
            paragraph.add_hyperlink(
                link.add_run(
                    format
                        .run(&Inline::plain_text(content))
                        .style(styles::HYPERLINK),
                ),
            )
        }
        Inline::LineBreak => paragraph.add_run(Run::new().add_break(BreakType::TextWrapping)),
        Inline::NoteRef(_) => paragraph,
    }
}
