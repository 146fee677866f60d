//! The everyday CRM end to end: accounts, contacts, account teams and interactions, with
//! optimistic concurrency, validation that writes nothing, and figures kept current.

mod common;

use common::{Response, TestApp};
use continuity_domain::Role;
use serde_json::{json, Value};

struct Setup {
    admin: String,
    team_id: i64,
    ana: i64,
    ben: i64,
}

async fn setup(app: &TestApp) -> Setup {
    let team_id = app.create_team("Private Banking");
    app.create_user("admin@example.com", Role::Admin, None);
    let ana = app.create_user("ana@example.com", Role::Member, Some(team_id));
    let ben = app.create_user("ben@example.com", Role::Member, Some(team_id));
    Setup { admin: app.token("admin@example.com").await, team_id, ana, ben }
}

async fn create_account(app: &TestApp, token: &str, team_id: i64, name: &str, value: i64) -> Response {
    app.send(
        "POST",
        "/api/v1/accounts",
        Some(token),
        Some(json!({"name": name, "tier": "B", "region": "Nordics", "team_id": team_id.to_string(),
                    "annual_value_minor": value, "currency": "EUR"})),
    )
    .await
}

fn id(answer: &Response) -> String {
    answer.body["id"].as_str().unwrap_or_else(|| panic!("no id in {}", answer.body)).to_owned()
}

async fn audit_count(app: &TestApp, token: &str, entity: &str, entity_id: &str, action: &str) -> usize {
    let answer =
        app.send("GET", &format!("/api/v1/audit?entity={entity}&entity_id={entity_id}"), Some(token), None).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.body["items"].as_array().expect("items").iter().filter(|entry| entry["action"] == action).count()
}

api_test!(fn two_editors_with_the_same_etag_one_wins_the_other_gets_412(app) {
    let s = setup(&app).await;
    let account = create_account(&app, &s.admin, s.team_id, "Fjord Capital", 500_000).await;
    let account_id = id(&account);
    let etag = account.header("etag").expect("etag");
    assert_eq!(etag, format!("\"{}\"", account.body["version"]));
    let version = account.body["version"].as_i64().expect("version");
    let path = format!("/api/v1/accounts/{account_id}");
    let (first, second) = tokio::join!(
        app.send_if_match("PATCH", &path, &s.admin, version, Some(json!({"region": "Baltics"}))),
        app.send_if_match("PATCH", &path, &s.admin, version, Some(json!({"region": "Iberia"}))),
    );
    let mut statuses = [first.status, second.status];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 412], "{} / {}", first.body, second.body);
    let loser = if first.status == 412 { &first } else { &second };
    loser.expect_problem(412);
    let winner = if first.status == 200 { &first } else { &second };
    let now = app.send("GET", &path, Some(&s.admin), None).await;
    assert_eq!(now.body["region"], winner.body["region"]);
    assert_eq!(audit_count(&app, &s.admin, "account", &account_id, "update").await, 1);

    let without = app.send("PATCH", &path, Some(&s.admin), Some(json!({"region": "Benelux"}))).await;
    without.expect_problem(428);
});

api_test!(fn bad_account_input_names_the_field_and_writes_nothing(app) {
    let s = setup(&app).await;
    let cases = [
        (json!({"name": "", "tier": "A", "region": "X", "team_id": s.team_id.to_string(), "annual_value_minor": 1, "currency": "EUR"}), "name"),
        (json!({"name": "N", "tier": "D", "region": "X", "team_id": s.team_id.to_string(), "annual_value_minor": 1, "currency": "EUR"}), "tier"),
        (json!({"name": "N", "tier": "A", "region": "X", "team_id": s.team_id.to_string(), "annual_value_minor": 1, "currency": "EUT"}), "currency"),
        (json!({"name": "N", "tier": "A", "region": "X", "team_id": s.team_id.to_string(), "annual_value_minor": -5, "currency": "EUR"}), "annual_value_minor"),
        (json!({"name": "N", "tier": "A", "region": "X", "team_id": "999", "annual_value_minor": 1, "currency": "EUR"}), "team_id"),
        (json!({"name": "N", "tier": "A", "region": "X", "team_id": s.team_id.to_string(), "annual_value_minor": "lots", "currency": "EUR"}), "annual_value_minor"),
        (json!({"name": "N", "tier": "A", "region": "X", "team_id": s.team_id.to_string(), "annual_value_minor": 1, "currency": "EUR", "colour": "red"}), "colour"),
    ];
    for (body, field) in cases {
        let answer = app.send("POST", "/api/v1/accounts", Some(&s.admin), Some(body.clone())).await;
        assert!(matches!(answer.status, 400 | 422), "{body}: {}", answer.body);
        assert_eq!(answer.body["field"], json!(field), "{body}: {}", answer.body);
    }
    let list = app.send("GET", "/api/v1/accounts", Some(&s.admin), None).await;
    assert_eq!(list.body["items"], json!([]), "nothing was written");
});

api_test!(fn an_interaction_with_a_contact_of_another_account_is_refused_and_writes_nothing(app) {
    let s = setup(&app).await;
    let mine = id(&create_account(&app, &s.admin, s.team_id, "Mine", 1).await);
    let theirs = id(&create_account(&app, &s.admin, s.team_id, "Theirs", 1).await);
    let stranger = app.send("POST", &format!("/api/v1/accounts/{theirs}/contacts"), Some(&s.admin),
        Some(json!({"name": "Stranger", "influence": "user"}))).await;
    let stranger = id(&stranger);
    let path = format!("/api/v1/accounts/{mine}/interactions");
    let now = chrono::Utc::now();
    let cases = [
        (json!({"kind": "meeting", "occurred_at": now, "employee_ids": [s.ana.to_string()], "contact_ids": [stranger]}), "contact_ids"),
        (json!({"kind": "meeting", "occurred_at": now, "employee_ids": ["424242"]}), "employee_ids"),
        (json!({"kind": "meeting", "occurred_at": now + chrono::Duration::days(3), "employee_ids": [s.ana.to_string()]}), "occurred_at"),
        (json!({"kind": "meeting", "occurred_at": "last tuesday", "employee_ids": [s.ana.to_string()]}), "occurred_at"),
        (json!({"kind": "lunch", "occurred_at": now, "employee_ids": [s.ana.to_string()]}), "kind"),
        (json!({"kind": "call", "occurred_at": now, "employee_ids": [s.ana.to_string()], "complaint_status": "open"}), "complaint_status"),
        (json!({"kind": "call", "occurred_at": now, "employee_ids": ["x"]}), "employee_ids[0]"),
    ];
    for (body, field) in cases {
        let answer = app.send("POST", &path, Some(&s.admin), Some(body.clone())).await;
        assert!(matches!(answer.status, 400 | 422), "{body}: {}", answer.body);
        assert_eq!(answer.body["field"], json!(field), "{body}: {}", answer.body);
    }
    let timeline = app.send("GET", &path, Some(&s.admin), None).await;
    assert_eq!(timeline.body["items"], json!([]));
    assert_eq!(audit_count(&app, &s.admin, "interaction", "1", "create").await, 0);
});

api_test!(fn a_co_owner_who_meets_the_client_clears_the_key_person_flag(app) {
    let s = setup(&app).await;
    let ana_token = app.token("ana@example.com").await;
    let account = create_account(&app, &ana_token, s.team_id, "Aurora Shipping", 2_000_000).await;
    assert_eq!(account.status, 201, "{}", account.body);
    let account_id = id(&account);
    let team = app.send("GET", &format!("/api/v1/accounts/{account_id}/team"), Some(&ana_token), None).await;
    assert_eq!(team.body["items"][0]["user_id"], json!(s.ana.to_string()), "the creating member owns the account");
    assert_eq!(team.body["items"][0]["role"], "owner");
    let contact = id(&app.send("POST", &format!("/api/v1/accounts/{account_id}/contacts"), Some(&ana_token),
        Some(json!({"name": "Ingrid Berg", "job_title": "CFO", "influence": "decision_maker", "email": "ingrid@aurora.example"}))).await);
    let log = |employee: i64, days_ago: i64| json!({
        "kind": "meeting", "occurred_at": chrono::Utc::now() - chrono::Duration::days(days_ago),
        "summary": "Review", "employee_ids": [employee.to_string()], "contact_ids": [contact.clone()]});
    for days_ago in [40, 20, 5] {
        let answer = app.send("POST", &format!("/api/v1/accounts/{account_id}/interactions"), Some(&ana_token), Some(log(s.ana, days_ago))).await;
        assert_eq!(answer.status, 201, "{}", answer.body);
    }
    let risk = app.send("GET", &format!("/api/v1/accounts/{account_id}/risk"), Some(&ana_token), None).await;
    let codes = |risk: &Value| risk["flags"].as_array().expect("flags").iter().map(|f| f["code"].as_str().unwrap_or("").to_owned()).collect::<Vec<_>>();
    assert!(codes(&risk.body).contains(&"key_person".to_owned()), "{}", risk.body);
    assert_eq!(risk.body["bus_factor"], 1);
    let explanation = risk.body["flags"].as_array().expect("flags").iter().find(|f| f["code"] == "key_person").expect("flag")["explanation"].as_str().expect("text").to_owned();
    assert!(explanation.contains("ana"), "the explanation names the person: {explanation}");

    let put = app.send("PUT", &format!("/api/v1/accounts/{account_id}/team/{}", s.ben), Some(&ana_token),
        Some(json!({"role": "co_owner", "access": "edit"}))).await;
    assert_eq!(put.status, 201, "{}", put.body);
    for days_ago in [30, 10, 2] {
        let answer = app.send("POST", &format!("/api/v1/accounts/{account_id}/interactions"), Some(&ana_token), Some(log(s.ben, days_ago))).await;
        assert_eq!(answer.status, 201, "{}", answer.body);
    }
    let risk = app.send("GET", &format!("/api/v1/accounts/{account_id}/risk"), Some(&ana_token), None).await;
    assert!(!codes(&risk.body).contains(&"key_person".to_owned()), "{}", risk.body);
    assert_eq!(risk.body["bus_factor"], 2);
    assert!(risk.body["n_eff"].as_f64().expect("n_eff") > 1.5);
    let listed = app.send("GET", "/api/v1/accounts?flag=key_person", Some(&ana_token), None).await;
    assert_eq!(listed.body["items"], json!([]), "the list filter reads the same stored figures");
});

api_test!(fn a_complaint_stays_open_until_resolved(app) {
    let s = setup(&app).await;
    let account_id = id(&create_account(&app, &s.admin, s.team_id, "Complainer", 10).await);
    let put = app.send("PUT", &format!("/api/v1/accounts/{account_id}/team/{}", s.ben), Some(&s.admin),
        Some(json!({"role": "co_owner", "access": "edit"}))).await;
    assert_eq!(put.status, 201, "{}", put.body);
    let complaint = app.send("POST", &format!("/api/v1/accounts/{account_id}/interactions"), Some(&s.admin),
        Some(json!({"kind": "complaint", "occurred_at": chrono::Utc::now(), "summary": "Late statement",
                    "employee_ids": [s.ana.to_string()], "follow_up_owner_id": s.ben.to_string(), "follow_up_due": "2030-01-31"}))).await;
    assert_eq!(complaint.status, 201, "{}", complaint.body);
    assert_eq!(complaint.body["complaint_status"], "open");
    let open = app.send("GET", "/api/v1/accounts?flag=open_complaint", Some(&s.admin), None).await;
    assert_eq!(open.body["items"].as_array().map(Vec::len), Some(1));
    let path = format!("/api/v1/interactions/{}", id(&complaint));
    let version = complaint.body["version"].as_i64().expect("version");
    let resolved = app.send_if_match("PATCH", &path, &s.admin, version,
        Some(json!({"complaint_status": "resolved", "resolution": "Statement resent"}))).await;
    assert_eq!(resolved.status, 200, "{}", resolved.body);
    assert!(resolved.body["resolved_at"].is_string());
    let open = app.send("GET", "/api/v1/accounts?flag=open_complaint", Some(&s.admin), None).await;
    assert_eq!(open.body["items"], json!([]));
    let stale = app.send_if_match("PATCH", &path, &s.admin, version, Some(json!({"complaint_status": "open"}))).await;
    stale.expect_problem(412);
});

api_test!(fn account_pages_are_stable_filtered_and_sorted(app) {
    let s = setup(&app).await;
    for (index, name) in ["delta", "Alpha", "charlie", "bravo", "echo", "Alpha"].iter().enumerate() {
        let answer = create_account(&app, &s.admin, s.team_id, name, 1000 * (index as i64 + 1)).await;
        assert_eq!(answer.status, 201, "{}", answer.body);
    }
    let mut names = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor { Some(c) => format!("/api/v1/accounts?limit=2&cursor={c}"), None => "/api/v1/accounts?limit=2".into() };
        let page = app.send("GET", &path, Some(&s.admin), None).await;
        assert_eq!(page.status, 200, "{}", page.body);
        names.extend(page.body["items"].as_array().expect("items").iter().map(|a| a["name"].as_str().unwrap_or("").to_owned()));
        match page.body["next_cursor"].as_str() { Some(next) => cursor = Some(next.to_owned()), None => break }
    }
    assert_eq!(names, ["Alpha", "Alpha", "bravo", "charlie", "delta", "echo"]);
    let by_value = app.send("GET", "/api/v1/accounts?sort=annual_value&limit=3", Some(&s.admin), None).await;
    let values: Vec<i64> = by_value.body["items"].as_array().expect("items").iter().filter_map(|a| a["annual_value_minor"].as_i64()).collect();
    assert_eq!(values, [6000, 5000, 4000]);
    let search = app.send("GET", "/api/v1/accounts?q=ALP", Some(&s.admin), None).await;
    assert_eq!(search.body["items"].as_array().map(Vec::len), Some(2));
    let wildcard = app.send("GET", "/api/v1/accounts?q=%25", Some(&s.admin), None).await;
    assert_eq!(wildcard.body["items"], json!([]), "a % in the search is a literal character");
    let bad = app.send("GET", "/api/v1/accounts?sort=colour", Some(&s.admin), None).await;
    assert_eq!(bad.expect_problem(422).as_deref(), Some("sort"));
    let bad = app.send("GET", "/api/v1/accounts?flag=unlucky", Some(&s.admin), None).await;
    assert_eq!(bad.expect_problem(422).as_deref(), Some("flag"));
});

api_test!(fn a_contact_who_changes_jobs_keeps_their_history(app) {
    let s = setup(&app).await;
    let old_account = id(&create_account(&app, &s.admin, s.team_id, "Old Employer", 10).await);
    let new_account = id(&create_account(&app, &s.admin, s.team_id, "New Employer", 10).await);
    let contact = app.send("POST", &format!("/api/v1/accounts/{old_account}/contacts"), Some(&s.admin),
        Some(json!({"name": "Mia Lund", "job_title": "Treasurer", "influence": "champion"}))).await;
    let contact_id = id(&contact);
    let meeting = app.send("POST", &format!("/api/v1/accounts/{old_account}/interactions"), Some(&s.admin),
        Some(json!({"kind": "meeting", "occurred_at": chrono::Utc::now(), "employee_ids": [s.ana.to_string()], "contact_ids": [contact_id]}))).await;
    assert_eq!(meeting.status, 201);
    let moved = app.send_if_match("POST", &format!("/api/v1/contacts/{contact_id}/move"), &s.admin,
        contact.body["version"].as_i64().expect("version"), Some(json!({"account_id": new_account, "job_title": "CFO"}))).await;
    assert_eq!(moved.status, 201, "{}", moved.body);
    assert!(moved.body["previous"]["left_at"].is_string());
    assert_eq!(moved.body["current"]["previous_contact_id"], json!(contact_id));
    assert_eq!(moved.body["current"]["job_title"], "CFO");
    let old_risk = app.send("GET", &format!("/api/v1/accounts/{old_account}/risk"), Some(&s.admin), None).await;
    let codes: Vec<&str> = old_risk.body["flags"].as_array().expect("flags").iter().filter_map(|f| f["code"].as_str()).collect();
    assert!(codes.contains(&"champion_left"), "{}", old_risk.body);
    let timeline = app.send("GET", &format!("/api/v1/accounts/{old_account}/interactions"), Some(&s.admin), None).await;
    assert_eq!(timeline.body["items"][0]["contact_ids"], json!([contact_id]), "the history stays on the old account");
});

api_test!(fn a_referral_link_shows_from_both_accounts(app) {
    let s = setup(&app).await;
    let referrer = id(&create_account(&app, &s.admin, s.team_id, "Referrer", 10).await);
    let referred = id(&create_account(&app, &s.admin, s.team_id, "Newcomer", 10).await);
    let link = app.send("POST", &format!("/api/v1/accounts/{referred}/links"), Some(&s.admin),
        Some(json!({"other_account_id": referrer, "kind": "referred_by"}))).await;
    assert_eq!(link.status, 201, "{}", link.body);
    let twice = app.send("POST", &format!("/api/v1/accounts/{referred}/links"), Some(&s.admin),
        Some(json!({"other_account_id": referrer, "kind": "referred_by"}))).await;
    assert_eq!(twice.expect_problem(409).as_deref(), Some("other_account_id"));
    let own = app.send("POST", &format!("/api/v1/accounts/{referred}/links"), Some(&s.admin),
        Some(json!({"other_account_id": referred, "kind": "partner"}))).await;
    assert_eq!(own.expect_problem(422).as_deref(), Some("other_account_id"));
    let from_referrer = app.send("GET", &format!("/api/v1/accounts/{referrer}/links"), Some(&s.admin), None).await;
    assert_eq!(from_referrer.body["items"][0]["direction"], "incoming");
    assert_eq!(from_referrer.body["items"][0]["other_account_name"], "Newcomer");
    let ana = app.token("ana@example.com").await;
    let hidden = app.send("GET", &format!("/api/v1/accounts/{referrer}/links"), Some(&ana), None).await;
    hidden.expect_problem(404);
    let link_id = link.body["id"].as_str().expect("id");
    let deleted = app.send("DELETE", &format!("/api/v1/accounts/{referrer}/links/{link_id}"), Some(&s.admin), None).await;
    assert_eq!(deleted.status, 204);
    let none = app.send("GET", &format!("/api/v1/accounts/{referred}/links"), Some(&s.admin), None).await;
    assert_eq!(none.body["items"], json!([]));
});

api_test!(fn a_default_team_joins_every_account_its_owner_creates(app) {
    let s = setup(&app).await;
    let ana = app.token("ana@example.com").await;
    let bad = app.send("PUT", &format!("/api/v1/users/{}/default-team", s.ana), Some(&ana),
        Some(json!({"members": [{"user_id": "777", "role": "co_owner", "access": "edit"}]}))).await;
    assert_eq!(bad.expect_problem(422).as_deref(), Some("members"));
    let set = app.send("PUT", &format!("/api/v1/users/{}/default-team", s.ana), Some(&ana),
        Some(json!({"members": [{"user_id": s.ben.to_string(), "role": "co_owner", "access": "edit"}]}))).await;
    assert_eq!(set.status, 200, "{}", set.body);
    let account = id(&create_account(&app, &ana, s.team_id, "Willow Bank", 10).await);
    let team = app.send("GET", &format!("/api/v1/accounts/{account}/team"), Some(&ana), None).await;
    let members: Vec<(&str, &str)> = team.body["items"].as_array().expect("items").iter()
        .map(|a| (a["user_id"].as_str().unwrap_or(""), a["role"].as_str().unwrap_or(""))).collect();
    assert_eq!(members, [(s.ana.to_string().as_str(), "owner"), (s.ben.to_string().as_str(), "co_owner")]);
    let other = app.send("GET", &format!("/api/v1/users/{}/default-team", s.ben), Some(&ana), None).await;
    other.expect_problem(404);
});
