//! The command line: list templates, render a document, check and lint,
//! manage organisations and people, or start the server.

pub mod accounts;
pub mod batch;
pub mod maintenance;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};
use serde_json::Value;

use crate::config::Config;
use crate::evidence::{CitationStyle, Library, DEFAULT_STYLE};
use crate::export::Format;
use crate::i18n::{long_date, Lang};
use crate::templates::Catalog;

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
    /// Compute a filing deadline: the ISO date on the first line, then how it was computed.
    Deadline(DeadlineArgs),
    /// Check a draft against its jurisdiction's filing rules; exits non-zero when a check fails.
    Check(CheckArgs),
    /// Check template files: each problem as FILE:LINE:COLUMN: message; exits
    /// non-zero on an error (and on a warning with --strict).
    Lint(LintArgs),
    /// Organisations (operators only).
    #[command(subcommand)]
    Org(accounts::OrgCommand),
    /// People and their roles (operators only).
    #[command(subcommand)]
    User(accounts::UserCommand),
    /// Every route the server answers, with who may reach it.
    Routes,
    /// Copy the database consistently, while the server runs.
    Backup(maintenance::BackupArgs),
    /// Put a backup in place of the database (stop the server first).
    Restore(maintenance::RestoreArgs),
    /// One document per row of a CSV file (co-filers), each row's answers
    /// over shared ones, in one ZIP with a manifest; exits non-zero if a row failed.
    Batch(batch::BatchArgs),
    /// The evidence report of a draft: every paragraph that cites, its
    /// notes, and each claim with its quotation, translation and last check.
    EvidenceReport(EvidenceReportArgs),
}

#[derive(Debug, clap::Args)]
pub struct EvidenceReportArgs {
    /// A built-in template id, or the path of a template file.
    pub template: String,
    #[command(flatten)]
    pub input: DraftInput,
    /// Citation style (a CSL style name known to hayagriva).
    #[arg(long, default_value = DEFAULT_STYLE)]
    pub style: String,
    #[arg(long, value_enum)]
    pub format: ReportFormat,
    /// Where to write the report; nothing is written if it fails.
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReportFormat {
    Html,
    Pdf,
}

#[derive(Debug, clap::Args)]
pub struct LintArgs {
    /// Template files (front matter and body).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Fail on warnings too (a declared field never used).
    #[arg(long)]
    pub strict: bool,
    /// The evidence library citations are checked against; the sample library by default.
    #[arg(long)]
    pub evidence: Option<PathBuf>,
}

/// Where a draft's answers and evidence come from.
#[derive(Debug, clap::Args)]
pub struct DraftInput {
    /// A JSON file of answers (field id → value).
    #[arg(long, conflicts_with = "sample", required_unless_present = "sample")]
    pub data: Option<PathBuf>,
    /// Use the template's own sample answers.
    #[arg(long)]
    pub sample: bool,
    /// The evidence library (JSON); the sample library by default.
    #[arg(long)]
    pub evidence: Option<PathBuf>,
}

impl DraftInput {
    fn library(&self, config: &Config) -> Result<Library, CliError> {
        Library::load(
            &self
                .evidence
                .clone()
                .unwrap_or_else(|| config.sample_library()),
        )
        .map_err(CliError::from)
    }
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// A built-in template id, or the path of a template file.
    #[arg(long)]
    pub template: String,
    #[command(flatten)]
    pub input: DraftInput,
    /// Print the findings as JSON.
    #[arg(long)]
    pub json: bool,
    /// The date to check as of when the draft gives no submission date.
    #[arg(long)]
    pub today: Option<String>,
    /// Dismiss a warning, with the reason: `--dismiss '14a8/micromanagement=the date is the company's own'`.
    /// Only warnings can be dismissed; a failed check cannot.
    #[arg(long, value_name = "ID=REASON")]
    pub dismiss: Vec<String>,
    /// The language of the findings: en or fr.
    #[arg(long, default_value = "en", value_parser = parse_lang)]
    pub lang: Lang,
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| format!("no findings in `{text}`: use en or fr"))
}

#[derive(Debug, clap::Args)]
pub struct DeadlineArgs {
    /// us-sec-14a8, uk-ca2006-s338 or fr-code-commerce.
    #[arg(long)]
    pub jurisdiction: String,
    /// 14a-8: the release date of last year's proxy statement, as the proxy states it.
    #[arg(long)]
    pub prior_proxy_date: Option<String>,
    /// The meeting the proposal is for (required for the UK and France).
    #[arg(long)]
    pub meeting_date: Option<String>,
    /// 14a-8: the date of last year's meeting, to detect a move of more than 30 days.
    #[arg(long)]
    pub prior_meeting_date: Option<String>,
    /// UK: the date notice of the meeting is given. France: the date of the
    /// BALO notice (a listed company's requests come at most 20 days after it).
    #[arg(long)]
    pub notice_date: Option<String>,
    /// Count the days left from this date instead of today; also picks the rule version in force.
    #[arg(long)]
    pub today: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// A built-in template id, or the path of a template file.
    pub template: String,
    #[command(flatten)]
    pub input: DraftInput,
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

pub fn list_templates(config: &Config, json: bool) -> Result<(), CliError> {
    let catalog = Catalog::load(&config.templates_dir()).map_err(CliError::from)?;
    let summaries: Vec<_> = catalog
        .entries()
        .iter()
        .map(|e| {
            crate::templates::summary::TemplateSummary::new(&e.template, None, e.sample.is_some())
        })
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

pub fn render(config: &Config, args: &RenderArgs) -> Result<(), CliError> {
    // Decoding the citation style is the largest start-up cost of a
    // one-document process, and the PDF writer's fonts the next: one
    // thread decodes the style, hands it over, then readies the fonts,
    // while this one reads the template, answers and evidence, composes,
    // and finds what each cited source is (the first note waits for the
    // style, if it must). The helper then starts on the file from the
    // body while this thread formats the notes: it breaks the body's
    // paragraphs into lines for a PDF (and readies the rest of the fonts
    // for the PDF writer), and writes the package but for its notes for a
    // DOCX. One helper, not one per task: on a machine with two cores,
    // more threads than cores only slow the one the others wait for.
    let format = args.format;
    let (style, promise) = CitationStyle::promised(&args.style);
    let (body_to_helper, body) = std::sync::mpsc::channel::<crate::render::Body>();
    let (lines_to_main, lines) = std::sync::mpsc::channel();
    let (package_to_main, package) = std::sync::mpsc::channel();
    let helper = std::thread::spawn(move || {
        promise.fulfil();
        match format {
            OutputFormat::Pdf => {
                crate::export::pdf::warm_up_layout();
                // No body comes when the render stops before its notes.
                if let Ok(body) = body.recv() {
                    let _ = lines_to_main.send(crate::export::pdf::break_ahead(&body.finish()));
                }
                crate::export::pdf::warm_up();
            }
            OutputFormat::Docx => {
                if let Ok(body) = body.recv() {
                    // A body that fails to write is written again, and its
                    // error reported, with the notes.
                    let _ =
                        package_to_main.send(crate::export::docx::write_body(&body.finish()).ok());
                }
            }
            OutputFormat::Html => {}
        }
    });
    // Only the template asked for is read and checked, not the whole catalog.
    let entry =
        Catalog::resolve_one(&config.templates_dir(), &args.template).map_err(CliError::from)?;
    CitationStyle::prepare_locales(&entry.template.front.language);
    // clap makes `--data` and `--sample` exclusive and requires one of them.
    let answers = answers_for(&entry, args.input.data.as_deref())?;
    let library = args.input.library(config)?;
    let date = config.source_date.as_deref();
    let hand_over = |body| {
        let _ = body_to_helper.send(body);
    };
    let bytes = match format {
        // Nothing done ahead if the helper stopped: the writer does it all.
        OutputFormat::Pdf => crate::render::render_ahead(
            &entry.template,
            &answers,
            &library,
            &style,
            date,
            hand_over,
            |document| crate::export::pdf::write_ahead(document, lines.recv().unwrap_or_default()),
        ),
        OutputFormat::Docx => crate::render::render_ahead(
            &entry.template,
            &answers,
            &library,
            &style,
            date,
            hand_over,
            |document| crate::export::docx::write_ahead(document, package.recv().ok().flatten()),
        ),
        OutputFormat::Html => {
            drop(body_to_helper);
            crate::render::render_dated(
                &entry.template,
                &answers,
                &library,
                &style,
                Format::Html,
                date,
            )
        }
    }
    .map_err(CliError::from)?;
    style.check().map_err(CliError::from)?;
    // The PDF writer waited for the fonts if it needed them first; a panic
    // there would have shown in the render.
    let _ = helper.join();
    write_atomically(&args.out, &bytes)
}

pub fn evidence_report(config: &Config, args: &EvidenceReportArgs) -> Result<(), CliError> {
    let entry =
        Catalog::resolve_one(&config.templates_dir(), &args.template).map_err(CliError::from)?;
    let answers = answers_for(&entry, args.input.data.as_deref())?;
    let library = args.input.library(config)?;
    let style = CitationStyle::by_name(&args.style).map_err(CliError::from)?;
    let format = match args.format {
        ReportFormat::Html => Format::Html,
        ReportFormat::Pdf => Format::Pdf,
    };
    let bytes = crate::render::render_evidence_report(
        &entry.template,
        &answers,
        &library,
        &style,
        format,
        config.source_date.as_deref(),
    )
    .map_err(CliError::from)?;
    write_atomically(&args.out, &bytes)
}

pub fn deadline(args: &DeadlineArgs) -> Result<(), CliError> {
    use crate::rules::{deadline, params, Jurisdiction};
    let date = |name: &str, value: &Option<String>| -> Result<Option<time::Date>, CliError> {
        value
            .as_deref()
            .map(|v| {
                crate::text::parse_date(v)
                    .ok_or_else(|| CliError(format!("--{name} `{v}` is not a date as YYYY-MM-DD")))
            })
            .transpose()
    };
    let jurisdiction: Jurisdiction = args.jurisdiction.parse().map_err(CliError)?;
    let today =
        date("today", &args.today)?.unwrap_or_else(|| time::OffsetDateTime::now_utc().date());
    let meeting = date("meeting-date", &args.meeting_date)?;
    let need_meeting =
        || meeting.ok_or_else(|| CliError(format!("{jurisdiction} needs --meeting-date")));
    let result = match jurisdiction {
        Jurisdiction::UsSec14a8 => {
            let rules = params::sec_14a8().map_err(CliError::from)?;
            let dates = deadline::Sec14a8Dates {
                prior_proxy_date: date("prior-proxy-date", &args.prior_proxy_date)?,
                meeting_date: meeting,
                prior_meeting_date: date("prior-meeting-date", &args.prior_meeting_date)?,
            };
            deadline::sec_14a8(
                Lang::En,
                &dates,
                rules.in_force(today).map_err(CliError::from)?,
            )
        }
        Jurisdiction::UkCa2006S338 => {
            let rules = params::uk_s338().map_err(CliError::from)?;
            let notice = date("notice-date", &args.notice_date)?;
            deadline::uk_s338(
                Lang::En,
                need_meeting()?,
                notice,
                rules.in_force(today).map_err(CliError::from)?,
            )
        }
        Jurisdiction::FrCodeCommerce => {
            let rules = params::fr_code_commerce().map_err(CliError::from)?;
            deadline::fr_code_commerce(
                Lang::En,
                need_meeting()?,
                date("notice-date", &args.notice_date)?,
                rules.in_force(today).map_err(CliError::from)?,
            )
        }
    };
    let mut out = String::new();
    match result.date {
        Some(d) => {
            let format = time::macros::format_description!("[year]-[month]-[day]");
            out.push_str(&d.format(&format).map_err(CliError::from)?);
            out.push('\n');
        }
        None => out.push_str("none\n"),
    }
    for step in &result.steps {
        out.push_str(&format!("  {step}\n"));
    }
    if let Some(d) = result.date {
        let left = (d - today).whole_days();
        let when = match left {
            0 => "today".to_owned(),
            n if n > 0 => format!("{n} days from {}", long_date(Lang::En, today)),
            n => format!("passed {} days before {}", -n, long_date(Lang::En, today)),
        };
        out.push_str(&format!(
            "  Deadline: {} ({when}).\n",
            long_date(Lang::En, d)
        ));
    }
    for note in &result.notes {
        out.push_str(&format!("  Note: {note}\n"));
    }
    if let Some(judgement) = &result.judgement {
        out.push_str(&format!("  Needs judgement: {judgement}\n"));
    }
    out.push_str(&format!("  Rule: {}\n", result.reference));
    std::io::stdout()
        .lock()
        .write_all(out.as_bytes())
        .map_err(CliError::from)
}

pub fn check(config: &Config, args: &CheckArgs) -> Result<(), CliError> {
    use crate::rules::checks::{self, Draft, Severity};
    let entry =
        Catalog::resolve_one(&config.templates_dir(), &args.template).map_err(CliError::from)?;
    let answers = answers_for(&entry, args.input.data.as_deref())?;
    let library = args.input.library(config)?;
    let style = CitationStyle::by_name(DEFAULT_STYLE).map_err(CliError::from)?;
    let document = crate::render::document(&entry.template, &answers, &library, &style)
        .map_err(CliError::from)?;
    let language = &entry.template.front.language;
    // The document rendered, so the answers fit the template.
    let checked = crate::compose::fields::check_answers(
        &entry.template.front.fields,
        &answers,
        language,
        &library,
    )
    .map_err(|problems| {
        CliError(
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n"),
        )
    })?;
    let today = match &args.today {
        Some(text) => crate::text::parse_date(text)
            .ok_or_else(|| CliError(format!("--today `{text}` is not a date as YYYY-MM-DD")))?,
        None => time::OffsetDateTime::now_utc().date(),
    };
    let draft = Draft {
        template: &entry.template,
        answers: &checked.0,
        document: &document,
        lang: args.lang,
    };
    let mut findings = checks::check(&draft, today).map_err(CliError::from)?;
    for dismissal in &args.dismiss {
        let (id, reason) = dismissal
            .split_once('=')
            .filter(|(_, reason)| !reason.trim().is_empty())
            .ok_or_else(|| {
                CliError(format!(
                    "--dismiss `{dismissal}`: give ID=REASON; a dismissal needs its reason"
                ))
            })?;
        checks::dismiss(&mut findings, id, reason).map_err(CliError)?;
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        let text = serde_json::to_string_pretty(&findings).map_err(CliError::from)?;
        writeln!(out, "{text}").map_err(CliError::from)?;
    } else {
        for finding in &findings {
            let label = match finding.severity {
                Severity::Passed => "passed   ",
                Severity::Info => "info     ",
                Severity::Warning => "warning  ",
                Severity::Dismissed => "dismissed",
                Severity::Failed => "FAILED   ",
            };
            let dismissed = finding
                .dismissed
                .as_ref()
                .map(|reason| format!(" Dismissed: {reason}."))
                .unwrap_or_default();
            writeln!(
                out,
                "{label} {}: {} — {}{dismissed} [{}]",
                finding.id, finding.title, finding.reason, finding.reference
            )
            .map_err(CliError::from)?;
        }
    }
    let failed = findings
        .iter()
        .filter(|f| f.severity == Severity::Failed)
        .count();
    if failed > 0 {
        return Err(CliError(format!("{failed} check(s) failed")));
    }
    Ok(())
}

/// Lints each file and prints its problems to stdout; the summary of
/// errors and warnings is the returned error, if any counts.
pub fn lint(config: &Config, args: &LintArgs) -> Result<(), CliError> {
    use crate::compose::lint::{lint, Level};
    let library = Library::load(
        &args
            .evidence
            .clone()
            .unwrap_or_else(|| config.sample_library()),
    )
    .map_err(CliError::from)?;
    let mut out = std::io::stdout().lock();
    let (mut errors, mut warnings) = (0, 0);
    for file in &args.files {
        let origin = file.display().to_string();
        let source = std::fs::read_to_string(file)
            .map_err(|e| CliError(format!("{origin}: cannot read the file: {e}")))?;
        for problem in lint(&source, &origin, &library) {
            match problem.level {
                Level::Error => errors += 1,
                Level::Warning => warnings += 1,
            }
            writeln!(out, "{problem}").map_err(CliError::from)?;
        }
    }
    if errors > 0 || (args.strict && warnings > 0) {
        return Err(CliError(format!(
            "{errors} error(s), {warnings} warning(s) in {} file(s)",
            args.files.len()
        )));
    }
    Ok(())
}

/// The answers in a file, or the template's sample answers.
fn answers_for(
    entry: &crate::templates::CatalogEntry,
    data: Option<&Path>,
) -> Result<Value, CliError> {
    match data {
        Some(path) => read_json(path),
        None => entry.sample.clone().ok_or_else(|| {
            CliError(format!(
                "template `{}` has no sample answers ({} is missing)",
                entry.template.id(),
                entry.path.with_extension("sample.json").display()
            ))
        }),
    }
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
