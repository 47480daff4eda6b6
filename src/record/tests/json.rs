//! Records written as JSON: the same facts as the same record in YAML, and the same
//! vocabulary of problems.

use super::super::{Format, load_as, load_json};
use super::*;

fn json(text: &str) -> Result<Facts, Diagnostics<RecordError>> {
    load_json(&Source::new("record.json", text), &pack())
}

fn json_facts(text: &str) -> Facts {
    match json(text) {
        Ok(facts) => facts,
        Err(errors) => panic!("expected facts, got {:?}", messages_of(&errors)),
    }
}

fn json_messages(text: &str) -> Vec<String> {
    match json(text) {
        Ok(facts) => panic!("expected errors, got {facts:?}"),
        Err(errors) => messages_of(&errors),
    }
}

const MINIMAL_JSON: &str =
    r#"{"code": "A-1", "year": 2020, "kind": "苹果", "steps": {"filed": "2020-01-02"}}"#;

#[test]
fn a_json_record_gives_the_facts_of_the_same_record_in_yaml() {
    let yaml = "\
code: X
title: 示例
year: -12
kind: 橙子
secret: true
cost: { public: 100, private: \"2万元\" }
start: 2019-07-22
yearly: 12-31
tags: [香蕉, 葡萄]
steps: { filed: 2020-02-29, flag: false }
items:
  - { ref: a, done: 2021-01-31 }
  - { ref: b, ok: true }
big: term17
";
    let json = r#"{
  "code": "X", "title": "示例", "year": -12, "kind": "橙子", "secret": true,
  "cost": {"public": 100, "private": "2万元"},
  "start": "2019-07-22", "yearly": "12-31", "tags": ["香蕉", "葡萄"],
  "steps": {"filed": "2020-02-29", "flag": false},
  "items": [{"ref": "a", "done": "2021-01-31"}, {"ref": "b", "ok": true}],
  "big": "term17"
}"#;
    let (from_yaml, from_json) = (facts(yaml), json_facts(json));
    assert_eq!(
        format!("{:?}", from_yaml.values),
        format!("{:?}", from_json.values)
    );
}

#[test]
fn null_is_absent_and_money_is_exact() {
    let text = MINIMAL_JSON.replace(
        r#""year": 2020"#,
        r#""year": 2020, "title": null, "secret": null, "cost": {"private": 0.1}"#,
    );
    let facts = json_facts(&text);
    let get = |slot: usize| facts.values.get(slot).cloned().flatten();
    assert_eq!(get(TITLE), None);
    assert_eq!(get(SECRET), Some(Value::Bool(false)));
    assert_eq!(get(COST_PRIVATE), Some(money("0.1")));
    let Some(Value::Money(amount)) = get(COST_PRIVATE) else {
        panic!("not money")
    };
    assert_eq!(amount.to_string(), "0.1");
    let huge = MINIMAL_JSON.replace(
        r#""year": 2020"#,
        r#""year": 2020, "cost": {"private": 12345678901234567890.123}"#,
    );
    let value = json_facts(&huge)
        .values
        .get(COST_PRIVATE)
        .cloned()
        .flatten();
    assert_eq!(value, Some(money("12345678901234567890.123")));
}

#[test]
fn json_records_have_the_problems_of_yaml_ones() {
    let with =
        |field: &str| MINIMAL_JSON.replace(r#""year": 2020"#, &format!(r#""year": 2020, {field}"#));
    for (field, message) in [
        (r#""titles": "x""#, "unknown field `titles`"),
        (r#""code": "B""#, "duplicate field `code`"),
        (
            r#""secret": "true""#,
            "expected `true` or `false` for `secret`, found the quoted text `true`",
        ),
        (
            r#""secret": 1"#,
            "expected `true` or `false` for `secret`, found `1`",
        ),
        (
            r#""cost": {"private": -5}"#,
            "expected an amount of money of at least 0 for `cost.private`, found `-5`",
        ),
        (
            r#""cost": {"private": 3.2e6}"#,
            "expected an amount of money for `cost.private`, found `3.2e6`",
        ),
        (
            r#""start": "2019-02-30""#,
            "`2019-02-30` for `start` is not a calendar date: February 2019 has 28 days",
        ),
        (
            r#""tags": ["苹果", null]"#,
            "expected a term of the vocabulary `fruit` for `tags[1]`, found nothing (null)",
        ),
        (
            r#""items": [{"done": "2020-01-01"}]"#,
            "missing required field `items[0].ref`",
        ),
        (
            r#""cost": 5"#,
            "expected a mapping of fields for `cost`, found `5`",
        ),
    ] {
        assert_eq!(json_messages(&with(field)), [message], "{field}");
    }
    let quoted = MINIMAL_JSON.replace(r#""year": 2020"#, r#""year": "2020""#);
    assert_eq!(
        json_messages(&quoted),
        ["expected a whole number for `year`, found the quoted text `2020`"]
    );
    assert_eq!(json_messages(" "), ["the record is empty"]);
    assert_eq!(
        json_messages("[1]"),
        ["expected the record to be a mapping of fields, found a list"]
    );
}

#[test]
fn a_syntax_error_stops_the_reading_and_is_reported_alone() {
    let text = r#"{"titles": "x", "year": 2020,}"#;
    let messages = json_messages(text);
    assert_eq!(
        messages,
        ["the record is not valid JSON: expected a field name in double quotes, found `}`"]
    );
    let error = match json(text) {
        Err(errors) => errors.into_iter().next(),
        Ok(_) => None,
    };
    let error = error.unwrap_or_else(|| panic!("no error"));
    assert_eq!(labelled(text, &error), "}");
    let rendered = render(&error);
    assert!(rendered.contains("[record.json:1:30]"), "{rendered}");
}

#[test]
fn the_format_follows_the_file_name() {
    assert_eq!(Format::of(std::path::Path::new("a/b.json")), Format::Json);
    assert_eq!(Format::of(std::path::Path::new("B.JSON")), Format::Json);
    assert_eq!(Format::of(std::path::Path::new("b.yaml")), Format::Yaml);
    assert_eq!(Format::of(std::path::Path::new("json")), Format::Yaml);
    let source = Source::new("r.json", MINIMAL_JSON);
    assert!(load_as(Format::Json, &source, &pack()).is_ok());
    // A JSON object is YAML too (a flow mapping), read with YAML's rules.
    assert!(load_as(Format::Yaml, &source, &pack()).is_ok());
}
