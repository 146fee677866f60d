//! The firm's settings of the continuity model (PRODUCT.md, "The thresholds are the firm's"):
//! one row of `settings` holding the JSON document of [`Settings`], its version (the ETag) and
//! who changed it last; and the recompute of every account that a change starts.
//!
//! The recompute runs off the request path: [`update`] marks it `running` in the same row, and
//! a background worker of any server takes it with [`run_recompute`] and records its
//! progress per batch, in the batch's own transaction. Because the state lives in the
//! database, every server answers the same progress, and a recompute whose server stopped is
//! resumed after the last batch it committed: at once by a server of the same name (the
//! same server restarted), by any other once the one running it has reported nothing for
//! [`RECOMPUTE_LEASE`]. A change made while a recompute runs starts it again from the
//! first account, with the newer settings.

use chrono::{DateTime, Duration, Utc};
use continuity_domain::continuity::Settings;
use continuity_domain::rules::RuleError;
use diesel::prelude::*;
use serde::Serialize;

use crate::audit::{self, Change};
use crate::connection::write_transaction;
use crate::figures::{recompute_pass, NextBatch, Recomputed};
use crate::schema::{accounts, settings};
use crate::{from_db_time, to_db_time, AnyConnection, StoreError, StoreResult};

/// The id of the one row.
pub(crate) const ROW_ID: i64 = 1;

/// How long a running recompute belongs to the server that last reported progress on it;
/// after that, another server takes it over (its own server, restarted, at once).
pub const RECOMPUTE_LEASE: Duration = Duration::seconds(30);

/// How long a failed recompute waits before a worker tries it again.
pub const RECOMPUTE_RETRY_AFTER: Duration = Duration::seconds(60);

/// Where the recompute after the last change stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecomputeState {
    /// Every account's figures follow the settings in force (or no change was made yet).
    Idle,
    Running,
    /// The last attempt stopped on an error; it is tried again after [`RECOMPUTE_RETRY_AFTER`].
    Failed,
}

impl RecomputeState {
    pub fn as_str(self) -> &'static str {
        match self {
            RecomputeState::Idle => "idle",
            RecomputeState::Running => "running",
            RecomputeState::Failed => "failed",
        }
    }

    fn parse(text: &str) -> StoreResult<RecomputeState> {
        match text {
            "idle" => Ok(RecomputeState::Idle),
            "running" => Ok(RecomputeState::Running),
            "failed" => Ok(RecomputeState::Failed),
            other => Err(StoreError::corrupt("settings.recompute_state", other)),
        }
    }
}

/// The progress of the recompute after the last change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecomputeProgress {
    pub state: RecomputeState,
    /// Accounts recomputed so far (never more than `total`).
    pub done: i64,
    /// Accounts there were when the change was made.
    pub total: i64,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
}

/// The settings in force and what is known around them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredSettings {
    pub values: Settings,
    /// Starts at 1; each change adds one (the ETag).
    pub version: i64,
    pub updated_at: Option<DateTime<Utc>>,
    pub updated_by: Option<i64>,
    pub recompute: RecomputeProgress,
}

/// Reads a stored settings document: a value it leaves out takes its default.
pub(crate) fn parse_document(text: &str) -> StoreResult<Settings> {
    serde_json::from_str(text).map_err(|error| StoreError::corrupt("settings.document", error))
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = settings)]
struct SettingsRow {
    document: String,
    version: i64,
    updated_at: Option<chrono::NaiveDateTime>,
    updated_by: Option<i64>,
    recompute_state: String,
    recompute_version: Option<i64>,
    recompute_done: i64,
    recompute_total: i64,
    recompute_after_id: Option<i64>,
    recompute_started_at: Option<chrono::NaiveDateTime>,
    recompute_finished_at: Option<chrono::NaiveDateTime>,
    recompute_worker: Option<String>,
    recompute_heartbeat_at: Option<chrono::NaiveDateTime>,
}

fn row(conn: &mut AnyConnection) -> StoreResult<SettingsRow> {
    settings::table.find(ROW_ID).select(SettingsRow::as_select()).first(conn).optional()?.ok_or(StoreError::NotFound)
}

/// The settings in force, their version and the recompute's progress.
pub fn get(conn: &mut AnyConnection) -> StoreResult<StoredSettings> {
    let row = row(conn)?;
    Ok(StoredSettings {
        values: parse_document(&row.document)?,
        version: row.version,
        updated_at: row.updated_at.map(from_db_time),
        updated_by: row.updated_by,
        recompute: RecomputeProgress {
            state: RecomputeState::parse(&row.recompute_state)?,
            // Accounts created during a recompute are counted by it but not in its total.
            done: row.recompute_done.min(row.recompute_total),
            total: row.recompute_total,
            started_at: row.recompute_started_at.map(from_db_time),
            finished_at: row.recompute_finished_at.map(from_db_time),
        },
    })
}

/// Locks the settings row until the transaction ends (PostgreSQL; SQLite's writers are
/// serialised by [`write_transaction`]), so that a read-then-write on it is not interleaved
/// with another server's.
fn lock_row(conn: &mut AnyConnection) -> StoreResult<()> {
    if let AnyConnection::Postgresql(pg) = conn {
        diesel::sql_query(format!("SELECT id FROM settings WHERE id = {ROW_ID} FOR UPDATE")).execute(pg)?;
    }
    Ok(())
}

/// A number for the audit trail: whole values as integers (days, counts), others as they are.
fn audit_number(value: f64) -> serde_json::Value {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if value.fract() == 0.0 && value.abs() < EXACT {
        serde_json::Value::from(value as i64)
    } else {
        serde_json::Value::from(value)
    }
}

/// Replaces the settings with `values` if `expected_version` is current, after the domain's
/// ranges accept every value ([`Settings::validate`]; a refusal names the setting and
/// changes nothing). The audit entry lists the changed settings, old → new. A change marks
/// the recompute of every account `running` from the first account (the background worker
/// does it); a document that changes nothing writes nothing.
pub fn update(
    conn: &mut AnyConnection,
    expected_version: i64,
    values: &Settings,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<StoredSettings> {
    values.validate().map_err(RuleError::from)?;
    write_transaction(conn, now, |conn| {
        lock_row(conn)?;
        let current = get(conn)?;
        if current.version != expected_version {
            return Err(StoreError::StaleVersion);
        }
        let changes = current.values.changes_to(values);
        if changes.is_empty() {
            return Ok(current);
        }
        let document =
            serde_json::to_string(values).map_err(|error| StoreError::corrupt("settings.document", error))?;
        let total: i64 = accounts::table.count().get_result(conn)?;
        let at = to_db_time(now);
        let changed =
            diesel::update(settings::table.filter(settings::id.eq(ROW_ID).and(settings::version.eq(expected_version))))
                .set((
                    settings::document.eq(document),
                    settings::version.eq(expected_version + 1),
                    settings::updated_at.eq(Some(at)),
                    settings::updated_by.eq(actor_id),
                    settings::recompute_state.eq(RecomputeState::Running.as_str()),
                    settings::recompute_version.eq(Some(expected_version + 1)),
                    settings::recompute_done.eq(0),
                    settings::recompute_total.eq(total),
                    settings::recompute_after_id.eq(None::<i64>),
                    settings::recompute_started_at.eq(Some(at)),
                    settings::recompute_finished_at.eq(None::<chrono::NaiveDateTime>),
                    settings::recompute_worker.eq(None::<String>),
                    settings::recompute_heartbeat_at.eq(None::<chrono::NaiveDateTime>),
                ))
                .execute(conn)?;
        if changed == 0 {
            return Err(StoreError::StaleVersion);
        }
        let before: serde_json::Map<String, serde_json::Value> =
            changes.iter().map(|(name, before, _)| ((*name).to_owned(), audit_number(*before))).collect();
        let after: serde_json::Map<String, serde_json::Value> =
            changes.iter().map(|(name, _, after)| ((*name).to_owned(), audit_number(*after))).collect();
        audit::record(conn, Change::new(actor_id, "settings", ROW_ID, "update").before(&before).after(&after), now)?;
        get(conn)
    })
}

/// A recompute a worker has taken: the settings version it applies and the last account
/// already done.
#[derive(Debug, Clone, Copy)]
struct Job {
    version: i64,
    after_id: Option<i64>,
}

/// Takes the recompute for `worker` if it is waiting: marked running and nobody's, or its
/// worker's lease ran out, or it is `worker`'s own (the same server, restarted), or it
/// failed long enough ago to be tried again.
fn claim(conn: &mut AnyConnection, worker: &str, now: DateTime<Utc>) -> StoreResult<Option<Job>> {
    // Most polls find nothing to do: read before taking the write lock.
    let seen = row(conn)?;
    if seen.recompute_state == RecomputeState::Idle.as_str() {
        return Ok(None);
    }
    write_transaction(conn, now, |conn| {
        lock_row(conn)?;
        let row = row(conn)?;
        let lease_ended =
            |at: Option<chrono::NaiveDateTime>, after: Duration| at.is_none_or(|at| from_db_time(at) + after < now);
        let claimable = match RecomputeState::parse(&row.recompute_state)? {
            RecomputeState::Idle => false,
            RecomputeState::Running => match row.recompute_worker.as_deref() {
                None => true,
                Some(owner) => owner == worker || lease_ended(row.recompute_heartbeat_at, RECOMPUTE_LEASE),
            },
            RecomputeState::Failed => lease_ended(row.recompute_finished_at, RECOMPUTE_RETRY_AFTER),
        };
        let Some(version) = row.recompute_version.filter(|_| claimable) else {
            return Ok(None);
        };
        diesel::update(settings::table.find(ROW_ID))
            .set((
                settings::recompute_state.eq(RecomputeState::Running.as_str()),
                settings::recompute_worker.eq(Some(worker)),
                settings::recompute_heartbeat_at.eq(Some(to_db_time(now))),
                settings::recompute_finished_at.eq(None::<chrono::NaiveDateTime>),
            ))
            .execute(conn)?;
        Ok(Some(Job { version, after_id: row.recompute_after_id }))
    })
}

/// The row as long as it still holds `worker`'s recompute of `version` (a newer change, or a
/// worker that took it over, makes it someone else's).
macro_rules! owned_by {
    ($worker:expr, $version:expr) => {
        settings::table.filter(
            settings::id
                .eq(ROW_ID)
                .and(settings::recompute_state.eq(RecomputeState::Running.as_str()))
                .and(settings::recompute_worker.eq($worker))
                .and(settings::recompute_version.eq($version)),
        )
    };
}

/// How a worker runs a recompute.
pub struct RecomputeOptions<'a> {
    /// This server's name: a recompute it was running when it stopped is its own again at
    /// start-up.
    pub worker: &'a str,
    /// Accounts per batch (and per progress report).
    pub batch_accounts: usize,
    /// The time of each report (the figures are computed at the time the run starts).
    pub clock: &'a dyn Fn() -> DateTime<Utc>,
    /// Asked after each batch: `true` leaves the rest to be resumed (the server is stopping).
    pub should_stop: &'a dyn Fn() -> bool,
}

/// What [`run_recompute`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecomputeRun {
    /// No recompute was waiting (or another worker holds it).
    Nothing,
    /// The recompute finished: every account follows the settings in force.
    Finished(Recomputed),
    /// Stopped on request, to be resumed after its last batch.
    Paused,
}

/// Runs the recompute after a settings change, if one is waiting (marked running and
/// nobody's, this worker's own, one whose worker's lease ran out, or a failed one due for
/// another try): every account after the last one done, in batches, each batch recording its
/// progress in its own transaction. A change made meanwhile restarts it from the first
/// account; an error marks it `failed` (tried again later) and is answered.
pub fn run_recompute(conn: &mut AnyConnection, options: &RecomputeOptions<'_>) -> StoreResult<RecomputeRun> {
    let worker = options.worker;
    while let Some(job) = claim(conn, worker, (options.clock)())? {
        let mut paused = false;
        let pass = recompute_pass(conn, (options.clock)(), job.after_id, options.batch_accounts, |conn, batch| {
            let reported = diesel::update(owned_by!(worker, job.version))
                .set((
                    settings::recompute_done.eq(settings::recompute_done + i64::try_from(batch.accounts).unwrap_or(0)),
                    settings::recompute_after_id.eq(Some(batch.last_account_id)),
                    settings::recompute_heartbeat_at.eq(Some(to_db_time((options.clock)()))),
                ))
                .execute(conn)?;
            if reported == 0 {
                // Superseded by a newer change, or taken over: this pass is no longer wanted.
                return Ok(NextBatch::Stop);
            }
            paused = (options.should_stop)();
            Ok(if paused { NextBatch::Stop } else { NextBatch::Continue })
        });
        let now = (options.clock)();
        match pass {
            Ok(_) if paused => return Ok(RecomputeRun::Paused),
            Ok(done) if done.stopped => continue,
            Ok(done) => {
                let finished = write_transaction(conn, now, |conn| {
                    diesel::update(owned_by!(worker, job.version))
                        .set((
                            settings::recompute_state.eq(RecomputeState::Idle.as_str()),
                            settings::recompute_done.eq(settings::recompute_total),
                            settings::recompute_finished_at.eq(Some(to_db_time(now))),
                            settings::recompute_worker.eq(None::<String>),
                            settings::recompute_heartbeat_at.eq(None::<chrono::NaiveDateTime>),
                        ))
                        .execute(conn)
                        .map_err(StoreError::from)
                })?;
                if finished == 1 {
                    return Ok(RecomputeRun::Finished(done));
                }
            }
            Err(error) => {
                let failed = write_transaction(conn, now, |conn| {
                    diesel::update(owned_by!(worker, job.version))
                        .set((
                            settings::recompute_state.eq(RecomputeState::Failed.as_str()),
                            settings::recompute_finished_at.eq(Some(to_db_time(now))),
                            settings::recompute_worker.eq(None::<String>),
                        ))
                        .execute(conn)
                        .map_err(StoreError::from)
                });
                if let Err(also) = failed {
                    tracing::warn!(error = %also, "could not mark the settings recompute failed");
                }
                return Err(error);
            }
        }
    }
    Ok(RecomputeRun::Nothing)
}
