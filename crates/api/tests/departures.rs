//! The departure path end to end: leave date → flags → plan with suggestions → introduction
//! logged → `introduced` → apply → assignments moved and audited → departure let through; and
//! its failure paths, each with a clear error and nothing half-done.

mod common;

use common::{Response, TestApp};
use continuity_domain::Role;
use serde_json::{json, Value};

struct Office {
    hr: String,
    lead: String,
    admin: String,
    eva: i64,
    finn: i64,
    gus: i64,
    accounts: Vec<String>,
    contacts: Vec<String>,
}

/// Eva solely holds two accounts; Finn (same team) already knows the first one's contact;
/// Gus is on the team too.
async fn office(app: &TestApp) -> Office {
    let team = app.create_team("Advisory");
    app.create_staff(team);
    let eva = app.create_user("eva@example.com", Role::Member, Some(team));
    let finn = app.create_user("finn@example.com", Role::Member, Some(team));
    let gus = app.create_user("gus@example.com", Role::Member, Some(team));
    let admin = app.token("admin@example.com").await;
    let (mut accounts, mut contacts) = (Vec::new(), Vec::new());
    for name in ["Birch Holdings", "Cedar Logistics"] {
        let account = app
            .create_account(
                &admin,
                json!({"name": name, "tier": "B",
                       "region": "West", "team_id": team.to_string(), "annual_value_minor": 400_000, "currency": "EUR"}),
            )
            .await;
        let account_id = account.body["id"].as_str().expect("id").to_owned();
        app.put_on_team(&admin, &account_id, eva, "owner", "edit").await;
        let contact = app
            .add_contact(&admin, &account_id, json!({"name": format!("{name} CEO"), "influence": "decision_maker"}))
            .await;
        let contact_id = contact.body["id"].as_str().expect("id").to_owned();
        let meeting = app
            .log_interaction(
                &admin,
                &account_id,
                json!({"kind": "meeting", "occurred_at": chrono::Utc::now() - chrono::Duration::days(10),
                       "employee_ids": [eva.to_string()], "contact_ids": [contact_id]}),
            )
            .await;
        assert_eq!(meeting.status, 201, "{}", meeting.body);
        accounts.push(account_id);
        contacts.push(contact_id);
    }
    // Finn met the first client once, long enough ago that Eva still holds it alone.
    let old = app
        .log_interaction(
            &admin,
            &accounts[0],
            json!({"kind": "email", "occurred_at": chrono::Utc::now() - chrono::Duration::days(300),
                   "employee_ids": [finn.to_string()], "contact_ids": [contacts[0]]}),
        )
        .await;
    assert_eq!(old.status, 201);
    Office {
        hr: app.token("hr@example.com").await,
        lead: app.token("lead@example.com").await,
        admin,
        eva,
        finn,
        gus,
        accounts,
        contacts,
    }
}

fn handover<'a>(plan: &'a Response, account_id: &str) -> &'a Value {
    plan.body["handovers"]
        .as_array()
        .expect("handovers")
        .iter()
        .find(|h| h["account_id"] == account_id)
        .expect("handover")
}

async fn flags(app: &TestApp, token: &str, account_id: &str) -> Vec<String> {
    let risk = app.send("GET", &format!("/api/v1/accounts/{account_id}/risk"), Some(token), None).await;
    risk.body["flags"].as_array().expect("flags").iter().filter_map(|f| f["code"].as_str().map(str::to_owned)).collect()
}

api_test!(fn a_departure_walks_from_plan_to_handover(app) {
    let o = office(&app).await;
    assert!(!flags(&app, &o.hr, &o.accounts[0]).await.contains(&"departing_holder".to_owned()));
    let plan = app.send("POST", "/api/v1/departures", Some(&o.hr), Some(json!({"user_id": o.eva.to_string(), "leave_date": "2099-03-31"}))).await;
    assert_eq!(plan.status, 201, "{}", plan.body);
    assert!(flags(&app, &o.hr, &o.accounts[0]).await.contains(&"departing_holder".to_owned()), "the plan sets the leave date");
    let first = handover(&plan, &o.accounts[0]);
    assert_eq!(first["sole_holder"], true);
    assert_eq!(first["suggestions"][0]["user_id"], json!(o.finn.to_string()), "Finn knows the client: {first}");
    assert!(first["suggestions"].as_array().expect("list").iter().all(|s| s["user_id"] != json!(o.eva.to_string())));

    let refused = app.send_if_match("PATCH", &format!("/api/v1/users/{}", o.eva), &o.hr,
        app.send("GET", &format!("/api/v1/users/{}", o.eva), Some(&o.hr), None).await.body["version"].as_i64().expect("v"),
        Some(json!({"status": "departed"}))).await;
    refused.expect_problem(409);
    assert_eq!(refused.body["account_ids"].as_array().map(Vec::len), Some(2));

    let plan_id = plan.body["id"].as_str().expect("id").to_owned();
    let path = |account: &str| format!("/api/v1/departures/{plan_id}/handovers/{account}");
    let picked = app.send_if_match("PATCH", &path(&o.accounts[0]), &o.lead, first["version"].as_i64().expect("v"),
        Some(json!({"successor_id": o.finn.to_string(), "due_date": "2099-02-28"}))).await;
    assert_eq!(picked.status, 200, "{}", picked.body);
    let second = handover(&picked, &o.accounts[1]).clone();
    let terse = app.send_if_match("PATCH", &path(&o.accounts[1]), &o.lead, second["version"].as_i64().expect("v"),
        Some(json!({"waiver_reason": " no "}))).await;
    assert_eq!(terse.expect_problem(422).as_deref(), Some("waiver_reason"), "a waiver says why");
    let waived = app.send_if_match("PATCH", &path(&o.accounts[1]), &o.lead, second["version"].as_i64().expect("v"),
        Some(json!({"waiver_reason": "The client is winding down its business"}))).await;
    assert_eq!(waived.status, 200, "{}", waived.body);

    let intro = app.send("POST", &format!("/api/v1/accounts/{}/interactions", o.accounts[0]), Some(&o.admin),
        Some(json!({"kind": "meeting", "occurred_at": chrono::Utc::now(), "summary": "Introducing Finn",
                    "employee_ids": [o.eva.to_string(), o.finn.to_string()], "contact_ids": [o.contacts[0]]}))).await;
    assert_eq!(intro.status, 201);
    let now = app.send("GET", &format!("/api/v1/departures/{plan_id}"), Some(&o.hr), None).await;
    assert_eq!(handover(&now, &o.accounts[0])["status"], "introduced");

    let version = now.body["version"].as_i64().expect("version");
    let applied = app.send_if_match("POST", &format!("/api/v1/departures/{plan_id}/apply"), &o.hr, version, None).await;
    assert_eq!(applied.status, 200, "{}", applied.body);
    assert_eq!(applied.body["status"], "applied");
    assert!(applied.body["handovers"].as_array().expect("list").iter().all(|h| h["status"] == "done"));
    let team = app.send("GET", &format!("/api/v1/accounts/{}/team?include_closed=true", o.accounts[0]), Some(&o.admin), None).await;
    let members: Vec<(Value, Value)> = team.body["items"].as_array().expect("items").iter().map(|a| (a["user_id"].clone(), a["until"].is_null().into())).collect();
    assert!(members.contains(&(json!(o.finn.to_string()), json!(true))), "Finn is on the team: {members:?}");
    assert!(members.contains(&(json!(o.eva.to_string()), json!(false))), "Eva shows as a former member: {members:?}");
    let audit = app.send("GET", &format!("/api/v1/audit?entity=departure_plan&entity_id={plan_id}"), Some(&o.admin), None).await;
    assert!(audit.body["items"].as_array().expect("items").iter().any(|e| e["action"] == "apply"));

    let again = app.send_if_match("POST", &format!("/api/v1/departures/{plan_id}/apply"), &o.hr, applied.body["version"].as_i64().expect("v"), None).await;
    again.expect_problem(409);
    let eva = app.send("GET", &format!("/api/v1/users/{}", o.eva), Some(&o.hr), None).await;
    let departed = app.send_if_match("PATCH", &format!("/api/v1/users/{}", o.eva), &o.hr, eva.body["version"].as_i64().expect("v"),
        Some(json!({"status": "departed"}))).await;
    assert_eq!(departed.status, 200, "the guard lets the departure through: {}", departed.body);
});

api_test!(fn a_plan_fails_whole_when_a_successor_is_leaving_or_the_etag_is_stale(app) {
    let o = office(&app).await;
    let plan = app.send("POST", "/api/v1/departures", Some(&o.hr), Some(json!({"user_id": o.eva.to_string(), "leave_date": "2099-03-31"}))).await;
    let plan_id = plan.body["id"].as_str().expect("id").to_owned();
    let path = |account: &str| format!("/api/v1/departures/{plan_id}/handovers/{account}");
    let mut current = plan;
    for account in &o.accounts {
        let version = handover(&current, account)["version"].as_i64().expect("v");
        current = app.send_if_match("PATCH", &path(account), &o.hr, version, Some(json!({"successor_id": o.gus.to_string()}))).await;
        assert_eq!(current.status, 200, "{}", current.body);
    }
    let duplicate = app.send("POST", "/api/v1/departures", Some(&o.hr), Some(json!({"user_id": o.eva.to_string(), "leave_date": "2099-04-30"}))).await;
    assert_eq!(duplicate.expect_problem(409).as_deref(), Some("user_id"));

    // Gus announces his own departure: he can no longer take over.
    let gus = app.send("GET", &format!("/api/v1/users/{}", o.gus), Some(&o.hr), None).await;
    let leaving = app.send_if_match("PATCH", &format!("/api/v1/users/{}", o.gus), &o.hr, gus.body["version"].as_i64().expect("v"),
        Some(json!({"status": "leaving", "leave_date": "2099-01-15"}))).await;
    assert_eq!(leaving.status, 200);
    let bad_pick = app.send_if_match("PATCH", &path(&o.accounts[0]), &o.hr, handover(&current, &o.accounts[0])["version"].as_i64().expect("v"),
        Some(json!({"successor_id": o.gus.to_string()}))).await;
    assert_eq!(bad_pick.expect_problem(422).as_deref(), Some("successor_id"));

    let version = current.body["version"].as_i64().expect("v");
    let blocked = app.send_if_match("POST", &format!("/api/v1/departures/{plan_id}/apply"), &o.hr, version, None).await;
    blocked.expect_problem(409);
    let team = app.send("GET", &format!("/api/v1/accounts/{}/team", o.accounts[0]), Some(&o.admin), None).await;
    let ids: Vec<&str> = team.body["items"].as_array().expect("items").iter().filter_map(|a| a["user_id"].as_str()).collect();
    assert_eq!(ids, [o.eva.to_string().as_str()], "nothing moved");
    let still = app.send("GET", &format!("/api/v1/departures/{plan_id}"), Some(&o.hr), None).await;
    assert_eq!(still.body["status"], "open");

    // A stale ETag on apply: someone changed the plan since it was read.
    let finn_pick = app.send_if_match("PATCH", &path(&o.accounts[0]), &o.hr, handover(&still, &o.accounts[0])["version"].as_i64().expect("v"),
        Some(json!({"successor_id": o.finn.to_string()}))).await;
    assert_eq!(finn_pick.status, 200);
    assert!(finn_pick.body["version"].as_i64().expect("v") > version, "a handover change moves the plan's ETag");
    let stale = app.send_if_match("POST", &format!("/api/v1/departures/{plan_id}/apply"), &o.hr, version, None).await;
    stale.expect_problem(412);
    let team = app.send("GET", &format!("/api/v1/accounts/{}/team", o.accounts[1]), Some(&o.admin), None).await;
    assert_eq!(team.body["items"].as_array().map(Vec::len), Some(1), "a refused apply moves nothing");
    let member = app.token("finn@example.com").await;
    let hidden = app.send("GET", &format!("/api/v1/departures/{plan_id}"), Some(&member), None).await;
    hidden.expect_problem(404);
});

api_test!(fn the_successor_reads_the_handover_brief_and_hr_sees_the_clause_register(app) {
    let o = office(&app).await;
    let finn = app.token("finn@example.com").await;
    let brief_path = format!("/api/v1/accounts/{}/handover-brief", o.accounts[1]);
    app.send("GET", &brief_path, Some(&finn), None).await.expect_problem(404);
    let plan = app.send("POST", "/api/v1/departures", Some(&o.hr), Some(json!({"user_id": o.eva.to_string(), "leave_date": "2099-03-31"}))).await;
    let plan_id = plan.body["id"].as_str().expect("id").to_owned();
    let version = handover(&plan, &o.accounts[1])["version"].as_i64().expect("v");
    let picked = app.send_if_match("PATCH", &format!("/api/v1/departures/{plan_id}/handovers/{}", o.accounts[1]), &o.hr, version,
        Some(json!({"successor_id": o.finn.to_string()}))).await;
    assert_eq!(picked.status, 200, "{}", picked.body);

    let brief = app.send("GET", &brief_path, Some(&finn), None).await;
    assert_eq!(brief.status, 200, "the named successor reads the brief: {}", brief.body);
    assert_eq!(brief.body["name"], "Cedar Logistics");
    assert_eq!(brief.body["team"][0]["user_id"], json!(o.eva.to_string()));
    assert_eq!(brief.body["contacts"][0]["known_by"][0]["user_id"], json!(o.eva.to_string()));
    assert_eq!(brief.body["recent_interactions"].as_array().map(Vec::len), Some(1));
    let hr_brief = app.send("GET", &brief_path, Some(&o.hr), None).await;
    assert_eq!(hr_brief.body["recent_interactions"][0]["summary"], Value::Null, "HR never gets note text");
    let page = app.client.get(format!("{}{brief_path}?format=html", app.base)).bearer_auth(&finn).send().await.expect("page");
    assert!(page.headers()["content-type"].to_str().unwrap_or("").starts_with("text/html"));
    assert!(page.text().await.expect("text").contains("Handover brief: Cedar Logistics"));
    let other = app.send("GET", &format!("/api/v1/accounts/{}/handover-brief", o.accounts[0]), Some(&finn), None).await;
    other.expect_problem(404);

    let register = app.send("GET", "/api/v1/clauses", Some(&o.hr), None).await;
    assert_eq!(register.status, 200, "{}", register.body);
    assert_eq!(register.body["items"][0]["user_id"], json!(o.eva.to_string()));
    assert_eq!(register.body["items"][0]["orphaned_value_minor"], 800_000);
    assert_eq!(register.body["items"][0]["leave_date"], "2099-03-31");
    app.send("GET", "/api/v1/clauses", Some(&finn), None).await.expect_problem(403);
});

api_test!(fn hr_cancels_an_open_plan_with_a_reason_once_and_the_leaver_stays_as_hr_set_them(app) {
    let o = office(&app).await;
    let plan = app.send("POST", "/api/v1/departures", Some(&o.hr), Some(json!({"user_id": o.eva.to_string(), "leave_date": "2099-03-31"}))).await;
    let plan_id = plan.body["id"].as_str().expect("id").to_owned();
    let path = format!("/api/v1/departures/{plan_id}/cancel");
    // A successor and a waiver on the plan let Eva's departure through while it is open.
    let mut current = plan;
    for (account, body) in [(&o.accounts[0], json!({"successor_id": o.finn.to_string()})),
                            (&o.accounts[1], json!({"waiver_reason": "The client is winding down"}))] {
        let version = handover(&current, account)["version"].as_i64().expect("v");
        current = app.send_if_match("PATCH", &format!("/api/v1/departures/{plan_id}/handovers/{account}"), &o.hr, version, Some(body)).await;
        assert_eq!(current.status, 200, "{}", current.body);
    }
    let version = current.body["version"].as_i64().expect("v");

    for bad in [json!({"reason": "   "}), json!({"reason": "x".repeat(1001)}), json!({})] {
        let refused = app.send_if_match("POST", &path, &o.hr, version, Some(bad.clone())).await;
        assert_eq!(refused.expect_problem(422).as_deref(), Some("reason"), "{bad}");
    }
    app.send_if_match("POST", &path, &o.lead, version, Some(json!({"reason": "Eva stays after all"}))).await.expect_problem(403);
    app.send("POST", &path, Some(&o.hr), Some(json!({"reason": "Eva stays after all"}))).await.expect_problem(428);
    let unchanged = app.send("GET", &format!("/api/v1/departures/{plan_id}"), Some(&o.hr), None).await;
    assert_eq!((&unchanged.body["status"], &unchanged.body["version"]), (&json!("open"), &json!(version)), "refusals change nothing");

    let cancelled = app.send_if_match("POST", &path, &o.hr, version, Some(json!({"reason": "  Eva stays after all "}))).await;
    assert_eq!(cancelled.status, 200, "{}", cancelled.body);
    assert_eq!(cancelled.body["status"], "cancelled");
    assert_eq!(cancelled.body["cancel_reason"], "Eva stays after all");
    assert!(cancelled.body["cancelled_at"].is_string() && cancelled.body["applied_at"].is_null());
    let again = app.send_if_match("POST", &path, &o.hr, cancelled.body["version"].as_i64().expect("v"),
        Some(json!({"reason": "Eva stays after all"}))).await;
    assert_eq!(again.expect_problem(409).as_deref(), Some("status"), "{}", again.body);
    let late_pick = app.send_if_match("PATCH", &format!("/api/v1/departures/{plan_id}/handovers/{}", o.accounts[0]), &o.hr,
        handover(&cancelled, &o.accounts[0])["version"].as_i64().expect("v"), Some(json!({"successor_id": o.gus.to_string()}))).await;
    late_pick.expect_problem(409);

    let audit = app.send("GET", &format!("/api/v1/audit?entity=departure_plan&entity_id={plan_id}"), Some(&o.admin), None).await;
    let cancels: Vec<&Value> = audit.body["items"].as_array().expect("items").iter().filter(|e| e["action"] == "cancel").collect();
    assert_eq!(cancels.len(), 1, "one cancel, audited once: {}", audit.body);
    assert_eq!(cancels[0]["after"]["reason"], "Eva stays after all");
    assert_eq!(cancels[0]["actor_id"], json!(app.send("GET", "/api/v1/me", Some(&o.hr), None).await.body["id"]));

    // Eva keeps the status and leave date HR set; the cancelled plan's successor and waiver no
    // longer let her go, and she may get a new plan.
    let eva = app.send("GET", &format!("/api/v1/users/{}", o.eva), Some(&o.hr), None).await;
    assert_eq!((&eva.body["status"], &eva.body["leave_date"]), (&json!("leaving"), &json!("2099-03-31")));
    let departed = app.send_if_match("PATCH", &format!("/api/v1/users/{}", o.eva), &o.hr, eva.body["version"].as_i64().expect("v"),
        Some(json!({"status": "departed"}))).await;
    departed.expect_problem(409);
    assert_eq!(departed.body["account_ids"].as_array().map(Vec::len), Some(2), "{}", departed.body);
    let new_plan = app.send("POST", "/api/v1/departures", Some(&o.hr), Some(json!({"user_id": o.eva.to_string(), "leave_date": "2099-05-31"}))).await;
    assert_eq!(new_plan.status, 201, "{}", new_plan.body);
});
