//! Pack tests: cases written next to a rule pack (`PACK/tests/*.yaml`), each a record, a
//! date and the verdict expected of it; running them; and how much of the pack they cover.
//!
//! | step     | entry             | from → to                                   |
//! |----------|-------------------|---------------------------------------------|
//! | load     | [`load_cases`]    | test files + pack → [`Case`]s (records loaded, keys resolved) |
//! | run      | [`run`]           | pack + cases → [`Report`] (pass, fail with differences, error) |
//! | coverage | [`coverage()`]    | pack + report → [`Coverage`] (articles, rules, outcomes seen) |
//! | render   | [`render`]        | report or coverage → text or JSON           |
//!
//! A test file is a YAML list of cases:
//!
//! ```yaml
//! - name: declared on the last day        # required, unique within the pack
//!   record: ../../../fixtures/x.yaml      # a path relative to this file, or a mapping
//!   as_of: 2021-06-30                     # required
//!   status: compliant                     # optional
//!   findings:                             # optional
//!     some.rule: pass                     # a rule id: that rule's finding
//!     ARTICLE(ITEM): fail                 # a citation: some finding citing it
//!     other.rule: { outcome: fail, message: part of the message }
//! ```
//!
//! Problems in a case make it an error and do not stop the others; a malformed file is one
//! error as a whole.

mod error;
mod load;
mod parse;
pub mod render;
mod run;

mod coverage;

use chrono::NaiveDate;

pub use coverage::{ArticleCoverage, Coverage, RuleCoverage, coverage};
pub use error::{CaseErrors, TestError};
pub use load::{discover, load_cases, load_cases_within, load_files, load_text};
pub use run::{Actual, CaseResult, CaseVerdict, Counts, Mismatch, Report, run};

use crate::i18n::{self, Lang};
use crate::record::Facts;
use crate::source::{Source, Span};
use crate::verdict::{Outcome, Status};

/// One test case, ready to run or known to be broken.
#[derive(Debug)]
pub struct Case {
    /// The case's name; `None` when it has none (or the whole file is broken).
    pub name: Option<String>,
    /// The test file it is written in.
    pub file: Source,
    /// Where it is in the file: its name, or its first key.
    pub span: Span,
    /// Its 1-based position in the file; 0 for a file that holds no readable cases.
    pub index: usize,
    /// What the case expects, or everything wrong with it.
    pub body: Result<Body, CaseErrors>,
}

impl Case {
    /// How reports name the case: its name, or its file and position (in a language) when
    /// it has none.
    pub fn title(&self, lang: Lang) -> String {
        match (&self.name, self.index) {
            (Some(name), _) => name.clone(),
            (None, 0) => self.file.name().to_owned(),
            (None, index) => i18n::text(
                lang,
                "test-report-untitled",
                &[("file", self.file.name().into()), ("index", index.into())],
            ),
        }
    }

    /// `file:line` of the case.
    pub fn location(&self) -> String {
        let (line, _) = self.file.line_col(self.span.start);
        format!("{}:{line}", self.file.name())
    }

    /// Whether `--filter` keeps the case: cases with no name are always kept, so that what
    /// is wrong with them is never hidden.
    pub fn matches(&self, filter: &str) -> bool {
        self.name.as_ref().is_none_or(|name| name.contains(filter))
    }
}

/// What a valid case evaluates and expects.
#[derive(Debug)]
pub struct Body {
    /// The evaluation date.
    pub as_of: NaiveDate,
    /// The record's facts.
    pub facts: Facts,
    /// The facts of the records evaluated together with it (`with:`).
    pub others: Vec<Facts>,
    /// The expected verdict status, if the case gives one.
    pub status: Option<Status>,
    /// The expected findings, in the order written.
    pub expectations: Vec<Expectation>,
}

/// One expected finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    /// The key as written: a rule id or a citation.
    pub key: String,
    /// What the key names.
    pub target: Target,
    /// The expected outcome, if given.
    pub outcome: Option<Outcome>,
    /// Text the finding's message must contain, if given.
    pub message: Option<String>,
}

/// What an expectation's key names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The rule with this index in [`crate::Pack::rules`].
    Rule(usize),
    /// Every finding citing this (in [`cite_key`] form): at least one must match.
    Cite(String),
}

/// A citation as keys compare it: half-width brackets, no spaces. Test files may write the
/// item's brackets either way.
pub fn cite_key(cite: &str) -> String {
    cite.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{ff08}' => '(',
            '\u{ff09}' => ')',
            other => other,
        })
        .collect()
}

/// Every verdict status, in the order help lists them.
const STATUSES: [Status; 5] = [
    Status::Compliant,
    Status::NonCompliant,
    Status::OutOfScope,
    Status::Suspended,
    Status::Undetermined,
];

/// Every finding outcome, in the order help lists them.
const OUTCOMES: [Outcome; 6] = [
    Outcome::Pass,
    Outcome::Fail,
    Outcome::Pending,
    Outcome::Unknown,
    Outcome::NotApplicable,
    Outcome::Note,
];
