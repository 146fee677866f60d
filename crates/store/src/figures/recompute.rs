//! Recomputing stored figures: the accounts a write noted (see [`super::pending`]), and every
//! account for the periodic refresh (decay with time) and `continuity recompute`.

use chrono::{DateTime, Utc};
use continuity_domain::continuity::{assess, AccountRisk};
use diesel::prelude::*;

use super::facts::{
    all_employees, coverage_policies, employees_by_id, facts_of, load_batch, people_of, settings, sorted_unique,
    AccountRow, Batch, BATCH_ACCOUNTS,
};
use super::stored::store_all;
use crate::schema::{account_risk, accounts};
use crate::{AnyConnection, StoreError, StoreResult};

/// Locks these accounts' rows until the caller's transaction ends, before their figures are
/// recomputed. On PostgreSQL two transactions writing to one account (two servers, or two
/// threads of one) could otherwise both read the same stored figures: the later one's
/// recompute would miss the other's change, and `risk_totals` would move by the same old
/// difference twice. `FOR NO KEY UPDATE` waits for the other writer's commit (so the reads
/// after it see that write) without conflicting with the key-share locks that inserting a
/// child row takes; ids in ascending order, so writers lock several accounts in one order.
/// SQLite needs nothing: its writers are serialised (see
/// [`write_transaction`](crate::connection::write_transaction)).
pub(super) fn lock_accounts(conn: &mut AnyConnection, account_ids: &[i64]) -> StoreResult<()> {
    let AnyConnection::Postgresql(pg) = conn else {
        return Ok(());
    };
    if account_ids.is_empty() {
        return Ok(());
    }
    // Integers only, written inline (the list may be a thousand long).
    let ids: Vec<String> = account_ids.iter().map(i64::to_string).collect();
    diesel::sql_query(format!(
        "SELECT id FROM accounts WHERE id IN ({}) ORDER BY id FOR NO KEY UPDATE",
        ids.join(", ")
    ))
    .execute(pg)?;
    Ok(())
}

/// Recomputes and stores the figures of many accounts inside the caller's transaction (bulk
/// writes such as imports): loaded in batches with a few queries each and written back with
/// one statement set per batch, the same figures as [`recompute`] of each. Answers how many.
///
/// The settings are read after the accounts are locked: a write that waited for a batch of
/// the recompute after a settings change then assesses with the new settings, never with
/// the ones it might have read before that change committed.
pub fn recompute_accounts(conn: &mut AnyConnection, account_ids: &[i64], now: DateTime<Utc>) -> StoreResult<usize> {
    let policies = coverage_policies(conn)?;
    let mut count = 0;
    for chunk in sorted_unique(account_ids).chunks(BATCH_ACCOUNTS) {
        lock_accounts(conn, chunk)?;
        let settings = settings(conn)?;
        let facts = facts_of(conn, chunk, &settings, now)?;
        let employees = employees_by_id(conn, &people_of(&facts))?;
        let risks: Vec<AccountRisk> =
            facts.iter().map(|account| assess(account, &employees, &policies, &settings, now)).collect();
        store_all(conn, &risks, &employees)?;
        count += risks.len();
    }
    Ok(count)
}

/// What a full recompute did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Recomputed {
    /// Accounts assessed.
    pub accounts: usize,
    /// Accounts whose stored figures changed (and were rewritten).
    pub written: usize,
    /// The pass ended before the last account because its caller asked it to (see
    /// [`recompute_pass`]).
    pub stopped: bool,
}

/// One committed batch of a full pass, as [`recompute_pass`] reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchDone {
    /// The highest account id of the batch: a pass resumed after it misses nothing.
    pub last_account_id: i64,
    /// Accounts assessed in the batch.
    pub accounts: usize,
}

/// Whether a full pass goes on after a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextBatch {
    Continue,
    Stop,
}

/// Recomputes every account (the periodic refresh for decay with time, and `continuity
/// recompute`) in one pass over the store: batches of accounts in id order, each read with a
/// handful of queries and written back in one short transaction, rewriting only the accounts
/// whose figures changed. Gives the same figures as [`recompute`] of each account.
pub fn recompute_all(conn: &mut AnyConnection, now: DateTime<Utc>) -> StoreResult<Recomputed> {
    recompute_pass(conn, now, None, BATCH_ACCOUNTS, |_, _| Ok(NextBatch::Continue))
}

/// [`recompute_all`] from the accounts after `after_account_id` (all of them when `None`), in
/// batches of `batch_accounts`. `on_batch` runs inside each batch's transaction, after its
/// figures are written, so what it records (progress) commits with them; answering
/// [`NextBatch::Stop`] ends the pass there (that batch still commits).
///
/// Each batch reads the settings in force after locking its accounts: a pass that a
/// settings change overtakes assesses its later batches with the new settings (the
/// recompute after that change covers the earlier ones).
pub fn recompute_pass(
    conn: &mut AnyConnection,
    now: DateTime<Utc>,
    after_account_id: Option<i64>,
    batch_accounts: usize,
    mut on_batch: impl FnMut(&mut AnyConnection, BatchDone) -> StoreResult<NextBatch>,
) -> StoreResult<Recomputed> {
    let employees = all_employees(conn)?;
    let policies = coverage_policies(conn)?;
    let batch_size = i64::try_from(batch_accounts.max(1)).unwrap_or(i64::MAX);
    let mut after = after_account_id.unwrap_or(i64::MIN);
    let mut done = Recomputed::default();
    loop {
        let next = crate::connection::write_transaction(conn, now, |conn| {
            let ids: Vec<i64> = accounts::table
                .filter(accounts::id.gt(after))
                .select(accounts::id)
                .order(accounts::id)
                .limit(batch_size)
                .load(conn)?;
            // A write to one of these accounts waits for the batch (and the batch for it), so
            // that neither overwrites the other's figures with older ones.
            lock_accounts(conn, &ids)?;
            let (Some(&first), Some(&last)) = (ids.first(), ids.last()) else {
                return Ok::<_, StoreError>(None);
            };
            let settings = settings(conn)?;
            let accounts: Vec<AccountRow> = accounts::table
                .filter(accounts::id.between(first, last))
                .select(AccountRow::as_select())
                .order(accounts::id)
                .load(conn)?;
            let facts = load_batch(conn, accounts, Batch::Range { first, last }, &settings, now)?;
            super::pending::forget(conn, first, last)?;
            let risks: Vec<AccountRisk> =
                facts.iter().map(|account| assess(account, &employees, &policies, &settings, now)).collect();
            done.written += store_all(conn, &risks, &employees)?;
            done.accounts += risks.len();
            after = last;
            on_batch(conn, BatchDone { last_account_id: last, accounts: risks.len() }).map(Some)
        })?;
        match next {
            None => return Ok(done),
            Some(NextBatch::Continue) => {}
            Some(NextBatch::Stop) => return Ok(Recomputed { stopped: true, ..done }),
        }
    }
}

/// Computes the figures of every account that has none (after a migration dropped them);
/// answers how many.
pub fn recompute_missing(conn: &mut AnyConnection, now: DateTime<Utc>) -> StoreResult<usize> {
    let missing: Vec<i64> = accounts::table
        .filter(diesel::dsl::not(diesel::dsl::exists(
            account_risk::table.filter(account_risk::account_id.eq(accounts::id)),
        )))
        .select(accounts::id)
        .order(accounts::id)
        .load(conn)?;
    for chunk in missing.chunks(BATCH_ACCOUNTS) {
        crate::connection::write_transaction(conn, now, |conn| recompute_accounts(conn, chunk, now))?;
    }
    Ok(missing.len())
}
