//! The fast reader of the plain subset of YAML against the complete one: where it reads a
//! text, it must yield the complete reader's events; what it leaves, it must leave whole.

use super::super::events::{Events, Scalar, Style};
use super::super::simple::SimpleYaml;
use super::super::{check_simple_reading, drain};
use super::*;

/// Whether the fast reader reads the text to its end (and, checked, as the complete one).
fn reads(yaml: &str) -> bool {
    check_simple_reading(&source(yaml), &pack());
    let mut events = SimpleYaml::new(yaml);
    while events.next().is_some() {}
    events.finish().complete
}

#[test]
fn the_plain_subset_reads_as_the_complete_reader_does() {
    for yaml in [
        MINIMAL,
        "a: b\n",
        "a: b",
        "a:  b  c   \n",
        "a : b # comment\n",
        "# comment\n\na: 1\n   # indented comment\nb: 2\n",
        "a: x,y\n",
        "a: 荆州市 本级\n",
        "a: （一期）：二期\n",
        "\"a\": 'b'\n",
        "a: \"\"\n",
        "a: ''\n",
        "a: \"x # y\"\n",
        "a:\nb: ~\nc: null\n",
        "a:\n  b:\n    c: 1\n  d: 2\ne: 3\n",
        "a:\n  - 1\n  - [2, 3]\n  - {x: 1, y: [a, b c]}\n  -\n  - x: 1\n    y: 2\n  - - 5\n",
        "a: {}\nb: []\nc: { }\n",
        "a: [ -5, -x, 1.5 ]\n",
        "a: { k: v } # c\n",
        "a: x -\n",
        "a: { b: x-, c: d -5 }\n",
        "a:\n- 1\n",
        "a: -\n",
        "a: 2019-07-22\n",
        "a:\n  -\n    b: 1\n",
        "a:\n    - b: 1\n      c: 2\n    - b: 3\n",
    ] {
        reads(yaml);
    }
    assert!(reads(
        "a:   # comment\n  b: 1\nc: # comment\nd:\n  - # comment\n    x: 1\n"
    ));
}

#[test]
fn the_fast_reader_reads_records_as_written() {
    assert!(reads(MINIMAL));
    let example = std::fs::read_to_string("fixtures/record-md-example.yaml").unwrap_or_default();
    assert!(reads(&example));
    assert!(reads(
        "a:\n  - { id: P-1, done: 2019-12-20 }\n  - { id: P-2 }\n"
    ));
    // Saved on Windows: lines end with a carriage return and a line feed.
    assert!(reads(&example.replace('\n', "\r\n")));
    assert!(reads(
        "# c\r\na:   # c\r\n  b: 'x' # c\r\n  c:\r\n    - 1\r\n    - {d: e}\r\nf:\r\n"
    ));
    let (events, _) = drain(SimpleYaml::new("a: 'x y'\nb: 1 # c\n"));
    let texts: Vec<(String, Style)> = events
        .into_iter()
        .filter_map(|event| match event {
            super::super::events::Event::Scalar(Scalar { text, style, .. }) => {
                Some((text.into_owned(), style))
            }
            _ => None,
        })
        .collect();
    let expected = [
        ("a", Style::Plain),
        ("x y", Style::Quoted),
        ("b", Style::Plain),
        ("1", Style::Plain),
    ];
    let expected: Vec<(String, Style)> = expected
        .iter()
        .map(|(text, style)| ((*text).to_owned(), *style))
        .collect();
    assert_eq!(texts, expected);
}

#[test]
fn what_the_plain_subset_lacks_is_left_to_the_complete_reader() {
    for yaml in [
        "",
        "# only a comment\n",
        "- a\n",
        "hello\n",
        "a: &x 1\n",
        "a: *x\n",
        "a: !!str 1\n",
        "a: |\n  text\n",
        "a: >\n  text\n",
        "a: b\n  continued\n",
        "a: \"x\\ty\"\n",
        "a: 'it''s'\n",
        "a: \"open\n",
        "a: [1,\n  2]\n",
        "a: [1, 2,]\n",
        "a:\tb\n",
        "a: b\rc: d\n",
        "# c\ra: b\n",
        "a: 'b\r\n'\n",
        "\u{feff}a: b\n",
        "a: b\u{feff}c\n",
        "# \u{feff}\na: b\n",
        "---\na: b\n",
        "a: b\n...\n",
        "a: b\n---\nc: d\n",
        "? a\n: b\n",
        "a: b: c\n",
        "a: http://x\n",
        "a: b#c\n",
        "a:b\n",
        "  a: b\n",
        "a: 1\n b: 2\n",
        "a:\n  - 1\n  b: 2\n",
        "a: [b: c]\n",
        "a: {b}\n",
        "a: {b: }\n",
        "a: \"x\"y\n",
        "a: @x\n",
        "a: `x`\n",
        "a: %x\n",
        "a: - b\n",
        "a: x\u{0}y\n",
        // Found by the fuzzer: `saphyr-parser` refuses these, so the fast reader may not
        // read them.
        "a: { b: x -, c: d }\n",
        "a: [x -]\n",
    ] {
        assert!(!reads(yaml), "{yaml:?}");
    }
    let deep = format!("a: {}{}\n", "[".repeat(70), "]".repeat(70));
    assert!(!reads(&deep));
    let long_key = format!("{}: 1\n", "k".repeat(1100));
    assert!(!reads(&long_key));
}

#[test]
fn a_record_with_a_problem_is_read_again_for_its_diagnostics() {
    // The fast reader reads these; the walk finds the problem, and the complete reader's
    // diagnostics are the ones reported, spans and all.
    let yaml = with("titles: x");
    assert!(reads(&yaml));
    let error = only(&yaml);
    assert_eq!(labelled(&yaml, &error), "titles");
    let yaml = MINIMAL.replace("code: A-1", "code: ~");
    assert_eq!(labelled(&yaml, &only(&yaml)), "code");
}
