//! The form for one source: bibliographic fields, then its claims, each
//! with an optional verbatim quote and a translation marked as such.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::api::SaveSource;
use crate::app::drafts::error_text;
use crate::evidence::library::Translation;
use crate::evidence::{Claim, Quote, Source, SourceType};

const TYPES: [(SourceType, &str); 8] = [
    (SourceType::PressRelease, "Press release"),
    (SourceType::NewsArticle, "News article"),
    (SourceType::BlogPost, "Blog post"),
    (SourceType::Report, "Report"),
    (SourceType::Guidance, "Guidance"),
    (SourceType::LegalText, "Legal text"),
    (SourceType::ProxyFiling, "Proxy filing"),
    (SourceType::WebPage, "Web page"),
];

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

    fn claim(&self, number: usize) -> Result<Claim, String> {
        let some = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let mut text = BTreeMap::new();
        if let Some(en) = some(&self.text_en) {
            text.insert("en".to_owned(), en);
        }
        if let Some(fr) = some(&self.text_fr) {
            text.insert("fr".to_owned(), fr);
        }
        if text.is_empty() {
            return Err(format!(
                "claim {number}: write the claim in English or French"
            ));
        }
        let quote = match some(&self.quote) {
            None => None,
            Some(quote) => {
                let language = some(&self.quote_language).ok_or_else(|| {
                    format!("claim {number}: say the language of the quote (e.g. fr)")
                })?;
                let translation = match some(&self.translation) {
                    None => None,
                    Some(translation) => Some(Translation {
                        text: translation,
                        language: some(&self.translation_language).unwrap_or_else(|| "en".to_owned()),
                        by: some(&self.translated_by).ok_or_else(|| {
                            format!("claim {number}: say whose translation it is (a translation is never the source's words)")
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
            match claim.claim(index + 1) {
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
            problem.set(Some("a source needs an id and a title".to_owned()));
            return;
        }
        problem.set(None);
        save.dispatch(SaveSource {
            source,
            replace: editing,
        });
    };

    let input = move |name: &'static str,
                      label: &'static str,
                      signal: RwSignal<String>,
                      hint: &'static str| {
        let id = field_id(name);
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                {(!hint.is_empty()).then(|| view! { <p class="help">{hint}</p> })}
                <input type="text" id=id name=name prop:value=signal on:input=move |ev| signal.set(event_target_value(&ev))/>
            </div>
        }
    };

    view! {
        <form class="source-form" on:submit=submit novalidate=true>
            <h2>{if editing { "Edit source" } else { "New source" }}</h2>
            {if editing {
                view! { <p class="note">{format!("Id: {} (an id cannot change: drafts cite it)", start.id)}</p> }.into_any()
            } else {
                input("id", "Id", id, "Letters, digits, - and _; used in citations as [@id].").into_any()
            }}
            <div class="field">
                <label for=field_id("type")>"Type"</label>
                <select id=field_id("type") on:change=move |ev| {
                    let value = event_target_value(&ev);
                    if let Some((t, _)) = TYPES.iter().find(|(t, _)| type_value(*t) == value) {
                        kind.set(*t);
                    }
                }>
                    {TYPES.iter().map(|(t, label)| view! {
                        <option value=type_value(*t) selected=*t == start.source_type>{*label}</option>
                    }).collect_view()}
                </select>
            </div>
            {input("title", "Title", title, "")}
            {input("title-en", "English title (for a source in another language)", title_en, "")}
            <div class="field">
                <label for=field_id("authors")>"Authors"</label>
                <p class="help">"One per line, as “Last, First”."</p>
                <textarea id=field_id("authors") rows="2" prop:value=authors on:input=move |ev| authors.set(event_target_value(&ev))></textarea>
            </div>
            {input("publisher", "Publisher", publisher, "")}
            {input("container", "Published in (newspaper, website, series)", container, "")}
            {input("number", "Report or document number", number, "")}
            {input("place", "Place", place, "")}
            {input("date", "Date", date, "YYYY-MM-DD, YYYY-MM or YYYY.")}
            {input("url", "Address (URL)", url, "")}
            {input("language", "Language of the source", language, "A tag such as en or fr.")}
            {input("tags", "Tags", tags, "Separated by commas.")}
            {input("provenance", "Where these details come from", provenance, "")}
            <fieldset class="claims-editor">
                <legend>"Claims"</legend>
                {move || {
                    claims
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(index, claim)| view! { <ClaimEditor index claim claims prefix=field_id("claim")/> })
                        .collect_view()
                }}
                <button type="button" on:click=move |_| claims.update(|c| c.push(ClaimText::default()))>"Add a claim"</button>
            </fieldset>
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
            <button type="submit" class="primary" disabled=move || save.pending().get()>"Save source"</button>
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
    let part = move |name: &'static str,
                     label: &'static str,
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
            <h3>{format!("Claim {}", index + 1)}</h3>
            {part("id", "Claim id", claim.id.clone(), |c, v| c.id = v, false)}
            {part("en", "The claim, in English (your words)", claim.text_en.clone(), |c, v| c.text_en = v, true)}
            {part("fr", "The claim, in French (your words)", claim.text_fr.clone(), |c, v| c.text_fr = v, true)}
            {part("pinpoint", "Pinpoint (page, paragraph)", claim.pinpoint.clone(), |c, v| c.pinpoint = v, false)}
            {part("quote", "Verbatim quote (exactly as the source has it)", claim.quote.clone(), |c, v| c.quote = v, true)}
            {part("quote-language", "Language of the quote", claim.quote_language.clone(), |c, v| c.quote_language = v, false)}
            {part("translation", "Translation of the quote", claim.translation.clone(), |c, v| c.translation = v, true)}
            {part("translation-language", "Language of the translation", claim.translation_language.clone(), |c, v| c.translation_language = v, false)}
            {part("translated-by", "Translated by", claim.translated_by.clone(), |c, v| c.translated_by = v, false)}
            {part("rendering-of", "If the source quotes words first said in another language, that language (e.g. en): documents in it will not quote them", claim.rendering_of.clone(), |c, v| c.rendering_of = v, false)}
            {part("checked", "Last checked against the source (YYYY-MM-DD)", claim.checked.clone(), |c, v| c.checked = v, false)}
            {part("as-of", "True as of (YYYY-MM-DD), for a claim that can go stale: a toll, “has not disclosed”, “is ongoing”", claim.as_of.clone(), |c, v| c.as_of = v, false)}
            <button type="button" on:click=move |_| claims.update(|c| { c.remove(index); })>"Remove this claim"</button>
        </div>
    }
}
