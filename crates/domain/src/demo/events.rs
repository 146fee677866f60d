//! The demo firm's client events: a few client days, seminars and dinners over the last year,
//! each with contacts of several accounts (one includes accounts of the demo member), so the
//! event list and every account network view have something to show.

use chrono::{DateTime, Duration, Utc};

use super::rng::DemoRng;
use super::{DemoAccount, DemoAssignment, DemoContact, DemoEvent, DemoInteraction, DemoUser, DEMO_MEMBER_EMAIL};
use crate::model::{AccountStatus, EventKind, EventStatus, InteractionKind, OnBehalfOf};

/// (name, kind, days ago, accounts attending).
const EVENTS: [(&str, EventKind, i64, usize); 6] = [
    ("Autumn client day", EventKind::ClientDay, 300, 5),
    ("Treasury seminar", EventKind::Seminar, 200, 4),
    ("Partners' dinner", EventKind::Dinner, 120, 3),
    ("Spring client day", EventKind::ClientDay, 60, 6),
    ("Regulation update seminar", EventKind::Seminar, 25, 4),
    ("Founders' dinner", EventKind::Dinner, 6, 3),
];

/// The events and, for each, one organisation-attributed touchpoint per attending account
/// (appended to `interactions`, the way the events store records them). The oldest event is
/// closed; the others are open.
pub(crate) fn events(
    rng: &mut DemoRng,
    now: DateTime<Utc>,
    users: &[DemoUser],
    accounts: &[DemoAccount],
    contacts: &[DemoContact],
    assignments: &[DemoAssignment],
    interactions: &mut Vec<DemoInteraction>,
) -> Vec<DemoEvent> {
    let today = now.date_naive();
    let current = |account: &DemoAccount| -> Vec<&DemoContact> {
        contacts
            .iter()
            .filter(|contact| contact.account_external_id == account.external_id)
            .filter(|contact| contact.left_at.is_none_or(|left| left > today))
            .collect()
    };
    let candidates: Vec<&DemoAccount> = accounts
        .iter()
        .filter(|account| account.status == AccountStatus::Active && !current(account).is_empty())
        .collect();
    let member_key = users.iter().find(|user| user.email == DEMO_MEMBER_EMAIL).map(|user| user.key.clone());
    let member_accounts: Vec<&str> = assignments
        .iter()
        .filter(|assignment| assignment.until.is_none() && Some(&assignment.user_key) == member_key.as_ref())
        .map(|assignment| assignment.account_external_id.as_str())
        .collect();
    let mut events = Vec::new();
    for (position, (name, kind, days_ago, attending)) in EVENTS.iter().enumerate() {
        let occurred_at = now - Duration::days(*days_ago) - Duration::hours(14);
        let mut chosen: Vec<&DemoAccount> = Vec::new();
        // Two events include two of the demo member's accounts.
        if position % 3 == 0 {
            for external_id in member_accounts.iter().skip(position).take(2) {
                if let Some(account) = candidates.iter().find(|account| account.external_id == *external_id) {
                    chosen.push(account);
                }
            }
        }
        while chosen.len() < *attending && chosen.len() < candidates.len() {
            let Some(account) = rng.pick(&candidates) else { break };
            if !chosen.iter().any(|seen| seen.external_id == account.external_id) {
                chosen.push(account);
            }
        }
        let mut employee_keys: Vec<String> = Vec::new();
        let mut contact_external_ids = Vec::new();
        let mut touchpoint_external_ids = Vec::new();
        for account in &chosen {
            let team: Vec<&DemoAssignment> = assignments
                .iter()
                .filter(|assignment| {
                    assignment.account_external_id == account.external_id && assignment.until.is_none()
                })
                .collect();
            if let Some(assignment) = rng.pick(&team) {
                if !employee_keys.contains(&assignment.user_key) {
                    employee_keys.push(assignment.user_key.clone());
                }
            }
        }
        employee_keys.truncate(3);
        for account in &chosen {
            let people = current(account);
            let attendees: Vec<String> =
                people.iter().take(1 + rng.index(2)).map(|contact| contact.external_id.clone()).collect();
            let external_id = format!("DEMO-EV-{:02}-{}", position + 1, account.external_id);
            interactions.push(DemoInteraction {
                external_id: external_id.clone(),
                account_external_id: account.external_id.clone(),
                kind: InteractionKind::Event,
                occurred_at,
                summary: (*name).to_owned(),
                employee_keys: employee_keys.clone(),
                contact_external_ids: attendees.clone(),
                on_behalf_of: OnBehalfOf::Organisation,
                complaint_status: None,
                resolved_at: None,
                resolution: None,
                follow_up_user_key: None,
                follow_up_due: None,
            });
            contact_external_ids.extend(attendees);
            touchpoint_external_ids.push(external_id);
        }
        events.push(DemoEvent {
            key: format!("DEMO-EV-{:02}", position + 1),
            name: (*name).to_owned(),
            kind: *kind,
            occurred_at,
            summary: format!("{name}, held in the firm's name."),
            status: if position == 0 { EventStatus::Closed } else { EventStatus::Open },
            employee_keys,
            contact_external_ids,
            touchpoint_external_ids,
        });
    }
    events
}
