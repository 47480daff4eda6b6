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
    /// Run the test cases written next to rule packs (`PACK/tests/*.yaml`).
    Test(cli::test::Args),
    /// Show which articles a pack accounts for and which outcomes its tests exercise.
    Coverage(cli::coverage::Args),
    /// List the rule packs available, with versions and dates of effect.
    Packs(cli::packs::Args),
    /// Show what one edition changes against another: declarations, or the verdict on a record.
    Diff(cli::diff::Args),
    /// Check rule packs and report every error and warning at once.
    Check(cli::check::Args),
    /// Print the JSON Schema of a pack's project records, for editors.
    Schema(cli::schema::Args),
    /// Print a shell completion script.
    Completions(cli::completions::Args),
    /// Rewrite rule files in the canonical layout, or check that they are.
    Fmt(cli::fmt::Args),
}

fn main() -> ExitCode {
    let exit = match Cli::parse().command {
        Command::Evaluate(args) => cli::evaluate::run(&args),
        Command::Test(args) => cli::test::run(&args),
        Command::Coverage(args) => cli::coverage::run(&args),
        Command::Packs(args) => cli::packs::run(&args),
        Command::Diff(args) => cli::diff::run(&args),
        Command::Check(args) => cli::check::run(&args),
        Command::Schema(args) => cli::schema::run(&args),
        Command::Completions(args) => cli::completions::run::<Cli>(&args),
        Command::Fmt(args) => cli::fmt::run(&args),
    };
    exit.into()
}
