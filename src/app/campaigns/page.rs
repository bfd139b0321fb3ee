//! A campaign's page: the filing deadline with the days left, every
//! document with its status and checks (its own and those across the
//! campaign), the co-filers, the shared answers (changing one carries it
//! into the documents that kept it), and the ways to add documents: from a
//! template, or one pair per co-filer from a CSV or XLSX list. The packet
//! panel renders all of them into one ZIP in the background.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::api::{self, AddCampaignDocument, SetDraftCampaign, UpdateCampaign};
use super::shared_form::SharedFields;
use crate::app::drafts::packets::Packets;
use crate::app::i18n::stored_day;
use crate::app::i18n::use_lang;
use crate::app::loaded::load;
use crate::app::templates::list_templates;
use crate::campaigns::campaign::{CampaignDocument, CampaignPage as Page, DeadlineView};
use crate::drafts::{CheckItem, DraftStatus};
use crate::i18n::tr;
use crate::i18n::Lang;

/// The page of campaign `id`.
#[cfg_attr(any(feature = "ssr", feature = "others-bundle"), island(lazy))]
#[cfg_attr(not(any(feature = "ssr", feature = "others-bundle")), component)]
pub fn CampaignPage(id: i64) -> impl IntoView {
    let lang = use_lang();
    let update = ServerAction::<UpdateCampaign>::new();
    let add = ServerAction::<AddCampaignDocument>::new();
    let membership = ServerAction::<SetDraftCampaign>::new();
    let page = load(
        move || {
            (
                id,
                update.version().get(),
                add.version().get(),
                membership.version().get(),
            )
        },
        |(id, ..)| api::load_campaign(id),
    );
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));
    view! {
        <section class="campaign" data-hydrated=move || hydrated.get().to_string()>
            <Transition fallback=move || view! { <p aria-busy="true">{tr!(lang, "campaigns-loading-campaign")}</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! { <CampaignView page update add membership/> }.into_any(),
                        Err(e) => view! { <p class="error" role="alert">{e.words(lang)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn CampaignView(
    page: Page,
    update: ServerAction<UpdateCampaign>,
    add: ServerAction<AddCampaignDocument>,
    membership: ServerAction<SetDraftCampaign>,
) -> impl IntoView {
    let lang = use_lang();
    let campaign = page.campaign.clone();
    let id = campaign.id;
    let company = campaign.shared.company.clone();
    let subtitle = match campaign.shared.meeting_year {
        Some(year) => tr!(
            lang,
            "campaigns-subtitle",
            company = company,
            year = year.to_string()
        ),
        None => company,
    };
    let all: BTreeSet<i64> = page.documents.iter().map(|d| d.draft.id).collect();
    let selected = RwSignal::new(all);
    view! {
        <h1>{campaign.name.clone()}</h1>
        <p class="campaign-subtitle">{subtitle}</p>
        <Deadline deadline=page.deadline.clone() missing=page.deadline_missing.clone()/>
        <section class="campaign-documents" aria-labelledby="documents-title">
            <h2 id="documents-title">{tr!(lang, "campaigns-documents-heading", count = page.documents.len())}</h2>
            {if page.documents.is_empty() {
                view! { <p class="empty">{tr!(lang, "campaigns-no-documents")}</p> }.into_any()
            } else {
                view! { <DocumentTable documents=page.documents.clone() membership/> }.into_any()
            }}
            {(!page.cofilers.is_empty()).then(|| view! {
                <p class="campaign-cofilers">
                    <strong>{tr!(lang, "campaigns-cofilers-heading", count = page.cofilers.len())}</strong>
                    {page.cofilers.join(", ")}
                </p>
            })}
        </section>
        <AddDocument campaign=id add/>
        <AddExisting campaign=id membership/>
        <ImportForm campaign=id/>
        <EditShared page=page.clone() update/>
        <Packets selected/>
    }
}

#[component]
fn Deadline(deadline: Option<DeadlineView>, missing: Option<String>) -> impl IntoView {
    let lang = use_lang();
    let body = match (deadline, missing) {
        (Some(deadline), _) => {
            let headline = deadline_headline(lang, deadline.date.as_deref(), deadline.days_left);
            view! {
                // The text is the reader's; the machine date stays in `data-date`.
                <p class="deadline-headline" data-days-left=deadline.days_left data-date=deadline.date.clone()>{headline}</p>
                <details>
                    <summary>{tr!(lang, "campaigns-deadline-how")}</summary>
                    <ol>{deadline.steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ol>
                    {deadline.judgement.clone().map(|j| view! { <p class="note">{j}</p> })}
                    <p class="reference">{deadline.reference.clone()}</p>
                </details>
            }
            .into_any()
        }
        (None, missing) => {
            view! { <p class="deadline-missing">{missing.unwrap_or_default()}</p> }.into_any()
        }
    };
    view! { <section class="campaign-deadline" aria-label=tr!(lang, "campaigns-deadline-label")>{body}</section> }
}

/// "Filing deadline: …" with the days left, or the rule's judgement when
/// it gives no date.
fn deadline_headline(lang: Lang, date: Option<&str>, days_left: Option<i64>) -> String {
    let (Some(date), Some(days)) = (date, days_left) else {
        return tr!(lang, "campaigns-deadline-judgement");
    };
    let date = stored_day(lang, date);
    match days {
        2.. => tr!(
            lang,
            "campaigns-deadline-days-left",
            date = date,
            days = days
        ),
        1 => tr!(lang, "campaigns-deadline-tomorrow", date = date),
        0 => tr!(lang, "campaigns-deadline-today", date = date),
        _ => tr!(lang, "campaigns-deadline-passed", date = date, days = -days),
    }
}

/// A draft's status as the table names it.
fn status_name(lang: Lang, status: DraftStatus) -> String {
    match status {
        DraftStatus::Draft => tr!(lang, "campaigns-status-draft"),
        DraftStatus::InReview => tr!(lang, "campaigns-status-in-review"),
        DraftStatus::Final => tr!(lang, "campaigns-status-final"),
    }
}

/// A document's own and cross-document findings, counted.
fn checks_summary(lang: Lang, failed: usize, warnings: usize) -> String {
    match (failed, warnings) {
        (0, 0) => tr!(lang, "campaigns-checks-pass"),
        (failed, 0) => tr!(lang, "campaigns-checks-failed", failed = failed),
        (0, warnings) => tr!(lang, "campaigns-checks-to-look-at", warnings = warnings),
        (failed, warnings) => tr!(
            lang,
            "campaigns-checks-both",
            failed = failed,
            warnings = warnings
        ),
    }
}

#[component]
fn DocumentTable(
    documents: Vec<CampaignDocument>,
    membership: ServerAction<SetDraftCampaign>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <table class="campaign-document-list">
            <thead>
                <tr>
                    <th scope="col">{tr!(lang, "campaigns-column-document")}</th>
                    <th scope="col">{tr!(lang, "campaigns-column-kind")}</th>
                    <th scope="col">{tr!(lang, "campaigns-column-cofiler")}</th>
                    <th scope="col">{tr!(lang, "campaigns-column-status")}</th>
                    <th scope="col">{tr!(lang, "campaigns-column-checks")}</th>
                    <th scope="col">{tr!(lang, "campaigns-column-overrides")}</th>
                    <th scope="col"><span class="visually-hidden">{tr!(lang, "campaigns-column-actions")}</span></th>
                </tr>
            </thead>
            <tbody>
                {documents.into_iter().map(|d| {
                    let checks = checks_summary(lang, d.failed, d.warnings);
                    let state = if d.failed > 0 { "failed" } else if d.warnings > 0 { "warning" } else { "passed" };
                    let draft = d.draft.id;
                    view! {
                        <tr data-draft=d.draft.id data-checks=state>
                            <td><a href=format!("/drafts/{}", d.draft.id)>{d.draft.title.clone()}</a></td>
                            <td>{d.kind.clone()}</td>
                            <td>{d.cofiler.clone().unwrap_or_default()}</td>
                            <td>{status_name(lang, d.draft.status)}</td>
                            <td>
                                <span class=format!("check-count {state}")>{checks}</span>
                                {d.unchecked.clone().map(|u| view! { <p class="error">{u}</p> })}
                                <Across findings=d.across.clone()/>
                            </td>
                            <td>{d.overrides.join(", ")}</td>
                            <td>
                                <button type="button" class="leave-campaign" title=tr!(lang, "campaigns-take-out-help")
                                    on:click=move |_| { membership.dispatch(SetDraftCampaign { draft, campaign: None }); }>
                                    {tr!(lang, "campaigns-take-out")}
                                </button>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// Findings across the campaign's documents for one of them.
#[component]
fn Across(findings: Vec<CheckItem>) -> impl IntoView {
    let lang = use_lang();
    (!findings.is_empty()).then(|| {
        view! {
            <ul class="across-findings">
                {findings.into_iter().map(|f| view! {
                    <li class=format!("finding {}", f.severity) data-finding=f.id.clone()>
                        <strong>{f.title.clone()}</strong>{tr!(lang, "campaigns-finding-reason", reason = f.reason.clone())}
                    </li>
                }).collect_view()}
            </ul>
        }
    })
}

#[component]
fn AddDocument(campaign: i64, add: ServerAction<AddCampaignDocument>) -> impl IntoView {
    let lang = use_lang();
    let templates = load(|| (), |_| list_templates());
    view! {
        <ActionForm action=add attr:class="add-campaign-document">
            <h2>{tr!(lang, "campaigns-add-title")}</h2>
            <input type="hidden" name="campaign" value=campaign/>
            <label>
                <span>{tr!(lang, "campaigns-template")}</span>
                <Suspense fallback=|| view! { <select name="template_id" disabled=true></select> }>
                    {move || Suspend::new(async move {
                        let list = templates.await.unwrap_or_default();
                        view! {
                            <select name="template_id" required=true>
                                {list.into_iter().map(|t| view! { <option value=t.id.clone()>{t.title.clone()}</option> }).collect_view()}
                            </select>
                        }
                    })}
                </Suspense>
            </label>
            <label>
                <span>{tr!(lang, "campaigns-title-optional")}</span>
                <input type="text" name="title" maxlength="200"/>
            </label>
            <button type="submit">{tr!(lang, "campaigns-add-submit")}</button>
            {move || add.value().get().map(|result| match result {
                Ok(draft) => view! { <p class="note" role="status">{tr!(lang, "campaigns-added")}" "<a href=format!("/drafts/{draft}")>{tr!(lang, "campaigns-open-it")}</a></p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{e.words(lang)}</p> }.into_any(),
            })}
        </ActionForm>
    }
}

/// One of the organisation's drafts outside any campaign, put into this one.
#[component]
fn AddExisting(campaign: i64, membership: ServerAction<SetDraftCampaign>) -> impl IntoView {
    let lang = use_lang();
    let drafts = load(
        move || membership.version().get(),
        |_| crate::app::drafts::api::list_drafts(String::new(), "any".into(), false),
    );
    let chosen = RwSignal::new(None::<i64>);
    view! {
        <div class="add-existing-draft">
            <h2>{tr!(lang, "campaigns-existing-title")}</h2>
            <Suspense fallback=move || view! { <p aria-busy="true">{tr!(lang, "campaigns-loading-drafts")}</p> }>
                {move || Suspend::new(async move {
                    let outside: Vec<_> = drafts
                        .await
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|d| d.campaign.is_none())
                        .collect();
                    if outside.is_empty() {
                        return view! { <p class="empty">{tr!(lang, "campaigns-all-in-campaigns")}</p> }.into_any();
                    }
                    view! {
                        <label>
                            <span>{tr!(lang, "campaigns-draft")}</span>
                            <select name="existing-draft" on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())>
                                <option value="">{tr!(lang, "campaigns-choose-draft")}</option>
                                {outside.into_iter().map(|d| view! {
                                    <option value=d.id>{format!("{} ({})", d.title, d.template_title)}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        <button type="button" disabled=move || chosen.get().is_none() on:click=move |_| {
                            if let Some(draft) = chosen.get_untracked() {
                                membership.dispatch(SetDraftCampaign { draft, campaign: Some(campaign) });
                            }
                        }>{tr!(lang, "campaigns-add-to-campaign")}</button>
                    }.into_any()
                })}
            </Suspense>
            {move || membership.value().get().and_then(Result::err).map(|e| view! { <p class="error" role="alert">{e.words(lang)}</p> })}
        </div>
    }
}

/// A plain multipart form: the server reads the list and opens its mapping page.
#[component]
fn ImportForm(campaign: i64) -> impl IntoView {
    let lang = use_lang();
    view! {
        <form class="import-cofilers" method="post" enctype="multipart/form-data" action=format!("/campaigns/{campaign}/import")>
            <h2>{tr!(lang, "campaigns-import-title")}</h2>
            <p class="help">{tr!(lang, "campaigns-import-help")}</p>
            <label>
                <span>{tr!(lang, "campaigns-import-file")}</span>
                <input type="file" name="file" required=true accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>
            </label>
            <button type="submit">{tr!(lang, "campaigns-import-read")}</button>
        </form>
    }
}

#[component]
fn EditShared(page: Page, update: ServerAction<UpdateCampaign>) -> impl IntoView {
    let lang = use_lang();
    let campaign = page.campaign;
    let (id, revision) = (campaign.id, campaign.revision);
    let name = RwSignal::new(campaign.name.clone());
    let shared = RwSignal::new(campaign.shared.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        update.dispatch(UpdateCampaign {
            id,
            revision,
            name: name.get_untracked(),
            shared: shared.get_untracked(),
        });
    };
    view! {
        <form class="edit-campaign" on:submit=submit>
            <h2>{tr!(lang, "campaigns-answers-title")}</h2>
            <label>
                <span>{tr!(lang, "campaigns-name")}</span>
                <input type="text" name="name" required=true maxlength="300"
                    prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
            </label>
            <SharedFields shared/>
            <button type="submit" disabled=move || update.pending().get()>{tr!(lang, "campaigns-save-answers")}</button>
            {move || update.value().get().map(|result| match result {
                Ok(done) if done.updated.is_empty() => view! { <p class="note" role="status">{tr!(lang, "campaigns-saved-none")}</p> }.into_any(),
                Ok(done) => view! {
                    <div class="note" role="status">
                        <p>{tr!(lang, "campaigns-saved-updated", count = done.updated.len())}</p>
                        <ul>{done.updated.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                    </div>
                }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{e.words(lang)}</p> }.into_any(),
            })}
        </form>
    }
}
