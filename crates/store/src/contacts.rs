//! Contact persons at the client. A contact who changes jobs keeps their history: the old
//! record gets `left_at`, a new one on the new account points back to it.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use continuity_domain::rules::{self, RuleError};
use continuity_domain::validation::normalise;
use diesel::prelude::*;
use serde::Serialize;

use crate::audit::{self, Change};
use crate::connection::write_transaction;
use crate::schema::{accounts, contacts};
use crate::scope::Scope;
use crate::{from_db_time, scope_accounts, to_db_time, AnyConnection, StoreError, StoreResult};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contact {
    pub id: i64,
    pub account_id: i64,
    /// Its editable fields, as written and audited.
    #[serde(flatten)]
    pub fields: ContactFields,
    pub previous_contact_id: Option<i64>,
    pub erased_at: Option<DateTime<Utc>>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub use continuity_domain::rules::contacts::ContactFields;

#[derive(Queryable, Selectable)]
#[diesel(table_name = contacts)]
struct ContactRow {
    id: i64,
    account_id: i64,
    external_id: Option<String>,
    name: String,
    job_title: String,
    email: Option<String>,
    phone: Option<String>,
    influence: String,
    left_at: Option<NaiveDate>,
    previous_contact_id: Option<i64>,
    erased_at: Option<NaiveDateTime>,
    version: i64,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

impl TryFrom<ContactRow> for Contact {
    type Error = StoreError;
    fn try_from(row: ContactRow) -> StoreResult<Contact> {
        Ok(Contact {
            id: row.id,
            account_id: row.account_id,
            fields: ContactFields {
                external_id: row.external_id,
                name: row.name,
                job_title: row.job_title,
                email: row.email,
                phone: row.phone,
                influence: row.influence.parse().map_err(|e| StoreError::corrupt("contacts.influence", e))?,
                left_at: row.left_at,
            },
            previous_contact_id: row.previous_contact_id,
            erased_at: row.erased_at.map(from_db_time),
            version: row.version,
            created_at: from_db_time(row.created_at),
            updated_at: from_db_time(row.updated_at),
        })
    }
}

/// The columns a contact's [`ContactFields`] fill, for an insert and an update alike.
macro_rules! field_values {
    ($fields:expr) => {
        (
            contacts::external_id.eq(&$fields.external_id),
            contacts::name.eq($fields.name.trim()),
            contacts::name_lower.eq(normalise(&$fields.name)),
            contacts::job_title.eq($fields.job_title.trim()),
            contacts::email.eq(&$fields.email),
            contacts::phone.eq(&$fields.phone),
            contacts::influence.eq($fields.influence.as_str()),
            contacts::left_at.eq($fields.left_at),
        )
    };
}

/// Adds a contact to an account (inside the caller's transaction); audits and recomputes.
pub fn insert(
    conn: &mut AnyConnection,
    account_id: i64,
    fields: &ContactFields,
    previous_contact_id: Option<i64>,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Contact> {
    rules::contacts::check(fields)?;
    let team_id = crate::accounts::team_of(conn, account_id)?;
    let stamp = to_db_time(now);
    let id: i64 = diesel::insert_into(contacts::table)
        .values((
            contacts::account_id.eq(account_id),
            field_values!(fields),
            contacts::previous_contact_id.eq(previous_contact_id),
            contacts::created_at.eq(stamp),
            contacts::updated_at.eq(stamp),
        ))
        .returning(contacts::id)
        .get_result(conn)
        .map_err(|e| StoreError::on_unique(e, "external_id"))?;
    audit::record(
        conn,
        Change::new(actor_id, "contact", id, "create").after(fields).on_account(account_id, team_id),
        now,
    )?;
    get(conn, id)?.ok_or(StoreError::NotFound)
}

pub fn create(
    conn: &mut AnyConnection,
    account_id: i64,
    fields: &ContactFields,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Contact> {
    write_transaction(conn, now, |conn| insert(conn, account_id, fields, None, actor_id, now))
}

pub fn get(conn: &mut AnyConnection, id: i64) -> StoreResult<Option<Contact>> {
    contacts::table.find(id).select(ContactRow::as_select()).first(conn).optional()?.map(Contact::try_from).transpose()
}

/// A page of the contacts of the accounts `scope` may see, in id order after `after_id`
/// (exports).
pub fn list_visible(conn: &mut AnyConnection, scope: &Scope, after_id: i64, limit: i64) -> StoreResult<Vec<Contact>> {
    let query = contacts::table
        .inner_join(accounts::table)
        .filter(contacts::id.gt(after_id))
        .select(ContactRow::as_select())
        .order(contacts::id)
        .limit(limit)
        .into_boxed();
    let rows: Vec<ContactRow> = scope_accounts!(query, scope).load(conn)?;
    rows.into_iter().map(Contact::try_from).collect()
}

/// The contact with this external id (imports).
pub fn find_by_external_id(conn: &mut AnyConnection, external_id: &str) -> StoreResult<Option<Contact>> {
    contacts::table
        .filter(contacts::external_id.eq(external_id))
        .select(ContactRow::as_select())
        .first(conn)
        .optional()?
        .map(Contact::try_from)
        .transpose()
}

/// Every contact of an account (current ones first, then by name).
pub fn list_for_account(conn: &mut AnyConnection, account_id: i64) -> StoreResult<Vec<Contact>> {
    let rows: Vec<ContactRow> = contacts::table
        .filter(contacts::account_id.eq(account_id))
        .select(ContactRow::as_select())
        .order((contacts::name_lower.asc(), contacts::id.asc()))
        .load(conn)?;
    let mut contacts: Vec<Contact> = rows.into_iter().map(Contact::try_from).collect::<StoreResult<_>>()?;
    contacts.sort_by_key(|contact| contact.fields.left_at.is_some());
    Ok(contacts)
}

/// Replaces a contact's fields if `expected_version` is current (inside the caller's
/// transaction); audits and recomputes the account.
pub fn apply_update(
    conn: &mut AnyConnection,
    id: i64,
    expected_version: i64,
    fields: &ContactFields,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Contact> {
    let before = get(conn, id)?.ok_or(StoreError::NotFound)?;
    rules::contacts::check(fields)?;
    let changed =
        diesel::update(contacts::table.filter(contacts::id.eq(id).and(contacts::version.eq(expected_version))))
            .set((
                field_values!(fields),
                contacts::version.eq(contacts::version + 1),
                contacts::updated_at.eq(to_db_time(now)),
            ))
            .execute(conn)
            .map_err(|e| StoreError::on_unique(e, "external_id"))?;
    if changed == 0 {
        return Err(StoreError::StaleVersion);
    }
    let team_id = crate::accounts::team_of(conn, before.account_id)?;
    audit::record(
        conn,
        Change::new(actor_id, "contact", id, "update")
            .before(&before.fields)
            .after(fields)
            .on_account(before.account_id, team_id),
        now,
    )?;
    get(conn, id)?.ok_or(StoreError::NotFound)
}

pub fn update(
    conn: &mut AnyConnection,
    id: i64,
    expected_version: i64,
    fields: &ContactFields,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<Contact> {
    write_transaction(conn, now, |conn| apply_update(conn, id, expected_version, fields, actor_id, now))
}

/// The contact changed jobs: their record on the old account is closed with `left_at`
/// (`today`, unless already set) and a new record on `new_account_id` points back to it.
/// Both accounts are recomputed; answers `(old, new)`.
pub fn move_to_account(
    conn: &mut AnyConnection,
    id: i64,
    expected_version: i64,
    new_account_id: i64,
    new_job_title: Option<String>,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> StoreResult<(Contact, Contact)> {
    write_transaction(conn, now, |conn| {
        let before = get(conn, id)?.ok_or(StoreError::NotFound)?;
        if before.account_id == new_account_id {
            return Err(RuleError::invalid("account_id", "the contact is already on this account").into());
        }
        let mut closed = before.fields.clone();
        closed.left_at = Some(before.fields.left_at.unwrap_or(now.date_naive()));
        let old = apply_update(conn, id, expected_version, &closed, actor_id, now)?;
        let mut moved = before.fields.clone();
        moved.external_id = None;
        moved.left_at = None;
        if let Some(job_title) = new_job_title {
            moved.job_title = job_title;
        }
        let new = insert(conn, new_account_id, &moved, Some(id), actor_id, now)?;
        Ok((old, new))
    })
}
