//! Shaping: a paragraph's text becomes positioned glyphs with rustybuzz
//! (HarfBuzz's algorithm), run by run of one style, font, script and
//! direction: kerning, ligatures, Arabic joining forms and mark positions.
//! The paragraph is shaped once; line breaking then measures any stretch of
//! it by the advances of the glyphs whose clusters fall in it.

use std::ops::Range;

use rustybuzz::{Direction, UnicodeBuffer};
use unicode_bidi::Level;
use unicode_script::{Script, UnicodeScript};

use super::fonts::{is_pictographic, Chooser, Face, Font};

/// A glyph as shaped, in points.
#[derive(Debug, Clone)]
pub struct Glyph {
    pub font: &'static Font,
    pub id: u16,
    pub size: f32,
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    /// The paragraph byte where the glyph's cluster starts.
    pub cluster: usize,
}

/// Glyphs of one run, in visual order (right to left runs come reversed).
#[derive(Debug, Clone)]
pub struct Run {
    pub range: Range<usize>,
    pub rtl: bool,
    pub glyphs: Vec<Glyph>,
}

/// A styled stretch of the paragraph: its face and type size.
#[derive(Debug, Clone)]
pub struct Style {
    pub range: Range<usize>,
    pub face: Face,
    pub size: f32,
}

#[derive(Debug)]
pub struct Shaped {
    pub runs: Vec<Run>,
    /// Sum of the advances of the clusters before each byte.
    prefix: Vec<f32>,
    /// Whether a cluster starts at each byte (line breaks go only there).
    boundary: Vec<bool>,
    /// The end of the cluster starting at each byte.
    cluster_ends: Vec<usize>,
    /// How many glyphs the cluster starting at each byte has.
    glyph_counts: Vec<u16>,
}

impl Shaped {
    /// Width in points of the clusters that start in `range`.
    pub fn width(&self, range: Range<usize>) -> f32 {
        let end = range.end.min(self.prefix.len() - 1);
        let start = range.start.min(end);
        self.prefix[end] - self.prefix[start]
    }

    /// Whether a line may end at `byte` without cutting a ligature or a
    /// letter from its marks.
    pub fn is_boundary(&self, byte: usize) -> bool {
        self.boundary.get(byte).copied().unwrap_or(true)
    }

    /// The byte where the cluster starting at `cluster` ends.
    pub fn cluster_end(&self, cluster: usize) -> usize {
        self.cluster_ends
            .get(cluster)
            .copied()
            .unwrap_or(self.boundary.len() - 1)
    }

    /// How many glyphs the cluster starting at `cluster` has.
    pub fn glyph_count(&self, cluster: usize) -> usize {
        usize::from(self.glyph_counts.get(cluster).copied().unwrap_or(1))
    }
}

/// Shapes `text`. `levels` are the bidi embedding levels of each byte
/// (empty when the text is all left to right);
/// characters no font has are set in Liberation Serif (they were reported
/// before layout, see `super::check_glyphs`).
pub fn shape(
    text: &str,
    styles: &[Style],
    levels: &[Level],
    language: &str,
    chooser: &mut Chooser,
) -> Shaped {
    let fonts = assign_fonts(text, styles, chooser);
    let scripts = assign_scripts(text);
    let mut runs = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, (at, _)) in chars.iter().enumerate() {
        let next = chars.get(i + 1).map(|(b, _)| *b);
        let split = match next {
            None => true,
            Some(next) => {
                style_index(styles, *at) != style_index(styles, next)
                    || fonts[i].id != fonts[i + 1].id
                    || scripts[i] != scripts[i + 1]
                    || levels.get(*at).map(|l| l.is_rtl()) != levels.get(next).map(|l| l.is_rtl())
            }
        };
        if split {
            let end = next.unwrap_or(text.len());
            let style = &styles[style_index(styles, start)];
            let rtl = levels.get(start).is_some_and(|l| l.is_rtl());
            runs.push(shape_run(
                text,
                start..end,
                fonts[i],
                style.size,
                scripts[i],
                rtl,
                language,
            ));
            start = end;
        }
    }
    let mut advance_at = vec![0.0f32; text.len() + 1];
    let mut boundary = vec![false; text.len() + 1];
    let mut glyph_counts = vec![0u16; text.len() + 1];
    boundary[text.len()] = true;
    for run in &runs {
        for glyph in &run.glyphs {
            advance_at[glyph.cluster] += glyph.advance;
            boundary[glyph.cluster] = true;
            glyph_counts[glyph.cluster] = glyph_counts[glyph.cluster].saturating_add(1);
        }
    }
    let mut cluster_ends = vec![text.len(); text.len() + 1];
    let mut next = text.len();
    for byte in (0..text.len()).rev() {
        cluster_ends[byte] = next;
        if boundary[byte] {
            next = byte;
        }
    }
    let mut prefix = Vec::with_capacity(text.len() + 1);
    let mut sum = 0.0;
    for advance in &advance_at {
        prefix.push(sum);
        sum += advance;
    }
    Shaped {
        runs,
        prefix,
        boundary,
        cluster_ends,
        glyph_counts,
    }
}

fn style_index(styles: &[Style], byte: usize) -> usize {
    styles
        .iter()
        .position(|s| s.range.contains(&byte))
        .unwrap_or(styles.len().saturating_sub(1))
}

/// The font of each character: letters take the first font that has them;
/// marks and joiners stay with the letter before; spaces and punctuation
/// between two letters of one font take that font, else Liberation's.
fn assign_fonts(text: &str, styles: &[Style], chooser: &mut Chooser) -> Vec<&'static Font> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let face_at = |byte: usize| {
        styles
            .get(style_index(styles, byte))
            .map_or(Face::Regular, |s| s.face)
    };
    let mut fonts: Vec<Option<&'static Font>> = chars
        .iter()
        .map(|(at, c)| {
            if is_shared(*c) {
                None
            } else {
                chooser.font_for(*c, face_at(*at))
            }
        })
        .collect();
    for i in 0..chars.len() {
        if fonts[i].is_some() {
            continue;
        }
        let (at, c) = chars[i];
        let primary = chooser.fonts().primary(face_at(at));
        let before = fonts[..i].iter().rev().flatten().next().copied();
        let after = fonts[i + 1..].iter().flatten().next().copied();
        let inherited = script_of(c) == Script::Inherited || is_joiner(c);
        let chosen = match (before, after) {
            (Some(b), _) if inherited && b.has(c) => b,
            (Some(b), Some(a)) if b == a && b.has(c) => b,
            _ if primary.has(c) || c.is_control() => primary,
            _ => chooser.font_for(c, face_at(at)).unwrap_or(primary),
        };
        fonts[i] = Some(chosen);
    }
    fonts
        .into_iter()
        .zip(&chars)
        .map(|(font, (at, _))| font.unwrap_or_else(|| chooser.fonts().primary(face_at(*at))))
        .collect()
}

/// Characters that belong to no script of their own and follow their
/// neighbours' font: spaces, punctuation, digits, marks, joiners.
fn is_shared(c: char) -> bool {
    matches!(script_of(c), Script::Common | Script::Inherited) && !is_pictographic(c)
        || is_joiner(c)
}

/// The script of `c`, without a table lookup for ASCII (most of the text).
pub fn script_of(c: char) -> Script {
    if c.is_ascii() {
        if c.is_ascii_alphabetic() {
            Script::Latin
        } else {
            Script::Common
        }
    } else {
        c.script()
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}')
}

/// The script of each character, common ones taking their neighbours'.
fn assign_scripts(text: &str) -> Vec<Script> {
    let mut scripts: Vec<Script> = text.chars().map(script_of).collect();
    let mut last = None;
    for script in scripts.iter_mut() {
        if matches!(*script, Script::Common | Script::Inherited) {
            if let Some(previous) = last {
                *script = previous;
            }
        } else {
            last = Some(*script);
        }
    }
    // Common characters at the start take the first real script.
    if let Some(first) = scripts
        .iter()
        .copied()
        .find(|s| !matches!(s, Script::Common | Script::Inherited))
    {
        for script in scripts.iter_mut() {
            if matches!(*script, Script::Common | Script::Inherited) {
                *script = first;
            } else {
                break;
            }
        }
    }
    scripts
}

const NO_OPTIONAL_LIGATURES: [rustybuzz::Feature; 2] = [
    rustybuzz::Feature {
        tag: rustybuzz::ttf_parser::Tag::from_bytes(b"liga"),
        value: 0,
        start: 0,
        end: u32::MAX,
    },
    rustybuzz::Feature {
        tag: rustybuzz::ttf_parser::Tag::from_bytes(b"dlig"),
        value: 0,
        start: 0,
        end: u32::MAX,
    },
];

fn shape_run(
    text: &str,
    range: Range<usize>,
    font: &'static Font,
    size: f32,
    script: Script,
    rtl: bool,
    language: &str,
) -> Run {
    let mut buffer = UnicodeBuffer::new();
    // Control characters (line breaks, tabs) are set as spaces: the byte
    // lengths match, so clusters still point into the paragraph.
    let piece: String = text[range.clone()]
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    buffer.push_str(&piece);
    buffer.set_direction(if rtl {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    });
    if let Some(script) = rustybuzz::Script::from_iso15924_tag(
        rustybuzz::ttf_parser::Tag::from_bytes_lossy(script.short_name().as_bytes()),
    ) {
        buffer.set_script(script);
    }
    if script == Script::Latin {
        if let Ok(language) = language.parse::<rustybuzz::Language>() {
            buffer.set_language(language);
        }
    }
    // Right to left, optional ligatures are left out: poppler (pdftotext,
    // Evince, Okular) reverses the characters a glyph stands for in
    // right-to-left text, so the Allah ligature of Noto Naskh, «الله»,
    // copied as «اهلل». Required forms (lam-alef, joining) stay: they map
    // one glyph to one character.
    let features: &[rustybuzz::Feature] = if rtl { &NO_OPTIONAL_LIGATURES } else { &[] };
    let shaped = rustybuzz::shape(font.shaper(), features, buffer);
    let scale = font.scale(size);
    let glyphs = shaped
        .glyph_infos()
        .iter()
        .zip(shaped.glyph_positions())
        .map(|(info, position)| Glyph {
            font,
            // Glyph ids of TrueType and OpenType fonts are 16-bit.
            id: u16::try_from(info.glyph_id).unwrap_or(0),
            size,
            advance: position.x_advance as f32 * scale,
            x_offset: position.x_offset as f32 * scale,
            y_offset: position.y_offset as f32 * scale,
            cluster: range.start + info.cluster as usize,
        })
        .collect();
    Run { range, rtl, glyphs }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::pdf::fonts::{Fonts, SystemFonts};

    fn shaped(text: &str, rtl: bool) -> Shaped {
        let fonts = Fonts::get().unwrap();
        let system = SystemFonts::only(fontdb::Database::new());
        let mut chooser = Chooser::new(fonts, &system);
        let level = if rtl { Level::rtl() } else { Level::ltr() };
        let styles = [Style {
            range: 0..text.len(),
            face: Face::Regular,
            size: 12.0,
        }];
        shape(text, &styles, &vec![level; text.len()], "en", &mut chooser)
    }

    #[test]
    fn kerning_narrows_av() {
        let fonts = Fonts::get().unwrap();
        let font = fonts.primary(Face::Regular);
        let nominal = font.advance('A', 12.0).unwrap() + font.advance('V', 12.0).unwrap();
        let kerned = shaped("AV", false).width(0..2);
        assert!(kerned < nominal - 0.1, "{kerned} vs {nominal}");
    }

    #[test]
    fn hebrew_comes_reversed() {
        let text = "שלום עולם";
        let shaped = shaped(text, true);
        assert_eq!(shaped.runs.len(), 1, "{:?}", shaped.runs);
        let run = &shaped.runs[0];
        // Liberation Serif has Hebrew.
        assert_eq!(run.glyphs[0].font.family, "Liberation Serif");
        // Visual order: the last letter first.
        assert!(run.glyphs[0].cluster > run.glyphs.last().unwrap().cluster);
    }

    #[test]
    fn arabic_letters_join() {
        let text = "مرحبا";
        let shaped = shaped(text, true);
        let font = shaped.runs[0].glyphs[0].font;
        assert_eq!(font.family, "Noto Naskh Arabic");
        // Joined forms are other glyphs than the letters' isolated ones.
        let isolated: Vec<u16> = text
            .chars()
            .map(|c| font.shaper().glyph_index(c).unwrap().0)
            .collect();
        let ids: Vec<u16> = shaped.runs[0].glyphs.iter().map(|g| g.id).collect();
        assert!(
            ids.iter().any(|id| !isolated.contains(id)),
            "{ids:?} {isolated:?}"
        );
    }
}
