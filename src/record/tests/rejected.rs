//! Records the load stage rejects: one test per kind of error, and the diagnostics' spans.

use super::*;

/// MINIMAL with its `year` written otherwise.
fn year(written: &str) -> String {
    MINIMAL.replace("year: 2020", &format!("year: {written}"))
}

#[test]
fn not_utf8() {
    // Latin-1 `é`: neither UTF-8 nor GB18030.
    let bytes = b"code: caf\xe9\nyear: 2020\n";
    let Err(errors) = load_bytes("record.yaml", bytes, &pack()) else {
        panic!("accepted")
    };
    let error = errors.into_iter().next();
    let Some(
        error @ RecordError::NotUtf8 {
            offset: 9,
            byte: 0xe9,
            ..
        },
    ) = error
    else {
        panic!("{error:?}")
    };
    assert!(error.to_string().contains("byte 9 (`0xe9`)"), "{error}");
    let rendered = render(&error);
    assert!(rendered.contains("[record.yaml:1:10]"), "{rendered}");
}

#[test]
fn syntax_error() {
    let error = only("code: [a, b\nyear: 1");
    assert!(matches!(error, RecordError::Syntax { .. }), "{error:?}");
    assert!(
        error
            .to_string()
            .starts_with("the record is not valid YAML: "),
        "{error}"
    );
}

#[test]
fn deep_flow_nesting_is_an_error_not_a_crash() {
    for depth in [65, 100, 300, 100_000] {
        let error = only(&"[".repeat(depth));
        assert!(
            matches!(error, RecordError::TooDeep { limit: 64, .. }),
            "{depth}: {error:?}"
        );
    }
    let error = only(&with(&format!("title: {}", "[".repeat(64))));
    assert!(matches!(error, RecordError::TooDeep { .. }), "{error:?}");
}

#[test]
fn deep_block_nesting_is_an_error_not_a_crash() {
    let error = only(&"- ".repeat(100_000));
    assert!(matches!(error, RecordError::TooDeep { .. }), "{error:?}");
    let keys: String = (0..100).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
    let error = only(&keys);
    assert!(matches!(error, RecordError::TooDeep { .. }), "{error:?}");
}

#[test]
fn anchors_and_aliases() {
    let yaml = with("title: &t x\nbig: *t");
    let errors: Vec<RecordError> = errors(&yaml).into_iter().collect();
    assert!(
        matches!(
            errors.as_slice(),
            [RecordError::Anchor { .. }, RecordError::Alias { .. }]
        ),
        "{errors:?}"
    );
    assert_eq!(labelled(&yaml, &errors[1]), "*t");
    // An alias bomb is refused at its first alias, never expanded.
    let bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n";
    assert!(errors_of(bomb).iter().all(|e| matches!(
        e,
        RecordError::Anchor { .. }
            | RecordError::Alias { .. }
            | RecordError::UnknownField { .. }
            | RecordError::Missing { .. }
    )));
}

fn errors_of(yaml: &str) -> Vec<RecordError> {
    errors(yaml).into_iter().collect()
}

#[test]
fn tags() {
    let error = only(&with("title: !!str x"));
    assert!(
        matches!(&error, RecordError::Tag { tag, .. } if tag.ends_with("str")),
        "{error:?}"
    );
}

#[test]
fn second_document() {
    let yaml = format!("{MINIMAL}---\ncode: B\n");
    let error = only(&yaml);
    assert!(
        matches!(error, RecordError::SecondDocument { .. }),
        "{error:?}"
    );
    assert_eq!(labelled(&yaml, &error), "---");
}

#[test]
fn empty_records() {
    for yaml in [
        "",
        "   \n",
        "# only a comment\n",
        "---\n",
        "~\n",
        "--- # nothing\n...\n",
    ] {
        let error = only(yaml);
        assert!(
            matches!(error, RecordError::Empty { .. }),
            "{yaml:?}: {error:?}"
        );
        assert_eq!(error.to_string(), "the record is empty");
    }
}

#[test]
fn root_must_be_a_mapping() {
    for (yaml, found) in [
        ("- a\n- b\n", "a list"),
        ("hello\n", "`hello`"),
        ("'x'", "`x`"),
    ] {
        let error = only(yaml);
        let message = format!("expected the record to be a mapping of fields, found {found}");
        assert_eq!(error.to_string(), message);
    }
}

#[test]
fn non_scalar_keys() {
    let yaml = with("[a, b]: 1\n? {x: 1}\n: 2");
    let messages = messages(&yaml);
    assert_eq!(
        messages,
        [
            "expected a field name as key in the record, found a list",
            "expected a field name as key in the record, found a mapping",
        ]
    );
    let error = only(&with("cost: { [a]: 1 }"));
    assert_eq!(
        error.to_string(),
        "expected a field name as key in `cost`, found a list"
    );
}

#[test]
fn duplicate_keys() {
    let yaml = with("code: again");
    let error = only(&yaml);
    assert_eq!(error.to_string(), "duplicate field `code`");
    let labels: Vec<_> = miette::Diagnostic::labels(&error)
        .into_iter()
        .flatten()
        .collect();
    let texts: Vec<&str> = labels
        .iter()
        .filter_map(|l| yaml.get(l.offset()..l.offset() + l.len()))
        .collect();
    assert_eq!(texts, ["code", "code"]);
    assert!(labels.first().map(|l| l.offset()) > labels.get(1).map(|l| l.offset()));
    let error = only(&with("items: [{ref: a, ref: b}]"));
    assert_eq!(error.to_string(), "duplicate field `items[0].ref`");
}

#[test]
fn unknown_fields_have_paths_and_suggestions() {
    let error = only(&with("titles: x"));
    assert_eq!(error.to_string(), "unknown field `titles`");
    assert_eq!(help(&error), "did you mean `title`?");
    let error = only(&with("cost: { publik: 1 }"));
    assert_eq!(error.to_string(), "unknown field `cost.publik`");
    assert_eq!(help(&error), "did you mean `public`?");
    let error = only(&with("cost: { zzz: 1 }"));
    assert_eq!(help(&error), "the fields of `cost` are `public`, `private`");
    let error = only(&with(
        "items:\n  - ref: a\n  - ref: b\n    dones: 2020-01-01",
    ));
    assert_eq!(error.to_string(), "unknown field `items[1].dones`");
    assert_eq!(help(&error), "did you mean `done`?");
    // The root has too many fields to list.
    assert_eq!(help(&only(&with("zzzzzz: 1"))), "");
}

#[test]
fn wrong_shapes() {
    for (line, message) in [
        (
            "cost: 5",
            "expected a mapping of fields for `cost`, found `5`",
        ),
        (
            "cost: [1]",
            "expected a mapping of fields for `cost`, found a list",
        ),
        (
            "title: {a: 1}",
            "expected text for `title`, found a mapping",
        ),
        (
            "start: [2020-01-01]",
            "expected a date `YYYY-MM-DD` for `start`, found a list",
        ),
        (
            "tags: 苹果",
            "expected a list (each item a term of the vocabulary `fruit`) for `tags`, found `苹果`",
        ),
        (
            "tags: [苹果, ~]",
            "expected a term of the vocabulary `fruit` for `tags[1]`, found nothing (null)",
        ),
        (
            "tags: [[苹果]]",
            "expected a term of the vocabulary `fruit` for `tags[0]`, found a list",
        ),
        (
            "items: {ref: a}",
            "expected a list of mappings for `items`, found a mapping",
        ),
        (
            "items: [a]",
            "expected a mapping of fields for `items[0]`, found `a`",
        ),
    ] {
        assert_eq!(messages(&with(line)), [message], "{line}");
    }
}

#[test]
fn missing_required_fields() {
    let error = only("year: 2020\nkind: 苹果\nsteps: { filed: 2020-01-02 }\n");
    assert_eq!(error.to_string(), "missing required field `code`");
    assert!(render(&error).contains("the record has no `code`"));
    // Given as null: the error points at the key.
    let yaml = MINIMAL.replace("code: A-1", "code: ~");
    let error = only(&yaml);
    assert_eq!(labelled(&yaml, &error), "code");
    assert!(render(&error).contains("`code` is empty"));
    // A group that is absent, null or empty lacks its required leaf.
    for steps in ["", "steps: ~", "steps: {}"] {
        let yaml = MINIMAL.replace("steps: { filed: 2020-01-02 }", steps);
        assert_eq!(
            messages(&yaml),
            ["missing required field `steps.filed`"],
            "{steps}"
        );
    }
    let yaml = MINIMAL.replace("steps: { filed: 2020-01-02 }", "steps: {}");
    assert_eq!(labelled(&yaml, &only(&yaml)), "steps");
    // Rows check their own required fields.
    let yaml = with("items:\n  - ref: a\n  - done: 2020-01-01");
    let error = only(&yaml);
    assert_eq!(error.to_string(), "missing required field `items[1].ref`");
    assert!(render(&error).contains("`items[1]` has no `ref`"));
}

#[test]
fn integer_errors() {
    for (written, message) in [
        (
            "2020.5",
            "expected a whole number for `year`, found `2020.5`",
        ),
        ("0x10", "expected a whole number for `year`, found `0x10`"),
        (
            "二〇二〇",
            "expected a whole number for `year`, found `二〇二〇`",
        ),
        ("'abc'", "expected a whole number for `year`, found `abc`"),
        (
            "\"2020\"",
            "expected a whole number for `year`, found the quoted text `2020`",
        ),
        (
            "99999999999999999999",
            "the number `99999999999999999999` for `year` is out of range",
        ),
    ] {
        assert_eq!(messages(&year(written)), [message], "{written}");
    }
    assert_eq!(
        help(&only(&year("'2020'"))),
        "remove the quotes: a quoted value is text"
    );
}

#[test]
fn money_errors() {
    for written in [
        "3.2e6",
        "三百万",
        "\"3,20,000\"",
        "\"1,000,0000\"",
        "\"\"",
        "1.",
        ".5",
        "\"元\"",
        "\"320万万\"",
        "true",
    ] {
        let error = only(&with(&format!("cost: {{ private: {written} }}")));
        assert!(
            matches!(error, RecordError::NotMoney { .. }),
            "{written}: {error:?}"
        );
    }
    let error = only(&with("cost: { private: -5 }"));
    assert_eq!(
        error.to_string(),
        "expected an amount of money of at least 0 for `cost.private`, found `-5`"
    );
    let error = only(&with("cost: { private: \"-320万元\" }"));
    assert!(
        matches!(error, RecordError::NegativeMoney { .. }),
        "{error:?}"
    );
}

#[test]
fn date_errors() {
    for (written, message) in [
        (
            "2019-02-30",
            "`2019-02-30` for `start` is not a calendar date: February 2019 has 28 days",
        ),
        (
            "1900-02-29",
            "`1900-02-29` for `start` is not a calendar date: February 1900 has 28 days",
        ),
        (
            "2019-04-31",
            "`2019-04-31` for `start` is not a calendar date: April 2019 has 30 days",
        ),
        (
            "2019-13-01",
            "`2019-13-01` for `start` is not a calendar date: there is no month 13",
        ),
        (
            "2019-00-10",
            "`2019-00-10` for `start` is not a calendar date: there is no month 00",
        ),
        (
            "2019-01-00",
            "`2019-01-00` for `start` is not a calendar date: days are numbered from 01",
        ),
        (
            "2019/07/22",
            "expected a date `YYYY-MM-DD` for `start`, found `2019/07/22`",
        ),
        (
            "2019-7-22",
            "expected a date `YYYY-MM-DD` for `start`, found `2019-7-22`",
        ),
        (
            "20190722",
            "expected a date `YYYY-MM-DD` for `start`, found `20190722`",
        ),
        (
            "2019-07-22T10:00",
            "expected a date `YYYY-MM-DD` for `start`, found `2019-07-22T10:00`",
        ),
        (
            "+019-07-22",
            "expected a date `YYYY-MM-DD` for `start`, found `+019-07-22`",
        ),
    ] {
        assert_eq!(
            messages(&with(&format!("start: {written}"))),
            [message],
            "{written}"
        );
    }
}

#[test]
fn month_day_errors() {
    for (written, message) in [
        (
            "02-30",
            "`02-30` for `yearly` is not a calendar date: February has at most 29 days",
        ),
        (
            "13-01",
            "`13-01` for `yearly` is not a calendar date: there is no month 13",
        ),
        (
            "7-31",
            "expected a day of the year `MM-DD` for `yearly`, found `7-31`",
        ),
        (
            "2019-12-31",
            "expected a day of the year `MM-DD` for `yearly`, found `2019-12-31`",
        ),
    ] {
        assert_eq!(
            messages(&with(&format!("yearly: {written}"))),
            [message],
            "{written}"
        );
    }
}

#[test]
fn bool_errors() {
    for written in ["yes", "no", "on", "off", "是", "否", "y", "n", "1", "Yes"] {
        let error = only(&with(&format!("secret: {written}")));
        assert_eq!(
            error.to_string(),
            format!("expected `true` or `false` for `secret`, found `{written}`")
        );
        assert_eq!(help(&error), "write `true` or `false`");
    }
    let error = only(&with("secret: 'true'"));
    assert!(matches!(error, RecordError::Quoted { .. }), "{error:?}");
}

#[test]
fn unknown_terms() {
    let error = only(&MINIMAL.replace("kind: 苹果", "kind: 苹菓"));
    assert_eq!(
        error.to_string(),
        "expected a term of the vocabulary `fruit` for `kind`, found `苹菓`"
    );
    assert_eq!(
        help(&error),
        "did you mean `苹果`?\nthe terms are `苹果`, `香蕉`, `橙子`, `葡萄`"
    );
    let error = only(&MINIMAL.replace("kind: 苹果", "kind: 西瓜"));
    assert_eq!(help(&error), "the terms are `苹果`, `香蕉`, `橙子`, `葡萄`");
    let error = only(&with("tags: [苹果, 香焦]"));
    assert_eq!(
        error.to_string(),
        "expected a term of the vocabulary `fruit` for `tags[1]`, found `香焦`"
    );
    // A long vocabulary is not listed.
    assert_eq!(help(&only(&with("big: term7"))), "did you mean `term07`?");
    assert_eq!(help(&only(&with("big: zzzzzzzz"))), "");
}

#[test]
fn periods_cannot_be_given() {
    let error = only(&with("span: 3d"));
    assert_eq!(
        error.to_string(),
        "field `span` has type period, which a record cannot give"
    );
}

#[test]
fn every_error_is_reported_in_document_order() {
    let yaml = "\
titel: x
code: ~
year: soon
kind: 西瓜
cost: { private: -1 }
secret: yes
start: 2019-02-30
items:
  - done: 2020-01-01
";
    let messages = messages(yaml);
    // The root's absent fields are reported at its start, after problems with its first key.
    assert_eq!(
        messages,
        [
            "unknown field `titel`",
            "missing required field `steps.filed`",
            "missing required field `code`",
            "expected a whole number for `year`, found `soon`",
            "expected a term of the vocabulary `fruit` for `kind`, found `西瓜`",
            "expected an amount of money of at least 0 for `cost.private`, found `-1`",
            "expected `true` or `false` for `secret`, found `yes`",
            "`2019-02-30` for `start` is not a calendar date: February 2019 has 28 days",
            "missing required field `items[0].ref`",
        ]
    );
    let errors = errors(yaml);
    assert_eq!(errors.len(), 9);
    assert_eq!(
        miette::Diagnostic::related(&errors)
            .into_iter()
            .flatten()
            .count(),
        8
    );
}

#[test]
fn spans_are_bytes_after_chinese_text() {
    let yaml = "title: 示例市智慧平台二期\ncode: 甲-1\nyear: 二〇二〇年\nkind: 苹果\nsteps: { filed: 2020-01-02 }\n";
    let error = only(yaml);
    assert_eq!(labelled(yaml, &error), "二〇二〇年");
    let rendered = render(&error);
    let lines: Vec<&str> = rendered.lines().collect();
    let source_line = lines.iter().position(|l| l.contains("year: 二〇二〇年"));
    let Some(at) = source_line else {
        panic!("{rendered}")
    };
    let (source_line, underline) = (lines[at], lines.get(at + 1).copied().unwrap_or(""));
    // The underline starts under the value: same display column as `二`.
    let column = |line: &str, pattern: &str| line.find(pattern).map(|i| width(&line[..i]));
    let underline_start = underline.find(['─', '┬']).map(|i| width(&underline[..i]));
    assert_eq!(underline_start, column(source_line, "二"), "{rendered}");
    assert!(rendered.contains("[record.yaml:3:7]"), "{rendered}");
    // The underline spans the value's display width: five wide characters.
    let marks = underline.chars().filter(|c| matches!(c, '─' | '┬')).count();
    assert_eq!(marks, 10, "{rendered}");
}

/// Display width: CJK characters take two columns.
fn width(text: &str) -> usize {
    text.chars()
        .map(|c| if c as u32 >= 0x2E80 { 2 } else { 1 })
        .sum()
}

#[test]
fn spans_of_scan_errors_are_bytes_after_chinese_text() {
    let yaml = "title: 示例市\ncode: [甲, 乙\n";
    let error = only(yaml);
    assert!(matches!(error, RecordError::Syntax { .. }), "{error:?}");
    // The parser stops at the end of the text; the error points at its last character.
    assert_eq!(labelled(yaml, &error), "乙");
    let yaml = "title: 示例市\ncode: 甲: 乙\n";
    let error = only(yaml);
    assert!(matches!(error, RecordError::Syntax { .. }), "{error:?}");
    assert!(yaml.is_char_boundary(error.offset()));
    assert_eq!(labelled(yaml, &error), ":", "{}", render(&error));
}
