//! United Kingdom, Companies Act 2006 (legislation.gov.uk/ukpga/2006/46/part/13/chapter/4):
//! members' resolutions at a public company's AGM (s338) and members'
//! statements of up to 1,000 words (s314).

use time::Date;

use super::shared::{lower_text, meeting_deadline, present, role_date, word_limit, Meeting};
use super::{CheckError, Draft, Finding, Severity};
use crate::compose::DocumentKind;
use crate::i18n::tr;
use crate::i18n::Lang;
use crate::rules::{deadline, params, words};

const REQUEST: &str = "Companies Act 2006 s338(4)";

pub(super) fn check(draft: &Draft, filing_date: Date) -> Result<Vec<Finding>, CheckError> {
    let rules = params::uk_s338()?;
    let version = rules.in_force(filing_date)?;
    let p = &version.parameters;
    let lang = draft.lang;
    let mut findings = Vec::new();
    match draft.template.front.kind {
        DocumentKind::Resolution => {
            let count = words::count(draft.document).total();
            findings.push(word_limit(
                lang,
                "uk/s314-word-limit",
                count,
                p.statement_word_limit,
                "Companies Act 2006 s314(1)",
            ));
            findings.push(Finding::new(
                "uk/s338-effective",
                Severity::Info,
                &tr!(lang, "check-uk-effective-title"),
                tr!(lang, "check-uk-effective"),
                "Companies Act 2006 s338(2)",
            ));
        }
        DocumentKind::FilingLetter | DocumentKind::CofilerLetter
            if draft.template.front.checks.statement.is_some() =>
        {
            findings.extend(statement_request(draft, filing_date, version));
        }
        DocumentKind::FilingLetter | DocumentKind::CofilerLetter => {
            let text = lower_text(draft.document);
            findings.push(present(
                lang,
                "uk/s338-identifies-resolution",
                &text,
                &[
                    "following resolution",
                    "resolution set out",
                    "resolution below",
                    "resolution enclosed",
                    "enclosed resolution",
                    "attached resolution",
                    "resolution attached",
                    "text of the resolution",
                    "ordinary resolution",
                    "special resolution",
                ],
                &tr!(lang, "check-uk-identifies-resolution-title"),
                tr!(lang, "check-uk-identifies-resolution-missing"),
                "Companies Act 2006 s338(4)(b)",
                Severity::Failed,
            ));
            findings.push(threshold(
                lang,
                "uk/s338-threshold",
                &text,
                p,
                "Companies Act 2006 s338(3)",
            ));
            findings.push(authenticated(
                lang,
                "uk/s338-authenticated",
                &text,
                "Companies Act 2006 s338(4)(c), s1146",
            ));
            findings.push(Finding::new(
                "uk/s340-expenses",
                Severity::Info,
                &tr!(lang, "check-uk-expenses-title"),
                tr!(lang, "check-uk-expenses"),
                "Companies Act 2006 s340",
            ));
            // Six weeks before the AGM or, if later, when notice of it is given (s338(4)(d)).
            findings.extend(meeting_deadline(
                "uk/s338-deadline",
                draft,
                filing_date,
                (Meeting::Agm, REQUEST),
                |meeting| {
                    deadline::uk_s338(
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

/// Passed when the request states the members' threshold (s338(3), s314(2)).
fn threshold(lang: Lang, id: &str, text: &str, p: &params::UkS338, reference: &str) -> Finding {
    present(
        lang,
        id,
        text,
        &[
            "total voting rights",
            "100 members",
            "one hundred members",
            "per cent of the voting",
            "% of the voting",
        ],
        &tr!(lang, "check-uk-threshold-title"),
        tr!(
            lang,
            "check-uk-threshold-missing",
            percent = p.voting_rights_percent.to_string(),
            members = p.members,
            paid_up = p.average_paid_up.to_string()
        ),
        reference,
        Severity::Failed,
    )
}

/// Passed when the request is signed (s338(4)(c), s314(4)(c), s1146).
fn authenticated(lang: Lang, id: &str, text: &str, reference: &str) -> Finding {
    present(
        lang,
        id,
        text,
        &["yours faithfully", "yours sincerely", "signed", "signature"],
        &tr!(lang, "check-uk-authenticated-title"),
        tr!(lang, "check-uk-authenticated-missing"),
        reference,
        Severity::Failed,
    )
}

/// A request under s314 to circulate a members' statement: the statement
/// within its word limit, the threshold, authentication, one week before
/// the meeting.
fn statement_request(
    draft: &Draft,
    filing_date: Date,
    version: &params::Version<params::UkS338>,
) -> Vec<Finding> {
    let p = &version.parameters;
    let lang = draft.lang;
    let text = lower_text(draft.document);
    let statement = draft
        .template
        .front
        .checks
        .statement
        .as_ref()
        .and_then(|field| draft.answers.get(field))
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default();
    let count = crate::text::count_words(statement);
    const WORD_LIMIT: &str = "Companies Act 2006 s314(1)";
    let limit = p.statement_word_limit;
    let mut findings = vec![if count == 0 {
        Finding::new(
            "uk/s314-word-limit",
            Severity::Failed,
            &tr!(lang, "check-uk-statement-title"),
            tr!(lang, "check-uk-statement-missing"),
            WORD_LIMIT,
        )
    } else if count <= limit {
        Finding::new(
            "uk/s314-word-limit",
            Severity::Passed,
            &tr!(lang, "check-uk-statement-limit-title"),
            tr!(
                lang,
                "check-uk-statement-within",
                count = count,
                limit = limit
            ),
            WORD_LIMIT,
        )
    } else {
        Finding::new(
            "uk/s314-word-limit",
            Severity::Failed,
            &tr!(lang, "check-uk-statement-limit-title"),
            tr!(
                lang,
                "check-uk-statement-over",
                count = count,
                limit = limit,
                over = count - limit
            ),
            WORD_LIMIT,
        )
    }];
    findings.push(threshold(
        lang,
        "uk/s314-threshold",
        &text,
        p,
        "Companies Act 2006 s314(2)",
    ));
    findings.push(authenticated(
        lang,
        "uk/s314-authenticated",
        &text,
        "Companies Act 2006 s314(4)(c), s1146",
    ));
    findings.extend(meeting_deadline(
        "uk/s314-deadline",
        draft,
        filing_date,
        (Meeting::Any, "Companies Act 2006 s314(4)(d)"),
        |meeting| deadline::uk_s314(lang, meeting, version),
    ));
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::checks::{check_text, severity_of};
    use serde_json::json;

    const LETTER: &str = "---\nid: uk-request\ntitle: Request\nkind: filing-letter\nlanguage: en-GB\njurisdiction: uk-ca2006-s338\nfields:\n  - id: sent\n    label: Sent\n    type: date\n  - id: agm\n    label: AGM\n    type: date\nchecks:\n  submission_date: sent\n  meeting_date: agm\n---\nx";

    fn findings(body: &str, answers: serde_json::Value) -> Vec<Finding> {
        check_text(LETTER, body, answers)
    }

    fn severity(findings: &[Finding], id: &str) -> Severity {
        severity_of(findings, id)
    }

    #[test]
    fn a_complete_request_in_time_passes() {
        let body = "We, members holding more than 5% of the total voting rights, request notice of the following resolution: …\n\nYours faithfully,";
        // AGM 25 June 2026: six weeks before is 14 May 2026.
        let found = findings(body, json!({ "sent": "2026-05-14", "agm": "2026-06-25" }));
        for id in [
            "uk/s338-identifies-resolution",
            "uk/s338-threshold",
            "uk/s338-authenticated",
            "uk/s338-deadline",
        ] {
            assert_eq!(severity(&found, id), Severity::Passed, "{id}: {found:#?}");
        }
        // Who pays for circulation is said, with its section.
        let expenses = found
            .iter()
            .find(|f| f.id == "uk/s340-expenses")
            .expect("the s340 note");
        assert_eq!(expenses.severity, Severity::Info);
        assert_eq!(expenses.reference, "Companies Act 2006 s340");
        assert!(expenses
            .reason
            .contains("end of the financial year preceding the meeting"));
    }

    #[test]
    fn the_rules_in_force_before_and_after_the_2009_amendments_are_both_known() {
        let rules = params::uk_s338().expect("the UK rules load");
        let first = rules
            .in_force(time::macros::date!(2008 - 06 - 01))
            .expect("in force in 2008");
        assert_eq!(first.effective, "2007-10-01");
        let amended = rules
            .in_force(time::macros::date!(2026 - 06 - 01))
            .expect("in force now");
        assert_eq!(amended.effective, "2009-08-03");
        assert!(amended.source.contains("SI 2009/1632"));
    }

    #[test]
    fn an_unsigned_late_request_without_threshold_fails() {
        let found = findings(
            "Please add our resolution.",
            json!({ "sent": "2026-05-15", "agm": "2026-06-25" }),
        );
        // "our resolution" does not say which resolution.
        assert_eq!(
            severity(&found, "uk/s338-identifies-resolution"),
            Severity::Failed
        );
        assert_eq!(severity(&found, "uk/s338-threshold"), Severity::Failed);
        assert_eq!(severity(&found, "uk/s338-authenticated"), Severity::Failed);
        let late = found.iter().find(|f| f.id == "uk/s338-deadline").unwrap();
        assert_eq!(late.severity, Severity::Failed);
        assert!(late.reason.contains("1 day after"), "{}", late.reason);
        // Without the AGM date the check says what it needs.
        let found = findings("x", json!({ "sent": "2026-05-15" }));
        assert_eq!(severity(&found, "uk/s338-deadline"), Severity::Info);
    }
}
