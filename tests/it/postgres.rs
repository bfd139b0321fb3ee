//! PostgreSQL beside SQLite: the two schemas agree, several app instances
//! share one database (evidence, drafts and sessions), instances starting
//! together migrate once, and `backup` points to PostgreSQL's own tools.
//! These need the throwaway cluster `cargo xtask test` starts; without it
//! they fail and say so.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::json;

use crate::common::{request, spawn_instance, start_server};
use crate::database::new_postgres_database;
use crate::drafts::{call_form, call_json, create, ok_json, sample, save};
use resolution_studio::config::DatabaseConfig;
use resolution_studio::store::Store;

/// A database name no other test of this run uses.
fn fresh_name(what: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!(
        "rs_{what}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

async fn open(url: &str) -> Store {
    Store::open(&DatabaseConfig::from_url(url).expect("a database address"))
        .await
        .expect("the database opens and migrates")
}

/// Every (table, column) of the schema, the migrations' own table included.
async fn columns(store: &Store, query: &'static str) -> BTreeSet<(String, String)> {
    sqlx::query_as::<_, (String, String)>(query)
        .fetch_all(store.pool())
        .await
        .expect("the catalogue reads")
        .into_iter()
        .collect()
}

#[test]
fn the_sqlite_and_postgresql_schemas_hold_the_same_tables_and_columns() {
    let dir = tempfile::tempdir().unwrap();
    let sqlite_url = format!("sqlite://{}/schema.db", dir.path().display());
    let postgres_url = new_postgres_database(&fresh_name("schema"));
    let (sqlite, postgres) = runtime().block_on(async {
        let sqlite = open(&sqlite_url).await;
        let postgres = open(&postgres_url).await;
        (
            columns(
                &sqlite,
                "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
            )
            .await,
            columns(
                &postgres,
                "SELECT table_name::text, column_name::text FROM information_schema.columns
                 WHERE table_schema = 'public'",
            )
            .await,
        )
    });
    assert!(
        sqlite.contains(&("drafts".into(), "company_key".into()))
            && sqlite.contains(&("generations".into(), "value".into())),
        "{sqlite:?}"
    );
    let only_sqlite: Vec<_> = sqlite.difference(&postgres).collect();
    let only_postgres: Vec<_> = postgres.difference(&sqlite).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "only on SQLite: {only_sqlite:?}; only on PostgreSQL: {only_postgres:?}"
    );
}

#[test]
fn two_instances_on_one_database_share_evidence_drafts_and_sessions() {
    let database = new_postgres_database(&fresh_name("instances"));
    let first = spawn_instance(&database);
    let second = spawn_instance(&database);
    assert_ne!(first.address, second.address);

    // Signed in on the first, signed in on the second.
    let drafts = ok_json(crate::drafts::call_form_as(
        &second,
        &first.cookie,
        "list_drafts",
        &[
            ("text", ""),
            ("status", "any"),
            ("include_archived", "false"),
        ],
    ));
    assert!(drafts.as_array().is_some(), "{drafts}");

    // A source added through the first is cited in a preview on the second,
    // whose copy of the library was read when it started.
    let source = json!({
        "id": "instance-report", "type": "report", "title": "A Report Saved Elsewhere",
        "publisher": "Test Institute", "date": "2025-10-01", "authors": [], "tags": [],
        "claims": []
    });
    ok_json(call_json(
        &first,
        "save_source",
        json!({"source": source, "replace": false}),
    ));
    let id = create(&second, "us-14a8-hrdd-proposal", "Shared between instances");
    let preview = ok_json(call_json(
        &second,
        "preview_draft",
        json!({"id": id, "answers": {"supporting_statement": "As reported [@instance-report]."}, "dismissals": {}}),
    ));
    let html = preview["html"].as_str().unwrap();
    assert!(html.contains("A Report Saved Elsewhere"), "{html}");
    let problems = preview["problems"].to_string();
    assert!(!problems.contains("instance-report"), "{problems}");

    // Two tabs on different instances editing one draft: the second to save
    // on the old version is shown the conflict, with what the first saved.
    let answers = sample("us-14a8-hrdd-proposal");
    assert_eq!(save(&second, id, 1, &answers)["Saved"]["version"], 2);
    let stale = save(&first, id, 1, &json!({"proponent": "Other Trust"}));
    assert_eq!(stale["Conflict"]["current"]["number"], 2, "{stale}");
    assert_eq!(
        stale["Conflict"]["current"]["answers"]["proponent"],
        answers["proponent"]
    );

    // A packet started on one instance: its progress and its ZIP on the other.
    let packet = crate::packets::start(&first, &[id]);
    let done = crate::packets::wait_for(&second, packet);
    assert_eq!(done["state"], "done", "{done}");
    let zip = crate::packets::download(&second, packet);
    assert!(zip.starts_with(b"PK"));

    // Signing out on one instance signs out on both.
    let out = request(
        "POST",
        &format!("{}/logout", first.address),
        &[
            ("cookie", &first.cookie),
            ("origin", &first.address),
            ("content-type", "application/x-www-form-urlencoded"),
        ],
        Some(""),
    );
    assert!(out.status == 303 || out.status == 200, "{}", out.status);
    let (status, _) = crate::drafts::call_form_as(
        &second,
        &first.cookie,
        "list_drafts",
        &[
            ("text", ""),
            ("status", "any"),
            ("include_archived", "false"),
        ],
    );
    assert_eq!(status, 401);
    // The second instance's own session is untouched.
    let (status, body) = call_form(&second, "load_draft", &[("id", &id.to_string())]);
    assert_eq!(status, 200, "{body}");
}

#[test]
fn instances_starting_together_on_an_empty_database_migrate_and_seed_once() {
    let database = new_postgres_database(&fresh_name("together"));
    let apps: Vec<_> = std::thread::scope(|scope| {
        let starting: Vec<_> = (0..3)
            .map(|_| {
                let database = database.clone();
                scope.spawn(move || {
                    let data = std::sync::Arc::new(tempfile::tempdir().unwrap());
                    start_server(data, None, &database)
                })
            })
            .collect();
        starting
            .into_iter()
            .map(|start| start.join().expect("every instance starts"))
            .collect()
    });
    let (migrations, versions, sources) = runtime().block_on(async {
        let store = open(&database).await;
        let migrations: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
            .fetch_one(store.pool())
            .await
            .unwrap();
        let versions: Vec<(String, i64)> = sqlx::query_as(
            "SELECT id, COUNT(*) FROM templates WHERE origin = 'built-in' GROUP BY id",
        )
        .fetch_all(store.pool())
        .await
        .unwrap();
        let sources: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM evidence_sources")
            .fetch_one(store.pool())
            .await
            .unwrap();
        (migrations, versions, sources)
    });
    let files = std::fs::read_dir(crate::common::project_root().join("migrations/postgres"))
        .unwrap()
        .count();
    assert_eq!(migrations as usize, files);
    assert!(!versions.is_empty());
    assert!(
        versions.iter().all(|(_, count)| *count == 1),
        "each built-in template is stored once: {versions:?}"
    );
    let sample = crate::common::library().sources.len() as i64;
    assert_eq!(sources, sample, "the sample library is loaded once");
    for app in &apps {
        assert_eq!(
            crate::common::request("GET", &format!("{}/health", app.address), &[], None).status,
            200
        );
    }
}

#[test]
fn backup_and_restore_on_postgresql_point_to_its_own_tools() {
    let database = new_postgres_database(&fresh_name("backup"));
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["backup", "--out", "copy.db"],
        vec!["restore", "copy.db"],
    ] {
        let output = std::process::Command::new(crate::common::binary())
            .args(&args)
            .current_dir(dir.path())
            .env("RESOLUTION_STUDIO_ROOT", crate::common::project_root())
            .env("DATABASE_URL", &database)
            .output()
            .unwrap();
        assert!(!output.status.success());
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(
            message.contains("pg_dump") && message.contains("pg_restore"),
            "{args:?}: {message}"
        );
    }
    assert!(!dir.path().join("copy.db").exists());
}
