//! What a report shows of a diagnostic: the lines around its labels, long ones cut
//! ([`super::excerpt`]), and no more than [`MAX_SHOWN`] problems, then one line saying how
//! many more there are.
//!
//! The cap is applied here, where diagnostics are shown, not where they are found: the
//! library still returns every problem, so callers can count or filter them, while a person
//! reading a terminal (and the renderer's time) gets a bounded report.

use std::fmt;

use miette::{Diagnostic, GraphicalReportHandler, LabeledSpan, Severity, SourceCode};

use super::excerpt::Excerpt;
use crate::i18n::Lang;

/// The most problems one report shows: a diagnostic and all it relates, at any depth.
pub const MAX_SHOWN: usize = 100;

/// A diagnostic as a report shows it: the same messages, each label's lines in an excerpt
/// of their own, and at most [`MAX_SHOWN`] problems in all.
pub struct Shown<'d> {
    inner: &'d dyn Diagnostic,
    excerpt: Option<Excerpt>,
    cause: Option<Box<Shown<'d>>>,
    related: Vec<Shown<'d>>,
    /// How many problems below this one were left out (counted at the top only).
    omitted: usize,
}

/// How many more problems may be shown, and how many were left out.
struct Budget {
    left: usize,
    omitted: usize,
}

impl<'d> Shown<'d> {
    /// The diagnostic, with the problems past [`MAX_SHOWN`] left out (in the order miette
    /// shows them: each one, its cause, then what it relates).
    pub fn new(diagnostic: &'d dyn Diagnostic) -> Self {
        let mut budget = Budget {
            left: MAX_SHOWN,
            omitted: 0,
        };
        let mut shown = Self::build(diagnostic, None, &mut budget);
        shown.omitted = budget.omitted;
        shown
    }

    /// How many problems were left out.
    pub fn omitted(&self) -> usize {
        self.omitted
    }

    fn build(
        diagnostic: &'d dyn Diagnostic,
        parent: Option<&'d dyn SourceCode>,
        budget: &mut Budget,
    ) -> Self {
        budget.left = budget.left.saturating_sub(1);
        // As miette does, a diagnostic without a source of its own points into its parent's.
        let source = diagnostic.source_code().or(parent);
        let excerpt = match (source, diagnostic.labels()) {
            (Some(source), Some(labels)) => Some(Excerpt::new(source, labels.collect())),
            _ => None,
        };
        let cause = diagnostic
            .diagnostic_source()
            .and_then(|cause| budget.take(cause, source))
            .map(Box::new);
        let related = diagnostic
            .related()
            .into_iter()
            .flatten()
            .filter_map(|related| budget.take(related, source))
            .collect();
        Self {
            inner: diagnostic,
            excerpt,
            cause,
            related,
            omitted: 0,
        }
    }
}

impl Budget {
    /// The diagnostic as shown, or `None` (counting what is left out) once the cap is hit.
    fn take<'d>(
        &mut self,
        diagnostic: &'d dyn Diagnostic,
        parent: Option<&'d dyn SourceCode>,
    ) -> Option<Shown<'d>> {
        if self.left == 0 {
            self.omitted += count(diagnostic);
            return None;
        }
        Some(Shown::build(diagnostic, parent, self))
    }
}

/// How many problems a diagnostic holds: itself, its cause and what it relates, at any depth.
fn count(diagnostic: &dyn Diagnostic) -> usize {
    let cause = diagnostic.diagnostic_source().map_or(0, count);
    let related: usize = diagnostic.related().into_iter().flatten().map(count).sum();
    1 + cause + related
}

/// Every problem in a diagnostic, in the order miette shows them: each one, its cause, then
/// what it relates. For reports that print one line per problem.
pub fn problems(diagnostic: &dyn Diagnostic) -> Vec<&dyn Diagnostic> {
    let mut all = Vec::new();
    let mut pending = vec![diagnostic];
    while let Some(next) = pending.pop() {
        all.push(next);
        let mut related: Vec<&dyn Diagnostic> = next.related().into_iter().flatten().collect();
        related.reverse();
        pending.extend(related);
        pending.extend(next.diagnostic_source());
    }
    all
}

/// `… and N more problems`, the line that ends a report with problems left out, in `lang`.
pub fn omitted(count: usize, lang: Lang) -> String {
    crate::i18n::text(lang, "common-omitted", &[("count", count.into())])
}

/// A diagnostic rendered by miette's graphical handler as [`Shown`], followed by the
/// [`omitted`] line when problems were left out.
///
/// # Errors
/// When the handler fails to render.
pub fn render(
    handler: &GraphicalReportHandler,
    diagnostic: &dyn Diagnostic,
    lang: Lang,
) -> Result<String, fmt::Error> {
    let shown = Shown::new(diagnostic);
    let mut out = String::new();
    render_each(handler, &shown, &mut out)?;
    if shown.omitted > 0 {
        out.truncate(out.trim_end().len());
        out.push_str("\n\n");
        out.push_str(&omitted(shown.omitted, lang));
        out.push('\n');
    }
    Ok(out)
}

/// Each problem as a report of its own, in order, a blank line between: a related problem
/// reads as one of the list (miette would prefix it with `Error:`), not as a part of the one
/// before it.
fn render_each(
    handler: &GraphicalReportHandler,
    shown: &Shown<'_>,
    out: &mut String,
) -> Result<(), fmt::Error> {
    handler.render_report(out, &Alone(shown))?;
    for related in &shown.related {
        out.truncate(out.trim_end().len());
        out.push_str("\n\n");
        render_each(handler, related, out)?;
    }
    Ok(())
}

/// A shown diagnostic without what it relates, which [`render_each`] shows after it.
struct Alone<'s, 'd>(&'s Shown<'d>);

impl fmt::Display for Alone<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.0, f)
    }
}

impl fmt::Debug for Alone<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0, f)
    }
}

impl std::error::Error for Alone<'_, '_> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.inner.source()
    }
}

impl Diagnostic for Alone<'_, '_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.0.code()
    }
    fn severity(&self) -> Option<Severity> {
        self.0.severity()
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.0.help()
    }
    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.0.url()
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.0.source_code()
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.0.labels()
    }
    fn diagnostic_source(&self) -> Option<&dyn Diagnostic> {
        self.0.diagnostic_source()
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.inner, f)
    }
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Shown")
            .field("inner", &self.inner)
            .field("omitted", &self.omitted)
            .finish_non_exhaustive()
    }
}

impl std::error::Error for Shown<'_> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.inner.source()
    }
}

/// The inner diagnostic's messages; the excerpt as its source, with the labels moved into
/// it; causes and related diagnostics as shown.
impl Diagnostic for Shown<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.inner.code()
    }
    fn severity(&self) -> Option<Severity> {
        self.inner.severity()
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.inner.help()
    }
    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.inner.url()
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.excerpt
            .as_ref()
            .map(|excerpt| excerpt as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let labels = self.excerpt.as_ref()?.labels();
        if labels.is_empty() {
            return None;
        }
        Some(Box::new(labels.iter().cloned()))
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
    }
    fn diagnostic_source(&self) -> Option<&dyn Diagnostic> {
        self.cause.as_deref().map(|cause| cause as &dyn Diagnostic)
    }
}
