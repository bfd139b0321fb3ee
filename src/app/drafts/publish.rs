//! Publishing a final draft for readers: a read-only address anyone with
//! the link can open (the document, its DOCX and PDF), and withdrawing it.

use leptos::prelude::*;

use super::api::{draft_publication, PublishDraft, SetDraftStatus, WithdrawDraft};
use super::error_text;
use crate::app::forms::CallForm;
use crate::app::i18n::use_lang;
use crate::app::loaded::load;
use crate::i18n::tr;

#[component]
pub fn PublishPanel(draft_id: i64) -> impl IntoView {
    let lang = use_lang();
    let mark_final = ServerAction::<SetDraftStatus>::new();
    let publish = ServerAction::<PublishDraft>::new();
    let withdraw = ServerAction::<WithdrawDraft>::new();
    let publication = load(
        move || {
            (
                publish.version().get(),
                withdraw.version().get(),
                mark_final.version().get(),
            )
        },
        move |_| draft_publication(draft_id),
    );
    let failure = move || {
        [
            mark_final.value().get().and_then(Result::err),
            publish.value().get().and_then(Result::err),
            withdraw.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .last()
        .map(|e| view! { <p class="error" role="alert">{error_text(&e)}</p> })
    };
    let marked = move || mark_final.value().get().is_some_and(|r| r.is_ok());
    let indexable = NodeRef::<leptos::html::Select>::new();
    let publish_input = move || {
        Some(PublishDraft {
            id: draft_id,
            indexable: indexable
                .get_untracked()
                .is_some_and(|s| s.value() == "true"),
        })
    };
    view! {
        <section class="publish" aria-label=tr!(lang, "drafts-publish-heading")>
            <h2>{tr!(lang, "drafts-publish-heading")}</h2>
            {failure}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match publication.await {
                        Ok(Some(p)) => {
                            let address = format!("/p/{}", p.token);
                            let href = address.clone();
                            view! {
                                <p class="note" role="status">
                                    {tr!(lang, "drafts-published-at", version = p.version)}
                                    <a class="public-link" href=href target="_blank" rel="noopener">{address}</a>
                                    {if p.indexable {
                                        tr!(lang, "drafts-published-indexed")
                                    } else {
                                        tr!(lang, "drafts-published-not-indexed")
                                    }}
                                </p>
                                <CallForm action=withdraw input=move || Some(WithdrawDraft { id: draft_id }) class="inline">
                                    <input type="hidden" name="id" value=draft_id.to_string()/>
                                    <button type="submit" class="withdraw">{tr!(lang, "drafts-publish-withdraw")}</button>
                                </CallForm>
                            }
                                .into_any()
                        }
                        Ok(None) => view! {
                            <p class="note">{tr!(lang, "drafts-publish-explained")}</p>
                        }
                            .into_any(),
                        Err(e) => view! { <p class="error" role="alert">{error_text(&e)}</p> }.into_any(),
                    }
                })}
            </Suspense>
            <CallForm action=mark_final input=move || Some(SetDraftStatus { id: draft_id, status: "final".to_owned() }) class="inline">
                <input type="hidden" name="id" value=draft_id.to_string()/>
                <input type="hidden" name="status" value="final"/>
                <button type="submit" class="mark-final">{move || if marked() { tr!(lang, "drafts-marked-final") } else { tr!(lang, "drafts-mark-final") }}</button>
            </CallForm>
            <CallForm action=publish input=publish_input class="inline">
                <input type="hidden" name="id" value=draft_id.to_string()/>
                <label class="indexable">
                    {tr!(lang, "drafts-publish-search-engines")}
                    <select name="indexable" node_ref=indexable>
                        <option value="false" selected=true>{tr!(lang, "drafts-publish-no-index")}</option>
                        <option value="true">{tr!(lang, "drafts-publish-may-index")}</option>
                    </select>
                </label>
                <button type="submit" class="publish-button">{tr!(lang, "drafts-publish")}</button>
            </CallForm>
        </section>
    }
}
