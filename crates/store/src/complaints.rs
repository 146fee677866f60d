//! Complaints as dialogue: the list of complaints by age, each complaint's trail of follow-up
//! notes, and the counts of open and overdue complaints for the dashboard.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use continuity_domain::complaints::overdue_before;
use continuity_domain::rules;
use continuity_domain::{ComplaintStatus, InteractionKind};
use diesel::prelude::*;
use serde::Serialize;

use crate::audit::{self, Change};
use crate::connection::write_transaction;
use crate::schema::{accounts, interaction_follow_ups, interactions, users};
use crate::scope::Scope;
use crate::{from_db_time, scope_accounts, to_db_time, AnyConnection, StoreError, StoreResult};

/// One note of a complaint's follow-up trail.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUp {
    pub id: i64,
    pub interaction_id: i64,
    pub note: String,
    pub author_id: Option<i64>,
    pub author_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

type FollowUpRow = (i64, String, Option<i64>, Option<String>, NaiveDateTime);

/// The follow-up trail of an interaction, oldest first.
pub fn follow_ups(conn: &mut AnyConnection, interaction_id: i64) -> StoreResult<Vec<FollowUp>> {
    let rows: Vec<FollowUpRow> = interaction_follow_ups::table
        .left_join(users::table)
        .filter(interaction_follow_ups::interaction_id.eq(interaction_id))
        .select((
            interaction_follow_ups::id,
            interaction_follow_ups::note,
            interaction_follow_ups::author_id,
            users::display_name.nullable(),
            interaction_follow_ups::created_at,
        ))
        .order(interaction_follow_ups::id)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, note, author_id, author_name, created_at)| FollowUp {
            id,
            interaction_id,
            note,
            author_id,
            author_name,
            created_at: from_db_time(created_at),
        })
        .collect())
}

/// Adds a note (trimmed) to a complaint's follow-up trail (complaints only); audited.
pub fn add_follow_up(
    conn: &mut AnyConnection,
    interaction_id: i64,
    note: &str,
    author_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<FollowUp> {
    write_transaction(conn, now, |conn| {
        let (account_id, kind): (i64, String) = interactions::table
            .find(interaction_id)
            .select((interactions::account_id, interactions::kind))
            .first(conn)
            .optional()?
            .ok_or(StoreError::NotFound)?;
        let kind: InteractionKind = kind.parse().map_err(|e| StoreError::corrupt("interactions.kind", e))?;
        let note = note.trim();
        rules::interactions::check_follow_up_note(kind, note)?;
        let id: i64 = diesel::insert_into(interaction_follow_ups::table)
            .values((
                interaction_follow_ups::account_id.eq(account_id),
                interaction_follow_ups::interaction_id.eq(interaction_id),
                interaction_follow_ups::note.eq(note),
                interaction_follow_ups::author_id.eq(author_id),
                interaction_follow_ups::created_at.eq(to_db_time(now)),
            ))
            .returning(interaction_follow_ups::id)
            .get_result(conn)?;
        let team_id = crate::accounts::team_of(conn, account_id)?;
        let after = serde_json::json!({"follow_up_id": id.to_string(), "note": note});
        audit::record(
            conn,
            Change::new(author_id, "interaction", interaction_id, "follow_up")
                .after(&after)
                .on_account(account_id, team_id),
            now,
        )?;
        follow_ups(conn, interaction_id)?.into_iter().find(|follow_up| follow_up.id == id).ok_or(StoreError::NotFound)
    })
}

/// A complaint as the complaints list shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComplaintRow {
    pub interaction_id: i64,
    pub account_id: i64,
    pub account_name: String,
    pub summary: String,
    pub status: ComplaintStatus,
    pub opened_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub follow_up_owner_id: Option<i64>,
    pub follow_up_owner_name: Option<String>,
    pub follow_up_due: Option<NaiveDate>,
    pub follow_ups: i64,
    pub last_follow_up_at: Option<DateTime<Utc>>,
}

/// Which complaints to list.
#[derive(Debug, Clone)]
pub struct ComplaintFilter {
    pub status: ComplaintStatus,
    pub team_id: Option<i64>,
    pub account_id: Option<i64>,
}

type ListedRow = (
    i64,
    i64,
    String,
    String,
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<i64>,
    Option<String>,
    Option<NaiveDate>,
);

/// A page of the complaints `scope` may see, oldest first, after `(opened_at, id)`.
pub fn list(
    conn: &mut AnyConnection,
    scope: &Scope,
    filter: &ComplaintFilter,
    after: Option<(DateTime<Utc>, i64)>,
    limit: i64,
) -> StoreResult<Vec<ComplaintRow>> {
    let mut query = interactions::table
        .inner_join(accounts::table)
        .left_join(users::table.on(users::id.nullable().eq(interactions::follow_up_owner_id)))
        .filter(interactions::complaint_status.eq(filter.status.as_str()))
        .select((
            interactions::id,
            interactions::account_id,
            accounts::name,
            interactions::summary,
            interactions::complaint_status.assume_not_null(),
            interactions::occurred_at,
            interactions::resolved_at,
            interactions::follow_up_owner_id,
            users::display_name.nullable(),
            interactions::follow_up_due,
        ))
        .order((interactions::occurred_at, interactions::id))
        .limit(limit)
        .into_boxed();
    if let Some(team_id) = filter.team_id {
        query = query.filter(accounts::team_id.eq(team_id));
    }
    if let Some(account_id) = filter.account_id {
        query = query.filter(interactions::account_id.eq(account_id));
    }
    if let Some((opened_at, id)) = after {
        let opened_at = to_db_time(opened_at);
        query = query.filter(
            interactions::occurred_at
                .gt(opened_at)
                .or(interactions::occurred_at.eq(opened_at).and(interactions::id.gt(id))),
        );
    }
    let rows: Vec<ListedRow> = scope_accounts!(query, scope).load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|row| row.0).collect();
    let trails: BTreeMap<i64, (i64, Option<NaiveDateTime>)> = if ids.is_empty() {
        BTreeMap::new()
    } else {
        let counted: Vec<(i64, i64, Option<NaiveDateTime>)> = interaction_follow_ups::table
            .filter(interaction_follow_ups::interaction_id.eq_any(&ids))
            .group_by(interaction_follow_ups::interaction_id)
            .select((
                interaction_follow_ups::interaction_id,
                diesel::dsl::count_star(),
                diesel::dsl::max(interaction_follow_ups::created_at),
            ))
            .load(conn)?;
        counted.into_iter().map(|(id, count, last)| (id, (count, last))).collect()
    };
    rows.into_iter()
        .map(|(id, account_id, account_name, summary, status, opened_at, resolved_at, owner_id, owner_name, due)| {
            let (follow_ups, last) = trails.get(&id).copied().unwrap_or((0, None));
            Ok(ComplaintRow {
                interaction_id: id,
                account_id,
                account_name,
                summary,
                status: status.parse().map_err(|e| StoreError::corrupt("interactions.complaint_status", e))?,
                opened_at: from_db_time(opened_at),
                resolved_at: resolved_at.map(from_db_time),
                follow_up_owner_id: owner_id,
                follow_up_owner_name: owner_name,
                follow_up_due: due,
                follow_ups,
                last_follow_up_at: last.map(from_db_time),
            })
        })
        .collect()
}

/// Open complaints, and how many of them are overdue at `now`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ComplaintCounts {
    pub open_complaints: i64,
    pub overdue_complaints: i64,
}

/// The open and overdue complaints of the accounts of `team_ids` (every team when `None`),
/// overdue after the firm's `complaint_overdue_days`.
pub fn counts(conn: &mut AnyConnection, team_ids: Option<&[i64]>, now: DateTime<Utc>) -> StoreResult<ComplaintCounts> {
    let open = || {
        let query = interactions::table
            .inner_join(accounts::table)
            .filter(interactions::complaint_status.eq(ComplaintStatus::Open.as_str()))
            .into_boxed();
        match team_ids {
            Some(team_ids) => query.filter(accounts::team_id.eq_any(team_ids.to_vec())),
            None => query,
        }
    };
    let open_complaints: i64 = open().count().get_result(conn)?;
    let overdue_before = overdue_before(now, &crate::figures::settings(conn)?);
    let overdue_complaints: i64 =
        open().filter(interactions::occurred_at.lt(to_db_time(overdue_before))).count().get_result(conn)?;
    Ok(ComplaintCounts { open_complaints, overdue_complaints })
}
