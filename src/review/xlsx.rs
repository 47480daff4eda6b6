//! The ledger as a workbook: a summary sheet (counts by status, the provisions failed most,
//! one row per unit, the records that could not be evaluated), one row per project, and one
//! per finding a reviewer acts on. Every table has a frozen, bold header and filters.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::Ledger;
use super::table::{self, Table};

/// The most rows a sheet holds (Excel's limit), its header included; a longer table goes on
/// over further sheets.
const MAX_ROWS: usize = 1_048_576;

/// The ledger as the bytes of an `.xlsx` file.
///
/// # Errors
/// When the workbook cannot be written (a cell too long for Excel, say).
pub fn render(ledger: &Ledger) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let summary = workbook.add_worksheet();
    summary.set_name(ledger.word("review-sheet-summary"))?;
    let mut row = 0;
    for part in [
        table::counts(ledger),
        table::failing(ledger),
        table::units(ledger),
        table::refused(ledger),
    ] {
        if part.rows.is_empty() && row > 0 {
            continue;
        }
        row = write(summary, &part, row, &bold, false)? + 1;
    }
    summary.set_column_width(0, 36)?;
    sheets(
        &mut workbook,
        &ledger.word("review-sheet-projects"),
        &table::projects(ledger),
        &bold,
    )?;
    sheets(
        &mut workbook,
        &ledger.word("review-sheet-findings"),
        &table::findings(ledger),
        &bold,
    )?;
    workbook.save_to_buffer()
}

/// A table on sheets of its own: `name`, then `name (2)`, … as Excel's row limit requires.
fn sheets(
    workbook: &mut Workbook,
    name: &str,
    table: &Table,
    bold: &Format,
) -> Result<(), XlsxError> {
    let per_sheet = MAX_ROWS - 1;
    let chunks: Vec<&[Vec<String>]> = if table.rows.is_empty() {
        vec![&[]]
    } else {
        table.rows.chunks(per_sheet).collect()
    };
    for (i, rows) in chunks.into_iter().enumerate() {
        let sheet = workbook.add_worksheet();
        let title = if i == 0 {
            name.to_owned()
        } else {
            format!("{name} ({})", i + 1)
        };
        sheet.set_name(title)?;
        let part = Table {
            header: table.header.clone(),
            rows: rows.to_vec(),
        };
        write(sheet, &part, 0, bold, true)?;
        sheet.set_freeze_panes(1, 0)?;
        for col in 0..part.header.len() {
            sheet.set_column_width(column(col), 18)?;
        }
    }
    Ok(())
}

/// Writes a table from row `first`, with filters on its columns if `filter` (a sheet has
/// one set of filters); the row after it.
fn write(
    sheet: &mut Worksheet,
    table: &Table,
    first: u32,
    bold: &Format,
    filter: bool,
) -> Result<u32, XlsxError> {
    for (col, name) in table.header.iter().enumerate() {
        sheet.write_string_with_format(first, column(col), name, bold)?;
    }
    let mut row = first;
    for cells in &table.rows {
        row += 1;
        for (col, cell) in cells.iter().enumerate() {
            match number(cell) {
                Some(n) => sheet.write_number(row, column(col), n)?,
                None => sheet.write_string(row, column(col), cell)?,
            };
        }
    }
    if filter {
        let last = column(table.header.len().saturating_sub(1));
        sheet.autofilter(first, 0, row, last)?;
    }
    Ok(row + 1)
}

/// A count or a year as a number cell; anything else (an id, a text that looks like a
/// number with a leading zero) stays text.
fn number(cell: &str) -> Option<f64> {
    let digits = !cell.is_empty() && cell.len() <= 15 && cell.bytes().all(|b| b.is_ascii_digit());
    let leading_zero = cell.len() > 1 && cell.starts_with('0');
    if digits && !leading_zero {
        cell.parse::<u64>().ok().map(|n| n as f64)
    } else {
        None
    }
}

fn column(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}
