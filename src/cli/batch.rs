//! `batch`: one document per row of a CSV file, each row's answers laid
//! over shared answers, in one ZIP with a manifest.

use std::io::IsTerminal;
use std::path::PathBuf;

use serde_json::Value;

use super::{read_json, CliError, OutputFormat};
use crate::campaigns::packet::{self, content_version, Inputs, Item};
use crate::campaigns::rows::Rows;
use crate::config::Config;
use crate::evidence::{CitationStyle, Library, DEFAULT_STYLE};
use crate::export::Format;
use crate::templates::Catalog;

#[derive(Debug, clap::Args)]
pub struct BatchArgs {
    /// A built-in template id, or the path of a template file.
    pub template: String,
    /// A JSON file of the answers every document shares.
    #[arg(long)]
    pub data: PathBuf,
    /// A CSV file, one document per row: the header names field ids
    /// (dotted for a part: `company.name`, `holding_value.amount`); an
    /// empty cell keeps the shared answer.
    #[arg(long)]
    pub rows: PathBuf,
    /// The formats each document is written in, comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "docx,pdf")]
    pub format: Vec<OutputFormat>,
    /// The ZIP to write; replaced only once it is complete.
    #[arg(long)]
    pub out: PathBuf,
    /// The evidence library (JSON); the sample library by default.
    #[arg(long)]
    pub evidence: Option<PathBuf>,
    /// Citation style (a CSL style name known to hayagriva).
    #[arg(long, default_value = DEFAULT_STYLE)]
    pub style: String,
}

/// Renders the packet; every bad row is reported on standard error and
/// left out, and the command then fails after writing the others.
pub fn batch(config: &Config, args: &BatchArgs) -> Result<(), CliError> {
    let entry =
        Catalog::resolve_one(&config.templates_dir(), &args.template).map_err(CliError::from)?;
    let template = &entry.template;
    let shared = match read_json(&args.data)? {
        Value::Object(shared) => shared,
        _ => {
            return Err(CliError(format!(
                "{}: the shared answers must be a JSON object (field id → answer)",
                args.data.display()
            )))
        }
    };
    let rows_text = std::fs::read_to_string(&args.rows)
        .map_err(|e| CliError(format!("cannot read {}: {e}", args.rows.display())))?;
    let rows = Rows::read(template, &rows_text, &args.rows.display().to_string())
        .map_err(CliError::from)?;
    let library_path = args
        .evidence
        .clone()
        .unwrap_or_else(|| config.sample_library());
    let library_bytes = std::fs::read(&library_path)
        .map_err(|e| CliError(format!("cannot read {}: {e}", library_path.display())))?;
    let library = Library::load(&library_path).map_err(CliError::from)?;
    let style = CitationStyle::by_name(&args.style).map_err(CliError::from)?;
    let formats: Vec<Format> = args.format.iter().map(|f| (*f).into()).collect();
    if formats.contains(&Format::Pdf) {
        crate::export::pdf::warm_up();
    }

    let mut failed_rows = 0;
    let mut items = Vec::with_capacity(rows.rows.len());
    let template_version = content_version(entry.source.as_bytes());
    for row in &rows.rows {
        match rows.answers(template, &shared, row) {
            Ok(answers) => items.push(Item {
                stem: crate::campaigns::item_prefix(template, row.number),
                company: crate::campaigns::company_of(template, &answers),
                template,
                template_version: template_version.clone(),
                answers: Value::Object(answers),
                date: config.source_date.clone(),
                origin: format!("row {} (line {})", row.number, row.line),
                draft_version: None,
            }),
            Err(problem) => {
                failed_rows += 1;
                eprintln!("{}: {problem}", args.rows.display());
            }
        }
    }
    let inputs = Inputs {
        library: &library,
        library_version: content_version(&library_bytes),
        style: &style,
        formats: &formats,
        // A packet of co-filer letters shares its evidence: one report per
        // row would repeat the same pages a thousand times.
        evidence_reports: false,
    };
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(items.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} documents, {eta} left")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let progress = |done: usize, _total: usize| {
        if let Some(bar) = &bar {
            bar.set_position(done as u64);
        }
    };
    let partial = partial_path(&args.out)?;
    let file = std::fs::File::create(&partial)
        .map_err(|e| CliError(format!("cannot write {}: {e}", partial.display())))?;
    let written = packet::write(
        std::io::BufWriter::new(file),
        &items,
        &inputs,
        &progress,
        &|| false,
    );
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let report = match written {
        Ok(report) => report,
        Err(error) => {
            let _ = std::fs::remove_file(&partial);
            return Err(CliError::from(error));
        }
    };
    std::fs::rename(&partial, &args.out)
        .map_err(|e| CliError(format!("cannot write {}: {e}", args.out.display())))?;
    for failure in &report.failures {
        failed_rows += 1;
        eprintln!(
            "{}: {}: {}",
            args.rows.display(),
            failure.origin,
            failure.message
        );
    }
    eprintln!(
        "Wrote {}: {} files from {} of {} rows, and manifest.csv.",
        args.out.display(),
        report.files,
        rows.rows.len() - failed_rows,
        rows.rows.len()
    );
    if failed_rows > 0 {
        return Err(CliError(format!(
            "{failed_rows} row(s) failed and are not in the packet (see above)"
        )));
    }
    Ok(())
}

/// `.NAME.partial` beside `out`: the ZIP is written there, then renamed.
fn partial_path(out: &std::path::Path) -> Result<PathBuf, CliError> {
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = out
        .file_name()
        .ok_or_else(|| CliError(format!("--out {} is not a file name", out.display())))?;
    Ok(dir.join(format!(".{}.partial", name.to_string_lossy())))
}
