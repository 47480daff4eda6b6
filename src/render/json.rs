//! The JSON verdict, the `banfa.verdict/1` contract of `VERDICT.md`, on one line.
//!
//! Written directly into one string, field by field, in the contract's order: a verdict is
//! rendered for every record of a batch, so it goes through no intermediate JSON tree and
//! no number is formatted twice. Strings are escaped as `serde_json` escapes them, so the
//! output is what serializing the [`Verdict`] would give (a test holds the two together).

use std::fmt::Write as _;

use crate::pack::{Disabled, Parameter};
use crate::value::{Value, write_int};
use crate::verdict::{FactPath, FactRead, Finding, RecordSource, Verdict};

/// Renders a verdict as one line of JSON, without a trailing newline.
pub fn json(verdict: &Verdict) -> String {
    let mut out = Json(String::with_capacity(1024 + 512 * verdict.findings.len()));
    out.verdict(verdict);
    out.0
}

/// The JSON text being written.
struct Json(String);

impl Json {
    fn verdict(&mut self, v: &Verdict) {
        self.raw("{\"format\":");
        self.string(v.format);
        self.raw(",\"project\":{\"id\":");
        self.string(v.project.id);
        self.raw(",\"name\":");
        self.string(v.project.name);
        if let Some(unit) = v.project.unit {
            self.raw(",\"unit\":");
            self.string(unit);
        }
        if let Some(jurisdiction) = v.project.jurisdiction {
            self.raw(",\"jurisdiction\":");
            self.string(jurisdiction);
        }
        self.raw("}");
        if let Some(source) = &v.source {
            self.raw(",\"source\":");
            self.source(source);
        }
        self.raw(",\"pack\":{\"name\":");
        self.string(v.pack.name);
        self.raw(",\"edition\":");
        self.string(v.pack.edition);
        self.raw(",\"version\":");
        self.string(v.pack.version);
        self.raw(",\"chain\":");
        self.array(&v.pack.chain, |out, link| out.string(link));
        self.raw("},\"as_of\":\"");
        crate::value::write_date(v.as_of, &mut self.0);
        self.raw("\",\"status\":\"");
        self.raw(v.status.as_str());
        self.raw("\",\"findings\":");
        self.array(&v.findings, Self::finding);
        self.raw(",\"missing\":");
        self.array(&v.missing, Self::path);
        if !v.disabled.is_empty() {
            self.raw(",\"disabled\":");
            self.array(v.disabled, Self::disabled);
        }
        if !v.suggested_editions.is_empty() {
            self.raw(",\"suggested_editions\":");
            self.array(&v.suggested_editions, |out, e| out.string(e));
        }
        self.raw("}");
    }

    fn finding(&mut self, f: &Finding) {
        self.raw("{\"rule\":");
        self.string(f.rule);
        self.raw(",\"article\":");
        write_int(i64::from(f.article), &mut self.0);
        self.raw(",\"item\":");
        match f.item {
            Some(item) => write_int(i64::from(item), &mut self.0),
            None => self.raw("null"),
        }
        self.raw(",\"cite\":");
        self.string(f.cite);
        self.raw(",\"kind\":\"");
        self.raw(f.kind.as_str());
        self.raw("\",\"outcome\":\"");
        self.raw(f.outcome.as_str());
        self.raw("\",\"message\":");
        self.string(&f.message);
        self.raw(",\"facts\":");
        self.array(&f.facts, Self::fact);
        self.raw(",\"missing\":");
        self.array(&f.missing, Self::path);
        self.raw(",\"origin\":");
        self.string(f.origin);
        if let Some(title) = f.title {
            self.raw(",\"title\":");
            self.string(title);
        }
        if let Some(decided_by) = &f.decided_by {
            self.raw(",\"decided_by\":");
            self.path(decided_by);
        }
        if let Some(record) = &f.decided_by_record {
            self.raw(",\"decided_by_record\":{\"id\":");
            self.string(record.id);
            if let Some(source) = &record.source {
                self.raw(",\"source\":");
                self.source(source);
            }
            self.raw("}");
        }
        if let Some(replaced) = f.replaced {
            self.raw(",\"replaced\":");
            self.string(replaced);
        }
        self.raw(",\"parameters\":");
        self.array(f.parameters, Self::parameter);
        self.raw("}");
    }

    fn source(&mut self, source: &RecordSource) {
        self.raw("{\"file\":");
        self.string(source.file);
        if let Some(line) = source.line {
            self.raw(",\"line\":");
            write_int(i64::try_from(line).unwrap_or(i64::MAX), &mut self.0);
        }
        if let Some(sheet) = source.sheet {
            self.raw(",\"sheet\":");
            self.string(sheet);
        }
        if let Some(row) = source.row {
            self.raw(",\"row\":");
            write_int(i64::try_from(row).unwrap_or(i64::MAX), &mut self.0);
        }
        self.raw("}");
    }

    fn fact(&mut self, read: &FactRead) {
        self.raw("{\"path\":");
        self.path(&read.path);
        self.raw(",\"value\":");
        self.value(read.value);
        self.raw("}");
    }

    fn parameter(&mut self, p: &Parameter) {
        self.raw("{\"name\":");
        self.string(&p.name);
        self.raw(",\"value\":");
        self.value(&p.value);
        self.raw(",\"origin\":");
        self.string(&p.origin);
        self.raw("}");
    }

    fn disabled(&mut self, d: &Disabled) {
        self.raw("{\"rule\":");
        self.string(&d.rule);
        self.raw(",\"reason\":");
        self.string(&d.reason);
        self.raw(",\"by\":");
        self.string(&d.by);
        self.raw(",\"article\":");
        self.string(&d.article);
        self.raw("}");
    }

    /// A record path, as a string (`FactPath`'s display form).
    fn path(&mut self, path: &FactPath) {
        self.raw("\"");
        match *path {
            FactPath::Field(field) => escape_into(field, &mut self.0),
            FactPath::Element { list, index, field } => {
                escape_into(list, &mut self.0);
                self.raw("[");
                write_int(i64::try_from(index).unwrap_or(i64::MAX), &mut self.0);
                self.raw("]");
                if !field.is_empty() {
                    self.raw(".");
                    escape_into(field, &mut self.0);
                }
            }
            FactPath::Peer {
                relation,
                id,
                field,
            } => {
                escape_into(relation, &mut self.0);
                self.raw("[");
                escape_into(id, &mut self.0);
                self.raw("]");
                if !field.is_empty() {
                    self.raw(".");
                    escape_into(field, &mut self.0);
                }
            }
        }
        self.raw("\"");
    }

    /// A value in its JSON form ([`crate::verdict::json_value`]): numbers stay exact,
    /// lists are arrays, a list of sub-records is its length, everything else a string.
    fn value(&mut self, value: &Value) {
        match value {
            Value::Bool(_) | Value::Int(_) | Value::Money(_) => value.write_display(&mut self.0),
            Value::List(items) => self.array(items, Self::value),
            Value::Rows(rows) => {
                write_int(i64::try_from(rows.len()).unwrap_or(i64::MAX), &mut self.0);
            }
            Value::Text(text) => self.string(text),
            Value::Term(term) => self.string(&term.name),
            Value::Date(_) | Value::MonthDay(_) | Value::Period(_) => {
                self.raw("\"");
                value.write_display(&mut self.0);
                self.raw("\"");
            }
        }
    }

    fn array<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Self, &T)) {
        self.raw("[");
        for (i, each) in items.iter().enumerate() {
            if i > 0 {
                self.raw(",");
            }
            item(self, each);
        }
        self.raw("]");
    }

    fn string(&mut self, text: &str) {
        self.raw("\"");
        escape_into(text, &mut self.0);
        self.raw("\"");
    }

    fn raw(&mut self, text: &str) {
        self.0.push_str(text);
    }
}

/// Appends `text` with JSON's escapes, as `serde_json` writes them: the short forms where
/// there is one, `\u00XX` (lower-case hex) for other control characters.
fn escape_into(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(at) = first_to_escape(rest.as_bytes()) {
        let (plain, tail) = rest.split_at(at);
        out.push_str(plain);
        let byte = tail.as_bytes().first().copied().unwrap_or_default();
        match byte {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                let _ = write!(out, "\\u{byte:04x}");
            }
        }
        rest = tail.get(1..).unwrap_or_default();
    }
    out.push_str(rest);
}

/// Whether JSON escapes a byte: control characters, `"` and `\`.
fn must_escape(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\'
}

/// The offset of the first byte JSON escapes. Eight bytes are tested at a time (most text
/// has none): a word has such a byte exactly when one of its bytes is below 0x20 or equals
/// `"` or `\`, each found with the usual carry trick over all eight lanes.
fn first_to_escape(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let zero_lane = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    let chunks = bytes.chunks_exact(8);
    let tail = chunks.remainder();
    for (i, chunk) in chunks.enumerate() {
        let word = u64::from_ne_bytes(chunk.try_into().unwrap_or([0; 8]));
        let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
        let quote = zero_lane(word ^ (ONES * u64::from(b'"')));
        let backslash = zero_lane(word ^ (ONES * u64::from(b'\\')));
        if below_space | quote | backslash != 0 {
            if let Some(at) = chunk.iter().position(|&b| must_escape(b)) {
                return Some(i * 8 + at);
            }
        }
    }
    let start = bytes.len() - tail.len();
    tail.iter()
        .position(|&b| must_escape(b))
        .map(|at| start + at)
}

#[cfg(test)]
mod tests {
    use super::{escape_into, first_to_escape, must_escape};

    #[test]
    fn the_word_test_finds_every_byte_to_escape_at_every_position() {
        for byte in 0..=u8::MAX {
            for at in 0..20 {
                let mut bytes = vec![b'a'; 20];
                if let Some(slot) = bytes.get_mut(at) {
                    *slot = byte;
                }
                let expected = must_escape(byte).then_some(at);
                assert_eq!(first_to_escape(&bytes), expected, "byte {byte:#x} at {at}");
                bytes.fill(0xe5);
                if let Some(slot) = bytes.get_mut(at) {
                    *slot = byte;
                }
                assert_eq!(
                    first_to_escape(&bytes),
                    expected,
                    "byte {byte:#x} among 0xe5"
                );
            }
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let all: String = (0u8..0x80)
            .map(char::from)
            .chain("申报、\u{2028}".chars())
            .collect();
        let mut ours = String::new();
        escape_into(&all, &mut ours);
        let theirs = serde_json::to_string(&all).expect("a string serializes");
        assert_eq!(format!("\"{ours}\""), theirs);
    }
}
