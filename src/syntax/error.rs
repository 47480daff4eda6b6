//! Syntax errors, and the one place where pest's errors become the DSL's words.

use miette::Diagnostic;
use pest::Parser as _;
use pest::error::{ErrorVariant, InputLocation};
use thiserror::Error;

use super::{Grammar, Rule};
use crate::source::{Source, Span};

/// A rule file that does not parse.
#[derive(Debug, Error, Diagnostic)]
pub enum SyntaxError {
    /// The text does not fit the grammar, e.g. `requirement x cites 第8条 { pass when }`.
    #[error("expected {expected}, found {found}")]
    #[diagnostic(code(banfa::syntax::unexpected))]
    Unexpected {
        /// What the grammar allows here, in the DSL's words.
        expected: String,
        /// What is there instead.
        found: String,
        #[source_code]
        src: Source,
        #[label("here")]
        span: Span,
        #[help]
        help: Option<String>,
    },

    /// A literal that looks right but is not a value, e.g. the date `2019-02-30`.
    #[error("`{text}` is not a valid {what}")]
    #[diagnostic(code(banfa::syntax::invalid_literal))]
    InvalidLiteral {
        /// The literal as written.
        text: String,
        /// What kind of literal it tried to be.
        what: &'static str,
        #[source_code]
        src: Source,
        #[label("not a valid {what}")]
        span: Span,
        #[help]
        help: Option<String>,
    },

    /// An entry given twice where once is allowed, e.g. two `due` lines in one rule.
    #[error("`{entry}` is given more than once")]
    #[diagnostic(
        code(banfa::syntax::duplicate_entry),
        help("keep one; a rule has at most one `applies`, `due` and `unknown says`")
    )]
    DuplicateEntry {
        /// The entry's keyword.
        entry: &'static str,
        #[source_code]
        src: Source,
        #[label("again here")]
        span: Span,
        #[label("first given here")]
        first: Span,
    },

    /// An expression too large to check safely, e.g. two hundred `and`s in one condition or
    /// parentheses nested forty deep.
    #[error("this expression is too complex: it has {what}")]
    #[diagnostic(
        code(banfa::syntax::too_complex),
        help("split it: name parts of it with `fact` or `let`")
    )]
    TooComplex {
        /// Which limit it passes.
        what: String,
        #[source_code]
        src: Source,
        #[label("this expression")]
        span: Span,
    },

    /// A `{` in a message with no matching `}`, e.g. `"逾期{days(a, b)天"`.
    #[error("unclosed `{{` in a message")]
    #[diagnostic(
        code(banfa::syntax::unclosed_interpolation),
        help("close the interpolation with `}}`, or write `{{{{` for a literal brace")
    )]
    UnclosedInterpolation {
        #[source_code]
        src: Source,
        #[label("opened here")]
        span: Span,
    },
}

/// Translates a pest error over a whole file.
pub fn from_pest(source: &Source, error: &pest::error::Error<Rule>) -> SyntaxError {
    let text = source.text();
    let position = error_position(error);
    if let ErrorVariant::CustomError { message } = &error.variant {
        if message.contains("stack limit") {
            return SyntaxError::TooComplex {
                what: "more nesting than the parser reads".to_owned(),
                src: source.clone(),
                span: Span::new(position, position + 1),
            };
        }
    }
    let (expected, custom) = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => (expected_list(positives), None),
        ErrorVariant::CustomError { message } => (String::new(), Some(message.clone())),
    };
    let found = found_at(text, position);
    let span = if position >= text.len() {
        let start = position.saturating_sub(found.token_len);
        let first = text.get(start..).and_then(|t| t.chars().next());
        Span::new(start, start + first.map_or(0, char::len_utf8))
    } else {
        Span::new(position, position + found.token_len)
    };
    let positives = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.as_slice(),
        ErrorVariant::CustomError { .. } => &[],
    };
    let line_start = text
        .get(..position)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let before = text.get(line_start..position).unwrap_or("");
    if positives.contains(&Rule::close_interpolation) {
        let open = before.rfind('{').map_or(position, |i| line_start + i);
        return SyntaxError::UnclosedInterpolation {
            src: source.clone(),
            span: Span::new(open, open + 1),
        };
    }
    if positives.contains(&Rule::close_brace)
        && super::DECLARATION_KEYWORDS.contains(&found.text.as_str())
    {
        return SyntaxError::Unexpected {
            expected: "`}` to close the rule above".to_owned(),
            found: format!("the next declaration, `{}`", found.text),
            src: source.clone(),
            span,
            help: Some("add `}` at the end of the rule above this line".to_owned()),
        };
    }
    // Only at the end of a line: pest reads a string up to there before it gives up, and a
    // line that closes a `"""` text has an odd number of quotes too.
    let at_line_end = text
        .get(position..)
        .is_none_or(|rest| rest.is_empty() || rest.starts_with('\n') || rest.starts_with("\r\n"));
    if let Some(quote) = unclosed_quote(before).filter(|_| at_line_end) {
        let open = line_start + quote;
        return SyntaxError::Unexpected {
            expected: "a closing `\"` before the end of the line".to_owned(),
            found: "a string that is never closed".to_owned(),
            src: source.clone(),
            span: Span::new(open, open + 1),
            help: Some(
                "a string ends on its own line; use `\"\"\"` for text of several lines".to_owned(),
            ),
        };
    }
    // After the checks above: in `"逾期{days(a, b)：…"` the `：` is the message's own text
    // after an unclosed `{`, not a slip.
    if let Some(slip) = full_width_slip(source, position) {
        return slip;
    }
    SyntaxError::Unexpected {
        expected: custom.unwrap_or(expected),
        help: slip_help(&found.text).or_else(|| keyword_help(&found.text, positives)),
        found: found.describe(),
        src: source.clone(),
        span,
    }
}

/// Where pest says the parse failed.
fn error_position(error: &pest::error::Error<Rule>) -> usize {
    match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((start, _)) => start,
    }
}

/// Where a line, up to the error, opens a string it does not close (after an even number of
/// unescaped quotes outside comments).
fn unclosed_quote(line: &str) -> Option<usize> {
    let mut open = None;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            '#' if open.is_none() => return None,
            '\\' if open.is_some() && !escaped => {
                escaped = true;
                continue;
            }
            '"' if !escaped => open = if open.is_some() { None } else { Some(i) },
            _ => {}
        }
        escaped = false;
    }
    open
}

/// Words the grammar knows, for did-you-mean on a misspelt keyword.
const KEYWORDS: &[&str] = &[
    "pack",
    "vocabulary",
    "class",
    "record",
    "article",
    "parameter",
    "fact",
    "scope",
    "requirement",
    "suspension",
    "advisory",
    "cites",
    "applies",
    "when",
    "otherwise",
    "says",
    "let",
    "due",
    "pass",
    "fail",
    "pending",
    "note",
    "unknown",
    "text",
    "item",
    "required",
    "default",
    "list",
    "of",
    "extends",
    "messages",
];

/// `did you mean `requirement`?` for a word close to a keyword the grammar expected there.
fn keyword_help(found: &str, positives: &[Rule]) -> Option<String> {
    let wants_keyword = positives.iter().any(|r| {
        matches!(
            r,
            Rule::rule_kind
                | Rule::kw_pack
                | Rule::kw_cites
                | Rule::kw_says
                | Rule::outcome
                | Rule::applies
                | Rule::when
                | Rule::otherwise
                | Rule::EOI
        )
    });
    if !wants_keyword || found.is_empty() {
        return None;
    }
    crate::fuzzy::help(found, KEYWORDS.iter().copied())
}

/// Full-width look-alikes of the ASCII punctuation the grammar uses, as a Chinese input method
/// types them. Full-width brackets are left out: `（…）` in code is as often a remark in
/// brackets as a slip for `(`, so they keep pest's expected list (with the same help).
const FULL_WIDTH: [char; 11] = [
    '：', '＝', '，', '｛', '｝', '［', '］', '＜', '＞', '“', '”',
];

/// How many full-width characters after the error position, on its line, are tried. Each try
/// parses the file again; a slip comes after at most a string or two on its line.
const SLIP_TRIES: usize = 8;

/// "expected ASCII punctuation, found the full-width `：`" for the full-width character that
/// stopped the parse, if one did.
///
/// A candidate is a look-alike at the error position or after it on the same line: pest
/// reports the furthest point where a grammar rule failed, and a literal such as the `=` of
/// `let` is no rule of its own, so `let 截止 ＝ …` fails at `let`. A candidate is blamed only
/// if the file, with that one character typed in ASCII, fails later than it did and not before
/// the character. That is the grammar's own answer: the law's `：` and `，` inside a `"…"`
/// string, a multi-line `"""…"""` text or a comment change nothing when replaced, so they are
/// never blamed, nor is a slip after the real error. A scan of the text instead would have to
/// redo the grammar's strings, escapes, texts and comments, and still could not tell which of
/// two errors the parse stopped at.
fn full_width_slip(source: &Source, position: usize) -> Option<SyntaxError> {
    let text = source.text();
    let rest = text.get(position..)?;
    let line = rest.split('\n').next().unwrap_or(rest);
    let (at, c) = line
        .char_indices()
        .filter(|(_, c)| FULL_WIDTH.contains(c))
        .take(SLIP_TRIES)
        .map(|(i, c)| (position + i, c))
        .find(|&(at, c)| ascii_gets_further(text, position, at, c))?;
    let found = c.to_string();
    Some(SyntaxError::Unexpected {
        expected: "ASCII punctuation".to_owned(),
        help: slip_help(&found),
        found: format!("the full-width `{found}`"),
        src: source.clone(),
        span: Span::new(at, at + c.len_utf8()),
    })
}

/// Whether `text`, which fails at `position`, parses further once the full-width `c` at `at`
/// is typed in ASCII: it succeeds, or fails later and not before `at`. The ASCII is padded
/// with spaces to the same length, so positions after it do not move.
fn ascii_gets_further(text: &str, position: usize, at: usize, c: char) -> bool {
    let (Some(before), Some(after), Some(ascii)) = (
        text.get(..at),
        text.get(at + c.len_utf8()..),
        ascii_look_alike(c),
    ) else {
        return false;
    };
    let padding = " ".repeat(c.len_utf8().saturating_sub(ascii.len()));
    let patched = [before, ascii, &padding, after].concat();
    Grammar::parse(Rule::file, &patched).err().is_none_or(|e| {
        let now = error_position(&e);
        now > position && now >= at
    })
}

/// What stands at the error position.
struct Found {
    text: String,
    token_len: usize,
}

impl Found {
    fn describe(&self) -> String {
        if self.text.is_empty() {
            "the end of the file".to_owned()
        } else {
            format!("`{}`", self.text)
        }
    }
}

fn found_at(text: &str, position: usize) -> Found {
    let rest = text.get(position..).unwrap_or("");
    let mut chars = rest.char_indices();
    let Some((_, first)) = chars.next() else {
        // At the end of the file: point at the last character that is not white space.
        let trimmed = text.trim_end();
        let last = trimmed.chars().next_back().map_or(0, char::len_utf8);
        return Found {
            text: String::new(),
            token_len: last + (text.len() - trimmed.len()),
        };
    };
    let word_char = |c: char| c.is_alphanumeric() || c == '_';
    let end = if word_char(first) {
        rest.char_indices()
            .find(|(_, c)| !word_char(*c))
            .map_or(rest.len(), |(i, _)| i)
    } else {
        first.len_utf8()
    };
    let token = rest.get(..end).unwrap_or("");
    let shown = if token == "\n" { "end of line" } else { token };
    Found {
        text: shown.to_owned(),
        token_len: end,
    }
}

/// Human names for what the grammar expected, joined as "a, b or c".
fn expected_list(positives: &[Rule]) -> String {
    let mut names: Vec<&str> = positives.iter().filter_map(|r| human_name(*r)).collect();
    names.sort_unstable();
    names.dedup();
    match names.as_slice() {
        [] => "something else".to_owned(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// The DSL's word for a grammar rule; `None` for rules a user never needs to hear about.
fn human_name(grammar_rule: Rule) -> Option<&'static str> {
    Some(match grammar_rule {
        Rule::EOI => "the end of the file",
        Rule::kw_override => "`override`",
        Rule::kw_pack
        | Rule::kw_set
        | Rule::kw_disable
        | Rule::set_parameter
        | Rule::disable
        | Rule::kw_vocabulary
        | Rule::kw_record
        | Rule::kw_article
        | Rule::kw_parameter
        | Rule::kw_fact
        | Rule::rule_kind
        | Rule::pack
        | Rule::vocabulary
        | Rule::record
        | Rule::article
        | Rule::parameter
        | Rule::fact
        | Rule::rule => {
            "a declaration (`pack`, `vocabulary`, `record`, `article`, `parameter`, `fact`, `scope`, `requirement`, `suspension` or `advisory`)"
        }
        Rule::name | Rule::term | Rule::article_label | Rule::pack_name => "a name",
        Rule::dotted | Rule::path => "a name",
        Rule::rule_id => "a rule id such as `declaration.on_time`",
        Rule::kw_cites => "`cites`",
        Rule::kw_says => "`says`",
        Rule::open_brace => "`{`",
        Rule::close_brace => "`}`",
        Rule::kw_class | Rule::class => "`class`",
        Rule::date => "a date (`2017-09-07`)",
        Rule::month_day => "a month-day (`12-31`)",
        Rule::version => "a version (`2017.1`)",
        Rule::number | Rule::integer => "a number",
        Rule::boolean => "`true` or `false`",
        Rule::string | Rule::text | Rule::long_text => "a quoted string",
        Rule::message => "a quoted message",
        Rule::close_interpolation => "`}` to close the `{…}` in the message",
        Rule::extends => "`extends`",
        Rule::header_entry => "a header entry (`edition`, `version`, `effective` …)",
        Rule::field => "a field",
        Rule::group => "`{`",
        Rule::typed | Rule::field_type | Rule::list_of | Rule::yes_no => "a type",
        Rule::required => "`required`",
        Rule::default => "`default`",
        Rule::range | Rule::kw_between => "`between`",
        Rule::literal | Rule::empty_list => "a value",
        Rule::article_text => "`text`",
        Rule::article_item => "`item`",
        Rule::item_label | Rule::open_paren => "an item label such as `(三)`",
        Rule::close_paren => "`)`",
        Rule::cite => "an article such as `第8条`",
        Rule::applies => "`applies when`",
        Rule::let_binding => "`let`",
        Rule::due => "`due`",
        Rule::clause | Rule::outcome => {
            "an outcome (`pass`, `fail`, `pending`, `note`, `not_applicable`)"
        }
        Rule::when => "`when`",
        Rule::otherwise => "`otherwise`",
        Rule::unknown_says => "`unknown says`",
        Rule::expr | Rule::quantifier | Rule::conditional | Rule::period | Rule::list => {
            "an expression"
        }
        Rule::arguments => "`(`",
        Rule::quantifier_kind => "`any`, `all` or `count`",
        Rule::period_unit => "a unit (`year`, `month`, `day`)",
        Rule::or_op
        | Rule::and_op
        | Rule::presence
        | Rule::in_op
        | Rule::not_in
        | Rule::compare_op
        | Rule::sum_op
        | Rule::product_op => "an operator (`and`, `or`, `==`, `<=`, `in`, `is`, `+` …)",
        Rule::not_op => "`not`",
        Rule::present | Rule::absent => "`present` or `absent`",
        Rule::negate => "`-`",
        _ => return None,
    })
}

/// Help for common slips: full-width punctuation typed with a Chinese input method.
fn slip_help(found: &str) -> Option<String> {
    let mut chars = found.chars();
    let c = chars.next().filter(|_| chars.next().is_none())?;
    match ascii_look_alike(c)? {
        "" => Some(
            "`：` is a full-width colon; the rule language needs no colon here: remove it"
                .to_owned(),
        ),
        ascii => Some(format!(
            "`{found}` is a full-width character; the rule language uses the ASCII `{ascii}` \
             here"
        )),
    }
}

/// What a full-width character stands for in the rule language: its ASCII look-alike, or
/// nothing for `：`, which the language never needs.
fn ascii_look_alike(c: char) -> Option<&'static str> {
    Some(match c {
        '：' => "",
        '（' => "(",
        '）' => ")",
        '｛' => "{",
        '｝' => "}",
        '［' | '【' => "[",
        '］' | '】' => "]",
        '，' => ",",
        '＝' => "=",
        '“' | '”' => "\"",
        '＜' => "<",
        '＞' => ">",
        '　' => " ",
        _ => return None,
    })
}

crate::i18n::untranslated!(SyntaxError);
