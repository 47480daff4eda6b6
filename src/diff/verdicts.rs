//! What one edition changes in the verdict on a record: the record evaluated under both
//! editions, and the findings whose outcome or message differ.

use chrono::NaiveDate;
use serde::Serialize;

use super::error::DiffError;
use super::{Change, FORMAT, Side};
use crate::pack::Pack;
use crate::record::Facts;
use crate::verdict::{Finding, Outcome, Status, Verdict};

/// The verdicts of two editions on one record, and how they differ.
#[derive(Debug, Clone, Serialize)]
pub struct VerdictDiff {
    /// Always [`FORMAT`].
    pub format: &'static str,
    /// Always `verdicts`.
    pub kind: &'static str,
    /// The edition compared against.
    pub a: Side,
    /// The edition whose changes are shown.
    pub b: Side,
    /// The project, as the record names it.
    pub project: Project,
    /// The evaluation date.
    pub as_of: String,
    /// Each edition's overall status.
    pub status: Statuses,
    /// The findings that differ, in A's order, then those only B gives.
    pub findings: Vec<FindingDiff>,
}

/// The project a record describes.
#[derive(Debug, Clone, Serialize)]
pub struct Project {
    /// The record's id.
    pub id: String,
    /// The record's name.
    pub name: String,
}

/// The two overall statuses.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Statuses {
    /// Under A.
    pub a: Status,
    /// Under B.
    pub b: Status,
}

/// A rule whose finding differs: `changed` (outcome or message), `added` (only B has the
/// rule) or `removed` (only A has it).
#[derive(Debug, Clone, Serialize)]
pub struct FindingDiff {
    /// The rule's id.
    pub rule: String,
    /// `changed`, `added` or `removed`.
    pub change: Change,
    /// The finding under A, if A has the rule.
    pub a: Option<FindingText>,
    /// The finding under B, if B has the rule.
    pub b: Option<FindingText>,
}

/// One edition's finding for a rule.
#[derive(Debug, Clone, Serialize)]
pub struct FindingText {
    /// The citation.
    pub cite: String,
    /// The outcome.
    pub outcome: Outcome,
    /// Why, in the pack's language.
    pub message: String,
}

impl VerdictDiff {
    /// How many differences there are: each finding that differs, and the status if it does.
    pub fn len(&self) -> usize {
        self.findings.len() + usize::from(self.status.a != self.status.b)
    }

    /// Whether both editions give the same verdict.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Evaluates a record (its name, for diagnostics and, by its extension, its format; and
/// its bytes) under both packs as of a date, and compares the verdicts.
///
/// # Errors
/// [`DiffError::Record`] when either pack's record schema rejects the record.
pub fn verdicts(
    a: &Pack,
    b: &Pack,
    name: &str,
    bytes: &[u8],
    as_of: NaiveDate,
) -> Result<VerdictDiff, DiffError> {
    let (facts_a, facts_b) = (facts(a, name, bytes)?, facts(b, name, bytes)?);
    let verdict_a = crate::eval::evaluate(a, &facts_a, as_of);
    let verdict_b = crate::eval::evaluate(b, &facts_b, as_of);
    Ok(compare(a, &verdict_a, b, &verdict_b))
}

fn facts(pack: &Pack, name: &str, bytes: &[u8]) -> Result<Facts, DiffError> {
    let format = crate::record::Format::of(std::path::Path::new(name));
    crate::record::load_bytes_as(format, name, bytes, pack).map_err(|errors| DiffError::Record {
        origin: pack.header.origin.to_string(),
        errors,
    })
}

/// The differences between two verdicts on the same record.
fn compare(a: &Pack, verdict_a: &Verdict, b: &Pack, verdict_b: &Verdict) -> VerdictDiff {
    VerdictDiff {
        format: FORMAT,
        kind: "verdicts",
        a: Side::of(a),
        b: Side::of(b),
        project: Project {
            id: verdict_b.project.id.to_owned(),
            name: verdict_b.project.name.to_owned(),
        },
        as_of: verdict_b.as_of.to_string(),
        status: Statuses {
            a: verdict_a.status,
            b: verdict_b.status,
        },
        findings: findings(&verdict_a.findings, &verdict_b.findings),
    }
}

/// Findings that differ: A's order, then the rules only B has.
fn findings(a: &[Finding], b: &[Finding]) -> Vec<FindingDiff> {
    let mut out = Vec::new();
    for old in a {
        let new = b.iter().find(|f| f.rule == old.rule);
        match new {
            Some(new) if old.outcome == new.outcome && old.message == new.message => {}
            Some(new) => out.push(diff(old.rule, Change::Changed, Some(old), Some(new))),
            None => out.push(diff(old.rule, Change::Removed, Some(old), None)),
        }
    }
    for new in b {
        if !a.iter().any(|f| f.rule == new.rule) {
            out.push(diff(new.rule, Change::Added, None, Some(new)));
        }
    }
    out
}

fn diff(rule: &str, change: Change, a: Option<&Finding>, b: Option<&Finding>) -> FindingDiff {
    let text = |finding: &Finding| FindingText {
        cite: finding.cite.to_owned(),
        outcome: finding.outcome,
        message: finding.message.to_string(),
    };
    FindingDiff {
        rule: rule.to_owned(),
        change,
        a: a.map(text),
        b: b.map(text),
    }
}
