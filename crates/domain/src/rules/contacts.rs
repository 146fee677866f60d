//! A contact's fields and their bounds.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::RuleError;
use crate::validation::is_email;
use crate::Influence;

/// A contact's editable fields (also what the audit trail records).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactFields {
    pub external_id: Option<String>,
    pub name: String,
    pub job_title: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub influence: Influence,
    pub left_at: Option<NaiveDate>,
}

/// A contact has a name of 1–200 characters, a job title of at most 200, and, where given, a
/// valid e-mail, a phone number (digits, spaces and `+ - ( ) .`, at most 40) and an external
/// id of 1–100 characters. Names the first field at fault.
pub fn check(fields: &ContactFields) -> Result<(), RuleError> {
    let name = fields.name.trim().chars().count();
    if name == 0 || name > 200 {
        return Err(RuleError::invalid("name", "must be 1 to 200 characters"));
    }
    if fields.job_title.chars().count() > 200 {
        return Err(RuleError::invalid("job_title", "must be at most 200 characters"));
    }
    if let Some(email) = &fields.email {
        if !is_email(email) {
            return Err(RuleError::invalid("email", "is not a valid e-mail address"));
        }
    }
    if let Some(phone) = &fields.phone {
        if !is_phone(phone) {
            return Err(RuleError::invalid("phone", "must be a phone number: digits, spaces and + - ( ) ."));
        }
    }
    if let Some(external_id) = &fields.external_id {
        if external_id.is_empty() || external_id.len() > 100 {
            return Err(RuleError::invalid("external_id", "must be 1 to 100 characters"));
        }
    }
    Ok(())
}

fn is_phone(phone: &str) -> bool {
    phone.len() <= 40
        && phone.chars().any(|c| c.is_ascii_digit())
        && phone.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact() -> ContactFields {
        ContactFields {
            external_id: None,
            name: "Ana Silva".into(),
            job_title: "CFO".into(),
            email: Some("ana.silva@example.com".into()),
            phone: Some("+41 (44) 000-00.00".into()),
            influence: Influence::DecisionMaker,
            left_at: None,
        }
    }

    fn field_of(fields: &ContactFields) -> Option<&'static str> {
        super::super::test_support::field_of(check(fields))
    }

    #[test]
    fn a_complete_contact_passes() {
        assert_eq!(check(&contact()), Ok(()));
        assert_eq!(check(&ContactFields { email: None, phone: None, job_title: String::new(), ..contact() }), Ok(()));
    }

    #[test]
    fn a_contact_needs_a_name_and_a_job_title_of_reasonable_length() {
        assert_eq!(field_of(&ContactFields { name: " ".into(), ..contact() }), Some("name"));
        assert_eq!(field_of(&ContactFields { job_title: "x".repeat(201), ..contact() }), Some("job_title"));
    }

    #[test]
    fn a_bad_email_or_phone_is_refused() {
        assert_eq!(field_of(&ContactFields { email: Some("ana@".into()), ..contact() }), Some("email"));
        for phone in ["call me", "++--", &"1".repeat(41)] {
            assert_eq!(field_of(&ContactFields { phone: Some(phone.into()), ..contact() }), Some("phone"), "{phone}");
        }
    }

    #[test]
    fn an_empty_or_overlong_external_id_is_refused() {
        assert_eq!(field_of(&ContactFields { external_id: Some(String::new()), ..contact() }), Some("external_id"));
        assert_eq!(field_of(&ContactFields { external_id: Some("x".repeat(101)), ..contact() }), Some("external_id"));
        assert_eq!(field_of(&ContactFields { external_id: Some("crm-9".into()), ..contact() }), None);
    }
}
