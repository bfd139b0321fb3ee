//! One answer checked against its field's type and limits and put in the
//! shape the template body sees (see [`Field::normalize`]).

use serde_json::{json, Map, Value};

use super::check::{check_acceptable, AnswerProblem};
use super::schema::{Field, FieldType, MAX_LONG_TEXT_CHARS, MAX_TEXT_CHARS};
use super::value::describe;
use crate::i18n::{msg, Message};
use crate::text::{count_words, parse_date};

impl Field {
    pub(super) fn problem(&self, message: Message) -> AnswerProblem {
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
    pub fn normalize(&self, value: &Value) -> Result<Value, Message> {
        check_acceptable(value)?;
        match self.field_type {
            FieldType::Text | FieldType::LongText => {
                let text = crate::text::normalize_line_ends(
                    value
                        .as_str()
                        .ok_or_else(|| msg!("answer-expected-text", got = describe(value)))?,
                );
                if self.field_type == FieldType::Text && text.contains('\n') {
                    return Err(msg!("answer-single-line"));
                }
                self.check_text_limits(&text)?;
                Ok(Value::String(text.into_owned()))
            }
            FieldType::Number => {
                let n = value.as_f64().ok_or_else(|| match value {
                    Value::String(text) => msg!("answer-not-a-number", text = text.as_str()),
                    other => msg!("answer-expected-number", got = describe(other)),
                })?;
                self.check_range(n)?;
                Ok(value.clone())
            }
            FieldType::Money => self.normalize_money(value),
            FieldType::Date => {
                let text = value
                    .as_str()
                    .ok_or_else(|| msg!("answer-expected-date", got = describe(value)))?;
                let date = parse_date(text).ok_or_else(|| {
                    let year = text.get(..4).and_then(|y| y.parse::<i32>().ok());
                    if year.is_some_and(|y| y > crate::text::LATEST_YEAR) {
                        msg!(
                            "answer-date-too-late",
                            text = text,
                            year = crate::text::LATEST_YEAR
                        )
                    } else {
                        msg!("answer-not-a-date", text = text)
                    }
                })?;
                for (bound, is_min) in [(&self.limits.min, true), (&self.limits.max, false)] {
                    if let Some(limit) = bound.as_ref().and_then(Value::as_str).and_then(parse_date)
                    {
                        if (is_min && date < limit) || (!is_min && date > limit) {
                            let limit = limit.to_string();
                            return Err(if is_min {
                                msg!("answer-date-before", date = text, limit = limit)
                            } else {
                                msg!("answer-date-after", date = text, limit = limit)
                            });
                        }
                    }
                }
                Ok(Value::String(text.to_owned()))
            }
            FieldType::Choice => {
                let text = value
                    .as_str()
                    .ok_or_else(|| msg!("answer-expected-option", got = describe(value)))?;
                if self.options.iter().any(|o| o.value == text) {
                    Ok(Value::String(text.to_owned()))
                } else {
                    let allowed: Vec<_> = self
                        .options
                        .iter()
                        .map(|o| format!("`{}`", o.value))
                        .collect();
                    Err(msg!(
                        "answer-not-an-option",
                        text = text,
                        options = allowed.join(", "),
                    ))
                }
            }
            FieldType::Boolean => match value {
                Value::Bool(_) => Ok(value.clone()),
                other => Err(msg!("answer-expected-boolean", got = describe(other))),
            },
            FieldType::Company => normalize_company(value),
            FieldType::List | FieldType::EvidenceList => {
                let Value::Array(items) = value else {
                    return Err(msg!("answer-expected-list", got = describe(value)));
                };
                if let Some(min) = self.limits.min_items.filter(|m| items.len() < *m) {
                    return Err(msg!("answer-too-few-items", min = min, count = items.len()));
                }
                if let Some(max) = self.limits.max_items.filter(|m| items.len() > *m) {
                    return Err(msg!(
                        "answer-too-many-items",
                        max = max,
                        count = items.len()
                    ));
                }
                for (index, item) in items.iter().enumerate() {
                    let text = item.as_str().ok_or_else(|| {
                        msg!(
                            "answer-item-not-text",
                            number = index + 1,
                            got = describe(item)
                        )
                    })?;
                    self.check_text_limits(text).map_err(|problem| {
                        msg!("answer-item", number = index + 1, problem = problem)
                    })?;
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

    fn check_text_limits(&self, text: &str) -> Result<(), Message> {
        let length = text.chars().count();
        if length > self.max_chars() {
            return Err(msg!(
                "answer-too-long-for-kind",
                length = length,
                max = self.max_chars()
            ));
        }
        if let Some(max) = self.limits.max_length {
            if length > max {
                return Err(msg!("answer-too-long", length = length, max = max));
            }
        }
        if let Some(max) = self.limits.max_words {
            let words = count_words(text);
            if words > max {
                return Err(msg!("answer-too-many-words", words = words, max = max));
            }
        }
        Ok(())
    }

    fn check_range(&self, n: f64) -> Result<(), Message> {
        if let Some(min) = self
            .limits
            .min
            .as_ref()
            .and_then(Value::as_f64)
            .filter(|m| n < *m)
        {
            return Err(msg!(
                "answer-below-minimum",
                value = n.to_string(),
                min = min.to_string()
            ));
        }
        if let Some(max) = self
            .limits
            .max
            .as_ref()
            .and_then(Value::as_f64)
            .filter(|m| n > *m)
        {
            return Err(msg!(
                "answer-above-maximum",
                value = n.to_string(),
                max = max.to_string()
            ));
        }
        Ok(())
    }

    fn normalize_money(&self, value: &Value) -> Result<Value, Message> {
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
            other => return Err(msg!("answer-expected-amount", got = describe(other))),
        };
        let amount = amount.ok_or_else(|| msg!("answer-amount-not-a-number"))?;
        let currency = currency.ok_or_else(|| msg!("answer-no-currency"))?;
        if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(msg!("answer-bad-currency", currency = currency));
        }
        if amount < 0.0 {
            return Err(msg!("answer-negative-amount"));
        }
        self.check_range(amount)?;
        Ok(json!({ "amount": amount, "currency": currency }))
    }
}

fn normalize_company(value: &Value) -> Result<Value, Message> {
    let mut company = match value {
        Value::String(name) => {
            let mut map = Map::new();
            map.insert("name".into(), Value::String(name.clone()));
            map
        }
        Value::Object(map) => map.clone(),
        other => return Err(msg!("answer-expected-company", got = describe(other))),
    };
    const KEYS: [&str; 4] = ["name", "ticker", "address", "secretary"];
    if let Some(unknown) = company.keys().find(|k| !KEYS.contains(&k.as_str())) {
        return Err(msg!(
            "answer-unknown-company-detail",
            detail = unknown.as_str()
        ));
    }
    for key in KEYS {
        match company.get(key) {
            Some(Value::String(_)) | None => {}
            Some(other) => {
                return Err(msg!(
                    "answer-company-detail-not-text",
                    detail = key,
                    got = describe(other)
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
        return Err(msg!("answer-company-needs-name"));
    }
    Ok(Value::Object(company))
}
