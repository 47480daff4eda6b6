//! Errors a rule pack can have beyond its syntax: names, types, structure.

use miette::Diagnostic;
use thiserror::Error;

use crate::source::{Source, Span};

/// A pack that parses but does not make sense.
#[derive(Debug, Error, Diagnostic)]
pub enum CheckError {
    /// A pack with no `pack { … }` header, or with two.
    #[error("{message}")]
    #[diagnostic(code(banfa::check::header))]
    Header {
        /// What is wrong.
        message: String,
        #[source_code]
        src: Source,
        #[label("here")]
        span: Span,
        #[help]
        help: Option<String>,
    },

    /// A name used but never declared, e.g. `pass when funding.fiscl > 0`.
    #[error("unknown {what} `{name}`")]
    #[diagnostic(code(banfa::check::unknown_name))]
    UnknownName {
        /// field, name, term, class, type, article, item, function …
        what: &'static str,
        /// The name as written.
        name: String,
        #[source_code]
        src: Source,
        #[label("not declared")]
        span: Span,
        #[help]
        help: Option<String>,
    },

    /// A name declared twice, e.g. two rules with the id `declaration.on_time`.
    #[error("{what} `{name}` is declared twice")]
    #[diagnostic(code(banfa::check::duplicate))]
    Duplicate {
        /// What kind of name.
        what: &'static str,
        /// The name.
        name: String,
        #[source_code]
        src: Source,
        #[label("declared again here")]
        span: Span,
        #[help]
        help: Option<String>,
    },

    /// An expression of the wrong type, e.g. `pass when year` for an integer field (not yes/no).
    #[error("expected {expected}, found {found}")]
    #[diagnostic(code(banfa::check::type_mismatch))]
    Type {
        /// The type wanted here.
        expected: String,
        /// The type of what is written.
        found: String,
        #[source_code]
        src: Source,
        #[label("this is {found}")]
        span: Span,
        #[help]
        help: Option<String>,
    },

    /// A rule whose clauses cannot all be reached or do not end in `otherwise`, or an outcome
    /// its kind cannot give (a scope rule that is `pending`).
    #[error("{message}")]
    #[diagnostic(code(banfa::check::rule))]
    Rule {
        /// What is wrong.
        message: String,
        #[source_code]
        src: Source,
        #[label("here")]
        span: Span,
        #[help]
        help: Option<String>,
    },

    /// Derived facts that refer to each other, e.g. `fact a = b` and `fact b = a`.
    #[error("these facts depend on each other in a circle: {name}")]
    #[diagnostic(
        code(banfa::check::cycle),
        help("a fact may use other facts, but not in a circle")
    )]
    Cycle {
        /// The facts on the cycle, `a → b → a`.
        name: String,
        #[source_code]
        src: Source,
        #[label("used here, inside its own definition")]
        span: Span,
    },
}

impl CheckError {
    /// Shorthand for a [`CheckError::Rule`].
    pub fn rule(src: &Source, span: Span, message: String, help: Option<String>) -> Self {
        CheckError::Rule {
            message,
            src: src.clone(),
            span,
            help,
        }
    }

    /// Shorthand for a [`CheckError::Type`].
    pub fn ty(src: &Source, span: Span, expected: String, found: String) -> Self {
        CheckError::Type {
            expected,
            found,
            src: src.clone(),
            span,
            help: None,
        }
    }
}

crate::i18n::untranslated!(CheckError);
