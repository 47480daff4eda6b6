//! A `.csv` file → one sheet: UTF-8 text (a byte order mark is allowed), fields separated
//! by commas and quoted as RFC 4180 quotes them, read with the `csv` crate. Every cell is
//! text; its field's type reads it.
//!
//! Rows are numbered as a spreadsheet numbers them when it opens the file: one row per
//! record, a blank line counting as an empty row, a line break inside a quoted field not
//! starting a new one.

use super::grid::{self, Cell, Content, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, Row, Sheet};
use super::too_large;
use crate::record::error::RecordError;
use crate::source::{Source, Span};

/// The sheet a CSV file holds.
///
/// # Errors
/// Bytes that are not UTF-8 ([`RecordError::NotUtf8`], [`RecordError::Gb18030`] for a
/// file saved in the Chinese Windows encoding), or a file past the size of a sheet.
pub(super) fn read(name: &str, bytes: &[u8]) -> Result<Sheet, Box<RecordError>> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            return Err(Box::new(crate::record::not_utf8(
                name,
                bytes,
                error.valid_up_to(),
            )));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = ::csv::StringRecord::new();
    let (mut rows, mut cells) = (Vec::new(), 0_usize);
    // Line breaks before the record being read, counted from where the last count
    // stopped, and those inside quoted fields so far, which make a line but no row (the
    // reader's own line numbers leave blank lines out).
    let (mut counted, mut breaks, mut folded) = (0_usize, 0_usize, 0_usize);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => return Err(Box::new(unreadable(name, &error))),
        }
        let start = record.position().map(::csv::Position::byte);
        let start = start
            .and_then(|at| usize::try_from(at).ok())
            .map_or(counted, |at| at.max(counted));
        // The reader's position is where it started reading: before the blank lines it
        // skipped.
        let blank = text.get(start..).map_or(0, |rest| {
            rest.len() - rest.trim_start_matches(['\r', '\n']).len()
        });
        let start = start + blank;
        breaks += text
            .get(counted..start)
            .map_or(0, |t| t.matches('\n').count());
        counted = start;
        let index = breaks.saturating_sub(folded);
        folded += record
            .iter()
            .map(|field| field.matches('\n').count())
            .sum::<usize>();
        let row = row(name, index, &record)?;
        cells += row.cells.len();
        if cells > MAX_CELLS {
            return Err(Box::new(too_large(
                Source::new(name, ""),
                "cells",
                MAX_CELLS,
            )));
        }
        if !row.cells.is_empty() {
            rows.push(row);
        }
    }
    Ok(Sheet { name: None, rows })
}

/// One record's non-empty cells, as the row at `index`.
fn row(name: &str, index: usize, record: &::csv::StringRecord) -> Result<Row, Box<RecordError>> {
    let index = match u32::try_from(index) {
        Ok(index) if index < MAX_ROWS => index,
        _ => return Err(Box::new(too_large(Source::new(name, ""), "rows", MAX_ROWS))),
    };
    if record.len() > MAX_COLUMNS as usize {
        return Err(Box::new(too_large(
            Source::new(name, ""),
            "columns",
            MAX_COLUMNS,
        )));
    }
    let cells = (0..)
        .zip(record.iter())
        .filter(|(_, field)| !grid::is_blank(field))
        .map(|(column, field)| Cell {
            column,
            content: Content::Text(field.to_owned()),
        })
        .collect();
    Ok(Row { index, cells })
}

/// A file the CSV reader gives up on (it reads any UTF-8 text, so this is rare).
fn unreadable(name: &str, error: &::csv::Error) -> RecordError {
    RecordError::TableUnreadable {
        src: Source::new(name, ""),
        span: Span::new(0, 0),
        file: name.to_owned(),
        hint: Some("damaged"),
        detail: error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(text: &str) -> Vec<(u32, Vec<String>)> {
        let sheet = read("t.csv", text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        sheet
            .rows
            .into_iter()
            .map(|row| {
                let cells = row.cells.iter().map(|c| c.content.text().to_owned());
                (row.index, cells.collect())
            })
            .collect()
    }

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_numbers_them() {
        let text = "a,b\n\n\"x\ny\",2\r\n,,\n3,\"4,5\"\n";
        let rows = sheet(text);
        let strings = |items: &[&str]| items.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            rows,
            vec![
                (0, strings(&["a", "b"])),
                (2, strings(&["x\ny", "2"])),
                (4, strings(&["3", "4,5"])),
            ]
        );
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_first_cell() {
        assert_eq!(sheet("\u{feff}a,b\n")[0].1[0], "a");
    }

    #[test]
    fn invalid_utf8_is_reported_at_its_first_bad_byte() {
        let error = read("t.csv", b"a,b\n1,caf\xe9\n").err().map(|e| *e);
        assert!(
            matches!(error, Some(RecordError::NotUtf8 { offset: 9, .. })),
            "{error:?}"
        );
        // `王敏` in GBK.
        let error = read("t.csv", b"a,b\n1,\xcd\xf5\xc3\xf4\n")
            .err()
            .map(|e| *e);
        assert!(
            matches!(error, Some(RecordError::Gb18030 { .. })),
            "{error:?}"
        );
    }
}
