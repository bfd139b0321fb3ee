//! A campaign: one company's meeting, a lead filer, co-filers and the
//! drafts that belong to it. Its shared answers are entered once and flow
//! into each document through the template's check roles; a document that
//! answers one differently overrides it, and keeps its own answer when the
//! campaign's changes. Shared with the browser (the types); the server
//! applies the answers to drafts.

use serde::{Deserialize, Serialize};

use crate::drafts::{CheckItem, DraftSummary};
use crate::i18n::{msg, Lang, Message};

/// The longest campaign name or shared text answer.
pub const MAX_TEXT: usize = 300;

/// The answers every document of a campaign shares.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shared {
    pub company: String,
    /// The company's address, as letters print it (optional).
    #[serde(default)]
    pub company_address: String,
    pub meeting_year: Option<i64>,
    /// `YYYY-MM-DD`: last year's proxy statement release (the 14a-8 deadline).
    #[serde(default)]
    pub prior_proxy_date: Option<String>,
    /// `YYYY-MM-DD`: this year's meeting, when known.
    #[serde(default)]
    pub meeting_date: Option<String>,
    /// `YYYY-MM-DD`: last year's meeting.
    #[serde(default)]
    pub prior_meeting_date: Option<String>,
    #[serde(default)]
    pub proposal_title: String,
    #[serde(default)]
    pub lead_filer: String,
}

/// A campaign as it is stored and edited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Campaign {
    pub id: i64,
    pub name: String,
    /// As templates name it: `us-sec-14a8`, `uk-ca2006-s338`, `fr-code-commerce`.
    pub jurisdiction: String,
    pub shared: Shared,
    /// Raised by each edit: an edit made on an older revision is refused.
    pub revision: i64,
    pub updated_at: String,
}

/// A campaign in the list of an organisation's campaigns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignSummary {
    pub id: i64,
    pub name: String,
    pub company: String,
    pub meeting_year: Option<i64>,
    pub documents: i64,
    pub updated_at: String,
}

/// The filing deadline of a campaign, as its page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeadlineView {
    /// `YYYY-MM-DD`, or none when the rule leaves it to judgement.
    pub date: Option<String>,
    /// Days from today; negative once passed.
    pub days_left: Option<i64>,
    pub steps: Vec<String>,
    pub judgement: Option<String>,
    pub reference: String,
}

/// One document of a campaign, with its checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignDocument {
    pub draft: DraftSummary,
    /// The kind of document (`resolution`, `cofiler-letter`, …).
    pub kind: String,
    /// The co-filer the document was made for, when imported from a list.
    pub cofiler: Option<String>,
    /// Counts of the document's own findings and those across documents.
    pub failed: usize,
    pub warnings: usize,
    /// Shared answers this document answers differently (their labels).
    pub overrides: Vec<String>,
    /// Findings across the campaign's documents for this one.
    pub across: Vec<CheckItem>,
    /// Set when the document's checks could not run (its template fails).
    pub unchecked: Option<String>,
}

/// Everything the campaign page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignPage {
    pub campaign: Campaign,
    pub documents: Vec<CampaignDocument>,
    pub cofilers: Vec<String>,
    pub deadline: Option<DeadlineView>,
    /// Why no deadline is shown (a missing date), when none is.
    pub deadline_missing: Option<String>,
}

/// A shared answer, and what it is called on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SharedAnswer {
    Company,
    MeetingYear,
    PriorProxyDate,
    MeetingDate,
    PriorMeetingDate,
    ProposalTitle,
    LeadFiler,
}

impl SharedAnswer {
    pub const ALL: [SharedAnswer; 7] = [
        SharedAnswer::Company,
        SharedAnswer::MeetingYear,
        SharedAnswer::PriorProxyDate,
        SharedAnswer::MeetingDate,
        SharedAnswer::PriorMeetingDate,
        SharedAnswer::ProposalTitle,
        SharedAnswer::LeadFiler,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SharedAnswer::Company => "company",
            SharedAnswer::MeetingYear => "meeting year",
            SharedAnswer::PriorProxyDate => "last year's proxy release",
            SharedAnswer::MeetingDate => "meeting date",
            SharedAnswer::PriorMeetingDate => "last year's meeting",
            SharedAnswer::ProposalTitle => "proposal title",
            SharedAnswer::LeadFiler => "lead filer",
        }
    }
}

/// What an edit of the shared answers did to the campaign's documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignUpdate {
    pub revision: i64,
    /// Each document given a new version, with the answers that changed.
    pub updated: Vec<String>,
}

/// A problem with a campaign's own answers, naming the answer.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct CampaignInputError {
    pub field: &'static str,
    pub message: Message,
}

impl CampaignInputError {
    /// The problem in `lang`, after the answer's name as the form labels it.
    pub fn words(&self, lang: Lang) -> String {
        msg!(
            "campaigns-input-problem",
            field = self.field,
            problem = self.message.clone()
        )
        .words(lang)
    }
}

impl Shared {
    /// Checks the answers as the campaign form sends them: the company is
    /// named, dates are dates, the year is a year, texts are one line of
    /// acceptable characters.
    pub fn check(&self) -> Result<(), CampaignInputError> {
        let fail = |field, message: Message| Err(CampaignInputError { field, message });
        if self.company.trim().is_empty() {
            return fail("company", msg!("campaigns-input-company-missing"));
        }
        for (field, text) in [
            ("company", &self.company),
            ("company_address", &self.company_address),
            ("proposal_title", &self.proposal_title),
            ("lead_filer", &self.lead_filer),
        ] {
            check_text(field, text, field == "company_address")?;
        }
        if let Some(year) = self.meeting_year {
            if !(1900..=2200).contains(&year) {
                return fail(
                    "meeting_year",
                    msg!("campaigns-input-bad-year", year = year),
                );
            }
        }
        for (field, date) in [
            ("prior_proxy_date", &self.prior_proxy_date),
            ("meeting_date", &self.meeting_date),
            ("prior_meeting_date", &self.prior_meeting_date),
        ] {
            if let Some(date) = date {
                if crate::text::parse_date(date).is_none() {
                    return fail(
                        field,
                        msg!("campaigns-input-bad-date", text = date.as_str()),
                    );
                }
            }
        }
        Ok(())
    }

    /// The answers with blanks made `None` and spaces trimmed, as stored.
    pub fn tidied(mut self) -> Shared {
        self.company = self.company.trim().to_owned();
        self.company_address = self.company_address.trim().to_owned();
        self.proposal_title = self.proposal_title.trim().to_owned();
        self.lead_filer = self.lead_filer.trim().to_owned();
        for date in [
            &mut self.prior_proxy_date,
            &mut self.meeting_date,
            &mut self.prior_meeting_date,
        ] {
            *date = date
                .take()
                .map(|d| d.trim().to_owned())
                .filter(|d| !d.is_empty());
        }
        self
    }
}

/// Checks a campaign name: one line, not empty, not too long.
pub fn check_name(name: &str) -> Result<String, CampaignInputError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(CampaignInputError {
            field: "name",
            message: msg!("campaigns-input-name-missing"),
        });
    }
    check_text("name", name, false)?;
    Ok(name.to_owned())
}

fn check_text(field: &'static str, text: &str, multi_line: bool) -> Result<(), CampaignInputError> {
    let fail = |message: Message| Err(CampaignInputError { field, message });
    if text.chars().count() > MAX_TEXT {
        return fail(msg!("campaigns-input-too-long", max = MAX_TEXT));
    }
    if !multi_line && text.contains('\n') {
        return fail(msg!("answer-single-line"));
    }
    if let Some(problem) = crate::text::refusal(text) {
        return fail(problem);
    }
    Ok(())
}

#[cfg(feature = "ssr")]
pub use answers::{carry_over, fill, jurisdiction, overrides, target_field};

/// How shared answers reach a template's fields (server only).
#[cfg(feature = "ssr")]
mod answers {
    use serde_json::{Map, Value};

    use super::{Shared, SharedAnswer};
    use crate::compose::{FieldType, Template};

    /// A campaign's rules as templates name them, checked.
    pub fn jurisdiction(text: &str) -> Result<String, super::CampaignInputError> {
        text.parse::<crate::rules::Jurisdiction>()
            .map(|j| j.to_string())
            .map_err(|_| super::CampaignInputError {
                field: "jurisdiction",
                message: crate::i18n::msg!("campaigns-input-unknown-rules", given = text),
            })
    }

    /// The field of `template` that takes `answer`: the company field, or
    /// the field of the matching check role (the lead filer goes to the
    /// `lead_filer` role, else to the `proponent`).
    pub fn target_field(template: &Template, answer: SharedAnswer) -> Option<&str> {
        let roles = &template.front.checks;
        match answer {
            SharedAnswer::Company => template
                .front
                .fields
                .iter()
                .find(|f| f.field_type == FieldType::Company)
                .map(|f| f.id.as_str()),
            SharedAnswer::MeetingYear => roles.meeting_year.as_deref(),
            SharedAnswer::PriorProxyDate => roles.prior_proxy_date.as_deref(),
            SharedAnswer::MeetingDate => roles.meeting_date.as_deref(),
            SharedAnswer::PriorMeetingDate => roles.prior_meeting_date.as_deref(),
            SharedAnswer::ProposalTitle => roles.proposal_title.as_deref(),
            SharedAnswer::LeadFiler => roles.lead_filer.as_deref().or(roles.proponent.as_deref()),
        }
    }

    /// The answer as a field of its kind holds it; `None` when the
    /// campaign leaves it blank.
    fn value(shared: &Shared, answer: SharedAnswer) -> Option<Value> {
        let text = |t: &str| (!t.is_empty()).then(|| Value::String(t.to_owned()));
        match answer {
            SharedAnswer::Company => {
                let mut company = Map::new();
                company.insert("name".into(), text(&shared.company)?);
                if let Some(address) = text(&shared.company_address) {
                    company.insert("address".into(), address);
                }
                Some(Value::Object(company))
            }
            SharedAnswer::MeetingYear => shared.meeting_year.map(Value::from),
            SharedAnswer::PriorProxyDate => shared.prior_proxy_date.as_deref().and_then(text),
            SharedAnswer::MeetingDate => shared.meeting_date.as_deref().and_then(text),
            SharedAnswer::PriorMeetingDate => shared.prior_meeting_date.as_deref().and_then(text),
            SharedAnswer::ProposalTitle => text(&shared.proposal_title),
            SharedAnswer::LeadFiler => text(&shared.lead_filer),
        }
    }

    /// Writes the campaign's answers into a new document's answers.
    pub fn fill(template: &Template, shared: &Shared, answers: &mut Map<String, Value>) {
        for answer in SharedAnswer::ALL {
            if let (Some(field), Some(value)) =
                (target_field(template, answer), value(shared, answer))
            {
                answers.insert(field.to_owned(), value);
            }
        }
    }

    fn is_blank(value: Option<&Value>) -> bool {
        match value {
            None | Some(Value::Null) => true,
            Some(Value::String(s)) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The answers after the campaign's shared answers changed from `old`
    /// to `new`: each field that held the old answer (or nothing) takes the
    /// new one; a field answered otherwise is the document's override and
    /// stays. `None` when nothing changes; else the labels changed.
    pub fn carry_over(
        template: &Template,
        old: &Shared,
        new: &Shared,
        answers: &Map<String, Value>,
    ) -> Option<(Map<String, Value>, Vec<&'static str>)> {
        let mut next = answers.clone();
        let mut changed = Vec::new();
        for answer in SharedAnswer::ALL {
            let Some(field) = target_field(template, answer) else {
                continue;
            };
            let (before, after) = (value(old, answer), value(new, answer));
            if before == after {
                continue;
            }
            let current = answers.get(field);
            if current != before.as_ref() && !is_blank(current) {
                continue;
            }
            match after {
                Some(value) => next.insert(field.to_owned(), value),
                None => next.remove(field),
            };
            changed.push(answer.label());
        }
        (!changed.is_empty()).then_some((next, changed))
    }

    /// The shared answers a document answers otherwise (their labels).
    pub fn overrides(
        template: &Template,
        shared: &Shared,
        answers: &Map<String, Value>,
    ) -> Vec<String> {
        SharedAnswer::ALL
            .into_iter()
            .filter(|answer| {
                target_field(template, *answer).is_some_and(|field| {
                    let current = answers.get(field);
                    !is_blank(current) && current != value(shared, *answer).as_ref()
                })
            })
            .map(|answer| answer.label().to_owned())
            .collect()
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use serde_json::{json, Map, Value};

    use super::*;
    use crate::compose::Template;

    fn cofiler_letter() -> Template {
        Template::parse(
            include_str!("../../templates/cofiler-authorisation.md"),
            "cofiler-authorisation.md",
        )
        .expect("the built-in template parses")
    }

    fn shared() -> Shared {
        Shared {
            company: "Example Systems Inc.".into(),
            meeting_year: Some(2027),
            lead_filer: "Lead Pension Fund".into(),
            proposal_title: "Report on contracts in conflict-affected areas".into(),
            ..Shared::default()
        }
    }

    fn object(value: Value) -> Map<String, Value> {
        value.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn shared_answers_fill_the_fields_of_their_roles() {
        let template = cofiler_letter();
        let mut answers = Map::new();
        fill(&template, &shared(), &mut answers);
        assert_eq!(answers["company"], json!({"name": "Example Systems Inc."}));
        assert_eq!(answers["meeting_year"], json!(2027));
        assert_eq!(answers["lead_filer"], json!("Lead Pension Fund"));
        assert_eq!(
            answers["proposal_title"],
            json!("Report on contracts in conflict-affected areas")
        );
    }

    #[test]
    fn a_change_reaches_documents_that_kept_the_shared_answer_but_not_overrides() {
        let template = cofiler_letter();
        let old = shared();
        let new = Shared {
            meeting_year: Some(2028),
            lead_filer: "Another Lead".into(),
            ..old.clone()
        };
        // This document kept the year but named its own lead filer.
        let answers = object(json!({
            "company": {"name": "Example Systems Inc."},
            "meeting_year": 2027,
            "lead_filer": "Its Own Lead",
        }));
        let (next, changed) = carry_over(&template, &old, &new, &answers).expect("a change");
        assert_eq!(next["meeting_year"], json!(2028));
        assert_eq!(next["lead_filer"], json!("Its Own Lead"));
        assert_eq!(changed, vec!["meeting year"]);
        assert_eq!(overrides(&template, &new, &next), vec!["lead filer"]);
        assert!(carry_over(&template, &new, &new, &next).is_none());
    }

    #[test]
    fn bad_shared_answers_name_their_field() {
        let bad_date = Shared {
            meeting_date: Some("next spring".into()),
            ..shared()
        };
        assert_eq!(bad_date.check().unwrap_err().field, "meeting_date");
        let no_company = Shared {
            company: "  ".into(),
            ..shared()
        };
        assert_eq!(no_company.check().unwrap_err().field, "company");
        assert!(shared().check().is_ok());
        assert_eq!(check_name(" ").unwrap_err().field, "name");
    }
}
