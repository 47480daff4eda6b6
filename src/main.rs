//! The `banfa` command: parses flags and dispatches to a subcommand in [`cli`].

mod cli;

use std::ffi::OsString;
use std::process::ExitCode;

use banfa::i18n::Lang;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

/// banfa: regulations as versioned rule packs, project records in, explained verdicts out.
#[derive(Debug, Parser)]
#[command(name = "banfa", version, propagate_version = true)]
struct Cli {
    /// The language of messages: zh or en [default: `BANFA_LANG`, else the locale, else zh].
    #[arg(long, global = true, value_name = "zh|en", value_parser = parse_lang)]
    lang: Option<Lang>,

    #[command(subcommand)]
    command: Command,
}

/// `--lang`: `zh` or `en` (a locale such as `zh_CN.UTF-8` names one too).
fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::from_tag(text).ok_or_else(|| String::from("zh, en"))
}

/// The `--lang` of a command line, read before clap reads the rest, so that clap's own
/// errors are worded in it.
fn lang_flag(args: &[OsString]) -> Option<Lang> {
    let mut args = args.iter().filter_map(|arg| arg.to_str());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(Lang::from_tag) {
            return Some(lang);
        }
    }
    None
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Evaluate project records against a rule pack.
    Evaluate(cli::evaluate::Args),
    /// Review a batch of records: counts, the provisions failed most, each unit, the plan.
    Review(cli::review::Args),
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
    let args: Vec<OsString> = std::env::args_os().collect();
    cli::choose_lang(lang_flag(&args));
    // A command line that parses needs no words: the help is put in the run's language
    // only to show it, or an error (which `cli::arguments` words), so that a run pays for
    // it only then.
    let command = match Cli::try_parse_from(&args) {
        Ok(cli) => cli.command,
        Err(_) => {
            let mut parser = cli::help::localise(Cli::command(), cli::lang());
            let parsed = parser
                .try_get_matches_from_mut(&args)
                .and_then(|matches| Cli::from_arg_matches(&matches))
                .map_err(|error| error.format(&mut parser));
            match parsed {
                Ok(cli) => cli.command,
                Err(error) => return cli::arguments(&error).into(),
            }
        }
    };
    let exit = match command {
        Command::Evaluate(args) => cli::evaluate::run(&args),
        Command::Review(args) => cli::review::run(&args),
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
