//! The demo firm's campaigns and complaint follow-up trails, derived from the firm once it is
//! built (no random draws, so the rest of the firm stays as it was).

use chrono::{DateTime, Duration, Utc};

use super::{DemoCampaign, DemoCampaignSend, DemoFollowUp, DemoInteraction, DemoTeam, DemoUser};
use crate::campaigns::{CampaignTarget, TargetFilter};
use crate::model::{CampaignKind, ComplaintStatus, Role, Tier};

/// Four campaigns around the first team's lead: a tier-A apology still in draft (it warns), a
/// firm-wide client-day invitation in draft (fair), a tier-A year-end gift sent 40 days ago
/// with an acknowledged warning, and a newsletter to a whole team sent 20 days ago.
pub(super) fn demo_campaigns(teams: &[DemoTeam], users: &[DemoUser], now: DateTime<Utc>) -> Vec<DemoCampaign> {
    let Some(first_team) = teams.first() else { return Vec::new() };
    let lead_of = |team: &DemoTeam| {
        users.iter().find(|user| user.lead_of_team_keys.contains(&team.key)).map(|user| user.key.clone())
    };
    let admin = users.iter().find(|user| user.role == Role::Admin).map(|user| user.key.clone());
    let (Some(lead), Some(admin)) = (lead_of(first_team), admin) else { return Vec::new() };
    let tier_a = CampaignTarget::Filter(TargetFilter { tiers: vec![Tier::A], ..TargetFilter::default() });
    let everyone = CampaignTarget::Filter(TargetFilter::default());
    let second_team = teams.get(1).unwrap_or(first_team);
    vec![
        DemoCampaign {
            name: "Apology for the delayed statements".into(),
            kind: CampaignKind::Apology,
            team_key: Some(first_team.key.clone()),
            target: tier_a.clone(),
            created_by_user_key: lead.clone(),
            created_at: now - Duration::days(2),
            sent: None,
        },
        DemoCampaign {
            name: "Client day invitation".into(),
            kind: CampaignKind::Invitation,
            team_key: None,
            target: everyone.clone(),
            created_by_user_key: admin.clone(),
            created_at: now - Duration::days(5),
            sent: None,
        },
        DemoCampaign {
            name: "Year-end gift".into(),
            kind: CampaignKind::Gift,
            team_key: Some(first_team.key.clone()),
            target: tier_a,
            created_by_user_key: lead.clone(),
            created_at: now - Duration::days(45),
            sent: Some(DemoCampaignSend {
                sent_by_user_key: lead,
                at: now - Duration::days(40),
                acknowledge_reason: Some(
                    "Tier A agreements include the year-end gift; the others get the newsletter".into(),
                ),
            }),
        },
        DemoCampaign {
            name: "Quarterly newsletter".into(),
            kind: CampaignKind::Mailing,
            team_key: Some(second_team.key.clone()),
            target: everyone,
            created_by_user_key: admin.clone(),
            created_at: now - Duration::days(21),
            sent: Some(DemoCampaignSend {
                sent_by_user_key: admin,
                at: now - Duration::days(20),
                acknowledge_reason: None,
            }),
        },
    ]
}

const NOTES: &[&str] = &[
    "Called the client, apologised and explained what went wrong.",
    "Asked operations for the root cause; waiting for their answer.",
    "Sent the corrected document and offered a meeting.",
    "Client confirmed they received the correction; checking in again next week.",
];

/// What was done, for resolved complaints (by the complaint's position, not drawn at random).
pub(super) const RESOLUTIONS: &[&str] = &[
    "Apologised, corrected the error and refunded the fee.",
    "Explained the change in person and agreed a new schedule.",
    "Escalated to operations; the process was fixed and the client informed.",
];

/// A follow-up trail for every open complaint older than a week: a first note two days after
/// it was logged and, after three weeks, a second one a week later — by its follow-up owner.
pub(super) fn complaint_follow_ups(interactions: &[DemoInteraction], now: DateTime<Utc>) -> Vec<DemoFollowUp> {
    let mut trail = Vec::new();
    for (index, complaint) in interactions.iter().enumerate() {
        if complaint.complaint_status != Some(ComplaintStatus::Open) || now - complaint.occurred_at < Duration::days(7)
        {
            continue;
        }
        let Some(author) = complaint.follow_up_user_key.clone().or_else(|| complaint.employee_keys.first().cloned())
        else {
            continue;
        };
        let mut days = vec![2];
        if now - complaint.occurred_at > Duration::days(21) {
            days.push(9);
        }
        for (step, after_days) in days.into_iter().enumerate() {
            trail.push(DemoFollowUp {
                interaction_external_id: complaint.external_id.clone(),
                note: NOTES[(index + step) % NOTES.len()].to_owned(),
                author_user_key: author.clone(),
                created_at: complaint.occurred_at + Duration::days(after_days),
            });
        }
    }
    trail
}
