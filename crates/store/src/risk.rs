//! The stored continuity figures of each account (`account_risk`), kept current: every write
//! that touches an account calls [`recompute`] inside its own transaction, so a read that
//! follows an answered write sees its effect (PRODUCT.md: "read your writes").

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use continuity_domain::continuity::{
    assess, AccountFacts, AccountRisk, ContactFacts, CoveragePolicies, CoveragePolicy, EmployeeFacts, Employees,
    InteractionFacts, OpenAssignment, Settings,
};
use continuity_domain::{ComplaintStatus, UserStatus};
use diesel::connection::DefaultLoadingMode;
use diesel::prelude::*;

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

fn employees_by_id(conn: &mut AnyConnection, ids: &BTreeSet<i64>) -> StoreResult<Employees> {
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
    let facts = to_account_facts(account, assignments, contacts, interactions)?;
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

    gathered
        .into_iter()
        .map(|mut account| {
            let interactions = std::mem::take(&mut account.rows)
                .into_iter()
                .map(|row| to_interaction(row, &mut account.employees_of, &mut account.contacts_of))
                .collect::<StoreResult<Vec<_>>>()?;
            to_account_facts(account.account, account.assignments, account.contacts, interactions)
        })
        .collect()
}

/// Recomputes and stores one account's figures; call it inside the transaction of any write
/// that touches the account.
pub fn recompute(conn: &mut AnyConnection, account_id: i64, now: DateTime<Utc>) -> StoreResult<AccountRisk> {
    let settings = settings();
    let (facts, employees) = account_facts(conn, account_id, &settings, now)?.ok_or(StoreError::NotFound)?;
    let policies = coverage_policies(conn)?;
    let risk = assess(&facts, &employees, &policies, &settings, now);
    store(conn, &risk)?;
    Ok(risk)
}

/// Recomputes and stores the figures of many accounts inside the caller's transaction (bulk
/// writes such as imports): loaded in batches with a few queries each and written back with
/// one statement set per batch, the same figures as [`recompute`] of each. Answers how many.
pub fn recompute_accounts(conn: &mut AnyConnection, account_ids: &[i64], now: DateTime<Utc>) -> StoreResult<usize> {
    let settings = settings();
    let policies = coverage_policies(conn)?;
    let mut count = 0;
    for chunk in account_ids.chunks(BATCH_ACCOUNTS) {
        let facts = facts_of(conn, chunk, now)?;
        let mut people = BTreeSet::new();
        for account in &facts {
            people.extend(account.assignments.iter().map(|assignment| assignment.user_id));
            people.extend(account.interactions.iter().flat_map(|interaction| interaction.employee_ids.iter().copied()));
        }
        let employees = employees_by_id(conn, &people)?;
        let risks: Vec<AccountRisk> =
            facts.iter().map(|account| assess(account, &employees, &policies, &settings, now)).collect();
        store_all(conn, &risks)?;
        count += risks.len();
    }
    Ok(count)
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

/// Writes one account's figures (update, or insert the first time).
pub fn store(conn: &mut AnyConnection, risk: &AccountRisk) -> StoreResult<()> {
    let detail = serde_json::to_string(risk).map_err(|e| StoreError::corrupt("account_risk.detail_json", e))?;
    let values = || {
        (
            account_risk::team_id.eq(risk.team_id),
            account_risk::score.eq(i32::from(risk.score)),
            account_risk::exposure_minor.eq(risk.exposure_minor),
            account_risk::flags.eq(flags_text(risk)),
            account_risk::detail_json.eq(&detail),
            account_risk::last_interaction_at.eq(risk.last_interaction_at.map(to_db_time)),
            account_risk::computed_at.eq(to_db_time(risk.computed_at)),
        )
    };
    let updated = diesel::update(account_risk::table.find(risk.account_id)).set(values()).execute(conn)?;
    if updated == 0 {
        diesel::insert_into(account_risk::table)
            .values((account_risk::account_id.eq(risk.account_id), values()))
            .execute(conn)?;
    }
    Ok(())
}

/// The stored figures of one account.
pub fn get(conn: &mut AnyConnection, account_id: i64) -> StoreResult<Option<AccountRisk>> {
    let detail: Option<String> =
        account_risk::table.find(account_id).select(account_risk::detail_json).first(conn).optional()?;
    detail
        .map(|json| serde_json::from_str(&json).map_err(|e| StoreError::corrupt("account_risk.detail_json", e)))
        .transpose()
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

/// Recomputes every account whose figures depend on this employee (status, leave date).
pub fn recompute_for_user(conn: &mut AnyConnection, user_id: i64, now: DateTime<Utc>) -> StoreResult<usize> {
    let ids = accounts_touching_user(conn, user_id, &settings(), now)?;
    for account_id in &ids {
        recompute(conn, *account_id, now)?;
    }
    Ok(ids.len())
}

/// The stored figures of every account in `team_ids` (all teams when `None`).
pub fn portfolio(conn: &mut AnyConnection, team_ids: Option<&[i64]>) -> StoreResult<Vec<AccountRisk>> {
    let mut query = account_risk::table.select(account_risk::detail_json).order(account_risk::account_id).into_boxed();
    if let Some(team_ids) = team_ids {
        query = query.filter(account_risk::team_id.eq_any(team_ids.to_vec()));
    }
    let rows: Vec<String> = query.load(conn)?;
    rows.iter()
        .map(|json| serde_json::from_str(json).map_err(|e| StoreError::corrupt("account_risk.detail_json", e)))
        .collect()
}

/// The facts of the given accounts (for what-ifs, which reassess without the leavers), in id
/// order, each once; unknown ids are skipped. Loaded in batches, a few queries per batch.
pub fn facts_of(conn: &mut AnyConnection, account_ids: &[i64], now: DateTime<Utc>) -> StoreResult<Vec<AccountFacts>> {
    let settings = settings();
    let mut ids = account_ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
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
    let settings = settings();
    let day = now.date_naive();
    let team_ids: Vec<i64> = teams::table.select(teams::id).load(conn)?;
    let risks = portfolio(conn, None)?;
    let mut written = 0;
    for team_id in std::iter::once(0).chain(team_ids) {
        let summary = continuity_domain::continuity::portfolio_summary(
            risks.iter().filter(|risk| team_id == 0 || risk.team_id == team_id),
            &settings,
        );
        let flag_counts =
            serde_json::to_string(&summary.flag_counts).map_err(|e| StoreError::corrupt("flag_counts", e))?;
        crate::connection::write_transaction(conn, |conn| {
            diesel::delete(
                risk_snapshots::table.filter(risk_snapshots::day.eq(day).and(risk_snapshots::team_id.eq(team_id))),
            )
            .execute(conn)?;
            diesel::insert_into(risk_snapshots::table)
                .values((
                    risk_snapshots::day.eq(day),
                    risk_snapshots::team_id.eq(team_id),
                    risk_snapshots::value_minor.eq(summary.value_minor),
                    risk_snapshots::exposure_minor.eq(summary.exposure_minor),
                    risk_snapshots::key_person_value_minor.eq(summary.key_person_value_minor),
                    risk_snapshots::flag_counts_json.eq(&flag_counts),
                ))
                .execute(conn)
                .map_err(StoreError::from)
        })?;
        written += 1;
    }
    Ok(written)
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

/// Recomputes every account (the periodic refresh for decay with time, and `continuity
/// recompute`) in one pass over the store: batches of accounts in id order, each read with a
/// handful of queries and written back in one short transaction; answers the number of
/// accounts. Gives the same figures as [`recompute`] of each account.
pub fn recompute_all(conn: &mut AnyConnection, now: DateTime<Utc>) -> StoreResult<usize> {
    let settings = settings();
    let employees = all_employees(conn)?;
    let policies = coverage_policies(conn)?;
    let batch_size = i64::try_from(BATCH_ACCOUNTS).unwrap_or(i64::MAX);
    let mut after = i64::MIN;
    let mut count = 0;
    loop {
        let done = crate::connection::write_transaction(conn, |conn| {
            let accounts: Vec<AccountRow> = accounts::table
                .filter(accounts::id.gt(after))
                .select(account_columns())
                .order(accounts::id)
                .limit(batch_size)
                .load(conn)?;
            let (Some(first), Some(last)) = (accounts.first().map(|a| a.0), accounts.last().map(|a| a.0)) else {
                return Ok::<_, StoreError>(true);
            };
            let facts = load_batch(conn, accounts, Batch::Range { first, last }, &settings, now)?;
            let risks: Vec<AccountRisk> =
                facts.iter().map(|account| assess(account, &employees, &policies, &settings, now)).collect();
            store_all(conn, &risks)?;
            after = last;
            count += risks.len();
            Ok(false)
        })?;
        if done {
            return Ok(count);
        }
    }
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
        }
    }
}

/// Writes the figures of many accounts (inside the caller's transaction): the same rows as
/// [`store`] of each.
fn store_all(conn: &mut AnyConnection, risks: &[AccountRisk]) -> StoreResult<()> {
    let AnyConnection::Postgresql(pg) = conn else {
        // SQLite: one prepared statement per row inside the transaction is already fast.
        for risk in risks {
            store(conn, risk)?;
        }
        return Ok(());
    };
    use incoming::account_risk_incoming as staged;
    let mut rows = Vec::with_capacity(risks.len());
    for risk in risks {
        let detail = serde_json::to_string(risk).map_err(|e| StoreError::corrupt("account_risk.detail_json", e))?;
        rows.push((
            staged::account_id.eq(risk.account_id),
            staged::team_id.eq(risk.team_id),
            staged::score.eq(i32::from(risk.score)),
            staged::exposure_minor.eq(risk.exposure_minor),
            staged::flags.eq(flags_text(risk)),
            staged::detail_json.eq(detail),
            staged::last_interaction_at.eq(risk.last_interaction_at.map(to_db_time)),
            staged::computed_at.eq(to_db_time(risk.computed_at)),
        ));
    }
    diesel::sql_query(
        "CREATE TEMPORARY TABLE IF NOT EXISTS account_risk_incoming \
         (LIKE account_risk INCLUDING DEFAULTS) ON COMMIT DELETE ROWS",
    )
    .execute(pg)?;
    // Rows are only deleted at the outermost commit; a caller's enclosing transaction must
    // not see the previous batch again.
    diesel::sql_query("TRUNCATE account_risk_incoming").execute(pg)?;
    diesel::copy_from(staged::table).from_insertable(&rows).execute(pg)?;
    diesel::sql_query(
        "UPDATE account_risk AS stored SET team_id = i.team_id, score = i.score, \
         exposure_minor = i.exposure_minor, flags = i.flags, detail_json = i.detail_json, \
         last_interaction_at = i.last_interaction_at, computed_at = i.computed_at \
         FROM account_risk_incoming AS i WHERE stored.account_id = i.account_id",
    )
    .execute(pg)?;
    diesel::sql_query(
        "INSERT INTO account_risk (account_id, team_id, score, exposure_minor, flags, detail_json, \
         last_interaction_at, computed_at) \
         SELECT i.account_id, i.team_id, i.score, i.exposure_minor, i.flags, i.detail_json, \
         i.last_interaction_at, i.computed_at FROM account_risk_incoming AS i \
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
