//! Page composition: blocks become lines placed on pages, each footnote on
//! the page whose text cites it (continued on the next page when it does
//! not fit), headings kept with what follows, widows and orphans avoided.
//! Coordinates are points from the page's top-left corner. Each line
//! belongs to an element of the structure tree (heading, paragraph, list
//! item, quotation, note) that the tagged PDF is built from.

use std::collections::HashSet;

use super::ahead::BrokenAhead;
use super::fonts::{Chooser, Face};
use super::lines::{Line, Piece, Span};
use super::tags::Structure;
use crate::document::{Block, Document, Inline, List};

/// Page geometry and type sizes, in points.
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub margin: f32,
}

impl Geometry {
    pub fn text_width(&self) -> f32 {
        self.width - 2.0 * self.margin
    }
    fn bottom(&self) -> f32 {
        self.height - self.margin
    }
}

const BODY_SIZE: f32 = 12.0;
const BODY_LEADING: f32 = 14.4;
const NOTE_SIZE: f32 = 10.0;
const NOTE_LEADING: f32 = 12.0;
const NOTE_GAP: f32 = 2.0;
/// Space above the footnote rule, and the rule's share of the text width.
const NOTE_SEPARATOR: f32 = 10.0;
const NOTE_RULE_SHARE: f32 = 0.33;
const LIST_INDENT: f32 = 18.0;
const QUOTE_INDENT: f32 = 36.0;
/// Baseline position within a line's leading.
const BASELINE: f32 = 0.78;

/// A line placed on a page.
#[derive(Debug, Clone)]
pub struct Placed {
    pub x: f32,
    pub baseline: f32,
    pub line: Line,
}

#[derive(Debug, Clone, Default)]
pub struct Page {
    pub lines: Vec<Placed>,
    /// Footnote lines, placed when the page is finished.
    pub notes: Vec<Placed>,
    /// Horizontal rules: (x1, x2, y).
    pub rules: Vec<(f32, f32, f32)>,
}

/// An outline entry: level (0 = title), text, page index.
#[derive(Debug, Clone)]
pub struct Bookmark {
    pub level: u8,
    pub title: String,
    pub page: usize,
    pub y: f32,
}

pub struct Laid {
    pub pages: Vec<Page>,
    pub bookmarks: Vec<Bookmark>,
    pub structure: Structure,
}

struct ParagraphStyle {
    face: Face,
    size: f32,
    leading: f32,
    before: f32,
    after: f32,
    indent: f32,
    right_indent: f32,
    justify: bool,
    center: bool,
}

impl ParagraphStyle {
    fn body() -> ParagraphStyle {
        ParagraphStyle {
            face: Face::Regular,
            size: BODY_SIZE,
            leading: BODY_LEADING,
            before: 0.0,
            after: 10.0,
            indent: 0.0,
            right_indent: 0.0,
            justify: true,
            center: false,
        }
    }
}

/// Lays `document` out on pages, taking the paragraphs `ahead` has already
/// broken into lines (or recording them, when it records).
pub fn lay_out(
    document: &Document,
    mut chooser: Chooser,
    geometry: &Geometry,
    ahead: &mut BrokenAhead,
) -> Laid {
    let language = document.metadata.language.as_str();
    let mut structure = Structure::new();
    let mut note_elements = Vec::new();
    let notes = document
        .footnotes
        .iter()
        .map(|note| {
            let mut spans = vec![Span {
                superscript: true,
                ..Span::plain(note.number.to_string(), Face::Regular)
            }];
            spans.push(Span::plain(" ", Face::Regular));
            for (i, paragraph) in note.paragraphs.iter().enumerate() {
                if i > 0 {
                    spans.push(Span::plain("\n", Face::Regular));
                }
                spans.extend(spans_of(paragraph, Face::Regular));
            }
            let element = structure.detached("Note");
            note_elements.push(element);
            let mut lines = ahead.break_lines(
                &mut chooser,
                &spans,
                NOTE_SIZE,
                geometry.text_width(),
                true,
                language,
            );
            for line in &mut lines {
                line.element = element;
            }
            lines
        })
        .collect();
    let mut composer = Composer {
        geometry,
        chooser,
        ahead,
        structure,
        language,
        notes,
        placed_notes: HashSet::new(),
        pages: Vec::new(),
        page: Page::default(),
        y: geometry.margin,
        note_lines: Vec::new(),
        carried: Vec::new(),
        bookmarks: Vec::new(),
        pending: Vec::new(),
    };
    let blocks = &document.blocks;
    for block in blocks {
        composer.block(block, 0.0, 0.0, Face::Regular, Structure::ROOT);
    }
    composer.flush_pending();
    composer.finish_page();
    // A carried note that still did not fit continues on further pages.
    while !composer.carried.is_empty() {
        composer.finish_page();
    }
    // Notes are read after the text that cites them.
    for element in note_elements {
        composer.structure.attach(Structure::ROOT, element);
    }
    Laid {
        pages: composer.pages,
        bookmarks: composer.bookmarks,
        structure: composer.structure,
    }
}

/// Flattens inline content into styled spans.
pub fn spans_of(inlines: &[Inline], face: Face) -> Vec<Span> {
    let mut spans = Vec::new();
    fn walk(inlines: &[Inline], face: Face, link: Option<&str>, out: &mut Vec<Span>) {
        for inline in inlines {
            match inline {
                Inline::Text(t) | Inline::Code(t) => out.push(Span {
                    link: link.map(str::to_owned),
                    ..Span::plain(t.clone(), face)
                }),
                Inline::Emphasis(c) => walk(c, face.with(false, true), link, out),
                Inline::Strong(c) => walk(c, face.with(true, false), link, out),
                Inline::Link { url, content } => {
                    let safe = crate::export::html::is_safe_url(url);
                    walk(content, face, if safe { Some(url) } else { link }, out)
                }
                Inline::NoteRef(n) => out.push(Span {
                    superscript: true,
                    note: Some(*n),
                    ..Span::plain(n.to_string(), Face::Regular)
                }),
                Inline::LineBreak => out.push(Span::plain("\n", face)),
            }
        }
    }
    walk(inlines, face, None, &mut spans);
    spans
}

/// Lines of one paragraph, ready to place.
struct Pending {
    lines: Vec<Line>,
    leading: f32,
    before: f32,
    after: f32,
}

struct Composer<'a> {
    geometry: &'a Geometry,
    chooser: Chooser<'a>,
    ahead: &'a mut BrokenAhead,
    structure: Structure,
    language: &'a str,
    /// Every footnote, broken into lines.
    notes: Vec<Vec<Line>>,
    placed_notes: HashSet<usize>,
    pages: Vec<Page>,
    page: Page,
    /// Top of the next body line.
    y: f32,
    /// Footnote lines of the current page, in order.
    note_lines: Vec<Line>,
    /// Footnote lines that did not fit on the previous page.
    carried: Vec<Line>,
    bookmarks: Vec<Bookmark>,
    /// Headings waiting to go out with the paragraph that follows them.
    pending: Vec<Pending>,
}

impl Composer<'_> {
    fn at_page_top(&self) -> bool {
        self.page.lines.is_empty() && self.page.rules.is_empty()
    }

    fn notes_height(&self, lines: usize) -> f32 {
        if lines == 0 {
            0.0
        } else {
            NOTE_SEPARATOR + lines as f32 * NOTE_LEADING + NOTE_GAP
        }
    }

    /// Room left for body text, given the footnote lines already on the page.
    fn room(&self) -> f32 {
        self.geometry.bottom() - self.y - self.notes_height(self.note_lines.len())
    }

    fn new_notes(&self, line: &Line) -> Vec<usize> {
        line.notes
            .iter()
            .copied()
            .filter(|n| !self.placed_notes.contains(n))
            .collect()
    }

    /// Whether a body line of `leading` with these new notes fits: all of the
    /// notes, or at least each note's first line.
    fn fits(&self, leading: f32, notes: &[usize]) -> bool {
        let first_lines = notes
            .iter()
            .filter(|n| self.note(**n).is_some_and(|l| !l.is_empty()))
            .count();
        let extra = self.notes_height(self.note_lines.len() + first_lines)
            - self.notes_height(self.note_lines.len());
        leading + extra <= self.room() + 0.01
    }

    fn note(&self, number: usize) -> Option<&Vec<Line>> {
        self.notes.get(number.wrapping_sub(1))
    }

    /// Places a body line and its new notes; `reserve` keeps room for the
    /// rest of its paragraph, so a long note continues on the next page
    /// rather than push the paragraph's last lines there.
    fn place_line(&mut self, line: Line, x: f32, leading: f32, reserve: f32) {
        let notes = self.new_notes(&line);
        if !self.fits(leading, &notes) && !self.at_page_top() {
            self.finish_page();
        }
        self.page.lines.push(Placed {
            x,
            baseline: self.y + leading * BASELINE,
            line,
        });
        self.y += leading;
        for number in notes {
            self.placed_notes.insert(number);
            let lines = self.note(number).cloned().unwrap_or_default();
            for (i, note_line) in lines.into_iter().enumerate() {
                // The first line always goes with its mark; the rest while they fit.
                if i == 0 || (self.carried.is_empty() && self.room() - reserve >= NOTE_LEADING) {
                    self.note_lines.push(note_line);
                } else {
                    self.carried.push(note_line);
                }
            }
        }
    }

    fn finish_page(&mut self) {
        let geometry = self.geometry;
        let mut page = std::mem::take(&mut self.page);
        if !self.note_lines.is_empty() {
            let top = geometry.bottom() - self.notes_height(self.note_lines.len()) + NOTE_SEPARATOR;
            page.rules.push((
                geometry.margin,
                geometry.margin + geometry.text_width() * NOTE_RULE_SHARE,
                top - 4.0,
            ));
            for (i, line) in std::mem::take(&mut self.note_lines).into_iter().enumerate() {
                let baseline = top + i as f32 * NOTE_LEADING + NOTE_LEADING * BASELINE;
                page.notes.push(Placed {
                    x: geometry.margin,
                    baseline,
                    line,
                });
            }
        }
        self.pages.push(page);
        self.y = geometry.margin;
        // Notes carried from the previous page come first.
        let carried = std::mem::take(&mut self.carried);
        let capacity = ((geometry.bottom() - geometry.margin - NOTE_SEPARATOR - NOTE_GAP)
            / NOTE_LEADING)
            .floor() as usize;
        let capacity = capacity.saturating_sub(3).max(1);
        for (i, line) in carried.into_iter().enumerate() {
            if i < capacity {
                self.note_lines.push(line);
            } else {
                self.carried.push(line);
            }
        }
    }

    fn block(&mut self, block: &Block, indent: f32, right: f32, face: Face, parent: usize) {
        let width = self.geometry.text_width();
        match block {
            Block::Title(content) => {
                let element = self.structure.add("H1", parent);
                let style = ParagraphStyle {
                    face: Face::Bold,
                    size: 16.0,
                    leading: 19.2,
                    after: 18.0,
                    justify: false,
                    center: true,
                    ..ParagraphStyle::body()
                };
                self.bookmark(0, content);
                self.paragraph(content, &style, None, true, element);
            }
            Block::Heading { level, content } => {
                let (size, face) = match level {
                    1 => (14.0, Face::Bold),
                    2 => (13.0, Face::Bold),
                    _ => (12.0, Face::BoldItalic),
                };
                let style = ParagraphStyle {
                    face,
                    size,
                    leading: size * 1.2,
                    before: 12.0,
                    after: 6.0,
                    justify: false,
                    ..ParagraphStyle::body()
                };
                // The title is the first level: headings start at H2.
                let role = match level {
                    0 | 1 => "H2",
                    2 => "H3",
                    3 => "H4",
                    4 => "H5",
                    _ => "H6",
                };
                let element = self.structure.add(role, parent);
                self.bookmark(*level, content);
                self.paragraph(content, &style, None, true, element);
            }
            Block::Paragraph(content) => {
                let style = ParagraphStyle {
                    face,
                    indent,
                    right_indent: right,
                    ..ParagraphStyle::body()
                };
                let element = self.structure.add("P", parent);
                self.paragraph(content, &style, None, false, element);
            }
            Block::List(list) => {
                let element = self.structure.add("L", parent);
                self.list(list, indent, right, face, element)
            }
            Block::Quote { blocks, language } => {
                let element = self.structure.add("BlockQuote", parent);
                if let Some(language) = language {
                    self.structure.set_language(element, language);
                }
                for inner in blocks {
                    self.block(
                        inner,
                        indent + QUOTE_INDENT,
                        right + QUOTE_INDENT,
                        face.with(false, true),
                        element,
                    );
                }
            }
            Block::PageBreak => {
                self.flush_pending();
                if !self.at_page_top() {
                    self.finish_page();
                }
            }
            Block::Rule => {
                self.flush_pending();
                if self.room() < 12.0 {
                    self.finish_page();
                }
                let y = self.y + 6.0;
                self.page.rules.push((
                    self.geometry.margin + indent,
                    self.geometry.margin + width - right,
                    y,
                ));
                self.y += 12.0;
            }
        }
    }

    fn list(&mut self, list: &List, indent: f32, right: f32, face: Face, parent: usize) {
        let text_indent = indent + LIST_INDENT;
        for (index, item) in list.items.iter().enumerate() {
            let marker = match list.start {
                Some(start) => format!("{}.", start + index as u64),
                None => if indent > 0.0 { "◦" } else { "•" }.to_owned(),
            };
            let entry = self.structure.add("LI", parent);
            // The marker is drawn with the item's first paragraph.
            let label = matches!(item.first(), Some(Block::Paragraph(_)))
                .then(|| self.structure.add("Lbl", entry));
            let body = self.structure.add("LBody", entry);
            for (i, block) in item.iter().enumerate() {
                match block {
                    Block::Paragraph(content) => {
                        let style = ParagraphStyle {
                            face,
                            indent: text_indent,
                            right_indent: right,
                            after: 6.0,
                            ..ParagraphStyle::body()
                        };
                        let marker = label
                            .filter(|_| i == 0)
                            .map(|label| (marker.clone(), indent, label));
                        let element = self.structure.add("P", body);
                        self.paragraph(content, &style, marker, false, element);
                    }
                    Block::List(nested) => {
                        let element = self.structure.add("L", body);
                        self.list(nested, text_indent, right, face, element)
                    }
                    other => self.block(other, text_indent, right, face, body),
                }
            }
        }
    }

    fn bookmark(&mut self, level: u8, content: &[Inline]) {
        let title = Inline::plain_text(content);
        if !title.trim().is_empty() {
            // The entry points at the page the heading will land on (set after placement).
            self.bookmarks.push(Bookmark {
                level,
                title,
                page: usize::MAX,
                y: 0.0,
            });
        }
    }

    /// Places a paragraph, tagged as `element`; `marker` is a list number
    /// drawn in the hanging indent of the first line, with its label element.
    /// A paragraph with `keep_with_next` (a title or heading) waits, and goes
    /// on the page where the next paragraph starts.
    fn paragraph(
        &mut self,
        content: &[Inline],
        style: &ParagraphStyle,
        marker: Option<(String, f32, usize)>,
        keep_with_next: bool,
        element: usize,
    ) {
        let width = self.geometry.text_width() - style.indent - style.right_indent;
        let spans = spans_of(content, style.face);
        let mut lines = self.ahead.break_lines(
            &mut self.chooser,
            &spans,
            style.size,
            width,
            style.justify,
            self.language,
        );
        if lines.is_empty() {
            return;
        }
        let fonts = self.chooser.fonts();
        for (i, line) in lines.iter_mut().enumerate() {
            let line_width = line.width();
            let mut x = self.geometry.margin + style.indent;
            if style.center {
                x += ((width - line_width) / 2.0).max(0.0);
            } else if line.rtl {
                x += (width - line_width).max(0.0);
            }
            if let (0, Some((marker, marker_indent, label))) = (i, &marker) {
                let mut piece = Piece::simple(
                    fonts,
                    marker,
                    style.face,
                    style.size,
                    self.geometry.margin + marker_indent - x,
                );
                piece.element = Some(*label);
                line.pieces.insert(0, piece);
            }
            line.x = x;
            line.element = element;
        }
        let block = Pending {
            lines,
            leading: style.leading,
            before: style.before,
            after: style.after,
        };
        if keep_with_next {
            self.pending.push(block);
        } else {
            self.place_with_pending(block);
        }
    }

    /// Height of the waiting headings, with their spacing.
    fn pending_height(&self) -> f32 {
        self.pending
            .iter()
            .map(|p| p.before + p.lines.len() as f32 * p.leading + p.after)
            .sum()
    }

    /// Places waiting headings and then `block`, choosing the page so that
    /// no heading ends a page, and no paragraph leaves a single line at the
    /// foot of a page (orphan) or at the head of the next (widow).
    fn place_with_pending(&mut self, block: Pending) {
        let n = block.lines.len();
        let offset = if self.at_page_top() {
            0.0
        } else {
            block.before
        } + self.pending_height();
        let fit = self.lines_that_fit(&block.lines, block.leading, offset);
        // Too short to split: 2 or 3 lines move together rather than leave one alone.
        let lonely = (n >= 2 && fit == 1) || (n <= 3 && fit > 0 && fit < n);
        if !self.at_page_top() && (fit == 0 || lonely) {
            self.finish_page();
        }
        for heading in std::mem::take(&mut self.pending) {
            self.place_block_lines(heading, None);
        }
        let fit = self.lines_that_fit(
            &block.lines,
            block.leading,
            if self.at_page_top() {
                0.0
            } else {
                block.before
            },
        );
        // A longer paragraph that would leave one line over breaks a line early.
        let widow_break = (n >= 4 && fit == n - 1).then(|| n - 2);
        self.place_block_lines(block, widow_break);
    }

    fn place_block_lines(&mut self, block: Pending, break_before: Option<usize>) {
        if !self.at_page_top() {
            self.y += block.before;
        }
        if let Some(bookmark) = self.bookmarks.iter_mut().find(|b| b.page == usize::MAX) {
            bookmark.page = self.pages.len();
            bookmark.y = self.y;
        }
        let count = block.lines.len();
        for (i, line) in block.lines.into_iter().enumerate() {
            if Some(i) == break_before {
                self.finish_page();
            }
            let rest_here = break_before.filter(|b| *b > i).unwrap_or(count) - i - 1;
            let x = line.x;
            self.place_line(line, x, block.leading, rest_here as f32 * block.leading);
        }
        self.y += block.after;
    }

    /// Headings still waiting go out at the end, or before a break or rule.
    fn flush_pending(&mut self) {
        for heading in std::mem::take(&mut self.pending) {
            self.place_block_lines(heading, None);
        }
    }

    /// How many of `lines` fit on the current page, counting each line's new
    /// notes at their first line.
    fn lines_that_fit(&self, lines: &[Line], leading: f32, offset: f32) -> usize {
        let mut y = self.y + offset;
        let mut note_lines = self.note_lines.len();
        let mut seen = HashSet::new();
        let mut count = 0;
        for line in lines {
            let new: Vec<usize> = line
                .notes
                .iter()
                .copied()
                .filter(|n| !self.placed_notes.contains(n) && seen.insert(*n))
                .collect();
            let with_notes = note_lines + new.len();
            if y + leading + self.notes_height(with_notes) > self.geometry.bottom() + 0.01 {
                break;
            }
            y += leading;
            note_lines = with_notes;
            count += 1;
        }
        count
    }
}
