//! Word counts the way the filing rules count.
//!
//! Method (documented for drafters): a word is a run of characters between
//! spaces that contains a letter or digit; a hyphenated compound
//! ("conflict-affected"), a number ("$25,000", "2026") and an abbreviation
//! ("U.S.") are one word each; dashes and slashes separate words. Rule 14a-8
//! counts the proposal and its supporting statement together, and "words in
//! graphics count" (shared/DOMAIN.md); to be safe the count includes the
//! title and the text of citation footnotes, and shows them apart.

use crate::document::{Document, Inline};
use crate::text::count_words;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordCount {
    pub body: usize,
    pub notes: usize,
}

impl WordCount {
    pub fn total(self) -> usize {
        self.body + self.notes
    }
}

/// The words of one block of text, by the method above.
pub fn count_block(inlines: &[Inline]) -> usize {
    count_words(&Inline::plain_text(inlines))
}

pub fn count(document: &Document) -> WordCount {
    let words = count_block;
    let body = document.inline_blocks().into_iter().map(words).sum();
    let notes = document
        .footnotes
        .iter()
        .flat_map(|n| n.paragraphs.iter())
        .map(|p| words(p))
        .sum();
    WordCount { body, notes }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{parse::parse, Metadata};

    #[test]
    fn body_and_notes_are_counted_apart() {
        let doc = parse("# A Title\n\nThe U.S. company's conflict-affected contracts — $25,000.[^a]\n\n[^a]: Source, 2025.", Metadata::default()).document;
        assert_eq!(count(&doc), WordCount { body: 8, notes: 2 });
    }
}
