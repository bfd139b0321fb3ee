//! Rule 14a-8 (United States): eligibility, the deadline, engagement
//! times, word limits and the wording of the resolution.

use serde_json::Value;
use time::Date;

use crate::compose::DocumentKind;
use crate::i18n::tr;
use crate::i18n::{long_date, Lang, ENGLISH_MONTHS};
use crate::rules::{eligibility, params, words};

#[cfg(test)]
use super::dismiss;
use super::shared::*;
use super::{CheckError, Draft, Finding, Severity};

pub(super) fn sec_14a8(draft: &Draft, filing_date: Date) -> Result<Vec<Finding>, CheckError> {
    let rules = params::sec_14a8()?;
    let version = rules.in_force(filing_date)?;
    let p = &version.parameters;
    let lang = draft.lang;
    let mut findings = Vec::new();
    let paragraphs = paragraphs(draft.document);
    match draft.template.front.kind {
        DocumentKind::Resolution => {
            let count = words::count(draft.document);
            findings.push(word_limit(
                lang,
                "14a8/word-limit",
                count.total(),
                p.word_limit,
                "Rule 14a-8(d)",
            ));
            findings.extend(recital_citations(lang, &paragraphs));
            findings.extend(resolved_wording(lang, &paragraphs));
        }
        DocumentKind::FilingLetter | DocumentKind::CofilerLetter => {
            let text = paragraphs
                .iter()
                .map(|(t, _)| t.as_str())
                .collect::<Vec<_>>()
                .join("\n")
                .to_lowercase();
            findings.push(present(
                lang,
                "14a8/intent-to-hold",
                &text,
                &[
                    "intend to hold",
                    "intends to hold",
                    "intend to continue to hold",
                    "intends to continue to hold",
                ],
                &tr!(lang, "check-14a8-intent-to-hold-title"),
                tr!(lang, "check-14a8-intent-to-hold-missing"),
                "Rule 14a-8(b)(1)(ii)",
                Severity::Failed,
            ));
            if draft.template.front.kind == DocumentKind::FilingLetter {
                findings.push(present(
                    lang,
                    "14a8/proof-of-ownership",
                    &text,
                    &[
                        "proof of ownership",
                        "record holder",
                        "confirming",
                        "broker",
                    ],
                    &tr!(lang, "check-14a8-proof-of-ownership-title"),
                    tr!(lang, "check-14a8-proof-of-ownership-missing"),
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
                    &tr!(lang, "check-14a8-one-proposal-title"),
                    tr!(lang, "check-14a8-one-proposal-reminder"),
                    "Rule 14a-8(c)",
                ));
            }
        }
        DocumentKind::OwnershipRequest | DocumentKind::EngagementLetter => {}
    }
    Ok(findings)
}

fn recital_citations(lang: Lang, paragraphs: &[(String, bool)]) -> Vec<Finding> {
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
            &tr!(lang, "check-14a8-no-recitals-title"),
            tr!(lang, "check-14a8-no-recitals"),
            "Rule 14a-8(i)(3)",
        )]
    } else if uncited.is_empty() {
        vec![Finding::new(
            "14a8/recital-citations",
            Severity::Passed,
            &tr!(lang, "check-14a8-recitals-cited-title"),
            tr!(lang, "check-14a8-recitals-cited", count = recitals.len()),
            "Rule 14a-8(i)(3)",
        )]
    } else {
        let title = tr!(lang, "check-14a8-recital-uncited-title");
        uncited
            .into_iter()
            .map(|text| {
                Finding::new(
                    "14a8/recital-citations",
                    Severity::Warning,
                    &title,
                    tr!(lang, "check-14a8-recital-uncited", recital = text),
                    "Rule 14a-8(i)(3)",
                )
            })
            .collect()
    }
}

/// Wording in the RESOLVED clause that invites exclusion.
fn resolved_wording(lang: Lang, paragraphs: &[(String, bool)]) -> Vec<Finding> {
    let Some((resolved, _)) = paragraphs
        .iter()
        .find(|(t, _)| t.trim_start().to_lowercase().starts_with("resolved"))
    else {
        return vec![Finding::new(
            "14a8/resolved-clause",
            Severity::Warning,
            &tr!(lang, "check-14a8-no-resolved-title"),
            tr!(lang, "check-14a8-no-resolved"),
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
            &tr!(lang, "check-14a8-report-qualifier-title"),
            tr!(lang, "check-14a8-report-qualifier"),
            "Rule 14a-8(i)(7); esginvestor.net/secrets-to-shareholder-proposal-success/",
        ));
    }
    for (phrase, what) in prescriptive_phrases(&lower) {
        findings.push(Finding::new(
            "14a8/micromanagement",
            Severity::Warning,
            &tr!(lang, "check-14a8-prescriptive-title"),
            tr!(
                lang,
                "check-14a8-prescriptive",
                what = what,
                phrase = phrase
            ),
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
                &tr!(lang, "check-14a8-already-done-title"),
                tr!(lang, "check-14a8-already-done", ask = ask),
                "Rule 14a-8(i)(10)",
            ));
        }
    }
    if findings.is_empty() {
        findings.push(Finding::new(
            "14a8/wording",
            Severity::Passed,
            &tr!(lang, "check-14a8-wording-title"),
            tr!(lang, "check-14a8-wording"),
            "Rule 14a-8(i)(7)",
        ));
    }
    findings
}

/// Deadlines ("within 90 days", "no later than", "by June 30"), obligations
/// ("must", "shall", "require the board") and methods or metrics named in
/// the ask, each with what it sets (`deadline`, `obligation`, `order`,
/// `metric`, as the finding's message tells them apart).
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
                found.push((format!("within {next} {after}"), "deadline"))
            }
            "later" if i > 0 && words[i - 1] == "no" && next == "than" => {
                found.push(("no later than".to_owned(), "deadline"))
            }
            "by" if ENGLISH_MONTHS.iter().any(|m| m.eq_ignore_ascii_case(next)) => {
                found.push((format!("by {next}"), "deadline"))
            }
            "must" | "shall" => found.push(((*word).to_owned(), "obligation")),
            "require" | "requires" if next == "the" && after == "board" => {
                found.push(("require the board".to_owned(), "order"))
            }
            "metric" | "metrics" | "kpi" | "kpis" => found.push(((*word).to_owned(), "metric")),
            _ => {}
        }
    }
    found.dedup();
    found
}

/// Rule 14a-8(b)(1)(iii): meeting 10 to 30 calendar days after submission.
fn engagement(draft: &Draft, submitted: Date, window: Option<[i64; 2]>) -> Finding {
    const ID: &str = "14a8/engagement";
    const REFERENCE: &str = "Rule 14a-8(b)(1)(iii)";
    let lang = draft.lang;
    let title = tr!(lang, "check-14a8-engagement-title");
    let Some([from, to]) = window else {
        return Finding::new(
            ID,
            Severity::Info,
            &title,
            tr!(lang, "check-14a8-engagement-not-required"),
            REFERENCE,
        );
    };
    let slots = engagement_slots(draft);
    if slots.is_empty() {
        return Finding::new(
            ID,
            Severity::Failed,
            &title,
            tr!(lang, "check-14a8-engagement-missing", from = from, to = to),
            REFERENCE,
        );
    }
    let zone = role(draft, &draft.template.front.checks.time_zone)
        .and_then(Value::as_str)
        .filter(|z| !z.is_empty());
    let problems = slot_problems(lang, &slots, submitted, [from, to], zone);
    if problems.is_empty() {
        Finding::new(
            ID,
            Severity::Passed,
            &title,
            tr!(
                lang,
                "check-14a8-engagement-within",
                count = slots.len(),
                from = from,
                to = to,
                submitted = long_date(lang, submitted)
            ),
            REFERENCE,
        )
    } else {
        Finding::new(
            ID,
            Severity::Failed,
            &title,
            tr!(
                lang,
                "check-14a8-engagement-outside",
                from = from,
                to = to,
                problems = problems.join(&list_separator(lang))
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
    lang: Lang,
    slots: &[String],
    submitted: Date,
    [from, to]: [i64; 2],
    zone: Option<&str>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for slot in slots {
        let Some(day) = find_us_date(slot) else {
            problems.push(tr!(lang, "check-slot-no-date", slot = slot.as_str()));
            continue;
        };
        let after = (day - submitted).whole_days();
        if after < from || after > to {
            problems.push(tr!(
                lang,
                "check-slot-outside-window",
                slot = slot.as_str(),
                days = days(lang, after),
                submitted = long_date(lang, submitted)
            ));
        }
        if let Some(company_zone) = zone {
            match crate::rules::zones::slot_time(lang, slot) {
                Ok((times, slot_zone)) => {
                    if let Err(outside) = crate::rules::zones::within_business_hours(
                        lang,
                        day,
                        times,
                        slot_zone,
                        company_zone,
                    ) {
                        problems.push(tr!(
                            lang,
                            "check-slot-problem",
                            slot = slot.as_str(),
                            problem = outside
                        ));
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
            &tr!(draft.lang, "check-filing-deadline-title"),
            tr!(draft.lang, "check-14a8-deadline-needs-proxy-date"),
            "Rule 14a-8(e)(2)",
        ));
    }
    let computed = crate::rules::deadline::sec_14a8(draft.lang, &dates, params);
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
    let result = eligibility::sec_14a8(draft.lang, amount, held_since, submitted, version);
    Some(Finding::new(
        "14a8/eligibility",
        if result.eligible {
            Severity::Passed
        } else {
            Severity::Failed
        },
        &tr!(draft.lang, "check-14a8-eligibility-title"),
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
        let findings = resolved_wording(Lang::En, &[(
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
        let findings = recital_citations(Lang::En, &paragraphs);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].severity, Severity::Warning);
        assert!(findings[0].reason.contains("an unsourced claim"));
    }

    #[test]
    fn report_without_qualifier_is_flagged() {
        let findings = resolved_wording(
            Lang::En,
            &[(
                "RESOLVED: shareholders request a report on X.".to_owned(),
                false,
            )],
        );
        assert!(findings.iter().any(|f| f.id == "14a8/report-qualifier"));
        let findings = resolved_wording(Lang::En, &[(
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
