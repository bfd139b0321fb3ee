//! The catalogues are complete: every message in both languages, with the
//! same variables, and every id the code names exists. A translation that
//! is missing fails here rather than showing the other language.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_bundle::FluentResource;

use super::*;

/// Each message of a catalogue file: id → the variables it uses.
fn messages(file: &str, text: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for (number, line) in text.lines().enumerate() {
        let starts_message =
            line.chars().next().is_some_and(|c| c.is_ascii_lowercase()) && line.contains(" =");
        if starts_message {
            let id = line
                .split(" =")
                .next()
                .unwrap_or_default()
                .trim()
                .to_owned();
            assert!(
                out.insert(id.clone(), BTreeSet::new()).is_none(),
                "{file}:{}: `{id}` is defined twice",
                number + 1
            );
            current = Some(id);
        } else if !line.starts_with([' ', '\t', '}']) {
            current = None;
        }
        if let Some(id) = &current {
            let variables = line
                .split('$')
                .skip(1)
                .map(|rest| {
                    rest.chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                        .collect::<String>()
                })
                .filter(|name| !name.is_empty());
            out.entry(id.clone()).or_default().extend(variables);
        }
    }
    out
}

fn catalogue(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = BTreeMap::new();
    for (file, text) in sources(lang) {
        for (id, variables) in messages(file, text) {
            assert!(
                all.insert(id.clone(), variables).is_none(),
                "{}/{file}: `{id}` is also defined in another file",
                lang.code()
            );
        }
    }
    all
}

#[test]
fn every_catalogue_file_parses() {
    for lang in Lang::ALL {
        for (file, text) in sources(lang) {
            if let Err((_, errors)) = FluentResource::try_new((*text).to_owned()) {
                panic!("locales/{}/{file} does not parse: {errors:?}", lang.code());
            }
        }
    }
}

#[test]
fn both_languages_have_the_same_messages_with_the_same_variables() {
    let english = catalogue(Lang::En);
    let french = catalogue(Lang::Fr);
    assert!(english.len() > 50, "the English catalogue looks empty");
    let mut problems = Vec::new();
    for (id, variables) in &english {
        match french.get(id) {
            None => problems.push(format!("`{id}` has no French translation")),
            Some(theirs) if theirs != variables => problems.push(format!(
                "`{id}` uses {variables:?} in English but {theirs:?} in French"
            )),
            Some(_) => {}
        }
    }
    for id in french.keys().filter(|id| !english.contains_key(*id)) {
        problems.push(format!("`{id}` is in French only"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every message id the source names with the `tr!` and `msg!` macros, as
/// (file, id).
fn ids_in_code() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("src is readable")
            .map(|e| e.expect("an entry").path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("i18n/tests.rs")
            {
                let text = std::fs::read_to_string(&path).expect("a source file");
                let name = path.display().to_string();
                // `tr!(lang, "id"…)`: the id follows the first comma;
                // `msg!("id"…)`: it comes first.
                for (macro_call, after_comma) in [("tr!(", true), ("msg!(", false)] {
                    for (at, _) in text.match_indices(macro_call) {
                        // `include_str!(` ends in `tr!(` too.
                        let before = text[..at].chars().next_back();
                        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                            continue;
                        }
                        let mut rest = &text[at + macro_call.len()..];
                        if after_comma {
                            let Some(comma) = rest.find(',') else {
                                continue;
                            };
                            rest = &rest[comma + 1..];
                        }
                        let Some(literal) = rest.trim_start().strip_prefix('"') else {
                            continue;
                        };
                        let id: String = literal.chars().take_while(|c| *c != '"').collect();
                        out.push((name.clone(), id));
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

#[test]
fn every_id_the_code_uses_is_in_both_catalogues() {
    let used = ids_in_code();
    assert!(used.len() > 50, "found only {} ids in the code", used.len());
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        let known = catalogue(lang);
        for (file, id) in &used {
            if !known.contains_key(id) {
                problems.push(format!("{file}: `{id}` is not in locales/{}", lang.code()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_message_is_used() {
    let used: BTreeSet<String> = ids_in_code().into_iter().map(|(_, id)| id).collect();
    let unused: Vec<_> = catalogue(Lang::En)
        .into_keys()
        .filter(|id| !used.contains(id))
        .collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}

#[test]
fn messages_take_their_arguments() {
    let one = msg!("answer-too-many-items", max = 1, count = 2).words(Lang::Fr);
    let three = msg!("answer-too-many-items", max = 3, count = 4).words(Lang::Fr);
    assert_eq!(one, "1 élément au plus\u{202f}; il y en a 2");
    assert_eq!(three, "3 éléments au plus\u{202f}; il y en a 4");
    let nested = msg!(
        "answer-item",
        number = 2,
        problem = msg!("answer-single-line")
    );
    assert_eq!(
        nested.words(Lang::Fr),
        "élément 2\u{202f}: doit tenir sur une seule ligne"
    );
    assert_eq!(nested.to_string(), "item 2: must be a single line");
    assert_eq!(tr!(Lang::Fr, "nav-drafts"), "Brouillons");
    assert_eq!(tr!(Lang::En, "nav-drafts"), "Drafts");
    assert_eq!(text(Lang::En, "no-such-message", None), "no-such-message");
}

#[test]
fn accept_language_picks_the_preferred_language_we_have() {
    assert_eq!(
        Lang::from_accept_language("fr-FR,fr;q=0.9,en;q=0.8"),
        Some(Lang::Fr)
    );
    assert_eq!(
        Lang::from_accept_language("de, en;q=0.5, fr;q=0.7"),
        Some(Lang::Fr)
    );
    assert_eq!(Lang::from_accept_language("en-GB"), Some(Lang::En));
    assert_eq!(Lang::from_accept_language("de, fr;q=0"), None);
    assert_eq!(Lang::from_accept_language(""), None);
    assert_eq!(Lang::parse("FR_ca"), Some(Lang::Fr));
}

#[test]
fn dates_and_numbers_as_each_language_writes_them() {
    let day = time::macros::date!(2026 - 02 - 16);
    assert_eq!(date(Lang::En, day), "16 February 2026");
    assert_eq!(date(Lang::Fr, day), "16 février 2026");
    assert_eq!(long_date(Lang::Fr, day), "lundi 16 février 2026");
    assert_eq!(long_date(Lang::En, day), "Monday 16 February 2026");
    assert_eq!(
        date(Lang::Fr, time::macros::date!(2026 - 03 - 01)),
        "1er mars 2026"
    );
    assert_eq!(grouped(Lang::En, 1_234_567), "1,234,567");
    assert_eq!(grouped(Lang::Fr, -12_500), "-12\u{202F}500");
    assert_eq!(grouped(Lang::Fr, 999), "999");
}

/// The browser words the page catalogues from data build.rs compiles, the
/// server with Fluent: for every page message, with no values and with each
/// value that reaches a branch (plural counts, each choice's names, plain
/// text), both must give the same words, or a page would hydrate with words
/// other than those the server rendered.
#[test]
fn the_browser_words_every_page_message_as_the_server_does() {
    let mut compared = 0;
    for lang in Lang::ALL {
        for (id, parts) in compiled::messages(lang) {
            let (mut names, mut keys) = (BTreeSet::new(), BTreeSet::new());
            compiled::variables(lang, parts, &mut names, &mut keys);
            let mut values: Vec<Value> = [0, 1, 2, 5, 21, 1_000_000, -1]
                .into_iter()
                .map(Value::Number)
                .collect();
            values.extend(keys.iter().map(|key| Value::from(*key)));
            values.push(Value::from("a plain title"));
            let mut cases = vec![None];
            for value in values {
                let mut args = Args::new();
                for name in &names {
                    args.set(*name, value.clone());
                }
                cases.push(Some(args));
            }
            for args in &cases {
                assert_eq!(
                    compiled::text(lang, id, args.as_ref()),
                    fluent::text(lang, id, args.as_ref()),
                    "{}: `{id}` with {args:?}",
                    lang.code()
                );
                compared += 1;
            }
        }
    }
    assert!(compared > 2000, "only {compared} wordings compared");
}

/// Pages run in the browser, so every id the pages' code names must be in
/// the catalogue compiled for the browser; one only the server has would
/// show as its id after hydration.
#[test]
fn every_id_the_pages_name_is_in_the_browser_catalogue() {
    for (file, id) in ids_in_code() {
        if !file.contains("/src/app/") {
            continue;
        }
        for lang in Lang::ALL {
            assert!(
                compiled::messages(lang)
                    .iter()
                    .any(|(known, _)| *known == id),
                "{file} names `{id}`, which the browser's {} catalogue lacks",
                lang.code()
            );
        }
    }
}
