//! Line breaking: a paragraph's styled text becomes justified lines.
//!
//! Break opportunities follow Unicode's line-breaking algorithm (UAX #14,
//! so no break at U+00A0 or U+202F); words are hyphenated in English and
//! French; the breaks are chosen by Knuth and Plass's total-fit algorithm
//! over boxes, glue and penalties, using the font's real advance widths.

use std::collections::HashMap;
use std::sync::LazyLock;

use hyphenation::{Hyphenator, Language, Load, Standard};
use paragraph_breaker::{standard_fit, total_fit, Item, INFINITE_PENALTY};
use unicode_linebreak::{linebreaks, BreakOpportunity};

use super::fonts::{Face, Fonts};

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq)]
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

/// Text placed on a line, `x` from the line's start, in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub x: f32,
    pub width: f32,
    pub text: String,
    pub face: Face,
    pub size: f32,
    /// Baseline shift upwards (superscripts).
    pub rise: f32,
    pub link: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Where the line starts on the page (set by the layout).
    pub x: f32,
    pub pieces: Vec<Piece>,
    /// Footnotes whose marks are on this line.
    pub notes: Vec<usize>,
}

/// Superscripts: size and rise relative to the text size.
const SUPERSCRIPT_SCALE: f32 = 0.62;
const SUPERSCRIPT_RISE: f32 = 0.36;
/// Words shorter than this are never hyphenated.
const MIN_HYPHENATED_WORD: usize = 6;
/// Cost of a hyphen, and of breaking where no space is (after a slash in a URL).
const HYPHEN_PENALTY: i32 = 50;
const SPACELESS_BREAK_PENALTY: i32 = 100;

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
    text: String,
    span: usize,
}

/// Breaks `spans` into lines `width` points wide at `size` points.
/// `justify` spreads the spaces of every line but the last.
pub fn break_lines(
    fonts: &Fonts,
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
    let spans = spans.as_slice();
    let (items, fragments) = build_items(fonts, spans, size, language);
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
        lines.push(make_line(
            fonts,
            spans,
            size,
            &items[start..end],
            &fragments,
            ratio,
            hyphen,
        ));
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
    lines.retain(|l| !l.pieces.is_empty());
    lines
}

fn span_size(span: &Span, size: f32) -> (f32, f32) {
    if span.superscript {
        (size * SUPERSCRIPT_SCALE, size * SUPERSCRIPT_RISE)
    } else {
        (size, 0.0)
    }
}

fn build_items(
    fonts: &Fonts,
    spans: &[Span],
    size: f32,
    language: &str,
) -> (Vec<Item<usize>>, Vec<Fragment>) {
    let mut full = String::new();
    let mut owner = Vec::new(); // span index of each byte range start
    for (index, span) in spans.iter().enumerate() {
        owner.push((full.len(), index));
        full.push_str(&span.text);
    }
    let span_at = |byte: usize| {
        owner
            .iter()
            .rev()
            .find(|(start, _)| *start <= byte)
            .map_or(0, |(_, i)| *i)
    };
    let hyphenator = HYPHENATORS.get(language.split('-').next().unwrap_or_default());

    let mut items = Vec::new();
    let mut fragments = Vec::new();
    let mut segment_start = 0;
    for (end, opportunity) in linebreaks(&full) {
        let segment = &full[segment_start..end];
        let content = segment.trim_end_matches([' ', '\n', '\r', '\t']);
        let content_end = segment_start + content.len();
        // The word itself, split where spans change.
        let mut at = segment_start;
        while at < content_end {
            let span = span_at(at);
            let span_end = owner
                .get(span + 1)
                .map_or(full.len(), |(s, _)| *s)
                .min(content_end);
            push_word(
                fonts,
                spans,
                span,
                &full[at..span_end],
                size,
                hyphenator,
                &mut items,
                &mut fragments,
            );
            at = span_end;
        }
        let trailing = &segment[content.len()..];
        let face_span = span_at(segment_start.max(content_end.saturating_sub(1)));
        let (space_size, _) = span_size(&spans[face_span], size);
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
                let space = fonts.width(spans[face_span].face, space_size, " ");
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
                    stretch: units(space * 0.6),
                    shrink: units(space * 0.3),
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

#[allow(clippy::too_many_arguments)]
fn push_word(
    fonts: &Fonts,
    spans: &[Span],
    span: usize,
    word: &str,
    size: f32,
    hyphenator: Option<&Standard>,
    items: &mut Vec<Item<usize>>,
    fragments: &mut Vec<Fragment>,
) {
    let style = &spans[span];
    let (size, _) = span_size(style, size);
    let mut push_box = |text: &str, items: &mut Vec<Item<usize>>| {
        fragments.push(Fragment {
            text: text.to_owned(),
            span,
        });
        items.push(Item::Box {
            width: units(fonts.width(style.face, size, text)),
            data: fragments.len() - 1,
        });
    };
    let hyphen_points = match hyphenator {
        Some(h)
            if !style.superscript
                && style.link.is_none()
                && word.chars().count() >= MIN_HYPHENATED_WORD =>
        {
            let lower = word.to_lowercase();
            if lower.len() == word.len() && word.chars().all(char::is_alphabetic) {
                h.hyphenate(&lower).breaks
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    };
    let hyphen = units(fonts.width(style.face, size, "-"));
    let mut start = 0;
    for point in hyphen_points
        .into_iter()
        .filter(|p| word.is_char_boundary(*p))
    {
        push_box(&word[start..point], items);
        items.push(Item::Penalty {
            width: hyphen,
            penalty: HYPHEN_PENALTY,
            flagged: true,
        });
        start = point;
    }
    push_box(&word[start..], items);
}

fn make_line(
    fonts: &Fonts,
    spans: &[Span],
    size: f32,
    items: &[Item<usize>],
    fragments: &[Fragment],
    ratio: f32,
    hyphen: bool,
) -> Line {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut notes = Vec::new();
    let mut x = 0.0;
    let mut last_span = None;
    for item in items {
        match item {
            Item::Box { width, data } => {
                let fragment = &fragments[*data];
                let span = &spans[fragment.span];
                let (piece_size, rise) = span_size(span, size);
                let width = *width as f32 / 1000.0;
                if let Some(note) = span.note {
                    if !notes.contains(&note) {
                        notes.push(note);
                    }
                }
                match pieces.last_mut() {
                    // Contiguous text in the same style becomes one piece.
                    Some(last)
                        if last_span == Some(fragment.span)
                            && (last.x + last.width - x).abs() < 0.001 =>
                    {
                        last.text.push_str(&fragment.text);
                        last.width += width;
                    }
                    _ => pieces.push(Piece {
                        x,
                        width,
                        text: fragment.text.clone(),
                        face: span.face,
                        size: piece_size,
                        rise,
                        link: span.link.clone(),
                    }),
                }
                last_span = Some(fragment.span);
                x += width;
            }
            Item::Glue {
                width,
                stretch,
                shrink,
            } => {
                let adjust = if ratio >= 0.0 {
                    ratio * *stretch as f32
                } else {
                    ratio * *shrink as f32
                };
                // The paragraph's final glue stretches without limit: never spread by it.
                if *stretch < units(1000.0) {
                    x += (*width as f32 + adjust) / 1000.0;
                }
                last_span = None;
            }
            Item::Penalty { .. } => {}
        }
    }
    if hyphen {
        if let Some(last) = pieces.last_mut() {
            last.text.push('-');
            last.width += fonts.width(last.face, last.size, "-");
        }
    }
    Line {
        x: 0.0,
        pieces,
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(line: &Line) -> String {
        line.pieces
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn justified_lines_fill_the_width_except_the_last() {
        let fonts = Fonts::get().unwrap();
        let text = "Shareholders request that the board prepare a report, at reasonable cost and omitting proprietary information, assessing the effectiveness of the company's human rights due diligence.";
        let lines = break_lines(
            fonts,
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
        let fonts = Fonts::get().unwrap();
        let text = "«\u{202F}Unité\u{00A0}8200\u{202F}» «\u{202F}Unité\u{00A0}8200\u{202F}» «\u{202F}Unité\u{00A0}8200\u{202F}»";
        for width in [60.0, 80.0, 120.0] {
            for line in break_lines(
                fonts,
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
        let fonts = Fonts::get().unwrap();
        let text = "une agence « Unité 8200 » (« Unit 8200 ») et « une autre » : voilà ; encore « un mot » !";
        for width in [70.0, 90.0, 130.0, 200.0] {
            for line in break_lines(
                fonts,
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
        let fonts = Fonts::get().unwrap();
        assert!(break_lines(
            fonts,
            &[Span::plain("", Face::Bold)],
            12.0,
            200.0,
            true,
            "en"
        )
        .is_empty());
        assert!(break_lines(fonts, &[], 12.0, 200.0, true, "en").is_empty());
    }

    #[test]
    fn long_words_are_hyphenated_when_narrow() {
        let fonts = Fonts::get().unwrap();
        let text = "responsibilities internationalization extraordinarily characteristically";
        let lines = break_lines(
            fonts,
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
