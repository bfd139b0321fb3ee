//! What moving a draft to a newer version of its template would change:
//! the template's changes, and the answered questions the new version no
//! longer asks (their answers are not carried over).

use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use serde_json::{Map, Value};

#[cfg(feature = "ssr")]
use crate::compose::Template;

/// What moving a draft to a newer version of its template would change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TemplateMove {
    pub from: i64,
    pub to: i64,
    pub changes: crate::compose::changes::TemplateChanges,
    /// Labels of removed questions the draft has answered: those answers
    /// are not carried over (earlier versions keep them).
    pub dropped_answers: Vec<String>,
}

/// Compares the draft's template version `from` with `to` for a draft
/// holding `answers`. CPU work (a text diff): run it off the async workers.
#[cfg(feature = "ssr")]
pub fn preview(
    answers: &Map<String, Value>,
    (from, current): (i64, &Template),
    (to, next): (i64, &Template),
) -> TemplateMove {
    let (old, new) = (&current.front.fields, &next.front.fields);
    TemplateMove {
        from,
        to,
        changes: crate::compose::changes::compare(old, new, &current.body, &next.body),
        dropped_answers: old
            .iter()
            .filter(|f| !new.iter().any(|n| n.id == f.id))
            .filter(|f| answers.get(&f.id).is_some_and(|v| !v.is_null()))
            .map(|f| f.label.clone())
            .collect(),
    }
}
