//! The wizard: a draft's questions, step by step, generated from its
//! template's fields; a review step; the live preview with the word count
//! and the filing-rule checks; the save state on screen; downloads. The
//! autosave, retry and conflict machine behind it is `autosave.rs`.

use std::time::Duration;

use leptos::prelude::*;

use super::api::{self, DraftEditor};
use super::autosave::{Form, SaveState};
use super::inputs::FieldInput;
use super::later::Later;
use super::short_time_in;
use super::template_update::TemplateUpdate;
use super::title::DraftTitle;
use crate::app::i18n::use_lang;
use crate::app::loaded::load;
use crate::compose::{Field, Step};
use crate::drafts::{compare, display_answer};
use crate::i18n::tr;
use crate::i18n::Lang;

/// The wizard of draft `id` (`None`: the path named no draft).
#[cfg_attr(any(feature = "ssr", feature = "wizard-bundle"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "wizard-bundle")), component)]
pub fn WizardPage(id: Option<i64>) -> impl IntoView {
    let lang = use_lang();
    let editor = load(
        move || id,
        move |id| async move {
            match id {
                Some(id) => api::load_draft(id).await,
                None => Err(crate::app::error::AppError::Refused {
                    status: 404,
                    message: tr!(lang, "wizard-no-such-draft"),
                }),
            }
        },
    );
    view! {
        <Suspense fallback=move || view! { <p aria-busy="true">{tr!(lang, "wizard-loading")}</p> }>
            {move || Suspend::new(async move {
                match editor.await {
                    Ok(editor) => view! { <Wizard editor/> }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.words(lang)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A wizard page: one of the template's steps, or the review.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Page {
    step: Option<Step>,
    fields: Vec<Field>,
}

/// The template's steps that have fields, then any fields without a step.
fn pages(lang: Lang, steps: &[Step], fields: &[Field]) -> Vec<Page> {
    let mut pages: Vec<Page> = steps
        .iter()
        .map(|step| Page {
            step: Some(step.clone()),
            fields: fields
                .iter()
                .filter(|f| f.step.as_deref() == Some(step.id.as_str()))
                .cloned()
                .collect(),
        })
        .filter(|page| !page.fields.is_empty())
        .collect();
    let loose: Vec<Field> = fields
        .iter()
        .filter(|f| {
            f.step
                .as_ref()
                .is_none_or(|s| !steps.iter().any(|st| &st.id == s))
        })
        .cloned()
        .collect();
    if !loose.is_empty() {
        pages.push(Page {
            step: Some(Step {
                id: "questions".into(),
                title: if steps.is_empty() {
                    tr!(lang, "wizard-step-questions")
                } else {
                    tr!(lang, "wizard-step-other-questions")
                },
                help: None,
            }),
            fields: loose,
        });
    }
    pages
}

#[component]
fn Wizard(editor: DraftEditor) -> impl IntoView {
    let lang = use_lang();
    let draft = editor.draft.clone();
    let form = Form::new(&editor, lang);
    provide_context(form);
    let later = Later::provide();
    let pages = StoredValue::new(pages(lang, &editor.steps, &editor.fields));
    let page_count = pages.with_value(Vec::len);
    // Pages 0..page_count are the template's; page_count is the review.
    let current = RwSignal::new(0usize);
    let heading = NodeRef::<leptos::html::H2>::new();
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| {
        set_hydrated.set(true);
        form.refresh_preview();
    });
    Effect::new(move |previous: Option<usize>| {
        let page = current.get();
        form.show_all.set(page == page_count);
        if previous.is_some() {
            if let Some(heading) = heading.get() {
                let _ = heading.focus();
            }
        }
        page
    });
    form.ask_before_leaving_unsaved();

    let go = move |page: usize| current.set(page.min(page_count));
    let edit_page = Callback::new(go);
    let page_title = move |index: usize| {
        pages.with_value(|p| {
            p.get(index)
                .and_then(|page| page.step.as_ref().map(|s| s.title.clone()))
                .unwrap_or_else(|| tr!(lang, "wizard-step-review"))
        })
    };
    let template_note = editor.newer_template.map(|newer| {
        view! { <TemplateUpdate draft_id=draft.id current=draft.template_version newer/> }
    });

    view! {
        <div class="wizard" data-hydrated=move || hydrated.get().to_string() data-draft=draft.id>
            <header class="wizard-header">
                <div>
                    <DraftTitle id=draft.id title=draft.title.clone()/>
                    <p class="meta">
                        {tr!(lang, "wizard-template-version", template = draft.template_title.as_str(), version = draft.template_version)}
                        " · "
                        <a href=format!("/drafts/{}/history", draft.id)>{tr!(lang, "wizard-history")}</a>
                        {draft.campaign.map(|campaign| view! {
                            " · "
                            <a class="campaign-link" href=format!("/campaigns/{campaign}")>{tr!(lang, "wizard-campaign")}</a>
                        })}
                    </p>
                    {template_note}
                </div>
                <SaveIndicator/>
            </header>
            {move || later.parts().map(|parts| (parts.conflict)())}
            <nav class="steps" aria-label=tr!(lang, "wizard-steps")>
                <ol>
                    {(0..=page_count)
                        .map(|index| {
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        aria-current=move || (current.get() == index).then_some("step")
                                        on:click=move |_| go(index)
                                    >
                                        {format!("{}. {}", index + 1, page_title(index))}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </nav>
            <div class="wizard-body">
                <form class="questions" on:submit=|ev| ev.prevent_default() novalidate=true>
                    <h2 tabindex="-1" node_ref=heading>{move || page_title(current.get())}</h2>
                    {move || {
                        let index = current.get();
                        if index == page_count {
                            match later.parts() {
                                Some(parts) => (parts.review)(pages, edit_page),
                                None => view! { <p aria-busy="true">{tr!(lang, "wizard-part-loading")}</p> }.into_any(),
                            }
                        } else {
                            let page = pages.with_value(|p| p[index].clone());
                            view! { <StepFields page/> }.into_any()
                        }
                    }}
                    <div class="step-buttons">
                        <button type="button" disabled=move || current.get() == 0 on:click=move |_| go(current.get().saturating_sub(1))>
                            {tr!(lang, "wizard-back")}
                        </button>
                        <button type="button" class="primary" disabled=move || current.get() == page_count on:click=move |_| go(current.get() + 1)>
                            {move || if current.get() + 1 == page_count { tr!(lang, "wizard-step-review") } else { tr!(lang, "wizard-next") }}
                        </button>
                    </div>
                </form>
                <PreviewPane draft_id=draft.id/>
            </div>
        </div>
    }
}

#[component]
fn StepFields(page: Page) -> impl IntoView {
    let form = expect_context::<Form>();
    let help = page.step.as_ref().and_then(|s| s.help.clone());
    view! {
        {help.map(|h| view! { <p class="step-help">{h}</p> })}
        {page
            .fields
            .into_iter()
            .map(|field| {
                let shown = field.clone();
                view! {
                    <Show when=move || form.is_active(&shown)>
                        <FieldInput field=field.clone()/>
                    </Show>
                }
            })
            .collect_view()}
    }
}

/// Every answer, with its problem if any, and a way back to edit it.
/// One of the wizard's later parts (`later.rs`).
#[component]
pub(super) fn Review(pages: StoredValue<Vec<Page>>, go: Callback<usize>) -> impl IntoView {
    let lang = use_lang();
    let form = expect_context::<Form>();
    let rows = pages.with_value(|pages| {
        pages
            .iter()
            .enumerate()
            .flat_map(|(index, page)| page.fields.iter().map(move |f| (index, f.clone())))
            .collect::<Vec<_>>()
    });
    let problems = move || {
        form.fields.with_value(|fields| {
            fields
                .iter()
                .filter(|f| form.is_active(f))
                .filter(|f| form.error(f).is_some())
                .count()
        })
    };
    view! {
        <p class="review-summary" aria-live="polite">
            {move || tr!(lang, "wizard-review-summary", count = problems())}
        </p>
        <dl class="review">
            {rows
                .into_iter()
                .map(|(page, field)| {
                    let shown = field.clone();
                    let for_answer = field.clone();
                    let for_error = field.clone();
                    let target = format!("answer-{}", field.id);
                    view! {
                        <Show when=move || form.is_active(&shown)>
                            <div class="review-row" data-field=for_answer.id.clone()>
                                <dt>{for_answer.label.clone()}</dt>
                                <dd>
                                    <span class="answer">
                                        {
                                            let field = for_answer.clone();
                                            move || {
                                                let text = display_answer(&field, form.answer(&field.id).as_ref());
                                                if text.is_empty() {
                                                    return view! { "—" }.into_any();
                                                }
                                                // Bold, italic and links as they will print.
                                                crate::text::inline::runs(&text)
                                                    .into_iter()
                                                    .map(|run| match (run.strong, run.emphasis) {
                                                        (true, true) => view! { <strong><em>{run.text}</em></strong> }.into_any(),
                                                        (true, false) => view! { <strong>{run.text}</strong> }.into_any(),
                                                        (false, true) => view! { <em>{run.text}</em> }.into_any(),
                                                        (false, false) => view! { {run.text} }.into_any(),
                                                    })
                                                    .collect_view()
                                                    .into_any()
                                            }
                                        }
                                    </span>
                                    {
                                        let field = for_error.clone();
                                        move || form.error(&field).map(|e| view! { <span class="field-error">{e}</span> })
                                    }
                                    <button
                                        type="button"
                                        class="link"
                                        on:click={
                                            let target = target.clone();
                                            move |_| {
                                                go.run(page);
                                                focus_later(target.clone());
                                            }
                                        }
                                    >
                                        {tr!(lang, "wizard-review-edit", label = for_answer.label.as_str())}
                                    </button>
                                </dd>
                            </div>
                        </Show>
                    }
                })
                .collect_view()}
        </dl>
    }
}

/// Focuses an element once the page it is on has been drawn.
fn focus_later(id: String) {
    set_timeout(
        move || {
            use leptos::wasm_bindgen::JsCast;
            if let Some(element) = document()
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok())
            {
                let _ = element.focus();
            }
        },
        Duration::from_millis(50),
    );
}

#[component]
fn SaveIndicator() -> impl IntoView {
    let lang = use_lang();
    let form = expect_context::<Form>();
    let text = move || match form.state.get() {
        // Formatted the same on the server and in the browser, whatever
        // shape the time came in (stored RFC 3339 or already short).
        SaveState::Saved { at } => tr!(
            lang,
            "wizard-saved",
            version = form.base_version.get(),
            at = short_time_in(lang, &at)
        ),
        SaveState::Pending => tr!(lang, "wizard-unsaved"),
        SaveState::Saving => tr!(lang, "wizard-saving"),
        SaveState::Failed { message, retry_in } => {
            tr!(
                lang,
                "wizard-save-failed",
                message = message,
                retry_in = retry_in
            )
        }
        SaveState::Conflict { .. } => tr!(lang, "wizard-save-conflict"),
    };
    let class = move || match form.state.get() {
        SaveState::Saved { .. } => "save-state saved",
        SaveState::Pending | SaveState::Saving => "save-state saving",
        SaveState::Failed { .. } | SaveState::Conflict { .. } => "save-state failed",
    };
    let retry = move |_| form.retry_now();
    view! {
        <div class=class role="status" aria-live="polite" data-save-state=move || match form.state.get() {
            SaveState::Saved { .. } => "saved",
            SaveState::Pending => "pending",
            SaveState::Saving => "saving",
            SaveState::Failed { .. } => "failed",
            SaveState::Conflict { .. } => "conflict",
        }>
            <span>{text}</span>
            {move || matches!(form.state.get(), SaveState::Failed { .. })
                .then(|| view! { <button type="button" on:click=retry>{tr!(lang, "wizard-retry-now")}</button> })}
        </div>
    }
}

/// Shown when another tab or person saved this draft since this page loaded
/// it: what differs, and the two ways out. One of the wizard's later parts
/// (`later.rs`).
#[component]
pub(super) fn ConflictBanner() -> impl IntoView {
    let lang = use_lang();
    let form = expect_context::<Form>();
    move || {
        let SaveState::Conflict { theirs } = form.state.get() else {
            return None;
        };
        let changes = form.fields.with_value(|fields| {
            form.answers
                .with_untracked(|mine| compare(fields, &theirs.answers, mine))
        });
        let number = theirs.number;
        let saved_at = short_time_in(lang, &theirs.saved_at);
        let theirs_for_button = theirs.clone();
        Some(view! {
            <section class="conflict" role="alert" aria-labelledby="conflict-title">
                <h2 id="conflict-title">{tr!(lang, "wizard-conflict-title")}</h2>
                <p>
                    {tr!(lang, "wizard-conflict-explained", number = number, saved_at = saved_at)}
                    {tr!(lang, "wizard-conflict-changes", count = changes.len())}
                </p>
                <ul>
                    {changes
                        .into_iter()
                        .map(|c| view! {
                            <li><strong>{c.label}</strong>{tr!(lang, "wizard-conflict-change", before = c.before, after = c.after)}</li>
                        })
                        .collect_view()}
                </ul>
                <button type="button" class="primary" on:click=move |_| form.keep_mine(number)>
                    {tr!(lang, "wizard-conflict-keep-mine")}
                </button>
                <button type="button" on:click=move |_| form.take_theirs(theirs_for_button.clone())>
                    {tr!(lang, "wizard-conflict-take-theirs")}
                </button>
            </section>
        })
    }
}

#[component]
fn PreviewPane(draft_id: i64) -> impl IntoView {
    let lang = use_lang();
    let form = expect_context::<Form>();
    let preview = form.preview;
    // Marks each counted paragraph and its word count in the preview.
    let show_counted = RwSignal::new(false);
    let ready = move || {
        preview.with(|p| {
            p.as_ref()
                .is_some_and(|p| p.error.is_none() && p.problems.is_empty())
        }) && matches!(form.state.get(), SaveState::Saved { .. })
    };
    view! {
        <aside class="preview-pane" aria-label=tr!(lang, "wizard-preview")>
            <div class="downloads">
                <a
                    class="button"
                    href=format!("/drafts/{draft_id}/download/docx")
                    download
                    aria-disabled=move || (!ready()).to_string()
                    data-ready=move || ready().to_string()
                >
                    {tr!(lang, "wizard-download-docx")}
                </a>
                <a
                    class="button"
                    href=format!("/drafts/{draft_id}/download/pdf")
                    download
                    aria-disabled=move || (!ready()).to_string()
                    data-ready=move || ready().to_string()
                >
                    {tr!(lang, "wizard-download-pdf")}
                </a>
                <a
                    class="button secondary"
                    href=format!("/drafts/{draft_id}/evidence-report/pdf")
                    download
                    aria-disabled=move || (!ready()).to_string()
                    data-ready=move || ready().to_string()
                    title=tr!(lang, "wizard-evidence-report-title")
                >
                    {tr!(lang, "wizard-evidence-report")}
                </a>
                <p class="note">
                    {move || {
                        if ready() {
                            tr!(lang, "wizard-downloads-ready")
                        } else if !matches!(form.state.get(), SaveState::Saved { .. }) {
                            tr!(lang, "wizard-downloads-after-save")
                        } else {
                            tr!(lang, "wizard-downloads-after-answers")
                        }
                    }}
                </p>
            </div>
            <super::publish::PublishPanel draft_id/>
            {move || {
                preview
                    .with(|p| p.as_ref().map(|p| p.words.clone()))
                    .map(|words| {
                        let over = words.limit.is_some_and(|limit| words.counted > limit);
                        let text = match words.limit {
                            Some(limit) => tr!(lang, "wizard-words-of-limit", counted = words.counted, limit = limit),
                            None => tr!(lang, "wizard-words", counted = words.counted),
                        };
                        let limited = words.limit.is_some();
                        view! {
                            <p class="word-count" class:over=over data-words=words.counted>
                                <strong>{text}</strong>
                                <span>{format!(" — {}", words.basis)}</span>
                                {limited.then(|| view! {
                                    " "
                                    <button
                                        type="button"
                                        class="link"
                                        aria-pressed=move || show_counted.get().to_string()
                                        on:click=move |_| show_counted.update(|s| *s = !*s)
                                    >
                                        {move || if show_counted.get() { tr!(lang, "wizard-words-hide") } else { tr!(lang, "wizard-words-highlight") }}
                                    </button>
                                })}
                            </p>
                        }
                    })
            }}
            <ChecksPanel/>
            {move || {
                preview
                    .with(|p| p.as_ref().and_then(|p| p.error.clone()))
                    .map(|e| view! { <p class="error" role="alert">{e}</p> })
            }}
            <div
                class="page"
                class:show-counted=move || show_counted.get()
                data-preview=move || preview.with(|p| p.is_some()).to_string()
                inner_html=move || preview.with(|p| p.as_ref().map(|p| p.html.clone()).unwrap_or_default())
            ></div>
        </aside>
    }
}

/// The filing-rule checks of the current answers; warnings can be
/// dismissed with a reason, which is saved with the draft. The findings
/// come with the first preview, after the page is interactive, and are one
/// of the wizard's later parts (`later.rs`).
#[component]
fn ChecksPanel() -> impl IntoView {
    let lang = use_lang();
    let later = Later::expect();
    view! {
        <section class="checks" aria-label=tr!(lang, "wizard-checks-label")>
            <h2>{tr!(lang, "wizard-checks")}</h2>
            {move || later.parts().map(|parts| (parts.findings)())}
        </section>
    }
}

/// The checks' findings, each with its reason and reference.
#[component]
pub(super) fn Findings() -> impl IntoView {
    let lang = use_lang();
    let form = expect_context::<Form>();
    let checks = move || {
        form.preview
            .with(|p| p.as_ref().map(|p| p.checks.clone()).unwrap_or_default())
    };
    view! {
        <ul>
            {move || {
                checks()
                    .into_iter()
                    .map(|check| {
                        let id = check.id.clone();
                        let can_dismiss = check.severity == "warning";
                        let dismissed = check.dismissed.clone();
                        view! {
                            <li class=format!("check {}", check.severity) data-check=check.id.clone()>
                                <strong>{tr!(lang, "wizard-check-heading", severity = severity_label(lang, &check.severity), title = check.title.as_str())}</strong>
                                <p>{check.reason.clone()}</p>
                                <p class="reference">{check.reference.clone()}</p>
                                {dismissed.map(|reason| {
                                    let id = id.clone();
                                    view! {
                                        <p class="dismissed">
                                            {tr!(lang, "wizard-check-dismissed", reason = reason)}
                                            <button type="button" class="link" on:click=move |_| {
                                                form.dismissals.update(|d| { d.remove(&id); });
                                                form.edited();
                                            }>{tr!(lang, "wizard-check-undo")}</button>
                                        </p>
                                    }
                                })}
                                {can_dismiss.then(|| view! { <DismissForm id=id.clone()/> })}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

#[component]
fn DismissForm(id: String) -> impl IntoView {
    let lang = use_lang();
    let form = expect_context::<Form>();
    let reason = RwSignal::new(String::new());
    let input_id = format!("dismiss-{}", id.replace('/', "-"));
    view! {
        <div class="dismiss">
            <label for=input_id.clone()>{tr!(lang, "wizard-dismiss-reason")}</label>
            <input id=input_id type="text" prop:value=reason on:input=move |ev| reason.set(event_target_value(&ev))/>
            <button
                type="button"
                disabled=move || reason.with(|r| r.trim().is_empty())
                on:click=move |_| {
                    let text = reason.get_untracked().trim().to_owned();
                    form.dismissals.update(|d| { d.insert(id.clone(), text); });
                    form.edited();
                }
            >
                {tr!(lang, "wizard-dismiss")}
            </button>
        </div>
    }
}

/// A finding's severity as the reader names it (the code stays `warning` etc.).
fn severity_label(lang: Lang, severity: &str) -> String {
    match severity {
        "passed" => tr!(lang, "wizard-severity-passed"),
        "warning" => tr!(lang, "wizard-severity-warning"),
        "failed" => tr!(lang, "wizard-severity-failed"),
        "dismissed" => tr!(lang, "wizard-severity-dismissed"),
        _ => tr!(lang, "wizard-severity-note"),
    }
}
