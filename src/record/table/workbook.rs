//! An `.xlsx` workbook → its sheets, read with `calamine` from the bytes, in workbook
//! order. Chart sheets have no cells and are left out.
//!
//! Cells are streamed (`worksheet_cells_reader`), never laid out as a rectangle: a
//! hostile sheet with one cell in `A1` and one in `XFD1048576` costs two cells, not
//! seventeen billion. A cell past the rows or columns a workbook has, or more cells than
//! [`MAX_CELLS`], stops the reading with a diagnostic. Typed cells keep their type:
//! numbers as the shortest decimal that reads back as the same number, dates as
//! `YYYY-MM-DD` (a time of day is kept, to be reported), error values as written.

use std::io::{Cursor, Read as _};

use calamine::{DataRef, Reader, Xlsx, XlsxError};

use super::grid::{self, Cell, Content, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, Sheet};
use super::too_large;
use crate::record::error::RecordError;
use crate::source::{Source, Span};

/// The most bytes a workbook may unpack to, all its parts together. A ledger of 100,000
/// projects unpacks to about 100 MiB; a zip bomb of a few kilobytes would unpack to
/// gigabytes inside `calamine` (its shared strings are read whole), so the parts are
/// unpacked and counted first, up to this limit, before `calamine` reads them.
const MAX_INFLATED: u64 = 512 * 1024 * 1024;

/// The largest serial date a workbook has: 9999-12-31.
const LAST_SERIAL_DATE: f64 = 2_958_465.0;

/// Unpacks every part of the workbook, counting its bytes, and refuses it past
/// [`MAX_INFLATED`]: what a part's header says of its size is not trusted. Anything else
/// wrong with the file is left for `calamine` to name (a password, a damaged part).
fn unpacked_size(name: &str, bytes: &[u8]) -> Result<(), Box<RecordError>> {
    unpacked_within(name, bytes, MAX_INFLATED)
}

/// [`unpacked_size`] with the limit given.
fn unpacked_within(name: &str, bytes: &[u8], limit: u64) -> Result<(), Box<RecordError>> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let Ok(part) = archive.by_index(index) else {
            continue;
        };
        let left = limit.saturating_sub(total);
        let read = std::io::copy(&mut part.take(left + 1), &mut std::io::sink()).unwrap_or(0);
        if read > left {
            let shown = format!("{} MiB", limit / (1024 * 1024));
            return Err(Box::new(too_large(
                Source::new(name, ""),
                "inflated",
                shown,
            )));
        }
        total += read;
    }
    Ok(())
}

/// The sheets of a workbook, empty ones included.
///
/// # Errors
/// Bytes that are not a workbook, or a damaged one ([`RecordError::TableUnreadable`]); a
/// sheet past the size of a workbook ([`RecordError::TableTooLarge`]).
pub(super) fn read(name: &str, bytes: &[u8]) -> Result<Vec<Sheet>, Box<RecordError>> {
    unpacked_size(name, bytes)?;
    let mut workbook: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|error| unreadable(name, &error))?;
    let mut sheets = Vec::new();
    let mut budget = MAX_CELLS;
    for sheet in workbook.sheet_names() {
        let mut reader = match workbook.worksheet_cells_reader(&sheet) {
            Ok(reader) => reader,
            Err(XlsxError::NotAWorksheet(_)) => continue,
            Err(error) => return Err(unreadable(name, &error)),
        };
        let mut cells = Vec::new();
        while let Some(cell) = reader.next_cell().map_err(|e| unreadable(name, &e))? {
            let (row, column) = cell.get_position();
            let place = || Source::new(format!("{name}!{sheet}"), "");
            if row >= MAX_ROWS {
                return Err(Box::new(too_large(place(), "rows", MAX_ROWS)));
            }
            if column >= MAX_COLUMNS {
                return Err(Box::new(too_large(place(), "columns", MAX_COLUMNS)));
            }
            let Some(content) = content(cell.get_value()) else {
                continue;
            };
            budget = match budget.checked_sub(1) {
                Some(left) => left,
                None => {
                    let src = Source::new(name, "");
                    return Err(Box::new(too_large(src, "cells", MAX_CELLS)));
                }
            };
            cells.push((row, Cell { column, content }));
        }
        sheets.push(Sheet {
            name: Some(sheet),
            rows: grid::into_rows(cells),
        });
    }
    Ok(sheets)
}

/// A cell's content as the workbook types it; `None` for an empty cell.
fn content(value: &DataRef<'_>) -> Option<Content> {
    let text = |text: &str| (!grid::is_blank(text)).then(|| Content::Text(text.to_owned()));
    match value {
        DataRef::Empty => None,
        DataRef::String(string) => text(string),
        DataRef::SharedString(string) => text(string),
        DataRef::DurationIso(string) => text(string),
        DataRef::Int(number) => Some(Content::Number(number.to_string())),
        DataRef::Float(number) => Some(Content::Number(shortest(*number))),
        DataRef::Bool(value) => Some(Content::Bool(*value)),
        DataRef::Error(error) => Some(Content::Error(error.to_string())),
        DataRef::DateTimeIso(written) => Some(iso_date(written)),
        DataRef::DateTime(date) => Some(serial_date(date)),
    }
}

/// A number as the shortest decimal that reads back as it: `3200000`, `0.1`, `2020`
/// (Rust prints `f64` so, without an exponent).
fn shortest(number: f64) -> String {
    number.to_string()
}

/// A date cell: its day, or with a time of day, both; a duration, or a serial number no
/// calendar has, as the number it is.
fn serial_date(date: &calamine::ExcelDateTime) -> Content {
    let serial = date.as_f64();
    if date.is_duration() || !(0.0..LAST_SERIAL_DATE + 1.0).contains(&serial) {
        return Content::Number(shortest(serial));
    }
    let (year, month, day, hour, minute, second, milli) = date.to_ymd_hms_milli();
    let day = format!("{year:04}-{month:02}-{day:02}");
    if (hour, minute, second, milli) == (0, 0, 0, 0) {
        Content::Date(day)
    } else {
        Content::DateTime(format!("{day} {hour:02}:{minute:02}:{second:02}"))
    }
}

/// A date written in ISO 8601 (`2020-08-14`, `2020-08-14T00:00:00`): its day, unless it
/// has a time of day.
fn iso_date(written: &str) -> Content {
    match written.split_once('T') {
        None => Content::Date(written.to_owned()),
        Some((day, time)) if time.bytes().all(|b| matches!(b, b'0' | b':' | b'.')) => {
            Content::Date(day.to_owned())
        }
        Some((day, time)) => Content::DateTime(format!("{day} {time}")),
    }
}

/// A file the workbook reader gives up on.
fn unreadable(name: &str, error: &XlsxError) -> Box<RecordError> {
    let hint = match error {
        XlsxError::Password => "password",
        XlsxError::Zip(_) => "not_xlsx",
        XlsxError::FileNotFound(_) | XlsxError::RelationshipNotFound => "not_xlsx",
        _ => "damaged",
    };
    Box::new(RecordError::TableUnreadable {
        src: Source::new(name, ""),
        span: Span::new(0, 0),
        file: name.to_owned(),
        hint: Some(hint),
        detail: error.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    fn date(serial: f64) -> Content {
        serial_date(&ExcelDateTime::new(
            serial,
            ExcelDateTimeType::DateTime,
            false,
        ))
    }

    #[test]
    fn numbers_are_written_as_their_shortest_decimal() {
        assert_eq!(shortest(3_200_000.0), "3200000");
        assert_eq!(shortest(2020.0), "2020");
        assert_eq!(shortest(0.1), "0.1");
        assert_eq!(shortest(3_200_000.5), "3200000.5");
    }

    #[test]
    fn dates_are_days_unless_they_have_a_time() {
        assert_eq!(date(44057.0), Content::Date("2020-08-14".into()));
        assert_eq!(
            date(44057.5),
            Content::DateTime("2020-08-14 12:00:00".into())
        );
        assert_eq!(date(-1.0), Content::Number("-1".into()));
        assert_eq!(date(1e300), Content::Number(shortest(1e300)));
        assert_eq!(date(f64::NAN), Content::Number("NaN".into()));
        assert_eq!(iso_date("2020-08-14"), Content::Date("2020-08-14".into()));
        assert_eq!(
            iso_date("2020-08-14T00:00:00.000"),
            Content::Date("2020-08-14".into())
        );
        assert_eq!(
            iso_date("2020-08-14T08:30:00"),
            Content::DateTime("2020-08-14 08:30:00".into())
        );
    }

    #[test]
    fn bytes_that_are_not_a_workbook_are_unreadable() {
        for bytes in [&b""[..], b"not a zip at all", b"PK\x03\x04truncated"] {
            let error = read("t.xlsx", bytes).err().map(|e| *e);
            assert!(
                matches!(
                    error,
                    Some(RecordError::TableUnreadable {
                        hint: Some("not_xlsx"),
                        ..
                    })
                ),
                "{error:?}"
            );
        }
    }
}

#[cfg(test)]
mod inflation {
    use std::io::Write as _;

    use super::*;

    /// A zip of one part: `size` zero bytes, deflated to a few kilobytes.
    fn zeros(size: usize) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        writer
            .start_file("xl/sharedStrings.xml", options)
            .expect("a part");
        let chunk = vec![0u8; 64 * 1024];
        for _ in 0..size / chunk.len() {
            writer.write_all(&chunk).expect("written");
        }
        writer.finish().expect("a zip").into_inner()
    }

    #[test]
    fn a_workbook_that_unpacks_past_the_limit_is_refused_before_calamine_reads_it() {
        let bomb = zeros(4 * 1024 * 1024);
        assert!(bomb.len() < 64 * 1024, "{} bytes", bomb.len());
        let error = unpacked_within("炸弹.xlsx", &bomb, 2 * 1024 * 1024).expect_err("refused");
        assert!(matches!(
            *error,
            RecordError::TableTooLarge {
                hint: Some("inflated"),
                ..
            }
        ));
        assert!(unpacked_within("炸弹.xlsx", &bomb, 8 * 1024 * 1024).is_ok());
        // Not a zip at all: left to calamine, which names the problem.
        assert!(unpacked_within("x.xlsx", b"not a zip", 1024).is_ok());
    }
}
