//! Everything that can be wrong with a pack's test files, each with its place in the file.
//!
//! A problem makes the case it is in an error (a malformed file is one error as a whole); the
//! other cases still run.

use std::fmt;
use std::path::PathBuf;

use miette::{Diagnostic, LabeledSpan, SourceCode};
use thiserror::Error;

use crate::record::RecordError;
use crate::source::{Source, Span};

/// A problem with a test file or one of its cases.
#[derive(Debug, Error, Diagnostic)]
pub enum TestError {
    /// A tests directory or test file that cannot be read, e.g. one without read permission.
    #[error("cannot read `{path}`")]
    #[diagnostic(code(banfa::test::read))]
    Unreadable {
        /// The path.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },

    /// A test file that is not YAML, or uses anchors, aliases or tags, e.g. `- name: [a`.
    #[error("`{path}` is not a valid test file")]
    #[diagnostic(
        code(banfa::test::yaml),
        help("a test file is a YAML list of cases, each starting with `- name: …`")
    )]
    Yaml {
        /// The test file's name.
        path: String,
        /// What the YAML reader found.
        #[related]
        errors: Vec<RecordError>,
    },

    /// A test file whose top level is not a list, e.g. one holding `name: x`.
    #[error("expected a test file to be a list of cases, found {found}")]
    #[diagnostic(
        code(banfa::test::not_a_list),
        help("start each case with `- name: …`")
    )]
    NotAList {
        /// The test file.
        #[source_code]
        src: Source,
        /// The top-level value.
        #[label("expected a list of cases")]
        span: Span,
        /// What the top level is.
        found: String,
    },

    /// A value of the wrong kind, e.g. `- just text` for a case or `findings: [a]`.
    #[error("expected {expected} for {what}, found {found}")]
    #[diagnostic(code(banfa::test::shape))]
    Shape {
        /// The test file.
        #[source_code]
        src: Source,
        /// The value.
        #[label("expected {expected}")]
        span: Span,
        /// What the value is for, e.g. a quoted key.
        what: String,
        /// What belongs there.
        expected: &'static str,
        /// What is there.
        found: String,
    },

    /// A case without one of the keys every case needs, e.g. no `as_of`.
    #[error("the case has no `{key}`")]
    #[diagnostic(code(banfa::test::missing))]
    Missing {
        /// The test file.
        #[source_code]
        src: Source,
        /// The case.
        #[label("this case needs `{key}`")]
        span: Span,
        /// The missing key.
        key: &'static str,
        /// What the key gives.
        #[help]
        help: String,
    },

    /// A key a case (or a long-form expectation) does not have, e.g. `asof:` for `as_of:`.
    #[error("unknown key `{key}` in {within}")]
    #[diagnostic(code(banfa::test::unknown_key))]
    UnknownKey {
        /// The test file.
        #[source_code]
        src: Source,
        /// The key.
        #[label("not a key of {within}")]
        span: Span,
        /// The key as written.
        key: String,
        /// `a case` or `an expected finding`.
        within: &'static str,
        /// A close key, or the keys allowed.
        #[help]
        help: String,
    },

    /// A key given twice in one mapping, e.g. two `status:` lines in a case.
    #[error("`{key}` is given twice")]
    #[diagnostic(code(banfa::test::duplicate_key), help("give each key once"))]
    DuplicateKey {
        /// The test file.
        #[source_code]
        src: Source,
        /// The second occurrence.
        #[label("given again here")]
        span: Span,
        /// The first occurrence.
        #[label("first given here")]
        first: Span,
        /// The key.
        key: String,
    },

    /// Two cases of one pack with the same name, e.g. two cases named `late`.
    #[error("another case is already named `{name}`")]
    #[diagnostic(code(banfa::test::duplicate_name))]
    DuplicateName {
        /// The test file.
        #[source_code]
        src: Source,
        /// The second name.
        #[label("named again here")]
        span: Span,
        /// The name.
        name: String,
        /// Where the first is.
        #[help]
        help: String,
    },

    /// An `as_of` that is not a date, e.g. `as_of: 2021-6-30` or `as_of: 2021-02-30`.
    #[error("expected a date `YYYY-MM-DD` for `as_of`, found `{found}`")]
    #[diagnostic(
        code(banfa::test::date),
        help("write a calendar date with leading zeros, e.g. `2021-06-30`")
    )]
    Date {
        /// The test file.
        #[source_code]
        src: Source,
        /// The value.
        #[label("not a `YYYY-MM-DD` date")]
        span: Span,
        /// The value as written.
        found: String,
    },

    /// A status that no verdict has, e.g. `status: noncompliant`.
    #[error("unknown status `{found}`")]
    #[diagnostic(code(banfa::test::status))]
    Status {
        /// The test file.
        #[source_code]
        src: Source,
        /// The value.
        #[label("not a verdict status")]
        span: Span,
        /// The value as written.
        found: String,
        /// A close status and the list of all.
        #[help]
        help: String,
    },

    /// An outcome that no finding has, e.g. `declaration.on_time: failed`.
    #[error("unknown outcome `{found}`")]
    #[diagnostic(code(banfa::test::outcome))]
    Outcome {
        /// The test file.
        #[source_code]
        src: Source,
        /// The value.
        #[label("not a finding outcome")]
        span: Span,
        /// The value as written.
        found: String,
        /// A close outcome and the list of all.
        #[help]
        help: String,
    },

    /// An expected finding keyed by something that is neither a rule id nor a citation of
    /// the pack, e.g. `declaration.ontime: pass`.
    #[error("`{key}` is neither a rule id nor a citation of the pack")]
    #[diagnostic(code(banfa::test::unknown_finding))]
    UnknownFinding {
        /// The test file.
        #[source_code]
        src: Source,
        /// The key.
        #[label("no rule has this id or cites this")]
        span: Span,
        /// The key as written.
        key: String,
        /// A close rule id or citation.
        #[help]
        help: Option<String>,
    },

    /// A `record:` path that cannot be read, e.g. a misspelt file name.
    #[error("cannot read the record `{path}`: {source}")]
    #[diagnostic(
        code(banfa::test::record_unreadable),
        help("a record path is relative to the test file it is written in")
    )]
    RecordUnreadable {
        /// The test file.
        #[source_code]
        src: Source,
        /// The path as written.
        #[label("this record")]
        span: Span,
        /// The path, relative to the working directory.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },

    /// A record that does not load against the pack's schema, e.g. one with a misspelt
    /// field. The record's own diagnostics follow.
    #[error("the record of case `{name}` is not valid")]
    #[diagnostic(code(banfa::test::record))]
    Record {
        /// The test file.
        #[source_code]
        src: Source,
        /// The `record:` value.
        #[label("this record does not load")]
        span: Span,
        /// The case.
        name: String,
        /// What is wrong with the record, pointing into it.
        #[related]
        errors: Vec<RecordError>,
    },
}

/// Everything wrong with one case, in the order of the test file. The first problem is the
/// headline; what it relates (a record's own diagnostics) and the other problems follow.
#[derive(Debug)]
pub struct CaseErrors {
    first: Box<TestError>,
    rest: Vec<TestError>,
}

impl CaseErrors {
    /// The list, or `None` if `errors` is empty.
    pub fn new(errors: Vec<TestError>) -> Option<Self> {
        let mut errors = errors.into_iter();
        let first = Box::new(errors.next()?);
        Some(Self {
            first,
            rest: errors.collect(),
        })
    }

    /// A list of one.
    pub fn one(error: TestError) -> Self {
        Self {
            first: Box::new(error),
            rest: Vec::new(),
        }
    }

    /// Every problem, in order.
    pub fn iter(&self) -> impl Iterator<Item = &TestError> {
        std::iter::once(&*self.first).chain(&self.rest)
    }
}

impl fmt::Display for CaseErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.first.fmt(f)
    }
}

impl std::error::Error for CaseErrors {}

/// Delegates to the headline, except that `related()` holds the headline's own related
/// diagnostics before the other problems.
impl Diagnostic for CaseErrors {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.first.code()
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.first.help()
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.first.source_code()
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.first.labels()
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        let own = self.first.related().into_iter().flatten();
        let rest = self.rest.iter().map(|e| e as &dyn Diagnostic);
        let mut all = own.chain(rest).peekable();
        all.peek()?;
        Some(Box::new(all))
    }
}

/// Not in the catalogue yet: worded by the error itself; the record errors it relates are
/// reports in the catalogue.
impl crate::i18n::Report for TestError {
    fn message(&self) -> crate::i18n::Message {
        crate::i18n::Message::default()
    }
    fn reports(&self) -> Vec<&dyn crate::i18n::Report> {
        match self {
            TestError::Yaml { errors, .. } | TestError::Record { errors, .. } => errors
                .iter()
                .map(|e| e as &dyn crate::i18n::Report)
                .collect(),
            _ => Vec::new(),
        }
    }
}

impl crate::i18n::Report for CaseErrors {
    fn message(&self) -> crate::i18n::Message {
        self.first.message()
    }
    fn reports(&self) -> Vec<&dyn crate::i18n::Report> {
        let mut all = self.first.reports();
        all.extend(self.rest.iter().map(|e| e as &dyn crate::i18n::Report));
        all
    }
}
