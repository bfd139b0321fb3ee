//! The inputs of a campaign's shared answers, bound to one signal: used by
//! the form that starts a campaign and by the campaign page's edit form.

use leptos::prelude::*;

use crate::app::i18n::use_lang;
use crate::campaigns::campaign::Shared;
use crate::i18n::tr;

/// A text input bound to one text answer.
fn text_input(
    shared: RwSignal<Shared>,
    name: &'static str,
    get: fn(&Shared) -> &String,
    set: fn(&mut Shared, String),
) -> impl IntoView {
    view! {
        <input type="text" name=name maxlength="300"
            prop:value=move || shared.with(|s| get(s).clone())
            on:input=move |ev| shared.update(|s| set(s, event_target_value(&ev)))/>
    }
}

/// A date input bound to one optional date (`YYYY-MM-DD`).
fn date_input(
    shared: RwSignal<Shared>,
    name: &'static str,
    get: fn(&Shared) -> &Option<String>,
    set: fn(&mut Shared, Option<String>),
) -> impl IntoView {
    view! {
        <input type="date" name=name
            prop:value=move || shared.with(|s| get(s).clone().unwrap_or_default())
            on:input=move |ev| {
                let value = event_target_value(&ev);
                shared.update(|s| set(s, (!value.is_empty()).then_some(value)));
            }/>
    }
}

#[component]
pub fn SharedFields(shared: RwSignal<Shared>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <fieldset class="shared-answers">
            <legend>{tr!(lang, "campaigns-shared-legend")}</legend>
            <label>
                <span>{tr!(lang, "campaigns-company")}</span>
                {text_input(shared, "company", |s| &s.company, |s, v| s.company = v)}
            </label>
            <label>
                <span>{tr!(lang, "campaigns-company-address")}</span>
                <textarea name="company_address" rows="2" maxlength="300"
                    prop:value=move || shared.with(|s| s.company_address.clone())
                    on:input=move |ev| shared.update(|s| s.company_address = event_target_value(&ev))></textarea>
            </label>
            <label>
                <span>{tr!(lang, "campaigns-meeting-year")}</span>
                <input type="number" name="meeting_year" min="1900" max="2200"
                    prop:value=move || shared.with(|s| s.meeting_year.map(|y| y.to_string()).unwrap_or_default())
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        shared.update(|s| s.meeting_year = value.trim().parse().ok());
                    }/>
            </label>
            <label>
                <span>{tr!(lang, "campaigns-prior-proxy-date")}</span>
                {date_input(shared, "prior_proxy_date", |s| &s.prior_proxy_date, |s, v| s.prior_proxy_date = v)}
            </label>
            <label>
                <span>{tr!(lang, "campaigns-meeting-date")}</span>
                {date_input(shared, "meeting_date", |s| &s.meeting_date, |s, v| s.meeting_date = v)}
            </label>
            <label>
                <span>{tr!(lang, "campaigns-prior-meeting-date")}</span>
                {date_input(shared, "prior_meeting_date", |s| &s.prior_meeting_date, |s, v| s.prior_meeting_date = v)}
            </label>
            <label>
                <span>{tr!(lang, "campaigns-proposal-title")}</span>
                {text_input(shared, "proposal_title", |s| &s.proposal_title, |s, v| s.proposal_title = v)}
            </label>
            <label>
                <span>{tr!(lang, "campaigns-lead-filer")}</span>
                {text_input(shared, "lead_filer", |s| &s.lead_filer, |s, v| s.lead_filer = v)}
            </label>
        </fieldset>
    }
}
