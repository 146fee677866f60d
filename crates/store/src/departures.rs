//! Departure plans and their handovers (PRODUCT.md, "Departure plan"): when an employee is
//! leaving, every account they hold or are assigned to gets a handover — a successor and a due
//! date, or a waiver with a reason. A handover becomes `introduced` once an interaction is
//! logged in which the successor and one of the account's contacts took part, and `done` when
//! the plan is applied, which moves the assignments in one transaction.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use continuity_domain::rules::{self, RuleError};
use continuity_domain::{DeparturePlanStatus, HandoverStatus, UserStatus};
use diesel::prelude::*;
use serde::Serialize;

use crate::audit::{self, Change};
use crate::connection::write_transaction;
use crate::schema::{accounts, departure_plans, handovers};
use crate::{assignments, figures, from_db_time, to_db_time, users, AnyConnection, StoreError, StoreResult};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub id: i64,
    pub user_id: i64,
    pub leave_date: NaiveDate,
    pub status: DeparturePlanStatus,
    pub created_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub applied_at: Option<DateTime<Utc>>,
    /// When and why the plan was cancelled (status `cancelled`).
    pub cancelled_at: Option<DateTime<Utc>>,
    pub cancel_reason: Option<String>,
    pub version: i64,
    pub handovers: Vec<Handover>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Handover {
    pub id: i64,
    pub account_id: i64,
    pub team_id: i64,
    pub successor_id: Option<i64>,
    pub due_date: Option<NaiveDate>,
    pub waiver_reason: Option<String>,
    pub status: HandoverStatus,
    pub version: i64,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = departure_plans)]
struct PlanRow {
    id: i64,
    user_id: i64,
    leave_date: NaiveDate,
    status: String,
    created_by: Option<i64>,
    created_at: NaiveDateTime,
    applied_at: Option<NaiveDateTime>,
    cancelled_at: Option<NaiveDateTime>,
    cancel_reason: Option<String>,
    version: i64,
}
type HandoverRow = (i64, i64, i64, Option<i64>, Option<NaiveDate>, Option<String>, String, i64);

fn refused(field: &'static str, reason: impl Into<String>) -> StoreError {
    RuleError::invalid(field, reason).into()
}

fn load_handovers(conn: &mut AnyConnection, plan_id: i64) -> StoreResult<Vec<Handover>> {
    let rows: Vec<HandoverRow> = handovers::table
        .inner_join(accounts::table)
        .filter(handovers::plan_id.eq(plan_id))
        .select((
            handovers::id,
            handovers::account_id,
            accounts::team_id,
            handovers::successor_id,
            handovers::due_date,
            handovers::waiver_reason,
            handovers::status,
            handovers::version,
        ))
        .order(handovers::id)
        .load(conn)?;
    rows.into_iter()
        .map(|(id, account_id, team_id, successor_id, due_date, waiver_reason, status, version)| {
            Ok(Handover {
                id,
                account_id,
                team_id,
                successor_id,
                due_date,
                waiver_reason,
                status: status.parse().map_err(|e| StoreError::corrupt("handovers.status", e))?,
                version,
            })
        })
        .collect()
}

/// A handover someone owes: they are named successor on an open plan and have not yet been
/// introduced (what "what rests on you" lists, and HR's person page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwedHandover {
    pub plan_id: i64,
    pub account_id: i64,
    pub leaver_id: i64,
    pub due_date: Option<NaiveDate>,
}

/// The handovers `successor_id` owes, the earliest due first (those without a date last).
pub fn owed_by(conn: &mut AnyConnection, successor_id: i64) -> StoreResult<Vec<OwedHandover>> {
    let rows: Vec<(i64, i64, i64, Option<NaiveDate>)> = handovers::table
        .inner_join(departure_plans::table)
        .filter(handovers::successor_id.eq(successor_id))
        .filter(handovers::status.eq(HandoverStatus::Planned.as_str()))
        .filter(departure_plans::status.eq(DeparturePlanStatus::Open.as_str()))
        .select((handovers::plan_id, handovers::account_id, departure_plans::user_id, handovers::due_date))
        .order((handovers::due_date.is_null(), handovers::due_date, handovers::id))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(plan_id, account_id, leaver_id, due_date)| OwedHandover { plan_id, account_id, leaver_id, due_date })
        .collect())
}

fn to_plan(conn: &mut AnyConnection, row: PlanRow) -> StoreResult<Plan> {
    let PlanRow {
        id,
        user_id,
        leave_date,
        status,
        created_by,
        created_at,
        applied_at,
        cancelled_at,
        cancel_reason,
        version,
    } = row;
    Ok(Plan {
        id,
        user_id,
        leave_date,
        status: status.parse().map_err(|e| StoreError::corrupt("departure_plans.status", e))?,
        created_by,
        created_at: from_db_time(created_at),
        applied_at: applied_at.map(from_db_time),
        cancelled_at: cancelled_at.map(from_db_time),
        cancel_reason,
        version,
        handovers: load_handovers(conn, id)?,
    })
}

pub fn get(conn: &mut AnyConnection, id: i64) -> StoreResult<Option<Plan>> {
    let row: Option<PlanRow> = departure_plans::table.find(id).select(PlanRow::as_select()).first(conn).optional()?;
    row.map(|row| to_plan(conn, row)).transpose()
}

/// Plans, newest first, after plan `before_id`; `user_ids` limits them to those employees.
pub fn list(
    conn: &mut AnyConnection,
    user_ids: Option<&[i64]>,
    before_id: Option<i64>,
    limit: i64,
) -> StoreResult<Vec<Plan>> {
    let mut query =
        departure_plans::table.select(PlanRow::as_select()).order(departure_plans::id.desc()).limit(limit).into_boxed();
    if let Some(user_ids) = user_ids {
        query = query.filter(departure_plans::user_id.eq_any(user_ids.to_vec()));
    }
    if let Some(before_id) = before_id {
        query = query.filter(departure_plans::id.lt(before_id));
    }
    let rows: Vec<PlanRow> = query.load(conn)?;
    rows.into_iter().map(|row| to_plan(conn, row)).collect()
}

/// Opens a plan for an employee leaving on `leave_date`: marks them `leaving` with that date
/// (which flags their accounts) and adds a handover for every account they hold or are
/// assigned to. One open plan per employee.
pub fn create(
    conn: &mut AnyConnection,
    user_id: i64,
    leave_date: NaiveDate,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Plan> {
    write_transaction(conn, now, |conn| {
        let user = users::get(conn, user_id)?.ok_or_else(|| refused("user_id", "no such employee"))?;
        if user.profile.status == UserStatus::Departed {
            return Err(refused("user_id", "the employee has already departed"));
        }
        let open: i64 = departure_plans::table
            .filter(
                departure_plans::user_id
                    .eq(user_id)
                    .and(departure_plans::status.eq(DeparturePlanStatus::Open.as_str())),
            )
            .count()
            .get_result(conn)?;
        if open > 0 {
            return Err(StoreError::Duplicate { field: "user_id" });
        }
        let mut changes = user.profile.clone();
        changes.status = UserStatus::Leaving;
        changes.leave_date = Some(leave_date);
        users::update(conn, user_id, user.version, &changes, actor_id, now)?;
        let plan_id: i64 = diesel::insert_into(departure_plans::table)
            .values((
                departure_plans::user_id.eq(user_id),
                departure_plans::leave_date.eq(leave_date),
                departure_plans::created_by.eq(actor_id),
                departure_plans::created_at.eq(to_db_time(now)),
            ))
            .returning(departure_plans::id)
            .get_result(conn)?;
        let settings = figures::settings(conn)?;
        for account_id in figures::accounts_touching_user(conn, user_id, &settings, now)? {
            diesel::insert_into(handovers::table)
                .values((handovers::plan_id.eq(plan_id), handovers::account_id.eq(account_id)))
                .execute(conn)?;
        }
        let plan = get(conn, plan_id)?.ok_or(StoreError::NotFound)?;
        let after = serde_json::json!({"user_id": user_id.to_string(), "leave_date": leave_date,
            "account_ids": plan.handovers.iter().map(|h| h.account_id.to_string()).collect::<Vec<_>>()});
        audit::record(
            conn,
            Change::new(actor_id, "departure_plan", plan_id, "create").after(&after).on_team(user.profile.team_id),
            now,
        )?;
        Ok(plan)
    })
}

/// What a handover change sets: a successor (and due date), or a waiver.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum HandoverChange {
    Successor { successor_id: i64, due_date: Option<NaiveDate> },
    Waiver { reason: String },
}

fn check_successor(conn: &mut AnyConnection, plan: &Plan, successor_id: i64) -> StoreResult<()> {
    if successor_id == plan.user_id {
        return Err(refused("successor_id", "the leaver cannot succeed themselves"));
    }
    let successor = users::get(conn, successor_id)?.ok_or_else(|| refused("successor_id", "no such employee"))?;
    if successor.profile.status != UserStatus::Active || successor.profile.leave_date.is_some() {
        return Err(refused("successor_id", format!("{} is leaving too", successor.profile.display_name)));
    }
    Ok(())
}

/// A plan is one aggregate: any change to a handover moves the plan's version (its `ETag`),
/// so applying a plan that changed since it was read answers 412.
fn bump_plan(conn: &mut AnyConnection, plan_id: i64) -> StoreResult<()> {
    diesel::update(departure_plans::table.find(plan_id))
        .set(departure_plans::version.eq(departure_plans::version + 1))
        .execute(conn)?;
    Ok(())
}

/// Sets one handover's successor or waiver if `expected_version` (the handover's) is current.
pub fn update_handover(
    conn: &mut AnyConnection,
    plan_id: i64,
    account_id: i64,
    expected_version: i64,
    change: &HandoverChange,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Plan> {
    if let HandoverChange::Waiver { reason } = change {
        rules::handovers::check_waiver_reason(reason)?;
    }
    write_transaction(conn, now, |conn| {
        let plan = get(conn, plan_id)?.ok_or(StoreError::NotFound)?;
        rules::plan_is_open(plan.status)?;
        let handover = plan.handovers.iter().find(|h| h.account_id == account_id).ok_or(StoreError::NotFound)?;
        if handover.version != expected_version {
            return Err(StoreError::StaleVersion);
        }
        let (successor_id, due_date, waiver_reason) = match change {
            HandoverChange::Successor { successor_id, due_date } => {
                check_successor(conn, &plan, *successor_id)?;
                (Some(*successor_id), *due_date, None)
            }
            HandoverChange::Waiver { reason } => (None, None, Some(reason.trim().to_owned())),
        };
        // A new successor has not been introduced yet.
        let status = if successor_id == handover.successor_id { handover.status } else { HandoverStatus::Planned };
        let changed = diesel::update(
            handovers::table.filter(handovers::id.eq(handover.id).and(handovers::version.eq(expected_version))),
        )
        .set((
            handovers::successor_id.eq(successor_id),
            handovers::due_date.eq(due_date),
            handovers::waiver_reason.eq(&waiver_reason),
            handovers::status.eq(status.as_str()),
            handovers::version.eq(handovers::version + 1),
        ))
        .execute(conn)?;
        if changed == 0 {
            return Err(StoreError::StaleVersion);
        }
        bump_plan(conn, plan_id)?;
        audit::record(
            conn,
            Change::new(actor_id, "handover", handover.id, "update")
                .before(handover)
                .after(change)
                .on_account(account_id, handover.team_id),
            now,
        )?;
        get(conn, plan_id)?.ok_or(StoreError::NotFound)
    })
}

/// After an interaction is logged: the handovers of open plans on this account whose
/// successor took part, together with at least one client contact, become `introduced`.
pub fn note_introductions(
    conn: &mut AnyConnection,
    account_id: i64,
    employee_ids: &[i64],
    contact_count: usize,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    if contact_count == 0 || employee_ids.is_empty() {
        return Ok(());
    }
    let pending: Vec<(i64, i64, Option<i64>)> = handovers::table
        .inner_join(departure_plans::table)
        .filter(handovers::account_id.eq(account_id))
        .filter(handovers::status.eq(HandoverStatus::Planned.as_str()))
        .filter(departure_plans::status.eq(DeparturePlanStatus::Open.as_str()))
        .filter(handovers::successor_id.eq_any(employee_ids.to_vec()))
        .select((handovers::id, handovers::plan_id, handovers::successor_id))
        .load(conn)?;
    for (handover_id, plan_id, successor_id) in pending {
        bump_plan(conn, plan_id)?;
        diesel::update(handovers::table.find(handover_id))
            .set((
                handovers::status.eq(HandoverStatus::Introduced.as_str()),
                handovers::version.eq(handovers::version + 1),
            ))
            .execute(conn)?;
        let after = serde_json::json!({"status": "introduced", "successor_id": successor_id.map(|id| id.to_string())});
        let mut change = Change::new(actor_id, "handover", handover_id, "introduced").after(&after);
        change.account_id = Some(account_id);
        audit::record(conn, change, now)?;
    }
    Ok(())
}

/// Applies a plan in one transaction: every handover must have a successor or a waiver; the
/// leaver's assignments close, each successor takes over the leaver's role and access (keeping
/// a role they already have), handovers become `done`, the plan `applied`. All or nothing.
pub fn apply(
    conn: &mut AnyConnection,
    plan_id: i64,
    expected_version: i64,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Plan> {
    write_transaction(conn, now, |conn| {
        let plan = get(conn, plan_id)?.ok_or(StoreError::NotFound)?;
        let unresolved: Vec<i64> = plan
            .handovers
            .iter()
            .filter(|h| h.successor_id.is_none() && h.waiver_reason.is_none())
            .map(|h| h.account_id)
            .collect();
        if plan.status == DeparturePlanStatus::Open && plan.version != expected_version {
            return Err(StoreError::StaleVersion);
        }
        rules::plan_may_be_applied(plan.status, unresolved)?;
        for handover in &plan.handovers {
            if let Some(successor_id) = handover.successor_id {
                check_successor(conn, &plan, successor_id).map_err(|_| RuleError::Blocked {
                    reason: "a successor is no longer available; choose another".into(),
                    account_ids: vec![handover.account_id],
                })?;
            }
            let leaver = assignments::open_of(conn, handover.account_id, plan.user_id)?;
            if let Some(successor_id) = handover.successor_id {
                if assignments::open_of(conn, handover.account_id, successor_id)?.is_none() {
                    let (role, access) = leaver
                        .as_ref()
                        .map(|a| (a.role, a.access))
                        .unwrap_or((continuity_domain::AssignmentRole::Owner, continuity_domain::Access::Edit));
                    let placement = assignments::Placement {
                        account_id: handover.account_id,
                        user_id: successor_id,
                        role,
                        access,
                        expected_version: None,
                    };
                    assignments::apply_put(conn, placement, actor_id, now)?;
                }
            }
            if leaver.is_some() {
                assignments::apply_close(conn, handover.account_id, plan.user_id, None, actor_id, now)?;
            }
            diesel::update(handovers::table.find(handover.id))
                .set((
                    handovers::status.eq(HandoverStatus::Done.as_str()),
                    handovers::version.eq(handovers::version + 1),
                ))
                .execute(conn)?;
        }
        diesel::update(departure_plans::table.find(plan_id))
            .set((
                departure_plans::status.eq(DeparturePlanStatus::Applied.as_str()),
                departure_plans::applied_at.eq(Some(to_db_time(now))),
                departure_plans::version.eq(departure_plans::version + 1),
            ))
            .execute(conn)?;
        audit::record(conn, Change::new(actor_id, "departure_plan", plan_id, "apply").before(&plan), now)?;
        get(conn, plan_id)?.ok_or(StoreError::NotFound)
    })
}

/// Cancels an open plan if `expected_version` (the plan's) is current: the plan becomes
/// `cancelled` with `reason` (3 to 1 000 characters) and the time, and the cancellation is
/// audited with the reason. Nothing else changes: the employee keeps the status and leave date
/// HR set (HR changes those on the employee if the departure is off), and the handovers stay
/// as they were, but a cancelled plan's successors and waivers no longer let a departure
/// through the guard, nor make anyone a pending successor. The employee may get a new plan.
pub fn cancel(
    conn: &mut AnyConnection,
    plan_id: i64,
    expected_version: i64,
    reason: &str,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Plan> {
    rules::handovers::check_cancel_reason(reason)?;
    let reason = reason.trim();
    write_transaction(conn, now, |conn| {
        let plan = get(conn, plan_id)?.ok_or(StoreError::NotFound)?;
        rules::plan_is_open(plan.status)?;
        if plan.version != expected_version {
            return Err(StoreError::StaleVersion);
        }
        let changed = diesel::update(
            departure_plans::table
                .filter(departure_plans::id.eq(plan_id).and(departure_plans::version.eq(expected_version))),
        )
        .set((
            departure_plans::status.eq(DeparturePlanStatus::Cancelled.as_str()),
            departure_plans::cancelled_at.eq(Some(to_db_time(now))),
            departure_plans::cancel_reason.eq(Some(reason)),
            departure_plans::version.eq(departure_plans::version + 1),
        ))
        .execute(conn)?;
        if changed == 0 {
            return Err(StoreError::StaleVersion);
        }
        let team_id = users::get(conn, plan.user_id)?.and_then(|user| user.profile.team_id);
        let before = serde_json::json!({"status": plan.status});
        let after = serde_json::json!({"status": DeparturePlanStatus::Cancelled, "reason": reason});
        audit::record(
            conn,
            Change::new(actor_id, "departure_plan", plan_id, "cancel").before(&before).after(&after).on_team(team_id),
            now,
        )?;
        get(conn, plan_id)?.ok_or(StoreError::NotFound)
    })
}

/// Whether `user_id` is named successor for `account_id` in an open plan (they may read the
/// account's handover brief before they join its team).
pub fn is_pending_successor(conn: &mut AnyConnection, account_id: i64, user_id: i64) -> StoreResult<bool> {
    let count: i64 = handovers::table
        .inner_join(departure_plans::table)
        .filter(handovers::account_id.eq(account_id).and(handovers::successor_id.eq(user_id)))
        .filter(departure_plans::status.eq(DeparturePlanStatus::Open.as_str()))
        .count()
        .get_result(conn)?;
    Ok(count > 0)
}
