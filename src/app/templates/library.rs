//! The template library page: every template with its kind, language,
//! jurisdiction, status, published version and its versions (with release
//! notes and how many drafts use each); publish, retire, clone, export, and
//! import a shared template file.

use leptos::prelude::*;

use super::api::{
    self, CloneTemplate, ImportTemplate, PublishTemplate, RetireTemplate, ShareTemplate,
    TemplateListing,
};
use crate::app::drafts::{error_text, short_time};
use crate::app::loaded::load;
use crate::i18n::tr;
use crate::i18n::Lang;

#[cfg_attr(any(feature = "ssr", feature = "others-bundle"), island(lazy))]
#[cfg_attr(not(any(feature = "ssr", feature = "others-bundle")), component)]
pub fn LibraryPage() -> impl IntoView {
    let lang = crate::app::i18n::use_lang();
    let publish = ServerAction::<PublishTemplate>::new();
    let retire = ServerAction::<RetireTemplate>::new();
    let clone = ServerAction::<CloneTemplate>::new();
    let import = ServerAction::<ImportTemplate>::new();
    let share = ServerAction::<ShareTemplate>::new();
    let templates = load(
        move || {
            (
                share.version().get(),
                publish.version().get(),
                retire.version().get(),
                clone.version().get(),
                import.version().get(),
            )
        },
        |_| api::template_library(),
    );
    let failure = move || {
        [
            publish.value().get().and_then(Result::err),
            retire.value().get().and_then(Result::err),
            clone.value().get().and_then(Result::err),
            import.value().get().and_then(Result::err),
            share.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .next()
        .map(|e| view! { <p class="error" role="alert">{error_text(&e)}</p> })
    };
    view! {
        <section class="library">
            <h1>{tr!(lang, "templates-library-heading")}</h1>
            <p class="lead">{tr!(lang, "templates-library-lead")}</p>
            <p><a class="button" href="/library/new">{tr!(lang, "templates-library-new")}</a></p>
            {failure}
            <Transition fallback=move || view! { <p aria-busy="true">{tr!(lang, "templates-library-loading")}</p> }>
                {move || Suspend::new(async move {
                    match templates.await {
                        Ok(list) => list
                            .into_iter()
                            .map(|t| view! { <TemplateCard t publish retire clone share/> })
                            .collect_view()
                            .into_any(),
                        Err(e) => view! { <p class="error" role="alert">{error_text(&e)}</p> }.into_any(),
                    }
                })}
            </Transition>
            <ActionForm action=import attr:class="import-template">
                <h2>{tr!(lang, "templates-import-heading")}</h2>
                <label for="import-source">{tr!(lang, "templates-import-source-label")}</label>
                <textarea id="import-source" name="source" rows="8" required=true></textarea>
                <label for="import-copy">{tr!(lang, "templates-import-copy-label")}</label>
                <input id="import-copy" type="text" name="as_copy_id"/>
                <button type="submit">{tr!(lang, "templates-import")}</button>
                {move || import.value().get().and_then(Result::ok).map(|(id, v)| view! {
                    <p class="note" role="status">{tr!(lang, "templates-imported", version = v, id = id)}</p>
                })}
            </ActionForm>
        </section>
    }
}

#[component]
fn TemplateCard(
    t: TemplateListing,
    publish: ServerAction<PublishTemplate>,
    retire: ServerAction<RetireTemplate>,
    clone: ServerAction<CloneTemplate>,
    share: ServerAction<ShareTemplate>,
) -> impl IntoView {
    let lang = crate::app::i18n::use_lang();
    let status = t.status();
    let owned = t.owned;
    let id = StoredValue::new(t.id.clone());
    let newest = t.versions.first().map_or(1, |v| v.version);
    let retired = t.retired;
    let built_in = t.built_in;
    let numbers: Vec<i64> = t.versions.iter().map(|v| v.version).collect();
    view! {
        <article class="library-template" data-template=t.id.clone() data-status=status>
            <h2>{t.title.clone()}</h2>
            <p class="meta">
                <code>{t.id.clone()}</code>
                {format!(" · {} · {} · {}", t.kind, t.language, t.jurisdiction.clone().unwrap_or_else(|| tr!(lang, "templates-no-jurisdiction")))}
                {format!(" · {}", status_name(lang, status))}
                {t.published.map(|v| format!(" · {}", tr!(lang, "templates-version-published", version = v)))}
                {built_in.then(|| format!(" · {}", tr!(lang, "templates-built-in")))}
                {t.publisher.clone().map(|p| format!(" · {}", tr!(lang, "templates-shared-by-clone", publisher = p)))}
            </p>
            <table class="versions">
                <caption class="visually-hidden">{tr!(lang, "templates-versions-of", title = t.title.clone())}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr!(lang, "templates-column-version")}</th>
                        <th scope="col">{tr!(lang, "templates-column-saved")}</th>
                        <th scope="col">{tr!(lang, "templates-column-published")}</th>
                        <th scope="col">{tr!(lang, "templates-release-notes")}</th>
                        <th scope="col">{tr!(lang, "templates-column-drafts")}</th>
                        <th scope="col">{tr!(lang, "templates-column-actions")}</th>
                    </tr>
                </thead>
                <tbody>
                    {t.versions.into_iter().map(|v| {
                        let version = v.version;
                        let unpublished = v.published_at.is_none() && owned;
                        let shareable = v.published_at.is_some() && v.shared_at.is_none() && owned;
                        let shared = v.shared_at.is_some();
                        let notes = RwSignal::new(String::new());
                        view! {
                            <tr data-version=version>
                                <td>{version}</td>
                                <td>{short_time(&v.created_at)}</td>
                                <td>{v.published_at.as_deref().map(short_time).unwrap_or_else(|| tr!(lang, "templates-not-yet-published"))}</td>
                                <td>{v.notes.clone()}</td>
                                <td>{v.drafts}</td>
                                <td class="actions">
                                    <a href=format!("/templates/{}/versions/{version}/export", id.get_value()) download>{tr!(lang, "templates-export")}</a>
                                    {unpublished.then(|| view! {
                                        <label class="visually-hidden" for=format!("notes-{}-{version}", id.get_value())>{tr!(lang, "templates-release-notes")}</label>
                                        <input id=format!("notes-{}-{version}", id.get_value()) type="text" placeholder=tr!(lang, "templates-release-notes") prop:value=notes on:input=move |ev| notes.set(event_target_value(&ev))/>
                                        <button type="button" on:click=move |_| {
                                            publish.dispatch(PublishTemplate { id: id.get_value(), version, notes: notes.get_untracked() });
                                        }>{tr!(lang, "templates-publish")}</button>
                                    })}
                                    {shareable.then(|| view! {
                                        <button type="button" class="share" on:click=move |_| {
                                            share.dispatch(ShareTemplate { id: id.get_value(), version });
                                        }>{tr!(lang, "templates-share")}</button>
                                    })}
                                    {shared.then(|| format!(" {}", tr!(lang, "templates-shared-with-everyone")))}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            {(numbers.len() > 1).then(|| view! { <CompareVersions id=id.get_value() numbers=numbers.clone()/> })}
            <div class="template-actions">
                {owned.then(|| view! { <a class="button" href=format!("/library/{}/edit", id.get_value())>{tr!(lang, "templates-edit")}</a> })}
                <CloneForm id=id.get_value() version=newest clone/>
                {owned.then(|| view! {
                    <button type="button" on:click=move |_| {
                        retire.dispatch(RetireTemplate { id: id.get_value(), retired: !retired });
                    }>{if retired { tr!(lang, "templates-bring-back") } else { tr!(lang, "templates-retire") }}</button>
                })}
            </div>
        </article>
    }
}

/// Compares any two versions: questions added, removed, changed, and the
/// body's lines.
#[component]
fn CompareVersions(id: String, numbers: Vec<i64>) -> impl IntoView {
    let lang = crate::app::i18n::use_lang();
    let newest = numbers.first().copied().unwrap_or(1);
    let from = RwSignal::new(numbers.get(1).copied().unwrap_or(newest));
    let to = RwSignal::new(newest);
    let id = StoredValue::new(id);
    let compare = Action::new(move |(from, to): &(i64, i64)| {
        api::compare_template_versions(id.get_value(), *from, *to)
    });
    let select = move |name: &'static str, label: String, signal: RwSignal<i64>| {
        let options = numbers.clone();
        let input_id = format!("compare-{}-{name}", id.get_value());
        view! {
            <label for=input_id.clone()>{label}</label>
            <select id=input_id on:change=move |ev| {
                if let Ok(n) = event_target_value(&ev).parse() {
                    signal.set(n);
                }
            }>
                {options.into_iter().map(|n| view! {
                    <option value=n.to_string() selected=move || signal.get_untracked() == n>{tr!(lang, "templates-compare-version", version = n)}</option>
                }).collect_view()}
            </select>
        }
    };
    view! {
        <details class="compare-versions">
            <summary>{tr!(lang, "templates-compare-heading")}</summary>
            {select("from", tr!(lang, "templates-compare-from"), from)}
            {select("to", tr!(lang, "templates-compare-to"), to)}
            <button type="button" on:click=move |_| { compare.dispatch((from.get_untracked(), to.get_untracked())); }>{tr!(lang, "templates-compare")}</button>
            {move || compare.value().get().map(|result| match result {
                Ok(c) if c.is_empty() => view! { <p>{tr!(lang, "templates-compare-no-differences")}</p> }.into_any(),
                Ok(c) => view! {
                    <ul class="changes">
                        {c.added.into_iter().map(|l| view! { <li>{tr!(lang, "templates-compare-added", label = l)}</li> }).collect_view()}
                        {c.removed.into_iter().map(|l| view! { <li>{tr!(lang, "templates-compare-removed", label = l)}</li> }).collect_view()}
                        {c.changed.into_iter().map(|l| view! { <li>{tr!(lang, "templates-compare-changed", change = l)}</li> }).collect_view()}
                        <li>{tr!(lang, "templates-compare-lines", added = c.lines_added, removed = c.lines_removed)}</li>
                    </ul>
                    {(!c.line_changes.is_empty()).then(|| view! { <pre class="line-changes">{c.line_changes.join("\n")}</pre> })}
                }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{error_text(&e)}</p> }.into_any(),
            })}
        </details>
    }
}

#[component]
fn CloneForm(id: String, version: i64, clone: ServerAction<CloneTemplate>) -> impl IntoView {
    let lang = crate::app::i18n::use_lang();
    let new_id = RwSignal::new(String::new());
    let input_id = format!("clone-{id}");
    let id = StoredValue::new(id);
    view! {
        <span class="clone">
            <label for=input_id.clone()>{tr!(lang, "templates-clone-as")}</label>
            <input id=input_id type="text" placeholder=tr!(lang, "templates-clone-placeholder") prop:value=new_id on:input=move |ev| new_id.set(event_target_value(&ev))/>
            <button type="button" on:click=move |_| {
                clone.dispatch(CloneTemplate { id: id.get_value(), version, new_id: new_id.get_untracked() });
            }>{tr!(lang, "templates-clone")}</button>
        </span>
    }
}

/// A template's status (`TemplateListing::status`) in words; the
/// untranslated value stays in `data-status`.
fn status_name(lang: Lang, status: &str) -> String {
    match status {
        "retired" => tr!(lang, "templates-status-retired"),
        "published" => tr!(lang, "templates-status-published"),
        _ => tr!(lang, "templates-status-draft"),
    }
}
