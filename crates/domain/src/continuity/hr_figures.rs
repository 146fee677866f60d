//! HR figures for an employee, or a set of employees leaving together (PRODUCT.md, "The
//! continuity model", HR figures; served by `GET /users/{id}/exposure`).
//!
//! Departing people are no cover (PRODUCT.md, "Decided since the first release"): people who
//! are leaving keep their shares and stay holders, but these figures ask who will still be
//! there. An account rests on `u` (or on a set `G`) when `u` (a member of `G`) holds it and no
//! *staying* holder — status `active`, no leave date — outside `G` remains ([`Cover`]). Two
//! colleagues who hold one client and both hand in their notice leave it uncovered.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::facts::{EmployeeFacts, EmployeeLookup};
use super::ids::{self, AccountId, ContactId, UserId};
use super::risk::AccountRisk;
use crate::model::UserStatus;

/// One of an account's holders who is leaving too (status `leaving` or `departed`, or a leave
/// date set): the cover they seem to give will be gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeavingHolder {
    #[serde(with = "ids::id_string")]
    pub user_id: UserId,
    pub display_name: String,
    pub status: UserStatus,
    /// Their last day, if set.
    pub leave_date: Option<NaiveDate>,
}

/// Who still covers an account once a person, or a set `G` of people, has gone: the one
/// place the rule "departing people are no cover" is decided. Holders outside `G` are split
/// into those who stay (status `active`, no leave date; see
/// [`EmployeeFacts::is_staying`]) and those who are leaving too; an id the lookup does not
/// know is a former employee, leaving with no name or date.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cover {
    /// The account is active (a churned account rests on nobody).
    pub active: bool,
    /// A member of `G` is among the account's holders.
    pub held_by_group: bool,
    /// The holders outside `G` who stay, in holder order.
    pub staying_holder_ids: Vec<UserId>,
    /// The holders outside `G` who are leaving too, in holder order.
    pub leaving_holders: Vec<LeavingHolder>,
}

impl Cover {
    /// The cover of an assessed account for the group `in_group` says is leaving.
    pub fn of(risk: &AccountRisk, in_group: impl Fn(UserId) -> bool, employees: &impl EmployeeLookup) -> Cover {
        let mut cover = Cover { active: risk.is_active(), ..Cover::default() };
        for holder in &risk.holders {
            if in_group(holder.user_id) {
                cover.held_by_group = true;
                continue;
            }
            match employees.employee(holder.user_id) {
                Some(employee) if employee.is_staying() => cover.staying_holder_ids.push(holder.user_id),
                Some(employee) => cover.leaving_holders.push(LeavingHolder {
                    user_id: employee.id,
                    display_name: employee.display_name.clone(),
                    status: employee.status,
                    leave_date: employee.leave_date,
                }),
                None => cover.leaving_holders.push(LeavingHolder {
                    user_id: holder.user_id,
                    display_name: String::new(),
                    status: UserStatus::Departed,
                    leave_date: None,
                }),
            }
        }
        cover
    }

    /// The account is active, the group holds it and no staying holder outside the group
    /// remains: its value is orphaned when the group goes, and the deactivation guard stops a
    /// member's departure until it has a successor or a waiver.
    pub fn rests_on_group(&self) -> bool {
        self.active && self.held_by_group && self.staying_holder_ids.is_empty()
    }

    /// When the account rests on the group, its other holders — every one of them leaving
    /// too; empty when a staying holder remains or nobody else holds it. What lets a screen
    /// say "its only other holders are leaving too" and name them.
    pub fn other_holders_leaving(&self) -> Vec<LeavingHolder> {
        if self.rests_on_group() {
            self.leaving_holders.clone()
        } else {
            Vec::new()
        }
    }
}

/// A client contact whom only the employee (or group) knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactOnlyTheyKnow {
    #[serde(with = "ids::id_string")]
    pub contact_id: ContactId,
    #[serde(with = "ids::id_string")]
    pub account_id: AccountId,
}

/// The employee's (or group's) part in one account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountExposure {
    #[serde(with = "ids::id_string")]
    pub account_id: AccountId,
    /// Share of the account's relationship strength (summed over the group).
    pub share: f64,
    /// Among the account's holders.
    pub holder: bool,
    /// The account rests on the employee (or the group): they hold it and no staying holder
    /// besides them remains ([`Cover::rests_on_group`]). Other holders who are leaving too do
    /// not count; they are listed in `other_holders_leaving`.
    pub sole_holder: bool,
    /// When `sole_holder`, the account's other holders, all of whom are leaving too (empty if
    /// nobody else holds it).
    #[serde(default)]
    pub other_holders_leaving: Vec<LeavingHolder>,
    pub annual_value_minor: i64,
    /// `annual_value_minor × share`, rounded half away from zero.
    pub share_weighted_value_minor: i64,
}

/// An employee's agreement clause end dates, shown next to their figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClauseDates {
    #[serde(with = "ids::id_string")]
    pub user_id: UserId,
    pub non_solicitation_until: Option<NaiveDate>,
    pub non_compete_until: Option<NaiveDate>,
}

/// The body of `GET /users/{id}/exposure`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmployeeExposure {
    #[serde(with = "ids::id_string")]
    pub user_id: UserId,
    /// Σ annual value of the active accounts the employee holds on which no staying holder
    /// besides them remains (the accounts marked `sole_holder`).
    pub orphaned_value_minor: i64,
    /// Σ annual value × the employee's share.
    pub share_weighted_exposure_minor: i64,
    pub contacts_only_they_know: Vec<ContactOnlyTheyKnow>,
    /// Accounts the employee has a share in, holds or is assigned to; largest
    /// share-weighted value first.
    pub accounts: Vec<AccountExposure>,
    pub non_solicitation_until: Option<NaiveDate>,
    pub non_compete_until: Option<NaiveDate>,
}

/// The same figures for a set `G` of employees leaving together: the value of the active
/// accounts a member of `G` holds on which no staying holder outside `G` remains, value × the
/// group's summed share, contacts whom only members of `G` know.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupExposure {
    #[serde(with = "ids::id_string_vec")]
    pub user_ids: Vec<UserId>,
    pub orphaned_value_minor: i64,
    pub share_weighted_exposure_minor: i64,
    pub contacts_only_they_know: Vec<ContactOnlyTheyKnow>,
    pub accounts: Vec<AccountExposure>,
    pub clauses: Vec<ClauseDates>,
}

/// HR figures of one employee (PRODUCT.md, HR figures, as "Departing people are no cover"
/// decides them): orphaned value (the active accounts they hold with no staying holder
/// besides them), share-weighted exposure, contacts only they know (their thread strength
/// with the contact is ≥ 10 % of the contact's and no other present employee's is),
/// per-account share, sole-holder and the other holders who are leaving too, and their clause
/// dates. `risks` may hold any accounts; those the employee has no part in, and churned ones,
/// are skipped. `employees` tells who of the other holders stays.
pub fn employee_exposure<'a>(
    employee: &EmployeeFacts,
    risks: impl IntoIterator<Item = &'a AccountRisk>,
    employees: &impl EmployeeLookup,
) -> EmployeeExposure {
    let group = group_exposure([employee], risks, employees);
    EmployeeExposure {
        user_id: employee.id,
        orphaned_value_minor: group.orphaned_value_minor,
        share_weighted_exposure_minor: group.share_weighted_exposure_minor,
        contacts_only_they_know: group.contacts_only_they_know,
        accounts: group.accounts,
        non_solicitation_until: employee.non_solicitation_until,
        non_compete_until: employee.non_compete_until,
    }
}

/// HR figures of a set of employees leaving together; see [`employee_exposure`].
pub fn group_exposure<'a, 'e>(
    members: impl IntoIterator<Item = &'e EmployeeFacts>,
    risks: impl IntoIterator<Item = &'a AccountRisk>,
    employees: &impl EmployeeLookup,
) -> GroupExposure {
    let clauses: Vec<ClauseDates> = members
        .into_iter()
        .map(|member| ClauseDates {
            user_id: member.id,
            non_solicitation_until: member.non_solicitation_until,
            non_compete_until: member.non_compete_until,
        })
        .collect();
    let mut user_ids: Vec<UserId> = clauses.iter().map(|clause| clause.user_id).collect();
    user_ids.sort_unstable();
    user_ids.dedup();
    let in_group = |id: UserId| user_ids.binary_search(&id).is_ok();

    let mut figures = GroupExposure {
        user_ids: user_ids.clone(),
        orphaned_value_minor: 0,
        share_weighted_exposure_minor: 0,
        contacts_only_they_know: Vec::new(),
        accounts: Vec::new(),
        clauses,
    };
    for risk in risks.into_iter().filter(|risk| risk.is_active()) {
        let share: f64 = risk.employees.iter().filter(|e| in_group(e.user_id)).map(|e| e.share).sum();
        let cover = Cover::of(risk, in_group, employees);
        let holder = cover.held_by_group;
        let assigned = risk.assigned_present_user_ids.iter().any(|&id| in_group(id));
        if share <= 0.0 && !holder && !assigned {
            continue;
        }
        let sole_holder = cover.rests_on_group();
        let share_weighted_value_minor = (risk.annual_value_minor as f64 * share).round() as i64;
        if sole_holder {
            figures.orphaned_value_minor = figures.orphaned_value_minor.saturating_add(risk.annual_value_minor);
        }
        figures.share_weighted_exposure_minor =
            figures.share_weighted_exposure_minor.saturating_add(share_weighted_value_minor);
        for knowers in &risk.contact_knowers {
            if !knowers.user_ids.is_empty() && knowers.user_ids.iter().all(|&id| in_group(id)) {
                figures
                    .contacts_only_they_know
                    .push(ContactOnlyTheyKnow { contact_id: knowers.contact_id, account_id: risk.account_id });
            }
        }
        figures.accounts.push(AccountExposure {
            account_id: risk.account_id,
            share,
            holder,
            sole_holder,
            other_holders_leaving: cover.other_holders_leaving(),
            annual_value_minor: risk.annual_value_minor,
            share_weighted_value_minor,
        });
    }
    figures.accounts.sort_by(|a, b| {
        b.share_weighted_value_minor.cmp(&a.share_weighted_value_minor).then(a.account_id.cmp(&b.account_id))
    });
    figures.contacts_only_they_know.sort_by_key(|contact| (contact.account_id, contact.contact_id));
    figures
}

/// Whether a non-solicitation clause ending on `until` still binds on `today`: it runs
/// through its last day (PRODUCT.md, Domain: `non_solicitation_until`).
pub fn non_solicitation_in_force(until: Option<NaiveDate>, today: NaiveDate) -> bool {
    until.is_some_and(|last_day| last_day >= today)
}

/// The people Tip 1 is about (PRODUCT.md, "Interfaces", HR's ranking of people): an employee is
/// *unprotected* when they hold value alone (`orphaned_value_minor` > 0, as
/// [`employee_exposure`] reckons it) and no non-solicitation clause is in force today.
pub fn is_unprotected(orphaned_value_minor: i64, non_solicitation_until: Option<NaiveDate>, today: NaiveDate) -> bool {
    orphaned_value_minor > 0 && !non_solicitation_in_force(non_solicitation_until, today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn a_non_solicitation_clause_binds_through_its_last_day() {
        let today = day("2026-06-30");
        assert!(non_solicitation_in_force(Some(day("2026-06-30")), today));
        assert!(non_solicitation_in_force(Some(day("2027-01-01")), today));
        assert!(!non_solicitation_in_force(Some(day("2026-06-29")), today));
        assert!(!non_solicitation_in_force(None, today));
    }

    #[test]
    fn unprotected_means_value_held_alone_and_no_clause_in_force() {
        let today = day("2026-06-30");
        assert!(is_unprotected(1, None, today));
        assert!(is_unprotected(500_000, Some(day("2026-06-29")), today), "an expired clause protects nothing");
        assert!(!is_unprotected(500_000, Some(day("2026-06-30")), today));
        assert!(!is_unprotected(0, None, today), "nothing held alone, nothing to protect");
    }
}
