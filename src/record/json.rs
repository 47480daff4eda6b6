//! JSON text → events, for records written as JSON (RFC 8259): objects are mappings,
//! arrays sequences, strings quoted scalars, and numbers, `true`, `false` and `null` plain
//! ones, each number kept as written so that money stays exact.
//!
//! A small reader of its own, one event per call and no lookahead beyond a token, with
//! byte spans for every event and for every problem; the first syntax error stops it.
//! Collections nest at most [`MAX_DEPTH`] deep, as in YAML.

use std::borrow::Cow;

use super::error::RecordError;
use super::events::{Event, Events, Finished, Scalar, Style};
use super::yaml::MAX_DEPTH;
use crate::i18n::Message;
use crate::source::{Source, Span};

/// What an open collection expects next.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Just opened: an item (a key, in an object) or the closing bracket.
    First,
    /// After a comma: an item (a key, in an object).
    Item,
    /// In an object, after a key and its colon: the value.
    Value,
    /// After an item: a comma or the closing bracket.
    Next,
}

#[derive(Clone, Copy)]
struct Open {
    object: bool,
    expect: Expect,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// Nothing read yet.
    Start,
    Reading,
    /// The value is complete (or there is none).
    Done,
    /// A syntax error stopped the reading.
    Aborted,
}

/// Why the reading stops.
enum Problem {
    Syntax(Span, Message),
    TooDeep(Span),
}

type Step<T> = Result<T, Problem>;

/// The events of a record's JSON value.
pub(super) struct JsonEvents<'s> {
    source: &'s Source,
    text: &'s str,
    pos: usize,
    open: Vec<Open>,
    state: State,
    errors: Vec<RecordError>,
}

impl<'s> JsonEvents<'s> {
    pub(super) fn new(source: &'s Source) -> Self {
        let text = source.text();
        Self {
            source,
            text,
            pos: if text.starts_with('\u{feff}') { 3 } else { 0 },
            open: Vec::new(),
            state: State::Start,
            errors: Vec::new(),
        }
    }

    fn step(&mut self) -> Step<Option<Event<'s>>> {
        loop {
            self.skip_whitespace();
            let Some(top) = self.open.last().copied() else {
                if self.state == State::Start && self.pos < self.text.len() {
                    self.state = State::Reading;
                    return self.value().map(Some);
                }
                self.state = State::Done;
                return Ok(None);
            };
            let close = if top.object { b'}' } else { b']' };
            match (top.expect, self.byte(self.pos)) {
                (Expect::Next, Some(b',')) => {
                    self.pos += 1;
                    self.expect(Expect::Item);
                }
                (Expect::First | Expect::Next, Some(b)) if b == close => {
                    self.open.pop();
                    self.pos += 1;
                    return Ok(Some(Event::End(Span::new(self.pos - 1, self.pos))));
                }
                (Expect::Next, _) => {
                    let wanted = if top.object {
                        "next_in_object"
                    } else {
                        "next_in_array"
                    };
                    return Err(self.unexpected(wanted));
                }
                (Expect::First | Expect::Item, _) if top.object => return self.key().map(Some),
                _ => {
                    self.expect(Expect::Next);
                    return self.value().map(Some);
                }
            }
        }
    }

    /// Sets what the innermost collection expects next.
    fn expect(&mut self, expect: Expect) {
        if let Some(top) = self.open.last_mut() {
            top.expect = expect;
        }
    }

    /// A key and its colon.
    fn key(&mut self) -> Step<Event<'s>> {
        if self.byte(self.pos) != Some(b'"') {
            return Err(self.unexpected("field_name"));
        }
        let key = self.string()?;
        self.skip_whitespace();
        if self.byte(self.pos) != Some(b':') {
            return Err(self.unexpected("colon"));
        }
        self.pos += 1;
        self.expect(Expect::Value);
        Ok(key)
    }

    fn value(&mut self) -> Step<Event<'s>> {
        let at = self.pos;
        match self.byte(at) {
            Some(bracket @ (b'{' | b'[')) => {
                let span = Span::new(at, at + 1);
                if self.open.len() >= MAX_DEPTH {
                    return Err(Problem::TooDeep(span));
                }
                let object = bracket == b'{';
                self.open.push(Open {
                    object,
                    expect: Expect::First,
                });
                self.pos += 1;
                Ok(if object {
                    Event::MappingStart(span)
                } else {
                    Event::SequenceStart(span)
                })
            }
            Some(b'"') => self.string(),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'a'..=b'z' | b'A'..=b'Z') => self.literal(),
            Some(b'\'') => Err(self.unexpected("single_quotes")),
            _ => Err(self.unexpected("value")),
        }
    }

    /// A string, its opening quote at `pos`: borrowed from the text unless it has escapes.
    fn string(&mut self) -> Step<Event<'s>> {
        let open = self.pos;
        let bytes = self.text.as_bytes();
        let (mut at, mut copied, mut owned) = (open + 1, open + 1, None::<String>);
        loop {
            let Some(&byte) = bytes.get(at) else {
                let span = self.char_span(open);
                return Err(Problem::Syntax(span, phrase("unclosed_string")));
            };
            match byte {
                b'"' => break,
                b'\\' => {
                    let piece = self.text.get(copied..at).unwrap_or_default();
                    let out = owned.get_or_insert_with(String::new);
                    out.push_str(piece);
                    let (character, length) = self.escape(at)?;
                    out.push(character);
                    at += length;
                    copied = at;
                }
                0x00..=0x1f => {
                    let message = if byte == b'\n' {
                        "line_break"
                    } else {
                        "control_character"
                    };
                    return Err(Problem::Syntax(self.char_span(at), phrase(message)));
                }
                _ => at = plain_run(bytes, at + 1),
            }
        }
        let rest = self.text.get(copied..at).unwrap_or_default();
        let text = match owned {
            Some(mut out) => {
                out.push_str(rest);
                Cow::Owned(out)
            }
            None => Cow::Borrowed(rest),
        };
        self.pos = at + 1;
        let span = Span::new(open, self.pos);
        Ok(Event::Scalar(Scalar {
            text,
            style: Style::Quoted,
            span,
        }))
    }

    /// The character an escape at `at` stands for, and the escape's length.
    fn escape(&self, at: usize) -> Step<(char, usize)> {
        let simple = match self.byte(at + 1) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode_escape(at),
            _ => {
                let end = self.char_span(at + 1).end.max(at + 1);
                let written = self.text.get(at..end).unwrap_or("\\");
                let message = phrase("unknown_escape").arg("written", written);
                return Err(Problem::Syntax(Span::new(at, end), message));
            }
        };
        Ok((simple, 2))
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`, at `at`.
    fn unicode_escape(&self, at: usize) -> Step<(char, usize)> {
        let high = self.hex(at)?;
        if !(0xd800..0xe000).contains(&high) {
            return Ok((char::from_u32(high).unwrap_or('\u{fffd}'), 6));
        }
        let low = if high < 0xdc00 && self.text.get(at + 6..at + 8) == Some("\\u") {
            self.hex(at + 6)
                .ok()
                .filter(|low| (0xdc00..0xe000).contains(low))
        } else {
            None
        };
        match low.and_then(|low| char::from_u32(0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00)))
        {
            Some(character) => Ok((character, 12)),
            None => {
                let written = self.text.get(at..at + 6).unwrap_or_default();
                let message = phrase("half_surrogate").arg("written", written);
                Err(Problem::Syntax(Span::new(at, at + 6), message))
            }
        }
    }

    /// The four hexadecimal digits of a `\u` escape at `at`.
    fn hex(&self, at: usize) -> Step<u32> {
        let digits = self
            .text
            .get(at + 2..at + 6)
            .filter(|digits| digits.bytes().all(|b| b.is_ascii_hexdigit()));
        match digits.and_then(|digits| u32::from_str_radix(digits, 16).ok()) {
            Some(value) => Ok(value),
            None => {
                let end = self.char_span(at + 1).end.max(at + 2);
                let message = phrase("unicode_escape");
                Err(Problem::Syntax(Span::new(at, end), message))
            }
        }
    }

    /// A number, kept as written: `-`, digits without leading zeros, an optional fraction
    /// and exponent.
    fn number(&mut self) -> Step<Event<'s>> {
        let (at, end) = (self.pos, self.token_end(self.pos));
        let written = self.text.get(at..end).unwrap_or_default();
        if !is_number(written) {
            let message = phrase("not_a_number").arg("written", abbreviate(written));
            return Err(Problem::Syntax(Span::new(at, end), message));
        }
        self.pos = end;
        Ok(plain(written, Span::new(at, end)))
    }

    /// `true`, `false` or `null`.
    fn literal(&mut self) -> Step<Event<'s>> {
        let (at, end) = (self.pos, self.token_end(self.pos));
        let written = self.text.get(at..end).unwrap_or_default();
        if !matches!(written, "true" | "false" | "null") {
            let message = phrase("unknown_word").arg("written", abbreviate(written));
            return Err(Problem::Syntax(Span::new(at, end), message));
        }
        self.pos = end;
        Ok(plain(written, Span::new(at, end)))
    }

    /// Where a number or word starting at `at` ends: at whitespace, punctuation or the end.
    fn token_end(&self, at: usize) -> usize {
        let rest = self.text.as_bytes().get(at..).unwrap_or_default();
        let length = rest.iter().position(|&b| {
            matches!(
                b,
                b' ' | b'\t' | b'\n' | b'\r' | b',' | b':' | b'{' | b'}' | b'[' | b']' | b'"'
            )
        });
        at + length.unwrap_or(rest.len())
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.byte(self.pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// A problem at `pos`: what was expected, and what is there.
    fn unexpected(&self, expected: &'static str) -> Problem {
        let span = self.char_span(self.pos);
        let found = match self.text.get(span.start..span.end) {
            _ if self.pos >= self.text.len() => phrase("end_of_text"),
            Some(found) => Message::new("record-found-value").arg("value", found),
            None => phrase("text"),
        };
        let message = phrase("unexpected")
            .arg("expected", phrase(expected))
            .arg("found", found);
        Problem::Syntax(span, message)
    }

    /// The character at `at`; at the end of the text its last visible character, since an
    /// empty span there would show no caret.
    fn char_span(&self, at: usize) -> Span {
        if let Some(character) = self.text.get(at..).and_then(|rest| rest.chars().next()) {
            return Span::new(at, at + character.len_utf8());
        }
        let trimmed = self.text.trim_end();
        match trimmed.char_indices().next_back() {
            Some((start, last)) => Span::new(start, start + last.len_utf8()),
            None => Span::new(at.min(self.text.len()), at.min(self.text.len())),
        }
    }

    fn byte(&self, at: usize) -> Option<u8> {
        self.text.as_bytes().get(at).copied()
    }

    fn report(&mut self, problem: Problem) {
        let src = self.source.clone();
        let error = match problem {
            Problem::Syntax(span, message) => RecordError::JsonSyntax { src, span, message },
            Problem::TooDeep(span) => RecordError::TooDeep {
                src,
                span,
                limit: MAX_DEPTH,
            },
        };
        self.errors.push(error);
    }
}

impl<'s> Events<'s> for JsonEvents<'s> {
    fn next(&mut self) -> Option<Event<'s>> {
        if matches!(self.state, State::Done | State::Aborted) {
            return None;
        }
        match self.step() {
            Ok(event) => event,
            Err(problem) => {
                self.report(problem);
                self.state = State::Aborted;
                None
            }
        }
    }

    fn finish(mut self) -> Finished {
        while self.next().is_some() {}
        if self.state == State::Done {
            self.skip_whitespace();
            if self.pos < self.text.len() {
                let problem = self.unexpected("after_value");
                self.report(problem);
            }
        }
        Finished {
            complete: self.state == State::Done,
            errors: self.errors,
        }
    }
}

/// Where the run of a string's bytes that stand for themselves, from `at`, ends: at a
/// quote, a backslash, a control character or the end. Eight bytes at a time, the most of
/// a string being Chinese text.
fn plain_run(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |word: u64| word.wrapping_sub(ONES) & !word & HIGH != 0;
    while let Some(word) = bytes.get(at..at + 8).and_then(|word| word.try_into().ok()) {
        let word = u64::from_le_bytes(word);
        let below_space = word.wrapping_sub(0x20 * ONES) & !word & HIGH != 0;
        if below_space
            || has_zero(word ^ (u64::from(b'"') * ONES))
            || has_zero(word ^ (u64::from(b'\\') * ONES))
        {
            break;
        }
        at += 8;
    }
    while bytes
        .get(at)
        .is_some_and(|&b| b != b'"' && b != b'\\' && b >= 0x20)
    {
        at += 1;
    }
    at
}

fn plain(text: &str, span: Span) -> Event<'_> {
    Event::Scalar(Scalar {
        text: Cow::Borrowed(text),
        style: Style::Plain,
        span,
    })
}

/// Whether the text is a JSON number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
fn is_number(text: &str) -> bool {
    let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = text.strip_prefix('-').unwrap_or(text);
    let whole = digits(rest);
    if whole == 0 || (whole > 1 && rest.starts_with('0')) {
        return false;
    }
    let mut rest = rest.get(whole..).unwrap_or_default();
    if let Some(fraction) = rest.strip_prefix('.') {
        let n = digits(fraction);
        if n == 0 {
            return false;
        }
        rest = fraction.get(n..).unwrap_or_default();
    }
    if let Some(exponent) = rest.strip_prefix(['e', 'E']) {
        let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        let n = digits(exponent);
        if n == 0 {
            return false;
        }
        rest = exponent.get(n..).unwrap_or_default();
    }
    rest.is_empty()
}

/// The first 40 characters of a long text.
fn abbreviate(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(40) {
        Some((end, _)) => Cow::Owned(format!("{}…", text.get(..end).unwrap_or(text))),
        None => Cow::Borrowed(text),
    }
}

/// A phrase of the JSON reader's messages: `record-json-NAME` in the catalogue.
fn phrase(name: &'static str) -> Message {
    Message::new(format!("record-json-{name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str) -> (Vec<Event<'_>>, Finished) {
        // The source must outlive the events; leaking it keeps the test short.
        let source: &'static Source = Box::leak(Box::new(Source::new("r.json", text)));
        let mut reader = JsonEvents::new(source);
        let mut all = Vec::new();
        while let Some(event) = reader.next() {
            all.push(event);
        }
        (all, reader.finish())
    }

    fn scalar(text: &str, style: Style, start: usize, end: usize) -> Event<'static> {
        Event::Scalar(Scalar {
            text: Cow::Owned(text.to_owned()),
            style,
            span: Span::new(start, end),
        })
    }

    fn message(text: &str) -> String {
        let (_, finished) = events(text);
        finished
            .errors
            .first()
            .map(ToString::to_string)
            .unwrap_or_default()
    }

    #[test]
    fn values_become_events_with_byte_spans() {
        let text = r#"{"a": [1, -2.5e3, "x\ty"], "b": {}, "c": true, "甲": null}"#;
        let (all, finished) = events(text);
        assert!(finished.complete && finished.errors.is_empty());
        let expected = vec![
            Event::MappingStart(Span::new(0, 1)),
            scalar("a", Style::Quoted, 1, 4),
            Event::SequenceStart(Span::new(6, 7)),
            scalar("1", Style::Plain, 7, 8),
            scalar("-2.5e3", Style::Plain, 10, 16),
            scalar("x\ty", Style::Quoted, 18, 24),
            Event::End(Span::new(24, 25)),
            scalar("b", Style::Quoted, 27, 30),
            Event::MappingStart(Span::new(32, 33)),
            Event::End(Span::new(33, 34)),
            scalar("c", Style::Quoted, 36, 39),
            scalar("true", Style::Plain, 41, 45),
            scalar("甲", Style::Quoted, 47, 52),
            scalar("null", Style::Plain, 54, 58),
            Event::End(Span::new(58, 59)),
        ];
        assert_eq!(all, expected);
    }

    #[test]
    fn escapes_are_resolved() {
        let (all, _) = events(r#""\"\\\/\b\f\n\r\t\u4e2d\ud83d\ude00""#);
        let text = "\"\\/\u{8}\u{c}\n\r\t中😀";
        assert_eq!(all, vec![scalar(text, Style::Quoted, 0, 36)]);
        let (all, _) = events("\"plain\"");
        assert!(matches!(
            &all[..],
            [Event::Scalar(Scalar {
                text: Cow::Borrowed("plain"),
                ..
            })]
        ));
    }

    #[test]
    fn syntax_errors_say_what_was_expected_and_found() {
        for (text, expected) in [
            (
                "{\"a\": 1,}",
                "expected a field name in double quotes, found `}`",
            ),
            (
                "{'a': 1}",
                "expected a field name in double quotes, found `'`",
            ),
            ("{\"a\" 1}", "expected `:` after the field name, found `1`"),
            ("{\"a\": 1 \"b\": 2}", "expected `,` or `}`, found `\"`"),
            ("[1 2]", "expected `,` or `]`, found `2`"),
            ("{\"a\": }", "expected a value, found `}`"),
            (
                "{\"a\": 'x'}",
                "expected a value (JSON strings are in double quotes), found `'`",
            ),
            ("{\"a\": 01}", "`01` is not a JSON number"),
            ("{\"a\": 1.}", "`1.` is not a JSON number"),
            ("{\"a\": +1}", "expected a value, found `+`"),
            (
                "{\"a\": yes}",
                "expected a value, found `yes` (the words JSON knows are `true`, `false` and `null`)",
            ),
            ("{\"a\": \"x", "the string is not closed"),
            (
                "{\"a\": \"x\ny\"}",
                "the string is not closed on its line (a line break in a string is written `\\n`)",
            ),
            ("{\"a\": \"\\q\"}", "`\\q` is not an escape JSON knows"),
            (
                "{\"a\": \"\\u12\"}",
                "a `\\u` escape has four hexadecimal digits, e.g. `\\u4e2d`",
            ),
            (
                "{\"a\": \"\\ud800\"}",
                "`\\ud800` is half of a surrogate pair, not a character",
            ),
            (
                "{\"a\": 1",
                "expected `,` or `}`, found the end of the text",
            ),
            (
                "{\"a\": 1} x",
                "expected the end of the record after its value, found `x`",
            ),
        ] {
            assert_eq!(
                message(text),
                format!("the record is not valid JSON: {expected}"),
                "{text}"
            );
        }
    }

    #[test]
    fn nesting_is_bounded_and_empty_text_has_no_value() {
        let (_, finished) = events(&"[".repeat(100_000));
        assert!(!finished.complete);
        assert!(matches!(
            &finished.errors[..],
            [RecordError::TooDeep { limit: 64, .. }]
        ));
        let (all, finished) = events(" \n ");
        assert!(all.is_empty() && finished.complete && finished.errors.is_empty());
        let (all, _) = events("\u{feff}{}");
        assert_eq!(all.len(), 2);
    }

    #[test]
    fn numbers_are_json_numbers() {
        for good in [
            "0",
            "-0",
            "12",
            "1.5",
            "1e5",
            "1E+5",
            "-1.25e-3",
            "3200000.50",
        ] {
            assert!(is_number(good), "{good}");
        }
        for bad in [
            "", "-", "01", "1.", ".5", "1e", "1e+", "+1", "0x10", "1.5.5", "--1", "1_000",
        ] {
            assert!(!is_number(bad), "{bad}");
        }
    }
}
