//! `banfa diff`: what one edition changes against another, in its declarations or in the
//! verdict on a record.

use std::path::{Path, PathBuf};

use banfa::diff::{self, DiffError, Edition, Spec};
use banfa::embedded::Resolver;
use chrono::NaiveDate;

use super::{Exit, parse_date, print, report};

const EXAMPLES: &str = "\
Examples:
  banfa diff 荆州市本级 公安县
  banfa diff 监利@2018.1 监利@2020.1
  banfa diff 监利@2020.1                 (against the edition it extends)
  banfa diff rules/jingzhou-city my-county/ --format json
  banfa diff 荆州市本级 公安县 --record project.yaml --as-of 2021-06-30

A and B are each an edition, `NAME` or `NAME@VERSION`, or a directory of `.banfa` files
(an existing directory is taken as a pack). An edition is looked up as `--edition` is:
among the embedded packs, then in each `--pack-path DIR`, then in `BANFA_PACK_PATH`. One
without a version is taken in the version in force on `--as-of`, or in its latest version
without one.

Exit status:
  0  B changes nothing against A (with `--record`: the same verdict)
  1  B changes something
  2  something could not be compared (unknown edition, no version in force on `--as-of`,
     unreadable pack, invalid record)";

/// Show what edition B changes against edition A.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// The edition to compare against; alone, the edition whose changes to show.
    #[arg(value_name = "A")]
    pub first: String,

    /// The edition whose changes to show [default: with one edition given, compare it against
    /// the edition it extends].
    #[arg(value_name = "B")]
    pub second: Option<String>,

    /// Compare the two verdicts on this project record instead of the declarations.
    #[arg(long, value_name = "PROJECT.yaml")]
    pub record: Option<PathBuf>,

    /// The evaluation date, which also chooses the version of an edition named without one
    /// [default: today with `--record`; else each edition's latest version].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,

    /// Also look for packs here (repeatable; `BANFA_PACK_PATH` too).
    #[arg(long, value_name = "DIR")]
    pub pack_path: Vec<PathBuf>,

    /// How to print the diff: text for people, one JSON object for programs.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Text, with declarations as written in the rule files.
    Text,
    /// One JSON object (`banfa.diff/1`).
    Json,
}

/// Runs `banfa diff`.
pub fn run(args: &Args) -> Exit {
    match compare(args) {
        Ok((rendered, same)) => {
            let status = if same { Exit::Success } else { Exit::Failure };
            print(&rendered).max(status)
        }
        Err(error) => {
            report(&error);
            Exit::Error
        }
    }
}

/// The rendered diff, and whether the two sides agree.
fn compare(args: &Args) -> Result<(String, bool), DiffError> {
    // A verdict is as of a date, and so are the versions it is given by; declarations
    // without a date compare the latest versions.
    let as_of = args
        .as_of
        .or_else(|| args.record.is_some().then(super::today));
    let (a, b) = editions(args, as_of)?;
    match (&args.record, as_of) {
        (Some(path), Some(as_of)) => verdicts(args.format, &a, &b, path, as_of),
        _ => {
            let found = diff::declarations(&a, &b);
            let rendered = match args.format {
                Format::Text => diff::text(&found, super::lang(), super::stdout_colour()),
                Format::Json => diff::json(&found) + "\n",
            };
            Ok((rendered, found.is_empty()))
        }
    }
}

/// The verdicts on a record compared, rendered; whether they agree.
fn verdicts(
    format: Format,
    a: &Edition,
    b: &Edition,
    path: &Path,
    as_of: NaiveDate,
) -> Result<(String, bool), DiffError> {
    let name = path.display().to_string();
    let bytes = banfa::input::read(path, banfa::input::MAX_RECORD_BYTES).map_err(|error| {
        DiffError::Unreadable {
            path: name.clone(),
            reason: banfa::input::reason(&error),
        }
    })?;
    let found = diff::verdicts(&a.pack, &b.pack, &name, &bytes, as_of)?;
    let rendered = match format {
        Format::Text => diff::verdict_text(&found, super::lang(), super::stdout_colour()),
        Format::Json => diff::json(&found) + "\n",
    };
    Ok((rendered, found.is_empty()))
}

/// A and B as the arguments name them; with one argument, B and the edition it extends.
fn editions(args: &Args, as_of: Option<NaiveDate>) -> Result<(Edition, Edition), DiffError> {
    let resolver = Resolver::with_path(args.pack_path.clone());
    let first = diff::load(&resolver, &Spec::from_arg(&args.first), as_of)?;
    match &args.second {
        Some(second) => {
            let second = diff::load(&resolver, &Spec::from_arg(second), as_of)?;
            Ok((first, second))
        }
        None => Ok((diff::load_base(&resolver, &first)?, first)),
    }
}
