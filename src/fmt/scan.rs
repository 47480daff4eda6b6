//! What the layout needs to know of a line: the braces that open and close blocks, and
//! whether a long text (`"""`) is open at its end.
//!
//! A small lexer, not the grammar: it tells code from comments, strings, messages with
//! `{expression}` parts and long texts, so that a `#`, a brace or a quote inside any of them
//! is taken for what it is. Its state is carried from line to line, because long texts (and,
//! through a comment, an interpolation) span lines.

/// Where the lexer is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Mode {
    /// Outside every string and comment.
    #[default]
    Code,
    /// In a `"string"` (in code, or within an interpolation when `in_part`).
    String { in_part: bool },
    /// In a message: the `"…"` after `says`, where `{` starts an expression.
    Message,
    /// In a message's `{expression}` part.
    Part,
    /// In a `"""long text"""`.
    LongText,
}

/// The lexer's state between lines.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scanner {
    mode: Mode,
    /// Whether the last word of code was `says`: the quote that follows opens a message.
    after_says: bool,
}

impl Scanner {
    /// Whether the next line starts outside every string, text and message.
    pub fn in_code(&self) -> bool {
        self.mode == Mode::Code
    }

    /// Whether the next line starts inside a long text.
    pub fn in_long_text(&self) -> bool {
        self.mode == Mode::LongText
    }

    /// Reads one line (without its line break); `brace` is called with each `{` and `}` of
    /// code, in order.
    pub fn line(&mut self, line: &str, mut brace: impl FnMut(u8)) {
        // Every delimiter is ASCII, so bytes will do: no byte of a multi-byte character is
        // ASCII.
        let bytes = line.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            at = self.step(bytes, at, &mut brace);
        }
        self.mode = match self.mode {
            // Neither a string nor a message may span lines: the grammar rejects what is left.
            Mode::String { in_part: false } | Mode::Message => Mode::Code,
            Mode::String { in_part: true } => Mode::Part,
            mode => mode,
        };
    }

    /// Reads what starts at `at`; where the next token starts.
    fn step(&mut self, bytes: &[u8], at: usize, brace: &mut impl FnMut(u8)) -> usize {
        let rest = bytes.get(at..).unwrap_or_default();
        match self.mode {
            Mode::Code => self.code(rest, brace),
            Mode::Part => self.part(rest),
            Mode::String { in_part } => self.string(rest, in_part),
            Mode::Message => self.message(rest),
            Mode::LongText => self.long_text(rest),
        }
        .map_or(bytes.len(), |len| at + len)
    }

    /// Code: the length of the token at the start of `rest`, or `None` for a comment, which
    /// runs to the end of the line.
    fn code(&mut self, rest: &[u8], brace: &mut impl FnMut(u8)) -> Option<usize> {
        let first = *rest.first()?;
        let word = rest.iter().take_while(|b| is_word(**b)).count();
        let after_says = std::mem::replace(&mut self.after_says, false);
        match first {
            // White space and comments may come between `says` and its message.
            b'#' => {
                self.after_says = after_says;
                return None;
            }
            b' ' | b'\t' | b'\r' => self.after_says = after_says,
            _ if rest.starts_with(b"\"\"\"") => {
                self.mode = Mode::LongText;
                return Some(3);
            }
            b'"' if after_says => self.mode = Mode::Message,
            b'"' => self.mode = Mode::String { in_part: false },
            b'{' | b'}' => brace(first),
            _ if word > 0 => {
                self.after_says = rest.get(..word) == Some(b"says".as_slice());
                return Some(word);
            }
            _ => {}
        }
        Some(1)
    }

    /// An interpolation: an expression, up to its `}`.
    fn part(&mut self, rest: &[u8]) -> Option<usize> {
        match *rest.first()? {
            b'#' => return None,
            b'"' => self.mode = Mode::String { in_part: true },
            b'}' => self.mode = Mode::Message,
            _ => {}
        }
        Some(1)
    }

    fn string(&mut self, rest: &[u8], in_part: bool) -> Option<usize> {
        match *rest.first()? {
            b'\\' => return Some(2),
            b'"' if in_part => self.mode = Mode::Part,
            b'"' => self.mode = Mode::Code,
            _ => {}
        }
        Some(1)
    }

    fn message(&mut self, rest: &[u8]) -> Option<usize> {
        match *rest.first()? {
            b'\\' => return Some(2),
            b'{' if rest.get(1) == Some(&b'{') => return Some(2),
            b'{' => self.mode = Mode::Part,
            b'"' => self.mode = Mode::Code,
            _ => {}
        }
        Some(1)
    }

    fn long_text(&mut self, rest: &[u8]) -> Option<usize> {
        if rest.starts_with(b"\"\"\"") {
            self.mode = Mode::Code;
            return Some(3);
        }
        Some(1)
    }
}

/// A byte of a name or keyword; every byte of a non-ASCII character counts (names may be
/// Chinese).
fn is_word(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || !byte.is_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The braces of each line, and whether a long text is open after the last.
    fn scan(lines: &[&str]) -> (Vec<String>, bool) {
        let mut scanner = Scanner::default();
        let braces = lines
            .iter()
            .map(|line| {
                let mut found = String::new();
                scanner.line(line, |b| found.push(char::from(b)));
                found
            })
            .collect();
        (braces, scanner.in_long_text())
    }

    #[test]
    fn braces_in_strings_messages_texts_and_comments_are_not_blocks() {
        let (braces, open) = scan(&[
            r#"article 第1条 "a { b" {  # }"#,
            r#"  pass when x says "{{ {y} }} {if a then "}" else "{"}" }"#,
            r#"text """ { "#,
            r#" } """ }"#,
        ]);
        assert_eq!(braces, ["{", "}", "", "}"]);
        assert!(!open);
    }

    #[test]
    fn a_hash_in_a_string_is_not_a_comment() {
        let (braces, open) = scan(&[r##"article 第1条 "#1" { text """"##]);
        assert_eq!(braces, ["{"]);
        assert!(open, "the long text is open");
    }

    #[test]
    fn a_message_may_follow_says_on_the_next_line() {
        let (braces, _) = scan(&["fail otherwise says  # why:", r#""{x}" }"#]);
        assert_eq!(braces, ["", "}"]);
    }

    #[test]
    fn escapes_do_not_close_strings() {
        let (braces, _) = scan(&[r#"set parameter a = "\" {" }"#]);
        assert_eq!(braces, ["}"]);
    }
}
