//! Helpers shared by the integration tests.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use resolution_studio::compose::Template;
use resolution_studio::document::Document;
use resolution_studio::evidence::{CitationStyle, Library, DEFAULT_STYLE};
use resolution_studio::templates::{default_library_path, Catalog};

pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_resolution-studio")
}

pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the command line from the project root.
pub fn cli(args: &[&str]) -> Output {
    Command::new(binary())
        .args(args)
        .current_dir(project_root())
        .output()
        .expect("the binary runs")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn catalog() -> Catalog {
    Catalog::load(&project_root().join("templates")).expect("built-in templates load")
}

pub fn library() -> Library {
    Library::load(&default_library_path()).expect("sample library loads")
}

/// The document model of a template's sample: the expectations for every output.
pub fn sample_document(template: &Template, answers: &serde_json::Value) -> Document {
    let style = CitationStyle::by_name(DEFAULT_STYLE).expect("default style");
    resolution_studio::render::document(template, answers, &library(), &style)
        .expect("sample renders")
}

/// Text with every kind of whitespace and every hyphen removed, so line
/// breaks chosen by a layout engine do not matter when comparing
/// (pdftotext joins "14a-" at a line end with the next line's "8").
pub fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{00AD}' | '-'))
        .collect()
}

/// Runs an outside program and returns its stdout, failing with its stderr.
pub fn tool(program: &str, args: &[&str], cwd: &Path) -> String {
    let output = Command::new(program)
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap_or_else(|e| {
            panic!("{program} must be installed (cargo xtask test installs it): {e}")
        });
    assert!(
        output.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// LibreOffice converts `file` in `dir` to `target` (e.g. `pdf`), with a
/// profile of its own in `dir` so runs do not share state.
pub fn soffice_convert(dir: &Path, file: &str, target: &str) {
    let profile = format!("-env:UserInstallation=file://{}/lo-profile", dir.display());
    tool(
        "soffice",
        &[&profile, "--headless", "--convert-to", target, file],
        dir,
    );
}

/// The web app on a free port with a database of its own, stopped when dropped.
pub struct TestApp {
    pub address: String,
    child: Child,
    /// Holds the database file; kept so a test can restart on the same data.
    pub data: std::sync::Arc<tempfile::TempDir>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether `cargo xtask test` built the browser bundle for this run.
pub fn site_built() -> bool {
    std::env::var_os("LEPTOS_SITE_ROOT").is_some_and(|root| Path::new(&root).join("pkg").is_dir())
}

pub fn spawn_app() -> TestApp {
    let data = std::sync::Arc::new(tempfile::tempdir().expect("a temporary directory"));
    spawn_app_on(data)
}

/// The web app on the database in `data`, e.g. to check that a restart keeps everything.
pub fn spawn_app_on(data: std::sync::Arc<tempfile::TempDir>) -> TestApp {
    spawn_app_in(data, None)
}

/// The web app on the database in `data`, with its built-in templates and
/// sample evidence read from `root` (`RESOLUTION_STUDIO_ROOT`) when given.
pub fn spawn_app_in(data: std::sync::Arc<tempfile::TempDir>, root: Option<&Path>) -> TestApp {
    let database = format!("sqlite://{}/test.db", data.path().display());
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let address = format!("127.0.0.1:{port}");
    let mut command = Command::new(binary());
    command
        .arg("serve")
        .current_dir(project_root())
        .env("LEPTOS_SITE_ADDR", &address)
        .env("LEPTOS_OUTPUT_NAME", "resolution-studio")
        .env("DATABASE_URL", &database)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    if !site_built() {
        command.env(
            "LEPTOS_SITE_ROOT",
            std::env::temp_dir().join("resolution-studio-no-site"),
        );
    }
    if let Some(root) = root {
        command.env("RESOLUTION_STUDIO_ROOT", root);
    }
    let child = command.spawn().expect("the server starts");
    let app = TestApp {
        address: format!("http://{address}"),
        child,
        data,
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if ureq::get(&format!("{}/health", app.address)).call().is_ok() {
            return app;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("the server did not answer on {address} within 30 s");
}

pub fn get(url: &str) -> (u16, String, Vec<u8>) {
    let mut response = ureq::get(url)
        .config()
        .http_status_as_error(false)
        .build()
        .call()
        .expect("request succeeds");
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = response
        .body_mut()
        .with_config()
        .limit(50 * 1024 * 1024)
        .read_to_vec()
        .expect("body reads");
    (status, content_type, body)
}

/// Whether `needle` appears in `haystack` in order, in at most `pieces`
/// contiguous runs: a paragraph that a page break splits shows up in two
/// runs, with the page's footnotes and footer in between.
pub fn contains_in_pieces(haystack: &str, needle: &str, pieces: usize) -> bool {
    let mut rest = needle;
    let mut from = 0;
    for _ in 0..pieces {
        if rest.is_empty() {
            return true;
        }
        // The longest prefix of `rest` found after `from`.
        let mut best: Option<(usize, usize)> = None;
        let mut end = rest.len();
        while end > 0 {
            if rest.is_char_boundary(end) {
                if let Some(at) = haystack[from..].find(&rest[..end]) {
                    best = Some((from + at, end));
                    break;
                }
            }
            end -= 1;
        }
        let Some((at, len)) = best else { return false };
        from = at + len;
        rest = &rest[len..];
    }
    rest.is_empty()
}
