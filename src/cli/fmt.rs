//! `banfa fmt`: rewrite rule files in the canonical layout, or check that they are. The
//! work, and what keeps it safe, is in [`banfa::fmt`].

use std::path::{Path, PathBuf};

use banfa::fmt::{Outcome, collect, format_file};

use super::{Exit, print, report};

const EXAMPLES: &str = "\
Examples:
  banfa fmt                         # every rule file under rules/
  banfa fmt rules/gongan-sample/pack.banfa
  banfa fmt --check rules/          # list files that would change; exit 1 if any";

/// Rewrite rule files in the one canonical layout.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Rule files, or directories to search for `.banfa` files [default: `rules/`].
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Change nothing: list the files that are not formatted, and exit 1 if there are any.
    #[arg(long)]
    pub check: bool,
}

/// Runs `banfa fmt`.
pub fn run(args: &Args) -> Exit {
    let roots = if args.paths.is_empty() {
        vec![PathBuf::from("rules")]
    } else {
        args.paths.clone()
    };
    let mut exit = Exit::Success;
    // A path given that does not exist is a slip to report, not nothing to format.
    for root in &roots {
        if let Err(error) = std::fs::metadata(root) {
            report(&banfa::fmt::files::FileError::Unreadable {
                path: root.display().to_string(),
                reason: banfa::input::reason(&error),
            });
            exit = Exit::Error;
        }
    }
    let mut out = String::new();
    for file in collect(&roots) {
        exit = exit.max(one(&file, args.check, &mut out));
    }
    exit.max(print(&out))
}

/// Formats one file; notes what happened in `out`.
fn one(file: &Path, check: bool, out: &mut String) -> Exit {
    match format_file(file, check) {
        Ok(Outcome::Unchanged) => Exit::Success,
        Ok(Outcome::WouldChange) => {
            out.push_str(&format!("{}\n", file.display()));
            Exit::Failure
        }
        Ok(Outcome::Formatted) => {
            out.push_str(&format!("formatted {}\n", file.display()));
            Exit::Success
        }
        Err(error) => {
            report(&error);
            Exit::Error
        }
    }
}
