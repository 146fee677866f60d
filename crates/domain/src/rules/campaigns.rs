//! A campaign draft's name (its target is checked against the universe by
//! [`crate::campaigns::check_target`]).

use super::RuleError;

/// The longest campaign name accepted (characters).
pub const MAX_NAME_CHARS: usize = 200;

/// A campaign's name is not blank and at most [`MAX_NAME_CHARS`] characters.
pub fn check_name(name: &str) -> Result<(), RuleError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(RuleError::invalid("name", "must not be blank"));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(RuleError::invalid("name", format!("must be at most {MAX_NAME_CHARS} characters")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_campaign_name_is_not_blank_and_at_most_two_hundred_characters() {
        assert_eq!(check_name(" Spring mailing "), Ok(()));
        assert_eq!(check_name("   "), Err(RuleError::invalid("name", "must not be blank")));
        assert_eq!(
            check_name(&"x".repeat(MAX_NAME_CHARS + 1)),
            Err(RuleError::invalid("name", "must be at most 200 characters"))
        );
    }
}
