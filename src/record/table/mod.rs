//! Ledgers: a spreadsheet (`.csv` or `.xlsx`) of project records, one record per row,
//! each read against the pack's schema as a YAML or JSON record is ([`load_table`]).
//!
//! | step      | owns                                                        | knows           |
//! |-----------|-------------------------------------------------------------|-----------------|
//! | `delimited`, `workbook` | a file → sheets of non-empty cells (`grid`), typed as the file types them | the format, not the schema |
//! | `header`  | the first non-empty row → columns, each a leaf field of the schema, and their layout | the schema's paths and labels |
//! | `row`     | each later non-empty row → one record's events and source    | the fields' types, for each cell's style |
//!
//! A row is not a record of its own kind: its cells become the events a YAML mapping
//! would give (`header: value`, nested by the header's paths), and the same walk
//! (`interpret::walk`) and the same finishing steps (`finish`, `required when`, labels)
//! read them. Required fields, defaults, ranges, vocabularies and every error code are
//! therefore those of a YAML record: a wrong date in a cell is
//! `banfa::record::no_such_day`, as in YAML. What only a spreadsheet can get wrong has
//! codes of its own (`banfa::record::unknown_column`, `…::error_cell`, …).
//!
//! How cells read:
//! - **The header** names each column's field by its path (`cost.public`) or by its
//!   label (the field's description up to its first colon) when the label belongs to
//!   exactly one leaf field. An unknown or ambiguous header, a field named twice, a group
//!   (whose fields are columns of their own), a list of sub-records (which only a YAML or
//!   JSON record can give), or values under an empty header cell are problems with the
//!   whole file: no row is read.
//! - **An empty cell** (or one of white space only) is an absent field, never a guessed
//!   value; an entirely empty row is skipped.
//! - **A text cell** is read as its field's type: `2020-08-14` in a date field is a date,
//!   `320万` in a money field an amount; a text field keeps the text exactly as written,
//!   whatever it looks like (`true`, `2020`). Other fields are read without the white space
//!   around the cell's text.
//! - **Yes/no** is `true` or `false` (in any case a spreadsheet writes them), or `是` or
//!   `否`, as civil servants write them in a spreadsheet.
//! - **A list** is one cell with its items separated by `、`, `，` or `,`; an empty item is
//!   a problem.
//! - **Typed cells of a workbook** keep their type: a number is its shortest decimal
//!   (`3200000`, so a whole-number field reads `2020.0` as 2020), a date cell its day
//!   `YYYY-MM-DD` (a time of day other than midnight is a problem), a boolean `true` or
//!   `false`, an error value (`#N/A`, `#REF!`) a problem naming its cell.
//!
//! Every problem names its place: the source of a problem in a row is the row written out
//! (a line per cell, `D7 cost.public: 320万`), named after the file, the sheet and the cell
//! (`台账.xlsx!Sheet1!D7`; a CSV file has no sheet, `台账.csv!D7`); [`cell_of`] gives the
//! cell back. Sizes are bounded: a sheet has at most 1,048,576 rows and 16,384 columns, a
//! file at most [`crate::input::MAX_RECORD_BYTES`] bytes and `grid::MAX_CELLS` non-empty
//! cells, and every step is linear in the cells (for a given pack).
//!
//! Like the rest of the load stage, this module knows no field: names, labels and types
//! all come from the pack's schema.

mod delimited;
mod grid;
mod header;
mod row;
mod workbook;

use std::path::Path;

use crate::diagnostics::Diagnostics;
use crate::pack::Pack;
use crate::record::Facts;
use crate::record::error::RecordError;
use crate::source::{Source, Span};

/// How a ledger file is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableFormat {
    /// Comma-separated UTF-8 text (RFC 4180), with or without a byte order mark.
    Csv,
    /// An Excel workbook (Office Open XML): every sheet with a header row is read.
    Xlsx,
}

impl TableFormat {
    /// The format of a ledger file by its name: `.csv` or `.xlsx` (in any case); `None`
    /// for any other name.
    pub fn of(path: &Path) -> Option<Self> {
        let extension = path.extension()?;
        if extension.eq_ignore_ascii_case("csv") {
            Some(TableFormat::Csv)
        } else if extension.eq_ignore_ascii_case("xlsx") {
            Some(TableFormat::Xlsx)
        } else {
            None
        }
    }
}

/// One row of a ledger: where it is, and its record's facts or problems.
#[derive(Debug)]
pub struct TableRecord {
    /// The worksheet's name; `None` for a CSV file.
    pub sheet: Option<String>,
    /// The row's number as the spreadsheet shows it, from 1 (the header's row is one of
    /// them).
    pub row: usize,
    /// The record's facts, or every problem with it, each naming its cell ([`cell_of`]).
    pub facts: Result<Facts, Diagnostics<RecordError>>,
}

/// Reads a ledger: its file's `bytes` in `format`, `name` shown in diagnostics (usually
/// the path). The first non-empty row of each sheet is its header; each later non-empty
/// row is one record, read against `pack`'s schema.
///
/// # Errors
/// Problems with the whole file, every one found: a file too large or not readable in its
/// format, no header row in any sheet, or a header that does not name the fields (an
/// unknown, ambiguous or repeated column, a column without a header). A problem with one
/// row is in its [`TableRecord::facts`] instead.
pub fn load_table(
    format: TableFormat,
    name: &str,
    bytes: &[u8],
    pack: &Pack,
) -> Result<Vec<TableRecord>, Diagnostics<RecordError>> {
    let limit = crate::input::MAX_RECORD_BYTES;
    if u64::try_from(bytes.len()).map_or(true, |length| length > limit) {
        let mib = format!("{} MiB", limit / (1024 * 1024));
        return Err(Diagnostics::one(too_large(
            Source::new(name, ""),
            "bytes",
            mib,
        )));
    }
    let sheets = match format {
        TableFormat::Csv => delimited::read(name, bytes).map(|sheet| vec![sheet]),
        TableFormat::Xlsx => workbook::read(name, bytes),
    }
    .map_err(|error| Diagnostics::one(*error))?;
    let (mut records, mut errors) = (Vec::new(), Vec::new());
    for sheet in sheets.iter().filter(|sheet| !sheet.rows.is_empty()) {
        let base = match &sheet.name {
            Some(sheet) => format!("{name}!{sheet}"),
            None => name.to_owned(),
        };
        match header::read(pack, &base, sheet) {
            Err(found) => errors.extend(found),
            Ok(header) if errors.is_empty() => rows(pack, &header, &base, sheet, &mut records),
            Ok(_) => {}
        }
    }
    if sheets.iter().all(|sheet| sheet.rows.is_empty()) {
        errors.push(RecordError::TableEmpty {
            src: Source::new(name, ""),
            span: Span::new(0, 0),
            file: name.to_owned(),
        });
    }
    match Diagnostics::new(errors) {
        Some(errors) => Err(crate::record::labelled(pack, errors)),
        None => Ok(records),
    }
}

/// The records of a sheet's rows under its header.
fn rows(
    pack: &Pack,
    header: &header::Header<'_>,
    base: &str,
    sheet: &grid::Sheet,
    out: &mut Vec<TableRecord>,
) {
    let columns = header.columns.iter().map(|column| column.index);
    let range = (
        columns.clone().min().unwrap_or(0),
        columns.max().unwrap_or(0),
    );
    for row in sheet.rows.iter().skip(1) {
        out.push(TableRecord {
            sheet: sheet.name.clone(),
            row: usize::try_from(row.index).map_or(usize::MAX, |index| index + 1),
            facts: row::facts(pack, header, base, row, range),
        });
    }
}

/// The cell a problem of a ledger is about, as a spreadsheet names it (`D7`), or the
/// row's range (`A7:H7`) for a problem with a row's record as a whole; `None` for a
/// problem of a YAML or JSON record, or with a ledger file as a whole.
pub fn cell_of(error: &RecordError) -> Option<&str> {
    let source = error.source();
    let (_, cell) = source.name().rsplit_once('!')?;
    if !grid::is_reference(cell) {
        return None;
    }
    let text = source.text();
    let offset = error.offset().min(text.len());
    let start = text.get(..offset)?.rfind('\n').map_or(0, |n| n + 1);
    let shown = text.get(start..)?.split([' ', '\n']).next()?;
    (shown == cell).then_some(cell)
}

/// A file or sheet past a limit: `what` is `rows`, `columns`, `cells` or `bytes`.
fn too_large(src: Source, what: &'static str, limit: impl ToString) -> RecordError {
    RecordError::TableTooLarge {
        src,
        span: Span::new(0, 0),
        hint: Some(what),
        limit: limit.to_string(),
    }
}
