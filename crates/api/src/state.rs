//! What every handler shares: the store, token keys, the login throttle, settings, and the
//! handle on the background refresh (see [`crate::refresh`]).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actix_web::web;
use continuity_domain::continuity::TruckFactor;
use continuity_store::{AnyConnection, Store};

use crate::auth::passwords::{hash_password, PasswordChecks};
use crate::auth::throttle::{LoginThrottle, ThrottleQuota};
use crate::auth::tokens::TokenKeys;
use crate::error::ApiError;
use crate::refresh::{RefreshConfig, Refresher};
use crate::spa::WebApp;

/// The API's settings (the server binary fills them from the environment).
#[derive(Debug, Clone)]
pub struct ApiConfig {
    pub jwt_secret: Vec<u8>,
    pub access_ttl: Duration,
    pub refresh_ttl: Duration,
    pub login_per_email: ThrottleQuota,
    pub login_per_address: ThrottleQuota,
    /// Where the SPA comes from; the API alone unless set.
    pub web_app: WebApp,
    /// Origins allowed to call the API from a browser (CORS); empty keeps it closed.
    pub cors_origins: Vec<String>,
    /// How long a computed truck factor is reused by `GET /risk/summary` (per scope): it reads
    /// the holders of every account in view, while the rest of the summary is kept current
    /// per write.
    pub truck_factor_max_age: Duration,
    /// The background thread's work: the periodic refresh and the recompute after a
    /// settings change.
    pub refresh: RefreshConfig,
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
            web_app: WebApp::ApiOnly,
            cors_origins: Vec::new(),
            truck_factor_max_age: Duration::from_secs(30),
            refresh: RefreshConfig::default(),
        }
    }
}

/// The accounts a portfolio figure covers: `None` for the whole firm, else these teams.
pub type PortfolioScope = Option<Vec<i64>>;

/// Recently computed truck factors, per scope.
pub struct TruckFactorCache {
    max_age: Duration,
    entries: Mutex<HashMap<PortfolioScope, (Instant, TruckFactor)>>,
    /// Held while one is computed, so that concurrent requests wait for it instead of all
    /// reading every account's holders at once.
    computing: Mutex<()>,
}

impl TruckFactorCache {
    /// At most this many scopes are kept (one per sales lead's set of teams, in practice).
    const MAX_ENTRIES: usize = 1_000;

    pub fn new(max_age: Duration) -> Self {
        TruckFactorCache { max_age, entries: Mutex::new(HashMap::new()), computing: Mutex::new(()) }
    }

    /// The cached truck factor of `scope`, or the one `compute` gives (and is then cached);
    /// one computation at a time, the others waiting and then reusing its result.
    pub fn get_or_compute<E>(
        &self,
        scope: &PortfolioScope,
        compute: impl FnOnce() -> Result<TruckFactor, E>,
    ) -> Result<TruckFactor, E> {
        if let Some(cached) = self.get(scope) {
            return Ok(cached);
        }
        let _computing = self.computing.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(cached) = self.get(scope) {
            return Ok(cached);
        }
        let fresh = compute()?;
        self.put(scope.clone(), fresh.clone());
        Ok(fresh)
    }

    /// The truck factor of `scope` if it was computed less than the maximum age ago.
    fn get(&self, scope: &PortfolioScope) -> Option<TruckFactor> {
        let entries = self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        entries.get(scope).filter(|(at, _)| at.elapsed() < self.max_age).map(|(_, truck_factor)| truck_factor.clone())
    }

    fn put(&self, scope: PortfolioScope, truck_factor: TruckFactor) {
        if self.max_age.is_zero() {
            return;
        }
        let mut entries = self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if entries.len() >= Self::MAX_ENTRIES {
            entries.retain(|_, (at, _)| at.elapsed() < self.max_age);
            if entries.len() >= Self::MAX_ENTRIES {
                entries.clear();
            }
        }
        entries.insert(scope, (Instant::now(), truck_factor));
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
    pub web_app: WebApp,
    pub cors_origins: Vec<String>,
    pub truck_factors: TruckFactorCache,
    /// The threads that check login passwords (one per core).
    pub password_checks: PasswordChecks,
    /// The background refresh, which `PUT /settings` wakes; it stops with the state.
    pub refresher: Refresher,
}

impl AppState {
    /// The state over `store`; starts the background refresh thread (see [`crate::refresh`]).
    pub fn new(store: Store, config: &ApiConfig) -> Result<Arc<AppState>, String> {
        let access_ttl = i64::try_from(config.access_ttl.as_secs()).map_err(|e| e.to_string())?;
        let refresher = Refresher::start(store.clone(), config.refresh.clone())?;
        Ok(Arc::new(AppState {
            store,
            tokens: TokenKeys::new(&config.jwt_secret, access_ttl),
            throttle: LoginThrottle::new(config.login_per_email, config.login_per_address),
            refresh_ttl: config.refresh_ttl,
            dummy_password_hash: hash_password(&crate::auth::tokens::random_token())?,
            web_app: config.web_app.clone(),
            cors_origins: config.cors_origins.clone(),
            truck_factors: TruckFactorCache::new(config.truck_factor_max_age),
            password_checks: PasswordChecks::new(
                std::thread::available_parallelism().map(std::num::NonZeroUsize::get).unwrap_or(2),
            )?,
            refresher,
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
