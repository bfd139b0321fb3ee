//! Checks a template file the way `resolution-studio lint` and the template
//! editor report it: every problem with its file line and column (front
//! matter included), as an error or a warning.
//!
//! Errors: the template does not parse (front matter, field definitions,
//! body syntax such as an unknown filter), the body uses a name that is not
//! a declared field, or it cites a source the evidence library lacks.
//! Warnings: a declared field that nothing uses.

use std::collections::HashSet;

use super::diagnostic::{line_and_column, Diagnostic};
use super::engine;
use super::template::{Template, TemplateError};
use crate::evidence::Library;
use crate::i18n::{msg, Message};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub level: Level,
    pub at: Diagnostic,
}

impl Problem {
    /// The problem with its place and level, in any language.
    pub fn message(&self) -> Message {
        msg!(
            "lint-problem",
            file = self.at.file.as_str(),
            line = self.at.line,
            column = self.at.column,
            level = self.level.name(),
            problem = self.at.message.clone()
        )
    }
}

impl Level {
    /// `error` or `warning`, as the editor and the message selectors name it.
    pub fn name(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = self.level.name();
        let Diagnostic {
            file,
            line,
            column,
            message,
        } = &self.at;
        write!(f, "{file}:{line}:{column}: {level}: {message}")
    }
}

/// Every problem in `source`, in file order; `origin` names the file.
pub fn lint(source: &str, origin: &str, library: &Library) -> Vec<Problem> {
    let template = match Template::parse(source, origin) {
        Ok(template) => template,
        Err(error) => return parse_problems(error, origin),
    };
    let mut problems = Vec::new();
    let body = &template.body;
    let at = |offset: usize, message: Message| {
        let (line, column) = line_and_column(body, offset);
        Diagnostic {
            file: origin.to_owned(),
            line: line + template.body_line_offset,
            column,
            message,
        }
    };

    // `Template::parse` already checked the syntax, so this cannot fail.
    let mut used = engine::used_names(origin, body).unwrap_or_default();
    // Each setting's names, kept to place a name only a setting uses.
    let in_settings: Vec<(&str, HashSet<String>)> = template
        .front
        .document
        .templated()
        .map(|(setting, source)| {
            let names = engine::used_names(origin, source).unwrap_or_default();
            used.extend(names.iter().cloned());
            (setting, names)
        })
        .collect();
    let declared: HashSet<&str> = template
        .front
        .fields
        .iter()
        .map(|f| f.id.as_str())
        .collect();

    // minijinja counts a name set inside an `if` branch as undeclared
    // where it is read after the branch; the template did set it.
    let assigned = assigned_names(body);
    let mut undeclared: Vec<&String> = used
        .iter()
        .filter(|name| {
            !declared.contains(name.as_str())
                && !assigned.contains(name.as_str())
                && !engine::GLOBALS.contains(&name.as_str())
        })
        .collect();
    undeclared.sort();
    for name in undeclared {
        let message = msg!("lint-undeclared-name", name = name.as_str());
        let place = match first_use(body, name) {
            Some(offset) => at(offset, message),
            // Used only in a document setting: that setting's line.
            None => {
                let setting = in_settings
                    .iter()
                    .find(|(_, names)| names.contains(name.as_str()))
                    .map(|(setting, _)| *setting);
                match setting {
                    Some(setting) => Diagnostic {
                        file: origin.to_owned(),
                        line: template.document_setting_line(setting),
                        column: 1,
                        message: msg!("lint-in-setting", setting = setting, problem = message),
                    },
                    None => at(0, message),
                }
            }
        };
        problems.push(Problem {
            level: Level::Error,
            at: place,
        });
    }

    for (offset, name, is_test) in filters_and_tests(body) {
        if !engine::has_filter_or_test(&name, is_test) {
            let what = if is_test { "test" } else { "filter" };
            problems.push(Problem {
                level: Level::Error,
                at: at(
                    offset,
                    msg!("lint-unknown-filter", what = what, name = name.as_str()),
                ),
            });
        }
    }

    for (offset, source) in literal_citations(body) {
        if library.source(&source).is_none() {
            problems.push(Problem {
                level: Level::Error,
                at: at(
                    offset,
                    msg!("lint-unknown-source", source = source.as_str()),
                ),
            });
        }
    }

    let roles: HashSet<&str> = template
        .front
        .checks
        .roles()
        .into_iter()
        .filter_map(|(_, field)| field.as_deref())
        .collect();
    for field in &template.front.fields {
        if !used.contains(&field.id) && !roles.contains(field.id.as_str()) {
            problems.push(Problem {
                level: Level::Warning,
                at: Diagnostic {
                    file: origin.to_owned(),
                    line: template.field_line(&field.id),
                    column: 1,
                    message: msg!("lint-unused-field", field = field.id.as_str()),
                },
            });
        }
    }
    problems.sort_by_key(|p| (p.at.line, p.at.column));
    problems
}

fn parse_problems(error: TemplateError, origin: &str) -> Vec<Problem> {
    error
        .diagnostics()
        .into_iter()
        .map(|mut at| {
            if at.file.is_empty() {
                at.file = origin.to_owned();
            }
            Problem {
                level: Level::Error,
                at,
            }
        })
        .collect()
}

/// The byte offset of the first use of `name` as a whole word inside a
/// `{{ … }}` or `{% … %}` tag.
fn first_use(body: &str, name: &str) -> Option<usize> {
    tags(body).into_iter().find_map(|(open, tag)| {
        let code = blank_strings(tag);
        let mut search = 0;
        while let Some(i) = code[search..].find(name).map(|i| i + search) {
            let before = code[..i].chars().next_back();
            let after = code[i + name.len()..].chars().next();
            let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
            if !is_word(before) && !is_word(after) && before != Some('.') {
                return Some(open + i);
            }
            search = i + name.len();
        }
        None
    })
}

/// Every `| filter` and `is test` in the body's tags, with its offset.
fn filters_and_tests(body: &str) -> Vec<(usize, String, bool)> {
    let mut found = Vec::new();
    for (start, tag) in tags(body) {
        let code = blank_strings(tag);
        let mut previous_word: Option<&str> = None;
        let mut chars = code.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c == '|' {
                // `||` is not an operator in templates, so each `|` starts a filter.
                let rest = &code[i + 1..];
                let name_start = i + 1 + (rest.len() - rest.trim_start().len());
                let name: String = code[name_start..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    found.push((start + name_start, name, false));
                }
                previous_word = None;
            } else if c.is_alphabetic() || c == '_' {
                let word_end = code[i..]
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .map_or(code.len(), |n| i + n);
                let word = &code[i..word_end];
                if previous_word == Some("is") || (previous_word == Some("not") && word != "not") {
                    // `x is not defined`: the test is the word after `not`.
                    if word != "not" {
                        found.push((start + i, word.to_owned(), true));
                    }
                }
                previous_word = match (previous_word, word) {
                    (Some("is"), "not") => Some("not"),
                    (_, "is") => Some("is"),
                    _ => Some(""),
                };
                while chars.peek().is_some_and(|(j, _)| *j < word_end) {
                    chars.next();
                }
            } else if !c.is_whitespace() {
                previous_word = None;
            }
        }
    }
    found
}

/// Names the template assigns itself: `{% set a = … %}`, `{% set a, b = … %}`,
/// `{% for x, y in … %}`, `{% macro m(p, q) %}`.
fn assigned_names(body: &str) -> HashSet<String> {
    let mut names = HashSet::new();
    for (_, tag) in tags(body) {
        let code = blank_strings(tag);
        let code = code
            .trim_start_matches("{%")
            .trim_start_matches(['-', '+'])
            .trim_start();
        let targets = if let Some(rest) = code.strip_prefix("set ") {
            rest.split('=').next().unwrap_or_default()
        } else if let Some(rest) = code.strip_prefix("for ") {
            rest.split(" in ").next().unwrap_or_default()
        } else if let Some(rest) = code.strip_prefix("macro ") {
            rest.split(')').next().unwrap_or_default()
        } else {
            continue;
        };
        names.extend(
            targets
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .filter(|w| !w.is_empty() && !w.starts_with(|c: char| c.is_ascii_digit()))
                .map(str::to_owned),
        );
    }
    names
}

/// The `{{ … }}` and `{% … %}` tags of `body`, each with its byte offset.
fn tags(body: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = body[from..].find('{').map(|i| i + from) {
        let close_mark = match body[open + 1..].chars().next() {
            Some('{') => "}}",
            Some('%') => "%}",
            _ => {
                from = open + 1;
                continue;
            }
        };
        let end = body[open..]
            .find(close_mark)
            .map_or(body.len(), |i| i + open);
        found.push((open, &body[open..end]));
        from = end.max(open + 1);
    }
    found
}

/// `tag` with the contents of string literals blanked out (same length), so
/// a `|` or a word inside quotes is not read as code.
fn blank_strings(tag: &str) -> String {
    let mut out = String::with_capacity(tag.len());
    let mut quote: Option<char> = None;
    for c in tag.chars() {
        match quote {
            Some(q) if c == q => {
                quote = None;
                out.push(c);
            }
            Some(_) => out.extend(std::iter::repeat_n(' ', c.len_utf8())),
            None => {
                if matches!(c, '"' | '\'') {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    out
}

/// The sources a template body cites by a literal id: what must not be
/// deleted from the library while the template version is stored.
pub fn cited_sources(body: &str) -> std::collections::BTreeSet<String> {
    literal_citations(body)
        .into_iter()
        .map(|(_, id)| id)
        .collect()
}

/// `cite("id")` and `cite('id')` calls with a literal id, with the offset
/// of each id. Ids computed at render time are checked when rendering.
fn literal_citations(body: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(call) = body[from..].find("cite(").map(|i| i + from) {
        from = call + 5;
        let rest = &body[from..];
        let trimmed = rest.trim_start();
        let Some(quote) = trimmed.chars().next().filter(|c| matches!(c, '"' | '\'')) else {
            continue;
        };
        let start = from + (rest.len() - trimmed.len()) + 1;
        if let Some(len) = body[start..].find(quote) {
            found.push((start, body[start..start + len].to_owned()));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> Library {
        Library::parse(
            r#"{"sources":[{"id":"known","type":"report","title":"A Report","publisher":"Org","date":"2024-05-01"}]}"#,
            "lib.json",
        )
        .unwrap()
    }

    const HEADER: &str = "---\nid: t\ntitle: T\nkind: resolution\nlanguage: en\nfields:\n  - id: name\n    label: Name\n    type: text\n  - id: spare\n    label: Spare\n    type: text\n---\n";

    fn lines(body: &str) -> Vec<String> {
        lint(&format!("{HEADER}{body}"), "t.md", &library())
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn undeclared_names_unknown_sources_and_unused_fields() {
        let found = lines(
            "Dear {{ name }},\n\n{{ nmae }} and {{ cite(\"nowhere\") }} {{ cite('known') }}\n",
        );
        assert_eq!(
            found,
            [
                "t.md:10:1: warning: field `spare` is declared but never used in the body, the document settings or the checks",
                "t.md:16:4: error: `nmae` is used but is not a declared field; declare it under `fields` or fix its spelling",
                "t.md:16:25: error: cite(\"nowhere\"): no source with this id in the evidence library",
            ]
        );
    }

    #[test]
    fn a_name_used_only_in_a_setting_is_placed_on_the_settings_line() {
        let source = HEADER.replace(
            "fields:",
            "document:\n  paper: letter\n  author: \"{{ nmae }}\"\nfields:",
        );
        let found: Vec<String> = lint(
            &format!("{source}{{{{ name }}}} {{{{ spare }}}}"),
            "t.md",
            &library(),
        )
        .iter()
        .map(ToString::to_string)
        .collect();
        assert_eq!(
            found,
            ["t.md:8:1: error: document.author: `nmae` is used but is not a declared field; declare it under `fields` or fix its spelling"]
        );
    }

    #[test]
    fn a_syntax_error_is_one_error_at_its_place() {
        let found = lines("{{ name }}\n{% if spare %}\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("t.md:15:") && found[0].contains(": error: "),
            "{found:?}"
        );
    }

    #[test]
    fn unknown_filters_and_tests_are_found_known_ones_are_not() {
        let found = lines("{{ name | titel }} {{ spare | default(\"a|b\") | upper }}{% if name is not defined %}{% endif %}{% if name is numbr %}{% endif %}\n");
        assert_eq!(
            found,
            [
                "t.md:14:11: error: unknown filter `titel`",
                "t.md:14:109: error: unknown test `numbr`",
            ]
        );
        // The project's own filters count as known.
        assert!(lines("{{ name | date }}{{ spare | join_list }}\n").is_empty());
    }

    #[test]
    fn a_name_set_in_a_branch_is_not_undeclared() {
        let found = lines("{% if name %}{%- set label = \"a\" -%}{% else %}{% set label = spare %}{% endif %}{{ label }}\n");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn set_variables_loops_and_attributes_are_not_fields() {
        let found = lines("{% set x = name %}{% for i in range(2) %}{{ loop.index }}{{ x }}{% endfor %}{{ spare.upper() }}\n");
        assert!(found.is_empty(), "{found:?}");
    }
}
