//! Fresh, isolated databases for tests: a temporary SQLite file, or a PostgreSQL schema of its
//! own (reached through `search_path`), so tests run in parallel without seeing each other.
//! The PostgreSQL server is `CONTINUITY_TEST_POSTGRES_URL`, default
//! `postgres://postgres@127.0.0.1:5432/test`.

use std::sync::atomic::{AtomicU64, Ordering};

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};

use crate::{migrations, Backend, Store};

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A database that exists for one test and is removed when dropped.
pub struct TestDatabase {
    pub backend: Backend,
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    SqliteDir(std::path::PathBuf),
    PostgresSchema { server_url: String, schema: String },
}

pub fn postgres_server_url() -> String {
    std::env::var("CONTINUITY_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

fn unique_name() -> String {
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    format!("t{}_{}_{}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed), nanos)
}

impl TestDatabase {
    /// Creates an empty database of `backend`; panics with a clear message if it cannot.
    pub fn new(backend: Backend) -> TestDatabase {
        let name = unique_name();
        match backend {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join(format!("continuity-{name}"));
                if let Err(error) = std::fs::create_dir_all(&dir) {
                    panic!("cannot create {}: {error}", dir.display());
                }
                let url = dir.join("test.sqlite").display().to_string();
                TestDatabase { backend, url, cleanup: Cleanup::SqliteDir(dir) }
            }
            Backend::Postgres => {
                let server_url = postgres_server_url();
                let mut admin = PgConnection::establish(&server_url).unwrap_or_else(|error| {
                    panic!(
                        "PostgreSQL at {server_url} is needed by the tests (set CONTINUITY_TEST_POSTGRES_URL): {error}"
                    )
                });
                if let Err(error) = admin.batch_execute(&format!("CREATE SCHEMA {name}")) {
                    panic!("cannot create schema {name}: {error}");
                }
                let separator = if server_url.contains('?') { '&' } else { '?' };
                let url = format!("{server_url}{separator}options=-csearch_path%3D{name}");
                TestDatabase { backend, url, cleanup: Cleanup::PostgresSchema { server_url, schema: name } }
            }
        }
    }

    /// A migrated store on this database.
    pub fn store(&self) -> Store {
        let store = match Store::open(&self.url, 4) {
            Ok(store) => store,
            Err(error) => panic!("cannot open test store {}: {error}", self.url),
        };
        let migrated = store.conn().and_then(|mut conn| migrations::run_pending(&mut conn));
        if let Err(error) = migrated {
            panic!("cannot migrate test store: {error}");
        }
        store
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::SqliteDir(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::PostgresSchema { server_url, schema } => {
                if let Ok(mut admin) = PgConnection::establish(server_url) {
                    let _ = admin.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
                }
            }
        }
    }
}

/// Runs a test body once on SQLite and once on PostgreSQL, each on a fresh database:
/// `on_both_stores!(fn name(store) { ... })` makes `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! on_both_stores {
    ($(#[$meta:meta])* fn $name:ident($store:ident) $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            fn run($store: $crate::Store) $body

            #[test]
            fn sqlite() {
                let database = $crate::testing::TestDatabase::new($crate::Backend::Sqlite);
                run(database.store());
            }

            #[test]
            fn postgres() {
                let database = $crate::testing::TestDatabase::new($crate::Backend::Postgres);
                run(database.store());
            }
        }
    };
}

/// Every `table.column` of text type whose value contains `needle` (case-insensitive) — for
/// checking that an erasure left no trace anywhere.
pub fn text_columns_containing(conn: &mut crate::AnyConnection, needle: &str) -> Vec<String> {
    use diesel::sql_types::{BigInt, Text};
    use diesel::RunQueryDsl;

    #[derive(diesel::QueryableByName)]
    struct Column {
        #[diesel(sql_type = Text)]
        table_name: String,
        #[diesel(sql_type = Text)]
        column_name: String,
    }
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let columns: Vec<Column> = match conn {
        crate::AnyConnection::Postgresql(_) => diesel::sql_query(
            "SELECT table_name::text AS table_name, column_name::text AS column_name FROM information_schema.columns \
             WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying') \
             AND table_name <> '__diesel_schema_migrations'",
        )
        .load(conn),
        crate::AnyConnection::Sqlite(_) => diesel::sql_query(
            "SELECT m.name AS table_name, p.name AS column_name FROM sqlite_master m, pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__diesel_schema_migrations' \
             AND upper(p.type) = 'TEXT'",
        )
        .load(conn),
    }
    .unwrap_or_else(|error| panic!("cannot list text columns: {error}"));
    assert!(columns.len() > 20, "the schema's text columns were found ({} only)", columns.len());
    let pattern = format!("%{}%", needle.to_lowercase());
    columns
        .into_iter()
        .filter(|column| {
            let query =
                format!("SELECT COUNT(*) AS n FROM {} WHERE lower({}) LIKE $1", column.table_name, column.column_name);
            let query = match conn {
                crate::AnyConnection::Sqlite(_) => query.replace("$1", "?"),
                crate::AnyConnection::Postgresql(_) => query,
            };
            let count: Vec<Count> = diesel::sql_query(query)
                .bind::<Text, _>(&pattern)
                .load(conn)
                .unwrap_or_else(|error| panic!("cannot search {}.{}: {error}", column.table_name, column.column_name));
            count.first().is_some_and(|count| count.n > 0)
        })
        .map(|column| format!("{}.{}", column.table_name, column.column_name))
        .collect()
}
