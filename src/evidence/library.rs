//! The evidence library: sources, the claims drafters cite, verbatim quotes.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::i18n::{msg, Message};
use crate::text::parse_date;

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Library {
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    #[serde(rename = "type")]
    pub source_type: SourceType,
    pub title: String,
    /// The English title of a source published in another language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// Persons as "Last, First".
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Newspaper, website or series the source appeared in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container: Option<String>,
    /// Report or document number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// Where the bibliographic facts were taken from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum SourceType {
    PressRelease,
    NewsArticle,
    BlogPost,
    Report,
    Guidance,
    LegalText,
    ProxyFiling,
    WebPage,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub id: String,
    /// The claim in the project's words, by language tag (`en`, `fr`).
    pub text: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pinpoint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Quote>,
    /// The day someone last checked the claim against the source
    /// (`YYYY-MM-DD`), printed in the evidence report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<String>,
    /// The day the claim was last known to hold (`YYYY-MM-DD`), for claims
    /// that go stale (a death toll, "has not disclosed", "is ongoing"):
    /// documents print it with the claim, and a check warns when a draft is
    /// dated more than six months later.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
}

/// Words exactly as the source has them.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub text: String,
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation: Option<Translation>,
    /// The language the words were first said in, when the source gives them
    /// in its own translation (a French edition quoting someone who spoke
    /// English). A document in that language never quotes them: translated
    /// back, they would not be the speaker's words. It states the claim,
    /// which attributes them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rendering_of: Option<String>,
}

/// A translation is never the source's words: `by` says whose it is.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    pub text: String,
    pub language: String,
    pub by: String,
}

#[derive(Debug, thiserror::Error)]
pub enum EvidenceError {
    #[error("cannot read the evidence library {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: evidence library: {message}")]
    Syntax {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: evidence library: {message}")]
    Invalid { path: String, message: String },
}

impl Library {
    pub fn load(path: &Path) -> Result<Library, EvidenceError> {
        let display = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| EvidenceError::Read {
            path: display.clone(),
            source,
        })?;
        Library::parse(&text, &display)
    }

    /// Parses and checks a library; `origin` names it in messages.
    pub fn parse(text: &str, origin: &str) -> Result<Library, EvidenceError> {
        let library: Library = serde_json::from_str(text).map_err(|err| EvidenceError::Syntax {
            path: origin.to_owned(),
            line: err.line(),
            column: err.column(),
            message: strip_json_location(&err.to_string()).to_owned(),
        })?;
        library
            .validate()
            .map_err(|message| EvidenceError::Invalid {
                path: origin.to_owned(),
                message: message.to_string(),
            })?;
        Ok(library)
    }

    /// Ids unique and well formed, dates well formed, every claim has text.
    pub fn validate(&self) -> Result<(), Message> {
        let mut ids = HashSet::new();
        for source in &self.sources {
            if source.id.is_empty()
                || !source
                    .id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                return Err(msg!("evidence-bad-source-id", source = source.id.as_str()));
            }
            if !ids.insert(source.id.as_str()) {
                return Err(msg!("evidence-source-twice", source = source.id.as_str()));
            }
            let text = serde_json::to_value(source).unwrap_or_default();
            if let Some(problem) = crate::text::refusal_in(&text) {
                return Err(msg!(
                    "evidence-source-refused",
                    source = source.id.as_str(),
                    detail = problem
                ));
            }
            if let Some(date) = &source.date {
                if !is_partial_date(date) {
                    return Err(msg!(
                        "evidence-bad-source-date",
                        source = source.id.as_str(),
                        date = date.as_str()
                    ));
                }
            }
            let mut claim_ids = HashSet::new();
            for claim in &source.claims {
                if !claim_ids.insert(claim.id.as_str()) {
                    return Err(msg!(
                        "evidence-claim-twice",
                        source = source.id.as_str(),
                        claim = claim.id.as_str()
                    ));
                }
                if claim.text.is_empty() {
                    return Err(msg!(
                        "evidence-claim-without-text",
                        source = source.id.as_str(),
                        claim = claim.id.as_str()
                    ));
                }
                // Libraries are validated where they are loaded, on the server.
                #[cfg(feature = "ssr")]
                if let Some(first) = claim.quote.as_ref().and_then(|q| q.rendering_of.as_ref()) {
                    if !crate::document::is_language_tag(first) {
                        return Err(msg!(
                            "evidence-bad-rendering-of",
                            source = source.id.as_str(),
                            claim = claim.id.as_str(),
                            language = first.as_str()
                        ));
                    }
                }
                if let Some(as_of) = &claim.as_of {
                    if crate::text::parse_date(as_of).is_none() {
                        return Err(msg!(
                            "evidence-bad-as-of",
                            source = source.id.as_str(),
                            claim = claim.id.as_str(),
                            date = as_of.as_str()
                        ));
                    }
                }
                if let Some(checked) = &claim.checked {
                    if crate::text::parse_date(checked).is_none() {
                        return Err(msg!(
                            "evidence-bad-checked",
                            source = source.id.as_str(),
                            claim = claim.id.as_str(),
                            date = checked.as_str()
                        ));
                    }
                }
            }
        }
        Ok(())
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}

impl Claim {
    /// The claim in `language` (its primary subtag), else English, else any.
    pub fn text_in(&self, language: &str) -> &str {
        let primary = language.split('-').next().unwrap_or(language);
        self.text
            .get(language)
            .or_else(|| self.text.get(primary))
            .or_else(|| self.text.get("en"))
            .or_else(|| self.text.values().next())
            .map_or("", String::as_str)
    }
}

fn is_partial_date(text: &str) -> bool {
    match text.len() {
        4 => text.chars().all(|c| c.is_ascii_digit()),
        7 => parse_date(&format!("{text}-01")).is_some(),
        _ => parse_date(text).is_some(),
    }
}

fn strip_json_location(message: &str) -> &str {
    message.find(" at line ").map_or(message, |i| &message[..i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_say_where() {
        let err = Library::parse("{\n  \"sources\": [ {\"id\": 3} ]\n}", "lib.json")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("lib.json:2:"), "{err}");
        assert!(
            err.contains("invalid type: integer `3`, expected a string"),
            "{err}"
        );
    }
}
