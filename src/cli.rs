//! The command line: list templates, render a document, or start the server.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};
use serde_json::Value;

use crate::evidence::{CitationStyle, Library, DEFAULT_STYLE};
use crate::export::Format;
use crate::templates::{default_library_path, Catalog};

#[derive(Debug, Parser)]
#[command(
    name = "resolution-studio",
    version,
    about = "Draft shareholder resolutions and engagement letters from templates and cited evidence"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the web app (the default when no command is given).
    Serve,
    /// List the built-in templates.
    Templates {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Render a template filled with answers to a file.
    Render(RenderArgs),
}

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// A built-in template id, or the path of a template file.
    pub template: String,
    /// A JSON file of answers (field id → value).
    #[arg(long, conflicts_with = "sample", required_unless_present = "sample")]
    pub data: Option<PathBuf>,
    /// Use the template's own sample answers.
    #[arg(long)]
    pub sample: bool,
    /// The evidence library (JSON); the sample library by default.
    #[arg(long)]
    pub evidence: Option<PathBuf>,
    /// Citation style (a CSL style name known to hayagriva).
    #[arg(long, default_value = DEFAULT_STYLE)]
    pub style: String,
    #[arg(long, value_enum)]
    pub format: OutputFormat,
    /// Where to write the document; nothing is written if rendering fails.
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OutputFormat {
    Docx,
    Html,
    Pdf,
}

impl From<OutputFormat> for Format {
    fn from(value: OutputFormat) -> Format {
        match value {
            OutputFormat::Docx => Format::Docx,
            OutputFormat::Html => Format::Html,
            OutputFormat::Pdf => Format::Pdf,
        }
    }
}

/// A failure the command line reports and exits non-zero on.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct CliError(String);

impl CliError {
    fn from(error: impl std::fmt::Display) -> CliError {
        CliError(error.to_string())
    }
}

pub fn list_templates(json: bool) -> Result<(), CliError> {
    let catalog = Catalog::builtin().map_err(CliError::from)?;
    let summaries: Vec<_> = catalog
        .entries()
        .iter()
        .map(crate::app::TemplateSummary::of)
        .collect();
    let mut stdout = std::io::stdout().lock();
    if json {
        let text = serde_json::to_string_pretty(&summaries).map_err(CliError::from)?;
        writeln!(stdout, "{text}").map_err(CliError::from)?;
        return Ok(());
    }
    writeln!(
        stdout,
        "{:<26} {:<18} {:<6} {:<14} TITLE",
        "ID", "KIND", "LANG", "JURISDICTION"
    )
    .map_err(CliError::from)?;
    for s in summaries {
        writeln!(
            stdout,
            "{:<26} {:<18} {:<6} {:<14} {}",
            s.id,
            s.kind,
            s.language,
            s.jurisdiction.as_deref().unwrap_or("-"),
            s.title
        )
        .map_err(CliError::from)?;
    }
    Ok(())
}

pub fn render(args: &RenderArgs) -> Result<(), CliError> {
    // Only the template asked for is read and checked, not the whole catalog.
    let entry = Catalog::resolve_one(&args.template).map_err(CliError::from)?;
    // Decoding the citation style and its locale is the largest start-up
    // cost of a one-document process: both run beside the rest of the
    // start-up (answers, evidence, fonts).
    let style_name = args.style.clone();
    let style = std::thread::spawn(move || CitationStyle::by_name(&style_name));
    let language = entry.template.front.language.clone();
    let locales = std::thread::spawn(move || CitationStyle::prepare_locales(&language));
    if matches!(args.format, OutputFormat::Pdf) {
        crate::export::pdf::warm_up();
    }
    let answers: Value = match &args.data {
        Some(path) => read_json(path)?,
        // clap makes `--data` and `--sample` exclusive and requires one of them.
        None => entry.sample.clone().ok_or_else(|| {
            CliError(format!(
                "template `{}` has no sample answers ({} is missing)",
                entry.template.id(),
                entry.path.with_extension("sample.json").display()
            ))
        })?,
    };
    let library_path = args.evidence.clone().unwrap_or_else(default_library_path);
    let library = Library::load(&library_path).map_err(CliError::from)?;
    // A panic while decoding locales only means they are decoded again on use.
    let _ = locales.join();
    let style = style
        .join()
        .map_err(|_| CliError("decoding the citation style failed".into()))?
        .map_err(CliError::from)?;
    let bytes = crate::render::render(
        &entry.template,
        &answers,
        &library,
        &style,
        args.format.into(),
    )
    .map_err(CliError::from)?;
    write_atomically(&args.out, &bytes)
}

fn read_json(path: &Path) -> Result<Value, CliError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError(format!("cannot read {}: {e}", path.display())))?;
    serde_json::from_str(&text).map_err(|e| {
        let message = e.to_string();
        let message = message
            .find(" at line ")
            .map_or(message.as_str(), |i| &message[..i])
            .to_owned();
        CliError(format!(
            "{}:{}:{}: not valid JSON: {message}",
            path.display(),
            e.line(),
            e.column()
        ))
    })
}

/// Writes beside the target and renames, so a failure never leaves a partial file.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| CliError(format!("--out {} is not a file name", path.display())))?;
    let temporary = dir.join(format!(".{}.partial", name.to_string_lossy()));
    let result = std::fs::write(&temporary, bytes).and_then(|()| std::fs::rename(&temporary, path));
    result.map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        CliError(format!("cannot write {}: {e}", path.display()))
    })
}
