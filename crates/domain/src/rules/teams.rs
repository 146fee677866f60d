//! A team's name, and who leads it.

use super::RuleError;
use crate::Role;

/// A team's name is 1–120 characters after trimming (unique regardless of case, which the
/// store keeps).
pub fn check_name(name: &str) -> Result<(), RuleError> {
    let length = name.trim().chars().count();
    if length == 0 || length > 120 {
        return Err(RuleError::invalid("name", "must be 1 to 120 characters"));
    }
    Ok(())
}

/// Only sales leads lead teams (PRODUCT.md, "Who uses it"): appointing anyone else is refused,
/// naming `user_id`.
pub fn check_lead(role: Role) -> Result<(), RuleError> {
    if role == Role::SalesLead {
        Ok(())
    } else {
        Err(RuleError::invalid("user_id", "only a sales lead can lead a team"))
    }
}

/// The team a user comes to lead by being placed in it (PRODUCT.md, "Decided since the first
/// release": a sales lead created in a team leads that team): a sales lead's own team, each
/// time it is set — on creation, when their team changes, or when they become a sales lead.
/// Nothing is implied the other way: leading further teams, and ceasing to lead one, are the
/// admin's explicit appointments.
pub fn team_led_by_joining(role: Role, team_id: Option<i64>) -> Option<i64> {
    team_id.filter(|_| check_lead(role).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_sales_lead_leads_a_team_and_leads_the_one_they_are_placed_in() {
        assert_eq!(check_lead(Role::SalesLead), Ok(()));
        for role in [Role::Admin, Role::Hr, Role::Member] {
            assert_eq!(check_lead(role), Err(RuleError::invalid("user_id", "only a sales lead can lead a team")));
            assert_eq!(team_led_by_joining(role, Some(7)), None);
        }
        assert_eq!(team_led_by_joining(Role::SalesLead, Some(7)), Some(7));
        assert_eq!(team_led_by_joining(Role::SalesLead, None), None);
    }

    #[test]
    fn a_team_name_is_one_to_a_hundred_and_twenty_characters() {
        assert_eq!(check_name(" Private clients "), Ok(()));
        assert_eq!(check_name("  "), Err(RuleError::invalid("name", "must be 1 to 120 characters")));
        assert!(check_name(&"x".repeat(121)).is_err());
        assert_eq!(check_name(&"ü".repeat(120)), Ok(()));
    }
}
