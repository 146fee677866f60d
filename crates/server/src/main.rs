//! `continuity`: the server binary. Subcommands: `serve` (the default), `migrate`,
//! `user create`, `seed`, `recompute`, `bench`, `import`, `export`, `backup`. Settings come from the environment (see `settings.rs`).

mod backup;
mod bench;
mod cli;
mod demo;
mod serve;
mod settings;

use std::io::IsTerminal;

use anyhow::Result;
use clap::Parser;
use settings::LogFormat;

fn main() -> Result<()> {
    let cli = cli::Cli::parse();
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,actix_server=warn"));
    let logs = tracing_subscriber::fmt().with_env_filter(filter).with_target(false);
    match LogFormat::from_env()? {
        // Colour codes are for a person at a terminal; in a file or a pipe they are noise.
        LogFormat::Text => logs.with_ansi(std::io::stdout().is_terminal()).init(),
        LogFormat::Json => logs.json().with_ansi(false).init(),
    }
    cli::run(cli)
}
