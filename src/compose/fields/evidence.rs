//! How an evidence-list answer reads the library: `source` or
//! `source#claim` becomes the object the template body sees.

use serde_json::{json, Value};

use super::check::EvidenceLookup;
use crate::compose::filters::{date, primary};
use crate::evidence::Library;
use crate::i18n::{msg, Message};

impl EvidenceLookup for Library {
    fn expand(&self, reference: &str, language: &str) -> Result<Value, Message> {
        let (source_id, claim_id) = match reference.split_once('#') {
            Some((s, c)) => (s, Some(c)),
            None => (reference, None),
        };
        let source = self
            .source(source_id)
            .ok_or_else(|| msg!("answer-no-source", source = source_id))?;
        let claim = match claim_id {
            Some(id) => Some(
                source
                    .claims
                    .iter()
                    .find(|c| c.id == id)
                    .ok_or_else(|| msg!("answer-no-claim", source = source_id, claim = id))?,
            ),
            None => source.claims.first(),
        };
        // Words the source gives in its own translation are not quoted in a
        // document in the language they were first said in: the claim,
        // which attributes them, stands alone.
        let first_said_here = |q: &&crate::evidence::Quote| {
            q.rendering_of
                .as_deref()
                .is_some_and(|first| primary(first) == primary(language))
        };
        let quote = claim
            .and_then(|c| c.quote.as_ref())
            .filter(|q| !first_said_here(q));
        Ok(json!({
            "id": source.id,
            "claim": claim.map(|c| dated(c.text_in(language), c.as_of.as_deref(), language)),
            "as_of": claim.and_then(|c| c.as_of.clone()),
            "pinpoint": claim.and_then(|c| c.pinpoint.clone()),
            "quote": quote.map(|q| q.text.clone()),
            "quote_language": quote.map(|q| q.language.clone()),
            "translation": quote.and_then(|q| q.translation.as_ref()).map(|t| t.text.clone()),
            "title": source.title,
            "publisher": source.publisher,
            "date": source.date,
            "url": source.url,
        }))
    }
}

/// A claim that can go stale with the day it held, before its final full
/// stop — "… (as of 10 October 2025)." — so that every template prints it
/// wherever it puts the claim.
fn dated(text: &str, as_of: Option<&str>, language: &str) -> String {
    let Some(day) = as_of.and_then(|d| date(language, d, None).ok()) else {
        return text.to_owned();
    };
    let phrase = if primary(language) == "fr" {
        format!("au {day}")
    } else {
        format!("as of {day}")
    };
    let text = text.trim_end();
    match text.strip_suffix('.') {
        Some(body) => format!("{body} ({phrase})."),
        None => format!("{text} ({phrase})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_that_can_go_stale_prints_the_day_it_held() {
        let lib = Library::parse(
            r#"{"sources":[{"id":"s","type":"report","title":"T","claims":[{"id":"c","as_of":"2025-10-10","text":{"en":"The toll is 67,000.","fr":"Le bilan est de 67 000"}}]}]}"#,
            "x",
        )
        .unwrap();
        let nbsp = '\u{a0}';
        assert_eq!(
            lib.expand("s#c", "en-GB").unwrap()["claim"],
            format!("The toll is 67,000 (as of 10{nbsp}October 2025).")
        );
        assert_eq!(
            lib.expand("s#c", "en-US").unwrap()["claim"],
            format!("The toll is 67,000 (as of October{nbsp}10, 2025).")
        );
        assert_eq!(
            lib.expand("s#c", "fr").unwrap()["claim"],
            format!("Le bilan est de 67 000 (au 10{nbsp}octobre{nbsp}2025)")
        );
        assert_eq!(lib.expand("s#c", "fr").unwrap()["as_of"], "2025-10-10");
    }

    #[test]
    fn words_first_said_in_the_documents_language_are_not_quoted_back() {
        let lib = Library::parse(
            r#"{"sources":[{"id":"s","type":"report","title":"T","claims":[{"id":"c","text":{"en":"She called it a first step.","fr":"Elle y voit un premier pas."},"quote":{"text":"Un premier pas","language":"fr","rendering_of":"en","translation":{"text":"A first step","language":"en","by":"drafter"}}}]}]}"#,
            "x",
        )
        .unwrap();
        let english = lib.expand("s#c", "en-US").unwrap();
        assert_eq!(english["claim"], "She called it a first step.");
        assert!(english["quote"].is_null() && english["translation"].is_null());
        assert_eq!(lib.expand("s#c", "fr").unwrap()["quote"], "Un premier pas");
    }

    #[test]
    fn expands_a_claim_reference_in_the_drafts_language() {
        let lib = Library::parse(
            r#"{"sources":[{"id":"s","type":"report","title":"T","claims":[{"id":"c","text":{"en":"E","fr":"F"}}]}]}"#,
            "x",
        )
        .unwrap();
        assert_eq!(lib.expand("s#c", "fr-FR").unwrap()["claim"], "F");
        assert_eq!(lib.expand("s", "de").unwrap()["claim"], "E");
        assert_eq!(
            lib.expand("s#d", "en").unwrap_err().to_string(),
            "source `s` has no claim `d`"
        );
    }
}
