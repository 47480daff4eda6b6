//! `banfa schema`: the JSON Schema of a pack's project records, for editors.

use chrono::NaiveDate;

use super::{Exit, PackChoice, parse_date, print, report};

const EXAMPLES: &str = "\
Examples:
  banfa schema > project.schema.json
  banfa schema --edition 公安县
  banfa schema --edition NAME --pack-path ~/county-packs --as-of 2021-06-30
  # VS Code (YAML extension): add to a record's first line
  # yaml-language-server: $schema=./project.schema.json

`--edition NAME` is looked up among the embedded editions, then in each `--pack-path DIR`,
then in `BANFA_PACK_PATH`, and taken in the version in force on `--as-of`.";

/// Print the JSON Schema of a pack's project records.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// The pack: a directory, or an edition.
    #[command(flatten)]
    pub choice: PackChoice,

    /// The date whose version of the edition to describe [default: today].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
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
    let schema = banfa::json_schema::json_schema(&pack);
    match serde_json::to_string_pretty(&schema) {
        Ok(text) => print(&(text + "\n")),
        Err(_) => Exit::Error,
    }
}
