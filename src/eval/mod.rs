//! Evaluation: a compiled pack, a record's facts and a date → an explained [`Verdict`].
//!
//! Three-valued throughout: a value is known, or unknown together with the absent fields
//! that made it so. `false and unknown` is false, `true or unknown` is true; a rule's clauses
//! are tried in order, and an unknown condition keeps its outcome as a candidate, so the
//! finding is decided only when every clause that might have applied agrees.

mod batch;
mod expr;
mod finding;

use chrono::NaiveDate;

use crate::pack::Pack;
use crate::record::Facts;
use crate::verdict::{FactPath, Finding, Kind, Outcome, PackRef, ProjectRef, Status, Verdict};

pub use batch::{Batch, Member};
pub use expr::Tri;

/// Evaluates every rule of `pack` against one record, as of `as_of`.
///
/// Scope rules are evaluated first: if one fails, every other rule is not applicable.
/// Findings come out in pack order either way.
pub fn evaluate<'a>(pack: &'a Pack, facts: &'a Facts, as_of: NaiveDate) -> Verdict<'a> {
    explained(expr::Context::new(pack, facts, as_of))
}

/// Evaluates record `index` of a batch, whose other records are its relations' members
/// (the unit's other projects, say), as of `as_of`. A record alone in its batch gets the
/// verdict [`evaluate`] gives. `None` if the batch has no record `index`.
pub fn evaluate_among<'a>(
    pack: &'a Pack,
    batch: &'a Batch<'a>,
    index: usize,
    as_of: NaiveDate,
) -> Option<Verdict<'a>> {
    let facts = batch.member(index)?.facts;
    let context = expr::Context::new(pack, facts, as_of).among(batch, index);
    Some(explained(context))
}

fn explained<'a>(mut context: expr::Context<'a>) -> Verdict<'a> {
    let (pack, facts, as_of) = (context.pack, context.facts, context.as_of);
    let scope: Vec<Finding<'a>> = pack
        .rules
        .iter()
        .filter(|rule| rule.kind == Kind::Scope)
        .map(|rule| finding::evaluate(&mut context, rule))
        .collect();
    let out_of_scope = scope.iter().any(|f| f.outcome == Outcome::Fail);
    let mut scope = scope.into_iter();
    let mut findings: Vec<Finding<'a>> = Vec::with_capacity(pack.rules.len());
    for rule in &pack.rules {
        match rule.kind {
            Kind::Scope => findings.extend(scope.next()),
            _ if out_of_scope => findings.push(finding::out_of_scope(pack, rule)),
            _ => findings.push(finding::evaluate(&mut context, rule)),
        }
    }
    verdict(pack, facts, as_of, findings)
}

/// The outcome of every rule of `pack` for one record, as of `as_of`, into `outcomes` (in
/// pack order), and the overall status: what [`evaluate`] decides, without the messages,
/// facts and paths that explain it. For callers that need only statuses, e.g. a batch that
/// counts; `outcomes` is cleared first, so one buffer serves many records.
pub fn evaluate_outcomes(
    pack: &Pack,
    facts: &Facts,
    as_of: NaiveDate,
    outcomes: &mut Vec<Outcome>,
) -> Status {
    let mut context = expr::Context::with_reads(pack, facts, as_of, false);
    outcomes.clear();
    outcomes.resize(pack.rules.len(), Outcome::NotApplicable);
    let mut out_of_scope = false;
    for (rule, slot) in pack.rules.iter().zip(outcomes.iter_mut()) {
        if rule.kind == Kind::Scope {
            *slot = finding::outcome(&mut context, rule);
            out_of_scope |= *slot == Outcome::Fail;
        }
    }
    if !out_of_scope {
        for (rule, slot) in pack.rules.iter().zip(outcomes.iter_mut()) {
            if rule.kind != Kind::Scope {
                *slot = finding::outcome(&mut context, rule);
            }
        }
    }
    status_of(
        pack.rules
            .iter()
            .map(|r| r.kind)
            .zip(outcomes.iter().copied()),
    )
}

fn verdict<'a>(
    pack: &'a Pack,
    facts: &'a Facts,
    as_of: NaiveDate,
    findings: Vec<Finding<'a>>,
) -> Verdict<'a> {
    let status = status(&findings);
    let all: Vec<FactPath<'a>> = findings
        .iter()
        .flat_map(|f| f.missing.iter().copied())
        .collect();
    let missing = finding::distinct(&all);
    Verdict {
        format: crate::verdict::FORMAT,
        project: ProjectRef {
            id: text_field(pack, facts, "id"),
            name: text_field(pack, facts, "name"),
            unit: optional_text(pack, facts, "unit"),
            jurisdiction: optional_text(pack, facts, "jurisdiction"),
        },
        pack: PackRef {
            name: &pack.header.name,
            edition: &pack.header.edition,
            version: &pack.header.version,
            chain: pack.chain.iter().map(|c| &**c).collect(),
        },
        as_of,
        status,
        findings,
        missing,
        disabled: &pack.disabled,
        suggested_editions: Vec::new(),
        source: None,
    }
}

/// Whether a condition holds for a record: `None` when facts it needs are missing.
pub fn holds(
    pack: &Pack,
    facts: &Facts,
    condition: &crate::pack::Expr,
    as_of: NaiveDate,
) -> Option<bool> {
    expr::Context::new(pack, facts, as_of).condition(condition)
}

/// The overall status: the first of DOMAIN.md's list that holds.
pub fn status(findings: &[Finding]) -> Status {
    status_of(findings.iter().map(|f| (f.kind, f.outcome)))
}

/// The overall status of findings given as kind and outcome, in one pass.
fn status_of(findings: impl Iterator<Item = (Kind, Outcome)>) -> Status {
    let (mut scope_fails, mut suspends, mut fails, mut unknown) = (false, false, false, false);
    for (kind, outcome) in findings {
        match (kind, outcome) {
            (Kind::Scope, Outcome::Fail) => scope_fails = true,
            (Kind::Suspension, Outcome::Fail) => suspends = true,
            (Kind::Requirement, Outcome::Fail) => fails = true,
            (Kind::Scope | Kind::Requirement | Kind::Suspension, Outcome::Unknown) => {
                unknown = true;
            }
            _ => {}
        }
    }
    if scope_fails {
        Status::OutOfScope
    } else if suspends {
        Status::Suspended
    } else if fails {
        Status::NonCompliant
    } else if unknown {
        Status::Undetermined
    } else {
        Status::Compliant
    }
}

/// A record's `id`, the field every pack's schema has (the checker requires it).
pub fn record_id<'a>(pack: &Pack, facts: &'a Facts) -> &'a str {
    text_field(pack, facts, "id")
}

/// The year a record's project is planned for: its value of the pack's `plan_field`.
pub fn planned_for(pack: &Pack, facts: &Facts) -> Option<i64> {
    match facts.values.get(pack.plan_field?)? {
        Some(crate::value::Value::Int(year)) => Some(*year),
        _ => None,
    }
}

/// A required top-level text field that names the project (the checker guarantees both).
fn text_field<'a>(pack: &Pack, facts: &'a Facts, name: &str) -> &'a str {
    text_at(facts, slot_of(pack, name))
}

/// A top-level field that says whose the project is (`unit`, `jurisdiction`), where the
/// pack's schema has it, as text (a vocabulary term by its name).
fn optional_text<'a>(pack: &Pack, facts: &'a Facts, name: &str) -> Option<&'a str> {
    match facts.values.get(slot_of(pack, name)?)? {
        Some(crate::value::Value::Text(t)) => Some(t),
        Some(crate::value::Value::Term(t)) => Some(&t.name),
        _ => None,
    }
}

/// The root slot of a top-level field.
fn slot_of(pack: &Pack, name: &str) -> Option<usize> {
    pack.schema.slots.iter().position(|s| &*s.path == name)
}

/// The text in a slot, or nothing.
fn text_at(facts: &Facts, slot: Option<usize>) -> &str {
    match slot.and_then(|s| facts.values.get(s)) {
        Some(Some(crate::value::Value::Text(t))) => t,
        _ => "",
    }
}
