//! Source text and locations: every diagnostic points into a [`Source`] through a [`Span`].
//!
//! A source indexes where its lines start once, when it is made. Finding the line of an
//! offset, or the lines around a span, is then a binary search instead of a scan from the
//! start of the text, so reporting many problems in a large file stays linear in its size.

use std::fmt;
use std::sync::Arc;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// A named text that diagnostics can point into: a rule file or a project record. Every
/// diagnostic holds one, so it is a single shared pointer: cheap to clone, small to hold.
#[derive(Clone)]
pub struct Source(Arc<Inner>);

struct Inner {
    name: Arc<str>,
    text: Arc<str>,
    /// Byte offset of the start of each line, in order; the first is 0. Lines end at `\n`.
    lines: Box<[usize]>,
}

impl Source {
    /// A source with the name shown in diagnostics (usually a path) and its text.
    pub fn new(name: impl Into<Arc<str>>, text: impl Into<Arc<str>>) -> Self {
        let text = text.into();
        let lines = line_starts(&text);
        Self(Arc::new(Inner {
            name: name.into(),
            text,
            lines,
        }))
    }

    /// The name shown in diagnostics.
    pub fn name(&self) -> &str {
        &self.0.name
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.0.text
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text().len());
        let line = self.line_of(offset);
        (line + 1, self.chars(self.line_start(line), offset) + 1)
    }

    /// 0-based line of a byte offset; offsets past the end are on the last line.
    fn line_of(&self, offset: usize) -> usize {
        self.0
            .lines
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
    }

    /// Byte offset where a 0-based line starts (the end of the text past the last line).
    fn line_start(&self, line: usize) -> usize {
        self.0.lines.get(line).copied().unwrap_or(self.text().len())
    }

    /// Byte offset just past a line's `\n` (or the end of the text, for the last line).
    fn line_end(&self, line: usize) -> usize {
        self.line_start(line + 1)
    }

    /// How many characters start in `start..end`: a column in characters, as editors
    /// count them, even if `end` falls inside a character.
    fn chars(&self, start: usize, end: usize) -> usize {
        self.text().as_bytes().get(start..end).map_or(0, |bytes| {
            bytes.iter().filter(|&&b| !is_continuation(b)).count()
        })
    }
}

/// Whether a byte continues a UTF-8 character rather than starting one.
pub(crate) fn is_continuation(byte: u8) -> bool {
    byte & 0b1100_0000 == 0b1000_0000
}

/// Where each line of the text starts.
fn line_starts(text: &str) -> Box<[usize]> {
    let breaks = text
        .bytes()
        .enumerate()
        .filter(|&(_, byte)| byte == b'\n')
        .map(|(i, _)| i + 1);
    std::iter::once(0).chain(breaks).collect()
}

impl fmt::Debug for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Source")
            .field("name", &self.name())
            .finish()
    }
}

/// Reads what miette's own `str` reader does (without context lines the data starts and
/// ends at the span; with them, it is whole lines), but through the line index, with
/// columns in characters and `line_count` the number of lines read.
impl SourceCode for Source {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let start = span.offset();
        let end = start
            .checked_add(span.len())
            .filter(|&end| end <= self.text().len())
            .ok_or(MietteError::OutOfBounds)?;
        let first = self.line_of(start);
        // The line of the span's last byte: a span ending with a `\n` ends on that line.
        let last = self.line_of(end.saturating_sub(1).max(start));
        let top = first.saturating_sub(context_lines_before);
        let bottom = (last + context_lines_after).min(self.0.lines.len().saturating_sub(1));
        let data_start = match context_lines_before {
            0 => start,
            _ => self.line_start(top),
        };
        let data_end = match context_lines_after {
            0 => end,
            _ => self.line_end(bottom),
        };
        let line = self.line_of(data_start);
        let data = self
            .text()
            .as_bytes()
            .get(data_start..data_end)
            .ok_or(MietteError::OutOfBounds)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name().to_owned(),
            data,
            SourceSpan::new(data_start.into(), data_end - data_start),
            line,
            self.chars(self.line_start(line), data_start),
            bottom.max(line) - line + 1,
        )))
    }
}

/// A byte range in a [`Source`]. Spans never take part in equality, so ASTs compare by
/// structure alone.
#[derive(Clone, Copy, Default, serde::Serialize, serde::Deserialize)]
pub struct Span {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
}

impl Span {
    /// The range `start..end`.
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The same length, moved `by` bytes further into the text.
    pub fn shifted(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

impl PartialEq for Span {
    fn eq(&self, _: &Span) -> bool {
        true
    }
}

impl Eq for Span {}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Span> for SourceSpan {
    fn from(span: Span) -> Self {
        SourceSpan::new(span.start.into(), span.end.saturating_sub(span.start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(
        source: &Source,
        start: usize,
        len: usize,
        context: usize,
    ) -> (String, usize, usize, usize) {
        let span = SourceSpan::new(start.into(), len);
        match source.read_span(&span, context, context) {
            Ok(contents) => (
                String::from_utf8_lossy(contents.data()).into_owned(),
                contents.line(),
                contents.column(),
                contents.line_count(),
            ),
            Err(error) => (error.to_string(), 0, 0, 0),
        }
    }

    #[test]
    fn lines_and_columns_count_characters() {
        let source = Source::new("x", "ab\n甲乙c\n\nd");
        assert_eq!(source.line_col(0), (1, 1));
        assert_eq!(source.line_col(2), (1, 3));
        assert_eq!(source.line_col(3), (2, 1));
        assert_eq!(source.line_col(9), (2, 3));
        assert_eq!(source.line_col(11), (3, 1));
        assert_eq!(source.line_col(12), (4, 1));
        assert_eq!(source.line_col(99), (4, 2));
        // Inside a character: the column of that character.
        assert_eq!(source.line_col(4), (2, 2));
    }

    #[test]
    fn spans_read_whole_lines_with_context() {
        let source = Source::new("x", "one\ntwo 甲\nthree\nfour");
        assert_eq!(
            read(&source, 8, 3, 1),
            ("one\ntwo 甲\nthree\n".into(), 0, 0, 3)
        );
        assert_eq!(read(&source, 8, 3, 0), ("甲".into(), 1, 4, 1));
        assert_eq!(read(&source, 18, 4, 1), ("three\nfour".into(), 2, 0, 2));
        assert_eq!(read(&source, 22, 0, 1), ("three\nfour".into(), 2, 0, 2));
        assert_eq!(read(&source, 0, 4, 1), ("one\ntwo 甲\n".into(), 0, 0, 2));
        let beyond = SourceSpan::new(20.into(), 9);
        assert!(source.read_span(&beyond, 1, 1).is_err());
    }
}
