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

use crate::source::Source;
use crate::syntax::{self, DECLARATION_KEYWORDS};

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
    let mut out = String::with_capacity(text.len());
    let mut blocks: Vec<Block> = Vec::new();
    let mut in_long_text = false;
    let mut blank = false;
    for line in text.lines() {
        if in_long_text {
            in_long_text = long_text_opens(line, true);
            // The text's own lines are kept as written; a closing `"""` on a line of its own
            // is indented like the entry it closes.
            if in_long_text || !line.trim().starts_with("\"\"\"") {
                out.push_str(line.trim_end());
            } else {
                out.extend(std::iter::repeat_n(' ', 2 * blocks.len()));
                out.push_str(line.trim());
            }
            out.push('\n');
            continue;
        }
        let trimmed = line.trim();
        if trimmed.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        // A blank line is kept between entries, not just inside a block's braces.
        if blank && !out.trim_end().ends_with('{') && !trimmed.starts_with('}') {
            out.push('\n');
        }
        blank = false;
        let closing = trimmed.chars().take_while(|c| *c == '}').count();
        let depth = blocks.len().saturating_sub(closing);
        let indent =
            2 * depth + continuation(trimmed, blocks.get(depth.wrapping_sub(1)).copied(), depth);
        out.extend(std::iter::repeat_n(' ', indent));
        out.push_str(trimmed);
        out.push('\n');
        track_blocks(trimmed, &mut blocks);
        in_long_text = long_text_opens(trimmed, false);
    }
    out
}

/// Formats, then checks that the result parses to the same syntax tree as the input (as
/// Cedar's formatter does). `Err` when the input does not parse, or the check fails.
pub fn format_checked(source: &Source) -> Result<String, FormatError> {
    let before = syntax::parse(source).map_err(|_| FormatError::DoesNotParse)?;
    let formatted = format(source.text());
    let after = syntax::parse(&Source::new(source.name(), formatted.as_str()))
        .map_err(|_| FormatError::ChangedMeaning)?;
    if before.declarations == after.declarations {
        Ok(formatted)
    } else {
        Err(FormatError::ChangedMeaning)
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

/// Opens and closes blocks for the braces of a line, outside strings and comments.
fn track_blocks(line: &str, blocks: &mut Vec<Block>) {
    let word = match first_word(line) {
        "override" => first_word(line.trim_start_matches("override").trim_start()),
        word => word,
    };
    let kind = match word {
        "scope" | "requirement" | "suspension" | "advisory" => Block::Rule,
        _ => Block::Other,
    };
    let mut in_string = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if in_string => {
                chars.next();
            }
            '"' => in_string = !in_string,
            '#' if !in_string => break,
            '{' if !in_string => blocks.push(kind),
            '}' if !in_string => {
                blocks.pop();
            }
            _ => {}
        }
    }
}

/// Whether a long text (`"""`) is open after this line. `open` says whether it was open
/// before it.
fn long_text_opens(line: &str, open: bool) -> bool {
    let code = if open {
        line
    } else {
        line.split('#').next().unwrap_or(line)
    };
    let count = code.matches("\"\"\"").count();
    open ^ (count % 2 == 1)
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
