//! The equal-treatment report of a campaign and its warnings.
//!
//! Shares are fractions (0..1) of the universe — the active accounts in the campaign's scope —
//! or of one tier's or region's part of it; an empty group leaves out nothing (share 0).
//!
//! Warnings (stable codes):
//!
//! | code | raised when |
//! |---|---|
//! | `excludes_majority` | more than half of the universe's active accounts are left out |
//! | `tier_only` | the included accounts are exactly all active accounts of some tiers and none of the others (e.g. an apology to tier A only) |
//! | `value_only` | every included account is worth more than every excluded one, in a universe of at least [`EqualTreatmentRules::value_only_min_accounts`] accounts |

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::target::UniverseAccount;
use crate::continuity::AccountId;
use crate::model::{text_enum, Tier};

/// The thresholds of the warning rules, with their defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EqualTreatmentRules {
    /// `value_only` stays quiet in universes smaller than this: among a handful of accounts, a
    /// hand-picked set often happens to be the most valuable ones without value being the
    /// reason (of 5 accounts, 1 in 10 random pairs is the top two). Default 6.
    pub value_only_min_accounts: usize,
}

impl Default for EqualTreatmentRules {
    fn default() -> Self {
        EqualTreatmentRules { value_only_min_accounts: 6 }
    }
}

text_enum!(
    /// Why a campaign may treat clients unequally.
    WarningCode { ExcludesMajority => "excludes_majority", TierOnly => "tier_only", ValueOnly => "value_only" }
);

/// A warning with an explanation naming the figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    pub code: WarningCode,
    pub message: String,
}

/// A count of accounts and their annual value (minor units, summed as stored).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub accounts: u64,
    pub value_minor: i64,
}

impl Tally {
    fn add(&mut self, value_minor: i64) {
        self.accounts += 1;
        self.value_minor = self.value_minor.saturating_add(value_minor);
    }
}

/// One tier's or region's part of the universe and what the campaign leaves out of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupFigures {
    pub active_accounts: u64,
    pub included_accounts: u64,
    pub excluded_share: f64,
    pub value_minor: i64,
    pub included_value_minor: i64,
    pub excluded_value_share: f64,
}

impl GroupFigures {
    fn of(all: Tally, included: Tally) -> GroupFigures {
        GroupFigures {
            active_accounts: all.accounts,
            included_accounts: included.accounts,
            excluded_share: excluded_share(all.accounts as f64, included.accounts as f64),
            value_minor: all.value_minor,
            included_value_minor: included.value_minor,
            excluded_value_share: excluded_share(all.value_minor as f64, included.value_minor as f64),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TierFigures {
    pub tier: Tier,
    #[serde(flatten)]
    pub figures: GroupFigures,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionFigures {
    pub region: String,
    #[serde(flatten)]
    pub figures: GroupFigures,
}

/// What a campaign leaves out, overall, per tier (every tier, A to C) and per region (those
/// of the universe, by name), with its warnings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EqualTreatmentReport {
    pub universe: Tally,
    pub included: Tally,
    pub excluded_share: f64,
    pub excluded_value_share: f64,
    pub by_tier: Vec<TierFigures>,
    pub by_region: Vec<RegionFigures>,
    pub warnings: Vec<Warning>,
}

fn excluded_share(all: f64, included: f64) -> f64 {
    if all > 0.0 {
        (all - included) / all
    } else {
        0.0
    }
}

/// The report of a campaign that includes `included` out of `universe`. Included ids outside
/// the universe are ignored (see [`super::included_accounts`]).
pub fn equal_treatment_report(
    universe: &[UniverseAccount],
    included: &BTreeSet<AccountId>,
    rules: &EqualTreatmentRules,
) -> EqualTreatmentReport {
    let mut all = Tally::default();
    let mut chosen = Tally::default();
    let mut tiers: BTreeMap<Tier, (Tally, Tally)> = Tier::ALL.iter().map(|tier| (*tier, Default::default())).collect();
    let mut regions: BTreeMap<&str, (Tally, Tally)> = BTreeMap::new();
    for account in universe {
        let is_included = included.contains(&account.id);
        let tier = tiers.entry(account.tier).or_default();
        let region = regions.entry(account.region.as_str()).or_default();
        for (group_all, group_included) in
            [(&mut all, &mut chosen), (&mut tier.0, &mut tier.1), (&mut region.0, &mut region.1)]
        {
            group_all.add(account.annual_value_minor);
            if is_included {
                group_included.add(account.annual_value_minor);
            }
        }
    }
    let mut report = EqualTreatmentReport {
        universe: all,
        included: chosen,
        excluded_share: excluded_share(all.accounts as f64, chosen.accounts as f64),
        excluded_value_share: excluded_share(all.value_minor as f64, chosen.value_minor as f64),
        by_tier: tiers
            .into_iter()
            .map(|(tier, (all, included))| TierFigures { tier, figures: GroupFigures::of(all, included) })
            .collect(),
        by_region: regions
            .into_iter()
            .map(|(region, (all, included))| RegionFigures {
                region: region.to_owned(),
                figures: GroupFigures::of(all, included),
            })
            .collect(),
        warnings: Vec::new(),
    };
    report.warnings = warnings(universe, included, &report, rules);
    report
}

fn percent(share: f64) -> String {
    format!("{:.0} %", share * 100.0)
}

fn tier_list(tiers: &[Tier]) -> String {
    tiers.iter().map(|tier| tier.as_str()).collect::<Vec<_>>().join(", ")
}

fn warnings(
    universe: &[UniverseAccount],
    included: &BTreeSet<AccountId>,
    report: &EqualTreatmentReport,
    rules: &EqualTreatmentRules,
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let total = report.universe.accounts;
    let excluded = total - report.included.accounts;
    if excluded * 2 > total {
        warnings.push(Warning {
            code: WarningCode::ExcludesMajority,
            message: format!(
                "leaves out {excluded} of {total} active accounts ({}) and {} of their value",
                percent(report.excluded_share),
                percent(report.excluded_value_share)
            ),
        });
    }
    if excluded == 0 || report.included.accounts == 0 {
        return warnings;
    }
    // Every tier present is either wholly in or wholly out, and both kinds occur.
    let present: Vec<&TierFigures> = report.by_tier.iter().filter(|tier| tier.figures.active_accounts > 0).collect();
    let wholly_in: Vec<Tier> = present
        .iter()
        .filter(|tier| tier.figures.included_accounts == tier.figures.active_accounts)
        .map(|tier| tier.tier)
        .collect();
    let wholly_out: Vec<Tier> =
        present.iter().filter(|tier| tier.figures.included_accounts == 0).map(|tier| tier.tier).collect();
    if wholly_in.len() + wholly_out.len() == present.len() && !wholly_in.is_empty() && !wholly_out.is_empty() {
        warnings.push(Warning {
            code: WarningCode::TierOnly,
            message: format!(
                "includes exactly the active accounts of tier {} and none of tier {}: inclusion depends on tier alone",
                tier_list(&wholly_in),
                tier_list(&wholly_out)
            ),
        });
    }
    if universe.len() >= rules.value_only_min_accounts {
        let (ins, outs): (Vec<&UniverseAccount>, Vec<&UniverseAccount>) =
            universe.iter().partition(|account| included.contains(&account.id));
        let lowest_in = ins.iter().map(|account| account.annual_value_minor).min();
        let highest_out = outs.iter().map(|account| account.annual_value_minor).max();
        if let (Some(lowest_in), Some(highest_out)) = (lowest_in, highest_out) {
            if lowest_in > highest_out {
                warnings.push(Warning {
                    code: WarningCode::ValueOnly,
                    message: format!(
                        "every included account is worth more than every excluded one (included from {lowest_in}, \
                         excluded up to {highest_out} minor units a year): inclusion depends on value alone"
                    ),
                });
            }
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(id: AccountId, tier: Tier, region: &str, value: i64) -> UniverseAccount {
        UniverseAccount { id, tier, region: region.into(), team_id: 1, annual_value_minor: value }
    }

    /// Six accounts: A 1 000 (North), A 900 (South), B 500 (North), B 400 (South), C 100 and
    /// C 50 (North).
    fn portfolio() -> Vec<UniverseAccount> {
        vec![
            account(1, Tier::A, "North", 1_000),
            account(2, Tier::A, "South", 900),
            account(3, Tier::B, "North", 500),
            account(4, Tier::B, "South", 400),
            account(5, Tier::C, "North", 100),
            account(6, Tier::C, "North", 50),
        ]
    }

    fn codes(report: &EqualTreatmentReport) -> Vec<WarningCode> {
        report.warnings.iter().map(|warning| warning.code).collect()
    }

    fn report_of(ids: &[AccountId]) -> EqualTreatmentReport {
        equal_treatment_report(&portfolio(), &ids.iter().copied().collect(), &EqualTreatmentRules::default())
    }

    #[test]
    fn figures_per_tier_and_region_are_exact() {
        let report = report_of(&[1, 3, 6]);
        assert_eq!(report.universe, Tally { accounts: 6, value_minor: 2_950 });
        assert_eq!(report.included, Tally { accounts: 3, value_minor: 1_550 });
        assert_eq!(report.excluded_share, 0.5);
        assert_eq!(report.excluded_value_share, 1_400.0 / 2_950.0);
        let tier_b = &report.by_tier[1];
        assert_eq!(tier_b.tier, Tier::B);
        assert_eq!(
            tier_b.figures,
            GroupFigures {
                active_accounts: 2,
                included_accounts: 1,
                excluded_share: 0.5,
                value_minor: 900,
                included_value_minor: 500,
                excluded_value_share: 400.0 / 900.0,
            }
        );
        let regions: Vec<(&str, u64, u64)> = report
            .by_region
            .iter()
            .map(|region| (region.region.as_str(), region.figures.active_accounts, region.figures.included_accounts))
            .collect();
        assert_eq!(regions, vec![("North", 4, 3), ("South", 2, 0)]);
        assert_eq!(report.by_region[1].figures.excluded_share, 1.0);
        assert!(report.warnings.is_empty(), "half left out is not a majority: {:?}", report.warnings);
    }

    #[test]
    fn an_apology_to_tier_a_only_raises_every_warning() {
        let report = report_of(&[1, 2]);
        assert_eq!(codes(&report), vec![WarningCode::ExcludesMajority, WarningCode::TierOnly, WarningCode::ValueOnly]);
        assert!(report.warnings[1].message.contains("tier A and none of tier B, C"), "{}", report.warnings[1].message);
    }

    #[test]
    fn tiers_a_and_b_without_c_is_tier_only_but_no_majority() {
        assert_eq!(codes(&report_of(&[1, 2, 3, 4])), vec![WarningCode::TierOnly, WarningCode::ValueOnly]);
    }

    #[test]
    fn the_most_valuable_across_tiers_is_value_only() {
        // 1 000, 900 and 500 include tier B only partly: value, not tier, decides.
        assert_eq!(codes(&report_of(&[1, 2, 3])), vec![WarningCode::ValueOnly]);
    }

    #[test]
    fn a_fair_campaign_stays_quiet() {
        assert!(report_of(&[1, 2, 3, 4, 5, 6]).warnings.is_empty());
        assert!(report_of(&[2, 3, 5, 6]).warnings.is_empty());
    }

    #[test]
    fn value_only_stays_quiet_in_a_tiny_universe() {
        let small = &portfolio()[..5];
        let report = equal_treatment_report(small, &[1, 3].into_iter().collect(), &EqualTreatmentRules::default());
        assert!(!codes(&report).contains(&WarningCode::ValueOnly), "{:?}", report.warnings);
    }

    #[test]
    fn an_empty_universe_leaves_nothing_out() {
        let report = equal_treatment_report(&[], &BTreeSet::new(), &EqualTreatmentRules::default());
        assert_eq!(report.excluded_share, 0.0);
        assert_eq!(report.by_tier.len(), 3);
        assert!(report.warnings.is_empty());
    }

    #[test]
    fn including_nobody_excludes_the_majority_only() {
        assert_eq!(codes(&report_of(&[])), vec![WarningCode::ExcludesMajority]);
    }
}
