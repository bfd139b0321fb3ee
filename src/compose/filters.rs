//! Filters that print answers the way the document's language writes them.

use minijinja::value::Serde;
use minijinja::{Error, ErrorKind, Value};

use crate::i18n::{month_name, Lang};
use crate::text::parse_date;

/// U+202F: French groups thousands and separates units with it.
const NARROW_NBSP: char = '\u{202F}';
const NBSP: char = '\u{00A0}';

pub fn date(language: &str, value: &str, style: Option<&str>) -> Result<String, Error> {
    let date = parse_date(value).ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidOperation,
            format!("`date` filter: `{value}` is not a date as YYYY-MM-DD"),
        )
    })?;
    if style == Some("iso") {
        return Ok(value.to_owned());
    }
    let day = date.day();
    let year = date.year();
    Ok(match primary(language) {
        "fr" => {
            let month = month_name(Lang::Fr, date.month());
            let day = if day == 1 {
                "1er".to_owned()
            } else {
                day.to_string()
            };
            format!("{day}{NBSP}{month}{NBSP}{year}")
        }
        _ => {
            let name = month_name(Lang::En, date.month());
            if language == "en-US" {
                format!("{name}{NBSP}{day}, {year}")
            } else {
                format!("{day}{NBSP}{name} {year}")
            }
        }
    })
}

#[derive(serde::Deserialize)]
#[serde(untagged)]
pub enum MoneyValue {
    Amount(f64),
    WithCurrency { amount: f64, currency: String },
}

pub fn money(
    language: &str,
    value: Serde<MoneyValue>,
    currency: Option<&str>,
) -> Result<String, Error> {
    let (amount, currency) = match value.0 {
        MoneyValue::Amount(a) => (a, currency.unwrap_or("USD").to_owned()),
        MoneyValue::WithCurrency { amount, currency } => (amount, currency),
    };
    let cents = (amount * 100.0).round() as i64;
    let whole = cents / 100;
    let fraction = (cents % 100).abs();
    let french = primary(language) == "fr";
    let grouped = group_thousands(whole, if french { NARROW_NBSP } else { ',' });
    let number = match (fraction, french) {
        (0, _) => grouped,
        (f, true) => format!("{grouped},{f:02}"),
        (f, false) => format!("{grouped}.{f:02}"),
    };
    let symbol = match currency.as_str() {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        _ => "",
    };
    Ok(match (french, symbol) {
        (true, "") | (false, "") => format!("{number}{NBSP}{currency}"),
        (true, "$") => format!("{number}{NBSP}$ US"),
        (true, symbol) => format!("{number}{NBSP}{symbol}"),
        (false, symbol) => format!("{symbol}{number}"),
    })
}

/// A number as the language writes it: `1,530,000` and `5.1` in English,
/// `1 530 000` (narrow no-break spaces) and `5,1` in French; at most two
/// decimals, none when whole.
pub fn number(language: &str, value: f64) -> String {
    let french = primary(language) == "fr";
    let hundredths = (value * 100.0).round() as i64;
    let whole = hundredths / 100;
    let fraction = (hundredths % 100).abs();
    let mut out = group_thousands(whole, if french { NARROW_NBSP } else { ',' });
    if whole == 0 && hundredths < 0 {
        out.insert(0, '-');
    }
    if fraction != 0 {
        let decimals = if fraction % 10 == 0 {
            (fraction / 10).to_string()
        } else {
            format!("{fraction:02}")
        };
        out.push(if french { ',' } else { '.' });
        out.push_str(&decimals);
    }
    out
}

fn group_thousands(n: i64, separator: char) -> String {
    let digits = n.abs().to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

/// "a, b and c" — with the serial comma in US English, "et" in French.
pub fn join_list(language: &str, items: Vec<Value>) -> String {
    let items: Vec<String> = items
        .iter()
        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
        .collect();
    let (and, serial) = match primary(language) {
        "fr" => ("et", false),
        _ => ("and", language == "en-US"),
    };
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} {and} {b}"),
        [head @ .., last] => {
            let comma = if serial { "," } else { "" };
            format!("{}{comma} {and} {last}", head.join(", "))
        }
    }
}

/// Multi-line text (an address, a signature block) as Markdown hard line breaks.
pub fn lines(value: &str) -> String {
    value
        .trim()
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\\\n")
}

pub(crate) fn primary(language: &str) -> &str {
    language.split('-').next().unwrap_or(language)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(number("en-US", 1_530_000.0), "1,530,000");
        assert_eq!(number("fr", 1_530_000.0), "1\u{202f}530\u{202f}000");
        assert_eq!(number("fr-FR", 5.1), "5,1");
        assert_eq!(number("en-GB", 5.25), "5.25");
        assert_eq!(number("en", -0.5), "-0.5");
        assert_eq!(number("en", 12.0), "12");
    }

    #[test]
    fn dates_follow_the_language() {
        assert_eq!(
            date("en-US", "2025-10-10", None).unwrap(),
            "October\u{a0}10, 2025"
        );
        assert_eq!(
            date("en-GB", "2025-10-10", None).unwrap(),
            "10\u{a0}October 2025"
        );
        assert_eq!(
            date("fr", "2025-10-01", None).unwrap(),
            "1er\u{a0}octobre\u{a0}2025"
        );
        assert!(date("fr", "2025-13-01", None)
            .unwrap_err()
            .to_string()
            .contains("`2025-13-01` is not a date"));
    }

    #[test]
    fn money_follows_the_language() {
        let m = |a: f64, c: &str| {
            Serde(MoneyValue::WithCurrency {
                amount: a,
                currency: c.into(),
            })
        };
        assert_eq!(money("en-US", m(25000.0, "USD"), None).unwrap(), "$25,000");
        assert_eq!(
            money("fr", m(1234567.5, "EUR"), None).unwrap(),
            "1\u{202f}234\u{202f}567,50\u{a0}€"
        );
        assert_eq!(money("en", m(10.0, "CHF"), None).unwrap(), "10\u{a0}CHF");
    }

    #[test]
    fn lists_and_lines() {
        let v = |s: &[&str]| s.iter().map(|x| Value::from(*x)).collect::<Vec<_>>();
        assert_eq!(join_list("en-US", v(&["a", "b", "c"])), "a, b, and c");
        assert_eq!(join_list("fr", v(&["a", "b", "c"])), "a, b et c");
        assert_eq!(join_list("en", v(&["a", "b"])), "a and b");
        assert_eq!(lines("One Way\nRedmond, WA\n"), "One Way\\\nRedmond, WA");
    }
}
