//! Relationship strength (PRODUCT.md, "The continuity model"):
//! `s(e,a) = Σ w(kind_i) · 2^(−age_days(i)/H)` over the interactions of the last 365 days in
//! which `e` took part and that were made on behalf of a person. The same sum over client
//! contacts gives contact strength, and over (employee, contact) pairs thread strength.
//! Interactions made on behalf of the organisation add to the institutional score instead.

use chrono::{DateTime, Utc};

use super::facts::InteractionFacts;
use super::ids::{ContactId, UserId};
use super::settings::Settings;
use crate::model::{InteractionKind, OnBehalfOf};

const SECONDS_PER_DAY: f64 = 86_400.0;

/// The decayed weight `w(kind) · 2^(−age_days/H)` of an interaction, or `None` when it lies
/// outside the window (older than `window_days`). An interaction dated in the future (logging
/// is allowed up to a day ahead) counts as if it happened now.
pub fn decayed_weight(
    kind: InteractionKind,
    occurred_at: DateTime<Utc>,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Option<f64> {
    let age_days = ((now - occurred_at).num_seconds() as f64 / SECONDS_PER_DAY).max(0.0);
    if age_days > settings.window_days as f64 {
        return None;
    }
    let weight = settings.kind_weights.weight(kind);
    Some(weight * (-age_days / settings.half_life_days).exp2())
}

/// The strength sums of one account, each list sorted by id with one entry per id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Strengths {
    pub employees: Vec<(UserId, f64)>,
    pub contacts: Vec<(ContactId, f64)>,
    pub threads: Vec<((UserId, ContactId), f64)>,
    /// Σ decayed weight of the window's organisation-attributed interactions.
    pub institutional_score: f64,
    /// Interactions in the window made on behalf of a person.
    pub personal_interactions: usize,
}

impl Strengths {
    pub fn employee_total(&self) -> f64 {
        self.employees.iter().map(|(_, strength)| strength).sum()
    }

    pub fn contact_total(&self) -> f64 {
        self.contacts.iter().map(|(_, strength)| strength).sum()
    }

    pub fn thread_total(&self) -> f64 {
        self.threads.iter().map(|(_, strength)| strength).sum()
    }
}

/// Sums the strengths of one account's interactions. Each participant of an interaction
/// receives its full weight (a meeting of two managers strengthens both).
pub fn strengths(interactions: &[InteractionFacts], settings: &Settings, now: DateTime<Utc>) -> Strengths {
    let mut result = Strengths::default();
    for interaction in interactions {
        let Some(weight) = decayed_weight(interaction.kind, interaction.occurred_at, settings, now) else {
            continue;
        };
        match interaction.on_behalf_of {
            OnBehalfOf::Organisation => result.institutional_score += weight,
            OnBehalfOf::Person => {
                result.personal_interactions += 1;
                for &user_id in &interaction.employee_ids {
                    result.employees.push((user_id, weight));
                    for &contact_id in &interaction.contact_ids {
                        result.threads.push(((user_id, contact_id), weight));
                    }
                }
                for &contact_id in &interaction.contact_ids {
                    result.contacts.push((contact_id, weight));
                }
            }
        }
    }
    merge_by_key(&mut result.employees);
    merge_by_key(&mut result.contacts);
    merge_by_key(&mut result.threads);
    result
}

/// Sorts `(key, amount)` pairs by key and adds up the amounts of equal keys, in place.
fn merge_by_key<K: Ord + Copy>(pairs: &mut Vec<(K, f64)>) {
    pairs.sort_unstable_by_key(|(key, _)| *key);
    pairs.dedup_by(|later, earlier| {
        if later.0 == earlier.0 {
            earlier.1 += later.1;
            true
        } else {
            false
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).single().expect("valid time")
    }

    fn interaction(
        kind: InteractionKind,
        days_ago: i64,
        on_behalf_of: OnBehalfOf,
        employees: &[UserId],
        contacts: &[ContactId],
    ) -> InteractionFacts {
        InteractionFacts {
            id: 0,
            occurred_at: now() - Duration::days(days_ago),
            kind,
            on_behalf_of,
            employee_ids: employees.to_vec(),
            contact_ids: contacts.to_vec(),
            complaint_status: None,
        }
    }

    #[test]
    fn a_meeting_one_half_life_ago_weighs_half_its_kind_weight() {
        let settings = Settings::default();
        let weight = decayed_weight(InteractionKind::Meeting, now() - Duration::days(90), &settings, now());
        assert!((weight.unwrap_or_default() - 1.5).abs() < 1e-12);
        let today = decayed_weight(InteractionKind::Note, now(), &settings, now());
        assert_eq!(today, Some(0.5));
    }

    #[test]
    fn interactions_older_than_the_window_do_not_count() {
        let settings = Settings::default();
        assert!(decayed_weight(InteractionKind::Call, now() - Duration::days(365), &settings, now()).is_some());
        assert!(decayed_weight(InteractionKind::Call, now() - Duration::days(366), &settings, now()).is_none());
    }

    #[test]
    fn a_future_interaction_counts_as_if_it_happened_now() {
        let settings = Settings::default();
        let weight = decayed_weight(InteractionKind::Email, now() + Duration::hours(20), &settings, now());
        assert_eq!(weight, Some(1.0));
    }

    #[test]
    fn organisation_interactions_feed_the_institutional_score_and_no_persons_strength() {
        let settings = Settings::default();
        let interactions = [
            interaction(InteractionKind::Gift, 0, OnBehalfOf::Organisation, &[1], &[10]),
            interaction(InteractionKind::Meeting, 0, OnBehalfOf::Person, &[1, 2], &[10]),
            interaction(InteractionKind::Call, 0, OnBehalfOf::Person, &[1], &[10, 11]),
        ];
        let result = strengths(&interactions, &settings, now());
        assert_eq!(result.institutional_score, 1.0);
        assert_eq!(result.personal_interactions, 2);
        assert_eq!(result.employees, vec![(1, 5.0), (2, 3.0)]);
        assert_eq!(result.contacts, vec![(10, 5.0), (11, 2.0)]);
        assert_eq!(result.threads, vec![((1, 10), 5.0), ((1, 11), 2.0), ((2, 10), 3.0)]);
    }
}
