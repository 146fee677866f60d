//! Each employee's HR figures without reading their accounts: what HR's ranking of people
//! (`GET /exposure/people`) and the clause register list.
//!
//! The figures are the domain's [`employee_exposure`], kept the way the team totals are kept
//! (see [`super::totals`]): when an account's figures are stored, every employee's part in it —
//! `employee_exposure` of that employee over that one account — is written beside them
//! (`account_risk.people_parts`), and `people_totals` moves by the difference between the old
//! parts and the new, in the same transaction. The figures `employee_exposure` gives are sums
//! over accounts (value held alone, share-weighted value, accounts held and held alone), so an
//! employee's totals equal `employee_exposure` over all their stored figures, which a test
//! checks for every employee; a change to what the function counts reaches these totals
//! without a second reckoning here.
//!
//! What it costs: a write pays one upsert for the employees of the accounts it changed; a
//! read of the ranking is one query over the employees in view joined to their totals (a row
//! each, no account read), sorted in memory — O(staff in view), not O(accounts).

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use continuity_domain::continuity::{employee_exposure, is_unprotected, AccountRisk, EmployeeFacts, EmployeeLookup};
use continuity_domain::validation::normalise;
use continuity_domain::UserStatus;
use diesel::connection::DefaultLoadingMode;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::facts::{to_employee, EmployeeRow};
use crate::schema::{account_risk, people_totals, users};
use crate::{AnyConnection, StoreError, StoreResult};

/// One employee's part in one account: [`employee_exposure`] of that employee over that
/// account alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Part {
    user_id: i64,
    orphaned_value_minor: i64,
    share_weighted_value_minor: i64,
    holder: bool,
    sole_holder: bool,
}

/// The additive HR figures of one employee, summed over their accounts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PersonTotals {
    /// Σ annual value of the accounts they hold alone.
    pub orphaned_value_minor: i64,
    /// Σ annual value × their share.
    pub share_weighted_exposure_minor: i64,
    /// Accounts of which they are a holder.
    pub accounts_held: i64,
    /// Accounts they hold alone.
    pub sole_held_accounts: i64,
}

impl PersonTotals {
    fn add(&mut self, part: &Part, sign: i64) {
        self.orphaned_value_minor = self.orphaned_value_minor.saturating_add(sign * part.orphaned_value_minor);
        self.share_weighted_exposure_minor =
            self.share_weighted_exposure_minor.saturating_add(sign * part.share_weighted_value_minor);
        self.accounts_held += sign * i64::from(part.holder);
        self.sole_held_accounts += sign * i64::from(part.sole_holder);
    }

    fn is_zero(&self) -> bool {
        *self == PersonTotals::default()
    }
}

/// `account_risk.people_parts` of these figures: the part of everyone the account's figures
/// name (employees with a share, holders, assigned employees), as
/// `user_id:orphaned_value_minor:share_weighted_value_minor:holder:sole_holder`, comma-separated,
/// in user order; parts that add nothing are left out. Employees the lookup does not know have
/// no part (every id in the figures is a user row, and users are never deleted).
pub(crate) fn parts_text(risk: &AccountRisk, employees: &impl EmployeeLookup) -> String {
    let named: BTreeSet<i64> = risk
        .employees
        .iter()
        .map(|employee| employee.user_id)
        .chain(risk.holders.iter().map(|holder| holder.user_id))
        .chain(risk.assigned_present_user_ids.iter().copied())
        .collect();
    let mut parts = Vec::new();
    for user_id in named {
        let Some(employee) = employees.employee(user_id) else { continue };
        let figures = employee_exposure(employee, [risk], employees);
        let Some(account) = figures.accounts.first() else { continue };
        let part = Part {
            user_id,
            orphaned_value_minor: figures.orphaned_value_minor,
            share_weighted_value_minor: figures.share_weighted_exposure_minor,
            holder: account.holder,
            sole_holder: account.sole_holder,
        };
        if part.orphaned_value_minor != 0 || part.share_weighted_value_minor != 0 || part.holder || part.sole_holder {
            parts.push(format!(
                "{}:{}:{}:{}:{}",
                part.user_id,
                part.orphaned_value_minor,
                part.share_weighted_value_minor,
                u8::from(part.holder),
                u8::from(part.sole_holder)
            ));
        }
    }
    parts.join(",")
}

fn parse_parts(text: &str) -> StoreResult<Vec<Part>> {
    let corrupt = |part: &str| StoreError::corrupt("account_risk.people_parts", part);
    text.split(',')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let fields: Vec<&str> = part.split(':').collect();
            let [user_id, orphaned, share_weighted, holder, sole_holder] = fields.as_slice() else {
                return Err(corrupt(part));
            };
            let number = |text: &str| text.parse::<i64>().map_err(|_| corrupt(part));
            Ok(Part {
                user_id: number(user_id)?,
                orphaned_value_minor: number(orphaned)?,
                share_weighted_value_minor: number(share_weighted)?,
                holder: number(holder)? != 0,
                sole_holder: number(sole_holder)? != 0,
            })
        })
        .collect()
}

/// Adds `sign` × the parts written as `text` to the per-employee `deltas`.
pub(crate) fn add_parts(deltas: &mut BTreeMap<i64, PersonTotals>, text: &str, sign: i64) -> StoreResult<()> {
    for part in parse_parts(text)? {
        deltas.entry(part.user_id).or_default().add(&part, sign);
    }
    Ok(())
}

/// Adds `deltas` to the stored totals in one statement (the same text on both stores; every
/// value is an integer, written inline). Rows are in user order, so concurrent writers lock
/// them in one order.
pub(crate) fn apply(conn: &mut AnyConnection, deltas: &BTreeMap<i64, PersonTotals>) -> StoreResult<()> {
    let values: Vec<String> = deltas
        .iter()
        .filter(|(_, delta)| !delta.is_zero())
        .map(|(user_id, delta)| {
            format!(
                "({user_id}, {}, {}, {}, {})",
                delta.orphaned_value_minor,
                delta.share_weighted_exposure_minor,
                delta.accounts_held,
                delta.sole_held_accounts
            )
        })
        .collect();
    if values.is_empty() {
        return Ok(());
    }
    diesel::sql_query(format!(
        "INSERT INTO people_totals \
         (user_id, orphaned_value_minor, share_weighted_exposure_minor, accounts_held, sole_held_accounts) \
         VALUES {} ON CONFLICT (user_id) DO UPDATE SET \
         orphaned_value_minor = people_totals.orphaned_value_minor + excluded.orphaned_value_minor, \
         share_weighted_exposure_minor = \
         people_totals.share_weighted_exposure_minor + excluded.share_weighted_exposure_minor, \
         accounts_held = people_totals.accounts_held + excluded.accounts_held, \
         sole_held_accounts = people_totals.sole_held_accounts + excluded.sole_held_accounts",
        values.join(", ")
    ))
    .execute(conn)?;
    Ok(())
}

/// Every employee's totals computed afresh from the parts in the stored figures (what
/// [`stored_totals`] must always equal); employees with nothing left out.
pub fn recount(conn: &mut AnyConnection) -> StoreResult<BTreeMap<i64, PersonTotals>> {
    let mut totals = BTreeMap::new();
    for text in account_risk::table.select(account_risk::people_parts).load_iter::<String, DefaultLoadingMode>(conn)? {
        add_parts(&mut totals, &text?, 1)?;
    }
    totals.retain(|_, totals: &mut PersonTotals| !totals.is_zero());
    Ok(totals)
}

/// The stored totals of every employee (employees with nothing left out).
pub fn stored_totals(conn: &mut AnyConnection) -> StoreResult<BTreeMap<i64, PersonTotals>> {
    let rows: Vec<(i64, i64, i64, i64, i64)> = people_totals::table
        .select((
            people_totals::user_id,
            people_totals::orphaned_value_minor,
            people_totals::share_weighted_exposure_minor,
            people_totals::accounts_held,
            people_totals::sole_held_accounts,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(user_id, orphaned_value_minor, share_weighted_exposure_minor, accounts_held, sole_held_accounts)| {
            (
                user_id,
                PersonTotals { orphaned_value_minor, share_weighted_exposure_minor, accounts_held, sole_held_accounts },
            )
        })
        .filter(|(_, totals)| !totals.is_zero())
        .collect())
}

// ---- HR's ranking of people --------------------------------------------------------------

/// One employee with their HR figures, as HR's ranking lists them.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonFigures {
    /// Name, team, status, leave and clause dates.
    pub employee: EmployeeFacts,
    pub totals: PersonTotals,
    /// Holds value alone and no non-solicitation clause is in force ([`is_unprotected`]).
    pub unprotected: bool,
}

/// Filters of the ranking; all optional, combined with AND.
#[derive(Debug, Clone, Default)]
pub struct PeopleFilter {
    /// The employee's own team.
    pub team_id: Option<i64>,
    pub status: Option<UserStatus>,
    pub unprotected: Option<bool>,
    /// Free-text search in the display name (case-insensitive).
    pub name_contains: Option<String>,
}

/// What the ranking sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeopleSortKey {
    OrphanedValue,
    ShareWeightedExposure,
    AccountsHeld,
    SoleHeldAccounts,
    DisplayName,
    LeaveDate,
    NonSolicitationUntil,
    NonCompeteUntil,
}

impl PeopleSortKey {
    const ALL: [(PeopleSortKey, &'static str); 8] = [
        (PeopleSortKey::OrphanedValue, "orphaned_value_minor"),
        (PeopleSortKey::ShareWeightedExposure, "share_weighted_exposure_minor"),
        (PeopleSortKey::AccountsHeld, "accounts_held"),
        (PeopleSortKey::SoleHeldAccounts, "sole_held_accounts"),
        (PeopleSortKey::DisplayName, "display_name"),
        (PeopleSortKey::LeaveDate, "leave_date"),
        (PeopleSortKey::NonSolicitationUntil, "non_solicitation_until"),
        (PeopleSortKey::NonCompeteUntil, "non_compete_until"),
    ];
}

/// The ranking's order: a field, ascending or (`-field`) descending; ties by user id.
/// Employees without the date sorted by come last either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeopleSort {
    pub key: PeopleSortKey,
    pub descending: bool,
}

impl PeopleSort {
    /// Largest value held alone first.
    pub const DEFAULT: PeopleSort = PeopleSort { key: PeopleSortKey::OrphanedValue, descending: true };

    pub const ACCEPTED: &'static str = "orphaned_value_minor, share_weighted_exposure_minor, accounts_held, \
         sole_held_accounts, display_name, leave_date, non_solicitation_until or non_compete_until, ascending, \
         or descending with a leading -";

    /// `field`, `+field` (ascending) or `-field` (descending).
    pub fn parse(text: &str) -> Option<PeopleSort> {
        let (name, descending) = match text.strip_prefix('-') {
            Some(name) => (name, true),
            None => (text.strip_prefix('+').unwrap_or(text), false),
        };
        let key = PeopleSortKey::ALL.iter().find(|(_, known)| *known == name)?.0;
        Some(PeopleSort { key, descending })
    }
}

/// A row's sort value: what a cursor keeps of the last row of a page.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SortValue {
    Number(i64),
    Text(String),
    /// No date to sort by.
    Missing,
}

/// Where a page of the ranking ended: the last row's sort value and user id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonPosition(pub SortValue, pub i64);

impl PersonFigures {
    /// This row's position in `sort` order, for the next page's cursor.
    pub fn position(&self, sort: PeopleSort) -> PersonPosition {
        let date = |date: Option<NaiveDate>| date.map_or(SortValue::Missing, |date| SortValue::Text(date.to_string()));
        let value = match sort.key {
            PeopleSortKey::OrphanedValue => SortValue::Number(self.totals.orphaned_value_minor),
            PeopleSortKey::ShareWeightedExposure => SortValue::Number(self.totals.share_weighted_exposure_minor),
            PeopleSortKey::AccountsHeld => SortValue::Number(self.totals.accounts_held),
            PeopleSortKey::SoleHeldAccounts => SortValue::Number(self.totals.sole_held_accounts),
            PeopleSortKey::DisplayName => SortValue::Text(normalise(&self.employee.display_name)),
            PeopleSortKey::LeaveDate => date(self.employee.leave_date),
            PeopleSortKey::NonSolicitationUntil => date(self.employee.non_solicitation_until),
            PeopleSortKey::NonCompeteUntil => date(self.employee.non_compete_until),
        };
        PersonPosition(value, self.employee.id)
    }
}

/// The order of two positions under `sort`: by value (missing ones last), then by user id.
fn compare(sort: PeopleSort, a: &PersonPosition, b: &PersonPosition) -> Ordering {
    let by_value = match (&a.0, &b.0) {
        (SortValue::Missing, SortValue::Missing) => Ordering::Equal,
        (SortValue::Missing, _) => Ordering::Greater,
        (_, SortValue::Missing) => Ordering::Less,
        (x, y) if sort.descending => y.cmp(x),
        (x, y) => x.cmp(y),
    };
    by_value.then(a.1.cmp(&b.1))
}

type PersonRow = (EmployeeRow, Option<i64>, Option<i64>, Option<i64>, Option<i64>);

/// Every employee in view (of `team_ids`' teams; everyone when `None`) that `filter` lets
/// through, with their figures, in user order. `today` decides which clauses are in force.
pub fn people(
    conn: &mut AnyConnection,
    team_ids: Option<&[i64]>,
    filter: &PeopleFilter,
    today: NaiveDate,
) -> StoreResult<Vec<PersonFigures>> {
    let mut query = users::table
        .left_join(people_totals::table)
        .select((
            EmployeeRow::as_select(),
            people_totals::orphaned_value_minor.nullable(),
            people_totals::share_weighted_exposure_minor.nullable(),
            people_totals::accounts_held.nullable(),
            people_totals::sole_held_accounts.nullable(),
        ))
        .order(users::id)
        .into_boxed();
    if let Some(team_ids) = team_ids {
        query = query.filter(users::team_id.eq_any(team_ids.to_vec()));
    }
    if let Some(team_id) = filter.team_id {
        query = query.filter(users::team_id.eq(team_id));
    }
    if let Some(status) = filter.status {
        query = query.filter(users::status.eq(status.as_str()));
    }
    let search = filter.name_contains.as_deref().map(normalise).filter(|text| !text.is_empty());
    let mut people = Vec::new();
    for row in query.load_iter::<PersonRow, DefaultLoadingMode>(conn)? {
        let (employee, orphaned, share_weighted, held, sole_held) = row?;
        let employee = to_employee(employee)?;
        if search.as_ref().is_some_and(|search| !normalise(&employee.display_name).contains(search.as_str())) {
            continue;
        }
        let totals = PersonTotals {
            orphaned_value_minor: orphaned.unwrap_or(0),
            share_weighted_exposure_minor: share_weighted.unwrap_or(0),
            accounts_held: held.unwrap_or(0),
            sole_held_accounts: sole_held.unwrap_or(0),
        };
        let unprotected = is_unprotected(totals.orphaned_value_minor, employee.non_solicitation_until, today);
        if filter.unprotected.is_some_and(|wanted| wanted != unprotected) {
            continue;
        }
        people.push(PersonFigures { employee, totals, unprotected });
    }
    Ok(people)
}

/// A page of [`people`] in `sort` order: up to `limit` rows after `after`.
pub fn people_page(
    conn: &mut AnyConnection,
    team_ids: Option<&[i64]>,
    filter: &PeopleFilter,
    sort: PeopleSort,
    after: Option<&PersonPosition>,
    limit: i64,
    today: NaiveDate,
) -> StoreResult<Vec<PersonFigures>> {
    let mut rows: Vec<(PersonPosition, PersonFigures)> = people(conn, team_ids, filter, today)?
        .into_iter()
        .map(|person| (person.position(sort), person))
        .filter(|(position, _)| after.is_none_or(|after| compare(sort, position, after) == Ordering::Greater))
        .collect();
    rows.sort_by(|(a, _), (b, _)| compare(sort, a, b));
    rows.truncate(usize::try_from(limit).unwrap_or(0));
    Ok(rows.into_iter().map(|(_, person)| person).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sort_reads_ascending_bare_or_with_plus_and_descending_with_minus() {
        let parsed = PeopleSort::parse("-share_weighted_exposure_minor");
        assert_eq!(parsed, Some(PeopleSort { key: PeopleSortKey::ShareWeightedExposure, descending: true }));
        assert_eq!(
            PeopleSort::parse("leave_date"),
            Some(PeopleSort { key: PeopleSortKey::LeaveDate, descending: false })
        );
        assert_eq!(PeopleSort::parse("+accounts_held"), PeopleSort::parse("accounts_held"));
        assert_eq!(PeopleSort::parse("-orphaned_value_minor"), Some(PeopleSort::DEFAULT));
        assert_eq!(PeopleSort::parse("salary"), None);
        assert_eq!(PeopleSort::parse("--display_name"), None);
    }

    #[test]
    fn missing_dates_come_last_in_both_directions_and_ties_go_by_user_id() {
        let day = |text: &str| SortValue::Text(text.to_owned());
        for descending in [false, true] {
            let sort = PeopleSort { key: PeopleSortKey::LeaveDate, descending };
            let mut positions = [
                PersonPosition(SortValue::Missing, 1),
                PersonPosition(day("2026-03-01"), 2),
                PersonPosition(day("2026-01-01"), 3),
                PersonPosition(day("2026-01-01"), 4),
            ];
            positions.sort_by(|a, b| compare(sort, a, b));
            let order: Vec<i64> = positions.iter().map(|position| position.1).collect();
            assert_eq!(order, if descending { vec![2, 3, 4, 1] } else { vec![3, 4, 2, 1] });
        }
    }

    #[test]
    fn parts_round_trip_through_their_text() {
        let mut deltas = BTreeMap::new();
        add_parts(&mut deltas, "7:500:400:1:1,9:0:100:0:0", 1).expect("parts");
        add_parts(&mut deltas, "7:500:300:1:1", -1).expect("parts");
        assert_eq!(
            deltas[&7],
            PersonTotals {
                orphaned_value_minor: 0,
                share_weighted_exposure_minor: 100,
                accounts_held: 0,
                sole_held_accounts: 0
            }
        );
        assert_eq!(deltas[&9].share_weighted_exposure_minor, 100);
        assert!(add_parts(&mut deltas, "7:500", 1).is_err());
    }
}
