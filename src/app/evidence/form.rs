//! The form for one source: bibliographic fields, then its claims, each
//! with an optional verbatim quote and a translation marked as such.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::api::SaveSource;
use crate::app::drafts::error_text;
use crate::evidence::library::Translation;
use crate::evidence::{Claim, Quote, Source, SourceType};
use crate::i18n::tr;
use crate::i18n::Lang;

const TYPES: [SourceType; 8] = [
    SourceType::PressRelease,
    SourceType::NewsArticle,
    SourceType::BlogPost,
    SourceType::Report,
    SourceType::Guidance,
    SourceType::LegalText,
    SourceType::ProxyFiling,
    SourceType::WebPage,
];

fn type_name(lang: Lang, kind: SourceType) -> String {
    match kind {
        SourceType::PressRelease => tr!(lang, "evidence-type-press-release"),
        SourceType::NewsArticle => tr!(lang, "evidence-type-news-article"),
        SourceType::BlogPost => tr!(lang, "evidence-type-blog-post"),
        SourceType::Report => tr!(lang, "evidence-type-report"),
        SourceType::Guidance => tr!(lang, "evidence-type-guidance"),
        SourceType::LegalText => tr!(lang, "evidence-type-legal-text"),
        SourceType::ProxyFiling => tr!(lang, "evidence-type-proxy-filing"),
        SourceType::WebPage => tr!(lang, "evidence-type-web-page"),
    }
}

/// One claim as the form edits it: every part as text.
#[derive(Debug, Clone, Default, PartialEq)]
struct ClaimText {
    id: String,
    text_en: String,
    text_fr: String,
    pinpoint: String,
    quote: String,
    quote_language: String,
    translation: String,
    translation_language: String,
    translated_by: String,
    rendering_of: String,
    checked: String,
    as_of: String,
}

impl ClaimText {
    fn of(claim: &Claim) -> ClaimText {
        let quote = claim.quote.as_ref();
        let translation = quote.and_then(|q| q.translation.as_ref());
        ClaimText {
            id: claim.id.clone(),
            text_en: claim.text.get("en").cloned().unwrap_or_default(),
            text_fr: claim.text.get("fr").cloned().unwrap_or_default(),
            pinpoint: claim.pinpoint.clone().unwrap_or_default(),
            quote: quote.map(|q| q.text.clone()).unwrap_or_default(),
            quote_language: quote.map(|q| q.language.clone()).unwrap_or_default(),
            translation: translation.map(|t| t.text.clone()).unwrap_or_default(),
            translation_language: translation.map(|t| t.language.clone()).unwrap_or_default(),
            translated_by: translation.map(|t| t.by.clone()).unwrap_or_default(),
            rendering_of: quote
                .and_then(|q| q.rendering_of.clone())
                .unwrap_or_default(),
            checked: claim.checked.clone().unwrap_or_default(),
            as_of: claim.as_of.clone().unwrap_or_default(),
        }
    }

    /// The claim the form's text describes, or what is missing, in `lang`.
    fn claim(&self, number: usize, lang: Lang) -> Result<Claim, String> {
        let some = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let mut text = BTreeMap::new();
        if let Some(en) = some(&self.text_en) {
            text.insert("en".to_owned(), en);
        }
        if let Some(fr) = some(&self.text_fr) {
            text.insert("fr".to_owned(), fr);
        }
        if text.is_empty() {
            return Err(tr!(lang, "evidence-claim-needs-text", number = number));
        }
        let quote = match some(&self.quote) {
            None => None,
            Some(quote) => {
                let language = some(&self.quote_language).ok_or_else(|| {
                    tr!(lang, "evidence-claim-needs-quote-language", number = number)
                })?;
                let translation = match some(&self.translation) {
                    None => None,
                    Some(translation) => Some(Translation {
                        text: translation,
                        language: some(&self.translation_language)
                            .unwrap_or_else(|| "en".to_owned()),
                        by: some(&self.translated_by).ok_or_else(|| {
                            tr!(lang, "evidence-claim-needs-translator", number = number)
                        })?,
                    }),
                };
                Some(Quote {
                    text: quote,
                    language,
                    translation,
                    rendering_of: some(&self.rendering_of),
                })
            }
        };
        Ok(Claim {
            id: some(&self.id).unwrap_or_else(|| format!("claim-{number}")),
            text,
            pinpoint: some(&self.pinpoint),
            quote,
            checked: some(&self.checked),
            as_of: some(&self.as_of),
        })
    }
}

#[component]
pub fn SourceForm(initial: Option<Source>, on_saved: Callback<()>) -> impl IntoView {
    let lang = crate::app::i18n::use_lang();
    let editing = initial.is_some();
    let start = initial.unwrap_or(Source {
        id: String::new(),
        source_type: SourceType::Report,
        title: String::new(),
        title_en: None,
        authors: Vec::new(),
        publisher: None,
        container: None,
        number: None,
        place: None,
        date: None,
        url: None,
        language: None,
        tags: Vec::new(),
        claims: Vec::new(),
        provenance: None,
    });
    let text = |value: &Option<String>| RwSignal::new(value.clone().unwrap_or_default());
    let id = RwSignal::new(start.id.clone());
    let kind = RwSignal::new(start.source_type);
    let title = RwSignal::new(start.title.clone());
    let title_en = text(&start.title_en);
    let authors = RwSignal::new(start.authors.join("\n"));
    let publisher = text(&start.publisher);
    let container = text(&start.container);
    let number = text(&start.number);
    let place = text(&start.place);
    let date = text(&start.date);
    let url = text(&start.url);
    let language = text(&start.language);
    let tags = RwSignal::new(start.tags.join(", "));
    let provenance = text(&start.provenance);
    let claims = RwSignal::new(start.claims.iter().map(ClaimText::of).collect::<Vec<_>>());
    let problem = RwSignal::new(None::<String>);
    let save = ServerAction::<SaveSource>::new();
    Effect::new(move |_| match save.value().get() {
        Some(Ok(())) => on_saved.run(()),
        Some(Err(e)) => problem.set(Some(error_text(&e))),
        None => {}
    });
    let prefix = StoredValue::new(if editing {
        format!("edit-{}", start.id)
    } else {
        "new-source".to_owned()
    });
    let field_id = move |name: &str| format!("{}-{name}", prefix.get_value());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let some = |s: RwSignal<String>| {
            Some(s.get_untracked().trim().to_owned()).filter(|s| !s.is_empty())
        };
        let mut built = Vec::new();
        for (index, claim) in claims.get_untracked().iter().enumerate() {
            match claim.claim(index + 1, lang) {
                Ok(claim) => built.push(claim),
                Err(message) => {
                    problem.set(Some(message));
                    return;
                }
            }
        }
        let source = Source {
            id: id.get_untracked().trim().to_owned(),
            source_type: kind.get_untracked(),
            title: title.get_untracked().trim().to_owned(),
            title_en: some(title_en),
            authors: authors
                .get_untracked()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            publisher: some(publisher),
            container: some(container),
            number: some(number),
            place: some(place),
            date: some(date),
            url: some(url),
            language: some(language),
            tags: tags
                .get_untracked()
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .collect(),
            claims: built,
            provenance: some(provenance),
        };
        if source.id.is_empty() || source.title.is_empty() {
            problem.set(Some(tr!(lang, "evidence-form-needs-id-and-title")));
            return;
        }
        problem.set(None);
        save.dispatch(SaveSource {
            source,
            replace: editing,
        });
    };

    let input = move |name: &'static str,
                      label: String,
                      signal: RwSignal<String>,
                      hint: Option<String>| {
        let id = field_id(name);
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                {hint.map(|hint| view! { <p class="help">{hint}</p> })}
                <input type="text" id=id name=name prop:value=signal on:input=move |ev| signal.set(event_target_value(&ev))/>
            </div>
        }
    };

    view! {
        <form class="source-form" on:submit=submit novalidate=true>
            <h2>{if editing { tr!(lang, "evidence-form-edit-heading") } else { tr!(lang, "evidence-form-new-heading") }}</h2>
            {if editing {
                view! { <p class="note">{tr!(lang, "evidence-form-fixed-id", id = start.id.clone())}</p> }.into_any()
            } else {
                input("id", tr!(lang, "evidence-form-id"), id, Some(tr!(lang, "evidence-form-id-hint"))).into_any()
            }}
            <div class="field">
                <label for=field_id("type")>{tr!(lang, "evidence-form-type")}</label>
                <select id=field_id("type") on:change=move |ev| {
                    let value = event_target_value(&ev);
                    if let Some(t) = TYPES.iter().find(|t| type_value(**t) == value) {
                        kind.set(*t);
                    }
                }>
                    {TYPES.iter().map(|t| view! {
                        <option value=type_value(*t) selected=*t == start.source_type>{type_name(lang, *t)}</option>
                    }).collect_view()}
                </select>
            </div>
            {input("title", tr!(lang, "evidence-form-title"), title, None)}
            {input("title-en", tr!(lang, "evidence-form-title-en"), title_en, None)}
            <div class="field">
                <label for=field_id("authors")>{tr!(lang, "evidence-form-authors")}</label>
                <p class="help">{tr!(lang, "evidence-form-authors-hint")}</p>
                <textarea id=field_id("authors") rows="2" prop:value=authors on:input=move |ev| authors.set(event_target_value(&ev))></textarea>
            </div>
            {input("publisher", tr!(lang, "evidence-form-publisher"), publisher, None)}
            {input("container", tr!(lang, "evidence-form-container"), container, None)}
            {input("number", tr!(lang, "evidence-form-number"), number, None)}
            {input("place", tr!(lang, "evidence-form-place"), place, None)}
            {input("date", tr!(lang, "evidence-form-date"), date, Some(tr!(lang, "evidence-form-date-hint")))}
            {input("url", tr!(lang, "evidence-form-url"), url, None)}
            {input("language", tr!(lang, "evidence-form-language"), language, Some(tr!(lang, "evidence-form-language-hint")))}
            {input("tags", tr!(lang, "evidence-form-tags"), tags, Some(tr!(lang, "evidence-form-tags-hint")))}
            {input("provenance", tr!(lang, "evidence-form-provenance"), provenance, None)}
            <fieldset class="claims-editor">
                <legend>{tr!(lang, "evidence-form-claims")}</legend>
                {move || {
                    claims
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(index, claim)| view! { <ClaimEditor index claim claims prefix=field_id("claim")/> })
                        .collect_view()
                }}
                <button type="button" on:click=move |_| claims.update(|c| c.push(ClaimText::default()))>{tr!(lang, "evidence-form-add-claim")}</button>
            </fieldset>
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
            <button type="submit" class="primary" disabled=move || save.pending().get()>{tr!(lang, "evidence-form-save")}</button>
        </form>
    }
}

fn type_value(kind: SourceType) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[component]
fn ClaimEditor(
    index: usize,
    claim: ClaimText,
    claims: RwSignal<Vec<ClaimText>>,
    prefix: String,
) -> impl IntoView {
    let lang = crate::app::i18n::use_lang();
    let part = move |name: &'static str,
                     label: String,
                     value: String,
                     set: fn(&mut ClaimText, String),
                     long: bool| {
        let id = format!("{prefix}-{index}-{name}");
        let update = move |ev| {
            let text = event_target_value(&ev);
            // Untracked: the list redraws only when claims are added or removed.
            claims.update_untracked(|c| {
                if let Some(claim) = c.get_mut(index) {
                    set(claim, text);
                }
            });
        };
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                {if long {
                    view! { <textarea id=id rows="2" prop:value=value on:input=update></textarea> }.into_any()
                } else {
                    view! { <input type="text" id=id prop:value=value on:input=update/> }.into_any()
                }}
            </div>
        }
    };
    view! {
        <div class="claim-editor">
            <h3>{tr!(lang, "evidence-claim-heading", number = index + 1)}</h3>
            {part("id", tr!(lang, "evidence-claim-id"), claim.id.clone(), |c, v| c.id = v, false)}
            {part("en", tr!(lang, "evidence-claim-text-en"), claim.text_en.clone(), |c, v| c.text_en = v, true)}
            {part("fr", tr!(lang, "evidence-claim-text-fr"), claim.text_fr.clone(), |c, v| c.text_fr = v, true)}
            {part("pinpoint", tr!(lang, "evidence-claim-pinpoint"), claim.pinpoint.clone(), |c, v| c.pinpoint = v, false)}
            {part("quote", tr!(lang, "evidence-claim-quote"), claim.quote.clone(), |c, v| c.quote = v, true)}
            {part("quote-language", tr!(lang, "evidence-claim-quote-language"), claim.quote_language.clone(), |c, v| c.quote_language = v, false)}
            {part("translation", tr!(lang, "evidence-claim-translation"), claim.translation.clone(), |c, v| c.translation = v, true)}
            {part("translation-language", tr!(lang, "evidence-claim-translation-language"), claim.translation_language.clone(), |c, v| c.translation_language = v, false)}
            {part("translated-by", tr!(lang, "evidence-claim-translated-by"), claim.translated_by.clone(), |c, v| c.translated_by = v, false)}
            {part("rendering-of", tr!(lang, "evidence-claim-rendering-of"), claim.rendering_of.clone(), |c, v| c.rendering_of = v, false)}
            {part("checked", tr!(lang, "evidence-claim-checked"), claim.checked.clone(), |c, v| c.checked = v, false)}
            {part("as-of", tr!(lang, "evidence-claim-as-of"), claim.as_of.clone(), |c, v| c.as_of = v, false)}
            <button type="button" on:click=move |_| claims.update(|c| { c.remove(index); })>{tr!(lang, "evidence-claim-remove")}</button>
        </div>
    }
}
