//! `banfa packs`: the rule packs available, with their versions and dates of effect.

use std::path::PathBuf;

use banfa::embedded::Resolver;
use banfa::i18n::text;

use super::{Exit, print};

const EXAMPLES: &str = "\
Examples:
  banfa packs
  banfa packs --pack-path ~/county-packs";

/// List the rule packs available: embedded, and on the pack search path.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Also list the packs here (repeatable; `BANFA_PACK_PATH` too).
    #[arg(long, value_name = "DIR")]
    pub pack_path: Vec<PathBuf>,
}

/// Runs `banfa packs`.
pub fn run(args: &Args) -> Exit {
    let resolver = Resolver::with_path(args.pack_path.clone());
    let mut out = header(super::lang());
    for info in resolver.catalog() {
        let effective = info.effective.map(|d| d.to_string()).unwrap_or_default();
        let extends = info
            .extends
            .as_ref()
            .map(|(e, v)| format!("{e}@{v}"))
            .unwrap_or_else(|| "-".to_owned());
        let jurisdiction = info.jurisdiction.as_deref().unwrap_or("-");
        out.push_str(&format!(
            "{}\t{}\t{effective}\t{jurisdiction}\t{extends}\t{}\n",
            info.edition, info.version, info.location
        ));
    }
    print(&out)
}

/// The line of column names, tab-separated as the rows are.
fn header(lang: banfa::i18n::Lang) -> String {
    let columns = [
        "packs-edition",
        "packs-version",
        "packs-effective",
        "packs-jurisdiction",
        "packs-extends",
        "packs-location",
    ];
    columns.map(|id| text(lang, id, &[])).join("\t") + "\n"
}
