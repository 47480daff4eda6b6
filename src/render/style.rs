//! ANSI styles for output read on a terminal: one table for every renderer.

use crate::verdict::{Outcome, Status};

/// An ANSI style.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Style {
    Red,
    Green,
    Yellow,
    Dim,
    Bold,
}

impl Style {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Style::Red => "\x1b[31m",
            Style::Green => "\x1b[32m",
            Style::Yellow => "\x1b[33m",
            Style::Dim => "\x1b[2m",
            Style::Bold => "\x1b[1m",
        }
    }

    pub(crate) fn of_outcome(outcome: Outcome) -> Option<Style> {
        match outcome {
            Outcome::Pass => Some(Style::Green),
            Outcome::Fail => Some(Style::Red),
            Outcome::Pending | Outcome::Unknown => Some(Style::Yellow),
            Outcome::NotApplicable => Some(Style::Dim),
            Outcome::Note => None,
        }
    }

    pub(crate) fn of_status(status: Status) -> Style {
        match status {
            Status::Compliant | Status::OutOfScope => Style::Green,
            Status::NonCompliant | Status::Suspended => Style::Red,
            Status::Undetermined => Style::Yellow,
        }
    }
}

/// Ends a style.
pub(crate) const RESET: &str = "\x1b[0m";
