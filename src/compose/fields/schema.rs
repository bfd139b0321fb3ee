//! A template's questions as its front matter declares them: fields, the
//! wizard's steps, conditions, limits and choices.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::value::is_truthy;

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

/// The most characters of one-line text, a list item or a company's details.
pub const MAX_TEXT_CHARS: usize = 2_000;
/// The most characters of a long-text answer (about ten pages).
pub const MAX_LONG_TEXT_CHARS: usize = 50_000;
/// The most characters all of one answer's texts hold together.
pub(super) const MAX_ANSWER_CHARS: usize = 100_000;

impl Condition {
    pub fn holds(&self, answers: &Map<String, Value>) -> bool {
        let value = answers.get(&self.field).unwrap_or(&Value::Null);
        match &self.equals {
            Some(expected) => value == expected,
            None => is_truthy(value),
        }
    }
}
