//! The schema walk: a YAML tree read against the pack's record type.
//!
//! Every key must name a field allowed at its level; groups are mappings of sub-fields;
//! leaves are read as their declared type; absent leaves take their default or, when
//! required, are reported. Every problem is collected; nothing stops the walk.

use std::collections::HashMap;
use std::sync::Arc;

use super::error::RecordError;
use super::scalar::{self, At, Read};
use super::yaml::{Entry, Node, NodeKind};
use crate::fuzzy;
use crate::pack::{Field, FieldShape, Pack, RecordType, Slot, Type};
use crate::source::{Source, Span};
use crate::value::{Row, Value};

/// Mappings with this many fields or fewer list them when an unknown key has no close match.
const LISTED_FIELDS: usize = 12;

/// Reads the root mapping against `pack.schema`: one value per slot, and the problems found.
pub(super) fn interpret(
    src: &Source,
    pack: &Pack,
    root: &Node,
) -> (Vec<Option<Value>>, Vec<RecordError>) {
    let mut walker = Walker {
        src,
        pack,
        errors: Vec::new(),
    };
    let values = walker.root(&pack.schema, root);
    (values, walker.errors)
}

/// A mapping being read: its path, and where errors about its absent fields point.
struct Place {
    /// Dotted path from the root; empty for the root.
    path: String,
    /// What a missing field's error points at: the mapping's key, or its start.
    anchor: Span,
    /// How labels name the mapping: `the record` or a quoted path.
    within: String,
}

impl Place {
    fn nested(path: String, anchor: Span) -> Self {
        let within = format!("`{path}`");
        Self {
            path,
            anchor,
            within,
        }
    }

    fn child(&self, name: &str) -> String {
        join(&self.path, name)
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

/// Whether a mapping gave a field.
#[derive(Clone, Copy)]
enum Given {
    No,
    /// Given as null, at this key: the same as absent.
    Null(Span),
    /// Given (and read, or reported).
    Yes,
}

/// The values of one record (the root or a row) being filled in.
struct Record<'t> {
    slots: &'t [Slot],
    values: Vec<Option<Value>>,
}

impl Record<'_> {
    fn set(&mut self, slot: usize, value: Option<Value>) {
        if let Some(place) = self.values.get_mut(slot) {
            *place = value;
        }
    }
}

struct Walker<'a> {
    src: &'a Source,
    pack: &'a Pack,
    errors: Vec<RecordError>,
}

impl Walker<'_> {
    fn root(&mut self, ty: &RecordType, node: &Node) -> Vec<Option<Value>> {
        if let NodeKind::Mapping(entries) = &node.kind {
            let place = Place {
                path: String::new(),
                anchor: node.head,
                within: "the record".into(),
            };
            return self.record(ty, entries, &place);
        }
        let (src, span, found) = (self.src(), node.span, node.describe());
        self.errors
            .push(RecordError::NotAMapping { src, span, found });
        vec![None; ty.slots.len()]
    }

    /// Reads a mapping as a whole record of type `ty`.
    fn record(&mut self, ty: &RecordType, entries: &[Entry], place: &Place) -> Vec<Option<Value>> {
        let mut record = Record {
            slots: &ty.slots,
            values: vec![None; ty.slots.len()],
        };
        self.group(&ty.fields, entries, place, &mut record);
        record.values
    }

    /// Reads a mapping whose keys are `fields`, then settles the fields it did not give.
    fn group(
        &mut self,
        fields: &[Field],
        entries: &[Entry],
        place: &Place,
        record: &mut Record<'_>,
    ) {
        let mut given = vec![Given::No; fields.len()];
        let mut seen = HashMap::new();
        for entry in entries {
            let Some(index) = self.key(fields, entry, place, &mut seen) else {
                continue;
            };
            if let (Some(field), Some(given)) = (fields.get(index), given.get_mut(index)) {
                *given = self.field(field, entry, place, record);
            }
        }
        for (field, given) in fields.iter().zip(given) {
            match given {
                Given::Yes => {}
                Given::No => self.absent(field, place, &field.name, None, record),
                Given::Null(key) => self.absent(field, place, &field.name, Some(key), record),
            }
        }
    }

    /// The field a key names, or `None` after reporting why it names none.
    fn key<'e>(
        &mut self,
        fields: &[Field],
        entry: &'e Entry,
        place: &Place,
        seen: &mut HashMap<&'e str, Span>,
    ) -> Option<usize> {
        let (src, span) = (self.src(), entry.key.span);
        let key = match &entry.key.kind {
            NodeKind::Scalar(text, _) => text.as_str(),
            NodeKind::Invalid => return None,
            NodeKind::Sequence(_) | NodeKind::Mapping(_) => {
                let (within, found) = (place.within.clone(), entry.key.describe());
                self.errors.push(RecordError::NonScalarKey {
                    src,
                    span,
                    within,
                    found,
                });
                return None;
            }
        };
        let path = place.child(key);
        if let Some(&first) = seen.get(key) {
            self.errors.push(RecordError::DuplicateKey {
                src,
                span,
                first,
                path,
            });
            return None;
        }
        seen.insert(key, span);
        let index = fields.iter().position(|field| *field.name == *key);
        if index.is_none() {
            let (within, help) = (place.within.clone(), field_help(fields, key, place));
            self.errors.push(RecordError::UnknownField {
                src,
                span,
                path,
                within,
                help,
            });
        }
        index
    }

    /// Reads a given field's value.
    fn field(
        &mut self,
        field: &Field,
        entry: &Entry,
        place: &Place,
        record: &mut Record<'_>,
    ) -> Given {
        let value = &entry.value;
        if value.is_null() {
            return Given::Null(entry.key.span);
        }
        let path = place.child(&field.name);
        match (&field.shape, &value.kind) {
            (_, NodeKind::Invalid) => {}
            (FieldShape::Leaf(slot), _) => {
                let Some(declared) = record.slots.get(*slot) else {
                    return Given::Yes;
                };
                let read = self.value(&declared.ty, value, &path);
                let read = match (read, &declared.range) {
                    (Some(v), Some(range)) if !crate::value::within(&v, range) => {
                        self.out_of_range(value, &path, range);
                        None
                    }
                    (read, _) => read,
                };
                record.set(*slot, read);
            }
            (FieldShape::Group(fields), NodeKind::Mapping(entries)) => {
                let place = Place::nested(path, entry.key.span);
                self.group(fields, entries, &place, record);
            }
            (FieldShape::Group(_), _) => self.shape(value, path, "a mapping of fields".into()),
        }
        Given::Yes
    }

    /// Settles a field the record does not give: its default, or an error if required.
    /// `name` is its path relative to `place`; `null` is the key that gave it as null.
    fn absent(
        &mut self,
        field: &Field,
        place: &Place,
        name: &str,
        null: Option<Span>,
        record: &mut Record<'_>,
    ) {
        let slot = match &field.shape {
            FieldShape::Group(fields) => {
                for sub in fields {
                    self.absent(sub, place, &join(name, &sub.name), null, record);
                }
                return;
            }
            FieldShape::Leaf(slot) => *slot,
        };
        let Some(declared) = record.slots.get(slot) else {
            return;
        };
        if let Some(default) = &declared.default {
            record.set(slot, Some(default.clone()));
        } else if declared.required {
            let (label, span) = match null {
                Some(key) => (format!("`{name}` is empty"), key),
                None => (format!("{} has no `{name}`", place.within), place.anchor),
            };
            let path = place.child(name);
            self.errors.push(RecordError::Missing {
                src: self.src(),
                span,
                path,
                label,
            });
        }
    }

    /// Reads a non-null value as `ty`.
    fn value(&mut self, ty: &Type, node: &Node, path: &str) -> Option<Value> {
        match (ty, &node.kind) {
            (_, NodeKind::Invalid) => None,
            (Type::List(item), NodeKind::Sequence(items)) => Some(self.list(item, items, path)),
            (Type::Rows(row), NodeKind::Sequence(items)) => Some(self.rows(row, items, path)),
            (Type::List(_) | Type::Rows(_), _) => {
                self.shape(node, path.to_owned(), self.expected(ty));
                None
            }
            (_, NodeKind::Scalar(text, style)) => {
                let at = At {
                    src: self.src,
                    span: node.span,
                    path,
                    text,
                    style: *style,
                };
                let read = self.scalar(ty, &at);
                read.map_err(|error| self.errors.push(*error)).ok()
            }
            (_, NodeKind::Sequence(_) | NodeKind::Mapping(_)) => {
                self.shape(node, path.to_owned(), self.expected(ty));
                None
            }
        }
    }

    fn scalar(&self, ty: &Type, at: &At<'_>) -> Read {
        match ty {
            Type::Text => Ok(scalar::text(at)),
            Type::Integer => scalar::integer(at),
            Type::Money => scalar::money(at),
            Type::Date => scalar::date(at),
            Type::MonthDay => scalar::month_day(at),
            Type::Bool => scalar::boolean(at),
            Type::Term(index) => match self.vocabulary(*index) {
                Some(vocabulary) => scalar::term(*index, vocabulary, at),
                None => Err(Box::new(self.unsupported(at, "an undeclared vocabulary"))),
            },
            Type::Period => Err(Box::new(self.unsupported(at, "period"))),
            Type::List(_) | Type::Rows(_) => Err(Box::new(self.unsupported(at, "list"))),
        }
    }

    /// A list of plain values; null items are errors.
    fn list(&mut self, item: &Type, nodes: &[Node], path: &str) -> Value {
        let mut values = Vec::with_capacity(nodes.len());
        for (index, node) in nodes.iter().enumerate() {
            let path = format!("{path}[{index}]");
            if node.is_null() {
                self.shape(node, path, self.expected(item));
            } else if let Some(value) = self.value(item, node, &path) {
                values.push(value);
            }
        }
        Value::List(values.into())
    }

    /// A list of sub-records, each a mapping read against `row`.
    fn rows(&mut self, row: &RecordType, nodes: &[Node], path: &str) -> Value {
        let mut rows: Vec<Row> = Vec::with_capacity(nodes.len());
        for (index, node) in nodes.iter().enumerate() {
            let path = format!("{path}[{index}]");
            match &node.kind {
                NodeKind::Mapping(entries) => {
                    let place = Place::nested(path, node.head);
                    rows.push(self.record(row, entries, &place).into_boxed_slice());
                }
                NodeKind::Invalid => {}
                NodeKind::Scalar(..) | NodeKind::Sequence(_) => {
                    self.shape(node, path, "a mapping of fields".into());
                }
            }
        }
        Value::Rows(Arc::from(rows))
    }

    /// Reports a value of the wrong kind.
    /// A value outside the field's `between` bounds: a slip (`202` for `2020`), not a fact.
    fn out_of_range(&mut self, node: &Node, path: &str, (low, high): &(Value, Value)) {
        let found = match &node.kind {
            NodeKind::Scalar(text, _) => text.to_string(),
            _ => String::new(),
        };
        self.errors.push(RecordError::OutOfRange {
            src: self.src(),
            span: node.span,
            path: path.to_owned(),
            found,
            low: low.to_string(),
            high: high.to_string(),
        });
    }

    fn shape(&mut self, node: &Node, path: String, expected: String) {
        let (src, span, found) = (self.src(), node.span, node.describe());
        self.errors.push(RecordError::Shape {
            src,
            span,
            path,
            expected,
            found,
        });
    }

    fn unsupported(&self, at: &At<'_>, ty: &'static str) -> RecordError {
        let (src, span, path) = (self.src(), at.span, at.path.to_owned());
        RecordError::UnsupportedType {
            src,
            span,
            path,
            ty,
        }
    }

    /// What a value of `ty` looks like, for messages.
    fn expected(&self, ty: &Type) -> String {
        match ty {
            Type::Text => "text".into(),
            Type::Integer => "a whole number".into(),
            Type::Money => "an amount of money".into(),
            Type::Date => "a date `YYYY-MM-DD`".into(),
            Type::MonthDay => "a day of the year `MM-DD`".into(),
            Type::Period => "a period".into(),
            Type::Bool => "`true` or `false`".into(),
            Type::Term(index) => match self.vocabulary(*index) {
                Some(vocabulary) => format!("a term of the vocabulary `{}`", vocabulary.name),
                None => "a term".into(),
            },
            Type::List(item) => format!("a list (each item {})", self.expected(item)),
            Type::Rows(_) => "a list of mappings".into(),
        }
    }

    fn vocabulary(&self, index: u32) -> Option<&crate::pack::Vocabulary> {
        usize::try_from(index)
            .ok()
            .and_then(|index| self.pack.vocabularies.get(index))
    }

    fn src(&self) -> Source {
        self.src.clone()
    }
}

/// A close field name or, for a short mapping, all its field names.
fn field_help(fields: &[Field], key: &str, place: &Place) -> Option<String> {
    let names = || fields.iter().map(|field| &*field.name);
    fuzzy::help(key, names()).or_else(|| {
        let listed: Vec<String> = names().map(|name| format!("`{name}`")).collect();
        let fields = listed.join(", ");
        (listed.len() <= LISTED_FIELDS && !listed.is_empty())
            .then(|| format!("the fields of {} are {fields}", place.within))
    })
}
