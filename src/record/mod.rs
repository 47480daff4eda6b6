//! The load stage: a project record in YAML → typed [`Facts`], validated against the
//! record schema the rule pack declares ([`Pack::schema`]).
//!
//! Loading is one pass: a source turns the text into events (`yaml`, through
//! `saphyr-parser`, rejecting anchors, aliases, tags, extra documents and deep nesting),
//! and `interpret` reads them against the schema as they come, each scalar straight from
//! its text as its field's type (`scalar`), into the facts. No tree is built. The engine
//! knows no field names: all of them come from the pack. Every problem in the record is
//! reported at once, in document order.

mod error;
mod events;
mod interpret;
mod scalar;
pub(crate) mod tree;
mod yaml;

#[cfg(test)]
mod tests;

pub use error::RecordError;

use crate::diagnostics::Diagnostics;
use crate::pack::Pack;
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
    let walked = interpret::walk(source, pack, yaml::YamlEvents::new(source), false);
    let facts = finish(source, walked)?;
    match Diagnostics::new(conditional_requirements(source, pack, &facts)) {
        Some(errors) => Err(errors),
        None => Ok(facts),
    }
}

/// Fields the schema requires under a condition (`required when …`) that holds for this
/// record. Checked on the complete facts, since a condition may use any of them.
fn conditional_requirements(source: &Source, pack: &Pack, facts: &Facts) -> Vec<RecordError> {
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
                span: first_key(source.text()),
                path: declared.path.to_string(),
                label: format!("required when {}", condition.text),
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

/// Same, from raw bytes (bytes that are not UTF-8 are an error with the offset of the first bad byte).
///
/// # Errors
/// As [`load`], or [`RecordError::NotUtf8`] alone when the bytes are not UTF-8.
pub fn load_bytes(
    name: &str,
    bytes: &[u8],
    pack: &Pack,
) -> Result<Facts, Diagnostics<RecordError>> {
    match std::str::from_utf8(bytes) {
        Ok(text) => load(&Source::new(name, text), pack),
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
    }
}

/// The error for bytes that stop being UTF-8 at `offset`. The source shows the text with
/// bad bytes replaced; the good prefix is unchanged, so `offset` stays right.
fn not_utf8(name: &str, bytes: &[u8], offset: usize) -> RecordError {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let span = Span::new(offset, offset + char::REPLACEMENT_CHARACTER.len_utf8());
    let byte = bytes.get(offset).copied().unwrap_or_default();
    RecordError::NotUtf8 {
        src: Source::new(name, text),
        span,
        offset,
        byte,
    }
}
