//! The stored continuity figures of each account (`account_risk`), kept current: every write
//! that touches an account calls [`recompute`] inside its own transaction, so a read that
//! follows an answered write sees its effect (PRODUCT.md: "read your writes").

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use continuity_domain::continuity::{
    assess, AccountFacts, AccountRisk, ContactFacts, CoveragePolicies, CoveragePolicy, EmployeeFacts, Employees,
    InteractionFacts, OpenAssignment, PortfolioTotals, Settings,
};
use continuity_domain::{ComplaintStatus, UserStatus};
use diesel::connection::DefaultLoadingMode;
use diesel::prelude::*;

use crate::risk_totals::{self, TotalsRow};
use crate::schema::{
    account_risk, accounts, assignments, contacts, coverage_policies, interaction_contacts, interaction_employees,
    interactions, users,
};
use crate::{from_db_time, to_db_time, AnyConnection, StoreError, StoreResult};

/// The continuity settings in force: the documented defaults of PRODUCT.md.
pub fn settings() -> Settings {
    Settings::default()
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
        status: status.parse::<UserStatus>().map_err(|e| StoreError::corrupt("users.status", e))?,
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

/// The employees with these ids (unknown ids left out).
pub fn employees_by_id(conn: &mut AnyConnection, ids: &BTreeSet<i64>) -> StoreResult<Employees> {
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
type AccountRow = (i64, String, String, i64, String, String, i64, NaiveDateTime);
type ContactRow = (i64, String, String, Option<NaiveDate>);

fn account_columns() -> (
    accounts::id,
    accounts::name,
    accounts::tier,
    accounts::annual_value_minor,
    accounts::currency,
    accounts::status,
    accounts::team_id,
    accounts::created_at,
) {
    (
        accounts::id,
        accounts::name,
        accounts::tier,
        accounts::annual_value_minor,
        accounts::currency,
        accounts::status,
        accounts::team_id,
        accounts::created_at,
    )
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
fn to_interaction(
    (id, occurred_at, kind, on_behalf_of, complaint_status): InteractionRow,
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
    (id, name, tier, annual_value_minor, currency, status, team_id, created_at): AccountRow,
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

/// Loads what assessing one account reads: the window's interactions, every open complaint,
/// and the latest interaction however old (for staleness).
pub fn account_facts(
    conn: &mut AnyConnection,
    account_id: i64,
    settings: &Settings,
    now: DateTime<Utc>,
) -> StoreResult<Option<(AccountFacts, Employees)>> {
    let account: Option<AccountRow> =
        accounts::table.find(account_id).select(account_columns()).first(conn).optional()?;
    let Some(account) = account else {
        return Ok(None);
    };
    let id = account.0;
    let open: Vec<(i64, String)> = assignments::table
        .filter(assignments::account_id.eq(id).and(assignments::until.is_null()))
        .select((assignments::user_id, assignments::role))
        .order(assignments::id)
        .load(conn)?;
    let contact_rows: Vec<ContactRow> = contacts::table
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
        // A fixed order: strengths are float sums, and the batched load must add them up in
        // the same order to store the same figures.
        .order(interactions::id)
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
            .order((interaction_employees::interaction_id, interaction_employees::user_id))
            .load(conn)?;
        for (interaction_id, user_id) in pairs {
            employees_of.entry(interaction_id).or_default().push(user_id);
        }
        let pairs: Vec<(i64, i64)> = interaction_contacts::table
            .filter(interaction_contacts::account_id.eq(id))
            .filter(interaction_contacts::interaction_id.eq_any(&interaction_ids))
            .select((interaction_contacts::interaction_id, interaction_contacts::contact_id))
            .order((interaction_contacts::interaction_id, interaction_contacts::contact_id))
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
        .map(|row| to_interaction(row, &mut employees_of, &mut contacts_of))
        .collect::<StoreResult<Vec<_>>>()?;
    let assignments =
        open.iter().map(|(user_id, role)| to_assignment(*user_id, role)).collect::<StoreResult<Vec<_>>>()?;
    let contacts = contact_rows.into_iter().map(to_contact).collect::<StoreResult<Vec<_>>>()?;
    let linked = !crate::links::linked_among(conn, &[id])?.is_empty();
    let facts = to_account_facts(account, assignments, contacts, interactions, linked)?;
    Ok(Some((facts, employees)))
}

/// How many accounts one batched load (and one write transaction of [`recompute_all`]) holds.
const BATCH_ACCOUNTS: usize = 1_000;

/// The accounts of one batched load, whose rows are already loaded: all accounts with an id in
/// `first..=last`, or exactly the listed ones.
#[derive(Debug, Clone, Copy)]
enum Batch<'a> {
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

/// The facts of a batch of accounts in a handful of queries, each ordered by account (and by
/// the same keys as [`account_facts`], so that both give identical facts). `accounts` are the
/// batch's account rows in id order.
fn load_batch(
    conn: &mut AnyConnection,
    accounts: Vec<AccountRow>,
    batch: Batch<'_>,
    settings: &Settings,
    now: DateTime<Utc>,
) -> StoreResult<Vec<AccountFacts>> {
    let ids: Vec<i64> = accounts.iter().map(|account| account.0).collect();
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
        .select((
            interactions::account_id,
            (
                interactions::id,
                interactions::occurred_at,
                interactions::kind,
                interactions::on_behalf_of,
                interactions::complaint_status,
            ),
        ))
        .order((interactions::account_id, interactions::id))
        .into_boxed();
    for row in in_batch!(query, interactions::account_id, batch)
        .load_iter::<(i64, InteractionRow), DefaultLoadingMode>(conn)?
    {
        let (account_id, interaction) = row?;
        if let Some(account) = position(account_id).and_then(|at| gathered.get_mut(at)) {
            account.has_recent |= interaction.1 >= window_start;
            account.rows.push(interaction);
        }
    }

    // An account without an interaction in the window still needs its latest one (staleness);
    // such accounts are few, so their interactions are read newest first and all but the
    // first of each account skipped.
    let quiet: Vec<i64> =
        gathered.iter().filter(|account| !account.has_recent).map(|account| account.account.0).collect();
    if !quiet.is_empty() {
        let latest = interactions::table
            .filter(interactions::account_id.eq_any(&quiet))
            .select((
                interactions::account_id,
                (
                    interactions::id,
                    interactions::occurred_at,
                    interactions::kind,
                    interactions::on_behalf_of,
                    interactions::complaint_status,
                ),
            ))
            .order((interactions::account_id, interactions::occurred_at.desc(), interactions::id.desc()))
            .load_iter::<(i64, InteractionRow), DefaultLoadingMode>(conn)?;
        let mut previous_account = None;
        for row in latest {
            let (account_id, interaction) = row?;
            if previous_account == Some(account_id) {
                continue;
            }
            previous_account = Some(account_id);
            if let Some(account) = position(account_id).and_then(|at| gathered.get_mut(at)) {
                if !account.rows.iter().any(|row| row.0 == interaction.0) {
                    account.rows.push(interaction);
                }
            }
        }
    }

    // Participants of every interaction of the batch's accounts; those of interactions that
    // were not loaded above are never asked for.
    let query = interaction_employees::table
        .select((
            interaction_employees::account_id,
            interaction_employees::interaction_id,
            interaction_employees::user_id,
        ))
        .order((
            interaction_employees::account_id,
            interaction_employees::interaction_id,
            interaction_employees::user_id,
        ))
        .into_boxed();
    for row in in_batch!(query, interaction_employees::account_id, batch)
        .load_iter::<(i64, i64, i64), DefaultLoadingMode>(conn)?
    {
        let (account_id, interaction_id, user_id) = row?;
        if let Some(account) = position(account_id).and_then(|at| gathered.get_mut(at)) {
            account.employees_of.entry(interaction_id).or_default().push(user_id);
        }
    }
    let query = interaction_contacts::table
        .select((
            interaction_contacts::account_id,
            interaction_contacts::interaction_id,
            interaction_contacts::contact_id,
        ))
        .order((
            interaction_contacts::account_id,
            interaction_contacts::interaction_id,
            interaction_contacts::contact_id,
        ))
        .into_boxed();
    for row in in_batch!(query, interaction_contacts::account_id, batch)
        .load_iter::<(i64, i64, i64), DefaultLoadingMode>(conn)?
    {
        let (account_id, interaction_id, contact_id) = row?;
        if let Some(account) = position(account_id).and_then(|at| gathered.get_mut(at)) {
            account.contacts_of.entry(interaction_id).or_default().push(contact_id);
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
            let is_linked = linked.contains(&account.account.0);
            to_account_facts(account.account, account.assignments, account.contacts, interactions, is_linked)
        })
        .collect()
}

thread_local! {
    /// The accounts whose [`recompute`] waits for the end of a [`batched`] write on this
    /// thread; `None` outside one. (diesel is synchronous: a transaction and every recompute in
    /// it run on the thread that opened it.)
    static DEFERRED: RefCell<Option<BTreeSet<i64>>> = const { RefCell::new(None) };
}

/// Recomputes and stores one account's figures; call it inside the transaction of any write
/// that touches the account. Inside [`batched`] an account that already has figures is only
/// noted, and recomputed once when the batch ends; a new one is computed at once, so that it
/// can be read back (account reads join its figures).
pub fn recompute(conn: &mut AnyConnection, account_id: i64, now: DateTime<Utc>) -> StoreResult<()> {
    if DEFERRED.with_borrow(Option::is_some) && has_figures(conn, account_id)? {
        DEFERRED.with_borrow_mut(|deferred| deferred.as_mut().map(|ids| ids.insert(account_id)));
        return Ok(());
    }
    lock_accounts(conn, &[account_id])?;
    let settings = settings();
    let (facts, employees) = account_facts(conn, account_id, &settings, now)?.ok_or(StoreError::NotFound)?;
    let policies = coverage_policies(conn)?;
    store(conn, &assess(&facts, &employees, &policies, &settings, now))
}

/// Locks these accounts' rows until the caller's transaction ends, before their figures are
/// recomputed. On PostgreSQL two transactions writing to one account (two servers, or two
/// threads of one) could otherwise both read the same stored figures: the later one's
/// recompute would miss the other's change, and `risk_totals` would move by the same old
/// difference twice. `FOR NO KEY UPDATE` waits for the other writer's commit (so the reads
/// after it see that write) without conflicting with the key-share locks that inserting a
/// child row takes; ids in ascending order, so writers lock several accounts in one order.
/// SQLite needs nothing: its writers are serialised (see
/// [`write_transaction`](crate::connection::write_transaction)).
fn lock_accounts(conn: &mut AnyConnection, account_ids: &[i64]) -> StoreResult<()> {
    let AnyConnection::Postgresql(pg) = conn else {
        return Ok(());
    };
    if account_ids.is_empty() {
        return Ok(());
    }
    // Integers only, written inline (the list may be a thousand long).
    let ids: Vec<String> = account_ids.iter().map(i64::to_string).collect();
    diesel::sql_query(format!(
        "SELECT id FROM accounts WHERE id IN ({}) ORDER BY id FOR NO KEY UPDATE",
        ids.join(", ")
    ))
    .execute(pg)?;
    Ok(())
}

fn has_figures(conn: &mut AnyConnection, account_id: i64) -> StoreResult<bool> {
    Ok(diesel::select(diesel::dsl::exists(account_risk::table.find(account_id))).get_result(conn)?)
}

/// Runs a write of many records (inside the caller's transaction) with every [`recompute`] it
/// triggers deferred, then recomputes each account it touched once, in batches
/// ([`recompute_accounts`]): an import of a thousand interactions of one account assesses that
/// account once, not a thousand times. When `work` fails nothing is recomputed (the caller
/// rolls back).
pub fn batched<T, E>(
    conn: &mut AnyConnection,
    now: DateTime<Utc>,
    work: impl FnOnce(&mut AnyConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<StoreError>,
{
    /// Ends the deferral however `work` ends (an error or a panic included).
    struct EndDeferral;
    impl Drop for EndDeferral {
        fn drop(&mut self) {
            DEFERRED.set(None);
        }
    }
    if DEFERRED.with_borrow(Option::is_some) {
        // Already inside a batch: its end recomputes these accounts too.
        return work(conn);
    }
    DEFERRED.set(Some(BTreeSet::new()));
    let end = EndDeferral;
    let value = work(conn)?;
    let touched: Vec<i64> = DEFERRED.take().unwrap_or_default().into_iter().collect();
    drop(end);
    recompute_accounts(conn, &touched, now)?;
    Ok(value)
}

/// Recomputes and stores the figures of many accounts inside the caller's transaction (bulk
/// writes such as imports): loaded in batches with a few queries each and written back with
/// one statement set per batch, the same figures as [`recompute`] of each. Answers how many.
pub fn recompute_accounts(conn: &mut AnyConnection, account_ids: &[i64], now: DateTime<Utc>) -> StoreResult<usize> {
    let settings = settings();
    let policies = coverage_policies(conn)?;
    let mut count = 0;
    for chunk in sorted_unique(account_ids).chunks(BATCH_ACCOUNTS) {
        lock_accounts(conn, chunk)?;
        let facts = facts_of(conn, chunk, now)?;
        let employees = employees_by_id(conn, &people_of(&facts))?;
        let risks: Vec<AccountRisk> =
            facts.iter().map(|account| assess(account, &employees, &policies, &settings, now)).collect();
        store_all(conn, &risks)?;
        count += risks.len();
    }
    Ok(count)
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

/// The flag codes as stored: `,code,code,` so that one code is found with `LIKE '%,code,%'`.
pub fn flags_text(risk: &AccountRisk) -> String {
    let codes: Vec<&str> = risk.flags.iter().map(|flag| flag.code.as_str()).collect();
    if codes.is_empty() {
        String::new()
    } else {
        format!(",{},", codes.join(","))
    }
}

/// Writes one account's figures (inside the caller's transaction), unless they are what is
/// already stored; the team totals move by the difference.
pub fn store(conn: &mut AnyConnection, risk: &AccountRisk) -> StoreResult<()> {
    store_all(conn, std::slice::from_ref(risk)).map(|_| ())
}

/// The stored figures of one account.
pub fn get(conn: &mut AnyConnection, account_id: i64) -> StoreResult<Option<AccountRisk>> {
    let detail: Option<String> =
        account_risk::table.find(account_id).select(account_risk::detail_json).first(conn).optional()?;
    detail.map(|json| parse_detail(&json)).transpose()
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

/// The stored figures of every account whose figures depend on this employee
/// ([`accounts_touching_user`]), in account order: what their HR figures are made of.
pub fn risks_touching_user(
    conn: &mut AnyConnection,
    user_id: i64,
    now: DateTime<Utc>,
) -> StoreResult<Vec<AccountRisk>> {
    let ids = accounts_touching_user(conn, user_id, &settings(), now)?;
    get_many(conn, &ids)
}

/// The stored figures of the given accounts, in account order (accounts without figures
/// left out).
pub fn get_many(conn: &mut AnyConnection, account_ids: &[i64]) -> StoreResult<Vec<AccountRisk>> {
    let ids = sorted_unique(account_ids);
    let mut risks = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(BATCH_ACCOUNTS) {
        let rows: Vec<String> = account_risk::table
            .filter(account_risk::account_id.eq_any(chunk))
            .select(account_risk::detail_json)
            .order(account_risk::account_id)
            .load(conn)?;
        for json in rows {
            risks.push(parse_detail(&json)?);
        }
    }
    Ok(risks)
}

/// Recomputes every account whose figures depend on this employee (status, leave date).
pub fn recompute_for_user(conn: &mut AnyConnection, user_id: i64, now: DateTime<Utc>) -> StoreResult<usize> {
    let ids = accounts_touching_user(conn, user_id, &settings(), now)?;
    recompute_accounts(conn, &ids, now)
}

/// The stored figures of every account in `team_ids` (all teams when `None`), all in memory:
/// for tests and tools on small stores; request paths read [`risk_totals`] and
/// [`risk_totals::holders`] instead.
pub fn portfolio(conn: &mut AnyConnection, team_ids: Option<&[i64]>) -> StoreResult<Vec<AccountRisk>> {
    let mut query = account_risk::table.select(account_risk::detail_json).order(account_risk::account_id).into_boxed();
    if let Some(team_ids) = team_ids {
        query = query.filter(account_risk::team_id.eq_any(team_ids.to_vec()));
    }
    let rows: Vec<String> = query.load(conn)?;
    rows.iter().map(|json| parse_detail(json)).collect()
}

/// An account's figures from `account_risk.detail_json`.
fn parse_detail(json: &str) -> StoreResult<AccountRisk> {
    serde_json::from_str(json).map_err(|e| StoreError::corrupt("account_risk.detail_json", e))
}

/// The ids in ascending order, each once.
fn sorted_unique(ids: &[i64]) -> Vec<i64> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The facts of the given accounts (for what-ifs, which reassess without the leavers), in id
/// order, each once; unknown ids are skipped. Loaded in batches, a few queries per batch.
pub fn facts_of(conn: &mut AnyConnection, account_ids: &[i64], now: DateTime<Utc>) -> StoreResult<Vec<AccountFacts>> {
    let settings = settings();
    let ids = sorted_unique(account_ids);
    let mut facts = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(BATCH_ACCOUNTS) {
        let accounts: Vec<AccountRow> = accounts::table
            .filter(accounts::id.eq_any(chunk))
            .select(account_columns())
            .order(accounts::id)
            .load(conn)?;
        facts.extend(load_batch(conn, accounts, Batch::Ids(chunk), &settings, now)?);
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
    let day = now.date_naive();
    let team_ids: Vec<i64> = teams::table.select(teams::id).load(conn)?;
    let by_team = risk_totals::totals_by_team(conn)?;
    let mut firm = PortfolioTotals::default();
    by_team.values().for_each(|totals| firm.add(totals, 1));
    let empty = PortfolioTotals::default();
    let mut written = 0;
    for team_id in std::iter::once(0).chain(team_ids) {
        let totals = if team_id == 0 { &firm } else { by_team.get(&team_id).unwrap_or(&empty) };
        let flag_counts =
            serde_json::to_string(&totals.all_flag_counts()).map_err(|e| StoreError::corrupt("flag_counts", e))?;
        crate::connection::write_transaction(conn, |conn| {
            diesel::delete(
                risk_snapshots::table.filter(risk_snapshots::day.eq(day).and(risk_snapshots::team_id.eq(team_id))),
            )
            .execute(conn)?;
            diesel::insert_into(risk_snapshots::table)
                .values((
                    risk_snapshots::day.eq(day),
                    risk_snapshots::team_id.eq(team_id),
                    risk_snapshots::value_minor.eq(totals.value_minor),
                    risk_snapshots::exposure_minor.eq(totals.exposure_minor),
                    risk_snapshots::key_person_value_minor.eq(totals.key_person_value_minor),
                    risk_snapshots::flag_counts_json.eq(&flag_counts),
                ))
                .execute(conn)
                .map_err(StoreError::from)
        })?;
        written += 1;
    }
    Ok(written)
}

/// Whether the firm-wide figures of `day` have been recorded (a refresh ran that day).
pub fn has_snapshot(conn: &mut AnyConnection, day: NaiveDate) -> StoreResult<bool> {
    use crate::schema::risk_snapshots;
    Ok(diesel::select(diesel::dsl::exists(
        risk_snapshots::table.filter(risk_snapshots::day.eq(day).and(risk_snapshots::team_id.eq(0))),
    ))
    .get_result(conn)?)
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

/// What a full recompute did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Recomputed {
    /// Accounts assessed.
    pub accounts: usize,
    /// Accounts whose stored figures changed (and were rewritten).
    pub written: usize,
}

/// Recomputes every account (the periodic refresh for decay with time, and `continuity
/// recompute`) in one pass over the store: batches of accounts in id order, each read with a
/// handful of queries and written back in one short transaction, rewriting only the accounts
/// whose figures changed. Gives the same figures as [`recompute`] of each account.
pub fn recompute_all(conn: &mut AnyConnection, now: DateTime<Utc>) -> StoreResult<Recomputed> {
    let settings = settings();
    let employees = all_employees(conn)?;
    let policies = coverage_policies(conn)?;
    let batch_size = i64::try_from(BATCH_ACCOUNTS).unwrap_or(i64::MAX);
    let mut after = i64::MIN;
    let mut done = Recomputed::default();
    loop {
        let finished = crate::connection::write_transaction(conn, |conn| {
            let ids: Vec<i64> = accounts::table
                .filter(accounts::id.gt(after))
                .select(accounts::id)
                .order(accounts::id)
                .limit(batch_size)
                .load(conn)?;
            // A write to one of these accounts waits for the batch (and the batch for it), so
            // that neither overwrites the other's figures with older ones.
            lock_accounts(conn, &ids)?;
            let (Some(&first), Some(&last)) = (ids.first(), ids.last()) else {
                return Ok::<_, StoreError>(true);
            };
            let accounts: Vec<AccountRow> = accounts::table
                .filter(accounts::id.between(first, last))
                .select(account_columns())
                .order(accounts::id)
                .load(conn)?;
            let facts = load_batch(conn, accounts, Batch::Range { first, last }, &settings, now)?;
            let risks: Vec<AccountRisk> =
                facts.iter().map(|account| assess(account, &employees, &policies, &settings, now)).collect();
            done.written += store_all(conn, &risks)?;
            done.accounts += risks.len();
            after = last;
            Ok(false)
        })?;
        if finished {
            return Ok(done);
        }
    }
}

/// Computes the figures of every account that has none (after a migration dropped them);
/// answers how many.
pub fn recompute_missing(conn: &mut AnyConnection, now: DateTime<Utc>) -> StoreResult<usize> {
    let missing: Vec<i64> = accounts::table
        .filter(diesel::dsl::not(diesel::dsl::exists(
            account_risk::table.filter(account_risk::account_id.eq(accounts::id)),
        )))
        .select(accounts::id)
        .order(accounts::id)
        .load(conn)?;
    for chunk in missing.chunks(BATCH_ACCOUNTS) {
        crate::connection::write_transaction(conn, |conn| recompute_accounts(conn, chunk, now))?;
    }
    Ok(missing.len())
}

/// A session-local copy of `account_risk`'s columns: on PostgreSQL a batch of figures is
/// COPied into it and applied with one UPDATE and one INSERT, instead of a statement per row.
mod incoming {
    diesel::table! {
        account_risk_incoming (account_id) {
            account_id -> BigInt,
            team_id -> BigInt,
            score -> Integer,
            exposure_minor -> BigInt,
            flags -> Text,
            detail_json -> Text,
            last_interaction_at -> Nullable<Timestamp>,
            computed_at -> Timestamp,
            annual_value_minor -> BigInt,
            active -> Bool,
            holder_ids -> Text,
            fingerprint -> BigInt,
            institutional_tie -> Bool,
        }
    }
}

/// Below this many changed rows a batch is written row by row (PostgreSQL's COPY path has a
/// fixed cost of a few statements).
const COPY_THRESHOLD: usize = 32;

/// Writes the figures of many accounts (inside the caller's transaction) and answers how many
/// rows changed: an account whose [fingerprint](AccountRisk::fingerprint) equals the stored
/// one is left alone; the team totals (`risk_totals`) move by the difference of the rest.
fn store_all(conn: &mut AnyConnection, risks: &[AccountRisk]) -> StoreResult<usize> {
    if risks.is_empty() {
        return Ok(0);
    }
    let ids: Vec<i64> = risks.iter().map(|risk| risk.account_id).collect();
    let stored: Vec<(i64, i64, TotalsRow)> = account_risk::table
        .filter(account_risk::account_id.eq_any(&ids))
        .select((account_risk::account_id, account_risk::fingerprint, risk_totals::totals_columns()))
        .load(conn)?;
    let stored: HashMap<i64, (i64, TotalsRow)> =
        stored.into_iter().map(|(account_id, fingerprint, row)| (account_id, (fingerprint, row))).collect();
    let mut deltas: BTreeMap<i64, PortfolioTotals> = BTreeMap::new();
    let mut changed = Vec::new();
    for risk in risks {
        // The bits of the u64, kept in a BIGINT.
        let fingerprint = risk.fingerprint() as i64;
        if let Some((old_fingerprint, row)) = stored.get(&risk.account_id) {
            if *old_fingerprint == fingerprint {
                continue;
            }
            let (team_id, totals) = risk_totals::totals_of_row(row)?;
            deltas.entry(team_id).or_default().add(&totals, -1);
        }
        deltas.entry(risk.team_id).or_default().add(&PortfolioTotals::of_risk(risk), 1);
        changed.push(RiskRow::of(risk, fingerprint)?);
    }
    match conn {
        AnyConnection::Postgresql(pg) if changed.len() >= COPY_THRESHOLD => copy_rows(pg, &changed)?,
        _ => {
            for row in &changed {
                write_row(conn, row)?;
            }
        }
    }
    risk_totals::apply(conn, &deltas)?;
    Ok(changed.len())
}

/// One `account_risk` row as written.
struct RiskRow {
    account_id: i64,
    team_id: i64,
    score: i32,
    exposure_minor: i64,
    flags: String,
    detail_json: String,
    last_interaction_at: Option<NaiveDateTime>,
    computed_at: NaiveDateTime,
    annual_value_minor: i64,
    active: bool,
    holder_ids: String,
    fingerprint: i64,
    institutional_tie: bool,
}

impl RiskRow {
    fn of(risk: &AccountRisk, fingerprint: i64) -> StoreResult<RiskRow> {
        Ok(RiskRow {
            account_id: risk.account_id,
            team_id: risk.team_id,
            score: i32::from(risk.score),
            exposure_minor: risk.exposure_minor,
            flags: flags_text(risk),
            detail_json: serde_json::to_string(risk).map_err(|e| StoreError::corrupt("account_risk.detail_json", e))?,
            last_interaction_at: risk.last_interaction_at.map(to_db_time),
            computed_at: to_db_time(risk.computed_at),
            annual_value_minor: risk.annual_value_minor,
            active: risk.is_active(),
            holder_ids: risk_totals::holder_ids_text(risk.holders.iter().map(|holder| holder.user_id)),
            fingerprint,
            institutional_tie: risk.institutional_tie,
        })
    }
}

/// The columns of one `account_risk` row, for a table with its columns (`account_risk` or
/// the staging table of [`copy_rows`]).
macro_rules! risk_row_values {
    ($table:ident, $row:expr) => {
        (
            $table::account_id.eq($row.account_id),
            $table::team_id.eq($row.team_id),
            $table::score.eq($row.score),
            $table::exposure_minor.eq($row.exposure_minor),
            $table::flags.eq(&$row.flags),
            $table::detail_json.eq(&$row.detail_json),
            $table::last_interaction_at.eq($row.last_interaction_at),
            $table::computed_at.eq($row.computed_at),
            $table::annual_value_minor.eq($row.annual_value_minor),
            $table::active.eq($row.active),
            $table::holder_ids.eq(&$row.holder_ids),
            $table::fingerprint.eq($row.fingerprint),
            $table::institutional_tie.eq($row.institutional_tie),
        )
    };
}

/// Writes one row: update, or insert the first time.
fn write_row(conn: &mut AnyConnection, row: &RiskRow) -> StoreResult<()> {
    let updated = diesel::update(account_risk::table.find(row.account_id))
        .set(risk_row_values!(account_risk, row))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(account_risk::table).values(risk_row_values!(account_risk, row)).execute(conn)?;
    }
    Ok(())
}

/// Writes many rows on PostgreSQL: COPY into a temporary table, then one UPDATE and one INSERT.
fn copy_rows(pg: &mut diesel::PgConnection, rows: &[RiskRow]) -> StoreResult<()> {
    use incoming::account_risk_incoming as staged;
    let staged_rows: Vec<_> = rows.iter().map(|row| risk_row_values!(staged, row)).collect();
    diesel::sql_query(
        "CREATE TEMPORARY TABLE IF NOT EXISTS account_risk_incoming \
         (LIKE account_risk INCLUDING DEFAULTS) ON COMMIT DELETE ROWS",
    )
    .execute(pg)?;
    // Rows are only deleted at the outermost commit; a caller's enclosing transaction must
    // not see the previous batch again.
    diesel::sql_query("TRUNCATE account_risk_incoming").execute(pg)?;
    diesel::copy_from(staged::table).from_insertable(&staged_rows).execute(pg)?;
    diesel::sql_query(
        "UPDATE account_risk AS stored SET team_id = i.team_id, score = i.score, \
         exposure_minor = i.exposure_minor, flags = i.flags, detail_json = i.detail_json, \
         last_interaction_at = i.last_interaction_at, computed_at = i.computed_at, \
         annual_value_minor = i.annual_value_minor, active = i.active, holder_ids = i.holder_ids, \
         fingerprint = i.fingerprint, institutional_tie = i.institutional_tie \
         FROM account_risk_incoming AS i WHERE stored.account_id = i.account_id",
    )
    .execute(pg)?;
    diesel::sql_query(
        "INSERT INTO account_risk (account_id, team_id, score, exposure_minor, flags, detail_json, \
         last_interaction_at, computed_at, annual_value_minor, active, holder_ids, fingerprint, \
         institutional_tie) \
         SELECT i.account_id, i.team_id, i.score, i.exposure_minor, i.flags, i.detail_json, \
         i.last_interaction_at, i.computed_at, i.annual_value_minor, i.active, i.holder_ids, i.fingerprint, \
         i.institutional_tie \
         FROM account_risk_incoming AS i \
         WHERE NOT EXISTS (SELECT 1 FROM account_risk AS stored WHERE stored.account_id = i.account_id)",
    )
    .execute(pg)?;
    Ok(())
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
        .select((
            interactions::id,
            interactions::occurred_at,
            interactions::kind,
            interactions::on_behalf_of,
            interactions::complaint_status,
        ))
        .load(conn)?;
    let mut none = BTreeMap::new();
    rows.into_iter().map(|row| to_interaction(row, &mut none, &mut BTreeMap::new())).collect()
}
