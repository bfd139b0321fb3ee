//! Which database, and how the store may use it: `DATABASE_URL`, the pool
//! size and the statement timeout.

use std::time::Duration;

use super::ConfigError;

/// Where the database is when `DATABASE_URL` is not set.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/resolution-studio.db";

/// The database engines the store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// One file on this machine; the default.
    Sqlite,
    /// A PostgreSQL server, shared by several app instances.
    Postgres,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatabaseConfig {
    pub url: String,
    pub engine: Engine,
    /// Connections the pool keeps at most (`DATABASE_MAX_CONNECTIONS`).
    pub max_connections: u32,
    /// How long one statement may run, waiting for a lock included
    /// (`DATABASE_STATEMENT_TIMEOUT`, in seconds): PostgreSQL's
    /// `statement_timeout`, SQLite's busy timeout.
    pub statement_timeout: Duration,
}

impl DatabaseConfig {
    /// `url` checked, with the default pool size and timeout.
    pub fn from_url(url: &str) -> Result<DatabaseConfig, ConfigError> {
        let engine = engine_of(url)?;
        Ok(DatabaseConfig {
            url: url.to_owned(),
            engine,
            max_connections: match engine {
                // SQLite has one writer; more connections only queue.
                Engine::Sqlite => 4,
                // Reads run in parallel on the server; ten per instance
                // stays far below PostgreSQL's default of 100 connections.
                Engine::Postgres => 10,
            },
            statement_timeout: Duration::from_secs(5),
        })
    }

    /// From `DATABASE_URL`, `DATABASE_MAX_CONNECTIONS` and
    /// `DATABASE_STATEMENT_TIMEOUT`, as given (see [`super::Config::from_env`]).
    pub fn from_settings(
        url: Option<String>,
        max_connections: Option<String>,
        statement_timeout: Option<String>,
    ) -> Result<DatabaseConfig, ConfigError> {
        let url = url
            .filter(|u| !u.trim().is_empty())
            .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
        let mut config = DatabaseConfig::from_url(url.trim())?;
        if let Some(text) = max_connections.filter(|t| !t.trim().is_empty()) {
            config.max_connections = text
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|n| (2..=1000).contains(n))
                .ok_or_else(|| {
                    ConfigError(format!(
                        "DATABASE_MAX_CONNECTIONS `{text}` is not a number from 2 to 1000 (start-up holds one connection while it writes through another)"
                    ))
                })?;
        }
        if let Some(text) = statement_timeout.filter(|t| !t.trim().is_empty()) {
            config.statement_timeout = text
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|s| *s >= 0.1 && *s <= 3600.0)
                .map(Duration::from_secs_f64)
                .ok_or_else(|| {
                    ConfigError(format!(
                        "DATABASE_STATEMENT_TIMEOUT `{text}` is not a number of seconds from 0.1 to 3600"
                    ))
                })?;
        }
        Ok(config)
    }
}

/// The engine an address names; any other scheme is refused rather than
/// read as a file name.
fn engine_of(url: &str) -> Result<Engine, ConfigError> {
    let scheme = url
        .split_once("://")
        .map(|(scheme, _)| scheme.to_ascii_lowercase());
    match scheme.as_deref() {
        Some("sqlite") => Ok(Engine::Sqlite),
        Some("postgres" | "postgresql") => Ok(Engine::Postgres),
        _ => Err(ConfigError(format!(
            "DATABASE_URL `{}` is not supported: use sqlite://PATH (for example \
             {DEFAULT_DATABASE_URL}, the default when it is unset) or \
             postgres://USER:PASSWORD@HOST:PORT/DATABASE",
            redacted(url)
        ))),
    }
}

/// An address as it may be shown: without its password.
pub fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, path) = match rest.find('/') {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    match authority.rsplit_once('@') {
        Some((user_info, host)) => {
            let user = user_info.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}{path}")
        }
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(url: &str) -> Result<DatabaseConfig, String> {
        DatabaseConfig::from_settings(Some(url.into()), None, None).map_err(|e| e.to_string())
    }

    #[test]
    fn the_store_opens_sqlite_and_postgres_addresses_and_nothing_else() {
        let default = DatabaseConfig::from_settings(None, None, None).unwrap();
        assert_eq!(default.url, DEFAULT_DATABASE_URL);
        assert_eq!(default.engine, Engine::Sqlite);
        assert_eq!(
            settings("sqlite:///tmp/x.db").unwrap().engine,
            Engine::Sqlite
        );
        let pg = settings("postgres://studio:secret@db:5432/studio").unwrap();
        assert_eq!(pg.engine, Engine::Postgres);
        assert_eq!(pg.max_connections, 10);
        assert_eq!(
            settings("postgresql://db/studio").unwrap().engine,
            Engine::Postgres
        );
        let error = settings("mysql://root:hunter2@db/studio").unwrap_err();
        assert!(
            error.contains("`mysql://root:***@db/studio` is not supported"),
            "{error}"
        );
        assert!(
            error.contains("sqlite://") && error.contains("postgres://"),
            "{error}"
        );
        assert!(!error.contains("hunter2"), "{error}");
        assert!(settings("data/x.db").is_err());
        assert!(settings("postgres:studio").is_err());
    }

    #[test]
    fn pool_size_and_timeout_are_checked() {
        let config = DatabaseConfig::from_settings(
            Some("postgres://db/studio".into()),
            Some("25".into()),
            Some("2.5".into()),
        )
        .unwrap();
        assert_eq!(config.max_connections, 25);
        assert_eq!(config.statement_timeout, Duration::from_millis(2500));
        let zero = DatabaseConfig::from_settings(None, Some("0".into()), None).unwrap_err();
        assert!(
            zero.to_string().contains("DATABASE_MAX_CONNECTIONS `0`"),
            "{zero}"
        );
        let forever = DatabaseConfig::from_settings(None, None, Some("never".into())).unwrap_err();
        assert!(
            forever.to_string().contains("DATABASE_STATEMENT_TIMEOUT"),
            "{forever}"
        );
    }
}
