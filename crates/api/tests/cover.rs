//! Departing people are no cover (PRODUCT.md, "Decided since the first release"): two
//! colleagues who hold one client and both hand in their notice leave it uncovered. HR's
//! figures, the departure plan, the deactivation guard and the truck factor all say so.

mod common;

use chrono::{Duration, Utc};
use common::{Response, TestApp};
use continuity_domain::Role;
use serde_json::{json, Value};

struct Dairy {
    hr: String,
    admin: String,
    /// Holds 80 % of Dijkstra Dairy's strength.
    anna: i64,
    /// Holds 18 % of it.
    bram: i64,
    /// Holds Clover Farms alone; stays.
    cor: i64,
    /// Took part in one Dijkstra e-mail (2 %, no holder there); holds Yarrow alone; stays.
    dirk: i64,
    dijkstra: String,
    dijkstra_contact: String,
    clover: String,
}

async fn account(app: &TestApp, admin: &str, team: i64, name: &str, value: i64, members: &[i64]) -> String {
    let created = app
        .create_account(
            admin,
            json!({"name": name, "tier": "B", "region": "North", "team_id": team.to_string(),
                   "annual_value_minor": value, "currency": "EUR"}),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.body["id"].as_str().expect("id").to_owned();
    for member in members {
        let put = app.put_on_team(admin, &id, *member, "owner", "edit").await;
        assert_eq!(put.status, 201, "{}", put.body);
    }
    id
}

async fn log(app: &TestApp, admin: &str, account_id: &str, kind: &str, employees: &[i64], contact: &str) {
    // Every interaction at one moment, so decay cancels out of the shares.
    let at = Utc::now().date_naive().and_hms_opt(9, 0, 0).expect("time").and_utc() - Duration::days(2);
    let ids: Vec<String> = employees.iter().map(i64::to_string).collect();
    let logged = app
        .log_interaction(
            admin,
            account_id,
            json!({"kind": kind, "occurred_at": at, "employee_ids": ids, "contact_ids": [contact]}),
        )
        .await;
    assert_eq!(logged.status, 201, "{}", logged.body);
}

/// Dijkstra Dairy (300 000): Anna 40 units of strength, Bram 9, Dirk 1 (80 / 18 / 2 %).
/// Clover Farms (400 000) rests on Cor, Yarrow (300 000) on Dirk, both without interactions.
async fn dairy(app: &TestApp) -> Dairy {
    let team = app.create_team("Dairy");
    app.create_staff(team);
    let anna = app.create_user("anna@example.com", Role::Member, Some(team));
    let bram = app.create_user("bram@example.com", Role::Member, Some(team));
    let cor = app.create_user("cor@example.com", Role::Member, Some(team));
    let dirk = app.create_user("dirk@example.com", Role::Member, Some(team));
    let admin = app.token("admin@example.com").await;
    let dijkstra = account(app, &admin, team, "Dijkstra Dairy", 300_000, &[anna, bram]).await;
    let clover = account(app, &admin, team, "Clover Farms", 400_000, &[cor]).await;
    account(app, &admin, team, "Yarrow", 300_000, &[dirk]).await;
    let contact =
        app.add_contact(&admin, &dijkstra, json!({"name": "Mr Dijkstra", "influence": "decision_maker"})).await;
    let dijkstra_contact = contact.body["id"].as_str().expect("id").to_owned();
    for _ in 0..3 {
        log(app, &admin, &dijkstra, "meeting", &[anna, bram], &dijkstra_contact).await;
    }
    for _ in 0..10 {
        log(app, &admin, &dijkstra, "meeting", &[anna], &dijkstra_contact).await;
    }
    log(app, &admin, &dijkstra, "email", &[anna, dirk], &dijkstra_contact).await;
    Dairy { hr: app.token("hr@example.com").await, admin, anna, bram, cor, dirk, dijkstra, dijkstra_contact, clover }
}

async fn get(app: &TestApp, token: &str, path: &str) -> Response {
    let answer = app.send("GET", path, Some(token), None).await;
    assert_eq!(answer.status, 200, "{path}: {}", answer.body);
    answer
}

/// `PATCH /users/{id} {status: departed}` with the user's current version.
async fn set_departed(app: &TestApp, token: &str, user_id: i64) -> Response {
    let path = format!("/api/v1/users/{user_id}");
    let version = get(app, token, &path).await.body["version"].as_i64().expect("version");
    app.send_if_match("PATCH", &path, token, version, Some(json!({"status": "departed"}))).await
}

fn part<'a>(list: &'a Value, account_id: &str) -> &'a Value {
    list.as_array().expect("list").iter().find(|a| a["account_id"] == account_id).expect("the account is listed")
}

async fn open_plan(app: &TestApp, hr: &str, user_id: i64) -> Response {
    let body = json!({"user_id": user_id.to_string(), "leave_date": "2099-06-30"});
    let plan = app.send("POST", "/api/v1/departures", Some(hr), Some(body)).await;
    assert_eq!(plan.status, 201, "{}", plan.body);
    plan
}

api_test!(fn two_holders_leaving_together_leave_their_client_uncovered_until_a_successor_is_named(app) {
    let d = dairy(&app).await;
    let risk = get(&app, &d.hr, &format!("/api/v1/accounts/{}/risk", d.dijkstra)).await;
    let holders: Vec<(String, f64)> = risk.body["holders"].as_array().expect("holders").iter()
        .map(|h| (h["user_id"].as_str().unwrap_or("").to_owned(), (h["share"].as_f64().unwrap_or(0.0) * 100.0).round()))
        .collect();
    assert_eq!(holders, [(d.anna.to_string(), 80.0), (d.bram.to_string(), 18.0)], "Dirk's 2 % is no holding");

    // Both hand in their notice for the same day. While Bram still stays, he covers Dijkstra.
    let anna_plan = open_plan(&app, &d.hr, d.anna).await;
    assert_eq!(part(&anna_plan.body["handovers"], &d.dijkstra)["sole_holder"], false);
    open_plan(&app, &d.hr, d.bram).await;
    let plan_id = anna_plan.body["id"].as_str().expect("id");
    let anna_plan = get(&app, &d.hr, &format!("/api/v1/departures/{plan_id}")).await;

    let exposure = get(&app, &d.hr, &format!("/api/v1/users/{}/exposure", d.anna)).await;
    assert_eq!(exposure.body["orphaned_value_minor"], 300_000, "Bram leaves too: {}", exposure.body);
    let dijkstra = part(&exposure.body["accounts"], &d.dijkstra);
    assert_eq!(dijkstra["sole_holder"], true);
    assert_eq!(
        dijkstra["other_holders_leaving"],
        json!([{"user_id": d.bram.to_string(), "display_name": "bram", "status": "leaving", "leave_date": "2099-06-30"}])
    );
    let handover = part(&anna_plan.body["handovers"], &d.dijkstra);
    assert_eq!(handover["sole_holder"], true, "{handover}");
    assert_eq!(handover["other_holders_leaving"][0]["user_id"], json!(d.bram.to_string()));
    let what_if = app.send("POST", "/api/v1/simulations/departure", Some(&d.hr),
        Some(json!({"user_ids": [d.anna.to_string()]}))).await;
    assert_eq!(what_if.body["orphaned_value_minor"], 300_000, "{}", what_if.body);

    // The truck factor counts the two leavers as gone first: with Dijkstra already uncovered,
    // Cor's Clover Farms takes more than half the value.
    let summary = get(&app, &d.hr, "/api/v1/risk/summary").await;
    let truck_factor = &summary.body["truck_factor"];
    assert_eq!(truck_factor["already_leaving_user_ids"], json!([d.anna.to_string(), d.bram.to_string()]));
    assert_eq!(truck_factor["already_leaving_value_minor"], 300_000);
    assert_eq!(truck_factor["order"], json!([d.cor.to_string()]), "{truck_factor}");
    assert_eq!(truck_factor["size"], 1);
    assert_eq!(truck_factor["orphaned_value_minor"], 700_000);

    let refused = set_departed(&app, &d.hr, d.anna).await;
    assert_eq!(refused.expect_problem(409).as_deref(), Some("status"));
    assert_eq!(refused.body["account_ids"], json!([d.dijkstra]), "{}", refused.body);
    let anna = get(&app, &d.hr, &format!("/api/v1/users/{}", d.anna)).await;
    assert_eq!(anna.body["status"], "leaving", "a refused departure changes nothing");

    // Dirk, who stays, is named Anna's successor on Dijkstra: her departure goes through.
    let picked = app.send_if_match("PATCH", &format!("/api/v1/departures/{plan_id}/handovers/{}", d.dijkstra), &d.hr,
        handover["version"].as_i64().expect("version"), Some(json!({"successor_id": d.dirk.to_string()}))).await;
    assert_eq!(picked.status, 200, "{}", picked.body);
    // Dirk, signed in himself, sees the handover he now owes ("what rests on you").
    let dirk_token = app.token("dirk@example.com").await;
    let dirk = get(&app, &dirk_token, &format!("/api/v1/users/{}/exposure", d.dirk)).await;
    assert_eq!(dirk.status, 200, "{}", dirk.body);
    let owed = dirk.body["handovers_owed"].as_array().expect("handovers_owed");
    assert_eq!(owed.len(), 1, "{}", dirk.body);
    assert_eq!(owed[0]["account_id"], json!(d.dijkstra));
    assert_eq!(owed[0]["leaver_id"], json!(d.anna.to_string()));
    assert_eq!(owed[0]["plan_id"], json!(plan_id));
    let anna_owes = get(&app, &d.hr, &format!("/api/v1/users/{}/exposure", d.anna)).await;
    assert_eq!(anna_owes.body["handovers_owed"], json!([]), "the leaver owes nothing");
    let departed = set_departed(&app, &d.hr, d.anna).await;
    assert_eq!(departed.status, 200, "{}", departed.body);
    assert_eq!(departed.body["status"], "departed");
});

api_test!(fn a_staying_colleague_who_comes_to_hold_the_client_lets_the_last_leaver_go(app) {
    let d = dairy(&app).await;
    open_plan(&app, &d.hr, d.anna).await;
    open_plan(&app, &d.hr, d.bram).await;

    let refused = set_departed(&app, &d.hr, d.bram).await;
    refused.expect_problem(409);
    assert_eq!(refused.body["account_ids"], json!([d.dijkstra]), "Anna leaves too: {}", refused.body);
    let bram = get(&app, &d.hr, &format!("/api/v1/users/{}/exposure", d.bram)).await;
    assert_eq!(part(&bram.body["accounts"], &d.dijkstra)["other_holders_leaving"][0]["user_id"], json!(d.anna.to_string()));

    // Cor meets Mr Dijkstra three times (9 of 59 units, 15 %): a staying holder now covers it.
    for _ in 0..3 {
        log(&app, &d.admin, &d.dijkstra, "meeting", &[d.cor], &d.dijkstra_contact).await;
    }
    let bram = get(&app, &d.hr, &format!("/api/v1/users/{}/exposure", d.bram)).await;
    assert_eq!(bram.body["orphaned_value_minor"], 0, "{}", bram.body);
    let dijkstra = part(&bram.body["accounts"], &d.dijkstra);
    assert_eq!((&dijkstra["sole_holder"], &dijkstra["other_holders_leaving"]), (&json!(false), &json!([])));
    let departed = set_departed(&app, &d.hr, d.bram).await;
    assert_eq!(departed.status, 200, "{}", departed.body);

    // Seen from Cor, Dijkstra now rests on him: its one other holder, Anna, is leaving.
    let cor = get(&app, &d.hr, &format!("/api/v1/users/{}/exposure", d.cor)).await;
    assert_eq!(part(&cor.body["accounts"], &d.clover)["sole_holder"], true);
    let dijkstra = part(&cor.body["accounts"], &d.dijkstra);
    assert_eq!(dijkstra["sole_holder"], true, "{dijkstra}");
    let others: Vec<&Value> = dijkstra["other_holders_leaving"].as_array().expect("list").iter().map(|h| &h["user_id"]).collect();
    assert_eq!(others, [&json!(d.anna.to_string())], "Bram has gone and holds nothing now");
    assert_eq!(cor.body["orphaned_value_minor"], 400_000 + 300_000);
});
