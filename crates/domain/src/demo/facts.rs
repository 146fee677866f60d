//! The demo records as the continuity model's facts, with synthetic ids, for tests and
//! benchmarks that assess the demo or scale firm without a store.

use std::collections::HashMap;

use super::{DemoAccount, DemoAssignment, DemoContact, DemoFirm, DemoInteraction, DemoUser};
use crate::continuity::{
    AccountFacts, AccountId, ContactFacts, ContactId, EmployeeFacts, Employees, InteractionFacts, InteractionId,
    OpenAssignment, TeamId, UserId,
};

impl DemoFirm {
    /// The synthetic id of a team: its position in [`DemoFirm::teams`] + 1.
    pub fn team_id(&self, team_key: &str) -> Option<TeamId> {
        self.teams.iter().position(|team| team.key == team_key).map(synthetic_id)
    }

    /// The synthetic id of a user: their position in [`DemoFirm::users`] + 1.
    pub fn user_id(&self, user_key: &str) -> Option<UserId> {
        self.users.iter().position(|user| user.key == user_key).map(synthetic_id)
    }

    /// Every user as the continuity model sees them, with synthetic ids (position + 1).
    pub fn employees(&self) -> Employees {
        self.users
            .iter()
            .enumerate()
            .map(|(index, user)| {
                employee_facts(synthetic_id(index), user, user.team_key.as_deref().and_then(|key| self.team_id(key)))
            })
            .collect()
    }

    /// Every account with its open assignments, contacts and interactions, as
    /// [`AccountFacts`] in the order of [`DemoFirm::accounts`]. Ids are synthetic: each
    /// record's position in its list + 1 (accounts, contacts, interactions, users, teams).
    pub fn account_facts(&self) -> Vec<AccountFacts> {
        let user_ids: HashMap<&str, UserId> =
            self.users.iter().enumerate().map(|(index, user)| (user.key.as_str(), synthetic_id(index))).collect();
        let account_index: HashMap<&str, usize> =
            self.accounts.iter().enumerate().map(|(index, account)| (account.external_id.as_str(), index)).collect();
        let mut parts: Vec<AccountParts<'_>> = self.accounts.iter().map(|_| AccountParts::default()).collect();
        let position = |account_external_id: &str| account_index.get(account_external_id).copied();
        for (index, contact) in self.contacts.iter().enumerate() {
            if let Some(part) = position(&contact.account_external_id).and_then(|at| parts.get_mut(at)) {
                part.contacts.push((synthetic_id(index), contact));
            }
        }
        for assignment in &self.assignments {
            if let Some(part) = position(&assignment.account_external_id).and_then(|at| parts.get_mut(at)) {
                part.assignments.push(assignment);
            }
        }
        for (index, interaction) in self.interactions.iter().enumerate() {
            if let Some(part) = position(&interaction.account_external_id).and_then(|at| parts.get_mut(at)) {
                part.interactions.push((synthetic_id(index), interaction));
            }
        }
        for link in &self.account_links {
            for end in [&link.account_external_id, &link.other_account_external_id] {
                if let Some(part) = position(end).and_then(|at| parts.get_mut(at)) {
                    part.linked = true;
                }
            }
        }
        self.accounts
            .iter()
            .zip(parts)
            .enumerate()
            .map(|(index, (account, part))| {
                let team_id = self.team_id(&account.team_key).unwrap_or_default();
                build_account_facts(synthetic_id(index), account, team_id, &part, |key| user_ids.get(key).copied())
            })
            .collect()
    }
}

/// One account's records, each contact and interaction with its id.
#[derive(Default)]
pub(crate) struct AccountParts<'a> {
    pub contacts: Vec<(ContactId, &'a DemoContact)>,
    pub assignments: Vec<&'a DemoAssignment>,
    pub interactions: Vec<(InteractionId, &'a DemoInteraction)>,
    /// Whether the account has a link to another account.
    pub linked: bool,
}

/// Position `index` in a list as a synthetic id (`index + 1`).
pub(crate) fn synthetic_id(index: usize) -> i64 {
    i64::try_from(index).map_or(i64::MAX, |index| index.saturating_add(1))
}

pub(crate) fn employee_facts(id: UserId, user: &DemoUser, team_id: Option<TeamId>) -> EmployeeFacts {
    EmployeeFacts {
        id,
        display_name: user.display_name.clone(),
        status: user.status,
        leave_date: user.leave_date,
        team_id,
        non_solicitation_until: user.non_solicitation_until,
        non_compete_until: user.non_compete_until,
    }
}

/// Maps one account's records to facts: open assignments only; references to unknown users
/// or contacts are dropped.
pub(crate) fn build_account_facts(
    account_id: AccountId,
    account: &DemoAccount,
    team_id: TeamId,
    parts: &AccountParts<'_>,
    user_id: impl Fn(&str) -> Option<UserId>,
) -> AccountFacts {
    let contact_id = |external_id: &str| {
        parts.contacts.iter().find(|(_, contact)| contact.external_id == external_id).map(|&(id, _)| id)
    };
    AccountFacts {
        id: account_id,
        name: account.name.clone(),
        tier: account.tier,
        annual_value_minor: account.annual_value_minor,
        currency: account.currency.clone(),
        status: account.status,
        team_id,
        created_at: Some(account.created_at),
        assignments: parts
            .assignments
            .iter()
            .filter(|assignment| assignment.until.is_none())
            .filter_map(|assignment| {
                Some(OpenAssignment { user_id: user_id(&assignment.user_key)?, role: assignment.role })
            })
            .collect(),
        contacts: parts
            .contacts
            .iter()
            .map(|&(id, contact)| ContactFacts {
                id,
                name: contact.name.clone(),
                influence: contact.influence,
                left_at: contact.left_at,
            })
            .collect(),
        interactions: parts
            .interactions
            .iter()
            .map(|&(id, interaction)| InteractionFacts {
                id,
                occurred_at: interaction.occurred_at,
                kind: interaction.kind,
                on_behalf_of: interaction.on_behalf_of,
                employee_ids: interaction.employee_keys.iter().filter_map(|key| user_id(key)).collect(),
                contact_ids: interaction.contact_external_ids.iter().filter_map(|id| contact_id(id)).collect(),
                complaint_status: interaction.complaint_status,
            })
            .collect(),
        linked: parts.linked,
    }
}
