//! Continuity's storage: one diesel code path over PostgreSQL and SQLite (see STORAGE.md in
//! the design notes). Rows are mapped to domain types here; callers never see SQL.

pub mod accounts;
pub mod assignments;
pub mod audit;
pub mod backup;
pub mod campaigns;
pub mod complaints;
pub mod connection;
pub mod contacts;
pub mod coverage;
pub mod departures;
mod error;
pub mod events;
pub mod export;
pub mod figures;
pub mod import;
pub mod interactions;
pub mod links;
pub mod migrations;
pub mod privacy;
pub mod refresh_tokens;
pub mod schema;
pub mod scope;
pub mod seed;
pub mod settings;
pub mod teams;
mod time;
pub mod users;

pub use connection::{AnyConnection, Backend, Store};
pub use error::StoreError;
pub use time::{from_db_time, to_db_time};

pub type StoreResult<T> = Result<T, StoreError>;

#[cfg(any(test, feature = "testing"))]
pub mod testing;
