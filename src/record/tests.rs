//! Unit tests of the load stage against a small hand-built schema.
//!
//! The schema's field names are made up on purpose: the engine must work for any pack.

use std::str::FromStr;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{Facts, RecordError, load, load_bytes};
use crate::diagnostics::Diagnostics;
use crate::pack::{Field, FieldShape, Header, Messages, Pack, RecordType, Slot, Type, Vocabulary};
use crate::source::{Source, Span};
use crate::value::{MonthDay, Row, Value};

// Root slots of the test schema.
const CODE: usize = 0;
const TITLE: usize = 1;
const YEAR: usize = 2;
const KIND: usize = 3;
const SECRET: usize = 4;
const COST_PUBLIC: usize = 5;
const COST_PRIVATE: usize = 6;
const START: usize = 7;
const YEARLY: usize = 8;
const TAGS: usize = 9;
const STEPS_FILED: usize = 10;
const STEPS_FLAG: usize = 11;
const ITEMS: usize = 12;

/// The smallest record the schema accepts.
const MINIMAL: &str = "code: A-1\nyear: 2020\nkind: 苹果\nsteps: { filed: 2020-01-02 }\n";

/// Collects fields and their slots in declaration order.
#[derive(Default)]
struct Schema {
    fields: Vec<Field>,
    slots: Vec<Slot>,
}

impl Schema {
    fn leaf(&mut self, path: &str, ty: Type, required: bool, default: Option<Value>) -> Field {
        let name = path.rsplit('.').next().unwrap_or(path);
        let span = Span::default();
        let slot = Slot {
            path: path.into(),
            ty,
            required,
            required_when: None,
            default,
            range: None,
            span,
        };
        self.slots.push(slot);
        Field {
            name: name.into(),
            doc: None,
            shape: FieldShape::Leaf(self.slots.len() - 1),
        }
    }

    fn optional(&mut self, path: &str, ty: Type) -> Field {
        self.leaf(path, ty, false, None)
    }

    fn required(&mut self, path: &str, ty: Type) -> Field {
        self.leaf(path, ty, true, None)
    }

    fn defaulted(&mut self, path: &str, ty: Type, default: Value) -> Field {
        self.leaf(path, ty, false, Some(default))
    }

    fn finish(self) -> RecordType {
        RecordType {
            fields: self.fields,
            slots: self.slots,
        }
    }
}

fn group(name: &str, fields: Vec<Field>) -> Field {
    Field {
        name: name.into(),
        doc: None,
        shape: FieldShape::Group(fields),
    }
}

fn rows() -> Value {
    Value::Rows(Arc::from(Vec::<Row>::new()))
}

/// Text, integer, money, date, month-day, bool, a term, a list of terms, groups (one with
/// a required leaf), a list of rows and a period, with defaults and required fields.
fn schema() -> RecordType {
    let mut s = Schema::default();
    let mut fields = vec![
        s.required("code", Type::Text),
        s.optional("title", Type::Text),
        s.required("year", Type::Integer),
        s.required("kind", Type::Term(0)),
        s.defaulted("secret", Type::Bool, Value::Bool(false)),
    ];
    let public = s.defaulted("cost.public", Type::Money, Value::Money(Decimal::ZERO));
    let private = s.optional("cost.private", Type::Money);
    fields.push(group("cost", vec![public, private]));
    fields.push(s.optional("start", Type::Date));
    fields.push(s.optional("yearly", Type::MonthDay));
    let tags = Type::List(Box::new(Type::Term(0)));
    fields.push(s.defaulted("tags", tags, Value::List(Arc::from(Vec::new()))));
    let filed = s.required("steps.filed", Type::Date);
    let flag = s.optional("steps.flag", Type::Bool);
    fields.push(group("steps", vec![filed, flag]));
    fields.push(s.defaulted("items", Type::Rows(Arc::new(row_schema())), rows()));
    fields.push(s.optional("span", Type::Period));
    fields.push(s.optional("big", Type::Term(1)));
    s.fields = fields;
    s.finish()
}

fn row_schema() -> RecordType {
    let mut s = Schema::default();
    s.fields = vec![
        s.required("ref", Type::Text),
        s.optional("done", Type::Date),
        s.defaulted("ok", Type::Bool, Value::Bool(false)),
    ];
    s.finish()
}

fn vocabulary(name: &str, terms: &[&str]) -> Vocabulary {
    let terms = terms.iter().map(|&term| Arc::from(term)).collect();
    Vocabulary {
        name: name.into(),
        terms,
        classes: Vec::new(),
    }
}

fn pack() -> Pack {
    let big: Vec<String> = (1..=20).map(|i| format!("term{i:02}")).collect();
    let big: Vec<&str> = big.iter().map(String::as_str).collect();
    let header = Header {
        name: "test".into(),
        edition: "test".into(),
        jurisdiction: "test".into(),
        version: "1".into(),
        issued: None,
        effective: date(2017, 1, 1),
        in_force_since: date(2017, 1, 1),
        source: None,
        description: None,
        extends: None,
        origin: "test@1".into(),
    };
    Pack {
        header,
        vocabularies: vec![
            vocabulary("fruit", &["苹果", "香蕉", "橙子", "葡萄"]),
            vocabulary("big", &big),
        ],
        schema: schema(),
        articles: Vec::new(),
        facts: Vec::new(),
        relations: Vec::new(),
        plan_field: None,
        rules: Vec::new(),
        variables: 0,
        messages: Messages::default(),
        chain: vec![],
        disabled: vec![],
        own_fields: vec![],
        unused_parameters: vec![],
        parameters: vec![],
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn source(yaml: &str) -> Source {
    Source::new("record.yaml", yaml)
}

fn facts(yaml: &str) -> Facts {
    match load(&source(yaml), &pack()) {
        Ok(facts) => facts,
        Err(errors) => panic!("expected facts, got {:?}", messages_of(&errors)),
    }
}

fn errors(yaml: &str) -> Diagnostics<RecordError> {
    match load(&source(yaml), &pack()) {
        Ok(facts) => panic!("expected errors, got {facts:?}"),
        Err(errors) => errors,
    }
}

fn messages_of(errors: &Diagnostics<RecordError>) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

fn messages(yaml: &str) -> Vec<String> {
    messages_of(&errors(yaml))
}

/// The only error of a record.
fn only(yaml: &str) -> RecordError {
    let mut errors: Vec<RecordError> = errors(yaml).into_iter().collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.remove(0)
}

/// As `banfa` reports it: long lines cut, at most `MAX_SHOWN` problems.
/// The report in English, as `banfa --lang en` shows it.
fn render(diagnostic: &dyn crate::i18n::Report) -> String {
    let theme = miette::GraphicalTheme::unicode_nocolor();
    let handler = miette::GraphicalReportHandler::new_themed(theme).with_width(200);
    let localized = crate::i18n::Localized::new(diagnostic, crate::i18n::Lang::En);
    match crate::diagnostics::render(&handler, &localized, crate::i18n::Lang::En) {
        Ok(out) => out,
        Err(error) => panic!("rendering failed: {error}"),
    }
}

/// The help in English.
fn help(error: &RecordError) -> String {
    let localized = crate::i18n::Localized::new(error, crate::i18n::Lang::En);
    miette::Diagnostic::help(&localized)
        .map(|h| h.to_string())
        .unwrap_or_default()
}

/// The text the error's first label points at.
fn labelled<'a>(yaml: &'a str, error: &RecordError) -> &'a str {
    let label = miette::Diagnostic::labels(error).and_then(|mut labels| labels.next());
    let label = label.unwrap_or_else(|| panic!("no label: {error:?}"));
    yaml.get(label.offset()..label.offset() + label.len())
        .unwrap_or("<not on a boundary>")
}

/// MINIMAL with `line` added at the end.
fn with(line: &str) -> String {
    format!("{MINIMAL}{line}\n")
}

fn value(yaml: &str, slot: usize) -> Option<Value> {
    facts(yaml).values.get(slot).cloned().flatten()
}

fn money(text: &str) -> Value {
    Value::Money(Decimal::from_str(text).unwrap_or_default())
}

mod accepted;
mod json;
mod readers;
mod rejected;
mod slips;
mod table;
