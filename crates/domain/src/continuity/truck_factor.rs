//! Portfolio truck factor (PRODUCT.md, "The continuity model"): the smallest number of
//! employees whose departure leaves more than half of the annual value with no holder, found
//! greedily.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

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

/// The `truck_factor` of `GET /risk/summary`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TruckFactor {
    /// Number of departures (0 when more than half the value already has no holder, or when
    /// there is no value at all).
    pub size: usize,
    /// The employees in the order the greedy search removed them.
    #[serde(with = "ids::id_string_vec")]
    pub order: Vec<UserId>,
    /// Value with no holder after those departures (including value that had none before).
    pub orphaned_value_minor: i64,
    pub total_value_minor: i64,
}

/// Greedy truck factor over a team's or the firm's accounts: each step removes the employee
/// whose departure orphans the most value still held; ties (common at first, when every
/// account has two holders) go to the employee carrying the most value divided by each
/// account's remaining holders, then to the lower id. Stops as soon as more than
/// `truck_factor_orphaned_fraction` (½) of the annual value has no holder.
///
/// Holder sets are indexed once; each removal only revisits the accounts the removed employee
/// held, so the cost is about Σ over accounts of holders² plus steps × employees.
pub fn truck_factor(accounts: &[AccountHolders], settings: &Settings) -> TruckFactor {
    let mut users: Vec<UserId> = accounts.iter().flat_map(|account| account.holder_ids.iter().copied()).collect();
    users.sort_unstable();
    users.dedup();
    let index_of = |id: UserId| users.binary_search(&id).ok();

    // Each account's holders as user indices, and each user's accounts (both deduplicated).
    let holders_of: Vec<Vec<usize>> = accounts
        .iter()
        .map(|account| {
            let mut holders: Vec<usize> = account.holder_ids.iter().filter_map(|&id| index_of(id)).collect();
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
    let value = |account: usize| accounts.get(account).map_or(0, |a| a.annual_value_minor.max(0));

    let total_value_minor: i64 = (0..accounts.len()).map(value).fold(0, i64::saturating_add);
    let mut remaining: Vec<usize> = holders_of.iter().map(Vec::len).collect();
    let mut orphaned_value_minor: i64 =
        (0..accounts.len()).filter(|&a| remaining.get(a) == Some(&0)).map(value).fold(0, i64::saturating_add);
    let mut gain = vec![0_i64; users.len()];
    let mut pressure = vec![0.0_f64; users.len()];
    for (account, holders) in holders_of.iter().enumerate() {
        let account_value = value(account);
        for &user in holders {
            if holders.len() == 1 {
                gain[user] += account_value;
            }
            pressure[user] += account_value as f64 / holders.len() as f64;
        }
    }

    let target = settings.truck_factor_orphaned_fraction * total_value_minor as f64;
    let mut removed = vec![false; users.len()];
    let mut order = Vec::new();
    while total_value_minor > 0 && orphaned_value_minor as f64 <= target {
        let Some(next) = (0..users.len())
            .filter(|&user| !removed[user])
            .max_by(|&a, &b| gain[a].cmp(&gain[b]).then(compare_loads(pressure[a], pressure[b])).then(b.cmp(&a)))
        else {
            break;
        };
        removed[next] = true;
        order.push(users[next]);
        for &account in &accounts_of[next] {
            let before = remaining[account];
            if before == 0 {
                continue;
            }
            let after = before - 1;
            remaining[account] = after;
            let account_value = value(account);
            if after == 0 {
                orphaned_value_minor = orphaned_value_minor.saturating_add(account_value);
                continue;
            }
            for &holder in &holders_of[account] {
                if removed[holder] {
                    continue;
                }
                pressure[holder] += account_value as f64 / after as f64 - account_value as f64 / before as f64;
                if after == 1 {
                    gain[holder] += account_value;
                }
            }
        }
    }
    TruckFactor { size: order.len(), order, orphaned_value_minor, total_value_minor }
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
        let result = truck_factor(&accounts, &Settings::default());
        assert_eq!(result.order, vec![7]);
        assert_eq!(result.size, 1);
        assert_eq!(result.orphaned_value_minor, 600);
    }

    #[test]
    fn exactly_half_orphaned_is_not_enough_and_the_search_goes_on() {
        let accounts = [held(1, 500, &[7]), held(2, 300, &[8]), held(3, 200, &[9])];
        let result = truck_factor(&accounts, &Settings::default());
        assert_eq!(result.order, vec![7, 8]);
        assert_eq!(result.orphaned_value_minor, 800);
    }

    #[test]
    fn when_nobody_orphans_anything_alone_the_most_loaded_goes_first() {
        // Every account has two holders; 2 is on all three.
        let accounts = [held(1, 100, &[1, 2]), held(2, 100, &[2, 3]), held(3, 100, &[2, 4])];
        let result = truck_factor(&accounts, &Settings::default());
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
        let result = truck_factor(&accounts, &Settings::default());
        assert_eq!(result.order.first(), Some(&1));
        let mut reversed = accounts.to_vec();
        reversed.reverse();
        assert_eq!(truck_factor(&reversed, &Settings::default()).order, result.order);
    }

    #[test]
    fn value_already_without_holder_counts_from_the_start() {
        let accounts = [held(1, 700, &[]), held(2, 300, &[5])];
        let result = truck_factor(&accounts, &Settings::default());
        assert_eq!(result.size, 0);
        assert_eq!(result.orphaned_value_minor, 700);
    }

    #[test]
    fn a_portfolio_without_value_has_a_truck_factor_of_zero() {
        let result = truck_factor(&[], &Settings::default());
        assert_eq!(result, TruckFactor { size: 0, order: vec![], orphaned_value_minor: 0, total_value_minor: 0 });
    }

    #[test]
    fn a_large_portfolio_is_searched_quickly() {
        // 200 000 accounts over 2 000 employees, two holders each.
        let accounts: Vec<AccountHolders> =
            (0..200_000_i64).map(|id| held(id, 1_000 + id % 997, &[id % 2_000, (id * 7 + 3) % 2_000])).collect();
        let result = truck_factor(&accounts, &Settings::default());
        assert!(result.size > 0 && result.size < 2_000);
        assert!(result.orphaned_value_minor * 2 > result.total_value_minor);
    }
}
