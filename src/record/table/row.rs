//! One row of a ledger → one record's events, read by the schema walk as a YAML or JSON
//! record's are.
//!
//! A row is written out as a small text, the row's [`Source`]: a first line with the
//! row's range (`A7:H7`), where problems with the record as a whole point, then one line
//! per non-empty cell, `D7 cost.public: 320万`, the header as written and the cell's
//! text. Each problem gets a copy of the source named after its cell
//! (`台账.xlsx!Sheet1!D7`), so that a reviewer reads the file, the sheet and the cell, and
//! the snippet shows the cell among its neighbours.
//!
//! The events nest the cells by their paths, in the order the header first names them
//! ([`Node`]); a group none of whose cells is filled is left out, as a YAML record leaves
//! it out. Each cell's style is chosen by its field's type so that the walk reads it as
//! written: plain for whole numbers and yes/no (a quoted one is refused), quoted for
//! everything else, so that a text field's `true` or `2020` stays text, and no cell is
//! ever read as null.

use std::borrow::Cow;

use super::grid::{self, Content};
use super::header::{Column, Header, Node};
use crate::diagnostics::Diagnostics;
use crate::pack::{Pack, Type};
use crate::record::Facts;
use crate::record::error::{FieldPath, RecordError};
use crate::record::events::{Event, Events, Finished, Scalar, Style};
use crate::source::{Source, Span};

/// What separates the items of a list in one cell: `、`, `，` or `,`.
const SEPARATORS: [char; 3] = ['、', '，', ','];

/// A row written out, ready to be walked.
struct Written<'a> {
    /// The file's and the sheet's name.
    base: &'a str,
    source: Source,
    /// Where each line starts, and the cell (or, for the first, the row's range) it shows.
    lines: Vec<(usize, String)>,
    /// For each column of the header, the offset of its cell's text in the source.
    offsets: Vec<Option<usize>>,
    /// For each column of the header, its cell.
    cells: Vec<Option<&'a Content>>,
}

/// A cell's value, as events give it.
enum Given<'a> {
    Scalar(Scalar<'a>),
    List(Span, Vec<Scalar<'a>>),
}

/// The facts of one row; `base` names the file and the sheet, `range` the columns of
/// the header (first and last).
pub(super) fn facts(
    pack: &Pack,
    header: &Header<'_>,
    base: &str,
    row: &grid::Row,
    range: (u32, u32),
) -> Result<Facts, Diagnostics<RecordError>> {
    let written = write(header, base, row, range);
    let anchor = Span::new(0, written.lines.first().map_or(0, |(_, r)| r.len()));
    let (events, problems, failed) = events(pack, header, &written, anchor);
    let events = RowEvents {
        events: events.into_iter(),
        problems,
    };
    let source = &written.source;
    let walked = crate::record::interpret::walk(source, pack, events, false);
    let result = crate::record::finish(source, walked)
        .map_err(|errors| crate::record::labelled(pack, errors))
        .and_then(|facts| crate::record::required_when_at(source, pack, facts, anchor));
    result.map_err(|errors| placed(&written, errors, &failed))
}

/// The row's source text, with a line per non-empty cell under a named column.
fn write<'a>(
    header: &Header<'_>,
    base: &'a str,
    row: &'a grid::Row,
    range: (u32, u32),
) -> Written<'a> {
    let (first, last) = range;
    let rows = format!(
        "{}:{}",
        grid::reference(first, row.index),
        grid::reference(last, row.index)
    );
    let mut text = format!("{rows}\n");
    let mut lines = vec![(0, rows.clone())];
    let mut offsets = vec![None; header.columns.len()];
    let mut cells = vec![None; header.columns.len()];
    for cell in &row.cells {
        let Ok(at) = header
            .columns
            .binary_search_by_key(&cell.column, |column| column.index)
        else {
            continue;
        };
        let Some(column) = header.columns.get(at) else {
            continue;
        };
        let reference = grid::reference(cell.column, row.index);
        lines.push((text.len(), reference.clone()));
        text.push_str(&format!("{reference} {}: ", grid::shown(&column.header)));
        if let (Some(offset), Some(slot)) = (offsets.get_mut(at), cells.get_mut(at)) {
            *offset = Some(text.len());
            *slot = Some(&cell.content);
        }
        text.push_str(&grid::shown(cell.content.text()));
        text.push('\n');
    }
    Written {
        base,
        source: Source::new(format!("{base}!{rows}"), text),
        lines,
        offsets,
        cells,
    }
}

/// The row's events in layout order, the problems of its cells, and the paths of the
/// fields whose cells have one.
fn events<'a>(
    pack: &'a Pack,
    header: &Header<'a>,
    written: &Written<'a>,
    anchor: Span,
) -> (Vec<Event<'a>>, Vec<RecordError>, Vec<String>) {
    let mut values = Vec::with_capacity(header.columns.len());
    let (mut problems, mut failed) = (Vec::new(), Vec::new());
    for (index, column) in header.columns.iter().enumerate() {
        let cell = written.cells.get(index).copied().flatten();
        let offset = written.offsets.get(index).copied().flatten();
        let value = match (cell, offset) {
            (Some(content), Some(at)) => {
                let path = pack.schema.slots.get(column.slot).map_or("", |s| &s.path);
                let given = given(column, content, at, &written.source, path);
                given
                    .map_err(|problem| {
                        problems.push(*problem);
                        failed.push(path.to_owned());
                    })
                    .ok()
            }
            _ => None,
        };
        values.push(value);
    }
    let mut out = vec![Event::MappingStart(anchor)];
    emit(&header.layout, &mut values, anchor, &mut out);
    out.push(Event::End(Span::new(anchor.end, anchor.end)));
    (out, problems, failed)
}

/// The events of the nodes whose cells are given; a group with none is left out.
fn emit<'a>(
    nodes: &[Node<'a>],
    values: &mut [Option<Given<'a>>],
    anchor: Span,
    out: &mut Vec<Event<'a>>,
) {
    for node in nodes {
        match node {
            Node::Leaf(name, column) => {
                let Some(given) = values.get_mut(*column).and_then(Option::take) else {
                    continue;
                };
                out.push(key(name, anchor));
                match given {
                    Given::Scalar(scalar) => out.push(Event::Scalar(scalar)),
                    Given::List(span, items) => {
                        out.push(Event::SequenceStart(span));
                        out.extend(items.into_iter().map(Event::Scalar));
                        out.push(Event::End(Span::new(span.end, span.end)));
                    }
                }
            }
            Node::Group(name, inner) => {
                let mark = out.len();
                out.push(key(name, anchor));
                out.push(Event::MappingStart(anchor));
                emit(inner, values, anchor, out);
                if out.len() == mark + 2 {
                    out.truncate(mark);
                } else {
                    out.push(Event::End(Span::new(anchor.end, anchor.end)));
                }
            }
        }
    }
}

fn key(name: &str, span: Span) -> Event<'_> {
    Event::Scalar(Scalar {
        text: Cow::Borrowed(name),
        style: Style::Plain,
        span,
    })
}

/// A cell's value for its column's field, its text at `at` in the source; or the problem
/// with the cell.
fn given<'a>(
    column: &Column<'_>,
    content: &'a Content,
    at: usize,
    source: &Source,
    path: &str,
) -> Result<Given<'a>, Box<RecordError>> {
    let text = content.text();
    let problem = |span, make: fn(Source, Span, FieldPath, String) -> RecordError| {
        let found = text.to_owned();
        Box::new(make(source.clone(), span, path.to_owned().into(), found))
    };
    let whole = Span::new(at, at + text.len());
    match (content, column.ty) {
        (Content::Error(_), _) => Err(problem(whole, |src, span, path, found| {
            RecordError::ErrorCell {
                src,
                span,
                path,
                found,
            }
        })),
        (Content::DateTime(_), _) => Err(problem(whole, |src, span, path, found| {
            RecordError::TimeInCell {
                src,
                span,
                path,
                found,
            }
        })),
        (_, Type::List(item)) => list(item, text, at).map_err(|empty| {
            problem(empty, |src, span, path, found| RecordError::EmptyItem {
                src,
                span,
                path,
                found,
            })
        }),
        (_, ty) => Ok(Given::Scalar(scalar(ty, text, at))),
    }
}

/// A scalar of type `ty` written `text` at `at`: text as written; anything else without
/// the white space around it, yes/no also as `是` or `否`.
fn scalar<'a>(ty: &Type, text: &'a str, at: usize) -> Scalar<'a> {
    if *ty == Type::Text {
        let span = Span::new(at, at + text.len());
        return Scalar {
            text: Cow::Borrowed(text),
            style: Style::Quoted,
            span,
        };
    }
    let trimmed = text.trim();
    let start = at + (text.len() - text.trim_start().len());
    let span = Span::new(start, start + trimmed.len());
    let null = matches!(trimmed, "~" | "null" | "Null" | "NULL");
    let style = match ty {
        Type::Integer | Type::Bool if !null => Style::Plain,
        _ => Style::Quoted,
    };
    let text = match (ty, trimmed) {
        (Type::Bool, "是") => "true",
        (Type::Bool, "否") => "false",
        _ => trimmed,
    };
    Scalar {
        text: Cow::Borrowed(text),
        style,
        span,
    }
}

/// The items of a list written in one cell, separated by [`SEPARATORS`]; or the span of
/// an empty item (of the separator after it, or before it at the end).
fn list<'a>(item: &Type, text: &'a str, at: usize) -> Result<Given<'a>, Span> {
    let mut items = Vec::new();
    let mut start = 0;
    let separators = text
        .match_indices(SEPARATORS)
        .map(|(offset, separator)| (offset, separator.len()))
        .chain(std::iter::once((text.len(), 0)));
    for (end, length) in separators {
        let piece = text.get(start..end).unwrap_or_default();
        if grid::is_blank(piece) {
            let empty = if length > 0 {
                Span::new(at + end, at + end + length)
            } else {
                let before = text.get(..start).and_then(|t| t.chars().next_back());
                Span::new(at + start - before.map_or(0, char::len_utf8), at + start)
            };
            return Err(empty);
        }
        items.push(scalar(item, piece, at + start));
        start = end + length;
    }
    let span = Span::new(at, at + text.len());
    Ok(Given::List(span, items))
}

/// The events of a row, and the problems of its cells.
struct RowEvents<'a> {
    events: std::vec::IntoIter<Event<'a>>,
    problems: Vec<RecordError>,
}

impl<'a> Events<'a> for RowEvents<'a> {
    fn next(&mut self) -> Option<Event<'a>> {
        self.events.next()
    }

    fn finish(self) -> Finished {
        Finished {
            errors: self.problems,
            complete: true,
        }
    }
}

/// The errors, each with a source named after its cell, but for a missing field whose
/// cell has a problem of its own (already reported).
fn placed(
    written: &Written<'_>,
    errors: Diagnostics<RecordError>,
    failed: &[String],
) -> Diagnostics<RecordError> {
    let redundant = |error: &RecordError| matches!(error, RecordError::Missing { path, .. } if failed.iter().any(|f| **f == **path));
    let all: Vec<RecordError> = errors.into_iter().collect();
    let keep = all.iter().any(|error| !redundant(error));
    let mut named: Vec<Option<Source>> = vec![None; written.lines.len()];
    let placed = all
        .into_iter()
        .filter(|error| !keep || !redundant(error))
        .map(|error| {
            let line = written
                .lines
                .partition_point(|(start, _)| *start <= error.offset())
                .saturating_sub(1);
            match (named.get_mut(line), written.lines.get(line)) {
                (Some(slot), Some((_, reference))) => {
                    let source = slot.get_or_insert_with(|| {
                        let name = format!("{}!{reference}", written.base);
                        Source::new(name, written.source.text())
                    });
                    error.with_source(source.clone())
                }
                _ => error,
            }
        })
        .collect();
    // `placed` keeps at least one error of the non-empty list it was given.
    Diagnostics::new(placed).unwrap_or_else(|| {
        Diagnostics::one(RecordError::Empty {
            src: written.source.clone(),
            span: Span::new(0, 0),
            hint: crate::record::error::Written::Yaml,
        })
    })
}
