//! Errors a rule pack can have beyond its syntax: names, types, structure.
//!
//! Their words are in the catalogue (`locales/*/check.ftl`), keyed by the code; the fields
//! are the message's arguments. A code that covers several messages (`check::rule`,
//! `check::header`) holds the one it says as a phrase, `check-rule-…` or `check-header-…`.

use miette::Diagnostic;
use serde::{Serialize, Serializer};

use crate::i18n::Message;
use crate::source::{Source, Span};

/// A pack that parses but does not make sense.
#[derive(Debug, Diagnostic, Serialize)]
pub enum CheckError {
    /// A pack with no `pack { … }` header, or with two.
    #[diagnostic(code(banfa::check::header))]
    Header {
        /// What is wrong: a `check-header-…` phrase.
        message: Message,
        #[source_code]
        #[serde(skip)]
        src: Source,
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// How to put it right, if there is one thing to say.
        help: Option<Message>,
    },

    /// A name used but never declared, e.g. `pass when funding.fiscl > 0`.
    #[diagnostic(code(banfa::check::unknown_name))]
    UnknownName {
        /// field, name, term, class, type, article, item, function … (`check-what-…`)
        #[serde(serialize_with = "what_phrase")]
        what: &'static str,
        /// The name as written.
        name: String,
        /// The vocabulary a term was looked up in, if any.
        of: Option<String>,
        #[source_code]
        #[serde(skip)]
        src: Source,
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// A did-you-mean, or the names there are.
        help: Option<Message>,
    },

    /// A name declared twice, e.g. two rules with the id `declaration.on_time`.
    #[diagnostic(code(banfa::check::duplicate))]
    Duplicate {
        /// What kind of name (`check-what-…`).
        #[serde(serialize_with = "what_phrase")]
        what: &'static str,
        /// The name.
        name: String,
        #[source_code]
        #[serde(skip)]
        src: Source,
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// How to put it right, where there is more to say than "rename one".
        help: Option<Message>,
    },

    /// An expression of the wrong type, e.g. `pass when year` for an integer field (not yes/no).
    #[diagnostic(code(banfa::check::type_mismatch))]
    Type {
        /// The type wanted here (a `check-type-…` phrase).
        expected: Message,
        /// The type of what is written.
        found: Message,
        #[source_code]
        #[serde(skip)]
        src: Source,
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// How to write what was meant, for common mix-ups.
        help: Option<Message>,
    },

    /// A rule whose clauses cannot all be reached or do not end in `otherwise`, or an outcome
    /// its kind cannot give (a scope rule that is `pending`).
    #[diagnostic(code(banfa::check::rule))]
    Rule {
        /// What is wrong: a `check-rule-…` phrase.
        message: Message,
        #[source_code]
        #[serde(skip)]
        src: Source,
        #[label("span")]
        #[serde(skip)]
        span: Span,
        /// How to put it right, if there is one thing to say.
        help: Option<Message>,
    },

    /// Derived facts that refer to each other, e.g. `fact a = b` and `fact b = a`.
    #[diagnostic(code(banfa::check::cycle))]
    Cycle {
        /// The facts on the cycle, `a → b → a`.
        name: String,
        #[source_code]
        #[serde(skip)]
        src: Source,
        #[label("span")]
        #[serde(skip)]
        span: Span,
    },
}

/// A kind of name as its phrase, `check-what-header_entry` for `header entry`.
fn what_phrase<S: Serializer>(what: &&'static str, serializer: S) -> Result<S::Ok, S::Error> {
    Message::new(format!("check-what-{}", what.replace(' ', "_"))).serialize(serializer)
}

/// A phrase of this stage's messages: `check-NAME`.
pub fn phrase(name: &str) -> Message {
    Message::new(format!("check-{name}"))
}

impl CheckError {
    /// Shorthand for a [`CheckError::Rule`]: `message` names its `check-rule-…` phrase and
    /// `help` its `check-help-…` phrase.
    pub fn rule(src: &Source, span: Span, message: Message, help: Option<Message>) -> Self {
        CheckError::Rule {
            message,
            src: src.clone(),
            span,
            help,
        }
    }

    /// Shorthand for a [`CheckError::Type`].
    pub fn ty(src: &Source, span: Span, expected: Message, found: Message) -> Self {
        CheckError::Type {
            expected,
            found,
            src: src.clone(),
            span,
            help: None,
        }
    }

    /// The help of a variant that has one, to be set where more is known.
    pub fn help_mut(&mut self) -> Option<&mut Option<Message>> {
        match self {
            CheckError::Header { help, .. }
            | CheckError::UnknownName { help, .. }
            | CheckError::Duplicate { help, .. }
            | CheckError::Type { help, .. }
            | CheckError::Rule { help, .. } => Some(help),
            CheckError::Cycle { .. } => None,
        }
    }
}

/// Its arguments are its fields; a computed help is its `.hint-help`.
impl crate::i18n::Report for CheckError {
    fn message(&self) -> Message {
        let code = Diagnostic::code(self)
            .map(|code| code.to_string())
            .unwrap_or_default();
        let message = Message::of_fields(Message::id_of(&code), self);
        let has_help = matches!(
            self,
            CheckError::Header { help: Some(_), .. }
                | CheckError::UnknownName { help: Some(_), .. }
                | CheckError::Duplicate { help: Some(_), .. }
                | CheckError::Type { help: Some(_), .. }
                | CheckError::Rule { help: Some(_), .. }
        );
        if has_help {
            message.arg("hint", "help")
        } else {
            message
        }
    }
}

impl std::fmt::Display for CheckError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let message = crate::i18n::Report::message(self);
        f.write_str(&message.render(crate::i18n::Lang::En))
    }
}

impl std::error::Error for CheckError {}
