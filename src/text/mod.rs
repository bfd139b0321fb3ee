//! Text rules every layer shares, with no dependency of their own: what
//! text is accepted anywhere ([`accepted`]), how a date is written in
//! answers and data, and how words are counted. Also built for the
//! browser, which checks answers as the user types.

pub mod accepted;
pub mod inline;

pub use accepted::{
    describe, first_forbidden, forbidden, normalize_line_ends, printable, refusal, refusal_in,
};

/// The last year a date may fall in. The rules add notice periods and
/// windows to dates, which past `time`'s last day (9999-12-31) would
/// panic; no filing, meeting or source is dated this far ahead.
pub const LATEST_YEAR: i32 = 9000;

/// A date as answers, evidence and rule data write it: `YYYY-MM-DD`, in a
/// year up to [`LATEST_YEAR`].
///
/// The three numbers are read here and `time` checks the date: its format
/// parser would add about 20 KB of code to the browser's first download
/// for this one fixed shape.
pub fn parse_date(text: &str) -> Option<time::Date> {
    let number = |from: usize, to: usize| {
        text.get(from..to)
            .filter(|digits| digits.bytes().all(|b| b.is_ascii_digit()))?
            .parse::<u16>()
            .ok()
    };
    let dashes = text.get(4..5) == Some("-") && text.get(7..8) == Some("-");
    if text.len() != 10 || !dashes {
        return None;
    }
    let month = time::Month::try_from(u8::try_from(number(5, 7)?).ok()?).ok()?;
    let day = u8::try_from(number(8, 10)?).ok()?;
    let year = i32::from(number(0, 4)?);
    if year > LATEST_YEAR {
        return None;
    }
    time::Date::from_calendar_date(year, month, day).ok()
}

/// Words as a reader counts them: runs of letters or digits, where a hyphen,
/// apostrophe or decimal point inside a run does not split it.
pub fn count_words(text: &str) -> usize {
    text.split(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '/'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// The 1-based line and character column of a byte offset in `text`.
pub fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    // Step back to a character boundary so slicing cannot panic.
    let offset = (0..=offset)
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_iso_and_real() {
        assert_eq!(
            parse_date("2026-02-16").map(|d| d.to_string()),
            Some("2026-02-16".to_owned())
        );
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date("16/02/2026"), None);
    }

    /// The same answers as `time`'s own parser of `[year]-[month]-[day]`.
    #[test]
    fn dates_are_read_as_times_format_parser_reads_them() {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        for text in [
            "2026-02-16",
            "2024-02-29",
            "2025-02-29",
            "0001-01-01",
            "9000-12-31",
            "2026-00-10",
            "2026-13-01",
            "2026-01-00",
            "2026-01-32",
            "2026-2-16",
            "2026-02-6",
            "2026-02-16 ",
            " 2026-02-16",
            "2026-02-16T10:00",
            "+026-02-16",
            "2026/02/16",
            "2026-0x-16",
            "２０２６-02-16",
            "2026-02-1é",
            "",
        ] {
            assert_eq!(
                parse_date(text),
                time::Date::parse(text, &format).ok(),
                "{text:?}"
            );
        }
        // Past the last year the rules can add periods to.
        assert!(time::Date::parse("9001-01-01", &format).is_ok());
        assert_eq!(parse_date("9001-01-01"), None);
        assert_eq!(parse_date("9999-12-31"), None);
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_and_column("ab\n«é» x", 7), (2, 3));
        assert_eq!(line_and_column("abc", 0), (1, 1));
    }

    #[test]
    fn words_are_counted_as_a_reader_counts_them() {
        assert_eq!(count_words("Israel's well-known 3.5 per cent — a/b"), 7);
        assert_eq!(count_words("  "), 0);
    }
}
