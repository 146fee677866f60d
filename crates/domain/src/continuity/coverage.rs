//! Coverage policy (PRODUCT.md, "Domain"): per tier, a minimum number of holders and of
//! current client contacts, e.g. "tier A: ≥ 2 holders and ≥ 3 current contacts". An account
//! that falls short raises `policy_breach`.

use serde::{Deserialize, Serialize};

use crate::model::Tier;

/// The coverage a tier's accounts must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoveragePolicy {
    pub tier: Tier,
    pub min_holders: u32,
    pub min_current_contacts: u32,
}

/// The policies of every tier that has one; a tier without a policy is never in breach.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CoveragePolicies {
    pub policies: Vec<CoveragePolicy>,
}

impl CoveragePolicies {
    pub fn new(policies: Vec<CoveragePolicy>) -> Self {
        CoveragePolicies { policies }
    }

    /// The policy of `tier`, if one is set (the last one wins if a tier is listed twice).
    pub fn for_tier(&self, tier: Tier) -> Option<&CoveragePolicy> {
        self.policies.iter().rev().find(|policy| policy.tier == tier)
    }
}

/// How an account measures against its tier's policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageCheck {
    pub policy: CoveragePolicy,
    pub holders: u32,
    pub current_contacts: u32,
}

impl CoverageCheck {
    pub fn holders_missing(&self) -> u32 {
        self.policy.min_holders.saturating_sub(self.holders)
    }

    pub fn contacts_missing(&self) -> u32 {
        self.policy.min_current_contacts.saturating_sub(self.current_contacts)
    }

    pub fn is_met(&self) -> bool {
        self.holders_missing() == 0 && self.contacts_missing() == 0
    }
}

/// Checks an account's holders (its bus factor) and current contacts against `policy`.
pub fn check_coverage(policy: &CoveragePolicy, holders: usize, current_contacts: usize) -> CoverageCheck {
    CoverageCheck {
        policy: *policy,
        holders: u32::try_from(holders).unwrap_or(u32::MAX),
        current_contacts: u32::try_from(current_contacts).unwrap_or(u32::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TIER_A: CoveragePolicy = CoveragePolicy { tier: Tier::A, min_holders: 2, min_current_contacts: 3 };

    #[test]
    fn an_account_with_two_holders_and_three_contacts_meets_the_tier_a_example() {
        assert!(check_coverage(&TIER_A, 2, 3).is_met());
        assert!(check_coverage(&TIER_A, 5, 4).is_met());
    }

    #[test]
    fn a_shortfall_on_either_side_breaches() {
        let check = check_coverage(&TIER_A, 1, 1);
        assert!(!check.is_met());
        assert_eq!(check.holders_missing(), 1);
        assert_eq!(check.contacts_missing(), 2);
        assert!(!check_coverage(&TIER_A, 2, 2).is_met());
    }

    #[test]
    fn a_tier_without_a_policy_has_none() {
        let policies = CoveragePolicies::new(vec![TIER_A]);
        assert_eq!(policies.for_tier(Tier::A), Some(&TIER_A));
        assert_eq!(policies.for_tier(Tier::B), None);
    }
}
