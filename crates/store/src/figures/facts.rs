//! What an account's assessment reads, loaded from the store: one loader for one account and
//! for a batch of a thousand (a handful of queries per batch, each ordered so that the float
//! sums come out the same however the accounts are grouped).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use continuity_domain::continuity::{
    AccountFacts, ContactFacts, CoveragePolicies, CoveragePolicy, EmployeeFacts, Employees, InteractionFacts,
    OpenAssignment, Settings,
};
use continuity_domain::{ComplaintStatus, InteractionKind, UserStatus};
use diesel::connection::DefaultLoadingMode;
use diesel::prelude::*;

use crate::schema::{
    accounts, assignments, contacts, coverage_policies, interaction_contacts, interaction_employees, interactions,
    settings, users,
};
use crate::{from_db_time, to_db_time, AnyConnection, StoreError, StoreResult};

/// The continuity settings in force: the firm's (the one row of `settings`, see
/// [`crate::settings`]), or the documented defaults of PRODUCT.md before it exists. One small
/// row read; a write transaction reads it once per batch of accounts it recomputes.
pub fn settings(conn: &mut AnyConnection) -> StoreResult<Settings> {
    let document: Option<String> =
        settings::table.find(crate::settings::ROW_ID).select(settings::document).first(conn).optional()?;
    document.map_or_else(|| Ok(Settings::default()), |text| crate::settings::parse_document(&text))
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
                tier: tier.parse().map_err(|e| StoreError::corrupt("coverage_policies.tier", e))?,
                min_holders: u32::try_from(min_holders).unwrap_or(0),
                min_current_contacts: u32::try_from(min_contacts).unwrap_or(0),
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
    Ok(CoveragePolicies::new(policies))
}

/// The part of a `users` row that the continuity model reads.
#[derive(Queryable, Selectable)]
#[diesel(table_name = users)]
pub(super) struct EmployeeRow {
    id: i64,
    display_name: String,
    status: String,
    leave_date: Option<NaiveDate>,
    team_id: Option<i64>,
    non_solicitation_until: Option<NaiveDate>,
    non_compete_until: Option<NaiveDate>,
}

pub(super) fn to_employee(row: EmployeeRow) -> StoreResult<EmployeeFacts> {
    let EmployeeRow { id, display_name, status, leave_date, team_id, non_solicitation_until, non_compete_until } = row;
    Ok(EmployeeFacts {
        id,
        display_name,
        status: status.parse::<UserStatus>().map_err(|e| StoreError::corrupt("users.status", e))?,
        leave_date,
        team_id,
        non_solicitation_until,
        non_compete_until,
    })
}

/// Every employee as the continuity model sees them.
pub fn all_employees(conn: &mut AnyConnection) -> StoreResult<Employees> {
    let rows: Vec<EmployeeRow> = users::table.select(EmployeeRow::as_select()).load(conn)?;
    rows.into_iter().map(to_employee).collect()
}

/// The employees with these ids (unknown ids left out).
pub fn employees_by_id(conn: &mut AnyConnection, ids: &BTreeSet<i64>) -> StoreResult<Employees> {
    if ids.is_empty() {
        return Ok(Employees::default());
    }
    let rows: Vec<EmployeeRow> = users::table
        .filter(users::id.eq_any(ids.iter().copied().collect::<Vec<_>>()))
        .select(EmployeeRow::as_select())
        .load(conn)?;
    rows.into_iter().map(to_employee).collect()
}

/// The part of an `interactions` row that its facts are made of.
#[derive(Queryable, Selectable)]
#[diesel(table_name = interactions)]
pub(super) struct InteractionRow {
    id: i64,
    occurred_at: NaiveDateTime,
    kind: String,
    on_behalf_of: String,
    complaint_status: Option<String>,
}
pub(super) type ContactRow = (i64, String, String, Option<NaiveDate>);

/// The part of an `accounts` row that its facts are made of.
#[derive(Queryable, Selectable)]
#[diesel(table_name = accounts)]
pub(super) struct AccountRow {
    id: i64,
    name: String,
    tier: String,
    annual_value_minor: i64,
    currency: String,
    status: String,
    team_id: i64,
    created_at: NaiveDateTime,
}

fn to_assignment(user_id: i64, role: &str) -> StoreResult<OpenAssignment> {
    Ok(OpenAssignment { user_id, role: role.parse().map_err(|e| StoreError::corrupt("assignments.role", e))? })
}

fn to_contact((id, name, influence, left_at): ContactRow) -> StoreResult<ContactFacts> {
    Ok(ContactFacts {
        id,
        name,
        influence: influence.parse().map_err(|e| StoreError::corrupt("contacts.influence", e))?,
        left_at,
    })
}

/// One interaction with its participants, taken out of the maps of participants by interaction.
pub(super) fn to_interaction(
    InteractionRow { id, occurred_at, kind, on_behalf_of, complaint_status }: InteractionRow,
    employees_of: &mut BTreeMap<i64, Vec<i64>>,
    contacts_of: &mut BTreeMap<i64, Vec<i64>>,
) -> StoreResult<InteractionFacts> {
    Ok(InteractionFacts {
        id,
        occurred_at: from_db_time(occurred_at),
        kind: kind.parse().map_err(|e| StoreError::corrupt("interactions.kind", e))?,
        on_behalf_of: on_behalf_of.parse().map_err(|e| StoreError::corrupt("interactions.on_behalf_of", e))?,
        employee_ids: employees_of.remove(&id).unwrap_or_default(),
        contact_ids: contacts_of.remove(&id).unwrap_or_default(),
        complaint_status: complaint_status
            .map(|status| status.parse().map_err(|e| StoreError::corrupt("interactions.complaint_status", e)))
            .transpose()?,
    })
}

fn to_account_facts(
    AccountRow { id, name, tier, annual_value_minor, currency, status, team_id, created_at }: AccountRow,
    assignments: Vec<OpenAssignment>,
    contacts: Vec<ContactFacts>,
    interactions: Vec<InteractionFacts>,
    linked: bool,
) -> StoreResult<AccountFacts> {
    Ok(AccountFacts {
        id,
        name,
        tier: tier.parse().map_err(|e| StoreError::corrupt("accounts.tier", e))?,
        annual_value_minor,
        currency,
        status: status.parse().map_err(|e| StoreError::corrupt("accounts.status", e))?,
        team_id,
        created_at: Some(from_db_time(created_at)),
        assignments,
        contacts,
        interactions,
        linked,
    })
}

/// How many accounts one batched load (and one write transaction of [`recompute_all`]) holds.
pub const BATCH_ACCOUNTS: usize = 1_000;

/// The accounts of one batched load, whose rows are already loaded: all accounts with an id in
/// `first..=last`, or exactly the listed ones.
#[derive(Debug, Clone, Copy)]
pub(super) enum Batch<'a> {
    Range { first: i64, last: i64 },
    Ids(&'a [i64]),
}

/// Restricts a boxed query to the accounts of a [`Batch`].
macro_rules! in_batch {
    ($query:expr, $column:expr, $batch:expr) => {
        match $batch {
            Batch::Range { first, last } => $query.filter($column.between(first, last)),
            Batch::Ids(ids) => $query.filter($column.eq_any(ids.to_vec())),
        }
    };
}

/// What one account's assessment reads, gathered from the batch's queries.
struct Gathered {
    account: AccountRow,
    assignments: Vec<OpenAssignment>,
    contacts: Vec<ContactFacts>,
    rows: Vec<InteractionRow>,
    /// Whether an interaction lies in the window; if not, the latest one is looked up apart.
    has_recent: bool,
    employees_of: BTreeMap<i64, Vec<i64>>,
    contacts_of: BTreeMap<i64, Vec<i64>>,
}

impl Gathered {
    /// Adds an interaction row unless it is loaded already.
    fn add_once(&mut self, interaction: InteractionRow) {
        if !self.rows.iter().any(|row| row.id == interaction.id) {
            self.rows.push(interaction);
        }
    }

    /// Whether a loaded interaction is a conversation with a client contact
    /// ([`is_client_conversation`](continuity_domain::continuity::is_client_conversation)).
    fn has_conversation(&self) -> bool {
        self.rows.iter().any(|row| row.kind != InteractionKind::Note.as_str() && self.contacts_of.contains_key(&row.id))
    }
}

/// Which latest interaction of each account [`latest_of_each`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Latest {
    /// Of any kind.
    Interaction,
    /// The latest conversation with a client contact: not a note, and a contact took part.
    Conversation,
}

/// The latest interaction (or conversation) of each of these accounts that has one, in
/// account order. Reads their interactions newest first and skips all but the first of each
/// account, so it is meant for the few accounts that have none in the window.
fn latest_of_each(
    conn: &mut AnyConnection,
    account_ids: &[i64],
    latest: Latest,
) -> StoreResult<Vec<(i64, InteractionRow)>> {
    if account_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut query = interactions::table
        .filter(interactions::account_id.eq_any(account_ids))
        .select((interactions::account_id, InteractionRow::as_select()))
        .order((interactions::account_id, interactions::occurred_at.desc(), interactions::id.desc()))
        .into_boxed();
    if latest == Latest::Conversation {
        query = query.filter(interactions::kind.ne(InteractionKind::Note.as_str())).filter(diesel::dsl::exists(
            interaction_contacts::table.filter(interaction_contacts::interaction_id.eq(interactions::id)),
        ));
    }
    let mut found: Vec<(i64, InteractionRow)> = Vec::new();
    for row in query.load_iter::<(i64, InteractionRow), DefaultLoadingMode>(conn)? {
        let (account_id, interaction) = row?;
        if found.last().is_none_or(|(previous, _)| *previous != account_id) {
            found.push((account_id, interaction));
        }
    }
    Ok(found)
}

/// The facts of a batch of accounts in a handful of queries, each ordered by account (and by
/// the same keys as [`account_facts`], so that both give identical facts). `accounts` are the
/// batch's account rows in id order.
pub(super) fn load_batch(
    conn: &mut AnyConnection,
    accounts: Vec<AccountRow>,
    batch: Batch<'_>,
    settings: &Settings,
    now: DateTime<Utc>,
) -> StoreResult<Vec<AccountFacts>> {
    let ids: Vec<i64> = accounts.iter().map(|account| account.id).collect();
    let mut gathered: Vec<Gathered> = accounts
        .into_iter()
        .map(|account| Gathered {
            account,
            assignments: Vec::new(),
            contacts: Vec::new(),
            rows: Vec::new(),
            has_recent: false,
            employees_of: BTreeMap::new(),
            contacts_of: BTreeMap::new(),
        })
        .collect();
    let position = |account_id: i64| ids.binary_search(&account_id).ok();

    let query = assignments::table
        .filter(assignments::until.is_null())
        .select((assignments::account_id, assignments::user_id, assignments::role))
        .order((assignments::account_id, assignments::id))
        .into_boxed();
    for row in
        in_batch!(query, assignments::account_id, batch).load_iter::<(i64, i64, String), DefaultLoadingMode>(conn)?
    {
        let (account_id, user_id, role) = row?;
        if let Some(account) = position(account_id).and_then(|at| gathered.get_mut(at)) {
            account.assignments.push(to_assignment(user_id, &role)?);
        }
    }

    let query = contacts::table
        .select((contacts::account_id, (contacts::id, contacts::name, contacts::influence, contacts::left_at)))
        .order((contacts::account_id, contacts::id))
        .into_boxed();
    for row in in_batch!(query, contacts::account_id, batch).load_iter::<(i64, ContactRow), DefaultLoadingMode>(conn)? {
        let (account_id, contact) = row?;
        if let Some(account) = position(account_id).and_then(|at| gathered.get_mut(at)) {
            account.contacts.push(to_contact(contact)?);
        }
    }

    let window_start = to_db_time(now - Duration::days(settings.window_days));
    let query = interactions::table
        .filter(
            interactions::occurred_at
                .ge(window_start)
                .or(interactions::complaint_status.eq(ComplaintStatus::Open.as_str())),
        )
        .select((interactions::account_id, InteractionRow::as_select()))
        .order((interactions::account_id, interactions::id))
        .into_boxed();
    for row in in_batch!(query, interactions::account_id, batch)
        .load_iter::<(i64, InteractionRow), DefaultLoadingMode>(conn)?
    {
        let (account_id, interaction) = row?;
        if let Some(account) = position(account_id).and_then(|at| gathered.get_mut(at)) {
            account.has_recent |= interaction.occurred_at >= window_start;
            account.rows.push(interaction);
        }
    }

    // Participants of every interaction of the batch's accounts (read before the latest
    // conversations are looked up, which need them); those of interactions that are not
    // loaded are never asked for.
    macro_rules! participants {
        ($table:ident, $person:ident, $into:ident) => {
            let query = $table::table
                .select(($table::account_id, $table::interaction_id, $table::$person))
                .order(($table::account_id, $table::interaction_id, $table::$person))
                .into_boxed();
            for row in
                in_batch!(query, $table::account_id, batch).load_iter::<(i64, i64, i64), DefaultLoadingMode>(conn)?
            {
                let (account_id, interaction_id, person_id) = row?;
                if let Some(account) = position(account_id).and_then(|at| gathered.get_mut(at)) {
                    account.$into.entry(interaction_id).or_default().push(person_id);
                }
            }
        };
    }
    participants!(interaction_employees, user_id, employees_of);
    participants!(interaction_contacts, contact_id, contacts_of);

    // An account without an interaction in the window still needs its latest one, and one
    // without a conversation with a client contact in it its latest conversation (both for
    // staleness). Such accounts are few, so their interactions are read newest first and all
    // but the first of each account skipped.
    let quiet: Vec<i64> =
        gathered.iter().filter(|account| !account.has_recent).map(|account| account.account.id).collect();
    for (account_id, interaction) in latest_of_each(conn, &quiet, Latest::Interaction)? {
        if let Some(account) = position(account_id).and_then(|at| gathered.get_mut(at)) {
            account.add_once(interaction);
        }
    }
    let unspoken: Vec<i64> =
        gathered.iter().filter(|account| !account.has_conversation()).map(|account| account.account.id).collect();
    for (account_id, interaction) in latest_of_each(conn, &unspoken, Latest::Conversation)? {
        if let Some(account) = position(account_id).and_then(|at| gathered.get_mut(at)) {
            account.add_once(interaction);
        }
    }

    let linked = crate::links::linked_among(conn, &ids)?;
    gathered
        .into_iter()
        .map(|mut account| {
            let interactions = std::mem::take(&mut account.rows)
                .into_iter()
                .map(|row| to_interaction(row, &mut account.employees_of, &mut account.contacts_of))
                .collect::<StoreResult<Vec<_>>>()?;
            let is_linked = linked.contains(&account.account.id);
            to_account_facts(account.account, account.assignments, account.contacts, interactions, is_linked)
        })
        .collect()
}

/// Everyone the assessment of these accounts reads: their open assignments and the employees
/// of their interactions.
pub fn people_of(facts: &[AccountFacts]) -> BTreeSet<i64> {
    let mut people = BTreeSet::new();
    for account in facts {
        people.extend(account.assignments.iter().map(|assignment| assignment.user_id));
        people.extend(account.interactions.iter().flat_map(|interaction| interaction.employee_ids.iter().copied()));
    }
    people
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

/// The ids in ascending order, each once.
pub(super) fn sorted_unique(ids: &[i64]) -> Vec<i64> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The facts of the given accounts (for what-ifs, which reassess without the leavers), in id
/// order, each once; unknown ids are skipped. Loaded in batches, a few queries per batch.
pub fn facts_of(
    conn: &mut AnyConnection,
    account_ids: &[i64],
    settings: &Settings,
    now: DateTime<Utc>,
) -> StoreResult<Vec<AccountFacts>> {
    let ids = sorted_unique(account_ids);
    let mut facts = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(BATCH_ACCOUNTS) {
        let accounts: Vec<AccountRow> = accounts::table
            .filter(accounts::id.eq_any(chunk))
            .select(AccountRow::as_select())
            .order(accounts::id)
            .load(conn)?;
        facts.extend(load_batch(conn, accounts, Batch::Ids(chunk), settings, now)?);
    }
    Ok(facts)
}

/// The bare scan the full recompute is measured against (`continuity bench recompute`):
/// every account's number of interactions.
pub fn interactions_per_account(conn: &mut AnyConnection) -> StoreResult<Vec<(i64, i64)>> {
    Ok(interactions::table
        .group_by(interactions::account_id)
        .select((interactions::account_id, diesel::dsl::count_star()))
        .load(conn)?)
}

/// The organisation-attributed interactions of an account since `since` (participants left
/// out: the institutional score does not read them), for the institutional trend.
pub fn organisation_touchpoints(
    conn: &mut AnyConnection,
    account_id: i64,
    since: DateTime<Utc>,
) -> StoreResult<Vec<InteractionFacts>> {
    let rows: Vec<InteractionRow> = interactions::table
        .filter(interactions::account_id.eq(account_id))
        .filter(interactions::on_behalf_of.eq(continuity_domain::OnBehalfOf::Organisation.as_str()))
        .filter(interactions::occurred_at.ge(to_db_time(since)))
        .order(interactions::id)
        .select(InteractionRow::as_select())
        .load(conn)?;
    let mut none = BTreeMap::new();
    rows.into_iter().map(|row| to_interaction(row, &mut none, &mut BTreeMap::new())).collect()
}
