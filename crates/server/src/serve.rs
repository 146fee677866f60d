//! `continuity serve`: migrate, make sure the admin exists, serve until SIGTERM/SIGINT (actix
//! drains in-flight requests before it stops).

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
    spawn_refresh(store.clone(), settings.refresh_interval);
    let mut config = ApiConfig::with_secret(jwt_secret);
    config.web_app = web_app(&settings);
    config.cors_origins = settings.cors_origins.clone();
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

/// Keeps the figures current as time passes (strength decays, accounts go stale): every
/// `interval`, recompute every account and record the day's snapshot for the trend. At
/// start-up the first refresh runs at once only when today's snapshot is missing (the store
/// was not refreshed today), so a restart does not put a full pass on the database.
fn spawn_refresh(store: continuity_store::Store, interval: std::time::Duration) {
    let spawned = std::thread::Builder::new().name("risk-refresh".into()).spawn(move || {
        let refreshed_today = store
            .conn()
            .map_err(anyhow::Error::from)
            .and_then(|mut conn| Ok(continuity_store::figures::has_snapshot(&mut conn, Utc::now().date_naive())?));
        if matches!(refreshed_today, Ok(true)) {
            tracing::info!(
                minutes = interval.as_secs() / 60,
                "the continuity figures are current (refreshed today); next refresh after the interval"
            );
            std::thread::sleep(interval);
        }
        loop {
            let outcome = store.conn().map_err(anyhow::Error::from).and_then(|mut conn| {
                let now = Utc::now();
                let done = continuity_store::figures::recompute_all(&mut conn, now)?;
                continuity_store::figures::take_snapshots(&mut conn, now)?;
                Ok(done)
            });
            match outcome {
                Ok(done) => {
                    tracing::info!(accounts = done.accounts, changed = done.written, "refreshed the continuity figures")
                }
                Err(error) => tracing::warn!(%error, "refreshing the continuity figures failed; retrying later"),
            }
            std::thread::sleep(interval);
        }
    });
    if let Err(error) = spawned {
        tracing::error!(%error, "cannot start the periodic refresh");
    }
}
