//! Every threshold and weight of the continuity model, in one struct (PRODUCT.md, "The
//! continuity model": "Thresholds are settings with the defaults above").

use serde::{Deserialize, Serialize};

use crate::model::InteractionKind;

/// Weight of one interaction by its kind (PRODUCT.md: meeting/visit 3, event 2, call 2,
/// complaint 2, email 1, gift 1, note 0.5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct KindWeights {
    pub meeting: f64,
    pub visit: f64,
    pub event: f64,
    pub call: f64,
    pub complaint: f64,
    pub email: f64,
    pub gift: f64,
    pub note: f64,
}

impl Default for KindWeights {
    fn default() -> Self {
        KindWeights {
            meeting: 3.0,
            visit: 3.0,
            event: 2.0,
            call: 2.0,
            complaint: 2.0,
            email: 1.0,
            gift: 1.0,
            note: 0.5,
        }
    }
}

impl KindWeights {
    /// `w(kind)` of the strength formula.
    pub fn weight(&self, kind: InteractionKind) -> f64 {
        match kind {
            InteractionKind::Meeting => self.meeting,
            InteractionKind::Visit => self.visit,
            InteractionKind::Event => self.event,
            InteractionKind::Call => self.call,
            InteractionKind::Complaint => self.complaint,
            InteractionKind::Email => self.email,
            InteractionKind::Gift => self.gift,
            InteractionKind::Note => self.note,
        }
    }
}

/// How much each flag, and each side's concentration, adds to the risk score (see
/// [`risk_score`](super::risk_score) for the formula). Each flag and concentration value is the
/// chance, between 0 and 1, that the condition alone loses the account; they combine as
/// independent chances. The last two say how far ties to the firm damp the person-dependent
/// flags (see [`institutional_damping`](super::institutional_damping)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScoreWeights {
    pub no_owner: f64,
    pub single_owner: f64,
    pub key_person: f64,
    pub single_contact: f64,
    pub single_threaded: f64,
    pub departing_holder: f64,
    pub champion_left: f64,
    pub stale: f64,
    pub open_complaint: f64,
    pub policy_breach: f64,
    /// Multiplies the internal HHI (1 when one employee holds everything).
    pub internal_concentration: f64,
    /// Multiplies the contact HHI (1 when one client contact carries everything).
    pub contact_concentration: f64,
    /// `d_max`: the largest fraction by which ties to the firm lower the weight of a
    /// person-dependent flag, approached as the institutional score grows (1/3), within 0..=1.
    pub institutional_damping_max: f64,
    /// `I_half`: the institutional score at which half of `d_max` applies (2, the score of one
    /// client day held today), > 0.
    pub institutional_damping_half_score: f64,
}

impl Default for ScoreWeights {
    fn default() -> Self {
        ScoreWeights {
            no_owner: 0.50,
            single_owner: 0.15,
            key_person: 0.25,
            single_contact: 0.15,
            single_threaded: 0.15,
            departing_holder: 0.40,
            champion_left: 0.30,
            stale: 0.20,
            open_complaint: 0.20,
            policy_breach: 0.10,
            internal_concentration: 0.15,
            contact_concentration: 0.05,
            institutional_damping_max: 1.0 / 3.0,
            institutional_damping_half_score: 2.0,
        }
    }
}

/// The continuity model's settings. `Default` gives the values PRODUCT.md documents; a
/// partial JSON object fills the rest from the defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub kind_weights: KindWeights,
    /// `H` of `2^(−age_days/H)`: 90 days.
    pub half_life_days: f64,
    /// Only interactions of the last `window_days` count towards strength: 365.
    pub window_days: i64,
    /// A holder holds at least this share of the account's strength: 10 %.
    pub holder_min_share: f64,
    /// `key_person`: `CR1 ≥ 0.7`.
    pub key_person_min_share: f64,
    /// `single_contact`: one contact holds ≥ 70 % of the contact strength.
    pub single_contact_min_share: f64,
    /// `single_threaded`: one (employee, contact) pair carries ≥ 90 % of the thread strength.
    pub single_thread_min_share: f64,
    /// `departing_holder`: a departing employee holds ≥ 50 %.
    pub departing_holder_min_share: f64,
    /// `champion_left`: a contact who left held ≥ 50 % of the contact strength.
    pub champion_left_min_share: f64,
    /// `stale`: no conversation with a client contact for more than 90 days…
    pub stale_after_days: i64,
    /// …or, with at least `stale_gap_min_interactions` such conversations in the window, for
    /// more than 8 × the median gap between them…
    pub stale_median_gap_multiple: f64,
    /// …(4 interactions)…
    pub stale_gap_min_interactions: usize,
    /// …and at least 30 days.
    pub stale_min_days: i64,
    /// "Contacts only u knows": u's thread strength with the contact is ≥ 10 % of the
    /// contact's, and nobody else's is.
    pub contact_knower_min_share: f64,
    /// Departure what-if: value whose strength was ≥ 50 % held by the leavers.
    pub majority_held_min_share: f64,
    /// Truck factor: stop once more than this fraction of the annual value has no holder.
    pub truck_factor_orphaned_fraction: f64,
    pub score_weights: ScoreWeights,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            kind_weights: KindWeights::default(),
            half_life_days: 90.0,
            window_days: 365,
            holder_min_share: 0.10,
            key_person_min_share: 0.70,
            single_contact_min_share: 0.70,
            single_thread_min_share: 0.90,
            departing_holder_min_share: 0.50,
            champion_left_min_share: 0.50,
            stale_after_days: 90,
            stale_median_gap_multiple: 8.0,
            stale_gap_min_interactions: 4,
            stale_min_days: 30,
            contact_knower_min_share: 0.10,
            majority_held_min_share: 0.50,
            truck_factor_orphaned_fraction: 0.50,
            score_weights: ScoreWeights::default(),
        }
    }
}

/// A setting outside its meaningful range.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("setting `{name}` is {value}, expected {expected}")]
pub struct SettingsError {
    pub name: &'static str,
    pub value: f64,
    pub expected: &'static str,
}

impl Settings {
    /// Checks every value is in range: weights finite and ≥ 0, half-life and window > 0,
    /// shares, score weights and the institutional damping within 0..=1, the damping's half
    /// score finite and > 0, day counts ≥ 0.
    pub fn validate(&self) -> Result<(), SettingsError> {
        let weights = &self.kind_weights;
        for (name, value) in [
            ("kind_weights.meeting", weights.meeting),
            ("kind_weights.visit", weights.visit),
            ("kind_weights.event", weights.event),
            ("kind_weights.call", weights.call),
            ("kind_weights.complaint", weights.complaint),
            ("kind_weights.email", weights.email),
            ("kind_weights.gift", weights.gift),
            ("kind_weights.note", weights.note),
            ("stale_median_gap_multiple", self.stale_median_gap_multiple),
        ] {
            check(name, value, value.is_finite() && value >= 0.0, "a finite number ≥ 0")?;
        }
        let half_life = self.half_life_days;
        check("half_life_days", half_life, half_life.is_finite() && half_life > 0.0, "> 0")?;
        let half_score = self.score_weights.institutional_damping_half_score;
        check(
            "score_weights.institutional_damping_half_score",
            half_score,
            half_score.is_finite() && half_score > 0.0,
            "a finite number > 0",
        )?;
        let window = self.window_days as f64;
        check("window_days", window, self.window_days > 0, "> 0")?;
        for (name, days) in [("stale_after_days", self.stale_after_days), ("stale_min_days", self.stale_min_days)] {
            check(name, days as f64, days >= 0, "≥ 0")?;
        }
        let score = &self.score_weights;
        for (name, value) in [
            ("holder_min_share", self.holder_min_share),
            ("key_person_min_share", self.key_person_min_share),
            ("single_contact_min_share", self.single_contact_min_share),
            ("single_thread_min_share", self.single_thread_min_share),
            ("departing_holder_min_share", self.departing_holder_min_share),
            ("champion_left_min_share", self.champion_left_min_share),
            ("contact_knower_min_share", self.contact_knower_min_share),
            ("majority_held_min_share", self.majority_held_min_share),
            ("truck_factor_orphaned_fraction", self.truck_factor_orphaned_fraction),
            ("score_weights.no_owner", score.no_owner),
            ("score_weights.single_owner", score.single_owner),
            ("score_weights.key_person", score.key_person),
            ("score_weights.single_contact", score.single_contact),
            ("score_weights.single_threaded", score.single_threaded),
            ("score_weights.departing_holder", score.departing_holder),
            ("score_weights.champion_left", score.champion_left),
            ("score_weights.stale", score.stale),
            ("score_weights.open_complaint", score.open_complaint),
            ("score_weights.policy_breach", score.policy_breach),
            ("score_weights.internal_concentration", score.internal_concentration),
            ("score_weights.contact_concentration", score.contact_concentration),
            ("score_weights.institutional_damping_max", score.institutional_damping_max),
        ] {
            check(name, value, (0.0..=1.0).contains(&value), "between 0 and 1")?;
        }
        Ok(())
    }
}

fn check(name: &'static str, value: f64, ok: bool, expected: &'static str) -> Result<(), SettingsError> {
    if ok {
        Ok(())
    } else {
        Err(SettingsError { name, value, expected })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_documented_values_and_valid() {
        let settings = Settings::default();
        assert_eq!(settings.kind_weights.weight(InteractionKind::Visit), 3.0);
        assert_eq!(settings.kind_weights.weight(InteractionKind::Note), 0.5);
        assert_eq!(settings.half_life_days, 90.0);
        assert_eq!(settings.window_days, 365);
        assert_eq!(settings.key_person_min_share, 0.7);
        assert_eq!(settings.validate(), Ok(()));
    }

    #[test]
    fn partial_json_settings_keep_the_other_defaults() {
        let settings: Settings =
            serde_json::from_str(r#"{"half_life_days": 30, "kind_weights": {"note": 1}}"#).expect("valid settings");
        assert_eq!(settings.half_life_days, 30.0);
        assert_eq!(settings.kind_weights.note, 1.0);
        assert_eq!(settings.kind_weights.meeting, 3.0);
        assert_eq!(settings.window_days, 365);
    }

    #[test]
    fn the_institutional_damping_defaults_to_a_third_at_most_and_refuses_a_half_score_of_zero() {
        let weights = ScoreWeights::default();
        assert_eq!(weights.institutional_damping_max, 1.0 / 3.0);
        assert_eq!(weights.institutional_damping_half_score, 2.0);
        for half_score in [0.0, -1.0, f64::INFINITY, f64::NAN] {
            let settings = Settings {
                score_weights: ScoreWeights { institutional_damping_half_score: half_score, ..ScoreWeights::default() },
                ..Settings::default()
            };
            let error = settings.validate().expect_err("not a usable half score");
            assert_eq!(error.name, "score_weights.institutional_damping_half_score", "{half_score}");
        }
        let settings = Settings {
            score_weights: ScoreWeights { institutional_damping_max: 1.2, ..ScoreWeights::default() },
            ..Settings::default()
        };
        assert_eq!(settings.validate().map_err(|e| e.name), Err("score_weights.institutional_damping_max"));
    }

    #[test]
    fn a_share_threshold_above_one_is_refused_by_name() {
        let settings = Settings { key_person_min_share: 1.5, ..Settings::default() };
        let error = settings.validate().expect_err("1.5 is not a share");
        assert_eq!(error.name, "key_person_min_share");
    }
}
