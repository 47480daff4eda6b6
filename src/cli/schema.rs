//! `banfa schema`: the JSON Schema of a pack's project records, for editors.

use std::path::PathBuf;

use banfa::embedded::{DEFAULT_PACK, Resolver};

use super::{Exit, print, report};

const EXAMPLES: &str = "\
Examples:
  banfa schema > project.schema.json
  banfa schema --edition 公安县
  # VS Code (YAML extension): add to a record's first line
  # yaml-language-server: $schema=./project.schema.json";

/// Print the JSON Schema of a pack's project records.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Load the rule pack from this directory instead of an embedded edition.
    #[arg(long, value_name = "DIR", conflicts_with = "edition")]
    pub pack: Option<PathBuf>,

    /// Use this embedded edition [default: the city edition].
    #[arg(long, value_name = "NAME")]
    pub edition: Option<String>,

    /// Also look here for the packs an edition extends (repeatable; `BANFA_PACK_PATH` too).
    #[arg(long, value_name = "DIR")]
    pub pack_path: Vec<PathBuf>,
}

/// Runs `banfa schema`.
pub fn run(args: &Args) -> Exit {
    let resolver = Resolver::with_path(args.pack_path.clone());
    let loaded = match (&args.pack, &args.edition) {
        (Some(dir), _) => Some(resolver.load_dir(dir)),
        (None, name) => resolver.edition(name.as_deref().unwrap_or(DEFAULT_PACK), None),
    };
    match loaded {
        Some(Ok(pack)) => {
            let schema = banfa::json_schema::json_schema(&pack);
            match serde_json::to_string_pretty(&schema) {
                Ok(text) => print(&(text + "\n")),
                Err(_) => Exit::Error,
            }
        }
        Some(Err(error)) => {
            report(&error);
            Exit::Error
        }
        None => {
            eprintln!(
                "error: no embedded edition is named `{}`",
                args.edition.as_deref().unwrap_or(DEFAULT_PACK)
            );
            Exit::Error
        }
    }
}
