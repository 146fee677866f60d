//! `continuity`: the server binary. Subcommands: `serve` (the default), `migrate`,
//! `user create`, `seed`, `recompute`, `bench`, `import`, `export`, `backup`. Settings come from the environment (see `settings.rs`).

mod backup;
mod bench;
mod cli;
mod demo;
mod serve;
mod settings;

use anyhow::Result;
use clap::Parser;

fn main() -> Result<()> {
    let cli = cli::Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,actix_server=warn")),
        )
        .with_target(false)
        .init();
    cli::run(cli)
}
