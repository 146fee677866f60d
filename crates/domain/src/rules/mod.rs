//! The rules a change must keep, as functions answering a [`RuleError`] that names the field
//! (or state) at fault. Every way data enters — the JSON API, the CSV import, the CLI — goes
//! through the store's writes, which call these; the API turns a [`RuleError`] into a problem
//! document in one place (`crates/api/src/http/error.rs`).

pub mod accounts;
pub mod campaigns;
pub mod contacts;
pub mod coverage;
pub mod events;
pub mod handovers;
pub mod interactions;
pub mod teams;
pub mod users;

use crate::{CampaignStatus, DeparturePlanStatus, EventStatus};

/// A change the rules of the domain refuse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    /// The input breaks a rule: a value out of bounds, a reference to nothing, a combination
    /// that cannot be. `field` names the input at fault, if one is.
    #[error("{reason}")]
    Invalid { field: Option<&'static str>, reason: String },
    /// The record's state does not allow the change (a closed event, a sent campaign);
    /// `field` names the state.
    #[error("{reason}")]
    WrongState { field: &'static str, reason: String },
    /// Other records stand in the way (accounts that hang on a leaver alone, handovers without
    /// a successor); `account_ids` names them.
    #[error("{reason}")]
    Blocked { reason: String, account_ids: Vec<i64> },
}

impl RuleError {
    /// `field` breaks a rule, for `reason`.
    pub fn invalid(field: &'static str, reason: impl Into<String>) -> RuleError {
        RuleError::Invalid { field: Some(field), reason: reason.into() }
    }

    /// The change as a whole breaks a rule no single field carries.
    pub fn refused(reason: impl Into<String>) -> RuleError {
        RuleError::Invalid { field: None, reason: reason.into() }
    }
}

/// A setting out of its range refuses the change of the firm's settings, naming the setting
/// by its dotted name (`kind_weights.note`).
impl From<crate::continuity::SettingsError> for RuleError {
    fn from(error: crate::continuity::SettingsError) -> RuleError {
        RuleError::invalid(error.name, error.to_string())
    }
}

/// A closed event's attendance and details no longer change.
pub fn event_is_open(status: EventStatus) -> Result<(), RuleError> {
    match status {
        EventStatus::Open => Ok(()),
        EventStatus::Closed => Err(RuleError::WrongState {
            field: "status",
            reason: "the event is closed: its attendance and details can no longer change".into(),
        }),
    }
}

/// Only a draft campaign changes or is sent; a sent one is a record of what went out.
pub fn campaign_is_draft(status: CampaignStatus) -> Result<(), RuleError> {
    match status {
        CampaignStatus::Draft => Ok(()),
        _ => Err(RuleError::WrongState { field: "status", reason: "the campaign was already sent".into() }),
    }
}

/// A campaign whose equal-treatment check warns is sent only with a reason that acknowledges
/// the warnings (PRODUCT.md, equal-treatment check); the reason is kept with the audit entry.
pub fn campaign_may_be_sent(warning_codes: &[&str], acknowledge_reason: Option<&str>) -> Result<(), RuleError> {
    let acknowledged = acknowledge_reason.is_some_and(|reason| !reason.trim().is_empty());
    if warning_codes.is_empty() || acknowledged {
        return Ok(());
    }
    Err(RuleError::invalid(
        "acknowledge_reason",
        format!(
            "this campaign carries warnings ({}); sending it needs a reason acknowledging them",
            warning_codes.join(", ")
        ),
    ))
}

/// A departure plan's handovers change only while it is open, and only an open plan is
/// cancelled (applied and cancelled plans are records of what happened).
pub fn plan_is_open(status: DeparturePlanStatus) -> Result<(), RuleError> {
    match status {
        DeparturePlanStatus::Open => Ok(()),
        other => Err(RuleError::WrongState { field: "status", reason: format!("the plan is {other}") }),
    }
}

/// A plan is applied once, and only when every handover has a successor or a waiver
/// (`unresolved`: the accounts whose handover has neither).
pub fn plan_may_be_applied(status: DeparturePlanStatus, unresolved: Vec<i64>) -> Result<(), RuleError> {
    if status != DeparturePlanStatus::Open {
        return Err(RuleError::Blocked { reason: format!("the plan is already {status}"), account_ids: Vec::new() });
    }
    if !unresolved.is_empty() {
        return Err(RuleError::Blocked {
            reason: format!("{} handover(s) have neither a successor nor a waiver", unresolved.len()),
            account_ids: unresolved,
        });
    }
    Ok(())
}

/// The deactivation guard (PRODUCT.md, as "Departing people are no cover" decides it): nobody
/// is set `departed` while active accounts they hold with no staying holder besides them
/// (other holders who are leaving too do not count) have neither a successor nor a waiver
/// (`blocking`).
pub fn departure_allowed(display_name: &str, blocking: Vec<i64>) -> Result<(), RuleError> {
    if blocking.is_empty() {
        return Ok(());
    }
    Err(RuleError::Blocked {
        reason: format!(
            "{display_name} holds {} account(s) that no staying colleague holds and that have no successor or waiver; plan their handover first",
            blocking.len()
        ),
        account_ids: blocking,
    })
}

/// A link joins two different accounts.
pub fn link_joins_two_accounts(account_id: i64, other_account_id: i64) -> Result<(), RuleError> {
    if account_id == other_account_id {
        return Err(RuleError::invalid("other_account_id", "an account cannot link to itself"));
    }
    Ok(())
}

/// Only complaints have a complaint status, and every complaint keeps one: an edit cannot turn
/// one into the other.
pub fn complaint_status_kept(had_status: bool, has_status: bool) -> Result<(), RuleError> {
    if had_status != has_status {
        return Err(RuleError::invalid(
            "complaint_status",
            "only complaints have a complaint status, and every complaint has one",
        ));
    }
    Ok(())
}

/// What the rules' tests share.
#[cfg(test)]
pub(crate) mod test_support {
    use chrono::{DateTime, TimeZone, Utc};

    use super::RuleError;

    /// A fixed "now" the tests measure times from.
    pub fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 9, 30, 0).single().expect("a time")
    }

    /// The field a rule refused, `None` when it passed.
    pub fn field_of<T: std::fmt::Debug>(result: Result<T, RuleError>) -> Option<&'static str> {
        match result {
            Ok(_) => None,
            Err(RuleError::Invalid { field, .. }) => field,
            Err(other) => panic!("unexpected {other:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_event_and_a_sent_campaign_no_longer_change() {
        assert_eq!(event_is_open(EventStatus::Open), Ok(()));
        assert!(matches!(event_is_open(EventStatus::Closed), Err(RuleError::WrongState { field: "status", .. })));
        assert_eq!(campaign_is_draft(CampaignStatus::Draft), Ok(()));
        assert!(matches!(campaign_is_draft(CampaignStatus::Sent), Err(RuleError::WrongState { field: "status", .. })));
    }

    #[test]
    fn a_campaign_with_warnings_needs_a_reason_that_is_not_blank() {
        assert_eq!(campaign_may_be_sent(&[], None), Ok(()));
        assert_eq!(campaign_may_be_sent(&["excludes_majority"], Some("board decision 12/3")), Ok(()));
        let refused = campaign_may_be_sent(&["excludes_majority"], Some("   ")).expect_err("blank reason");
        assert!(matches!(refused, RuleError::Invalid { field: Some("acknowledge_reason"), .. }));
        assert!(refused.to_string().contains("excludes_majority"));
    }

    #[test]
    fn a_plan_is_applied_once_and_only_when_every_handover_is_settled() {
        assert_eq!(plan_may_be_applied(DeparturePlanStatus::Open, Vec::new()), Ok(()));
        assert_eq!(
            plan_may_be_applied(DeparturePlanStatus::Open, vec![7, 9]),
            Err(RuleError::Blocked {
                reason: "2 handover(s) have neither a successor nor a waiver".into(),
                account_ids: vec![7, 9]
            })
        );
        let twice = plan_may_be_applied(DeparturePlanStatus::Applied, Vec::new()).expect_err("applied twice");
        assert_eq!(twice.to_string(), "the plan is already applied");
        assert_eq!(plan_is_open(DeparturePlanStatus::Open), Ok(()));
        let cancelled_twice = plan_is_open(DeparturePlanStatus::Cancelled).expect_err("cancelled");
        assert_eq!(cancelled_twice, RuleError::WrongState { field: "status", reason: "the plan is cancelled".into() });
        assert!(plan_is_open(DeparturePlanStatus::Applied).is_err());
    }

    #[test]
    fn the_guard_names_the_person_and_the_accounts_that_hang_on_them() {
        assert_eq!(departure_allowed("Anna", Vec::new()), Ok(()));
        let refused = departure_allowed("Anna de Vries", vec![3]).expect_err("blocked");
        assert_eq!(
            refused,
            RuleError::Blocked {
                reason: "Anna de Vries holds 1 account(s) that no staying colleague holds and that have no successor \
                         or waiver; plan their handover first"
                    .into(),
                account_ids: vec![3]
            }
        );
    }

    #[test]
    fn an_account_does_not_link_to_itself_and_a_complaint_stays_one() {
        assert!(link_joins_two_accounts(4, 5).is_ok());
        assert!(matches!(
            link_joins_two_accounts(4, 4),
            Err(RuleError::Invalid { field: Some("other_account_id"), .. })
        ));
        assert!(complaint_status_kept(true, true).is_ok());
        assert!(complaint_status_kept(false, true).is_err());
    }
}
