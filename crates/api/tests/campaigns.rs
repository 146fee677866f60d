//! Campaigns and the equal-treatment check end to end: exact report figures on a hand-built
//! portfolio, the warning rules, the acknowledged send and who may do what.

mod common;

use common::{Response, TestApp};
use continuity_domain::Role;
use serde_json::{json, Value};

struct Portfolio {
    admin: String,
    lead: String,
    hr: String,
    member: String,
    team_id: i64,
    other_team_id: i64,
    /// The six active accounts of the team, in the order of [`ACCOUNTS`].
    accounts: Vec<String>,
    churned: String,
    elsewhere: String,
    ana: i64,
}

/// Tier, region and value of the team's six active accounts: A 1 000 North, A 900 South,
/// B 500 North, B 400 South, C 100 North, C 50 North (universe: 6 accounts, 2 950).
const ACCOUNTS: [(&str, &str, i64); 6] = [
    ("A", "North", 1_000),
    ("A", "South", 900),
    ("B", "North", 500),
    ("B", "South", 400),
    ("C", "North", 100),
    ("C", "North", 50),
];

async fn create_account(
    app: &TestApp,
    token: &str,
    team_id: i64,
    name: &str,
    tier: &str,
    region: &str,
    value: i64,
) -> Response {
    let answer = app
        .send(
            "POST",
            "/api/v1/accounts",
            Some(token),
            Some(json!({"name": name, "tier": tier, "region": region, "team_id": team_id.to_string(),
                        "annual_value_minor": value, "currency": "EUR"})),
        )
        .await;
    assert_eq!(answer.status, 201, "{}", answer.body);
    answer
}

fn id(answer: &Response) -> String {
    answer.body["id"].as_str().unwrap_or_else(|| panic!("no id in {}", answer.body)).to_owned()
}

async fn portfolio(app: &TestApp) -> Portfolio {
    let team_id = app.create_team("Corporate");
    let other_team_id = app.create_team("Retail");
    app.create_staff(team_id);
    let ana = app.create_user("ana@example.com", Role::Member, Some(team_id));
    let admin = app.token("admin@example.com").await;
    let mut accounts = Vec::new();
    for (index, (tier, region, value)) in ACCOUNTS.iter().enumerate() {
        let answer = create_account(app, &admin, team_id, &format!("Client {index}"), tier, region, *value).await;
        accounts.push(id(&answer));
    }
    let churned = create_account(app, &admin, team_id, "Gone", "A", "North", 5_000).await;
    let version = churned.body["version"].as_i64().expect("version");
    let churned = id(&churned);
    let patch = app
        .send_if_match(
            "PATCH",
            &format!("/api/v1/accounts/{churned}"),
            &admin,
            version,
            Some(json!({"status": "churned"})),
        )
        .await;
    assert_eq!(patch.status, 200, "{}", patch.body);
    let elsewhere = id(&create_account(app, &admin, other_team_id, "Retail client", "A", "West", 7_000).await);
    Portfolio {
        admin,
        lead: app.token("lead@example.com").await,
        hr: app.token("hr@example.com").await,
        member: app.token("ana@example.com").await,
        team_id,
        other_team_id,
        accounts,
        churned,
        elsewhere,
        ana,
    }
}

fn picked(p: &Portfolio, positions: &[usize]) -> Value {
    json!({"account_ids": positions.iter().map(|position| p.accounts[*position].clone()).collect::<Vec<_>>()})
}

fn body(p: &Portfolio, name: &str, kind: &str, target: Value) -> Value {
    json!({"name": name, "kind": kind, "team_id": p.team_id.to_string(), "target": target})
}

fn codes(report: &Value) -> Vec<String> {
    report["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .filter_map(|w| w["code"].as_str())
        .map(str::to_owned)
        .collect()
}

async fn create(app: &TestApp, token: &str, body: Value) -> Response {
    app.send("POST", "/api/v1/campaigns", Some(token), Some(body)).await
}

api_test!(fn the_report_of_a_campaign_is_exact_per_tier_and_region(app) {
    let p = portfolio(&app).await;
    let campaign = create(&app, &p.admin, body(&p, "Spring letter", "mailing", picked(&p, &[0, 2, 5]))).await;
    assert_eq!(campaign.status, 201, "{}", campaign.body);
    assert_eq!(campaign.header("etag"), Some(format!("\"{}\"", campaign.body["version"])));
    assert_eq!(campaign.body["status"], "draft");
    assert_eq!(campaign.body["included_accounts"], 3);
    let report = app.send("GET", &format!("/api/v1/campaigns/{}/report", id(&campaign)), Some(&p.admin), None).await;
    assert_eq!(report.status, 200, "{}", report.body);
    let r = &report.body;
    assert_eq!(r["universe"], json!({"accounts": 6, "value_minor": 2_950}), "the churned account is not in it");
    assert_eq!(r["included"], json!({"accounts": 3, "value_minor": 1_550}));
    assert_eq!(r["excluded_share"], json!(0.5));
    assert_eq!(r["excluded_value_share"], json!(1_400.0 / 2_950.0));
    assert_eq!(
        r["by_tier"],
        json!([
            {"tier": "A", "active_accounts": 2, "included_accounts": 1, "excluded_share": 0.5, "value_minor": 1_900,
             "included_value_minor": 1_000, "excluded_value_share": 900.0 / 1_900.0},
            {"tier": "B", "active_accounts": 2, "included_accounts": 1, "excluded_share": 0.5, "value_minor": 900,
             "included_value_minor": 500, "excluded_value_share": 400.0 / 900.0},
            {"tier": "C", "active_accounts": 2, "included_accounts": 1, "excluded_share": 0.5, "value_minor": 150,
             "included_value_minor": 50, "excluded_value_share": 100.0 / 150.0},
        ])
    );
    assert_eq!(
        r["by_region"],
        json!([
            {"region": "North", "active_accounts": 4, "included_accounts": 3, "excluded_share": 0.25, "value_minor": 1_650,
             "included_value_minor": 1_550, "excluded_value_share": 100.0 / 1_650.0},
            {"region": "South", "active_accounts": 2, "included_accounts": 0, "excluded_share": 1.0, "value_minor": 1_300,
             "included_value_minor": 0, "excluded_value_share": 1.0},
        ])
    );
    assert_eq!(r["warnings"], json!([]));

    let preview = app.send("POST", "/api/v1/campaigns/preview", Some(&p.admin), Some(body(&p, "x", "mailing", picked(&p, &[0, 2, 5])))).await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    assert_eq!(&preview.body, r, "the preview answers the same report");

    // Firm-wide, the other team's account joins the universe.
    let firm = app.send("POST", "/api/v1/campaigns/preview", Some(&p.admin),
        Some(json!({"name": "All", "kind": "invitation", "target": {"filter": {}}}))).await;
    assert_eq!(firm.body["universe"], json!({"accounts": 7, "value_minor": 9_950}), "{}", firm.body);
    assert_eq!(firm.body["excluded_share"], json!(0.0));
});

api_test!(fn the_warnings_fire_where_they_should_and_stay_quiet_on_a_fair_campaign(app) {
    let p = portfolio(&app).await;
    let cases: Vec<(Value, Vec<&str>)> = vec![
        (json!({"filter": {"tiers": ["A"]}}), vec!["excludes_majority", "tier_only", "value_only"]),
        (json!({"filter": {"tiers": ["A", "B"]}}), vec!["tier_only", "value_only"]),
        (picked(&p, &[0, 1, 2]), vec!["value_only"]),
        (json!({"filter": {"min_value_minor": 500}}), vec!["value_only"]),
        (json!({"filter": {"regions": ["south"]}}), vec!["excludes_majority"]),
        (json!({"filter": {}}), vec![]),
        (picked(&p, &[1, 2, 4, 5]), vec![]),
        (json!({"filter": {"regions": ["North"]}}), vec![]),
    ];
    for (target, expected) in cases {
        let preview = app.send("POST", "/api/v1/campaigns/preview", Some(&p.admin), Some(body(&p, "Check", "apology", target.clone()))).await;
        assert_eq!(preview.status, 200, "{target}: {}", preview.body);
        assert_eq!(codes(&preview.body), expected, "{target}: {}", preview.body);
        for warning in preview.body["warnings"].as_array().expect("warnings") {
            assert!(warning["message"].as_str().is_some_and(|m| !m.is_empty()), "{warning}");
        }
    }
});

api_test!(fn a_campaign_with_warnings_is_sent_only_with_a_reason_and_touches_every_included_account(app) {
    let p = portfolio(&app).await;
    // Ana holds the first account through a meeting: her share must not move.
    let first = &p.accounts[0];
    let put = app.send("PUT", &format!("/api/v1/accounts/{first}/team/{}", p.ana), Some(&p.admin), Some(json!({"role": "owner", "access": "edit"}))).await;
    assert_eq!(put.status, 201, "{}", put.body);
    let meeting = app.send("POST", &format!("/api/v1/accounts/{first}/interactions"), Some(&p.admin),
        Some(json!({"kind": "meeting", "occurred_at": chrono::Utc::now() - chrono::Duration::days(2), "employee_ids": [p.ana.to_string()]}))).await;
    assert_eq!(meeting.status, 201, "{}", meeting.body);
    let before = app.send("GET", &format!("/api/v1/accounts/{first}/risk"), Some(&p.admin), None).await;
    assert_eq!(before.body["institutional_score"], json!(0.0));

    let campaign = create(&app, &p.admin, body(&p, "Sorry for the outage", "apology", json!({"filter": {"tiers": ["A"]}}))).await;
    let campaign_id = id(&campaign);
    let version = campaign.body["version"].as_i64().expect("version");
    assert_eq!(codes(&campaign.body), ["excludes_majority", "tier_only", "value_only"]);
    let send_path = format!("/api/v1/campaigns/{campaign_id}/send");
    for refused in [json!({}), json!({"acknowledge_reason": "   "})] {
        let answer = app.send_if_match("POST", &send_path, &p.admin, version, Some(refused)).await;
        assert_eq!(answer.expect_problem(422).as_deref(), Some("acknowledge_reason"));
    }
    let untouched = app.send("GET", &format!("/api/v1/accounts/{first}/interactions"), Some(&p.admin), None).await;
    assert_eq!(untouched.body["items"].as_array().map(Vec::len), Some(1), "nothing was written: {}", untouched.body);
    let still = app.send("GET", &format!("/api/v1/campaigns/{campaign_id}"), Some(&p.admin), None).await;
    assert_eq!(still.body["status"], "draft");
    assert_eq!(still.body["version"], version);

    let without_etag = app.send("POST", &send_path, Some(&p.admin), Some(json!({"acknowledge_reason": "x"}))).await;
    without_etag.expect_problem(428);
    let reason = "Only tier A clients were hit by the outage";
    let sent = app.send_if_match("POST", &send_path, &p.admin, version, Some(json!({"acknowledge_reason": reason}))).await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    assert_eq!(sent.body["status"], "sent");
    assert_eq!(sent.body["acknowledged_reason"], reason);
    assert!(sent.body["sent_at"].is_string());
    assert_eq!(sent.body["included_accounts"], 2);

    for (position, touched) in [(0, true), (1, true), (2, false), (4, false)] {
        let account = &p.accounts[position];
        let timeline = app.send("GET", &format!("/api/v1/accounts/{account}/interactions?kind=email"), Some(&p.admin), None).await;
        let emails = timeline.body["items"].as_array().expect("items");
        assert_eq!(emails.len(), usize::from(touched), "account {position}: {}", timeline.body);
        if touched {
            assert_eq!(emails[0]["on_behalf_of"], "organisation");
            assert_eq!(emails[0]["employee_ids"], json!([]));
            assert!(emails[0]["summary"].as_str().is_some_and(|s| s.contains("Sorry for the outage")), "{}", emails[0]);
        }
    }
    let after = app.send("GET", &format!("/api/v1/accounts/{first}/risk"), Some(&p.admin), None).await;
    assert!(after.body["institutional_score"].as_f64().expect("score") > 0.0, "{}", after.body);
    assert_eq!(after.body["holders"], before.body["holders"], "no personal share changes");
    assert_eq!(after.body["employees"], before.body["employees"]);

    let audit = app.send("GET", &format!("/api/v1/audit?entity=campaign&entity_id={campaign_id}"), Some(&p.admin), None).await;
    let entry = audit.body["items"].as_array().expect("items").iter().find(|e| e["action"] == "send").cloned().expect("send entry");
    assert_eq!(entry["after"]["acknowledged_reason"], reason);
    let audited: Vec<&str> = entry["after"]["warnings"].as_array().expect("warnings").iter().filter_map(|w| w["code"].as_str()).collect();
    assert_eq!(audited, ["excludes_majority", "tier_only", "value_only"]);

    let new_version = sent.body["version"].as_i64().expect("version");
    let again = app.send_if_match("POST", &send_path, &p.admin, new_version, Some(json!({"acknowledge_reason": reason}))).await;
    again.expect_problem(409);
    let patch = app.send_if_match("PATCH", &format!("/api/v1/campaigns/{campaign_id}"), &p.admin, new_version, Some(json!({"name": "x"}))).await;
    patch.expect_problem(409);
    let delete = app.send_if_match("DELETE", &format!("/api/v1/campaigns/{campaign_id}"), &p.admin, new_version, None).await;
    delete.expect_problem(409);
    let report = app.send("GET", &format!("/api/v1/campaigns/{campaign_id}/report"), Some(&p.hr), None).await;
    assert_eq!(report.body["included"]["accounts"], 2, "the report the sender saw: {}", report.body);
});

api_test!(fn a_fair_campaign_is_sent_without_a_reason_and_a_gift_logs_gifts(app) {
    let p = portfolio(&app).await;
    let campaign = create(&app, &p.admin, body(&p, "Year-end hamper", "gift", json!({"filter": {}}))).await;
    let version = campaign.body["version"].as_i64().expect("version");
    let sent = app.send_if_match("POST", &format!("/api/v1/campaigns/{}/send", id(&campaign)), &p.admin, version, Some(json!({}))).await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    assert_eq!(sent.body["acknowledged_reason"], Value::Null);
    for account in &p.accounts {
        let gifts = app.send("GET", &format!("/api/v1/accounts/{account}/interactions?kind=gift"), Some(&p.admin), None).await;
        assert_eq!(gifts.body["items"].as_array().map(Vec::len), Some(1), "{}", gifts.body);
    }
    let churned = app.send("GET", &format!("/api/v1/accounts/{}/interactions", p.churned), Some(&p.admin), None).await;
    assert_eq!(churned.body["items"], json!([]), "churned accounts are not reached");
});

api_test!(fn who_may_run_and_read_campaigns(app) {
    let p = portfolio(&app).await;
    let fair = body(&p, "Client day", "invitation", json!({"filter": {}}));
    create(&app, &p.member, fair.clone()).await.expect_problem(403);
    app.send("GET", "/api/v1/campaigns", Some(&p.member), None).await.expect_problem(403);
    create(&app, &p.hr, fair.clone()).await.expect_problem(403);

    let mine = create(&app, &p.lead, fair.clone()).await;
    assert_eq!(mine.status, 201, "{}", mine.body);
    let other_team = json!({"name": "x", "kind": "mailing", "team_id": p.other_team_id.to_string(), "target": {"filter": {}}});
    assert_eq!(create(&app, &p.lead, other_team).await.expect_problem(422).as_deref(), Some("team_id"));
    let firm_wide = json!({"name": "x", "kind": "mailing", "target": {"filter": {}}});
    assert_eq!(create(&app, &p.lead, firm_wide.clone()).await.expect_problem(422).as_deref(), Some("team_id"));
    let outside = body(&p, "x", "mailing", json!({"account_ids": [p.accounts[0].clone(), p.elsewhere.clone()]}));
    assert_eq!(create(&app, &p.lead, outside).await.expect_problem(422).as_deref(), Some("target.account_ids[1]"));
    let churned = body(&p, "x", "mailing", json!({"account_ids": [p.churned.clone()]}));
    assert_eq!(create(&app, &p.admin, churned).await.expect_problem(422).as_deref(), Some("target.account_ids[0]"));
    let foreign_filter = body(&p, "x", "mailing", json!({"filter": {"team_ids": [p.other_team_id.to_string()]}}));
    assert_eq!(create(&app, &p.lead, foreign_filter).await.expect_problem(422).as_deref(), Some("target.filter.team_ids[0]"));
    let bad_kind = body(&p, "x", "flyer", json!({"filter": {}}));
    assert_eq!(create(&app, &p.admin, bad_kind).await.body["field"], "kind");
    let blank = body(&p, "  ", "mailing", json!({"filter": {}}));
    assert_eq!(create(&app, &p.admin, blank).await.expect_problem(422).as_deref(), Some("name"));

    let admins = create(&app, &p.admin, firm_wide).await;
    assert_eq!(admins.status, 201, "{}", admins.body);
    let hidden = app.send("GET", &format!("/api/v1/campaigns/{}", id(&admins)), Some(&p.lead), None).await;
    hidden.expect_problem(404);
    let listed = app.send("GET", "/api/v1/campaigns", Some(&p.lead), None).await;
    let ids: Vec<&str> = listed.body["items"].as_array().expect("items").iter().filter_map(|c| c["id"].as_str()).collect();
    assert_eq!(ids, [id(&mine).as_str()]);
    let hr_list = app.send("GET", "/api/v1/campaigns", Some(&p.hr), None).await;
    assert_eq!(hr_list.body["items"].as_array().map(Vec::len), Some(2));
    let hr_report = app.send("GET", &format!("/api/v1/campaigns/{}/report", id(&mine)), Some(&p.hr), None).await;
    assert_eq!(hr_report.status, 200, "{}", hr_report.body);
    let version = mine.body["version"].as_i64().expect("version");
    let hr_send = app.send_if_match("POST", &format!("/api/v1/campaigns/{}/send", id(&mine)), &p.hr, version, Some(json!({}))).await;
    hr_send.expect_problem(403);
    let campaigns = app.send("GET", "/api/v1/campaigns?status=sent", Some(&p.admin), None).await;
    assert_eq!(campaigns.body["items"], json!([]), "nothing was sent");
});

api_test!(fn drafts_change_with_their_etag_and_can_be_deleted(app) {
    let p = portfolio(&app).await;
    let draft = create(&app, &p.admin, body(&p, "Newsletter", "mailing", json!({"filter": {}}))).await;
    let path = format!("/api/v1/campaigns/{}", id(&draft));
    let version = draft.body["version"].as_i64().expect("version");
    app.send("PATCH", &path, Some(&p.admin), Some(json!({"name": "x"}))).await.expect_problem(428);
    let changed = app.send_if_match("PATCH", &path, &p.admin, version, Some(json!({"name": "Autumn newsletter", "target": {"filter": {"tiers": ["C"]}}}))).await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(changed.body["included_accounts"], 2);
    assert_eq!(changed.body["target"], json!({"filter": {"tiers": ["C"]}}));
    app.send_if_match("PATCH", &path, &p.admin, version, Some(json!({"name": "y"}))).await.expect_problem(412);
    let found = app.send("GET", "/api/v1/campaigns?q=AUTUMN&status=draft", Some(&p.admin), None).await;
    assert_eq!(found.body["items"].as_array().map(Vec::len), Some(1), "{}", found.body);
    assert_eq!(found.body["items"][0]["warnings"][0]["code"], "excludes_majority");
    let new_version = changed.body["version"].as_i64().expect("version");
    let deleted = app.send_if_match("DELETE", &path, &p.admin, new_version, None).await;
    assert_eq!(deleted.status, 204, "{}", deleted.body);
    app.send("GET", &path, Some(&p.admin), None).await.expect_problem(404);
});
