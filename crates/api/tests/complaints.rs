//! Complaints as dialogue: the list by age with the overdue flag, the follow-up trail, the
//! follow-up owner on the account team, resolving with what was done, and the dashboard counts.

mod common;

use chrono::{Duration, Utc};
use common::{Response, TestApp};
use continuity_domain::Role;
use serde_json::{json, Value};

struct Desk {
    admin: String,
    lead: String,
    hr: String,
    ana_token: String,
    ben_token: String,
    ana: i64,
    ben: i64,
    account_id: String,
}

fn id(answer: &Response) -> String {
    answer.body["id"].as_str().unwrap_or_else(|| panic!("no id in {}", answer.body)).to_owned()
}

/// One account of team "Corporate" with Ana as its owner; Ben is on the team but not on the
/// account.
async fn desk(app: &TestApp) -> Desk {
    let team_id = app.create_team("Corporate");
    app.create_staff(team_id);
    let ana = app.create_user("ana@example.com", Role::Member, Some(team_id));
    let ben = app.create_user("ben@example.com", Role::Member, Some(team_id));
    let admin = app.token("admin@example.com").await;
    let account = app
        .create_account(
            &admin,
            json!({"name": "Fjord Capital", "tier": "A", "region": "Nordics",
                   "team_id": team_id.to_string(), "annual_value_minor": 1000, "currency": "EUR"}),
        )
        .await;
    let account_id = id(&account);
    let put = app.put_on_team(&admin, &account_id, ana, "owner", "edit").await;
    assert_eq!(put.status, 201, "{}", put.body);
    Desk {
        admin,
        lead: app.token("lead@example.com").await,
        hr: app.token("hr@example.com").await,
        ana_token: app.token("ana@example.com").await,
        ben_token: app.token("ben@example.com").await,
        ana,
        ben,
        account_id,
    }
}

async fn complain(app: &TestApp, d: &Desk, days_ago: i64, summary: &str, owner: i64) -> Response {
    app.send(
        "POST",
        &format!("/api/v1/accounts/{}/interactions", d.account_id),
        Some(&d.admin),
        Some(json!({"kind": "complaint", "occurred_at": Utc::now() - Duration::days(days_ago) - Duration::hours(1),
                    "summary": summary, "employee_ids": [d.ana.to_string()], "follow_up_owner_id": owner.to_string(),
                    "follow_up_due": "2030-01-31"})),
    )
    .await
}

fn items(answer: &Response) -> Vec<Value> {
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.body["items"].as_array().expect("items").clone()
}

api_test!(fn open_complaints_age_oldest_first_and_are_overdue_after_fourteen_days(app) {
    let d = desk(&app).await;
    let recent = complain(&app, &d, 3, "Wrong fee", d.ana).await;
    assert_eq!(recent.status, 201, "{}", recent.body);
    let old = complain(&app, &d, 20, "Late statement", d.ana).await;
    assert_eq!(old.status, 201, "{}", old.body);
    let listed = items(&app.send("GET", "/api/v1/complaints", Some(&d.lead), None).await);
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0]["interaction_id"], json!(id(&old)), "oldest first");
    assert_eq!(listed[0]["age_days"], 20);
    assert_eq!(listed[0]["overdue"], true);
    assert_eq!(listed[0]["account_name"], "Fjord Capital");
    assert_eq!(listed[0]["follow_up_owner_id"], json!(d.ana.to_string()));
    assert_eq!(listed[0]["follow_up_owner_name"], "ana");
    assert_eq!(listed[0]["follow_ups"], 0);
    assert_eq!(listed[1]["age_days"], 3);
    assert_eq!(listed[1]["overdue"], false);
    let summary = app.send("GET", "/api/v1/risk/summary", Some(&d.lead), None).await;
    assert_eq!((summary.body["open_complaints"].clone(), summary.body["overdue_complaints"].clone()), (json!(2), json!(1)), "{}", summary.body);

    let hr = items(&app.send("GET", "/api/v1/complaints", Some(&d.hr), None).await);
    assert_eq!(hr.len(), 2);
    assert_eq!(hr[0]["summary"], Value::Null, "HR sees no complaint text");
    let ben_sees = items(&app.send("GET", "/api/v1/complaints", Some(&d.ben_token), None).await);
    assert!(ben_sees.is_empty(), "Ben is not on the account");
    let page = app.send("GET", "/api/v1/complaints?limit=1", Some(&d.admin), None).await;
    let cursor = page.body["next_cursor"].as_str().expect("a second page").to_owned();
    let second = items(&app.send("GET", &format!("/api/v1/complaints?limit=1&cursor={cursor}"), Some(&d.admin), None).await);
    assert_eq!(second[0]["interaction_id"], json!(id(&recent)));
    app.send("GET", "/api/v1/complaints?status=closed", Some(&d.admin), None).await.expect_problem(422);
});

api_test!(fn the_follow_up_owner_must_be_on_the_account_team(app) {
    let d = desk(&app).await;
    let refused = complain(&app, &d, 1, "Rude call", d.ben).await;
    assert_eq!(refused.expect_problem(422).as_deref(), Some("follow_up_owner_id"));
    assert!(items(&app.send("GET", "/api/v1/complaints", Some(&d.admin), None).await).is_empty(), "nothing was written");
    let complaint = complain(&app, &d, 1, "Rude call", d.ana).await;
    let version = complaint.body["version"].as_i64().expect("version");
    let path = format!("/api/v1/interactions/{}", id(&complaint));
    let moved = app.send_if_match("PATCH", &path, &d.admin, version, Some(json!({"follow_up_owner_id": d.ben.to_string()}))).await;
    assert_eq!(moved.expect_problem(422).as_deref(), Some("follow_up_owner_id"));
});

api_test!(fn a_complaint_keeps_a_follow_up_trail_and_is_resolved_with_what_was_done(app) {
    let d = desk(&app).await;
    let complaint = complain(&app, &d, 16, "Late statement", d.ana).await;
    let complaint_id = id(&complaint);
    let trail_path = format!("/api/v1/interactions/{complaint_id}/follow-ups");
    let first = app.send("POST", &trail_path, Some(&d.ana_token), Some(json!({"note": "Called the CFO, statement resent"}))).await;
    assert_eq!(first.status, 201, "{}", first.body);
    assert_eq!(first.body["author_name"], "ana");
    let blank = app.send("POST", &trail_path, Some(&d.ana_token), Some(json!({"note": "  "}))).await;
    assert_eq!(blank.expect_problem(422).as_deref(), Some("note"));
    app.send("POST", &trail_path, Some(&d.hr), Some(json!({"note": "x"}))).await.expect_problem(403);
    app.send("POST", &trail_path, Some(&d.ben_token), Some(json!({"note": "x"}))).await.expect_problem(404);
    let meeting = app.send("POST", &format!("/api/v1/accounts/{}/interactions", d.account_id), Some(&d.admin),
        Some(json!({"kind": "meeting", "occurred_at": Utc::now(), "employee_ids": [d.ana.to_string()]}))).await;
    let not_a_complaint = app.send("POST", &format!("/api/v1/interactions/{}/follow-ups", id(&meeting)), Some(&d.admin), Some(json!({"note": "x"}))).await;
    not_a_complaint.expect_problem(422);
    app.send("POST", &trail_path, Some(&d.lead), Some(json!({"note": "Escalated to operations"}))).await;

    let view = app.send("GET", &format!("/api/v1/interactions/{complaint_id}"), Some(&d.admin), None).await;
    let trail: Vec<&str> = view.body["follow_ups"].as_array().expect("trail").iter().filter_map(|f| f["note"].as_str()).collect();
    assert_eq!(trail, ["Called the CFO, statement resent", "Escalated to operations"]);
    let hr_view = app.send("GET", &format!("/api/v1/interactions/{complaint_id}"), Some(&d.hr), None).await;
    assert_eq!(hr_view.body["follow_ups"][0]["note"], Value::Null);
    assert_eq!(hr_view.body["follow_ups"][0]["author_name"], "ana");
    let listed = items(&app.send("GET", "/api/v1/complaints", Some(&d.admin), None).await);
    assert_eq!(listed[0]["follow_ups"], 2);
    assert!(listed[0]["last_follow_up_at"].is_string());
    let audit = app.send("GET", &format!("/api/v1/audit?entity=interaction&entity_id={complaint_id}"), Some(&d.admin), None).await;
    let follow_up_entries = audit.body["items"].as_array().expect("items").iter().filter(|e| e["action"] == "follow_up").count();
    assert_eq!(follow_up_entries, 2);

    let version = view.body["version"].as_i64().expect("version");
    let path = format!("/api/v1/interactions/{complaint_id}");
    for body in [json!({"complaint_status": "resolved"}), json!({"complaint_status": "resolved", "resolution": " "})] {
        let refused = app.send_if_match("PATCH", &path, &d.ana_token, version, Some(body)).await;
        assert_eq!(refused.expect_problem(422).as_deref(), Some("resolution"));
    }
    let still_open = app.send("GET", &path, Some(&d.admin), None).await;
    assert_eq!(still_open.body["complaint_status"], "open");
    assert_eq!(still_open.body["version"], version, "nothing changed");
    let resolved = app.send_if_match("PATCH", &path, &d.ana_token, version,
        Some(json!({"complaint_status": "resolved", "resolution": "Fee refunded and statement process fixed"}))).await;
    assert_eq!(resolved.status, 200, "{}", resolved.body);
    assert_eq!(resolved.body["resolution"], "Fee refunded and statement process fixed");
    assert!(resolved.body["resolved_at"].is_string());
    assert!(items(&app.send("GET", "/api/v1/complaints", Some(&d.admin), None).await).is_empty());
    let done = items(&app.send("GET", "/api/v1/complaints?status=resolved", Some(&d.admin), None).await);
    assert_eq!(done.len(), 1);
    assert_eq!(done[0]["overdue"], false);
    let summary = app.send("GET", "/api/v1/risk/summary", Some(&d.admin), None).await;
    assert_eq!((summary.body["open_complaints"].clone(), summary.body["overdue_complaints"].clone()), (json!(0), json!(0)));
});
