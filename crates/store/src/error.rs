use continuity_domain::rules::RuleError;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

/// What can go wrong in the store: storage facts (not found, a stale version, a unique value
/// taken, a lost connection) and the domain's rules refusing a write ([`RuleError`]). The
/// store invents no refusal of its own; the API maps both to problem documents.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A uniqueness rule was broken; `field` names the input that clashed.
    #[error("{field} is already taken")]
    Duplicate { field: &'static str },
    /// The row changed since the caller read it (optimistic concurrency, the `ETag`).
    #[error("the record was changed by someone else")]
    StaleVersion,
    /// A change to an existing record arrived without the version it was read at.
    #[error("send the version the record was read at to change it")]
    VersionRequired,
    /// A rule of the domain refused the write.
    #[error(transparent)]
    Rule(#[from] RuleError),
    /// The store's address does not name a database that can be opened.
    #[error("cannot open the database: {0}")]
    BadUrl(String),
    /// A backup cannot be written as asked.
    #[error("{0}")]
    Backup(String),
    /// A CSV export could not be written.
    #[error("writing the CSV export: {0}")]
    Export(String),
    /// Demo or scale data go only into a store without accounts.
    #[error("the store already holds accounts")]
    NotEmpty,
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Database(DieselError),
    #[error("no database connection: {0}")]
    Pool(#[from] r2d2::Error),
    #[error("migration failed: {0}")]
    Migration(String),
}

impl StoreError {
    /// A stored value that does not parse: names the column and what was wrong.
    pub fn corrupt(column: &str, error: impl std::fmt::Display) -> StoreError {
        StoreError::Corrupt(format!("{column}: {error}"))
    }

    /// Whether the database was out of reach rather than the request at fault: no connection
    /// to be had, a connection that broke mid-query (the server restarted or was stopped), or
    /// a transaction PostgreSQL gave up on (deadlock, serialisation). Nothing was written, and
    /// the same request may succeed a moment later.
    pub fn is_transient(&self) -> bool {
        match self {
            StoreError::Pool(_) => true,
            StoreError::Database(error) => is_transient_database_error(error),
            _ => false,
        }
    }

    /// Maps a unique-constraint violation to `Duplicate { field }`, anything else unchanged.
    pub fn on_unique(error: DieselError, field: &'static str) -> StoreError {
        match error {
            DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => StoreError::Duplicate { field },
            other => StoreError::Database(other),
        }
    }
}

impl From<DieselError> for StoreError {
    fn from(error: DieselError) -> StoreError {
        if is_connection_loss(&error) {
            crate::connection::note_connection_loss();
        }
        StoreError::Database(error)
    }
}

/// The connection broke or the server refused to go on with it (it is shutting down or
/// restarting): the connection is of no more use.
fn is_connection_loss(error: &DieselError) -> bool {
    match error {
        DieselError::DatabaseError(DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand, _) => {
            true
        }
        // diesel has no kind of its own for SQLSTATEs 57P01–57P03; the server's messages are
        // fixed English text.
        DieselError::DatabaseError(DatabaseErrorKind::Unknown, information) => {
            let message = information.message();
            ["terminating connection", "the database system is", "server closed the connection"]
                .iter()
                .any(|known| message.contains(known))
        }
        // A transaction whose connection broke cannot be rolled back.
        DieselError::BrokenTransactionManager => true,
        _ => false,
    }
}

fn is_transient_database_error(error: &DieselError) -> bool {
    match error {
        DieselError::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => true,
        // SQLSTATE 40P01: PostgreSQL rolled the whole transaction back.
        DieselError::DatabaseError(DatabaseErrorKind::Unknown, information)
            if information.message().contains("deadlock detected") =>
        {
            true
        }
        other => is_connection_loss(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lost_connection_is_transient_and_a_refused_write_is_not() {
        let closed = DieselError::DatabaseError(DatabaseErrorKind::ClosedConnection, Box::new("gone".to_owned()));
        assert!(StoreError::Database(closed).is_transient());
        let shutdown = DieselError::DatabaseError(
            DatabaseErrorKind::Unknown,
            Box::new("terminating connection due to administrator command".to_owned()),
        );
        assert!(StoreError::Database(shutdown).is_transient());
        let unique = DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, Box::new("dup".to_owned()));
        assert!(!StoreError::Database(unique).is_transient());
        assert!(!StoreError::StaleVersion.is_transient());
    }
}
