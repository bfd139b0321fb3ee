//! Storage: one SQLite file (sqlx) holding templates and their versions,
//! drafts and their versions, and the evidence library. Migrations in
//! `migrations/` are applied at start-up; built-in templates and the sample
//! evidence are loaded on first start.
//!
//! Which error when: [`StoreError::NotFound`] and [`StoreError::Invalid`]
//! are the user's to fix (the web layer shows them as they are);
//! [`StoreError::SourceInUse`] is a refusal that lists what to change first;
//! [`StoreError::Database`] and [`StoreError::Corrupt`] are ours and are
//! logged as well as shown.

pub mod accounts;
pub mod backup;
pub mod drafts;
pub mod evidence;
pub mod publications;
pub mod template_library;
pub mod templates;

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::{Arc, Mutex, RwLock};

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

use crate::accounts::OrgId;
use crate::compose::Template;
use crate::evidence::Library;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Invalid(String),
    /// The caller sees the thing but may not change it (a shared or
    /// built-in template or source).
    #[error("{0}")]
    Forbidden(String),
    #[error("source `{source_id}` cannot be deleted: it is cited by {}; retire it instead to hide it from the picker", .drafts.join(", "))]
    SourceInUse {
        source_id: String,
        /// What cites it: drafts and templates with their versions.
        drafts: Vec<String>,
    },
    #[error("the database could not be opened at {url}: {source}")]
    Open { url: String, source: sqlx::Error },
    #[error("the database could not be brought up to date: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("the database failed: {0}")]
    Database(#[from] sqlx::Error),
    /// Stored data that no longer parses: a bug or a hand edit of the file.
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
}

/// The database and the caches in front of it. Shared by every request.
pub struct Store {
    pool: SqlitePool,
    /// Parsed templates by (id, version); versions never change once stored.
    templates: Mutex<HashMap<(String, i64), Arc<Template>>>,
    /// Every evidence source with its owner, replaced on every change.
    evidence: RwLock<Arc<evidence::Evidence>>,
    /// Each organisation's view of the library, cut from `evidence` when
    /// first needed after a change.
    org_libraries: Mutex<HashMap<OrgId, Arc<Library>>>,
}

impl Store {
    /// Opens (creating if needed) the database at `url` and applies migrations.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        let open_error = |source| StoreError::Open {
            url: url.to_owned(),
            source,
        };
        let options = SqliteConnectOptions::from_str(url)
            .map_err(open_error)?
            .create_if_missing(true)
            .foreign_keys(true)
            // WAL lets the preview read while a save writes; FULL makes an
            // acknowledged save survive a crash of the machine, not only of us.
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(std::time::Duration::from_secs(5));
        if let Some(dir) = options.get_filename().parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir).map_err(|e| open_error(sqlx::Error::Io(e)))?;
            }
        }
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .map_err(open_error)?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        let store = Store {
            pool,
            templates: Mutex::new(HashMap::new()),
            evidence: RwLock::new(Arc::new(evidence::Evidence::default())),
            org_libraries: Mutex::new(HashMap::new()),
        };
        store.fill_company_keys().await?;
        store.reload_library().await?;
        Ok(store)
    }

    /// Drafts saved before `company_key` existed get it here, folded as the
    /// app folds it (see the migration `campaign_key`).
    async fn fill_company_keys(&self) -> Result<(), StoreError> {
        let rows: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, company FROM drafts WHERE company_key IS NULL")
                .fetch_all(&self.pool)
                .await?;
        if rows.is_empty() {
            return Ok(());
        }
        let mut tx = self.write().await?;
        for (id, company) in rows {
            sqlx::query("UPDATE drafts SET company_key = ? WHERE id = ?")
                .bind(crate::drafts::campaign::company_key(&company))
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Whether the database answers a query.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// A transaction that holds the write lock from its start (`BEGIN
    /// IMMEDIATE`). Every transaction that writes starts this way: one that
    /// reads first and writes later can fail under WAL with "database is
    /// locked" (a stale snapshot), which no busy timeout retries. Taking
    /// the lock waits up to the busy timeout, then is retried a few times.
    /// Inside it, read through the transaction, never through the pool: a
    /// connection holding the lock must not wait for another connection.
    pub(crate) async fn write(&self) -> Result<sqlx::Transaction<'_, sqlx::Sqlite>, StoreError> {
        const ATTEMPTS: u32 = 3;
        let mut attempt = 1;
        loop {
            match self.pool.begin_with("BEGIN IMMEDIATE").await {
                Ok(tx) => return Ok(tx),
                Err(error) if attempt < ATTEMPTS && is_busy(&error) => attempt += 1,
                Err(error) => return Err(StoreError::Database(error)),
            }
        }
    }
}

/// Now, as stored: RFC 3339 in UTC with a fixed width, so text order is time order.
pub fn now() -> String {
    time_text(time::OffsetDateTime::now_utc())
}

/// A time as stored (see [`now`]).
pub fn time_text(at: time::OffsetDateTime) -> String {
    let format = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z"
    );
    // The format has only fields every date has, so formatting cannot fail.
    at.format(&format).unwrap_or_default()
}

/// SQLite's "busy" or "locked" (codes 5 and 6, and their extended codes).
fn is_busy(error: &sqlx::Error) -> bool {
    error
        .as_database_error()
        .and_then(|e| e.code())
        .and_then(|code| code.parse::<u32>().ok())
        .is_some_and(|code| matches!(code & 0xff, 5 | 6))
}

fn corrupt(what: &str, error: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("{what}: {error}"))
}
