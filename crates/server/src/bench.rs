//! Load tests: `seed --scale N` loads a scale firm, `bench recompute` times the full
//! recompute against a bare scan of the interactions, and the one-employee what-if as the API
//! answers it (BENCHMARKS.md).

use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chrono::Utc;
use continuity_api::auth::passwords::hash_password;
use continuity_domain::continuity::departure_what_if;
use continuity_domain::demo::DEMO_PASSWORD;
use continuity_domain::Role;
use continuity_store::seed::{self, ScaleProgress};
use continuity_store::{figures, users, Store};

/// Loads a scale firm of `account_count` accounts into an empty store, with progress on stderr.
pub fn seed_scale(store: &Store, account_count: u64, seed: u64) -> Result<()> {
    let mut conn = store.conn()?;
    let started = Instant::now();
    // One hash for every user: argon2 is deliberately slow, and they all share the password.
    let hash = hash_password(DEMO_PASSWORD).map_err(anyhow::Error::msg)?;
    let mut inserted_after = None;
    let report = seed::load_scale(&mut conn, account_count, seed, &hash, Utc::now(), &mut |progress: ScaleProgress| {
        let percent = progress.accounts_loaded * 100 / progress.accounts_total.max(1);
        eprintln!(
            "loaded {} / {} accounts ({percent} %) in {:.1} s",
            progress.accounts_loaded,
            progress.accounts_total,
            started.elapsed().as_secs_f64()
        );
        if progress.accounts_loaded == progress.accounts_total {
            inserted_after = Some(started.elapsed());
            eprintln!("computing every account's figures…");
        }
    })
    .context("loading the scale firm failed")?;
    let total = started.elapsed();
    let inserted = inserted_after.unwrap_or(total);
    println!(
        "loaded {} users, {} accounts, {} contacts, {} interactions: rows in {:.1} s, figures in {:.1} s, {:.1} s in all \
         (password `{DEMO_PASSWORD}` for every user)",
        report.users,
        report.accounts,
        report.contacts,
        report.interactions,
        inserted.as_secs_f64(),
        (total - inserted).as_secs_f64(),
        total.as_secs_f64()
    );
    Ok(())
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

/// The nearest-rank percentile of sorted durations.
fn percentile(sorted: &[Duration], percent: usize) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (sorted.len() * percent).div_ceil(100).max(1);
    sorted.get(rank - 1).copied().unwrap_or_default()
}

fn millis(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1_000.0)
}

/// Times the streaming full recompute, the bare GROUP BY over the interactions, and the
/// one-employee departure what-if for `employee_count` employees; prints a table.
pub fn bench_recompute(store: &Store, employee_count: usize) -> Result<()> {
    let mut conn = store.conn()?;
    if !seed::has_accounts(&mut conn)? {
        anyhow::bail!("the store holds no account: load one first with `continuity seed --scale N`");
    }
    let mut interaction_count = 0;

    let mut scans = Vec::new();
    for _ in 0..3 {
        let started = Instant::now();
        let counts = figures::interactions_per_account(&mut conn)?;
        scans.push(started.elapsed());
        interaction_count = counts.iter().map(|(_, count)| count).sum::<i64>();
        eprintln!("GROUP BY scan: {} groups in {}", counts.len(), millis(started.elapsed()));
    }
    let scan = median(scans);

    // A daily refresh: one, two and three days on, decay has changed every account's
    // strengths, so every row is rewritten. Then the same instant again: nothing changed.
    let mut daily = Vec::new();
    let mut unchanged = Vec::new();
    let mut account_count = 0;
    let mut rewritten = Vec::new();
    let start = Utc::now();
    for day in 1..=3 {
        let started = Instant::now();
        let done = figures::recompute_all(&mut conn, start + chrono::Duration::days(day))?;
        daily.push(started.elapsed());
        account_count = done.accounts;
        rewritten.push(done.written);
        eprintln!(
            "recompute {day} day(s) on: {} accounts, {} rewritten, in {}",
            done.accounts,
            done.written,
            millis(started.elapsed())
        );
    }
    for _ in 0..3 {
        let started = Instant::now();
        let done = figures::recompute_all(&mut conn, start + chrono::Duration::days(3))?;
        unchanged.push(started.elapsed());
        eprintln!(
            "recompute again: {} accounts, {} rewritten, in {}",
            done.accounts,
            done.written,
            millis(started.elapsed())
        );
    }
    let recompute = median(daily);
    let recompute_unchanged = median(unchanged);
    // Leave the store as of now (untimed).
    figures::recompute_all(&mut conn, Utc::now())?;

    // Members spread evenly over the staff, the people a what-if is usually asked about.
    let members: Vec<i64> = users::list(&mut conn)?
        .into_iter()
        .filter(|user| user.profile.role == Role::Member)
        .map(|user| user.id)
        .collect();
    let stride = (members.len() / employee_count.max(1)).max(1);
    let chosen: Vec<i64> = members.iter().copied().step_by(stride).take(employee_count).collect();
    let settings = figures::settings(&mut conn)?;
    let mut latencies = Vec::with_capacity(chosen.len());
    let mut touched_counts = Vec::with_capacity(chosen.len());
    for user_id in &chosen {
        let started = Instant::now();
        // As `simulate_departure` in the API does it, minus the HTTP and the visibility check.
        let now = Utc::now();
        let touched = figures::accounts_touching_user(&mut conn, *user_id, &settings, now)?;
        let facts = figures::facts_of(&mut conn, &touched, &settings, now)?;
        let mut people = figures::people_of(&facts);
        people.insert(*user_id);
        let employees = figures::employees_by_id(&mut conn, &people)?;
        let policies = figures::coverage_policies(&mut conn)?;
        let report = departure_what_if(&[*user_id], &facts, &employees, &policies, &settings, now);
        latencies.push(started.elapsed());
        touched_counts.push(touched.len());
        std::hint::black_box(report);
    }
    latencies.sort_unstable();
    touched_counts.sort_unstable();
    let touched_median = touched_counts.get(touched_counts.len() / 2).copied().unwrap_or(0);

    let ratio = recompute.as_secs_f64() / scan.as_secs_f64().max(f64::EPSILON);
    let per_second = account_count as f64 / recompute.as_secs_f64().max(f64::EPSILON);
    println!("| measure | result |");
    println!("|---|---|");
    println!("| store | {account_count} accounts, {interaction_count} interactions |");
    println!(
        "| bare `SELECT account_id, count(*) FROM interactions GROUP BY account_id` (median of 3) | {} |",
        millis(scan)
    );
    println!(
        "| streaming full recompute a day on, every row rewritten (median of 3; rows rewritten {rewritten:?}) | {} ({per_second:.0} accounts/s), {ratio:.1}× the bare scan |",
        millis(recompute)
    );
    println!(
        "| the same recompute again, nothing changed (median of 3) | {}, {:.1}× the bare scan |",
        millis(recompute_unchanged),
        recompute_unchanged.as_secs_f64() / scan.as_secs_f64().max(f64::EPSILON)
    );
    println!(
        "| one-employee what-if, {} employees (median {touched_median} accounts touched) | p50 {}, p99 {}, max {} |",
        latencies.len(),
        millis(percentile(&latencies, 50)),
        millis(percentile(&latencies, 99)),
        millis(latencies.last().copied().unwrap_or_default())
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank() {
        let sorted: Vec<Duration> = (1..=200).map(Duration::from_millis).collect();
        assert_eq!(percentile(&sorted, 50), Duration::from_millis(100));
        assert_eq!(percentile(&sorted, 99), Duration::from_millis(198));
        assert_eq!(percentile(&[], 99), Duration::ZERO);
        assert_eq!(
            median(vec![Duration::from_millis(3), Duration::from_millis(1), Duration::from_millis(2)]),
            Duration::from_millis(2)
        );
    }
}
