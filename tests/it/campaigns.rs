//! Campaigns over HTTP: shared answers flow into the documents and a
//! change carries into those that kept them (not overrides); co-filers
//! come from a CSV or an XLSX that LibreOffice wrote, with problems by row
//! and column, made once even when confirmed by many at the same moment;
//! the page shows the deadline and the checks across documents; other
//! organisations and other sites reach nothing.

use resolution_studio::i18n::Lang;
use serde_json::{json, Value};

use crate::common::{request, soffice_convert, spawn_app, try_request_bytes, Answer, TestApp};
use crate::drafts::{call_form, call_form_as, call_json, call_json_as, ok_json, worded};

pub(crate) fn shared() -> Value {
    json!({
        "company": "Example Systems Inc.",
        "company_address": "1 Example Way\nRedmond, WA 98052",
        "meeting_year": 2027,
        "prior_proxy_date": "2026-04-20",
        "meeting_date": null,
        "prior_meeting_date": "2026-06-10",
        "proposal_title": "Report on contracts in conflict-affected areas",
        "lead_filer": "Lead Pension Fund",
    })
}

pub(crate) fn new_campaign(app: &TestApp, name: &str) -> i64 {
    let id = ok_json(call_json(
        app,
        "create_campaign",
        json!({"name": name, "jurisdiction": "us-sec-14a8", "shared": shared()}),
    ));
    id.as_i64().expect("a campaign id")
}

fn add_document(app: &TestApp, campaign: i64, template: &str) -> i64 {
    let id = ok_json(call_form(
        app,
        "add_campaign_document",
        &[
            ("campaign", &campaign.to_string()),
            ("template_id", template),
            ("title", ""),
        ],
    ));
    id.as_i64().expect("a draft id")
}

fn answers(app: &TestApp, draft: i64) -> Value {
    ok_json(call_form(app, "load_draft", &[("id", &draft.to_string())]))["version"]["answers"]
        .clone()
}

/// Sends `bytes` as the `file` part of the import form.
pub(crate) fn upload(
    app: &TestApp,
    cookie: &str,
    origin: &str,
    campaign: i64,
    file_name: &str,
    bytes: &[u8],
) -> Answer {
    let boundary = "----campaign-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let content_type = format!("multipart/form-data; boundary={boundary}");
    try_request_bytes(
        "POST",
        &format!("{}/campaigns/{campaign}/import", app.address),
        &[
            ("content-type", &content_type),
            ("origin", origin),
            ("cookie", cookie),
        ],
        body,
    )
    .expect("the server answers")
}

/// The import's number from the redirect to its mapping page.
fn import_from(answer: &Answer, campaign: i64) -> i64 {
    assert_eq!(
        answer.status,
        303,
        "upload: {}",
        String::from_utf8_lossy(&answer.body)
    );
    let location = answer.header("location").expect("a redirect");
    let prefix = format!("/campaigns/{campaign}/import/");
    location
        .strip_prefix(&prefix)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("unexpected redirect {location}"))
}

const LIST: &str = "Co-filer,Shares,Held since,Custodian,Signatory\n\
First Fund,\"1,200\",2023-01-15,Bank One,Ann Smith\n\
Second Fund,many,2023-02-01,Bank Two,Bob Jones\n\
,100,2023-01-01,Bank Four,Dee Park\n\
Third Fund,300,2022-06-30,Bank Three,Cy Long\n";

fn mapping() -> Value {
    let auth = "cofiler-authorisation";
    let proof = "ownership-proof-request";
    json!({
        "name_column": 0,
        "templates": [auth, proof],
        "sources": [
            {"template": auth, "target": "cofiler", "column": 0},
            {"template": auth, "target": "shares", "column": 1},
            {"template": auth, "target": "held_since", "column": 2},
            {"template": auth, "target": "signatory_name", "column": 4},
            {"template": proof, "target": "account_holder", "column": 0},
            {"template": proof, "target": "shares", "column": 1},
            {"template": proof, "target": "held_since", "column": 2},
            {"template": proof, "target": "custodian_name", "column": 3},
            {"template": proof, "target": "signatory_name", "column": 4},
        ]
    })
}

#[test]
fn shared_answers_flow_into_documents_and_a_change_keeps_overrides() {
    let app = spawn_app();
    let campaign = new_campaign(&app, "Contracts review 2027");
    let proposal = add_document(&app, campaign, "us-14a8-hrdd-proposal");
    let letter = add_document(&app, campaign, "us-14a8-filing-letter");
    let cofiler = add_document(&app, campaign, "cofiler-authorisation");
    // A draft for the same company outside the campaign is not one of its documents.
    let outside = crate::drafts::create(&app, "us-14a8-filing-letter", "Unrelated letter");

    let p = answers(&app, proposal);
    assert_eq!(p["company"]["name"], "Example Systems Inc.");
    assert_eq!(p["company"]["address"], "1 Example Way\nRedmond, WA 98052");
    assert_eq!(p["proponent"], "Lead Pension Fund");
    assert_eq!(p["meeting_year"], 2027);
    let l = answers(&app, letter);
    assert_eq!(l["prior_proxy_date"], "2026-04-20");
    assert_eq!(l["prior_meeting_date"], "2026-06-10");
    assert_eq!(
        l["proposal_title"],
        "Report on contracts in conflict-affected areas"
    );
    let c = answers(&app, cofiler);
    assert_eq!(c["lead_filer"], "Lead Pension Fund");

    // The co-filer letter names a lead filer of its own: an override.
    let mut own = c.as_object().cloned().expect("answers");
    own.insert("lead_filer".into(), json!("Its Own Lead"));
    let saved = ok_json(call_json(
        &app,
        "save_draft",
        json!({"request": {"draft_id": cofiler, "base_version": 1, "answers": own, "dismissals": {}}}),
    ));
    assert!(saved.get("Saved").is_some(), "{saved}");

    let mut next = shared();
    next["meeting_year"] = json!(2028);
    next["lead_filer"] = json!("New Lead Fund");
    let update = ok_json(call_json(
        &app,
        "update_campaign",
        json!({"id": campaign, "revision": 1, "name": "Contracts review 2028", "shared": next}),
    ));
    assert_eq!(update["revision"], 2);
    let updated: Vec<String> = serde_json::from_value(update["updated"].clone()).expect("a list");
    assert_eq!(updated.len(), 3, "{updated:?}");
    assert!(
        updated
            .iter()
            .any(|u| u.contains("Co-filer") && u.ends_with("(meeting year)")),
        "{updated:?}"
    );
    assert_eq!(answers(&app, proposal)["proponent"], "New Lead Fund");
    assert_eq!(answers(&app, proposal)["meeting_year"], 2028);
    let c = answers(&app, cofiler);
    assert_eq!(c["meeting_year"], 2028);
    assert_eq!(c["lead_filer"], "Its Own Lead");
    let history = ok_json(call_form(
        &app,
        "draft_history",
        &[("id", &cofiler.to_string())],
    ));
    assert_eq!(
        history[1][0]["note"], "campaign answers changed: meeting year",
        "{history}"
    );

    // An edit from a page opened before that change is refused, and changes nothing.
    let stale = call_json(
        &app,
        "update_campaign",
        json!({"id": campaign, "revision": 1, "name": "Stale", "shared": shared()}),
    );
    assert_eq!(stale.0, 400, "{}", stale.1);
    assert!(stale.1.contains("changed by someone else"), "{}", stale.1);
    assert_eq!(answers(&app, proposal)["meeting_year"], 2028);

    let page = ok_json(call_form(
        &app,
        "load_campaign",
        &[("id", &campaign.to_string())],
    ));
    assert_eq!(page["campaign"]["name"], "Contracts review 2028");
    let documents = page["documents"].as_array().expect("documents");
    assert_eq!(documents.len(), 3, "{page}");
    let of = |id: i64| {
        documents
            .iter()
            .find(|d| d["draft"]["id"] == id)
            .expect("listed")
    };
    assert_eq!(of(cofiler)["overrides"], json!(["lead filer"]));
    assert_eq!(of(proposal)["overrides"], json!([]));
    assert_eq!(of(proposal)["kind"], "resolution");
    // The proposal's check across documents finds the campaign's filing letter.
    let across: Vec<&str> = of(proposal)["across"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["id"].as_str())
        .collect();
    assert!(across.contains(&"14a8/campaign-letter"), "{across:?}");
    // 120 days before the anniversary of 20 April 2026.
    assert_eq!(page["deadline"]["date"], "2026-12-21");
    let today = time::OffsetDateTime::now_utc().date();
    let deadline = time::macros::date!(2026 - 12 - 21);
    assert_eq!(
        page["deadline"]["days_left"],
        (deadline - today).whole_days()
    );

    let list = ok_json(call_form(&app, "list_campaigns", &[]));
    assert_eq!(list[0]["documents"], 3);

    // An existing draft is put in, then taken out again; its answers stay its own.
    let count = |app: &TestApp| {
        ok_json(call_form(
            app,
            "load_campaign",
            &[("id", &campaign.to_string())],
        ))["documents"]
            .as_array()
            .map_or(0, Vec::len)
    };
    ok_json(call_form(
        &app,
        "set_draft_campaign",
        &[
            ("draft", &outside.to_string()),
            ("campaign", &campaign.to_string()),
        ],
    ));
    assert_eq!(count(&app), 4);
    assert_eq!(answers(&app, outside).get("meeting_year"), None);
    ok_json(call_form(
        &app,
        "set_draft_campaign",
        &[("draft", &outside.to_string())],
    ));
    assert_eq!(count(&app), 3);
    assert_eq!(list[0]["company"], "Example Systems Inc.");

    // The campaign page itself renders on the server with its documents.
    let (status, _, body) = app.get(&format!("{}/campaigns/{campaign}", app.address));
    assert_eq!(status, 200);
    let html = String::from_utf8_lossy(&body);
    assert!(html.contains("Contracts review 2028"), "{html}");
    assert!(html.contains("2026-12-21"), "the deadline is on the page");
}

#[test]
fn cofilers_import_from_csv_with_problems_by_row_and_column_once() {
    let app = spawn_app();
    let campaign = new_campaign(&app, "Co-filers");
    let answer = upload(
        &app,
        &app.cookie,
        &app.address,
        campaign,
        "cofilers.csv",
        LIST.as_bytes(),
    );
    let import = import_from(&answer, campaign);
    let args = [
        ("campaign", campaign.to_string()),
        ("import", import.to_string()),
    ];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let view = ok_json(call_form(&app, "load_campaign_import", &args));
    assert_eq!(view["rows"], 4);
    assert_eq!(view["name_column"], 0);
    let proposed: Vec<&str> = view["templates"]
        .as_array()
        .expect("templates")
        .iter()
        .filter(|t| t["proposed"] == true)
        .filter_map(|t| t["id"].as_str())
        .collect();
    assert_eq!(
        proposed,
        ["cofiler-authorisation", "ownership-proof-request"]
    );
    let auth = view["templates"]
        .as_array()
        .expect("templates")
        .iter()
        .find(|t| t["id"] == "cofiler-authorisation")
        .expect("offered");
    let target = |id: &str| {
        auth["targets"]
            .as_array()
            .expect("targets")
            .iter()
            .find(|t| t["target"] == id)
            .cloned()
    };
    assert_eq!(target("shares").expect("offered")["proposed"], 1);
    assert_eq!(target("held_since").expect("offered")["proposed"], 2);
    // The campaign answers the company and the lead filer: not offered.
    assert!(target("company").is_none() && target("lead_filer").is_none());

    let body = json!({"campaign": campaign, "import": import, "mapping": mapping()});
    let check = ok_json(call_json(&app, "check_campaign_import", body.clone()));
    assert_eq!(check["documents"], 4, "{check}");
    assert_eq!(check["cofilers"], 2);
    assert_eq!(check["created"], Value::Null);
    let problems: Vec<String> = check["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| {
            format!(
                "{}|{}|{}",
                p["line"],
                p["column"].as_str().unwrap_or_default(),
                worded(&p["message"], Lang::En)
            )
        })
        .collect();
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("3|B (Shares)|") && p.contains("not a number")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("4|A (Co-filer)|") && p.contains("name is empty")),
        "{problems:?}"
    );
    // The page words the same problems in its reader's language.
    let french: Vec<String> = check["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| worded(&p["message"], Lang::Fr))
        .collect();
    assert!(
        french.iter().any(|p| p.contains("n’est pas un nombre")),
        "{french:?}"
    );
    let drafts_before = app.with_database(async |store| {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM drafts")
            .fetch_one(store.pool())
            .await
            .expect("counted")
    });
    assert_eq!(drafts_before, 0, "checking makes nothing");

    // Confirmed by eight at once (a double click, two tabs): made once.
    let outcomes: Vec<(u16, String)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|_| scope.spawn(|| call_json(&app, "confirm_campaign_import", body.clone())))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a request"))
            .collect()
    });
    let made: Vec<&(u16, String)> = outcomes.iter().filter(|o| o.0 == 200).collect();
    assert_eq!(made.len(), 1, "{outcomes:?}");
    let made: Value = serde_json::from_str(&made[0].1).expect("JSON");
    assert_eq!(made["created"], 4);
    for refused in outcomes.iter().filter(|o| o.0 != 200) {
        assert_eq!(refused.0, 400);
        assert!(refused.1.contains("already imported"), "{}", refused.1);
    }

    let page = ok_json(call_form(
        &app,
        "load_campaign",
        &[("id", &campaign.to_string())],
    ));
    assert_eq!(page["cofilers"], json!(["First Fund", "Third Fund"]));
    let documents = page["documents"].as_array().expect("documents");
    assert_eq!(documents.len(), 4);
    let first_letter = documents
        .iter()
        .find(|d| d["cofiler"] == "First Fund" && d["kind"] == "cofiler-letter")
        .expect("First Fund's letter");
    assert_eq!(
        first_letter["draft"]["title"],
        "Co-filer letter — First Fund"
    );
    let a = answers(&app, first_letter["draft"]["id"].as_i64().expect("id"));
    assert_eq!(a["cofiler"], "First Fund");
    assert_eq!(a["shares"], 1200);
    assert_eq!(a["held_since"], "2023-01-15");
    assert_eq!(a["lead_filer"], "Lead Pension Fund");
    assert_eq!(a["company"]["name"], "Example Systems Inc.");
    let proof = documents
        .iter()
        .find(|d| d["cofiler"] == "Third Fund" && d["kind"] == "ownership-request")
        .expect("Third Fund's request");
    let a = answers(&app, proof["draft"]["id"].as_i64().expect("id"));
    assert_eq!(a["account_holder"], "Third Fund");
    assert_eq!(a["custodian_name"], "Bank Three");
}

#[test]
fn cofilers_import_from_an_xlsx_that_libreoffice_wrote() {
    let app = spawn_app();
    let campaign = new_campaign(&app, "From a workbook");
    // Every upload here is the same list as an .xlsx, changed or not.
    let upload_xlsx = |bytes: &[u8]| {
        upload(
            &app,
            &app.cookie,
            &app.address,
            campaign,
            "cofilers.xlsx",
            bytes,
        )
    };
    let dir = tempfile::tempdir().expect("a temporary directory");
    let good: String = LIST
        .lines()
        .enumerate()
        .filter(|(i, _)| [0, 1, 4].contains(i))
        .map(|(_, l)| format!("{l}\n"))
        .collect();
    std::fs::write(dir.path().join("cofilers.csv"), good).expect("written");
    soffice_convert(dir.path(), "cofilers.csv", "xlsx");
    let workbook = std::fs::read(dir.path().join("cofilers.xlsx")).expect("LibreOffice wrote it");
    assert!(workbook.starts_with(b"PK"), "an XLSX is a ZIP");
    let answer = upload_xlsx(&workbook);
    let import = import_from(&answer, campaign);
    let view = ok_json(call_form(
        &app,
        "load_campaign_import",
        &[
            ("campaign", &campaign.to_string()),
            ("import", &import.to_string()),
        ],
    ));
    assert_eq!(
        view["headers"],
        json!(["Co-filer", "Shares", "Held since", "Custodian", "Signatory"])
    );
    assert_eq!(view["rows"], 2);
    // LibreOffice stores the dates as dates and the numbers as numbers.
    assert_eq!(view["sample"][0][2], "2023-01-15", "{view}");
    assert_eq!(view["sample"][1][1], "300", "{view}");
    let made = ok_json(call_json(
        &app,
        "confirm_campaign_import",
        json!({"campaign": campaign, "import": import, "mapping": mapping()}),
    ));
    assert_eq!(made["created"], 4, "{made}");
    assert_eq!(made["problems"], json!([]));

    // A file that is neither is refused with the reason, and nothing is kept.
    let answer = upload_xlsx(b"PK\x03\x04 but not a workbook");
    assert_eq!(answer.status, 422);
    let page = String::from_utf8_lossy(&answer.body);
    assert!(page.contains("not a readable XLSX workbook"), "{page}");
    assert!(page.contains(&format!("/campaigns/{campaign}")), "{page}");

    // The same workbook with one more cell, in the sheet's last row and
    // column: a tiny file whose rectangle of cells would fill memory many
    // times over. It is refused with the columns it spans, and the server
    // goes on serving.
    let sparse = with_part(&workbook, "xl/worksheets/sheet1.xml", |sheet| {
        sheet.replace(
            "</sheetData>",
            r#"<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>"#,
        )
    });
    let answer = upload_xlsx(&sparse);
    assert_eq!(answer.status, 422);
    let page = String::from_utf8_lossy(&answer.body);
    assert!(
        page.contains("the sheet has 16384 columns; at most 60 are read"),
        "{page}"
    );
    ok_json(call_form(&app, "list_campaigns", &[]));

    // Claiming a hundred billion shared strings made the reader reserve
    // room for them all; a part that unpacks to 20 MiB is refused before
    // it is unpacked further.
    let claiming = with_part(&workbook, "xl/sharedStrings.xml", |strings| {
        let count = attribute_value(strings, "uniqueCount");
        strings.replacen(
            &format!("uniqueCount=\"{count}\""),
            "uniqueCount=\"100000000000\"",
            1,
        )
    });
    let swelling = with_part(&workbook, "xl/sharedStrings.xml", |strings| {
        strings.replacen(
            "<sst ",
            &format!("{}<sst ", " ".repeat(20 * 1024 * 1024)),
            1,
        )
    });
    for (bytes, expected) in [
        (&claiming, "claims 100000000000 strings"),
        (&swelling, "unpacks to more than 16 MiB"),
    ] {
        let answer = upload_xlsx(bytes);
        let page = String::from_utf8_lossy(&answer.body);
        assert_eq!(answer.status, 422, "{page}");
        assert!(page.contains(expected), "{expected}: {page}");
    }
    ok_json(call_form(&app, "list_campaigns", &[]));
}

/// The value of the first `name="…"` attribute in `xml`.
fn attribute_value(xml: &str, name: &str) -> String {
    let start = xml.find(&format!("{name}=\"")).expect("the attribute") + name.len() + 2;
    xml[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// `workbook` with its part `name` changed by `edit`.
fn with_part(workbook: &[u8], name: &str, edit: impl Fn(&str) -> String) -> Vec<u8> {
    use std::io::{Read as _, Write as _};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(workbook)).expect("a ZIP");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).expect("a part");
        let part_name = part.name().to_owned();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).expect("readable");
        if part_name == name {
            let text = String::from_utf8(bytes).expect("XML is UTF-8");
            let edited = edit(&text);
            assert_ne!(edited, text, "{name} was changed");
            bytes = edited.into_bytes();
        }
        out.start_file(part_name, zip::write::SimpleFileOptions::default())
            .expect("a new part");
        out.write_all(&bytes).expect("written");
    }
    out.finish().expect("a ZIP").into_inner()
}

#[test]
fn other_organisations_other_sites_and_readers_reach_no_campaign() {
    let app = spawn_app();
    let campaign = new_campaign(&app, "Private campaign");
    let import = import_from(
        &upload(
            &app,
            &app.cookie,
            &app.address,
            campaign,
            "list.csv",
            LIST.as_bytes(),
        ),
        campaign,
    );
    let other = app.add_org("Southwind Advocates", "advocacy");
    let outsider = app.user(&other, "admin@southwind.example", "admin");
    let viewer = app.user(&app.org, "viewer@northwind.example", "viewer");

    let id = campaign.to_string();
    let (status, body) = call_form_as(&app, &outsider, "load_campaign", &[("id", &id)]);
    assert_eq!(status, 404, "{body}");
    assert!(!body.contains("Private campaign"));
    let list = ok_json(call_form_as(&app, &outsider, "list_campaigns", &[]));
    assert_eq!(list, json!([]));
    let (status, _) = call_form_as(
        &app,
        &outsider,
        "load_campaign_import",
        &[("campaign", &id), ("import", &import.to_string())],
    );
    assert_eq!(status, 404);
    let (status, _) = call_json_as(
        &app,
        &outsider,
        "confirm_campaign_import",
        json!({"campaign": campaign, "import": import, "mapping": mapping()}),
    );
    assert_eq!(status, 404);
    let (status, _) = call_form_as(
        &app,
        &outsider,
        "add_campaign_document",
        &[
            ("campaign", &id),
            ("template_id", "us-14a8-hrdd-proposal"),
            ("title", ""),
        ],
    );
    assert_eq!(status, 404);
    let page = request(
        "GET",
        &format!("{}/campaigns/{campaign}", app.address),
        &[("cookie", &outsider)],
        None,
    );
    assert_eq!(page.status, 404);
    assert!(!String::from_utf8_lossy(&page.body).contains("Private campaign"));

    // Uploads: another organisation finds nothing, a viewer may not, and
    // another site is refused before the file is read.
    let answer = upload(
        &app,
        &outsider,
        &app.address,
        campaign,
        "l.csv",
        LIST.as_bytes(),
    );
    assert_eq!(answer.status, 404);
    let answer = upload(
        &app,
        &viewer,
        &app.address,
        campaign,
        "l.csv",
        LIST.as_bytes(),
    );
    assert_eq!(answer.status, 403);
    let answer = upload(
        &app,
        &app.cookie,
        "https://evil.example",
        campaign,
        "l.csv",
        LIST.as_bytes(),
    );
    assert_eq!(answer.status, 403);
    let kept = app.with_database(async |store| {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM campaign_imports")
            .fetch_one(store.pool())
            .await
            .expect("counted")
    });
    assert_eq!(kept, 1, "only A's own upload is kept");
    let (status, _) = call_json_as(
        &app,
        &viewer,
        "update_campaign",
        json!({"id": campaign, "revision": 1, "name": "Viewer's", "shared": shared()}),
    );
    assert_eq!(status, 403);
}
