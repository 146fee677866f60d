//! The risk score and exposure of an account (PRODUCT.md, "The continuity model": "Risk score
//! 0–100 combines the flags and concentrations … exposure = annual_value × score / 100";
//! "Decided since the first release": "Ties to the firm lower the risk").

use super::flags::FlagCode;
use super::settings::ScoreWeights;

/// The account's risk score, 0–100.
///
/// Every raised flag `f` and each side's concentration is read as an independent chance of
/// losing the account, and the score is the chance that at least one of them strikes:
///
/// ```text
/// score = round(100 × (1 − (1 − c_int·HHI_int) · (1 − c_ext·HHI_ext) · Π_{f raised} (1 − p_f')))
/// p_f'  = p_f · (1 − d)   for the person-dependent flags: key_person, single_owner,
///                         single_threaded, departing_holder
/// p_f'  = p_f             for the others
/// d     = d_max · I / (I + I_half)     (0 when I ≤ 0)
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
///
/// *Institutional damping* `d` (PRODUCT.md, "Ties to the firm lower the risk"): `I` is the
/// account's institutional score (the decayed weight of its touchpoints in the firm's name —
/// gifts, client days, campaigns), `d_max = 1/3` and `I_half = 2` (one client day held today
/// damps by a sixth). A flag that hangs on one person weighs less where the client is also
/// tied to the firm itself, because that tie does not walk out with the person; the flags
/// about the client side, silence, complaints and policy are not about our people and keep
/// their weight. `d` grows with `I` from 0 towards `d_max` and never reaches it, so ties to
/// the firm never raise the score, lower those flags' weights by less than `d_max` (a third
/// by default) and change nothing on an account without a person-dependent flag.
pub fn risk_score(
    flags: &[FlagCode],
    internal_hhi: f64,
    contact_hhi: f64,
    institutional_score: f64,
    weights: &ScoreWeights,
) -> u8 {
    let damping = institutional_damping(institutional_score, weights);
    let mut kept = (1.0 - chance(weights.internal_concentration * internal_hhi))
        * (1.0 - chance(weights.contact_concentration * contact_hhi));
    for &code in flags {
        let weight = chance(flag_weight(code, weights));
        let weight = if code.is_person_dependent() { weight * (1.0 - damping) } else { weight };
        kept *= 1.0 - weight;
    }
    let score = (100.0 * (1.0 - kept)).round();
    score.clamp(0.0, 100.0) as u8
}

/// `p_f` of the score formula, before any damping.
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

/// `d = d_max · I / (I + I_half)` of the score formula: the fraction by which the account's
/// institutional score `I` lowers the person-dependent flags' weights, within `0..d_max`
/// (`d_max` clamped to 0..=1; 0 when `I` is not positive). Written as
/// `d_max · (1 − I_half / (I + I_half))`, which floating point keeps exactly monotone in `I`.
pub fn institutional_damping(institutional_score: f64, weights: &ScoreWeights) -> f64 {
    if institutional_score.is_nan() || institutional_score <= 0.0 {
        return 0.0;
    }
    let half_score = weights.institutional_damping_half_score.max(0.0);
    let tied = 1.0 - half_score / (institutional_score + half_score);
    chance(weights.institutional_damping_max) * chance(tied)
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
        assert_eq!(risk_score(&[], 0.0, 0.0, 0.0, &ScoreWeights::default()), 0);
    }

    #[test]
    fn a_well_spread_account_scores_seven_from_concentration_alone() {
        assert_eq!(risk_score(&[], 1.0 / 3.0, 1.0 / 3.0, 0.0, &ScoreWeights::default()), 7);
    }

    #[test]
    fn flags_combine_as_independent_chances() {
        let weights = ScoreWeights::default();
        // 1 − 0.85 × 0.95 × 0.5 = 0.59625
        assert_eq!(risk_score(&[FlagCode::NoOwner], 1.0, 1.0, 0.0, &weights), 60);
        let every_flag: Vec<FlagCode> = FlagCode::ALL.to_vec();
        let score = risk_score(&every_flag, 1.0, 1.0, 0.0, &weights);
        assert!(score > 90 && score <= 100, "{score}");
    }

    #[test]
    fn one_client_day_today_damps_a_key_person_by_a_sixth() {
        let weights = ScoreWeights::default();
        assert_eq!(institutional_damping(0.0, &weights), 0.0);
        assert!((institutional_damping(2.0, &weights) - 1.0 / 6.0).abs() < 1e-12);
        assert!(institutional_damping(1e12, &weights) < 1.0 / 3.0);
        // Undamped: 1 − 0.85 × 0.75 = 0.3625; damped: 1 − 0.85 × (1 − 0.25 × 5/6) = 0.3271.
        assert_eq!(risk_score(&[FlagCode::KeyPerson], 1.0, 0.0, 0.0, &weights), 36);
        assert_eq!(risk_score(&[FlagCode::KeyPerson], 1.0, 0.0, 2.0, &weights), 33);
    }

    #[test]
    fn ties_to_the_firm_leave_the_flags_about_the_client_side_as_they_are() {
        let weights = ScoreWeights::default();
        let client_side = [FlagCode::SingleContact, FlagCode::ChampionLeft, FlagCode::Stale, FlagCode::OpenComplaint];
        assert_eq!(
            risk_score(&client_side, 0.5, 0.5, 50.0, &weights),
            risk_score(&client_side, 0.5, 0.5, 0.0, &weights)
        );
        let person = [FlagCode::SingleOwner, FlagCode::KeyPerson, FlagCode::SingleThreaded, FlagCode::DepartingHolder];
        assert!(risk_score(&person, 0.5, 0.5, 50.0, &weights) < risk_score(&person, 0.5, 0.5, 0.0, &weights));
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
