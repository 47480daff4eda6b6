//! `banfa coverage`: run a pack's tests and show, article by article, which rules account
//! for the regulation and which outcomes the cases saw each rule give.

use std::path::{Path, PathBuf};

use banfa::i18n::{Lang, text};
use banfa::packtest::{self, Coverage};

use super::{Exit, print, report};

const EXAMPLES: &str = "\
Examples:
  banfa coverage
  banfa coverage rules/jingzhou-city
  banfa coverage --format json rules/jingzhou-city

A rule is counted under pass, fail or other for each case whose verdict gives it that
outcome, whether or not the case asserts it. An article is accounted for when a rule cites
it or it is `held by` a header entry or parameter.

Exit status:
  0  every article is accounted for and every rule that can fail was seen failing
  1  some article is not accounted for, or some rule was never seen failing
  2  a pack or one of its test cases could not be loaded";

/// Show which articles a pack accounts for and which outcomes its tests exercise.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Rule pack directories [default: every pack under `rules/`].
    #[arg(value_name = "PACK_DIR")]
    pub packs: Vec<PathBuf>,

    /// How to print coverage: a table for people, one JSON object per pack for programs.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Also let test cases read records from this directory (repeatable), as `banfa test`.
    #[arg(long, value_name = "DIR")]
    pub allow_outside: Vec<PathBuf>,
}

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table per pack.
    Text,
    /// One JSON object per pack, one per line.
    Json,
}

/// Runs `banfa coverage`.
pub fn run(args: &Args) -> Exit {
    let Some(dirs) = super::test::pack_dirs(&args.packs) else {
        return Exit::Error;
    };
    let colour = super::stdout_colour();
    let mut exit = Exit::Success;
    for (i, dir) in dirs.iter().enumerate() {
        let separator = if i > 0 && args.format == Format::Text {
            "\n"
        } else {
            ""
        };
        exit = exit.max(cover(dir, args, colour, separator));
    }
    exit
}

/// One pack's coverage, printed; the exit status it stands for.
fn cover(dir: &Path, args: &Args, colour: bool, separator: &str) -> Exit {
    let format = args.format;
    let Some((pack, cases)) = super::test::load(dir, &args.allow_outside) else {
        return Exit::Error;
    };
    let results = packtest::run(&pack, &cases);
    for result in &results.results {
        if let Err(diagnostics) = &result.case.body {
            report(diagnostics);
        }
    }
    let coverage = packtest::coverage(&pack, &results);
    let name = dir.display().to_string();
    let text = match format {
        Format::Text => separator.to_owned() + &table(&name, &coverage, super::lang(), colour),
        Format::Json => packtest::render::coverage_json(&name, &coverage) + "\n",
    };
    print(&text).max(status(&coverage))
}

/// The heading, the tests' summary, then the table.
fn table(name: &str, coverage: &Coverage, lang: Lang, colour: bool) -> String {
    let heading = [
        ("name", name.into()),
        ("edition", coverage.edition.as_str().into()),
        ("version", coverage.version.as_str().into()),
    ];
    let counts = packtest::render::counts(coverage.tests, lang);
    format!(
        "{}\n{}\n\n{}",
        text(lang, "coverage-heading", &heading),
        text(lang, "coverage-tests", &[("counts", counts.into())]),
        packtest::render::coverage(coverage, lang, colour)
    )
}

fn status(coverage: &Coverage) -> Exit {
    if coverage.tests.errors > 0 {
        Exit::Error
    } else if coverage.complete() {
        Exit::Success
    } else {
        Exit::Failure
    }
}
