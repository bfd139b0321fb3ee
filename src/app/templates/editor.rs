//! The template editor: the file's text (front matter and body) with line
//! numbers beside a live preview rendered from editable sample answers.
//! Problems are listed with their line and column, and a click puts the
//! cursor there. Saving stores a new version; publishing it (with release
//! notes) makes it the one new drafts use.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::api::{self, EditorCheck, EditorStart, PublishTemplate, SaveTemplate};
use super::questions::QuestionsForm;
use crate::app::drafts::error_text;
use crate::app::loaded::load;
use crate::i18n::tr;

/// How long typing must pause before the text is checked and previewed.
const CHECK_DELAY: Duration = Duration::from_millis(300);

/// Where a new template starts: the smallest complete template.
const NEW_TEMPLATE: &str = "---\nid: new-template\ntitle: New template\nkind: engagement-letter\nlanguage: en\nfields:\n  - id: company\n    label: Company\n    type: company\n    required: true\n---\n# Letter to {{ company.name }}\n\nTo the Board of Directors of {{ company.name }},\n";

/// The editor of template `id`, or of a new one.
#[cfg_attr(any(feature = "ssr", feature = "others-bundle"), island(lazy))]
#[cfg_attr(not(any(feature = "ssr", feature = "others-bundle")), component)]
pub fn EditorPage(id: Option<String>) -> impl IntoView {
    let lang = crate::app::i18n::use_lang();
    let start = load(
        move || id.clone(),
        |id| async move {
            match id {
                Some(id) => api::template_for_editing(id).await,
                None => Ok(EditorStart {
                    id: String::new(),
                    version: 0,
                    source: NEW_TEMPLATE.to_owned(),
                    answers: "{\n  \"company\": { \"name\": \"Example Corporation\" }\n}"
                        .to_owned(),
                    built_in: false,
                }),
            }
        },
    );
    view! {
        <Suspense fallback=move || view! { <p aria-busy="true">{tr!(lang, "templates-editor-loading")}</p> }>
            {move || Suspend::new(async move {
                match start.await {
                    Ok(start) => view! { <Editor start/> }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{error_text(&e)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Editor(start: EditorStart) -> impl IntoView {
    let lang = crate::app::i18n::use_lang();
    let source = RwSignal::new(start.source);
    let answers = RwSignal::new(start.answers);
    let check = RwSignal::new(None::<EditorCheck>);
    let edits = StoredValue::new(0u64);
    let (hydrated, set_hydrated) = signal(false);
    let text_area = NodeRef::<leptos::html::Textarea>::new();
    let gutter = NodeRef::<leptos::html::Pre>::new();
    let save = ServerAction::<SaveTemplate>::new();
    let publish = ServerAction::<PublishTemplate>::new();
    let notes = RwSignal::new(String::new());
    // A new saved version starts unpublished: forget the last publishing.
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            publish.value().set(None);
            notes.set(String::new());
        }
    });

    // Check and preview once typing pauses; an answer to an older text is dropped.
    let schedule = move || {
        edits.update_value(|n| *n += 1);
        let sent = edits.get_value();
        set_timeout(
            move || {
                if edits.get_value() != sent {
                    return;
                }
                let (text, sample) = (source.get_untracked(), answers.get_untracked());
                spawn_local(async move {
                    let result = api::check_template(text, sample).await;
                    if edits.get_value() == sent {
                        check.set(Some(result.unwrap_or_else(|e| EditorCheck {
                            note: Some(error_text(&e)),
                            ..EditorCheck::default()
                        })));
                    }
                });
            },
            CHECK_DELAY,
        );
    };
    Effect::new(move |_| {
        set_hydrated.set(true);
        schedule();
    });

    // Line numbers, with the lines that have a problem marked.
    let line_numbers = move || {
        let count = source.with(|s| s.lines().count().max(1) + usize::from(s.ends_with('\n')));
        let marks: Vec<(usize, String)> = check.with(|c| {
            c.as_ref()
                .map(|c| {
                    c.problems
                        .iter()
                        .map(|p| (p.line, p.level.clone()))
                        .collect()
                })
                .unwrap_or_default()
        });
        (1..=count)
            .map(|n| {
                // An error outranks a warning on the same line.
                let level = marks
                    .iter()
                    .filter(|(line, _)| *line == n)
                    .map(|(_, level)| level.as_str())
                    .min_by_key(|level| *level != "error")
                    .unwrap_or("")
                    .to_owned();
                view! { <span class=level>{format!("{n}\n")}</span> }
            })
            .collect_view()
    };
    let errors = move || {
        check.with(|c| {
            c.as_ref().map_or(0, |c| {
                c.problems.iter().filter(|p| p.level == "error").count()
            })
        })
    };
    // Puts the cursor at a problem's line and column.
    let go_to = move |line: usize, column: usize| {
        let offset = source.with_untracked(|s| {
            let line_start: usize = s.split_inclusive('\n').take(line - 1).map(str::len).sum();
            let in_line = s[line_start.min(s.len())..]
                .chars()
                .take(column.saturating_sub(1))
                .map(char::len_utf8)
                .sum::<usize>();
            // The textarea counts UTF-16 units.
            s[..(line_start + in_line).min(s.len())]
                .encode_utf16()
                .count() as u32
        });
        if let Some(area) = text_area.get_untracked() {
            let _ = area.focus();
            let _ = area.set_selection_range(offset, offset);
        }
    };

    view! {
        <section class="editor" data-hydrated=move || hydrated.get().to_string()>
            <h1>
                {if start.id.is_empty() {
                    tr!(lang, "templates-editor-new")
                } else {
                    tr!(lang, "templates-editor-edit", id = start.id.clone(), version = start.version)
                }}
            </h1>
            {start.built_in.then(|| view! {
                <p class="error" role="alert">{tr!(lang, "templates-editor-built-in")}</p>
            })}
            <div class="editor-body">
                <div class="editor-source">
                    <label for="template-source">{tr!(lang, "templates-editor-source-label")}</label>
                    <div class="code">
                        <pre class="gutter" aria-hidden="true" node_ref=gutter>{line_numbers}</pre>
                        <textarea
                            id="template-source"
                            node_ref=text_area
                            spellcheck="false"
                            rows="30"
                            aria-invalid=move || (errors() > 0).to_string()
                            aria-describedby="template-problems"
                            prop:value=move || source.get()
                            on:input=move |ev| {
                                source.set(event_target_value(&ev));
                                schedule();
                            }
                            on:scroll=move |_| {
                                if let (Some(area), Some(gutter)) = (text_area.get_untracked(), gutter.get_untracked()) {
                                    gutter.set_scroll_top(area.scroll_top());
                                }
                            }
                        ></textarea>
                    </div>
                    <div id="template-problems" class="problems" role="status" aria-live="polite">
                        {move || check.get().map(|c| {
                            if c.problems.is_empty() {
                                view! { <p class="passed" data-problems="0">{tr!(lang, "templates-editor-no-problems")}</p> }.into_any()
                            } else {
                                let count = c.problems.len();
                                view! {
                                    <ul data-problems=count>
                                        {c.problems.into_iter().map(|p| {
                                            let (line, column) = (p.line, p.column);
                                            view! {
                                                <li class=p.level.clone() data-line=line data-column=column>
                                                    <button type="button" class="link" on:click=move |_| go_to(line, column)>
                                                        {if p.level == "error" {
                                                            tr!(lang, "templates-editor-error", line = line, column = column, message = p.message.clone())
                                                        } else {
                                                            tr!(lang, "templates-editor-warning", line = line, column = column, message = p.message.clone())
                                                        }}
                                                    </button>
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }
                        })}
                    </div>
                    <QuestionsForm
                        source
                        fields=Signal::derive(move || check.with(|c| c.as_ref().and_then(|c| c.fields.clone())))
                        on_text_changed=Callback::new(move |_| schedule())
                    />
                    <label for="template-answers">{tr!(lang, "templates-editor-answers-label")}</label>
                    <textarea id="template-answers" rows="8" spellcheck="false" prop:value=move || answers.get() on:input=move |ev| {
                        answers.set(event_target_value(&ev));
                        schedule();
                    }></textarea>
                    <div class="editor-actions">
                        <button type="button" class="primary" disabled=move || { errors() > 0 || save.pending().get() } on:click=move |_| {
                            save.dispatch(SaveTemplate { source: source.get_untracked() });
                        }>{tr!(lang, "templates-editor-save")}</button>
                        {move || save.value().get().map(|result| match result {
                            Ok((id, version)) => view! {
                                <div class="saved" role="status" data-saved-version=version>
                                    <p>{tr!(lang, "templates-editor-saved", version = version, id = id.clone())}</p>
                                    <label for="release-notes">{tr!(lang, "templates-release-notes")}</label>
                                    <input id="release-notes" type="text" prop:value=notes on:input=move |ev| notes.set(event_target_value(&ev))/>
                                    <button type="button" on:click={
                                        let id = id.clone();
                                        move |_| { publish.dispatch(PublishTemplate { id: id.clone(), version, notes: notes.get_untracked() }); }
                                    }>{tr!(lang, "templates-publish")}</button>
                                    {move || publish.value().get().map(|r| match r {
                                        Ok(()) => view! { <p class="passed" data-published="true">{tr!(lang, "templates-editor-published")}</p> }.into_any(),
                                        Err(e) => view! { <p class="error" role="alert">{error_text(&e)}</p> }.into_any(),
                                    })}
                                </div>
                            }.into_any(),
                            Err(e) => view! { <p class="error" role="alert">{error_text(&e)}</p> }.into_any(),
                        })}
                    </div>
                </div>
                <aside class="preview-pane" aria-label=tr!(lang, "templates-editor-preview")>
                    {move || check.get().and_then(|c| c.note).map(|n| view! { <p class="note">{n}</p> })}
                    <div class="page" data-preview=move || check.with(|c| c.as_ref().is_some_and(|c| c.html.is_some())).to_string()
                        inner_html=move || check.with(|c| c.as_ref().and_then(|c| c.html.clone()).unwrap_or_default())></div>
                </aside>
            </div>
        </section>
    }
}
