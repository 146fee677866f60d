//! The streaming full recompute stores exactly what the per-account recompute stores, and the
//! batched facts of the what-if are those of each account read on its own.

use chrono::{NaiveDateTime, Utc};
use continuity_domain::demo::demo_firm;
use continuity_store::schema::account_risk;
use continuity_store::{on_both_stores, risk, seed, AnyConnection};
use diesel::prelude::*;

type StoredRow = (i64, i64, i32, i64, String, String, Option<NaiveDateTime>, NaiveDateTime);

fn stored_rows(conn: &mut AnyConnection) -> Vec<StoredRow> {
    account_risk::table
        .select((
            account_risk::account_id,
            account_risk::team_id,
            account_risk::score,
            account_risk::exposure_minor,
            account_risk::flags,
            account_risk::detail_json,
            account_risk::last_interaction_at,
            account_risk::computed_at,
        ))
        .order(account_risk::account_id)
        .load(conn)
        .expect("stored figures")
}

on_both_stores!(fn the_full_recompute_stores_what_each_account_recompute_stores(store) {
    let mut conn = store.conn().expect("conn");
    let seeded_at = Utc::now();
    seed::load_demo(&mut conn, &demo_firm(seeded_at), "not-a-real-hash", seeded_at).expect("seed");
    // Later than the seed, so every figure is rewritten and the window has moved.
    let now = seeded_at + chrono::Duration::days(40);
    let ids: Vec<i64> = {
        use continuity_store::schema::accounts;
        accounts::table.select(accounts::id).order(accounts::id).load(&mut *conn).expect("ids")
    };
    for account_id in &ids {
        risk::recompute(&mut conn, *account_id, now).expect("recompute one");
    }
    let one_by_one = risk::portfolio(&mut conn, None).expect("figures");
    let rows_one_by_one = stored_rows(&mut conn);
    assert_eq!(one_by_one.len(), ids.len());

    let count = risk::recompute_all(&mut conn, now).expect("recompute all");
    assert_eq!(count, ids.len());
    let all_at_once = risk::portfolio(&mut conn, None).expect("figures");
    assert_eq!(all_at_once, one_by_one);
    assert_eq!(stored_rows(&mut conn), rows_one_by_one);
    assert!(all_at_once.iter().any(|figures| figures.flags.iter().any(|flag| flag.code.as_str() == "stale")));
});

on_both_stores!(fn batched_facts_match_the_facts_of_each_account(store) {
    let mut conn = store.conn().expect("conn");
    let now = Utc::now();
    seed::load_demo(&mut conn, &demo_firm(now), "not-a-real-hash", now).expect("seed");
    let ids: Vec<i64> = {
        use continuity_store::schema::accounts;
        accounts::table.select(accounts::id).order(accounts::id).load(&mut *conn).expect("ids")
    };
    let wanted: Vec<i64> = ids.iter().copied().step_by(7).chain([i64::MAX]).collect();
    let batched = risk::facts_of(&mut conn, &wanted, now).expect("batched facts");
    let settings = risk::settings();
    let single: Vec<_> = wanted
        .iter()
        .filter_map(|id| risk::account_facts(&mut conn, *id, &settings, now).expect("facts"))
        .map(|(facts, _)| facts)
        .collect();
    assert_eq!(batched.len(), wanted.len() - 1, "the unknown id is skipped");
    assert_eq!(batched, single);
});
