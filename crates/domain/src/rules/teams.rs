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

/// Only a sales lead leads a team.
pub fn may_lead(role: crate::Role) -> Result<(), RuleError> {
    if role != crate::Role::SalesLead {
        return Err(RuleError::invalid("user_id", "only a sales lead can lead a team"));
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

    #[test]
    fn only_a_sales_lead_leads_a_team() {
        assert_eq!(may_lead(crate::Role::SalesLead), Ok(()));
        assert!(matches!(may_lead(crate::Role::Member), Err(RuleError::Invalid { field: Some("user_id"), .. })));
    }
}
