//! The header row: each cell names a leaf field of the pack's schema, by its path
//! (`cost.public`) or by its label (the field's description up to its first colon,
//! [`Field::label`]) when that labels exactly one leaf field.
//!
//! The header is read once per sheet into the columns and a layout: the tree of the
//! groups the columns' paths go through, in the order the header first names them, which
//! each row's events follow. Every problem is reported at once, each with a source of its
//! own that names its cell (`台账.xlsx!Sheet1!B1`) and shows the cell's line.

use std::collections::HashSet;

use super::grid::{self, Sheet};
use crate::fuzzy;
use crate::pack::{Field, FieldShape, Pack, Type};
use crate::record::error::RecordError;
use crate::source::{Source, Span};

/// A column that gives a field.
#[derive(Debug)]
pub(super) struct Column<'p> {
    /// The spreadsheet column, from 0.
    pub(super) index: u32,
    /// The header as written, as rows show it.
    pub(super) header: String,
    /// The field's slot in the record.
    pub(super) slot: usize,
    /// The field's type.
    pub(super) ty: &'p Type,
}

/// A step of the layout: a group the columns' paths go through, or a column's field.
#[derive(Debug)]
pub(super) enum Node<'p> {
    /// A group: its name and what it holds.
    Group(&'p str, Vec<Node<'p>>),
    /// A field: its name and its column (an index into [`Header::columns`]).
    Leaf(&'p str, usize),
}

/// What a sheet's header says.
#[derive(Debug)]
pub(super) struct Header<'p> {
    /// The columns that give fields, in column order.
    pub(super) columns: Vec<Column<'p>>,
    /// The groups and fields in the order the header first names them.
    pub(super) layout: Vec<Node<'p>>,
}

/// A leaf field or a group of the schema, as a header may name it.
struct Named<'p> {
    path: String,
    names: Vec<&'p str>,
    label: Option<&'p str>,
    /// The leaf's slot, or `None` for a group.
    slot: Option<usize>,
}

/// The header of a sheet whose first row is `sheet.rows[0]`, checked against the rows
/// under it (a value under an empty header cell is an error).
///
/// # Errors
/// Every problem with the header, in column order.
pub(super) fn read<'p>(
    pack: &'p Pack,
    base: &str,
    sheet: &Sheet,
) -> Result<Header<'p>, Vec<RecordError>> {
    let Some((first, rest)) = sheet.rows.split_first() else {
        return Ok(Header {
            columns: Vec::new(),
            layout: Vec::new(),
        });
    };
    let mut named = Vec::new();
    collect(&pack.schema.fields, &mut Vec::new(), &mut named);
    let mut reading = Reading {
        pack,
        base,
        row: first.index,
        named,
        columns: Vec::new(),
        cells: Vec::new(),
        errors: Vec::new(),
    };
    for cell in &first.cells {
        reading.cell(cell.column, cell.content.text().trim());
    }
    let headed: HashSet<u32> = first.cells.iter().map(|cell| cell.column).collect();
    let mut unnamed: Vec<u32> = rest
        .iter()
        .flat_map(|row| row.cells.iter().map(|cell| cell.column))
        .filter(|column| !headed.contains(column))
        .collect::<HashSet<u32>>()
        .into_iter()
        .collect();
    unnamed.sort_unstable();
    for column in unnamed {
        reading.unnamed(column);
    }
    reading.finish()
}

/// Every leaf field and group under `fields`, with its path.
fn collect<'p>(fields: &'p [Field], names: &mut Vec<&'p str>, out: &mut Vec<Named<'p>>) {
    for field in fields {
        names.push(&field.name);
        let slot = match &field.shape {
            FieldShape::Leaf(slot) => Some(*slot),
            FieldShape::Group(inner) => {
                collect(inner, names, out);
                None
            }
        };
        out.push(Named {
            path: names.join("."),
            names: names.clone(),
            label: field.label(),
            slot,
        });
        names.pop();
    }
}

/// A header being read.
struct Reading<'p, 'b> {
    pack: &'p Pack,
    base: &'b str,
    row: u32,
    named: Vec<Named<'p>>,
    columns: Vec<Column<'p>>,
    /// For each column, the fields its path goes through and where its cell is, for the
    /// layout and for a duplicate.
    cells: Vec<(Vec<&'p str>, String)>,
    errors: Vec<RecordError>,
}

impl<'p> Reading<'p, '_> {
    /// Reads one header cell.
    fn cell(&mut self, index: u32, header: &str) {
        let Some(found) = self.find(index, header) else {
            return;
        };
        let Some((Some(slot), names, path)) = self
            .named
            .get(found)
            .map(|named| (named.slot, named.names.clone(), named.path.clone()))
        else {
            return;
        };
        let ty = match self.pack.schema.slots.get(slot) {
            Some(declared) => &declared.ty,
            None => return,
        };
        if let Some(first) = self.columns.iter().position(|column| column.slot == slot) {
            self.duplicate(first, index, header, path);
            return;
        }
        if matches!(ty, Type::Rows(_)) {
            let (src, span) = self.source(index, header);
            let path = path.into();
            self.errors
                .push(RecordError::RowsColumn { src, span, path });
            return;
        }
        self.cells.push((names, header.to_owned()));
        self.columns.push(Column {
            index,
            header: header.to_owned(),
            slot,
            ty,
        });
    }

    /// The leaf field a header names (an index into `named`), or `None` after reporting
    /// why it names none.
    fn find(&mut self, index: u32, header: &str) -> Option<usize> {
        let by_path = self.named.iter().position(|named| named.path == header);
        let found = by_path.or_else(|| self.by_label(index, header))?;
        let named = self.named.get(found)?;
        if named.slot.is_some() {
            return Some(found);
        }
        let prefix = format!("{}.", named.path);
        let fields = self
            .named
            .iter()
            .filter(|inner| inner.slot.is_some() && inner.path.starts_with(&prefix))
            .map(|inner| inner.path.clone())
            .collect();
        self.unknown(index, header, None, fields);
        None
    }

    /// The one field or group a label names; an ambiguous label, or one that names
    /// nothing, is reported.
    fn by_label(&mut self, index: u32, header: &str) -> Option<usize> {
        let labelled = |named: &&Named<'_>| named.label == Some(header);
        let mut matching = self.named.iter().enumerate().filter(|(_, n)| labelled(n));
        let first = matching.next();
        match (first, matching.next()) {
            (Some((found, _)), None) => Some(found),
            (Some(_), Some(_)) => {
                let fields = self
                    .named
                    .iter()
                    .filter(labelled)
                    .map(|named| named.path.clone())
                    .collect();
                let (src, span) = self.source(index, header);
                let header = header.to_owned();
                self.errors.push(RecordError::AmbiguousColumn {
                    src,
                    span,
                    header,
                    fields,
                });
                None
            }
            (None, _) => {
                let suggestion = self.suggestion(header);
                self.unknown(index, header, suggestion, Vec::new());
                None
            }
        }
    }

    /// A close leaf path or label.
    fn suggestion(&self, header: &str) -> Option<String> {
        let leaves = self.named.iter().filter(|named| named.slot.is_some());
        let candidates = leaves.flat_map(|named| std::iter::once(&*named.path).chain(named.label));
        fuzzy::did_you_mean(header, candidates).map(str::to_owned)
    }

    fn unknown(
        &mut self,
        index: u32,
        header: &str,
        suggestion: Option<String>,
        fields: Vec<String>,
    ) {
        let (src, span) = self.source(index, header);
        self.errors.push(RecordError::UnknownColumn {
            src,
            span,
            header: header.to_owned(),
            suggestion,
            hint: (!fields.is_empty()).then_some("group"),
            fields,
        });
    }

    /// A second column for the field of column `first` (an index into `columns`).
    fn duplicate(&mut self, first: usize, index: u32, header: &str, path: String) {
        let Some(earlier) = self.columns.get(first) else {
            return;
        };
        let (earlier_line, earlier_span) = line(&self.reference(earlier.index), &earlier.header);
        let (line, span) = line(&self.reference(index), header);
        let text = format!("{earlier_line}\n{line}");
        let shift = earlier_line.len() + 1;
        self.errors.push(RecordError::DuplicateColumn {
            src: Source::new(self.name(index), text),
            span: span.shifted(shift),
            first: earlier_span,
            path: path.into(),
        });
    }

    /// A column with values under an empty header cell.
    fn unnamed(&mut self, index: u32) {
        let (src, span) = self.source(index, "");
        let column = grid::column_name(index);
        self.errors
            .push(RecordError::UnnamedColumn { src, span, column });
    }

    /// The source of a problem with one header cell, and the span of its text.
    fn source(&self, index: u32, header: &str) -> (Source, Span) {
        let (text, span) = line(&self.reference(index), header);
        (Source::new(self.name(index), text), span)
    }

    fn reference(&self, index: u32) -> String {
        grid::reference(index, self.row)
    }

    /// The name of a cell's source: the file's, the sheet's and the cell's, `t.xlsx!S!B1`.
    fn name(&self, index: u32) -> String {
        format!("{}!{}", self.base, self.reference(index))
    }

    fn finish(self) -> Result<Header<'p>, Vec<RecordError>> {
        if !self.errors.is_empty() {
            return Err(self.errors);
        }
        let mut layout = Vec::new();
        for (column, (names, _)) in self.cells.iter().enumerate() {
            insert(&mut layout, names, column);
        }
        Ok(Header {
            columns: self.columns,
            layout,
        })
    }
}

/// A header cell's line, `B1 名称`, and the span of the header in it (of the reference,
/// for an empty one).
fn line(reference: &str, header: &str) -> (String, Span) {
    if header.is_empty() {
        return (reference.to_owned(), Span::new(0, reference.len()));
    }
    let text = format!("{reference} {}", grid::shown(header));
    let span = Span::new(reference.len() + 1, text.len());
    (text, span)
}

/// Puts the field at `names` (a path through the schema's groups) into the layout.
fn insert<'p>(layout: &mut Vec<Node<'p>>, names: &[&'p str], column: usize) {
    let Some((name, rest)) = names.split_first() else {
        return;
    };
    if rest.is_empty() {
        layout.push(Node::Leaf(name, column));
        return;
    }
    let existing = layout
        .iter()
        .position(|node| matches!(node, Node::Group(group, _) if group == name));
    let index = match existing {
        Some(index) => index,
        None => {
            layout.push(Node::Group(name, Vec::new()));
            layout.len() - 1
        }
    };
    if let Some(Node::Group(_, inner)) = layout.get_mut(index) {
        insert(inner, rest, column);
    }
}
