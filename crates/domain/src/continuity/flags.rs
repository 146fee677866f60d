//! The flags of an account (PRODUCT.md, "The continuity model", flags table). Each flag
//! carries the figures behind it as `params` (the people, shares, days and counts its
//! explanation names; keys documented per code by [`FlagCode::params_doc`]), and the
//! explanation is worded from them in the reader's language by [`explain`].

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::concentration::at_least;
use super::coverage::{check_coverage, CoveragePolicy};
use super::facts::AccountFacts;
use super::ids::{self, ContactId, UserId};
use super::risk::{ContactShare, EmployeeShare, ShareBasis, ThreadShare};
use super::roster::Roster;
use super::settings::Settings;
use super::staleness::stale_params;
use super::wording::explain;
use crate::language::Language;
use crate::model::{text_enum, Tier, UserStatus};

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

/// A raised flag: its code and the figures its explanation names (PRODUCT.md, "Interfaces",
/// Language). It travels, and is stored, as `{"code": "key_person", "params": {…}}`; the
/// explanation is worded from the two in the reader's language by [`explain`], so a client
/// may also word it itself. [`FlagCode::params_doc`] documents each code's keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "code", content = "params")]
pub enum Flag {
    #[serde(rename = "no_owner")]
    NoOwner(NoOwnerParams),
    #[serde(rename = "single_owner")]
    SingleOwner(SingleOwnerParams),
    #[serde(rename = "key_person")]
    KeyPerson(KeyPersonParams),
    #[serde(rename = "single_contact")]
    SingleContact(SingleContactParams),
    #[serde(rename = "single_threaded")]
    SingleThreaded(SingleThreadedParams),
    #[serde(rename = "departing_holder")]
    DepartingHolder(DepartingHolderParams),
    #[serde(rename = "champion_left")]
    ChampionLeft(ChampionLeftParams),
    #[serde(rename = "stale")]
    Stale(StaleParams),
    #[serde(rename = "open_complaint")]
    OpenComplaint(OpenComplaintParams),
    #[serde(rename = "policy_breach")]
    PolicyBreach(PolicyBreachParams),
}

impl Flag {
    pub fn code(&self) -> FlagCode {
        match self {
            Flag::NoOwner(_) => FlagCode::NoOwner,
            Flag::SingleOwner(_) => FlagCode::SingleOwner,
            Flag::KeyPerson(_) => FlagCode::KeyPerson,
            Flag::SingleContact(_) => FlagCode::SingleContact,
            Flag::SingleThreaded(_) => FlagCode::SingleThreaded,
            Flag::DepartingHolder(_) => FlagCode::DepartingHolder,
            Flag::ChampionLeft(_) => FlagCode::ChampionLeft,
            Flag::Stale(_) => FlagCode::Stale,
            Flag::OpenComplaint(_) => FlagCode::OpenComplaint,
            Flag::PolicyBreach(_) => FlagCode::PolicyBreach,
        }
    }

    /// The shares the flag names, for [`AccountRisk::fingerprint`](super::AccountRisk::fingerprint)
    /// to round like every other share.
    pub(crate) fn shares_mut(&mut self) -> Vec<&mut f64> {
        match self {
            Flag::KeyPerson(params) => vec![&mut params.share],
            Flag::SingleContact(params) => params.share.iter_mut().collect(),
            Flag::SingleThreaded(params) => vec![&mut params.share],
            Flag::DepartingHolder(params) => {
                params.holders.iter_mut().filter_map(|holder| holder.share.as_mut()).collect()
            }
            Flag::ChampionLeft(params) => params.contacts.iter_mut().map(|contact| &mut contact.share).collect(),
            Flag::NoOwner(_)
            | Flag::SingleOwner(_)
            | Flag::Stale(_)
            | Flag::OpenComplaint(_)
            | Flag::PolicyBreach(_) => Vec::new(),
        }
    }

    /// Why the flag is raised, in `language` (see [`explain`]).
    pub fn explanation(&self, language: Language) -> String {
        explain(self, language)
    }
}

/// An employee a flag names. `name` is `null` for an id the records no longer hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmployeeRef {
    #[serde(with = "ids::id_string")]
    pub user_id: UserId,
    pub name: Option<String>,
}

/// An employee a flag names because they are leaving: with their status and leave date.
/// `status` is `null` for a former employee the records no longer hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeaverRef {
    #[serde(with = "ids::id_string")]
    pub user_id: UserId,
    pub name: Option<String>,
    pub status: Option<UserStatus>,
    pub leave_date: Option<NaiveDate>,
}

/// `no_owner`: the people still assigned, none of them active (empty: nobody is assigned).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoOwnerParams {
    pub still_assigned: Vec<LeaverRef>,
}

/// `single_owner`: the one active employee assigned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SingleOwnerParams {
    #[serde(with = "ids::id_string")]
    pub user_id: UserId,
    pub name: Option<String>,
}

/// `key_person`: who holds how much of the relationship strength.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyPersonParams {
    #[serde(with = "ids::id_string")]
    pub user_id: UserId,
    pub name: Option<String>,
    pub share: f64,
    /// Set when the shares are equal shares over the account team because nobody had a
    /// personal interaction in this many days (the strength window); `null` otherwise.
    pub fallback_window_days: Option<i64>,
}

/// `single_contact`: how many current contacts are on file and, with one, who; with several,
/// the one who holds `share` of the client-side strength.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SingleContactParams {
    pub current_contacts: usize,
    #[serde(with = "ids::option_id_string")]
    pub contact_id: Option<ContactId>,
    pub name: Option<String>,
    pub share: Option<f64>,
}

/// `single_threaded`: the one (employee, contact) pair and its share of the thread strength.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SingleThreadedParams {
    #[serde(with = "ids::id_string")]
    pub user_id: UserId,
    pub name: Option<String>,
    #[serde(with = "ids::id_string")]
    pub contact_id: ContactId,
    pub contact_name: Option<String>,
    pub share: f64,
}

/// One leaver behind `departing_holder`: their share when they hold at least the threshold,
/// `null` when they are flagged as the only owner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DepartingHolder {
    #[serde(flatten)]
    pub person: LeaverRef,
    pub share: Option<f64>,
}

/// `departing_holder`: every leaver who holds a large share or is the only owner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DepartingHolderParams {
    pub holders: Vec<DepartingHolder>,
}

/// One contact behind `champion_left`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChampionGone {
    #[serde(with = "ids::id_string")]
    pub contact_id: ContactId,
    pub name: String,
    pub share: f64,
    pub left_at: NaiveDate,
}

/// `champion_left`: the contacts with a large share who left the client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChampionLeftParams {
    pub contacts: Vec<ChampionGone>,
}

/// `stale`: see [`stale_params`](super::stale_params).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaleParams {
    /// Days without a conversation: since the last one, or (`last_on` null) since the
    /// account was created; `null` when there was none and the account's age is unknown.
    pub days: Option<i64>,
    /// The day of the last conversation.
    pub last_on: Option<NaiveDate>,
    /// With the rhythm rule: the median gap between conversations, in days…
    pub median_gap_days: Option<f64>,
    /// …and the multiple of it that was exceeded.
    pub gap_multiple: Option<f64>,
}

/// `open_complaint`: how many complaints are open, and since when the oldest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenComplaintParams {
    pub open_complaints: u32,
    pub oldest_since: NaiveDate,
}

/// `policy_breach`: the tier's policy and what the account has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyBreachParams {
    pub tier: Tier,
    pub min_holders: u32,
    pub min_current_contacts: u32,
    pub holders: u32,
    pub current_contacts: u32,
}

/// The kind of value a flag parameter holds, for the API's schema and for clients.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// An id, as a string.
    Id,
    /// A person's name.
    Name,
    /// A share between 0 and 1.
    Share,
    /// A whole number (a count, a number of days).
    Count,
    /// A number with decimals.
    Number,
    /// A day, `YYYY-MM-DD`.
    Date,
    /// An employee status: `active | leaving | departed`.
    UserStatus,
    /// A tier: `A | B | C`.
    Tier,
    /// A list of objects with these keys.
    List(&'static [ParamDoc]),
}

/// One documented key of a flag's `params`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParamDoc {
    pub key: &'static str,
    pub kind: ParamKind,
    /// Whether the value may be `null`.
    pub nullable: bool,
    pub description: &'static str,
}

const fn key(key: &'static str, kind: ParamKind, description: &'static str) -> ParamDoc {
    ParamDoc { key, kind, nullable: false, description }
}

const fn nullable(key: &'static str, kind: ParamKind, description: &'static str) -> ParamDoc {
    ParamDoc { key, kind, nullable: true, description }
}

const LEAVER: [ParamDoc; 4] = [
    key("user_id", ParamKind::Id, "the employee"),
    nullable("name", ParamKind::Name, "their display name (null: not in the records any more)"),
    nullable("status", ParamKind::UserStatus, "their status (null: a former employee not in the records any more)"),
    nullable("leave_date", ParamKind::Date, "their leave date"),
];

const DEPARTING_HOLDER: [ParamDoc; 5] = [
    LEAVER[0],
    LEAVER[1],
    LEAVER[2],
    LEAVER[3],
    nullable(
        "share",
        ParamKind::Share,
        "their share of the relationship strength; null when they are flagged as the only owner",
    ),
];

const CHAMPION_GONE: [ParamDoc; 4] = [
    key("contact_id", ParamKind::Id, "the contact"),
    key("name", ParamKind::Name, "their name"),
    key("share", ParamKind::Share, "their share of the client-side relationship strength"),
    key("left_at", ParamKind::Date, "the day they left the client"),
];

impl FlagCode {
    /// The keys of this code's `params`, documented once for the API's schema, for clients
    /// that word flags themselves, and for the tests that hold [`explain`] to them.
    pub fn params_doc(self) -> &'static [ParamDoc] {
        match self {
            FlagCode::NoOwner => {
                const DOC: &[ParamDoc] = &[key(
                    "still_assigned",
                    ParamKind::List(&LEAVER),
                    "the people still assigned, none of them active; empty when nobody is assigned",
                )];
                DOC
            }
            FlagCode::SingleOwner => {
                const DOC: &[ParamDoc] = &[
                    key("user_id", ParamKind::Id, "the one active employee assigned"),
                    nullable("name", ParamKind::Name, "their display name"),
                ];
                DOC
            }
            FlagCode::KeyPerson => {
                const DOC: &[ParamDoc] = &[
                    key("user_id", ParamKind::Id, "the employee with the largest share"),
                    nullable("name", ParamKind::Name, "their display name"),
                    key("share", ParamKind::Share, "their share of the relationship strength"),
                    nullable(
                        "fallback_window_days",
                        ParamKind::Count,
                        "set when the shares are equal shares over the account team because nobody had a personal \
                     interaction in this many days; null otherwise",
                    ),
                ];
                DOC
            }
            FlagCode::SingleContact => {
                const DOC: &[ParamDoc] = &[
                    key("current_contacts", ParamKind::Count, "current client contacts on file"),
                    nullable(
                        "contact_id",
                        ParamKind::Id,
                        "the only current contact, or the one with the largest share",
                    ),
                    nullable("name", ParamKind::Name, "that contact's name"),
                    nullable(
                        "share",
                        ParamKind::Share,
                        "with several contacts, that contact's share of the client-side strength; null otherwise",
                    ),
                ];
                DOC
            }
            FlagCode::SingleThreaded => {
                const DOC: &[ParamDoc] = &[
                    key("user_id", ParamKind::Id, "the employee of the one thread"),
                    nullable("name", ParamKind::Name, "their display name"),
                    key("contact_id", ParamKind::Id, "the contact of the one thread"),
                    nullable("contact_name", ParamKind::Name, "the contact's name"),
                    key("share", ParamKind::Share, "the thread's share of the strength"),
                ];
                DOC
            }
            FlagCode::DepartingHolder => {
                const DOC: &[ParamDoc] = &[key(
                    "holders",
                    ParamKind::List(&DEPARTING_HOLDER),
                    "every leaver who holds at least the threshold share or is the only owner",
                )];
                DOC
            }
            FlagCode::ChampionLeft => {
                const DOC: &[ParamDoc] = &[key(
                    "contacts",
                    ParamKind::List(&CHAMPION_GONE),
                    "the contacts with at least the threshold share who left the client",
                )];
                DOC
            }
            FlagCode::Stale => {
                const DOC: &[ParamDoc] = &[
                    nullable(
                        "days",
                        ParamKind::Count,
                        "days without a conversation with a client contact: since the last one, or (last_on null) \
                     since the account was created; null when there was none and the account's age is unknown",
                    ),
                    nullable("last_on", ParamKind::Date, "the day of the last conversation"),
                    nullable(
                        "median_gap_days",
                        ParamKind::Number,
                        "with the rhythm rule, the median gap between conversations in days; null otherwise",
                    ),
                    nullable(
                        "gap_multiple",
                        ParamKind::Number,
                        "with the rhythm rule, the multiple of the median gap that was exceeded; null otherwise",
                    ),
                ];
                DOC
            }
            FlagCode::OpenComplaint => {
                const DOC: &[ParamDoc] = &[
                    key("open_complaints", ParamKind::Count, "complaints open"),
                    key("oldest_since", ParamKind::Date, "the day the oldest open complaint was logged"),
                ];
                DOC
            }
            FlagCode::PolicyBreach => {
                const DOC: &[ParamDoc] = &[
                    key("tier", ParamKind::Tier, "the account's tier"),
                    key("min_holders", ParamKind::Count, "holders the tier's policy needs"),
                    key("min_current_contacts", ParamKind::Count, "current contacts the tier's policy needs"),
                    key("holders", ParamKind::Count, "the account's holders (its bus factor)"),
                    key("current_contacts", ParamKind::Count, "the account's current contacts"),
                ];
                DOC
            }
        }
    }
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

/// The flag with its figures when it is raised, or `None`.
type FlagCheck = fn(&FlagContext<'_>) -> Option<Flag>;

/// Raises every flag of the table that applies, in the table's order.
pub(crate) fn raise_flags(context: &FlagContext<'_>) -> Vec<Flag> {
    let checks: [FlagCheck; 10] = [
        no_owner,
        single_owner,
        key_person,
        single_contact,
        single_threaded,
        departing_holder,
        champion_left,
        stale,
        open_complaint,
        policy_breach,
    ];
    checks.into_iter().filter_map(|check| check(context)).collect()
}

fn contact_name(account: &AccountFacts, contact_id: ContactId) -> Option<String> {
    account.contacts.iter().find(|contact| contact.id == contact_id).map(|contact| contact.name.clone())
}

/// The strength window, when the shares are the equal fall-back rather than interactions.
fn fallback_window_days(basis: ShareBasis, settings: &Settings) -> Option<i64> {
    match basis {
        ShareBasis::Interactions => None,
        ShareBasis::EqualFallback => Some(settings.window_days),
    }
}

/// `no_owner`: no open assignment to an active employee.
fn no_owner(context: &FlagContext<'_>) -> Option<Flag> {
    if !context.assigned_present.is_empty() {
        return None;
    }
    let still_assigned = context.assigned.iter().map(|&id| context.roster.leaver(id)).collect();
    Some(Flag::NoOwner(NoOwnerParams { still_assigned }))
}

/// `single_owner`: exactly one active employee assigned.
fn single_owner(context: &FlagContext<'_>) -> Option<Flag> {
    match context.assigned_present {
        [only] => {
            let EmployeeRef { user_id, name } = context.roster.employee(*only);
            Some(Flag::SingleOwner(SingleOwnerParams { user_id, name }))
        }
        _ => None,
    }
}

/// `key_person`: one employee holds ≥ 70 % of the relationship strength (`CR1 ≥ 0.7`).
fn key_person(context: &FlagContext<'_>) -> Option<Flag> {
    let top = context.employees.first()?;
    at_least(top.share, context.settings.key_person_min_share).then(|| {
        let EmployeeRef { user_id, name } = context.roster.employee(top.user_id);
        Flag::KeyPerson(KeyPersonParams {
            user_id,
            name,
            share: top.share,
            fallback_window_days: fallback_window_days(context.internal_basis, context.settings),
        })
    })
}

/// `single_contact`: at most one current client contact on file, or one contact holds ≥ 70 %
/// of the contact strength.
fn single_contact(context: &FlagContext<'_>) -> Option<Flag> {
    let current_contacts = context.current_contacts;
    match current_contacts {
        0 => {
            return Some(Flag::SingleContact(SingleContactParams {
                current_contacts,
                contact_id: None,
                name: None,
                share: None,
            }))
        }
        1 => {
            let today = context.now.date_naive();
            let only = context.account.contacts.iter().find(|contact| contact.is_current(today));
            return Some(Flag::SingleContact(SingleContactParams {
                current_contacts,
                contact_id: only.map(|contact| contact.id),
                name: only.map(|contact| contact.name.clone()),
                share: None,
            }));
        }
        _ => {}
    }
    let top = context.contacts.first()?;
    at_least(top.share, context.settings.single_contact_min_share).then(|| {
        Flag::SingleContact(SingleContactParams {
            current_contacts,
            contact_id: Some(top.contact_id),
            name: contact_name(context.account, top.contact_id),
            share: Some(top.share),
        })
    })
}

/// `single_threaded`: one (employee, contact) pair carries ≥ 90 % of the thread strength.
fn single_threaded(context: &FlagContext<'_>) -> Option<Flag> {
    let top = context.threads.first()?;
    at_least(top.share, context.settings.single_thread_min_share).then(|| {
        let EmployeeRef { user_id, name } = context.roster.employee(top.user_id);
        Flag::SingleThreaded(SingleThreadedParams {
            user_id,
            name,
            contact_id: top.contact_id,
            contact_name: contact_name(context.account, top.contact_id),
            share: top.share,
        })
    })
}

/// `departing_holder`: an employee who is leaving, departed or has a leave date is the only
/// owner (assigned, with no other active employee assigned) or holds ≥ 50 %.
fn departing_holder(context: &FlagContext<'_>) -> Option<Flag> {
    let roster = context.roster;
    let mut holders = Vec::new();
    for employee in context.employees {
        if !roster.is_departing(employee.user_id) {
            continue;
        }
        if at_least(employee.share, context.settings.departing_holder_min_share) {
            holders.push(DepartingHolder { person: roster.leaver(employee.user_id), share: Some(employee.share) });
        } else if is_only_owner(context, employee.user_id) {
            holders.push(DepartingHolder { person: roster.leaver(employee.user_id), share: None });
        }
    }
    for &user_id in context.assigned {
        let listed = context.employees.iter().any(|employee| employee.user_id == user_id);
        if !listed && roster.is_departing(user_id) && is_only_owner(context, user_id) {
            holders.push(DepartingHolder { person: roster.leaver(user_id), share: None });
        }
    }
    (!holders.is_empty()).then_some(Flag::DepartingHolder(DepartingHolderParams { holders }))
}

fn is_only_owner(context: &FlagContext<'_>, user_id: UserId) -> bool {
    context.assigned.contains(&user_id) && context.assigned_present.iter().all(|&other| other == user_id)
}

/// `champion_left`: a contact holding ≥ 50 % of the contact strength has left the client.
fn champion_left(context: &FlagContext<'_>) -> Option<Flag> {
    let contacts: Vec<ChampionGone> = context
        .contacts
        .iter()
        .filter(|share| at_least(share.share, context.settings.champion_left_min_share))
        .filter_map(|share| {
            let contact = context.account.contacts.iter().find(|contact| contact.id == share.contact_id)?;
            Some(ChampionGone {
                contact_id: contact.id,
                name: contact.name.clone(),
                share: share.share,
                left_at: contact.left_at?,
            })
        })
        .collect();
    (!contacts.is_empty()).then_some(Flag::ChampionLeft(ChampionLeftParams { contacts }))
}

/// `stale`: see [`stale_params`].
fn stale(context: &FlagContext<'_>) -> Option<Flag> {
    stale_params(&context.account.interactions, context.account.created_at, context.settings, context.now)
        .map(Flag::Stale)
}

/// `open_complaint`: a complaint is open.
fn open_complaint(context: &FlagContext<'_>) -> Option<Flag> {
    let open = context.account.interactions.iter().filter(|interaction| interaction.is_open_complaint());
    let (open_complaints, oldest) = open.fold((0_u32, None), |(n, oldest): (u32, Option<DateTime<Utc>>), complaint| {
        let oldest = Some(oldest.map_or(complaint.occurred_at, |at| at.min(complaint.occurred_at)));
        (n + 1, oldest)
    });
    Some(Flag::OpenComplaint(OpenComplaintParams { open_complaints, oldest_since: oldest?.date_naive() }))
}

/// `policy_breach`: the account's tier policy is not met.
fn policy_breach(context: &FlagContext<'_>) -> Option<Flag> {
    let check = check_coverage(context.policy?, context.bus_factor, context.current_contacts);
    (!check.is_met()).then_some(Flag::PolicyBreach(PolicyBreachParams {
        tier: check.policy.tier,
        min_holders: check.policy.min_holders,
        min_current_contacts: check.policy.min_current_contacts,
        holders: check.holders,
        current_contacts: check.current_contacts,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::continuity::test_support::sample_flags;

    #[test]
    fn a_flag_travels_as_its_snake_case_code_beside_its_params() {
        let flag = Flag::OpenComplaint(OpenComplaintParams {
            open_complaints: 2,
            oldest_since: NaiveDate::from_ymd_opt(2026, 1, 5).expect("a day"),
        });
        let json = serde_json::to_string(&flag).expect("serialises");
        assert_eq!(json, r#"{"code":"open_complaint","params":{"open_complaints":2,"oldest_since":"2026-01-05"}}"#);
        for code in FlagCode::ALL {
            assert_eq!(code.as_str().parse::<FlagCode>(), Ok(*code));
        }
        for flag in sample_flags() {
            let json = serde_json::to_value(&flag).expect("serialises");
            assert_eq!(json["code"], flag.code().as_str(), "the code a flag answers is the one it travels with");
            assert_eq!(serde_json::from_value::<Flag>(json).expect("reads back"), flag);
        }
    }
}
