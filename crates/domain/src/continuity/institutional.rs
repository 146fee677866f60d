//! The account's ties to the firm as an institution (PRODUCT.md: "relationship gestures made
//! in the organisation's name", "connecting clients to each other"): whether it has one at all,
//! and how its institutional score moved over the last nine months.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::facts::InteractionFacts;
use super::settings::Settings;
use super::strength::decayed_weight;
use crate::model::OnBehalfOf;

/// How far back each point of [`institutional_trend`] lies, in days before `now`.
pub const TREND_OFFSETS_DAYS: [i64; 4] = [270, 180, 90, 0];

/// Whether an account has an institutional tie: an organisation-attributed touchpoint (event,
/// gift, campaign…) within the model's window (`window_days`, 365 by default) or any current
/// account link (`referred_by`, `same_group`, `partner`). A link counts for as long as it
/// stands: a group or partnership is a standing tie, not a gesture that fades.
pub fn has_institutional_tie(
    interactions: &[InteractionFacts],
    linked: bool,
    settings: &Settings,
    now: DateTime<Utc>,
) -> bool {
    linked
        || interactions.iter().any(|interaction| {
            interaction.on_behalf_of == OnBehalfOf::Organisation
                && decayed_weight(interaction.kind, interaction.occurred_at, settings, now).is_some()
        })
}

/// One point of the institutional trend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstitutionalPoint {
    pub as_of: NaiveDate,
    pub score: f64,
}

/// The institutional score as it stood at each of [`TREND_OFFSETS_DAYS`] before `now`
/// (oldest first): at each point, the sum over the organisation-attributed interactions that
/// had happened by then of their decayed weight as of then — the same weights, half-life and
/// window as the model's `institutional_score`, so the last point equals it. `interactions`
/// must hold every organisation-attributed interaction of the last `window_days + 270` days;
/// personal ones are ignored.
pub fn institutional_trend(
    interactions: &[InteractionFacts],
    settings: &Settings,
    now: DateTime<Utc>,
) -> Vec<InstitutionalPoint> {
    TREND_OFFSETS_DAYS
        .iter()
        .map(|days| {
            let as_of = now - Duration::days(*days);
            let score = interactions
                .iter()
                .filter(|interaction| interaction.on_behalf_of == OnBehalfOf::Organisation)
                // Logged up to a day ahead counts from now on (as the model does), but an
                // interaction after a past point had not happened yet at that point.
                .filter(|interaction| *days == 0 || interaction.occurred_at <= as_of)
                .filter_map(|interaction| decayed_weight(interaction.kind, interaction.occurred_at, settings, as_of))
                // Not `sum()`: an empty f64 sum is -0.0, which would be answered as `-0.0`.
                .fold(0.0, |total, weight| total + weight);
            InstitutionalPoint { as_of: as_of.date_naive(), score }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::continuity::strength::strengths;
    use crate::model::InteractionKind;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).single().expect("valid time")
    }

    fn touchpoint(kind: InteractionKind, days_ago: i64, on_behalf_of: OnBehalfOf) -> InteractionFacts {
        InteractionFacts {
            id: days_ago,
            occurred_at: now() - Duration::days(days_ago),
            kind,
            on_behalf_of,
            employee_ids: vec![1],
            contact_ids: vec![10],
            complaint_status: None,
        }
    }

    #[test]
    fn the_trend_counts_each_event_from_its_day_on_and_decays_it_by_the_half_life() {
        let settings = Settings::default();
        // A client day 200 days ago (weight 2), a gift 100 days ago (weight 1), and a personal
        // meeting yesterday that must not count.
        let interactions = [
            touchpoint(InteractionKind::Event, 200, OnBehalfOf::Organisation),
            touchpoint(InteractionKind::Gift, 100, OnBehalfOf::Organisation),
            touchpoint(InteractionKind::Meeting, 1, OnBehalfOf::Person),
        ];
        let trend = institutional_trend(&interactions, &settings, now());
        let days: Vec<NaiveDate> = trend.iter().map(|point| point.as_of).collect();
        assert_eq!(
            days,
            [270, 180, 90, 0].map(|d| (now() - Duration::days(d)).date_naive()).to_vec(),
            "oldest first, 90 days apart"
        );
        let scores: Vec<f64> = trend.iter().map(|point| point.score).collect();
        assert_eq!(scores[0], 0.0, "nothing had happened 270 days ago");
        assert!((scores[1] - 2.0 * (-20.0f64 / 90.0).exp2()).abs() < 1e-12, "{scores:?}");
        let at_90 = 2.0 * (-110.0f64 / 90.0).exp2() + (-10.0f64 / 90.0).exp2();
        assert!((scores[2] - at_90).abs() < 1e-12, "{scores:?}");
        let today = 2.0 * (-200.0f64 / 90.0).exp2() + (-100.0f64 / 90.0).exp2();
        assert!((scores[3] - today).abs() < 1e-12, "{scores:?}");
        let model = strengths(&interactions, &settings, now()).institutional_score;
        assert!((scores[3] - model).abs() < 1e-12, "today's point is the model's institutional score");
    }

    #[test]
    fn an_event_drops_out_of_the_trend_once_it_is_older_than_the_window() {
        let settings = Settings::default();
        let interactions = [touchpoint(InteractionKind::Event, 500, OnBehalfOf::Organisation)];
        let scores: Vec<f64> =
            institutional_trend(&interactions, &settings, now()).iter().map(|point| point.score).collect();
        assert!(scores[0] > 0.0 && scores[1] > 0.0, "within 365 days of those points: {scores:?}");
        assert_eq!(&scores[2..], &[0.0, 0.0], "older than the window by then: {scores:?}");
        // Answered as `0.0`, not `-0.0` (an empty f64 sum is negative zero).
        assert!(scores[2].is_sign_positive() && scores[3].is_sign_positive(), "{scores:?}");
    }

    #[test]
    fn a_tie_is_an_organisation_touchpoint_within_the_year_or_any_link() {
        let settings = Settings::default();
        let personal = [touchpoint(InteractionKind::Meeting, 3, OnBehalfOf::Person)];
        assert!(!has_institutional_tie(&personal, false, &settings, now()));
        assert!(has_institutional_tie(&personal, true, &settings, now()));
        let gift = [touchpoint(InteractionKind::Gift, 300, OnBehalfOf::Organisation)];
        assert!(has_institutional_tie(&gift, false, &settings, now()));
        let old = [touchpoint(InteractionKind::Event, 366, OnBehalfOf::Organisation)];
        assert!(!has_institutional_tie(&old, false, &settings, now()));
    }
}
