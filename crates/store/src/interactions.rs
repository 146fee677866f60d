//! Interactions (touchpoints) with their employee and contact participants; complaints with
//! `open → resolved`. Every write recomputes the account's figures in the same transaction.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use continuity_domain::rules::{self, RuleError};
use continuity_domain::{ComplaintStatus, InteractionKind, OnBehalfOf, UserStatus};
use diesel::prelude::*;
use serde::Serialize;

use crate::audit::{self, Change};
use crate::connection::write_transaction;
use crate::schema::{
    accounts, assignments, contacts, interaction_contacts, interaction_employees, interactions, users,
};
use crate::scope::Scope;
use crate::{from_db_time, scope_accounts, to_db_time, AnyConnection, StoreError, StoreResult};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Interaction {
    pub id: i64,
    pub account_id: i64,
    pub external_id: Option<String>,
    pub kind: InteractionKind,
    pub occurred_at: DateTime<Utc>,
    pub on_behalf_of: OnBehalfOf,
    /// The parts that can change after it was logged.
    #[serde(flatten)]
    pub changes: InteractionChanges,
    pub resolved_at: Option<DateTime<Utc>>,
    pub created_by: Option<i64>,
    pub employee_ids: Vec<i64>,
    pub contact_ids: Vec<i64>,
    /// The client event this touchpoint records (one per attending account), if any.
    pub event_id: Option<i64>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

pub use continuity_domain::rules::interactions::{InteractionChanges, InteractionPatch, NewInteraction};

#[derive(Queryable, Selectable)]
#[diesel(table_name = interactions)]
struct InteractionRow {
    id: i64,
    account_id: i64,
    external_id: Option<String>,
    kind: String,
    occurred_at: NaiveDateTime,
    summary: String,
    on_behalf_of: String,
    complaint_status: Option<String>,
    resolved_at: Option<NaiveDateTime>,
    follow_up_owner_id: Option<i64>,
    follow_up_due: Option<NaiveDate>,
    created_by: Option<i64>,
    version: i64,
    created_at: NaiveDateTime,
    event_id: Option<i64>,
    resolution: Option<String>,
}

/// Loads the participants of `rows` and makes interactions of them.
fn with_participants(conn: &mut AnyConnection, rows: Vec<InteractionRow>) -> StoreResult<Vec<Interaction>> {
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let mut employees: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    let mut people: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    if !ids.is_empty() {
        let pairs: Vec<(i64, i64)> = interaction_employees::table
            .filter(interaction_employees::interaction_id.eq_any(&ids))
            .select((interaction_employees::interaction_id, interaction_employees::user_id))
            .order((interaction_employees::interaction_id, interaction_employees::user_id))
            .load(conn)?;
        for (interaction_id, user_id) in pairs {
            employees.entry(interaction_id).or_default().push(user_id);
        }
        let pairs: Vec<(i64, i64)> = interaction_contacts::table
            .filter(interaction_contacts::interaction_id.eq_any(&ids))
            .select((interaction_contacts::interaction_id, interaction_contacts::contact_id))
            .order((interaction_contacts::interaction_id, interaction_contacts::contact_id))
            .load(conn)?;
        for (interaction_id, contact_id) in pairs {
            people.entry(interaction_id).or_default().push(contact_id);
        }
    }
    rows.into_iter()
        .map(|row| {
            Ok(Interaction {
                id: row.id,
                account_id: row.account_id,
                external_id: row.external_id,
                kind: row.kind.parse().map_err(|e| StoreError::corrupt("interactions.kind", e))?,
                occurred_at: from_db_time(row.occurred_at),
                on_behalf_of: row
                    .on_behalf_of
                    .parse()
                    .map_err(|e| StoreError::corrupt("interactions.on_behalf_of", e))?,
                changes: InteractionChanges {
                    summary: row.summary,
                    complaint_status: row
                        .complaint_status
                        .map(|status| {
                            status.parse().map_err(|e| StoreError::corrupt("interactions.complaint_status", e))
                        })
                        .transpose()?,
                    resolution: row.resolution,
                    follow_up_owner_id: row.follow_up_owner_id,
                    follow_up_due: row.follow_up_due,
                },
                resolved_at: row.resolved_at.map(from_db_time),
                created_by: row.created_by,
                employee_ids: employees.remove(&row.id).unwrap_or_default(),
                contact_ids: people.remove(&row.id).unwrap_or_default(),
                event_id: row.event_id,
                version: row.version,
                created_at: from_db_time(row.created_at),
            })
        })
        .collect()
}

pub fn get(conn: &mut AnyConnection, id: i64) -> StoreResult<Option<Interaction>> {
    let row: Option<InteractionRow> =
        interactions::table.find(id).select(InteractionRow::as_select()).first(conn).optional()?;
    Ok(with_participants(conn, row.into_iter().collect())?.pop())
}

/// The interaction with this external id (imports).
pub fn find_by_external_id(conn: &mut AnyConnection, external_id: &str) -> StoreResult<Option<Interaction>> {
    let row: Option<InteractionRow> = interactions::table
        .filter(interactions::external_id.eq(external_id))
        .select(InteractionRow::as_select())
        .first(conn)
        .optional()?;
    Ok(with_participants(conn, row.into_iter().collect())?.pop())
}

/// A page of the interactions of the accounts `scope` may see, in id order after `after_id`
/// (exports).
pub fn list_visible(
    conn: &mut AnyConnection,
    scope: &Scope,
    after_id: i64,
    limit: i64,
) -> StoreResult<Vec<Interaction>> {
    let query = interactions::table
        .inner_join(accounts::table)
        .filter(interactions::id.gt(after_id))
        .select(InteractionRow::as_select())
        .order(interactions::id)
        .limit(limit)
        .into_boxed();
    let rows: Vec<InteractionRow> = scope_accounts!(query, scope).load(conn)?;
    with_participants(conn, rows)
}

/// A page of an account's interactions, newest first, after `(occurred_at, id)`.
pub fn list_for_account(
    conn: &mut AnyConnection,
    account_id: i64,
    after: Option<(DateTime<Utc>, i64)>,
    kind: Option<InteractionKind>,
    limit: i64,
) -> StoreResult<Vec<Interaction>> {
    let mut query = interactions::table
        .filter(interactions::account_id.eq(account_id))
        .select(InteractionRow::as_select())
        .order((interactions::occurred_at.desc(), interactions::id.desc()))
        .limit(limit)
        .into_boxed();
    if let Some((occurred_at, id)) = after {
        let occurred_at = to_db_time(occurred_at);
        query = query.filter(
            interactions::occurred_at
                .lt(occurred_at)
                .or(interactions::occurred_at.eq(occurred_at).and(interactions::id.lt(id))),
        );
    }
    if let Some(kind) = kind {
        query = query.filter(interactions::kind.eq(kind.as_str()));
    }
    let rows: Vec<InteractionRow> = query.load(conn)?;
    with_participants(conn, rows)
}

fn distinct(ids: &[i64]) -> Vec<i64> {
    ids.iter().copied().collect::<BTreeSet<_>>().into_iter().collect()
}

/// Checks that every employee exists (and has not departed) and every contact belongs to
/// `account_id`; names the field at fault.
fn check_participants(
    conn: &mut AnyConnection,
    account_id: i64,
    employee_ids: &[i64],
    contact_ids: &[i64],
) -> StoreResult<()> {
    let employee_ids = distinct(employee_ids);
    let found: Vec<(i64, String)> =
        users::table.filter(users::id.eq_any(&employee_ids)).select((users::id, users::status)).load(conn)?;
    if let Some(missing) = employee_ids.iter().find(|id| !found.iter().any(|(found_id, _)| found_id == *id)) {
        return Err(RuleError::invalid("employee_ids", format!("no user with id {missing}")).into());
    }
    let contact_ids = distinct(contact_ids);
    let found: Vec<i64> = contacts::table
        .filter(contacts::id.eq_any(&contact_ids).and(contacts::account_id.eq(account_id)))
        .select(contacts::id)
        .load(conn)?;
    if let Some(missing) = contact_ids.iter().find(|id| !found.contains(id)) {
        return Err(
            RuleError::invalid("contact_ids", format!("contact {missing} is not a contact of this account")).into()
        );
    }
    Ok(())
}

fn check_follow_up_owner(conn: &mut AnyConnection, owner_id: Option<i64>) -> StoreResult<()> {
    let Some(owner_id) = owner_id else { return Ok(()) };
    let status: Option<String> = users::table.find(owner_id).select(users::status).first(conn).optional()?;
    match status {
        Some(status) if status != UserStatus::Departed.as_str() => Ok(()),
        _ => Err(RuleError::invalid("follow_up_owner_id", "the follow-up owner must be a current employee").into()),
    }
}

/// Writes an interaction's participant rows (each employee and contact once), nothing else.
pub fn insert_participants(
    conn: &mut AnyConnection,
    account_id: i64,
    id: i64,
    employee_ids: &[i64],
    contact_ids: &[i64],
) -> StoreResult<()> {
    for user_id in distinct(employee_ids) {
        diesel::insert_into(interaction_employees::table)
            .values((
                interaction_employees::account_id.eq(account_id),
                interaction_employees::interaction_id.eq(id),
                interaction_employees::user_id.eq(user_id),
            ))
            .execute(conn)?;
    }
    for contact_id in distinct(contact_ids) {
        diesel::insert_into(interaction_contacts::table)
            .values((
                interaction_contacts::account_id.eq(account_id),
                interaction_contacts::interaction_id.eq(id),
                interaction_contacts::contact_id.eq(contact_id),
            ))
            .execute(conn)?;
    }
    Ok(())
}

fn delete_participants(conn: &mut AnyConnection, id: i64) -> StoreResult<()> {
    diesel::delete(interaction_employees::table.filter(interaction_employees::interaction_id.eq(id))).execute(conn)?;
    diesel::delete(interaction_contacts::table.filter(interaction_contacts::interaction_id.eq(id))).execute(conn)?;
    Ok(())
}

/// Rewrites a touchpoint that another record owns (an event's, on one attending account)
/// inside the caller's transaction: time, summary and participants become `new`'s; audits
/// and recomputes the account. Nothing is written when they are already so.
pub fn rewrite_owned(
    conn: &mut AnyConnection,
    id: i64,
    new: &NewInteraction,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Interaction> {
    let before = get(conn, id)?.ok_or(StoreError::NotFound)?;
    let same = before.occurred_at == new.occurred_at
        && before.changes.summary == new.summary
        && before.employee_ids == distinct(&new.employee_ids)
        && before.contact_ids == distinct(&new.contact_ids);
    if same {
        return Ok(before);
    }
    check_participants(conn, before.account_id, &new.employee_ids, &new.contact_ids)?;
    diesel::update(interactions::table.find(id))
        .set((
            interactions::occurred_at.eq(to_db_time(new.occurred_at)),
            interactions::summary.eq(&new.summary),
            interactions::version.eq(interactions::version + 1),
        ))
        .execute(conn)?;
    delete_participants(conn, id)?;
    insert_participants(conn, before.account_id, id, &new.employee_ids, &new.contact_ids)?;
    let team_id = crate::accounts::team_of(conn, before.account_id)?;
    audit::record(
        conn,
        Change::new(actor_id, "interaction", id, "update")
            .before(&before)
            .after(new)
            .on_account(before.account_id, team_id),
        now,
    )?;
    get(conn, id)?.ok_or(StoreError::NotFound)
}

/// Removes a touchpoint that another record owns (an event's, when its account no longer
/// attends or the event is deleted) inside the caller's transaction; audits and recomputes.
pub fn delete_owned(conn: &mut AnyConnection, id: i64, actor_id: Option<i64>, now: DateTime<Utc>) -> StoreResult<()> {
    let before = get(conn, id)?.ok_or(StoreError::NotFound)?;
    delete_participants(conn, id)?;
    diesel::delete(interactions::table.find(id)).execute(conn)?;
    let team_id = crate::accounts::team_of(conn, before.account_id)?;
    audit::record(
        conn,
        Change::new(actor_id, "interaction", id, "delete").before(&before).on_account(before.account_id, team_id),
        now,
    )?;
    Ok(())
}

/// Whether `user_id` is a current member of the account team (an open assignment, not
/// departed): who may own a complaint's follow-up when it is assigned in the app.
pub fn is_on_account_team(conn: &mut AnyConnection, account_id: i64, user_id: i64) -> StoreResult<bool> {
    let on_team: i64 = assignments::table
        .inner_join(users::table)
        .filter(
            assignments::account_id
                .eq(account_id)
                .and(assignments::user_id.eq(user_id))
                .and(assignments::until.is_null())
                .and(users::status.ne(UserStatus::Departed.as_str())),
        )
        .count()
        .get_result(conn)?;
    Ok(on_team > 0)
}

/// Logs an interaction inside the caller's transaction; audits and recomputes the account.
pub fn insert(
    conn: &mut AnyConnection,
    account_id: i64,
    new: &NewInteraction,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Interaction> {
    let team_id = crate::accounts::team_of(conn, account_id)?;
    check_participants(conn, account_id, &new.employee_ids, &new.contact_ids)?;
    check_follow_up_owner(conn, new.follow_up_owner_id)?;
    let id: i64 = diesel::insert_into(interactions::table)
        .values((
            interactions::account_id.eq(account_id),
            interactions::external_id.eq(&new.external_id),
            interactions::kind.eq(new.kind.as_str()),
            interactions::occurred_at.eq(to_db_time(new.occurred_at)),
            interactions::summary.eq(&new.summary),
            interactions::on_behalf_of.eq(new.on_behalf_of.as_str()),
            interactions::complaint_status.eq(new.complaint_status.map(ComplaintStatus::as_str)),
            interactions::resolved_at
                .eq((new.complaint_status == Some(ComplaintStatus::Resolved)).then(|| to_db_time(now))),
            interactions::resolution.eq(new.complaint_status.and(new.resolution.as_deref())),
            interactions::follow_up_owner_id.eq(new.follow_up_owner_id),
            interactions::follow_up_due.eq(new.follow_up_due),
            interactions::created_by.eq(actor_id),
            interactions::created_at.eq(to_db_time(now)),
            interactions::event_id.eq(new.event_id),
        ))
        .returning(interactions::id)
        .get_result(conn)
        .map_err(|e| StoreError::on_unique(e, "external_id"))?;
    insert_participants(conn, account_id, id, &new.employee_ids, &new.contact_ids)?;
    audit::record(
        conn,
        Change::new(actor_id, "interaction", id, "create").after(new).on_account(account_id, team_id),
        now,
    )?;
    crate::departures::note_introductions(conn, account_id, &new.employee_ids, new.contact_ids.len(), actor_id, now)?;
    get(conn, id)?.ok_or(StoreError::NotFound)
}

/// Logs an interaction a person made (a JSON body, an imported line) inside the caller's
/// transaction: [`insert`] after the domain's rules for a new one.
pub fn log(
    conn: &mut AnyConnection,
    account_id: i64,
    new: &NewInteraction,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Interaction> {
    rules::interactions::check_new(new, now)?;
    insert(conn, account_id, new, actor_id, now)
}

/// Logs an interaction in the app. A complaint's follow-up assigned in the app is owned by a
/// current member of the account team (imports, which carry history, only need a current
/// employee).
pub fn create(
    conn: &mut AnyConnection,
    account_id: i64,
    new: &NewInteraction,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Interaction> {
    write_transaction(conn, now, |conn| {
        follow_up_owner_on_team(conn, account_id, new.follow_up_owner_id)?;
        log(conn, account_id, new, actor_id, now)
    })
}

fn follow_up_owner_on_team(conn: &mut AnyConnection, account_id: i64, owner_id: Option<i64>) -> StoreResult<()> {
    match owner_id {
        Some(owner_id) if !is_on_account_team(conn, account_id, owner_id)? => Err(RuleError::invalid(
            "follow_up_owner_id",
            "the follow-up owner must be a current member of the account team",
        )
        .into()),
        _ => Ok(()),
    }
}

/// Applies a change asked for in the app to the interaction as it stands (see
/// [`rules::interactions::patched`]), if `expected_version` is current; a new follow-up owner
/// is a current member of the account team.
pub fn patch(
    conn: &mut AnyConnection,
    id: i64,
    expected_version: i64,
    patch: InteractionPatch,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Interaction> {
    write_transaction(conn, now, |conn| {
        let current = get(conn, id)?.ok_or(StoreError::NotFound)?;
        let changes = rules::interactions::patched(&current.changes, patch)?;
        if changes.follow_up_owner_id != current.changes.follow_up_owner_id {
            follow_up_owner_on_team(conn, current.account_id, changes.follow_up_owner_id)?;
        }
        apply_update(conn, id, expected_version, &changes, actor_id, now)
    })
}

/// Changes the summary, the complaint status (resolving stamps `resolved_at`) or the
/// follow-up, if `expected_version` is current.
pub fn update(
    conn: &mut AnyConnection,
    id: i64,
    expected_version: i64,
    changes: &InteractionChanges,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Interaction> {
    write_transaction(conn, now, |conn| apply_update(conn, id, expected_version, changes, actor_id, now))
}

/// [`update`] inside the caller's transaction.
pub fn apply_update(
    conn: &mut AnyConnection,
    id: i64,
    expected_version: i64,
    changes: &InteractionChanges,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Interaction> {
    let before = get(conn, id)?.ok_or(StoreError::NotFound)?;
    rules::interactions::check_changes(&before.changes, changes)?;
    if changes.follow_up_owner_id != before.changes.follow_up_owner_id {
        check_follow_up_owner(conn, changes.follow_up_owner_id)?;
    }
    let resolved_at = match (before.changes.complaint_status, changes.complaint_status) {
        (Some(ComplaintStatus::Open), Some(ComplaintStatus::Resolved)) => Some(to_db_time(now)),
        (_, Some(ComplaintStatus::Resolved)) => before.resolved_at.map(to_db_time),
        _ => None,
    };
    // Reopening a complaint clears its resolution; a new one is asked for when it closes again.
    let resolution = match changes.complaint_status {
        Some(ComplaintStatus::Resolved) => changes.resolution.as_deref(),
        _ => None,
    };
    let changed = diesel::update(
        interactions::table.filter(interactions::id.eq(id).and(interactions::version.eq(expected_version))),
    )
    .set((
        interactions::summary.eq(&changes.summary),
        interactions::complaint_status.eq(changes.complaint_status.map(ComplaintStatus::as_str)),
        interactions::resolved_at.eq(resolved_at),
        interactions::resolution.eq(resolution),
        interactions::follow_up_owner_id.eq(changes.follow_up_owner_id),
        interactions::follow_up_due.eq(changes.follow_up_due),
        interactions::version.eq(interactions::version + 1),
    ))
    .execute(conn)?;
    if changed == 0 {
        return Err(StoreError::StaleVersion);
    }
    let team_id = crate::accounts::team_of(conn, before.account_id)?;
    audit::record(
        conn,
        Change::new(actor_id, "interaction", id, "update")
            .before(&before.changes)
            .after(changes)
            .on_account(before.account_id, team_id),
        now,
    )?;
    get(conn, id)?.ok_or(StoreError::NotFound)
}
