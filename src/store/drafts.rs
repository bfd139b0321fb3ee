//! Stored drafts. A draft's answers are never overwritten: every save adds
//! a version, and a save made on top of a version other than the latest is
//! refused as a conflict, so two tabs cannot silently undo each other.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::templates::{no_template_version, StoredTemplate};
use super::{corrupt, now, Store, StoreError, Tx};
use crate::accounts::{Caller, OrgId};
use crate::compose::Template;
use crate::drafts::campaign::{company_key, CampaignKey, Member};
use crate::drafts::{
    cited_sources, company_name, storable, DraftStatus, DraftSummary, DraftTitle, DraftVersion,
    SaveOutcome, SaveRequest, VersionSummary,
};
use crate::i18n::{msg, tr, Lang};

/// Which drafts the drafts page asks for.
#[derive(Debug, Clone, Default)]
pub struct DraftFilter {
    /// Matched against title, company and template, ignoring case.
    pub text: String,
    pub status: Option<DraftStatus>,
    pub include_archived: bool,
}

/// `archived` is 0 or 1: neither engine's flag type reads as the other's.
pub(super) type SummaryRow = (
    i64,
    String,
    String,
    i64,
    String,
    String,
    i64,
    i64,
    String,
    Option<i64>,
);

/// The columns of a [`SummaryRow`]; a macro because sqlx takes only literal SQL.
macro_rules! select_summary {
    ($rest:literal) => {
        concat!(
            "SELECT id, title, template_id, template_version, company, status, archived, head, updated_at, campaign_id FROM drafts ",
            $rest
        )
    };
}

impl Store {
    /// Starts a draft from `stored` (the version the caller read the
    /// defaults from, so answers and template agree); version 1 holds
    /// `answers`.
    pub async fn create_draft(
        &self,
        caller: &Caller,
        title: &DraftTitle,
        stored: &StoredTemplate,
        answers: Map<String, Value>,
    ) -> Result<i64, StoreError> {
        let template_id = stored.template.id();
        if self.is_template_retired(template_id).await? {
            return Err(retired(template_id));
        }
        let mut tx = self.write().await?;
        let new = NewDraft {
            title,
            stored,
            answers: &answers,
            campaign: None,
        };
        let id = insert_draft(&mut tx, caller, new).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The other drafts of `key`'s campaign (not archived, not `this_id`),
    /// at their latest saved versions: one indexed query for the drafts of
    /// the same company, then each one's version and template.
    pub async fn campaign_members(
        &self,
        org: OrgId,
        this_id: i64,
        key: &CampaignKey,
    ) -> Result<Vec<Member>, StoreError> {
        let candidates: Vec<(i64, String, i64, String, i64)> = sqlx::query_as(
            "SELECT id, title, head, template_id, template_version FROM drafts
             WHERE org_id = $1 AND company_key = $2 AND id <> $3 AND archived = 0
             ORDER BY id",
        )
        .bind(org.0)
        .bind(key.company())
        .bind(this_id)
        .fetch_all(&self.pool)
        .await?;
        let mut members = Vec::new();
        for (id, title, head, template_id, template_version) in candidates {
            let version = read_version(&self.pool, org, id, head).await?;
            let template = self.template(&template_id, template_version).await?;
            if CampaignKey::of(&template, &version.answers).as_ref() == Some(key) {
                members.push(Member {
                    id,
                    title,
                    template,
                    answers: version.answers,
                });
            }
        }
        Ok(members)
    }

    /// The drafts of campaign `campaign` (not archived), oldest first, each
    /// with its co-filer, template and latest answers.
    pub async fn campaign_documents(
        &self,
        org: OrgId,
        campaign: i64,
    ) -> Result<Vec<crate::campaigns::review::Document>, StoreError> {
        let rows: Vec<SummaryRow> = sqlx::query_as(select_summary!(
            "WHERE org_id = $1 AND campaign_id = $2 AND archived = 0 ORDER BY id"
        ))
        .bind(org.0)
        .bind(campaign)
        .fetch_all(self.pool())
        .await?;
        let cofilers: Vec<(i64, Option<String>)> =
            sqlx::query_as("SELECT id, cofiler FROM drafts WHERE org_id = $1 AND campaign_id = $2")
                .bind(org.0)
                .bind(campaign)
                .fetch_all(self.pool())
                .await?;
        let mut documents = Vec::with_capacity(rows.len());
        for row in rows {
            let summary = self.summary(row).await?;
            let template = self
                .template(&summary.template_id, summary.template_version)
                .await?;
            let version = read_version(self.pool(), org, summary.id, summary.head).await?;
            let cofiler = cofilers
                .iter()
                .find(|(id, _)| *id == summary.id)
                .and_then(|(_, c)| c.clone());
            documents.push(crate::campaigns::review::Document {
                summary,
                cofiler,
                template,
                answers: version.answers,
            });
        }
        Ok(documents)
    }

    /// The other drafts of a draft's campaign, for its live preview.
    pub async fn campaign_members_of(
        &self,
        org: OrgId,
        campaign: i64,
        this_id: i64,
    ) -> Result<Vec<Member>, StoreError> {
        Ok(self
            .campaign_documents(org, campaign)
            .await?
            .into_iter()
            .filter(|d| d.summary.id != this_id)
            .map(|d| Member {
                id: d.summary.id,
                title: d.summary.title,
                template: d.template,
                answers: d.answers,
            })
            .collect())
    }

    pub async fn list_drafts(
        &self,
        org: OrgId,
        filter: &DraftFilter,
    ) -> Result<Vec<DraftSummary>, StoreError> {
        let rows: Vec<SummaryRow> = sqlx::query_as(select_summary!(
            "WHERE org_id = $1 AND ($2 OR archived = 0) AND ($3 IS NULL OR status = $4)
             ORDER BY updated_at DESC, id DESC"
        ))
        .bind(org.0)
        .bind(filter.include_archived)
        .bind(filter.status.map(DraftStatus::as_str))
        .bind(filter.status.map(DraftStatus::as_str))
        .fetch_all(self.pool())
        .await?;
        let needle = filter.text.trim().to_lowercase();
        let mut drafts = Vec::with_capacity(rows.len());
        for row in rows {
            let summary = self.summary(row).await?;
            let haystack = format!(
                "{} {} {} {}",
                summary.title, summary.company, summary.template_title, summary.template_id
            )
            .to_lowercase();
            if needle.is_empty() || haystack.contains(&needle) {
                drafts.push(summary);
            }
        }
        Ok(drafts)
    }

    /// A draft and its latest version.
    pub async fn draft(
        &self,
        org: OrgId,
        id: i64,
    ) -> Result<(DraftSummary, DraftVersion), StoreError> {
        let summary = self.draft_summary(org, id).await?;
        let version = self.draft_version(org, id, summary.head).await?;
        Ok((summary, version))
    }

    /// Another organisation's draft is "not found", as if it did not exist.
    pub async fn draft_summary(&self, org: OrgId, id: i64) -> Result<DraftSummary, StoreError> {
        let row: Option<SummaryRow> =
            sqlx::query_as(select_summary!("WHERE id = $1 AND org_id = $2"))
                .bind(id)
                .bind(org.0)
                .fetch_optional(self.pool())
                .await?;
        let row = row.ok_or_else(|| no_draft(id))?;
        self.summary(row).await
    }

    /// A draft's summary and the template version it is written with.
    pub async fn draft_template(
        &self,
        org: OrgId,
        id: i64,
    ) -> Result<(DraftSummary, Arc<Template>), StoreError> {
        let summary = self.draft_summary(org, id).await?;
        let template = self
            .template(&summary.template_id, summary.template_version)
            .await?;
        Ok((summary, template))
    }

    pub(super) async fn summary(&self, row: SummaryRow) -> Result<DraftSummary, StoreError> {
        let (
            id,
            title,
            template_id,
            template_version,
            company,
            status,
            archived,
            head,
            updated_at,
            campaign,
        ) = row;
        let template = self.template(&template_id, template_version).await?;
        Ok(DraftSummary {
            id,
            title,
            template_title: template.front.title.clone(),
            template_id,
            template_version,
            company,
            status: DraftStatus::parse(&status).map_err(|e| corrupt("draft status", e))?,
            archived: archived != 0,
            head,
            updated_at,
            campaign,
        })
    }

    pub async fn draft_version(
        &self,
        org: OrgId,
        id: i64,
        number: i64,
    ) -> Result<DraftVersion, StoreError> {
        read_version(self.pool(), org, id, number).await
    }

    /// Every version of a draft, newest first.
    pub async fn draft_versions(
        &self,
        org: OrgId,
        id: i64,
    ) -> Result<Vec<VersionSummary>, StoreError> {
        self.draft_summary(org, id).await?;
        let rows: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT number, note, saved_at FROM draft_versions WHERE draft_id = $1 ORDER BY number DESC",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(number, note, saved_at)| VersionSummary {
                number,
                note,
                saved_at,
            })
            .collect())
    }

    /// Saves answers as a new version if `base_version` is still the latest.
    pub async fn save_draft(
        &self,
        caller: &Caller,
        request: &SaveRequest,
    ) -> Result<SaveOutcome, StoreError> {
        self.add_version(
            caller,
            request.draft_id,
            request.base_version,
            &request.answers,
            &request.dismissals,
            "",
        )
        .await
    }

    /// Makes an old version's answers the newest version again.
    pub async fn restore_version(
        &self,
        caller: &Caller,
        id: i64,
        number: i64,
        base_version: i64,
    ) -> Result<SaveOutcome, StoreError> {
        let old = self.draft_version(caller.org, id, number).await?;
        let summary = self.draft_summary(caller.org, id).await?;
        // A version written with another template version is restored with
        // it: its answers belong to that version's questions.
        let move_to = if old.template_version == summary.template_version {
            None
        } else {
            let template = self
                .template(&summary.template_id, old.template_version)
                .await?;
            Some((old.template_version, template))
        };
        self.add_version_with(
            caller,
            id,
            base_version,
            &old.answers,
            &old.dismissals,
            &format!("restored from version {number}"),
            move_to,
        )
        .await
    }

    /// Moves a draft to another version of its template, as a new draft
    /// version: answers to questions the other version does not ask are
    /// dropped (they stay in the earlier versions).
    pub async fn move_to_template(
        &self,
        caller: &Caller,
        id: i64,
        base_version: i64,
        template_version: i64,
    ) -> Result<SaveOutcome, StoreError> {
        let (summary, latest) = self.draft(caller.org, id).await?;
        if summary.template_version == template_version {
            return Err(StoreError::Invalid(msg!(
                "store-draft-on-version",
                version = template_version
            )));
        }
        // Another organisation's template offers only the versions it shares.
        let published: Option<Option<String>> = sqlx::query_scalar(
            "SELECT CASE WHEN org_id IN ($1, 1) OR shared_at IS NOT NULL THEN published_at END
             FROM templates WHERE id = $2 AND version = $3",
        )
        .bind(caller.org.0)
        .bind(&summary.template_id)
        .bind(template_version)
        .fetch_optional(self.pool())
        .await?;
        match published {
            None => return Err(no_template_version(&summary.template_id, template_version)),
            Some(None) => {
                return Err(StoreError::Invalid(msg!(
                    "store-move-to-unpublished",
                    template = summary.template_id.as_str(),
                    version = template_version
                )))
            }
            Some(Some(_)) => {}
        }
        let target = self
            .template(&summary.template_id, template_version)
            .await?;
        let fields = &target.front.fields;
        let answers: Map<String, Value> = latest
            .answers
            .into_iter()
            .filter(|(k, _)| fields.iter().any(|f| &f.id == k))
            .collect();
        let note = format!(
            "moved from template version {} to {template_version}",
            summary.template_version
        );
        self.add_version_with(
            caller,
            id,
            base_version,
            &answers,
            &latest.dismissals,
            &note,
            Some((template_version, target)),
        )
        .await
    }

    async fn add_version(
        &self,
        caller: &Caller,
        id: i64,
        base_version: i64,
        answers: &Map<String, Value>,
        dismissals: &BTreeMap<String, String>,
        note: &str,
    ) -> Result<SaveOutcome, StoreError> {
        self.add_version_with(caller, id, base_version, answers, dismissals, note, None)
            .await
    }

    /// A new version on top of `base_version`, with the draft's template
    /// version changed to `move_to`'s when given.
    #[allow(clippy::too_many_arguments)]
    async fn add_version_with(
        &self,
        caller: &Caller,
        id: i64,
        base_version: i64,
        answers: &Map<String, Value>,
        dismissals: &BTreeMap<String, String>,
        note: &str,
        move_to: Option<(i64, Arc<Template>)>,
    ) -> Result<SaveOutcome, StoreError> {
        let org = caller.org;
        let (summary, current) = self.draft_template(org, id).await?;
        let (template_version, template) = match move_to {
            Some((version, template)) => (version, template),
            None => (summary.template_version, current),
        };
        let fields = &template.front.fields;
        if let Some(unknown) = answers.keys().find(|k| !fields.iter().any(|f| &f.id == *k)) {
            return Err(StoreError::Invalid(msg!(
                "store-no-field",
                template = summary.template_id.as_str(),
                field = unknown.as_str()
            )));
        }
        storable(fields, answers).map_err(StoreError::Invalid)?;
        let at = now();
        // The write lock first: a read followed by a write in a deferred
        // transaction can fail with "database is locked" under WAL.
        let mut tx = self.write().await?;
        let head: i64 = sqlx::query_scalar("SELECT head FROM drafts WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        // Reads inside the transaction use its own connection: asking the
        // pool for another while holding the write lock starves the pool
        // when every connection waits for that lock.
        if head != base_version {
            let current = read_version(&mut *tx, org, id, head).await?;
            tx.rollback().await?;
            return Ok(SaveOutcome::Conflict { current });
        }
        let latest = read_version(&mut *tx, org, id, head).await?;
        if note.is_empty() && latest.answers == *answers && latest.dismissals == *dismissals {
            tx.rollback().await?;
            return Ok(SaveOutcome::Unchanged { version: head });
        }
        let version = head + 1;
        let company = company_name(fields, answers);
        // The head check and the update are one statement inside the
        // transaction, so a concurrent save cannot slip between them.
        let updated = sqlx::query(
            "UPDATE drafts SET head = $1, template_version = $2, company = $3, company_key = $4, updated_at = $5
             WHERE id = $6 AND head = $7",
        )
        .bind(version)
        .bind(template_version)
        .bind(&company)
        .bind(company_key(&company))
        .bind(&at)
        .bind(id)
        .bind(head)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() != 1 {
            // Cannot happen while the write lock is held since the head was
            // read; answered as a conflict rather than trusted.
            tx.rollback().await?;
            let head = self.draft_summary(org, id).await?.head;
            return Ok(SaveOutcome::Conflict {
                current: self.draft_version(org, id, head).await?,
            });
        }
        let next = VersionAt {
            draft: id,
            number: version,
            template_version,
            by: &caller.email,
        };
        insert_version(&mut tx, next, answers, dismissals, note, &at).await?;
        replace_citations(&mut tx, org, id, version, cited_sources(fields, answers)).await?;
        tx.commit().await?;
        Ok(SaveOutcome::Saved {
            version,
            saved_at: at,
        })
    }

    /// A new draft with the latest answers of another, titled "… (copy)"
    /// in the language of the person who copies it.
    pub async fn duplicate_draft(
        &self,
        caller: &Caller,
        id: i64,
        lang: Lang,
    ) -> Result<i64, StoreError> {
        let (summary, version) = self.draft(caller.org, id).await?;
        let title = tr!(lang, "store-copy-title", title = summary.title.as_str());
        let title = DraftTitle::parse(&title)
            .or_else(|_| DraftTitle::parse(&summary.title))
            .map_err(StoreError::Invalid)?;
        let template = self
            .template(&summary.template_id, summary.template_version)
            .await?;
        let cited = cited_sources(&template.front.fields, &version.answers);
        let at = now();
        let mut tx = self.write().await?;
        let new_id: i64 = sqlx::query_scalar(
            "INSERT INTO drafts (org_id, title, template_id, template_version, company, company_key, status, head, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, 'draft', 1, $7, $8) RETURNING id",
        )
        .bind(caller.org.0)
        .bind(title.as_str())
        .bind(&summary.template_id)
        .bind(summary.template_version)
        .bind(&summary.company)
        .bind(company_key(&summary.company))
        .bind(&at)
        .bind(&at)
        .fetch_one(&mut *tx)
        .await?;
        let note = format!("copied from draft {id}, version {}", version.number);
        let first = VersionAt {
            draft: new_id,
            number: 1,
            template_version: summary.template_version,
            by: &caller.email,
        };
        insert_version(
            &mut tx,
            first,
            &version.answers,
            &version.dismissals,
            &note,
            &at,
        )
        .await?;
        replace_citations(&mut tx, caller.org, new_id, 1, cited).await?;
        tx.commit().await?;
        Ok(new_id)
    }

    pub async fn set_draft_archived(
        &self,
        org: OrgId,
        id: i64,
        archived: bool,
    ) -> Result<(), StoreError> {
        self.update_draft(org, id, "archived", i64::from(archived))
            .await
    }

    pub async fn set_draft_status(
        &self,
        org: OrgId,
        id: i64,
        status: DraftStatus,
    ) -> Result<(), StoreError> {
        self.update_draft(org, id, "status", status.as_str().to_owned())
            .await
    }

    pub async fn rename_draft(
        &self,
        org: OrgId,
        id: i64,
        title: &DraftTitle,
    ) -> Result<(), StoreError> {
        self.update_draft(org, id, "title", title.as_str().to_owned())
            .await
    }

    async fn update_draft<T>(
        &self,
        org: OrgId,
        id: i64,
        column: &'static str,
        value: T,
    ) -> Result<(), StoreError>
    where
        T: for<'q> sqlx::Encode<'q, sqlx::Any> + sqlx::Type<sqlx::Any> + Send,
    {
        // `column` is one of our own literals, never user input.
        let done = sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE drafts SET {column} = $1, updated_at = $2 WHERE id = $3 AND org_id = $4"
        )))
        .bind(value)
        .bind(now())
        .bind(id)
        .bind(org.0)
        .execute(self.pool())
        .await?;
        if done.rows_affected() == 0 {
            return Err(no_draft(id));
        }
        Ok(())
    }
}

pub(super) fn retired(template_id: &str) -> StoreError {
    StoreError::Invalid(msg!("store-template-retired", template = template_id))
}

/// Another organisation's draft reads the same: it does not exist.
pub(super) fn no_draft(id: i64) -> StoreError {
    StoreError::NotFound(msg!("store-no-draft", id = id))
}

/// A draft about to be stored: its title, template version and first
/// answers, and the campaign (with the co-filer) it belongs to.
pub(super) struct NewDraft<'a> {
    pub title: &'a DraftTitle,
    pub stored: &'a StoredTemplate,
    pub answers: &'a Map<String, Value>,
    pub campaign: Option<(i64, Option<&'a str>)>,
}

/// Stores a new draft and its first version inside `tx`, with an audit line.
pub(super) async fn insert_draft(
    tx: &mut Tx<'_>,
    caller: &Caller,
    new: NewDraft<'_>,
) -> Result<i64, StoreError> {
    let fields = &new.stored.template.front.fields;
    storable(fields, new.answers).map_err(StoreError::Invalid)?;
    let company = company_name(fields, new.answers);
    let at = now();
    let (campaign, cofiler) = new.campaign.unzip();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO drafts (org_id, title, template_id, template_version, company, company_key, head, created_at, updated_at, campaign_id, cofiler)
         VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $9, $10) RETURNING id",
    )
    .bind(caller.org.0)
    .bind(new.title.as_str())
    .bind(new.stored.template.id())
    .bind(new.stored.version)
    .bind(&company)
    .bind(company_key(&company))
    .bind(&at)
    .bind(&at)
    .bind(campaign)
    .bind(cofiler.flatten())
    .fetch_one(&mut **tx)
    .await?;
    let first = VersionAt {
        draft: id,
        number: 1,
        template_version: new.stored.version,
        by: &caller.email,
    };
    insert_version(tx, first, new.answers, &BTreeMap::new(), "", &at).await?;
    replace_citations(tx, caller.org, id, 1, cited_sources(fields, new.answers)).await?;
    super::accounts::insert_audit(
        tx,
        Some(caller.org),
        &caller.email,
        "create draft",
        &format!("draft {id}"),
        new.title.as_str(),
    )
    .await?;
    Ok(id)
}

/// Adds `answers` as the version after `base` (the draft's latest, read
/// inside `tx`, which holds the write lock) of draft `id`, with `note`
/// saying why; the template version stays `base`'s. Returns the new
/// version's number.
pub(super) async fn append_version(
    tx: &mut Tx<'_>,
    caller: &Caller,
    id: i64,
    template: &Template,
    base: &DraftVersion,
    answers: &Map<String, Value>,
    note: &str,
) -> Result<i64, StoreError> {
    let fields = &template.front.fields;
    storable(fields, answers).map_err(StoreError::Invalid)?;
    let at = now();
    let version = base.number + 1;
    let company = company_name(fields, answers);
    let updated = sqlx::query(
        "UPDATE drafts SET head = $1, company = $2, company_key = $3, updated_at = $4
         WHERE id = $5 AND org_id = $6 AND head = $7",
    )
    .bind(version)
    .bind(&company)
    .bind(company_key(&company))
    .bind(&at)
    .bind(id)
    .bind(caller.org.0)
    .bind(base.number)
    .execute(&mut **tx)
    .await?;
    if updated.rows_affected() != 1 {
        // The caller read `base` under the same lock; a mismatch is a bug.
        return Err(StoreError::Corrupt(format!(
            "draft {id} is no longer at version {}",
            base.number
        )));
    }
    let next = VersionAt {
        draft: id,
        number: version,
        template_version: base.template_version,
        by: &caller.email,
    };
    insert_version(tx, next, answers, &base.dismissals, note, &at).await?;
    replace_citations(tx, caller.org, id, version, cited_sources(fields, answers)).await?;
    Ok(version)
}

/// One version of one of `org`'s drafts, read through `executor` (the
/// pool, or a transaction's own connection).
pub(super) async fn read_version<'e, E>(
    executor: E,
    org: OrgId,
    id: i64,
    number: i64,
) -> Result<DraftVersion, StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let row: Option<(String, String, String, String, i64)> = sqlx::query_as(
        "SELECT v.answers, v.dismissals, v.note, v.saved_at,
                COALESCE(v.template_version, d.template_version)
         FROM draft_versions v JOIN drafts d ON d.id = v.draft_id
         WHERE v.draft_id = $1 AND v.number = $2 AND d.org_id = $3",
    )
    .bind(id)
    .bind(number)
    .bind(org.0)
    .fetch_optional(executor)
    .await?;
    let (answers, dismissals, note, saved_at, template_version) = row.ok_or_else(|| {
        StoreError::NotFound(msg!("store-no-draft-version", id = id, version = number))
    })?;
    Ok(DraftVersion {
        number,
        template_version,
        answers: serde_json::from_str(&answers).map_err(|e| corrupt("draft answers", e))?,
        dismissals: serde_json::from_str(&dismissals)
            .map_err(|e| corrupt("draft dismissals", e))?,
        note,
        saved_at,
    })
}

/// Where a version goes, which template version it was written with, and who saved it.
struct VersionAt<'a> {
    draft: i64,
    number: i64,
    template_version: i64,
    by: &'a str,
}

async fn insert_version(
    tx: &mut Tx<'_>,
    at_version: VersionAt<'_>,
    answers: &Map<String, Value>,
    dismissals: &BTreeMap<String, String>,
    note: &str,
    at: &str,
) -> Result<(), StoreError> {
    let dismissals = serde_json::to_string(dismissals).map_err(StoreError::invalid_as_given)?;
    sqlx::query(
        "INSERT INTO draft_versions (draft_id, number, answers, dismissals, note, saved_at, template_version, saved_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(at_version.draft)
    .bind(at_version.number)
    .bind(Value::Object(answers.clone()).to_string())
    .bind(dismissals)
    .bind(note)
    .bind(at)
    .bind(at_version.template_version)
    .bind(at_version.by)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The sources the draft's latest version cites (`draft_sources`), and the
/// permanent record that this version cites them (`citations`).
async fn replace_citations(
    tx: &mut Tx<'_>,
    org: OrgId,
    id: i64,
    version: i64,
    sources: std::collections::BTreeSet<String>,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM draft_sources WHERE draft_id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    for source in sources {
        sqlx::query("INSERT INTO draft_sources (draft_id, source_id) VALUES ($1, $2)")
            .bind(id)
            .bind(&source)
            .execute(&mut **tx)
            .await?;
        super::evidence::record_draft_citation(tx, org, &source, id, version).await?;
    }
    Ok(())
}
