//! What a spreadsheet file holds once read, whatever its format: sheets of rows of
//! non-empty cells, each cell's content as the file types it, and where it is.
//!
//! This module knows spreadsheets, not records: no schema, no field. The two readers
//! (`csv`, `xlsx`) fill it; the header and the rows are read from it.

/// The most rows a sheet has (as in a workbook).
pub(super) const MAX_ROWS: u32 = 1_048_576;

/// The most columns a sheet has (as in a workbook, `XFD`).
pub(super) const MAX_COLUMNS: u32 = 16_384;

/// The most non-empty cells read from one file: a ledger of ten thousand projects of a
/// hundred columns each is a million. Bounds the memory a small, highly compressed
/// workbook can make the reader take.
pub(super) const MAX_CELLS: usize = 4 * 1024 * 1024;

/// A cell's content, as the file types it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Content {
    /// Text as written: a CSV cell, a text cell of a workbook.
    Text(String),
    /// A number cell, as the shortest decimal that reads back as the same number
    /// (`3200000`, not `3200000.0`).
    Number(String),
    /// A yes/no cell.
    Bool(bool),
    /// A date cell, `YYYY-MM-DD`.
    Date(String),
    /// A date cell with a time of day other than midnight, `YYYY-MM-DD HH:MM:SS`.
    DateTime(String),
    /// A spreadsheet's error value, `#N/A`.
    Error(String),
}

impl Content {
    /// The content as text: what a reviewer sees in the cell.
    pub(super) fn text(&self) -> &str {
        match self {
            Content::Text(text)
            | Content::Number(text)
            | Content::Date(text)
            | Content::DateTime(text)
            | Content::Error(text) => text,
            Content::Bool(true) => "true",
            Content::Bool(false) => "false",
        }
    }
}

/// A non-empty cell.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Cell {
    /// Its column, from 0 (`A`).
    pub(super) column: u32,
    /// What it holds.
    pub(super) content: Content,
}

/// A row with at least one non-empty cell.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Row {
    /// Its index, from 0 (the spreadsheet's row 1).
    pub(super) index: u32,
    /// Its non-empty cells, by column.
    pub(super) cells: Vec<Cell>,
}

/// A sheet: a CSV file, or one worksheet of a workbook.
#[derive(Debug)]
pub(super) struct Sheet {
    /// The worksheet's name; `None` for a CSV file.
    pub(super) name: Option<String>,
    /// Its non-empty rows, in order.
    pub(super) rows: Vec<Row>,
}

/// A column's letters: 0 → `A`, 25 → `Z`, 26 → `AA`, 16383 → `XFD`.
pub(super) fn column_name(column: u32) -> String {
    let mut letters = Vec::new();
    let mut rest = u64::from(column) + 1;
    while rest > 0 {
        let digit = u8::try_from((rest - 1) % 26).unwrap_or(0);
        letters.push(char::from(b'A' + digit));
        rest = (rest - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A cell's reference as a spreadsheet writes it, `D7`.
pub(super) fn reference(column: u32, row: u32) -> String {
    format!("{}{}", column_name(column), u64::from(row) + 1)
}

/// Whether a text is a cell reference (`D7`) or a range of cells (`A7:H7`).
pub(super) fn is_reference(text: &str) -> bool {
    let one = |part: &str| {
        let digits = part.trim_start_matches(|c: char| c.is_ascii_uppercase());
        digits.len() < part.len()
            && !digits.is_empty()
            && !digits.starts_with('0')
            && digits.bytes().all(|b| b.is_ascii_digit())
    };
    match text.split_once(':') {
        Some((first, last)) => one(first) && one(last),
        None => one(text),
    }
}

/// Whether a cell is empty: no text, or only white space.
pub(super) fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// A cell's text as a line of a diagnostic's source shows it: control characters (line
/// breaks and tabs in a cell) as spaces, so that each cell stays on its line and every
/// byte offset stays where it was.
pub(super) fn shown(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii_control() { ' ' } else { c })
        .collect()
}

/// The rows of cells given in any order (as a workbook may list them), each position
/// once (the first given wins).
pub(super) fn into_rows(mut cells: Vec<(u32, Cell)>) -> Vec<Row> {
    cells.sort_by_key(|(row, cell)| (*row, cell.column));
    cells.dedup_by_key(|(row, cell)| (*row, cell.column));
    let mut rows: Vec<Row> = Vec::new();
    for (index, cell) in cells {
        match rows.last_mut() {
            Some(row) if row.index == index => row.cells.push(cell),
            _ => rows.push(Row {
                index,
                cells: vec![cell],
            }),
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_spreadsheets_name_them() {
        for (column, name) in [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")] {
            assert_eq!(column_name(column), name);
        }
        assert_eq!(column_name(MAX_COLUMNS - 1), "XFD");
        assert_eq!(reference(3, 6), "D7");
    }

    #[test]
    fn references_are_recognised() {
        for good in ["A1", "D7", "XFD1048576", "A7:H7"] {
            assert!(is_reference(good), "{good}");
        }
        for bad in ["", "A", "7", "A0", "a1", "A1:", "record.yaml", "D7 x"] {
            assert!(!is_reference(bad), "{bad}");
        }
    }

    #[test]
    fn cells_in_any_order_make_rows_in_order() {
        let cell = |column, text: &str| Cell {
            column,
            content: Content::Text(text.to_owned()),
        };
        let rows = into_rows(vec![
            (2, cell(1, "c")),
            (0, cell(1, "b")),
            (0, cell(0, "a")),
            (0, cell(0, "again")),
        ]);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].cells, vec![cell(0, "a"), cell(1, "b")]);
        assert_eq!(rows[1].index, 2);
    }
}
