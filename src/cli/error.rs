//! What the command line itself finds wrong: flags (clap's errors, translated here into
//! banfa's diagnostics, so that every error a run prints has one form and one language),
//! dates given to `--as-of`, and files named on the command line that cannot be read.

use std::fmt;
use std::io;
use std::path::Path;

use banfa::i18n::{Arg, Lang, Message};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use miette::Diagnostic;
use serde::Serialize;

/// A problem with the command line.
#[derive(Debug, Diagnostic, Serialize)]
pub enum CliError {
    /// A flag banfa does not have, e.g. `banfa evaluate --explian`.
    #[diagnostic(code(banfa::cli::unknown_flag))]
    UnknownFlag {
        /// The flag as given.
        flag: String,
        /// A flag with a close name.
        suggestion: Option<String>,
        /// How the command is used, when clap says.
        usage: Option<String>,
    },

    /// A subcommand banfa does not have, e.g. `banfa evalute`.
    #[diagnostic(code(banfa::cli::unknown_command))]
    UnknownCommand {
        /// The subcommand as given.
        command: String,
        /// A subcommand with a close name.
        suggestion: Option<String>,
    },

    /// A value a flag does not take, e.g. `--format yaml` or `--as-of 2021-02-30`.
    #[diagnostic(code(banfa::cli::invalid_value))]
    InvalidValue {
        /// The flag.
        flag: String,
        /// The value as given.
        value: String,
        /// Why it is refused, when the flag's reader says.
        reason: Option<Message>,
        /// The values the flag takes, when they are few.
        values: Vec<String>,
        /// `values` when they are listed.
        hint: Option<&'static str>,
        /// How the command is used, when clap says.
        usage: Option<String>,
    },

    /// A flag or argument that must be given and is not, e.g. `banfa evaluate` alone.
    #[diagnostic(code(banfa::cli::missing))]
    Missing {
        /// What is missing, as the usage line names it.
        missing: Vec<String>,
        /// How the command is used, when clap says.
        usage: Option<String>,
    },

    /// Two flags that exclude each other, e.g. `--pack DIR --edition NAME`.
    #[diagnostic(code(banfa::cli::conflict))]
    Conflict {
        /// The flag given second.
        flag: String,
        /// The flag it excludes.
        other: String,
        /// How the command is used, when clap says.
        usage: Option<String>,
    },

    /// A command line clap refuses for another reason, worded by clap (in English).
    #[diagnostic(code(banfa::cli::other))]
    Other {
        /// clap's message.
        detail: String,
    },

    /// A record named on the command line that does not exist or cannot be read.
    #[diagnostic(code(banfa::evaluate::read))]
    Unreadable {
        /// The path as given.
        path: String,
        /// Why.
        reason: Message,
    },

    /// A directory given as records that holds no record file, or a JSON Lines file with no
    /// line.
    #[diagnostic(code(banfa::evaluate::no_records))]
    NoRecords {
        /// The directory or file.
        dir: String,
    },

    /// A record with the `id` of an earlier one, e.g. a copied file: both are evaluated,
    /// and the run ends with status 2.
    #[diagnostic(code(banfa::evaluate::duplicate_id), severity(Warning))]
    DuplicateId {
        /// The id.
        id: String,
        /// Where the later record is.
        file: String,
        /// Where the earlier one is.
        first: String,
    },

    /// `banfa review --plan-year` with a pack whose header names no `plan_field`.
    #[diagnostic(code(banfa::review::no_plan_field))]
    NoPlanField {
        /// The pack's `edition@version`.
        edition: String,
    },

    /// A binary format asked for on a terminal, e.g. `banfa review --format xlsx` without
    /// `-o`.
    #[diagnostic(code(banfa::review::binary_to_terminal))]
    BinaryToTerminal {
        /// The format.
        format: String,
    },

    /// An output file that cannot be written.
    #[diagnostic(code(banfa::review::write))]
    Unwritable {
        /// The path as given (`-` for standard output).
        path: String,
        /// Why.
        reason: Message,
    },

    /// No pack directory given, and none under `rules/` (e.g. run from another directory).
    #[diagnostic(code(banfa::test::no_packs))]
    NoPacks {
        /// Where packs were looked for.
        root: String,
        /// Why that directory could not be read, if it could not.
        reason: Option<Message>,
    },
}

banfa::report_by_code!(CliError);

impl CliError {
    /// A file that could not be read.
    pub fn unreadable(path: &Path, error: &io::Error) -> Self {
        CliError::Unreadable {
            path: path.display().to_string(),
            reason: banfa::input::reason(error),
        }
    }

    /// A file that could not be written.
    pub fn unwritable(path: &Path, error: &io::Error) -> Self {
        CliError::Unwritable {
            path: path.display().to_string(),
            reason: banfa::input::reason(error),
        }
    }

    /// clap's error as banfa's; `None` for the help and version texts that clap prints
    /// (not errors).
    pub fn from_clap(error: &clap::Error) -> Option<Self> {
        let text = |kind| match error.get(kind) {
            Some(ContextValue::String(text)) => Some(text.clone()),
            Some(ContextValue::Strings(texts)) => texts.first().cloned(),
            _ => None,
        };
        let texts = |kind| match error.get(kind) {
            Some(ContextValue::Strings(texts)) => texts.clone(),
            Some(ContextValue::String(text)) => vec![text.clone()],
            _ => Vec::new(),
        };
        let usage = usage(error);
        let flag = text(ContextKind::InvalidArg).unwrap_or_default();
        Some(match error.kind() {
            ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
            ErrorKind::UnknownArgument => CliError::UnknownFlag {
                flag,
                suggestion: text(ContextKind::SuggestedArg),
                usage,
            },
            ErrorKind::InvalidSubcommand => CliError::UnknownCommand {
                command: text(ContextKind::InvalidSubcommand).unwrap_or_default(),
                suggestion: text(ContextKind::SuggestedSubcommand),
            },
            ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
                let values = texts(ContextKind::ValidValue);
                CliError::InvalidValue {
                    flag,
                    value: text(ContextKind::InvalidValue).unwrap_or_default(),
                    reason: std::error::Error::source(error)
                        .and_then(|source| source.downcast_ref::<DateError>())
                        .map(DateError::message),
                    hint: (!values.is_empty()).then_some("values"),
                    values,
                    usage,
                }
            }
            ErrorKind::MissingRequiredArgument => CliError::Missing {
                missing: texts(ContextKind::InvalidArg),
                usage,
            },
            ErrorKind::ArgumentConflict => CliError::Conflict {
                flag,
                other: text(ContextKind::PriorArg).unwrap_or_default(),
                usage,
            },
            _ => CliError::Other {
                detail: error
                    .render()
                    .to_string()
                    .trim_start_matches("error: ")
                    .trim_end()
                    .to_owned(),
            },
        })
    }
}

/// The usage line of clap's error, without its `Usage: ` label.
fn usage(error: &clap::Error) -> Option<String> {
    error
        .render()
        .to_string()
        .lines()
        .find_map(|line| line.trim().strip_prefix("Usage: ").map(str::to_owned))
}

/// Why `--as-of` refuses a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not written `YYYY-MM-DD`, e.g. `2021-6-30`.
    Shape(String),
    /// Written so, but not a day of the calendar, e.g. `2021-02-30`.
    NoSuchDay(String),
}

impl DateError {
    /// The reason, as a phrase of the catalogue.
    pub fn message(&self) -> Message {
        match self {
            DateError::Shape(text) => Message::new("cli-date-shape").arg("text", text.as_str()),
            DateError::NoSuchDay(text) => {
                Message::new("cli-date-no_such_day").arg("text", Arg::from(text.as_str()))
            }
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().render(Lang::En))
    }
}

impl std::error::Error for DateError {}
