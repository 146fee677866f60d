//! Portfolio truck factor (PRODUCT.md, "The continuity model" and "Departing people are no
//! cover"): the smallest number of staying employees whose departure, after the people already
//! leaving, leaves more than half of the annual value with no holder, found greedily.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::facts::{EmployeeFacts, EmployeeLookup};
use super::ids::{self, AccountId, UserId};
use super::risk::AccountRisk;
use super::settings::Settings;

/// The part of an assessment the truck factor reads: an account's value and its holders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountHolders {
    #[serde(with = "ids::id_string")]
    pub account_id: AccountId,
    pub annual_value_minor: i64,
    #[serde(with = "ids::id_string_vec")]
    pub holder_ids: Vec<UserId>,
}

impl AccountHolders {
    /// The holders of an assessed account; `None` for a churned account, which has no value
    /// to lose.
    pub fn from_risk(risk: &AccountRisk) -> Option<Self> {
        risk.is_active().then(|| AccountHolders {
            account_id: risk.account_id,
            annual_value_minor: risk.annual_value_minor,
            holder_ids: risk.holders.iter().map(|holder| holder.user_id).collect(),
        })
    }
}

/// The holders of `accounts` who are not staying (status `leaving`/`departed` or a leave date
/// set; an id `employees` does not know is a former employee): whom [`truck_factor`] counts
/// as gone first. By id.
pub fn leaving_holders(accounts: &[AccountHolders], employees: &impl EmployeeLookup) -> Vec<UserId> {
    let mut leaving: Vec<UserId> = accounts
        .iter()
        .flat_map(|account| account.holder_ids.iter().copied())
        .filter(|&id| !employees.employee(id).is_some_and(EmployeeFacts::is_staying))
        .collect();
    leaving.sort_unstable();
    leaving.dedup();
    leaving
}

/// The `truck_factor` of `GET /risk/summary`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TruckFactor {
    /// How many staying employees must go, after the people already leaving, before more than
    /// half of the value has no holder: the length of `order` (0 when the leavers alone, or
    /// accounts that never had a holder, already leave more than half without one, or when
    /// there is no value at all).
    pub size: usize,
    /// The staying employees in the order the greedy search removed them; nobody already
    /// leaving appears here.
    #[serde(with = "ids::id_string_vec")]
    pub order: Vec<UserId>,
    /// The holders already leaving (status `leaving`/`departed` or a leave date), counted as
    /// gone before the first step; by id.
    #[serde(with = "ids::id_string_vec")]
    pub already_leaving_user_ids: Vec<UserId>,
    /// Value already without a staying holder because of the people leaving: the accounts
    /// whose every holder is leaving (value that had no holder at all is not in it).
    pub already_leaving_value_minor: i64,
    /// Value with no holder once the leavers and `order` have gone (including value that had
    /// none before).
    pub orphaned_value_minor: i64,
    pub total_value_minor: i64,
}

/// Greedy truck factor over a team's or the firm's accounts (PRODUCT.md, "Departing people
/// are no cover"): the holders in `already_leaving` are counted as gone first; then each step
/// removes the staying employee whose departure orphans the most value still held; ties
/// (common at first, when every account has two holders) go to the employee carrying the most
/// value divided by each account's remaining holders, then to the lower id. Stops as soon as
/// more than `truck_factor_orphaned_fraction` (½) of the annual value has no holder.
///
/// Holder sets are indexed once; each removal only revisits the accounts the removed employee
/// held, so the cost is about Σ over accounts of holders² plus steps × employees.
pub fn truck_factor(accounts: &[AccountHolders], already_leaving: &[UserId], settings: &Settings) -> TruckFactor {
    let mut search = Search::new(accounts);
    let never_held = search.orphaned_value_minor;
    let mut leaving: Vec<usize> = already_leaving.iter().filter_map(|&id| search.index_of(id)).collect();
    leaving.sort_unstable();
    leaving.dedup();
    for &user in &leaving {
        search.remove(user);
    }
    let already_leaving_value_minor = search.orphaned_value_minor.saturating_sub(never_held);

    let total_value_minor = search.total_value_minor;
    let target = settings.truck_factor_orphaned_fraction * total_value_minor as f64;
    let mut order = Vec::new();
    while total_value_minor > 0 && search.orphaned_value_minor as f64 <= target {
        let Some(next) = search.most_orphaning() else {
            break;
        };
        search.remove(next);
        order.push(search.users[next]);
    }
    TruckFactor {
        size: order.len(),
        order,
        already_leaving_user_ids: leaving.iter().map(|&user| search.users[user]).collect(),
        already_leaving_value_minor,
        orphaned_value_minor: search.orphaned_value_minor,
        total_value_minor,
    }
}

/// The greedy search's state: users by index (sorted ids), each account's holders and each
/// user's accounts as indices, and per user what their departure would orphan now (`gain`)
/// and their load (`pressure`: Σ value / remaining holders).
struct Search {
    users: Vec<UserId>,
    holders_of: Vec<Vec<usize>>,
    accounts_of: Vec<Vec<usize>>,
    values: Vec<i64>,
    remaining: Vec<usize>,
    removed: Vec<bool>,
    gain: Vec<i64>,
    pressure: Vec<f64>,
    orphaned_value_minor: i64,
    total_value_minor: i64,
}

impl Search {
    fn new(accounts: &[AccountHolders]) -> Search {
        let mut users: Vec<UserId> = accounts.iter().flat_map(|account| account.holder_ids.iter().copied()).collect();
        users.sort_unstable();
        users.dedup();
        // Each account's holders as user indices, and each user's accounts (both deduplicated).
        let holders_of: Vec<Vec<usize>> = accounts
            .iter()
            .map(|account| {
                let mut holders: Vec<usize> =
                    account.holder_ids.iter().filter_map(|id| users.binary_search(id).ok()).collect();
                holders.sort_unstable();
                holders.dedup();
                holders
            })
            .collect();
        let mut accounts_of: Vec<Vec<usize>> = vec![Vec::new(); users.len()];
        for (account, holders) in holders_of.iter().enumerate() {
            for &user in holders {
                if let Some(list) = accounts_of.get_mut(user) {
                    list.push(account);
                }
            }
        }
        let values: Vec<i64> = accounts.iter().map(|account| account.annual_value_minor.max(0)).collect();
        let total_value_minor = values.iter().copied().fold(0, i64::saturating_add);
        let remaining: Vec<usize> = holders_of.iter().map(Vec::len).collect();
        let orphaned_value_minor = values
            .iter()
            .zip(&remaining)
            .filter(|(_, &holders)| holders == 0)
            .map(|(&value, _)| value)
            .fold(0, i64::saturating_add);
        let mut gain = vec![0_i64; users.len()];
        let mut pressure = vec![0.0_f64; users.len()];
        for (holders, &account_value) in holders_of.iter().zip(&values) {
            for &user in holders {
                if holders.len() == 1 {
                    gain[user] += account_value;
                }
                pressure[user] += account_value as f64 / holders.len() as f64;
            }
        }
        Search {
            removed: vec![false; users.len()],
            users,
            holders_of,
            accounts_of,
            values,
            remaining,
            gain,
            pressure,
            orphaned_value_minor,
            total_value_minor,
        }
    }

    fn index_of(&self, id: UserId) -> Option<usize> {
        self.users.binary_search(&id).ok()
    }

    /// The user not yet removed whose departure orphans the most value (ties as documented
    /// on [`truck_factor`]).
    fn most_orphaning(&self) -> Option<usize> {
        (0..self.users.len()).filter(|&user| !self.removed[user]).max_by(|&a, &b| {
            self.gain[a].cmp(&self.gain[b]).then(compare_loads(self.pressure[a], self.pressure[b])).then(b.cmp(&a))
        })
    }

    /// Counts `user` as gone: their accounts lose a holder, and the gains and loads of the
    /// holders left on those accounts move.
    fn remove(&mut self, user: usize) {
        self.removed[user] = true;
        for &account in &self.accounts_of[user] {
            let before = self.remaining[account];
            if before == 0 {
                continue;
            }
            let after = before - 1;
            self.remaining[account] = after;
            let account_value = self.values[account];
            if after == 0 {
                self.orphaned_value_minor = self.orphaned_value_minor.saturating_add(account_value);
                continue;
            }
            for &holder in &self.holders_of[account] {
                if self.removed[holder] {
                    continue;
                }
                self.pressure[holder] += account_value as f64 / after as f64 - account_value as f64 / before as f64;
                if after == 1 {
                    self.gain[holder] += account_value;
                }
            }
        }
    }
}

/// Orders two loads (value divided by remaining holders, summed), taking loads within
/// rounding of each other as equal: sums such as 100/3 + 600/2 and 200/2 + 300/3 + 100/3 +
/// 200/2 are equal yet differ in their last bits, and such a tie must fall to the lower id, as
/// documented, not to the order the accounts were added up in.
fn compare_loads(a: f64, b: f64) -> Ordering {
    let scale = a.abs().max(b.abs()).max(1.0);
    if (a - b).abs() <= 1e-10 * scale {
        Ordering::Equal
    } else {
        a.total_cmp(&b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn held(account_id: AccountId, value: i64, holder_ids: &[UserId]) -> AccountHolders {
        AccountHolders { account_id, annual_value_minor: value, holder_ids: holder_ids.to_vec() }
    }

    #[test]
    fn one_person_holding_the_biggest_account_alone_is_a_truck_factor_of_one() {
        let accounts = [held(1, 600, &[7]), held(2, 200, &[8]), held(3, 200, &[9])];
        let result = truck_factor(&accounts, &[], &Settings::default());
        assert_eq!(result.order, vec![7]);
        assert_eq!(result.size, 1);
        assert_eq!(result.orphaned_value_minor, 600);
    }

    #[test]
    fn exactly_half_orphaned_is_not_enough_and_the_search_goes_on() {
        let accounts = [held(1, 500, &[7]), held(2, 300, &[8]), held(3, 200, &[9])];
        let result = truck_factor(&accounts, &[], &Settings::default());
        assert_eq!(result.order, vec![7, 8]);
        assert_eq!(result.orphaned_value_minor, 800);
    }

    #[test]
    fn when_nobody_orphans_anything_alone_the_most_loaded_goes_first() {
        // Every account has two holders; 2 is on all three.
        let accounts = [held(1, 100, &[1, 2]), held(2, 100, &[2, 3]), held(3, 100, &[2, 4])];
        let result = truck_factor(&accounts, &[], &Settings::default());
        assert_eq!(result.order.first(), Some(&2));
        assert_eq!(result.size, 3);
        assert_eq!(result.orphaned_value_minor, 200);
    }

    #[test]
    fn an_exact_tie_in_load_goes_to_the_lower_id_whatever_the_rounding() {
        // Nobody orphans anything alone; 1, 2 and 3 each carry 333⅓, summed in different orders.
        let accounts = [
            held(1, 200, &[2, 3]),
            held(2, 300, &[3, 4, 2]),
            held(3, 100, &[2, 1, 3]),
            held(4, 600, &[5, 1]),
            held(5, 200, &[2, 3]),
        ];
        let result = truck_factor(&accounts, &[], &Settings::default());
        assert_eq!(result.order.first(), Some(&1));
        let mut reversed = accounts.to_vec();
        reversed.reverse();
        assert_eq!(truck_factor(&reversed, &[], &Settings::default()).order, result.order);
    }

    #[test]
    fn value_already_without_holder_counts_from_the_start() {
        let accounts = [held(1, 700, &[]), held(2, 300, &[5])];
        let result = truck_factor(&accounts, &[], &Settings::default());
        assert_eq!(result.size, 0);
        assert_eq!(result.orphaned_value_minor, 700);
    }

    #[test]
    fn two_colleagues_leaving_together_leave_their_shared_client_uncovered_before_the_first_step() {
        // 1 and 2 share the 300 account and both leave; 3 and 4 stay, each holding one alone.
        let accounts = [held(1, 300, &[1, 2]), held(2, 400, &[3]), held(3, 300, &[4])];
        let result = truck_factor(&accounts, &[2, 1, 9], &Settings::default());
        assert_eq!(result.already_leaving_user_ids, vec![1, 2], "9 holds nothing");
        assert_eq!(result.already_leaving_value_minor, 300);
        assert_eq!(result.order, vec![3], "300 gone already, 3's 400 makes it more than half");
        assert_eq!(result.orphaned_value_minor, 700);
        // Counted as staying, the two would be left for last and the factor would be 2.
        assert_eq!(truck_factor(&accounts, &[], &Settings::default()).order, vec![3, 4]);
    }

    #[test]
    fn a_leaver_who_shares_every_account_with_a_staying_colleague_leaves_nothing_uncovered_yet() {
        let accounts = [held(1, 600, &[1, 2]), held(2, 400, &[2, 3])];
        let result = truck_factor(&accounts, &[1], &Settings::default());
        assert_eq!(result.already_leaving_value_minor, 0);
        assert_eq!(result.order, vec![2], "with 1 gone, 2 alone holds the first account");
        assert_eq!(result.orphaned_value_minor, 600);
    }

    #[test]
    fn leavers_who_already_orphan_more_than_half_make_the_factor_zero() {
        let accounts = [held(1, 600, &[1, 2]), held(2, 400, &[3])];
        let result = truck_factor(&accounts, &[1, 2], &Settings::default());
        assert_eq!((result.size, result.already_leaving_value_minor), (0, 600));
        assert!(result.order.is_empty());
    }

    #[test]
    fn a_portfolio_without_value_has_a_truck_factor_of_zero() {
        let result = truck_factor(&[], &[7], &Settings::default());
        assert_eq!(
            result,
            TruckFactor {
                size: 0,
                order: vec![],
                already_leaving_user_ids: vec![],
                already_leaving_value_minor: 0,
                orphaned_value_minor: 0,
                total_value_minor: 0
            }
        );
    }

    #[test]
    fn a_large_portfolio_is_searched_quickly() {
        // 200 000 accounts over 2 000 employees, two holders each.
        let accounts: Vec<AccountHolders> =
            (0..200_000_i64).map(|id| held(id, 1_000 + id % 997, &[id % 2_000, (id * 7 + 3) % 2_000])).collect();
        let result = truck_factor(&accounts, &[], &Settings::default());
        assert!(result.size > 0 && result.size < 2_000);
        assert!(result.orphaned_value_minor * 2 > result.total_value_minor);
    }
}
