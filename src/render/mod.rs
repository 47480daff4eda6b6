//! Rendering verdicts: text for people, JSON for programs. Rendering is presentation only;
//! everything shown is already in the [`Verdict`](crate::Verdict).

mod facts;
mod json;
pub(crate) mod labels;
pub(crate) mod style;
mod text;

pub use json::json;
pub use text::{TextOptions, text};

#[cfg(test)]
mod tests;
