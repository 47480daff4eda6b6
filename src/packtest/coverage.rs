//! Coverage: which articles of the regulation the pack accounts for, and which outcomes the
//! test cases have seen each rule give.

use serde::Serialize;

use super::run::{Counts, Report};
use crate::pack::{Article, Pack, Rule};
use crate::verdict::Outcome;

/// The format tag every JSON coverage report carries (see [`super::render::coverage_json`]).
pub const FORMAT: &str = "banfa.coverage/1";

/// How far a pack's tests reach.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    /// The pack's edition.
    pub edition: String,
    /// The pack's version.
    pub version: String,
    /// How the cases came out.
    pub tests: Counts,
    /// Every article of the pack, in order.
    pub articles: Vec<ArticleCoverage>,
    /// How many articles some rule cites or some header entry or parameter holds.
    pub accounted: usize,
    /// How many articles there are.
    pub total: usize,
    /// Rules that can fail but that no case has seen failing, in pack order.
    pub never_failing: Vec<String>,
}

/// One article.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleCoverage {
    /// Its label.
    pub label: String,
    /// Its title.
    pub title: Option<String>,
    /// The rules citing it, in pack order.
    pub rules: Vec<RuleCoverage>,
    /// The header entries and parameters that hold it.
    pub held_by: Vec<String>,
    /// Whether a rule cites it or something holds it.
    pub accounted: bool,
}

/// One rule, with how often the cases saw each outcome.
#[derive(Debug, Clone, Serialize)]
pub struct RuleCoverage {
    /// The rule's id.
    pub id: String,
    /// Its citation, e.g. with the item.
    pub cite: String,
    /// Cases in which it passed.
    pub pass: usize,
    /// Cases in which it failed.
    pub fail: usize,
    /// Cases with any other outcome.
    pub other: usize,
}

impl Coverage {
    /// Whether every article is accounted for and every rule that can fail was seen failing.
    pub fn complete(&self) -> bool {
        self.accounted == self.total && self.never_failing.is_empty()
    }
}

/// The coverage of a pack by a report of its cases (errors and failures included: a case
/// exercises a rule whatever it asserts).
pub fn coverage(pack: &Pack, report: &Report) -> Coverage {
    let rules = rule_counts(pack, report);
    let articles: Vec<ArticleCoverage> = pack
        .articles
        .iter()
        .enumerate()
        .map(|(index, article)| article_coverage(pack, &rules, index, article))
        .collect();
    let never_failing = pack
        .rules
        .iter()
        .zip(&rules)
        .filter(|(rule, counts)| can_fail(rule) && counts.fail == 0)
        .map(|(rule, _)| rule.id.to_string())
        .collect();
    Coverage {
        edition: pack.header.edition.to_string(),
        version: pack.header.version.to_string(),
        tests: report.counts(),
        accounted: articles.iter().filter(|a| a.accounted).count(),
        total: articles.len(),
        articles,
        never_failing,
    }
}

/// Every rule's counts, by rule index.
fn rule_counts(pack: &Pack, report: &Report) -> Vec<RuleCoverage> {
    let mut rules: Vec<RuleCoverage> = pack
        .rules
        .iter()
        .map(|rule| RuleCoverage {
            id: rule.id.to_string(),
            cite: rule.cite.label.to_string(),
            pass: 0,
            fail: 0,
            other: 0,
        })
        .collect();
    let observed = report.results.iter().flat_map(|r| &r.observed);
    for (index, outcome) in observed {
        if let Some(rule) = rules.get_mut(*index) {
            match outcome {
                Outcome::Pass => rule.pass += 1,
                Outcome::Fail => rule.fail += 1,
                _ => rule.other += 1,
            }
        }
    }
    rules
}

fn article_coverage(
    pack: &Pack,
    rules: &[RuleCoverage],
    index: usize,
    article: &Article,
) -> ArticleCoverage {
    let citing: Vec<RuleCoverage> = pack
        .rules
        .iter()
        .zip(rules)
        .filter(|(rule, _)| rule.cite.article == index)
        .map(|(_, counts)| counts.clone())
        .collect();
    let mut held_by: Vec<String> = article.held_by.iter().map(|h| h.to_string()).collect();
    // An edition that took an article's rules out of force has accounted for it.
    held_by.extend(
        pack.disabled
            .iter()
            .filter(|d| d.article == article.label)
            .map(|d| format!("disabled {} ({})", d.rule, d.by)),
    );
    ArticleCoverage {
        label: article.label.to_string(),
        title: article.title.as_ref().map(|t| t.to_string()),
        accounted: !citing.is_empty() || !held_by.is_empty(),
        rules: citing,
        held_by,
    }
}

/// Whether the rule has a clause that fails: only such rules are expected to be seen failing.
fn can_fail(rule: &Rule) -> bool {
    rule.clauses.iter().any(|c| c.outcome == Outcome::Fail)
}
