//! What the packs share: reading a draft's answers by their check role,
//! the document's text, deadlines and how findings word counts and days.

use serde_json::Value;
use time::Date;

use crate::document::{Document, Inline};
use crate::i18n::tr;
use crate::i18n::{long_date, Lang};
use crate::text::parse_date;

use super::{Draft, Finding, Severity};

pub(crate) fn word_limit(
    lang: Lang,
    id: &str,
    count: usize,
    limit: usize,
    reference: &str,
) -> Finding {
    let (severity, reason) = if count <= limit {
        (
            Severity::Passed,
            tr!(
                lang,
                "check-word-limit-within",
                count = count,
                limit = limit
            ),
        )
    } else {
        (
            Severity::Failed,
            tr!(
                lang,
                "check-word-limit-over",
                count = count,
                over = count - limit,
                limit = limit
            ),
        )
    };
    Finding::new(
        id,
        severity,
        &tr!(lang, "check-word-limit-title"),
        reason,
        reference,
    )
}

/// The document's text in lower case, for phrase checks.
pub(crate) fn lower_text(document: &Document) -> String {
    paragraphs(document)
        .iter()
        .map(|(t, _)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n")
        .to_lowercase()
        // Typographic apostrophes (as French is typed) match the phrase lists' straight ones.
        .replace('’', "'")
}

/// Passed when `text` has one of `phrases`, quoting it; else `missing`
/// with `severity`. `title` and `missing` come worded in `lang`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn present(
    lang: Lang,
    id: &str,
    text: &str,
    phrases: &[&str],
    title: &str,
    missing: String,
    reference: &str,
    severity: Severity,
) -> Finding {
    match phrases.iter().find(|p| contains_words(text, p)) {
        Some(found) => Finding::new(
            id,
            Severity::Passed,
            title,
            tr!(lang, "check-phrase-found", phrase = *found),
            reference,
        ),
        None => Finding::new(id, severity, title, missing, reference),
    }
}

pub(crate) fn role<'a>(draft: &'a Draft, role: &Option<String>) -> Option<&'a Value> {
    role.as_ref()
        .and_then(|field| draft.answers.get(field))
        .filter(|v| !v.is_null())
}

pub(crate) fn role_date(draft: &Draft, field: &Option<String>) -> Option<Date> {
    role(draft, field)
        .and_then(Value::as_str)
        .and_then(parse_date)
}

/// Which meeting a deadline counts back from, as the findings name it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Meeting {
    /// A UK public company's annual general meeting.
    Agm,
    /// A UK meeting to which a members' statement relates.
    Any,
    /// A French company's general meeting.
    General,
}

/// The deadline of a request counted back from the meeting (UK, France),
/// for templates whose checks name a `meeting_date`; says what it needs
/// while the date is not given.
pub(crate) fn meeting_deadline(
    id: &str,
    draft: &Draft,
    submitted: Date,
    (meeting, reference): (Meeting, &str),
    compute: impl FnOnce(Date) -> crate::rules::deadline::Deadline,
) -> Option<Finding> {
    let roles = &draft.template.front.checks;
    roles.meeting_date.as_ref()?;
    let Some(meeting_date) = role_date(draft, &roles.meeting_date) else {
        let meeting = match meeting {
            Meeting::Agm => "agm",
            Meeting::Any => "meeting",
            Meeting::General => "general",
        };
        return Some(Finding::new(
            id,
            Severity::Info,
            &tr!(draft.lang, "check-filing-deadline-title"),
            tr!(
                draft.lang,
                "check-deadline-needs-meeting",
                meeting = meeting
            ),
            reference,
        ));
    };
    judge_deadline(id, draft, submitted, compute(meeting_date))
}

/// A filing letter's date judged against a computed deadline: passed with
/// the days to spare, failed with the days late, a warning when the rule
/// leaves the date to judgement. The finding says how the date was reached.
pub(crate) fn judge_deadline(
    id: &str,
    draft: &Draft,
    submitted: Date,
    computed: crate::rules::deadline::Deadline,
) -> Option<Finding> {
    let lang = draft.lang;
    let title = tr!(lang, "check-filing-deadline-title");
    let how = computed.steps.join(" ");
    // Until the letter has a date, the check is of today's.
    let dated = if role_date(draft, &draft.template.front.checks.submission_date).is_some() {
        "yes"
    } else {
        "no"
    };
    let notes = computed.notes.join(" ");
    let finding = match (computed.date, computed.judgement) {
        (_, Some(judgement)) => Finding::new(
            id,
            Severity::Warning,
            &title,
            format!("{judgement} {how}"),
            &computed.reference,
        ),
        (Some(date), None) if submitted <= date => Finding::new(
            id,
            Severity::Passed,
            &title,
            tr!(
                lang,
                "check-deadline-in-time",
                deadline = long_date(lang, date),
                dated = dated,
                days = days(lang, (date - submitted).whole_days()),
                how = how,
                notes = notes
            )
            .trim_end()
            .to_owned(),
            &computed.reference,
        ),
        (Some(date), None) => Finding::new(
            id,
            Severity::Failed,
            &title,
            tr!(
                lang,
                "check-deadline-late",
                deadline = long_date(lang, date),
                dated = dated,
                days = days(lang, (submitted - date).whole_days()),
                how = how
            ),
            &computed.reference,
        ),
        (None, None) => return None,
    };
    Some(finding)
}

/// Whether `phrase` occurs in `text` as whole words: "signed" is not found
/// in "unsigned" or "designed".
pub(crate) fn contains_words(text: &str, phrase: &str) -> bool {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(phrase).any(|(at, _)| {
        !is_word(text[..at].chars().next_back())
            && !is_word(text[at + phrase.len()..].chars().next())
    })
}

/// "1 day", "12 days".
pub(crate) fn days(lang: Lang, n: i64) -> String {
    tr!(lang, "check-days", count = n)
}

/// What separates the items of a list inside a finding: "; ".
pub(crate) fn list_separator(lang: Lang) -> String {
    tr!(lang, "check-list-separator")
}

/// Paragraph texts with whether each cites a source.
pub(crate) fn paragraphs(document: &Document) -> Vec<(String, bool)> {
    document
        .inline_blocks()
        .into_iter()
        .map(|c| (Inline::plain_text(c), has_note(c)))
        .collect()
}

pub(crate) fn has_note(inlines: &[Inline]) -> bool {
    inlines.iter().any(|i| match i {
        Inline::NoteRef(_) => true,
        Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => has_note(c),
        _ => false,
    })
}

/// A default text's instructions to the drafter (a paragraph starting
/// "[Replace this"), still in the document: it must not be filed so.
pub(super) fn instructions_left(lang: Lang, document: &Document) -> Option<Finding> {
    let left = document
        .inline_blocks()
        .into_iter()
        .map(crate::document::Inline::plain_text)
        .find(|text| text.trim_start().starts_with("[Replace this"))?;
    let start: String = left.chars().take(80).collect();
    Some(Finding::new(
        "rules/instructions-left",
        Severity::Failed,
        &tr!(lang, "check-instructions-left-title"),
        tr!(lang, "check-instructions-left", start = start),
        "the template's default text",
    ))
}

/// Claims that can go stale — the library gives each the day it held — in a
/// draft dated more than six months after that day. The library states them
/// in the present tense ("has not disclosed", "is ongoing"), so the drafter
/// is asked to check that each still holds. No finding when the draft states
/// no such claim.
pub(crate) fn stale_claims(draft: &Draft, dated: Date) -> Option<Finding> {
    let mut claims = Vec::new();
    for answer in draft.answers.values() {
        dated_claims(answer, &mut claims);
    }
    if claims.is_empty() {
        return None;
    }
    let lang = draft.lang;
    let stale: Vec<String> = claims
        .iter()
        .filter(|(_, held)| crate::rules::calendar::months_after(*held, 6) < dated)
        .map(|(claim, held)| {
            tr!(
                lang,
                "check-stale-claim",
                claim = excerpt(claim),
                held = long_date(lang, *held)
            )
        })
        .collect();
    let (severity, reason) = if stale.is_empty() {
        (
            Severity::Passed,
            tr!(
                lang,
                "check-stale-claims-fresh",
                count = claims.len(),
                dated = long_date(lang, dated)
            ),
        )
    } else {
        (
            Severity::Warning,
            tr!(
                lang,
                "check-stale-claims-warning",
                dated = long_date(lang, dated),
                count = stale.len(),
                claims = stale.join(&list_separator(lang))
            ),
        )
    };
    Some(Finding::new(
        "evidence/stale-claims",
        severity,
        &tr!(lang, "check-stale-claims-title"),
        reason,
        "the “as of” day of each claim in the evidence library",
    ))
}

/// Every expanded evidence answer (an object with a `claim` and its
/// `as_of`), however deep in lists and groups.
fn dated_claims(value: &Value, found: &mut Vec<(String, Date)>) {
    match value {
        Value::Object(object) => {
            let claim = object.get("claim").and_then(Value::as_str);
            let held = object
                .get("as_of")
                .and_then(Value::as_str)
                .and_then(parse_date);
            if let (Some(claim), Some(held)) = (claim, held) {
                found.push((claim.to_owned(), held));
            } else {
                object.values().for_each(|v| dated_claims(v, found));
            }
        }
        Value::Array(items) => items.iter().for_each(|v| dated_claims(v, found)),
        _ => {}
    }
}

/// The claim's first words, enough to recognise it in a finding, without
/// the day it held that the documents print after it (the finding gives it).
fn excerpt(claim: &str) -> String {
    const WORDS: usize = 12;
    let claim = [" (as of ", " (au "]
        .iter()
        .filter_map(|printed| claim.rfind(printed))
        .min()
        .map_or(claim, |at| &claim[..at]);
    let words: Vec<&str> = claim.trim_end_matches('.').split_whitespace().collect();
    if words.len() <= WORDS {
        words.join(" ")
    } else {
        format!("{}…", words[..WORDS].join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::super::{check_text, severity_of, Severity};
    use serde_json::json;

    const LETTER: &str = "---\nid: letter\ntitle: Letter\nkind: engagement-letter\nlanguage: en\nfields:\n  - id: sent\n    label: Sent\n    type: date\nchecks:\n  submission_date: sent\n---\nx";

    #[test]
    fn a_claim_that_held_more_than_six_months_before_the_draft_is_warned_about() {
        let facts = json!([
            { "claim": "Company X has not publicly disclosed its review (as of 10 October 2025).", "as_of": "2025-10-10" },
            { "claim": "A claim that does not go stale." }
        ]);
        let within = check_text(LETTER, "x", json!({ "sent": "2026-04-10", "facts": facts }));
        assert_eq!(
            severity_of(&within, "evidence/stale-claims"),
            Severity::Passed
        );
        let later = check_text(LETTER, "x", json!({ "sent": "2026-04-11", "facts": facts }));
        let finding = later
            .iter()
            .find(|f| f.id == "evidence/stale-claims")
            .unwrap();
        assert_eq!(finding.severity, Severity::Warning);
        assert!(
            finding.reason.contains(
                "“Company X has not publicly disclosed its review” (as of Friday 10 October 2025)"
            ) && finding.reason.contains("Saturday 11 April 2026"),
            "{}",
            finding.reason
        );
    }

    #[test]
    fn a_draft_without_dated_claims_gets_no_finding_about_them() {
        let findings = check_text(LETTER, "x", json!({ "facts": [{ "claim": "Timeless." }] }));
        assert!(findings.iter().all(|f| f.id != "evidence/stale-claims"));
    }

    #[test]
    fn six_months_after_the_end_of_a_long_month_is_the_end_of_a_short_one() {
        use crate::rules::calendar::months_after;
        use time::macros::date;
        assert_eq!(
            months_after(date!(2025 - 08 - 31), 6),
            date!(2026 - 02 - 28)
        );
        assert_eq!(
            months_after(date!(2025 - 10 - 10), 6),
            date!(2026 - 04 - 10)
        );
        assert_eq!(
            months_after(date!(2023 - 08 - 31), 6),
            date!(2024 - 02 - 29)
        );
    }
}
