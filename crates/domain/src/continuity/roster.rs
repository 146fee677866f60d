//! Who is who when assessing: employees from the lookup, optionally with a set of people
//! treated as gone (the departure what-if's leavers).

use chrono::NaiveDate;

use super::facts::{EmployeeFacts, EmployeeLookup};
use super::ids::UserId;
use crate::model::UserStatus;

pub(crate) struct Roster<'a> {
    lookup: &'a dyn EmployeeLookup,
    gone: &'a [UserId],
    today: NaiveDate,
}

impl<'a> Roster<'a> {
    /// `gone` lists employees to treat as departed whatever their facts say.
    pub(crate) fn new(lookup: &'a dyn EmployeeLookup, gone: &'a [UserId], today: NaiveDate) -> Self {
        Roster { lookup, gone, today }
    }

    fn facts(&self, id: UserId) -> Option<&'a EmployeeFacts> {
        self.lookup.employee(id)
    }

    fn is_gone(&self, id: UserId) -> bool {
        self.gone.contains(&id)
    }

    /// Still with the firm; an id the lookup does not know is a former employee.
    pub(crate) fn is_present(&self, id: UserId) -> bool {
        !self.is_gone(id) && self.facts(id).is_some_and(|employee| employee.is_present(self.today))
    }

    /// Leaving, departed or with a leave date (or treated as gone).
    pub(crate) fn is_departing(&self, id: UserId) -> bool {
        self.is_gone(id) || self.facts(id).is_none_or(EmployeeFacts::is_departing)
    }

    pub(crate) fn name(&self, id: UserId) -> String {
        match self.facts(id) {
            Some(employee) => employee.display_name.clone(),
            None => format!("user {id}"),
        }
    }

    /// The name with why the person counts as departing: "Bob Ray (leaving, leave date
    /// 2026-02-28)".
    pub(crate) fn name_with_departure(&self, id: UserId) -> String {
        let name = self.name(id);
        let Some(employee) = self.facts(id) else {
            return format!("{name} (former employee)");
        };
        let status = if self.is_gone(id) { UserStatus::Departed } else { employee.status };
        match (status, employee.leave_date) {
            (UserStatus::Active, Some(date)) => format!("{name} (leave date {date})"),
            (status, Some(date)) => format!("{name} ({status}, leave date {date})"),
            (status, None) => format!("{name} ({status})"),
        }
    }
}
