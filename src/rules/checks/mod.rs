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
use crate::i18n::tr;
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
    /// A jurisdiction no rule pack knows, as the template names it.
    #[error("{}", unknown_jurisdiction(Lang::En, .0))]
    Jurisdiction(String),
}

fn unknown_jurisdiction(lang: Lang, name: &str) -> String {
    tr!(lang, "check-error-jurisdiction", jurisdiction = name)
}

impl CheckError {
    /// What went wrong, worded in `lang` for the checks panel; the
    /// details quoted from the rule data stay as they are.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CheckError::Params(params::ParamsError::Invalid { file, message }) => tr!(
                lang,
                "check-error-rule-data",
                file = file.as_str(),
                message = message.as_str()
            ),
            CheckError::Params(params::ParamsError::NotInForce { pack, date }) => tr!(
                lang,
                "check-error-not-in-force",
                pack = pack.as_str(),
                date = date.to_string()
            ),
            CheckError::Jurisdiction(name) => unknown_jurisdiction(lang, name),
        }
    }
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
            &tr!(draft.lang, "check-no-jurisdiction-title"),
            tr!(
                draft.lang,
                "check-no-jurisdiction",
                template = draft.template.id()
            ),
            "template front matter `jurisdiction`",
        )];
        findings.extend(shared::stale_claims(draft, filing_date));
        return Ok(findings);
    };
    let jurisdiction: Jurisdiction = jurisdiction
        .parse()
        .map_err(|_| CheckError::Jurisdiction(jurisdiction.to_owned()))?;
    let mut findings = match jurisdiction {
        Jurisdiction::UsSec14a8 => us::sec_14a8(draft, filing_date)?,
        Jurisdiction::UkCa2006S338 => uk::check(draft, filing_date)?,
        Jurisdiction::FrCodeCommerce => fr::check(draft, filing_date)?,
    };
    findings.extend(shared::stale_claims(draft, filing_date));
    findings.extend(shared::instructions_left(draft.lang, draft.document));
    Ok(findings)
}

/// Runs the checks on a small template and body, for the rule packs' tests.
#[cfg(test)]
pub(super) fn check_text(template: &str, body: &str, answers: serde_json::Value) -> Vec<Finding> {
    check_text_in(Lang::En, template, body, answers)
}

/// [`check_text`] with the findings worded in `lang`.
#[cfg(test)]
pub(super) fn check_text_in(
    lang: Lang,
    template: &str,
    body: &str,
    answers: serde_json::Value,
) -> Vec<Finding> {
    let template = Template::parse(template, "test.md").unwrap();
    let document =
        crate::document::parse::parse(body, crate::document::Metadata::default()).document;
    let answers = answers.as_object().unwrap().clone();
    let draft = Draft {
        template: &template,
        answers: &answers,
        document: &document,
        lang,
    };
    check(&draft, time::macros::date!(2026 - 03 - 01)).unwrap()
}

/// The severity of finding `id`, for tests.
#[cfg(test)]
pub(super) fn severity_of(findings: &[Finding], id: &str) -> Severity {
    findings.iter().find(|f| f.id == id).unwrap().severity
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const US_LETTER: &str = "---\nid: us-letter\ntitle: Letter\nkind: filing-letter\nlanguage: en\njurisdiction: us-sec-14a8\nfields:\n  - id: sent\n    label: Sent\n    type: date\n  - id: proxy\n    label: Proxy released\n    type: date\n  - id: since\n    label: Held since\n    type: date\n  - id: value\n    label: Value\n    type: number\n  - id: zone\n    label: Zone\n    type: text\n  - id: slots\n    label: Slots\n    type: list\nchecks:\n  submission_date: sent\n  prior_proxy_date: proxy\n  held_since: since\n  holding_value: value\n  time_zone: zone\n  engagement_slots: slots\n---\nx";

    /// Every finding a French reader gets is worded in French: none keeps
    /// its English title or reason, and dates are written the French way.
    #[test]
    fn findings_are_worded_in_the_readers_language() {
        let answers = json!({
            "sent": "2026-02-16",
            "proxy": "2025-06-27",
            "since": "2022-01-03",
            "value": 2500,
            "zone": "America/Los_Angeles",
            "slots": [
                "Monday, February 23, 2026, 10:00–11:00 a.m. Eastern Time",
                "Thursday, March 5, 2026, 2:00–3:00 p.m. Eastern Time",
            ],
            "facts": [{ "claim": "The company has not disclosed its review.", "as_of": "2025-07-01" }],
        });
        let english = check_text_in(Lang::En, US_LETTER, "x", answers.clone());
        let french = check_text_in(Lang::Fr, US_LETTER, "x", answers);
        let ids = |findings: &[Finding]| findings.iter().map(|f| f.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&english), ids(&french));
        assert!(english.len() >= 7, "{english:#?}");
        for (en, fr) in english.iter().zip(&french) {
            assert_ne!(en.title, fr.title, "{} kept its English title", en.id);
            assert_ne!(en.reason, fr.reason, "{} kept its English reason", en.id);
            assert_eq!(en.reference, fr.reference, "{}", en.id);
        }
        let find = |id: &str| french.iter().find(|f| f.id == id).unwrap();
        let deadline = find("14a8/deadline");
        assert_eq!(deadline.title, "Date limite de dépôt");
        assert!(
            deadline.reason.starts_with(
                "La société doit recevoir la demande au plus tard le vendredi 27 février 2026\u{202F}; la date de la lettre précède cette échéance de 11 jours."
            ),
            "{}",
            deadline.reason
        );
        let engagement = find("14a8/engagement");
        assert!(
            engagement
                .reason
                .contains("tombe 7 jours après le dépôt (le lundi 16 février 2026)")
                && engagement
                    .reason
                    .contains("de 7\u{a0}h\u{a0}00 à 8\u{a0}h\u{a0}00 (heure du Pacifique)"),
            "{}",
            engagement.reason
        );
        let stale = find("evidence/stale-claims");
        assert_eq!(stale.title, "Affirmations datées");
        assert!(
            stale.reason.contains("(au mardi 1er juillet 2025)"),
            "{}",
            stale.reason
        );
    }
}
