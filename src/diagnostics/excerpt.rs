//! Excerpts: the lines a diagnostic's labels point at, copied into a small text of their
//! own, with long lines cut to a window around the labels.
//!
//! miette's graphical handler prints each line of a snippet whole, and pads the underline
//! to a label's column with a formatting width, which panics past 65 535. A label far into
//! a long line (a record written on one line can be megabytes long) would print the whole
//! line, or panic. An excerpt is made once per diagnostic: labels whose context lines touch
//! share a block of lines, as miette would show them. Lines wider than [`LONG_LINE`]
//! columns are cut to a window of [`WINDOW`] columns around the block's labels (the same
//! window for every long line of the block, so that labels line up), with `…` where text
//! was left out; shorter lines are shown whole. Widths are terminal columns, two for a
//! Chinese character, so a window of Chinese text is as wide as one of ASCII. Labels are
//! moved into the excerpt's text; line numbers and columns (in characters) stay the
//! original ones.

use miette::{LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::source::is_continuation;

/// Lines shown above and below each label (miette's default).
pub const CONTEXT_LINES: usize = 1;

/// Lines up to this wide (in terminal columns) are shown whole.
pub const LONG_LINE: usize = 160;

/// How wide (in terminal columns) the part shown of each line is, in a block with a wider
/// line.
pub const WINDOW: usize = 100;

/// Columns shown before the leftmost label of a window.
const LEAD: usize = 30;

/// Columns of a label that must fit in a window for it to share the window.
const TAIL: usize = 10;

/// How wide miette prints a tab.
const TAB: usize = 4;

/// Where text was left out.
const ELLIPSIS: &str = "…";

/// The lines around a diagnostic's labels, as the diagnostic's source for miette.
#[derive(Debug)]
pub(super) struct Excerpt {
    /// The source's name.
    name: Option<String>,
    /// The blocks' lines, one after the other.
    text: String,
    /// The blocks, in order.
    blocks: Vec<Block>,
    /// The labels, moved into `text`.
    labels: Vec<LabeledSpan>,
}

/// Consecutive lines of the source, in the excerpt.
#[derive(Debug)]
struct Block {
    /// Where the block starts in the excerpt's text.
    start: usize,
    /// Where it ends (after its last line's break, if it has one).
    end: usize,
    lines: Vec<Row>,
}

/// A line as the excerpt shows it.
#[derive(Debug)]
struct Row {
    /// 0-based line number in the source.
    number: usize,
    /// Where it starts in the excerpt's text.
    start: usize,
    /// Bytes of the `…` in front, if any.
    prefix: usize,
    /// The byte range of the line's text that is shown.
    shows: (usize, usize),
    /// The column (in characters) of the first character shown after the prefix.
    column: usize,
}

/// A line of the source.
#[derive(Clone, Copy)]
struct Line<'a> {
    /// 0-based line number.
    number: usize,
    /// Byte offset of its start in the source.
    offset: usize,
    /// Its text, without the `\n`.
    text: &'a [u8],
    /// Whether a `\n` ends it.
    broken: bool,
}

/// A label with the lines around it.
struct Context<'a> {
    label: LabeledSpan,
    lines: Vec<Line<'a>>,
    /// Where the label starts on its line, in terminal columns, if that line is long.
    column: Option<usize>,
}

/// Labels whose context lines touch, with all their lines.
struct Cluster<'a> {
    labels: Vec<LabeledSpan>,
    lines: Vec<Line<'a>>,
    /// Smallest and largest start column (in terminal columns) of its labels on long lines.
    columns: Option<(usize, usize)>,
}

impl Excerpt {
    /// The excerpt for these labels of a source. Labels the source cannot read are left
    /// out, as miette would fail to show them.
    pub(super) fn new(source: &dyn SourceCode, labels: Vec<LabeledSpan>) -> Self {
        let mut name = None;
        let mut contexts: Vec<Context<'_>> = labels
            .into_iter()
            .filter_map(|label| {
                let contents = source
                    .read_span(label.inner(), CONTEXT_LINES, CONTEXT_LINES)
                    .ok()?;
                name = name.take().or_else(|| contents.name().map(str::to_owned));
                Some(Context::new(label, &*contents))
            })
            .collect();
        contexts.sort_by_key(|context| context.label.offset());
        let mut excerpt = Self {
            name,
            text: String::new(),
            blocks: Vec::new(),
            labels: Vec::new(),
        };
        for cluster in clusters(contexts) {
            excerpt.push(&cluster);
        }
        excerpt
    }

    /// The labels, pointing into the excerpt.
    pub(super) fn labels(&self) -> &[LabeledSpan] {
        &self.labels
    }

    /// Adds a cluster's lines as a block, and its labels.
    fn push(&mut self, cluster: &Cluster<'_>) {
        if !self.blocks.is_empty() {
            // A byte between blocks, so that a block's end is never the next one's start.
            self.text.push('\n');
        }
        let window = cluster.window();
        let start = self.text.len();
        let lines = cluster
            .lines
            .iter()
            .map(|line| self.push_line(line, window))
            .collect();
        let block = Block {
            start,
            end: self.text.len(),
            lines,
        };
        for label in &cluster.labels {
            let from = block.place(&cluster.lines, label.offset());
            let to = block.place(&cluster.lines, label.offset() + label.len());
            let span = SourceSpan::new(from.into(), to.saturating_sub(from));
            let name = label.label().map(str::to_owned);
            self.labels.push(if label.primary() {
                LabeledSpan::new_primary_with_span(name, span)
            } else {
                LabeledSpan::new_with_span(name, span)
            });
        }
        self.blocks.push(block);
    }

    /// Adds a line to the text: the window's part of it if it is long, else all of it.
    fn push_line(&mut self, line: &Line<'_>, window: Window) -> Row {
        let start = self.text.len();
        let (from, to) = if line.long() {
            window.bytes(line.text)
        } else {
            (0, line.text.len())
        };
        let prefix = if from > 0 { ELLIPSIS } else { "" };
        self.text.push_str(prefix);
        push_bytes(&mut self.text, line.text.get(from..to).unwrap_or_default());
        if to < line.text.len() {
            self.text.push_str(ELLIPSIS);
        }
        if line.broken {
            self.text.push('\n');
        }
        Row {
            number: line.number,
            start,
            prefix: prefix.len(),
            shows: (from, to),
            column: chars(line.text.get(..from).unwrap_or_default()),
        }
    }

    /// The block holding a span, if one holds all of it.
    fn block(&self, start: usize, end: usize) -> Option<&Block> {
        let index = self.blocks.partition_point(|block| block.start <= start);
        let block = self.blocks.get(index.checked_sub(1)?)?;
        (end <= block.end).then_some(block)
    }
}

impl Context<'_> {
    fn new<'a>(label: LabeledSpan, contents: &dyn SpanContents<'a>) -> Context<'a> {
        let lines = split(contents.data(), contents.span().offset(), contents.line());
        let on = lines.get(line_at(&lines, label.offset()));
        let column = on.filter(|line| line.long()).map(|line| {
            let before = label.offset().saturating_sub(line.offset);
            width(line.text.get(..before).unwrap_or(line.text))
        });
        Context {
            label,
            lines,
            column,
        }
    }

    /// The first line's number.
    fn first(&self) -> usize {
        self.lines.first().map_or(0, |line| line.number)
    }
}

impl<'a> Cluster<'a> {
    fn new(context: Context<'a>) -> Self {
        Self {
            labels: vec![context.label],
            lines: context.lines,
            columns: context.column.map(|column| (column, column)),
        }
    }

    /// Takes in the next label (in offset order) if its lines touch the cluster's, and, if
    /// it is on a long line, it fits the same window as the others; else gives it back.
    fn join(&mut self, context: Context<'a>) -> Option<Context<'a>> {
        let last = self.lines.last().map_or(0, |line| line.number);
        if context.first() > last + 1 {
            return Some(context);
        }
        let columns = match (self.columns, context.column) {
            (Some((low, high)), Some(column)) => Some((low.min(column), high.max(column))),
            (None, Some(column)) => Some((column, column)),
            (columns, None) => columns,
        };
        if let Some((low, high)) = columns {
            if high + TAIL > low.saturating_sub(LEAD) + WINDOW {
                return Some(context);
            }
        }
        self.columns = columns;
        self.labels.push(context.label);
        let new = context.lines.into_iter().filter(|line| line.number > last);
        self.lines.extend(new);
        None
    }

    /// The columns shown of its long lines: a window around the labels.
    fn window(&self) -> Window {
        let widest = self.lines.iter().map(|line| width(line.text)).max();
        // Start a little before the leftmost label, but show a full window if the line
        // ends sooner.
        let leftmost = self.columns.map_or(0, |(low, _)| low);
        let from = leftmost
            .saturating_sub(LEAD)
            .min(widest.unwrap_or(0).saturating_sub(WINDOW));
        Window {
            from,
            to: from + WINDOW,
        }
    }
}

/// Groups labels (in offset order) into clusters.
fn clusters(contexts: Vec<Context<'_>>) -> Vec<Cluster<'_>> {
    let mut clusters: Vec<Cluster<'_>> = Vec::new();
    for context in contexts {
        let rest = match clusters.last_mut() {
            Some(cluster) => cluster.join(context),
            None => Some(context),
        };
        if let Some(context) = rest {
            clusters.push(Cluster::new(context));
        }
    }
    clusters
}

/// A range of terminal columns.
#[derive(Clone, Copy)]
struct Window {
    from: usize,
    to: usize,
}

impl Window {
    /// The byte range of a line's text that the window shows.
    fn bytes(self, text: &[u8]) -> (usize, usize) {
        (byte_at(text, self.from), byte_at(text, self.to))
    }
}

impl Line<'_> {
    fn long(&self) -> bool {
        self.text.len() > LONG_LINE && width(self.text) > LONG_LINE
    }
}

impl Block {
    /// Where a source offset is in the excerpt: offsets outside the part of the line shown
    /// are moved to its nearer edge, offsets after the last line to the block's end.
    fn place(&self, lines: &[Line<'_>], offset: usize) -> usize {
        let index = line_at(lines, offset);
        let (Some(line), Some(row)) = (lines.get(index), self.lines.get(index)) else {
            return self.start;
        };
        let within = offset.saturating_sub(line.offset);
        if within > line.text.len() {
            return self.end;
        }
        let (from, to) = row.shows;
        row.start + row.prefix + within.min(to).max(from) - from
    }

    /// The index of the line holding an excerpt offset.
    fn line_at(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|line| line.start <= offset)
            .saturating_sub(1)
    }

    /// Where a line ends in the excerpt, after its break.
    fn line_end(&self, index: usize) -> usize {
        self.lines
            .get(index + 1)
            .map_or(self.end, |line| line.start)
    }
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let start = span.offset();
        let end = start.saturating_add(span.len());
        // Spans across blocks fail, so miette shows blocks apart, each with its numbers.
        let block = self.block(start, end).ok_or(MietteError::OutOfBounds)?;
        let first = block.line_at(start);
        let last = block.line_at(end.saturating_sub(1).max(start));
        let top = first.saturating_sub(context_lines_before);
        let bottom = (last + context_lines_after).min(block.lines.len().saturating_sub(1));
        let data_start = match context_lines_before {
            0 => start,
            _ => block.lines.get(top).map_or(start, |line| line.start),
        };
        let data_end = match context_lines_after {
            0 => end,
            _ => block.line_end(bottom),
        };
        let line = block.line_at(data_start);
        let data = self
            .text
            .as_bytes()
            .get(data_start..data_end)
            .ok_or(MietteError::OutOfBounds)?;
        let (number, column) = self.position(block, data_start);
        let span = SourceSpan::new(data_start.into(), data.len());
        let line_count = bottom.max(line) - line + 1;
        Ok(Box::new(match &self.name {
            Some(name) => {
                MietteSpanContents::new_named(name.clone(), data, span, number, column, line_count)
            }
            None => MietteSpanContents::new(data, span, number, column, line_count),
        }))
    }
}

impl Excerpt {
    /// The source line and column (0-based, in characters) of an excerpt offset. Just past
    /// a block's final `\n` is the start of the next line, as in the source.
    fn position(&self, block: &Block, offset: usize) -> (usize, usize) {
        let Some(row) = block.lines.get(block.line_at(offset)) else {
            return (0, 0);
        };
        let after_break = offset == block.end
            && offset > row.start
            && self.text.as_bytes().get(offset - 1) == Some(&b'\n');
        if after_break {
            return (row.number + 1, 0);
        }
        (row.number, self.column(row, offset))
    }

    /// The source column (in characters) of an offset on a shown line.
    fn column(&self, row: &Row, offset: usize) -> usize {
        if offset <= row.start {
            return 0;
        }
        let after = row.start + row.prefix;
        let shown = self.text.as_bytes().get(after..offset.max(after));
        row.column + shown.map_or(0, chars)
    }
}

/// The lines of text read from a source, `data` starting at `offset` on line `number`.
fn split(data: &[u8], offset: usize, number: usize) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, text) in data.split(|&byte| byte == b'\n').enumerate() {
        let broken = start + text.len() < data.len();
        lines.push(Line {
            number: number + i,
            offset: offset + start,
            text,
            broken,
        });
        start += text.len() + 1;
    }
    // The empty piece after a final `\n` is the start of a line that was not read.
    if lines.len() > 1 && data.ends_with(b"\n") {
        lines.pop();
    }
    lines
}

/// The index of the line an offset is on (the last line for offsets past it).
fn line_at(lines: &[Line<'_>], offset: usize) -> usize {
    lines
        .partition_point(|line| line.offset <= offset)
        .saturating_sub(1)
}

/// How many characters start in these bytes.
fn chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| !is_continuation(b)).count()
}

/// Each character with its byte offset; a byte that is not UTF-8 stands for itself.
fn char_indices(bytes: &[u8]) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut at = 0;
    bytes.utf8_chunks().flat_map(move |chunk| {
        let start = at;
        at += chunk.valid().len() + chunk.invalid().len();
        let valid = chunk.valid().char_indices();
        let invalid = chunk.invalid().iter().enumerate();
        let after = start + chunk.valid().len();
        let valid = valid.map(move |(i, c)| (start + i, c));
        valid.chain(invalid.map(move |(i, _)| (after + i, char::REPLACEMENT_CHARACTER)))
    })
}

/// Adds bytes to a text, a byte that is not UTF-8 as `?`, so that offsets stay the same.
fn push_bytes(text: &mut String, bytes: &[u8]) {
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        text.extend(chunk.invalid().iter().map(|_| '?'));
    }
}

/// How wide text is in a terminal.
fn width(bytes: &[u8]) -> usize {
    char_indices(bytes).map(|(_, c)| char_width(c)).sum()
}

/// The byte offset of the first character that starts at or after a terminal column (the
/// end of the text if none does).
fn byte_at(text: &[u8], column: usize) -> usize {
    let mut at = 0;
    for (i, c) in char_indices(text) {
        if at >= column {
            return i;
        }
        at += char_width(c);
    }
    text.len()
}

/// How wide a character is in a terminal, as miette counts it (`unicode-width`): two
/// columns for East Asian wide characters, a tab as [`TAB`]. A character the table gives
/// no width (a control character) takes one column, so a window never shrinks to nothing.
pub(crate) fn char_width(c: char) -> usize {
    if c == '\t' {
        return TAB;
    }
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(1)
}
