//! The built-in template catalog in `templates/`, each template beside its
//! sample answers (`ID.md` and `ID.sample.json`).

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::compose::{Template, TemplateError};

/// A template with its sample answers.
#[derive(Debug, Clone)]
pub struct CatalogEntry {
    pub template: Template,
    /// The file's text, as stored when the template is versioned.
    pub source: String,
    pub sample: Option<Value>,
    pub path: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Template(#[from] TemplateError),
    #[error("{path}:{line}:{column}: sample answers: {message}")]
    Sample {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}: the template's id is `{id}`, but its file is named `{stem}.md`; they must match"
    )]
    IdMismatch {
        path: String,
        id: String,
        stem: String,
    },
    #[error("no template `{0}`; `resolution-studio templates` lists them, or give a path to a template file")]
    NotFound(String),
}

#[derive(Debug, Clone, Default)]
pub struct Catalog {
    entries: Vec<CatalogEntry>,
}

impl Catalog {
    /// Loads every `*.md` template in `dir`, sorted by id.
    pub fn load(dir: &Path) -> Result<Catalog, CatalogError> {
        let read_dir = std::fs::read_dir(dir).map_err(|source| CatalogError::Read {
            path: dir.display().to_string(),
            source,
        })?;
        let mut paths: Vec<PathBuf> = read_dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        paths.sort();
        let mut entries = Vec::with_capacity(paths.len());
        for path in paths {
            let entry = load_entry(&path)?;
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            if entry.template.id() != stem {
                return Err(CatalogError::IdMismatch {
                    path: path.display().to_string(),
                    id: entry.template.id().to_owned(),
                    stem,
                });
            }
            entries.push(entry);
        }
        entries.sort_by(|a, b| a.template.id().cmp(b.template.id()));
        Ok(Catalog { entries })
    }

    pub fn entries(&self) -> &[CatalogEntry] {
        &self.entries
    }

    pub fn get(&self, id: &str) -> Option<&CatalogEntry> {
        self.entries.iter().find(|e| e.template.id() == id)
    }

    /// A built-in id (a file in `dir`), or else a path to a template
    /// file, read on its own.
    pub fn resolve_one(dir: &Path, id_or_path: &str) -> Result<CatalogEntry, CatalogError> {
        let builtin = dir.join(format!("{id_or_path}.md"));
        let is_id = !id_or_path.is_empty()
            && id_or_path
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if is_id && builtin.is_file() {
            return load_entry(&builtin);
        }
        let path = Path::new(id_or_path);
        if path.is_file() {
            return load_entry(path);
        }
        Err(CatalogError::NotFound(id_or_path.to_owned()))
    }
}

/// Reads a template file and, if present, the sample answers beside it.
pub fn load_entry(path: &Path) -> Result<CatalogEntry, CatalogError> {
    let display = path.display().to_string();
    let source = std::fs::read_to_string(path).map_err(|source| CatalogError::Read {
        path: display.clone(),
        source,
    })?;
    let template = Template::parse(&source, &display)?;
    let sample_path = path.with_extension("sample.json");
    let sample = match std::fs::read_to_string(&sample_path) {
        Ok(text) => Some(
            serde_json::from_str(&text).map_err(|e| CatalogError::Sample {
                path: sample_path.display().to_string(),
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            })?,
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => {
            return Err(CatalogError::Read {
                path: sample_path.display().to_string(),
                source,
            })
        }
    };
    Ok(CatalogEntry {
        template,
        source,
        sample,
        path: path.to_owned(),
    })
}
