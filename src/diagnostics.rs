//! Collected diagnostics: every stage reports all it finds, not just the first problem.
//!
//! How they are shown is here too ([`render`], [`Shown`]): every report goes through it, so
//! that no input makes one unbounded. A report shows at most [`MAX_SHOWN`] problems, then
//! says how many more there are; lines wider than [`LONG_LINE`] terminal columns are cut
//! to a window of [`WINDOW`] columns around the labels.

mod excerpt;
mod shown;
#[cfg(test)]
mod tests;

use std::fmt;

use miette::{Diagnostic, LabeledSpan, Severity, SourceCode};

pub(crate) use excerpt::char_width;
pub use excerpt::{CONTEXT_LINES, LONG_LINE, WINDOW};
pub use shown::{MAX_SHOWN, Shown, omitted, problems, render};

use crate::i18n::{Lang, Localized, Report};

/// A report rendered by [`render`] in a language, without colour, `width` columns wide: as
/// `banfa` writes it to a file or pipe.
pub fn plain(report: &dyn Report, lang: Lang, width: usize) -> String {
    let theme = miette::GraphicalTheme::unicode_nocolor();
    let handler = miette::GraphicalReportHandler::new_themed(theme).with_width(width);
    let localized = Localized::new(report, lang);
    render(&handler, &localized, lang).unwrap_or_else(|_| format!("{localized}"))
}

/// A non-empty list of diagnostics. The first is the headline; the rest are `related()`,
/// so miette prints them all.
#[derive(Debug)]
pub struct Diagnostics<E> {
    first: Box<E>,
    rest: Vec<E>,
}

impl<E> Diagnostics<E> {
    /// The list, or `None` if `errors` is empty.
    pub fn new(errors: Vec<E>) -> Option<Self> {
        let mut errors = errors.into_iter();
        let first = errors.next()?;
        Some(Self {
            first: Box::new(first),
            rest: errors.collect(),
        })
    }

    /// A list of one.
    pub fn one(error: E) -> Self {
        Self {
            first: Box::new(error),
            rest: Vec::new(),
        }
    }

    /// All diagnostics in order.
    pub fn iter(&self) -> impl Iterator<Item = &E> {
        std::iter::once(&*self.first).chain(&self.rest)
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        1 + self.rest.len()
    }

    /// Never true: the list is non-empty by construction.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Converts each diagnostic.
    pub fn map<F>(self, f: impl Fn(E) -> F) -> Diagnostics<F> {
        Diagnostics {
            first: Box::new(f(*self.first)),
            rest: self.rest.into_iter().map(f).collect(),
        }
    }
}

impl<E> IntoIterator for Diagnostics<E> {
    type Item = E;
    type IntoIter = std::iter::Chain<std::iter::Once<E>, std::vec::IntoIter<E>>;

    fn into_iter(self) -> Self::IntoIter {
        std::iter::once(*self.first).chain(self.rest)
    }
}

impl<E: fmt::Display> fmt::Display for Diagnostics<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.first.fmt(f)
    }
}

impl<E: Diagnostic> std::error::Error for Diagnostics<E> {}

impl<E: Diagnostic> Diagnostic for Diagnostics<E> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.first.code()
    }
    fn severity(&self) -> Option<Severity> {
        self.first.severity()
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.first.help()
    }
    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.first.url()
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.first.source_code()
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.first.labels()
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.rest.is_empty() {
            None
        } else {
            Some(Box::new(self.rest.iter().map(|e| e as &dyn Diagnostic)))
        }
    }
}
