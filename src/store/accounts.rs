//! Organisations, people, sessions, sign-in failures, invitations, the
//! first-start setup token and the audit log.
//!
//! Sessions live in the database so that several server instances share
//! them. The cookie carries a random token; the table keeps its SHA-256.
//! A session ends after [`SESSION_IDLE`] without a request or
//! [`SESSION_LIFETIME`] after sign-in, whichever comes first.

use std::time::Duration;

use super::{now, Store, StoreError, Tx};
use crate::accounts::password;
use crate::accounts::token::{digest, new_token};
use crate::accounts::{
    parse_email, slug_of, AuditEntry, Caller, Member, OrgId, OrgKind, PendingInvitation, Role,
};
use crate::i18n::{msg, Lang};

pub const SESSION_IDLE: Duration = Duration::from_secs(12 * 60 * 60);
pub const SESSION_LIFETIME: Duration = Duration::from_secs(7 * 24 * 60 * 60);
/// Failed sign-ins allowed per account and per address within [`FAILURE_WINDOW`].
pub const MAX_FAILURES: i64 = 5;
pub const FAILURE_WINDOW: Duration = Duration::from_secs(15 * 60);
pub const INVITATION_LIFETIME: Duration = Duration::from_secs(7 * 24 * 60 * 60);
/// A session's last-seen time is written at most this often, so that
/// reading pages does not turn every request into a write.
const TOUCH_EVERY: Duration = Duration::from_secs(60);

/// Why a sign-in was refused. Both say nothing about whether the account exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignInRefusal {
    /// The same message for an unknown email and a wrong password.
    Wrong,
    /// Too many failures lately; try again after this many seconds.
    SlowDown { retry_after: u64 },
}

/// Who is signing in, for the slow-down and the audit log.
pub struct Attempt<'a> {
    pub email: &'a str,
    pub password: &'a str,
    /// The client's address, as the server sees it.
    pub address: &'a str,
}

/// A new session: the cookie's token and who it belongs to.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub token: String,
    pub caller: Caller,
}

/// The first organisation and its administrator, from the setup page or
/// the command line.
pub struct NewAccount<'a> {
    pub org_name: &'a str,
    pub org_kind: OrgKind,
    pub email: &'a str,
    pub password: &'a str,
}

/// A caller's columns, the last their chosen language (`users.language`).
type CallerRow = (
    i64,
    String,
    String,
    i64,
    String,
    String,
    String,
    Option<String>,
);
/// A caller's row and one more column (the password hash, or the last-seen time).
type CallerRowWith = (
    i64,
    String,
    String,
    i64,
    String,
    String,
    String,
    Option<String>,
    String,
);

/// An RFC 3339 time `offset` before (negative) or after now, as stored.
pub fn at_offset(offset: Duration, later: bool) -> String {
    let now = time::OffsetDateTime::now_utc();
    let at = if later { now + offset } else { now - offset };
    super::time_text(at)
}

/// Refuses a weak password with the reason; `email` and `more` are words
/// it must not be built from.
fn refuse_weak(password: &str, email: &str, more: &[&str]) -> Result<(), StoreError> {
    let local = email.split('@').next().unwrap_or_default();
    let mut context = vec![local, email];
    context.extend_from_slice(more);
    match password::weakness(password, &context) {
        Some(reason) => Err(StoreError::Invalid(reason)),
        None => Ok(()),
    }
}

fn parse_time(text: &str) -> Option<time::OffsetDateTime> {
    time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339).ok()
}

fn caller_of(row: CallerRow) -> Result<Caller, StoreError> {
    let (user_id, email, role, org, org_slug, org_name, kind, language) = row;
    Ok(Caller {
        user_id,
        email,
        role: Role::parse(&role).map_err(StoreError::Corrupt)?,
        org: OrgId(org),
        org_slug,
        org_name,
        org_kind: match kind.as_str() {
            "built-in" => OrgKind::BuiltIn,
            other => OrgKind::parse(other).map_err(StoreError::Corrupt)?,
        },
        // A language this version does not know reads as no choice.
        language: language.as_deref().and_then(Lang::parse),
    })
}

/// Argon2 takes tens of milliseconds of CPU: off the async workers.
async fn hash_password(password: String) -> Result<String, StoreError> {
    tokio::task::spawn_blocking(move || password::hash(&password))
        .await
        .map_err(|e| StoreError::Corrupt(format!("password hashing stopped: {e}")))?
        .map_err(StoreError::Corrupt)
}

async fn verify_password(password: String, stored: String) -> bool {
    tokio::task::spawn_blocking(move || password::verify(&password, &stored))
        .await
        .unwrap_or(false)
}

impl Store {
    /// Creates an organisation with a slug made from its name (numbered
    /// when taken). The first organisation also adopts whatever was stored
    /// before accounts existed.
    pub async fn create_org(
        &self,
        name: &str,
        kind: OrgKind,
    ) -> Result<(OrgId, String), StoreError> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 200 || name.chars().any(char::is_control) {
            return Err(StoreError::Invalid(msg!("store-org-name")));
        }
        if kind == OrgKind::BuiltIn {
            return Err(StoreError::Invalid(msg!("store-org-kind")));
        }
        let base = slug_of(name);
        let mut tx = self.write().await?;
        let mut slug = base.clone();
        let mut n = 1;
        loop {
            let taken: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE slug = $1")
                    .bind(&slug)
                    .fetch_one(&mut *tx)
                    .await?;
            if taken == 0 {
                break;
            }
            n += 1;
            slug = format!("{base}-{n}");
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO organisations (slug, name, kind, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(&slug)
        .bind(name)
        .bind(kind.as_str())
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        for table in ["drafts", "templates", "evidence_sources"] {
            // Our own table names, never input.
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE {table} SET org_id = $1 WHERE org_id IS NULL"
            )))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        insert_audit(
            &mut tx,
            Some(OrgId(id)),
            "cli",
            "create organisation",
            &slug,
            "",
        )
        .await?;
        tx.commit().await?;
        self.reload_library().await?;
        Ok((OrgId(id), slug))
    }

    pub async fn org_by_slug(&self, slug: &str) -> Result<OrgId, StoreError> {
        let id: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM organisations WHERE slug = $1 AND kind != 'built-in'",
        )
        .bind(slug)
        .fetch_optional(self.pool())
        .await?;
        id.map(OrgId)
            .ok_or_else(|| StoreError::NotFound(msg!("store-no-organisation", slug = slug)))
    }

    pub async fn has_users(&self) -> Result<bool, StoreError> {
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
            .fetch_one(self.pool())
            .await?;
        Ok(count > 0)
    }

    /// Adds a person to an organisation. Refused when the email is taken
    /// or the password is weak (with the reason).
    pub async fn create_user(
        &self,
        org: OrgId,
        email: &str,
        password: &str,
        role: Role,
    ) -> Result<i64, StoreError> {
        let email = parse_email(email).map_err(StoreError::Invalid)?;
        refuse_weak(password, &email, &[])?;
        let hash = hash_password(password.to_owned()).await?;
        let mut tx = self.write().await?;
        let id = insert_user(&mut tx, org, &email, &hash, role).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// People of one organisation, or of every organisation.
    pub async fn list_users(&self, org: Option<OrgId>) -> Result<Vec<Member>, StoreError> {
        let rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(
            "SELECT u.id, u.email, u.role, o.slug, u.created_at
             FROM users u JOIN organisations o ON o.id = u.org_id
             WHERE ($1 IS NULL OR u.org_id = $2) ORDER BY o.slug, u.email",
        )
        .bind(org.map(|o| o.0))
        .bind(org.map(|o| o.0))
        .fetch_all(self.pool())
        .await?;
        rows.into_iter()
            .map(|(id, email, role, org_slug, created_at)| {
                Ok(Member {
                    id,
                    email,
                    role: Role::parse(&role).map_err(StoreError::Corrupt)?,
                    org_slug,
                    created_at,
                })
            })
            .collect()
    }

    /// The organisation a person belongs to (for the command line, which
    /// names people by email).
    pub async fn org_of_user(&self, email: &str) -> Result<OrgId, StoreError> {
        let org: Option<i64> = sqlx::query_scalar("SELECT org_id FROM users WHERE email = $1")
            .bind(email.trim())
            .fetch_optional(self.pool())
            .await?;
        org.map(OrgId).ok_or_else(|| no_user(email))
    }

    /// Removes a person of `org` and ends their sessions. The last admin
    /// of an organisation stays.
    pub async fn remove_user(
        &self,
        org: OrgId,
        email: &str,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.write().await?;
        let role = user_role(&mut tx, org, email).await?;
        if role == Role::Admin && admins(&mut tx, org).await? <= 1 {
            return Err(StoreError::Invalid(msg!("store-last-admin")));
        }
        sqlx::query("DELETE FROM users WHERE org_id = $1 AND email = $2")
            .bind(org.0)
            .bind(email.trim())
            .execute(&mut *tx)
            .await?;
        insert_audit(&mut tx, Some(org), actor, "remove user", email.trim(), "").await?;
        tx.commit().await?;
        Ok(())
    }

    /// Changes a person's role; their sessions continue with the new role.
    pub async fn set_role(
        &self,
        org: OrgId,
        email: &str,
        role: Role,
        actor: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.write().await?;
        let old = user_role(&mut tx, org, email).await?;
        if old == Role::Admin && role != Role::Admin && admins(&mut tx, org).await? <= 1 {
            return Err(StoreError::Invalid(msg!("store-last-admin")));
        }
        sqlx::query("UPDATE users SET role = $1 WHERE org_id = $2 AND email = $3")
            .bind(role.as_str())
            .bind(org.0)
            .bind(email.trim())
            .execute(&mut *tx)
            .await?;
        let detail = format!("{} → {}", old.as_str(), role.as_str());
        insert_audit(
            &mut tx,
            Some(org),
            actor,
            "change role",
            email.trim(),
            &detail,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Checks an email and password, slowing down repeated failures per
    /// account and per address. Success starts a new session (a new token
    /// every time, so a token planted before sign-in is worthless).
    pub async fn sign_in(&self, attempt: &Attempt<'_>) -> Result<NewSession, SignInError> {
        let email = attempt.email.trim().to_lowercase();
        let keys = [format!("email:{email}"), format!("ip:{}", attempt.address)];
        let since = at_offset(FAILURE_WINDOW, false);
        // The attempt is counted as a failure before the password is
        // checked, under the write lock, and the count taken there: checked
        // first and recorded after the slow hash, 200 attempts sent at once
        // all passed a count that none of them had reached yet. A success
        // takes its mark back.
        let attempted_at = now();
        let mut tx = self.write().await?;
        for key in &keys {
            let (count, oldest): (i64, Option<String>) = sqlx::query_as(
                "SELECT COUNT(*), MIN(at) FROM sign_in_failures WHERE key = $1 AND at > $2",
            )
            .bind(key)
            .bind(&since)
            .fetch_one(&mut *tx)
            .await?;
            if count >= MAX_FAILURES {
                tx.rollback().await?;
                let free_at = oldest
                    .as_deref()
                    .and_then(parse_time)
                    .map(|t| t + FAILURE_WINDOW)
                    .unwrap_or_else(time::OffsetDateTime::now_utc);
                let wait = (free_at - time::OffsetDateTime::now_utc()).whole_seconds();
                return Err(SignInError::Refused(SignInRefusal::SlowDown {
                    retry_after: wait.max(1) as u64,
                }));
            }
        }
        for key in &keys {
            sqlx::query("INSERT INTO sign_in_failures (key, at) VALUES ($1, $2)")
                .bind(key)
                .bind(&attempted_at)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        let row: Option<(CallerRow, String)> = sqlx::query_as::<_, CallerRowWith>(
            "SELECT u.id, u.email, u.role, o.id, o.slug, o.name, o.kind, u.language, u.password_hash
             FROM users u JOIN organisations o ON o.id = u.org_id WHERE u.email = $1",
        )
        .bind(&email)
        .fetch_optional(self.pool())
        .await?
        .map(|(a, b, c, d, e, f, g, h, hash)| ((a, b, c, d, e, f, g, h), hash));
        let (stored_hash, found) = match row {
            Some((caller, hash)) => (hash, Some(caller)),
            None => (password::decoy_hash().to_owned(), None),
        };
        let matches = verify_password(attempt.password.to_owned(), stored_hash).await;
        let caller = match (found, matches) {
            (Some(row), true) => caller_of(row)?,
            (found, _) => {
                let org = found.map(|row| OrgId(row.3));
                // The failure was counted before the check.
                let mut tx = self.write().await?;
                // Old failures are no use to anyone.
                sqlx::query("DELETE FROM sign_in_failures WHERE at < $1")
                    .bind(at_offset(FAILURE_WINDOW * 4, false))
                    .execute(&mut *tx)
                    .await?;
                insert_audit(
                    &mut tx,
                    org,
                    &email,
                    "sign-in failed",
                    "",
                    &format!("from {}", attempt.address),
                )
                .await?;
                tx.commit().await?;
                return Err(SignInError::Refused(SignInRefusal::Wrong));
            }
        };
        // Success clears the account's failures, and takes back this
        // attempt's mark on the address.
        sqlx::query("DELETE FROM sign_in_failures WHERE key = $1 OR (key = $2 AND at = $3)")
            .bind(&keys[0])
            .bind(&keys[1])
            .bind(&attempted_at)
            .execute(self.pool())
            .await?;
        let session = self.start_session(caller).await?;
        self.audit(
            Some(session.caller.org),
            &session.caller.email,
            "sign in",
            "",
            &format!("from {}", attempt.address),
        )
        .await?;
        Ok(session)
    }

    async fn start_session(&self, caller: Caller) -> Result<NewSession, StoreError> {
        let token = new_token().map_err(StoreError::Corrupt)?;
        let at = now();
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(digest(&token))
        .bind(caller.user_id)
        .bind(&at)
        .bind(&at)
        .bind(at_offset(SESSION_LIFETIME, true))
        .execute(self.pool())
        .await?;
        // Expired sessions of this person go when they sign in again.
        sqlx::query(
            "DELETE FROM sessions WHERE user_id = $1 AND (expires_at < $2 OR last_seen_at < $3)",
        )
        .bind(caller.user_id)
        .bind(&at)
        .bind(at_offset(SESSION_IDLE, false))
        .execute(self.pool())
        .await?;
        Ok(NewSession { token, caller })
    }

    /// The person a session token belongs to, if the session is alive.
    pub async fn session_caller(&self, token: &str) -> Result<Option<Caller>, StoreError> {
        let hash = digest(token);
        let row: Option<CallerRowWith> = sqlx::query_as(
            "SELECT u.id, u.email, u.role, o.id, o.slug, o.name, o.kind, u.language, s.last_seen_at
                 FROM sessions s JOIN users u ON u.id = s.user_id
                 JOIN organisations o ON o.id = u.org_id
                 WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3",
        )
        .bind(&hash)
        .bind(now())
        .bind(at_offset(SESSION_IDLE, false))
        .fetch_optional(self.pool())
        .await?;
        let Some((a, b, c, d, e, f, g, h, last_seen)) = row else {
            return Ok(None);
        };
        if last_seen < at_offset(TOUCH_EVERY, false) {
            sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
                .bind(now())
                .bind(&hash)
                .execute(self.pool())
                .await?;
        }
        caller_of((a, b, c, d, e, f, g, h)).map(Some)
    }

    /// Keeps the caller's choice of interface language with their account.
    pub async fn set_language(&self, caller: &Caller, language: Lang) -> Result<(), StoreError> {
        sqlx::query("UPDATE users SET language = $1 WHERE id = $2")
            .bind(language.code())
            .bind(caller.user_id)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Changes the caller's own password after checking the current one;
    /// their other sessions end, this one (`keep`, a session token) stays.
    pub async fn change_password(
        &self,
        caller: &Caller,
        current: &str,
        new: &str,
        keep: &str,
    ) -> Result<(), StoreError> {
        let stored: String = sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1")
            .bind(caller.user_id)
            .fetch_one(self.pool())
            .await?;
        if !verify_password(current.to_owned(), stored).await {
            return Err(StoreError::Invalid(msg!("store-wrong-password")));
        }
        refuse_weak(new, &caller.email, &[&caller.org_name])?;
        let hash = hash_password(new.to_owned()).await?;
        let mut tx = self.write().await?;
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(&hash)
            .bind(caller.user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash != $2")
            .bind(caller.user_id)
            .bind(digest(keep))
            .execute(&mut *tx)
            .await?;
        insert_audit(
            &mut tx,
            Some(caller.org),
            &caller.email,
            "change password",
            "",
            "",
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Ends a session on the server: the cookie is worthless afterwards.
    pub async fn end_session(&self, token: &str) -> Result<Option<Caller>, StoreError> {
        let caller = self.session_caller(token).await?;
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(digest(token))
            .execute(self.pool())
            .await?;
        if let Some(caller) = &caller {
            self.audit(Some(caller.org), &caller.email, "sign out", "", "")
                .await?;
        }
        Ok(caller)
    }

    /// A new one-time setup token while nobody can sign in; `None` once
    /// someone can. Earlier tokens stop working.
    pub async fn setup_token(&self) -> Result<Option<String>, StoreError> {
        if self.has_users().await? {
            return Ok(None);
        }
        let token = new_token().map_err(StoreError::Corrupt)?;
        let mut tx = self.write().await?;
        sqlx::query("DELETE FROM setup_tokens")
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO setup_tokens (token_hash, created_at) VALUES ($1, $2)")
            .bind(digest(&token))
            .bind(now())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Some(token))
    }

    pub async fn setup_token_valid(&self, token: &str) -> Result<bool, StoreError> {
        let found: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM setup_tokens WHERE token_hash = $1")
                .bind(digest(token))
                .fetch_one(self.pool())
                .await?;
        Ok(found > 0 && !self.has_users().await?)
    }

    /// Creates the first organisation and its admin with the one-time
    /// token, and signs the admin in.
    pub async fn complete_setup(
        &self,
        token: &str,
        account: &NewAccount<'_>,
    ) -> Result<NewSession, StoreError> {
        if !self.setup_token_valid(token).await? {
            return Err(StoreError::NotFound(msg!("store-setup-replaced")));
        }
        let email = parse_email(account.email).map_err(StoreError::Invalid)?;
        refuse_weak(account.password, &email, &[account.org_name])?;
        let (org, _) = self.create_org(account.org_name, account.org_kind).await?;
        let hash = hash_password(account.password.to_owned()).await?;
        let mut tx = self.write().await?;
        let used = sqlx::query("DELETE FROM setup_tokens WHERE token_hash = $1")
            .bind(digest(token))
            .execute(&mut *tx)
            .await?;
        if used.rows_affected() != 1 {
            return Err(StoreError::NotFound(msg!("store-setup-used")));
        }
        insert_user(&mut tx, org, &email, &hash, Role::Admin).await?;
        insert_audit(
            &mut tx,
            Some(org),
            &email,
            "set up",
            "",
            "first administrator",
        )
        .await?;
        tx.commit().await?;
        let caller = self.caller_by_email(&email).await?;
        self.start_session(caller).await
    }

    async fn caller_by_email(&self, email: &str) -> Result<Caller, StoreError> {
        let row: Option<CallerRow> = sqlx::query_as(
            "SELECT u.id, u.email, u.role, o.id, o.slug, o.name, o.kind, u.language
             FROM users u JOIN organisations o ON o.id = u.org_id WHERE u.email = $1",
        )
        .bind(email)
        .fetch_optional(self.pool())
        .await?;
        caller_of(row.ok_or_else(|| no_user(email))?)
    }

    /// Invites `email` to join `org` with `role`; the token is the link's.
    pub async fn invite(
        &self,
        caller: &Caller,
        email: &str,
        role: Role,
    ) -> Result<String, StoreError> {
        let email = parse_email(email).map_err(StoreError::Invalid)?;
        let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email = $1")
            .bind(&email)
            .fetch_one(self.pool())
            .await?;
        if taken > 0 {
            return Err(email_taken(&email));
        }
        let token = new_token().map_err(StoreError::Corrupt)?;
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO invitations (token_hash, org_id, email, role, invited_by, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(digest(&token))
        .bind(caller.org.0)
        .bind(&email)
        .bind(role.as_str())
        .bind(&caller.email)
        .bind(now())
        .bind(at_offset(INVITATION_LIFETIME, true))
        .execute(&mut *tx)
        .await?;
        insert_audit(
            &mut tx,
            Some(caller.org),
            &caller.email,
            "invite",
            &email,
            role.as_str(),
        )
        .await?;
        tx.commit().await?;
        Ok(token)
    }

    pub async fn pending_invitations(
        &self,
        org: OrgId,
    ) -> Result<Vec<PendingInvitation>, StoreError> {
        let rows: Vec<(String, String, String, String)> = sqlx::query_as(
            "SELECT email, role, invited_by, expires_at FROM invitations
             WHERE org_id = $1 AND accepted_at IS NULL AND expires_at > $2 ORDER BY created_at DESC",
        )
        .bind(org.0)
        .bind(now())
        .fetch_all(self.pool())
        .await?;
        rows.into_iter()
            .map(|(email, role, invited_by, expires_at)| {
                Ok(PendingInvitation {
                    email,
                    role: Role::parse(&role).map_err(StoreError::Corrupt)?,
                    invited_by,
                    expires_at,
                })
            })
            .collect()
    }

    /// An invitation still open: (organisation name, email, role).
    pub async fn invitation(&self, token: &str) -> Result<(String, String, Role), StoreError> {
        let row: Option<(String, String, String)> = sqlx::query_as(
            "SELECT o.name, i.email, i.role FROM invitations i JOIN organisations o ON o.id = i.org_id
             WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.expires_at > $2",
        )
        .bind(digest(token))
        .bind(now())
        .fetch_optional(self.pool())
        .await?;
        let (org, email, role) =
            row.ok_or_else(|| StoreError::NotFound(msg!("store-invitation-gone")))?;
        Ok((org, email, Role::parse(&role).map_err(StoreError::Corrupt)?))
    }

    /// Accepts an invitation with a new password and signs the person in.
    pub async fn accept_invitation(
        &self,
        token: &str,
        password: &str,
    ) -> Result<NewSession, StoreError> {
        let (_, email, _) = self.invitation(token).await?;
        refuse_weak(password, &email, &[])?;
        let hash = hash_password(password.to_owned()).await?;
        let mut tx = self.write().await?;
        let row: Option<(i64, String)> = sqlx::query_as(
            "UPDATE invitations SET accepted_at = $1
             WHERE token_hash = $2 AND accepted_at IS NULL AND expires_at > $3
             RETURNING org_id, role",
        )
        .bind(now())
        .bind(digest(token))
        .bind(now())
        .fetch_optional(&mut *tx)
        .await?;
        let (org, role) = row.ok_or_else(|| StoreError::NotFound(msg!("store-invitation-used")))?;
        let role = Role::parse(&role).map_err(StoreError::Corrupt)?;
        insert_user(&mut tx, OrgId(org), &email, &hash, role).await?;
        insert_audit(&mut tx, Some(OrgId(org)), &email, "join", "", role.as_str()).await?;
        tx.commit().await?;
        let caller = self.caller_by_email(&email).await?;
        self.start_session(caller).await
    }

    /// Records who did what. `org` is `None` only when nobody's
    /// organisation is known.
    pub async fn audit(
        &self,
        org: Option<OrgId>,
        actor: &str,
        action: &str,
        target: &str,
        detail: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.write().await?;
        insert_audit(&mut tx, org, actor, action, target, detail).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The organisation's audit log, newest first.
    pub async fn audit_log(&self, org: OrgId, limit: i64) -> Result<Vec<AuditEntry>, StoreError> {
        let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
            "SELECT at, actor, action, target, detail FROM audit_log
             WHERE org_id = $1 ORDER BY id DESC LIMIT $2",
        )
        .bind(org.0)
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(at, actor, action, target, detail)| AuditEntry {
                at,
                actor,
                action,
                target,
                detail,
            })
            .collect())
    }
}

/// A sign-in refused, or a failure of ours.
#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    #[error("sign-in refused")]
    Refused(SignInRefusal),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for SignInError {
    fn from(error: sqlx::Error) -> Self {
        SignInError::Store(StoreError::Database(error))
    }
}

fn no_user(email: &str) -> StoreError {
    StoreError::NotFound(msg!("store-no-user", email = email.trim()))
}

fn email_taken(email: &str) -> StoreError {
    StoreError::Invalid(msg!("store-email-taken", email = email))
}

async fn insert_user(
    tx: &mut Tx<'_>,
    org: OrgId,
    email: &str,
    hash: &str,
    role: Role,
) -> Result<i64, StoreError> {
    let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&mut **tx)
        .await?;
    if taken > 0 {
        return Err(email_taken(email));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (org_id, email, password_hash, role, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(org.0)
    .bind(email)
    .bind(hash)
    .bind(role.as_str())
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

async fn user_role(tx: &mut Tx<'_>, org: OrgId, email: &str) -> Result<Role, StoreError> {
    let role: Option<String> =
        sqlx::query_scalar("SELECT role FROM users WHERE org_id = $1 AND email = $2")
            .bind(org.0)
            .bind(email.trim())
            .fetch_optional(&mut **tx)
            .await?;
    Role::parse(&role.ok_or_else(|| no_user(email))?).map_err(StoreError::Corrupt)
}

async fn admins(tx: &mut Tx<'_>, org: OrgId) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE org_id = $1 AND role = 'admin'")
            .bind(org.0)
            .fetch_one(&mut **tx)
            .await?,
    )
}

pub(super) async fn insert_audit(
    tx: &mut Tx<'_>,
    org: Option<OrgId>,
    actor: &str,
    action: &str,
    target: &str,
    detail: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO audit_log (org_id, at, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(org.map(|o| o.0))
    .bind(now())
    .bind(actor)
    .bind(action)
    .bind(target)
    .bind(detail)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
