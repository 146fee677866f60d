//! Account reach in detail: every account endpoint × every role × an account of the caller's
//! own reach and a foreign one, what the lists show, and the audit trail's and HR's limits.
//! Invisible records answer 404, visible-but-read-only ones 403. The whole API × role × record
//! matrix is `authorisation_matrix.toml` (driven by `authorisation_matrix.rs`).

mod common;

use common::TestApp;
use continuity_domain::Role;
use serde_json::{json, Value};

struct Firm {
    admin: String,
    /// (role label, token, expected on the home account, expected on the foreign account)
    callers: Vec<(&'static str, String, Reach, Reach)>,
    home: Records,
    foreign: Records,
    spare_user: i64,
    owner_id: i64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Reach {
    /// Reads and writes.
    Edit,
    /// Reads; writes answer 403.
    Read,
    /// Everything answers 404.
    Hidden,
}

struct Records {
    account: String,
    contact: String,
    interaction: String,
}

async fn records(app: &TestApp, admin: &str, team_id: i64, owner: i64, name: &str) -> Records {
    let account = app
        .create_account(
            admin,
            json!({"name": name, "tier": "A", "region": "EMEA", "team_id": team_id.to_string(),
                   "annual_value_minor": 1_000_000, "currency": "EUR"}),
        )
        .await;
    assert_eq!(account.status, 201, "{}", account.body);
    let account_id = account.body["id"].as_str().expect("id").to_owned();
    let put = app.put_on_team(admin, &account_id, owner, "owner", "edit").await;
    assert_eq!(put.status, 201, "{}", put.body);
    let contact = app
        .add_contact(
            admin,
            &account_id,
            json!({"name": format!("{name} contact"), "job_title": "CFO", "influence": "decision_maker"}),
        )
        .await;
    assert_eq!(contact.status, 201, "{}", contact.body);
    let contact_id = contact.body["id"].as_str().expect("id").to_owned();
    let interaction = app
        .log_interaction(
            admin,
            &account_id,
            json!({"kind": "meeting", "occurred_at": chrono::Utc::now(), "summary": "Quarterly review",
                   "employee_ids": [owner.to_string()], "contact_ids": [contact_id]}),
        )
        .await;
    assert_eq!(interaction.status, 201, "{}", interaction.body);
    Records {
        account: account_id,
        contact: contact_id,
        interaction: interaction.body["id"].as_str().expect("id").to_owned(),
    }
}

async fn firm(app: &TestApp) -> Firm {
    let home_team = app.create_team("Home");
    let other_team = app.create_team("Other");
    app.create_staff(home_team);
    let other_lead = app.create_user("other-lead@example.com", Role::SalesLead, Some(other_team));
    app.make_lead(other_team, other_lead);
    let owner = app.create_user("owner@example.com", Role::Member, Some(home_team));
    let reader = app.create_user("reader@example.com", Role::Member, Some(home_team));
    app.create_user("outsider@example.com", Role::Member, Some(home_team));
    let foreign_owner = app.create_user("foreign-owner@example.com", Role::Member, Some(other_team));
    let spare_user = app.create_user("spare@example.com", Role::Member, Some(other_team));
    let admin = app.token("admin@example.com").await;
    let home = records(app, &admin, home_team, owner, "Home Account").await;
    let foreign = records(app, &admin, other_team, foreign_owner, "Foreign Account").await;
    let put = app.put_on_team(&admin, &home.account, reader, "specialist", "read").await;
    assert_eq!(put.status, 201, "{}", put.body);
    let mut callers = Vec::new();
    for (label, email, on_home, on_foreign) in [
        ("admin", "admin@example.com", Reach::Edit, Reach::Edit),
        ("hr", "hr@example.com", Reach::Read, Reach::Read),
        ("sales_lead", "lead@example.com", Reach::Edit, Reach::Hidden),
        ("other sales_lead", "other-lead@example.com", Reach::Hidden, Reach::Edit),
        ("member (owner, edit)", "owner@example.com", Reach::Edit, Reach::Hidden),
        ("member (read access)", "reader@example.com", Reach::Read, Reach::Hidden),
        ("member (not on the account)", "outsider@example.com", Reach::Hidden, Reach::Hidden),
    ] {
        callers.push((label, app.token(email).await, on_home, on_foreign));
    }
    Firm { admin, callers, home, foreign, spare_user, owner_id: owner }
}

async fn version_of(app: &TestApp, admin: &str, path: &str) -> i64 {
    let answer = app.send("GET", path, Some(admin), None).await;
    assert_eq!(answer.status, 200, "{path}: {}", answer.body);
    answer.body["version"].as_i64().expect("version")
}

fn expect(label: &str, what: &str, reach: Reach, write: bool, status: u16, body: &Value) {
    let ok = match (reach, write) {
        (Reach::Hidden, _) => status == 404,
        (Reach::Read, true) => status == 403,
        (Reach::Read, false) | (Reach::Edit, _) => (200..300).contains(&status),
    };
    assert!(ok, "{label} on {what}: expected {reach:?} (write: {write}), got {status}: {body}");
}

async fn check_account(app: &TestApp, firm: &Firm, label: &str, token: &str, reach: Reach, records: &Records) {
    let a = &records.account;
    for path in [
        format!("/api/v1/accounts/{a}"),
        format!("/api/v1/accounts/{a}/contacts"),
        format!("/api/v1/accounts/{a}/team"),
        format!("/api/v1/accounts/{a}/interactions"),
        format!("/api/v1/accounts/{a}/risk"),
        format!("/api/v1/contacts/{}", records.contact),
        format!("/api/v1/interactions/{}", records.interaction),
    ] {
        let answer = app.send("GET", &path, Some(token), None).await;
        expect(label, &format!("GET {path}"), reach, false, answer.status, &answer.body);
    }

    let version = version_of(app, &firm.admin, &format!("/api/v1/accounts/{a}")).await;
    let answer = app
        .send_if_match("PATCH", &format!("/api/v1/accounts/{a}"), token, version, Some(json!({"region": "APAC"})))
        .await;
    expect(label, "PATCH account", reach, true, answer.status, &answer.body);

    let answer = app
        .send(
            "POST",
            &format!("/api/v1/accounts/{a}/contacts"),
            Some(token),
            Some(json!({"name": "New Person", "influence": "user"})),
        )
        .await;
    expect(label, "POST contact", reach, true, answer.status, &answer.body);

    let path = format!("/api/v1/contacts/{}", records.contact);
    let version = version_of(app, &firm.admin, &path).await;
    let answer = app.send_if_match("PATCH", &path, token, version, Some(json!({"job_title": "CEO"}))).await;
    expect(label, "PATCH contact", reach, true, answer.status, &answer.body);

    let answer = app
        .send(
            "POST",
            &format!("/api/v1/accounts/{a}/interactions"),
            Some(token),
            Some(json!({"kind": "call", "occurred_at": chrono::Utc::now(), "summary": "Follow-up call",
                        "employee_ids": [firm.owner_id.to_string()], "contact_ids": [records.contact]})),
        )
        .await;
    expect(label, "POST interaction", reach, true, answer.status, &answer.body);

    let path = format!("/api/v1/interactions/{}", records.interaction);
    let version = version_of(app, &firm.admin, &path).await;
    let answer = app.send_if_match("PATCH", &path, token, version, Some(json!({"summary": "Edited"}))).await;
    expect(label, "PATCH interaction", reach, true, answer.status, &answer.body);

    let team_path = format!("/api/v1/accounts/{a}/team/{}", firm.spare_user);
    let answer = app.send("PUT", &team_path, Some(token), Some(json!({"role": "specialist", "access": "read"}))).await;
    expect(label, "PUT team member", reach, true, answer.status, &answer.body);
    if reach == Reach::Edit {
        let version = answer.body["version"].as_i64().expect("version");
        let answer = app.send_if_match("DELETE", &team_path, token, version, None).await;
        expect(label, "DELETE team member", reach, true, answer.status, &answer.body);
    } else {
        let answer = app.send_if_match("DELETE", &team_path, token, 1, None).await;
        expect(label, "DELETE team member", reach, true, answer.status, &answer.body);
    }
}

api_test!(fn every_role_reaches_exactly_the_accounts_it_may(app) {
    let firm = firm(&app).await;
    for (label, token, on_home, on_foreign) in &firm.callers {
        check_account(&app, &firm, label, token, *on_home, &firm.home).await;
        check_account(&app, &firm, label, token, *on_foreign, &firm.foreign).await;

        let list = app.send("GET", "/api/v1/accounts?limit=200", Some(token), None).await;
        assert_eq!(list.status, 200, "{}", list.body);
        let listed: Vec<&str> = list.body["items"].as_array().expect("items").iter().filter_map(|a| a["id"].as_str()).collect();
        assert_eq!(listed.contains(&firm.home.account.as_str()), *on_home != Reach::Hidden, "{label} list: {listed:?}");
        assert_eq!(listed.contains(&firm.foreign.account.as_str()), *on_foreign != Reach::Hidden, "{label} list: {listed:?}");
    }
});

api_test!(fn a_member_cannot_move_a_contact_onto_an_account_they_are_not_on(app) {
    let firm = firm(&app).await;
    let owner = &firm.callers[4].1;
    let path = format!("/api/v1/contacts/{}", firm.home.contact);
    let version = version_of(&app, &firm.admin, &path).await;
    let answer = app
        .send_if_match("POST", &format!("{path}/move"), owner, version,
                       Some(json!({"account_id": firm.foreign.account})))
        .await;
    assert_eq!(answer.expect_problem(422).as_deref(), Some("account_id"));
    let foreign_contacts = app.send("GET", &format!("/api/v1/accounts/{}/contacts", firm.foreign.account), Some(&firm.admin), None).await;
    assert_eq!(foreign_contacts.body["items"].as_array().map(Vec::len), Some(1), "nothing was added to the foreign account");
});

api_test!(fn the_audit_trail_is_for_admins_and_leads_of_the_team(app) {
    let firm = firm(&app).await;
    for (label, token, _, _) in &firm.callers {
        let answer = app.send("GET", &format!("/api/v1/audit?entity=account&entity_id={}", firm.home.account), Some(token), None).await;
        match *label {
            "admin" | "sales_lead" => {
                assert_eq!(answer.status, 200, "{label}: {}", answer.body);
                assert!(!answer.body["items"].as_array().expect("items").is_empty(), "{label} sees the account's history");
            }
            "other sales_lead" => {
                assert_eq!(answer.status, 200, "{}", answer.body);
                assert_eq!(answer.body["items"], json!([]), "another team's history stays hidden");
            }
            _ => assert_eq!(answer.status, 403, "{label}: {}", answer.body),
        }
    }
});

api_test!(fn hr_sees_interactions_without_their_text(app) {
    let firm = firm(&app).await;
    let hr = &firm.callers[1].1;
    let answer = app.send("GET", &format!("/api/v1/accounts/{}/interactions", firm.home.account), Some(hr), None).await;
    assert_eq!(answer.status, 200);
    let first = &answer.body["items"][0];
    assert_eq!(first["kind"], "meeting");
    assert_eq!(first["summary"], Value::Null);
    let answer = app.send("GET", &format!("/api/v1/interactions/{}", firm.home.interaction), Some(hr), None).await;
    assert_eq!(answer.body["summary"], Value::Null);
    let answer = app.send("GET", &format!("/api/v1/interactions/{}", firm.home.interaction), Some(&firm.admin), None).await;
    assert_eq!(answer.body["summary"], "Quarterly review");
});
