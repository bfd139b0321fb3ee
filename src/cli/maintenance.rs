//! Operators' commands for the database itself:
//!
//! ```text
//! resolution-studio backup --out FILE   # a consistent copy, while the server runs
//! resolution-studio restore FILE        # put a copy back; the server must be stopped
//! ```

use std::path::PathBuf;

use crate::config::{redacted, Config, Engine};
use crate::store::backup;

#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// Where to write the copy; never overwritten.
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// A file `backup` wrote.
    pub file: PathBuf,
}

fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())
}

/// `backup` and `restore` copy the SQLite file; a PostgreSQL database is
/// backed up and restored with PostgreSQL's own tools, which its operators
/// already run (and which know about replication and point-in-time recovery).
fn sqlite_only(config: &Config, command: &str) -> Result<(), String> {
    match config.database.engine {
        Engine::Sqlite => Ok(()),
        Engine::Postgres => Err(format!(
            "`{command}` copies the SQLite file, and this database is PostgreSQL ({}). Back it \
             up with PostgreSQL's own tools: `pg_dump --format=custom --file=studio.dump \
             \"$DATABASE_URL\"`, and restore into an empty database while no instance runs: \
             `pg_restore --no-owner --dbname=\"$DATABASE_URL\" studio.dump` (README, \
             \"Running on PostgreSQL\")",
            redacted(&config.database.url)
        )),
    }
}

pub fn backup(config: &Config, args: &BackupArgs) -> Result<(), String> {
    sqlite_only(config, "backup")?;
    let url = &config.database.url;
    let bytes = runtime()?
        .block_on(backup::backup(url, &args.out))
        .map_err(|e| e.to_string())?;
    println!(
        "Backed up {} to {} ({} KiB).",
        backup::database_file(url)
            .map_err(|e| e.to_string())?
            .display(),
        args.out.display(),
        bytes.div_ceil(1024)
    );
    Ok(())
}

pub fn restore(config: &Config, args: &RestoreArgs) -> Result<(), String> {
    sqlite_only(config, "restore")?;
    let url = &config.database.url;
    let kept = runtime()?
        .block_on(backup::restore(&args.file, url))
        .map_err(|e| e.to_string())?;
    println!(
        "Restored {} into {}; the database it replaced is kept as {}.",
        args.file.display(),
        backup::database_file(url)
            .map_err(|e| e.to_string())?
            .display(),
        kept.display()
    );
    Ok(())
}
