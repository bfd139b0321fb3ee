//! Helpers shared by the integration tests.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use resolution_studio::compose::Template;
use resolution_studio::document::Document;
use resolution_studio::evidence::{CitationStyle, Library, DEFAULT_STYLE};
use resolution_studio::templates::Catalog;

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
    Library::load(&project_root().join("assets/evidence/library.json"))
        .expect("sample library loads")
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
/// The text of one part of a ZIP package (a DOCX's XML).
pub fn zip_part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = archive.by_name(name).unwrap();
    let mut text = String::new();
    part.read_to_string(&mut text).unwrap();
    text
}

/// Writes page 1 of `file` (in `dir`) as `NAME.png` under the test
/// artefacts folder, for a person to look at, and returns its path.
pub fn picture_of_first_page(dir: &Path, file: &str, name: &str) -> PathBuf {
    let artefacts = Path::new(env!("CARGO_TARGET_TMPDIR")).join("artefacts");
    std::fs::create_dir_all(&artefacts).unwrap();
    let prefix = artefacts.join(name);
    tool(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            file,
            prefix.to_str().unwrap(),
        ],
        dir,
    );
    artefacts.join(format!("{name}.png"))
}

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

/// The password every test account uses: long and unrelated words, so the
/// password policy accepts it.
pub const PASSWORD: &str = "lantern orchard velvet 42";

/// The web app on a free port with a database of its own, stopped when
/// dropped, and signed in as the admin of an investor organisation.
pub struct TestApp {
    pub address: String,
    child: Child,
    /// Holds the database file; kept so a test can restart on the same data.
    pub data: std::sync::Arc<tempfile::TempDir>,
    /// The session cookie (`rs_session=…`) of the test's admin.
    pub cookie: String,
    /// The admin's organisation's slug.
    pub org: String,
    /// `DATABASE_URL` of this app (see `database.rs`).
    database: String,
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

/// Fails a test that needs the browser bundle when it was not built, saying how to build it.
pub fn require_bundle() {
    assert!(
        site_built(),
        "the browser bundle is missing: run the tests with `cargo xtask test`, which builds it"
    );
}

pub fn spawn_app() -> TestApp {
    let data = std::sync::Arc::new(tempfile::tempdir().expect("a temporary directory"));
    spawn_app_on(data)
}

/// The web app with nobody able to sign in yet (first start).
pub fn spawn_app_anonymous() -> TestApp {
    let data = std::sync::Arc::new(tempfile::tempdir().expect("a temporary directory"));
    let database = crate::database::url_for(data.path());
    start_server(data, None, &database)
}

/// The web app on the database in `data`, e.g. to check that a restart keeps everything.
pub fn spawn_app_on(data: std::sync::Arc<tempfile::TempDir>) -> TestApp {
    spawn_app_in(data, None)
}

/// The web app on the database in `data`, with its built-in templates and
/// sample evidence read from `root` (`RESOLUTION_STUDIO_ROOT`) when given.
pub fn spawn_app_in(data: std::sync::Arc<tempfile::TempDir>, root: Option<&Path>) -> TestApp {
    let database = crate::database::url_for(data.path());
    signed_in(start_server(data, root, &database))
}

/// Another instance of the web app on the database `database` (which
/// another instance may be using), signed in as the test's admin.
pub fn spawn_instance(database: &str) -> TestApp {
    let data = std::sync::Arc::new(tempfile::tempdir().expect("a temporary directory"));
    signed_in(start_server(data, None, database))
}

/// `app` with the test's admin (created on the first start) signed in.
fn signed_in(mut app: TestApp) -> TestApp {
    let email = "admin@northwind.example";
    let existing = app.cli(&["user", "list"], "");
    if !existing.contains(email) {
        app.org = app.add_org("Northwind Investors", "investor");
        app.add_user(&app.org.clone(), email, "admin");
    } else {
        app.org = existing
            .lines()
            .find(|l| l.contains(email))
            .and_then(|l| l.split('\t').next())
            .expect("the admin's organisation")
            .to_owned();
    }
    app.cookie = app.sign_in(email);
    app
}

pub fn start_server(
    data: std::sync::Arc<tempfile::TempDir>,
    root: Option<&Path>,
    database: &str,
) -> TestApp {
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
        .env("DATABASE_URL", database)
        .stdout(std::fs::File::create(data.path().join("server.log")).expect("a log file"))
        .stderr(std::fs::File::create(data.path().join("server.err.log")).expect("a log file"));
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
        cookie: String::new(),
        org: String::new(),
        database: database.to_owned(),
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

impl TestApp {
    /// Asks the server to stop (SIGTERM) and waits up to 10 s; whether it
    /// exited on its own with success.
    pub fn terminate(&mut self) -> bool {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }

    /// Kills the server at once (SIGKILL), as a power cut would.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// This app's database: an SQLite file in `data`, or a PostgreSQL
    /// database of its own (see `database.rs`).
    pub fn database_url(&self) -> String {
        self.database.clone()
    }

    /// Runs `work` on this app's database, as a second process would.
    pub fn with_database<T>(
        &self,
        work: impl AsyncFnOnce(&resolution_studio::store::Store) -> T,
    ) -> T {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        runtime.block_on(async {
            let database =
                resolution_studio::config::DatabaseConfig::from_url(&self.database_url())
                    .expect("a database address");
            let store = resolution_studio::store::Store::open(&database)
                .await
                .expect("the database opens");
            work(&store).await
        })
    }

    /// Runs the command line on this app's database, with `stdin`; its stdout.
    pub fn cli(&self, args: &[&str], stdin: &str) -> String {
        use std::io::Write as _;
        let mut child = Command::new(binary())
            .args(args)
            .current_dir(project_root())
            .env("DATABASE_URL", self.database_url())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        child
            .stdin
            .take()
            .expect("stdin is piped")
            .write_all(stdin.as_bytes())
            .expect("stdin takes the input");
        let output = child.wait_with_output().expect("the command finishes");
        assert!(
            output.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Creates an organisation with the command line; its slug.
    pub fn add_org(&self, name: &str, kind: &str) -> String {
        let out = self.cli(&["org", "add", "--name", name, "--kind", kind], "");
        out.lines()
            .next()
            .expect("the slug on line 1")
            .trim()
            .to_owned()
    }

    pub fn add_user(&self, org: &str, email: &str, role: &str) {
        self.cli(
            &[
                "user", "add", "--org", org, "--email", email, "--role", role,
            ],
            &format!("{PASSWORD}\n"),
        );
    }

    /// Signs in over HTTP as the sign-in form does; the session cookie.
    pub fn sign_in(&self, email: &str) -> String {
        let (status, headers, body) = self.post_form(
            "/login",
            &format!(
                "email={}&password={}&next=%2F",
                encode(email),
                encode(PASSWORD)
            ),
            None,
        );
        assert_eq!(status, 303, "sign-in failed: {body}");
        let cookie = headers
            .iter()
            .find(|(name, _)| name == "set-cookie")
            .map(|(_, value)| value.split(';').next().unwrap_or_default().to_owned())
            .expect("a session cookie");
        assert!(cookie.starts_with("rs_session="), "{cookie}");
        cookie
    }

    /// A new person of `org` with `role`, signed in; their cookie.
    pub fn user(&self, org: &str, email: &str, role: &str) -> String {
        self.add_user(org, email, role);
        self.sign_in(email)
    }

    /// GET as the test's admin.
    pub fn get(&self, url: &str) -> (u16, String, Vec<u8>) {
        request("GET", url, &[("cookie", &self.cookie)], None).into_parts()
    }

    /// A form POST from the app's own origin: (status, headers, body).
    pub fn post_form(
        &self,
        path: &str,
        body: &str,
        cookie: Option<&str>,
    ) -> (u16, Vec<(String, String)>, String) {
        let origin = self.address.clone();
        let mut headers = vec![
            ("content-type", "application/x-www-form-urlencoded"),
            ("origin", origin.as_str()),
        ];
        if let Some(cookie) = cookie {
            headers.push(("cookie", cookie));
        }
        let response = request(
            "POST",
            &format!("{}{path}", self.address),
            &headers,
            Some(body),
        );
        let text = String::from_utf8_lossy(&response.body).into_owned();
        (response.status, response.headers, text)
    }
}

/// An answer with its headers (names in lower case).
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn into_parts(self) -> (u16, String, Vec<u8>) {
        let content_type = self.header("content-type").unwrap_or_default().to_owned();
        (self.status, content_type, self.body)
    }
}

/// Any request, with any headers, following no redirect.
pub fn request(method: &str, url: &str, headers: &[(&str, &str)], body: Option<&str>) -> Answer {
    try_request(method, url, headers, body).expect("request succeeds")
}

/// A request that may find no server (it was killed, say).
pub fn try_request(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Option<Answer> {
    try_request_bytes(
        method,
        url,
        headers,
        body.unwrap_or_default().as_bytes().to_vec(),
    )
}

/// A request with a body of any bytes (an uploaded file).
pub fn try_request_bytes(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Vec<u8>,
) -> Option<Answer> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into();
    let mut builder = ureq::http::Request::builder().method(method).uri(url);
    for (name, value) in headers {
        if !value.is_empty() {
            builder = builder.header(*name, *value);
        }
    }
    let request = builder.body(body).expect("a well-formed request");
    let mut response = agent.run(request).ok()?;
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_owned(),
                v.to_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let body = response
        .body_mut()
        .with_config()
        .limit(50 * 1024 * 1024)
        .read_to_vec()
        .unwrap_or_default();
    Some(Answer {
        status,
        headers,
        body,
    })
}

/// `application/x-www-form-urlencoded` encoding of one value.
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".to_owned(),
            other => format!("%{other:02X}"),
        })
        .collect()
}
