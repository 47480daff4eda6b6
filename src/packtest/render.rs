//! Printing test reports and coverage: text for policy staff, in their language, JSON for
//! programs. Everything shown is already in the [`Report`] or [`Coverage`]; the words around
//! it come from the catalogue (`test-report-…`, `coverage-…` in `locales/*/test.ftl`).

use std::fmt::Write as _;

use serde::Serialize;

use super::coverage::{ArticleCoverage, Coverage, RuleCoverage};
use super::run::{Actual, CaseResult, CaseVerdict, Counts, Mismatch, Report};
use super::{Expectation, Target};
use crate::i18n::{Arg, Lang, text};
use crate::verdict::{Outcome, Status};

/// How far tables under a case are indented.
const INDENT: &str = "    ";

/// Column gap in tables.
const GAP: &str = "  ";

/// One line per case (`PASS name`, `FAIL name`, `ERROR name`); under a failure, where the
/// case is and a table of what differs. Every line ends in a newline.
pub fn report(report: &Report, lang: Lang, colour: bool) -> String {
    let mut out = String::new();
    for result in &report.results {
        case(&mut out, result, lang, colour);
    }
    out
}

/// The summary of a run: `N passed, M failed`, with `, K errors` when some case could not run.
pub fn counts(counts: Counts, lang: Lang) -> String {
    let id = match counts.errors {
        0 => "test-report-counts",
        _ => "test-report-counts-errors",
    };
    let args = [
        ("passed", counts.passed.into()),
        ("failed", counts.failed.into()),
        ("errors", counts.errors.into()),
    ];
    text(lang, id, &args)
}

fn case(out: &mut String, result: &CaseResult, lang: Lang, colour: bool) {
    let title = result.case.title(lang);
    let location = [("location", Arg::from(result.case.location()))];
    match &result.verdict {
        CaseVerdict::Passed => line(out, "test-report-pass", GREEN, &title, lang, colour),
        CaseVerdict::Failed(mismatches) => {
            line(out, "test-report-fail", RED, &title, lang, colour);
            let _ = writeln!(out, "{INDENT}{}", text(lang, "test-report-at", &location));
            table(out, &differences(mismatches, lang), INDENT, colour);
            out.push('\n');
        }
        CaseVerdict::Error => {
            line(out, "test-report-error", RED, &title, lang, colour);
            let at = text(lang, "test-report-at-error", &location);
            let _ = writeln!(out, "{INDENT}{at}");
        }
    }
}

/// A case's line: its mark (the catalogue's `mark` word, in a colour) and its title.
fn line(out: &mut String, mark: &'static str, style: &str, title: &str, lang: Lang, colour: bool) {
    let mark = paint(&text(lang, mark, &[]), style, colour);
    let _ = writeln!(out, "{mark} {title}");
}

/// The rows of a failure's table: a header, then one row per difference (a citation with
/// several findings gives one row each).
fn differences(mismatches: &[Mismatch], lang: Lang) -> Vec<[String; 4]> {
    let header = [
        "test-report-key",
        "test-report-expected",
        "test-report-actual",
        "test-report-message",
    ];
    let mut rows = vec![header.map(|id| text(lang, id, &[]))];
    for mismatch in mismatches {
        match mismatch {
            Mismatch::Status { expected, actual } => rows.push([
                text(lang, "test-report-status", &[]),
                status(*expected, lang),
                status(*actual, lang),
                String::new(),
            ]),
            Mismatch::Finding { expected, actual } => {
                finding_rows(&mut rows, expected, actual, lang);
            }
        }
    }
    rows
}

fn finding_rows(
    rows: &mut Vec<[String; 4]>,
    expected: &Expectation,
    actual: &[Actual],
    lang: Lang,
) {
    let wanted = expectation(expected, lang);
    if actual.is_empty() {
        let outcome = text(lang, "test-report-no-finding", &[]);
        let message = text(lang, "test-report-not-in-force", &[]);
        rows.push([expected.key.clone(), wanted, outcome, message]);
        return;
    }
    let by_cite = matches!(expected.target, Target::Cite(_));
    for (i, finding) in actual.iter().enumerate() {
        let (key, wanted) = match i {
            0 => (expected.key.clone(), wanted.clone()),
            _ => (String::new(), String::new()),
        };
        let message = if by_cite {
            format!("{}: {}", finding.rule, finding.message)
        } else {
            finding.message.clone()
        };
        rows.push([key, wanted, outcome(finding.outcome, lang), message]);
    }
}

/// What an expectation asks for: `fail`, `fail saying “…”`, or `saying “…”`.
fn expectation(expected: &Expectation, lang: Lang) -> String {
    let saying = |message: &str| ("message", Arg::from(message));
    match (expected.outcome, &expected.message) {
        (Some(wanted), None) => outcome(wanted, lang),
        (Some(wanted), Some(message)) => {
            let args = [("outcome", outcome(wanted, lang).into()), saying(message)];
            text(lang, "test-report-outcome-saying", &args)
        }
        (None, Some(message)) => text(lang, "test-report-saying", &[saying(message)]),
        (None, None) => text(lang, "test-report-anything", &[]),
    }
}

/// An outcome in words (in English, as test files write it).
fn outcome(outcome: Outcome, lang: Lang) -> String {
    text(
        lang,
        "test-report-outcome",
        &[("outcome", outcome.as_str().into())],
    )
}

/// A status in words (in English, as test files write it).
fn status(status: Status, lang: Lang) -> String {
    text(
        lang,
        "test-report-verdict",
        &[("status", status.as_str().into())],
    )
}

/// Writes rows as aligned columns, each line indented, the first row dimmed as a header.
/// The last column is not padded.
fn table<const N: usize>(out: &mut String, rows: &[[String; N]], indent: &str, colour: bool) {
    let mut widths = [0; N];
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(display_width(cell));
        }
    }
    for (r, row) in rows.iter().enumerate() {
        let text = aligned(row, &widths);
        let text = match r {
            0 => paint(&text, DIM, colour),
            _ => text,
        };
        let _ = writeln!(out, "{indent}{text}");
    }
}

/// Cells padded to their column's width, separated by [`GAP`], trailing space removed.
fn aligned<const N: usize>(row: &[String; N], widths: &[usize; N]) -> String {
    let mut text = String::new();
    for (i, (cell, width)) in row.iter().zip(widths).enumerate() {
        text.push_str(cell);
        if i + 1 < N {
            let pad = width.saturating_sub(display_width(cell));
            text.extend(std::iter::repeat_n(' ', pad));
            text.push_str(GAP);
        }
    }
    text.trim_end().to_owned()
}

/// Columns a text takes in a terminal: East Asian wide characters take two.
fn display_width(text: &str) -> usize {
    text.chars().map(crate::diagnostics::char_width).sum()
}

// ------------------------------------------------------------------------------ coverage

/// The coverage table: every article with the rules citing it (or what holds it) and the
/// outcomes cases saw; then how many articles are accounted for and which rules were never
/// seen failing.
pub fn coverage(coverage: &Coverage, lang: Lang, colour: bool) -> String {
    let header = [
        "coverage-article",
        "coverage-title",
        "coverage-rule",
        "coverage-pass",
        "coverage-fail",
        "coverage-other",
    ];
    let mut rows = vec![header.map(|id| text(lang, id, &[]))];
    for article in &coverage.articles {
        article_rows(&mut rows, article, lang);
    }
    let mut out = String::new();
    table(&mut out, &rows, "", colour);
    let accounted = [
        ("accounted", coverage.accounted.into()),
        ("total", coverage.total.into()),
    ];
    let _ = writeln!(out, "\n{}", text(lang, "coverage-accounted", &accounted));
    never_failing(&mut out, &coverage.never_failing, lang, colour);
    out
}

fn article_rows(rows: &mut Vec<[String; 6]>, article: &ArticleCoverage, lang: Lang) {
    let label = article.label.clone();
    let title = article.title.clone().unwrap_or_default();
    if article.rules.is_empty() {
        let what = if article.held_by.is_empty() {
            text(lang, "coverage-not-accounted", &[])
        } else {
            let names = article.held_by.join(&text(lang, "coverage-separator", &[]));
            text(lang, "coverage-held-by", &[("names", names.into())])
        };
        rows.push([
            label,
            title,
            what,
            String::new(),
            String::new(),
            String::new(),
        ]);
        return;
    }
    for (i, rule) in article.rules.iter().enumerate() {
        let (label, title) = match i {
            0 => (label.clone(), title.clone()),
            _ => (String::new(), String::new()),
        };
        rows.push(rule_row(label, title, &article.label, rule));
    }
}

fn rule_row(label: String, title: String, article: &str, rule: &RuleCoverage) -> [String; 6] {
    let item = rule.cite.strip_prefix(article).unwrap_or_default();
    let name = match item {
        "" => rule.id.clone(),
        item => format!("{} {item}", rule.id),
    };
    [
        label,
        title,
        name,
        rule.pass.to_string(),
        rule.fail.to_string(),
        rule.other.to_string(),
    ]
}

fn never_failing(out: &mut String, rules: &[String], lang: Lang, colour: bool) {
    if rules.is_empty() {
        let _ = writeln!(out, "{}", text(lang, "coverage-never-failing-none", &[]));
        return;
    }
    let _ = writeln!(out, "{}", text(lang, "coverage-never-failing", &[]));
    for rule in rules {
        let _ = writeln!(out, "  {}", paint(rule, YELLOW, colour));
    }
}

/// Coverage as one line of JSON, with the pack directory it describes.
pub fn coverage_json(pack_dir: &str, coverage: &Coverage) -> String {
    #[derive(Serialize)]
    struct Located<'a> {
        format: &'static str,
        pack: &'a str,
        #[serde(flatten)]
        coverage: &'a Coverage,
    }
    let located = Located {
        format: super::coverage::FORMAT,
        pack: pack_dir,
        coverage,
    };
    serde_json::to_string(&located).unwrap_or_default()
}

// ------------------------------------------------------------------------------ colour

const GREEN: &str = "32";
const RED: &str = "31";
const YELLOW: &str = "33";
const DIM: &str = "2";

/// The text in an ANSI style, or as it is without colour.
fn paint(text: &str, code: &str, colour: bool) -> String {
    if colour {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("\u{7b2c}\u{516b}\u{6761}"), 6);
        assert_eq!(display_width("\u{ff08}\u{4e09}\u{ff09}"), 6);
    }
}
