//! Build helper: `cargo xtask run` and `cargo xtask test`, the README's two
//! commands. Installs what is missing (wasm target, wasm-opt from npm,
//! Debian packages for the tests), builds the browser bundle with plain
//! cargo + wasm-bindgen (as a library, pinned to the app's wasm-bindgen),
//! then starts the server or runs the tests. No step downloads from GitHub.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

mod postgres;
mod split;

use split::split;

const OUTPUT_NAME: &str = "resolution-studio";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// The browser bundles, each built with the crate's `<name>-bundle` feature
/// into `pkg/<hash>/<name>/` (the names `app::scripts::Bundle` serves): one
/// for each page a drafter opens first, and one for the other pages.
const BUNDLES: &[&str] = &["templates", "drafts", "wizard", "others"];
/// Debian's binaryen is too old (its wasm fails to hydrate); npm's is current.
const BINARYEN_NPM: &str = "binaryen@132";
/// Debian packages the tests use, each with a command that shows it is there.
const TEST_PACKAGES: &[(&str, &str)] = &[
    ("soffice --version", "libreoffice-writer-nogui"),
    // Spreadsheets: the co-filer import is tested with workbooks LibreOffice writes.
    (
        "test -e /usr/lib/libreoffice/program/libsclo.so",
        "libreoffice-calc-nogui",
    ),
    ("pdftotext -v", "poppler-utils"),
    // Fonts the PDF falls back to for Chinese, Japanese, Korean and emoji,
    // which are too large to ship (the typesetting tests use them).
    (
        "test -e /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "fonts-droid-fallback",
    ),
    (
        "test -e /usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf",
        "fonts-symbola",
    ),
    ("qpdf --version", "qpdf"),
    ("pandoc --version", "pandoc"),
    ("/usr/bin/python3 -c 'import docx'", "python3-docx"),
    ("fc-list | grep -q 'Liberation Serif'", "fonts-liberation2"),
    ("chromium --version", "chromium"),
    ("chromedriver --version", "chromium-driver"),
    ("hyperfine --version", "hyperfine"),
    ("curl --version", "curl"),
    ("/usr/bin/time --version", "time"),
    postgres::PACKAGE,
];

/// What the benchmarks use besides the tests' packages: the Chicago note
/// style in CSL, for pandoc formatting the same citations as ours.
const BENCH_PACKAGES: &[(&str, &str)] = &[(
    "test -e /usr/share/citation-style-language/styles/chicago-fullnote-bibliography.csl",
    "citation-style-language-styles",
)];

/// The integration tests that reach the database, run a second time on
/// PostgreSQL (the first run is on SQLite); the browser walk-throughs and
/// the pure rendering tests do not touch the database and run once.
const DATABASE_TESTS: &[&str] = &[
    "access::",
    "api::",
    "campaigns::",
    "accounts::",
    "crash::",
    "drafts::",
    "hostile::",
    "http::",
    "load::",
    "packets::",
    "template_library::",
];

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let project = Project::locate()?;
    match args.first().map(String::as_str) {
        Some("run") => {
            project.install_build_tools()?;
            project.build_site()?;
            project.run_server(&args[1..])
        }
        Some("test") => {
            project.install_build_tools()?;
            project.install_packages(TEST_PACKAGES)?;
            project.build_site()?;
            project.test(&args[1..])
        }
        Some("site") => {
            project.install_build_tools()?;
            project.build_site()
        }
        Some("bench") => {
            project.install_packages(TEST_PACKAGES)?;
            project.install_packages(BENCH_PACKAGES)?;
            project.bench()
        }
        _ => {
            eprintln!(
                "usage: cargo xtask <command>\n\n  run     install what is missing, build, start the app on http://127.0.0.1:3000\n  test    install what is missing, build, run every test\n  site    build the browser bundle into target/site\n  bench   time the command line against pandoc and LibreOffice"
            );
            std::process::exit(2)
        }
    }
}

struct Project {
    root: PathBuf,
    target: PathBuf,
}

impl Project {
    fn locate() -> Result<Project> {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .context("xtask lives inside the workspace")?
            .to_owned();
        let target =
            std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
        Ok(Project { root, target })
    }

    fn site(&self) -> PathBuf {
        self.target.join("site")
    }

    fn tools(&self) -> PathBuf {
        self.target.join("tools")
    }

    fn wasm_opt(&self) -> PathBuf {
        self.tools().join("node_modules/.bin/wasm-opt")
    }

    fn install_build_tools(&self) -> Result<()> {
        let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
        if !installed.lines().any(|l| l.trim() == WASM_TARGET) {
            step(&format!("adding the Rust target {WASM_TARGET}"));
            run(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
        }
        if !self.wasm_opt().exists() {
            if output("npm", &["--version"]).is_none() {
                self.install_packages(&[("npm --version", "npm")])?;
            }
            step(&format!("installing wasm-opt ({BINARYEN_NPM}) from npm"));
            std::fs::create_dir_all(self.tools())?;
            run(Command::new("npm")
                .args(["install", "--no-audit", "--no-fund", "--prefix"])
                .arg(self.tools())
                .arg(BINARYEN_NPM))?;
        }
        Ok(())
    }

    /// Installs the Debian packages whose check fails.
    fn install_packages(&self, packages: &[(&str, &str)]) -> Result<()> {
        let missing: Vec<&str> = packages
            .iter()
            .filter(|(check, _)| !shell_succeeds(check))
            .map(|(_, package)| *package)
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        step(&format!(
            "installing Debian packages: {}",
            missing.join(" ")
        ));
        let root = output("id", &["-u"]).is_some_and(|id| id.trim() == "0");
        let sudo: &[&str] = if root { &[] } else { &["sudo"] };
        let mut update = Command::new(sudo.first().copied().unwrap_or("apt-get"));
        if root {
            update.args(["update", "-qq"]);
        } else {
            update.args(["apt-get", "update", "-qq"]);
        }
        run(&mut update)?;
        let mut install = Command::new(sudo.first().copied().unwrap_or("apt-get"));
        if !root {
            install.arg("apt-get");
        }
        install
            .args(["install", "-y", "-qq", "--no-install-recommends"])
            .args(&missing)
            .env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut install).with_context(|| {
            format!(
                "could not install {}; install them by hand",
                missing.join(" ")
            )
        })
    }

    /// The browser bundles: wasm built by cargo, split at its lazy functions,
    /// bound by wasm-bindgen and shrunk by wasm-opt, one folder each, with the
    /// CSS and public assets beside them.
    fn build_site(&self) -> Result<()> {
        let pkg = self.site().join("pkg");
        std::fs::create_dir_all(&pkg)?;
        let mut modules = Vec::new();
        for bundle in BUNDLES {
            modules.extend(self.build_bundle(bundle, &pkg.join(bundle))?);
        }
        step("optimising the bundles (wasm-opt -Oz)");
        in_parallel(&modules, |module| self.optimise(module))?;
        std::fs::copy(
            self.root.join("style/main.css"),
            pkg.join(format!("{OUTPUT_NAME}.css")),
        )
        .context("copying style/main.css")?;
        copy_dir(&self.root.join("assets/public"), &self.site())?;
        for bundle in BUNDLES {
            let main = pkg.join(bundle).join(format!("{OUTPUT_NAME}_bg.wasm"));
            let size = std::fs::metadata(&main)?.len();
            println!("    {bundle}: {} ({} KB)", main.display(), size / 1024);
        }
        self.publish_bundle(&pkg)
    }

    /// One bundle (`BUNDLES`) into `folder`: the crate built with the
    /// bundle's feature, split and bound. Returns its wasm files, for wasm-opt.
    fn build_bundle(&self, bundle: &str, folder: &Path) -> Result<Vec<PathBuf>> {
        step(&format!("building the {bundle} bundle (wasm)"));
        run(Command::new(cargo())
            .current_dir(&self.root)
            .args([
                "build",
                "--package",
                "resolution-studio",
                "--lib",
                "--target",
                WASM_TARGET,
            ])
            .args([
                "--no-default-features",
                "--features",
                &format!("hydrate,{bundle}-bundle"),
                "--profile",
                "wasm-release",
            ]))?;
        let wasm = self
            .target
            .join(WASM_TARGET)
            .join("wasm-release/resolution_studio.wasm");
        if folder.exists() {
            std::fs::remove_dir_all(folder)?;
        }
        std::fs::create_dir_all(folder)?;
        let chunks = split(&wasm, folder)?;
        let main = wasm.with_file_name("resolution_studio_split.wasm");
        wasm_bindgen_cli_support::Bindgen::new()
            .input_path(&main)
            .out_name(OUTPUT_NAME)
            .web(true)
            .map_err(|e| anyhow::anyhow!("{e}"))?
            .typescript(false)
            // The split loader calls into the main module through these.
            .keep_lld_exports(true)
            .demangle(false)
            .generate(folder)
            .map_err(|e| anyhow::anyhow!("wasm-bindgen failed on {}: {e}", main.display()))?;
        let bound = folder.join(format!("{OUTPUT_NAME}_bg.wasm"));
        Ok(std::iter::once(bound).chain(chunks).collect())
    }

    /// Moves the bundles' folders and the CSS into `site/pkg/<content hash>/`,
    /// with a brotli and a gzip copy of each file beside it, and records the folder in
    /// `site/bundle.txt`, which the server reads at start. A new build gets
    /// a new address, so browsers may keep a bundle for a year; older
    /// bundles are removed.
    fn publish_bundle(&self, pkg: &Path) -> Result<()> {
        use sha2::{Digest, Sha256};
        // The CSS beside the bundles' folders, each file by its path in `pkg`.
        let mut files: Vec<PathBuf> = std::fs::read_dir(pkg)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        for bundle in BUNDLES {
            for entry in std::fs::read_dir(pkg.join(bundle))? {
                files.push(entry?.path());
            }
        }
        files.sort();
        let mut hasher = Sha256::new();
        for file in &files {
            let name = file.strip_prefix(pkg).unwrap_or(file);
            hasher.update(name.as_os_str().as_encoded_bytes());
            hasher.update(std::fs::read(file)?);
        }
        let hash: String = hasher.finalize()[..8]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        for entry in std::fs::read_dir(pkg)? {
            let path = entry?.path();
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let an_older_bundle = name.len() == 16 && name.chars().all(|c| c.is_ascii_hexdigit());
            if path.is_dir() && an_older_bundle {
                std::fs::remove_dir_all(&path)?;
            }
        }
        let folder = pkg.join(&hash);
        std::fs::create_dir_all(&folder)?;
        // The files at the top and the bundles' folders whole.
        let moved = files
            .iter()
            .filter(|file| file.parent() == Some(pkg))
            .cloned()
            .chain(BUNDLES.iter().map(|bundle| pkg.join(bundle)));
        for path in moved {
            let name = path.file_name().context("a bundle file has a name")?;
            std::fs::rename(&path, folder.join(name))?;
        }
        let targets: Vec<PathBuf> = files
            .iter()
            .map(|file| folder.join(file.strip_prefix(pkg).unwrap_or(file)))
            .collect();
        let served = precompress(&targets)?;
        std::fs::write(self.site().join("bundle.txt"), format!("pkg/{hash}\n"))?;
        println!(
            "    served from /pkg/{hash}/: wasm {} KB brotli, {} KB gzip, in {} bundles",
            served.0 / 1024,
            served.1 / 1024,
            BUNDLES.len()
        );
        Ok(())
    }

    fn optimise(&self, module: &Path) -> Result<()> {
        run(Command::new(self.wasm_opt())
            .arg("-Oz")
            .arg("--enable-bulk-memory")
            .arg("--enable-nontrapping-float-to-int")
            .arg("--enable-sign-ext")
            .arg("--enable-mutable-globals")
            .arg("--enable-reference-types")
            .arg("--enable-multivalue")
            // Two custom sections no browser reads, in every piece: together
            // about 290 bytes a piece, 14 KB gzipped over the wizard's hundred.
            .arg("--strip-producers")
            .arg("--strip-target-features")
            .arg(module)
            .arg("-o")
            .arg(module))
    }

    /// Environment that points the server at the built site. Only for
    /// running it: `LEPTOS_OUTPUT_NAME` seen at compile time makes Leptos
    /// expect cargo-leptos's file names instead of wasm-bindgen's.
    fn server_env(&self, command: &mut Command) {
        command
            .env("LEPTOS_OUTPUT_NAME", OUTPUT_NAME)
            .env("LEPTOS_SITE_ROOT", self.site())
            .env("LEPTOS_SITE_PKG_DIR", "pkg")
            .env("RESOLUTION_STUDIO_ROOT", &self.root);
    }

    fn run_server(&self, extra: &[String]) -> Result<()> {
        step("building the server (release)");
        run(Command::new(cargo())
            .current_dir(&self.root)
            .env_remove("LEPTOS_OUTPUT_NAME")
            .args(["build", "--release", "--bin", "resolution-studio"]))?;
        let mut server = Command::new(self.target.join("release/resolution-studio"));
        server.current_dir(&self.root).arg("serve").args(extra);
        self.server_env(&mut server);
        if std::env::var_os("LEPTOS_SITE_ADDR").is_none() {
            server.env("LEPTOS_SITE_ADDR", "127.0.0.1:3000");
        }
        step("starting Resolution Studio on http://127.0.0.1:3000 (Ctrl-C stops it)");
        run(&mut server)
    }

    /// Every test on SQLite, then the database tests again on a throwaway
    /// PostgreSQL cluster (which the tests comparing the two engines and
    /// running several instances use in the first run too). Arguments
    /// after `test` go to the first run, and then the second is left out.
    fn test(&self, extra: &[String]) -> Result<()> {
        step("starting a throwaway PostgreSQL cluster");
        let cluster = postgres::Cluster::start(false)?;
        step("running the tests (SQLite)");
        let mut first = Command::new(cargo());
        first
            .current_dir(&self.root)
            .args(["test", "--workspace", "--no-fail-fast"])
            .args(extra)
            .env_remove("LEPTOS_OUTPUT_NAME")
            .env("LEPTOS_SITE_ROOT", self.site())
            .env("RESOLUTION_STUDIO_TEST_POSTGRES", &cluster.admin_url);
        let first = run(&mut first);
        if !extra.is_empty() {
            return first;
        }
        step("running the database tests again (PostgreSQL)");
        let mut second = Command::new(cargo());
        second
            .current_dir(&self.root)
            .args(["test", "--test", "it", "--no-fail-fast", "--"])
            .args(DATABASE_TESTS)
            .env_remove("LEPTOS_OUTPUT_NAME")
            .env("LEPTOS_SITE_ROOT", self.site())
            .env("RESOLUTION_STUDIO_TEST_POSTGRES", &cluster.admin_url)
            .env("RESOLUTION_STUDIO_TEST_DATABASE", "postgres");
        let second = run(&mut second);
        drop(cluster);
        first.and(second)
    }

    fn bench(&self) -> Result<()> {
        step("starting a throwaway PostgreSQL cluster (durable, as in production)");
        let cluster = postgres::Cluster::start(true)?;
        run(Command::new(cargo()).current_dir(&self.root).args([
            "build",
            "--release",
            "--bin",
            "resolution-studio",
        ]))?;
        for script in [
            "benches/whole-process.sh",
            "benches/server-memory.sh",
            "benches/save-load.sh",
            "benches/bundle-size.sh",
            "benches/instances.sh",
            "benches/batch.sh",
            "benches/web-batch.sh",
        ] {
            step(script);
            run(Command::new("bash")
                .current_dir(&self.root)
                .arg(script)
                .env("BIN", self.target.join("release/resolution-studio"))
                .env("RESOLUTION_STUDIO_BENCH_POSTGRES", &cluster.admin_url))?;
        }
        Ok(())
    }
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

fn step(message: &str) {
    println!("==> {message}");
}

fn run(command: &mut Command) -> Result<()> {
    let status = command
        .status()
        .with_context(|| format!("could not start {command:?}"))?;
    if !status.success() {
        bail!("{command:?} failed ({status})");
    }
    Ok(())
}

fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn shell_succeeds(check: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("{check} >/dev/null 2>&1"))
        .status()
        .is_ok_and(|s| s.success())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}

/// Zopfli writes a standard gzip stream (any browser reads it) about 5 %
/// smaller than zlib's level 9, at a few seconds per megabyte: paid once per
/// build, saved on every first visit.
fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    // Five passes instead of Zopfli's default fifteen: the main wasm comes
    // out 0.03 % larger in about 60 % of the time.
    let options = zopfli::Options {
        iteration_count: std::num::NonZeroU64::new(5).context("five is not zero")?,
        ..Default::default()
    };
    let mut out = Vec::new();
    zopfli::compress(options, zopfli::Format::Gzip, bytes, &mut out)?;
    Ok(out)
}

/// Writes a brotli and a gzip copy beside each file. Returns the wasm's
/// served size (brotli, gzip).
fn precompress(files: &[PathBuf]) -> Result<(usize, usize)> {
    let sizes = in_parallel(files, |file| {
        let bytes = std::fs::read(file)?;
        let (br, gz) = (brotli(&bytes)?, gzip(&bytes)?);
        std::fs::write(with_suffix(file, ".br"), &br)?;
        std::fs::write(with_suffix(file, ".gz"), &gz)?;
        let wasm = file.extension().is_some_and(|e| e == "wasm");
        Ok(if wasm { (br.len(), gz.len()) } else { (0, 0) })
    })?;
    Ok(sizes
        .into_iter()
        .fold((0, 0), |sum, (br, gz)| (sum.0 + br, sum.1 + gz)))
}

/// Runs `work` on every file, shared among the machine's cores, largest
/// file first so the main wasm does not start last on one core. The results
/// come in no particular order; the first error is returned, naming its file.
fn in_parallel<R: Send>(
    files: &[PathBuf],
    work: impl Fn(&PathBuf) -> Result<R> + Sync,
) -> Result<Vec<R>> {
    let mut order: Vec<&PathBuf> = files.iter().collect();
    order.sort_by_key(|f| std::cmp::Reverse(std::fs::metadata(f).map_or(0, |m| m.len())));
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| -> Result<Vec<R>> {
                    let mut done = Vec::new();
                    let taken = || next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    while let Some(file) = order.get(taken()) {
                        done.push(work(file).with_context(|| file.display().to_string())?);
                    }
                    Ok(done)
                })
            })
            .collect();
        let mut all = Vec::with_capacity(files.len());
        for handle in handles {
            let done = handle
                .join()
                .map_err(|_| anyhow::anyhow!("a build thread panicked"))??;
            all.extend(done);
        }
        Ok(all)
    })
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    if !from.is_dir() {
        return Ok(());
    }
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
