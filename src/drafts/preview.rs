//! Renders a draft for its live preview (server only): the same pipeline as
//! the downloads, in the lenient mode that shows placeholders for what is
//! still missing, then the filing-rule checks.

use std::collections::BTreeMap;

use serde_json::Value;
use time::Date;

use super::{CheckItem, Preview, SuggestedAnswer, WordCount};
use crate::compose::{DocumentKind, Template};
use crate::evidence::{CitationStyle, Library};
use crate::i18n::tr;
use crate::i18n::Lang;
use crate::rules::campaign::CampaignDraft;
use crate::rules::{self, checks, params, Jurisdiction};

/// The live preview of a draft in the default citation style: its
/// campaign's other drafts (`members`, as the store found them) are checked
/// first, so findings across documents can join the draft's own. CPU work:
/// run it off the async workers.
pub fn live_preview(
    template: &Template,
    answers: &Value,
    dismissals: &BTreeMap<String, String>,
    library: &Library,
    members: Option<Vec<super::campaign::Member>>,
    today: Date,
    lang: Lang,
) -> Result<Preview, crate::evidence::CitationError> {
    let style = CitationStyle::by_name(crate::evidence::DEFAULT_STYLE)?;
    let others = members.map(|members| {
        let read: Vec<_> = members
            .into_iter()
            .filter(|m| crate::rules::campaign::looks_at(m.template.front.kind))
            .collect();
        super::campaign::check_members(read, library, &style, today, lang)
    });
    Ok(preview(
        template,
        answers,
        dismissals,
        library,
        &style,
        others.as_deref(),
        Reader { today, lang },
    ))
}

/// When and for whom a preview is made: the day its checks are made as of,
/// and the language its findings are worded in.
#[derive(Debug, Clone, Copy)]
pub struct Reader {
    pub today: Date,
    pub lang: Lang,
}

/// The preview of `answers`. `campaign` holds the campaign's other drafts,
/// checked, when the draft belongs to one (see `drafts::campaign`); their
/// findings across documents replace the single-document ones of the same id.
pub fn preview(
    template: &Template,
    answers: &Value,
    dismissals: &BTreeMap<String, String>,
    library: &Library,
    style: &CitationStyle,
    campaign: Option<&[CampaignDraft]>,
    Reader { today, lang }: Reader,
) -> Preview {
    let today_text = today.to_string();
    let crate::render::DraftPreview {
        document,
        problems,
        answers: checked,
    } = match crate::render::preview(template, answers, library, style, &today_text) {
        Ok(done) => done,
        Err(error) => {
            return Preview {
                error: Some(error.message().words(lang)),
                ..Preview::default()
            }
        }
    };
    let counted = rules::words::count(&document).total();
    let words = word_count(lang, template, counted, today);
    let draft = checks::Draft {
        template,
        answers: &checked,
        document: &document,
        lang,
    };
    let checks = match checks::check(&draft, today) {
        Ok(mut findings) => {
            if let Some(others) = campaign {
                let this = CampaignDraft {
                    id: 0,
                    title: String::new(),
                    kind: template.front.kind,
                    proponent: super::campaign::proponent(template, &checked),
                    checked: true,
                    findings: Vec::new(),
                };
                let across = rules::campaign::check(&this, others, lang);
                findings.retain(|f| !across.iter().any(|a| a.id == f.id));
                findings.extend(across);
            }
            for (id, reason) in dismissals {
                // A dismissal of a warning that no longer appears is kept
                // with the draft but has nothing to mark here.
                let _ = checks::dismiss(&mut findings, id, reason);
            }
            findings.into_iter().map(item).collect()
        }
        Err(error) => vec![CheckItem {
            id: "rules/unavailable".into(),
            severity: "failed".into(),
            title: tr!(lang, "check-rules-unavailable-title"),
            reason: error.message(lang),
            reference: String::new(),
            dismissed: None,
        }],
    };
    let suggestions = crate::rules::fills::suggest(&draft, answers, today)
        .into_iter()
        .map(|fill| SuggestedAnswer {
            field: fill.field,
            value: fill.value,
            reason: fill.reason,
        })
        .collect();
    Preview {
        html: crate::export::html::fragment_counted(&document, &rules::words::count_block),
        error: None,
        problems,
        words,
        checks,
        suggestions,
    }
}

/// A finding as the checks panels show it.
pub fn item(finding: checks::Finding) -> CheckItem {
    let severity = serde_json::to_value(finding.severity)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    CheckItem {
        id: finding.id,
        severity,
        title: finding.title,
        reason: finding.reason,
        reference: finding.reference,
        dismissed: finding.dismissed,
    }
}

/// The word count and, where the draft's rule sets one, its limit, with
/// what is counted said in `lang`.
fn word_count(lang: Lang, template: &Template, counted: usize, today: Date) -> WordCount {
    let jurisdiction = template
        .front
        .jurisdiction
        .as_deref()
        .and_then(|j| j.parse::<Jurisdiction>().ok());
    let limit = match (jurisdiction, template.front.kind) {
        (Some(Jurisdiction::UsSec14a8), DocumentKind::Resolution) => params::sec_14a8()
            .ok()
            .and_then(|rules| rules.in_force(today).ok().map(|v| v.parameters.word_limit))
            .map(|limit| (limit, "proposal")),
        (Some(Jurisdiction::UkCa2006S338), _) => params::uk_s338()
            .ok()
            .and_then(|rules| {
                rules
                    .in_force(today)
                    .ok()
                    .map(|v| v.parameters.statement_word_limit)
            })
            .map(|limit| (limit, "statement")),
        _ => None,
    };
    match limit {
        Some((limit, counts)) => WordCount {
            counted,
            limit: Some(limit),
            basis: tr!(lang, "check-word-count-limited", counts = counts),
        },
        None => WordCount {
            counted,
            limit: None,
            basis: tr!(lang, "check-word-count-unlimited"),
        },
    }
}
