//! The load stage: a project record in YAML or JSON → typed [`Facts`], validated against
//! the record schema the rule pack declares ([`Pack::schema`]).
//!
//! Loading is one pass: a source turns the text into events, and `interpret` reads them
//! against the schema as they come, each scalar straight from its text as its field's type
//! (`scalar`), into the facts. No tree is built; paths, spans of whole collections and
//! did-you-mean hints are worked out only for a problem. There are four sources:
//!
//! | source   | reads                                    | problems                      |
//! |----------|------------------------------------------|-------------------------------|
//! | `simple` | the plain YAML records are written in, fast, every scalar borrowed | none: it gives up on anything else |
//! | `yaml`   | any YAML, through `saphyr-parser`; anchors, aliases, tags, extra documents and deep nesting are errors | YAML's, with their places |
//! | `json`   | JSON ([`load_json`])                      | JSON's, with their places     |
//! | `table`  | a row of a ledger, a `.csv` or `.xlsx` spreadsheet of records ([`load_table`]) | the file's and the cells', each naming its cell |
//!
//! [`load`] reads a YAML record with `simple` and the walk in quick mode (stopping at the
//! first problem); only a record it gives up on, or that has a problem, is read again with
//! `yaml`, whose events and diagnostics are the reference. `crate::properties` checks that
//! the two agree wherever `simple` reads a record. Pack test files, read by hand rather
//! than against a schema, get a located tree built from the `yaml` events (`tree`). The
//! engine knows no field names: all of them come from the pack. Every problem in the record
//! is reported at once, in document order.
//!
//! Only once a YAML record is known to have problems are the slips of Chinese input named
//! among them (`slips`: full-width punctuation, tabs, thousands separators, a list written
//! as one text, a GB18030 file), and the fields they are about given their labels from the
//! schema, so a record that reads well pays for neither.

mod error;
mod events;
mod interpret;
mod json;
mod scalar;
mod simple;
mod slips;
mod table;
pub(crate) mod tree;
mod yaml;

#[cfg(test)]
mod tests;

pub use error::RecordError;
pub use table::{TableFormat, TableRecord, cell_of, load_table};

use crate::diagnostics::Diagnostics;
use crate::pack::{Field, FieldShape, Pack, RecordType, Type};
use crate::source::{Source, Span};
use crate::value::Value;

/// A record's values, one per leaf slot of the pack's root RecordType (pack.schema), defaults applied.
#[derive(Debug, Clone)]
pub struct Facts {
    /// `values[slot]` is the field's value, or `None` when the record does not give it.
    pub values: Vec<Option<Value>>,
}

/// Parses and validates a record. All problems found are reported at once.
///
/// # Errors
/// Every problem found, in document order: YAML syntax, unsupported YAML features, unknown
/// or duplicate keys, values of the wrong shape or type, missing required fields.
pub fn load(source: &Source, pack: &Pack) -> Result<Facts, Diagnostics<RecordError>> {
    let facts = match read_simple(source, pack) {
        Some(facts) => facts,
        None => read_yaml(source, pack)?,
    };
    required_when(source, pack, facts)
}

/// The facts of a record written in the plain subset of YAML ([`simple`]) that has no
/// problem at all; `None` for any other record, which [`read_yaml`] then reads and reports on.
fn read_simple(source: &Source, pack: &Pack) -> Option<Facts> {
    let events = simple::SimpleYaml::new(source.text());
    let walked = interpret::walk(source, pack, events, true);
    match walked.root {
        interpret::Root::Read(values) if walked.errors.is_empty() && walked.source.complete => {
            Some(Facts { values })
        }
        _ => None,
    }
}

/// Any YAML record, through the complete reader, with every problem it has.
fn read_yaml(source: &Source, pack: &Pack) -> Result<Facts, Diagnostics<RecordError>> {
    let walked = interpret::walk(source, pack, yaml::YamlEvents::new(source), false);
    finish(source, walked).map_err(|errors| {
        let explained = slips::explain(source, errors.into_iter().collect());
        // `explain` keeps at least one problem of the non-empty list it is given.
        let errors = Diagnostics::new(explained).unwrap_or_else(|| Diagnostics::one(empty(source)));
        labelled(pack, errors)
    })
}

/// The errors with the labels of the fields they are about (paid for only when there are
/// errors).
fn labelled(pack: &Pack, errors: Diagnostics<RecordError>) -> Diagnostics<RecordError> {
    errors.map(|error| error.label(|path| label_of(&pack.schema, path)))
}

/// The label ([`Field::label`]) the schema gives the field at a path as errors write it:
/// `group.field`, `rows[2].field`, and for an item of a list, `list[0]`, its list's.
fn label_of<'p>(schema: &'p RecordType, path: &str) -> Option<&'p str> {
    let mut ty = schema;
    let mut fields: &'p [Field] = &schema.fields;
    let mut found = None;
    for segment in path.split('.') {
        let (name, indexed) = segment
            .split_once('[')
            .map_or((segment, false), |(name, _)| (name, true));
        let field = fields.iter().find(|field| *field.name == *name)?;
        found = Some(field);
        fields = match &field.shape {
            FieldShape::Group(inner) => inner,
            FieldShape::Leaf(slot) => match ty.slots.get(*slot).map(|slot| &slot.ty) {
                Some(Type::Rows(rows)) if indexed => {
                    ty = rows;
                    &rows.fields
                }
                _ => &[],
            },
        };
    }
    found?.label()
}

/// Checks that the fast reading of a YAML record agrees with the complete one wherever it
/// reads the record at all: the same events (but for their spans), and the same facts.
/// For [`crate::properties::record`].
///
/// # Panics
/// When they disagree.
pub(crate) fn check_simple_reading(source: &Source, pack: &Pack) {
    let (events, read) = drain(simple::SimpleYaml::new(source.text()));
    if read.complete {
        let (reference, full) = drain(yaml::YamlEvents::new(source));
        assert!(
            full.complete && full.errors.is_empty(),
            "the fast reader accepts what the complete one rejects: {:?}",
            full.errors
        );
        assert_eq!(events, reference, "the two readers' events differ");
    }
    if let Some(facts) = read_simple(source, pack) {
        match read_yaml(source, pack) {
            Ok(reference) => assert_eq!(
                format!("{:?}", facts.values),
                format!("{:?}", reference.values),
                "the two readers' facts differ"
            ),
            Err(errors) => {
                panic!("the fast reading accepts a record the complete one rejects: {errors:?}")
            }
        }
    }
}

/// All the events of a source, without their spans, and how it finished.
fn drain<'t>(mut source: impl events::Events<'t>) -> (Vec<events::Event<'t>>, events::Finished) {
    let mut all = Vec::new();
    while let Some(event) = source.next() {
        all.push(match event {
            events::Event::Scalar(scalar) => events::Event::Scalar(events::Scalar {
                span: Span::default(),
                ..scalar
            }),
            events::Event::Alias(_) => events::Event::Alias(Span::default()),
            events::Event::MappingStart(_) => events::Event::MappingStart(Span::default()),
            events::Event::SequenceStart(_) => events::Event::SequenceStart(Span::default()),
            events::Event::End(_) => events::Event::End(Span::default()),
        });
    }
    (all, source.finish())
}

/// The facts, unless a field required under a condition that holds is absent.
fn required_when(
    source: &Source,
    pack: &Pack,
    facts: Facts,
) -> Result<Facts, Diagnostics<RecordError>> {
    required_when_at(source, pack, facts, first_key(source.text()))
}

/// As [`required_when`], the errors pointing at `anchor` (where the record begins).
fn required_when_at(
    source: &Source,
    pack: &Pack,
    facts: Facts,
    anchor: Span,
) -> Result<Facts, Diagnostics<RecordError>> {
    match Diagnostics::new(conditional_requirements(source, pack, &facts, anchor)) {
        Some(errors) => Err(labelled(pack, errors)),
        None => Ok(facts),
    }
}

/// Fields the schema requires under a condition (`required when …`) that holds for this
/// record. Checked on the complete facts, since a condition may use any of them.
fn conditional_requirements(
    source: &Source,
    pack: &Pack,
    facts: &Facts,
    anchor: Span,
) -> Vec<RecordError> {
    // The checker keeps conditions free of the evaluation date, so any date gives the
    // same answer; a fixed one keeps loading independent of the clock.
    let any_date = chrono::NaiveDate::MIN;
    let mut errors = Vec::new();
    for (slot, declared) in pack.schema.slots.iter().enumerate() {
        let Some(condition) = &declared.required_when else {
            continue;
        };
        let absent = facts.values.get(slot).is_none_or(Option::is_none);
        if absent && crate::eval::holds(pack, facts, &condition.expr, any_date) == Some(true) {
            errors.push(RecordError::Missing {
                src: source.clone(),
                span: anchor,
                path: declared.path.to_string().into(),
                why: crate::i18n::Message::new("record-why-required-when")
                    .arg("condition", &*condition.text),
            });
        }
    }
    errors
}

/// The first key of the record, where errors about the record as a whole point.
fn first_key(text: &str) -> Span {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if !trimmed.is_empty() && !trimmed.starts_with('#') && !trimmed.starts_with("---") {
            let start = offset + (line.len() - trimmed.len());
            let key = trimmed.find(':').unwrap_or(trimmed.trim_end().len());
            return Span::new(start, start + key);
        }
        offset += line.len();
    }
    Span::new(0, 0)
}

/// Parses and validates a record written as JSON: an object of fields, the same fields
/// and vocabulary as in YAML; numbers are read as written (money exactly), `null` is
/// absent, and quoted numbers or yes/no are text, as in YAML.
///
/// # Errors
/// Every problem found, in document order, as [`load`]: JSON syntax
/// ([`RecordError::JsonSyntax`]), then the record's content.
pub fn load_json(source: &Source, pack: &Pack) -> Result<Facts, Diagnostics<RecordError>> {
    let walked = interpret::walk(source, pack, json::JsonEvents::new(source), false);
    let facts = finish(source, walked)
        .map_err(|errors| labelled(pack, errors.map(RecordError::in_json)))?;
    required_when(source, pack, facts)
}

/// How a record file is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// YAML, read by [`load`].
    Yaml,
    /// JSON, read by [`load_json`].
    Json,
}

impl Format {
    /// The format of a record file by its name: `.json` (in any case) is JSON, any other
    /// name YAML.
    pub fn of(path: &std::path::Path) -> Self {
        match path.extension() {
            Some(extension) if extension.eq_ignore_ascii_case("json") => Format::Json,
            _ => Format::Yaml,
        }
    }
}

/// Parses and validates a record written in `format`.
///
/// # Errors
/// As [`load`] or [`load_json`].
pub fn load_as(
    format: Format,
    source: &Source,
    pack: &Pack,
) -> Result<Facts, Diagnostics<RecordError>> {
    match format {
        Format::Yaml => load(source, pack),
        Format::Json => load_json(source, pack),
    }
}

/// A YAML record from raw bytes (bytes that are not UTF-8 are an error with the offset of
/// the first bad byte).
///
/// # Errors
/// As [`load`], or [`RecordError::NotUtf8`] alone when the bytes are not UTF-8.
pub fn load_bytes(
    name: &str,
    bytes: &[u8],
    pack: &Pack,
) -> Result<Facts, Diagnostics<RecordError>> {
    load_bytes_as(Format::Yaml, name, bytes, pack)
}

/// A record in `format` from raw bytes, as a record file is read: `name` is shown in
/// diagnostics (usually the path, whose [`Format::of`] is the format).
///
/// # Errors
/// As [`load_as`], or [`RecordError::NotUtf8`] alone when the bytes are not UTF-8.
pub fn load_bytes_as(
    format: Format,
    name: &str,
    bytes: &[u8],
    pack: &Pack,
) -> Result<Facts, Diagnostics<RecordError>> {
    match std::str::from_utf8(bytes) {
        Ok(text) => load_as(format, &Source::new(name, text), pack),
        Err(error) => Err(Diagnostics::one(not_utf8(name, bytes, error.valid_up_to()))),
    }
}

/// The facts, unless there are errors: the source's, then the walk's (unless the source
/// stopped short, when what the walk made of the part before is not reported), in
/// document order.
fn finish(source: &Source, walked: interpret::Walked) -> Result<Facts, Diagnostics<RecordError>> {
    let interpret::Walked {
        root,
        errors: found,
        source: read,
    } = walked;
    let mut errors = read.errors;
    let values = match root {
        _ if !read.complete => Vec::new(),
        interpret::Root::Read(values) => {
            errors.extend(found);
            values
        }
        interpret::Root::Null => {
            errors.push(empty(source));
            Vec::new()
        }
        interpret::Root::Absent if errors.is_empty() => {
            errors.push(empty(source));
            Vec::new()
        }
        interpret::Root::Absent => Vec::new(),
    };
    errors.sort_by_key(RecordError::offset);
    match Diagnostics::new(errors) {
        Some(errors) => Err(errors),
        None => Ok(Facts { values }),
    }
}

fn empty(source: &Source) -> RecordError {
    RecordError::Empty {
        src: source.clone(),
        span: Span::new(0, 0),
        hint: error::Written::Yaml,
    }
}

/// The error for bytes that stop being UTF-8 at `offset`. The source shows the text with
/// bad bytes replaced; the good prefix is unchanged, so `offset` stays right.
fn not_utf8(name: &str, bytes: &[u8], offset: usize) -> RecordError {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let span = Span::new(offset, offset + char::REPLACEMENT_CHARACTER.len_utf8());
    if slips::is_gb18030(bytes, offset) {
        return slips::gb18030(Source::new(name, text), span);
    }
    let byte = bytes.get(offset).copied().unwrap_or_default();
    RecordError::NotUtf8 {
        src: Source::new(name, text),
        span,
        offset,
        byte,
    }
}
