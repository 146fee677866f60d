//! A contact person's GDPR rights: export everything held about them; erase them so that no
//! table keeps their name, e-mail or phone, while the interactions still count.

mod common;

use continuity_domain::Role;
use serde_json::json;

api_test!(fn erasing_a_contact_leaves_no_trace_of_them_but_keeps_the_figures(app) {
    let team = app.create_team("Private Banking");
    app.create_user("admin@example.com", Role::Admin, None);
    let ana = app.create_user("ana@example.com", Role::Member, Some(team));
    let admin = app.token("admin@example.com").await;
    let account = app.send("POST", "/api/v1/accounts", Some(&admin), Some(json!({"name": "Oak Estates", "tier": "B",
        "region": "North", "team_id": team.to_string(), "annual_value_minor": 10_000, "currency": "EUR"}))).await;
    let account_id = account.body["id"].as_str().expect("id").to_owned();
    app.send("PUT", &format!("/api/v1/accounts/{account_id}/team/{ana}"), Some(&admin), Some(json!({"role": "owner", "access": "edit"}))).await;
    let contact = app.send("POST", &format!("/api/v1/accounts/{account_id}/contacts"), Some(&admin), Some(json!({
        "name": "Zelda Quintero", "job_title": "Treasurer", "email": "zelda.q@oak.example", "phone": "+44 20 7946 0991",
        "influence": "champion"}))).await;
    let contact_id = contact.body["id"].as_str().expect("id").to_owned();
    let edited = app.send_if_match("PATCH", &format!("/api/v1/contacts/{contact_id}"), &admin, contact.body["version"].as_i64().expect("v"),
        Some(json!({"job_title": "Group Treasurer"}))).await;
    assert_eq!(edited.status, 200);
    for summary in ["Lunch with Zelda Quintero about the renewal", "QUINTERO wants quarterly reports; mail zelda.q@oak.example"] {
        let logged = app.send("POST", &format!("/api/v1/accounts/{account_id}/interactions"), Some(&admin), Some(json!({
            "kind": "meeting", "occurred_at": chrono::Utc::now(), "summary": summary,
            "employee_ids": [ana.to_string()], "contact_ids": [contact_id]}))).await;
        assert_eq!(logged.status, 201, "{}", logged.body);
    }
    let before = app.send("GET", &format!("/api/v1/accounts/{account_id}/risk"), Some(&admin), None).await;

    let export = app.send("GET", &format!("/api/v1/contacts/{contact_id}/export"), Some(&admin), None).await;
    assert_eq!(export.status, 200, "{}", export.body);
    assert_eq!(export.body["records"][0]["email"], "zelda.q@oak.example");
    assert_eq!(export.body["interactions"].as_array().map(Vec::len), Some(2));
    assert!(export.body["audit_entries"].as_array().map_or(0, Vec::len) >= 2);
    let ana_token = app.token("ana@example.com").await;
    app.send("POST", &format!("/api/v1/contacts/{contact_id}/erase"), Some(&ana_token), None).await.expect_problem(403);

    {
        let mut conn = app.store.conn().expect("conn");
        assert!(!continuity_store::testing::text_columns_containing(&mut conn, "quintero").is_empty(), "the search finds the name before");
    }
    let erased = app.send("POST", &format!("/api/v1/contacts/{contact_id}/erase"), Some(&admin), None).await;
    assert_eq!(erased.status, 200, "{}", erased.body);
    let mut conn = app.store.conn().expect("conn");
    for needle in ["zelda", "quintero", "oak.example", "7946"] {
        let found = continuity_store::testing::text_columns_containing(&mut conn, needle);
        assert!(found.is_empty(), "`{needle}` is still in {found:?}");
    }
    let timeline = app.send("GET", &format!("/api/v1/accounts/{account_id}/interactions"), Some(&admin), None).await;
    let items = timeline.body["items"].as_array().expect("items");
    assert_eq!(items.len(), 2, "the interactions stay");
    assert_eq!(items[1]["summary"], "Lunch with [erased] about the renewal");
    assert_eq!(items[0]["contact_ids"], json!([contact_id]));
    let after = app.send("GET", &format!("/api/v1/accounts/{account_id}/risk"), Some(&admin), None).await;
    assert_eq!(before.body["contacts"], after.body["contacts"], "the contact's share is unchanged");
    let audit = app.send("GET", &format!("/api/v1/audit?entity=contact&entity_id={contact_id}"), Some(&admin), None).await;
    let actions: Vec<&str> = audit.body["items"].as_array().expect("items").iter().filter_map(|e| e["action"].as_str()).collect();
    assert!(actions.contains(&"erase") && actions.contains(&"export"), "{actions:?}");
});
