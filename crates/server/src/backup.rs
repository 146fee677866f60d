//! `continuity backup FILE`: a consistent copy of the live store, taken while the server runs.
//! SQLite: `VACUUM INTO` through an ordinary connection; PostgreSQL: `pg_dump` in its custom
//! format (restore with `pg_restore`). README "Operations" has both restores.

use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::cli::open_store;
use crate::settings::Settings;

pub fn backup(settings: &Settings, file: &Path) -> Result<()> {
    if settings.is_postgres() {
        if file.exists() {
            bail!("{} exists already; name a new file", file.display());
        }
        // A URL with a password shows it to `ps` for as long as the dump runs: keep passwords
        // in ~/.pgpass or PGPASSWORD instead.
        let status = Command::new("pg_dump")
            .args(["--format=custom", "--no-owner", "--file"])
            .arg(file)
            .arg("--dbname")
            .arg(&settings.database_url)
            .status()
            .context("cannot run pg_dump (install the PostgreSQL client tools of the server's major version)")?;
        if !status.success() {
            let _ = std::fs::remove_file(file);
            bail!("pg_dump failed ({status})");
        }
    } else {
        let store = open_store(settings)?;
        let mut conn = store.conn()?;
        continuity_store::backup::sqlite_into(&mut conn, file)?;
    }
    let bytes = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    println!("backed up {} to {} ({bytes} bytes)", settings.database_for_log(), file.display());
    Ok(())
}
