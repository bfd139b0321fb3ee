//! The command line: listing, rendering, and clear refusals of bad input.

use std::path::Path;

use crate::common::{cli, stderr};

const HEADER: &str = "---
id: probe
title: Probe letter
kind: engagement-letter
language: en
fields:
  - id: company
    label: Company
    type: company
    required: true
  - id: year
    label: Meeting year
    type: number
---
";

/// Writes a template whose body is `body` (starting on file line 15).
fn probe(dir: &Path, body: &str) -> String {
    let path = dir.join("probe.md");
    std::fs::write(&path, format!("{HEADER}{body}")).unwrap();
    path.to_string_lossy().into_owned()
}

fn answers(dir: &Path, json: &str) -> String {
    let path = dir.join("answers.json");
    std::fs::write(&path, json).unwrap();
    path.to_string_lossy().into_owned()
}

/// Renders and expects failure; checks the message and that `--out` was not touched.
fn refused(template: &str, data: &str, dir: &Path) -> String {
    let out = dir.join("out.docx");
    std::fs::write(&out, b"previous contents").unwrap();
    let output = cli(&[
        "render",
        template,
        "--data",
        data,
        "--format",
        "docx",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!output.status.success(), "rendering should fail");
    assert_eq!(
        std::fs::read(&out).unwrap(),
        b"previous contents",
        "--out must not change on failure"
    );
    assert_eq!(
        std::fs::read_dir(dir).unwrap().count(),
        3,
        "no partial file is left behind"
    );
    stderr(&output)
}

#[test]
fn templates_are_listed_as_table_and_json() {
    let output = cli(&["templates", "--json"]);
    assert!(output.status.success());
    let list: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), crate::common::catalog().entries().len());
    let proposal = list
        .iter()
        .find(|t| t["id"] == "us-14a8-hrdd-proposal")
        .expect("the proposal is built in");
    assert_eq!(proposal["kind"], "resolution");
    assert_eq!(proposal["language"], "en-US");
    assert_eq!(proposal["jurisdiction"], "us-sec-14a8");
    let french = list
        .iter()
        .find(|t| t["language"] == "fr")
        .expect("a French template");
    assert_eq!(french["kind"], "engagement-letter");

    let table = String::from_utf8(cli(&["templates"]).stdout).unwrap();
    assert!(table.starts_with("ID"), "{table}");
    assert!(
        table.contains("us-14a8-hrdd-proposal") && table.contains("resolution"),
        "{table}"
    );
}

#[test]
fn every_sample_renders_in_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    for entry in crate::common::catalog().entries() {
        for format in ["docx", "html"] {
            let out = dir.path().join(format!("{}.{format}", entry.template.id()));
            let output = cli(&[
                "render",
                entry.template.id(),
                "--sample",
                "--format",
                format,
                "--out",
                out.to_str().unwrap(),
            ]);
            assert!(
                output.status.success(),
                "{}: {}",
                entry.template.id(),
                stderr(&output)
            );
            let bytes = std::fs::read(&out).unwrap();
            match format {
                "docx" => assert_eq!(&bytes[..2], b"PK", "a DOCX is a zip package"),
                _ => assert!(bytes.starts_with(b"<!DOCTYPE html>")),
            }
        }
    }
}

#[test]
fn a_template_file_path_renders_too() {
    let dir = tempfile::tempdir().unwrap();
    let template = probe(dir.path(), "# To {{ company.name }}\n\nSee the report.{{ cite(\"un-guiding-principles\", \"Principle 17\") }}\n");
    let data = answers(dir.path(), r#"{"company": "Example Corp"}"#);
    let out = dir.path().join("probe.html");
    let output = cli(&[
        "render",
        &template,
        "--data",
        &data,
        "--format",
        "html",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let html = std::fs::read_to_string(out).unwrap();
    assert!(
        html.contains("<h1 class=\"title\">To Example Corp</h1>"),
        "{html}"
    );
    assert!(
        html.contains("Principle 17"),
        "the pinpoint reaches the note: {html}"
    );
}

#[test]
fn unknown_citation_names_the_id_and_template_line() {
    let dir = tempfile::tempdir().unwrap();
    let template = probe(
        dir.path(),
        "# Letter\n\nFacts.{{ cite(\"no-such-source\") }}\n",
    );
    let data = answers(dir.path(), r#"{"company": "Example Corp"}"#);
    let message = refused(&template, &data, dir.path());
    assert!(message.contains(&format!("{template}:17:")), "{message}");
    assert!(
        message.contains("cite(\"no-such-source\"): no source with this id"),
        "{message}"
    );
}

#[test]
fn syntax_error_gives_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let template = probe(
        dir.path(),
        "# Letter\n\n{% if company %}\nHello {{ company.name | titel }}\n{% endif %}\n",
    );
    let data = answers(dir.path(), r#"{"company": "Example Corp"}"#);
    let message = refused(&template, &data, dir.path());
    assert!(message.contains(&format!("{template}:18:")), "{message}");
    assert!(message.contains("unknown filter"), "{message}");

    let template = probe(dir.path(), "# Letter\n\n{% for x in %}\n");
    let message = refused(&template, &data, dir.path());
    assert!(
        message.contains(&format!("{template}:17:")) && message.contains("syntax error"),
        "{message}"
    );
}

#[test]
fn missing_required_field_names_its_label() {
    let dir = tempfile::tempdir().unwrap();
    let template = probe(dir.path(), "# Letter\n");
    let data = answers(dir.path(), r#"{"year": 2026}"#);
    let message = refused(&template, &data, dir.path());
    assert!(
        message.contains("«Company» (field `company`): an answer is required"),
        "{message}"
    );
}

#[test]
fn wrong_field_type_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let template = probe(dir.path(), "# Letter\n");
    let data = answers(
        dir.path(),
        r#"{"company": "Example Corp", "year": "next year"}"#,
    );
    let message = refused(&template, &data, dir.path());
    assert!(
        message.contains(
            "«Meeting year» (field `year`): `next year` is not a number: write it in digits"
        ),
        "{message}"
    );
}

#[test]
fn runaway_loop_and_huge_output_are_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let data = answers(dir.path(), r#"{"company": "Example Corp"}"#);
    let template = probe(
        dir.path(),
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}\n",
    );
    let message = refused(&template, &data, dir.path());
    assert!(
        message.contains("rendering stopped") && message.contains("fuel"),
        "{message}"
    );

    let template = probe(dir.path(), "{{ 'x' * 20000000 }}\n");
    let message = refused(&template, &data, dir.path());
    assert!(message.contains("rendering stopped"), "{message}");
    assert!(
        message.contains("output larger than") || message.contains("fuel"),
        "{message}"
    );
}

#[test]
fn unreadable_json_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let template = probe(dir.path(), "# Letter\n");
    let data = answers(dir.path(), "{\n  \"company\": ,\n}");
    let message = refused(&template, &data, dir.path());
    assert!(
        message.contains(&format!("{data}:2:14: not valid JSON")),
        "{message}"
    );
}

#[test]
fn unknown_template_and_style_are_refused() {
    let output = cli(&[
        "render",
        "no-such-template",
        "--sample",
        "--format",
        "html",
        "--out",
        "/tmp/never.html",
    ]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("no template `no-such-template`"),
        "{}",
        stderr(&output)
    );
    let output = cli(&[
        "render",
        "us-14a8-hrdd-proposal",
        "--sample",
        "--style",
        "nope",
        "--format",
        "html",
        "--out",
        "/tmp/never.html",
    ]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("unknown citation style `nope`"),
        "{}",
        stderr(&output)
    );
    assert!(!Path::new("/tmp/never.html").exists());
}

/// `lint` prints each problem as FILE:LINE:COLUMN (lines counted in the
/// whole file), fails on errors, and on warnings only with `--strict`.
#[test]
fn lint_reports_problems_where_editors_and_ci_find_them() {
    let built_in: Vec<String> = std::fs::read_dir(crate::common::project_root().join("templates"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| p.display().to_string())
        .collect();
    let mut args = vec!["lint", "--strict"];
    args.extend(built_in.iter().map(String::as_str));
    let output = cli(&args);
    assert!(
        output.status.success(),
        "built-in templates lint clean: {}{}",
        String::from_utf8_lossy(&output.stdout),
        stderr(&output)
    );

    let dir = tempfile::tempdir().unwrap();
    let header = "---\nid: lint-me\ntitle: Lint me\nkind: resolution\nlanguage: en\nfields:\n  - id: name\n    label: Name\n    type: text\n  - id: spare\n    label: Spare\n    type: text\n---\n";
    let broken = dir.path().join("broken.md");
    std::fs::write(
        &broken,
        format!(
            "{header}Dear {{{{ name | titel }}}},\n\n{{{{ nmae }}}} {{{{ cite(\"nowhere\") }}}}\n"
        ),
    )
    .unwrap();
    let output = cli(&["lint", broken.to_str().unwrap()]);
    assert!(!output.status.success());
    let printed = String::from_utf8_lossy(&output.stdout).into_owned();
    let file = broken.display();
    assert_eq!(
        printed.lines().collect::<Vec<_>>(),
        [
            format!("{file}:10:1: warning: field `spare` is declared but never used in the body, the document settings or the checks"),
            format!("{file}:14:16: error: unknown filter `titel`"),
            format!("{file}:16:4: error: `nmae` is used but is not a declared field; declare it under `fields` or fix its spelling"),
            format!("{file}:16:21: error: cite(\"nowhere\"): no source with this id in the evidence library"),
        ]
    );
    assert!(stderr(&output).contains("3 error(s), 1 warning(s) in 1 file(s)"));

    // A warning alone passes, unless --strict.
    let unused = dir.path().join("unused.md");
    std::fs::write(&unused, format!("{header}Dear {{{{ name }}}}.\n")).unwrap();
    assert!(cli(&["lint", unused.to_str().unwrap()]).status.success());
    assert!(!cli(&["lint", "--strict", unused.to_str().unwrap()])
        .status
        .success());

    // A front-matter error has its line too.
    let yaml = dir.path().join("yaml.md");
    std::fs::write(
        &yaml,
        header.replace("kind: resolution", "kind: [resolution"),
    )
    .unwrap();
    let output = cli(&["lint", yaml.to_str().unwrap()]);
    let printed = String::from_utf8(output.stdout).unwrap();
    assert!(
        printed.starts_with(&format!("{}:4:", yaml.display()))
            && printed.contains("error: front matter"),
        "{printed}"
    );
}

/// The one configuration is checked at start: a folder without the
/// built-in templates, or a database address the store cannot open, stops
/// every command with what to set, before anything is touched.
#[test]
fn settings_that_cannot_work_stop_the_start_with_what_to_set() {
    let elsewhere = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(crate::common::binary())
        .args(["templates"])
        .current_dir(elsewhere.path())
        .env_remove("RESOLUTION_STUDIO_ROOT")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(
        message.contains("has no `templates/` folder")
            && message.contains("RESOLUTION_STUDIO_ROOT"),
        "{message}"
    );

    let output = std::process::Command::new(crate::common::binary())
        .args(["templates"])
        .current_dir(elsewhere.path())
        .env("RESOLUTION_STUDIO_ROOT", crate::common::project_root())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("us-14a8-hrdd-proposal"));

    // A data folder for running holds the templates and assets, not the
    // project's Cargo.toml.
    let data = tempfile::tempdir().unwrap();
    for folder in ["templates", "assets"] {
        std::os::unix::fs::symlink(
            crate::common::project_root().join(folder),
            data.path().join(folder),
        )
        .unwrap();
    }
    let output = std::process::Command::new(crate::common::binary())
        .args([
            "render",
            "us-14a8-hrdd-proposal",
            "--sample",
            "--format",
            "html",
            "--out",
        ])
        .arg(data.path().join("proposal.html"))
        .current_dir(elsewhere.path())
        .env("RESOLUTION_STUDIO_ROOT", data.path())
        .env_remove("LEPTOS_OUTPUT_NAME")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(std::fs::read_to_string(data.path().join("proposal.html"))
        .unwrap()
        .contains("RESOLVED"));

    let output = std::process::Command::new(crate::common::binary())
        .arg("serve")
        .current_dir(elsewhere.path())
        .env("RESOLUTION_STUDIO_ROOT", crate::common::project_root())
        .env("DATABASE_URL", "mysql://root:hunter2@db.example/studio")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(
        message.contains("DATABASE_URL `mysql://root:***@db.example/studio` is not supported")
            && message.contains("sqlite://")
            && message.contains("postgres://")
            && !message.contains("hunter2"),
        "{message}"
    );
    assert!(
        std::fs::read_dir(elsewhere.path())
            .unwrap()
            .next()
            .is_none(),
        "nothing is created in the working folder"
    );
}

/// The same input gives the same bytes: rendered twice, seconds apart, the
/// DOCX and the PDF are identical. Undated, the PDF carries no date; with
/// `SOURCE_DATE_EPOCH` both files record that day. qpdf reads every PDF.
#[test]
fn files_are_reproducible_and_dated_only_by_their_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let render = |format: &str, name: &str, epoch: Option<&str>| {
        let out = dir.path().join(name);
        let mut command = std::process::Command::new(crate::common::binary());
        command
            .args([
                "render",
                "us-14a8-hrdd-proposal",
                "--sample",
                "--format",
                format,
                "--out",
            ])
            .arg(&out)
            .current_dir(crate::common::project_root())
            .env_remove("SOURCE_DATE_EPOCH");
        if let Some(epoch) = epoch {
            command.env("SOURCE_DATE_EPOCH", epoch);
        }
        let output = command.output().unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        std::fs::read(out).unwrap()
    };
    for format in ["docx", "pdf"] {
        let first = render(format, &format!("a.{format}"), None);
        std::thread::sleep(std::time::Duration::from_millis(1100));
        let second = render(format, &format!("b.{format}"), None);
        assert!(
            first == second,
            "two renders of one input differ ({format})"
        );
    }
    let qpdf = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(dir.path().join("a.pdf"))
        .output()
        .unwrap();
    assert!(
        qpdf.status.success(),
        "{}",
        String::from_utf8_lossy(&qpdf.stdout)
    );
    let info = |name: &str| {
        let output = std::process::Command::new("pdfinfo")
            .arg(dir.path().join(name))
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    assert!(!info("a.pdf").contains("CreationDate"), "{}", info("a.pdf"));

    // 1771200000 s is 2026-02-16 00:00 UTC.
    let dated = render("pdf", "dated.pdf", Some("1771200000"));
    assert_ne!(dated, render("pdf", "a.pdf", None));
    let dated_info = info("dated.pdf");
    assert!(
        dated_info.contains("CreationDate:")
            && dated_info.contains("Feb 16")
            && dated_info.contains("2026"),
        "{dated_info}"
    );
    let docx = render("docx", "dated.docx", Some("1771200000"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut core = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("docProps/core.xml").unwrap(),
        &mut core,
    )
    .unwrap();
    assert!(core.contains("2026-02-16T00:00:00Z"), "{core}");
}

/// The evidence report of the sample proposal: each citing paragraph with
/// its notes, each claim the draft relies on with its verbatim French
/// quotation, the drafter's translation marked as such, and the day it was
/// last checked; read back from the PDF by poppler and from the HTML.
#[test]
fn the_evidence_report_lists_each_claim_with_its_quote_translation_and_last_check() {
    let dir = tempfile::tempdir().unwrap();
    let mut library: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            crate::common::project_root().join("assets/evidence/library.json"),
        )
        .unwrap(),
    )
    .unwrap();
    for source in library["sources"].as_array_mut().unwrap() {
        if source["id"] == "hrw-2025-10-10-joint-letter" {
            for claim in source["claims"].as_array_mut().unwrap() {
                if claim["id"] == "no-public-hrdd" {
                    claim["checked"] = serde_json::json!("2026-11-20");
                }
            }
        }
    }
    std::fs::write(dir.path().join("library.json"), library.to_string()).unwrap();
    for format in ["html", "pdf"] {
        let out = format!("report.{format}");
        let output = std::process::Command::new(crate::common::binary())
            .args([
                "evidence-report",
                "us-14a8-hrdd-proposal",
                "--sample",
                "--evidence",
                "library.json",
                "--format",
                format,
                "--out",
                &out,
            ])
            .current_dir(dir.path())
            .env("RESOLUTION_STUDIO_ROOT", crate::common::project_root())
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
    }
    let html: String = scraper::Html::parse_document(
        &std::fs::read_to_string(dir.path().join("report.html")).unwrap(),
    )
    .root_element()
    .text()
    .collect();
    let text = crate::common::tool("pdftotext", &["report.pdf", "-"], dir.path());
    for report in [&html, &text] {
        let flat = crate::common::squeeze(report);
        for expected in [
            "Evidence report",
            "Quotation, verbatim (fr):",
            "Translation (en), the drafter's translation, not the source's:",
            "Last checked: 2026-11-20",
            "Last checked: not recorded",
            "Note 1.",
        ] {
            assert!(
                flat.contains(&crate::common::squeeze(expected)),
                "`{expected}` is missing from:\n{report}"
            );
        }
        // The verbatim quotation of the claim the draft names, in French.
        assert!(
            flat.contains(&crate::common::squeeze("n'a pas révélé publiquement"))
                || flat.contains(&crate::common::squeeze("n’a pas révélé publiquement")),
            "{report}"
        );
    }
    // Only the claim the draft names from the joint letter, not its other claims.
    assert!(!html.contains("pas de temps à perdre"), "{html}");
}
