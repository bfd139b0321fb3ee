//! A server killed in the middle of saves (SIGKILL) loses nothing it
//! acknowledged: after a restart every acknowledged save is there, the
//! database passes its integrity check and the wizard reopens the drafts.

use std::time::Duration;

use serde_json::{json, Value};

use crate::common::{spawn_app, spawn_app_on, try_request};
use crate::drafts::{call_form, create, ok_json};

const CLIENTS: usize = 5;

/// Saves version after version of draft `id` until the server stops
/// answering; (version, proponent) of every save it acknowledged.
fn save_until_gone(address: &str, cookie: &str, id: i64, who: &str) -> Vec<(i64, String)> {
    let mut acknowledged = Vec::new();
    let mut base = 1;
    for n in 0.. {
        let proponent = format!("{who} save {n}");
        let body = json!({"request": {"draft_id": id, "base_version": base,
            "answers": {"proponent": proponent}, "dismissals": {}}})
        .to_string();
        let Some(answer) = try_request(
            "POST",
            &format!("{address}/api/save_draft"),
            &[
                ("content-type", "application/json"),
                ("accept", "application/json"),
                ("origin", address),
                ("cookie", cookie),
            ],
            Some(&body),
        ) else {
            break; // The server is gone.
        };
        let outcome: Value = serde_json::from_slice(&answer.body).unwrap_or(Value::Null);
        match outcome["Saved"]["version"].as_i64() {
            Some(version) if answer.status == 200 => {
                acknowledged.push((version, proponent));
                base = version;
            }
            _ => break,
        }
    }
    acknowledged
}

#[test]
fn every_acknowledged_save_survives_a_kill() {
    let mut app = spawn_app();
    let drafts: Vec<i64> = (0..CLIENTS)
        .map(|n| create(&app, "us-14a8-hrdd-proposal", &format!("Crash <{n}>")))
        .collect();
    let (address, cookie) = (app.address.clone(), app.cookie.clone());
    let clients: Vec<_> = drafts
        .iter()
        .map(|&id| {
            let (address, cookie) = (address.clone(), cookie.clone());
            std::thread::spawn(move || {
                let acknowledged = save_until_gone(&address, &cookie, id, &format!("Client {id}"));
                (id, acknowledged)
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(800));
    app.kill();
    let results: Vec<(i64, Vec<(i64, String)>)> = clients
        .into_iter()
        .map(|c| c.join().expect("a client finishes"))
        .collect();
    let total: usize = results.iter().map(|(_, a)| a.len()).sum();
    assert!(total > 0, "no save was acknowledged before the kill");

    let data = app.data.clone();
    drop(app);
    let app = spawn_app_on(data);
    if !crate::database::on_postgres() {
        // SQLite's own check of the file; a PostgreSQL server is not ours
        // to kill here, only the app in front of it.
        let integrity: String = app.with_database(async |store| {
            sqlx::query_scalar("PRAGMA integrity_check")
                .fetch_one(store.pool())
                .await
                .expect("the check runs")
        });
        assert_eq!(integrity, "ok");
    }
    let mut found = 0;
    for (id, acknowledged) in &results {
        for (version, proponent) in acknowledged {
            let stored = ok_json(call_form(
                &app,
                "view_version",
                &[("id", &id.to_string()), ("number", &version.to_string())],
            ));
            assert_eq!(
                stored["version"]["answers"]["proponent"],
                proponent.as_str()
            );
            found += 1;
        }
        // The wizard reopens the draft at (at least) the last acknowledged version.
        let editor = ok_json(call_form(&app, "load_draft", &[("id", &id.to_string())]));
        let last = acknowledged.last().map_or(1, |(v, _)| *v);
        assert!(editor["version"]["number"].as_i64().unwrap() >= last);
        let (status, _, page) = app.get(&format!("{}/drafts/{id}", app.address));
        assert_eq!(status, 200);
        assert!(String::from_utf8_lossy(&page).contains("id=\"answer-proponent\""));
    }
    eprintln!(
        "crash test: {total} saves acknowledged before SIGKILL, {found} found after the restart"
    );
    assert_eq!(found, total);
}

/// SIGTERM: the server stops taking requests, finishes those in flight and
/// exits cleanly; every save it acknowledged is there after a restart.
#[test]
fn a_terminated_server_finishes_its_saves_and_exits_cleanly() {
    let mut app = spawn_app();
    let id = create(&app, "us-14a8-hrdd-proposal", "Terminated");
    let (address, cookie) = (app.address.clone(), app.cookie.clone());
    let client = std::thread::spawn(move || save_until_gone(&address, &cookie, id, "Client"));
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        app.terminate(),
        "the server did not exit cleanly within 10 s of SIGTERM"
    );
    let acknowledged = client.join().expect("the client finishes");
    assert!(!acknowledged.is_empty());
    let log = std::fs::read_to_string(app.data.path().join("server.err.log")).unwrap();
    assert!(log.contains("shutting down"), "{log}");
    let data = app.data.clone();
    drop(app);
    let app = spawn_app_on(data);
    let editor = ok_json(call_form(&app, "load_draft", &[("id", &id.to_string())]));
    let (last, proponent) = acknowledged.last().unwrap();
    assert!(editor["version"]["number"].as_i64().unwrap() >= *last);
    let stored = ok_json(call_form(
        &app,
        "view_version",
        &[("id", &id.to_string()), ("number", &last.to_string())],
    ));
    assert_eq!(
        stored["version"]["answers"]["proponent"],
        proponent.as_str()
    );
}
