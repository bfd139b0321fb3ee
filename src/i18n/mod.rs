//! The interface's words in the user's language, English or French.
//!
//! Every string the interface shows comes from a Fluent catalogue under
//! `locales/<language>/`, one file per part of the app, written in the
//! project's own words. Fluent (`fluent-bundle`) rather than a compile-time
//! scheme: plurals and word order stay the translator's to write, and the
//! check findings, which the server words, use the same catalogues as the
//! pages. A message missing from one language is a test failure
//! (`catalogue_tests`), never a silent fallback to the other.
//!
//! Template questions and the documents themselves are not translated
//! here: they stay in the template's own language. No Leptos in this
//! module; the pages reach it through `app::i18n`.

mod dates;
mod message;

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::FluentResource;
use serde::{Deserialize, Serialize};

pub use dates::{date, long_date, month_name, ENGLISH_MONTHS};
pub use fluent_bundle::FluentArgs;
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

    fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Fr => 1,
        }
    }
}

/// The catalogue files of one language, by name. The check findings, the
/// store's refusals and a template's problems are worded on the server
/// only, so the browser bundle does not carry them.
macro_rules! catalogue {
    ($lang:literal) => {
        &[
            catalogue!(@file $lang, "shell"),
            catalogue!(@file $lang, "errors"),
            catalogue!(@file $lang, "answers"),
            catalogue!(@file $lang, "drafts"),
            catalogue!(@file $lang, "wizard"),
            catalogue!(@file $lang, "templates"),
            catalogue!(@file $lang, "evidence"),
            catalogue!(@file $lang, "campaigns"),
            catalogue!(@file $lang, "account"),
            #[cfg(feature = "ssr")]
            catalogue!(@file $lang, "checks"),
            #[cfg(feature = "ssr")]
            catalogue!(@file $lang, "store"),
            #[cfg(feature = "ssr")]
            catalogue!(@file $lang, "lint"),
        ]
    };
    (@file $lang:literal, $name:literal) => {
        (
            concat!($name, ".ftl"),
            include_str!(concat!("../../locales/", $lang, "/", $name, ".ftl")),
        )
    };
}

/// Each language's catalogue files: (file name, text).
pub fn sources(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => catalogue!("en"),
        Lang::Fr => catalogue!("fr"),
    }
}

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<[Bundle; 2]> = LazyLock::new(|| Lang::ALL.map(bundle));

fn bundle(lang: Lang) -> Bundle {
    let id = match lang {
        Lang::En => unic_langid::langid!("en"),
        Lang::Fr => unic_langid::langid!("fr"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No bidi isolation marks around arguments: the pages set direction
    // themselves, and the marks would show up in copied text and titles.
    bundle.set_use_isolating(false);
    for (_, text) in sources(lang) {
        // A syntax error or a duplicate id fails `catalogue_tests`; here the
        // parts that did parse are still used.
        let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// Message `id` in `lang`, its `{ $variables }` taken from `args`. An id
/// missing from the catalogue prints as itself (the catalogue tests fail on
/// any such id in the code).
pub fn text(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let bundle = &BUNDLES[lang.index()];
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
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
        let mut args = $crate::i18n::FluentArgs::new();
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
