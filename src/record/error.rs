//! Everything that can be wrong with a project record, each with its place in the text.
//!
//! Paths name fields the way records write them: `dates.start` for a field of a group,
//! `history.items[1].ref` for a field of a list element (indices count from 0),
//! `tags[2]` for an item of a list.

use miette::Diagnostic;
use serde::Serialize;

use std::sync::Arc;

use crate::i18n::Message;
use crate::source::{Source, Span};

/// A field's path, and the label the pack's schema gives the field (its description),
/// which messages show with the path: `是否已报送（status.filed）`. It serializes as the path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldPath {
    /// The path as records write it, `dates.start`.
    pub path: String,
    /// The field's label, looked up once the error is made ([`RecordError::label`]).
    pub label: Option<Arc<str>>,
}

impl FieldPath {
    /// The phrase messages name the field with: its label and path, or its path.
    fn phrase(&self) -> Message {
        match &self.label {
            Some(label) => Message::new("record-field-labelled")
                .arg("label", &**label)
                .arg("path", self.path.as_str()),
            None => Message::new("record-field-path").arg("path", self.path.as_str()),
        }
    }
}

impl From<String> for FieldPath {
    fn from(path: String) -> Self {
        Self { path, label: None }
    }
}

impl std::ops::Deref for FieldPath {
    type Target = str;
    fn deref(&self) -> &str {
        &self.path
    }
}

impl std::fmt::Display for FieldPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.path)
    }
}

impl Serialize for FieldPath {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.path)
    }
}

/// The format of a record, for errors about the record as a whole: their help shows what a
/// record in it looks like (`.hint-yaml`, `.hint-json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Written {
    /// A YAML mapping of fields.
    Yaml,
    /// A JSON object of fields.
    Json,
}

/// A problem with a project record.
#[derive(Debug, Diagnostic, Serialize)]
pub enum RecordError {
    /// Bytes that are not UTF-8 (nor GB18030, [`RecordError::Gb18030`]), e.g. a record saved
    /// as Latin-1: `owner: caf\xe9`.
    #[diagnostic(code(banfa::record::not_utf8))]
    NotUtf8 {
        /// The record, decoded up to the bad byte, the rest replaced.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The bad byte (shown as a replacement character).
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// Byte offset of the first bad byte.
        offset: usize,
        /// The bad byte.
        #[serde(serialize_with = "hex")]
        byte: u8,
    },

    /// Bytes that are not UTF-8 but read as GB18030 (or its subset GBK), the encoding
    /// Chinese Windows saves text in by default, e.g. `owner: \xcd\xf5\xc3\xf4`.
    #[diagnostic(code(banfa::record::gb18030))]
    Gb18030 {
        /// The record, decoded up to the first bad byte, the rest replaced.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The first byte that is not UTF-8.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The file's name, for the command that converts it.
        file: String,
        /// A name for the converted file.
        converted: String,
    },

    /// A full-width punctuation mark, as a Chinese input method types it, where YAML needs
    /// the ASCII one, e.g. `year：2020` or `dates: ｛ start: 2019-07-22 ｝`.
    #[diagnostic(code(banfa::record::full_width))]
    FullWidth {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The full-width mark.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The mark as written, `：`.
        found: String,
        /// The ASCII mark meant, `:`.
        expected: String,
        /// The line (or key) as it should read.
        fixed: String,
    },

    /// A tab in the indentation of a line, e.g. `dates:` then a line `\tstart: 2019-07-22`.
    #[diagnostic(code(banfa::record::tab))]
    Tab {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The tab.
        #[label("span")]
        #[serde(skip)]
        span: Span,
    },

    /// A number with thousands separators, unquoted in a flow mapping, where YAML reads
    /// each comma as the end of an entry, e.g. `amounts: { total: 4,860,000 }` (which
    /// would give the fields `total`, `860` and `000`).
    #[diagnostic(code(banfa::record::thousands_separator))]
    ThousandsSeparator {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The number, separators included.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The path of the field the number is given for.
        path: FieldPath,
        /// The number as written, `4,860,000`.
        found: String,
        /// The number without separators, `4860000`.
        digits: String,
    },

    /// Text that is not YAML, e.g. `owner: [a, b` (an unclosed list).
    #[diagnostic(code(banfa::record::syntax))]
    Syntax {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// Where the YAML parser gave up.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The YAML parser's explanation.
        message: String,
        /// The name of a plain explanation of `message` (`.hint-NAME`), for the common ones.
        hint: Option<&'static str>,
    },

    /// Text that is not JSON, in a `.json` record, e.g. `{"id": "A-1",}` (a comma before the
    /// closing brace) or `{'id': 1}` (single quotes).
    #[diagnostic(code(banfa::record::json_syntax))]
    JsonSyntax {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// Where the JSON reader gave up.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// What is wrong.
        message: Message,
    },

    /// Collections nested too deeply, e.g. 100 `[` in a row.
    #[diagnostic(code(banfa::record::too_deep))]
    TooDeep {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The collection that goes one level too deep.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The deepest nesting allowed.
        limit: usize,
    },

    /// A YAML anchor, e.g. `owner: &o Someone`.
    #[diagnostic(code(banfa::record::anchor))]
    Anchor {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The anchored value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
    },

    /// A YAML alias, e.g. `reviewer: *o`.
    #[diagnostic(code(banfa::record::alias))]
    Alias {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The alias.
        #[label("span")]
        #[serde(skip)]
        span: Span,
    },

    /// A YAML tag, e.g. `year: !!str 2020`.
    #[diagnostic(code(banfa::record::tag))]
    Tag {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The tagged value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The tag as the parser resolved it.
        tag: String,
    },

    /// More than one YAML document, e.g. a second record after a `---` line.
    #[diagnostic(code(banfa::record::second_document))]
    SecondDocument {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// Where the second document starts.
        #[label("span")]
        #[serde(skip)]
        span: Span,
    },

    /// A file with nothing in it, or only comments, or only `---`.
    #[diagnostic(code(banfa::record::empty))]
    Empty {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The start of the file.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The record's format, whose help shows what a record looks like.
        hint: Written,
    },

    /// A record that is not a mapping, e.g. a file holding `- a` or just `hello`.
    #[diagnostic(code(banfa::record::not_a_mapping))]
    NotAMapping {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The top-level value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// What the top level is.
        found: Message,
        /// The record's format, whose help shows what a record looks like.
        hint: Written,
    },

    /// A key that is a list or mapping, e.g. `[a, b]: 1` or `? {x: 1}`.
    #[diagnostic(code(banfa::record::non_scalar_key))]
    NonScalarKey {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The key.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The mapping holding the key: the record, or a group by its path.
        within: Message,
        /// What the key is.
        found: Message,
    },

    /// A key given twice in one mapping, e.g. `owner` on two lines of the record.
    #[diagnostic(code(banfa::record::duplicate_key))]
    DuplicateKey {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The second occurrence.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The first occurrence.
        #[label("first")]
        #[serde(skip)]
        first: Span,
        /// The field's path.
        path: FieldPath,
    },

    /// A key the schema does not know, e.g. `dates: { strat: 2019-07-22 }` where the group
    /// `dates` has a field `start`.
    #[diagnostic(code(banfa::record::unknown_field))]
    UnknownField {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The key.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The key's full path.
        path: FieldPath,
        /// The mapping holding the key: the record, or a group by its path.
        within: Message,
        /// A close field name.
        suggestion: Option<String>,
        /// Without one, the fields of a short mapping (`hint` is then `fields`).
        fields: Vec<String>,
        /// `fields` when the fields are listed.
        hint: Option<&'static str>,
    },

    /// A value of the wrong kind: a scalar where a mapping or list belongs or the reverse,
    /// e.g. `dates: 2019-07-22` for a group, or `owner: [a, b]` for a text field.
    #[diagnostic(code(banfa::record::shape))]
    Shape {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The field's path.
        path: FieldPath,
        /// What the schema wants.
        expected: Message,
        /// What the record has.
        found: Message,
        /// `list` when a list is written as one text, as `list` shows it.
        hint: Option<&'static str>,
        /// The text written as a YAML list, `[a, b]`, with `hint`.
        list: Option<String>,
    },

    /// A required field that is absent or null, e.g. a record without `owner`, or `owner: ~`.
    #[diagnostic(code(banfa::record::missing))]
    Missing {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The enclosing mapping, or the key given as null.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The field's path.
        path: FieldPath,
        /// Why the field is missing there: the label's words.
        why: Message,
    },

    /// Not a whole number, e.g. `year: 2020.5` or `year: MMXX`.
    #[diagnostic(code(banfa::record::not_integer))]
    NotInteger {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The field's path.
        path: FieldPath,
        /// The value as written.
        found: String,
    },

    /// A number or yes/no written in quotes, e.g. `year: "2020"` or `secret: 'true'`.
    #[diagnostic(code(banfa::record::quoted))]
    Quoted {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The field's path.
        path: FieldPath,
        /// What the schema wants.
        expected: Message,
        /// The value without its quotes.
        found: String,
    },

    /// A value outside the bounds the schema declares, e.g.
    /// `year: 202` for a field declared `integer between 2000 and 2100`.
    #[diagnostic(code(banfa::record::out_of_range))]
    OutOfRange {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The field's path.
        path: FieldPath,
        /// The value as written.
        found: String,
        /// The lowest value allowed.
        low: String,
        /// The highest value allowed.
        high: String,
    },

    /// A line indented deeper than the one above, that gives a field of the same mapping
    /// (`name: 项目` and under it `  classified：true`): YAML reads it as more of the value
    /// above, and the field it was meant to give would silently take its default.
    #[diagnostic(code(banfa::record::key_in_value))]
    KeyInValue {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The line that reads as a key.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The path of the field whose value it joined.
        path: FieldPath,
        /// The field the line names.
        key: String,
    },

    /// An amount too large for exact decimal arithmetic (about 7.9 × 10²⁸), e.g.
    /// `fiscal: 99999999999999999999999999999999`.
    #[diagnostic(code(banfa::record::money_overflow))]
    MoneyOverflow {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The field's path.
        path: FieldPath,
        /// The value as written.
        found: String,
    },

    /// A whole number too large for 64 bits, e.g. `year: 99999999999999999999`.
    #[diagnostic(code(banfa::record::integer_overflow))]
    IntegerOverflow {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The field's path.
        path: FieldPath,
        /// The value as written.
        found: String,
    },

    /// Not an amount of money, e.g. `amount: lots` or `amount: 3.2e6`.
    #[diagnostic(code(banfa::record::not_money))]
    NotMoney {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The field's path.
        path: FieldPath,
        /// The value as written.
        found: String,
    },

    /// A negative amount, e.g. `amount: -5`.
    #[diagnostic(code(banfa::record::negative_money))]
    NegativeMoney {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The field's path.
        path: FieldPath,
        /// The value as written.
        found: String,
    },

    /// Not of the form `YYYY-MM-DD`, e.g. `start: 2019/07/22` or `start: 2019-7-22`.
    #[diagnostic(code(banfa::record::not_date))]
    NotDate {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The field's path.
        path: FieldPath,
        /// The value as written.
        found: String,
    },

    /// Not of the form `MM-DD`, e.g. `deadline: 7/31`.
    #[diagnostic(code(banfa::record::not_month_day))]
    NotMonthDay {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The field's path.
        path: FieldPath,
        /// The value as written.
        found: String,
    },

    /// Well-formed but not on the calendar, e.g. `start: 2019-02-30` or `start: 2019-13-01`.
    #[diagnostic(code(banfa::record::no_such_day))]
    NoSuchDay {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The field's path.
        path: FieldPath,
        /// The value as written.
        found: String,
        /// Why, e.g. `February 2019 has 28 days`.
        reason: Message,
    },

    /// Not `true` or `false`, e.g. `secret: yes` or `secret: on`.
    #[diagnostic(code(banfa::record::not_bool))]
    NotBool {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The field's path.
        path: FieldPath,
        /// The value as written.
        found: String,
    },

    /// Not a term of the field's vocabulary, e.g. `stage: drafted` where the vocabulary
    /// has `draft`.
    #[diagnostic(code(banfa::record::unknown_term))]
    UnknownTerm {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The field's path.
        path: FieldPath,
        /// The value as written.
        found: String,
        /// The vocabulary's name.
        vocabulary: String,
        /// A close term.
        suggestion: Option<String>,
        /// The terms of a short vocabulary (`hint` is then `terms`).
        terms: Vec<String>,
        /// The terms that begin with the value, when several do (`hint` is then
        /// `candidates`): `公共` for `公共部门信息应用系统` or `公共场所WIFI`.
        candidates: Vec<String>,
        /// The value as the items of a list, when it is several terms joined by a Chinese
        /// comma (`hint` is then `items`): `甲, 乙` for `甲，乙`.
        items: Option<String>,
        /// `terms`, `candidates` or `items`: which help is given.
        hint: Option<&'static str>,
    },

    /// A spreadsheet that cannot be read as a ledger at all: bytes that are not an `.xlsx`
    /// workbook (a `.zip` of something else, a truncated download, a renamed `.xls`), a
    /// password-protected workbook, or a damaged one.
    #[diagnostic(code(banfa::record::table_unreadable))]
    TableUnreadable {
        /// The file (with no text of its own to show).
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The start of the file.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The file's name.
        file: String,
        /// Why: `not_xlsx`, `password` or `damaged` (`.hint-NAME`).
        hint: Option<&'static str>,
        /// What the spreadsheet reader said, for whoever repairs the file.
        detail: String,
    },

    /// A spreadsheet larger than a ledger can be: a sheet past the 1,048,576 rows or 16,384
    /// columns a workbook has, more cells than are read at all, or a file over the size
    /// limit of a record.
    #[diagnostic(code(banfa::record::table_too_large))]
    TableTooLarge {
        /// The sheet's header, or the file.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The start of the sheet.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// What is too large: `rows`, `columns`, `cells`, `bytes` or `inflated` (the
        /// unpacked size of a workbook) (`.hint-NAME`).
        hint: Option<&'static str>,
        /// The most of it there may be.
        limit: String,
    },

    /// A spreadsheet with no header row: an empty `.csv` file, or a workbook whose sheets
    /// are all empty.
    #[diagnostic(code(banfa::record::table_empty))]
    TableEmpty {
        /// The file.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The start of the file.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The file's name.
        file: String,
    },

    /// A header cell that names no field of the record, e.g. `dates.strat` for
    /// `dates.start`, or a group such as `dates`, whose fields are columns of their own.
    #[diagnostic(code(banfa::record::unknown_column))]
    UnknownColumn {
        /// The sheet's header.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The header cell.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The header as written.
        header: String,
        /// A close field path or label.
        suggestion: Option<String>,
        /// For a group, its fields (`hint` is then `group`).
        fields: Vec<String>,
        /// `group` when the header names a group.
        hint: Option<&'static str>,
    },

    /// A header cell that is the label of more than one field, e.g. `日期` for two groups'
    /// `date` fields both described so.
    #[diagnostic(code(banfa::record::ambiguous_column))]
    AmbiguousColumn {
        /// The sheet's header.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The header cell.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The header as written.
        header: String,
        /// The paths of the fields it labels.
        fields: Vec<String>,
    },

    /// Two header cells that name the same field, e.g. `cost.public` and the label of
    /// `cost.public`.
    #[diagnostic(code(banfa::record::duplicate_column))]
    DuplicateColumn {
        /// The sheet's header.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The second header cell.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The first.
        #[label("first")]
        #[serde(skip)]
        first: Span,
        /// The field's path.
        path: FieldPath,
    },

    /// An empty header cell above a column that has values.
    #[diagnostic(code(banfa::record::unnamed_column))]
    UnnamedColumn {
        /// The sheet's header.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The header cell.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The column's letters, `C`.
        column: String,
    },

    /// A column for a field that is a list of sub-records, e.g. `history.items`: a cell
    /// cannot hold one.
    #[diagnostic(code(banfa::record::rows_column))]
    RowsColumn {
        /// The sheet's header.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The header cell.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The field's path.
        path: FieldPath,
    },

    /// A cell holding a spreadsheet's error value, e.g. `#N/A` or `#REF!` from a formula
    /// that failed.
    #[diagnostic(code(banfa::record::error_cell))]
    ErrorCell {
        /// The row.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The cell.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The field's path.
        path: FieldPath,
        /// The error value, `#N/A`.
        found: String,
    },

    /// A cell holding a date with a time of day other than midnight, e.g.
    /// `2020-08-14 14:30:00`: a record's dates are days.
    #[diagnostic(code(banfa::record::time_in_cell))]
    TimeInCell {
        /// The row.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The cell.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The field's path.
        path: FieldPath,
        /// The date and time, `2020-08-14 14:30:00`.
        found: String,
    },

    /// A list cell with an empty item, e.g. `苹果、、香蕉` or `苹果，`.
    #[diagnostic(code(banfa::record::empty_item))]
    EmptyItem {
        /// The row.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The empty item, between its separators.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The field's path.
        path: FieldPath,
        /// The cell as written.
        found: String,
    },

    /// A field whose type a record cannot give, such as a period declared by a broken pack.
    #[diagnostic(code(banfa::record::unsupported_type))]
    UnsupportedType {
        /// The record.
        #[source_code]
        #[serde(skip)]
        src: Source,
        /// The value.
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// The field's path.
        path: FieldPath,
        /// The type's name.
        ty: &'static str,
    },
}

impl RecordError {
    /// The error as a JSON record's: help on the record as a whole speaks of JSON.
    pub(super) fn in_json(mut self) -> Self {
        if let RecordError::Empty { hint, .. } | RecordError::NotAMapping { hint, .. } = &mut self {
            *hint = Written::Json;
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

/// Matches the errors that are about one field (they have a `path`): `$found` with the path
/// bound, else `$otherwise`. One list for reading the path and for labelling it.
macro_rules! about_a_field {
    ($error:expr, $path:ident => $found:expr, _ => $otherwise:expr) => {
        match $error {
            RecordError::ThousandsSeparator { $path, .. }
            | RecordError::DuplicateKey { $path, .. }
            | RecordError::UnknownField { $path, .. }
            | RecordError::Shape { $path, .. }
            | RecordError::Missing { $path, .. }
            | RecordError::NotInteger { $path, .. }
            | RecordError::Quoted { $path, .. }
            | RecordError::OutOfRange { $path, .. }
            | RecordError::KeyInValue { $path, .. }
            | RecordError::MoneyOverflow { $path, .. }
            | RecordError::IntegerOverflow { $path, .. }
            | RecordError::NotMoney { $path, .. }
            | RecordError::NegativeMoney { $path, .. }
            | RecordError::NotDate { $path, .. }
            | RecordError::NotMonthDay { $path, .. }
            | RecordError::NoSuchDay { $path, .. }
            | RecordError::NotBool { $path, .. }
            | RecordError::UnknownTerm { $path, .. }
            | RecordError::UnsupportedType { $path, .. }
            | RecordError::DuplicateColumn { $path, .. }
            | RecordError::RowsColumn { $path, .. }
            | RecordError::ErrorCell { $path, .. }
            | RecordError::TimeInCell { $path, .. }
            | RecordError::EmptyItem { $path, .. } => $found,
            _ => $otherwise,
        }
    };
}

impl RecordError {
    /// The field the error is about, if it is about one.
    fn field(&self) -> Option<&FieldPath> {
        about_a_field!(self, path => Some(path), _ => None)
    }

    /// Gives the field the error is about its label, as `label_of` finds it by path.
    /// Done once an error is made, never while a record reads well.
    pub(super) fn label<'a>(mut self, label_of: impl Fn(&str) -> Option<&'a str>) -> Self {
        let field = about_a_field!(&mut self, path => path, _ => return self);
        field.label = label_of(&field.path).map(Arc::from);
        self
    }
}

/// The source of any error (every one has a `src`): `$found` with it bound.
macro_rules! source_of {
    ($error:expr, $src:ident => $found:expr) => {
        match $error {
            RecordError::NotUtf8 { src: $src, .. }
            | RecordError::Gb18030 { src: $src, .. }
            | RecordError::FullWidth { src: $src, .. }
            | RecordError::Tab { src: $src, .. }
            | RecordError::ThousandsSeparator { src: $src, .. }
            | RecordError::Syntax { src: $src, .. }
            | RecordError::JsonSyntax { src: $src, .. }
            | RecordError::TooDeep { src: $src, .. }
            | RecordError::Anchor { src: $src, .. }
            | RecordError::Alias { src: $src, .. }
            | RecordError::Tag { src: $src, .. }
            | RecordError::SecondDocument { src: $src, .. }
            | RecordError::Empty { src: $src, .. }
            | RecordError::NotAMapping { src: $src, .. }
            | RecordError::NonScalarKey { src: $src, .. }
            | RecordError::DuplicateKey { src: $src, .. }
            | RecordError::UnknownField { src: $src, .. }
            | RecordError::Shape { src: $src, .. }
            | RecordError::Missing { src: $src, .. }
            | RecordError::NotInteger { src: $src, .. }
            | RecordError::Quoted { src: $src, .. }
            | RecordError::OutOfRange { src: $src, .. }
            | RecordError::KeyInValue { src: $src, .. }
            | RecordError::MoneyOverflow { src: $src, .. }
            | RecordError::IntegerOverflow { src: $src, .. }
            | RecordError::NotMoney { src: $src, .. }
            | RecordError::NegativeMoney { src: $src, .. }
            | RecordError::NotDate { src: $src, .. }
            | RecordError::NotMonthDay { src: $src, .. }
            | RecordError::NoSuchDay { src: $src, .. }
            | RecordError::NotBool { src: $src, .. }
            | RecordError::UnknownTerm { src: $src, .. }
            | RecordError::TableUnreadable { src: $src, .. }
            | RecordError::TableTooLarge { src: $src, .. }
            | RecordError::TableEmpty { src: $src, .. }
            | RecordError::UnknownColumn { src: $src, .. }
            | RecordError::AmbiguousColumn { src: $src, .. }
            | RecordError::DuplicateColumn { src: $src, .. }
            | RecordError::UnnamedColumn { src: $src, .. }
            | RecordError::RowsColumn { src: $src, .. }
            | RecordError::ErrorCell { src: $src, .. }
            | RecordError::TimeInCell { src: $src, .. }
            | RecordError::EmptyItem { src: $src, .. }
            | RecordError::UnsupportedType { src: $src, .. } => $found,
        }
    };
}

impl RecordError {
    /// The text the error points into.
    pub(super) fn source(&self) -> &Source {
        source_of!(self, src => src)
    }

    /// The same error pointing into `source`, a text with the same spans: a spreadsheet
    /// names the cell of each problem in its source's name ([`super::table`]).
    pub(super) fn with_source(mut self, source: Source) -> Self {
        source_of!(&mut self, src => *src = source);
        self
    }
}

impl crate::i18n::Report for RecordError {
    /// The catalogue entry of the error's code, its fields as arguments, and `field`, the
    /// phrase naming the field it is about.
    fn message(&self) -> Message {
        let code = crate::i18n::Diagnostic::code(self)
            .map(|code| code.to_string())
            .unwrap_or_default();
        let message = Message::of_fields(Message::id_of(&code), self);
        match self.field() {
            Some(field) => message.arg("field", field.phrase()),
            None => message,
        }
    }
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let message = crate::i18n::Report::message(self);
        f.write_str(&message.render(crate::i18n::Lang::En))
    }
}

impl std::error::Error for RecordError {}

/// A byte as messages show it, `0xc4`.
fn hex<S: serde::Serializer>(byte: &u8, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&format!("{byte:#04x}"))
}
