//! Stored templates. Every version is kept: a draft renders with the version
//! it was written with, whatever comes after.

use std::sync::{Arc, PoisonError};

use serde_json::Value;

use super::{corrupt, now, Store, StoreError};
use crate::compose::Template;
use crate::templates::Catalog;

/// A template version as drafts use it.
#[derive(Debug, Clone)]
pub struct StoredTemplate {
    pub template: Arc<Template>,
    pub version: i64,
    pub sample: Option<Value>,
}

impl Store {
    /// Stores each built-in template whose file differs from its latest
    /// stored version as a new version (the first start stores them all).
    pub async fn sync_builtin_templates(&self, catalog: &Catalog) -> Result<(), StoreError> {
        for entry in catalog.entries() {
            let id = entry.template.id();
            let latest: Option<(i64, String)> = sqlx::query_as(
                "SELECT version, source FROM templates WHERE id = ? ORDER BY version DESC LIMIT 1",
            )
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
            if latest
                .as_ref()
                .is_some_and(|(_, source)| *source == entry.source)
            {
                continue;
            }
            let version = latest.map_or(1, |(v, _)| v + 1);
            let sample = entry.sample.as_ref().map(Value::to_string);
            sqlx::query(
                "INSERT INTO templates (id, version, source, sample, origin, created_at, published_at, notes)
                 VALUES (?, ?, ?, ?, 'built-in', ?, ?, 'Built-in template file changed.')",
            )
            .bind(id)
            .bind(version)
            .bind(&entry.source)
            .bind(sample)
            .bind(now())
            .bind(now())
            .execute(self.pool())
            .await?;
        }
        Ok(())
    }

    /// One version of a template, parsed once and cached.
    pub async fn template(&self, id: &str, version: i64) -> Result<Arc<Template>, StoreError> {
        let key = (id.to_owned(), version);
        if let Some(found) = self.cached_template(&key) {
            return Ok(found);
        }
        let source: Option<String> =
            sqlx::query_scalar("SELECT source FROM templates WHERE id = ? AND version = ?")
                .bind(id)
                .bind(version)
                .fetch_optional(self.pool())
                .await?;
        let source = source.ok_or_else(|| {
            StoreError::NotFound(format!("no version {version} of template `{id}`"))
        })?;
        let template = Arc::new(
            Template::parse(&source, &format!("{id} (version {version})"))
                .map_err(|e| corrupt(&format!("template `{id}` version {version}"), e))?,
        );
        self.templates
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key, template.clone());
        Ok(template)
    }

    fn cached_template(&self, key: &(String, i64)) -> Option<Arc<Template>> {
        self.templates
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(key)
            .cloned()
    }

    /// The newest published version of every template not retired,
    /// ordered by id: what new drafts can start from.
    pub async fn latest_templates(&self) -> Result<Vec<StoredTemplate>, StoreError> {
        let rows: Vec<(String, i64, Option<String>)> = sqlx::query_as(
            "SELECT id, version, sample FROM templates t
             WHERE version = (SELECT MAX(version) FROM templates
                              WHERE id = t.id AND published_at IS NOT NULL)
               AND id NOT IN (SELECT id FROM template_retirements)
             ORDER BY id",
        )
        .fetch_all(self.pool())
        .await?;
        let mut templates = Vec::with_capacity(rows.len());
        for (id, version, sample) in rows {
            templates.push(self.stored(&id, version, sample).await?);
        }
        Ok(templates)
    }

    /// The newest published version of one template (retired or not).
    pub async fn latest_template(&self, id: &str) -> Result<StoredTemplate, StoreError> {
        let row: Option<(i64, Option<String>)> = sqlx::query_as(
            "SELECT version, sample FROM templates
             WHERE id = ? AND published_at IS NOT NULL ORDER BY version DESC LIMIT 1",
        )
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        let Some((version, sample)) = row else {
            let versions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM templates WHERE id = ?")
                .bind(id)
                .fetch_one(self.pool())
                .await?;
            return Err(StoreError::NotFound(if versions == 0 {
                format!("no template `{id}`")
            } else {
                format!("no published version of template `{id}`: publish one first")
            }));
        };
        self.stored(id, version, sample).await
    }

    async fn stored(
        &self,
        id: &str,
        version: i64,
        sample: Option<String>,
    ) -> Result<StoredTemplate, StoreError> {
        let sample = sample
            .map(|text| serde_json::from_str(&text))
            .transpose()
            .map_err(|e| corrupt(&format!("sample answers of `{id}`"), e))?;
        Ok(StoredTemplate {
            template: self.template(id, version).await?,
            version,
            sample,
        })
    }
}
