//! A draft's campaign, gathered from the store: the other drafts for the
//! same company's meeting, each checked on its latest saved version, so the
//! campaign checks (`rules::campaign`) can look across documents.

use std::sync::Arc;

use serde_json::{Map, Value};
use time::Date;

use super::company_name;
use crate::compose::Template;
use crate::evidence::{CitationStyle, Library};
use crate::i18n::Lang;
use crate::rules::campaign::CampaignDraft;
use crate::rules::{checks, Jurisdiction};

/// What groups drafts into a campaign: the company (ignoring case) and the
/// meeting year, read through the template's check roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignKey {
    company: String,
    meeting_year: i64,
}

impl CampaignKey {
    /// `None` for templates outside Rule 14a-8 (the only rules with
    /// campaign checks so far) or while company or year is unanswered.
    pub fn of(template: &Template, answers: &Map<String, Value>) -> Option<CampaignKey> {
        let jurisdiction: Jurisdiction = template.front.jurisdiction.as_deref()?.parse().ok()?;
        if jurisdiction != Jurisdiction::UsSec14a8 {
            return None;
        }
        let company = company_key(&company_name(&template.front.fields, answers));
        let year = template.front.checks.meeting_year.as_ref()?;
        let meeting_year = match answers.get(year)? {
            Value::Number(n) => n.as_i64()?,
            Value::String(s) => s.trim().parse().ok()?,
            _ => return None,
        };
        (!company.is_empty()).then_some(CampaignKey {
            company,
            meeting_year,
        })
    }

    /// The company, folded to lower case as [`company_key`] folds it.
    pub fn company(&self) -> &str {
        &self.company
    }
}

/// How drafts are grouped by company: the name folded to lower case.
pub fn company_key(company: &str) -> String {
    company.trim().to_lowercase()
}

/// The proponent a draft names, through its template's `proponent` role.
pub fn proponent(template: &Template, answers: &Map<String, Value>) -> String {
    template
        .front
        .checks
        .proponent
        .as_ref()
        .and_then(|field| answers.get(field))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// Another draft of the campaign, as saved, before its checks are run
/// (the store finds them: `Store::campaign_members`).
pub struct Member {
    pub id: i64,
    pub title: String,
    pub template: Arc<Template>,
    pub answers: Map<String, Value>,
}

/// Whether a draft made from `template` has checks across its campaign's
/// documents (proposals and filing letters do). For any other kind the
/// other drafts change nothing, so a preview need not read them.
pub fn checked_across_documents(template: &Template) -> bool {
    crate::rules::campaign::looks_at(template.front.kind)
}

/// Runs each member's own checks (CPU work: call off the async workers).
pub fn check_members(
    members: Vec<Member>,
    library: &Library,
    style: &CitationStyle,
    today: Date,
    lang: Lang,
) -> Vec<CampaignDraft> {
    members
        .into_iter()
        .map(|member| {
            let answers = Value::Object(member.answers.clone());
            let findings = crate::render::preview(
                &member.template,
                &answers,
                library,
                style,
                &today.to_string(),
            )
            .ok()
            .and_then(|preview| {
                let draft = checks::Draft {
                    template: &member.template,
                    answers: &preview.answers,
                    document: &preview.document,
                    lang,
                };
                checks::check(&draft, today).ok()
            });
            CampaignDraft {
                id: member.id,
                title: member.title,
                kind: member.template.front.kind,
                proponent: proponent(&member.template, &member.answers),
                checked: findings.is_some(),
                findings: findings.unwrap_or_default(),
            }
        })
        .collect()
}
