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
    /// An organisation-attributed touchpoint within the window, or any account link (see
    /// [`has_institutional_tie`](super::has_institutional_tie)).
    #[serde(default)]
    pub institutional_tie: bool,
    pub current_contact_count: usize,
    /// Present employees with an open assignment.
    #[serde(with = "ids::id_string_vec")]
    pub assigned_present_user_ids: Vec<UserId>,
    /// The latest interaction of any kind.
    pub last_interaction_at: Option<DateTime<Utc>>,
    /// The latest conversation with a client contact, what `stale` reads (see
    /// [`is_client_conversation`](super::is_client_conversation)).
    #[serde(default)]
    pub last_contact_at: Option<DateTime<Utc>>,
    pub computed_at: DateTime<Utc>,
}

impl AccountRisk {
    pub fn has_flag(&self, code: FlagCode) -> bool {
        self.flags.iter().any(|flag| flag.code() == code)
    }

    pub fn flag_codes(&self) -> Vec<FlagCode> {
        self.flags.iter().map(Flag::code).collect()
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

    /// A fingerprint of what these figures say, so a store can skip rewriting an account whose
    /// figures have not changed since they were stored. Everything counts except
    /// `computed_at`; decayed strengths (which no view shows) count to two significant digits,
    /// the institutional score to three, and shares and concentration figures to four
    /// decimals, so that the mere passing of minutes (which decays every strength a little and
    /// leaves shares as they are) is not a change, while days of decay, a new interaction or a
    /// crossed threshold are. The figures stored are then those of the last change, and
    /// `computed_at` says when that was. Stable within
    /// one build (std's SipHash with fixed keys); a new toolchain may rewrite each row once.
    pub fn fingerprint(&self) -> u64 {
        fn decimals(x: f64) -> f64 {
            (x * 1e4).round() / 1e4
        }
        fn significant(x: f64, digits: i32) -> f64 {
            if x == 0.0 || !x.is_finite() {
                return x;
            }
            let scale = 10f64.powi(digits - 1 - x.abs().log10().floor() as i32);
            (x * scale).round() / scale
        }
        let mut material = self.clone();
        material.computed_at = DateTime::<Utc>::UNIX_EPOCH;
        for value in [
            &mut material.n_eff,
            &mut material.hhi,
            &mut material.cr1,
            &mut material.contact_hhi,
            &mut material.contact_n_eff,
            &mut material.contact_cr1,
        ] {
            *value = decimals(*value);
        }
        material.institutional_score = significant(material.institutional_score, 3);
        material.holders.iter_mut().for_each(|h| h.share = decimals(h.share));
        for share in material.flags.iter_mut().flat_map(Flag::shares_mut) {
            *share = decimals(*share);
        }
        for employee in &mut material.employees {
            employee.share = decimals(employee.share);
            employee.strength = significant(employee.strength, 2);
        }
        for contact in &mut material.contacts {
            contact.share = decimals(contact.share);
            contact.strength = significant(contact.strength, 2);
        }
        for thread in &mut material.threads {
            thread.share = decimals(thread.share);
            thread.strength = significant(thread.strength, 2);
        }
        // Serialising the rounded copy covers every field, including ones added later.
        let bytes = serde_json::to_vec(&material).unwrap_or_default();
        let mut hasher = std::hash::DefaultHasher::new();
        std::hash::Hasher::write(&mut hasher, &bytes);
        std::hash::Hasher::finish(&hasher)
    }
}
