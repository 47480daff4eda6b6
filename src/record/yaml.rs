//! YAML text → events, from `saphyr-parser`, with byte spans.
//!
//! Only the plain data subset of YAML is accepted: anchors, aliases, tags and further
//! documents are errors, and collections nest at most [`MAX_DEPTH`] deep, so no input can
//! overflow the stack of whatever reads the events. The events decide no types; the schema
//! does that ([`super::interpret`]). This is the complete reader, and the one whose
//! diagnostics are shown; [`super::simple`] reads the common subset faster.

use saphyr_parser::{Event as Yaml, Marker, Parser, ScalarStyle, ScanError, StrInput};

use super::error::RecordError;
use super::events::{Event, Events, Finished, Scalar, Style};
use crate::source::{Source, Span, is_continuation};

/// The deepest nesting of collections a record may have.
pub(crate) const MAX_DEPTH: usize = 64;

/// `saphyr-parser`'s message when its own (deeper) flow nesting limit is hit.
const PARSER_DEPTH_MESSAGE: &str = "recursion limit exceeded";

/// Character index → byte offset (`saphyr-parser` counts characters).
///
/// Events come in text order, so a cursor that walks from the last position it found to
/// the next one makes all the look-ups together linear in the text, without a table of one
/// offset per character (8 bytes for every character, several times the text itself). The
/// source's line index does not help here: saphyr-parser counts a lone `\r` as a line break,
/// and a long line would still be walked from its start for every event on it.
struct Offsets<'s> {
    text: &'s [u8],
    /// Whether the text is ASCII, so that indices are offsets.
    ascii: bool,
    /// The last position found: a character index and its byte offset.
    cursor: (usize, usize),
}

impl<'s> Offsets<'s> {
    fn new(text: &'s str) -> Self {
        Self {
            text: text.as_bytes(),
            ascii: text.is_ascii(),
            cursor: (0, 0),
        }
    }

    /// The text's length in bytes.
    fn len(&self) -> usize {
        self.text.len()
    }

    /// The byte offset of a character index (the end of the text for indices past it).
    fn byte(&mut self, index: usize) -> usize {
        if self.ascii {
            return index.min(self.text.len());
        }
        let (mut at, mut byte) = self.cursor;
        while at < index && byte < self.text.len() {
            byte = self.next_char(byte);
            at += 1;
        }
        while at > index && byte > 0 {
            byte = self.previous_char(byte);
            at -= 1;
        }
        self.cursor = (at, byte);
        byte
    }

    /// Where the character after the one at `byte` starts.
    fn next_char(&self, byte: usize) -> usize {
        let rest = self.text.get(byte + 1..).unwrap_or_default();
        byte + 1 + rest.iter().take_while(|&&b| is_continuation(b)).count()
    }

    /// Where the character before the one at `byte` starts.
    fn previous_char(&self, byte: usize) -> usize {
        let before = self.text.get(..byte).unwrap_or_default();
        let continuations = before
            .iter()
            .rev()
            .take_while(|&&b| is_continuation(b))
            .count();
        byte.saturating_sub(continuations + 1)
    }

    fn span(&mut self, span: saphyr_parser::Span) -> Span {
        let start = self.byte(span.start.index());
        Span::new(start, self.byte(span.end.index()))
    }

    /// The character at a marker (empty at the end of the text).
    fn char_at(&mut self, marker: &Marker) -> Span {
        let start = self.byte(marker.index());
        Span::new(start, self.byte(marker.index() + 1))
    }
}

/// Whether the events are still coming.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Reading,
    /// The stream is over, or a second document started: what was read stands.
    Done,
    /// A fatal error: the value is incomplete.
    Aborted,
}

/// The events of a record's first YAML document.
pub(crate) struct YamlEvents<'s> {
    source: &'s Source,
    parser: Parser<'s, StrInput<'s>>,
    offsets: Offsets<'s>,
    /// Collections open.
    depth: usize,
    documents: usize,
    state: State,
    errors: Vec<RecordError>,
}

impl<'s> YamlEvents<'s> {
    pub(crate) fn new(source: &'s Source) -> Self {
        Self {
            source,
            parser: Parser::new_from_str(source.text()),
            offsets: Offsets::new(source.text()),
            depth: 0,
            documents: 0,
            state: State::Reading,
            errors: Vec::new(),
        }
    }

    /// The event for the walk, if this parser event is one.
    fn event(&mut self, event: Yaml<'s>, span: Span) -> Option<Event<'s>> {
        match event {
            Yaml::StreamEnd => {
                self.state = State::Done;
                None
            }
            Yaml::DocumentStart(_) => {
                self.document(span);
                None
            }
            Yaml::Scalar(text, style, anchor, tag) => {
                self.properties(anchor, tag.as_deref(), span);
                let style = match style {
                    ScalarStyle::Plain => Style::Plain,
                    _ => Style::Quoted,
                };
                Some(Event::Scalar(Scalar { text, style, span }))
            }
            Yaml::Alias(_) => {
                self.report(RecordError::Alias {
                    src: self.src(),
                    span,
                });
                Some(Event::Alias(span))
            }
            Yaml::SequenceStart(anchor, tag) => {
                self.properties(anchor, tag.as_deref(), span);
                self.open(span).then_some(Event::SequenceStart(span))
            }
            Yaml::MappingStart(anchor, tag) => {
                self.properties(anchor, tag.as_deref(), span);
                self.open(span).then_some(Event::MappingStart(span))
            }
            Yaml::SequenceEnd | Yaml::MappingEnd => {
                self.depth = self.depth.saturating_sub(1);
                Some(Event::End(span))
            }
            Yaml::Nothing | Yaml::StreamStart | Yaml::DocumentEnd => None,
        }
    }

    fn document(&mut self, span: Span) {
        self.documents += 1;
        if self.documents > 1 {
            self.report(RecordError::SecondDocument {
                src: self.src(),
                span,
            });
            self.state = State::Done;
        }
    }

    fn scan_error(&mut self, error: &ScanError) {
        let span = self.scan_span(error.marker());
        let error = if error.info() == PARSER_DEPTH_MESSAGE {
            RecordError::TooDeep {
                src: self.src(),
                span,
                limit: MAX_DEPTH,
            }
        } else {
            let message = error.info().to_owned();
            RecordError::Syntax {
                src: self.src(),
                span,
                message,
                hint: None,
            }
        };
        self.report(error);
        self.state = State::Aborted;
    }

    /// The character a scan error points at; at the end of the text, its last visible
    /// character, since an empty span there would show no caret.
    fn scan_span(&mut self, marker: &Marker) -> Span {
        let span = self.offsets.char_at(marker);
        if span.start < self.offsets.len() {
            return span;
        }
        let text = self.source.text().trim_end();
        match text.char_indices().next_back() {
            Some((start, last)) => Span::new(start, start + last.len_utf8()),
            None => span,
        }
    }

    /// Reports anchors and tags, which records may not use.
    fn properties(&mut self, anchor: usize, tag: Option<&saphyr_parser::Tag>, span: Span) {
        if anchor != 0 {
            self.report(RecordError::Anchor {
                src: self.src(),
                span,
            });
        }
        if let Some(tag) = tag {
            let tag = written(tag);
            self.report(RecordError::Tag {
                src: self.src(),
                span,
                tag,
            });
        }
    }

    /// Opens a collection, unless it nests too deep (which stops the reading).
    fn open(&mut self, span: Span) -> bool {
        if self.depth >= MAX_DEPTH {
            self.report(RecordError::TooDeep {
                src: self.src(),
                span,
                limit: MAX_DEPTH,
            });
            self.state = State::Aborted;
            return false;
        }
        self.depth += 1;
        true
    }

    fn report(&mut self, error: RecordError) {
        self.errors.push(error);
    }

    fn src(&self) -> Source {
        self.source.clone()
    }
}

impl<'s> Events<'s> for YamlEvents<'s> {
    fn next(&mut self) -> Option<Event<'s>> {
        while self.state == State::Reading {
            let Some(next) = self.parser.next_event() else {
                self.state = State::Done;
                break;
            };
            match next {
                Ok((event, span)) => {
                    let span = self.offsets.span(span);
                    if let Some(event) = self.event(event, span) {
                        return Some(event);
                    }
                }
                Err(error) => self.scan_error(&error),
            }
        }
        None
    }

    fn finish(mut self) -> Finished {
        while self.next().is_some() {}
        Finished {
            errors: self.errors,
            complete: self.state == State::Done,
        }
    }
}

/// A tag as a record writes it: `!!str` for a tag of YAML's core schema, `!name` for a local
/// one, the verbatim form for the rest (saphyr shows `!!str` as `tag:yaml.org,2002:!str`).
fn written(tag: &saphyr_parser::Tag) -> String {
    match tag.handle.as_str() {
        "tag:yaml.org,2002:" => format!("!!{}", tag.suffix),
        "!" => format!("!{}", tag.suffix),
        handle => format!("!<{handle}{}>", tag.suffix),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_indices_map_to_byte_offsets_in_either_direction() {
        let text = "a甲b\n乙";
        let mut offsets = Offsets::new(text);
        let expected = [0, 1, 4, 5, 6, 9, 9];
        for (index, byte) in expected.iter().enumerate() {
            assert_eq!(offsets.byte(index), *byte, "index {index}");
        }
        for (index, byte) in expected.iter().enumerate().rev() {
            assert_eq!(offsets.byte(index), *byte, "index {index}");
        }
        assert_eq!(offsets.byte(2), 4);
        assert_eq!(offsets.byte(99), 9);
        let mut ascii = Offsets::new("ab");
        assert_eq!((ascii.byte(1), ascii.byte(5)), (1, 2));
    }
}
