//! Diffs for people (text, in their language) and programs (JSON, `banfa.diff/1`).
//! Presentation only: every difference shown is already in the [`PackDiff`] or
//! [`VerdictDiff`]; the words around it come from the catalogue (`diff-text-…`).

use std::fmt::Write as _;

use serde::Serialize;

use super::lines::{self, Line};
use super::{Change, Entry, FindingDiff, PackDiff, RuleDiff, Side, VerdictDiff};
use crate::i18n::{Arg, Lang};
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

/// Columns the outcome takes in a finding's line, so that the messages line up.
const OUTCOME_WIDTH: usize = 14;

/// Renders a declarations diff as text; every line ends in a newline.
pub fn text(diff: &PackDiff, lang: Lang, colour: bool) -> String {
    let mut out = Out::new(lang, colour);
    out.sides(&diff.a, &diff.b);
    let sections = [
        ("diff-text-header", &diff.header),
        ("diff-text-parameters", &diff.parameters),
        ("diff-text-facts", &diff.facts),
        ("diff-text-relations", &diff.relations),
        ("diff-text-vocabularies", &diff.vocabularies),
        ("diff-text-fields", &diff.fields),
        ("diff-text-articles", &diff.articles),
    ];
    for (title, entries) in sections {
        out.section(&out.word(title, &[]), entries);
    }
    out.rules(&diff.rules);
    out.total(diff.len());
    out.text
}

/// Renders a verdict diff as text; every line ends in a newline.
pub fn verdict_text(diff: &VerdictDiff, lang: Lang, colour: bool) -> String {
    let mut out = Out::new(lang, colour);
    out.sides(&diff.a, &diff.b);
    let project = [
        ("name", Arg::from(diff.project.name.as_str())),
        ("id", diff.project.id.as_str().into()),
    ];
    out.line(&out.word("diff-text-project", &project));
    let as_of = [("date", diff.as_of.to_string().into())];
    out.line(&out.word("diff-text-as-of", &as_of));
    let status = |status: crate::verdict::Status| {
        out.word("diff-text-verdict", &[("status", status.as_str().into())])
    };
    let (a, b) = (status(diff.status.a), status(diff.status.b));
    let line = if diff.status.a == diff.status.b {
        out.word("diff-text-status-same", &[("status", a.into())])
    } else {
        out.word(
            "diff-text-status-changed",
            &[("a", a.into()), ("b", b.into())],
        )
    };
    out.line(&line);
    if !diff.findings.is_empty() {
        out.text.push('\n');
    }
    for finding in &diff.findings {
        out.finding(finding);
    }
    out.text.push('\n');
    let total = match diff.findings.len() {
        0 if diff.is_empty() => out.word("diff-text-same-verdict", &[]),
        count => out.word("diff-text-findings-differ", &[("count", count.into())]),
    };
    out.line(&total);
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

/// Text on its way out, in a language.
struct Out {
    text: String,
    lang: Lang,
    colour: bool,
}

impl Out {
    fn new(lang: Lang, colour: bool) -> Self {
        Self {
            text: String::new(),
            lang,
            colour,
        }
    }

    /// A word or phrase of the catalogue in the diff's language.
    fn word(&self, id: &'static str, args: &[(&'static str, Arg)]) -> String {
        crate::i18n::text(self.lang, id, args)
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
        for (name, side) in [("a", a), ("b", b)] {
            let args = [
                ("side", name.into()),
                ("chain", side.chain.join(" → ").into()),
            ];
            self.line(&self.word("diff-text-side", &args));
        }
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
            let outcome = [("outcome", found.outcome.as_str().into())];
            let outcome = padded(&self.word("diff-text-outcome", &outcome), OUTCOME_WIDTH);
            let args = [("side", side.into()), ("outcome", outcome.into())];
            let found_by = self.word("diff-text-found", &args);
            let line = format!("{DETAIL}{found_by}  {}", found.message);
            self.styled(&line, style_of(found.outcome));
        }
    }

    fn rules(&mut self, rules: &[RuleDiff]) {
        if rules.is_empty() {
            return;
        }
        self.text.push('\n');
        self.styled(&self.word("diff-text-rules", &[]), Some(Style::Bold));
        for rule in rules {
            self.rule(rule);
        }
    }

    fn rule(&mut self, rule: &RuleDiff) {
        let (a, b) = (rule.a.as_ref(), rule.b.as_ref());
        let cite = b.or(a).map_or("", |r| &r.cite);
        let origin = || ("origin", Arg::from(b.map_or("", |r| &*r.origin)));
        let how = match (rule.change, &rule.disabled) {
            (Change::Disabled, Some(d)) => {
                let args = [
                    ("by", d.by.as_str().into()),
                    ("reason", d.reason.as_str().into()),
                ];
                self.word("diff-text-disabled-by", &args)
            }
            (Change::Added, _) => self.word("diff-text-from", &[origin()]),
            (Change::Overridden, _) => self.word("diff-text-overridden-by", &[origin()]),
            (change, _) => self.word("diff-text-change", &[("change", change.as_str().into())]),
        };
        self.heading(rule.change, &format!("{}  {cite}  {how}", rule.id));
        if rule.change != Change::Disabled {
            self.texts(a.map(|r| &*r.text), b.map(|r| &*r.text));
        }
    }

    fn total(&mut self, count: usize) {
        self.text.push('\n');
        let total = match count {
            0 => self.word("diff-text-no-differences", &[]),
            count => self.word("diff-text-differences", &[("count", count.into())]),
        };
        self.line(&total);
    }
}

/// The text followed by spaces up to `width` terminal columns (East Asian wide characters
/// take two).
fn padded(text: &str, width: usize) -> String {
    let taken: usize = text.chars().map(crate::diagnostics::char_width).sum();
    let pad = width.saturating_sub(taken);
    format!("{text}{}", " ".repeat(pad))
}
