//! A departure plan's handovers, and the plan's end other than applying it (PRODUCT.md,
//! "Departure plan").

use super::RuleError;

/// A reason given in `field`: 3 to 1 000 characters once trimmed.
fn check_reason(field: &'static str, reason: &str) -> Result<(), RuleError> {
    let length = reason.trim().chars().count();
    if (3..=1000).contains(&length) {
        Ok(())
    } else {
        Err(RuleError::invalid(field, "give a reason of 3 to 1000 characters"))
    }
}

/// A handover waived rather than given a successor says why, in 3 to 1 000 characters.
pub fn check_waiver_reason(reason: &str) -> Result<(), RuleError> {
    check_reason("waiver_reason", reason)
}

/// A plan cancelled (the departure is called off, or planned again) says why, in 3 to 1 000
/// characters; the reason is kept on the plan and with the audit entry. Only an open plan is
/// cancelled ([`plan_is_open`](super::plan_is_open)).
pub fn check_cancel_reason(reason: &str) -> Result<(), RuleError> {
    check_reason("reason", reason)
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

    #[test]
    fn a_cancelled_plan_says_why_and_a_bad_reason_names_the_reason_field() {
        assert_eq!(check_cancel_reason("Anna withdrew her notice"), Ok(()));
        for bad in ["", "   ", "no", &"x".repeat(1001)] {
            assert_eq!(
                check_cancel_reason(bad),
                Err(RuleError::invalid("reason", "give a reason of 3 to 1000 characters")),
                "{bad:?}"
            );
        }
    }
}
