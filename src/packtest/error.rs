//! Everything that can be wrong with a pack's test files, each with its place in the file.
//!
//! A problem makes the case it is in an error (a malformed file is one error as a whole); the
//! other cases still run.

use std::fmt;
use std::path::PathBuf;

use miette::{Diagnostic, LabeledSpan, SourceCode};
use serde::Serialize;

use crate::i18n::{Lang, Message, Report};

use crate::record::RecordError;
use crate::source::{Source, Span};

/// A problem with a test file or one of its cases. Its words are in the catalogue
/// (`locales/*/test.ftl`), keyed by its code; its fields are the message's arguments.
#[derive(Debug, Diagnostic, Serialize)]
pub enum TestError {
    /// A tests directory or test file that cannot be read, e.g. one without read permission.
    #[diagnostic(code(banfa::test::read))]
    Unreadable {
        /// The path.
        path: PathBuf,
        /// Why, worded by [`crate::input::reason`].
        reason: Message,
    },

    /// A test file that is not YAML, or uses anchors, aliases or tags, e.g. `- name: [a`.
    #[diagnostic(code(banfa::test::yaml))]
    Yaml {
        /// The test file's name.
        path: String,
        /// What the YAML reader found.
        #[related]
        #[serde(skip)]
        errors: Vec<RecordError>,
    },

    /// A test file whose top level is not a list, e.g. one holding `name: x`.
    #[diagnostic(code(banfa::test::not_a_list))]
    NotAList {
        /// The test file.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The top-level value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// What the top level is.
        found: Message,
    },

    /// A value of the wrong kind, e.g. `- just text` for a case or `findings: [a]`.
    #[diagnostic(code(banfa::test::shape))]
    Shape {
        /// The test file.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// What the value is for, e.g. a quoted key (`test-what-…`).
        what: Box<Message>,
        /// What belongs there (`test-expected-…`).
        expected: Box<Message>,
        /// What is there.
        found: Message,
    },

    /// A case without one of the keys every case needs, e.g. no `as_of`.
    #[diagnostic(code(banfa::test::missing))]
    Missing {
        /// The test file.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The case.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The missing key.
        key: &'static str,
        /// What the key gives: the key itself, or `incomplete` for a case that gives
        /// neither a record nor a date.
        hint: &'static str,
    },

    /// A key a case (or a long-form expectation) does not have, e.g. `asof:` for `as_of:`.
    #[diagnostic(code(banfa::test::unknown_key))]
    UnknownKey {
        /// The test file.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The key.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The key as written.
        key: String,
        /// `a case` or `an expected finding` (`test-what-…`).
        within: Box<Message>,
        /// A close key.
        suggestion: Option<String>,
        /// The keys allowed, listed when none is close (`keys`).
        keys: Vec<&'static str>,
        /// `keys` when they are listed.
        hint: Option<&'static str>,
    },

    /// A key given twice in one mapping, e.g. two `status:` lines in a case.
    #[diagnostic(code(banfa::test::duplicate_key))]
    DuplicateKey {
        /// The test file.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The second occurrence.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The first occurrence.
        #[label("first")]
        #[serde(skip)]
        first: Span,
        /// The key.
        key: String,
    },

    /// Two cases of one pack with the same name, e.g. two cases named `late`.
    #[diagnostic(code(banfa::test::duplicate_name))]
    DuplicateName {
        /// The test file.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The second name.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The name.
        name: String,
        /// Where the first is, `file:line`.
        first: String,
    },

    /// An `as_of` that is not a date, e.g. `as_of: 2021-6-30` or `as_of: 2021-02-30`.
    #[diagnostic(code(banfa::test::date))]
    Date {
        /// The test file.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The value as written.
        found: String,
    },

    /// A status that no verdict has, e.g. `status: noncompliant`.
    #[diagnostic(code(banfa::test::status))]
    Status {
        /// The test file.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The value as written.
        found: String,
        /// A close status.
        suggestion: Option<String>,
        /// Every status.
        words: Vec<&'static str>,
        /// `close` with a suggestion, else `all`.
        hint: &'static str,
    },

    /// An outcome that no finding has, e.g. `declaration.on_time: failed`.
    #[diagnostic(code(banfa::test::outcome))]
    Outcome {
        /// The test file.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The value as written.
        found: String,
        /// A close outcome.
        suggestion: Option<String>,
        /// Every outcome.
        words: Vec<&'static str>,
        /// `close` with a suggestion, else `all`.
        hint: &'static str,
    },

    /// An expected finding keyed by something that is neither a rule id nor a citation of
    /// the pack, e.g. `declaration.ontime: pass`.
    #[diagnostic(code(banfa::test::unknown_finding))]
    UnknownFinding {
        /// The test file.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The key.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The key as written.
        key: String,
        /// A close rule id or citation.
        suggestion: Option<String>,
    },

    /// A `record:` path that cannot be read, e.g. a misspelt file name.
    #[diagnostic(code(banfa::test::record_unreadable))]
    RecordUnreadable {
        /// The test file.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The path as written.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The path, relative to the working directory.
        path: String,
        /// Why, worded by [`crate::input::reason`].
        reason: Message,
    },

    /// A record that does not load against the pack's schema, e.g. one with a misspelt
    /// field. The record's own diagnostics follow.
    #[diagnostic(code(banfa::test::record))]
    Record {
        /// The test file.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The `record:` value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The case.
        name: String,
        /// What is wrong with the record, pointing into it.
        #[related]
        #[serde(skip)]
        errors: Vec<RecordError>,
    },
}

/// The phrase naming a key of a test file: `` `as_of` ``.
pub(super) fn key_phrase(key: &str) -> Message {
    Message::new("test-what-key").arg("key", key)
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

/// The words are the catalogue's; the record errors it relates are reports of their own.
impl Report for TestError {
    fn message(&self) -> Message {
        let code = self.code().map(|code| code.to_string()).unwrap_or_default();
        Message::of_fields(Message::id_of(&code), self)
    }
    fn reports(&self) -> Vec<&dyn Report> {
        match self {
            TestError::Yaml { errors, .. } | TestError::Record { errors, .. } => {
                errors.iter().map(|e| e as &dyn Report).collect()
            }
            _ => Vec::new(),
        }
    }
}

impl fmt::Display for TestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().render(Lang::En))
    }
}

impl std::error::Error for TestError {}

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
