//! Coverage policies: per tier, the holders and current contacts an account must have. A
//! change recomputes the accounts of that tier.

use chrono::{DateTime, Utc};
use continuity_domain::rules;
use continuity_domain::Tier;
use diesel::prelude::*;
use serde::Serialize;

use crate::audit::{self, Change};
use crate::connection::write_transaction;
use crate::schema::coverage_policies;
use crate::{AnyConnection, StoreError, StoreResult};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Policy {
    pub id: i64,
    pub tier: Tier,
    pub min_holders: i32,
    pub min_current_contacts: i32,
    pub version: i64,
}

type PolicyRow = (i64, String, i32, i32, i64);

fn columns() -> (
    coverage_policies::id,
    coverage_policies::tier,
    coverage_policies::min_holders,
    coverage_policies::min_contacts,
    coverage_policies::version,
) {
    (
        coverage_policies::id,
        coverage_policies::tier,
        coverage_policies::min_holders,
        coverage_policies::min_contacts,
        coverage_policies::version,
    )
}

fn to_policy((id, tier, min_holders, min_current_contacts, version): PolicyRow) -> StoreResult<Policy> {
    let tier = tier.parse().map_err(|e| StoreError::corrupt("coverage_policies.tier", e))?;
    Ok(Policy { id, tier, min_holders, min_current_contacts, version })
}

pub fn list(conn: &mut AnyConnection) -> StoreResult<Vec<Policy>> {
    let rows: Vec<PolicyRow> = coverage_policies::table.select(columns()).order(coverage_policies::tier).load(conn)?;
    rows.into_iter().map(to_policy).collect()
}

pub fn get(conn: &mut AnyConnection, id: i64) -> StoreResult<Option<Policy>> {
    let row: Option<PolicyRow> = coverage_policies::table.find(id).select(columns()).first(conn).optional()?;
    row.map(to_policy).transpose()
}

/// Creates the policy of a tier (one per tier).
pub fn create(
    conn: &mut AnyConnection,
    tier: Tier,
    min_holders: i32,
    min_current_contacts: i32,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Policy> {
    rules::coverage::check(min_holders, min_current_contacts)?;
    write_transaction(conn, now, |conn| {
        let row: PolicyRow = diesel::insert_into(coverage_policies::table)
            .values((
                coverage_policies::tier.eq(tier.as_str()),
                coverage_policies::min_holders.eq(min_holders),
                coverage_policies::min_contacts.eq(min_current_contacts),
            ))
            .returning(columns())
            .get_result(conn)
            .map_err(|e| StoreError::on_unique(e, "tier"))?;
        let policy = to_policy(row)?;
        audit::record(conn, Change::new(actor_id, "coverage_policy", policy.id, "create").after(&policy), now)?;
        Ok(policy)
    })
}

/// Changes a policy's minimums if `expected_version` is current.
pub fn update(
    conn: &mut AnyConnection,
    id: i64,
    expected_version: i64,
    min_holders: i32,
    min_current_contacts: i32,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Policy> {
    rules::coverage::check(min_holders, min_current_contacts)?;
    write_transaction(conn, now, |conn| {
        let before = get(conn, id)?.ok_or(StoreError::NotFound)?;
        let changed = diesel::update(
            coverage_policies::table
                .filter(coverage_policies::id.eq(id).and(coverage_policies::version.eq(expected_version))),
        )
        .set((
            coverage_policies::min_holders.eq(min_holders),
            coverage_policies::min_contacts.eq(min_current_contacts),
            coverage_policies::version.eq(coverage_policies::version + 1),
        ))
        .execute(conn)?;
        if changed == 0 {
            return Err(StoreError::StaleVersion);
        }
        let after = get(conn, id)?.ok_or(StoreError::NotFound)?;
        audit::record(conn, Change::new(actor_id, "coverage_policy", id, "update").before(&before).after(&after), now)?;
        Ok(after)
    })
}

/// Removes a policy if `expected_version` is current: the tier then has no minimums.
pub fn delete(
    conn: &mut AnyConnection,
    id: i64,
    expected_version: i64,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    write_transaction(conn, now, |conn| {
        let before = get(conn, id)?.ok_or(StoreError::NotFound)?;
        let deleted = diesel::delete(
            coverage_policies::table
                .filter(coverage_policies::id.eq(id).and(coverage_policies::version.eq(expected_version))),
        )
        .execute(conn)?;
        if deleted == 0 {
            return Err(StoreError::StaleVersion);
        }
        audit::record(conn, Change::new(actor_id, "coverage_policy", id, "delete").before(&before), now)?;
        Ok(())
    })
}
