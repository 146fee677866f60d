//! CSV import and export end to end: all-or-nothing files with every bad line reported,
//! idempotent re-imports, dry runs, exports that import again unchanged, formula neutralising,
//! who may import and what an export holds, and figures kept current by an import.

mod common;

use chrono::{Duration, SecondsFormat, Utc};
use common::{Response, TestApp};
use continuity_domain::Role;
use serde_json::{json, Value};

struct Setup {
    admin: String,
    lead: String,
    member: String,
    private_banking: i64,
    ana: i64,
}

async fn setup(app: &TestApp) -> Setup {
    let private_banking = app.create_team("Private Banking");
    app.create_team("Corporate");
    app.create_user("admin@example.com", Role::Admin, None);
    let lead = app.create_user("lead@example.com", Role::SalesLead, Some(private_banking));
    app.make_lead(private_banking, lead);
    let ana = app.create_user("ana@example.com", Role::Member, Some(private_banking));
    app.create_user("ben@example.com", Role::Member, Some(private_banking));
    Setup {
        admin: app.token("admin@example.com").await,
        lead: app.token("lead@example.com").await,
        member: app.token("ana@example.com").await,
        private_banking,
        ana,
    }
}

const ACCOUNTS: &str = "external_id,name,tier,region,team_name,annual_value_minor,currency,status\r\n\
    acc-1,Fjord Capital,A,Nordics,Private Banking,500000,EUR,active\r\n\
    acc-2,Zoë Ærøskøbing Holding 北京,B,Nordics,private banking,250000,EUR,\r\n\
    acc-3,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",C,Iberia,Corporate,1000,EUR,churned\r\n";

const CONTACTS: &str = "external_id,account_external_id,name,job_title,email,phone,influence,left_at\r\n\
    c-1,acc-1,Ingrid Ødegård,CFO,ingrid@fjord.example,+47 22 00 00 00,decision_maker,\r\n\
    c-2,acc-1,@x,-lead,,,champion,2026-01-15\r\n";

const ASSIGNMENTS: &str = "account_external_id,user_email,role,access\r\n\
    acc-1,ana@example.com,owner,edit\r\n\
    acc-2,ANA@example.com,co_owner,read\r\n";

fn interactions_file() -> String {
    let at = |days: i64| (Utc::now() - Duration::days(days)).to_rfc3339_opts(SecondsFormat::Secs, true);
    format!(
        "external_id,account_external_id,kind,occurred_at,summary,on_behalf_of,complaint_status,follow_up_owner_email,follow_up_due,employee_emails,contact_external_ids\r\n\
         i-1,acc-1,meeting,{},\"Quarterly review, \"\"good\"\"\nnext: +1 follow-up\",person,,,,ana@example.com,c-1;c-2\r\n\
         i-2,acc-1,complaint,{},Late statement,person,open,ana@example.com,2026-12-01,ana@example.com,c-1\r\n",
        at(10),
        at(5)
    )
}

async fn post_csv(app: &TestApp, token: &str, kind: &str, file: &str, dry_run: bool) -> Response {
    let query = if dry_run { "?dry_run=true" } else { "" };
    let request = app
        .client
        .post(format!("{}/api/v1/import/{kind}{query}", app.base))
        .bearer_auth(token)
        .header("Content-Type", "text/csv")
        .body(file.to_owned());
    app.raw(request).await
}

/// Imports a file that must succeed; answers the report.
async fn import_ok(app: &TestApp, token: &str, kind: &str, file: &str) -> Value {
    let answer = post_csv(app, token, kind, file, false).await;
    assert_eq!(answer.status, 200, "{kind}: {}", answer.body);
    answer.body
}

async fn export(app: &TestApp, token: &str, kind: &str) -> String {
    let answer = app.send("GET", &format!("/api/v1/export/{kind}"), Some(token), None).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert!(answer.header("content-type").is_some_and(|value| value.starts_with("text/csv")));
    answer.body.as_str().unwrap_or_else(|| panic!("not text: {}", answer.body)).to_owned()
}

fn figures(report: &Value) -> (i64, i64, i64) {
    let figure = |name: &str| report[name].as_i64().unwrap_or_else(|| panic!("no {name} in {report}"));
    (figure("created"), figure("updated"), figure("unchanged"))
}

async fn audit_total(app: &TestApp, token: &str) -> usize {
    let answer = app.send("GET", "/api/v1/audit?limit=200", Some(token), None).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.body["items"].as_array().expect("items").len()
}

async fn accounts_named(app: &TestApp, token: &str, q: &str) -> Vec<Value> {
    let answer = app.send("GET", &format!("/api/v1/accounts?q={q}"), Some(token), None).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.body["items"].as_array().expect("items").clone()
}

/// Loads all four files; answers the interactions file (its times are relative to now, so a
/// test that imports it again must reuse this one).
async fn load_everything(app: &TestApp, token: &str) -> String {
    import_ok(app, token, "accounts", ACCOUNTS).await;
    import_ok(app, token, "contacts", CONTACTS).await;
    import_ok(app, token, "assignments", ASSIGNMENTS).await;
    let interactions = interactions_file();
    import_ok(app, token, "interactions", &interactions).await;
    interactions
}

api_test!(fn a_file_with_bad_lines_answers_422_naming_each_and_writes_nothing(app) {
    let s = setup(&app).await;
    let audit_before = audit_total(&app, &s.admin).await;
    let file = "external_id,name,tier,region,team_name,annual_value_minor,currency\n\
        ok-1,Good One,A,Nordics,Private Banking,100,EUR\n\
        bad-1,Bad Tier,D,Nordics,Private Banking,100,EUR\n\
        bad-2,\"Two\nLines\",B,Nordics,Private Banking,100,EUT\n\
        bad-3,No Team,B,Nordics,Nowhere,100,EUR\n\
        bad-4,Negative,B,Nordics,Private Banking,-5,EUR\n\
        ok-1,Twice,B,Nordics,Private Banking,100,EUR\n";
    let answer = post_csv(&app, &s.admin, "accounts", file, false).await;
    answer.expect_problem(422);
    let errors: Vec<(i64, String)> = answer.body["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|error| {
            assert!(error["reason"].as_str().is_some_and(|reason| !reason.is_empty()), "{error}");
            (error["line"].as_i64().expect("line"), error["column"].as_str().unwrap_or_default().to_owned())
        })
        .collect();
    assert_eq!(
        errors,
        vec![
            (3, "tier".to_owned()),
            (4, "currency".to_owned()),
            (6, "team_name".to_owned()),
            (7, "annual_value_minor".to_owned()),
            (8, "external_id".to_owned()),
        ],
        "{}",
        answer.body
    );
    assert!(accounts_named(&app, &s.admin, "").await.is_empty(), "nothing was written");
    assert_eq!(audit_total(&app, &s.admin).await, audit_before, "no audit entries");

    let unknown = post_csv(&app, &s.admin, "accounts", "external_id,name,colour\nx,y,red\n", false).await;
    unknown.expect_problem(422);
    let named: Vec<&str> = unknown.body["errors"].as_array().expect("errors").iter()
        .filter_map(|error| error["column"].as_str()).collect();
    assert!(named.contains(&"colour") && named.contains(&"tier"), "{}", unknown.body);

    let json = app.raw(app.client.post(format!("{}/api/v1/import/accounts", app.base)).bearer_auth(&s.admin)
        .header("Content-Type", "application/json").body("{}")).await;
    json.expect_problem(415);
    let nowhere = post_csv(&app, &s.admin, "invoices", ACCOUNTS, false).await;
    nowhere.expect_problem(404);
});

api_test!(fn importing_the_same_file_twice_changes_nothing_the_second_time(app) {
    let s = setup(&app).await;
    assert_eq!(figures(&import_ok(&app, &s.admin, "accounts", ACCOUNTS).await), (3, 0, 0));
    assert_eq!(figures(&import_ok(&app, &s.admin, "contacts", CONTACTS).await), (2, 0, 0));
    assert_eq!(figures(&import_ok(&app, &s.admin, "assignments", ASSIGNMENTS).await), (2, 0, 0));
    let interactions = interactions_file();
    assert_eq!(figures(&import_ok(&app, &s.admin, "interactions", &interactions).await), (2, 0, 0));
    let audit_after_first = audit_total(&app, &s.admin).await;
    assert!(audit_after_first >= 9, "every created record is audited");

    assert_eq!(figures(&import_ok(&app, &s.admin, "accounts", ACCOUNTS).await), (0, 0, 3));
    assert_eq!(figures(&import_ok(&app, &s.admin, "contacts", CONTACTS).await), (0, 0, 2));
    assert_eq!(figures(&import_ok(&app, &s.admin, "assignments", ASSIGNMENTS).await), (0, 0, 2));
    assert_eq!(figures(&import_ok(&app, &s.admin, "interactions", &interactions).await), (0, 0, 2));
    assert_eq!(audit_total(&app, &s.admin).await, audit_after_first, "no new audit entries");
});

api_test!(fn a_changed_line_updates_that_record_and_audits_it(app) {
    let s = setup(&app).await;
    let interactions = load_everything(&app, &s.admin).await;
    let changed = ACCOUNTS.replace("acc-1,Fjord Capital,A,Nordics", "acc-1,Fjord Capital,A,Baltics");
    assert_eq!(figures(&import_ok(&app, &s.admin, "accounts", &changed).await), (0, 1, 2));
    let fjord = &accounts_named(&app, &s.admin, "Fjord").await[0];
    assert_eq!(fjord["region"], json!("Baltics"));
    let id = fjord["id"].as_str().expect("id");
    let audit = app.send("GET", &format!("/api/v1/audit?entity=account&entity_id={id}"), Some(&s.admin), None).await;
    let updates: Vec<&Value> = audit.body["items"].as_array().expect("items").iter()
        .filter(|entry| entry["action"] == "update").collect();
    assert_eq!(updates.len(), 1, "{}", audit.body);
    assert_eq!(updates[0]["after"]["region"], json!("Baltics"));

    let resolved = interactions.replace(",open,", ",resolved,");
    assert_eq!(figures(&import_ok(&app, &s.admin, "interactions", &resolved).await), (0, 1, 1));
    let moved = interactions.replace("i-1,acc-1,meeting", "i-1,acc-1,call");
    let refused = post_csv(&app, &s.admin, "interactions", &moved, false).await;
    refused.expect_problem(422);
    assert_eq!(refused.body["errors"][0]["column"], json!("kind"), "{}", refused.body);
});

api_test!(fn a_dry_run_reports_the_real_figures_and_writes_nothing(app) {
    let s = setup(&app).await;
    let audit_before = audit_total(&app, &s.admin).await;
    let dry = post_csv(&app, &s.admin, "accounts", ACCOUNTS, true).await;
    assert_eq!(dry.status, 200, "{}", dry.body);
    assert!(accounts_named(&app, &s.admin, "").await.is_empty(), "a dry run writes nothing");
    assert_eq!(audit_total(&app, &s.admin).await, audit_before);
    let real = import_ok(&app, &s.admin, "accounts", ACCOUNTS).await;
    assert_eq!(figures(&dry.body), figures(&real));
    assert_eq!(figures(&real), (3, 0, 0));

    let changed = ACCOUNTS.replace("500000", "600000");
    let dry = post_csv(&app, &s.admin, "accounts", &changed, true).await;
    assert_eq!(figures(&dry.body), (0, 1, 2));
    assert_eq!(accounts_named(&app, &s.admin, "Fjord").await[0]["annual_value_minor"], json!(500000));
});

api_test!(fn every_kind_exports_what_imports_again_unchanged(app) {
    let s = setup(&app).await;
    load_everything(&app, &s.admin).await;
    // Records made through the JSON API have no external id: they travel by a reserved handle.
    let made = app.send("POST", "/api/v1/accounts", Some(&s.admin), Some(json!({"name": "Made by hand",
        "tier": "C", "region": "Alps", "team_id": s.private_banking.to_string(), "annual_value_minor": 7, "currency": "CHF"}))).await;
    assert_eq!(made.status, 201, "{}", made.body);
    let made_id = made.body["id"].as_str().expect("id").to_owned();
    let contact = app.send("POST", &format!("/api/v1/accounts/{made_id}/contacts"), Some(&s.admin),
        Some(json!({"name": "Hand Made", "influence": "user"}))).await;
    assert_eq!(contact.status, 201, "{}", contact.body);
    let audit_before = audit_total(&app, &s.admin).await;
    for kind in ["accounts", "contacts", "assignments", "interactions"] {
        let file = export(&app, &s.admin, kind).await;
        let report = import_ok(&app, &s.admin, kind, &file).await;
        let (created, updated, unchanged) = figures(&report);
        assert_eq!((created, updated), (0, 0), "{kind}: {report}\n{file}");
        assert!(unchanged >= 2, "{kind}: {report}");
        assert_eq!(export(&app, &s.admin, kind).await, file, "{kind} exports the same again");
    }
    assert_eq!(audit_total(&app, &s.admin).await, audit_before);
    let accounts = export(&app, &s.admin, "accounts").await;
    assert!(accounts.contains(&format!("continuity:{made_id},Made by hand")), "{accounts}");
});

api_test!(fn formula_like_cells_are_neutralised_and_unicode_survives_the_round_trip(app) {
    let s = setup(&app).await;
    load_everything(&app, &s.admin).await;
    let accounts = export(&app, &s.admin, "accounts").await;
    assert!(accounts.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""), "{accounts}");
    assert!(accounts.contains("Zoë Ærøskøbing Holding 北京"), "{accounts}");
    let contacts = export(&app, &s.admin, "contacts").await;
    assert!(contacts.contains("'+47 22 00 00 00") && contacts.contains(",'@x,'-lead,"), "{contacts}");
    for line in accounts.lines().chain(contacts.lines()) {
        for cell in line.split(',') {
            assert!(!cell.trim_start_matches('"').starts_with(['=', '+', '-', '@']), "live formula cell {cell} in {line}");
        }
    }
    assert_eq!(figures(&import_ok(&app, &s.admin, "accounts", &accounts).await), (0, 0, 3));
    assert_eq!(figures(&import_ok(&app, &s.admin, "contacts", &contacts).await), (0, 0, 2));
    let evil = accounts_named(&app, &s.admin, "HYPERLINK").await;
    assert_eq!(evil[0]["name"], json!("=HYPERLINK(\"http://evil.example\",\"x\")"));
    assert_eq!(accounts_named(&app, &s.admin, "Zoë").await[0]["name"], json!("Zoë Ærøskøbing Holding 北京"));
    let interactions = export(&app, &s.admin, "interactions").await;
    assert!(interactions.contains("Quarterly review, \"\"good\"\"\nnext: +1 follow-up"), "{interactions}");
});

api_test!(fn a_lead_imports_and_exports_only_their_teams_and_a_member_cannot_import(app) {
    let s = setup(&app).await;
    load_everything(&app, &s.admin).await;
    let lead_accounts = export(&app, &s.lead, "accounts").await;
    assert!(lead_accounts.contains("acc-1") && lead_accounts.contains("acc-2"), "{lead_accounts}");
    assert!(!lead_accounts.contains("acc-3"), "Corporate is not the lead's: {lead_accounts}");
    assert_eq!(figures(&import_ok(&app, &s.lead, "accounts", &lead_accounts).await), (0, 0, 2));
    let refused = post_csv(&app, &s.lead, "accounts", ACCOUNTS, false).await;
    refused.expect_problem(422);
    assert_eq!(refused.body["errors"][0]["line"], json!(4), "{}", refused.body);
    assert_eq!(refused.body["errors"][0]["column"], json!("team_name"));

    let member = post_csv(&app, &s.member, "accounts", ACCOUNTS, false).await;
    member.expect_problem(403);
    let member_accounts = export(&app, &s.member, "accounts").await;
    assert!(member_accounts.contains("acc-1") && !member_accounts.contains("acc-3"), "{member_accounts}");
});

api_test!(fn an_interactions_import_brings_the_account_figures_up_to_date(app) {
    let s = setup(&app).await;
    import_ok(&app, &s.admin, "accounts", ACCOUNTS).await;
    import_ok(&app, &s.admin, "contacts", CONTACTS).await;
    let fjord = accounts_named(&app, &s.admin, "Fjord").await[0]["id"].as_str().expect("id").to_owned();
    let before = app.send("GET", &format!("/api/v1/accounts/{fjord}/risk"), Some(&s.admin), None).await;
    assert_eq!(before.body["holders"], json!([]), "nobody holds it yet: {}", before.body);
    import_ok(&app, &s.admin, "interactions", &interactions_file()).await;
    let after = app.send("GET", &format!("/api/v1/accounts/{fjord}/risk"), Some(&s.admin), None).await;
    assert_eq!(after.status, 200, "{}", after.body);
    let holders: Vec<&str> = after.body["holders"].as_array().expect("holders").iter()
        .filter_map(|holder| holder["user_id"].as_str()).collect();
    assert_eq!(holders, vec![s.ana.to_string().as_str()], "{}", after.body);
    let codes: Vec<&str> = after.body["flags"].as_array().expect("flags").iter()
        .filter_map(|flag| flag["code"].as_str()).collect();
    assert!(codes.contains(&"open_complaint"), "{}", after.body);
});
