//! `banfa schema`: a pack's record format, as a JSON Schema for editors or as a Markdown
//! field table for people.

use chrono::NaiveDate;

use super::{Exit, PackChoice, parse_date, print, report};

const EXAMPLES: &str = "\
Examples:
  banfa schema > project.schema.json
  banfa schema --edition 公安县
  banfa schema --format markdown > fields.md
  banfa schema --edition NAME --pack-path ~/county-packs --as-of 2021-06-30
  # VS Code (YAML extension): add to a record's first line
  # yaml-language-server: $schema=./project.schema.json

`--edition NAME` is looked up among the embedded editions, then in each `--pack-path DIR`,
then in `BANFA_PACK_PATH`, and taken in the version in force on `--as-of`.";

/// Print the format of a pack's project records: a JSON Schema, or a Markdown table.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// The pack: a directory, or an edition.
    #[command(flatten)]
    pub choice: PackChoice,

    /// The date whose version of the edition to describe [default: today].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,

    /// What to print: a JSON Schema for editors, or a field table in Markdown for people.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
}

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A JSON Schema (draft 2020-12).
    Json,
    /// A Markdown table of the fields, with types, defaults and vocabulary terms.
    Markdown,
}

/// Runs `banfa schema`.
pub fn run(args: &Args) -> Exit {
    let as_of = args.as_of.unwrap_or_else(super::today);
    let pack = match args.choice.load(&args.choice.resolver(), as_of) {
        Ok(pack) => pack,
        Err(error) => {
            report(&error);
            return Exit::Error;
        }
    };
    if args.format == Format::Markdown {
        return print(&banfa::json_schema::markdown(&pack));
    }
    let schema = banfa::json_schema::json_schema(&pack);
    match serde_json::to_string_pretty(&schema) {
        Ok(text) => print(&(text + "\n")),
        Err(_) => Exit::Error,
    }
}
