//! Everything that can be wrong with a project record, each with its place in the text.
//!
//! Paths name fields the way records write them: `dates.start` for a field of a group,
//! `history.items[1].ref` for a field of a list element (indices count from 0),
//! `tags[2]` for an item of a list.

use miette::Diagnostic;
use thiserror::Error;

use crate::source::{Source, Span};

/// What a YAML record looks like, for errors about the record as a whole.
pub(super) const RECORD_HELP: &str =
    "a record is a YAML mapping of fields, one `key: value` per line";

/// What a JSON record looks like, for errors about the record as a whole.
pub(super) const JSON_RECORD_HELP: &str =
    "a JSON record is one object of fields, `{\"key\": value, …}`";

/// A problem with a project record.
#[derive(Debug, Error, Diagnostic)]
pub enum RecordError {
    /// Bytes that are not UTF-8, e.g. a record saved as GBK: `owner: \xc4\xfe`.
    #[error(
        "the record is not valid UTF-8: byte {offset} (`{byte:#04x}`) is not part of a UTF-8 character"
    )]
    #[diagnostic(
        code(banfa::record::not_utf8),
        help("save the record as UTF-8 (without a byte order mark is best)")
    )]
    NotUtf8 {
        /// The record, decoded up to the bad byte, the rest replaced.
        #[source_code]
        src: Source,
        /// The bad byte (shown as a replacement character).
        #[label("expected UTF-8 text here")]
        span: Span,
        /// Byte offset of the first bad byte.
        offset: usize,
        /// The bad byte.
        byte: u8,
    },

    /// Text that is not YAML, e.g. `owner: [a, b` (an unclosed list).
    #[error("the record is not valid YAML: {message}")]
    #[diagnostic(code(banfa::record::syntax))]
    Syntax {
        /// The record.
        #[source_code]
        src: Source,
        /// Where the YAML parser gave up.
        #[label("the YAML parser stopped here")]
        span: Span,
        /// The YAML parser's explanation.
        message: String,
    },

    /// Text that is not JSON, in a `.json` record, e.g. `{"id": "A-1",}` (a comma before the
    /// closing brace) or `{'id': 1}` (single quotes).
    #[error("the record is not valid JSON: {message}")]
    #[diagnostic(code(banfa::record::json_syntax))]
    JsonSyntax {
        /// The record.
        #[source_code]
        src: Source,
        /// Where the JSON reader gave up.
        #[label("the JSON reader stopped here")]
        span: Span,
        /// What is wrong.
        message: String,
    },

    /// Collections nested too deeply, e.g. 100 `[` in a row.
    #[error("the record nests deeper than {limit} levels")]
    #[diagnostic(
        code(banfa::record::too_deep),
        help("a project record needs only a few levels of nesting")
    )]
    TooDeep {
        /// The record.
        #[source_code]
        src: Source,
        /// The collection that goes one level too deep.
        #[label("level {} starts here", limit + 1)]
        span: Span,
        /// The deepest nesting allowed.
        limit: usize,
    },

    /// A YAML anchor, e.g. `owner: &o Someone`.
    #[error("anchors (`&name`) are not allowed in records")]
    #[diagnostic(
        code(banfa::record::anchor),
        help("write every value out in full; a record is read as written")
    )]
    Anchor {
        /// The record.
        #[source_code]
        src: Source,
        /// The anchored value.
        #[label("this value has an anchor")]
        span: Span,
    },

    /// A YAML alias, e.g. `reviewer: *o`.
    #[error("aliases (`*name`) are not allowed in records")]
    #[diagnostic(
        code(banfa::record::alias),
        help("write the value out in full instead of referring to another one")
    )]
    Alias {
        /// The record.
        #[source_code]
        src: Source,
        /// The alias.
        #[label("an alias")]
        span: Span,
    },

    /// A YAML tag, e.g. `year: !!str 2020`.
    #[error("tags are not allowed in records, found `{tag}`")]
    #[diagnostic(
        code(banfa::record::tag),
        help("remove the tag: the rule pack's schema decides how each value is read")
    )]
    Tag {
        /// The record.
        #[source_code]
        src: Source,
        /// The tagged value.
        #[label("this value is tagged")]
        span: Span,
        /// The tag as the parser resolved it.
        tag: String,
    },

    /// More than one YAML document, e.g. a second record after a `---` line.
    #[error("a record file holds one YAML document, found a second")]
    #[diagnostic(
        code(banfa::record::second_document),
        help("put each record in a file of its own")
    )]
    SecondDocument {
        /// The record.
        #[source_code]
        src: Source,
        /// Where the second document starts.
        #[label("a second document starts here")]
        span: Span,
    },

    /// A file with nothing in it, or only comments, or only `---`.
    #[error("the record is empty")]
    #[diagnostic(code(banfa::record::empty))]
    Empty {
        /// The record.
        #[source_code]
        src: Source,
        /// The start of the file.
        #[label("expected a mapping of fields")]
        span: Span,
        /// What a record looks like, in the record's format (YAML or JSON).
        #[help]
        help: &'static str,
    },

    /// A record that is not a mapping, e.g. a file holding `- a` or just `hello`.
    #[error("expected the record to be a mapping of fields, found {found}")]
    #[diagnostic(code(banfa::record::not_a_mapping))]
    NotAMapping {
        /// The record.
        #[source_code]
        src: Source,
        /// The top-level value.
        #[label("expected a mapping")]
        span: Span,
        /// What the top level is.
        found: String,
        /// What a record looks like, in the record's format (YAML or JSON).
        #[help]
        help: &'static str,
    },

    /// A key that is a list or mapping, e.g. `[a, b]: 1` or `? {x: 1}`.
    #[error("expected a field name as key in {within}, found {found}")]
    #[diagnostic(code(banfa::record::non_scalar_key))]
    NonScalarKey {
        /// The record.
        #[source_code]
        src: Source,
        /// The key.
        #[label("not a field name")]
        span: Span,
        /// The mapping holding the key: `the record` or a quoted path.
        within: String,
        /// What the key is.
        found: String,
    },

    /// A key given twice in one mapping, e.g. `owner` on two lines of the record.
    #[error("duplicate field `{path}`")]
    #[diagnostic(
        code(banfa::record::duplicate_key),
        help("give each field once; remove one of the two")
    )]
    DuplicateKey {
        /// The record.
        #[source_code]
        src: Source,
        /// The second occurrence.
        #[label("given again here")]
        span: Span,
        /// The first occurrence.
        #[label("first given here")]
        first: Span,
        /// The field's path.
        path: String,
    },

    /// A key the schema does not know, e.g. `dates: { strat: 2019-07-22 }` where the group
    /// `dates` has a field `start`.
    #[error("unknown field `{path}`")]
    #[diagnostic(code(banfa::record::unknown_field))]
    UnknownField {
        /// The record.
        #[source_code]
        src: Source,
        /// The key.
        #[label("not a field of {within}")]
        span: Span,
        /// The key's full path.
        path: String,
        /// The mapping holding the key: `the record` or a quoted path.
        within: String,
        /// A close field name, or the list of fields allowed here.
        #[help]
        help: Option<String>,
    },

    /// A value of the wrong kind: a scalar where a mapping or list belongs or the reverse,
    /// e.g. `dates: 2019-07-22` for a group, or `owner: [a, b]` for a text field.
    #[error("expected {expected} for `{path}`, found {found}")]
    #[diagnostic(code(banfa::record::shape))]
    Shape {
        /// The record.
        #[source_code]
        src: Source,
        /// The value.
        #[label("expected {expected}")]
        span: Span,
        /// The field's path.
        path: String,
        /// What the schema wants.
        expected: String,
        /// What the record has.
        found: String,
    },

    /// A required field that is absent or null, e.g. a record without `owner`, or `owner: ~`.
    #[error("missing required field `{path}`")]
    #[diagnostic(code(banfa::record::missing))]
    Missing {
        /// The record.
        #[source_code]
        src: Source,
        /// The enclosing mapping, or the key given as null.
        #[label("{label}")]
        span: Span,
        /// The field's path.
        path: String,
        /// What the label says.
        label: String,
    },

    /// Not a whole number, e.g. `year: 2020.5` or `year: MMXX`.
    #[error("expected a whole number for `{path}`, found `{found}`")]
    #[diagnostic(
        code(banfa::record::not_integer),
        help("write digits, optionally with a sign, e.g. `2020`")
    )]
    NotInteger {
        /// The record.
        #[source_code]
        src: Source,
        /// The value.
        #[label("not a whole number")]
        span: Span,
        /// The field's path.
        path: String,
        /// The value as written.
        found: String,
    },

    /// A number or yes/no written in quotes, e.g. `year: "2020"` or `secret: 'true'`.
    #[error("expected {expected} for `{path}`, found the quoted text `{found}`")]
    #[diagnostic(
        code(banfa::record::quoted),
        help("remove the quotes: a quoted value is text")
    )]
    Quoted {
        /// The record.
        #[source_code]
        src: Source,
        /// The value.
        #[label("quoted")]
        span: Span,
        /// The field's path.
        path: String,
        /// What the schema wants.
        expected: &'static str,
        /// The value without its quotes.
        found: String,
    },

    /// A value outside the bounds the schema declares, e.g.
    /// `year: 202` for a field declared `integer between 2000 and 2100`.
    #[error("`{found}` for `{path}` is outside the range the pack allows")]
    #[diagnostic(
        code(banfa::record::out_of_range),
        help("`{path}` lies between {low} and {high}")
    )]
    OutOfRange {
        /// The record.
        #[source_code]
        src: Source,
        /// The value.
        #[label("not between {low} and {high}")]
        span: Span,
        /// The field's path.
        path: String,
        /// The value as written.
        found: String,
        /// The lowest value allowed.
        low: String,
        /// The highest value allowed.
        high: String,
    },

    /// An amount too large for exact decimal arithmetic (about 7.9 × 10²⁸), e.g.
    /// `fiscal: 99999999999999999999999999999999`.
    #[error("the amount `{found}` for `{path}` is too large to be read exactly")]
    #[diagnostic(
        code(banfa::record::money_overflow),
        help("amounts of money have at most 28 digits; check for extra zeros")
    )]
    MoneyOverflow {
        /// The record.
        #[source_code]
        src: Source,
        /// The value.
        #[label("too large")]
        span: Span,
        /// The field's path.
        path: String,
        /// The value as written.
        found: String,
    },

    /// A whole number too large for 64 bits, e.g. `year: 99999999999999999999`.
    #[error("the number `{found}` for `{path}` is out of range")]
    #[diagnostic(
        code(banfa::record::integer_overflow),
        help("whole numbers lie between -9223372036854775808 and 9223372036854775807")
    )]
    IntegerOverflow {
        /// The record.
        #[source_code]
        src: Source,
        /// The value.
        #[label("out of range")]
        span: Span,
        /// The field's path.
        path: String,
        /// The value as written.
        found: String,
    },

    /// Not an amount of money, e.g. `amount: lots` or `amount: 3.2e6`.
    #[error("expected an amount of money for `{path}`, found `{found}`")]
    #[diagnostic(
        code(banfa::record::not_money),
        help(
            "write an amount in 元 such as `3200000` or `3200000.50`, or a string such as `\"320万元\"` or `\"3,200,000元\"`"
        )
    )]
    NotMoney {
        /// The record.
        #[source_code]
        src: Source,
        /// The value.
        #[label("not an amount of money")]
        span: Span,
        /// The field's path.
        path: String,
        /// The value as written.
        found: String,
    },

    /// A negative amount, e.g. `amount: -5`.
    #[error("expected an amount of money of at least 0 for `{path}`, found `{found}`")]
    #[diagnostic(code(banfa::record::negative_money))]
    NegativeMoney {
        /// The record.
        #[source_code]
        src: Source,
        /// The value.
        #[label("negative")]
        span: Span,
        /// The field's path.
        path: String,
        /// The value as written.
        found: String,
    },

    /// Not of the form `YYYY-MM-DD`, e.g. `start: 2019/07/22` or `start: 2019-7-22`.
    #[error("expected a date `YYYY-MM-DD` for `{path}`, found `{found}`")]
    #[diagnostic(
        code(banfa::record::not_date),
        help("write dates as `YYYY-MM-DD` with leading zeros, e.g. `2019-07-02`")
    )]
    NotDate {
        /// The record.
        #[source_code]
        src: Source,
        /// The value.
        #[label("not a `YYYY-MM-DD` date")]
        span: Span,
        /// The field's path.
        path: String,
        /// The value as written.
        found: String,
    },

    /// Not of the form `MM-DD`, e.g. `deadline: 7/31`.
    #[error("expected a day of the year `MM-DD` for `{path}`, found `{found}`")]
    #[diagnostic(
        code(banfa::record::not_month_day),
        help("write a day of the year as `MM-DD` with leading zeros, e.g. `12-31`")
    )]
    NotMonthDay {
        /// The record.
        #[source_code]
        src: Source,
        /// The value.
        #[label("not an `MM-DD` day")]
        span: Span,
        /// The field's path.
        path: String,
        /// The value as written.
        found: String,
    },

    /// Well-formed but not on the calendar, e.g. `start: 2019-02-30` or `start: 2019-13-01`.
    #[error("`{found}` for `{path}` is not a calendar date: {reason}")]
    #[diagnostic(code(banfa::record::no_such_day))]
    NoSuchDay {
        /// The record.
        #[source_code]
        src: Source,
        /// The value.
        #[label("no such day")]
        span: Span,
        /// The field's path.
        path: String,
        /// The value as written.
        found: String,
        /// Why, e.g. `February 2019 has 28 days`.
        reason: String,
    },

    /// Not `true` or `false`, e.g. `secret: yes` or `secret: on`.
    #[error("expected `true` or `false` for `{path}`, found `{found}`")]
    #[diagnostic(code(banfa::record::not_bool), help("write `true` or `false`"))]
    NotBool {
        /// The record.
        #[source_code]
        src: Source,
        /// The value.
        #[label("not `true` or `false`")]
        span: Span,
        /// The field's path.
        path: String,
        /// The value as written.
        found: String,
    },

    /// Not a term of the field's vocabulary, e.g. `stage: drafted` where the vocabulary
    /// has `draft`.
    #[error("expected a term of the vocabulary `{vocabulary}` for `{path}`, found `{found}`")]
    #[diagnostic(code(banfa::record::unknown_term))]
    UnknownTerm {
        /// The record.
        #[source_code]
        src: Source,
        /// The value.
        #[label("not a term of `{vocabulary}`")]
        span: Span,
        /// The field's path.
        path: String,
        /// The value as written.
        found: String,
        /// The vocabulary's name.
        vocabulary: String,
        /// A close term and, for a short vocabulary, all its terms.
        #[help]
        help: Option<String>,
    },

    /// A field whose type a record cannot give, such as a period declared by a broken pack.
    #[error("field `{path}` has type {ty}, which a record cannot give")]
    #[diagnostic(
        code(banfa::record::unsupported_type),
        help("this is a fault of the rule pack's schema, not of the record")
    )]
    UnsupportedType {
        /// The record.
        #[source_code]
        src: Source,
        /// The value.
        #[label("cannot be read")]
        span: Span,
        /// The field's path.
        path: String,
        /// The type's name.
        ty: &'static str,
    },
}

impl RecordError {
    /// The error as a JSON record's: help on the record as a whole speaks of JSON.
    pub(super) fn in_json(mut self) -> Self {
        if let RecordError::Empty { help, .. } | RecordError::NotAMapping { help, .. } = &mut self {
            *help = JSON_RECORD_HELP;
        }
        self
    }

    /// Byte offset of the error's first label: errors are reported in document order.
    pub(super) fn offset(&self) -> usize {
        self.labels()
            .and_then(|mut labels| labels.next())
            .map_or(0, |label| label.offset())
    }
}
