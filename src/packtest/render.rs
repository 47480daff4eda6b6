//! Printing test reports and coverage: text for policy staff, JSON for programs. Everything
//! shown is already in the [`Report`] or [`Coverage`].

use std::fmt::Write as _;

use serde::Serialize;

use super::coverage::{ArticleCoverage, Coverage, RuleCoverage};
use super::run::{Actual, CaseResult, CaseVerdict, Mismatch, Report};
use super::{Expectation, Target};

/// How far tables under a case are indented.
const INDENT: &str = "    ";

/// Column gap in tables.
const GAP: &str = "  ";

/// One line per case (`PASS name`, `FAIL name`, `ERROR name`); under a failure, where the
/// case is and a table of what differs. Every line ends in a newline.
pub fn report(report: &Report, colour: bool) -> String {
    let mut out = String::new();
    for result in &report.results {
        case(&mut out, result, colour);
    }
    out
}

fn case(out: &mut String, result: &CaseResult, colour: bool) {
    let title = result.case.title();
    match &result.verdict {
        CaseVerdict::Passed => line(out, &paint("PASS", GREEN, colour), &title),
        CaseVerdict::Failed(mismatches) => {
            line(out, &paint("FAIL", RED, colour), &title);
            let _ = writeln!(out, "{INDENT}at {}", result.case.location());
            table(out, &differences(mismatches), INDENT, colour);
            out.push('\n');
        }
        CaseVerdict::Error => {
            line(out, &paint("ERROR", RED, colour), &title);
            let _ = writeln!(
                out,
                "{INDENT}at {} (see the diagnostics)",
                result.case.location()
            );
        }
    }
}

fn line(out: &mut String, mark: &str, title: &str) {
    let _ = writeln!(out, "{mark} {title}");
}

/// The rows of a failure's table: a header, then one row per difference (a citation with
/// several findings gives one row each).
fn differences(mismatches: &[Mismatch]) -> Vec<[String; 4]> {
    let mut rows = vec![["key", "expected", "actual", "message"].map(str::to_owned)];
    for mismatch in mismatches {
        match mismatch {
            Mismatch::Status { expected, actual } => rows.push([
                "status".to_owned(),
                expected.as_str().to_owned(),
                actual.as_str().to_owned(),
                String::new(),
            ]),
            Mismatch::Finding { expected, actual } => finding_rows(&mut rows, expected, actual),
        }
    }
    rows
}

fn finding_rows(rows: &mut Vec<[String; 4]>, expected: &Expectation, actual: &[Actual]) {
    let wanted = expectation(expected);
    if actual.is_empty() {
        let none = ["(no finding)", "no rule of this id is in force"].map(str::to_owned);
        let [outcome, message] = none;
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
        rows.push([key, wanted, finding.outcome.as_str().to_owned(), message]);
    }
}

/// What an expectation asks for: `fail`, `fail saying “…”`, or `saying “…”`.
fn expectation(expected: &Expectation) -> String {
    match (expected.outcome, &expected.message) {
        (Some(outcome), None) => outcome.as_str().to_owned(),
        (Some(outcome), Some(message)) => format!("{} saying “{message}”", outcome.as_str()),
        (None, Some(message)) => format!("saying “{message}”"),
        (None, None) => "anything".to_owned(),
    }
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
pub fn coverage(coverage: &Coverage, colour: bool) -> String {
    let mut rows = vec![
        [
            "article",
            "title",
            "rule or held by",
            "pass",
            "fail",
            "other",
        ]
        .map(str::to_owned),
    ];
    for article in &coverage.articles {
        article_rows(&mut rows, article);
    }
    let mut out = String::new();
    table(&mut out, &rows, "", colour);
    let _ = writeln!(
        out,
        "\narticles accounted for: {}/{}",
        coverage.accounted, coverage.total
    );
    never_failing(&mut out, &coverage.never_failing, colour);
    out
}

fn article_rows(rows: &mut Vec<[String; 6]>, article: &ArticleCoverage) {
    let label = article.label.clone();
    let title = article.title.clone().unwrap_or_default();
    if article.rules.is_empty() {
        let what = if article.held_by.is_empty() {
            "(not accounted for)".to_owned()
        } else {
            format!("held by {}", article.held_by.join(", "))
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

fn never_failing(out: &mut String, rules: &[String], colour: bool) {
    if rules.is_empty() {
        out.push_str("rules never seen failing: none\n");
        return;
    }
    out.push_str("rules never seen failing:\n");
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
