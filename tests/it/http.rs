//! The web app over HTTP, against the real router and a running server.

use crate::common::{site_built, spawn_app};

#[test]
fn front_page_lists_templates_with_sample_downloads() {
    let app = spawn_app();
    let (status, content_type, body) = app.get(&format!("{}/", app.address));
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/html"));
    let html = String::from_utf8(body).unwrap();
    for entry in crate::common::catalog().entries() {
        let id = entry.template.id();
        assert!(
            html.contains(&format!("data-template=\"{id}\"")),
            "{id} is listed"
        );
        assert!(
            html.contains(&format!("/templates/{id}/sample/docx")),
            "{id} offers DOCX"
        );
        assert!(
            html.contains(&format!("/templates/{id}/sample/html")),
            "{id} offers HTML"
        );
    }
    assert!(
        html.contains("engagement-letter") && html.contains("us-sec-14a8") && html.contains(">fr<")
    );
    // Server-rendered, with the scripts that hydrate it.
    assert!(html.contains("data-hydrated=\"false\""));
    assert!(html.contains("/pkg/resolution-studio.js"));
}

#[test]
fn sample_downloads_are_real_documents() {
    let app = spawn_app();
    let (status, content_type, body) = app.get(&format!(
        "{}/templates/us-14a8-hrdd-proposal/sample/docx",
        app.address
    ));
    assert_eq!(status, 200);
    assert_eq!(
        content_type,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert_eq!(&body[..2], b"PK");
    let (status, content_type, body) = app.get(&format!(
        "{}/templates/engagement-letter-fr/sample/html",
        app.address
    ));
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/html"));
    let html = String::from_utf8(body).unwrap();
    assert!(html.contains("<html lang=\"fr\">") && html.contains("role=\"doc-endnotes\""));

    let (status, _, body) = app.get(&format!(
        "{}/templates/no-such-template/sample/docx",
        app.address
    ));
    assert_eq!(status, 404);
    assert!(String::from_utf8_lossy(&body).contains("no template `no-such-template`"));
    let (status, _, _) = app.get(&format!(
        "{}/templates/us-14a8-hrdd-proposal/sample/odt",
        app.address
    ));
    assert_eq!(status, 404);
}

#[test]
fn browser_bundle_is_served() {
    assert!(
        site_built(),
        "the browser bundle is missing: run the tests with `cargo xtask test`, which builds it"
    );
    let app = spawn_app();
    let (status, _, js) = app.get(&format!("{}/pkg/resolution-studio.js", app.address));
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&js).contains("hydrate"));
    let (status, _, wasm) = app.get(&format!("{}/pkg/resolution-studio_bg.wasm", app.address));
    assert_eq!(status, 200);
    assert_eq!(&wasm[..4], b"\0asm");
    let (status, _, css) = app.get(&format!("{}/pkg/resolution-studio.css", app.address));
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&css).contains(".template-list"));
}
