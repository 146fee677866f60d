//! The teams a sales lead leads: a lead created in a team (or moved into one) leads it at once;
//! `PUT`/`DELETE /teams/{id}/leads/{user_id}` change what they see, audited; `GET /teams` lists
//! each team's `lead_ids`.

mod common;

use common::{TestApp, PASSWORD};
use continuity_domain::Role;
use serde_json::{json, Value};

async fn account(app: &TestApp, admin: &str, team: i64, name: &str) -> String {
    let body = json!({"name": name, "tier": "B", "region": "North", "team_id": team.to_string(),
                      "annual_value_minor": 100_000, "currency": "EUR"});
    let created = app.create_account(admin, body).await;
    assert_eq!(created.status, 201, "{}", created.body);
    created.body["id"].as_str().expect("id").to_owned()
}

/// The names of the accounts `token` sees, sorted.
async fn seen(app: &TestApp, token: &str) -> Vec<String> {
    let list = app.send("GET", "/api/v1/accounts", Some(token), None).await;
    assert_eq!(list.status, 200, "{}", list.body);
    let mut names: Vec<String> = list.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|item| item["name"].as_str().map(str::to_owned))
        .collect();
    names.sort();
    names
}

/// `lead_ids` of team `team` in `GET /teams`.
async fn lead_ids(app: &TestApp, token: &str, team: i64) -> Value {
    let teams = app.send("GET", "/api/v1/teams", Some(token), None).await;
    assert_eq!(teams.status, 200, "{}", teams.body);
    teams.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|item| item["id"] == json!(team.to_string()))
        .map(|item| item["lead_ids"].clone())
        .expect("the team is listed")
}

/// The `add_lead` / `remove_lead` entries of team `team`'s audit trail, oldest first, as
/// (action, user id).
async fn lead_audit(app: &TestApp, admin: &str, team: i64) -> Vec<(String, String)> {
    let path = format!("/api/v1/audit?entity=team&entity_id={team}");
    let trail = app.send("GET", &path, Some(admin), None).await;
    assert_eq!(trail.status, 200, "{}", trail.body);
    let mut entries: Vec<(String, String)> = trail.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|entry| entry["action"].as_str().is_some_and(|action| action.ends_with("_lead")))
        .map(|entry| {
            let values = if entry["action"] == "add_lead" { &entry["after"] } else { &entry["before"] };
            (
                entry["action"].as_str().unwrap_or_default().to_owned(),
                values["user_id"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    entries.reverse();
    entries
}

api_test!(fn a_sales_lead_created_in_a_team_sees_its_accounts_at_once(app) {
    let wealth = app.create_team("Wealth");
    let other = app.create_team("Other");
    app.create_user("admin@example.com", Role::Admin, None);
    let admin = app.token("admin@example.com").await;
    account(&app, &admin, wealth, "Harbour Trust").await;
    account(&app, &admin, other, "Elsewhere Ltd").await;

    let body = json!({"email": "lena@example.com", "display_name": "Lena Lead", "role": "sales_lead",
                      "team_id": wealth.to_string(), "password": PASSWORD});
    let created = app.send("POST", "/api/v1/users", Some(&admin), Some(body)).await;
    assert_eq!(created.status, 201, "{}", created.body);
    let lena = created.body["id"].as_str().expect("id").to_owned();
    let token = app.token("lena@example.com").await;
    assert_eq!(seen(&app, &token).await, vec!["Harbour Trust"], "no separate call: the lead leads their team");
    let me = app.send("GET", "/api/v1/me", Some(&token), None).await;
    assert_eq!(me.body["led_team_ids"], json!([wealth.to_string()]));
    assert_eq!(lead_ids(&app, &admin, wealth).await, json!([lena.clone()]));
    assert_eq!(lead_ids(&app, &token, other).await, json!([]));
    assert_eq!(lead_audit(&app, &admin, wealth).await, vec![("add_lead".to_owned(), lena)]);

    // A member created in a team leads nothing.
    let body = json!({"email": "max@example.com", "display_name": "Max Member", "role": "member",
                      "team_id": wealth.to_string(), "password": PASSWORD});
    assert_eq!(app.send("POST", "/api/v1/users", Some(&admin), Some(body)).await.status, 201);
    assert_eq!(seen(&app, &app.token("max@example.com").await).await, Vec::<String>::new());
    assert_eq!(lead_ids(&app, &admin, wealth).await.as_array().map(Vec::len), Some(1));
});

api_test!(fn a_lead_moved_to_another_team_or_made_a_lead_leads_that_team(app) {
    let wealth = app.create_team("Wealth");
    let retail = app.create_team("Retail");
    app.create_user("admin@example.com", Role::Admin, None);
    let admin = app.token("admin@example.com").await;
    account(&app, &admin, wealth, "Harbour Trust").await;
    account(&app, &admin, retail, "Corner Shop").await;
    let lena = app.create_user("lena@example.com", Role::SalesLead, Some(wealth));
    let path = format!("/api/v1/users/{lena}");
    let version = app.send("GET", &path, Some(&admin), None).await.body["version"].as_i64().expect("version");
    let moved = app.send_if_match("PATCH", &path, &admin, version, Some(json!({"team_id": retail.to_string()}))).await;
    assert_eq!(moved.status, 200, "{}", moved.body);
    let token = app.token("lena@example.com").await;
    // Leading Wealth ends only when an admin says so.
    assert_eq!(seen(&app, &token).await, vec!["Corner Shop", "Harbour Trust"]);
    assert_eq!(lead_ids(&app, &admin, retail).await, json!([lena.to_string()]));

    let max = app.create_user("max@example.com", Role::Member, Some(wealth));
    let path = format!("/api/v1/users/{max}");
    let version = app.send("GET", &path, Some(&admin), None).await.body["version"].as_i64().expect("version");
    let promoted = app.send_if_match("PATCH", &path, &admin, version, Some(json!({"role": "sales_lead"}))).await;
    assert_eq!(promoted.status, 200, "{}", promoted.body);
    assert_eq!(seen(&app, &app.token("max@example.com").await).await, vec!["Harbour Trust"]);
    assert_eq!(lead_ids(&app, &admin, wealth).await, json!([lena.to_string(), max.to_string()]));

    // Someone who is no longer a sales lead leads nothing, and is not listed as a lead.
    let version = promoted.body["version"].as_i64().expect("version");
    let demoted = app.send_if_match("PATCH", &path, &admin, version, Some(json!({"role": "member"}))).await;
    assert_eq!(demoted.status, 200, "{}", demoted.body);
    assert_eq!(lead_ids(&app, &admin, wealth).await, json!([lena.to_string()]));
});

api_test!(fn putting_and_deleting_a_lead_changes_what_they_see(app) {
    let wealth = app.create_team("Wealth");
    let retail = app.create_team("Retail");
    app.create_user("admin@example.com", Role::Admin, None);
    app.create_user("hr@example.com", Role::Hr, None);
    let member = app.create_user("max@example.com", Role::Member, Some(wealth));
    let admin = app.token("admin@example.com").await;
    let hr = app.token("hr@example.com").await;
    account(&app, &admin, wealth, "Harbour Trust").await;
    account(&app, &admin, retail, "Corner Shop").await;
    let lena = app.create_user("lena@example.com", Role::SalesLead, Some(wealth));
    let token = app.token("lena@example.com").await;
    assert_eq!(seen(&app, &token).await, vec!["Harbour Trust"]);

    let retail_lead = format!("/api/v1/teams/{retail}/leads/{lena}");
    let put = app.send("PUT", &retail_lead, Some(&admin), None).await;
    assert_eq!(put.status, 204, "{}", put.body);
    assert_eq!(seen(&app, &token).await, vec!["Corner Shop", "Harbour Trust"], "the same token, at once");
    assert_eq!(lead_ids(&app, &admin, retail).await, json!([lena.to_string()]));
    assert_eq!(app.send("PUT", &retail_lead, Some(&admin), None).await.status, 204, "idempotent");

    let wealth_lead = format!("/api/v1/teams/{wealth}/leads/{lena}");
    let deleted = app.send("DELETE", &wealth_lead, Some(&admin), None).await;
    assert_eq!(deleted.status, 204, "{}", deleted.body);
    assert_eq!(seen(&app, &token).await, vec!["Corner Shop"]);
    assert_eq!(lead_ids(&app, &admin, wealth).await, json!([]));
    assert_eq!(app.send("DELETE", &wealth_lead, Some(&admin), None).await.status, 204, "idempotent");
    let record = app.send("GET", &format!("/api/v1/users/{lena}"), Some(&admin), None).await;
    assert_eq!(record.body["team_id"], json!(wealth.to_string()), "they keep their own team");

    // Each change that changed something is audited, once.
    assert_eq!(lead_audit(&app, &admin, retail).await, vec![("add_lead".to_owned(), lena.to_string())]);
    assert_eq!(
        lead_audit(&app, &admin, wealth).await,
        vec![("add_lead".to_owned(), lena.to_string()), ("remove_lead".to_owned(), lena.to_string())]
    );

    // Refusals change nothing.
    let not_a_lead = format!("/api/v1/teams/{wealth}/leads/{member}");
    assert_eq!(app.send("PUT", &not_a_lead, Some(&admin), None).await.expect_problem(422).as_deref(), Some("user_id"));
    assert_eq!(app.send("DELETE", &not_a_lead, Some(&admin), None).await.expect_problem(422).as_deref(), Some("user_id"));
    app.send("PUT", &format!("/api/v1/teams/{wealth}/leads/999999"), Some(&admin), None).await.expect_problem(404);
    app.send("PUT", &format!("/api/v1/teams/999999/leads/{lena}"), Some(&admin), None).await.expect_problem(404);
    app.send("DELETE", &format!("/api/v1/teams/999999/leads/{lena}"), Some(&admin), None).await.expect_problem(404);
    app.send("PUT", &wealth_lead, Some(&hr), None).await.expect_problem(403);
    app.send("DELETE", &retail_lead, Some(&hr), None).await.expect_problem(403);
    app.send("DELETE", &retail_lead, Some(&token), None).await.expect_problem(403);
    assert_eq!(lead_ids(&app, &admin, wealth).await, json!([]));
    assert_eq!(lead_ids(&app, &admin, retail).await, json!([lena.to_string()]));
    assert_eq!(seen(&app, &token).await, vec!["Corner Shop"]);
});
