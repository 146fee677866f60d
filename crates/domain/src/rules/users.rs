//! An employee's fields.

use chrono::NaiveDate;
use serde::Serialize;

use super::RuleError;
use crate::validation::is_email;
use crate::{Language, Role, UserStatus};

/// The fields of a user that can change (HR: status, dates; admin: everything; the user
/// themselves: their `locale`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UserChanges {
    pub display_name: String,
    pub role: Role,
    pub team_id: Option<i64>,
    pub status: UserStatus,
    pub leave_date: Option<NaiveDate>,
    pub non_solicitation_until: Option<NaiveDate>,
    pub non_compete_until: Option<NaiveDate>,
    /// The language they chose; `None` until they choose, when what their browser asks for
    /// (else English) is used.
    pub locale: Option<Language>,
}

/// A new employee has a valid e-mail (their login) and a display name.
pub fn check_new(email: &str, display_name: &str) -> Result<(), RuleError> {
    if !is_email(email.trim()) {
        return Err(RuleError::invalid("email", "is not a valid e-mail address"));
    }
    check_display_name(display_name)
}

/// A display name is 1–200 characters after trimming.
pub fn check_display_name(name: &str) -> Result<(), RuleError> {
    let length = name.trim().chars().count();
    if length == 0 || length > 200 {
        return Err(RuleError::invalid("display_name", "must be 1 to 200 characters"));
    }
    Ok(())
}

/// A change keeps a display name, and a leaving employee has a leave date. Nobody marks
/// themselves departed (`by_themselves`: the change is the employee's own).
pub fn check_changes(before: UserStatus, after: &UserChanges, by_themselves: bool) -> Result<(), RuleError> {
    check_display_name(&after.display_name)?;
    if by_themselves && after.status == UserStatus::Departed && before != UserStatus::Departed {
        return Err(RuleError::invalid("status", "you cannot mark yourself departed"));
    }
    if after.status == UserStatus::Leaving && after.leave_date.is_none() {
        return Err(RuleError::invalid("leave_date", "a leaving employee needs a leave date"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ana() -> UserChanges {
        UserChanges {
            display_name: "Ana Silva".into(),
            role: Role::Member,
            team_id: None,
            status: UserStatus::Active,
            leave_date: None,
            non_solicitation_until: None,
            non_compete_until: None,
            locale: None,
        }
    }

    #[test]
    fn a_new_employee_needs_an_email_and_a_display_name() {
        assert_eq!(check_new(" ana@example.com ", "Ana"), Ok(()));
        assert_eq!(check_new("ana", "Ana"), Err(RuleError::invalid("email", "is not a valid e-mail address")));
        assert_eq!(
            check_new("ana@example.com", "  "),
            Err(RuleError::invalid("display_name", "must be 1 to 200 characters"))
        );
    }

    #[test]
    fn a_leaving_employee_needs_a_leave_date() {
        let leaving = UserChanges { status: UserStatus::Leaving, ..ana() };
        assert_eq!(
            check_changes(UserStatus::Active, &leaving, false),
            Err(RuleError::invalid("leave_date", "a leaving employee needs a leave date"))
        );
        let dated = UserChanges { leave_date: NaiveDate::from_ymd_opt(2026, 9, 30), ..leaving };
        assert_eq!(check_changes(UserStatus::Active, &dated, false), Ok(()));
    }

    #[test]
    fn nobody_marks_themselves_departed() {
        let departed = UserChanges { status: UserStatus::Departed, ..ana() };
        assert!(matches!(
            check_changes(UserStatus::Active, &departed, true),
            Err(RuleError::Invalid { field: Some("status"), .. })
        ));
        assert_eq!(check_changes(UserStatus::Active, &departed, false), Ok(()));
    }
}
