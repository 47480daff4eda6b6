//! `banfa fmt`: rewrite rule files in the canonical layout, or check that they are.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use banfa::Source;
use banfa::fmt::{FormatError, format_checked};

use super::{Exit, print};

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
    let mut files = Vec::new();
    for root in &roots {
        collect(root, &mut files);
    }
    files.sort();
    let mut exit = Exit::Success;
    let mut out = String::new();
    for file in &files {
        exit = exit.max(one(file, args.check, &mut out));
    }
    exit.max(print(&out))
}

/// Formats one file; notes what happened in `out`.
fn one(file: &Path, check: bool, out: &mut String) -> Exit {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("error: cannot read `{}`: {error}", file.display());
            return Exit::Error;
        }
    };
    let source = Source::new(file.display().to_string(), text.as_str());
    let formatted = match format_checked(&source) {
        Ok(formatted) => formatted,
        Err(FormatError::DoesNotParse) => {
            eprintln!(
                "error: `{}` does not parse; `banfa check` shows why",
                file.display()
            );
            return Exit::Error;
        }
        Err(FormatError::ChangedMeaning) => {
            eprintln!(
                "error: formatting `{}` would change its meaning; it is left as it is",
                file.display()
            );
            return Exit::Error;
        }
    };
    if formatted == text {
        return Exit::Success;
    }
    if check {
        out.push_str(&format!("{}\n", file.display()));
        return Exit::Failure;
    }
    match write_atomically(file, &formatted) {
        Ok(()) => {
            out.push_str(&format!("formatted {}\n", file.display()));
            Exit::Success
        }
        Err(error) => {
            eprintln!("error: cannot write `{}`: {error}", file.display());
            Exit::Error
        }
    }
}

/// Writes beside the file, then renames over it: a reader never sees half a file.
fn write_atomically(file: &Path, text: &str) -> std::io::Result<()> {
    let dir = file.parent().unwrap_or(Path::new("."));
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.banfa-fmt-{}", std::process::id()));
    let result = std::fs::File::create(&temp)
        .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&temp, file));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// The `.banfa` files at or under `path`.
fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            collect(&entry.path(), files);
        }
    } else if path.extension().is_some_and(|e| e == "banfa") {
        files.push(path.to_owned());
    }
}
