//! What a record is read from: the events of one value, in document order, as a YAML or
//! JSON source yields them for the schema walk ([`super::interpret`]).
//!
//! A source owns the syntax (brackets, quotes, indentation, the features records may not
//! use) and reports its own problems; the walk owns the meaning. Neither builds a tree.

use std::borrow::Cow;

use super::error::RecordError;
use crate::source::Span;

/// How a scalar was written. Only a plain scalar can be null, a number or yes/no: a quoted
/// one is text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    /// Unquoted: `2020`, `true`, `荆州市本级`.
    Plain,
    /// In quotes: `"2020"`, `'true'`.
    Quoted,
}

/// A scalar: its text with quotes and escapes resolved, borrowed from the record where it
/// can be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Scalar<'t> {
    /// The text.
    pub(crate) text: Cow<'t, str>,
    /// How it was written.
    pub(crate) style: Style,
    /// Where it is.
    pub(crate) span: Span,
}

impl Scalar<'_> {
    /// Whether the scalar is null (`~`, `null` or nothing), which means "absent".
    pub(crate) fn is_null(&self) -> bool {
        self.style == Style::Plain && matches!(&*self.text, "" | "~" | "null" | "Null" | "NULL")
    }

    /// The scalar as messages describe what was found.
    pub(crate) fn describe(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        if self.is_null() {
            Message::new("record-found-null")
        } else {
            Message::new("record-found-value").arg("value", abbreviate(&self.text))
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

/// One step through a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Event<'t> {
    /// A scalar.
    Scalar(Scalar<'t>),
    /// An alias, already reported by the source: it stands for nothing.
    Alias(Span),
    /// A mapping opens, at this span; keys and values follow, alternating, until its
    /// [`Event::End`].
    MappingStart(Span),
    /// A sequence opens, at this span; its items follow until its [`Event::End`].
    SequenceStart(Span),
    /// The innermost open collection closes: at its closing bracket, or, for a YAML block
    /// collection, at an empty span after it.
    End(Span),
}

impl Event<'_> {
    /// Where the event is.
    pub(crate) fn span(&self) -> Span {
        match self {
            Event::Scalar(scalar) => scalar.span,
            Event::Alias(span)
            | Event::MappingStart(span)
            | Event::SequenceStart(span)
            | Event::End(span) => *span,
        }
    }
}

/// A source of events: one record's text, read once, front to back.
pub(crate) trait Events<'t> {
    /// The next event of the record's value; `None` when there is no value (an empty
    /// stream) or after a problem that stops the reading, which the source reports.
    fn next(&mut self) -> Option<Event<'t>>;

    /// Reads what follows the value to the end of the input; what the source found wrong.
    fn finish(self) -> Finished;
}

/// What a source found once it was read.
#[derive(Debug, Default)]
pub(crate) struct Finished {
    /// Its problems, in the order found: syntax, and features records may not use.
    pub(crate) errors: Vec<RecordError>,
    /// Whether the whole value was read: false after a problem that stopped the reading,
    /// when what the walk made of the part before it is not reported.
    pub(crate) complete: bool,
}
