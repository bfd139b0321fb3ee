//! What the packs share: reading a draft's answers by their check role,
//! the document's text, deadlines and how findings word counts and days.

use serde_json::Value;
use time::Date;

use crate::document::{Document, Inline};
use crate::rules::deadline::long_date;
use crate::text::parse_date;

use super::{Draft, Finding, Severity};

pub(crate) fn word_limit(id: &str, count: usize, limit: usize, reference: &str) -> Finding {
    let (severity, reason) = if count <= limit {
        (
            Severity::Passed,
            format!("{count} words of the {limit} allowed (title, text and footnotes counted)."),
        )
    } else {
        (Severity::Failed, format!("{count} words: {} over the limit of {limit}. Shorten the recitals or the supporting statement.", count - limit))
    };
    Finding::new(id, severity, "Word limit", reason, reference)
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

pub(crate) fn present(
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
            format!("Found: “{found}”."),
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

/// The deadline of a request counted back from the meeting (UK, France),
/// for templates whose checks name a `meeting_date`; says what it needs
/// while the date is not given.
pub(crate) fn meeting_deadline(
    id: &str,
    draft: &Draft,
    submitted: Date,
    (meeting_name, reference): (&str, &str),
    compute: impl FnOnce(Date) -> crate::rules::deadline::Deadline,
) -> Option<Finding> {
    let roles = &draft.template.front.checks;
    roles.meeting_date.as_ref()?;
    let Some(meeting) = role_date(draft, &roles.meeting_date) else {
        return Some(Finding::new(
            id,
            Severity::Info,
            "Filing deadline",
            format!("Give the date of the {meeting_name} to check the request's date against the deadline."),
            reference,
        ));
    };
    judge_deadline(id, draft, submitted, compute(meeting))
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
    const TITLE: &str = "Filing deadline";
    let how = computed.steps.join(" ");
    // Until the letter has a date, the check is of today's.
    let dated = if role_date(draft, &draft.template.front.checks.submission_date).is_some() {
        "the letter is dated"
    } else {
        "the letter has no date yet and today is"
    };
    let notes = computed.notes.join(" ");
    let finding = match (computed.date, computed.judgement) {
        (_, Some(judgement)) => Finding::new(id, Severity::Warning, TITLE, format!("{judgement} {how}"), &computed.reference),
        (Some(date), None) if submitted <= date => Finding::new(
            id,
            Severity::Passed,
            TITLE,
            format!(
                "The company must receive the request by {}; {dated} {} before. {how} {notes}",
                long_date(date),
                days((date - submitted).whole_days())
            )
            .trim_end()
            .to_owned(),
            &computed.reference,
        ),
        (Some(date), None) => Finding::new(
            id,
            Severity::Failed,
            TITLE,
            format!(
                "The deadline was {}; {dated} {} after it, so the company may refuse the request. {how}",
                long_date(date),
                days((submitted - date).whole_days())
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
pub(crate) fn days(n: i64) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
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
pub(super) fn instructions_left(document: &crate::document::Document) -> Option<Finding> {
    let left = document
        .inline_blocks()
        .into_iter()
        .map(crate::document::Inline::plain_text)
        .find(|text| text.trim_start().starts_with("[Replace this"))?;
    let start: String = left.chars().take(80).collect();
    Some(Finding::new(
        "rules/instructions-left",
        Severity::Failed,
        "Instructions left in the text",
        format!("Replace the bracketed instructions with the draft's own text: “{start}…”"),
        "the template's default text",
    ))
}
