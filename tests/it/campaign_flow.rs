//! A campaign in headless Chromium, as a drafter runs one: start it with
//! its shared answers, import co-filers from a CSV (matching the one
//! column the headers do not name), see the bad row reported by row and
//! column, make the documents, render them all as one packet and watch the
//! progress bar reach the end, download the ZIP and open a co-filer's
//! letter with LibreOffice.

use std::io::Read;

use crate::common::{require_bundle, soffice_convert, spawn_app, squeeze, tool};
use crate::wizard_flow::{
    click, downloaded, go, sign_in, text, type_into, wait_for, wait_for_text, Browser,
};

const LIST: &str = "cofiler,shares,holding_value,held_since,ownership_tier,letter_date,contact_email,contact_name,signatory_name,custodian_name,account_number,submission_date,deliver_to\n\
Fernhill Community Foundation,120,44000 USD,2021-09-15,three-years,2026-11-20,invest@fernhill.example,Robin Quill,Jun Okonkwo,Sample Custody Bank,FC-001,2026-12-01,invest@fernhill.example\n\
Riverside Sisters Trust,many,9000 USD,2020-01-10,three-years,2026-11-20,office@riverside.example,Ada Lane,Ada Lane,Other Custody,RS-002,2026-12-01,office@riverside.example\n\
Harbour Teachers Fund,800,52000 USD,2019-03-01,three-years,2026-11-21,esg@harbour.example,Sam Reyes,Sam Reyes,Harbour Bank,HT-003,2026-12-01,esg@harbour.example\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_drafter_imports_cofilers_and_renders_the_campaign_as_a_packet() {
    require_bundle();
    let app = spawn_app();
    let downloads = tempfile::tempdir().expect("a download folder");
    let list = downloads.path().join("cofilers.csv");
    std::fs::write(&list, LIST).expect("the list is written");
    let browser = Browser::start(downloads.path()).await;
    let b = &browser.client;
    sign_in(b, &app, "admin@northwind.example").await;

    // Start the campaign.
    go(b, &format!("{}/campaigns", app.address)).await;
    wait_for(b, ".campaigns[data-hydrated=true]").await;
    type_into(
        b,
        "form.new-campaign input[name=name]",
        "Contracts review 2027",
    )
    .await;
    type_into(
        b,
        "form.new-campaign input[name=company]",
        "Example Systems Inc.",
    )
    .await;
    type_into(b, "form.new-campaign input[name=meeting_year]", "2027").await;
    type_into(
        b,
        "form.new-campaign input[name=proposal_title]",
        "Report on contracts in conflict-affected areas",
    )
    .await;
    type_into(
        b,
        "form.new-campaign input[name=lead_filer]",
        "Northwind Retirement Trust",
    )
    .await;
    click(b, "form.new-campaign button[type=submit]").await;
    wait_for(b, ".campaign[data-hydrated=true] form.import-cofilers").await;
    assert_eq!(text(b, ".campaign h1").await, "Contracts review 2027");

    // Import the list: the browser posts the file, the server opens the mapping.
    wait_for(b, "form.import-cofilers input[type=file]")
        .await
        .send_keys(&list.display().to_string())
        .await
        .expect("the file is chosen");
    click(b, "form.import-cofilers button[type=submit]").await;
    wait_for(b, ".campaign-import[data-hydrated=true]").await;
    // `account_holder` is named by no header: the drafter picks the column.
    let holder = wait_for(
        b,
        "fieldset[data-template=ownership-proof-request] label[data-target=account_holder] select",
    )
    .await;
    holder
        .select_by_value("0")
        .await
        .expect("the co-filer column is chosen");
    click(b, "button.check-import").await;
    let outcome = wait_for_text(b, ".import-outcome", "ready to be made").await;
    assert!(outcome.contains("4 documents for 2 co-filers"), "{outcome}");
    let problems = text(b, ".import-problems").await;
    assert!(
        problems.contains("row 3, column B (shares)") && problems.contains("not a number"),
        "{problems}"
    );
    click(b, "button.confirm-import").await;
    wait_for(b, ".import-outcome[data-created='4']").await;
    click(b, ".import-outcome a").await;

    // The campaign page lists the co-filers' documents.
    wait_for(
        b,
        ".campaign[data-hydrated=true] table.campaign-document-list",
    )
    .await;
    let cofilers = text(b, ".campaign-cofilers").await;
    assert!(
        cofilers.contains("Fernhill Community Foundation")
            && cofilers.contains("Harbour Teachers Fund")
            && !cofilers.contains("Riverside"),
        "{cofilers}"
    );
    let rows = b
        .execute(
            "return document.querySelectorAll('table.campaign-document-list tbody tr').length;",
            vec![],
        )
        .await
        .expect("rows counted");
    assert_eq!(rows, serde_json::json!(4));

    // Render them all as one packet.
    assert_eq!(
        text(b, "button.start-packet").await,
        "Render 4 drafts as a packet"
    );
    type_into(b, "input[name=packet-title]", "Co-filer packet").await;
    click(b, "button.start-packet").await;
    wait_for(b, "li.packet[data-state='done'] a[href$='/zip']").await;
    let progress = b
        .execute(
            "const p = document.querySelector(\"li.packet[data-state='done'] progress\"); return [p.value, p.max];",
            vec![],
        )
        .await
        .expect("the progress bar is read");
    assert_eq!(progress, serde_json::json!([4, 4]));
    let counts = text(b, "li.packet[data-state='done'] .packet-counts").await;
    assert_eq!(counts, "4 of 4 documents");
    assert!(
        text(b, "li.packet[data-state='done']")
            .await
            .contains("Download ZIP"),
        "no failure: every document rendered"
    );
    click(b, "li.packet[data-state='done'] a[href$='/zip']").await;
    let zip_path = downloaded(downloads.path(), "zip").await;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&zip_path).expect("the ZIP opens"))
        .expect("a ZIP archive");
    let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    for kind in ["cofiler-letter/", "ownership-request/"] {
        let files = names
            .iter()
            .filter(|n| n.starts_with(kind) && (n.ends_with(".docx") || n.ends_with(".pdf")))
            .count();
        assert_eq!(files, 4, "{kind}: {names:?}");
    }
    let docx_name = names
        .iter()
        .find(|n| {
            n.starts_with("cofiler-letter/")
                && n.ends_with("-harbour-teachers-fund-example-systems-inc.docx")
        })
        .unwrap_or_else(|| {
            panic!("Harbour Teachers Fund's letter, named after it and the company: {names:?}")
        })
        .clone();
    let mut docx = Vec::new();
    zip.by_name(&docx_name)
        .expect("the entry")
        .read_to_end(&mut docx)
        .expect("the DOCX reads");
    std::fs::write(downloads.path().join("letter.docx"), docx).expect("the DOCX is written");
    soffice_convert(downloads.path(), "letter.docx", "pdf");
    let pdf_text = squeeze(&tool(
        "pdftotext",
        &["-enc", "UTF-8", "letter.pdf", "-"],
        downloads.path(),
    ));
    for needle in [
        "Harbour Teachers Fund",
        "Example Systems Inc.",
        "Northwind Retirement Trust",
        "Report on contracts in conflict-affected areas",
    ] {
        assert!(pdf_text.contains(&squeeze(needle)), "{needle}: {pdf_text}");
    }

    let errors = browser.console_errors().await;
    assert!(
        errors.is_empty(),
        "the browser console has errors: {errors:#?}"
    );
    browser.finish().await;
}
