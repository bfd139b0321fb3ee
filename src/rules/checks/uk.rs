//! United Kingdom, Companies Act 2006 (legislation.gov.uk/ukpga/2006/46/part/13/chapter/4):
//! members' resolutions at a public company's AGM (s338) and members'
//! statements of up to 1,000 words (s314).

use time::Date;

use super::shared::{lower_text, meeting_deadline, present, role_date, word_limit};
use super::{CheckError, Draft, Finding, Severity};
use crate::compose::DocumentKind;
use crate::rules::{deadline, params, words};

const REQUEST: &str = "Companies Act 2006 s338(4)";

pub(super) fn check(draft: &Draft, filing_date: Date) -> Result<Vec<Finding>, CheckError> {
    let rules = params::uk_s338()?;
    let version = rules.in_force(filing_date)?;
    let p = &version.parameters;
    let mut findings = Vec::new();
    match draft.template.front.kind {
        DocumentKind::Resolution => {
            let count = words::count(draft.document).total();
            findings.push(word_limit(
                "uk/s314-word-limit",
                count,
                p.statement_word_limit,
                "Companies Act 2006 s314(1)",
            ));
            findings.push(Finding::new(
                "uk/s338-effective",
                Severity::Info,
                "A resolution the company must circulate",
                "The company need not give notice of a resolution that would be ineffective (for example, inconsistent with an enactment or with the company's constitution), that is defamatory of any person, or that is frivolous or vexatious.".into(),
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
                "The resolution is identified",
                "A request must identify the resolution of which notice is to be given: quote it or enclose it.".into(),
                "Companies Act 2006 s338(4)(b)",
                Severity::Failed,
            ));
            findings.push(present(
                "uk/s338-threshold",
                &text,
                &["total voting rights", "100 members", "one hundred members", "per cent of the voting", "% of the voting"],
                "The members' threshold is stated",
                format!(
                    "Say that the requesting members hold at least {}% of the total voting rights, or are at least {} members with the right to vote who hold shares with an average of at least £{} paid up per member.",
                    p.voting_rights_percent, p.members, p.average_paid_up
                ),
                "Companies Act 2006 s338(3)",
                Severity::Failed,
            ));
            findings.push(present(
                "uk/s338-authenticated",
                &text,
                &["yours faithfully", "yours sincerely", "signed", "signature"],
                "Authenticated by the members",
                "A request must be authenticated by each member making it: signed, or for a request in electronic form, identified as the company's articles allow.".into(),
                "Companies Act 2006 s338(4)(c), s1146",
                Severity::Failed,
            ));
            findings.push(Finding::new(
                "uk/s340-expenses",
                Severity::Info,
                "Who pays for circulating the resolution",
                "If requests enough to oblige the company reach it before the end of the financial year preceding the meeting, the company bears the expense of circulating the resolution. Otherwise the members who asked for it pay, unless the company resolves otherwise, and the company need not act unless a sum reasonably sufficient to meet its expenses is deposited or tendered no later than six weeks before the AGM or, if later, when notice of the meeting is given.".into(),
                "Companies Act 2006 s340",
            ));
            // Six weeks before the AGM or, if later, when notice of it is given (s338(4)(d)).
            findings.extend(meeting_deadline(
                "uk/s338-deadline",
                draft,
                filing_date,
                ("AGM", REQUEST),
                |meeting| {
                    deadline::uk_s338(
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

/// A request under s314 to circulate a members' statement: the statement
/// within its word limit, the threshold, authentication, one week before
/// the meeting.
fn statement_request(
    draft: &Draft,
    filing_date: Date,
    version: &params::Version<params::UkS338>,
) -> Vec<Finding> {
    let p = &version.parameters;
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
    let mut findings = vec![if count == 0 {
        Finding::new(
            "uk/s314-word-limit",
            Severity::Failed,
            "The statement",
            "Write the statement the members ask the company to circulate.".into(),
            "Companies Act 2006 s314(1)",
        )
    } else if count <= p.statement_word_limit {
        Finding::new(
            "uk/s314-word-limit",
            Severity::Passed,
            "Statement of at most 1,000 words",
            format!("{count} words of the {} allowed.", p.statement_word_limit),
            "Companies Act 2006 s314(1)",
        )
    } else {
        Finding::new(
            "uk/s314-word-limit",
            Severity::Failed,
            "Statement of at most 1,000 words",
            format!(
                "The statement has {count} words; s314 allows at most {}: shorten it by {}.",
                p.statement_word_limit,
                count - p.statement_word_limit
            ),
            "Companies Act 2006 s314(1)",
        )
    }];
    findings.push(present(
        "uk/s314-threshold",
        &text,
        &["total voting rights", "100 members", "one hundred members", "per cent of the voting", "% of the voting"],
        "The members' threshold is stated",
        format!(
            "Say that the requesting members hold at least {}% of the total voting rights, or are at least {} members with the right to vote who hold shares with an average of at least £{} paid up per member.",
            p.voting_rights_percent, p.members, p.average_paid_up
        ),
        "Companies Act 2006 s314(2)",
        Severity::Failed,
    ));
    findings.push(present(
        "uk/s314-authenticated",
        &text,
        &["yours faithfully", "yours sincerely", "signed", "signature"],
        "Authenticated by the members",
        "A request must be authenticated by each member making it: signed, or for a request in electronic form, identified as the company's articles allow.".into(),
        "Companies Act 2006 s314(4)(c), s1146",
        Severity::Failed,
    ));
    findings.extend(meeting_deadline(
        "uk/s314-deadline",
        draft,
        filing_date,
        ("meeting", "Companies Act 2006 s314(4)(d)"),
        |meeting| deadline::uk_s314(meeting, version),
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
