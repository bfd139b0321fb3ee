//! Storage: one SQLite file, or a PostgreSQL database shared by several
//! instances (sqlx), holding organisations and people, templates and their
//! versions, drafts and their versions, and the evidence library.
//! Migrations in `migrations/sqlite/` or `migrations/postgres/` are applied
//! at start-up; built-in templates and the sample evidence are loaded on
//! first start.
//!
//! Which error when: [`StoreError::NotFound`] and [`StoreError::Invalid`]
//! are the user's to fix (the web layer words them in the reader's
//! language, [`StoreError::words`]); [`StoreError::SourceInUse`] is a
//! refusal that lists what to change first; [`StoreError::Database`] and
//! [`StoreError::Corrupt`] are ours and are logged, in English.

pub mod accounts;
pub mod api_tokens;
pub mod backup;
pub mod batches;
pub mod campaigns;
pub mod drafts;
pub mod evidence;
pub mod publications;
pub mod template_library;
pub mod templates;

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::{Arc, Mutex, RwLock};

use sqlx::any::AnyPoolOptions;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::AnyPool;

use crate::accounts::OrgId;
use crate::compose::Template;
use crate::config::{redacted, DatabaseConfig, Engine};
use crate::evidence::Library;
use crate::i18n::{msg, Lang, Message};
use crate::templates::Catalog;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    NotFound(Message),
    #[error("{0}")]
    Invalid(Message),
    /// The caller sees the thing but may not change it (a shared or
    /// built-in template or source).
    #[error("{0}")]
    Forbidden(Message),
    #[error("{}", source_in_use(.source_id, .drafts, Lang::En))]
    SourceInUse {
        source_id: String,
        /// What cites it: drafts and templates with their versions.
        drafts: Vec<Message>,
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

impl StoreError {
    /// The refusal in `lang`, for the person whose request it refuses.
    /// Failures of ours are logged, never shown, so they stay English.
    pub fn words(&self, lang: Lang) -> String {
        match self {
            StoreError::NotFound(message)
            | StoreError::Invalid(message)
            | StoreError::Forbidden(message) => message.words(lang),
            StoreError::SourceInUse { source_id, drafts } => source_in_use(source_id, drafts, lang),
            StoreError::Open { .. }
            | StoreError::Migrate(_)
            | StoreError::Database(_)
            | StoreError::Corrupt(_) => self.to_string(),
        }
    }

    /// [`StoreError::Invalid`] with text another module worded (in
    /// English only), passed on as it is.
    pub(crate) fn invalid_as_given(detail: impl std::fmt::Display) -> StoreError {
        StoreError::Invalid(as_given(detail))
    }
}

/// Text another module worded, in English only: a message of its own that
/// says "show this as it is".
pub(crate) fn as_given(detail: impl std::fmt::Display) -> Message {
    msg!("store-as-given", detail = detail.to_string())
}

/// Why a source cannot be deleted, with what cites it, in `lang`.
fn source_in_use(source_id: &str, citing: &[Message], lang: Lang) -> String {
    let citing: Vec<String> = citing.iter().map(|c| c.words(lang)).collect();
    msg!(
        "store-source-in-use",
        source = source_id,
        citing = citing.join(", ")
    )
    .words(lang)
}

/// A transaction on either engine.
pub(crate) type Tx<'a> = sqlx::Transaction<'a, sqlx::Any>;

/// The key of PostgreSQL's advisory lock that one writer at a time holds,
/// as SQLite's `BEGIN IMMEDIATE` does (see [`Store::write`]).
const WRITE_LOCK: i64 = 0x5253_5f57_5249_5445; // "RS_WRITE"
/// The key of the lock instances hold while storing built-in data at start.
const START_LOCK: i64 = 0x5253_5f53_5441_5254; // "RS_START"

/// The database and the caches in front of it. Shared by every request.
///
/// One set of queries serves both engines through sqlx's `Any` driver:
/// they are written in the SQL both understand, with `$1` placeholders;
/// where the engines differ (opening, locking, the schema), [`Engine`]
/// says which way to go.
pub struct Store {
    pool: AnyPool,
    engine: Engine,
    /// Parsed templates by (id, version). A stored version's source never
    /// changes, so this cache is never stale, whichever instance stored it.
    templates: Mutex<HashMap<(String, i64), Arc<Template>>>,
    /// Every evidence source with its owner, and the evidence generation
    /// it was read at (see [`Store::fresh_evidence`]).
    evidence: RwLock<(i64, Arc<evidence::Evidence>)>,
    /// Each organisation's view of the library, cut from `evidence` when
    /// first needed after a change, with the generation it was cut at.
    org_libraries: Mutex<HashMap<OrgId, (i64, Arc<Library>)>>,
}

impl Store {
    /// Opens (creating an SQLite file if needed) the database `database`
    /// names and applies migrations. Several instances may open one
    /// PostgreSQL database at once: sqlx's migrator holds an advisory lock.
    pub async fn open(database: &DatabaseConfig) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let open_error = |source| StoreError::Open {
            url: redacted(&database.url),
            source,
        };
        let url = match database.engine {
            Engine::Sqlite => sqlite_url(&database.url).map_err(open_error)?,
            Engine::Postgres => database.url.clone(),
        };
        let engine = database.engine;
        let timeout_ms = database.statement_timeout.as_millis();
        let pool = AnyPoolOptions::new()
            .max_connections(database.max_connections)
            .after_connect(move |connection, _| {
                Box::pin(async move {
                    let settings = match engine {
                        // WAL lets the preview read while a save writes;
                        // FULL makes an acknowledged save survive a crash
                        // of the machine, not only of us.
                        Engine::Sqlite => format!(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {timeout_ms};"
                        ),
                        Engine::Postgres => format!("SET statement_timeout = {timeout_ms}"),
                    };
                    sqlx::raw_sql(sqlx::AssertSqlSafe(settings))
                        .execute(connection)
                        .await?;
                    Ok(())
                })
            })
            .connect(&url)
            .await
            .map_err(open_error)?;
        match engine {
            Engine::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&pool).await?,
            Engine::Postgres => sqlx::migrate!("./migrations/postgres").run(&pool).await?,
        }
        let store = Store {
            pool,
            engine,
            templates: Mutex::new(HashMap::new()),
            evidence: RwLock::new((-1, Arc::new(evidence::Evidence::default()))),
            org_libraries: Mutex::new(HashMap::new()),
        };
        store.reload_library().await?;
        Ok(store)
    }

    /// What a server does once the database is open: stores the built-in
    /// templates whose files changed, the sample evidence on the first
    /// start, and fills what older versions left empty. Instances starting
    /// together on one PostgreSQL database take turns, so each sees what
    /// the one before stored.
    pub async fn start_up(
        &self,
        catalog: &Catalog,
        sample: &std::path::Path,
    ) -> Result<(), StoreError> {
        let mut turn = match self.engine {
            Engine::Sqlite => None,
            Engine::Postgres => {
                let mut connection = self.pool.acquire().await?;
                sqlx::query("SELECT pg_advisory_lock($1)")
                    .bind(START_LOCK)
                    .execute(&mut *connection)
                    .await?;
                Some(connection)
            }
        };
        let result = async {
            self.fill_company_keys().await?;
            self.sync_builtin_templates(catalog).await?;
            self.seed_evidence(sample).await?;
            self.fail_abandoned_batches().await?;
            self.index_citations().await
        }
        .await;
        if let Some(connection) = turn.as_mut() {
            sqlx::query("SELECT pg_advisory_unlock($1)")
                .bind(START_LOCK)
                .execute(&mut **connection)
                .await?;
        }
        result
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
            sqlx::query("UPDATE drafts SET company_key = $1 WHERE id = $2")
                .bind(crate::drafts::campaign::company_key(&company))
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// Whether the database answers a query.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// A transaction that is the only writer from its start, on either
    /// engine, so every read-check-write in the store stays correct without
    /// locks of its own: SQLite's `BEGIN IMMEDIATE`, or on PostgreSQL a
    /// transaction-scoped advisory lock that every writing transaction of
    /// every instance takes first (reads are never blocked).
    ///
    /// On SQLite, one that reads first and writes later can fail under
    /// WAL with "database is locked" (a stale snapshot), which no busy
    /// timeout retries; taking the lock waits up to the busy timeout, then
    /// is retried a few times. Inside it, read through the transaction,
    /// never through the pool: a connection holding the lock must not wait
    /// for another connection.
    pub(crate) async fn write(&self) -> Result<Tx<'_>, StoreError> {
        match self.engine {
            Engine::Postgres => {
                let mut tx = self.pool.begin().await?;
                sqlx::query("SELECT pg_advisory_xact_lock($1)")
                    .bind(WRITE_LOCK)
                    .execute(&mut *tx)
                    .await?;
                Ok(tx)
            }
            Engine::Sqlite => {
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
    }
}

/// An `sqlite://` address that creates its file when missing, with the
/// file's folder created here (SQLite creates files, not folders).
fn sqlite_url(url: &str) -> Result<String, sqlx::Error> {
    let options = SqliteConnectOptions::from_str(url)?;
    if let Some(dir) = options.get_filename().parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir).map_err(sqlx::Error::Io)?;
        }
    }
    if url.contains("mode=") {
        return Ok(url.to_owned());
    }
    let separator = if url.contains('?') { '&' } else { '?' };
    Ok(format!("{url}{separator}mode=rwc"))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_read_in_english_as_before_and_in_french() {
        let in_use = StoreError::SourceInUse {
            source_id: "ohchr-2011".into(),
            drafts: vec![
                msg!(
                    "store-cited-by-draft",
                    id = "3",
                    title = "Acme",
                    version = 2
                ),
                msg!("store-cited-by-others", count = 1),
            ],
        };
        assert_eq!(
            in_use.to_string(),
            "source `ohchr-2011` cannot be deleted: it is cited by draft 3 “Acme” (version 2), \
             1 document version(s) of the built-in templates or of other organisations; \
             retire it instead to hide it from the picker"
        );
        assert_eq!(
            in_use.words(Lang::Fr),
            "impossible de supprimer la source «\u{202f}ohchr-2011\u{202f}»\u{202f}: elle est citée par \
             le brouillon 3 «\u{202f}Acme\u{202f}» (version 2), 1 version de document des modèles \
             intégrés ou d’autres organisations\u{202f}; retirez-la plutôt, pour la masquer dans le \
             sélecteur de preuves"
        );
        let errors = StoreError::Invalid(msg!(
            "store-template-errors",
            count = 2,
            problems = "line 1: a\nline 2: b"
        ));
        assert_eq!(
            errors.to_string(),
            "the template has 2 error(s):\nline 1: a\nline 2: b"
        );
        assert_eq!(
            errors.words(Lang::Fr),
            "le modèle comporte 2 erreurs\u{202f}:\nline 1: a\nline 2: b"
        );
        let given = StoreError::invalid_as_given("no backup at /srv/missing.db");
        assert_eq!(given.words(Lang::Fr), "no backup at /srv/missing.db");
    }
}
