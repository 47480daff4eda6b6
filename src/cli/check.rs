//! `banfa check`: parse and check whole packs (with what they extend), and report every
//! error and warning at once, for people, editors or CI.

use std::path::PathBuf;

use banfa::diagnostics::{self, MAX_SHOWN};
use banfa::embedded::Resolver;
use banfa::i18n::Localized;
use miette::Diagnostic;
use serde_json::json;

use super::{Exit, print, report};

const EXAMPLES: &str = "\
Examples:
  banfa check
  banfa check rules/jingzhou-city rules/gongan-sample
  banfa check --error-format plain rules/*      # file:line:col: message, for editors
  banfa check --error-format json rules/*       # one JSON object per line, for CI";

/// Check rule packs: every error and warning at once.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Rule pack directories [default: every pack under `rules/`].
    #[arg(value_name = "PACK_DIR")]
    pub packs: Vec<PathBuf>,

    /// How to print problems.
    #[arg(long, value_enum, default_value_t = ErrorFormat::Human)]
    pub error_format: ErrorFormat,

    /// Also look here for the packs an edition extends (repeatable; `BANFA_PACK_PATH` too).
    #[arg(long, value_name = "DIR")]
    pub pack_path: Vec<PathBuf>,
}

/// The form of reported problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ErrorFormat {
    /// miette's rendering, with the source and labels.
    Human,
    /// `file:line:col: severity: message`, one per line.
    Plain,
    /// One JSON object per problem and line.
    Json,
}

/// Runs `banfa check`: 0 when no pack has errors (warnings allowed), 2 otherwise.
pub fn run(args: &Args) -> Exit {
    let Some(dirs) = super::test::pack_dirs(&args.packs) else {
        return Exit::Error;
    };
    let resolver = Resolver::with_path(args.pack_path.clone());
    let mut exit = Exit::Success;
    let mut out = String::new();
    for dir in dirs {
        let location = dir.display().to_string();
        match resolver.load_dir(&dir) {
            Ok(pack) => {
                for warning in banfa::lint::lint(&pack) {
                    out.push_str(&warning_line(
                        args.error_format,
                        &location,
                        &warning.message.render(super::lang()),
                    ));
                }
                if args.error_format == ErrorFormat::Human {
                    let (edition, version) = (&pack.header.edition, &pack.header.version);
                    out.push_str(&format!(
                        "ok: {location} ({edition} {version}), {} rules\n",
                        pack.rules.len()
                    ));
                }
            }
            Err(error) => {
                exit = Exit::Error;
                match args.error_format {
                    ErrorFormat::Human => report(&error),
                    // In the run's language: the words are chosen here, at the edge.
                    format => {
                        out.push_str(&machine(format, &Localized::new(&error, super::lang())))
                    }
                }
            }
        }
    }
    exit.max(print(&out))
}

fn warning_line(format: ErrorFormat, location: &str, message: &str) -> String {
    match format {
        ErrorFormat::Json => format!(
            "{}\n",
            json!({ "severity": "warning", "file": location, "message": message })
        ),
        _ => format!("{location}: warning: {message}\n"),
    }
}

/// The diagnostics in a tree (the error, its cause and related ones), one per line: as
/// many as a human report shows, then a line with how many were left out.
fn machine(format: ErrorFormat, diagnostic: &dyn Diagnostic) -> String {
    let problems = diagnostics::problems(diagnostic);
    let mut out: String = problems
        .iter()
        .take(MAX_SHOWN)
        .map(|problem| line(format, *problem))
        .collect();
    let left_out = problems.len().saturating_sub(MAX_SHOWN);
    if left_out > 0 {
        out.push_str(&omitted_line(format, left_out));
    }
    out
}

/// Says how many problems were left out: JSON keeps the count as a number.
fn omitted_line(format: ErrorFormat, count: usize) -> String {
    let message = diagnostics::omitted(count, super::lang());
    match format {
        ErrorFormat::Json => format!(
            "{}\n",
            json!({ "severity": "note", "message": message, "omitted": count })
        ),
        _ => format!("note: {message}\n"),
    }
}

fn line(format: ErrorFormat, diagnostic: &dyn Diagnostic) -> String {
    let (file, row, column) = super::location(diagnostic);
    let message = diagnostic.to_string();
    let help = diagnostic.help().map(|h| h.to_string());
    match format {
        ErrorFormat::Json => {
            let code = diagnostic.code().map(|c| c.to_string());
            format!(
                "{}\n",
                json!({
                    "severity": "error", "code": code, "file": file, "line": row,
                    "column": column, "message": message, "help": help
                })
            )
        }
        _ => {
            let help = help.map(|h| format!(" ({h})")).unwrap_or_default();
            format!("{file}:{row}:{column}: error: {message}{help}\n")
        }
    }
}
