//! Text that cannot be stored or printed is stopped where it enters, with
//! where it is; oversized answers, templates and requests are refused with
//! the limit; nothing already saved changes.

use serde_json::json;

use crate::common::{cli, request, soffice_convert, spawn_app, tool, zip_part};
use crate::drafts::{call_form, call_json, create, ok_json};

const HOSTILE: [char; 5] = ['\u{1}', '\u{8}', '\u{b}', '\u{fffe}', '\u{85}'];

#[test]
fn the_web_app_refuses_unprintable_and_oversized_answers_and_keeps_what_was_saved() {
    let app = spawn_app();
    let id = create(&app, "us-14a8-hrdd-proposal", "Hostile text");
    let saved = ok_json(call_json(
        &app,
        "save_draft",
        json!({"request": {"draft_id": id, "base_version": 1,
        "answers": {"proponent": "Harbour Light Pension Fund"}, "dismissals": {}}}),
    ));
    assert_eq!(saved["Saved"]["version"], 2);
    for c in HOSTILE {
        let (status, body) = call_json(
            &app,
            "save_draft",
            json!({"request": {"draft_id": id, "base_version": 2,
            "answers": {"proponent": format!("Harbour{c}Light")}, "dismissals": {}}}),
        );
        assert_eq!(status, 400, "U+{:04X}: {body}", c as u32);
        assert!(
            body.contains("«Proponent» (field `proponent`)")
                && body.contains(&format!("U+{:04X}", c as u32)),
            "{body}"
        );
    }
    // A long-text answer of 200,000 characters is refused with the limit.
    let long = "word ".repeat(40_000);
    let (status, body) = call_json(
        &app,
        "save_draft",
        json!({"request": {"draft_id": id, "base_version": 2,
        "answers": {"supporting_statement": long}, "dismissals": {}}}),
    );
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("at most 50000"), "{body}");
    // Nothing changed.
    let editor = ok_json(call_form(&app, "load_draft", &[("id", &id.to_string())]));
    assert_eq!(editor["version"]["number"], 2);
    assert_eq!(
        editor["version"]["answers"]["proponent"],
        "Harbour Light Pension Fund"
    );
    // The preview names the field too.
    let preview = ok_json(call_json(
        &app,
        "preview_draft",
        json!({"id": id,
        "answers": {"proponent": "A\u{b}B"}, "dismissals": {}}),
    ));
    // The browser words the problem (an id and its values) in its language.
    let problems = preview["problems"].to_string();
    assert!(
        problems.contains("text-refused-character-at-position") && problems.contains("\"000B\""),
        "{preview}"
    );

    // Evidence with a control character is refused and names the source.
    let source = json!({"id": "bad-text", "type": "report", "title": "Bad\u{1}title", "publisher": "X",
        "date": "2026-01-01", "authors": [], "tags": [], "claims": []});
    let (status, body) = call_json(
        &app,
        "save_source",
        json!({"source": source, "replace": false}),
    );
    assert_eq!(status, 400);
    assert!(
        body.contains("source `bad-text`") && body.contains("U+0001"),
        "{body}"
    );
    // An import too.
    let csl = "[{\"id\":\"imp\",\"type\":\"report\",\"title\":\"Bad\\u000bimport\"}]";
    let (status, body) = call_form(&app, "import_sources", &[("text", csl)]);
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("U+000B"), "{body}");

    // A request body over 2 MiB is refused with the limit, before any work:
    // the answer comes from the announced length, before the body is read
    // (so the test sends the headers only; a client streaming the body may
    // find the connection closed after the answer).
    use std::io::{Read as _, Write as _};
    let host = app.address.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(host).expect("the server listens");
    write!(
        stream,
        "POST /api/import_sources HTTP/1.1\r\nHost: {host}\r\nOrigin: {origin}\r\nCookie: {cookie}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {length}\r\n\r\n",
        origin = app.address,
        cookie = app.cookie,
        length = 3 * 1024 * 1024,
    )
    .expect("the headers are sent");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("larger than 2 MiB"), "{answer}");
}

#[test]
fn templates_with_unprintable_text_or_too_many_questions_are_refused_where_they_are() {
    let app = spawn_app();
    let source = String::from_utf8(
        app.get(&format!(
            "{}/templates/engagement-letter-en/versions/1/export",
            app.address
        ))
        .2,
    )
    .unwrap();
    let hostile = source.replacen("Please", "Plea\u{1}se", 1);
    let line = hostile.lines().position(|l| l.contains('\u{1}')).unwrap() + 1;
    let (status, body) = call_form(
        &app,
        "import_template",
        &[("source", &hostile), ("as_copy_id", "hostile-copy")],
    );
    assert_eq!(status, 400, "{body}");
    assert!(
        body.contains(&format!(":{line}:")) && body.contains("U+0001"),
        "{body}"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hostile.md");
    std::fs::write(&file, &hostile).unwrap();
    let out = cli(&["lint", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let printed =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        printed.contains(&format!("hostile.md:{line}:")) && printed.contains("U+0001"),
        "{printed}"
    );

    // 201 questions: one too many.
    let fields: String = (0..201)
        .map(|i| format!("  - {{ id: q{i}, label: Question {i}, type: text }}\n"))
        .collect();
    let many = format!(
        "---\nid: many\ntitle: Many\nkind: engagement-letter\nlanguage: en\nfields:\n{fields}---\n# Many\n"
    );
    let file = dir.path().join("many.md");
    std::fs::write(&file, many).unwrap();
    let out = cli(&["lint", file.to_str().unwrap()]);
    let printed =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        printed.contains("asks 201 questions") && printed.contains("at most 200"),
        "{printed}"
    );
}

#[test]
fn the_command_line_refuses_unprintable_answers_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut answers: serde_json::Value = crate::drafts::sample("engagement-letter-en");
    answers["salutation"] = json!("Dear\u{fffe} Chair");
    let data = dir.path().join("answers.json");
    std::fs::write(&data, answers.to_string()).unwrap();
    let out = dir.path().join("letter.docx");
    let output = cli(&[
        "render",
        "engagement-letter-en",
        "--data",
        data.to_str().unwrap(),
        "--format",
        "docx",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("salutation") && message.contains("U+FFFE"),
        "{message}"
    );
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn failures_of_ours_show_a_reference_and_log_the_details() {
    let app = spawn_app();
    // The health check asks the database.
    let health = request("GET", &format!("{}/health", app.address), &[], None);
    assert_eq!(
        (health.status, health.body.as_slice()),
        (200, b"ok".as_slice())
    );
    let id = create(&app, "us-14a8-hrdd-proposal", "Damaged");
    app.with_database(async |store| {
        sqlx::query("UPDATE draft_versions SET answers = 'not json at all'")
            .execute(store.pool())
            .await
            .unwrap();
    });
    let (status, body) = call_form(&app, "load_draft", &[("id", &id.to_string())]);
    assert_eq!(status, 500);
    assert!(
        body.contains("reference") && !body.contains("not json") && !body.contains("expected"),
        "{body}"
    );
    // Typed across the wire: only the reference travels.
    let error: serde_json::Value = serde_json::from_str(&body).expect("a JSON error");
    let reference = error["Ours"]["reference"]
        .as_str()
        .expect("a reference")
        .to_owned();
    assert_eq!(reference.len(), 8, "{body}");
    // The log has the reference, the route, the caller and the details.
    let log = std::fs::read_to_string(app.data.path().join("server.err.log")).unwrap();
    let line = log
        .lines()
        .find(|l| l.contains(&reference))
        .unwrap_or_else(|| panic!("no log line for {reference}:\n{log}"));
    assert!(
        line.contains("/api/load_draft")
            && line.contains("admin@northwind.example")
            && line.contains("draft answers"),
        "{line}"
    );
    // And every request is logged with its status.
    assert!(
        log.contains("finished processing request") && log.contains("status=200"),
        "{log}"
    );
}

/// A template's markup that the input check cannot see, because Markdown
/// decodes it later: a link whose address has a query string (`&`), and a
/// numeric entity for a character XML forbids in the title. The DOCX and
/// the PDF downloaded over HTTP stay readable by tools we did not write.
#[test]
fn links_with_query_strings_and_entities_in_a_title_give_readable_downloads() {
    let app = spawn_app();
    let source = "---\nid: hostile-links\ntitle: Hostile links\nkind: engagement-letter\nlanguage: en\n\
        fields:\n  - id: name\n    label: Name\n    type: text\n---\n\
        # Acme&#1; Review\n\nDear {{ name }}, see [EDGAR](https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=1&type=DEF+14A).\n";
    ok_json(call_form(
        &app,
        "import_template",
        &[("source", source), ("as_copy_id", "")],
    ));
    ok_json(call_form(
        &app,
        "publish_template",
        &[
            ("id", "hostile-links"),
            ("version", "1"),
            ("notes", "Links."),
        ],
    ));
    let id = create(&app, "hostile-links", "Hostile links");
    ok_json(call_json(
        &app,
        "save_draft",
        json!({"request": {"draft_id": id, "base_version": 1,
        "answers": {"name": "Ms Rivera"}, "dismissals": {}}}),
    ));
    let (status, _, docx) = app.get(&format!("{}/drafts/{id}/download/docx", app.address));
    assert_eq!(status, 200);
    let rels = zip_part(&docx, "word/_rels/document.xml.rels");
    assert!(
        rels.contains("action=getcompany&amp;CIK=1&amp;type=DEF+14A"),
        "{rels}"
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("links.docx"), &docx).unwrap();
    soffice_convert(dir.path(), "links.docx", "pdf");
    let text = tool("pdftotext", &["links.pdf", "-"], dir.path());
    assert!(
        text.contains("Dear Ms Rivera, see EDGAR"),
        "LibreOffice read: {text}"
    );

    let (status, _, pdf) = app.get(&format!("{}/drafts/{id}/download/pdf", app.address));
    assert_eq!(status, 200);
    let pdf = String::from_utf8_lossy(&pdf);
    let start = pdf.find("<x:xmpmeta").expect("an XMP packet");
    let end = pdf.find("</x:xmpmeta>").expect("the packet's end") + "</x:xmpmeta>".len();
    let xmp = &pdf[start..end];
    assert!(xmp.contains("Acme\u{fffd} Review"), "{xmp}");
    // Expat, as Python ships it, refuses characters XML forbids.
    std::fs::write(dir.path().join("xmp.xml"), xmp).unwrap();
    tool(
        "python3",
        &[
            "-c",
            "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])",
            "xmp.xml",
        ],
        dir.path(),
    );
}

/// BibTeX whose `@string`s or `crossref`/`xdata` links loop (which the
/// reader would follow until the stack overflowed, taking the server with
/// it) or grow without bound is refused where it goes wrong; the server
/// keeps serving and nothing is added.
#[test]
fn bibtex_whose_links_loop_or_explode_is_refused_where_and_the_server_stays_up() {
    let app = spawn_app();
    let before = ok_json(call_form(&app, "list_sources", &[]))
        .as_array()
        .unwrap()
        .len();
    let mut doubling = String::from("@string{a0 = \"xxxxxxxx\"}\n");
    for i in 1..=40 {
        doubling.push_str(&format!("@string{{a{i} = a{} # a{}}}\n", i - 1, i - 1));
    }
    doubling.push_str("@misc{x, title = a40}\n");
    let cases = [
        (
            "@misc{fine, title = {Fine}}\n@string{a = a}\n@misc{x, title = a}\n".to_owned(),
            "line 2, column 13: BibTeX: the @string `a` is defined in terms of itself",
        ),
        (
            "@misc{a, title = {A}, crossref = {b}}\n@misc{b, title = {B}, crossref = {a}}\n"
                .to_owned(),
            "line 2, column 7: BibTeX: entry `b` links back to itself through crossref or xdata",
        ),
        (
            doubling,
            "line 15, column 21: BibTeX: `a14` would expand to more than 65536 characters",
        ),
    ];
    for (bib, expected) in cases {
        let (status, body) = call_form(&app, "import_sources", &[("text", &bib)]);
        assert_eq!(status, 400, "{body}");
        assert!(body.contains(expected), "expected «{expected}» in {body}");
    }
    let after = ok_json(call_form(&app, "list_sources", &[]))
        .as_array()
        .unwrap()
        .len();
    assert_eq!(after, before, "nothing was imported");
}

/// An answer nesting 49,999 quotations (`>>>…x`), as autosave would keep
/// it: every preview and download of the draft used to overflow a stack
/// and take the server down. Past a depth the quotes are read one level
/// flatter; the text is kept.
#[test]
fn an_answer_nesting_quotes_fifty_thousand_deep_previews_and_downloads() {
    let app = spawn_app();
    let id = create(&app, "us-14a8-hrdd-proposal", "Deep quotes");
    let deep = format!("{}Deepest words", ">".repeat(49_980));
    let mut answers = crate::drafts::sample("us-14a8-hrdd-proposal");
    answers["supporting_statement"] = json!(deep);
    ok_json(call_json(
        &app,
        "save_draft",
        json!({"request": {"draft_id": id, "base_version": 1,
        "answers": answers, "dismissals": {}}}),
    ));
    let preview = ok_json(call_json(
        &app,
        "preview_draft",
        json!({"id": id, "answers": {"supporting_statement": deep}, "dismissals": {}}),
    ));
    let html = preview["html"].as_str().unwrap_or_default();
    assert!(html.contains("Deepest words"), "{preview}");
    assert!(
        html.matches("<blockquote").count() <= 24,
        "{} quotations",
        html.matches("<blockquote").count()
    );
    for format in ["docx", "pdf"] {
        let (status, _, bytes) = app.get(&format!("{}/drafts/{id}/download/{format}", app.address));
        assert_eq!(status, 200, "{format}: {}", String::from_utf8_lossy(&bytes));
    }
}

/// Front matter whose YAML aliases name lists of aliases stands for tens of
/// gigabytes in a 200 KiB file; the YAML reader built it all, and the
/// server ran out of memory. It is refused, saying why, and the template
/// list is as it was.
#[test]
fn templates_whose_yaml_aliases_multiply_are_refused_before_they_are_read() {
    let app = spawn_app();
    let uses = vec!["*b"; 30_000].join(",");
    let source = format!(
        "---\nid: aliases\ntitle: &a \"{}\"\nkind: engagement-letter\nlanguage: en\nfields:\n  \
         - {{id: f, label: F, type: list, default: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]}}\n  \
         - {{id: g, label: G, type: list, default: [{uses}]}}\n---\n# Aliases\n",
        "x".repeat(100_000)
    );
    assert!(source.len() < 256 * 1024, "{} bytes", source.len());
    let (status, body) = call_form(
        &app,
        "import_template",
        &[("source", &source), ("as_copy_id", "")],
    );
    assert_eq!(status, 400, "{body}");
    assert!(
        body.contains("stands for more than 1024 KiB once its aliases"),
        "{body}"
    );
    let (status, _, _) = app.get(&format!("{}/", app.address));
    assert_eq!(status, 200, "the server still serves");
}

/// A date in the year 9999 made the rules add a notice period past the
/// last day the date library knows, and every preview of the draft
/// failed (a panic). The answer is refused by name instead; the preview
/// and checks go on.
#[test]
fn a_date_in_the_year_9999_is_refused_by_name_and_previews_still_work() {
    let app = spawn_app();
    for (template, field) in [
        ("fr-demande-inscription-resolution", "balo_date"),
        ("us-14a8-filing-letter", "letter_date"),
    ] {
        let id = create(&app, template, "Far ahead");
        let mut answers = crate::drafts::sample(template);
        answers[field] = json!("9999-12-31");
        let preview = ok_json(call_json(
            &app,
            "preview_draft",
            json!({"id": id, "answers": answers, "dismissals": {}}),
        ));
        let problem = preview["problems"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["field"] == field)
            .unwrap_or_else(|| panic!("{template}: no problem for {field}: {preview}"));
        let worded = crate::drafts::worded(&problem["message"], resolution_studio::i18n::Lang::En);
        assert_eq!(
            worded, "`9999-12-31` is too far ahead: dates go up to the year 9000",
            "{template}"
        );
    }
}
