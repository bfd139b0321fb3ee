//! One answer checked against its field's type and limits and put in the
//! shape the template body sees (see [`Field::normalize`]).

use serde_json::{json, Map, Value};

use super::check::{check_acceptable, AnswerProblem};
use super::schema::{Field, FieldType, MAX_LONG_TEXT_CHARS, MAX_TEXT_CHARS};
use super::value::describe;
use crate::text::{count_words, parse_date};

impl Field {
    pub(super) fn problem(&self, message: String) -> AnswerProblem {
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
                let text = crate::text::normalize_line_ends(expect_str(value, "text")?);
                if self.field_type == FieldType::Text && text.contains('\n') {
                    return Err("must be a single line".into());
                }
                self.check_text_limits(&text)?;
                Ok(Value::String(text.into_owned()))
            }
            FieldType::Number => {
                let n = value.as_f64().ok_or_else(|| match value {
                    Value::String(text) => {
                        format!(
                            "`{text}` is not a number: write it in digits, e.g. 2027 or 1200.50"
                        )
                    }
                    other => format!("expected a number, got {}", describe(other)),
                })?;
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
