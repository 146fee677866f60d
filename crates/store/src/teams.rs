//! Teams and their sales leads.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use continuity_domain::rules::{self, RuleError};
use continuity_domain::validation::normalise;
use continuity_domain::Role;
use diesel::prelude::*;
use serde::Serialize;

use crate::audit::{self, Change};
use crate::schema::{team_leads, teams};
use crate::{from_db_time, to_db_time, AnyConnection, StoreError, StoreResult};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Team {
    pub id: i64,
    pub name: String,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

type TeamRow = (i64, String, i64, chrono::NaiveDateTime);

fn team_columns() -> (teams::id, teams::name, teams::version, teams::created_at) {
    (teams::id, teams::name, teams::version, teams::created_at)
}

fn to_team((id, name, version, created_at): TeamRow) -> Team {
    Team { id, name, version, created_at: from_db_time(created_at) }
}

/// Creates a team; names are unique regardless of case.
pub fn create(conn: &mut AnyConnection, name: &str, actor_id: Option<i64>, now: DateTime<Utc>) -> StoreResult<Team> {
    rules::teams::check_name(name)?;
    crate::connection::write_transaction(conn, now, |conn| {
        let row: TeamRow = diesel::insert_into(teams::table)
            .values((
                teams::name.eq(name.trim()),
                teams::name_lower.eq(normalise(name)),
                teams::created_at.eq(to_db_time(now)),
            ))
            .returning(team_columns())
            .get_result(conn)
            .map_err(|e| StoreError::on_unique(e, "name"))?;
        let team = to_team(row);
        audit::record(conn, Change::new(actor_id, "team", team.id, "create").after(&team).on_team(Some(team.id)), now)?;
        Ok(team)
    })
}

pub fn get(conn: &mut AnyConnection, id: i64) -> StoreResult<Option<Team>> {
    let row: Option<TeamRow> = teams::table.find(id).select(team_columns()).first(conn).optional()?;
    Ok(row.map(to_team))
}

/// Refuses a reference (`team_id`) to a team that does not exist.
pub fn require(conn: &mut AnyConnection, id: i64) -> StoreResult<()> {
    match get(conn, id)? {
        Some(_) => Ok(()),
        None => Err(RuleError::invalid("team_id", "no such team").into()),
    }
}

pub fn list(conn: &mut AnyConnection) -> StoreResult<Vec<Team>> {
    let rows: Vec<TeamRow> = teams::table.select(team_columns()).order(teams::id).load(conn)?;
    Ok(rows.into_iter().map(to_team).collect())
}

/// Makes `user_id` a lead of `team_id` (idempotent; the first time audited): the team and the
/// user must exist, and the user must be a sales lead (`user_id` refused otherwise).
pub fn add_lead(
    conn: &mut AnyConnection,
    team_id: i64,
    user_id: i64,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    crate::connection::write_transaction(conn, now, |conn| {
        let role = lead_candidate(conn, team_id, user_id)?;
        rules::teams::check_lead(role)?;
        lead(conn, team_id, user_id, actor_id, now)
    })
}

/// Ends `user_id`'s lead of `team_id` (idempotent; audited when they led it), with the same
/// checks as [`add_lead`]. The user keeps their own team.
pub fn remove_lead(
    conn: &mut AnyConnection,
    team_id: i64,
    user_id: i64,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    crate::connection::write_transaction(conn, now, |conn| {
        let role = lead_candidate(conn, team_id, user_id)?;
        rules::teams::check_lead(role)?;
        let removed = diesel::delete(
            team_leads::table.filter(team_leads::team_id.eq(team_id).and(team_leads::user_id.eq(user_id))),
        )
        .execute(conn)?;
        if removed > 0 {
            let change = Change::new(actor_id, "team", team_id, "remove_lead")
                .before(&serde_json::json!({"user_id": user_id.to_string()}))
                .on_team(Some(team_id));
            audit::record(conn, change, now)?;
        }
        Ok(())
    })
}

/// The role of `user_id`, when both the team and the user exist (`NotFound` otherwise).
fn lead_candidate(conn: &mut AnyConnection, team_id: i64, user_id: i64) -> StoreResult<Role> {
    get(conn, team_id)?.ok_or(StoreError::NotFound)?;
    let user = crate::users::get(conn, user_id)?.ok_or(StoreError::NotFound)?;
    Ok(user.profile.role)
}

/// Inside a write: makes `user_id` a lead of `team_id` if they are not one yet, audited.
fn lead(
    conn: &mut AnyConnection,
    team_id: i64,
    user_id: i64,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let exists: i64 = team_leads::table
        .filter(team_leads::team_id.eq(team_id).and(team_leads::user_id.eq(user_id)))
        .count()
        .get_result(conn)?;
    if exists == 0 {
        diesel::insert_into(team_leads::table)
            .values((team_leads::team_id.eq(team_id), team_leads::user_id.eq(user_id)))
            .execute(conn)?;
        let change = Change::new(actor_id, "team", team_id, "add_lead")
            .after(&serde_json::json!({"user_id": user_id.to_string()}))
            .on_team(Some(team_id));
        audit::record(conn, change, now)?;
    }
    Ok(())
}

/// Inside a write that placed a user (created them, or set their team or role): a sales lead
/// leads the team they are placed in ([`rules::teams::team_led_by_joining`]).
pub(crate) fn lead_own_team(
    conn: &mut AnyConnection,
    user_id: i64,
    role: Role,
    team_id: Option<i64>,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    match rules::teams::team_led_by_joining(role, team_id) {
        Some(team_id) => lead(conn, team_id, user_id, actor_id, now),
        None => Ok(()),
    }
}

/// The sales leads of every team, by team (teams without one left out), each list in user
/// order. A user who is no longer a sales lead leads nothing, so they are not listed.
pub fn lead_ids_by_team(conn: &mut AnyConnection) -> StoreResult<BTreeMap<i64, Vec<i64>>> {
    use crate::schema::users;
    let rows: Vec<(i64, i64)> = team_leads::table
        .inner_join(users::table.on(users::id.eq(team_leads::user_id)))
        .filter(users::role.eq(Role::SalesLead.as_str()))
        .select((team_leads::team_id, team_leads::user_id))
        .order((team_leads::team_id, team_leads::user_id))
        .load(conn)?;
    let mut leads: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for (team_id, user_id) in rows {
        leads.entry(team_id).or_default().push(user_id);
    }
    Ok(leads)
}

/// The teams a user leads.
pub fn led_by(conn: &mut AnyConnection, user_id: i64) -> StoreResult<Vec<i64>> {
    Ok(team_leads::table
        .filter(team_leads::user_id.eq(user_id))
        .select(team_leads::team_id)
        .order(team_leads::team_id)
        .load(conn)?)
}
