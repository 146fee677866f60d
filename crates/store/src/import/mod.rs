//! Bulk import of accounts, contacts, assignments and interactions (PRODUCT.md, "Interfaces":
//! `POST /import/{kind}`), one kind per file. A file is all-or-nothing: every line runs in one
//! write transaction (each in a savepoint, so a refused line leaves nothing and the others are
//! still checked), and any refused line rolls the whole file back. Records are matched by
//! external id, so importing the same file again changes nothing. Each line goes through the
//! same store writes as the JSON API (audit entries included); the figures of every touched
//! account are recomputed once, in batches, before the commit.
//!
//! Lines arrive parsed ([`csv`] reads a file into them); the field rules are the domain's, which
//! the store's writes apply to every way in alike (the JSON API, the CSV import, the CLI).

pub mod csv;

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use continuity_domain::rules::RuleError;
use continuity_domain::validation::normalise;
use continuity_domain::{
    Access, AccountStatus, AssignmentRole, ComplaintStatus, Influence, InteractionKind, OnBehalfOf, Tier,
};
use diesel::prelude::*;
use serde::Serialize;

use crate::accounts::{self, Account, AccountFields};
use crate::assignments;
use crate::connection::write_transaction;
use crate::contacts::{self, Contact, ContactFields};
use crate::interactions::{self, Interaction, InteractionChanges, NewInteraction};
use crate::schema::users;
use crate::scope::Scope;
use crate::{from_db_time, teams, to_db_time, AnyConnection, StoreError, StoreResult};

/// How a file refers to a record that has no external id: `continuity:<id>`. Exports write it so
/// that every record round-trips; on import it finds the record by id and leaves its (empty)
/// external id alone. New records cannot take an external id with this prefix.
pub const RESERVED_PREFIX: &str = "continuity:";

/// The handle of a record in a file: its external id, or `continuity:<id>` without one.
pub fn handle_of(external_id: Option<&str>, id: i64) -> String {
    match external_id {
        Some(external_id) => external_id.to_owned(),
        None => format!("{RESERVED_PREFIX}{id}"),
    }
}

fn reserved_id(handle: &str) -> Option<i64> {
    handle.strip_prefix(RESERVED_PREFIX)?.parse().ok()
}

/// One line of an accounts file.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountLine {
    pub external_id: String,
    pub name: String,
    pub tier: Tier,
    pub region: String,
    /// The team by name (names are unique regardless of case).
    pub team_name: String,
    pub annual_value_minor: i64,
    pub currency: String,
    /// `None`: the column is absent (kept on update, `active` on create).
    pub status: Option<AccountStatus>,
}

/// One line of a contacts file. For the optional columns `None` means the column is absent
/// (kept on update, empty on create); `Some(None)` is an empty cell.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactLine {
    pub external_id: String,
    pub account_external_id: String,
    pub name: String,
    pub influence: Influence,
    pub job_title: Option<String>,
    pub email: Option<Option<String>>,
    pub phone: Option<Option<String>>,
    pub left_at: Option<Option<NaiveDate>>,
}

/// One line of an assignments file: opens the assignment, or changes the open one.
#[derive(Debug, Clone, PartialEq)]
pub struct AssignmentLine {
    pub account_external_id: String,
    pub user_email: String,
    pub role: AssignmentRole,
    pub access: Access,
}

/// One line of an interactions file; optional columns as in [`ContactLine`].
#[derive(Debug, Clone, PartialEq)]
pub struct InteractionLine {
    pub external_id: String,
    pub account_external_id: String,
    pub kind: InteractionKind,
    pub occurred_at: DateTime<Utc>,
    pub summary: Option<String>,
    pub on_behalf_of: Option<OnBehalfOf>,
    pub complaint_status: Option<Option<ComplaintStatus>>,
    pub follow_up_owner_email: Option<Option<String>>,
    pub follow_up_due: Option<Option<NaiveDate>>,
    pub employee_emails: Option<Vec<String>>,
    pub contact_external_ids: Option<Vec<String>>,
}

/// A line of a file with its 1-based line number in the file (the header is line 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Numbered<T> {
    pub line: u64,
    pub value: T,
}

/// A refused line: the column at fault (`None`: the line as a whole) and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineError {
    pub line: u64,
    pub column: Option<String>,
    pub reason: String,
}

/// What an import did (or, refused or dry-run, would have done).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub errors: Vec<LineError>,
}

/// Who imports, into what, and whether to keep the result.
#[derive(Debug, Clone)]
pub struct Import {
    /// The accounts the importer may change (a sales lead: their teams).
    pub scope: Scope,
    /// Named by the audit entries; `None` is the system (the command line).
    pub actor_id: Option<i64>,
    /// Check and count everything, then roll back.
    pub dry_run: bool,
    pub now: DateTime<Utc>,
}

enum Outcome {
    Created,
    Updated,
    Unchanged,
}

/// Why a line failed: refused (reported, the import goes on) or a store failure (the import
/// stops).
enum LineFailure {
    Refused { field: Option<String>, reason: String },
    Store(StoreError),
}

fn refused(column: &str, reason: impl Into<String>) -> LineFailure {
    LineFailure::Refused { field: Some(column.to_owned()), reason: reason.into() }
}

impl From<StoreError> for LineFailure {
    fn from(error: StoreError) -> LineFailure {
        match error {
            StoreError::Rule(RuleError::Invalid { field, reason }) => {
                LineFailure::Refused { field: field.map(str::to_owned), reason }
            }
            StoreError::Rule(RuleError::WrongState { field, reason }) => {
                LineFailure::Refused { field: Some(field.to_owned()), reason }
            }
            StoreError::Duplicate { field } => refused(field, "is already taken"),
            StoreError::Rule(RuleError::Blocked { reason, .. }) => LineFailure::Refused { field: None, reason },
            StoreError::StaleVersion => LineFailure::Refused {
                field: None,
                reason: "the record was changed by someone else during the import; import again".into(),
            },
            other => LineFailure::Store(other),
        }
    }
}

impl From<diesel::result::Error> for LineFailure {
    fn from(error: diesel::result::Error) -> LineFailure {
        LineFailure::Store(error.into())
    }
}

enum Abort {
    Store(StoreError),
    Rollback(ImportReport),
}

impl From<StoreError> for Abort {
    fn from(error: StoreError) -> Abort {
        Abort::Store(error)
    }
}

impl From<diesel::result::Error> for Abort {
    fn from(error: diesel::result::Error) -> Abort {
        Abort::Store(error.into())
    }
}

/// Runs `apply` on every line in one write transaction, each line in a savepoint; commits only
/// when no line was refused and this is not a dry run, after recomputing the touched accounts
/// once each (the write transaction settles them).
fn run<T>(
    conn: &mut AnyConnection,
    import: &Import,
    lines: &[Numbered<T>],
    mut apply: impl FnMut(&mut AnyConnection, u64, &T) -> Result<Outcome, LineFailure>,
) -> StoreResult<ImportReport> {
    let outcome = write_transaction(conn, import.now, |conn| {
        let mut report = ImportReport::default();
        for line in lines {
            match write_transaction(conn, import.now, |conn| apply(conn, line.line, &line.value)) {
                Ok(Outcome::Created) => report.created += 1,
                Ok(Outcome::Updated) => report.updated += 1,
                Ok(Outcome::Unchanged) => report.unchanged += 1,
                Err(LineFailure::Refused { field, reason }) => report.errors.push(LineError {
                    line: line.line,
                    column: field.map(|field| column_of(&field).to_owned()),
                    reason,
                }),
                Err(LineFailure::Store(error)) => return Err(Abort::Store(error)),
            }
        }
        if !report.errors.is_empty() || import.dry_run {
            return Err(Abort::Rollback(report));
        }
        Ok(report)
    });
    match outcome {
        Ok(report) | Err(Abort::Rollback(report)) => Ok(report),
        Err(Abort::Store(error)) => Err(error),
    }
}

/// The file's column for an input field the store or the field rules refused (the JSON API
/// names references by id, a file by external id or e-mail).
fn column_of(field: &str) -> &str {
    match field {
        "team_id" => "team_name",
        "account_id" => "account_external_id",
        "user_id" => "user_email",
        "employee_ids" => "employee_emails",
        "contact_ids" => "contact_external_ids",
        "follow_up_owner_id" => "follow_up_owner_email",
        other => other,
    }
}

/// Refuses a key seen on an earlier line of the same file.
fn first_time(seen: &mut HashMap<String, u64>, key: String, line: u64, column: &str) -> Result<(), LineFailure> {
    match seen.insert(key, line) {
        Some(first) => Err(refused(column, format!("appears again (first on line {first})"))),
        None => Ok(()),
    }
}

/// The accounts, users and contacts lines refer to, looked up once per import.
struct References<'a> {
    scope: &'a Scope,
    accounts: HashMap<String, Option<i64>>,
    users: HashMap<String, Option<i64>>,
}

impl<'a> References<'a> {
    fn new(scope: &'a Scope) -> Self {
        References { scope, accounts: HashMap::new(), users: HashMap::new() }
    }

    /// The account a line names in `column`, if the importer may change it.
    fn account(&mut self, conn: &mut AnyConnection, handle: &str, column: &str) -> Result<i64, LineFailure> {
        if !self.accounts.contains_key(handle) {
            let found = find_account(conn, handle)?
                .filter(|account| self.scope.includes_team(account.fields.team_id))
                .map(|account| account.id);
            self.accounts.insert(handle.to_owned(), found);
        }
        self.accounts
            .get(handle)
            .copied()
            .flatten()
            .ok_or_else(|| refused(column, format!("no account you may change has the external id `{handle}`")))
    }

    /// The user with this e-mail (case-insensitive).
    fn user(&mut self, conn: &mut AnyConnection, email: &str, column: &str) -> Result<i64, LineFailure> {
        let key = normalise(email);
        if !self.users.contains_key(&key) {
            let found: Option<i64> =
                users::table.filter(users::email_lower.eq(&key)).select(users::id).first(conn).optional()?;
            self.users.insert(key.clone(), found);
        }
        self.users
            .get(&key)
            .copied()
            .flatten()
            .ok_or_else(|| refused(column, format!("no user has the e-mail `{email}`")))
    }

    fn in_scope(&self, conn: &mut AnyConnection, account_id: i64) -> StoreResult<bool> {
        Ok(self.scope.includes_team(accounts::team_of(conn, account_id)?))
    }
}

/// The record a handle names: the one with that external id, or for `continuity:<id>` the
/// record with that id if it has no external id.
fn find_by_handle<T>(
    conn: &mut AnyConnection,
    handle: &str,
    by_external_id: fn(&mut AnyConnection, &str) -> StoreResult<Option<T>>,
    by_id: impl FnOnce(&mut AnyConnection, i64) -> StoreResult<Option<T>>,
    has_external_id: fn(&T) -> bool,
) -> StoreResult<Option<T>> {
    if let Some(found) = by_external_id(conn, handle)? {
        return Ok(Some(found));
    }
    match reserved_id(handle) {
        Some(id) => Ok(by_id(conn, id)?.filter(|found| !has_external_id(found))),
        None => Ok(None),
    }
}

fn find_account(conn: &mut AnyConnection, handle: &str) -> StoreResult<Option<Account>> {
    let by_id = |conn: &mut AnyConnection, id| accounts::get(conn, &Scope::Firm, id);
    find_by_handle(conn, handle, accounts::find_by_external_id, by_id, |account| account.fields.external_id.is_some())
}

fn find_contact(conn: &mut AnyConnection, handle: &str) -> StoreResult<Option<Contact>> {
    find_by_handle(conn, handle, contacts::find_by_external_id, contacts::get, |contact| {
        contact.fields.external_id.is_some()
    })
}

fn find_interaction(conn: &mut AnyConnection, handle: &str) -> StoreResult<Option<Interaction>> {
    let has_external_id = |interaction: &Interaction| interaction.external_id.is_some();
    find_by_handle(conn, handle, interactions::find_by_external_id, interactions::get, has_external_id)
}

/// The external id a new record takes from its line: refused with the reserved prefix.
fn new_external_id(handle: &str) -> Result<Option<String>, LineFailure> {
    if handle.starts_with(RESERVED_PREFIX) {
        return Err(refused(
            "external_id",
            format!("no record has this id (`{RESERVED_PREFIX}` names records without an external id)"),
        ));
    }
    Ok(Some(handle.to_owned()))
}

fn already_taken() -> LineFailure {
    refused("external_id", "is already taken")
}

/// Imports an accounts file. New accounts get no default team: account teams come from the
/// assignments file.
pub fn import_accounts(
    conn: &mut AnyConnection,
    import: &Import,
    lines: &[Numbered<AccountLine>],
) -> StoreResult<ImportReport> {
    let teams: HashMap<String, i64> =
        teams::list(conn)?.into_iter().map(|team| (normalise(&team.name), team.id)).collect();
    let mut seen = HashMap::new();
    run(conn, import, lines, |conn, number, line| {
        first_time(&mut seen, line.external_id.clone(), number, "external_id")?;
        let team_id =
            *teams.get(&normalise(&line.team_name)).ok_or_else(|| refused("team_name", "no team has this name"))?;
        if !import.scope.includes_team(team_id) {
            return Err(refused("team_name", "you can import only into the teams you lead"));
        }
        let existing = find_account(conn, &line.external_id)?;
        let mut fields = AccountFields {
            external_id: Some(line.external_id.clone()),
            name: line.name.trim().to_owned(),
            tier: line.tier,
            region: line.region.trim().to_owned(),
            team_id,
            annual_value_minor: line.annual_value_minor,
            currency: line.currency.clone(),
            status: line.status.unwrap_or(AccountStatus::Active),
        };
        let Some(existing) = existing else {
            fields.external_id = new_external_id(&line.external_id)?;
            accounts::insert(conn, &fields, import.actor_id, None, import.now)?;
            return Ok(Outcome::Created);
        };
        if !import.scope.includes_team(existing.fields.team_id) {
            return Err(already_taken());
        }
        fields.external_id.clone_from(&existing.fields.external_id);
        fields.status = line.status.unwrap_or(existing.fields.status);
        if fields == existing.fields {
            return Ok(Outcome::Unchanged);
        }
        accounts::update(conn, existing.id, existing.version, &fields, import.actor_id, import.now)?;
        Ok(Outcome::Updated)
    })
}

/// Imports a contacts file. A contact stays on its account: changing employer is
/// `POST /contacts/{id}/move`, which keeps the history.
pub fn import_contacts(
    conn: &mut AnyConnection,
    import: &Import,
    lines: &[Numbered<ContactLine>],
) -> StoreResult<ImportReport> {
    let mut references = References::new(&import.scope);
    let mut seen = HashMap::new();
    run(conn, import, lines, |conn, number, line| {
        first_time(&mut seen, line.external_id.clone(), number, "external_id")?;
        if line.external_id.contains(LIST_SEPARATOR) {
            return Err(refused("external_id", format!("must not contain `{LIST_SEPARATOR}` (it separates lists)")));
        }
        let account_id = references.account(conn, &line.account_external_id, "account_external_id")?;
        let existing = find_contact(conn, &line.external_id)?;
        let base = existing.as_ref().map(|contact| contact.fields.clone());
        let kept = |column: &Option<Option<String>>, stored: Option<String>| match column {
            Some(cell) => cell.clone(),
            None => stored,
        };
        let mut fields = ContactFields {
            external_id: Some(line.external_id.clone()),
            name: line.name.trim().to_owned(),
            job_title: match &line.job_title {
                Some(job_title) => job_title.trim().to_owned(),
                None => base.as_ref().map(|fields| fields.job_title.clone()).unwrap_or_default(),
            },
            email: kept(&line.email, base.as_ref().and_then(|fields| fields.email.clone())),
            phone: kept(&line.phone, base.as_ref().and_then(|fields| fields.phone.clone())),
            influence: line.influence,
            left_at: match line.left_at {
                Some(left_at) => left_at,
                None => base.as_ref().and_then(|fields| fields.left_at),
            },
        };
        let Some(existing) = existing else {
            fields.external_id = new_external_id(&line.external_id)?;
            contacts::insert(conn, account_id, &fields, None, import.actor_id, import.now)?;
            return Ok(Outcome::Created);
        };
        if existing.account_id != account_id {
            if !references.in_scope(conn, existing.account_id)? {
                return Err(already_taken());
            }
            return Err(refused(
                "account_external_id",
                "the contact is on another account; a change of employer is POST /contacts/{id}/move",
            ));
        }
        fields.external_id.clone_from(&existing.fields.external_id);
        if fields == existing.fields {
            return Ok(Outcome::Unchanged);
        }
        if existing.erased_at.is_some() {
            return Err(LineFailure::Refused { field: None, reason: "this contact was erased".into() });
        }
        contacts::apply_update(conn, existing.id, existing.version, &fields, import.actor_id, import.now)?;
        Ok(Outcome::Updated)
    })
}

/// Imports an assignments file: opens each assignment or changes the open one. An assignment
/// missing from the file stays open (closing is `DELETE /accounts/{id}/team/{user_id}`).
pub fn import_assignments(
    conn: &mut AnyConnection,
    import: &Import,
    lines: &[Numbered<AssignmentLine>],
) -> StoreResult<ImportReport> {
    let mut references = References::new(&import.scope);
    let mut seen = HashMap::new();
    run(conn, import, lines, |conn, number, line| {
        let key = format!("{}\n{}", line.account_external_id, normalise(&line.user_email));
        first_time(&mut seen, key, number, "user_email")?;
        let account_id = references.account(conn, &line.account_external_id, "account_external_id")?;
        let user_id = references.user(conn, &line.user_email, "user_email")?;
        let existing = assignments::open_of(conn, account_id, user_id)?;
        if existing.as_ref().is_some_and(|open| open.role == line.role && open.access == line.access) {
            return Ok(Outcome::Unchanged);
        }
        let expected_version = existing.map(|open| open.version);
        let placement =
            assignments::Placement { account_id, user_id, role: line.role, access: line.access, expected_version };
        let (_, opened) = assignments::apply_put(conn, placement, import.actor_id, import.now)?;
        Ok(if opened { Outcome::Created } else { Outcome::Updated })
    })
}

/// Separates the items of a list cell (`employee_emails`, `contact_external_ids`).
pub const LIST_SEPARATOR: char = ';';

/// Imports an interactions file. What a logged interaction is (account, kind, time, in whose
/// name, who took part) does not change; a line may change its summary, complaint status and
/// follow-up, as `PATCH /interactions/{id}` may.
pub fn import_interactions(
    conn: &mut AnyConnection,
    import: &Import,
    lines: &[Numbered<InteractionLine>],
) -> StoreResult<ImportReport> {
    let mut references = References::new(&import.scope);
    let mut seen = HashMap::new();
    run(conn, import, lines, |conn, number, line| {
        first_time(&mut seen, line.external_id.clone(), number, "external_id")?;
        let account_id = references.account(conn, &line.account_external_id, "account_external_id")?;
        let mut employee_ids = BTreeSet::new();
        for email in line.employee_emails.iter().flatten() {
            employee_ids.insert(references.user(conn, email, "employee_emails")?);
        }
        let mut contact_ids = BTreeSet::new();
        for handle in line.contact_external_ids.iter().flatten() {
            let contact = find_contact(conn, handle)?.filter(|contact| contact.account_id == account_id);
            let contact = contact.ok_or_else(|| {
                refused("contact_external_ids", format!("`{handle}` is not a contact of this account"))
            })?;
            contact_ids.insert(contact.id);
        }
        let follow_up_owner_id = match &line.follow_up_owner_email {
            Some(Some(email)) => Some(Some(references.user(conn, email, "follow_up_owner_email")?)),
            Some(None) => Some(None),
            None => None,
        };
        // Stored times have whole microseconds; compare in that form.
        let occurred_at = from_db_time(to_db_time(line.occurred_at));
        let Some(existing) = find_interaction(conn, &line.external_id)? else {
            let complaint_status = match (line.kind, line.complaint_status.flatten()) {
                (InteractionKind::Complaint, status) => Some(status.unwrap_or(ComplaintStatus::Open)),
                (_, status) => status,
            };
            let new = NewInteraction {
                external_id: new_external_id(&line.external_id)?,
                kind: line.kind,
                occurred_at,
                summary: line.summary.clone().unwrap_or_default(),
                on_behalf_of: line.on_behalf_of.unwrap_or(OnBehalfOf::Person),
                complaint_status,
                resolution: None,
                follow_up_owner_id: follow_up_owner_id.flatten(),
                follow_up_due: line.follow_up_due.flatten(),
                employee_ids: employee_ids.into_iter().collect(),
                contact_ids: contact_ids.into_iter().collect(),
                event_id: None,
            };
            interactions::log(conn, account_id, &new, import.actor_id, import.now)?;
            return Ok(Outcome::Created);
        };
        if existing.account_id != account_id {
            if !references.in_scope(conn, existing.account_id)? {
                return Err(already_taken());
            }
            return Err(refused("account_external_id", "an interaction stays on the account it was logged on"));
        }
        let fixed = "is fixed once the interaction is logged; log a new one instead";
        if existing.kind != line.kind {
            return Err(refused("kind", fixed));
        }
        if existing.occurred_at != occurred_at {
            return Err(refused("occurred_at", fixed));
        }
        if line.on_behalf_of.is_some_and(|on_behalf_of| on_behalf_of != existing.on_behalf_of) {
            return Err(refused("on_behalf_of", fixed));
        }
        if line.employee_emails.is_some() && existing.employee_ids != employee_ids.iter().copied().collect::<Vec<_>>() {
            return Err(refused("employee_emails", fixed));
        }
        if line.contact_external_ids.is_some()
            && existing.contact_ids != contact_ids.iter().copied().collect::<Vec<_>>()
        {
            return Err(refused("contact_external_ids", fixed));
        }
        let stored = existing.changes.clone();
        let changes = InteractionChanges {
            summary: line.summary.clone().unwrap_or_else(|| existing.changes.summary.clone()),
            complaint_status: line.complaint_status.flatten().or(existing.changes.complaint_status),
            follow_up_owner_id: follow_up_owner_id.unwrap_or(existing.changes.follow_up_owner_id),
            follow_up_due: line.follow_up_due.unwrap_or(existing.changes.follow_up_due),
            ..stored.clone()
        };
        if changes == stored {
            return Ok(Outcome::Unchanged);
        }
        interactions::apply_update(conn, existing.id, existing.version, &changes, import.actor_id, import.now)?;
        Ok(Outcome::Updated)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_without_external_id_is_named_by_its_reserved_handle() {
        assert_eq!(handle_of(Some("crm-7"), 3), "crm-7");
        assert_eq!(handle_of(None, 3), "continuity:3");
        assert_eq!(reserved_id("continuity:3"), Some(3));
        assert_eq!(reserved_id("crm-7"), None);
        assert_eq!(reserved_id("continuity:x"), None);
    }
}
