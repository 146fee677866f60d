//! What every handler shares: the store, token keys, the login throttle, settings.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use actix_web::web;
use continuity_store::{AnyConnection, Store};

use crate::auth::passwords::hash_password;
use crate::auth::throttle::{LoginThrottle, ThrottleQuota};
use crate::auth::tokens::TokenKeys;
use crate::error::ApiError;

/// The API's settings (the server binary fills them from the environment).
#[derive(Debug, Clone)]
pub struct ApiConfig {
    pub jwt_secret: Vec<u8>,
    pub access_ttl: Duration,
    pub refresh_ttl: Duration,
    pub login_per_email: ThrottleQuota,
    pub login_per_address: ThrottleQuota,
    /// The built SPA (`web/dist`); `None` serves the API only.
    pub web_dir: Option<PathBuf>,
}

impl ApiConfig {
    /// The documented defaults around a given secret: 15-minute access tokens, 30-day refresh
    /// tokens, 5 login attempts per e-mail then one per 12 s, 30 per address then one per 2 s.
    pub fn with_secret(jwt_secret: Vec<u8>) -> ApiConfig {
        ApiConfig {
            jwt_secret,
            access_ttl: Duration::from_secs(15 * 60),
            refresh_ttl: Duration::from_secs(30 * 24 * 3600),
            login_per_email: ThrottleQuota { burst: 5, replenish: Duration::from_secs(12) },
            login_per_address: ThrottleQuota { burst: 30, replenish: Duration::from_secs(2) },
            web_dir: None,
        }
    }
}

pub struct AppState {
    pub store: Store,
    pub tokens: TokenKeys,
    pub throttle: LoginThrottle,
    pub refresh_ttl: Duration,
    /// A real argon2 hash of a random password, verified against when the e-mail is unknown
    /// so that an unknown e-mail costs the same time as a wrong password.
    pub dummy_password_hash: String,
    pub web_dir: Option<PathBuf>,
}

impl AppState {
    pub fn new(store: Store, config: &ApiConfig) -> Result<Arc<AppState>, String> {
        let access_ttl = i64::try_from(config.access_ttl.as_secs()).map_err(|e| e.to_string())?;
        Ok(Arc::new(AppState {
            store,
            tokens: TokenKeys::new(&config.jwt_secret, access_ttl),
            throttle: LoginThrottle::new(config.login_per_email, config.login_per_address),
            refresh_ttl: config.refresh_ttl,
            dummy_password_hash: hash_password(&crate::auth::tokens::random_token())?,
            web_dir: config.web_dir.clone(),
        }))
    }

    /// Runs `work` with a pooled connection on the blocking pool (diesel is synchronous),
    /// inside the request's tracing span.
    pub async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> Result<T, ApiError> + Send + 'static,
    {
        let store = self.store.clone();
        let span = tracing::Span::current();
        web::block(move || {
            let _entered = span.enter();
            let mut conn = store.conn()?;
            work(&mut conn)
        })
        .await?
    }
}
