//! The `banfa` command: parses flags and dispatches to a subcommand in [`cli`].

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// banfa: regulations as versioned rule packs, project records in, explained verdicts out.
#[derive(Debug, Parser)]
#[command(name = "banfa", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Evaluate project records against a rule pack.
    Evaluate(cli::evaluate::Args),
}

fn main() -> ExitCode {
    let exit = match Cli::parse().command {
        Command::Evaluate(args) => cli::evaluate::run(&args),
    };
    exit.into()
}
