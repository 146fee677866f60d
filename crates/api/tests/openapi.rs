//! The OpenAPI document is generated from the routes; `crates/api/openapi.json` is its snapshot
//! in the repository, and the SPA's types (`web/src/api/schema.ts`) are generated from that. A
//! change to a route, a parameter or a response field shows here first, as a diff to commit.

mod common;

use serde_json::Value;

const SNAPSHOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi.json");
const REGENERATE: &str = "CONTINUITY_UPDATE_OPENAPI=1 cargo test -p continuity-api openapi_snapshot";

fn snapshot() -> String {
    std::fs::read_to_string(SNAPSHOT).unwrap_or_default()
}

#[test]
fn openapi_snapshot_matches_the_document_the_routes_generate() {
    let generated = continuity_api::openapi::pretty_json();
    if std::env::var_os("CONTINUITY_UPDATE_OPENAPI").is_some() {
        std::fs::write(SNAPSHOT, &generated).expect("write the OpenAPI snapshot");
        return;
    }
    let committed = snapshot();
    if committed == generated {
        return;
    }
    let first_difference = committed
        .lines()
        .zip(generated.lines())
        .position(|(left, right)| left != right)
        .unwrap_or_else(|| committed.lines().count().min(generated.lines().count()));
    let line = |text: &str| text.lines().nth(first_difference).unwrap_or("(end of file)").to_owned();
    panic!(
        "crates/api/openapi.json is out of date with the routes' OpenAPI document.\n\
         First difference at line {}:\n  snapshot:  {}\n  generated: {}\n\
         If the change is meant, regenerate the snapshot and the SPA's types, and commit both:\n  \
         {REGENERATE}\n  cd web && npm run generate:api",
        first_difference + 1,
        line(&committed),
        line(&generated),
    );
}

api_test!(fn the_served_openapi_document_is_the_snapshot(app) {
    let served = app.send("GET", "/api/v1/openapi.json", None, None).await;
    assert_eq!(served.status, 200);
    let committed: Value = serde_json::from_str(&snapshot()).expect("crates/api/openapi.json is JSON");
    assert!(served.body == committed, "/api/v1/openapi.json differs from crates/api/openapi.json; run {REGENERATE}");
});

/// Every handler under `/api/v1` is registered through utoipa-actix-web, which documents it;
/// `.route(...)` on the scope would not. So, asked without a token: each documented operation
/// is routed (a 405 or a no-such-route 404 means it is not), each other method on a documented
/// path is not (it answers 405), and the one route left out on purpose, the document itself,
/// is not listed in it.
///
/// (`/campaigns/preview` asked with GET is `GET /campaigns/{id}` with an id that does not
/// parse, hence the check against every documented template.)
#[tokio::test]
async fn every_route_under_the_api_is_documented_and_every_documented_operation_routed() {
    let app = common::TestApp::start(continuity_store::Backend::Sqlite).await;
    let committed: Value = serde_json::from_str(&snapshot()).expect("crates/api/openapi.json is JSON");
    let paths = committed["paths"].as_object().expect("paths");
    let matches = |template: &str, path: &str| {
        template.split('/').count() == path.split('/').count()
            && template.split('/').zip(path.split('/')).all(|(t, p)| t == p || t.starts_with('{'))
    };
    let mut wrong = Vec::new();
    for template in paths.keys() {
        let path: String = template
            .split('/')
            .map(|segment| if segment.starts_with('{') { "1" } else { segment })
            .collect::<Vec<_>>()
            .join("/");
        for method in ["GET", "PUT", "POST", "PATCH", "DELETE"] {
            let method_key = method.to_lowercase();
            let documented = paths.iter().any(|(other, item)| matches(other, &path) && item.get(&method_key).is_some());
            let status = app.send(method, &path, None, None).await.status;
            let routed = status != 405 && status != 404;
            if documented != routed {
                wrong.push(format!("{method} {template}: documented {documented}, answers {status}"));
            }
        }
    }
    assert!(wrong.is_empty(), "routes and document disagree:\n{}", wrong.join("\n"));
    assert_eq!(app.send("GET", "/api/v1/openapi.json", None, None).await.status, 200);
    assert!(committed["paths"].get("/api/v1/openapi.json").is_none());
}

#[test]
fn every_operation_has_its_own_id() {
    let document = serde_json::to_value(continuity_api::openapi::generate()).expect("document");
    let mut seen = std::collections::BTreeMap::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("path item") {
            let id = operation["operationId"].as_str().unwrap_or_else(|| panic!("{method} {path} has no operationId"));
            if let Some(other) = seen.insert(id.to_owned(), format!("{method} {path}")) {
                panic!("operationId {id} names both {other} and {method} {path}");
            }
        }
    }
}
