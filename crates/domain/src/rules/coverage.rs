//! A tier's coverage policy (PRODUCT.md, "Coverage policy").

use super::RuleError;

/// The most holders or current contacts a policy may ask of an account.
pub const MAX_MINIMUM: i32 = 50;

/// Both minimums of a policy are whole numbers from 0 to [`MAX_MINIMUM`].
pub fn check(min_holders: i32, min_current_contacts: i32) -> Result<(), RuleError> {
    check_minimum("min_holders", min_holders)?;
    check_minimum("min_current_contacts", min_current_contacts)
}

fn check_minimum(field: &'static str, value: i32) -> Result<(), RuleError> {
    if (0..=MAX_MINIMUM).contains(&value) {
        Ok(())
    } else {
        Err(RuleError::invalid(field, "must be between 0 and 50"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_policy_asks_between_none_and_fifty_of_each() {
        assert_eq!(check(0, 50), Ok(()));
        assert_eq!(check(-1, 3), Err(RuleError::invalid("min_holders", "must be between 0 and 50")));
        assert_eq!(check(2, 51), Err(RuleError::invalid("min_current_contacts", "must be between 0 and 50")));
    }
}
