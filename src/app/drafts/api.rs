//! The drafts feature's server functions. Each one checks its input, calls
//! the store or the pipeline, and turns errors into messages; no logic here.

use std::collections::BTreeMap;

use leptos::prelude::*;

pub use crate::drafts::template_move::TemplateMove;

use crate::app::error::AppError;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::compose::{Field, Step};
use crate::drafts::{Change, DraftSummary, DraftVersion, Preview, SaveOutcome, SaveRequest};

/// Everything the wizard needs to edit a draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftEditor {
    pub draft: DraftSummary,
    pub version: DraftVersion,
    pub language: String,
    pub steps: Vec<Step>,
    pub fields: Vec<Field>,
    /// The newest version of the template, when newer than the draft's.
    pub newer_template: Option<i64>,
}

/// A version of a draft as the history page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionView {
    pub version: DraftVersion,
    /// (label, answer) in the template's order.
    pub answers: Vec<(String, String)>,
}

#[cfg(feature = "ssr")]
use crate::accounts::Permission;
#[cfg(feature = "ssr")]
use crate::app::calls::{bad_input, bad_message, caller, user_error};
#[cfg(feature = "ssr")]
use crate::drafts::DraftStatus;

/// A status as the forms send it (`draft`, `in-review`, `final`).
#[cfg(feature = "ssr")]
fn parse_status(text: &str) -> Result<DraftStatus, AppError> {
    DraftStatus::parse(text).map_err(|_| {
        let lang = crate::app::calls::language();
        bad_input(crate::i18n::tr!(
            lang,
            "drafts-status-unknown",
            status = text
        ))
    })
}

#[server(endpoint = "list_drafts")]
pub async fn list_drafts(
    text: String,
    status: String,
    include_archived: bool,
) -> Result<Vec<DraftSummary>, AppError> {
    use crate::store::drafts::DraftFilter;
    let status = match status.as_str() {
        "" | "any" => None,
        other => Some(parse_status(other)?),
    };
    let (store, caller) = caller(Permission::Read)?;
    let filter = DraftFilter {
        text,
        status,
        include_archived,
    };
    store
        .list_drafts(caller.org, &filter)
        .await
        .map_err(user_error)
}

/// Starts a draft from the newest version of a template, with its defaults
/// filled in, and opens it.
#[server(endpoint = "create_draft")]
pub async fn create_draft(template_id: String, title: String) -> Result<i64, AppError> {
    use crate::drafts::DraftTitle;
    let (store, caller) = caller(Permission::Draft)?;
    let stored = store
        .latest_template(caller.org, &template_id)
        .await
        .map_err(user_error)?;
    let title = if title.trim().is_empty() {
        stored.template.front.title.clone()
    } else {
        title
    };
    let title = DraftTitle::parse(&title).map_err(bad_message)?;
    let defaults: Map<String, Value> = stored
        .template
        .front
        .fields
        .iter()
        .filter_map(|f| f.default.clone().map(|d| (f.id.clone(), d)))
        .collect();
    let id = store
        .create_draft(&caller, &title, &stored, defaults)
        .await
        .map_err(user_error)?;
    leptos_axum::redirect(&format!("/drafts/{id}"));
    Ok(id)
}

#[server(endpoint = "duplicate_draft")]
pub async fn duplicate_draft(id: i64) -> Result<i64, AppError> {
    let lang = crate::app::calls::language();
    let (store, caller) = caller(Permission::Draft)?;
    store
        .duplicate_draft(&caller, id, lang)
        .await
        .map_err(user_error)
}

#[server(endpoint = "archive_draft")]
pub async fn archive_draft(id: i64, archived: bool) -> Result<(), AppError> {
    let (store, caller) = caller(Permission::Draft)?;
    store
        .set_draft_archived(caller.org, id, archived)
        .await
        .map_err(user_error)
}

#[server(endpoint = "set_draft_status")]
pub async fn set_draft_status(id: i64, status: String) -> Result<(), AppError> {
    let status = parse_status(&status)?;
    let (store, caller) = caller(Permission::Draft)?;
    store
        .set_draft_status(caller.org, id, status)
        .await
        .map_err(user_error)
}

#[server(endpoint = "rename_draft")]
pub async fn rename_draft(id: i64, title: String) -> Result<(), AppError> {
    let title = crate::drafts::DraftTitle::parse(&title).map_err(bad_message)?;
    let (store, caller) = caller(Permission::Draft)?;
    store
        .rename_draft(caller.org, id, &title)
        .await
        .map_err(user_error)
}

#[server(endpoint = "load_draft")]
pub async fn load_draft(id: i64) -> Result<DraftEditor, AppError> {
    let (store, caller) = caller(Permission::Read)?;
    let (draft, version) = store.draft(caller.org, id).await.map_err(user_error)?;
    let template = store
        .template(&draft.template_id, draft.template_version)
        .await
        .map_err(user_error)?;
    let latest = store
        .latest_template(caller.org, &draft.template_id)
        .await
        .map_err(user_error)?;
    Ok(DraftEditor {
        newer_template: (latest.version > draft.template_version).then_some(latest.version),
        language: template.front.language.clone(),
        steps: template.front.steps.clone(),
        fields: template.front.fields.clone(),
        draft,
        version,
    })
}

#[server(endpoint = "preview_template_move")]
pub async fn preview_template_move(id: i64) -> Result<TemplateMove, AppError> {
    let (store, caller) = caller(Permission::Read)?;
    let (draft, version) = store.draft(caller.org, id).await.map_err(user_error)?;
    let current = store
        .template(&draft.template_id, draft.template_version)
        .await
        .map_err(user_error)?;
    let latest = store
        .latest_template(caller.org, &draft.template_id)
        .await
        .map_err(user_error)?;
    let (from, to) = (draft.template_version, latest.version);
    let next = latest.template;
    crate::app::calls::off_thread(move || {
        crate::drafts::template_move::preview(&version.answers, (from, &current), (to, &next))
    })
    .await
}

#[server(endpoint = "move_draft_template")]
pub async fn move_draft_template(
    id: i64,
    base_version: i64,
    to_version: i64,
) -> Result<SaveOutcome, AppError> {
    let (store, caller) = caller(Permission::Draft)?;
    store
        .move_to_template(&caller, id, base_version, to_version)
        .await
        .map_err(user_error)
}

/// Saves the wizard's answers as a new version, unless someone else saved
/// since the version the wizard started from (then says so).
#[server(endpoint = "save_draft", input = Json)]
pub async fn save_draft(request: SaveRequest) -> Result<SaveOutcome, AppError> {
    let (store, caller) = caller(Permission::Draft)?;
    store
        .save_draft(&caller, &request)
        .await
        .map_err(user_error)
}

/// Renders answers (saved or not) with the draft's template version.
#[server(endpoint = "preview_draft", input = Json)]
pub async fn preview_draft(
    id: i64,
    answers: Map<String, Value>,
    dismissals: BTreeMap<String, String>,
) -> Result<Preview, AppError> {
    use crate::drafts::campaign::CampaignKey;
    let (store, caller) = caller(Permission::Read)?;
    let (summary, template) = store
        .draft_template(caller.org, id)
        .await
        .map_err(user_error)?;
    let library = store.library_for(caller.org).await.map_err(user_error)?;
    let today = time::OffsetDateTime::now_utc().date();
    // A draft of a campaign is checked with the campaign's other documents;
    // one outside any campaign with the drafts for the same company's meeting.
    // Other kinds (a campaign's thousands of co-filer letters) need neither.
    let across = crate::drafts::campaign::checked_across_documents(&template);
    let members = match (summary.campaign, CampaignKey::of(&template, &answers)) {
        _ if !across => None,
        (Some(campaign), _) => Some(
            store
                .campaign_members_of(caller.org, campaign, id)
                .await
                .map_err(user_error)?,
        ),
        (None, Some(key)) => Some(
            store
                .campaign_members(caller.org, id, &key)
                .await
                .map_err(user_error)?,
        ),
        (None, None) => None,
    };
    // Read here: the request's context does not reach the worker thread.
    let lang = crate::app::calls::language();
    // Typesetting notes and checks is CPU work: keep it off the async
    // workers, within the time limit.
    crate::app::calls::off_thread(move || {
        crate::drafts::preview::live_preview(
            &template,
            &Value::Object(answers),
            &dismissals,
            &library,
            members,
            today,
            lang,
        )
    })
    .await?
    .map_err(|e| crate::app::calls::ours("the citation style did not load", &e))
}

#[server(endpoint = "draft_history")]
pub async fn draft_history(
    id: i64,
) -> Result<(DraftSummary, Vec<crate::drafts::VersionSummary>), AppError> {
    let (store, caller) = caller(Permission::Read)?;
    let draft = store
        .draft_summary(caller.org, id)
        .await
        .map_err(user_error)?;
    let versions = store
        .draft_versions(caller.org, id)
        .await
        .map_err(user_error)?;
    Ok((draft, versions))
}

#[server(endpoint = "view_version")]
pub async fn view_version(id: i64, number: i64) -> Result<VersionView, AppError> {
    let (store, caller) = caller(Permission::Read)?;
    let draft = store
        .draft_summary(caller.org, id)
        .await
        .map_err(user_error)?;
    let version = store
        .draft_version(caller.org, id, number)
        .await
        .map_err(user_error)?;
    // The questions the version was answered with.
    let template = store
        .template(&draft.template_id, version.template_version)
        .await
        .map_err(user_error)?;
    let answers = template
        .front
        .fields
        .iter()
        .map(|f| {
            (
                f.label.clone(),
                crate::drafts::display_answer(f, version.answers.get(&f.id)),
            )
        })
        .collect();
    Ok(VersionView { version, answers })
}

/// What changed between two versions, field by field.
#[server(endpoint = "compare_versions")]
pub async fn compare_versions(id: i64, before: i64, after: i64) -> Result<Vec<Change>, AppError> {
    let (store, caller) = caller(Permission::Read)?;
    let draft = store
        .draft_summary(caller.org, id)
        .await
        .map_err(user_error)?;
    let old = store
        .draft_version(caller.org, id, before)
        .await
        .map_err(user_error)?;
    let new = store
        .draft_version(caller.org, id, after)
        .await
        .map_err(user_error)?;
    // The questions of both versions' templates: the later one's, then any
    // the later template no longer asks.
    let template_of = |version: i64| store.template(&draft.template_id, version);
    let mut fields = template_of(new.template_version)
        .await
        .map_err(user_error)?
        .front
        .fields
        .clone();
    let earlier = template_of(old.template_version)
        .await
        .map_err(user_error)?;
    for field in &earlier.front.fields {
        if !fields.iter().any(|f| f.id == field.id) {
            fields.push(field.clone());
        }
    }
    Ok(crate::drafts::compare(&fields, &old.answers, &new.answers))
}

/// Makes an old version the newest one again (as a new version).
#[server(endpoint = "restore_version")]
pub async fn restore_version(
    id: i64,
    number: i64,
    base_version: i64,
) -> Result<SaveOutcome, AppError> {
    let (store, caller) = caller(Permission::Draft)?;
    store
        .restore_version(&caller, id, number, base_version)
        .await
        .map_err(user_error)
}

/// The draft's publication for readers, if it is published.
#[server(endpoint = "draft_publication")]
pub async fn draft_publication(id: i64) -> Result<Option<crate::drafts::Publication>, AppError> {
    let (store, caller) = caller(Permission::Read)?;
    store.publication(caller.org, id).await.map_err(user_error)
}

/// Publishes a final draft's latest version at a read-only address for
/// readers; `indexable` lets search engines index it.
#[server(endpoint = "publish_draft")]
pub async fn publish_draft(
    id: i64,
    indexable: bool,
) -> Result<crate::drafts::Publication, AppError> {
    let (store, caller) = caller(Permission::Draft)?;
    store
        .publish_draft(&caller, id, indexable)
        .await
        .map_err(user_error)
}

/// Withdraws a published draft: its address answers "gone".
#[server(endpoint = "withdraw_draft")]
pub async fn withdraw_draft(id: i64) -> Result<(), AppError> {
    let (store, caller) = caller(Permission::Draft)?;
    store.withdraw_draft(&caller, id).await.map_err(user_error)
}
