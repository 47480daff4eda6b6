//! What can stop a diff: an edition that cannot be found, a pack that does not load, a
//! record that does not fit one of the editions.

use miette::Diagnostic;

use crate::diagnostics::Diagnostics;
use crate::embedded::PackError;
use crate::i18n::{Lang, Message, Report};
use crate::record::RecordError;

/// Why two editions could not be compared. Its words are in the catalogue
/// (`locales/*/diff.ftl`); a pack that does not load is worded by [`PackError`].
#[derive(Debug, Diagnostic)]
pub enum DiffError {
    /// One edition given, and it extends none, e.g. `banfa diff 荆州市本级`.
    #[diagnostic(code(banfa::diff::no_base))]
    NoBase {
        /// `edition@version` of the edition given.
        origin: String,
    },
    /// An edition or version that cannot be found, with no version in force on the date, or
    /// a pack that cannot be read or does not check, e.g. a directory with no `.banfa` files.
    #[diagnostic(transparent)]
    Pack(PackError),
    /// A record file that cannot be read, e.g. `--record missing.yaml`.
    #[diagnostic(code(banfa::diff::read))]
    Unreadable {
        /// The path given.
        path: String,
        /// Why, worded by [`crate::input::reason`].
        reason: Message,
    },
    /// A record that one of the editions rejects, e.g. a field only the other declares.
    #[diagnostic(code(banfa::diff::record))]
    Record {
        /// `edition@version` of the edition that rejects it.
        origin: String,
        /// Every problem found in the record.
        #[diagnostic_source]
        errors: Diagnostics<RecordError>,
    },
}

impl From<PackError> for DiffError {
    fn from(error: PackError) -> Self {
        DiffError::Pack(error)
    }
}

impl Report for DiffError {
    fn message(&self) -> Message {
        match self {
            DiffError::Pack(error) => error.message(),
            DiffError::NoBase { origin } => {
                Message::new("diff-no_base").arg("origin", origin.as_str())
            }
            DiffError::Unreadable { path, reason } => Message::new("diff-read")
                .arg("path", path.as_str())
                .arg("reason", reason.clone()),
            DiffError::Record { origin, .. } => {
                Message::new("diff-record").arg("origin", origin.as_str())
            }
        }
    }

    fn reports(&self) -> Vec<&dyn Report> {
        match self {
            DiffError::Pack(error) => error.reports(),
            _ => Vec::new(),
        }
    }

    fn cause_report(&self) -> Option<&dyn Report> {
        match self {
            DiffError::Record { errors, .. } => Some(errors),
            _ => None,
        }
    }
}

impl std::fmt::Display for DiffError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DiffError::Pack(error) => error.fmt(f),
            _ => f.write_str(&self.message().render(Lang::En)),
        }
    }
}

impl std::error::Error for DiffError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DiffError::Record { errors, .. } => Some(errors),
            _ => None,
        }
    }
}
