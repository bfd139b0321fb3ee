//! A template's questions (fields) and the checking of a draft's answers.
//!
//! Answers are a JSON object mapping field ids to values. Each value is
//! checked against its field's type and limits and normalised into the shape
//! the template body sees (see [`Field::normalize`]).

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub help: String,
    #[serde(rename = "type")]
    pub field_type: FieldType,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub default: Option<Value>,
    #[serde(default)]
    pub step: Option<String>,
    #[serde(default)]
    pub condition: Option<Condition>,
    #[serde(default)]
    pub limits: Limits,
    /// The choices of a `choice` field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ChoiceOption>,
    /// ISO 4217 code of a `money` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

/// A page of the wizard: the fields whose `step` names it, in file order.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub help: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum FieldType {
    Text,
    LongText,
    Number,
    Money,
    Date,
    Choice,
    Boolean,
    Company,
    List,
    EvidenceList,
}

/// Shown only when `field` has the value `equals` (or, without `equals`,
/// when it is answered with something other than false, zero or empty).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub field: String,
    #[serde(default)]
    pub equals: Option<Value>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_words: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<usize>,
    /// Lowest number or amount, or earliest date (ISO).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_items: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<usize>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub value: String,
    pub label: String,
}

/// One answer that does not fit its field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerProblem {
    pub field: String,
    pub label: String,
    pub message: String,
}

impl std::fmt::Display for AnswerProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "«{}» (field `{}`): {}",
            self.label, self.field, self.message
        )
    }
}

/// Answers checked against a template's fields, in the body's shape.
#[derive(Debug, Clone, Default)]
pub struct CheckedAnswers(pub Map<String, Value>);

/// Looks up evidence references while checking answers.
pub trait EvidenceLookup {
    /// Expands `source` or `source#claim` into the object the body sees, or
    /// says why it cannot.
    fn expand(&self, reference: &str, language: &str) -> Result<Value, String>;
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
                message: format!(
                    "answers must be a JSON object of field ids to values, not {}",
                    kind_of(other)
                ),
            });
            &empty
        }
    };
    for key in given.keys() {
        if !fields.iter().any(|f| &f.id == key) {
            problems.push(AnswerProblem {
                field: key.clone(),
                label: key.clone(),
                message: "this template has no such field".into(),
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
                    problems.push(field.problem("an answer is required".into()));
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

/// The most characters of one-line text, a list item or a company's details.
pub const MAX_TEXT_CHARS: usize = 2_000;
/// The most characters of a long-text answer (about ten pages).
pub const MAX_LONG_TEXT_CHARS: usize = 50_000;
/// The most characters all of one answer's texts hold together.
const MAX_ANSWER_CHARS: usize = 100_000;

/// Refuses an answer holding text that cannot be stored or printed, or
/// more text than any answer may hold, before looking at its type.
pub fn check_acceptable(value: &Value) -> Result<(), String> {
    if let Some(problem) = super::text::refusal_in(value) {
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
        return Err(format!(
            "holds {total} characters; an answer can be at most {MAX_ANSWER_CHARS}"
        ));
    }
    Ok(())
}

/// The problem with one answer, if any, as the wizard checks it while the
/// user types. Evidence references are checked by the server, which knows
/// the library; everything else is the same check as [`check_answers`].
pub fn check_one(field: &Field, value: Option<&Value>) -> Option<String> {
    match value.filter(|v| !is_blank(v)).or(field.default.as_ref()) {
        None => field.required.then(|| "an answer is required".to_owned()),
        Some(value) => field.normalize(value).err(),
    }
}

fn expand_evidence(
    value: Value,
    language: &str,
    evidence: &dyn EvidenceLookup,
) -> Result<Value, String> {
    let Value::Array(items) = value else {
        return Ok(value);
    };
    let mut out = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let reference = item.as_str().unwrap_or_default();
        out.push(
            evidence
                .expand(reference, language)
                .map_err(|m| format!("item {}: {m}", index + 1))?,
        );
    }
    Ok(Value::Array(out))
}

impl Condition {
    pub fn holds(&self, answers: &Map<String, Value>) -> bool {
        let value = answers.get(&self.field).unwrap_or(&Value::Null);
        match &self.equals {
            Some(expected) => value == expected,
            None => is_truthy(value),
        }
    }
}

impl Field {
    fn problem(&self, message: String) -> AnswerProblem {
        AnswerProblem {
            field: self.id.clone(),
            label: self.label.clone(),
            message,
        }
    }

    /// What the preview shows in place of a missing or wrong answer.
    pub fn placeholder(&self, date: &str) -> Value {
        let label = format!("[{}]", self.label);
        match self.field_type {
            FieldType::Text | FieldType::LongText => Value::String(label),
            FieldType::Company => {
                json!({ "name": label, "ticker": null, "address": null, "secretary": null })
            }
            FieldType::Number => json!(0),
            FieldType::Money => json!({
                "amount": 0.0,
                "currency": self.currency.clone().unwrap_or_else(|| "USD".to_owned()),
            }),
            FieldType::Date => Value::String(date.to_owned()),
            FieldType::Choice => self
                .options
                .first()
                .map_or(Value::Null, |o| Value::String(o.value.clone())),
            FieldType::Boolean => Value::Bool(false),
            FieldType::List | FieldType::EvidenceList => Value::Array(Vec::new()),
        }
    }

    /// Checks one value against this field's type and limits and returns it
    /// in the shape the template body sees.
    pub fn normalize(&self, value: &Value) -> Result<Value, String> {
        check_acceptable(value)?;
        match self.field_type {
            FieldType::Text | FieldType::LongText => {
                let text = super::text::normalize_line_ends(expect_str(value, "text")?);
                if self.field_type == FieldType::Text && text.contains('\n') {
                    return Err("must be a single line".into());
                }
                self.check_text_limits(&text)?;
                Ok(Value::String(text.into_owned()))
            }
            FieldType::Number => {
                let n = value
                    .as_f64()
                    .ok_or_else(|| format!("expected a number, got {}", describe(value)))?;
                self.check_range(n)?;
                Ok(value.clone())
            }
            FieldType::Money => self.normalize_money(value),
            FieldType::Date => {
                let text = expect_str(value, "a date as YYYY-MM-DD")?;
                let date = parse_date(text)
                    .ok_or_else(|| format!("expected a date as YYYY-MM-DD, got `{text}`"))?;
                for (bound, is_min) in [(&self.limits.min, true), (&self.limits.max, false)] {
                    if let Some(limit) = bound.as_ref().and_then(Value::as_str).and_then(parse_date)
                    {
                        if (is_min && date < limit) || (!is_min && date > limit) {
                            return Err(format!(
                                "{text} is {} {limit}",
                                if is_min { "before" } else { "after" }
                            ));
                        }
                    }
                }
                Ok(Value::String(text.to_owned()))
            }
            FieldType::Choice => {
                let text = expect_str(value, "one of the options")?;
                if self.options.iter().any(|o| o.value == text) {
                    Ok(Value::String(text.to_owned()))
                } else {
                    let allowed: Vec<_> = self
                        .options
                        .iter()
                        .map(|o| format!("`{}`", o.value))
                        .collect();
                    Err(format!(
                        "`{text}` is not one of the options ({})",
                        allowed.join(", ")
                    ))
                }
            }
            FieldType::Boolean => match value {
                Value::Bool(_) => Ok(value.clone()),
                other => Err(format!("expected true or false, got {}", describe(other))),
            },
            FieldType::Company => normalize_company(value),
            FieldType::List | FieldType::EvidenceList => {
                let Value::Array(items) = value else {
                    return Err(format!("expected a list, got {}", describe(value)));
                };
                if let Some(min) = self.limits.min_items.filter(|m| items.len() < *m) {
                    return Err(format!("needs at least {min} items, has {}", items.len()));
                }
                if let Some(max) = self.limits.max_items.filter(|m| items.len() > *m) {
                    return Err(format!("allows at most {max} items, has {}", items.len()));
                }
                for (index, item) in items.iter().enumerate() {
                    let text = item.as_str().ok_or_else(|| {
                        format!("item {} must be text, got {}", index + 1, describe(item))
                    })?;
                    self.check_text_limits(text)
                        .map_err(|m| format!("item {}: {m}", index + 1))?;
                }
                Ok(value.clone())
            }
        }
    }

    /// The longest text one answer (or one list item) of this field may
    /// hold, whatever the template says: a paragraph for one-line answers,
    /// a few pages for long text.
    pub fn max_chars(&self) -> usize {
        match self.field_type {
            FieldType::LongText => MAX_LONG_TEXT_CHARS,
            _ => MAX_TEXT_CHARS,
        }
    }

    fn check_text_limits(&self, text: &str) -> Result<(), String> {
        let length = text.chars().count();
        if length > self.max_chars() {
            return Err(format!(
                "is {length} characters long; an answer of this kind can be at most {}",
                self.max_chars()
            ));
        }
        if let Some(max) = self.limits.max_length {
            let length = text.chars().count();
            if length > max {
                return Err(format!("is {length} characters long; the limit is {max}"));
            }
        }
        if let Some(max) = self.limits.max_words {
            let words = count_words(text);
            if words > max {
                return Err(format!("has {words} words; the limit is {max}"));
            }
        }
        Ok(())
    }

    fn check_range(&self, n: f64) -> Result<(), String> {
        if let Some(min) = self
            .limits
            .min
            .as_ref()
            .and_then(Value::as_f64)
            .filter(|m| n < *m)
        {
            return Err(format!("{n} is below the minimum of {min}"));
        }
        if let Some(max) = self
            .limits
            .max
            .as_ref()
            .and_then(Value::as_f64)
            .filter(|m| n > *m)
        {
            return Err(format!("{n} is above the maximum of {max}"));
        }
        Ok(())
    }

    fn normalize_money(&self, value: &Value) -> Result<Value, String> {
        let field_currency = self.currency.clone();
        let (amount, currency) = match value {
            Value::Number(_) => (value.as_f64(), field_currency),
            Value::Object(map) => (
                map.get("amount").and_then(Value::as_f64),
                map.get("currency")
                    .and_then(Value::as_str)
                    .map(str::to_owned)
                    .or(field_currency),
            ),
            other => return Err(format!("expected an amount, got {}", describe(other))),
        };
        let amount = amount.ok_or("expected an amount as a number, e.g. 2000 or {\"amount\": 2000, \"currency\": \"USD\"}")?;
        let currency =
            currency.ok_or("says no currency: give {\"amount\": …, \"currency\": \"USD\"}")?;
        if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(format!(
                "currency `{currency}` is not an ISO 4217 code such as USD or EUR"
            ));
        }
        if amount < 0.0 {
            return Err("an amount cannot be negative".into());
        }
        self.check_range(amount)?;
        Ok(json!({ "amount": amount, "currency": currency }))
    }
}

fn normalize_company(value: &Value) -> Result<Value, String> {
    let mut company = match value {
        Value::String(name) => {
            let mut map = Map::new();
            map.insert("name".into(), Value::String(name.clone()));
            map
        }
        Value::Object(map) => map.clone(),
        other => {
            return Err(format!(
                "expected a company name or an object with `name`, got {}",
                describe(other)
            ))
        }
    };
    const KEYS: [&str; 4] = ["name", "ticker", "address", "secretary"];
    if let Some(unknown) = company.keys().find(|k| !KEYS.contains(&k.as_str())) {
        return Err(format!(
            "unknown company detail `{unknown}` (known: name, ticker, address, secretary)"
        ));
    }
    for key in KEYS {
        match company.get(key) {
            Some(Value::String(_)) | None => {}
            Some(other) => {
                return Err(format!(
                    "company {key} must be text, got {}",
                    describe(other)
                ))
            }
        }
        company.entry(key).or_insert(Value::Null);
    }
    if company
        .get("name")
        .and_then(Value::as_str)
        .is_none_or(|n| n.trim().is_empty())
    {
        return Err("the company needs a name".into());
    }
    Ok(Value::Object(company))
}

fn expect_str<'a>(value: &'a Value, what: &str) -> Result<&'a str, String> {
    value
        .as_str()
        .ok_or_else(|| format!("expected {what}, got {}", describe(value)))
}

pub fn parse_date(text: &str) -> Option<time::Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(text, &format).ok()
}

/// Words as a reader counts them: runs of letters or digits, where a hyphen,
/// apostrophe or decimal point inside a run does not split it.
pub fn count_words(text: &str) -> usize {
    text.split(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '/'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

fn is_truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn describe(value: &Value) -> String {
    match value {
        Value::String(s) => format!("text `{s}`"),
        Value::Number(n) => format!("the number {n}"),
        other => kind_of(other).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct NoEvidence;
    impl EvidenceLookup for NoEvidence {
        fn expand(&self, reference: &str, _: &str) -> Result<Value, String> {
            Err(format!("no source `{reference}` in the evidence library"))
        }
    }

    fn field(id: &str, field_type: FieldType) -> Field {
        Field {
            id: id.into(),
            label: id.to_uppercase(),
            help: String::new(),
            field_type,
            required: true,
            default: None,
            step: None,
            condition: None,
            limits: Limits::default(),
            options: vec![ChoiceOption {
                value: "a".into(),
                label: "A".into(),
            }],
            currency: Some("USD".into()),
        }
    }

    fn problems(fields: &[Field], answers: Value) -> Vec<String> {
        check_answers(fields, &answers, "en", &NoEvidence)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn every_type_rejects_the_wrong_shape() {
        use FieldType::*;
        let fields: Vec<_> = [
            Text,
            LongText,
            Number,
            Money,
            Date,
            Choice,
            Boolean,
            Company,
            List,
            EvidenceList,
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| field(&format!("f{i}"), *t))
        .collect();
        let answers = json!({
            "f0": 1, "f1": ["x"], "f2": "ten", "f3": "lots", "f4": "next week",
            "f5": "b", "f6": "yes", "f7": 3, "f8": "x", "f9": ["missing-source"]
        });
        let p = problems(&fields, answers);
        assert_eq!(
            p,
            vec![
            "«F0» (field `f0`): expected text, got the number 1",
            "«F1» (field `f1`): expected text, got a list",
            "«F2» (field `f2`): expected a number, got text `ten`",
            "«F3» (field `f3`): expected an amount, got text `lots`",
            "«F4» (field `f4`): expected a date as YYYY-MM-DD, got `next week`",
            "«F5» (field `f5`): `b` is not one of the options (`a`)",
            "«F6» (field `f6`): expected true or false, got text `yes`",
            "«F7» (field `f7`): expected a company name or an object with `name`, got the number 3",
            "«F8» (field `f8`): expected a list, got text `x`",
            "«F9» (field `f9`): item 1: no source `missing-source` in the evidence library",
        ]
        );
    }

    #[test]
    fn missing_required_unknown_keys_and_limits() {
        let mut text = field("statement", FieldType::LongText);
        text.limits.max_words = Some(3);
        let p = problems(
            &[field("company", FieldType::Company), text],
            json!({"statement": "one two three four", "extra": 1}),
        );
        assert_eq!(
            p,
            vec![
                "«extra» (field `extra`): this template has no such field",
                "«COMPANY» (field `company`): an answer is required",
                "«STATEMENT» (field `statement`): has 4 words; the limit is 3",
            ]
        );
    }

    #[test]
    fn conditions_hide_required_fields_and_values_are_normalised() {
        let mut flag = field("has_lead", FieldType::Boolean);
        flag.required = false;
        let mut lead = field("lead", FieldType::Text);
        lead.condition = Some(Condition {
            field: "has_lead".into(),
            equals: Some(json!(true)),
        });
        let checked = check_answers(
            &[
                flag.clone(),
                lead.clone(),
                field("amount", FieldType::Money),
            ],
            &json!({"has_lead": false, "amount": 2000}),
            "en",
            &NoEvidence,
        )
        .unwrap();
        assert_eq!(checked.0["lead"], Value::Null);
        assert_eq!(
            checked.0["amount"],
            json!({"amount": 2000.0, "currency": "USD"})
        );
        let p = problems(&[flag, lead], json!({"has_lead": true}));
        assert_eq!(p, vec!["«LEAD» (field `lead`): an answer is required"]);
    }

    #[test]
    fn preview_reports_problems_and_fills_placeholders() {
        let fields = [
            field("company", FieldType::Company),
            field("when", FieldType::Date),
            field("n", FieldType::Number),
        ];
        let (checked, problems) = check_answers_for_preview(
            &fields,
            &json!({"n": "many"}),
            "en",
            &NoEvidence,
            "2026-11-30",
        );
        assert_eq!(problems.len(), 3);
        assert_eq!(checked.0["company"]["name"], "[COMPANY]");
        assert_eq!(checked.0["when"], "2026-11-30");
        assert_eq!(checked.0["n"], 0);
    }

    #[test]
    fn inline_citations_are_found_with_their_pinpoints() {
        let text = "As reported [@guardian-2025, p. 4] and [@hrw]. Not [@bad id] nor [@x\n].";
        let found = inline_citations(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].source, "guardian-2025");
        assert_eq!(found[0].pinpoint.as_deref(), Some("p. 4"));
        assert_eq!(&text[found[0].range.clone()], "[@guardian-2025, p. 4]");
        assert_eq!(found[1].source, "hrw");
        assert_eq!(found[1].pinpoint, None);
    }

    #[test]
    fn words_are_counted_as_a_reader_counts_them() {
        assert_eq!(
            count_words("A well-known company's 2,000 shares — held 3.5 years."),
            8
        );
    }
}
