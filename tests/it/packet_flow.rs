//! A packet in headless Chromium, as a drafter makes one: tick two drafts
//! on the drafts page, start the packet, watch the progress bar reach the
//! end, find it again after a reload, download the ZIP and open one of its
//! DOCX files with LibreOffice.

use std::io::Read;

use crate::common::{require_bundle, soffice_convert, spawn_app, squeeze, tool};
use crate::drafts::{create, sample, save};
use crate::wizard_flow::{
    click, downloaded, go, text, type_into, wait_for, wait_for_text, Browser,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_drafter_renders_ticked_drafts_as_a_packet_and_opens_it() {
    require_bundle();
    let app = spawn_app();
    let proposal = create(&app, "us-14a8-hrdd-proposal", "Packet: proposal");
    save(&app, proposal, 1, &sample("us-14a8-hrdd-proposal"));
    let letter = create(&app, "cofiler-authorisation", "Packet: co-filer letter");
    save(&app, letter, 1, &sample("cofiler-authorisation"));

    let (browser, downloads) = Browser::signed_in_admin(&app).await;
    let b = &browser.client;
    go(b, &format!("{}/drafts", app.address)).await;
    for id in [proposal, letter] {
        // Enabled once the page has hydrated.
        click(
            b,
            &format!("tr[data-draft='{id}'] input.packet-pick:enabled"),
        )
        .await;
    }
    type_into(b, "input[name=packet-title]", "Filing packet").await;
    let label = wait_for_text(b, "button.start-packet", "Render 2 drafts").await;
    assert_eq!(label, "Render 2 drafts as a packet");
    click(b, "button.start-packet").await;

    // The progress bar reaches the end and the ZIP is offered.
    wait_for(b, "li.packet[data-state='done'] a[href$='/zip']").await;
    let counts = text(b, "li.packet[data-state='done'] .packet-counts").await;
    assert_eq!(counts, "2 of 2 documents");
    let progress = b
        .execute(
            "const p = document.querySelector(\"li.packet[data-state='done'] progress\"); return [p.value, p.max];",
            vec![],
        )
        .await
        .expect("the progress bar is read");
    assert_eq!(progress, serde_json::json!([2, 2]));

    // A reload finds it again.
    b.refresh().await.expect("the page reloads");
    wait_for(b, "li.packet[data-state='done'] a[href$='/zip']").await;
    click(b, "li.packet[data-state='done'] a[href$='/zip']").await;
    let zip_path = downloaded(downloads.path(), "zip").await;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&zip_path).expect("the ZIP opens"))
        .expect("a ZIP archive");
    let docx_name = zip
        .file_names()
        .find(|n| n.starts_with("cofiler-letter/") && n.ends_with(".docx"))
        .expect("the co-filer letter's DOCX")
        .to_owned();
    let mut docx = Vec::new();
    zip.by_name(&docx_name)
        .expect("the entry")
        .read_to_end(&mut docx)
        .expect("the DOCX reads");
    std::fs::write(downloads.path().join("letter.docx"), docx).expect("the DOCX is written");
    soffice_convert(downloads.path(), "letter.docx", "pdf");
    let pdf_text = tool(
        "pdftotext",
        &["-enc", "UTF-8", "letter.pdf", "-"],
        downloads.path(),
    );
    assert!(
        squeeze(&pdf_text).contains(&squeeze("Fernhill Community Foundation")),
        "{pdf_text}"
    );

    let errors = browser.console_errors().await;
    assert!(
        errors.is_empty(),
        "the browser console has errors: {errors:#?}"
    );
    browser.finish().await;
}
