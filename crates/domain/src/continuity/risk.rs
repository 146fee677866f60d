//! What an assessment says about one account: the body of `GET /accounts/{id}/risk` and the
//! JSON a store keeps per account (PRODUCT.md, "Interfaces").

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::concentration::Concentration;
use super::flags::{Flag, FlagCode};
use super::ids::{self, AccountId, ContactId, TeamId, UserId};
use crate::model::{AccountStatus, Tier};

/// Where a set of shares comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareBasis {
    /// Decayed strength of the window's personal interactions.
    Interactions,
    /// No personal interaction in the window: equal shares over the open assignments
    /// (internal) or the current contacts (client side).
    EqualFallback,
}

/// A holder: a present employee with share ≥ 10 % (or, without interactions, every present
/// assigned employee).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HolderShare {
    #[serde(with = "ids::id_string")]
    pub user_id: UserId,
    pub share: f64,
}

/// One employee's part of the account's relationship strength.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmployeeShare {
    #[serde(with = "ids::id_string")]
    pub user_id: UserId,
    pub strength: f64,
    pub share: f64,
    /// Still with the firm (see [`EmployeeFacts::is_present`](super::EmployeeFacts::is_present)).
    pub present: bool,
    /// Has an open assignment to the account.
    pub assigned: bool,
}

/// One client contact's part of the client-side strength.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactShare {
    #[serde(with = "ids::id_string")]
    pub contact_id: ContactId,
    pub strength: f64,
    pub share: f64,
    /// Still at the client (no `left_at`, or one in the future).
    pub current: bool,
}

/// One (employee, contact) pair's part of the thread strength.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThreadShare {
    #[serde(with = "ids::id_string")]
    pub user_id: UserId,
    #[serde(with = "ids::id_string")]
    pub contact_id: ContactId,
    pub strength: f64,
    pub share: f64,
}

/// The present employees who know a current contact: each has ≥ 10 % of the contact's thread
/// strength (the basis of "contacts only u knows").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactKnowers {
    #[serde(with = "ids::id_string")]
    pub contact_id: ContactId,
    #[serde(with = "ids::id_string_vec")]
    pub user_ids: Vec<UserId>,
}

/// The continuity figures of one account. Lists are ordered by share, largest first (ties by
/// id); `holders` is what the bus factor counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountRisk {
    #[serde(with = "ids::id_string")]
    pub account_id: AccountId,
    #[serde(with = "ids::id_string")]
    pub team_id: TeamId,
    pub tier: Tier,
    pub status: AccountStatus,
    pub annual_value_minor: i64,
    pub currency: String,
    /// 0–100, see [`risk_score`](super::risk_score).
    pub score: u8,
    /// `annual_value_minor × score / 100`, rounded half up.
    pub exposure_minor: i64,
    pub flags: Vec<Flag>,
    pub holders: Vec<HolderShare>,
    /// Number of holders.
    pub bus_factor: usize,
    /// `1/HHI` of the employee shares (0 without shares).
    pub n_eff: f64,
    pub hhi: f64,
    pub cr1: f64,
    /// Client contact shares.
    pub contacts: Vec<ContactShare>,
    pub contact_hhi: f64,
    pub contact_n_eff: f64,
    pub contact_cr1: f64,
    /// Every employee with a share (holders or not, present or not).
    pub employees: Vec<EmployeeShare>,
    pub threads: Vec<ThreadShare>,
    pub contact_knowers: Vec<ContactKnowers>,
    pub internal_basis: ShareBasis,
    pub contact_basis: ShareBasis,
    /// Σ decayed weight of the window's organisation-attributed interactions.
    pub institutional_score: f64,
    pub current_contact_count: usize,
    /// Present employees with an open assignment.
    #[serde(with = "ids::id_string_vec")]
    pub assigned_present_user_ids: Vec<UserId>,
    pub last_interaction_at: Option<DateTime<Utc>>,
    pub computed_at: DateTime<Utc>,
}

impl AccountRisk {
    pub fn has_flag(&self, code: FlagCode) -> bool {
        self.flags.iter().any(|flag| flag.code == code)
    }

    pub fn flag_codes(&self) -> Vec<FlagCode> {
        self.flags.iter().map(|flag| flag.code).collect()
    }

    pub fn is_holder(&self, user_id: UserId) -> bool {
        self.holders.iter().any(|holder| holder.user_id == user_id)
    }

    /// The employee's share of the account's relationship strength (0 if none).
    pub fn share_of(&self, user_id: UserId) -> f64 {
        self.employees.iter().find(|employee| employee.user_id == user_id).map_or(0.0, |employee| employee.share)
    }

    /// Internal concentration figures.
    pub fn concentration(&self) -> Concentration {
        Concentration { hhi: self.hhi, n_eff: self.n_eff, cr1: self.cr1 }
    }

    /// Whether the account counts towards portfolio figures (churned accounts do not).
    pub fn is_active(&self) -> bool {
        self.status == AccountStatus::Active
    }
}
