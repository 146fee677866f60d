//! A client event's fields and their bounds.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::interactions::check_time_and_summary;
use super::RuleError;
use crate::EventKind;

/// The most contacts one event records.
pub const MAX_ATTENDEES: usize = 2_000;

/// What an event is made of, as written and audited.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventFields {
    pub name: String,
    pub kind: EventKind,
    pub occurred_at: DateTime<Utc>,
    pub summary: String,
    pub employee_ids: Vec<i64>,
    pub contact_ids: Vec<i64>,
}

/// An event has a name of 1–200 characters, a time and summary as a touchpoint's (it leaves
/// one on every attending account), and 1 to [`MAX_ATTENDEES`] attending contacts. Names the
/// first field at fault.
pub fn check(fields: &EventFields, now: DateTime<Utc>) -> Result<(), RuleError> {
    let name = fields.name.trim().chars().count();
    if name == 0 || name > 200 {
        return Err(RuleError::invalid("name", "must be 1 to 200 characters"));
    }
    check_time_and_summary(fields.occurred_at, &fields.summary, now)?;
    if fields.contact_ids.is_empty() {
        return Err(RuleError::invalid(
            "contact_ids",
            "name at least one attending contact (to drop them all, delete the event)",
        ));
    }
    if fields.contact_ids.len() > MAX_ATTENDEES {
        return Err(RuleError::invalid("contact_ids", format!("at most {MAX_ATTENDEES} contacts")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::super::test_support::now;
    use super::*;

    fn client_day() -> EventFields {
        EventFields {
            name: "Client day".into(),
            kind: EventKind::ClientDay,
            occurred_at: now() - Duration::days(1),
            summary: String::new(),
            employee_ids: Vec::new(),
            contact_ids: vec![1, 2],
        }
    }

    fn field_of(fields: &EventFields) -> Option<&'static str> {
        super::super::test_support::field_of(check(fields, now()))
    }

    #[test]
    fn an_event_with_a_name_a_past_time_and_attendees_passes() {
        assert_eq!(check(&client_day(), now()), Ok(()));
    }

    #[test]
    fn an_event_needs_a_name_and_a_time_no_later_than_tomorrow() {
        assert_eq!(field_of(&EventFields { name: " ".into(), ..client_day() }), Some("name"));
        let later = EventFields { occurred_at: now() + Duration::days(2), ..client_day() };
        assert_eq!(field_of(&later), Some("occurred_at"));
    }

    #[test]
    fn an_event_keeps_between_one_and_two_thousand_contacts() {
        assert_eq!(field_of(&EventFields { contact_ids: Vec::new(), ..client_day() }), Some("contact_ids"));
        let crowd = EventFields { contact_ids: (1..=2_001).collect(), ..client_day() };
        assert_eq!(check(&crowd, now()), Err(RuleError::invalid("contact_ids", "at most 2000 contacts")));
    }
}
