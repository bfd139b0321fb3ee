//! The template library as advocacy groups manage it: each template's
//! versions with how many drafts use each, saving a new version (checked
//! first, never over a built-in), publishing with release notes, retiring,
//! and sharing a version as one file (export) or taking one in (import).

use super::templates::{no_template, no_template_version, visible_to_org};
use super::{now, Store, StoreError};
use crate::accounts::{Caller, OrgId, OrgKind};
use crate::compose::lint::{lint, Level};
use crate::i18n::{msg, Message};

/// One stored version of a template.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionRow {
    pub version: i64,
    pub created_at: String,
    /// `None` while the version is saved but not published.
    pub published_at: Option<String>,
    pub notes: String,
    pub origin: String,
    /// Drafts of the caller's organisation written with this version
    /// (archived ones included).
    pub drafts: i64,
    /// When the version was shared with every organisation.
    pub shared_at: Option<String>,
}

/// A template with its versions, newest first.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateOverview {
    pub id: String,
    pub title: String,
    pub kind: String,
    pub language: String,
    pub jurisdiction: Option<String>,
    pub built_in: bool,
    pub retired: bool,
    /// The version new drafts start from.
    pub published: Option<i64>,
    pub versions: Vec<VersionRow>,
    /// Whether the caller's organisation owns it (and so may change it).
    pub owned: bool,
    /// The organisation that shares it, when it is another's and not built in.
    pub publisher: Option<String>,
}

/// What to do when an imported file's template id is already taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportAs {
    /// Add the file as a new (unpublished) version of that template.
    NewVersion,
    /// Store it as a new template with this id.
    Copy(String),
}

type VersionTuple = (
    i64,
    String,
    Option<String>,
    String,
    String,
    i64,
    Option<String>,
    i64,
    String,
);

impl Store {
    /// Every template `org` sees with the versions it sees, ordered by id.
    pub async fn template_overviews(
        &self,
        org: OrgId,
    ) -> Result<Vec<TemplateOverview>, StoreError> {
        let ids: Vec<String> = sqlx::query_scalar(concat!(
            "SELECT DISTINCT t.id FROM templates t WHERE ",
            visible_to_org!(),
            " ORDER BY t.id"
        ))
        .bind(org.0)
        .fetch_all(self.pool())
        .await?;
        let mut overviews = Vec::with_capacity(ids.len());
        for id in ids {
            overviews.push(self.template_overview(org, &id).await?);
        }
        Ok(overviews)
    }

    /// One template as `org` sees it; "not found" when it sees no version.
    pub async fn template_overview(
        &self,
        org: OrgId,
        id: &str,
    ) -> Result<TemplateOverview, StoreError> {
        let rows: Vec<VersionTuple> = sqlx::query_as(concat!(
            "SELECT t.version, t.created_at, t.published_at, t.notes, t.origin,
                    (SELECT COUNT(*) FROM drafts d WHERE d.template_id = t.id
                       AND d.template_version = t.version AND d.org_id = $1),
                    t.shared_at, COALESCE(t.org_id, 0), COALESCE(o.name, '')
             FROM templates t LEFT JOIN organisations o ON o.id = t.org_id
             WHERE t.id = $2 AND ",
            visible_to_org!(),
            " ORDER BY t.version DESC"
        ))
        .bind(org.0)
        .bind(id)
        .fetch_all(self.pool())
        .await?;
        let owner = rows.first().map(|r| r.7).unwrap_or_default();
        let publisher = rows
            .first()
            .filter(|r| r.7 != org.0 && r.7 != OrgId::BUILT_IN.0)
            .map(|r| r.8.clone());
        let newest = rows.first().map(|r| r.0).ok_or_else(|| no_template(id))?;
        let template = self.template(id, newest).await?;
        let retired: Option<String> =
            sqlx::query_scalar("SELECT retired_at FROM template_retirements WHERE id = $1")
                .bind(id)
                .fetch_optional(self.pool())
                .await?;
        let versions: Vec<VersionRow> = rows
            .into_iter()
            .map(
                |(version, created_at, published_at, notes, origin, drafts, shared_at, _, _)| {
                    VersionRow {
                        version,
                        created_at,
                        published_at,
                        notes,
                        origin,
                        drafts,
                        shared_at,
                    }
                },
            )
            .collect();
        Ok(TemplateOverview {
            id: id.to_owned(),
            title: template.front.title.clone(),
            kind: template.front.kind.as_str().to_owned(),
            language: template.front.language.clone(),
            jurisdiction: template.front.jurisdiction.clone(),
            built_in: versions.iter().any(|v| v.origin == "built-in"),
            retired: retired.is_some(),
            published: versions
                .iter()
                .find(|v| v.published_at.is_some())
                .map(|v| v.version),
            versions,
            owned: owner == org.0,
            publisher,
        })
    }

    /// A version's file, front matter and body, as it was stored, when
    /// `org` sees that version.
    pub async fn template_source(
        &self,
        org: OrgId,
        id: &str,
        version: i64,
    ) -> Result<String, StoreError> {
        sqlx::query_scalar(concat!(
            "SELECT t.source FROM templates t WHERE t.id = $2 AND t.version = $3 AND ",
            visible_to_org!()
        ))
        .bind(org.0)
        .bind(id)
        .bind(version)
        .fetch_optional(self.pool())
        .await?
        .ok_or_else(|| no_template_version(id, version))
    }

    /// Stores `source` as a new, unpublished version of the template it
    /// names (version 1 of a new template). Refused with every problem
    /// when it has errors, and for a built-in template, which is cloned
    /// rather than edited.
    pub async fn save_template_version(
        &self,
        caller: &Caller,
        source: &str,
    ) -> Result<(String, i64), StoreError> {
        let id = self.checked_id(caller.org, source).await?;
        if self.is_built_in(&id).await? {
            return Err(StoreError::Invalid(msg!(
                "store-template-built-in",
                template = id.as_str()
            )));
        }
        let version = self.insert_version(caller, &id, source, false).await?;
        Ok((id, version))
    }

    /// Stores `source` as version 1 of a template that must not exist yet.
    async fn save_new_template(
        &self,
        caller: &Caller,
        source: &str,
        new_id: &str,
    ) -> Result<(String, i64), StoreError> {
        let id = self.checked_id(caller.org, source).await?;
        if id != new_id {
            return Err(StoreError::Invalid(msg!(
                "store-copy-names-another",
                named = id.as_str(),
                expected = new_id
            )));
        }
        let version = self.insert_version(caller, &id, source, true).await?;
        Ok((id, version))
    }

    /// Takes in a shared template file. A new id becomes version 1; a taken
    /// id becomes a new version or a copy under another id, as `as_` says.
    /// Nothing is ever overwritten.
    pub async fn import_template(
        &self,
        caller: &Caller,
        source: &str,
        as_: &ImportAs,
    ) -> Result<(String, i64), StoreError> {
        let id = self.checked_id(caller.org, source).await?;
        let exists = self.template_exists(&id).await?;
        match (exists, as_) {
            (false, _) | (true, ImportAs::NewVersion) => {
                self.save_template_version(caller, source).await
            }
            (true, ImportAs::Copy(new_id)) => {
                self.save_new_template(caller, &with_id(source, new_id)?, new_id)
                    .await
            }
        }
    }

    /// A new template `new_id` from a version of another (built-in or not).
    pub async fn clone_template(
        &self,
        caller: &Caller,
        id: &str,
        version: i64,
        new_id: &str,
    ) -> Result<(String, i64), StoreError> {
        let source = self.template_source(caller.org, id, version).await?;
        self.save_new_template(caller, &with_id(&source, new_id)?, new_id)
            .await
    }

    /// Checks that `caller`'s organisation owns template `id`: another's
    /// is "not found" when it sees no version of it, and refused when it
    /// sees one (shared or built in: clone it to change it).
    async fn check_owner(&self, caller: &Caller, id: &str) -> Result<(), StoreError> {
        let overview = self.template_overview(caller.org, id).await?;
        if overview.owned {
            Ok(())
        } else {
            Err(StoreError::Forbidden(msg!(
                "store-template-not-yours",
                template = id,
                owner = overview.publisher.as_deref().unwrap_or("Resolution Studio")
            )))
        }
    }

    /// Makes `version` the one new drafts start from, with release notes.
    pub async fn publish_template(
        &self,
        caller: &Caller,
        id: &str,
        version: i64,
        notes: &str,
    ) -> Result<(), StoreError> {
        self.check_owner(caller, id).await?;
        let notes = notes.trim();
        if notes.is_empty() {
            return Err(StoreError::Invalid(msg!("store-release-notes-needed")));
        }
        // The check and the update under one write lock: two editors
        // publishing at once cannot both pass the check.
        let mut tx = self.write().await?;
        // New drafts take the newest published version, so publishing an
        // older one would change nothing for anyone.
        let newest: Option<i64> = sqlx::query_scalar(
            "SELECT MAX(version) FROM templates WHERE id = $1 AND published_at IS NOT NULL",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        if let Some(newest) = newest.filter(|n| *n > version) {
            return Err(StoreError::Invalid(msg!(
                "store-newer-published",
                template = id,
                newest = newest
            )));
        }
        let updated = sqlx::query(
            "UPDATE templates SET published_at = $1, notes = $2
             WHERE id = $3 AND version = $4 AND published_at IS NULL",
        )
        .bind(now())
        .bind(notes)
        .bind(id)
        .bind(version)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 1 {
            let target = format!("template {id} version {version}");
            super::accounts::insert_audit(
                &mut tx,
                Some(caller.org),
                &caller.email,
                "publish",
                &target,
                notes,
            )
            .await?;
            tx.commit().await?;
            return Ok(());
        }
        drop(tx);
        self.template_source(caller.org, id, version).await?;
        Err(StoreError::Invalid(msg!(
            "store-published-already",
            template = id,
            version = version
        )))
    }

    /// Retires a template (no new drafts; existing ones keep working), or
    /// brings it back.
    pub async fn set_template_retired(
        &self,
        caller: &Caller,
        id: &str,
        retired: bool,
    ) -> Result<(), StoreError> {
        self.check_owner(caller, id).await?;
        if retired {
            sqlx::query(
                "INSERT INTO template_retirements (id, retired_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            )
            .bind(id)
            .bind(now())
            .execute(self.pool())
            .await?;
        } else {
            sqlx::query("DELETE FROM template_retirements WHERE id = $1")
                .bind(id)
                .execute(self.pool())
                .await?;
        }
        let action = if retired { "retire" } else { "bring back" };
        self.audit(
            Some(caller.org),
            &caller.email,
            action,
            &format!("template {id}"),
            "",
        )
        .await
    }

    /// Shares a published version with every organisation: they find it in
    /// their template list, draft from it and clone it, and cannot change
    /// it. Only advocacy organisations publish to everyone.
    pub async fn share_template(
        &self,
        caller: &Caller,
        id: &str,
        version: i64,
    ) -> Result<(), StoreError> {
        self.check_owner(caller, id).await?;
        if caller.org_kind != OrgKind::Advocacy {
            return Err(StoreError::Forbidden(msg!("store-share-advocacy-only")));
        }
        let updated = sqlx::query(
            "UPDATE templates SET shared_at = $1
             WHERE id = $2 AND version = $3 AND org_id = $4 AND published_at IS NOT NULL AND shared_at IS NULL",
        )
        .bind(now())
        .bind(id)
        .bind(version)
        .bind(caller.org.0)
        .execute(self.pool())
        .await?;
        if updated.rows_affected() != 1 {
            return Err(StoreError::Invalid(msg!(
                "store-share-not-possible",
                template = id,
                version = version
            )));
        }
        let target = format!("template {id} version {version}");
        self.audit(
            Some(caller.org),
            &caller.email,
            "share with everyone",
            &target,
            "",
        )
        .await
    }

    pub async fn is_template_retired(&self, id: &str) -> Result<bool, StoreError> {
        let found: Option<String> =
            sqlx::query_scalar("SELECT retired_at FROM template_retirements WHERE id = $1")
                .bind(id)
                .fetch_optional(self.pool())
                .await?;
        Ok(found.is_some())
    }

    /// The id `source` declares, once the linter finds no error in it.
    async fn checked_id(&self, org: OrgId, source: &str) -> Result<String, StoreError> {
        let library = self.library_for(org).await?;
        let problems: Vec<Message> = lint(source, "template", &library)
            .into_iter()
            .filter(|p| p.level == Level::Error)
            .map(|p| p.message())
            .collect();
        if !problems.is_empty() {
            return Err(StoreError::Invalid(msg!(
                "store-template-errors",
                count = problems.len(),
                problems = problems
            )));
        }
        crate::compose::Template::parse(source, "template")
            .map(|t| t.id().to_owned())
            .map_err(|e| StoreError::Invalid(e.message()))
    }

    async fn template_exists(&self, id: &str) -> Result<bool, StoreError> {
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM templates WHERE id = $1")
            .bind(id)
            .fetch_one(self.pool())
            .await?;
        Ok(count > 0)
    }

    async fn is_built_in(&self, id: &str) -> Result<bool, StoreError> {
        let count: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM templates WHERE id = $1 AND origin = 'built-in'",
        )
        .bind(id)
        .fetch_one(self.pool())
        .await?;
        Ok(count > 0)
    }

    /// The next version of `id`, in one transaction with the check that
    /// the template is new when `must_be_new` (two clones to one id cannot
    /// both become version 1).
    async fn insert_version(
        &self,
        caller: &Caller,
        id: &str,
        source: &str,
        must_be_new: bool,
    ) -> Result<i64, StoreError> {
        let template = crate::compose::Template::parse(source, "template")
            .map_err(|e| StoreError::Invalid(e.message()))?;
        let mut tx = self.write().await?;
        let owner: Option<Option<i64>> =
            sqlx::query_scalar("SELECT org_id FROM templates WHERE id = $1 LIMIT 1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        if owner.is_some_and(|o| o != Some(caller.org.0)) {
            return Err(StoreError::Invalid(msg!(
                "store-template-id-taken",
                template = id
            )));
        }
        let version: i64 =
            sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) + 1 FROM templates WHERE id = $1")
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
        if must_be_new && version != 1 {
            tx.rollback().await?;
            return Err(StoreError::Invalid(msg!(
                "store-template-exists",
                template = id
            )));
        }
        sqlx::query(
            "INSERT INTO templates (id, version, source, sample, origin, created_at, org_id)
             VALUES ($1, $2, $3, NULL, 'library', $4, $5)",
        )
        .bind(id)
        .bind(version)
        .bind(source)
        .bind(now())
        .bind(caller.org.0)
        .execute(&mut *tx)
        .await?;
        super::evidence::record_template_citations(&mut tx, &template, version).await?;
        let target = format!("template {id} version {version}");
        super::accounts::insert_audit(
            &mut tx,
            Some(caller.org),
            &caller.email,
            "save",
            &target,
            "",
        )
        .await?;
        tx.commit().await?;
        Ok(version)
    }
}

/// `source` with its front matter's `id:` set to `new_id`.
fn with_id(source: &str, new_id: &str) -> Result<String, StoreError> {
    if !crate::compose::template::is_identifier(&new_id.replace('-', "_")) {
        return Err(StoreError::Invalid(msg!(
            "store-template-id-characters",
            template = new_id
        )));
    }
    let mut replaced = false;
    // Only the front matter's lines: between the opening `---` and the next.
    let mut fences = 0;
    let lines: Vec<String> = source
        .lines()
        .map(|line| {
            if line.trim_end() == "---" {
                fences += 1;
            }
            if fences == 1 && !replaced && line.starts_with("id:") {
                replaced = true;
                format!("id: {new_id}")
            } else {
                line.to_owned()
            }
        })
        .collect();
    if !replaced {
        return Err(StoreError::Invalid(msg!("store-template-no-id-line")));
    }
    let mut text = lines.join("\n");
    if source.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}
