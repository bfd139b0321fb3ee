//! A page whose script cannot fetch one of its files, in headless Chromium:
//! the page says so, keeps asking, and comes alive once the file can be
//! fetched. Leptos's own loading stops the whole script on such a failure,
//! so without the page's retries none of these pages would ever hydrate.

use fantoccini::Locator;

use crate::common::{require_bundle, spawn_app, TestApp};
use crate::drafts::create;
use crate::wizard_flow::{go, text, wait_for, Browser};

/// Fails if the console holds an error a stopped script leaves.
fn assert_script_never_stopped(errors: &[String]) {
    let stopped: Vec<_> = errors
        .iter()
        .filter(|e| {
            e.contains("RuntimeError") || e.contains("unreachable") || e.contains("panicked")
        })
        .collect();
    assert!(stopped.is_empty(), "the script stopped: {stopped:#?}");
}

/// A file a page's script needs, blocked while the page is opened.
struct Blocked<'a> {
    /// The file's address as Chromium matches it (`*` for any text).
    pattern: &'a str,
    page: &'a str,
    /// An element the page shows until it has hydrated, and one it shows once it has.
    before: &'a str,
    after: &'a str,
}

/// Opens the page with the file blocked: the page shows its notice, the
/// console names the file and nothing hydrates. Then lets the file through
/// and sees the page hydrate and the notice go. The console's errors.
async fn open_while_blocked(browser: &Browser, app: &TestApp, blocked: Blocked<'_>) -> Vec<String> {
    let b = &browser.client;
    browser.block_urls(&[blocked.pattern]).await;
    go(b, &format!("{}{}", app.address, blocked.page)).await;
    wait_for(b, "#script-retry:not([hidden])").await;
    let notice = text(b, "#script-retry").await;
    assert!(
        notice.contains("could not be loaded") && notice.contains("Trying again"),
        "the page says what is wrong: {notice:?}"
    );
    let errors = browser.console_errors().await;
    let file = blocked.pattern.trim_matches('*');
    assert!(
        errors
            .iter()
            .any(|e| e.contains(file) && e.contains("did not load")),
        "the console names {file}: {errors:#?}"
    );
    assert!(
        b.find(Locator::Css(blocked.before)).await.is_ok()
            && b.find(Locator::Css(blocked.after)).await.is_err(),
        "nothing on {} hydrates without {file}",
        blocked.page
    );
    browser.block_urls(&[]).await;
    wait_for(b, blocked.after).await;
    wait_for(b, "#script-retry[hidden]").await;
    errors
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_whose_files_cannot_be_fetched_says_so_and_comes_alive_once_they_can() {
    require_bundle();
    let app = spawn_app();
    let draft = create(&app, "us-14a8-hrdd-proposal", "Files offline");
    let (browser, _downloads) = Browser::signed_in_admin(&app).await;

    let (pick_disabled, pick_enabled) = (
        format!("tr[data-draft='{draft}'] input.packet-pick:disabled"),
        format!("tr[data-draft='{draft}'] input.packet-pick:enabled"),
    );
    let wizard = format!("/drafts/{draft}");
    let mut errors = Vec::new();
    for blocked in [
        // A lazy island's piece, on a page of the other pages' bundle.
        Blocked {
            pattern: "*split_campaigns_page_loader_*",
            page: "/campaigns",
            before: ".campaigns[data-hydrated=false]",
            after: ".campaigns[data-hydrated=true]",
        },
        // The words, which every page loads before hydrating.
        Blocked {
            pattern: "*/templates/split_english_words_*",
            page: "/",
            before: ".templates[data-hydrated=false]",
            after: ".templates[data-hydrated=true]",
        },
        // A bundle's script.
        Blocked {
            pattern: "*/wizard/resolution-studio.js",
            page: &wizard,
            before: ".wizard[data-hydrated=false]",
            after: ".wizard[data-hydrated=true]",
        },
        // A bundle's main module.
        Blocked {
            pattern: "*/drafts/resolution-studio_bg.wasm",
            page: "/drafts",
            before: &pick_disabled,
            after: &pick_enabled,
        },
    ] {
        errors.extend(open_while_blocked(&browser, &app, blocked).await);
    }
    // The log hands each entry over once.
    errors.extend(browser.console_errors().await);
    assert_script_never_stopped(&errors);
    browser.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_drafts_list_works_while_its_packets_panel_cannot_be_fetched() {
    require_bundle();
    let app = spawn_app();
    let draft = create(&app, "us-14a8-hrdd-proposal", "Panel offline");
    let (browser, _downloads) = Browser::signed_in_admin(&app).await;
    let b = &browser.client;

    browser.block_urls(&["*split_drafts_packets_panel*"]).await;
    go(b, &format!("{}/drafts", app.address)).await;
    // Enabled once the page has hydrated.
    wait_for(
        b,
        &format!("tr[data-draft='{draft}'] input.packet-pick:enabled"),
    )
    .await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    // The log hands each entry over once.
    let mut errors = Vec::new();
    let reported = loop {
        errors.extend(browser.console_errors().await);
        if errors
            .iter()
            .any(|e| e.contains("packets panel did not load"))
        {
            break true;
        }
        if std::time::Instant::now() > deadline {
            break false;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    assert!(reported, "the failed fetch is reported in the console");
    assert!(
        b.find(Locator::Css("input[name=packet-title]"))
            .await
            .is_err(),
        "no packet form without its piece"
    );
    browser.block_urls(&[]).await;
    wait_for(b, "input[name=packet-title]").await;
    errors.extend(browser.console_errors().await);
    assert_script_never_stopped(&errors);
    browser.finish().await;
}

/// The `.wasm` files the page in `b` has fetched, each with how many times.
async fn wasm_fetches(b: &fantoccini::Client) -> Vec<(String, u64)> {
    let fetched = b
        .execute(
            "const counts = {};
             for (const entry of performance.getEntriesByType('resource')) {
               if (new URL(entry.name).pathname.endsWith('.wasm')) {
                 counts[entry.name] = (counts[entry.name] || 0) + 1;
               }
             }
             return Object.entries(counts);",
            vec![],
        )
        .await
        .expect("the page lists what it fetched");
    serde_json::from_value(fetched).expect("pairs of address and count")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_file_a_page_needs_is_downloaded_once_even_with_the_cache_off() {
    require_bundle();
    let app = spawn_app();
    // A draft, so the drafts list shows its packets panel.
    create(&app, "us-14a8-hrdd-proposal", "Fetched once");
    let (browser, _downloads) = Browser::signed_in_admin(&app).await;
    let b = &browser.client;
    // With the cache on, a second fetch of a file would come from it and
    // might not be listed; with it off, each fetch is a download.
    browser.disable_cache(true).await;
    for (page, ready, at_least) in [
        // The main module, the words and the island's piece (and what they share).
        ("/campaigns", ".campaigns[data-hydrated=true]", 3),
        // The main module and the words.
        ("/", ".templates[data-hydrated=true]", 2),
        // The main module, the words and the packets panel, whose form
        // shows once the panel's piece, fetched after hydration, is in.
        ("/drafts", "input[name=packet-title]", 3),
    ] {
        go(b, &format!("{}{page}", app.address)).await;
        wait_for(b, ready).await;
        let fetched = wasm_fetches(b).await;
        assert!(
            fetched.len() >= at_least,
            "{page} fetched its files: {fetched:#?}"
        );
        let twice: Vec<_> = fetched.iter().filter(|(_, count)| *count > 1).collect();
        assert!(
            twice.is_empty(),
            "{page} downloaded files twice: {twice:#?}"
        );
    }
    browser.disable_cache(false).await;
    assert_script_never_stopped(&browser.console_errors().await);
    browser.finish().await;
}
