//! Campaigns and the equal-treatment check (PRODUCT.md, "Equal-treatment check"): a campaign
//! (an apology, a mailing, a gift, an invitation) goes to a target set of accounts, chosen by a
//! filter or by hand; before it is sent, a report shows per tier and per region the share of
//! active accounts it leaves out, and warns when it excludes most of them or when inclusion
//! depends on tier or value alone.
//!
//! Pure functions over the campaign's *universe* — the active accounts in its scope (one team,
//! or the firm) — which the store loads.

mod equal_treatment;
mod target;

pub use equal_treatment::{
    equal_treatment_report, EqualTreatmentReport, EqualTreatmentRules, GroupFigures, RegionFigures, Tally, TierFigures,
    Warning, WarningCode,
};
pub use target::{check_target, included_accounts, CampaignTarget, TargetError, TargetFilter, UniverseAccount};
