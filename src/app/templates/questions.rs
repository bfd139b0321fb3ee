//! The editor's question form: the template's `fields:` as a form (add,
//! reorder, remove; id, label, type, help, required, step, default, limits,
//! condition). Each change rewrites that block of the text on the server,
//! so the form and the text never disagree; the form redraws from the text.

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;

use super::api;
use crate::app::drafts::error_text;
use crate::compose::{Field, FieldType};
use crate::i18n::tr;
use crate::i18n::Lang;

const TYPES: [(&str, FieldType); 10] = [
    ("text", FieldType::Text),
    ("long-text", FieldType::LongText),
    ("number", FieldType::Number),
    ("money", FieldType::Money),
    ("date", FieldType::Date),
    ("choice", FieldType::Choice),
    ("boolean", FieldType::Boolean),
    ("company", FieldType::Company),
    ("list", FieldType::List),
    ("evidence-list", FieldType::EvidenceList),
];

/// A question type as the type menu names it; the option's value stays the
/// template's own word for it.
fn type_name(lang: Lang, field_type: FieldType) -> String {
    match field_type {
        FieldType::Text => tr!(lang, "templates-type-text"),
        FieldType::LongText => tr!(lang, "templates-type-long-text"),
        FieldType::Number => tr!(lang, "templates-type-number"),
        FieldType::Money => tr!(lang, "templates-type-money"),
        FieldType::Date => tr!(lang, "templates-type-date"),
        FieldType::Choice => tr!(lang, "templates-type-choice"),
        FieldType::Boolean => tr!(lang, "templates-type-boolean"),
        FieldType::Company => tr!(lang, "templates-type-company"),
        FieldType::List => tr!(lang, "templates-type-list"),
        FieldType::EvidenceList => tr!(lang, "templates-type-evidence-list"),
    }
}

/// One change the form makes to the list of questions.
type Edit = Box<dyn FnOnce(&mut Vec<Field>) -> Result<(), String> + Send>;
/// One change to a single question.
type FieldEdit = Box<dyn FnOnce(&mut Field) -> Result<(), String> + Send>;

#[component]
pub fn QuestionsForm(
    source: RwSignal<String>,
    fields: Signal<Option<Vec<Field>>>,
    on_text_changed: Callback<()>,
) -> impl IntoView {
    let lang = crate::app::i18n::use_lang();
    let problem = RwSignal::new(None::<String>);
    // One rewrite at a time, each from the questions as the text now has
    // them; the form is disabled meanwhile, so no edit starts from an older list.
    let busy = RwSignal::new(false);
    // The form is free again once the check of the rewritten text has
    // brought the questions as the text now declares them.
    Effect::new(move |_| {
        fields.track();
        busy.set(false);
    });
    let apply = move |edit: Edit| {
        if busy.get_untracked() {
            return;
        }
        let Some(mut list) = fields.get_untracked() else {
            return;
        };
        if let Err(message) = edit(&mut list) {
            problem.set(Some(message));
            return;
        }
        let text = source.get_untracked();
        busy.set(true);
        spawn_local(async move {
            match api::set_template_fields(text.clone(), list).await {
                // Typing in the text meanwhile wins: the form's change is dropped, and said so.
                Ok(_) if source.get_untracked() != text => {
                    problem.set(Some(tr!(lang, "templates-questions-text-changed")));
                    busy.set(false);
                }
                Ok(rewritten) => {
                    problem.set(None);
                    source.set(rewritten);
                    on_text_changed.run(());
                }
                Err(e) => {
                    problem.set(Some(error_text(&e)));
                    busy.set(false);
                }
            }
        });
    };
    view! {
        <details class="questions-form" open=true aria-busy=move || busy.get().to_string()>
            <summary>{tr!(lang, "templates-questions-heading")}</summary>
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
            <fieldset class="plain" disabled=move || busy.get()>
            <legend class="visually-hidden">{tr!(lang, "templates-questions-legend")}</legend>
            {move || match fields.get() {
                None => view! { <p class="note">{tr!(lang, "templates-questions-fix-front-matter")}</p> }.into_any(),
                Some(list) => {
                    let count = list.len();
                    view! {
                        <ol class="question-list">
                            {list.into_iter().enumerate().map(|(index, field)| {
                                view! { <QuestionRow index count field apply=Callback::new(move |edit: EditBox| apply(edit.0))/> }
                            }).collect_view()}
                        </ol>
                        <button type="button" on:click=move |_| apply(Box::new(|list: &mut Vec<Field>| {
                            list.push(new_question(list));
                            Ok(())
                        }))>{tr!(lang, "templates-questions-add")}</button>
                    }.into_any()
                }
            }}
            </fieldset>
        </details>
    }
}

/// An [`Edit`] that can travel through a `Callback`.
struct EditBox(Edit);

fn new_question(existing: &[Field]) -> Field {
    let id = (1..)
        .map(|n| format!("question_{n}"))
        .find(|id| !existing.iter().any(|f| &f.id == id))
        .unwrap_or_default();
    Field {
        id,
        label: "New question".into(),
        help: String::new(),
        field_type: FieldType::Text,
        required: false,
        default: None,
        step: existing.last().and_then(|f| f.step.clone()),
        condition: None,
        limits: Default::default(),
        options: Vec::new(),
        currency: None,
    }
}

#[component]
fn QuestionRow(
    index: usize,
    count: usize,
    field: Field,
    apply: Callback<EditBox>,
) -> impl IntoView {
    let lang = crate::app::i18n::use_lang();
    let edit = move |change: FieldEdit| {
        apply.run(EditBox(Box::new(move |list: &mut Vec<Field>| {
            list.get_mut(index)
                .ok_or_else(|| tr!(lang, "templates-questions-gone"))
                .and_then(change)
        })));
    };
    let prefix = format!("q{index}");
    let id_for = move |name: &str| format!("{prefix}-{name}");
    let json = |value: &Option<Value>| value.as_ref().map(Value::to_string).unwrap_or_default();
    let limits = serde_json::to_string(&field.limits).unwrap_or_default();
    let limits = if limits == "{}" {
        String::new()
    } else {
        limits
    };
    let condition = field
        .condition
        .as_ref()
        .and_then(|c| serde_json::to_string(c).ok())
        .unwrap_or_default();
    let current_type = field.field_type;
    view! {
        <li class="question" data-question=field.id.clone()>
            <div class="question-grid">
                <label for=id_for("id")>{tr!(lang, "templates-question-id")}</label>
                <input id=id_for("id") type="text" value=field.id.clone() on:change=move |ev| {
                    let value = event_target_value(&ev);
                    edit(Box::new(move |f| { f.id = value.trim().to_owned(); Ok(()) }));
                }/>
                <label for=id_for("label")>{tr!(lang, "templates-question-label")}</label>
                <input id=id_for("label") type="text" value=field.label.clone() on:change=move |ev| {
                    let value = event_target_value(&ev);
                    edit(Box::new(move |f| { f.label = value; Ok(()) }));
                }/>
                <label for=id_for("type")>{tr!(lang, "templates-question-type")}</label>
                <select id=id_for("type") on:change=move |ev| {
                    let value = event_target_value(&ev);
                    edit(Box::new(move |f| {
                        f.field_type = TYPES.iter().find(|(n, _)| *n == value).map(|(_, t)| *t).ok_or_else(|| tr!(lang, "templates-question-unknown-type"))?;
                        Ok(())
                    }));
                }>
                    {TYPES.iter().map(|(name, t)| view! { <option value=*name selected=*t == current_type>{type_name(lang, *t)}</option> }).collect_view()}
                </select>
                <label for=id_for("required")>{tr!(lang, "templates-question-required")}</label>
                <input id=id_for("required") type="checkbox" checked=field.required on:change=move |ev| {
                    let checked = event_target_checked(&ev);
                    edit(Box::new(move |f| { f.required = checked; Ok(()) }));
                }/>
                <label for=id_for("step")>{tr!(lang, "templates-question-step")}</label>
                <input id=id_for("step") type="text" value=field.step.clone().unwrap_or_default() on:change=move |ev| {
                    let value = event_target_value(&ev);
                    edit(Box::new(move |f| { f.step = Some(value.trim().to_owned()).filter(|s| !s.is_empty()); Ok(()) }));
                }/>
                <label for=id_for("help")>{tr!(lang, "templates-question-help")}</label>
                <textarea id=id_for("help") rows="2" on:change=move |ev| {
                    let value = event_target_value(&ev);
                    edit(Box::new(move |f| { f.help = value; Ok(()) }));
                }>{field.help.clone()}</textarea>
                <label for=id_for("default")>{tr!(lang, "templates-question-default")}</label>
                <input id=id_for("default") type="text" value=json(&field.default) on:change=move |ev| {
                    let value = event_target_value(&ev);
                    edit(Box::new(move |f| {
                        f.default = parse_optional(&value).map_err(|e| tr!(lang, "templates-question-bad-default", error = e.to_string()))?;
                        Ok(())
                    }));
                }/>
                <label for=id_for("limits")>{tr!(lang, "templates-question-limits")}</label>
                <input id=id_for("limits") type="text" value=limits on:change=move |ev| {
                    let value = event_target_value(&ev);
                    edit(Box::new(move |f| {
                        f.limits = match value.trim() {
                            "" => Default::default(),
                            text => serde_json::from_slice(text.as_bytes()).map_err(|e| tr!(lang, "templates-question-bad-limits", error = e.to_string()))?,
                        };
                        Ok(())
                    }));
                }/>
                <label for=id_for("condition")>{tr!(lang, "templates-question-condition")}</label>
                <input id=id_for("condition") type="text" value=condition on:change=move |ev| {
                    let value = event_target_value(&ev);
                    edit(Box::new(move |f| {
                        f.condition = match value.trim() {
                            "" => None,
                            text => Some(serde_json::from_slice(text.as_bytes()).map_err(|e| tr!(lang, "templates-question-bad-condition", error = e.to_string()))?),
                        };
                        Ok(())
                    }));
                }/>
            </div>
            <div class="buttons">
                <button type="button" disabled=index == 0 on:click=move |_| {
                    apply.run(EditBox(Box::new(move |list: &mut Vec<Field>| { list.swap(index - 1, index); Ok(()) })));
                }>{tr!(lang, "templates-question-move-up")}</button>
                <button type="button" disabled=index + 1 == count on:click=move |_| {
                    apply.run(EditBox(Box::new(move |list: &mut Vec<Field>| { list.swap(index, index + 1); Ok(()) })));
                }>{tr!(lang, "templates-question-move-down")}</button>
                <button type="button" on:click=move |_| {
                    apply.run(EditBox(Box::new(move |list: &mut Vec<Field>| { list.remove(index); Ok(()) })));
                }>{tr!(lang, "templates-question-remove")}</button>
            </div>
        </li>
    }
}

/// JSON typed into the editor is read from its bytes, as every JSON the
/// pages read is (see `app::loaded`): one reader per type in the bundle.
fn parse_optional(text: &str) -> Result<Option<Value>, serde_json::Error> {
    match text.trim() {
        "" => Ok(None),
        text => serde_json::from_slice(text.as_bytes()).map(Some),
    }
}
