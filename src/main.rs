use std::process::ExitCode;

use clap::Parser;
use resolution_studio::cli::{self, Cli, Command};
use resolution_studio::config::{Config, SiteConfig};

fn main() -> ExitCode {
    let cli = Cli::parse();
    // The one configuration of this process: everything below is given it.
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    let result = match cli.command {
        None | Some(Command::Serve) => match SiteConfig::from_env(&config) {
            Ok(site) => {
                resolution_studio::server::init_logging();
                resolution_studio::server::run(config, site).map_err(|e| e.to_string())
            }
            Err(error) => Err(error.to_string()),
        },
        Some(Command::Templates { json }) => {
            cli::list_templates(&config, json).map_err(|e| e.to_string())
        }
        Some(Command::Render(args)) => cli::render(&config, &args).map_err(|e| e.to_string()),
        Some(Command::Deadline(args)) => cli::deadline(&args).map_err(|e| e.to_string()),
        Some(Command::Check(args)) => cli::check(&config, &args).map_err(|e| e.to_string()),
        Some(Command::Lint(args)) => cli::lint(&config, &args).map_err(|e| e.to_string()),
        Some(Command::Org(command)) => cli::accounts::org(&config, &command),
        Some(Command::User(command)) => cli::accounts::user(&config, &command),
        Some(Command::Routes) => cli::accounts::routes(),
        Some(Command::Backup(args)) => cli::maintenance::backup(&config, &args),
        Some(Command::Restore(args)) => cli::maintenance::restore(&config, &args),
        Some(Command::EvidenceReport(args)) => {
            cli::evidence_report(&config, &args).map_err(|e| e.to_string())
        }
        Some(Command::Batch(args)) => cli::batch::batch(&config, &args).map_err(|e| e.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
