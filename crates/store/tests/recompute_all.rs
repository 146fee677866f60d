//! The streaming full recompute stores exactly what recomputing each account on its own (as a
//! write does when it commits) stores — figures, team totals and each employee's HR figures —
//! and a batch of facts is the facts of each account read on its own.

use chrono::{NaiveDateTime, Utc};
use continuity_domain::demo::demo_firm;
use continuity_store::figures::{self, recompute::recompute_accounts, totals};
use continuity_store::schema::{account_risk, people_totals, risk_totals as risk_totals_table};
use continuity_store::{on_both_stores, seed, AnyConnection};
use diesel::prelude::*;

type StoredRow =
    (i64, i64, i32, i64, String, String, Option<NaiveDateTime>, NaiveDateTime, (i64, bool, String, i64), String);

/// Drops every stored figure and the totals made of them.
fn clear_figures(conn: &mut AnyConnection) {
    diesel::delete(account_risk::table).execute(conn).expect("clear figures");
    diesel::delete(risk_totals_table::table).execute(conn).expect("clear totals");
    diesel::delete(people_totals::table).execute(conn).expect("clear people totals");
}

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
            (
                account_risk::annual_value_minor,
                account_risk::active,
                account_risk::holder_ids,
                account_risk::fingerprint,
            ),
            account_risk::people_parts,
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
    // From no stored figures, so that every row is written at `now` by both ways.
    clear_figures(&mut conn);
    for account_id in &ids {
        recompute_accounts(&mut conn, &[*account_id], now).expect("recompute one");
    }
    let one_by_one = figures::portfolio(&mut conn, None).expect("figures");
    let rows_one_by_one = stored_rows(&mut conn);
    let totals_one_by_one = totals::totals_by_team(&mut conn).expect("totals");
    assert_eq!(one_by_one.len(), ids.len());
    assert_eq!(totals_one_by_one, totals::recount(&mut conn).expect("recount"), "totals kept per write");
    assert!(totals_one_by_one.len() > 1, "the demo firm has several teams");
    let people_one_by_one = figures::people::stored_totals(&mut conn).expect("people totals");
    assert_eq!(people_one_by_one, figures::people::recount(&mut conn).expect("people recount"));
    assert!(people_one_by_one.values().any(|person| person.sole_held_accounts > 0), "someone holds accounts alone");

    // Nothing changed since: the full recompute rewrites nothing.
    let again = figures::recompute_all(&mut conn, now).expect("recompute all");
    assert_eq!((again.accounts, again.written), (ids.len(), 0));
    assert_eq!(stored_rows(&mut conn), rows_one_by_one);

    // From nothing, the full recompute writes what the per-account recompute wrote.
    clear_figures(&mut conn);
    let fresh = figures::recompute_all(&mut conn, now).expect("recompute all");
    assert_eq!((fresh.accounts, fresh.written), (ids.len(), ids.len()));
    let all_at_once = figures::portfolio(&mut conn, None).expect("figures");
    assert_eq!(all_at_once, one_by_one);
    assert_eq!(stored_rows(&mut conn), rows_one_by_one);
    assert_eq!(totals::totals_by_team(&mut conn).expect("totals"), totals_one_by_one);
    assert_eq!(figures::people::stored_totals(&mut conn).expect("people totals"), people_one_by_one);
    assert!(all_at_once.iter().any(|figures| figures.flags.iter().any(|flag| flag.code().as_str() == "stale")));

    // A month on, accounts go stale and strengths decay: rows change, totals follow.
    let later = figures::recompute_all(&mut conn, now + chrono::Duration::days(30)).expect("recompute later");
    assert!(later.written > ids.len() / 2, "decay and staleness change most accounts: {later:?}");
    let totals_later = totals::totals_by_team(&mut conn).expect("totals");
    assert_eq!(totals_later, totals::recount(&mut conn).expect("recount"));
    assert_ne!(totals_later, totals_one_by_one);
    assert_eq!(
        figures::people::stored_totals(&mut conn).expect("people totals"),
        figures::people::recount(&mut conn).expect("people recount")
    );
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
    let settings = figures::settings(&mut conn).expect("settings");
    let batched = figures::facts_of(&mut conn, &wanted, &settings, now).expect("batched facts");
    let single: Vec<_> = wanted
        .iter()
        .flat_map(|id| figures::facts_of(&mut conn, &[*id], &settings, now).expect("facts of one"))
        .collect();
    assert_eq!(batched.len(), wanted.len() - 1, "the unknown id is skipped");
    assert_eq!(batched, single);
});
