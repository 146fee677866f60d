//! Starts the real application on a random port over a fresh database (SQLite file or
//! PostgreSQL schema) and hands back an HTTP client for it.
#![allow(dead_code)]

use std::net::TcpListener;

use chrono::Utc;
use continuity_api::auth::passwords::hash_password;
use continuity_api::{ApiConfig, AppState};
use continuity_domain::Role;
use continuity_store::testing::TestDatabase;
use continuity_store::{users, Backend, Store};
use serde_json::{json, Value};

pub const SECRET: &[u8] = b"test-secret-test-secret-test-secret!!";
pub const PASSWORD: &str = "correct horse battery staple";

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub store: Store,
    /// The running app's state, for what only it can tell (e.g. password checks done).
    pub state: std::sync::Arc<AppState>,
    _database: TestDatabase,
}

pub struct Response {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
    }

    /// Asserts this is a problem document with `status`, answering its `field`.
    pub fn expect_problem(&self, status: u16) -> Option<String> {
        assert_eq!(self.status, status, "unexpected answer: {}", self.body);
        assert_eq!(self.header("content-type").as_deref(), Some("application/problem+json"), "{}", self.body);
        assert_eq!(self.body["status"], json!(status));
        assert!(self.body["title"].is_string() && self.body["detail"].is_string(), "{}", self.body);
        self.body["field"].as_str().map(str::to_owned)
    }
}

impl TestApp {
    pub async fn start(backend: Backend) -> TestApp {
        Self::start_with(backend, |_| {}).await
    }

    pub async fn start_with(backend: Backend, adjust: impl FnOnce(&mut ApiConfig)) -> TestApp {
        let database = TestDatabase::new(backend);
        let store = database.store();
        let mut config = ApiConfig::with_secret(SECRET.to_vec());
        // Every summary in a test reads the truck factor afresh.
        config.truck_factor_max_age = std::time::Duration::ZERO;
        adjust(&mut config);
        let state = AppState::new(store.clone(), &config).expect("state");
        let data = actix_web::web::Data::from(state.clone());
        let listener = TcpListener::bind("127.0.0.1:0").expect("port");
        let port = listener.local_addr().expect("addr").port();
        let server = actix_web::HttpServer::new(move || continuity_api::app(data.clone()))
            .workers(1)
            .listen(listener)
            .expect("listen")
            .run();
        tokio::spawn(server);
        TestApp {
            base: format!("http://127.0.0.1:{port}"),
            client: reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client"),
            store,
            state,
            _database: database,
        }
    }

    /// Creates a user directly in the store (the password is [`PASSWORD`]).
    pub fn create_user(&self, email: &str, role: Role, team_id: Option<i64>) -> i64 {
        let hash = hash_password(PASSWORD).expect("hash");
        let mut conn = self.store.conn().expect("conn");
        let display_name = email.split('@').next().unwrap_or(email).to_owned();
        let new =
            users::NewUser { email, display_name: &display_name, role, team_id, password_hash: &hash, locale: None };
        users::create(&mut conn, &new, None, Utc::now()).expect("user").id
    }

    pub async fn send(&self, method: &str, path: &str, token: Option<&str>, body: Option<Value>) -> Response {
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
        let mut request = self.client.request(method, format!("{}{}", self.base, path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        into_response(request.send().await.expect("request")).await
    }

    /// Sends a write with `If-Match: "<version>"`.
    pub async fn send_if_match(
        &self,
        method: &str,
        path: &str,
        token: &str,
        version: i64,
        body: Option<Value>,
    ) -> Response {
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
        let mut request = self
            .client
            .request(method, format!("{}{}", self.base, path))
            .bearer_auth(token)
            .header("If-Match", format!("\"{version}\""));
        if let Some(body) = body {
            request = request.json(&body);
        }
        into_response(request.send().await.expect("request")).await
    }

    /// Creates a team directly in the store.
    pub fn create_team(&self, name: &str) -> i64 {
        let mut conn = self.store.conn().expect("conn");
        continuity_store::teams::create(&mut conn, name, None, Utc::now()).expect("team").id
    }

    /// Makes a user lead of a team.
    pub fn make_lead(&self, team_id: i64, user_id: i64) {
        let mut conn = self.store.conn().expect("conn");
        continuity_store::teams::add_lead(&mut conn, team_id, user_id, None, Utc::now()).expect("lead");
    }

    /// The firm's staff: `admin@`, `hr@` and `lead@example.com`, the lead leading `team_id`.
    /// Answers the lead's id.
    pub fn create_staff(&self, team_id: i64) -> i64 {
        self.create_user("admin@example.com", Role::Admin, None);
        self.create_user("hr@example.com", Role::Hr, None);
        let lead = self.create_user("lead@example.com", Role::SalesLead, Some(team_id));
        self.make_lead(team_id, lead);
        lead
    }

    /// `POST /accounts` with `body`, as `token`.
    pub async fn create_account(&self, token: &str, body: Value) -> Response {
        self.send("POST", "/api/v1/accounts", Some(token), Some(body)).await
    }

    /// Puts a user on an account's team (`PUT /accounts/{account_id}/team/{user_id}`), as `token`.
    pub async fn put_on_team(&self, token: &str, account_id: &str, user_id: i64, role: &str, access: &str) -> Response {
        let path = format!("/api/v1/accounts/{account_id}/team/{user_id}");
        self.send("PUT", &path, Some(token), Some(json!({"role": role, "access": access}))).await
    }

    /// `POST /accounts/{account_id}/contacts` with `body`, as `token`.
    pub async fn add_contact(&self, token: &str, account_id: &str, body: Value) -> Response {
        self.send("POST", &format!("/api/v1/accounts/{account_id}/contacts"), Some(token), Some(body)).await
    }

    /// `POST /accounts/{account_id}/interactions` with `body`, as `token`.
    pub async fn log_interaction(&self, token: &str, account_id: &str, body: Value) -> Response {
        self.send("POST", &format!("/api/v1/accounts/{account_id}/interactions"), Some(token), Some(body)).await
    }

    pub async fn raw(&self, request: reqwest::RequestBuilder) -> Response {
        into_response(request.send().await.expect("request")).await
    }

    pub async fn login(&self, email: &str, password: &str) -> Response {
        self.send("POST", "/api/v1/auth/login", None, Some(json!({"email": email, "password": password}))).await
    }

    /// Signs in and answers the access token.
    pub async fn token(&self, email: &str) -> String {
        let answer = self.login(email, PASSWORD).await;
        assert_eq!(answer.status, 200, "login failed: {}", answer.body);
        answer.body["access_token"].as_str().expect("token").to_owned()
    }
}

async fn into_response(response: reqwest::Response) -> Response {
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await.expect("body");
    let body = if text.is_empty() { Value::Null } else { serde_json::from_str(&text).unwrap_or(Value::String(text)) };
    Response { status, headers, body }
}

/// `api_test!(fn name(app) { ... })` runs an async test body against a fresh app on SQLite
/// and on PostgreSQL (`name::sqlite`, `name::postgres`); `api_test!(fn name(app) with
/// |config| ...; { ... })` adjusts the app's configuration first.
#[macro_export]
macro_rules! api_test {
    (fn $name:ident($app:ident) with $adjust:expr; $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn run($app: $crate::common::TestApp) $body

            #[tokio::test]
            async fn sqlite() {
                run($crate::common::TestApp::start_with(continuity_store::Backend::Sqlite, $adjust).await).await;
            }

            #[tokio::test]
            async fn postgres() {
                run($crate::common::TestApp::start_with(continuity_store::Backend::Postgres, $adjust).await).await;
            }
        }
    };
    (fn $name:ident($app:ident) $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn run($app: $crate::common::TestApp) $body

            #[tokio::test]
            async fn sqlite() {
                run($crate::common::TestApp::start(continuity_store::Backend::Sqlite).await).await;
            }

            #[tokio::test]
            async fn postgres() {
                run($crate::common::TestApp::start(continuity_store::Backend::Postgres).await).await;
            }
        }
    };
}
