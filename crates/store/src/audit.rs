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
