//! The server's settings, read from the environment:
//!
//! | variable | meaning | default |
//! |---|---|---|
//! | `CONTINUITY_DATABASE_URL` | `postgres://…` URL, or a SQLite file path | `continuity.sqlite` in the working directory |
//! | `CONTINUITY_BIND` | address to listen on | `127.0.0.1:8080` |
//! | `CONTINUITY_JWT_SECRET` | HMAC secret for access tokens, ≥ 32 bytes | required (demo mode generates one) |
//! | `CONTINUITY_ADMIN_EMAIL`, `CONTINUITY_ADMIN_PASSWORD` | make sure this admin exists at start-up | none |
//! | `CONTINUITY_WEB_DIR` | a built SPA to serve from disk instead of the one embedded in the binary (development) | the embedded one |
//! | `CONTINUITY_DB_POOL_SIZE` | database connections | 16 (SQLite 8) |
//! | `CONTINUITY_WORKERS` | HTTP worker threads | number of cores |
//! | `CONTINUITY_REFRESH_MINUTES` | how often every account is recomputed (decay with time) and the day's snapshot taken | 60 |
//! | `CONTINUITY_CORS_ORIGINS` | comma-separated origins (`https://crm.example.com`) whose pages may call the API from a browser | none: CORS closed |
//! | `CONTINUITY_LOG_FORMAT` | `text` (coloured only on a terminal) or `json` (one object per line) | `text` |
//!
//! A JWT secret shorter than 32 bytes is refused at start-up in every mode (demo mode only
//! generates one when none is set), so that a guessable secret never signs a token.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};

pub const MIN_SECRET_BYTES: usize = 32;

#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: String,
    pub bind: String,
    /// `None` when unset; `serve` refuses to start without it outside demo mode.
    pub jwt_secret: Option<Vec<u8>>,
    pub admin: Option<(String, String)>,
    /// `None` serves the SPA embedded in the binary.
    pub web_dir: Option<PathBuf>,
    pub pool_size: Option<u32>,
    pub workers: Option<usize>,
    pub refresh_interval: std::time::Duration,
    /// Origins allowed to call the API from a browser; empty keeps CORS closed.
    pub cors_origins: Vec<String>,
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

fn number<T: std::str::FromStr>(name: &str) -> Result<Option<T>> {
    match var(name) {
        None => Ok(None),
        Some(text) => text.parse().map(Some).map_err(|_| anyhow::anyhow!("{name} must be a number, got `{text}`")),
    }
}

/// How log lines are written (`CONTINUITY_LOG_FORMAT`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

impl LogFormat {
    /// Read on its own, before the other settings: logging starts first, so that every
    /// later message is written in the chosen format.
    pub fn from_env() -> Result<LogFormat> {
        match var("CONTINUITY_LOG_FORMAT").as_deref() {
            None | Some("text") => Ok(LogFormat::Text),
            Some("json") => Ok(LogFormat::Json),
            Some(other) => bail!("CONTINUITY_LOG_FORMAT must be `text` or `json`, got `{other}`"),
        }
    }
}

impl Settings {
    pub fn from_env() -> Result<Settings> {
        let jwt_secret = var("CONTINUITY_JWT_SECRET").map(String::into_bytes);
        if let Some(secret) = &jwt_secret {
            if secret.len() < MIN_SECRET_BYTES {
                bail!("CONTINUITY_JWT_SECRET must be at least {MIN_SECRET_BYTES} bytes long");
            }
        }
        let admin = match (var("CONTINUITY_ADMIN_EMAIL"), std::env::var("CONTINUITY_ADMIN_PASSWORD").ok()) {
            (Some(email), Some(password)) if !password.is_empty() => Some((email, password)),
            (None, None) => None,
            _ => bail!("set both CONTINUITY_ADMIN_EMAIL and CONTINUITY_ADMIN_PASSWORD, or neither"),
        };
        let cors_origins: Vec<String> = var("CONTINUITY_CORS_ORIGINS")
            .map(|list| list.split(',').map(|origin| origin.trim().to_owned()).filter(|o| !o.is_empty()).collect())
            .unwrap_or_default();
        for origin in &cors_origins {
            continuity_api::cors::check_origin(origin)
                .map_err(|reason| anyhow::anyhow!("CONTINUITY_CORS_ORIGINS: {reason}"))?;
        }
        Ok(Settings {
            database_url: var("CONTINUITY_DATABASE_URL").unwrap_or_else(|| "continuity.sqlite".to_owned()),
            bind: var("CONTINUITY_BIND").unwrap_or_else(|| "127.0.0.1:8080".to_owned()),
            jwt_secret,
            admin,
            web_dir: var("CONTINUITY_WEB_DIR").map(PathBuf::from),
            pool_size: number("CONTINUITY_DB_POOL_SIZE").context("CONTINUITY_DB_POOL_SIZE")?,
            workers: number("CONTINUITY_WORKERS").context("CONTINUITY_WORKERS")?,
            refresh_interval: std::time::Duration::from_secs(
                60 * number::<u64>("CONTINUITY_REFRESH_MINUTES")
                    .context("CONTINUITY_REFRESH_MINUTES")?
                    .unwrap_or(60)
                    .max(1),
            ),
            cors_origins,
        })
    }

    pub fn is_postgres(&self) -> bool {
        self.database_url.starts_with("postgres://") || self.database_url.starts_with("postgresql://")
    }

    /// The database URL with any password masked, for logs.
    pub fn database_for_log(&self) -> String {
        match self.database_url.split_once('@') {
            Some((credentials, rest)) if self.is_postgres() => {
                let user = credentials.rsplit_once(':').map(|(user, _)| user).unwrap_or(credentials);
                format!("{user}:***@{rest}")
            }
            _ => self.database_url.clone(),
        }
    }
}
