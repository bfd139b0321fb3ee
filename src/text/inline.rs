//! The inline Markdown an answer may carry (`**bold**`, `*italic*`,
//! `[text](address)`), split into runs so the wizard's review shows an
//! answer as it will print rather than as typed. Hand-written on purpose:
//! the browser bundle cannot afford a Markdown parser for three rules, and
//! the document itself is still parsed by pulldown-cmark on the server.

/// A run of text and how it is set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub strong: bool,
    pub emphasis: bool,
}

/// Splits `text` into runs. A delimiter counts only when it opens before a
/// non-space and closes after one and has a partner; anything else stays
/// as typed, so `2 * 3 * 4` and `snake_case` are left alone.
pub fn runs(text: &str) -> Vec<Run> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<Run> = Vec::new();
    let (mut strong, mut emphasis) = (false, false);
    let mut current = String::new();
    let mut i = 0;
    let flush = |out: &mut Vec<Run>, current: &mut String, strong: bool, emphasis: bool| {
        if !current.is_empty() {
            out.push(Run {
                text: std::mem::take(current),
                strong,
                emphasis,
            });
        }
    };
    while i < chars.len() {
        let c = chars[i];
        // A link: its text, without the address.
        if c == '[' {
            if let Some((label, next)) = link(&chars, i) {
                current.push_str(&label);
                i = next;
                continue;
            }
        }
        if c == '*' || c == '_' {
            let double = chars.get(i + 1) == Some(&c);
            let width = if double { 2 } else { 1 };
            let is_open = if double { strong } else { emphasis };
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + width).copied();
            let opens = !is_open
                && after.is_some_and(|a| !a.is_whitespace())
                && !(c == '_' && before.is_some_and(char::is_alphanumeric))
                && closes_later(&chars, i + width, c, width);
            let closes = is_open
                && before.is_some_and(|b| !b.is_whitespace())
                && !(c == '_' && after.is_some_and(char::is_alphanumeric));
            if opens || closes {
                flush(&mut out, &mut current, strong, emphasis);
                if double {
                    strong = !strong;
                } else {
                    emphasis = !emphasis;
                }
                i += width;
                continue;
            }
        }
        current.push(c);
        i += 1;
    }
    flush(&mut out, &mut current, strong, emphasis);
    out
}

/// Whether a closing delimiter of `width` × `c` follows `from`, after a non-space.
fn closes_later(chars: &[char], from: usize, c: char, width: usize) -> bool {
    (from + 1..chars.len()).any(|j| {
        chars[j] == c
            && (width == 1 || chars.get(j + 1) == Some(&c))
            && (width == 2 || chars.get(j + 1) != Some(&c))
            && !chars[j - 1].is_whitespace()
    })
}

/// `[label](address)` starting at `start`: the label and where it ends.
fn link(chars: &[char], start: usize) -> Option<(String, usize)> {
    let close = (start + 1..chars.len()).find(|&j| chars[j] == ']')?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = (close + 2..chars.len()).find(|&j| chars[j] == ')')?;
    if chars[close + 2..end].iter().any(|c| c.is_whitespace()) {
        return None;
    }
    Some((chars[start + 1..close].iter().collect(), end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<(String, bool, bool)> {
        runs(text)
            .into_iter()
            .map(|r| (r.text, r.strong, r.emphasis))
            .collect()
    }

    #[test]
    fn bold_italic_and_links_become_runs() {
        assert_eq!(
            shown("vote **FOR** this *proposal*"),
            vec![
                ("vote ".into(), false, false),
                ("FOR".into(), true, false),
                (" this ".into(), false, false),
                ("proposal".into(), false, true),
            ]
        );
        assert_eq!(
            shown("see [the report](https://example.org/r) now"),
            vec![("see the report now".into(), false, false)]
        );
    }

    #[test]
    fn stray_delimiters_stay_as_typed() {
        for text in [
            "2 * 3 * 4",
            "snake_case_name",
            "a ** b",
            "an *unclosed emphasis",
            "[no link] (here)",
        ] {
            assert_eq!(shown(text), vec![(text.to_owned(), false, false)], "{text}");
        }
    }
}
