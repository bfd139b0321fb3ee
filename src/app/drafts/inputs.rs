//! One input per field type, generated from the template's field: label,
//! help, limits and errors tied to the input for screen readers.

use leptos::prelude::*;
use serde_json::{json, Map, Value};

use super::autosave::Form;
use super::later::Later;
use super::picker::LazyEvidencePicker;
use crate::app::i18n::use_lang;
use crate::compose::{Field, FieldType};
use crate::drafts::display_answer;
use crate::i18n::tr;
use crate::i18n::Lang;

/// The ids that tie an input to its help and error text.
#[derive(Clone)]
struct Ids {
    input: String,
    help: String,
    error: String,
}

impl Ids {
    fn of(field: &Field) -> Ids {
        Ids {
            input: format!("answer-{}", field.id),
            help: format!("help-{}", field.id),
            error: format!("error-{}", field.id),
        }
    }
}

#[component]
pub fn FieldInput(field: Field) -> impl IntoView {
    let lang = use_lang();
    let form = expect_context::<Form>();
    let ids = Ids::of(&field);
    let error_field = field.clone();
    let error = Memo::new(move |_| form.error(&error_field));
    let grouped = matches!(
        field.field_type,
        FieldType::Company | FieldType::Money | FieldType::EvidenceList
    );
    let label = view! {
        {field.label.clone()}
        {field.required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
    };
    let help = limits_text(lang, &field)
        .map(|limits| format!("{} {limits}", field.help).trim().to_owned())
        .unwrap_or_else(|| field.help.clone());
    let help = (!help.is_empty()).then(|| view! { <p class="help" id=ids.help.clone()>{help}</p> });
    let input = input_for(field.clone(), ids.clone(), error);
    // Suggestions come with the preview, after the page is interactive.
    let suggestion = {
        let later = Later::expect();
        let field = field.clone();
        move || later.parts().map(|parts| (parts.suggestion)(field.clone()))
    };
    let error_view = {
        let id = ids.error.clone();
        move || {
            error
                .get()
                .map(|e| view! { <p class="field-error" id=id.clone()>{e}</p> })
        }
    };
    let class = move || {
        if error.get().is_some() {
            "field invalid"
        } else {
            "field"
        }
    };
    if grouped {
        view! {
            <fieldset class=class id=format!("field-{}", field.id) data-field=field.id.clone()>
                <legend>{label}</legend>
                {help}
                {input}
                {error_view}
                {suggestion}
            </fieldset>
        }
        .into_any()
    } else {
        view! {
            <div class=class id=format!("field-{}", field.id) data-field=field.id.clone()>
                <label for=ids.input.clone()>{label}</label>
                {help}
                {input}
                {error_view}
                {suggestion}
            </div>
        }
        .into_any()
    }
}

/// An answer the filing rules propose for this field (from the live
/// preview), shown with its reason and taken only on the drafter's click.
/// One of the wizard's later parts (`later.rs`).
#[component]
pub(super) fn Suggestion(field: Field) -> impl IntoView {
    let lang = use_lang();
    let form = expect_context::<Form>();
    let id = StoredValue::new(field.id.clone());
    let field = StoredValue::new(field);
    let proposed = move || {
        form.preview.with(|p| {
            p.as_ref().and_then(|p| {
                p.suggestions
                    .iter()
                    .find(|s| id.with_value(|id| &s.field == id))
                    .cloned()
            })
        })
    };
    move || {
        proposed().map(|suggestion| {
            let shown = field.with_value(|f| display_answer(f, Some(&suggestion.value)));
            let value = StoredValue::new(suggestion.value);
            view! {
                <div class="suggestion" role="note" data-suggestion=id.get_value()>
                    <p><strong>{tr!(lang, "wizard-suggestion")}</strong>{shown}</p>
                    <p class="help">{suggestion.reason}</p>
                    <button type="button" on:click=move |_| {
                        form.touch(&id.get_value());
                        form.set(&id.get_value(), value.get_value());
                    }>{tr!(lang, "wizard-suggestion-use")}</button>
                </div>
            }
        })
    }
}

/// "At most 300 words." and the like, so limits are known before they bite.
fn limits_text(lang: Lang, field: &Field) -> Option<String> {
    let limits = &field.limits;
    let mut parts = Vec::new();
    if let Some(n) = limits.max_words {
        parts.push(tr!(lang, "wizard-limit-words", count = n));
    }
    if let Some(n) = limits.max_length {
        parts.push(tr!(lang, "wizard-limit-characters", count = n));
    }
    match (limits.min_items, limits.max_items) {
        (Some(min), Some(max)) => parts.push(tr!(
            lang,
            "wizard-limit-choose-between",
            min = min,
            max = max
        )),
        (Some(min), None) => parts.push(tr!(lang, "wizard-limit-choose-at-least", min = min)),
        (None, Some(max)) => parts.push(tr!(lang, "wizard-limit-choose-at-most", max = max)),
        (None, None) => {}
    }
    if field.field_type == FieldType::LongText {
        parts.push(tr!(lang, "wizard-hint-cite"));
    }
    if field.field_type == FieldType::List {
        parts.push(tr!(lang, "wizard-hint-list"));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

fn input_for(field: Field, ids: Ids, error: Memo<Option<String>>) -> AnyView {
    let form = expect_context::<Form>();
    let id = field.id.clone();
    let described = format!("{} {}", ids.help, ids.error);
    let invalid = move || error.get().is_some().to_string();
    let touch = {
        let id = id.clone();
        move |_| form.touch(&id)
    };
    let text_value = {
        let id = id.clone();
        move || form.answer(&id).map(|v| as_text(&v)).unwrap_or_default()
    };
    match field.field_type {
        // A date is text in the body too (YYYY-MM-DD); only the widget differs.
        FieldType::Text | FieldType::Date => {
            let kind = if field.field_type == FieldType::Date {
                "date"
            } else {
                "text"
            };
            let max = field.limits.max_length.map(|n| n.to_string());
            view! {
                <input
                    type=kind
                    id=ids.input
                    name=id.clone()
                    maxlength=max
                    required=field.required
                    aria-invalid=invalid
                    aria-describedby=described
                    prop:value=text_value
                    on:input=move |ev| form.set(&id, text_or_null(event_target_value(&ev)))
                    on:blur=touch
                />
            }
            .into_any()
        }
        FieldType::LongText => view! {
            <textarea
                id=ids.input
                name=id.clone()
                rows="8"
                required=field.required
                aria-invalid=invalid
                aria-describedby=described
                prop:value=text_value
                on:input=move |ev| form.set(&id, text_or_null(event_target_value(&ev)))
                on:blur=touch
            ></textarea>
        }
        .into_any(),
        FieldType::Number => {
            let (raw, write) = typed_text(form, id.clone(), number_text, number_or_text);
            let bound =
                |b: &Option<Value>| b.as_ref().and_then(Value::as_f64).map(|n| n.to_string());
            let (min, max) = (bound(&field.limits.min), bound(&field.limits.max));
            view! {
                <input
                    type="number"
                    step="any"
                    min=min
                    max=max
                    id=ids.input
                    name=id.clone()
                    inputmode="decimal"
                    required=field.required
                    aria-invalid=invalid
                    aria-describedby=described
                    prop:value=raw
                    on:input=move |ev| write(event_target_value(&ev))
                    on:blur=touch
                />
            }
            .into_any()
        }
        FieldType::Choice => {
            let selected = {
                let id = id.clone();
                move || {
                    form.answer(&id)
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default()
                }
            };
            let options = field.options.clone();
            view! {
                <select
                    id=ids.input
                    name=id.clone()
                    required=field.required
                    aria-invalid=invalid
                    aria-describedby=described
                    prop:value=selected
                    on:change=move |ev| form.set(&id, text_or_null(event_target_value(&ev)))
                    on:blur=touch
                >
                    {(!field.required).then(|| view! { <option value="">"—"</option> })}
                    {options
                        .into_iter()
                        .map(|o| view! { <option value=o.value.clone()>{o.label.clone()}</option> })
                        .collect_view()}
                </select>
            }
            .into_any()
        }
        FieldType::Boolean => {
            let checked = {
                let id = id.clone();
                move || form.answer(&id).and_then(|v| v.as_bool()).unwrap_or(false)
            };
            view! {
                <input
                    type="checkbox"
                    id=ids.input
                    name=id.clone()
                    aria-describedby=described
                    prop:checked=checked
                    on:change=move |ev| {
                        form.touch(&id);
                        form.set(&id, Value::Bool(event_target_checked(&ev)));
                    }
                />
            }
            .into_any()
        }
        FieldType::List => {
            let (raw, write) = typed_text(form, id.clone(), list_text, parse_list);
            view! {
                <textarea
                    id=ids.input
                    name=id.clone()
                    rows="4"
                    aria-invalid=invalid
                    aria-describedby=described
                    prop:value=raw
                    on:input=move |ev| write(event_target_value(&ev))
                    on:blur=touch
                ></textarea>
            }
            .into_any()
        }
        FieldType::Money => money_input(form.lang, field, ids, invalid).into_any(),
        FieldType::Company => company_input(form.lang, field, ids, invalid).into_any(),
        FieldType::EvidenceList => view! { <LazyEvidencePicker field/> }.into_any(),
    }
}

fn money_input(
    lang: Lang,
    field: Field,
    ids: Ids,
    invalid: impl Fn() -> String + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let form = expect_context::<Form>();
    let id = field.id.clone();
    let default_currency = field.currency.clone().unwrap_or_else(|| "USD".to_owned());
    let part = move |id: &str, key: &str| match form.answer(id) {
        Some(Value::Object(money)) => money.get(key).cloned().unwrap_or(Value::Null),
        Some(Value::Number(n)) if key == "amount" => Value::Number(n),
        _ => Value::Null,
    };
    // The amount box keeps what was typed ("1." on the way to "1.50").
    let amount = RwSignal::new(as_text(&part(&id, "amount")));
    let currency = RwSignal::new({
        let c = as_text(&part(&id, "currency"));
        if c.is_empty() {
            default_currency.clone()
        } else {
            c
        }
    });
    {
        let id = id.clone();
        Effect::new(move |_| {
            let stored = part(&id, "amount");
            if number_or_text(amount.get_untracked()) != stored {
                amount.set(as_text(&stored));
            }
            if let Value::String(c) = part(&id, "currency") {
                currency.set(c);
            }
        });
    }
    let write = {
        let id = id.clone();
        move || {
            let typed = amount.get_untracked();
            let value = if typed.trim().is_empty() {
                Value::Null
            } else {
                json!({
                    "amount": number_or_text(typed),
                    "currency": currency.get_untracked().trim().to_uppercase(),
                })
            };
            form.set(&id, value);
        }
    };
    let write_currency = write.clone();
    let touch = move |_| form.touch(&id);
    view! {
        <div class="money">
            <label>
                <span>{tr!(lang, "wizard-money-amount")}</span>
                <input
                    type="text"
                    id=ids.input
                    inputmode="decimal"
                    aria-invalid=invalid
                    aria-describedby=format!("{} {}", ids.help, ids.error)
                    prop:value=amount
                    on:input=move |ev| {
                        amount.set(event_target_value(&ev));
                        write();
                    }
                    on:blur=touch.clone()
                />
            </label>
            <label>
                <span>{tr!(lang, "wizard-money-currency")}</span>
                <input
                    type="text"
                    maxlength="3"
                    size="4"
                    prop:value=currency
                    on:input=move |ev| {
                        currency.set(event_target_value(&ev));
                        write_currency();
                    }
                    on:blur=touch
                />
            </label>
        </div>
    }
}

fn company_input(
    lang: Lang,
    field: Field,
    ids: Ids,
    invalid: impl Fn() -> String + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let form = expect_context::<Form>();
    let id = field.id.clone();
    let parts: [(&'static str, String, bool); 4] = [
        ("name", tr!(lang, "wizard-company-name"), true),
        ("ticker", tr!(lang, "wizard-company-ticker"), false),
        ("address", tr!(lang, "wizard-company-address"), false),
        ("secretary", tr!(lang, "wizard-company-secretary"), false),
    ];
    parts
        .into_iter()
        .map(|(key, label, is_name)| {
            let id = id.clone();
            let input_id = if is_name { ids.input.clone() } else { format!("{}-{key}", ids.input) };
            let read = {
                let id = id.clone();
                move || match form.answer(&id) {
                    Some(Value::Object(company)) => company.get(key).map(as_text).unwrap_or_default(),
                    Some(Value::String(name)) if key == "name" => name,
                    _ => String::new(),
                }
            };
            let write = {
                let id = id.clone();
                move |text: String| {
                    let mut company = match form.answer(&id) {
                        Some(Value::Object(c)) => c,
                        Some(Value::String(name)) => Map::from_iter([("name".to_owned(), Value::String(name))]),
                        _ => Map::new(),
                    };
                    company.insert(key.to_owned(), text_or_null(text));
                    let empty = company.values().all(Value::is_null);
                    form.set(&id, if empty { Value::Null } else { Value::Object(company) });
                }
            };
            let touch = move |_| form.touch(&id);
            let described = format!("{} {}", ids.help, ids.error);
            let input = if key == "address" {
                view! {
                    <textarea id=input_id.clone() rows="3" aria-describedby=described prop:value=read on:input=move |ev| write(event_target_value(&ev)) on:blur=touch></textarea>
                }
                .into_any()
            } else {
                view! {
                    <input
                        type="text"
                        id=input_id.clone()
                        required=is_name && field.required
                        aria-invalid=move || if is_name { invalid() } else { "false".to_owned() }
                        aria-describedby=described
                        prop:value=read
                        on:input=move |ev| write(event_target_value(&ev))
                        on:blur=touch
                    />
                }
                .into_any()
            };
            view! {
                <div class="subfield">
                    <label for=input_id>{label}</label>
                    {input}
                </div>
            }
        })
        .collect_view()
}

/// Text exactly as typed (so the box and the answer never disagree while
/// typing), or nothing for an empty box.
fn text_or_null(text: String) -> Value {
    if text.is_empty() {
        Value::Null
    } else {
        Value::String(text)
    }
}

/// The text in a box whose answer is not plain text (a number, a list):
/// kept as typed, so "1." or a new empty line survive; the answer follows
/// the box, and the box follows the answer only when it changes from
/// elsewhere (a conflict resolved with the saved version).
fn typed_text(
    form: Form,
    id: String,
    show: fn(&Value) -> String,
    parse: fn(String) -> Value,
) -> (RwSignal<String>, impl Fn(String) + Clone + 'static) {
    let initial = form.answer(&id).map(|v| show(&v)).unwrap_or_default();
    let raw = RwSignal::new(initial);
    let watched = id.clone();
    Effect::new(move |_| {
        let answer = form.answer(&watched).unwrap_or(Value::Null);
        if parse(raw.get_untracked()) != answer {
            raw.set(show(&answer));
        }
    });
    let write = move |text: String| {
        raw.set(text.clone());
        form.set(&id, parse(text));
    };
    (raw, write)
}

fn number_text(value: &Value) -> String {
    as_text(value)
}

fn list_text(value: &Value) -> String {
    match value {
        Value::Array(items) => items.iter().map(as_text).collect::<Vec<_>>().join("\n"),
        other => as_text(other),
    }
}

fn parse_list(text: String) -> Value {
    list_or_null(&text)
}

/// A number when the text is one; otherwise the text, so the check can say
/// what is wrong with it.
fn number_or_text(text: String) -> Value {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Value::Null;
    }
    match trimmed.parse::<i64>() {
        Ok(n) => json!(n),
        Err(_) => match trimmed.parse::<f64>() {
            Ok(n) if n.is_finite() => json!(n),
            _ => Value::String(text),
        },
    }
}

fn list_or_null(text: &str) -> Value {
    let items: Vec<Value> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| Value::String(line.to_owned()))
        .collect();
    if items.is_empty() {
        Value::Null
    } else {
        Value::Array(items)
    }
}

fn as_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}
