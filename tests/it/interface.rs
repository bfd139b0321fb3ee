//! Interface defects found by trying the app as a new user would, each
//! looked at in headless Chromium at 1366 px wide: the template editor's
//! question form is usable, the save state reads the same before and after
//! hydration, a number question is a number input, an unfinished co-filer
//! letter states no eligibility, evidence cards stay in their column, a
//! check with nothing to check does not pass, and the review shows
//! Markdown as it will print.

use crate::common::{request, require_bundle, spawn_app};
use crate::drafts::create;
use crate::wizard_flow::{click, go, sign_in, text, wait_for, wait_for_text, Browser};

/// A number from a script run in the page.
async fn number(b: &fantoccini::Client, script: &str) -> f64 {
    b.execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("{script}: {e}"))
        .as_f64()
        .unwrap_or_else(|| panic!("{script} gave no number"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_interface_defects_a_new_user_met_are_gone() {
    require_bundle();
    let app = spawn_app();
    let proposal = create(&app, "us-14a8-hrdd-proposal", "Interface proposal");
    let letter = create(&app, "cofiler-authorisation", "Interface co-filer letter");

    // The save state as the server renders it, before any script runs.
    let html = String::from_utf8_lossy(
        &request(
            "GET",
            &format!("{}/drafts/{proposal}", app.address),
            &[("cookie", &app.cookie)],
            None,
        )
        .body,
    )
    .into_owned();
    let served = html
        .split("Saved · version 1 · ")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the save state is in the served page")
        .to_owned();
    assert!(
        served.len() == "2026-12-02 05:36 UTC".len()
            && served.ends_with(" UTC")
            && !served[..16].contains('T'),
        "the served save state shows a raw time: {served}"
    );

    let downloads = tempfile::tempdir().expect("a download folder");
    let browser = Browser::start(downloads.path()).await;
    let b = &browser.client;
    b.set_window_size(1366, 900)
        .await
        .expect("the window is resized");
    sign_in(b, &app, "admin@northwind.example").await;

    // The wizard: the same save state once hydrated; the meeting year is a number input.
    go(b, &format!("{}/drafts/{proposal}", app.address)).await;
    wait_for(b, ".wizard[data-hydrated=true]").await;
    let shown = text(b, ".save-state span").await;
    assert_eq!(shown, format!("Saved · version 1 · {served}"));
    let kind = wait_for(b, "#answer-meeting_year")
        .await
        .attr("type")
        .await
        .expect("an attribute");
    assert_eq!(kind.as_deref(), Some("number"));

    // A check with nothing to check says so instead of passing.
    let checks = wait_for_text(b, ".checks", "No recitals yet").await;
    assert!(!checks.contains("Every recital cites a source"), "{checks}");

    // The recitals step: every evidence card stays inside the questions column.
    click(b, ".steps li:nth-child(2) button").await;
    wait_for(b, "ul.sources li.source").await;
    let overflow = number(
        b,
        "const column = document.querySelector('.questions').getBoundingClientRect().right; \
         return Math.max(0, ...[...document.querySelectorAll('li.source, li.claim')].map(e => e.getBoundingClientRect().right - column));",
    )
    .await;
    assert!(
        overflow <= 1.0,
        "evidence cards run {overflow} px past their column"
    );

    // The review shows the supporting statement's bold as bold.
    click(b, ".steps li:last-child button").await;
    wait_for(b, "dl.review").await;
    let bold = text(
        b,
        ".review-row[data-field=supporting_statement] .answer strong",
    )
    .await;
    assert_eq!(bold, "FOR");
    let review = text(b, ".review-row[data-field=supporting_statement] .answer").await;
    assert!(!review.contains("**"), "{review}");

    // An unfinished co-filer letter states no eligibility.
    go(b, &format!("{}/drafts/{letter}", app.address)).await;
    wait_for(b, ".wizard[data-hydrated=true]").await;
    let preview = wait_for_text(
        b,
        ".preview-pane .page",
        "statement of continuous ownership appears here",
    )
    .await;
    assert!(
        !preview.contains("will have continuously held"),
        "{preview}"
    );

    // The template editor's question form is wide enough to use.
    go(
        b,
        &format!("{}/library/engagement-letter-en/edit", app.address),
    )
    .await;
    wait_for(b, ".question-grid input[type=text]").await;
    let narrowest = number(
        b,
        "return Math.min(...[...document.querySelectorAll('.question-grid input[type=text], .question-grid select')].map(e => e.getBoundingClientRect().width));",
    )
    .await;
    assert!(
        narrowest >= 150.0,
        "the narrowest input is {narrowest} px wide"
    );
    let checkbox = number(
        b,
        "return document.querySelector('.question-grid input[type=checkbox]').getBoundingClientRect().width;",
    )
    .await;
    assert!(
        checkbox >= 12.0,
        "the Required checkbox is {checkbox} px wide"
    );

    let errors = browser.console_errors().await;
    assert!(
        errors.is_empty(),
        "the browser console has errors: {errors:#?}"
    );
    browser.finish().await;
}
