//! The stored continuity figures of each account (`account_risk`), kept current: every write
//! that touches an account calls [`recompute`] inside its own transaction, so a read that
//! follows an answered write sees its effect (PRODUCT.md: "read your writes").

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use continuity_domain::continuity::{
    assess, AccountFacts, AccountRisk, ContactFacts, CoveragePolicies, CoveragePolicy, EmployeeFacts, Employees,
    InteractionFacts, OpenAssignment, Settings,
};
use continuity_domain::{ComplaintStatus, UserStatus};
use diesel::prelude::*;

use crate::schema::{
    account_risk, accounts, assignments, contacts, coverage_policies, interaction_contacts, interaction_employees,
    interactions, users,
};
use crate::{from_db_time, to_db_time, AnyConnection, StoreError, StoreResult};

/// The continuity settings in force: the documented defaults of PRODUCT.md.
pub fn settings() -> Settings {
    Settings::default()
}

fn corrupt(column: &str, error: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("{column}: {error}"))
}

/// Every coverage policy (one per tier at most).
pub fn coverage_policies(conn: &mut AnyConnection) -> StoreResult<CoveragePolicies> {
    let rows: Vec<(String, i32, i32)> = coverage_policies::table
        .select((coverage_policies::tier, coverage_policies::min_holders, coverage_policies::min_contacts))
        .load(conn)?;
    let policies = rows
        .into_iter()
        .map(|(tier, min_holders, min_contacts)| {
            Ok(CoveragePolicy {
                tier: tier.parse().map_err(|e| corrupt("coverage_policies.tier", e))?,
                min_holders: u32::try_from(min_holders).unwrap_or(0),
                min_current_contacts: u32::try_from(min_contacts).unwrap_or(0),
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
    Ok(CoveragePolicies::new(policies))
}

type EmployeeRow = (i64, String, String, Option<NaiveDate>, Option<i64>, Option<NaiveDate>, Option<NaiveDate>);

fn employee_columns() -> (
    users::id,
    users::display_name,
    users::status,
    users::leave_date,
    users::team_id,
    users::non_solicitation_until,
    users::non_compete_until,
) {
    (
        users::id,
        users::display_name,
        users::status,
        users::leave_date,
        users::team_id,
        users::non_solicitation_until,
        users::non_compete_until,
    )
}

fn to_employee(row: EmployeeRow) -> StoreResult<EmployeeFacts> {
    let (id, display_name, status, leave_date, team_id, non_solicitation_until, non_compete_until) = row;
    Ok(EmployeeFacts {
        id,
        display_name,
        status: status.parse::<UserStatus>().map_err(|e| corrupt("users.status", e))?,
        leave_date,
        team_id,
        non_solicitation_until,
        non_compete_until,
    })
}

/// Every employee as the continuity model sees them.
pub fn all_employees(conn: &mut AnyConnection) -> StoreResult<Employees> {
    let rows: Vec<EmployeeRow> = users::table.select(employee_columns()).load(conn)?;
    rows.into_iter().map(to_employee).collect()
}

fn employees_by_id(conn: &mut AnyConnection, ids: &BTreeSet<i64>) -> StoreResult<Employees> {
    if ids.is_empty() {
        return Ok(Employees::default());
    }
    let rows: Vec<EmployeeRow> = users::table
        .filter(users::id.eq_any(ids.iter().copied().collect::<Vec<_>>()))
        .select(employee_columns())
        .load(conn)?;
    rows.into_iter().map(to_employee).collect()
}

type InteractionRow = (i64, NaiveDateTime, String, String, Option<String>);

/// Loads what assessing one account reads: the window's interactions, every open complaint,
/// and the latest interaction however old (for staleness).
pub fn account_facts(
    conn: &mut AnyConnection,
    account_id: i64,
    settings: &Settings,
    now: DateTime<Utc>,
) -> StoreResult<Option<(AccountFacts, Employees)>> {
    type AccountRow = (i64, String, String, i64, String, String, i64, NaiveDateTime);
    let account: Option<AccountRow> = accounts::table
        .find(account_id)
        .select((
            accounts::id,
            accounts::name,
            accounts::tier,
            accounts::annual_value_minor,
            accounts::currency,
            accounts::status,
            accounts::team_id,
            accounts::created_at,
        ))
        .first(conn)
        .optional()?;
    let Some((id, name, tier, annual_value_minor, currency, status, team_id, created_at)) = account else {
        return Ok(None);
    };
    let open: Vec<(i64, String)> = assignments::table
        .filter(assignments::account_id.eq(id).and(assignments::until.is_null()))
        .select((assignments::user_id, assignments::role))
        .order(assignments::id)
        .load(conn)?;
    let contact_rows: Vec<(i64, String, String, Option<NaiveDate>)> = contacts::table
        .filter(contacts::account_id.eq(id))
        .select((contacts::id, contacts::name, contacts::influence, contacts::left_at))
        .order(contacts::id)
        .load(conn)?;
    let window_start = to_db_time(now - Duration::days(settings.window_days));
    let mut rows: Vec<InteractionRow> = interactions::table
        .filter(interactions::account_id.eq(id))
        .filter(
            interactions::occurred_at
                .ge(window_start)
                .or(interactions::complaint_status.eq(ComplaintStatus::Open.as_str())),
        )
        .select((
            interactions::id,
            interactions::occurred_at,
            interactions::kind,
            interactions::on_behalf_of,
            interactions::complaint_status,
        ))
        .load(conn)?;
    let latest: Option<InteractionRow> = interactions::table
        .filter(interactions::account_id.eq(id))
        .order((interactions::occurred_at.desc(), interactions::id.desc()))
        .select((
            interactions::id,
            interactions::occurred_at,
            interactions::kind,
            interactions::on_behalf_of,
            interactions::complaint_status,
        ))
        .first(conn)
        .optional()?;
    if let Some(latest) = latest {
        if !rows.iter().any(|row| row.0 == latest.0) {
            rows.push(latest);
        }
    }
    let interaction_ids: Vec<i64> = rows.iter().map(|row| row.0).collect();
    let mut employees_of: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    let mut contacts_of: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    if !interaction_ids.is_empty() {
        let pairs: Vec<(i64, i64)> = interaction_employees::table
            .filter(interaction_employees::account_id.eq(id))
            .filter(interaction_employees::interaction_id.eq_any(&interaction_ids))
            .select((interaction_employees::interaction_id, interaction_employees::user_id))
            .load(conn)?;
        for (interaction_id, user_id) in pairs {
            employees_of.entry(interaction_id).or_default().push(user_id);
        }
        let pairs: Vec<(i64, i64)> = interaction_contacts::table
            .filter(interaction_contacts::account_id.eq(id))
            .filter(interaction_contacts::interaction_id.eq_any(&interaction_ids))
            .select((interaction_contacts::interaction_id, interaction_contacts::contact_id))
            .load(conn)?;
        for (interaction_id, contact_id) in pairs {
            contacts_of.entry(interaction_id).or_default().push(contact_id);
        }
    }
    let mut people: BTreeSet<i64> = open.iter().map(|(user_id, _)| *user_id).collect();
    people.extend(employees_of.values().flatten().copied());
    let employees = employees_by_id(conn, &people)?;

    let interactions = rows
        .into_iter()
        .map(|(interaction_id, occurred_at, kind, on_behalf_of, complaint_status)| {
            Ok(InteractionFacts {
                id: interaction_id,
                occurred_at: from_db_time(occurred_at),
                kind: kind.parse().map_err(|e| corrupt("interactions.kind", e))?,
                on_behalf_of: on_behalf_of.parse().map_err(|e| corrupt("interactions.on_behalf_of", e))?,
                employee_ids: employees_of.remove(&interaction_id).unwrap_or_default(),
                contact_ids: contacts_of.remove(&interaction_id).unwrap_or_default(),
                complaint_status: complaint_status
                    .map(|status| status.parse().map_err(|e| corrupt("interactions.complaint_status", e)))
                    .transpose()?,
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
    let facts = AccountFacts {
        id,
        name,
        tier: tier.parse().map_err(|e| corrupt("accounts.tier", e))?,
        annual_value_minor,
        currency,
        status: status.parse().map_err(|e| corrupt("accounts.status", e))?,
        team_id,
        created_at: Some(from_db_time(created_at)),
        assignments: open
            .into_iter()
            .map(|(user_id, role)| {
                Ok(OpenAssignment { user_id, role: role.parse().map_err(|e| corrupt("assignments.role", e))? })
            })
            .collect::<StoreResult<Vec<_>>>()?,
        contacts: contact_rows
            .into_iter()
            .map(|(contact_id, name, influence, left_at)| {
                Ok(ContactFacts {
                    id: contact_id,
                    name,
                    influence: influence.parse().map_err(|e| corrupt("contacts.influence", e))?,
                    left_at,
                })
            })
            .collect::<StoreResult<Vec<_>>>()?,
        interactions,
    };
    Ok(Some((facts, employees)))
}

/// Recomputes and stores one account's figures; call it inside the transaction of any write
/// that touches the account.
pub fn recompute(conn: &mut AnyConnection, account_id: i64, now: DateTime<Utc>) -> StoreResult<AccountRisk> {
    let settings = settings();
    let (facts, employees) = account_facts(conn, account_id, &settings, now)?.ok_or(StoreError::NotFound)?;
    let policies = coverage_policies(conn)?;
    let risk = assess(&facts, &employees, &policies, &settings, now);
    store(conn, &risk)?;
    Ok(risk)
}

/// The flag codes as stored: `,code,code,` so that one code is found with `LIKE '%,code,%'`.
pub fn flags_text(risk: &AccountRisk) -> String {
    let codes: Vec<&str> = risk.flags.iter().map(|flag| flag.code.as_str()).collect();
    if codes.is_empty() {
        String::new()
    } else {
        format!(",{},", codes.join(","))
    }
}

/// Writes one account's figures (update, or insert the first time).
pub fn store(conn: &mut AnyConnection, risk: &AccountRisk) -> StoreResult<()> {
    let detail = serde_json::to_string(risk).map_err(|e| corrupt("account_risk.detail_json", e))?;
    let values = || {
        (
            account_risk::team_id.eq(risk.team_id),
            account_risk::score.eq(i32::from(risk.score)),
            account_risk::exposure_minor.eq(risk.exposure_minor),
            account_risk::flags.eq(flags_text(risk)),
            account_risk::detail_json.eq(&detail),
            account_risk::last_interaction_at.eq(risk.last_interaction_at.map(to_db_time)),
            account_risk::computed_at.eq(to_db_time(risk.computed_at)),
        )
    };
    let updated = diesel::update(account_risk::table.find(risk.account_id)).set(values()).execute(conn)?;
    if updated == 0 {
        diesel::insert_into(account_risk::table)
            .values((account_risk::account_id.eq(risk.account_id), values()))
            .execute(conn)?;
    }
    Ok(())
}

/// The stored figures of one account.
pub fn get(conn: &mut AnyConnection, account_id: i64) -> StoreResult<Option<AccountRisk>> {
    let detail: Option<String> =
        account_risk::table.find(account_id).select(account_risk::detail_json).first(conn).optional()?;
    detail.map(|json| serde_json::from_str(&json).map_err(|e| corrupt("account_risk.detail_json", e))).transpose()
}

/// The accounts whose figures depend on this employee: open assignments, and personal
/// interactions within the window.
pub fn accounts_touching_user(
    conn: &mut AnyConnection,
    user_id: i64,
    settings: &Settings,
    now: DateTime<Utc>,
) -> StoreResult<Vec<i64>> {
    let mut ids: BTreeSet<i64> = assignments::table
        .filter(assignments::user_id.eq(user_id).and(assignments::until.is_null()))
        .select(assignments::account_id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();
    let window_start = to_db_time(now - Duration::days(settings.window_days));
    let recent: Vec<i64> = interaction_employees::table
        .inner_join(interactions::table)
        .filter(interaction_employees::user_id.eq(user_id).and(interactions::occurred_at.ge(window_start)))
        .select(interaction_employees::account_id)
        .distinct()
        .load(conn)?;
    ids.extend(recent);
    Ok(ids.into_iter().collect())
}

/// Recomputes every account whose figures depend on this employee (status, leave date).
pub fn recompute_for_user(conn: &mut AnyConnection, user_id: i64, now: DateTime<Utc>) -> StoreResult<usize> {
    let ids = accounts_touching_user(conn, user_id, &settings(), now)?;
    for account_id in &ids {
        recompute(conn, *account_id, now)?;
    }
    Ok(ids.len())
}

/// The stored figures of every account in `team_ids` (all teams when `None`).
pub fn portfolio(conn: &mut AnyConnection, team_ids: Option<&[i64]>) -> StoreResult<Vec<AccountRisk>> {
    let mut query = account_risk::table.select(account_risk::detail_json).order(account_risk::account_id).into_boxed();
    if let Some(team_ids) = team_ids {
        query = query.filter(account_risk::team_id.eq_any(team_ids.to_vec()));
    }
    let rows: Vec<String> = query.load(conn)?;
    rows.iter().map(|json| serde_json::from_str(json).map_err(|e| corrupt("account_risk.detail_json", e))).collect()
}

/// The facts of the given accounts (for what-ifs, which reassess without the leavers).
pub fn facts_of(conn: &mut AnyConnection, account_ids: &[i64], now: DateTime<Utc>) -> StoreResult<Vec<AccountFacts>> {
    let settings = settings();
    let mut facts = Vec::with_capacity(account_ids.len());
    for account_id in account_ids {
        if let Some((account, _)) = account_facts(conn, *account_id, &settings, now)? {
            facts.push(account);
        }
    }
    Ok(facts)
}

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
    let settings = settings();
    let day = now.date_naive();
    let team_ids: Vec<i64> = teams::table.select(teams::id).load(conn)?;
    let risks = portfolio(conn, None)?;
    let mut written = 0;
    for team_id in std::iter::once(0).chain(team_ids) {
        let summary = continuity_domain::continuity::portfolio_summary(
            risks.iter().filter(|risk| team_id == 0 || risk.team_id == team_id),
            &settings,
        );
        let flag_counts = serde_json::to_string(&summary.flag_counts).map_err(|e| corrupt("flag_counts", e))?;
        crate::connection::write_transaction(conn, |conn| {
            diesel::delete(
                risk_snapshots::table.filter(risk_snapshots::day.eq(day).and(risk_snapshots::team_id.eq(team_id))),
            )
            .execute(conn)?;
            diesel::insert_into(risk_snapshots::table)
                .values((
                    risk_snapshots::day.eq(day),
                    risk_snapshots::team_id.eq(team_id),
                    risk_snapshots::value_minor.eq(summary.value_minor),
                    risk_snapshots::exposure_minor.eq(summary.exposure_minor),
                    risk_snapshots::key_person_value_minor.eq(summary.key_person_value_minor),
                    risk_snapshots::flag_counts_json.eq(&flag_counts),
                ))
                .execute(conn)
                .map_err(StoreError::from)
        })?;
        written += 1;
    }
    Ok(written)
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

/// Recomputes every account (the periodic refresh for decay with time, and `continuity
/// recompute`), in batches of short transactions; answers the number of accounts.
pub fn recompute_all(conn: &mut AnyConnection, now: DateTime<Utc>) -> StoreResult<usize> {
    let ids: Vec<i64> = accounts::table.select(accounts::id).order(accounts::id).load(conn)?;
    for batch in ids.chunks(200) {
        crate::connection::write_transaction(conn, |conn| {
            for account_id in batch {
                recompute(conn, *account_id, now)?;
            }
            Ok::<(), StoreError>(())
        })?;
    }
    Ok(ids.len())
}
