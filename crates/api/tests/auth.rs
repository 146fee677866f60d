//! Sign-in, tokens, refresh rotation, throttling and role checks, end to end over HTTP on
//! both stores.

mod common;

use chrono::Utc;
use common::{Response, TestApp, PASSWORD, SECRET};
use continuity_api::auth::tokens::{Claims, AUDIENCE, ISSUER};
use continuity_domain::Role;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::json;

fn forge(claims: &Claims, algorithm: Algorithm, secret: &[u8]) -> String {
    jsonwebtoken::encode(&Header::new(algorithm), claims, &EncodingKey::from_secret(secret)).expect("encode")
}

fn claims_for(user_id: i64) -> Claims {
    let now = Utc::now().timestamp();
    Claims {
        sub: user_id.to_string(),
        role: Role::Admin,
        iat: now,
        exp: now + 600,
        iss: ISSUER.into(),
        aud: AUDIENCE.into(),
        sid: "s".into(),
    }
}

async fn me(app: &TestApp, token: &str) -> Response {
    app.send("GET", "/api/v1/me", Some(token), None).await
}

api_test!(fn a_user_signs_in_and_sees_themselves(app) {
    let id = app.create_user("ana@example.com", Role::Member, None);
    let answer = app.login("Ana@Example.com", PASSWORD).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.body["token_type"], "Bearer");
    assert_eq!(answer.body["expires_in"], 900);
    assert_eq!(answer.body["user"], json!({"id": id.to_string(), "email": "ana@example.com", "display_name": "ana", "role": "member"}));
    assert!(answer.body["refresh_token"].as_str().is_some_and(|t| t.len() >= 40));
    let token = answer.body["access_token"].as_str().expect("token");
    let me = me(&app, token).await;
    assert_eq!(me.status, 200);
    assert_eq!(me.body["id"], id.to_string());
    assert_eq!(me.body["role"], "member");
});

api_test!(fn an_unknown_email_and_a_wrong_password_get_the_same_answer(app) {
    app.create_user("bo@example.com", Role::Member, None);
    let wrong_password = app.login("bo@example.com", "not the password").await;
    let unknown_email = app.login("nobody@example.com", "not the password").await;
    wrong_password.expect_problem(401);
    unknown_email.expect_problem(401);
    assert_eq!(wrong_password.body, unknown_email.body);
    assert!(wrong_password.body.get("access_token").is_none());
});

api_test!(fn repeated_attempts_on_one_email_are_throttled_with_retry_after(app) {
    app.create_user("cy@example.com", Role::Member, None);
    for _ in 0..5 {
        assert_eq!(app.login("cy@example.com", "wrong password!").await.status, 401);
    }
    let throttled = app.login("cy@example.com", PASSWORD).await;
    throttled.expect_problem(429);
    let retry_after: u64 = throttled.header("retry-after").expect("Retry-After").parse().expect("seconds");
    assert!((1..=13).contains(&retry_after), "{retry_after}");
    // Another e-mail from the same address still gets through.
    app.create_user("di@example.com", Role::Member, None);
    assert_eq!(app.login("di@example.com", PASSWORD).await.status, 200);
});

api_test!(fn many_emails_from_one_address_are_throttled(app) {
    app.create_user("real@example.com", Role::Member, None);
    // 30 attempts pass, then one per 2 s: on a loaded machine a slow attempt may earn one more.
    let mut statuses = Vec::new();
    while statuses.len() < 60 && statuses.last() != Some(&429) {
        statuses.push(app.login(&format!("user{}@example.com", statuses.len()), "whatever pass").await.status);
    }
    assert!(statuses[..30].iter().all(|s| *s == 401), "{statuses:?}");
    assert_eq!(statuses.last(), Some(&429), "{statuses:?}");
    // Even the right password of a real account waits: the address is throttled as a whole.
    let throttled = app.login("real@example.com", PASSWORD).await;
    throttled.expect_problem(429);
    let retry_after: u64 = throttled.header("retry-after").expect("Retry-After").parse().expect("seconds");
    assert!((1..=3).contains(&retry_after), "{retry_after}");
});

api_test!(fn an_unknown_email_gets_the_same_answer_after_the_same_password_check(app) {
    app.create_user("hu@example.com", Role::Member, None);
    let checks = || app.state.password_checks.completed();
    let before = checks();
    let wrong_password = app.login("hu@example.com", "not the password").await;
    assert_eq!(checks(), before + 1, "a wrong password is checked with argon2");
    let unknown_email = app.login("nobody-here@example.com", "not the password").await;
    assert_eq!(checks(), before + 2, "an unknown e-mail costs one argon2 check too");
    assert_eq!(wrong_password.status, unknown_email.status);
    assert_eq!(wrong_password.body, unknown_email.body);
    let headers = |answer: &Response| {
        let mut names: Vec<(String, String)> = answer
            .headers
            .iter()
            .filter(|(name, _)| !matches!(name.as_str(), "x-request-id" | "date"))
            .map(|(name, value)| (name.to_string(), value.to_str().unwrap_or("").to_owned()))
            .collect();
        names.sort();
        names
    };
    assert_eq!(headers(&wrong_password), headers(&unknown_email), "the headers give nothing away either");
});

api_test!(fn not_yet_valid_tokens_refresh_tokens_and_departed_users_tokens_open_nothing(app) {
    let id = app.create_user("ida@example.com", Role::Admin, None);
    #[derive(serde::Serialize)]
    struct WithNotBefore { #[serde(flatten)] claims: Claims, nbf: i64 }
    let not_before = WithNotBefore { claims: claims_for(id), nbf: Utc::now().timestamp() + 600 };
    let not_yet_valid = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &not_before, &EncodingKey::from_secret(SECRET)).expect("encode");
    let mut from_the_future = claims_for(id);
    from_the_future.iat = Utc::now().timestamp() + 600;
    from_the_future.exp = from_the_future.iat + 600;
    let login = app.login("ida@example.com", PASSWORD).await;
    let refresh_token = login.body["refresh_token"].as_str().expect("refresh").to_owned();
    let hs384 = forge(&claims_for(id), Algorithm::HS384, SECRET);
    let short_secret = forge(&claims_for(id), Algorithm::HS256, b"");
    for (case, token) in [
        ("not valid before a later time", not_yet_valid),
        ("issued in the future", forge(&from_the_future, Algorithm::HS256, SECRET)),
        ("a refresh token", refresh_token),
        ("HS384 with the right secret", hs384),
        ("an empty secret", short_secret),
    ] {
        me(&app, &token).await.expect_problem(401);
        let _ = case;
    }

    // A departed user's unexpired access token is refused at once, and so is their refresh token.
    let member = app.create_user("jo@example.com", Role::Member, None);
    let login = app.login("jo@example.com", PASSWORD).await;
    let token = login.body["access_token"].as_str().expect("token").to_owned();
    let refresh = login.body["refresh_token"].clone();
    assert_eq!(me(&app, &token).await.status, 200);
    let admin = login_token(&app, "ida@example.com").await;
    let version = app.send("GET", &format!("/api/v1/users/{member}"), Some(&admin), None).await.body["version"].as_i64().expect("version");
    let departed = app.send_if_match("PATCH", &format!("/api/v1/users/{member}"), &admin, version, Some(json!({"status": "departed"}))).await;
    assert_eq!(departed.status, 200, "{}", departed.body);
    me(&app, &token).await.expect_problem(401);
    app.send("POST", "/api/v1/auth/refresh", None, Some(json!({"refresh_token": refresh}))).await.expect_problem(401);
    app.login("jo@example.com", PASSWORD).await.expect_problem(401);
});

async fn login_token(app: &TestApp, email: &str) -> String {
    let answer = app.login(email, PASSWORD).await;
    answer.body["access_token"].as_str().expect("token").to_owned()
}

api_test!(fn flawed_access_tokens_are_refused(app) {
    let id = app.create_user("ed@example.com", Role::Admin, None);
    let valid = forge(&claims_for(id), Algorithm::HS256, SECRET);
    assert_eq!(me(&app, &valid).await.status, 200, "the forging helper itself must make valid tokens");

    let mut expired = claims_for(id);
    expired.iat -= 3600;
    expired.exp = Utc::now().timestamp() - 60;
    let mut wrong_audience = claims_for(id);
    wrong_audience.aud = "someone-else".into();
    let mut wrong_issuer = claims_for(id);
    wrong_issuer.iss = "evil".into();
    let unsigned = {
        use base64::Engine;
        let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let header = engine.encode(br#"{"alg":"none","typ":"JWT"}"#);
        let payload = engine.encode(serde_json::to_vec(&claims_for(id)).expect("json"));
        format!("{header}.{payload}.")
    };
    let cases = [
        ("expired", forge(&expired, Algorithm::HS256, SECRET)),
        ("forged with another secret", forge(&claims_for(id), Algorithm::HS256, b"another-secret-another-secret-another")),
        ("alg none", unsigned),
        ("another algorithm", forge(&claims_for(id), Algorithm::HS512, SECRET)),
        ("wrong audience", forge(&wrong_audience, Algorithm::HS256, SECRET)),
        ("wrong issuer", forge(&wrong_issuer, Algorithm::HS256, SECRET)),
        ("garbage", "not.a.token".to_owned()),
    ];
    for (case, token) in cases {
        let answer = me(&app, &token).await;
        assert_eq!(answer.status, 401, "{case} accepted: {}", answer.body);
        answer.expect_problem(401);
    }
    let missing_claim = {
        #[derive(serde::Serialize)]
        struct NoAudience { sub: String, iat: i64, exp: i64, iss: String, role: Role, sid: String }
        let c = claims_for(id);
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256),
            &NoAudience { sub: c.sub, iat: c.iat, exp: c.exp, iss: c.iss, role: c.role, sid: c.sid },
            &EncodingKey::from_secret(SECRET)).expect("encode");
        me(&app, &token).await
    };
    assert_eq!(missing_claim.status, 401);
    assert_eq!(app.send("GET", "/api/v1/me", None, None).await.expect_problem(401), None);
});

api_test!(fn refresh_tokens_rotate_and_a_replay_ends_the_session(app) {
    app.create_user("fe@example.com", Role::Member, None);
    let login = app.login("fe@example.com", PASSWORD).await;
    let first = login.body["refresh_token"].as_str().expect("refresh").to_owned();

    let refreshed = app.send("POST", "/api/v1/auth/refresh", None, Some(json!({"refresh_token": first}))).await;
    assert_eq!(refreshed.status, 200, "{}", refreshed.body);
    let second = refreshed.body["refresh_token"].as_str().expect("refresh").to_owned();
    assert_ne!(first, second);
    assert_eq!(me(&app, refreshed.body["access_token"].as_str().expect("access")).await.status, 200);

    // Replaying the first token is theft or a bug: the whole family dies, the new one too.
    let replay = app.send("POST", "/api/v1/auth/refresh", None, Some(json!({"refresh_token": first}))).await;
    replay.expect_problem(401);
    let after = app.send("POST", "/api/v1/auth/refresh", None, Some(json!({"refresh_token": second}))).await;
    after.expect_problem(401);

    // Another login (another family) is unaffected.
    assert_eq!(app.login("fe@example.com", PASSWORD).await.status, 200);
});

api_test!(fn logout_revokes_the_refresh_token(app) {
    app.create_user("gi@example.com", Role::Member, None);
    let login = app.login("gi@example.com", PASSWORD).await;
    let refresh = login.body["refresh_token"].clone();
    let out = app.send("POST", "/api/v1/auth/logout", None, Some(json!({"refresh_token": refresh}))).await;
    assert_eq!(out.status, 204);
    app.send("POST", "/api/v1/auth/refresh", None, Some(json!({"refresh_token": refresh}))).await.expect_problem(401);
});

api_test!(fn roles_gate_the_admin_endpoints(app) {
    app.create_user("admin@example.com", Role::Admin, None);
    app.create_user("hr@example.com", Role::Hr, None);
    app.create_user("lead@example.com", Role::SalesLead, None);
    app.create_user("member@example.com", Role::Member, None);
    let admin = app.token("admin@example.com").await;
    let hr = app.token("hr@example.com").await;
    let lead = app.token("lead@example.com").await;
    let member = app.token("member@example.com").await;

    for token in [&hr, &lead, &member] {
        app.send("POST", "/api/v1/teams", Some(token), Some(json!({"name": "Sneaky"}))).await.expect_problem(403);
        let user = json!({"email": "x@example.com", "display_name": "X", "role": "admin", "password": PASSWORD});
        app.send("POST", "/api/v1/users", Some(token), Some(user)).await.expect_problem(403);
    }
    app.send("GET", "/api/v1/users", Some(&member), None).await.expect_problem(403);
    assert_eq!(app.send("GET", "/api/v1/users", Some(&hr), None).await.status, 200);
    assert_eq!(app.send("GET", "/api/v1/users", Some(&lead), None).await.status, 200, "sales leads staff account teams");

    let team = app.send("POST", "/api/v1/teams", Some(&admin), Some(json!({"name": "Private Banking"}))).await;
    assert_eq!(team.status, 201, "{}", team.body);
    let team_id = team.body["id"].as_str().expect("id").to_owned();
    let lead_id = app.send("GET", "/api/v1/me", Some(&lead), None).await.body["id"].as_str().expect("id").to_owned();
    let made = app.send("PUT", &format!("/api/v1/teams/{team_id}/leads/{lead_id}"), Some(&admin), None).await;
    assert_eq!(made.status, 204, "{}", made.body);
    app.send("PUT", &format!("/api/v1/teams/{team_id}/leads/{lead_id}"), Some(&hr), None).await.expect_problem(403);
    let hr_id = app.send("GET", "/api/v1/me", Some(&hr), None).await.body["id"].as_str().expect("id").to_owned();
    let not_lead = app.send("PUT", &format!("/api/v1/teams/{team_id}/leads/{hr_id}"), Some(&admin), None).await;
    assert_eq!(not_lead.expect_problem(422).as_deref(), Some("user_id"));
    let lead_me = app.send("GET", "/api/v1/me", Some(&lead), None).await;
    assert_eq!(lead_me.body["led_team_ids"], json!([team_id.clone()]));
    let new_user = json!({"email": "new@example.com", "display_name": "New Hire", "role": "member", "team_id": team_id, "password": PASSWORD});
    let created = app.send("POST", "/api/v1/users", Some(&admin), Some(new_user)).await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.body["team_id"], json!(team_id));
    assert_eq!(app.login("new@example.com", PASSWORD).await.status, 200);

    let listed = app.send("GET", "/api/v1/users?limit=2", Some(&admin), None).await;
    assert_eq!(listed.body["items"].as_array().map(Vec::len), Some(2));
    let cursor = listed.body["next_cursor"].as_str().expect("more pages").to_owned();
    let rest = app.send("GET", &format!("/api/v1/users?limit=10&cursor={cursor}"), Some(&admin), None).await;
    assert_eq!(rest.body["items"].as_array().map(Vec::len), Some(3));
    assert_eq!(rest.body["next_cursor"], json!(null));
});
