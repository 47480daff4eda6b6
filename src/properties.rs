//! The pipeline's invariants, stated once and checked two ways: by the cargo-fuzz targets in
//! `fuzz/` on arbitrary bytes for as long as one likes, and by `tests/properties.rs` on
//! generated variants of the repository's own inputs on every `cargo test` (stable Rust).
//!
//! Each function takes any bytes and panics only when an invariant breaks: a diagnostic
//! that does not render, two renderings of one verdict that differ, a formatting that
//! changes the syntax tree or drops a character. Input that is merely invalid is fine:
//! it must come back as diagnostics, which are rendered to prove they can be.

use chrono::NaiveDate;
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};

use crate::pack::Pack;
use crate::source::Source;

/// Evaluation dates a record is judged at: the day before the pack takes effect, that day,
/// four years on, and the far future (the pack's dates, not any regulation's).
fn dates(pack: &Pack) -> Vec<NaiveDate> {
    let start = pack.header.in_force_since;
    let far = NaiveDate::from_ymd_opt(2099, 12, 31);
    [
        start.pred_opt(),
        Some(start),
        start.checked_add_months(chrono::Months::new(48)),
        far,
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A record: the fast YAML reader agrees with the complete one wherever it reads the record
/// (the same events and facts); it loads, or its diagnostics render; loaded, it evaluates at
/// several dates to one finding per rule, and renders as text and JSON the same way twice,
/// the JSON parsing and equal to the verdict's serialization; the outcomes-only evaluation
/// agrees with it.
///
/// # Panics
/// When an invariant breaks.
pub fn record(pack: &Pack, bytes: &[u8]) {
    record_readings(pack, bytes);
    let facts = match crate::record::load_bytes("fuzz.yaml", bytes, pack) {
        Ok(facts) => facts,
        Err(diagnostics) => return render(&diagnostics),
    };
    for as_of in dates(pack) {
        let verdict = crate::eval::evaluate(pack, &facts, as_of);
        assert_eq!(
            verdict.findings.len(),
            pack.rules.len(),
            "one finding per rule"
        );
        let mut outcomes = Vec::new();
        let status = crate::eval::evaluate_outcomes(pack, &facts, as_of, &mut outcomes);
        assert_eq!(
            status, verdict.status,
            "outcomes alone give the verdict's status"
        );
        assert!(
            outcomes
                .iter()
                .eq(verdict.findings.iter().map(|f| &f.outcome)),
            "outcomes alone are the findings' outcomes"
        );
        let again = crate::eval::evaluate(pack, &facts, as_of);
        let json = crate::render::json(&verdict);
        assert_eq!(
            json,
            crate::render::json(&again),
            "evaluation is deterministic"
        );
        let parsed: Result<serde_json::Value, _> = serde_json::from_str(&json);
        assert!(parsed.is_ok(), "verdict JSON parses: {json}");
        assert_eq!(
            serde_json::to_string(&verdict).ok().as_deref(),
            Some(json.as_str()),
            "the JSON writer writes what serializing the verdict gives"
        );
        let options = crate::render::TextOptions {
            colour: false,
            explain: true,
            ..Default::default()
        };
        let text = crate::render::text(&verdict, pack, &options);
        assert_eq!(text, crate::render::text(&again, pack, &options));
    }
}

/// A YAML record read by the fast reader of the plain subset and by the complete one:
/// wherever the fast one reads it to the end, both yield the same events, and the same
/// facts. (A slip in the fast reader would load a record as a different fact.)
///
/// # Panics
/// When they disagree.
pub fn record_readings(pack: &Pack, bytes: &[u8]) {
    if let Ok(text) = std::str::from_utf8(bytes) {
        crate::record::check_simple_reading(&Source::new("fuzz.yaml", text), pack);
    }
}

/// A rule file added to a pack's files (as a county adds its own): it parses, checks and
/// lints, or its diagnostics render.
///
/// # Panics
/// When an invariant breaks.
pub fn rule_file(base: &[Source], bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let mut sources = base.to_vec();
    sources.push(Source::new("fuzz.banfa", text));
    match crate::embedded::compile(&sources) {
        Ok(pack) => {
            let _ = crate::lint::lint(&pack);
        }
        Err(error) => render(&error),
    }
}

/// A rule file through `banfa fmt`: a file that parses formats to one that parses to the
/// same syntax tree, formatting again changes nothing, and every character other than
/// layout whitespace is kept, in order.
///
/// # Panics
/// When an invariant breaks.
pub fn fmt(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let source = Source::new("fuzz.banfa", text);
    let Ok(formatted) = crate::fmt::format_checked(&source) else {
        return;
    };
    assert_eq!(
        crate::fmt::format(&formatted),
        formatted,
        "fmt is idempotent"
    );
    let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    assert_eq!(
        visible(&formatted),
        visible(text),
        "fmt keeps every character"
    );
}

/// A pack test file: its cases load (records only from the pack's directory), run, and
/// their reports render; the broken ones carry diagnostics that render.
///
/// # Panics
/// When an invariant breaks.
pub fn pack_test(pack: &Pack, pack_dir: &std::path::Path, bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let dir = pack_dir.join("tests");
    let roots = [pack_dir.to_owned()];
    let cases = crate::packtest::load_text(Source::new("fuzz.yaml", text), &dir, pack, &roots);
    let report = crate::packtest::run(pack, &cases);
    let _ = crate::packtest::render::report(&report, crate::i18n::Lang::default(), false);
    for case in &cases {
        if let Err(errors) = &case.body {
            render(errors);
        }
    }
}

/// Renders a diagnostic as `banfa` reports it (long lines cut, at most
/// [`crate::diagnostics::MAX_SHOWN`] problems); rendering must not fail or panic.
fn render(diagnostic: &dyn Diagnostic) {
    let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor());
    let rendered = crate::diagnostics::render(&handler, diagnostic, crate::i18n::Lang::En);
    assert!(rendered.is_ok(), "diagnostic renders");
}
