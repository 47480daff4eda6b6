//! Records the load stage accepts, and the facts it makes of them.

use super::*;

#[test]
fn minimal_record_gets_defaults() {
    let facts = facts(MINIMAL);
    assert_eq!(facts.values.len(), pack().schema.slots.len());
    let get = |slot: usize| facts.values.get(slot).cloned().flatten();
    assert_eq!(get(CODE), Some(Value::Text("A-1".into())));
    assert_eq!(get(TITLE), None);
    assert_eq!(get(YEAR), Some(Value::Int(2020)));
    assert!(
        matches!(get(KIND), Some(Value::Term(t)) if t.vocabulary == 0 && t.index == 0 && &*t.name == "苹果")
    );
    assert_eq!(get(SECRET), Some(Value::Bool(false)));
    assert_eq!(get(COST_PUBLIC), Some(money("0")));
    assert_eq!(get(COST_PRIVATE), None);
    assert_eq!(get(START), None);
    assert_eq!(get(TAGS), Some(Value::List(Arc::from(Vec::new()))));
    assert_eq!(get(STEPS_FILED), Some(Value::Date(date(2020, 1, 2))));
    assert_eq!(get(STEPS_FLAG), None);
    assert_eq!(get(ITEMS), Some(rows()));
}

#[test]
fn full_record() {
    let yaml = "\
code: X
title: 示例
year: -12
kind: 橙子
secret: TRUE
cost:
  public: 100
  private: \"2万元\"
start: '2019-07-22'
yearly: 12-31
tags: [香蕉, 葡萄]
steps:
  filed: 2020-02-29
  flag: False
items:
  - ref: a
    done: 2021-01-31
  - { ref: b, ok: true }
big: term17
";
    let facts = facts(yaml);
    let get = |slot: usize| facts.values.get(slot).cloned().flatten();
    assert_eq!(get(YEAR), Some(Value::Int(-12)));
    assert!(matches!(get(KIND), Some(Value::Term(t)) if t.index == 2));
    assert_eq!(get(SECRET), Some(Value::Bool(true)));
    assert_eq!(get(COST_PUBLIC), Some(money("100")));
    assert_eq!(get(COST_PRIVATE), Some(money("20000")));
    assert_eq!(get(START), Some(Value::Date(date(2019, 7, 22))));
    let yearly = MonthDay::new(12, 31).map(Value::MonthDay);
    assert_eq!(get(YEARLY), yearly);
    let Some(Value::List(tags)) = get(TAGS) else {
        panic!("tags: {:?}", get(TAGS))
    };
    let names: Vec<String> = tags.iter().map(ToString::to_string).collect();
    assert_eq!(names, ["香蕉", "葡萄"]);
    assert_eq!(get(STEPS_FLAG), Some(Value::Bool(false)));
    let Some(Value::Rows(rows)) = get(ITEMS) else {
        panic!("items: {:?}", get(ITEMS))
    };
    let first: &[Option<Value>] = &[
        Some(Value::Text("a".into())),
        Some(Value::Date(date(2021, 1, 31))),
        Some(Value::Bool(false)),
    ];
    let second: &[Option<Value>] = &[Some(Value::Text("b".into())), None, Some(Value::Bool(true))];
    assert_eq!(rows.len(), 2);
    assert_eq!(rows.first().map(|row| &**row), Some(first));
    assert_eq!(rows.get(1).map(|row| &**row), Some(second));
}

#[test]
fn text_is_read_as_written() {
    for (written, text) in [
        ("2020", "2020"),
        ("1.50", "1.50"),
        ("true", "true"),
        ("2019-07-22", "2019-07-22"),
        ("'null'", "null"),
        ("\"\"", ""),
        ("\"a\\tb\"", "a\tb"),
        ("示例市 本级", "示例市 本级"),
    ] {
        let yaml = with(&format!("title: {written}"));
        assert_eq!(
            value(&yaml, TITLE),
            Some(Value::Text(text.into())),
            "{written}"
        );
    }
}

#[test]
fn money_forms() {
    for (written, amount) in [
        ("3200000", "3200000"),
        ("3200000.50", "3200000.50"),
        ("0.1", "0.1"),
        ("+5", "5"),
        ("-0", "0"),
        ("\"320万元\"", "3200000"),
        ("\"320万\"", "3200000"),
        ("\"3.2万元\"", "32000"),
        ("\"3,200,000元\"", "3200000"),
        ("\"3,200,000.25\"", "3200000.25"),
        ("\"3200000元\"", "3200000"),
        ("\"3200000\"", "3200000"),
        ("320万元", "3200000"),
        ("12345678901234567890.123", "12345678901234567890.123"),
    ] {
        let yaml = with(&format!("cost: {{ private: {written} }}"));
        assert_eq!(value(&yaml, COST_PRIVATE), Some(money(amount)), "{written}");
    }
}

#[test]
fn money_is_exact() {
    let yaml = with("cost: { private: 0.1 }");
    let Some(Value::Money(amount)) = value(&yaml, COST_PRIVATE) else {
        panic!("not money")
    };
    assert_eq!(amount.to_string(), "0.1");
    assert_eq!(
        amount * Decimal::from(3),
        Decimal::from_str("0.3").unwrap_or_default()
    );
}

#[test]
fn integers() {
    for (written, n) in [
        ("7", 7),
        ("+7", 7),
        ("-3", -3),
        ("007", 7),
        ("9223372036854775807", i64::MAX),
    ] {
        let yaml = MINIMAL.replace("year: 2020", &format!("year: {written}"));
        assert_eq!(value(&yaml, YEAR), Some(Value::Int(n)), "{written}");
    }
}

#[test]
fn booleans() {
    for (written, b) in [
        ("true", true),
        ("True", true),
        ("TRUE", true),
        ("false", false),
        ("False", false),
        ("FALSE", false),
    ] {
        assert_eq!(
            value(&with(&format!("secret: {written}")), SECRET),
            Some(Value::Bool(b)),
            "{written}"
        );
    }
}

#[test]
fn dates_and_days() {
    assert_eq!(
        value(&with("start: 2020-02-29"), START),
        Some(Value::Date(date(2020, 2, 29)))
    );
    assert_eq!(
        value(&with("start: 2000-02-29"), START),
        Some(Value::Date(date(2000, 2, 29)))
    );
    assert_eq!(
        value(&with("start: \"2019-12-31\""), START),
        Some(Value::Date(date(2019, 12, 31)))
    );
    assert_eq!(
        value(&with("yearly: 02-29"), YEARLY),
        MonthDay::new(2, 29).map(Value::MonthDay)
    );
    assert_eq!(
        value(&with("yearly: '12-31'"), YEARLY),
        MonthDay::new(12, 31).map(Value::MonthDay)
    );
}

#[test]
fn null_means_absent() {
    for null in ["~", "null", "Null", "NULL", ""] {
        assert_eq!(
            value(&with(&format!("title: {null}")), TITLE),
            None,
            "{null:?}"
        );
        // An absent field with a default takes it.
        assert_eq!(
            value(&with(&format!("secret: {null}")), SECRET),
            Some(Value::Bool(false))
        );
        assert_eq!(
            value(&with(&format!("cost: {null}")), COST_PUBLIC),
            Some(money("0"))
        );
        assert_eq!(
            value(&with(&format!("tags: {null}")), TAGS),
            Some(Value::List(Arc::from(Vec::new())))
        );
    }
    let facts = facts(&with("cost:\n  public: ~\n  private:"));
    assert_eq!(
        facts.values.get(COST_PUBLIC).cloned().flatten(),
        Some(money("0"))
    );
    assert_eq!(facts.values.get(COST_PRIVATE).cloned().flatten(), None);
}

#[test]
fn empty_collections() {
    assert_eq!(
        value(&with("tags: []"), TAGS),
        Some(Value::List(Arc::from(Vec::new())))
    );
    assert_eq!(value(&with("items: []"), ITEMS), Some(rows()));
    assert_eq!(value(&with("cost: {}"), COST_PUBLIC), Some(money("0")));
}

#[test]
fn keys_may_be_quoted_and_comments_ignored() {
    let yaml = "# a record\n\"code\": A-1 # trailing\n'year': 2020\nkind: 苹果\nsteps: {filed: 2020-01-02}\n";
    assert_eq!(value(yaml, CODE), Some(Value::Text("A-1".into())));
}

#[test]
fn explicit_document_markers_and_byte_order_mark() {
    let yaml = format!("---\n{MINIMAL}...\n");
    assert_eq!(value(&yaml, YEAR), Some(Value::Int(2020)));
    let yaml = format!("\u{feff}{MINIMAL}");
    assert_eq!(value(&yaml, YEAR), Some(Value::Int(2020)));
}

#[test]
fn nesting_up_to_the_limit_is_not_too_deep() {
    // The root mapping is level 1, so 63 brackets reach level 64.
    let depth = super::super::yaml::MAX_DEPTH - 1;
    let yaml = with(&format!(
        "title: {}{}",
        "[".repeat(depth),
        "]".repeat(depth)
    ));
    let error = only(&yaml);
    assert!(matches!(error, RecordError::Shape { .. }), "{error:?}");
}

#[test]
fn bytes_that_are_utf8_load() {
    let facts = load_bytes("record.yaml", MINIMAL.as_bytes(), &pack());
    assert!(facts.is_ok());
}
