//! Headless Chromium loads the front page and runs the wasm bundle: the page
//! hydrates (an effect, which only runs in the browser, flips
//! `data-hydrated`) and every template is still listed.

use std::process::Command;

use crate::common::{site_built, spawn_app};

#[test]
fn front_page_hydrates_in_chromium() {
    if !site_built() {
        eprintln!("skipped: the browser bundle is built by `cargo xtask test`");
        return;
    }
    let app = spawn_app();
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=15000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("{}/", app.address))
        .output()
        .expect("chromium must be installed (cargo xtask test installs it)");
    let dom = String::from_utf8_lossy(&output.stdout);
    assert!(
        dom.contains("data-hydrated=\"true\""),
        "the page did not hydrate; chromium said: {}\n{dom}",
        String::from_utf8_lossy(&output.stderr)
    );
    for entry in crate::common::catalog().entries() {
        assert!(dom.contains(&format!("data-template=\"{}\"", entry.template.id())));
    }
}
