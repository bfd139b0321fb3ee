//! A draft's campaign, gathered from the store: the other drafts for the
//! same company's meeting, each checked on its latest saved version, so the
//! campaign checks (`rules::campaign`) can look across documents.

use std::sync::Arc;

use serde_json::{Map, Value};
use time::Date;

use super::company_name;
use crate::accounts::OrgId;
use crate::compose::Template;
use crate::evidence::{CitationStyle, Library};
use crate::rules::campaign::CampaignDraft;
use crate::rules::{checks, Jurisdiction};
use crate::store::drafts::DraftFilter;
use crate::store::{Store, StoreError};

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
        let company = company_name(&template.front.fields, answers).to_lowercase();
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

/// Another draft of the campaign, as saved, before its checks are run.
pub struct Member {
    id: i64,
    title: String,
    template: Arc<Template>,
    answers: Map<String, Value>,
}

/// The campaign's other drafts (not archived, not `this_id`).
pub async fn members(
    store: &Store,
    org: OrgId,
    this_id: i64,
    key: &CampaignKey,
) -> Result<Vec<Member>, StoreError> {
    let filter = DraftFilter {
        text: key.company.clone(),
        status: None,
        include_archived: false,
    };
    let mut members = Vec::new();
    for summary in store.list_drafts(org, &filter).await? {
        if summary.id == this_id || summary.company.to_lowercase() != key.company {
            continue;
        }
        let (_, template) = store.draft_template(org, summary.id).await?;
        let (_, version) = store.draft(org, summary.id).await?;
        if CampaignKey::of(&template, &version.answers).as_ref() == Some(key) {
            members.push(Member {
                id: summary.id,
                title: summary.title,
                template,
                answers: version.answers,
            });
        }
    }
    Ok(members)
}

/// Runs each member's own checks (CPU work: call off the async workers).
pub fn check_members(
    members: Vec<Member>,
    library: &Library,
    style: &CitationStyle,
    today: Date,
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
