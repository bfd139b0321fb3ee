//! Packets over HTTP: ticked drafts rendered in the background into one
//! ZIP with their evidence reports and a manifest whose hashes match; an
//! unfinished draft reported without stopping the others; progress read
//! while it runs; stopped on request; another organisation sees nothing.

use std::io::Read;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::common::{request, spawn_app, TestApp};
use crate::drafts::{call_form, call_form_as, call_json, create, ok_json, sample, save};

pub(crate) fn start(app: &TestApp, drafts: &[i64]) -> i64 {
    ok_json(call_json(
        app,
        "start_packet",
        json!({"title": "Test packet", "drafts": drafts, "formats": ["docx", "pdf"]}),
    ))
    .as_i64()
    .expect("a packet id")
}

/// Polls until packet `id` is no longer queued or running; its summary.
pub(crate) fn wait_for(app: &TestApp, id: i64) -> Value {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let list = ok_json(call_form(app, "list_packets", &[]));
        let packet = list
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .cloned()
            .expect("the packet is listed");
        if packet["state"] != "queued" && packet["state"] != "running" {
            return packet;
        }
        assert!(
            Instant::now() < deadline,
            "packet {id} did not finish: {packet}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

pub(crate) fn download(app: &TestApp, id: i64) -> Vec<u8> {
    let answer = request(
        "GET",
        &format!("{}/packets/{id}/zip", app.address),
        &[("cookie", &app.cookie)],
        None,
    );
    assert_eq!(
        answer.status,
        200,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    assert_eq!(answer.header("content-type"), Some("application/zip"));
    answer.body
}

#[test]
fn ticked_drafts_become_one_zip_with_reports_and_a_manifest_and_a_bad_draft_is_reported() {
    let app = spawn_app();
    let proposal = create(&app, "us-14a8-hrdd-proposal", "Packet proposal");
    save(&app, proposal, 1, &sample("us-14a8-hrdd-proposal"));
    let letter = create(&app, "cofiler-authorisation", "Packet co-filer letter");
    save(&app, letter, 1, &sample("cofiler-authorisation"));
    let unfinished = create(&app, "us-14a8-filing-letter", "Unfinished letter");

    let id = start(&app, &[proposal, letter, unfinished]);
    let packet = wait_for(&app, id);
    assert_eq!(packet["state"], "done", "{packet}");
    assert_eq!(packet["total"], 3);
    assert_eq!(packet["done"], 3);
    // Two drafts × (DOCX, PDF, evidence report).
    assert_eq!(packet["files"], 6, "{packet}");
    let failures = packet["failures"].as_array().unwrap();
    assert_eq!(failures.len(), 1, "{packet}");
    assert_eq!(failures[0]["origin"], format!("draft {unfinished}"));

    let zip_bytes = download(&app, id);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&zip_bytes)).unwrap();
    let mut manifest = String::new();
    zip.by_name("manifest.csv")
        .unwrap()
        .read_to_string(&mut manifest)
        .unwrap();
    let rows: Vec<&str> = manifest.lines().skip(1).collect();
    assert_eq!(rows.len(), 6, "{manifest}");
    for row in &rows {
        let cells: Vec<&str> = row.split(',').collect();
        let mut content = Vec::new();
        zip.by_name(cells[0])
            .unwrap()
            .read_to_end(&mut content)
            .unwrap();
        let digest: String = Sha256::digest(&content)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(digest, cells[1], "{row}");
        // template version, draft version and the evidence library's version are recorded.
        assert!(
            !cells[5].is_empty() && cells[6] == "2" && !cells[7].is_empty(),
            "{row}"
        );
    }
    assert!(
        rows.iter()
            .any(|r| r.starts_with("resolution/001-") && r.contains(".docx,")),
        "{manifest}"
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with("cofiler-letter/002-") && r.contains(".pdf,")),
        "{manifest}"
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with("evidence-reports/resolution/001-")),
        "{manifest}"
    );

    // Another organisation neither sees nor downloads it.
    let other = app.add_org("Other Investors", "investor");
    let cookie = app.user(&other, "someone@other.example", "admin");
    let theirs = ok_json(call_form_as(&app, &cookie, "list_packets", &[]));
    assert_eq!(theirs, json!([]));
    let refused = request(
        "GET",
        &format!("{}/packets/{id}/zip", app.address),
        &[("cookie", &cookie)],
        None,
    );
    assert_eq!(refused.status, 404);
    // Nor puts this organisation's drafts in a packet of its own.
    let (status, body) = crate::drafts::call_json_as(
        &app,
        &cookie,
        "start_packet",
        json!({"title": "", "drafts": [proposal], "formats": ["pdf"]}),
    );
    assert_eq!(status, 404, "{body}");
}

#[test]
fn a_running_packet_shows_its_progress_and_stops_when_asked() {
    let app = spawn_app();
    let letter = create(&app, "cofiler-authorisation", "Many letters");
    save(&app, letter, 1, &sample("cofiler-authorisation"));
    // The same draft many times over: enough work to watch and stop.
    let drafts = vec![letter; 400];
    let id = start(&app, &drafts);
    let deadline = Instant::now() + Duration::from_secs(60);
    let running = loop {
        let list = ok_json(call_form(&app, "list_packets", &[]));
        let packet = list[0].clone();
        if packet["state"] == "running" && packet["done"].as_i64().unwrap_or(0) > 0 {
            break packet;
        }
        assert!(
            packet["state"] == "queued" || packet["state"] == "running",
            "finished before it could be watched: {packet}"
        );
        assert!(Instant::now() < deadline, "{packet}");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(running["total"], 400);
    ok_json(call_form(&app, "stop_packet", &[("id", &id.to_string())]));
    let stopped = wait_for(&app, id);
    assert_eq!(stopped["state"], "cancelled", "{stopped}");
    assert!(stopped["done"].as_i64().unwrap() < 400, "{stopped}");
    // What was done before the stop is in the ZIP, with its manifest.
    let zip_bytes = download(&app, id);
    let zip = zip::ZipArchive::new(std::io::Cursor::new(&zip_bytes)).unwrap();
    assert!(zip.file_names().any(|n| n == "manifest.csv"));
    assert_eq!(zip.len() as i64, stopped["files"].as_i64().unwrap() + 1);
    // A finished packet cannot be stopped again.
    let (status, body) = call_form(&app, "stop_packet", &[("id", &id.to_string())]);
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("cancelled already"), "{body}");
}

/// A packet whose server went away (no heartbeat for minutes) no longer
/// holds one of the organisation's two places: the next packet marks it
/// failed, saying to start it again, and is taken.
#[test]
fn an_abandoned_packet_is_failed_and_frees_its_place() {
    let app = spawn_app();
    let letter = create(&app, "cofiler-authorisation", "Abandoned");
    save(&app, letter, 1, &sample("cofiler-authorisation"));
    let first = start(&app, &[letter]);
    wait_for(&app, first);
    // Two jobs left "running" by an instance that stopped ten minutes ago.
    app.with_database(async |store| {
        for _ in 0..2 {
            sqlx::query(
                "INSERT INTO batch_jobs (org_id, created_by, title, drafts, formats, state, total, created_at, started_at, heartbeat_at)
                 SELECT org_id, created_by, 'Stalled', drafts, formats, 'running', total, created_at, created_at, '2026-01-01T00:00:00.000000Z'
                 FROM batch_jobs WHERE id = $1",
            )
            .bind(first)
            .execute(store.pool())
            .await
            .expect("a stalled job is stored");
        }
    });
    let next = start(&app, &[letter]);
    assert_eq!(wait_for(&app, next)["state"], "done");
    let list = ok_json(call_form(&app, "list_packets", &[]));
    let stalled: Vec<&Value> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["title"] == "Stalled")
        .collect();
    assert_eq!(stalled.len(), 2);
    for packet in stalled {
        assert_eq!(packet["state"], "failed", "{packet}");
        assert!(
            packet["failures"]
                .to_string()
                .contains("start the packet again"),
            "{packet}"
        );
    }
}

/// A ZIP larger than one stored part is stored in parts and sent back in
/// parts: the bytes that arrive are the ZIP whose SHA-256 the `ETag`
/// gives, its length is announced, every entry reads, and the same drafts
/// rendered again give the same bytes.
#[test]
fn a_large_packet_is_stored_and_sent_in_parts() {
    let app = spawn_app();
    let mut drafts = Vec::new();
    for n in 0..24 {
        let id = create(&app, "us-14a8-hrdd-proposal", &format!("Large packet {n}"));
        save(&app, id, 1, &sample("us-14a8-hrdd-proposal"));
        drafts.push(id);
    }
    let id = start(&app, &drafts);
    let packet = wait_for(&app, id);
    assert_eq!(packet["state"], "done", "{packet}");
    let answer = request(
        "GET",
        &format!("{}/packets/{id}/zip", app.address),
        &[("cookie", &app.cookie)],
        None,
    );
    assert_eq!(answer.status, 200);
    let zip = answer.body.clone();
    assert!(
        zip.len() > 1024 * 1024,
        "the packet should span parts; it is {} bytes",
        zip.len()
    );
    assert_eq!(
        answer.header("content-length"),
        Some(zip.len().to_string().as_str())
    );
    let digest: String = Sha256::digest(&zip)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        answer.header("etag"),
        Some(format!("\"{digest}\"").as_str())
    );
    let parts = app.with_database(async |store| {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM batch_packet_parts WHERE job_id = $1")
            .bind(id)
            .fetch_one(store.pool())
            .await
            .expect("counted")
    });
    assert_eq!(parts as usize, zip.len().div_ceil(1024 * 1024));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("a ZIP");
    assert_eq!(
        archive.len(),
        24 * 3 + 1,
        "three files a draft and the manifest"
    );
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("an entry");
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("it reads whole");
    }
}
