//! The slips of typing a record on a Chinese input method, named: full-width punctuation
//! where YAML needs ASCII, tabs in the indentation, thousands separators in a flow mapping,
//! a list written as one text, a file saved as GB18030.
//!
//! This runs only for a record that already has problems, on the problems the reader and
//! the walk found: it words them better, and never removes the last of them, so a hint can
//! never make a bad record load. It knows no field: only the text and the problems.

use super::error::RecordError;
use crate::i18n::Message;
use crate::source::{Source, Span};

/// Full-width marks a Chinese input method types, and the ASCII mark YAML needs for each.
const FULL_WIDTH: [(char, char); 6] = [
    ('：', ':'),
    ('｛', '{'),
    ('｝', '}'),
    ('［', '['),
    ('］', ']'),
    ('，', ','),
];

/// How many lines before a syntax error a full-width mark may be that explains it.
const LINES_BACK: usize = 3;

/// The problems of a YAML record, with its slips named. Called only when there are some.
pub(super) fn explain(source: &Source, errors: Vec<RecordError>) -> Vec<RecordError> {
    // A key written `name：value` is missing `name`: that follows from the slip.
    let meant: Vec<String> = errors.iter().filter_map(meant_key).collect();
    let mut out: Vec<RecordError> = Vec::with_capacity(errors.len());
    for error in errors {
        if matches!(&error, RecordError::Missing { path, .. } if meant.iter().any(|m| **m == **path))
        {
            continue;
        }
        let error = explain_one(source, error);
        let repeated = matches!(error, RecordError::ThousandsSeparator { .. })
            && out.iter().any(|seen| {
                matches!(seen, RecordError::ThousandsSeparator { .. })
                    && seen.offset() == error.offset()
            });
        if !repeated {
            out.push(error);
        }
    }
    out
}

/// The path a key with a full-width colon in it was meant to give: `group.name` of the
/// unknown `group.name：value`.
fn meant_key(error: &RecordError) -> Option<String> {
    let RecordError::UnknownField { path, .. } = error else {
        return None;
    };
    let (before, _) = path.split_once('：')?;
    Some(before.trim_end().to_owned())
}

fn explain_one(source: &Source, error: RecordError) -> RecordError {
    match error {
        RecordError::Syntax {
            src,
            span,
            message,
            hint: _,
        } => syntax(source, span).unwrap_or_else(|| RecordError::Syntax {
            src,
            hint: plain(&message),
            span,
            message,
        }),
        RecordError::UnknownField { span, ref path, .. } => {
            let slip = unknown_key(source, span, path);
            slip.unwrap_or(error)
        }
        RecordError::Shape {
            src,
            span,
            path,
            expected,
            found,
            hint,
            list,
        } => {
            let list = list.or_else(|| as_list(source.text(), span, &expected, &found));
            RecordError::Shape {
                src,
                span,
                path,
                expected,
                found,
                hint: hint.or(list.as_ref().map(|_| "list")),
                list,
            }
        }
        other => other,
    }
}

/// A tab or a full-width mark that explains a YAML syntax error at `span`.
fn syntax(source: &Source, span: Span) -> Option<RecordError> {
    let text = source.text();
    let (line_start, line) = line_at(text, span.start);
    if let Some(tab) = indentation_tab(line) {
        return Some(RecordError::Tab {
            src: source.clone(),
            span: Span::new(line_start + tab, line_start + tab + 1),
        });
    }
    // The slip is on the line where the parser stopped, or on one of the few before it.
    let (mut start, mut line) = (line_start, line);
    for _ in 0..=LINES_BACK {
        if let Some((at, mark, ascii)) = full_width_mark(line) {
            return Some(RecordError::FullWidth {
                src: source.clone(),
                span: Span::new(start + at, start + at + mark.len_utf8()),
                found: mark.to_string(),
                expected: ascii.to_string(),
                fixed: fixed(line.trim()),
            });
        }
        if start == 0 {
            break;
        }
        (start, line) = line_at(text, start - 1);
    }
    None
}

/// The line holding byte `offset`: where it starts, and its text without the line break.
fn line_at(text: &str, offset: usize) -> (usize, &str) {
    let offset = offset.min(text.len());
    let start = text
        .get(..offset)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |at| at + 1);
    let rest = text.get(start..).unwrap_or_default();
    let line = rest.split('\n').next().unwrap_or_default();
    (start, line.strip_suffix('\r').unwrap_or(line))
}

/// The offset of a tab in a line's indentation.
fn indentation_tab(line: &str) -> Option<usize> {
    let indentation = line.len() - line.trim_start_matches([' ', '\t']).len();
    line.get(..indentation)?.find('\t')
}

/// The first full-width mark of a line that stands where YAML punctuation belongs: a colon
/// right after an ASCII key, a brace or bracket opening a value, a closing one or a comma
/// after something opened one. Not in a comment or in quotes.
fn full_width_mark(line: &str) -> Option<(usize, char, char)> {
    let mut quote = None;
    let mut opened = false;
    let mut previous = ' ';
    let mut value_start = true;
    for (at, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && previous.is_whitespace() => return None,
            None => {
                let ascii = FULL_WIDTH
                    .iter()
                    .find_map(|&(mark, ascii)| (mark == c).then_some(ascii));
                let slip = match ascii {
                    Some(':') => previous.is_ascii_alphanumeric() || previous == '_',
                    Some('{' | '[') => value_start,
                    Some(_) => opened,
                    None => false,
                };
                if let Some(ascii) = ascii.filter(|_| slip) {
                    return Some((at, c, ascii));
                }
                opened |= matches!(c, '{' | '[' | '｛' | '［');
            }
        }
        if !c.is_whitespace() {
            value_start = matches!(c, ':' | '-' | '：' | ',' | '[' | '{');
        }
        previous = c;
    }
    None
}

/// A line with every full-width mark made ASCII, a space after colons and commas.
fn fixed(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match FULL_WIDTH.iter().find(|(mark, _)| *mark == c) {
            Some(&(_, ascii)) => {
                out.push(ascii);
                let spaced = matches!(ascii, ':' | ',');
                if spaced && chars.peek().is_some_and(|next| !next.is_whitespace()) {
                    out.push(' ');
                }
            }
            None => out.push(c),
        }
    }
    out
}

/// A key the schema does not know that is a slip: a full-width colon inside it
/// (`total：3`), or the digits after a thousands separator (`total: 4,860,000` in braces).
fn unknown_key(source: &Source, span: Span, path: &str) -> Option<RecordError> {
    let text = source.text();
    let key = text.get(span.start..span.end)?;
    if let Some(at) = key.find('：') {
        return Some(RecordError::FullWidth {
            src: source.clone(),
            span: Span::new(span.start + at, span.start + at + '：'.len_utf8()),
            found: "：".to_owned(),
            expected: ":".to_owned(),
            fixed: fixed(key),
        });
    }
    thousands(source, span, path)
}

/// `4,860,000` unquoted in a flow mapping, seen from the key `860` YAML made of it.
fn thousands(source: &Source, span: Span, path: &str) -> Option<RecordError> {
    let text = source.text();
    let key = text.get(span.start..span.end)?;
    if key.len() != 3 || !key.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let bytes = text.as_bytes();
    let number = |b: u8| b.is_ascii_digit() || b == b',';
    let mut start = span.start;
    while start > 0 && bytes.get(start - 1).copied().is_some_and(number) {
        start -= 1;
    }
    let mut end = span.end;
    while bytes.get(end).copied().is_some_and(number) {
        end += 1;
    }
    let found = text.get(start..end)?.trim_end_matches(',');
    let end = start + found.len();
    let groups: Vec<&str> = found.split(',').collect();
    let well_formed = groups.len() > 1
        && groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
        && groups.iter().skip(1).all(|g| g.len() == 3);
    if !well_formed {
        return None;
    }
    let parent = path.rsplit_once('.').map_or("", |(parent, _)| parent);
    let field = key_before(text, start).map_or_else(
        || parent.to_owned(),
        |key| match parent {
            "" => key.to_owned(),
            parent => format!("{parent}.{key}"),
        },
    );
    Some(RecordError::ThousandsSeparator {
        src: source.clone(),
        span: Span::new(start, end),
        path: field.into(),
        found: found.to_owned(),
        digits: groups.concat(),
    })
}

/// The key right before a value starting at `start`: `key` in `key: 4,860,000`.
fn key_before(text: &str, start: usize) -> Option<&str> {
    let before = text.get(..start)?.trim_end().strip_suffix(':')?.trim_end();
    let key_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map_or(0, |at| at + 1);
    before.get(key_start..).filter(|key| !key.is_empty())
}

/// A text given where a list belongs, written as a YAML list: `申报表、建设方案` or
/// `［申报表，建设方案］` → `[申报表, 建设方案]`.
fn as_list(text: &str, span: Span, expected: &Message, found: &Message) -> Option<String> {
    if expected.id != "record-type-list" || found.id != "record-found-value" {
        return None;
    }
    let written = text.get(span.start..span.end)?.trim();
    let inner = written
        .strip_prefix(['［', '['])
        .map_or(written, |rest| rest.trim_end_matches(['］', ']']));
    let items: Vec<&str> = inner
        .split(['、', '，', ',', '；', ';'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect();
    (!items.is_empty()).then(|| format!("[{}]", items.join(", ")))
}

/// A plain explanation of a common YAML parser message (`.hint-NAME` of
/// `record-syntax`).
fn plain(message: &str) -> Option<&'static str> {
    let known: [(&str, &'static str); 10] = [
        ("illegal placement of ':'", "unclosed_flow"),
        ("mapping values are not allowed", "colon"),
        ("simple key expect", "no_colon"),
        ("could not find expected ':'", "no_colon"),
        ("expected ',' or ']'", "unclosed_list"),
        ("expected ',' or '}'", "unclosed_mapping"),
        ("did not find expected key", "indentation"),
        ("invalid indentation", "indentation"),
        ("did not find expected '-' indicator", "indentation"),
        ("quoted scalar", "quote"),
    ];
    known
        .iter()
        .find_map(|(words, hint)| message.contains(words).then_some(*hint))
        .or_else(|| message.contains("tab").then_some("tab"))
}

/// Whether bytes that are not UTF-8 are text saved as GB18030 (or GBK): every byte is
/// ASCII or part of a GB18030 character, and the text has no UTF-8 character before the
/// first byte that is not UTF-8 (a UTF-8 file with one stray byte is not GB18030).
pub(super) fn is_gb18030(bytes: &[u8], utf8_up_to: usize) -> bool {
    let prefix = bytes.get(..utf8_up_to).unwrap_or_default();
    if !prefix.is_ascii() {
        return false;
    }
    let mut rest = bytes.get(utf8_up_to..).unwrap_or_default();
    let lead = |b: u8| (0x81..=0xfe).contains(&b);
    let digit = |b: u8| b.is_ascii_digit();
    while let Some((&first, tail)) = rest.split_first() {
        rest = match (first, tail) {
            (0x00..=0x7f, _) => tail,
            (b, [second, more @ ..]) if lead(b) && matches!(second, 0x40..=0x7e | 0x80..=0xfe) => {
                more
            }
            (b, [second, third, fourth, more @ ..])
                if lead(b) && digit(*second) && lead(*third) && digit(*fourth) =>
            {
                more
            }
            _ => return false,
        };
    }
    true
}

/// The error for a record saved as GB18030: it names the file and the command that
/// converts it.
pub(super) fn gb18030(src: Source, span: Span) -> RecordError {
    let file = src.name().to_owned();
    let converted = match file.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() && !extension.contains('/') => {
            format!("{stem}-utf8.{extension}")
        }
        _ => format!("{file}-utf8"),
    };
    RecordError::Gb18030 {
        src,
        span,
        file,
        converted,
    }
}
