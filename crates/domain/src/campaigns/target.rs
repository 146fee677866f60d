//! A campaign's target: a filter over the universe, or accounts named by hand.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::continuity::ids::id_string_vec;
use crate::continuity::{AccountId, TeamId};
use crate::model::Tier;
use crate::validation::normalise;

/// One active account of a campaign's universe, with what the report groups and ranks by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UniverseAccount {
    pub id: AccountId,
    pub tier: Tier,
    pub region: String,
    pub team_id: TeamId,
    pub annual_value_minor: i64,
}

/// Who a campaign goes to: `{"filter": {…}}` or `{"account_ids": […]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum CampaignTarget {
    /// Every active account of the universe that passes the filter.
    Filter(TargetFilter),
    /// These accounts, each of which must be an active account of the universe.
    AccountIds(#[serde(with = "id_string_vec")] Vec<AccountId>),
}

/// A filter over the universe. Each condition narrows the target; an absent or empty list
/// does not narrow it, so `{}` is every active account in scope. Regions compare without
/// regard to case; value bounds are inclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetFilter {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<Tier>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
    #[serde(default, with = "id_string_vec", skip_serializing_if = "Vec::is_empty")]
    pub team_ids: Vec<TeamId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_value_minor: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_value_minor: Option<i64>,
}

impl TargetFilter {
    fn matches(&self, account: &UniverseAccount) -> bool {
        (self.tiers.is_empty() || self.tiers.contains(&account.tier))
            && (self.regions.is_empty()
                || self.regions.iter().any(|region| normalise(region) == normalise(&account.region)))
            && (self.team_ids.is_empty() || self.team_ids.contains(&account.team_id))
            && self.min_value_minor.is_none_or(|min| account.annual_value_minor >= min)
            && self.max_value_minor.is_none_or(|max| account.annual_value_minor <= max)
    }
}

/// A target that breaks a rule; `field` is the request path of the input at fault
/// (`target.filter.max_value_minor`, `target.account_ids[2]`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct TargetError {
    pub field: String,
    pub reason: String,
}

fn refuse(field: impl Into<String>, reason: impl Into<String>) -> TargetError {
    TargetError { field: field.into(), reason: reason.into() }
}

/// Checks a target against the campaign's universe and scope: a team-scoped campaign
/// (`scope_team_id`) may filter on its own team only; hand-picked accounts must be active
/// accounts of the universe, each named once.
pub fn check_target(
    target: &CampaignTarget,
    universe: &[UniverseAccount],
    scope_team_id: Option<TeamId>,
) -> Result<(), TargetError> {
    match target {
        CampaignTarget::Filter(filter) => {
            for (index, region) in filter.regions.iter().enumerate() {
                if region.trim().is_empty() {
                    return Err(refuse(format!("target.filter.regions[{index}]"), "must not be blank"));
                }
            }
            if let Some(scope) = scope_team_id {
                if let Some(index) = filter.team_ids.iter().position(|team_id| *team_id != scope) {
                    return Err(refuse(
                        format!("target.filter.team_ids[{index}]"),
                        "a campaign scoped to one team can only target that team",
                    ));
                }
            }
            if filter.min_value_minor.is_some_and(|min| min < 0) {
                return Err(refuse("target.filter.min_value_minor", "must not be negative"));
            }
            if let (Some(min), Some(max)) = (filter.min_value_minor, filter.max_value_minor) {
                if max < min {
                    return Err(refuse("target.filter.max_value_minor", "must not be below min_value_minor"));
                }
            }
            Ok(())
        }
        CampaignTarget::AccountIds(ids) => {
            if ids.is_empty() {
                return Err(refuse("target.account_ids", "name at least one account"));
            }
            let active: BTreeSet<AccountId> = universe.iter().map(|account| account.id).collect();
            let mut seen = BTreeSet::new();
            for (index, id) in ids.iter().enumerate() {
                if !active.contains(id) {
                    return Err(refuse(
                        format!("target.account_ids[{index}]"),
                        format!("account {id} is not an active account in the campaign's scope"),
                    ));
                }
                if !seen.insert(*id) {
                    return Err(refuse(format!("target.account_ids[{index}]"), format!("account {id} is named twice")));
                }
            }
            Ok(())
        }
    }
}

/// The accounts of the universe the target includes, in id order. Hand-picked accounts that
/// have since left the universe (churned, moved to another team) are no longer included.
pub fn included_accounts(universe: &[UniverseAccount], target: &CampaignTarget) -> BTreeSet<AccountId> {
    match target {
        CampaignTarget::Filter(filter) => {
            universe.iter().filter(|account| filter.matches(account)).map(|account| account.id).collect()
        }
        CampaignTarget::AccountIds(ids) => {
            let wanted: BTreeSet<AccountId> = ids.iter().copied().collect();
            universe.iter().map(|account| account.id).filter(|id| wanted.contains(id)).collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(id: AccountId, tier: Tier, region: &str, team_id: TeamId, value: i64) -> UniverseAccount {
        UniverseAccount { id, tier, region: region.into(), team_id, annual_value_minor: value }
    }

    fn universe() -> Vec<UniverseAccount> {
        vec![
            account(1, Tier::A, "Nordics", 10, 1_000),
            account(2, Tier::B, "nordics", 10, 500),
            account(3, Tier::C, "Iberia", 20, 100),
        ]
    }

    #[test]
    fn a_filter_narrows_by_every_condition_it_names() {
        let all = included_accounts(&universe(), &CampaignTarget::Filter(TargetFilter::default()));
        assert_eq!(all.into_iter().collect::<Vec<_>>(), vec![1, 2, 3]);
        let nordics = TargetFilter { regions: vec!["NORDICS".into()], ..TargetFilter::default() };
        assert_eq!(included_accounts(&universe(), &CampaignTarget::Filter(nordics)).len(), 2);
        let valuable =
            TargetFilter { min_value_minor: Some(500), team_ids: vec![10], tiers: vec![Tier::B], ..Default::default() };
        assert_eq!(
            included_accounts(&universe(), &CampaignTarget::Filter(valuable)).into_iter().collect::<Vec<_>>(),
            vec![2]
        );
    }

    #[test]
    fn hand_picked_accounts_outside_the_universe_are_refused_by_position() {
        let target = CampaignTarget::AccountIds(vec![3, 99]);
        let error = check_target(&target, &universe(), None).expect_err("99 is not in the universe");
        assert_eq!(error.field, "target.account_ids[1]");
        let twice = CampaignTarget::AccountIds(vec![1, 1]);
        assert_eq!(check_target(&twice, &universe(), None).map_err(|e| e.field), Err("target.account_ids[1]".into()));
        assert!(check_target(&CampaignTarget::AccountIds(vec![]), &universe(), None).is_err());
    }

    #[test]
    fn a_team_scoped_campaign_filters_on_its_own_team_only() {
        let filter = TargetFilter { team_ids: vec![10, 20], ..TargetFilter::default() };
        let error = check_target(&CampaignTarget::Filter(filter), &universe(), Some(10)).expect_err("team 20");
        assert_eq!(error.field, "target.filter.team_ids[1]");
        let bounds = TargetFilter { min_value_minor: Some(10), max_value_minor: Some(5), ..TargetFilter::default() };
        let error = check_target(&CampaignTarget::Filter(bounds), &universe(), None).expect_err("max < min");
        assert_eq!(error.field, "target.filter.max_value_minor");
    }

    #[test]
    fn the_target_travels_as_filter_or_account_ids() {
        let json = serde_json::json!({"account_ids": ["3", 1]});
        let target: CampaignTarget = serde_json::from_value(json).expect("account ids");
        assert_eq!(target, CampaignTarget::AccountIds(vec![3, 1]));
        assert_eq!(serde_json::to_value(&target).ok(), Some(serde_json::json!({"account_ids": ["3", "1"]})));
        let json = serde_json::json!({"filter": {"tiers": ["A"], "team_ids": ["7"]}});
        let target: CampaignTarget = serde_json::from_value(json.clone()).expect("filter");
        assert_eq!(serde_json::to_value(&target).ok(), Some(json));
        assert!(serde_json::from_value::<CampaignTarget>(serde_json::json!({"filter": {"colour": 1}})).is_err());
    }
}
