//! The ledger as one self-contained HTML page: styles inline, charts drawn as inline SVG,
//! nothing fetched, so it opens offline on an intranet or from a mail attachment.

use std::fmt::Write as _;

use super::Ledger;
use super::table::{self, Table};

/// How many of the provisions failed most the chart shows.
const TOP: usize = 10;

const STYLE: &str = "body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;\
margin:2rem;color:#1f2328}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}\
table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}th,td{border:1px solid #d0d7de;\
padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f6f8fa}\
.meta{color:#59636e}svg text{font-size:12px;fill:#1f2328}";

/// Colours of the status bars, in [`super::STATUSES`] order.
const STATUS_COLOURS: [&str; 5] = ["#8c959f", "#cf222e", "#bc4c00", "#9a6700", "#1a7f37"];

/// The ledger as an HTML document.
pub fn render(ledger: &Ledger) -> String {
    let mut out = String::with_capacity(4096 + 512 * ledger.projects.len());
    let lang = ledger.lang.tag();
    let title = ledger.word("review-title");
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{}</title>\
         <style>{STYLE}</style></head><body><h1>{}</h1>",
        escape(&title),
        escape(&title)
    );
    meta(ledger, &mut out);
    section(&mut out, &ledger.word("review-chart-statuses"));
    statuses_chart(ledger, &mut out);
    section(&mut out, &ledger.word("review-chart-failing"));
    failing_chart(ledger, &mut out);
    section(&mut out, &ledger.word("review-units"));
    html_table(&table::units(ledger), &mut out);
    section(&mut out, &ledger.word("review-sheet-projects"));
    html_table(&table::projects(ledger), &mut out);
    if !ledger.refused.is_empty() {
        section(&mut out, &ledger.word("review-refused"));
        html_table(&table::refused(ledger), &mut out);
    }
    out.push_str("</body></html>\n");
    out
}

fn meta(ledger: &Ledger, out: &mut String) {
    let colon = ledger.word("review-colon");
    let _ = write!(
        out,
        "<p class=\"meta\">{}{colon}{} · {}{colon}{}",
        escape(&ledger.word("review-pack")),
        escape(&ledger.pack),
        escape(&ledger.word("review-as-of")),
        ledger.as_of.format("%Y-%m-%d")
    );
    if let Some(year) = ledger.planned_for {
        let _ = write!(
            out,
            " · {}{colon}{year}",
            escape(&ledger.word("review-plan-year"))
        );
    }
    let total = ledger.phrase("review-total", &[("count", ledger.projects.len().into())]);
    let _ = write!(out, " · {}</p>", escape(&total));
}

fn section(out: &mut String, heading: &str) {
    let _ = write!(out, "<h2>{}</h2>", escape(heading));
}

/// A horizontal bar per status.
fn statuses_chart(ledger: &Ledger, out: &mut String) {
    let bars: Vec<(String, usize, &str)> = ledger
        .counts()
        .iter()
        .zip(STATUS_COLOURS)
        .map(|((status, n), colour)| (ledger.status_name(*status).to_owned(), *n, colour))
        .collect();
    bar_chart(&bars, out);
}

/// A horizontal bar per provision failed most.
fn failing_chart(ledger: &Ledger, out: &mut String) {
    let bars: Vec<(String, usize, &str)> = ledger
        .failing_rules()
        .iter()
        .take(TOP)
        .map(|(finding, n)| {
            let title = finding.title.as_deref().unwrap_or(&finding.rule);
            (format!("{} {title}", finding.cite), *n, "#cf222e")
        })
        .collect();
    if bars.is_empty() {
        let _ = write!(out, "<p>{}</p>", escape(&ledger.word("review-none")));
        return;
    }
    bar_chart(&bars, out);
}

/// Bars of `(label, count, colour)`, scaled to the largest count.
fn bar_chart(bars: &[(String, usize, &str)], out: &mut String) {
    const LABEL: usize = 260;
    const WIDTH: usize = 420;
    const ROW: usize = 24;
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let height = ROW * bars.len() + 8;
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{}\" height=\"{height}\">",
        LABEL + WIDTH + 60
    );
    for (i, (label, n, colour)) in bars.iter().enumerate() {
        let y = i * ROW + 4;
        let width = WIDTH * n / max;
        let _ = write!(
            out,
            "<text x=\"0\" y=\"{}\">{}</text><rect x=\"{LABEL}\" y=\"{y}\" width=\"{width}\" \
             height=\"{}\" fill=\"{colour}\"><title>{n}</title></rect><text x=\"{}\" y=\"{}\">{n}</text>",
            y + 15,
            escape(label),
            ROW - 6,
            LABEL + width + 6,
            y + 15
        );
    }
    out.push_str("</svg>");
}

fn html_table(table: &Table, out: &mut String) {
    out.push_str("<table><thead><tr>");
    for name in &table.header {
        let _ = write!(out, "<th>{}</th>", escape(name));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &table.rows {
        out.push_str("<tr>");
        for cell in row {
            let _ = write!(out, "<td>{}</td>", escape(cell));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

/// Text as HTML: the five characters that could open markup or end an attribute, escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
