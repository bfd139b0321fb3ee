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

use crate::app::drafts::error_text;
use crate::campaigns::campaign::Shared;
use api::CreateCampaign;

/// The rule packs a campaign can follow, as the form offers them.
pub(crate) const JURISDICTIONS: [(&str, &str); 3] = [
    ("us-sec-14a8", "United States — SEC Rule 14a-8"),
    (
        "uk-ca2006-s338",
        "United Kingdom — Companies Act 2006, s338 and s314",
    ),
    ("fr-code-commerce", "France — Code de commerce, L225-105"),
];

#[component]
pub fn CampaignsPage() -> impl IntoView {
    let create = ServerAction::<CreateCampaign>::new();
    let campaigns = Resource::new(move || create.version().get(), |_| api::list_campaigns());
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));
    // A new campaign opens its page.
    Effect::new(move |_| {
        if let Some(Ok(id)) = create.value().get() {
            let navigate = leptos_router::hooks::use_navigate();
            navigate(&format!("/campaigns/{id}"), Default::default());
        }
    });
    view! {
        <section class="campaigns" data-hydrated=move || hydrated.get().to_string()>
            <h1>"Campaigns"</h1>
            <p class="help">
                "A campaign gathers the documents of one filing: the proposal, the filing letter, each co-filer's letter and "
                "ownership-proof request, the engagement letter. Their shared answers are entered once here, the checks look "
                "across them, and they render together as one packet."
            </p>
            <Transition fallback=|| view! { <p aria-busy="true">"Loading campaigns…"</p> }>
                {move || Suspend::new(async move {
                    match campaigns.await {
                        Ok(list) if list.is_empty() => view! { <p class="empty">"No campaign yet."</p> }.into_any(),
                        Ok(list) => view! {
                            <table class="campaign-list">
                                <thead>
                                    <tr>
                                        <th scope="col">"Campaign"</th>
                                        <th scope="col">"Company"</th>
                                        <th scope="col">"Meeting"</th>
                                        <th scope="col">"Documents"</th>
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
                        Err(e) => view! { <p class="error" role="alert">{error_text(&e)}</p> }.into_any(),
                    }
                })}
            </Transition>
            <NewCampaignForm create/>
        </section>
    }
}

#[component]
fn NewCampaignForm(create: ServerAction<CreateCampaign>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let jurisdiction = RwSignal::new(JURISDICTIONS[0].0.to_owned());
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
            <h2>"Start a campaign"</h2>
            <label>
                <span>"Name"</span>
                <input type="text" name="name" required=true maxlength="300" placeholder="e.g. Contracts review, 2027 meeting"
                    prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
            </label>
            <label>
                <span>"Filing rules"</span>
                <select name="jurisdiction" on:change=move |ev| jurisdiction.set(event_target_value(&ev))>
                    {JURISDICTIONS.iter().map(|(id, label)| view! {
                        <option value=*id selected=move || jurisdiction.get() == *id>{*label}</option>
                    }).collect_view()}
                </select>
            </label>
            <shared_form::SharedFields shared/>
            <button type="submit" disabled=move || create.pending().get()>"Start campaign"</button>
            {move || create.value().get().and_then(Result::err).map(|e| view! { <p class="error" role="alert">{error_text(&e)}</p> })}
        </form>
    }
}
