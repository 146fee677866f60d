//! The flags of an account (PRODUCT.md, "The continuity model", flags table). Each flag
//! carries an explanation naming the people and the figures behind it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::concentration::at_least;
use super::coverage::{check_coverage, CoveragePolicy};
use super::facts::AccountFacts;
use super::ids::{ContactId, UserId};
use super::risk::{ContactShare, EmployeeShare, ShareBasis, ThreadShare};
use super::roster::Roster;
use super::settings::Settings;
use super::staleness::stale_explanation;
use crate::model::text_enum;

text_enum!(
    /// A flag's stable code (PRODUCT.md, flags table).
    FlagCode {
        NoOwner => "no_owner",
        SingleOwner => "single_owner",
        KeyPerson => "key_person",
        SingleContact => "single_contact",
        SingleThreaded => "single_threaded",
        DepartingHolder => "departing_holder",
        ChampionLeft => "champion_left",
        Stale => "stale",
        OpenComplaint => "open_complaint",
        PolicyBreach => "policy_breach",
    }
);

impl FlagCode {
    /// The flags that hang on one of our people (PRODUCT.md, "Ties to the firm lower the
    /// risk"), whose weight in the score the account's institutional ties damp (see
    /// [`risk_score`](super::risk_score)).
    pub const PERSON_DEPENDENT: [FlagCode; 4] =
        [FlagCode::KeyPerson, FlagCode::SingleOwner, FlagCode::SingleThreaded, FlagCode::DepartingHolder];

    /// Whether the flag is one of [`FlagCode::PERSON_DEPENDENT`].
    pub fn is_person_dependent(self) -> bool {
        FlagCode::PERSON_DEPENDENT.contains(&self)
    }
}

/// A raised flag with its explanation, e.g. `key_person`: "Ana Silva holds 82 % of the
/// relationship strength".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    pub code: FlagCode,
    pub explanation: String,
}

/// Everything the flags read, computed once by the assessment.
pub(crate) struct FlagContext<'a> {
    pub account: &'a AccountFacts,
    pub roster: &'a Roster<'a>,
    pub settings: &'a Settings,
    pub now: DateTime<Utc>,
    /// Largest share first.
    pub employees: &'a [EmployeeShare],
    pub contacts: &'a [ContactShare],
    pub threads: &'a [ThreadShare],
    pub internal_basis: ShareBasis,
    /// Distinct users with an open assignment, present or not.
    pub assigned: &'a [UserId],
    pub assigned_present: &'a [UserId],
    pub current_contacts: usize,
    pub bus_factor: usize,
    pub policy: Option<&'a CoveragePolicy>,
}

/// Explains why a flag is raised, or `None`.
type FlagCheck = fn(&FlagContext<'_>) -> Option<String>;

/// Raises every flag of the table that applies, in the table's order.
pub(crate) fn raise_flags(context: &FlagContext<'_>) -> Vec<Flag> {
    let checks: [(FlagCode, FlagCheck); 10] = [
        (FlagCode::NoOwner, no_owner),
        (FlagCode::SingleOwner, single_owner),
        (FlagCode::KeyPerson, key_person),
        (FlagCode::SingleContact, single_contact),
        (FlagCode::SingleThreaded, single_threaded),
        (FlagCode::DepartingHolder, departing_holder),
        (FlagCode::ChampionLeft, champion_left),
        (FlagCode::Stale, stale),
        (FlagCode::OpenComplaint, open_complaint),
        (FlagCode::PolicyBreach, policy_breach),
    ];
    checks
        .into_iter()
        .filter_map(|(code, check)| check(context).map(|explanation| Flag { code, explanation }))
        .collect()
}

pub(crate) fn percent(share: f64) -> String {
    format!("{:.0} %", share * 100.0)
}

fn contact_name(account: &AccountFacts, contact_id: ContactId) -> String {
    account
        .contacts
        .iter()
        .find(|contact| contact.id == contact_id)
        .map_or_else(|| format!("contact {contact_id}"), |contact| contact.name.clone())
}

fn fallback_note(basis: ShareBasis, settings: &Settings) -> String {
    match basis {
        ShareBasis::Interactions => String::new(),
        ShareBasis::EqualFallback => format!(
            " (equal shares over the account team: no personal interaction in the last {} days)",
            settings.window_days
        ),
    }
}

/// `no_owner`: no open assignment to an active employee.
fn no_owner(context: &FlagContext<'_>) -> Option<String> {
    if !context.assigned_present.is_empty() {
        return None;
    }
    if context.assigned.is_empty() {
        return Some("Nobody is assigned to the account".to_owned());
    }
    let former: Vec<String> = context.assigned.iter().map(|&id| context.roster.name_with_departure(id)).collect();
    Some(format!("No active employee is assigned; still assigned: {}", former.join(", ")))
}

/// `single_owner`: exactly one active employee assigned.
fn single_owner(context: &FlagContext<'_>) -> Option<String> {
    match context.assigned_present {
        [only] => Some(format!("{} is the only active employee assigned", context.roster.name(*only))),
        _ => None,
    }
}

/// `key_person`: one employee holds ≥ 70 % of the relationship strength (`CR1 ≥ 0.7`).
fn key_person(context: &FlagContext<'_>) -> Option<String> {
    let top = context.employees.first()?;
    at_least(top.share, context.settings.key_person_min_share).then(|| {
        format!(
            "{} holds {} of the relationship strength{}",
            context.roster.name(top.user_id),
            percent(top.share),
            fallback_note(context.internal_basis, context.settings),
        )
    })
}

/// `single_contact`: at most one current client contact on file, or one contact holds ≥ 70 %
/// of the contact strength.
fn single_contact(context: &FlagContext<'_>) -> Option<String> {
    match context.current_contacts {
        0 => return Some("No current client contact on file".to_owned()),
        1 => {
            let today = context.now.date_naive();
            let name = context
                .account
                .contacts
                .iter()
                .find(|contact| contact.is_current(today))
                .map_or_else(String::new, |contact| format!(": {}", contact.name));
            return Some(format!("Only one current client contact on file{name}"));
        }
        _ => {}
    }
    let top = context.contacts.first()?;
    at_least(top.share, context.settings.single_contact_min_share).then(|| {
        format!(
            "{} holds {} of the client-side relationship strength",
            contact_name(context.account, top.contact_id),
            percent(top.share)
        )
    })
}

/// `single_threaded`: one (employee, contact) pair carries ≥ 90 % of the thread strength.
fn single_threaded(context: &FlagContext<'_>) -> Option<String> {
    let top = context.threads.first()?;
    at_least(top.share, context.settings.single_thread_min_share).then(|| {
        format!(
            "The relationship runs through one thread: {} with {} carries {} of the strength",
            context.roster.name(top.user_id),
            contact_name(context.account, top.contact_id),
            percent(top.share)
        )
    })
}

/// `departing_holder`: an employee who is leaving, departed or has a leave date is the only
/// owner (assigned, with no other active employee assigned) or holds ≥ 50 %.
fn departing_holder(context: &FlagContext<'_>) -> Option<String> {
    let roster = context.roster;
    let mut reasons = Vec::new();
    for employee in context.employees {
        if !roster.is_departing(employee.user_id) {
            continue;
        }
        if at_least(employee.share, context.settings.departing_holder_min_share) {
            reasons.push(format!(
                "{} holds {} of the relationship strength",
                roster.name_with_departure(employee.user_id),
                percent(employee.share)
            ));
        } else if is_only_owner(context, employee.user_id) {
            reasons.push(only_owner_reason(context, employee.user_id));
        }
    }
    for &user_id in context.assigned {
        let listed = context.employees.iter().any(|employee| employee.user_id == user_id);
        if !listed && roster.is_departing(user_id) && is_only_owner(context, user_id) {
            reasons.push(only_owner_reason(context, user_id));
        }
    }
    (!reasons.is_empty()).then(|| reasons.join("; "))
}

fn is_only_owner(context: &FlagContext<'_>, user_id: UserId) -> bool {
    context.assigned.contains(&user_id) && context.assigned_present.iter().all(|&other| other == user_id)
}

fn only_owner_reason(context: &FlagContext<'_>, user_id: UserId) -> String {
    format!("{} is the only owner", context.roster.name_with_departure(user_id))
}

/// `champion_left`: a contact holding ≥ 50 % of the contact strength has left the client.
fn champion_left(context: &FlagContext<'_>) -> Option<String> {
    let reasons: Vec<String> = context
        .contacts
        .iter()
        .filter(|share| at_least(share.share, context.settings.champion_left_min_share))
        .filter_map(|share| {
            let contact = context.account.contacts.iter().find(|contact| contact.id == share.contact_id)?;
            let left_at = contact.left_at?;
            Some(format!(
                "{}, holding {} of the client-side relationship strength, left the client on {left_at}",
                contact.name,
                percent(share.share)
            ))
        })
        .collect();
    (!reasons.is_empty()).then(|| reasons.join("; "))
}

/// `stale`: see [`stale_explanation`].
fn stale(context: &FlagContext<'_>) -> Option<String> {
    stale_explanation(&context.account.interactions, context.account.created_at, context.settings, context.now)
}

/// `open_complaint`: a complaint is open.
fn open_complaint(context: &FlagContext<'_>) -> Option<String> {
    let open = context.account.interactions.iter().filter(|interaction| interaction.is_open_complaint());
    let (count_open, oldest) = open.fold((0_u32, None), |(n, oldest): (u32, Option<DateTime<Utc>>), complaint| {
        let oldest = Some(oldest.map_or(complaint.occurred_at, |at| at.min(complaint.occurred_at)));
        (n + 1, oldest)
    });
    let since = oldest?.date_naive();
    Some(match count_open {
        1 => format!("1 complaint open since {since}"),
        n => format!("{n} complaints open, the oldest since {since}"),
    })
}

/// `policy_breach`: the account's tier policy is not met.
fn policy_breach(context: &FlagContext<'_>) -> Option<String> {
    let check = check_coverage(context.policy?, context.bus_factor, context.current_contacts);
    (!check.is_met()).then(|| check.explanation())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_codes_travel_as_their_snake_case_spelling() {
        let flag = Flag { code: FlagCode::KeyPerson, explanation: "x".to_owned() };
        let json = serde_json::to_string(&flag).expect("serialises");
        assert_eq!(json, r#"{"code":"key_person","explanation":"x"}"#);
        for code in FlagCode::ALL {
            assert_eq!(code.as_str().parse::<FlagCode>(), Ok(*code));
        }
    }

    #[test]
    fn percentages_are_whole_numbers_with_a_space_before_the_sign() {
        assert_eq!(percent(0.8166), "82 %");
        assert_eq!(percent(1.0), "100 %");
    }
}
