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
    /// An open complaint is overdue once it has been open for more than 14 days (see
    /// [`crate::complaints`]).
    pub complaint_overdue_days: i64,
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
            complaint_overdue_days: 14,
            score_weights: ScoreWeights::default(),
        }
    }
}

/// What a setting's number means, so that a form can word and format it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SettingUnit {
    /// An interaction kind's weight in the strength formula.
    Weight,
    /// A number of days.
    Days,
    /// A share or fraction, 0 to 1 (0.7 is 70 %).
    Share,
    /// A flag's or concentration's chance, 0 to 1, of losing the account (score weights).
    Chance,
    /// A multiple of another figure (the median gap between interactions).
    Multiple,
    /// A number of interactions.
    Count,
    /// An institutional score (a client day held today adds about 2).
    Score,
}

/// The range [`Settings::validate`] accepts for a setting, both ends included.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Bounds {
    minimum: f64,
    maximum: f64,
    /// Whole numbers only (the field is an integer in the JSON document).
    integer: bool,
    unit: SettingUnit,
}

const WEIGHT: Bounds = Bounds { minimum: 0.0, maximum: 100.0, integer: false, unit: SettingUnit::Weight };
const SHARE: Bounds = Bounds { minimum: 0.0, maximum: 1.0, integer: false, unit: SettingUnit::Share };
const CHANCE: Bounds = Bounds { minimum: 0.0, maximum: 1.0, integer: false, unit: SettingUnit::Chance };
/// Ten years: no window, half-life or silence a firm measures is longer.
const MAX_DAYS: f64 = 3650.0;
const DAYS: Bounds = Bounds { minimum: 1.0, maximum: MAX_DAYS, integer: true, unit: SettingUnit::Days };

/// One setting as an admin sees it: its dotted name (as in the JSON document and in the
/// problem document that refuses it), its value, its default and the range it must lie in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SettingField {
    pub name: &'static str,
    pub value: f64,
    pub default: f64,
    pub minimum: f64,
    pub maximum: f64,
    /// Whole numbers only.
    pub integer: bool,
    pub unit: SettingUnit,
}

/// A setting outside its range: `name` is its dotted name (`kind_weights.note`).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("`{name}` is {value}; it must be {expected}")]
pub struct SettingsError {
    pub name: &'static str,
    pub value: f64,
    pub expected: String,
}

impl Settings {
    /// Every setting with its value and range, in the order of the document. This list is
    /// the one place a setting's range is declared: [`Settings::validate`] checks it and
    /// [`Settings::fields`] shows it, and a test fails when a field of the struct is
    /// missing here.
    fn entries(&self) -> Vec<(&'static str, f64, Bounds)> {
        let weights = &self.kind_weights;
        let score = &self.score_weights;
        // Integers as f64: every accepted value is far below 2^53, and a larger one compares
        // above its maximum all the same.
        vec![
            ("kind_weights.meeting", weights.meeting, WEIGHT),
            ("kind_weights.visit", weights.visit, WEIGHT),
            ("kind_weights.event", weights.event, WEIGHT),
            ("kind_weights.call", weights.call, WEIGHT),
            ("kind_weights.complaint", weights.complaint, WEIGHT),
            ("kind_weights.email", weights.email, WEIGHT),
            ("kind_weights.gift", weights.gift, WEIGHT),
            ("kind_weights.note", weights.note, WEIGHT),
            ("half_life_days", self.half_life_days, Bounds { integer: false, ..DAYS }),
            ("window_days", self.window_days as f64, DAYS),
            ("holder_min_share", self.holder_min_share, SHARE),
            ("key_person_min_share", self.key_person_min_share, SHARE),
            ("single_contact_min_share", self.single_contact_min_share, SHARE),
            ("single_thread_min_share", self.single_thread_min_share, SHARE),
            ("departing_holder_min_share", self.departing_holder_min_share, SHARE),
            ("champion_left_min_share", self.champion_left_min_share, SHARE),
            ("stale_after_days", self.stale_after_days as f64, DAYS),
            (
                "stale_median_gap_multiple",
                self.stale_median_gap_multiple,
                Bounds { minimum: 1.0, maximum: 100.0, integer: false, unit: SettingUnit::Multiple },
            ),
            (
                "stale_gap_min_interactions",
                self.stale_gap_min_interactions as f64,
                // A median gap needs two interactions at least.
                Bounds { minimum: 2.0, maximum: 1000.0, integer: true, unit: SettingUnit::Count },
            ),
            ("stale_min_days", self.stale_min_days as f64, Bounds { minimum: 0.0, ..DAYS }),
            ("contact_knower_min_share", self.contact_knower_min_share, SHARE),
            ("majority_held_min_share", self.majority_held_min_share, SHARE),
            ("truck_factor_orphaned_fraction", self.truck_factor_orphaned_fraction, SHARE),
            ("complaint_overdue_days", self.complaint_overdue_days as f64, Bounds { maximum: 365.0, ..DAYS }),
            ("score_weights.no_owner", score.no_owner, CHANCE),
            ("score_weights.single_owner", score.single_owner, CHANCE),
            ("score_weights.key_person", score.key_person, CHANCE),
            ("score_weights.single_contact", score.single_contact, CHANCE),
            ("score_weights.single_threaded", score.single_threaded, CHANCE),
            ("score_weights.departing_holder", score.departing_holder, CHANCE),
            ("score_weights.champion_left", score.champion_left, CHANCE),
            ("score_weights.stale", score.stale, CHANCE),
            ("score_weights.open_complaint", score.open_complaint, CHANCE),
            ("score_weights.policy_breach", score.policy_breach, CHANCE),
            ("score_weights.internal_concentration", score.internal_concentration, CHANCE),
            ("score_weights.contact_concentration", score.contact_concentration, CHANCE),
            ("score_weights.institutional_damping_max", score.institutional_damping_max, SHARE),
            (
                "score_weights.institutional_damping_half_score",
                score.institutional_damping_half_score,
                // The institutional score at which half the damping applies: above 0.
                Bounds { minimum: 0.01, maximum: 1000.0, integer: false, unit: SettingUnit::Score },
            ),
        ]
    }

    /// Every setting with its value, default and range (what an admin's form shows).
    pub fn fields(&self) -> Vec<SettingField> {
        let defaults = Settings::default().entries();
        self.entries()
            .into_iter()
            .zip(defaults)
            .map(|((name, value, bounds), (_, default, _))| SettingField {
                name,
                value,
                default,
                minimum: bounds.minimum,
                maximum: bounds.maximum,
                integer: bounds.integer,
                unit: bounds.unit,
            })
            .collect()
    }

    /// Checks every value lies in its range ([`Settings::fields`] answers them): weights
    /// 0 to 100, shares and score weights 0 to 1, windows, half-life and day counts 1 to
    /// 3650 days (the stale rule's floor from 0), the median-gap multiple 1 to 100, the
    /// interactions it needs 2 to 1000, a complaint overdue after 1 to 365 days. The first
    /// value out of range is named.
    pub fn validate(&self) -> Result<(), SettingsError> {
        for (name, value, bounds) in self.entries() {
            let whole = !bounds.integer || value.fract() == 0.0;
            if !(value.is_finite() && whole && value >= bounds.minimum && value <= bounds.maximum) {
                let kind = if bounds.integer { "a whole number" } else { "a number" };
                let expected = format!("{kind} from {} to {}", bounds.minimum, bounds.maximum);
                return Err(SettingsError { name, value, expected });
            }
        }
        Ok(())
    }

    /// The settings `new` changes, in the order of the document, each as (name, value here,
    /// value in `new`): what the audit trail of a change records.
    pub fn changes_to(&self, new: &Settings) -> Vec<(&'static str, f64, f64)> {
        self.entries()
            .into_iter()
            .zip(new.entries())
            .filter(|((_, before, _), (_, after, _))| before != after)
            .map(|((name, before, _), (_, after, _))| (name, before, after))
            .collect()
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

    /// The dotted names of every number in a JSON document.
    fn leaves(value: &serde_json::Value, prefix: &str, into: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(members) => {
                for (key, member) in members {
                    let name = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
                    leaves(member, &name, into);
                }
            }
            _ => into.push(prefix.to_owned()),
        }
    }

    #[test]
    fn every_setting_of_the_document_has_a_range_and_a_default() {
        let document = serde_json::to_value(Settings::default()).expect("serialisable");
        let mut in_document = Vec::new();
        leaves(&document, "", &mut in_document);
        let mut with_range: Vec<String> = Settings::default().fields().iter().map(|f| f.name.to_owned()).collect();
        in_document.sort();
        with_range.sort();
        assert_eq!(in_document, with_range, "a setting without a range, or a range without a setting");
        let stale = Settings::default().fields().into_iter().find(|f| f.name == "stale_after_days").expect("listed");
        assert_eq!(
            (stale.value, stale.default, stale.minimum, stale.maximum, stale.integer),
            (90.0, 90.0, 1.0, 3650.0, true)
        );
    }

    #[test]
    fn a_value_out_of_its_range_is_refused_by_its_dotted_name() {
        let refused = |settings: Settings| settings.validate().expect_err("out of range").name;
        let defaults = Settings::default;
        assert_eq!(refused(Settings { stale_after_days: 0, ..defaults() }), "stale_after_days");
        assert_eq!(refused(Settings { window_days: 4000, ..defaults() }), "window_days");
        assert_eq!(refused(Settings { half_life_days: f64::NAN, ..defaults() }), "half_life_days");
        assert_eq!(refused(Settings { stale_gap_min_interactions: 1, ..defaults() }), "stale_gap_min_interactions");
        assert_eq!(refused(Settings { complaint_overdue_days: 366, ..defaults() }), "complaint_overdue_days");
        let kind_weights = KindWeights { note: -0.5, ..KindWeights::default() };
        assert_eq!(refused(Settings { kind_weights, ..defaults() }), "kind_weights.note");
        let score_weights = ScoreWeights { stale: 1.2, ..ScoreWeights::default() };
        assert_eq!(refused(Settings { score_weights, ..defaults() }), "score_weights.stale");
        // The ends of a range are in it.
        assert_eq!(Settings { stale_after_days: 3650, stale_min_days: 0, ..defaults() }.validate(), Ok(()));
    }

    #[test]
    fn a_change_lists_the_settings_it_changes_with_both_values() {
        let before = Settings::default();
        let after = Settings {
            stale_after_days: 30,
            kind_weights: KindWeights { note: 1.0, ..KindWeights::default() },
            ..Settings::default()
        };
        assert_eq!(before.changes_to(&after), vec![("kind_weights.note", 0.5, 1.0), ("stale_after_days", 90.0, 30.0)]);
        assert!(after.changes_to(&after).is_empty());
    }
}
