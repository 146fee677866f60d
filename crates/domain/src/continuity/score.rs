//! The risk score and exposure of an account (PRODUCT.md, "The continuity model": "Risk score
//! 0–100 combines the flags and concentrations … exposure = annual_value × score / 100").

use super::flags::FlagCode;
use super::settings::ScoreWeights;

/// The account's risk score, 0–100.
///
/// Every raised flag `f` and each side's concentration is read as an independent chance of
/// losing the account, and the score is the chance that at least one of them strikes:
///
/// ```text
/// score = round(100 × (1 − (1 − c_int·HHI_int) · (1 − c_ext·HHI_ext) · Π_{f raised} (1 − p_f)))
/// ```
///
/// where `HHI_int` is the HHI of the employee shares, `HHI_ext` the HHI of the contact shares
/// (0 when there are no shares), `c_int = 0.15`, `c_ext = 0.05`, and `p_f` is the flag's weight:
/// `no_owner` 0.50, `departing_holder` 0.40, `champion_left` 0.30, `key_person` 0.25,
/// `stale` 0.20, `open_complaint` 0.20, `single_owner` 0.15, `single_contact` 0.15,
/// `single_threaded` 0.15, `policy_breach` 0.10 (all in [`ScoreWeights`], each clamped to
/// 0..=1). Rounding is half up. Combining chances rather than adding points keeps the score
/// within 0..=100 without a cap, lets every further flag raise it by less than the one before,
/// and gives a well-spread account with no flag a small score from its concentration alone
/// (three equal holders and three equal contacts: 7).
pub fn risk_score(flags: &[FlagCode], internal_hhi: f64, contact_hhi: f64, weights: &ScoreWeights) -> u8 {
    let mut kept = (1.0 - chance(weights.internal_concentration * internal_hhi))
        * (1.0 - chance(weights.contact_concentration * contact_hhi));
    for &code in flags {
        kept *= 1.0 - chance(flag_weight(code, weights));
    }
    let score = (100.0 * (1.0 - kept)).round();
    score.clamp(0.0, 100.0) as u8
}

/// `p_f` of the score formula.
pub fn flag_weight(code: FlagCode, weights: &ScoreWeights) -> f64 {
    match code {
        FlagCode::NoOwner => weights.no_owner,
        FlagCode::SingleOwner => weights.single_owner,
        FlagCode::KeyPerson => weights.key_person,
        FlagCode::SingleContact => weights.single_contact,
        FlagCode::SingleThreaded => weights.single_threaded,
        FlagCode::DepartingHolder => weights.departing_holder,
        FlagCode::ChampionLeft => weights.champion_left,
        FlagCode::Stale => weights.stale,
        FlagCode::OpenComplaint => weights.open_complaint,
        FlagCode::PolicyBreach => weights.policy_breach,
    }
}

fn chance(value: f64) -> f64 {
    if value.is_nan() {
        0.0
    } else {
        value.clamp(0.0, 1.0)
    }
}

/// `exposure_minor = annual_value_minor × score / 100` in integer arithmetic, rounded half up
/// (towards +∞), so 1 001 minor units at score 50 expose 501.
pub fn exposure_minor(annual_value_minor: i64, score: u8) -> i64 {
    let product = i128::from(annual_value_minor) * i128::from(score.min(100));
    let rounded = (product + 50).div_euclid(100);
    i64::try_from(rounded).unwrap_or(if rounded > 0 { i64::MAX } else { i64::MIN })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_with_no_flag_and_no_shares_scores_zero() {
        assert_eq!(risk_score(&[], 0.0, 0.0, &ScoreWeights::default()), 0);
    }

    #[test]
    fn a_well_spread_account_scores_seven_from_concentration_alone() {
        assert_eq!(risk_score(&[], 1.0 / 3.0, 1.0 / 3.0, &ScoreWeights::default()), 7);
    }

    #[test]
    fn flags_combine_as_independent_chances() {
        let weights = ScoreWeights::default();
        // 1 − 0.85 × 0.95 × 0.5 = 0.59625
        assert_eq!(risk_score(&[FlagCode::NoOwner], 1.0, 1.0, &weights), 60);
        let every_flag: Vec<FlagCode> = FlagCode::ALL.to_vec();
        let score = risk_score(&every_flag, 1.0, 1.0, &weights);
        assert!(score > 90 && score <= 100, "{score}");
    }

    #[test]
    fn exposure_rounds_half_up_in_integer_arithmetic() {
        assert_eq!(exposure_minor(1_001, 50), 501);
        assert_eq!(exposure_minor(1_000_000, 63), 630_000);
        assert_eq!(exposure_minor(999, 1), 10);
        assert_eq!(exposure_minor(i64::MAX, 100), i64::MAX);
        assert_eq!(exposure_minor(0, 100), 0);
    }
}
