//! The ledger as text for the terminal: the counts, the provisions failed most, a line per
//! unit, the projects that may enter the plan, those that may not and why, and the records
//! that could not be evaluated.

use std::fmt::Write as _;

use super::{Ledger, Project};

/// How many of the provisions failed most the text lists.
const TOP: usize = 10;

/// The punctuation of the ledger's language.
struct Punctuation {
    colon: String,
    semicolon: String,
    open: &'static str,
    close: &'static str,
}

impl Punctuation {
    fn of(ledger: &Ledger) -> Self {
        let (open, close) = crate::render::labels::Labels::of(ledger.lang).parens;
        Punctuation {
            colon: ledger.word("review-colon"),
            semicolon: ledger.word("review-semicolon"),
            open,
            close,
        }
    }
}

/// The ledger as text, in its language.
pub fn render(ledger: &Ledger) -> String {
    let mut out = String::new();
    let p = Punctuation::of(ledger);
    heading(ledger, &p, &mut out);
    failing(ledger, &mut out);
    units(ledger, &p, &mut out);
    plan(ledger, &p, &mut out);
    refused(ledger, &p, &mut out);
    out
}

fn heading(ledger: &Ledger, p: &Punctuation, out: &mut String) {
    let colon = &p.colon;
    let _ = writeln!(out, "{}", ledger.word("review-title"));
    let _ = write!(
        out,
        "{}{colon}{}  {}{colon}{}",
        ledger.word("review-pack"),
        ledger.pack,
        ledger.word("review-as-of"),
        ledger.as_of.format("%Y-%m-%d")
    );
    if let Some(year) = ledger.planned_for {
        let _ = write!(out, "  {}{colon}{year}", ledger.word("review-plan-year"));
    }
    out.push('\n');
    let total = ledger.phrase("review-total", &[("count", ledger.projects.len().into())]);
    let counts: Vec<String> = ledger
        .counts()
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(status, n)| format!("{} {n}", ledger.status_name(*status)))
        .collect();
    let _ = write!(out, "{total}{colon}{}", counts.join(ledger.separator()));
    if !ledger.refused.is_empty() {
        let refused = ledger.refused.len().into();
        let more = ledger.phrase("review-refused-count", &[("count", refused)]);
        let _ = write!(out, "{}{more}", p.semicolon);
    }
    out.push('\n');
}

fn failing(ledger: &Ledger, out: &mut String) {
    let _ = writeln!(out, "\n{}", ledger.word("review-failing"));
    let rules = ledger.failing_rules();
    if rules.is_empty() {
        let _ = writeln!(out, "  {}", ledger.word("review-none"));
    }
    for (finding, count) in rules.iter().take(TOP) {
        let title = finding.title.as_deref().unwrap_or_default();
        let _ = writeln!(
            out,
            "  {count:>5}  {}  {title}  {}",
            finding.cite, finding.rule
        );
    }
}

fn units(ledger: &Ledger, p: &Punctuation, out: &mut String) {
    let (colon, semicolon) = (&p.colon, &p.semicolon);
    let _ = writeln!(out, "\n{}", ledger.word("review-units"));
    for unit in ledger.units() {
        let projects = ledger.phrase(
            "review-unit-projects",
            &[("count", unit.projects.len().into())],
        );
        let statuses: Vec<String> = super::STATUSES
            .iter()
            .map(|status| (status, unit.count(*status)))
            .filter(|(_, n)| *n > 0)
            .map(|(status, n)| format!("{} {n}", ledger.status_name(*status)))
            .collect();
        let _ = write!(
            out,
            "  {}{}{}{}{colon}{projects}{semicolon}{}",
            unit.unit,
            p.open,
            unit.jurisdiction,
            p.close,
            statuses.join(ledger.separator())
        );
        let failing = unit.failing();
        if !failing.is_empty() {
            let cites = failing.join(ledger.separator()).into();
            let failing = ledger.phrase("review-unit-failing", &[("cites", cites)]);
            let _ = write!(out, "{semicolon}{failing}");
        }
        let triggers = unit.triggers(ledger.lang);
        if !triggers.is_empty() {
            let cites = triggers.join(ledger.separator()).into();
            let triggers = ledger.phrase("review-unit-triggers", &[("cites", cites)]);
            let _ = write!(out, "{semicolon}{triggers}");
        }
        out.push('\n');
    }
}

fn plan(ledger: &Ledger, p: &Punctuation, out: &mut String) {
    let (eligible, excluded): (Vec<&Project>, Vec<&Project>) = ledger
        .candidates()
        .partition(|p| ledger.reason(p).is_none());
    let heading = match ledger.planned_for {
        Some(year) => ledger.phrase("review-eligible-year", &[("year", year.to_string().into())]),
        None => ledger.word("review-eligible"),
    };
    let _ = writeln!(out, "\n{heading}{}{}{}", p.open, eligible.len(), p.close);
    if eligible.is_empty() {
        let _ = writeln!(out, "  {}", ledger.word("review-none"));
    }
    for project in eligible {
        let _ = writeln!(out, "  {}  {}  {}", project.id, project.name, project.unit);
    }
    let excluded_heading = ledger.word("review-excluded");
    let _ = writeln!(
        out,
        "\n{excluded_heading}{}{}{}",
        p.open,
        excluded.len(),
        p.close
    );
    if excluded.is_empty() {
        let _ = writeln!(out, "  {}", ledger.word("review-none"));
    }
    for project in excluded {
        let reason = ledger.reason(project).unwrap_or_default();
        let _ = writeln!(out, "  {}  {}  {}", project.id, project.name, reason);
    }
}

fn refused(ledger: &Ledger, p: &Punctuation, out: &mut String) {
    if ledger.refused.is_empty() {
        return;
    }
    let heading = ledger.word("review-refused");
    let _ = writeln!(
        out,
        "\n{heading}{}{}{}",
        p.open,
        ledger.refused.len(),
        p.close
    );
    for refused in &ledger.refused {
        let _ = writeln!(
            out,
            "  {}  {}  {}",
            refused.source, refused.code, refused.message
        );
    }
}
