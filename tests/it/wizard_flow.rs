//! A drafter's whole walk through the app in headless Chromium, driven over
//! WebDriver (Debian's `chromium-driver`) as a user would drive it: start a
//! draft from the 14a-8 template on the drafts page, answer every step, add
//! two sources (one from the library, one created inside the wizard), watch
//! the preview follow the answers, reload and find everything, then
//! download the DOCX and read its text with LibreOffice.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use crate::common::{require_bundle, soffice_convert, spawn_app, squeeze, tool};
use crate::drafts::{call_form, call_json, create, ok_json};

/// How long the page may take to reach a state the test waits for. Generous:
/// CI machines are slow, and a wait ends as soon as the state is reached.
const PATIENCE: Duration = Duration::from_secs(30);

const COMPANY: &str = "Northwind Cloud Systems, Inc.";
const PROPONENT: &str = "Harbour Light Pension Fund";
const NEW_SOURCE_ID: &str = "harbour-light-2026-field-study";
const NEW_SOURCE_TITLE: &str = "Cloud contracts in conflict settings: a field study";
const NEW_CLAIM: &str =
    "Harbour Light found that none of the six cloud contracts it reviewed named a human rights review";
/// The chosen library source's title, cited in its footnote.
const LIBRARY_TITLE: &str = "A million calls an hour";
const LIBRARY_CLAIM: &str = "guardian-2025-08-06-azure-surveillance#unit-8200-azure";
const STATEMENT_ADDITION: &str = " A transparent assessment protects long-term shareholder value.";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_drafter_walks_the_whole_flow_in_chromium() {
    require_bundle();
    let app = spawn_app();
    let (browser, downloads) = Browser::signed_in_admin(&app).await;
    let b = &browser.client;

    // The drafts page: start a draft from the 14a-8 proposal template.
    go(b, &format!("{}/drafts", app.address)).await;
    let template = wait_for(b, "form.new-draft select[name=template_id]:not([disabled])").await;
    template
        .select_by_value("us-14a8-hrdd-proposal")
        .await
        .expect("the template can be chosen");
    type_into(
        b,
        "form.new-draft input[name=title]",
        "Northwind proposal 2027",
    )
    .await;
    click(b, "form.new-draft button[type=submit]").await;
    wait_for(b, ".wizard[data-hydrated=true]").await;
    let draft_url = b.current_url().await.expect("the wizard's address");
    assert!(
        draft_url.path().starts_with("/drafts/"),
        "starting a draft did not open the wizard: {draft_url}"
    );

    // Step 1: company and meeting. The preview starts with placeholders and
    // follows the answers.
    wait_for_text(b, ".preview-pane .page", "[Company]").await;
    type_into(b, "#answer-company", COMPANY).await;
    type_into(b, "#answer-company-ticker", "NWCS").await;
    type_into(b, "#answer-meeting_year", "2027").await;
    type_into(b, "#answer-proponent", PROPONENT).await;
    let preview = wait_for_text(b, ".preview-pane .page", COMPANY).await;
    assert!(!preview.contains("[Company]"), "{preview}");
    click(b, ".step-buttons button.primary").await;

    // Step 2: recitals. One claim from the library, found by searching…
    wait_for(b, "#answer-recitals").await;
    type_into(b, "#answer-recitals", "million calls").await;
    click(
        b,
        &format!("li.claim[data-claim=\"{LIBRARY_CLAIM}\"] button"),
    )
    .await;
    wait_for(
        b,
        &format!("ol.chosen li[data-reference=\"{LIBRARY_CLAIM}\"]"),
    )
    .await;
    // …and one from a source added to the library without leaving the wizard.
    click(b, ".add-source > button").await;
    type_into(b, "#new-source-id", NEW_SOURCE_ID).await;
    type_into(b, "#new-source-title", NEW_SOURCE_TITLE).await;
    type_into(b, "#new-source-publisher", "Harbour Light Pension Fund").await;
    type_into(b, "#new-source-date", "2026-09-14").await;
    click(b, ".add-source .claims-editor > button").await;
    type_into(b, "#new-source-claim-0-id", "no-human-rights-review").await;
    type_into(b, "#new-source-claim-0-en", NEW_CLAIM).await;
    click(b, ".add-source button[type=submit]").await;
    replace_text(b, "#answer-recitals", "field study").await;
    let new_claim = format!("{NEW_SOURCE_ID}#no-human-rights-review");
    click(b, &format!("li.claim[data-claim=\"{new_claim}\"] button")).await;
    wait_for(b, &format!("ol.chosen li[data-reference=\"{new_claim}\"]")).await;
    type_into(
        b,
        "#answer-additional_recitals",
        "**Whereas**, the fund's own study found no human rights review clause in the contracts it read [@harbour-light-2026-field-study];",
    )
    .await;
    // The typed citation becomes a note mark after the semicolon; waiting
    // for it waits for the preview of the last keystroke.
    let preview = wait_for_text(b, ".preview-pane .page", "contracts it read;3").await;
    assert!(preview.contains(NEW_CLAIM), "{preview}");
    assert!(has(&preview, LIBRARY_TITLE), "{preview}");
    assert!(has(&preview, NEW_SOURCE_TITLE), "{preview}");
    click(b, ".step-buttons button.primary").await;

    // Step 3: the request.
    let scope = wait_for(b, "#answer-scope").await;
    scope
        .select_by_value("security")
        .await
        .expect("the scope can be chosen");
    let timing = wait_for(b, "#answer-report_timing").await;
    timing
        .select_by_value("before-next-meeting")
        .await
        .expect("the timing can be chosen");
    click(b, "#answer-independent_review").await;
    wait_for_text(b, ".preview-pane .page", "Security-Sector Contracts").await;
    click(b, ".step-buttons button.primary").await;

    // Step 4: the supporting statement, prefilled from the template's
    // default and extended here.
    let statement = wait_for(b, "#answer-supporting_statement").await;
    let prefilled = statement
        .prop("value")
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    assert!(prefilled.contains("vote **FOR**"), "{prefilled}");
    type_into(b, "#answer-supporting_statement", STATEMENT_ADDITION).await;
    wait_for_text(b, ".preview-pane .page", "long-term shareholder value").await;
    click(b, ".step-buttons button.primary").await;

    // The review step lists every answer.
    wait_for(b, "dl.review").await;
    let review = text(b, "dl.review").await;
    for expected in [COMPANY, PROPONENT, "2027", "Military, intelligence, police"] {
        assert!(
            review.contains(expected),
            "review lacks {expected}:\n{review}"
        );
    }
    wait_for(b, "[data-save-state=saved]").await;
    let words = text(b, ".preview-pane .word-count").await;
    assert!(words.contains("of 500 words"), "{words}");

    // Rename the draft from the wizard's header.
    click(b, ".draft-title button.link").await;
    // The box takes the focus with its text selected on the next frame.
    wait_until(
        b,
        "return document.activeElement && document.activeElement.id === 'draft-title-input'",
    )
    .await;
    replace_text(b, "#draft-title-input", "Northwind: HRDD proposal").await;
    click(b, ".draft-title.rename button[type=submit]").await;
    wait_for_text(b, ".draft-title h1", "Northwind: HRDD proposal").await;

    // A reload finds everything as it was left.
    b.refresh().await.expect("the page reloads");
    wait_for(b, ".wizard[data-hydrated=true]").await;
    assert_eq!(text(b, ".draft-title h1").await, "Northwind: HRDD proposal");
    assert_eq!(value(b, "#answer-company").await, COMPANY);
    assert_eq!(value(b, "#answer-proponent").await, PROPONENT);
    let preview = wait_for_text(b, ".preview-pane .page", NEW_CLAIM).await;
    for expected in [
        COMPANY,
        "Security-Sector Contracts",
        LIBRARY_TITLE,
        NEW_SOURCE_TITLE,
        "long-term shareholder value",
    ] {
        assert!(
            has(&preview, expected),
            "after reload, preview lacks {expected}:\n{preview}"
        );
    }
    click(b, ".steps li:nth-child(2) button").await;
    wait_for(
        b,
        &format!("ol.chosen li[data-reference=\"{LIBRARY_CLAIM}\"]"),
    )
    .await;
    wait_for(b, &format!("ol.chosen li[data-reference=\"{new_claim}\"]")).await;

    // Download the DOCX as a user would: the button, then the browser's file.
    click(b, ".downloads a[href$='/download/docx'][data-ready=true]").await;
    let docx = downloaded(downloads.path(), "docx").await;
    let name = docx
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_owned();
    assert!(
        name.starts_with("northwind-cloud-systems-inc-resolution-"),
        "download named {name}"
    );
    std::fs::copy(&docx, downloads.path().join("proposal.docx")).expect("copy the download");
    // LibreOffice lays the DOCX out as a PDF (footnotes included) and
    // poppler reads it back.
    soffice_convert(downloads.path(), "proposal.docx", "pdf");
    let text = tool(
        "pdftotext",
        &["-enc", "UTF-8", "proposal.pdf", "-"],
        downloads.path(),
    );
    for expected in [
        "Security-Sector Contracts",
        LIBRARY_TITLE,
        NEW_CLAIM,
        NEW_SOURCE_TITLE,
        "long-term shareholder value",
        "before the 2028 annual meeting",
    ] {
        assert!(
            has(&squeeze(&text), &squeeze(expected)),
            "the DOCX lacks {expected}:\n{text}"
        );
    }

    let errors = browser.console_errors().await;
    assert!(
        errors.is_empty(),
        "the browser console has errors: {errors:#?}"
    );
    browser.finish().await;
}

/// Two tabs on one draft: the second tab's save is not silently overwritten
/// by the first. The first tab sees the conflict, which answer differs, and
/// chooses to keep its own answers as a new version.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_tabs_on_one_draft_see_the_conflict_and_choose() {
    require_bundle();
    let app = spawn_app();
    let (browser, _downloads) = Browser::signed_in_admin(&app).await;
    let b = &browser.client;
    let draft = create(&app, "us-14a8-hrdd-proposal", "Two tabs");
    let url = format!("{}/drafts/{draft}", app.address);

    go(b, &url).await;
    wait_for(b, ".wizard[data-hydrated=true]").await;
    let first = b.window().await.expect("the first tab");
    let second = b.new_window(true).await.expect("a second tab").handle;
    b.switch_to_window(second.clone())
        .await
        .expect("switch to the second tab");
    go(b, &url).await;
    wait_for(b, ".wizard[data-hydrated=true]").await;
    type_into(b, "#answer-proponent", "Second Tab Trust").await;
    wait_for(b, "[data-save-state=saved]").await;
    wait_for_text(b, "[data-save-state]", "version 2").await;

    b.switch_to_window(first)
        .await
        .expect("back to the first tab");
    type_into(b, "#answer-proponent", "First Tab Fund").await;
    wait_for(b, "[data-save-state=conflict]").await;
    let conflict = text(b, ".conflict").await;
    assert!(conflict.contains("Version 2"), "{conflict}");
    assert!(
        conflict.contains("Proponent")
            && conflict.contains("Second Tab Trust")
            && conflict.contains("First Tab Fund"),
        "the conflict names the differing answer: {conflict}"
    );
    // A link inside the app asks before leaving answers that are not
    // saved; declining stays on the wizard with the answers as they were.
    click(b, ".wizard-header a[href$='/history']").await;
    let question = wait_for_alert(b).await;
    assert!(question.contains("not saved"), "{question}");
    b.dismiss_alert().await.expect("decline leaving");
    assert!(
        b.current_url()
            .await
            .expect("the address")
            .path()
            .ends_with(&format!("/drafts/{draft}")),
        "declining keeps the wizard open"
    );
    assert_eq!(value(b, "#answer-proponent").await, "First Tab Fund");
    click(b, ".conflict button.primary").await;
    wait_for_text(b, "[data-save-state]", "version 3").await;

    // Both versions are in the history, the first tab's is the latest, and
    // the second tab finds it on reload.
    go(b, &format!("{url}/history")).await;
    wait_for(b, "tr[data-version='2']").await;
    let latest = text(b, "tr[data-version='3']").await;
    assert!(latest.contains("(latest)"), "{latest}");
    b.switch_to_window(second)
        .await
        .expect("back to the second tab");
    b.refresh().await.expect("the second tab reloads");
    wait_for(b, ".wizard[data-hydrated=true]").await;
    assert_eq!(value(b, "#answer-proponent").await, "First Tab Fund");
    browser.finish().await;
}

/// A filing letter's engagement times, proposed by the filing rules from
/// the letter's date, are taken with one click and saved.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_filing_letter_takes_the_proposed_engagement_times() {
    require_bundle();
    let app = spawn_app();
    let draft = create(&app, "us-14a8-filing-letter", "Letter");
    // The letter is dated Monday 1 June 2026; the rule's window runs from
    // 11 June to 1 July. The company's offices keep Eastern Time.
    ok_json(call_json(
        &app,
        "save_draft",
        json!({"request": {"draft_id": draft, "base_version": 1, "answers": {"letter_date": "2026-06-01", "time_zone": "America/New_York"}, "dismissals": {}}}),
    ));

    let (browser, _downloads) = Browser::signed_in_admin(&app).await;
    let b = &browser.client;
    go(b, &format!("{}/drafts/{draft}", app.address)).await;
    wait_for(b, ".wizard[data-hydrated=true]").await;
    // The engagement step is the fifth of the letter's steps.
    click(b, ".steps li:nth-child(5) button").await;
    let offer = wait_for_text(
        b,
        "[data-suggestion=engagement_slots]",
        "Monday, June 15, 2026",
    )
    .await;
    assert!(offer.contains("10 to 30 calendar days"), "{offer}");
    click(b, "[data-suggestion=engagement_slots] button").await;
    wait_for(b, "[data-save-state=saved]").await;
    wait_for_text(b, "[data-save-state]", "version 3").await;
    let slots = value(b, "#answer-engagement_slots").await;
    assert_eq!(slots.lines().count(), 3, "{slots}");
    assert!(
        slots
            .starts_with("Monday, June 15, 2026, 10:00–11:00 a.m. Eastern Time (America/New_York)"),
        "{slots}"
    );
    // Taken, the offer goes away and the engagement check passes.
    let checks = wait_for_text(b, "[data-check='14a8/engagement']", "3 slots").await;
    assert!(
        checks.contains("Passed") || checks.contains("passed"),
        "{checks}"
    );
    assert!(text(b, "[data-suggestion=engagement_slots]")
        .await
        .is_empty());
    browser.finish().await;
}

/// An advocacy group's editor introduces a syntax error, sees its line and
/// column, fixes it, adds a question, saves and publishes; a drafter then
/// finds the new question in the wizard.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_editor_fixes_a_template_adds_a_question_and_publishes_it() {
    require_bundle();
    let app = spawn_app();
    // The group's own template: a clone of a built-in, published.
    ok_json(call_form(
        &app,
        "clone_template",
        &[
            ("id", "engagement-letter-en"),
            ("version", "1"),
            ("new_id", "group-letter"),
        ],
    ));
    ok_json(call_form(
        &app,
        "publish_template",
        &[
            ("id", "group-letter"),
            ("version", "1"),
            ("notes", "First version"),
        ],
    ));
    // A draft begun on version 1, to be offered version 2 below.
    let older = crate::drafts::create(&app, "group-letter", "Begun on version 1");
    let (browser, _downloads) = Browser::signed_in_admin(&app).await;
    let b = &browser.client;

    go(b, &format!("{}/library/group-letter/edit", app.address)).await;
    wait_for(b, ".editor[data-hydrated=true]").await;
    wait_for(b, "#template-problems [data-problems='0']").await;
    let source = value(b, "#template-source").await;
    assert!(
        source.ends_with('\n'),
        "a template file ends with a line break"
    );
    let lines = source.lines().count();

    // A typo on a new last line: reported at its line and column.
    const TYPO: &str = "{{ company.name | titel }}";
    click(b, "#template-source").await;
    type_into(b, "#template-source", &format!("{CONTROL_END}{TYPO}")).await;
    let problem = wait_for(b, "#template-problems li.error").await;
    let line = problem
        .attr("data-line")
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    assert_eq!(
        line,
        (lines + 1).to_string(),
        "the error is on the new last line"
    );
    // The line number is marked in the editor's gutter.
    let marked = wait_for_text(b, ".editor .gutter span.error", &(lines + 1).to_string()).await;
    assert_eq!(marked.trim(), (lines + 1).to_string());
    let said = text(b, "#template-problems li.error").await;
    assert!(
        said.contains(&format!(
            "line {}, column 19: unknown filter `titel`",
            lines + 1
        )),
        "{said}"
    );
    assert_eq!(
        wait_for(b, "#template-source")
            .await
            .attr("aria-invalid")
            .await
            .ok()
            .flatten()
            .as_deref(),
        Some("true")
    );
    // Fixed by deleting it again.
    let backspaces: String = std::iter::repeat_n(BACKSPACE, TYPO.chars().count()).collect();
    type_into(b, "#template-source", &backspaces).await;
    wait_for(b, "#template-problems [data-problems='0']").await;

    // A new question, added with the question form, which rewrites the
    // front matter's `fields:` list in the text.
    click(b, ".questions-form fieldset > button").await;
    let row = "li.question[data-question=question_1]";
    wait_for(b, row).await;
    replace_text(
        b,
        &format!("{row} input[id$='-id']"),
        &format!("meeting_wish{TAB}"),
    )
    .await;
    let row = "li.question[data-question=meeting_wish]";
    wait_for(b, row).await;
    replace_text(
        b,
        &format!("{row} input[id$='-label']"),
        &format!("Meeting you would like{TAB}"),
    )
    .await;
    wait_for(
        b,
        "li.question[data-question=meeting_wish] input[value='Meeting you would like']",
    )
    .await;
    replace_text(
        b,
        &format!("{row} input[id$='-step']"),
        &format!("letter{TAB}"),
    )
    .await;
    wait_for(
        b,
        "li.question[data-question=meeting_wish] input[value='letter']",
    )
    .await;
    let source = value(b, "#template-source").await;
    assert!(
        source.contains("  - id: meeting_wish\n    label: \"Meeting you would like\"\n    type: text\n    step: letter\n"),
        "the text follows the form:\n{source}"
    );
    // Declared but unused: a warning, not an error.
    let warning = wait_for_text(b, "#template-problems", "meeting_wish").await;
    assert!(
        warning.contains("Warning") && warning.contains("never used"),
        "{warning}"
    );
    type_into(
        b,
        "#template-source",
        &format!("{CONTROL_END}\n{{{{ meeting_wish }}}}\n"),
    )
    .await;
    wait_for(b, "#template-problems [data-problems='0']").await;
    wait_for(b, ".editor .page[data-preview=true]").await;

    click(b, ".editor-actions button.primary").await;
    wait_for(b, "[data-saved-version='2']").await;
    type_into(
        b,
        "#release-notes",
        "Asks which meeting the group would like.",
    )
    .await;
    click(b, "[data-saved-version='2'] button").await;
    wait_for(b, "[data-published=true]").await;

    // A drafter starts from the published version and is asked the question.
    go(b, &format!("{}/drafts", app.address)).await;
    let template = wait_for(b, "form.new-draft select[name=template_id]:not([disabled])").await;
    template
        .select_by_value("group-letter")
        .await
        .expect("the new template is offered");
    click(b, "form.new-draft button[type=submit]").await;
    wait_for(b, ".wizard[data-hydrated=true]").await;
    wait_for(b, "#answer-meeting_wish").await;
    let label = text(b, "label[for=answer-meeting_wish]").await;
    assert!(label.contains("Meeting you would like"), "{label}");

    // The draft begun on version 1 is offered version 2: what it would
    // change (the wizard's later parts bring it), then the move, after
    // which the page asks the new question.
    go(b, &format!("{}/drafts/{older}", app.address)).await;
    wait_for(b, ".wizard[data-hydrated=true]").await;
    assert!(text(b, ".template-update")
        .await
        .contains("version 2 is newer"));
    assert!(!text(b, ".questions")
        .await
        .contains("Meeting you would like"));
    click(b, ".template-update button.link").await;
    let changes = wait_for_text(b, "[data-template-changes]", "Meeting you would like").await;
    assert!(changes.contains("+ {{ meeting_wish }}"), "{changes}");
    click(b, "[data-template-changes] button.primary:not([disabled])").await;
    wait_for(b, "#answer-meeting_wish").await;
    wait_until(
        b,
        "return document.querySelector('.template-update') === null;",
    )
    .await;

    let errors = browser.console_errors().await;
    assert!(
        errors.is_empty(),
        "the browser console has errors: {errors:#?}"
    );
    browser.finish().await;
}

/// The wizard's later parts are a piece of the bundle fetched once the
/// wizard is interactive. When that fetch fails, the wizard keeps working
/// and saving, says so in the console, and asks again: the parts appear
/// once the piece can be fetched.
#[tokio::test(flavor = "multi_thread")]
async fn the_wizard_keeps_working_when_its_later_parts_cannot_be_fetched() {
    require_bundle();
    let app = spawn_app();
    let draft = create(&app, "us-14a8-hrdd-proposal", "Offline later parts");
    let (browser, _downloads) = Browser::signed_in_admin(&app).await;
    let b = &browser.client;

    browser.block_urls(&["*split_wizard_later_parts*"]).await;
    go(b, &format!("{}/drafts/{draft}", app.address)).await;
    wait_for(b, ".wizard[data-hydrated=true]").await;
    type_into(b, "#answer-company", COMPANY).await;
    wait_for_text(b, ".preview-pane .page", COMPANY).await;
    wait_for(b, "[data-save-state=saved]").await;
    let errors = browser.console_errors().await;
    assert!(
        errors
            .iter()
            .any(|e| e.contains("later parts did not load")),
        "the failed fetch is reported: {errors:#?}"
    );
    // Without the piece the checks' findings are not shown.
    assert_eq!(
        b.find_all(Locator::Css(".checks li"))
            .await
            .map(|l| l.len())
            .ok(),
        Some(0)
    );

    browser.block_urls(&[]).await;
    wait_for(b, ".checks li[data-check]").await;
    let saved = ok_json(call_form(&app, "load_draft", &[("id", &draft.to_string())]));
    assert_eq!(saved["draft"]["company"], COMPANY, "the answer was saved");
    browser.finish().await;
}

/// WebDriver key codes.
const CONTROL_END: &str = "\u{E009}\u{E010}\u{E000}";
const TAB: &str = "\u{E004}";
const BACKSPACE: char = '\u{E003}';

/// Chromium under chromedriver, with downloads going to a directory of the
/// test's choosing. Both processes are stopped when the test ends, even when
/// it fails.
pub(crate) struct Browser {
    pub(crate) client: Client,
    driver: Child,
    driver_url: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub(crate) async fn start(downloads: &Path) -> Browser {
        Browser::start_in(downloads, "en-GB,en").await
    }

    /// A browser whose requests say `Accept-Language: {languages}`.
    pub(crate) async fn start_in(downloads: &Path, languages: &str) -> Browser {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let mut command = Command::new("chromedriver");
        command
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // Its own process group, so Chromium goes with it on failure too.
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let driver = command
            .spawn()
            .expect("chromedriver must be installed (cargo xtask test installs chromium-driver)");
        let driver_url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + PATIENCE;
        while ureq::get(&format!("{driver_url}/status")).call().is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let profile = tempfile::tempdir().expect("a temporary directory");
        let capabilities = json!({
            "browserName": "chrome",
            "goog:loggingPrefs": { "browser": "ALL" },
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--window-size=1280,1000",
                    format!("--user-data-dir={}", profile.path().display()),
                    format!("--lang={}", languages.split(',').next().unwrap_or("en")),
                ],
                "prefs": {
                    "intl.accept_languages": languages,
                    "download.default_directory": downloads.display().to_string(),
                    "download.prompt_for_download": false,
                },
            },
        });
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!("a JSON object literal");
        };
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&driver_url)
            .await
            .expect("chromedriver starts a Chromium session");
        Browser {
            client,
            driver,
            driver_url,
            _profile: profile,
        }
    }

    /// A browser signed in to `app` as the sample organisation's admin,
    /// which is where most browser tests start, with a download folder of
    /// its own that lasts as long as the returned guard.
    pub(crate) async fn signed_in_admin(
        app: &crate::common::TestApp,
    ) -> (Browser, tempfile::TempDir) {
        let downloads = tempfile::tempdir().expect("a download folder");
        let browser = Browser::start(downloads.path()).await;
        sign_in(&browser.client, app, "admin@northwind.example").await;
        (browser, downloads)
    }

    /// chromedriver's address for this session, for its own endpoints.
    async fn session_url(&self) -> String {
        let session = self
            .client
            .session_id()
            .await
            .ok()
            .flatten()
            .expect("a running session has an id");
        format!("{}/session/{session}", self.driver_url)
    }

    /// The browser console's errors so far, through chromedriver's log
    /// endpoint (WebDriver itself has none).
    pub(crate) async fn console_errors(&self) -> Vec<String> {
        let body = ureq::post(&format!("{}/se/log", self.session_url().await))
            .header("content-type", "application/json")
            .send(json!({ "type": "browser" }).to_string())
            .expect("chromedriver returns the browser log")
            .body_mut()
            .read_to_string()
            .expect("the log is text");
        let response: serde_json::Value = serde_json::from_str(&body).expect("the log is JSON");
        response["value"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry["message"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// Makes Chromium fail every request whose address matches one of
    /// `patterns` (`*` for any text), through the DevTools protocol that
    /// chromedriver passes on; an empty list lets everything through again.
    pub(crate) async fn block_urls(&self, patterns: &[&str]) {
        self.network("Network.setBlockedURLs", json!({ "urls": patterns }))
            .await;
    }

    /// Turns the browser's cache off (or back on), so every fetch goes to the server.
    pub(crate) async fn disable_cache(&self, disabled: bool) {
        self.network(
            "Network.setCacheDisabled",
            json!({ "cacheDisabled": disabled }),
        )
        .await;
    }

    /// Runs a command of the DevTools protocol's network domain.
    async fn network(&self, cmd: &str, params: serde_json::Value) {
        let execute = format!("{}/goog/cdp/execute", self.session_url().await);
        for (cmd, params) in [("Network.enable", json!({})), (cmd, params)] {
            ureq::post(&execute)
                .header("content-type", "application/json")
                .send(json!({ "cmd": cmd, "params": params }).to_string())
                .unwrap_or_else(|e| panic!("chromedriver runs {cmd}: {e}"));
        }
    }

    pub(crate) async fn finish(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.driver.wait();
    }
}

/// Signs in through the sign-in page, as a person would.
pub(crate) async fn sign_in(b: &Client, app: &crate::common::TestApp, email: &str) {
    go(b, &format!("{}/login", app.address)).await;
    type_into(b, "input[name=email]", email).await;
    type_into(b, "input[name=password]", crate::common::PASSWORD).await;
    click(b, "form.sign-in-form button[type=submit]").await;
    wait_for(b, ".account-menu").await;
}

/// Whether `text` contains `needle`, ignoring case: the citation style
/// puts titles in title case.
fn has(text: &str, needle: &str) -> bool {
    text.to_lowercase().contains(&needle.to_lowercase())
}

/// The text of the dialog the page opened (`confirm`), waiting for it.
pub(crate) async fn wait_for_alert(b: &Client) -> String {
    for _ in 0..50 {
        if let Ok(text) = b.get_alert_text().await {
            return text;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the page opened no dialog within 5 s");
}

pub(crate) async fn go(b: &Client, url: &str) {
    b.goto(url)
        .await
        .unwrap_or_else(|e| panic!("could not open {url}: {e}"));
}

/// The element `css` selects, once it is there.
pub(crate) async fn wait_for(b: &Client, css: &str) -> Element {
    match b
        .wait()
        .at_most(PATIENCE)
        .for_element(Locator::Css(css))
        .await
    {
        Ok(element) => element,
        Err(e) => panic!(
            "waited {PATIENCE:?} for `{css}`: {e}\npage now:\n{}",
            b.source().await.unwrap_or_default()
        ),
    }
}

/// The text of `css` once it contains `needle`.
pub(crate) async fn wait_for_text(b: &Client, css: &str, needle: &str) -> String {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let now = text(b, css).await;
        if now.contains(needle) {
            return now;
        }
        assert!(
            Instant::now() < deadline,
            "waited {PATIENCE:?} for `{css}` to show {needle:?}; it shows:\n{now}"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// Waits until `script` returns true in the page.
pub(crate) async fn wait_until(b: &Client, script: &str) {
    let deadline = Instant::now() + PATIENCE;
    while b.execute(script, vec![]).await.ok() != Some(serde_json::Value::Bool(true)) {
        assert!(
            Instant::now() < deadline,
            "waited {PATIENCE:?} for: {script}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// All the text of `css`, scrolled into view or not (WebDriver's own element
/// text leaves out what the preview pane has scrolled away).
pub(crate) async fn text(b: &Client, css: &str) -> String {
    let script = "const e = document.querySelector(arguments[0]); return e ? e.textContent : '';";
    match b.execute(script, vec![json!(css)]).await {
        Ok(serde_json::Value::String(text)) => text,
        _ => String::new(),
    }
}

pub(crate) async fn value(b: &Client, css: &str) -> String {
    wait_for(b, css)
        .await
        .prop("value")
        .await
        .ok()
        .flatten()
        .unwrap_or_default()
}

pub(crate) async fn click(b: &Client, css: &str) {
    wait_for(b, css)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("could not click `{css}`: {e}"));
}

/// Types at the end of what the field already holds, key by key.
pub(crate) async fn type_into(b: &Client, css: &str, text: &str) {
    wait_for(b, css)
        .await
        .send_keys(text)
        .await
        .unwrap_or_else(|e| panic!("could not type into `{css}`: {e}"));
}

/// Selects what the field holds (Ctrl+A) and types over it.
async fn replace_text(b: &Client, css: &str, text: &str) {
    const CONTROL: char = '\u{E009}';
    const RELEASE_KEYS: char = '\u{E000}';
    type_into(b, css, &format!("{CONTROL}a{RELEASE_KEYS}{text}")).await;
}

/// The finished download of the given extension in `dir` (Chromium writes a
/// `.crdownload` file first and renames it when done).
pub(crate) async fn downloaded(dir: &Path, extension: &str) -> PathBuf {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let found = std::fs::read_dir(dir)
            .expect("the download directory")
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .find(|path| path.extension().is_some_and(|e| e == extension));
        if let Some(path) = found {
            return path;
        }
        assert!(
            Instant::now() < deadline,
            "no .{extension} download arrived in {}",
            dir.display()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
