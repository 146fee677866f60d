//! How a write keeps the figures: database triggers note, in `figures_pending`, the account of
//! every row the figures are made of that a write inserts, changes or deletes (and the employee
//! whose name, status, dates or team change); [`settle`] recomputes each noted account once and
//! deletes the notes. [`write_transaction`](crate::connection::write_transaction) settles just
//! before it commits, so a write path never calls a recompute itself: whatever it writes, the
//! figures it answered with are current when the transaction ends (read your writes), and a bulk
//! write of a thousand rows on one account recomputes that account once.
//!
//! A transaction sees only the notes it made (PostgreSQL) or is the only writer (SQLite), so
//! settling one write never recomputes another's accounts; a note left by a write outside any
//! transaction is taken by the next write or the periodic refresh.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::facts::{accounts_touching_user, settings};
use super::recompute::recompute_accounts;
use crate::{AnyConnection, StoreResult};

mod table {
    // Not in schema.rs: no row outlives the transaction that wrote it, and it has no key.
    diesel::table! {
        figures_pending (account_id) {
            account_id -> Nullable<BigInt>,
            user_id -> Nullable<BigInt>,
        }
    }
}
use table::figures_pending;

/// One note: an account, or an employee whose accounts are meant.
type Note = (Option<i64>, Option<i64>);

/// The accounts whose figures the writes so far in this transaction made stale, without
/// clearing the notes: those noted directly, and those of the noted employees.
pub fn pending_accounts(conn: &mut AnyConnection, now: DateTime<Utc>) -> StoreResult<BTreeSet<i64>> {
    let notes: Vec<Note> =
        figures_pending::table.select((figures_pending::account_id, figures_pending::user_id)).distinct().load(conn)?;
    accounts_of(conn, notes, now)
}

/// The accounts the notes name: each noted account, and each noted employee's (open
/// assignments and interactions in the window at `now`).
fn accounts_of(conn: &mut AnyConnection, notes: Vec<Note>, now: DateTime<Utc>) -> StoreResult<BTreeSet<i64>> {
    let mut accounts = BTreeSet::new();
    let mut users = BTreeSet::new();
    for (account_id, user_id) in notes {
        accounts.extend(account_id);
        users.extend(user_id);
    }
    if users.is_empty() {
        return Ok(accounts);
    }
    let settings = settings(conn)?;
    for user_id in users {
        accounts.extend(accounts_touching_user(conn, user_id, &settings, now)?);
    }
    Ok(accounts)
}

/// Recomputes (at `now`) every account the writes so far in this transaction touched, once,
/// in batches, and clears the notes; answers how many accounts were assessed. Called by the
/// write transaction before it commits, and by a write that reads its own figures back
/// before it returns (an account created and answered with its score). Taking the notes is
/// one statement (`DELETE … RETURNING`), so a write that touched no figures pays one round
/// trip for them.
pub fn settle(conn: &mut AnyConnection, now: DateTime<Utc>) -> StoreResult<usize> {
    let notes: Vec<Note> = diesel::delete(figures_pending::table)
        .returning((figures_pending::account_id, figures_pending::user_id))
        .get_results(conn)?;
    if notes.is_empty() {
        return Ok(0);
    }
    let accounts: Vec<i64> = accounts_of(conn, notes, now)?.into_iter().collect();
    recompute_accounts(conn, &accounts, now)
}

/// Forgets the notes of these accounts: the full recompute has just brought them current.
pub(super) fn forget(conn: &mut AnyConnection, first: i64, last: i64) -> StoreResult<()> {
    diesel::delete(figures_pending::table.filter(figures_pending::account_id.between(first, last))).execute(conn)?;
    Ok(())
}
