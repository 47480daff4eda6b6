//! The text verdict, for people: a header, the status, then the findings grouped by kind,
//! each with the facts it read and, on request, the article it applies.

use std::fmt::Write as _;

use crate::pack::{Article, Pack};
use crate::value::write_date;
use crate::verdict::{Finding, Kind, Outcome, Status, Verdict};

use super::labels::{CHINESE, Labels};

/// How to render a text verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextOptions {
    /// Colour marks and the status with ANSI escapes.
    pub colour: bool,
    /// Quote the cited article under each finding that fails or is unknown.
    pub explain: bool,
}

/// The order in which groups of findings are printed.
const KINDS: [Kind; 4] = [
    Kind::Scope,
    Kind::Requirement,
    Kind::Suspension,
    Kind::Advisory,
];

/// Indentation of a finding, of what is listed under it, and of quoted article text.
const FINDING: &str = "  ";
const DETAIL: &str = "      ";
const QUOTE: &str = "        ";

/// Renders a verdict as text. Every line, the last included, ends in a newline.
pub fn text(verdict: &Verdict, pack: &Pack, options: &TextOptions) -> String {
    let mut out = Out {
        text: String::new(),
        labels: &CHINESE,
        colour: options.colour,
        quoted: Vec::new(),
        base: None,
    };
    out.header(verdict);
    for kind in KINDS {
        out.group(verdict, kind, pack, options.explain);
    }
    out.closing(verdict);
    out.text
}

use super::style::{RESET, Style};

/// The text being built.
struct Out<'a> {
    text: String,
    labels: &'a Labels,
    colour: bool,
    /// Articles already quoted: each is quoted once, then referred to.
    quoted: Vec<u32>,
    /// The most general edition of the chain, when there is more than one: rules from any
    /// other edition are marked with their origin.
    base: Option<String>,
}

impl Out<'_> {
    /// Appends `s` in `style` when colour is on, plain otherwise.
    fn paint(&mut self, style: Option<Style>, s: &str) {
        match style {
            Some(style) if self.colour => {
                self.text.push_str(style.code());
                self.text.push_str(s);
                self.text.push_str(RESET);
            }
            _ => self.text.push_str(s),
        }
    }

    /// `label` then `rest`, on a line of their own.
    fn line(&mut self, indent: &str, label: &str, rest: &str) {
        let _ = writeln!(self.text, "{indent}{label}{rest}");
    }

    fn header(&mut self, verdict: &Verdict) {
        let l = self.labels;
        let (open, close) = l.parens;
        let project = &verdict.project;
        self.line(
            "",
            l.project,
            &format!("{}{open}{}{close}", project.name, project.id),
        );
        let pack = &verdict.pack;
        let edition = format!("{} · {} · {}", pack.name, pack.edition, pack.version);
        self.line("", l.pack, &edition);
        self.line("", l.chain, &pack.chain.join(" → "));
        if let (true, Some(base)) = (pack.chain.len() > 1, pack.chain.last()) {
            self.line("", l.origins.0, &format!("{}{base}", l.origins.1));
            self.base = Some((*base).to_owned());
        }
        let mut date = String::with_capacity(10);
        write_date(verdict.as_of, &mut date);
        self.line("", l.as_of, &date);
        self.status(verdict.status);
    }

    fn status(&mut self, status: Status) {
        let (open, close) = self.labels.parens;
        self.text.push_str(self.labels.status);
        let name = self.labels.status_name(status);
        self.paint(Some(Style::of_status(status)), name);
        let _ = writeln!(self.text, "{open}{}{close}", status.as_str());
    }

    /// The findings of one kind, in pack order, under a heading; nothing if there are none.
    fn group(&mut self, verdict: &Verdict, kind: Kind, pack: &Pack, explain: bool) {
        let mut findings = verdict
            .findings
            .iter()
            .filter(|f| f.kind == kind)
            .peekable();
        if findings.peek().is_none() {
            return;
        }
        self.text.push('\n');
        self.paint(Some(Style::Bold), self.labels.kind_heading(kind));
        self.text.push('\n');
        for finding in findings {
            self.finding(finding, pack, explain);
        }
    }

    fn finding(&mut self, finding: &Finding, pack: &Pack, explain: bool) {
        let style = Style::of_outcome(finding.outcome);
        self.text.push_str(FINDING);
        self.paint(style, self.labels.mark(finding.outcome));
        let rest = format!(
            " {}  {}{}  {}",
            finding.cite,
            finding.rule,
            self.origin(finding),
            finding.message
        );
        let dim = matches!(finding.outcome, Outcome::NotApplicable);
        self.paint(if dim { style } else { None }, &rest);
        self.text.push('\n');
        if matches!(finding.outcome, Outcome::Fail | Outcome::Unknown) {
            self.facts(finding);
            if explain {
                self.parameters(finding);
                self.explain(finding, pack);
            }
        }
    }

    /// `〔edition@version〕` after a rule that does not come from the most general edition.
    fn origin(&self, finding: &Finding) -> String {
        let Some(base) = &self.base else {
            return String::new();
        };
        if finding.origin == base.as_str() {
            return String::new();
        }
        let replaced = if finding.replaced.is_some() {
            self.labels.overrides
        } else {
            ""
        };
        let (open, close) = self.labels.parens;
        format!("{open}{}{replaced}{close}", finding.origin)
    }

    /// The facts a finding read and, for an unknown one, the paths that were missing.
    fn facts(&mut self, finding: &Finding) {
        for read in &finding.facts {
            let _ = writeln!(self.text, "{DETAIL}{} = {}", read.path, read.value);
        }
        if finding.outcome == Outcome::Unknown && !finding.missing.is_empty() {
            let paths = self.join(finding.missing.iter());
            self.line(DETAIL, self.labels.missing, &paths);
        }
    }

    /// The parameters a finding used: value and the edition that set it, so a deadline
    /// a county moved is traced to the county.
    fn parameters(&mut self, finding: &Finding) {
        let (open, close) = self.labels.parens;
        for parameter in finding.parameters {
            let line = format!(
                "{} = {}{open}{}{close}",
                parameter.name, parameter.value, parameter.origin
            );
            self.line(DETAIL, self.labels.parameter, &line);
        }
    }

    /// The cited article's text and, if the finding cites an item, the item's.
    fn explain(&mut self, finding: &Finding, pack: &Pack) {
        let Some(article) = pack.articles.iter().find(|a| a.number == finding.article) else {
            return;
        };
        if self.quoted.contains(&article.number) {
            self.line(DETAIL, self.labels.quoted_above, &article_heading(article));
        } else {
            self.quoted.push(article.number);
            self.line(DETAIL, self.labels.original, &article_heading(article));
            self.quote(&article.text);
        }
        let item = finding
            .item
            .and_then(|number| article.items.iter().find(|i| i.number == number));
        if let Some(item) = item {
            self.quote(&format!("{}{}", item.label, item.text));
        }
    }

    /// Quoted text, every line indented.
    fn quote(&mut self, text: &str) {
        for line in text.lines().map(str::trim_end).filter(|l| !l.is_empty()) {
            let _ = writeln!(self.text, "{QUOTE}{line}");
        }
    }

    /// For a suspended or undetermined verdict, what to supply to decide it.
    fn closing(&mut self, verdict: &Verdict) {
        if !verdict.disabled.is_empty() {
            let (open, close) = self.labels.parens;
            let (label, colon) = self.labels.disabled;
            let rules = verdict
                .disabled
                .iter()
                .map(|d| format!("{}{open}{}{colon}{}{close}", d.rule, d.by, d.reason));
            let rules = self.join(rules);
            self.text.push('\n');
            self.line("", label, &rules);
        }
        if !verdict.suggested_editions.is_empty() {
            let (before, after) = self.labels.suggest;
            let editions = verdict
                .suggested_editions
                .iter()
                .map(|e| format!("--edition {e}"));
            let editions = self.join(editions);
            self.text.push('\n');
            self.line("", before, &format!("{editions}{after}"));
        }
        let open = matches!(verdict.status, Status::Suspended | Status::Undetermined);
        if open && !verdict.missing.is_empty() {
            let paths = self.join(verdict.missing.iter());
            self.text.push('\n');
            self.line("", self.labels.supply, &paths);
        }
    }

    fn join<T: std::fmt::Display>(&self, items: impl Iterator<Item = T>) -> String {
        let items: Vec<String> = items.map(|item| item.to_string()).collect();
        items.join(self.labels.separator)
    }
}

/// The article's label and title, or the label alone when it has no title.
fn article_heading(article: &Article) -> String {
    match &article.title {
        Some(title) => format!("{} {title}", article.label),
        None => article.label.to_string(),
    }
}
