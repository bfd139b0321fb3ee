//! The template library over HTTP: built-ins are published and cloned,
//! never edited; a saved version waits for publishing with release notes;
//! a template travels as one file (export, import as a new version or a
//! copy, a broken file refused with its problems); a retired template
//! starts no new draft.

use serde_json::Value;

use crate::common::{spawn_app, TestApp};
use crate::drafts::{call_form, create, ok_json};

fn listing(app: &TestApp, id: &str) -> Value {
    let all = ok_json(call_form(app, "template_library", &[]));
    all.as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .cloned()
        .unwrap_or_else(|| panic!("no template {id} in {all:#}"))
}

fn startable(app: &TestApp) -> Vec<String> {
    ok_json(call_form(app, "list_templates", &[]))
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_owned())
        .collect()
}

fn export(app: &TestApp, id: &str, version: i64) -> String {
    let (status, _, body) = app.get(&format!(
        "{}/templates/{id}/versions/{version}/export",
        app.address
    ));
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    String::from_utf8(body).expect("UTF-8")
}

#[test]
fn templates_are_cloned_published_shared_and_retired() {
    let app = spawn_app();
    let built_in = listing(&app, "engagement-letter-en");
    assert_eq!(built_in["built_in"], true);
    assert_eq!(built_in["published"], 1);
    assert!(built_in["versions"][0]["published_at"].is_string());

    // A built-in is not edited in place.
    let source = export(&app, "engagement-letter-en", 1);
    assert!(
        source.starts_with("---\nid: engagement-letter-en\n"),
        "{source}"
    );
    let (status, body) = call_form(&app, "save_template", &[("source", &source)]);
    assert!(
        status >= 400 && body.contains("clone it under a new id"),
        "{body}"
    );

    // A clone is a new template, unpublished: no draft can start from it.
    let cloned = ok_json(call_form(
        &app,
        "clone_template",
        &[
            ("id", "engagement-letter-en"),
            ("version", "1"),
            ("new_id", "our-letter"),
        ],
    ));
    assert_eq!(cloned, serde_json::json!(["our-letter", 1]));
    let ours = listing(&app, "our-letter");
    assert_eq!(
        (ours["built_in"].as_bool(), ours["published"].is_null()),
        (Some(false), true)
    );
    assert!(!startable(&app).contains(&"our-letter".to_owned()));
    let (status, body) = call_form(
        &app,
        "create_draft",
        &[("template_id", "our-letter"), ("title", "x")],
    );
    assert!(
        status >= 400 && body.contains("no published version"),
        "{body}"
    );

    // Publishing needs release notes; then drafts start from it.
    let (status, body) = call_form(
        &app,
        "publish_template",
        &[("id", "our-letter"), ("version", "1"), ("notes", " ")],
    );
    assert!(status >= 400 && body.contains("release notes"), "{body}");
    ok_json(call_form(
        &app,
        "publish_template",
        &[
            ("id", "our-letter"),
            ("version", "1"),
            ("notes", "Our wording."),
        ],
    ));
    let (status, body) = call_form(
        &app,
        "publish_template",
        &[("id", "our-letter"), ("version", "1"), ("notes", "Again.")],
    );
    assert!(
        status >= 400 && body.contains("published already"),
        "{body}"
    );
    assert!(startable(&app).contains(&"our-letter".to_owned()));
    let draft = create(&app, "our-letter", "Letter from our template");
    assert_eq!(
        listing(&app, "our-letter")["versions"][0]["drafts"],
        1,
        "drafts are counted per version"
    );

    // Sharing: the exported file comes back as a new version, or as a copy.
    let shared = export(&app, "our-letter", 1);
    assert!(shared.starts_with("---\nid: our-letter\n"));
    let added = ok_json(call_form(
        &app,
        "import_template",
        &[("source", &shared), ("as_copy_id", "")],
    ));
    assert_eq!(added, serde_json::json!(["our-letter", 2]));
    let ours = listing(&app, "our-letter");
    assert_eq!(
        ours["published"], 1,
        "an imported version waits to be published"
    );
    assert!(ours["versions"][0]["published_at"].is_null());
    // No draft moves to an unpublished version.
    let (status, body) = call_form(
        &app,
        "move_draft_template",
        &[
            ("id", &draft.to_string()),
            ("base_version", "1"),
            ("to_version", "2"),
        ],
    );
    assert!(status >= 400 && body.contains("not published"), "{body}");
    // Publishing an older version than the newest published one would
    // change nothing for drafters, so it is refused.
    ok_json(call_form(
        &app,
        "import_template",
        &[("source", &shared), ("as_copy_id", "")],
    ));
    ok_json(call_form(
        &app,
        "publish_template",
        &[("id", "our-letter"), ("version", "3"), ("notes", "Third.")],
    ));
    let (status, body) = call_form(
        &app,
        "publish_template",
        &[("id", "our-letter"), ("version", "2"), ("notes", "Second.")],
    );
    assert!(
        status >= 400 && body.contains("version 3 of `our-letter` is published and newer"),
        "{body}"
    );
    let copy = ok_json(call_form(
        &app,
        "import_template",
        &[("source", &shared), ("as_copy_id", "their-letter")],
    ));
    assert_eq!(copy, serde_json::json!(["their-letter", 1]));
    assert!(export(&app, "their-letter", 1).starts_with("---\nid: their-letter\n"));
    let (status, body) = call_form(
        &app,
        "import_template",
        &[("source", &shared), ("as_copy_id", "their-letter")],
    );
    assert!(status >= 400 && body.contains("exists already"), "{body}");

    // Any two versions compare (these two are the same file).
    let same = ok_json(call_form(
        &app,
        "compare_template_versions",
        &[("id", "our-letter"), ("from", "1"), ("to", "2")],
    ));
    assert_eq!(same["lines_added"], 0);
    assert_eq!(same["added"], serde_json::json!([]));

    // A broken file is refused with each problem and its place; nothing is stored.
    let broken = shared
        .replacen("id: our-letter", "id: broken-letter", 1)
        .replace("{{ salutation }}", "{{ salutaton | titel }}");
    let (status, body) = call_form(
        &app,
        "import_template",
        &[("source", &broken), ("as_copy_id", "")],
    );
    assert!(status >= 400, "{body}");
    assert!(body.contains("error: unknown filter `titel`"), "{body}");
    assert!(
        body.contains("`salutaton` is used but is not a declared field"),
        "{body}"
    );
    let all = ok_json(call_form(&app, "template_library", &[]));
    assert!(!all
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["id"] == "broken-letter"));

    // The editor's preview of a hostile template: its HTML is text, never markup.
    let hostile = shared.replace(
        "{{ salutation }},",
        "{{ salutation }}, <script>alert(1)</script> <img src=x onerror=alert(2)> [link](javascript:alert(3))",
    );
    let checked = ok_json(call_form(
        &app,
        "check_template",
        &[("source", &hostile), ("answers", "{}")],
    ));
    let html = checked["html"].as_str().expect("a preview");
    assert!(
        !html.contains("<script") && !html.contains("<img") && !html.contains("javascript:"),
        "{html}"
    );
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(checked["fields"].as_array().is_some_and(|f| !f.is_empty()));

    // Retired: kept, listed as retired, starts no new draft; and back again.
    ok_json(call_form(
        &app,
        "retire_template",
        &[("id", "our-letter"), ("retired", "true")],
    ));
    assert_eq!(listing(&app, "our-letter")["retired"], true);
    assert!(!startable(&app).contains(&"our-letter".to_owned()));
    let (status, body) = call_form(
        &app,
        "create_draft",
        &[("template_id", "our-letter"), ("title", "y")],
    );
    assert!(status >= 400 && body.contains("retired"), "{body}");
    ok_json(call_form(
        &app,
        "retire_template",
        &[("id", "our-letter"), ("retired", "false")],
    ));
    assert!(startable(&app).contains(&"our-letter".to_owned()));
}
