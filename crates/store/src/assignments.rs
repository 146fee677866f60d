//! Account teams: who is on which account, with which role and access. Closing an assignment
//! sets `until`; the history stays.

use chrono::{DateTime, NaiveDateTime, Utc};
use continuity_domain::rules::RuleError;
use continuity_domain::{Access, AssignmentRole, UserStatus};
use diesel::prelude::*;
use serde::Serialize;

use crate::audit::{self, Change};
use crate::connection::write_transaction;
use crate::schema::{assignments, users};
use crate::{from_db_time, to_db_time, AnyConnection, StoreError, StoreResult};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assignment {
    pub id: i64,
    pub account_id: i64,
    pub user_id: i64,
    pub display_name: String,
    pub user_status: UserStatus,
    pub role: AssignmentRole,
    pub access: Access,
    pub since: DateTime<Utc>,
    pub until: Option<DateTime<Utc>>,
    pub version: i64,
}

type AssignmentRow = (i64, i64, i64, String, String, String, String, NaiveDateTime, Option<NaiveDateTime>, i64);

fn to_assignment(row: AssignmentRow) -> StoreResult<Assignment> {
    let (id, account_id, user_id, display_name, user_status, role, access, since, until, version) = row;
    Ok(Assignment {
        id,
        account_id,
        user_id,
        display_name,
        user_status: user_status.parse().map_err(|e| StoreError::corrupt("users.status", e))?,
        role: role.parse().map_err(|e| StoreError::corrupt("assignments.role", e))?,
        access: access.parse().map_err(|e| StoreError::corrupt("assignments.access", e))?,
        since: from_db_time(since),
        until: until.map(from_db_time),
        version,
    })
}

/// An account's team: the open assignments (owners first), or its whole history.
pub fn list_for_account(
    conn: &mut AnyConnection,
    account_id: i64,
    include_closed: bool,
) -> StoreResult<Vec<Assignment>> {
    let mut query = assignments::table
        .inner_join(users::table)
        .filter(assignments::account_id.eq(account_id))
        .select((
            assignments::id,
            assignments::account_id,
            assignments::user_id,
            users::display_name,
            users::status,
            assignments::role,
            assignments::access,
            assignments::since,
            assignments::until,
            assignments::version,
        ))
        .order(assignments::id)
        .into_boxed();
    if !include_closed {
        query = query.filter(assignments::until.is_null());
    }
    let rows: Vec<AssignmentRow> = query.load(conn)?;
    let mut team: Vec<Assignment> = rows.into_iter().map(to_assignment).collect::<StoreResult<_>>()?;
    let rank = |role: AssignmentRole| AssignmentRole::ALL.iter().position(|r| *r == role).unwrap_or(usize::MAX);
    team.sort_by_key(|assignment| (assignment.until.is_some(), rank(assignment.role), assignment.id));
    Ok(team)
}

/// The user's open assignment on an account.
pub fn open_of(conn: &mut AnyConnection, account_id: i64, user_id: i64) -> StoreResult<Option<Assignment>> {
    Ok(list_for_account(conn, account_id, false)?.into_iter().find(|assignment| assignment.user_id == user_id))
}

/// A user's place on an account team, as [`put`] opens or changes it; `expected_version`
/// is the open assignment's when there is one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub account_id: i64,
    pub user_id: i64,
    pub role: AssignmentRole,
    pub access: Access,
    pub expected_version: Option<i64>,
}

/// Opens an assignment, or changes the open one (then `expected_version` must match it).
/// Answers the assignment and whether it was newly opened.
pub fn put(
    conn: &mut AnyConnection,
    placement: Placement,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<(Assignment, bool)> {
    write_transaction(conn, now, |conn| apply_put(conn, placement, actor_id, now))
}

/// [`put`] inside the caller's transaction.
pub fn apply_put(
    conn: &mut AnyConnection,
    placement: Placement,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<(Assignment, bool)> {
    let Placement { account_id, user_id, role, access, expected_version } = placement;
    let team_id = crate::accounts::team_of(conn, account_id)?;
    let status: Option<String> = users::table.find(user_id).select(users::status).first(conn).optional()?;
    match status.as_deref() {
        None => return Err(RuleError::invalid("user_id", "no such user").into()),
        Some(status) if status == UserStatus::Departed.as_str() => {
            return Err(RuleError::invalid("user_id", "the user has departed and cannot join an account team").into())
        }
        Some(_) => {}
    }
    let opened = match open_of(conn, account_id, user_id)? {
        Some(existing) => {
            let Some(expected_version) = expected_version else {
                return Err(StoreError::VersionRequired);
            };
            if existing.version != expected_version {
                return Err(StoreError::StaleVersion);
            }
            let changed = diesel::update(
                assignments::table
                    .filter(assignments::id.eq(existing.id).and(assignments::version.eq(expected_version))),
            )
            .set((
                assignments::role.eq(role.as_str()),
                assignments::access.eq(access.as_str()),
                assignments::version.eq(assignments::version + 1),
            ))
            .execute(conn)?;
            if changed == 0 {
                return Err(StoreError::StaleVersion);
            }
            let before =
                serde_json::json!({"user_id": user_id.to_string(), "role": existing.role, "access": existing.access});
            let after = serde_json::json!({"user_id": user_id.to_string(), "role": role, "access": access});
            audit::record(
                conn,
                Change::new(actor_id, "assignment", existing.id, "update")
                    .before(&before)
                    .after(&after)
                    .on_account(account_id, team_id),
                now,
            )?;
            false
        }
        None => {
            let id: i64 = diesel::insert_into(assignments::table)
                .values((
                    assignments::account_id.eq(account_id),
                    assignments::user_id.eq(user_id),
                    assignments::role.eq(role.as_str()),
                    assignments::access.eq(access.as_str()),
                    assignments::since.eq(to_db_time(now)),
                ))
                .returning(assignments::id)
                .get_result(conn)
                .map_err(|e| StoreError::on_unique(e, "user_id"))?;
            let after = serde_json::json!({"user_id": user_id.to_string(), "role": role, "access": access});
            audit::record(
                conn,
                Change::new(actor_id, "assignment", id, "open").after(&after).on_account(account_id, team_id),
                now,
            )?;
            true
        }
    };
    let assignment = open_of(conn, account_id, user_id)?.ok_or(StoreError::NotFound)?;
    Ok((assignment, opened))
}

/// Closes the user's open assignment (sets `until`) if `expected_version` is current.
pub fn close(
    conn: &mut AnyConnection,
    account_id: i64,
    user_id: i64,
    expected_version: i64,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Assignment> {
    write_transaction(conn, now, |conn| apply_close(conn, account_id, user_id, Some(expected_version), actor_id, now))
}

/// [`close`] inside the caller's transaction; `None` skips the version check (plans).
pub fn apply_close(
    conn: &mut AnyConnection,
    account_id: i64,
    user_id: i64,
    expected_version: Option<i64>,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Assignment> {
    let team_id = crate::accounts::team_of(conn, account_id)?;
    let existing = open_of(conn, account_id, user_id)?.ok_or(StoreError::NotFound)?;
    let version = expected_version.unwrap_or(existing.version);
    if existing.version != version {
        return Err(StoreError::StaleVersion);
    }
    let changed = diesel::update(
        assignments::table.filter(assignments::id.eq(existing.id).and(assignments::version.eq(version))),
    )
    .set((assignments::until.eq(to_db_time(now)), assignments::version.eq(assignments::version + 1)))
    .execute(conn)?;
    if changed == 0 {
        return Err(StoreError::StaleVersion);
    }
    let before = serde_json::json!({"user_id": user_id.to_string(), "role": existing.role, "access": existing.access});
    audit::record(
        conn,
        Change::new(actor_id, "assignment", existing.id, "close").before(&before).on_account(account_id, team_id),
        now,
    )?;
    let closed = list_for_account(conn, account_id, true)?
        .into_iter()
        .find(|assignment| assignment.id == existing.id)
        .ok_or(StoreError::NotFound)?;
    Ok(closed)
}
