//! How an evidence-list answer reads the library: `source` or
//! `source#claim` becomes the object the template body sees.

use serde_json::{json, Value};

use super::check::EvidenceLookup;
use crate::evidence::Library;

impl EvidenceLookup for Library {
    fn expand(&self, reference: &str, language: &str) -> Result<Value, String> {
        let (source_id, claim_id) = match reference.split_once('#') {
            Some((s, c)) => (s, Some(c)),
            None => (reference, None),
        };
        let source = self
            .source(source_id)
            .ok_or_else(|| format!("no source `{source_id}` in the evidence library"))?;
        let claim = match claim_id {
            Some(id) => Some(
                source
                    .claims
                    .iter()
                    .find(|c| c.id == id)
                    .ok_or_else(|| format!("source `{source_id}` has no claim `{id}`"))?,
            ),
            None => source.claims.first(),
        };
        let quote = claim.and_then(|c| c.quote.as_ref());
        Ok(json!({
            "id": source.id,
            "claim": claim.map(|c| c.text_in(language)),
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

#[cfg(test)]
mod tests {
    use super::*;

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
            lib.expand("s#d", "en").unwrap_err(),
            "source `s` has no claim `d`"
        );
    }
}
