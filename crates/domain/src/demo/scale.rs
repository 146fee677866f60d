//! A firm of any size for load tests and benchmarks, generated one account at a time.
//!
//! Each account is derived from the seed and its own index alone, so the accounts stream in
//! constant memory (a store can load 1 000 000 of them) and any account can be regenerated on
//! its own. The staff is small beside it: `accounts / 50 + 10` users in `accounts / 2000 + 2`
//! teams.

use chrono::{DateTime, Duration, SubsecRound, Utc};

use super::facts::{build_account_facts, employee_facts, AccountParts};
use super::firm::{
    annual_value_minor, demo_coverage_policies, draw_influence, draw_kind, influence_weight, pick_region, role_weight,
    seconds_of_day, HISTORY_DAYS,
};
use super::names;
use super::rng::DemoRng;
use super::{DemoAccount, DemoAssignment, DemoContact, DemoInteraction, DemoTeam, DemoUser};
use crate::continuity::{AccountFacts, AccountId, CoveragePolicies, Employees, TeamId, UserId};
use crate::model::{
    Access, AccountStatus, AssignmentRole, ComplaintStatus, InteractionKind, OnBehalfOf, Role, Tier, UserStatus,
};

const USERS_STREAM: u64 = 1;
const ACCOUNTS_STREAM: u64 = 2;
const EMAIL_DOMAIN: &str = "scale.continuity.example";
const USER_KEY_PREFIX: &str = "scale-user-";
/// At most this many contacts and interactions per account, for synthetic ids.
const MAX_CONTACTS: i64 = 8;
const MAX_INTERACTIONS: i64 = 64;
const ROLES_IN_ORDER: [AssignmentRole; 4] =
    [AssignmentRole::Owner, AssignmentRole::CoOwner, AssignmentRole::Specialist, AssignmentRole::ExecutiveSponsor];

/// One account of a scale firm with everything that hangs off it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaleAccount {
    /// Position in the firm, from 0.
    pub index: u64,
    pub account: DemoAccount,
    /// 1–6.
    pub contacts: Vec<DemoContact>,
    /// 1–4, all open, to distinct members of the account's team.
    pub assignments: Vec<DemoAssignment>,
    /// 10–30 (about 20) over the two years before `now`, in time order.
    pub interactions: Vec<DemoInteraction>,
}

/// A firm of `account_count` accounts, deterministic by `seed` (and `now` for its dates).
///
/// Users: index 0 is the admin, 1 the HR user, then one sales lead per team, then the
/// members, spread round-robin over the teams; about 2 % of members are leaving and 1 %
/// departed. Every user signs in with [`DEMO_PASSWORD`](super::DEMO_PASSWORD).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaleFirm {
    account_count: u64,
    seed: u64,
    now: DateTime<Utc>,
}

impl ScaleFirm {
    /// A firm of `account_count` accounts; `now` is truncated to whole seconds, and every
    /// interaction lies in the two years before it.
    pub fn new(account_count: u64, seed: u64, now: DateTime<Utc>) -> Self {
        ScaleFirm { account_count, seed, now: now.trunc_subsecs(0) }
    }

    /// How many accounts [`ScaleFirm::accounts`] yields.
    pub fn account_count(&self) -> u64 {
        self.account_count
    }

    /// `account_count / 2000 + 2`.
    pub fn team_count(&self) -> u64 {
        self.account_count / 2_000 + 2
    }

    /// `account_count / 50 + 10`.
    pub fn user_count(&self) -> u64 {
        self.account_count / 50 + 10
    }

    fn first_member(&self) -> u64 {
        2 + self.team_count()
    }

    fn member_count(&self) -> u64 {
        self.user_count().saturating_sub(self.first_member())
    }

    /// Every team, in index order (their synthetic id is index + 1).
    pub fn teams(&self) -> Vec<DemoTeam> {
        (0..self.team_count())
            .map(|team| DemoTeam { key: team_key(team), name: format!("Scale team {}", team + 1) })
            .collect()
    }

    /// Every user, in index order (their synthetic id is index + 1).
    pub fn users(&self) -> Vec<DemoUser> {
        (0..self.user_count()).map(|index| self.user(index)).collect()
    }

    /// The user at `index`.
    pub fn user(&self, index: u64) -> DemoUser {
        let mut rng = DemoRng::for_item(self.seed, USERS_STREAM, index);
        let display_name = format!("{} {}", names::first_name(&mut rng), names::last_name(&mut rng));
        let teams = self.team_count();
        let (role, team) = match index {
            0 => (Role::Admin, None),
            1 => (Role::Hr, None),
            lead if lead < self.first_member() => (Role::SalesLead, Some(lead - 2)),
            member => (Role::Member, Some((member - self.first_member()) % teams)),
        };
        let today = self.now.date_naive();
        let (status, leave_date) = match role {
            Role::Member if rng.chance(0.02) => (UserStatus::Leaving, Some(today + Duration::days(rng.between(7, 60)))),
            Role::Member if rng.chance(0.01) => {
                (UserStatus::Departed, Some(today - Duration::days(rng.between(30, 300))))
            }
            _ => (UserStatus::Active, None),
        };
        let key = user_key(index);
        DemoUser {
            email: format!("{key}@{EMAIL_DOMAIN}"),
            key,
            display_name,
            role,
            team_key: team.map(team_key),
            status,
            leave_date,
            non_solicitation_until: leave_date
                .filter(|_| status != UserStatus::Active)
                .map(|date| date + Duration::days(365)),
            non_compete_until: None,
            lead_of_team_keys: match role {
                Role::SalesLead => team.map(team_key).into_iter().collect(),
                _ => Vec::new(),
            },
        }
    }

    /// The same coverage policies as the demo firm.
    pub fn coverage_policies(&self) -> CoveragePolicies {
        demo_coverage_policies()
    }

    /// Every user as the continuity model sees them (id = index + 1, team id = team + 1).
    pub fn employees(&self) -> Employees {
        (0..self.user_count())
            .map(|index| {
                let user = self.user(index);
                let team_id = user.team_key.as_deref().and_then(team_id_of_key);
                employee_facts(id_of(index), &user, team_id)
            })
            .collect()
    }

    /// The accounts, generated one at a time.
    pub fn accounts(&self) -> impl Iterator<Item = ScaleAccount> + '_ {
        (0..self.account_count).map(move |index| self.account(index))
    }

    /// The account at `index` (the same whichever order accounts are asked for).
    pub fn account(&self, index: u64) -> ScaleAccount {
        let mut rng = DemoRng::for_item(self.seed, ACCOUNTS_STREAM, index);
        let rng = &mut rng;
        let now = self.now;
        let team = rng.below(self.team_count());
        let region = pick_region(rng);
        let tier = *rng.weighted(&[(Tier::A, 10.0), (Tier::B, 30.0), (Tier::C, 60.0)]).unwrap_or(&Tier::C);
        let company = names::company(rng, region);
        let external_id = format!("SCALE-A-{:07}", index + 1);
        let created_at = now - Duration::days(rng.between(800, 3_650)) - seconds_of_day(rng);
        let account = DemoAccount {
            external_id: external_id.clone(),
            name: company.name,
            tier,
            region: region.name.to_owned(),
            team_key: team_key(team),
            annual_value_minor: annual_value_minor(rng, tier),
            currency: region.currency.to_owned(),
            status: if rng.chance(0.03) { AccountStatus::Churned } else { AccountStatus::Active },
            created_at,
        };

        let today = now.date_naive();
        let contact_count = rng.between(1, 6);
        let contacts: Vec<DemoContact> = (0..contact_count)
            .map(|position| {
                let influence = draw_influence(rng, position);
                let name = format!("{} {}", names::first_name(rng), names::last_name(rng));
                DemoContact {
                    external_id: format!("SCALE-C-{:07}-{position}", index + 1),
                    account_external_id: external_id.clone(),
                    email: format!("{}@{}", names::slug(&name, '.'), company.domain),
                    job_title: names::job_title(rng, influence).to_owned(),
                    phone: Some(names::phone(rng, region)),
                    influence,
                    left_at: (position > 0 && rng.chance(0.08)).then(|| today - Duration::days(rng.between(20, 700))),
                    previous_contact_external_id: None,
                    name,
                }
            })
            .collect();

        // Distinct members of the account's team; the members of team t are the member
        // indices ≡ t (mod teams).
        let teams = self.team_count();
        let members_in_team = (self.member_count() + teams - 1 - team) / teams;
        let assignment_count = (rng.between(1, 4) as u64).min(members_in_team);
        let mut member_positions: Vec<u64> = Vec::with_capacity(4);
        while (member_positions.len() as u64) < assignment_count {
            let position = rng.below(members_in_team);
            if !member_positions.contains(&position) {
                member_positions.push(position);
            }
        }
        let assigned_users: Vec<(u64, AssignmentRole)> = member_positions
            .iter()
            .zip(ROLES_IN_ORDER)
            .map(|(&position, role)| (self.first_member() + team + position * teams, role))
            .collect();
        let assignments: Vec<DemoAssignment> = assigned_users
            .iter()
            .map(|&(user, role)| DemoAssignment {
                account_external_id: external_id.clone(),
                user_key: user_key(user),
                role,
                access: if matches!(role, AssignmentRole::Owner | AssignmentRole::CoOwner) {
                    Access::Edit
                } else {
                    Access::Read
                },
                since: created_at,
                until: None,
            })
            .collect();

        let interaction_count = rng.between(10, 30);
        let history_start = created_at.max(now - Duration::days(HISTORY_DAYS));
        let span = (now - history_start).num_seconds().max(0);
        let mut times: Vec<DateTime<Utc>> =
            (0..interaction_count).map(|_| history_start + Duration::seconds(rng.between(0, span))).collect();
        times.sort_unstable();
        let employee_weights: Vec<(u64, f64)> =
            assigned_users.iter().map(|&(user, role)| (user, role_weight(role))).collect();
        let interactions: Vec<DemoInteraction> = times
            .into_iter()
            .enumerate()
            .map(|(position, at)| {
                let kind = draw_kind(rng, tier);
                let on_behalf_of = match kind {
                    InteractionKind::Event | InteractionKind::Gift if rng.chance(0.8) => OnBehalfOf::Organisation,
                    _ => OnBehalfOf::Person,
                };
                let mut employee_keys: Vec<String> =
                    rng.weighted(&employee_weights).map(|&user| user_key(user)).into_iter().collect();
                if employee_weights.len() > 1 && rng.chance(0.2) {
                    if let Some(&user) = rng.weighted(&employee_weights) {
                        let key = user_key(user);
                        if !employee_keys.contains(&key) {
                            employee_keys.push(key);
                        }
                    }
                }
                let day = at.date_naive();
                let present: Vec<(usize, f64)> = contacts
                    .iter()
                    .enumerate()
                    .filter(|(_, contact)| contact.left_at.is_none_or(|left_at| left_at > day))
                    .map(|(position, contact)| (position, influence_weight(contact.influence)))
                    .collect();
                let contact_external_ids: Vec<String> = match kind {
                    InteractionKind::Note => Vec::new(),
                    _ => rng
                        .weighted(&present)
                        .and_then(|&position| contacts.get(position))
                        .map(|contact| contact.external_id.clone())
                        .into_iter()
                        .collect(),
                };
                let complaint_status = (kind == InteractionKind::Complaint).then(|| {
                    if now - at < Duration::days(30) && rng.chance(0.5) {
                        ComplaintStatus::Open
                    } else {
                        ComplaintStatus::Resolved
                    }
                });
                let resolved_at = (complaint_status == Some(ComplaintStatus::Resolved))
                    .then(|| (at + Duration::days(rng.between(1, 20))).min(now));
                DemoInteraction {
                    external_id: format!("SCALE-I-{:07}-{position}", index + 1),
                    account_external_id: external_id.clone(),
                    kind,
                    occurred_at: at,
                    summary: names::summary(rng, kind, on_behalf_of == OnBehalfOf::Organisation).to_owned(),
                    follow_up_user_key: complaint_status.and_then(|_| employee_keys.first().cloned()),
                    follow_up_due: complaint_status.map(|_| day + Duration::days(14)),
                    employee_keys,
                    contact_external_ids,
                    on_behalf_of,
                    complaint_status,
                    resolved_at,
                    resolution: None,
                }
            })
            .collect();

        ScaleAccount { index, account, contacts, assignments, interactions }
    }

    /// One account as [`AccountFacts`], with synthetic ids: account `index + 1`, contact
    /// `index × 8 + position + 1`, interaction `index × 64 + position + 1`, user `index + 1`,
    /// team `team + 1`.
    pub fn account_facts(&self, scale_account: &ScaleAccount) -> AccountFacts {
        let account_id: AccountId = id_of(scale_account.index);
        let base = account_id - 1;
        let parts = AccountParts {
            contacts: scale_account
                .contacts
                .iter()
                .enumerate()
                .map(|(position, contact)| (base * MAX_CONTACTS + position as i64 + 1, contact))
                .collect(),
            assignments: scale_account.assignments.iter().collect(),
            interactions: scale_account
                .interactions
                .iter()
                .enumerate()
                .map(|(position, interaction)| (base * MAX_INTERACTIONS + position as i64 + 1, interaction))
                .collect(),
            linked: false,
        };
        let team_id = team_id_of_key(&scale_account.account.team_key).unwrap_or_default();
        build_account_facts(account_id, &scale_account.account, team_id, &parts, user_id_of_key)
    }
}

/// The accounts of `ScaleFirm::new(account_count, seed, now)`, streamed in constant memory.
/// Use [`ScaleFirm`] for its users, teams and the accounts' facts.
pub fn scale_firm(account_count: u64, seed: u64, now: DateTime<Utc>) -> impl Iterator<Item = ScaleAccount> {
    let firm = ScaleFirm::new(account_count, seed, now);
    (0..account_count).map(move |index| firm.account(index))
}

fn user_key(index: u64) -> String {
    format!("{USER_KEY_PREFIX}{index:07}")
}

fn user_id_of_key(key: &str) -> Option<UserId> {
    key.strip_prefix(USER_KEY_PREFIX)?.parse::<u64>().ok().map(id_of)
}

fn team_key(team: u64) -> String {
    format!("scale-team-{team:04}")
}

fn team_id_of_key(key: &str) -> Option<TeamId> {
    key.strip_prefix("scale-team-")?.parse::<u64>().ok().map(id_of)
}

fn id_of(index: u64) -> i64 {
    i64::try_from(index).map_or(i64::MAX, |index| index.saturating_add(1))
}
