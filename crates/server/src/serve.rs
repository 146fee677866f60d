//! `continuity serve`: migrate, make sure the admin exists, serve until SIGTERM/SIGINT (actix
//! drains in-flight requests before it stops), with the background refresh beside the
//! request workers (`continuity_api::refresh`).

use anyhow::{bail, Context, Result};
use base64::Engine;
use chrono::Utc;
use continuity_api::auth::passwords::{check_new_password, hash_password};
use continuity_api::{ApiConfig, AppState, WebApp};
use continuity_store::users;

use crate::cli::{migrate, open_store, ServeArgs};
use crate::settings::Settings;

pub fn serve(settings: Settings, args: ServeArgs) -> Result<()> {
    let jwt_secret = match (&settings.jwt_secret, args.demo) {
        (Some(secret), _) => secret.clone(),
        (None, true) => {
            tracing::warn!("demo mode: using a generated JWT secret; sessions end when the server stops");
            let mut bytes = [0u8; 48];
            rand::fill(&mut bytes);
            base64::engine::general_purpose::STANDARD.encode(bytes).into_bytes()
        }
        (None, false) => bail!(
            "CONTINUITY_JWT_SECRET is not set: set it to a random string of at least {} bytes \
             (e.g. `openssl rand -base64 48`), or run `continuity serve --demo`",
            crate::settings::MIN_SECRET_BYTES
        ),
    };
    let store = open_store(&settings)?;
    let applied = migrate(&store)?;
    tracing::info!(database = %settings.database_for_log(), applied, "database ready");
    if let Some((email, password)) = &settings.admin {
        check_new_password(password).map_err(|reason| anyhow::anyhow!("CONTINUITY_ADMIN_PASSWORD {reason}"))?;
        let hash = hash_password(password).map_err(anyhow::Error::msg)?;
        let mut conn = store.conn()?;
        if users::ensure_admin(&mut conn, email, "Administrator", &hash, Utc::now())? {
            tracing::info!(%email, "created the admin user");
        }
    }
    if args.demo {
        crate::demo::seed_demo(&store)?;
    }
    let mut config = ApiConfig::with_secret(jwt_secret);
    config.web_app = web_app(&settings);
    config.cors_origins = settings.cors_origins.clone();
    // The background thread (started with the state) keeps the figures current as time
    // passes and runs the recompute after a settings change; under this name, a restarted
    // server takes back at once a recompute it had not finished.
    config.refresh.periodic = Some(settings.refresh_interval);
    config.refresh.worker_name = format!("{} {}", host_name(), settings.bind);
    let state = AppState::new(store, &config).map_err(anyhow::Error::msg)?;
    let data = actix_web::web::Data::from(state);
    let workers =
        settings.workers.unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2));
    actix_web::rt::System::new().block_on(async move {
        let server = actix_web::HttpServer::new(move || continuity_api::app(data.clone()))
            .workers(workers)
            .shutdown_timeout(20)
            .bind(&settings.bind)
            .with_context(|| format!("cannot listen on {}", settings.bind))?;
        tracing::info!(address = %settings.bind, "serving");
        server.run().await.context("server failed")
    })
}

/// The embedded SPA unless `CONTINUITY_WEB_DIR` names a directory; says so when there is
/// nothing real to serve.
fn web_app(settings: &Settings) -> WebApp {
    match &settings.web_dir {
        Some(dir) => {
            if !dir.join("index.html").is_file() {
                tracing::warn!(dir = %dir.display(), "CONTINUITY_WEB_DIR holds no built web app; serving the API only");
            }
            WebApp::Directory(dir.clone())
        }
        None => {
            if !continuity_api::spa::EMBEDDED_WEB_APP_BUILT {
                tracing::warn!(
                    "this binary was built without the web app; `/` says how to build it \
                     (`npm --prefix web run build`, then `cargo build -p continuity`)"
                );
            }
            WebApp::Embedded
        }
    }
}

/// This machine's name, for the background worker's name (`localhost` when unknown).
fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .ok()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "localhost".to_owned())
}
