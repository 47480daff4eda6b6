//! Running cases: evaluate each valid case's record and compare the verdict with what the
//! case expects. The result is data ([`Report`]); [`super::render`] prints it.

use std::collections::HashMap;
use std::fmt;

use serde::Serialize;

use super::{Case, Expectation, Target, cite_key};
use crate::eval;
use crate::pack::Pack;
use crate::verdict::{Finding, Outcome, Status};

/// The results of running cases, in the cases' order.
#[derive(Debug)]
pub struct Report<'c> {
    /// One result per case.
    pub results: Vec<CaseResult<'c>>,
}

/// One case's result.
#[derive(Debug)]
pub struct CaseResult<'c> {
    /// The case.
    pub case: &'c Case,
    /// Whether it passed.
    pub verdict: CaseVerdict<'c>,
    /// Every finding's (rule index, outcome), whether or not the case asserts it; empty
    /// for a case that could not run.
    pub observed: Vec<(usize, Outcome)>,
}

/// How a case came out.
#[derive(Debug)]
pub enum CaseVerdict<'c> {
    /// Every expectation held.
    Passed,
    /// Some did not: the differences, status first, then findings in the order written.
    Failed(Vec<Mismatch<'c>>),
    /// The case could not run (its diagnostics are in [`Case::body`]).
    Error,
}

/// An expectation that did not hold.
#[derive(Debug)]
pub enum Mismatch<'c> {
    /// The verdict's status differs.
    Status {
        /// As the case expects.
        expected: Status,
        /// As evaluated.
        actual: Status,
    },
    /// No finding matches an expected finding.
    Finding {
        /// The expectation.
        expected: &'c Expectation,
        /// The findings its key names (none if no rule of that id is in force).
        actual: Vec<Actual>,
    },
}

/// A finding as evaluated, for showing next to what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actual {
    /// The rule's id.
    pub rule: String,
    /// Its outcome.
    pub outcome: Outcome,
    /// Its message.
    pub message: String,
}

/// How many cases passed, failed and could not run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Cases whose every expectation held.
    pub passed: usize,
    /// Cases with a difference.
    pub failed: usize,
    /// Cases that could not run.
    pub errors: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.errors += other.errors;
    }
}

/// `N passed, M failed`, with `, K error(s)` when there are any: the summary line CI reads.
impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} passed, {} failed", self.passed, self.failed)?;
        if self.errors > 0 {
            let plural = if self.errors == 1 { "" } else { "s" };
            write!(f, ", {} error{plural}", self.errors)?;
        }
        Ok(())
    }
}

impl Report<'_> {
    /// How many cases passed, failed and could not run.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for result in &self.results {
            match result.verdict {
                CaseVerdict::Passed => counts.passed += 1,
                CaseVerdict::Failed(_) => counts.failed += 1,
                CaseVerdict::Error => counts.errors += 1,
            }
        }
        counts
    }
}

/// Runs every case against the pack.
pub fn run<'c>(pack: &Pack, cases: &'c [Case]) -> Report<'c> {
    let rules: HashMap<&str, usize> = pack
        .rules
        .iter()
        .enumerate()
        .map(|(index, rule)| (&*rule.id, index))
        .collect();
    let results = cases
        .iter()
        .map(|case| run_case(pack, &rules, case))
        .collect();
    Report { results }
}

fn run_case<'c>(pack: &Pack, rules: &HashMap<&str, usize>, case: &'c Case) -> CaseResult<'c> {
    let Ok(body) = &case.body else {
        return CaseResult {
            case,
            verdict: CaseVerdict::Error,
            observed: Vec::new(),
        };
    };
    let members = std::iter::once(&body.facts)
        .chain(&body.others)
        .map(|facts| eval::Member {
            facts,
            source: None,
        })
        .collect();
    let batch = eval::Batch::new(pack, members);
    let Some(verdict) = eval::evaluate_among(pack, &batch, 0, body.as_of) else {
        return CaseResult {
            case,
            verdict: CaseVerdict::Error,
            observed: Vec::new(),
        };
    };
    let mut mismatches = Vec::new();
    if let Some(expected) = body.status.filter(|s| *s != verdict.status) {
        mismatches.push(Mismatch::Status {
            expected,
            actual: verdict.status,
        });
    }
    for expected in &body.expectations {
        if let Some(mismatch) = compare(pack, expected, &verdict.findings) {
            mismatches.push(mismatch);
        }
    }
    let observed = verdict
        .findings
        .iter()
        .filter_map(|f| Some((*rules.get(f.rule)?, f.outcome)))
        .collect();
    let verdict = if mismatches.is_empty() {
        CaseVerdict::Passed
    } else {
        CaseVerdict::Failed(mismatches)
    };
    CaseResult {
        case,
        verdict,
        observed,
    }
}

/// The mismatch, if no finding the expectation names meets it.
fn compare<'c>(
    pack: &Pack,
    expected: &'c Expectation,
    findings: &[Finding],
) -> Option<Mismatch<'c>> {
    let named: Vec<&Finding> = findings
        .iter()
        .filter(|f| names(pack, &expected.target, f))
        .collect();
    if named.iter().any(|f| meets(expected, f)) {
        return None;
    }
    let actual = named
        .iter()
        .map(|f| Actual {
            rule: f.rule.to_owned(),
            outcome: f.outcome,
            message: f.message.to_string(),
        })
        .collect();
    Some(Mismatch::Finding { expected, actual })
}

/// Whether the expectation's key names this finding.
fn names(pack: &Pack, target: &Target, finding: &Finding) -> bool {
    match target {
        Target::Rule(index) => pack
            .rules
            .get(*index)
            .is_some_and(|r| *r.id == *finding.rule),
        Target::Cite(cite) => cite_key(finding.cite) == *cite,
    }
}

/// Whether the finding has the expected outcome and message.
fn meets(expected: &Expectation, finding: &Finding) -> bool {
    let outcome = expected.outcome.is_none_or(|o| o == finding.outcome);
    let message = expected
        .message
        .as_deref()
        .is_none_or(|m| finding.message.contains(m));
    outcome && message
}
