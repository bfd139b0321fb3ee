//! A campaign's page: the filing deadline with the days left, every
//! document with its status and checks (its own and those across the
//! campaign), the co-filers, the shared answers (changing one carries it
//! into the documents that kept it), and the ways to add documents: from a
//! template, or one pair per co-filer from a CSV or XLSX list. The packet
//! panel renders all of them into one ZIP in the background.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::api::{self, AddCampaignDocument, SetDraftCampaign, UpdateCampaign};
use super::shared_form::SharedFields;
use crate::app::drafts::error_text;
use crate::app::drafts::packets::Packets;
use crate::app::templates::list_templates;
use crate::campaigns::campaign::{CampaignDocument, CampaignPage as Page, DeadlineView};
use crate::drafts::CheckItem;

#[component]
pub fn CampaignPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let update = ServerAction::<UpdateCampaign>::new();
    let add = ServerAction::<AddCampaignDocument>::new();
    let membership = ServerAction::<SetDraftCampaign>::new();
    let page = Resource::new(
        move || {
            (
                id(),
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
            <Transition fallback=|| view! { <p aria-busy="true">"Loading the campaign…"</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! { <CampaignView page update add membership/> }.into_any(),
                        Err(e) => view! { <p class="error" role="alert">{error_text(&e)}</p> }.into_any(),
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
    let campaign = page.campaign.clone();
    let id = campaign.id;
    let subtitle = format!(
        "{}{}",
        campaign.shared.company,
        campaign
            .shared
            .meeting_year
            .map(|y| format!(", {y} meeting"))
            .unwrap_or_default()
    );
    let all: BTreeSet<i64> = page.documents.iter().map(|d| d.draft.id).collect();
    let selected = RwSignal::new(all);
    view! {
        <h1>{campaign.name.clone()}</h1>
        <p class="campaign-subtitle">{subtitle}</p>
        <Deadline deadline=page.deadline.clone() missing=page.deadline_missing.clone()/>
        <section class="campaign-documents" aria-labelledby="documents-title">
            <h2 id="documents-title">{format!("Documents ({})", page.documents.len())}</h2>
            {if page.documents.is_empty() {
                view! { <p class="empty">"No document yet: add one from a template, or import co-filers below."</p> }.into_any()
            } else {
                view! { <DocumentTable documents=page.documents.clone() membership/> }.into_any()
            }}
            {(!page.cofilers.is_empty()).then(|| view! {
                <p class="campaign-cofilers">
                    <strong>{format!("Co-filers ({}): ", page.cofilers.len())}</strong>
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
    let body = match (deadline, missing) {
        (Some(deadline), _) => {
            let headline = match (&deadline.date, deadline.days_left) {
                (Some(date), Some(days)) if days > 1 => format!("Filing deadline: {date}, {days} days left"),
                (Some(date), Some(1)) => format!("Filing deadline: {date}, tomorrow"),
                (Some(date), Some(0)) => format!("Filing deadline: {date}, today"),
                (Some(date), Some(days)) => format!("Filing deadline: {date}, passed {} days ago", -days),
                _ => "Filing deadline: a reasonable time before the company prints its proxy materials".to_owned(),
            };
            view! {
                <p class="deadline-headline" data-days-left=deadline.days_left>{headline}</p>
                <details>
                    <summary>"How it was computed"</summary>
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
    view! { <section class="campaign-deadline" aria-label="Filing deadline">{body}</section> }
}

#[component]
fn DocumentTable(
    documents: Vec<CampaignDocument>,
    membership: ServerAction<SetDraftCampaign>,
) -> impl IntoView {
    view! {
        <table class="campaign-document-list">
            <thead>
                <tr>
                    <th scope="col">"Document"</th>
                    <th scope="col">"Kind"</th>
                    <th scope="col">"Co-filer"</th>
                    <th scope="col">"Status"</th>
                    <th scope="col">"Checks"</th>
                    <th scope="col">"Overrides"</th>
                    <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                </tr>
            </thead>
            <tbody>
                {documents.into_iter().map(|d| {
                    let checks = match (d.failed, d.warnings) {
                        (0, 0) => "all pass".to_owned(),
                        (f, 0) => format!("{f} failed"),
                        (0, w) => format!("{w} to look at"),
                        (f, w) => format!("{f} failed, {w} to look at"),
                    };
                    let state = if d.failed > 0 { "failed" } else if d.warnings > 0 { "warning" } else { "passed" };
                    let draft = d.draft.id;
                    view! {
                        <tr data-draft=d.draft.id data-checks=state>
                            <td><a href=format!("/drafts/{}", d.draft.id)>{d.draft.title.clone()}</a></td>
                            <td>{d.kind.clone()}</td>
                            <td>{d.cofiler.clone().unwrap_or_default()}</td>
                            <td>{d.draft.status.as_str()}</td>
                            <td>
                                <span class=format!("check-count {state}")>{checks}</span>
                                {d.unchecked.clone().map(|u| view! { <p class="error">{u}</p> })}
                                <Across findings=d.across.clone()/>
                            </td>
                            <td>{d.overrides.join(", ")}</td>
                            <td>
                                <button type="button" class="leave-campaign" title="The draft stays, outside the campaign"
                                    on:click=move |_| { membership.dispatch(SetDraftCampaign { draft, campaign: None }); }>
                                    "Take out"
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
    (!findings.is_empty()).then(|| {
        view! {
            <ul class="across-findings">
                {findings.into_iter().map(|f| view! {
                    <li class=format!("finding {}", f.severity) data-finding=f.id.clone()>
                        <strong>{f.title.clone()}</strong>": "{f.reason.clone()}
                    </li>
                }).collect_view()}
            </ul>
        }
    })
}

#[component]
fn AddDocument(campaign: i64, add: ServerAction<AddCampaignDocument>) -> impl IntoView {
    let templates = Resource::new(|| (), |_| list_templates());
    view! {
        <ActionForm action=add attr:class="add-campaign-document">
            <h2>"Add a document"</h2>
            <input type="hidden" name="campaign" value=campaign/>
            <label>
                <span>"Template"</span>
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
                <span>"Title (optional)"</span>
                <input type="text" name="title" maxlength="200"/>
            </label>
            <button type="submit">"Add document"</button>
            {move || add.value().get().map(|result| match result {
                Ok(draft) => view! { <p class="note" role="status">"Added. "<a href=format!("/drafts/{draft}")>"Open it"</a></p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{error_text(&e)}</p> }.into_any(),
            })}
        </ActionForm>
    }
}

/// One of the organisation's drafts outside any campaign, put into this one.
#[component]
fn AddExisting(campaign: i64, membership: ServerAction<SetDraftCampaign>) -> impl IntoView {
    let drafts = Resource::new(
        move || membership.version().get(),
        |_| crate::app::drafts::api::list_drafts(String::new(), "any".into(), false),
    );
    let chosen = RwSignal::new(None::<i64>);
    view! {
        <div class="add-existing-draft">
            <h2>"Add an existing draft"</h2>
            <Suspense fallback=|| view! { <p aria-busy="true">"Loading drafts…"</p> }>
                {move || Suspend::new(async move {
                    let outside: Vec<_> = drafts
                        .await
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|d| d.campaign.is_none())
                        .collect();
                    if outside.is_empty() {
                        return view! { <p class="empty">"Every draft is already in a campaign."</p> }.into_any();
                    }
                    view! {
                        <label>
                            <span>"Draft"</span>
                            <select name="existing-draft" on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())>
                                <option value="">"— choose a draft —"</option>
                                {outside.into_iter().map(|d| view! {
                                    <option value=d.id>{format!("{} ({})", d.title, d.template_title)}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        <button type="button" disabled=move || chosen.get().is_none() on:click=move |_| {
                            if let Some(draft) = chosen.get_untracked() {
                                membership.dispatch(SetDraftCampaign { draft, campaign: Some(campaign) });
                            }
                        }>"Add to the campaign"</button>
                    }.into_any()
                })}
            </Suspense>
            {move || membership.value().get().and_then(Result::err).map(|e| view! { <p class="error" role="alert">{error_text(&e)}</p> })}
        </div>
    }
}

/// A plain multipart form: the server reads the list and opens its mapping page.
#[component]
fn ImportForm(campaign: i64) -> impl IntoView {
    view! {
        <form class="import-cofilers" method="post" enctype="multipart/form-data" action=format!("/campaigns/{campaign}/import")>
            <h2>"Import co-filers"</h2>
            <p class="help">
                "A CSV or XLSX file with one co-filer per row and a header row naming the columns. "
                "Next you match columns to the documents' fields; each co-filer then gets a co-filer letter and an ownership-proof request."
            </p>
            <label>
                <span>"List of co-filers"</span>
                <input type="file" name="file" required=true accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>
            </label>
            <button type="submit">"Read the list"</button>
        </form>
    }
}

#[component]
fn EditShared(page: Page, update: ServerAction<UpdateCampaign>) -> impl IntoView {
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
            <h2>"Campaign answers"</h2>
            <label>
                <span>"Name"</span>
                <input type="text" name="name" required=true maxlength="300"
                    prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
            </label>
            <SharedFields shared/>
            <button type="submit" disabled=move || update.pending().get()>"Save the campaign's answers"</button>
            {move || update.value().get().map(|result| match result {
                Ok(done) if done.updated.is_empty() => view! { <p class="note" role="status">"Saved. No document needed a change."</p> }.into_any(),
                Ok(done) => view! {
                    <div class="note" role="status">
                        <p>{format!("Saved. {} documents took the new answers:", done.updated.len())}</p>
                        <ul>{done.updated.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                    </div>
                }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{error_text(&e)}</p> }.into_any(),
            })}
        </form>
    }
}
