//! Complaints as dialogue (PRODUCT.md: "treats every complaint as the start of a dialogue"):
//! an open complaint ages from the day it was logged, and is overdue once it has been open
//! for more than [`OVERDUE_AFTER_DAYS`] days.

use chrono::{DateTime, Utc};

use crate::model::ComplaintStatus;

/// An open complaint older than this many days is overdue (highlighted on the dashboard).
pub const OVERDUE_AFTER_DAYS: i64 = 14;

/// Whole days since the complaint was opened (0 on the first day; never negative).
pub fn age_days(opened_at: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    (now - opened_at).num_days().max(0)
}

/// Whether the complaint is still open after more than [`OVERDUE_AFTER_DAYS`] days.
pub fn is_overdue(status: ComplaintStatus, opened_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    status == ComplaintStatus::Open && now - opened_at > chrono::Duration::days(OVERDUE_AFTER_DAYS)
}

/// The latest opening time of an overdue complaint at `now`: complaints opened before it are
/// overdue while open (for queries that count them).
pub fn overdue_before(now: DateTime<Utc>) -> DateTime<Utc> {
    now - chrono::Duration::days(OVERDUE_AFTER_DAYS)
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;

    #[test]
    fn an_open_complaint_is_overdue_after_fourteen_days_and_a_resolved_one_never() {
        let now = Utc::now();
        let fifteen = now - Duration::days(15);
        assert_eq!(age_days(fifteen, now), 15);
        assert!(is_overdue(ComplaintStatus::Open, fifteen, now));
        assert!(!is_overdue(ComplaintStatus::Resolved, fifteen, now));
        assert!(!is_overdue(ComplaintStatus::Open, now - Duration::days(14), now));
        assert!(fifteen < overdue_before(now));
        assert_eq!(age_days(now + Duration::hours(3), now), 0);
    }
}
