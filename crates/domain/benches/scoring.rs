//! Throughput of the continuity model over a scale firm: assessing every account, a departure
//! what-if over the whole portfolio, and the portfolio truck factor.
//!
//! `cargo bench -p continuity-domain --bench scoring -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use chrono::{DateTime, TimeZone, Utc};
use continuity_domain::continuity::{
    assess, departure_what_if, leaving_holders, truck_factor, AccountFacts, AccountHolders, Settings,
};
use continuity_domain::demo::ScaleFirm;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const ACCOUNTS: u64 = 10_000;
const SEED: u64 = 42;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).single().unwrap_or_default()
}

fn scoring(c: &mut Criterion) {
    let now = now();
    let firm = ScaleFirm::new(ACCOUNTS, SEED, now);
    let employees = firm.employees();
    let policies = firm.coverage_policies();
    let settings = Settings::default();
    let accounts: Vec<AccountFacts> = firm.accounts().map(|account| firm.account_facts(&account)).collect();
    let holders: Vec<AccountHolders> = accounts
        .iter()
        .filter_map(|account| AccountHolders::from_risk(&assess(account, &employees, &policies, &settings, now)))
        .collect();
    // The three employees whose departure hurts most, as the truck factor orders them.
    let already_leaving = leaving_holders(&holders, &employees);
    let leavers: Vec<i64> = truck_factor(&holders, &already_leaving, &settings).order.into_iter().take(3).collect();

    let mut group = c.benchmark_group("scoring");
    group.sample_size(10);
    group.throughput(Throughput::Elements(ACCOUNTS));
    group.bench_function("assess", |b| {
        b.iter(|| {
            accounts
                .iter()
                .map(|account| u64::from(assess(account, &employees, &policies, &settings, now).score))
                .sum::<u64>()
        })
    });
    group.bench_function("departure_what_if_3_leavers", |b| {
        b.iter(|| departure_what_if(black_box(&leavers), &accounts, &employees, &policies, &settings, now))
    });
    group.bench_function("truck_factor", |b| b.iter(|| truck_factor(black_box(&holders), &already_leaving, &settings)));
    group.finish();
}

criterion_group!(benches, scoring);
criterion_main!(benches);
