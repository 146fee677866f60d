//! The continuity figures over HTTP: the risk dashboard, an employee's exposure and the
//! departure what-if, with their visibility rules.

mod common;

use common::TestApp;
use continuity_domain::Role;
use serde_json::{json, Value};

struct Book {
    admin: String,
    lead: String,
    member: String,
    hr: String,
    ana: i64,
    ben: i64,
    solo_account: String,
    shared_account: String,
    team_id: i64,
}

/// Ana holds "Solo" (value 1 000 000) alone; "Shared" (value 300 000) is held by Ana and Ben.
async fn book(app: &TestApp) -> Book {
    let team_id = app.create_team("Corporate");
    let other_team = app.create_team("Retail");
    app.create_staff(team_id);
    let ana = app.create_user("ana@example.com", Role::Member, Some(team_id));
    let ben = app.create_user("ben@example.com", Role::Member, Some(team_id));
    app.create_user("cleo@example.com", Role::Member, Some(other_team));
    let admin = app.token("admin@example.com").await;
    let mut ids = Vec::new();
    for (name, value, holders) in [("Solo", 1_000_000, vec![ana]), ("Shared", 300_000, vec![ana, ben])] {
        let account = app
            .create_account(
                &admin,
                json!({"name": name, "tier": "A", "region": "EMEA", "team_id": team_id.to_string(),
                       "annual_value_minor": value, "currency": "EUR"}),
            )
            .await;
        let account_id = account.body["id"].as_str().expect("id").to_owned();
        let contact = app
            .add_contact(&admin, &account_id, json!({"name": format!("{name} CFO"), "influence": "decision_maker"}))
            .await;
        let contact_id = contact.body["id"].as_str().expect("id").to_owned();
        for holder in &holders {
            let put = app.put_on_team(&admin, &account_id, *holder, "owner", "edit").await;
            assert_eq!(put.status, 201, "{}", put.body);
            let meeting = app
                .log_interaction(
                    &admin,
                    &account_id,
                    json!({"kind": "meeting", "occurred_at": chrono::Utc::now() - chrono::Duration::days(3),
                           "employee_ids": [holder.to_string()], "contact_ids": [contact_id]}),
                )
                .await;
            assert_eq!(meeting.status, 201, "{}", meeting.body);
        }
        ids.push(account_id);
    }
    Book {
        admin,
        lead: app.token("lead@example.com").await,
        member: app.token("ana@example.com").await,
        hr: app.token("hr@example.com").await,
        ana,
        ben,
        solo_account: ids[0].clone(),
        shared_account: ids[1].clone(),
        team_id,
    }
}

api_test!(fn the_dashboard_sums_the_team_and_is_not_for_members(app) {
    let b = book(&app).await;
    let summary = app.send("GET", "/api/v1/risk/summary", Some(&b.lead), None).await;
    assert_eq!(summary.status, 200, "{}", summary.body);
    assert_eq!(summary.body["value_minor"], 1_300_000);
    assert_eq!(summary.body["flag_counts"]["key_person"], 1, "Solo hangs on Ana: {}", summary.body);
    assert_eq!(summary.body["key_person_value_minor"], 1_000_000);
    assert_eq!(summary.body["truck_factor"]["size"], 1, "Ana alone holds more than half the value");
    assert_eq!(summary.body["truck_factor"]["order"], json!([b.ana.to_string()]));
    assert_eq!(summary.body["top_exposed"][0]["id"], json!(b.solo_account));
    let member = app.send("GET", "/api/v1/risk/summary", Some(&b.member), None).await;
    member.expect_problem(403);
    let foreign = app.send("GET", &format!("/api/v1/risk/summary?team_id={}", b.team_id + 1), Some(&b.lead), None).await;
    foreign.expect_problem(404);
    let hr = app.send("GET", &format!("/api/v1/risk/summary?team_id={}", b.team_id), Some(&b.hr), None).await;
    assert_eq!(hr.body["value_minor"], 1_300_000);
    let at_risk = app.send("GET", "/api/v1/risk/accounts?flag=key_person", Some(&b.lead), None).await;
    let ids: Vec<&str> = at_risk.body["items"].as_array().expect("items").iter().filter_map(|a| a["id"].as_str()).collect();
    assert_eq!(ids, [b.solo_account.as_str()]);
});

api_test!(fn hr_sees_what_an_employee_holds_alone(app) {
    let b = book(&app).await;
    let exposure = app.send("GET", &format!("/api/v1/users/{}/exposure", b.ana), Some(&b.hr), None).await;
    assert_eq!(exposure.status, 200, "{}", exposure.body);
    assert_eq!(exposure.body["orphaned_value_minor"], 1_000_000);
    assert_eq!(exposure.body["share_weighted_exposure_minor"], 1_150_000, "all of Solo and half of Shared");
    let sole: Vec<(Value, Value)> = exposure.body["accounts"].as_array().expect("accounts").iter()
        .map(|a| (a["account_id"].clone(), a["sole_holder"].clone())).collect();
    assert!(sole.contains(&(json!(b.solo_account), json!(true))), "{sole:?}");
    assert!(sole.contains(&(json!(b.shared_account), json!(false))), "{sole:?}");
    assert_eq!(exposure.body["contacts_only_they_know"].as_array().map(Vec::len), Some(1));
    let own = app.send("GET", &format!("/api/v1/users/{}/exposure", b.ana), Some(&b.member), None).await;
    assert_eq!(own.status, 200);
    let other = app.send("GET", &format!("/api/v1/users/{}/exposure", b.ben), Some(&b.member), None).await;
    other.expect_problem(404);
});

api_test!(fn a_departure_what_if_reports_the_orphaned_value_and_changes_nothing(app) {
    let b = book(&app).await;
    let before = app.send("GET", &format!("/api/v1/accounts/{}/risk", b.solo_account), Some(&b.admin), None).await;
    let report = app.send("POST", "/api/v1/simulations/departure", Some(&b.hr), Some(json!({"user_ids": [b.ana.to_string()]}))).await;
    assert_eq!(report.status, 200, "{}", report.body);
    assert_eq!(report.body["orphaned_value_minor"], 1_000_000);
    assert_eq!(report.body["no_owner_account_ids"], json!([b.solo_account]));
    assert_eq!(report.body["majority_held_value_minor"], 1_300_000, "Ana holds at least half of both");
    let flagged: Vec<&str> = report.body["newly_flagged"].as_array().expect("list").iter().filter_map(|f| f["account_id"].as_str()).collect();
    assert!(flagged.contains(&b.shared_account.as_str()), "Shared becomes single-owned: {}", report.body);
    let after = app.send("GET", &format!("/api/v1/accounts/{}/risk", b.solo_account), Some(&b.admin), None).await;
    assert_eq!(before.body["flags"], after.body["flags"]);
    assert_eq!(before.body["score"], after.body["score"]);
    let both = app.send("POST", "/api/v1/simulations/departure", Some(&b.hr), Some(json!({"user_ids": [b.ana.to_string(), b.ben.to_string()]}))).await;
    assert_eq!(both.body["orphaned_value_minor"], 1_300_000);
    let bad = app.send("POST", "/api/v1/simulations/departure", Some(&b.hr), Some(json!({"user_ids": ["99999"]}))).await;
    assert_eq!(bad.expect_problem(422).as_deref(), Some("user_ids[0]"));
    let member = app.send("POST", "/api/v1/simulations/departure", Some(&b.member), Some(json!({"user_ids": [b.ben.to_string()]}))).await;
    member.expect_problem(403);
});

fn time_of(value: &Value) -> chrono::DateTime<chrono::Utc> {
    value.as_str().and_then(|text| text.parse().ok()).unwrap_or_else(|| panic!("not a time: {value}"))
}

fn has_flag(figures: &Value, code: &str) -> bool {
    figures["flags"].as_array().expect("flags").iter().any(|flag| flag["code"] == code)
}

api_test!(fn a_stale_account_stays_stale_after_a_newsletter_and_a_note_and_turns_fresh_after_a_call(app) {
    let team_id = app.create_team("Corporate");
    app.create_staff(team_id);
    let ana = app.create_user("ana@example.com", Role::Member, Some(team_id));
    let admin = app.token("admin@example.com").await;
    let account = app
        .create_account(
            &admin,
            json!({"name": "Dijkstra Dairy", "tier": "B", "region": "EMEA", "team_id": team_id.to_string(),
                   "annual_value_minor": 1_000_000, "currency": "EUR"}),
        )
        .await;
    let account_id = account.body["id"].as_str().expect("id").to_owned();
    let contact = app.add_contact(&admin, &account_id, json!({"name": "Dirk Dijkstra", "influence": "decision_maker"})).await;
    let contact_id = contact.body["id"].as_str().expect("id").to_owned();
    assert_eq!(app.put_on_team(&admin, &account_id, ana, "owner", "edit").await.status, 201);
    let talked_at = chrono::Utc::now() - chrono::Duration::days(120);
    let call = app
        .log_interaction(&admin, &account_id, json!({"kind": "call", "occurred_at": talked_at,
            "employee_ids": [ana.to_string()], "contact_ids": [contact_id]}))
        .await;
    assert_eq!(call.status, 201, "{}", call.body);
    let risk_path = format!("/api/v1/accounts/{account_id}/risk");
    let stale = app.send("GET", &risk_path, Some(&admin), None).await;
    assert!(has_flag(&stale.body, "stale"), "{}", stale.body);
    let explanation = stale.body["flags"].as_array().expect("flags").iter()
        .find(|flag| flag["code"] == "stale").and_then(|flag| flag["explanation"].as_str()).expect("explanation");
    assert_eq!(explanation, format!("No conversation with a client contact for 120 days (last on {})", talked_at.date_naive()));
    assert!((time_of(&stale.body["last_contact_at"]) - talked_at).num_milliseconds().abs() < 1, "{}", stale.body);

    // A firm-wide newsletter logs an e-mail in the firm's name on the account, dated now.
    let campaign = app
        .send("POST", "/api/v1/campaigns", Some(&admin),
            Some(json!({"name": "Autumn newsletter", "kind": "mailing", "target": {"filter": {}}})))
        .await;
    assert_eq!(campaign.status, 201, "{}", campaign.body);
    let campaign_id = campaign.body["id"].as_str().expect("id");
    let version = campaign.body["version"].as_i64().expect("version");
    let sent = app.send_if_match("POST", &format!("/api/v1/campaigns/{campaign_id}/send"), &admin, version, Some(json!({}))).await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    assert_eq!(sent.body["included_accounts"], 1);
    let after_newsletter = app.send("GET", &risk_path, Some(&admin), None).await;
    assert!(has_flag(&after_newsletter.body, "stale"), "a newsletter is no conversation: {}", after_newsletter.body);
    assert!(time_of(&after_newsletter.body["last_interaction_at"]) > talked_at + chrono::Duration::days(119));
    assert_eq!(after_newsletter.body["last_contact_at"], stale.body["last_contact_at"]);
    // The newsletter is a tie to the firm: it damps the flags that hang on Ana, and the
    // exposure follows the score.
    assert!(after_newsletter.body["institutional_score"].as_f64().expect("score") > 0.0);
    let (before_score, after_score) = (stale.body["score"].as_i64().expect("score"), after_newsletter.body["score"].as_i64().expect("score"));
    assert!(after_score < before_score, "{before_score} → {after_score}");
    assert_eq!(after_newsletter.body["exposure_minor"], json!(10_000 * after_score));

    // An internal note about the client, naming the contact, is no conversation either.
    let note = app
        .log_interaction(&admin, &account_id, json!({"kind": "note", "occurred_at": chrono::Utc::now(),
            "summary": "Dirk is thinking about a second site", "employee_ids": [ana.to_string()], "contact_ids": [contact_id]}))
        .await;
    assert_eq!(note.status, 201, "{}", note.body);
    let after_note = app.send("GET", &risk_path, Some(&admin), None).await;
    assert!(has_flag(&after_note.body, "stale"), "{}", after_note.body);
    assert_eq!(after_note.body["last_contact_at"], stale.body["last_contact_at"]);
    let listed = app.send("GET", "/api/v1/risk/accounts?flag=stale", Some(&admin), None).await;
    let items = listed.body["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "{}", listed.body);
    assert_eq!(items[0]["id"], json!(account_id));
    assert_eq!(items[0]["last_contact_at"], stale.body["last_contact_at"]);

    // A call with the client contact: the account is fresh, and the list says when.
    let called_at = chrono::Utc::now();
    let call = app
        .log_interaction(&admin, &account_id, json!({"kind": "call", "occurred_at": called_at,
            "employee_ids": [ana.to_string()], "contact_ids": [contact_id]}))
        .await;
    assert_eq!(call.status, 201, "{}", call.body);
    let fresh = app.send("GET", &risk_path, Some(&admin), None).await;
    assert!(!has_flag(&fresh.body, "stale"), "{}", fresh.body);
    assert!((time_of(&fresh.body["last_contact_at"]) - called_at).num_milliseconds().abs() < 1, "{}", fresh.body);
    let list = app.send("GET", "/api/v1/accounts", Some(&admin), None).await;
    let item = list.body["items"].as_array().expect("items").iter().find(|item| item["id"] == json!(account_id)).cloned().expect("listed");
    assert_eq!(item["last_contact_at"], fresh.body["last_contact_at"]);
    assert!(!item["flags"].as_array().expect("flags").iter().any(|code| code == "stale"), "{item}");
    let still_stale = app.send("GET", "/api/v1/risk/accounts?flag=stale", Some(&admin), None).await;
    assert_eq!(still_stale.body["items"], json!([]));
});
