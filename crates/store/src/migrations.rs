//! The embedded migrations, one folder per store with the same migration names.

use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::connection::AnyConnection;
use crate::error::StoreError;

pub const POSTGRES: EmbeddedMigrations = embed_migrations!("../../migrations/postgres");
pub const SQLITE: EmbeddedMigrations = embed_migrations!("../../migrations/sqlite");

/// Applies every pending migration of the connection's store; answers how many ran.
pub fn run_pending(conn: &mut AnyConnection) -> Result<usize, StoreError> {
    let applied = match conn {
        AnyConnection::Postgresql(inner) => inner.run_pending_migrations(POSTGRES).map(|v| v.len()),
        AnyConnection::Sqlite(inner) => inner.run_pending_migrations(SQLITE).map(|v| v.len()),
    };
    applied.map_err(|error| StoreError::Migration(error.to_string()))
}

#[cfg(test)]
mod tests {
    use diesel::migration::MigrationSource;

    use super::*;

    fn names(source: EmbeddedMigrations) -> Vec<String> {
        MigrationSource::<diesel::sqlite::Sqlite>::migrations(&source)
            .map(|list| list.iter().map(|m| m.name().to_string()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn both_stores_have_the_same_migrations() {
        let postgres = names(POSTGRES);
        assert!(!postgres.is_empty());
        assert_eq!(postgres, names(SQLITE));
    }
}
