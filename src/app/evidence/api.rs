//! The evidence feature's server functions: thin calls into the store and
//! the importers.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

use crate::evidence::Source;

/// A source with its full citation as a first note would give it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceView {
    pub source: Source,
    pub citation: String,
}

/// What an import did, for the page to say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportOutcome {
    pub format: String,
    pub added: Vec<String>,
    pub skipped: Vec<String>,
}

#[server(endpoint = "list_sources")]
pub async fn list_sources() -> Result<Vec<SourceView>, ServerFnError> {
    use crate::app::drafts::api::ssr::store;
    use crate::evidence::{CitationStyle, DEFAULT_STYLE};
    let library = store()?.library();
    crate::server::blocking::run(move || {
        let style = CitationStyle::by_name(DEFAULT_STYLE).map_err(ServerFnError::new)?;
        Ok(library
            .sources
            .iter()
            .map(|source| SourceView {
                citation: crate::evidence::full_citation(source, &library, &style),
                source: source.clone(),
            })
            .collect())
    })
    .await
    .map_err(ServerFnError::new)?
}

/// Adds a source, or with `replace` changes the one with the same id.
#[server(endpoint = "save_source", input = Json)]
pub async fn save_source(source: Source, replace: bool) -> Result<(), ServerFnError> {
    use crate::app::drafts::api::ssr::{store, user_error};
    store()?
        .save_source(source, replace)
        .await
        .map_err(user_error)
}

/// Deletes a source, unless a draft cites it (then names the drafts).
#[server(endpoint = "delete_source")]
pub async fn delete_source(id: String) -> Result<(), ServerFnError> {
    use crate::app::drafts::api::ssr::{store, user_error};
    store()?.delete_source(&id).await.map_err(user_error)
}

/// Imports CSL-JSON or BibTeX (as Zotero exports them); sources whose id is
/// already in the library are skipped, never overwritten.
#[server(endpoint = "import_sources")]
pub async fn import_sources(text: String) -> Result<ImportOutcome, ServerFnError> {
    use crate::app::drafts::api::ssr::{store, user_error};
    let (format, sources) =
        crate::evidence::import::detect_and_parse(&text).map_err(ServerFnError::new)?;
    let report = store()?.import_sources(sources).await.map_err(user_error)?;
    Ok(ImportOutcome {
        format: format.to_owned(),
        added: report.added,
        skipped: report.skipped,
    })
}
