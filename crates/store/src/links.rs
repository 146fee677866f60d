//! Account links — the client network (`referred_by`, `same_group`, `partner`). A link is
//! stored once and shown from both accounts, each with the other account and the direction.
//! A link is an institutional tie of both accounts, so creating or removing one recomputes
//! both in the same transaction.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDateTime, Utc};
use continuity_domain::rules;
use continuity_domain::AccountLinkKind;
use diesel::prelude::*;
use serde::Serialize;

use crate::audit::{self, Change};
use crate::connection::write_transaction;
use crate::schema::account_links;
use crate::{from_db_time, to_db_time, AnyConnection, StoreError, StoreResult};

/// A link as seen from one account.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    pub id: i64,
    pub kind: AccountLinkKind,
    pub other_account_id: i64,
    /// `outgoing`: this account is the link's subject (e.g. it was referred by the other);
    /// `incoming`: the other account is.
    pub direction: &'static str,
    pub created_at: DateTime<Utc>,
}

/// Every link of an account, both directions.
pub fn list_for_account(conn: &mut AnyConnection, account_id: i64) -> StoreResult<Vec<Link>> {
    let rows: Vec<(i64, i64, i64, String, NaiveDateTime)> = account_links::table
        .filter(account_links::account_id.eq(account_id).or(account_links::other_account_id.eq(account_id)))
        .select((
            account_links::id,
            account_links::account_id,
            account_links::other_account_id,
            account_links::kind,
            account_links::created_at,
        ))
        .order(account_links::id)
        .load(conn)?;
    let mut links = Vec::with_capacity(rows.len());
    for (id, subject, object, kind, created_at) in rows {
        let (other, direction) = if subject == account_id { (object, "outgoing") } else { (subject, "incoming") };
        links.push(Link {
            id,
            kind: kind.parse().map_err(|e| StoreError::corrupt("account_links.kind", e))?,
            other_account_id: other,
            direction,
            created_at: from_db_time(created_at),
        });
    }
    Ok(links)
}

/// Which of `account_ids` have at least one link (either direction).
pub fn linked_among(conn: &mut AnyConnection, account_ids: &[i64]) -> StoreResult<BTreeSet<i64>> {
    if account_ids.is_empty() {
        return Ok(BTreeSet::new());
    }
    let mut linked: BTreeSet<i64> = account_links::table
        .filter(account_links::account_id.eq_any(account_ids))
        .select(account_links::account_id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();
    linked.extend(
        account_links::table
            .filter(account_links::other_account_id.eq_any(account_ids))
            .select(account_links::other_account_id)
            .load::<i64>(conn)?,
    );
    Ok(linked)
}

/// Links `account_id` to `other_account_id`; one link of a kind per ordered pair.
pub fn create(
    conn: &mut AnyConnection,
    account_id: i64,
    other_account_id: i64,
    kind: AccountLinkKind,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<i64> {
    rules::link_joins_two_accounts(account_id, other_account_id)?;
    write_transaction(conn, now, |conn| {
        let team_id = crate::accounts::team_of(conn, account_id)?;
        let id: i64 = diesel::insert_into(account_links::table)
            .values((
                account_links::account_id.eq(account_id),
                account_links::other_account_id.eq(other_account_id),
                account_links::kind.eq(kind.as_str()),
                account_links::created_at.eq(to_db_time(now)),
            ))
            .returning(account_links::id)
            .get_result(conn)
            .map_err(|e| StoreError::on_unique(e, "other_account_id"))?;
        let after = serde_json::json!({"other_account_id": other_account_id.to_string(), "kind": kind});
        audit::record(
            conn,
            Change::new(actor_id, "account_link", id, "create").after(&after).on_account(account_id, team_id),
            now,
        )?;
        Ok(id)
    })
}

/// Removes a link of `account_id` (either direction).
pub fn delete(
    conn: &mut AnyConnection,
    account_id: i64,
    link_id: i64,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    write_transaction(conn, now, |conn| {
        let team_id = crate::accounts::team_of(conn, account_id)?;
        let of_account = account_links::id
            .eq(link_id)
            .and(account_links::account_id.eq(account_id).or(account_links::other_account_id.eq(account_id)));
        let found: Option<i64> =
            account_links::table.filter(of_account).select(account_links::id).first(conn).optional()?;
        found.ok_or(StoreError::NotFound)?;
        diesel::delete(account_links::table.find(link_id)).execute(conn)?;
        audit::record(
            conn,
            Change::new(actor_id, "account_link", link_id, "delete").on_account(account_id, team_id),
            now,
        )?;
        Ok(())
    })
}
