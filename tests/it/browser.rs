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
    let dom = dump_dom(&format!("{}/", app.address));
    assert!(
        dom.contains("data-hydrated=\"true\""),
        "the page did not hydrate:\n{dom}"
    );
    for entry in crate::common::catalog().entries() {
        assert!(dom.contains(&format!("data-template=\"{}\"", entry.template.id())));
    }
}

/// The wizard hydrates in Chromium and asks the server for its live
/// preview from the browser bundle: the preview pane fills with the
/// document, the word count and the checks.
#[test]
fn wizard_hydrates_and_fills_its_preview_in_chromium() {
    if !site_built() {
        eprintln!("skipped: the browser bundle is built by `cargo xtask test`");
        return;
    }
    let app = spawn_app();
    let draft = crate::drafts::create(&app, "us-14a8-hrdd-proposal", "Browser draft");
    let dom = dump_dom(&format!("{}/drafts/{draft}", app.address));
    assert!(
        dom.contains("data-hydrated=\"true\""),
        "the wizard did not hydrate:\n{dom}"
    );
    assert!(
        dom.contains("data-preview=\"true\""),
        "no preview arrived:\n{dom}"
    );
    // The preview shows the placeholder for the unanswered company, and the
    // 14a-8 word count with its limit.
    assert!(dom.contains("[Company]"), "{dom}");
    assert!(dom.contains(" of 500 words"), "{dom}");
    assert!(dom.contains("id=\"answer-proponent\""), "{dom}");
}

/// The DOM of `url` after headless Chromium has run its scripts for up to
/// 20 s of virtual time (the page's own timers included).
fn dump_dom(url: &str) -> String {
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
            "--virtual-time-budget=20000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(url)
        .output()
        .expect("chromium must be installed (cargo xtask test installs it)");
    let dom = String::from_utf8_lossy(&output.stdout).into_owned();
    if dom.is_empty() {
        panic!(
            "chromium printed no DOM: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    dom
}
