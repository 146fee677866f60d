//! Complaints as dialogue (PRODUCT.md: "treats every complaint as the start of a dialogue"):
//! an open complaint ages from the day it was logged, and is overdue once it has been open
//! for more than the firm's `complaint_overdue_days` (14 by default, see [`Settings`]).

use chrono::{DateTime, Utc};

use crate::continuity::Settings;
use crate::model::ComplaintStatus;

/// Whole days since the complaint was opened (0 on the first day; never negative).
pub fn age_days(opened_at: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    (now - opened_at).num_days().max(0)
}

/// Whether the complaint is still open after more than `complaint_overdue_days` days.
pub fn is_overdue(status: ComplaintStatus, opened_at: DateTime<Utc>, now: DateTime<Utc>, settings: &Settings) -> bool {
    status == ComplaintStatus::Open && opened_at < overdue_before(now, settings)
}

/// The latest opening time of an overdue complaint at `now`: complaints opened before it are
/// overdue while open (for queries that count them).
pub fn overdue_before(now: DateTime<Utc>, settings: &Settings) -> DateTime<Utc> {
    now - chrono::Duration::days(settings.complaint_overdue_days)
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;

    #[test]
    fn an_open_complaint_is_overdue_after_fourteen_days_and_a_resolved_one_never() {
        let now = Utc::now();
        let settings = Settings::default();
        let fifteen = now - Duration::days(15);
        assert_eq!(age_days(fifteen, now), 15);
        assert!(is_overdue(ComplaintStatus::Open, fifteen, now, &settings));
        assert!(!is_overdue(ComplaintStatus::Resolved, fifteen, now, &settings));
        assert!(!is_overdue(ComplaintStatus::Open, now - Duration::days(14), now, &settings));
        assert!(fifteen < overdue_before(now, &settings));
        assert_eq!(age_days(now + Duration::hours(3), now), 0);
    }

    #[test]
    fn the_firm_sets_how_long_a_complaint_may_stay_open() {
        let now = Utc::now();
        let settings = Settings { complaint_overdue_days: 3, ..Settings::default() };
        assert!(is_overdue(ComplaintStatus::Open, now - Duration::days(4), now, &settings));
        assert!(!is_overdue(ComplaintStatus::Open, now - Duration::days(3), now, &settings));
    }
}
