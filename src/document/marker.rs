//! Citation markers: how `cite()` leaves a footnote in the composed Markdown.
//!
//! A marker is a call index between two private-use characters, which no
//! Markdown syntax touches. Answers are stripped of these characters before
//! rendering, so a drafter cannot forge a citation.

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

pub fn make(call_index: usize) -> String {
    format!("{OPEN}{call_index}{CLOSE}")
}

/// Removes marker characters from untrusted text.
pub fn strip(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains([OPEN, CLOSE]) {
        text.replace([OPEN, CLOSE], "").into()
    } else {
        text.into()
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Citation(usize),
}

/// Splits text into plain runs and citation markers, in order.
pub fn split(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(OPEN) {
        let after = &rest[open + OPEN.len_utf8()..];
        let Some(close) = after.find(CLOSE) else {
            break;
        };
        match after[..close].parse::<usize>() {
            Ok(index) => {
                pieces.push(Piece::Text(&rest[..open]));
                pieces.push(Piece::Citation(index));
            }
            // Not one of ours: keep the text as it is, minus the private-use characters.
            Err(_) => pieces.push(Piece::Text(&rest[..open])),
        }
        rest = &after[close + CLOSE.len_utf8()..];
    }
    pieces.push(Piece::Text(rest));
    pieces.retain(|p| *p != Piece::Text(""));
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let text = format!("a{}b{}", make(3), make(10));
        assert_eq!(
            split(&text),
            vec![
                Piece::Text("a"),
                Piece::Citation(3),
                Piece::Text("b"),
                Piece::Citation(10)
            ]
        );
        assert_eq!(strip(&text), "a3b10");
    }
}
