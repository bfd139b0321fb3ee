//! Operators' commands for organisations and people, on the same database
//! as the server (`DATABASE_URL`, else `./data/`):
//!
//! ```text
//! resolution-studio org add --name NAME [--kind investor|advocacy]
//! resolution-studio user add --org SLUG --email EMAIL --role ROLE   (password on stdin)
//! resolution-studio user list [--org SLUG]
//! resolution-studio user remove --email EMAIL
//! resolution-studio user set-role --email EMAIL --role ROLE
//! resolution-studio routes
//! ```

use std::io::BufRead;

use clap::Subcommand;

use crate::accounts::{OrgKind, Role};
use crate::config::Config;
use crate::store::{Store, StoreError};

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Create an organisation; prints its short id (slug) on the first line.
    Add {
        #[arg(long)]
        name: String,
        /// investor (drafts and files) or advocacy (also publishes templates to everyone).
        #[arg(long, default_value = "investor")]
        kind: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a person; reads the password from the first line of standard input.
    Add {
        /// The organisation's slug (as `org add` printed it).
        #[arg(long)]
        org: String,
        #[arg(long)]
        email: String,
        /// admin, editor, drafter or viewer.
        #[arg(long)]
        role: String,
    },
    /// List people, of one organisation or of all.
    List {
        #[arg(long)]
        org: Option<String>,
    },
    /// Remove a person and end their sessions.
    Remove {
        #[arg(long)]
        email: String,
    },
    /// Change a person's role.
    SetRole {
        #[arg(long)]
        email: String,
        #[arg(long)]
        role: String,
    },
}

/// Runs `work` on the store, in a runtime of its own.
fn with_store<T>(
    config: &Config,
    work: impl AsyncFnOnce(&Store) -> Result<T, StoreError>,
) -> Result<T, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(async {
        let store = Store::open(&config.database)
            .await
            .map_err(|e| e.to_string())?;
        work(&store).await.map_err(|e| e.to_string())
    })
}

pub fn org(config: &Config, command: &OrgCommand) -> Result<(), String> {
    match command {
        OrgCommand::Add { name, kind } => {
            let kind = OrgKind::parse(kind)?;
            let (_, slug) = with_store(config, async |store| store.create_org(name, kind).await)?;
            println!("{slug}");
            println!(
                "Organisation “{}” created ({}).",
                name.trim(),
                kind.as_str()
            );
            Ok(())
        }
    }
}

pub fn user(config: &Config, command: &UserCommand) -> Result<(), String> {
    match command {
        UserCommand::Add { org, email, role } => {
            let role = Role::parse(role)?;
            let mut password = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut password)
                .map_err(|e| format!("could not read the password from standard input: {e}"))?;
            let password = password.trim_end_matches(['\r', '\n']);
            if password.is_empty() {
                return Err("give the password on the first line of standard input".into());
            }
            with_store(config, async |store| {
                let org = store.org_by_slug(org).await?;
                store.create_user(org, email, password, role).await?;
                store
                    .audit(Some(org), "cli", "add user", email.trim(), role.as_str())
                    .await
            })?;
            println!("{} added to {org} as {}.", email.trim(), role.as_str());
            Ok(())
        }
        UserCommand::List { org } => {
            let members = with_store(config, async |store| {
                let org = match org {
                    Some(slug) => Some(store.org_by_slug(slug).await?),
                    None => None,
                };
                store.list_users(org).await
            })?;
            for m in members {
                println!(
                    "{}\t{}\t{}\t{}",
                    m.org_slug,
                    m.email,
                    m.role.as_str(),
                    m.created_at
                );
            }
            Ok(())
        }
        UserCommand::Remove { email } => {
            with_store(config, async |store| {
                let org = store.org_of_user(email).await?;
                store.remove_user(org, email, "cli").await
            })?;
            println!("{} removed.", email.trim());
            Ok(())
        }
        UserCommand::SetRole { email, role } => {
            let role = Role::parse(role)?;
            with_store(config, async |store| {
                let org = store.org_of_user(email).await?;
                store.set_role(org, email, role, "cli").await
            })?;
            println!("{} is now {}.", email.trim(), role.as_str());
            Ok(())
        }
    }
}

/// Every route the server answers, as `METHOD PATH KIND ACCESS`.
pub fn routes() -> Result<(), String> {
    // Listing Leptos's routes renders the app once, which needs a runtime.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let lines = runtime.block_on(async { crate::server::routes::inventory() });
    for line in lines {
        println!("{line}");
    }
    Ok(())
}
