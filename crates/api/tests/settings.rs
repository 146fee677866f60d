//! The firm's settings over HTTP: an admin reads every setting with its default and range,
//! changes one with the `ETag` they read, and every account's figures follow after the
//! background recompute, whose progress the settings answer carries; a bad value is refused
//! by name and changes nothing; the change is in the audit trail.

mod common;

use chrono::{Duration, Utc};
use common::{Response, TestApp};
use continuity_domain::Role;
use serde_json::{json, Value};

struct Firm {
    admin: String,
    /// The accounts last met 10, 40 and 100 days ago, in that order.
    accounts: Vec<String>,
    /// An account with a complaint opened 5 days ago.
    complained: String,
}

fn id(answer: &Response) -> String {
    assert!(answer.status == 200 || answer.status == 201, "{}", answer.body);
    answer.body["id"].as_str().unwrap_or_else(|| panic!("no id in {}", answer.body)).to_owned()
}

/// Team "Corporate" with the firm's staff and one manager, Ana, who owns four accounts: three
/// she last met (with their client contact) 10, 40 and 100 days ago, and one whose client
/// complained 5 days ago.
async fn firm(app: &TestApp) -> Firm {
    let team_id = app.create_team("Corporate");
    app.create_staff(team_id);
    let ana = app.create_user("ana@example.com", Role::Member, Some(team_id));
    let admin = app.token("admin@example.com").await;
    let mut accounts = Vec::new();
    for (name, days_ago, kind) in [
        ("Recent", 10, "meeting"),
        ("Month", 40, "meeting"),
        ("Quarter", 100, "meeting"),
        ("Complained", 5, "complaint"),
    ] {
        let account = id(&app
            .create_account(
                &admin,
                json!({"name": name, "tier": "B", "region": "Benelux", "team_id": team_id.to_string(),
                       "annual_value_minor": 500_000, "currency": "EUR"}),
            )
            .await);
        let put = app.put_on_team(&admin, &account, ana, "owner", "edit").await;
        assert_eq!(put.status, 201, "{}", put.body);
        let contact = id(&app
            .add_contact(
                &admin,
                &account,
                json!({"name": format!("{name} CFO"), "job_title": "CFO", "influence": "decision_maker"}),
            )
            .await);
        let mut interaction = json!({"kind": kind, "occurred_at": Utc::now() - Duration::days(days_ago),
            "summary": "review", "employee_ids": [ana.to_string()], "contact_ids": [contact]});
        if kind == "complaint" {
            interaction["complaint_status"] = json!("open");
        }
        let logged = app.log_interaction(&admin, &account, interaction).await;
        assert_eq!(logged.status, 201, "{}", logged.body);
        accounts.push(account);
    }
    let complained = accounts.pop().expect("the complained account");
    Firm { admin, accounts, complained }
}

/// Each account's flag codes, sorted.
async fn flags(app: &TestApp, token: &str, accounts: &[String]) -> Vec<Vec<String>> {
    let mut all = Vec::new();
    for account in accounts {
        let risk = app.send("GET", &format!("/api/v1/accounts/{account}/risk"), Some(token), None).await;
        assert_eq!(risk.status, 200, "{}", risk.body);
        let mut codes: Vec<String> = risk.body["flags"]
            .as_array()
            .expect("flags")
            .iter()
            .map(|flag| flag["code"].as_str().expect("code").to_owned())
            .collect();
        codes.sort();
        all.push(codes);
    }
    all
}

fn stale(flags: &[Vec<String>]) -> Vec<bool> {
    flags.iter().map(|codes| codes.iter().any(|code| code == "stale")).collect()
}

/// The flags without `stale`.
fn other_than_stale(flags: &[Vec<String>]) -> Vec<Vec<String>> {
    flags.iter().map(|codes| codes.iter().filter(|code| *code != "stale").cloned().collect()).collect()
}

async fn settings(app: &TestApp, token: &str) -> Response {
    app.send("GET", "/api/v1/settings", Some(token), None).await
}

/// Polls `GET /settings` until the recompute is idle again (a bounded number of times).
async fn recomputed(app: &TestApp, token: &str) -> Value {
    for _ in 0..400 {
        let answer = settings(app, token).await;
        assert_eq!(answer.status, 200, "{}", answer.body);
        if answer.body["recompute"]["state"] == "idle" {
            return answer.body;
        }
        assert_eq!(answer.body["recompute"]["state"], "running", "{}", answer.body);
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("the recompute did not end");
}

async fn put_settings(app: &TestApp, token: &str, version: i64, values: Value) -> Response {
    app.send_if_match("PUT", "/api/v1/settings", token, version, Some(values)).await
}

/// The settings document as read, with `name` (dotted) set to `value`.
fn with(document: &Value, name: &str, value: Value) -> Value {
    let mut document = document.clone();
    let mut at = &mut document;
    for part in name.split('.') {
        at = &mut at[part];
    }
    *at = value;
    document
}

api_test!(fn changing_stale_after_days_turns_exactly_the_accounts_it_should_after_the_background_recompute(app) {
    let firm = firm(&app).await;
    let first = settings(&app, &firm.admin).await;
    assert_eq!(first.status, 200, "{}", first.body);
    assert_eq!(first.header("etag").as_deref(), Some("\"1\""));
    assert_eq!(first.body["version"], 1);
    assert_eq!(first.body["values"]["stale_after_days"], 90);
    assert_eq!(first.body["recompute"]["state"], "idle");
    let field = first.body["fields"].as_array().expect("fields").iter().find(|f| f["name"] == "stale_after_days").cloned();
    let field = field.expect("stale_after_days is listed");
    assert_eq!((field["value"].as_f64(), field["default"].as_f64()), (Some(90.0), Some(90.0)));
    assert_eq!((field["minimum"].as_f64(), field["maximum"].as_f64(), &field["integer"]), (Some(1.0), Some(3650.0), &json!(true)));

    let before = flags(&app, &firm.admin, &firm.accounts).await;
    assert_eq!(stale(&before), vec![false, false, true]);

    let changed = put_settings(&app, &firm.admin, 1, with(&first.body["values"], "stale_after_days", json!(30))).await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(changed.header("etag").as_deref(), Some("\"2\""));
    assert_eq!(changed.body["values"]["stale_after_days"], 30);
    assert_eq!(changed.body["recompute"]["total"], 4, "every account is recomputed: {}", changed.body);

    let done = recomputed(&app, &firm.admin).await;
    assert_eq!((done["recompute"]["done"].clone(), done["recompute"]["total"].clone()), (json!(4), json!(4)));
    assert!(done["recompute"]["finished_at"].is_string(), "{done}");
    let after = flags(&app, &firm.admin, &firm.accounts).await;
    assert_eq!(stale(&after), vec![false, true, true], "only the account silent for 40 days turns stale");
    assert_eq!(other_than_stale(&after), other_than_stale(&before), "no other flag moved");

    let audit = app.send("GET", "/api/v1/audit?entity=settings", Some(&firm.admin), None).await;
    assert_eq!(audit.status, 200, "{}", audit.body);
    let entries = audit.body["items"].as_array().expect("items");
    assert_eq!(entries.len(), 1, "{}", audit.body);
    assert_eq!(entries[0]["action"], "update");
    assert_eq!(entries[0]["before"], json!({"stale_after_days": 90}));
    assert_eq!(entries[0]["after"], json!({"stale_after_days": 30}));
});

api_test!(fn a_bad_value_is_refused_by_its_name_and_changes_nothing(app) {
    let firm = firm(&app).await;
    let first = settings(&app, &firm.admin).await;
    let values = first.body["values"].clone();
    let before = flags(&app, &firm.admin, &firm.accounts).await;

    for (name, bad) in [
        ("stale_after_days", json!(0)),
        ("stale_after_days", json!("soon")),
        ("window_days", json!(30.5)),
        ("kind_weights.note", json!(-1)),
        ("score_weights.stale", json!(1.5)),
        ("stale_after_dayz", json!(30)),
        ("kind_weights.lunch", json!(1)),
    ] {
        let answer = put_settings(&app, &firm.admin, 1, with(&values, name, bad.clone())).await;
        assert_eq!(answer.expect_problem(422).as_deref(), Some(name), "{name} = {bad}: {}", answer.body);
    }

    let now = settings(&app, &firm.admin).await;
    assert_eq!(now.body["version"], 1);
    assert_eq!(now.body["values"], values);
    assert_eq!(now.body["recompute"]["state"], "idle");
    assert!(now.body["recompute"]["started_at"].is_null(), "no recompute was started: {}", now.body);
    assert_eq!(flags(&app, &firm.admin, &firm.accounts).await, before);
    let audit = app.send("GET", "/api/v1/audit?entity=settings", Some(&firm.admin), None).await;
    assert_eq!(audit.body["items"], json!([]), "{}", audit.body);
});

api_test!(fn a_change_needs_the_etag_it_was_read_with(app) {
    let firm = firm(&app).await;
    let values = with(&settings(&app, &firm.admin).await.body["values"], "stale_after_days", json!(30));
    let missing = app.send("PUT", "/api/v1/settings", Some(&firm.admin), Some(values.clone())).await;
    missing.expect_problem(428);
    put_settings(&app, &firm.admin, 7, values.clone()).await.expect_problem(412);
    assert_eq!(settings(&app, &firm.admin).await.body["values"]["stale_after_days"], 90);

    assert_eq!(put_settings(&app, &firm.admin, 1, values.clone()).await.status, 200);
    // The version it was read at is now stale.
    put_settings(&app, &firm.admin, 1, with(&values, "stale_after_days", json!(60))).await.expect_problem(412);
    recomputed(&app, &firm.admin).await;
    assert_eq!(settings(&app, &firm.admin).await.body["values"]["stale_after_days"], 30);
});

api_test!(fn only_admins_read_or_change_the_settings(app) {
    let firm = firm(&app).await;
    let values = settings(&app, &firm.admin).await.body["values"].clone();
    for email in ["hr@example.com", "lead@example.com", "ana@example.com"] {
        let token = app.token(email).await;
        settings(&app, &token).await.expect_problem(403);
        put_settings(&app, &token, 1, with(&values, "stale_after_days", json!(30))).await.expect_problem(403);
        let me = app.send("GET", "/api/v1/me", Some(&token), None).await;
        assert_eq!(me.body["permissions"]["may_manage_settings"], false, "{email}");
    }
    let me = app.send("GET", "/api/v1/me", Some(&firm.admin), None).await;
    assert_eq!(me.body["permissions"]["may_manage_settings"], true);
    assert_eq!(settings(&app, &firm.admin).await.body["version"], 1);
});

api_test!(fn the_firm_sets_when_an_open_complaint_is_overdue(app) {
    let firm = firm(&app).await;
    let overdue = |answer: &Response| {
        assert_eq!(answer.status, 200, "{}", answer.body);
        let items = answer.body["items"].as_array().expect("items").clone();
        items.iter().filter(|item| item["account_id"] == firm.complained.as_str()).map(|item| item["overdue"].clone()).collect::<Vec<_>>()
    };
    let listed = app.send("GET", "/api/v1/complaints", Some(&firm.admin), None).await;
    assert_eq!(overdue(&listed), vec![json!(false)], "5 days open is not overdue after the default 14");

    let values = with(&settings(&app, &firm.admin).await.body["values"], "complaint_overdue_days", json!(3));
    assert_eq!(put_settings(&app, &firm.admin, 1, values).await.status, 200);
    let listed = app.send("GET", "/api/v1/complaints", Some(&firm.admin), None).await;
    assert_eq!(overdue(&listed), vec![json!(true)]);
    let summary = app.send("GET", "/api/v1/risk/summary", Some(&firm.admin), None).await;
    assert_eq!(summary.body["overdue_complaints"], 1, "{}", summary.body);
    recomputed(&app, &firm.admin).await;
});
