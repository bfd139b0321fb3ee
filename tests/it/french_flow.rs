//! A drafter whose browser asks for French (`Accept-Language: fr`) walks
//! the app in headless Chromium: the navigation, the drafts page and the
//! wizard are in French, the filing-rule findings are worded in French with
//! French dates, the template's own questions stay in its language, and the
//! header's switch turns the whole interface to English and keeps it.
//!
//! Expected words come from the catalogues through the library, so the test
//! follows a reworded message; a page left in English fails it.

use resolution_studio::i18n::Lang;
use resolution_studio::tr;
use serde_json::Value;

use crate::common::{require_bundle, spawn_app};
use crate::drafts::{create, sample, save};
use crate::wizard_flow::{click, go, sign_in, text, wait_for, wait_for_text, wait_until, Browser};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_drafter_walks_the_wizard_in_french_then_switches_to_english() {
    require_bundle();
    let app = spawn_app();
    // A filing letter dated 16 February 2026: its findings name that day.
    let id = create(&app, "us-14a8-filing-letter", "Lettre Northwind 2026");
    let mut answers = sample("us-14a8-filing-letter");
    answers["letter_date"] = Value::from("2026-02-16");
    save(&app, id, 1, &answers);

    let downloads = tempfile::tempdir().expect("a temporary directory");
    let browser = Browser::start_in(downloads.path(), "fr-FR,fr").await;
    let b = &browser.client;
    sign_in(b, &app, "admin@northwind.example").await;

    go(b, &format!("{}/drafts", app.address)).await;
    wait_for_text(b, "main h1", &tr!(Lang::Fr, "drafts-title")).await;
    assert_eq!(
        b.find(fantoccini::Locator::Css("html"))
            .await
            .expect("the page has an html element")
            .attr("lang")
            .await
            .expect("an attribute read"),
        Some("fr".to_owned())
    );
    let navigation = text(b, "header nav").await;
    for word in ["Modèles", "Brouillons", "Preuves", "Campagnes"] {
        assert!(navigation.contains(word), "navigation: {navigation}");
    }
    // The draft's row is there, with its status in French.
    wait_for_text(b, "main table", "Lettre Northwind 2026").await;

    // The wizard: the page's own words in French, the findings too.
    go(b, &format!("{}/drafts/{id}", app.address)).await;
    // Hydration in French: the browser reads the page's language from
    // `<html lang>`, so its words match the server's.
    wait_for(b, ".wizard[data-hydrated=true]").await;
    let eligibility = tr!(Lang::Fr, "check-14a8-eligibility-title");
    let finding = wait_for_text(
        b,
        "section.checks li[data-check='14a8/eligibility']",
        &eligibility,
    )
    .await;
    assert!(
        finding.contains("16 février 2026"),
        "the finding's date is written in French: {finding}"
    );
    let engagement = text(b, "section.checks li[data-check='14a8/engagement']").await;
    assert!(
        engagement.contains(&tr!(Lang::Fr, "check-14a8-engagement-title")),
        "{engagement}"
    );
    assert!(
        !engagement.contains("days after submission"),
        "{engagement}"
    );
    let checks_heading = text(b, "section.checks h2").await;
    assert_eq!(checks_heading, tr!(Lang::Fr, "wizard-checks"));
    // The template's questions stay in the template's language (English).
    let questions = text(b, "form.questions").await;
    assert!(!questions.trim().is_empty());

    // The header's switch: English everywhere, and kept for this account.
    click(b, "form.language-switch button[value=en]").await;
    wait_until(b, "return document.documentElement.lang === 'en'").await;
    let english = wait_for_text(
        b,
        "section.checks li[data-check='14a8/eligibility']",
        "Eligibility",
    )
    .await;
    assert!(english.contains("16 February 2026"), "{english}");
    let navigation = text(b, "header nav").await;
    assert!(navigation.contains("Drafts") && !navigation.contains("Brouillons"));
    go(b, &format!("{}/drafts", app.address)).await;
    wait_for_text(b, "main h1", "Drafts").await;
    let errors = browser.console_errors().await;
    assert!(
        errors.is_empty(),
        "the browser console has errors: {errors:#?}"
    );
    browser.finish().await;
}

/// The browser loads the page language's words as a piece of its own
/// before hydrating. Words the browser writes itself must be in that
/// language: the template count, which the browser rewrites as the filter
/// changes, is worded in French, with no message id showing, and the French
/// piece is what the page asked for. A link then loads the drafts page,
/// worded in French too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_the_browser_renders_itself_are_worded_in_the_page_language() {
    require_bundle();
    let app = spawn_app();
    let downloads = tempfile::tempdir().expect("a temporary directory");
    let browser = Browser::start_in(downloads.path(), "fr-FR,fr").await;
    let b = &browser.client;
    sign_in(b, &app, "admin@northwind.example").await;
    go(b, &format!("{}/", app.address)).await;
    wait_for(b, ".templates[data-hydrated=true]").await;
    let head = b.source().await.expect("the page's source");
    assert!(
        head.contains("split_french_words_") && !head.contains("split_english_words_"),
        "a French page preloads the French words and not the English"
    );
    let total = b
        .find_all(fantoccini::Locator::Css("table.template-list tbody tr"))
        .await
        .expect("the template rows")
        .len();
    assert!(total > 1, "the library lists its templates");
    crate::wizard_flow::type_into(b, ".templates input[name=filter]", "zzzz").await;
    let count = tr!(Lang::Fr, "templates-count", shown = 0, total = total);
    assert!(count.contains(" sur "), "{count}");
    wait_for_text(b, ".templates p.count", &count).await;
    let main = text(b, "main").await;
    assert!(
        !main.contains("templates-"),
        "a message id shows instead of its words: {main}"
    );
    click(b, "header nav a[href='/drafts']").await;
    wait_for_text(b, "main h1", &tr!(Lang::Fr, "drafts-title")).await;
    wait_for_text(b, "form.new-draft h2", &tr!(Lang::Fr, "drafts-new-heading")).await;
    let main = text(b, "main").await;
    assert!(
        !main.contains("drafts-"),
        "a message id shows instead of its words: {main}"
    );
    let errors = browser.console_errors().await;
    assert!(
        errors.is_empty(),
        "the browser console has errors: {errors:#?}"
    );
    browser.finish().await;
}
