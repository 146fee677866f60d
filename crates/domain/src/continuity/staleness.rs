//! The `stale` flag (PRODUCT.md, flags table): no interaction for more than 90 days, or —
//! with ≥ 4 interactions — for more than 8 × the account's median gap between interactions
//! (and at least 30 days).

use chrono::{DateTime, Duration, Utc};

use super::facts::InteractionFacts;
use super::flags::StaleParams;
use super::settings::Settings;

const SECONDS_PER_DAY: f64 = 86_400.0;

/// The latest interaction of the account, of any kind and attribution.
pub fn last_interaction_at(interactions: &[InteractionFacts]) -> Option<DateTime<Utc>> {
    interactions.iter().map(|interaction| interaction.occurred_at).max()
}

/// The median gap, in days, between consecutive interactions of the window, when it holds at
/// least `stale_gap_min_interactions` of them. Interactions are taken in time order; with an
/// even number of gaps the median is the mean of the middle two.
pub fn median_gap_days(interactions: &[InteractionFacts], settings: &Settings, now: DateTime<Utc>) -> Option<f64> {
    let window_start = now - Duration::days(settings.window_days);
    let mut times: Vec<DateTime<Utc>> = interactions
        .iter()
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

/// The figures of a stale account, or `None` when it is not stale. An account with no
/// interaction at all is stale once it is older than the stale threshold (or when its
/// creation time is unknown). The explanation calls what counts a conversation with a client
/// contact (PRODUCT.md, "Stale means nobody talked to the client").
pub fn stale_params(
    interactions: &[InteractionFacts],
    created_at: Option<DateTime<Utc>>,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Option<StaleParams> {
    let stale_after = settings.stale_after_days as f64;
    let Some(last) = last_interaction_at(interactions) else {
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
    use crate::continuity::Flag;
    use crate::language::Language;
    use crate::model::{InteractionKind, OnBehalfOf};
    use chrono::TimeZone;

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

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).single().expect("valid time")
    }

    fn at_days_ago(days: &[i64]) -> Vec<InteractionFacts> {
        days.iter()
            .map(|&days_ago| InteractionFacts {
                id: days_ago,
                occurred_at: now() - Duration::days(days_ago),
                kind: InteractionKind::Call,
                on_behalf_of: OnBehalfOf::Person,
                employee_ids: vec![1],
                contact_ids: vec![],
                complaint_status: None,
            })
            .collect()
    }

    #[test]
    fn ninety_days_of_silence_is_not_yet_stale_but_ninety_one_is() {
        let settings = Settings::default();
        assert_eq!(stale_explanation(&at_days_ago(&[90]), None, &settings, now()), None);
        assert_eq!(
            stale_explanation(&at_days_ago(&[91]), None, &settings, now()).as_deref(),
            Some("No conversation with a client contact for 91 days (last on 2025-10-02)")
        );
    }

    #[test]
    fn weekly_contact_silent_for_sixty_days_is_stale_by_its_own_rhythm() {
        let settings = Settings::default();
        let interactions = at_days_ago(&[60, 67, 74, 81, 88]);
        assert_eq!(median_gap_days(&interactions, &settings, now()), Some(7.0));
        let params = stale_params(&interactions, None, &settings, now()).expect("stale");
        assert_eq!((params.days, params.median_gap_days, params.gap_multiple), (Some(60), Some(7.0), Some(8.0)));
        assert_eq!(
            stale_explanation(&interactions, None, &settings, now()).as_deref(),
            Some("No conversation with a client contact for 60 days (last on 2025-11-02), more than 8 × the median gap of 7 days between conversations")
        );
    }

    #[test]
    fn daily_contact_silent_for_twenty_days_is_not_stale_because_of_the_thirty_day_floor() {
        let settings = Settings::default();
        let interactions = at_days_ago(&[20, 21, 22, 23, 24]);
        assert_eq!(stale_explanation(&interactions, None, &settings, now()), None);
    }

    #[test]
    fn three_interactions_are_too_few_for_the_rhythm_rule() {
        let settings = Settings::default();
        assert_eq!(stale_explanation(&at_days_ago(&[60, 61, 62]), None, &settings, now()), None);
    }

    #[test]
    fn a_new_account_without_interactions_is_not_stale_until_the_threshold_passes() {
        let settings = Settings::default();
        let recent = Some(now() - Duration::days(10));
        assert_eq!(stale_explanation(&[], recent, &settings, now()), None);
        let old = Some(now() - Duration::days(100));
        assert!(stale_explanation(&[], old, &settings, now()).is_some());
        assert!(stale_explanation(&[], None, &settings, now()).is_some());
    }
}
