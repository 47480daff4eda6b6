//! YAML text → a small located tree: scalars keep their text and style, collections their
//! items, every node its byte span.
//!
//! The tree is built iteratively from `saphyr-parser` events, with an explicit depth limit,
//! so no input can overflow the stack. Only the plain data subset of YAML is accepted:
//! anchors, aliases, tags and further documents are errors. The tree decides no types; the
//! schema does that later ([`super::interpret`]).

use saphyr_parser::{Event, Marker, Parser, ScalarStyle, ScanError};

use super::error::RecordError;
use crate::source::{Source, Span, is_continuation};

/// The deepest nesting of collections a record may have.
pub(super) const MAX_DEPTH: usize = 64;

/// `saphyr-parser`'s message when its own (deeper) flow nesting limit is hit.
const PARSER_DEPTH_MESSAGE: &str = "recursion limit exceeded";

/// A located YAML node.
#[derive(Debug)]
pub(crate) struct Node {
    /// What the node is.
    pub(crate) kind: NodeKind,
    /// Where it is: the whole node.
    pub(crate) span: Span,
    /// Where it opens: its first character (`{`, `[` or the first key or item for block
    /// collections), the whole node for scalars.
    pub(crate) head: Span,
}

/// The kinds of node.
#[derive(Debug)]
pub(crate) enum NodeKind {
    /// A scalar with its text (quotes and escapes resolved) and how it was written.
    Scalar(String, ScalarStyle),
    /// A sequence.
    Sequence(Vec<Node>),
    /// A mapping, entries in document order (duplicates kept for the schema walk to report).
    Mapping(Vec<Entry>),
    /// Something already reported (an alias): later stages skip it silently.
    Invalid,
}

/// A key and its value.
#[derive(Debug)]
pub(crate) struct Entry {
    /// The key, usually a scalar.
    pub(crate) key: Node,
    /// The value.
    pub(crate) value: Node,
}

impl Node {
    /// Whether the node is YAML null (`~`, `null` or nothing), which means "absent".
    pub(crate) fn is_null(&self) -> bool {
        match &self.kind {
            NodeKind::Scalar(text, ScalarStyle::Plain) => {
                matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL")
            }
            _ => false,
        }
    }

    /// The node as messages describe what was found.
    pub(crate) fn describe(&self) -> String {
        match &self.kind {
            _ if self.is_null() => "nothing (null)".to_owned(),
            NodeKind::Scalar(text, _) => format!("`{}`", abbreviate(text)),
            NodeKind::Sequence(_) => "a list".to_owned(),
            NodeKind::Mapping(_) => "a mapping".to_owned(),
            NodeKind::Invalid => "an alias".to_owned(),
        }
    }
}

/// The first 40 characters of a long text.
fn abbreviate(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((end, _)) => format!("{}…", text.get(..end).unwrap_or(text)),
        None => text.to_owned(),
    }
}

/// Parses the record's single YAML document. The tree is `None` when the text is not YAML
/// or nests too deeply; anchors, tags and a second document are reported alongside a tree.
pub(crate) fn parse(source: &Source) -> (Option<Node>, Vec<RecordError>) {
    let mut builder = Builder::new(source);
    let mut parser = Parser::new_from_str(source.text());
    let complete = builder.run(&mut parser);
    let root = if complete { builder.root } else { None };
    (root, builder.errors)
}

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

/// A collection still being read.
enum Frame {
    Sequence {
        head: Span,
        items: Vec<Node>,
    },
    Mapping {
        head: Span,
        entries: Vec<Entry>,
        key: Option<Node>,
    },
}

/// Turns events into a tree.
struct Builder<'s> {
    source: &'s Source,
    offsets: Offsets<'s>,
    stack: Vec<Frame>,
    root: Option<Node>,
    documents: usize,
    errors: Vec<RecordError>,
}

/// What to do after an event.
enum Flow {
    Continue,
    /// The stream is over (or a second document started): keep the tree.
    Done,
    /// A fatal error: the tree is incomplete.
    Abort,
}

impl<'s> Builder<'s> {
    fn new(source: &'s Source) -> Self {
        Self {
            source,
            offsets: Offsets::new(source.text()),
            stack: Vec::new(),
            root: None,
            documents: 0,
            errors: Vec::new(),
        }
    }

    /// Consumes events until the end; returns whether the tree is complete.
    fn run(&mut self, parser: &mut Parser<'_, saphyr_parser::StrInput<'_>>) -> bool {
        while let Some(next) = parser.next_event() {
            let flow = match next {
                Ok((event, span)) => {
                    let span = self.offsets.span(span);
                    self.event(event, span)
                }
                Err(error) => self.scan_error(&error),
            };
            match flow {
                Flow::Continue => {}
                Flow::Done => return true,
                Flow::Abort => return false,
            }
        }
        true
    }

    fn event(&mut self, event: Event<'_>, span: Span) -> Flow {
        match event {
            Event::StreamEnd => Flow::Done,
            Event::DocumentStart(_) => self.document(span),
            Event::Scalar(text, style, anchor, tag) => {
                self.properties(anchor, tag.as_deref(), span);
                let kind = NodeKind::Scalar(text.into_owned(), style);
                self.attach(Node {
                    kind,
                    span,
                    head: span,
                });
                Flow::Continue
            }
            Event::Alias(_) => {
                self.report(RecordError::Alias {
                    src: self.src(),
                    span,
                });
                self.attach(Node {
                    kind: NodeKind::Invalid,
                    span,
                    head: span,
                });
                Flow::Continue
            }
            Event::SequenceStart(anchor, tag) => {
                self.properties(anchor, tag.as_deref(), span);
                self.open(
                    Frame::Sequence {
                        head: span,
                        items: Vec::new(),
                    },
                    span,
                )
            }
            Event::MappingStart(anchor, tag) => {
                self.properties(anchor, tag.as_deref(), span);
                self.open(
                    Frame::Mapping {
                        head: span,
                        entries: Vec::new(),
                        key: None,
                    },
                    span,
                )
            }
            Event::SequenceEnd | Event::MappingEnd => {
                self.close(span);
                Flow::Continue
            }
            Event::Nothing | Event::StreamStart | Event::DocumentEnd => Flow::Continue,
        }
    }

    fn document(&mut self, span: Span) -> Flow {
        self.documents += 1;
        if self.documents == 1 {
            return Flow::Continue;
        }
        self.report(RecordError::SecondDocument {
            src: self.src(),
            span,
        });
        Flow::Done
    }

    fn scan_error(&mut self, error: &ScanError) -> Flow {
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
            }
        };
        self.report(error);
        Flow::Abort
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
            let tag = tag.to_string();
            self.report(RecordError::Tag {
                src: self.src(),
                span,
                tag,
            });
        }
    }

    fn open(&mut self, frame: Frame, span: Span) -> Flow {
        if self.stack.len() >= MAX_DEPTH {
            self.report(RecordError::TooDeep {
                src: self.src(),
                span,
                limit: MAX_DEPTH,
            });
            return Flow::Abort;
        }
        self.stack.push(frame);
        Flow::Continue
    }

    fn close(&mut self, end: Span) {
        let node = match self.stack.pop() {
            Some(Frame::Sequence { head, items }) => {
                let span = Span::new(head.start, collection_end(end, items.last()));
                Node {
                    kind: NodeKind::Sequence(items),
                    span,
                    head,
                }
            }
            Some(Frame::Mapping { head, entries, .. }) => {
                let last = entries.last().map(|entry| &entry.value);
                let span = Span::new(head.start, collection_end(end, last));
                Node {
                    kind: NodeKind::Mapping(entries),
                    span,
                    head,
                }
            }
            None => return,
        };
        self.attach(node);
    }

    /// Puts a finished node into the collection being read, or makes it the root.
    fn attach(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Sequence { items, .. }) => items.push(node),
            Some(Frame::Mapping { entries, key, .. }) => match key.take() {
                None => *key = Some(node),
                Some(key) => entries.push(Entry { key, value: node }),
            },
        }
    }

    fn report(&mut self, error: RecordError) {
        self.errors.push(error);
    }

    fn src(&self) -> Source {
        self.source.clone()
    }
}

/// Where a collection ends: at its closing bracket, or for block collections (whose end
/// event sits at the next line) at the end of its last item.
fn collection_end(end: Span, last: Option<&Node>) -> usize {
    match last {
        Some(last) if end.start == end.end => last.span.end,
        _ => end.end,
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
