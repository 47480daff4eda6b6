//! Parsing: rule file text → [`crate::ast::File`].
//!
//! Two steps: the pest grammar (`grammar/banfa.pest`) yields pairs, and `lower` builds the
//! syntax tree from them, one function per grammar rule. Grammar errors are translated into
//! the language of the DSL in exactly one place, [`error::from_pest`].

pub mod error;
mod lower;

use pest::Parser as _;

use crate::ast;
use crate::diagnostics::Diagnostics;
use crate::source::Source;

pub use error::SyntaxError;

/// The words that start a declaration in a rule file.
pub const DECLARATION_KEYWORDS: [&str; 13] = [
    "pack",
    "vocabulary",
    "record",
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
