//! Saves under load, over HTTP as browsers send them: many writers at once
//! on their own drafts all land; many writers on top of the same version of
//! one draft give exactly one save and conflicts for the rest, never an
//! error. Latencies are printed (not asserted) for the closing notes.

use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::common::spawn_app;
use crate::drafts::{call_json, create};

fn save(app: &crate::common::TestApp, id: i64, base: i64, proponent: &str) -> (u16, Value) {
    let (status, body) = call_json(
        app,
        "save_draft",
        json!({"request": {"draft_id": id, "base_version": base,
                "answers": {"proponent": proponent}, "dismissals": {}}}),
    );
    (
        status,
        serde_json::from_str(&body).unwrap_or(Value::String(body)),
    )
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

#[test]
fn fifty_writers_each_save_twenty_versions_and_all_land() {
    const WRITERS: usize = 50;
    const SAVES: usize = 20;
    let app = Arc::new(spawn_app());
    let start = Arc::new(Barrier::new(WRITERS));
    let started = Instant::now();
    let handles: Vec<_> = (0..WRITERS)
        .map(|writer| {
            let (app, start) = (app.clone(), start.clone());
            std::thread::spawn(move || {
                start.wait();
                // No writer's title contains another's: `create` finds the draft by it.
                let id = create(
                    &app,
                    "us-14a8-hrdd-proposal",
                    &format!("Load test <{writer}>"),
                );
                let mut latencies = Vec::with_capacity(SAVES);
                let mut failures = Vec::new();
                let mut base = 1;
                for n in 0..SAVES {
                    let at = Instant::now();
                    let (status, outcome) =
                        save(&app, id, base, &format!("Writer {writer} save {n}"));
                    latencies.push(at.elapsed());
                    match outcome["Saved"]["version"].as_i64() {
                        Some(version) if status == 200 => base = version,
                        _ => failures.push(format!("save {n} on base {base}: {status} {outcome}")),
                    }
                }
                (id, base, latencies, failures)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    let mut failures = Vec::new();
    let mut drafts = Vec::new();
    for handle in handles {
        let (id, head, mut times, mut failed) = handle.join().expect("a writer finishes");
        latencies.append(&mut times);
        failures.append(&mut failed);
        drafts.push((id, head));
    }
    let elapsed = started.elapsed();
    let mut ids: Vec<i64> = drafts.iter().map(|(id, _)| *id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(
        ids.len(),
        WRITERS,
        "every writer has a draft of its own: {drafts:?}"
    );
    assert!(
        failures.is_empty(),
        "{} failed saves: {:?}",
        failures.len(),
        &failures[..failures.len().min(5)]
    );
    // Every draft holds its 20 saves on top of version 1, as the database says.
    let versions: i64 = app.with_database(async |store| {
        sqlx::query_scalar("SELECT COUNT(*) FROM draft_versions")
            .fetch_one(store.pool())
            .await
            .expect("counted")
    });
    assert_eq!(versions, (WRITERS * (SAVES + 1)) as i64);
    assert!(
        drafts.iter().all(|(_, head)| *head == SAVES as i64 + 1),
        "{drafts:?}"
    );
    latencies.sort();
    eprintln!(
        "save latency with {WRITERS} concurrent writers ({} saves in {elapsed:.1?}): p50 {:?}, p99 {:?}, max {:?}",
        latencies.len(),
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        latencies.last().expect("saves")
    );
}

#[test]
fn twenty_writers_on_one_version_give_one_save_and_nineteen_conflicts() {
    const WRITERS: usize = 20;
    let app = Arc::new(spawn_app());
    let id = create(&app, "us-14a8-hrdd-proposal", "Contended draft");
    let start = Arc::new(Barrier::new(WRITERS));
    let handles: Vec<_> = (0..WRITERS)
        .map(|writer| {
            let (app, start) = (app.clone(), start.clone());
            std::thread::spawn(move || {
                start.wait();
                save(&app, id, 1, &format!("Tab {writer}"))
            })
        })
        .collect();
    let outcomes: Vec<(u16, Value)> = handles
        .into_iter()
        .map(|h| h.join().expect("a writer finishes"))
        .collect();
    let errors: Vec<_> = outcomes
        .iter()
        .filter(|(status, _)| *status != 200)
        .collect();
    assert!(errors.is_empty(), "errors: {errors:?}");
    let saved = outcomes
        .iter()
        .filter(|(_, o)| o.get("Saved").is_some())
        .count();
    let conflicts = outcomes
        .iter()
        .filter(|(_, o)| o.get("Conflict").is_some())
        .count();
    assert_eq!((saved, conflicts), (1, WRITERS - 1), "{outcomes:?}");
    // Every conflict shows the one version that was saved.
    assert!(outcomes
        .iter()
        .filter_map(|(_, o)| o.get("Conflict"))
        .all(|c| c["current"]["number"] == 2));
}
