//! What can stop a diff: an edition that cannot be found, a pack that does not load, a
//! record that does not fit one of the editions.

use miette::Diagnostic;
use thiserror::Error;

use crate::diagnostics::Diagnostics;
use crate::embedded::PackError;
use crate::record::RecordError;

/// Why two editions could not be compared.
#[derive(Debug, Error, Diagnostic)]
pub enum DiffError {
    /// One edition given, and it extends none, e.g. `banfa diff 荆州市本级`.
    #[error("`{origin}` extends no edition, so there is nothing to compare it with")]
    #[diagnostic(
        code(banfa::diff::no_base),
        help("name the edition to compare it with: `banfa diff A B`")
    )]
    NoBase {
        /// `edition@version` of the edition given.
        origin: String,
    },
    /// An edition or version that cannot be found, with no version in force on the date, or
    /// a pack that cannot be read or does not check, e.g. a directory with no `.banfa` files.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Pack(#[from] PackError),
    /// A record file that cannot be read, e.g. `--record missing.yaml`.
    #[error("cannot read `{path}`")]
    #[diagnostic(code(banfa::diff::read))]
    Unreadable {
        /// The path given.
        path: String,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// A record that one of the editions rejects, e.g. a field only the other declares.
    #[error("the record does not fit the edition `{origin}`")]
    #[diagnostic(code(banfa::diff::record))]
    Record {
        /// `edition@version` of the edition that rejects it.
        origin: String,
        /// Every problem found in the record.
        #[diagnostic_source]
        errors: Diagnostics<RecordError>,
    },
}

crate::i18n::untranslated!(DiffError);
