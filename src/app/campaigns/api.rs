//! The campaigns feature's server functions: each checks its input,
//! resolves the caller, calls the store or the campaign domain once and
//! maps its error.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;

use crate::app::error::AppError;
use crate::campaigns::campaign::{CampaignPage, CampaignSummary, Shared};
use crate::campaigns::cofilers::{ImportCheck, ImportView, Mapping};

#[cfg(feature = "ssr")]
use crate::accounts::Permission;
#[cfg(feature = "ssr")]
use crate::app::calls::{bad_input, bad_message, caller, user_error};

/// What an edit of a campaign did: its new revision and the documents
/// that took the new answers.
pub use crate::campaigns::campaign::CampaignUpdate;

#[server(endpoint = "list_campaigns")]
pub async fn list_campaigns() -> Result<Vec<CampaignSummary>, AppError> {
    let (store, caller) = caller(Permission::Read)?;
    store.campaigns(caller.org).await.map_err(user_error)
}

#[server(endpoint = "create_campaign", input = Json)]
pub async fn create_campaign(
    name: String,
    jurisdiction: String,
    shared: Shared,
) -> Result<i64, AppError> {
    let lang = crate::app::calls::language();
    let name =
        crate::campaigns::campaign::check_name(&name).map_err(|e| bad_input(e.words(lang)))?;
    let jurisdiction = crate::campaigns::campaign::jurisdiction(&jurisdiction)
        .map_err(|e| bad_input(e.words(lang)))?;
    let shared = shared.tidied();
    shared.check().map_err(|e| bad_input(e.words(lang)))?;
    let (store, caller) = caller(Permission::Draft)?;
    store
        .create_campaign(&caller, &name, &jurisdiction, &shared)
        .await
        .map_err(user_error)
}

/// The campaign page: its documents checked on their latest versions, the
/// checks across them, and the deadline.
#[server(endpoint = "load_campaign")]
pub async fn load_campaign(id: i64) -> Result<CampaignPage, AppError> {
    let (store, caller) = caller(Permission::Read)?;
    let campaign = store.campaign(caller.org, id).await.map_err(user_error)?;
    let documents = store
        .campaign_documents(caller.org, id)
        .await
        .map_err(user_error)?;
    let library = store.library_for(caller.org).await.map_err(user_error)?;
    let today = time::OffsetDateTime::now_utc().date();
    let lang = crate::app::calls::language();
    crate::app::calls::off_thread(move || {
        let style = crate::evidence::CitationStyle::by_name(crate::evidence::DEFAULT_STYLE)?;
        Ok(crate::campaigns::review::review(
            campaign, documents, &library, &style, today, lang,
        ))
    })
    .await?
    .map_err(|e: crate::evidence::CitationError| {
        crate::app::calls::ours("the citation style did not load", &e)
    })
}

/// Changes the campaign's name and shared answers; documents that kept
/// the old answers take the new ones as a new version.
#[server(endpoint = "update_campaign", input = Json)]
pub async fn update_campaign(
    id: i64,
    revision: i64,
    name: String,
    shared: Shared,
) -> Result<CampaignUpdate, AppError> {
    let lang = crate::app::calls::language();
    let name =
        crate::campaigns::campaign::check_name(&name).map_err(|e| bad_input(e.words(lang)))?;
    let shared = shared.tidied();
    shared.check().map_err(|e| bad_input(e.words(lang)))?;
    let (store, caller) = caller(Permission::Draft)?;
    store
        .update_campaign(&caller, id, revision, &name, &shared)
        .await
        .map_err(user_error)
}

/// Starts a document of the campaign from a template, with the campaign's
/// answers filled in.
#[server(endpoint = "add_campaign_document")]
pub async fn add_campaign_document(
    campaign: i64,
    template_id: String,
    title: String,
) -> Result<i64, AppError> {
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
    store
        .add_campaign_draft(&caller, campaign, &stored, &title)
        .await
        .map_err(user_error)
}

/// Puts a draft into a campaign, or takes it out (`campaign` empty).
#[server(endpoint = "set_draft_campaign")]
pub async fn set_draft_campaign(draft: i64, campaign: Option<i64>) -> Result<(), AppError> {
    let (store, caller) = caller(Permission::Draft)?;
    store
        .set_draft_campaign(&caller, draft, campaign)
        .await
        .map_err(user_error)
}

/// An uploaded co-filer list with the fields its columns can fill.
#[server(endpoint = "load_campaign_import")]
pub async fn load_campaign_import(campaign: i64, import: i64) -> Result<ImportView, AppError> {
    let (store, caller) = caller(Permission::Read)?;
    let found = store
        .campaign(caller.org, campaign)
        .await
        .map_err(user_error)?;
    let stored = store
        .campaign_import(caller.org, campaign, import)
        .await
        .map_err(user_error)?;
    let templates = store
        .latest_templates(caller.org)
        .await
        .map_err(user_error)?;
    let templates: Vec<_> = templates.into_iter().map(|t| t.template).collect();
    Ok(crate::campaigns::import::view(
        &found,
        stored.file_name,
        stored.table,
        stored.used_at,
        &templates,
    ))
}

/// What `mapping` would make of the list: documents and problems by row
/// and column. Nothing is stored.
#[server(endpoint = "check_campaign_import", input = Json)]
pub async fn check_campaign_import(
    campaign: i64,
    import: i64,
    mapping: Mapping,
) -> Result<ImportCheck, AppError> {
    let (store, caller) = caller(Permission::Read)?;
    let lang = crate::app::calls::language();
    let (planned, problems, cofilers) =
        ssr::plan(&store, &caller, campaign, import, &mapping, lang).await?;
    Ok(ImportCheck {
        cofilers,
        documents: planned.len(),
        problems,
        created: None,
    })
}

/// Makes the documents `mapping` gives, all in one go, once per list; the
/// rows with problems are left out and listed.
#[server(endpoint = "confirm_campaign_import", input = Json)]
pub async fn confirm_campaign_import(
    campaign: i64,
    import: i64,
    mapping: Mapping,
) -> Result<ImportCheck, AppError> {
    let (store, caller) = caller(Permission::Draft)?;
    let lang = crate::app::calls::language();
    let (planned, problems, cofilers) =
        ssr::plan(&store, &caller, campaign, import, &mapping, lang).await?;
    let documents = planned.len();
    if documents == 0 {
        return Err(bad_input(crate::i18n::tr!(
            lang,
            "campaigns-nothing-to-make"
        )));
    }
    let made = store
        .create_imported_drafts(&caller, campaign, import, &planned)
        .await
        .map_err(user_error)?;
    Ok(ImportCheck {
        cofilers,
        documents,
        problems,
        created: Some(made.len()),
    })
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::accounts::Caller;
    use crate::app::calls::{bad_input, bad_message, user_error};
    use crate::app::error::AppError;
    use crate::campaigns::cofilers::{CellProblem, Mapping};
    use crate::drafts::DraftTitle;
    use crate::i18n::tr;
    use crate::i18n::Lang;
    use crate::store::campaigns::ImportedDraft;
    use crate::store::Store;

    /// The documents `mapping` makes of an import, its problems, and the
    /// number of co-filers with documents; refusals worded in `lang`.
    pub async fn plan(
        store: &Store,
        caller: &Caller,
        campaign: i64,
        import: i64,
        mapping: &Mapping,
        lang: Lang,
    ) -> Result<(Vec<ImportedDraft>, Vec<CellProblem>, usize), AppError> {
        let found = store
            .campaign(caller.org, campaign)
            .await
            .map_err(user_error)?;
        let stored = store
            .campaign_import(caller.org, campaign, import)
            .await
            .map_err(user_error)?;
        let mut templates = Vec::with_capacity(mapping.templates.len());
        for id in &mapping.templates {
            if templates
                .iter()
                .any(|t: &crate::store::templates::StoredTemplate| t.template.id() == id)
            {
                return Err(bad_input(tr!(
                    lang,
                    "campaigns-template-chosen-twice",
                    id = id.as_str()
                )));
            }
            templates.push(
                store
                    .latest_template(caller.org, id)
                    .await
                    .map_err(user_error)?,
            );
        }
        let parsed: Vec<&crate::compose::Template> =
            templates.iter().map(|t| t.template.as_ref()).collect();
        let (planned, problems) =
            crate::campaigns::import::plan(&parsed, &found.shared, &stored.table, mapping)
                .map_err(|refusal| bad_input(refusal.words(lang)))?;
        let cofilers = planned
            .iter()
            .map(|p| p.cofiler.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        let mut drafts = Vec::with_capacity(planned.len());
        for document in planned {
            let stored = &templates[document.template];
            let title =
                crate::campaigns::import::document_title(&stored.template, &document.cofiler);
            drafts.push(ImportedDraft {
                title: DraftTitle::parse(&title).map_err(bad_message)?,
                stored: stored.clone(),
                answers: document.answers,
                cofiler: document.cofiler,
            });
        }
        Ok((drafts, problems, cofilers))
    }
}
