//! The audit trail: who changed what, when, with before/after values. Every write appends its
//! entry inside the same transaction as the change.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;

use crate::schema::audit_entries;
use crate::{to_db_time, AnyConnection, StoreResult};

/// One change to record.
#[derive(Debug, Clone)]
pub struct Change<'a> {
    pub actor_id: Option<i64>,
    pub entity: &'a str,
    pub entity_id: String,
    pub action: &'a str,
    pub account_id: Option<i64>,
    pub team_id: Option<i64>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

impl<'a> Change<'a> {
    pub fn new(actor_id: Option<i64>, entity: &'a str, entity_id: impl ToString, action: &'a str) -> Self {
        Change {
            actor_id,
            entity,
            entity_id: entity_id.to_string(),
            action,
            account_id: None,
            team_id: None,
            before: None,
            after: None,
        }
    }

    pub fn before(mut self, value: &impl Serialize) -> Self {
        self.before = serde_json::to_value(value).ok();
        self
    }

    pub fn after(mut self, value: &impl Serialize) -> Self {
        self.after = serde_json::to_value(value).ok();
        self
    }

    pub fn on_account(mut self, account_id: i64, team_id: i64) -> Self {
        self.account_id = Some(account_id);
        self.team_id = Some(team_id);
        self
    }

    pub fn on_team(mut self, team_id: Option<i64>) -> Self {
        self.team_id = team_id;
        self
    }
}

/// Appends `change` to the audit trail.
pub fn record(conn: &mut AnyConnection, change: Change<'_>, now: DateTime<Utc>) -> StoreResult<()> {
    diesel::insert_into(audit_entries::table)
        .values((
            audit_entries::occurred_at.eq(to_db_time(now)),
            audit_entries::actor_id.eq(change.actor_id),
            audit_entries::entity.eq(change.entity),
            audit_entries::entity_id.eq(&change.entity_id),
            audit_entries::action.eq(change.action),
            audit_entries::account_id.eq(change.account_id),
            audit_entries::team_id.eq(change.team_id),
            audit_entries::before_json.eq(change.before.map(|v| v.to_string())),
            audit_entries::after_json.eq(change.after.map(|v| v.to_string())),
        ))
        .execute(conn)?;
    Ok(())
}

/// One entry of the audit trail as read back.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    pub actor_id: Option<i64>,
    pub entity: String,
    pub entity_id: String,
    pub action: String,
    pub account_id: Option<i64>,
    pub team_id: Option<i64>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// Filters of the audit list; `team_ids` limits it to entries about those teams (sales leads).
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    pub actor_id: Option<i64>,
    pub account_id: Option<i64>,
    pub team_ids: Option<Vec<i64>>,
}

type AuditRow = (
    i64,
    chrono::NaiveDateTime,
    Option<i64>,
    String,
    String,
    String,
    Option<i64>,
    Option<i64>,
    Option<String>,
    Option<String>,
);

/// A page of the audit trail, newest first, before entry `before_id`.
pub fn list(
    conn: &mut AnyConnection,
    filter: &AuditFilter,
    before_id: Option<i64>,
    limit: i64,
) -> StoreResult<Vec<AuditEntry>> {
    let mut query = audit_entries::table
        .select((
            audit_entries::id,
            audit_entries::occurred_at,
            audit_entries::actor_id,
            audit_entries::entity,
            audit_entries::entity_id,
            audit_entries::action,
            audit_entries::account_id,
            audit_entries::team_id,
            audit_entries::before_json,
            audit_entries::after_json,
        ))
        .order(audit_entries::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(entity) = &filter.entity {
        query = query.filter(audit_entries::entity.eq(entity.clone()));
    }
    if let Some(entity_id) = &filter.entity_id {
        query = query.filter(audit_entries::entity_id.eq(entity_id.clone()));
    }
    if let Some(actor_id) = filter.actor_id {
        query = query.filter(audit_entries::actor_id.eq(actor_id));
    }
    if let Some(account_id) = filter.account_id {
        query = query.filter(audit_entries::account_id.eq(account_id));
    }
    if let Some(team_ids) = &filter.team_ids {
        query = query.filter(audit_entries::team_id.eq_any(team_ids.clone()));
    }
    if let Some(before_id) = before_id {
        query = query.filter(audit_entries::id.lt(before_id));
    }
    let rows: Vec<AuditRow> = query.load(conn)?;
    let parse = |json: Option<String>| json.and_then(|text| serde_json::from_str(&text).ok());
    Ok(rows
        .into_iter()
        .map(|(id, occurred_at, actor_id, entity, entity_id, action, account_id, team_id, before, after)| AuditEntry {
            id,
            occurred_at: crate::from_db_time(occurred_at),
            actor_id,
            entity,
            entity_id,
            action,
            account_id,
            team_id,
            before: parse(before),
            after: parse(after),
        })
        .collect())
}
