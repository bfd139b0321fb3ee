//! Composing: a template, a draft's answers and the evidence library become
//! Markdown with citation markers.

use std::collections::HashSet;

use serde_json::{json, Map, Value};

use super::engine::{self, RenderFailure};
use super::{diagnostic, fields, AnswerProblem, Diagnostic, Template, TemplateError};
use crate::document::marker;
use crate::document::Metadata;
use crate::evidence::{Citation, Library};
use crate::i18n::{msg, Message};

/// Markdown with citation markers, the citations they point to, and the
/// document's properties.
#[derive(Debug, Clone)]
pub struct Composed {
    pub markdown: String,
    pub citations: Vec<Citation>,
    pub metadata: Metadata,
}

/// Why composing failed. Each variant says what to fix and where.
#[derive(Debug, thiserror::Error)]
pub enum ComposeError {
    #[error(transparent)]
    Template(#[from] TemplateError),
    #[error("the answers do not fit template `{template}`:\n{}", .problems.iter().map(|p| format!("  - {p}")).collect::<Vec<_>>().join("\n"))]
    Answers {
        template: String,
        problems: Vec<AnswerProblem>,
    },
    #[error("{}:{}:{}: cite(\"{id}\"): no source with this id in the evidence library", .at.file, .at.line, .at.column)]
    UnknownSource { id: String, at: Diagnostic },
    #[error("{0}")]
    Render(Diagnostic),
    #[error("{file}{}: rendering stopped: {limit}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Limit {
        file: String,
        line: Option<usize>,
        limit: Message,
    },
}

impl ComposeError {
    /// What is wrong and where, for whoever shows it: the page in its
    /// language (`Display` is the English).
    pub fn message(&self) -> Message {
        match self {
            ComposeError::Template(error) => error.message(),
            ComposeError::Answers { template, problems } => msg!(
                "compose-answers-do-not-fit",
                template = template.as_str(),
                problems = problems
                    .iter()
                    .map(AnswerProblem::located)
                    .collect::<Vec<_>>()
            ),
            ComposeError::UnknownSource { at, .. } | ComposeError::Render(at) => at.located(),
            ComposeError::Limit { file, line, limit } => match line {
                Some(line) => msg!(
                    "lint-stopped-at",
                    file = file.as_str(),
                    line = *line,
                    limit = limit.clone()
                ),
                None => msg!("lint-stopped", file = file.as_str(), limit = limit.clone()),
            },
        }
    }
}

/// Renders `template` with `answers` (a JSON object of field ids to values).
pub fn compose(
    template: &Template,
    answers: &Value,
    library: &Library,
) -> Result<Composed, ComposeError> {
    let language = template.front.language.as_str();
    let answers_problem = |problems| ComposeError::Answers {
        template: template.id().to_owned(),
        problems,
    };
    let checked = fields::check_answers(
        &template.front.fields,
        &sanitize(answers),
        language,
        library,
    )
    .map_err(answers_problem)?;
    let (context, citations, problems) = cite_in_answers(template, checked.0, library);
    if !problems.is_empty() {
        return Err(answers_problem(problems));
    }
    compose_checked(template, context, citations, library)
}

/// An unfinished draft, composed for its live preview.
#[derive(Debug, Clone)]
pub struct ComposedPreview {
    pub composed: Composed,
    /// What is still wrong with the answers.
    pub problems: Vec<AnswerProblem>,
    /// The checked answers (placeholders included) in the body's shape, as
    /// the filing-rule checks read them.
    pub answers: Map<String, Value>,
}

/// Renders an unfinished draft for its live preview: problems with the
/// answers are returned beside the document, and the answers they concern
/// show as placeholders such as `[Company]`. `today` (YYYY-MM-DD) stands in
/// for a missing date.
pub fn compose_preview(
    template: &Template,
    answers: &Value,
    library: &Library,
    today: &str,
) -> Result<ComposedPreview, ComposeError> {
    let (checked, mut problems) = fields::check_answers_for_preview(
        &template.front.fields,
        &sanitize(answers),
        &template.front.language,
        library,
        today,
    );
    let answers = checked.0.clone();
    let (context, citations, more) = cite_in_answers(template, checked.0, library);
    problems.extend(more);
    Ok(ComposedPreview {
        composed: compose_checked(template, context, citations, library)?,
        problems,
        answers,
    })
}

/// Turns `[@source, pinpoint]` in long-text answers into citation markers.
/// A citation of a source the library does not have is a problem with
/// that answer, and stays as typed.
fn cite_in_answers(
    template: &Template,
    mut answers: Map<String, Value>,
    library: &Library,
) -> (Map<String, Value>, Vec<Citation>, Vec<AnswerProblem>) {
    let mut citations = Vec::new();
    let mut problems = Vec::new();
    for field in &template.front.fields {
        if field.field_type != fields::FieldType::LongText {
            continue;
        }
        let Some(Value::String(text)) = answers.get_mut(&field.id) else {
            continue;
        };
        let found = fields::inline_citations(text);
        if found.is_empty() {
            continue;
        }
        let mut rewritten = String::with_capacity(text.len());
        let mut copied = 0;
        for citation in found {
            let before = &text[copied..citation.range.start];
            if library.source(&citation.source).is_some() {
                // A note mark sits against the word it follows and after
                // the punctuation that closes the phrase, as typeset notes
                // do: "read [@x];" prints "read;³", not "read ³;".
                rewritten.push_str(before.trim_end_matches([' ', '\t']));
                let closing = text[citation.range.end..]
                    .chars()
                    .next()
                    .filter(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?'));
                if let Some(mark) = closing {
                    rewritten.push(mark);
                }
                rewritten.push_str(&marker::make(citations.len()));
                citations.push(Citation {
                    source: citation.source,
                    pinpoint: citation.pinpoint,
                });
                copied = citation.range.end + closing.map_or(0, char::len_utf8);
            } else {
                rewritten.push_str(before);
                rewritten.push_str(&text[citation.range.clone()]);
                problems.push(AnswerProblem {
                    field: field.id.clone(),
                    label: field.label.clone(),
                    message: crate::i18n::msg!(
                        "answer-unknown-citation",
                        source = citation.source.as_str()
                    ),
                });
                copied = citation.range.end;
            }
        }
        rewritten.push_str(&text[copied..]);
        *text = rewritten;
    }
    (answers, citations, problems)
}

/// Renders the body and document settings with checked answers.
fn compose_checked(
    template: &Template,
    mut context: Map<String, Value>,
    answer_citations: Vec<Citation>,
    library: &Library,
) -> Result<Composed, ComposeError> {
    let language = template.front.language.as_str();
    context.insert(
        "template".into(),
        json!({
            "id": template.front.id,
            "title": template.front.title,
            "kind": template.front.kind.as_str(),
            "language": template.front.language,
            "jurisdiction": template.front.jurisdiction,
        }),
    );
    let context = minijinja::Value::from(minijinja::value::Serde(Value::Object(context)));
    let known: HashSet<String> = library.sources.iter().map(|s| s.id.clone()).collect();

    let rendered = engine::render(
        &template.origin,
        &template.body,
        &context,
        language,
        known.clone(),
        answer_citations,
    )
    .map_err(|f| locate(f, template, &template.body, template.body_line_offset, None))?;

    let settings = &template.front.document;
    let setting = |name: &str, source: &Option<String>| -> Result<Option<String>, ComposeError> {
        let Some(source) = source else {
            return Ok(None);
        };
        let origin = format!("{} (document.{name})", template.origin);
        let text = engine::render(
            &origin,
            source,
            &context,
            language,
            known.clone(),
            Vec::new(),
        )
        // Placed on the setting's line of the front matter, and named.
        .map_err(|f| {
            let line = template.document_setting_line(name);
            locate(f, template, source, line.saturating_sub(1), Some(name))
        })?
        .text;
        let text = marker::strip(text.trim()).into_owned();
        Ok(Some(text).filter(|t| !t.is_empty()))
    };
    let title = setting("title", &settings.title)?;
    let author = setting("author", &settings.author)?;
    let subject = setting("subject", &settings.subject)?;
    let paper = settings
        .paper
        .unwrap_or(match template.front.language.as_str() {
            "en-US" => crate::document::Paper::Letter,
            _ => crate::document::Paper::A4,
        });
    Ok(Composed {
        markdown: rendered.text,
        citations: rendered.citations,
        metadata: Metadata {
            title: title.unwrap_or_default(),
            author,
            subject,
            language: template.front.language.clone(),
            date: None,
            paper,
        },
    })
}

/// Answers are untrusted text: drop the characters our citation markers use.
fn sanitize(value: &Value) -> Value {
    match value {
        Value::String(s) => Value::String(marker::strip(s).into_owned()),
        Value::Array(items) => Value::Array(items.iter().map(sanitize).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), sanitize(v)))
                .collect::<Map<_, _>>(),
        ),
        other => other.clone(),
    }
}

/// Turns a render failure into an error that names the file line and column.
fn locate(
    failure: RenderFailure,
    template: &Template,
    source: &str,
    line_offset: usize,
    setting: Option<&str>,
) -> ComposeError {
    let file = template.origin.clone();
    let message = match setting {
        Some(setting) => msg!(
            "lint-in-setting",
            setting = setting,
            problem = failure.message()
        ),
        None => failure.message(),
    };
    let at = |line: Option<usize>, offset: Option<usize>| {
        let (line_in_source, column) = match offset {
            Some(o) => diagnostic::line_and_column(source, o),
            None => (line.unwrap_or(1), 1),
        };
        Diagnostic {
            file: file.clone(),
            line: line_in_source + line_offset,
            column,
            message: message.clone(),
        }
    };
    match failure {
        RenderFailure::Template { line, offset, .. } => ComposeError::Render(at(line, offset)),
        RenderFailure::UnknownSource { id, line, offset } => ComposeError::UnknownSource {
            id,
            at: at(line, offset),
        },
        RenderFailure::OutOfFuel { line } | RenderFailure::TooDeep { line } => {
            ComposeError::Limit {
                file,
                line: line.map(|l| l + line_offset),
                limit: message,
            }
        }
        // The writer stops the render; minijinja gives no place for that.
        RenderFailure::OutputTooLarge => ComposeError::Limit {
            file,
            line: None,
            limit: message,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "---\nid: t\ntitle: T\nkind: resolution\nlanguage: en\nfields:\n  - id: name\n    label: Name\n    type: text\n---\n";

    fn library() -> Library {
        Library::parse(
            r#"{"sources":[{"id":"src","type":"report","title":"A Report","publisher":"Org","date":"2024-05-01","claims":[{"id":"c","text":{"en":"It happened."}}]}]}"#,
            "lib.json",
        )
        .unwrap()
    }

    fn compose_body(body: &str, answers: Value) -> Result<Composed, ComposeError> {
        let template = Template::parse(&format!("{HEADER}{body}"), "t.md").unwrap();
        compose(&template, &answers, &library())
    }

    #[test]
    fn citations_become_markers_in_order() {
        let composed =
            compose_body("A{{ cite('src') }} B{{ cite('src', 'p. 4') }}", json!({})).unwrap();
        assert_eq!(
            composed.markdown,
            format!("A{} B{}", marker::make(0), marker::make(1))
        );
        assert_eq!(
            composed.citations[1],
            Citation {
                source: "src".into(),
                pinpoint: Some("p. 4".into())
            }
        );
    }

    #[test]
    fn unknown_source_names_id_file_line_and_column() {
        let err = compose_body("line one\n\nsee {{ cite('nope') }}\n", json!({}))
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "t.md:13:8: cite(\"nope\"): no source with this id in the evidence library"
        );
    }

    #[test]
    fn undefined_variable_is_an_error_with_location() {
        let err = compose_body("\n{{ nmae }}", json!({}))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("t.md:12:4: undefined value"), "{err}");
    }

    #[test]
    fn hostile_templates_are_stopped_by_each_limit() {
        let fuel = compose_body(
            "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
            json!({}),
        );
        assert!(
            matches!(fuel, Err(ComposeError::Limit { ref limit, .. }) if limit.to_string().contains("fuel")),
            "{fuel:?}"
        );

        // Fuel is charged per item by filters and per byte by string
        // building, so it also bounds time and memory: a loop of big sorts
        // and a string doubled until it would take gigabytes both stop.
        for hostile in [
            "{% for i in range(1000) %}{% set x = range(100000)|sort|reverse|join %}{% endfor %}",
            "{% set a = 'x' * 50000000 %}{% set b = a ~ a %}{% set c = b ~ b %}{% set d = c ~ c %}{% set e = d ~ d %}{{ e|length }}",
        ] {
            let stopped = compose_body(hostile, json!({}));
            assert!(
                matches!(stopped, Err(ComposeError::Limit { ref limit, .. }) if limit.to_string().contains("fuel")),
                "{hostile}: {stopped:?}"
            );
        }

        let deep = compose_body(
            "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
            json!({}),
        );
        assert!(
            matches!(deep, Err(ComposeError::Limit { ref limit, .. }) if limit.to_string().contains("recursion")),
            "{deep:?}"
        );

        let big = compose_body("{{ 'x' * 5000000 }}", json!({}));
        assert!(
            matches!(big, Err(ComposeError::Limit { ref limit, .. }) if limit.to_string().contains("output larger")),
            "{big:?}"
        );

        // What filters and cite() copy without fuel paying for it is
        // checked before it is copied.
        for (hostile, says) in [
            (
                "{{ (['x' * 100000] * 100000) | join_list }}",
                "more than 10000 items",
            ),
            (
                "{{ (['x' * 100000] * 100) | join_list }}",
                "add up to more than 1024 KiB",
            ),
            (
                "{{ cite('src', 'x' * 1000) }}",
                "pinpoint is longer than 500",
            ),
            (
                "{% for i in range(6000) %}{{ cite('src') }}{% endfor %}",
                "at most 5000 times",
            ),
        ] {
            let err = compose_body(hostile, json!({})).unwrap_err().to_string();
            assert!(
                err.starts_with("t.md:11:") && err.contains(says),
                "{hostile}: {err}"
            );
        }
        assert_eq!(
            compose_body("{{ ['a', 'b', 'c'] | join_list }}", json!({}))
                .unwrap()
                .markdown,
            "a, b and c"
        );

        // No loader: a template cannot read files or other templates.
        let include = compose_body("{% include '/etc/passwd' %}", json!({}))
            .unwrap_err()
            .to_string();
        assert!(
            include.contains("template not found") || include.contains("not found"),
            "{include}"
        );
        let import = compose_body("{% import 'Cargo.toml' as x %}", json!({}))
            .unwrap_err()
            .to_string();
        assert!(import.contains("not found"), "{import}");
    }

    #[test]
    fn inline_citation_marks_follow_the_word_and_its_punctuation() {
        let template = Template::parse(
            &format!(
                "{}{{{{ notes }}}}",
                HEADER.replace(
                    "type: text",
                    "type: text\n  - id: notes\n    label: Notes\n    type: long-text"
                )
            ),
            "t.md",
        )
        .unwrap();
        let answers = json!({ "notes": "It was read [@src, p. 2]; then [@src] and [@nope]." });
        let (answers, citations, problems) =
            cite_in_answers(&template, answers.as_object().unwrap().clone(), &library());
        let expected = format!(
            "It was read;{} then{} and [@nope].",
            marker::make(0),
            marker::make(1)
        );
        assert_eq!(answers["notes"], expected);
        assert_eq!(citations.len(), 2);
        assert_eq!(citations[0].pinpoint.as_deref(), Some("p. 2"));
        assert_eq!(problems.len(), 1, "the unknown source is reported");
    }

    #[test]
    fn answers_cannot_forge_citations() {
        let forged = format!("hi{}", marker::make(0));
        let composed = compose_body("{{ name }}", json!({ "name": forged })).unwrap();
        assert_eq!(composed.markdown, "hi0");
        assert!(composed.citations.is_empty());
    }

    #[test]
    fn document_settings_are_rendered_with_the_answers() {
        let source = HEADER.replace(
            "fields:",
            "document:\n  title: \"Letter for {{ name }}\"\n  paper: letter\nfields:",
        );
        let template = Template::parse(&format!("{source}Body"), "t.md").unwrap();
        let composed = compose(&template, &json!({"name": "Acme"}), &library()).unwrap();
        assert_eq!(composed.metadata.title, "Letter for Acme");
        assert_eq!(composed.metadata.paper, crate::document::Paper::Letter);
    }

    #[test]
    fn a_setting_that_fails_is_placed_on_its_line_and_named() {
        let source = HEADER.replace(
            "fields:",
            "document:\n  paper: letter\n  title: \"Letter for {{ nmae }}\"\nfields:",
        );
        let template = Template::parse(&format!("{source}Body"), "t.md").unwrap();
        let err = compose(&template, &json!({"name": "Acme"}), &library())
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("t.md:8:") && err.contains("document.title: undefined value"),
            "{err}"
        );
    }
}
