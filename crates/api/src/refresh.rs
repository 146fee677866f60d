//! A server's background work, on one thread beside the request workers:
//!
//! - the **periodic refresh**: every interval, every account is recomputed (strength decays and
//!   accounts go stale as time passes) and the day's snapshot taken for the trend. At start-up
//!   it runs at once only when today's snapshot is missing, so a restart does not put a full
//!   pass on the database;
//! - the **recompute after a settings change** (`crates/store/src/settings.rs`): looked for
//!   every `poll` and at once when this server's `PUT /settings` wakes the thread. Its state
//!   and progress live in the database, so any server of the firm may run it and every server
//!   shows it; one stopped halfway is resumed after its last batch — at start-up by the same
//!   server (same `worker_name`), by any other once its lease has run out.
//!
//! Dropping the [`Refresher`] (with the app's state) stops the thread after the batch it is in.

use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use chrono::Utc;
use continuity_store::figures::{self, facts::BATCH_ACCOUNTS};
use continuity_store::settings::{self, RecomputeOptions, RecomputeRun};
use continuity_store::{Store, StoreError};

/// What the background thread does and how often.
#[derive(Debug, Clone)]
pub struct RefreshConfig {
    /// How often every account is recomputed and the day's snapshot taken; `None`: never
    /// (the server sets it, `CONTINUITY_REFRESH_MINUTES`).
    pub periodic: Option<Duration>,
    /// How often the thread looks for a recompute that a change on another server asked for.
    pub poll: Duration,
    /// This server's name in the recompute's state: a server that comes back under the same
    /// name takes its own unfinished recompute back at once.
    pub worker_name: String,
}

impl Default for RefreshConfig {
    /// No periodic refresh, a poll every 5 s, a name no other process has.
    fn default() -> Self {
        let token = crate::auth::tokens::random_token();
        RefreshConfig {
            periodic: None,
            poll: Duration::from_secs(5),
            worker_name: format!("process {} {}", std::process::id(), token.get(..8).unwrap_or(&token)),
        }
    }
}

#[derive(Default)]
struct Flags {
    woken: bool,
    stopped: bool,
}

/// Wakes the thread, or stops it.
#[derive(Default)]
struct Signal {
    flags: Mutex<Flags>,
    changed: Condvar,
}

impl Signal {
    fn set(&self, change: impl FnOnce(&mut Flags)) {
        change(&mut self.flags.lock().unwrap_or_else(PoisonError::into_inner));
        self.changed.notify_all();
    }

    fn stopped(&self) -> bool {
        self.flags.lock().unwrap_or_else(PoisonError::into_inner).stopped
    }

    /// Waits until woken, stopped or `timeout` passed; answers `false` once stopped.
    fn wait(&self, timeout: Duration) -> bool {
        let flags = self.flags.lock().unwrap_or_else(PoisonError::into_inner);
        let (mut flags, _) = self
            .changed
            .wait_timeout_while(flags, timeout, |flags| !flags.woken && !flags.stopped)
            .unwrap_or_else(PoisonError::into_inner);
        flags.woken = false;
        !flags.stopped
    }
}

/// The handle on the background thread.
pub struct Refresher {
    signal: Arc<Signal>,
}

impl Refresher {
    /// Starts the thread over `store`.
    pub fn start(store: Store, config: RefreshConfig) -> Result<Refresher, String> {
        let signal = Arc::new(Signal::default());
        let thread_signal = signal.clone();
        std::thread::Builder::new()
            .name("risk-refresh".into())
            .spawn(move || run(&store, &config, &thread_signal))
            .map_err(|error| format!("cannot start the background refresh: {error}"))?;
        Ok(Refresher { signal })
    }

    /// Asks the thread to look for a recompute now (after a settings change on this server).
    pub fn wake(&self) {
        self.signal.set(|flags| flags.woken = true);
    }
}

impl Drop for Refresher {
    fn drop(&mut self) {
        self.signal.set(|flags| flags.stopped = true);
    }
}

fn run(store: &Store, config: &RefreshConfig, signal: &Signal) {
    let mut next_refresh = config.periodic.map(|interval| first_refresh(store, interval));
    loop {
        if signal.stopped() {
            return;
        }
        recompute_after_settings_change(store, &config.worker_name, signal);
        if let (Some(at), Some(interval)) = (next_refresh, config.periodic) {
            if Instant::now() >= at {
                refresh_every_account(store);
                next_refresh = Some(Instant::now() + interval);
            }
        }
        let until_refresh = next_refresh.map_or(config.poll, |at| at.saturating_duration_since(Instant::now()));
        if !signal.wait(config.poll.min(until_refresh)) {
            return;
        }
    }
}

/// When the first periodic refresh is due: now, unless the store was refreshed today.
fn first_refresh(store: &Store, interval: Duration) -> Instant {
    let refreshed_today =
        store.conn().and_then(|mut conn| figures::has_snapshot(&mut conn, Utc::now().date_naive())).unwrap_or(false);
    if refreshed_today {
        tracing::info!(
            minutes = interval.as_secs() / 60,
            "the continuity figures are current (refreshed today); next refresh after the interval"
        );
        Instant::now() + interval
    } else {
        Instant::now()
    }
}

fn refresh_every_account(store: &Store) {
    let outcome = store.conn().and_then(|mut conn| {
        let now = Utc::now();
        let done = figures::recompute_all(&mut conn, now)?;
        figures::take_snapshots(&mut conn, now)?;
        Ok::<_, StoreError>(done)
    });
    match outcome {
        Ok(done) => {
            tracing::info!(accounts = done.accounts, changed = done.written, "refreshed the continuity figures")
        }
        Err(error) => tracing::warn!(%error, "refreshing the continuity figures failed; retrying later"),
    }
}

fn recompute_after_settings_change(store: &Store, worker: &str, signal: &Signal) {
    let clock = Utc::now;
    let should_stop = || signal.stopped();
    let options = RecomputeOptions { worker, batch_accounts: BATCH_ACCOUNTS, clock: &clock, should_stop: &should_stop };
    match store.conn().and_then(|mut conn| settings::run_recompute(&mut conn, &options)) {
        Ok(RecomputeRun::Nothing) => {}
        Ok(RecomputeRun::Finished(done)) => tracing::info!(
            accounts = done.accounts,
            changed = done.written,
            "recomputed every account after the settings changed"
        ),
        Ok(RecomputeRun::Paused) => tracing::info!("the recompute after the settings change stops here, to be resumed"),
        Err(error) => tracing::warn!(%error, "the recompute after the settings change failed; it is tried again later"),
    }
}
