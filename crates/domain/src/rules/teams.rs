//! A team's name.

use super::RuleError;

/// A team's name is 1–120 characters after trimming (unique regardless of case, which the
/// store keeps).
pub fn check_name(name: &str) -> Result<(), RuleError> {
    let length = name.trim().chars().count();
    if length == 0 || length > 120 {
        return Err(RuleError::invalid("name", "must be 1 to 120 characters"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_team_name_is_one_to_a_hundred_and_twenty_characters() {
        assert_eq!(check_name(" Private clients "), Ok(()));
        assert_eq!(check_name("  "), Err(RuleError::invalid("name", "must be 1 to 120 characters")));
        assert!(check_name(&"x".repeat(121)).is_err());
        assert_eq!(check_name(&"ü".repeat(120)), Ok(()));
    }
}
