//! Comparing editions: what edition B changes against edition A.
//!
//! | step     | entry                           | from → to                                   |
//! |----------|---------------------------------|---------------------------------------------|
//! | name     | [`Spec::from_arg`]              | `监利@2018.1` or a directory → [`Spec`]     |
//! | load     | [`load`], [`load_base`]         | spec → [`Edition`] (pack and its layers)    |
//! | compare  | [`declarations`]                | two editions → [`PackDiff`]                 |
//! | compare  | [`verdicts`]                    | two packs and a record → [`VerdictDiff`]    |
//! | render   | [`text`], [`verdict_text`], [`json`] | a diff → text or JSON (`banfa.diff/1`) |
//!
//! Declarations are compared as they are in force, every layer merged (`set parameter`,
//! `override`, `disable rule`), and by the text they are written in.

mod declarations;
mod error;
mod lines;
mod load;
mod render;
mod verdicts;

use serde::Serialize;

use crate::pack::Pack;

pub use declarations::{DisabledBy, PackDiff, RuleDiff, RuleText, declarations};
pub use error::DiffError;
pub use lines::{Line, diff as line_diff};
pub use load::{Edition, Spec, load, load_base};
pub use render::{json, text, verdict_text};
pub use verdicts::{FindingDiff, FindingText, Project, Statuses, VerdictDiff, verdicts};

/// The format tag every JSON diff carries.
pub const FORMAT: &str = "banfa.diff/1";

/// One side of a diff.
#[derive(Debug, Clone, Serialize)]
pub struct Side {
    /// The edition.
    pub edition: String,
    /// Its version.
    pub version: String,
    /// `edition@version` of it and of every edition it extends, most specific first.
    pub chain: Vec<String>,
}

impl Side {
    /// The side a compiled pack stands for.
    pub fn of(pack: &Pack) -> Side {
        Side {
            edition: pack.header.edition.to_string(),
            version: pack.header.version.to_string(),
            chain: pack.chain.iter().map(ToString::to_string).collect(),
        }
    }
}

/// What happened to a declaration or a finding between A and B.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Only B has it.
    Added,
    /// Only A has it.
    Removed,
    /// Only A has it: B takes the rule out of force with `disable rule`.
    Disabled,
    /// B replaces the rule with `override`.
    Overridden,
    /// Both have it, worded differently.
    Changed,
}

impl Change {
    /// The name used in JSON and in text.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Removed => "removed",
            Change::Disabled => "disabled",
            Change::Overridden => "overridden",
            Change::Changed => "changed",
        }
    }

    /// The mark a text diff puts before it.
    pub fn mark(self) -> &'static str {
        match self {
            Change::Added => "+",
            Change::Removed | Change::Disabled => "-",
            Change::Overridden | Change::Changed => "~",
        }
    }
}

/// A named declaration that differs, with its text on each side that has it.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Its name: a header entry, parameter, fact, vocabulary, field path or article label.
    pub name: String,
    /// `added`, `removed` or `changed`.
    pub change: Change,
    /// The text in A, if A has it.
    pub a: Option<String>,
    /// The text in B, if B has it.
    pub b: Option<String>,
}

impl Entry {
    fn new(name: &str, change: Change, a: Option<&str>, b: Option<&str>) -> Entry {
        Entry {
            name: name.to_owned(),
            change,
            a: a.map(str::to_owned),
            b: b.map(str::to_owned),
        }
    }
}
