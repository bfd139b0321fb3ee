//! Drafts and the evidence library over HTTP: the real router, the real
//! server functions, a temporary SQLite file per test.

use resolution_studio::i18n::{Lang, Message};
use serde_json::{json, Value};

use crate::common::{encode, request, spawn_app, spawn_app_in, spawn_app_on, TestApp};

/// A problem's message (an id and its values, as the page receives it) as
/// the page words it in `lang`.
pub(crate) fn worded(message: &Value, lang: Lang) -> String {
    serde_json::from_value::<Message>(message.clone())
        .unwrap_or_else(|e| panic!("a message as id and values: {e}: {message}"))
        .words(lang)
}

/// Calls a server function with form-encoded arguments; (status, body).
pub(crate) fn call_form(app: &TestApp, name: &str, args: &[(&str, &str)]) -> (u16, String) {
    call_form_as(app, &app.cookie, name, args)
}

/// Calls a server function as the person whose session `cookie` is.
pub(crate) fn call_form_as(
    app: &TestApp,
    cookie: &str,
    name: &str,
    args: &[(&str, &str)],
) -> (u16, String) {
    let body: Vec<String> = args
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    send(
        app,
        cookie,
        name,
        "application/x-www-form-urlencoded",
        body.join("&"),
    )
}

/// Calls a server function that takes JSON.
pub(crate) fn call_json(app: &TestApp, name: &str, args: Value) -> (u16, String) {
    call_json_as(app, &app.cookie, name, args)
}

pub(crate) fn call_json_as(app: &TestApp, cookie: &str, name: &str, args: Value) -> (u16, String) {
    send(app, cookie, name, "application/json", args.to_string())
}

/// A server function call from the app's own pages (same origin), with a session.
fn send(
    app: &TestApp,
    cookie: &str,
    name: &str,
    content_type: &str,
    body: String,
) -> (u16, String) {
    let answer = request(
        "POST",
        &format!("{}/api/{name}", app.address),
        &[
            ("content-type", content_type),
            ("accept", "application/json"),
            ("origin", &app.address),
            ("cookie", cookie),
        ],
        Some(&body),
    );
    (
        answer.status,
        String::from_utf8_lossy(&answer.body).into_owned(),
    )
}

pub(crate) fn ok_json(result: (u16, String)) -> Value {
    assert_eq!(result.0, 200, "server function failed: {}", result.1);
    serde_json::from_str(&result.1).expect("JSON answer")
}

pub(crate) fn create(app: &TestApp, template: &str, title: &str) -> i64 {
    let (status, body) = call_form(
        app,
        "create_draft",
        &[("template_id", template), ("title", title)],
    );
    assert!(
        status == 200 || status == 302,
        "create_draft: {status} {body}"
    );
    // The list is the source of truth: the newest draft with this title.
    let drafts = ok_json(call_form(
        app,
        "list_drafts",
        &[
            ("text", title),
            ("status", "any"),
            ("include_archived", "true"),
        ],
    ));
    drafts[0]["id"].as_i64().expect("a draft id")
}

/// A built-in template's sample answers.
pub(crate) fn sample(template: &str) -> Value {
    let path = crate::common::project_root().join(format!("templates/{template}.sample.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

pub(crate) fn save(app: &TestApp, id: i64, base: i64, answers: &Value) -> Value {
    ok_json(call_json(
        app,
        "save_draft",
        json!({"request": {"draft_id": id, "base_version": base, "answers": answers, "dismissals": {}}}),
    ))
}

#[test]
fn a_draft_is_saved_as_versions_with_conflicts_detected_restored_and_downloaded() {
    let app = spawn_app();
    let id = create(&app, "us-14a8-hrdd-proposal", "Proposal for the test");
    let editor = ok_json(call_form(&app, "load_draft", &[("id", &id.to_string())]));
    assert_eq!(editor["version"]["number"], 1);
    assert_eq!(editor["draft"]["status"], "draft");
    // Version 1 holds the template's defaults.
    assert_eq!(
        editor["version"]["answers"]["scope"],
        "military-intelligence"
    );
    assert!(editor["fields"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["type"] == "evidence-list"));

    let answers = sample("us-14a8-hrdd-proposal");
    assert_eq!(save(&app, id, 1, &answers)["Saved"]["version"], 2);
    // A second tab still on version 1 is told, and shown what was saved.
    let stale = save(&app, id, 1, &json!({"proponent": "Other Trust"}));
    assert_eq!(stale["Conflict"]["current"]["number"], 2);
    assert_eq!(
        stale["Conflict"]["current"]["answers"]["proponent"],
        "Northwind Retirement Trust"
    );
    assert_eq!(save(&app, id, 2, &answers)["Unchanged"]["version"], 2);

    // The list shows the company from the answers.
    let drafts = ok_json(call_form(
        &app,
        "list_drafts",
        &[
            ("text", "microsoft"),
            ("status", "any"),
            ("include_archived", "false"),
        ],
    ));
    assert_eq!(drafts[0]["company"], "Microsoft Corporation");

    // The download is the saved version, named after company, kind and date.
    let (status, content_type, docx) =
        app.get(&format!("{}/drafts/{id}/download/docx", app.address));
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&docx));
    assert!(content_type.contains("wordprocessingml"));
    let text = docx_text(&docx);
    assert!(text.contains("Microsoft Corporation"), "{text}");
    assert!(text.contains("RESOLVED"), "{text}");
    // The same version downloads as the same bytes: dated the day it was
    // saved, never by the clock.
    let pdf = |app: &TestApp| {
        app.get(&format!("{}/drafts/{id}/download/pdf", app.address))
            .2
    };
    let first = pdf(&app);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert!(first == pdf(&app), "two downloads of one version differ");
    let disposition = download_name(&app, &format!("/drafts/{id}/download/pdf"));
    assert!(
        disposition.starts_with("attachment; filename=\"microsoft-corporation-resolution-20"),
        "{disposition}"
    );

    // Restoring version 1 makes a new version 3 with version 1's answers.
    let restored = ok_json(call_form(
        &app,
        "restore_version",
        &[
            ("id", &id.to_string()),
            ("number", "1"),
            ("base_version", "2"),
        ],
    ));
    assert_eq!(restored["Saved"]["version"], 3);
    let changes = ok_json(call_form(
        &app,
        "compare_versions",
        &[("id", &id.to_string()), ("before", "1"), ("after", "2")],
    ));
    let labels: Vec<&str> = changes
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"Company") && labels.contains(&"Recitals from the evidence library"),
        "{labels:?}"
    );
    let history = ok_json(call_form(&app, "draft_history", &[("id", &id.to_string())]));
    let versions = history[1].as_array().unwrap();
    assert_eq!(versions.len(), 3);
    assert_eq!(versions[0]["note"], "restored from version 1");

    // A restart loses nothing that was acknowledged.
    let data = app.data.clone();
    drop(app);
    let app = spawn_app_on(data);
    let editor = ok_json(call_form(&app, "load_draft", &[("id", &id.to_string())]));
    assert_eq!(editor["version"]["number"], 3);
    assert_eq!(
        editor["version"]["answers"]["scope"],
        "military-intelligence"
    );
    assert!(editor["version"]["answers"].get("company").is_none());
}

#[test]
fn an_unfinished_draft_previews_with_placeholders_and_is_not_downloadable() {
    let app = spawn_app();
    let id = create(&app, "us-14a8-hrdd-proposal", "Unfinished");
    let preview = ok_json(call_json(
        &app,
        "preview_draft",
        json!({"id": id, "answers": {"supporting_statement": "Vote for it [@un-guiding-principles, p. 4] and [@nowhere]."}, "dismissals": {}}),
    ));
    let html = preview["html"].as_str().unwrap();
    assert!(html.contains("[Company]"), "{html}");
    assert!(
        html.contains("Guiding Principles"),
        "the inline citation became a note: {html}"
    );
    let problems = preview["problems"].as_array().unwrap();
    let about = |field: &str| {
        problems
            .iter()
            .find(|p| p["field"] == field)
            .map(|p| worded(&p["message"], Lang::En))
    };
    assert_eq!(about("company").as_deref(), Some("an answer is required"));
    assert_eq!(
        about("supporting_statement").as_deref(),
        Some("cites [@nowhere], which is not in the evidence library")
    );
    assert_eq!(preview["words"]["limit"], 500);
    let counted = preview["words"]["counted"].as_u64().unwrap();
    assert!(counted > 50);
    // Every counted block carries its count, and they add up to the total
    // (what "Highlight counted text" shows).
    let per_block: u64 = html
        .split("data-words=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().parse::<u64>().unwrap())
        .sum();
    assert_eq!(per_block, counted, "{html}");
    assert!(preview["checks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["id"] == "14a8/word-limit"));

    let (status, _, body) = app.get(&format!("{}/drafts/{id}/download/docx", app.address));
    assert_eq!(status, 422);
    let body = String::from_utf8_lossy(&body);
    assert!(
        body.contains("«Company» (field `company`): an answer is required"),
        "{body}"
    );
}

/// The filing letter's preview proposes answers the rules work out: the
/// letter's date while the deadline is ahead, and engagement times inside
/// the 10-to-30-day window after that date.
#[test]
fn a_filing_letter_preview_proposes_its_date_and_engagement_times() {
    let app = spawn_app();
    let id = create(&app, "us-14a8-filing-letter", "Letter");
    // Last year's proxy released so that this year's deadline is 80 days
    // away: its anniversary is 200 days from today.
    let today = time::OffsetDateTime::now_utc().date();
    let anniversary = today + time::Duration::days(200);
    let prior = anniversary
        .replace_year(anniversary.year() - 1)
        .unwrap_or(today - time::Duration::days(165));
    // Without the company's time zone (no answer, no address) no times are offered.
    let preview = ok_json(call_json(
        &app,
        "preview_draft",
        json!({"id": id, "answers": {"prior_proxy_date": prior.to_string()}, "dismissals": {}}),
    ));
    let fields: Vec<&str> = preview["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["field"].as_str())
        .collect();
    assert_eq!(fields, ["letter_date"], "{preview:#}");
    // The company's address in Washington State gives its zone, and times in it.
    let company =
        json!({"name": "Example Systems Inc.", "address": "1 Example Way\nRedmond, WA 98052"});
    let preview = ok_json(call_json(
        &app,
        "preview_draft",
        json!({"id": id, "answers": {"prior_proxy_date": prior.to_string(), "company": company}, "dismissals": {}}),
    ));
    let suggestions = preview["suggestions"].as_array().unwrap();
    let for_field = |field: &str| suggestions.iter().find(|s| s["field"] == field);
    let date = for_field("letter_date")
        .unwrap_or_else(|| panic!("a letter date is proposed: {preview:#}"));
    assert_eq!(date["value"], today.to_string());
    assert!(date["reason"]
        .as_str()
        .unwrap()
        .contains("days before the deadline"));
    let slots = for_field("engagement_slots").expect("engagement times are proposed");
    let slots = slots["value"].as_array().unwrap();
    assert_eq!(slots.len(), 3, "{slots:?}");
    assert!(slots.iter().all(|s| s
        .as_str()
        .unwrap()
        .contains("Pacific Time (America/Los_Angeles)")));
    let zone = for_field("time_zone").expect("the zone is proposed from the address");
    assert_eq!(zone["value"], "America/Los_Angeles");

    // Taking the proposals passes the engagement check; nothing more is proposed.
    let answers = json!({
        "prior_proxy_date": prior.to_string(),
        "company": company,
        "time_zone": "America/Los_Angeles",
        "letter_date": today.to_string(),
        "engagement_slots": slots,
    });
    let preview = ok_json(call_json(
        &app,
        "preview_draft",
        json!({"id": id, "answers": answers, "dismissals": {}}),
    ));
    assert_eq!(preview["suggestions"], json!([]));
    let checks = preview["checks"].as_array().unwrap();
    let severity = |id: &str| {
        checks
            .iter()
            .find(|c| c["id"] == id)
            .map(|c| c["severity"].clone())
    };
    assert_eq!(severity("14a8/engagement"), Some(json!("passed")));
    assert_eq!(severity("14a8/deadline"), Some(json!("passed")));

    // Times stated in Eastern Time fall before 9 a.m. in Redmond: the check
    // says when they fall there, and Pacific times are offered instead.
    let mut eastern = answers.clone();
    eastern["engagement_slots"] = json!(slots
        .iter()
        .map(|s| s
            .as_str()
            .unwrap()
            .replace("Pacific Time (America/Los_Angeles)", "Eastern Time"))
        .collect::<Vec<_>>());
    let preview = ok_json(call_json(
        &app,
        "preview_draft",
        json!({"id": id, "answers": eastern, "dismissals": {}}),
    ));
    let engagement = preview["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "14a8/engagement")
        .cloned()
        .unwrap();
    assert_eq!(engagement["severity"], "failed");
    assert!(
        engagement["reason"]
            .as_str()
            .unwrap()
            .contains("is 7:00 a.m.–8:00 a.m. Pacific Time at the company's offices"),
        "{engagement}"
    );
    assert!(preview["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["field"] == "engagement_slots"));
}

/// A campaign is the drafts for one company's meeting: a proposal is
/// checked against its filing letter (saved separately), and a second
/// proposal by the same proponent for the same meeting is flagged.
#[test]
fn a_proposal_is_checked_with_its_campaign() {
    let app = spawn_app();
    let campaign_check = |id: i64, answers: &Value, check: &str| -> (String, String) {
        let preview = ok_json(call_json(
            &app,
            "preview_draft",
            json!({"id": id, "answers": answers, "dismissals": {}}),
        ));
        let found = preview["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == check)
            .unwrap_or_else(|| panic!("no {check}: {preview:#}"))
            .clone();
        (
            found["severity"].as_str().unwrap().to_owned(),
            found["reason"].as_str().unwrap().to_owned(),
        )
    };
    let proposal_answers = sample("us-14a8-hrdd-proposal");
    let proposal = create(&app, "us-14a8-hrdd-proposal", "Campaign proposal");
    save(&app, proposal, 1, &proposal_answers);
    let (severity, reason) = campaign_check(proposal, &proposal_answers, "14a8/campaign-letter");
    assert_eq!(severity, "warning", "{reason}");
    assert!(reason.contains("No filing letter"), "{reason}");

    // The filing letter for the same company and meeting, but its
    // engagement times are missing: the proposal says the letter fails.
    let mut letter_answers = sample("us-14a8-filing-letter");
    letter_answers
        .as_object_mut()
        .unwrap()
        .remove("engagement_slots");
    let letter = create(&app, "us-14a8-filing-letter", "Campaign letter");
    save(&app, letter, 1, &letter_answers);
    let (severity, reason) = campaign_check(proposal, &proposal_answers, "14a8/campaign-letter");
    assert_eq!(severity, "warning", "{reason}");
    assert!(
        reason.contains(&format!(
            "draft {letter} “Campaign letter” fails: Engagement availability"
        )),
        "{reason}"
    );
    save(&app, letter, 2, &sample("us-14a8-filing-letter"));
    let (severity, reason) = campaign_check(proposal, &proposal_answers, "14a8/campaign-letter");
    assert_eq!(severity, "passed", "{reason}");
    let (severity, _) = campaign_check(
        letter,
        &sample("us-14a8-filing-letter"),
        "14a8/campaign-proposal",
    );
    assert_eq!(severity, "passed");

    // A second proposal by the same proponent for the same meeting.
    let (severity, _) = campaign_check(proposal, &proposal_answers, "14a8/one-proposal");
    assert_eq!(severity, "passed");
    let second = create(&app, "us-14a8-hrdd-proposal", "Second proposal");
    save(&app, second, 1, &proposal_answers);
    let (severity, reason) = campaign_check(proposal, &proposal_answers, "14a8/one-proposal");
    assert_eq!(severity, "warning", "{reason}");
    assert!(reason.contains(&format!("draft {second}")), "{reason}");
    // Another year is another meeting.
    let mut next_year = proposal_answers.clone();
    next_year["meeting_year"] = json!(2027);
    let (severity, reason) = campaign_check(proposal, &next_year, "14a8/one-proposal");
    assert_eq!(severity, "passed", "{reason}");
}

/// Copies `from` into `to`, folders included.
fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A new version of a built-in template: drafts keep rendering with the
/// version they were written with; one is shown what moving would change
/// and moved, as a new draft version; new drafts start on the new version.
#[test]
fn a_draft_keeps_its_template_version_until_moved() {
    let root = tempfile::tempdir().unwrap();
    let project = crate::common::project_root();
    copy_tree(&project.join("templates"), &root.path().join("templates"));
    copy_tree(&project.join("assets"), &root.path().join("assets"));
    let data = std::sync::Arc::new(tempfile::tempdir().unwrap());
    let answers = sample("engagement-letter-en");

    let app = spawn_app_in(data.clone(), Some(root.path()));
    let moving = create(&app, "engagement-letter-en", "Moving letter");
    save(&app, moving, 1, &answers);
    let staying = create(&app, "engagement-letter-en", "Staying letter");
    save(&app, staying, 1, &answers);
    drop(app);

    // Version 2 of the template: a question removed, one added, text changed.
    let file = root.path().join("templates/engagement-letter-en.md");
    let source = std::fs::read_to_string(&file).unwrap();
    let start = source.find("  - id: investor_description").unwrap();
    let end = start + source[start..].find("  - id: combined_holding").unwrap();
    let source = format!(
        "{}  - id: meeting_request\n    label: Meeting request\n    type: text\n    step: letter\n{}",
        &source[..start],
        &source[end..]
    )
    .replace(
        "We{% if investor_description %}, {{ investor_description }},{% endif %} write",
        "We write",
    )
    .replace(
        "{{ salutation }},\n",
        "{{ salutation }},\n\n{% if meeting_request %}{{ meeting_request }}{% endif %}\n",
    );
    std::fs::write(&file, source).unwrap();
    let app = spawn_app_in(data, Some(root.path()));

    let editor = ok_json(call_form(
        &app,
        "load_draft",
        &[("id", &moving.to_string())],
    ));
    assert_eq!(editor["newer_template"], 2);
    assert_eq!(editor["draft"]["template_version"], 1);
    // The draft not moved still renders with version 1, its own.
    let (status, _, html) = app.get(&format!("{}/drafts/{staying}/download/html", app.address));
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&html)
        .contains("a group of pension funds, foundations and asset managers"));

    let offer = ok_json(call_form(
        &app,
        "preview_template_move",
        &[("id", &moving.to_string())],
    ));
    assert_eq!(
        (offer["from"].as_i64(), offer["to"].as_i64()),
        (Some(1), Some(2))
    );
    assert_eq!(offer["changes"]["added"], json!(["Meeting request"]));
    assert_eq!(
        offer["changes"]["removed"],
        json!(["Who the signatories are (optional)"])
    );
    assert_eq!(
        offer["dropped_answers"],
        json!(["Who the signatories are (optional)"])
    );
    assert!(
        offer["changes"]["lines_added"].as_u64().unwrap() >= 2,
        "{offer:#}"
    );
    assert!(offer["changes"]["line_changes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l.as_str().unwrap().starts_with("+ We write")));

    let moved = ok_json(call_form(
        &app,
        "move_draft_template",
        &[
            ("id", &moving.to_string()),
            ("base_version", "2"),
            ("to_version", "2"),
        ],
    ));
    assert_eq!(moved["Saved"]["version"], 3, "{moved:#}");
    let editor = ok_json(call_form(
        &app,
        "load_draft",
        &[("id", &moving.to_string())],
    ));
    assert_eq!(editor["draft"]["template_version"], 2);
    assert!(editor["newer_template"].is_null());
    assert_eq!(
        editor["version"]["note"],
        "moved from template version 1 to 2"
    );
    assert!(editor["version"]["answers"]
        .get("investor_description")
        .is_none());
    assert!(editor["fields"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["id"] == "meeting_request"));
    // A stale base version is a conflict, and moving to the same version is refused.
    let (status, body) = call_form(
        &app,
        "move_draft_template",
        &[
            ("id", &moving.to_string()),
            ("base_version", "2"),
            ("to_version", "1"),
        ],
    );
    assert!(
        status == 200 && body.contains("Conflict"),
        "{status} {body}"
    );
    let (status, body) = call_form(
        &app,
        "move_draft_template",
        &[
            ("id", &moving.to_string()),
            ("base_version", "3"),
            ("to_version", "2"),
        ],
    );
    assert!(
        status >= 400 && body.contains("already uses version 2"),
        "{status} {body}"
    );

    // The versions from before the move keep their own questions: viewed,
    // compared and restored with template version 1.
    let before = ok_json(call_form(
        &app,
        "view_version",
        &[("id", &moving.to_string()), ("number", "2")],
    ));
    let shown = before["answers"].to_string();
    assert!(
        shown.contains("Who the signatories are (optional)")
            && shown.contains("a group of pension funds"),
        "{shown}"
    );
    let changes = ok_json(call_form(
        &app,
        "compare_versions",
        &[("id", &moving.to_string()), ("before", "2"), ("after", "3")],
    ));
    assert!(
        changes
            .to_string()
            .contains("Who the signatories are (optional)"),
        "{changes:#}"
    );
    let restored = ok_json(call_form(
        &app,
        "restore_version",
        &[
            ("id", &moving.to_string()),
            ("number", "2"),
            ("base_version", "3"),
        ],
    ));
    assert_eq!(restored["Saved"]["version"], 4, "{restored:#}");
    let editor = ok_json(call_form(
        &app,
        "load_draft",
        &[("id", &moving.to_string())],
    ));
    assert_eq!(
        editor["draft"]["template_version"], 1,
        "restoring went back to its template"
    );
    assert_eq!(
        editor["version"]["answers"]["investor_description"],
        answers["investor_description"]
    );
    assert_eq!(editor["newer_template"], 2);

    // New drafts start on the newest version.
    let new = create(&app, "engagement-letter-en", "New letter");
    let editor = ok_json(call_form(&app, "load_draft", &[("id", &new.to_string())]));
    assert_eq!(editor["draft"]["template_version"], 2);
}

#[test]
fn wrong_answers_of_every_field_type_are_reported_on_their_field() {
    let app = spawn_app();
    let wrong = |kind: &str| match kind {
        "text" | "company" => json!(123),
        "long-text" => json!(["a list"]),
        "number" => json!("ten"),
        "money" => json!("lots"),
        "date" => json!("next week"),
        "choice" => json!("not-an-option"),
        "boolean" => json!("yes"),
        "list" => json!("one item"),
        _ => json!(["missing-source#nothing"]),
    };
    let mut seen = std::collections::BTreeSet::new();
    for entry in crate::common::catalog().entries() {
        let template = entry.template.id();
        let id = create(&app, template, &format!("Bad answers for {template}"));
        let fields: Vec<_> = entry
            .template
            .front
            .fields
            .iter()
            .filter(|f| f.condition.is_none())
            .collect();
        let answers: serde_json::Map<String, Value> = fields
            .iter()
            .map(|f| (f.id.clone(), wrong(json!(f.field_type).as_str().unwrap())))
            .collect();
        let preview = ok_json(call_json(
            &app,
            "preview_draft",
            json!({"id": id, "answers": answers, "dismissals": {}}),
        ));
        let problems = preview["problems"].as_array().unwrap();
        for field in fields {
            let problem = problems
                .iter()
                .find(|p| p["field"] == field.id.as_str())
                .unwrap_or_else(|| {
                    panic!(
                        "{template}: no problem reported for `{}`: {problems:?}",
                        field.id
                    )
                });
            let english = worded(&problem["message"], Lang::En);
            let french = worded(&problem["message"], Lang::Fr);
            assert!(!english.is_empty() && english != problem["message"]["id"]);
            assert!(
                !french.is_empty() && french != english,
                "{template}, `{}`: the problem reads the same in French: {english}",
                field.id
            );
            seen.insert(json!(field.field_type).as_str().unwrap().to_owned());
        }
        // Saving keeps even wrong answers (a draft is work in progress), but
        // never answers to questions the template does not ask.
        let (status, body) = call_json(
            &app,
            "save_draft",
            json!({"request": {"draft_id": id, "base_version": 1, "answers": {"no_such_field": 1}, "dismissals": {}}}),
        );
        assert_eq!(status, 400);
        assert!(body.contains("has no field `no_such_field`"), "{body}");
    }
    assert_eq!(seen.len(), 10, "every field type was tried: {seen:?}");
}

#[test]
fn evidence_can_be_added_imported_and_a_cited_source_is_not_deleted() {
    let app = spawn_app();
    let id = create(&app, "us-14a8-hrdd-proposal", "Citing draft");
    save(&app, id, 1, &sample("us-14a8-hrdd-proposal"));

    let (status, body) = call_form(
        &app,
        "delete_source",
        &[("id", "guardian-2025-08-06-azure-surveillance")],
    );
    // The sample library is built in: no organisation deletes from it.
    assert_eq!(status, 403);
    assert!(body.contains("belongs to Resolution Studio"), "{body}");
    let sources = ok_json(call_form(&app, "list_sources", &[]));
    assert!(sources
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["source"]["id"] == "guardian-2025-08-06-azure-surveillance"));

    // A new source with a claim, then an edit with a bad date, which is refused.
    let source = json!({
        "id": "test-report", "type": "report", "title": "A Test Report", "publisher": "Test Institute",
        "date": "2025-10-01", "authors": [], "tags": ["test"],
        "claims": [{"id": "c1", "text": {"en": "The test found a gap."},
                    "quote": {"text": "Un écart", "language": "fr", "translation": {"text": "A gap", "language": "en", "by": "drafter"}}}]
    });
    ok_json(call_json(
        &app,
        "save_source",
        json!({"source": source, "replace": false}),
    ));
    let (status, body) = call_json(
        &app,
        "save_source",
        json!({"source": source, "replace": false}),
    );
    assert_eq!(status, 400);
    assert!(
        body.contains("already a source with id `test-report`"),
        "{body}"
    );
    let mut bad = source.clone();
    bad["date"] = json!("October 2025");
    let (status, body) = call_json(&app, "save_source", json!({"source": bad, "replace": true}));
    assert_eq!(status, 400);
    assert!(
        body.contains("date `October 2025` is not YYYY-MM-DD"),
        "{body}"
    );
    let sources = ok_json(call_form(&app, "list_sources", &[]));
    let stored = sources
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["source"]["id"] == "test-report")
        .unwrap();
    assert_eq!(stored["source"]["date"], "2025-10-01");
    assert!(
        stored["citation"]
            .as_str()
            .unwrap()
            .contains("A Test Report"),
        "{stored}"
    );
    assert_eq!(
        stored["source"]["claims"][0]["quote"]["translation"]["by"],
        "drafter"
    );

    // Imports from Zotero: new ids are added, existing ones left alone.
    let csl = r#"[{"id":"zotero-item","type":"article-newspaper","title":"Imported Article","container-title":"Daily Test","issued":{"date-parts":[[2025,9,2]]}},{"id":"test-report","type":"report","title":"Clash"}]"#;
    let outcome = ok_json(call_form(&app, "import_sources", &[("text", csl)]));
    assert_eq!(outcome["format"], "CSL-JSON");
    assert_eq!(outcome["added"], json!(["zotero-item"]));
    assert_eq!(outcome["skipped"], json!(["test-report"]));
    let bib = "@online{bib_item,\n  title = {From {BibTeX}},\n  url = {https://example.org},\n  year = {2024}\n}";
    let outcome = ok_json(call_form(&app, "import_sources", &[("text", bib)]));
    assert_eq!(outcome["added"], json!(["bib_item"]));
    let (status, body) = call_form(
        &app,
        "import_sources",
        &[("text", "@report{broken,\n title = {Open")],
    );
    assert_eq!(status, 400);
    assert!(body.contains("line 1") || body.contains("line 2"), "{body}");

    // An uncited source can be deleted.
    ok_json(call_form(&app, "delete_source", &[("id", "zotero-item")]));
    let sources = ok_json(call_form(&app, "list_sources", &[]));
    assert!(!sources
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["source"]["id"] == "zotero-item"));
}

#[test]
fn drafts_are_searched_duplicated_archived_and_given_a_status() {
    let app = spawn_app();
    let first = create(&app, "engagement-letter-fr", "Lettre à Exemple SA");
    create(&app, "us-14a8-filing-letter", "Filing letter");
    let copy = ok_json(call_form(
        &app,
        "duplicate_draft",
        &[("id", &first.to_string())],
    ));
    let copy = copy.as_i64().unwrap();
    let list = |text: &str, status: &str, archived: &str| {
        ok_json(call_form(
            &app,
            "list_drafts",
            &[
                ("text", text),
                ("status", status),
                ("include_archived", archived),
            ],
        ))
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["title"].as_str().unwrap().to_owned())
        .collect::<Vec<_>>()
    };
    assert_eq!(
        list("lettre", "any", "false"),
        vec!["Lettre à Exemple SA (copy)", "Lettre à Exemple SA"]
    );
    ok_json(call_form(
        &app,
        "archive_draft",
        &[("id", &copy.to_string()), ("archived", "true")],
    ));
    assert_eq!(list("lettre", "any", "false"), vec!["Lettre à Exemple SA"]);
    assert_eq!(list("lettre", "any", "true").len(), 2);
    ok_json(call_form(
        &app,
        "set_draft_status",
        &[("id", &first.to_string()), ("status", "in-review")],
    ));
    assert_eq!(list("", "in-review", "false"), vec!["Lettre à Exemple SA"]);
    let (status, body) = call_form(
        &app,
        "set_draft_status",
        &[("id", &first.to_string()), ("status", "done")],
    );
    assert_eq!(status, 400);
    assert!(body.contains("`done` is not a status"), "{body}");
    let (status, body) = call_form(
        &app,
        "create_draft",
        &[("template_id", "no-such-template"), ("title", "x")],
    );
    assert_eq!(status, 404);
    assert!(body.contains("no template `no-such-template`"), "{body}");
    // The pages themselves render on the server.
    let (status, _, html) = app.get(&format!("{}/drafts", app.address));
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&html).contains("Lettre à Exemple SA"));
    let (status, _, html) = app.get(&format!("{}/drafts/{first}", app.address));
    assert_eq!(status, 200);
    let html = String::from_utf8_lossy(&html);
    assert!(
        html.contains("id=\"answer-company\"") && html.contains("id=\"answer-letter_date\""),
        "the wizard renders the first step's inputs: {html}"
    );
}

fn docx_text(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").expect("document.xml"),
        &mut xml,
    )
    .unwrap();
    xml.split('<')
        .filter_map(|part| part.split_once('>').map(|(_, text)| text))
        .collect()
}

fn download_name(app: &TestApp, path: &str) -> String {
    let answer = request(
        "GET",
        &format!("{}{path}", app.address),
        &[("cookie", &app.cookie)],
        None,
    );
    assert_eq!(
        answer.status,
        200,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    answer
        .header("content-disposition")
        .unwrap_or_default()
        .to_owned()
}

/// A version's PDF and DOCX are the same bytes after the server restarts:
/// nothing in them comes from the process (font names, identifiers) or the
/// clock.
#[test]
fn a_version_downloads_as_the_same_files_across_a_restart() {
    let mut app = spawn_app();
    let id = create(&app, "us-14a8-hrdd-proposal", "Same bytes");
    save(&app, id, 1, &sample("us-14a8-hrdd-proposal"));
    let download = |app: &TestApp, format: &str| {
        let (status, _, bytes) = app.get(&format!("{}/drafts/{id}/download/{format}", app.address));
        assert_eq!(status, 200, "{format}");
        bytes
    };
    let before = (download(&app, "pdf"), download(&app, "docx"));
    assert!(app.terminate(), "the server stops cleanly");
    let app = spawn_app_on(app.data.clone());
    assert!(
        before.0 == download(&app, "pdf"),
        "the PDF differs after a restart"
    );
    assert!(
        before.1 == download(&app, "docx"),
        "the DOCX differs after a restart"
    );
}

/// Beside a draft's downloads, its evidence report: the saved version's
/// citing paragraphs and the claims behind them, as HTML or PDF.
#[test]
fn a_drafts_evidence_report_is_downloaded_beside_it() {
    let app = spawn_app();
    let id = create(&app, "us-14a8-hrdd-proposal", "Reported draft");
    save(&app, id, 1, &sample("us-14a8-hrdd-proposal"));
    let report = |format: &str| {
        request(
            "GET",
            &format!("{}/drafts/{id}/evidence-report/{format}", app.address),
            &[("cookie", &app.cookie)],
            None,
        )
    };
    let html = report("html");
    assert_eq!(html.status, 200);
    let body = String::from_utf8_lossy(&html.body);
    assert!(body.contains("Evidence report"), "{body}");
    assert!(body.contains("Quotation, verbatim (fr):"), "{body}");
    assert!(body.contains("Unit 8200"), "{body}");
    let pdf = report("pdf");
    assert_eq!(pdf.status, 200);
    assert!(pdf.body.starts_with(b"%PDF-"));
    let disposition = pdf.header("content-disposition").unwrap_or_default();
    assert!(
        disposition.contains("microsoft-corporation-resolution-evidence-report-"),
        "{disposition}"
    );
    let docx = report("docx");
    assert_eq!(docx.status, 404);
    assert!(String::from_utf8_lossy(&docx.body).contains("use html or pdf"));
}
