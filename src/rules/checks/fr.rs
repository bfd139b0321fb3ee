//! France, Code de commerce: draft resolutions tabled by shareholders
//! (L225-105), with what the request must carry (R225-71) and when it must
//! be sent (R225-72). Phrases are looked for in French and in English.

use time::Date;

use super::shared::{lower_text, meeting_deadline, present, role_date, Meeting};
use super::{CheckError, Draft, Finding, Severity};
use crate::compose::DocumentKind;
use crate::i18n::tr;
use crate::rules::{deadline, params};

pub(super) fn check(draft: &Draft, filing_date: Date) -> Result<Vec<Finding>, CheckError> {
    let rules = params::fr_code_commerce()?;
    let version = rules.in_force(filing_date)?;
    let text = lower_text(draft.document);
    let lang = draft.lang;
    let mut findings = Vec::new();
    match draft.template.front.kind {
        DocumentKind::Resolution => findings.push(present(
            lang,
            "fr/statement-of-reasons",
            &text,
            &[
                "exposé des motifs",
                "exposé des raisons",
                "statement of reasons",
            ],
            &tr!(lang, "check-fr-statement-of-reasons-title"),
            tr!(lang, "check-fr-statement-of-reasons-missing"),
            "Code de commerce R225-71",
            Severity::Info,
        )),
        DocumentKind::FilingLetter | DocumentKind::CofilerLetter => {
            findings.push(present(
                lang,
                "fr/text-of-resolutions",
                &text,
                &[
                    "projet de résolution",
                    "projets de résolution",
                    "texte de la résolution",
                    "texte des résolutions",
                    "draft resolution",
                    "text of the resolution",
                ],
                &tr!(lang, "check-fr-text-of-resolutions-title"),
                tr!(lang, "check-fr-text-of-resolutions-missing"),
                "Code de commerce R225-71",
                Severity::Failed,
            ));
            findings.push(present(
                lang,
                "fr/registration-certificate",
                &text,
                &[
                    "attestation d'inscription",
                    "inscription en compte",
                    "certificate of registration",
                    "registered in the accounts",
                    "registration certificate",
                ],
                &tr!(lang, "check-fr-registration-certificate-title"),
                tr!(lang, "check-fr-registration-certificate-missing"),
                "Code de commerce R225-71",
                Severity::Failed,
            ));
            findings.push(present(
                lang,
                "fr/capital-held",
                &text,
                &[
                    "du capital",
                    "of the capital",
                    "of the share capital",
                    "of capital",
                ],
                &tr!(lang, "check-fr-capital-held-title"),
                tr!(lang, "check-fr-capital-held-missing"),
                "Code de commerce L225-105, R225-71",
                Severity::Warning,
            ));
            // At least 25 days before the meeting (R225-72).
            findings.extend(meeting_deadline(
                "fr/request-deadline",
                draft,
                filing_date,
                (Meeting::General, "Code de commerce R225-72"),
                |meeting| {
                    deadline::fr_code_commerce(
                        lang,
                        meeting,
                        role_date(draft, &draft.template.front.checks.notice_date),
                        version,
                    )
                },
            ));
        }
        DocumentKind::OwnershipRequest | DocumentKind::EngagementLetter => {}
    }
    Ok(findings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::checks::{check_text, severity_of};
    use serde_json::json;

    const LETTER: &str = "---\nid: fr-demande\ntitle: Demande\nkind: filing-letter\nlanguage: fr-FR\njurisdiction: fr-code-commerce\nfields:\n  - id: envoi\n    label: Envoi\n    type: date\n  - id: assemblee\n    label: Assemblée\n    type: date\nchecks:\n  submission_date: envoi\n  meeting_date: assemblee\n---\nx";

    fn findings(body: &str, answers: serde_json::Value) -> Vec<Finding> {
        check_text(LETTER, body, answers)
    }

    fn severity(findings: &[Finding], id: &str) -> Severity {
        severity_of(findings, id)
    }

    #[test]
    fn a_complete_request_in_time_passes() {
        // Typographic apostrophes, as French text is usually typed.
        let body = "Nous détenons 5,2 % du capital et demandons l’inscription du projet de résolution ci-joint.\n\nVous trouverez ci-joint l’attestation d’inscription en compte.";
        // Meeting 19 June 2026: 25 days before is 25 May 2026.
        let found = findings(
            body,
            json!({ "envoi": "2026-05-25", "assemblee": "2026-06-19" }),
        );
        for id in [
            "fr/text-of-resolutions",
            "fr/registration-certificate",
            "fr/capital-held",
            "fr/request-deadline",
        ] {
            assert_eq!(severity(&found, id), Severity::Passed, "{id}: {found:#?}");
        }
    }

    #[test]
    fn a_late_request_without_certificate_fails() {
        let found = findings(
            "Voici notre projet de résolution.",
            json!({ "envoi": "2026-05-26", "assemblee": "2026-06-19" }),
        );
        assert_eq!(
            severity(&found, "fr/registration-certificate"),
            Severity::Failed
        );
        assert_eq!(severity(&found, "fr/capital-held"), Severity::Warning);
        assert_eq!(severity(&found, "fr/request-deadline"), Severity::Failed);
    }
}
