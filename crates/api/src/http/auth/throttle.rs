//! Login throttling per e-mail and per client address (governor's keyed GCRA limiters).
//! Limits are per server process; behind a load balancer each instance throttles on its own,
//! which bounds guessing at (instances × quota).

use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// How many attempts are allowed: a burst, then one per `replenish`.
#[derive(Debug, Clone, Copy)]
pub struct ThrottleQuota {
    pub burst: u32,
    pub replenish: Duration,
}

pub struct LoginThrottle {
    per_email: DefaultKeyedRateLimiter<String>,
    per_address: DefaultKeyedRateLimiter<String>,
    clock: DefaultClock,
}

impl std::fmt::Debug for LoginThrottle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LoginThrottle")
    }
}

fn quota(limit: ThrottleQuota) -> Quota {
    let burst = NonZeroU32::new(limit.burst.max(1)).unwrap_or(NonZeroU32::MIN);
    Quota::with_period(limit.replenish.max(Duration::from_millis(1)))
        .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
        .allow_burst(burst)
}

impl LoginThrottle {
    pub fn new(per_email: ThrottleQuota, per_address: ThrottleQuota) -> LoginThrottle {
        LoginThrottle {
            per_email: RateLimiter::keyed(quota(per_email)),
            per_address: RateLimiter::keyed(quota(per_address)),
            clock: DefaultClock::default(),
        }
    }

    /// Counts one attempt; answers the seconds to wait when either limit is exhausted.
    pub fn check(&self, email: &str, address: &str) -> Result<(), u64> {
        if self.per_email.len() > 100_000 {
            self.per_email.retain_recent();
            self.per_address.retain_recent();
        }
        let now = self.clock.now();
        let wait = |outcome: Result<(), governor::NotUntil<_>>| {
            outcome.err().map(|not_until| not_until.wait_time_from(now).as_secs() + 1)
        };
        if let Some(seconds) = wait(self.per_address.check_key(&address.to_owned())) {
            return Err(seconds);
        }
        if let Some(seconds) = wait(self.per_email.check_key(&email.to_owned())) {
            return Err(seconds);
        }
        Ok(())
    }
}
