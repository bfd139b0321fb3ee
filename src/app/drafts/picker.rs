//! The evidence picker: the claims chosen for an evidence-list field, in
//! order, and a searchable view of the library to add more, or a new
//! source without leaving the wizard.

use leptos::prelude::*;
use serde_json::Value;

use super::autosave::Form;
use super::later::Later;
use crate::app::evidence::api::{list_sources, SourceView};
use crate::app::evidence::SourceForm;
use crate::app::i18n::use_lang;
use crate::app::loaded::load;
use crate::compose::Field;
use crate::evidence::Source;
use crate::i18n::tr;
use crate::i18n::Lang;

/// The picker, one of the wizard's later parts (`later.rs`): it brings the
/// evidence library's source form with it, and the wizard's first step
/// rarely has an evidence list. Until the piece is in, a line says it is
/// coming (never anything else in the server's HTML, so the server's page
/// and the browser's first render agree).
#[component]
pub fn LazyEvidencePicker(field: Field) -> impl IntoView {
    let lang = use_lang();
    let later = Later::expect();
    move || match later.parts() {
        Some(parts) => (parts.evidence_picker)(field.clone()),
        None => view! { <p class="help" aria-busy="true">{tr!(lang, "wizard-picker-loading")}</p> }
            .into_any(),
    }
}

#[component]
pub(super) fn EvidencePicker(field: Field) -> impl IntoView {
    let lang = use_lang();
    let form = expect_context::<Form>();
    let id = StoredValue::new(field.id.clone());
    let refresh = RwSignal::new(0u32);
    let sources = load(move || refresh.get(), |_| list_sources());
    let chosen = move || -> Vec<String> {
        match form.answer(&id.get_value()) {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|i| i.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        }
    };
    let write = move |items: Vec<String>| {
        form.touch(&id.get_value());
        let value = if items.is_empty() {
            Value::Null
        } else {
            Value::Array(items.into_iter().map(Value::String).collect())
        };
        form.set(&id.get_value(), value);
    };
    let (query, set_query) = signal(String::new());
    let (tag, set_tag) = signal(String::new());
    let (since, set_since) = signal(String::new());
    let adding = RwSignal::new(false);
    let input_id = StoredValue::new(format!("answer-{}", field.id));

    view! {
        <Transition fallback=move || view! { <p aria-busy="true">{tr!(lang, "wizard-picker-loading")}</p> }>
            {move || Suspend::new(async move {
                let library = match sources.await {
                    Ok(list) => list,
                    Err(e) => return view! { <p class="error" role="alert">{e.words(lang)}</p> }.into_any(),
                };
                let library = StoredValue::new(library);
                let tags = library.with_value(|l| {
                    let mut tags: Vec<String> = l.iter().flat_map(|s| s.source.tags.clone()).collect();
                    tags.sort();
                    tags.dedup();
                    tags
                });
                view! {
                    <ol class="chosen" aria-label=tr!(lang, "wizard-picker-chosen")>
                        {move || {
                            let items = chosen();
                            let count = items.len();
                            items
                                .into_iter()
                                .enumerate()
                                .map(|(index, reference)| {
                                    let text = library.with_value(|l| describe(lang, l, &reference));
                                    let moved = move |from: usize, to: usize| {
                                        let mut items = chosen();
                                        items.swap(from, to);
                                        write(items);
                                    };
                                    view! {
                                        <li data-reference=reference.clone()>
                                            <span>{text.clone()}</span>
                                            <span class="buttons">
                                                <button type="button" disabled=index == 0 aria-label=tr!(lang, "wizard-picker-move-up", item = text.as_str()) on:click=move |_| moved(index, index - 1)>"↑"</button>
                                                <button type="button" disabled=index + 1 == count aria-label=tr!(lang, "wizard-picker-move-down", item = text.as_str()) on:click=move |_| moved(index, index + 1)>"↓"</button>
                                                <button type="button" aria-label=tr!(lang, "wizard-picker-remove-item", item = text.as_str()) on:click=move |_| {
                                                    let mut items = chosen();
                                                    items.remove(index);
                                                    write(items);
                                                }>{tr!(lang, "wizard-picker-remove")}</button>
                                            </span>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ol>
                    <details class="library-search" open=true>
                        <summary>{tr!(lang, "wizard-picker-add-from-library")}</summary>
                        <div class="toolbar" role="search">
                            <label>
                                <span>{tr!(lang, "wizard-picker-search")}</span>
                                <input id=input_id.get_value() type="search" prop:value=query on:input=move |ev| set_query.set(event_target_value(&ev))/>
                            </label>
                            <label>
                                <span>{tr!(lang, "wizard-picker-tag")}</span>
                                <select on:change=move |ev| set_tag.set(event_target_value(&ev))>
                                    <option value="">{tr!(lang, "wizard-picker-any-tag")}</option>
                                    {tags.into_iter().map(|t| view! { <option value=t.clone()>{t.clone()}</option> }).collect_view()}
                                </select>
                            </label>
                            <label>
                                <span>{tr!(lang, "wizard-picker-since")}</span>
                                <input type="text" inputmode="numeric" size="10" prop:value=since on:input=move |ev| set_since.set(event_target_value(&ev))/>
                            </label>
                        </div>
                        <ul class="sources">
                            {move || {
                                let (q, t, s) = (query.get().to_lowercase(), tag.get(), since.get());
                                library.with_value(|l| {
                                    l.iter()
                                        // Retired sources still render where cited, but are not offered.
                                        .filter(|view| !view.retired && matches(&view.source, &q, &t, &s))
                                        .cloned()
                                        .map(|view| view! { <SourceCard view chosen write/> })
                                        .collect_view()
                                })
                            }}
                        </ul>
                    </details>
                }
                .into_any()
            })}
        </Transition>
        <div class="add-source">
            <button type="button" on:click=move |_| adding.update(|a| *a = !*a) aria-expanded=move || adding.get().to_string()>
                {tr!(lang, "wizard-picker-new-source")}
            </button>
            <Show when=move || adding.get()>
                <SourceForm
                    initial=None
                    on_saved=Callback::new(move |_| {
                        adding.set(false);
                        refresh.update(|n| *n += 1);
                    })
                />
            </Show>
        </div>
    }
}

#[component]
fn SourceCard(
    view: SourceView,
    chosen: impl Fn() -> Vec<String> + Copy + Send + Sync + 'static,
    write: impl Fn(Vec<String>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let source = view.source;
    let add = move |reference: String| {
        let mut items = chosen();
        if !items.contains(&reference) {
            items.push(reference);
            write(items);
        }
    };
    let whole = StoredValue::new(source.id.clone());
    let whole_added = move || whole.with_value(|w| chosen().contains(w));
    view! {
        <li class="source" data-source=source.id.clone()>
            <p class="source-title">
                <strong>{source.title.clone()}</strong>
                {source.publisher.clone().map(|p| format!(" — {p}"))}
                {source.date.as_deref().map(|d| format!(", {}", shown_date(lang, d)))}
            </p>
            <p class="citation">{view.citation.clone()}</p>
            <p class="cite-code">{tr!(lang, "wizard-picker-cite-in-text")}<code>{format!("[@{}]", source.id)}</code></p>
            {(!source.tags.is_empty()).then(|| view! { <p class="tags">{source.tags.join(", ")}</p> })}
            <ul class="claims">
                {source
                    .claims
                    .iter()
                    .map(|claim| {
                        let reference = format!("{}#{}", source.id, claim.id);
                        let reference = StoredValue::new(reference);
                        let added = move || reference.with_value(|r| chosen().contains(r));
                        let text = claim.text_in(lang.code()).to_owned();
                        let quote = claim.quote.clone().map(|q| {
                            let translation = q.translation.clone().map(|t| {
                                view! {
                                    <p class="translation">
                                        {tr!(
                                            lang,
                                            "wizard-picker-translation",
                                            language = t.language,
                                            by = t.by,
                                            text = t.text,
                                        )}
                                    </p>
                                }
                            });
                            view! {
                                <blockquote lang=q.language.clone()>{tr!(lang, "wizard-picker-quote", text = q.text)}</blockquote>
                                {translation}
                            }
                        });
                        view! {
                            <li class="claim" data-claim=reference.get_value()>
                                <p>{text.clone()}</p>
                                {quote}
                                <button
                                    type="button"
                                    disabled=added
                                    aria-label=tr!(lang, "wizard-picker-add-claim", claim = text.as_str())
                                    on:click=move |_| add(reference.get_value())
                                >
                                    {move || if added() { tr!(lang, "wizard-picker-added") } else { tr!(lang, "wizard-picker-add") }}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
                {source.claims.is_empty().then(|| view! {
                    <li class="claim">
                        <p>{tr!(lang, "wizard-picker-no-claims")}</p>
                        <button type="button" disabled=whole_added on:click=move |_| add(whole.get_value())>
                            {move || if whole_added() { tr!(lang, "wizard-picker-added") } else { tr!(lang, "wizard-picker-add-source") }}
                        </button>
                    </li>
                })}
            </ul>
        </li>
    }
}

/// `Publisher: claim text`, or the reference itself when the library lacks it.
fn describe(lang: Lang, library: &[SourceView], reference: &str) -> String {
    let (source_id, claim_id) = reference
        .split_once('#')
        .map_or((reference, None), |(s, c)| (s, Some(c)));
    let Some(source) = library
        .iter()
        .map(|v| &v.source)
        .find(|s| s.id == source_id)
    else {
        return tr!(lang, "wizard-picker-not-in-library", reference = reference);
    };
    let who = source
        .publisher
        .clone()
        .unwrap_or_else(|| source.title.clone());
    let text = match claim_id.and_then(|id| source.claims.iter().find(|c| c.id == id)) {
        Some(claim) => claim.text_in(lang.code()),
        None => source.title.as_str(),
    };
    tr!(lang, "wizard-picker-chosen-item", who = who, text = text)
}

/// A source's date as the reader writes it; a year or a partial date as
/// the library has it.
fn shown_date(lang: Lang, stored: &str) -> String {
    crate::text::parse_date(stored)
        .map_or_else(|| stored.to_owned(), |d| crate::i18n::date(lang, d))
}

fn matches(source: &Source, query: &str, tag: &str, since: &str) -> bool {
    let text_ok = query.is_empty()
        || [
            source.title.as_str(),
            source.publisher.as_deref().unwrap_or_default(),
            source.id.as_str(),
        ]
        .iter()
        .any(|t| t.to_lowercase().contains(query))
        || source
            .claims
            .iter()
            .any(|c| c.text.values().any(|t| t.to_lowercase().contains(query)));
    let tag_ok = tag.is_empty() || source.tags.iter().any(|t| t == tag);
    let since = since.trim();
    let date_ok = since.is_empty() || source.date.as_deref().is_some_and(|d| d >= since);
    text_ok && tag_ok && date_ok
}
