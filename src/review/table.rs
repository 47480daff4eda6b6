//! The ledger's tables, as rows of cells, shared by the CSV, workbook and HTML renderers:
//! one row per project, one per finding, one per unit; and the project table as CSV.

use super::{Ledger, STATUSES};
use crate::verdict::Outcome;

/// A table: its header and its rows, every row as long as the header.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// The column names, in the ledger's language.
    pub header: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<String>>,
}

/// One row per project: who, where from, the status, what fails, which triggers fire, what
/// is missing, and whether it may enter the plan and why not.
pub fn projects(ledger: &Ledger) -> Table {
    let header = columns(
        ledger,
        &[
            "id",
            "name",
            "unit",
            "jurisdiction",
            "plan-year",
            "status",
            "failing",
            "triggers",
            "missing",
            "plan",
            "reason",
            "source",
        ],
    );
    let separator = ledger.separator();
    let rows = ledger
        .projects
        .iter()
        .map(|project| {
            let failing: Vec<String> = cites(project.findings.iter().filter(|f| f.fails()), ledger);
            let triggers: Vec<String> =
                cites(project.findings.iter().filter(|f| f.triggers()), ledger);
            let reason = ledger.reason(project);
            vec![
                project.id.clone(),
                project.name.clone(),
                project.unit.clone(),
                project.jurisdiction.clone(),
                project
                    .planned_for
                    .map(|y| y.to_string())
                    .unwrap_or_default(),
                ledger.status_name(project.status).to_owned(),
                failing.join(separator),
                triggers.join(separator),
                project.missing.join(separator),
                yes_no(ledger, reason.is_none()),
                reason.unwrap_or_default(),
                project.source.clone(),
            ]
        })
        .collect();
    Table { header, rows }
}

/// One row per finding a reviewer acts on — every outcome but `pass` (and `not_applicable`,
/// which the ledger does not keep) — project by project in pack order.
pub fn findings(ledger: &Ledger) -> Table {
    let header = columns(
        ledger,
        &[
            "id",
            "name",
            "unit",
            "cite",
            "title",
            "kind",
            "outcome",
            "message",
            "decided-by",
            "rule",
        ],
    );
    let rows = ledger
        .projects
        .iter()
        .flat_map(|project| {
            let acted_on = project
                .findings
                .iter()
                .filter(|f| f.outcome != Outcome::Pass);
            acted_on.map(move |finding| {
                vec![
                    project.id.clone(),
                    project.name.clone(),
                    project.unit.clone(),
                    finding.cite.clone(),
                    finding.title.clone().unwrap_or_default(),
                    ledger.kind_name(finding.kind).to_owned(),
                    outcome_name(ledger, finding),
                    finding.message.clone(),
                    finding.decided_by.clone().unwrap_or_default(),
                    finding.rule.clone(),
                ]
            })
        })
        .collect();
    Table { header, rows }
}

/// One row per unit: its projects, how many have each status, what they fail, which
/// triggers fire.
pub fn units(ledger: &Ledger) -> Table {
    let mut header = columns(ledger, &["unit", "jurisdiction", "projects"]);
    header.extend(STATUSES.iter().map(|s| ledger.status_name(*s).to_owned()));
    header.extend(columns(ledger, &["failing", "triggers"]));
    let separator = ledger.separator();
    let rows = ledger
        .units()
        .iter()
        .map(|unit| {
            let mut row = vec![
                unit.unit.to_owned(),
                unit.jurisdiction.to_owned(),
                unit.projects.len().to_string(),
            ];
            row.extend(STATUSES.iter().map(|s| unit.count(*s).to_string()));
            row.push(unit.failing().join(separator));
            row.push(unit.triggers(ledger.lang).join(separator));
            row
        })
        .collect();
    Table { header, rows }
}

/// One row per status: how many records have it.
pub fn counts(ledger: &Ledger) -> Table {
    Table {
        header: columns(ledger, &["status", "count"]),
        rows: ledger
            .counts()
            .iter()
            .map(|(status, n)| vec![ledger.status_name(*status).to_owned(), n.to_string()])
            .collect(),
    }
}

/// The provisions failed most: citation, title, rule, and in how many records.
pub fn failing(ledger: &Ledger) -> Table {
    Table {
        header: columns(ledger, &["cite", "title", "rule", "count"]),
        rows: ledger
            .failing_rules()
            .iter()
            .map(|(finding, n)| {
                vec![
                    finding.cite.clone(),
                    finding.title.clone().unwrap_or_default(),
                    finding.rule.clone(),
                    n.to_string(),
                ]
            })
            .collect(),
    }
}

/// The records that could not be evaluated.
pub fn refused(ledger: &Ledger) -> Table {
    Table {
        header: columns(ledger, &["source", "code", "problem"]),
        rows: ledger
            .refused
            .iter()
            .map(|r| vec![r.source.clone(), r.code.clone(), r.message.clone()])
            .collect(),
    }
}

/// The project table as CSV (RFC 4180, UTF-8 with a byte-order mark, which spreadsheet
/// programs need to read Chinese from a CSV file).
///
/// # Errors
/// Only if writing to memory fails, which it does not.
pub fn csv(ledger: &Ledger) -> Result<Vec<u8>, csv::Error> {
    let table = projects(ledger);
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(&table.header)?;
    for row in &table.rows {
        writer.write_record(row)?;
    }
    writer
        .into_inner()
        .map_err(|error| error.into_error().into())
}

fn columns(ledger: &Ledger, names: &[&str]) -> Vec<String> {
    names
        .iter()
        .map(|name| crate::i18n::Message::new(format!("review-column-{name}")).render(ledger.lang))
        .collect()
}

fn cites<'a>(findings: impl Iterator<Item = &'a super::Cited>, ledger: &Ledger) -> Vec<String> {
    findings.map(|f| f.cite_with_record(ledger.lang)).collect()
}

fn yes_no(ledger: &Ledger, yes: bool) -> String {
    let (y, n) = crate::render::labels::Labels::of(ledger.lang).yes_no;
    (if yes { y } else { n }).to_owned()
}

/// A finding's outcome as people read it: a suspension trigger that fires is "triggered".
fn outcome_name(ledger: &Ledger, finding: &super::Cited) -> String {
    if finding.triggers() {
        return crate::render::labels::Labels::of(ledger.lang)
            .triggered
            .to_owned();
    }
    ledger.outcome_name(finding.outcome).to_owned()
}
