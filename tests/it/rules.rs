//! The filing-rule commands: `deadline` and `check`.

use serde_json::{json, Value};

use crate::common::{catalog, cli, stderr};

#[test]
fn deadline_prints_the_iso_date_first_then_how() {
    let output = cli(&[
        "deadline",
        "--jurisdiction",
        "us-sec-14a8",
        "--prior-proxy-date",
        "2024-01-11",
        "--today",
        "2024-06-01",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("2024-09-13"));
    assert!(
        text.contains("120 calendar days before the anniversary"),
        "{text}"
    );
    assert!(
        text.contains("104 days from Saturday 1 June 2024"),
        "{text}"
    );

    // A weekend deadline is said to stay where the rule puts it.
    let text = String::from_utf8(
        cli(&[
            "deadline",
            "--jurisdiction",
            "us-sec-14a8",
            "--prior-proxy-date",
            "2023-08-25",
            "--today",
            "2024-01-01",
        ])
        .stdout,
    )
    .unwrap();
    assert!(text.starts_with("2024-04-27\n"), "{text}");
    assert!(
        text.contains("falls on a Saturday") && text.contains("Rule 0-3"),
        "{text}"
    );

    let text = String::from_utf8(
        cli(&[
            "deadline",
            "--jurisdiction",
            "uk-ca2006-s338",
            "--meeting-date",
            "2026-06-25",
            "--today",
            "2026-01-01",
        ])
        .stdout,
    )
    .unwrap();
    assert!(text.starts_with("2026-05-14\n"), "{text}");

    // France: 25 days before the meeting, or 20 days after a listed
    // company's BALO notice when that is earlier (R225-73 II).
    let text = String::from_utf8(
        cli(&[
            "deadline",
            "--jurisdiction",
            "fr-code-commerce",
            "--meeting-date",
            "2026-05-20",
            "--notice-date",
            "2026-04-01",
            "--today",
            "2026-01-01",
        ])
        .stdout,
    )
    .unwrap();
    assert!(text.starts_with("2026-04-21\n"), "{text}");
    assert!(text.contains("R225-73 II"), "{text}");

    let output = cli(&[
        "deadline",
        "--jurisdiction",
        "fr-code-commerce",
        "--today",
        "2026-01-01",
    ]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("needs --meeting-date"));
    let output = cli(&[
        "deadline",
        "--jurisdiction",
        "de-aktg",
        "--meeting-date",
        "2026-06-25",
    ]);
    assert!(stderr(&output).contains("unknown jurisdiction `de-aktg`"));
}

fn sample(id: &str) -> Value {
    catalog().get(id).unwrap().sample.clone().unwrap()
}

/// Writes `answers` to a file in `dir` and returns its path.
fn answers_file(dir: &tempfile::TempDir, answers: &Value) -> String {
    let data = dir.path().join("answers.json");
    std::fs::write(&data, answers.to_string()).unwrap();
    data.to_string_lossy().into_owned()
}

fn check(id: &str, answers: &Value) -> (bool, Vec<Value>) {
    let dir = tempfile::tempdir().unwrap();
    let data = answers_file(&dir, answers);
    let output = cli(&["check", "--template", id, "--data", &data, "--json"]);
    let findings: Value =
        serde_json::from_slice(&output.stdout).unwrap_or_else(|_| panic!("{}", stderr(&output)));
    (
        output.status.success(),
        findings.as_array().unwrap().clone(),
    )
}

fn severity_of<'a>(findings: &'a [Value], id: &str) -> Vec<&'a str> {
    findings
        .iter()
        .filter(|f| f["id"] == id)
        .map(|f| f["severity"].as_str().unwrap())
        .collect()
}

#[test]
fn samples_pass_their_checks() {
    for id in [
        "us-14a8-hrdd-proposal",
        "us-14a8-filing-letter",
        "cofiler-authorisation",
        "uk-s338-members-resolution",
        "uk-s314-members-statement",
        "fr-demande-inscription-resolution",
    ] {
        let (ok, findings) = check(id, &sample(id));
        assert!(ok, "{id}: {findings:#?}");
        assert!(findings.iter().all(|f| f["severity"] != "failed"));
    }
}

/// The UK and French requests carry what their rules ask for, each check
/// passed on the sample: the resolution's text, the threshold, the
/// authentication and the deadline (UK); the draft resolution, the
/// certificate, the fraction of capital and the deadline (France). Late,
/// the same letters fail their deadline.
#[test]
fn the_uk_and_french_requests_meet_their_rules_and_fail_when_late() {
    for (id, passed, late_field, late) in [
        (
            "uk-s338-members-resolution",
            &[
                "uk/s338-identifies-resolution",
                "uk/s338-threshold",
                "uk/s338-authenticated",
                "uk/s338-deadline",
            ][..],
            "letter_date",
            "2027-05-20",
        ),
        (
            "uk-s314-members-statement",
            &[
                "uk/s314-word-limit",
                "uk/s314-threshold",
                "uk/s314-authenticated",
                "uk/s314-deadline",
            ][..],
            "letter_date",
            "2027-06-18",
        ),
        (
            "fr-demande-inscription-resolution",
            &[
                "fr/text-of-resolutions",
                "fr/registration-certificate",
                "fr/capital-held",
                "fr/request-deadline",
            ][..],
            "letter_date",
            "2027-05-01",
        ),
    ] {
        let (_, findings) = check(id, &sample(id));
        for finding in passed {
            assert_eq!(
                severity_of(&findings, finding),
                ["passed"],
                "{id} {finding}: {findings:#?}"
            );
        }
        let mut answers = sample(id);
        answers[late_field] = json!(late);
        let (ok, findings) = check(id, &answers);
        assert!(!ok, "{id} sent late must fail");
        let deadline = passed.last().unwrap();
        assert_eq!(
            severity_of(&findings, deadline),
            ["failed"],
            "{id}: {findings:#?}"
        );
    }
    // A s314 statement over 1,000 words is refused on its field, saying so.
    let mut long = sample("uk-s314-members-statement");
    long["statement"] = json!("word ".repeat(1003));
    let dir = tempfile::tempdir().unwrap();
    let data = answers_file(&dir, &long);
    let output = cli(&[
        "check",
        "--template",
        "uk-s314-members-statement",
        "--data",
        &data,
    ]);
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(
        message.contains("(field `statement`): has 1003 words; the limit is 1000"),
        "{message}"
    );
}

#[test]
fn a_long_proposal_with_an_unsourced_recital_fails_and_warns() {
    let mut answers = sample("us-14a8-hrdd-proposal");
    let filler = "the company has said many things about its contracts over the years ".repeat(7);
    answers["additional_recitals"] = Value::String(format!("**Whereas**, {filler};"));
    let (ok, findings) = check("us-14a8-hrdd-proposal", &answers);
    assert!(!ok, "over 500 words must fail");
    assert_eq!(severity_of(&findings, "14a8/word-limit"), ["failed"]);
    assert_eq!(
        severity_of(&findings, "14a8/recital-citations"),
        ["warning"]
    );
}

#[test]
fn filing_letter_with_short_holding_and_late_slots_fails() {
    let mut answers = sample("us-14a8-filing-letter");
    // $18,500 held for six months meets no tier ($25,000 for one year at the least).
    answers["held_since"] = Value::String("2025-12-01".into());
    answers["engagement_slots"] = serde_json::json!([
        "Monday, August 3, 2026, 10:00 a.m. Eastern Time",
        "Tuesday, June 2, 2026, 9:00 a.m."
    ]);
    let (ok, findings) = check("us-14a8-filing-letter", &answers);
    assert!(!ok);
    assert_eq!(severity_of(&findings, "14a8/eligibility"), ["failed"]);
    assert_eq!(severity_of(&findings, "14a8/engagement"), ["failed"]);
    let engagement = findings
        .iter()
        .find(|f| f["id"] == "14a8/engagement")
        .unwrap();
    let reason = engagement["reason"].as_str().unwrap();
    assert!(
        reason.contains("63 days after submission") && reason.contains("1 day after submission"),
        "{reason}"
    );
}

fn reason_of<'a>(findings: &'a [Value], id: &str) -> &'a str {
    findings
        .iter()
        .find(|f| f["id"] == id)
        .and_then(|f| f["reason"].as_str())
        .unwrap_or_else(|| panic!("no finding {id}: {findings:#?}"))
}

/// The filing letter's date is checked against the deadline computed from
/// last year's proxy release. Real case: Procter & Gamble's 2023 proxy
/// statement, released 25 August 2023, printed Saturday 27 April 2024 as its
/// deadline (shared/DOMAIN.md).
#[test]
fn filing_letter_is_checked_against_the_deadline() {
    let mut answers = sample("us-14a8-filing-letter");
    answers["prior_proxy_date"] = "2023-08-25".into();
    answers["letter_date"] = "2024-04-26".into();
    let (_, findings) = check("us-14a8-filing-letter", &answers);
    assert_eq!(severity_of(&findings, "14a8/deadline"), ["passed"]);
    let reason = reason_of(&findings, "14a8/deadline");
    assert!(
        reason.contains("by Saturday 27 April 2024; the letter is dated 1 day before"),
        "{reason}"
    );
    assert!(
        reason.contains("Rule 0-3"),
        "the weekend is explained: {reason}"
    );

    answers["letter_date"] = "2024-04-29".into();
    let (ok, findings) = check("us-14a8-filing-letter", &answers);
    assert!(!ok, "a late letter fails the check");
    assert_eq!(severity_of(&findings, "14a8/deadline"), ["failed"]);
    assert!(reason_of(&findings, "14a8/deadline").contains("dated 2 days after it"));

    // A meeting moved by more than 30 days leaves the date to judgement
    // (dates invented for the case).
    answers["prior_meeting_date"] = "2023-10-10".into();
    answers["meeting_date"] = "2024-12-03".into();
    let (_, findings) = check("us-14a8-filing-letter", &answers);
    assert_eq!(severity_of(&findings, "14a8/deadline"), ["warning"]);
    assert!(reason_of(&findings, "14a8/deadline").contains("reasonable time"));

    // Without last year's release date the check says what it needs.
    let mut answers = sample("us-14a8-filing-letter");
    answers.as_object_mut().unwrap().remove("prior_proxy_date");
    let (_, findings) = check("us-14a8-filing-letter", &answers);
    assert_eq!(severity_of(&findings, "14a8/deadline"), ["info"]);
}

#[test]
fn a_warning_is_dismissed_with_its_reason_a_failure_is_not() {
    let mut answers = sample("us-14a8-hrdd-proposal");
    answers["additional_recitals"] = Value::String("**Whereas**, the company is large;".into());
    let dir = tempfile::tempdir().unwrap();
    let data = answers_file(&dir, &answers);
    let data = data.as_str();
    let output = cli(&[
        "check",
        "--template",
        "us-14a8-hrdd-proposal",
        "--data",
        data,
        "--json",
        "--dismiss",
        "14a8/recital-citations=common knowledge",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let findings: Value = serde_json::from_slice(&output.stdout).unwrap();
    let recital = findings
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "14a8/recital-citations")
        .unwrap();
    assert_eq!(recital["severity"], "dismissed");
    assert_eq!(recital["dismissed"], "common knowledge");

    let output = cli(&[
        "check",
        "--template",
        "us-14a8-hrdd-proposal",
        "--data",
        data,
        "--dismiss",
        "14a8/recital-citations",
    ]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("a dismissal needs its reason"),
        "{}",
        stderr(&output)
    );
}

/// The 14a-8 documents as corrected against the rule and the SEC staff's
/// bulletins: the report is to be published; the filing letter says how it
/// is delivered, asks for receipt and any deficiency notice by email, names
/// the share class and values the holding as SLB 14 does, and gives the
/// proponent's address; the co-filer's holdings speak as of the submission.
#[test]
fn the_14a8_documents_say_what_the_rule_and_the_bulletins_ask() {
    let dir = tempfile::tempdir().unwrap();
    let text = |id: &str| -> String {
        let out = dir.path().join(format!("{id}.html"));
        let output = cli(&[
            "render",
            id,
            "--sample",
            "--format",
            "html",
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(output.status.success(), "{}", stderr(&output));
        scraper::Html::parse_document(&std::fs::read_to_string(out).unwrap())
            .root_element()
            .text()
            .collect::<String>()
    };
    let proposal = text("us-14a8-hrdd-proposal");
    assert!(
        proposal.contains("prepare and publish a report"),
        "{proposal}"
    );
    let letter = text("us-14a8-filing-letter");
    for expected in [
        "By email and overnight courier",
        "Please confirm receipt of this letter by email to stewardship@northwind-trust.example",
        "notice of deficiency by email",
        "14 calendar days Rule 14a-8(f) allows",
        "shares of the common stock of",
        "entitled to vote on the proposal",
        "highest selling price in the 60 calendar days before this submission",
        "200 Harbor Street, Suite 1400",
    ] {
        assert!(letter.contains(expected), "`{expected}` missing:\n{letter}");
    }
    let cofiler = text("cofiler-authorisation");
    assert!(
        cofiler.contains("As of the date the proposal is submitted"),
        "{cofiler}"
    );
    assert!(!cofiler.contains("on the date of this letter"), "{cofiler}");
}

/// What users read (evidence provenance, rule sources, templates and their
/// samples) names public sources, never a file of the project's own notes.
#[test]
fn user_visible_data_names_no_internal_file() {
    let root = crate::common::project_root();
    let mut files = vec![root.join("assets/evidence/library.json")];
    for folder in ["assets/rules", "templates"] {
        for entry in std::fs::read_dir(root.join(folder)).expect("the folder is there") {
            files.push(entry.expect("an entry").path());
        }
    }
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable");
        for internal in ["DOMAIN.md", "shared/seed", "shared/DESIGN", "../shared"] {
            for (number, line) in text.lines().enumerate() {
                assert!(
                    !line.contains(internal),
                    "{}:{}: names `{internal}`, a file of the project's own: name the public source",
                    file.display(),
                    number + 1
                );
            }
        }
    }
}
