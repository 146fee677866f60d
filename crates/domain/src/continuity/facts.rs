//! The facts the continuity model reads: plain structs a store fills from its rows.
//!
//! Assessing one account needs only that account's [`AccountFacts`] and a way to look
//! employees up, so a store can recompute one account whenever one of its rows changes; a
//! full recompute is one pass over the interactions ordered by account.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::ids::{self, AccountId, ContactId, InteractionId, TeamId, UserId};
use crate::model::{
    AccountStatus, AssignmentRole, ComplaintStatus, Influence, InteractionKind, OnBehalfOf, Tier, UserStatus,
};

/// One client account with everything its assessment reads.
///
/// `interactions` must hold at least every interaction of the last `window_days`
/// ([`Settings`](super::Settings)), every open complaint, the latest interaction and the
/// latest conversation with a client contact (however old: see
/// [`is_client_conversation`](super::is_client_conversation)); older ones may be passed and
/// are ignored for strength.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountFacts {
    #[serde(with = "ids::id_string")]
    pub id: AccountId,
    pub name: String,
    pub tier: Tier,
    pub annual_value_minor: i64,
    pub currency: String,
    pub status: AccountStatus,
    #[serde(with = "ids::id_string")]
    pub team_id: TeamId,
    /// When the account was created; an account with no interaction yet is stale only once
    /// this is longer ago than the stale threshold. `None`: treated as long ago.
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
    /// Open assignments only (`until` is null).
    pub assignments: Vec<OpenAssignment>,
    /// Every contact of the account, including those who left the client.
    pub contacts: Vec<ContactFacts>,
    pub interactions: Vec<InteractionFacts>,
    /// Whether the account has any link to another account (client network): an
    /// institutional tie (see [`has_institutional_tie`](super::has_institutional_tie)).
    #[serde(default)]
    pub linked: bool,
}

/// An open account-team membership.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenAssignment {
    #[serde(with = "ids::id_string")]
    pub user_id: UserId,
    pub role: AssignmentRole,
}

/// A person at the client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactFacts {
    #[serde(with = "ids::id_string")]
    pub id: ContactId,
    pub name: String,
    pub influence: Influence,
    /// The day the contact left the client's company.
    pub left_at: Option<NaiveDate>,
}

impl ContactFacts {
    /// A contact is current until the day they leave (`left_at` later than `today`, or unset).
    pub fn is_current(&self, today: NaiveDate) -> bool {
        self.left_at.is_none_or(|left_at| left_at > today)
    }
}

/// One touchpoint with the client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InteractionFacts {
    #[serde(with = "ids::id_string")]
    pub id: InteractionId,
    pub occurred_at: DateTime<Utc>,
    pub kind: InteractionKind,
    pub on_behalf_of: OnBehalfOf,
    #[serde(with = "ids::id_string_vec")]
    pub employee_ids: Vec<UserId>,
    #[serde(with = "ids::id_string_vec")]
    pub contact_ids: Vec<ContactId>,
    /// Set on complaints only.
    #[serde(default)]
    pub complaint_status: Option<ComplaintStatus>,
}

impl InteractionFacts {
    /// An unresolved complaint.
    pub fn is_open_complaint(&self) -> bool {
        self.complaint_status == Some(ComplaintStatus::Open)
    }
}

/// An employee as the continuity model sees them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmployeeFacts {
    #[serde(with = "ids::id_string")]
    pub id: UserId,
    pub display_name: String,
    pub status: UserStatus,
    pub leave_date: Option<NaiveDate>,
    #[serde(with = "ids::option_id_string")]
    pub team_id: Option<TeamId>,
    pub non_solicitation_until: Option<NaiveDate>,
    pub non_compete_until: Option<NaiveDate>,
}

impl EmployeeFacts {
    /// Still with the firm: not `departed`, and the leave date (their last day) not past.
    /// PRODUCT.md's "active employee" of a holder or an owner means this: someone who
    /// announced their departure still holds their relationships until they go.
    pub fn is_present(&self, today: NaiveDate) -> bool {
        self.status != UserStatus::Departed && self.leave_date.is_none_or(|last_day| last_day >= today)
    }

    /// Status `leaving`/`departed` or a leave date set (the `departing_holder` flag's rule).
    pub fn is_departing(&self) -> bool {
        self.status != UserStatus::Active || self.leave_date.is_some()
    }

    /// Staying (PRODUCT.md, "Departing people are no cover"): status `active` and no leave
    /// date. Only a staying holder covers an account in HR's figures, the deactivation guard
    /// and the truck factor, and only a staying employee may be suggested as a successor.
    pub fn is_staying(&self) -> bool {
        self.status == UserStatus::Active && self.leave_date.is_none()
    }
}

/// How the model finds an employee by id. Implemented for maps and for [`Employees`]; an
/// unknown id is treated as a former employee.
pub trait EmployeeLookup {
    fn employee(&self, id: UserId) -> Option<&EmployeeFacts>;
}

impl EmployeeLookup for HashMap<UserId, EmployeeFacts> {
    fn employee(&self, id: UserId) -> Option<&EmployeeFacts> {
        self.get(&id)
    }
}

impl EmployeeLookup for BTreeMap<UserId, EmployeeFacts> {
    fn employee(&self, id: UserId) -> Option<&EmployeeFacts> {
        self.get(&id)
    }
}

impl<L: EmployeeLookup + ?Sized> EmployeeLookup for &L {
    fn employee(&self, id: UserId) -> Option<&EmployeeFacts> {
        (**self).employee(id)
    }
}

/// Employees sorted by id: a compact lookup (binary search) built once from a list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Employees {
    sorted: Vec<EmployeeFacts>,
}

impl Employees {
    pub fn new(mut employees: Vec<EmployeeFacts>) -> Self {
        employees.sort_by_key(|employee| employee.id);
        employees.dedup_by_key(|employee| employee.id);
        Employees { sorted: employees }
    }

    pub fn iter(&self) -> impl Iterator<Item = &EmployeeFacts> {
        self.sorted.iter()
    }
}

impl FromIterator<EmployeeFacts> for Employees {
    fn from_iter<I: IntoIterator<Item = EmployeeFacts>>(iter: I) -> Self {
        Employees::new(iter.into_iter().collect())
    }
}

impl EmployeeLookup for Employees {
    fn employee(&self, id: UserId) -> Option<&EmployeeFacts> {
        self.sorted.binary_search_by_key(&id, |employee| employee.id).ok().and_then(|index| self.sorted.get(index))
    }
}
