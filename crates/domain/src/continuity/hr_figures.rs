//! HR figures for an employee, or a set of employees leaving together (PRODUCT.md, "The
//! continuity model", HR figures; served by `GET /users/{id}/exposure`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::facts::EmployeeFacts;
use super::ids::{self, AccountId, ContactId, UserId};
use super::risk::AccountRisk;

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
    /// The account has holders and all of them are the employee (or in the group).
    pub sole_holder: bool,
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
    /// Σ annual value of the accounts whose only holder is the employee.
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

/// The same figures for a set `G` of employees leaving together: accounts whose holders are
/// all in `G`, value × the group's summed share, contacts whom only members of `G` know.
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

/// HR figures of one employee (PRODUCT.md, HR figures): orphaned value, share-weighted
/// exposure, contacts only they know (their thread strength with the contact is ≥ 10 % of the
/// contact's and no other present employee's is), per-account share and sole-holder, and
/// their clause dates. `risks` may hold any accounts; those the employee has no part in, and
/// churned ones, are skipped.
pub fn employee_exposure<'a>(
    employee: &EmployeeFacts,
    risks: impl IntoIterator<Item = &'a AccountRisk>,
) -> EmployeeExposure {
    let group = group_exposure([employee], risks);
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
        let holder = risk.holders.iter().any(|h| in_group(h.user_id));
        let assigned = risk.assigned_present_user_ids.iter().any(|&id| in_group(id));
        if share <= 0.0 && !holder && !assigned {
            continue;
        }
        let sole_holder = holder && risk.holders.iter().all(|h| in_group(h.user_id));
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
