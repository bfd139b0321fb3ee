//! The campaigns feature in the web app: the list of an organisation's
//! campaigns with the form that starts one, a campaign's page (documents,
//! checks across them, deadline, shared answers, co-filers, packet), and
//! the mapping page of an imported co-filer list. Server functions are in
//! [`api`].

pub mod api;
mod import;
mod page;
mod shared_form;

pub use import::ImportPage;
pub use page::CampaignPage;

use leptos::prelude::*;

use crate::app::i18n::use_lang;
use crate::app::loaded::load;
use crate::campaigns::campaign::Shared;
use crate::i18n::tr;
use crate::i18n::Lang;
use api::CreateCampaign;

/// The rule packs a campaign can follow, as the form offers them.
pub(crate) const JURISDICTIONS: [&str; 3] = ["us-sec-14a8", "uk-ca2006-s338", "fr-code-commerce"];

/// A rule pack as the form names it.
fn jurisdiction_label(lang: Lang, id: &str) -> String {
    match id {
        "us-sec-14a8" => tr!(lang, "campaigns-rules-us-sec-14a8"),
        "uk-ca2006-s338" => tr!(lang, "campaigns-rules-uk-ca2006-s338"),
        "fr-code-commerce" => tr!(lang, "campaigns-rules-fr-code-commerce"),
        other => other.to_owned(),
    }
}

#[cfg_attr(any(feature = "ssr", feature = "others-bundle"), island(lazy))]
#[cfg_attr(not(any(feature = "ssr", feature = "others-bundle")), component)]
pub fn CampaignsPage() -> impl IntoView {
    let lang = use_lang();
    let create = ServerAction::<CreateCampaign>::new();
    let campaigns = load(move || create.version().get(), |_| api::list_campaigns());
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));
    // A new campaign opens its page.
    Effect::new(move |_| {
        if let Some(Ok(id)) = create.value().get() {
            let _ = window().location().set_href(&format!("/campaigns/{id}"));
        }
    });
    view! {
        <section class="campaigns" data-hydrated=move || hydrated.get().to_string()>
            <h1>{tr!(lang, "campaigns-title")}</h1>
            <p class="help">{tr!(lang, "campaigns-intro")}</p>
            <Transition fallback=move || view! { <p aria-busy="true">{tr!(lang, "campaigns-loading")}</p> }>
                {move || Suspend::new(async move {
                    match campaigns.await {
                        Ok(list) if list.is_empty() => view! { <p class="empty">{tr!(lang, "campaigns-none")}</p> }.into_any(),
                        Ok(list) => view! {
                            <table class="campaign-list">
                                <thead>
                                    <tr>
                                        <th scope="col">{tr!(lang, "campaigns-column-campaign")}</th>
                                        <th scope="col">{tr!(lang, "campaigns-company")}</th>
                                        <th scope="col">{tr!(lang, "campaigns-column-meeting")}</th>
                                        <th scope="col">{tr!(lang, "campaigns-column-documents")}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {list.into_iter().map(|c| view! {
                                        <tr data-campaign=c.id>
                                            <td><a href=format!("/campaigns/{}", c.id)>{c.name.clone()}</a></td>
                                            <td>{c.company.clone()}</td>
                                            <td>{c.meeting_year.map(|y| y.to_string()).unwrap_or_default()}</td>
                                            <td>{c.documents}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                        Err(e) => view! { <p class="error" role="alert">{e.words(lang)}</p> }.into_any(),
                    }
                })}
            </Transition>
            <NewCampaignForm create/>
        </section>
    }
}

#[component]
fn NewCampaignForm(create: ServerAction<CreateCampaign>) -> impl IntoView {
    let lang = use_lang();
    let name = RwSignal::new(String::new());
    let jurisdiction = RwSignal::new(JURISDICTIONS[0].to_owned());
    let shared = RwSignal::new(Shared::default());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        create.dispatch(CreateCampaign {
            name: name.get_untracked(),
            jurisdiction: jurisdiction.get_untracked(),
            shared: shared.get_untracked(),
        });
    };
    view! {
        <form class="new-campaign" on:submit=submit>
            <h2>{tr!(lang, "campaigns-new-title")}</h2>
            <label>
                <span>{tr!(lang, "campaigns-name")}</span>
                <input type="text" name="name" required=true maxlength="300" placeholder=tr!(lang, "campaigns-name-placeholder")
                    prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
            </label>
            <label>
                <span>{tr!(lang, "campaigns-filing-rules")}</span>
                <select name="jurisdiction" on:change=move |ev| jurisdiction.set(event_target_value(&ev))>
                    {JURISDICTIONS.iter().map(|id| view! {
                        <option value=*id selected=move || jurisdiction.get() == *id>{jurisdiction_label(lang, id)}</option>
                    }).collect_view()}
                </select>
            </label>
            <shared_form::SharedFields shared/>
            <button type="submit" disabled=move || create.pending().get()>{tr!(lang, "campaigns-start")}</button>
            {move || create.value().get().and_then(Result::err).map(|e| view! { <p class="error" role="alert">{e.words(lang)}</p> })}
        </form>
    }
}
