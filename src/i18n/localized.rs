//! A diagnostic in a language: its message, help and labels from the catalogue, the rest
//! (code, severity, source, spans) from the diagnostic itself.

use std::fmt;

use miette::{Diagnostic, LabeledSpan, Severity, SourceCode};

use super::{Arg, Lang, Message};

/// A diagnostic whose words come from the catalogue: its code, its arguments, and the
/// reports it relates, as data.
pub trait Report: Diagnostic {
    /// The catalogue entry and its arguments.
    fn message(&self) -> Message;

    /// What it relates, as reports, in the order of [`Diagnostic::related`]; empty for a
    /// diagnostic that relates nothing.
    fn reports(&self) -> Vec<&dyn Report> {
        Vec::new()
    }

    /// Its cause, as [`Diagnostic::diagnostic_source`] gives it, as a report.
    fn cause_report(&self) -> Option<&dyn Report> {
        None
    }
}

/// A diagnostic in one language, for miette (and [`crate::diagnostics::render`]) to show.
pub struct Localized<'a> {
    inner: &'a dyn Diagnostic,
    message: String,
    help: Option<String>,
    labels: Option<Vec<LabeledSpan>>,
    related: Vec<Localized<'a>>,
    cause: Option<Box<Localized<'a>>>,
}

impl<'a> Localized<'a> {
    /// The report in `lang`, with everything it relates and its cause. A report whose
    /// message the catalogue lacks is shown as it words itself, and what it relates still
    /// in `lang`.
    pub fn new(report: &'a dyn Report, lang: Lang) -> Self {
        let message = report.message();
        let reports = report.reports();
        let related_count = report.related().map_or(0, Iterator::count);
        let related = if reports.len() == related_count {
            reports
                .into_iter()
                .map(|r| Localized::new(r, lang))
                .collect()
        } else {
            raw_related(report)
        };
        let cause = match report.cause_report() {
            Some(cause) => Some(Box::new(Localized::new(cause, lang))),
            None => report.diagnostic_source().map(|d| Box::new(Self::raw(d))),
        };
        let Some(text) = message.text(lang) else {
            return Self {
                related,
                cause,
                ..Self::raw(report)
            };
        };
        Self {
            inner: report,
            help: help(&message, lang),
            labels: report.labels().map(|labels| {
                labels
                    .map(|label| localize_label(&message, lang, label))
                    .collect()
            }),
            message: text,
            related,
            cause,
        }
    }

    /// A diagnostic shown as it words itself.
    fn raw(diagnostic: &'a dyn Diagnostic) -> Self {
        Self {
            inner: diagnostic,
            message: diagnostic.to_string(),
            help: diagnostic.help().map(|help| help.to_string()),
            labels: diagnostic.labels().map(Iterator::collect),
            related: raw_related(diagnostic),
            cause: diagnostic
                .diagnostic_source()
                .map(|d| Box::new(Self::raw(d))),
        }
    }

    /// The message, in the chosen language.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Each problem in order, as [`crate::diagnostics::problems`] lists them.
    pub fn problems(&self) -> Vec<&Localized<'a>> {
        let mut all = Vec::new();
        let mut pending = vec![self];
        while let Some(next) = pending.pop() {
            all.push(next);
            pending.extend(next.related.iter().rev());
            pending.extend(next.cause.as_deref());
        }
        all
    }
}

fn raw_related<'a>(diagnostic: &'a dyn Diagnostic) -> Vec<Localized<'a>> {
    diagnostic
        .related()
        .into_iter()
        .flatten()
        .map(Localized::raw)
        .collect()
}

/// Help is the message's `.suggest` when it has a `suggestion`, then its `.hint-NAME` for a
/// `hint` argument, then its `.help`, one per line: the most particular first.
fn help(message: &Message, lang: Lang) -> Option<String> {
    let hint = match message.get("hint") {
        Some(Arg::Text(hint)) => message.attribute(lang, &format!("hint-{hint}")),
        _ => None,
    };
    let suggest = message
        .get("suggestion")
        .and_then(|_| message.attribute(lang, "suggest"));
    let parts: Vec<String> = [suggest, hint, message.attribute(lang, "help")]
        .into_iter()
        .flatten()
        .collect();
    (!parts.is_empty()).then(|| parts.join("\n"))
}

/// A label's text names the message's attribute that words it; a label with no such
/// attribute keeps its text.
fn localize_label(message: &Message, lang: Lang, label: LabeledSpan) -> LabeledSpan {
    let text = label
        .label()
        .and_then(|name| message.attribute(lang, name))
        .or_else(|| label.label().map(str::to_owned));
    LabeledSpan::new_with_span(text, *label.inner())
}

impl fmt::Display for Localized<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Debug for Localized<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Localized")
            .field("message", &self.message)
            .finish_non_exhaustive()
    }
}

impl std::error::Error for Localized<'_> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.inner.source()
    }
}

impl Diagnostic for Localized<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.inner.code()
    }
    fn severity(&self) -> Option<Severity> {
        self.inner.severity()
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|help| Box::new(help) as Box<dyn fmt::Display>)
    }
    fn url<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.inner.url()
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.inner.source_code()
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let labels = self.labels.as_ref()?;
        Some(Box::new(labels.iter().cloned()))
    }
    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn Diagnostic> + 'b>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
    }
    fn diagnostic_source(&self) -> Option<&dyn Diagnostic> {
        self.cause.as_deref().map(|cause| cause as &dyn Diagnostic)
    }
}

impl<E: Report> Report for crate::diagnostics::Diagnostics<E> {
    fn message(&self) -> Message {
        self.iter()
            .next()
            .map_or_else(Message::default, Report::message)
    }
    fn reports(&self) -> Vec<&dyn Report> {
        self.iter().skip(1).map(|e| e as &dyn Report).collect()
    }
}

/// Implements [`Report`] (its arguments are its fields) and [`std::fmt::Display`] (its
/// English message) for an error type that derives `Serialize` and `Diagnostic`, whose
/// code names its catalogue entry.
#[macro_export]
macro_rules! report_by_code {
    ($type:ty) => {
        impl $crate::i18n::Report for $type {
            fn message(&self) -> $crate::i18n::Message {
                let code = $crate::i18n::Diagnostic::code(self)
                    .map(|code| code.to_string())
                    .unwrap_or_default();
                $crate::i18n::Message::of_fields($crate::i18n::Message::id_of(&code), self)
            }
        }

        impl std::fmt::Display for $type {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let message = $crate::i18n::Report::message(self);
                f.write_str(&message.render($crate::i18n::Lang::En))
            }
        }

        impl std::error::Error for $type {}
    };
}
