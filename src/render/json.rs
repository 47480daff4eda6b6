//! The JSON verdict, the `banfa.verdict/1` contract of `VERDICT.md`: the serialization of
//! [`Verdict`], on one line.

use crate::verdict::Verdict;

/// Renders a verdict as one line of JSON, without a trailing newline.
pub fn json(verdict: &Verdict) -> String {
    // Serializing cannot fail: every map key is a string and every value is plain data.
    serde_json::to_string(verdict).unwrap_or_else(|error| {
        serde_json::json!({ "format": verdict.format, "error": error.to_string() }).to_string()
    })
}
