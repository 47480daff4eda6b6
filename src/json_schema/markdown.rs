//! The record format of a pack as a Markdown field table, for the people who fill records
//! in: one row per field in declaration order (groups as rows of their own), with each
//! field's description, type, whether it is required, its default, its bounds and the terms
//! a vocabulary field takes; then the classes of those vocabularies.
//!
//! Everything comes from the pack's `record` and vocabularies. The words the table is
//! written in are generic (column headings, type names) and all sit in [`WORDS`].

use std::fmt::Write as _;

use crate::pack::{Field, FieldShape, Pack, RecordType, Slot, Type};
use crate::value::Value;

/// The words of the table: headings, type names and the phrases that join them.
struct Words {
    /// The title, before the pack's name.
    title: &'static str,
    /// The column headings, in order.
    columns: [&'static str; 7],
    /// The type column of a group row.
    group: &'static str,
    text: &'static str,
    integer: &'static str,
    money: &'static str,
    date: &'static str,
    month_day: &'static str,
    period: &'static str,
    yes_no: &'static str,
    /// Before a vocabulary's name.
    vocabulary: &'static str,
    /// A list of values of the type in parentheses.
    list: &'static str,
    /// A list of sub-records, whose fields follow as `PATH[].FIELD`.
    rows: &'static str,
    yes: &'static str,
    no: &'static str,
    empty_list: &'static str,
    /// Between a range's bounds.
    to: &'static str,
    /// Around a `required when` condition.
    required_when: (&'static str, &'static str),
    /// The heading of the classes section, and its column headings.
    classes: &'static str,
    class_columns: [&'static str; 3],
}

const WORDS: Words = Words {
    title: "项目记录字段",
    columns: [
        "字段",
        "说明",
        "类型",
        "必填",
        "默认值",
        "取值范围",
        "可选值",
    ],
    group: "分组",
    text: "文本",
    integer: "整数",
    money: "金额（元）",
    date: "日期",
    month_day: "月-日",
    period: "期间",
    yes_no: "是/否",
    vocabulary: "词表：",
    list: "列表",
    rows: "列表，每项含以下字段",
    yes: "是",
    no: "否",
    empty_list: "空列表",
    to: " 至 ",
    required_when: ("当 ", " 成立时必填"),
    classes: "词表中的类",
    class_columns: ["词表", "类", "词"],
};

/// The Markdown field table of a pack's project records. The same pack gives the same text.
pub fn markdown(pack: &Pack) -> String {
    let mut out = String::new();
    let header = &pack.header;
    let _ = writeln!(
        out,
        "## {}：{}（{} {}）\n",
        WORDS.title, header.name, header.edition, header.version
    );
    row(&mut out, &WORDS.columns.map(str::to_owned));
    row(&mut out, &WORDS.columns.map(|_| "---".to_owned()));
    fields(&mut out, pack, &pack.schema, &pack.schema.fields, "");
    classes(&mut out, pack);
    out
}

/// A row of a table, its cells escaped.
fn row(out: &mut String, cells: &[String]) {
    out.push('|');
    for cell in cells {
        out.push(' ');
        out.push_str(&cell.replace('|', "\\|").replace('\n', " "));
        out.push_str(" |");
    }
    out.push('\n');
}

/// The rows of these fields, whose paths start with `prefix`.
fn fields(out: &mut String, pack: &Pack, record: &RecordType, list: &[Field], prefix: &str) {
    for field in list {
        let path = format!("{prefix}{}", field.name);
        let doc = field.doc.as_deref().unwrap_or_default().to_owned();
        match &field.shape {
            FieldShape::Group(inner) => {
                let mut cells = empty();
                cells[0] = format!("**`{path}`**");
                cells[1] = if doc.is_empty() {
                    doc
                } else {
                    format!("**{doc}**")
                };
                cells[2] = WORDS.group.to_owned();
                row(out, &cells);
                fields(out, pack, record, inner, &format!("{path}."));
            }
            FieldShape::Leaf(slot) => {
                let Some(slot) = record.slots.get(*slot) else {
                    continue;
                };
                row(out, &leaf(pack, slot, &path, doc));
                if let Type::Rows(rows) = &slot.ty {
                    fields(out, pack, rows, &rows.fields, &format!("{path}[]."));
                }
            }
        }
    }
}

fn empty() -> [String; 7] {
    Default::default()
}

/// The cells of a value field.
fn leaf(pack: &Pack, slot: &Slot, path: &str, doc: String) -> [String; 7] {
    let mut cells = empty();
    cells[0] = format!("`{path}`");
    cells[1] = doc;
    cells[2] = type_name(pack, &slot.ty);
    cells[3] = required(slot);
    cells[4] = slot.default.as_ref().map(value).unwrap_or_default();
    cells[5] = slot
        .range
        .as_ref()
        .map(|(low, high)| format!("{}{}{}", value(low), WORDS.to, value(high)))
        .unwrap_or_default();
    cells[6] = vocabulary_of(&slot.ty)
        .and_then(|v| pack.vocabularies.get(v as usize))
        .map(|vocabulary| join(&vocabulary.terms))
        .unwrap_or_default();
    cells
}

/// Whether a record must give the field: always, or when a condition holds.
fn required(slot: &Slot) -> String {
    if slot.required {
        return WORDS.yes.to_owned();
    }
    let (before, after) = WORDS.required_when;
    slot.required_when
        .as_ref()
        .map(|condition| format!("{before}`{}`{after}", condition.text))
        .unwrap_or_default()
}

/// A type in words: `日期`, `列表（词表：申报材料）`.
fn type_name(pack: &Pack, ty: &Type) -> String {
    match ty {
        Type::Text => WORDS.text.to_owned(),
        Type::Integer => WORDS.integer.to_owned(),
        Type::Money => WORDS.money.to_owned(),
        Type::Date => WORDS.date.to_owned(),
        Type::MonthDay => WORDS.month_day.to_owned(),
        Type::Period => WORDS.period.to_owned(),
        Type::Bool => WORDS.yes_no.to_owned(),
        Type::Term(v) => {
            let name = pack.vocabularies.get(*v as usize).map(|v| &*v.name);
            format!("{}{}", WORDS.vocabulary, name.unwrap_or_default())
        }
        Type::List(element) => format!("{}（{}）", WORDS.list, type_name(pack, element)),
        Type::Rows(_) => WORDS.rows.to_owned(),
    }
}

/// The vocabulary whose terms a field of this type takes, itself or as a list.
fn vocabulary_of(ty: &Type) -> Option<u32> {
    match ty {
        Type::Term(v) => Some(*v),
        Type::List(element) => vocabulary_of(element),
        _ => None,
    }
}

/// A default or a bound as a record writes it, yes/no in words.
fn value(value: &Value) -> String {
    match value {
        Value::Bool(true) => WORDS.yes.to_owned(),
        Value::Bool(false) => WORDS.no.to_owned(),
        Value::List(items) if items.is_empty() => WORDS.empty_list.to_owned(),
        Value::Rows(rows) if rows.is_empty() => WORDS.empty_list.to_owned(),
        other => other.to_string(),
    }
}

fn join(terms: &[std::sync::Arc<str>]) -> String {
    terms.iter().map(|t| &**t).collect::<Vec<_>>().join("、")
}

/// The classes of the vocabularies the record's fields take, in declaration order.
fn classes(out: &mut String, pack: &Pack) {
    let mut used = Vec::new();
    vocabularies_used(&pack.schema, &mut used);
    let mut rows = Vec::new();
    for (index, vocabulary) in pack.vocabularies.iter().enumerate() {
        if !used.contains(&(index as u32)) {
            continue;
        }
        for class in &vocabulary.classes {
            let members = vocabulary
                .terms
                .iter()
                .zip(&class.members)
                .filter(|(_, member)| **member)
                .map(|(term, _)| term.clone())
                .collect::<Vec<_>>();
            rows.push([
                vocabulary.name.to_string(),
                class.name.to_string(),
                join(&members),
            ]);
        }
    }
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n### {}\n", WORDS.classes);
    row(out, &WORDS.class_columns.map(str::to_owned));
    row(out, &WORDS.class_columns.map(|_| "---".to_owned()));
    for cells in &rows {
        row(out, cells);
    }
}

/// Every vocabulary a field of this record type (or of its sub-records) takes.
fn vocabularies_used(record: &RecordType, used: &mut Vec<u32>) {
    for slot in &record.slots {
        if let Some(v) = vocabulary_of(&slot.ty) {
            if !used.contains(&v) {
                used.push(v);
            }
        }
        if let Type::Rows(rows) = &slot.ty {
            vocabularies_used(rows, used);
        }
    }
}
