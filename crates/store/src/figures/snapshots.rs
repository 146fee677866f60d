//! One day's figures per team and for the firm, for the trend chart.

use chrono::{DateTime, NaiveDate, Utc};
use continuity_domain::continuity::PortfolioTotals;
use diesel::prelude::*;

use super::totals;
use crate::{AnyConnection, StoreError, StoreResult};

/// One day's figures of a team (`team_id` 0: firm-wide), for the trend chart.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Snapshot {
    pub day: NaiveDate,
    pub value_minor: i64,
    pub exposure_minor: i64,
    pub key_person_value_minor: i64,
    pub flag_counts: serde_json::Value,
}

/// Records today's figures for the firm and for each team (replacing today's if any).
pub fn take_snapshots(conn: &mut AnyConnection, now: DateTime<Utc>) -> StoreResult<usize> {
    use crate::schema::{risk_snapshots, teams};
    let day = now.date_naive();
    let team_ids: Vec<i64> = teams::table.select(teams::id).load(conn)?;
    let by_team = totals::totals_by_team(conn)?;
    let mut firm = PortfolioTotals::default();
    by_team.values().for_each(|totals| firm.add(totals, 1));
    let empty = PortfolioTotals::default();
    let mut written = 0;
    for team_id in std::iter::once(0).chain(team_ids) {
        let totals = if team_id == 0 { &firm } else { by_team.get(&team_id).unwrap_or(&empty) };
        let flag_counts =
            serde_json::to_string(&totals.all_flag_counts()).map_err(|e| StoreError::corrupt("flag_counts", e))?;
        crate::connection::write_transaction(conn, now, |conn| {
            diesel::delete(
                risk_snapshots::table.filter(risk_snapshots::day.eq(day).and(risk_snapshots::team_id.eq(team_id))),
            )
            .execute(conn)?;
            diesel::insert_into(risk_snapshots::table)
                .values((
                    risk_snapshots::day.eq(day),
                    risk_snapshots::team_id.eq(team_id),
                    risk_snapshots::value_minor.eq(totals.value_minor),
                    risk_snapshots::exposure_minor.eq(totals.exposure_minor),
                    risk_snapshots::key_person_value_minor.eq(totals.key_person_value_minor),
                    risk_snapshots::flag_counts_json.eq(&flag_counts),
                ))
                .execute(conn)
                .map_err(StoreError::from)
        })?;
        written += 1;
    }
    Ok(written)
}

/// Whether the firm-wide figures of `day` have been recorded (a refresh ran that day).
pub fn has_snapshot(conn: &mut AnyConnection, day: NaiveDate) -> StoreResult<bool> {
    use crate::schema::risk_snapshots;
    Ok(diesel::select(diesel::dsl::exists(
        risk_snapshots::table.filter(risk_snapshots::day.eq(day).and(risk_snapshots::team_id.eq(0))),
    ))
    .get_result(conn)?)
}

/// The daily figures of a team (0: firm-wide) since `since`, oldest first.
pub fn snapshots(conn: &mut AnyConnection, team_id: i64, since: NaiveDate) -> StoreResult<Vec<Snapshot>> {
    use crate::schema::risk_snapshots;
    let rows: Vec<(NaiveDate, i64, i64, i64, String)> = risk_snapshots::table
        .filter(risk_snapshots::team_id.eq(team_id).and(risk_snapshots::day.ge(since)))
        .select((
            risk_snapshots::day,
            risk_snapshots::value_minor,
            risk_snapshots::exposure_minor,
            risk_snapshots::key_person_value_minor,
            risk_snapshots::flag_counts_json,
        ))
        .order(risk_snapshots::day)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(day, value_minor, exposure_minor, key_person_value_minor, flags)| Snapshot {
            day,
            value_minor,
            exposure_minor,
            key_person_value_minor,
            flag_counts: serde_json::from_str(&flags).unwrap_or(serde_json::Value::Null),
        })
        .collect())
}
