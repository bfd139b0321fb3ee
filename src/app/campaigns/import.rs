//! The mapping page of an imported co-filer list: the first rows of the
//! file, the column that names each co-filer, the templates each co-filer
//! gets a document from, and for each of their fields the column it comes
//! from (proposed from the headers). "Check" lists the problems by row and
//! column; "Make the documents" makes them, once.

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;

use super::api::{self, CheckCampaignImport, ConfirmCampaignImport};
use crate::app::error::AppError;
use crate::app::i18n::stored_day;
use crate::app::i18n::use_lang;
use crate::app::loaded::load;
use crate::campaigns::cofilers::{
    column_letter, CellProblem, FieldSource, ImportCheck, ImportView, Mapping,
};
use crate::i18n::tr;
use crate::i18n::Lang;

/// The check of co-filer import `import` into campaign `campaign`.
#[cfg_attr(any(feature = "ssr", feature = "others-bundle"), island(lazy))]
#[cfg_attr(not(any(feature = "ssr", feature = "others-bundle")), component)]
pub fn ImportPage(campaign: i64, import: i64) -> impl IntoView {
    let lang = use_lang();
    let found = load(
        move || (campaign, import),
        |(campaign, import)| api::load_campaign_import(campaign, import),
    );
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));
    view! {
        <section class="campaign-import" data-hydrated=move || hydrated.get().to_string()>
            <Transition fallback=move || view! { <p aria-busy="true">{tr!(lang, "campaigns-loading-list")}</p> }>
                {move || Suspend::new(async move {
                    match found.await {
                        Ok(view) => view! { <MappingForm view import/> }.into_any(),
                        Err(e) => view! { <p class="error" role="alert">{e.words(lang)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// Which column each (template, field) takes its answer from.
type Columns = BTreeMap<(String, String), Option<usize>>;

#[component]
fn MappingForm(view: ImportView, import: i64) -> impl IntoView {
    let lang = use_lang();
    let check = ServerAction::<CheckCampaignImport>::new();
    let confirm = ServerAction::<ConfirmCampaignImport>::new();
    let campaign = view.campaign;
    let chosen = RwSignal::new(
        view.templates
            .iter()
            .filter(|t| t.proposed)
            .map(|t| t.id.clone())
            .collect::<BTreeSet<String>>(),
    );
    let name_column = RwSignal::new(view.name_column.unwrap_or(0));
    let columns = RwSignal::new(
        view.templates
            .iter()
            .flat_map(|t| {
                t.targets
                    .iter()
                    .map(|target| ((t.id.clone(), target.target.clone()), target.proposed))
            })
            .collect::<Columns>(),
    );
    let order: Vec<String> = view.templates.iter().map(|t| t.id.clone()).collect();
    let mapping = move || {
        let templates: Vec<String> =
            chosen.with(|c| order.iter().filter(|id| c.contains(*id)).cloned().collect());
        let sources = columns.with(|all| {
            all.iter()
                .filter(|((template, _), _)| templates.contains(template))
                .filter_map(|((template, target), column)| {
                    column.map(|column| FieldSource {
                        template: template.clone(),
                        target: target.clone(),
                        column,
                    })
                })
                .collect()
        });
        Mapping {
            name_column: name_column.get_untracked(),
            templates,
            sources,
        }
    };
    let mapping_for_confirm = mapping.clone();
    let headers = view.headers.clone();
    let result = move || -> Option<Result<ImportCheck, AppError>> {
        confirm.value().get().or_else(|| check.value().get())
    };
    let used = view.used_at.clone();
    view! {
        <h1>{tr!(lang, "campaigns-import-heading", campaign = view.campaign_name.clone())}</h1>
        <p>
            {tr!(lang, "campaigns-import-rows", file = view.file_name.clone(), rows = view.rows)}" "
            <a href=format!("/campaigns/{campaign}")>{tr!(lang, "campaigns-back")}</a>
        </p>
        {used.map(|at| view! { <p class="note" role="status">{tr!(lang, "campaigns-imported-on", date = stored_day(lang, &at))}</p> })}
        <table class="import-sample">
            <caption>{tr!(lang, "campaigns-first-rows")}</caption>
            <thead><tr>
                {view.headers.iter().enumerate().map(|(i, h)| view! { <th scope="col">{format!("{} · {h}", column_letter(i))}</th> }).collect_view()}
            </tr></thead>
            <tbody>
                {view.sample.iter().map(|row| view! {
                    <tr>{row.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr>
                }).collect_view()}
            </tbody>
        </table>
        <label class="name-column">
            <span>{tr!(lang, "campaigns-name-column")}</span>
            <select name="name_column" on:change=move |ev| {
                if let Ok(i) = event_target_value(&ev).parse() { name_column.set(i) }
            }>
                {headers.iter().enumerate().map(|(i, h)| view! {
                    <option value=i selected=move || name_column.get() == i>{format!("{} · {h}", column_letter(i))}</option>
                }).collect_view()}
            </select>
        </label>
        {view.templates.iter().map(|t| {
            let id = t.id.clone();
            let ticked = id.clone();
            let headers = view.headers.clone();
            view! {
                <fieldset class="import-template" data-template=t.id.clone()>
                    <legend>
                        <label class="inline">
                            <input type="checkbox" name="template" value=t.id.clone()
                                prop:checked=move || chosen.with(|c| c.contains(&ticked))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let id = id.clone();
                                    chosen.update(|c| { if on { c.insert(id); } else { c.remove(&id); } });
                                }/>
                            <span>{format!("{} ({})", t.title, t.kind)}</span>
                        </label>
                    </legend>
                    <div class="import-targets">
                        {t.targets.iter().map(|target| {
                            let key = (t.id.clone(), target.target.clone());
                            let key_for_select = key.clone();
                            let headers = headers.clone();
                            view! {
                                <label data-target=target.target.clone()>
                                    <span>{format!("{}{}", target.label, if target.required { " *" } else { "" })}</span>
                                    <select on:change=move |ev| {
                                        let value = event_target_value(&ev);
                                        let key = key_for_select.clone();
                                        columns.update(|all| { all.insert(key, value.parse().ok()); });
                                    }>
                                        <option value="" selected=target.proposed.is_none()>{tr!(lang, "campaigns-not-imported")}</option>
                                        {headers.iter().enumerate().map(|(i, h)| {
                                            let key = key.clone();
                                            view! {
                                                <option value=i selected=move || columns.with(|all| all.get(&key) == Some(&Some(i)))>
                                                    {format!("{} · {h}", column_letter(i))}
                                                </option>
                                            }
                                        }).collect_view()}
                                    </select>
                                </label>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            }
        }).collect_view()}
        <div class="import-actions">
            <button type="button" class="check-import" on:click=move |_| {
                check.dispatch(CheckCampaignImport { campaign, import, mapping: mapping() });
            }>{tr!(lang, "campaigns-check-rows")}</button>
            <button type="button" class="confirm-import" disabled=move || confirm.pending().get() on:click=move |_| {
                confirm.dispatch(ConfirmCampaignImport { campaign, import, mapping: mapping_for_confirm() });
            }>{tr!(lang, "campaigns-make-documents")}</button>
        </div>
        {move || result().map(|r| match r {
            Ok(outcome) => view! { <Outcome outcome campaign/> }.into_any(),
            Err(e) => view! { <p class="error" role="alert">{e.words(lang)}</p> }.into_any(),
        })}
    }
}

#[component]
fn Outcome(outcome: ImportCheck, campaign: i64) -> impl IntoView {
    let lang = use_lang();
    let cofilers = outcome.cofilers;
    let headline = match outcome.created {
        Some(made) => tr!(lang, "campaigns-made", made = made, cofilers = cofilers),
        None => tr!(
            lang,
            "campaigns-ready",
            documents = outcome.documents,
            cofilers = cofilers
        ),
    };
    let problems = outcome.problems.len();
    view! {
        <div class="import-outcome" role="status" data-created=outcome.created.map(|n| n.to_string()).unwrap_or_default()>
            <p>{headline}</p>
            {(problems > 0).then(|| view! {
                <p>{tr!(lang, "campaigns-problems", count = problems)}</p>
                <ul class="import-problems">
                    {outcome.problems.iter().map(|p| view! { <li>{problem_text(lang, p)}</li> }).collect_view()}
                </ul>
            })}
            {outcome.created.is_some().then(|| view! { <p><a href=format!("/campaigns/{campaign}")>{tr!(lang, "campaigns-open-campaign")}</a></p> })}
        </div>
    }
}

/// A row's problem, by row and, when one cell is at fault, column.
fn problem_text(lang: Lang, problem: &CellProblem) -> String {
    let (line, message) = (problem.line, problem.message.words(lang));
    match &problem.column {
        Some(column) => tr!(
            lang,
            "campaigns-problem-cell",
            line = line,
            column = column.clone(),
            message = message
        ),
        None => tr!(
            lang,
            "campaigns-problem-row",
            line = line,
            message = message
        ),
    }
}
