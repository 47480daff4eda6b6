//! The schema walk: a record's events read against the pack's record type, in one pass.
//!
//! Every key must name a field allowed at its level; groups are mappings of sub-fields;
//! leaves are read as their declared type straight from the event's text; absent leaves
//! take their default or, when required, are reported. Nothing is kept of the text but the
//! values: paths, spans of whole collections and did-you-mean hints are worked out only
//! for a problem. Every problem is collected (or, in quick mode, the first stops the walk).

use super::error::Written;
use crate::i18n::Message;
use std::borrow::Cow;
use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::Arc;

use super::error::RecordError;
use super::events::{Event, Events, Finished, Scalar, Style};
use super::scalar::{self, At, Read};
use crate::fuzzy;
use crate::pack::{Field, FieldShape, Pack, RecordType, Slot, Type};
use crate::source::{Source, Span};
use crate::value::{Row, Value};

/// Mappings with this many fields or fewer list them when an unknown key has no close match.
const LISTED_FIELDS: usize = 12;

/// One step of a field's path: a field name, or the index of a list item.
#[derive(Clone, Copy, Debug)]
pub(super) enum Segment<'p> {
    Name(&'p str),
    Index(usize),
}

/// A path as records write it: `funding.fiscal`, `unit_status.projects[3].id`.
pub(super) fn render(path: &[Segment<'_>]) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Name(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Segment::Index(index) => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// What the walk made of a record's value.
pub(super) enum Root {
    /// There was none: the text holds no document, or the reading stopped before one.
    Absent,
    /// It was null: the record is empty.
    Null,
    /// One value per slot of the pack's record type.
    Read(Vec<Option<Value>>),
}

/// The walk's result: the values, its own problems, and the source's.
pub(super) struct Walked {
    pub(super) root: Root,
    /// Problems with the record's content, in the order found.
    pub(super) errors: Vec<RecordError>,
    /// What the source found.
    pub(super) source: Finished,
}

/// Reads a record's events against `pack.schema`. In quick mode the first problem stops
/// the walk (and is the only one reported), for a caller that will read the record again.
pub(super) fn walk<'t>(src: &Source, pack: &Pack, events: impl Events<'t>, quick: bool) -> Walked {
    let mut walk = Walk {
        src,
        pack,
        events,
        quick,
        halted: false,
        errors: Vec::new(),
        path: Vec::with_capacity(8),
        given: Vec::with_capacity(64),
        text: PhantomData,
    };
    let root = walk.root();
    Walked {
        root,
        errors: walk.errors,
        source: walk.events.finish(),
    }
}

/// A mapping being read: how deep in the path it is, and where errors about its absent
/// fields point (its key, or where it opens).
#[derive(Clone, Copy)]
struct Place {
    depth: usize,
    anchor: Span,
}

/// Whether a mapping gave a field, and at which key.
#[derive(Clone, Copy)]
enum Given {
    No,
    /// Given as null: the same as absent.
    Null(Span),
    /// Given (and read, or reported).
    Yes(Span),
}

/// The values of one record (the root or a row) being filled in.
struct Record<'p> {
    slots: &'p [Slot],
    values: Vec<Option<Value>>,
}

impl Record<'_> {
    fn set(&mut self, slot: usize, value: Option<Value>) {
        if let Some(place) = self.values.get_mut(slot) {
            *place = value;
        }
    }
}

struct Walk<'p, 't, E> {
    src: &'p Source,
    pack: &'p Pack,
    events: E,
    quick: bool,
    /// The source has no more events for the value, or (quick) a problem was found.
    halted: bool,
    errors: Vec<RecordError>,
    /// The path of the value being read.
    path: Vec<Segment<'p>>,
    /// For each mapping being read, innermost last, which of its fields were given.
    given: Vec<Given>,
    text: PhantomData<&'t str>,
}

impl<'p, 't, E: Events<'t>> Walk<'p, 't, E> {
    fn next(&mut self) -> Option<Event<'t>> {
        if self.halted {
            return None;
        }
        let event = self.events.next();
        self.halted = event.is_none();
        event
    }

    fn report(&mut self, error: RecordError) {
        self.errors.push(error);
        self.halted |= self.quick;
    }

    fn root(&mut self) -> Root {
        let Some(event) = self.next() else {
            return Root::Absent;
        };
        let ty = &self.pack.schema;
        match event {
            Event::Scalar(scalar) if scalar.is_null() => Root::Null,
            Event::MappingStart(head) => Root::Read(self.record(ty, 0, head)),
            other => {
                let found = describe(&other);
                let span = self.skip(other);
                let src = self.src();
                self.report(RecordError::NotAMapping {
                    src,
                    span,
                    found,
                    hint: Written::Yaml,
                });
                Root::Read(vec![None; ty.slots.len()])
            }
        }
    }

    /// Reads a mapping (its start already read, at `head`, `depth` deep in the path) as a
    /// whole record of type `ty`.
    fn record(&mut self, ty: &'p RecordType, depth: usize, head: Span) -> Vec<Option<Value>> {
        let place = Place {
            depth,
            anchor: head,
        };
        let mut values = Vec::with_capacity(ty.slots.len());
        values.resize_with(ty.slots.len(), || None);
        let mut record = Record {
            slots: &ty.slots,
            values,
        };
        self.group(&ty.fields, &mut record, place);
        record.values
    }

    /// Reads a mapping whose keys are `fields`, then settles the fields it did not give.
    fn group(&mut self, fields: &'p [Field], record: &mut Record<'p>, place: Place) {
        let base = self.given.len();
        self.given.resize(base + fields.len(), Given::No);
        let mut unknown = None;
        // Where the next key is looked for first: after the last one found, since records
        // mostly give fields in the schema's order.
        let mut after = 0;
        let complete = loop {
            let key = match self.next() {
                None => break false,
                Some(Event::End(_)) => break true,
                Some(Event::Scalar(key)) => key,
                Some(Event::Alias(_)) => {
                    self.skip_value();
                    continue;
                }
                Some(other) => {
                    self.non_scalar_key(other, place);
                    continue;
                }
            };
            let Some(index) = self.key(fields, base, &key, place, &mut unknown, after) else {
                self.skip_value();
                continue;
            };
            after = index + 1;
            if let Some(field) = fields.get(index) {
                let given = self.field(fields, field, key.span, record);
                if let Some(slot) = self.given.get_mut(base + index) {
                    *slot = given;
                }
            }
        };
        if complete {
            self.settle(fields, base, record, place);
        }
        self.given.truncate(base);
    }

    /// Takes defaults for, or reports, the fields a mapping did not give.
    fn settle(&mut self, fields: &'p [Field], base: usize, record: &mut Record<'p>, place: Place) {
        for (index, field) in fields.iter().enumerate() {
            let null = match self.given.get(base + index) {
                Some(Given::Yes(_)) | None => continue,
                Some(Given::No) => None,
                Some(Given::Null(key)) => Some(*key),
            };
            self.path.push(Segment::Name(&field.name));
            self.absent(field, place, null, record);
            self.path.pop();
        }
    }

    /// A key that is a list or a mapping: reported, and its value skipped.
    fn non_scalar_key(&mut self, key: Event<'t>, place: Place) {
        let found = describe(&key);
        let span = self.skip(key);
        let (src, within) = (self.src(), self.within(place));
        self.report(RecordError::NonScalarKey {
            src,
            span,
            within,
            found,
        });
        self.skip_value();
    }

    /// The field a key names, or `None` after reporting why it names none.
    fn key(
        &mut self,
        fields: &'p [Field],
        base: usize,
        key: &Scalar<'t>,
        place: Place,
        unknown: &mut Option<HashMap<Cow<'t, str>, Span>>,
        after: usize,
    ) -> Option<usize> {
        let index = find(fields, &key.text, after);
        let unknown = match index {
            Some(index) => match self.given.get(base + index) {
                Some(Given::Yes(first) | Given::Null(first)) => {
                    self.duplicate(key, *first, place);
                    return None;
                }
                _ => return Some(index),
            },
            None => unknown.get_or_insert_with(HashMap::new),
        };
        if let Some(&first) = unknown.get(&*key.text) {
            self.duplicate(key, first, place);
            return None;
        }
        unknown.insert(key.text.clone(), key.span);
        let (src, span, path) = (self.src(), key.span, self.child(place, &key.text).into());
        let within = self.within(place);
        let (suggestion, fields) = field_help(fields, &key.text);
        self.report(RecordError::UnknownField {
            src,
            span,
            path,
            within,
            hint: (!fields.is_empty()).then_some("fields"),
            suggestion,
            fields,
        });
        None
    }

    fn duplicate(&mut self, key: &Scalar<'_>, first: Span, place: Place) {
        let (src, span, path) = (self.src(), key.span, self.child(place, &key.text).into());
        self.report(RecordError::DuplicateKey {
            src,
            span,
            first,
            path,
        });
    }

    /// Reads a given field's value; `fields` are those of its mapping.
    fn field(
        &mut self,
        fields: &'p [Field],
        field: &'p Field,
        key: Span,
        record: &mut Record<'p>,
    ) -> Given {
        let Some(event) = self.next() else {
            return Given::Yes(key);
        };
        if matches!(&event, Event::Scalar(scalar) if scalar.is_null()) {
            return Given::Null(key);
        }
        self.path.push(Segment::Name(&field.name));
        match &field.shape {
            _ if matches!(event, Event::Alias(_)) => {}
            FieldShape::Leaf(_) if self.joins_a_key(fields, &event) => {}
            FieldShape::Leaf(slot) => self.leaf(*slot, event, record),
            FieldShape::Group(fields) if matches!(event, Event::MappingStart(_)) => {
                let place = Place {
                    depth: self.path.len(),
                    anchor: key,
                };
                self.group(fields, record, place);
            }
            FieldShape::Group(_) => self.shape(event, Message::new("record-type-group")),
        }
        self.path.pop();
        Given::Yes(key)
    }

    /// Whether a plain value runs on into a line that gives a field of its mapping
    /// (`name: 项目` over `  classified：true`), which is then reported: read as text, the
    /// line would vanish into the value and the field take its default. Costs nothing for
    /// a value on one line.
    fn joins_a_key(&mut self, fields: &'p [Field], event: &Event<'t>) -> bool {
        // Quick mode reads the simple YAML reader's events, and it gives up on a scalar of
        // several lines (the full reader then reads the record again, not in quick mode).
        if self.quick {
            return false;
        }
        let Event::Scalar(scalar) = event else {
            return false;
        };
        if scalar.style != Style::Plain {
            return false;
        }
        let Some(written) = self.src.text().get(scalar.span.start..scalar.span.end) else {
            return false;
        };
        let Some(first_break) = written.find('\n') else {
            return false;
        };
        let mut offset = scalar.span.start + first_break + 1;
        for line in written[first_break + 1..].split_inclusive('\n') {
            let start = offset + (line.len() - line.trim_start().len());
            offset += line.len();
            let Some(key) = names_a_field(fields, line.trim_start()) else {
                continue;
            };
            let end = self.src.text()[start..]
                .find(['\n', '\r'])
                .map_or(offset, |n| start + n);
            let error = RecordError::KeyInValue {
                src: self.src(),
                span: Span::new(start, end.min(scalar.span.end)),
                path: render(&self.path).into(),
                key: key.to_owned(),
            };
            self.report(error);
            return true;
        }
        false
    }

    /// Reads a leaf's non-null value into its slot.
    fn leaf(&mut self, slot: usize, event: Event<'t>, record: &mut Record<'p>) {
        let Some(declared) = record.slots.get(slot) else {
            self.skip(event);
            return;
        };
        let read = match event {
            Event::Scalar(scalar) if !is_list(&declared.ty) => self
                .scalar(&declared.ty, &scalar)
                .and_then(|value| self.in_range(value, declared, &scalar)),
            other => self.value(&declared.ty, other),
        };
        record.set(slot, read);
    }

    /// The value, if it lies within the field's `between` bounds: outside them it is a
    /// slip (`202` for `2020`), not a fact.
    fn in_range(&mut self, value: Value, declared: &Slot, scalar: &Scalar<'_>) -> Option<Value> {
        let Some(range) = &declared.range else {
            return Some(value);
        };
        if crate::value::within(&value, range) {
            return Some(value);
        }
        let (low, high) = range;
        let error = RecordError::OutOfRange {
            src: self.src(),
            span: scalar.span,
            path: render(&self.path).into(),
            found: scalar.text.to_string(),
            low: low.to_string(),
            high: high.to_string(),
        };
        self.report(error);
        None
    }

    /// Settles a field the record does not give: its default, or an error if required.
    /// The field's name is on the path; `null` is the key that gave it as null.
    fn absent(
        &mut self,
        field: &'p Field,
        place: Place,
        null: Option<Span>,
        record: &mut Record<'p>,
    ) {
        let slot = match &field.shape {
            FieldShape::Group(fields) => {
                for sub in fields {
                    self.path.push(Segment::Name(&sub.name));
                    self.absent(sub, place, null, record);
                    self.path.pop();
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
            let name = render(self.path.get(place.depth..).unwrap_or_default());
            let (why, span) = match null {
                Some(key) => (Message::new("record-why-empty").arg("name", name), key),
                None => (
                    Message::new("record-why-absent")
                        .arg("within", self.within(place))
                        .arg("name", name),
                    place.anchor,
                ),
            };
            let (src, path) = (self.src(), render(&self.path).into());
            self.report(RecordError::Missing {
                src,
                span,
                path,
                why,
            });
        }
    }

    /// Reads a non-null value as `ty`.
    fn value(&mut self, ty: &'p Type, event: Event<'t>) -> Option<Value> {
        match (ty, event) {
            (_, Event::Alias(_)) => None,
            (Type::List(item), Event::SequenceStart(_)) => Some(self.list(item)),
            (Type::Rows(row), Event::SequenceStart(_)) => Some(self.rows(row)),
            (_, Event::Scalar(scalar)) if !is_list(ty) => self.scalar(ty, &scalar),
            (_, other) => {
                let expected = self.expected(ty);
                self.shape(other, expected);
                None
            }
        }
    }

    #[inline]
    fn scalar(&mut self, ty: &Type, scalar: &Scalar<'_>) -> Option<Value> {
        let at = At {
            src: self.src,
            span: scalar.span,
            path: &self.path,
            text: &scalar.text,
            style: scalar.style,
        };
        let read = self.read(ty, &at);
        read.map_err(|error| self.report(*error)).ok()
    }

    fn read(&self, ty: &Type, at: &At<'_>) -> Read {
        match ty {
            Type::Text => Ok(scalar::text(at)),
            Type::Integer => scalar::integer(at),
            Type::Money => scalar::money(at),
            Type::Date => scalar::date(at),
            Type::MonthDay => scalar::month_day(at),
            Type::Bool => scalar::boolean(at),
            Type::Term(index) => match self.vocabulary(*index) {
                Some(vocabulary) => scalar::term(*index, vocabulary, at),
                None => Err(Box::new(unsupported(at, "undeclared_vocabulary"))),
            },
            Type::Period => Err(Box::new(unsupported(at, "period"))),
            Type::List(_) | Type::Rows(_) => Err(Box::new(unsupported(at, "list"))),
        }
    }

    /// A list of plain values (its start already read); null items are errors.
    fn list(&mut self, item: &'p Type) -> Value {
        let mut values = Vec::new();
        let mut index = 0;
        loop {
            match self.next() {
                None | Some(Event::End(_)) => break,
                Some(event) => {
                    self.path.push(Segment::Index(index));
                    match event {
                        Event::Scalar(scalar) if scalar.is_null() => {
                            let expected = self.expected(item);
                            self.shape(Event::Scalar(scalar), expected);
                        }
                        event => values.extend(self.value(item, event)),
                    }
                    self.path.pop();
                }
            }
            index += 1;
        }
        Value::List(values.into())
    }

    /// A list of sub-records (its start already read), each a mapping read against `row`.
    fn rows(&mut self, row: &'p RecordType) -> Value {
        let mut rows: Vec<Row> = Vec::new();
        let mut index = 0;
        loop {
            match self.next() {
                None | Some(Event::End(_)) => break,
                Some(Event::Alias(_)) => {}
                Some(event) => {
                    self.path.push(Segment::Index(index));
                    if let Event::MappingStart(head) = event {
                        let depth = self.path.len();
                        rows.push(self.record(row, depth, head).into_boxed_slice());
                    } else {
                        self.shape(event, Message::new("record-type-group"));
                    }
                    self.path.pop();
                }
            }
            index += 1;
        }
        Value::Rows(Arc::from(rows))
    }

    /// Reports a value of the wrong kind, and skips it.
    fn shape(&mut self, event: Event<'t>, expected: Message) {
        let found = describe(&event);
        let span = self.skip(event);
        let (src, path) = (self.src(), render(&self.path).into());
        self.report(RecordError::Shape {
            src,
            span,
            path,
            expected,
            found,
            hint: None,
            list: None,
        });
    }

    /// Skips the next value.
    fn skip_value(&mut self) {
        if let Some(event) = self.next() {
            self.skip(event);
        }
    }

    /// Skips the node that `first` starts; its whole span.
    fn skip(&mut self, first: Event<'t>) -> Span {
        match first {
            Event::MappingStart(head) | Event::SequenceStart(head) => {
                let mapping = matches!(first, Event::MappingStart(_));
                Span::new(head.start, self.skip_rest(mapping))
            }
            other => other.span(),
        }
    }

    /// Skips the rest of a collection; where it ends: at its closing bracket, or for block
    /// collections (whose end event is empty, at the next line) at the end of its last item.
    fn skip_rest(&mut self, mapping: bool) -> usize {
        // For each open collection: whether a mapping, how many nodes it has so far, and
        // where its last item (for a mapping, its last value) ends.
        let mut open = vec![(mapping, 0_usize, None::<usize>)];
        let mut end = 0;
        while let Some(event) = self.next() {
            end = match event {
                Event::MappingStart(_) | Event::SequenceStart(_) => {
                    open.push((matches!(event, Event::MappingStart(_)), 0, None));
                    continue;
                }
                Event::End(span) => {
                    let last = open.pop().and_then(|(_, _, last)| last);
                    let closed = match last {
                        Some(last) if span.start == span.end => last,
                        _ => span.end,
                    };
                    if open.is_empty() {
                        return closed;
                    }
                    closed
                }
                other => other.span().end,
            };
            if let Some((mapping, count, last)) = open.last_mut() {
                if !*mapping || *count % 2 == 1 {
                    *last = Some(end);
                }
                *count += 1;
            }
        }
        end
    }

    /// What a value of `ty` looks like, for messages.
    fn expected(&self, ty: &Type) -> Message {
        let phrase = |name| Message::new(format!("record-type-{name}"));
        match ty {
            Type::Text => phrase("text"),
            Type::Integer => phrase("integer"),
            Type::Money => phrase("money"),
            Type::Date => phrase("date"),
            Type::MonthDay => phrase("month_day"),
            Type::Period => phrase("period"),
            Type::Bool => phrase("bool"),
            Type::Term(index) => match self.vocabulary(*index) {
                Some(vocabulary) => phrase("term").arg("vocabulary", &*vocabulary.name),
                None => phrase("any_term"),
            },
            Type::List(item) => phrase("list").arg("item", self.expected(item)),
            Type::Rows(_) => phrase("rows"),
        }
    }

    fn vocabulary(&self, index: u32) -> Option<&'p crate::pack::Vocabulary> {
        usize::try_from(index)
            .ok()
            .and_then(|index| self.pack.vocabularies.get(index))
    }

    /// How labels name a mapping: the record, or a group by its path.
    fn within(&self, place: Place) -> Message {
        match self.path.get(..place.depth) {
            Some(path) if !path.is_empty() => {
                Message::new("record-within-group").arg("path", render(path))
            }
            _ => Message::new("record-within-record"),
        }
    }

    /// The path of a key of the mapping at `place`.
    fn child(&self, place: Place, key: &str) -> String {
        let mut path = render(self.path.get(..place.depth).unwrap_or_default());
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
        path
    }

    fn src(&self) -> Source {
        self.src.clone()
    }
}

/// The field a line of text begins by giving, as `classified：true` or `classified:true`.
fn names_a_field<'p>(fields: &'p [Field], line: &str) -> Option<&'p str> {
    let (name, _) = line.split_once([':', '：'])?;
    let name = name.trim_end();
    fields
        .iter()
        .find(|field| *field.name == *name)
        .map(|field| &*field.name)
}

/// The index of the field named `key`, looked for from `after` on, then before it.
fn find(fields: &[Field], key: &str, after: usize) -> Option<usize> {
    let named = |field: &Field| *field.name == *key;
    let (before, rest) = fields.split_at(after.min(fields.len()));
    match rest.iter().position(named) {
        Some(index) => Some(after + index),
        None => before.iter().position(named),
    }
}

/// Whether values of the type are lists, read from a sequence.
fn is_list(ty: &Type) -> bool {
    matches!(ty, Type::List(_) | Type::Rows(_))
}

/// The event's node as messages describe what was found.
fn describe(event: &Event<'_>) -> Message {
    match event {
        Event::Scalar(scalar) => scalar.describe(),
        Event::Alias(_) => Message::new("record-found-alias"),
        Event::SequenceStart(_) => Message::new("record-found-list"),
        Event::MappingStart(_) | Event::End(_) => Message::new("record-found-mapping"),
    }
}

fn unsupported(at: &At<'_>, ty: &'static str) -> RecordError {
    RecordError::UnsupportedType {
        src: at.src.clone(),
        span: at.span,
        path: render(at.path).into(),
        ty,
    }
}

/// A close field name or, failing one and for a short mapping, all its field names.
fn field_help(fields: &[Field], key: &str) -> (Option<String>, Vec<String>) {
    let names = || fields.iter().map(|field| &*field.name);
    if let Some(close) = fuzzy::did_you_mean(key, names()) {
        return (Some(close.to_owned()), Vec::new());
    }
    let listed = if fields.len() <= LISTED_FIELDS {
        names().map(str::to_owned).collect()
    } else {
        Vec::new()
    };
    (None, listed)
}
