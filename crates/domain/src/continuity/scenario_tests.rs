//! A small firm built by hand: six accounts of one team, each showing one situation of the
//! continuity model, checked figure by figure.
//!
//! Employees: Ana Silva (1), Ben Okafor (2), Carla Mendes (3), David Kim (4, leaving on
//! 2026-02-28), Eva Novak (5), Frank Li (6). "Now" is 2026-01-01 12:00 UTC. Interactions of
//! one account happen at the same moment, so decay cancels out of its shares.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::test_support::*;
use super::*;
use crate::language::Language;
use crate::model::{InteractionKind::*, Tier};

const ANA: UserId = 1;
const BEN: UserId = 2;
const CARLA: UserId = 3;
const DAVID: UserId = 4;
const EVA: UserId = 5;
const FRANK: UserId = 6;

fn employees() -> Employees {
    Employees::new(vec![
        employee(ANA, "Ana Silva"),
        employee(BEN, "Ben Okafor"),
        employee(CARLA, "Carla Mendes"),
        leaving(employee(DAVID, "David Kim"), date(2026, 2, 28)),
        employee(EVA, "Eva Novak"),
        employee(FRANK, "Frank Li"),
    ])
}

fn policies() -> CoveragePolicies {
    CoveragePolicies::new(vec![
        CoveragePolicy { tier: Tier::A, min_holders: 2, min_current_contacts: 3 },
        CoveragePolicy { tier: Tier::B, min_holders: 1, min_current_contacts: 2 },
    ])
}

/// 1: one manager, one contact.
fn solo() -> AccountFacts {
    account(1, "Solo Ltd", Tier::B, 1_000_000)
        .assigned(&[ANA])
        .with_contacts(vec![contact(11, "Carl Jung")])
        .with_interactions(vec![
            interaction(Meeting, 10, &[ANA], &[11]),
            interaction(Call, 40, &[ANA], &[11]),
            interaction(Email, 70, &[ANA], &[11]),
        ])
}

/// 2: two managers at 55/45 (Ana 11, Ben 9 units), two contacts at 45/55.
fn duo() -> AccountFacts {
    account(2, "Duo GmbH", Tier::B, 2_000_000)
        .assigned(&[ANA, BEN])
        .with_contacts(vec![contact(21, "Dora Weiss"), contact(22, "Emil Berg")])
        .with_interactions(vec![
            interaction(Meeting, 5, &[ANA], &[21]),
            interaction(Meeting, 5, &[ANA], &[22]),
            interaction(Meeting, 5, &[ANA], &[21]),
            interaction(Call, 5, &[ANA], &[22]),
            interaction(Meeting, 5, &[BEN], &[21]),
            interaction(Meeting, 5, &[BEN], &[22]),
            interaction(Meeting, 5, &[BEN], &[22]),
        ])
}

/// 3: Carla 16 units, Ben 4 (80/20); contacts 12/8 (60/40).
fn eighty_twenty() -> AccountFacts {
    account(3, "Eighty Twenty AG", Tier::B, 3_000_000)
        .assigned(&[CARLA, BEN])
        .with_contacts(vec![contact(31, "Felix Roth"), contact(32, "Greta Lind")])
        .with_interactions(vec![
            interaction(Meeting, 20, &[CARLA], &[31]),
            interaction(Meeting, 20, &[CARLA], &[31]),
            interaction(Meeting, 20, &[CARLA], &[31]),
            interaction(Meeting, 20, &[CARLA], &[31]),
            interaction(Call, 20, &[CARLA], &[32]),
            interaction(Call, 20, &[CARLA], &[32]),
            interaction(Meeting, 20, &[BEN], &[32]),
            interaction(Email, 20, &[BEN], &[32]),
        ])
}

/// 4: held by David, who is leaving.
fn leaving_holder() -> AccountFacts {
    account(4, "Leaving Co", Tier::B, 4_000_000)
        .assigned(&[DAVID])
        .with_contacts(vec![contact(41, "Hana Sato"), contact(42, "Ivan Petrov")])
        .with_interactions(vec![
            interaction(Meeting, 15, &[DAVID], &[41]),
            interaction(Meeting, 15, &[DAVID], &[42]),
            interaction(Call, 15, &[DAVID], &[41]),
        ])
}

/// 5: an open complaint 200 days ago and nothing since.
fn complaint() -> AccountFacts {
    account(5, "Complaint Corp", Tier::B, 500_000)
        .assigned(&[EVA, FRANK])
        .with_contacts(vec![contact(51, "Jana Horak"), contact(52, "Karl Nagel")])
        .with_interactions(vec![open_complaint(200, &[EVA], &[51])])
}

/// 6: three managers, three contacts, a client day in the firm's name.
fn healthy() -> AccountFacts {
    account(6, "Healthy Inc", Tier::A, 5_000_000)
        .assigned(&[ANA, EVA, FRANK])
        .with_contacts(vec![contact(61, "Lea Brandt"), contact(62, "Max Ortiz"), contact(63, "Nina Vogel")])
        .with_interactions(vec![
            interaction(Meeting, 3, &[ANA], &[61]),
            interaction(Meeting, 3, &[EVA], &[62]),
            interaction(Meeting, 3, &[FRANK], &[63]),
            on_behalf_of_organisation(interaction(Event, 3, &[], &[61, 62, 63])),
        ])
}

fn firm() -> Vec<AccountFacts> {
    vec![solo(), duo(), eighty_twenty(), leaving_holder(), complaint(), healthy()]
}

fn assess_one(account: &AccountFacts) -> AccountRisk {
    assess(account, &employees(), &policies(), &Settings::default(), now())
}

fn risks() -> Vec<AccountRisk> {
    firm().iter().map(assess_one).collect()
}

fn codes(risk: &AccountRisk) -> Vec<&'static str> {
    risk.flags.iter().map(|flag| flag.code().as_str()).collect()
}

fn explanation_in(risk: &AccountRisk, code: FlagCode, language: Language) -> String {
    risk.flags.iter().find(|flag| flag.code() == code).map_or_else(String::new, |flag| flag.explanation(language))
}

fn explanation(risk: &AccountRisk, code: FlagCode) -> String {
    explanation_in(risk, code, Language::English)
}

/// Asserts ids and shares, each share to within 0.005.
#[track_caller]
fn assert_shares(actual: Vec<(i64, f64)>, expected: &[(i64, f64)]) {
    let ids: Vec<i64> = actual.iter().map(|(id, _)| *id).collect();
    let expected_ids: Vec<i64> = expected.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, expected_ids, "{actual:?}");
    for ((_, share), (_, expected_share)) in actual.iter().zip(expected) {
        assert!((share - expected_share).abs() <= 0.005, "{actual:?} vs {expected:?}");
    }
}

fn holders(risk: &AccountRisk) -> Vec<(UserId, f64)> {
    risk.holders.iter().map(|holder| (holder.user_id, holder.share)).collect()
}

fn contact_shares(risk: &AccountRisk) -> Vec<(ContactId, f64)> {
    risk.contacts.iter().map(|contact| (contact.contact_id, contact.share)).collect()
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

#[test]
fn account_held_by_one_manager_with_one_contact_raises_every_single_person_flag() {
    let risk = assess_one(&solo());
    assert_eq!(codes(&risk), ["single_owner", "key_person", "single_contact", "single_threaded", "policy_breach"]);
    assert_eq!(explanation(&risk, FlagCode::SingleOwner), "Ana Silva is the only active employee assigned");
    assert_eq!(explanation(&risk, FlagCode::KeyPerson), "Ana Silva holds 100 % of the relationship strength");
    assert_eq!(explanation(&risk, FlagCode::SingleContact), "Only one current client contact on file: Carl Jung");
    assert_eq!(
        explanation(&risk, FlagCode::SingleThreaded),
        "The relationship runs through one thread: Ana Silva with Carl Jung carries 100 % of the strength"
    );
    assert_eq!(
        explanation(&risk, FlagCode::PolicyBreach),
        "Tier B policy needs ≥ 1 holder and ≥ 2 current contacts; the account has 1 holder and 1 current contact"
    );
    assert_shares(holders(&risk), &[(ANA, 1.0)]);
    assert_shares(contact_shares(&risk), &[(11, 1.0)]);
    assert_eq!((risk.bus_factor, risk.cr1, risk.hhi, risk.n_eff), (1, 1.0, 1.0, 1.0));
    assert_eq!(risk.score, 67);
    assert_eq!(risk.exposure_minor, 670_000);
    assert_eq!(risk.last_interaction_at, Some(now() - chrono::Duration::days(10)));
}

#[test]
fn the_same_figures_read_in_dutch_name_the_same_people_and_numbers() {
    let risk = assess_one(&solo());
    let dutch = |code| explanation_in(&risk, code, Language::Dutch);
    assert_eq!(dutch(FlagCode::SingleOwner), "Ana Silva is de enige actieve medewerker in het accountteam");
    assert_eq!(dutch(FlagCode::KeyPerson), "Ana Silva is sleutelpersoon met 100% van de relatiesterkte");
    assert_eq!(dutch(FlagCode::SingleContact), "Er is maar één actuele contactpersoon bij de klant bekend: Carl Jung");
    assert_eq!(
        dutch(FlagCode::SingleThreaded),
        "De relatie hangt aan één draad: 100% van de relatiesterkte loopt via Ana Silva en Carl Jung"
    );
    assert_eq!(
        dutch(FlagCode::PolicyBreach),
        "Het dekkingsbeleid voor B-klanten vraagt om minstens 1 medewerker die de relatie draagt en 2 actuele \
         contactpersonen; deze klant heeft 1 medewerker die de relatie draagt en 1 actuele contactpersoon"
    );
    let leaving = assess_one(&leaving_holder());
    assert_eq!(
        explanation_in(&leaving, FlagCode::DepartingHolder, Language::Dutch),
        "David Kim (vertrekt per 28 februari 2026) heeft 100% van de relatiesterkte"
    );
    let complained = assess_one(&complaint());
    assert_eq!(
        explanation_in(&complained, FlagCode::Stale, Language::Dutch),
        "Al 200 dagen geen gesprek met een contactpersoon van de klant (het laatste op 15 juni 2025)"
    );
    assert_eq!(
        explanation_in(&complained, FlagCode::OpenComplaint, Language::Dutch),
        "Er staat sinds 15 juni 2025 een klacht open"
    );
}

#[test]
fn account_shared_55_45_has_two_holders_and_no_key_person_flag() {
    let risk = assess_one(&duo());
    assert!(risk.flags.is_empty(), "{:?}", risk.flags);
    assert_shares(holders(&risk), &[(ANA, 0.55), (BEN, 0.45)]);
    assert_shares(contact_shares(&risk), &[(22, 0.55), (21, 0.45)]);
    assert_eq!(risk.bus_factor, 2);
    assert_eq!(round2(risk.cr1), 0.55);
    assert_eq!(round2(risk.hhi), 0.51);
    assert_eq!(round2(risk.n_eff), 1.98);
    let threads: Vec<(UserId, ContactId, f64)> =
        risk.threads.iter().map(|thread| (thread.user_id, thread.contact_id, round2(thread.share))).collect();
    assert_eq!(threads, [(ANA, 21, 0.3), (BEN, 22, 0.3), (ANA, 22, 0.25), (BEN, 21, 0.15)]);
    assert_eq!(risk.score, 10);
    assert_eq!(risk.exposure_minor, 200_000);
}

#[test]
fn account_at_80_20_names_its_key_person_and_keeps_two_holders() {
    let risk = assess_one(&eighty_twenty());
    assert_eq!(codes(&risk), ["key_person"]);
    assert_eq!(explanation(&risk, FlagCode::KeyPerson), "Carla Mendes holds 80 % of the relationship strength");
    assert_shares(holders(&risk), &[(CARLA, 0.8), (BEN, 0.2)]);
    assert_shares(contact_shares(&risk), &[(31, 0.6), (32, 0.4)]);
    assert_eq!(risk.bus_factor, 2);
    assert_eq!(risk.score, 34);
    assert_eq!(risk.exposure_minor, 1_020_000);
}

#[test]
fn account_held_by_a_leaving_manager_raises_departing_holder_with_the_leave_date() {
    let risk = assess_one(&leaving_holder());
    assert_eq!(codes(&risk), ["single_owner", "key_person", "departing_holder"]);
    assert_eq!(
        explanation(&risk, FlagCode::DepartingHolder),
        "David Kim (leaving, leave date 2026-02-28) holds 100 % of the relationship strength"
    );
    assert_shares(holders(&risk), &[(DAVID, 1.0)]);
    assert_shares(contact_shares(&risk), &[(41, 0.625), (42, 0.375)]);
    assert_eq!(risk.score, 68);
    assert_eq!(risk.exposure_minor, 2_720_000);
}

#[test]
fn account_with_an_open_complaint_and_200_days_of_silence_is_stale_and_complained() {
    let risk = assess_one(&complaint());
    assert_eq!(codes(&risk), ["key_person", "single_contact", "single_threaded", "stale", "open_complaint"]);
    assert_eq!(
        explanation(&risk, FlagCode::Stale),
        "No conversation with a client contact for 200 days (last on 2025-06-15)"
    );
    assert_eq!(explanation(&risk, FlagCode::OpenComplaint), "1 complaint open since 2025-06-15");
    assert_eq!(
        explanation(&risk, FlagCode::SingleContact),
        "Jana Horak holds 100 % of the client-side relationship strength"
    );
    // Frank is assigned but has no interaction, so he is no holder.
    assert_shares(holders(&risk), &[(EVA, 1.0)]);
    assert_eq!(risk.score, 72);
    assert_eq!(risk.exposure_minor, 360_000);
}

#[test]
fn healthy_account_raises_no_flag_and_counts_its_client_day_as_institutional() {
    let risk = assess_one(&healthy());
    assert!(risk.flags.is_empty(), "{:?}", risk.flags);
    assert_shares(holders(&risk), &[(ANA, 0.333), (EVA, 0.333), (FRANK, 0.333)]);
    assert_eq!(risk.bus_factor, 3);
    assert_eq!(round2(risk.n_eff), 3.0);
    assert_eq!(round2(risk.institutional_score), 1.95);
    assert_eq!(risk.score, 7);
    assert_eq!(risk.exposure_minor, 350_000);
}

#[test]
fn a_client_day_in_the_firms_name_damps_the_single_person_flags_of_solo() {
    let mut tied = solo();
    tied.interactions.push(on_behalf_of_organisation(interaction(Event, 3, &[], &[11])));
    let risk = assess_one(&tied);
    assert_eq!(
        codes(&risk),
        codes(&assess_one(&solo())),
        "the same flags: a client day shares no strength out among our people"
    );
    // I = 2 · 2^(−3/90) = 1.95, so d = ⅓ · 1.95 / 3.95 = 0.165: the single_owner,
    // key_person and single_threaded weights keep 83.5 % of themselves; single_contact and
    // policy_breach keep all. 67 undamped, 63 damped.
    assert_eq!(round2(risk.institutional_score), 1.95);
    assert_eq!(risk.score, 63);
    assert_eq!(risk.exposure_minor, 630_000);
    assert_eq!(risk.last_contact_at, Some(now() - chrono::Duration::days(3)), "Carl Jung came to the client day");
}

#[test]
fn the_risk_json_carries_the_field_names_the_api_promises() {
    let risk = assess_one(&solo());
    let json = serde_json::to_value(&risk).unwrap_or_default();
    for field in [
        "score",
        "flags",
        "holders",
        "contacts",
        "n_eff",
        "bus_factor",
        "last_interaction_at",
        "last_contact_at",
        "cr1",
        "hhi",
        "exposure_minor",
        "institutional_score",
        "threads",
    ] {
        assert!(json.get(field).is_some(), "missing {field}");
    }
    assert_eq!(json["flags"][0]["code"], "single_owner");
    assert_eq!(json["holders"][0]["user_id"], "1");
    assert_eq!(json["contacts"][0]["contact_id"], "11");
    let back: AccountRisk = serde_json::from_value(json).unwrap_or_else(|_| assess_one(&duo()));
    assert_eq!(back, risk);
}

#[test]
fn departure_of_ana_and_david_orphans_two_accounts_and_flags_three_more() {
    let report = departure_what_if(&[DAVID, ANA], &firm(), &employees(), &policies(), &Settings::default(), now());
    assert_eq!(report.no_owner_account_ids, [1, 4]);
    let newly: Vec<(AccountId, Vec<&str>)> = report
        .newly_flagged
        .iter()
        .map(|flagged| (flagged.account_id, flagged.codes.iter().map(|code| code.as_str()).collect()))
        .collect();
    assert_eq!(
        newly,
        [
            (1, vec!["no_owner", "departing_holder"]),
            (2, vec!["single_owner", "departing_holder"]),
            (4, vec!["no_owner", "policy_breach"]),
        ]
    );
    assert_eq!(report.orphaned_account_ids, [1, 4]);
    assert_eq!(report.orphaned_value_minor, 5_000_000);
    assert_eq!(report.majority_held_value_minor, 7_000_000);
}

#[test]
fn firm_truck_factor_counts_the_leaving_manager_as_gone_and_then_takes_three_more() {
    let holdings: Vec<AccountHolders> = risks().iter().filter_map(AccountHolders::from_risk).collect();
    let leaving = leaving_holders(&holdings, &employees());
    assert_eq!(leaving, [DAVID]);
    let result = truck_factor(&holdings, &leaving, &Settings::default());
    assert_eq!(result.already_leaving_user_ids, [DAVID]);
    assert_eq!(result.already_leaving_value_minor, 4_000_000, "Leaving Co rests on David alone");
    assert_eq!(result.order, [ANA, BEN, CARLA]);
    assert_eq!(result.size, 3);
    assert_eq!(result.total_value_minor, 15_500_000);
    assert_eq!(result.orphaned_value_minor, 10_000_000);
}

/// The firm's staff with Ben leaving on the same day as David.
fn employees_with_ben_leaving() -> Employees {
    let mut staff: Vec<EmployeeFacts> = employees().iter().cloned().collect();
    for employee in staff.iter_mut().filter(|e| e.id == BEN) {
        *employee = leaving(employee.clone(), date(2026, 2, 28));
    }
    Employees::new(staff)
}

#[test]
fn with_her_only_co_holder_leaving_too_ana_alone_covers_duo_and_hr_sees_who_else_goes() {
    let staff = employees_with_ben_leaving();
    let risks: Vec<AccountRisk> =
        firm().iter().map(|a| assess(a, &staff, &policies(), &Settings::default(), now())).collect();
    let ana = employee(ANA, "Ana Silva");
    let figures = employee_exposure(&ana, &risks, &staff);
    assert_eq!(figures.orphaned_value_minor, 1_000_000 + 2_000_000, "Solo and Duo");
    let duo = figures.accounts.iter().find(|a| a.account_id == 2).expect("Duo");
    assert!(duo.sole_holder);
    let others: Vec<(UserId, &str, Option<NaiveDate>)> =
        duo.other_holders_leaving.iter().map(|h| (h.user_id, h.display_name.as_str(), h.leave_date)).collect();
    assert_eq!(others, [(BEN, "Ben Okafor", Some(date(2026, 2, 28)))]);
    let solo = figures.accounts.iter().find(|a| a.account_id == 1).expect("Solo");
    assert!(solo.sole_holder && solo.other_holders_leaving.is_empty(), "nobody else holds Solo");
    let healthy = figures.accounts.iter().find(|a| a.account_id == 6).expect("Healthy");
    assert!(!healthy.sole_holder && healthy.other_holders_leaving.is_empty(), "Eva and Frank stay");

    // Ben's own figures say the same of Duo and of Eighty Twenty, which Carla covers.
    let ben = staff.employee(BEN).cloned().expect("Ben");
    let bens = employee_exposure(&ben, &risks, &staff);
    let sole: Vec<(AccountId, bool)> = bens.accounts.iter().map(|a| (a.account_id, a.sole_holder)).collect();
    assert_eq!(sole, [(2, false), (3, false)], "Ana stays, so Duo is covered for Ben's sake");

    // The what-if of Ana leaving now orphans Duo, although Ben still holds it.
    let report = departure_what_if(&[ANA], &firm(), &staff, &policies(), &Settings::default(), now());
    assert_eq!(report.orphaned_account_ids, [1, 2]);
    assert_eq!(report.orphaned_value_minor, 3_000_000);
    assert!(!report.no_owner_account_ids.contains(&2), "Ben is still its owner until he goes");
}

#[test]
fn ana_alone_would_orphan_solo_and_is_the_only_one_who_knows_two_contacts() {
    let risks = risks();
    let ana = employee(ANA, "Ana Silva");
    let ana = EmployeeFacts { non_solicitation_until: Some(date(2027, 1, 1)), ..ana };
    let figures = employee_exposure(&ana, &risks, &employees());
    assert_eq!(figures.orphaned_value_minor, 1_000_000);
    // 1 000 000 × 1 + 2 000 000 × 0.55 + 5 000 000 × ⅓
    assert_eq!(figures.share_weighted_exposure_minor, 3_766_667);
    let only: Vec<(AccountId, ContactId)> =
        figures.contacts_only_they_know.iter().map(|c| (c.account_id, c.contact_id)).collect();
    assert_eq!(only, [(1, 11), (6, 61)]);
    let accounts: Vec<(AccountId, f64, bool)> =
        figures.accounts.iter().map(|a| (a.account_id, round2(a.share), a.sole_holder)).collect();
    assert_eq!(accounts, [(6, 0.33, false), (2, 0.55, false), (1, 1.0, true)]);
    assert_eq!(figures.non_solicitation_until, Some(date(2027, 1, 1)));
    assert_eq!(figures.non_compete_until, None);
}

#[test]
fn ana_and_david_leaving_together_would_orphan_solo_and_leaving_co() {
    let risks = risks();
    let staff = employees();
    let group: Vec<&EmployeeFacts> = staff.iter().filter(|e| e.id == ANA || e.id == DAVID).collect();
    let figures = group_exposure(group, &risks, &staff);
    assert_eq!(figures.user_ids, [ANA, DAVID]);
    assert_eq!(figures.orphaned_value_minor, 5_000_000);
    assert_eq!(figures.clauses.len(), 2);
}

#[test]
fn successors_for_davids_account_are_ranked_by_lightest_load_when_nobody_knows_the_contacts() {
    let risks = risks();
    let holdings: Vec<AccountHolders> = risks.iter().filter_map(AccountHolders::from_risk).collect();
    let load = value_held_by_employee(&holdings);
    let mut staff: Vec<EmployeeFacts> = employees().iter().cloned().collect();
    staff.push(EmployeeFacts { team_id: Some(99), ..employee(7, "Olga Other-Team") });
    let ranked = suggest_successors(&risks[3], &[DAVID], &staff, &load);
    let order: Vec<UserId> = ranked.iter().map(|s| s.user_id).collect();
    // Carla 3 M, Ben 5 M, Frank 5 M (higher id), Eva 5.5 M, Ana 8 M; David leaves, Olga is
    // in another team.
    assert_eq!(order, [CARLA, BEN, FRANK, EVA, ANA]);
}

#[test]
fn successor_who_already_knows_the_contacts_comes_first() {
    let risks = risks();
    let load: HashMap<UserId, i64> = HashMap::new();
    let staff: Vec<EmployeeFacts> = employees().iter().cloned().collect();
    let ranked = suggest_successors(&risks[1], &[ANA], &staff, &load);
    assert_eq!(ranked.first().map(|s| (s.user_id, s.assigned)), Some((BEN, true)));
    assert!(ranked.iter().all(|s| s.user_id != ANA && s.user_id != DAVID));
}
