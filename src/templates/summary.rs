//! What the template list shows of a template (the web page and
//! `resolution-studio templates --json` alike).

use serde::{Deserialize, Serialize};

/// What the template list shows of a template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TemplateSummary {
    pub id: String,
    pub title: String,
    pub kind: String,
    pub language: String,
    pub jurisdiction: Option<String>,
    pub description: Option<String>,
    /// The newest stored version, which new drafts use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    pub has_sample: bool,
    /// The organisation that shares it, when another's (not built in).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
}

#[cfg(feature = "ssr")]
impl TemplateSummary {
    /// A template file's summary; `version` is its stored version, if stored.
    pub fn new(
        template: &crate::compose::Template,
        version: Option<i64>,
        has_sample: bool,
    ) -> TemplateSummary {
        let front = &template.front;
        TemplateSummary {
            id: front.id.clone(),
            title: front.title.clone(),
            kind: front.kind.as_str().to_owned(),
            language: front.language.clone(),
            jurisdiction: front.jurisdiction.clone(),
            description: front.description.clone(),
            version,
            has_sample,
            publisher: None,
        }
    }
}
