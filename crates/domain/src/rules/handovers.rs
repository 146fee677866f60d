//! A departure plan's handovers (PRODUCT.md, "Departure plan").

use super::RuleError;

/// A handover waived rather than given a successor says why, in 3 to 1 000 characters.
pub fn check_waiver_reason(reason: &str) -> Result<(), RuleError> {
    let length = reason.trim().chars().count();
    if (3..=1000).contains(&length) {
        Ok(())
    } else {
        Err(RuleError::invalid("waiver_reason", "give a reason of 3 to 1000 characters"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_waiver_gives_a_reason_of_three_to_a_thousand_characters() {
        assert_eq!(check_waiver_reason("client retires in March"), Ok(()));
        assert!(check_waiver_reason("  ok  ").is_err());
        assert!(check_waiver_reason(&"x".repeat(1001)).is_err());
        assert_eq!(check_waiver_reason(&"é".repeat(1000)), Ok(()));
    }
}
