//! Successor suggestion (PRODUCT.md, "The continuity model"): rank the remaining employees of
//! the team by their existing strength with the account's contacts, then by current load
//! (value held), never suggesting someone who is leaving.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::facts::EmployeeFacts;
use super::ids::{self, UserId};
use super::risk::AccountRisk;
use super::truck_factor::AccountHolders;

/// One suggested successor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuccessorSuggestion {
    #[serde(with = "ids::id_string")]
    pub user_id: UserId,
    pub display_name: String,
    /// Σ thread strength between the candidate and the account's current contacts.
    pub strength_with_contacts: f64,
    /// Σ annual value of the accounts the candidate holds.
    pub value_held_minor: i64,
    /// Already on the account team.
    pub assigned: bool,
}

/// Ranks successors for an account: candidates of the account's team with status `active` and
/// no leave date, none of `leavers`; highest strength with the account's current contacts
/// first, then lowest value held, then lowest id. `value_held` is
/// [`value_held_by_employee`]; an employee missing from it holds nothing.
pub fn suggest_successors<'a>(
    risk: &AccountRisk,
    leavers: &[UserId],
    candidates: impl IntoIterator<Item = &'a EmployeeFacts>,
    value_held: &HashMap<UserId, i64>,
) -> Vec<SuccessorSuggestion> {
    let mut suggestions: Vec<SuccessorSuggestion> = candidates
        .into_iter()
        .filter(|employee| employee.team_id == Some(risk.team_id))
        .filter(|employee| employee.is_staying() && !leavers.contains(&employee.id))
        .map(|employee| SuccessorSuggestion {
            user_id: employee.id,
            display_name: employee.display_name.clone(),
            strength_with_contacts: risk
                .threads
                .iter()
                .filter(|thread| thread.user_id == employee.id)
                .filter(|thread| risk.contacts.iter().any(|c| c.contact_id == thread.contact_id && c.current))
                .map(|thread| thread.strength)
                .sum(),
            value_held_minor: value_held.get(&employee.id).copied().unwrap_or(0),
            assigned: risk.assigned_present_user_ids.contains(&employee.id),
        })
        .collect();
    suggestions.dedup_by_key(|suggestion| suggestion.user_id);
    suggestions.sort_by(|a, b| {
        b.strength_with_contacts
            .total_cmp(&a.strength_with_contacts)
            .then(a.value_held_minor.cmp(&b.value_held_minor))
            .then(a.user_id.cmp(&b.user_id))
    });
    suggestions
}

/// Each holder's load: Σ annual value of the accounts they hold.
pub fn value_held_by_employee(accounts: &[AccountHolders]) -> HashMap<UserId, i64> {
    let mut load: HashMap<UserId, i64> = HashMap::new();
    for account in accounts {
        for &user_id in &account.holder_ids {
            let entry = load.entry(user_id).or_insert(0);
            *entry = entry.saturating_add(account.annual_value_minor.max(0));
        }
    }
    load
}
