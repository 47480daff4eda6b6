//! The text verdict, for people: a header, the status and a count of outcomes, then the
//! findings grouped by kind, each with the facts it read (fields by their labels, values as
//! people write them) and, on request, the article it applies; last, a legend of the marks.

use std::fmt::Write as _;

use crate::pack::{Article, Pack, RecordType};
use crate::value::write_date;
use crate::verdict::{Finding, Kind, Outcome, Status, Verdict};

use super::facts::{write_path, write_value};
use super::labels::Labels;
use crate::i18n::Lang;

/// How to render a text verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextOptions {
    /// Colour marks and the status with ANSI escapes.
    pub colour: bool,
    /// Quote the cited article under each finding that fails or is unknown.
    pub explain: bool,
    /// Show each rule's id at the end of its line, uncoloured. Without it a colour terminal
    /// shows the ids dim, and plain text none.
    pub ids: bool,
    /// The language of the words that are not the pack's (labels, headings, the legend).
    pub lang: Lang,
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

/// The summary's counts, in the order of the statuses they lead to (a trigger that fires,
/// a duty that fails, a fact that is missing), then what is open or settled. A failing
/// suspension finding counts apart from other failures; the kind given is otherwise only a
/// representative.
const TALLY: [(Kind, Outcome); 7] = [
    (Kind::Suspension, Outcome::Fail),
    (Kind::Requirement, Outcome::Fail),
    (Kind::Requirement, Outcome::Unknown),
    (Kind::Requirement, Outcome::Pending),
    (Kind::Advisory, Outcome::Note),
    (Kind::Requirement, Outcome::Pass),
    (Kind::Requirement, Outcome::NotApplicable),
];

/// The legend's order: that of [`Outcome`].
const MARKS: [Outcome; 6] = [
    Outcome::Pass,
    Outcome::Fail,
    Outcome::Pending,
    Outcome::Unknown,
    Outcome::NotApplicable,
    Outcome::Note,
];

/// Renders a verdict as text. Every line, the last included, ends in a newline.
pub fn text(verdict: &Verdict, pack: &Pack, options: &TextOptions) -> String {
    let mut out = Out {
        text: String::new(),
        labels: Labels::of(options.lang),
        colour: options.colour,
        ids: options.ids,
        schema: &pack.schema,
        quoted: Vec::new(),
        base: None,
    };
    out.header(verdict);
    out.summary(&verdict.findings);
    for kind in KINDS {
        out.group(verdict, kind, pack, options.explain);
    }
    out.closing(verdict);
    out.legend(&verdict.findings);
    out.text
}

use super::style::{RESET, Style};

/// The text being built.
struct Out<'a> {
    text: String,
    labels: &'a Labels,
    colour: bool,
    ids: bool,
    /// The record's format, for the labels of fields.
    schema: &'a RecordType,
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

    /// One line of counts: how many findings have each outcome, only those that occur.
    fn summary(&mut self, findings: &[Finding]) {
        if findings.is_empty() {
            return;
        }
        let l = self.labels;
        self.text.push_str(l.summary);
        if findings.iter().all(|f| f.outcome == Outcome::Pass) {
            let (before, after) = l.all_passed;
            let all = format!("{before}{}{after}", findings.len());
            self.paint(Style::of_outcome(Outcome::Pass), &all);
            self.text.push('\n');
            return;
        }
        let mut first = true;
        for (kind, outcome) in TALLY {
            let count = findings
                .iter()
                .filter(|f| tally(f.kind, f.outcome) == tally(kind, outcome))
                .count();
            if count == 0 {
                continue;
            }
            if !first {
                self.text.push_str(l.separator);
            }
            first = false;
            let words = format!("{count}{}{}", l.counter, l.meaning(kind, outcome));
            self.paint(Style::of_outcome(outcome), &words);
        }
        self.text.push('\n');
    }

    fn finding(&mut self, finding: &Finding, pack: &Pack, explain: bool) {
        let style = Style::of_outcome(finding.outcome);
        self.text.push_str(FINDING);
        self.paint(style, self.labels.mark(finding.outcome));
        let rest = format!(
            " {}{}  {}",
            finding.cite,
            self.origin(finding),
            finding.message
        );
        let dim = matches!(finding.outcome, Outcome::NotApplicable);
        self.paint(if dim { style } else { None }, &rest);
        self.id(finding.rule, "  ");
        self.text.push('\n');
        if matches!(finding.outcome, Outcome::Fail | Outcome::Unknown) {
            self.facts(finding);
            self.decided_by_record(finding);
            if explain {
                self.parameters(finding);
                self.explain(finding, pack);
            }
        }
    }

    /// A rule's id after `gap`: plain with `--ids`, dim on a colour terminal, else nothing.
    fn id(&mut self, rule: &str, gap: &str) {
        let (open, close) = self.labels.id;
        let id = format!("{gap}{open}{rule}{close}");
        match (self.ids, self.colour) {
            (true, _) => self.text.push_str(&id),
            (false, true) => self.paint(Some(Style::Dim), &id),
            (false, false) => {}
        }
    }

    /// `（edition@version）` after a rule that does not come from the most general edition.
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

    /// The facts a finding read and, for an unknown one, the fields that were missing.
    fn facts(&mut self, finding: &Finding) {
        for read in &finding.facts {
            self.text.push_str(DETAIL);
            write_path(&read.path, self.schema, self.labels, &mut self.text);
            self.text.push_str(self.labels.is);
            write_value(read.value, self.labels, &mut self.text);
            self.text.push('\n');
        }
        if finding.outcome == Outcome::Unknown && !finding.missing.is_empty() {
            let fields = self.fields(&finding.missing);
            self.line(DETAIL, self.labels.missing, &fields);
        }
    }

    /// The other record that decided a finding, and where it came from.
    fn decided_by_record(&mut self, finding: &Finding) {
        let Some(record) = &finding.decided_by_record else {
            return;
        };
        let line = match &record.source {
            Some(source) => {
                let (open, close) = self.labels.parens;
                format!("{}{open}{}{close}", record.id, source.file)
            }
            None => record.id.to_owned(),
        };
        self.line(DETAIL, self.labels.decided_by_record, &line);
    }

    /// Fields by their labels, with their paths, in a list.
    fn fields(&self, paths: &[crate::verdict::FactPath]) -> String {
        let mut out = String::new();
        for (i, path) in paths.iter().enumerate() {
            if i > 0 {
                out.push_str(self.labels.separator);
            }
            write_path(path, self.schema, self.labels, &mut out);
        }
        out
    }

    /// The parameters a finding used: value and the edition that set it, so a deadline
    /// a county moved is traced to the county.
    fn parameters(&mut self, finding: &Finding) {
        let (open, close) = self.labels.parens;
        for parameter in finding.parameters {
            let mut value = String::new();
            write_value(&parameter.value, self.labels, &mut value);
            let line = format!(
                "{} = {value}{open}{}{close}",
                parameter.name, parameter.origin
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

    /// The rules taken out of force, the editions to use instead, and, for a suspended or
    /// undetermined verdict, what to supply to decide it.
    fn closing(&mut self, verdict: &Verdict) {
        if !verdict.disabled.is_empty() {
            let (open, close) = self.labels.parens;
            let (label, colon) = self.labels.disabled;
            self.text.push('\n');
            self.text.push_str(label);
            for (i, rule) in verdict.disabled.iter().enumerate() {
                if i > 0 {
                    self.text.push_str(self.labels.separator);
                }
                self.text.push_str(&rule.article);
                self.id(&rule.rule, "");
                let why = format!("{open}{}{colon}{}{close}", rule.by, rule.reason);
                self.text.push_str(&why);
            }
            self.text.push('\n');
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
            let fields = self.fields(&verdict.missing);
            self.text.push('\n');
            self.line("", self.labels.supply, &fields);
        }
    }

    /// The marks the findings above use, each with what it means there.
    fn legend(&mut self, findings: &[Finding]) {
        let l = self.labels;
        let (label, or, between) = l.legend;
        let mut first = true;
        for outcome in MARKS {
            let mut meanings: Vec<&str> = Vec::new();
            for finding in findings.iter().filter(|f| f.outcome == outcome) {
                let meaning = l.meaning(finding.kind, outcome);
                if !meanings.contains(&meaning) {
                    meanings.push(meaning);
                }
            }
            if meanings.is_empty() {
                continue;
            }
            meanings.sort_by_key(|m| *m != l.meaning(Kind::Requirement, outcome));
            self.text.push_str(if first { "\n" } else { between });
            if first {
                self.text.push_str(label);
            }
            first = false;
            self.paint(Style::of_outcome(outcome), l.mark(outcome));
            let _ = write!(self.text, " {}", meanings.join(or));
        }
        if !first {
            self.text.push('\n');
        }
    }

    fn join<T: std::fmt::Display>(&self, items: impl Iterator<Item = T>) -> String {
        let items: Vec<String> = items.map(|item| item.to_string()).collect();
        items.join(self.labels.separator)
    }
}

/// Which count of the summary a finding adds to: its outcome, and for a failure whether a
/// suspension trigger fires.
fn tally(kind: Kind, outcome: Outcome) -> (Outcome, bool) {
    (
        outcome,
        kind == Kind::Suspension && outcome == Outcome::Fail,
    )
}

/// The article's label and title, or the label alone when it has no title.
fn article_heading(article: &Article) -> String {
    match &article.title {
        Some(title) => format!("{} {title}", article.label),
        None => article.label.to_string(),
    }
}
