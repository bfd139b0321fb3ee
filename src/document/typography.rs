//! Typographic punctuation: straight quotes, apostrophes, `--`, `---` and
//! `...` set as the document's language expects (English ’ “ ” – — …;
//! French « » with narrow no-break spaces inside, and a narrow no-break
//! space before ; : ! ?). Applied to the document model, so HTML, DOCX
//! and PDF agree; never inside code, web or email addresses, and a
//! template can turn it off (`document.typography: false`).

use super::{Block, Document, Inline};

const NARROW_NBSP: char = '\u{202F}';

/// Which conventions: French, or English for every other language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    English,
    French,
}

/// Sets the punctuation of every text of `document` (body and notes) as
/// its language expects.
pub fn apply(document: &mut Document) {
    let style = if document
        .metadata
        .language
        .to_ascii_lowercase()
        .starts_with("fr")
    {
        Style::French
    } else {
        Style::English
    };
    for block in &mut document.blocks {
        block_text(block, style);
    }
    for note in &mut document.footnotes {
        for paragraph in &mut note.paragraphs {
            inlines(paragraph, style, &mut None);
        }
    }
}

fn block_text(block: &mut Block, style: Style) {
    match block {
        Block::Title(content) | Block::Paragraph(content) | Block::Heading { content, .. } => {
            inlines(content, style, &mut None)
        }
        Block::List(list) => list
            .items
            .iter_mut()
            .flatten()
            .for_each(|b| block_text(b, style)),
        Block::Quote { blocks, .. } => blocks.iter_mut().for_each(|b| block_text(b, style)),
        Block::PageBreak | Block::Rule => {}
    }
}

/// `before`: the last character of the text before, across inline
/// boundaries (an emphasised word after an opening quote).
fn inlines(content: &mut [Inline], style: Style, before: &mut Option<char>) {
    for inline in content {
        match inline {
            Inline::Text(text) => {
                *text = smarten(text, style, *before);
                *before = text.chars().last().or(*before);
            }
            Inline::Emphasis(inner) | Inline::Strong(inner) => inlines(inner, style, before),
            Inline::Link { url, content } => {
                // A link whose text is its address keeps it as it is.
                if crate::document::Inline::plain_text(content).trim() != url.trim() {
                    inlines(content, style, before)
                }
            }
            Inline::Code(_) => *before = Some('x'),
            Inline::LineBreak => *before = Some(' '),
            Inline::NoteRef(_) => {}
        }
    }
}

/// `text` with its punctuation set; `before` is the character preceding it.
fn smarten(text: &str, style: Style, before: Option<char>) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (index, word) in split_keeping_spaces(text).into_iter().enumerate() {
        let previous = if index == 0 {
            before
        } else {
            out.chars().last()
        };
        if is_address(word) {
            out.push_str(word);
        } else {
            smarten_word(word, style, previous, &mut out);
        }
    }
    if style == Style::French {
        french_spaces(&out)
    } else {
        out
    }
}

/// Runs of non-whitespace and runs of whitespace, in order.
fn split_keeping_spaces(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut in_space = None;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if in_space.is_some_and(|s| s != space) {
            parts.push(&text[start..i]);
            start = i;
        }
        in_space = Some(space);
    }
    if start < text.len() {
        parts.push(&text[start..]);
    }
    parts
}

/// Web and email addresses, which keep their characters as typed.
fn is_address(word: &str) -> bool {
    word.contains("://") || word.starts_with("www.") || (word.contains('@') && word.contains('.'))
}

fn smarten_word(word: &str, style: Style, before: Option<char>, out: &mut String) {
    let chars: Vec<char> = word.chars().collect();
    let mut i = 0;
    let mut previous = before;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        // After a space, an opening bracket or dash, or another opening
        // quote (a quoted title inside a note's quotation marks).
        let opening = previous.is_none_or(|p| {
            p.is_whitespace() || "([{\u{2014}\u{2013}/-\u{201C}\u{2018}\u{AB}".contains(p)
        });
        let replacement: Option<String> = match c {
            '.' if chars.get(i + 1) == Some(&'.') && chars.get(i + 2) == Some(&'.') => {
                i += 2;
                Some("\u{2026}".into())
            }
            '-' if next == Some('-') && chars.get(i + 2) == Some(&'-') => {
                i += 2;
                Some("\u{2014}".into())
            }
            '-' if next == Some('-') => {
                i += 1;
                Some("\u{2013}".into())
            }
            '\'' => Some(
                if opening
                    && next.is_some_and(char::is_alphanumeric)
                    && !is_elision(&chars[i + 1..])
                {
                    "\u{2018}"
                } else {
                    "\u{2019}"
                }
                .into(),
            ),
            '"' => Some(match (style, opening) {
                (Style::English, true) => "\u{201C}".into(),
                (Style::English, false) => "\u{201D}".into(),
                (Style::French, true) => format!("\u{AB}{NARROW_NBSP}"),
                (Style::French, false) => format!("{NARROW_NBSP}\u{BB}"),
            }),
            _ => None,
        };
        match replacement {
            Some(r) => out.push_str(&r),
            None => out.push(c),
        }
        previous = out.chars().last();
        i += 1;
    }
}

/// `'tis`, `'90s`: an apostrophe standing for left-out letters at a word's
/// start, not an opening quote.
fn is_elision(rest: &[char]) -> bool {
    let word: String = rest.iter().take_while(|c| c.is_alphanumeric()).collect();
    matches!(word.to_lowercase().as_str(), "tis" | "twas" | "em" | "n")
        || word.chars().take_while(char::is_ascii_digit).count() == 2
}

/// French spacing: a narrow no-break space before ; : ! ? and inside « »,
/// where the text has an ordinary space or none (a time such as 10:30, a
/// web address, keeps its colon).
fn french_spaces(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        match c {
            ' ' | '\u{A0}' if next.is_some_and(|n| ";:!?\u{BB}".contains(n)) => {
                out.push(NARROW_NBSP)
            }
            ' ' | '\u{A0}' if previous == Some('\u{AB}') => out.push(NARROW_NBSP),
            ';' | '!' | '?' | ':'
                if previous.is_some_and(|p| {
                    p.is_alphanumeric() || "\u{BB})\u{2019}\u{2026}".contains(p)
                }) && !(c == ':' && next.is_some_and(|n| n.is_ascii_digit() || n == '/')) =>
            {
                out.push(NARROW_NBSP);
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(text: &str) -> String {
        smarten(text, Style::English, None)
    }

    fn fr(text: &str) -> String {
        smarten(text, Style::French, None)
    }

    #[test]
    fn english_quotes_apostrophes_and_dashes() {
        assert_eq!(en("Israel's military"), "Israel\u{2019}s military");
        assert_eq!(
            en("\"report\" -- 2024---2025..."),
            "\u{201C}report\u{201D} \u{2013} 2024\u{2014}2025\u{2026}"
        );
        assert_eq!(en("the 'review' ends"), "the \u{2018}review\u{2019} ends");
        assert_eq!(en("the '90s"), "the \u{2019}90s");
        assert_eq!(en("(\"quoted\")"), "(\u{201C}quoted\u{201D})");
        // A quoted title that opens with a quotation of its own.
        assert_eq!(
            en("\u{201C}'A million calls an hour': Israel\u{201D}"),
            "\u{201C}\u{2018}A million calls an hour\u{2019}: Israel\u{201D}"
        );
        assert_eq!(en("\"'Tis\""), "\u{201C}\u{2019}Tis\u{201D}");
    }

    #[test]
    fn french_guillemets_and_narrow_spaces() {
        assert_eq!(fr("\"mot\""), "\u{AB}\u{202F}mot\u{202F}\u{BB}");
        assert_eq!(
            fr("Pourquoi ? Parce que : voilà !"),
            "Pourquoi\u{202F}? Parce que\u{202F}: voilà\u{202F}!"
        );
        assert_eq!(fr("Pourquoi?"), "Pourquoi\u{202F}?");
        assert_eq!(fr("« déjà »"), "\u{AB}\u{202F}déjà\u{202F}\u{BB}");
        assert_eq!(fr("l'entreprise"), "l\u{2019}entreprise");
        assert_eq!(fr("à 10:30"), "à 10:30");
    }

    #[test]
    fn addresses_keep_their_characters() {
        assert_eq!(
            en("see https://example.org/a--b?x='y' now"),
            "see https://example.org/a--b?x='y' now"
        );
        assert_eq!(
            fr("écrire à o'neil@example.org !"),
            "écrire à o'neil@example.org\u{202F}!"
        );
    }
}
