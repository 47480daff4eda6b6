//! YAML text → a small located tree, for files read by hand rather than against a schema
//! (pack test files, [`crate::packtest`]). Records are not read through it: the schema walk
//! takes the events directly.
//!
//! The tree is built from [`YamlEvents`], so it accepts what a record accepts: no anchors,
//! aliases, tags or further documents, and at most [`super::yaml::MAX_DEPTH`] levels.

use super::error::RecordError;
use super::events::{Event, Events, Style};
use super::yaml::YamlEvents;
use crate::source::{Source, Span};

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
    Scalar(String, Style),
    /// A sequence.
    Sequence(Vec<Node>),
    /// A mapping, entries in document order (duplicates kept for the reader to report).
    Mapping(Vec<Entry>),
    /// Something already reported (an alias): readers skip it silently.
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
            NodeKind::Scalar(text, Style::Plain) => {
                matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL")
            }
            _ => false,
        }
    }

    /// The node as messages describe what was found.
    pub(crate) fn describe(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        match &self.kind {
            NodeKind::Scalar(text, style) => super::events::Scalar {
                text: text.as_str().into(),
                style: *style,
                span: self.span,
            }
            .describe(),
            NodeKind::Sequence(_) => Message::new("record-found-list"),
            NodeKind::Mapping(_) => Message::new("record-found-mapping"),
            NodeKind::Invalid => Message::new("record-found-alias"),
        }
    }
}

/// Parses a file's single YAML document. The tree is `None` when the text is not YAML or
/// nests too deeply; anchors, tags and a second document are reported alongside a tree.
pub(crate) fn parse(source: &Source) -> (Option<Node>, Vec<RecordError>) {
    let mut events = YamlEvents::new(source);
    let root = build(&mut events);
    let finished = events.finish();
    let root = root.filter(|_| finished.complete);
    (root, finished.errors)
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

/// Reads one node, iteratively (the source bounds the depth, the stack here is the heap's).
fn build<'s>(events: &mut impl Events<'s>) -> Option<Node> {
    let mut stack: Vec<Frame> = Vec::new();
    while let Some(event) = events.next() {
        let node = match event {
            Event::Scalar(scalar) => Node {
                kind: NodeKind::Scalar(scalar.text.into_owned(), scalar.style),
                span: scalar.span,
                head: scalar.span,
            },
            Event::Alias(span) => Node {
                kind: NodeKind::Invalid,
                span,
                head: span,
            },
            Event::SequenceStart(head) => {
                let items = Vec::new();
                stack.push(Frame::Sequence { head, items });
                continue;
            }
            Event::MappingStart(head) => {
                let (entries, key) = (Vec::new(), None);
                stack.push(Frame::Mapping { head, entries, key });
                continue;
            }
            Event::End(end) => match stack.pop() {
                Some(frame) => close(frame, end),
                None => continue,
            },
        };
        match stack.last_mut() {
            None => return Some(node),
            Some(frame) => attach(frame, node),
        }
    }
    None
}

fn close(frame: Frame, end: Span) -> Node {
    match frame {
        Frame::Sequence { head, items } => {
            let span = Span::new(head.start, collection_end(end, items.last()));
            Node {
                kind: NodeKind::Sequence(items),
                span,
                head,
            }
        }
        Frame::Mapping { head, entries, .. } => {
            let last = entries.last().map(|entry| &entry.value);
            let span = Span::new(head.start, collection_end(end, last));
            Node {
                kind: NodeKind::Mapping(entries),
                span,
                head,
            }
        }
    }
}

/// Puts a finished node into the collection being read.
fn attach(frame: &mut Frame, node: Node) {
    match frame {
        Frame::Sequence { items, .. } => items.push(node),
        Frame::Mapping { entries, key, .. } => match key.take() {
            None => *key = Some(node),
            Some(key) => entries.push(Entry { key, value: node }),
        },
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
