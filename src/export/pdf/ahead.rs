//! Lines broken ahead of the page layout.
//!
//! Breaking paragraphs into lines (shaping, hyphenation, the breaker) is
//! most of the layout's time, and a paragraph's lines depend only on its
//! spans and its measure: not on the page it lands on, nor on the notes. A
//! one-document process can therefore break the body's paragraphs on a
//! helper thread while the main one formats the citation notes
//! ([`super::break_ahead`]); the layout then takes the lines it finds here
//! instead of breaking them again. A paragraph is found only when
//! everything its breaking reads is equal, so the PDF is the same, byte for
//! byte, whether its lines were broken ahead or not.

use std::collections::HashMap;

use super::fonts::Chooser;
use super::lines::{break_lines, Line, Span};

/// Everything [`break_lines`] reads besides the fonts, which are the same
/// for every render in a process.
#[derive(Debug, PartialEq, Eq, Hash)]
struct BreakKey {
    spans: Vec<Span>,
    size: u32,
    width: u32,
    justify: bool,
    language: String,
}

/// Paragraphs already broken into lines, or a record of them being broken.
#[derive(Debug, Default)]
pub struct BrokenAhead {
    lines: HashMap<BreakKey, Vec<Line>>,
    recording: bool,
}

impl BrokenAhead {
    /// Records every paragraph broken through it.
    pub(super) fn recording() -> BrokenAhead {
        BrokenAhead {
            lines: HashMap::new(),
            recording: true,
        }
    }

    /// What was recorded, to be found by a later layout.
    pub(super) fn finished(self) -> BrokenAhead {
        BrokenAhead {
            lines: self.lines,
            recording: false,
        }
    }

    /// How many paragraphs are waiting to be found.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The lines of a paragraph: found if it was broken ahead, else broken
    /// now (and recorded, when recording).
    pub(super) fn break_lines(
        &mut self,
        chooser: &mut Chooser,
        spans: &[Span],
        size: f32,
        width: f32,
        justify: bool,
        language: &str,
    ) -> Vec<Line> {
        if self.lines.is_empty() && !self.recording {
            return break_lines(chooser, spans, size, width, justify, language);
        }
        let key = BreakKey {
            spans: spans.to_vec(),
            size: size.to_bits(),
            width: width.to_bits(),
            justify,
            language: language.to_owned(),
        };
        if self.recording {
            let lines = break_lines(chooser, spans, size, width, justify, language);
            self.lines.insert(key, lines.clone());
            return lines;
        }
        // Taken, not copied: each paragraph is laid out once.
        match self.lines.remove(&key) {
            Some(lines) => lines,
            None => break_lines(chooser, spans, size, width, justify, language),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::pdf::fonts::{Face, Fonts, SystemFonts};

    #[test]
    fn a_paragraph_broken_ahead_is_taken_once_and_another_is_broken_afresh() {
        let system = SystemFonts::only(fontdb::Database::new());
        let mut chooser = Chooser::new(Fonts::get().unwrap(), &system);
        let spans = vec![Span::plain(
            "The board should publish a report on its contracts in conflict-affected areas.",
            Face::Regular,
        )];
        let mut ahead = BrokenAhead::recording();
        let lines = ahead.break_lines(&mut chooser, &spans, 12.0, 120.0, true, "en");
        assert!(lines.len() > 2, "{} lines", lines.len());
        let mut ahead = ahead.finished();
        assert_eq!(ahead.len(), 1);
        // Marked, to tell the recorded lines from lines broken again.
        for recorded in ahead.lines.values_mut() {
            recorded.truncate(1);
        }
        let found = ahead.break_lines(&mut chooser, &spans, 12.0, 120.0, true, "en");
        assert_eq!(found.len(), 1, "the recorded lines are the ones taken");
        assert!(ahead.is_empty(), "taken, not copied");
        let again = ahead.break_lines(&mut chooser, &spans, 12.0, 120.0, true, "en");
        assert_eq!(again.len(), lines.len(), "once taken, broken afresh");
        let wider = ahead.break_lines(&mut chooser, &spans, 12.0, 400.0, true, "en");
        assert!(
            wider.len() < lines.len(),
            "another measure is another paragraph"
        );
    }
}
