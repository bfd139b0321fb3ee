//! Line breaking: a paragraph's styled text becomes justified lines of
//! placed glyphs.
//!
//! The paragraph is shaped once (`super::shaping`); break opportunities
//! follow Unicode's line-breaking algorithm (UAX #14, so no break at U+00A0
//! or U+202F); words are hyphenated in English and French; the breaks are
//! chosen by Knuth and Plass's total-fit algorithm over boxes, glue and
//! penalties measured by the shaped advances. Each line is then put in
//! visual order by the bidirectional algorithm (UAX #9): a paragraph that is
//! mainly right to left is set right to left.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use hyphenation::{Hyphenator, Language, Load, Standard};
use paragraph_breaker::{standard_fit, total_fit, Item, INFINITE_PENALTY};
use unicode_bidi::{BidiInfo, Level};
use unicode_linebreak::{linebreaks, BreakOpportunity};
use unicode_script::Script;

use super::fonts::{Chooser, Face, Font, Fonts};
use super::shaping::{script_of, shape, Shaped, Style};
use crate::export::direction::{mainly_rtl, needs_bidi};

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Span {
    pub text: String,
    pub face: Face,
    pub superscript: bool,
    pub link: Option<String>,
    /// The footnote this span refers to (a note mark).
    pub note: Option<usize>,
}

impl Span {
    pub fn plain(text: impl Into<String>, face: Face) -> Span {
        Span {
            text: text.into(),
            face,
            superscript: false,
            link: None,
            note: None,
        }
    }
}

/// A glyph placed on a line.
#[derive(Debug, Clone)]
pub struct PlacedGlyph {
    pub font: &'static Font,
    pub id: u16,
    pub size: f32,
    /// From the line's start, in points.
    pub x: f32,
    /// Upwards from the baseline (superscripts, marks).
    pub rise: f32,
    /// The paragraph byte where its cluster starts: glyphs of one cluster
    /// share it.
    pub cluster: usize,
    /// The text the cluster stands for.
    pub text: String,
    /// One glyph for several characters (a ligature) or several glyphs for
    /// one: the PDF says what they stand for (`ActualText`).
    pub composite: bool,
}

/// Glyphs of one style placed on a line, `x` from the line's start, in points.
#[derive(Debug, Clone)]
pub struct Piece {
    pub x: f32,
    pub width: f32,
    /// Its text in logical order.
    pub text: String,
    pub size: f32,
    pub link: Option<String>,
    /// The footnote this piece refers to (a note mark).
    pub note: Option<usize>,
    /// The structure element of its own, when not the line's (a list
    /// marker is its item's label).
    pub element: Option<usize>,
    pub glyphs: Vec<PlacedGlyph>,
}

impl Piece {
    /// `text` in Liberation Serif at its nominal advances: page numbers and
    /// list markers, which need no shaping.
    pub fn simple(fonts: &'static Fonts, text: &str, face: Face, size: f32, x: f32) -> Piece {
        let font = fonts.primary(face);
        let mut glyphs = Vec::new();
        let mut pen = 0.0;
        for (at, c) in text.char_indices() {
            let id = font.shaper().glyph_index(c).map_or(0, |g| g.0);
            glyphs.push(PlacedGlyph {
                font,
                id,
                size,
                x: x + pen,
                rise: 0.0,
                cluster: at,
                text: c.to_string(),
                composite: false,
            });
            pen += font.advance(c, size).unwrap_or(0.0);
        }
        Piece {
            x,
            width: pen,
            text: text.to_owned(),
            size,
            link: None,
            note: None,
            element: None,
            glyphs,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Line {
    /// Where the line starts on the page (set by the layout).
    pub x: f32,
    pub pieces: Vec<Piece>,
    /// Footnotes whose marks are on this line.
    pub notes: Vec<usize>,
    /// Set right to left (aligned right when not full).
    pub rtl: bool,
    /// The structure element (paragraph, heading, note…) the line belongs
    /// to, set by the layout for the tagged PDF.
    pub element: usize,
}

impl Line {
    pub fn width(&self) -> f32 {
        self.pieces
            .iter()
            .map(|p| p.x + p.width)
            .fold(0.0, f32::max)
    }
}

/// Superscripts: size and rise relative to the text size.
const SUPERSCRIPT_SCALE: f32 = 0.62;
const SUPERSCRIPT_RISE: f32 = 0.36;
/// Words shorter than this are never hyphenated.
const MIN_HYPHENATED_WORD: usize = 6;
/// Cost of a hyphen, and of breaking where no space is (after a slash in a URL).
const HYPHEN_PENALTY: i32 = 50;
const SPACELESS_BREAK_PENALTY: i32 = 100;
/// How far a justified space stretches and shrinks, as a share of its width.
const STRETCH: f32 = 0.6;
const SHRINK: f32 = 0.3;

static HYPHENATORS: LazyLock<HashMap<&'static str, Standard>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for (tag, language) in [("en", Language::EnglishUS), ("fr", Language::French)] {
        if let Ok(dictionary) = Standard::from_embedded(language) {
            map.insert(tag, dictionary);
        }
    }
    map
});

pub fn warm_up() {
    LazyLock::force(&HYPHENATORS);
}

/// Thousandths of a point: the breaker works in integers.
fn units(points: f32) -> i32 {
    (points * 1000.0).round() as i32
}

#[derive(Debug)]
struct Fragment {
    range: Range<usize>,
}

/// The paragraph as one string, with the span each byte belongs to.
struct Paragraph<'a> {
    spans: &'a [Span],
    text: String,
    /// (first byte, span index) of each span.
    starts: Vec<(usize, usize)>,
}

impl Paragraph<'_> {
    fn span_at(&self, byte: usize) -> usize {
        let after = self.starts.partition_point(|(start, _)| *start <= byte);
        self.starts
            .get(after.saturating_sub(1))
            .map_or(0, |(_, i)| *i)
    }
}

/// Breaks `spans` into lines `width` points wide at `size` points.
/// `justify` spreads the spaces of every line but the last.
pub fn break_lines(
    chooser: &mut Chooser,
    spans: &[Span],
    size: f32,
    width: f32,
    justify: bool,
    language: &str,
) -> Vec<Line> {
    // Empty spans own no text; dropping them keeps the byte → span mapping simple.
    let spans: Vec<Span> = spans
        .iter()
        .filter(|s| !s.text.is_empty())
        .cloned()
        .collect();
    if spans.is_empty() {
        return Vec::new();
    }
    let mut paragraph = Paragraph {
        spans: &spans,
        text: String::new(),
        starts: Vec::new(),
    };
    let mut styles = Vec::new();
    for (index, span) in spans.iter().enumerate() {
        let start = paragraph.text.len();
        paragraph.starts.push((start, index));
        paragraph.text.push_str(&span.text);
        styles.push(Style {
            range: start..paragraph.text.len(),
            face: span.face,
            size: span_size(span, size).0,
        });
    }
    let rtl = mainly_rtl(&paragraph.text);
    let base = if rtl { Level::rtl() } else { Level::ltr() };
    // Text with no right-to-left letter stays in logical order: the
    // algorithm would only confirm it.
    let bidi = needs_bidi(&paragraph.text).then(|| BidiInfo::new(&paragraph.text, Some(base)));
    let levels = bidi.as_ref().map_or(&[][..], |b| b.levels.as_slice());
    let shaped = shape(&paragraph.text, &styles, levels, language, chooser);
    let fonts = chooser.fonts();
    let setting = Setting {
        fonts,
        paragraph: &paragraph,
        shaped: &shaped,
        bidi: bidi.as_ref(),
        size,
        rtl,
    };
    let (items, fragments) = build_items(&setting, language);
    if fragments.is_empty() {
        return Vec::new();
    }
    let lengths = [units(width)];
    let mut breaks = Vec::new();
    // Loosen the tolerance until a solution exists; then fall back to first fit.
    for threshold in [2.0, 5.0, 20.0] {
        breaks = total_fit(&items, &lengths, threshold, 0);
        if !breaks.is_empty() {
            break;
        }
    }
    if breaks.is_empty() {
        breaks = standard_fit(&items, &lengths, f32::INFINITY);
    }
    let mut lines = Vec::with_capacity(breaks.len());
    let mut start = 0;
    for breakpoint in breaks {
        let end = breakpoint.index;
        if end < start {
            // A break among the glue and penalties skipped after the
            // previous one (breaks close together): that line is empty.
            continue;
        }
        let ratio = if justify {
            breakpoint.ratio.clamp(-1.0, 10.0)
        } else {
            0.0
        };
        let hyphen = matches!(items.get(end), Some(Item::Penalty { flagged: true, .. }));
        if let Some(line) = setting.make_line(&items[start..end], &fragments, ratio, hyphen) {
            lines.push(line);
        }
        // Glue and penalties after a break vanish.
        start = end;
        while matches!(
            items.get(start),
            Some(Item::Glue { .. } | Item::Penalty { .. })
        ) {
            start += 1;
        }
        if start >= items.len() {
            break;
        }
    }
    lines
}

fn span_size(span: &Span, size: f32) -> (f32, f32) {
    if span.superscript {
        (size * SUPERSCRIPT_SCALE, size * SUPERSCRIPT_RISE)
    } else {
        (size, 0.0)
    }
}

/// What a paragraph's lines are made from.
struct Setting<'a> {
    fonts: &'static Fonts,
    paragraph: &'a Paragraph<'a>,
    shaped: &'a Shaped,
    bidi: Option<&'a BidiInfo<'a>>,
    size: f32,
    rtl: bool,
}

fn build_items(setting: &Setting, language: &str) -> (Vec<Item<usize>>, Vec<Fragment>) {
    let full = setting.paragraph.text.as_str();
    let paragraph = setting.paragraph;
    let hyphenator = if setting.rtl {
        None
    } else {
        HYPHENATORS.get(language.split('-').next().unwrap_or_default())
    };

    let mut items = Vec::new();
    let mut fragments = Vec::new();
    let mut segment_start = 0;
    for (end, opportunity) in linebreaks(full) {
        // A break inside a cluster (a ligature, a letter and its marks)
        // would split its glyphs between lines: wait for the next one.
        if end < full.len() && !setting.shaped.is_boundary(end) {
            continue;
        }
        let segment = &full[segment_start..end];
        let content = segment.trim_end_matches([' ', '\n', '\r', '\t']);
        let content_end = segment_start + content.len();
        // The word itself, split where spans change.
        let mut at = segment_start;
        while at < content_end {
            let span = paragraph.span_at(at);
            let span_end = paragraph
                .starts
                .get(span + 1)
                .map_or(full.len(), |(s, _)| *s)
                .min(content_end);
            push_word(
                setting,
                span,
                at..span_end,
                hyphenator,
                &mut items,
                &mut fragments,
            );
            at = span_end;
        }
        let trailing = &segment[content.len()..];
        let face_span = paragraph.span_at(segment_start.max(content_end.saturating_sub(1)));
        let (space_size, _) = span_size(&paragraph.spans[face_span], setting.size);
        match opportunity {
            BreakOpportunity::Mandatory => {
                items.push(Item::Glue {
                    width: 0,
                    stretch: units(10_000.0),
                    shrink: 0,
                });
                items.push(Item::Penalty {
                    width: 0,
                    penalty: -INFINITE_PENALTY,
                    flagged: false,
                });
            }
            BreakOpportunity::Allowed if trailing.contains([' ', '\t']) => {
                // The spaces as shaped (they may be a fallback font's).
                let shaped = setting.shaped.width(content_end..end);
                let space = if shaped > 0.0 {
                    shaped
                } else {
                    setting
                        .fonts
                        .width(paragraph.spans[face_span].face, space_size, " ")
                };
                // French puts a space inside « » and before ; : ! ? — a plain
                // space there (as in a verbatim quote) must not break the line.
                let next = full[end..].chars().next();
                if content.ends_with('«') || matches!(next, Some('»' | ';' | ':' | '!' | '?')) {
                    items.push(Item::Penalty {
                        width: 0,
                        penalty: INFINITE_PENALTY,
                        flagged: false,
                    });
                }
                items.push(Item::Glue {
                    width: units(space),
                    stretch: units(space * STRETCH),
                    shrink: units(space * SHRINK),
                });
            }
            BreakOpportunity::Allowed => {
                items.push(Item::Penalty {
                    width: 0,
                    penalty: SPACELESS_BREAK_PENALTY,
                    flagged: false,
                });
            }
        }
        segment_start = end;
    }
    (items, fragments)
}

fn push_word(
    setting: &Setting,
    span: usize,
    word: Range<usize>,
    hyphenator: Option<&Standard>,
    items: &mut Vec<Item<usize>>,
    fragments: &mut Vec<Fragment>,
) {
    let style = &setting.paragraph.spans[span];
    let text = &setting.paragraph.text[word.clone()];
    let (size, _) = span_size(style, setting.size);
    let mut push_box = |range: Range<usize>, items: &mut Vec<Item<usize>>| {
        items.push(Item::Box {
            width: units(setting.shaped.width(range.clone())),
            data: fragments.len(),
        });
        fragments.push(Fragment { range });
    };
    let hyphen_points = match hyphenator {
        Some(h)
            if !style.superscript
                && style.link.is_none()
                && text.chars().count() >= MIN_HYPHENATED_WORD =>
        {
            let lower = text.to_lowercase();
            let latin = text
                .chars()
                .all(|c| c.is_alphabetic() && script_of(c) == Script::Latin);
            if lower.len() == text.len() && latin {
                h.hyphenate(&lower).breaks
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    };
    let hyphen = units(setting.fonts.width(style.face, size, "-"));
    let mut start = word.start;
    for point in hyphen_points
        .into_iter()
        .map(|p| word.start + p)
        .filter(|p| setting.paragraph.text.is_char_boundary(*p) && setting.shaped.is_boundary(*p))
    {
        push_box(start..point, items);
        items.push(Item::Penalty {
            width: hyphen,
            penalty: HYPHEN_PENALTY,
            flagged: true,
        });
        start = point;
    }
    push_box(start..word.end, items);
}

impl Setting<'_> {
    /// The line made of `items`: its text from the first box to the last,
    /// in visual order, spaces spread by the line's adjustment `ratio`.
    fn make_line(
        &self,
        items: &[Item<usize>],
        fragments: &[Fragment],
        ratio: f32,
        hyphen: bool,
    ) -> Option<Line> {
        let boxes: Vec<&Range<usize>> = items
            .iter()
            .filter_map(|item| match item {
                Item::Box { data, .. } => Some(&fragments[*data].range),
                _ => None,
            })
            .collect();
        let (first, last) = (boxes.first()?, boxes.last()?);
        let range = first.start..last.end;
        let spread = if ratio >= 0.0 {
            1.0 + ratio * STRETCH
        } else {
            1.0 + ratio * SHRINK
        };
        let glyphs = self.visual_glyphs(range.clone(), spread);
        let mut pieces: Vec<Piece> = Vec::new();
        let mut piece_spans: Vec<usize> = Vec::new();
        for (glyph, pen, advance) in glyphs {
            let span = self.paragraph.span_at(glyph.cluster);
            match pieces.last_mut() {
                Some(piece) if piece_spans.last() == Some(&span) => {
                    piece.width = pen + advance - piece.x;
                    piece.glyphs.push(glyph);
                }
                _ => {
                    let style = &self.paragraph.spans[span];
                    pieces.push(Piece {
                        x: pen,
                        width: advance,
                        text: String::new(),
                        size: span_size(style, self.size).0,
                        link: style.link.clone(),
                        note: style.note,
                        element: None,
                        glyphs: vec![glyph],
                    });
                    piece_spans.push(span);
                }
            }
        }
        for piece in &mut pieces {
            piece.text = logical_text(&piece.glyphs);
        }
        if hyphen && !self.rtl {
            if let Some((piece, span)) = pieces.last_mut().zip(piece_spans.last()) {
                let face = self.paragraph.spans[*span].face;
                let mut mark = Piece::simple(self.fonts, "-", face, piece.size, 0.0);
                let rise = piece.glyphs.first().map_or(0.0, |g| g.rise);
                for mut glyph in mark.glyphs.drain(..) {
                    glyph.x += piece.x + piece.width;
                    glyph.rise = rise;
                    glyph.cluster = range.end;
                    piece.glyphs.push(glyph);
                }
                piece.width += mark.width;
                piece.text.push('-');
            }
        }
        let mut notes = Vec::new();
        for note in pieces.iter().filter_map(|p| p.note) {
            if !notes.contains(&note) {
                notes.push(note);
            }
        }
        Some(Line {
            x: 0.0,
            pieces,
            notes,
            rtl: self.rtl,
            element: 0,
        })
    }

    /// The glyphs of `range` in visual order, each with its pen position
    /// and advance (a glyph's `x` adds its own offset to the pen).
    fn visual_glyphs(&self, range: Range<usize>, spread: f32) -> Vec<(PlacedGlyph, f32, f32)> {
        let text = self.paragraph.text.as_str();
        // (visual run, right to left) in visual order.
        let runs: Vec<(Range<usize>, bool)> = match self.bidi {
            None => vec![(range, false)],
            Some(bidi) => {
                let Some(paragraph) = bidi
                    .paragraphs
                    .iter()
                    .find(|p| p.range.contains(&range.start))
                else {
                    return Vec::new();
                };
                let line = range.start..range.end.min(paragraph.range.end);
                let (levels, runs) = bidi.visual_runs(paragraph, line);
                runs.into_iter()
                    .map(|run| {
                        let rtl = levels.get(run.start).is_some_and(|l| l.is_rtl());
                        (run, rtl)
                    })
                    .collect()
            }
        };
        let mut out = Vec::new();
        let mut pen = 0.0;
        for (visual, rtl) in runs {
            let mut shaped: Vec<_> = self
                .shaped
                .runs
                .iter()
                .filter(|r| r.range.start < visual.end && visual.start < r.range.end)
                .collect();
            if rtl {
                shaped.reverse();
            }
            for run in shaped {
                let glyphs: Box<dyn Iterator<Item = _>> = if run.rtl == rtl {
                    Box::new(run.glyphs.iter())
                } else {
                    Box::new(run.glyphs.iter().rev())
                };
                for glyph in glyphs.filter(|g| visual.contains(&g.cluster)) {
                    let end = self.shaped.cluster_end(glyph.cluster);
                    let cluster_text = &text[glyph.cluster..end];
                    let advance = if matches!(cluster_text, " " | "\t") {
                        glyph.advance * spread
                    } else {
                        glyph.advance
                    };
                    let span = self.paragraph.span_at(glyph.cluster);
                    let rise = span_size(&self.paragraph.spans[span], self.size).1;
                    let glyph_count = self.shaped.glyph_count(glyph.cluster);
                    out.push((
                        PlacedGlyph {
                            font: glyph.font,
                            id: glyph.id,
                            size: glyph.size,
                            x: pen + glyph.x_offset,
                            rise: rise + glyph.y_offset,
                            cluster: glyph.cluster,
                            text: cluster_text.to_owned(),
                            composite: glyph_count != 1 || cluster_text.chars().count() != 1,
                        },
                        pen,
                        advance,
                    ));
                    pen += advance;
                }
            }
        }
        out
    }
}

/// The text of `glyphs` in logical order, each cluster once.
fn logical_text(glyphs: &[PlacedGlyph]) -> String {
    let mut clusters: Vec<(usize, &str)> = glyphs
        .iter()
        .map(|g| (g.cluster, g.text.as_str()))
        .collect();
    // Left-to-right pieces come in order already.
    if !clusters.is_sorted_by_key(|(cluster, _)| *cluster) {
        clusters.sort_by_key(|(cluster, _)| *cluster);
    }
    clusters.dedup_by_key(|(cluster, _)| *cluster);
    clusters.into_iter().map(|(_, text)| text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::pdf::fonts::SystemFonts;

    fn text_of(line: &Line) -> String {
        line.pieces
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn justified_lines_fill_the_width_except_the_last() {
        let system = SystemFonts::only(fontdb::Database::new());
        let mut chooser = Chooser::new(Fonts::get().unwrap(), &system);
        let text = "Shareholders request that the board prepare a report, at reasonable cost and omitting proprietary information, assessing the effectiveness of the company's human rights due diligence.";
        let lines = break_lines(
            &mut chooser,
            &[Span::plain(text, Face::Regular)],
            12.0,
            200.0,
            true,
            "en",
        );
        assert!(lines.len() >= 4, "{lines:?}");
        for line in &lines[..lines.len() - 1] {
            let last = line.pieces.last().unwrap();
            assert!(
                (last.x + last.width - 200.0).abs() < 0.5,
                "line ends at {}: {}",
                last.x + last.width,
                text_of(line)
            );
        }
        let last = lines.last().unwrap().pieces.last().unwrap();
        assert!(last.x + last.width < 199.0, "the last line is ragged");
    }

    #[test]
    fn no_break_at_no_break_spaces() {
        let system = SystemFonts::only(fontdb::Database::new());
        let mut chooser = Chooser::new(Fonts::get().unwrap(), &system);
        let text = "«\u{202F}Unité\u{00A0}8200\u{202F}» «\u{202F}Unité\u{00A0}8200\u{202F}» «\u{202F}Unité\u{00A0}8200\u{202F}»";
        for width in [60.0, 80.0, 120.0] {
            for line in break_lines(
                &mut chooser,
                &[Span::plain(text, Face::Regular)],
                12.0,
                width,
                true,
                "fr",
            ) {
                let t: String = line.pieces.iter().map(|p| p.text.as_str()).collect();
                assert!(
                    !t.starts_with('»') && !t.ends_with('«') && !t.starts_with("8200"),
                    "bad break: {t:?}"
                );
            }
        }
    }

    #[test]
    fn plain_spaces_inside_guillemets_do_not_break() {
        let system = SystemFonts::only(fontdb::Database::new());
        let mut chooser = Chooser::new(Fonts::get().unwrap(), &system);
        let text = "une agence « Unité 8200 » (« Unit 8200 ») et « une autre » : voilà ; encore « un mot » !";
        for width in [70.0, 90.0, 130.0, 200.0] {
            for line in break_lines(
                &mut chooser,
                &[Span::plain(text, Face::Regular)],
                12.0,
                width,
                true,
                "fr",
            ) {
                let t: String = line
                    .pieces
                    .iter()
                    .map(|p| p.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                assert!(
                    !t.ends_with('«')
                        && !t.starts_with('»')
                        && !t.starts_with(':')
                        && !t.starts_with('!'),
                    "bad break at {width}: {t:?}"
                );
            }
        }
    }

    #[test]
    fn empty_text_makes_no_lines() {
        let system = SystemFonts::only(fontdb::Database::new());
        let mut chooser = Chooser::new(Fonts::get().unwrap(), &system);
        assert!(break_lines(
            &mut chooser,
            &[Span::plain("", Face::Bold)],
            12.0,
            200.0,
            true,
            "en"
        )
        .is_empty());
        assert!(break_lines(&mut chooser, &[], 12.0, 200.0, true, "en").is_empty());
    }

    #[test]
    fn long_words_are_hyphenated_when_narrow() {
        let system = SystemFonts::only(fontdb::Database::new());
        let mut chooser = Chooser::new(Fonts::get().unwrap(), &system);
        let text = "responsibilities internationalization extraordinarily characteristically";
        let lines = break_lines(
            &mut chooser,
            &[Span::plain(text, Face::Regular)],
            12.0,
            110.0,
            true,
            "en",
        );
        assert!(
            lines
                .iter()
                .any(|l| l.pieces.last().unwrap().text.ends_with('-')),
            "{lines:?}"
        );
    }
}
