//! Backups while the server saves, and a restore into a new server that
//! serves the same drafts; a restore onto a running server is refused.

use std::process::Command;
use std::sync::Arc;

use serde_json::json;

use crate::common::{binary, spawn_app, spawn_app_on};
use crate::drafts::{call_form, call_json, create, ok_json};

#[test]
fn a_backup_taken_during_saves_restores_into_a_server_that_serves_the_same_drafts() {
    let app = Arc::new(spawn_app());
    let id = create(&app, "us-14a8-hrdd-proposal", "Backed up proposal");
    // A writer saves version after version while the backup is taken.
    let writer = {
        let app = app.clone();
        std::thread::spawn(move || {
            let mut base = 1;
            for n in 0..60 {
                let outcome = ok_json(call_json(
                    &app,
                    "save_draft",
                    json!({"request": {"draft_id": id,
                    "base_version": base, "answers": {"proponent": format!("Save {n}")}, "dismissals": {}}}),
                ));
                base = outcome["Saved"]["version"].as_i64().expect("saved");
            }
            base
        })
    };
    std::thread::sleep(std::time::Duration::from_millis(150));
    let file = app.data.path().join("backup.db");
    let printed = app.cli(&["backup", "--out", file.to_str().unwrap()], "");
    assert!(printed.contains("Backed up"), "{printed}");
    let last = writer.join().expect("the writer finishes");
    assert_eq!(last, 61);

    // Never over an existing file; never onto a running server.
    let again = Command::new(binary())
        .args(["backup", "--out", file.to_str().unwrap()])
        .env("DATABASE_URL", app.database_url())
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already"));
    let onto_running = Command::new(binary())
        .args(["restore", file.to_str().unwrap()])
        .env("DATABASE_URL", app.database_url())
        .output()
        .unwrap();
    assert!(!onto_running.status.success());
    assert!(
        String::from_utf8_lossy(&onto_running.stderr).contains("a server is running"),
        "{}",
        String::from_utf8_lossy(&onto_running.stderr)
    );

    // Into a new place, then a new server on it.
    let fresh = Arc::new(tempfile::tempdir().unwrap());
    let url = format!("sqlite://{}/test.db", fresh.path().display());
    let restored = Command::new(binary())
        .args(["restore", file.to_str().unwrap()])
        .env("DATABASE_URL", &url)
        .output()
        .unwrap();
    assert!(
        restored.status.success(),
        "{}",
        String::from_utf8_lossy(&restored.stderr)
    );
    let second = spawn_app_on(fresh);
    let editor = ok_json(call_form(&second, "load_draft", &[("id", &id.to_string())]));
    let head = editor["version"]["number"].as_i64().unwrap();
    assert!((1..=61).contains(&head), "{head}");
    // A consistent snapshot: the head's answers are the save that made it.
    if head > 1 {
        assert_eq!(
            editor["version"]["answers"]["proponent"],
            format!("Save {}", head - 2)
        );
    }
    let history = ok_json(call_form(
        &second,
        "draft_history",
        &[("id", &id.to_string())],
    ));
    assert_eq!(history[1].as_array().unwrap().len() as i64, head);
    let integrity: String = second.with_database(async |store| {
        sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(store.pool())
            .await
            .unwrap()
    });
    assert_eq!(integrity, "ok");
}

#[test]
fn restore_refuses_a_file_that_is_not_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"not a database at all").unwrap();
    let output = Command::new(binary())
        .args(["restore", junk.to_str().unwrap()])
        .env(
            "DATABASE_URL",
            format!("sqlite://{}/target.db", dir.path().display()),
        )
        .output()
        .unwrap();
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("not an SQLite database") || message.contains("cannot be read"),
        "{message}"
    );
    assert!(!dir.path().join("target.db").exists());
}
