//! The continuity model (PRODUCT.md, "The continuity model").
//!
//! Pure functions over plain facts: [`assess`] one account from its own facts; portfolio
//! figures ([`employee_exposure`], [`departure_what_if`], [`truck_factor`],
//! [`suggest_successors`]) from assessments. Nothing here reads a clock: every function that
//! depends on time takes `now`.

mod assess;
mod concentration;
mod coverage;
mod facts;
mod flags;
mod hr_figures;
pub mod ids;
mod institutional;
mod portfolio;
mod risk;
mod roster;
mod score;
mod settings;
mod staleness;
mod strength;
mod successors;
mod truck_factor;
mod what_if;
mod wording;

#[cfg(test)]
mod properties;
#[cfg(test)]
mod scenario_tests;
#[cfg(test)]
mod test_support;

pub use assess::assess;
pub use concentration::{concentration, Concentration};
pub use coverage::{check_coverage, CoverageCheck, CoveragePolicies, CoveragePolicy};
pub use facts::{
    AccountFacts, ContactFacts, EmployeeFacts, EmployeeLookup, Employees, InteractionFacts, OpenAssignment,
};
pub use flags::{
    ChampionGone, ChampionLeftParams, DepartingHolder, DepartingHolderParams, EmployeeRef, Flag, FlagCode,
    KeyPersonParams, LeaverRef, NoOwnerParams, OpenComplaintParams, ParamDoc, ParamKind, PolicyBreachParams,
    SingleContactParams, SingleOwnerParams, SingleThreadedParams, StaleParams,
};
pub use hr_figures::{
    employee_exposure, group_exposure, is_unprotected, non_solicitation_in_force, AccountExposure, ClauseDates,
    ContactOnlyTheyKnow, Cover, EmployeeExposure, GroupExposure, LeavingHolder,
};
pub use ids::{AccountId, ContactId, InteractionId, TeamId, UserId};
pub use institutional::{has_institutional_tie, institutional_trend, InstitutionalPoint, TREND_OFFSETS_DAYS};
pub use portfolio::{
    portfolio_summary, BandFigures, BandTotals, PortfolioSummary, PortfolioTotals, RiskBand, UnknownMeasure,
};
pub use risk::{AccountRisk, ContactKnowers, ContactShare, EmployeeShare, HolderShare, ShareBasis, ThreadShare};
pub use score::{exposure_minor, flag_weight, institutional_damping, risk_score};
pub use settings::{KindWeights, ScoreWeights, SettingField, SettingUnit, Settings, SettingsError};
pub use staleness::{is_client_conversation, last_contact_at, last_interaction_at, median_gap_days, stale_params};
pub use strength::{decayed_weight, strengths, Strengths};
pub use successors::{suggest_successors, value_held_by_employee, SuccessorSuggestion};
pub use truck_factor::{leaving_holders, truck_factor, AccountHolders, TruckFactor};
pub use what_if::{departure_what_if, DepartureWhatIf, NewlyFlagged};
pub use wording::{explain, flag_name};
