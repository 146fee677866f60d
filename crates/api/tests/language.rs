//! Dutch and English over HTTP (PRODUCT.md, "Interfaces", Language): `Accept-Language`
//! words flag explanations and problem documents, `PATCH /me {locale}` keeps a user's choice,
//! and the printable handover brief follows it.

mod common;

use std::collections::BTreeMap;

use common::TestApp;
use continuity_domain::continuity::Flag;
use continuity_domain::{Language, Role};
use serde_json::{json, Value};

/// Sends a request with an `Accept-Language` header (none when `None`).
async fn ask(
    app: &TestApp,
    method: &str,
    path: &str,
    token: &str,
    language: Option<&str>,
    body: Option<Value>,
) -> common::Response {
    let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
    let mut request = app.client.request(method, format!("{}{path}", app.base)).bearer_auth(token);
    if let Some(language) = language {
        request = request.header("Accept-Language", language);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    app.raw(request).await
}

/// The printable handover brief of an account, asked for in `language`.
async fn brief_page(app: &TestApp, token: &str, account_id: &str, language: Option<&str>) -> String {
    let path = format!("/api/v1/accounts/{account_id}/handover-brief?format=html");
    let mut request = app.client.get(format!("{}{path}", app.base)).bearer_auth(token);
    if let Some(language) = language {
        request = request.header("Accept-Language", language);
    }
    let answer = request.send().await.expect("page");
    assert_eq!(answer.status(), 200);
    answer.text().await.expect("text")
}

fn days_ago(days: i64) -> String {
    (chrono::Utc::now() - chrono::Duration::days(days)).to_rfc3339()
}

struct Firm {
    admin: String,
    hr: String,
    ana: i64,
    /// Accounts whose flags between them cover every flag code.
    accounts: Vec<String>,
}

/// Four tier-A accounts under a policy of 2 holders and 2 current contacts:
/// - "Solo": Ana alone, with one contact she met last week, an open complaint — and Ana is
///   leaving;
/// - "Nobody": no one assigned;
/// - "Quiet": Ana's, last met 120 days ago;
/// - "Gone": Ana's, whose one contact she met has left the client.
async fn firm(app: &TestApp) -> Firm {
    let team_id = app.create_team("Corporate");
    app.create_staff(team_id);
    let ana = app.create_user("ana@example.com", Role::Member, Some(team_id));
    let admin = app.token("admin@example.com").await;
    let hr = app.token("hr@example.com").await;
    let policy = app
        .send(
            "POST",
            "/api/v1/coverage-policies",
            Some(&admin),
            Some(json!({"tier": "A", "min_holders": 2, "min_current_contacts": 2})),
        )
        .await;
    assert_eq!(policy.status, 201, "{}", policy.body);
    let mut accounts = Vec::new();
    for (name, assigned, met_days_ago) in
        [("Solo", true, Some(7)), ("Nobody", false, None), ("Quiet", true, Some(120)), ("Gone", true, Some(5))]
    {
        let account = app
            .create_account(
                &admin,
                json!({"name": name, "tier": "A", "region": "Benelux", "team_id": team_id.to_string(),
                       "annual_value_minor": 500_000, "currency": "EUR"}),
            )
            .await;
        assert_eq!(account.status, 201, "{}", account.body);
        let account_id = account.body["id"].as_str().expect("id").to_owned();
        let contact =
            app.add_contact(&admin, &account_id, json!({"name": format!("{name} CFO"), "influence": "champion"})).await;
        assert_eq!(contact.status, 201, "{}", contact.body);
        let contact_id = contact.body["id"].as_str().expect("id").to_owned();
        if assigned {
            let put = app.put_on_team(&admin, &account_id, ana, "owner", "edit").await;
            assert_eq!(put.status, 201, "{}", put.body);
        }
        if let Some(days) = met_days_ago {
            let employees = if assigned { vec![ana.to_string()] } else { vec![] };
            let meeting = app
                .log_interaction(
                    &admin,
                    &account_id,
                    json!({"kind": "meeting", "occurred_at": days_ago(days),
                    "employee_ids": employees, "contact_ids": [contact_id]}),
                )
                .await;
            assert_eq!(meeting.status, 201, "{}", meeting.body);
        }
        match name {
            "Solo" => {
                let complaint = app
                    .log_interaction(
                        &admin,
                        &account_id,
                        json!({"kind": "complaint", "occurred_at": days_ago(2),
                        "summary": "late delivery", "employee_ids": [ana.to_string()], "contact_ids": [contact_id],
                        "complaint_status": "open"}),
                    )
                    .await;
                assert_eq!(complaint.status, 201, "{}", complaint.body);
            }
            "Gone" => {
                let version = contact.body["version"].as_i64().expect("version");
                let left = app
                    .send_if_match(
                        "PATCH",
                        &format!("/api/v1/contacts/{contact_id}"),
                        &admin,
                        version,
                        Some(json!({"left_at": (chrono::Utc::now() - chrono::Duration::days(1)).date_naive()})),
                    )
                    .await;
                assert_eq!(left.status, 200, "{}", left.body);
            }
            _ => {}
        }
        accounts.push(account_id);
    }
    let leaving = app
        .send_if_match(
            "PATCH",
            &format!("/api/v1/users/{ana}"),
            &hr,
            1,
            Some(json!({"status": "leaving", "leave_date": "2099-03-31"})),
        )
        .await;
    assert_eq!(leaving.status, 200, "{}", leaving.body);
    Firm { admin, hr, ana, accounts }
}

/// Every flag of the firm's accounts by code, as answered to a request in `language`.
async fn flags_by_code(app: &TestApp, firm: &Firm, language: Option<&str>) -> BTreeMap<String, Vec<Value>> {
    let mut by_code: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for account_id in &firm.accounts {
        let risk = ask(app, "GET", &format!("/api/v1/accounts/{account_id}/risk"), &firm.admin, language, None).await;
        assert_eq!(risk.status, 200, "{}", risk.body);
        for flag in risk.body["flags"].as_array().expect("flags") {
            by_code.entry(flag["code"].as_str().expect("code").to_owned()).or_default().push(flag.clone());
        }
    }
    by_code
}

/// The explanation the domain words from the flag's code and params alone.
fn worded(flag: &Value, language: Language) -> String {
    let received: Flag = serde_json::from_value(json!({"code": flag["code"], "params": flag["params"]}))
        .expect("code and params read as a flag");
    received.explanation(language)
}

api_test!(fn a_dutch_request_gets_every_flag_explained_in_dutch_from_its_params(app) {
    let firm = firm(&app).await;
    let dutch = flags_by_code(&app, &firm, Some("nl")).await;
    let codes: Vec<&str> = dutch.keys().map(String::as_str).collect();
    assert_eq!(codes, ["champion_left", "departing_holder", "key_person", "no_owner", "open_complaint", "policy_breach",
        "single_contact", "single_owner", "single_threaded", "stale"], "the firm raises every kind of flag");
    let english = flags_by_code(&app, &firm, None).await;
    for (code, flags) in &dutch {
        for (index, flag) in flags.iter().enumerate() {
            let explanation = flag["explanation"].as_str().expect("explanation");
            assert_eq!(explanation, worded(flag, Language::Dutch), "{code} is worded from its params");
            assert!(flag["params"].is_object(), "{flag}");
            let in_english = english[code][index]["explanation"].as_str().expect("explanation");
            assert_eq!(in_english, worded(flag, Language::English), "{code}");
            assert_ne!(explanation, in_english, "{code} reads differently in Dutch");
            assert_eq!(english[code][index]["params"], flag["params"], "the figures are the same in every language");
        }
    }
    let first = |code: &str| dutch[code][0]["explanation"].as_str().unwrap_or_default().to_owned();
    assert_eq!(first("key_person"), "ana is sleutelpersoon met 100% van de relatiesterkte");
    assert_eq!(first("single_owner"), "ana is de enige actieve medewerker in het accountteam");
    assert_eq!(first("no_owner"), "Niemand is aan deze klant gekoppeld");
    assert_eq!(first("departing_holder"), "ana (vertrekt per 31 maart 2099) heeft 100% van de relatiesterkte");
    assert!(first("stale").starts_with("Al 120 dagen geen gesprek met een contactpersoon van de klant (het laatste op "), "{}", first("stale"));
    assert!(first("open_complaint").starts_with("Er staat sinds "), "{}", first("open_complaint"));
    assert!(first("champion_left").starts_with("Gone CFO is op "), "{}", first("champion_left"));
    assert_eq!(dutch["key_person"][0]["params"]["name"], "ana");
    assert_eq!(dutch["key_person"][0]["params"]["user_id"], json!(firm.ana.to_string()));
    assert_eq!(dutch["key_person"][0]["params"]["share"], json!(1.0));
    assert_eq!(dutch["stale"][0]["params"]["days"], 120);
    assert_eq!(english["key_person"][0]["explanation"], "ana holds 100 % of the relationship strength");

    // The printable brief of the same account follows the request's language too.
    let solo = &firm.accounts[0];
    let brief = ask(&app, "GET", &format!("/api/v1/accounts/{solo}/handover-brief"), &firm.hr, Some("nl-NL"), None).await;
    assert_eq!(brief.status, 200, "{}", brief.body);
    assert_eq!(brief.body["language"], "nl");
    let brief_key_person = brief.body["flags"].as_array().expect("flags").iter().find(|f| f["code"] == "key_person").cloned();
    assert_eq!(brief_key_person.map(|f| f["explanation"].clone()), Some(json!("ana is sleutelpersoon met 100% van de relatiesterkte")));
});

api_test!(fn a_dutch_request_gets_dutch_problem_titles_and_details_with_the_field_names_unchanged(app) {
    let team_id = app.create_team("Corporate");
    app.create_staff(team_id);
    let admin = app.token("admin@example.com").await;
    let blank_name = json!({"name": "  ", "tier": "A", "region": "Benelux", "team_id": team_id.to_string(),
                            "annual_value_minor": 1, "currency": "EUR"});

    let refused = ask(&app, "POST", "/api/v1/accounts", &admin, Some("nl-NL,nl;q=0.9,en;q=0.8"), Some(blank_name.clone())).await;
    assert_eq!(refused.expect_problem(422).as_deref(), Some("name"), "the field keeps its name");
    assert_eq!(refused.body["title"], "Ongeldige invoer");
    assert_eq!(refused.body["detail"], "moet 1 tot 200 tekens lang zijn");
    assert_eq!(refused.body["type"], "https://continuity.invalid/problems/validation", "the kind of problem is not worded");
    assert_eq!(refused.header("content-language").as_deref(), Some("nl"));
    let accounts = app.send("GET", "/api/v1/accounts", Some(&admin), None).await;
    assert_eq!(accounts.body["items"].as_array().map(Vec::len), Some(0), "a refused write changes nothing");

    let missing = ask(&app, "GET", "/api/v1/accounts/999999", &admin, Some("nl"), None).await;
    missing.expect_problem(404);
    assert_eq!((missing.body["title"].as_str(), missing.body["detail"].as_str()), (Some("Niet gevonden"), Some("niet gevonden")));
    let no_route = ask(&app, "GET", "/api/v1/no-such-thing", &admin, Some("nl"), None).await;
    no_route.expect_problem(404);
    assert_eq!(no_route.body["title"], "Niet gevonden");

    let unknown_field = ask(&app, "POST", "/api/v1/accounts", &admin, Some("nl"),
        Some(json!({"name": "Acme", "colour": "red"}))).await;
    assert_eq!(unknown_field.expect_problem(422).as_deref(), Some("colour"));
    let detail = unknown_field.body["detail"].as_str().unwrap_or_default();
    assert!(detail.starts_with("onbekend veld `colour`; verwacht een van "), "serde's words in Dutch: {detail}");

    // Without the header, or asking for a language we lack, the answer is English.
    for language in [None, Some("de-DE, fr;q=0.8"), Some("nl;q=0, en")] {
        let english = ask(&app, "POST", "/api/v1/accounts", &admin, language, Some(blank_name.clone())).await;
        assert_eq!(english.expect_problem(422).as_deref(), Some("name"));
        assert_eq!(english.body["title"], "Invalid input", "{language:?}");
        assert_eq!(english.body["detail"], "must be 1 to 200 characters", "{language:?}");
    }
    let english_missing = ask(&app, "GET", "/api/v1/accounts/999999", &admin, None, None).await;
    assert_eq!(english_missing.body["title"], "Not found");
    assert!(english_missing.header("vary").unwrap_or_default().to_lowercase().contains("accept-language"));
});

api_test!(fn the_highest_weighted_language_of_ours_wins(app) {
    let team_id = app.create_team("Corporate");
    app.create_staff(team_id);
    let admin = app.token("admin@example.com").await;
    for (header, title) in [
        ("nl", "Niet gevonden"),
        ("nl-NL", "Niet gevonden"),
        ("nl-BE;q=0.9, en;q=0.5", "Niet gevonden"),
        ("en;q=0.5, nl;q=0.9", "Niet gevonden"),
        ("de, nl;q=0.5, en;q=0.4", "Niet gevonden"),
        ("nl;q=0.2, en;q=0.8", "Not found"),
        ("en-GB, nl", "Not found"),
        ("*", "Not found"),
    ] {
        let answer = ask(&app, "GET", "/api/v1/accounts/999999", &admin, Some(header), None).await;
        answer.expect_problem(404);
        assert_eq!(answer.body["title"], title, "Accept-Language: {header}");
    }
});

api_test!(fn a_user_keeps_the_language_they_choose_and_nothing_else_is_accepted(app) {
    let team_id = app.create_team("Corporate");
    app.create_staff(team_id);
    let ana = app.create_user("ana@example.com", Role::Member, Some(team_id));
    let token = app.token("ana@example.com").await;

    let fresh = ask(&app, "GET", "/api/v1/me", &token, None, None).await;
    assert_eq!((fresh.body["locale"].clone(), fresh.body["chosen_locale"].clone()), (json!("en"), Value::Null));
    let browser = ask(&app, "GET", "/api/v1/me", &token, Some("nl-NL"), None).await;
    assert_eq!(browser.body["locale"], "nl", "until they choose, the browser's language");

    let chosen = ask(&app, "PATCH", "/api/v1/me", &token, None, Some(json!({"locale": "nl"}))).await;
    assert_eq!(chosen.status, 200, "{}", chosen.body);
    assert_eq!((chosen.body["locale"].clone(), chosen.body["chosen_locale"].clone()), (json!("nl"), json!("nl")));
    let read_back = ask(&app, "GET", "/api/v1/me", &token, Some("en"), None).await;
    assert_eq!(read_back.body["locale"], "nl", "their choice outranks the browser's");
    assert_eq!(read_back.body["chosen_locale"], "nl");

    for wrong in [json!("fr"), json!("NL"), json!(""), json!(3)] {
        let refused = ask(&app, "PATCH", "/api/v1/me", &token, None, Some(json!({"locale": wrong}))).await;
        assert_eq!(refused.expect_problem(422).as_deref(), Some("locale"), "{wrong}");
    }
    let refused = ask(&app, "PATCH", "/api/v1/me", &token, Some("nl"), Some(json!({"locale": "fr"}))).await;
    assert_eq!(refused.body["detail"], "moet nl of en zijn, of null om de browser te volgen");
    assert_eq!(ask(&app, "GET", "/api/v1/me", &token, None, None).await.body["chosen_locale"], "nl", "a refusal changes nothing");

    let admin = app.token("admin@example.com").await;
    let record = app.send("GET", &format!("/api/v1/users/{ana}"), Some(&admin), None).await;
    assert_eq!(record.body["locale"], "nl");
    let stale = app.send_if_match("PATCH", "/api/v1/me", &token, record.body["version"].as_i64().expect("v") - 1,
        Some(json!({"locale": "en"}))).await;
    stale.expect_problem(412);

    let cleared = ask(&app, "PATCH", "/api/v1/me", &token, Some("nl"), Some(json!({"locale": null}))).await;
    assert_eq!((cleared.body["locale"].clone(), cleared.body["chosen_locale"].clone()), (json!("nl"), Value::Null));
    assert_eq!(ask(&app, "GET", "/api/v1/me", &token, None, None).await.body["locale"], "en");
});

api_test!(fn admins_set_a_users_locale_and_hr_does_not(app) {
    let team_id = app.create_team("Corporate");
    app.create_staff(team_id);
    let admin = app.token("admin@example.com").await;
    let hr = app.token("hr@example.com").await;
    let body = |email: &str, locale: Value| json!({"email": email, "display_name": "New Hire", "role": "member",
        "password": common::PASSWORD, "locale": locale});
    let created = app.send("POST", "/api/v1/users", Some(&admin), Some(body("nina@example.com", json!("nl")))).await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.body["locale"], "nl");
    let nina = app.token("nina@example.com").await;
    assert_eq!(app.send("GET", "/api/v1/me", Some(&nina), None).await.body["locale"], "nl");
    let refused = app.send("POST", "/api/v1/users", Some(&admin), Some(body("olaf@example.com", json!("de")))).await;
    assert_eq!(refused.expect_problem(422).as_deref(), Some("locale"));
    assert_eq!(app.login("olaf@example.com", common::PASSWORD).await.status, 401, "nobody was created");

    let path = format!("/api/v1/users/{}", created.body["id"].as_str().expect("id"));
    let version = created.body["version"].as_i64().expect("version");
    app.send_if_match("PATCH", &path, &hr, version, Some(json!({"locale": "en"}))).await.expect_problem(403);
    let changed = app.send_if_match("PATCH", &path, &admin, version, Some(json!({"locale": "en"}))).await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(changed.body["locale"], "en");
});

api_test!(fn the_printable_brief_is_in_the_requesters_language_else_the_requests(app) {
    let team_id = app.create_team("Corporate");
    app.create_staff(team_id);
    let admin = app.token("admin@example.com").await;
    let account = app
        .create_account(&admin, json!({"name": "Cedar Logistics", "tier": "B", "region": "Benelux",
            "team_id": team_id.to_string(), "annual_value_minor": 123_456, "currency": "EUR"}))
        .await;
    let account_id = account.body["id"].as_str().expect("id").to_owned();
    let page = |language| brief_page(&app, &admin, &account_id, language);
    let english = page(None).await;
    assert!(english.contains("<html lang=\"en\">") && english.contains("Handover brief: Cedar Logistics"), "{english}");
    assert!(english.contains("annual value EUR 1234.56"), "{english}");
    let dutch = page(Some("nl")).await;
    assert!(dutch.contains("<html lang=\"nl\">") && dutch.contains("Overdrachtsdocument: Cedar Logistics"), "{dutch}");
    assert!(dutch.contains("jaarwaarde € 1.234,56"), "{dutch}");
    assert!(dutch.contains("<h2>Signalen</h2>") && dutch.contains("<strong>Geen relatiebeheerder</strong>: Niemand is aan deze klant gekoppeld"), "{dutch}");

    let chose_english = ask(&app, "PATCH", "/api/v1/me", &admin, None, Some(json!({"locale": "en"}))).await;
    assert_eq!(chose_english.status, 200, "{}", chose_english.body);
    assert!(page(Some("nl")).await.contains("Handover brief: Cedar Logistics"), "their choice outranks the request's language");
    ask(&app, "PATCH", "/api/v1/me", &admin, None, Some(json!({"locale": "nl"}))).await;
    assert!(page(None).await.contains("Overdrachtsdocument: Cedar Logistics"), "and applies without the header");
});
