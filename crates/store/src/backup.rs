//! Online backups of a SQLite store (PostgreSQL's are `pg_dump`'s job; see the server's
//! `backup` command).

use diesel::connection::SimpleConnection;

use crate::{AnyConnection, StoreError, StoreResult};

/// Writes a consistent copy of the open SQLite database to `file` with `VACUUM INTO`, while
/// the server keeps serving: it reads one snapshot through SQLite itself, unlike a copy of the
/// file, which can catch a half-written page or miss what is still in the write-ahead log.
/// The copy is a complete database file; restoring is pointing `CONTINUITY_DATABASE_URL` at it
/// (or moving it into place while the server is stopped). Refuses a file that exists.
pub fn sqlite_into(conn: &mut AnyConnection, file: &std::path::Path) -> StoreResult<()> {
    let AnyConnection::Sqlite(sqlite) = conn else {
        return Err(StoreError::Backup("a PostgreSQL store is backed up with pg_dump".into()));
    };
    if file.exists() {
        return Err(StoreError::Backup(format!("{} exists already; name a new file", file.display())));
    }
    let path = file.to_str().ok_or_else(|| StoreError::Backup("the backup's path must be UTF-8".into()))?;
    // A string literal: quotes are doubled.
    sqlite.batch_execute(&format!("VACUUM INTO '{}'", path.replace('\'', "''")))?;
    Ok(())
}
