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

use super::{Args, Lang, Value};

/// One language's messages: `ids` sorted, `patterns` in the same order.
pub(super) struct Catalogue {
    ids: &'static [&'static str],
    patterns: &'static [&'static [Part]],
}

pub(super) enum Part {
    Text(&'static str),
    Var(&'static str),
    Select {
        on: &'static str,
        variants: &'static [(Key, &'static [Part])],
        default: usize,
    },
}

pub(super) enum Key {
    /// A plural category (`one`, `other`) or an exact text (`control`).
    Name(&'static str),
    Number(i64),
}

include!(concat!(env!("OUT_DIR"), "/browser_catalogue.rs"));

fn catalogue(lang: Lang) -> &'static Catalogue {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

/// Message `id` in `lang`; an unknown id prints as itself, as with Fluent.
pub(super) fn text(lang: Lang, id: &str, args: Option<&Args>) -> String {
    let catalogue = catalogue(lang);
    let Ok(index) = catalogue.ids.binary_search(&id) else {
        return id.to_owned();
    };
    let mut out = String::new();
    if let Some(parts) = catalogue.patterns.get(index) {
        write(&mut out, parts, lang, args);
    }
    out
}

fn write(out: &mut String, parts: &[Part], lang: Lang, args: Option<&Args>) {
    for part in parts {
        match part {
            Part::Text(text) => out.push_str(text),
            Part::Var(name) => match args.and_then(|a| a.get(name)) {
                Some(Value::Text(text)) => out.push_str(text),
                Some(Value::Number(n)) => out.push_str(&n.to_string()),
                // Fluent writes a missing value this way too.
                None => {
                    out.push_str("{$");
                    out.push_str(name);
                    out.push('}');
                }
            },
            Part::Select {
                on,
                variants,
                default,
            } => {
                let value = args.and_then(|a| a.get(on));
                let chosen = variants
                    .iter()
                    .find(|(key, _)| matches(key, value, lang))
                    .or_else(|| variants.get(*default));
                if let Some((_, parts)) = chosen {
                    write(out, parts, lang, args);
                }
            }
        }
    }
}

/// Fluent's rule: a name matches equal text, or a number in that plural
/// category; a number matches an equal number.
fn matches(key: &Key, value: Option<&Value>, lang: Lang) -> bool {
    match (key, value) {
        (Key::Name(name), Some(Value::Text(text))) => name == text,
        (Key::Name(name), Some(Value::Number(n))) => *name == plural_category(lang, *n),
        (Key::Number(key), Some(Value::Number(n))) => key == n,
        _ => false,
    }
}

/// CLDR's cardinal rule for whole numbers: English says "1 draft", French
/// "0 brouillon" and "1 brouillon" (the rules `intl_pluralrules` applies).
fn plural_category(lang: Lang, n: i64) -> &'static str {
    let n = n.unsigned_abs();
    match lang {
        Lang::En if n == 1 => "one",
        Lang::Fr if n <= 1 => "one",
        _ => "other",
    }
}

#[cfg(test)]
pub(super) fn messages(lang: Lang) -> impl Iterator<Item = (&'static str, &'static [Part])> {
    let catalogue = catalogue(lang);
    catalogue
        .ids
        .iter()
        .copied()
        .zip(catalogue.patterns.iter().copied())
}

/// The variables a message reads, and the names its choices compare with.
#[cfg(test)]
pub(super) fn variables(
    parts: &[Part],
    names: &mut std::collections::BTreeSet<&'static str>,
    keys: &mut std::collections::BTreeSet<&'static str>,
) {
    for part in parts {
        match part {
            Part::Text(_) => {}
            Part::Var(name) => {
                names.insert(name);
            }
            Part::Select { on, variants, .. } => {
                names.insert(on);
                for (key, parts) in *variants {
                    if let Key::Name(name) = key {
                        keys.insert(name);
                    }
                    variables(parts, names, keys);
                }
            }
        }
    }
}
