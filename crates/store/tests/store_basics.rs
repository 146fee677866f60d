//! The store's foundations on both backends: migrations, constraints, users, refresh tokens.

use chrono::{Duration, Utc};
use continuity_domain::Role;
use continuity_store::refresh_tokens::{self, Redemption};
use continuity_store::users::{self, NewUser};
use continuity_store::{on_both_stores, teams, StoreError};
use diesel::connection::SimpleConnection;

fn new_user<'a>(email: &'a str) -> NewUser<'a> {
    NewUser { email, display_name: "Ana Silva", role: Role::Member, team_id: None, password_hash: "x", locale: None }
}

on_both_stores!(fn emails_are_unique_regardless_of_case(store) {
    let mut conn = store.conn().expect("conn");
    let now = Utc::now();
    users::create(&mut conn, &new_user("ana@example.com"), None, now).expect("first user");
    let clash = users::create(&mut conn, &new_user("ANA@example.com"), None, now);
    assert!(matches!(clash, Err(StoreError::Duplicate { field: "email" })), "{clash:?}");
    assert_eq!(users::list(&mut conn).expect("list").len(), 1);
});

on_both_stores!(fn foreign_keys_are_enforced(store) {
    let mut conn = store.conn().expect("conn");
    let mut user = new_user("bo@example.com");
    user.team_id = Some(999);
    assert!(users::create(&mut conn, &user, None, Utc::now()).is_err());
});

on_both_stores!(fn a_failed_write_leaves_no_audit_entry(store) {
    let mut conn = store.conn().expect("conn");
    let now = Utc::now();
    teams::create(&mut conn, "Private Banking", None, now).expect("team");
    assert!(teams::create(&mut conn, "private banking", None, now).is_err());
    let audit: Vec<(String, String)> = {
        use continuity_store::schema::audit_entries::dsl::*;
        use diesel::prelude::*;
        audit_entries.select((entity, action)).load(&mut *conn).expect("audit")
    };
    assert_eq!(audit, vec![("team".to_owned(), "create".to_owned())]);
});

on_both_stores!(fn ensure_admin_creates_once_and_keeps_the_password(store) {
    let mut conn = store.conn().expect("conn");
    let now = Utc::now();
    assert!(users::ensure_admin(&mut conn, "root@example.com", "Admin", "hash-1", now).expect("first"));
    assert!(!users::ensure_admin(&mut conn, "Root@Example.com", "Admin", "hash-2", now).expect("second"));
    let (user, hash) = users::find_for_login(&mut conn, "root@example.com").expect("find").expect("exists");
    assert_eq!((user.profile.role, hash.as_str()), (Role::Admin, "hash-1"));
});

on_both_stores!(fn a_refresh_token_rotates_once_and_its_replay_revokes_the_family(store) {
    let mut conn = store.conn().expect("conn");
    let now = Utc::now();
    let user = users::create(&mut conn, &new_user("cy@example.com"), None, now).expect("user");
    refresh_tokens::issue(&mut conn, user.id, "fam", "token-1", now, now + Duration::days(1)).expect("issue");
    let first = refresh_tokens::redeem(&mut conn, "token-1", now).expect("redeem");
    assert_eq!(first, Redemption::Rotated { user_id: user.id, family_id: "fam".into() });
    refresh_tokens::issue(&mut conn, user.id, "fam", "token-2", now, now + Duration::days(1)).expect("issue 2");
    let replay = refresh_tokens::redeem(&mut conn, "token-1", now).expect("replay");
    assert_eq!(replay, Redemption::Reused { user_id: user.id });
    // The successor went down with the family.
    assert_eq!(refresh_tokens::redeem(&mut conn, "token-2", now).expect("after"), Redemption::Invalid);
});

on_both_stores!(fn an_expired_refresh_token_is_refused(store) {
    let mut conn = store.conn().expect("conn");
    let now = Utc::now();
    let user = users::create(&mut conn, &new_user("di@example.com"), None, now).expect("user");
    refresh_tokens::issue(&mut conn, user.id, "f", "old", now - Duration::days(2), now - Duration::days(1)).expect("issue");
    assert_eq!(refresh_tokens::redeem(&mut conn, "old", now).expect("redeem"), Redemption::Invalid);
});

on_both_stores!(fn concurrent_writers_on_one_store_all_succeed(store) {
    let now = Utc::now();
    let handles: Vec<_> = (0..8)
        .map(|i| {
            let store = store.clone();
            std::thread::spawn(move || {
                let mut conn = store.conn().expect("conn");
                // ensure_admin reads before it writes: the pattern that fails on SQLite
                // without BEGIN IMMEDIATE.
                for j in 0..10 {
                    let email = format!("admin{i}-{j}@example.com");
                    users::ensure_admin(&mut conn, &email, "Admin", "h", now).expect("write");
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("thread");
    }
    let mut conn = store.conn().expect("conn");
    assert_eq!(users::list(&mut conn).expect("list").len(), 80);
    conn.batch_execute("SELECT 1").expect("still usable");
});
