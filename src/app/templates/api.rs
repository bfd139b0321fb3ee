//! Server functions of the template library: list every template with its
//! versions, save, publish, retire, clone and import. Each checks its input
//! and calls the store, which does the work.

use leptos::prelude::*;

use crate::app::error::AppError;
pub use crate::templates::editor_check::{EditorCheck, EditorProblem};
use serde::{Deserialize, Serialize};

/// One version of a template as the library page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionInfo {
    pub version: i64,
    pub created_at: String,
    /// `None` while saved but not published.
    pub published_at: Option<String>,
    pub notes: String,
    /// `built-in` or `library`.
    pub origin: String,
    /// Drafts written with this version.
    pub drafts: i64,
    /// When the version was shared with every organisation.
    #[serde(default)]
    pub shared_at: Option<String>,
}

/// A template with its versions, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TemplateListing {
    pub id: String,
    pub title: String,
    pub kind: String,
    pub language: String,
    pub jurisdiction: Option<String>,
    pub built_in: bool,
    pub retired: bool,
    /// The version new drafts start from.
    pub published: Option<i64>,
    pub versions: Vec<VersionInfo>,
    /// Whether the caller's organisation owns it and may change it.
    #[serde(default)]
    pub owned: bool,
    /// Who shares it, when another organisation does.
    #[serde(default)]
    pub publisher: Option<String>,
}

impl TemplateListing {
    /// `published`, `draft` (nothing published yet) or `retired`.
    pub fn status(&self) -> &'static str {
        if self.retired {
            "retired"
        } else if self.published.is_some() {
            "published"
        } else {
            "draft"
        }
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::{TemplateListing, VersionInfo};
    use crate::store::template_library::TemplateOverview;

    pub fn listing(overview: TemplateOverview) -> TemplateListing {
        TemplateListing {
            id: overview.id,
            title: overview.title,
            kind: overview.kind,
            language: overview.language,
            jurisdiction: overview.jurisdiction,
            built_in: overview.built_in,
            retired: overview.retired,
            published: overview.published,
            owned: overview.owned,
            publisher: overview.publisher,
            versions: overview
                .versions
                .into_iter()
                .map(|v| VersionInfo {
                    version: v.version,
                    created_at: v.created_at,
                    published_at: v.published_at,
                    notes: v.notes,
                    origin: v.origin,
                    drafts: v.drafts,
                    shared_at: v.shared_at,
                })
                .collect(),
        }
    }
}

#[cfg(feature = "ssr")]
use crate::accounts::Permission;
#[cfg(feature = "ssr")]
use crate::app::calls::{bad_input, caller, user_error};

#[server(endpoint = "template_library")]
pub async fn template_library() -> Result<Vec<TemplateListing>, AppError> {
    let (store, caller) = caller(Permission::Read)?;
    let overviews = store
        .template_overviews(caller.org)
        .await
        .map_err(user_error)?;
    Ok(overviews.into_iter().map(ssr::listing).collect())
}

/// Saves a template file as a new, unpublished version; returns (id, version).
#[server(endpoint = "save_template")]
pub async fn save_template(source: String) -> Result<(String, i64), AppError> {
    let (store, caller) = caller(Permission::EditTemplates)?;
    store
        .save_template_version(&caller, &source)
        .await
        .map_err(user_error)
}

#[server(endpoint = "publish_template")]
pub async fn publish_template(id: String, version: i64, notes: String) -> Result<(), AppError> {
    let (store, caller) = caller(Permission::EditTemplates)?;
    store
        .publish_template(&caller, &id, version, &notes)
        .await
        .map_err(user_error)
}

#[server(endpoint = "retire_template")]
pub async fn retire_template(id: String, retired: bool) -> Result<(), AppError> {
    let (store, caller) = caller(Permission::EditTemplates)?;
    store
        .set_template_retired(&caller, &id, retired)
        .await
        .map_err(user_error)
}

#[server(endpoint = "clone_template")]
pub async fn clone_template(
    id: String,
    version: i64,
    new_id: String,
) -> Result<(String, i64), AppError> {
    let (store, caller) = caller(Permission::EditTemplates)?;
    store
        .clone_template(&caller, &id, version, new_id.trim())
        .await
        .map_err(user_error)
}

/// Imports a shared template file. When its id is taken, `as_copy_id`
/// empty adds a new version; otherwise the file becomes a new template
/// with that id.
#[server(endpoint = "import_template")]
pub async fn import_template(
    source: String,
    as_copy_id: String,
) -> Result<(String, i64), AppError> {
    use crate::store::template_library::ImportAs;
    let (store, caller) = caller(Permission::EditTemplates)?;
    let as_ = match as_copy_id.trim() {
        "" => ImportAs::NewVersion,
        id => ImportAs::Copy(id.to_owned()),
    };
    store
        .import_template(&caller, &source, &as_)
        .await
        .map_err(user_error)
}

/// Lints a template's text and renders it with sample answers (JSON),
/// missing answers shown as placeholders.
#[server(endpoint = "check_template")]
pub async fn check_template(source: String, answers: String) -> Result<EditorCheck, AppError> {
    let (store, caller) = caller(Permission::EditTemplates)?;
    let library = store.library_for(caller.org).await.map_err(user_error)?;
    let lang = crate::app::calls::language();
    crate::app::calls::off_thread(move || {
        crate::templates::editor_check::check(&source, &answers, &library, lang)
    })
    .await
}

/// The last version's text of a template and its sample answers, to edit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EditorStart {
    pub id: String,
    pub version: i64,
    pub source: String,
    pub answers: String,
    pub built_in: bool,
}

#[server(endpoint = "template_for_editing")]
pub async fn template_for_editing(id: String) -> Result<EditorStart, AppError> {
    let (store, caller) = caller(Permission::EditTemplates)?;
    let overview = store
        .template_overview(caller.org, &id)
        .await
        .map_err(user_error)?;
    let version = overview.versions.first().map_or(1, |v| v.version);
    let source = store
        .template_source(caller.org, &id, version)
        .await
        .map_err(user_error)?;
    let answers = match store.latest_template(caller.org, &id).await {
        Ok(stored) => stored
            .sample
            .map(|s| serde_json::to_string_pretty(&s).unwrap_or_default())
            .unwrap_or_else(|| "{}".to_owned()),
        Err(_) => "{}".to_owned(),
    };
    Ok(EditorStart {
        id,
        version,
        source,
        answers,
        built_in: overview.built_in,
    })
}

/// What changed from one version of a template to another.
#[server(endpoint = "compare_template_versions")]
pub async fn compare_template_versions(
    id: String,
    from: i64,
    to: i64,
) -> Result<crate::compose::changes::TemplateChanges, AppError> {
    let (store, caller) = caller(Permission::Read)?;
    // Both versions must be ones the caller's organisation sees.
    for version in [from, to] {
        store
            .template_source(caller.org, &id, version)
            .await
            .map_err(user_error)?;
    }
    let old = store.template(&id, from).await.map_err(user_error)?;
    let new = store.template(&id, to).await.map_err(user_error)?;
    crate::app::calls::off_thread(move || {
        crate::compose::changes::compare(&old.front.fields, &new.front.fields, &old.body, &new.body)
    })
    .await
}

/// The template's text with its `fields:` list rewritten from the question
/// form; every other line stays as it was.
#[server(endpoint = "set_template_fields", input = leptos::server_fn::codec::Json)]
pub async fn set_template_fields(
    source: String,
    fields: Vec<crate::compose::Field>,
) -> Result<String, AppError> {
    caller(Permission::EditTemplates)?;
    crate::compose::field_text::write(&source, &fields).map_err(bad_input)
}

/// Shares a published version with every organisation (advocacy
/// organisations only): others draft from it and clone it, never change it.
#[server(endpoint = "share_template")]
pub async fn share_template(id: String, version: i64) -> Result<(), AppError> {
    let (store, caller) = caller(Permission::EditTemplates)?;
    store
        .share_template(&caller, &id, version)
        .await
        .map_err(user_error)
}
