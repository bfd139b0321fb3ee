use std::process::ExitCode;

use clap::Parser;
use resolution_studio::cli::{self, Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None | Some(Command::Serve) => resolution_studio::server::run().map_err(|e| e.to_string()),
        Some(Command::Templates { json }) => cli::list_templates(json).map_err(|e| e.to_string()),
        Some(Command::Render(args)) => cli::render(&args).map_err(|e| e.to_string()),
        Some(Command::Deadline(args)) => cli::deadline(&args).map_err(|e| e.to_string()),
        Some(Command::Check(args)) => cli::check(&args).map_err(|e| e.to_string()),
        Some(Command::Lint(args)) => cli::lint(&args).map_err(|e| e.to_string()),
        Some(Command::Org(command)) => cli::accounts::org(&command),
        Some(Command::User(command)) => cli::accounts::user(&command),
        Some(Command::Routes) => cli::accounts::routes(),
        Some(Command::Backup(args)) => cli::maintenance::backup(&args),
        Some(Command::Restore(args)) => cli::maintenance::restore(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
