//! The `stale` flag (PRODUCT.md, flags table, and "Decided since the first release": "Stale
//! means nobody talked to the client"): no conversation with a client contact for more than
//! 90 days, or — with ≥ 4 of them in the window — for more than 8 × the account's median gap
//! between them (and at least 30 days).
//!
//! A *conversation* is an interaction in which at least one client contact took part and that
//! is not a `note`. A campaign's or gift's organisation touchpoint without contacts, or an
//! internal note, is no conversation: a newsletter to every client must not make every
//! account look looked after. Both rules read only conversations; `last_interaction_at` still
//! reports the latest interaction of any kind.

use chrono::{DateTime, Duration, Utc};

use super::facts::InteractionFacts;
use super::flags::StaleParams;
use super::settings::Settings;
use crate::model::InteractionKind;

const SECONDS_PER_DAY: f64 = 86_400.0;

/// The latest interaction of the account, of any kind and attribution.
pub fn last_interaction_at(interactions: &[InteractionFacts]) -> Option<DateTime<Utc>> {
    interactions.iter().map(|interaction| interaction.occurred_at).max()
}

/// Whether the interaction was a conversation with the client: at least one client contact
/// took part, and it is not a `note`. Only these count for `stale`.
pub fn is_client_conversation(interaction: &InteractionFacts) -> bool {
    interaction.kind != InteractionKind::Note && !interaction.contact_ids.is_empty()
}

/// The latest conversation with a client contact (see [`is_client_conversation`]).
pub fn last_contact_at(interactions: &[InteractionFacts]) -> Option<DateTime<Utc>> {
    conversations(interactions).map(|interaction| interaction.occurred_at).max()
}

fn conversations(interactions: &[InteractionFacts]) -> impl Iterator<Item = &InteractionFacts> {
    interactions.iter().filter(|interaction| is_client_conversation(interaction))
}

/// The median gap, in days, between consecutive conversations with a client contact (see
/// [`is_client_conversation`]) of the window, when it holds at least
/// `stale_gap_min_interactions` of them. They are taken in time order; with an even number of
/// gaps the median is the mean of the middle two. Other interactions are ignored.
pub fn median_gap_days(interactions: &[InteractionFacts], settings: &Settings, now: DateTime<Utc>) -> Option<f64> {
    let window_start = now - Duration::days(settings.window_days);
    let mut times: Vec<DateTime<Utc>> = conversations(interactions)
        .map(|interaction| interaction.occurred_at)
        .filter(|occurred_at| *occurred_at >= window_start)
        .collect();
    if times.len() < settings.stale_gap_min_interactions.max(2) {
        return None;
    }
    times.sort_unstable();
    let mut gaps: Vec<f64> =
        times.windows(2).map(|pair| (pair[1] - pair[0]).num_seconds() as f64 / SECONDS_PER_DAY).collect();
    gaps.sort_unstable_by(f64::total_cmp);
    let middle = gaps.len() / 2;
    match gaps.len() % 2 {
        1 => gaps.get(middle).copied(),
        _ => Some((gaps.get(middle - 1)? + gaps.get(middle)?) / 2.0),
    }
}

/// The figures of a stale account, or `None` when it is not stale. Only conversations with a
/// client contact count (see [`is_client_conversation`]; PRODUCT.md, "Stale means nobody
/// talked to the client"). An account with none at all is stale once it is older than the
/// stale threshold (or when its creation time is unknown).
pub fn stale_params(
    interactions: &[InteractionFacts],
    created_at: Option<DateTime<Utc>>,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Option<StaleParams> {
    let stale_after = settings.stale_after_days as f64;
    let Some(last) = last_contact_at(interactions) else {
        return match created_at {
            None => Some(StaleParams { days: None, last_on: None, median_gap_days: None, gap_multiple: None }),
            Some(created_at) => {
                let age = days_between(created_at, now);
                (age > stale_after).then_some(StaleParams {
                    days: Some(whole_days(age)),
                    last_on: None,
                    median_gap_days: None,
                    gap_multiple: None,
                })
            }
        };
    };
    let silent = days_between(last, now);
    let mut params = StaleParams {
        days: Some(whole_days(silent)),
        last_on: Some(last.date_naive()),
        median_gap_days: None,
        gap_multiple: None,
    };
    if silent > stale_after {
        return Some(params);
    }
    let median = median_gap_days(interactions, settings, now)?;
    let threshold = (settings.stale_median_gap_multiple * median).max(settings.stale_min_days as f64);
    (silent > threshold).then(|| {
        params.median_gap_days = Some(median);
        params.gap_multiple = Some(settings.stale_median_gap_multiple);
        params
    })
}

fn days_between(from: DateTime<Utc>, to: DateTime<Utc>) -> f64 {
    (to - from).num_seconds() as f64 / SECONDS_PER_DAY
}

/// Completed days.
fn whole_days(days: f64) -> i64 {
    days.floor() as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::continuity::test_support::{interaction, now, on_behalf_of_organisation};
    use crate::model::InteractionKind::{Call, Email, Event, Gift, Meeting, Note};

    use crate::continuity::Flag;
    use crate::language::Language;

    /// The stale flag's English explanation, if raised.
    fn stale_explanation(
        interactions: &[InteractionFacts],
        created_at: Option<DateTime<Utc>>,
        settings: &Settings,
        now: DateTime<Utc>,
    ) -> Option<String> {
        stale_params(interactions, created_at, settings, now)
            .map(|params| Flag::Stale(params).explanation(Language::English))
    }

    /// Weekly calls until 60 days ago: stale by their own rhythm, whatever else happened since.
    #[track_caller]
    fn assert_silent_for_eight_weekly_gaps(interactions: &[InteractionFacts], settings: &Settings) {
        assert_eq!(median_gap_days(interactions, settings, now()), Some(7.0));
        assert_eq!(
            stale_explanation(interactions, None, settings, now()).as_deref(),
            Some(
                "No conversation with a client contact for 60 days (last on 2025-11-02), \
                 more than 8 × the median gap of 7 days between conversations"
            )
        );
    }

    /// Calls of employee 1 with client contact 11, `days` ago each.
    fn calls_days_ago(days: &[i64]) -> Vec<InteractionFacts> {
        days.iter().map(|&days_ago| interaction(Call, days_ago, &[1], &[11])).collect()
    }

    /// A firm-wide newsletter as a campaign logs it: an e-mail in the firm's name, nobody named.
    fn newsletter(days_ago: i64) -> InteractionFacts {
        on_behalf_of_organisation(interaction(Email, days_ago, &[], &[]))
    }

    #[test]
    fn ninety_days_of_silence_is_not_yet_stale_but_ninety_one_is() {
        let settings = Settings::default();
        assert_eq!(stale_explanation(&calls_days_ago(&[90]), None, &settings, now()), None);
        assert_eq!(
            stale_explanation(&calls_days_ago(&[91]), None, &settings, now()).as_deref(),
            Some("No conversation with a client contact for 91 days (last on 2025-10-02)")
        );
    }

    #[test]
    fn weekly_contact_silent_for_sixty_days_is_stale_by_its_own_rhythm() {
        let settings = Settings::default();
        let interactions = calls_days_ago(&[60, 67, 74, 81, 88]);
        assert_silent_for_eight_weekly_gaps(&interactions, &settings);
    }

    #[test]
    fn daily_contact_silent_for_twenty_days_is_not_stale_because_of_the_thirty_day_floor() {
        let settings = Settings::default();
        let interactions = calls_days_ago(&[20, 21, 22, 23, 24]);
        assert_eq!(stale_explanation(&interactions, None, &settings, now()), None);
    }

    #[test]
    fn three_interactions_are_too_few_for_the_rhythm_rule() {
        let settings = Settings::default();
        assert_eq!(stale_explanation(&calls_days_ago(&[60, 61, 62]), None, &settings, now()), None);
    }

    #[test]
    fn a_new_account_without_interactions_is_not_stale_until_the_threshold_passes() {
        let settings = Settings::default();
        let recent = Some(now() - Duration::days(10));
        assert_eq!(stale_explanation(&[], recent, &settings, now()), None);
        let old = Some(now() - Duration::days(100));
        assert_eq!(
            stale_explanation(&[], old, &settings, now()).as_deref(),
            Some("No conversation with a client contact on record since the account was created 100 days ago")
        );
        assert!(stale_explanation(&[], None, &settings, now()).is_some());
    }

    #[test]
    fn a_newsletter_to_every_client_does_not_reset_the_clock() {
        let settings = Settings::default();
        let mut interactions = calls_days_ago(&[120]);
        interactions.push(newsletter(0));
        assert_eq!(last_interaction_at(&interactions), Some(now()), "the newsletter is the latest interaction");
        assert_eq!(last_contact_at(&interactions), Some(now() - Duration::days(120)));
        assert_eq!(
            stale_explanation(&interactions, None, &settings, now()).as_deref(),
            Some("No conversation with a client contact for 120 days (last on 2025-09-03)")
        );
    }

    #[test]
    fn a_gift_in_the_firms_name_or_an_internal_note_does_not_reset_the_clock_either() {
        let settings = Settings::default();
        for recent in [
            on_behalf_of_organisation(interaction(Gift, 0, &[1], &[])),
            interaction(Gift, 0, &[1], &[]),
            // A note names the contact it is about, and is still no conversation.
            interaction(Note, 0, &[1], &[11]),
            interaction(Meeting, 0, &[1], &[]),
        ] {
            let mut interactions = calls_days_ago(&[120]);
            interactions.push(recent.clone());
            assert!(stale_explanation(&interactions, None, &settings, now()).is_some(), "{recent:?} reset the clock");
            assert_eq!(last_contact_at(&interactions), Some(now() - Duration::days(120)), "{recent:?}");
        }
    }

    #[test]
    fn a_call_with_a_client_contact_or_a_client_day_they_attend_makes_the_account_fresh() {
        let settings = Settings::default();
        for recent in [
            interaction(Call, 0, &[1], &[11]),
            on_behalf_of_organisation(interaction(Event, 0, &[], &[11])),
            interaction(Gift, 0, &[1], &[11]),
        ] {
            let mut interactions = calls_days_ago(&[120]);
            interactions.push(recent.clone());
            assert_eq!(stale_explanation(&interactions, None, &settings, now()), None, "{recent:?}");
            assert_eq!(last_contact_at(&interactions), Some(now()));
        }
    }

    #[test]
    fn only_conversations_set_the_rhythm_of_the_median_gap_rule() {
        let settings = Settings::default();
        // Weekly calls until 60 days ago, then only daily internal notes and a weekly newsletter.
        let mut interactions = calls_days_ago(&[60, 67, 74, 81, 88]);
        interactions.extend((0..60).map(|days_ago| interaction(Note, days_ago, &[1], &[11])));
        interactions.extend((0..60).step_by(7).map(newsletter));
        assert_silent_for_eight_weekly_gaps(&interactions, &settings);
    }

    #[test]
    fn an_account_that_only_ever_had_newsletters_has_no_conversation_on_record() {
        let settings = Settings::default();
        let interactions = [newsletter(3), newsletter(40)];
        assert_eq!(last_contact_at(&interactions), None);
        let created = Some(now() - Duration::days(200));
        assert_eq!(
            stale_explanation(&interactions, created, &settings, now()).as_deref(),
            Some("No conversation with a client contact on record since the account was created 200 days ago")
        );
    }
}
