//! Text direction, shared by the three back ends so that they agree on which
//! paragraphs are set right to left and which runs are right-to-left text.

use unicode_bidi::{bidi_class, BidiClass};

/// A strongly right-to-left character (Hebrew, Arabic, Syriac, Thaana…).
/// None comes before Hebrew (U+0590): most text never reaches the table.
pub fn is_rtl(c: char) -> bool {
    c >= '\u{0590}' && matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

fn is_ltr(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        bidi_class(c) == BidiClass::L
    }
}

/// Whether `text` needs the bidirectional algorithm at all: it has a
/// right-to-left letter or an explicit direction mark.
pub fn needs_bidi(text: &str) -> bool {
    text.chars().any(|c| {
        is_rtl(c) || matches!(c, '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

/// Whether `text` has any right-to-left letter.
pub fn has_rtl(text: &str) -> bool {
    text.chars().any(is_rtl)
}

/// Whether most strongly directional letters of `text` are right to left:
/// such a paragraph is set right to left and aligned right. Counting, rather
/// than taking the first letter as UAX #9 does by default, keeps an English
/// paragraph that opens with a Hebrew name left to right.
pub fn mainly_rtl(text: &str) -> bool {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in text.chars() {
        if is_rtl(c) {
            rtl += 1;
        } else if is_ltr(c) {
            ltr += 1;
        }
    }
    rtl > ltr
}

/// Splits `text` into pieces that are right-to-left text or not, for formats
/// that mark right-to-left runs (DOCX). Spaces and punctuation between two
/// right-to-left words stay with them; digits and Latin letters never do.
pub fn rtl_segments(text: &str) -> Vec<(&str, bool)> {
    // Most text has no right-to-left letter: one piece, found without
    // looking up the class of every character.
    if !has_rtl(text) {
        return if text.is_empty() {
            Vec::new()
        } else {
            vec![(text, false)]
        };
    }
    let mut segments: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut current: Option<bool> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, (at, c)) in chars.iter().enumerate() {
        let rtl = if is_rtl(*c) {
            true
        } else if is_neutral(*c) {
            // A neutral between right-to-left letters belongs to them.
            let next_rtl = chars[i + 1..]
                .iter()
                .find(|(_, n)| !is_neutral(*n))
                .is_some_and(|(_, n)| is_rtl(*n));
            current == Some(true) && next_rtl
        } else {
            false
        };
        match current {
            Some(previous) if previous != rtl => {
                segments.push((&text[start..*at], previous));
                start = *at;
            }
            _ => {}
        }
        current = Some(rtl);
    }
    if let Some(rtl) = current {
        segments.push((&text[start..], rtl));
    }
    segments
}

fn is_neutral(c: char) -> bool {
    matches!(
        bidi_class(c),
        BidiClass::WS | BidiClass::ON | BidiClass::CS | BidiClass::NSM | BidiClass::BN
    )
}

/// The BCP 47 tag DOCX records for right-to-left text in this run.
pub fn rtl_language(text: &str) -> &'static str {
    let arabic = text
        .chars()
        .any(|c| matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF));
    if arabic {
        "ar-SA"
    } else {
        "he-IL"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_follows_most_letters() {
        assert!(mainly_rtl("שלום עולם, hello"));
        assert!(!mainly_rtl("שלום and a longer English sentence"));
        assert!(mainly_rtl("مرحبا بالعالم"));
        assert!(!mainly_rtl("12 345"));
    }

    #[test]
    fn segments_keep_spaces_between_hebrew_words() {
        assert_eq!(
            rtl_segments("Marie שלום עולם 2026 «שיחה מקומית»"),
            vec![
                ("Marie ", false),
                ("שלום עולם", true),
                (" 2026 «", false),
                ("שיחה מקומית", true),
                ("»", false),
            ]
        );
        assert_eq!(rtl_segments(""), vec![]);
        assert_eq!(
            rtl_segments("« No Hebrew, 2026 »"),
            vec![("« No Hebrew, 2026 »", false)]
        );
        assert_eq!(rtl_language("مرحبا"), "ar-SA");
        assert_eq!(rtl_language("שלום"), "he-IL");
    }
}
