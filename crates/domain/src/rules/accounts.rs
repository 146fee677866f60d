//! An account's own fields and their bounds.

use serde::{Deserialize, Serialize};

use super::RuleError;
use crate::validation::is_currency;
use crate::{AccountStatus, Tier};

/// The account's own fields, as written and audited (without the derived risk).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountFields {
    pub external_id: Option<String>,
    pub name: String,
    pub tier: Tier,
    pub region: String,
    pub team_id: i64,
    pub annual_value_minor: i64,
    pub currency: String,
    pub status: AccountStatus,
}

/// An account has a name (1–200 characters) and a region (1–100), a value that is not
/// negative in integer minor units, an ISO 4217 currency and, if any, an external id of 1–100
/// characters. Names the first field at fault.
pub fn check(fields: &AccountFields) -> Result<(), RuleError> {
    let name = fields.name.trim().chars().count();
    if name == 0 || name > 200 {
        return Err(RuleError::invalid("name", "must be 1 to 200 characters"));
    }
    let region = fields.region.trim().chars().count();
    if region == 0 || region > 100 {
        return Err(RuleError::invalid("region", "must be 1 to 100 characters"));
    }
    if fields.annual_value_minor < 0 {
        return Err(RuleError::invalid("annual_value_minor", "must not be negative (integer minor units)"));
    }
    if !is_currency(&fields.currency) {
        return Err(RuleError::invalid("currency", "must be an ISO 4217 code such as EUR"));
    }
    if let Some(external_id) = &fields.external_id {
        if external_id.trim().is_empty() || external_id.len() > 100 {
            return Err(RuleError::invalid("external_id", "must be 1 to 100 characters"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account() -> AccountFields {
        AccountFields {
            external_id: Some("crm-1".into()),
            name: "Acme Holding".into(),
            tier: Tier::A,
            region: "Zürich".into(),
            team_id: 1,
            annual_value_minor: 100_000,
            currency: "CHF".into(),
            status: AccountStatus::Active,
        }
    }

    fn field_of(fields: &AccountFields) -> Option<&'static str> {
        super::super::test_support::field_of(check(fields))
    }

    #[test]
    fn a_complete_account_passes() {
        assert_eq!(check(&account()), Ok(()));
        assert_eq!(check(&AccountFields { external_id: None, ..account() }), Ok(()));
    }

    #[test]
    fn a_blank_or_overlong_name_or_region_is_refused() {
        assert_eq!(field_of(&AccountFields { name: "   ".into(), ..account() }), Some("name"));
        assert_eq!(field_of(&AccountFields { name: "x".repeat(201), ..account() }), Some("name"));
        assert_eq!(field_of(&AccountFields { name: "é".repeat(200), ..account() }), None, "characters, not bytes");
        assert_eq!(field_of(&AccountFields { region: String::new(), ..account() }), Some("region"));
        assert_eq!(field_of(&AccountFields { region: "x".repeat(101), ..account() }), Some("region"));
    }

    #[test]
    fn a_negative_value_or_an_unknown_currency_is_refused() {
        let refused = check(&AccountFields { annual_value_minor: -1, ..account() }).expect_err("negative");
        assert_eq!(refused, RuleError::invalid("annual_value_minor", "must not be negative (integer minor units)"));
        assert_eq!(field_of(&AccountFields { currency: "EUT".into(), ..account() }), Some("currency"));
        assert_eq!(field_of(&AccountFields { currency: "eur".into(), ..account() }), Some("currency"));
    }

    #[test]
    fn an_external_id_is_one_to_a_hundred_characters() {
        assert_eq!(field_of(&AccountFields { external_id: Some(" ".into()), ..account() }), Some("external_id"));
        assert_eq!(field_of(&AccountFields { external_id: Some("x".repeat(101)), ..account() }), Some("external_id"));
    }
}
