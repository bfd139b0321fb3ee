//! A packet: many documents rendered on every core into one ZIP with a
//! `manifest.csv`. Reproducible: entries in the order the items come, all
//! dated 1980-01-01 (the ZIP epoch), each document dated by its inputs.

use std::io::{Seek, Write};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use serde_json::Value;
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;

use crate::compose::Template;
use crate::evidence::{CitationStyle, Library};
use crate::export::Format;

/// One document of a packet.
pub struct Item<'a> {
    /// The start of its path in the ZIP, e.g. `cofiler-letter/003`.
    pub stem: String,
    /// The company it is addressed to, for its file name.
    pub company: String,
    pub template: &'a Template,
    /// The stored version, or on the command line a digest of the file.
    pub template_version: String,
    pub answers: Value,
    /// The day its files record (`YYYY-MM-DD`); undated when None.
    pub date: Option<String>,
    /// What it was made from, for the manifest and for messages: `row 3`,
    /// `draft 12`.
    pub origin: String,
    /// The draft version it was rendered from, when it is a draft's.
    pub draft_version: Option<i64>,
}

/// What the packet was rendered with.
pub struct Inputs<'a> {
    pub library: &'a Library,
    /// The evidence library's version (the web app's change counter, or on
    /// the command line a digest of the file).
    pub library_version: String,
    pub style: &'a CitationStyle,
    pub formats: &'a [Format],
    /// Whether each document's evidence report goes beside it (as PDF,
    /// under `evidence-reports/`).
    pub evidence_reports: bool,
}

pub use super::jobs::Failure;

#[derive(Debug, Default, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Report {
    /// Files written, the manifest not counted.
    pub files: usize,
    pub failures: Vec<Failure>,
    /// Set when the caller asked to stop: the packet holds what was done.
    pub cancelled: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum PacketError {
    #[error("writing the ZIP failed: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("writing the ZIP failed: {0}")]
    Io(#[from] std::io::Error),
    #[error("writing the manifest failed: {0}")]
    Manifest(#[from] csv::Error),
}

/// How many documents are rendered before their files are written: enough
/// to keep every core busy, few enough that memory stays small.
fn chunk_size() -> usize {
    rayon::current_num_threads().max(1) * 8
}

/// Renders every item in every format into `out`, in item order, then
/// `manifest.csv`. A document that fails is reported and left out; the
/// others go on. `progress(done, total)` is called after each document
/// (from any thread); `cancelled()` is asked between chunks.
pub fn write<W: Write + Seek>(
    out: W,
    items: &[Item<'_>],
    inputs: &Inputs<'_>,
    progress: &(dyn Fn(usize, usize) + Sync),
    cancelled: &dyn Fn() -> bool,
) -> Result<Report, PacketError> {
    let mut zip = zip::ZipWriter::new(out);
    let mut manifest = csv::Writer::from_writer(Vec::new());
    manifest.write_record([
        "file",
        "sha256",
        "format",
        "origin",
        "template_id",
        "template_version",
        "draft_version",
        "evidence_version",
    ])?;
    let mut report = Report::default();
    let done = AtomicUsize::new(0);
    let total = items.len();
    for chunk in items.chunks(chunk_size()) {
        if cancelled() {
            report.cancelled = true;
            break;
        }
        let rendered: Vec<Result<Files, String>> = chunk
            .par_iter()
            .map(|item| {
                let files = render_item(item, inputs);
                progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
                files
            })
            .collect();
        for (item, files) in chunk.iter().zip(rendered) {
            let files = match files {
                Ok(files) => files,
                Err(message) => {
                    report.failures.push(Failure {
                        origin: item.origin.clone(),
                        stem: item.stem.clone(),
                        message,
                    });
                    continue;
                }
            };
            for (path, bytes) in files {
                zip.start_file(path.as_str(), entry_options(&path))?;
                zip.write_all(&bytes)?;
                let extension = path.rsplit('.').next().unwrap_or_default().to_owned();
                manifest.write_record([
                    path,
                    hex(&Sha256::digest(&bytes)),
                    extension,
                    item.origin.clone(),
                    item.template.id().to_owned(),
                    item.template_version.clone(),
                    item.draft_version
                        .map(|v| v.to_string())
                        .unwrap_or_default(),
                    inputs.library_version.clone(),
                ])?;
                report.files += 1;
            }
        }
    }
    let manifest = manifest
        .into_inner()
        .map_err(|e| PacketError::Io(e.into_error()))?;
    zip.start_file("manifest.csv", entry_options("manifest.csv"))?;
    zip.write_all(&manifest)?;
    zip.finish()?;
    Ok(report)
}

/// Every entry dated the same (the ZIP epoch, 1980-01-01) so that the same
/// inputs give the same bytes. DOCX files are ZIPs already: stored as they
/// are; the rest deflated.
fn entry_options(path: &str) -> SimpleFileOptions {
    let method = if path.ends_with(".docx") {
        zip::CompressionMethod::Stored
    } else {
        zip::CompressionMethod::Deflated
    };
    SimpleFileOptions::default()
        .compression_method(method)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644)
}

/// A document's files: (path in the ZIP, bytes), one per format.
type Files = Vec<(String, Vec<u8>)>;

/// The item's files, one per format, from one document model.
fn render_item(item: &Item<'_>, inputs: &Inputs<'_>) -> Result<Files, String> {
    let mut document =
        crate::render::document(item.template, &item.answers, inputs.library, inputs.style)
            .map_err(|e| e.to_string())?;
    document.metadata.date = item.date.clone();
    let stem = file_stem(
        &item.stem,
        document.metadata.author.as_deref(),
        &item.company,
    );
    let mut files = inputs
        .formats
        .iter()
        .map(|format| {
            let bytes = crate::export::write(&document, *format).map_err(|e| e.to_string())?;
            Ok((format!("{stem}.{}", format.extension()), bytes))
        })
        .collect::<Result<Files, String>>()?;
    if inputs.evidence_reports {
        let mut report = crate::render::evidence_report(
            item.template,
            &item.answers,
            inputs.library,
            inputs.style,
        )
        .map_err(|e| e.to_string())?;
        report.metadata.date = item.date.clone();
        let bytes = crate::export::write(&report, Format::Pdf).map_err(|e| e.to_string())?;
        files.push((format!("evidence-reports/{stem}.pdf"), bytes));
    }
    Ok(files)
}

/// `prefix` and then, as slugs, who signs the document (its author, e.g.
/// the co-filer) and the company:
/// `cofiler-letter/003-fernhill-community-foundation-microsoft-corporation`.
pub fn file_stem(prefix: &str, author: Option<&str>, company: &str) -> String {
    let mut stem = prefix.to_owned();
    for part in [author.unwrap_or_default(), company] {
        let slug = crate::drafts::slug(part);
        if !slug.is_empty() {
            stem.push('-');
            stem.push_str(&slug);
        }
    }
    stem
}

/// A packet's ZIP written to a file, with its digest and size.
pub struct PacketFile {
    /// Positioned at its start.
    pub file: std::fs::File,
    pub sha256: String,
    pub size: u64,
}

/// A written packet file's SHA-256 and size, read back in parts, and the
/// file rewound for whoever stores it.
pub fn digest_file(mut file: std::fs::File) -> Result<PacketFile, PacketError> {
    use std::io::{Read, SeekFrom};
    file.seek(SeekFrom::Start(0))?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 20];
    let mut size = 0u64;
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
        size += n as u64;
    }
    file.seek(SeekFrom::Start(0))?;
    Ok(PacketFile {
        file,
        sha256: hex(&hasher.finalize()),
        size,
    })
}

/// The SHA-256 of `bytes` in lower-case hexadecimal.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A short content version: the first 12 hex digits of the SHA-256.
pub fn content_version(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes)[..6])
}
