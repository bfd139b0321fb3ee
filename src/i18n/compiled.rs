//! The browser's wording of the page catalogues, from data `build.rs`
//! compiles out of the same Fluent files the server reads, so the browser
//! bundle carries no Fluent parser or resolver (about 80 KB of code and both
//! languages' unparsed text, measured on the bundle).
//!
//! It words what those files use: text, `{ $variable }`, and a choice on a
//! variable by exact text, by whole number, or by plural category. The build
//! refuses a file that uses more. `tests.rs` words every page message with
//! both this and Fluent, over the values that reach each branch, and
//! requires the same text, so a page hydrates with the words the server
//! rendered.
//!
//! Each language's data is reached only through [`english`] or [`french`],
//! which the pages load as pieces of their own (`app::i18n`), so a page
//! downloads its own language only; [`install`] makes it the one `text`
//! reads.

use std::sync::OnceLock;

use super::Lang;
#[cfg(any(test, not(feature = "ssr")))]
use super::{Args, Value};

/// One language's messages: `ids` sorted, `patterns` in the same order,
/// every string a [`Span`] of `text` (build.rs says why).
// The server reads them only in tests; its pages are worded by Fluent.
#[cfg_attr(all(feature = "ssr", not(test)), allow(dead_code))]
pub struct Catalogue {
    text: &'static [u8],
    ids: &'static [Span],
    patterns: &'static [&'static [Part]],
}

/// Where a string is in its catalogue's text: start and end, in bytes.
#[cfg_attr(all(feature = "ssr", not(test)), allow(dead_code))]
pub(super) struct Span(u32, u32);

#[cfg_attr(all(feature = "ssr", not(test)), allow(dead_code))]
pub(super) enum Part {
    Text(Span),
    Var(Span),
    Select {
        on: Span,
        variants: &'static [(Key, &'static [Part])],
        default: usize,
    },
}

#[cfg_attr(all(feature = "ssr", not(test)), allow(dead_code))]
pub(super) enum Key {
    /// A plural category (`one`, `other`) or an exact text (`control`).
    Name(Span),
    Number(i64),
}

/// A catalogue whose text is known to be UTF-8, as `install` keeps it.
#[cfg_attr(all(feature = "ssr", not(test)), allow(dead_code))]
#[derive(Clone, Copy)]
struct Installed {
    text: &'static str,
    catalogue: &'static Catalogue,
}

impl Installed {
    #[cfg(any(test, not(feature = "ssr")))]
    fn str(&self, span: &Span) -> &'static str {
        let range = usize::try_from(span.0).unwrap_or(usize::MAX)
            ..usize::try_from(span.1).unwrap_or(usize::MAX);
        self.text.get(range).unwrap_or_default()
    }
}

include!(concat!(env!("OUT_DIR"), "/browser_catalogue.rs"));

/// The English messages. Kept apart from [`french`] so that each language's
/// data goes to the piece of the bundle whose function names it.
pub fn english() -> &'static Catalogue {
    &EN
}

/// The French messages.
pub fn french() -> &'static Catalogue {
    &FR
}

static INSTALLED: [OnceLock<Installed>; 2] = [OnceLock::new(), OnceLock::new()];

fn slot(lang: Lang) -> &'static OnceLock<Installed> {
    &INSTALLED[lang.index()]
}

/// Makes `catalogue` the messages `text` reads for `lang`.
pub fn install(lang: Lang, catalogue: &'static Catalogue) {
    if slot(lang).get().is_some() {
        return;
    }
    // build.rs wrote the text from UTF-8 files; checked once here, so a
    // span is a cheap `get` afterwards.
    let Ok(text) = std::str::from_utf8(catalogue.text) else {
        return;
    };
    // Two installs at once give the same data: either may stay.
    let _ = slot(lang).set(Installed { text, catalogue });
}

/// Message `id` in `lang`; an unknown id prints as itself, as with Fluent.
/// So does every id of a language not installed: the page loads its own
/// language before it hydrates, and no page words another.
#[cfg(any(test, not(feature = "ssr")))]
pub(super) fn text(lang: Lang, id: &str, args: Option<&Args>) -> String {
    let Some(installed) = slot(lang).get() else {
        return id.to_owned();
    };
    let catalogue = installed.catalogue;
    let Ok(index) = catalogue
        .ids
        .binary_search_by(|known| installed.str(known).cmp(id))
    else {
        return id.to_owned();
    };
    let mut out = String::new();
    if let Some(parts) = catalogue.patterns.get(index) {
        write(&mut out, installed, parts, lang, args);
    }
    out
}

#[cfg(any(test, not(feature = "ssr")))]
fn write(out: &mut String, installed: &Installed, parts: &[Part], lang: Lang, args: Option<&Args>) {
    for part in parts {
        match part {
            Part::Text(text) => out.push_str(installed.str(text)),
            Part::Var(name) => match args.and_then(|a| a.get(installed.str(name))) {
                Some(Value::Text(text)) => out.push_str(text),
                Some(Value::Number(n)) => out.push_str(&n.to_string()),
                // Fluent writes a missing value this way too.
                None => {
                    out.push_str("{$");
                    out.push_str(installed.str(name));
                    out.push('}');
                }
            },
            Part::Select {
                on,
                variants,
                default,
            } => {
                let value = args.and_then(|a| a.get(installed.str(on)));
                let chosen = variants
                    .iter()
                    .find(|(key, _)| matches(installed, key, value, lang))
                    .or_else(|| variants.get(*default));
                if let Some((_, parts)) = chosen {
                    write(out, installed, parts, lang, args);
                }
            }
        }
    }
}

/// Fluent's rule: a name matches equal text, or a number in that plural
/// category; a number matches an equal number.
#[cfg(any(test, not(feature = "ssr")))]
fn matches(installed: &Installed, key: &Key, value: Option<&Value>, lang: Lang) -> bool {
    match (key, value) {
        (Key::Name(name), Some(Value::Text(text))) => installed.str(name) == text,
        (Key::Name(name), Some(Value::Number(n))) => {
            installed.str(name) == plural_category(lang, *n)
        }
        (Key::Number(key), Some(Value::Number(n))) => key == n,
        _ => false,
    }
}

/// CLDR's cardinal rule for whole numbers: English says "1 draft", French
/// "0 brouillon" and "1 brouillon" (the rules `intl_pluralrules` applies).
#[cfg(any(test, not(feature = "ssr")))]
fn plural_category(lang: Lang, n: i64) -> &'static str {
    let n = n.unsigned_abs();
    match lang {
        Lang::En if n == 1 => "one",
        Lang::Fr if n <= 1 => "one",
        _ => "other",
    }
}

#[cfg(test)]
fn installed(lang: Lang) -> Installed {
    let catalogue = match lang {
        Lang::En => english(),
        Lang::Fr => french(),
    };
    install(lang, catalogue);
    *slot(lang).get().expect("the catalogue's text is UTF-8")
}

/// Every message of `lang`, installing it: (id, pattern).
#[cfg(test)]
pub(super) fn messages(lang: Lang) -> Vec<(&'static str, &'static [Part])> {
    let installed = installed(lang);
    let catalogue = installed.catalogue;
    let ids = catalogue.ids.iter().map(|id| installed.str(id));
    ids.zip(catalogue.patterns.iter().copied()).collect()
}

/// The variables a message reads, and the names its choices compare with.
#[cfg(test)]
pub(super) fn variables(
    lang: Lang,
    parts: &[Part],
    names: &mut std::collections::BTreeSet<&'static str>,
    keys: &mut std::collections::BTreeSet<&'static str>,
) {
    let installed = installed(lang);
    for part in parts {
        match part {
            Part::Text(_) => {}
            Part::Var(name) => {
                names.insert(installed.str(name));
            }
            Part::Select { on, variants, .. } => {
                names.insert(installed.str(on));
                for (key, parts) in *variants {
                    if let Key::Name(name) = key {
                        keys.insert(installed.str(name));
                    }
                    variables(lang, parts, names, keys);
                }
            }
        }
    }
}
