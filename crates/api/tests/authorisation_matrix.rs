//! Drives `authorisation_matrix.toml`: every operation × every role × own / other team /
//! unrelated record, each caller on a fresh firm, on SQLite and on PostgreSQL. Also checks that
//! the matrix and the OpenAPI document list the same operations.

mod common;

use std::collections::{BTreeSet, HashMap};

use common::{Response, TestApp, PASSWORD};
use continuity_domain::Role;
use serde::Deserialize;
use serde_json::{json, Value};

const ROLES: [&str; 6] = ["admin", "hr", "sales_lead", "member_edit", "member_read", "departed"];
const COLUMNS: [&str; 3] = ["own", "other_team", "unrelated"];
/// Placeholders that take the ids of a record column (the rest are the caller's or run-wide).
const RECORD_PLACEHOLDERS: [&str; 16] = [
    "{account}",
    "{contact}",
    "{interaction}",
    "{complaint}",
    "{event}",
    "{spare_event}",
    "{campaign}",
    "{spare_campaign}",
    "{link}",
    "{partner}",
    "{owner}",
    "{spare}",
    "{user}",
    "{team}",
    "{team_name}",
    "{plan}",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Matrix {
    endpoint: Vec<Endpoint>,
}

/// Any key that is not a field below is taken for a role, and the role check refuses a
/// misspelt one.
#[derive(Debug, Deserialize)]
struct Endpoint {
    method: String,
    path: String,
    /// Why a row is as it is; for the reader.
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    content_type: Option<String>,
    #[serde(default)]
    version_from: Option<String>,
    /// `key=value`: the list item whose version to send.
    #[serde(default)]
    version_of_item: Option<String>,
    #[serde(default)]
    also_allowed: Vec<u16>,
    #[serde(flatten)]
    expectations: HashMap<String, Expectation>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(untagged)]
enum Expectation {
    Same(Outcome),
    PerRecord([Outcome; 3]),
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
enum Outcome {
    Allow,
    Deny,
    Hidden,
    Invalid,
    SignedOut,
}

impl Expectation {
    fn for_column(&self, column: usize) -> Outcome {
        match self {
            Expectation::Same(outcome) => *outcome,
            Expectation::PerRecord(outcomes) => outcomes[column],
        }
    }
}

fn matrix() -> Matrix {
    let text = include_str!("authorisation_matrix.toml");
    let matrix: Matrix = toml::from_str(text).expect("authorisation_matrix.toml parses");
    for endpoint in &matrix.endpoint {
        let mut roles: Vec<&str> = endpoint.expectations.keys().map(String::as_str).collect();
        roles.sort_unstable();
        let mut expected = ROLES.to_vec();
        expected.sort_unstable();
        assert_eq!(roles, expected, "{} {}: every role, explicitly, and nothing else", endpoint.method, endpoint.path);
    }
    matrix
}

/// `{id}`-style path parameters, whatever their names, so matrix paths compare with the document's.
fn shape(path: &str) -> String {
    path.split('/').map(|segment| if segment.starts_with('{') { "{}" } else { segment }).collect::<Vec<_>>().join("/")
}

#[test]
fn the_matrix_lists_exactly_the_operations_of_the_openapi_document() {
    let document = serde_json::to_value(continuity_api::openapi::generate()).expect("document");
    let mut documented = BTreeSet::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for method in ["get", "put", "post", "patch", "delete"] {
            if item.get(method).is_some() {
                // The document names the import/export kind as a parameter; the matrix one kind.
                documented.insert(format!("{} {}", method.to_uppercase(), shape(path)));
            }
        }
    }
    let listed: BTreeSet<String> = matrix()
        .endpoint
        .iter()
        .map(|endpoint| format!("{} {}", endpoint.method, shape(&endpoint.path)))
        .map(|operation| operation.replace("/import/accounts", "/import/{}").replace("/export/accounts", "/export/{}"))
        .collect();
    let missing: Vec<_> = documented.difference(&listed).collect();
    let unknown: Vec<_> = listed.difference(&documented).collect();
    assert!(missing.is_empty(), "operations missing from authorisation_matrix.toml: {missing:?}");
    assert!(unknown.is_empty(), "operations in the matrix that the API does not have: {unknown:?}");
    assert_eq!(listed.len(), matrix().endpoint.len(), "an operation is listed twice");
}

/// The firm every caller meets, and the ids of each record column.
struct Firm {
    admin: String,
    caller_token: String,
    columns: [HashMap<&'static str, String>; 3],
    run_wide: HashMap<&'static str, String>,
}

async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> Value {
    let answer = app.send("POST", path, Some(token), Some(body)).await;
    assert!((200..300).contains(&answer.status), "setup {path}: {} {}", answer.status, answer.body);
    answer.body
}

fn id_of(body: &Value) -> String {
    body["id"].as_str().unwrap_or_else(|| panic!("no id in {body}")).to_owned()
}

async fn assign(app: &TestApp, admin: &str, account: &str, user: i64, role: &str, access: &str) {
    let answer = app.put_on_team(admin, account, user, role, access).await;
    assert_eq!(answer.status, 201, "setup /api/v1/accounts/{account}/team/{user}: {}", answer.body);
}

/// An account of `team_id` owned by `owner`, with a contact and an interaction.
async fn account(app: &TestApp, admin: &str, team_id: i64, owner: i64, name: &str) -> HashMap<&'static str, String> {
    let body = json!({"name": name, "tier": "A", "region": "EMEA", "team_id": team_id.to_string(),
                      "annual_value_minor": 1_000_000, "currency": "EUR"});
    let account = id_of(&post(app, admin, "/api/v1/accounts", body).await);
    assign(app, admin, &account, owner, "owner", "edit").await;
    let contact_body = json!({"name": format!("{name} contact"), "job_title": "CFO", "influence": "decision_maker"});
    let contact = id_of(&post(app, admin, &format!("/api/v1/accounts/{account}/contacts"), contact_body).await);
    let interaction_body = json!({"kind": "meeting", "occurred_at": chrono::Utc::now(), "summary": "Quarterly review",
                                  "employee_ids": [owner.to_string()], "contact_ids": [contact]});
    let interaction =
        id_of(&post(app, admin, &format!("/api/v1/accounts/{account}/interactions"), interaction_body).await);
    HashMap::from([
        ("{account}", account),
        ("{contact}", contact),
        ("{interaction}", interaction),
        ("{owner}", owner.to_string()),
    ])
}

async fn firm(app: &TestApp, role: &str) -> Firm {
    let home = app.create_team("Home");
    let other = app.create_team("Other");
    let third = app.create_team("Third");
    app.create_staff(home);
    let other_lead = app.create_user("other-lead@example.com", Role::SalesLead, Some(other));
    app.make_lead(other, other_lead);
    let candidate_lead = app.create_user("candidate-lead@example.com", Role::SalesLead, None);
    let member_edit = app.create_user("member-edit@example.com", Role::Member, Some(home));
    let member_read = app.create_user("member-read@example.com", Role::Member, Some(home));
    let departed = app.create_user("departed@example.com", Role::Member, Some(home));
    let home_owner = app.create_user("home-owner@example.com", Role::Member, Some(home));
    let other_owner = app.create_user("other-owner@example.com", Role::Member, Some(other));
    let admin = app.token("admin@example.com").await;

    let mut columns: [HashMap<&'static str, String>; 3] = Default::default();
    let teams = [(home, "Home", home_owner), (other, "Other", other_owner), (home, "Home", home_owner)];
    for (index, (team_id, _, owner)) in teams.iter().enumerate() {
        let column = COLUMNS[index];
        let mut ids = account(app, &admin, *team_id, *owner, &format!("Account {column}")).await;
        let partner = account(app, &admin, *team_id, *owner, &format!("Partner {column}")).await;
        let link_body = json!({"other_account_id": partner["{account}"], "kind": "partner"});
        let link = post(app, &admin, &format!("/api/v1/accounts/{}/links", ids["{account}"]), link_body).await;
        ids.insert("{link}", id_of(&link));
        ids.insert("{partner}", partner["{account}"].clone());
        let (user_team, user_team_name) = match index {
            0 => (home, "Home"),
            1 => (other, "Other"),
            _ => (third, "Third"),
        };
        let spare = app.create_user(&format!("spare-{column}@example.com"), Role::Member, Some(user_team));
        ids.insert("{spare}", spare.to_string());
        ids.insert("{user}", spare.to_string());
        ids.insert("{team}", user_team.to_string());
        ids.insert("{team_name}", user_team_name.to_owned());
        let leaver = app.create_user(&format!("leaver-{column}@example.com"), Role::Member, Some(user_team));
        assign(app, &admin, &ids["{account}"], leaver, "specialist", "edit").await;
        let plan =
            post(app, &admin, "/api/v1/departures", json!({"user_id": leaver.to_string(), "leave_date": "2031-03-31"}))
                .await;
        ids.insert("{plan}", id_of(&plan));
        let complaint_body = json!({"kind": "complaint", "occurred_at": chrono::Utc::now(), "summary": "Late delivery",
                                    "employee_ids": [owner.to_string()], "contact_ids": [ids["{contact}"]]});
        let complaint =
            post(app, &admin, &format!("/api/v1/accounts/{}/interactions", ids["{account}"]), complaint_body).await;
        ids.insert("{complaint}", id_of(&complaint));
        for (placeholder, name) in [("{campaign}", "Mailing"), ("{spare_campaign}", "Invitation")] {
            let campaign_body = json!({"name": format!("{name} {column}"), "kind": "mailing",
                                       "team_id": user_team.to_string(), "target": {"filter": {}}});
            ids.insert(placeholder, id_of(&post(app, &admin, "/api/v1/campaigns", campaign_body).await));
        }
        columns[index] = ids;
    }
    // Open events: {event} of the own column also has an attendee of the other team's account
    // (renaming needs edit access to both, closing to one); the others attend their column only.
    let other_contact = columns[1]["{contact}"].clone();
    for (index, ids) in columns.iter_mut().enumerate() {
        let column = COLUMNS[index];
        for (placeholder, name) in [("{event}", "Client day"), ("{spare_event}", "Seminar")] {
            let mut contact_ids = vec![ids["{contact}"].clone()];
            if index == 0 && placeholder == "{event}" {
                contact_ids.push(other_contact.clone());
            }
            let event_body = json!({"name": format!("{name} {column}"), "kind": "client_day",
                                    "occurred_at": chrono::Utc::now(), "summary": "Hosted at the office",
                                    "employee_ids": [ids["{owner}"]], "contact_ids": contact_ids});
            ids.insert(placeholder, id_of(&post(app, &admin, "/api/v1/events", event_body).await));
        }
    }
    let own = &columns[0];
    for account in [&own["{account}"], &own["{partner}"]] {
        assign(app, &admin, account, member_edit, "co_owner", "edit").await;
        assign(app, &admin, account, member_read, "specialist", "read").await;
    }
    assign(app, &admin, &own["{account}"], departed, "specialist", "edit").await;
    let policy = post(
        app,
        &admin,
        "/api/v1/coverage-policies",
        json!({"tier": "B", "min_holders": 1, "min_current_contacts": 1}),
    )
    .await;

    let caller_email = match role {
        "admin" => "admin@example.com",
        "hr" => "hr@example.com",
        "sales_lead" => "lead@example.com",
        "member_edit" => "member-edit@example.com",
        "member_read" => "member-read@example.com",
        _ => "departed@example.com",
    };
    let login = app.login(caller_email, PASSWORD).await;
    assert_eq!(login.status, 200, "{}", login.body);
    let caller_token = login.body["access_token"].as_str().expect("token").to_owned();
    let caller_refresh = login.body["refresh_token"].as_str().expect("refresh").to_owned();
    if role == "departed" {
        let version = version(app, &admin, &format!("/api/v1/users/{departed}"), None).await;
        let gone = app
            .send_if_match(
                "PATCH",
                &format!("/api/v1/users/{departed}"),
                &admin,
                version,
                Some(json!({"status": "departed"})),
            )
            .await;
        assert_eq!(gone.status, 200, "setup departure: {}", gone.body);
    }
    let run_wide = HashMap::from([
        ("{lead}", candidate_lead.to_string()),
        ("{policy}", id_of(&policy)),
        ("{now}", chrono::Utc::now().to_rfc3339()),
        ("{email}", caller_email.to_owned()),
        ("{refresh_token}", caller_refresh.clone()),
    ]);
    Firm { admin, caller_token, columns, run_wide }
}

/// The version of a record (or of the list item whose `key=value` is `item`), read as admin.
async fn version(app: &TestApp, admin: &str, path: &str, item: Option<&str>) -> i64 {
    let answer = app.send("GET", path, Some(admin), None).await;
    let record = match item.and_then(|item| item.split_once('=')) {
        None => Some(&answer.body),
        Some((key, value)) => {
            answer.body["items"].as_array().and_then(|items| items.iter().find(|item| item[key] == value))
        }
    };
    // A record the earlier rows never made (a denied PUT) gets any version: the access check
    // answers first.
    record.and_then(|record| record["version"].as_i64()).unwrap_or(1)
}

fn fill(template: &str, column: &HashMap<&'static str, String>, run_wide: &HashMap<&'static str, String>) -> String {
    let mut text = template.to_owned();
    for (placeholder, value) in column.iter().chain(run_wide) {
        text = text.replace(placeholder, value);
    }
    text
}

fn meets(outcome: Outcome, answer: &Response, also_allowed: &[u16]) -> bool {
    match outcome {
        Outcome::Allow => (200..300).contains(&answer.status) || also_allowed.contains(&answer.status),
        Outcome::Deny => answer.status == 403,
        Outcome::Hidden => answer.status == 404,
        Outcome::Invalid => {
            answer.status == 422 && (answer.body["field"].is_string() || answer.body["errors"][0]["column"].is_string())
        }
        Outcome::SignedOut => answer.status == 401,
    }
}

/// Runs every row of the matrix for `role`; answers the number of requests checked (one per
/// record column where the request names a record, else one for the row).
async fn check_role(app: &TestApp, role: &str) -> usize {
    let matrix = matrix();
    let firm = firm(app, role).await;
    let mut failures = Vec::new();
    let mut cells = 0;
    for endpoint in &matrix.endpoint {
        let per_record = RECORD_PLACEHOLDERS
            .iter()
            .any(|p| endpoint.path.contains(p) || endpoint.body.as_deref().is_some_and(|body| body.contains(p)));
        let columns = if per_record { 0..3 } else { 0..1 };
        for column in columns {
            let ids = &firm.columns[column];
            let path = fill(&endpoint.path, ids, &firm.run_wide);
            let method = reqwest::Method::from_bytes(endpoint.method.as_bytes()).expect("method");
            let mut request = app.client.request(method, format!("{}{path}", app.base)).bearer_auth(&firm.caller_token);
            if let Some(body) = &endpoint.body {
                let content_type = endpoint.content_type.as_deref().unwrap_or("application/json");
                request = request.header("content-type", content_type).body(fill(body, ids, &firm.run_wide));
            }
            if let Some(source) = &endpoint.version_from {
                let item = endpoint.version_of_item.as_deref().map(|item| fill(item, ids, &firm.run_wide));
                let version = version(app, &firm.admin, &fill(source, ids, &firm.run_wide), item.as_deref()).await;
                request = request.header("If-Match", format!("\"{version}\""));
            }
            let answer = app.raw(request).await;
            let expected = endpoint.expectations[role].for_column(column);
            cells += 1;
            if !meets(expected, &answer, &endpoint.also_allowed) {
                failures.push(format!(
                    "{role} × {} {} × {}: expected {expected:?}, got {} {}",
                    endpoint.method, endpoint.path, COLUMNS[column], answer.status, answer.body
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{} cells disagree with the matrix:\n{}", failures.len(), failures.join("\n"));
    cells
}

macro_rules! matrix_role {
    ($role:ident) => {
        api_test!(fn $role(app) {
            let cells = check_role(&app, stringify!($role)).await;
            println!("authorisation matrix: {} requests checked for {}", cells, stringify!($role));
        });
    };
}

matrix_role!(admin);
matrix_role!(hr);
matrix_role!(sales_lead);
matrix_role!(member_edit);
matrix_role!(member_read);
matrix_role!(departed);
