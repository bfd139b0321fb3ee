//! The evidence feature's server functions: thin calls into the store and
//! the importers.

use leptos::prelude::*;

use crate::app::error::AppError;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

use crate::evidence::Source;

/// A source with its full citation as a first note would give it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceView {
    pub source: Source,
    pub citation: String,
    /// Whether the caller's organisation owns it (and may change it).
    #[serde(default)]
    pub owned: bool,
    /// Whose it is, when not the caller's organisation's.
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub shared: bool,
    /// Hidden from the picker; documents citing it still render.
    #[serde(default)]
    pub retired: bool,
}

/// What an import did, for the page to say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportOutcome {
    pub format: String,
    pub added: Vec<String>,
    pub skipped: Vec<String>,
}

#[cfg(feature = "ssr")]
use crate::accounts::Permission;
#[cfg(feature = "ssr")]
use crate::app::calls::{bad_input, caller, user_error};

/// The organisation's library: its own sources, the sample library and
/// sources others share, each with whose it is and whether it is retired.
#[server(endpoint = "list_sources")]
pub async fn list_sources() -> Result<Vec<SourceView>, AppError> {
    use crate::evidence::{CitationStyle, DEFAULT_STYLE};
    let (store, caller) = caller(Permission::Read)?;
    let library = store.library_for(caller.org).await.map_err(user_error)?;
    let evidence = store.evidence().await.map_err(user_error)?;
    crate::app::calls::off_thread(move || {
        // The failure is logged outside: the request's context (its route,
        // its status) does not reach the worker thread.
        let style = CitationStyle::by_name(DEFAULT_STYLE)?;
        Ok(library
            .sources
            .iter()
            .map(|source| {
                let meta = evidence.meta.get(&source.id);
                SourceView {
                    citation: crate::evidence::full_citation(source, &library, &style),
                    source: source.clone(),
                    owned: meta.is_some_and(|m| m.org == caller.org),
                    owner: meta
                        .filter(|m| m.org != caller.org)
                        .map(|m| m.org_name.clone())
                        .unwrap_or_default(),
                    shared: meta.is_some_and(|m| m.shared),
                    retired: meta.is_some_and(|m| m.retired),
                }
            })
            .collect())
    })
    .await?
    .map_err(|e: crate::evidence::CitationError| {
        crate::app::calls::ours("the citation style did not load", &e)
    })
}

/// Adds a source, or with `replace` changes the one with the same id.
#[server(endpoint = "save_source", input = Json)]
pub async fn save_source(source: Source, replace: bool) -> Result<(), AppError> {
    let (store, caller) = caller(Permission::Draft)?;
    store
        .save_source(&caller, source, replace)
        .await
        .map_err(user_error)
}

/// Deletes a source nothing cites; otherwise names what cites it.
#[server(endpoint = "delete_source")]
pub async fn delete_source(id: String) -> Result<(), AppError> {
    let (store, caller) = caller(Permission::Draft)?;
    store.delete_source(&caller, &id).await.map_err(user_error)
}

/// Retires a source (hidden from the picker, still rendering what cites
/// it), or brings it back.
#[server(endpoint = "retire_source")]
pub async fn retire_source(id: String, retired: bool) -> Result<(), AppError> {
    let (store, caller) = caller(Permission::Draft)?;
    store
        .set_source_retired(&caller, &id, retired)
        .await
        .map_err(user_error)
}

/// Shares a source read-only with every organisation.
#[server(endpoint = "share_source")]
pub async fn share_source(id: String) -> Result<(), AppError> {
    let (store, caller) = caller(Permission::EditTemplates)?;
    store.share_source(&caller, &id).await.map_err(user_error)
}

/// Imports CSL-JSON or BibTeX (as Zotero exports them); sources whose id is
/// already in the library are skipped, never overwritten.
#[server(endpoint = "import_sources")]
pub async fn import_sources(text: String) -> Result<ImportOutcome, AppError> {
    let (format, sources) = crate::evidence::import::detect_and_parse(&text)
        .map_err(|e| bad_input(e.message().words(crate::app::calls::language())))?;
    let (store, caller) = caller(Permission::Draft)?;
    let report = store
        .import_sources(&caller, sources)
        .await
        .map_err(user_error)?;
    Ok(ImportOutcome {
        format: format.to_owned(),
        added: report.added,
        skipped: report.skipped,
    })
}
