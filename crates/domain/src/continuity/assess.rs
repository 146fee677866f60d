//! Assessing one account (PRODUCT.md, "The continuity model"): shares, concentration,
//! holders, flags, score and exposure, from that account's facts alone.

use chrono::{DateTime, Utc};

use super::concentration::{at_least, concentration, equal_shares, shares_of};
use super::coverage::CoveragePolicies;
use super::facts::{AccountFacts, EmployeeLookup};
use super::flags::{raise_flags, Flag, FlagCode, FlagContext};
use super::ids::{ContactId, UserId};
use super::institutional::has_institutional_tie;
use super::risk::{AccountRisk, ContactKnowers, ContactShare, EmployeeShare, HolderShare, ShareBasis, ThreadShare};
use super::roster::Roster;
use super::score::{exposure_minor, risk_score};
use super::settings::Settings;
use super::staleness::{last_contact_at, last_interaction_at};
use super::strength::strengths;
use crate::model::AccountStatus;

/// Assesses one account from its own facts (so a store can recompute one account when one of
/// its rows changes).
///
/// - Shares: each employee's decayed strength over the total (personal interactions of the
///   last `window_days` only); without any, equal shares over the distinct users with an open
///   assignment. Client contacts likewise, falling back to equal shares over current
///   contacts. Threads, (employee, contact) pairs, have no fall-back: without personal
///   interactions between employees and contacts there are no threads.
/// - Holders: present employees (see [`EmployeeFacts::is_present`](super::EmployeeFacts::is_present))
///   with share ≥ `holder_min_share`; on the fall-back, every present assigned employee.
/// - Flags, score and exposure: see [`FlagCode`] and [`risk_score`](super::risk_score); the
///   account's institutional score damps the person-dependent flags' weights.
///   A churned account raises no flag and scores 0: it no longer has a relationship to lose.
pub fn assess(
    account: &AccountFacts,
    employees: &impl EmployeeLookup,
    policies: &CoveragePolicies,
    settings: &Settings,
    now: DateTime<Utc>,
) -> AccountRisk {
    let roster = Roster::new(employees, &[], now.date_naive());
    assess_with_roster(account, &roster, policies, settings, now)
}

pub(crate) fn assess_with_roster(
    account: &AccountFacts,
    roster: &Roster<'_>,
    policies: &CoveragePolicies,
    settings: &Settings,
    now: DateTime<Utc>,
) -> AccountRisk {
    let today = now.date_naive();
    let strength = strengths(&account.interactions, settings, now);

    let mut assigned: Vec<UserId> = account.assignments.iter().map(|assignment| assignment.user_id).collect();
    assigned.sort_unstable();
    assigned.dedup();
    let assigned_present: Vec<UserId> = assigned.iter().copied().filter(|&id| roster.is_present(id)).collect();

    let (internal_basis, employee_shares) = match shares_of(&strength.employees) {
        Some(shares) => (ShareBasis::Interactions, shares),
        None => (ShareBasis::EqualFallback, equal_shares(&assigned)),
    };
    let mut employees: Vec<EmployeeShare> = employee_shares
        .into_iter()
        .map(|(user_id, strength, share)| EmployeeShare {
            user_id,
            strength,
            share,
            present: roster.is_present(user_id),
            assigned: assigned.binary_search(&user_id).is_ok(),
        })
        .collect();
    employees.sort_by(|a, b| b.share.total_cmp(&a.share).then(a.user_id.cmp(&b.user_id)));

    let current_contact_ids: Vec<ContactId> = {
        let mut ids: Vec<ContactId> =
            account.contacts.iter().filter(|contact| contact.is_current(today)).map(|contact| contact.id).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    let (contact_basis, contact_shares) = match shares_of(&strength.contacts) {
        Some(shares) => (ShareBasis::Interactions, shares),
        None => (ShareBasis::EqualFallback, equal_shares(&current_contact_ids)),
    };
    let mut contacts: Vec<ContactShare> = contact_shares
        .into_iter()
        .map(|(contact_id, strength, share)| ContactShare {
            contact_id,
            strength,
            share,
            current: account.contacts.iter().any(|contact| contact.id == contact_id && contact.is_current(today)),
        })
        .collect();
    contacts.sort_by(|a, b| b.share.total_cmp(&a.share).then(a.contact_id.cmp(&b.contact_id)));

    let contact_knowers = contact_knowers(&strength.threads, &current_contact_ids, roster, settings);
    let mut threads: Vec<ThreadShare> = shares_of(&strength.threads)
        .unwrap_or_default()
        .into_iter()
        .map(|((user_id, contact_id), strength, share)| ThreadShare { user_id, contact_id, strength, share })
        .collect();
    threads.sort_by(|a, b| b.share.total_cmp(&a.share).then((a.user_id, a.contact_id).cmp(&(b.user_id, b.contact_id))));

    let internal = concentration(employees.iter().map(|employee| employee.share));
    let external = concentration(contacts.iter().map(|contact| contact.share));

    let holders: Vec<HolderShare> = employees
        .iter()
        .filter(|employee| employee.present)
        .filter(|employee| match internal_basis {
            ShareBasis::Interactions => at_least(employee.share, settings.holder_min_share),
            ShareBasis::EqualFallback => employee.assigned,
        })
        .map(|employee| HolderShare { user_id: employee.user_id, share: employee.share })
        .collect();
    let bus_factor = holders.len();

    let flags = match account.status {
        AccountStatus::Churned => Vec::new(),
        AccountStatus::Active => raise_flags(&FlagContext {
            account,
            roster,
            settings,
            now,
            employees: &employees,
            contacts: &contacts,
            threads: &threads,
            internal_basis,
            assigned: &assigned,
            assigned_present: &assigned_present,
            current_contacts: current_contact_ids.len(),
            bus_factor,
            policy: policies.for_tier(account.tier),
        }),
    };
    let score = match account.status {
        AccountStatus::Churned => 0,
        AccountStatus::Active => {
            let codes: Vec<FlagCode> = flags.iter().map(Flag::code).collect();
            risk_score(&codes, internal.hhi, external.hhi, strength.institutional_score, &settings.score_weights)
        }
    };

    AccountRisk {
        account_id: account.id,
        team_id: account.team_id,
        tier: account.tier,
        status: account.status,
        annual_value_minor: account.annual_value_minor,
        currency: account.currency.clone(),
        score,
        exposure_minor: exposure_minor(account.annual_value_minor, score),
        flags,
        holders,
        bus_factor,
        n_eff: internal.n_eff,
        hhi: internal.hhi,
        cr1: internal.cr1,
        contacts,
        contact_hhi: external.hhi,
        contact_n_eff: external.n_eff,
        contact_cr1: external.cr1,
        employees,
        threads,
        contact_knowers,
        internal_basis,
        contact_basis,
        institutional_score: strength.institutional_score,
        institutional_tie: has_institutional_tie(&account.interactions, account.linked, settings, now),
        current_contact_count: current_contact_ids.len(),
        assigned_present_user_ids: assigned_present,
        last_interaction_at: last_interaction_at(&account.interactions),
        last_contact_at: last_contact_at(&account.interactions),
        computed_at: now,
    }
}

/// For each current contact with thread strength, the present employees holding at least
/// `contact_knower_min_share` of it. `threads` is sorted by (user, contact).
fn contact_knowers(
    threads: &[((UserId, ContactId), f64)],
    current_contact_ids: &[ContactId],
    roster: &Roster<'_>,
    settings: &Settings,
) -> Vec<ContactKnowers> {
    let mut by_contact: Vec<(ContactId, UserId, f64)> =
        threads.iter().map(|&((user_id, contact_id), strength)| (contact_id, user_id, strength)).collect();
    by_contact.sort_unstable_by_key(|&(contact_id, user_id, _)| (contact_id, user_id));
    by_contact
        .chunk_by(|a, b| a.0 == b.0)
        .filter_map(|group| {
            let contact_id = group.first()?.0;
            if current_contact_ids.binary_search(&contact_id).is_err() {
                return None;
            }
            let total: f64 = group.iter().map(|&(_, _, strength)| strength).sum();
            if total <= 0.0 {
                return None;
            }
            let user_ids = group
                .iter()
                .filter(|&&(_, user_id, strength)| {
                    roster.is_present(user_id) && at_least(strength / total, settings.contact_knower_min_share)
                })
                .map(|&(_, user_id, _)| user_id)
                .collect();
            Some(ContactKnowers { contact_id, user_ids })
        })
        .collect()
}
