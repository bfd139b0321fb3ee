//! Stored templates. Every version is kept: a draft renders with the version
//! it was written with, whatever comes after.

use std::sync::{Arc, PoisonError};

use serde_json::Value;

use super::{corrupt, now, Store, StoreError};
use crate::accounts::OrgId;
use crate::compose::Template;
use crate::i18n::msg;
use crate::templates::Catalog;

/// A template version as drafts use it.
#[derive(Debug, Clone)]
pub struct StoredTemplate {
    pub template: Arc<Template>,
    pub version: i64,
    pub sample: Option<Value>,
    /// The organisation that shares it, when it is another's (not built in).
    pub publisher: Option<String>,
}

impl StoredTemplate {
    /// What the template list shows of it.
    pub fn summary(&self) -> crate::templates::summary::TemplateSummary {
        crate::templates::summary::TemplateSummary {
            publisher: self.publisher.clone(),
            ..crate::templates::summary::TemplateSummary::new(
                &self.template,
                Some(self.version),
                self.sample.is_some(),
            )
        }
    }
}

/// Which template versions an organisation sees: its own, the built-in
/// ones, and versions other organisations share with everyone. A macro
/// because sqlx takes only literal SQL; `t` is the `templates` row and the
/// organisation is bound once.
macro_rules! visible_to_org {
    () => {
        "(t.org_id = $1 OR t.org_id = 1 OR t.shared_at IS NOT NULL)"
    };
}
pub(crate) use visible_to_org;

impl Store {
    /// Stores each built-in template whose file differs from its latest
    /// stored version as a new version (the first start stores them all).
    pub async fn sync_builtin_templates(&self, catalog: &Catalog) -> Result<(), StoreError> {
        for entry in catalog.entries() {
            let id = entry.template.id();
            let latest: Option<(i64, String)> = sqlx::query_as(
                "SELECT version, source FROM templates WHERE id = $1 ORDER BY version DESC LIMIT 1",
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
            let mut tx = self.write().await?;
            sqlx::query(
                "INSERT INTO templates (id, version, source, sample, origin, created_at, published_at, notes, org_id)
                 VALUES ($1, $2, $3, $4, 'built-in', $5, $6, 'Built-in template file changed.', 1)",
            )
            .bind(id)
            .bind(version)
            .bind(&entry.source)
            .bind(sample)
            .bind(now())
            .bind(now())
            .execute(&mut *tx)
            .await?;
            super::evidence::record_template_citations(&mut tx, &entry.template, version).await?;
            tx.commit().await?;
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
            sqlx::query_scalar("SELECT source FROM templates WHERE id = $1 AND version = $2")
                .bind(id)
                .bind(version)
                .fetch_optional(self.pool())
                .await?;
        let source = source.ok_or_else(|| no_template_version(id, version))?;
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

    /// The newest published version of every template not retired that
    /// `org` sees, ordered by id: what its new drafts can start from.
    pub async fn latest_templates(&self, org: OrgId) -> Result<Vec<StoredTemplate>, StoreError> {
        let rows: Vec<(String, i64, Option<String>, Option<String>)> = sqlx::query_as(concat!(
            "SELECT x.id, x.version, x.sample, CASE WHEN x.org_id IN ($1, 1) THEN NULL ELSE o.name END
             FROM templates x LEFT JOIN organisations o ON o.id = x.org_id
             WHERE x.version = (SELECT MAX(t.version) FROM templates t
                                WHERE t.id = x.id AND t.published_at IS NOT NULL AND ",
            visible_to_org!(),
            ")
               AND x.id NOT IN (SELECT id FROM template_retirements)
             ORDER BY x.id"
        ))
        .bind(org.0)
        .fetch_all(self.pool())
        .await?;
        let mut templates = Vec::with_capacity(rows.len());
        for (id, version, sample, publisher) in rows {
            let mut stored = self.stored(&id, version, sample).await?;
            stored.publisher = publisher;
            templates.push(stored);
        }
        Ok(templates)
    }

    /// The newest published version of one template (retired or not)
    /// that `org` sees.
    pub async fn latest_template(
        &self,
        org: OrgId,
        id: &str,
    ) -> Result<StoredTemplate, StoreError> {
        let row: Option<(i64, Option<String>)> = sqlx::query_as(concat!(
            "SELECT t.version, t.sample FROM templates t
             WHERE t.id = $2 AND t.published_at IS NOT NULL AND ",
            visible_to_org!(),
            " ORDER BY t.version DESC LIMIT 1"
        ))
        .bind(org.0)
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        let Some((version, sample)) = row else {
            let versions: i64 = sqlx::query_scalar(concat!(
                "SELECT COUNT(*) FROM templates t WHERE t.id = $2 AND ",
                visible_to_org!()
            ))
            .bind(org.0)
            .bind(id)
            .fetch_one(self.pool())
            .await?;
            return Err(if versions == 0 {
                no_template(id)
            } else {
                StoreError::NotFound(msg!("store-no-published-version", template = id))
            });
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
            publisher: None,
        })
    }
}

pub(super) fn no_template(id: &str) -> StoreError {
    StoreError::NotFound(msg!("store-no-template", template = id))
}

pub(super) fn no_template_version(id: &str, version: i64) -> StoreError {
    StoreError::NotFound(msg!(
        "store-no-template-version",
        template = id,
        version = version
    ))
}
