//! Builders for the continuity model's tests.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

use super::facts::{AccountFacts, ContactFacts, EmployeeFacts, InteractionFacts, OpenAssignment};
use super::flags::{
    ChampionGone, ChampionLeftParams, DepartingHolder, DepartingHolderParams, Flag, KeyPersonParams, LeaverRef,
    NoOwnerParams, OpenComplaintParams, PolicyBreachParams, SingleContactParams, SingleOwnerParams,
    SingleThreadedParams, StaleParams,
};
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

/// One flag of every code in each of its shapes, every nullable parameter set in at least one:
/// what the wording tests hold [`explain`](super::explain) to.
pub fn sample_flags() -> Vec<Flag> {
    let bob = LeaverRef {
        user_id: 4,
        name: Some("Bob Ray".into()),
        status: Some(UserStatus::Leaving),
        leave_date: Some(date(2026, 2, 28)),
    };
    let gone = LeaverRef { user_id: 9, name: None, status: None, leave_date: None };
    let eve =
        LeaverRef { user_id: 5, name: Some("Eve Maas".into()), status: Some(UserStatus::Departed), leave_date: None };
    vec![
        Flag::NoOwner(NoOwnerParams { still_assigned: vec![] }),
        Flag::NoOwner(NoOwnerParams { still_assigned: vec![bob.clone(), eve.clone(), gone.clone()] }),
        Flag::SingleOwner(SingleOwnerParams { user_id: 1, name: Some("Ana Silva".into()) }),
        Flag::KeyPerson(KeyPersonParams {
            user_id: 1,
            name: Some("Ana Silva".into()),
            share: 0.8166,
            fallback_window_days: None,
        }),
        Flag::KeyPerson(KeyPersonParams {
            user_id: 2,
            name: Some("Ben Okafor".into()),
            share: 0.75,
            fallback_window_days: Some(365),
        }),
        Flag::SingleContact(SingleContactParams { current_contacts: 0, contact_id: None, name: None, share: None }),
        Flag::SingleContact(SingleContactParams {
            current_contacts: 1,
            contact_id: Some(11),
            name: Some("Carl Jung".into()),
            share: None,
        }),
        Flag::SingleContact(SingleContactParams {
            current_contacts: 3,
            contact_id: Some(12),
            name: Some("Jana Horak".into()),
            share: Some(0.72),
        }),
        Flag::SingleThreaded(SingleThreadedParams {
            user_id: 1,
            name: Some("Ana Silva".into()),
            contact_id: 11,
            contact_name: Some("Carl Jung".into()),
            share: 0.93,
        }),
        Flag::DepartingHolder(DepartingHolderParams {
            holders: vec![
                DepartingHolder { person: bob.clone(), share: Some(0.64) },
                DepartingHolder { person: eve, share: None },
                DepartingHolder { person: gone, share: None },
            ],
        }),
        Flag::DepartingHolder(DepartingHolderParams {
            holders: vec![DepartingHolder {
                person: LeaverRef { status: Some(UserStatus::Active), ..bob },
                share: Some(0.5),
            }],
        }),
        Flag::ChampionLeft(ChampionLeftParams {
            contacts: vec![ChampionGone {
                contact_id: 11,
                name: "Carl Jung".into(),
                share: 0.61,
                left_at: date(2025, 12, 3),
            }],
        }),
        Flag::Stale(StaleParams { days: None, last_on: None, median_gap_days: None, gap_multiple: None }),
        Flag::Stale(StaleParams { days: Some(120), last_on: None, median_gap_days: None, gap_multiple: None }),
        Flag::Stale(StaleParams {
            days: Some(91),
            last_on: Some(date(2025, 10, 2)),
            median_gap_days: None,
            gap_multiple: None,
        }),
        Flag::Stale(StaleParams {
            days: Some(47),
            last_on: Some(date(2025, 11, 15)),
            median_gap_days: Some(4.5),
            gap_multiple: Some(8.0),
        }),
        Flag::OpenComplaint(OpenComplaintParams { open_complaints: 1, oldest_since: date(2025, 6, 15) }),
        Flag::OpenComplaint(OpenComplaintParams { open_complaints: 3, oldest_since: date(2025, 5, 1) }),
        Flag::PolicyBreach(PolicyBreachParams {
            tier: Tier::A,
            min_holders: 2,
            min_current_contacts: 3,
            holders: 1,
            current_contacts: 1,
        }),
    ]
}
