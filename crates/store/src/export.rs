//! Exports of accounts, contacts, assignments and interactions (`GET /export/{kind}`): the
//! records of the accounts a scope may see, as the lines the import takes, so that an export
//! imports again with everything unchanged. Records without an external id are named by their
//! reserved handle ([`crate::import::handle_of`]). Read page by page in id order.

use std::collections::HashMap;

use diesel::prelude::*;

use crate::import::{handle_of, AccountLine, AssignmentLine, ContactLine, InteractionLine};
use crate::schema::{accounts, assignments, users};
use crate::scope::Scope;
use crate::{contacts, interactions, scope_accounts, teams, AnyConnection, StoreError, StoreResult};

/// Rows read per query.
const PAGE: i64 = 1_000;

type AccountRow = (i64, Option<String>, String, String, String, i64, i64, String, String);

/// The visible accounts' handles by id.
fn account_handles(conn: &mut AnyConnection, scope: &Scope) -> StoreResult<HashMap<i64, String>> {
    let query = accounts::table.select((accounts::id, accounts::external_id)).into_boxed();
    let rows: Vec<(i64, Option<String>)> = scope_accounts!(query, scope).load(conn)?;
    Ok(rows.into_iter().map(|(id, external_id)| (id, handle_of(external_id.as_deref(), id))).collect())
}

fn user_emails(conn: &mut AnyConnection) -> StoreResult<HashMap<i64, String>> {
    Ok(users::table.select((users::id, users::email)).load::<(i64, String)>(conn)?.into_iter().collect())
}

fn lookup(names: &HashMap<i64, String>, id: i64, what: &str) -> StoreResult<String> {
    names.get(&id).cloned().ok_or_else(|| StoreError::corrupt(what, format!("{id} is not visible")))
}

/// Every account `scope` may see, in id order.
pub fn accounts(conn: &mut AnyConnection, scope: &Scope) -> StoreResult<Vec<AccountLine>> {
    let team_names: HashMap<i64, String> = teams::list(conn)?.into_iter().map(|team| (team.id, team.name)).collect();
    let mut lines = Vec::new();
    let mut after = 0;
    loop {
        let query = accounts::table
            .filter(accounts::id.gt(after))
            .select((
                accounts::id,
                accounts::external_id,
                accounts::name,
                accounts::tier,
                accounts::region,
                accounts::team_id,
                accounts::annual_value_minor,
                accounts::currency,
                accounts::status,
            ))
            .order(accounts::id)
            .limit(PAGE)
            .into_boxed();
        let rows: Vec<AccountRow> = scope_accounts!(query, scope).load(conn)?;
        let Some(last) = rows.last().map(|row| row.0) else { return Ok(lines) };
        for (id, external_id, name, tier, region, team_id, annual_value_minor, currency, status) in rows {
            lines.push(AccountLine {
                external_id: handle_of(external_id.as_deref(), id),
                name,
                tier: tier.parse().map_err(|e| StoreError::corrupt("accounts.tier", e))?,
                region,
                team_name: lookup(&team_names, team_id, "accounts.team_id")?,
                annual_value_minor,
                currency,
                status: Some(status.parse().map_err(|e| StoreError::corrupt("accounts.status", e))?),
            });
        }
        after = last;
    }
}

/// Every contact of the accounts `scope` may see, in id order.
pub fn contacts(conn: &mut AnyConnection, scope: &Scope) -> StoreResult<Vec<ContactLine>> {
    let accounts = account_handles(conn, scope)?;
    let mut lines = Vec::new();
    let mut after = 0;
    loop {
        let page = contacts::list_visible(conn, scope, after, PAGE)?;
        let Some(last) = page.last().map(|contact| contact.id) else { return Ok(lines) };
        for contact in page {
            lines.push(ContactLine {
                external_id: handle_of(contact.fields.external_id.as_deref(), contact.id),
                account_external_id: lookup(&accounts, contact.account_id, "contacts.account_id")?,
                name: contact.fields.name,
                influence: contact.fields.influence,
                job_title: Some(contact.fields.job_title),
                email: Some(contact.fields.email),
                phone: Some(contact.fields.phone),
                left_at: Some(contact.fields.left_at),
            });
        }
        after = last;
    }
}

/// Every open assignment on the accounts `scope` may see, in id order. (The scope's own
/// subquery reads `assignments`, so it cannot narrow this query: the visible accounts do.)
pub fn assignments(conn: &mut AnyConnection, scope: &Scope) -> StoreResult<Vec<AssignmentLine>> {
    let accounts = account_handles(conn, scope)?;
    let mut lines = Vec::new();
    let mut after = 0;
    loop {
        let rows: Vec<(i64, i64, String, String, String)> = assignments::table
            .inner_join(users::table)
            .filter(assignments::until.is_null().and(assignments::id.gt(after)))
            .select((assignments::id, assignments::account_id, users::email, assignments::role, assignments::access))
            .order(assignments::id)
            .limit(PAGE)
            .load(conn)?;
        let Some(last) = rows.last().map(|row| row.0) else { return Ok(lines) };
        for (_, account_id, user_email, role, access) in rows {
            let Some(account_external_id) = accounts.get(&account_id).cloned() else { continue };
            lines.push(AssignmentLine {
                account_external_id,
                user_email,
                role: role.parse().map_err(|e| StoreError::corrupt("assignments.role", e))?,
                access: access.parse().map_err(|e| StoreError::corrupt("assignments.access", e))?,
            });
        }
        after = last;
    }
}

/// Every interaction of the accounts `scope` may see, in id order; `with_text: false` leaves
/// the summaries out (HR never sees interaction text).
pub fn interactions(conn: &mut AnyConnection, scope: &Scope, with_text: bool) -> StoreResult<Vec<InteractionLine>> {
    let accounts = account_handles(conn, scope)?;
    let emails = user_emails(conn)?;
    let mut contact_handles: HashMap<i64, String> = HashMap::new();
    let mut after = 0;
    loop {
        let page = contacts::list_visible(conn, scope, after, PAGE)?;
        let Some(last) = page.last().map(|contact| contact.id) else { break };
        contact_handles.extend(
            page.into_iter().map(|contact| (contact.id, handle_of(contact.fields.external_id.as_deref(), contact.id))),
        );
        after = last;
    }
    let mut lines = Vec::new();
    let mut after = 0;
    loop {
        let page = interactions::list_visible(conn, scope, after, PAGE)?;
        let Some(last) = page.last().map(|interaction| interaction.id) else { return Ok(lines) };
        for interaction in page {
            let employee_emails = interaction
                .employee_ids
                .iter()
                .map(|id| lookup(&emails, *id, "interaction_employees.user_id"))
                .collect::<StoreResult<Vec<_>>>()?;
            let contact_external_ids = interaction
                .contact_ids
                .iter()
                .map(|id| lookup(&contact_handles, *id, "interaction_contacts.contact_id"))
                .collect::<StoreResult<Vec<_>>>()?;
            let follow_up_owner_email = interaction
                .changes
                .follow_up_owner_id
                .map(|id| lookup(&emails, id, "interactions.follow_up_owner_id"))
                .transpose()?;
            lines.push(InteractionLine {
                external_id: handle_of(interaction.external_id.as_deref(), interaction.id),
                account_external_id: lookup(&accounts, interaction.account_id, "interactions.account_id")?,
                kind: interaction.kind,
                occurred_at: interaction.occurred_at,
                summary: Some(if with_text { interaction.changes.summary } else { String::new() }),
                on_behalf_of: Some(interaction.on_behalf_of),
                complaint_status: Some(interaction.changes.complaint_status),
                follow_up_owner_email: Some(follow_up_owner_email),
                follow_up_due: Some(interaction.changes.follow_up_due),
                employee_emails: Some(employee_emails),
                contact_external_ids: Some(contact_external_ids),
            });
        }
        after = last;
    }
}
