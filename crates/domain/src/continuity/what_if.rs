//! Departure what-if (PRODUCT.md, "The continuity model"): for a set of employees leaving,
//! recompute without them and report what breaks. It changes nothing.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::assess::assess_with_roster;
use super::coverage::CoveragePolicies;
use super::facts::{AccountFacts, EmployeeLookup};
use super::flags::{Flag, FlagCode};
use super::hr_figures::Cover;
use super::ids::{self, AccountId, UserId};
use super::roster::Roster;
use super::settings::Settings;
use crate::model::AccountStatus;

/// An account that raises flags after the departure that it did not raise before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewlyFlagged {
    #[serde(with = "ids::id_string")]
    pub account_id: AccountId,
    pub codes: Vec<FlagCode>,
}

/// The answer of `POST /simulations/departure`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DepartureWhatIf {
    #[serde(with = "ids::id_string_vec")]
    pub user_ids: Vec<UserId>,
    /// Accounts that raise `no_owner` after the departure and did not before.
    #[serde(with = "ids::id_string_vec")]
    pub no_owner_account_ids: Vec<AccountId>,
    pub newly_flagged: Vec<NewlyFlagged>,
    /// Accounts a leaver holds on which no staying holder outside the leavers remains
    /// (PRODUCT.md, "Departing people are no cover"; see [`Cover`]): other holders who are
    /// leaving too do not keep an account covered.
    #[serde(with = "ids::id_string_vec")]
    pub orphaned_account_ids: Vec<AccountId>,
    /// Σ annual value of `orphaned_account_ids`.
    pub orphaned_value_minor: i64,
    /// Σ annual value of the accounts whose strength the leavers together held ≥ 50 % of.
    pub majority_held_value_minor: i64,
    /// Σ exposure before and after, over the accounts the leavers touch.
    pub exposure_before_minor: i64,
    pub exposure_after_minor: i64,
}

/// Simulates the departure of `leavers`: each active account that one of them is assigned to
/// or took part in an interaction of is assessed as it is, then again with the leavers treated
/// as departed (their assignments and history stay, as on the day after they leave, until a
/// handover moves them). Other accounts cannot change and are skipped. The value orphaned is
/// judged on who stays: an account is orphaned when a leaver holds it and no staying holder
/// besides the leavers remains. Inputs are only read.
pub fn departure_what_if<'a>(
    leavers: &[UserId],
    accounts: impl IntoIterator<Item = &'a AccountFacts>,
    employees: &impl EmployeeLookup,
    policies: &CoveragePolicies,
    settings: &Settings,
    now: DateTime<Utc>,
) -> DepartureWhatIf {
    let mut user_ids = leavers.to_vec();
    user_ids.sort_unstable();
    user_ids.dedup();
    let today = now.date_naive();
    let before_roster = Roster::new(employees, &[], today);
    let after_roster = Roster::new(employees, &user_ids, today);

    let mut report = DepartureWhatIf {
        user_ids: user_ids.clone(),
        no_owner_account_ids: Vec::new(),
        newly_flagged: Vec::new(),
        orphaned_account_ids: Vec::new(),
        orphaned_value_minor: 0,
        majority_held_value_minor: 0,
        exposure_before_minor: 0,
        exposure_after_minor: 0,
    };
    for account in accounts {
        if account.status != AccountStatus::Active || !touches(account, &user_ids) {
            continue;
        }
        let before = assess_with_roster(account, &before_roster, policies, settings, now);
        let after = assess_with_roster(account, &after_roster, policies, settings, now);
        let value = account.annual_value_minor;
        report.exposure_before_minor = report.exposure_before_minor.saturating_add(before.exposure_minor);
        report.exposure_after_minor = report.exposure_after_minor.saturating_add(after.exposure_minor);

        let codes: Vec<FlagCode> = after.flags.iter().map(Flag::code).filter(|&code| !before.has_flag(code)).collect();
        if codes.contains(&FlagCode::NoOwner) {
            report.no_owner_account_ids.push(account.id);
        }
        if !codes.is_empty() {
            report.newly_flagged.push(NewlyFlagged { account_id: account.id, codes });
        }
        if Cover::of(&before, |id| user_ids.binary_search(&id).is_ok(), employees).rests_on_group() {
            report.orphaned_account_ids.push(account.id);
            report.orphaned_value_minor = report.orphaned_value_minor.saturating_add(value);
        }
        let leavers_share: f64 = user_ids.iter().map(|&id| before.share_of(id)).sum();
        if super::concentration::at_least(leavers_share, settings.majority_held_min_share) {
            report.majority_held_value_minor = report.majority_held_value_minor.saturating_add(value);
        }
    }
    report.no_owner_account_ids.sort_unstable();
    report.orphaned_account_ids.sort_unstable();
    report.newly_flagged.sort_by_key(|flagged| flagged.account_id);
    report
}

/// Whether any of `user_ids` (sorted) is assigned to the account or took part in one of its
/// interactions.
fn touches(account: &AccountFacts, user_ids: &[UserId]) -> bool {
    let involved = |id: &UserId| user_ids.binary_search(id).is_ok();
    account.assignments.iter().any(|assignment| involved(&assignment.user_id))
        || account.interactions.iter().any(|interaction| interaction.employee_ids.iter().any(involved))
}
