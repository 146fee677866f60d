//! `GET /me` answers the caller's permissions, and each one is what the endpoint it names then
//! does for that caller: a permission that is true opens the endpoint, a false one answers
//! 403 or 404 (or 422 for a team outside the caller's reach) exactly as the API always has.

mod common;

use common::{Response, TestApp};
use continuity_domain::Role;
use serde_json::{json, Value};

struct Firm {
    admin: String,
    home: i64,
    other: i64,
    /// Account of Home the member is on with edit access, and one with read access.
    editable: String,
    readable: String,
    contact: String,
    /// A member of the other team, whose HR figures only HR and admins see.
    outsider: i64,
    /// A plan for the holder of `editable`, with its handover.
    plan: String,
    /// (role label, token, caller id, a spare member of Home for this caller's writes)
    callers: Vec<(&'static str, String, i64, i64)>,
}

fn created(answer: Response) -> Value {
    assert!(answer.status == 201 || answer.status == 200, "{}", answer.body);
    answer.body
}

async fn account(app: &TestApp, admin: &str, team: i64, name: &str) -> String {
    let body = json!({"name": name, "tier": "A", "region": "EMEA", "team_id": team.to_string(),
                      "annual_value_minor": 1_000_000, "currency": "EUR"});
    let answer = created(app.send("POST", "/api/v1/accounts", Some(admin), Some(body)).await);
    answer["id"].as_str().expect("id").to_owned()
}

async fn assign(app: &TestApp, admin: &str, account: &str, user: i64, role: &str, access: &str) {
    let path = format!("/api/v1/accounts/{account}/team/{user}");
    created(app.send("PUT", &path, Some(admin), Some(json!({"role": role, "access": access}))).await);
}

async fn firm(app: &TestApp) -> Firm {
    let home = app.create_team("Home");
    let other = app.create_team("Other");
    app.create_user("admin@example.com", Role::Admin, None);
    app.create_user("hr@example.com", Role::Hr, None);
    let lead = app.create_user("lead@example.com", Role::SalesLead, None);
    app.make_lead(home, lead);
    let member = app.create_user("member@example.com", Role::Member, Some(home));
    let holder = app.create_user("holder@example.com", Role::Member, Some(home));
    let outsider = app.create_user("outsider@example.com", Role::Member, Some(other));
    let admin = app.token("admin@example.com").await;

    let editable = account(app, &admin, home, "Editable").await;
    let readable = account(app, &admin, home, "Readable").await;
    assign(app, &admin, &editable, holder, "owner", "edit").await;
    assign(app, &admin, &editable, member, "co_owner", "edit").await;
    assign(app, &admin, &readable, member, "specialist", "read").await;
    let contact = created(
        app.send(
            "POST",
            &format!("/api/v1/accounts/{editable}/contacts"),
            Some(&admin),
            Some(json!({"name": "Dana Client", "job_title": "CFO", "influence": "decision_maker"})),
        )
        .await,
    )["id"]
        .as_str()
        .expect("id")
        .to_owned();
    created(
        app.send(
            "POST",
            &format!("/api/v1/accounts/{editable}/interactions"),
            Some(&admin),
            Some(json!({"kind": "meeting", "occurred_at": chrono::Utc::now(), "summary": "Quarterly review",
                        "employee_ids": [holder.to_string()], "contact_ids": [contact]})),
        )
        .await,
    );
    let plan = created(
        app.send(
            "POST",
            "/api/v1/departures",
            Some(&admin),
            Some(json!({"user_id": holder.to_string(), "leave_date": "2031-06-30"})),
        )
        .await,
    )["id"]
        .as_str()
        .expect("id")
        .to_owned();

    let mut callers = Vec::new();
    for (label, email, id) in [
        ("admin", "admin@example.com", None),
        ("hr", "hr@example.com", None),
        ("sales_lead", "lead@example.com", Some(lead)),
        ("member", "member@example.com", Some(member)),
    ] {
        let spare = app.create_user(&format!("spare-{label}@example.com"), Role::Member, Some(home));
        let token = app.token(email).await;
        let id = match id {
            Some(id) => id,
            None => app.send("GET", "/api/v1/me", Some(&token), None).await.body["id"]
                .as_str()
                .and_then(|id| id.parse().ok())
                .expect("id"),
        };
        callers.push((label, token, id, spare));
    }
    Firm { admin, home, other, editable, readable, contact, outsider, plan, callers }
}

/// What `/me` must answer for each role of the firm (Home is the led team and the member's).
fn expected(label: &str, firm: &Firm) -> Value {
    let home = firm.home.to_string();
    let all = [
        "may_create_accounts",
        "may_edit_accounts",
        "edits_only_with_edit_access",
        "may_see_interaction_text",
        "may_import",
        "may_see_portfolio",
        "may_see_campaigns",
        "may_run_campaigns",
        "may_run_firm_wide_campaigns",
        "may_list_users",
        "may_see_hr_figures",
        "may_rank_people",
        "may_edit_people",
        "may_simulate_departures",
        "may_see_departures",
        "may_plan_departures",
        "may_approve_handovers",
        "may_manage_users",
        "may_manage_teams",
        "may_manage_coverage_policies",
        "may_manage_settings",
        "may_handle_privacy_requests",
        "may_see_audit",
    ];
    let granted: &[&str] = match label {
        "admin" => &all[..],
        "hr" => &[
            "may_see_portfolio",
            "may_see_campaigns",
            "may_list_users",
            "may_see_hr_figures",
            "may_rank_people",
            "may_edit_people",
            "may_simulate_departures",
            "may_see_departures",
            "may_plan_departures",
            "may_approve_handovers",
        ],
        "sales_lead" => &[
            "may_create_accounts",
            "may_edit_accounts",
            "may_see_interaction_text",
            "may_import",
            "may_see_portfolio",
            "may_see_campaigns",
            "may_run_campaigns",
            "may_list_users",
            "may_rank_people",
            "may_simulate_departures",
            "may_see_departures",
            "may_approve_handovers",
            "may_see_audit",
        ],
        _ => &["may_create_accounts", "may_edit_accounts", "edits_only_with_edit_access", "may_see_interaction_text"],
    };
    let mut permissions = serde_json::Map::new();
    for name in all {
        let allowed = if label == "admin" { name != "edits_only_with_edit_access" } else { granted.contains(&name) };
        permissions.insert(name.into(), json!(allowed));
    }
    let led = json!([home]);
    let (accounts, portfolio, campaigns, teams_led) = match label {
        "admin" => (Value::Null, Value::Null, Value::Null, json!([])),
        "hr" => (json!([]), Value::Null, Value::Null, json!([])),
        "sales_lead" => (led.clone(), led.clone(), led.clone(), led),
        _ => (json!([home]), json!([]), json!([]), json!([])),
    };
    permissions.insert("account_team_ids".into(), accounts);
    // The people a caller ranks are those of the teams whose portfolio they see.
    permissions.insert("people_team_ids".into(), portfolio.clone());
    permissions.insert("portfolio_team_ids".into(), portfolio);
    permissions.insert("campaign_team_ids".into(), campaigns);
    permissions.insert("teams_led".into(), teams_led);
    Value::Object(permissions)
}

/// Whether a probe was let through: 2xx, or refused as the policy refuses (403, 404, 422).
fn opened(what: &str, label: &str, answer: &Response) -> bool {
    match answer.status {
        200..=299 => true,
        403 | 404 | 422 => false,
        status => panic!("{label}: {what} answered {status}: {}", answer.body),
    }
}

async fn version(app: &TestApp, admin: &str, path: &str) -> i64 {
    let answer = app.send("GET", path, Some(admin), None).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.body["version"].as_i64().expect("version")
}

api_test!(fn me_answers_each_roles_permissions(app) {
    let firm = firm(&app).await;
    for (label, token, _, _) in &firm.callers {
        let me = app.send("GET", "/api/v1/me", Some(token), None).await;
        assert_eq!(me.status, 200, "{}", me.body);
        assert_eq!(me.body["permissions"], expected(label, &firm), "{label}");
        assert_eq!(me.body["permissions"]["teams_led"], me.body["led_team_ids"], "{label}");
    }
});

api_test!(fn each_permission_matches_what_its_endpoint_then_allows(app) {
    let firm = firm(&app).await;
    let admin = firm.admin.clone();
    for (label, token, caller_id, spare) in &firm.callers {
        let label = *label;
        let token = token.as_str();
        let me = app.send("GET", "/api/v1/me", Some(token), None).await;
        let permissions = me.body["permissions"].clone();
        let may = |name: &str| permissions[name].as_bool().unwrap_or_else(|| panic!("{label}: no {name}"));
        let teams = |name: &str| -> Option<Vec<String>> {
            permissions[name].as_array().map(|ids| ids.iter().map(|id| id.as_str().expect("id").to_owned()).collect())
        };
        let check = |name: &str, what: &str, answer: &Response, expected: bool| {
            assert_eq!(opened(what, label, answer), expected, "{label}: {name} vs {what}: {}", answer.body);
        };

        // Accounts: creating in each team of the reach, and not outside it.
        let reach = teams("account_team_ids");
        for team in [firm.home, firm.other] {
            let inside = reach.as_ref().is_none_or(|ids| ids.contains(&team.to_string()));
            let body = json!({"name": format!("{label} {team}"), "tier": "C", "region": "EMEA",
                              "team_id": team.to_string(), "annual_value_minor": 1000, "currency": "EUR"});
            let answer = app.send("POST", "/api/v1/accounts", Some(token), Some(body)).await;
            check("may_create_accounts", "POST /accounts", &answer, may("may_create_accounts") && inside);
        }
        for (account, on_it_with_edit) in [(&firm.editable, true), (&firm.readable, false)] {
            let path = format!("/api/v1/accounts/{account}");
            let current = version(&app, &admin, &path).await;
            let answer = app.send_if_match("PATCH", &path, token, current, Some(json!({"region": "APAC"}))).await;
            let expected = may("may_edit_accounts") && (!may("edits_only_with_edit_access") || on_it_with_edit);
            check("may_edit_accounts", "PATCH /accounts/{id}", &answer, expected);
        }
        let interactions =
            app.send("GET", &format!("/api/v1/accounts/{}/interactions", firm.editable), Some(token), None).await;
        assert_eq!(interactions.status, 200, "{label}: {}", interactions.body);
        let summary = &interactions.body["items"][0]["summary"];
        assert_eq!(summary.is_string(), may("may_see_interaction_text"), "{label}: {summary}");
        let csv = format!(
            "external_id,name,tier,region,team_name,annual_value_minor,currency\nimported-{label},Imported,C,EMEA,Home,1000,EUR\n"
        );
        let import = app
            .raw(
                app.client
                    .post(format!("{}/api/v1/import/accounts", app.base))
                    .bearer_auth(token)
                    .header("Content-Type", "text/csv")
                    .body(csv),
            )
            .await;
        check("may_import", "POST /import/accounts", &import, may("may_import"));

        // Portfolio figures, for each team in reach and none outside it.
        let summary = app.send("GET", "/api/v1/risk/summary", Some(token), None).await;
        check("may_see_portfolio", "GET /risk/summary", &summary, may("may_see_portfolio"));
        let portfolio = teams("portfolio_team_ids");
        for team in [firm.home, firm.other] {
            let inside = portfolio.as_ref().is_none_or(|ids| ids.contains(&team.to_string()));
            let answer = app.send("GET", &format!("/api/v1/risk/summary?team_id={team}"), Some(token), None).await;
            check("portfolio_team_ids", "GET /risk/summary?team_id", &answer, may("may_see_portfolio") && inside);
        }

        // Campaigns.
        let list = app.send("GET", "/api/v1/campaigns", Some(token), None).await;
        check("may_see_campaigns", "GET /campaigns", &list, may("may_see_campaigns"));
        let campaign_teams = teams("campaign_team_ids");
        for team in [Some(firm.home), Some(firm.other), None] {
            let inside = match (&campaign_teams, team) {
                (None, _) => true,
                (Some(ids), Some(team)) => ids.contains(&team.to_string()),
                (Some(_), None) => false,
            };
            let expected = may("may_run_campaigns") && inside && (team.is_some() || may("may_run_firm_wide_campaigns"));
            let mut body = json!({"name": format!("{label} mailing {team:?}"), "kind": "mailing", "target": {"filter": {}}});
            if let Some(team) = team {
                body["team_id"] = json!(team.to_string());
            }
            let answer = app.send("POST", "/api/v1/campaigns", Some(token), Some(body)).await;
            check("may_run_campaigns", "POST /campaigns", &answer, expected);
        }

        // People.
        let users = app.send("GET", "/api/v1/users", Some(token), None).await;
        check("may_list_users", "GET /users", &users, may("may_list_users"));
        let clauses = app.send("GET", "/api/v1/clauses", Some(token), None).await;
        check("may_see_hr_figures", "GET /clauses", &clauses, may("may_see_hr_figures"));
        let ranking = app.send("GET", "/api/v1/exposure/people", Some(token), None).await;
        check("may_rank_people", "GET /exposure/people", &ranking, may("may_rank_people"));
        for team in [firm.home, firm.other] {
            let ranks = may("may_rank_people")
                && teams("people_team_ids").is_none_or(|ids| ids.contains(&team.to_string()));
            let path = format!("/api/v1/exposure/people?team_id={team}");
            let ranking = app.send("GET", &path, Some(token), None).await;
            check("people_team_ids", "GET /exposure/people?team_id", &ranking, ranks);
        }
        let outsider = format!("/api/v1/users/{}", firm.outsider);
        let record = app.send("GET", &outsider, Some(token), None).await;
        check("may_see_hr_figures", "GET /users/{id}", &record, may("may_see_hr_figures"));
        let exposure = app.send("GET", &format!("{outsider}/exposure"), Some(token), None).await;
        check("may_see_hr_figures", "GET /users/{id}/exposure", &exposure, may("may_see_hr_figures"));
        let own = app.send("GET", &format!("/api/v1/users/{caller_id}/exposure"), Some(token), None).await;
        check("own exposure", "GET /users/{me}/exposure", &own, true);
        let spare_path = format!("/api/v1/users/{spare}");
        let current = version(&app, &admin, &spare_path).await;
        let patch = app
            .send_if_match("PATCH", &spare_path, token, current, Some(json!({"non_compete_until": "2031-01-31"})))
            .await;
        check("may_edit_people", "PATCH /users/{id}", &patch, may("may_edit_people"));
        let current = version(&app, &admin, &spare_path).await;
        let rename =
            app.send_if_match("PATCH", &spare_path, token, current, Some(json!({"display_name": "Renamed"}))).await;
        check("may_manage_users", "PATCH /users/{id} display_name", &rename, may("may_manage_users"));
        let body = json!({"email": format!("new-{label}@example.com"), "display_name": "New Hire", "role": "member",
                          "password": common::PASSWORD});
        let create = app.send("POST", "/api/v1/users", Some(token), Some(body)).await;
        check("may_manage_users", "POST /users", &create, may("may_manage_users"));

        // Departures.
        let simulate = app
            .send("POST", "/api/v1/simulations/departure", Some(token), Some(json!({"user_ids": [spare.to_string()]})))
            .await;
        check("may_simulate_departures", "POST /simulations/departure", &simulate, may("may_simulate_departures"));
        let anyone = app
            .send(
                "POST",
                "/api/v1/simulations/departure",
                Some(token),
                Some(json!({"user_ids": [firm.outsider.to_string()]})),
            )
            .await;
        check("may_see_hr_figures", "POST /simulations/departure (other team)", &anyone, may("may_see_hr_figures"));
        let plans = app.send("GET", "/api/v1/departures", Some(token), None).await;
        check("may_see_departures", "GET /departures", &plans, may("may_see_departures"));
        let plan_path = format!("/api/v1/departures/{}", firm.plan);
        let current = version(&app, &admin, &plan_path).await;
        let waiver = app
            .send_if_match(
                "PATCH",
                &format!("{plan_path}/handovers/{}", firm.editable),
                token,
                current,
                Some(json!({"waiver_reason": format!("{label}: served by the whole team")})),
            )
            .await;
        check("may_approve_handovers", "PATCH /departures/{id}/handovers/{account}", &waiver, may("may_approve_handovers"));
        let plan = app
            .send("POST", "/api/v1/departures", Some(token), Some(json!({"user_id": spare.to_string(), "leave_date": "2031-06-30"})))
            .await;
        check("may_plan_departures", "POST /departures", &plan, may("may_plan_departures"));

        // Administration.
        let team = app.send("POST", "/api/v1/teams", Some(token), Some(json!({"name": format!("Team of {label}")}))).await;
        check("may_manage_teams", "POST /teams", &team, may("may_manage_teams"));
        let policy = app
            .send(
                "POST",
                "/api/v1/coverage-policies",
                Some(token),
                Some(json!({"tier": "C", "min_holders": 1, "min_current_contacts": 1})),
            )
            .await;
        check("may_manage_coverage_policies", "POST /coverage-policies", &policy, may("may_manage_coverage_policies"));
        let settings = app.send("GET", "/api/v1/settings", Some(token), None).await;
        check("may_manage_settings", "GET /settings", &settings, may("may_manage_settings"));
        let export = app.send("GET", &format!("/api/v1/contacts/{}/export", firm.contact), Some(token), None).await;
        check("may_handle_privacy_requests", "GET /contacts/{id}/export", &export, may("may_handle_privacy_requests"));
        let audit = app.send("GET", "/api/v1/audit", Some(token), None).await;
        check("may_see_audit", "GET /audit", &audit, may("may_see_audit"));
    }
});
