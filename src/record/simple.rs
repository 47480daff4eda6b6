//! The YAML that records are written in, read fast: block mappings and sequences indented
//! with spaces, one-line flow collections, plain scalars and quoted ones without escapes,
//! comments. It yields the events [`super::yaml`] would, borrowing every scalar from the
//! text, at a fraction of the cost.
//!
//! Lines end with a line feed, or a carriage return and a line feed. Anything else it gives
//! up on (anchors, tags, multi-line scalars, escapes, tabs, lone carriage returns, document
//! markers, odd indentation, whatever it is unsure of, and syntax
//! errors): [`super::load`] then reads the record again with the complete reader, whose
//! events and diagnostics are the reference. So this reader never reports a problem, and
//! it must never yield events the complete one would not:
//! `crate::properties::record_readings` checks that on every `cargo test` (edited records)
//! and under the fuzzer (target `record_readings`). Where unsure, give up: the cost is speed.

use std::borrow::Cow;
use std::collections::VecDeque;

use super::events::{Event, Events, Finished, Scalar, Style};
use super::yaml::MAX_DEPTH;
use crate::source::Span;

/// The longest key read here, in bytes: YAML allows 1024 characters from a key's start to
/// its colon, and no field name comes near it.
const MAX_KEY_BYTES: usize = 1000;

/// Bytes a plain scalar may hold that need no second look: all but space, the YAML
/// indicators and controls, and the first byte of characters U+F000–U+FFFF, among which
/// is the byte order mark (`saphyr-parser` ends a scalar at one).
const ORDINARY: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0x21;
    while byte < 256 {
        table[byte] = !matches!(
            byte as u8,
            b'#' | b':'
                | b','
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'&'
                | b'*'
                | b'!'
                | b'|'
                | b'>'
                | b'\''
                | b'"'
                | b'%'
                | b'@'
                | b'`'
                | 0x7f
                | 0xef
        );
        byte += 1;
    }
    table
};

/// A scalar found: how it is written, and where (quotes included).
#[derive(Clone, Copy)]
struct Token {
    style: Style,
    span: Span,
}

/// An open block collection.
#[derive(Clone, Copy)]
struct Block {
    mapping: bool,
    /// Its column, in spaces.
    indent: usize,
}

/// How the reading stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Reading,
    /// Read to the end.
    Done,
    /// Given up: the text is not in the subset.
    Refused,
}

/// A mark that the text leaves the subset.
struct Refuse;

type Step<T = ()> = Result<T, Refuse>;

/// The events of a record in the plain subset of YAML, read a line at a time.
pub(super) struct SimpleYaml<'t> {
    text: &'t str,
    bytes: &'t [u8],
    /// Where the next line starts.
    pos: usize,
    blocks: Vec<Block>,
    /// A value that ends its line without starting (`key:`), for the block collection at
    /// this indent: the next line nests a collection in it, or it is null.
    pending: Option<usize>,
    /// Events of the lines read, not yet taken.
    queue: VecDeque<Event<'t>>,
    state: State,
}

impl<'t> SimpleYaml<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            blocks: Vec::new(),
            pending: None,
            queue: VecDeque::with_capacity(16),
            state: State::Reading,
        }
    }

    /// Reads up to the next line with content, and queues its events.
    fn line(&mut self) -> Step {
        loop {
            let start = self.pos;
            let indent = self.skip_spaces(start) - start;
            let at = start + indent;
            self.pos = match self.byte(at) {
                None => return self.end(),
                _ if self.is_break(at) => self.next_line(at),
                Some(b'#') => self.next_line(self.comment(at)?),
                Some(_) => {
                    let end = self.content(at, indent)?;
                    self.next_line(end)
                }
            };
            if self.pos > self.bytes.len() || !self.queue.is_empty() {
                return Ok(());
            }
        }
    }

    /// The line from `at`, after `indent` spaces; where it ends.
    fn content(&mut self, at: usize, indent: usize) -> Step<usize> {
        let item = self.byte(at) == Some(b'-') && self.is_space_or_end(at + 1);
        if indent == 0 && self.is_document_marker(at) {
            return Err(Refuse);
        }
        if let Some(owner) = self.pending.take() {
            if indent > owner {
                self.open(!item, indent, at)?;
            } else {
                self.push(null(at));
            }
        }
        while let Some(top) = self.blocks.last().copied() {
            if top.indent <= indent {
                break;
            }
            self.blocks.pop();
            self.push(Event::End(Span::new(at, at)));
        }
        match self.blocks.last().copied() {
            None if indent == 0 && !item => self.open(true, 0, at)?,
            Some(top) if top.indent == indent && top.mapping != item => {}
            _ => return Err(Refuse),
        }
        if item {
            self.item(at, indent)
        } else {
            self.entry(at, indent)
        }
    }

    /// `key: value` of the block mapping at `indent`.
    fn entry(&mut self, at: usize, indent: usize) -> Step<usize> {
        let key = self.scalar(at, false)?;
        let colon = self.skip_spaces(key.span.end);
        if !self.is_key(at, colon) {
            return Err(Refuse);
        }
        self.push_scalar(key);
        self.value(colon + 1, indent)
    }

    /// `- item` of the block sequence at `indent`.
    fn item(&mut self, at: usize, indent: usize) -> Step<usize> {
        let start = self.skip_spaces(at + 1);
        match self.byte(start) {
            _ if self.is_break(start) => self.pending_value(at + 1, indent),
            Some(b'#') => self.pending_value(at + 1, indent),
            Some(b'{' | b'[') => {
                let after = self.flow(start, 0)?;
                self.line_end(after)
            }
            _ => {
                let scalar = self.scalar(start, false)?;
                let colon = self.skip_spaces(scalar.span.end);
                if self.is_key(start, colon) {
                    // `- key: value`: a mapping at the key's column.
                    let column = indent + (start - at);
                    self.open(true, column, start)?;
                    self.push_scalar(scalar);
                    return self.value(colon + 1, column);
                }
                let end = self.line_end(scalar.span.end)?;
                self.push_scalar(scalar);
                Ok(end)
            }
        }
    }

    /// The value after a key's colon, of the block mapping at `indent`.
    fn value(&mut self, at: usize, indent: usize) -> Step<usize> {
        let start = self.skip_spaces(at);
        match self.byte(start) {
            _ if self.is_break(start) => self.pending_value(at, indent),
            Some(b'#') => self.pending_value(at, indent),
            Some(b'{' | b'[') => {
                let after = self.flow(start, 0)?;
                self.line_end(after)
            }
            _ => {
                let scalar = self.scalar(start, false)?;
                let end = self.line_end(scalar.span.end)?;
                self.push_scalar(scalar);
                Ok(end)
            }
        }
    }

    /// A value that ends its line before it starts (from `at` on, only spaces and a
    /// comment), for the collection at `indent`.
    fn pending_value(&mut self, at: usize, indent: usize) -> Step<usize> {
        self.pending = Some(indent);
        self.line_end(at)
    }

    /// A flow collection that closes on its line, `depth` flow levels in; where it ends.
    fn flow(&mut self, at: usize, depth: usize) -> Step<usize> {
        if self.blocks.len() + depth + 1 >= MAX_DEPTH {
            return Err(Refuse);
        }
        let mapping = self.byte(at) == Some(b'{');
        let close = if mapping { b'}' } else { b']' };
        let head = Span::new(at, at + 1);
        self.push(if mapping {
            Event::MappingStart(head)
        } else {
            Event::SequenceStart(head)
        });
        let mut next = self.skip_spaces(at + 1);
        if self.byte(next) == Some(close) {
            self.push(Event::End(Span::new(next, next + 1)));
            return Ok(next + 1);
        }
        loop {
            if mapping {
                let key = self.scalar(next, true)?;
                let colon = self.skip_spaces(key.span.end);
                if !self.is_key(next, colon) || self.byte(colon + 1) != Some(b' ') {
                    return Err(Refuse);
                }
                self.push_scalar(key);
                next = self.skip_spaces(colon + 1);
            }
            next = match self.byte(next) {
                Some(b'{' | b'[') => self.flow(next, depth + 1)?,
                _ => {
                    let scalar = self.scalar(next, true)?;
                    self.push_scalar(scalar);
                    scalar.span.end
                }
            };
            next = self.skip_spaces(next);
            match self.byte(next) {
                Some(b',') => {
                    next = self.skip_spaces(next + 1);
                    if self.byte(next) == Some(close) {
                        return Err(Refuse);
                    }
                }
                Some(b) if b == close => {
                    self.push(Event::End(Span::new(next, next + 1)));
                    return Ok(next + 1);
                }
                _ => return Err(Refuse),
            }
        }
    }

    /// A scalar starting at `at`, and where it ends (before any spaces after it).
    #[inline]
    fn scalar(&self, at: usize, flow: bool) -> Step<Token> {
        match self.byte(at) {
            None | Some(b'\n') => Err(Refuse),
            Some(quote @ (b'"' | b'\'')) => self.quoted(at, quote),
            Some(_) => self.plain(at, flow),
        }
    }

    /// `"text"` without escapes, or `'text'` without doubled quotes, on one line.
    #[inline]
    fn quoted(&self, at: usize, quote: u8) -> Step<Token> {
        let close = self.find(at + 1, |b| b == quote || b == b'\\')?;
        let doubled = quote == b'\'' && self.byte(close + 1) == Some(b'\'');
        if self.byte(close) != Some(quote) || doubled {
            return Err(Refuse);
        }
        let span = Span::new(at, close + 1);
        Ok(Token {
            style: Style::Quoted,
            span,
        })
    }

    /// The first byte from `at` that is `wanted` or ends the line (or the text); refused
    /// at a control character or a byte order mark.
    fn find(&self, mut at: usize, wanted: impl Fn(u8) -> bool) -> Step<usize> {
        loop {
            let rest = self.bytes.get(at..).unwrap_or_default();
            let found = rest
                .iter()
                .position(|&b| wanted(b) || b < 0x20 || b == 0x7f || b == 0xef);
            let Some(found) = found.map(|offset| at + offset) else {
                return Ok(self.bytes.len());
            };
            match self.byte(found) {
                _ if self.is_break(found) => return Ok(found),
                Some(0xef) if !self.is_bom(found) && !wanted(0xef) => at = found + 1,
                Some(b) if wanted(b) => return Ok(found),
                _ => return Err(Refuse),
            }
        }
    }

    /// The end of a run of bytes a plain scalar may hold, from `at`; refused at a byte
    /// order mark.
    #[inline]
    fn run(&self, mut at: usize) -> Step<usize> {
        loop {
            while self
                .bytes
                .get(at)
                .is_some_and(|&b| ORDINARY[usize::from(b)])
            {
                at += 1;
            }
            if self.byte(at) != Some(0xef) {
                return Ok(at);
            }
            if self.is_bom(at) {
                return Err(Refuse);
            }
            at += 1;
        }
    }

    fn is_bom(&self, at: usize) -> bool {
        self.bytes.get(at..at + 3) == Some("\u{feff}".as_bytes())
    }

    /// A plain scalar: from a character that starts no YAML construct, up to a `: ` (a
    /// key's end), a ` #` (a comment), the end of the line or, in a flow collection, a
    /// `,`, `]` or `}`; spaces after it are not part of it.
    #[inline]
    fn plain(&self, at: usize, flow: bool) -> Step<Token> {
        let first = self.byte(at).ok_or(Refuse)?;
        if first == b'?' || first == b'-' && !self.is_alphanumeric(at + 1) {
            return Err(Refuse);
        }
        let mut next = self.run(at)?;
        if next == at {
            return Err(Refuse);
        }
        let last = loop {
            let after = self.skip_spaces(next);
            match self.byte(after) {
                _ if self.is_break(after) => break next,
                Some(b'#') if after > next => break next,
                Some(b':') if self.is_space_or_end(after + 1) => break next,
                Some(b',' | b']' | b'}') if flow => break next,
                Some(b',') => next = self.run(after + 1)?,
                // In a flow collection, `saphyr-parser` refuses a word that starts with
                // `-` and a flow indicator (`x -,`); only `-` and a letter or digit is read.
                Some(b'-') if flow && !self.is_alphanumeric(after + 1) => return Err(Refuse),
                Some(_) if after > next => {
                    let run = self.run(after)?;
                    if run == after {
                        return Err(Refuse);
                    }
                    next = run;
                }
                _ => return Err(Refuse),
            }
        };
        Ok(Token {
            style: Style::Plain,
            span: Span::new(at, last),
        })
    }

    /// Only spaces and a comment after `at`; where the line ends.
    fn line_end(&self, at: usize) -> Step<usize> {
        let next = self.skip_spaces(at);
        match self.byte(next) {
            _ if self.is_break(next) => Ok(next),
            Some(b'#') if next > at => self.comment(next),
            _ => Err(Refuse),
        }
    }

    /// Where the line of a comment starting at `at` ends.
    fn comment(&self, at: usize) -> Step<usize> {
        self.find(at, |_| false)
    }

    /// Opens a block collection at column `indent`.
    fn open(&mut self, mapping: bool, indent: usize, at: usize) -> Step {
        if self.blocks.len() + 1 >= MAX_DEPTH {
            return Err(Refuse);
        }
        self.blocks.push(Block { mapping, indent });
        let head = Span::new(at, at);
        self.push(if mapping {
            Event::MappingStart(head)
        } else {
            Event::SequenceStart(head)
        });
        Ok(())
    }

    /// The end of the text: a pending value is null, and every collection closes.
    fn end(&mut self) -> Step {
        if self.blocks.is_empty() {
            return Err(Refuse);
        }
        let at = self.bytes.len();
        if self.pending.take().is_some() {
            self.push(null(at));
        }
        while self.blocks.pop().is_some() {
            self.push(Event::End(Span::new(at, at)));
        }
        self.state = State::Done;
        Ok(())
    }

    /// Queues a scalar, its text borrowed from the record.
    fn push_scalar(&mut self, token: Token) {
        let Span { start, end } = token.span;
        let inside = match token.style {
            Style::Plain => start..end,
            Style::Quoted => start + 1..end.saturating_sub(1),
        };
        let text = Cow::Borrowed(self.text.get(inside).unwrap_or_default());
        let (style, span) = (token.style, token.span);
        self.push(Event::Scalar(Scalar { text, style, span }));
    }

    #[inline]
    fn push(&mut self, event: Event<'t>) {
        self.queue.push_back(event);
    }

    #[inline]
    fn byte(&self, at: usize) -> Option<u8> {
        self.bytes.get(at).copied()
    }

    #[inline]
    fn skip_spaces(&self, mut at: usize) -> usize {
        while self.byte(at) == Some(b' ') {
            at += 1;
        }
        at
    }

    /// Whether a scalar from `at` is a key: a `:` at `colon` ends it, followed by a space
    /// or the end of the line, within the 1024 characters YAML allows an implicit key.
    fn is_key(&self, at: usize, colon: usize) -> bool {
        self.byte(colon) == Some(b':')
            && self.is_space_or_end(colon + 1)
            && colon - at <= MAX_KEY_BYTES
    }

    #[inline]
    fn is_space_or_end(&self, at: usize) -> bool {
        self.byte(at) == Some(b' ') || self.is_break(at)
    }

    /// Whether a line ends at `at`: a line feed, a carriage return and line feed, or the
    /// end of the text. (A lone carriage return, a line break to YAML, is left to the
    /// complete reader.)
    #[inline]
    fn is_break(&self, at: usize) -> bool {
        match self.byte(at) {
            None | Some(b'\n') => true,
            Some(b'\r') => self.byte(at + 1) == Some(b'\n'),
            Some(_) => false,
        }
    }

    /// Where the line after the one ending at `end` starts.
    fn next_line(&self, end: usize) -> usize {
        end + if self.byte(end) == Some(b'\r') { 2 } else { 1 }
    }

    fn is_alphanumeric(&self, at: usize) -> bool {
        self.byte(at).is_some_and(|b| b.is_ascii_alphanumeric())
    }

    /// `---` or `...` at the start of a line.
    fn is_document_marker(&self, at: usize) -> bool {
        let three = self.bytes.get(at..at + 3);
        matches!(three, Some(b"---" | b"..."))
    }
}

/// The null an empty value stands for.
fn null(at: usize) -> Event<'static> {
    Event::Scalar(Scalar {
        text: Cow::Borrowed(""),
        style: Style::Plain,
        span: Span::new(at, at),
    })
}

impl<'t> SimpleYaml<'t> {
    /// Reads lines until there are events to take or the reading is over.
    #[inline(never)]
    fn refill(&mut self) -> Option<Event<'t>> {
        loop {
            if let Some(event) = self.queue.pop_front() {
                return Some(event);
            }
            if self.state != State::Reading {
                return None;
            }
            if self.line().is_err() {
                self.state = State::Refused;
                self.queue.clear();
            }
        }
    }
}

impl<'t> Events<'t> for SimpleYaml<'t> {
    /// Takes the next event of the lines read (inlined into the walk), reading on when
    /// there is none.
    #[inline]
    fn next(&mut self) -> Option<Event<'t>> {
        match self.queue.pop_front() {
            Some(event) => Some(event),
            None => self.refill(),
        }
    }

    fn finish(self) -> Finished {
        Finished {
            errors: Vec::new(),
            complete: self.state == State::Done && self.queue.is_empty(),
        }
    }
}
