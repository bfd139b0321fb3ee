//! What text Resolution Studio accepts, anywhere: answers, evidence,
//! template files, imports and the command line all ask this module. Text
//! that XML 1.0 cannot hold or a font cannot print is refused where it
//! enters, with where it is, so that no stored draft can produce a file
//! nobody can open: C0 and C1 control characters other than tab, line feed
//! and carriage return, and Unicode noncharacters (U+FDD0–U+FDEF and every
//! U+xxFFFE/U+xxFFFF). Also built for the browser, which checks as the
//! user types.

use std::borrow::Cow;

use serde_json::Value;

use crate::i18n::{msg, Message};

/// Whether `c` is refused.
pub fn forbidden(c: char) -> bool {
    let code = c as u32;
    (code < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
        || (0x7f..=0x9f).contains(&code)
        || (0xfdd0..=0xfdef).contains(&code)
        || code & 0xfffe == 0xfffe
}

/// Whether `byte` may begin a refused character in UTF-8: a C0 control
/// other than tab, line feed and carriage return, DEL, the lead byte of the
/// C1 controls (U+0080–U+009F are C2 80–C2 9F), of U+FDD0–U+FDEF and
/// U+FFFE/U+FFFF (EF …), and of every four-byte character (the other
/// noncharacters are above U+FFFF).
fn may_begin_forbidden(byte: u8) -> bool {
    (byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r'))
        || byte == 0x7f
        || byte == 0xc2
        || byte == 0xef
        || byte >= 0xf0
}

/// The first refused character of `text`: (line, column, character),
/// counted from 1.
pub fn first_forbidden(text: &str) -> Option<(usize, usize, char)> {
    // Every text of the evidence library is checked as it loads, on the
    // way to every document: a pass over the bytes clears most text without
    // decoding it or counting lines.
    if !text.bytes().any(may_begin_forbidden) {
        return None;
    }
    let (mut line, mut column) = (1, 1);
    for c in text.chars() {
        if forbidden(c) {
            return Some((line, column, c));
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    None
}

/// What is wrong with `c`: "character U+0001 (a control character)
/// cannot be stored or printed: remove it".
pub fn describe(c: char) -> Message {
    msg!(
        "text-refused-character",
        code = code_of(c),
        kind = kind_of(c)
    )
}

/// `c` as its code point, "0001".
fn code_of(c: char) -> String {
    format!("{:04X}", c as u32)
}

/// Which of the two kinds of refused character `c` is, for the message's
/// selector.
fn kind_of(c: char) -> &'static str {
    if (c as u32) < 0xa0 {
        "control"
    } else {
        "noncharacter"
    }
}

/// Where the first refused character of `text` is and what it is:
/// "character U+0001 (a control character) at line 2, column 5 …", or
/// "… at position 5 …" in one-line text.
pub fn refusal(text: &str) -> Option<Message> {
    let (line, column, c) = first_forbidden(text)?;
    Some(if text.contains('\n') {
        msg!(
            "text-refused-character-at-line",
            code = code_of(c),
            kind = kind_of(c),
            line = line,
            column = column
        )
    } else {
        msg!(
            "text-refused-character-at-position",
            code = code_of(c),
            kind = kind_of(c),
            column = column
        )
    })
}

/// The first refused character in any text of a JSON value (an answer,
/// a source), with the path to it when nested ("item 2: …").
pub fn refusal_in(value: &Value) -> Option<Message> {
    match value {
        Value::String(text) => refusal(text),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            refusal_in(item).map(|m| msg!("text-in-item", index = i + 1, problem = m))
        }),
        Value::Object(map) => map.iter().find_map(|(key, item)| {
            refusal(key)
                .or_else(|| refusal_in(item))
                .map(|m| msg!("text-in-key", key = key.as_str(), problem = m))
        }),
        Value::Null | Value::Bool(_) | Value::Number(_) => None,
    }
}

/// `text` with every refused character replaced by U+FFFD: what the
/// writers do defensively with text that should never have reached them.
pub fn printable(text: &str) -> Cow<'_, str> {
    if text.bytes().any(may_begin_forbidden) && text.chars().any(forbidden) {
        Cow::Owned(
            text.chars()
                .map(|c| if forbidden(c) { '\u{fffd}' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// `text` with Windows (CR LF) and old Mac (CR) line ends as LF.
pub fn normalize_line_ends(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_noncharacters_are_refused_with_their_place() {
        for c in [
            '\u{0}',
            '\u{1}',
            '\u{8}',
            '\u{b}',
            '\u{c}',
            '\u{1f}',
            '\u{7f}',
            '\u{85}',
            '\u{9f}',
            '\u{fdd0}',
            '\u{fffe}',
            '\u{ffff}',
            '\u{1fffe}',
            '\u{10ffff}',
        ] {
            assert!(forbidden(c), "U+{:04X}", c as u32);
        }
        for c in [
            '\t', '\n', '\r', ' ', 'é', '«', '\u{a0}', '\u{202f}', 'ש', 'م', '😀', '\u{fffd}',
        ] {
            assert!(!forbidden(c), "U+{:04X}", c as u32);
        }
        let english = |m: Option<Message>| m.map(|m| m.to_string());
        assert_eq!(
            english(refusal("ab\u{1}c")).as_deref(),
            Some("character U+0001 (a control character) at position 3 cannot be stored or printed: remove it")
        );
        assert!(english(refusal("one\ntwo \u{fffe}"))
            .unwrap()
            .contains("U+FFFE (a Unicode noncharacter) at line 2, column 5"));
        assert_eq!(refusal("Marie-Œdile « Ünal » שלום"), None);
        let nested = serde_json::json!({"name": "ok", "items": ["fine", "bad\u{b}"]});
        let found = refusal_in(&nested).unwrap();
        assert!(found
            .to_string()
            .starts_with("`items`: item 2: character U+000B"));
        assert_eq!(
            found.words(crate::i18n::Lang::Fr),
            "`items`\u{202f}: élément 2\u{202f}: le caractère U+000B (un caractère de contrôle) à la position 4 ne peut être ni enregistré ni imprimé\u{202f}: supprimez-le"
        );
    }

    /// The pass over the bytes never clears a text that holds a refused
    /// character: checked for every character, alone and after text.
    #[test]
    fn the_quick_pass_misses_no_refused_character() {
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
            let alone = c.to_string();
            let found = first_forbidden(&alone).map(|(_, _, c)| c);
            assert_eq!(found, forbidden(c).then_some(c), "U+{:04X}", c as u32);
        }
        assert_eq!(
            first_forbidden("Müller « » \u{a0}\n\u{85}"),
            Some((2, 1, '\u{85}'))
        );
        assert_eq!(first_forbidden("Müller « » ©\t\r\n—\u{1F600}"), None);
    }

    #[test]
    fn writers_replace_what_slipped_through() {
        assert_eq!(printable("a\u{1}b\u{ffff}"), "a\u{fffd}b\u{fffd}");
        assert!(matches!(printable("fine"), Cow::Borrowed(_)));
    }

    #[test]
    fn line_ends_become_line_feeds() {
        assert_eq!(normalize_line_ends("a\r\nb\rc\n"), "a\nb\nc\n");
        assert!(matches!(normalize_line_ends("plain"), Cow::Borrowed(_)));
    }
}
