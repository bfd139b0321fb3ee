//! The interface's words in the user's language, English or French.
//!
//! Every string the interface shows comes from a Fluent catalogue under
//! `locales/<language>/`, one file per part of the app, written in the
//! project's own words. Fluent, so plurals and word order stay the
//! translator's to write, and the check findings, which the server words,
//! use the same catalogues as the pages. The server words them with
//! `fluent-bundle` (`fluent.rs`); the browser with data compiled from the
//! same files at build time (`compiled.rs`), which a test holds to the same
//! words. A message missing from one language is a test failure
//! (`catalogue_tests`), never a silent fallback to the other.
//!
//! Template questions and the documents themselves are not translated
//! here: they stay in the template's own language. No Leptos in this
//! module; the pages reach it through `app::i18n`.

mod args;
pub mod compiled;
mod dates;
#[cfg(feature = "ssr")]
mod fluent;
mod message;

use serde::{Deserialize, Serialize};

pub use args::{Args, Value};
pub use dates::{date, long_date, month_name, ENGLISH_MONTHS};
pub use message::{Arg, Message};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The BCP 47 code, as `<html lang>` and the `lang` cookie write it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language's name in itself, for the language switch.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }

    /// A language tag (`fr`, `fr-CA`, `EN-gb`) by its primary subtag.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// The first language of an `Accept-Language` header we have, by the
    /// header's preference (`q`); `None` when it names neither.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut offered: Vec<(f32, Lang)> = header
            .split(',')
            .filter_map(|item| {
                let mut parts = item.split(';');
                let lang = Lang::parse(parts.next()?)?;
                let quality = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                (quality > 0.0).then_some((quality, lang))
            })
            .collect();
        // Stable: among equal qualities the header's order decides.
        offered.sort_by(|a, b| b.0.total_cmp(&a.0));
        offered.first().map(|(_, lang)| *lang)
    }

    /// Its place in per-language arrays, in the order of [`Lang::ALL`].
    fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Fr => 1,
        }
    }
}

// `EN_FILES` and `FR_FILES`: each language's catalogue files, (name, text).
// build.rs lists them, so the browser's compiled catalogue and the server's
// Fluent bundles read the same files.
#[cfg(feature = "ssr")]
include!(concat!(env!("OUT_DIR"), "/catalogue_files.rs"));

/// Each language's catalogue files: (file name, text).
#[cfg(feature = "ssr")]
pub fn sources(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => EN_FILES,
        Lang::Fr => FR_FILES,
    }
}

/// Message `id` in `lang`, its `{ $variables }` taken from `args`. An id
/// missing from the catalogue prints as itself (the catalogue tests fail on
/// any such id in the code).
pub fn text(lang: Lang, id: &str, args: Option<&Args>) -> String {
    #[cfg(feature = "ssr")]
    return fluent::text(lang, id, args);
    #[cfg(not(feature = "ssr"))]
    return compiled::text(lang, id, args);
}

/// A message in a language: `tr!(lang, "nav-drafts")`, or with arguments
/// `tr!(lang, "error-ours", reference = reference.as_str())`. The id is a literal so
/// the catalogue test can find every id the code uses.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal) => {
        $crate::i18n::text($lang, $id, None)
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::Args::new();
        $( args.set(stringify!($name), $value); )+
        $crate::i18n::text($lang, $id, Some(&args))
    }};
}

/// `use crate::i18n::tr;` (`#[macro_export]` puts the macro at the crate's
/// root; this names it where it belongs).
pub use super::{msg, tr};

/// An integer with the language's thousands separator: 12,500 or 12 500
/// (with U+202F, as French typography groups digits).
pub fn grouped(lang: Lang, number: i64) -> String {
    let digits = number.unsigned_abs().to_string();
    let separator = match lang {
        Lang::En => ",",
        Lang::Fr => "\u{202F}",
    };
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    if number < 0 {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests;
