//! Builders for the continuity model's tests.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

use super::facts::{AccountFacts, ContactFacts, EmployeeFacts, InteractionFacts, OpenAssignment};
use super::ids::{AccountId, ContactId, TeamId, UserId};
use crate::model::{
    AccountStatus, AssignmentRole, ComplaintStatus, Influence, InteractionKind, OnBehalfOf, Tier, UserStatus,
};

pub const TEAM: TeamId = 1;

/// The fixed "now" of the tests: 2026-01-01 12:00 UTC.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).single().unwrap_or_default()
}

pub fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

pub fn employee(id: UserId, display_name: &str) -> EmployeeFacts {
    EmployeeFacts {
        id,
        display_name: display_name.to_owned(),
        status: UserStatus::Active,
        leave_date: None,
        team_id: Some(TEAM),
        non_solicitation_until: None,
        non_compete_until: None,
    }
}

pub fn leaving(mut employee: EmployeeFacts, leave_date: NaiveDate) -> EmployeeFacts {
    employee.status = UserStatus::Leaving;
    employee.leave_date = Some(leave_date);
    employee
}

pub fn account(id: AccountId, name: &str, tier: Tier, annual_value_minor: i64) -> AccountFacts {
    AccountFacts {
        id,
        name: name.to_owned(),
        tier,
        annual_value_minor,
        currency: "EUR".to_owned(),
        status: AccountStatus::Active,
        team_id: TEAM,
        created_at: None,
        assignments: Vec::new(),
        contacts: Vec::new(),
        interactions: Vec::new(),
        linked: false,
    }
}

pub fn contact(id: ContactId, name: &str) -> ContactFacts {
    ContactFacts { id, name: name.to_owned(), influence: Influence::DecisionMaker, left_at: None }
}

pub fn interaction(
    kind: InteractionKind,
    days_ago: i64,
    employee_ids: &[UserId],
    contact_ids: &[ContactId],
) -> InteractionFacts {
    InteractionFacts {
        id: 0,
        occurred_at: now() - Duration::days(days_ago),
        kind,
        on_behalf_of: OnBehalfOf::Person,
        employee_ids: employee_ids.to_vec(),
        contact_ids: contact_ids.to_vec(),
        complaint_status: None,
    }
}

pub fn open_complaint(days_ago: i64, employee_ids: &[UserId], contact_ids: &[ContactId]) -> InteractionFacts {
    InteractionFacts {
        complaint_status: Some(ComplaintStatus::Open),
        ..interaction(InteractionKind::Complaint, days_ago, employee_ids, contact_ids)
    }
}

pub fn on_behalf_of_organisation(mut interaction: InteractionFacts) -> InteractionFacts {
    interaction.on_behalf_of = OnBehalfOf::Organisation;
    interaction
}

/// Builder-style additions to an account.
pub trait AccountBuilder {
    fn assigned(self, user_ids: &[UserId]) -> Self;
    fn with_contacts(self, contacts: Vec<ContactFacts>) -> Self;
    fn with_interactions(self, interactions: Vec<InteractionFacts>) -> Self;
}

impl AccountBuilder for AccountFacts {
    fn assigned(mut self, user_ids: &[UserId]) -> Self {
        self.assignments
            .extend(user_ids.iter().map(|&user_id| OpenAssignment { user_id, role: AssignmentRole::Owner }));
        self
    }

    fn with_contacts(mut self, contacts: Vec<ContactFacts>) -> Self {
        self.contacts.extend(contacts);
        self
    }

    fn with_interactions(mut self, interactions: Vec<InteractionFacts>) -> Self {
        let first_id = self.interactions.len() as i64 + self.id * 1_000;
        self.interactions.extend(
            interactions
                .into_iter()
                .enumerate()
                .map(|(offset, interaction)| InteractionFacts { id: first_id + offset as i64, ..interaction }),
        );
        self
    }
}
