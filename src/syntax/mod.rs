//! Parsing: rule file text → [`crate::ast::File`].
//!
//! Two steps: the pest grammar (`grammar/banfa.pest`) yields pairs, and `lower` builds the
//! syntax tree from them, one function per grammar rule. Grammar errors are translated into
//! the language of the DSL in exactly one place, [`error::from_pest`].
//!
//! [`declarations`] reads the same language a declaration at a time, for callers that only
//! need to look at each declaration once and must not hold the whole tree of a large file.

pub mod error;
mod lower;

use pest::Parser as _;

use crate::ast;
use crate::diagnostics::Diagnostics;
use crate::source::Source;

pub use error::SyntaxError;

/// The words that start a declaration in a rule file.
pub const DECLARATION_KEYWORDS: [&str; 14] = [
    "pack",
    "vocabulary",
    "record",
    "relation",
    "article",
    "parameter",
    "fact",
    "scope",
    "requirement",
    "suspension",
    "advisory",
    "override",
    "set",
    "disable",
];

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/banfa.pest"]
struct Grammar;

/// Parses one rule file.
pub fn parse(source: &Source) -> Result<ast::File, Diagnostics<SyntaxError>> {
    let pairs = Grammar::parse(Rule::file, source.text())
        .map_err(|e| Diagnostics::one(error::from_pest(source, &e)))?;
    let mut lowering = lower::Lowering::new(source);
    let declarations = lowering.file(pairs);
    match Diagnostics::new(lowering.into_errors()) {
        Some(errors) => Err(errors),
        None => Ok(ast::File {
            source: source.clone(),
            declarations,
        }),
    }
}

/// The declarations of a rule file one at a time, each parsed when it is asked for: the
/// memory used is that of the largest declaration, not of the file. The sequence is the one
/// [`parse`] builds (the grammar's `file` is `declaration*` with white space and comments
/// between), and ends with one `Err` where [`parse`] would fail.
pub fn declarations(source: &Source) -> Declarations<'_> {
    Declarations {
        source,
        at: 0,
        done: false,
    }
}

/// The iterator of [`declarations`].
#[derive(Debug)]
pub struct Declarations<'s> {
    source: &'s Source,
    /// Where the next declaration (or the white space before it) starts.
    at: usize,
    done: bool,
}

/// The file does not parse; [`parse`] says why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invalid;

impl Iterator for Declarations<'_> {
    type Item = Result<ast::Declaration, Invalid>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let next = self.step();
        self.done = !matches!(next, Some(Ok(_)));
        next
    }
}

impl Declarations<'_> {
    /// Parses the declaration at `self.at`; `None` at the end of the file.
    fn step(&mut self) -> Option<Result<ast::Declaration, Invalid>> {
        let rest = self.source.text().get(self.at..)?;
        let Ok(mut pairs) = Grammar::parse(Rule::next_declaration, rest) else {
            return Some(Err(Invalid));
        };
        let Some(pair) = pairs.next() else {
            return Some(Err(Invalid));
        };
        if pair.as_rule() == Rule::EOI {
            return None;
        }
        let end = pair.as_span().end();
        if end == 0 {
            // Never: a declaration has text. Were it empty, the next step would not move on.
            return Some(Err(Invalid));
        }
        let mut lowering = lower::Lowering::at(self.source, self.at);
        let declaration = lowering.declaration(pair);
        self.at += end;
        if lowering.into_errors().is_empty() {
            Some(Ok(declaration))
        } else {
            Some(Err(Invalid))
        }
    }
}
