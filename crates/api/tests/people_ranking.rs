//! HR's ranking of people (`GET /exposure/people`): who carries which value alone, sorted,
//! filtered and paginated, with the same figures as each person's exposure; sales leads see
//! their teams' people, members nothing; `unprotected` follows the non-solicitation clause; the
//! clause register lists the unprotected.

mod common;

use common::TestApp;
use continuity_domain::Role;
use serde_json::{json, Value};

/// A firm of two teams. Wealth: Ana holds Atlas (500 000) alone; Ben holds Birch (300 000)
/// alone and shares Cedar (200 000) with Cy (of Retail), and has a non-solicitation clause
/// until 2099. Retail: Dee is leaving and holds Dune (50 000) alone, her clause long expired;
/// Eve holds nothing. Staff: admin, hr, and lead (who leads Wealth).
struct Firm {
    admin: String,
    hr: String,
    lead: String,
    wealth: i64,
    retail: i64,
    ana: i64,
    cy: i64,
}

async fn account(app: &TestApp, admin: &str, team: i64, name: &str, value: i64, holders: &[(i64, &str)]) -> String {
    let body = json!({"name": name, "tier": "B", "region": "North", "team_id": team.to_string(),
                      "annual_value_minor": value, "currency": "EUR"});
    let created = app.create_account(admin, body).await;
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.body["id"].as_str().expect("id").to_owned();
    for (user, role) in holders {
        let put = app.put_on_team(admin, &id, *user, role, "edit").await;
        assert_eq!(put.status, 201, "{}", put.body);
    }
    id
}

/// `PATCH /users/{user}` as `token` with the version read first.
async fn patch_user(app: &TestApp, token: &str, user: i64, body: Value) {
    let path = format!("/api/v1/users/{user}");
    let version = app.send("GET", &path, Some(token), None).await.body["version"].as_i64().expect("version");
    let patched = app.send_if_match("PATCH", &path, token, version, Some(body)).await;
    assert_eq!(patched.status, 200, "{}", patched.body);
}

async fn firm(app: &TestApp) -> Firm {
    let wealth = app.create_team("Wealth");
    let retail = app.create_team("Retail");
    app.create_staff(wealth);
    let ana = app.create_user("ana@example.com", Role::Member, Some(wealth));
    let ben = app.create_user("ben@example.com", Role::Member, Some(wealth));
    let cy = app.create_user("cy@example.com", Role::Member, Some(retail));
    let dee = app.create_user("dee@example.com", Role::Member, Some(retail));
    app.create_user("eve@example.com", Role::Member, Some(retail));
    let admin = app.token("admin@example.com").await;
    let hr = app.token("hr@example.com").await;
    let lead = app.token("lead@example.com").await;
    account(app, &admin, wealth, "Atlas", 500_000, &[(ana, "owner")]).await;
    account(app, &admin, wealth, "Birch", 300_000, &[(ben, "owner")]).await;
    account(app, &admin, wealth, "Cedar", 200_000, &[(ben, "owner"), (cy, "co_owner")]).await;
    account(app, &admin, retail, "Dune", 50_000, &[(dee, "owner")]).await;
    patch_user(app, &hr, ben, json!({"non_solicitation_until": "2099-12-31"})).await;
    patch_user(
        app,
        &hr,
        dee,
        json!({"status": "leaving", "leave_date": "2099-06-30", "non_solicitation_until": "2020-01-01"}),
    )
    .await;
    Firm { admin, hr, lead, wealth, retail, ana, cy }
}

async fn people(app: &TestApp, token: &str, query: &str) -> Value {
    let answer = app.send("GET", &format!("/api/v1/exposure/people{query}"), Some(token), None).await;
    assert_eq!(answer.status, 200, "{query}: {}", answer.body);
    answer.body
}

fn names(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| item["display_name"].as_str().expect("name").to_owned())
        .collect()
}

async fn ranked(app: &TestApp, token: &str, query: &str) -> Vec<String> {
    names(&people(app, token, query).await)
}

fn item<'a>(page: &'a Value, name: &str) -> &'a Value {
    page["items"].as_array().expect("items").iter().find(|item| item["display_name"] == name).expect("listed")
}

api_test!(fn hr_ranks_people_by_value_held_alone_with_the_figures_of_their_exposure(app) {
    let firm = firm(&app).await;
    let page = people(&app, &firm.hr, "").await;
    assert_eq!(names(&page), ["ana", "ben", "dee", "admin", "hr", "lead", "cy", "eve"], "largest value held alone first");
    assert_eq!(page["next_cursor"], json!(null));
    assert_eq!(
        item(&page, "ana"),
        &json!({"user_id": firm.ana.to_string(), "display_name": "ana", "team_id": firm.wealth.to_string(),
                "status": "active", "leave_date": null, "orphaned_value_minor": 500_000,
                "share_weighted_exposure_minor": 500_000, "accounts_held": 1, "sole_held_accounts": 1,
                "non_solicitation_until": null, "non_compete_until": null, "unprotected": true})
    );
    let ben = item(&page, "ben");
    assert_eq!(
        (&ben["orphaned_value_minor"], &ben["share_weighted_exposure_minor"], &ben["accounts_held"], &ben["sole_held_accounts"]),
        (&json!(300_000), &json!(400_000), &json!(2), &json!(1))
    );
    assert_eq!(ben["unprotected"], json!(false), "his clause is in force");
    let cy = item(&page, "cy");
    assert_eq!((&cy["orphaned_value_minor"], &cy["share_weighted_exposure_minor"]), (&json!(0), &json!(100_000)));
    assert_eq!(cy["unprotected"], json!(false), "nothing held alone, nothing unprotected");
    let dee = item(&page, "dee");
    assert_eq!((&dee["status"], &dee["leave_date"]), (&json!("leaving"), &json!("2099-06-30")));
    assert_eq!(dee["unprotected"], json!(true), "an expired clause protects nothing");

    // Every row says what the person's own exposure says.
    for row in page["items"].as_array().expect("items") {
        let user_id = row["user_id"].as_str().expect("id");
        let exposure = app.send("GET", &format!("/api/v1/users/{user_id}/exposure"), Some(&firm.hr), None).await;
        assert_eq!(exposure.status, 200, "{}", exposure.body);
        assert_eq!(row["orphaned_value_minor"], exposure.body["orphaned_value_minor"], "{row}");
        assert_eq!(row["share_weighted_exposure_minor"], exposure.body["share_weighted_exposure_minor"], "{row}");
        let accounts = exposure.body["accounts"].as_array().expect("accounts");
        let held = accounts.iter().filter(|account| account["holder"] == json!(true)).count();
        let sole = accounts.iter().filter(|account| account["sole_holder"] == json!(true)).count();
        assert_eq!((row["accounts_held"].as_u64(), row["sole_held_accounts"].as_u64()), (Some(held as u64), Some(sole as u64)));
    }

    // A write is in the ranking as soon as it is answered: Cy joins Atlas, Ana holds it alone no more.
    let put = app.put_on_team(&firm.admin, &item_account(&app, &firm.admin, "Atlas").await, firm.cy, "co_owner", "edit").await;
    assert_eq!(put.status, 201, "{}", put.body);
    let page = people(&app, &firm.hr, "").await;
    assert_eq!(item(&page, "ana")["orphaned_value_minor"], json!(0));
    assert_eq!(item(&page, "ana")["unprotected"], json!(false));
    assert_eq!(item(&page, "cy")["accounts_held"], json!(2));
    assert_eq!(names(&page)[..2], ["ben", "dee"]);
});

/// The id of the account named `name`.
async fn item_account(app: &TestApp, admin: &str, name: &str) -> String {
    let list = app.send("GET", &format!("/api/v1/accounts?q={name}"), Some(admin), None).await;
    list.body["items"][0]["id"].as_str().expect("account").to_owned()
}

api_test!(fn the_ranking_sorts_by_each_figure_and_date_either_way(app) {
    let firm = firm(&app).await;
    let hr = &firm.hr;
    assert_eq!(ranked(&app, hr, "?sort=-orphaned_value_minor").await, ranked(&app, hr, "").await);
    assert_eq!(
        ranked(&app, hr, "?sort=orphaned_value_minor").await,
        ["admin", "hr", "lead", "cy", "eve", "dee", "ben", "ana"],
        "ascending; ties by user id"
    );
    assert_eq!(
        ranked(&app, hr, "?sort=-share_weighted_exposure_minor").await,
        ["ana", "ben", "cy", "dee", "admin", "hr", "lead", "eve"]
    );
    assert_eq!(
        ranked(&app, hr, "?sort=accounts_held").await,
        ["admin", "hr", "lead", "eve", "ana", "cy", "dee", "ben"]
    );
    assert_eq!(
        ranked(&app, hr, "?sort=-sole_held_accounts").await,
        ["ana", "ben", "dee", "admin", "hr", "lead", "cy", "eve"]
    );
    assert_eq!(
        ranked(&app, hr, "?sort=display_name").await,
        ["admin", "ana", "ben", "cy", "dee", "eve", "hr", "lead"]
    );
    assert_eq!(
        ranked(&app, hr, "?sort=-display_name").await,
        ["lead", "hr", "eve", "dee", "cy", "ben", "ana", "admin"]
    );
    // People without the date come last, whichever the direction.
    for sort in ["leave_date", "-leave_date"] {
        assert_eq!(ranked(&app, hr, &format!("?sort={sort}")).await[0], "dee", "{sort}");
    }
    let by_clause = ranked(&app, hr, "?sort=-non_solicitation_until").await;
    assert_eq!(by_clause[..2], ["ben", "dee"]);
    let by_clause = ranked(&app, hr, "?sort=non_solicitation_until").await;
    assert_eq!(by_clause[..2], ["dee", "ben"]);

    let refused = app.send("GET", "/api/v1/exposure/people?sort=salary", Some(hr), None).await;
    assert_eq!(refused.expect_problem(422).as_deref(), Some("sort"));
});

api_test!(fn the_ranking_filters_by_team_status_protection_and_name(app) {
    let firm = firm(&app).await;
    let hr = &firm.hr;
    assert_eq!(ranked(&app, hr, &format!("?team_id={}", firm.wealth)).await, ["ana", "ben", "lead"]);
    assert_eq!(ranked(&app, hr, &format!("?team_id={}", firm.retail)).await, ["dee", "cy", "eve"]);
    assert_eq!(ranked(&app, hr, "?status=leaving").await, ["dee"]);
    assert_eq!(ranked(&app, hr, "?status=active").await, ["ana", "ben", "admin", "hr", "lead", "cy", "eve"]);
    assert_eq!(ranked(&app, hr, "?unprotected=true").await, ["ana", "dee"]);
    assert_eq!(ranked(&app, hr, "?unprotected=false").await, ["ben", "admin", "hr", "lead", "cy", "eve"]);
    assert_eq!(ranked(&app, hr, "?q=BE").await, ["ben"], "the name, whatever its case");
    assert_eq!(ranked(&app, hr, &format!("?team_id={}&unprotected=true", firm.retail)).await, ["dee"]);
    assert_eq!(ranked(&app, hr, "?q=nobody").await, Vec::<String>::new());
    for (query, field) in [
        ("status=gone", "status"),
        ("unprotected=yes", "unprotected"),
        ("team_id=abc", "team_id"),
        ("limit=0", "limit"),
        ("cursor=not-a-cursor", "cursor"),
    ] {
        let refused = app.send("GET", &format!("/api/v1/exposure/people?{query}"), Some(hr), None).await;
        assert_eq!(refused.expect_problem(422).as_deref(), Some(field), "{query}");
    }
});

api_test!(fn the_ranking_pages_with_an_opaque_cursor(app) {
    let firm = firm(&app).await;
    for sort in ["-orphaned_value_minor", "display_name", "-leave_date"] {
        let everyone = ranked(&app, &firm.hr, &format!("?sort={sort}")).await;
        let mut paged = Vec::new();
        let mut query = format!("?sort={sort}&limit=3");
        loop {
            let page = people(&app, &firm.hr, &query).await;
            let names = names(&page);
            assert!(names.len() <= 3);
            paged.extend(names);
            match page["next_cursor"].as_str() {
                Some(cursor) => query = format!("?sort={sort}&limit=3&cursor={cursor}"),
                None => break,
            }
        }
        assert_eq!(paged, everyone, "{sort}: every person once, in order");
    }
    let first = people(&app, &firm.hr, "?limit=3").await;
    assert_eq!(names(&first), ["ana", "ben", "dee"]);
    let cursor = first["next_cursor"].as_str().expect("more");
    assert_eq!(ranked(&app, &firm.hr, &format!("?limit=3&cursor={cursor}")).await, ["admin", "hr", "lead"]);
});

api_test!(fn a_lead_ranks_only_their_teams_people_and_a_member_none(app) {
    let firm = firm(&app).await;
    assert_eq!(ranked(&app, &firm.lead, "").await, ["ana", "ben", "lead"]);
    assert_eq!(ranked(&app, &firm.lead, &format!("?team_id={}", firm.wealth)).await, ["ana", "ben", "lead"]);
    app.send("GET", &format!("/api/v1/exposure/people?team_id={}", firm.retail), Some(&firm.lead), None)
        .await
        .expect_problem(404);
    assert_eq!(ranked(&app, &firm.admin, "").await.len(), 8);
    let member = app.token("ana@example.com").await;
    app.send("GET", "/api/v1/exposure/people", Some(&member), None).await.expect_problem(403);
    let me = app.send("GET", "/api/v1/me", Some(&member), None).await;
    assert_eq!(me.body["permissions"]["may_rank_people"], json!(false));
    let me = app.send("GET", "/api/v1/me", Some(&firm.lead), None).await;
    assert_eq!(me.body["permissions"]["people_team_ids"], json!([firm.wealth.to_string()]));
    app.send("GET", "/api/v1/exposure/people", None, None).await.expect_problem(401);
});

api_test!(fn unprotected_follows_the_non_solicitation_clause_in_force_and_fills_the_clause_register(app) {
    let firm = firm(&app).await;
    let register = |body: &Value| names(body);
    let clauses = app.send("GET", "/api/v1/clauses", Some(&firm.hr), None).await;
    assert_eq!(clauses.status, 200, "{}", clauses.body);
    // Ana has no clause and no departure, but holds Atlas alone: exactly whom the register is for.
    assert_eq!(register(&clauses.body), ["ana", "ben", "dee"]);
    assert_eq!(item(&clauses.body, "ana")["unprotected"], json!(true));
    assert_eq!(item(&clauses.body, "ben")["unprotected"], json!(false));

    let today = chrono::Utc::now().date_naive();
    let unprotected = |page: Value| item(&page, "ana")["unprotected"].clone();
    patch_user(&app, &firm.hr, firm.ana, json!({"non_solicitation_until": today.to_string()})).await;
    assert_eq!(unprotected(people(&app, &firm.hr, "").await), json!(false), "a clause binds through its last day");
    assert_eq!(ranked(&app, &firm.hr, "?unprotected=true").await, ["dee"]);
    let clauses = app.send("GET", "/api/v1/clauses", Some(&firm.hr), None).await;
    assert_eq!(item(&clauses.body, "ana")["unprotected"], json!(false), "listed for the clause, protected");

    let yesterday = today - chrono::Duration::days(1);
    patch_user(&app, &firm.hr, firm.ana, json!({"non_solicitation_until": yesterday.to_string()})).await;
    assert_eq!(unprotected(people(&app, &firm.hr, "").await), json!(true));
    patch_user(&app, &firm.hr, firm.ana, json!({"non_solicitation_until": null, "non_compete_until": "2099-01-01"})).await;
    assert_eq!(unprotected(people(&app, &firm.hr, "").await), json!(true), "a non-compete is not a non-solicitation");

    // Once someone stays beside her on Atlas she holds nothing alone: protected, and out of the
    // register unless a clause or a departure puts her there.
    patch_user(&app, &firm.hr, firm.ana, json!({"non_compete_until": null})).await;
    let atlas = item_account(&app, &firm.admin, "Atlas").await;
    assert_eq!(app.put_on_team(&firm.admin, &atlas, firm.cy, "co_owner", "edit").await.status, 201);
    assert_eq!(unprotected(people(&app, &firm.hr, "").await), json!(false));
    let clauses = app.send("GET", "/api/v1/clauses", Some(&firm.hr), None).await;
    assert_eq!(register(&clauses.body), ["ben", "dee"]);
});
