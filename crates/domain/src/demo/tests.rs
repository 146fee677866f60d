use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::*;
use crate::continuity::{assess, departure_what_if, leaving_holders, truck_factor, AccountHolders, FlagCode, Settings};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 15).single().unwrap_or_default()
}

fn flag_counts(firm: &DemoFirm) -> BTreeMap<FlagCode, usize> {
    let employees = firm.employees();
    let settings = Settings::default();
    let mut counts = BTreeMap::new();
    for account in firm.account_facts() {
        let risk = assess(&account, &employees, &firm.coverage_policies, &settings, firm.generated_for);
        for code in risk.flag_codes() {
            *counts.entry(code).or_insert(0) += 1;
        }
    }
    counts
}

#[test]
fn demo_firm_raises_every_flag() {
    let firm = demo_firm(now());
    let counts = flag_counts(&firm);
    for code in FlagCode::ALL {
        assert!(counts.get(code).copied().unwrap_or(0) > 0, "no demo account raises `{code}`: {counts:?}");
    }
}

#[test]
fn demo_firm_raises_every_flag_whatever_the_day() {
    let later = now() + Duration::days(137) + Duration::seconds(4_321);
    let counts = flag_counts(&demo_firm(later));
    assert_eq!(counts.len(), FlagCode::ALL.len(), "{counts:?}");
}

#[test]
fn the_same_now_gives_the_same_demo_firm() {
    assert_eq!(demo_firm(now()), demo_firm(now()));
    let later = demo_firm(now() + Duration::days(1));
    let today = demo_firm(now());
    assert_eq!(later.accounts.len(), today.accounts.len());
    assert_eq!(later.users, today.users.iter().map(|user| shifted(user, 1)).collect::<Vec<_>>());
}

fn shifted(user: &DemoUser, days: i64) -> DemoUser {
    let shift = |date: Option<chrono::NaiveDate>| date.map(|date| date + Duration::days(days));
    DemoUser {
        leave_date: shift(user.leave_date),
        non_solicitation_until: shift(user.non_solicitation_until),
        non_compete_until: shift(user.non_compete_until),
        ..user.clone()
    }
}

#[test]
fn demo_firm_has_the_documented_size_and_mix() {
    let firm = demo_firm(now());
    assert_eq!(firm.teams.len(), 5);
    assert_eq!(firm.users.len(), 40);
    let with_role = |role: Role| firm.users.iter().filter(|user| user.role == role).count();
    assert_eq!(with_role(Role::Admin), 1);
    assert_eq!(with_role(Role::Hr), 1);
    assert_eq!(with_role(Role::SalesLead), 5);
    assert_eq!(with_role(Role::Member), 33);
    let with_status = |status: UserStatus| firm.users.iter().filter(|user| user.status == status).count();
    assert_eq!(with_status(UserStatus::Leaving), 2);
    assert_eq!(with_status(UserStatus::Departed), 1);
    let today = now().date_naive();
    for user in firm.users.iter().filter(|user| user.status == UserStatus::Leaving) {
        let leave_date = user.leave_date.unwrap_or_default();
        assert!(leave_date > today && leave_date <= today + Duration::days(42), "{user:?}");
        assert!(user.role == Role::Member);
    }
    assert!(firm.users.iter().any(|user| user.non_solicitation_until.is_some()));
    assert!(firm.users.iter().any(|user| user.non_compete_until.is_some()));
    for team in &firm.teams {
        let leads = firm.users.iter().filter(|user| user.lead_of_team_keys.contains(&team.key)).count();
        assert_eq!(leads, 1, "team {}", team.name);
    }

    assert_eq!(firm.accounts.len(), 2_000);
    let tier_count = |tier: Tier| firm.accounts.iter().filter(|account| account.tier == tier).count();
    assert!(tier_count(Tier::A) < tier_count(Tier::B) && tier_count(Tier::B) < tier_count(Tier::C));
    assert!(tier_count(Tier::A) >= 100);
    let mean_value = |tier: Tier| {
        let values: Vec<i64> =
            firm.accounts.iter().filter(|account| account.tier == tier).map(|a| a.annual_value_minor).collect();
        values.iter().sum::<i64>() / values.len().max(1) as i64
    };
    assert!(mean_value(Tier::A) > mean_value(Tier::B) && mean_value(Tier::B) > mean_value(Tier::C));
    let regions: HashSet<&str> = firm.accounts.iter().map(|account| account.region.as_str()).collect();
    assert_eq!(regions.len(), 6);
    let in_currency = |currency: &str| firm.accounts.iter().filter(|account| account.currency == currency).count();
    assert!(in_currency("EUR") > firm.accounts.len() / 2);
    assert!(in_currency("GBP") > 0 && in_currency("USD") > 0);

    let mut contacts_per_account: BTreeMap<&str, usize> = BTreeMap::new();
    for contact in &firm.contacts {
        *contacts_per_account.entry(contact.account_external_id.as_str()).or_default() += 1;
    }
    assert_eq!(contacts_per_account.len(), firm.accounts.len());
    assert!(contacts_per_account.values().all(|&count| (1..=6).contains(&count)));
    assert!(firm.contacts.iter().any(|contact| contact.left_at.is_some()));
    assert!(firm.contacts.iter().any(|contact| contact.previous_contact_external_id.is_some()));

    let roles: HashSet<AssignmentRole> = firm.assignments.iter().map(|assignment| assignment.role).collect();
    assert_eq!(roles.len(), AssignmentRole::ALL.len());
    let access: HashSet<Access> = firm.assignments.iter().map(|assignment| assignment.access).collect();
    assert_eq!(access.len(), 2);

    assert!((15_000..=25_000).contains(&firm.interactions.len()), "{} interactions", firm.interactions.len());
    let kinds: HashSet<InteractionKind> = firm.interactions.iter().map(|interaction| interaction.kind).collect();
    assert_eq!(kinds.len(), InteractionKind::ALL.len());
    let organisation = firm.interactions.iter().filter(|i| i.on_behalf_of == OnBehalfOf::Organisation).count();
    assert!(organisation > 0);
    let complaints = |status: ComplaintStatus| {
        firm.interactions.iter().filter(|interaction| interaction.complaint_status == Some(status)).count()
    };
    assert!(complaints(ComplaintStatus::Open) > 0 && complaints(ComplaintStatus::Resolved) > 0);
    assert!(!firm.account_links.is_empty());
    assert!(!firm.default_team_members.is_empty());
}

#[test]
fn the_well_known_logins_exist_one_per_role() {
    let firm = demo_firm(now());
    for (email, role) in [
        (DEMO_ADMIN_EMAIL, Role::Admin),
        (DEMO_HR_EMAIL, Role::Hr),
        (DEMO_LEAD_EMAIL, Role::SalesLead),
        (DEMO_MEMBER_EMAIL, Role::Member),
    ] {
        let user = firm.users.iter().find(|user| user.email == email);
        assert_eq!(user.map(|user| (user.role, user.status)), Some((role, UserStatus::Active)), "{email}");
    }
    let member_key = firm.users.iter().find(|user| user.email == DEMO_MEMBER_EMAIL).map(|user| user.key.clone());
    let member_accounts = firm
        .assignments
        .iter()
        .filter(|assignment| Some(&assignment.user_key) == member_key.as_ref() && assignment.until.is_none())
        .count();
    assert!(member_accounts >= 20, "the demo member is on {member_accounts} accounts");
    assert!(DEMO_PASSWORD.len() >= 12);
    let emails: HashSet<&str> = firm.users.iter().map(|user| user.email.as_str()).collect();
    assert_eq!(emails.len(), firm.users.len());
}

#[test]
fn every_reference_in_the_demo_firm_points_at_an_earlier_record() {
    let firm = demo_firm(now());
    let generated_for = firm.generated_for;
    let teams: HashSet<&str> = firm.teams.iter().map(|team| team.key.as_str()).collect();
    let users: HashSet<&str> = firm.users.iter().map(|user| user.key.as_str()).collect();
    assert_eq!(users.len(), firm.users.len());
    for user in &firm.users {
        assert!(user.team_key.as_deref().is_none_or(|key| teams.contains(key)));
    }
    for member in &firm.default_team_members {
        assert!(users.contains(member.user_key.as_str()) && users.contains(member.member_user_key.as_str()));
    }
    let accounts: HashSet<&str> = firm.accounts.iter().map(|account| account.external_id.as_str()).collect();
    assert_eq!(accounts.len(), firm.accounts.len());
    for account in &firm.accounts {
        assert!(teams.contains(account.team_key.as_str()));
        assert!(account.created_at <= generated_for);
    }
    for link in &firm.account_links {
        assert!(accounts.contains(link.account_external_id.as_str()));
        assert!(accounts.contains(link.other_account_external_id.as_str()));
        assert_ne!(link.account_external_id, link.other_account_external_id);
    }
    let mut contacts: BTreeMap<&str, &DemoContact> = BTreeMap::new();
    for contact in &firm.contacts {
        assert!(accounts.contains(contact.account_external_id.as_str()));
        if let Some(previous) = &contact.previous_contact_external_id {
            let previous = contacts.get(previous.as_str()).copied();
            assert!(previous.is_some_and(|previous| previous.left_at.is_some() && previous.name == contact.name));
        }
        assert!(contacts.insert(contact.external_id.as_str(), contact).is_none());
        assert!(contact.email.is_ascii() && contact.email.ends_with(".example"));
    }
    let mut open = HashSet::new();
    for assignment in &firm.assignments {
        assert!(accounts.contains(assignment.account_external_id.as_str()));
        assert!(users.contains(assignment.user_key.as_str()));
        assert!(assignment.until.is_none_or(|until| until > assignment.since));
        if assignment.until.is_none() {
            assert!(open.insert((&assignment.account_external_id, &assignment.user_key)), "{assignment:?}");
        }
    }
    let history_start = generated_for - Duration::days(730);
    let mut interaction_ids = HashSet::new();
    for interaction in &firm.interactions {
        assert!(interaction_ids.insert(interaction.external_id.as_str()));
        assert!(accounts.contains(interaction.account_external_id.as_str()));
        assert!(!interaction.employee_keys.is_empty());
        assert!(interaction.employee_keys.iter().all(|key| users.contains(key.as_str())));
        for contact_id in &interaction.contact_external_ids {
            let contact = contacts.get(contact_id.as_str()).copied();
            assert!(contact.is_some_and(|contact| contact.account_external_id == interaction.account_external_id));
            let day = interaction.occurred_at.date_naive();
            assert!(contact.is_some_and(|contact| contact.left_at.is_none_or(|left_at| left_at > day)));
        }
        assert!(interaction.occurred_at >= history_start && interaction.occurred_at <= generated_for);
        assert_eq!(interaction.kind == InteractionKind::Complaint, interaction.complaint_status.is_some());
        assert_eq!(interaction.complaint_status == Some(ComplaintStatus::Resolved), interaction.resolved_at.is_some());
        assert!(interaction.resolved_at.is_none_or(|at| at >= interaction.occurred_at && at <= generated_for));
    }
}

#[test]
fn departed_colleagues_take_no_part_after_their_leave_date() {
    let firm = demo_firm(now());
    for user in firm.users.iter().filter(|user| user.status == UserStatus::Departed) {
        let leave_date = user.leave_date.unwrap_or_default();
        assert!(firm
            .interactions
            .iter()
            .filter(|interaction| interaction.employee_keys.contains(&user.key))
            .all(|interaction| interaction.occurred_at.date_naive() <= leave_date));
        assert!(firm
            .assignments
            .iter()
            .filter(|assignment| assignment.user_key == user.key)
            .all(|assignment| assignment.until.is_some()));
    }
}

#[test]
fn the_demo_firm_converts_to_facts_with_every_record() {
    let firm = demo_firm(now());
    let facts = firm.account_facts();
    assert_eq!(facts.len(), firm.accounts.len());
    assert_eq!(facts.iter().map(|account| account.contacts.len()).sum::<usize>(), firm.contacts.len());
    assert_eq!(facts.iter().map(|account| account.interactions.len()).sum::<usize>(), firm.interactions.len());
    let open = firm.assignments.iter().filter(|assignment| assignment.until.is_none()).count();
    assert_eq!(facts.iter().map(|account| account.assignments.len()).sum::<usize>(), open);
    assert_eq!(firm.employees().iter().count(), firm.users.len());
}

#[test]
fn scale_firm_streams_the_same_accounts_for_the_same_seed() {
    let first: Vec<ScaleAccount> = scale_firm(300, 7, now()).collect();
    let again: Vec<ScaleAccount> = scale_firm(300, 7, now()).collect();
    assert_eq!(first, again);
    let other_seed: Vec<ScaleAccount> = scale_firm(300, 8, now()).collect();
    assert_ne!(first, other_seed);
    let firm = ScaleFirm::new(300, 7, now());
    assert_eq!(firm.account(123), first[123]);
}

#[test]
fn scale_firm_has_the_documented_shape() {
    let firm = ScaleFirm::new(10_000, 42, now());
    assert_eq!(firm.team_count(), 7);
    assert_eq!(firm.user_count(), 210);
    let users = firm.users();
    assert_eq!(users.len(), 210);
    let teams: HashSet<String> = firm.teams().into_iter().map(|team| team.key).collect();
    assert!(users.iter().all(|user| user.team_key.as_ref().is_none_or(|key| teams.contains(key))));
    assert_eq!(users.iter().filter(|user| user.role == Role::SalesLead).count(), 7);
    let team_of: BTreeMap<&str, Option<&String>> =
        users.iter().map(|user| (user.key.as_str(), user.team_key.as_ref())).collect();

    let mut interactions = 0;
    for account in firm.accounts().take(2_000) {
        assert!((1..=6).contains(&account.contacts.len()));
        assert!((1..=4).contains(&account.assignments.len()));
        assert!((10..=30).contains(&account.interactions.len()));
        for assignment in &account.assignments {
            assert_eq!(team_of.get(assignment.user_key.as_str()).copied().flatten(), Some(&account.account.team_key));
        }
        interactions += account.interactions.len();
        let facts = firm.account_facts(&account);
        assert_eq!(facts.assignments.len(), account.assignments.len());
        assert!(facts.interactions.iter().all(|interaction| !interaction.employee_ids.is_empty()));
    }
    let mean = interactions as f64 / 2_000.0;
    assert!((18.0..=22.0).contains(&mean), "{mean} interactions per account");
}

#[test]
fn scale_firm_portfolio_figures_run() {
    let firm = ScaleFirm::new(2_000, 3, now());
    let employees = firm.employees();
    let policies = firm.coverage_policies();
    let settings = Settings::default();
    let facts: Vec<_> = firm.accounts().map(|account| firm.account_facts(&account)).collect();
    let holders: Vec<AccountHolders> = facts
        .iter()
        .filter_map(|account| AccountHolders::from_risk(&assess(account, &employees, &policies, &settings, now())))
        .collect();
    let result = truck_factor(&holders, &leaving_holders(&holders, &employees), &settings);
    assert!(result.size > 0);
    let what_if = departure_what_if(&result.order, &facts, &employees, &policies, &settings, now());
    assert!(what_if.orphaned_value_minor > 0);
}

fn demo_risks(at: DateTime<Utc>) -> Vec<crate::continuity::AccountRisk> {
    let firm = demo_firm(now());
    let employees = firm.employees();
    let settings = Settings::default();
    firm.account_facts()
        .iter()
        .map(|account| assess(account, &employees, &firm.coverage_policies, &settings, at))
        .collect()
}

#[test]
fn portfolio_totals_kept_by_difference_give_the_summary_of_all_accounts() {
    use crate::continuity::{portfolio_summary, PortfolioTotals};
    let settings = Settings::default();
    let before = demo_risks(now());
    let after = demo_risks(now() + Duration::days(45));
    let holders: Vec<AccountHolders> = after.iter().filter_map(AccountHolders::from_risk).collect();
    let employees = demo_firm(now()).employees();
    let expected = portfolio_summary(&after, &employees, &settings);

    // Start from the totals of `before`, then move each account by its difference, as a store does.
    let mut totals = PortfolioTotals::default();
    before.iter().for_each(|risk| totals.add(&PortfolioTotals::of_risk(risk), 1));
    for (old, new) in before.iter().zip(&after) {
        totals.add(&PortfolioTotals::of_risk(old), -1);
        totals.add(&PortfolioTotals::of_risk(new), 1);
    }
    assert_eq!(totals.summary(truck_factor(&holders, &leaving_holders(&holders, &employees), &settings)), expected);
    assert_ne!(
        portfolio_summary(&before, &employees, &settings).flag_counts,
        expected.flag_counts,
        "45 days change the flags"
    );
    assert!(expected.accounts > 1_900 && expected.accounts < 2_000, "churned accounts are left out");

    // Stored as named measures and read back, the totals are the same.
    let measures = totals.measures();
    assert!(measures.iter().any(|(name, _)| name == "flag.key_person"));
    let read_back = PortfolioTotals::from_measures(measures.iter().map(|(name, amount)| (name.as_str(), *amount)));
    assert_eq!(read_back, Ok(totals.clone()));
    assert!(PortfolioTotals::from_measures([("flag.nonsense", 1)]).is_err());

    // Taking every account away leaves nothing.
    after.iter().for_each(|risk| totals.add(&PortfolioTotals::of_risk(risk), -1));
    assert!(totals.is_empty(), "{totals:?}");
}

#[test]
fn fingerprints_ignore_minutes_and_see_days() {
    let at = now();
    let first = demo_risks(at);
    let minutes_later = demo_risks(at + Duration::minutes(10));
    let unchanged = first.iter().zip(&minutes_later).filter(|(a, b)| a.fingerprint() == b.fingerprint()).count();
    assert!(unchanged * 10 >= first.len() * 9, "ten minutes change few accounts: {unchanged} of {}", first.len());
    assert!(first.iter().zip(&minutes_later).all(|(a, b)| a.computed_at != b.computed_at));

    let days_later = demo_risks(at + Duration::days(3));
    let changed = first.iter().zip(&days_later).filter(|(a, b)| a.fingerprint() != b.fingerprint()).count();
    assert!(changed * 2 > first.len(), "three days of decay change most accounts: {changed} of {}", first.len());

    // Any change of a stated figure is a change.
    let mut changed = first[0].clone();
    changed.score = changed.score.saturating_add(1) % 100;
    assert_ne!(changed.fingerprint(), first[0].fingerprint());
}
