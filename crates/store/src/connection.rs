//! The connection enum over both stores, its pool, and the write-transaction rule.

use chrono::{DateTime, Utc};
use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::prelude::*;
use diesel::r2d2::R2D2Connection;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::StoreError;

/// One connection to whichever store the URL chose.
#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Postgresql(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

/// Which store a URL points at: `postgres://`/`postgresql://` is PostgreSQL, anything else
/// is the path of a SQLite file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Postgres,
    Sqlite,
}

impl Backend {
    pub fn of_url(url: &str) -> Result<Backend, StoreError> {
        let url = url.trim();
        if url.is_empty() {
            return Err(StoreError::BadUrl("the database URL is empty".into()));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Ok(Backend::Sqlite)
        }
    }
}

/// Strips an optional `sqlite://` scheme, leaving the file path.
fn sqlite_path(url: &str) -> &str {
    let url = url.trim();
    url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")).unwrap_or(url)
}

/// Opens connections of the right kind and prepares each SQLite connection (its settings are
/// per connection: without them foreign keys are silently unenforced).
#[derive(Debug)]
pub struct ConnectionManager {
    url: String,
    backend: Backend,
}

impl r2d2::ManageConnection for ConnectionManager {
    type Connection = AnyConnection;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<AnyConnection, Self::Error> {
        match self.backend {
            Backend::Postgres => diesel::PgConnection::establish(&self.url)
                .map(AnyConnection::Postgresql)
                .map_err(diesel::r2d2::Error::ConnectionError),
            Backend::Sqlite => {
                let mut conn = diesel::SqliteConnection::establish(sqlite_path(&self.url))
                    .map_err(diesel::r2d2::Error::ConnectionError)?;
                conn.batch_execute(
                    "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;",
                )
                .map_err(diesel::r2d2::Error::QueryError)?;
                Ok(AnyConnection::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut AnyConnection) -> Result<(), Self::Error> {
        conn.ping().map_err(diesel::r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut AnyConnection) -> bool {
        // diesel only calls a connection broken inside a failed transaction; after the database
        // restarted, an idle connection would fail every query it is given. While connections
        // are being lost, each one returned is checked, and a dead one is dropped.
        conn.is_broken() || (connection_loss_is_recent() && conn.ping().is_err())
    }
}

pub type Pool = r2d2::Pool<ConnectionManager>;
pub type PooledConnection = r2d2::PooledConnection<ConnectionManager>;

/// How long a request waits for a pooled connection before it is answered `503`: with the
/// database down, clients hear so within seconds instead of hanging (the pool keeps trying to
/// reconnect in the background and recovers by itself once the database is back).
pub const CHECKOUT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);

/// The store: a pool of connections to one database.
#[derive(Clone)]
pub struct Store {
    pool: Pool,
    backend: Backend,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("backend", &self.backend).finish()
    }
}

impl Store {
    /// Opens a pool on `url` (see [`Backend::of_url`]). SQLite is switched to WAL once here.
    pub fn open(url: &str, max_connections: u32) -> Result<Store, StoreError> {
        let backend = Backend::of_url(url)?;
        if backend == Backend::Sqlite {
            let mut conn = diesel::SqliteConnection::establish(sqlite_path(url))
                .map_err(|error| StoreError::BadUrl(error.to_string()))?;
            conn.batch_execute("PRAGMA journal_mode = WAL;")?;
        }
        let manager = ConnectionManager { url: url.trim().to_owned(), backend };
        let pool = r2d2::Pool::builder()
            .max_size(max_connections)
            .min_idle(Some(1))
            .test_on_check_out(false)
            .connection_timeout(CHECKOUT_TIMEOUT)
            .build(manager)?;
        Ok(Store { pool, backend })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A pooled connection; call it inside the blocking closure that uses it. Shortly after a
    /// connection was lost (the database stopped or restarted), each one is checked before it
    /// is handed out, so that the first requests after the database is back do not get
    /// connections that died with the old server process.
    pub fn conn(&self) -> Result<PooledConnection, StoreError> {
        let mut conn = self.pool.get()?;
        // At most the pool's size of dead connections can be waiting; then a fresh one is opened.
        for _ in 0..=self.pool.max_size() {
            if !connection_loss_is_recent() || conn.ping().is_ok() {
                return Ok(conn);
            }
            // Dropped: `has_broken` finds it dead too and the pool closes it.
            drop(conn);
            conn = self.pool.get()?;
        }
        Ok(conn)
    }

    /// Whether the database answers (for `/readyz`).
    pub fn ping(&self) -> Result<(), StoreError> {
        let mut conn = self.conn()?;
        conn.ping()?;
        Ok(())
    }
}

/// When a connection to the database was last lost (seconds since the Unix epoch; 0: never).
static LAST_CONNECTION_LOSS: AtomicU64 = AtomicU64::new(0);

/// For how long after a lost connection pooled connections are checked before use and on return.
const CONNECTION_LOSS_WINDOW_SECONDS: u64 = 60;

fn unix_seconds() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|since| since.as_secs()).unwrap_or(0)
}

/// Notes that a query found its connection dead (see [`StoreError`]'s conversion from diesel's
/// errors).
pub(crate) fn note_connection_loss() {
    LAST_CONNECTION_LOSS.store(unix_seconds(), Ordering::Relaxed);
}

fn connection_loss_is_recent() -> bool {
    let last = LAST_CONNECTION_LOSS.load(Ordering::Relaxed);
    last != 0 && unix_seconds().saturating_sub(last) <= CONNECTION_LOSS_WINDOW_SECONDS
}

/// The queue of SQLite write transactions in this process (see [`write_transaction`]).
static SQLITE_WRITER: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Runs `work` in a write transaction and, before it commits, brings the figures of every
/// account it touched up to date at `now` ([`settle`](crate::figures::settle)): no write
/// calls a recompute of its own. On SQLite it starts with `BEGIN IMMEDIATE`, so a transaction
/// that reads before it writes waits for the write lock instead of failing with "database is
/// locked"; on PostgreSQL it is an ordinary transaction. Nested in another write it is a
/// savepoint, and the outermost transaction settles.
pub fn write_transaction<T, E>(
    conn: &mut AnyConnection,
    now: DateTime<Utc>,
    work: impl FnOnce(&mut AnyConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error> + From<StoreError>,
{
    let nested = match conn {
        AnyConnection::Sqlite(inner) => {
            AnsiTransactionManager::transaction_manager_status_mut(inner).transaction_depth()?.is_some()
        }
        AnyConnection::Postgresql(inner) => {
            AnsiTransactionManager::transaction_manager_status_mut(inner).transaction_depth()?.is_some()
        }
    };
    if nested {
        return conn.transaction(work);
    }
    let settled = |conn: &mut AnyConnection| -> Result<T, E> {
        let value = work(conn)?;
        crate::figures::settle(conn, now)?;
        Ok(value)
    };
    let AnyConnection::Sqlite(_) = conn else {
        return conn.transaction(settled);
    };
    // SQLite takes one writer at a time: writers of this process queue here instead of being
    // retried by SQLite's busy handler, which sleeps between attempts (another process, e.g.
    // `continuity recompute` beside the server, still waits through `busy_timeout`).
    let _writer = SQLITE_WRITER.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let AnyConnection::Sqlite(inner) = conn {
        AnsiTransactionManager::begin_transaction_sql(inner, "BEGIN IMMEDIATE")?;
    }
    let outcome = settled(conn);
    let AnyConnection::Sqlite(inner) = conn else {
        return outcome;
    };
    match outcome {
        Ok(value) => match AnsiTransactionManager::commit_transaction(inner) {
            Ok(()) => Ok(value),
            Err(error) => {
                let _ = AnsiTransactionManager::rollback_transaction(inner);
                Err(error.into())
            }
        },
        Err(error) => {
            if let Err(rollback_error) = AnsiTransactionManager::rollback_transaction(inner) {
                tracing::error!(%rollback_error, "rollback failed");
            }
            Err(error)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_scheme_picks_the_store() {
        assert_eq!(Backend::of_url("postgres://u@h/db").ok(), Some(Backend::Postgres));
        assert_eq!(Backend::of_url("postgresql://u@h/db").ok(), Some(Backend::Postgres));
        assert_eq!(Backend::of_url("continuity.sqlite").ok(), Some(Backend::Sqlite));
        assert_eq!(sqlite_path("sqlite:///tmp/x.db"), "/tmp/x.db");
        assert!(Backend::of_url("  ").is_err());
    }
}
