//! What changes between two versions of a template, as a drafter moving a
//! draft to the newer version (or an editor comparing versions) reads it:
//! questions added, removed or changed, and the template text's lines.
//! Shared with the browser, which shows it.

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::fields::{Field, FieldType};

/// At most this many changed text lines are listed; the counts are exact.
#[cfg(feature = "ssr")]
const SHOWN_LINES: usize = 40;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TemplateChanges {
    /// Labels of questions the newer version adds.
    pub added: Vec<String>,
    /// Labels of questions it no longer asks (their answers are dropped).
    pub removed: Vec<String>,
    /// "Label: what changed", for questions in both.
    pub changed: Vec<String>,
    pub lines_added: usize,
    pub lines_removed: usize,
    /// The first changed lines, each `+ text` or `- text`, in order.
    pub line_changes: Vec<String>,
}

impl TemplateChanges {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.lines_added == 0
            && self.lines_removed == 0
    }
}

/// What changed from one version to the next. Server only: the browser
/// shows the result.
#[cfg(feature = "ssr")]
pub fn compare(
    old_fields: &[Field],
    new_fields: &[Field],
    old_text: &str,
    new_text: &str,
) -> TemplateChanges {
    let find = |fields: &[Field], id: &str| fields.iter().find(|f| f.id == id).cloned();
    let mut changes = TemplateChanges {
        added: new_fields
            .iter()
            .filter(|f| find(old_fields, &f.id).is_none())
            .map(|f| f.label.clone())
            .collect(),
        removed: old_fields
            .iter()
            .filter(|f| find(new_fields, &f.id).is_none())
            .map(|f| f.label.clone())
            .collect(),
        changed: new_fields
            .iter()
            .filter_map(|new| find(old_fields, &new.id).map(|old| (old, new)))
            .filter_map(|(old, new)| field_change(&old, new))
            .collect(),
        ..TemplateChanges::default()
    };
    for change in line_diff(old_text, new_text) {
        match change {
            Line::Added(text) => {
                changes.lines_added += 1;
                if changes.line_changes.len() < SHOWN_LINES {
                    changes.line_changes.push(format!("+ {text}"));
                }
            }
            Line::Removed(text) => {
                changes.lines_removed += 1;
                if changes.line_changes.len() < SHOWN_LINES {
                    changes.line_changes.push(format!("- {text}"));
                }
            }
        }
    }
    changes
}

/// "Label: now required; type text → long-text", or nothing when the
/// question reads and behaves the same.
#[cfg(feature = "ssr")]
fn field_change(old: &Field, new: &Field) -> Option<String> {
    let mut what = Vec::new();
    if old.label != new.label {
        what.push(format!("renamed from “{}”", old.label));
    }
    if old.field_type != new.field_type {
        what.push(format!(
            "type {} → {}",
            type_name(old.field_type),
            type_name(new.field_type)
        ));
    }
    if old.required != new.required {
        what.push(
            if new.required {
                "now required"
            } else {
                "now optional"
            }
            .to_owned(),
        );
    }
    if old.options != new.options {
        what.push("different choices".to_owned());
    }
    if old.limits != new.limits {
        what.push("different limits".to_owned());
    }
    if old.help != new.help {
        what.push("new help text".to_owned());
    }
    if old.condition != new.condition {
        what.push("shown under a different condition".to_owned());
    }
    (!what.is_empty()).then(|| format!("{}: {}", new.label, what.join("; ")))
}

#[cfg(feature = "ssr")]
fn type_name(kind: FieldType) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[cfg(feature = "ssr")]
enum Line<'a> {
    Added(&'a str),
    Removed(&'a str),
}

/// How long a comparison may search for the smallest set of changed lines
/// before settling for a larger one: template text is untrusted.
#[cfg(feature = "ssr")]
const DIFF_DEADLINE: std::time::Duration = std::time::Duration::from_millis(200);

/// The lines removed from `old` and added in `new`, in order (Myers's
/// algorithm, through `similar`).
#[cfg(feature = "ssr")]
fn line_diff<'a>(old: &'a str, new: &'a str) -> Vec<Line<'a>> {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::configure()
        .timeout(DIFF_DEADLINE)
        .diff_lines(old, new);
    diff.iter_all_changes()
        .filter_map(|change| {
            let text = change.value().trim_end_matches(['\n', '\r']);
            match change.tag() {
                ChangeTag::Delete => Some(Line::Removed(text)),
                ChangeTag::Insert => Some(Line::Added(text)),
                ChangeTag::Equal => None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(id: &str, label: &str, required: bool) -> Field {
        serde_json::from_value(serde_json::json!({
            "id": id, "label": label, "type": "text", "required": required
        }))
        .unwrap()
    }

    #[test]
    fn questions_and_lines_that_changed() {
        let old = [
            field("a", "Company", true),
            field("b", "Old question", false),
        ];
        let new = [
            field("a", "Company name", false),
            field("c", "New question", true),
        ];
        let changes = compare(&old, &new, "one\ntwo\nthree\n", "one\n2\nthree\nfour\n");
        assert_eq!(changes.added, ["New question"]);
        assert_eq!(changes.removed, ["Old question"]);
        assert_eq!(
            changes.changed,
            ["Company name: renamed from “Company”; now optional"]
        );
        assert_eq!((changes.lines_added, changes.lines_removed), (2, 1));
        assert_eq!(changes.line_changes, ["- two", "+ 2", "+ four"]);
        assert!(!changes.is_empty());
        assert!(compare(&old, &old, "x", "x").is_empty());
    }

    #[test]
    fn huge_texts_are_compared_within_the_deadline() {
        let old: String = (0..5000).map(|i| format!("a{i}\n")).collect();
        let new: String = (0..5000).map(|i| format!("b{i}\n")).collect();
        let changes = compare(
            &[],
            &[],
            &format!("same\n{old}end\n"),
            &format!("same\n{new}end\n"),
        );
        assert_eq!((changes.lines_removed, changes.lines_added), (5000, 5000));
    }
}
