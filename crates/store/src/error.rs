use diesel::result::{DatabaseErrorKind, Error as DieselError};

/// What can go wrong in the store, in terms the API maps to HTTP answers.
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
    /// A rule of the domain refused the write; `field` names the input at fault, if any.
    #[error("{reason}")]
    Refused { field: Option<&'static str>, reason: String },
    /// The record's state does not allow the write (e.g. a closed event); `field` names the
    /// state at fault.
    #[error("{reason}")]
    Conflict { field: Option<&'static str>, reason: String },
    /// A write that other records block (e.g. a departure while accounts hang on the person);
    /// `account_ids` names them.
    #[error("{reason}")]
    Blocked { reason: String, account_ids: Vec<i64> },
    /// The record is not in a state that allows this (e.g. a campaign already sent); `field`
    /// names the state.
    #[error("{reason}")]
    WrongState { field: &'static str, reason: String },
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Database(#[from] DieselError),
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

    /// Maps a unique-constraint violation to `Duplicate { field }`, anything else unchanged.
    pub fn on_unique(error: DieselError, field: &'static str) -> StoreError {
        match error {
            DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => StoreError::Duplicate { field },
            other => StoreError::Database(other),
        }
    }
}
