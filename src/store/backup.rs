//! Backups of the SQLite file while the server runs, and putting one back
//! while it does not.
//!
//! A backup is `VACUUM INTO`: one read transaction, so the copy is a
//! consistent snapshot even while saves go on, compacted, with no WAL of
//! its own. A restore checks the file (`PRAGMA integrity_check`, and that it
//! is one of ours), keeps the file it replaces beside it, and refuses while
//! a server has the database open: every server holds a shared lock on
//! `FILE.lock` for as long as it runs, and a restore needs it exclusively.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};

use super::{as_given, StoreError};

// What a backup or a restore refuses is read by an operator on the command
// line, which speaks English: these stay English, passed on as they are.
fn invalid(message: impl std::fmt::Display) -> StoreError {
    StoreError::invalid_as_given(message)
}

fn not_found(message: impl std::fmt::Display) -> StoreError {
    StoreError::NotFound(as_given(message))
}

/// The database file a `sqlite://` address names.
pub fn database_file(url: &str) -> Result<PathBuf, StoreError> {
    let options = SqliteConnectOptions::from_str(url).map_err(|source| StoreError::Open {
        url: url.to_owned(),
        source,
    })?;
    Ok(options.get_filename().to_path_buf())
}

fn lock_path(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// Held by a running server: a shared lock that keeps restores away.
pub struct ServerLock(#[allow(dead_code)] File);

/// Takes the server's shared lock on the database at `url`.
pub fn lock_for_server(url: &str) -> Result<ServerLock, StoreError> {
    let path = lock_path(&database_file(url)?);
    let file = File::create(&path)
        .map_err(|e| invalid(format!("cannot create {}: {e}", path.display())))?;
    file.lock_shared().map_err(|e| {
        invalid(format!(
            "cannot lock {}: {e}; is a restore running?",
            path.display()
        ))
    })?;
    Ok(ServerLock(file))
}

/// Copies the database at `url` to `out`, consistently, while others write.
pub async fn backup(url: &str, out: &Path) -> Result<u64, StoreError> {
    if out.exists() {
        return Err(invalid(format!(
            "{} exists already: choose a new file name (a backup never overwrites)",
            out.display()
        )));
    }
    let database = database_file(url)?;
    if !database.exists() {
        return Err(not_found(format!(
            "there is no database at {}",
            database.display()
        )));
    }
    let target = out
        .to_str()
        .ok_or_else(|| invalid("the backup's file name must be UTF-8"))?;
    let pool = connect(url, false).await?;
    sqlx::query("VACUUM INTO ?")
        .bind(target)
        .execute(&pool)
        .await?;
    pool.close().await;
    Ok(std::fs::metadata(out).map(|m| m.len()).unwrap_or(0))
}

/// Puts the backup `from` in place of the database at `url`, which no
/// server may have open. The replaced file is kept as `FILE.before-restore`.
pub async fn restore(from: &Path, url: &str) -> Result<PathBuf, StoreError> {
    let database = database_file(url)?;
    let lock = File::create(lock_path(&database))
        .map_err(|e| invalid(format!("cannot create the lock file: {e}")))?;
    if lock.try_lock().is_err() {
        return Err(invalid(format!(
            "a server is running on {}: stop it before restoring",
            database.display()
        )));
    }
    check_backup(from).await?;
    let kept = if database.exists() {
        let mut name = database.as_os_str().to_owned();
        name.push(".before-restore");
        let kept = PathBuf::from(name);
        std::fs::rename(&database, &kept)
            .map_err(|e| invalid(format!("cannot move the current database aside: {e}")))?;
        Some(kept)
    } else {
        None
    };
    for suffix in ["-wal", "-shm"] {
        let mut name = database.as_os_str().to_owned();
        name.push(suffix);
        // Left by the replaced database; they belong to it, not to the backup.
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
    // Copied beside the target, then renamed: a crash leaves either the
    // old file moved aside or the whole new one, never half a database.
    let mut partial = database.as_os_str().to_owned();
    partial.push(".restoring");
    let partial = PathBuf::from(partial);
    std::fs::copy(from, &partial)
        .and_then(|_| File::open(&partial)?.sync_all())
        .and_then(|_| std::fs::rename(&partial, &database))
        .map_err(|e| invalid(format!("cannot copy the backup into place: {e}")))?;
    drop(lock);
    Ok(kept.unwrap_or(database))
}

/// Refuses a file that is not a whole Resolution Studio database.
async fn check_backup(path: &Path) -> Result<(), StoreError> {
    if !path.is_file() {
        return Err(not_found(format!(
            "there is no backup at {}",
            path.display()
        )));
    }
    let url = format!("sqlite://{}", path.display());
    let pool = connect(&url, true)
        .await
        .map_err(|_| invalid(format!("{} is not an SQLite database", path.display())))?;
    let check: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&pool)
        .await
        .map_err(|e| invalid(format!("{} cannot be read: {e}", path.display())))?;
    if check != "ok" {
        return Err(invalid(format!("{} is damaged: {check}", path.display())));
    }
    let ours: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('drafts', 'templates', '_sqlx_migrations')",
    )
    .fetch_one(&pool)
    .await?;
    pool.close().await;
    if ours != 3 {
        return Err(invalid(format!(
            "{} is not a Resolution Studio backup",
            path.display()
        )));
    }
    Ok(())
}

async fn connect(url: &str, read_only: bool) -> Result<sqlx::SqlitePool, StoreError> {
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|source| StoreError::Open {
            url: url.to_owned(),
            source,
        })?
        .read_only(read_only)
        .busy_timeout(std::time::Duration::from_secs(5));
    SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .map_err(|source| StoreError::Open {
            url: url.to_owned(),
            source,
        })
}
