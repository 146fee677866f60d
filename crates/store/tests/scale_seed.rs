//! A scale firm loads into both stores, its stored figures are those the domain computes from
//! the generated firm, and the store keeps working after it (ids assigned by the loader).

use chrono::Utc;
use continuity_domain::continuity::assess;
use continuity_domain::demo::ScaleFirm;
use continuity_store::{figures, on_both_stores, seed, teams, users};

on_both_stores!(fn a_scale_firm_loads_and_scores_as_the_domain_does(store) {
    let mut conn = store.conn().expect("conn");
    let now = Utc::now();
    let mut reports = Vec::new();
    let report = seed::load_scale(&mut conn, 300, 7, "not-a-real-hash", now, &mut |progress| reports.push(progress))
        .expect("scale load");
    assert_eq!(report.accounts, 300);
    assert_eq!(reports.last().map(|progress| progress.accounts_loaded), Some(300));

    let firm = ScaleFirm::new(300, 7, now);
    assert_eq!(report.users as u64, firm.user_count());
    let employees = firm.employees();
    let policies = firm.coverage_policies();
    let settings = figures::settings(&mut conn).expect("settings");
    let stored = figures::portfolio(&mut conn, None).expect("figures");
    assert_eq!(stored.len(), 300);
    let mut interactions = 0;
    for (scale_account, figures) in firm.accounts().zip(&stored) {
        interactions += scale_account.interactions.len();
        let expected = assess(&firm.account_facts(&scale_account), &employees, &policies, &settings, now);
        assert_eq!(figures.account_id, expected.account_id);
        assert_eq!(figures.score, expected.score, "account {}", figures.account_id);
        let codes = |risk: &continuity_domain::continuity::AccountRisk| {
            risk.flags.iter().map(|flag| flag.code()).collect::<Vec<_>>()
        };
        assert_eq!(codes(figures), codes(&expected), "account {}", figures.account_id);
        assert_eq!(figures.holders.len(), expected.holders.len());
    }
    assert_eq!(report.interactions, interactions);

    assert!(seed::load_scale(&mut conn, 10, 7, "x", now, &mut |_| {}).is_err(), "a second load is refused");
    // Ids drawn after the load do not collide with the ones the loader chose.
    teams::create(&mut conn, "A team made later", None, now).expect("a new team");
    let new = users::NewUser {
        email: "later@example.com",
        display_name: "Later",
        role: continuity_domain::Role::Member,
        team_id: None,
        password_hash: "x",
        locale: None,
    };
    users::create(&mut conn, &new, None, now).expect("a new user");
});
