//! The one canonical layout of rule files: `banfa fmt`.
//!
//! Layout is indentation and blank lines; everything else is kept to the character —
//! comments, strings, long texts and the spacing within a line (aligned columns stay
//! aligned). Each line is indented two spaces per enclosing block; inside a rule, a line
//! that continues an entry (`says …`, `and …`) is indented five more. Runs of blank lines
//! become one, blank lines just inside braces go, trailing white space goes, and the file
//! ends with one line break. The result
//! depends only on the text's structure, not on its old indentation, so formatting is
//! idempotent; [`format_checked`] also verifies that the formatted text parses to the same
//! syntax tree.
//!
//! [`files`] finds rule files and replaces one by its formatted text without losing an edit
//! made meanwhile, a link, or the file's permissions.

pub mod files;
mod scan;

pub use files::{FileError, Outcome, Snapshot, collect, format_file};

use crate::source::Source;
use crate::syntax::{self, DECLARATION_KEYWORDS};
use scan::Scanner;

/// Words that start an entry of a rule; any other line inside a rule continues an entry.
const RULE_ENTRIES: [&str; 9] = [
    "pass",
    "fail",
    "pending",
    "note",
    "not_applicable",
    "applies",
    "let",
    "due",
    "unknown",
];

/// Extra indentation of a continuation line.
const CONTINUATION: usize = 5;

/// What a `{ … }` block holds, which decides how its lines are indented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    Rule,
    Other,
}

/// The canonical layout of a rule file.
pub fn format(text: &str) -> String {
    let mut layout = Layout {
        out: String::with_capacity(text.len()),
        blocks: Vec::new(),
        scanner: Scanner::default(),
        blank: false,
    };
    for line in text.lines() {
        layout.line(line);
    }
    layout.out
}

/// Formats, then checks that the result parses to the same syntax tree as the input (as
/// Cedar's formatter does). `Err` when the input does not parse, or the check fails.
///
/// The two trees are compared a declaration at a time ([`syntax::declarations`]), so the
/// memory needed is the two texts and one declaration's tree, not two whole trees.
pub fn format_checked(source: &Source) -> Result<String, FormatError> {
    let formatted = Source::new(source.name(), format(source.text()));
    same_tree(source, &formatted)?;
    Ok(formatted.text().to_owned())
}

/// `Ok` when `after` parses to the same declarations as `before`.
fn same_tree(before: &Source, after: &Source) -> Result<(), FormatError> {
    let mut old = syntax::declarations(before);
    let mut new = syntax::declarations(after);
    loop {
        match (old.next(), new.next()) {
            (None, None) => return Ok(()),
            (Some(Err(_)), _) => return Err(FormatError::DoesNotParse),
            (Some(Ok(a)), Some(Ok(b))) if a == b => {}
            // The formatter is at fault only if the input is valid: read the rest of it.
            _ if old.any(|d| d.is_err()) => return Err(FormatError::DoesNotParse),
            _ => return Err(FormatError::ChangedMeaning),
        }
    }
}

/// Why a file was not formatted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatError {
    /// The file has syntax errors; `banfa check` shows them.
    DoesNotParse,
    /// Formatting would change what the file means: a bug in the formatter, so the file is
    /// left alone.
    ChangedMeaning,
}

/// The layout being written, and what it needs to know of the lines before.
struct Layout {
    out: String,
    /// The blocks open, innermost last.
    blocks: Vec<Block>,
    scanner: Scanner,
    /// Whether blank lines came since the last line written.
    blank: bool,
}

impl Layout {
    fn line(&mut self, line: &str) {
        if self.scanner.in_long_text() {
            self.long_text_line(line);
        } else if self.scanner.in_code() {
            self.code_line(line);
        } else {
            // Within a `{…}` part of a message continued after a comment: white space there
            // means nothing, but a `}` is not a block's, so the line is left as it is.
            self.push_line(0, line.trim_end());
            self.track(line, Block::Other);
        }
    }

    /// A line that starts inside a long text. The text's own lines are kept as written; a
    /// closing `"""` at the start of a line is indented like the entry it closes, and what
    /// follows it is code like any other (a `}` there closes a block).
    fn long_text_line(&mut self, line: &str) {
        let trimmed = line.trim();
        if trimmed.starts_with("\"\"\"") {
            self.push_line(2 * self.blocks.len(), trimmed);
        } else {
            self.push_line(0, line.trim_end());
        }
        self.track(line, Block::Other);
    }

    fn code_line(&mut self, line: &str) {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            self.blank = !self.out.is_empty();
            return;
        }
        // A blank line is kept between entries, not just inside a block's braces.
        if self.blank && !self.out.trim_end().ends_with('{') && !trimmed.starts_with('}') {
            self.out.push('\n');
        }
        self.blank = false;
        let closing = trimmed.bytes().take_while(|b| *b == b'}').count();
        let depth = self.blocks.len().saturating_sub(closing);
        let block = self.blocks.get(depth.wrapping_sub(1)).copied();
        self.push_line(2 * depth + continuation(trimmed, block, depth), trimmed);
        self.track(trimmed, block_kind(trimmed));
    }

    fn push_line(&mut self, indent: usize, text: &str) {
        self.out.extend(std::iter::repeat_n(' ', indent));
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// Opens and closes blocks for the braces of a line's code; `kind` for those it opens.
    fn track(&mut self, line: &str, kind: Block) {
        let blocks = &mut self.blocks;
        self.scanner.line(line, |brace| {
            if brace == b'{' {
                blocks.push(kind);
            } else {
                blocks.pop();
            }
        });
    }
}

/// What the blocks opened on a line hold, by the word it starts with.
fn block_kind(line: &str) -> Block {
    let word = match first_word(line) {
        "override" => first_word(line.trim_start_matches("override").trim_start()),
        word => word,
    };
    match word {
        "scope" | "requirement" | "suspension" | "advisory" => Block::Rule,
        _ => Block::Other,
    }
}

/// Extra indentation for a line that continues an entry.
fn continuation(line: &str, block: Option<Block>, depth: usize) -> usize {
    if line.starts_with('}') || line.starts_with('#') {
        return 0;
    }
    let word = first_word(line);
    let continues = match (depth, block) {
        (0, _) => !DECLARATION_KEYWORDS.contains(&word),
        (_, Some(Block::Rule)) => !RULE_ENTRIES.contains(&word),
        _ => false,
    };
    if continues { CONTINUATION } else { 0 }
}

fn first_word(line: &str) -> &str {
    let end = line
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '/'))
        .unwrap_or(line.len());
    line.get(..end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indents_blocks_and_continuations() {
        let text = "requirement a.b cites 第8条 {\npass when x\nsays \"y\"\n    fail otherwise says \"z\"\n}\n";
        let expected = "requirement a.b cites 第8条 {\n  pass when x\n       says \"y\"\n  fail otherwise says \"z\"\n}\n";
        assert_eq!(format(text), expected);
        assert_eq!(format(expected), expected);
    }

    #[test]
    fn keeps_long_texts_and_comments_and_collapses_blank_lines() {
        let text = "\n\narticle 第1条 \"t\" {\n    text \"\"\"\n  line one\n    line two\n  \"\"\"   \n\n\n   # a comment { not a block\n}\n\n";
        let expected = "article 第1条 \"t\" {\n  text \"\"\"\n  line one\n    line two\n  \"\"\"\n\n  # a comment { not a block\n}\n";
        assert_eq!(format(text), expected);
    }
}
