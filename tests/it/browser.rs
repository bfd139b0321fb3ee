//! Headless Chromium over WebDriver: pages hydrate once signed in (an
//! effect, which only runs in the browser, flips `data-hydrated`), the
//! wizard fills its live preview, and a finished draft is published for
//! readers, who open it with no account.

use serde_json::json;

use crate::common::{require_bundle, spawn_app, squeeze, tool};
use crate::drafts::{call_json, ok_json};
use crate::wizard_flow::{
    click, downloaded, go, text, wait_for, wait_for_text, wait_until, Browser,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn front_page_hydrates_in_chromium() {
    require_bundle();
    let app = spawn_app();
    let (browser, _downloads) = Browser::signed_in_admin(&app).await;
    let b = &browser.client;
    go(b, &format!("{}/", app.address)).await;
    wait_for(b, ".templates[data-hydrated=true]").await;
    let dom = b.source().await.expect("the page's source");
    for entry in crate::common::catalog().entries() {
        assert!(dom.contains(&format!("data-template=\"{}\"", entry.template.id())));
    }
    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
    browser.finish().await;
}

/// The wizard hydrates in Chromium and asks the server for its live
/// preview from the browser bundle: the preview pane fills with the
/// document, the word count and the checks.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wizard_hydrates_and_fills_its_preview_in_chromium() {
    require_bundle();
    let app = spawn_app();
    let draft = crate::drafts::create(&app, "us-14a8-hrdd-proposal", "Browser draft");
    let (browser, _downloads) = Browser::signed_in_admin(&app).await;
    let b = &browser.client;
    go(b, &format!("{}/drafts/{draft}", app.address)).await;
    wait_for(b, ".wizard[data-hydrated=true]").await;
    wait_for(b, "[data-preview=true]").await;
    // The preview shows the placeholder for the unanswered company, and the
    // 14a-8 word count with its limit.
    wait_for_text(b, ".preview-pane", "[Company]").await;
    wait_for_text(b, ".preview-pane", " of 500 words").await;
    wait_for(b, "#answer-proponent").await;
    browser.finish().await;
}

/// Sign in, start a draft, finish it, mark it final and publish it; a
/// reader in a fresh browser (no cookies) opens the public address and
/// downloads the PDF; signing out closes the drafts page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_final_draft_is_published_and_read_without_an_account() {
    require_bundle();
    let app = spawn_app();
    let (browser, _downloads) = Browser::signed_in_admin(&app).await;
    let b = &browser.client;

    go(b, &format!("{}/drafts", app.address)).await;
    let template = wait_for(b, "form.new-draft select[name=template_id]:not([disabled])").await;
    template
        .select_by_value("engagement-letter-en")
        .await
        .expect("the template can be chosen");
    crate::wizard_flow::type_into(b, "form.new-draft input[name=title]", "Letter for readers")
        .await;
    click(b, "form.new-draft button[type=submit]").await;
    wait_for(b, ".wizard[data-hydrated=true]").await;
    let url = b.current_url().await.expect("the wizard's address");
    let id: i64 = url
        .path()
        .trim_start_matches("/drafts/")
        .parse()
        .expect("the draft's id in the address");

    // Finish it: the template's sample answers, saved as this person.
    let sample: serde_json::Value = crate::drafts::sample("engagement-letter-en");
    ok_json(call_json(
        &app,
        "save_draft",
        json!({"request": {"draft_id": id, "base_version": 1, "answers": sample, "dismissals": {}}}),
    ));
    b.refresh().await.expect("reload");
    wait_for(b, ".wizard[data-hydrated=true]").await;
    wait_for(b, ".downloads a[data-ready=true]").await;

    click(b, ".publish button.mark-final").await;
    wait_for_text(b, ".publish button.mark-final", "Marked final").await;
    let address = publish(b).await;
    assert!(
        address.starts_with("/p/") && address.len() > 40,
        "{address}"
    );

    // A reader: a new browser with an empty profile.
    let reader_downloads = tempfile::tempdir().expect("a temporary directory");
    let reader = Browser::start(reader_downloads.path()).await;
    let r = &reader.client;
    go(r, &format!("{}{address}", app.address)).await;
    let page = wait_for_text(r, "body", "Dear").await;
    assert!(!page.contains("Sign in"), "{page}");
    let robots = r
        .execute(
            "return document.querySelector('meta[name=robots]').content",
            vec![],
        )
        .await
        .expect("a robots meta tag");
    assert_eq!(robots, json!("noindex, nofollow"));
    click(r, ".reader-downloads a[href$='/download/pdf']").await;
    let pdf = downloaded(reader_downloads.path(), "pdf").await;
    let words = tool(
        "pdftotext",
        &[pdf.to_str().expect("a UTF-8 path"), "-"],
        reader_downloads.path(),
    );
    let company = sample["company"]["name"].as_str().expect("a company name");
    assert!(
        squeeze(&words).contains(&squeeze(company)),
        "the PDF names {company}:\n{words}"
    );
    reader.finish().await;

    // The drafter withdraws it from the panel: the address answers Gone.
    click(b, ".publish button.withdraw").await;
    wait_until(
        b,
        "return document.querySelector('.publish a.public-link') === null",
    )
    .await;
    let (status, _, _) = app.get(&format!("{}{address}", app.address));
    assert_eq!(status, 410, "a withdrawn publication answers Gone");
    // Published again with search engines allowed: the panel's choice reaches the server.
    wait_for(b, ".publish select[name=indexable]")
        .await
        .select_by_value("true")
        .await
        .expect("the search-engine choice");
    let indexed = publish(b).await;
    assert_ne!(indexed, address, "a new publication has a new address");
    let (status, _, page) = app.get(&format!("{}{indexed}", app.address));
    assert_eq!(status, 200);
    assert!(
        !String::from_utf8_lossy(&page).contains("noindex"),
        "a publication search engines may index says noindex"
    );

    // Signing out closes the app to this browser.
    go(b, &format!("{}/drafts", app.address)).await;
    click(b, ".account-menu .sign-out button").await;
    wait_for(b, "form.sign-in-form").await;
    go(b, &format!("{}/drafts", app.address)).await;
    wait_for(b, "form.sign-in-form").await;
    let now = b.current_url().await.expect("an address");
    assert_eq!(now.path(), "/login", "{now}");
    assert!(text(b, "main").await.contains("Sign in"));
    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
    browser.finish().await;
}

/// Presses the wizard's publish button and returns the public address the
/// panel then shows.
async fn publish(b: &fantoccini::Client) -> String {
    click(b, ".publish button.publish-button").await;
    wait_for(b, ".publish a.public-link")
        .await
        .attr("href")
        .await
        .ok()
        .flatten()
        .expect("the public address")
}
