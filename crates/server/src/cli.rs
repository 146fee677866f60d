//! The command line.

use anyhow::{bail, Context, Result};
use chrono::Utc;
use clap::{Parser, Subcommand};
use std::io::Write;

use continuity_api::auth::passwords::{check_new_password, hash_password};
use continuity_domain::validation::is_email;
use continuity_domain::Role;
use continuity_store::import::csv::{self, Kind};
use continuity_store::import::Import;
use continuity_store::scope::Scope;
use continuity_store::{migrations, users, Store};

use crate::settings::Settings;

#[derive(Debug, Parser)]
#[command(name = "continuity", version, about = "Customer-relationship continuity tracker")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the API and the web app (the default).
    Serve(ServeArgs),
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage users.
    #[command(subcommand)]
    User(UserCommand),
    /// Load data into an empty store: `--demo` the demo firm, `--scale N` a firm of N accounts.
    Seed(SeedArgs),
    /// Measure the store (expects a firm loaded with `seed --scale N`).
    #[command(subcommand)]
    Bench(BenchCommand),
    /// Recompute every account's continuity figures and record today's snapshot (decay with
    /// time; the server also does this periodically).
    Recompute,
    /// Import a CSV file (accounts, contacts, assignments or interactions) as the system: all of
    /// it or nothing; prints the report and exits non-zero if any line is refused.
    Import(ImportArgs),
    /// Write a consistent copy of the store to a new file while the server runs: SQLite with
    /// `VACUUM INTO` (a complete database file), PostgreSQL with `pg_dump --format=custom`
    /// (restore with `pg_restore`). See README "Operations".
    Backup {
        /// The file to create.
        file: std::path::PathBuf,
    },
    /// Write every record of a kind as CSV to standard output (the header the import takes).
    Export {
        /// accounts | contacts | assignments | interactions
        kind: String,
    },
}

#[derive(Debug, Clone, clap::Args)]
pub struct ImportArgs {
    /// accounts | contacts | assignments | interactions
    pub kind: String,
    /// The CSV file (UTF-8, header row).
    pub file: std::path::PathBuf,
    /// Check and count everything, write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, clap::Args)]
pub struct SeedArgs {
    /// The demo firm: 5 teams, 40 employees, 2 000 accounts, two years of interactions.
    #[arg(long, conflicts_with = "scale")]
    pub demo: bool,
    /// A scale firm of this many accounts (about 20 interactions each, one user per 50
    /// accounts), for load tests and benchmarks; every user's password is the demo password.
    #[arg(long, value_name = "ACCOUNTS")]
    pub scale: Option<u64>,
    /// The seed the scale firm is generated from (the same seed gives the same firm).
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
}

#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Time the full recompute against a bare GROUP BY over the interactions, and the
    /// one-employee departure what-if (p50, p99).
    Recompute {
        /// How many different employees the what-if is timed for.
        #[arg(long, default_value_t = 200)]
        employees: usize,
    },
}

#[derive(Debug, Clone, Default, clap::Args)]
pub struct ServeArgs {
    /// Demo mode: loads the demo firm into an empty store, prints one login per role, and
    /// generates a JWT secret when none is set.
    #[arg(long)]
    pub demo: bool,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a user (or reset the password of an existing one with --reset-password).
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        display_name: String,
        #[arg(long, default_value = "member")]
        role: String,
        #[arg(long)]
        team_id: Option<i64>,
        /// Read the password from this environment variable (default: CONTINUITY_NEW_PASSWORD).
        #[arg(long, default_value = "CONTINUITY_NEW_PASSWORD")]
        password_env: String,
    },
}

pub fn run(cli: Cli) -> Result<()> {
    let settings = Settings::from_env()?;
    match cli.command.unwrap_or(Command::Serve(ServeArgs::default())) {
        Command::Serve(args) => crate::serve::serve(settings, args),
        Command::Migrate => {
            let store = open_store(&settings)?;
            let applied = migrate(&store)?;
            println!("{applied} migration(s) applied to {}", settings.database_for_log());
            Ok(())
        }
        Command::Seed(args) => {
            if !args.demo && args.scale.is_none() {
                bail!("say what to load: `continuity seed --demo` or `continuity seed --scale N`");
            }
            let store = open_store(&settings)?;
            migrate(&store)?;
            match args.scale {
                Some(accounts) => crate::bench::seed_scale(&store, accounts, args.seed),
                None => crate::demo::seed_demo(&store),
            }
        }
        Command::Bench(BenchCommand::Recompute { employees }) => {
            let store = open_store(&settings)?;
            migrate(&store)?;
            crate::bench::bench_recompute(&store, employees)
        }
        Command::Recompute => {
            let store = open_store(&settings)?;
            migrate(&store)?;
            let started = std::time::Instant::now();
            let mut conn = store.conn()?;
            let done = continuity_store::figures::recompute_all(&mut conn, Utc::now())?;
            continuity_store::figures::take_snapshots(&mut conn, Utc::now())?;
            println!(
                "recomputed {} accounts ({} changed) in {:.1} s",
                done.accounts,
                done.written,
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Import(args) => {
            let kind: Kind = args.kind.parse().map_err(|e| anyhow::anyhow!("kind: {e}"))?;
            let body = std::fs::read(&args.file).with_context(|| format!("cannot read {}", args.file.display()))?;
            let store = open_store(&settings)?;
            migrate(&store)?;
            let mut conn = store.conn()?;
            // The command line acts as the system: audit entries carry no actor.
            let import = Import { scope: Scope::Firm, actor_id: None, dry_run: args.dry_run, now: Utc::now() };
            let report = csv::import_file(&mut conn, kind, &body, import)?;
            let mode = if args.dry_run { " (dry run: nothing written)" } else { "" };
            println!("created {}, updated {}, unchanged {}{mode}", report.created, report.updated, report.unchanged);
            for error in &report.errors {
                let column = error.column.as_deref().unwrap_or("-");
                println!("line {}, column {column}: {}", error.line, error.reason);
            }
            if !report.errors.is_empty() {
                bail!("{} problem(s) in {}; nothing was written", report.errors.len(), args.file.display());
            }
            Ok(())
        }
        Command::Backup { file } => crate::backup::backup(&settings, &file),
        Command::Export { kind } => {
            let kind: Kind = kind.parse().map_err(|e| anyhow::anyhow!("kind: {e}"))?;
            let store = open_store(&settings)?;
            migrate(&store)?;
            let mut conn = store.conn()?;
            let file = csv::export_file(&mut conn, kind, &Scope::Firm, true)?;
            std::io::stdout().write_all(&file).context("cannot write the export")?;
            Ok(())
        }
        Command::User(UserCommand::Create { email, display_name, role, team_id, password_env }) => {
            let role: Role = role.parse().map_err(|e| anyhow::anyhow!("--role: {e}"))?;
            if !is_email(&email) {
                bail!("--email: not a valid e-mail address");
            }
            let password =
                std::env::var(&password_env).with_context(|| format!("set the password in {password_env}"))?;
            check_new_password(&password).map_err(|reason| anyhow::anyhow!("password {reason}"))?;
            let store = open_store(&settings)?;
            migrate(&store)?;
            let hash = hash_password(&password).map_err(anyhow::Error::msg)?;
            let mut conn = store.conn()?;
            let new = users::NewUser {
                email: &email,
                display_name: &display_name,
                role,
                team_id,
                password_hash: &hash,
                locale: None,
            };
            let user = users::create(&mut conn, &new, None, Utc::now())?;
            println!("created user {} <{}> as {}", user.id, user.email, user.profile.role);
            Ok(())
        }
    }
}

pub fn open_store(settings: &Settings) -> Result<Store> {
    let default_pool = if settings.is_postgres() { 16 } else { 8 };
    Store::open(&settings.database_url, settings.pool_size.unwrap_or(default_pool))
        .with_context(|| format!("cannot open the database {}", settings.database_for_log()))
}

/// Applies pending migrations; when any ran, computes the figures of accounts that have none
/// (a migration may drop the derived figures).
pub fn migrate(store: &Store) -> Result<usize> {
    let mut conn = store.conn()?;
    let applied = migrations::run_pending(&mut conn).context("migrations failed")?;
    if applied > 0 {
        let computed = continuity_store::figures::recompute_missing(&mut conn, Utc::now())?;
        if computed > 0 {
            tracing::info!(accounts = computed, "computed the continuity figures after migrating");
        }
    }
    Ok(applied)
}
