//! A campaign's page, worked out on the server: each document checked on
//! its latest saved version, the checks across documents (a proposal
//! needs its filing letter, one proposal per proponent), which shared
//! answers each document overrides, and the filing deadline with the days
//! left. CPU work: run it off the async workers.

use std::sync::Arc;

use serde_json::{Map, Value};
use time::Date;

use super::campaign::{overrides, Campaign, CampaignDocument, CampaignPage, DeadlineView};
use crate::compose::Template;
use crate::drafts::campaign::{check_members, Member};
use crate::drafts::preview::item;
use crate::drafts::DraftSummary;
use crate::evidence::{CitationStyle, Library};
use crate::i18n::tr;
use crate::i18n::Lang;
use crate::rules::checks::{CheckError, Severity};
use crate::rules::{deadline, params, Jurisdiction};

/// A document of the campaign as the store found it.
pub struct Document {
    pub summary: DraftSummary,
    pub cofiler: Option<String>,
    pub template: Arc<Template>,
    pub answers: Map<String, Value>,
}

pub fn review(
    campaign: Campaign,
    documents: Vec<Document>,
    library: &Library,
    style: &CitationStyle,
    today: Date,
    lang: Lang,
) -> CampaignPage {
    let members: Vec<Member> = documents
        .iter()
        .map(|d| Member {
            id: d.summary.id,
            title: d.summary.title.clone(),
            template: d.template.clone(),
            answers: d.answers.clone(),
        })
        .collect();
    let checked = check_members(members, library, style, today, lang);
    let mut cofilers: Vec<String> = Vec::new();
    let mut pages = Vec::with_capacity(documents.len());
    for (index, document) in documents.into_iter().enumerate() {
        let this = &checked[index];
        // Only the kinds the checks across documents read (see `looks_at`),
        // and only for documents of those kinds: copying them for each of a
        // campaign's thousands of co-filer letters grew with the square.
        let across = if crate::rules::campaign::looks_at(this.kind) {
            let others: Vec<_> = checked
                .iter()
                .enumerate()
                .filter(|(i, d)| *i != index && crate::rules::campaign::looks_at(d.kind))
                .map(|(_, d)| d.clone())
                .collect();
            crate::rules::campaign::check(this, &others, lang)
        } else {
            Vec::new()
        };
        let count = |severity: Severity| {
            this.findings
                .iter()
                .chain(&across)
                .filter(|f| f.severity == severity)
                .count()
        };
        if let Some(name) = &document.cofiler {
            if !cofilers.contains(name) {
                cofilers.push(name.clone());
            }
        }
        pages.push(CampaignDocument {
            kind: document.template.front.kind.as_str().to_owned(),
            failed: count(Severity::Failed) + usize::from(!this.checked),
            warnings: count(Severity::Warning),
            overrides: overrides(&document.template, &campaign.shared, &document.answers),
            across: across.into_iter().map(item).collect(),
            unchecked: (!this.checked).then(|| tr!(lang, "check-campaign-document-unchecked")),
            cofiler: document.cofiler,
            draft: document.summary,
        });
    }
    let (deadline, deadline_missing) = match campaign_deadline(lang, &campaign, today) {
        Ok(deadline) => (Some(deadline), None),
        Err(missing) => (None, Some(missing)),
    };
    CampaignPage {
        campaign,
        documents: pages,
        cofilers,
        deadline,
        deadline_missing,
    }
}

/// The filing deadline under the campaign's rules, or what is missing to
/// compute it, worded in `lang`.
fn campaign_deadline(lang: Lang, campaign: &Campaign, today: Date) -> Result<DeadlineView, String> {
    let shared = &campaign.shared;
    let date = |text: &Option<String>| text.as_deref().and_then(crate::text::parse_date);
    let jurisdiction: Jurisdiction = campaign
        .jurisdiction
        .parse()
        .map_err(|_| CheckError::Jurisdiction(campaign.jurisdiction.clone()).message(lang))?;
    let unavailable = |e: params::ParamsError| {
        tr!(
            lang,
            "check-campaign-rules-unavailable",
            error = CheckError::from(e).message(lang)
        )
    };
    let computed = match jurisdiction {
        Jurisdiction::UsSec14a8 => {
            if shared.prior_proxy_date.is_none() {
                return Err(tr!(lang, "check-campaign-deadline-needs-proxy-date"));
            }
            let rules = params::sec_14a8().map_err(unavailable)?;
            let dates = deadline::Sec14a8Dates {
                prior_proxy_date: date(&shared.prior_proxy_date),
                meeting_date: date(&shared.meeting_date),
                prior_meeting_date: date(&shared.prior_meeting_date),
            };
            deadline::sec_14a8(lang, &dates, rules.in_force(today).map_err(unavailable)?)
        }
        Jurisdiction::UkCa2006S338 => {
            let meeting = date(&shared.meeting_date)
                .ok_or_else(|| tr!(lang, "check-campaign-deadline-needs-meeting-uk"))?;
            let rules = params::uk_s338().map_err(unavailable)?;
            deadline::uk_s338(
                lang,
                meeting,
                None,
                rules.in_force(today).map_err(unavailable)?,
            )
        }
        Jurisdiction::FrCodeCommerce => {
            let meeting = date(&shared.meeting_date)
                .ok_or_else(|| tr!(lang, "check-campaign-deadline-needs-meeting-fr"))?;
            let rules = params::fr_code_commerce().map_err(unavailable)?;
            deadline::fr_code_commerce(
                lang,
                meeting,
                None,
                rules.in_force(today).map_err(unavailable)?,
            )
        }
    };
    Ok(DeadlineView {
        date: computed.date.map(|d| d.to_string()),
        days_left: computed.date.map(|d| (d - today).whole_days()),
        steps: computed.steps,
        judgement: computed.judgement,
        reference: computed.reference,
    })
}
