//! Every error is an RFC 7807 problem document naming the field at fault, and bad input
//! writes nothing.

mod common;

use common::{TestApp, PASSWORD};
use continuity_domain::Role;
use serde_json::json;

async fn user_count(app: &TestApp, admin: &str) -> usize {
    let listed = app.send("GET", "/api/v1/users?limit=200", Some(admin), None).await;
    listed.body["items"].as_array().map(Vec::len).unwrap_or(0)
}

api_test!(fn bad_bodies_get_problem_documents_naming_the_field_and_write_nothing(app) {
    app.create_user("admin@example.com", Role::Admin, None);
    let admin = app.token("admin@example.com").await;
    let before = user_count(&app, &admin).await;
    let good = json!({"email": "new@example.com", "display_name": "New", "role": "member", "password": PASSWORD});
    let with = |key: &str, value: serde_json::Value| {
        let mut body = good.clone();
        body[key] = value;
        body
    };
    let cases = [
        (with("role", json!("boss")), 422, Some("role")),
        (with("display_name", json!(42)), 422, Some("display_name")),
        (with("nickname", json!("x")), 422, Some("nickname")),
        (with("email", json!("not-an-email")), 422, Some("email")),
        (with("password", json!("short")), 422, Some("password")),
        (with("team_id", json!("999")), 422, Some("team_id")),
        (with("team_id", json!("abc")), 422, Some("team_id")),
        (with("display_name", json!("   ")), 422, Some("display_name")),
    ];
    for (body, status, field) in cases {
        let answer = app.send("POST", "/api/v1/users", Some(&admin), Some(body.clone())).await;
        assert_eq!(answer.expect_problem(status).as_deref(), field, "for {body}");
    }
    let mut missing = good.clone();
    missing.as_object_mut().expect("object").remove("email");
    let answer = app.send("POST", "/api/v1/users", Some(&admin), Some(missing)).await;
    assert_eq!(answer.expect_problem(422).as_deref(), Some("email"));

    let url = format!("{}/api/v1/users", app.base);
    let malformed = app.raw(app.client.post(&url).bearer_auth(&admin).header("content-type", "application/json").body("{\"email\": ")).await;
    malformed.expect_problem(400);
    let not_json = app.raw(app.client.post(&url).bearer_auth(&admin).header("content-type", "text/plain").body("hello")).await;
    not_json.expect_problem(415);
    let huge = format!("{{\"email\": \"{}\"}}", "a".repeat(2 * 1024 * 1024));
    let oversized = app.raw(app.client.post(&url).bearer_auth(&admin).header("content-type", "application/json").body(huge)).await;
    oversized.expect_problem(413);

    assert_eq!(user_count(&app, &admin).await, before, "a refused write changed something");
    let duplicate = app.send("POST", "/api/v1/users", Some(&admin), Some(with("email", json!("ADMIN@example.com")))).await;
    assert_eq!(duplicate.expect_problem(409).as_deref(), Some("email"));
});

api_test!(fn routing_and_query_errors_are_problem_documents(app) {
    app.create_user("admin@example.com", Role::Admin, None);
    let admin = app.token("admin@example.com").await;
    app.send("GET", "/api/v1/no-such-thing", Some(&admin), None).await.expect_problem(404);
    app.send("DELETE", "/api/v1/teams", Some(&admin), None).await.expect_problem(405);
    app.send("GET", "/api/v1/users/abc", Some(&admin), None).await.expect_problem(404);
    app.send("GET", "/api/v1/users/987654", Some(&admin), None).await.expect_problem(404);
    let bad_limit = app.send("GET", "/api/v1/users?limit=5000", Some(&admin), None).await;
    assert_eq!(bad_limit.expect_problem(422).as_deref(), Some("limit"));
    let unknown_param = app.send("GET", "/api/v1/users?colour=red", Some(&admin), None).await;
    assert_eq!(unknown_param.expect_problem(422).as_deref(), Some("colour"));
    let bad_cursor = app.send("GET", "/api/v1/users?cursor=%21%21", Some(&admin), None).await;
    assert_eq!(bad_cursor.expect_problem(422).as_deref(), Some("cursor"));
});

api_test!(fn health_readiness_request_ids_and_the_openapi_document(app) {
    let health = app.send("GET", "/healthz", None, None).await;
    assert_eq!(health.status, 200);
    assert!(health.header("x-request-id").is_some_and(|id| !id.is_empty()));
    assert_eq!(app.send("GET", "/readyz", None, None).await.status, 200);
    let document = app.send("GET", "/api/v1/openapi.json", None, None).await;
    assert_eq!(document.status, 200);
    assert!(document.body["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
    for path in ["/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout", "/api/v1/me", "/api/v1/users", "/api/v1/users/{id}", "/api/v1/teams", "/api/v1/import/{kind}", "/api/v1/export/{kind}"] {
        assert!(document.body["paths"][path].is_object(), "{path} undocumented");
    }
});
