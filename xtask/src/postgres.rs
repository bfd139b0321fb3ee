//! A throwaway PostgreSQL cluster for the tests: Debian's `postgresql`
//! package, a new cluster in a temporary folder, owned by an unprivileged
//! user (`postgres` when we are root), on a free port, removed afterwards.
//! Nothing depends on a server someone installed or configured by hand.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

/// The Debian package, and how to tell it is there.
pub const PACKAGE: (&str, &str) = ("ls /usr/lib/postgresql/*/bin/initdb", "postgresql");

pub struct Cluster {
    folder: PathBuf,
    bin: PathBuf,
    as_root: bool,
    /// `postgres://postgres@127.0.0.1:PORT/postgres`: the superuser's
    /// address, from which tests create a database each.
    pub admin_url: String,
}

impl Cluster {
    /// `durable`: as a production server runs (fsync on), for benchmarks
    /// set beside SQLite's synchronous=FULL; otherwise without fsync.
    pub fn start(durable: bool) -> Result<Cluster> {
        let bin = newest_bin()?;
        let as_root = super::output("id", &["-u"]).is_some_and(|id| id.trim() == "0");
        let folder =
            std::env::temp_dir().join(format!("resolution-studio-postgres-{}", std::process::id()));
        if folder.exists() {
            std::fs::remove_dir_all(&folder)?;
        }
        std::fs::create_dir_all(&folder)?;
        if as_root {
            // initdb refuses to run as root: the cluster belongs to the
            // `postgres` user the Debian package creates.
            super::run(Command::new("chown").arg("postgres:postgres").arg(&folder))?;
        }
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let cluster = Cluster {
            admin_url: format!("postgres://postgres@127.0.0.1:{port}/postgres"),
            folder,
            bin,
            as_root,
        };
        let data = cluster.folder.join("data");
        cluster.pg(
            "initdb",
            &[
                "--pgdata",
                &data.to_string_lossy(),
                "--username=postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-instructions",
            ],
        )?;
        // Durability is not what the tests check, and a test creates a
        // database each: without fsync that takes milliseconds, not a second.
        let durability = if durable {
            ""
        } else {
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        };
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=400{durability}",
            cluster.folder.display()
        );
        cluster.pg(
            "pg_ctl",
            &[
                "--pgdata",
                &data.to_string_lossy(),
                "--log",
                &cluster.folder.join("server.log").to_string_lossy(),
                "--wait",
                "-o",
                &options,
                "start",
            ],
        )?;
        Ok(cluster)
    }

    /// Runs one of the cluster's programs as the cluster's owner.
    fn pg(&self, program: &str, args: &[&str]) -> Result<()> {
        let path = self.bin.join(program);
        let mut command = if self.as_root {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(&path);
            command
        } else {
            Command::new(&path)
        };
        command.args(args).current_dir(&self.folder);
        super::run(&mut command).with_context(|| format!("{program} for the test cluster"))
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.folder.join("data");
        let _ = self.pg(
            "pg_ctl",
            &[
                "--pgdata",
                &data.to_string_lossy(),
                "--mode=immediate",
                "stop",
            ],
        );
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

/// `/usr/lib/postgresql/<newest version>/bin`.
fn newest_bin() -> Result<PathBuf> {
    let root = Path::new("/usr/lib/postgresql");
    let newest = std::fs::read_dir(root)
        .with_context(|| format!("reading {} (is `postgresql` installed?)", root.display()))?
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let version = entry.file_name().to_string_lossy().parse::<u32>().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .max_by_key(|(version, _)| *version);
    match newest {
        Some((_, bin)) => Ok(bin),
        None => bail!(
            "no PostgreSQL server under {}: install Debian's `postgresql`",
            root.display()
        ),
    }
}
