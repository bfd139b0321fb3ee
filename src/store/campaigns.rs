//! Stored campaigns: the campaign row with its shared answers, its member
//! drafts (`drafts.campaign_id`), and co-filer lists waiting for their
//! column mapping. A change to the shared answers is written into every
//! member draft that kept the old answer, as a new version of each, in the
//! same transaction as the campaign's own change.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::drafts::{append_version, insert_draft, no_draft, read_version, retired, NewDraft};
use super::templates::StoredTemplate;
use super::{corrupt, now, Store, StoreError};
use crate::accounts::{Caller, OrgId};
use crate::campaigns::campaign::{carry_over, Campaign, CampaignSummary, CampaignUpdate, Shared};
use crate::campaigns::import::Table;
use crate::compose::Template;
use crate::drafts::DraftTitle;
use crate::i18n::msg;

/// The most documents one campaign holds (each co-filer brings two).
pub const MAX_DOCUMENTS: i64 = 5_000;

/// A document to be made for a co-filer from an imported row.
pub struct ImportedDraft {
    pub title: DraftTitle,
    pub stored: StoredTemplate,
    pub answers: Map<String, Value>,
    pub cofiler: String,
}

/// An uploaded list as stored until its mapping is confirmed.
pub struct StoredImport {
    pub file_name: String,
    pub table: Table,
    /// When its drafts were made; an import is used once.
    pub used_at: Option<String>,
}

type CampaignRow = (i64, String, String, String, i64, String);

fn campaign_from(row: CampaignRow) -> Result<Campaign, StoreError> {
    let (id, name, jurisdiction, shared, revision, updated_at) = row;
    Ok(Campaign {
        id,
        name,
        jurisdiction,
        shared: serde_json::from_str(&shared).map_err(|e| corrupt("campaign answers", e))?,
        revision,
        updated_at,
    })
}

fn to_json(shared: &Shared) -> Result<String, StoreError> {
    serde_json::to_string(shared).map_err(StoreError::invalid_as_given)
}

impl Store {
    pub async fn create_campaign(
        &self,
        caller: &Caller,
        name: &str,
        jurisdiction: &str,
        shared: &Shared,
    ) -> Result<i64, StoreError> {
        let at = now();
        let mut tx = self.write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO campaigns (org_id, name, jurisdiction, shared, created_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(caller.org.0)
        .bind(name)
        .bind(jurisdiction)
        .bind(to_json(shared)?)
        .bind(&caller.email)
        .bind(&at)
        .bind(&at)
        .fetch_one(&mut *tx)
        .await?;
        super::accounts::insert_audit(
            &mut tx,
            Some(caller.org),
            &caller.email,
            "create campaign",
            &format!("campaign {id}"),
            name,
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The organisation's campaigns, most recently changed first.
    pub async fn campaigns(&self, org: OrgId) -> Result<Vec<CampaignSummary>, StoreError> {
        let rows: Vec<(i64, String, String, String, i64)> = sqlx::query_as(
            "SELECT c.id, c.name, c.shared, c.updated_at,
                    (SELECT COUNT(*) FROM drafts d WHERE d.campaign_id = c.id AND d.archived = 0)
             FROM campaigns c WHERE c.org_id = $1 ORDER BY c.updated_at DESC, c.id DESC",
        )
        .bind(org.0)
        .fetch_all(self.pool())
        .await?;
        rows.into_iter()
            .map(|(id, name, shared, updated_at, documents)| {
                let shared: Shared =
                    serde_json::from_str(&shared).map_err(|e| corrupt("campaign answers", e))?;
                Ok(CampaignSummary {
                    id,
                    name,
                    company: shared.company,
                    meeting_year: shared.meeting_year,
                    documents,
                    updated_at,
                })
            })
            .collect()
    }

    /// One of `org`'s campaigns; another organisation's is not found.
    pub async fn campaign(&self, org: OrgId, id: i64) -> Result<Campaign, StoreError> {
        let row: Option<CampaignRow> = sqlx::query_as(
            "SELECT id, name, jurisdiction, shared, revision, updated_at FROM campaigns
             WHERE id = $1 AND org_id = $2",
        )
        .bind(id)
        .bind(org.0)
        .fetch_optional(self.pool())
        .await?;
        campaign_from(row.ok_or_else(|| not_found(id))?)
    }

    /// Changes the campaign's name and shared answers if `revision` is still
    /// its latest, and carries the new answers into each member draft that
    /// kept the old ones (a new version of each, saying what changed).
    pub async fn update_campaign(
        &self,
        caller: &Caller,
        id: i64,
        revision: i64,
        name: &str,
        shared: &Shared,
    ) -> Result<CampaignUpdate, StoreError> {
        let old = self.campaign(caller.org, id).await?;
        let stale = || {
            StoreError::Invalid(msg!(
                "store-campaign-changed",
                name = old.name.as_str(),
                revision = revision
            ))
        };
        // `old` is the campaign at `revision` (the update below only goes
        // through while it still is), so its answers are the ones replaced.
        if old.revision != revision {
            return Err(stale());
        }
        // Templates are immutable and cached: load them before the write
        // lock, so no pool connection is asked for while it is held.
        let members: Vec<(i64, String, String, i64)> = sqlx::query_as(
            "SELECT id, title, template_id, template_version FROM drafts
             WHERE org_id = $1 AND campaign_id = $2 AND archived = 0 ORDER BY id",
        )
        .bind(caller.org.0)
        .bind(id)
        .fetch_all(self.pool())
        .await?;
        let mut templates: HashMap<(String, i64), Arc<Template>> = HashMap::new();
        for (_, _, template_id, version) in &members {
            let key = (template_id.clone(), *version);
            if let std::collections::hash_map::Entry::Vacant(slot) = templates.entry(key) {
                slot.insert(self.template(template_id, *version).await?);
            }
        }
        let mut tx = self.write().await?;
        let changed = sqlx::query(
            "UPDATE campaigns SET name = $1, shared = $2, revision = revision + 1, updated_at = $3
             WHERE id = $4 AND org_id = $5 AND revision = $6",
        )
        .bind(name)
        .bind(to_json(shared)?)
        .bind(now())
        .bind(id)
        .bind(caller.org.0)
        .bind(revision)
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            tx.rollback().await?;
            return Err(stale());
        }
        let mut updated = Vec::new();
        for (draft, title, template_id, version) in members {
            // The draft's template version may have moved since the read.
            let (head, now_version): (i64, i64) = sqlx::query_as(
                "SELECT head, template_version FROM drafts WHERE id = $1 AND org_id = $2",
            )
            .bind(draft)
            .bind(caller.org.0)
            .fetch_one(&mut *tx)
            .await?;
            let template = match templates.get(&(template_id.clone(), now_version)) {
                Some(template) if now_version == version => template.clone(),
                _ => continue,
            };
            let latest = read_version(&mut *tx, caller.org, draft, head).await?;
            let Some((answers, labels)) =
                carry_over(&template, &old.shared, shared, &latest.answers)
            else {
                continue;
            };
            let note = format!("campaign answers changed: {}", labels.join(", "));
            append_version(&mut tx, caller, draft, &template, &latest, &answers, &note).await?;
            updated.push(format!("{title} ({})", labels.join(", ")));
        }
        super::accounts::insert_audit(
            &mut tx,
            Some(caller.org),
            &caller.email,
            "change campaign",
            &format!("campaign {id}"),
            &format!("{} documents updated", updated.len()),
        )
        .await?;
        tx.commit().await?;
        Ok(CampaignUpdate {
            revision: revision + 1,
            updated,
        })
    }

    /// Starts a draft in a campaign from `stored`: its defaults, then the
    /// campaign's shared answers.
    pub async fn add_campaign_draft(
        &self,
        caller: &Caller,
        campaign: i64,
        stored: &StoredTemplate,
        title: &DraftTitle,
    ) -> Result<i64, StoreError> {
        let found = self.campaign(caller.org, campaign).await?;
        let template_id = stored.template.id();
        if self.is_template_retired(template_id).await? {
            return Err(retired(template_id));
        }
        let mut answers = stored.template.default_answers();
        crate::campaigns::campaign::fill(&stored.template, &found.shared, &mut answers);
        let mut tx = self.write().await?;
        room_for(&mut tx, campaign, 1).await?;
        let new = NewDraft {
            title,
            stored,
            answers: &answers,
            campaign: Some((campaign, None)),
        };
        let id = insert_draft(&mut tx, caller, new).await?;
        touch(&mut tx, campaign).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Puts one of the organisation's drafts into a campaign, or takes it
    /// out (`None`). Its answers are left as they are.
    pub async fn set_draft_campaign(
        &self,
        caller: &Caller,
        draft: i64,
        campaign: Option<i64>,
    ) -> Result<(), StoreError> {
        if let Some(campaign) = campaign {
            self.campaign(caller.org, campaign).await?;
        }
        let mut tx = self.write().await?;
        if let Some(campaign) = campaign {
            room_for(&mut tx, campaign, 1).await?;
        }
        let done = sqlx::query(
            "UPDATE drafts SET campaign_id = $1, cofiler = CASE WHEN $2 IS NULL THEN NULL ELSE cofiler END
             WHERE id = $3 AND org_id = $4",
        )
        .bind(campaign)
        .bind(campaign)
        .bind(draft)
        .bind(caller.org.0)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(no_draft(draft));
        }
        if let Some(campaign) = campaign {
            touch(&mut tx, campaign).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Keeps an uploaded co-filer list until its mapping is confirmed.
    pub async fn save_campaign_import(
        &self,
        caller: &Caller,
        campaign: i64,
        file_name: &str,
        table: &Table,
    ) -> Result<i64, StoreError> {
        self.campaign(caller.org, campaign).await?;
        let json = serde_json::to_string(table).map_err(StoreError::invalid_as_given)?;
        let mut tx = self.write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO campaign_imports (campaign_id, file_name, table_json, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(campaign)
        .bind(file_name)
        .bind(json)
        .bind(&caller.email)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn campaign_import(
        &self,
        org: OrgId,
        campaign: i64,
        import: i64,
    ) -> Result<StoredImport, StoreError> {
        let row: Option<(String, String, Option<String>)> = sqlx::query_as(
            "SELECT i.file_name, i.table_json, i.used_at FROM campaign_imports i
             JOIN campaigns c ON c.id = i.campaign_id
             WHERE i.id = $1 AND i.campaign_id = $2 AND c.org_id = $3",
        )
        .bind(import)
        .bind(campaign)
        .bind(org.0)
        .fetch_optional(self.pool())
        .await?;
        let (file_name, table, used_at) = row.ok_or_else(|| {
            StoreError::NotFound(msg!(
                "store-no-import",
                campaign = campaign,
                import = import
            ))
        })?;
        Ok(StoredImport {
            file_name,
            table: serde_json::from_str(&table).map_err(|e| corrupt("imported list", e))?,
            used_at,
        })
    }

    /// Makes the co-filers' documents of an import, all or none, once: a
    /// second confirmation (a double click, another tab) is refused.
    pub async fn create_imported_drafts(
        &self,
        caller: &Caller,
        campaign: i64,
        import: i64,
        drafts: &[ImportedDraft],
    ) -> Result<Vec<i64>, StoreError> {
        self.campaign_import(caller.org, campaign, import).await?;
        for draft in drafts {
            let template_id = draft.stored.template.id();
            if self.is_template_retired(template_id).await? {
                return Err(retired(template_id));
            }
        }
        let mut tx = self.write().await?;
        let claimed = sqlx::query(
            "UPDATE campaign_imports SET used_at = $1 WHERE id = $2 AND campaign_id = $3 AND used_at IS NULL",
        )
        .bind(now())
        .bind(import)
        .bind(campaign)
        .execute(&mut *tx)
        .await?;
        if claimed.rows_affected() != 1 {
            tx.rollback().await?;
            return Err(StoreError::Invalid(msg!("store-import-used")));
        }
        room_for(&mut tx, campaign, drafts.len() as i64).await?;
        let mut ids = Vec::with_capacity(drafts.len());
        for draft in drafts {
            let new = NewDraft {
                title: &draft.title,
                stored: &draft.stored,
                answers: &draft.answers,
                campaign: Some((campaign, Some(draft.cofiler.as_str()))),
            };
            ids.push(insert_draft(&mut tx, caller, new).await?);
        }
        touch(&mut tx, campaign).await?;
        tx.commit().await?;
        Ok(ids)
    }
}

fn not_found(id: i64) -> StoreError {
    StoreError::NotFound(msg!("store-no-campaign", id = id))
}

/// Refuses to grow a campaign past [`MAX_DOCUMENTS`].
async fn room_for(tx: &mut super::Tx<'_>, campaign: i64, more: i64) -> Result<(), StoreError> {
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM drafts WHERE campaign_id = $1 AND archived = 0")
            .bind(campaign)
            .fetch_one(&mut **tx)
            .await?;
    if count + more > MAX_DOCUMENTS {
        return Err(StoreError::Invalid(msg!(
            "store-campaign-full",
            max = MAX_DOCUMENTS,
            count = count,
            more = more
        )));
    }
    Ok(())
}

async fn touch(tx: &mut super::Tx<'_>, campaign: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE campaigns SET updated_at = $1 WHERE id = $2")
        .bind(now())
        .bind(campaign)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
