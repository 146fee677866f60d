//! The firm's settings: a change is validated, versioned and audited, and the recompute it
//! starts runs in batches with its progress in the database, so that a server that stopped
//! halfway is resumed after its last batch and a newer change starts it again.

use chrono::{DateTime, Duration, Utc};
use continuity_domain::continuity::{FlagCode, KindWeights, Settings};
use continuity_domain::rules::RuleError;
use continuity_domain::{Access, AccountStatus, AssignmentRole, Influence, InteractionKind, OnBehalfOf, Role, Tier};
use continuity_store::accounts::AccountFields;
use continuity_store::assignments::Placement;
use continuity_store::audit::{self, AuditFilter};
use continuity_store::contacts::ContactFields;
use continuity_store::figures;
use continuity_store::interactions::NewInteraction;
use continuity_store::settings::{self, RecomputeOptions, RecomputeRun, RecomputeState, RECOMPUTE_LEASE};
use continuity_store::users::NewUser;
use continuity_store::{on_both_stores, AnyConnection, StoreError};

/// One account per age: each owned by the same manager, with one client contact, and one
/// meeting with that contact `age` days before `now`. Answers the accounts in id order.
fn accounts_last_met(conn: &mut AnyConnection, ages: &[i64], now: DateTime<Utc>) -> Vec<i64> {
    let team = continuity_store::teams::create(conn, "Advisory", None, now).expect("team");
    let new = NewUser {
        email: "rm@firm.example",
        display_name: "Manager",
        role: Role::Member,
        team_id: Some(team.id),
        password_hash: "not-a-real-hash",
        locale: None,
    };
    let manager = continuity_store::users::create(conn, &new, None, now).expect("user").id;
    ages.iter()
        .enumerate()
        .map(|(index, age)| {
            let fields = AccountFields {
                external_id: None,
                name: format!("Client {index}"),
                tier: Tier::B,
                region: "Utrecht".into(),
                team_id: team.id,
                annual_value_minor: 1_000_000,
                currency: "EUR".into(),
                status: AccountStatus::Active,
            };
            let account = continuity_store::accounts::create(conn, &fields, None, now).expect("account").id;
            let placement = Placement {
                account_id: account,
                user_id: manager,
                role: AssignmentRole::Owner,
                access: Access::Edit,
                expected_version: None,
            };
            continuity_store::assignments::put(conn, placement, None, now).expect("owner");
            let contact = ContactFields {
                external_id: None,
                name: format!("Contact {index}"),
                job_title: "CFO".into(),
                email: None,
                phone: None,
                influence: Influence::DecisionMaker,
                left_at: None,
            };
            let contact = continuity_store::contacts::create(conn, account, &contact, None, now).expect("contact").id;
            let meeting = NewInteraction {
                external_id: None,
                kind: InteractionKind::Meeting,
                occurred_at: now - Duration::days(*age),
                summary: "review".into(),
                on_behalf_of: OnBehalfOf::Person,
                complaint_status: None,
                resolution: None,
                follow_up_owner_id: None,
                follow_up_due: None,
                employee_ids: vec![manager],
                contact_ids: vec![contact],
                event_id: None,
            };
            continuity_store::interactions::create(conn, account, &meeting, None, now).expect("meeting");
            account
        })
        .collect()
}

/// Whether each account's stored figures carry `stale`.
fn stale_flags(conn: &mut AnyConnection, accounts: &[i64]) -> Vec<bool> {
    accounts
        .iter()
        .map(|id| {
            let risk = figures::get(conn, *id).expect("figures").expect("stored");
            risk.flags.iter().any(|flag| flag.code() == FlagCode::Stale)
        })
        .collect()
}

fn stale_after(days: i64) -> Settings {
    Settings { stale_after_days: days, ..Settings::default() }
}

/// Runs the waiting recompute as `worker` at `at`, one account per batch, stopping after
/// `batches` batches if given.
fn recompute_as(conn: &mut AnyConnection, worker: &str, at: DateTime<Utc>, batches: Option<usize>) -> RecomputeRun {
    let reported = std::cell::Cell::new(0_usize);
    let clock = move || at;
    let should_stop = || {
        reported.set(reported.get() + 1);
        batches.is_some_and(|limit| reported.get() >= limit)
    };
    let options = RecomputeOptions { worker, batch_accounts: 1, clock: &clock, should_stop: &should_stop };
    settings::run_recompute(conn, &options).expect("recompute")
}

/// The accounts of `ages` after `stale_after_days` was set to 30 and `server-a` stopped its
/// recompute after the first account.
fn paused_after_the_first_account(conn: &mut AnyConnection, ages: &[i64], now: DateTime<Utc>) -> Vec<i64> {
    let accounts = accounts_last_met(conn, ages, now);
    settings::update(conn, 1, &stale_after(30), None, now).expect("change");
    assert_eq!(recompute_as(conn, "server-a", now, Some(1)), RecomputeRun::Paused);
    accounts
}

on_both_stores!(fn a_change_is_validated_versioned_and_audited(store) {
    let mut conn = store.conn().expect("conn");
    let now = Utc::now();
    let accounts = accounts_last_met(&mut conn, &[10, 40], now);
    let first = settings::get(&mut conn).expect("settings");
    assert_eq!((first.version, &first.values, first.recompute.state), (1, &Settings::default(), RecomputeState::Idle));

    let refused = settings::update(&mut conn, 1, &stale_after(0), None, now).expect_err("0 days is out of range");
    assert!(
        matches!(refused, StoreError::Rule(RuleError::Invalid { field: Some("stale_after_days"), .. })),
        "{refused:?}"
    );
    let note = Settings { kind_weights: KindWeights { note: -1.0, ..KindWeights::default() }, ..Settings::default() };
    let refused = settings::update(&mut conn, 1, &note, None, now).expect_err("a negative weight");
    assert!(matches!(refused, StoreError::Rule(RuleError::Invalid { field: Some("kind_weights.note"), .. })));
    assert!(matches!(settings::update(&mut conn, 7, &stale_after(30), None, now), Err(StoreError::StaleVersion)));
    assert_eq!(settings::update(&mut conn, 1, &Settings::default(), None, now).expect("no change"), first);
    assert_eq!(settings::get(&mut conn).expect("settings"), first, "nothing was written");

    let changed = settings::update(&mut conn, 1, &stale_after(30), None, now).expect("a valid change");
    assert_eq!((changed.version, changed.values.stale_after_days), (2, 30));
    assert_eq!(changed.recompute.state, RecomputeState::Running);
    assert_eq!((changed.recompute.done, changed.recompute.total), (0, 2));
    assert_eq!(changed.updated_at.map(|at| at.timestamp()), Some(now.timestamp()));
    let filter = AuditFilter { entity: Some("settings".into()), ..AuditFilter::default() };
    let entries = audit::list(&mut conn, &filter, None, 10).expect("audit");
    assert_eq!(entries.len(), 1, "one entry for the change, none for the refusals: {entries:?}");
    assert_eq!(entries[0].before, Some(serde_json::json!({"stale_after_days": 90})));
    assert_eq!(entries[0].after, Some(serde_json::json!({"stale_after_days": 30})));
    // The figures follow once the recompute has run, not in the change's transaction.
    assert_eq!(stale_flags(&mut conn, &accounts), vec![false, false]);
});

on_both_stores!(fn the_recompute_applies_a_change_to_every_account_reporting_each_batch(store) {
    let mut conn = store.conn().expect("conn");
    let now = Utc::now();
    let accounts = accounts_last_met(&mut conn, &[10, 40, 100], now);
    assert_eq!(recompute_as(&mut conn, "server-a", now, None), RecomputeRun::Nothing, "no change, nothing to do");
    assert_eq!(stale_flags(&mut conn, &accounts), vec![false, false, true]);

    settings::update(&mut conn, 1, &stale_after(30), None, now).expect("change");
    assert_eq!(recompute_as(&mut conn, "server-a", now, Some(1)), RecomputeRun::Paused);
    let halfway = settings::get(&mut conn).expect("settings").recompute;
    assert_eq!((halfway.state, halfway.done, halfway.total), (RecomputeState::Running, 1, 3));

    // The same server, started again, takes its own recompute back at once.
    let RecomputeRun::Finished(done) = recompute_as(&mut conn, "server-a", now, None) else { panic!("not finished") };
    assert_eq!(done.accounts, 2, "resumed after the first account");
    let finished = settings::get(&mut conn).expect("settings").recompute;
    assert_eq!((finished.state, finished.done, finished.total), (RecomputeState::Idle, 3, 3));
    assert!(finished.finished_at.is_some() && finished.started_at.is_some());
    assert_eq!(stale_flags(&mut conn, &accounts), vec![false, true, true], "only the account silent for 40 days turns");
    assert_eq!(recompute_as(&mut conn, "server-a", now, None), RecomputeRun::Nothing);
});

on_both_stores!(fn another_server_resumes_a_recompute_once_its_server_stopped_reporting(store) {
    let mut conn = store.conn().expect("conn");
    let now = Utc::now();
    let accounts = paused_after_the_first_account(&mut conn, &[10, 40, 100], now);
    let soon = now + Duration::seconds(5);
    assert_eq!(recompute_as(&mut conn, "server-b", soon, None), RecomputeRun::Nothing, "server-a's lease still runs");
    let later = now + RECOMPUTE_LEASE + Duration::seconds(1);
    let RecomputeRun::Finished(done) = recompute_as(&mut conn, "server-b", later, None) else { panic!("not taken over") };
    assert_eq!(done.accounts, 2, "resumed after server-a's last batch, not from the start");
    let finished = settings::get(&mut conn).expect("settings").recompute;
    assert_eq!((finished.state, finished.done, finished.total), (RecomputeState::Idle, 3, 3));
    assert_eq!(stale_flags(&mut conn, &accounts), vec![false, true, true]);
});

on_both_stores!(fn a_change_during_a_recompute_starts_it_again_with_the_newer_settings(store) {
    let mut conn = store.conn().expect("conn");
    let now = Utc::now();
    let accounts = paused_after_the_first_account(&mut conn, &[40, 10, 100], now);
    assert_eq!(stale_flags(&mut conn, &accounts), vec![true, false, true], "the first account was done");

    let second = settings::update(&mut conn, 2, &stale_after(200), None, now).expect("second change");
    assert_eq!((second.version, second.recompute.done, second.recompute.state), (3, 0, RecomputeState::Running));
    let RecomputeRun::Finished(done) = recompute_as(&mut conn, "server-a", now, None) else { panic!("not finished") };
    assert_eq!(done.accounts, 3, "every account again");
    assert_eq!(stale_flags(&mut conn, &accounts), vec![false, false, false]);
    assert_eq!(settings::get(&mut conn).expect("settings").recompute.state, RecomputeState::Idle);
});
