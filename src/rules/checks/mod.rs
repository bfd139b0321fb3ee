//! Checks of a draft against its jurisdiction's rules: each finding says
//! passed, warning or failed, why, and which rule it comes from. Warnings
//! about wording are advice, not verdicts.

mod fr;
mod shared;
mod uk;
mod us;

pub(crate) use shared::role_date;
pub(crate) use us::{engagement_slots, slot_problems};

use serde::Serialize;
use serde_json::{Map, Value};
use time::Date;

use super::{params, Jurisdiction};
use crate::compose::Template;
use crate::document::Document;
use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Passed,
    Info,
    Warning,
    /// A warning the drafter has answered; the reason is kept in `dismissed`.
    Dismissed,
    Failed,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Stable id, e.g. `14a8/word-limit`, so a warning can be dismissed by id.
    pub id: String,
    pub severity: Severity,
    pub title: String,
    pub reason: String,
    pub reference: String,
    /// Why the drafter dismissed this warning.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dismissed: Option<String>,
}

impl Finding {
    pub(super) fn new(
        id: &str,
        severity: Severity,
        title: &str,
        reason: String,
        reference: &str,
    ) -> Finding {
        Finding {
            id: id.to_owned(),
            severity,
            title: title.to_owned(),
            reason,
            reference: reference.to_owned(),
            dismissed: None,
        }
    }
}

/// What a check looks at: the template, its checked answers (in the body's
/// shape) and the rendered document.
pub struct Draft<'a> {
    pub template: &'a Template,
    pub answers: &'a Map<String, Value>,
    pub document: &'a Document,
    /// The language findings are worded in (the reader's, not the document's).
    pub lang: Lang,
}

#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error("{0}")]
    Params(#[from] params::ParamsError),
    #[error("{0}")]
    Jurisdiction(String),
}

/// Marks every warning with `id` as dismissed for `reason`. Warnings are
/// advice: a drafter may answer them; failed checks cannot be dismissed.
pub fn dismiss(findings: &mut [Finding], id: &str, reason: &str) -> Result<(), String> {
    let mut matched = false;
    for finding in findings.iter_mut().filter(|f| f.id == id) {
        match finding.severity {
            Severity::Warning | Severity::Dismissed => {
                finding.severity = Severity::Dismissed;
                finding.dismissed = Some(reason.trim().to_owned());
                matched = true;
            }
            Severity::Failed => {
                return Err(format!("`{id}` failed; only warnings can be dismissed"))
            }
            Severity::Passed | Severity::Info => {}
        }
    }
    if matched {
        Ok(())
    } else {
        Err(format!("no warning `{id}` to dismiss"))
    }
}

pub fn check(draft: &Draft, today: Date) -> Result<Vec<Finding>, CheckError> {
    // The day the draft goes out: its submission date when it has one.
    let filing_date =
        role_date(draft, &draft.template.front.checks.submission_date).unwrap_or(today);
    let Some(jurisdiction) = draft.template.front.jurisdiction.as_deref() else {
        let mut findings = vec![Finding::new(
            "rules/no-jurisdiction",
            Severity::Info,
            "No filing rules",
            format!(
                "Template `{}` names no jurisdiction, so no filing rules apply to it.",
                draft.template.id()
            ),
            "template front matter `jurisdiction`",
        )];
        findings.extend(shared::stale_claims(draft, filing_date));
        return Ok(findings);
    };
    let jurisdiction: Jurisdiction = jurisdiction.parse().map_err(CheckError::Jurisdiction)?;
    let mut findings = match jurisdiction {
        Jurisdiction::UsSec14a8 => us::sec_14a8(draft, filing_date)?,
        Jurisdiction::UkCa2006S338 => uk::check(draft, filing_date)?,
        Jurisdiction::FrCodeCommerce => fr::check(draft, filing_date)?,
    };
    findings.extend(shared::stale_claims(draft, filing_date));
    findings.extend(shared::instructions_left(draft.document));
    Ok(findings)
}

/// Runs the checks on a small template and body, for the rule packs' tests.
#[cfg(test)]
pub(super) fn check_text(template: &str, body: &str, answers: serde_json::Value) -> Vec<Finding> {
    let template = Template::parse(template, "test.md").unwrap();
    let document =
        crate::document::parse::parse(body, crate::document::Metadata::default()).document;
    let answers = answers.as_object().unwrap().clone();
    let draft = Draft {
        template: &template,
        answers: &answers,
        document: &document,
        lang: Lang::En,
    };
    check(&draft, time::macros::date!(2026 - 03 - 01)).unwrap()
}

/// The severity of finding `id`, for tests.
#[cfg(test)]
pub(super) fn severity_of(findings: &[Finding], id: &str) -> Severity {
    findings.iter().find(|f| f.id == id).unwrap().severity
}
