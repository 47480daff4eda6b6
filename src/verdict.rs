//! Verdicts are data: the evaluator builds them, the renderers print them.

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize, Serializer};

use crate::value::{self, Value};

/// The format tag every JSON verdict carries.
pub const FORMAT: &str = "banfa.verdict/1";

/// The whole result of evaluating one record. It borrows the names and texts it shows from
/// the pack, and the values it quotes from the record's facts, so building one copies little.
#[derive(Debug, Clone, Serialize)]
pub struct Verdict<'a> {
    /// Always [`FORMAT`].
    pub format: &'static str,
    /// Which project.
    pub project: ProjectRef<'a>,
    /// Where the record came from, when the caller says (the command line names the file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<RecordSource<'a>>,
    /// Which pack decided.
    pub pack: PackRef<'a>,
    /// The evaluation date.
    #[serde(serialize_with = "serialize_date")]
    pub as_of: NaiveDate,
    /// The overall status.
    pub status: Status,
    /// One finding per rule in force, in pack order.
    pub findings: Vec<Finding<'a>>,
    /// Every fact whose absence left a finding unknown: what to supply.
    pub missing: Vec<FactPath<'a>>,
    /// Rules of an extended edition that this edition takes out of force, and why.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub disabled: &'a [crate::pack::Disabled],
    /// For an out-of-scope project: other editions whose jurisdiction is a value the failing
    /// scope findings read (a county project under the city edition: the county's edition).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggested_editions: Vec<String>,
}

/// Where a record was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RecordSource<'a> {
    /// The file, as it was named.
    pub file: &'a str,
    /// For a file of many records, one a line (JSON Lines): the record's line, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// For a workbook of records, one a row: the sheet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<&'a str>,
    /// For a spreadsheet of records (`.csv`, `.xlsx`): the row, from 1 as spreadsheets
    /// number rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
}

/// The project a verdict is about.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectRef<'a> {
    /// The record's id.
    pub id: &'a str,
    /// The record's name.
    pub name: &'a str,
    /// Whose project it is (the record's `unit`), where the pack's schema has the field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'a str>,
    /// Whose regulation applies (the record's `jurisdiction`), where the schema has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<&'a str>,
}

/// Another record of those evaluated together, as a finding names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RecordRef<'a> {
    /// Its `id`.
    pub id: &'a str,
    /// Where it was read from, if the caller said (borrowed from the batch, so that a
    /// finding stays small).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a RecordSource<'a>>,
}

/// The pack a verdict comes from.
#[derive(Debug, Clone, Serialize)]
pub struct PackRef<'a> {
    /// The regulation's name.
    pub name: &'a str,
    /// The edition.
    pub edition: &'a str,
    /// The edition's version.
    pub version: &'a str,
    /// `edition@version` of this pack and every pack it extends, most specific first.
    pub chain: Vec<&'a str>,
}

/// The overall status, in precedence order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A scope finding fails: the regulation does not apply.
    OutOfScope,
    /// A suspension trigger fires.
    Suspended,
    /// A requirement fails.
    NonCompliant,
    /// A requirement or trigger is unknown.
    Undetermined,
    /// Nothing fails and nothing is unknown.
    Compliant,
}

impl Status {
    /// The name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::OutOfScope => "out_of_scope",
            Status::Suspended => "suspended",
            Status::NonCompliant => "non_compliant",
            Status::Undetermined => "undetermined",
            Status::Compliant => "compliant",
        }
    }

    /// Whether the `evaluate` exit status counts this as a success.
    pub fn is_success(self) -> bool {
        matches!(self, Status::Compliant | Status::OutOfScope)
    }
}

/// What a rule decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Whether the regulation applies.
    Scope,
    /// A duty: pass, fail or pending.
    Requirement,
    /// A trigger that suspends the unit's new projects: `fail` means it fires.
    Suspension,
    /// Guidance that never fails a project.
    Advisory,
}

impl Kind {
    /// The keyword in rule files and the name in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Scope => "scope",
            Kind::Requirement => "requirement",
            Kind::Suspension => "suspension",
            Kind::Advisory => "advisory",
        }
    }
}

/// A finding's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The duty is met, or the trigger does not fire.
    Pass,
    /// The duty is not met, or the trigger fires.
    Fail,
    /// The duty is not yet due.
    Pending,
    /// A fact the rule needs is missing.
    Unknown,
    /// The rule does not apply to this project.
    NotApplicable,
    /// Advisory guidance.
    Note,
}

impl Outcome {
    /// The keyword in rule files and the name in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::Pending => "pending",
            Outcome::Unknown => "unknown",
            Outcome::NotApplicable => "not_applicable",
            Outcome::Note => "note",
        }
    }
}

/// The result of one rule.
#[derive(Debug, Clone, Serialize)]
pub struct Finding<'a> {
    /// The rule's id.
    pub rule: &'a str,
    /// The article number.
    pub article: u32,
    /// The item within the article, if the rule cites one.
    pub item: Option<u32>,
    /// Display form of the citation.
    pub cite: &'a str,
    /// The rule's kind.
    pub kind: Kind,
    /// The outcome.
    pub outcome: Outcome,
    /// Why, in the pack's language: borrowed from the pack when it interpolates nothing.
    pub message: Cow<'a, str>,
    /// Every record value the rule read.
    pub facts: Vec<FactRead<'a>>,
    /// The paths whose absence made the finding unknown.
    pub missing: Vec<FactPath<'a>>,
    /// `edition@version` whose text of this rule was applied.
    pub origin: &'a str,
    /// The rule's title, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    /// The list element that decided a quantifier, if one did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<FactPath<'a>>,
    /// When that element is another record evaluated together with this one (a member of a
    /// relation): which record, and where it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decided_by_record: Option<RecordRef<'a>>,
    /// Where this edition overrides a rule of the edition it extends: the text it replaced.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced: Option<&'a str>,
    /// The parameters the rule used, each with its value and the edition that set it.
    pub parameters: &'a [crate::pack::Parameter],
}

/// A record value a rule read.
#[derive(Debug, Clone, Serialize)]
pub struct FactRead<'a> {
    /// Where in the record.
    pub path: FactPath<'a>,
    /// The value as given or defaulted.
    #[serde(serialize_with = "serialize_value")]
    pub value: &'a Value,
}

/// A path into a record: `funding.fiscal`, or `unit_status.projects[1].completed_on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FactPath<'a> {
    /// A field of the record.
    Field(&'a str),
    /// An element of a list (with `field` empty: the element itself).
    Element {
        /// The list's path.
        list: &'a str,
        /// 0-based index.
        index: usize,
        /// The field within the element, relative to it; empty for the element as a whole.
        field: &'a str,
    },
    /// A field of another record evaluated together with this one, a member of a relation:
    /// `relation[id].field`.
    Peer {
        /// The relation's name.
        relation: &'a str,
        /// The other record's `id`.
        id: &'a str,
        /// The field's path in that record; empty for the record as a whole.
        field: &'a str,
    },
}

impl fmt::Display for FactPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FactPath::Field(path) => f.write_str(path),
            FactPath::Element {
                list,
                index,
                field: "",
            } => write!(f, "{list}[{index}]"),
            FactPath::Element { list, index, field } => write!(f, "{list}[{index}].{field}"),
            FactPath::Peer {
                relation,
                id,
                field: "",
            } => write!(f, "{relation}[{id}]"),
            FactPath::Peer {
                relation,
                id,
                field,
            } => write!(f, "{relation}[{id}].{field}"),
        }
    }
}

impl Serialize for FactPath<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

fn serialize_date<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    let mut out = String::with_capacity(10);
    value::write_date(*date, &mut out);
    serializer.serialize_str(&out)
}

/// A value in its JSON form, for fields that own their value.
pub(crate) fn serialize_value_ref<S: Serializer>(
    value: &Value,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    json_value(value).serialize(serializer)
}

/// JSON form of a value: numbers stay exact, dates are `YYYY-MM-DD`, terms are their text.
fn serialize_value<S: Serializer>(value: &&Value, serializer: S) -> Result<S::Ok, S::Error> {
    json_value(value).serialize(serializer)
}

/// The JSON form of a value.
pub fn json_value(value: &Value) -> serde_json::Value {
    use serde_json::Value as Json;
    match value {
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => Json::from(*i),
        Value::Money(m) => m
            .normalize()
            .to_string()
            .parse::<serde_json::Number>()
            .map_or_else(|_| Json::String(m.to_string()), Json::Number),
        Value::List(items) => Json::Array(items.iter().map(json_value).collect()),
        Value::Rows(rows) => Json::from(rows.len()),
        other => Json::String(other.to_string()),
    }
}
