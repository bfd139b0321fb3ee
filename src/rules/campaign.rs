//! Checks across a campaign: the drafts meant for one company's meeting
//! (same company, same meeting year). Rule 14a-8 splits a filing over
//! documents: the proposal carries the text and its word limit, the filing
//! letter the intent-to-hold statement, proof of ownership and engagement
//! times. A proposal is only fileable with a sound letter beside it, and a
//! proponent may file one proposal per meeting.

use super::checks::{Finding, Severity};
use crate::compose::DocumentKind;
use crate::i18n::tr;
use crate::i18n::Lang;

/// One draft of the campaign, with the findings of its own checks.
#[derive(Debug, Clone)]
pub struct CampaignDraft {
    pub id: i64,
    pub title: String,
    pub kind: DocumentKind,
    /// As the draft names it; compared ignoring case and spacing.
    pub proponent: String,
    /// False when the draft's own checks could not run (its template
    /// fails to render); it then counts as failing.
    pub checked: bool,
    pub findings: Vec<Finding>,
}

/// Ids of the letter checks a proposal relies on.
const LETTER_CHECKS: [&str; 5] = [
    "14a8/intent-to-hold",
    "14a8/proof-of-ownership",
    "14a8/engagement",
    "14a8/eligibility",
    "14a8/deadline",
];

/// Whether the checks across a campaign read documents of `kind`: a
/// draft's preview checks only these of its campaign's other documents
/// (co-filers' letters and ownership requests, often dozens, are not read).
pub fn looks_at(kind: DocumentKind) -> bool {
    matches!(kind, DocumentKind::Resolution | DocumentKind::FilingLetter)
}

/// Findings for `this` draft given the campaign's other drafts (their
/// latest saved versions). Only 14a-8 proposals and filing letters have
/// campaign checks.
pub fn check(this: &CampaignDraft, others: &[CampaignDraft], lang: Lang) -> Vec<Finding> {
    match this.kind {
        DocumentKind::Resolution => vec![
            partner_finding(lang, this, others, &LETTER),
            one_proposal(lang, this, others),
        ],
        DocumentKind::FilingLetter => vec![
            partner_finding(lang, this, others, &PROPOSAL),
            one_proposal(lang, this, others),
        ],
        _ => Vec::new(),
    }
}

/// The drafts of `kind`, the proponent's own first: only those when there
/// are any, else all of that kind.
fn partners<'a>(
    this: &CampaignDraft,
    others: &'a [CampaignDraft],
    kind: DocumentKind,
) -> Vec<&'a CampaignDraft> {
    let of_kind: Vec<&CampaignDraft> = others.iter().filter(|d| d.kind == kind).collect();
    let own: Vec<&CampaignDraft> = of_kind
        .iter()
        .copied()
        .filter(|d| normalize(&d.proponent) == normalize(&this.proponent))
        .collect();
    if own.is_empty() {
        of_kind
    } else {
        own
    }
}

/// The other document a draft is filed with, as its campaign finding
/// names it. Its words are functions of the language rather than message
/// ids: `tr!` takes its id as a literal, so the catalogue tests see it.
struct Partner {
    kind: DocumentKind,
    id: &'static str,
    title: fn(Lang) -> String,
    reference: &'static str,
    /// Said when the campaign has no such draft.
    missing: fn(Lang) -> String,
    /// Said of the draft (its name given as `draft`) when its relevant checks pass.
    sound: fn(Lang, String) -> String,
    /// Which of its checks count.
    relevant: fn(&str) -> bool,
}

const LETTER: Partner = Partner {
    kind: DocumentKind::FilingLetter,
    id: "14a8/campaign-letter",
    title: |lang| tr!(lang, "check-campaign-letter-title"),
    reference: "Rule 14a-8(b)",
    missing: |lang| tr!(lang, "check-campaign-letter-missing"),
    sound: |lang, draft| tr!(lang, "check-campaign-letter-sound", draft = draft),
    relevant: |id| LETTER_CHECKS.contains(&id),
};

const PROPOSAL: Partner = Partner {
    kind: DocumentKind::Resolution,
    id: "14a8/campaign-proposal",
    title: |lang| tr!(lang, "check-campaign-proposal-title"),
    reference: "Rule 14a-8(d)",
    missing: |lang| tr!(lang, "check-campaign-proposal-missing"),
    sound: |lang, draft| tr!(lang, "check-campaign-proposal-sound", draft = draft),
    relevant: |_| true,
};

/// Whether the campaign has a sound draft of the partner's kind: any sound
/// one will do; otherwise the first one says what fails.
fn partner_finding(
    lang: Lang,
    this: &CampaignDraft,
    others: &[CampaignDraft],
    partner: &Partner,
) -> Finding {
    let candidates = partners(this, others, partner.kind);
    let sound = candidates
        .iter()
        .find(|d| failed_titles(lang, d, partner.relevant).is_empty());
    let title = (partner.title)(lang);
    let Some(draft) = sound.or(candidates.first()) else {
        return Finding::new(
            partner.id,
            Severity::Warning,
            &title,
            (partner.missing)(lang),
            partner.reference,
        );
    };
    let failing = failed_titles(lang, draft, partner.relevant);
    let (severity, reason) = if failing.is_empty() {
        (
            Severity::Passed,
            (partner.sound)(lang, describe(lang, draft)),
        )
    } else {
        (
            Severity::Warning,
            tr!(
                lang,
                "check-campaign-partner-fails",
                draft = describe(lang, draft),
                failing = failing.join(&tr!(lang, "check-list-separator"))
            ),
        )
    };
    Finding::new(partner.id, severity, &title, reason, partner.reference)
}

/// Rule 14a-8(c): one proposal per proponent per meeting.
fn one_proposal(lang: Lang, this: &CampaignDraft, others: &[CampaignDraft]) -> Finding {
    const ID: &str = "14a8/one-proposal";
    const REFERENCE: &str = "Rule 14a-8(c)";
    let title = tr!(lang, "check-14a8-one-proposal-title");
    let proponent = normalize(&this.proponent);
    if proponent.is_empty() {
        return Finding::new(
            ID,
            Severity::Info,
            &title,
            tr!(lang, "check-campaign-name-the-proponent"),
            REFERENCE,
        );
    }
    let own_proposals = usize::from(this.kind == DocumentKind::Resolution);
    let more: Vec<String> = others
        .iter()
        .filter(|d| d.kind == DocumentKind::Resolution && normalize(&d.proponent) == proponent)
        .map(|d| describe(lang, d))
        .collect();
    if own_proposals + more.len() > 1 {
        Finding::new(
            ID,
            Severity::Warning,
            &title,
            tr!(
                lang,
                "check-campaign-more-proposals",
                proponent = this.proponent.trim(),
                drafts = more.join(", ")
            ),
            REFERENCE,
        )
    } else {
        Finding::new(
            ID,
            Severity::Passed,
            &title,
            tr!(
                lang,
                "check-campaign-one-proposal",
                proponent = this.proponent.trim()
            ),
            REFERENCE,
        )
    }
}

/// Titles of the draft's failed checks among those `relevant` picks.
fn failed_titles(
    lang: Lang,
    draft: &CampaignDraft,
    relevant: impl Fn(&str) -> bool,
) -> Vec<String> {
    if !draft.checked {
        return vec![tr!(lang, "check-campaign-unchecked")];
    }
    draft
        .findings
        .iter()
        .filter(|f| relevant(&f.id) && f.severity == Severity::Failed)
        .map(|f| f.title.clone())
        .collect()
}

fn describe(lang: Lang, draft: &CampaignDraft) -> String {
    tr!(
        lang,
        "check-campaign-draft",
        id = draft.id,
        title = draft.title.as_str()
    )
}

fn normalize(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(id: i64, kind: DocumentKind, proponent: &str) -> CampaignDraft {
        CampaignDraft {
            id,
            title: format!("Draft {id}"),
            kind,
            proponent: proponent.into(),
            checked: true,
            findings: Vec::new(),
        }
    }

    fn severity(findings: &[Finding], id: &str) -> Severity {
        findings.iter().find(|f| f.id == id).unwrap().severity
    }

    /// The preview leaves out the documents `looks_at` refuses: they must
    /// not change any finding.
    #[test]
    fn documents_the_checks_do_not_look_at_change_nothing() {
        let kinds = [
            DocumentKind::Resolution,
            DocumentKind::FilingLetter,
            DocumentKind::CofilerLetter,
            DocumentKind::OwnershipRequest,
            DocumentKind::EngagementLetter,
        ];
        let all: Vec<CampaignDraft> = kinds
            .iter()
            .enumerate()
            .map(|(i, kind)| draft(i as i64 + 10, *kind, "Fund A"))
            .collect();
        let read: Vec<CampaignDraft> = all.iter().filter(|d| looks_at(d.kind)).cloned().collect();
        for kind in kinds {
            let this = draft(1, kind, "Fund A");
            assert_eq!(
                check(&this, &all, Lang::En),
                check(&this, &read, Lang::En),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn a_proposal_needs_a_sound_letter() {
        let proposal = draft(1, DocumentKind::Resolution, "Fund A");
        let found = check(&proposal, &[], Lang::En);
        assert_eq!(severity(&found, "14a8/campaign-letter"), Severity::Warning);

        let mut letter = draft(2, DocumentKind::FilingLetter, "Fund A");
        letter.findings.push(Finding::new(
            "14a8/intent-to-hold",
            Severity::Failed,
            "Intent to hold through the meeting",
            String::new(),
            "",
        ));
        let found = check(&proposal, std::slice::from_ref(&letter), Lang::En);
        let finding = found
            .iter()
            .find(|f| f.id == "14a8/campaign-letter")
            .unwrap();
        assert_eq!(finding.severity, Severity::Warning);
        assert!(
            finding
                .reason
                .contains("draft 2 “Draft 2” fails: Intent to hold"),
            "{}",
            finding.reason
        );

        letter.findings.clear();
        let found = check(&proposal, &[letter], Lang::En);
        assert_eq!(severity(&found, "14a8/campaign-letter"), Severity::Passed);
    }

    #[test]
    fn a_second_proposal_by_the_same_proponent_is_flagged() {
        let proposal = draft(1, DocumentKind::Resolution, "Fund  A");
        let others = [
            draft(2, DocumentKind::Resolution, "fund a"),
            draft(3, DocumentKind::Resolution, "Fund B"),
        ];
        let found = check(&proposal, &others, Lang::En);
        let finding = found.iter().find(|f| f.id == "14a8/one-proposal").unwrap();
        assert_eq!(finding.severity, Severity::Warning);
        assert!(finding.reason.contains("draft 2"), "{}", finding.reason);
        assert!(!finding.reason.contains("draft 3"), "{}", finding.reason);

        let letter = draft(4, DocumentKind::FilingLetter, "Fund B");
        let found = check(&letter, &others, Lang::En);
        assert_eq!(severity(&found, "14a8/one-proposal"), Severity::Passed);
        assert_eq!(severity(&found, "14a8/campaign-proposal"), Severity::Passed);
    }
}
