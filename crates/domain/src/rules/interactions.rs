//! An interaction's fields: what it takes to log one, what may change afterwards, and a
//! complaint's resolution and follow-up trail.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::RuleError;
use crate::{ComplaintStatus, InteractionKind, OnBehalfOf};

/// The longest summary, resolution or follow-up note accepted (characters).
pub const MAX_SUMMARY_CHARS: usize = 10_000;

/// What it takes to log an interaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewInteraction {
    pub external_id: Option<String>,
    pub kind: InteractionKind,
    pub occurred_at: DateTime<Utc>,
    pub summary: String,
    pub on_behalf_of: OnBehalfOf,
    pub complaint_status: Option<ComplaintStatus>,
    /// What was done, for a complaint logged as already resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
    pub follow_up_owner_id: Option<i64>,
    pub follow_up_due: Option<NaiveDate>,
    pub employee_ids: Vec<i64>,
    pub contact_ids: Vec<i64>,
    /// Set by the events store only: the event this touchpoint records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<i64>,
}

/// The parts of an interaction that can change after it was logged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InteractionChanges {
    pub summary: String,
    pub complaint_status: Option<ComplaintStatus>,
    /// What was done to resolve a complaint (kept while it stays resolved).
    pub resolution: Option<String>,
    pub follow_up_owner_id: Option<i64>,
    pub follow_up_due: Option<NaiveDate>,
}

/// A change asked for: absent parts stay; `Some(None)` clears the follow-up.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InteractionPatch {
    pub summary: Option<String>,
    pub complaint_status: Option<ComplaintStatus>,
    pub resolution: Option<String>,
    pub follow_up_owner_id: Option<Option<i64>>,
    pub follow_up_due: Option<Option<NaiveDate>>,
}

/// A touchpoint happened after 1970 and at most a day after `now` (clocks and time zones
/// differ); a summary is at most [`MAX_SUMMARY_CHARS`].
pub fn check_time_and_summary(occurred_at: DateTime<Utc>, summary: &str, now: DateTime<Utc>) -> Result<(), RuleError> {
    if occurred_at > now + Duration::days(1) {
        return Err(RuleError::invalid("occurred_at", "may be at most one day in the future"));
    }
    if occurred_at.date_naive() < NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default() {
        return Err(RuleError::invalid("occurred_at", "must be after 1970"));
    }
    check_summary(summary)
}

fn check_summary(summary: &str) -> Result<(), RuleError> {
    if summary.chars().count() > MAX_SUMMARY_CHARS {
        return Err(RuleError::invalid("summary", format!("must be at most {MAX_SUMMARY_CHARS} characters")));
    }
    Ok(())
}

/// An interaction logged by a person (JSON body or imported line): a time and summary within
/// bounds, a complaint status exactly when it is a complaint, and at least one participant.
/// Names the first field at fault.
pub fn check_new(new: &NewInteraction, now: DateTime<Utc>) -> Result<(), RuleError> {
    check_time_and_summary(new.occurred_at, &new.summary, now)?;
    if (new.kind == InteractionKind::Complaint) != new.complaint_status.is_some() {
        return Err(RuleError::invalid("complaint_status", "only a complaint has a complaint status"));
    }
    if new.employee_ids.is_empty() && new.contact_ids.is_empty() {
        return Err(RuleError::invalid("employee_ids", "name at least one participant (employee or contact)"));
    }
    Ok(())
}

/// A change keeps the summary within bounds, and only complaints have a complaint status,
/// every complaint keeping one (`before`: the interaction as it stands).
pub fn check_changes(before: &InteractionChanges, after: &InteractionChanges) -> Result<(), RuleError> {
    check_summary(&after.summary)?;
    super::complaint_status_kept(before.complaint_status.is_some(), after.complaint_status.is_some())
}

/// The interaction after `patch`: resolving an open complaint asks for what was done
/// (non-blank, at most [`MAX_SUMMARY_CHARS`]); a resolved one may have its resolution
/// corrected; otherwise the resolution stays. Names the field at fault.
pub fn patched(current: &InteractionChanges, patch: InteractionPatch) -> Result<InteractionChanges, RuleError> {
    if let Some(summary) = &patch.summary {
        check_summary(summary)?;
    }
    if patch.complaint_status.is_some() && current.complaint_status.is_none() {
        return Err(RuleError::invalid("complaint_status", "only a complaint has a complaint status"));
    }
    let resolution = patch.resolution.map(|text| text.trim().to_owned());
    if resolution.as_ref().is_some_and(|text| text.chars().count() > MAX_SUMMARY_CHARS) {
        return Err(RuleError::invalid("resolution", format!("must be at most {MAX_SUMMARY_CHARS} characters")));
    }
    let ask = || RuleError::invalid("resolution", "say what was done to resolve the complaint");
    let status = patch.complaint_status.or(current.complaint_status);
    let resolution = match (current.complaint_status, status, resolution) {
        (None, _, Some(_)) => return Err(RuleError::invalid("resolution", "only a complaint has a resolution")),
        (_, Some(ComplaintStatus::Resolved), Some(text)) if text.is_empty() => return Err(ask()),
        (_, Some(ComplaintStatus::Resolved), Some(text)) => Some(text),
        (Some(ComplaintStatus::Open), Some(ComplaintStatus::Resolved), None) => return Err(ask()),
        (_, _, Some(_)) => {
            return Err(RuleError::invalid("resolution", "a resolution is given when resolving the complaint"))
        }
        (_, _, None) => current.resolution.clone(),
    };
    Ok(InteractionChanges {
        summary: patch.summary.unwrap_or_else(|| current.summary.clone()),
        complaint_status: status,
        resolution,
        follow_up_owner_id: patch.follow_up_owner_id.unwrap_or(current.follow_up_owner_id),
        follow_up_due: patch.follow_up_due.unwrap_or(current.follow_up_due),
    })
}

/// A note on a complaint's follow-up trail says something (non-blank, at most
/// [`MAX_SUMMARY_CHARS`]); only complaints have a trail.
pub fn check_follow_up_note(kind: InteractionKind, note: &str) -> Result<(), RuleError> {
    if note.trim().is_empty() {
        return Err(RuleError::invalid("note", "must not be blank"));
    }
    if note.chars().count() > MAX_SUMMARY_CHARS {
        return Err(RuleError::invalid("note", format!("must be at most {MAX_SUMMARY_CHARS} characters")));
    }
    if kind != InteractionKind::Complaint {
        return Err(RuleError::invalid("note", "only complaints have a follow-up trail"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::super::test_support::{field_of, now};
    use super::*;

    fn meeting() -> NewInteraction {
        NewInteraction {
            external_id: None,
            kind: InteractionKind::Meeting,
            occurred_at: now() - Duration::days(3),
            summary: "Quarterly review".into(),
            on_behalf_of: OnBehalfOf::Person,
            complaint_status: None,
            resolution: None,
            follow_up_owner_id: None,
            follow_up_due: None,
            employee_ids: vec![1],
            contact_ids: Vec::new(),
            event_id: None,
        }
    }

    fn complaint(status: ComplaintStatus, resolution: Option<&str>) -> InteractionChanges {
        InteractionChanges {
            summary: "Late invoice".into(),
            complaint_status: Some(status),
            resolution: resolution.map(str::to_owned),
            follow_up_owner_id: None,
            follow_up_due: None,
        }
    }

    #[test]
    fn an_interaction_lies_after_1970_and_at_most_a_day_ahead() {
        assert_eq!(check_new(&meeting(), now()), Ok(()));
        let tomorrow = NewInteraction { occurred_at: now() + Duration::hours(23), ..meeting() };
        assert_eq!(check_new(&tomorrow, now()), Ok(()));
        let next_week = NewInteraction { occurred_at: now() + Duration::days(7), ..meeting() };
        assert_eq!(field_of(check_new(&next_week, now())), Some("occurred_at"));
        let ancient = NewInteraction { occurred_at: Utc.timestamp_opt(-86_400, 0).unwrap(), ..meeting() };
        assert_eq!(check_new(&ancient, now()), Err(RuleError::invalid("occurred_at", "must be after 1970")));
    }

    #[test]
    fn a_summary_is_at_most_ten_thousand_characters() {
        let long = NewInteraction { summary: "é".repeat(MAX_SUMMARY_CHARS + 1), ..meeting() };
        assert_eq!(field_of(check_new(&long, now())), Some("summary"));
        let full = NewInteraction { summary: "é".repeat(MAX_SUMMARY_CHARS), ..meeting() };
        assert_eq!(check_new(&full, now()), Ok(()));
    }

    #[test]
    fn only_a_complaint_has_a_complaint_status_and_someone_takes_part() {
        let odd = NewInteraction { complaint_status: Some(ComplaintStatus::Open), ..meeting() };
        assert_eq!(field_of(check_new(&odd, now())), Some("complaint_status"));
        let bare = NewInteraction { kind: InteractionKind::Complaint, ..meeting() };
        assert_eq!(field_of(check_new(&bare, now())), Some("complaint_status"));
        let nobody = NewInteraction { employee_ids: Vec::new(), ..meeting() };
        assert_eq!(field_of(check_new(&nobody, now())), Some("employee_ids"));
        let a_contact = NewInteraction { employee_ids: Vec::new(), contact_ids: vec![4], ..meeting() };
        assert_eq!(check_new(&a_contact, now()), Ok(()));
    }

    #[test]
    fn a_change_keeps_a_complaint_a_complaint() {
        let open = complaint(ComplaintStatus::Open, None);
        let not_one = InteractionChanges { complaint_status: None, ..open.clone() };
        assert_eq!(field_of(check_changes(&open, &not_one)), Some("complaint_status"));
        let long = InteractionChanges { summary: "x".repeat(MAX_SUMMARY_CHARS + 1), ..open.clone() };
        assert_eq!(field_of(check_changes(&open, &long)), Some("summary"));
        assert_eq!(check_changes(&open, &open), Ok(()));
    }

    #[test]
    fn resolving_an_open_complaint_asks_what_was_done() {
        let open = complaint(ComplaintStatus::Open, None);
        let resolve = |resolution: Option<&str>| InteractionPatch {
            complaint_status: Some(ComplaintStatus::Resolved),
            resolution: resolution.map(str::to_owned),
            ..InteractionPatch::default()
        };
        assert_eq!(field_of(patched(&open, resolve(None))), Some("resolution"));
        assert_eq!(field_of(patched(&open, resolve(Some("  ")))), Some("resolution"));
        let resolved = patched(&open, resolve(Some(" refunded "))).expect("resolved");
        assert_eq!(resolved.complaint_status, Some(ComplaintStatus::Resolved));
        assert_eq!(resolved.resolution.as_deref(), Some("refunded"));
    }

    #[test]
    fn a_resolution_belongs_to_resolving_a_complaint() {
        let meeting = InteractionChanges { complaint_status: None, ..complaint(ComplaintStatus::Open, None) };
        let with_resolution = InteractionPatch { resolution: Some("done".into()), ..InteractionPatch::default() };
        assert_eq!(
            patched(&meeting, with_resolution.clone()),
            Err(RuleError::invalid("resolution", "only a complaint has a resolution"))
        );
        let status = InteractionPatch { complaint_status: Some(ComplaintStatus::Open), ..InteractionPatch::default() };
        assert_eq!(field_of(patched(&meeting, status)), Some("complaint_status"));
        let open = complaint(ComplaintStatus::Open, None);
        assert_eq!(field_of(patched(&open, with_resolution.clone())), Some("resolution"));
        let resolved = complaint(ComplaintStatus::Resolved, Some("refunded"));
        let corrected = patched(&resolved, with_resolution).expect("corrected");
        assert_eq!(corrected.resolution.as_deref(), Some("done"));
        let summary = InteractionPatch { summary: Some("Late invoice, paid".into()), ..InteractionPatch::default() };
        assert_eq!(patched(&resolved, summary).expect("kept").resolution.as_deref(), Some("refunded"));
    }

    #[test]
    fn a_follow_up_note_says_something_and_goes_on_a_complaint() {
        assert_eq!(check_follow_up_note(InteractionKind::Complaint, "called back"), Ok(()));
        assert_eq!(field_of(check_follow_up_note(InteractionKind::Complaint, "  ")), Some("note"));
        assert_eq!(
            check_follow_up_note(InteractionKind::Meeting, "called back"),
            Err(RuleError::invalid("note", "only complaints have a follow-up trail"))
        );
    }
}
