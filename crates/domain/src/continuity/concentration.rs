//! Concentration of an account's relationship (PRODUCT.md, "The continuity model"):
//! `HHI = Σ share²`, effective number of holders `N_eff = 1/HHI`, `CR1` = the top share.

use serde::{Deserialize, Serialize};

/// Concentration figures of one set of shares. All three are 0 when there are no shares.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Concentration {
    pub hhi: f64,
    pub n_eff: f64,
    pub cr1: f64,
}

/// Computes HHI, N_eff and CR1 from shares that sum to 1 (or from no shares at all).
pub fn concentration(shares: impl IntoIterator<Item = f64>) -> Concentration {
    let (hhi, cr1) =
        shares.into_iter().fold((0.0_f64, 0.0_f64), |(hhi, cr1), share| (hhi + share * share, cr1.max(share)));
    let n_eff = if hhi > 0.0 { 1.0 / hhi } else { 0.0 };
    Concentration { hhi, n_eff, cr1 }
}

/// Divides each strength by their total; `None` when the total is not positive, so callers
/// fall back to equal shares.
pub fn shares_of<K: Copy>(strengths: &[(K, f64)]) -> Option<Vec<(K, f64, f64)>> {
    let total: f64 = strengths.iter().map(|(_, strength)| strength).sum();
    if total <= 0.0 || !total.is_finite() {
        return None;
    }
    Some(strengths.iter().map(|&(key, strength)| (key, strength, strength / total)).collect())
}

/// Equal shares over distinct keys (the fall-back when an account has no personal
/// interactions in the window), with strength 0.
pub fn equal_shares<K: Copy>(keys: &[K]) -> Vec<(K, f64, f64)> {
    let share = 1.0 / keys.len().max(1) as f64;
    keys.iter().map(|&key| (key, 0.0, share)).collect()
}

/// `share ≥ threshold`, tolerant of the rounding of shares that should be exactly equal to
/// the threshold (e.g. 7 of 10 computed as 0.6999999).
pub fn at_least(share: f64, threshold: f64) -> bool {
    share + 1e-9 >= threshold
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_holder_has_hhi_one_and_one_effective_holder() {
        let figures = concentration([1.0]);
        assert_eq!(figures, Concentration { hhi: 1.0, n_eff: 1.0, cr1: 1.0 });
    }

    #[test]
    fn four_equal_holders_make_four_effective_holders() {
        let figures = concentration([0.25; 4]);
        assert!((figures.n_eff - 4.0).abs() < 1e-12);
        assert_eq!(figures.cr1, 0.25);
    }

    #[test]
    fn no_shares_give_zero_figures() {
        assert_eq!(concentration([]), Concentration::default());
        assert_eq!(shares_of::<i64>(&[(1, 0.0)]), None);
    }

    #[test]
    fn a_share_of_seven_tenths_computed_with_rounding_still_reaches_the_threshold() {
        let share = 7.0 * 0.1 / (0.1 * 10.0);
        assert!(at_least(share, 0.7));
        assert!(!at_least(0.69, 0.7));
    }
}
