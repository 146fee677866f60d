//! HR changes to employees: a leave date raises `departing_holder` at once, the deactivation
//! guard refuses a departure that would orphan accounts, and departed users lose access.
//! Coverage policies change `policy_breach` at once.

mod common;

use continuity_domain::Role;
use serde_json::{json, Value};

fn codes(risk: &Value) -> Vec<String> {
    risk["flags"]
        .as_array()
        .map(|flags| flags.iter().filter_map(|f| f["code"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

api_test!(fn a_leave_date_flags_the_accounts_and_the_guard_blocks_the_departure(app) {
    let team = app.create_team("Wealth");
    app.create_user("admin@example.com", Role::Admin, None);
    app.create_user("hr@example.com", Role::Hr, None);
    let dan = app.create_user("dan@example.com", Role::Member, Some(team));
    let admin = app.token("admin@example.com").await;
    let hr = app.token("hr@example.com").await;
    let dan_login = app.login("dan@example.com", common::PASSWORD).await;
    let dan_refresh = dan_login.body["refresh_token"].as_str().expect("refresh").to_owned();
    let dan_token = dan_login.body["access_token"].as_str().expect("token").to_owned();

    let account = app.send("POST", "/api/v1/accounts", Some(&admin), Some(json!({"name": "Harbour Trust", "tier": "B",
        "region": "North", "team_id": team.to_string(), "annual_value_minor": 250_000, "currency": "EUR"}))).await;
    let account_id = account.body["id"].as_str().expect("id").to_owned();
    let put = app.send("PUT", &format!("/api/v1/accounts/{account_id}/team/{dan}"), Some(&admin), Some(json!({"role": "owner", "access": "edit"}))).await;
    assert_eq!(put.status, 201);
    let risk_path = format!("/api/v1/accounts/{account_id}/risk");
    let before = app.send("GET", &risk_path, Some(&hr), None).await;
    assert!(!codes(&before.body).contains(&"departing_holder".to_owned()));

    let user_path = format!("/api/v1/users/{dan}");
    let user = app.send("GET", &user_path, Some(&hr), None).await;
    let version = user.body["version"].as_i64().expect("version");
    let leaving = app.send_if_match("PATCH", &user_path, &hr, version, Some(json!({"status": "leaving", "leave_date": "2099-01-31", "non_solicitation_until": "2100-01-31"}))).await;
    assert_eq!(leaving.status, 200, "{}", leaving.body);
    let after = app.send("GET", &risk_path, Some(&hr), None).await;
    assert!(codes(&after.body).contains(&"departing_holder".to_owned()), "{}", after.body);

    let version = leaving.body["version"].as_i64().expect("version");
    let refused = app.send_if_match("PATCH", &user_path, &hr, version, Some(json!({"status": "departed"}))).await;
    assert_eq!(refused.expect_problem(409).as_deref(), Some("status"));
    assert_eq!(refused.body["account_ids"], json!([account_id]));
    let still = app.send("GET", &user_path, Some(&hr), None).await;
    assert_eq!(still.body["status"], "leaving", "a refused departure changes nothing");
    let hr_rename = app.send_if_match("PATCH", &user_path, &hr, version, Some(json!({"role": "admin"}))).await;
    hr_rename.expect_problem(403);

    let ben = app.create_user("ben@example.com", Role::Member, Some(team));
    let account_version = app.send("GET", &format!("/api/v1/accounts/{account_id}/team"), Some(&admin), None).await.body["items"][0]["version"].as_i64().expect("v");
    let co = app.send("PUT", &format!("/api/v1/accounts/{account_id}/team/{ben}"), Some(&admin), Some(json!({"role": "owner", "access": "edit"}))).await;
    assert_eq!(co.status, 201);
    let closed = app.send_if_match("DELETE", &format!("/api/v1/accounts/{account_id}/team/{dan}"), &admin, account_version, None).await;
    assert_eq!(closed.status, 200, "{}", closed.body);
    let departed = app.send_if_match("PATCH", &user_path, &hr, version, Some(json!({"status": "departed"}))).await;
    assert_eq!(departed.status, 200, "{}", departed.body);
    let me = app.send("GET", "/api/v1/me", Some(&dan_token), None).await;
    me.expect_problem(401);
    let refresh = app.send("POST", "/api/v1/auth/refresh", None, Some(json!({"refresh_token": dan_refresh}))).await;
    refresh.expect_problem(401);
});

api_test!(fn a_coverage_policy_flags_the_accounts_of_its_tier(app) {
    let team = app.create_team("Wealth");
    app.create_user("admin@example.com", Role::Admin, None);
    let member = app.create_user("ana@example.com", Role::Member, Some(team));
    let admin = app.token("admin@example.com").await;
    let account = app.send("POST", "/api/v1/accounts", Some(&admin), Some(json!({"name": "Summit", "tier": "A",
        "region": "North", "team_id": team.to_string(), "annual_value_minor": 900_000, "currency": "EUR"}))).await;
    let account_id = account.body["id"].as_str().expect("id").to_owned();
    app.send("PUT", &format!("/api/v1/accounts/{account_id}/team/{member}"), Some(&admin), Some(json!({"role": "owner", "access": "edit"}))).await;
    let risk_path = format!("/api/v1/accounts/{account_id}/risk");
    assert!(!codes(&app.send("GET", &risk_path, Some(&admin), None).await.body).contains(&"policy_breach".to_owned()));
    let policy = app.send("POST", "/api/v1/coverage-policies", Some(&admin), Some(json!({"tier": "A", "min_holders": 2, "min_current_contacts": 1}))).await;
    assert_eq!(policy.status, 201, "{}", policy.body);
    let risk = app.send("GET", &risk_path, Some(&admin), None).await;
    let breach = risk.body["flags"].as_array().expect("flags").iter().find(|f| f["code"] == "policy_breach").cloned();
    assert!(breach.is_some(), "{}", risk.body);
    let twice = app.send("POST", "/api/v1/coverage-policies", Some(&admin), Some(json!({"tier": "A", "min_holders": 1, "min_current_contacts": 1}))).await;
    assert_eq!(twice.expect_problem(409).as_deref(), Some("tier"));
    let bad = app.send("POST", "/api/v1/coverage-policies", Some(&admin), Some(json!({"tier": "B", "min_holders": -1, "min_current_contacts": 1}))).await;
    assert_eq!(bad.expect_problem(422).as_deref(), Some("min_holders"));
    let member_token = app.token("ana@example.com").await;
    let forbidden = app.send("POST", "/api/v1/coverage-policies", Some(&member_token), Some(json!({"tier": "C", "min_holders": 1, "min_current_contacts": 1}))).await;
    forbidden.expect_problem(403);
    let path = format!("/api/v1/coverage-policies/{}", policy.body["id"].as_str().expect("id"));
    let deleted = app.send_if_match("DELETE", &path, &admin, policy.body["version"].as_i64().expect("v"), None).await;
    assert_eq!(deleted.status, 204);
    assert!(!codes(&app.send("GET", &risk_path, Some(&admin), None).await.body).contains(&"policy_breach".to_owned()));
});
