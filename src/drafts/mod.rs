//! The drafts feature's data, shared by the server and the browser: what a
//! draft and its versions are, how two versions differ, which sources a
//! draft cites, and the file names of its downloads. No storage and no UI
//! here: `store::drafts` keeps drafts, `app::drafts` shows them.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::compose::fields::inline_citations;
use crate::compose::{Field, FieldType};
use crate::i18n::{msg, Message};

#[cfg(feature = "ssr")]
pub mod campaign;
#[cfg(feature = "ssr")]
pub mod preview;
pub mod template_move;

/// Where a draft is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DraftStatus {
    Draft,
    InReview,
    Final,
}

impl DraftStatus {
    pub const ALL: [DraftStatus; 3] = [
        DraftStatus::Draft,
        DraftStatus::InReview,
        DraftStatus::Final,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DraftStatus::Draft => "draft",
            DraftStatus::InReview => "in-review",
            DraftStatus::Final => "final",
        }
    }

    pub fn parse(text: &str) -> Result<DraftStatus, String> {
        DraftStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == text)
            .ok_or_else(|| format!("`{text}` is not a status: use draft, in-review or final"))
    }
}

/// A draft's title: what the drafts page lists it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftTitle(String);

impl DraftTitle {
    pub const MAX_CHARS: usize = 200;

    pub fn parse(text: &str) -> Result<DraftTitle, Message> {
        let text = text.trim();
        if text.is_empty() {
            return Err(msg!("drafts-title-missing"));
        }
        if text.chars().count() > Self::MAX_CHARS {
            return Err(msg!("drafts-title-too-long", max = Self::MAX_CHARS));
        }
        if text.chars().any(char::is_control) {
            return Err(msg!("drafts-title-one-line"));
        }
        Ok(DraftTitle(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One line of the drafts page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftSummary {
    pub id: i64,
    pub title: String,
    pub template_id: String,
    pub template_title: String,
    pub template_version: i64,
    pub company: String,
    pub status: DraftStatus,
    pub archived: bool,
    /// Number of the latest version.
    pub head: i64,
    /// RFC 3339, UTC.
    pub updated_at: String,
    /// The campaign the draft belongs to, if any.
    #[serde(default)]
    pub campaign: Option<i64>,
}

/// A draft published for readers at `/p/TOKEN`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Publication {
    pub token: String,
    /// The draft version readers see.
    pub version: i64,
    /// Whether search engines may index the page.
    pub indexable: bool,
    pub published_at: String,
}

/// One saved state of a draft's answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftVersion {
    pub number: i64,
    /// The template version this version's answers were written with.
    #[serde(default)]
    pub template_version: i64,
    /// Field id → answer.
    pub answers: Map<String, Value>,
    /// Warning id → the drafter's reason for dismissing it.
    pub dismissals: BTreeMap<String, String>,
    /// Why this version exists, when not an ordinary save ("restored from version 3").
    pub note: String,
    pub saved_at: String,
}

/// One line of a draft's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionSummary {
    pub number: i64,
    pub note: String,
    pub saved_at: String,
}

/// What a save asks for: the answers, and the version they were edited from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SaveRequest {
    pub draft_id: i64,
    /// The version the editor started from; a save on top of another is a conflict.
    pub base_version: i64,
    pub answers: Map<String, Value>,
    pub dismissals: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum SaveOutcome {
    Saved {
        version: i64,
        saved_at: String,
    },
    /// Someone saved version `current.number` since the editor's base version.
    Conflict {
        current: DraftVersion,
    },
    /// The answers are the same as the latest version's: nothing to save.
    Unchanged {
        version: i64,
    },
}

/// A field whose answer differs between two versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub field: String,
    pub label: String,
    pub before: String,
    pub after: String,
}

/// The live preview of a draft: the document as it will print (HTML of the
/// same document model the downloads use), what is still wrong with the
/// answers, the word count the filing rules use, and the rule checks.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Preview {
    /// An `<article>` fragment; every text in it is escaped.
    pub html: String,
    /// Why the document could not be rendered at all (a template problem).
    pub error: Option<String>,
    pub problems: Vec<crate::compose::AnswerProblem>,
    pub words: WordCount,
    pub checks: Vec<CheckItem>,
    /// Answers the filing rules can work out, offered next to their fields.
    pub suggestions: Vec<SuggestedAnswer>,
}

/// An answer the filing rules propose for one field (e.g. engagement times
/// inside the rule's window), which the drafter may take with one click.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuggestedAnswer {
    pub field: String,
    pub value: serde_json::Value,
    /// Why this answer, in words.
    pub reason: String,
}

/// Words counted the way the draft's filing rule counts them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WordCount {
    pub counted: usize,
    /// The rule's limit, when one applies to this kind of document.
    pub limit: Option<usize>,
    /// What is counted and under which rule, in words.
    pub basis: String,
}

/// One finding of the filing-rule checks, as the checks panel shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckItem {
    pub id: String,
    /// `passed`, `info`, `warning`, `dismissed` or `failed`.
    pub severity: String,
    pub title: String,
    pub reason: String,
    pub reference: String,
    pub dismissed: Option<String>,
}

/// What changed from `before` to `after`, field by field in the template's order.
pub fn compare(
    fields: &[Field],
    before: &Map<String, Value>,
    after: &Map<String, Value>,
) -> Vec<Change> {
    fields
        .iter()
        .filter_map(|field| {
            let old = display_answer(field, before.get(&field.id));
            let new = display_answer(field, after.get(&field.id));
            (old != new).then(|| Change {
                field: field.id.clone(),
                label: field.label.clone(),
                before: old,
                after: new,
            })
        })
        .collect()
}

/// An answer as a reader would write it, for the review step and comparisons.
pub fn display_answer(field: &Field, value: Option<&Value>) -> String {
    let Some(value) = value else {
        return String::new();
    };
    match (field.field_type, value) {
        (_, Value::Null) => String::new(),
        (FieldType::Choice, Value::String(chosen)) => field
            .options
            .iter()
            .find(|o| &o.value == chosen)
            .map_or_else(|| chosen.clone(), |o| o.label.clone()),
        (_, Value::String(text)) => text.clone(),
        (FieldType::Boolean, Value::Bool(b)) => if *b { "Yes" } else { "No" }.to_owned(),
        (FieldType::Money, Value::Object(money)) => {
            let amount = money
                .get("amount")
                .map(ToString::to_string)
                .unwrap_or_default();
            let currency = money
                .get("currency")
                .and_then(Value::as_str)
                .unwrap_or_default();
            format!("{amount} {currency}").trim().to_owned()
        }
        (FieldType::Company, Value::Object(company)) => ["name", "ticker", "address", "secretary"]
            .iter()
            .filter_map(|key| company.get(*key).and_then(Value::as_str))
            .filter(|part| !part.trim().is_empty())
            .collect::<Vec<_>>()
            .join("; "),
        (_, Value::Array(items)) => items
            .iter()
            .map(|item| {
                item.as_str()
                    .map_or_else(|| item.to_string(), str::to_owned)
            })
            .collect::<Vec<_>>()
            .join("\n"),
        (_, other) => other.to_string(),
    }
}

/// Refuses answers that cannot be stored: text with characters no file
/// can hold, or longer than its field allows. Saving keeps answers that
/// are merely unfinished or of the wrong type; this is about what may be
/// stored at all. The message names the field.
pub fn storable(fields: &[Field], answers: &Map<String, Value>) -> Result<(), Message> {
    for (id, value) in answers {
        let Some(field) = fields.iter().find(|f| &f.id == id) else {
            continue;
        };
        let longest = match value {
            Value::String(text) => text.chars().count(),
            Value::Array(items) => items
                .iter()
                .filter_map(Value::as_str)
                .map(|t| t.chars().count())
                .max()
                .unwrap_or(0),
            _ => 0,
        };
        let problem = crate::compose::fields::check_acceptable(value)
            .err()
            .or_else(|| {
                (longest > field.max_chars()).then(|| {
                    crate::i18n::msg!(
                        "answer-too-long-for-kind",
                        length = longest,
                        max = field.max_chars()
                    )
                })
            });
        if let Some(problem) = problem {
            return Err(crate::compose::AnswerProblem {
                field: id.clone(),
                label: field.label.clone(),
                message: problem,
            }
            .located());
        }
    }
    Ok(())
}

/// The company a draft is addressed to: the name in its first company field.
pub fn company_name(fields: &[Field], answers: &Map<String, Value>) -> String {
    fields
        .iter()
        .filter(|f| f.field_type == FieldType::Company)
        .find_map(|f| match answers.get(&f.id)? {
            Value::String(name) => Some(name.trim().to_owned()),
            Value::Object(company) => company.get("name")?.as_str().map(|n| n.trim().to_owned()),
            _ => None,
        })
        .unwrap_or_default()
}

/// Every source the answers cite: evidence-list items (`source#claim`) and
/// `[@source]` in long text.
pub fn cited_sources(fields: &[Field], answers: &Map<String, Value>) -> BTreeSet<String> {
    let mut sources = BTreeSet::new();
    for field in fields {
        match (field.field_type, answers.get(&field.id)) {
            (FieldType::EvidenceList, Some(Value::Array(items))) => {
                for item in items.iter().filter_map(Value::as_str) {
                    let source = item.split_once('#').map_or(item, |(s, _)| s);
                    sources.insert(source.to_owned());
                }
            }
            (FieldType::LongText, Some(Value::String(text))) => {
                sources.extend(inline_citations(text).into_iter().map(|c| c.source));
            }
            _ => {}
        }
    }
    sources
}

/// A download's file name: company, document kind and date, as safe ASCII
/// (`microsoft-corporation-resolution-2026-11-30.docx`).
pub fn file_name(company: &str, kind: &str, date: &str, extension: &str) -> String {
    let mut stem = String::new();
    for part in [company, kind, date] {
        let slug = slug(part);
        if !slug.is_empty() {
            if !stem.is_empty() {
                stem.push('-');
            }
            stem.push_str(&slug);
        }
    }
    if stem.is_empty() {
        stem.push_str("draft");
    }
    format!("{stem}.{extension}")
}

/// Lower-case ASCII letters and digits, other runs become one `-`; accented
/// Latin letters lose their accents so "Société Générale" stays readable.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ÿ' | 'ý' => 'y',
            other => other,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-')
        .chars()
        .take(60)
        .collect::<String>()
        .trim_end_matches('-')
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields() -> Vec<Field> {
        serde_json::from_value(json!([
            {"id": "company", "label": "Company", "type": "company"},
            {"id": "recitals", "label": "Recitals", "type": "evidence-list"},
            {"id": "statement", "label": "Statement", "type": "long-text"},
            {"id": "independent", "label": "Independent", "type": "boolean"}
        ]))
        .unwrap()
    }

    fn map(value: Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn titles_and_statuses_are_checked() {
        assert_eq!(
            DraftTitle::parse("  Proposal ").unwrap().as_str(),
            "Proposal"
        );
        assert_eq!(
            DraftTitle::parse(" ").unwrap_err().to_string(),
            "a draft needs a title"
        );
        assert!(DraftTitle::parse(&"x".repeat(201)).is_err());
        assert_eq!(DraftStatus::parse("in-review"), Ok(DraftStatus::InReview));
        assert!(DraftStatus::parse("done").unwrap_err().contains("`done`"));
    }

    #[test]
    fn comparison_lists_changed_fields_in_template_order() {
        let before = map(json!({"company": {"name": "Acme"}, "independent": true}));
        let after = map(
            json!({"company": {"name": "Acme Inc."}, "independent": false, "statement": "New"}),
        );
        let changes = compare(&fields(), &before, &after);
        let summary: Vec<_> = changes
            .iter()
            .map(|c| (c.field.as_str(), c.before.as_str(), c.after.as_str()))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("company", "Acme", "Acme Inc."),
                ("statement", "", "New"),
                ("independent", "Yes", "No"),
            ]
        );
    }

    #[test]
    fn cited_sources_come_from_evidence_lists_and_inline_citations() {
        let answers = map(json!({
            "recitals": ["guardian#c1", "hrw"],
            "statement": "As shown [@un-gp, p. 3] and [@guardian]."
        }));
        let cited: Vec<_> = cited_sources(&fields(), &answers).into_iter().collect();
        assert_eq!(cited, vec!["guardian", "hrw", "un-gp"]);
        assert_eq!(
            company_name(&fields(), &map(json!({"company": {"name": " Acme "}}))),
            "Acme"
        );
    }

    #[test]
    fn file_names_are_safe_and_readable() {
        assert_eq!(
            file_name("Société Générale S.A.", "resolution", "2026-11-30", "docx"),
            "societe-generale-s-a-resolution-2026-11-30.docx"
        );
        assert_eq!(file_name("", "", "", "pdf"), "draft.pdf");
        assert_eq!(
            file_name("../../etc", "letter", "", "pdf"),
            "etc-letter.pdf"
        );
    }
}
