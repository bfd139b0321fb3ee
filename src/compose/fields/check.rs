//! Checking a draft's answers against a template's fields: every problem
//! at once, or placeholders in place of wrong answers for the preview.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::schema::{Field, FieldType, MAX_ANSWER_CHARS};
use super::value::{is_blank, kind_of};
use crate::i18n::{msg, Message};

/// One answer that does not fit its field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerProblem {
    pub field: String,
    pub label: String,
    /// Worded by whoever shows it: the page in its language, the command
    /// line and the API in English (`Display`).
    pub message: Message,
}

impl AnswerProblem {
    /// The problem after the question it is about, for lists of problems.
    pub fn located(&self) -> Message {
        msg!(
            "answer-at-field",
            label = self.label.as_str(),
            field = self.field.as_str(),
            problem = self.message.clone()
        )
    }
}

impl std::fmt::Display for AnswerProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.located())
    }
}

/// Answers checked against a template's fields, in the body's shape.
#[derive(Debug, Clone, Default)]
pub struct CheckedAnswers(pub Map<String, Value>);

/// Looks up evidence references while checking answers.
pub trait EvidenceLookup {
    /// Expands `source` or `source#claim` into the object the body sees, or
    /// says why it cannot.
    fn expand(&self, reference: &str, language: &str) -> Result<Value, Message>;
}

/// Checks every answer; returns all problems at once so a user can fix them together.
pub fn check_answers(
    fields: &[Field],
    answers: &Value,
    language: &str,
    evidence: &dyn EvidenceLookup,
) -> Result<CheckedAnswers, Vec<AnswerProblem>> {
    let (checked, problems) = check_answers_with(fields, answers, language, evidence, None);
    if problems.is_empty() {
        Ok(checked)
    } else {
        Err(problems)
    }
}

/// Checks an unfinished draft for its preview: every problem is reported,
/// and a missing or wrong answer is replaced by a visible placeholder
/// (`[Company]`) so the rest of the document can still be shown. Dates
/// that are missing show as `placeholder_date`.
pub fn check_answers_for_preview(
    fields: &[Field],
    answers: &Value,
    language: &str,
    evidence: &dyn EvidenceLookup,
    placeholder_date: &str,
) -> (CheckedAnswers, Vec<AnswerProblem>) {
    check_answers_with(fields, answers, language, evidence, Some(placeholder_date))
}

fn check_answers_with(
    fields: &[Field],
    answers: &Value,
    language: &str,
    evidence: &dyn EvidenceLookup,
    placeholder_date: Option<&str>,
) -> (CheckedAnswers, Vec<AnswerProblem>) {
    let mut problems = Vec::new();
    let empty = Map::new();
    let given = match answers {
        Value::Object(map) => map,
        Value::Null => &empty,
        other => {
            problems.push(AnswerProblem {
                field: String::new(),
                label: "answers".into(),
                message: msg!("answer-not-an-object", got = kind_of(other)),
            });
            &empty
        }
    };
    for key in given.keys() {
        if !fields.iter().any(|f| &f.id == key) {
            problems.push(AnswerProblem {
                field: key.clone(),
                label: key.clone(),
                message: msg!("answer-no-such-field"),
            });
        }
    }
    let mut checked = Map::new();
    for field in fields {
        let active = field.condition.as_ref().is_none_or(|c| c.holds(&checked));
        let placeholder = |field: &Field| match placeholder_date {
            Some(date) => field.placeholder(date),
            None => Value::Null,
        };
        let answer = given.get(&field.id).filter(|v| !is_blank(v));
        let value = match answer.or(field.default.as_ref()) {
            Some(value) if active => value,
            _ => {
                let missing = field.required && active;
                if missing {
                    problems.push(field.problem(msg!("answer-required")));
                }
                let value = if missing {
                    placeholder(field)
                } else {
                    Value::Null
                };
                checked.insert(field.id.clone(), value);
                continue;
            }
        };
        let normalized = field.normalize(value).and_then(|v| match field.field_type {
            FieldType::EvidenceList => expand_evidence(v, language, evidence),
            _ => Ok(v),
        });
        match normalized {
            Ok(v) => {
                checked.insert(field.id.clone(), v);
            }
            Err(message) => {
                problems.push(field.problem(message));
                checked.insert(field.id.clone(), placeholder(field));
            }
        }
    }
    (CheckedAnswers(checked), problems)
}

/// `[@source-id]` or `[@source-id, pinpoint]` in a long-text answer: a
/// citation the drafter typed, which becomes a footnote like `cite()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineCitation {
    /// Byte range of the whole `[@…]` in the text.
    pub range: std::ops::Range<usize>,
    pub source: String,
    pub pinpoint: Option<String>,
}

/// Finds the inline citations in `text`, in order. Anything that does not
/// have the exact shape (a source id of letters, digits, `-` and `_`, an
/// optional pinpoint after a comma, no line break) is left as text.
pub fn inline_citations(text: &str) -> Vec<InlineCitation> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(start) = text[from..].find("[@").map(|i| i + from) {
        from = start + 2;
        let Some(end) = text[from..].find(']').map(|i| i + from) else {
            break;
        };
        let inner = &text[start + 2..end];
        if inner.contains(['\n', '[']) {
            continue;
        }
        let (source, pinpoint) = match inner.split_once(',') {
            Some((source, pinpoint)) => (source.trim(), Some(pinpoint.trim())),
            None => (inner.trim(), None),
        };
        let valid_id = !source.is_empty()
            && source
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if valid_id {
            found.push(InlineCitation {
                range: start..end + 1,
                source: source.to_owned(),
                pinpoint: pinpoint.filter(|p| !p.is_empty()).map(str::to_owned),
            });
            from = end + 1;
        }
    }
    found
}

/// Refuses an answer holding text that cannot be stored or printed, or
/// more text than any answer may hold, before looking at its type.
pub fn check_acceptable(value: &Value) -> Result<(), Message> {
    if let Some(problem) = crate::text::refusal_in(value) {
        return Err(problem);
    }
    fn chars(value: &Value) -> usize {
        match value {
            Value::String(text) => text.chars().count(),
            Value::Array(items) => items.iter().map(chars).sum(),
            Value::Object(map) => map.iter().map(|(k, v)| k.chars().count() + chars(v)).sum(),
            _ => 0,
        }
    }
    // A single text is held to its field's own limit (`max_chars`).
    let total = if value.is_string() { 0 } else { chars(value) };
    if total > MAX_ANSWER_CHARS {
        return Err(msg!(
            "answer-too-large",
            total = total,
            max = MAX_ANSWER_CHARS
        ));
    }
    Ok(())
}

/// The problem with one answer, if any, as the wizard checks it while the
/// user types. Evidence references are checked by the server, which knows
/// the library; everything else is the same check as [`check_answers`].
pub fn check_one(field: &Field, value: Option<&Value>) -> Option<Message> {
    match value.filter(|v| !is_blank(v)).or(field.default.as_ref()) {
        None => field.required.then(|| msg!("answer-required")),
        Some(value) => field.normalize(value).err(),
    }
}

fn expand_evidence(
    value: Value,
    language: &str,
    evidence: &dyn EvidenceLookup,
) -> Result<Value, Message> {
    let Value::Array(items) = value else {
        return Ok(value);
    };
    let mut out = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let reference = item.as_str().unwrap_or_default();
        out.push(
            evidence
                .expand(reference, language)
                .map_err(|problem| msg!("answer-item", number = index + 1, problem = problem))?,
        );
    }
    Ok(Value::Array(out))
}
