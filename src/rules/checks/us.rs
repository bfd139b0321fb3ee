//! Rule 14a-8 (United States): eligibility, the deadline, engagement
//! times, word limits and the wording of the resolution.

use serde_json::Value;
use time::Date;

use crate::compose::filters::ENGLISH_MONTHS;
use crate::compose::DocumentKind;
use crate::rules::deadline::long_date;
use crate::rules::{eligibility, params, words};

#[cfg(test)]
use super::dismiss;
use super::shared::*;
use super::{CheckError, Draft, Finding, Severity};

pub(super) fn sec_14a8(draft: &Draft, filing_date: Date) -> Result<Vec<Finding>, CheckError> {
    let rules = params::sec_14a8()?;
    let version = rules.in_force(filing_date)?;
    let p = &version.parameters;
    let mut findings = Vec::new();
    let paragraphs = paragraphs(draft.document);
    match draft.template.front.kind {
        DocumentKind::Resolution => {
            let count = words::count(draft.document);
            findings.push(word_limit(
                "14a8/word-limit",
                count.total(),
                p.word_limit,
                "Rule 14a-8(d)",
            ));
            findings.extend(recital_citations(&paragraphs));
            findings.extend(resolved_wording(&paragraphs));
        }
        DocumentKind::FilingLetter | DocumentKind::CofilerLetter => {
            let text = paragraphs
                .iter()
                .map(|(t, _)| t.as_str())
                .collect::<Vec<_>>()
                .join("\n")
                .to_lowercase();
            findings.push(present(
                "14a8/intent-to-hold",
                &text,
                &["intend to hold", "intends to hold", "intend to continue to hold", "intends to continue to hold"],
                "Intent to hold through the meeting",
                "The proponent must state in writing that it intends to hold the required shares through the date of the meeting.".into(),
                "Rule 14a-8(b)(1)(ii)",
                Severity::Failed,
            ));
            if draft.template.front.kind == DocumentKind::FilingLetter {
                findings.push(present(
                    "14a8/proof-of-ownership",
                    &text,
                    &["proof of ownership", "record holder", "confirming", "broker"],
                    "Proof of ownership",
                    "Enclose the record holder's letter confirming continuous ownership, or say it will follow (within 14 days of a deficiency notice).".into(),
                    "Rule 14a-8(b)(2)",
                    Severity::Failed,
                ));
                findings.extend(deadline(draft, filing_date, version));
                findings.push(engagement(draft, filing_date, p.engagement_window_days));
                if let Some(finding) = holdings(draft, filing_date, version) {
                    findings.push(finding);
                }
                findings.push(Finding::new(
                    "14a8/one-proposal",
                    Severity::Info,
                    "One proposal per proponent",
                    "Each proponent may submit only one proposal per meeting, directly or through a representative: check the campaign's other filings for this meeting.".into(),
                    "Rule 14a-8(c)",
                ));
            }
        }
        DocumentKind::OwnershipRequest | DocumentKind::EngagementLetter => {}
    }
    Ok(findings)
}

fn recital_citations(paragraphs: &[(String, bool)]) -> Vec<Finding> {
    let recitals: Vec<&(String, bool)> = paragraphs
        .iter()
        .filter(|(t, _)| t.trim_start().to_lowercase().starts_with("whereas"))
        .collect();
    let uncited: Vec<String> = recitals
        .iter()
        .filter(|(_, cited)| !cited)
        .map(|(t, _)| excerpt(t))
        .collect();
    if recitals.is_empty() {
        // Nothing to check yet: saying "passed" would vouch for recitals
        // that are not there.
        vec![Finding::new(
            "14a8/recital-citations",
            Severity::Info,
            "No recitals yet",
            "The proposal has no recital (a paragraph starting “Whereas”) yet; each one you add is checked for a source.".into(),
            "Rule 14a-8(i)(3)",
        )]
    } else if uncited.is_empty() {
        vec![Finding::new(
            "14a8/recital-citations",
            Severity::Passed,
            "Every recital cites a source",
            match recitals.len() {
                1 => "1 recital, with a footnote.".to_owned(),
                n => format!("{n} recitals, each with a footnote."),
            },
            "Rule 14a-8(i)(3)",
        )]
    } else {
        uncited
            .into_iter()
            .map(|text| {
                Finding::new(
                    "14a8/recital-citations",
                    Severity::Warning,
                    "A recital without a source",
                    format!("“{text}” states a fact without a citation; a company may argue it is false or misleading. Cite the evidence it rests on."),
                    "Rule 14a-8(i)(3)",
                )
            })
            .collect()
    }
}

/// Wording in the RESOLVED clause that invites exclusion.
fn resolved_wording(paragraphs: &[(String, bool)]) -> Vec<Finding> {
    let Some((resolved, _)) = paragraphs
        .iter()
        .find(|(t, _)| t.trim_start().to_lowercase().starts_with("resolved"))
    else {
        return vec![Finding::new(
            "14a8/resolved-clause",
            Severity::Warning,
            "No RESOLVED clause",
            "No paragraph starts with “RESOLVED”: the proposal's request must be clear.".into(),
            "Rule 14a-8(i)(3)",
        )];
    };
    let lower = resolved.to_lowercase();
    let mut findings = Vec::new();
    if (lower.contains("report") || lower.contains("assess"))
        && !(lower.contains("reasonable cost") && lower.contains("proprietary information"))
    {
        findings.push(Finding::new(
            "14a8/report-qualifier",
            Severity::Warning,
            "Report without the usual qualifier",
            "A report request usually says it is to be prepared “at reasonable cost and omitting proprietary information”; without it the ask reads as more intrusive.".into(),
            "Rule 14a-8(i)(7); esginvestor.net/secrets-to-shareholder-proposal-success/",
        ));
    }
    for (phrase, what) in prescriptive_phrases(&lower) {
        findings.push(Finding::new(
            "14a8/micromanagement",
            Severity::Warning,
            "Prescriptive wording",
            format!("The RESOLVED clause sets {what} (“{phrase}”). Deadlines, methods and metrics read as micromanagement, a ground for exclusion as ordinary business, and lower support; ask for an assessment and leave the method to the board."),
            "Rule 14a-8(i)(7); Staff Legal Bulletin 14M",
        ));
    }
    const ALREADY_DONE: [&str; 3] = [
        "adopt a human rights policy",
        "publish a human rights policy",
        "code of conduct",
    ];
    for ask in ALREADY_DONE {
        if lower.contains(ask) {
            findings.push(Finding::new(
                "14a8/substantially-implemented",
                Severity::Warning,
                "May duplicate what the company already does",
                format!("Most large companies already have “{ask}”; the company may argue the proposal is substantially implemented. Ask how well existing processes work instead."),
                "Rule 14a-8(i)(10)",
            ));
        }
    }
    if findings.is_empty() {
        findings.push(Finding::new(
            "14a8/wording",
            Severity::Passed,
            "Request wording",
            "The RESOLVED clause asks for a report with the usual qualifier and sets no deadline, method or metric.".into(),
            "Rule 14a-8(i)(7)",
        ));
    }
    findings
}

/// Deadlines ("within 90 days", "no later than", "by June 30"), obligations
/// ("must", "shall", "require the board") and methods or metrics named in the ask.
fn prescriptive_phrases(lower: &str) -> Vec<(String, &'static str)> {
    const NUMBERS: [&str; 12] = [
        "one", "two", "three", "four", "six", "nine", "twelve", "thirty", "sixty", "ninety",
        "eighteen", "180",
    ];
    const UNITS: [&str; 6] = ["day", "days", "month", "months", "year", "years"];
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut found = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let next = words.get(i + 1).copied().unwrap_or_default();
        let after = words.get(i + 2).copied().unwrap_or_default();
        let is_number = |w: &str| {
            w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty() || NUMBERS.contains(&w)
        };
        match *word {
            "within" if is_number(next) && UNITS.contains(&after) => {
                found.push((format!("within {next} {after}"), "a deadline"))
            }
            "later" if i > 0 && words[i - 1] == "no" && next == "than" => {
                found.push(("no later than".to_owned(), "a deadline"))
            }
            "by" if ENGLISH_MONTHS.iter().any(|m| m.eq_ignore_ascii_case(next)) => {
                found.push((format!("by {next}"), "a deadline"))
            }
            "must" | "shall" => found.push(((*word).to_owned(), "an obligation")),
            "require" | "requires" if next == "the" && after == "board" => {
                found.push(("require the board".to_owned(), "an order to the board"))
            }
            "metric" | "metrics" | "kpi" | "kpis" => found.push(((*word).to_owned(), "a metric")),
            _ => {}
        }
    }
    found.dedup();
    found
}

/// Rule 14a-8(b)(1)(iii): meeting 10 to 30 calendar days after submission.
fn engagement(draft: &Draft, submitted: Date, window: Option<[i64; 2]>) -> Finding {
    const REFERENCE: &str = "Rule 14a-8(b)(1)(iii)";
    let Some([from, to]) = window else {
        return Finding::new(
            "14a8/engagement",
            Severity::Info,
            "Engagement availability",
            "Not required by the rule version in force.".into(),
            REFERENCE,
        );
    };
    let slots = engagement_slots(draft);
    if slots.is_empty() {
        return Finding::new(
            "14a8/engagement",
            Severity::Failed,
            "Engagement availability",
            format!("State when the proponent can meet the company: specific business days and times between {from} and {to} calendar days after submission."),
            REFERENCE,
        );
    }
    let zone = role(draft, &draft.template.front.checks.time_zone)
        .and_then(Value::as_str)
        .filter(|z| !z.is_empty());
    let problems = slot_problems(&slots, submitted, [from, to], zone);
    if problems.is_empty() {
        Finding::new(
            "14a8/engagement",
            Severity::Passed,
            "Engagement availability",
            format!(
                "{} slots, all {from} to {to} days after submission on {}.",
                slots.len(),
                long_date(submitted)
            ),
            REFERENCE,
        )
    } else {
        Finding::new(
            "14a8/engagement",
            Severity::Failed,
            "Engagement availability",
            format!(
                "Offer times {from} to {to} calendar days after submission, within business hours at the company's principal executive offices: {}.",
                problems.join("; ")
            ),
            REFERENCE,
        )
    }
}

/// The engagement times the draft offers, one per list item.
pub(crate) fn engagement_slots(draft: &Draft) -> Vec<String> {
    role(draft, &draft.template.front.checks.engagement_slots)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// What is wrong with each slot outside the window or without a date and,
/// when the company's time zone (`zone`) is known, each slot without a
/// time and zone or outside business hours at the company's offices.
pub(crate) fn slot_problems(
    slots: &[String],
    submitted: Date,
    [from, to]: [i64; 2],
    zone: Option<&str>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for slot in slots {
        let Some(day) = find_us_date(slot) else {
            problems.push(format!("“{slot}” has no date as “Month D, YYYY”"));
            continue;
        };
        let after = (day - submitted).whole_days();
        if after < from || after > to {
            problems.push(format!(
                "“{slot}” is {} after submission ({})",
                days(after),
                long_date(submitted)
            ));
        }
        if let Some(company_zone) = zone {
            match crate::rules::zones::slot_time(slot) {
                Ok((times, slot_zone)) => {
                    if let Err(outside) = crate::rules::zones::within_business_hours(
                        day,
                        times,
                        slot_zone,
                        company_zone,
                    ) {
                        problems.push(format!("“{slot}” {outside}"));
                    }
                }
                Err(missing) => problems.push(missing),
            }
        }
    }
    problems
}

/// The 14a-8 deadline for a filing letter whose template asks for last
/// year's proxy release date; `None` when it does not.
fn deadline(
    draft: &Draft,
    submitted: Date,
    params: &params::Version<params::Sec14a8>,
) -> Option<Finding> {
    const ID: &str = "14a8/deadline";
    const TITLE: &str = "Filing deadline";
    let roles = &draft.template.front.checks;
    roles.prior_proxy_date.as_ref()?;
    let dates = crate::rules::deadline::Sec14a8Dates {
        prior_proxy_date: role_date(draft, &roles.prior_proxy_date),
        meeting_date: role_date(draft, &roles.meeting_date),
        prior_meeting_date: role_date(draft, &roles.prior_meeting_date),
    };
    if dates.prior_proxy_date.is_none() {
        return Some(Finding::new(
            ID,
            Severity::Info,
            TITLE,
            "Give the date last year's proxy statement was released to check the letter's date against the deadline.".into(),
            "Rule 14a-8(e)(2)",
        ));
    }
    let computed = crate::rules::deadline::sec_14a8(&dates, params);
    judge_deadline(ID, draft, submitted, computed)
}

/// The first "June 16, 2026" in `text`: a month name followed by a day
/// and a year that make a real date. A month name used otherwise ("in
/// May we wrote") is passed over.
fn find_us_date(text: &str) -> Option<Date> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(3).find_map(|window| {
        let month = ENGLISH_MONTHS.iter().position(|m| *m == window[0])?;
        let day: u8 = window[1].trim_end_matches(',').parse().ok()?;
        let year: i32 = window[2].trim_end_matches([',', '.', ';']).parse().ok()?;
        Date::from_calendar_date(year, time::Month::try_from(month as u8 + 1).ok()?, day).ok()
    })
}

fn holdings(
    draft: &Draft,
    submitted: Date,
    version: &params::Version<params::Sec14a8>,
) -> Option<Finding> {
    let checks = &draft.template.front.checks;
    let value = role(draft, &checks.holding_value)?;
    let amount = value
        .get("amount")
        .and_then(Value::as_f64)
        .or_else(|| value.as_f64())?;
    let held_since = role_date(draft, &checks.held_since)?;
    let result = eligibility::sec_14a8(amount, held_since, submitted, version);
    Some(Finding::new(
        "14a8/eligibility",
        if result.eligible {
            Severity::Passed
        } else {
            Severity::Failed
        },
        "Eligibility",
        result.explanation,
        "Rule 14a-8(b)(1)(i)",
    ))
}

fn excerpt(text: &str) -> String {
    let mut out: String = text.chars().take(70).collect();
    if text.chars().count() > 70 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_us_date_is_found_after_a_month_name_used_otherwise() {
        let found = find_us_date("In May we wrote again. The meeting is June 16, 2026. Then July.");
        assert_eq!(found, Some(time::macros::date!(2026 - 06 - 16)));
        assert_eq!(
            find_us_date("February 30, 2026 and March 2, 2026"),
            Some(time::macros::date!(2026 - 03 - 02))
        );
        assert_eq!(find_us_date("May I ask, in June?"), None);
    }

    #[test]
    fn prescriptive_wording_is_found_and_reasonable_time_is_not() {
        let found = prescriptive_phrases("shareholders request a report within 90 days, no later than june 30, and the board must use these metrics");
        let phrases: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            phrases,
            ["within 90 days", "no later than", "must", "metrics"]
        );
        assert!(prescriptive_phrases("made available within a reasonable time").is_empty());
        assert_eq!(
            prescriptive_phrases("report by december 2026")[0].0,
            "by december"
        );
    }

    #[test]
    fn prescriptive_and_already_done_asks_are_warned_about() {
        let findings = resolved_wording(&[(
            "RESOLVED: shareholders ask the board to adopt a human rights policy and to report within 90 days, at reasonable cost and omitting proprietary information.".to_owned(),
            false,
        )]);
        let ids: Vec<&str> = findings.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            ids,
            ["14a8/micromanagement", "14a8/substantially-implemented"],
            "{findings:#?}"
        );
        assert!(findings.iter().all(|f| f.severity == Severity::Warning));
        assert!(
            findings[0].reason.contains("“within 90 days”"),
            "{}",
            findings[0].reason
        );
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(contains_words("it was signed, then sent", "signed"));
        assert!(!contains_words("an unsigned and designed letter", "signed"));
        assert!(contains_words("5,2 % du capital", "du capital"));
        assert!(contains_words(
            "holding 5% of the total voting rights.",
            "total voting rights"
        ));
    }

    #[test]
    fn recitals_without_notes_are_flagged() {
        let paragraphs = vec![
            ("Whereas, one fact;".to_owned(), true),
            ("Whereas, an unsourced claim;".to_owned(), false),
        ];
        let findings = recital_citations(&paragraphs);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].severity, Severity::Warning);
        assert!(findings[0].reason.contains("an unsourced claim"));
    }

    #[test]
    fn report_without_qualifier_is_flagged() {
        let findings = resolved_wording(&[(
            "RESOLVED: shareholders request a report on X.".to_owned(),
            false,
        )]);
        assert!(findings.iter().any(|f| f.id == "14a8/report-qualifier"));
        let findings = resolved_wording(&[(
            "RESOLVED: a report, at reasonable cost and omitting proprietary information, on X."
                .to_owned(),
            false,
        )]);
        assert_eq!(findings[0].severity, Severity::Passed);
    }

    #[test]
    fn warnings_can_be_dismissed_with_a_reason_failures_cannot() {
        let mut findings = vec![
            Finding::new("a", Severity::Warning, "A", "why".into(), "rule"),
            Finding::new("b", Severity::Failed, "B", "why".into(), "rule"),
        ];
        dismiss(&mut findings, "a", " already agreed with counsel ").unwrap();
        assert_eq!(findings[0].severity, Severity::Dismissed);
        assert_eq!(
            findings[0].dismissed.as_deref(),
            Some("already agreed with counsel")
        );
        assert!(dismiss(&mut findings, "b", "no")
            .unwrap_err()
            .contains("only warnings"));
        assert!(dismiss(&mut findings, "c", "no")
            .unwrap_err()
            .contains("no warning `c`"));
    }

    #[test]
    fn us_dates_in_engagement_slots() {
        assert_eq!(
            find_us_date("Tuesday, June 16, 2026, 10:00 a.m."),
            Date::from_calendar_date(2026, time::Month::June, 16).ok()
        );
        assert_eq!(find_us_date("any time"), None);
    }
}
