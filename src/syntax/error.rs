//! Syntax errors, and the one place where pest's errors become the DSL's words.

use miette::Diagnostic;
use pest::Parser as _;
use pest::error::{ErrorVariant, InputLocation};
use serde::Serialize;

use super::{Grammar, Rule};
use crate::i18n::{Lang, Message};
use crate::source::{Source, Span};

/// A rule file that does not parse. Its words are in the catalogue (`locales/*/syntax.ftl`),
/// keyed by its code; its fields are the message's arguments.
#[derive(Debug, Diagnostic, Serialize)]
pub enum SyntaxError {
    /// The text does not fit the grammar, e.g. `requirement x cites 第8条 { pass when }`.
    #[diagnostic(code(banfa::syntax::unexpected))]
    Unexpected {
        /// What the grammar allows here, in the DSL's words.
        expected: Message,
        /// What is there instead.
        found: Message,
        #[source_code]
        #[serde(skip)]
        src: Source,
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// Help for this case: a slip, a missing `}`, a misspelt keyword.
        help: Option<Message>,
    },

    /// A literal that looks right but is not a value, e.g. the date `2019-02-30`.
    #[diagnostic(code(banfa::syntax::invalid_literal))]
    InvalidLiteral {
        /// The literal as written.
        text: String,
        /// What kind of literal it tried to be: `number`, `date` or `month_day`.
        kind: &'static str,
        #[source_code]
        #[serde(skip)]
        src: Source,
        #[label("span")]
        #[serde(skip)]
        span: Span,
    },

    /// An entry given twice where once is allowed, e.g. two `due` lines in one rule.
    #[diagnostic(code(banfa::syntax::duplicate_entry))]
    DuplicateEntry {
        /// The entry's keyword.
        entry: &'static str,
        #[source_code]
        #[serde(skip)]
        src: Source,
        #[label("span")]
        #[serde(skip)]
        span: Span,
        #[label("first")]
        #[serde(skip)]
        first: Span,
    },

    /// An expression too large to check safely, e.g. two hundred `and`s in one condition or
    /// parentheses nested forty deep.
    #[diagnostic(code(banfa::syntax::too_complex))]
    TooComplex {
        /// Which limit it passes.
        what: Message,
        #[source_code]
        #[serde(skip)]
        src: Source,
        #[label("span")]
        #[serde(skip)]
        span: Span,
    },

    /// A `{` in a message with no matching `}`, e.g. `"逾期{days(a, b)天"`.
    #[diagnostic(code(banfa::syntax::unclosed_interpolation))]
    UnclosedInterpolation {
        #[source_code]
        #[serde(skip)]
        src: Source,
        #[label("span")]
        #[serde(skip)]
        span: Span,
    },
}

/// Its arguments are its fields; its help is its `.hint-help` (the computed help) or, for a
/// literal, its `.hint-KIND`.
impl crate::i18n::Report for SyntaxError {
    fn message(&self) -> Message {
        let code = Diagnostic::code(self)
            .map(|code| code.to_string())
            .unwrap_or_default();
        let message = Message::of_fields(Message::id_of(&code), self);
        match self {
            SyntaxError::Unexpected { help: Some(_), .. } => message.arg("hint", "help"),
            SyntaxError::InvalidLiteral { kind, .. } => message.arg("hint", *kind),
            _ => message,
        }
    }
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let message = crate::i18n::Report::message(self);
        f.write_str(&message.render(crate::i18n::Lang::En))
    }
}

impl std::error::Error for SyntaxError {}

/// A phrase of this stage's messages: `syntax-NAME`.
fn phrase(name: &str) -> Message {
    Message::new(format!("syntax-{name}"))
}

/// Translates a pest error over a whole file.
pub fn from_pest(source: &Source, error: &pest::error::Error<Rule>) -> SyntaxError {
    let text = source.text();
    let position = error_position(error);
    if let ErrorVariant::CustomError { message } = &error.variant {
        if message.contains("stack limit") {
            return SyntaxError::TooComplex {
                what: phrase("limit-parser"),
                src: source.clone(),
                span: Span::new(position, position + 1),
            };
        }
    }
    let (expected, custom) = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => (expected_list(positives), None),
        ErrorVariant::CustomError { message } => (
            Message::default(),
            Some(phrase("verbatim").arg("text", message.as_str())),
        ),
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
            expected: phrase("expected-close_rule"),
            found: phrase("found-next_declaration").arg("keyword", found.text.as_str()),
            src: source.clone(),
            span,
            help: Some(phrase("help-close_rule")),
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
            expected: phrase("expected-closing_quote"),
            found: phrase("found-unclosed_string"),
            src: source.clone(),
            span: Span::new(open, open + 1),
            help: Some(phrase("help-string_line")),
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
fn keyword_help(found: &str, positives: &[Rule]) -> Option<Message> {
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
    crate::fuzzy::did_you_mean(found, KEYWORDS.iter().copied())
        .map(|keyword| phrase("help-did_you_mean").arg("suggestion", keyword))
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
        expected: phrase("expected-ascii"),
        help: slip_help(&found),
        found: phrase("found-full_width").arg("character", found.as_str()),
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
    fn describe(&self) -> Message {
        match self.text.as_str() {
            "" => phrase("found-end_of_file"),
            END_OF_LINE => phrase("found-end_of_line"),
            token => phrase("found-token").arg("token", token),
        }
    }
}

/// What [`Found`] holds for a line break: no token has spaces.
const END_OF_LINE: &str = "end of line";

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
    let shown = if token == "\n" { END_OF_LINE } else { token };
    Found {
        text: shown.to_owned(),
        token_len: end,
    }
}

/// Human names for what the grammar expected, joined as "a, b or c" (`a、b或c`). They are
/// listed in the order of their English names in every language, so that a message lists
/// them alike in both.
fn expected_list(positives: &[Rule]) -> Message {
    let mut names: Vec<&str> = positives.iter().filter_map(|r| human_name(*r)).collect();
    names.sort_unstable();
    names.dedup();
    let mut names: Vec<(String, Message)> = names
        .into_iter()
        .map(|name| {
            let message = phrase(&format!("name-{name}"));
            (message.render(Lang::En), message)
        })
        .collect();
    names.sort_by(|a, b| a.0.cmp(&b.0));
    let mut names = names.into_iter().map(|(_, message)| message);
    let Some(last) = names.next_back() else {
        return phrase("name-something_else");
    };
    let init = names.rfold(None, |rest: Option<Message>, first| {
        Some(match rest {
            None => first,
            Some(rest) => phrase("list-comma").arg("first", first).arg("rest", rest),
        })
    });
    match init {
        None => last,
        Some(init) => phrase("list-or").arg("init", init).arg("last", last),
    }
}

/// The catalogue's name (`syntax-name-NAME`) for a grammar rule, in the DSL's words; `None`
/// for rules a user never needs to hear about.
fn human_name(grammar_rule: Rule) -> Option<&'static str> {
    Some(match grammar_rule {
        Rule::EOI => "end_of_file",
        Rule::kw_override => "override",
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
        | Rule::kw_relation
        | Rule::relation
        | Rule::rule_kind
        | Rule::pack
        | Rule::vocabulary
        | Rule::record
        | Rule::article
        | Rule::parameter
        | Rule::fact
        | Rule::rule => "declaration",
        Rule::name | Rule::term | Rule::article_label | Rule::pack_name => "name",
        Rule::dotted | Rule::path => "name",
        Rule::rule_id => "rule_id",
        Rule::kw_cites => "cites",
        Rule::kw_says => "says",
        Rule::records_same => "records_same",
        Rule::open_brace => "open_brace",
        Rule::close_brace => "close_brace",
        Rule::kw_class | Rule::class => "class",
        Rule::date => "date",
        Rule::month_day => "month_day",
        Rule::version => "version",
        Rule::number | Rule::integer => "number",
        Rule::boolean => "boolean",
        Rule::string | Rule::text | Rule::long_text => "string",
        Rule::message => "message",
        Rule::close_interpolation => "close_interpolation",
        Rule::extends => "extends",
        Rule::header_entry => "header_entry",
        Rule::field => "field",
        Rule::group => "open_brace",
        Rule::typed | Rule::field_type | Rule::list_of | Rule::yes_no => "type",
        Rule::required => "required",
        Rule::default => "default",
        Rule::range | Rule::kw_between => "between",
        Rule::literal | Rule::empty_list => "value",
        Rule::article_text => "text",
        Rule::article_item => "item",
        Rule::item_label | Rule::open_paren => "item_label",
        Rule::close_paren => "close_paren",
        Rule::cite => "cite",
        Rule::applies => "applies",
        Rule::let_binding => "let",
        Rule::due => "due",
        Rule::clause | Rule::outcome => "outcome",
        Rule::when => "when",
        Rule::otherwise => "otherwise",
        Rule::unknown_says => "unknown_says",
        Rule::expr | Rule::quantifier | Rule::conditional | Rule::period | Rule::list => {
            "expression"
        }
        Rule::arguments => "open_paren",
        Rule::quantifier_kind => "quantifier",
        Rule::period_unit => "unit",
        Rule::or_op
        | Rule::and_op
        | Rule::presence
        | Rule::in_op
        | Rule::not_in
        | Rule::compare_op
        | Rule::sum_op
        | Rule::product_op => "operator",
        Rule::not_op => "not",
        Rule::present | Rule::absent => "presence",
        Rule::negate => "negate",
        _ => return None,
    })
}

/// Help for common slips: full-width punctuation typed with a Chinese input method.
fn slip_help(found: &str) -> Option<Message> {
    let mut chars = found.chars();
    let c = chars.next().filter(|_| chars.next().is_none())?;
    match ascii_look_alike(c)? {
        "" => Some(phrase("help-colon")),
        ascii => Some(
            phrase("help-full_width")
                .arg("character", found)
                .arg("ascii", ascii),
        ),
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
