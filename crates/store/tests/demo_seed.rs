//! The demo firm loads into both stores and makes every flag of PRODUCT.md appear.

use chrono::Utc;
use continuity_domain::continuity::FlagCode;
use continuity_domain::demo::demo_firm;
use continuity_store::{figures, on_both_stores, seed};

on_both_stores!(fn the_demo_firm_raises_every_flag_once_stored(store) {
    let mut conn = store.conn().expect("conn");
    let now = Utc::now();
    let report = seed::load_demo(&mut conn, &demo_firm(now), "not-a-real-hash", now).expect("seed");
    assert_eq!(report.accounts, 2000);
    let risks = figures::portfolio(&mut conn, None).expect("figures");
    assert_eq!(risks.len(), 2000, "every account has stored figures");
    for code in FlagCode::ALL {
        let count = risks.iter().filter(|risk| risk.has_flag(*code)).count();
        assert!(count > 0, "no account raises {code}");
    }
    // The demo firm has client events with three or more accounts, one closed, whose
    // touchpoints give their accounts an institutional score and tie, and the network a tie
    // between accounts met there.
    let scope = continuity_store::scope::Scope::Firm;
    let events = continuity_store::events::list(&mut conn, &scope, &Default::default(), None, 50).expect("events");
    assert!(events.len() >= 5, "{} events", events.len());
    assert!(events.iter().any(|event| event.status == continuity_domain::EventStatus::Closed));
    let big = events.iter().find(|event| event.account_ids().len() >= 3).expect("an event with three accounts");
    let account_id = *big.account_ids().first().expect("an account");
    let figures = figures::get(&mut conn, account_id).expect("figures").expect("stored");
    assert!(figures.institutional_score > 0.0 && figures.institutional_tie);
    let met = continuity_store::events::met_at_events(&mut conn, account_id).expect("met");
    assert!(met.len() >= 2, "met at events: {met:?}");
    assert!(risks.iter().any(|risk| !risk.institutional_tie), "some accounts have no institutional tie");
    assert!(seed::load_demo(&mut conn, &demo_firm(now), "x", now).is_err(), "a second load is refused");
    assert_eq!(figures::portfolio(&mut conn, None).expect("figures").len(), 2000, "and writes nothing");
});

on_both_stores!(fn the_demo_firm_has_campaigns_one_warning_and_overdue_complaints_with_trails(store) {
    use continuity_domain::CampaignStatus;
    use continuity_store::{campaigns, complaints};

    let mut conn = store.conn().expect("conn");
    let now = Utc::now();
    seed::load_demo(&mut conn, &demo_firm(now), "not-a-real-hash", now).expect("seed");
    let all = campaigns::list(&mut conn, &campaigns::CampaignFilter::default(), None, 50).expect("campaigns");
    assert_eq!(all.len(), 4);
    let sent: Vec<&campaigns::Campaign> = all.iter().filter(|c| c.status == CampaignStatus::Sent).collect();
    assert_eq!(sent.len(), 2);
    assert!(sent.iter().all(|c| !campaigns::reached_accounts(&mut conn, c.id).expect("reached").is_empty()));
    assert!(sent.iter().any(|c| c.acknowledged_reason.is_some()), "a sent one acknowledged its warnings");
    let warns = all.iter().filter(|c| c.status == CampaignStatus::Draft).any(|c| {
        !campaigns::draft_report(&mut conn, c.draft.team_id, &c.draft.target).expect("report").0.warnings.is_empty()
    });
    assert!(warns, "a draft warns");
    let filter = complaints::ComplaintFilter {
        status: continuity_domain::ComplaintStatus::Open,
        team_id: None,
        account_id: None,
    };
    let open = complaints::list(&mut conn, &continuity_store::scope::Scope::Firm, &filter, None, 200).expect("complaints");
    let settings = continuity_store::figures::settings(&mut conn).expect("settings");
    let overdue_with_trail = open
        .iter()
        .filter(|c| continuity_domain::complaints::is_overdue(c.status, c.opened_at, now, &settings) && c.follow_ups > 0)
        .count();
    assert!(overdue_with_trail > 0, "an overdue complaint with follow-ups");
    let counts = complaints::counts(&mut conn, None, now).expect("counts");
    assert!(counts.open_complaints >= counts.overdue_complaints && counts.overdue_complaints > 0, "{counts:?}");
});
