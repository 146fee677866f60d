//! The demo firm: 5 teams, 40 employees, 2 000 client accounts and two years of interactions.
//!
//! Most accounts are ordinary (an owner, often a co-owner, a handful of contacts, a steady
//! stream of touchpoints); a share of them follows a deliberate story so that every flag of
//! the continuity model shows up: accounts nobody was assigned yet (`no_owner`), accounts the
//! firm stopped calling (`stale`), a steady rhythm that broke off (`stale` by the median gap),
//! a champion who left the client (`champion_left`), the accounts of a departed colleague
//! whose successor has not built the relationship yet and of two colleagues about to leave
//! (`departing_holder`), open complaints, and small accounts run by one person with one
//! contact (`single_owner`, `key_person`, `single_contact`, `single_threaded`,
//! `policy_breach` on tiers with a policy).

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Datelike, Duration, NaiveDate, SubsecRound, Utc, Weekday};

use super::names::{self, RegionProfile, REGIONS};
use super::rng::DemoRng;
use super::{
    DemoAccount, DemoAccountLink, DemoAssignment, DemoContact, DemoDefaultTeamMember, DemoFirm, DemoInteraction,
    DemoTeam, DemoUser, DEMO_ADMIN_EMAIL, DEMO_HR_EMAIL, DEMO_LEAD_EMAIL, DEMO_MEMBER_EMAIL,
};
use crate::continuity::{CoveragePolicies, CoveragePolicy};
use crate::model::{
    Access, AccountLinkKind, AccountStatus, AssignmentRole, ComplaintStatus, Influence, InteractionKind, OnBehalfOf,
    Role, Tier, UserStatus,
};

/// Fixed, so the firm depends on `now` only through its dates.
const DEMO_SEED: u64 = 0x0C0A_7171_D3A0_2026;
const ACCOUNT_COUNT: usize = 2_000;
/// Interactions go back this far.
pub(crate) const HISTORY_DAYS: i64 = 730;
const EMAIL_DOMAIN: &str = "demo.continuity.example";

/// A team of the demo firm: which regions it serves and how many account managers it has.
struct TeamPlan {
    key: &'static str,
    name: &'static str,
    regions: &'static [&'static str],
    member_count: usize,
}

/// 33 members in all: with 1 admin, 1 HR user and 5 sales leads, 40 employees.
const TEAM_PLANS: &[TeamPlan] = &[
    TeamPlan {
        key: "team-western-europe",
        name: "Western Europe",
        regions: &["Benelux", "UK & Ireland"],
        member_count: 11,
    },
    TeamPlan { key: "team-dach", name: "DACH", regions: &["DACH"], member_count: 8 },
    TeamPlan { key: "team-nordics", name: "Nordics", regions: &["Nordics"], member_count: 5 },
    TeamPlan { key: "team-southern-europe", name: "Southern Europe", regions: &["Southern Europe"], member_count: 5 },
    TeamPlan { key: "team-north-america", name: "North America", regions: &["North America"], member_count: 4 },
];

/// A colleague who is leaving or has left, and their agreement clauses.
struct DeparturePlan {
    team: usize,
    /// Position among the team's members.
    position: usize,
    status: UserStatus,
    /// From today to the leave date (negative: already gone).
    leave_in_days: i64,
    non_solicitation_months: Option<i64>,
    non_compete_months: Option<i64>,
}

/// Two members leave within weeks, one left six weeks ago.
const DEPARTURES: &[DeparturePlan] = &[
    DeparturePlan {
        team: 0,
        position: 3,
        status: UserStatus::Leaving,
        leave_in_days: 12,
        non_solicitation_months: Some(12),
        non_compete_months: Some(6),
    },
    DeparturePlan {
        team: 1,
        position: 2,
        status: UserStatus::Leaving,
        leave_in_days: 26,
        non_solicitation_months: Some(12),
        non_compete_months: None,
    },
    DeparturePlan {
        team: 2,
        position: 1,
        status: UserStatus::Departed,
        leave_in_days: -45,
        non_solicitation_months: Some(12),
        non_compete_months: Some(3),
    },
];

/// The story an account follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scenario {
    /// Owned and looked after.
    Regular,
    /// Imported or created recently and nobody assigned yet.
    Unassigned,
    /// Last touched more than 90 days ago.
    Neglected,
    /// Weekly contact that stopped a couple of months ago.
    RhythmBreak,
    /// The client-side champion carried the relationship and left the client recently.
    ChampionLeft,
    /// A former client.
    Churned,
}

const SCENARIOS: &[(Scenario, f64)] = &[
    (Scenario::Regular, 83.4),
    (Scenario::Unassigned, 0.6),
    (Scenario::Neglected, 8.0),
    (Scenario::RhythmBreak, 2.0),
    (Scenario::ChampionLeft, 2.5),
    (Scenario::Churned, 3.5),
];

/// The share of active, regular accounts that have a recent complaint still open.
const OPEN_COMPLAINT_CHANCE: f64 = 0.03;

/// Builds the demo firm for `now`. The same `now` always gives the same firm, and a different
/// `now` the same people, accounts and stories moved in time: the random choices come from a
/// fixed seed (only touchpoints falling on a weekend move to the nearest working day).
///
/// About 5 teams, 40 employees (1 admin, 1 HR, 5 sales leads, 33 members of whom two are
/// leaving within weeks and one departed), 2 000 accounts (tiers A/B/C about 10/30/60 %, six
/// regions, mostly EUR with GBP and USD), 1–6 contacts each, and about 20 000 interactions
/// over the two years before `now`. Every flag code occurs when the accounts are assessed
/// with the default settings and [`DemoFirm::coverage_policies`].
pub fn demo_firm(now: DateTime<Utc>) -> DemoFirm {
    let now = now.trunc_subsecs(0);
    let mut rng = DemoRng::new(DEMO_SEED);
    let staff = build_staff(&mut rng, now);
    let mut builder = FirmBuilder {
        rng,
        now,
        today: now.date_naive(),
        staff,
        accounts: Vec::with_capacity(ACCOUNT_COUNT),
        contacts: Vec::with_capacity(ACCOUNT_COUNT * 3),
        assignments: Vec::with_capacity(ACCOUNT_COUNT * 2),
        interactions: Vec::with_capacity(ACCOUNT_COUNT * 10),
        account_names: HashSet::new(),
        contacts_who_moved_on: Vec::new(),
    };
    for index in 0..ACCOUNT_COUNT {
        builder.add_account(index);
    }
    let account_links = links(&mut builder.rng, &builder.accounts);
    let events = super::events::events(
        &mut builder.rng,
        now,
        &builder.staff.users,
        &builder.accounts,
        &builder.contacts,
        &builder.assignments,
        &mut builder.interactions,
    );
    let Staff { teams, users, default_team_members, .. } = builder.staff;
    let follow_ups = super::outreach::complaint_follow_ups(&builder.interactions, now);
    let campaigns = super::outreach::demo_campaigns(&teams, &users, now);
    DemoFirm {
        generated_for: now,
        teams,
        users,
        default_team_members,
        coverage_policies: demo_coverage_policies(),
        accounts: builder.accounts,
        account_links,
        contacts: builder.contacts,
        assignments: builder.assignments,
        interactions: builder.interactions,
        events,
        follow_ups,
        campaigns,
    }
}

/// Tier A: ≥ 2 holders and ≥ 3 current contacts (PRODUCT.md's example); tier B: ≥ 1 holder
/// and ≥ 2 current contacts; tier C: no policy.
pub(crate) fn demo_coverage_policies() -> CoveragePolicies {
    CoveragePolicies::new(vec![
        CoveragePolicy { tier: Tier::A, min_holders: 2, min_current_contacts: 3 },
        CoveragePolicy { tier: Tier::B, min_holders: 1, min_current_contacts: 2 },
    ])
}

/// The people of the firm and, per team, who can be put on its accounts.
struct Staff {
    teams: Vec<DemoTeam>,
    users: Vec<DemoUser>,
    default_team_members: Vec<DemoDefaultTeamMember>,
    /// Per team (index into `TEAM_PLANS`): its sales lead's user index.
    lead_of_team: Vec<usize>,
    /// Per team: its members' user indices.
    members_of_team: Vec<Vec<usize>>,
}

impl Staff {
    fn user(&self, index: usize) -> Option<&DemoUser> {
        self.users.get(index)
    }

    fn key(&self, index: usize) -> String {
        self.user(index).map(|user| user.key.clone()).unwrap_or_default()
    }

    fn is_departed(&self, index: usize) -> bool {
        self.user(index).is_some_and(|user| user.status == UserStatus::Departed)
    }

    fn leave_date(&self, index: usize) -> Option<NaiveDate> {
        self.user(index).and_then(|user| user.leave_date)
    }
}

fn build_staff(rng: &mut DemoRng, now: DateTime<Utc>) -> Staff {
    let today = now.date_naive();
    let teams: Vec<DemoTeam> =
        TEAM_PLANS.iter().map(|plan| DemoTeam { key: plan.key.to_owned(), name: plan.name.to_owned() }).collect();
    let mut taken_names = HashSet::new();
    let mut users = Vec::with_capacity(40);
    let mut person = |rng: &mut DemoRng, email: Option<&str>, role: Role, team: Option<usize>| {
        let display_name = unique_person_name(rng, &mut taken_names);
        let email = email.map_or_else(|| format!("{}@{EMAIL_DOMAIN}", names::slug(&display_name, '.')), str::to_owned);
        let key = email.split('@').next().unwrap_or_default().to_owned();
        DemoUser {
            key,
            email,
            display_name,
            role,
            team_key: team.and_then(|team| TEAM_PLANS.get(team)).map(|plan| plan.key.to_owned()),
            status: UserStatus::Active,
            leave_date: None,
            non_solicitation_until: None,
            non_compete_until: None,
            lead_of_team_keys: Vec::new(),
        }
    };
    users.push(person(rng, Some(DEMO_ADMIN_EMAIL), Role::Admin, None));
    users.push(person(rng, Some(DEMO_HR_EMAIL), Role::Hr, None));

    let mut lead_of_team = Vec::with_capacity(TEAM_PLANS.len());
    for (team, plan) in TEAM_PLANS.iter().enumerate() {
        let email = (team == 0).then_some(DEMO_LEAD_EMAIL);
        let mut lead = person(rng, email, Role::SalesLead, Some(team));
        lead.lead_of_team_keys.push(plan.key.to_owned());
        lead_of_team.push(users.len());
        users.push(lead);
    }

    let mut members_of_team = Vec::with_capacity(TEAM_PLANS.len());
    for (team, plan) in TEAM_PLANS.iter().enumerate() {
        let mut members = Vec::with_capacity(plan.member_count);
        for position in 0..plan.member_count {
            let email = (team == 0 && position == 0).then_some(DEMO_MEMBER_EMAIL);
            let mut member = person(rng, email, Role::Member, Some(team));
            if let Some(departure) =
                DEPARTURES.iter().find(|departure| departure.team == team && departure.position == position)
            {
                let leave_date = today + Duration::days(departure.leave_in_days);
                member.status = departure.status;
                member.leave_date = Some(leave_date);
                member.non_solicitation_until =
                    departure.non_solicitation_months.map(|months| months_after(leave_date, months));
                member.non_compete_until = departure.non_compete_months.map(|months| months_after(leave_date, months));
            }
            members.push(users.len());
            users.push(member);
        }
        members_of_team.push(members);
    }

    // The well-known member adds a colleague as co-owner to every account they create; the
    // well-known lead adds themselves as executive sponsor to a member's accounts.
    let mut default_team_members = Vec::new();
    let first_team_members = members_of_team.first().cloned().unwrap_or_default();
    if let (Some(&member), Some(&colleague)) = (first_team_members.first(), first_team_members.get(1)) {
        let key_of = |index: usize| users.get(index).map(|user: &DemoUser| user.key.clone()).unwrap_or_default();
        default_team_members.push(DemoDefaultTeamMember {
            user_key: key_of(member),
            member_user_key: key_of(colleague),
            role: AssignmentRole::CoOwner,
            access: Access::Edit,
        });
        if let Some(&lead) = lead_of_team.first() {
            default_team_members.push(DemoDefaultTeamMember {
                user_key: key_of(colleague),
                member_user_key: key_of(lead),
                role: AssignmentRole::ExecutiveSponsor,
                access: Access::Read,
            });
        }
    }

    Staff { teams, users, default_team_members, lead_of_team, members_of_team }
}

fn unique_person_name(rng: &mut DemoRng, taken: &mut HashSet<String>) -> String {
    loop {
        let name = format!("{} {}", names::first_name(rng), names::last_name(rng));
        if taken.insert(name.clone()) {
            return name;
        }
    }
}

/// The same day `months` months later (the month's last day when it is shorter).
fn months_after(date: NaiveDate, months: i64) -> NaiveDate {
    date.checked_add_months(chrono::Months::new(u32::try_from(months).unwrap_or(0)))
        .unwrap_or(date + Duration::days(30 * months))
}

/// A contact while the account is being built: the record and the days they can take part.
struct ContactPlan {
    external_id: String,
    influence: Influence,
    /// They joined the client (only set for people who came from another client).
    available_from: Option<NaiveDate>,
    left_at: Option<NaiveDate>,
}

impl ContactPlan {
    fn is_there_on(&self, day: NaiveDate) -> bool {
        self.available_from.is_none_or(|from| from <= day) && self.left_at.is_none_or(|left_at| left_at > day)
    }
}

/// A team membership while the account is being built.
struct MembershipPlan {
    user: usize,
    role: AssignmentRole,
    since: DateTime<Utc>,
    until: Option<DateTime<Utc>>,
}

impl MembershipPlan {
    fn is_on_team_at(&self, at: DateTime<Utc>) -> bool {
        self.since <= at && self.until.is_none_or(|until| at < until)
    }
}

struct FirmBuilder {
    rng: DemoRng,
    now: DateTime<Utc>,
    today: NaiveDate,
    staff: Staff,
    accounts: Vec<DemoAccount>,
    contacts: Vec<DemoContact>,
    assignments: Vec<DemoAssignment>,
    interactions: Vec<DemoInteraction>,
    account_names: HashSet<String>,
    /// Contacts who left a client, some of whom turn up at another one (with their history).
    contacts_who_moved_on: Vec<(String, String)>,
}

impl FirmBuilder {
    fn add_account(&mut self, index: usize) {
        let rng = &mut self.rng;
        let region = pick_region(rng);
        let team = TEAM_PLANS.iter().position(|plan| plan.regions.contains(&region.name)).unwrap_or(0);
        let tier = *rng.weighted(&[(Tier::A, 10.0), (Tier::B, 30.0), (Tier::C, 60.0)]).unwrap_or(&Tier::C);
        let scenario = *rng.weighted(SCENARIOS).unwrap_or(&Scenario::Regular);
        let created_at = match scenario {
            Scenario::Unassigned => self.now - Duration::days(rng.between(5, 80)) - seconds_of_day(rng),
            _ => self.now - Duration::days(rng.between(800, 3_650)) - seconds_of_day(rng),
        };
        let company = self.unique_company(region);
        let external_id = format!("DEMO-A-{:04}", index + 1);
        self.accounts.push(DemoAccount {
            external_id: external_id.clone(),
            name: company.name,
            tier,
            region: region.name.to_owned(),
            team_key: TEAM_PLANS.get(team).map(|plan| plan.key.to_owned()).unwrap_or_default(),
            annual_value_minor: annual_value_minor(&mut self.rng, tier),
            currency: region.currency.to_owned(),
            status: if scenario == Scenario::Churned { AccountStatus::Churned } else { AccountStatus::Active },
            created_at,
        });

        let contacts = self.add_contacts(&external_id, tier, scenario, region, &company.domain);
        let team_plan = self.add_assignments(&external_id, team, tier, scenario, created_at);
        self.add_interactions(&external_id, tier, scenario, created_at, team, &contacts, &team_plan);
    }

    fn unique_company(&mut self, region: &RegionProfile) -> names::Company {
        let mut company = names::company(&mut self.rng, region);
        for _ in 0..20 {
            if !self.account_names.contains(&company.name) {
                break;
            }
            company = names::company(&mut self.rng, region);
        }
        self.account_names.insert(company.name.clone());
        company
    }

    fn add_contacts(
        &mut self,
        account_external_id: &str,
        tier: Tier,
        scenario: Scenario,
        region: &RegionProfile,
        domain: &str,
    ) -> Vec<ContactPlan> {
        let rng = &mut self.rng;
        let mut count = match tier {
            Tier::A => rng.between(3, 6),
            Tier::B => rng.between(2, 5),
            Tier::C => *rng.weighted(&[(1, 30.0), (2, 35.0), (3, 25.0), (4, 10.0)]).unwrap_or(&2),
        };
        if scenario == Scenario::ChampionLeft {
            count = count.max(2);
        }
        let mut plans = Vec::new();
        for position in 0..count {
            let rng = &mut self.rng;
            let influence = draw_influence(rng, position);
            let champion_who_left = scenario == Scenario::ChampionLeft && position == 1;
            let left_at = if champion_who_left {
                Some(self.today - Duration::days(rng.between(10, 60)))
            } else if position > 0 && rng.chance(0.08) {
                Some(self.today - Duration::days(rng.between(20, 700)))
            } else {
                None
            };
            // Someone who left another client turns up here, history and all.
            let moved_here = (position > 0 && !champion_who_left && rng.chance(0.04))
                .then(|| self.contacts_who_moved_on.pop())
                .flatten();
            let (name, previous_contact_external_id, available_from) = match moved_here {
                Some((previous_id, name)) => {
                    let left_previous = self
                        .contacts
                        .iter()
                        .rev()
                        .find(|contact| contact.external_id == previous_id)
                        .and_then(|contact| contact.left_at);
                    (name, Some(previous_id), left_previous)
                }
                None => (format!("{} {}", names::first_name(rng), names::last_name(rng)), None, None),
            };
            let left_at = left_at.filter(|left| available_from.is_none_or(|from| *left > from));
            let external_id = format!("DEMO-C-{:05}", self.contacts.len() + 1);
            let rng = &mut self.rng;
            let phone = rng.chance(0.8).then(|| names::phone(rng, region));
            self.contacts.push(DemoContact {
                external_id: external_id.clone(),
                account_external_id: account_external_id.to_owned(),
                email: format!("{}@{domain}", names::slug(&name, '.')),
                job_title: names::job_title(rng, influence).to_owned(),
                phone,
                influence,
                left_at,
                previous_contact_external_id,
                name: name.clone(),
            });
            if left_at.is_some() && !champion_who_left && rng.chance(0.25) {
                self.contacts_who_moved_on.insert(0, (external_id.clone(), name));
            }
            plans.push(ContactPlan { external_id, influence, available_from, left_at });
        }
        plans
    }

    fn add_assignments(
        &mut self,
        account_external_id: &str,
        team: usize,
        tier: Tier,
        scenario: Scenario,
        created_at: DateTime<Utc>,
    ) -> Vec<MembershipPlan> {
        let mut plan = Vec::new();
        if scenario == Scenario::Unassigned {
            return plan;
        }
        let rng = &mut self.rng;
        let members = self.staff.members_of_team.get(team).cloned().unwrap_or_default();
        let staying: Vec<usize> = members.iter().copied().filter(|&user| !self.staff.is_departed(user)).collect();
        let departed = members.iter().copied().find(|&user| self.staff.is_departed(user));
        let mut on_team: Vec<usize> = Vec::new();
        let draw_colleague = |rng: &mut DemoRng, on_team: &mut Vec<usize>| {
            let free: Vec<usize> = staying.iter().copied().filter(|user| !on_team.contains(user)).collect();
            let user = rng.pick(&free).copied();
            if let Some(user) = user {
                on_team.push(user);
            }
            user
        };

        // The departed colleague owned about as many accounts as anyone else in their team;
        // each went to a successor on their last day.
        let handed_over_by = departed.filter(|_| rng.chance(1.0 / members.len().max(1) as f64));
        match handed_over_by.and_then(|user| Some((user, self.staff.leave_date(user)?))) {
            Some((former_owner, leave_date)) => {
                let handover_at = end_of_day(leave_date);
                plan.push(MembershipPlan {
                    user: former_owner,
                    role: AssignmentRole::Owner,
                    since: created_at,
                    until: Some(handover_at),
                });
                if let Some(successor) = draw_colleague(rng, &mut on_team) {
                    plan.push(MembershipPlan {
                        user: successor,
                        role: AssignmentRole::Owner,
                        since: handover_at,
                        until: None,
                    });
                }
            }
            None => {
                if let Some(owner) = draw_colleague(rng, &mut on_team) {
                    plan.push(MembershipPlan {
                        user: owner,
                        role: AssignmentRole::Owner,
                        since: created_at,
                        until: None,
                    });
                }
            }
        }
        let (co_owner_chance, specialist_chance) = match tier {
            Tier::A => (0.95, 0.5),
            Tier::B => (0.75, 0.2),
            Tier::C => (0.4, 0.05),
        };
        for (role, chance) in
            [(AssignmentRole::CoOwner, co_owner_chance), (AssignmentRole::Specialist, specialist_chance)]
        {
            if rng.chance(chance) {
                if let Some(user) = draw_colleague(rng, &mut on_team) {
                    plan.push(MembershipPlan { user, role, since: created_at, until: None });
                }
            }
        }
        if tier == Tier::A && rng.chance(0.6) {
            if let Some(&lead) = self.staff.lead_of_team.get(team) {
                plan.push(MembershipPlan {
                    user: lead,
                    role: AssignmentRole::ExecutiveSponsor,
                    since: created_at,
                    until: None,
                });
            }
        }

        for membership in &plan {
            let access = match membership.role {
                AssignmentRole::Owner | AssignmentRole::CoOwner => Access::Edit,
                AssignmentRole::Specialist if rng.chance(0.5) => Access::Edit,
                AssignmentRole::Specialist | AssignmentRole::ExecutiveSponsor => Access::Read,
            };
            self.assignments.push(DemoAssignment {
                account_external_id: account_external_id.to_owned(),
                user_key: self.staff.key(membership.user),
                role: membership.role,
                access,
                since: membership.since,
                until: membership.until,
            });
        }
        plan
    }

    #[allow(clippy::too_many_arguments)]
    fn add_interactions(
        &mut self,
        account_external_id: &str,
        tier: Tier,
        scenario: Scenario,
        created_at: DateTime<Utc>,
        team: usize,
        contacts: &[ContactPlan],
        memberships: &[MembershipPlan],
    ) {
        let now = self.now;
        let rng = &mut self.rng;
        let history_start = created_at.max(now - Duration::days(HISTORY_DAYS));
        let typical = match tier {
            Tier::A => 24,
            Tier::B => 12,
            Tier::C => 7,
        };
        let count = match scenario {
            Scenario::Unassigned => rng.between(0, 2),
            Scenario::RhythmBreak => rng.between(typical / 2, typical * 3 / 2).max(6),
            _ => rng.between(typical / 2, typical * 3 / 2),
        };
        let last_at = match scenario {
            Scenario::Regular => now - Duration::days(rng.between(0, 75)),
            Scenario::Unassigned => now - Duration::seconds(rng.between(0, (now - created_at).num_seconds())),
            Scenario::Neglected => now - Duration::days(rng.between(95, 420)),
            Scenario::RhythmBreak => now - Duration::days(rng.between(50, 85)),
            Scenario::ChampionLeft => now - Duration::days(rng.between(0, 8)),
            Scenario::Churned => now - Duration::days(rng.between(200, 700)),
        } - seconds_of_day(rng);
        let last_at = last_at.min(now).max(history_start);

        let mut times: Vec<DateTime<Utc>> = Vec::new();
        if count > 0 {
            times.push(last_at);
        }
        let mut previous = last_at;
        for _ in 1..count {
            let at = match scenario {
                // Every few days, going back from the last touchpoint.
                Scenario::RhythmBreak => previous - Duration::days(rng.between(2, 6)) - seconds_of_day(rng),
                _ => {
                    let span = (last_at - history_start).num_seconds().max(0);
                    history_start + Duration::seconds(rng.between(0, span))
                }
            };
            previous = at;
            times.push(at.max(history_start));
        }
        for at in &mut times {
            *at = on_a_working_day(rng, *at, history_start, now);
        }
        times.sort_unstable();

        let champion_left = scenario == Scenario::ChampionLeft;
        let mut recent_open_complaint = None;
        if scenario == Scenario::Regular && rng.chance(OPEN_COMPLAINT_CHANCE) {
            let at = now - Duration::days(rng.between(1, 40));
            recent_open_complaint = Some(on_a_working_day(rng, at, history_start, now));
        }

        for at in times {
            let kind = draw_kind(&mut self.rng, tier);
            self.push_interaction(account_external_id, kind, at, team, contacts, memberships, champion_left, None);
        }
        if let Some(at) = recent_open_complaint {
            self.push_interaction(
                account_external_id,
                InteractionKind::Complaint,
                at,
                team,
                contacts,
                memberships,
                false,
                Some(ComplaintStatus::Open),
            );
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push_interaction(
        &mut self,
        account_external_id: &str,
        kind: InteractionKind,
        at: DateTime<Utc>,
        team: usize,
        contacts: &[ContactPlan],
        memberships: &[MembershipPlan],
        champion_carries_it: bool,
        complaint_status: Option<ComplaintStatus>,
    ) {
        let rng = &mut self.rng;
        let day = at.date_naive();
        let on_team: Vec<(usize, f64)> = memberships
            .iter()
            .filter(|membership| membership.is_on_team_at(at))
            .map(|membership| (membership.user, role_weight(membership.role)))
            .collect();
        let owner = memberships
            .iter()
            .find(|membership| membership.role == AssignmentRole::Owner && membership.is_on_team_at(at))
            .map(|membership| membership.user);
        let lead = self.staff.lead_of_team.get(team).copied();

        let on_behalf_of = match kind {
            InteractionKind::Event if rng.chance(0.8) => OnBehalfOf::Organisation,
            InteractionKind::Gift if rng.chance(0.85) => OnBehalfOf::Organisation,
            _ => OnBehalfOf::Person,
        };
        let group_setting = matches!(kind, InteractionKind::Meeting | InteractionKind::Visit | InteractionKind::Event);

        let mut employees: Vec<usize> = Vec::with_capacity(2);
        let first = match (kind, on_behalf_of) {
            (InteractionKind::Complaint, _) | (_, OnBehalfOf::Organisation) => owner,
            _ => None,
        }
        .or_else(|| rng.weighted(&on_team).copied())
        .or(lead);
        employees.extend(first);
        if rng.chance(if group_setting { 0.5 } else { 0.2 }) {
            let others: Vec<(usize, f64)> =
                on_team.iter().copied().filter(|(user, _)| !employees.contains(user)).collect();
            employees.extend(rng.weighted(&others).copied());
        }

        let present: Vec<(usize, f64)> = contacts
            .iter()
            .enumerate()
            .filter(|(_, contact)| contact.is_there_on(day))
            .map(|(position, contact)| (position, influence_weight(contact.influence)))
            .collect();
        let mut contact_positions: Vec<usize> = Vec::with_capacity(2);
        let internal_note = kind == InteractionKind::Note && rng.chance(0.7);
        if !internal_note {
            let champion = present.iter().find(|(position, _)| {
                contacts.get(*position).is_some_and(|contact| contact.influence == Influence::Champion)
            });
            let first = match champion {
                Some(&(position, _)) if champion_carries_it && rng.chance(0.9) => Some(position),
                _ => rng.weighted(&present).copied(),
            };
            contact_positions.extend(first);
            if !champion_carries_it && rng.chance(if group_setting { 0.35 } else { 0.1 }) {
                let others: Vec<(usize, f64)> =
                    present.iter().copied().filter(|(position, _)| !contact_positions.contains(position)).collect();
                contact_positions.extend(rng.weighted(&others).copied());
            }
        }

        let complaint_status = match (kind, complaint_status) {
            (InteractionKind::Complaint, Some(status)) => Some(status),
            (InteractionKind::Complaint, None) if self.now - at < Duration::days(45) && rng.chance(0.5) => {
                Some(ComplaintStatus::Open)
            }
            (InteractionKind::Complaint, None) => Some(ComplaintStatus::Resolved),
            _ => None,
        };
        let resolved_at = (complaint_status == Some(ComplaintStatus::Resolved))
            .then(|| (at + Duration::days(rng.between(1, 25))).min(self.now));
        let follow_up_user = complaint_status.and(owner.or(first));
        let resolution = resolved_at.map(|_| {
            let position = self.interactions.len() % super::outreach::RESOLUTIONS.len();
            super::outreach::RESOLUTIONS[position].to_owned()
        });
        let summary = names::summary(rng, kind, on_behalf_of == OnBehalfOf::Organisation).to_owned();

        self.interactions.push(DemoInteraction {
            external_id: format!("DEMO-I-{:06}", self.interactions.len() + 1),
            account_external_id: account_external_id.to_owned(),
            kind,
            occurred_at: at,
            summary,
            employee_keys: employees.iter().map(|&user| self.staff.key(user)).collect(),
            contact_external_ids: contact_positions
                .iter()
                .filter_map(|&position| contacts.get(position))
                .map(|contact| contact.external_id.clone())
                .collect(),
            on_behalf_of,
            complaint_status,
            resolved_at,
            follow_up_user_key: follow_up_user.map(|user| self.staff.key(user)),
            follow_up_due: complaint_status.map(|_| day + Duration::days(14)),
            resolution,
        });
    }
}

/// A region, most often a euro one.
pub(crate) fn pick_region(rng: &mut DemoRng) -> &'static RegionProfile {
    let weighted: Vec<(usize, f64)> =
        REGIONS.iter().enumerate().map(|(index, region)| (index, region.weight)).collect();
    let index = rng.weighted(&weighted).copied().unwrap_or(0);
    REGIONS.get(index).unwrap_or(&REGIONS[0])
}

/// Tier A accounts are rarer and worth more: A 250 000–2 500 000, B 40 000–250 000,
/// C 2 000–40 000, in whole hundreds of the currency, as minor units.
pub(crate) fn annual_value_minor(rng: &mut DemoRng, tier: Tier) -> i64 {
    let (low, high) = match tier {
        Tier::A => (2_500, 25_000),
        Tier::B => (400, 2_500),
        Tier::C => (20, 400),
    };
    rng.between(low, high) * 100 * 100
}

/// Meetings and visits are commoner on big accounts, e-mail on small ones.
pub(crate) fn draw_kind(rng: &mut DemoRng, tier: Tier) -> InteractionKind {
    let mix: &[(InteractionKind, f64)] = match tier {
        Tier::A => &[
            (InteractionKind::Meeting, 20.0),
            (InteractionKind::Call, 22.0),
            (InteractionKind::Email, 27.0),
            (InteractionKind::Visit, 8.0),
            (InteractionKind::Event, 5.0),
            (InteractionKind::Gift, 3.0),
            (InteractionKind::Complaint, 2.0),
            (InteractionKind::Note, 13.0),
        ],
        Tier::B | Tier::C => &[
            (InteractionKind::Meeting, 14.0),
            (InteractionKind::Call, 25.0),
            (InteractionKind::Email, 34.0),
            (InteractionKind::Visit, 5.0),
            (InteractionKind::Event, 3.0),
            (InteractionKind::Gift, 3.0),
            (InteractionKind::Complaint, 3.0),
            (InteractionKind::Note, 13.0),
        ],
    };
    rng.weighted(mix).copied().unwrap_or(InteractionKind::Email)
}

/// How often a team member takes part, by their role on the account.
pub(crate) fn role_weight(role: AssignmentRole) -> f64 {
    match role {
        AssignmentRole::Owner => 5.0,
        AssignmentRole::CoOwner => 3.5,
        AssignmentRole::Specialist => 1.2,
        AssignmentRole::ExecutiveSponsor => 0.6,
    }
}

/// The influence of an account's contact by its position: the first decides, the second is
/// the champion, the rest are mostly influencers and users.
pub(crate) fn draw_influence(rng: &mut DemoRng, position: i64) -> Influence {
    match position {
        0 => Influence::DecisionMaker,
        1 => Influence::Champion,
        _ => *rng
            .weighted(&[(Influence::Influencer, 4.0), (Influence::User, 3.0), (Influence::Other, 1.0)])
            .unwrap_or(&Influence::User),
    }
}

/// How often a client contact takes part, by their influence.
pub(crate) fn influence_weight(influence: Influence) -> f64 {
    match influence {
        Influence::Champion => 4.0,
        Influence::DecisionMaker => 3.0,
        Influence::Influencer => 2.0,
        Influence::User => 1.0,
        Influence::Other => 0.5,
    }
}

/// A random time of day, so touchpoints do not all fall at the same minute.
pub(crate) fn seconds_of_day(rng: &mut DemoRng) -> Duration {
    Duration::seconds(rng.between(0, 86_399))
}

/// The same day (Monday instead of Sunday, Friday instead of Saturday) during office hours,
/// 08:00–18:00 UTC, kept within `earliest..=latest`.
fn on_a_working_day(
    rng: &mut DemoRng,
    at: DateTime<Utc>,
    earliest: DateTime<Utc>,
    latest: DateTime<Utc>,
) -> DateTime<Utc> {
    let day = at.date_naive();
    let day = match day.weekday() {
        Weekday::Sat => day - Duration::days(1),
        Weekday::Sun => day + Duration::days(1),
        _ => day,
    };
    let office_opens = day.and_hms_opt(8, 0, 0).map_or(at, |time| time.and_utc());
    (office_opens + Duration::seconds(rng.between(0, 10 * 3_600))).clamp(earliest, latest)
}

/// The end of a leave date (the last working day), when a handover takes effect.
fn end_of_day(date: NaiveDate) -> DateTime<Utc> {
    let next_day = date + Duration::days(1);
    next_day.and_hms_opt(0, 0, 0).map_or_else(|| DateTime::<Utc>::MIN_UTC, |time| time.and_utc())
}

/// Ties of the client network: companies sharing a name root are one group; some clients
/// referred others; a few are partners.
fn links(rng: &mut DemoRng, accounts: &[DemoAccount]) -> Vec<DemoAccountLink> {
    let mut by_root: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, account) in accounts.iter().enumerate() {
        let root = account.name.split_whitespace().next().unwrap_or_default();
        by_root.entry(root).or_default().push(index);
    }
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    let mut links = Vec::new();
    let mut push = |from: usize, to: usize, kind: AccountLinkKind, links: &mut Vec<DemoAccountLink>| {
        if from == to || !seen.insert((from.min(to), from.max(to))) {
            return;
        }
        if let (Some(account), Some(other)) = (accounts.get(from), accounts.get(to)) {
            links.push(DemoAccountLink {
                account_external_id: account.external_id.clone(),
                other_account_external_id: other.external_id.clone(),
                kind,
            });
        }
    };
    for members in by_root.values().take(40) {
        if let [first, second, ..] = members.as_slice() {
            push(*second, *first, AccountLinkKind::SameGroup, &mut links);
        }
    }
    for kind in [AccountLinkKind::ReferredBy, AccountLinkKind::ReferredBy, AccountLinkKind::Partner] {
        for _ in 0..40 {
            let from = rng.index(accounts.len());
            let to = rng.index(accounts.len());
            push(from, to, kind, &mut links);
        }
    }
    links
}
