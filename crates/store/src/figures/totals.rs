//! The dashboard's figures without reading every account: per team, the additive figures of
//! its accounts (`risk_totals`, see [`PortfolioTotals`]) and each account's holders
//! (`account_risk.holder_ids`, for the truck factor and successor load). [`super::stored`] moves
//! the totals by the difference in the same transaction as every change of an account's
//! figures, so they always equal the sum over the stored figures (checked by a test).

use std::collections::BTreeMap;

use continuity_domain::continuity::{AccountHolders, FlagCode, PortfolioTotals};
use diesel::connection::DefaultLoadingMode;
use diesel::prelude::*;

use crate::schema::{account_risk, risk_totals};
use crate::{AnyConnection, StoreError, StoreResult};

/// The part of a stored `account_risk` row that its totals are made of.
#[derive(Queryable, Selectable)]
#[diesel(table_name = account_risk)]
pub(crate) struct TotalsRow {
    team_id: i64,
    active: bool,
    annual_value_minor: i64,
    score: i32,
    exposure_minor: i64,
    flags: String,
    institutional_tie: bool,
}

/// What one stored row adds to its team's totals (`team_id`, `active`, value, score,
/// exposure, flags text as written by [`super::stored::flags_text`], institutional tie).
pub(crate) fn totals_of_row(row: &TotalsRow) -> StoreResult<(i64, PortfolioTotals)> {
    let TotalsRow {
        team_id,
        active,
        annual_value_minor: value,
        score,
        exposure_minor: exposure,
        flags,
        institutional_tie,
    } = row;
    let codes = flags
        .split(',')
        .filter(|code| !code.is_empty())
        .map(|code| code.parse::<FlagCode>().map_err(|e| StoreError::corrupt("account_risk.flags", e)))
        .collect::<StoreResult<Vec<_>>>()?;
    let score = u8::try_from(*score).map_err(|e| StoreError::corrupt("account_risk.score", e))?;
    Ok((*team_id, PortfolioTotals::of_account(*active, *value, score, *exposure, &codes, *institutional_tie)))
}

/// Adds `deltas` (per team) to the stored totals in one statement. Measure names come from
/// the domain (flag codes, band names) and amounts are integers, so the values are written
/// inline; rows are in (team, measure) order, so concurrent writers lock them in one order.
pub(crate) fn apply(conn: &mut AnyConnection, deltas: &BTreeMap<i64, PortfolioTotals>) -> StoreResult<()> {
    let mut values = Vec::new();
    for (team_id, totals) in deltas {
        for (measure, amount) in totals.measures() {
            if !measure.bytes().all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'.') {
                return Err(StoreError::corrupt("risk_totals.measure", measure));
            }
            values.push(format!("({team_id}, '{measure}', {amount})"));
        }
    }
    if values.is_empty() {
        return Ok(());
    }
    // The same text is valid on both stores (SQLite ≥ 3.24 knows `ON CONFLICT … DO UPDATE`).
    let sql = format!(
        "INSERT INTO risk_totals (team_id, measure, amount) VALUES {} \
         ON CONFLICT (team_id, measure) DO UPDATE SET amount = risk_totals.amount + excluded.amount",
        values.join(", ")
    );
    diesel::sql_query(sql).execute(conn)?;
    Ok(())
}

/// One measure summed over teams (see [`totals`]).
#[derive(diesel::QueryableByName)]
struct MeasureSum {
    #[diesel(sql_type = diesel::sql_types::Text)]
    measure: String,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    amount: i64,
}

/// The totals of the teams in `team_ids` (every team when `None`), summed in the database: a
/// few dozen rows come back however many teams there are. (The same text on both stores; the
/// ids are integers, written inline.)
pub fn totals(conn: &mut AnyConnection, team_ids: Option<&[i64]>) -> StoreResult<PortfolioTotals> {
    let filter = match team_ids {
        Some([]) => return Ok(PortfolioTotals::default()),
        Some(ids) => {
            format!("WHERE team_id IN ({})", ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", "))
        }
        None => String::new(),
    };
    let rows: Vec<MeasureSum> = diesel::sql_query(format!(
        "SELECT measure, CAST(SUM(amount) AS BIGINT) AS amount FROM risk_totals {filter} GROUP BY measure"
    ))
    .load(conn)?;
    PortfolioTotals::from_measures(rows.iter().map(|row| (row.measure.as_str(), row.amount)))
        .map_err(|unknown| StoreError::corrupt("risk_totals.measure", unknown.0))
}

/// The totals of every team, computed afresh from the stored figures (what [`totals`] must
/// always equal).
pub fn recount(conn: &mut AnyConnection) -> StoreResult<BTreeMap<i64, PortfolioTotals>> {
    let rows = account_risk::table.select(TotalsRow::as_select()).load_iter::<TotalsRow, DefaultLoadingMode>(conn)?;
    let mut by_team: BTreeMap<i64, PortfolioTotals> = BTreeMap::new();
    for row in rows {
        let (team_id, totals) = totals_of_row(&row?)?;
        by_team.entry(team_id).or_default().add(&totals, 1);
    }
    by_team.retain(|_, totals| !totals.is_empty());
    Ok(by_team)
}

/// The stored totals of every team (teams whose totals are all zero left out).
pub fn totals_by_team(conn: &mut AnyConnection) -> StoreResult<BTreeMap<i64, PortfolioTotals>> {
    let rows: Vec<(i64, String, i64)> =
        risk_totals::table.select((risk_totals::team_id, risk_totals::measure, risk_totals::amount)).load(conn)?;
    let mut by_team: BTreeMap<i64, Vec<(&str, i64)>> = BTreeMap::new();
    for (team_id, measure, amount) in &rows {
        by_team.entry(*team_id).or_default().push((measure.as_str(), *amount));
    }
    let mut totals = BTreeMap::new();
    for (team_id, measures) in by_team {
        let team_totals = PortfolioTotals::from_measures(measures)
            .map_err(|unknown| StoreError::corrupt("risk_totals.measure", unknown.0))?;
        if !team_totals.is_empty() {
            totals.insert(team_id, team_totals);
        }
    }
    Ok(totals)
}

/// `account_risk.holder_ids`: the holders' ids, comma-separated.
pub(crate) fn holder_ids_text(holder_ids: impl IntoIterator<Item = i64>) -> String {
    holder_ids.into_iter().map(|id| id.to_string()).collect::<Vec<_>>().join(",")
}

/// The holders and value of every active account of `team_ids` (all teams when `None`), in
/// account order: what the truck factor and successor suggestions read.
pub fn holders(conn: &mut AnyConnection, team_ids: Option<&[i64]>) -> StoreResult<Vec<AccountHolders>> {
    let mut query = account_risk::table
        .filter(account_risk::active.eq(true))
        .select((account_risk::account_id, account_risk::annual_value_minor, account_risk::holder_ids))
        .order(account_risk::account_id)
        .into_boxed();
    if let Some(team_ids) = team_ids {
        query = query.filter(account_risk::team_id.eq_any(team_ids.to_vec()));
    }
    let mut accounts = Vec::new();
    for row in query.load_iter::<(i64, i64, String), DefaultLoadingMode>(conn)? {
        let (account_id, annual_value_minor, ids) = row?;
        let holder_ids = ids
            .split(',')
            .filter(|id| !id.is_empty())
            .map(|id| id.parse::<i64>().map_err(|e| StoreError::corrupt("account_risk.holder_ids", e)))
            .collect::<StoreResult<Vec<_>>>()?;
        accounts.push(AccountHolders { account_id, annual_value_minor, holder_ids });
    }
    Ok(accounts)
}
