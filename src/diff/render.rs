//! Diffs for people (text) and programs (JSON, `banfa.diff/1`). Presentation only: every
//! difference shown is already in the [`PackDiff`] or [`VerdictDiff`].

use std::fmt::Write as _;

use serde::Serialize;

use super::lines::{self, Line};
use super::{Change, Entry, FindingDiff, PackDiff, RuleDiff, Side, VerdictDiff};
use crate::render::style::{RESET, Style};
use crate::verdict::Outcome;

/// Indentation of an entry, and of the lines shown under it.
const ENTRY: &str = "  ";
const DETAIL: &str = "      ";

/// Renders a diff as one line of JSON, without a trailing newline.
pub fn json(diff: &impl Serialize) -> String {
    // Serializing cannot fail: every map key is a string and every value is plain data.
    serde_json::to_string(diff).unwrap_or_else(|error| {
        serde_json::json!({ "format": super::FORMAT, "error": error.to_string() }).to_string()
    })
}

/// Renders a declarations diff as text; every line ends in a newline.
pub fn text(diff: &PackDiff, colour: bool) -> String {
    let mut out = Out::new(colour);
    out.sides(&diff.a, &diff.b);
    let sections = [
        ("header", &diff.header),
        ("parameters", &diff.parameters),
        ("facts", &diff.facts),
        ("vocabularies", &diff.vocabularies),
        ("record fields", &diff.fields),
        ("articles", &diff.articles),
    ];
    for (title, entries) in sections {
        out.section(title, entries);
    }
    out.rules(&diff.rules);
    out.total(diff.len());
    out.text
}

/// Renders a verdict diff as text; every line ends in a newline.
pub fn verdict_text(diff: &VerdictDiff, colour: bool) -> String {
    let mut out = Out::new(colour);
    out.sides(&diff.a, &diff.b);
    let project = &diff.project;
    out.line(&format!("project: {} ({})", project.name, project.id));
    out.line(&format!("as of: {}", diff.as_of));
    let (a, b) = (diff.status.a.as_str(), diff.status.b.as_str());
    if a == b {
        out.line(&format!("status: {a} (both)"));
    } else {
        out.line(&format!("status: {a} → {b}"));
    }
    if !diff.findings.is_empty() {
        out.text.push('\n');
    }
    for finding in &diff.findings {
        out.finding(finding);
    }
    out.text.push('\n');
    match diff.findings.len() {
        0 if diff.is_empty() => out.line("the same verdict"),
        1 => out.line("1 finding differs"),
        n => out.line(&format!("{n} findings differ")),
    }
    out.text
}

/// How a change is coloured.
fn style_of_change(change: Change) -> Style {
    match change {
        Change::Added => Style::Green,
        Change::Removed | Change::Disabled => Style::Red,
        Change::Overridden | Change::Changed => Style::Yellow,
    }
}

/// How an outcome is coloured here: not applicable and notes stay plain.
fn style_of(outcome: Outcome) -> Option<Style> {
    match outcome {
        Outcome::NotApplicable | Outcome::Note => None,
        other => Style::of_outcome(other),
    }
}

/// Text on its way out.
struct Out {
    text: String,
    colour: bool,
}

impl Out {
    fn new(colour: bool) -> Self {
        Self {
            text: String::new(),
            colour,
        }
    }

    fn line(&mut self, line: &str) {
        self.styled(line, None);
    }

    fn styled(&mut self, line: &str, style: Option<Style>) {
        match style.filter(|_| self.colour) {
            Some(style) => {
                let _ = writeln!(self.text, "{}{line}{RESET}", style.code());
            }
            None => {
                let _ = writeln!(self.text, "{line}");
            }
        }
    }

    /// Which edition is which, with the chains they are built from.
    fn sides(&mut self, a: &Side, b: &Side) {
        self.line(&format!("a: {}", a.chain.join(" → ")));
        self.line(&format!("b: {}", b.chain.join(" → ")));
    }

    fn heading(&mut self, change: Change, text: &str) {
        let line = format!("{ENTRY}{} {text}", change.mark());
        self.styled(&line, Some(style_of_change(change)));
    }

    fn section(&mut self, title: &str, entries: &[Entry]) {
        if entries.is_empty() {
            return;
        }
        self.text.push('\n');
        self.styled(title, Some(Style::Bold));
        for entry in entries {
            self.entry(entry);
        }
    }

    /// A one-line entry as `name: old → new`; a longer one as its name, then its text or a
    /// line diff.
    fn entry(&mut self, entry: &Entry) {
        let (a, b) = (entry.a.as_deref(), entry.b.as_deref());
        let one_line = |text: Option<&str>| text.is_none_or(|t| !t.contains('\n'));
        if one_line(a) && one_line(b) {
            let value = match (a, b) {
                (Some(a), Some(b)) => format!("{a} → {b}"),
                (Some(only), None) | (None, Some(only)) => only.to_owned(),
                (None, None) => String::new(),
            };
            return self.heading(entry.change, &format!("{}: {value}", entry.name));
        }
        self.heading(entry.change, &entry.name);
        self.texts(a, b);
    }

    /// A declaration's text indented under its heading: B's alone, A's alone, or the line
    /// diff of the two.
    fn texts(&mut self, a: Option<&str>, b: Option<&str>) {
        match (a, b) {
            (Some(a), Some(b)) => {
                for line in lines::diff(a, b) {
                    let (mark, text, style) = match line {
                        Line::Same(text) => (" ", text, None),
                        Line::Old(text) => ("-", text, Some(Style::Red)),
                        Line::New(text) => ("+", text, Some(Style::Green)),
                    };
                    self.styled(&format!("{DETAIL}{mark} {text}"), style);
                }
            }
            (Some(only), None) | (None, Some(only)) => {
                for line in only.lines() {
                    self.line(&format!("{DETAIL}{line}"));
                }
            }
            (None, None) => {}
        }
    }

    /// A rule's finding under each edition that has the rule.
    fn finding(&mut self, finding: &FindingDiff) {
        let (a, b) = (finding.a.as_ref(), finding.b.as_ref());
        let cite = b.or(a).map_or("", |f| &f.cite);
        self.heading(finding.change, &format!("{}  {cite}", finding.rule));
        for (side, found) in [("a", a), ("b", b)] {
            let Some(found) = found else { continue };
            let outcome = found.outcome.as_str();
            let line = format!("{DETAIL}{side}: {outcome:<14}  {}", found.message);
            self.styled(&line, style_of(found.outcome));
        }
    }

    fn rules(&mut self, rules: &[RuleDiff]) {
        if rules.is_empty() {
            return;
        }
        self.text.push('\n');
        self.styled("rules", Some(Style::Bold));
        for rule in rules {
            self.rule(rule);
        }
    }

    fn rule(&mut self, rule: &RuleDiff) {
        let (a, b) = (rule.a.as_ref(), rule.b.as_ref());
        let cite = b.or(a).map_or("", |r| &r.cite);
        let how = match (rule.change, &rule.disabled) {
            (Change::Disabled, Some(d)) => format!("disabled by {}: {}", d.by, d.reason),
            (Change::Added, _) => format!("from {}", b.map_or("", |r| &r.origin)),
            (Change::Overridden, _) => format!("overridden by {}", b.map_or("", |r| &r.origin)),
            (change, _) => change.as_str().to_owned(),
        };
        self.heading(rule.change, &format!("{}  {cite}  {how}", rule.id));
        if rule.change != Change::Disabled {
            self.texts(a.map(|r| &*r.text), b.map(|r| &*r.text));
        }
    }

    fn total(&mut self, count: usize) {
        self.text.push('\n');
        match count {
            0 => self.line("no differences"),
            1 => self.line("1 difference"),
            n => self.line(&format!("{n} differences")),
        }
    }
}
