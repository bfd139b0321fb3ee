//! The stored evidence library: sources, and their claims in a table of
//! their own. Every change is checked against the whole library first (ids
//! unique, dates well formed) and then the in-memory copy that rendering
//! uses is replaced.

use std::path::Path;
use std::sync::{Arc, PoisonError};

use super::{corrupt, now, Store, StoreError};
use crate::evidence::{Claim, Library, Source};

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ImportReport {
    pub added: Vec<String>,
    /// Ids already in the library: left as they are.
    pub skipped: Vec<String>,
}

impl Store {
    /// Loads the sample evidence library once, on the first start.
    pub async fn seed_evidence(&self, path: &Path) -> Result<(), StoreError> {
        let done: Option<String> =
            sqlx::query_scalar("SELECT done_at FROM seeded WHERE name = 'sample-evidence'")
                .fetch_optional(self.pool())
                .await?;
        if done.is_some() {
            return Ok(());
        }
        let sample = Library::load(path).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let mut tx = self.pool().begin().await?;
        for (position, source) in sample.sources.iter().enumerate() {
            write_source(&mut tx, source, position as i64).await?;
        }
        sqlx::query("INSERT INTO seeded (name, done_at) VALUES ('sample-evidence', ?)")
            .bind(now())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.reload_library().await
    }

    /// Reads the whole library from the database into the in-memory copy.
    pub(super) async fn reload_library(&self) -> Result<(), StoreError> {
        let sources: Vec<(String, String)> =
            sqlx::query_as("SELECT id, data FROM evidence_sources ORDER BY position, id")
                .fetch_all(self.pool())
                .await?;
        let claims: Vec<(String, String)> = sqlx::query_as(
            "SELECT source_id, data FROM evidence_claims ORDER BY source_id, position",
        )
        .fetch_all(self.pool())
        .await?;
        let mut library = Library::default();
        for (id, data) in sources {
            let mut source: Source =
                serde_json::from_str(&data).map_err(|e| corrupt(&format!("source `{id}`"), e))?;
            for (_, data) in claims.iter().filter(|(source_id, _)| *source_id == id) {
                let claim: Claim = serde_json::from_str(data)
                    .map_err(|e| corrupt(&format!("a claim of source `{id}`"), e))?;
                source.claims.push(claim);
            }
            library.sources.push(source);
        }
        *self.library.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(library);
        Ok(())
    }

    /// Adds a source, or replaces the one with the same id when `replace` is set.
    pub async fn save_source(&self, source: Source, replace: bool) -> Result<(), StoreError> {
        let mut library = (*self.library()).clone();
        match library.sources.iter().position(|s| s.id == source.id) {
            Some(_) if !replace => {
                return Err(StoreError::Invalid(format!(
                    "there is already a source with id `{}`: choose another id",
                    source.id
                )))
            }
            Some(index) => library.sources[index] = source.clone(),
            None if replace => {
                return Err(StoreError::NotFound(format!(
                    "there is no source `{}`",
                    source.id
                )))
            }
            None => library.sources.push(source.clone()),
        }
        library.validate().map_err(StoreError::Invalid)?;
        let position: i64 = sqlx::query_scalar(
            "SELECT COALESCE((SELECT position FROM evidence_sources WHERE id = ?),
                             (SELECT COALESCE(MAX(position), -1) + 1 FROM evidence_sources))",
        )
        .bind(&source.id)
        .fetch_one(self.pool())
        .await?;
        let mut tx = self.pool().begin().await?;
        write_source(&mut tx, &source, position).await?;
        tx.commit().await?;
        self.reload_library().await
    }

    /// Deletes a source no draft cites; otherwise refuses and names the drafts.
    pub async fn delete_source(&self, id: &str) -> Result<(), StoreError> {
        let citing: Vec<(i64, String)> = sqlx::query_as(
            "SELECT d.id, d.title FROM draft_sources s JOIN drafts d ON d.id = s.draft_id
             WHERE s.source_id = ? ORDER BY d.id",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?;
        if !citing.is_empty() {
            return Err(StoreError::SourceInUse {
                source_id: id.to_owned(),
                drafts: citing
                    .into_iter()
                    .map(|(number, title)| format!("draft {number} “{title}”"))
                    .collect(),
            });
        }
        let deleted = sqlx::query("DELETE FROM evidence_sources WHERE id = ?")
            .bind(id)
            .execute(self.pool())
            .await?;
        if deleted.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("there is no source `{id}`")));
        }
        self.reload_library().await
    }

    /// Adds every source whose id is new; sources already there are skipped,
    /// never overwritten. All or nothing: one invalid source stops the import.
    pub async fn import_sources(&self, sources: Vec<Source>) -> Result<ImportReport, StoreError> {
        let mut library = (*self.library()).clone();
        let mut report = ImportReport::default();
        let mut added = Vec::new();
        for source in sources {
            if library.source(&source.id).is_some() {
                report.skipped.push(source.id);
            } else {
                report.added.push(source.id.clone());
                library.sources.push(source.clone());
                added.push(source);
            }
        }
        library.validate().map_err(StoreError::Invalid)?;
        let first: i64 =
            sqlx::query_scalar("SELECT COALESCE(MAX(position), -1) + 1 FROM evidence_sources")
                .fetch_one(self.pool())
                .await?;
        let mut tx = self.pool().begin().await?;
        for (offset, source) in added.iter().enumerate() {
            write_source(&mut tx, source, first + offset as i64).await?;
        }
        tx.commit().await?;
        self.reload_library().await?;
        Ok(report)
    }
}

async fn write_source(
    tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>,
    source: &Source,
    position: i64,
) -> Result<(), StoreError> {
    let mut without_claims = source.clone();
    let claims = std::mem::take(&mut without_claims.claims);
    let data =
        serde_json::to_string(&without_claims).map_err(|e| StoreError::Invalid(e.to_string()))?;
    sqlx::query(
        "INSERT INTO evidence_sources (id, position, data, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
    )
    .bind(&source.id)
    .bind(position)
    .bind(data)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM evidence_claims WHERE source_id = ?")
        .bind(&source.id)
        .execute(&mut **tx)
        .await?;
    for (position, claim) in claims.iter().enumerate() {
        let data = serde_json::to_string(claim).map_err(|e| StoreError::Invalid(e.to_string()))?;
        sqlx::query(
            "INSERT INTO evidence_claims (source_id, id, position, data) VALUES (?, ?, ?, ?)",
        )
        .bind(&source.id)
        .bind(&claim.id)
        .bind(position as i64)
        .bind(data)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
