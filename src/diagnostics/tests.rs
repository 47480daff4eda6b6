//! How reports show diagnostics: short lines as miette would, long lines cut around the
//! labels, and no more than [`MAX_SHOWN`] problems.

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};

use super::{Diagnostics, MAX_SHOWN, render};
use crate::source::{Source, Span};

/// A problem with one or two labels.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(test::problem))]
struct Problem {
    message: String,
    #[source_code]
    src: Source,
    #[label("here")]
    span: Span,
    #[label("and here")]
    other: Option<Span>,
}

fn problem(src: &Source, start: usize, end: usize) -> Problem {
    Problem {
        message: format!("a problem at {start}"),
        src: src.clone(),
        span: Span::new(start, end),
        other: None,
    }
}

fn handler() -> GraphicalReportHandler {
    GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor()).with_width(100)
}

fn shown(diagnostic: &dyn Diagnostic) -> String {
    match render(&handler(), diagnostic, crate::i18n::Lang::En) {
        Ok(text) => text,
        Err(error) => panic!("rendering failed: {error}"),
    }
}

/// As miette renders the diagnostic itself.
fn direct(diagnostic: &dyn Diagnostic) -> String {
    let mut out = String::new();
    if let Err(error) = handler().render_report(&mut out, diagnostic) {
        panic!("rendering failed: {error}");
    }
    out
}

fn widest(text: &str) -> usize {
    text.lines()
        .map(|line| line.chars().count())
        .max()
        .unwrap_or(0)
}

#[test]
fn short_lines_are_shown_as_miette_shows_them() {
    let text = "a: 1\nb: 甲乙丙\nc: 3\n\nd: 4\ne: 5\nf: 6\n";
    let src = Source::new("short.yaml", text);
    let b = text.find("甲").unwrap_or(0);
    let f = text.find('f').unwrap_or(0);
    let cases = [
        problem(&src, 0, 1),
        problem(&src, b, b + 3),
        problem(&src, f, f + 1),
        problem(&src, text.len(), text.len()),
        Problem {
            other: Some(Span::new(f, f + 4)),
            ..problem(&src, b, b + 9)
        },
        // Labels far apart: two snippets, not every line between.
        Problem {
            other: Some(Span::new(f, f + 1)),
            ..problem(&src, 0, 1)
        },
    ];
    for case in &cases[..5] {
        assert_eq!(shown(case), direct(case));
    }
    let apart = shown(&cases[5]);
    assert!(apart.contains("╭─[short.yaml:1:1]"), "{apart}");
    assert!(apart.contains("╭─[short.yaml:7:1]"), "{apart}");
    assert!(!apart.contains("d: 4"), "{apart}");
}

#[test]
fn a_label_far_into_a_long_line_is_shown_in_a_window() {
    let text = format!(
        "before\nkey: {{ {} unknown: 1 }}\nafter\n",
        "x".repeat(70_000)
    );
    let src = Source::new("long.yaml", text.as_str());
    let at = text.find("unknown").unwrap_or(0);
    let out = shown(&problem(&src, at, at + 7));
    let column = at - "before\n".len() + 1;
    assert!(out.contains(&format!("╭─[long.yaml:2:{column}]")), "{out}");
    assert!(out.contains(" 1 │ before\n"), "{out}");
    assert!(out.contains(" 3 │ after\n"), "{out}");
    assert!(out.contains("│ …xxx"), "{out}");
    assert!(out.contains("unknown: 1 }\n"), "{out}");
    assert!(widest(&out) < 120, "{out}");
    let underline = out.lines().find(|line| line.contains('┬')).unwrap_or("");
    let code = out
        .lines()
        .find(|line| line.contains("unknown: 1"))
        .unwrap_or("");
    assert_eq!(
        column_of(underline, "─"),
        column_of(code, "unknown"),
        "{out}"
    );
}

/// Where a text starts on a line, in characters.
fn column_of(line: &str, text: &str) -> usize {
    let at = line.find(text).unwrap_or(0);
    line.get(..at).unwrap_or("").chars().count()
}

#[test]
fn windows_count_wide_characters_twice_and_columns_stay_in_characters() {
    let text = format!("名称: {}错误\n", "甲".repeat(10_000));
    let src = Source::new("wide.yaml", text.as_str());
    let at = text.find("错误").unwrap_or(0);
    let out = shown(&problem(&src, at, at + 6));
    assert!(out.contains("╭─[wide.yaml:1:10005]"), "{out}");
    let line = out.lines().find(|line| line.contains("错误")).unwrap_or("");
    let wide = line.chars().filter(|c| *c == '甲').count();
    assert!((40..=60).contains(&wide), "{out}");
}

#[test]
fn labels_far_apart_on_one_long_line_get_a_window_each() {
    let text = format!("k: [a, {}, b]\n", "x, ".repeat(30_000));
    let src = Source::new("apart.yaml", text.as_str());
    let b = text.rfind('b').unwrap_or(0);
    let both = Problem {
        other: Some(Span::new(b, b + 1)),
        ..problem(&src, 4, 5)
    };
    let out = shown(&both);
    assert!(out.contains("╭─[apart.yaml:1:5]"), "{out}");
    assert!(
        out.contains(&format!("╭─[apart.yaml:1:{}]", b + 1)),
        "{out}"
    );
    assert!(out.contains("╰── here"), "{out}");
    assert!(out.contains("╰── and here"), "{out}");
    assert!(widest(&out) < 120, "{out}");
}

#[test]
fn a_label_longer_than_the_window_is_cut_with_it() {
    let text = format!("k: [{}]\n", "y".repeat(1_000));
    let src = Source::new("wide.yaml", text.as_str());
    let out = shown(&problem(&src, 3, text.len() - 1));
    assert!(out.contains("╭─[wide.yaml:1:4]"), "{out}");
    assert!(out.contains("yyy…\n"), "{out}");
    assert!(widest(&out) < 120, "{out}");
}

#[test]
fn a_report_shows_a_hundred_problems_then_how_many_more() {
    let text = "x\n".repeat(250);
    let src = Source::new("many.yaml", text.as_str());
    let errors = (0..250).map(|i| problem(&src, 2 * i, 2 * i + 1)).collect();
    let Some(errors) = Diagnostics::new(errors) else {
        panic!("errors");
    };
    let out = shown(&errors);
    assert_eq!(out.matches("× a problem at").count(), MAX_SHOWN);
    assert!(out.contains("a problem at 198\n"), "{out}");
    assert!(!out.contains("a problem at 200\n"), "{out}");
    assert!(out.ends_with("\n\n… and 150 more problems\n"), "{out}");
    let one = Diagnostics::one(problem(&src, 0, 1));
    assert!(!shown(&one).contains("more problem"));
}

#[test]
fn odd_spans_do_not_panic() {
    for text in ["", "\n", "no newline", "a\r\nb\r\n", "甲"] {
        let src = Source::new("odd.yaml", text);
        for (start, end) in [(0, 0), (0, text.len()), (text.len(), text.len())] {
            let out = shown(&problem(&src, start, end));
            assert!(out.contains("a problem"), "{text:?}: {out}");
        }
        // Beyond the text: miette says it cannot read it; the excerpt leaves it out.
        let out = shown(&problem(&src, 5, 90));
        assert!(out.contains("a problem"), "{text:?}: {out}");
    }
}
