//! Client events and the client network over HTTP: an event's touchpoints move institutional
//! scores and never personal shares; attendance edits follow; closed events are frozen;
//! visibility; the network view; the untied figures of the risk summary.

mod common;

use common::TestApp;
use continuity_domain::Role;
use serde_json::{json, Value};

struct Firm {
    admin: String,
    team_id: i64,
    other_team: i64,
    ana: i64,
    /// Three accounts of team Corporate, each with a contact and a personal meeting by Ana.
    accounts: Vec<String>,
    contacts: Vec<String>,
    /// An account of team Retail (value 500 000) with a contact and no tie.
    retail_account: String,
    retail_contact: String,
}

async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> Value {
    let answer = app.send("POST", path, Some(token), Some(body)).await;
    assert!(answer.status == 201 || answer.status == 200, "{path}: {} {}", answer.status, answer.body);
    answer.body
}

fn id(value: &Value) -> String {
    value["id"].as_str().expect("id").to_owned()
}

async fn account(app: &TestApp, admin: &str, name: &str, team_id: i64, value: i64) -> (String, String) {
    let account = post(
        app,
        admin,
        "/api/v1/accounts",
        json!({"name": name, "tier": "B", "region": "EMEA", "team_id": team_id.to_string(),
               "annual_value_minor": value, "currency": "EUR"}),
    )
    .await;
    let account_id = id(&account);
    let contact = post(
        app,
        admin,
        &format!("/api/v1/accounts/{account_id}/contacts"),
        json!({"name": format!("{name} CFO"), "influence": "decision_maker"}),
    )
    .await;
    (account_id, id(&contact))
}

/// Corporate: Alpha (100 000), Beta (200 000), Gamma (300 000), each with a contact and a
/// meeting of Ana's; Retail: Delta (500 000). Ana (member, edit) is on Alpha only; Cleo is a
/// member of Retail on Delta.
async fn firm(app: &TestApp) -> Firm {
    let team_id = app.create_team("Corporate");
    let other_team = app.create_team("Retail");
    app.create_user("admin@example.com", Role::Admin, None);
    let ana = app.create_user("ana@example.com", Role::Member, Some(team_id));
    let cleo = app.create_user("cleo@example.com", Role::Member, Some(other_team));
    let admin = app.token("admin@example.com").await;
    let mut accounts = Vec::new();
    let mut contacts = Vec::new();
    for (name, value) in [("Alpha", 100_000), ("Beta", 200_000), ("Gamma", 300_000)] {
        let (account_id, contact_id) = account(app, &admin, name, team_id, value).await;
        post(
            app,
            &admin,
            &format!("/api/v1/accounts/{account_id}/interactions"),
            json!({"kind": "meeting", "occurred_at": chrono::Utc::now() - chrono::Duration::days(5),
                   "employee_ids": [ana.to_string()], "contact_ids": [contact_id]}),
        )
        .await;
        accounts.push(account_id);
        contacts.push(contact_id);
    }
    let put = app.put_on_team(&admin, &accounts[0], ana, "owner", "edit").await;
    assert_eq!(put.status, 201, "{}", put.body);
    let (retail_account, retail_contact) = account(app, &admin, "Delta", other_team, 500_000).await;
    let put = app.put_on_team(&admin, &retail_account, cleo, "owner", "edit").await;
    assert_eq!(put.status, 201, "{}", put.body);
    Firm { admin, team_id, other_team, ana, accounts, contacts, retail_account, retail_contact }
}

async fn risk(app: &TestApp, token: &str, account_id: &str) -> Value {
    let answer = app.send("GET", &format!("/api/v1/accounts/{account_id}/risk"), Some(token), None).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.body
}

/// The personal shares of an account's figures: each holder's and each contact's share (the
/// strengths behind them decay by the second, the shares do not).
fn shares(figures: &Value) -> Vec<(String, Value)> {
    let holders = figures["holders"].as_array().into_iter().flatten();
    let contacts = figures["contacts"].as_array().into_iter().flatten();
    holders
        .map(|holder| (format!("user {}", holder["user_id"]), holder["share"].clone()))
        .chain(contacts.map(|contact| (format!("contact {}", contact["contact_id"]), contact["share"].clone())))
        .collect()
}

async fn client_day(app: &TestApp, token: &str, contacts: &[&str], employees: &[i64]) -> common::Response {
    app.send(
        "POST",
        "/api/v1/events",
        Some(token),
        Some(json!({"name": "Spring client day", "kind": "client_day",
                    "occurred_at": chrono::Utc::now() - chrono::Duration::days(2),
                    "summary": "Talks and dinner", "employee_ids": employees.iter().map(i64::to_string).collect::<Vec<_>>(),
                    "contact_ids": contacts})),
    )
    .await
}

api_test!(fn a_client_day_raises_institutional_scores_and_leaves_personal_shares_alone(app) {
    let firm = firm(&app).await;
    let mut before = Vec::new();
    for account_id in &firm.accounts {
        let figures = risk(&app, &firm.admin, account_id).await;
        assert_eq!(figures["institutional_score"], json!(0.0));
        before.push(figures);
    }
    let contacts: Vec<&str> = firm.contacts.iter().map(String::as_str).collect();
    let created = client_day(&app, &firm.admin, &contacts, &[firm.ana]).await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert!(created.header("etag").is_some());
    assert_eq!(created.body["status"], "open");
    assert_eq!(created.body["account_ids"].as_array().map(Vec::len), Some(3));
    assert_eq!(created.body["attendees"].as_array().map(Vec::len), Some(3));
    assert_eq!(created.body["attendees"][0]["account_name"], "Alpha");
    assert_eq!(created.body["hidden_attendees"], 0);
    let event_id = id(&created.body);
    for (account_id, before) in firm.accounts.iter().zip(&before) {
        let after = risk(&app, &firm.admin, account_id).await;
        let score = after["institutional_score"].as_f64().unwrap_or_default();
        assert!(score > 1.9 && score <= 2.0, "an event weighs 2, decayed two days: {score}");
        assert!(!shares(before).is_empty());
        assert_eq!(shares(&after), shares(before), "personal shares stay as they were");
        let timeline =
            app.send("GET", &format!("/api/v1/accounts/{account_id}/interactions?kind=event"), Some(&firm.admin), None).await;
        let items = timeline.body["items"].as_array().cloned().unwrap_or_default();
        assert_eq!(items.len(), 1, "one touchpoint per attending account: {}", timeline.body);
        assert_eq!(items[0]["on_behalf_of"], "organisation");
        assert_eq!(items[0]["event_id"], json!(event_id));
        assert_eq!(items[0]["employee_ids"], json!([firm.ana.to_string()]));
    }
});

api_test!(fn editing_attendance_removes_the_touchpoint_from_a_dropped_account(app) {
    let firm = firm(&app).await;
    let contacts: Vec<&str> = firm.contacts.iter().map(String::as_str).collect();
    let created = client_day(&app, &firm.admin, &contacts, &[firm.ana]).await;
    let event_id = id(&created.body);
    let version = created.body["version"].as_i64().expect("version");
    let patched = app
        .send_if_match(
            "PATCH",
            &format!("/api/v1/events/{event_id}"),
            &firm.admin,
            version,
            Some(json!({"contact_ids": [firm.contacts[0], firm.contacts[1]]})),
        )
        .await;
    assert_eq!(patched.status, 200, "{}", patched.body);
    assert_eq!(patched.body["account_ids"], json!([firm.accounts[0], firm.accounts[1]]));
    let dropped = risk(&app, &firm.admin, &firm.accounts[2]).await;
    assert_eq!(dropped["institutional_score"], json!(0.0), "the dropped account lost its touchpoint");
    let timeline = app
        .send("GET", &format!("/api/v1/accounts/{}/interactions?kind=event", firm.accounts[2]), Some(&firm.admin), None)
        .await;
    assert_eq!(timeline.body["items"], json!([]));
    let kept = risk(&app, &firm.admin, &firm.accounts[0]).await;
    assert!(kept["institutional_score"].as_f64().unwrap_or_default() > 1.9);
    let stale = app
        .send_if_match("PATCH", &format!("/api/v1/events/{event_id}"), &firm.admin, version, Some(json!({"name": "x"})))
        .await;
    stale.expect_problem(412);
});

api_test!(fn a_closed_event_refuses_edits_and_changes_nothing(app) {
    let firm = firm(&app).await;
    let contacts: Vec<&str> = firm.contacts.iter().map(String::as_str).collect();
    let created = client_day(&app, &firm.admin, &contacts, &[firm.ana]).await;
    let event_id = id(&created.body);
    let version = created.body["version"].as_i64().expect("version");
    let closed = app.send_if_match("POST", &format!("/api/v1/events/{event_id}/close"), &firm.admin, version, None).await;
    assert_eq!(closed.status, 200, "{}", closed.body);
    assert_eq!(closed.body["status"], "closed");
    let before = risk(&app, &firm.admin, &firm.accounts[2]).await;
    let version = closed.body["version"].as_i64().expect("version");
    let refused = app
        .send_if_match(
            "PATCH",
            &format!("/api/v1/events/{event_id}"),
            &firm.admin,
            version,
            Some(json!({"contact_ids": [firm.contacts[0]], "name": "Renamed"})),
        )
        .await;
    assert_eq!(refused.expect_problem(409).as_deref(), Some("status"));
    let deleted = app.send("DELETE", &format!("/api/v1/events/{event_id}"), Some(&firm.admin), None).await;
    deleted.expect_problem(409);
    let event = app.send("GET", &format!("/api/v1/events/{event_id}"), Some(&firm.admin), None).await;
    assert_eq!(event.body["name"], "Spring client day");
    assert_eq!(event.body["attendees"].as_array().map(Vec::len), Some(3));
    assert_eq!(risk(&app, &firm.admin, &firm.accounts[2]).await, before);
});

api_test!(fn bad_input_is_refused_naming_the_field_and_writes_nothing(app) {
    let firm = firm(&app).await;
    let future = app
        .send(
            "POST",
            "/api/v1/events",
            Some(&firm.admin),
            Some(json!({"name": "Later", "kind": "dinner", "occurred_at": chrono::Utc::now() + chrono::Duration::days(3),
                        "contact_ids": [firm.contacts[0]]})),
        )
        .await;
    assert_eq!(future.expect_problem(422).as_deref(), Some("occurred_at"));
    let kind = app
        .send(
            "POST",
            "/api/v1/events",
            Some(&firm.admin),
            Some(json!({"name": "Odd", "kind": "picnic", "occurred_at": chrono::Utc::now(), "contact_ids": [firm.contacts[0]]})),
        )
        .await;
    assert_eq!(kind.expect_problem(422).as_deref(), Some("kind"));
    let unknown = client_day(&app, &firm.admin, &[firm.contacts[0].as_str(), "999999"], &[]).await;
    assert_eq!(unknown.expect_problem(422).as_deref(), Some("contact_ids[1]"));
    let list = app.send("GET", "/api/v1/events", Some(&firm.admin), None).await;
    assert_eq!(list.body["items"], json!([]));
    assert_eq!(risk(&app, &firm.admin, &firm.accounts[0]).await["institutional_score"], json!(0.0));
});

api_test!(fn members_see_only_their_attendees_and_other_teams_see_nothing(app) {
    let firm = firm(&app).await;
    let contacts: Vec<&str> = firm.contacts.iter().map(String::as_str).collect();
    let created = client_day(&app, &firm.admin, &contacts, &[firm.ana]).await;
    let event_id = id(&created.body);
    let ana = app.token("ana@example.com").await;
    let seen = app.send("GET", &format!("/api/v1/events/{event_id}"), Some(&ana), None).await;
    assert_eq!(seen.status, 200, "{}", seen.body);
    assert_eq!(seen.body["account_ids"], json!([firm.accounts[0]]));
    assert_eq!(seen.body["attendees"].as_array().map(Vec::len), Some(1));
    assert_eq!(seen.body["attendees"][0]["contact_id"], json!(firm.contacts[0]));
    assert_eq!(seen.body["hidden_attendees"], 2);
    let listed = app.send("GET", "/api/v1/events", Some(&ana), None).await;
    assert_eq!(listed.body["items"].as_array().map(Vec::len), Some(1));
    let cleo = app.token("cleo@example.com").await;
    app.send("GET", &format!("/api/v1/events/{event_id}"), Some(&cleo), None).await.expect_problem(404);
    let listed = app.send("GET", "/api/v1/events", Some(&cleo), None).await;
    assert_eq!(listed.body["items"], json!([]));
    // Ana may not drop contacts of accounts she cannot change.
    let version = seen.body["version"].as_i64().expect("version");
    let refused = app
        .send_if_match(
            "PATCH",
            &format!("/api/v1/events/{event_id}"),
            &ana,
            version,
            Some(json!({"contact_ids": [firm.contacts[0]]})),
        )
        .await;
    refused.expect_problem(403);
    // A member creates an event only with contacts of accounts she can change.
    let own = client_day(&app, &ana, &[firm.contacts[0].as_str()], &[firm.ana]).await;
    assert_eq!(own.status, 201, "{}", own.body);
    let foreign = client_day(&app, &ana, &[firm.contacts[0].as_str(), firm.retail_contact.as_str()], &[]).await;
    assert_eq!(foreign.expect_problem(422).as_deref(), Some("contact_ids[1]"));
});

api_test!(fn the_network_shows_links_both_ways_and_accounts_met_at_events(app) {
    let firm = firm(&app).await;
    let link = post(
        &app,
        &firm.admin,
        &format!("/api/v1/accounts/{}/links", firm.accounts[0]),
        json!({"other_account_id": firm.accounts[1], "kind": "referred_by"}),
    )
    .await;
    let created =
        client_day(&app, &firm.admin, &[firm.contacts[1].as_str(), firm.contacts[2].as_str()], &[firm.ana]).await;
    let event_id = id(&created.body);

    let beta = app.send("GET", &format!("/api/v1/accounts/{}/network", firm.accounts[1]), Some(&firm.admin), None).await;
    assert_eq!(beta.status, 200, "{}", beta.body);
    assert_eq!(beta.body["links"][0]["id"], link["id"]);
    assert_eq!(beta.body["links"][0]["direction"], "incoming");
    assert_eq!(beta.body["links"][0]["other_account_name"], "Alpha");
    assert_eq!(beta.body["met_at_events"][0]["account_id"], json!(firm.accounts[2]));
    assert_eq!(beta.body["met_at_events"][0]["account_name"], "Gamma");
    assert_eq!(beta.body["met_at_events"][0]["event_ids"], json!([event_id]));
    assert_eq!(beta.body["events"][0]["id"], json!(event_id));
    assert_eq!(beta.body["events"][0]["kind"], "client_day");
    assert_eq!(beta.body["institutional_tie"], true);
    let trend = beta.body["institutional_trend"].as_array().cloned().unwrap_or_default();
    assert_eq!(trend.len(), 4);
    assert_eq!(trend[0]["score"], json!(0.0), "270 days ago there was no event");
    assert_eq!(trend[3]["score"], beta.body["institutional_score"]);

    let alpha = app.send("GET", &format!("/api/v1/accounts/{}/network", firm.accounts[0]), Some(&firm.admin), None).await;
    assert_eq!(alpha.body["links"][0]["direction"], "outgoing");
    assert_eq!(alpha.body["links"][0]["other_account_name"], "Beta");
    assert_eq!(alpha.body["met_at_events"], json!([]));
    assert_eq!(alpha.body["institutional_tie"], true, "a link is a tie");

    // Ana sees Alpha's network, but not the name of Beta, which she is not on.
    let ana = app.token("ana@example.com").await;
    let seen = app.send("GET", &format!("/api/v1/accounts/{}/network", firm.accounts[0]), Some(&ana), None).await;
    assert_eq!(seen.body["links"][0]["other_account_name"], Value::Null);
    app.send("GET", &format!("/api/v1/accounts/{}/network", firm.accounts[1]), Some(&ana), None)
        .await
        .expect_problem(404);
});

api_test!(fn untied_figures_match_a_hand_built_portfolio_and_the_list_filter(app) {
    let firm = firm(&app).await;
    // Alpha gets a link to Delta (both tied); Beta attends an event; Gamma stays untied.
    post(
        &app,
        &firm.admin,
        &format!("/api/v1/accounts/{}/links", firm.accounts[0]),
        json!({"other_account_id": firm.retail_account, "kind": "partner"}),
    )
    .await;
    let created = client_day(&app, &firm.admin, &[firm.contacts[1].as_str()], &[firm.ana]).await;
    assert_eq!(created.status, 201);

    let summary = app.send("GET", "/api/v1/risk/summary", Some(&firm.admin), None).await;
    assert_eq!(summary.status, 200, "{}", summary.body);
    assert_eq!(summary.body["value_minor"], 1_100_000);
    assert_eq!(summary.body["untied_accounts"], 1);
    assert_eq!(summary.body["untied_value_minor"], 300_000);
    let share = summary.body["untied_value_share"].as_f64().unwrap_or_default();
    assert!((share - 300_000.0 / 1_100_000.0).abs() < 1e-9, "{share}");
    let by_team = summary.body["untied_by_team"].as_array().cloned().unwrap_or_default();
    let corporate = by_team.iter().find(|team| team["team_id"] == json!(firm.team_id.to_string())).expect("Corporate");
    assert_eq!(corporate["team_name"], "Corporate");
    assert_eq!(corporate["value_minor"], 600_000);
    assert_eq!(corporate["untied_value_minor"], 300_000);
    assert_eq!(corporate["untied_value_share"], json!(0.5));
    let retail = by_team.iter().find(|team| team["team_id"] == json!(firm.other_team.to_string())).expect("Retail");
    assert_eq!(retail["untied_value_minor"], 0);

    let untied = app.send("GET", "/api/v1/accounts?institutional_tie=false", Some(&firm.admin), None).await;
    let names: Vec<&str> = untied.body["items"].as_array().into_iter().flatten().filter_map(|a| a["name"].as_str()).collect();
    assert_eq!(names, ["Gamma"]);
    let tied = app.send("GET", "/api/v1/risk/accounts?institutional_tie=true&sort=name", Some(&firm.admin), None).await;
    let names: Vec<&str> = tied.body["items"].as_array().into_iter().flatten().filter_map(|a| a["name"].as_str()).collect();
    assert_eq!(names, ["Alpha", "Beta", "Delta"]);
    let bad = app.send("GET", "/api/v1/accounts?institutional_tie=maybe", Some(&firm.admin), None).await;
    assert_eq!(bad.expect_problem(422).as_deref(), Some("institutional_tie"));

    // Deleting the event and the link unties them again, in the totals too.
    let event_id = id(&created.body);
    let deleted = app.send("DELETE", &format!("/api/v1/events/{event_id}"), Some(&firm.admin), None).await;
    assert_eq!(deleted.status, 204, "{}", deleted.body);
    let summary = app.send("GET", "/api/v1/risk/summary", Some(&firm.admin), None).await;
    assert_eq!(summary.body["untied_value_minor"], 500_000);
    let mut conn = app.store.conn().expect("conn");
    let recount = continuity_store::figures::totals::recount(&mut conn).expect("recount");
    let stored = continuity_store::figures::totals::totals_by_team(&mut conn).expect("totals");
    assert_eq!(stored, recount, "kept totals equal a recount");
});
