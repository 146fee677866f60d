//! The demo firm: loaded into an empty store by `serve --demo` and `seed --demo`, with one
//! login per role printed for the person trying it out.

use anyhow::{Context, Result};
use chrono::Utc;
use continuity_api::auth::passwords::hash_password;
use continuity_domain::demo::{
    demo_firm, DEMO_ADMIN_EMAIL, DEMO_HR_EMAIL, DEMO_LEAD_EMAIL, DEMO_MEMBER_EMAIL, DEMO_PASSWORD,
};
use continuity_store::{seed, Store};

/// Loads the demo firm unless the store already holds accounts; prints the logins either way.
pub fn seed_demo(store: &Store) -> Result<()> {
    let mut conn = store.conn()?;
    if seed::has_accounts(&mut conn)? {
        tracing::info!("the store already holds accounts; the demo firm is not loaded again");
    } else {
        let started = std::time::Instant::now();
        let hash = hash_password(DEMO_PASSWORD).map_err(anyhow::Error::msg)?;
        let report = seed::load_demo(&mut conn, &demo_firm(Utc::now()), &hash, Utc::now())
            .context("loading the demo firm failed")?;
        tracing::info!(
            users = report.users,
            accounts = report.accounts,
            contacts = report.contacts,
            interactions = report.interactions,
            seconds = started.elapsed().as_secs_f64(),
            "loaded the demo firm"
        );
    }
    println!("Demo logins (password `{DEMO_PASSWORD}` for all):");
    for (role, email) in [
        ("admin", DEMO_ADMIN_EMAIL),
        ("hr", DEMO_HR_EMAIL),
        ("sales_lead", DEMO_LEAD_EMAIL),
        ("member", DEMO_MEMBER_EMAIL),
    ] {
        println!("  {role:<11} {email}");
    }
    Ok(())
}
