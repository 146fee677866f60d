//! Hardening end to end on both stores: security headers on every kind of answer, CORS closed
//! unless configured, and hostile input — deep or malformed JSON, overlong and control-character
//! strings, every Unicode plane, SQL and spreadsheet-formula payloads — refused with a problem
//! document naming the field, or stored inert and answered back exactly.

mod common;

use common::{Response, TestApp};
use continuity_api::response_headers::CONTENT_SECURITY_POLICY;
use continuity_domain::Role;
use serde_json::{json, Value};

/// A built SPA stand-in: an index page and one asset.
fn spa_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("continuity-spa-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(dir.join("assets")).expect("spa dir");
    std::fs::write(dir.join("index.html"), "<!doctype html><title>Continuity</title><div id=app></div>")
        .expect("index");
    std::fs::write(dir.join("assets/app.js"), "console.log('app')").expect("asset");
    dir
}

fn assert_security_headers(what: &str, answer: &Response, api: bool) {
    assert_eq!(answer.header("x-content-type-options").as_deref(), Some("nosniff"), "{what}");
    assert_eq!(answer.header("referrer-policy").as_deref(), Some("no-referrer"), "{what}");
    assert_eq!(answer.header("x-frame-options").as_deref(), Some("DENY"), "{what}");
    let policy = answer.header("content-security-policy").unwrap_or_default();
    assert!(policy.contains("frame-ancestors 'none'"), "{what}: {policy}");
    assert!(policy.contains("script-src 'self'") && !policy.contains("unsafe"), "{what}: {policy}");
    assert!(answer.header("x-request-id").is_some(), "{what}");
    let cache = answer.header("cache-control");
    if api {
        assert_eq!(cache.as_deref(), Some("no-store"), "{what}");
    } else {
        assert_ne!(cache.as_deref(), Some("no-store"), "{what}: the SPA's files may be cached");
    }
    assert!(answer.header("access-control-allow-origin").is_none(), "{what}: CORS is closed by default");
}

async fn account(app: &TestApp, admin: &str, team_id: i64, name: &str) -> Response {
    app.send(
        "POST",
        "/api/v1/accounts",
        Some(admin),
        Some(json!({"name": name, "tier": "A", "region": "EMEA", "team_id": team_id.to_string(),
                    "annual_value_minor": 100_000, "currency": "EUR"})),
    )
    .await
}

api_test!(fn every_answer_carries_the_security_headers(app) with |config| config.web_app = continuity_api::WebApp::Directory(spa_dir()); {
    let team_id = app.create_team("Home");
    app.create_user("admin@example.com", Role::Admin, None);
    let admin = app.token("admin@example.com").await;
    let created = account(&app, &admin, team_id, "Brief Holdings").await;
    assert_eq!(created.status, 201, "{}", created.body);
    let account_id = created.body["id"].as_str().expect("id").to_owned();
    let url = |path: &str| format!("{}{path}", app.base);

    let api_answers = [
        ("a read", app.send("GET", "/api/v1/me", Some(&admin), None).await, 200),
        ("a write", app.send("POST", "/api/v1/teams", Some(&admin), Some(json!({"name": "Second"}))).await, 201),
        ("no token", app.send("GET", "/api/v1/me", None, None).await, 401),
        ("an unknown API route", app.send("GET", "/api/v1/nowhere", Some(&admin), None).await, 404),
        ("a wrong method", app.send("DELETE", "/api/v1/teams", Some(&admin), None).await, 405),
        (
            "an oversized body",
            app.raw(
                app.client
                    .post(url("/api/v1/teams"))
                    .bearer_auth(&admin)
                    .header("content-type", "application/json")
                    .body(vec![b' '; 2 * 1024 * 1024]),
            )
            .await,
            413,
        ),
        ("the OpenAPI document", app.send("GET", "/api/v1/openapi.json", None, None).await, 200),
        ("a CSV export", app.raw(app.client.get(url("/api/v1/export/accounts")).bearer_auth(&admin)).await, 200),
        ("health", app.send("GET", "/healthz", None, None).await, 200),
        ("readiness", app.send("GET", "/readyz", None, None).await, 200),
    ];
    for (what, answer, status) in &api_answers {
        assert_eq!(answer.status, *status, "{what}: {}", answer.body);
        assert_security_headers(what, answer, true);
    }
    for (what, path) in [("the SPA", "/"), ("a client-side route", "/accounts/42"), ("an asset", "/assets/app.js")]
    {
        let answer = app.raw(app.client.get(url(path))).await;
        assert_eq!(answer.status, 200, "{what}");
        assert_security_headers(what, &answer, false);
        assert_eq!(answer.header("content-security-policy").as_deref(), Some(CONTENT_SECURITY_POLICY), "{what}");
    }

    // The printable brief allows its own inline style by hash, nothing else inline.
    let brief = app
        .raw(
            app.client
                .get(url(&format!("/api/v1/accounts/{account_id}/handover-brief?format=html")))
                .bearer_auth(&admin),
        )
        .await;
    assert_eq!(brief.status, 200);
    assert_security_headers("the printable brief", &brief, true);
    let policy = brief.header("content-security-policy").unwrap_or_default();
    assert!(policy.contains("style-src 'sha256-") && policy.contains("script-src 'self'"), "{policy}");
});

api_test!(fn the_embedded_web_app_carries_the_security_headers_and_revalidates(app) with |config| config.web_app = continuity_api::WebApp::Embedded; {
    let url = |path: &str| format!("{}{path}", app.base);
    let index = app.raw(app.client.get(url("/"))).await;
    assert_eq!(index.status, 200);
    assert_security_headers("the embedded SPA", &index, false);
    assert!(index.header("content-type").unwrap_or_default().starts_with("text/html"));
    let route = app.raw(app.client.get(url("/accounts/42"))).await;
    assert_eq!(route.status, 200, "a client-side route");
    assert_security_headers("a client-side route", &route, false);
    let etag = index.header("etag").expect("an ETag");
    assert_eq!(route.header("etag").as_deref(), Some(etag.as_str()), "a client-side route is the index page");

    let unchanged = app.raw(app.client.get(url("/")).header("if-none-match", &etag)).await;
    assert_eq!(unchanged.status, 304, "a cached copy is still good");
    assert_security_headers("a revalidation", &unchanged, false);
    let posted = app.raw(app.client.post(url("/accounts/42"))).await;
    assert_eq!(posted.status, 405, "{}", posted.body);
});

const FRIEND: &str = "https://crm.example.com";

async fn preflight(app: &TestApp, origin: &str) -> Response {
    app.raw(
        app.client
            .request(reqwest::Method::OPTIONS, format!("{}/api/v1/accounts", app.base))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "authorization, content-type"),
    )
    .await
}

async fn cross_origin_read(app: &TestApp, token: &str, origin: &str) -> Response {
    app.raw(app.client.get(format!("{}/api/v1/me", app.base)).bearer_auth(token).header("origin", origin)).await
}

api_test!(fn cross_origin_reads_are_closed_by_default(app) {
    app.create_user("admin@example.com", Role::Admin, None);
    let token = app.token("admin@example.com").await;
    let read = cross_origin_read(&app, &token, FRIEND).await;
    assert_eq!(read.status, 200, "a non-browser client still gets its answer");
    assert!(read.header("access-control-allow-origin").is_none(), "closed by default");
    let asked = preflight(&app, FRIEND).await;
    assert!(asked.header("access-control-allow-origin").is_none(), "no preflight passes by default");
    assert!(asked.header("access-control-allow-methods").is_none());
    assert_eq!(asked.header("x-content-type-options").as_deref(), Some("nosniff"), "refusals are stamped too");
});

api_test!(fn cross_origin_reads_open_only_to_the_configured_origins(app) with |config| config.cors_origins = vec![FRIEND.to_owned()]; {
    app.create_user("admin@example.com", Role::Admin, None);
    let token = app.token("admin@example.com").await;
    let read = cross_origin_read(&app, &token, FRIEND).await;
    assert_eq!(read.header("access-control-allow-origin").as_deref(), Some(FRIEND));
    assert!(read.header("access-control-allow-credentials").is_none(), "tokens, not cookies");
    let asked = preflight(&app, FRIEND).await;
    assert_eq!(asked.status, 200);
    assert_eq!(asked.header("access-control-allow-origin").as_deref(), Some(FRIEND));
    assert!(asked.header("access-control-allow-methods").is_some_and(|methods| methods.contains("POST")));
    for stranger in ["https://evil.example", "https://crm.example.com.evil.example", "null"] {
        let read = cross_origin_read(&app, &token, stranger).await;
        assert!(read.header("access-control-allow-origin").is_none(), "{stranger} let in");
        let asked = preflight(&app, stranger).await;
        assert!(asked.header("access-control-allow-origin").is_none(), "{stranger} preflight let in");
    }
});

async fn count_accounts(app: &TestApp, admin: &str) -> usize {
    let listed = app.send("GET", "/api/v1/accounts?limit=200", Some(admin), None).await;
    assert_eq!(listed.status, 200, "{}", listed.body);
    listed.body["items"].as_array().map(Vec::len).unwrap_or(0)
}

async fn post_raw(app: &TestApp, token: &str, path: &str, content_type: &str, body: Vec<u8>) -> Response {
    app.raw(
        app.client
            .post(format!("{}{path}", app.base))
            .bearer_auth(token)
            .header("content-type", content_type)
            .body(body),
    )
    .await
}

api_test!(fn deep_malformed_and_mistyped_json_is_refused_with_a_problem_and_writes_nothing(app) {
    let team_id = app.create_team("Home");
    app.create_user("admin@example.com", Role::Admin, None);
    let admin = app.token("admin@example.com").await;
    let before = count_accounts(&app, &admin).await;
    let deep_array = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_in_field = format!(
        r#"{{"name": {}1{}, "tier": "A", "region": "EMEA", "team_id": "{team_id}", "annual_value_minor": 1, "currency": "EUR"}}"#,
        "[".repeat(5_000), "]".repeat(5_000)
    );
    let bodies: Vec<(&str, Vec<u8>, u16)> = vec![
        ("a deeply nested array", deep_array.into_bytes(), 422),
        ("a deeply nested field", deep_in_field.into_bytes(), 422),
        ("truncated", br#"{"name": "x""#.to_vec(), 400),
        ("trailing garbage", format!(r#"{{"name": "Trailing", "tier": "A", "region": "EMEA", "team_id": "{team_id}", "annual_value_minor": 1, "currency": "EUR"}} {{"#).into_bytes(), 400),
        ("a second document", format!(r#"{{"name": "Second", "tier": "A", "region": "EMEA", "team_id": "{team_id}", "annual_value_minor": 1, "currency": "EUR"}}{{}}"#).into_bytes(), 400),
        ("invalid UTF-8", b"{\"name\": \"\xff\xfe\"}".to_vec(), 400),
        ("a lone surrogate", br#"{"name": "\ud800"}"#.to_vec(), 400),
        ("NaN", br#"{"annual_value_minor": NaN}"#.to_vec(), 400),
        ("a number too large", br#"{"name": "N", "tier": "A", "region": "EMEA", "team_id": "1", "annual_value_minor": 1e400, "currency": "EUR"}"#.to_vec(), 400),
        ("an empty body", Vec::new(), 400),
        ("a bare string", br#""accounts""#.to_vec(), 422),
        ("duplicate keys", br#"{"name": "A", "name": "B", "tier": "A", "region": "EMEA", "team_id": "1", "annual_value_minor": 1, "currency": "EUR"}"#.to_vec(), 422),
    ];
    for (what, body, status) in bodies {
        let answer = post_raw(&app, &admin, "/api/v1/accounts", "application/json", body).await;
        assert_eq!(answer.status, status, "{what}: {}", answer.body);
        answer.expect_problem(status);
    }
    for content_type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml"] {
        let answer = post_raw(&app, &admin, "/api/v1/accounts", content_type, br#"{"name": "x"}"#.to_vec()).await;
        answer.expect_problem(415);
    }
    let oversized = format!(r#"{{"name": "{}"}}"#, "a".repeat(1024 * 1024 + 1));
    post_raw(&app, &admin, "/api/v1/accounts", "application/json", oversized.into_bytes()).await.expect_problem(413);
    assert_eq!(count_accounts(&app, &admin).await, before, "a refused body wrote something");
});

api_test!(fn overlong_and_control_character_strings_are_refused_naming_the_field(app) {
    let team_id = app.create_team("Home");
    app.create_user("admin@example.com", Role::Admin, None);
    let admin = app.token("admin@example.com").await;
    let before = count_accounts(&app, &admin).await;
    let body = |name: &str, region: &str| json!({"name": name, "tier": "A", "region": region,
        "team_id": team_id.to_string(), "annual_value_minor": 1, "currency": "EUR"});
    let cases = [
        (body(&"x".repeat(100_000), "EMEA"), "name"),
        (body("Fine", &"r".repeat(10_000)), "region"),
        (body("Nul\u{0}Byte", "EMEA"), "name"),
        (body("Escape\u{1b}[31mRed", "EMEA"), "name"),
        (body("Fine", "Bell\u{7}"), "region"),
        (body("Delete\u{7f}", "EMEA"), "name"),
        (body("Next line\u{85}", "EMEA"), "name"),
    ];
    for (body, field) in cases {
        let answer = app.send("POST", "/api/v1/accounts", Some(&admin), Some(body.clone())).await;
        assert_eq!(answer.expect_problem(422).as_deref(), Some(field), "for {}", &body.to_string()[..80.min(body.to_string().len())]);
    }
    // The same rule on query strings and path-addressed writes.
    let search = app.send("GET", "/api/v1/accounts?q=a%00b", Some(&admin), None).await;
    assert_eq!(search.expect_problem(422).as_deref(), Some("q"));
    let region = app.send("GET", "/api/v1/accounts?region=%1B", Some(&admin), None).await;
    assert_eq!(region.expect_problem(422).as_deref(), Some("region"));
    let created = account(&app, &admin, team_id, "Plain Name").await;
    let account_id = created.body["id"].as_str().expect("id").to_owned();
    let contact = app
        .send("POST", &format!("/api/v1/accounts/{account_id}/contacts"), Some(&admin),
              Some(json!({"name": "Dana", "job_title": "CFO\u{0}", "influence": "user"})))
        .await;
    assert_eq!(contact.expect_problem(422).as_deref(), Some("job_title"));
    let import = post_raw(&app, &admin, "/api/v1/import/accounts", "text/csv",
        b"external_id,name,tier,region,team_name,annual_value_minor,currency\nx1,Nul\0Name,A,EMEA,Home,1,EUR\n".to_vec()).await;
    assert_eq!(import.status, 422, "{}", import.body);
    assert_eq!(import.body["errors"][0]["column"], "name", "{}", import.body);
    assert_eq!(import.body["errors"][0]["line"], 2, "{}", import.body);
    // Tabs and line breaks are text, not control: a multi-line note keeps them.
    let admin_id = app.send("GET", "/api/v1/me", Some(&admin), None).await.body["id"].clone();
    let note = app
        .send("POST", &format!("/api/v1/accounts/{account_id}/interactions"), Some(&admin),
              Some(json!({"kind": "note", "occurred_at": chrono::Utc::now(), "summary": "line one\r\n\tline two",
                          "employee_ids": [admin_id], "contact_ids": []})))
        .await;
    assert_eq!(note.status, 201, "{}", note.body);
    assert_eq!(note.body["summary"], "line one\r\n\tline two");
    assert_eq!(count_accounts(&app, &admin).await, before + 1, "only the plain account was written");
});

api_test!(fn names_from_every_unicode_plane_round_trip_exactly(app) {
    let team_id = app.create_team("Home");
    app.create_user("admin@example.com", Role::Admin, None);
    let admin = app.token("admin@example.com").await;
    let names = [
        "Zoë Ærø Łódź Ñandú",                      // Latin supplements, plane 0
        "中文名字 日本語 한국어 עברית العربية",      // CJK, Hangul, right-to-left
        "e\u{301}\u{301} Å\u{30a} ﬁ ＡＢＣ",        // combining marks and compatibility forms, not normalised
        "𝄞 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀👩‍👩‍👧 🇨🇭",                   // plane 1: music, maths, emoji, ZWJ and flag sequences
        "𠀀𪛖 𫝀",                                   // plane 2: CJK extension B and later
        "𰀀 𱍊",                                     // plane 3: CJK extension G
        "tag\u{E0041}\u{E007F} sel\u{E0100}",      // plane 14: tags and variation selectors
        "\u{F0000}\u{FFFFD} \u{100000}\u{10FFFD}", // planes 15 and 16: private use
        "zero\u{200B}width\u{FEFF}joiner\u{200D}", // invisible format characters are not controls
    ];
    for name in names {
        let created = account(&app, &admin, team_id, name).await;
        assert_eq!(created.status, 201, "{name}: {}", created.body);
        assert_eq!(created.body["name"], name, "answered back changed");
        let id = created.body["id"].as_str().expect("id").to_owned();
        let read = app.send("GET", &format!("/api/v1/accounts/{id}"), Some(&admin), None).await;
        assert_eq!(read.body["name"], name, "stored changed");
        let contact = app
            .send("POST", &format!("/api/v1/accounts/{id}/contacts"), Some(&admin),
                  Some(json!({"name": name, "job_title": name, "influence": "champion"})))
            .await;
        assert_eq!(contact.status, 201, "{name}: {}", contact.body);
        let contact_id = contact.body["id"].as_str().expect("id");
        let read = app.send("GET", &format!("/api/v1/contacts/{contact_id}"), Some(&admin), None).await;
        assert_eq!((read.body["name"].as_str(), read.body["job_title"].as_str()), (Some(name), Some(name)));
    }
    let search = app.send("GET", "/api/v1/accounts?q=%F0%9D%84%9E", Some(&admin), None).await;
    let found: Vec<&str> = search.body["items"].as_array().expect("items").iter().filter_map(|a| a["name"].as_str()).collect();
    assert_eq!(found, vec![names[3]], "a search by a plane-1 character finds exactly its account");
    let export = app.raw(app.client.get(format!("{}/api/v1/export/accounts", app.base)).bearer_auth(&admin)).await;
    let csv = export.body.as_str().expect("csv text");
    for name in names {
        assert!(csv.contains(name), "{name} missing from the export");
    }
});

api_test!(fn sql_and_formula_payloads_are_stored_inert_and_exported_neutralised(app) {
    let team_id = app.create_team("Home");
    app.create_user("admin@example.com", Role::Admin, None);
    let admin = app.token("admin@example.com").await;
    let payloads = [
        "Robert'); DROP TABLE accounts;--",
        "' OR '1'='1",
        "1; DELETE FROM users WHERE ''=''",
        "%_\\ LIKE wildcards",
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "+41 44 000 00 00",
        "-2+3",
        "@SUM(A1:A9)",
        "'=already quoted",
    ];
    for payload in payloads {
        let created = account(&app, &admin, team_id, payload).await;
        assert_eq!(created.status, 201, "{payload}: {}", created.body);
        assert_eq!(created.body["name"], payload);
    }
    // Nothing was dropped or deleted, every name reads back as written, and LIKE wildcards and
    // quotes in a search are matched literally.
    assert_eq!(count_accounts(&app, &admin).await, payloads.len());
    assert_eq!(app.send("GET", "/api/v1/users", Some(&admin), None).await.body["items"].as_array().map(Vec::len), Some(1));
    for (query, expected) in [("%25_", vec![payloads[3]]), ("'%20OR%20'1'%3D'1", vec![payloads[1]]), ("DROP%20TABLE", vec![payloads[0]])] {
        let search = app.send("GET", &format!("/api/v1/accounts?q={query}"), Some(&admin), None).await;
        assert_eq!(search.status, 200, "{query}: {}", search.body);
        let found: Vec<&str> = search.body["items"].as_array().expect("items").iter().filter_map(|a| a["name"].as_str()).collect();
        assert_eq!(found, expected, "search {query}");
    }
    let export = app.raw(app.client.get(format!("{}/api/v1/export/accounts", app.base)).bearer_auth(&admin)).await;
    assert_eq!(export.status, 200);
    let csv = export.body.as_str().expect("csv text").to_owned();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().expect("header").clone();
    let name_column = headers.iter().position(|h| h == "name").expect("name column");
    let mut exported_names = Vec::new();
    for record in reader.records() {
        let record = record.expect("record");
        for cell in record.iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "live formula cell {cell:?}");
        }
        exported_names.push(record[name_column].to_owned());
    }
    for formula in &payloads[4..] {
        assert!(exported_names.contains(&format!("'{formula}")), "{formula} not neutralised: {exported_names:?}");
    }
    // And the export imports back to exactly what was stored (the one `'` is taken off again).
    let reimport = post_raw(&app, &admin, "/api/v1/import/accounts", "text/csv", csv.into_bytes()).await;
    assert_eq!(reimport.status, 200, "{}", reimport.body);
    assert_eq!(reimport.body["unchanged"], json!(payloads.len()), "{}", reimport.body);
    let listed = app.send("GET", "/api/v1/accounts?limit=200&sort=name", Some(&admin), None).await;
    let mut names: Vec<Value> = listed.body["items"].as_array().expect("items").iter().map(|a| a["name"].clone()).collect();
    let mut expected: Vec<Value> = payloads.iter().map(|p| json!(p)).collect();
    names.sort_by_key(Value::to_string);
    expected.sort_by_key(Value::to_string);
    assert_eq!(names, expected);
});
