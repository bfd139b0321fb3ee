//! Final drafts published for readers at an unguessable address. The
//! address shows one version of the draft (the latest when published, or
//! published again), nothing else of the organisation; withdrawn, it
//! answers "gone".

use std::sync::Arc;

use serde_json::{Map, Value};

use super::{now, Store, StoreError};
use crate::accounts::token::new_token;
use crate::accounts::{Caller, OrgId};
use crate::compose::Template;
use crate::drafts::{DraftStatus, Publication};
use crate::i18n::msg;

/// What a reader's address leads to.
pub struct PublicDocument {
    pub title: String,
    pub company: String,
    pub template: Arc<Template>,
    pub answers: Map<String, Value>,
    pub saved_at: String,
    pub indexable: bool,
    /// The organisation whose library the document cites from.
    pub org: OrgId,
}

/// Why an address shows nothing.
#[derive(Debug, thiserror::Error)]
pub enum PublicError {
    #[error("there is no document at this address")]
    NotFound,
    #[error("this document has been withdrawn by its publisher")]
    Withdrawn,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for PublicError {
    fn from(error: sqlx::Error) -> Self {
        PublicError::Store(StoreError::Database(error))
    }
}

impl Store {
    /// Publishes the draft's latest version for readers. A draft must be
    /// final first. Published again, the same address shows the newer
    /// version.
    pub async fn publish_draft(
        &self,
        caller: &Caller,
        id: i64,
        indexable: bool,
    ) -> Result<Publication, StoreError> {
        let summary = self.draft_summary(caller.org, id).await?;
        if summary.status != DraftStatus::Final {
            return Err(StoreError::Invalid(msg!("store-publish-not-final")));
        }
        let mut tx = self.write().await?;
        // Read again under the write lock: a save or a change of status
        // since the check above would otherwise publish an older version,
        // or a draft no longer final.
        let head: Option<i64> = sqlx::query_scalar(
            "SELECT head FROM drafts WHERE id = $1 AND org_id = $2 AND status = 'final'",
        )
        .bind(id)
        .bind(caller.org.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(head) = head else {
            tx.rollback().await?;
            return Err(StoreError::Invalid(msg!("store-publish-not-final")));
        };
        let existing: Option<String> = sqlx::query_scalar(
            "SELECT token FROM publications WHERE draft_id = $1 AND org_id = $2 AND withdrawn_at IS NULL",
        )
        .bind(id)
        .bind(caller.org.0)
        .fetch_optional(&mut *tx)
        .await?;
        let at = now();
        let token = match existing {
            Some(token) => {
                sqlx::query(
                    "UPDATE publications SET version = $1, indexable = $2, published_by = $3, published_at = $4
                     WHERE token = $5",
                )
                .bind(head)
                .bind(i64::from(indexable))
                .bind(&caller.email)
                .bind(&at)
                .bind(&token)
                .execute(&mut *tx)
                .await?;
                token
            }
            None => {
                let token = new_token().map_err(StoreError::Corrupt)?;
                sqlx::query(
                    "INSERT INTO publications (token, draft_id, org_id, version, indexable, published_by, published_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(&token)
                .bind(id)
                .bind(caller.org.0)
                .bind(head)
                .bind(i64::from(indexable))
                .bind(&caller.email)
                .bind(&at)
                .execute(&mut *tx)
                .await?;
                token
            }
        };
        let target = format!("draft {id} version {head}");
        super::accounts::insert_audit(
            &mut tx,
            Some(caller.org),
            &caller.email,
            "publish",
            &target,
            if indexable {
                "search engines may index it"
            } else {
                ""
            },
        )
        .await?;
        tx.commit().await?;
        Ok(Publication {
            token,
            version: head,
            indexable,
            published_at: at,
        })
    }

    /// Withdraws the draft's publication: its address answers "gone".
    pub async fn withdraw_draft(&self, caller: &Caller, id: i64) -> Result<(), StoreError> {
        self.draft_summary(caller.org, id).await?;
        let done = sqlx::query(
            "UPDATE publications SET withdrawn_at = $1
             WHERE draft_id = $2 AND org_id = $3 AND withdrawn_at IS NULL",
        )
        .bind(now())
        .bind(id)
        .bind(caller.org.0)
        .execute(self.pool())
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Invalid(msg!("store-not-published")));
        }
        self.audit(
            Some(caller.org),
            &caller.email,
            "withdraw",
            &format!("draft {id}"),
            "",
        )
        .await
    }

    /// The draft's current publication, if any.
    pub async fn publication(
        &self,
        org: OrgId,
        id: i64,
    ) -> Result<Option<Publication>, StoreError> {
        self.draft_summary(org, id).await?;
        let row: Option<(String, i64, i64, String)> = sqlx::query_as(
            "SELECT token, version, indexable, published_at FROM publications
             WHERE draft_id = $1 AND org_id = $2 AND withdrawn_at IS NULL",
        )
        .bind(id)
        .bind(org.0)
        .fetch_optional(self.pool())
        .await?;
        Ok(
            row.map(|(token, version, indexable, published_at)| Publication {
                token,
                version,
                indexable: indexable != 0,
                published_at,
            }),
        )
    }

    /// The document behind a reader's address.
    pub async fn public_document(&self, token: &str) -> Result<PublicDocument, PublicError> {
        let row: Option<(i64, i64, i64, i64, Option<String>)> = sqlx::query_as(
            "SELECT draft_id, org_id, version, indexable, withdrawn_at FROM publications WHERE token = $1",
        )
        .bind(token)
        .fetch_optional(self.pool())
        .await?;
        let (draft, org, version, indexable, withdrawn) = row.ok_or(PublicError::NotFound)?;
        if withdrawn.is_some() {
            return Err(PublicError::Withdrawn);
        }
        let org = OrgId(org);
        let summary = self.draft_summary(org, draft).await?;
        let stored = self.draft_version(org, draft, version).await?;
        let template = self
            .template(&summary.template_id, stored.template_version)
            .await?;
        Ok(PublicDocument {
            title: summary.title,
            company: summary.company,
            template,
            answers: stored.answers,
            saved_at: stored.saved_at,
            indexable: indexable != 0,
            org,
        })
    }
}
