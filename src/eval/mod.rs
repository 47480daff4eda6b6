//! Evaluation: a compiled pack, a record's facts and a date → an explained [`Verdict`].
//!
//! Three-valued throughout: a value is known, or unknown together with the absent fields
//! that made it so. `false and unknown` is false, `true or unknown` is true; a rule's clauses
//! are tried in order, and an unknown condition keeps its outcome as a candidate, so the
//! finding is decided only when every clause that might have applied agrees.

mod expr;
mod finding;

use chrono::NaiveDate;

use crate::pack::{Pack, Rule};
use crate::record::Facts;
use crate::verdict::{FactPath, Finding, Kind, Outcome, PackRef, ProjectRef, Status, Verdict};

pub use expr::Tri;

/// Evaluates every rule of `pack` against one record, as of `as_of`.
pub fn evaluate(pack: &Pack, facts: &Facts, as_of: NaiveDate) -> Verdict {
    let mut context = expr::Context::new(pack, facts, as_of);
    let mut findings: Vec<Option<Finding>> = Vec::with_capacity(pack.rules.len());
    let mut out_of_scope = false;
    for rule in &pack.rules {
        if rule.kind == Kind::Scope {
            let finding = finding::evaluate(&mut context, rule);
            out_of_scope |= finding.outcome == Outcome::Fail;
            findings.push(Some(finding));
        } else {
            findings.push(None);
        }
    }
    let findings: Vec<Finding> = pack
        .rules
        .iter()
        .zip(findings)
        .map(|(rule, done)| {
            done.unwrap_or_else(|| match out_of_scope {
                true => finding::out_of_scope(pack, rule),
                false => finding::evaluate(&mut context, rule),
            })
        })
        .collect();
    verdict(pack, facts, as_of, findings)
}

fn verdict(pack: &Pack, facts: &Facts, as_of: NaiveDate, findings: Vec<Finding>) -> Verdict {
    let status = status(&findings);
    let mut missing: Vec<FactPath> = Vec::new();
    for path in findings.iter().flat_map(|f| &f.missing) {
        if !missing.contains(path) {
            missing.push(path.clone());
        }
    }
    Verdict {
        format: crate::verdict::FORMAT,
        project: ProjectRef {
            id: text_field(pack, facts, "id"),
            name: text_field(pack, facts, "name"),
        },
        pack: PackRef {
            name: pack.header.name.clone(),
            edition: pack.header.edition.clone(),
            version: pack.header.version.clone(),
            chain: vec![pack.header.origin.clone()],
        },
        as_of,
        status,
        findings,
        missing,
    }
}

/// The overall status: the first of DOMAIN.md's list that holds.
pub fn status(findings: &[Finding]) -> Status {
    let any = |kinds: &[Kind], outcome: Outcome| {
        findings
            .iter()
            .any(|f| kinds.contains(&f.kind) && f.outcome == outcome)
    };
    if any(&[Kind::Scope], Outcome::Fail) {
        Status::OutOfScope
    } else if any(&[Kind::Suspension], Outcome::Fail) {
        Status::Suspended
    } else if any(&[Kind::Requirement], Outcome::Fail) {
        Status::NonCompliant
    } else if any(
        &[Kind::Scope, Kind::Requirement, Kind::Suspension],
        Outcome::Unknown,
    ) {
        Status::Undetermined
    } else {
        Status::Compliant
    }
}

/// A required top-level text field that names the project (the checker guarantees both).
fn text_field(pack: &Pack, facts: &Facts, name: &str) -> std::sync::Arc<str> {
    let slot = pack.schema.slots.iter().position(|s| &*s.path == name);
    match slot.and_then(|s| facts.values.get(s)) {
        Some(Some(crate::value::Value::Text(t))) => t.clone(),
        _ => "".into(),
    }
}

/// Rules are evaluated through this so benchmarks and tests can reach one rule alone.
pub fn evaluate_rule(pack: &Pack, facts: &Facts, as_of: NaiveDate, rule: &Rule) -> Finding {
    let mut context = expr::Context::new(pack, facts, as_of);
    finding::evaluate(&mut context, rule)
}
