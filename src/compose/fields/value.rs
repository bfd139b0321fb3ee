//! How answers (JSON values) read: blank, truthy, and named in messages.

use serde_json::Value;

use crate::i18n::{msg, Message};

pub(super) fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

pub(super) fn is_truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// A value's kind as messages name it: "a list", "true/false".
pub(super) fn kind_of(value: &Value) -> Message {
    match value {
        Value::Null => msg!("value-null"),
        Value::Bool(_) => msg!("value-boolean"),
        Value::Number(_) => msg!("value-a-number"),
        Value::String(_) => msg!("value-some-text"),
        Value::Array(_) => msg!("value-list"),
        Value::Object(_) => msg!("value-object"),
    }
}

/// A value as messages name it: "text `abc`", "the number 5", "a list".
pub(super) fn describe(value: &Value) -> Message {
    match value {
        Value::String(s) => msg!("value-text", text = s.as_str()),
        Value::Number(n) => msg!("value-number", number = n.to_string()),
        other => kind_of(other),
    }
}
