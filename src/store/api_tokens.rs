//! API tokens: created and revoked by an organisation's admins, shown once,
//! stored as their SHA-256; a request with one acts for the organisation
//! within the token's scope.

use super::{now, Store, StoreError};
use crate::accounts::token::{digest, new_token};
use crate::accounts::{ApiScope, ApiToken, Caller, OrgId, OrgKind, Role};
use crate::i18n::msg;

/// The most live tokens an organisation keeps.
const MAX_TOKENS: i64 = 50;

type TokenRow = (
    i64,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

impl Store {
    /// A new token for `caller`'s organisation; the token itself is
    /// returned once and never stored.
    pub async fn create_api_token(
        &self,
        caller: &Caller,
        name: &str,
        scope: ApiScope,
    ) -> Result<(i64, String), StoreError> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return Err(StoreError::Invalid(msg!("store-token-name")));
        }
        if let Some(problem) = crate::text::refusal(name) {
            return Err(StoreError::Invalid(msg!(
                "store-token-name-refused",
                problem = problem
            )));
        }
        let token = format!("rs_{}", new_token().map_err(StoreError::invalid_as_given)?);
        let mut tx = self.write().await?;
        let live: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM api_tokens WHERE org_id = $1 AND revoked_at IS NULL",
        )
        .bind(caller.org.0)
        .fetch_one(&mut *tx)
        .await?;
        if live >= MAX_TOKENS {
            return Err(StoreError::Invalid(msg!(
                "store-too-many-tokens",
                count = live
            )));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO api_tokens (org_id, name, token_hash, scope, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(caller.org.0)
        .bind(name)
        .bind(digest(&token))
        .bind(scope.as_str())
        .bind(&caller.email)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        super::accounts::insert_audit(
            &mut tx,
            Some(caller.org),
            &caller.email,
            "create API token",
            &format!("token {id}"),
            &format!("{name} ({})", scope.as_str()),
        )
        .await?;
        tx.commit().await?;
        Ok((id, token))
    }

    pub async fn api_tokens(&self, org: OrgId) -> Result<Vec<ApiToken>, StoreError> {
        let rows: Vec<TokenRow> = sqlx::query_as(
            "SELECT id, name, scope, created_by, created_at, last_used_at, revoked_at
             FROM api_tokens WHERE org_id = $1 ORDER BY id DESC",
        )
        .bind(org.0)
        .fetch_all(self.pool())
        .await?;
        rows.into_iter()
            .map(
                |(id, name, scope, created_by, created_at, last_used_at, revoked_at)| {
                    Ok(ApiToken {
                        id,
                        name,
                        scope: ApiScope::parse(&scope).map_err(StoreError::Corrupt)?,
                        created_by,
                        created_at,
                        last_used_at,
                        revoked_at,
                    })
                },
            )
            .collect()
    }

    /// Revokes a token of the caller's organisation: requests with it are
    /// refused from then on, on every instance.
    pub async fn revoke_api_token(&self, caller: &Caller, id: i64) -> Result<(), StoreError> {
        let done = sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1
             WHERE id = $2 AND org_id = $3 AND revoked_at IS NULL",
        )
        .bind(now())
        .bind(id)
        .bind(caller.org.0)
        .execute(self.pool())
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::NotFound(msg!("store-no-token", id = id)));
        }
        self.audit(
            Some(caller.org),
            &caller.email,
            "revoke API token",
            &format!("token {id}"),
            "",
        )
        .await
    }

    /// The caller a live token acts as, and its id and scope; None for an
    /// unknown or revoked token. Audit entries name it `token:NAME`.
    pub async fn api_caller(
        &self,
        token: &str,
    ) -> Result<Option<(Caller, i64, ApiScope)>, StoreError> {
        type Row = (
            i64,
            String,
            String,
            Option<String>,
            i64,
            String,
            String,
            String,
        );
        let row: Option<Row> = sqlx::query_as(
            "SELECT t.id, t.name, t.scope, t.last_used_at, o.id, o.slug, o.name, o.kind
             FROM api_tokens t JOIN organisations o ON o.id = t.org_id
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL",
        )
        .bind(digest(token))
        .fetch_optional(self.pool())
        .await?;
        let Some((id, name, scope, last_used, org, slug, org_name, kind)) = row else {
            return Ok(None);
        };
        // Recorded to the minute: a write per request would put every API
        // call behind the database's write lock.
        let minute_ago =
            super::time_text(time::OffsetDateTime::now_utc() - time::Duration::minutes(1));
        if last_used.is_none_or(|at| at < minute_ago) {
            sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
                .bind(now())
                .bind(id)
                .execute(self.pool())
                .await?;
        }
        let scope = ApiScope::parse(&scope).map_err(StoreError::Corrupt)?;
        let caller = Caller {
            user_id: 0,
            email: format!("token:{name}"),
            // What the store's own checks see: drafts may be written only
            // with a `draft` token; the API checks the scope first.
            role: if scope == ApiScope::Draft {
                Role::Drafter
            } else {
                Role::Viewer
            },
            org: OrgId(org),
            org_slug: slug,
            org_name,
            org_kind: OrgKind::parse(&kind).map_err(StoreError::Corrupt)?,
            language: None,
        };
        Ok(Some((caller, id, scope)))
    }
}
