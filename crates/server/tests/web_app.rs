//! The binary is the app: copied alone into an empty folder and started there, it serves the
//! web app embedded at compile time — `index.html` at `/` and for every client-side route, and
//! the assets it references.
//!
//! When `web/dist` did not exist at compile time the binary embeds a page saying the web app
//! was not built (`crates/api/build.rs`). The first test holds for either; the second needs the
//! real build, so it is ignored by a plain `cargo test` (which may run before the web app is
//! built, as in `bin/test`) and `bin/test` runs it with `--ignored` right after building the
//! web app, where the placeholder fails it with a message saying so.

mod common;

use std::path::PathBuf;

use common::{empty_folder, Answer, Server};

const NOT_BUILT_MARKER: &str = r#"<meta name="continuity-web-app" content="not-built""#;

/// The binary copied alone into an empty folder, started there.
fn start_alone(name: &str) -> Server {
    let folder = empty_folder(name);
    let binary = folder.join("continuity");
    std::fs::copy(env!("CARGO_BIN_EXE_continuity"), &binary).expect("copy the binary");
    Server::start(&binary, &folder, &[])
}

fn assert_index_page(what: &str, answer: &Answer) {
    assert_eq!(answer.status, 200, "{what}: {}", answer.text());
    assert!(answer.header("content-type").starts_with("text/html"), "{what}: {:?}", answer.headers);
    assert!(answer.header("etag").starts_with('"'), "{what}: {:?}", answer.headers);
    assert_ne!(answer.header("cache-control"), "no-store", "{what}: the SPA's files may be cached");
    assert!(answer.header("content-security-policy").contains("script-src 'self'"), "{what}");
}

#[test]
fn the_binary_alone_answers_the_root_and_client_routes_with_its_embedded_index_page() {
    let server = start_alone("web-app-any");
    let root = server.get("/");
    assert_index_page("/", &root);
    assert!(root.text().contains("<html"), "{}", root.text());
    for route in ["/accounts/5", "/departures/new", "/no/such/page"] {
        let answer = server.get(route);
        assert_index_page(route, &answer);
        assert_eq!(answer.body, root.body, "{route} is the index page");
    }
    assert_eq!(server.get("/api/v1/nowhere").status, 404, "unknown API routes stay problem documents");
}

#[test]
#[ignore = "needs the web app built into the binary: bin/test runs it with --ignored after `npm run build`"]
fn the_binary_alone_serves_the_built_web_app_and_its_script() {
    let server = start_alone("web-app-built");
    let root = server.get("/");
    let index = root.text();
    assert!(
        !index.contains(NOT_BUILT_MARKER),
        "the binary embeds the page saying the web app was not built: web/dist/index.html did not exist \
         when it was compiled. Build the web app (`npm --prefix web run build`), then run this test again \
         (cargo rebuilds the binary when web/dist changes)."
    );
    assert_index_page("/", &root);
    assert!(index.contains(r#"<div id="app">"#), "the app's root element: {index}");
    let dist_index = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../web/dist/index.html");
    if let Ok(built) = std::fs::read_to_string(&dist_index) {
        assert_eq!(index, built, "the binary embeds the current build of {}", dist_index.display());
    }

    let script = script_source(&index).unwrap_or_else(|| panic!("no module script in the index page: {index}"));
    let asset = server.get(&script);
    assert_eq!(asset.status, 200, "{script}");
    assert!(asset.header("content-type").contains("javascript"), "{script}: {:?}", asset.headers);
    assert!(!asset.body.is_empty() && !asset.text().contains("<html"), "{script} is the script, not the index page");

    let route = server.get("/accounts/5");
    assert_index_page("/accounts/5", &route);
    assert_eq!(route.body, root.body, "a client-side route is the index page");
}

/// The `src` of the page's `<script type="module">`.
fn script_source(index: &str) -> Option<String> {
    let tag_start = index.find("<script type=\"module\"")?;
    let tag = &index[tag_start..tag_start + index[tag_start..].find('>')?];
    let after = &tag[tag.find("src=\"")? + 5..];
    Some(after[..after.find('"')?].to_owned())
}
