//! The one configuration of a process, built once in `main` from the
//! environment and passed down: where the data and the database are, the
//! limits requests run under, and, for the web server only, its site
//! settings. Nothing below `main` reads the environment for these. Server
//! and command line only.

mod database;
mod web;

use std::path::{Path, PathBuf};
use std::time::Duration;

use leptos::config::LeptosOptions;

pub use database::{redacted, DatabaseConfig, Engine, DEFAULT_DATABASE_URL};
pub use web::WebConfig;

/// A setting that cannot be used, with what to change.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

#[derive(Debug, Clone)]
pub struct Config {
    /// The folder holding `templates/` (the built-in templates) and
    /// `assets/` (sample evidence, rule data).
    pub data_root: PathBuf,
    /// `DATABASE_URL` (else [`DEFAULT_DATABASE_URL`]) and how to use it.
    pub database: DatabaseConfig,
    pub limits: Limits,
    /// The day `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) names: what
    /// files the command line writes record as their date. None: undated.
    pub source_date: Option<String>,
}

/// What only the web server needs, built by `serve` alone: reading
/// Leptos's settings (two regular expressions compiled, then a TOML parse)
/// takes about 0.65 ms, a twentieth of a one-document render, which the
/// other commands have no use for.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    /// Leptos's settings: the listening address, the built site.
    pub leptos: LeptosOptions,
    /// Host names, HTTPS, trusted proxies.
    pub web: WebConfig,
}

impl SiteConfig {
    /// From the `LEPTOS_*` variables (else `[package.metadata.leptos]` in
    /// the data folder's `Cargo.toml`) and the web variables (see
    /// [`WebConfig::from_env`]).
    pub fn from_env(config: &Config) -> Result<SiteConfig, ConfigError> {
        let leptos = leptos_options(&config.data_root)?;
        let web = WebConfig::from_env(leptos.site_addr)?;
        Ok(SiteConfig { leptos, web })
    }
}

/// What one request may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest request body taken (imports, long answers).
    pub request_bytes: usize,
    /// How long CPU work for one request (a render, a check) may take
    /// before it is abandoned. Fuel already bounds a render's work; this
    /// is the backstop that keeps a request from waiting without end.
    pub render_time: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            request_bytes: 2 * 1024 * 1024,
            // Far above any real render (a few milliseconds), far below a user's patience.
            render_time: Duration::from_secs(10),
        }
    }
}

impl Config {
    /// From `RESOLUTION_STUDIO_ROOT`, `DATABASE_URL` and
    /// `SOURCE_DATE_EPOCH`; the web server adds [`SiteConfig::from_env`].
    pub fn from_env() -> Result<Config, ConfigError> {
        let data_root =
            data_root_from(std::env::var_os("RESOLUTION_STUDIO_ROOT").map(PathBuf::from))?;
        let database = DatabaseConfig::from_settings(
            std::env::var("DATABASE_URL").ok(),
            std::env::var("DATABASE_MAX_CONNECTIONS").ok(),
            std::env::var("DATABASE_STATEMENT_TIMEOUT").ok(),
        )?;
        let source_date = source_date_from(std::env::var("SOURCE_DATE_EPOCH").ok())?;
        Ok(Config {
            data_root,
            database,
            limits: Limits::default(),
            source_date,
        })
    }

    /// The built-in templates.
    pub fn templates_dir(&self) -> PathBuf {
        self.data_root.join("templates")
    }

    /// The sample evidence library, loaded into an empty database.
    pub fn sample_library(&self) -> PathBuf {
        self.data_root.join("assets/evidence/library.json")
    }
}

/// `SOURCE_DATE_EPOCH` as the ISO day it falls on (UTC), as reproducible
/// builds define it.
fn source_date_from(given: Option<String>) -> Result<Option<String>, ConfigError> {
    let Some(text) = given.filter(|t| !t.trim().is_empty()) else {
        return Ok(None);
    };
    let day = text
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|seconds| time::OffsetDateTime::from_unix_timestamp(seconds).ok())
        .map(|at| at.date().to_string());
    day.map(Some).ok_or_else(|| {
        ConfigError(format!(
            "SOURCE_DATE_EPOCH `{text}` is not a number of seconds since 1970-01-01"
        ))
    })
}

/// The data folder: `RESOLUTION_STUDIO_ROOT` when set, else the current
/// folder when it holds `templates/`. Anything else is an error that says
/// what to set; a binary never falls back to the folder it was built in.
fn data_root_from(explicit: Option<PathBuf>) -> Result<PathBuf, ConfigError> {
    let (root, named_by) = match explicit {
        Some(root) => (root, "RESOLUTION_STUDIO_ROOT"),
        None => (PathBuf::from("."), "the current folder"),
    };
    if root.join("templates").is_dir() {
        return Ok(root);
    }
    Err(ConfigError(format!(
        "the data folder ({named_by}: {}) has no `templates/` folder; start Resolution Studio \
         from the project folder or set RESOLUTION_STUDIO_ROOT to the folder that holds \
         `templates/` and `assets/`",
        absolute(&root).display()
    )))
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

/// Leptos's settings: from `LEPTOS_*` variables when set (as the xtask
/// does), else from `[package.metadata.leptos]` in the data folder's
/// `Cargo.toml`, with the site folder taken relative to the data folder.
fn leptos_options(data_root: &Path) -> Result<LeptosOptions, ConfigError> {
    let file = data_root.join("Cargo.toml");
    let from_env = std::env::var_os("LEPTOS_OUTPUT_NAME").is_some();
    if !from_env && !file.is_file() {
        // A data folder set up for running need not hold the project's
        // Cargo.toml: Leptos's defaults then apply, with the site built
        // beside the data.
        return Ok(LeptosOptions::builder()
            .output_name("resolution-studio")
            .site_root(data_root.join("target/site").to_string_lossy().into_owned())
            .build());
    }
    let path = if from_env { None } else { file.to_str() };
    let mut options = leptos::config::get_configuration(path)
        .map_err(|e| ConfigError(format!("the web app's settings are invalid: {e}")))?
        .leptos_options;
    if path.is_some() && std::env::var_os("LEPTOS_SITE_ROOT").is_none() {
        let root: PathBuf = data_root.join(options.site_root.as_ref());
        options.site_root = root.to_string_lossy().into_owned().into();
    }
    if let Some(bundle) = bundle_folder(Path::new(options.site_root.as_ref()))? {
        options.site_pkg_dir = bundle.into();
    }
    Ok(options)
}

/// The folder of the current browser bundle under the site root
/// (`pkg/<content hash>`), as the build wrote it in `bundle.txt`; `None`
/// when the site has not been built.
fn bundle_folder(site_root: &Path) -> Result<Option<String>, ConfigError> {
    let record = site_root.join("bundle.txt");
    let Ok(text) = std::fs::read_to_string(&record) else {
        return Ok(None);
    };
    let folder = text.trim();
    let well_formed = folder
        .strip_prefix("pkg/")
        .is_some_and(|hash| !hash.is_empty() && hash.chars().all(|c| c.is_ascii_hexdigit()));
    if !well_formed || !site_root.join(folder).is_dir() {
        return Err(ConfigError(format!(
            "{} names `{folder}`, which is not a built bundle; rebuild the site with `cargo xtask site`",
            record.display()
        )));
    }
    Ok(Some(folder.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_data_folder_says_what_to_set() {
        let empty = tempfile::tempdir().unwrap();
        let error = data_root_from(Some(empty.path().to_owned()))
            .unwrap_err()
            .to_string();
        assert!(error.contains("RESOLUTION_STUDIO_ROOT"), "{error}");
        assert!(error.contains("has no `templates/` folder"), "{error}");
        assert!(
            error.contains(&empty.path().display().to_string()),
            "{error}"
        );
        let project = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        assert_eq!(data_root_from(Some(project.clone())).unwrap(), project);
    }

    #[test]
    fn source_date_epoch_is_a_day() {
        assert_eq!(source_date_from(None).unwrap(), None);
        assert_eq!(
            source_date_from(Some("1771200000".into()))
                .unwrap()
                .as_deref(),
            Some("2026-02-16")
        );
        assert!(source_date_from(Some("yesterday".into())).is_err());
    }
}
