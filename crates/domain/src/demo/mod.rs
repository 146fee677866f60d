//! Made-up firms for trying Continuity out and for measuring it.
//!
//! - [`demo_firm`]: a deterministic demo firm of 5 teams, 40 employees and 2 000 client
//!   accounts with two years of interactions, built so that every flag of the continuity model
//!   occurs (PRODUCT.md, "Domain" and "The continuity model"). Every demo user signs in with
//!   [`DEMO_PASSWORD`]; one well-known login per role: [`DEMO_ADMIN_EMAIL`],
//!   [`DEMO_HR_EMAIL`], [`DEMO_LEAD_EMAIL`], [`DEMO_MEMBER_EMAIL`].
//! - [`ScaleFirm`] / [`scale_firm`]: a streaming generator of any number of accounts (about
//!   20 interactions each) for load tests and benchmarks, in constant memory.
//!
//! Records refer to each other by keys and external ids (strings), not database ids: a store
//! inserts them and maps the keys to the ids it assigns. [`DemoFirm::account_facts`] and
//! [`ScaleFirm::account_facts`] do that mapping with synthetic ids, for tests and benchmarks.
//! Nothing here reads a clock: every time is relative to the `now` passed in.

mod events;
mod facts;
mod firm;
mod names;
mod outreach;
mod rng;
mod scale;

#[cfg(test)]
mod tests;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::campaigns::CampaignTarget;
use crate::continuity::CoveragePolicies;
use crate::model::{
    Access, AccountLinkKind, AccountStatus, AssignmentRole, CampaignKind, ComplaintStatus, EventKind, EventStatus,
    Influence, InteractionKind, OnBehalfOf, Role, Tier, UserStatus,
};

pub use firm::demo_firm;
pub use scale::{scale_firm, ScaleAccount, ScaleFirm};

/// The password of every demo user (demo and scale firms). Public knowledge: a demo
/// database must never hold real data.
pub const DEMO_PASSWORD: &str = "continuity-demo";
/// The demo firm's system owner (`admin`).
pub const DEMO_ADMIN_EMAIL: &str = "admin@demo.continuity.example";
/// The demo firm's HR user (`hr`).
pub const DEMO_HR_EMAIL: &str = "hr@demo.continuity.example";
/// The sales lead of the demo firm's first team (`sales_lead`).
pub const DEMO_LEAD_EMAIL: &str = "lead@demo.continuity.example";
/// An account manager of the demo firm's first team (`member`), on several dozen accounts.
pub const DEMO_MEMBER_EMAIL: &str = "member@demo.continuity.example";

/// A team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoTeam {
    /// Unique within the firm; other records refer to the team by it.
    pub key: String,
    pub name: String,
}

/// An employee. Every one signs in with [`DEMO_PASSWORD`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoUser {
    /// Unique within the firm; other records refer to the user by it.
    pub key: String,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    /// `None` for the admin and HR users, who belong to no team.
    pub team_key: Option<String>,
    pub status: UserStatus,
    pub leave_date: Option<NaiveDate>,
    pub non_solicitation_until: Option<NaiveDate>,
    pub non_compete_until: Option<NaiveDate>,
    /// The teams this user leads as a sales lead.
    pub lead_of_team_keys: Vec<String>,
}

/// A colleague added to every account a user creates (the user's default team).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoDefaultTeamMember {
    pub user_key: String,
    pub member_user_key: String,
    pub role: AssignmentRole,
    pub access: Access,
}

/// A client account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoAccount {
    /// Unique within the firm (`DEMO-A-0001`, `SCALE-A-0000001`).
    pub external_id: String,
    pub name: String,
    pub tier: Tier,
    pub region: String,
    pub team_key: String,
    pub annual_value_minor: i64,
    /// ISO 4217.
    pub currency: String,
    pub status: AccountStatus,
    pub created_at: DateTime<Utc>,
}

/// A tie between two accounts of the client network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoAccountLink {
    pub account_external_id: String,
    pub other_account_external_id: String,
    pub kind: AccountLinkKind,
}

/// A person at a client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoContact {
    /// Unique within the firm.
    pub external_id: String,
    pub account_external_id: String,
    pub name: String,
    pub job_title: String,
    pub email: String,
    pub phone: Option<String>,
    pub influence: Influence,
    /// The day the contact left the client's company.
    pub left_at: Option<NaiveDate>,
    /// The same person's record at a previous client, when they changed jobs between two
    /// clients of the firm. It always precedes this contact in [`DemoFirm::contacts`].
    pub previous_contact_external_id: Option<String>,
}

/// An account-team membership; open while `until` is `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoAssignment {
    pub account_external_id: String,
    pub user_key: String,
    pub role: AssignmentRole,
    pub access: Access,
    pub since: DateTime<Utc>,
    pub until: Option<DateTime<Utc>>,
}

/// A touchpoint with a client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoInteraction {
    /// Unique within the firm.
    pub external_id: String,
    pub account_external_id: String,
    pub kind: InteractionKind,
    pub occurred_at: DateTime<Utc>,
    pub summary: String,
    /// The employees who took part (at least one).
    pub employee_keys: Vec<String>,
    /// The client contacts who took part (none for internal notes).
    pub contact_external_ids: Vec<String>,
    pub on_behalf_of: OnBehalfOf,
    /// Set exactly on complaints.
    pub complaint_status: Option<ComplaintStatus>,
    /// Set on resolved complaints.
    pub resolved_at: Option<DateTime<Utc>>,
    /// Complaints only: who on the account team follows it up, and by when.
    pub follow_up_user_key: Option<String>,
    pub follow_up_due: Option<NaiveDate>,
    /// Set on resolved complaints: what was done.
    pub resolution: Option<String>,
}

/// A note of a complaint's follow-up trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoFollowUp {
    pub interaction_external_id: String,
    pub note: String,
    pub author_user_key: String,
    pub created_at: DateTime<Utc>,
}

/// A campaign; one with `sent` is loaded as a draft and then sent through the store's own
/// send, on that day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoCampaign {
    pub name: String,
    pub kind: CampaignKind,
    /// `None`: firm-wide.
    pub team_key: Option<String>,
    pub target: CampaignTarget,
    pub created_by_user_key: String,
    pub created_at: DateTime<Utc>,
    pub sent: Option<DemoCampaignSend>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoCampaignSend {
    pub sent_by_user_key: String,
    pub at: DateTime<Utc>,
    /// The acknowledgement of the campaign's warnings, if it has any.
    pub acknowledge_reason: Option<String>,
}

/// A client event held in the firm's name, with contacts of several accounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoEvent {
    /// Unique within the firm.
    pub key: String,
    pub name: String,
    pub kind: EventKind,
    pub occurred_at: DateTime<Utc>,
    pub summary: String,
    pub status: EventStatus,
    pub employee_keys: Vec<String>,
    pub contact_external_ids: Vec<String>,
    /// Its touchpoints in [`DemoFirm::interactions`], one per attending account.
    pub touchpoint_external_ids: Vec<String>,
}

/// The whole demo firm, in insertion order: teams, users (with their team and the teams they
/// lead), default team members, coverage policies, accounts, links, contacts (a contact's
/// `previous_contact_external_id` always comes earlier), assignments, interactions, complaint
/// follow-ups, campaigns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DemoFirm {
    /// The `now` the firm was generated for; every time lies at or before it, except the
    /// leave dates and agreement clauses still to come.
    pub generated_for: DateTime<Utc>,
    pub teams: Vec<DemoTeam>,
    pub users: Vec<DemoUser>,
    pub default_team_members: Vec<DemoDefaultTeamMember>,
    /// Tier A: ≥ 2 holders and ≥ 3 current contacts; tier B: ≥ 1 holder and ≥ 2 current
    /// contacts; tier C: none.
    pub coverage_policies: CoveragePolicies,
    pub accounts: Vec<DemoAccount>,
    pub account_links: Vec<DemoAccountLink>,
    pub contacts: Vec<DemoContact>,
    pub assignments: Vec<DemoAssignment>,
    pub interactions: Vec<DemoInteraction>,
    /// Client events; their touchpoints are among `interactions`.
    pub events: Vec<DemoEvent>,
    /// The follow-up trails of open complaints, oldest note first per complaint.
    pub follow_ups: Vec<DemoFollowUp>,
    pub campaigns: Vec<DemoCampaign>,
}
