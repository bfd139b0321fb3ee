//! The template list: every built-in template with its kind, language and
//! jurisdiction, a filter, and its sample rendering as DOCX and HTML.

pub mod api;
mod editor;
mod library;
mod questions;

pub use editor::EditorPage;
pub use library::LibraryPage;

use leptos::prelude::*;

use crate::app::drafts::api::CreateDraft;
use crate::app::error::AppError;
use crate::app::forms::CallForm;
use crate::app::loaded::load;
use crate::app::TemplateSummary;
use crate::i18n::tr;

/// The templates drafters can start from.
#[server(endpoint = "list_templates")]
pub async fn list_templates() -> Result<Vec<TemplateSummary>, AppError> {
    use crate::app::calls::{caller, user_error};
    let (store, caller) = caller(crate::accounts::Permission::Read)?;
    let templates = store
        .latest_templates(caller.org)
        .await
        .map_err(user_error)?;
    Ok(templates
        .iter()
        .map(crate::store::templates::StoredTemplate::summary)
        .collect())
}

#[cfg_attr(any(feature = "ssr", feature = "templates-bundle"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "templates-bundle")), component)]
pub fn TemplatesPage() -> impl IntoView {
    let lang = crate::app::i18n::use_lang();
    let templates = load(|| (), |_| list_templates());
    let (query, set_query) = signal(String::new());
    // Effects run only in the browser: the attribute tells people and tests
    // that the page has hydrated and the filter is live.
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));

    view! {
        <section class="templates" data-hydrated=move || hydrated.get().to_string()>
            <h1>{tr!(lang, "templates-heading")}</h1>
            <p class="lead">{tr!(lang, "templates-lead")}</p>
            <label class="filter">
                <span>{tr!(lang, "templates-filter-label")}</span>
                <input
                    type="search"
                    name="filter"
                    placeholder=tr!(lang, "templates-filter-placeholder")
                    prop:value=query
                    on:input=move |ev| set_query.set(event_target_value(&ev))
                />
            </label>
            <Suspense fallback=move || view! { <p aria-busy="true">{tr!(lang, "templates-loading")}</p> }>
                <ErrorBoundary fallback=move |errors| {
                    view! {
                        <p class="error" role="alert">
                            {move || {
                                let reason = errors.get().into_iter().map(|(_, e)| e.to_string()).collect::<Vec<_>>().join("; ");
                                tr!(lang, "templates-load-failed", reason = reason)
                            }}
                        </p>
                    }
                }>
                    {move || Suspend::new(async move {
                        templates.await.map(|list| view! { <TemplateTable templates=list query/> })
                    })}
                </ErrorBoundary>
            </Suspense>
        </section>
    }
}

#[component]
fn TemplateTable(templates: Vec<TemplateSummary>, query: ReadSignal<String>) -> impl IntoView {
    let lang = crate::app::i18n::use_lang();
    let total = templates.len();
    let templates = StoredValue::new(templates);
    let visible = move || {
        let needle = query.get().to_lowercase();
        templates.with_value(|all| {
            all.iter()
                .filter(|t| matches(t, &needle))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <p class="count" aria-live="polite">
            {move || tr!(lang, "templates-count", shown = visible().len(), total = total)}
        </p>
        <table class="template-list">
            <thead>
                <tr>
                    <th scope="col">{tr!(lang, "templates-column-title")}</th>
                    <th scope="col">{tr!(lang, "templates-column-kind")}</th>
                    <th scope="col">{tr!(lang, "templates-column-language")}</th>
                    <th scope="col">{tr!(lang, "templates-column-jurisdiction")}</th>
                    <th scope="col">{tr!(lang, "templates-column-sample")}</th>
                    <th scope="col">{tr!(lang, "templates-column-draft")}</th>
                </tr>
            </thead>
            <tbody>
                <For each=visible key=|t| t.id.clone() let:template>
                    <TemplateRow template/>
                </For>
            </tbody>
        </table>
    }
}

#[component]
fn TemplateRow(template: TemplateSummary) -> impl IntoView {
    let lang = crate::app::i18n::use_lang();
    let create = ServerAction::<CreateDraft>::new();
    let id = template.id.clone();
    let start = {
        let template_id = id.clone();
        move || {
            Some(CreateDraft {
                template_id: template_id.clone(),
                title: String::new(),
            })
        }
    };
    let sample = |format: &str| format!("/templates/{}/sample/{format}", template.id);
    let (docx, pdf, html) = (sample("docx"), sample("pdf"), sample("html"));
    view! {
        <tr data-template=template.id.clone()>
            <td>
                <span class="title">{template.title.clone()}</span>
                {template.description.clone().map(|d| view! { <span class="description">{d}</span> })}
                {template.publisher.clone().map(|p| view! { <span class="publisher">{tr!(lang, "templates-shared-by", publisher = p)}</span> })}
            </td>
            <td>{template.kind.clone()}</td>
            <td>{template.language.clone()}</td>
            <td>{template.jurisdiction.clone().unwrap_or_else(|| "—".to_owned())}</td>
            <td class="downloads">
                {if template.has_sample {
                    view! {
                        <a href=docx download>"DOCX"</a>
                        " "
                        <a href=pdf download>"PDF"</a>
                        " "
                        <a href=html target="_blank" rel="noopener">"HTML"</a>
                    }
                        .into_any()
                } else {
                    view! { <span>{tr!(lang, "templates-no-sample")}</span> }.into_any()
                }}
            </td>
            <td>
                <CallForm action=create input=start>
                    <input type="hidden" name="template_id" value=id/>
                    <input type="hidden" name="title" value=""/>
                    <button type="submit" aria-label=tr!(lang, "templates-start-draft-from", title = template.title.clone())>
                        {tr!(lang, "templates-start-draft")}
                    </button>
                </CallForm>
            </td>
        </tr>
    }
}

fn matches(template: &TemplateSummary, needle: &str) -> bool {
    needle.is_empty()
        || [
            template.title.as_str(),
            template.kind.as_str(),
            template.language.as_str(),
            template.jurisdiction.as_deref().unwrap_or_default(),
            template.id.as_str(),
        ]
        .iter()
        .any(|field| field.to_lowercase().contains(needle))
}
