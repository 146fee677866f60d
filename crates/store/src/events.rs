//! Client events: a client day, seminar or dinner held in the firm's name, with employees and
//! client contacts from many accounts. Each attending account gets one touchpoint of kind
//! `event` made on behalf of the organisation (so it feeds the institutional score and no
//! person's share), with the event's employees and that account's attending contacts, written
//! through the interaction store. Every write keeps those touchpoints in step with the
//! attendance in its own transaction and recomputes each affected account once.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDateTime, Utc};
use continuity_domain::rules::{self, RuleError};
use continuity_domain::validation::normalise;
use continuity_domain::{EventKind, EventStatus, InteractionKind, OnBehalfOf, UserStatus};
use diesel::prelude::*;
use serde::Serialize;

use crate::audit::{self, Change};
use crate::connection::write_transaction;
use crate::interactions::{self, NewInteraction};
use crate::schema::{accounts, contacts, event_attendees, event_employees, events, interactions as touchpoints, users};
use crate::scope::Scope;
use crate::users::escape_like;
use crate::{from_db_time, scope_accounts, to_db_time, AnyConnection, StoreError, StoreResult};

/// A contact attending an event, with their account.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attendee {
    pub contact_id: i64,
    pub contact_name: String,
    pub account_id: i64,
    pub account_name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub id: i64,
    pub name: String,
    pub kind: EventKind,
    pub occurred_at: DateTime<Utc>,
    pub summary: String,
    pub status: EventStatus,
    pub employee_ids: Vec<i64>,
    /// In account, then contact order.
    pub attendees: Vec<Attendee>,
    pub created_by: Option<i64>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Event {
    /// The attending accounts, each once, in id order.
    pub fn account_ids(&self) -> BTreeSet<i64> {
        self.attendees.iter().map(|attendee| attendee.account_id).collect()
    }

    pub fn contact_ids(&self) -> BTreeSet<i64> {
        self.attendees.iter().map(|attendee| attendee.contact_id).collect()
    }

    pub fn fields(&self) -> EventFields {
        EventFields {
            name: self.name.clone(),
            kind: self.kind,
            occurred_at: self.occurred_at,
            summary: self.summary.clone(),
            employee_ids: self.employee_ids.clone(),
            contact_ids: self.contact_ids().into_iter().collect(),
        }
    }
}

pub use continuity_domain::rules::events::EventFields;

/// An event as an account's network shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventHeadline {
    pub id: i64,
    pub name: String,
    pub kind: EventKind,
    pub occurred_at: DateTime<Utc>,
}

/// Another account met at events: the events both attended and the latest of them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetAtEvents {
    pub account_id: i64,
    pub event_ids: Vec<i64>,
    pub last_met_at: DateTime<Utc>,
}

/// Filters of the event list; all optional, combined with AND.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Events this account attended.
    pub account_id: Option<i64>,
    pub status: Option<EventStatus>,
    /// Free-text search in the name.
    pub name_contains: Option<String>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = events)]
struct EventRow {
    id: i64,
    name: String,
    kind: String,
    occurred_at: NaiveDateTime,
    summary: String,
    status: String,
    created_by: Option<i64>,
    version: i64,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

/// Makes events of rows, loading their employees and attendees.
fn with_people(conn: &mut AnyConnection, rows: Vec<EventRow>) -> StoreResult<Vec<Event>> {
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let mut employees: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    let mut attendees: BTreeMap<i64, Vec<Attendee>> = BTreeMap::new();
    if !ids.is_empty() {
        let pairs: Vec<(i64, i64)> = event_employees::table
            .filter(event_employees::event_id.eq_any(&ids))
            .select((event_employees::event_id, event_employees::user_id))
            .order((event_employees::event_id, event_employees::user_id))
            .load(conn)?;
        for (event_id, user_id) in pairs {
            employees.entry(event_id).or_default().push(user_id);
        }
        let rows: Vec<(i64, i64, String, i64, String)> = event_attendees::table
            .inner_join(contacts::table)
            .inner_join(accounts::table)
            .filter(event_attendees::event_id.eq_any(&ids))
            .select((event_attendees::event_id, contacts::id, contacts::name, accounts::id, accounts::name))
            .order((event_attendees::event_id, accounts::id, contacts::id))
            .load(conn)?;
        for (event_id, contact_id, contact_name, account_id, account_name) in rows {
            attendees.entry(event_id).or_default().push(Attendee {
                contact_id,
                contact_name,
                account_id,
                account_name,
            });
        }
    }
    rows.into_iter()
        .map(|row| {
            Ok(Event {
                id: row.id,
                name: row.name,
                kind: row.kind.parse().map_err(|e| StoreError::corrupt("events.kind", e))?,
                occurred_at: from_db_time(row.occurred_at),
                summary: row.summary,
                status: row.status.parse().map_err(|e| StoreError::corrupt("events.status", e))?,
                employee_ids: employees.remove(&row.id).unwrap_or_default(),
                attendees: attendees.remove(&row.id).unwrap_or_default(),
                created_by: row.created_by,
                version: row.version,
                created_at: from_db_time(row.created_at),
                updated_at: from_db_time(row.updated_at),
            })
        })
        .collect()
}

/// One event, whoever may see it (the caller checks).
pub fn get(conn: &mut AnyConnection, id: i64) -> StoreResult<Option<Event>> {
    let row: Option<EventRow> = events::table.find(id).select(EventRow::as_select()).first(conn).optional()?;
    Ok(with_people(conn, row.into_iter().collect())?.pop())
}

/// A page of the events `scope` may see (those with an attendee on an account in it), newest
/// first, after `(occurred_at, id)`.
pub fn list(
    conn: &mut AnyConnection,
    scope: &Scope,
    filter: &EventFilter,
    after: Option<(DateTime<Utc>, i64)>,
    limit: i64,
) -> StoreResult<Vec<Event>> {
    let mut query = events::table
        .inner_join(event_attendees::table.inner_join(accounts::table))
        .select(EventRow::as_select())
        .distinct()
        .order((events::occurred_at.desc(), events::id.desc()))
        .limit(limit)
        .into_boxed();
    query = scope_accounts!(query, scope);
    if let Some(account_id) = filter.account_id {
        query = query.filter(event_attendees::account_id.eq(account_id));
    }
    if let Some(status) = filter.status {
        query = query.filter(events::status.eq(status.as_str()));
    }
    if let Some(text) = filter.name_contains.as_deref().map(normalise).filter(|text| !text.is_empty()) {
        query = query.filter(events::name_lower.like(format!("%{}%", escape_like(&text))).escape('\\'));
    }
    if let Some((occurred_at, id)) = after {
        let occurred_at = to_db_time(occurred_at);
        query = query
            .filter(events::occurred_at.lt(occurred_at).or(events::occurred_at.eq(occurred_at).and(events::id.lt(id))));
    }
    let rows: Vec<EventRow> = query.load(conn)?;
    with_people(conn, rows)
}

/// The account of each of these contacts (unknown contacts left out).
pub fn accounts_of_contacts(conn: &mut AnyConnection, contact_ids: &[i64]) -> StoreResult<BTreeMap<i64, i64>> {
    if contact_ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    let pairs: Vec<(i64, i64)> = contacts::table
        .filter(contacts::id.eq_any(contact_ids))
        .select((contacts::id, contacts::account_id))
        .load(conn)?;
    Ok(pairs.into_iter().collect())
}

/// Checks that every employee exists and has not departed.
fn check_employees(conn: &mut AnyConnection, employee_ids: &[i64]) -> StoreResult<()> {
    let found: Vec<(i64, String)> =
        users::table.filter(users::id.eq_any(employee_ids)).select((users::id, users::status)).load(conn)?;
    for (index, id) in employee_ids.iter().enumerate() {
        match found.iter().find(|(found_id, _)| found_id == id) {
            Some((_, status)) if status != UserStatus::Departed.as_str() => {}
            _ => {
                return Err(RuleError::invalid(
                    "employee_ids",
                    format!("employee_ids[{index}]: no current employee with id {id}"),
                )
                .into())
            }
        }
    }
    Ok(())
}

/// Refuses a change to a closed event.
fn require_open(event: &Event) -> StoreResult<()> {
    Ok(rules::event_is_open(event.status)?)
}

/// Writes the event's people (replacing what was there).
fn write_people(
    conn: &mut AnyConnection,
    id: i64,
    fields: &EventFields,
    account_of: &BTreeMap<i64, i64>,
) -> StoreResult<()> {
    diesel::delete(event_employees::table.filter(event_employees::event_id.eq(id))).execute(conn)?;
    diesel::delete(event_attendees::table.filter(event_attendees::event_id.eq(id))).execute(conn)?;
    let attendees = fields
        .contact_ids
        .iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|&contact_id| {
            let account_id = account_of.get(&contact_id).copied().ok_or_else(|| {
                StoreError::from(RuleError::invalid("contact_ids", format!("no contact with id {contact_id}")))
            })?;
            Ok((contact_id, account_id))
        })
        .collect::<StoreResult<Vec<_>>>()?;
    insert_people(conn, id, fields.employee_ids.iter().copied().collect(), &attendees)
}

/// Inserts an event's employees and its attendees (`(contact_id, account_id)`), each once.
pub(crate) fn insert_people(
    conn: &mut AnyConnection,
    id: i64,
    employee_ids: BTreeSet<i64>,
    attendees: &[(i64, i64)],
) -> StoreResult<()> {
    for user_id in employee_ids {
        diesel::insert_into(event_employees::table)
            .values((event_employees::event_id.eq(id), event_employees::user_id.eq(user_id)))
            .execute(conn)?;
    }
    for &(contact_id, account_id) in attendees {
        diesel::insert_into(event_attendees::table)
            .values((
                event_attendees::event_id.eq(id),
                event_attendees::contact_id.eq(contact_id),
                event_attendees::account_id.eq(account_id),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The text of the touchpoints: the event's name, then its summary.
fn touchpoint_summary(fields: &EventFields) -> String {
    if fields.summary.trim().is_empty() {
        fields.name.clone()
    } else {
        format!("{}\n\n{}", fields.name, fields.summary)
    }
}

/// Brings the event's touchpoints in step with its attendance: one per attending account
/// (added, rewritten or left as it is), none on accounts that no longer attend. Inside the
/// caller's transaction.
fn sync_touchpoints(
    conn: &mut AnyConnection,
    id: i64,
    fields: &EventFields,
    account_of: &BTreeMap<i64, i64>,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let mut contacts_by_account: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for contact_id in fields.contact_ids.iter().collect::<BTreeSet<_>>() {
        if let Some(account_id) = account_of.get(contact_id) {
            contacts_by_account.entry(*account_id).or_default().push(*contact_id);
        }
    }
    let existing: BTreeMap<i64, i64> = touchpoints::table
        .filter(touchpoints::event_id.eq(id))
        .select((touchpoints::account_id, touchpoints::id))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    for (account_id, interaction_id) in &existing {
        if !contacts_by_account.contains_key(account_id) {
            interactions::delete_owned(conn, *interaction_id, actor_id, now)?;
        }
    }
    for (account_id, contact_ids) in contacts_by_account {
        let new = NewInteraction {
            external_id: None,
            kind: InteractionKind::Event,
            occurred_at: fields.occurred_at,
            summary: touchpoint_summary(fields),
            on_behalf_of: OnBehalfOf::Organisation,
            complaint_status: None,
            resolution: None,
            follow_up_owner_id: None,
            follow_up_due: None,
            employee_ids: fields.employee_ids.clone(),
            contact_ids,
            event_id: Some(id),
        };
        match existing.get(&account_id) {
            Some(interaction_id) => {
                interactions::rewrite_owned(conn, *interaction_id, &new, actor_id, now)?;
            }
            None => {
                interactions::insert(conn, account_id, &new, actor_id, now)?;
            }
        }
    }
    Ok(())
}

/// Creates an event with its touchpoints; `account_of` maps each contact to its account (see
/// [`accounts_of_contacts`]).
pub fn create(
    conn: &mut AnyConnection,
    fields: &EventFields,
    account_of: &BTreeMap<i64, i64>,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Event> {
    write_transaction(conn, now, |conn| {
        rules::events::check(fields, now)?;
        check_employees(conn, &fields.employee_ids)?;
        let stamp = to_db_time(now);
        let id: i64 = diesel::insert_into(events::table)
            .values((
                events::name.eq(fields.name.trim()),
                events::name_lower.eq(normalise(&fields.name)),
                events::kind.eq(fields.kind.as_str()),
                events::occurred_at.eq(to_db_time(fields.occurred_at)),
                events::summary.eq(&fields.summary),
                events::created_by.eq(actor_id),
                events::created_at.eq(stamp),
                events::updated_at.eq(stamp),
            ))
            .returning(events::id)
            .get_result(conn)?;
        write_people(conn, id, fields, account_of)?;
        audit::record(conn, Change::new(actor_id, "event", id, "create").after(fields), now)?;
        sync_touchpoints(conn, id, fields, account_of, actor_id, now)?;
        Ok::<_, StoreError>(id)
    })
    .and_then(|id| get(conn, id)?.ok_or(StoreError::NotFound))
}

/// Replaces an open event's fields and attendance if `expected_version` is current; the
/// touchpoints follow.
pub fn update(
    conn: &mut AnyConnection,
    id: i64,
    expected_version: i64,
    fields: &EventFields,
    account_of: &BTreeMap<i64, i64>,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Event> {
    write_transaction(conn, now, |conn| {
        let before = get(conn, id)?.ok_or(StoreError::NotFound)?;
        require_open(&before)?;
        rules::events::check(fields, now)?;
        check_employees(conn, &fields.employee_ids)?;
        let changed = diesel::update(at_version(id, expected_version))
            .set((
                events::name.eq(fields.name.trim()),
                events::name_lower.eq(normalise(&fields.name)),
                events::occurred_at.eq(to_db_time(fields.occurred_at)),
                events::summary.eq(&fields.summary),
                events::version.eq(events::version + 1),
                events::updated_at.eq(to_db_time(now)),
            ))
            .execute(conn)?;
        changed_one(changed)?;
        write_people(conn, id, fields, account_of)?;
        audit::record(conn, Change::new(actor_id, "event", id, "update").before(&before.fields()).after(fields), now)?;
        sync_touchpoints(conn, id, fields, account_of, actor_id, now)
    })?;
    get(conn, id)?.ok_or(StoreError::NotFound)
}

/// The event row at one version.
type AtVersion = diesel::dsl::Filter<
    events::table,
    diesel::dsl::And<diesel::dsl::Eq<events::id, i64>, diesel::dsl::Eq<events::version, i64>>,
>;

/// The event row, if it is still at `expected_version`.
fn at_version(id: i64, expected_version: i64) -> AtVersion {
    events::table.filter(events::id.eq(id).and(events::version.eq(expected_version)))
}

/// Zero rows changed by a versioned update: someone else changed the event first.
fn changed_one(changed: usize) -> StoreResult<()> {
    if changed == 0 {
        Err(StoreError::StaleVersion)
    } else {
        Ok(())
    }
}

/// Closes an open event: its attendance is frozen from then on.
pub fn close(
    conn: &mut AnyConnection,
    id: i64,
    expected_version: i64,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Event> {
    write_transaction(conn, now, |conn| {
        let before = get(conn, id)?.ok_or(StoreError::NotFound)?;
        require_open(&before)?;
        let changed = diesel::update(at_version(id, expected_version))
            .set((
                events::status.eq(EventStatus::Closed.as_str()),
                events::version.eq(events::version + 1),
                events::updated_at.eq(to_db_time(now)),
            ))
            .execute(conn)?;
        changed_one(changed)?;
        let after = serde_json::json!({"status": EventStatus::Closed});
        audit::record(conn, Change::new(actor_id, "event", id, "close").after(&after), now)
    })?;
    get(conn, id)?.ok_or(StoreError::NotFound)
}

/// Deletes an open event and its touchpoints.
pub fn delete(conn: &mut AnyConnection, id: i64, actor_id: Option<i64>, now: DateTime<Utc>) -> StoreResult<()> {
    write_transaction(conn, now, |conn| {
        let before = get(conn, id)?.ok_or(StoreError::NotFound)?;
        require_open(&before)?;
        let owned: Vec<i64> =
            touchpoints::table.filter(touchpoints::event_id.eq(id)).select(touchpoints::id).load(conn)?;
        for interaction_id in owned {
            interactions::delete_owned(conn, interaction_id, actor_id, now)?;
        }
        diesel::delete(event_employees::table.filter(event_employees::event_id.eq(id))).execute(conn)?;
        diesel::delete(event_attendees::table.filter(event_attendees::event_id.eq(id))).execute(conn)?;
        diesel::delete(events::table.find(id)).execute(conn)?;
        audit::record(conn, Change::new(actor_id, "event", id, "delete").before(&before.fields()), now)
    })
}

/// The events an account attended, newest first.
pub fn of_account(conn: &mut AnyConnection, account_id: i64) -> StoreResult<Vec<EventHeadline>> {
    let rows: Vec<(i64, String, String, NaiveDateTime)> = events::table
        .filter(events::id.eq_any(
            event_attendees::table.filter(event_attendees::account_id.eq(account_id)).select(event_attendees::event_id),
        ))
        .select((events::id, events::name, events::kind, events::occurred_at))
        .order((events::occurred_at.desc(), events::id.desc()))
        .load(conn)?;
    rows.into_iter()
        .map(|(id, name, kind, occurred_at)| {
            Ok(EventHeadline {
                id,
                name,
                kind: kind.parse().map_err(|e| StoreError::corrupt("events.kind", e))?,
                occurred_at: from_db_time(occurred_at),
            })
        })
        .collect()
}

/// The other accounts that attended the same events as `account_id` ("met at events"), in
/// account order, each with the shared events (newest first) and the latest one's time.
pub fn met_at_events(conn: &mut AnyConnection, account_id: i64) -> StoreResult<Vec<MetAtEvents>> {
    let attended: Vec<i64> = event_attendees::table
        .filter(event_attendees::account_id.eq(account_id))
        .select(event_attendees::event_id)
        .distinct()
        .load(conn)?;
    if attended.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<(i64, i64, NaiveDateTime)> = event_attendees::table
        .inner_join(events::table)
        .filter(event_attendees::event_id.eq_any(&attended))
        .filter(event_attendees::account_id.ne(account_id))
        .select((event_attendees::account_id, events::id, events::occurred_at))
        .distinct()
        .order((event_attendees::account_id, events::occurred_at.desc(), events::id.desc()))
        .load(conn)?;
    let mut met: Vec<MetAtEvents> = Vec::new();
    for (other, event_id, occurred_at) in rows {
        match met.last_mut() {
            Some(entry) if entry.account_id == other => entry.event_ids.push(event_id),
            _ => met.push(MetAtEvents {
                account_id: other,
                event_ids: vec![event_id],
                last_met_at: from_db_time(occurred_at),
            }),
        }
    }
    Ok(met)
}
