//! Markdown (as composed from a template) → [`Document`].
//!
//! Citations arrive as private-use markers (see [`marker`]);
//! they become [`Inline::NoteRef`]s here and are filled with formatted notes
//! later, once every citation's position in the document is known.

use std::collections::HashMap;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::marker;
use super::model::{Block, Document, Footnote, Inline, List, Metadata};

/// A parsed document whose citation notes are still empty.
#[derive(Debug)]
pub struct Parsed {
    pub document: Document,
    /// `(note number, citation call index)` in note order.
    pub citation_notes: Vec<(usize, usize)>,
}

/// The paragraph text that asks for a page break.
const PAGE_BREAK: &str = "\\pagebreak";

/// How deep quotes and lists may nest, and emphasis, links and the like
/// within a paragraph. Deeper ones are read as part of the level above:
/// their text is kept, one level flatter. No filed document comes near
/// this; a text nesting 50,000 quotes (`>>>>…`) would otherwise make every
/// stage that walks the document by recursion (HTML, DOCX, PDF, even
/// freeing it) overflow its thread's stack and take the server down.
pub const MAX_NESTING: usize = 24;

pub fn parse(markdown: &str, metadata: Metadata) -> Parsed {
    let options = Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut builder = Builder::default();
    for event in Parser::new_ext(markdown, options) {
        builder.event(event);
    }
    builder.finish(metadata)
}

/// Where footnote numbers come from.
#[derive(Debug)]
enum NoteSource {
    Citation(usize),
    Label(String),
}

#[derive(Debug)]
enum BlockFrame {
    Container(Vec<Block>),
    Quote {
        blocks: Vec<Block>,
        language: Option<String>,
    },
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    FootnoteDefinition {
        label: String,
        blocks: Vec<Block>,
    },
}

#[derive(Debug)]
enum InlineFrame {
    Paragraph,
    Heading(u8),
    Emphasis,
    Strong,
    Link(String),
    /// Strikethrough has no place in a filed document; its text is kept plain.
    Plain,
}

#[derive(Debug, Default)]
struct Builder {
    blocks: Vec<BlockFrame>,
    inlines: Vec<(InlineFrame, Vec<Inline>)>,
    root: Vec<Block>,
    notes: Vec<NoteSource>,
    label_numbers: HashMap<String, usize>,
    definitions: HashMap<String, Vec<Block>>,
    title_seen: bool,
    /// One entry per open tag, true where it was read into the level above
    /// (see [`MAX_NESTING`]): its end then closes nothing.
    flattened: Vec<bool>,
}

impl Builder {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text),
            Event::Code(code) => self.push_inline(Inline::Code(code.into_string())),
            // Raw HTML from a template or an answer is shown as written, never
            // interpreted, except a quotation's language at its start.
            Event::Html(html) if self.set_quote_language(&html) => {}
            Event::Html(html) | Event::InlineHtml(html) => self.text(&html),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.push_inline(Inline::LineBreak),
            Event::Rule => self.push_block(Block::Rule),
            Event::FootnoteReference(label) => {
                let number = match self.label_numbers.get(label.as_ref()) {
                    Some(n) => *n,
                    None => {
                        self.notes.push(NoteSource::Label(label.to_string()));
                        let n = self.notes.len();
                        self.label_numbers.insert(label.to_string(), n);
                        n
                    }
                };
                self.push_inline(Inline::NoteRef(number));
            }
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }),
            Event::InlineMath(m) | Event::DisplayMath(m) => self.text(&m),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        let too_deep = match tag {
            Tag::BlockQuote(_) | Tag::List(_) => self.blocks.len() >= MAX_NESTING,
            Tag::Emphasis
            | Tag::Strong
            | Tag::Link { .. }
            | Tag::Strikethrough
            | Tag::Image { .. } => self.inlines.len() >= MAX_NESTING,
            _ => false,
        };
        self.flattened.push(too_deep);
        if too_deep {
            return;
        }
        if matches!(
            tag,
            Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::FootnoteDefinition(_)
        ) {
            // Text of a tight list item ends where a nested block begins.
            self.flush_loose_inlines();
        }
        match tag {
            Tag::Paragraph => self.open_inline(InlineFrame::Paragraph),
            Tag::Heading { level, .. } => {
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    _ => 3,
                };
                self.open_inline(InlineFrame::Heading(level))
            }
            Tag::BlockQuote(_) => self.blocks.push(BlockFrame::Quote {
                blocks: Vec::new(),
                language: None,
            }),
            Tag::List(start) => self.blocks.push(BlockFrame::List {
                start,
                items: Vec::new(),
            }),
            Tag::Item => self.blocks.push(BlockFrame::Container(Vec::new())),
            Tag::FootnoteDefinition(label) => self.blocks.push(BlockFrame::FootnoteDefinition {
                label: label.to_string(),
                blocks: Vec::new(),
            }),
            Tag::Emphasis => self.open_inline(InlineFrame::Emphasis),
            Tag::Strong => self.open_inline(InlineFrame::Strong),
            Tag::Link { dest_url, .. } => {
                self.open_inline(InlineFrame::Link(dest_url.into_string()))
            }
            Tag::Strikethrough | Tag::Image { .. } => self.open_inline(InlineFrame::Plain),
            // Code blocks, tables and the like are not produced by templates; their text is kept.
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        if self.flattened.pop().unwrap_or(false) {
            return;
        }
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) => self.close_block_inline(),
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Link
            | TagEnd::Strikethrough
            | TagEnd::Image => self.close_span(),
            TagEnd::BlockQuote(_) => {
                if let Some(BlockFrame::Quote { blocks, language }) = self.blocks.pop() {
                    self.push_block(Block::Quote { blocks, language });
                }
            }
            TagEnd::Item => {
                self.flush_loose_inlines();
                if let Some(BlockFrame::Container(blocks)) = self.blocks.pop() {
                    if let Some(BlockFrame::List { items, .. }) = self.blocks.last_mut() {
                        items.push(blocks);
                    } else {
                        // The item of a list read into the level above.
                        for block in blocks {
                            self.push_block(block);
                        }
                    }
                }
            }
            TagEnd::List(_) => {
                if let Some(BlockFrame::List { start, items }) = self.blocks.pop() {
                    self.push_block(Block::List(List { start, items }));
                }
            }
            TagEnd::FootnoteDefinition => {
                if let Some(BlockFrame::FootnoteDefinition { label, blocks }) = self.blocks.pop() {
                    self.definitions.insert(label, blocks);
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        for piece in marker::split(text) {
            match piece {
                marker::Piece::Text(t) => self.push_text(t),
                marker::Piece::Citation(call) => {
                    self.notes.push(NoteSource::Citation(call));
                    let n = self.notes.len();
                    self.push_inline(Inline::NoteRef(n));
                }
            }
        }
    }

    fn push_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.ensure_inline_frame();
        if let Some((_, inlines)) = self.inlines.last_mut() {
            if let Some(Inline::Text(previous)) = inlines.last_mut() {
                previous.push_str(text);
            } else {
                inlines.push(Inline::Text(text.to_owned()));
            }
        }
    }

    fn push_inline(&mut self, inline: Inline) {
        self.ensure_inline_frame();
        if let Some((_, inlines)) = self.inlines.last_mut() {
            inlines.push(inline);
        }
    }

    /// Tight list items carry text without a paragraph: give them one.
    fn ensure_inline_frame(&mut self) {
        if self.inlines.is_empty() {
            self.open_inline(InlineFrame::Paragraph);
        }
    }

    fn open_inline(&mut self, frame: InlineFrame) {
        self.inlines.push((frame, Vec::new()));
    }

    fn close_span(&mut self) {
        let Some((frame, content)) = self.inlines.pop() else {
            return;
        };
        let inline = match frame {
            InlineFrame::Emphasis => Some(Inline::Emphasis(content)),
            InlineFrame::Strong => Some(Inline::Strong(content)),
            InlineFrame::Link(url) => Some(Inline::Link { url, content }),
            InlineFrame::Plain => {
                for inline in content {
                    match inline {
                        Inline::Text(t) => self.push_text(&t),
                        other => self.push_inline(other),
                    }
                }
                None
            }
            // A block frame here means unbalanced events; put it back and stop.
            other => {
                self.inlines.push((other, content));
                None
            }
        };
        if let Some(inline) = inline {
            self.push_inline(inline);
        }
    }

    fn close_block_inline(&mut self) {
        // Close any span left open (cannot happen with pulldown-cmark, but be safe).
        while matches!(
            self.inlines.last(),
            Some((
                InlineFrame::Emphasis
                    | InlineFrame::Strong
                    | InlineFrame::Link(_)
                    | InlineFrame::Plain,
                _
            ))
        ) {
            self.close_span();
        }
        let Some((frame, content)) = self.inlines.pop() else {
            return;
        };
        let content = trim_inlines(content);
        let block = match frame {
            InlineFrame::Heading(1)
                if !self.title_seen && self.root.is_empty() && self.blocks.is_empty() =>
            {
                Block::Title(content)
            }
            InlineFrame::Heading(level) => Block::Heading { level, content },
            _ if content == [Inline::Text(PAGE_BREAK.to_owned())] => Block::PageBreak,
            _ if content.is_empty() => return,
            _ => Block::Paragraph(content),
        };
        if matches!(block, Block::Title(_)) {
            self.title_seen = true;
        }
        self.push_block(block);
    }

    fn flush_loose_inlines(&mut self) {
        while !self.inlines.is_empty() {
            self.close_block_inline();
        }
    }

    /// `<!-- lang: fr -->` as the first thing in a quotation gives its
    /// language (a comment, so other Markdown readers show nothing). Only a
    /// well-formed tag is taken; anything else stays text.
    fn set_quote_language(&mut self, html: &str) -> bool {
        let tag = html
            .trim()
            .strip_prefix("<!--")
            .and_then(|rest| rest.strip_suffix("-->"))
            .and_then(|inner| inner.trim().strip_prefix("lang:"))
            .map(str::trim);
        let Some(tag) = tag.filter(|t| super::is_language_tag(t)) else {
            return false;
        };
        match self.blocks.last_mut() {
            Some(BlockFrame::Quote { blocks, language })
                if blocks.is_empty() && language.is_none() =>
            {
                *language = Some(tag.to_owned());
                true
            }
            _ => false,
        }
    }

    fn push_block(&mut self, block: Block) {
        match self.blocks.last_mut() {
            Some(BlockFrame::Container(blocks))
            | Some(BlockFrame::Quote { blocks, .. })
            | Some(BlockFrame::FootnoteDefinition { blocks, .. }) => blocks.push(block),
            Some(BlockFrame::List { items, .. }) => items.push(vec![block]),
            None => self.root.push(block),
        }
    }

    fn finish(mut self, metadata: Metadata) -> Parsed {
        self.flush_loose_inlines();
        let mut citation_notes = Vec::new();
        let mut footnotes = Vec::with_capacity(self.notes.len());
        for (index, source) in self.notes.into_iter().enumerate() {
            let number = index + 1;
            let paragraphs = match source {
                NoteSource::Citation(call) => {
                    citation_notes.push((number, call));
                    Vec::new()
                }
                NoteSource::Label(label) => self
                    .definitions
                    .remove(&label)
                    .map(blocks_to_paragraphs)
                    .unwrap_or_default(),
            };
            footnotes.push(Footnote { number, paragraphs });
        }
        Parsed {
            document: Document {
                metadata,
                blocks: self.root,
                footnotes,
            },
            citation_notes,
        }
    }
}

/// Footnotes hold paragraphs only: flatten whatever a definition contained.
fn blocks_to_paragraphs(blocks: Vec<Block>) -> Vec<Vec<Inline>> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(c) | Block::Title(c) | Block::Heading { content: c, .. } => {
                out.push(c)
            }
            Block::Quote { blocks, .. } => out.extend(blocks_to_paragraphs(blocks)),
            Block::List(list) => {
                for item in list.items {
                    out.extend(blocks_to_paragraphs(item));
                }
            }
            Block::PageBreak | Block::Rule => {}
        }
    }
    out
}

/// Leading and trailing spaces of a block come from template whitespace, not from the author.
fn trim_inlines(mut content: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text(t)) = content.first_mut() {
        *t = t.trim_start().to_owned();
    }
    if let Some(Inline::Text(t)) = content.last_mut() {
        *t = t.trim_end().to_owned();
    }
    content.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    content
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(md: &str) -> Vec<Block> {
        parse(md, Metadata::default()).document.blocks
    }

    #[test]
    fn first_level_one_heading_is_the_title() {
        let b = blocks("# Proposal\n\n# Part\n\n## Sub\n\ntext");
        assert_eq!(b[0], Block::Title(vec![Inline::Text("Proposal".into())]));
        assert!(matches!(&b[1], Block::Heading { level: 1, .. }));
        assert!(matches!(&b[2], Block::Heading { level: 2, .. }));
    }

    #[test]
    fn citation_markers_become_numbered_notes_in_reading_order() {
        let md = format!(
            "A{} b{}\n\nc[^x] d{}\n\n[^x]: Own note.",
            marker::make(1),
            marker::make(0),
            marker::make(1)
        );
        let parsed = parse(&md, Metadata::default());
        assert_eq!(parsed.citation_notes, vec![(1, 1), (2, 0), (4, 1)]);
        assert_eq!(parsed.document.footnotes.len(), 4);
        assert_eq!(
            parsed.document.footnotes[2].paragraphs,
            vec![vec![Inline::Text("Own note.".into())]]
        );
        let Block::Paragraph(p) = &parsed.document.blocks[0] else {
            panic!()
        };
        assert_eq!(
            p,
            &vec![
                Inline::Text("A".into()),
                Inline::NoteRef(1),
                Inline::Text(" b".into()),
                Inline::NoteRef(2)
            ]
        );
    }

    #[test]
    fn lists_quotes_links_and_page_breaks() {
        let b = blocks(
            "1. one\n2. **two**\n\n> quoted [link](https://example.org)\n\n\\pagebreak\n\n- x",
        );
        let Block::List(list) = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(list.start, Some(1));
        assert_eq!(
            list.items[1],
            vec![Block::Paragraph(vec![Inline::Strong(vec![Inline::Text(
                "two".into()
            )])])]
        );
        let Block::Quote { blocks: q, .. } = &b[1] else {
            panic!()
        };
        assert!(
            matches!(&q[0], Block::Paragraph(p) if matches!(&p[1], Inline::Link { url, .. } if url == "https://example.org"))
        );
        assert_eq!(b[2], Block::PageBreak);
        assert!(matches!(&b[3], Block::List(List { start: None, .. })));
    }

    /// Depth of the deepest quote or list, and of the deepest span.
    fn depths(blocks: &[Block]) -> (usize, usize) {
        fn inline_depth(inlines: &[Inline]) -> usize {
            inlines
                .iter()
                .map(|inline| match inline {
                    Inline::Emphasis(content)
                    | Inline::Strong(content)
                    | Inline::Link { content, .. } => 1 + inline_depth(content),
                    _ => 0,
                })
                .max()
                .unwrap_or(0)
        }
        blocks
            .iter()
            .map(|block| match block {
                Block::Quote { blocks, .. } => {
                    let (b, i) = depths(blocks);
                    (b + 1, i)
                }
                Block::List(list) => list
                    .items
                    .iter()
                    .map(|item| depths(item))
                    .fold((0, 0), |a, b| (a.0.max(b.0 + 1), a.1.max(b.1))),
                Block::Paragraph(content) | Block::Heading { content, .. } => {
                    (0, inline_depth(content))
                }
                _ => (0, 0),
            })
            .fold((0, 0), |a, b| (a.0.max(b.0), a.1.max(b.1)))
    }

    #[test]
    fn nesting_past_the_limit_is_read_one_level_flatter_and_the_text_kept() {
        let quotes = format!("{}deep words", ">".repeat(5_000));
        assert_eq!(depths(&blocks(&quotes)), (MAX_NESTING, 0));
        assert!(
            format!("{:?}", super::parse(&quotes, Metadata::default()).document)
                .contains("deep words")
        );
        let lists = (0..200)
            .map(|i| format!("{}- item {i}\n", "  ".repeat(i)))
            .collect::<String>();
        let parsed = blocks(&lists);
        assert!(
            depths(&parsed).0 <= MAX_NESTING + 1,
            "{:?}",
            depths(&parsed)
        );
        let text = format!("{parsed:?}");
        assert!(
            text.contains("item 0") && text.contains("item 199"),
            "{text}"
        );
        let spans = format!("{}x{}", "*_".repeat(3_000), "_*".repeat(3_000));
        let (_, depth) = depths(&blocks(&spans));
        assert!(depth <= MAX_NESTING, "{depth}");
        let links = format!(
            "{}x{}",
            "[".repeat(100),
            "](https://example.org)".repeat(100)
        );
        assert!(format!("{:?}", blocks(&links)).contains('x'));
    }

    #[test]
    fn raw_html_is_kept_as_text() {
        let b = blocks("Hello <script>alert(1)</script>");
        assert_eq!(
            Inline::plain_text(match &b[0] {
                Block::Paragraph(p) => p,
                _ => panic!(),
            }),
            "Hello <script>alert(1)</script>"
        );
    }

    #[test]
    fn a_comment_opening_a_quotation_gives_its_language() {
        let parsed = parse(
            "> <!-- lang: fr-FR -->\n> « mot »\n\n> <!-- lang: fr --> et plus\n\nx <!-- lang: fr -->\n",
            Metadata::default(),
        );
        let b = &parsed.document.blocks;
        assert!(
            matches!(&b[0], Block::Quote { language: Some(l), blocks } if l == "fr-FR" && blocks.len() == 1)
        );
        // Not a lone comment, or not at a quotation's start: text as written.
        assert!(matches!(&b[1], Block::Quote { language: None, .. }));
        assert!(Inline::plain_text(match &b[2] {
            Block::Paragraph(p) => p,
            other => panic!("{other:?}"),
        })
        .contains("<!-- lang: fr -->"));
        assert!(
            super::super::is_language_tag("zh-Hant")
                && !super::super::is_language_tag("x")
                && !super::super::is_language_tag("fr fr")
        );
    }
}
