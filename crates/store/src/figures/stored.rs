//! The stored figures (`account_risk`): written only when they changed, with the team totals
//! moved by the difference; read back by account, by employee and by team.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDateTime, Utc};
use continuity_domain::continuity::{AccountRisk, EmployeeLookup, PortfolioTotals};
use diesel::prelude::*;

use super::facts::{accounts_touching_user, settings, sorted_unique, BATCH_ACCOUNTS};
use super::people::{self, PersonTotals};
use super::totals::{self, TotalsRow};
use crate::schema::account_risk;
use crate::{to_db_time, AnyConnection, StoreError, StoreResult};

/// The flag codes as stored: `,code,code,` so that one code is found with `LIKE '%,code,%'`.
pub fn flags_text(risk: &AccountRisk) -> String {
    let codes: Vec<&str> = risk.flags.iter().map(|flag| flag.code().as_str()).collect();
    if codes.is_empty() {
        String::new()
    } else {
        format!(",{},", codes.join(","))
    }
}

/// The stored figures of one account.
pub fn get(conn: &mut AnyConnection, account_id: i64) -> StoreResult<Option<AccountRisk>> {
    let detail: Option<String> =
        account_risk::table.find(account_id).select(account_risk::detail_json).first(conn).optional()?;
    detail.map(|json| parse_detail(&json)).transpose()
}

/// The stored figures of every account whose figures depend on this employee
/// ([`accounts_touching_user`]), in account order: what their HR figures are made of.
pub fn risks_touching_user(
    conn: &mut AnyConnection,
    user_id: i64,
    now: DateTime<Utc>,
) -> StoreResult<Vec<AccountRisk>> {
    let settings = settings(conn)?;
    let ids = accounts_touching_user(conn, user_id, &settings, now)?;
    get_many(conn, &ids)
}

/// The stored figures of the given accounts, in account order (accounts without figures
/// left out).
pub fn get_many(conn: &mut AnyConnection, account_ids: &[i64]) -> StoreResult<Vec<AccountRisk>> {
    let ids = sorted_unique(account_ids);
    let mut risks = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(BATCH_ACCOUNTS) {
        let rows: Vec<String> = account_risk::table
            .filter(account_risk::account_id.eq_any(chunk))
            .select(account_risk::detail_json)
            .order(account_risk::account_id)
            .load(conn)?;
        for json in rows {
            risks.push(parse_detail(&json)?);
        }
    }
    Ok(risks)
}

/// The stored figures of every account in `team_ids` (all teams when `None`), all in memory:
/// for tests and tools on small stores; request paths read [`super::totals`] and
/// [`totals::holders`] instead.
pub fn portfolio(conn: &mut AnyConnection, team_ids: Option<&[i64]>) -> StoreResult<Vec<AccountRisk>> {
    let mut query = account_risk::table.select(account_risk::detail_json).order(account_risk::account_id).into_boxed();
    if let Some(team_ids) = team_ids {
        query = query.filter(account_risk::team_id.eq_any(team_ids.to_vec()));
    }
    let rows: Vec<String> = query.load(conn)?;
    rows.iter().map(|json| parse_detail(json)).collect()
}

/// An account's figures from `account_risk.detail_json`.
fn parse_detail(json: &str) -> StoreResult<AccountRisk> {
    serde_json::from_str(json).map_err(|e| StoreError::corrupt("account_risk.detail_json", e))
}

/// The columns of `account_risk`, in schema order, written once: the staging table of the COPY
/// path, the values of a row and the SQL that applies a staged batch are all made from this
/// list, and the build fails if it parts from schema.rs (see [`same_columns_as_schema`]).
macro_rules! with_risk_columns {
    ($callback:ident! $arguments:tt) => {
        $callback! { $arguments
            account_id -> BigInt,
            team_id -> BigInt,
            score -> Integer,
            exposure_minor -> BigInt,
            flags -> Text,
            detail_json -> Text,
            last_interaction_at -> Nullable<Timestamp>,
            computed_at -> Timestamp,
            annual_value_minor -> BigInt,
            active -> Bool,
            holder_ids -> Text,
            fingerprint -> BigInt,
            institutional_tie -> Bool,
            last_contact_at -> Nullable<Timestamp>,
            people_parts -> Text,
        }
    };
}

/// A session-local copy of `account_risk`'s columns: on PostgreSQL a batch of figures is
/// COPied into it and applied with one UPDATE and one INSERT, instead of a statement per row.
macro_rules! staging_table {
    (() $($column:ident -> $sql_type:ty,)*) => {
        mod incoming {
            diesel::table! {
                account_risk_incoming (account_id) {
                    $($column -> $sql_type,)*
                }
            }
        }

        /// The column names, for the SQL of [`copy_rows`].
        const RISK_COLUMNS: &[&str] = &[$(stringify!($column)),*];

        /// Compiles only while the list names every column of `account_risk`, in order.
        #[allow(dead_code)]
        fn same_columns_as_schema() -> ($(account_risk::$column,)*) {
            account_risk::all_columns
        }
    };
}
with_risk_columns!(staging_table!());

/// Below this many changed rows a batch is written row by row (PostgreSQL's COPY path has a
/// fixed cost of a few statements).
const COPY_THRESHOLD: usize = 32;

/// Writes the figures of many accounts (inside the caller's transaction) and answers how many
/// rows changed: an account whose [fingerprint](AccountRisk::fingerprint) and employees' parts
/// ([`people::parts_text`], made with `employees`) equal the stored ones is left alone; the
/// team totals (`risk_totals`) and the employees' totals (`people_totals`) move by the
/// difference of the rest. The parts are compared as well as the fingerprint so that the
/// employees' figures follow whatever `employee_exposure` reads of `employees`.
pub(super) fn store_all(
    conn: &mut AnyConnection,
    risks: &[AccountRisk],
    employees: &impl EmployeeLookup,
) -> StoreResult<usize> {
    if risks.is_empty() {
        return Ok(0);
    }
    let ids: Vec<i64> = risks.iter().map(|risk| risk.account_id).collect();
    type Stored = (i64, i64, String, TotalsRow);
    let stored: Vec<Stored> = account_risk::table
        .filter(account_risk::account_id.eq_any(&ids))
        .select((
            account_risk::account_id,
            account_risk::fingerprint,
            account_risk::people_parts,
            TotalsRow::as_select(),
        ))
        .load(conn)?;
    let stored: HashMap<i64, (i64, String, TotalsRow)> = stored
        .into_iter()
        .map(|(account_id, fingerprint, parts, row)| (account_id, (fingerprint, parts, row)))
        .collect();
    let mut deltas: BTreeMap<i64, PortfolioTotals> = BTreeMap::new();
    let mut people_deltas: BTreeMap<i64, PersonTotals> = BTreeMap::new();
    let mut changed = Vec::new();
    for risk in risks {
        // The bits of the u64, kept in a BIGINT.
        let fingerprint = risk.fingerprint() as i64;
        let parts = people::parts_text(risk, employees);
        if let Some((old_fingerprint, old_parts, row)) = stored.get(&risk.account_id) {
            if *old_fingerprint == fingerprint && *old_parts == parts {
                continue;
            }
            let (team_id, totals) = totals::totals_of_row(row)?;
            deltas.entry(team_id).or_default().add(&totals, -1);
            people::add_parts(&mut people_deltas, old_parts, -1)?;
        }
        deltas.entry(risk.team_id).or_default().add(&PortfolioTotals::of_risk(risk), 1);
        people::add_parts(&mut people_deltas, &parts, 1)?;
        changed.push(RiskRow::of(risk, fingerprint, parts)?);
    }
    match conn {
        AnyConnection::Postgresql(pg) if changed.len() >= COPY_THRESHOLD => copy_rows(pg, &changed)?,
        _ => {
            for row in &changed {
                write_row(conn, row)?;
            }
        }
    }
    totals::apply(conn, &deltas)?;
    people::apply(conn, &people_deltas)?;
    Ok(changed.len())
}

/// One `account_risk` row as written.
struct RiskRow {
    account_id: i64,
    team_id: i64,
    score: i32,
    exposure_minor: i64,
    flags: String,
    detail_json: String,
    last_interaction_at: Option<NaiveDateTime>,
    computed_at: NaiveDateTime,
    annual_value_minor: i64,
    active: bool,
    holder_ids: String,
    fingerprint: i64,
    institutional_tie: bool,
    last_contact_at: Option<NaiveDateTime>,
    people_parts: String,
}

impl RiskRow {
    fn of(risk: &AccountRisk, fingerprint: i64, people_parts: String) -> StoreResult<RiskRow> {
        Ok(RiskRow {
            account_id: risk.account_id,
            team_id: risk.team_id,
            score: i32::from(risk.score),
            exposure_minor: risk.exposure_minor,
            flags: flags_text(risk),
            detail_json: serde_json::to_string(risk).map_err(|e| StoreError::corrupt("account_risk.detail_json", e))?,
            last_interaction_at: risk.last_interaction_at.map(to_db_time),
            computed_at: to_db_time(risk.computed_at),
            annual_value_minor: risk.annual_value_minor,
            active: risk.is_active(),
            holder_ids: totals::holder_ids_text(risk.holders.iter().map(|holder| holder.user_id)),
            fingerprint,
            institutional_tie: risk.institutional_tie,
            last_contact_at: risk.last_contact_at.map(to_db_time),
            people_parts,
        })
    }
}

/// The values of one `account_risk` row, for a table with its columns (`account_risk` or the
/// staging table of [`copy_rows`]).
macro_rules! risk_row_values {
    ($table:ident, $row:expr) => {
        with_risk_columns!(risk_row_values_of!($table, $row))
    };
}
macro_rules! risk_row_values_of {
    (($table:ident, $row:expr) $($column:ident -> $sql_type:ty,)*) => {
        ($($table::$column.eq(&$row.$column),)*)
    };
}

/// Writes one row: update, or insert the first time.
fn write_row(conn: &mut AnyConnection, row: &RiskRow) -> StoreResult<()> {
    let updated = diesel::update(account_risk::table.find(row.account_id))
        .set(risk_row_values!(account_risk, row))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(account_risk::table).values(risk_row_values!(account_risk, row)).execute(conn)?;
    }
    Ok(())
}

/// Writes many rows on PostgreSQL: COPY into a temporary table, then one UPDATE and one INSERT.
fn copy_rows(pg: &mut diesel::PgConnection, rows: &[RiskRow]) -> StoreResult<()> {
    use incoming::account_risk_incoming as staged;
    let staged_rows: Vec<_> = rows.iter().map(|row| risk_row_values!(staged, row)).collect();
    diesel::sql_query(
        "CREATE TEMPORARY TABLE IF NOT EXISTS account_risk_incoming \
         (LIKE account_risk INCLUDING DEFAULTS) ON COMMIT DELETE ROWS",
    )
    .execute(pg)?;
    // Rows are only deleted at the outermost commit; a caller's enclosing transaction must
    // not see the previous batch again.
    diesel::sql_query("TRUNCATE account_risk_incoming").execute(pg)?;
    diesel::copy_from(staged::table).from_insertable(&staged_rows).execute(pg)?;
    let assignments: Vec<String> = RISK_COLUMNS.iter().skip(1).map(|column| format!("{column} = i.{column}")).collect();
    diesel::sql_query(format!(
        "UPDATE account_risk AS stored SET {} FROM account_risk_incoming AS i \
         WHERE stored.account_id = i.account_id",
        assignments.join(", ")
    ))
    .execute(pg)?;
    let staged_columns: Vec<String> = RISK_COLUMNS.iter().map(|column| format!("i.{column}")).collect();
    diesel::sql_query(format!(
        "INSERT INTO account_risk ({}) SELECT {} FROM account_risk_incoming AS i \
         WHERE NOT EXISTS (SELECT 1 FROM account_risk AS stored WHERE stored.account_id = i.account_id)",
        RISK_COLUMNS.join(", "),
        staged_columns.join(", ")
    ))
    .execute(pg)?;
    Ok(())
}
