//! Who is who when assessing: employees from the lookup, optionally with a set of people
//! treated as gone (the departure what-if's leavers).

use chrono::NaiveDate;

use super::facts::{EmployeeFacts, EmployeeLookup};
use super::flags::{EmployeeRef, LeaverRef};
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

    /// The employee as a flag names them.
    pub(crate) fn employee(&self, id: UserId) -> EmployeeRef {
        EmployeeRef { user_id: id, name: self.facts(id).map(|employee| employee.display_name.clone()) }
    }

    /// The employee as a flag names a leaver: with why they count as departing (their
    /// status and leave date; departed when treated as gone).
    pub(crate) fn leaver(&self, id: UserId) -> LeaverRef {
        let facts = self.facts(id);
        LeaverRef {
            user_id: id,
            name: facts.map(|employee| employee.display_name.clone()),
            status: facts.map(|employee| if self.is_gone(id) { UserStatus::Departed } else { employee.status }),
            leave_date: facts.and_then(|employee| employee.leave_date),
        }
    }
}
