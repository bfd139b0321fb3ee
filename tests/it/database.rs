//! Which database the integration tests run on. `cargo xtask test` runs
//! them on SQLite, then the database tests again with
//! `RESOLUTION_STUDIO_TEST_DATABASE=postgres` on a throwaway cluster whose
//! superuser address is `RESOLUTION_STUDIO_TEST_POSTGRES`; each test app
//! gets a database of its own there.

use std::path::Path;
use std::process::Command;

use sha2::{Digest, Sha256};

/// Whether this run is the PostgreSQL one.
pub fn on_postgres() -> bool {
    std::env::var("RESOLUTION_STUDIO_TEST_DATABASE").is_ok_and(|v| v == "postgres")
}

/// The throwaway cluster's superuser address. A test that needs it fails
/// here, saying why, when it is not given.
pub fn postgres_admin_url() -> String {
    std::env::var("RESOLUTION_STUDIO_TEST_POSTGRES").unwrap_or_else(|_| {
        panic!(
            "this test needs a PostgreSQL server: run it through `cargo xtask test`, which \
             starts a throwaway cluster, or set RESOLUTION_STUDIO_TEST_POSTGRES to a \
             superuser's address (postgres://USER@HOST:PORT/postgres)"
        )
    })
}

/// A new, empty PostgreSQL database; its address.
pub fn new_postgres_database(name: &str) -> String {
    let admin = postgres_admin_url();
    let output = Command::new("psql")
        .args([&admin, "-v", "ON_ERROR_STOP=1", "-qc"])
        .arg(format!("CREATE DATABASE {name}"))
        .output()
        .expect("psql runs (Debian's postgresql-client, installed with postgresql)");
    assert!(
        output.status.success(),
        "creating database {name} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let base = admin
        .rsplit_once('/')
        .expect("the address names a database")
        .0;
    format!("{base}/{name}")
}

/// The database of the test app whose data folder is `data`: an SQLite
/// file inside it, or on the PostgreSQL run a database named after the
/// folder, created the first time.
pub fn url_for(data: &Path) -> String {
    if !on_postgres() {
        return format!("sqlite://{}/test.db", data.display());
    }
    let digest = Sha256::digest(data.to_string_lossy().as_bytes());
    let name: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    let name = format!("rs_{name}");
    let marker = data.join("postgres-database");
    if let Ok(url) = std::fs::read_to_string(&marker) {
        return url;
    }
    let url = new_postgres_database(&name);
    std::fs::write(&marker, &url).expect("the data folder takes the marker");
    url
}
