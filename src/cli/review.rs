//! `banfa review`: a year's declarations in, a reviewer's ledger out ([`banfa::review`]).

use std::io::{IsTerminal, Write as _};
use std::path::PathBuf;

use banfa::i18n::{Localized, Report};
use banfa::review::{self, Ledger};
use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressStyle};
use miette::Diagnostic as _;

use super::batch::{self, Step};
use super::error::CliError;
use super::{Exit, PackChoice, inputs, parse_date, report};

const EXAMPLES: &str = "\
Examples:
  banfa review declarations/
  banfa review --plan-year 2022 declarations/ 台账.jsonl
  banfa review --format xlsx -o 台账.xlsx declarations/
  banfa review --format html -o 审查报告.html declarations/
  banfa review --format csv declarations/ > projects.csv

The records are evaluated together: a unit is judged by all its projects (its other records
are its other projects). A project may enter the plan when it is in scope, not suspended,
fails no requirement and needs no missing fact; with `--plan-year`, only the records planned
for that year are candidates.

Exit status:
  0  the ledger was written and every record was evaluated
  2  something could not be evaluated (unreadable or invalid record, invalid pack, bad flag),
     or the ledger could not be written";

/// Review a batch of records: counts, the provisions failed most, each unit, the plan.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Project records, evaluated together: files, directories, or `-` for standard input,
    /// as `banfa evaluate` takes them.
    #[arg(required = true, value_name = "RECORDS")]
    pub records: Vec<PathBuf>,

    /// The pack: a directory, or an edition.
    #[command(flatten)]
    pub choice: PackChoice,

    /// The evaluation date [default: today].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,

    /// The year of the plan being compiled: only the records planned for it are candidates.
    #[arg(
        long = "plan-year",
        value_name = "YEAR",
        value_parser = clap::value_parser!(i64).range(1900..=2200)
    )]
    pub planned_for: Option<i64>,

    /// How to write the ledger.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Write the ledger to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The ledger's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Text for the terminal.
    Text,
    /// The project table as CSV.
    Csv,
    /// A workbook: summary, projects, findings.
    Xlsx,
    /// A self-contained HTML report with charts.
    Html,
}

/// Records at which a terminal shows a progress bar.
const PROGRESS_FROM: usize = 500;

/// Runs `banfa review`.
pub fn run(args: &Args) -> Exit {
    let as_of = args.as_of.unwrap_or_else(super::today);
    let resolver = args.choice.resolver();
    let pack = match args.choice.load(&resolver, as_of) {
        Ok(pack) => pack,
        Err(error) => {
            report(&error);
            return Exit::Error;
        }
    };
    if args.planned_for.is_some() && pack.plan_field.is_none() {
        report(&CliError::NoPlanField {
            edition: pack.header.origin.to_string(),
        });
        return Exit::Error;
    }
    let lang = super::lang();
    let mut ledger = Ledger::new(
        as_of,
        pack.header.origin.to_string(),
        args.planned_for,
        lang,
    );
    let loaded = inputs::load(&args.records, &pack);
    let progress = progress(loaded.len());
    let mut exit = Exit::Success;
    let keep = |verdict: &banfa::verdict::Verdict, record: &inputs::Loaded| {
        let planned_for = record
            .facts
            .as_ref()
            .ok()
            .and_then(|facts| banfa::eval::planned_for(&pack, facts));
        review::Project::of(verdict, batch::place(&record.origin), planned_for)
    };
    batch::evaluate(&pack, &resolver, as_of, &loaded, keep, |step| {
        progress.inc(1);
        match step {
            Step::Duplicate(warning) => {
                progress.suspend(|| report(&warning));
                exit = Exit::Error;
            }
            Step::Verdict(project) => ledger.projects.push(project),
            Step::Refused(origin, refusal) => {
                let problem = refusal.report();
                progress.suspend(|| report(problem));
                let (code, message) = first_problem(problem);
                ledger.refuse(batch::place(origin), code, message);
                exit = Exit::Error;
            }
        }
    });
    progress.finish_and_clear();
    exit.max(write(args, &ledger))
}

/// A progress bar on a terminal for a long batch; hidden otherwise.
fn progress(records: usize) -> ProgressBar {
    if records < PROGRESS_FROM || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(u64::try_from(records).unwrap_or(u64::MAX));
    let template = format!(
        "{} {{bar:40}} {{pos}}/{{len}} {{eta}}",
        banfa::i18n::text(super::lang(), "review-progress", &[])
    );
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    bar
}

/// The code and words of a problem's first diagnostic, for the ledger's list.
fn first_problem(problem: &dyn Report) -> (String, String) {
    let localized = Localized::new(problem, super::lang());
    let problems = localized.problems();
    match problems.first() {
        Some(first) => (
            first.code().map(|c| c.to_string()).unwrap_or_default(),
            first.message().to_owned(),
        ),
        None => (String::new(), localized.to_string()),
    }
}

/// Writes the ledger in its format, to the file or standard output.
fn write(args: &Args, ledger: &Ledger) -> Exit {
    let bytes = match args.format {
        Format::Text => review::text::render(ledger).into_bytes(),
        Format::Html => review::html::render(ledger).into_bytes(),
        Format::Csv => match review::table::csv(ledger) {
            Ok(bytes) => bytes,
            Err(error) => return unwritable(args, &error.to_string()),
        },
        Format::Xlsx => {
            if args.output.is_none() && std::io::stdout().is_terminal() {
                report(&CliError::BinaryToTerminal {
                    format: "xlsx".to_owned(),
                });
                return Exit::Error;
            }
            match review::xlsx::render(ledger) {
                Ok(bytes) => bytes,
                Err(error) => return unwritable(args, &error.to_string()),
            }
        }
    };
    match &args.output {
        Some(path) => match std::fs::write(path, &bytes) {
            Ok(()) => Exit::Success,
            Err(error) => {
                report(&CliError::unwritable(path, &error));
                Exit::Error
            }
        },
        None => print_bytes(&bytes),
    }
}

fn unwritable(args: &Args, reason: &str) -> Exit {
    let path = args
        .output
        .as_ref()
        .map_or_else(|| "-".to_owned(), |p| p.display().to_string());
    report(&CliError::Unwritable {
        path,
        reason: banfa::i18n::Message::new("common-io-other").arg("detail", reason),
    });
    Exit::Error
}

/// Writes bytes to stdout; a closed pipe is not an error.
fn print_bytes(bytes: &[u8]) -> Exit {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => Exit::Success,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Exit::Success,
        Err(error) => {
            report(&CliError::unwritable(std::path::Path::new("-"), &error));
            Exit::Error
        }
    }
}
