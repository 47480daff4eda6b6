//! The annual review: the verdicts of a batch of records → a reviewer's ledger (`banfa
//! review`). What the ledger holds is decided here, once; how it looks is each renderer's:
//! [`text`] for the terminal, [`table`] for CSV, [`xlsx`] for a workbook, [`html`] for a
//! self-contained report.
//!
//! A ledger keeps, per record, what a reviewer acts on: its status, the requirements it
//! fails, the suspension triggers that fire (and which other record decided them), the
//! findings left unknown and the facts they need, and whether the project may enter the
//! plan being compiled. It owns its data, so verdicts are dropped as they are added and a
//! batch of any size costs a few hundred bytes a record.
//!
//! A project may enter the plan when it is in scope, not suspended, and fails no
//! requirement, and nothing it needs is unknown: a verdict that is `undetermined` is not a
//! yes. With a plan year, only the records planned for that year (the pack's `plan_field`)
//! are candidates; the others still count as the unit's projects.

pub mod html;
pub mod table;
pub mod text;
pub mod xlsx;

use chrono::NaiveDate;

use crate::i18n::{Arg, Lang};
use crate::verdict::{Kind, Outcome, Status, Verdict};

/// Statuses in the order a ledger lists them (the order of precedence).
pub const STATUSES: [Status; 5] = [
    Status::OutOfScope,
    Status::Suspended,
    Status::NonCompliant,
    Status::Undetermined,
    Status::Compliant,
];

/// The ledger of one review.
#[derive(Debug, Clone)]
pub struct Ledger {
    /// The evaluation date.
    pub as_of: NaiveDate,
    /// The pack that decided: `edition@version`.
    pub pack: String,
    /// The plan year the review selects candidates for, if any.
    pub planned_for: Option<i64>,
    /// The language of the ledger's words.
    pub lang: Lang,
    /// Every record evaluated, in input order.
    pub projects: Vec<Project>,
    /// Every record that could not be evaluated, in input order.
    pub refused: Vec<Refused>,
}

/// One evaluated record, as the ledger keeps it.
#[derive(Debug, Clone)]
pub struct Project {
    /// The record's `id`.
    pub id: String,
    /// The project's name.
    pub name: String,
    /// Whose project it is, where the schema says.
    pub unit: String,
    /// Which jurisdiction, where the schema says.
    pub jurisdiction: String,
    /// Where the record came from.
    pub source: String,
    /// The verdict's status.
    pub status: Status,
    /// The year the project is planned for, where the pack says which field holds it.
    pub planned_for: Option<i64>,
    /// Every finding but those that do not apply, in pack order.
    pub findings: Vec<Cited>,
    /// The facts whose absence left findings unknown.
    pub missing: Vec<String>,
}

impl Project {
    /// What the ledger keeps of a verdict: `source` names where its record came from,
    /// `planned_for` the year its record is planned for.
    pub fn of(verdict: &Verdict, source: String, planned_for: Option<i64>) -> Self {
        let findings = verdict
            .findings
            .iter()
            .filter(|f| f.outcome != Outcome::NotApplicable)
            .map(|f| Cited {
                rule: f.rule.to_owned(),
                cite: f.cite.to_owned(),
                title: f.title.map(str::to_owned),
                kind: f.kind,
                outcome: f.outcome,
                message: f.message.to_string(),
                decided_by: f.decided_by_record.map(|r| r.id.to_owned()),
            })
            .collect();
        Project {
            id: verdict.project.id.to_owned(),
            name: verdict.project.name.to_owned(),
            unit: verdict.project.unit.unwrap_or_default().to_owned(),
            jurisdiction: verdict.project.jurisdiction.unwrap_or_default().to_owned(),
            source,
            status: verdict.status,
            planned_for,
            findings,
            missing: verdict.missing.iter().map(ToString::to_string).collect(),
        }
    }
}

/// A finding as the ledger keeps it.
#[derive(Debug, Clone)]
pub struct Cited {
    /// The rule's id.
    pub rule: String,
    /// The citation, as the rule cites its article and item.
    pub cite: String,
    /// The rule's title, if it has one.
    pub title: Option<String>,
    /// The rule's kind.
    pub kind: Kind,
    /// The outcome.
    pub outcome: Outcome,
    /// The finding's message.
    pub message: String,
    /// The other record that decided it, if one did: its id.
    pub decided_by: Option<String>,
}

impl Cited {
    /// Whether the finding fails a requirement.
    pub fn fails(&self) -> bool {
        self.kind == Kind::Requirement && self.outcome == Outcome::Fail
    }

    /// Whether the finding is a suspension trigger that fires.
    pub fn triggers(&self) -> bool {
        self.kind == Kind::Suspension && self.outcome == Outcome::Fail
    }

    /// The citation, with the deciding record where there is one: `CITE（ID）`.
    pub fn cite_with_record(&self, lang: Lang) -> String {
        match &self.decided_by {
            Some(id) => word(
                lang,
                "review-decided-by",
                &[
                    ("cite", self.cite.as_str().into()),
                    ("id", id.as_str().into()),
                ],
            ),
            None => self.cite.clone(),
        }
    }
}

/// A record that could not be evaluated.
#[derive(Debug, Clone)]
pub struct Refused {
    /// Where it came from.
    pub source: String,
    /// The first problem's code.
    pub code: String,
    /// The first problem, in the ledger's language.
    pub message: String,
}

/// Whether a project may enter the plan, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// It may.
    Eligible,
    /// It is planned for another year (or for none): not a candidate.
    OtherYear,
    /// The regulation does not apply to it.
    OutOfScope,
    /// Suspension triggers fire: their citations.
    Suspended(Vec<String>),
    /// Requirements fail: their citations.
    NonCompliant(Vec<String>),
    /// Findings are unknown: the facts to supply.
    Undetermined(Vec<String>),
}

impl Ledger {
    /// An empty ledger.
    pub fn new(as_of: NaiveDate, pack: String, planned_for: Option<i64>, lang: Lang) -> Self {
        Ledger {
            as_of,
            pack,
            planned_for,
            lang,
            projects: Vec::new(),
            refused: Vec::new(),
        }
    }

    /// Adds a verdict: `source` names where its record came from, `planned_for` the year its
    /// record is planned for.
    pub fn add(&mut self, verdict: &Verdict, source: String, planned_for: Option<i64>) {
        self.projects
            .push(Project::of(verdict, source, planned_for));
    }

    /// Adds a record that could not be evaluated.
    pub fn refuse(&mut self, source: String, code: String, message: String) {
        self.refused.push(Refused {
            source,
            code,
            message,
        });
    }

    /// How many records have each status, in [`STATUSES`] order.
    pub fn counts(&self) -> [(Status, usize); 5] {
        STATUSES.map(|status| {
            let n = self.projects.iter().filter(|p| p.status == status).count();
            (status, n)
        })
    }

    /// The rules that fail (requirements) or fire (triggers) in the most records, most
    /// first (ties in the order first met): the finding's rule, citation and title, and
    /// how many records.
    pub fn failing_rules(&self) -> Vec<(&Cited, usize)> {
        let mut rules: Vec<(&Cited, usize)> = Vec::new();
        let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for finding in self.projects.iter().flat_map(|p| &p.findings) {
            if !(finding.fails() || finding.triggers()) {
                continue;
            }
            let next = rules.len();
            let at = *index.entry(&finding.rule).or_insert(next);
            match rules.get_mut(at) {
                Some((_, count)) => *count += 1,
                None => rules.push((finding, 1)),
            }
        }
        rules.sort_by_key(|r| std::cmp::Reverse(r.1));
        rules
    }

    /// The units, in the order first met: each with its projects.
    pub fn units(&self) -> Vec<Unit<'_>> {
        let mut units: Vec<Unit<'_>> = Vec::new();
        let mut index: std::collections::HashMap<(&str, &str), usize> =
            std::collections::HashMap::new();
        for project in &self.projects {
            let key = (project.unit.as_str(), project.jurisdiction.as_str());
            let next = units.len();
            let at = *index.entry(key).or_insert(next);
            if at == next {
                units.push(Unit {
                    unit: &project.unit,
                    jurisdiction: &project.jurisdiction,
                    projects: Vec::new(),
                });
            }
            if let Some(unit) = units.get_mut(at) {
                unit.projects.push(project);
            }
        }
        units
    }

    /// Whether a project may enter the plan ([`Plan`]).
    pub fn plan(&self, project: &Project) -> Plan {
        if self.planned_for.is_some() && project.planned_for != self.planned_for {
            return Plan::OtherYear;
        }
        let cites = |keep: fn(&Cited) -> bool| {
            distinct(
                project
                    .findings
                    .iter()
                    .filter(|f| keep(f))
                    .map(|f| f.cite_with_record(self.lang)),
            )
        };
        match project.status {
            Status::OutOfScope => Plan::OutOfScope,
            Status::Suspended => Plan::Suspended(cites(Cited::triggers)),
            Status::NonCompliant => Plan::NonCompliant(cites(Cited::fails)),
            Status::Undetermined => Plan::Undetermined(project.missing.clone()),
            Status::Compliant => Plan::Eligible,
        }
    }

    /// Why a project may not enter the plan, in the ledger's language; `None` if it may.
    pub fn reason(&self, project: &Project) -> Option<String> {
        let list = |items: &[String]| Arg::from(items.join(self.separator()));
        let lang = self.lang;
        Some(match self.plan(project) {
            Plan::Eligible => return None,
            Plan::OtherYear => word(lang, "review-plan-other-year", &[]),
            Plan::OutOfScope => word(lang, "review-plan-out-of-scope", &[]),
            Plan::Suspended(cites) => {
                word(lang, "review-plan-suspended", &[("cites", list(&cites))])
            }
            Plan::NonCompliant(cites) => word(
                lang,
                "review-plan-non-compliant",
                &[("cites", list(&cites))],
            ),
            Plan::Undetermined(missing) => word(
                lang,
                "review-plan-undetermined",
                &[("missing", list(&missing))],
            ),
        })
    }

    /// The projects that are candidates for the plan (all, or those of the plan year).
    pub fn candidates(&self) -> impl Iterator<Item = &Project> {
        self.projects
            .iter()
            .filter(|p| self.planned_for.is_none() || p.planned_for == self.planned_for)
    }

    /// A word of the ledger's language.
    pub fn word(&self, id: &'static str) -> String {
        word(self.lang, id, &[])
    }

    /// The word with arguments.
    pub fn phrase(&self, id: &'static str, args: &[(&'static str, Arg)]) -> String {
        word(self.lang, id, args)
    }

    /// A status's name, as the text verdict gives it.
    pub fn status_name(&self, status: Status) -> &'static str {
        let labels = crate::render::labels::Labels::of(self.lang);
        let index = STATUSES.iter().position(|s| *s == status).unwrap_or(0);
        labels.statuses.get(index).copied().unwrap_or_default()
    }

    /// An outcome's name, as the text verdict's legend gives it.
    pub fn outcome_name(&self, outcome: Outcome) -> &'static str {
        let labels = crate::render::labels::Labels::of(self.lang);
        labels
            .outcomes
            .get(outcome as usize)
            .copied()
            .unwrap_or_default()
    }

    /// A kind's name, as the text verdict's headings give it.
    pub fn kind_name(&self, kind: Kind) -> &'static str {
        let labels = crate::render::labels::Labels::of(self.lang);
        labels.kinds.get(kind as usize).copied().unwrap_or_default()
    }

    /// Between items of an inline list.
    pub fn separator(&self) -> &'static str {
        crate::render::labels::Labels::of(self.lang).separator
    }
}

/// A unit and its projects.
#[derive(Debug, Clone)]
pub struct Unit<'l> {
    /// The unit.
    pub unit: &'l str,
    /// Its jurisdiction.
    pub jurisdiction: &'l str,
    /// Its projects, in input order.
    pub projects: Vec<&'l Project>,
}

impl Unit<'_> {
    /// The citations of the requirements its projects fail, each once.
    pub fn failing(&self) -> Vec<String> {
        distinct(
            self.findings()
                .filter(|f| f.fails())
                .map(|f| f.cite.clone()),
        )
    }

    /// The suspension triggers that fire for its projects, each once, with the projects
    /// that cause them: the other record that decided, or the project itself.
    pub fn triggers(&self, lang: Lang) -> Vec<String> {
        let mut causes: Vec<(&str, Vec<&str>)> = Vec::new();
        for project in &self.projects {
            for finding in project.findings.iter().filter(|f| f.triggers()) {
                let cause = finding.decided_by.as_deref().unwrap_or(&project.id);
                match causes.iter_mut().find(|(cite, _)| *cite == finding.cite) {
                    Some((_, ids)) if ids.contains(&cause) => {}
                    Some((_, ids)) => ids.push(cause),
                    None => causes.push((&finding.cite, vec![cause])),
                }
            }
        }
        let separator = crate::render::labels::Labels::of(lang).separator;
        causes
            .into_iter()
            .map(|(cite, ids)| {
                let ids = ids.join(separator);
                word(
                    lang,
                    "review-decided-by",
                    &[("cite", cite.into()), ("id", ids.into())],
                )
            })
            .collect()
    }

    /// How many of its projects have `status`.
    pub fn count(&self, status: Status) -> usize {
        self.projects.iter().filter(|p| p.status == status).count()
    }

    fn findings(&self) -> impl Iterator<Item = &Cited> {
        self.projects.iter().flat_map(|p| &p.findings)
    }
}

/// The items, each once, in the order first met.
fn distinct(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// Text of the catalogue.
fn word(lang: Lang, id: &'static str, args: &[(&'static str, Arg)]) -> String {
    crate::i18n::text(lang, id, args)
}
